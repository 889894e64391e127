package bash

import (
	"fmt"
	"strings"
)

// setBuiltin is set: options, positional parameters, or the listing of
// variables and functions.
func (r *Runner) setBuiltin(args []string) int {
	args = args[1:]
	if len(args) == 0 {
		r.printSet(r.stdout())
		return 0
	}
	i := 0
	params := false
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			params = true
			break
		}
		if a == "-" {
			// set -: turns off -x and -v; the rest are parameters.
			r.opts.set[optXTrace], r.opts.set[optVerbose] = false, false
			i++
			params = true
			break
		}
		if len(a) < 2 || (a[0] != '-' && a[0] != '+') {
			params = true
			break
		}
		on := a[0] == '-'
		for j := 1; j < len(a); j++ {
			c := a[j]
			if c == 'o' {
				if i+1 >= len(args) || strings.HasPrefix(args[i+1], "-") || strings.HasPrefix(args[i+1], "+") {
					r.listSetOptions(r.stdout(), !on)
					continue
				}
				i++
				k := setOptionIndex(args[i])
				if k < 0 {
					r.builtinErr("set", "%s: invalid option name", args[i])
					return 1
				}
				r.setOpt(k, on)
				continue
			}
			k := setFlagIndex(c)
			if k < 0 || c == 'i' {
				r.builtinErr("set", "%c%c: invalid option", a[0], c)
				fmt.Fprintln(r.stderr(), "set: usage: set [--abefhkmnptuvxBCHP] [-o option] [arg ...]")
				return 2
			}
			r.setOpt(k, on)
		}
	}
	if params || i < len(args) {
		r.params = append([]string(nil), args[i:]...)
	}
	return 0
}

// getoptsBuiltin is getopts OPTSTRING NAME [ARGS]: bash's state is
// OPTIND and the place within the current argument.
func (r *Runner) getoptsBuiltin(args []string) int {
	if len(args) < 3 {
		r.builtinErr("getopts", "usage: getopts optstring name [arg]")
		return 2
	}
	optstring, name := args[1], args[2]
	list := r.params
	if len(args) > 3 {
		list = args[3:]
	}
	silent := strings.HasPrefix(optstring, ":")
	if silent {
		optstring = optstring[1:]
	}
	ind := 1
	if s := r.varString("OPTIND"); s != "" {
		fmt.Sscanf(s, "%d", &ind)
	}
	if ind < 1 {
		ind = 1
	}
	if ind != r.getoptsInd {
		r.getoptsChar = 0
	}
	setVar := func(v string) { r.assignString(name, v, r.pos) }
	end := func() int {
		setVar("?")
		r.getoptsInd = ind
		r.assignString("OPTIND", itoa(ind), r.pos)
		return 1
	}
	if ind > len(list) {
		return end()
	}
	arg := list[ind-1]
	if r.getoptsChar == 0 {
		if len(arg) < 2 || arg[0] != '-' {
			return end()
		}
		if arg == "--" {
			ind++
			return end()
		}
		r.getoptsChar = 1
	}
	c := arg[r.getoptsChar]
	r.getoptsChar++
	next := func() {
		if r.getoptsChar >= len(arg) {
			ind++
			r.getoptsChar = 0
		}
	}
	k := strings.IndexByte(optstring, c)
	if k < 0 || c == ':' {
		next()
		if silent {
			r.assignString("OPTARG", string(c), r.pos)
		} else {
			fmt.Fprintf(r.stderr(), "%s: illegal option -- %c\n", r.name, c)
			r.vars.unset("OPTARG")
		}
		setVar("?")
		r.getoptsInd = ind
		r.assignString("OPTIND", itoa(ind), r.pos)
		return 0
	}
	if k+1 < len(optstring) && optstring[k+1] == ':' {
		var val string
		if r.getoptsChar < len(arg) {
			val = arg[r.getoptsChar:]
			ind++
			r.getoptsChar = 0
		} else if ind < len(list) {
			val = list[ind]
			ind += 2
			r.getoptsChar = 0
		} else {
			ind++
			r.getoptsChar = 0
			if silent {
				setVar(":")
				r.assignString("OPTARG", string(c), r.pos)
			} else {
				fmt.Fprintf(r.stderr(), "%s: option requires an argument -- %c\n", r.name, c)
				setVar("?")
				r.vars.unset("OPTARG")
			}
			r.getoptsInd = ind
			r.assignString("OPTIND", itoa(ind), r.pos)
			return 0
		}
		r.assignString("OPTARG", val, r.pos)
	} else {
		next()
		r.vars.unset("OPTARG")
	}
	setVar(string(c))
	r.getoptsInd = ind
	r.assignString("OPTIND", itoa(ind), r.pos)
	return 0
}
