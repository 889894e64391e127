package sim

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Clone returns an independent copy of the machine in its current state:
// files, processes, runlevel, clock, random source, the console's shell
// with its variables, functions, aliases and history, and the logins of
// tty2–tty6 with theirs. Checks such as
// "after a reboot, httpd runs" act on a clone, leaving the student's
// machine untouched.
func (m *Machine) Clone() (*Machine, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.clone()
}

func (m *Machine) clone() (*Machine, error) {
	k := m.k.Clone()
	c := &Machine{
		cfg:        m.cfg,
		k:          k,
		term:       &terminal{},
		pending:    m.pending,
		bootLog:    m.bootLog,
		bootEvents: slices.Clip(m.bootEvents), // never changed: BootEvents copies it
		reboots:    m.reboots,
		down:       m.down,
		loginPID:   m.loginPID,
		single:     m.single,
		kb:         newKeyboard(),
	}
	c.cfg.bootArgs = append([]string(nil), m.cfg.bootArgs...)
	c.procs = newProcs(k)
	c.hookExtensions()
	watchProcesses(k)
	k.AttachTTY(Console, c.term.out(true))
	if err := c.cloneTTYs(m); err != nil {
		return nil, err
	}
	c.setOutput(nil)
	c.init = m.init.Clone(k, c.procs, c.term.out(c.cfg.tty), c.cfg.tty)
	c.watchEvents()
	c.watchRc()
	if m.login != nil {
		sh, err := m.login.Clone(c.shellOptions())
		if err != nil {
			return nil, err
		}
		c.login = sh
	}
	return c, nil
}

// bootCache keeps freshly booted machines by everything that decides their
// state (image, seed, terminal, start time, kernel arguments): the machine
// is deterministic, so a new machine with the same inputs is a clone of
// the first one booted, byte for byte, at a fraction of the cost.
var bootCache struct {
	sync.Mutex
	m     map[string]*Machine
	order []string
}

const bootCacheMax = 8

func bootKey(cfg config) string {
	return strings.Join([]string{cfg.image, strconv.FormatUint(cfg.seed, 10), strconv.FormatBool(cfg.tty),
		cfg.start.Format(time.RFC3339Nano), strings.Join(cfg.bootArgs, "\x00")}, "\x01")
}

// cachedBoot returns a clone of a cached booted machine for cfg, if any.
func cachedBoot(cfg config) (*Machine, bool) {
	bootCache.Lock()
	pristine, ok := bootCache.m[bootKey(cfg)]
	bootCache.Unlock()
	if !ok {
		return nil, false
	}
	m, err := pristine.Clone()
	return m, err == nil
}

// rememberBoot caches a clone of a freshly booted machine.
func rememberBoot(cfg config, m *Machine) {
	pristine, err := m.clone()
	if err != nil {
		return
	}
	key := bootKey(cfg)
	bootCache.Lock()
	defer bootCache.Unlock()
	if bootCache.m == nil {
		bootCache.m = map[string]*Machine{}
	}
	if _, ok := bootCache.m[key]; !ok {
		bootCache.order = append(bootCache.order, key)
		if len(bootCache.order) > bootCacheMax {
			delete(bootCache.m, bootCache.order[0])
			bootCache.order = bootCache.order[1:]
		}
	}
	bootCache.m[key] = pristine
}
