package tui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/lessons"
	"rclab/lessons/check"
	"rclab/sim"
)

// The pages of the lessons.
const (
	pageLessons = "lessons"
	pageLesson  = "lesson"
)

// LessonProgress keeps what a learner did in lessons across runs (rclab
// stores it in the XDG data directory). The lesson screen calls it one
// call at a time, from the UI's goroutine or a command's.
type LessonProgress interface {
	// Lesson reports lesson id's record: whether it was completed, whether
	// every completion needed a shown solution, and how many steps were
	// done at least once.
	Lesson(id string) (completed, assisted bool, stepsDone int)
	// StepDone records that step (from 0) of lesson id, which has steps
	// steps, was completed, and saves the record.
	StepDone(id string, step, steps int) error
	// LessonDone records a completion of lesson id with the number of
	// command lines typed, and whether a solution was shown, and saves it.
	LessonDone(id string, steps, commands int, assisted bool) error
}

// lessonConfig is what the lesson options set.
type lessonConfig struct {
	list     []*lessons.Lesson // nil: the built-in lessons
	progress LessonProgress    // nil: progress is not kept
	start    string            // a lesson to open at once
	now      func() time.Time  // the clock of the summary's time
}

// WithLessons sets the lessons the lessons screen offers (default: the
// lessons built into rclab).
func WithLessons(ls []*lessons.Lesson) Option { return func(c *config) { c.lesson.list = ls } }

// WithLessonProgress keeps the learner's progress in p: the lessons
// screen marks the lessons completed, and each step done and lesson
// completed is recorded. Without it nothing is kept.
func WithLessonProgress(p LessonProgress) Option { return func(c *config) { c.lesson.progress = p } }

// WithStartLesson opens lesson id (or the lesson whose id starts with
// id and a dash, as lessons.Find) as soon as the UI runs, instead of the
// home screen.
func WithStartLesson(id string) Option { return func(c *config) { c.lesson.start = id } }

// WithLangMachineOptions adds options to every machine the UI builds (the
// sandbox's, a lesson's) that depend on the UI's language at that moment,
// such as a program that answers in it.
func WithLangMachineOptions(f func(Lang) []sim.Option) Option {
	return func(c *config) { c.langOpts = f }
}

// withClock sets the clock of the lesson summary's time (tests).
func withClock(now func() time.Time) Option { return func(c *config) { c.lesson.now = now } }

// machineOptions are the options of a machine built now: the terminal,
// the caller's, and those of the UI's language.
func (u *UI) machineOptions() []sim.Option {
	opts := append([]sim.Option{sim.WithTerminal(true)}, u.cfg.simOpts...)
	if u.cfg.langOpts != nil {
		opts = append(opts, u.cfg.langOpts(u.env.lang)...)
	}
	return opts
}

// lesson is the lessons' language for the UI's.
func (l Lang) lesson() check.Lang {
	if l == Korean {
		return check.Ko
	}
	return check.En
}

// lessonUI is the lessons' part of the UI: the list, and the lesson
// being played.
type lessonUI struct {
	loaded   bool
	all      []*lessons.Lesson
	list     *lessonList
	listRoot *tview.Flex
	cur      *lessonScreen
}

// loadLessons reads the lessons once: the configured ones, or the
// built-in ones.
func (u *UI) loadLessons() []*lessons.Lesson {
	if !u.lx.loaded {
		u.lx.loaded = true
		u.lx.all = u.cfg.lesson.list
		if u.lx.all == nil {
			u.lx.all, _ = lessons.LoadAll(lessons.Content()) // the built-in lessons are tested
		}
	}
	return u.lx.all
}

// record is a lesson's past, from the progress store.
func (u *UI) record(id string) lessonRecord {
	if u.cfg.lesson.progress == nil {
		return lessonRecord{}
	}
	c, a, n := u.cfg.lesson.progress.Lesson(id)
	return lessonRecord{completed: c, assisted: a, stepsDone: n}
}

// showLessons opens the lessons screen (a notice when there are none).
func (u *UI) showLessons() {
	ls := u.loadLessons()
	if len(ls) == 0 {
		u.showNotice(msgHomeLessons, msgNoLessons)
		return
	}
	if u.lx.list == nil {
		u.lx.list = newLessonList(u.env, ls, u.record, u.openLesson)
		u.lx.listRoot = u.screen(func() (string, string) {
			return "rclab · " + u.env.tr(msgHomeLessons), ""
		}, u.lx.list, scopeGlobal, scopeLessons)
		u.pages.AddPage(pageLessons, u.lx.listRoot, true, false)
	}
	if u.lx.cur != nil {
		u.lx.list.choose(u.lx.cur.lesson.ID)
	}
	u.switchTo(pageLessons, u.lx.list)
}

