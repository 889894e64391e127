package sim

import (
	"context"
	"io"
	"sync"

	"rclab/sim/internal/shell"
)

// A command line can stop halfway to read the terminal: rm -i's "remove
// regular file `x'?", cp -i, passwd's password prompts, read, cat with no
// file, telnet> and ftp> prompts. The line then runs in its own goroutine
// (lineRun) and Apply returns with Result.Reading set; the next line typed
// on that console is the program's input, not a command. Each console
// has its own keyboard and its own waiting line: the system console's
// are the machine's (machine.go), tty2–tty6's their vt's (ttys.go). Only
// one goroutine ever touches the machine: a line runs while Apply waits
// for it, and is parked on its keyboard while Apply is not running.

// keyboard is a console's terminal input as its programs read it.
type keyboard struct {
	mu      sync.Mutex
	pending []byte // typed and not yet read
	eof     bool   // Ctrl-D: the next read that finds nothing ends the input
	stop    bool   // the line was interrupted: reads fail from now on
	noEcho  bool   // a program turned echo off (a password prompt)
	gen     int    // counts command lines: a read left over from an earlier line ends
	readers int    // reads of this line blocked for input
	// sigint is an interrupt for the next read (which fails with
	// shell.ErrInterrupted); atPrompt counts nested shells reading their
	// command line; fg are the cancels of the commands nested shells run,
	// innermost last (see interruptNested).
	sigint      bool
	flush       bool // the next read ends: its program was stopped by Ctrl-C
	atPrompt    int
	promptShell *shell.Shell // the nested shell at its prompt, if it said
	fg          []func()
	// screen is set while a full-screen program of the line waits on
	// the screen (screen.go); ended and status are how it ended.
	screen, ended bool
	status        int
	// waiting receives when a reader finds nothing to read; woken
	// receives when there is something new (text, EOF or a stop).
	waiting chan struct{}
	woken   chan struct{}
}

func newKeyboard() *keyboard {
	return &keyboard{waiting: make(chan struct{}, 1), woken: make(chan struct{}, 1)}
}

// Read blocks until a line is typed (or Ctrl-D, or Ctrl-C).
func (k *keyboard) Read(p []byte) (int, error) {
	k.mu.Lock()
	gen := k.gen
	k.mu.Unlock()
	for {
		k.mu.Lock()
		switch {
		case k.stop || k.gen != gen:
			k.mu.Unlock()
			return 0, io.EOF
		case k.sigint:
			k.sigint = false
			k.mu.Unlock()
			return 0, shell.ErrInterrupted
		case k.flush:
			k.flush = false
			k.mu.Unlock()
			return 0, io.EOF
		case len(k.pending) > 0:
			n := copy(p, k.pending)
			k.pending = k.pending[n:]
			k.mu.Unlock()
			return n, nil
		case k.eof:
			k.eof = false
			k.mu.Unlock()
			return 0, io.EOF
		}
		k.readers++
		k.mu.Unlock()
		select {
		case k.waiting <- struct{}{}:
		default:
		}
		<-k.woken
		k.mu.Lock()
		if k.gen == gen {
			k.readers--
		}
		k.mu.Unlock()
	}
}

// blocked reports whether a program of the current line waits in Read
// with nothing to read.
func (k *keyboard) blocked() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.screen && !k.ended && !k.stop {
		return true
	}
	return k.readers > 0 && len(k.pending) == 0 && !k.eof && !k.stop && !k.sigint && !k.flush
}

// waitScreen blocks the full-screen program that opened the screen until
// the interface ends it (endScreen), and returns the status it ended with
// (status itself when endScreen gives none); the program killed with its
// line ends with 130, as SIGINT ends it.
func (k *keyboard) waitScreen(status int) int {
	k.mu.Lock()
	gen := k.gen
	k.screen, k.ended, k.status = true, false, status
	k.mu.Unlock()
	select {
	case k.waiting <- struct{}{}:
	default:
	}
	for {
		k.mu.Lock()
		switch {
		case k.stop || k.gen != gen:
			k.screen = false
			k.mu.Unlock()
			return 130
		case k.ended:
			st := k.status
			k.screen, k.ended = false, false
			k.mu.Unlock()
			return st
		}
		k.mu.Unlock()
		<-k.woken
	}
}

