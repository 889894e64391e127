package check

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Action is one line of a setup or a solution, in lessons and exams: a
// command line typed at the console, or (written as a mapping) a line
// typed on another virtual console (a user name, a password or a command
// on tty2–tty6, where mingetty and login ask first), powering on with
// kernel arguments, waiting, or pressing Ctrl-Alt-Del.
//
//   - service httpd start
//   - {tty: 2, line: alice}
//   - {poweron: single}
//   - {wait: 16m}
//   - {ctrlaltdel: true}
type Action struct {
	Line       string        // a typed line
	TTY        int           // the console Line is typed on (0 or 1: the system console)
	PowerOn    bool          // power on (Args are the kernel arguments)
	Args       []string      // with PowerOn
	Wait       time.Duration // let time pass
	CtrlAltDel bool
}

// SimAction is the action as the machine takes it.
func (a Action) SimAction() sim.Action {
	switch {
	case a.PowerOn:
		return sim.Action{Kind: sim.PowerOn, Args: a.Args}
	case a.Wait > 0:
		return sim.Action{Kind: sim.Wait, For: a.Wait}
	case a.CtrlAltDel:
		return sim.Action{Kind: sim.CtrlAltDel}
	}
	return sim.Action{Kind: sim.Type, Line: a.Line, TTY: a.TTY}
}

// String shows the action as a learner would do it.
func (a Action) String() string {
	switch {
	case a.PowerOn && len(a.Args) > 0:
		return "(power on, kernel arguments: " + strings.Join(a.Args, " ") + ")"
	case a.PowerOn:
		return "(power on)"
	case a.Wait > 0:
		return "(wait " + a.Wait.String() + ")"
	case a.CtrlAltDel:
		return "(Ctrl-Alt-Del)"
	case a.TTY > 1:
		return fmt.Sprintf("(tty%d) %s", a.TTY, a.Line)
	}
	return a.Line
}

// UnmarshalStrict reads a command line, or a mapping with one of
// poweron, wait and ctrlaltdel.
func (a *Action) UnmarshalStrict(n *strict.Node) error {
	if s, ok := n.Scalar(); ok {
		if strings.Contains(s, "\n") {
			n.Errorf("a command is one line; %q has a line break (write each line as its own item)", s)
			return nil
		}
		*a = Action{Line: s}
		return nil
	}
	if n.Kind() != "mapping" {
		n.Errorf("an action is a command line, or a mapping with poweron, wait or ctrlaltdel, not %s", n.Kind())
		return nil
	}
	keys := n.Keys()
	if slices.Contains(keys, "tty") || slices.Contains(keys, "line") {
		a.unmarshalTTY(n)
		return nil
	}
	var raw struct {
		PowerOn    *string `yaml:"poweron"`
		Wait       string  `yaml:"wait"`
		CtrlAltDel bool    `yaml:"ctrlaltdel"`
	}
	if len(keys) != 1 {
		n.Errorf("an action mapping has exactly one key: poweron, wait or ctrlaltdel")
		return nil
	}
	if !n.DecodeFields(&raw) {
		return nil
	}
	switch {
	case raw.PowerOn != nil:
		*a = Action{PowerOn: true, Args: strings.Fields(*raw.PowerOn)}
	case raw.Wait != "":
		d, err := time.ParseDuration(raw.Wait)
		if err != nil || d <= 0 {
			n.Value("wait").Errorf("\"wait\" should be a duration like 90s or 16m, not %q", raw.Wait)
			return nil
		}
		*a = Action{Wait: d}
	case raw.CtrlAltDel:
		*a = Action{CtrlAltDel: true}
	default:
		n.Errorf("write \"ctrlaltdel: true\"")
	}
	return nil
}

// unmarshalTTY reads a line typed on a virtual console: {tty: 2, line:
// alice}.
func (a *Action) unmarshalTTY(n *strict.Node) {
	var raw struct {
		TTY  *int    `yaml:"tty"`
		Line *string `yaml:"line"`
	}
	if !n.DecodeFields(&raw) {
		return
	}
	switch {
	case raw.TTY == nil:
		n.Errorf("a line for another console says which: {tty: 2, line: %q}", *raw.Line)
	case raw.Line == nil:
		n.Errorf("a console action needs the line typed there: {tty: %d, line: alice}", *raw.TTY)
	case *raw.TTY < 1 || *raw.TTY > sim.TTYs:
		n.Value("tty").Errorf("\"tty\" should be a console from 1 to %d, not %d", sim.TTYs, *raw.TTY)
	case strings.Contains(*raw.Line, "\n"):
		n.Value("line").Errorf("a line is one line; %q has a line break (write each line as its own item)", *raw.Line)
	default:
		*a = Action{TTY: *raw.TTY, Line: *raw.Line}
	}
}
