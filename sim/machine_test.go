package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

func apply(t *testing.T, m *sim.Machine, a sim.Action) sim.Result {
	t.Helper()
	r, err := m.Apply(a)
	if err != nil {
		t.Fatalf("Apply(%+v): %v", a, err)
	}
	return r
}

func TestPowerCycle(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	r := apply(t, m, sim.Action{Kind: sim.Type, Line: "poweroff"})
	if !r.Down || !strings.Contains(r.Output, "Power down.") {
		t.Fatalf("poweroff: down=%v output ends %q", r.Down, tail(r.Output))
	}
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "echo x"}); !r.Down || r.Output != "" {
		t.Errorf("typing on a halted machine = %+v; want nothing run", r)
	}
	r = apply(t, m, sim.Action{Kind: sim.PowerOn, Args: []string{"3"}})
	if r.Down || !strings.Contains(r.Output, "INIT: Entering runlevel: 3") {
		t.Fatalf("power on with 3: down=%v output %q", r.Down, tail(r.Output))
	}
	if prev, cur := m.Runlevel(); prev != 'N' || cur != '3' {
		t.Errorf("Runlevel() = %c %c; want N 3", prev, cur)
	}
	if _, err := m.Apply(sim.Action{Kind: sim.PowerOn}); err == nil {
		t.Errorf("PowerOn on a running machine: no error")
	}
}

func TestCtrlAltDelReboots(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	r := apply(t, m, sim.Action{Kind: sim.CtrlAltDel})
	for _, want := range []string{"INIT: Switching to runlevel: 6", "Restarting system.", "INIT: version 2.86 booting", "INIT: Entering runlevel: 5"} {
		if !strings.Contains(r.Output, want) {
			t.Errorf("Ctrl-Alt-Del output lacks %q", want)
		}
	}
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "runlevel"}); r.Output != "N 5\n" {
		t.Errorf("runlevel after Ctrl-Alt-Del = %q; want N 5", r.Output)
	}
}

func TestEventsReportScripts(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	r := apply(t, m, sim.Action{Kind: sim.Type, Line: "service httpd start"})
	var script, spawn bool
	for _, e := range r.Events {
		if e.Kind == sim.EventScript && e.Name == "/etc/init.d/httpd" && e.Status == 0 && len(e.Args) == 2 && e.Args[1] == "start" {
			script = true
		}
		if e.Kind == sim.EventSpawn && e.Name == "httpd" {
			spawn = true
		}
	}
	if !script || !spawn {
		t.Errorf("events of service httpd start: script=%v spawn=%v in %d events", script, spawn, len(r.Events))
	}
	var boot bool
	for _, e := range m.BootEvents() {
		if e.Kind == sim.EventRunlevel && e.Level == "5" {
			boot = true
		}
	}
	if !boot {
		t.Errorf("boot events lack entering runlevel 5")
	}
}

func tail(s string) string {
	if len(s) > 200 {
		return s[len(s)-200:]
	}
	return s
}

// session types lines and returns the transcript.
func session(t *testing.T, m *sim.Machine, lines ...string) string {
	t.Helper()
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(m.Prompt() + l + "\n")
		b.WriteString(apply(t, m, sim.Action{Kind: sim.Type, Line: l}).Output)
	}
	return b.String()
}

var longSession = []string{
	"ps aux", "env | sort", "date", "echo $RANDOM $$", "alias", "service httpd start",
	"chkconfig --list | head", "init 3", "runlevel", "ls -l /var/lock/subsys", "tail -5 /var/log/messages",
	"mktemp", "sleep 30 &", "jobs", "telnet localhost 25 &", "ps -ef | tail -4", "reboot", "runlevel", "last",
}

// A machine served from the boot cache behaves exactly as a freshly
// booted one, and so does a clone.
func TestBootCacheAndCloneAreExact(t *testing.T) {
	t.Parallel()
	seed := sim.WithSeed(4242) // a seed no other test boots, so the first New is fresh
	fresh, err := sim.New(sim.WithTerminal(false), seed)
	if err != nil {
		t.Fatal(err)
	}
	cached, err := sim.New(sim.WithTerminal(false), seed)
	if err != nil {
		t.Fatal(err)
	}
	clone, err := cached.Clone()
	if err != nil {
		t.Fatal(err)
	}
	a := session(t, fresh, longSession...)
	b := session(t, cached, longSession...)
	c := session(t, clone, longSession...)
	if a != b {
		t.Errorf("cached machine differs from a fresh boot:\n--- fresh\n%s\n--- cached\n%s", a, b)
	}
	if a != c {
		t.Errorf("clone differs from a fresh boot:\n--- fresh\n%s\n--- clone\n%s", a, c)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	session(t, m, "cd /etc; X=1; greet() { echo hi; }; alias ll2='ls -l'")
	c, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	if got := session(t, c, "pwd; echo $X; greet; alias ll2"); got != "[root@lab1 etc]# pwd; echo $X; greet; alias ll2\n/etc\n1\nhi\nalias ll2='ls -l'\n" {
		t.Errorf("clone's shell state = %q", got)
	}
	session(t, c, "service crond stop", "rm -f /etc/inittab", "init 3")
	if _, err := m.Stat("/etc/inittab"); err != nil {
		t.Errorf("removing a file on the clone removed it on the original: %v", err)
	}
	if _, cur := m.Runlevel(); cur != '5' {
		t.Errorf("original runlevel = %c after the clone changed; want 5", cur)
	}
	if got := apply(t, m, sim.Action{Kind: sim.Type, Line: "service crond status"}).Output; !strings.Contains(got, "is running") {
		t.Errorf("stopping crond on the clone stopped it on the original: %q", got)
	}
}

func BenchmarkClone(b *testing.B) {
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Clone(); err != nil {
			b.Fatal(err)
		}
	}
}
