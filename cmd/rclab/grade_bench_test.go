package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// busyLines are what a candidate types while looking around.
var busyLines = []string{
	"chkconfig --list httpd",
	"service httpd status",
	"ls /etc/rc.d/rc3.d",
	"ps aux | grep httpd",
	"grep ^id /etc/inittab",
	"runlevel",
	"cat /var/run/httpd.pid",
	"ls -l /etc/init.d/httpd",
	"netstat -tlnp",
	"who -r",
}

// session200 is 200 actions: looking around, then the reference
// solution.
func session200(v *scenarios.Variant) []sim.Action {
	sol := solutionOf(v)
	var out []sim.Action
	for i := 0; len(out) < 200-len(sol); i++ {
		out = append(out, sim.Action{Kind: sim.Type, Line: busyLines[i%len(busyLines)]})
	}
	return append(out, sol...)
}

// BenchmarkGrade200 grades one signed 200-action transcript: verify,
// replay, prove each output, score (reboot-safe checks on a rebooted
// copy). Target: ≤ 10 ms/op. E04 has four reboot-safe checks and a
// setup without a reboot; E07's setup reboots the machine (as the
// scenario's story needs) before the clock starts.
func BenchmarkGrade200(b *testing.B) {
	for _, id := range []string{"E04", "E07"} {
		b.Run(id, func(b *testing.B) {
			v := variantOf(b, id, 1)
			key := []byte("teacher key")
			data := recordSession(b, v, key, "Kim", session200(v), record.ReasonSubmitted, nil)
			list, _ := builtinScenarios()
			g := &grader{key: key, list: list}
			b.ReportAllocs()
			for b.Loop() {
				row := gradeRow{}
				g.grade(&row, data)
				if !row.Scored || row.Score != row.Max {
					b.Fatalf("grade = %+v", row)
				}
			}
		})
	}
}

// classAnswers are what student i of a generated class types: 200
// actions of looking around, ending with the reference solution, one of
// the scenario's known wrong answers, or nothing.
func classAnswers(v *scenarios.Variant, i int) []sim.Action {
	s := v.Scenario
	var core []sim.Action
	switch k := i % (len(s.Wrong) + 2); {
	case k < len(s.Wrong):
		for _, a := range s.Wrong[k].Solution {
			core = append(core, a.SimAction())
		}
	case k == len(s.Wrong):
		core = solutionOf(v)
	}
	var out []sim.Action
	for j := 0; len(out) < 200-len(core); j++ {
		out = append(out, sim.Action{Kind: sim.Type, Line: busyLines[(i+j)%len(busyLines)]})
	}
	return append(out, core...)
}

// BenchmarkGradeClass grades a class's signed 200-action transcripts
// from files, in parallel with GOMAXPROCS workers, as rclab grade does:
// scenarios E03, E04 (four reboot-safe checks) and E05, seeds 1 to 5,
// reference solutions, known wrong answers and idle sessions. Recording
// the transcripts is setup, not timed; the class reuses the distinct
// sessions under other file names. Target for 1000: ≤ 10 s per op on 2
// cores.
func BenchmarkGradeClass(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { gradeClass(b, n) })
	}
}

func gradeClass(b *testing.B, n int) {
	dir := b.TempDir()
	key := []byte("teacher key")
	ids := []string{"E03", "E04", "E05"}
	sessions := map[string][]byte{}
	files := make([]string, n)
	for i := range files {
		id, seed, answer := ids[i%len(ids)], uint64(1+i%5), i%7
		ck := fmt.Sprintf("%s/%d/%d", id, seed, answer)
		data, ok := sessions[ck]
		if !ok {
			v := variantOf(b, id, seed)
			data = recordSession(b, v, key, fmt.Sprintf("student%04d", i), classAnswers(v, answer), record.ReasonSubmitted, nil)
			sessions[ck] = data
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("s%04d.jsonl", i))
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	list, _ := builtinScenarios()
	g := &grader{key: key, list: list}
	for b.Loop() {
		rows := g.gradeAll(files, runtime.GOMAXPROCS(0), nil)
		for _, r := range rows {
			if !r.Scored {
				b.Fatalf("%s not scored: %v", r.File, r.Note)
			}
		}
	}
}
