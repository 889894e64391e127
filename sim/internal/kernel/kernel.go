// Package kernel holds the state every simulated program shares: the
// filesystem, the virtual clock, the seeded random source and the host
// identity. It is the simulator's notion of "the running kernel"; programs
// and the shell reach the machine only through it.
package kernel

import (
	"io"
	"math/rand/v2"
	"sync"
	"time"

	"rclab/sim/internal/proc"
	"rclab/vfs"
)

// Kernel is the shared state of one simulated machine. The zero value is not
// usable; build one with New.
type Kernel struct {
	// FS is the machine's whole filesystem.
	FS *vfs.FS
	// Clock is the virtual clock; nothing in the simulation reads the host's.
	Clock *Clock
	// Rand is seeded from the machine's seed, so runs are reproducible.
	// It is safe for concurrent use.
	Rand *rand.Rand
	// Procs is the process table.
	Procs *proc.Table

	mu        sync.Mutex
	src       *lockedSource
	hostname  string
	info      Info
	seed      uint64
	boot      time.Time
	syslogOff bool
	prevLevel byte
	curLevel  byte
	levelTime time.Time
	initQueue []InitRequest
	timers    map[string]Timer
	sessions  []Session
	dmesg     []string
	ttys      map[string]io.Writer
	jobs      []Job
	wtmp      []WtmpRecord
	listeners map[string]Listener
	ifaces    map[string]bool
}

// Info describes the simulated system as uname and banners report it.
type Info struct {
	Hostname string // e.g. "lab1"
	Release  string // e.g. "CentOS release 5.11 (Final)"
	Kernel   string // e.g. "2.6.18-398.el5"
	Arch     string // e.g. "i686"
	Bash     string // e.g. "3.2.25(1)-release"
}

// Epoch is the default power-on time of a machine: a Monday morning in the
// last months of CentOS 5.
var Epoch = time.Date(2014, time.October, 6, 9, 0, 0, 0, time.UTC)

// New returns a kernel over fsys, its clock set to start and its random
// source seeded with seed. The filesystem's clock is pointed at the kernel's.
func New(fsys *vfs.FS, info Info, start time.Time, seed uint64) *Kernel {
	k := &Kernel{
		FS:       fsys,
		Clock:    NewClock(start),
		src:      &lockedSource{src: rand.NewPCG(seed, seed^0x5eed)},
		hostname: info.Hostname,
		info:     info,
		seed:     seed,
		Procs:    proc.NewTable(1024),
		boot:     start,
	}
	k.Rand = rand.New(k.src)
	fsys.SetClock(k.Clock.Now)
	k.Procs.SetClock(k.Clock.Now)
	return k
}

// Boot is the time the machine was powered on (uptime, ps START).
func (k *Kernel) Boot() time.Time { return k.boot }

// Hostname is the current host name (sethostname changes it).
func (k *Kernel) Hostname() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.hostname
}

// SetHostname changes the host name, as sethostname(2) does.
func (k *Kernel) SetHostname(name string) {
	k.mu.Lock()
	k.hostname = name
	k.mu.Unlock()
}

// Info reports the fixed identity of the system.
func (k *Kernel) Info() Info { return k.info }

// Clock is a virtual clock: it moves only when the simulation says so.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock reading t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now reads the clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d (negative d is ignored).
func (c *Clock) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// lockedSource makes a rand.Source safe for the machine's concurrent
// programs (pipeline stages run at once).
type lockedSource struct {
	mu  sync.Mutex
	src rand.Source
}

func (l *lockedSource) Uint64() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.src.Uint64()
}
