package tui

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// Exams in the UI
//
// An exam is the sandbox's console on the session's machine, beside a
// task pane: the scenario's title and task, its checks with their points
// (pass or fail only when the scenario allows live results), and a
// countdown. Every action the candidate takes goes through the session
// (scenarios.Session.Apply) and, when the exam is recorded, is appended
// to the transcript before its output is shown, so killing rclab loses
// nothing that was on the screen.
//
// Time. The countdown runs on the host's clock, but the machine only
// knows its virtual clock, which must replay the same. So the time that
// passed since the last action is applied to the machine, and recorded,
// as a wait (sim.Wait) before each typed line, in whole seconds (the
// remainder is carried to the next line). The time left is the time
// limit minus the session's virtual elapsed time (which includes what
// commands take on the machine: a reboot costs its virtual seconds)
// minus the host time since the last wait. A resumed exam starts from the
// virtual time of its transcript: the time between its last action and
// the crash is not counted. Time spent in a full-screen program or at a
// stopped machine is applied before the next typed line. When the time
// is up, the exam submits itself; a line typed after that is refused.
//
// Exams opened from the home screen are practice: they are not
// recorded (rclab exam --record records one), and their seed is drawn at
// random (crypto/rand) when the exam starts.

// Recorder keeps an exam's transcript (rclab exam --record writes one to
// a file).
type Recorder interface {
	// Append records an action, its result and the virtual clock after
	// it. The exam calls it before showing the action's output; an error
	// ends the exam.
	Append(a sim.Action, res sim.Result, clock time.Time) error
	// Close writes the footer: why the session ended and its score.
	Close(f record.Footer) error
}

// Exam is an exam WithExam opens as soon as the UI runs.
type Exam struct {
	// Session is the candidate's session, as scenarios.NewSession made
	// it with the exam's machine options (see WithExamMachineOptions).
	// The countdown starts when the exam is shown.
	Session *scenarios.Session
	// Resume is the transcript of the session so far when an exam is
	// resumed: its actions are applied to Session again (not recorded a
	// second time), the console shows them as they were, and the exam
	// goes on. Nil for a new exam.
	Resume *record.Transcript
	// Student is the candidate's name ("" for none).
	Student string
	// Recorder receives every action; nil when the exam is not
	// recorded.
	Recorder Recorder
	// RecordFile names the transcript on the result screen ("" for
	// none).
	RecordFile string
}

// examConfig is what the exam options set.
type examConfig struct {
	start    *Exam                 // an exam to open at once
	replay   *Replay               // a recording to replay at once
	list     []*scenarios.Scenario // the home screen's exams; nil: built in
	simOpts  []sim.Option          // nil: defaultExamOptions
	now      func() time.Time      // the host clock; nil: time.Now
	tick     time.Duration         // how often the countdown is checked
	seed     func() uint64         // seeds of the home screen's exams
	listSet  bool
	simOptOK bool
}

// WithExam opens exam x when the UI runs, instead of the home screen;
// when its result screen is closed, the UI ends.
func WithExam(x Exam) Option { return func(c *config) { c.exam.start = &x } }

// WithScenarios sets the exams the home screen offers (default: the
// scenarios built into rclab).
func WithScenarios(list []*scenarios.Scenario) Option {
	return func(c *config) { c.exam.list, c.exam.listSet = list, true }
}

// WithExamMachineOptions sets the options of every exam session the UI
// builds or replays (default: sim.WithTerminal(true) and
// sim.WithScreens(true)). A transcript does not record them: the exam,
// its replay and the grader must use the same, or the outputs differ.
func WithExamMachineOptions(opts ...sim.Option) Option {
	return func(c *config) { c.exam.simOpts, c.exam.simOptOK = opts, true }
}

// withExamClock sets the host clock of the exams' countdowns (tests).
func withExamClock(now func() time.Time) Option { return func(c *config) { c.exam.now = now } }

// withExamTick sets how often the countdown is checked (tests).
func withExamTick(d time.Duration) Option { return func(c *config) { c.exam.tick = d } }