// startLesson opens the lesson WithStartLesson named.
func (u *UI) startLesson(id string) {
	if l := lessons.Find(u.loadLessons(), id); l != nil {
		u.openLesson(l)
		return
	}
	u.showLessons()
}

// openLesson shows lesson l: the lesson being played if it is l, else a
// new lesson screen on a fresh machine.
func (u *UI) openLesson(l *lessons.Lesson) {
	if cur := u.lx.cur; cur != nil {
		if cur.lesson == l {
			u.switchTo(pageLesson, cur.sb.term())
			return
		}
		cur.close()
		u.pages.RemovePage(pageLesson)
	}
	ls := newLessonScreen(u, l)
	u.lx.cur = ls
	u.pages.AddPage(pageLesson, ls.root, true, false)
	u.switchTo(pageLesson, ls.sb.term())
	ls.sb.boot()
}

// lessonCapture handles the keys of the lessons' pages (after the
// global ones).
func (u *UI) lessonCapture(ev *tcell.EventKey) *tcell.EventKey {
	switch u.page {
	case pageLessons:
		act, _ := lookup(scopeLessons, ev)
		switch act {
		case actNone:
			return ev
		case actHome:
			u.showHome()
		default:
			u.lx.list.do(act)
		}
		return nil
	case pageLesson:
		return u.lx.cur.capture(ev)
	}
	return ev
}

// lessonView is what the pane shows of the player, copied on the UI
// goroutine (the player itself is busy while a command runs).
type lessonView struct {
	ready     bool
	step      int // the current step's index; steps when the lesson is done
	steps     int
	summary   lessons.Summary
	canUndo   bool
	canRedo   bool
	elapsed   time.Duration // the time the lesson took, once it is done
	reference int           // the command lines of the reference solution
}

func (v *lessonView) done() bool { return v.ready && v.step >= v.steps }

// lessonScreen plays one lesson: the sandbox's console and panels on the
// lesson's machine, the lesson pane beside them, and the lesson's keys.
// Every line typed goes through the lesson's player, so undo and the
// checks see it.
type lessonScreen struct {
	u      *UI
	env    *env
	lesson *lessons.Lesson
	sb     *sandbox
	pane   *lessonPane
	root   *tview.Flex
	body   *tview.Flex
	began  time.Time

	// mu guards the player: a command's goroutine and the UI goroutine
	// use it in turn (the UI only while no command runs).
	mu       sync.Mutex
	p        *lessons.Player
	recorded bool // the current completion was recorded

	view lessonView
	ask  action // the question the pane asks (actSolution, actReset), or actNone
}

func newLessonScreen(u *UI, l *lessons.Lesson) *lessonScreen {
	ls := &lessonScreen{u: u, env: u.env, lesson: l, began: u.now()}
	ls.view.steps = len(l.Steps)
	for _, s := range l.Steps {
		for _, a := range s.Solution {
			if a.Line != "" {
				ls.view.reference++
			}
		}
	}
	s := newSandbox(u)
	s.drv = driver{
		build:     ls.build,
		apply:     ls.apply,
		whileDown: ls.whileDown,
		downHint:  msgLessonDownHint,
		leave:     u.showLessons,
		hideBoot:  true,
	}
	ls.sb = s
	ls.pane = newLessonPane(u.env, l, &ls.view)
	ls.pane.onEscape = func() { u.app.SetFocus(s.term()) }
	ls.body = tview.NewFlex().
		AddItem(ls.pane, 0, 2, false).
		AddItem(s.layout, 0, 3, true)
	ls.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(newStatusBar(u.env, ls.statusText), 1, 0, false).
		AddItem(ls.body, 0, 1, true).
		AddItem(newKeyBar(u.env, u.press, scopeGlobal, scopeLesson, scopeSandbox), 1, 0, false)
	ls.root.SetBackgroundColor(tcell.ColorDefault)
	return ls
}

// now is the UI's clock (for the lesson summary's time).
func (u *UI) now() time.Time {
	if u.cfg.lesson.now != nil {
		return u.cfg.lesson.now()
	}
	return time.Now()
}

// statusText is the status line: the lesson, then the machine's state.
func (ls *lessonScreen) statusText() (string, string) {
	_, right := ls.sb.statusText()
	return fmt.Sprintf("rclab · %s · %s · tty%d", ls.env.tr(msgHomeLessons), ls.lesson.ID, ls.sb.vc+1), right
}

