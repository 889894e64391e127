package bash

import (
	"fmt"
	"strconv"
	"strings"
)

// pushd, popd and dirs keep a stack of directories, the working
// directory on top (bash's DIRSTACK).

func (r *Runner) tildeDir(d string) string {
	home := r.varString("HOME")
	if home != "" && (d == home || strings.HasPrefix(d, home+"/")) {
		return "~" + d[len(home):]
	}
	return d
}

func (r *Runner) dirsBuiltin(args []string) int {
	long, perLine, numbered := false, false, false
	for _, a := range args[1:] {
		switch a {
		case "-c":
			r.dirs = nil
			return 0
		case "-l":
			long = true
		case "-p":
			perLine = true
		case "-v":
			perLine, numbered = true, true
		default:
			r.builtinErr("dirs", "%s: invalid option", a)
			fmt.Fprintln(r.stderr(), "dirs: usage: dirs [-clpv] [+N] [-N]")
			return 2
		}
	}
	stack := append([]string{r.dir}, r.dirs...)
	var parts []string
	for i, d := range stack {
		if !long {
			d = r.tildeDir(d)
		}
		if numbered {
			d = fmt.Sprintf("%2d  %s", i, d)
		}
		parts = append(parts, d)
	}
	sep := " "
	if perLine {
		sep = "\n"
	}
	fmt.Fprintln(r.stdout(), strings.Join(parts, sep))
	return 0
}

func (r *Runner) pushdBuiltin(args []string) int {
	if len(args) < 2 {
		if len(r.dirs) == 0 {
			r.builtinErr("pushd", "no other directory")
			return 1
		}
		top := r.dirs[0]
		if st := r.cdBuiltin([]string{"cd", top}); st != 0 {
			return st
		}
		r.dirs = append([]string{r.varString("OLDPWD")}, r.dirs[1:]...)
		return r.dirsBuiltin([]string{"dirs"})
	}
	arg := args[1]
	if strings.HasPrefix(arg, "+") || (strings.HasPrefix(arg, "-") && len(arg) > 1) {
		n, err := strconv.Atoi(arg[1:])
		stack := append([]string{r.dir}, r.dirs...)
		if err != nil || n >= len(stack) {
			r.builtinErr("pushd", "%s: directory stack index out of range", arg)
			return 1
		}
		if arg[0] == '-' {
			n = len(stack) - 1 - n
		}
		rot := append(append([]string(nil), stack[n:]...), stack[:n]...)
		if st := r.cdBuiltin([]string{"cd", rot[0]}); st != 0 {
			return st
		}
		r.dirs = rot[1:]
		return r.dirsBuiltin([]string{"dirs"})
	}
	old := r.dir
	if st := r.cdBuiltin([]string{"cd", arg}); st != 0 {
		return st
	}
	r.dirs = append([]string{old}, r.dirs...)
	return r.dirsBuiltin([]string{"dirs"})
}

func (r *Runner) popdBuiltin(args []string) int {
	if len(r.dirs) == 0 {
		r.builtinErr("popd", "directory stack empty")
		return 1
	}
	if len(args) > 1 {
		arg := args[1]
		n, err := strconv.Atoi(strings.TrimLeft(arg, "+-"))
		stack := append([]string{r.dir}, r.dirs...)
		if err != nil || n >= len(stack) {
			r.builtinErr("popd", "%s: directory stack index out of range", arg)
			return 1
		}
		if arg[0] == '-' {
			n = len(stack) - 1 - n
		}
		if n == 0 {
			if st := r.cdBuiltin([]string{"cd", r.dirs[0]}); st != 0 {
				return st
			}
			r.dirs = append([]string(nil), r.dirs[1:]...)
		} else {
			r.dirs = append(append([]string(nil), r.dirs[:n-1]...), r.dirs[n:]...)
		}
		return r.dirsBuiltin([]string{"dirs"})
	}
	if st := r.cdBuiltin([]string{"cd", r.dirs[0]}); st != 0 {
		return st
	}
	r.dirs = append([]string(nil), r.dirs[1:]...)
	return r.dirsBuiltin([]string{"dirs"})
}
