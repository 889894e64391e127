package kernel

import (
	"maps"
	"math/rand/v2"
	"slices"

	"rclab/sim/internal/proc"
)

// ProcessData is the state a process's owner keeps in Process.Data when it
// must follow a clone: a copy for the new kernel, and the signal handler
// bound to it (nil keeps none).
type ProcessData interface {
	CloneFor(k *Kernel, pid int) (data any, onSignal func(proc.Signal) bool)
}

// Clone returns an independent copy of the kernel: its filesystem, clock,
// random source, processes and every table. Terminals are not copied: the
// copy's output goes nowhere until AttachTTY. Process handlers and state
// that implement ProcessData are rebound to the copy.
func (k *Kernel) Clone() *Kernel {
	k.mu.Lock()
	defer k.mu.Unlock()
	c := &Kernel{
		FS:        k.FS.Clone(),
		Clock:     NewClock(k.Clock.Now()),
		hostname:  k.hostname,
		info:      k.info,
		seed:      k.seed,
		boot:      k.boot,
		syslogOff: k.syslogOff,
		prevLevel: k.prevLevel,
		curLevel:  k.curLevel,
		levelTime: k.levelTime,
		initQueue: slices.Clone(k.initQueue),
		timers:    maps.Clone(k.timers),
		sessions:  slices.Clone(k.sessions),
		dmesg:     slices.Clone(k.dmesg),
		jobs:      slices.Clone(k.jobs),
		wtmp:      slices.Clone(k.wtmp),
		listeners: maps.Clone(k.listeners),
		ifaces:    maps.Clone(k.ifaces),
	}
	c.src = k.src.clone()
	c.Rand = rand.New(c.src)
	c.FS.SetClock(c.Clock.Now)
	c.Procs = k.Procs.Clone()
	c.Procs.SetClock(c.Clock.Now)
	// Only the processes with data of their own need a look; copying the
	// whole table for them costs more than the rest of the clone.
	withData := c.Procs.Select(func(p *proc.Process) bool { _, ok := p.Data.(ProcessData); return ok })
	for _, pid := range withData {
		p, ok := c.Procs.Get(pid)
		if !ok {
			continue
		}
		data, onSignal := p.Data.(ProcessData).CloneFor(c, pid)
		c.Procs.Update(pid, func(x *proc.Process) { x.Data, x.OnSignal = data, onSignal })
	}
	return c
}

// clone copies the generator's state.
func (l *lockedSource) clone() *lockedSource {
	l.mu.Lock()
	defer l.mu.Unlock()
	pcg := l.src.(*rand.PCG)
	state, _ := pcg.MarshalBinary()
	next := &rand.PCG{}
	next.UnmarshalBinary(state)
	return &lockedSource{src: next}
}
