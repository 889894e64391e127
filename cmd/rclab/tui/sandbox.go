package tui

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// numConsoles is how many virtual consoles the sandbox has (tty1–tty6).
const numConsoles = 6

// panelDelay is how long machine events wait before the panels are
// redrawn, so that a burst (a boot, a runlevel change) costs one redraw
// every 50 ms at most.
const panelDelay = 50 * time.Millisecond

// sbState is what the console is doing.
type sbState int

const (
	stateBooting sbState = iota // the machine is being built
	stateShell                  // root's shell reads lines
	stateLogin                  // the console shows "login:" after a logout
	stateDown                   // the machine is off
)

// snapshot is what the panels and the status line show of the machine,
// taken off the UI goroutine.
type snapshot struct {
	procs     []sim.Process
	services  []sim.Service
	prev, cur byte
	now       time.Time
	host      string
}

func takeSnapshot(m *sim.Machine) snapshot {
	prev, cur := m.Runlevel()
	return snapshot{procs: m.Processes(), services: m.Services(), prev: prev, cur: cur, now: m.Now(), host: m.Hostname()}
}

// sandbox is the sandbox screen: a freshly booted machine's consoles
// (tty1 has root's shell; tty2–tty6 show a login prompt), its process
// list, runlevel matrix and event log, a status line and the key bar.
type sandbox struct {
	u   *UI
	env *env

	m     *sim.Machine
	gen   int // bumped for each machine: late results of an old one are dropped
	state sbState
	// reading is set while the console's line waits for the keyboard;
	// shellPrompt while that reader is a nested shell at its prompt
	// (Tab completes in it, its lines are history).
	reading, shellPrompt bool
	busy                 bool
	queue                []string // lines typed while busy
	ran                  int      // command lines the machine has finished (bash's \#)

	consoles [numConsoles]*terminal
	vc       int // the console shown
	ps       *psPanel
	mx       *matrixPanel
	ev       *eventPanel
	layout   *sandboxLayout
	root     *tview.Flex

	snap snapshot
	// drv replaces how the machine is built and driven (a lesson's
	// player); its zero value is the sandbox's own way.
	drv driver

	applied int // the sequence number of the snapshot shown

	vcs     [numConsoles]vcState // tty2–tty6's lines (vconsole.go)
	vts     [numConsoles]vtView  // and their prompts
	steps   *stepper             // the boot stepper (stepper.go)
	stepBox *stepPane            // its box under tty1, once shown
	pace    *pacer               // realistic pacing (bootview.go)
	paced   atomic.Bool          // boots follow the UI's boot speed
	liveM   *sim.Machine         // the machine whose output comes live
	vtSeen  int                  // the gen whose consoles tty2–tty6 were read

	evMu      sync.Mutex // guards the fields below
	pending   []sim.Event
	scheduled bool
	seq       int // the last snapshot's sequence number
}

func newSandbox(u *UI) *sandbox {
	e := u.env
	s := &sandbox{u: u, env: e, ps: newPsPanel(e), mx: newMatrixPanel(e), ev: newEventPanel(e),
		steps: newStepper(), pace: &pacer{}}
	for i := range s.consoles {
		s.consoles[i] = newTerminal(e)
		if i > 0 {
			s.setupConsole(i + 1)
		}
	}
	t := s.consoles[0]
	t.onSubmit = s.submit
	t.onInterrupt = s.interrupt
	t.onEOF = s.eof
	t.onComplete = s.complete
	back := func() { u.app.SetFocus(s.term()) }
	s.ps.onEscape, s.mx.onEscape, s.ev.onEscape = back, back, back
	s.layout = newSandboxLayout(t, [numPanels]tview.Primitive{s.ps, s.mx, s.ev})
	status := newStatusBar(e, s.statusText)
	bar := newKeyBar(e, u.press, scopeGlobal, scopeSandbox, scopeBoot)
	s.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(status, 1, 0, false).
		AddItem(s.layout, 0, 1, true).
		AddItem(bar, 1, 0, false)
	s.root.SetBackgroundColor(tcell.ColorDefault)
	return s
}

// term is the console shown.
func (s *sandbox) term() *terminal { return s.consoles[s.vc] }