// build makes the lesson's player; it runs on the sandbox's boot
// goroutine.
func (ls *lessonScreen) build(opts []sim.Option) (*sim.Machine, error) {
	p, err := lessons.NewPlayer(ls.lesson, opts...)
	if err != nil {
		return nil, err
	}
	ls.mu.Lock()
	ls.p = p
	v := ls.snapshot()
	ls.mu.Unlock()
	ls.u.post(func() { ls.refresh(v, nil, nil) })
	return p.Machine(), nil
}

// apply performs what was typed through the player and records the
// steps it completed; it runs on the command's goroutine.
func (ls *lessonScreen) apply(m *sim.Machine, a sim.Action) (sim.Result, error) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.p == nil || ls.p.Machine() != m {
		return m.Apply(a) // not the lesson's machine (cannot happen while lesson keys wait for commands)
	}
	t, err := ls.p.Apply(a)
	if err != nil {
		return t.Result, err
	}
	saveErr := ls.save(t.Completed)
	v := ls.snapshot()
	ls.u.post(func() { ls.refresh(v, t.Completed, saveErr) })
	return t.Result, nil
}

// snapshot copies the player's state for the pane; ls.mu is held.
func (ls *lessonScreen) snapshot() lessonView {
	v := ls.view
	v.ready = true
	v.step = ls.p.StepIndex()
	v.summary = ls.p.Summary()
	v.canUndo, v.canRedo = ls.p.CanUndo(), ls.p.CanRedo()
	return v
}

