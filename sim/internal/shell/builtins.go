package shell

import (
	"context"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// keywords are bash's reserved words, for type.
var keywords = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "fi": true, "case": true,
	"esac": true, "for": true, "select": true, "while": true, "until": true,
	"do": true, "done": true, "in": true, "function": true, "time": true,
	"{": true, "}": true, "!": true, "[[": true, "]]": true,
}

// builtin runs one of rclab's own builtins (see ownBuiltins).
func (s *Shell) builtin(ctx context.Context, hc interp.HandlerContext, name string, args []string) int {
	errf := func(format string, a ...any) {
		fmt.Fprintf(hc.Stderr, "%s%s: %s\n", s.prefix(hc.Pos), name, fmt.Sprintf(format, a...))
	}
	switch name {
	case "type":
		return s.typeBuiltin(hc, args)
	case "command":
		return s.commandV(hc, args)
	case "pwd_P":
		p, err := s.opts.Kernel.FS.EvalSymlinks(hc.Dir)
		if err != nil {
			fmt.Fprintf(hc.Stderr, "%spwd: %s\n", s.prefix(hc.Pos), errText{err})
			return 1
		}
		fmt.Fprintln(hc.Stdout, p)
	case "alias":
		st := 0
		names := args
		if len(names) == 0 {
			names = s.aliasNames()
		}
		for _, n := range names {
			v, ok := s.alias(n)
			if !ok {
				errf("%s: not found", n)
				st = 1
				continue
			}
			fmt.Fprintf(hc.Stdout, "alias %s='%s'\n", n, v)
		}
		return st
	case "umask":
		return s.umaskBuiltin(hc, args, errf)
	case "ulimit":
		return s.ulimitBuiltin(hc, args, errf)
	case "history":
		for i, h := range s.History() {
			fmt.Fprintf(hc.Stdout, "%5d  %s\n", i+1, h)
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
			fmt.Fprintln(hc.Stdout, j.Listed(mark))
		}
	case "disown":
	case "fg", "bg":
		return s.foreground(ctx, hc, name, args, errf)
	case "suspend":
		errf("cannot suspend a login shell")
		return 1
	case "hash":
		if len(args) == 0 {
			fmt.Fprintf(hc.Stderr, "%shash: hash table empty\n", s.prefix(hc.Pos))
		}
	case "times":
		fmt.Fprint(hc.Stdout, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n")
	case "kill":
		c, ok := cmds.Lookup("kill")
		if !ok {
			errf("not available yet")
			return 1
		}
		return s.procs.runProgram(ctx, c, Exec{
			Argv: append([]string{"kill"}, args...), Dir: hc.Dir, Environ: exportedOf(hc.Env),
			Stdin: hc.Stdin, Stdout: hc.Stdout, Stderr: hc.Stderr, Term: s.term, Umask: s.Umask(),
			PPID: s.opts.PID, TTY: s.opts.TTY, Builtin: true,
		}, s.opts.PID)
	case "caller":
		return 1
	case "status":
		n, _ := strconv.Atoi(args[0])
		return n
	case "random":
		fmt.Fprintln(hc.Stdout, s.opts.Kernel.Rand.IntN(32768))
	default: // bind, enable, compgen, complete, compopt, newgrp, fc: no-ops
	}
	return 0
}

func (s *Shell) umaskBuiltin(hc interp.HandlerContext, args []string, errf func(string, ...any)) int {
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
				for i, c := range "rwx" {
					if m&(fs.FileMode(4>>i)<<shift) == 0 {
						b.WriteRune(c)
					}
				}
				return b.String()
			}
			fmt.Fprintf(hc.Stdout, "u=%s,g=%s,o=%s\n", perm(6), perm(3), perm(0))
		} else {
			fmt.Fprintf(hc.Stdout, "%04o\n", uint32(m))
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

// kind classifies a name as bash's type does.
func (s *Shell) kind(hc interp.HandlerContext, name string) (kind, detail string) {
	if v, ok := s.alias(name); ok {
		return "alias", v
	}
	if keywords[name] {
		return "keyword", ""
	}
	if _, ok := s.r.Funcs[name]; ok {
		return "function", ""
	}
	if interp.IsBuiltin(name) || ownBuiltins[name] {
		return "builtin", ""
	}
	if p, _, st := s.procs.LookPath(name, hc.Dir, envGet(hc.Env, "PATH")); st == 0 {
		return "file", p
	}
	return "", ""
}

func (s *Shell) typeBuiltin(hc interp.HandlerContext, args []string) int {
	short, pathOnly := false, false
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && len(args[0]) > 1 {
		for _, c := range args[0][1:] {
			switch c {
			case 't':
				short = true
			case 'p', 'P':
				pathOnly = true
			case 'a', 'f':
			default:
				fmt.Fprintf(hc.Stderr, "%stype: -%c: invalid option\n", s.prefix(hc.Pos), c)
				fmt.Fprintf(hc.Stderr, "type: usage: type [-afptP] name [name ...]\n")
				return 2
			}
		}
		args = args[1:]
	}
	st := 0
	for _, name := range args {
		k, detail := s.kind(hc, name)
		switch {
		case k == "":
			if !short && !pathOnly {
				fmt.Fprintf(hc.Stderr, "%stype: %s: not found\n", s.prefix(hc.Pos), name)
			}
			st = 1
		case pathOnly:
			if k == "file" {
				fmt.Fprintln(hc.Stdout, detail)
			}
		case short:
			fmt.Fprintln(hc.Stdout, k)
		case k == "alias":
			fmt.Fprintf(hc.Stdout, "%s is aliased to `%s'\n", name, detail)
		case k == "keyword":
			fmt.Fprintf(hc.Stdout, "%s is a shell keyword\n", name)
		case k == "builtin":
			fmt.Fprintf(hc.Stdout, "%s is a shell builtin\n", name)
		case k == "function":
			fmt.Fprintf(hc.Stdout, "%s is a function\n", name)
			printFunc(hc, name, s.r.Funcs[name])
		default:
			fmt.Fprintf(hc.Stdout, "%s is %s\n", name, detail)
		}
	}
	return st
}

func printFunc(hc interp.HandlerContext, name string, body *syntax.Stmt) {
	var b strings.Builder
	syntax.NewPrinter(syntax.Indent(4)).Print(&b, printable(body))
	fmt.Fprintf(hc.Stdout, "%s () \n%s\n", name, strings.TrimRight(b.String(), "\n"))
}

// commandV is command -v / -V.
func (s *Shell) commandV(hc interp.HandlerContext, args []string) int {
	verbose := args[0] == "-V"
	st := 0
	for _, name := range args[1:] {
		k, detail := s.kind(hc, name)
		switch {
		case k == "":
			if verbose {
				fmt.Fprintf(hc.Stderr, "%scommand: %s: not found\n", s.prefix(hc.Pos), name)
			}
			st = 1
		case verbose:
			s.typeBuiltin(hc, []string{name})
		case k == "alias":
			fmt.Fprintf(hc.Stdout, "alias %s='%s'\n", name, detail)
		case k == "file":
			fmt.Fprintln(hc.Stdout, detail)
		default:
			fmt.Fprintln(hc.Stdout, name)
		}
	}
	return st
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
func (s *Shell) foreground(ctx context.Context, hc interp.HandlerContext, name string, args []string, errf func(string, ...any)) int {
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
		fmt.Fprintf(hc.Stdout, "[%d]+ %s &\n", j.ID, j.Cmd)
		return 0
	}
	fmt.Fprintln(hc.Stdout, j.Cmd)
	k := s.opts.Kernel
	pr, alive := k.Procs.Get(j.PID)
	if !alive {
		return 0
	}
	st := 0
	if r, ok := pr.Data.(cmds.Resumer); ok {
		k.Procs.Update(j.PID, func(p *proc.Process) { p.State, p.Foreground = 'S', true })
		st = r.Resume(&cmds.Proc{Ctx: ctx, Args: strings.Fields(j.Cmd), Dir: hc.Dir, Environ: exportedOf(hc.Env),
			Stdin: strings.NewReader(""), Stdout: hc.Stdout, Stderr: hc.Stderr, Sys: k,
			PID: j.PID, PPID: s.opts.PID, TTY: s.opts.TTY, Tty: hc.Stdout == s.term, StdinTty: s.opts.StdinTty})
	}
	k.Procs.Exit(j.PID)
	k.JobNotices(s.opts.TTY) // a job brought to the foreground is not reported as done
	return st
}
