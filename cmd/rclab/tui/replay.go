package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// Replay is a recorded exam session WithReplay shows (rclab replay): the
// console as the candidate saw it, a timeline to move through it, and
// the checks as they stood at each moment.
type Replay struct {
	// Variant is the scenario variant the transcript's header names
	// (its seed).
	Variant *scenarios.Variant
	// Transcript is the session, read (and verified) by record.Read.
	Transcript *record.Transcript
	// File names the transcript in the status line.
	File string
	// Notes are warnings the caller found (a scenario file that differs
	// from the recorded one), shown in the side pane.
	Notes []string
}

// WithReplay shows r when the UI runs, instead of the home screen;
// leaving the replay ends the UI.
func WithReplay(r Replay) Option { return func(c *config) { c.exam.replay = &r } }

// replayFrame is the session at one moment: after the k-th action
// (frame 0 is the start of the exam).
type replayFrame struct {
	ops    []conOp // what the console showed at this step
	pass   []bool  // each check's state
	earned int
	clock  time.Time
	entry  *record.Entry // the action; nil for frame 0
	hashOK bool          // the output is the recorded one
	// changed are the checks whose state changed at this step.
	changed []int
}

// replayData is a whole session, computed once when the replay loads.
type replayData struct {
	frames    []replayFrame
	changes   []int // frames where a check changed state
	mismatch  []int // actions whose output differs from the recording
	stoppedAt error // an action the machine refused: the frames end before it
}

// loadReplay rebuilds the session of r action by action: the console of
// each step, each check's state after it (scenarios.Session.Score), and
// whether each output is the one the candidate saw (its recorded
// SHA-256). progress is told of each action done; stop ends the work.
func loadReplay(r Replay, l Lang, opts []sim.Option, progress func(done int), stop <-chan struct{}) (*replayData, error) {
	sess, err := scenarios.NewSession(r.Variant, opts...)
	if err != nil {
		return nil, err
	}
	entries := r.Transcript.Entries
	log := &conLog{}
	con := newExamConsole(l, log)
	con.intro(afterOf(sess.Machine()))
	d := &replayData{}
	add := func(entry *record.Entry, hashOK bool) {
		sc := sess.Score()
		f := replayFrame{ops: log.take(), earned: sc.Total, clock: sess.Machine().Now(), entry: entry, hashOK: hashOK}
		for _, c := range sc.Checks {
			f.pass = append(f.pass, c.Pass)
		}
		if k := len(d.frames); k > 0 {
			prev := d.frames[k-1].pass
			for i := range f.pass {
				if i < len(prev) && prev[i] != f.pass[i] {
					f.changed = append(f.changed, i)
				}
			}
			if len(f.changed) > 0 {
				d.changes = append(d.changes, k)
			}
		}
		if entry != nil {
			f.clock = entry.Clock
		}
		d.frames = append(d.frames, f)
	}
	add(nil, true)
	actions := make([]sim.Action, len(entries))
	for i, e := range entries {
		actions[i] = e.Action
	}
	_, err = playSession(sess, actions, con, func(i int, res sim.Result) bool {
		ok := record.OutputHash(res.Output) == entries[i].Output
		if !ok {
			d.mismatch = append(d.mismatch, i+1)
		}
		add(&entries[i], ok)
		if progress != nil {
			progress(i + 1)
		}
		select {
		case <-stop:
			return false
		default:
			return true
		}
	})
	if err != nil {
		d.stoppedAt = fmt.Errorf("action %d: %w", len(d.frames), err)
	}
	return d, nil
}

// replayScreen shows a replay: the console, a side pane with the
// session's facts and the checks at the current moment, the timeline,
// the status line and the key bar.
type replayScreen struct {
	u    *UI
	env  *env
	r    Replay
	data *replayData // nil while loading
	err  error       // the session could not be built
	done int         // actions loaded so far
	tl   *timeline
	term *terminal
	side *replaySide
	root *tview.Flex
	body *replayLayout

	shown   int // the frame the console shows
	playGen int // bumped to cancel a scheduled step
}

