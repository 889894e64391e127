package sim_test

import (
	"runtime"
	"testing"

	"rclab/sim"
)

func mustType(b *testing.B, m *sim.Machine, line string) sim.Result {
	b.Helper()
	r, err := m.Apply(sim.Action{Kind: sim.Type, Line: line})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkPowerOn builds the default machine and boots it to the
// runlevel 5 root prompt.
func BenchmarkPowerOn(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.New(sim.WithTerminal(false)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPowerOnCold boots without the boot cache: the whole of
// rc.sysinit and rc 5 interpreted.
func BenchmarkPowerOnCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.New(sim.WithTerminal(false), sim.WithFreshBoot()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareMachine builds the image with no boot (issue 2's machine).
func BenchmarkBareMachine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.New(sim.WithTerminal(false), sim.WithBoot(false)); err != nil {
			b.Fatal(err)
		}
	}
}

func benchLine(b *testing.B, line string) {
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		mustType(b, m, line)
	}
}

func BenchmarkLsLongRc3(b *testing.B)      { benchLine(b, "ls -l /etc/rc.d/rc3.d") }
func BenchmarkGrepEtc(b *testing.B)        { benchLine(b, "grep -r PermitRootLogin /etc") }
func BenchmarkPsAux(b *testing.B)          { benchLine(b, "ps aux") }
func BenchmarkServiceRestart(b *testing.B) { benchLine(b, "service httpd restart") }
func BenchmarkChkconfigList(b *testing.B)  { benchLine(b, "chkconfig --list") }
func BenchmarkChkconfigOn(b *testing.B)    { benchLine(b, "chkconfig httpd on") }

// BenchmarkRunlevel535 switches 5 → 3 → 5.
func BenchmarkRunlevel535(b *testing.B) {
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		mustType(b, m, "init 3")
		mustType(b, m, "init 5")
	}
}

// TestBootedHeap reports the live heap a booted machine holds (measured as
// the difference of runtime.MemStats.HeapAlloc after GC around building
// one), and fails if it grows past 16 MB.
func TestBootedHeap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("live heap of a booted machine: %.2f MB", float64(heap)/(1<<20))
	if heap > 16<<20 {
		t.Errorf("booted machine holds %d bytes; want under 16 MB", heap)
	}
	runtime.KeepAlive(m)
}

// BenchmarkTypeTrue is the fixed cost of a typed line: the shell runs a
// builtin that does nothing.
func BenchmarkTypeTrue(b *testing.B) { benchLine(b, "true") }

// BenchmarkPsGrep is a two-member pipeline.
func BenchmarkPsGrep(b *testing.B) { benchLine(b, "ps aux | grep httpd") }

// BenchmarkServiceStatus runs an init script's status.
func BenchmarkServiceStatus(b *testing.B) { benchLine(b, "service httpd status") }