// save records completed steps, and the lesson when it is now done;
// ls.mu is held.
func (ls *lessonScreen) save(completed []int) error {
	pr := ls.u.cfg.lesson.progress
	if !ls.p.Done() {
		ls.recorded = false
	}
	if pr == nil {
		return nil
	}
	var first error
	for _, i := range completed {
		if err := pr.StepDone(ls.lesson.ID, i, len(ls.lesson.Steps)); err != nil && first == nil {
			first = err
		}
	}
	if ls.p.Done() && !ls.recorded {
		ls.recorded = true
		s := ls.p.Summary()
		if err := pr.LessonDone(ls.lesson.ID, s.Steps, s.Commands, s.Assisted); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// refresh shows the player's state after an action: a new step starts
// with a clean pane and a notice of the steps just done; the end of the
// lesson shows the summary.
func (ls *lessonScreen) refresh(v lessonView, completed []int, saveErr error) {
	wasDone := ls.view.done()
	prevStep, wasReady := ls.view.step, ls.view.ready
	v.elapsed = ls.view.elapsed
	if v.done() && !wasDone {
		v.elapsed = ls.u.now().Sub(ls.began)
	}
	ls.view = v
	p := ls.pane
	if !wasReady || v.step != prevStep {
		p.newStep()
	}
	switch {
	case len(completed) > 0:
		nums := make([]string, len(completed))
		for i, c := range completed {
			nums[i] = fmt.Sprint(c + 1)
		}
		done := strings.Join(nums, ", ")
		p.flash = &note{kind: noteGood, head: func(l Lang) string {
			if v.done() {
				return l.trf(msgLessonStepsDoneEnd, done)
			}
			return l.trf(msgLessonStepsDone, done, v.step+1)
		}}
	case wasReady:
		p.flash = nil
	}
	if saveErr != nil {
		p.addNote(note{kind: noteWarn, head: func(l Lang) string { return l.tr(msgLessonNotSaved) },
			body: func(Lang) string { return saveErr.Error() }, plain: true})
	}
}

// idle reports whether the player may be used from the UI goroutine: it
// was built (the pane knows it) and no command runs.
func (ls *lessonScreen) idle() bool {
	return ls.view.ready && !ls.sb.busy && ls.sb.state != stateBooting
}

// capture handles a key on the lesson screen: the answer to a question,
// the lesson's keys, then the sandbox's.
func (ls *lessonScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	if ls.ask != actNone {
		act, _ := lookup(scopeConfirm, ev)
		ls.answer(act == actYes)
		if act != actNone {
			return nil
		}
	}
	if act, _ := lookup(scopeLesson, ev); act != actNone {
		ls.do(act)
		return nil
	}
	if act, arg := lookup(scopeSandbox, ev); act != actNone {
		ls.sb.do(act, arg)
		return nil
	}
	return ev
}

// do performs a lesson action from the key table.
func (ls *lessonScreen) do(act action) {
	switch act {
	case actHome:
		ls.u.showLessons()
		return
	case actNextPane:
		ls.nextPane()
		return
	case actPaneUp, actPaneDown:
		if act == actPaneUp {
			ls.pane.scroll(actPageUp)
		} else {
			ls.pane.scroll(actPageDown)
		}
		return
	}
	if !ls.idle() {
		ls.pane.flash = &note{kind: noteWarn, head: func(l Lang) string { return l.tr(msgLessonBusy) }}
		return
	}
	ls.pane.flash = nil
	switch act {
	case actHint:
		ls.hint()
	case actCheck:
		ls.check()
	case actSolution, actReset:
		if act == actSolution && ls.view.done() {
			return
		}
		ls.ask = act
		q := msgLessonAskSolution
		if act == actReset {
			q = msgLessonAskReset
		}
		ls.pane.question = &note{kind: noteWarn, head: func(l Lang) string { return l.tr(q) },
			footer: func(l Lang) string { return l.tr(msgLessonAskKeys) }}
	case actUndo:
		ls.undo(false)
	case actRedo:
		ls.undo(true)
	}
}

// answer takes the reply to the pane's question.
func (ls *lessonScreen) answer(yes bool) {
	act := ls.ask
	ls.ask = actNone
	ls.pane.question = nil
	if !yes || !ls.idle() {
		return
	}
	switch act {
	case actSolution:
		ls.solution()
	case actReset:
		ls.reset()
	}
}

// nextPane moves the focus: the console, the panels shown, the pane.
func (ls *lessonScreen) nextPane() {
	panes := append(ls.sb.layout.panes(), ls.pane)
	next := panes[0]
	for k, p := range panes {
		if p.HasFocus() {
			next = panes[(k+1)%len(panes)]
		}
	}
	ls.u.app.SetFocus(next)
}

func (ls *lessonScreen) hint() {
	ls.mu.Lock()
	h, n, of, ok := ls.p.Hint()
	v := ls.snapshot()
	ls.mu.Unlock()
	ls.view.summary = v.summary
	if !ok {
		return
	}
	ls.pane.addNote(note{
		head: func(l Lang) string { return l.trf(msgLessonHint, n, of) },
		body: func(l Lang) string { return h.In(l.lesson()) },
	})
}

func (ls *lessonScreen) check() {
	ls.mu.Lock()
	o, completed, err := ls.p.Check()
	var saveErr error
	if err == nil {
		saveErr = ls.save(completed)
	}
	v := ls.snapshot()
	ls.mu.Unlock()
	if err != nil {
		ls.pane.addNote(note{kind: noteWarn, head: func(l Lang) string { return l.tr(msgLessonCheckFailed) },
			body: func(Lang) string { return err.Error() }, plain: true})
		return
	}
	if len(completed) > 0 {
		ls.refresh(v, completed, saveErr)
		return
	}
	if o.Pass {
		ls.pane.addNote(note{kind: noteGood, head: func(l Lang) string { return l.tr(msgLessonCheckPass) }})
		return
	}
	// Outcome.Explain's two halves, one under the other.
	ls.pane.addNote(note{kind: noteWarn,
		head: func(l Lang) string { return l.tr(msgLessonCheckNotYet) },
		body: func(l Lang) string {
			return l.trf(msgLessonExpected, o.Expected.In(l.lesson())) + "\n" + l.trf(msgLessonFound, o.Found.In(l.lesson()))
		},
		plain: true,
	})
}

func (ls *lessonScreen) solution() {
	ls.mu.Lock()
	acts := ls.p.Solution()
	v := ls.snapshot()
	ls.mu.Unlock()
	ls.view.summary = v.summary
	var lines []string
	for _, a := range acts {
		lines = append(lines, "  "+a.String())
	}
	ls.pane.addNote(note{
		head:   func(l Lang) string { return l.tr(msgLessonSolution) },
		lines:  lines,
		footer: func(l Lang) string { return l.tr(msgLessonAssisted) },
	})
}

// undo takes the last command back (redo: puts it back): the machine
// and the step return to what they were.
func (ls *lessonScreen) undo(redo bool) {
	ls.mu.Lock()
	var ok bool
	var err error
	if redo {
		ok, err = ls.p.Redo()
	} else {
		ok, err = ls.p.Undo()
	}
	m := ls.p.Machine()
	v := ls.snapshot()
	ls.mu.Unlock()
	switch {
	case err != nil:
		ls.pane.addNote(note{kind: noteWarn, body: func(Lang) string { return err.Error() }, plain: true})
	case !ok:
		id := msgLessonNothingUndo
		if redo {
			id = msgLessonNothingRedo
		}
		ls.pane.flash = &note{head: func(l Lang) string { return l.tr(id) }}
	default:
		id := msgLessonUndone
		if redo {
			id = msgLessonRedone
		}
		ls.attach(m, ls.env.tr(id))
		ls.refresh(v, nil, nil)
		ls.pane.flash = &note{kind: noteGood, head: func(l Lang) string { return l.tr(id) }}
	}
}

// reset starts the lesson over on a copy of its starting machine.
func (ls *lessonScreen) reset() {
	ls.mu.Lock()
	err := ls.p.Reset()
	ls.recorded = false
	m := ls.p.Machine()
	v := ls.snapshot()
	ls.mu.Unlock()
	if err != nil {
		ls.pane.addNote(note{kind: noteWarn, body: func(Lang) string { return err.Error() }, plain: true})
		return
	}
	ls.began = ls.u.now()
	v.elapsed = 0
	ls.view = lessonView{}
	ls.sb.ev.events = nil
	ls.attach(m, ls.env.tr(msgLessonReset))
	ls.refresh(v, nil, nil)
	ls.pane.flash = &note{kind: noteGood, head: func(l Lang) string { return l.tr(msgLessonReset) }}
}

// attach makes m the sandbox's machine (after undo, redo or reset): the
// panels follow it, and the console says what happened and shows its
// prompt.
func (ls *lessonScreen) attach(m *sim.Machine, what string) {
	s := ls.sb
	if s.m != nil {
		s.m.Subscribe(nil)
	}
	s.gen++
	g := s.gen
	s.evMu.Lock()
	s.pending = nil
	s.evMu.Unlock()
	s.m = m
	m.Subscribe(func(e sim.Event) { s.onEvent(m, g, e) })
	s.notReading()
	s.apply(s.nextSeq(), takeSnapshot(m))
	t := s.consoles[0]
	t.WriteString("\nrclab: " + what + "\n")
	if down := m.Down(); down != "" {
		s.wentDown(down)
		return
	}
	s.state = stateShell
	t.SetPrompt(m.Prompt())
}

// whileDown takes a line typed while the lesson's machine is off: boot
// [ARGS] powers it on with kernel arguments, as at GRUB.
func (ls *lessonScreen) whileDown(line string) {
	args, ok := strings.CutPrefix(strings.TrimSpace(line), "boot")
	if !ok || args != "" && args[0] != ' ' {
		ls.sb.consoles[0].WriteString(ls.env.tr(msgLessonDownHint) + "\n")
		return
	}
	ls.sb.perform(sim.Action{Kind: sim.PowerOn, Args: strings.Fields(args)})
}

// close stops following the lesson's machine (another lesson opens, or
// rclab quits).
func (ls *lessonScreen) close() { ls.sb.close() }

// durationText is a time for the summary: "4m 12s".
func durationText(l Lang, d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case h > 0:
		return l.trf(msgLessonHours, h, m)
	case m > 0:
		return l.trf(msgLessonMinutes, m, s)
	}
	return l.trf(msgLessonSeconds, s)
}

// driver is how a sandbox builds and drives its machine when it is not
// the sandbox's own (the lesson screen puts a lesson's player here).
// Nil functions and zero fields keep the sandbox's way.
type driver struct {
	// build makes the machine (sim.New); apply performs an action on it
	// (Machine.Apply). Both run off the UI goroutine.
	build func(opts []sim.Option) (*sim.Machine, error)
	apply func(m *sim.Machine, a sim.Action) (sim.Result, error)
	// whileDown takes a line typed while the machine is off (instead of
	// GRUB), and downHint says what to type then.
	whileDown func(line string)
	downHint  msgID
	// leave goes back from the sandbox (F10, Ctrl-D at a login or a
	// stopped machine); hideBoot leaves the boot's messages out.
	leave    func()
	hideBoot bool
}

func (d driver) newMachine(opts []sim.Option) (*sim.Machine, error) {
	if d.build != nil {
		return d.build(opts)
	}
	return sim.New(opts...)
}

func (d driver) applyTo(m *sim.Machine, a sim.Action) (sim.Result, error) {
	if d.apply != nil {
		return d.apply(m, a)
	}
	return m.Apply(a)
}

// leave goes back from the sandbox: home, or where its driver says.
func (s *sandbox) leave() {
	if s.drv.leave != nil {
		s.drv.leave()
		return
	}
	s.u.showHome()
}
