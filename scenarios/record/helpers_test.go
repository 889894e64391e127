package record_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"rclab/scenarios/record"
	"rclab/sim"
)

// start is the virtual clock when the sample sessions begin.
var start = time.Date(2014, 9, 30, 9, 0, 0, 0, time.UTC)

var key = []byte("teacher's secret key")

func sampleHeader() record.Header {
	return record.Header{
		Scenario:    "E03-broken-service",
		ContentHash: record.OutputHash("scenario file"),
		Seed:        1<<63 + 5, // more digits than a float64 keeps
		Variables:   map[string]string{"svc": "named", "port": "8042"},
		Version:     "0.9.0",
		Student:     "김민지",
		Start:       start,
	}
}

// sampleStep is the i-th action of a sample session and its output.
func sampleStep(i int) (sim.Action, string, int) {
	switch i % 4 {
	case 0:
		return sim.Action{Kind: sim.Type, Line: fmt.Sprintf("chkconfig --list httpd # %d <&>", i)},
			"httpd          \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n", 0
	case 1:
		return sim.Action{Kind: sim.Wait, For: time.Duration(i) * time.Second}, "", 0
	case 2:
		return sim.Action{Kind: sim.Type, Line: `echo "안녕" \ 'x'`}, "안녕 \\ x\n", 0
	default:
		return sim.Action{Kind: sim.PowerOn, Args: []string{"single", "selinux=0"}}, "", 1
	}
}

// sampleFooter ends a sample session.
func sampleFooter(end time.Time) record.Footer {
	return record.Footer{
		Reason: record.ReasonSubmitted,
		Earned: 10,
		Max:    20,
		Checks: []record.CheckResult{{ID: "enabled", Points: 10, Earned: 10}, {ID: "after-reboot", Points: 10}},
		End:    end,
	}
}

// session is a recorded sample session: the file and what went in.
type session struct {
	file    []byte
	entries []record.Entry
	footer  *record.Footer
}

// writeSession records n sample actions, then a footer if footer is set.
func writeSession(t testing.TB, key []byte, n int, footer bool) session {
	t.Helper()
	return writeSessionOf(t, sampleHeader().Student, key, n, footer)
}

// writeSessionOf is writeSession for another student.
func writeSessionOf(t testing.TB, student string, key []byte, n int, footer bool) session {
	t.Helper()
	var buf bytes.Buffer
	h := sampleHeader()
	h.Student = student
	w, err := record.NewWriter(&buf, h, key)
	if err != nil {
		t.Fatalf("NewWriter: %v", err)
	}
	var s session
	clock := start
	for i := range n {
		a, out, status := sampleStep(i)
		clock = clock.Add(time.Duration(i+1) * time.Second)
		e, err := w.Append(a, clock, status, out)
		if err != nil {
			t.Fatalf("Append(%d): %v", i, err)
		}
		s.entries = append(s.entries, e)
	}
	if footer {
		f := sampleFooter(clock)
		if err := w.Close(f); err != nil {
			t.Fatalf("Close: %v", err)
		}
		f.Actions = n
		s.footer = &f
	}
	s.file = buf.Bytes()
	return s
}

// lines splits a file into its lines, each with its newline.
func lines(file []byte) [][]byte {
	return bytes.SplitAfter(bytes.TrimSuffix(file, []byte("\n")), []byte("\n"))
}

// join is the inverse of lines.
func join(ls [][]byte) []byte {
	var b []byte
	for _, l := range ls {
		b = append(b, l...)
		if len(l) == 0 || l[len(l)-1] != '\n' {
			b = append(b, '\n')
		}
	}
	return b
}

// recordErr returns err as an *record.Error, failing the test if it is not.
func recordErr(t testing.TB, err error) *record.Error {
	t.Helper()
	var e *record.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *record.Error", err, err)
	}
	return e
}

// syncBuffer is a bytes.Buffer that counts its syncs, like a file.
type syncBuffer struct {
	bytes.Buffer
	syncs int
}

func (b *syncBuffer) Sync() error {
	b.syncs++
	return nil
}
