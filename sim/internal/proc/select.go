package proc

// Select returns the PIDs of the processes keep accepts, in PID order,
// without copying the table as List does. keep runs under the table's
// lock on the table's own record: it must not call the table, change the
// record or keep the pointer.
func (t *Table) Select(keep func(p *Process) bool) []int {
	t.mu.Lock()
	defer t.mu.Unlock()
	var pids []int
	for _, p := range t.procs {
		if keep(p) {
			pids = append(pids, p.PID)
		}
	}
	return pids
}

// First returns a copy of the process with the lowest PID that match
// accepts. match runs under the table's lock, as Select's keep does.
func (t *Table) First(match func(p *Process) bool) (Process, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range t.procs {
		if match(p) {
			return *p, true
		}
	}
	return Process{}, false
}
