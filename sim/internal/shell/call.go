package shell

import (
	"context"
	"fmt"
	"strings"
	"syscall"

	"rclab/sim/internal/bash"
	"rclab/sim/internal/cmds"
)

// ownBuiltins are bash builtins the evaluator leaves to the machine.
var ownBuiltins = map[string]bool{
	"kill": true, "jobs": true, "umask": true, "ulimit": true, "history": true,
	"fg": true, "bg": true, "disown": true, "suspend": true, "fc": true,
	"bind": true, "enable": true, "compgen": true, "complete": true,
	"compopt": true, "newgrp": true, "help": true, "wait": true,
}

// hookBuiltins are the names the Builtin hook serves.
var hookBuiltins = func() *bash.CommandNames {
	names := []string{"cd", "pwd", "read", "logout", "shopt"}
	for n := range ownBuiltins {
		names = append(names, n)
	}
	return bash.HookNames(names...)
}()

// builtin is the evaluator's Builtin hook: the builtins whose work
// reaches the machine (its users' permissions, its process table, its
// keyboard); ok false leaves a command to the evaluator.
func (s *Shell) builtin(ctx context.Context, c *bash.Call) (int, bool) {
	name := c.Args[0]
	switch name {
	case "cd":
		return s.cd(c), true
	case "pwd":
		if len(c.Args) > 1 && c.Args[1] == "-P" {
			p, err := s.opts.Kernel.FS.EvalSymlinks(c.Dir)
			if err != nil {
				fmt.Fprintf(c.Stderr, "%spwd: %s\n", c.Prefix(), errText{err})
				return 1, true
			}
			fmt.Fprintln(c.Stdout, p)
			return 0, true
		}
		return 0, false
	case "read":
		return s.readKeyboard(ctx, c)
	case "logout":
		if !s.opts.Interactive || s.noLogin {
			fmt.Fprintf(c.Stderr, "%slogout: not login shell: use `exit'\n", c.Prefix())
			return 1, true
		}
		return c.RunBuiltin(append([]string{"exit"}, c.Args[1:]...), nil)
	case "shopt":
		// login_shell answers as a login shell would.
		if len(c.Args) == 3 && c.Args[1] == "-q" && c.Args[2] == "login_shell" {
			if strings.HasPrefix(s.opts.Name, "-") {
				return 0, true
			}
			return 1, true
		}
		return 0, false
	}
	if !ownBuiltins[name] {
		return 0, false
	}
	if name == "help" {
		// bash's help builtin; rclab's also lists the machine's programs.
		h := *c
		h.Args = append([]string{"/usr/libexec/rclab/help"}, c.Args[1:]...)
		return s.exec(ctx, &h), true
	}
	return s.ownBuiltin(ctx, c, name, c.Args[1:]), true
}

// cd does what bash 3.2's cd does, with the kernel's errors for the
// directory as the shell's user sees them: -L and -P, HOME for no
// operand, OLDPWD for "-" (printed when the change succeeds), extra
// operands ignored.
func (s *Shell) cd(c *bash.Call) int {
	fail := func(msg string) int {
		fmt.Fprintf(c.Stderr, "%scd: %s\n", c.Prefix(), msg)
		return 1
	}
	rest := c.Args[1:]
	physical := false
	for len(rest) > 0 && len(rest[0]) > 1 && rest[0][0] == '-' {
		opt := rest[0]
		rest = rest[1:]
		if opt == "--" {
			break
		}
		for _, ch := range opt[1:] {
			switch ch {
			case 'L':
				physical = false
			case 'P':
				physical = true
			default:
				fail("-" + string(ch) + ": invalid option")
				fmt.Fprintf(c.Stderr, "cd: usage: cd [-L|-P] [dir]\n")
				return 1
			}
		}
	}
	r := c.Runner
	var dir string
	show := false
	switch {
	case len(rest) == 0:
		home, ok := r.Var("HOME")
		if !ok {
			return fail("HOME not set")
		}
		dir = home
	case rest[0] == "-":
		old, ok := r.Var("OLDPWD")
		if !ok {
			return fail("OLDPWD not set")
		}
		dir, show = old, true
	default:
		dir = rest[0]
	}
	abs := c.Dir // an empty name stays where it is, as bash does
	if dir != "" {
		abs = absJoin(c.Dir, dir)
	}
	if err := s.chdirError(abs); err != nil {
		return fail(dir + ": " + errText{err}.Error())
	}
	if physical {
		if p, err := s.opts.Kernel.FS.EvalSymlinks(abs); err == nil {
			abs = p
		}
	}
	if show {
		fmt.Fprintln(c.Stdout, dir)
	}
	r.Chdir(abs)
	return 0
}

// chdirError is the error chdir(2) gives the shell's user for abs: a
// directory on the way the user may not search, a missing name, a file
// that is no directory, a directory the user may not search itself.
func (s *Shell) chdirError(abs string) error {
	fsys := s.opts.Kernel.FS
	uid, gid := s.cred()
	if err := cmds.CheckPath(fsys, "chdir", abs, uid, gid); err != nil {
		return err
	}
	fi, err := fsys.Stat(abs)
	switch {
	case err != nil:
		return err
	case !fi.IsDir():
		return syscall.ENOTDIR
	case !cmds.MayAccess(fi, uid, gid, 1):
		return syscall.EACCES
	}
	return nil
}
