package shell

import (
	"context"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"rclab/sim/internal/bash"
	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// ownBuiltin runs one of the builtins the machine serves (see
// ownBuiltins).
func (s *Shell) ownBuiltin(ctx context.Context, c *bash.Call, name string, args []string) int {
	errf := func(format string, a ...any) {
		fmt.Fprintf(c.Stderr, "%s%s: %s\n", c.Prefix(), name, fmt.Sprintf(format, a...))
	}
	switch name {
	case "umask":
		return s.umaskBuiltin(c, args, errf)
	case "ulimit":
		return s.ulimitBuiltin(c, args, errf)
	case "history":
		for i, h := range s.History() {
			fmt.Fprintf(c.Stdout, "%5d  %s\n", i+1, h)
		}
	case "jobs":
		jobs := s.opts.Kernel.Jobs(s.opts.TTY)
		for i, j := range jobs {
			mark := ' '
			switch i {
			case len(jobs) - 1:
				mark = '+'
			case len(jobs) - 2:
				mark = '-'
			}
			fmt.Fprintln(c.Stdout, j.Listed(mark))
		}
	case "disown":
	case "wait":
		return s.waitBuiltin(c, args)
	case "fg", "bg":
		return s.foreground(ctx, c, name, args, errf)
	case "suspend":
		errf("cannot suspend a login shell")
		return 1
	case "kill":
		prog, ok := cmds.Lookup("kill")
		if !ok {
			errf("not available yet")
			return 1
		}
		return s.procs.runProgram(ctx, prog, Exec{
			Argv: append([]string{"kill"}, args...), Dir: c.Dir, Environ: c.Environ(),
			Stdin: c.Stdin, Stdout: c.Stdout, Stderr: c.Stderr, Term: s.term, Umask: s.Umask(),
			PPID: s.opts.PID, TTY: s.opts.TTY, Builtin: true,
		}, s.opts.PID)
	default: // bind, enable, compgen, complete, compopt, newgrp, fc: no-ops
	}
	return 0
}

func (s *Shell) umaskBuiltin(c *bash.Call, args []string, errf func(string, ...any)) int {
	symbolic := false
	if len(args) > 0 && args[0] == "-S" {
		symbolic = true
		args = args[1:]
	}
	if len(args) == 0 {
		m := s.Umask()
		if symbolic {
			perm := func(shift uint) string {
				var b strings.Builder
				for i, ch := range "rwx" {
					if m&(fs.FileMode(4>>i)<<shift) == 0 {
						b.WriteRune(ch)
					}
				}
				return b.String()
			}
			fmt.Fprintf(c.Stdout, "u=%s,g=%s,o=%s\n", perm(6), perm(3), perm(0))
		} else {
			fmt.Fprintf(c.Stdout, "%04o\n", uint32(m))
		}
		return 0
	}
	n, err := strconv.ParseUint(args[0], 8, 32)
	if err != nil || n > 0o777 {
		errf("%s: octal number out of range", args[0])
		return 1
	}
	s.umask.Store(uint32(n))
	return 0
}

const ulimitAll = `core file size          (blocks, -c) 0
data seg size           (kbytes, -d) unlimited
max nice                        (-e) 0
file size               (blocks, -f) unlimited
pending signals                 (-i) 4095
max locked memory       (kbytes, -l) 32
max memory size         (kbytes, -m) unlimited
open files                      (-n) 1024
pipe size            (512 bytes, -p) 8
POSIX message queues     (bytes, -q) 819200
max rt priority                 (-r) 0
stack size              (kbytes, -s) 10240
cpu time               (seconds, -t) unlimited
max user processes              (-u) 4095
virtual memory          (kbytes, -v) unlimited
file locks                      (-x) unlimited
`

// findJob resolves a jobspec (%N, %+, %%, none) of the shell's terminal.
func (s *Shell) findJob(spec string) (kernel.Job, bool) {
	jobs := s.opts.Kernel.Jobs(s.opts.TTY)
	if len(jobs) == 0 {
		return kernel.Job{}, false
	}
	if spec == "" || spec == "%" || spec == "%%" || spec == "%+" {
		return jobs[len(jobs)-1], true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(spec, "%"))
	if err != nil {
		return kernel.Job{}, false
	}
	for _, j := range jobs {
		if j.ID == n {
			return j, true
		}
	}
	return kernel.Job{}, false
}

// foreground is fg and bg: a stopped client continues at the terminal.
func (s *Shell) foreground(ctx context.Context, c *bash.Call, name string, args []string, errf func(string, ...any)) int {
	spec := ""
	if len(args) > 0 {
		spec = args[0]
	}
	j, ok := s.findJob(spec)
	if !ok {
		if spec == "" {
			spec = "current"
		}
		errf("%s: no such job", spec)
		return 1
	}
	if name == "bg" {
		fmt.Fprintf(c.Stdout, "[%d]+ %s &\n", j.ID, j.Cmd)
		return 0
	}
	fmt.Fprintln(c.Stdout, j.Cmd)
	k := s.opts.Kernel
	pr, alive := k.Procs.Get(j.PID)
	if !alive {
		return 0
	}
	st := 0
	if r, ok := pr.Data.(cmds.Resumer); ok {
		k.Procs.Update(j.PID, func(p *proc.Process) { p.State, p.Foreground = 'S', true })
		st = r.Resume(&cmds.Proc{Ctx: ctx, Args: strings.Fields(j.Cmd), Dir: c.Dir, Environ: c.Environ(),
			Stdin: strings.NewReader(""), Stdout: c.Stdout, Stderr: c.Stderr, Sys: k,
			PID: j.PID, PPID: s.opts.PID, TTY: s.opts.TTY, Tty: c.Stdout == s.term, StdinTty: s.opts.StdinTty})
	}
	k.Procs.Exit(j.PID)
	k.JobNotices(s.opts.TTY) // a job brought to the foreground is not reported as done
	return st
}