// screenWaiting reports whether a full-screen program waits for its end.
func (k *keyboard) screenWaiting() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.screen && !k.ended
}

// screenStatus is the status the waiting full-screen program ends with
// when nothing else is said.
func (k *keyboard) screenStatus() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.status
}

// endScreen ends the waiting full-screen program with status st.
func (k *keyboard) endScreen(st int) {
	k.mu.Lock()
	if k.screen {
		k.ended, k.status = true, st
	}
	k.mu.Unlock()
	k.wake()
}

// AtPrompt is told by a nested interactive shell that it reads (on) or
// no longer reads (off) its command line: Ctrl-C then gives it a new
// prompt instead of ending the console's line.
func (k *keyboard) AtPrompt(on bool) { k.ShellAtPrompt(nil, on) }

// ShellAtPrompt is AtPrompt from the nested shell sh, which Tab then
// completes in (its directory, PATH and user).
func (k *keyboard) ShellAtPrompt(sh *shell.Shell, on bool) {
	k.mu.Lock()
	if on {
		k.atPrompt++
		k.promptShell = sh
	} else if k.atPrompt > 0 {
		k.atPrompt--
		k.promptShell = nil
	}
	k.mu.Unlock()
}

// nestedShell is the nested shell reading its command line, or nil.
func (k *keyboard) nestedShell() *shell.Shell {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.promptShell
}

// atShellPrompt reports whether the reader is a nested shell reading its
// command line.
func (k *keyboard) atShellPrompt() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.atPrompt > 0
}

// Foreground registers cancel as the Ctrl-C of the command a nested shell
// runs; the returned function unregisters it.
func (k *keyboard) Foreground(cancel func()) (done func()) {
	k.mu.Lock()
	k.fg = append(k.fg, cancel)
	n := len(k.fg)
	k.mu.Unlock()
	return func() {
		k.mu.Lock()
		if len(k.fg) >= n {
			k.fg = k.fg[:n-1]
		}
		k.mu.Unlock()
	}
}

// interruptNested delivers Ctrl-C inside a nested shell, as SIGINT to
// the foreground process group would: the command the innermost nested
// shell runs is cancelled, or the shell reading its command line drops
// it; typed-ahead input is flushed. It reports false when no nested
// shell is there to take it.
func (k *keyboard) interruptNested() bool {
	k.mu.Lock()
	var cancel func()
	switch {
	case k.atPrompt > 0:
		// Only the innermost shell can be at its prompt: every outer one
		// runs the shell inside it.
	case len(k.fg) > 0:
		cancel = k.fg[len(k.fg)-1]
	default:
		k.mu.Unlock()
		return false
	}
	// A shell at its prompt learns of the interrupt; a program of the
	// stopped command just sees its input end (its context is cancelled,
	// so it ends as SIGINT ends it, saying nothing).
	k.pending = nil
	if k.readers > 0 {
		if cancel == nil {
			k.sigint = true
		} else {
			k.flush = true
		}
	}
	k.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	k.wake()
	return true
}

// SetEcho turns the terminal's echo of typed input on or off, as a
// program does with termios around a password prompt.
func (k *keyboard) SetEcho(on bool) {
	k.mu.Lock()
	k.noEcho = !on
	k.mu.Unlock()
}

func (k *keyboard) echo() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return !k.noEcho
}

func (k *keyboard) wake() {
	select {
	case k.woken <- struct{}{}:
	default:
	}
}

func (k *keyboard) typeText(s string) {
	k.mu.Lock()
	k.pending = append(k.pending, s...)
	k.mu.Unlock()
	k.wake()
}

func (k *keyboard) endInput() {
	k.mu.Lock()
	k.eof = true
	k.mu.Unlock()
	k.wake()
}

