package sim_test

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"rclab/sim"
)

func TestDenied(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false), sim.WithDenied("reboot", "init"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line   string
		want   string
		status int
	}{
		{"reboot", "-bash: /sbin/reboot: Permission denied\n", 126},
		{"/sbin/reboot", "-bash: /sbin/reboot: Permission denied\n", 126},
		{"(cd /sbin && ./reboot)", "-bash: ./reboot: Permission denied\n", 126},
		{"init 3", "-bash: /sbin/init: Permission denied\n", 126},
		{"reboot 2>/dev/null; echo $?", "126\n", 0},
		{"echo x | reboot", "-bash: /sbin/reboot: Permission denied\n", 126},
		{"bash -c reboot", "bash: line 1: /sbin/reboot: Permission denied\n", 126},
		{"cp /sbin/reboot /tmp/rb && /tmp/rb", "-bash: /tmp/rb: Permission denied\n", 126},
		{"runlevel", "N 5\n", 0},
	}
	for _, tt := range tests {
		r := apply(t, m, sim.Action{Kind: sim.Type, Line: tt.line})
		if r.Output != tt.want || r.Status != tt.status {
			t.Errorf("%q = %q, status %d; want %q, status %d", tt.line, r.Output, r.Status, tt.want, tt.status)
		}
	}
	// init itself still reboots: the halt script runs /sbin/reboot
	// without a terminal.
	r := apply(t, m, sim.Action{Kind: sim.Type, Line: "shutdown -r now"})
	if !strings.Contains(r.Output, "INIT: Entering runlevel: 5") {
		t.Errorf("shutdown -r now with reboot denied did not reboot; output ends %q", tail(r.Output))
	}
	// clones keep the denial
	c, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	if r := apply(t, c, sim.Action{Kind: sim.Type, Line: "reboot"}); r.Status != 126 {
		t.Errorf("reboot on a clone = %q, status %d; want status 126", r.Output, r.Status)
	}
	// a machine without the option is unaffected
	plain, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if r := apply(t, plain, sim.Action{Kind: sim.Type, Line: "type reboot; init 3"}); !strings.HasPrefix(r.Output, "reboot is /sbin/reboot\n") || !strings.Contains(r.Output, "INIT: Switching to runlevel: 3") {
		t.Errorf("plain machine: %q; want init 3 to run", r.Output)
	}
}

// wc is a Program that counts its arguments and reports the machine's
// runlevel and the files it sees, then changes its copy.
var wc = sim.Program{
	Name:    "probe",
	Summary: "report on the machine",
	Run: func(m *sim.Machine, args []string, stdout, stderr io.Writer) int {
		if len(args) == 0 {
			fmt.Fprintln(stderr, "usage: probe WORD...")
			return 2
		}
		_, cur := m.Runlevel()
		_, err := m.Stat("/tmp/marker")
		fmt.Fprintf(stdout, "args=%s level=%c marker=%v\n", strings.Join(args, ","), cur, err == nil)
		// the copy is the program's to change
		r, err := m.Apply(sim.Action{Kind: sim.Type, Line: "touch /tmp/changed; init 3"})
		if err != nil || r.Status != 0 {
			fmt.Fprintf(stderr, "probe: apply: %v %q\n", err, r.Output)
			return 1
		}
		if _, err := m.Clone(); err != nil {
			fmt.Fprintf(stderr, "probe: clone: %v\n", err)
			return 1
		}
		return len(args)
	},
}

func TestProgram(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false), sim.WithProgram(wc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line   string
		want   string
		status int
	}{
		{"probe", "usage: probe WORD...\n", 2},
		{"touch /tmp/marker; probe a b", "args=a,b level=5 marker=true\n", 2},
		{"probe x | tr a-z A-Z", "ARGS=X LEVEL=5 MARKER=TRUE\n", 0},
		{"probe x y z > /tmp/out; echo $?; cat /tmp/out", "3\nargs=x,y,z level=5 marker=true\n", 0},
		{"/usr/local/bin/probe q 2>&1 >/dev/null", "", 1},
		{"type probe", "probe is /usr/local/bin/probe\n", 0},
		{"command -v probe", "/usr/local/bin/probe\n", 0},
		{"ls -l /usr/local/bin", "total 4\n-rwxr-xr-x 1 root root 28 2014-09-30 12:00 probe\n", 0},
		// the copies' changes never reach the machine
		{"test -e /tmp/changed || runlevel", "N 5\n", 0},
	}
	for _, tt := range tests {
		r := apply(t, m, sim.Action{Kind: sim.Type, Line: tt.line})
		if r.Output != tt.want || r.Status != tt.status {
			t.Errorf("%q = %q, status %d; want %q, status %d", tt.line, r.Output, r.Status, tt.want, tt.status)
		}
	}
	if !slices.Contains(m.Commands(), "probe") {
		t.Errorf("Commands() lacks probe")
	}
	if got := m.Complete("pro", true); !slices.Contains(got, "probe") {
		t.Errorf("Complete(pro) = %q; want probe among them", got)
	}
	c, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	if r := apply(t, c, sim.Action{Kind: sim.Type, Line: "probe k"}); r.Output != "args=k level=5 marker=true\n" {
		t.Errorf("probe on a clone = %q", r.Output)
	}
	plain, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if r := apply(t, plain, sim.Action{Kind: sim.Type, Line: "probe"}); r.Status != 127 {
		t.Errorf("probe on a machine without it: %q, status %d; want 127", r.Output, r.Status)
	}
}

func TestProgramErrors(t *testing.T) {
	t.Parallel()
	run := func(*sim.Machine, []string, io.Writer, io.Writer) int { return 0 }
	tests := []struct {
		p    sim.Program
		want string
	}{
		{sim.Program{Name: "ls", Run: run}, "already a program"},
		{sim.Program{Name: "x", Run: run, Path: "/bin/y"}, "must be absolute and end in /x"},
		{sim.Program{Name: "x"}, "has no Run"},
		{sim.Program{Name: "a/b", Run: run}, "not a file name"},
		{sim.Program{Name: "cat2", Path: "/etc/passwd", Run: run}, "must be absolute and end in /cat2"},
		{sim.Program{Name: "passwd", Path: "/etc/passwd", Run: run}, "already a program"},
		{sim.Program{Name: "inittab", Path: "/etc/inittab", Run: run}, "/etc/inittab already exists"},
	}
	for _, tt := range tests {
		_, err := sim.New(sim.WithProgram(tt.p))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(WithProgram(%s at %q)) = %v; want an error with %q", tt.p.Name, tt.p.Path, err, tt.want)
		}
	}
	if _, err := sim.New(sim.WithProgram(wc), sim.WithProgram(wc)); err == nil {
		t.Errorf("New with the same program twice: no error")
	}
}

// TestExtensionsKeepBootCache checks that extensions do not leak into the
// cached boot other machines are cloned from.
func TestExtensionsKeepBootCache(t *testing.T) {
	t.Parallel()
	if _, err := sim.New(sim.WithSeed(77), sim.WithTerminal(false), sim.WithProgram(wc), sim.WithDenied("ls")); err != nil {
		t.Fatal(err)
	}
	m, err := sim.New(sim.WithSeed(77), sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "ls /usr/local/bin; ls -d /"}); r.Output != "/\n" {
		t.Errorf("a later machine = %q; want no probe, ls allowed", r.Output)
	}
}
