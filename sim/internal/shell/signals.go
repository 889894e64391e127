package shell

import (
	"context"
	"errors"

	"rclab/sim/internal/proc"
)

// This file is how signals reach a shell's traps. kill(1) and the
// machine's other senders deliver to the process table; a script's
// process hands what it receives to its shell, which runs the trap
// before its next command, ignores a signal trapped with '', and
// otherwise ends as the signal's default action says. Ctrl-C cancels
// the running line instead (it reaches every process of the foreground
// job at once): the INT trap runs once the line has stopped.

// trapSignals makes process pid answer signals through script shell sh.
func (p *Procs) trapSignals(pid int, sh *Shell) {
	if pid == 0 || p.k.Procs == nil {
		return
	}
	p.k.Procs.Update(pid, func(x *proc.Process) {
		x.OnSignal = func(sig proc.Signal) bool {
			return sh.r.Signal(int(sig), proc.DefaultAction(sig) == proc.ActTerminate)
		}
	})
}

// userInterrupt reports whether ctx ended by Ctrl-C, not by the line's
// budget or its host-time limit.
func userInterrupt(ctx context.Context) bool {
	if ctx.Err() == nil {
		return false
	}
	if b := budgetOf(ctx); b != nil && (b.over.Load() || b.forkOver.Load()) {
		return false
	}
	return !errors.Is(context.Cause(ctx), context.DeadlineExceeded)
}

// interruptTraps runs the INT trap of a shell whose line Ctrl-C stopped;
// a script then ends, running its EXIT trap.
func (s *Shell) interruptTraps(ctx context.Context, script bool) {
	if !userInterrupt(ctx) {
		return
	}
	calm := context.WithoutCancel(ctx)
	s.r.RunSignalTrap(calm, int(proc.SIGINT))
	if script {
		s.r.RunExitTrap(calm)
	}
}
