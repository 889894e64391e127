package sim

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/shell"
)

// ActionKind names what a person did.
type ActionKind string

// The kinds of action a machine accepts.
const (
	// Type is a line typed at the shell prompt (without its newline).
	Type ActionKind = "type"
	// Wait lets virtual time pass without input.
	Wait ActionKind = "wait"
	// PowerOn starts a machine that is off, with Args appended to the
	// kernel command line (as edited at the GRUB prompt).
	PowerOn ActionKind = "poweron"
	// CtrlAltDel is the three-finger salute on the console: init runs the
	// ctrlaltdel entry of /etc/inittab.
	CtrlAltDel ActionKind = "ctrlaltdel"
	// Save is an editor (Program: "vi", "vim", "nano") writing Data to
	// the file at the absolute Path, as the console's user: an existing
	// file keeps its mode and owner, a new one gets 0666 minus the
	// shell's umask. When the write fails, Status is 1 and Output is the
	// reason ("Permission denied", "No such file or directory"); Output
	// is "" on success. It takes no virtual time.
	Save ActionKind = "save"
	// Ntsysv is ntsysv's Ok: On lists the checked entries, Levels the
	// runlevels edited (digits; "" edits none, as in runlevel S), Hide
	// repeats --hide. Through chkconfig's engine, every SysV service
	// ntsysv lists gets in each edited level an S link (checked) or a K
	// link (unchecked) with its header's priority; an xinetd file is
	// rewritten only when its state changes, and xinetd is not reloaded.
	// Status is 0; Output holds what ntsysv prints when a link cannot be
	// made. Names ntsysv does not list, or bad levels, are an error and
	// change nothing. It takes no virtual time.
	Ntsysv ActionKind = "ntsysv"
	// Quit is the end of the full-screen program (Program) the console's
	// line waits on (Result.Screen), with exit status Status (0–255):
	// Screen.Status normally, 1 for ntsysv's Cancel and vi's :cq, 130 for
	// top stopped with Ctrl-C. The rest of the line then runs, and the
	// result is what it printed. ntsysv's Ok is its Ntsysv action, which
	// ends it with 0; a line typed while a program waits ends it with
	// Screen.Status first (records made before programs waited for their
	// screen). It takes no virtual time.
	Quit ActionKind = "quit"
	// Interrupt is Ctrl-C on console TTY (0 or 1 for the system console,
	// 2–6) while its line waits for the keyboard (Result.Reading): the
	// program reading is stopped as SIGINT stops it, the line ends with
	// status 130, and the terminal shows ^C. At the shell's prompt it
	// abandons an unfinished multi-line construct and prints ^C. On tty2–
	// tty6 before a login, mingetty's "login: " starts over with a fresh
	// getty, and login's prompts ignore it (ttys.go).
	Interrupt ActionKind = "interrupt"
	// EndOfInput is Ctrl-D while the line of console TTY waits for the
	// keyboard: the program reading gets end of file (cat, read, mail
	// end their input).
	EndOfInput ActionKind = "eof"
)

// Action is one thing a person did to the machine. Actions are plain data,
// so a session can be recorded and replayed.
type Action struct {
	Kind ActionKind    `json:"kind"`
	Line string        `json:"line,omitempty"` // Type: the line typed
	For  time.Duration `json:"for,omitempty"`  // Wait: how long
	Args []string      `json:"args,omitempty"` // PowerOn: kernel arguments

	Path    string `json:"path,omitempty"`    // Save: the file written (absolute)
	Data    string `json:"data,omitempty"`    // Save: its new contents
	Program string `json:"program,omitempty"` // Save: the editor ("vi", "vim", "nano")

	Levels string   `json:"levels,omitempty"` // Ntsysv: the runlevels edited ("35")
	On     []string `json:"on,omitempty"`     // Ntsysv: the checked entries
	Hide   bool     `json:"hide,omitempty"`   // Ntsysv: --hide was given

	// TTY is the virtual console a Type action is typed on: 0 or 1 is
	// the system console (root's shell), 2–6 a console where mingetty
	// and login ask for a name and a password first (ttys.go).
	TTY int `json:"tty,omitempty"`

	// Password stands for a password typed at login's "Password:" prompt
	// on TTY 2–6 and left out of a record: Line is then empty and
	// Password says what login made of it, PasswordAccepted or
	// PasswordRejected, so that a replay logs in (or fails to) as the
	// session did, with the same output. Redacted makes such an action.
	Password string `json:"password,omitempty"`

	// Status is the exit status of a Quit action.
	Status int `json:"status,omitempty"`
}

