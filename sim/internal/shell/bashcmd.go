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

// bashMain is /bin/bash run as a program: -c COMMAND, a script file, or
// commands read from standard input.
func bashMain(p *cmds.Proc) int {
	name := p.Args[0]
	if len(p.Args) > 1 && p.Args[1] == "--version" {
		fmt.Fprintf(p.Stdout, "GNU bash, version %s (i686-redhat-linux-gnu)\nCopyright (C) 2005 Free Software Foundation, Inc.\n", p.Sys.Info().Bash)
		return 0
	}
	flags, command, args, st := bashOptions(p, name, p.Args[1:])
	if st >= 0 {
		return st
	}
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
		// An interactive bash in a bash is not simulated: it starts
		// and, with nothing to run, ends at once.
		script = name
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
	sh, err := New(Options{
		Kernel:   p.Sys,
		Environ:  p.Environ,
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
	return sh.Run(p.Ctx, src)
}

// bashOptions reads bash's options before its operands: single-letter set
// options (-x, -e, -v, -n, -u, +x …, clustered as in -xc), -o NAME, -c,
// and the invocation options that change nothing here (-l, -i, -s,
// --login, --norc, --noprofile, --posix, --rcfile FILE). It returns the
// set options for the shell, whether -c was given, the operands, and an
// exit status when bash must stop (-1 to go on).
func bashOptions(p *cmds.Proc, name string, args []string) (flags []string, command bool, rest []string, status int) {
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return flags, command, args[1:], -1
		case a == "--login", a == "--norc", a == "--noprofile", a == "--posix", a == "--noediting", a == "--verbose":
			if a == "--verbose" {
				flags = append(flags, "-v")
			}
			args = args[1:]
			continue
		case a == "--rcfile", a == "--init-file":
			if len(args) < 2 {
				fmt.Fprintf(p.Stderr, "%s: %s: option requires an argument\n", name, a)
				return nil, false, nil, 2
			}
			args = args[2:]
			continue
		case strings.HasPrefix(a, "--"):
			fmt.Fprintf(p.Stderr, "%s: %s: invalid option\n", name, a)
			fmt.Fprintf(p.Stderr, "Usage:\t%s [GNU long option] [option] ...\n\t%s [GNU long option] [option] script-file ...\n", name, name)
			return nil, false, nil, 2
		case len(a) < 2 || (a[0] != '-' && a[0] != '+'):
			return flags, command, args, -1
		}
		args = args[1:]
		for _, c := range a[1:] {
			switch {
			case c == 'c' && a[0] == '-':
				command = true
			case c == 'l' || c == 'i' || c == 's' || c == 'r' || c == 'D':
				// Invocation options: a login, interactive or restricted
				// shell reads the same commands here.
			case c == 'o':
				if len(args) == 0 {
					fmt.Fprintf(p.Stderr, "%s: %co: option requires an argument\n", name, a[0])
					return nil, false, nil, 2
				}
				flags = append(flags, string(a[0])+"o", args[0])
				args = args[1:]
			case strings.ContainsRune("xevnufaCbhkmBHPT", c):
				flags = append(flags, string(a[0])+string(c))
			default:
				fmt.Fprintf(p.Stderr, "%s: %c%c: invalid option\n", name, a[0], c)
				fmt.Fprintf(p.Stderr, "Usage:\t%s [GNU long option] [option] ...\n\t%s [GNU long option] [option] script-file ...\n", name, name)
				return nil, false, nil, 2
			}
		}
	}
	return flags, command, args, -1
}

// keyboardOf returns in if it is a console's keyboard (it can turn its
// echo off), else nil.
func keyboardOf(in io.Reader) io.Reader {
	if _, ok := in.(interface{ SetEcho(bool) }); ok {
		return in
	}
	return nil
}
