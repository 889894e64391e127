// Package proc is the simulated machine's process table: which processes
// exist, their parents, owners, terminals and states, and what signals do
// to them. It runs nothing: a process is a record that programs (ps, kill)
// read and that init and the fake daemons fill in and react through.
//
// PIDs are handed out as Linux does: the last PID plus one, skipping PIDs
// in use and wrapping from 32767 back to 300. PID 1 is reserved for init,
// which claims it with SpawnPID.
package proc

import (
	"slices"
	"sync"
	"syscall"
	"time"
)

// MemTotalKiB is the RAM of the simulated machine in KiB, as MemTotal in
// /proc/meminfo of a 512 MB CentOS 5 virtual machine reports it.
const MemTotalKiB = 516116

// PIDMax is the kernel's pid_max: PIDs run from 1 to PIDMax-1.
const PIDMax = 32768

// pidWrap is where PID allocation restarts after PIDMax-1 (the kernel's
// RESERVED_PIDS).
const pidWrap = 300

// Process is one entry of the table. The zero value of each field means
// "none": no terminal, no CPU used, no handler.
type Process struct {
	PID, PPID int
	UID, GID  int
	// TTY is the controlling terminal: "" for none (ps shows "?"), "tty1",
	// "pts/0".
	TTY string
	// State is 'R' running, 'S' sleeping, 'D' uninterruptible, 'T'
	// stopped or 'Z' zombie. Spawn makes a zero State 'S'.
	State byte
	Nice  int
	// SessionLeader, Threads (multi-threaded), Foreground (in the
	// foreground process group of its terminal) and Kernel (a kernel
	// thread, which ps shows as [comm]) give ps its STAT flags.
	SessionLeader, Threads, Foreground, Kernel bool
	// Start is when the process started, on the virtual clock. Spawn sets
	// a zero Start to the table's clock.
	Start time.Time
	// CPU is the cumulative CPU time used.
	CPU time.Duration
	// VSZ and RSS are the virtual and resident sizes in KiB.
	VSZ, RSS int
	// Comm is the short name (at most 15 bytes in the kernel) that -C,
	// pidof and kernel threads use.
	Comm string
	// Args is the argument vector as ps shows it: "-bash", "init [5]",
	// "/usr/sbin/httpd". Treat it as read-only: replace it, never write
	// into it, since copies share it.
	Args []string
	// Exe is the path of the program file.
	Exe string
	// OnSignal, if set, is called (outside the table's lock) when a signal
	// is delivered. It returns true when the process handled the signal
	// and lives on; false applies the default action. SIGKILL and SIGSTOP
	// never reach it.
	OnSignal func(sig Signal) bool
	// Data is opaque state owned by whoever spawned the process.
	Data any
}

// EventKind says what happened to a process.
type EventKind int

// The kinds of Event.
const (
	Spawned   EventKind = iota + 1 // a process was added
	Exited                         // a process left the table
	Signalled                      // a signal was delivered
	Stopped                        // a signal stopped the process
	Continued                      // SIGCONT resumed a stopped process
)

// String names the kind: "spawned", "exited", "signalled", "stopped",
// "continued".
func (k EventKind) String() string {
	switch k {
	case Spawned:
		return "spawned"
	case Exited:
		return "exited"
	case Signalled:
		return "signalled"
	case Stopped:
		return "stopped"
	case Continued:
		return "continued"
	}
	return "event?"
}

// Event is one change to the table. Signal is the signal delivered
// (Signalled, Stopped, Continued) or the one that killed the process
// (Exited; 0 for a normal exit).
type Event struct {
	Kind   EventKind
	PID    int
	PPID   int
	Comm   string
	Signal Signal
	// HadData tells whether the process that left had Data (Exited
	// only): a program's process has none, a daemon's has.
	HadData bool
}

// Table is a process table, safe for concurrent use. Build one with
// NewTable.
type Table struct {
	mu    sync.Mutex
	limit int
	last  int
	// procs are the records in PID order: PIDs are handed out rising, so
	// a new one almost always goes at the end, and listing needs no sort.
	procs []*Process
	store recordStore
	subs  []func(Event)
	now   func() time.Time
}

// NewTable returns an empty table that holds at most limit live processes
// (the fork-bomb guard). A limit below 1 means 1.
func NewTable(limit int) *Table {
	if limit < 1 {
		limit = 1
	}
	return &Table{limit: limit}
}

