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
