package shell

import (
	"fmt"
	"io"
	"strings"

	"rclab/sim/internal/cmds"
)

func init() {
	for _, name := range []string{"bash", "sh"} {
		cmds.Register(cmds.Command{
			Name:    name,
			Dirs:    []string{"/bin"},
			Summary: "GNU Bourne-Again SHell",
			Usage:   name + " [-c COMMAND] [FILE [ARGUMENT]...]",
			Main:    bashMain,
		})
	}
}

// bashMain is /bin/bash run as a program: -c COMMAND, a script file,
// commands read from standard input, or, when that input is a console's
// keyboard, an interactive shell (interactive.go).
func bashMain(p *cmds.Proc) int {
	name := p.Args[0]
	if len(p.Args) > 1 && p.Args[1] == "--version" {
		fmt.Fprintf(p.Stdout, "GNU bash, version %s (i686-redhat-linux-gnu)\nCopyright (C) 2005 Free Software Foundation, Inc.\n", p.Sys.Info().Bash)
		return 0
	}
	inv, args, st := bashOptions(p, name, p.Args[1:])
	if st >= 0 {
		return st
	}
	flags, command := inv.flags, inv.command
	var src, script string
	kb := keyboardOf(p.Stdin)
	switch {
	case command:
		if len(args) < 1 {
			fmt.Fprintf(p.Stderr, "%s: -c: option requires an argument\n", name)
			return 2
		}
		src = args[0]
		script = name
		args = args[1:]
		if len(args) > 0 {
			script, args = args[0], args[1:]
		}
	case len(args) > 0:
		data, err := readAll(p.Sys, p.Abs(args[0]))
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %s: %s\n", name, args[0], cmds.Strerror(err))
			return 127
		}
		src, script, args = data, args[0], args[1:]
	case kb != nil:
		return runInteractive(p, inv, kb)
	default:
		data, err := io.ReadAll(p.Stdin)
		if err != nil {
			return 1
		}
		src, script = string(data), name
	}
	stdin := p.Stdin
	if kb != nil {
		stdin = nil // the keyboard is read by the shell's programs only
	}
	uid, gid := p.Cred()
	sh, err := New(Options{
		Vars:     credVars(uid, gid),
		Kernel:   p.Sys,
		Environ:  shellLevel(p.Environ),
		Dir:      p.Dir,
		Stdin:    stdin,
		Keyboard: kb,
		Stdout:   p.Stdout,
		Stderr:   p.Stderr,
		Name:     script,
		Params:   args,
		Flags:    flags,
		Umask:    p.Umask,
		StdinTty: p.StdinTty,
		PID:      p.PID,
		PPID:     p.PPID,
		TTY:      p.TTY,
		Procs:    procsFor(p),
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: rclab internal error: %v\n", name, err)
		return 1
	}
	if command {
		return sh.RunCommand(p.Ctx, src)
	}
	return sh.Run(p.Ctx, src)
}

// invocation is what bash's options ask of it.
type invocation struct {
	flags   []string // set options for the shell ("-x", "-o", "errexit")
	command bool     // -c
	// login is -l or --login (a name starting with "-" is a login too);
	// noProfile and noRC skip the startup files, rcFile replaces
	// ~/.bashrc. They matter to an interactive shell only.
	login, noProfile, noRC bool
	rcFile                 string
}

// bashOptions reads bash's options before its operands: single-letter set
// options (-x, -e, -v, -n, -u, +x …, clustered as in -xc), -o NAME, -c,
// and the invocation options (-l, --login, --norc, --noprofile, --rcfile
// FILE; -i, -s, -r, --posix change nothing here). It returns what they
// ask, the operands, and an exit status when bash must stop (-1 to go
// on).
func bashOptions(p *cmds.Proc, name string, args []string) (inv invocation, rest []string, status int) {
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return inv, args[1:], -1
		case a == "--login", a == "--norc", a == "--noprofile", a == "--posix", a == "--noediting", a == "--verbose":
			switch a {
			case "--verbose":
				inv.flags = append(inv.flags, "-v")
			case "--login":
				inv.login = true
			case "--norc":
				inv.noRC = true
			case "--noprofile":
				inv.noProfile = true
			}
			args = args[1:]
			continue
		case a == "--rcfile", a == "--init-file":
			if len(args) < 2 {
				fmt.Fprintf(p.Stderr, "%s: %s: option requires an argument\n", name, a)
				return invocation{}, nil, 2
			}
			inv.rcFile = args[1]
			args = args[2:]
			continue
		case strings.HasPrefix(a, "--"):
			fmt.Fprintf(p.Stderr, "%s: %s: invalid option\n", name, a)
			fmt.Fprintf(p.Stderr, "Usage:\t%s [GNU long option] [option] ...\n\t%s [GNU long option] [option] script-file ...\n", name, name)
			return invocation{}, nil, 2
		case len(a) < 2 || (a[0] != '-' && a[0] != '+'):
			return inv, args, -1
		}
		args = args[1:]
		for _, c := range a[1:] {
			switch {
			case c == 'c' && a[0] == '-':
				inv.command = true
			case c == 'l' && a[0] == '-':
				inv.login = true
			case c == 'l' || c == 'i' || c == 's' || c == 'r' || c == 'D':
				// Invocation options: an interactive or restricted shell
				// reads the same commands here.
			case c == 'o':
				if len(args) == 0 {
					fmt.Fprintf(p.Stderr, "%s: %co: option requires an argument\n", name, a[0])
					return invocation{}, nil, 2
				}
				inv.flags = append(inv.flags, string(a[0])+"o", args[0])
				args = args[1:]
			case strings.ContainsRune("xevnufaCbhkmBHPT", c):
				inv.flags = append(inv.flags, string(a[0])+string(c))
			default:
				fmt.Fprintf(p.Stderr, "%s: %c%c: invalid option\n", name, a[0], c)
				fmt.Fprintf(p.Stderr, "Usage:\t%s [GNU long option] [option] ...\n\t%s [GNU long option] [option] script-file ...\n", name, name)
				return invocation{}, nil, 2
			}
		}
	}
	return inv, args, -1
}

// keyboardOf returns in if it is a console's keyboard (it can turn its
// echo off), else nil.
func keyboardOf(in io.Reader) io.Reader {
	if _, ok := in.(interface{ SetEcho(bool) }); ok {
		return in
	}
	return nil
}
