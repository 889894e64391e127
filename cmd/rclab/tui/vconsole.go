package tui

import (
	"strings"

	"rclab/sim"
)

// The sandbox's virtual consoles tty2–tty6 (Alt-F2…Alt-F6, or Ctrl-]
// where the terminal keeps Alt for itself): each is a login on the
// mingetty of that tty, held by the machine itself. The console shows
// what the machine's tty shows (its banner, "lab1 login: ", "Password: "
// without echo, the user's shell), keeps its own scrollback and history,
// and receives broadcast messages as they are written. A program of the
// user's line that reads the keyboard (rm -i, read, passwd, cat) takes
// the next line as tty1's do (sandbox.go): no prompt shows, a password
// is hidden (Enter too), answers stay out of the history and Tab does
// nothing; Ctrl-C and Ctrl-D are actions on that console.

// vcState is what the sandbox keeps of a console beside tty1.
type vcState struct {
	busy  bool     // a line typed there runs
	queue []string // lines typed while busy
	// open is set while the shell's multi-line construct is open: Ctrl-C
	// then goes to the machine, which abandons it.
	open bool
}

// vtView is what a console shows before its next line, read from the
// machine after an action.
type vtView struct {
	prompt string
	state  sim.TTYState
	// reading is set while a program of the console's line waits for
	// the keyboard; noEcho while it turned echo off (sim.Machine.ReadingOn).
	reading, noEcho bool
	// shellPrompt is set while the reader is a nested shell at its
	// prompt (sim.Machine.AtShellPromptOn): its commands are history.
	shellPrompt bool
}

// vtViews reads the prompts of tty2–tty6. It waits for the machine, so
// it runs off the UI goroutine.
func vtViews(m *sim.Machine) [numConsoles]vtView {
	var out [numConsoles]vtView
	for n := 2; n <= numConsoles; n++ {
		reading, noEcho := m.ReadingOn(n)
		out[n-1] = vtView{prompt: m.PromptOn(n), state: m.TTYStateOf(n), reading: reading, noEcho: noEcho,
			shellPrompt: m.AtShellPromptOn(n)}
	}
	return out
}

// vtAfter is what the consoles show after an action on console acting,
// read from the machine off the UI goroutine.
type vtAfter struct {
	m     *sim.Machine
	views [numConsoles]vtView
	// others is what the other consoles showed meanwhile (a wall
	// message, a getty's banner), taken from the machine.
	others [numConsoles]string
}

// readVTs reads the consoles after an action on console acting.
func readVTs(m *sim.Machine, acting int) vtAfter {
	a := vtAfter{m: m, views: vtViews(m)}
	for n := 1; n <= numConsoles; n++ {
		if n != acting {
			a.others[n-1] = m.TakeOutput(n)
		}
	}
	return a
}

// showAfter shows what the consoles showed during an action: nothing
// more for the sandbox's own machine, whose output came live; the text
// for a machine attached without live output (an exam's, a lesson's
// restored one).
func (s *sandbox) showAfter(a vtAfter) {
	if a.m != s.liveM {
		for i, text := range a.others {
			if text != "" {
				s.consoles[i].WriteString(text)
			}
		}
	}
	s.showVTs(a.views)
	s.vtSeen = s.gen
}

// refreshVTs reads the consoles of a machine the sandbox was given (an
// exam's, a lesson's restored one), when one of them is shown first.
func (s *sandbox) refreshVTs() {
	m, g := s.m, s.gen
	if m == nil || s.vtSeen == g || s.state == stateBooting {
		return
	}
	s.vtSeen = g
	go func() {
		a := readVTs(m, 0)
		s.u.post(func() {
			if g == s.gen {
				s.showAfter(a)
			}
		})
	}()
}

// setupConsole connects console tty (2–6) to the machine.
func (s *sandbox) setupConsole(tty int) {
	t := s.consoles[tty-1]
	t.noHistory = true
	t.onSubmit = func(line string) { s.vtSubmit(tty, line) }
	t.onInterrupt = func() {
		m := s.m
		switch {
		case m == nil:
		case s.vcs[tty-1].busy:
			go m.Interrupt()
		default:
			// A program reads the keyboard, a construct is open, or a
			// getty waits: Ctrl-C is an action on the console.
			s.vtApply(tty, sim.Action{Kind: sim.Interrupt, TTY: tty})
		}
	}
	t.onEOF = func() {
		switch {
		case s.vts[tty-1].reading:
			s.vtApply(tty, sim.Action{Kind: sim.EndOfInput, TTY: tty})
		case s.vcState(tty) == sim.TTYShell:
			t.echo("", "")
			s.vtSubmit(tty, "exit")
		}
	}
	t.onComplete = func(line []rune, cursor int) ([]rune, int, []string) {
		v := s.vts[tty-1]
		if s.m == nil || s.anyBusy() || s.vcState(tty) != sim.TTYShell || v.reading && !v.shellPrompt {
			return line, cursor, nil
		}
		return complete(consoleShell{s.m, tty}, line, cursor)
	}
}

// anyBusy reports whether a line runs on any console: the machine is
// taken, and the UI must not wait for it (a held stepper waits for a key
// the UI has to read).
func (s *sandbox) anyBusy() bool {
	if s.busy {
		return true
	}
	for _, st := range s.vcs {
		if st.busy {
			return true
		}
	}
	return false
}

