package bash

import (
	"fmt"
	"io"
	"strings"
)

// options are the shell's set -o options and shopt options.
type options struct {
	set   [len(setOptions)]bool
	shopt [len(shoptNames)]bool
}

// setOptions are bash 3.2's set -o options, in `set -o`'s order, with
// their letter for $- and set -X (0: none).
var setOptions = [...]struct {
	name string
	flag byte
}{
	{"allexport", 'a'}, {"braceexpand", 'B'}, {"emacs", 0}, {"errexit", 'e'},
	{"errtrace", 'E'}, {"functrace", 'T'}, {"hashall", 'h'}, {"histexpand", 'H'},
	{"history", 0}, {"ignoreeof", 0}, {"interactive-comments", 0}, {"keyword", 'k'},
	{"monitor", 'm'}, {"noclobber", 'C'}, {"noexec", 'n'}, {"noglob", 'f'},
	{"nolog", 0}, {"notify", 'b'}, {"nounset", 'u'}, {"onecmd", 't'},
	{"physical", 'P'}, {"pipefail", 0}, {"posix", 0}, {"privileged", 'p'},
	{"verbose", 'v'}, {"vi", 0}, {"xtrace", 'x'},
}

// Indexes of the set options the evaluator reads.
const (
	optAllExport   = 0
	optBraceExpand = 1
	optEmacs       = 2
	optErrExit     = 3
	optFuncTrace   = 5
	optHashAll     = 6
	optHistExpand  = 7
	optHistory     = 8
	optInterComm   = 10
	optMonitor     = 12
	optNoClobber   = 13
	optNoExec      = 14
	optNoGlob      = 15
	optNoUnset     = 18
	optPipeFail    = 21
	optPosix       = 22
	optVerbose     = 24
	optVi          = 25
	optXTrace      = 26
)

// flagOrder is the order of the letters of $- (bash's shell_flags).
const flagOrder = "abefhikmnprtuvxBCEHPT"

// shoptNames are bash 3.2's shopt options, in `shopt`'s order.
var shoptNames = [...]string{
	"cdable_vars", "cdspell", "checkhash", "checkwinsize", "cmdhist", "compat31",
	"dotglob", "execfail", "expand_aliases", "extdebug", "extglob", "extquote",
	"failglob", "force_fignore", "gnu_errfmt", "histappend", "histreedit",
	"histverify", "hostcomplete", "huponexit", "interactive_comments", "lithist",
	"login_shell", "mailwarn", "no_empty_cmd_completion", "nocaseglob",
	"nocasematch", "nullglob", "progcomp", "promptvars", "restricted_shell",
	"shift_verbose", "sourcepath", "xpg_echo",
}

// Indexes of the shopt options the evaluator reads.
const (
	shCmdHist       = 4
	shDotGlob       = 6
	shExpandAliases = 8
	shExtGlob       = 10
	shExtQuote      = 11
	shFailGlob      = 12
	shForceFignore  = 13
	shHostComplete  = 18
	shInterComments = 20
	shLoginShell    = 22
	shNoCaseGlob    = 25
	shNoCaseMatch   = 26
	shNullGlob      = 27
	shProgcomp      = 28
	shPromptVars    = 29
	shSourcePath    = 32
	shXpgEcho       = 33
)

func defaultOptions(interactive bool) options {
	var o options
	o.set[optBraceExpand] = true
	o.set[optHashAll] = true
	o.set[optInterComm] = true
	if interactive {
		o.set[optEmacs] = true
		o.set[optHistExpand] = true
		o.set[optHistory] = true
		o.set[optMonitor] = true
		o.shopt[shExpandAliases] = true
	}
	for _, i := range []int{shCmdHist, shExtQuote, shForceFignore, shHostComplete, shInterComments, shProgcomp, shPromptVars, shSourcePath} {
		o.shopt[i] = true
	}
	return o
}

func setOptionIndex(name string) int {
	for i, o := range setOptions {
		if o.name == name {
			return i
		}
	}
	return -1
}

func setFlagIndex(c byte) int {
	for i, o := range setOptions {
		if o.flag == c {
			return i
		}
	}
	return -1
}

func shoptIndex(name string) int {
	for i, n := range shoptNames {
		if n == name {
			return i
		}
	}
	return -1
}

// setFlags applies command-line options ("-x", "-o", "errexit", "+e").
func (r *Runner) setFlags(flags []string) {
	for i := 0; i < len(flags); i++ {
		f := flags[i]
		if len(f) < 2 || (f[0] != '-' && f[0] != '+') {
			continue
		}
		on := f[0] == '-'
		if f[1:] == "o" {
			if i+1 < len(flags) {
				i++
				if k := setOptionIndex(flags[i]); k >= 0 {
					r.setOpt(k, on)
				}
			}
			continue
		}
		for j := 1; j < len(f); j++ {
			if k := setFlagIndex(f[j]); k >= 0 {
				r.setOpt(k, on)
			}
		}
	}
}

