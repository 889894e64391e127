package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// TestQuit checks that the end of a full-screen program gives the
// console's shell the program's exit status.
func TestQuit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line    string
		program string
		status  int
	}{
		{"ntsysv", "ntsysv", 1},      // Cancel
		{"vi /etc/inittab", "vi", 1}, // :cq
		{"top", "top", 130},          // Ctrl-C
		{"less /etc/inittab", "less", 0},
	}
	for _, tc := range tests {
		m, err := sim.New(sim.WithScreens(true))
		if err != nil {
			t.Fatal(err)
		}
		r := apply(t, m, sim.Action{Kind: sim.Type, Line: tc.line})
		if r.Screen == nil || r.Screen.Program != tc.program {
			t.Fatalf("%q opened %+v; want %s", tc.line, r.Screen, tc.program)
		}
		r = apply(t, m, sim.Action{Kind: sim.Quit, Program: tc.program, Status: tc.status})
		if r.Status != tc.status || r.Output != "" || r.Screen != nil {
			t.Errorf("Quit(%s, %d) = status %d, output %q; want status %d and nothing shown", tc.program, tc.status, r.Status, r.Output, tc.status)
		}
		r = apply(t, m, sim.Action{Kind: sim.Type, Line: "echo $?"})
		if got, want := strings.TrimPrefix(r.Output, "echo $?\n"), itoa(tc.status)+"\n"; got != want {
			t.Errorf("after %s quit with %d, echo $? = %q; want %q", tc.program, tc.status, got, want)
		}
	}
}

// TestQuitErrors checks the Quit actions the machine refuses.
func TestQuitErrors(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Apply(sim.Action{Kind: sim.Quit, Program: "ntsysv", Status: 256}); err == nil {
		t.Errorf("Quit with status 256 was taken")
	}
	apply(t, m, sim.Action{Kind: sim.Type, Line: "for i in 1"})
	if _, err := m.Apply(sim.Action{Kind: sim.Quit, Program: "vi", Status: 1}); err == nil {
		t.Errorf("Quit inside an open for loop was taken")
	}
	apply(t, m, sim.Action{Kind: sim.Type, Line: "do :; done"})
	apply(t, m, sim.Action{Kind: sim.Type, Line: "poweroff"})
	if r := apply(t, m, sim.Action{Kind: sim.Quit, Program: "top"}); !r.Down {
		t.Errorf("Quit on a machine that is off = %+v; want Down", r)
	}
}
