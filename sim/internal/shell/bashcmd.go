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
	args := p.Args[1:]
	name := p.Args[0]
	var src, script string
	switch {
	case len(args) > 0 && args[0] == "--version":
		fmt.Fprintf(p.Stdout, "GNU bash, version %s (i686-redhat-linux-gnu)\nCopyright (C) 2005 Free Software Foundation, Inc.\n", p.Sys.Info().Bash)
		return 0
	case len(args) > 0 && args[0] == "-c":
		if len(args) < 2 {
			fmt.Fprintf(p.Stderr, "%s: -c: option requires an argument\n", name)
			return 2
		}
		src = args[1]
		script = name
		args = args[2:]
		if len(args) > 0 {
			script, args = args[0], args[1:]
		}
	case len(args) > 0 && !strings.HasPrefix(args[0], "-"):
		data, err := readAll(p.Sys, p.Abs(args[0]))
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %s: %s\n", name, args[0], cmds.Strerror(err))
			return 127
		}
		src, script, args = data, args[0], args[1:]
	default:
		data, err := io.ReadAll(p.Stdin)
		if err != nil {
			return 1
		}
		src, script = string(data), name
	}
	sh, err := New(Options{
		Kernel:   p.Sys,
		Environ:  p.Environ,
		Dir:      p.Dir,
		Stdin:    p.Stdin,
		Stdout:   p.Stdout,
		Stderr:   p.Stderr,
		Name:     script,
		Params:   args,
		Umask:    p.Umask,
		StdinTty: p.StdinTty,
		PID:      p.PID,
		PPID:     p.PPID,
		TTY:      p.TTY,
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: rclab internal error: %v\n", name, err)
		return 1
	}
	return sh.Run(p.Ctx, src)
}
