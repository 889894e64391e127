package tui

import (
	"regexp"
	"strings"
	"sync"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// The boot stepper: with the stepper speed, rc stops before each link of
// the runlevel's directory (a boot, or a runlevel change) and a box under
// the console says which link comes, whether rc runs it or passes it by
// and why, and, once it ran, its output and exit status. Space (or Enter,
// n) lets rc go on by one link; c or Esc (or Ctrl-C) lets it run to the
// end at full speed.
//
// It relies on sim calling event subscribers synchronously: the machine's
// goroutine, inside the subscriber, waits in hold until the student's key
// (on the UI goroutine) lets it go.

// stepper holds rc between links. Its methods are safe on any goroutine.
type stepper struct {
	mu      sync.Mutex
	cond    *sync.Cond
	active  bool // a stepped rc pass runs: the stepper keys are its
	credits int  // steps asked for and not taken yet
	free    bool // run to the end, until the machine is idle again
	epoch   int  // bumped to let go of every hold (a new machine)
}

func newStepper() *stepper {
	st := &stepper{}
	st.cond = sync.NewCond(&st.mu)
	return st
}

// hold waits for the student's key, unless they asked to run to the end
// or the machine was dropped.
func (st *stepper) hold() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.active = true
	epoch := st.epoch
	for st.credits == 0 && !st.free && st.epoch == epoch {
		st.cond.Wait()
	}
	if st.credits > 0 && st.epoch == epoch {
		st.credits--
	}
}

// begin marks a stepped pass: the stepper's keys are taken from now on.
func (st *stepper) begin() {
	st.mu.Lock()
	st.active = true
	st.mu.Unlock()
}

// holding reports whether a stepped rc pass runs.
func (st *stepper) holding() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.active
}

// step lets rc go on by one link.
func (st *stepper) step() {
	st.mu.Lock()
	st.credits++
	st.cond.Broadcast()
	st.mu.Unlock()
}

// finish lets rc run to the end at full speed.
func (st *stepper) finish() {
	st.mu.Lock()
	st.free = true
	st.cond.Broadcast()
	st.mu.Unlock()
}

// rearm readies the stepper for the next action, once the machine is
// idle: rc will be held again, and keys pressed meanwhile are forgotten.
func (st *stepper) rearm() {
	st.mu.Lock()
	st.active, st.free, st.credits = false, false, 0
	st.mu.Unlock()
}

// release lets go of every hold for good (the machine is dropped).
func (st *stepper) release() {
	st.mu.Lock()
	st.epoch++
	st.active, st.free, st.credits = false, false, 0
	st.cond.Broadcast()
	st.mu.Unlock()
}

// stepEvent is the stepper's part of the machine's event function: it
// shows an rc step and, in stepper mode, holds rc before the link.
func (s *sandbox) stepEvent(g int, e sim.Event) {
	if e.Kind != sim.EventRcStep || e.Rc == nil || s.speed() != speedStepper {
		return
	}
	st := *e.Rc
	s.steps.begin()
	s.u.post(func() {
		if g == s.gen {
			s.showStep(st)
		}
	})
	if st.Kind != sim.RcDone {
		s.steps.hold()
	}
}

// withoutSteps drops the rc steps from evs: the event log shows the
// scripts themselves, and the stepper the steps.
func withoutSteps(evs []sim.Event) []sim.Event {
	out := evs[:0:0]
	for _, e := range evs {
		if e.Kind != sim.EventRcStep {
			out = append(out, e)
		}
	}
	return out
}

// showStep adds a step to the stepper's box, putting the box under tty1
// if it is not there yet.
func (s *sandbox) showStep(st sim.RcStep) {
	if s.stepBox == nil {
		s.stepBox = newStepPane(s.env, s.consoles[0])
	}
	v := s.stepBox.view
	if !s.stepBox.shown || v.over {
		v.reset()
	}
	v.add(st)
	if !s.stepBox.shown {
		s.stepBox.shown = true
		if s.vc == 0 {
			s.switchConsole(0)
		}
	}
}

// stepsOver is called when the machine is idle again: the stepper lets
// go, and its box says rc is done (it goes when the next line is typed).
func (s *sandbox) stepsOver() {
	s.steps.rearm()
	if s.stepBox != nil && s.stepBox.shown {
		s.stepBox.view.over = true
	}
}

// hideSteps takes the stepper's box away.
func (s *sandbox) hideSteps() {
	if s.stepBox == nil || !s.stepBox.shown {
		return
	}
	s.stepBox.shown = false
	if s.vc == 0 {
		s.switchConsole(0)
	}
}

// consoleView is what the sandbox shows for console i: tty1 with the
// stepper's box under it while there is one.
func (s *sandbox) consoleView(i int) tview.Primitive {
	if i == 0 && s.stepBox != nil && s.stepBox.shown {
		return s.stepBox
	}
	return s.consoles[i]
}

// stepEntry is one link in the stepper's box.
type stepEntry struct {
	step   sim.RcStep
	done   bool
	status int
	output string // the link's output, as one line
}

// stepView is the stepper's box: the links rc reached, the last one
// first to read.
type stepView struct {
	*tview.Box
	env     *env
	entries []stepEntry
	over    bool
}

// maxStepEntries bounds the box's memory of one pass.
const maxStepEntries = 200

func (v *stepView) reset() { v.entries, v.over = nil, false }

