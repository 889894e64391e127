package check

import (
	"testing"

	"rclab/sim"
)

// BenchmarkFingerprint hashes the lasting state of a machine, as every
// reboot-safe check of a grade does once: plainly, and with the hashes
// kept for the start machine it was copied from (as in an exam).
func BenchmarkFingerprint(b *testing.B) {
	start := newMachine(b)
	m, err := start.Clone()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := m.Apply(sim.Action{Kind: sim.Type, Line: "chkconfig httpd on"}); err != nil {
		b.Fatal(err)
	}
	for _, bb := range []struct {
		name string
		sums *contentSums
	}{{"plain", nil}, {"start", sumsOf(start)}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fingerprint(m, bb.sums)
			}
		})
	}
}
