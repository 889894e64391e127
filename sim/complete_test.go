package sim_test

import (
	"slices"
	"testing"

	"rclab/sim"
)

// TestCompleteOn checks that Tab completes in the shell of the console
// it is pressed on: that shell's working directory, its PATH, and what
// its user may read and execute.
func TestCompleteOn(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	login(t, m, 2, "alice")
	for _, s := range []struct {
		tty  int
		line string
	}{
		{1, "cd /etc/rc.d; touch /root/rootfile"},
		{1, "printf 'echo hi\\n' > /usr/local/bin/rootonly; chmod 744 /usr/local/bin/rootonly"},
		{1, "printf 'echo hi\\n' > /usr/local/bin/plain; chmod 644 /usr/local/bin/plain"},
		{2, "cd /tmp; mkdir alicedir; touch alicefile"},
		{3, "root"}, // tty3 asks for a password: no shell
	} {
		apply(t, m, sim.Action{Kind: sim.Type, TTY: s.tty, Line: s.line})
	}
	tests := []struct {
		tty    int
		prefix string
		first  bool
		want   []string
	}{
		{2, "alice", false, []string{"alicedir/", "alicefile"}}, // tty2's /tmp, not tty1's /etc/rc.d
		{1, "alice", false, nil},
		{1, "init", false, []string{"init.d/"}},
		{2, "init", false, nil},
		{1, "/root/rootf", false, []string{"/root/rootfile"}},
		{2, "/root/rootf", false, nil}, // alice may not read /root
		{1, "ntsys", true, []string{"ntsysv"}},
		{2, "ntsys", true, nil}, // /usr/sbin is not on alice's PATH
		{1, "rootonl", true, []string{"rootonly"}},
		{2, "rootonl", true, nil}, // only root may execute it
		{1, "plai", true, nil},    // nobody may
		{2, "histor", true, []string{"history"}},
		{2, "./alicef", true, []string{"./alicefile"}},
		{3, "a", false, nil},
		{3, "ls", true, nil},
		{7, "ls", true, nil},
	}
	for _, tc := range tests {
		got := m.CompleteOn(tc.tty, tc.prefix, tc.first)
		if !slices.Equal(got, tc.want) {
			t.Errorf("CompleteOn(%d, %q, %v) = %q; want %q", tc.tty, tc.prefix, tc.first, got, tc.want)
		}
	}
	// alice's own PATH, once she changes it.
	apply(t, m, sim.Action{Kind: sim.Type, TTY: 2, Line: "PATH=$PATH:/usr/sbin"})
	if got := m.CompleteOn(2, "ntsys", true); !slices.Equal(got, []string{"ntsysv"}) {
		t.Errorf("CompleteOn(2, ntsys) with /usr/sbin on alice's PATH = %q; want [ntsysv]", got)
	}
}
