package proc

import (
	"errors"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"
)

var t0 = time.Date(2014, time.October, 6, 9, 0, 0, 0, time.UTC)

func newTestTable(t *testing.T, limit int) *Table {
	t.Helper()
	tb := NewTable(limit)
	tb.SetClock(func() time.Time { return t0 })
	if err := tb.SpawnPID(1, Process{Comm: "init", Args: []string{"init [5]"}, SessionLeader: true}); err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestSpawnSequential(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 100)
	var pids []int
	for range 3 {
		pid, err := tb.Spawn(Process{PPID: 1, Comm: "x"})
		if err != nil {
			t.Fatal(err)
		}
		pids = append(pids, pid)
	}
	if want := []int{2, 3, 4}; !slices.Equal(pids, want) {
		t.Errorf("Spawn pids = %v; want %v", pids, want)
	}
	tb.Exit(3)
	pid, _ := tb.Spawn(Process{Comm: "y"})
	if pid != 5 {
		t.Errorf("Spawn after Exit(3) = %d; want 5 (no reuse until wrap)", pid)
	}
	p, ok := tb.Get(5)
	if !ok || p.State != 'S' || !p.Start.Equal(t0) || p.PID != 5 {
		t.Errorf("Get(5) = %+v, %v; want state S, start %v", p, ok, t0)
	}
}

func TestSpawnWrap(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 1000)
	tb.last = PIDMax - 2
	a, _ := tb.Spawn(Process{Comm: "a"})
	b, _ := tb.Spawn(Process{Comm: "b"})
	if a != PIDMax-1 || b != pidWrap {
		t.Errorf("pids around the wrap = %d, %d; want %d, %d", a, b, PIDMax-1, pidWrap)
	}
	if err := tb.SpawnPID(pidWrap+1, Process{Comm: "taken"}); err != nil {
		t.Fatal(err)
	}
	c, _ := tb.Spawn(Process{Comm: "c"})
	if c != pidWrap+2 {
		t.Errorf("Spawn skipping a used pid = %d; want %d", c, pidWrap+2)
	}
}

func TestSpawnPIDErrors(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 2)
	for _, c := range []struct {
		pid  int
		want error
	}{
		{1, syscall.EEXIST},
		{0, syscall.EINVAL},
		{PIDMax, syscall.EINVAL},
	} {
		if err := tb.SpawnPID(c.pid, Process{}); !errors.Is(err, c.want) {
			t.Errorf("SpawnPID(%d) = %v; want %v", c.pid, err, c.want)
		}
	}
	if err := tb.SpawnPID(50, Process{}); err != nil {
		t.Fatal(err)
	}
	if err := tb.SpawnPID(51, Process{}); !errors.Is(err, syscall.EAGAIN) {
		t.Errorf("SpawnPID on a full table = %v; want EAGAIN", err)
	}
}

func TestForkBomb(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 64)
	var pids []int
	for {
		pid, err := tb.Spawn(Process{PPID: 1, Comm: "bomb"})
		if err != nil {
			if !errors.Is(err, syscall.EAGAIN) {
				t.Fatalf("Spawn = %v; want EAGAIN", err)
			}
			break
		}
		pids = append(pids, pid)
		if len(pids) > 1000 {
			t.Fatal("no limit")
		}
	}
	if tb.Len() != 64 || len(pids) != 63 {
		t.Fatalf("table holds %d (spawned %d); want 64 (63)", tb.Len(), len(pids))
	}
	for _, pid := range pids[:10] {
		tb.Exit(pid)
	}
	for i := range 10 {
		if _, err := tb.Spawn(Process{Comm: "again"}); err != nil {
			t.Fatalf("Spawn %d after freeing 10 = %v", i, err)
		}
	}
	if _, err := tb.Spawn(Process{}); !errors.Is(err, syscall.EAGAIN) {
		t.Errorf("Spawn when full again = %v; want EAGAIN", err)
	}
}

func TestExitReparents(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 10)
	parent, _ := tb.Spawn(Process{PPID: 1, Comm: "sshd"})
	child, _ := tb.Spawn(Process{PPID: parent, Comm: "bash"})
	if got := tb.Children(parent); len(got) != 1 || got[0].PID != child {
		t.Fatalf("Children(%d) = %v", parent, got)
	}
	tb.Exit(parent)
	if tb.Alive(parent) {
		t.Error("parent still alive after Exit")
	}
	p, _ := tb.Get(child)
	if p.PPID != 1 {
		t.Errorf("child PPID after parent exit = %d; want 1", p.PPID)
	}
	tb.Exit(9999) // no-op
}

