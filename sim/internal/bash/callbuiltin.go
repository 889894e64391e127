package bash

import (
	"errors"
	"io"
	"maps"
	"sort"
)

// ErrQuietFork is what a Fork hook returns when the run is already being
// stopped for a failed fork whose message was printed: the run stops
// without printing bash's "fork: " message again (the members of a
// pipeline fail at once, and bash reports a fork bomb once).
var ErrQuietFork = errors.New("fork: Resource temporarily unavailable")

// RunBuiltin runs one of the evaluator's own builtins (args[0] names it)
// for a Builtin hook that does part of a builtin's work itself: stdin,
// when not nil, replaces file descriptor 0 for it (read from a line the
// hook took from the keyboard). ok is false when args[0] is no builtin
// of the evaluator.
func (c *Call) RunBuiltin(args []string, stdin io.Reader) (status int, ok bool) {
	r := c.Runner
	fn, ok := builtins[args[0]]
	if !ok {
		return 0, false
	}
	saved := r.fds[0]
	if stdin != nil {
		r.fds[0] = &stream{r: stdin}
	}
	st := fn(r, args)
	r.fds[0] = saved
	return st, true
}

// VarNames lists the names of the shell's set string variables (not
// arrays), sorted, for a caller copying the shell.
func (r *Runner) VarNames() []string {
	var names []string
	r.vars.each(func(name string, v *variable) {
		if v.set && !v.isArray() {
			names = append(names, name)
		}
	})
	sort.Strings(names)
	return names
}

// CopyFuncs gives dst the functions of r (a cloned machine's shell).
func (r *Runner) CopyFuncs(dst *Runner) {
	dst.funcs = maps.Clone(r.funcs)
	dst.fshare = false
}

// Resume lets a shell that ran exit run more commands, as bash runs
// ~/.bash_logout after a login shell's exit.
func (r *Runner) Resume() { r.exited = false }