func newReplayScreen(u *UI, r Replay) *replayScreen {
	rs := &replayScreen{u: u, env: u.env, r: r, term: newTerminal(u.env)}
	rs.side = newReplaySide(u.env, rs)
	rs.body = &replayLayout{Box: newBox(), term: rs.term, side: rs.side}
	bar := newTimelineBar(u.env, func() *timeline { return rs.tl })
	rs.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(newStatusBar(u.env, rs.statusText), 1, 0, false).
		AddItem(rs.body, 0, 1, true).
		AddItem(bar, 1, 0, false).
		AddItem(newKeyBar(u.env, func(b binding) {
			if b.scope == scopeReplay {
				rs.do(b.act)
				return
			}
			u.press(b)
		}, scopeGlobal, scopeReplay), 1, 0, false)
	rs.root.SetBackgroundColor(tcell.ColorDefault)
	return rs
}

// showReplay opens the replay of r and loads it on a goroutine.
func (u *UI) showReplay(r Replay) {
	rs := newReplayScreen(u, r)
	u.ex.replay = rs
	u.pages.AddPage(pageReplay, rs.root, true, false)
	u.switchTo(pageReplay, rs.body)
	rs.term.WriteString(u.env.tr(msgReplayLoading) + "\n")
	lang := u.env.lang
	opts := u.cfg.exam.machineOptions()
	go func() {
		d, err := loadReplay(r, lang, opts, func(n int) {
			if n%10 == 0 {
				u.post(func() { rs.done = n })
			}
		}, u.quit)
		u.post(func() { rs.loaded(d, err) })
	}()
}

// loaded shows the replay once it is computed: at the start.
func (rs *replayScreen) loaded(d *replayData, err error) {
	if err != nil {
		rs.err = err
		rs.term.WriteString(rs.env.trf(msgReplayFailed, err) + "\n")
		return
	}
	rs.data = d
	clocks := make([]time.Time, len(d.frames))
	for i, f := range d.frames {
		clocks[i] = f.clock
	}
	rs.tl = newTimeline(clocks, d.changes)
	rs.rebuild()
}

// statusText is the status line: the replay, whose and where.
func (rs *replayScreen) statusText() (string, string) {
	h := rs.r.Transcript.Header
	left := "rclab · " + rs.env.tr(msgReplayTitle) + " · " + h.Scenario
	if h.Student != "" {
		left += " · " + h.Student
	}
	switch {
	case rs.err != nil:
		return left, ""
	case rs.data == nil:
		return left, rs.env.trf(msgReplayLoadingN, rs.done, len(rs.r.Transcript.Entries))
	}
	return left, rs.r.File
}

// frame is the frame shown.
func (rs *replayScreen) frame() *replayFrame {
	if rs.data == nil || rs.tl == nil {
		return nil
	}
	return &rs.data.frames[rs.tl.pos]
}

// rebuild draws the console from the start to the position.
func (rs *replayScreen) rebuild() {
	t := rs.term
	t.mu.Lock()
	t.buf = newTextBuffer(rs.env.th.mono)
	t.mu.Unlock()
	t.SetPrompt("")
	t.scroll = 0
	for k := 0; k <= rs.tl.pos; k++ {
		playOps(t, rs.data.frames[k].ops)
	}
	rs.shown = rs.tl.pos
}

// seek moves to frame k: one step forward appends to the console;
// anything else redraws it from the start.
func (rs *replayScreen) seek(k int) {
	if rs.tl == nil {
		return
	}
	rs.tl.seek(k)
	if rs.tl.pos == rs.shown+1 {
		playOps(rs.term, rs.data.frames[rs.tl.pos].ops)
		rs.term.scroll = 0
		rs.shown = rs.tl.pos
		return
	}
	if rs.tl.pos != rs.shown {
		rs.rebuild()
	}
}

