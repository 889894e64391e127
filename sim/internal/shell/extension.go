package shell

import (
	"rclab/sim/internal/cmds"
)

// Extension is what the machine adds to the programs a Procs runs, beyond
// the command table: programs of rclab's outer layers, and programs the
// user may not run. The zero value adds and refuses nothing.
type Extension struct {
	// Program finds a program outside the command table by the name its
	// file carries (after ProgramMagic); nil finds none.
	Program func(name string) (*cmds.Command, bool)
	// Denied reports whether the file at abs, which holds program prog
	// ("" for a script), may not be run from a terminal session; nil
	// denies nothing. What init runs without a terminal (rc, the halt
	// script running /sbin/reboot) is never refused.
	Denied func(abs, prog string) bool
}

// SetExtension sets the programs p adds and refuses (see Extension).
func (p *Procs) SetExtension(x Extension) { p.ext = x }

// lookup finds a program by the name its file carries: the command
// table, then the extension's programs.
func (p *Procs) lookup(prog string) (*cmds.Command, bool) {
	if c, ok := cmds.Lookup(prog); ok {
		return c, true
	}
	if p.ext.Program != nil {
		return p.ext.Program(prog)
	}
	return nil, false
}

// denied reports whether e may not run the file at abs (program prog).
func (p *Procs) denied(e Exec, abs, prog string) bool {
	return e.TTY != "" && p.ext.Denied != nil && p.ext.Denied(abs, prog)
}

// extKey carries the running program's Procs extension in its context, so
// a shell it starts (bash -c) runs programs the same way.
type extKey struct{}

// procsFor is a program runner for a shell that program p starts: fresh,
// with the extension of the runner that started p.
func procsFor(p *cmds.Proc) *Procs {
	pr := NewProcs(p.Sys)
	if p.Ctx != nil {
		if x, ok := p.Ctx.Value(extKey{}).(Extension); ok {
			pr.ext = x
		}
	}
	return pr
}
