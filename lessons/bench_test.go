package lessons

import (
	"fmt"
	"testing"

	"rclab/lessons/check"
	"rclab/sim"
)

// stepAfterSolution returns lesson id's machine right after the
// reference solution of step (from 0) and the context of that step.
func stepAfterSolution(b *testing.B, id string, step int) (*sim.Machine, *Step, *check.Ctx) {
	b.Helper()
	l := Find(loadContent(b), id)
	m, err := l.NewMachine(sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	start, _ := m.Clone()
	var ctx *check.Ctx
	for i := 0; i <= step; i++ {
		stepStart, _ := m.Clone()
		ctx = &check.Ctx{Lesson: start, Step: stepStart, Journal: &check.Journal{}}
		for _, a := range l.Steps[i].Solution {
			r, err := m.Apply(a.SimAction())
			if err != nil {
				b.Fatal(err)
			}
			ctx.Journal.Record(a.SimAction(), r)
		}
	}
	return m, l.Steps[step], ctx
}

// BenchmarkStepCheckAfterReboot evaluates all the checks of L16's web
// server step (service status, chkconfig state, listener, and an
// after_reboot with a listener and a service status) on the learner's
// machine, as the player does after every command that changed nothing
// lasting: the reboot comes from the cache of rebooted machines.
func BenchmarkStepCheckAfterReboot(b *testing.B) {
	m, s, ctx := stepAfterSolution(b, "L16", 1)
	if o := s.Check.Eval(m, ctx); !o.Pass {
		b.Fatalf("check fails: %s", o.Explain(check.En))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if o := s.Check.Eval(m, ctx); !o.Pass {
			b.Fatal(o.Explain(check.En))
		}
	}
}

// BenchmarkStepCheckAfterRebootCold is the same with a lasting change
// before every evaluation, so each one really reboots a copy.
func BenchmarkStepCheckAfterRebootCold(b *testing.B) {
	m, s, ctx := stepAfterSolution(b, "L16", 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		m.WriteFile(fmt.Sprintf("/etc/bench-%d", i), []byte("x"), 0o644)
		b.StartTimer()
		if o := s.Check.Eval(m, ctx); !o.Pass {
			b.Fatal(o.Explain(check.En))
		}
	}
}

// BenchmarkPlayerType is one typed command in a lesson with an
// after_reboot check: snapshot for undo, the command, and the check.
func BenchmarkPlayerType(b *testing.B) {
	l := Find(loadContent(b), "L16")
	p, err := NewPlayer(l, sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range l.Steps[0].Solution {
		p.Apply(a.SimAction())
	}
	p.Type("chkconfig httpd on")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Type("runlevel"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUndoRedo takes back the last command and applies it again: the
// player swaps whole-machine snapshots. Target: ≤ 1 ms each.
func BenchmarkUndoRedo(b *testing.B) {
	l := Find(loadContent(b), "L09")
	p, err := NewPlayer(l, sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range []string{"chkconfig --list httpd", "chkconfig httpd on", "ls /etc/rc.d/rc3.d"} {
		if _, err := p.Type(line); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := p.Undo(); !ok || err != nil {
			b.Fatalf("Undo = %v, %v", ok, err)
		}
		if ok, err := p.Redo(); !ok || err != nil {
			b.Fatalf("Redo = %v, %v", ok, err)
		}
	}
}

// BenchmarkReset starts a lesson over from its start machine. Target:
// ≤ 1 ms.
func BenchmarkReset(b *testing.B) {
	l := Find(loadContent(b), "L09")
	p, err := NewPlayer(l, sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if _, err := p.Type("chkconfig httpd on"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := p.Reset(); err != nil {
			b.Fatal(err)
		}
	}
}