// vcState is the state console tty was left in, as its prompt says.
func (s *sandbox) vcState(tty int) sim.TTYState { return s.vts[tty-1].state }

// showVTs shows the consoles' prompts after an action, leaving a console
// whose own line still runs to its own end.
func (s *sandbox) showVTs(views [numConsoles]vtView) {
	for n := 2; n <= numConsoles; n++ {
		if !s.vcs[n-1].busy {
			s.showVT(n, views[n-1])
		}
	}
}

// showVT sets console n's prompt and how its line is typed: a password
// is not shown (nor, when a program turned echo off, the Enter that ends
// it), only the shell's command lines are remembered, and Ctrl-C goes
// to the machine where something there takes it (a program reading,
// an open construct, mingetty; login ignores it at "Password:").
func (s *sandbox) showVT(n int, v vtView) {
	s.vts[n-1] = v
	st := &s.vcs[n-1]
	if v.state != sim.TTYShell || v.reading {
		st.open = false
	}
	t := s.consoles[n-1]
	t.SetPrompt(v.prompt)
	t.secret = v.state == sim.TTYPassword || v.noEcho
	t.bareEnter = v.noEcho
	t.noHistory = v.state != sim.TTYShell || v.reading && !v.shellPrompt
	t.handsCtrlC = v.reading || st.open || v.state == sim.TTYLogin
}

// vtSubmit handles a line typed on tty2–tty6.
func (s *sandbox) vtSubmit(tty int, line string) {
	st := &s.vcs[tty-1]
	if st.busy {
		st.queue = append(st.queue, line)
		return
	}
	if s.vcState(tty) == sim.TTYLogin && strings.TrimSpace(line) != "" {
		// login asks for a password next, whatever the name: what is
		// typed ahead meanwhile does not show either.
		s.consoles[tty-1].secret = true
	}
	s.vtApply(tty, sim.Action{Kind: sim.Type, TTY: tty, Line: line})
}

// vtApply applies an action on console tty (2–6) on a goroutine; its
// output and the consoles' prompts are shown when it returns.
func (s *sandbox) vtApply(tty int, a sim.Action) {
	st := &s.vcs[tty-1]
	c := s.consoles[tty-1]
	m, g := s.m, s.gen
	if st.busy || m == nil || s.state == stateBooting || s.state == stateDown {
		return
	}
	st.busy = true
	c.SetBusy(true)
	go func() {
		res, err := s.drv.applyTo(m, a)
		after := readVTs(m, tty)
		prompt, down := m.Prompt(), m.Down()
		seq := s.nextSeq()
		snap := takeSnapshot(m)
		s.deliver(func(evs []sim.Event) {
			if g == s.gen {
				s.vtFinish(tty, res, err, after, prompt, down, evs, seq, snap)
			}
		})
	}()
}

// vtFinish shows what a line typed on tty2–tty6 did.
func (s *sandbox) vtFinish(tty int, res sim.Result, err error, after vtAfter, prompt, down string, evs []sim.Event, seq int, snap snapshot) {
	c := s.consoles[tty-1]
	st := &s.vcs[tty-1]
	if err != nil {
		c.WriteString("rclab: " + err.Error() + "\n")
	}
	out := unstreamed(res)
	if res.Output == "" && after.views[tty-1].state == sim.TTYOff && !res.Down {
		out = s.env.tr(msgVtOff) + "\n"
	}
	c.WriteString(out)
	s.ev.add(withoutSteps(evs))
	s.apply(seq, snap)
	st.busy = false
	st.open = res.Incomplete
	c.SetBusy(false)
	s.showVT(tty, after.views[tty-1])
	s.showAfter(after)
	if !s.busy && s.state == stateShell {
		s.consoles[0].SetPrompt(prompt) // tty1's shell may have gone (init 1)
	}
	s.stepsOver()
	if res.Down {
		s.wentDown(down)
		return
	}
	if len(st.queue) > 0 {
		line := st.queue[0]
		st.queue = st.queue[1:]
		shown, end := line, "\n"
		if c.secret {
			shown = ""
		}
		if c.bareEnter {
			end = ""
		}
		c.echo(shown, end)
		s.vtSubmit(tty, line)
	}
}

// unstreamed is the part of a result's output its console has not shown
// yet: what came after the live output.
func unstreamed(r sim.Result) string {
	if r.Streamed > 0 && r.Streamed <= len(r.Output) {
		return r.Output[r.Streamed:]
	}
	return r.Output
}

// resetVTs empties tty2–tty6 for a new machine.
func (s *sandbox) resetVTs() {
	for n := 2; n <= numConsoles; n++ {
		s.vcs[n-1] = vcState{}
		c := s.consoles[n-1]
		c.clear()
		c.SetBusy(false)
		c.resetLine()
		s.showVT(n, vtView{})
	}
}

// vtDown clears the consoles' prompts when the machine is off.
func (s *sandbox) vtDown() {
	for n := 2; n <= numConsoles; n++ {
		s.vcs[n-1].queue = nil
		s.showVT(n, vtView{})
	}
}