// What login made of a password (Action.Password, Result.Password).
const (
	// PasswordAccepted: login let the user in (the password matched,
	// and /etc/securetty let root in on that console).
	PasswordAccepted = "accepted"
	// PasswordRejected: login said "Login incorrect".
	PasswordRejected = "rejected"
)

// Redacted is a as a record may keep it, given its result r: a password
// typed at login's prompt (r.Password set) loses its Line and keeps only
// what login made of it; any other action is returned as it is. Lesson
// journals, exam transcripts and replays keep redacted actions, so a
// password is never stored or shown.
func (a Action) Redacted(r Result) Action {
	if r.Password == "" || a.Kind != Type {
		return a
	}
	return Action{Kind: Type, TTY: a.TTY, Password: r.Password}
}

// Result is what an action caused.
type Result struct {
	// Output is what the terminal showed, stdout and stderr interleaved.
	Output string
	// Status is the exit status of the last command ($?).
	Status int
	// Incomplete is set when the line opened a construct (if, for, a
	// quote…) that needs more lines; the prompt is then PS2.
	Incomplete bool
	// LoggedOut is set when the shell exited (exit, logout, Ctrl-D).
	LoggedOut bool
	// Down is set when the machine is off (halted, powered down, or a
	// reboot loop was stopped); Machine.Down says why.
	Down bool
	// Streamed is how many of Output's first bytes the function of
	// SetOutput already received as they were written (output.go).
	Streamed int
	// Events are what happened inside the machine, in order.
	Events []Event
	// Screen is set when the typed line ran a full-screen program at the
	// terminal of a machine made WithScreens(true): the UI shows it, and
	// Output holds only what the line printed besides.
	Screen *Screen
	// Reading is set when the line stopped to read the keyboard (rm -i's
	// question, read, passwd, cat with no file): no prompt is shown, the
	// next Type action on this console is the program's input, and
	// Interrupt or EndOfInput end it. NoEcho is set when the program
	// turned echo off (a password prompt): the UI does not show what is
	// typed.
	Reading, NoEcho bool
	// ShellPrompt is set with Reading when the reader is a nested shell
	// (su -, bash) at its prompt: the next line is a command of that
	// shell, which a UI keeps in its line history.
	ShellPrompt bool
	// Input is set when the typed line was input to a program that was
	// reading the keyboard, not a command of its own.
	Input bool
	// Password is set when the line was a password, typed at login's
	// "Password:" prompt (which does not echo it): PasswordAccepted or
	// PasswordRejected. Whoever keeps the action must keep
	// Action.Redacted instead.
	Password string
}

