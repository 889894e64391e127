package tui

import (
	"strings"

	"rclab/scenarios"
	"rclab/sim"
)

// An exam's console is the sandbox's, driven through the exam's session;
// this file draws a session's actions on a console the way the sandbox
// showed them live, for the replay and for resuming an exam. The machine's
// output is written byte for byte; what rclab itself adds follows
// sandbox.go (the boot, finish and wentDown functions):
//
//   - the exam starts at root's prompt, after the issue text and
//     "login: root", the boot's messages hidden;
//   - a typed line is echoed after its prompt, then its output; a wait
//     the exam inserted before a line (see examDriver) is shown after
//     that line's echo, since the line was typed first;
//   - a logout shows the login prompt again, and the next line is
//     taken to follow "root" typed there;
//   - a machine going down gets rclab's notice, and a power-on follows
//     the Enter typed at it; a file saved by an editor shows nothing.
//
// What the console showed that no action caused is not in a transcript
// and so not replayed: lines abandoned with Ctrl-C, Tab's lists of
// completions, a screen cleared with Ctrl-L, full-screen programs.

// conSink is what draws a console: a terminal, or a conLog for later.
type conSink interface {
	WriteString(s string)
	SetPrompt(p string)
	echo(s, end string)
}

var _ conSink = (*terminal)(nil)

// conOpKind is one kind of console operation.
type conOpKind int

const (
	opWrite  conOpKind = iota // output
	opPrompt                  // a new prompt
	opEcho                    // the prompt and a line, as typed
)

// conOp is one console operation.
type conOp struct {
	kind   conOpKind
	s, end string
}

// conLog records console operations, to draw them later.
type conLog struct{ ops []conOp }

func (l *conLog) WriteString(s string) { l.ops = append(l.ops, conOp{kind: opWrite, s: s}) }
func (l *conLog) SetPrompt(p string)   { l.ops = append(l.ops, conOp{kind: opPrompt, s: p}) }
func (l *conLog) echo(s, end string)   { l.ops = append(l.ops, conOp{kind: opEcho, s: s, end: end}) }

// take returns the operations recorded since the last take.
func (l *conLog) take() []conOp {
	ops := l.ops
	l.ops = nil
	return ops
}

// playOps draws ops on s.
func playOps(s conSink, ops []conOp) {
	for _, op := range ops {
		switch op.kind {
		case opWrite:
			s.WriteString(op.s)
		case opPrompt:
			s.SetPrompt(op.s)
		case opEcho:
			s.echo(op.s, op.end)
		}
	}
}

// conAfter is what the console needs of the machine after an action,
// read right after it.
type conAfter struct {
	prompt, down, issue, host string
}

func afterOf(m *sim.Machine) conAfter {
	return conAfter{prompt: m.Prompt(), down: m.Down(), issue: issueText(m, 1), host: m.Hostname()}
}

// examConsole draws a session's actions as the exam's console showed
// them live (see the top of this file).
type examConsole struct {
	lang   Lang
	out    conSink
	state  sbState
	prompt string // the shell's prompt after the last action
	echoed bool   // the next typed line is on the screen already
	noEcho bool   // a program reads the keyboard with echo off
}

func newExamConsole(l Lang, out conSink) *examConsole {
	return &examConsole{lang: l, out: out, state: stateShell}
}

// intro is the console when the exam starts, as the sandbox shows a
// machine it booted with its boot hidden.
func (c *examConsole) intro(st conAfter) {
	c.prompt = st.prompt
	switch {
	case st.down != "":
		c.wentDown(st.down)
		return
	case st.prompt != "":
		c.out.WriteString(st.issue + st.host + " login: root\n")
	}
	c.state = stateShell
	c.out.SetPrompt(st.prompt)
}

// show draws action a, its result and the machine after it; next is the
// action recorded after it (nil for the last).
func (c *examConsole) show(a sim.Action, next *sim.Action, res sim.Result, st conAfter) {
	switch a.Kind {
	case sim.Type:
		if !c.echoed {
			c.typed(a.Line)
		}
		c.echoed = false
		c.out.WriteString(res.Output)
		c.finish(res, st)
	case sim.Wait:
		if next != nil && next.Kind == sim.Type && c.state != stateDown {
			// the exam's wait before a typed line: the line came first
			c.typed(next.Line)
			c.echoed = true
			c.out.WriteString(res.Output)
			c.prompt = st.prompt
			return
		}
		c.out.WriteString(res.Output)
		c.finish(res, st)
	case sim.PowerOn:
		if c.state == stateDown {
			c.out.echo("", "\n") // the Enter that opened GRUB
		}
		c.out.WriteString(res.Output)
		c.finish(res, st)
	case sim.Save:
		// the editor showed the result; the console shows nothing
	default: // ntsysv's Ok, Ctrl-Alt-Del
		c.out.WriteString(res.Output)
		c.finish(res, st)
	}
}

// typed echoes a line typed at the prompt; at the login prompt the
// candidate logged in as root first.
func (c *examConsole) typed(line string) {
	if c.state == stateLogin {
		c.out.echo("root", "\n")
		c.state = stateShell
		c.out.SetPrompt(c.prompt)
	}
	if c.noEcho {
		c.out.echo("", "") // a password: neither it nor its Enter shows
		return
	}
	c.out.echo(line, "\n")
}

// finish is sandbox.finish: the prompt, a logout or the machine down.
func (c *examConsole) finish(res sim.Result, st conAfter) {
	c.prompt = st.prompt
	c.noEcho = res.Reading && res.NoEcho
	switch {
	case res.Down:
		if c.state != stateDown {
			c.wentDown(st.down)
		}
	case res.LoggedOut:
		if !strings.HasSuffix(res.Output, "logout\n") {
			c.out.WriteString("logout\n")
		}
		c.state = stateLogin
		c.out.WriteString(st.issue)
		c.out.SetPrompt(st.host + " login: ")
	default:
		c.state = stateShell
		c.out.SetPrompt(st.prompt)
	}
}

// wentDown is sandbox.wentDown with the exam's hint.
func (c *examConsole) wentDown(why string) {
	c.state = stateDown
	c.out.WriteString("\n" + c.lang.trf(msgSbDown, strings.TrimSpace(why)) + "\n" + c.lang.tr(msgExamDownHint) + "\n")
	c.out.SetPrompt("")
}

// playSession applies actions to a session one by one and draws each on
// con; each is told of every action's result and may stop the play by
// returning false. It returns the number of actions applied and the
// error of the action the machine refused, if one did.
func playSession(sess *scenarios.Session, actions []sim.Action, con *examConsole, each func(i int, res sim.Result) bool) (int, error) {
	for i, a := range actions {
		res, err := sess.Apply(a)
		if err != nil {
			return i, err
		}
		var next *sim.Action
		if i+1 < len(actions) {
			next = &actions[i+1]
		}
		con.show(a, next, res, afterOf(sess.Machine()))
		if each != nil && !each(i, res) {
			return i + 1, nil
		}
	}
	return len(actions), nil
}