func TestSignalDefaults(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 20)
	spawn := func(p Process) int {
		pid, err := tb.Spawn(p)
		if err != nil {
			t.Fatal(err)
		}
		return pid
	}
	for _, sig := range []Signal{SIGTERM, SIGINT, SIGHUP, SIGKILL, SIGUSR1, SIGQUIT, SIGRTMIN} {
		pid := spawn(Process{Comm: "victim"})
		if err := tb.Signal(pid, sig); err != nil {
			t.Fatal(err)
		}
		if tb.Alive(pid) {
			t.Errorf("Signal(%v) left the process alive", sig)
		}
	}
	pid := spawn(Process{Comm: "sleeper"})
	for _, c := range []struct {
		sig   Signal
		state byte
	}{
		{SIGSTOP, 'T'}, {SIGCONT, 'S'}, {SIGTSTP, 'T'}, {SIGCHLD, 'T'}, {SIGCONT, 'S'}, {SIGWINCH, 'S'}, {0, 'S'},
	} {
		if err := tb.Signal(pid, c.sig); err != nil {
			t.Fatal(err)
		}
		if p, _ := tb.Get(pid); p.State != c.state {
			t.Errorf("state after %v = %c; want %c", c.sig, p.State, c.state)
		}
	}
	if err := tb.Signal(4242, SIGTERM); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("Signal(no such pid) = %v; want ESRCH", err)
	}
	if err := tb.Signal(pid, 99); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("Signal(bad signal) = %v; want EINVAL", err)
	}
	// init and kernel threads survive what they do not handle.
	for _, sig := range []Signal{SIGTERM, SIGKILL, SIGSTOP} {
		tb.Signal(1, sig)
	}
	if p, _ := tb.Get(1); p.State != 'S' {
		t.Errorf("init after TERM/KILL/STOP: state %c; want alive and S", p.State)
	}
	kt := spawn(Process{Comm: "kthread", Kernel: true})
	tb.Signal(kt, SIGKILL)
	if !tb.Alive(kt) {
		t.Error("kernel thread died of SIGKILL")
	}
}

func TestSignalHandler(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 20)
	var got []Signal
	var mu sync.Mutex
	pid, _ := tb.Spawn(Process{Comm: "httpd", OnSignal: func(s Signal) bool {
		mu.Lock()
		got = append(got, s)
		mu.Unlock()
		return s == SIGHUP || s == SIGUSR1
	}})
	tb.Signal(pid, SIGHUP)
	tb.Signal(pid, SIGUSR1)
	if !tb.Alive(pid) {
		t.Fatal("handled HUP/USR1 killed the process")
	}
	tb.Signal(pid, SIGSTOP) // cannot be caught
	if p, _ := tb.Get(pid); p.State != 'T' {
		t.Errorf("STOP with a handler: state %c; want T", p.State)
	}
	tb.Signal(pid, SIGCONT)
	if p, _ := tb.Get(pid); p.State != 'S' {
		t.Errorf("CONT with a handler: state %c; want S", p.State)
	}
	tb.Signal(pid, SIGKILL)
	if tb.Alive(pid) {
		t.Error("KILL was caught")
	}
	if want := []Signal{SIGHUP, SIGUSR1, SIGCONT}; !slices.Equal(got, want) {
		t.Errorf("handler saw %v; want %v", got, want)
	}
	// A handler may call back into the table.
	pid2, _ := tb.Spawn(Process{Comm: "reload"})
	tb.Update(pid2, func(p *Process) {
		p.OnSignal = func(Signal) bool {
			tb.Update(pid2, func(p *Process) { p.Args = []string{"reloaded"} })
			return true
		}
	})
	tb.Signal(pid2, SIGHUP)
	if p, _ := tb.Get(pid2); !slices.Equal(p.Args, []string{"reloaded"}) {
		t.Errorf("handler's Update lost: %v", p.Args)
	}
}

func TestCloneIndependent(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 10)
	a, _ := tb.Spawn(Process{PPID: 1, Comm: "a", Args: []string{"a", "-x"}})
	c := tb.Clone()
	tb.Update(a, func(p *Process) { p.Args[1] = "-y"; p.State = 'T' })
	tb.Exit(1)
	b, _ := tb.Spawn(Process{Comm: "b"})
	cp, ok := c.Get(a)
	if !ok || cp.Args[1] != "-x" || cp.State != 'S' {
		t.Errorf("clone saw the original's changes: %+v", cp)
	}
	if !c.Alive(1) {
		t.Error("Exit(1) on the original removed init from the clone")
	}
	if cb, _ := c.Spawn(Process{Comm: "c"}); cb != b {
		t.Errorf("clone's next pid = %d; want %d (same counter)", cb, b)
	}
	if c.Limit() != tb.Limit() || c.Len() != 3 {
		t.Errorf("clone limit %d len %d; want %d and 3", c.Limit(), c.Len(), tb.Limit())
	}
}

