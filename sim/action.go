package sim

import (
	"fmt"
	"path"
	"rclab/sim/internal/kernel"
	"strings"
	"time"
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
)

// Action is one thing a person did to the machine. Actions are plain data,
// so a session can be recorded and replayed.
type Action struct {
	Kind ActionKind    `json:"kind"`
	Line string        `json:"line,omitempty"` // Type: the line typed
	For  time.Duration `json:"for,omitempty"`  // Wait: how long
	Args []string      `json:"args,omitempty"` // PowerOn: kernel arguments
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
	// Events are what happened inside the machine, in order.
	Events []Event
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
	}
	return Result{}, fmt.Errorf("unknown action kind %q", a.Kind)
}

// Now is the machine's virtual time.
func (m *Machine) Now() time.Time { return m.k.Clock.Now() }

// Hostname is the machine's current host name.
func (m *Machine) Hostname() string { return m.k.Hostname() }

// expandPrompt expands bash's prompt escapes in ps (PS1).
func (m *Machine) expandPrompt(ps string) string {
	if ps == "" {
		return "-bash-3.2# "
	}
	home := m.login.Var("HOME")
	dir := m.login.Dir()
	tilde := func(d string) string {
		if home != "" && (d == home || strings.HasPrefix(d, home+"/")) {
			return "~" + d[len(home):]
		}
		return d
	}
	var b strings.Builder
	for i := 0; i < len(ps); i++ {
		c := ps[i]
		if c != '\\' || i+1 == len(ps) {
			b.WriteByte(c)
			continue
		}
		i++
		switch ps[i] {
		case 'u':
			b.WriteString(m.login.Var("USER"))
		case 'h':
			h, _, _ := strings.Cut(m.k.Hostname(), ".")
			b.WriteString(h)
		case 'H':
			b.WriteString(m.k.Hostname())
		case 'w':
			b.WriteString(tilde(dir))
		case 'W':
			switch {
			case dir == home:
				b.WriteString("~")
			case dir == "/":
				b.WriteString("/")
			default:
				b.WriteString(path.Base(dir))
			}
		case '$':
			b.WriteString("#") // the console's shells are root's
		case 's':
			b.WriteString(strings.TrimPrefix(m.login.Name(), "-"))
		case 'v':
			b.WriteString("3.2")
		case 'V':
			b.WriteString("3.2.25")
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteString(m.k.Clock.Now().Format("15:04:05"))
		case 'T':
			b.WriteString(m.k.Clock.Now().Format("03:04:05"))
		case 'A':
			b.WriteString(m.k.Clock.Now().Format("15:04"))
		case 'd':
			b.WriteString(m.k.Clock.Now().Format("Mon Jan 02"))
		case 'e':
			b.WriteByte(0x1b)
		case '[', ']':
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(ps[i])
		}
	}
	return b.String()
}

// Pending reports whether a multi-line construct is still open.
func (m *Machine) Pending() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pending != ""
}