// SetClock gives the table the clock it stamps a zero Start with; nil
// leaves such a Start zero.
func (t *Table) SetClock(now func() time.Time) {
	t.mu.Lock()
	t.now = now
	t.mu.Unlock()
}

// Limit is the most live processes the table holds.
func (t *Table) Limit() int { return t.limit }

// Len is the number of processes in the table.
func (t *Table) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.procs)
}

// find returns where pid is, or would go, in t.procs; t.mu is held.
func (t *Table) find(pid int) (int, bool) {
	lo, hi := 0, len(t.procs)
	if hi > 0 && t.procs[hi-1].PID < pid {
		return hi, false // the usual case: past the newest
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.procs[m].PID < pid {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(t.procs) && t.procs[lo].PID == pid
}

// lookup returns the record of pid, or nil; t.mu is held.
func (t *Table) lookup(pid int) *Process {
	if i, ok := t.find(pid); ok {
		return t.procs[i]
	}
	return nil
}

// Spawn adds p under the next free PID and returns it. It fails with
// syscall.EAGAIN when the table is full, as fork does.
func (t *Table) Spawn(p Process) (int, error) {
	t.mu.Lock()
	if len(t.procs) >= t.limit {
		t.mu.Unlock()
		return 0, syscall.EAGAIN
	}
	pid := t.last
	found := false
	for range PIDMax {
		pid++
		if pid >= PIDMax {
			pid = pidWrap
		}
		if pid == 1 {
			continue
		}
		if _, used := t.find(pid); !used {
			found = true
			break
		}
	}
	if !found {
		t.mu.Unlock()
		return 0, syscall.EAGAIN
	}
	t.last = pid
	ev := t.insert(pid, &p)
	subs := t.subs
	t.mu.Unlock()
	notify(subs, ev)
	return pid, nil
}

// SpawnPID adds p under the given PID (init takes 1). It fails with
// EINVAL for a PID out of range, EEXIST for one in use and EAGAIN when
// the table is full.
func (t *Table) SpawnPID(pid int, p Process) error {
	if pid < 1 || pid >= PIDMax {
		return syscall.EINVAL
	}
	t.mu.Lock()
	if _, used := t.find(pid); used {
		t.mu.Unlock()
		return syscall.EEXIST
	}
	if len(t.procs) >= t.limit {
		t.mu.Unlock()
		return syscall.EAGAIN
	}
	ev := t.insert(pid, &p)
	subs := t.subs
	t.mu.Unlock()
	notify(subs, ev)
	return nil
}

// insert stores a copy of p as pid, which is free; t.mu is held.
func (t *Table) insert(pid int, p *Process) Event {
	r := t.store.record()
	*r = *p
	r.PID = pid
	r.Args = t.store.args(p.Args)
	if r.State == 0 {
		r.State = 'S'
	}
	if r.Start.IsZero() && t.now != nil {
		r.Start = t.now()
	}
	i, _ := t.find(pid)
	t.procs = slices.Insert(t.procs, i, r)
	return Event{Kind: Spawned, PID: pid, PPID: r.PPID, Comm: r.Comm}
}

// Get returns a copy of the process with that PID.
func (t *Table) Get(pid int) (Process, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.lookup(pid)
	if p == nil {
		return Process{}, false
	}
	return *p, true
}

// Update calls fn on the process with that PID under the table's lock and
// reports whether it exists. fn must not call the table or keep the
// pointer; it cannot change the PID. Copies share Args, so fn replaces
// Args rather than writing into it.
func (t *Table) Update(pid int, fn func(*Process)) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.lookup(pid)
	if p == nil {
		return false
	}
	fn(p)
	p.PID = pid
	return true
}

// Exit removes the process; its children are re-parented to init (PID 1).
// Exiting a PID that is not there does nothing.
func (t *Table) Exit(pid int) { t.exit(pid, 0) }

func (t *Table) exit(pid int, sig Signal) {
	t.mu.Lock()
	i, ok := t.find(pid)
	if !ok {
		t.mu.Unlock()
		return
	}
	p := t.procs[i]
	t.procs = slices.Delete(t.procs, i, i+1)
	for _, c := range t.procs {
		if c.PPID == pid {
			c.PPID = 1
		}
	}
	ev := Event{Kind: Exited, PID: pid, PPID: p.PPID, Comm: p.Comm, Signal: sig, HadData: p.Data != nil}
	t.store.free(p)
	subs := t.subs
	t.mu.Unlock()
	notify(subs, ev)
}

// Signal delivers sig to the process, as kill(2) does: ESRCH when there is
// no such process, EINVAL for a bad signal; signal 0 only checks that the
// process exists. The process's OnSignal decides first (except for
// SIGKILL and SIGSTOP); unhandled signals take their default action.
// Kernel threads and init ignore signals they do not handle, as the
// kernel protects them; zombies ignore everything.
func (t *Table) Signal(pid int, sig Signal) error {
	if !sig.Valid() {
		return syscall.EINVAL
	}
	t.mu.Lock()
	p := t.lookup(pid)
	if p == nil {
		t.mu.Unlock()
		return syscall.ESRCH
	}
	if sig == 0 || p.State == 'Z' {
		t.mu.Unlock()
		return nil
	}
	handler, comm, ppid, protected := p.OnSignal, p.Comm, p.PPID, pid == 1 || p.Kernel
	resumed := false
	if sig == SIGCONT && p.State == 'T' {
		p.State = 'S'
		resumed = true
	}
	t.mu.Unlock()

	t.emit(Event{Kind: Signalled, PID: pid, PPID: ppid, Comm: comm, Signal: sig})
	if resumed {
		t.emit(Event{Kind: Continued, PID: pid, PPID: ppid, Comm: comm, Signal: sig})
	}
	if handler != nil && sig != SIGKILL && sig != SIGSTOP && handler(sig) {
		return nil
	}
	if protected {
		return nil
	}
	switch DefaultAction(sig) {
	case ActTerminate:
		t.exit(pid, sig)
	case ActStop:
		stopped := t.Update(pid, func(p *Process) {
			if p.State != 'Z' {
				p.State = 'T'
			}
		})
		if stopped {
			t.emit(Event{Kind: Stopped, PID: pid, PPID: ppid, Comm: comm, Signal: sig})
		}
	}
	return nil
}

// List returns copies of every process, sorted by PID.
func (t *Table) List() []Process { return t.AppendList(nil) }

// AppendList appends copies of every process, sorted by PID, to dst and
// returns the extended slice, so a caller listing often (ps) can reuse
// one.
func (t *Table) AppendList(dst []Process) []Process {
	t.mu.Lock()
	defer t.mu.Unlock()
	dst = slices.Grow(dst, len(t.procs))
	for _, p := range t.procs {
		dst = append(dst, *p)
	}
	return dst
}

// Children returns copies of the processes whose parent is pid, sorted by
// PID.
func (t *Table) Children(pid int) []Process {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []Process
	for _, p := range t.procs {
		if p.PPID == pid {
			out = append(out, *p)
		}
	}
	return out
}

// Alive reports whether the process exists and is not a zombie.
func (t *Table) Alive(pid int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.lookup(pid)
	return p != nil && p.State != 'Z'
}

// Clone returns an independent copy of the table: the same processes
// (OnSignal and Data copied as they are), limit, clock and PID counter.
// Subscribers are not copied.
func (t *Table) Clone() *Table {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := &Table{limit: t.limit, last: t.last, now: t.now, procs: make([]*Process, len(t.procs))}
	all := make([]Process, len(t.procs))
	nargs := 0
	for _, p := range t.procs {
		nargs += len(p.Args)
	}
	c.store.arena = make([]string, 0, nargs)
	for i, p := range t.procs {
		all[i] = *p
		all[i].Args = c.store.args(p.Args)
		c.procs[i] = &all[i]
	}
	return c
}

// Subscribe registers fn to be called after every change, outside the
// table's lock, in the goroutine that made the change.
func (t *Table) Subscribe(fn func(Event)) {
	t.mu.Lock()
	t.subs = append(t.subs, fn)
	t.mu.Unlock()
}

func (t *Table) emit(ev Event) {
	t.mu.Lock()
	subs := t.subs
	t.mu.Unlock()
	notify(subs, ev)
}

// notify calls the subscribers subs, read under the table's lock, with ev.
func notify(subs []func(Event), ev Event) {
	for _, fn := range subs {
		fn(ev)
	}
}