func TestListAndEvents(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 10)
	var evs []Event
	tb.Subscribe(func(e Event) { evs = append(evs, e) })
	tb.SpawnPID(7, Process{PPID: 1, Comm: "seven"})
	p2, _ := tb.Spawn(Process{PPID: 1, Comm: "two"})
	tb.Signal(p2, SIGTERM)
	tb.Signal(7, SIGSTOP)
	var pids []int
	for _, p := range tb.List() {
		pids = append(pids, p.PID)
	}
	if want := []int{1, 7}; !slices.Equal(pids, want) {
		t.Errorf("List pids = %v; want %v", pids, want)
	}
	want := []Event{
		{Spawned, 7, 1, "seven", 0, false},
		{Spawned, 2, 1, "two", 0, false},
		{Signalled, 2, 1, "two", SIGTERM, false},
		{Exited, 2, 1, "two", SIGTERM, false},
		{Signalled, 7, 1, "seven", SIGSTOP, false},
		{Stopped, 7, 1, "seven", SIGSTOP, false},
	}
	if !slices.Equal(evs, want) {
		t.Errorf("events = %v; want %v", evs, want)
	}
}

func TestSignalNames(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want Signal
		ok   bool
	}{
		{"HUP", SIGHUP, true}, {"SIGHUP", SIGHUP, true}, {"hup", SIGHUP, true}, {"1", SIGHUP, true},
		{"sigkill", SIGKILL, true}, {"9", SIGKILL, true}, {"0", 0, true}, {"64", 64, true},
		{"65", 0, false}, {"-1", 0, false}, {"FOO", 0, false}, {"", 0, false},
		{"RTMIN", 34, true}, {"RTMIN+2", 36, true}, {"SIGRTMAX-1", 63, true}, {"RTMIN+", 0, false},
		{"IOT", SIGABRT, true}, {"CLD", SIGCHLD, true}, {"POLL", SIGIO, true},
	} {
		got, ok := SignalByName(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("SignalByName(%q) = %v, %v; want %v, %v", c.in, int(got), ok, int(c.want), c.ok)
		}
	}
	names := SignalNames()
	if len(names) != 62 || names[0] != "HUP" || names[30] != "SYS" || names[31] != "RTMIN" ||
		names[32] != "RTMIN+1" || names[46] != "RTMIN+15" || names[47] != "RTMAX-14" || names[61] != "RTMAX" {
		t.Errorf("SignalNames() = %v", names)
	}
	for i, s := range Signals() {
		if got, ok := SignalByName(names[i]); !ok || got != s {
			t.Errorf("SignalByName(%q) = %v; want %v", names[i], got, s)
		}
	}
	if SIGTERM.String() != "SIGTERM" || Signal(32).Name() != "32" {
		t.Errorf("String/Name: %s %s", SIGTERM, Signal(32).Name())
	}
}

func BenchmarkClone(b *testing.B) {
	tb := NewTable(1024)
	for range 300 {
		tb.Spawn(Process{Comm: "x", Args: []string{"/usr/sbin/x", "-d"}})
	}
	for b.Loop() {
		tb.Clone()
	}
}

func TestSelectAndFirst(t *testing.T) {
	t.Parallel()
	tb := newTestTable(t, 100)
	for _, c := range []string{"a", "b", "a", "c", "a"} {
		if _, err := tb.Spawn(Process{PPID: 1, Comm: c}); err != nil {
			t.Fatal(err)
		}
	}
	isA := func(p *Process) bool { return p.Comm == "a" }
	if got, want := tb.Select(isA), []int{2, 4, 6}; !slices.Equal(got, want) {
		t.Errorf("Select(comm a) = %v; want %v", got, want)
	}
	if got := tb.Select(func(p *Process) bool { return p.Comm == "z" }); got != nil {
		t.Errorf("Select(comm z) = %v; want nil", got)
	}
	tests := []struct {
		comm string
		pid  int
		ok   bool
	}{{"a", 2, true}, {"c", 5, true}, {"init", 1, true}, {"z", 0, false}}
	for _, tt := range tests {
		p, ok := tb.First(func(p *Process) bool { return p.Comm == tt.comm })
		if p.PID != tt.pid || ok != tt.ok {
			t.Errorf("First(comm %s) = %d, %v; want %d, %v", tt.comm, p.PID, ok, tt.pid, tt.ok)
		}
	}
}
