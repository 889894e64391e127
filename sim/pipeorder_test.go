package sim_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"rclab/sim"
)

// TestPipelineEventsInOrder: the members of a pipeline finish in whatever
// order the scheduler gives, but the machine reports their ends in member
// order, so the same line always gives the same events.
func TestPipelineEventsInOrder(t *testing.T) {
	t.Parallel()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	base, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"ps ax | head -40", "ls -l /etc | grep rc | sort -r | wc -l", "cat /etc/inittab | tail -3 | head -1"}
	for _, line := range lines {
		want := ""
		for i := range 25 {
			m, err := base.Clone()
			if err != nil {
				t.Fatal(err)
			}
			r, err := m.Apply(sim.Action{Kind: sim.Type, Line: line})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, e := range r.Events {
				fmt.Fprintf(&b, "%v %d %s %d|", e.Kind, e.PID, e.Name, e.Status)
			}
			b.WriteString(r.Output)
			if i == 0 {
				want = b.String()
				if !strings.Contains(want, "exit") {
					t.Fatalf("%q: no exit events in %q", line, want)
				}
			} else if got := b.String(); got != want {
				t.Fatalf("%q run %d differs:\n%s\nwant\n%s", line, i, got, want)
			}
		}
	}
}
