package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// TestKillBuiltinKeepsShell: kill is a bash builtin, so using it must not
// end the login shell (its PID, working directory, variables and history
// live on), whatever kill reports.
func TestKillBuiltinKeepsShell(t *testing.T) {
	t.Parallel()
	for _, line := range []string{"kill -0 1", "kill -HUP 99999", "kill", "kill -l 1", "kill %1"} {
		t.Run(line, func(t *testing.T) {
			t.Parallel()
			m, err := sim.New(sim.WithTerminal(false))
			if err != nil {
				t.Fatal(err)
			}
			before := apply(t, m, sim.Action{Kind: sim.Type, Line: "cd /tmp; x=kept; echo $$"}).Output
			apply(t, m, sim.Action{Kind: sim.Type, Line: line})
			after := apply(t, m, sim.Action{Kind: sim.Type, Line: "echo $$"}).Output
			if after != before {
				t.Errorf("$$ after %q = %q; want %q (the shell survives)", line, after, before)
			}
			got := apply(t, m, sim.Action{Kind: sim.Type, Line: "pwd; echo $x; history | wc -l"}).Output
			if want := "/tmp\nkept\n4\n"; got != want {
				t.Errorf("after %q: pwd, $x, history lines = %q; want %q", line, got, want)
			}
			if ps := apply(t, m, sim.Action{Kind: sim.Type, Line: "ps -o pid= -C bash"}).Output; strings.Count(ps, "\n") != 1 {
				t.Errorf("after %q, bash processes on the console:\n%s", line, ps)
			}
		})
	}
}