// add records a step: a link reached, or the end of the one that ran.
func (v *stepView) add(st sim.RcStep) {
	if st.Kind == sim.RcDone {
		for i := len(v.entries) - 1; i >= 0; i-- {
			if e := &v.entries[i]; e.step.Link == st.Link && !e.done && e.step.Kind == sim.RcRun {
				e.done, e.status, e.output = true, st.Status, oneLine(st.Output)
				return
			}
		}
		return
	}
	v.entries = append(v.entries, stepEntry{step: st})
	if len(v.entries) > maxStepEntries {
		v.entries = v.entries[len(v.entries)-maxStepEntries:]
	}
}

var spaces = regexp.MustCompile(` {3,}`)

// oneLine renders a link's output (with its escapes: colours, ESC[60G)
// as the console shows it, on one line.
func oneLine(out string) string {
	b := newTextBuffer(true)
	b.WriteString(out)
	var parts []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, spaces.ReplaceAllString(l, "  "))
		}
	}
	return strings.Join(parts, " / ")
}

// Draw shows the title (the pass, the place in it, the keys) and the
// last entries that fit, the current one with its reason in full.
func (v *stepView) Draw(screen tcell.Screen) {
	x, y, w, h := v.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	th := v.env.th
	for j := 0; j < h; j++ {
		fill(screen, x, y+j, w, th.text)
	}
	title := ""
	if n := len(v.entries); n > 0 {
		last := v.entries[n-1].step
		title = v.env.trf(msgStepTitle, last.Level, last.Index, last.Total)
		if v.over {
			title = v.env.trf(msgStepOver, last.Level, last.Total)
		}
	}
	ix, iy, iw, ih := drawFrame(screen, th, x, y, w, h, title, !v.over)
	if !v.over && iw > 0 {
		hint := " " + v.env.tr(msgStepHint) + " "
		if hw := textWidth(hint); hw+textWidth(title)+6 < w {
			printText(screen, x+w-1-hw, y, hw, hint, th.dim)
		}
	}
	if iw <= 0 || ih <= 0 {
		return
	}
	var rows []stepRow
	for i := len(v.entries) - 1; i >= 0 && len(rows) < ih; i-- {
		rows = append(v.rowsOf(i, iw, i == len(v.entries)-1 && !v.over), rows...)
	}
	if len(rows) > ih {
		rows = rows[len(rows)-ih:]
	}
	for j, r := range rows {
		printText(screen, ix, iy+j, iw, truncate(r.text, iw), r.style)
	}
}

// stepRow is one line of the box.
type stepRow struct {
	text  string
	style tcell.Style
}

// rowsOf renders entry i: one line, and for the current link its reason
// in full below.
func (v *stepView) rowsOf(i, w int, current bool) []stepRow {
	e := v.entries[i]
	th := v.env.th
	mark := "  "
	if current {
		mark = "▶ "
	}
	name := padRight(e.step.Link, 16)
	var verdict, detail string
	st := th.text
	switch {
	case e.step.Kind == sim.RcSkip:
		verdict, detail, st = v.env.tr(msgStepSkipped), e.step.Reason, th.dim
	case e.done:
		verdict, detail = v.env.trf(msgStepRan, e.status), e.output
		if e.status != 0 {
			st = th.warn
		}
	default:
		verdict, detail, st = v.env.tr(msgStepWillRun), e.step.Reason, th.event
	}
	if current {
		st = st.Bold(true)
	}
	line := mark + name + " " + verdict
	if !current || textWidth(line)+2+textWidth(detail) <= w {
		return []stepRow{{line + "  " + detail, st}}
	}
	rows := []stepRow{{line, st}}
	for _, l := range wrapText(detail, max(1, w-4)) {
		rows = append(rows, stepRow{"    " + l, st})
	}
	return rows
}

// stepPane is tty1 with the stepper's box under it. Keys, pastes and
// the mouse go to the console.
type stepPane struct {
	*tview.Box
	term  *terminal
	view  *stepView
	shown bool
}

func newStepPane(e *env, t *terminal) *stepPane {
	return &stepPane{Box: newBox(), term: t, view: &stepView{Box: newBox(), env: e}}
}

// Draw gives the box about two fifths of the height (5 to 12 rows).
func (p *stepPane) Draw(screen tcell.Screen) {
	x, y, w, h := p.GetRect()
	bh := min(max(h*2/5, 5), 12, h)
	if h-bh < 3 {
		bh = 0
	}
	p.term.SetRect(x, y, w, h-bh)
	p.term.Draw(screen)
	if bh > 0 {
		p.view.SetRect(x, y+h-bh, w, bh)
		p.view.Draw(screen)
	}
}

// Focus gives the focus to the console.
func (p *stepPane) Focus(delegate func(tview.Primitive)) { delegate(p.term) }

// HasFocus reports whether the console has the focus.
func (p *stepPane) HasFocus() bool { return p.term.HasFocus() }

// InputHandler passes keys to the console.
func (p *stepPane) InputHandler() func(*tcell.EventKey, func(tview.Primitive)) {
	return p.term.InputHandler()
}

// PasteHandler passes pasted text to the console.
func (p *stepPane) PasteHandler() func(string, func(tview.Primitive)) {
	return p.term.PasteHandler()
}

// MouseHandler passes the mouse to the console.
func (p *stepPane) MouseHandler() func(tview.MouseAction, *tcell.EventMouse, func(tview.Primitive)) (bool, tview.Primitive) {
	return p.term.MouseHandler()
}