// schedule plans the next step while playing.
func (rs *replayScreen) schedule() {
	rs.playGen++
	if rs.tl == nil || !rs.tl.playing {
		return
	}
	g := rs.playGen
	time.AfterFunc(rs.tl.delay(), func() {
		rs.u.post(func() {
			if g != rs.playGen || !rs.tl.playing {
				return
			}
			rs.seek(rs.tl.pos + 1)
			rs.schedule()
		})
	})
}

// do performs a replay key.
func (rs *replayScreen) do(act action) {
	if act == actQuit {
		rs.playGen++
		rs.u.app.Stop()
		return
	}
	tl := rs.tl
	if tl == nil {
		return
	}
	switch act {
	case actPlay:
		if !tl.playing && tl.pos == tl.last() {
			rs.seek(0)
		}
		tl.playing = !tl.playing && tl.pos < tl.last()
	case actFaster:
		tl.faster()
	case actSlower:
		tl.slower()
	case actStepFwd:
		tl.playing = false
		rs.seek(tl.pos + 1)
	case actStepBack:
		tl.playing = false
		rs.seek(tl.pos - 1)
	case actNextChange:
		if k := tl.nextChange(); k >= 0 {
			tl.playing = false
			rs.seek(k)
		}
	case actPrevChange:
		if k := tl.prevChange(); k >= 0 {
			tl.playing = false
			rs.seek(k)
		}
	case actTop:
		tl.playing = false
		rs.seek(0)
	case actBottom:
		tl.playing = false
		rs.seek(tl.last())
	case actPageUp, actPageDown:
		rs.term.do(act)
		return
	}
	rs.schedule()
}

// capture handles a key on the replay page.
func (rs *replayScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	if act, _ := lookup(scopeReplay, ev); act != actNone {
		rs.do(act)
	}
	return nil
}

// replayLayout places the console and the side pane; it keeps the focus
// itself, so nothing is ever typed into the console.
type replayLayout struct {
	*tview.Box
	term *terminal
	side *replaySide
}

// Draw lays the console and the pane out as sideWidth says.
func (l *replayLayout) Draw(screen tcell.Screen) {
	x, y, w, h := l.GetRect()
	side := sideWidth(w)
	l.term.SetRect(x, y, w-side, h)
	l.term.Draw(screen)
	if side > 0 {
		l.side.SetRect(x+w-side, y, side, h)
		l.side.Draw(screen)
	}
}

// MouseHandler scrolls the console with the wheel.
func (l *replayLayout) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return l.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(tview.Primitive)) (bool, tview.Primitive) {
		if !l.term.InRect(ev.Position()) {
			return false, nil
		}
		switch action {
		case tview.MouseScrollUp:
			l.term.scroll += 3
			return true, nil
		case tview.MouseScrollDown:
			l.term.scroll = max(0, l.term.scroll-3)
			return true, nil
		}
		return false, nil
	})
}

// replaySide is the replay's side pane: whose session it is, whether the
// recording is signed and verified, how it ended, the step shown, and
// every check as it stood at that moment.
type replaySide struct {
	panel
	rs *replayScreen
}

func newReplaySide(e *env, rs *replayScreen) *replaySide {
	return &replaySide{panel: newPanel(e), rs: rs}
}

// Draw draws the frame and the lines that fit.
func (p *replaySide) Draw(screen tcell.Screen) {
	x, y, w, h := p.frame(screen, p.env.tr(msgReplaySide), p)
	if w < 6 || h < 1 {
		return
	}
	lines := p.lines(w - 2)
	p.clampOffset(len(lines), h)
	for i := 0; i < h && p.offset+i < len(lines); i++ {
		lines[p.offset+i].draw(screen, x+1, y+i, w-2)
	}
}