// statusText is the status line: where we are, and the machine's state.
func (s *sandbox) statusText() (string, string) {
	e := s.env
	left := fmt.Sprintf("rclab · %s · tty%d", e.tr(msgHomeSandbox), s.vc+1)
	var right []string
	if n := s.term().Scrolled(); n > 0 {
		right = append(right, e.trf(msgStatusScroll, n))
	}
	if s.layout.collapsed() && s.layout.visible == [numPanels]bool{} {
		right = append(right, e.tr(msgSbPanelsHidden))
	}
	switch {
	case s.state == stateBooting:
		right = append(right, e.tr(msgStatusBooting))
	case s.state == stateDown:
		right = append(right, e.tr(msgStatusDown))
	default:
		if s.busy {
			right = append(right, e.tr(msgStatusRunning))
		}
		right = append(right, s.snap.host)
		if s.snap.cur != 0 {
			right = append(right, e.trf(msgStatusRunlevel, string([]byte{s.snap.prev, ' ', s.snap.cur})))
		}
		right = append(right, s.snap.now.Format("15:04:05"))
	}
	if s.paced.Load() {
		right = append(right, s.u.speedText())
	}
	return left, strings.Join(right, " · ")
}

// boot builds a fresh machine on a goroutine and shows its boot; args
// are added to the kernel's command line (from GRUB).
func (s *sandbox) boot(args ...string) {
	if s.m != nil {
		s.m.Subscribe(nil)
		s.m.SetOutput(nil)
	}
	s.m = nil
	s.notReading()
	s.gen++
	g := s.gen
	s.steps.release()
	s.hideSteps()
	s.resetVTs()
	s.paced.Store(s == s.u.sb)
	sp := s.speed()
	s.pace.setBooting(true)
	s.evMu.Lock()
	s.pending = nil // an old machine's
	s.evMu.Unlock()
	s.state, s.busy = stateBooting, true
	t := s.consoles[0]
	t.SetBusy(true)
	t.SetPrompt("")
	t.WriteString(s.env.tr(msgSbBooting) + "\n")
	s.ev.events = nil
	opts := append(s.u.machineOptions(), sim.WithScreens(true)) // full-screen programs (fullscreen.go)
	if len(args) > 0 {
		opts = append(opts, sim.WithBootArgs(args...))
	}
	opts = append(opts, s.liveOptions(sp, g)...)
	go func() {
		m, err := s.drv.newMachine(opts)
		if err != nil {
			s.u.post(func() {
				if g == s.gen {
					t.WriteString(s.env.trf(msgSbBootFailed, err) + "\n")
					s.state = stateDown
					s.idle()
				}
			})
			return
		}
		m.Subscribe(s.subscriber(m, g))
		m.SetOutput(s.liveOutput(g))
		boot := m.BootLog()
		events := m.BootEvents()
		issue := issueText(m, 1)
		prompt := m.Prompt()
		down := m.Down()
		after := readVTs(m, 1)
		seq := s.nextSeq()
		snap := takeSnapshot(m)
		s.deliver(func(evs []sim.Event) {
			if g != s.gen {
				return
			}
			s.m = m
			if !s.drv.hideBoot && sp == speedInstant {
				t.WriteString(boot)
			}
			if sp == speedInstant { // a live boot's events came as they happened
				s.ev.add(withoutSteps(events))
			}
			s.ev.add(withoutSteps(evs))
			s.apply(seq, snap)
			if sp != speedInstant {
				s.liveM = m // the boot's banners came live
			}
			s.showAfter(after)
			s.liveM = m
			s.pace.setBooting(false)
			s.stepsOver()
			switch {
			case down != "":
				s.wentDown(down)
			case prompt == "":
				s.state = stateShell // init asks for a runlevel; its question is in the log
			default:
				t.WriteString(issue + s.snap.host + " login: root\n")
				s.state = stateShell
			}
			t.SetPrompt(prompt)
			s.idle()
		})
	}()
}

