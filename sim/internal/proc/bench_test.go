package proc

import "testing"

// BenchmarkSpawnExit is a boot's pattern: a program spawned beside a
// hundred others, updated once, listed and gone.
func BenchmarkSpawnExit(b *testing.B) {
	tb := NewTable(1024)
	for range 100 {
		tb.Spawn(Process{PPID: 1, Comm: "d", Args: []string{"/usr/sbin/d"}})
	}
	tb.Subscribe(func(Event) {})
	args := []string{"grep", "-q", "^..*init.d/functions", "/etc/init.d/httpd"}
	for b.Loop() {
		pid, err := tb.Spawn(Process{PPID: 50, Comm: "grep", Args: args})
		if err != nil {
			b.Fatal(err)
		}
		tb.Update(pid, func(p *Process) { p.State = 'R' })
		if _, ok := tb.Get(pid); !ok {
			b.Fatal("lost", pid)
		}
		tb.Exit(pid)
	}
}

// BenchmarkAppendList is ps's read of a booted machine's table.
func BenchmarkAppendList(b *testing.B) {
	tb := NewTable(1024)
	for range 120 {
		tb.Spawn(Process{PPID: 1, Comm: "d", Args: []string{"/usr/sbin/d"}})
	}
	var buf []Process
	for b.Loop() {
		buf = tb.AppendList(buf[:0])
	}
}
