package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"rclab/sim"
)

// rcSteps lists the rc steps among events as "kind link: reason" (done
// steps as "done link: status").
func rcSteps(evs []sim.Event) []string {
	var out []string
	for _, e := range evs {
		if e.Kind != sim.EventRcStep {
			continue
		}
		if e.Rc.Kind == sim.RcDone {
			out = append(out, fmt.Sprintf("done %s: %d", e.Rc.Link, e.Rc.Status))
			continue
		}
		out = append(out, fmt.Sprintf("%s %s: %s", e.Rc.Kind, e.Rc.Link, e.Rc.Reason))
	}
	return out
}

// stepOf finds the step of kind for link.
func stepOf(evs []sim.Event, kind sim.RcStepKind, link string) (*sim.RcStep, bool) {
	for _, e := range evs {
		if e.Kind == sim.EventRcStep && e.Rc.Kind == kind && e.Rc.Link == link {
			return e.Rc, true
		}
	}
	return nil, false
}

func TestRcStepsOfTheBoot(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	evs := m.BootEvents()
	steps := rcSteps(evs)
	if len(steps) == 0 {
		t.Fatal("the boot published no rc steps")
	}
	if want := "skip K10rsyncd: no lock /var/lock/subsys/rsyncd: not running, nothing to stop"; steps[0] != want {
		t.Errorf("first boot step = %q; want %q", steps[0], want)
	}
	run, ok := stepOf(evs, sim.RcRun, "S55sshd")
	if !ok {
		t.Fatalf("no run step for S55sshd in %q", steps)
	}
	if run.Level != "5" || run.Verb != "start" || run.Path != "/etc/rc5.d/S55sshd" || run.Reason != "no lock /var/lock/subsys/sshd: not running, so rc starts it" {
		t.Errorf("S55sshd's run step = %+v", run)
	}
	done, ok := stepOf(evs, sim.RcDone, "S55sshd")
	if !ok || done.Status != 0 || !strings.HasPrefix(done.Output, "Starting sshd: ") || !strings.Contains(done.Output, "  OK  ") {
		t.Errorf("S55sshd's done step = %+v, %v; want its Starting line with OK, status 0", done, ok)
	}
	// Every link of rc5.d is reported once, run or skipped, in order.
	seen := 0
	for _, e := range evs {
		if e.Kind == sim.EventRcStep && e.Rc.Kind != sim.RcDone && e.Rc.Level == "5" {
			seen++
			if e.Rc.Index != seen || e.Rc.Total < seen {
				t.Errorf("step %s is %d of %d; want %d", e.Rc.Link, e.Rc.Index, e.Rc.Total, seen)
			}
		}
	}
	if run.Total != seen {
		t.Errorf("%d links reported; rc5.d has %d", seen, run.Total)
	}
}

func TestRcStepReasons(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"ln -s ../init.d/gone /etc/rc3.d/S30gone",
		"cp /etc/init.d/crond /etc/rc3.d/S31plain && chmod 644 /etc/rc3.d/S31plain",
		"ln -s ../init.d/crond /etc/rc3.d/S32crond.rpmsave",
		"service httpd start",
	} {
		if r := apply(t, m, sim.Action{Kind: sim.Type, Line: line}); r.Status != 0 {
			t.Fatalf("%s: status %d: %s", line, r.Status, r.Output)
		}
	}
	r := apply(t, m, sim.Action{Kind: sim.Type, Line: "init 3"})
	tests := []struct {
		kind         sim.RcStepKind
		link, reason string
	}{
		{sim.RcRun, "K15httpd", "lock /var/lock/subsys/httpd present: running, so rc stops it"},
		{sim.RcSkip, "K50vsftpd", "no lock /var/lock/subsys/vsftpd: not running, nothing to stop"},
		{sim.RcSkip, "S30gone", "dangling link: ../init.d/gone does not exist"},
		{sim.RcSkip, "S31plain", "not executable"},
		{sim.RcSkip, "S32crond.rpmsave", "ignored name (.rpmsave)"},
		{sim.RcSkip, "S55sshd", "lock /var/lock/subsys/sshd present: already running"},
	}
	for _, tc := range tests {
		st, ok := stepOf(r.Events, tc.kind, tc.link)
		if !ok {
			t.Errorf("init 3: no %s step for %s in %q", tc.kind, tc.link, rcSteps(r.Events))
			continue
		}
		if st.Reason != tc.reason || st.Level != "3" {
			t.Errorf("init 3: %s %s = %q in level %s; want %q in 3", tc.kind, tc.link, st.Reason, st.Level, tc.reason)
		}
	}
	if done, ok := stepOf(r.Events, sim.RcDone, "K15httpd"); !ok || !strings.HasPrefix(done.Output, "Stopping httpd: ") || done.Verb != "stop" {
		t.Errorf("K15httpd's done step = %+v, %v; want its Stopping line", done, ok)
	}
	// The steps match the event order: skips before the run that follows.
	steps := rcSteps(r.Events)
	at := func(s string) int {
		for i, x := range steps {
			if strings.HasPrefix(x, s) {
				return i
			}
		}
		return -1
	}
	if !(at("done K15httpd") < at("skip K20nfs") && at("skip S30gone") < at("skip S31plain") && at("skip S31plain") < at("skip S32crond.rpmsave")) {
		t.Errorf("init 3 steps out of rc's order: %q", steps)
	}
}

func TestRcStepHoldsTheBoot(t *testing.T) {
	t.Parallel()
	held := make(chan []sim.Event) // the events up to the step that holds
	release := make(chan struct{})
	var seen []sim.Event
	hold := func(e sim.Event) {
		seen = append(seen, e)
		if e.Kind == sim.EventRcStep && e.Rc.Kind == sim.RcRun && e.Rc.Link == "S55sshd" {
			held <- append([]sim.Event(nil), seen...)
			<-release
		}
	}
	built := make(chan *sim.Machine)
	go func() {
		m, err := sim.New(sim.WithEvents(hold), sim.WithSeed(77))
		if err != nil {
			t.Error(err)
		}
		built <- m
	}()
	before := <-held
	select {
	case <-built:
		t.Fatal("New returned while the subscriber held S55sshd")
	default:
	}
	for _, e := range before {
		if e.Kind == sim.EventSpawn && e.Name == "sshd" {
			t.Fatalf("sshd started before its run step was let go")
		}
	}
	close(release)
	m := <-built
	if m == nil {
		return
	}
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "pidof sshd >/dev/null && echo up"}); r.Output != "up\n" {
		t.Errorf("after the hold, sshd: %q; want it running", r.Output)
	}
}
