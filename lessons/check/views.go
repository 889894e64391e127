package check

import (
	"slices"
	"sync"

	"rclab/sim"
)

// view remembers, for one evaluation, what the checks read of one
// machine: its process list, its services and the names in its rcN.d
// directories. An exam's score asks for them once per check (a service
// list means reading every init script), and the machine does not change
// while its checks are evaluated: commands run on copies. A machine of
// the reboot cache never changes: its view is kept with it and shared by
// every evaluation, hence the lock.
type view struct {
	mu       sync.Mutex
	procs    []sim.Process
	procsOK  bool
	services []sim.Service
	servOK   bool
	rc       [7][]string
	rcOK     [7]bool
}

// viewOf returns m's view, or nil when e is nil (no evaluation to share
// it with: the callers then ask m).
func (e *env) viewOf(m *sim.Machine) *view {
	if e == nil {
		return nil
	}
	if v, ok := e.views[m]; ok {
		return v
	}
	if e.views == nil {
		e.views = map[*sim.Machine]*view{}
	}
	v := sharedView(m)
	if v == nil {
		v = &view{}
	}
	e.views[m] = v
	return v
}

// processes is m.Processes(), once per evaluation. Callers must not
// change the list.
func (e *env) processes(m *sim.Machine) []sim.Process {
	v := e.viewOf(m)
	if v == nil {
		return m.Processes()
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.procsOK {
		v.procs, v.procsOK = m.Processes(), true
	}
	return v.procs
}

// services is m.Services(), once per evaluation. Callers must not change
// the list.
func (e *env) services(m *sim.Machine) []sim.Service {
	v := e.viewOf(m)
	if v == nil {
		return m.Services()
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.servOK {
		v.services, v.servOK = m.Services(), true
	}
	return v.services
}

// rcNames lists the entries of rcN.d for level, sorted, once per
// evaluation. Callers must not change the list.
func (e *env) rcNames(m *sim.Machine, level int) []string {
	v := e.viewOf(m)
	if v == nil || level < 0 || level >= len(v.rc) {
		return readRCNames(m, level)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.rcOK[level] {
		v.rc[level], v.rcOK[level] = readRCNames(m, level), true
	}
	return v.rc[level]
}

// readRCNames lists the entries of rcN.d for level, sorted.
func readRCNames(m *sim.Machine, level int) []string {
	out, err := m.ReadDirNames(rcDir(level))
	if err != nil {
		return nil
	}
	slices.Sort(out)
	return out
}
