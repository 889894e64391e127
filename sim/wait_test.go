package sim_test

import (
	"testing"

	"rclab/sim"
)

// TestWaitKilledJob checks $! and wait for a background job a signal
// ended: bash's 128+N, also when asked again later.
func TestWaitKilledJob(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"sleep 100 & echo $!", "[1] 242\n242\n"},
		{"kill $!; wait $!; echo st=$?", "st=143\n[1]+  Terminated              sleep 100\n"},
		{"wait $!; echo st=$?", "st=143\n"},
		{"sleep 200 &", "[1] 243\n"},
		{"kill -9 %1; wait %1; echo st=$?", "st=137\n[1]+  Killed                  sleep 200\n"},
	}
	for _, tt := range tests {
		r, err := m.Apply(sim.Action{Kind: sim.Type, Line: tt.in})
		if err != nil {
			t.Fatal(err)
		}
		if r.Output != tt.want {
			t.Errorf("%s printed %q; want %q", tt.in, r.Output, tt.want)
		}
	}
}
