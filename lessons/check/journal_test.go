package check

import (
	"fmt"
	"strings"
	"testing"

	"rclab/sim"
)

// TestJournalKeepsNoPassword checks that a password typed at a login
// prompt never enters the journal (nor its clones, which undo keeps),
// while the lines around it do.
func TestJournalKeepsNoPassword(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	j := &Journal{}
	for _, a := range []sim.Action{
		{Kind: sim.Type, TTY: 2, Line: "alice"},
		{Kind: sim.Type, TTY: 2, Line: "hunter2"},
		{Kind: sim.Type, TTY: 2, Line: "alice"},
		{Kind: sim.Type, TTY: 2, Line: "rclab"},
		{Kind: sim.Type, TTY: 2, Line: "id -un"},
	} {
		r, err := m.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		j.Record(a, r)
	}
	for _, jj := range []*Journal{j, j.Clone()} {
		got := fmt.Sprint(jj.Lines)
		if want := "[{alice 0} {alice 0} {id -un 0}]"; got != want {
			t.Errorf("journal lines = %s; want %s", got, want)
		}
		if strings.Contains(fmt.Sprintf("%+v", *jj), "hunter2") || strings.Contains(got, "rclab") {
			t.Errorf("the journal holds a password: %+v", *jj)
		}
	}
}

// TestJournalQuit checks that the end of a full-screen program gives the
// line that opened it the program's exit status, which command checks
// see.
func TestJournalQuit(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithScreens(true))
	if err != nil {
		t.Fatal(err)
	}
	j := &Journal{}
	for _, a := range []sim.Action{
		{Kind: sim.Type, Line: "ntsysv"},
		{Kind: sim.Quit, Program: "ntsysv", Status: 1},
		{Kind: sim.Type, Line: "vi /tmp/x; test -f /tmp/x"},
		{Kind: sim.Save, Program: "vi", Path: "/tmp/x", Data: "x\n"},
		{Kind: sim.Quit, Program: "vi"},
		{Kind: sim.Type, Line: "ntsysv --level 3; false"},
		{Kind: sim.Ntsysv, Levels: "3", On: []string{"sshd"}},
		{Kind: sim.Type, Line: "less /etc/issue"},
		{Kind: sim.Type, Line: "true"}, // ends less first, as old records did
	} {
		r, err := m.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		j.Record(a, r)
	}
	if got, want := fmt.Sprint(j.Lines), "[{ntsysv 1} {vi /tmp/x; test -f /tmp/x 0} {ntsysv --level 3; false 1} {less /etc/issue 0} {true 0}]"; got != want {
		t.Errorf("journal lines = %s; want %s", got, want)
	}
}

// TestJournalKeyboardInput checks that what is typed to a program reading
// the keyboard is no command line, and that the line it answered ends
// with the status it finally had.
func TestJournalKeyboardInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		actions []sim.Action
		want    string
	}{
		{[]sim.Action{{Kind: sim.Type, Line: "touch /tmp/f; rm -i /tmp/f"}, {Kind: sim.Type, Line: "y"}, {Kind: sim.Type, Line: "ls /tmp/f"}},
			"[{touch /tmp/f; rm -i /tmp/f 0} {ls /tmp/f 2}]"},
		{[]sim.Action{{Kind: sim.Type, Line: "cat"}, {Kind: sim.Type, Line: "text"}, {Kind: sim.Interrupt}},
			"[{cat 130}]"},
		{[]sim.Action{{Kind: sim.Type, Line: "read x"}, {Kind: sim.EndOfInput}},
			"[{read x 1}]"},
	}
	for _, c := range cases {
		m, err := sim.New(sim.WithTerminal(false))
		if err != nil {
			t.Fatal(err)
		}
		j := &Journal{}
		for _, a := range c.actions {
			r, err := m.Apply(a)
			if err != nil {
				t.Fatal(err)
			}
			j.Record(a, r)
		}
		if got := fmt.Sprint(j.Lines); got != c.want {
			t.Errorf("journal of %v = %s; want %s", c.actions, got, c.want)
		}
	}
}