// Apply performs one action and reports what it caused.
func (m *Machine) Apply(a Action) (Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch a.Kind {
	case Type:
		if strings.ContainsAny(a.Line, "\n") {
			return Result{}, fmt.Errorf("a typed line cannot contain a newline: %q", a.Line)
		}
		if a.TTY < 0 || a.TTY > TTYs {
			return Result{}, fmt.Errorf("there is no tty%d: the virtual consoles are tty1 to tty%d", a.TTY, TTYs)
		}
		if a.TTY > 1 || a.Password != "" {
			return m.typeOnTTY(a)
		}
		return m.typeLine(a.Line), nil
	case Wait:
		m.k.Clock.Advance(a.For)
		m.settle()
		return m.result(0), nil
	case PowerOn:
		if m.down == "" && m.cfg.boot {
			return Result{}, fmt.Errorf("the machine is already running")
		}
		m.cfg.boot = true
		m.powerOn(a.Args)
		return m.result(0), nil
	case CtrlAltDel:
		if m.down != "" {
			return Result{Down: true}, nil
		}
		m.k.RequestInit(kernel.InitRequest{Kind: "ctrlaltdel"})
		m.settle()
		return m.result(0), nil
	case Save:
		return m.save(a)
	case Ntsysv:
		return m.ntsysv(a)
	case Quit:
		return m.quit(a)
	case Interrupt, EndOfInput:
		return m.control(a)
	}
	return Result{}, fmt.Errorf("unknown action kind %q", a.Kind)
}

// control performs Ctrl-C (Interrupt) or Ctrl-D (EndOfInput) on console
// a.TTY.
func (m *Machine) control(a Action) (Result, error) {
	if a.TTY < 0 || a.TTY > TTYs {
		return Result{}, fmt.Errorf("there is no tty%d: the virtual consoles are tty1 to tty%d", a.TTY, TTYs)
	}
	if m.down != "" {
		return Result{Down: true, Status: 1}, nil
	}
	if a.TTY > 1 {
		return m.vtControl(m.vtOf(a.TTY), a.Kind)
	}
	if m.line == nil {
		if a.Kind == EndOfInput {
			return Result{}, fmt.Errorf("no program at the console reads its input (Ctrl-D at the prompt is the exit command)")
		}
		m.pending = ""
		io.WriteString(m.term.out(true), "^C\n")
		return m.result(0), nil
	}
	if a.Kind == EndOfInput {
		m.line.endInput()
		return m.awaitLine(), nil
	}
	io.WriteString(m.term.out(true), "^C\n")
	m.line.interrupt()
	return m.awaitLine(), nil
}

// quit performs a Quit action: the full-screen program the console's
// line waits on ends with the action's status and the line runs on.
func (m *Machine) quit(a Action) (Result, error) {
	if m.down != "" {
		return Result{Down: true, Status: 1}, nil
	}
	if a.Status < 0 || a.Status > 255 {
		return Result{}, fmt.Errorf("an exit status is 0 to 255, not %d", a.Status)
	}
	if m.line != nil && m.kb.screenWaiting() {
		return m.endScreen(a.Status), nil
	}
	// No program waits: the record was made when full-screen programs
	// opened after their line had run; the shell takes the status.
	if m.login == nil || m.pending != "" || m.line != nil {
		return Result{}, fmt.Errorf("no shell waits at the console for %s to end", a.Program)
	}
	m.login.RunStmts(context.Background(), mustParse("(exit "+strconv.Itoa(a.Status)+")"))
	return m.result(a.Status), nil
}

// Now is the machine's virtual time.
func (m *Machine) Now() time.Time { return m.k.Clock.Now() }

// Hostname is the machine's current host name.
func (m *Machine) Hostname() string { return m.k.Hostname() }

// expandPrompt expands bash's prompt escapes in ps (PS1) for the
// console's shell.
func (m *Machine) expandPrompt(ps string) string { return m.promptOf(m.login, ps, 0) }

// promptOf expands bash's prompt escapes in ps for the shell sh of the
// user uid; an empty PS1 gives bash's default ("-bash-3.2# ", "$" for
// the others).
func (m *Machine) promptOf(sh *shell.Shell, ps string, uid int) string {
	if ps == "" {
		sign := "#"
		if uid != 0 {
			sign = "$"
		}
		return "-bash-3.2" + sign + " "
	}
	return sh.ExpandPrompt(ps)
}

// Pending reports whether a multi-line construct is still open.
func (m *Machine) Pending() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pending != ""
}
