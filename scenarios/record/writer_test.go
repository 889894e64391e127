package record_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"rclab/scenarios/record"
	"rclab/sim"
)

// TestWriterSyncs: one write and one sync per line, so a crash loses at
// most the line being written.
func TestWriterSyncs(t *testing.T) {
	t.Parallel()
	var w countingWriter
	wr, err := record.NewWriter(&w, sampleHeader(), key)
	if err != nil {
		t.Fatalf("NewWriter: %v", err)
	}
	for i := range 3 {
		a, out, status := sampleStep(i)
		if _, err := wr.Append(a, start, status, out); err != nil {
			t.Fatalf("Append: %v", err)
		}
		if w.writes != i+2 || w.syncs != i+2 {
			t.Fatalf("after %d appends: %d writes, %d syncs; want %d, %d", i+1, w.writes, w.syncs, i+2, i+2)
		}
	}
	if err := wr.Close(record.Footer{Reason: record.ReasonTimeout, End: start}); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if w.writes != 5 || w.syncs != 5 {
		t.Errorf("after Close: %d writes, %d syncs; want 5, 5", w.writes, w.syncs)
	}
	if n := wr.Actions(); n != 3 {
		t.Errorf("Actions() = %d; want 3", n)
	}
}

// countingWriter counts its writes (each must be a whole line) and syncs.
type countingWriter struct {
	bytes.Buffer
	writes, syncs int
	fail          error // returned by Write, once set
}

func (w *countingWriter) Write(p []byte) (int, error) {
	if w.fail != nil {
		return 0, w.fail
	}
	if bytes.IndexByte(p, '\n') != len(p)-1 {
		panic("a write that is not one whole line")
	}
	w.writes++
	return w.Buffer.Write(p)
}

func (w *countingWriter) Sync() error { w.syncs++; return nil }

func TestWriterRefuses(t *testing.T) {
	t.Parallel()
	newWriter := func() (*record.Writer, *countingWriter) {
		var w countingWriter
		wr, err := record.NewWriter(&w, sampleHeader(), key)
		if err != nil {
			t.Fatalf("NewWriter: %v", err)
		}
		return wr, &w
	}

	wr, w := newWriter()
	if _, err := wr.Append(sim.Action{Kind: sim.Type, Line: "echo \xff"}, start, 0, ""); err == nil {
		t.Errorf("Append(invalid UTF-8) = no error; want an error")
	}
	if _, err := wr.Append(sim.Action{Kind: sim.Type, Line: "ls"}, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), 0, ""); err == nil {
		t.Errorf("Append(clock in year 10000) = no error; want an error")
	}
	if err := wr.Close(record.Footer{Reason: "bored"}); err == nil {
		t.Errorf("Close(reason bored) = no error; want an error")
	}
	if err := wr.Close(record.Footer{Reason: record.ReasonQuit, Checks: []record.CheckResult{{ID: "\xff"}}}); err == nil {
		t.Errorf("Close(check id invalid UTF-8) = no error; want an error")
	}
	if err := wr.Close(record.Footer{Reason: record.ReasonQuit, Actions: 3}); err == nil {
		t.Errorf("Close(3 actions of 0) = no error; want an error")
	}
	// None of the refused calls wrote anything: the file still verifies.
	if err := wr.Close(record.Footer{Reason: record.ReasonQuit}); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := record.Read(bytes.NewReader(w.Bytes()), key); err != nil {
		t.Errorf("Read after refused calls = %v; want no error", err)
	}
	if _, err := wr.Append(sim.Action{Kind: sim.Type, Line: "ls"}, start, 0, ""); !errors.Is(err, record.ErrClosed) {
		t.Errorf("Append after Close = %v; want ErrClosed", err)
	}
	if err := wr.Close(record.Footer{Reason: record.ReasonQuit}); !errors.Is(err, record.ErrClosed) {
		t.Errorf("Close after Close = %v; want ErrClosed", err)
	}

	// A failed write ends the Writer for good.
	wr, w = newWriter()
	w.fail = errors.New("disk full")
	if _, err := wr.Append(sim.Action{Kind: sim.Type, Line: "ls"}, start, 0, ""); err == nil {
		t.Errorf("Append to a full disk = no error; want an error")
	}
	w.fail = nil
	if _, err := wr.Append(sim.Action{Kind: sim.Type, Line: "ls"}, start, 0, ""); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Append after a failed write = %v; want the earlier error", err)
	}

	if _, err := record.NewWriter(new(bytes.Buffer), record.Header{Student: "\xc0"}, nil); err == nil {
		t.Errorf("NewWriter(student invalid UTF-8) = no error; want an error")
	}
	if _, err := record.NewWriter(new(bytes.Buffer), record.Header{Format: "rclab-transcript/0"}, nil); err == nil {
		t.Errorf("NewWriter(format rclab-transcript/0) = no error; want an error")
	}
}

// TestAppendOutputHash: the entry holds the SHA-256 of the output, small
// or large.
func TestAppendOutputHash(t *testing.T) {
	t.Parallel()
	wr, err := record.NewWriter(new(bytes.Buffer), sampleHeader(), nil)
	if err != nil {
		t.Fatalf("NewWriter: %v", err)
	}
	for _, out := range []string{"", "N 3\n", strings.Repeat("x", 64<<10), strings.Repeat("y", 64<<10+1)} {
		e, err := wr.Append(sim.Action{Kind: sim.Type, Line: "cat f"}, start, 0, out)
		if err != nil {
			t.Fatalf("Append: %v", err)
		}
		if want := record.OutputHash(out); e.Output != want {
			t.Errorf("Append(output of %d bytes).Output = %s; want %s", len(out), e.Output, want)
		}
	}
}