// lines renders the pane in w cells.
func (p *replaySide) lines(w int) []richLine {
	e, rs := p.env, p.rs
	st := stylesOf(e.th)
	cl := e.lang.lesson()
	t := rs.r.Transcript
	h := t.Header
	var out []richLine
	add := func(s string, style tcell.Style) {
		for _, l := range wrapText(s, w) {
			out = append(out, richLine{{l, style}})
		}
	}
	sc := rs.r.Variant.Scenario
	add(sc.Title.In(cl), st.bold)
	who := h.Student
	if who == "" {
		who = e.tr(msgExamNoName)
	}
	add(e.trf(msgReplayWho, who, h.Seed), st.text)
	switch {
	case t.Verified:
		add(e.tr(msgReplayVerified), st.good)
	case t.Signed:
		add(e.tr(msgReplayUnverified), st.warn)
	default:
		add(e.tr(msgReplayUnsigned), st.dim)
	}
	if f := t.Footer; f != nil {
		add(e.trf(msgReplayEnded, e.tr(reasonMsg(f.Reason)), pointsText(f.Earned, f.Max)), st.text)
	} else {
		add(e.tr(msgReplayUnfinished), st.warn)
	}
	for _, n := range rs.r.Notes {
		add(n, st.warn)
	}
	if rs.data != nil {
		if n := len(rs.data.mismatch); n > 0 {
			add(e.trf(msgReplayMismatch, n), st.warn)
		}
		if rs.data.stoppedAt != nil {
			add(e.trf(msgReplayStopped, rs.data.stoppedAt), st.warn)
		}
	}
	f := rs.frame()
	if f == nil {
		return out
	}
	out = append(out, richLine{})
	step := e.tr(msgReplayAtStart)
	if f.entry != nil {
		step = e.trf(msgReplayStep, f.entry.Seq, actionText(e, f.entry.Action))
	}
	add(step, st.head)
	if !f.hashOK {
		add(e.tr(msgReplayHashWarn), st.warn)
	}
	out = append(out, richLine{})
	add(e.trf(msgReplayScore, pointsText(f.earned, sc.Points())), st.head)
	changed := map[int]bool{}
	for _, i := range f.changed {
		changed[i] = true
	}
	for i, c := range sc.Checks {
		mark, markSt := "✗ ", st.warn
		if i < len(f.pass) && f.pass[i] {
			mark, markSt = "✓ ", st.good
		}
		suffix := fmt.Sprintf(" (%d)", c.Points)
		if changed[i] {
			suffix += " ◆"
		}
		for k, l := range wrapText(c.Text.In(cl)+suffix, w-2) {
			lead, leadSt := "  ", st.text
			if k == 0 {
				lead, leadSt = mark, markSt
			}
			out = append(out, richLine{{lead, leadSt}, {l, st.text}})
		}
	}
	return out
}

// actionText describes an action for the side pane.
func actionText(e *env, a sim.Action) string {
	switch a.Kind {
	case sim.Type:
		switch {
		case a.Password == sim.PasswordAccepted:
			return e.trf(msgActPasswordOK, a.TTY)
		case a.Password != "":
			return e.trf(msgActPasswordBad, a.TTY)
		case a.TTY > 1:
			return fmt.Sprintf("tty%d$ %s", a.TTY, a.Line)
		}
		return "$ " + a.Line
	case sim.Quit:
		return e.trf(msgActQuit, a.Program, a.Status)
	case sim.Wait:
		return e.trf(msgActWait, clockText(a.For))
	case sim.PowerOn:
		return strings.TrimSpace(e.tr(msgActPowerOn) + " " + strings.Join(a.Args, " "))
	case sim.Save:
		return e.trf(msgActSave, a.Program, a.Path)
	case sim.Ntsysv:
		return e.trf(msgActNtsysv, a.Levels)
	case sim.CtrlAltDel:
		return "Ctrl-Alt-Del"
	case sim.Interrupt:
		return "Ctrl-C"
	case sim.EndOfInput:
		return "Ctrl-D"
	}
	return string(a.Kind)
}