func (k *keyboard) interrupt() {
	k.mu.Lock()
	k.stop = true
	k.mu.Unlock()
	k.wake()
}

// reset readies the keyboard for the next command line: text typed ahead
// of a program that never read it is dropped, as the shell's own reading
// of the next line would take it.
func (k *keyboard) reset() {
	k.mu.Lock()
	k.pending, k.eof, k.stop, k.noEcho = nil, false, false, false
	k.sigint, k.flush, k.atPrompt, k.fg, k.promptShell = false, false, 0, nil, nil
	k.screen, k.ended, k.status = false, false, 0
	k.gen++
	k.readers = 0
	k.mu.Unlock()
	select {
	case <-k.waiting:
	default:
	}
	k.wake() // a read left over from the last line ends
}

// lineRun is a command line running on a console.
type lineRun struct {
	kb     *keyboard
	ctx    context.Context
	cancel context.CancelFunc
	done   chan int
}

// startLine runs fn (the line) in its own goroutine under ctx.
func startLine(kb *keyboard, ctx context.Context, cancel context.CancelFunc, fn func(context.Context) int) *lineRun {
	kb.reset()
	l := &lineRun{kb: kb, ctx: ctx, cancel: cancel, done: make(chan int, 1)}
	runOnWorker(func() { l.done <- fn(ctx) })
	return l
}

// Lines run on a few long-lived worker goroutines rather than a new one
// each: a fresh goroutine's small stack grows by copying every time the
// interpreter recurses deep, which cost a third of a short line. A worker
// that finds the idle list full ends, so at most maxIdleWorkers wait.
var lineWorkers struct {
	sync.Mutex
	idle []chan func()
}

const maxIdleWorkers = 8

// runOnWorker runs job on an idle worker, or on a new one.
func runOnWorker(job func()) {
	lineWorkers.Lock()
	if n := len(lineWorkers.idle); n > 0 {
		w := lineWorkers.idle[n-1]
		lineWorkers.idle = lineWorkers.idle[:n-1]
		lineWorkers.Unlock()
		w <- job
		return
	}
	lineWorkers.Unlock()
	w := make(chan func(), 1)
	w <- job
	go worker(w)
}

func worker(w chan func()) {
	for job := range w {
		job()
		lineWorkers.Lock()
		if len(lineWorkers.idle) >= maxIdleWorkers {
			lineWorkers.Unlock()
			return
		}
		lineWorkers.idle = append(lineWorkers.idle, w)
		lineWorkers.Unlock()
	}
}

// wait lets the line run until it ends (finished, with its status) or
// stops to read the keyboard (finished false). The line's host-time
// budget does not run while it waits for a person.
func (l *lineRun) wait() (status int, finished bool) {
	b := shell.BudgetOf(l.ctx)
	if l.kb.screenWaiting() {
		return 0, false // a full-screen program still waits for its end
	}
	b.Resume()
	for {
		select {
		case st := <-l.done:
			l.cancel()
			return st, true
		case <-l.kb.waiting:
			if l.kb.blocked() {
				b.Pause()
				return 0, false
			}
		}
	}
}

// feed types a line of input to the program that waits for it.
func (l *lineRun) feed(line string) { l.kb.typeText(line + "\n") }

// interrupt is Ctrl-C: inside a nested shell (su -, bash) the shell or
// its command takes it; otherwise the line's context is cancelled
// (programs and the shell stop as SIGINT stops them) and the waiting read
// fails.
func (l *lineRun) interrupt() {
	if l.kb.interruptNested() {
		return
	}
	l.kill()
}

// kill ends the whole line, nested shells included.
func (l *lineRun) kill() {
	l.cancel()
	l.kb.interrupt()
}

// endInput is Ctrl-D: the waiting read gets end of file.
func (l *lineRun) endInput() { l.kb.endInput() }

// abort ends a line that waits for the keyboard, as its shell being
// killed does (a logout, a shutdown, a power-off): its reads fail and it
// runs to its end.
func (l *lineRun) abort() {
	l.kill()
	for {
		if _, finished := l.wait(); finished {
			return
		}
	}
}
