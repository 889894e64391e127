package sim_test

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"testing"

	"rclab/sim"
)

// recorder keeps the live output by console.
type recorder struct {
	mu    sync.Mutex
	ttys  map[int]*bytes.Buffer
	order bool // the clock never went back
	last  int64
}

func newRecorder() *recorder { return &recorder{ttys: map[int]*bytes.Buffer{}, order: true} }

func (r *recorder) write(o sim.Output) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ttys[o.TTY] == nil {
		r.ttys[o.TTY] = &bytes.Buffer{}
	}
	r.ttys[o.TTY].Write(o.Data)
	if t := o.Time.UnixNano(); t < r.last {
		r.order = false
	} else {
		r.last = t
	}
}

func (r *recorder) take(tty int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.ttys[tty]
	if b == nil {
		return ""
	}
	s := b.String()
	b.Reset()
	return s
}

func TestLiveOutputOfTheBoot(t *testing.T) {
	t.Parallel()
	rec := newRecorder()
	m, err := sim.New(sim.WithOutput(rec.write), sim.WithSeed(78))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := sim.New(sim.WithSeed(78))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rec.take(1), m.BootLog(); got != want || got != plain.BootLog() {
		t.Errorf("live boot output (%d bytes) differs from BootLog (%d bytes) or a plain boot's (%d bytes)", len(got), len(want), len(plain.BootLog()))
	}
	if !rec.order {
		t.Errorf("the live output's times went back")
	}
	if got := rec.take(2); got != banner {
		t.Errorf("tty2's live output at the boot = %q; want the getty's banner", got)
	}
	// The banner stays for TakeOutput too, as on a machine without a reader.
	if got := m.TakeOutput(2); got != banner {
		t.Errorf("TakeOutput(2) = %q; want the banner", got)
	}
}

func TestLiveOutputOfACommand(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	m.SetOutput(rec.write)
	login(t, m, 2, "alice")
	rec.take(2)
	r := apply(t, m, sim.Action{Kind: sim.Type, Line: "service httpd restart; wall done"})
	if got := rec.take(1); got != r.Output || r.Streamed != len(r.Output) {
		t.Errorf("live tty1 output = %q, Streamed %d; want all of %q", got, r.Streamed, r.Output)
	}
	if got := rec.take(2); !strings.Contains(got, "Broadcast message") {
		t.Errorf("live tty2 output = %q; want the wall message", got)
	}
	r = apply(t, m, sim.Action{Kind: sim.Type, TTY: 2, Line: "echo hi; exit"})
	// The wall message waited on tty2 (it was live already): it leads the
	// result, which is all streamed.
	if got := rec.take(2); !strings.HasPrefix(r.Output, "\a\r\nBroadcast") || !strings.HasSuffix(r.Output, "hi\nlogout\n"+banner) || got != "hi\nlogout\n"+banner || r.Streamed != len(r.Output) {
		t.Errorf("tty2's result = %q (streamed %d); live %q; want the waiting wall message first, all streamed", r.Output, r.Streamed, got)
	}
	// A save's error is part of the result only.
	r = apply(t, m, sim.Action{Kind: sim.Save, Path: "/no/such/dir/f", Data: "x", Program: "vi"})
	if r.Streamed != 0 || r.Output == "" {
		t.Errorf("a failed save: output %q, Streamed %d; want a message not streamed", r.Output, r.Streamed)
	}
	m.SetOutput(nil)
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "echo quiet"}); r.Streamed != 0 || rec.take(1) != "" {
		t.Errorf("after SetOutput(nil): Streamed %d; want nothing live", r.Streamed)
	}
}

// TestLiveOutputWhileRunning shows a program's output reaching the
// reader before the program ends.
func TestLiveOutputWhileRunning(t *testing.T) {
	t.Parallel()
	step := make(chan struct{})
	m, err := sim.New(sim.WithProgram(sim.Program{Name: "slowpoke", Summary: "prints, waits, prints",
		Run: func(_ *sim.Machine, _ []string, stdout, _ io.Writer) int {
			io.WriteString(stdout, "first\n")
			<-step
			io.WriteString(stdout, "second\n")
			return 0
		}}))
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 8)
	m.SetOutput(func(o sim.Output) { got <- string(o.Data) })
	done := make(chan sim.Result)
	go func() {
		r, _ := m.Apply(sim.Action{Kind: sim.Type, Line: "slowpoke"})
		done <- r
	}()
	if s := <-got; s != "first\n" {
		t.Errorf("first live piece = %q; want first", s)
	}
	select {
	case <-done:
		t.Fatal("the command ended before it was let go")
	default:
	}
	close(step)
	r := <-done
	if r.Output != "first\nsecond\n" || r.Streamed != len(r.Output) {
		t.Errorf("slowpoke's result = %q, Streamed %d", r.Output, r.Streamed)
	}
}