func (r *Runner) setOpt(i int, on bool) {
	switch i {
	case optEmacs, optVi:
		r.opts.set[optEmacs], r.opts.set[optVi] = false, false
	}
	r.opts.set[i] = on
}

// Option reports whether a set -o option (by its long name) or shopt
// option is on.
func (r *Runner) Option(name string) bool {
	if i := setOptionIndex(name); i >= 0 {
		return r.opts.set[i]
	}
	if i := shoptIndex(name); i >= 0 {
		if i == shLoginShell {
			return strings.HasPrefix(r.name, "-")
		}
		return r.opts.shopt[i]
	}
	return false
}

// SetOption turns a set -o or shopt option on or off; it reports whether
// the name is an option.
func (r *Runner) SetOption(name string, on bool) bool {
	if i := setOptionIndex(name); i >= 0 {
		r.setOpt(i, on)
		return true
	}
	if i := shoptIndex(name); i >= 0 {
		r.opts.shopt[i] = on
		return true
	}
	return false
}

// dashFlags is $-.
func (r *Runner) dashFlags() string {
	var b strings.Builder
	for i := 0; i < len(flagOrder); i++ {
		c := flagOrder[i]
		if c == 'i' {
			if r.interactive {
				b.WriteByte('i')
			}
			continue
		}
		if k := setFlagIndex(c); k >= 0 && r.opts.set[k] {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// shellopts is $SHELLOPTS: the set -o options on, colon separated.
func (r *Runner) shellopts() string {
	var on []string
	for i, o := range setOptions {
		if r.opts.set[i] {
			on = append(on, o.name)
		}
	}
	return strings.Join(on, ":")
}

// listSetOptions prints `set -o` (plus false) or `set +o` (plus true).
func (r *Runner) listSetOptions(w io.Writer, plus bool) {
	for i, o := range setOptions {
		on := r.opts.set[i]
		if plus {
			sign := "+"
			if on {
				sign = "-"
			}
			fmt.Fprintf(w, "set %so %s\n", sign, o.name)
			continue
		}
		fmt.Fprintf(w, "%-15s\t%s\n", o.name, onOff(on))
	}
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// shoptBuiltin is bash 3.2's shopt: -s, -u, -q, -p, -o.
func (r *Runner) shoptBuiltin(args []string) int {
	var set, unset, quiet, print, useSet bool
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' {
			break
		}
		for _, c := range a[1:] {
			switch c {
			case 's':
				set = true
			case 'u':
				unset = true
			case 'q':
				quiet = true
			case 'p':
				print = true
			case 'o':
				useSet = true
			default:
				r.builtinErr("shopt", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "shopt: usage: shopt [-pqsu] [-o long-option] optname [optname...]")
				return 2
			}
		}
	}
	names := args[i:]
	if set && unset {
		r.builtinErr("shopt", "cannot set and unset shell options simultaneously")
		return 1
	}
	w := r.stdout()
	get := func(k int) bool {
		if useSet {
			return r.opts.set[k]
		}
		if k == shLoginShell {
			return strings.HasPrefix(r.name, "-")
		}
		return r.opts.shopt[k]
	}
	nameOf := func(k int) string {
		if useSet {
			return setOptions[k].name
		}
		return shoptNames[k]
	}
	index := func(n string) int {
		if useSet {
			return setOptionIndex(n)
		}
		return shoptIndex(n)
	}
	count := len(shoptNames)
	if useSet {
		count = len(setOptions)
	}
	show := func(k int) {
		if quiet {
			return
		}
		if print || useSet && (set || unset) {
			flag := "-u"
			if get(k) {
				flag = "-s"
			}
			if useSet {
				flag = "+o"
				if get(k) {
					flag = "-o"
				}
				fmt.Fprintf(w, "set %s %s\n", flag, nameOf(k))
				return
			}
			fmt.Fprintf(w, "shopt %s %s\n", flag, nameOf(k))
			return
		}
		if useSet {
			fmt.Fprintf(w, "%-15s\t%s\n", nameOf(k), onOff(get(k)))
			return
		}
		fmt.Fprintf(w, "%-15s\t%s\n", nameOf(k), onOff(get(k)))
	}
	if len(names) == 0 {
		if set || unset {
			for k := 0; k < count; k++ {
				if get(k) == set {
					show(k)
				}
			}
			return 0
		}
		for k := 0; k < count; k++ {
			show(k)
		}
		return 0
	}
	st := 0
	for _, n := range names {
		k := index(n)
		if k < 0 {
			if useSet {
				r.builtinErr("shopt", "%s: invalid option name", n)
			} else {
				r.builtinErr("shopt", "%s: invalid shell option name", n)
			}
			st = 1
			continue
		}
		switch {
		case set || unset:
			if useSet {
				r.setOpt(k, set)
			} else if k != shLoginShell {
				r.opts.shopt[k] = set
			}
		default:
			show(k)
			if !get(k) {
				st = 1
			}
		}
	}
	return st
}
