package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// TestJobsShowTypedCommand checks that jobs and the job notices name a
// background job by its command as typed (bash's printer), not by the
// argv its program got.
func TestJobsShowTypedCommand(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ line, want string }{
		{`sleep   10 &`, "[1] "},
		{`T=20; sleep "$T" >/dev/null &`, "[2] "},
		{"jobs", "[1]-  Running                 sleep 10 &\n[2]+  Running                 sleep \"$T\" > /dev/null &\n"},
		{"sleep 30", "[1]-  Done                    sleep 10\n[2]+  Done                    sleep \"$T\" > /dev/null\n"},
		{"jobs", ""},
	}
	for _, tc := range tests {
		r := apply(t, m, sim.Action{Kind: sim.Type, Line: tc.line})
		got := strings.TrimPrefix(r.Output, tc.line+"\n")
		if !strings.HasPrefix(got, tc.want) || tc.want == "" && got != "" {
			t.Errorf("%q shows %q; want %q", tc.line, got, tc.want)
		}
	}
}
