package shell

import (
	"context"
	"fmt"
	"time"

	"rclab/sim/internal/bash"
	"rclab/sim/internal/proc"
)

// startShellJob is the fork of a job that is no single program ({ …; } &,
// ( … ) &, a function or a builtin run with &): the forked shell is the
// job's process, a bash with the shell's own arguments, as ps shows it on
// a real system. An interactive shell announces it ([1] PID) and keeps it
// in the job table. The job then runs to its end at once, as every job
// does in rclab (its output never depends on scheduling).
func (s *Shell) startShellJob(ctx context.Context, f *bash.Fork) error {
	t := s.opts.Kernel.Procs
	if t == nil {
		return nil
	}
	if err := budgetOf(ctx).fork(t.Limit() - t.Len()); err != nil {
		return err
	}
	parent := s.parentOf(f.Runner)
	uid, gid := s.procs.credOf(parent)
	self, _ := t.Get(s.opts.PID)
	args, exe := self.Args, self.Exe
	if len(args) == 0 {
		args, exe = []string{s.opts.Name}, "/bin/bash"
	}
	pid, err := t.Spawn(proc.Process{
		PPID: parent, UID: uid, GID: gid, TTY: s.opts.TTY, State: 'R',
		Comm: "bash", Args: args, Exe: exe, Start: s.opts.Kernel.Clock.Now(), VSZ: 4988, RSS: 1100,
	})
	if err != nil {
		budgetOf(ctx).unfork()
		return err
	}
	f.PID = pid
	if lvl, _ := f.Runner.Var("BASH_SUBSHELL"); s.opts.Interactive && s.opts.TTY != "" && lvl == "0" {
		// Only the interactive shell itself has job control; its
		// subshells start their jobs silently.
		job := s.opts.Kernel.AddJob(s.opts.TTY, pid, jobText(f.Stmt))
		fmt.Fprintf(s.term, "[%d] %d\n", job, pid)
	}
	return nil
}

// endShellJob ends the process of a job startShellJob began: it leaves
// the table, its status is kept for wait, and the job is done.
func (s *Shell) endShellJob(ctx context.Context, f *bash.Fork) {
	if f.PID == 0 {
		return
	}
	budgetOf(ctx).unfork()
	s.opts.Kernel.Procs.Exit(f.PID)
	s.jobEnded(f.PID, f.Status)
	state := "Done"
	if f.Status != 0 {
		state = fmt.Sprintf("Exit %d", f.Status)
	}
	s.opts.Kernel.SetJobState(f.PID, state, time.Time{})
}

// parentOf is the process whose children r's programs are: the forked
// bash of the job r runs in, or the shell itself.
func (s *Shell) parentOf(r *bash.Runner) int {
	if r != nil {
		if pid := r.ProcessPID(); pid != 0 {
			return pid
		}
	}
	return s.opts.PID
}
