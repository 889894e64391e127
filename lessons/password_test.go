package lessons

import (
	"fmt"
	"strings"
	"testing"

	"rclab/sim"
)

// TestPlayerKeepsNoPassword logs in on tty2 during a lesson: neither the
// step's journal nor the undo history holds the password, and undo and
// redo still work around the login.
func TestPlayerKeepsNoPassword(t *testing.T) {
	t.Parallel()
	l, err := Parse("sample.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPlayer(l, sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"alice", "hunter2", "alice", "rclab", "id -un"} {
		if _, err := p.Apply(sim.Action{Kind: sim.Type, TTY: 2, Line: line}); err != nil {
			t.Fatal(err)
		}
	}
	seen := func(when string) {
		for _, j := range append(append([]progress{p.cur}, p.undo...), p.redo...) {
			text := fmt.Sprintf("%+v", *j.journal)
			if strings.Contains(text, "hunter2") || strings.Contains(text, "rclab") {
				t.Errorf("%s: a journal holds a password: %s", when, text)
			}
		}
	}
	seen("after the login")
	if got, want := fmt.Sprint(p.Ctx().Journal.Lines), "[{alice 0} {alice 0} {id -un 0}]"; got != want {
		t.Errorf("the step's lines = %s; want %s", got, want)
	}
	for i := 0; i < 2; i++ {
		if ok, err := p.Undo(); !ok || err != nil {
			t.Fatalf("Undo = %v, %v", ok, err)
		}
	}
	if got := p.Machine().TTYStateOf(2); got != sim.TTYPassword {
		t.Errorf("after two undos tty2 waits for %v; want the password", got)
	}
	if ok, err := p.Redo(); !ok || err != nil {
		t.Fatalf("Redo = %v, %v", ok, err)
	}
	if got := p.Machine().PromptOn(2); got != "[alice@lab1 ~]$ " {
		t.Errorf("after redo tty2 shows %q; want alice's prompt", got)
	}
	seen("after undo and redo")
}
