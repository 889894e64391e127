package shell

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rclab/sim/internal/bash"
)

// This file is wait. Background jobs run to their end before the shell
// goes on (see bash.Call.Background), so wait has nothing to wait for
// but the jobs that stay in the process table after their program
// returned: a background sleep, which wait lets finish by moving the
// virtual clock to its end, as the real wait would sleep until it.

// jobEnded records the exit status of the background job whose process
// is pid, for wait.
func (s *Shell) jobEnded(pid, status int) {
	if pid == 0 {
		return
	}
	s.bgMu.Lock()
	if s.bg == nil {
		s.bg = map[int]int{}
	}
	s.bg[pid] = status
	s.bgMu.Unlock()
}

// jobStatus is the recorded status of background job pid.
func (s *Shell) jobStatus(pid int) (int, bool) {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	st, ok := s.bg[pid]
	return st, ok
}

// waitBuiltin is bash 3.2's wait [pid | jobspec ...]: the status of the
// last operand's job, 127 for one that is no child of the shell.
func (s *Shell) waitBuiltin(c *bash.Call, args []string) int {
	errf := func(format string, a ...any) {
		fmt.Fprintf(c.Stderr, "%swait: %s\n", c.Prefix(), fmt.Sprintf(format, a...))
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		s.bgMu.Lock()
		pids := make([]int, 0, len(s.bg))
		for pid := range s.bg {
			pids = append(pids, pid)
		}
		s.bgMu.Unlock()
		slices.Sort(pids)
		for _, pid := range pids {
			s.waitPID(pid)
		}
		return 0
	}
	st := 0
	for _, a := range args {
		pid := 0
		if strings.HasPrefix(a, "%") {
			j, ok := s.findJob(a)
			if !ok {
				errf("%s: no such job", a)
				st = 127
				continue
			}
			pid = j.PID
		} else {
			n, err := strconv.Atoi(a)
			if err != nil || n <= 0 || strings.HasPrefix(a, "+") {
				errf("`%s': not a pid or valid job spec", a)
				st = 1
				continue
			}
			pid = n
		}
		if _, ok := s.jobStatus(pid); !ok {
			errf("pid %d is not a child of this shell", pid)
			st = 127
			continue
		}
		st = s.waitPID(pid)
	}
	return st
}

// waitPID lets background job pid finish and returns its status: a
// background sleep still in the process table ends when the virtual
// clock reaches its end.
func (s *Shell) waitPID(pid int) int {
	st, _ := s.jobStatus(pid)
	k := s.opts.Kernel
	if k.Procs == nil {
		return st
	}
	// A job a signal ended has bash's 128+N.
	for _, j := range k.Jobs(s.opts.TTY) {
		if j.PID != pid {
			continue
		}
		switch j.State {
		case "Terminated":
			st = 128 + 15
		case "Killed":
			st = 128 + 9
		default:
			continue
		}
		s.jobEnded(pid, st)
		return st
	}
	pr, alive := k.Procs.Get(pid)
	if !alive || pr.State == 'T' {
		return st
	}
	for _, j := range k.Jobs(s.opts.TTY) {
		if j.PID == pid && !j.Until.IsZero() {
			k.Clock.Advance(j.Until.Sub(k.Clock.Now()))
		}
	}
	k.Procs.Exit(pid)
	return st
}
