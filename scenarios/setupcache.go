package scenarios

import (
	"sync"

	"rclab/sim"
)

// setupCache keeps set-up machines by scenario, file version, seed and
// machine options. Setting up is deterministic, and a setup that reboots
// the machine costs tens of milliseconds, so a class graded in one batch
// (a few variants, many transcripts) or an exam started again pays it once
// per variant; every session gets its own copy.
var setupCache = &machineCache{max: 16}

// machineCache is a small cache of pristine machines, oldest evicted
// first. It is safe for concurrent use.
type machineCache struct {
	mu    sync.Mutex
	max   int
	m     map[string]*sim.Machine
	order []string
}

// get returns a copy of the machine kept for key, and the machine kept,
// which nobody may change.
func (c *machineCache) get(key string) (m, pristine *sim.Machine, ok bool) {
	c.mu.Lock()
	pristine, ok = c.m[key]
	c.mu.Unlock()
	if !ok {
		return nil, nil, false
	}
	m, err := pristine.Clone()
	return m, pristine, err == nil
}

// put keeps m (which nobody may change afterwards) for key.
func (c *machineCache) put(key string, m *sim.Machine) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*sim.Machine{}
	}
	if _, ok := c.m[key]; ok {
		return
	}
	c.m[key] = m
	c.order = append(c.order, key)
	if len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}
