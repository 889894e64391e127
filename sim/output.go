package sim

import (
	"time"

	"rclab/sim/internal/kernel"
)

// This file is live output: an interface that shows the terminals gets
// what is written to them as it is written, so the boot, `init 3` or
// `service httpd restart` show their lines as they happen. Results keep
// the whole text regardless, for recordings; Result.Streamed says how
// much of it was already handed over live, so the interface shows only
// the rest.

// Output is a piece of what a virtual console showed, as it was written.
type Output struct {
	// TTY is the console written to: 1 (the system console, where init
	// and the boot write) to 6.
	TTY int
	// Time is the machine's clock when it was written: an interface that
	// paces the boot spreads the pieces out by it.
	Time time.Time
	// Data is the text written, with its escapes (colours, ESC[60G). It
	// is only valid during the call.
	Data []byte
}

// WithOutput sets the function of SetOutput from the start, so the first
// boot's lines reach it as they are written. A machine made with it
// boots afresh: the boot cache has no live output to replay.
func WithOutput(fn func(Output)) Option { return func(c *config) { c.out = fn } }

// WithEvents sets the function of Subscribe from the start, so the first
// boot's events (its rc steps among them) reach it as they happen. A
// machine made with it boots afresh, as with WithOutput.
func WithEvents(fn func(Event)) Option { return func(c *config) { c.sub = fn } }

// WithStarted calls fn with the machine as soon as it exists, before it
// boots, so that an interface following the boot (WithOutput,
// WithEvents) can read its state meanwhile with the methods that do not
// wait for an action: Processes, Services, Runlevel, Now, Hostname. fn
// must not keep the machine from booting, nor call Apply. A machine made
// with it boots afresh, as with WithOutput.
func WithStarted(fn func(*Machine)) Option { return func(c *config) { c.started = fn } }

// SetOutput sets fn to receive what every virtual console shows as it is
// written (nil stops). fn runs on the goroutine applying the action,
// while the command runs and with the console's lock held: it must not
// call the machine, but it may take its time (an interface pacing the
// boot sleeps in it), which holds the machine there. Result.Output still
// holds everything, and Result.Streamed how much of it fn received.
func (m *Machine) SetOutput(fn func(Output)) {
	m.setOutput(fn)
}

func (m *Machine) setOutput(fn func(Output)) {
	m.term.setSink(consoleSink{fn: fn, tty: 1, clock: m.k.Clock, rc: &m.rc})
	for _, v := range m.vts {
		if v != nil {
			v.term.setSink(consoleSink{fn: fn, tty: v.n, clock: m.k.Clock})
		}
	}
}

// TakeOutput returns and forgets what virtual console tty (1–6) showed
// since its last action or TakeOutput: a wall message, a getty's banner
// after a logout or a reboot. The console's next Result.Output would
// otherwise start with it.
func (m *Machine) TakeOutput(tty int) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case tty <= 1:
		return m.term.take()
	case tty > TTYs:
		return ""
	}
	return m.vtOf(tty).term.take()
}

// liveSink is what a terminal hands every write to (besides its buffer):
// the live reader, and the rc step recorder on the console. write
// reports whether the bytes reached a live reader.
type liveSink interface {
	write(p []byte) (live bool)
}

// consoleSink is the live sink of one virtual console.
type consoleSink struct {
	fn    func(Output)
	tty   int
	clock *kernel.Clock
	rc    *rcTracker // the console's: rc's scripts write there
}

func (s consoleSink) write(p []byte) bool {
	if s.rc != nil {
		s.rc.record(p)
	}
	if s.fn == nil {
		return false
	}
	s.fn(Output{TTY: s.tty, Time: s.clock.Now(), Data: p})
	return true
}

// setSink replaces the terminal's live sink.
func (t *terminal) setSink(s liveSink) {
	t.mu.Lock()
	t.sink = s
	t.mu.Unlock()
}

// takeAll returns and clears what the terminal holds, and how many of
// its first bytes went to a live reader.
func (t *terminal) takeAll() (string, int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s, n := t.buf.String(), min(t.sunk, t.buf.Len())
	t.buf.Reset()
	t.sunk = 0
	return s, n
}

// text is what the terminal holds, left there.
func (t *terminal) text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}
