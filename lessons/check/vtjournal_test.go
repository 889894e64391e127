package check

import (
	"fmt"
	"strings"
	"testing"

	"rclab/sim"
)

// TestJournalKeyboardInputOnTTY2 checks that answers typed on tty2 to a
// program reading its keyboard (passwd's passwords among them) are no
// command lines, and that the line they answered ends with its status.
func TestJournalKeyboardInputOnTTY2(t *testing.T) {
	t.Parallel()
	on2 := func(line string) sim.Action { return sim.Action{Kind: sim.Type, TTY: 2, Line: line} }
	ctl := func(k sim.ActionKind) sim.Action { return sim.Action{Kind: k, TTY: 2} }
	login := []sim.Action{on2("alice"), on2("rclab")}
	cases := []struct {
		actions []sim.Action
		want    string
	}{
		{[]sim.Action{on2("touch f; rm -i f"), on2("y"), on2("ls f")},
			"[{alice 0} {touch f; rm -i f 0} {ls f 2}]"},
		{[]sim.Action{on2("cat"), on2("text"), ctl(sim.Interrupt)},
			"[{alice 0} {cat 130}]"},
		{[]sim.Action{on2("read x"), ctl(sim.EndOfInput)},
			"[{alice 0} {read x 1}]"},
		{[]sim.Action{on2("passwd"), on2("rclab"), on2("Sup3rSecret"), on2("Sup3rSecret")},
			"[{alice 0} {passwd 0}]"},
		{[]sim.Action{on2("passwd"), on2("wrong")},
			"[{alice 0} {passwd 1}]"},
		// a command on tty1 between tty2's question and its answer
		{[]sim.Action{on2("cat"), {Kind: sim.Type, Line: "false"}, ctl(sim.EndOfInput)},
			"[{alice 0} {cat 0} {false 1}]"},
	}
	for _, c := range cases {
		m, err := sim.New(sim.WithTerminal(false))
		if err != nil {
			t.Fatal(err)
		}
		j := &Journal{}
		for _, a := range append(append([]sim.Action(nil), login...), c.actions...) {
			r, err := m.Apply(a)
			if err != nil {
				t.Fatal(err)
			}
			j.Record(a, r)
		}
		got := fmt.Sprint(j.Lines)
		if got != c.want {
			t.Errorf("journal of %v = %s; want %s", c.actions, got, c.want)
		}
		if strings.Contains(got, "rclab") || strings.Contains(got, "Sup3rSecret") {
			t.Errorf("journal of %v holds a password: %s", c.actions, got)
		}
	}
}