// issueText is what mingetty shows on ttyN before "login:": /etc/issue
// with its escapes expanded.
func issueText(m *sim.Machine, tty int) string {
	data, err := m.ReadFile("/etc/issue")
	if err != nil {
		return "\n"
	}
	release := ""
	if v, err := m.ReadFile("/proc/version"); err == nil {
		if f := strings.Fields(string(v)); len(f) >= 3 {
			release = f[2]
		}
	}
	r := strings.NewReplacer(`\r`, release, `\m`, "i686", `\n`, m.Hostname(), `\l`, fmt.Sprintf("tty%d", tty),
		`\s`, "Linux", `\\`, `\`)
	return "\n" + r.Replace(string(data))
}

// onEvent is the machine's event subscriber. It runs inside Apply, on the
// command's goroutine, so it only queues the event and schedules a
// redraw of the panels.
func (s *sandbox) onEvent(m *sim.Machine, g int, e sim.Event) {
	s.evMu.Lock()
	s.pending = append(s.pending, e)
	sched := !s.scheduled
	s.scheduled = true
	s.evMu.Unlock()
	if sched {
		time.AfterFunc(panelDelay, func() { s.flush(m, g) })
	}
}

// nextSeq numbers a snapshot about to be taken.
func (s *sandbox) nextSeq() int {
	s.evMu.Lock()
	defer s.evMu.Unlock()
	s.seq++
	return s.seq
}

// deliver posts f with the events not yet shown. Taking the events and
// posting happen under one lock, so events reach the log in order even
// when a command's end and a coalesced redraw race.
func (s *sandbox) deliver(f func(evs []sim.Event)) {
	s.evMu.Lock()
	defer s.evMu.Unlock()
	evs := s.pending
	s.pending = nil
	s.scheduled = false
	s.u.post(func() { f(evs) })
}

// flush brings the panels up to date while a command runs.
func (s *sandbox) flush(m *sim.Machine, g int) {
	seq := s.nextSeq()
	snap := takeSnapshot(m)
	s.deliver(func(evs []sim.Event) {
		if g == s.gen {
			s.ev.add(evs)
			s.apply(seq, snap)
		}
	})
}

// apply shows a snapshot in the panels, unless a newer one is shown
// (snapshots are taken on several goroutines).
func (s *sandbox) apply(seq int, snap snapshot) {
	if seq < s.applied {
		return
	}
	s.applied = seq
	s.snap = snap
	s.ps.setProcesses(snap.procs)
	s.mx.set(snap.services, snap.cur)
}

// idle ends a command: the prompt is back, and the next typed line runs.
func (s *sandbox) idle() {
	s.busy = false
	s.consoles[0].SetBusy(false)
	if len(s.queue) > 0 {
		line := s.queue[0]
		s.queue = s.queue[1:]
		t := s.consoles[0]
		switch {
		case t.bareEnter: // typed ahead of a password prompt: nothing shows
		case t.secret:
			t.echo("", "\n")
		default:
			t.echo(line, "\n")
		}
		s.submit(line)
	}
}

// submit handles a line typed on tty1.
func (s *sandbox) submit(line string) {
	if s.busy {
		s.queue = append(s.queue, line)
		return
	}
	t := s.consoles[0]
	switch s.state {
	case stateDown:
		if s.drv.whileDown != nil {
			s.drv.whileDown(line)
			return
		}
		t.WriteString("\n")
		s.u.powerOn()
		return
	case stateLogin:
		switch name := strings.TrimSpace(line); name {
		case "":
		case "root":
			t.noHistory = false
			s.state = stateShell
			t.SetPrompt(s.m.Prompt())
		default:
			t.WriteString("Login incorrect\n" + s.env.tr(msgSbOnlyRoot) + "\n\n")
		}
		return
	}
	s.run(line)
}

// run applies a line to the machine on a goroutine; the output, the new
// prompt and the panels are shown when it returns.
func (s *sandbox) run(line string) { s.perform(sim.Action{Kind: sim.Type, Line: line}) }

// perform applies an action to the machine on a goroutine, as run.
func (s *sandbox) perform(a sim.Action) {
	m, g := s.m, s.gen
	if m == nil {
		return
	}
	s.busy = true
	s.consoles[0].SetBusy(true)
	s.hideSteps()
	go func() {
		res, err := s.drv.applyTo(m, a)
		prompt := m.Prompt()
		down := m.Down()
		after := readVTs(m, 1)
		seq := s.nextSeq()
		snap := takeSnapshot(m)
		s.deliver(func(evs []sim.Event) {
			if g == s.gen {
				s.showAfter(after)
				s.pace.setBooting(false)
				s.stepsOver()
				s.finish(res, err, prompt, down, evs, seq, snap)
			}
		})
	}()
}

// finish shows what a command did.
func (s *sandbox) finish(res sim.Result, err error, prompt, down string, evs []sim.Event, seq int, snap snapshot) {
	t := s.consoles[0]
	s.ran++
	if err != nil {
		t.WriteString("rclab: " + err.Error() + "\n")
	}
	t.WriteString(unstreamed(res))
	s.notReading()
	s.ev.add(withoutSteps(evs))
	s.apply(seq, snap)
	switch {
	case res.Down:
		s.wentDown(down)
	case res.LoggedOut:
		if !strings.HasSuffix(res.Output, "logout\n") {
			t.WriteString("logout\n")
		}
		s.state = stateLogin
		t.noHistory = true
		t.WriteString(issueText(s.m, 1))
		t.SetPrompt(snap.host + " login: ")
	default:
		s.state = stateShell // also after a power-on (perform)
		t.SetPrompt(prompt)
		// A program reading the keyboard takes the next line: typed
		// text is hidden at a password prompt and kept out of the
		// history; Ctrl-C and Ctrl-D go to the program.
		s.reading, s.shellPrompt = res.Reading, res.ShellPrompt
		t.secret, t.bareEnter = res.NoEcho, res.NoEcho
		t.noHistory = res.Reading && !res.ShellPrompt // a nested shell's commands are history
		t.handsCtrlC = res.Reading || res.Incomplete
		if res.Screen != nil && s.openProgram(res.Screen) {
			return // the program's page has the screen; it calls idle when it ends
		}
	}
	s.idle()
}

// wentDown tells that the machine is off and how to go on.
func (s *sandbox) wentDown(why string) {
	t := s.consoles[0]
	s.state = stateDown
	s.queue = nil
	hint := msgSbDownHint
	if s.drv.downHint != "" {
		hint = s.drv.downHint
	}
	t.WriteString("\n" + s.env.trf(msgSbDown, strings.TrimSpace(why)) + "\n" + s.env.tr(hint) + "\n")
	t.SetPrompt("")
	s.vtDown()
}

// interrupt is Ctrl-C while a command runs. Machine.Interrupt is called
// on a goroutine: it may wait for the machine.
func (s *sandbox) interrupt() {
	s.steps.finish() // a stepped rc runs to its end
	m := s.m
	if m == nil || s.state != stateShell {
		return
	}
	if !s.busy {
		// Nothing runs: a program waits for the keyboard or a construct
		// is open. Ctrl-C is then an action of the session.
		s.perform(sim.Action{Kind: sim.Interrupt})
		return
	}
	go m.Interrupt()
}

// eof is Ctrl-D on an empty line: the shell logs out; at the login prompt
// or on a stopped machine, rclab goes back home.
func (s *sandbox) eof() {
	switch s.state {
	case stateShell:
		if s.reading {
			s.perform(sim.Action{Kind: sim.EndOfInput})
			return
		}
		s.consoles[0].echo("", "")
		s.run("exit")
	case stateLogin, stateDown:
		s.leave()
	}
}

// complete is Tab on tty1.
func (s *sandbox) complete(line []rune, cursor int) ([]rune, int, []string) {
	if s.m == nil || s.state != stateShell || s.reading && !s.shellPrompt || s.anyBusy() {
		return line, cursor, nil
	}
	return complete(consoleShell{s.m, 1}, line, cursor)
}

// switchConsole shows console i (0 for tty1).
func (s *sandbox) switchConsole(i int) {
	if i < 0 || i >= numConsoles {
		return
	}
	focus := s.layout.focused() == s.layout.term
	s.vc = i
	s.layout.term = s.consoleView(i)
	if i > 0 {
		s.refreshVTs()
	}
	if focus || s.layout.focused() == nil {
		s.u.app.SetFocus(s.consoles[i])
	}
}

// do performs a sandbox action from the key table.
func (s *sandbox) do(act action, arg int) {
	switch act {
	case actTogglePs:
		s.togglePanel(panelPs)
	case actToggleRunlevels:
		s.togglePanel(panelMatrix)
	case actToggleEvents:
		s.togglePanel(panelEvents)
	case actSortPs:
		s.ps.cycleSort()
	case actKernelThreads:
		s.ps.toggleKernel()
	case actNextPane:
		panes := s.layout.panes()
		cur := s.layout.focused()
		next := panes[0]
		for k, p := range panes {
			if p == cur {
				next = panes[(k+1)%len(panes)]
			}
		}
		s.u.app.SetFocus(next)
	case actConsole:
		s.switchConsole(arg - 1)
	case actNextConsole:
		s.switchConsole((s.vc + 1) % numConsoles)
	case actHome:
		s.leave()
	}
}

// togglePanel opens or closes a panel; the focus goes back to the console
// when its panel closes.
func (s *sandbox) togglePanel(i int) {
	s.layout.toggle(i)
	if !s.layout.open[i] && s.layout.panels[i].HasFocus() {
		s.u.app.SetFocus(s.term())
	}
}

// close stops listening to the machine (rclab is quitting).
func (s *sandbox) close() {
	s.steps.release()
	s.gen++
	if s.m != nil {
		s.m.Subscribe(nil)
	}
}

// notReading forgets that a program read tty1's keyboard (a new or
// swapped machine, or a line that ended).
func (s *sandbox) notReading() {
	t := s.consoles[0]
	s.reading, s.shellPrompt = false, false
	t.secret, t.bareEnter, t.handsCtrlC, t.noHistory = false, false, false, s.state == stateLogin
}