// withExamSeed sets how the home screen's exams draw their seeds (tests).
func withExamSeed(f func() uint64) Option { return func(c *config) { c.exam.seed = f } }

// machineOptions are the options of exam sessions.
func (c *examConfig) machineOptions() []sim.Option {
	if c.simOptOK {
		return c.simOpts
	}
	return []sim.Option{sim.WithTerminal(true), sim.WithScreens(true)}
}

func (c *examConfig) clock() func() time.Time {
	if c.now != nil {
		return c.now
	}
	return time.Now
}

func (c *examConfig) tickEvery() time.Duration {
	if c.tick > 0 {
		return c.tick
	}
	return 250 * time.Millisecond
}

// randomSeed draws a seed from the host's random source. Only the UI
// does: the machine gets the seed and never reads the host.
func randomSeed() uint64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return uint64(time.Now().UnixNano())
	}
	return binary.LittleEndian.Uint64(b[:])
}

// examDriver applies the candidate's actions to the session: the wait
// for the time that passed, the action, each recorded before its result
// is returned. It runs on the sandbox's command goroutines, one action
// at a time.
type examDriver struct {
	lang  Lang
	sess  *scenarios.Session
	rec   Recorder
	clock func() time.Time
	live  bool // compute the score after each action
	// onLive is told of the score after each action (live results);
	// onBroken that the recording failed. Both run on the action's
	// goroutine.
	onLive   func(scenarios.Score)
	onBroken func()

	mu sync.Mutex // held while an action is applied or the exam is scored

	tmu      sync.Mutex // guards the fields below
	mark     time.Time  // host time up to which time was applied to the machine
	virtLeft time.Duration
	closed   bool  // the exam is ending: no more actions
	broken   error // the recording failed
}

func newExamDriver(l Lang, sess *scenarios.Session, rec Recorder, clock func() time.Time) *examDriver {
	return &examDriver{lang: l, sess: sess, rec: rec, clock: clock, live: sess.Scenario().LiveResults}
}

// begin starts the countdown: time passes from now.
func (d *examDriver) begin() {
	d.tmu.Lock()
	defer d.tmu.Unlock()
	d.mark = d.clock()
	d.virtLeft = d.sess.Remaining()
}

// left is the time left now.
func (d *examDriver) left() time.Duration {
	d.tmu.Lock()
	defer d.tmu.Unlock()
	return d.virtLeft - d.clock().Sub(d.mark)
}

// close refuses further actions; it reports false if it was closed.
func (d *examDriver) close() bool {
	d.tmu.Lock()
	defer d.tmu.Unlock()
	was := d.closed
	d.closed = true
	return !was
}

