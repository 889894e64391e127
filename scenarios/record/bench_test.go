package record_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"rclab/scenarios/record"
	"rclab/sim"
)

// BenchmarkAppend records one typed line with a typical 1 KB output into
// a buffer that counts syncs (the sync itself costs what the disk costs).
func BenchmarkAppend(b *testing.B) {
	out := strings.Repeat("httpd          \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n", 1024/54+1)[:1024]
	a := sim.Action{Kind: sim.Type, Line: "chkconfig --list | grep httpd"}
	for _, bb := range []struct {
		name string
		key  []byte
	}{{"signed", key}, {"unsigned", nil}} {
		b.Run(bb.name, func(b *testing.B) {
			var buf syncBuffer
			w, err := record.NewWriter(&buf, sampleHeader(), bb.key)
			if err != nil {
				b.Fatal(err)
			}
			clock := start
			b.ReportAllocs()
			for b.Loop() {
				clock = clock.Add(time.Second)
				if _, err := w.Append(a, clock, 0, out); err != nil {
					b.Fatal(err)
				}
				if buf.Len() > 1<<20 {
					buf.Reset() // keep the buffer's growth out of the figure
				}
			}
			b.ReportMetric(float64(buf.syncs)/float64(b.N), "syncs/op")
		})
	}
}

// BenchmarkRead reads and verifies a signed transcript of 200 actions.
func BenchmarkRead(b *testing.B) {
	file := writeSession(b, key, 200, true).file
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		t, err := record.Read(bytes.NewReader(file), key)
		if err != nil || !t.Verified || len(t.Entries) != 200 {
			b.Fatalf("Read = %v", err)
		}
	}
}