// apply is the sandbox driver's apply: the wait, then the action.
func (d *examDriver) apply(_ *sim.Machine, a sim.Action) (sim.Result, error) {
	d.tmu.Lock()
	closed, broken := d.closed, d.broken
	left := d.virtLeft - d.clock().Sub(d.mark)
	d.tmu.Unlock()
	switch {
	case broken != nil:
		return sim.Result{}, broken
	case closed:
		return sim.Result{}, errors.New(d.lang.tr(msgExamOver))
	case left <= 0:
		return sim.Result{}, errors.New(d.lang.tr(msgExamTimeUp))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var out sim.Result
	if a.Kind == sim.Type {
		d.tmu.Lock()
		gap := d.clock().Sub(d.mark).Truncate(time.Second)
		if gap >= time.Second {
			d.mark = d.mark.Add(gap)
		}
		d.tmu.Unlock()
		if gap >= time.Second {
			res, err := d.step(sim.Action{Kind: sim.Wait, For: gap})
			if err != nil {
				return sim.Result{}, err
			}
			out = res
		}
	}
	res, err := d.step(a)
	if err != nil {
		if d.broken != nil {
			return sim.Result{}, err // nothing the transcript lacks is shown
		}
		return out, err
	}
	out.Output += res.Output
	out.Events = append(out.Events, res.Events...)
	out.Status, out.Incomplete, out.LoggedOut, out.Down, out.Screen = res.Status, res.Incomplete, res.LoggedOut, res.Down, res.Screen
	if d.live && d.onLive != nil {
		d.onLive(d.sess.Score())
	}
	return out, nil
}

// step applies one action and records it.
func (d *examDriver) step(a sim.Action) (sim.Result, error) {
	res, err := d.sess.Apply(a)
	if err != nil {
		return res, err
	}
	if d.rec != nil {
		// A password typed at a login prompt is recorded as what login
		// made of it, never as typed; the replay still logs in.
		if err := d.rec.Append(a.Redacted(res), res, d.sess.Machine().Now()); err != nil {
			err = fmt.Errorf("%s: %w", d.lang.tr(msgExamRecordFailed), err)
			d.tmu.Lock()
			d.broken = err
			d.tmu.Unlock()
			if d.onBroken != nil {
				d.onBroken()
			}
			return sim.Result{}, err
		}
	}
	d.tmu.Lock()
	d.virtLeft = d.sess.Remaining()
	d.tmu.Unlock()
	return res, nil
}

// finish scores the session and closes the transcript with reason; it
// waits for a running action to end.
func (d *examDriver) finish(reason string) (scenarios.Score, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	sc := d.sess.Score()
	if d.rec == nil {
		return sc, nil
	}
	d.tmu.Lock()
	broken := d.broken
	d.tmu.Unlock()
	if broken != nil {
		return sc, broken
	}
	return sc, d.rec.Close(examFooter(sc, reason, d.sess.Machine().Now()))
}

// examFooter is the footer of a session that ended for reason.
func examFooter(sc scenarios.Score, reason string, end time.Time) record.Footer {
	f := record.Footer{Reason: reason, Earned: sc.Total, Max: sc.Max, End: end}
	for _, c := range sc.Checks {
		f.Checks = append(f.Checks, record.CheckResult{ID: c.ID, Points: c.Points, Earned: c.Earned})
	}
	return f
}

// examPhase is where an exam is.
type examPhase int

const (
	examPreparing examPhase = iota // the session is being built or resumed
	examRunning
	examEnding // scoring and closing the transcript
	examOver
)

// examScreen is an exam: the sandbox's console on the session's machine,
// the task pane, the status line and the key bar.
type examScreen struct {
	u        *UI
	env      *env
	x        Exam
	sc       *scenarios.Scenario
	fromHome bool // opened from the home screen: closing goes back there

	sb   *sandbox
	pane *examPane
	root *tview.Flex
	drv  *examDriver

	grub     *grubView
	grubRoot *tview.Flex

	phase examPhase
	ask   action // the question the pane asks (actSubmitExam, actQuitExam) or actNone
	live  *scenarios.Score
	stop  chan struct{} // closed when the countdown stops
	note  string        // a problem while preparing, shown in the pane
}

func newExamScreen(u *UI, x Exam, sc *scenarios.Scenario, fromHome bool) *examScreen {
	es := &examScreen{u: u, env: u.env, x: x, sc: sc, fromHome: fromHome, stop: make(chan struct{})}
	s := newSandbox(u)
	s.drv = driver{
		whileDown: es.whileDown,
		downHint:  msgExamDownHint,
		leave:     func() { es.question(actQuitExam) },
		hideBoot:  true,
	}
	for i := range s.layout.open { // the console alone: no panels in an exam
		s.layout.open[i] = false
	}
	s.layout.order = nil
	s.state, s.busy = stateBooting, true
	s.consoles[0].SetBusy(true)
	es.sb = s
	es.pane = newExamPane(u.env, es)
	es.pane.onEscape = func() { u.app.SetFocus(s.term()) }
	body := &sideLayout{Box: newBox(), main: s.layout, side: es.pane}
	es.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(newStatusBar(u.env, es.statusText), 1, 0, false).
		AddItem(body, 0, 1, true).
		AddItem(newKeyBar(u.env, es.press, scopeGlobal, scopeExam), 1, 0, false)
	es.root.SetBackgroundColor(tcell.ColorDefault)

	es.grub = newGrubView(u.env, u.cfg.grubTick, u.post, u.quit)
	es.grub.onBoot = es.grubBoot
	es.grub.onHome = func() {
		if es.phase == examRunning {
			u.switchTo(pageExam, s.term())
		}
	}
	es.grubRoot = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(newStatusBar(u.env, func() (string, string) {
			return es.title() + " · GRUB", es.clockText()
		}), 1, 0, false).
		AddItem(es.grub, 0, 1, true).
		AddItem(newKeyBar(u.env, func(b binding) {
			if b.scope == scopeGrub {
				es.grub.do(b.act)
				return
			}
			u.press(b)
		}, scopeGlobal, scopeGrub), 1, 0, false)
	es.grubRoot.SetBackgroundColor(tcell.ColorDefault)
	return es
}

// title is the status line's left part.
func (es *examScreen) title() string {
	return "rclab · " + es.env.tr(msgHomeExams) + " · " + es.sc.ID
}

// statusText is the status line: the exam, the candidate and the time
// left.
func (es *examScreen) statusText() (string, string) {
	right := es.clockText()
	if es.x.Student != "" {
		right = es.x.Student + " · " + right
	}
	return es.title(), right
}

// clockText is the countdown, or what the exam is doing.
func (es *examScreen) clockText() string {
	switch es.phase {
	case examPreparing:
		return es.env.tr(msgExamPreparing)
	case examEnding:
		return es.env.tr(msgExamGrading)
	case examOver:
		return es.env.tr(msgExamEnded)
	}
	return es.env.trf(msgExamLeft, clockText(max(0, es.drv.left())))
}

// open shows the exam and prepares its session on a goroutine: built
// (from the home screen), or resumed.
func (es *examScreen) open(build func() (*scenarios.Session, error)) {
	u := es.u
	u.pages.AddPage(pageExam, es.root, true, false)
	u.pages.AddPage(pageExamGrub, es.grubRoot, true, false)
	u.switchTo(pageExam, es.sb.term())
	t := es.sb.consoles[0]
	t.WriteString(es.env.tr(msgExamPreparingLong) + "\n")
	lang := es.env.lang
	go func() {
		sess := es.x.Session
		var err error
		if sess == nil {
			sess, err = build()
		}
		var ops []conOp
		var notes []string
		state := stateShell
		if err == nil {
			ops, notes, state, err = resumeOps(sess, es.x.Resume, lang)
		}
		u.post(func() {
			if err != nil {
				t.WriteString(es.env.trf(msgExamFailed, err) + "\n")
				es.note = err.Error()
				es.phase = examOver
				return
			}
			es.start(sess, ops, notes, state)
		})
	}()
}

// resumeOps applies a resumed transcript's actions to sess and returns
// what the console showed (the start of the exam and each action) and
// the console's state after them; notes warn of outputs that differ from
// the transcript.
func resumeOps(sess *scenarios.Session, t *record.Transcript, l Lang) ([]conOp, []string, sbState, error) {
	log := &conLog{}
	con := newExamConsole(l, log)
	con.intro(afterOf(sess.Machine()))
	if t == nil {
		return log.take(), nil, con.state, nil
	}
	actions := make([]sim.Action, len(t.Entries))
	for i, e := range t.Entries {
		actions[i] = e.Action
	}
	var notes []string
	_, err := playSession(sess, actions, con, func(i int, res sim.Result) bool {
		if record.OutputHash(res.Output) != t.Entries[i].Output {
			notes = append(notes, l.trf(msgReplayHashDiffers, i+1))
		}
		return true
	})
	if err != nil {
		return nil, nil, 0, err
	}
	return log.take(), notes, con.state, nil
}

// start attaches the prepared session's machine to the console, shows
// the console as it is, and starts the countdown.
func (es *examScreen) start(sess *scenarios.Session, ops []conOp, notes []string, state sbState) {
	es.x.Session = sess
	es.drv = newExamDriver(es.env.lang, sess, es.x.Recorder, es.u.cfg.exam.clock())
	es.drv.onLive = func(sc scenarios.Score) { es.u.post(func() { es.live = &sc }) }
	es.drv.onBroken = func() { es.u.post(func() { es.end(record.ReasonQuit) }) }
	if es.drv.live {
		sc := sess.Score()
		es.live = &sc
	}
	es.sb.drv.apply = es.drv.apply
	s := es.sb
	m := sess.Machine()
	s.gen++
	g := s.gen
	s.m = m
	m.Subscribe(func(e sim.Event) { s.onEvent(m, g, e) })
	s.notReading()
	s.apply(s.nextSeq(), takeSnapshot(m))
	t := s.consoles[0]
	t.mu.Lock()
	t.buf = newTextBuffer(es.env.th.mono)
	t.mu.Unlock()
	t.SetBusy(false)
	con := newExamConsole(es.env.lang, t)
	playOps(con.out, ops)
	for _, n := range notes {
		t.WriteString("rclab: " + n + "\n")
	}
	s.state = state
	t.noHistory = state == stateLogin
	es.phase = examRunning
	es.drv.begin()
	s.idle()
	go es.countdown()
	if es.drv.left() <= 0 {
		es.end(record.ReasonTimeout)
	}
}

// countdown checks the time left until the exam ends.
func (es *examScreen) countdown() {
	tk := time.NewTicker(es.u.cfg.exam.tickEvery())
	defer tk.Stop()
	for {
		select {
		case <-es.stop:
			return
		case <-es.u.quit:
			return
		case <-tk.C:
			es.u.post(es.tick)
		}
	}
}

// tick submits the exam when the time is up.
func (es *examScreen) tick() {
	if es.phase == examRunning && es.drv.left() <= 0 {
		es.end(record.ReasonTimeout)
	}
}

// whileDown takes a line typed while the machine is off: GRUB's menu,
// then a power-on with the kernel arguments added there.
func (es *examScreen) whileDown(string) {
	if es.phase != examRunning {
		return
	}
	es.u.switchTo(pageExamGrub, es.grub)
	es.grub.show()
}

// grubBoot powers the machine on from GRUB's menu.
func (es *examScreen) grubBoot(extra []string) {
	if es.phase != examRunning {
		return
	}
	es.u.switchTo(pageExam, es.sb.term())
	es.sb.perform(sim.Action{Kind: sim.PowerOn, Args: extra})
}

// question asks the candidate to confirm submitting or quitting.
func (es *examScreen) question(act action) {
	if es.phase != examRunning {
		return
	}
	es.ask = act
}

// answer takes the reply to the question.
func (es *examScreen) answer(yes bool) {
	act := es.ask
	es.ask = actNone
	if !yes {
		return
	}
	switch act {
	case actSubmitExam:
		es.end(record.ReasonSubmitted)
	case actQuitExam:
		es.end(record.ReasonQuit)
	}
}

// end ends the exam for reason: no more actions, the score, the footer,
// then the result screen.
func (es *examScreen) end(reason string) {
	if es.phase != examRunning {
		return
	}
	es.phase = examEnding
	es.ask = actNone
	close(es.stop)
	es.drv.close()
	es.sb.consoles[0].SetBusy(true)
	es.grub.stopCountdown()
	u := es.u
	if u.prog != nil { // an editor or a pager: the time is up
		u.hideProgram(es.sb.term())
	}
	go func() {
		sc, err := es.drv.finish(reason)
		u.post(func() {
			es.phase = examOver
			es.sb.close()
			u.showExamResult(es, sc, reason, err)
		})
	}()
}

// press runs a key from the key bar.
func (es *examScreen) press(b binding) {
	if b.scope == scopeExam {
		es.do(b.act)
		return
	}
	es.u.press(b)
}

// capture handles a key on the exam page: the answer to a question,
// then the exam's keys; the rest go to the focused pane.
func (es *examScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	if es.ask != actNone {
		act, _ := lookup(scopeConfirm, ev)
		es.answer(act == actYes)
		return nil
	}
	if act, _ := lookup(scopeExam, ev); act != actNone {
		es.do(act)
		return nil
	}
	return ev
}

// interrupt is Ctrl-C: it abandons the line being typed. A running
// command is not interrupted: its output must replay the same.
func (es *examScreen) interrupt() {
	if t := es.sb.term(); !t.Busy() {
		t.interrupt()
	}
}

// do performs an exam action from the key table.
func (es *examScreen) do(act action) {
	switch act {
	case actSubmitExam, actQuitExam:
		es.question(act)
	case actNextPane:
		if es.pane.HasFocus() {
			es.u.app.SetFocus(es.sb.term())
		} else {
			es.u.app.SetFocus(es.pane)
		}
	case actPaneUp:
		es.pane.scroll(actPageUp)
	case actPaneDown:
		es.pane.scroll(actPageDown)
	}
}

// showExam opens an exam; fromHome says where its result screen goes
// back to. build makes the session when x has none.
func (u *UI) showExam(x Exam, sc *scenarios.Scenario, fromHome bool, build func() (*scenarios.Session, error)) {
	if u.ex.cur != nil {
		u.pages.RemovePage(pageExam)
		u.pages.RemovePage(pageExamGrub)
	}
	es := newExamScreen(u, x, sc, fromHome)
	u.ex.cur = es
	es.open(build)
}

// sideWidth is the width of the side pane beside a console in w cells:
// the console keeps 70 columns when it can (RH's [  OK  ] ends at 68),
// the pane gets 28 to 56; below 60 columns there is no pane.
func sideWidth(w int) int {
	if w < 60 {
		return 0
	}
	return max(28, min(56, w-70))
}

// sideLayout puts a console on the left and a pane on the right, and
// passes keys, paste and the mouse to the one concerned.
type sideLayout struct {
	*tview.Box
	main, side tview.Primitive
}

// Draw lays the two out.
func (l *sideLayout) Draw(screen tcell.Screen) {
	x, y, w, h := l.GetRect()
	sw := sideWidth(w)
	l.main.SetRect(x, y, w-sw, h)
	l.main.Draw(screen)
	if sw > 0 {
		l.side.SetRect(x+w-sw, y, sw, h)
		l.side.Draw(screen)
	}
}

// focused is the part that has focus, or nil.
func (l *sideLayout) focused() tview.Primitive {
	switch {
	case l.main.HasFocus():
		return l.main
	case l.side.HasFocus():
		return l.side
	}
	return nil
}

// Focus gives the focus to the console.
func (l *sideLayout) Focus(delegate func(p tview.Primitive)) { delegate(l.main) }

// HasFocus reports whether a part has focus.
func (l *sideLayout) HasFocus() bool { return l.focused() != nil }

// InputHandler passes keys to the focused part.
func (l *sideLayout) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return l.WrapInputHandler(func(ev *tcell.EventKey, setFocus func(p tview.Primitive)) {
		if p := l.focused(); p != nil {
			if h := p.InputHandler(); h != nil {
				h(ev, setFocus)
			}
		}
	})
}

// PasteHandler passes pasted text to the focused part.
func (l *sideLayout) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return l.WrapPasteHandler(func(text string, setFocus func(p tview.Primitive)) {
		if p := l.focused(); p != nil {
			if h := p.PasteHandler(); h != nil {
				h(text, setFocus)
			}
		}
	})
}

// MouseHandler passes mouse events to the part under the pointer.
func (l *sideLayout) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return l.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
		if !l.InRect(ev.Position()) {
			return false, nil
		}
		for _, p := range []tview.Primitive{l.main, l.side} {
			if consumed, capture := p.MouseHandler()(action, ev, setFocus); consumed {
				return true, capture
			}
		}
		return false, nil
	})
}
