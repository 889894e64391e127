package bash

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// builtinFunc is one of the evaluator's builtins: args[0] is its name.
type builtinFunc func(r *Runner, args []string) int

// builtins are the builtins of bash 3.2 the evaluator runs itself; the
// Builtin hook may take any of them first (cd's checks, type…).
var builtins map[string]builtinFunc

func init() {
	builtins = map[string]builtinFunc{
		":":        func(*Runner, []string) int { return 0 },
		"true":     func(*Runner, []string) int { return 0 },
		"false":    func(*Runner, []string) int { return 1 },
		"break":    (*Runner).breakBuiltin,
		"continue": (*Runner).breakBuiltin,
		"return":   (*Runner).returnBuiltin,
		"exit":     (*Runner).exitBuiltin,
		"logout":   (*Runner).logoutBuiltin,
		"eval":     (*Runner).evalBuiltin,
		"source":   (*Runner).sourceBuiltin,
		".":        (*Runner).sourceBuiltin,
		"exec":     (*Runner).execBuiltin,
		"export":   (*Runner).declareWords,
		"readonly": (*Runner).declareWords,
		"declare":  (*Runner).declareWords,
		"typeset":  (*Runner).declareWords,
		"local":    (*Runner).declareWords,
		"unset":    (*Runner).unsetBuiltin,
		"set":      (*Runner).setBuiltin,
		"shift":    (*Runner).shiftBuiltin,
		"shopt":    func(r *Runner, args []string) int { return r.shoptBuiltin(args[1:]) },
		"getopts":  (*Runner).getoptsBuiltin,
		"let":      (*Runner).letBuiltin,
		"echo":     (*Runner).echoCmd,
		"printf":   (*Runner).printfBuiltin,
		"test":     (*Runner).testBuiltin,
		"[":        (*Runner).testBuiltin,
		"pwd":      (*Runner).pwdBuiltin,
		"cd":       (*Runner).cdBuiltin,
		"read":     (*Runner).readBuiltin,
		"trap":     (*Runner).trapBuiltin,
		"wait":     func(*Runner, []string) int { return 0 },
		"type":     (*Runner).typeBuiltin,
		"command":  (*Runner).commandBuiltin,
		"builtin":  (*Runner).builtinBuiltin,
		"hash":     (*Runner).hashBuiltin,
		"times": func(r *Runner, _ []string) int {
			fmt.Fprint(r.stdout(), "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n")
			return 0
		},
		"caller":  (*Runner).callerBuiltin,
		"alias":   (*Runner).aliasBuiltin,
		"unalias": (*Runner).unaliasBuiltin,
		"pushd":   (*Runner).pushdBuiltin,
		"popd":    (*Runner).popdBuiltin,
		"dirs":    (*Runner).dirsBuiltin,
	}
	cmdTable = make(map[string]cmdEntry, len(builtins))
	for name, fn := range builtins {
		cmdTable[name] = cmdEntry{fn: fn, lend: lendArgs[name]}
	}
}

// bashBuiltins are the names bash 3.2 knows as builtins (for type and
// command -v), those the Builtin hook serves included.
var bashBuiltins = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`. : [ alias bg bind break builtin caller cd command compgen complete
		continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help
		history jobs kill let local logout popd printf pushd pwd read readonly return set shift shopt
		source suspend test times trap true type typeset ulimit umask unalias unset wait`) {
		m[n] = true
	}
	return m
}()

// IsBuiltin reports whether name is a bash 3.2 builtin.
func IsBuiltin(name string) bool { return bashBuiltins[name] }

// keywords are bash's reserved words, for type.
var keywords = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "fi": true, "case": true,
	"esac": true, "for": true, "select": true, "while": true, "until": true,
	"do": true, "done": true, "in": true, "function": true, "time": true,
	"{": true, "}": true, "!": true, "[[": true, "]]": true,
}

func (r *Runner) breakBuiltin(args []string) int {
	name := args[0]
	n := 1
	if len(args) > 1 {
		v, err := strconv.Atoi(strings.TrimSpace(args[1]))
		if err != nil {
			r.builtinErr(name, "%s: numeric argument required", args[1])
			return 1
		}
		if v < 1 {
			r.builtinErr(name, "%s: loop count out of range", args[1])
			return 1
		}
		n = v
	}
	if r.loops == 0 {
		r.builtinErr(name, "only meaningful in a `for', `while', or `until' loop")
		return 0
	}
	if n > r.loops {
		n = r.loops
	}
	r.flowN = n
	if name == "break" {
		r.flow = flowBreak
	} else {
		r.flow = flowContinue
	}
	return 0
}

func (r *Runner) returnBuiltin(args []string) int {
	if len(r.funcs_) == 0 && r.sourcing == 0 {
		r.builtinErr("return", "can only `return' from a function or sourced script")
		return 1
	}
	st := r.status
	if len(args) > 1 {
		n, ok := parseStatus(args[1])
		if !ok {
			r.builtinErr("return", "%s: numeric argument required", args[1])
			n = 255
		}
		st = n
	}
	r.flow = flowReturn
	return st & 0xff
}

// parseStatus reads an exit status argument (a decimal, maybe signed).
func parseStatus(s string) (int, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, false
	}
	return int(n & 0xff), true
}

func (r *Runner) exitBuiltin(args []string) int {
	st := r.status
	if len(args) > 1 {
		n, ok := parseStatus(args[1])
		if !ok {
			r.builtinErr("exit", "%s: numeric argument required", args[1])
			n = 255
		}
		st = n
	}
	r.status = st
	r.runExitTrap()
	r.status = st
	if r.flow != flowStop {
		r.flow = flowExit
	}
	return st
}

func (r *Runner) logoutBuiltin(args []string) int {
	if !r.cfg.Interactive || !strings.HasPrefix(r.name, "-") {
		r.builtinErr("logout", "not login shell: use `exit'")
		return 1
	}
	return r.exitBuiltin(args)
}

func (r *Runner) execBuiltin(args []string) int {
	args = args[1:]
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && len(args[0]) > 1 {
		if args[0] == "--" {
			args = args[1:]
			break
		}
		// -c, -l, -a NAME: accepted.
		if args[0] == "-a" && len(args) > 1 {
			args = args[1:]
		}
		args = args[1:]
	}
	if len(args) == 0 {
		return 0
	}
	if _, ok := r.lookPath(args[0]); !ok {
		// The file cannot be run: bash says so and an interactive shell
		// lives on (a script exits, as execfail is off).
		st := 127
		if strings.Contains(args[0], "/") {
			r.runProgram(r.newCall(args, nil)) // its message: No such file…
			st = r.status
		} else {
			r.builtinErr("exec", "%s: not found", args[0])
		}
		if !r.interactive && r.flow != flowStop {
			r.flow = flowExit
		}
		return st
	}
	c := r.newCall(args, nil)
	r.runProgram(c)
	st := r.status
	if r.flow != flowStop {
		r.flow = flowExit
	}
	return st
}

func (r *Runner) shiftBuiltin(args []string) int {
	n := 1
	if len(args) > 1 {
		v, err := strconv.Atoi(args[1])
		if err != nil {
			r.builtinErr("shift", "%s: numeric argument required", args[1])
			return 1
		}
		if v < 0 {
			r.builtinErr("shift", "%s: shift count out of range", args[1])
			return 1
		}
		n = v
	}
	if n > len(r.params) {
		return 1
	}
	r.params = r.params[n:]
	return 0
}

func (r *Runner) letBuiltin(args []string) int {
	if len(args) < 2 {
		r.builtinErr("let", "expression expected")
		return 1
	}
	var v int64
	for _, a := range args[1:] {
		ev := arithEval{r: r}
		v = ev.str(a)
		if ev.err != nil {
			if ev.err.msg != "" {
				r.arithReport("let", ev.text, ev.err)
			}
			return 1
		}
	}
	if v == 0 {
		return 1
	}
	return 0
}

func (r *Runner) printfBuiltin(args []string) int {
	name, _, assign := parsePrintfV(args[1:])
	out, st, errs := printfBuiltin(args[1:])
	for _, e := range errs {
		if e == printfUsage {
			fmt.Fprintln(r.stderr(), e)
			continue
		}
		fmt.Fprintf(r.stderr(), "%s%s\n", r.prefix(r.pos), e)
	}
	if assign {
		if !r.assignString(name, out, r.pos) {
			return 1
		}
		return st
	}
	if out != "" {
		if _, err := io.WriteString(r.stdout(), out); err != nil {
			r.builtinErr("printf", "write error: %s", errText(err))
			return 1
		}
	}
	return st
}

func (r *Runner) testBuiltin(args []string) int {
	st, msg := classicTest(tester{r}, args[0], args[1:])
	if msg != "" {
		fmt.Fprintf(r.stderr(), "%s%s\n", r.prefix(r.pos), msg)
	}
	return st
}

func (r *Runner) pwdBuiltin(args []string) int {
	for _, a := range args[1:] {
		if a == "-L" || a == "-P" {
			continue
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			r.builtinErr("pwd", "%s: invalid option", a[:2])
			fmt.Fprintln(r.stderr(), "pwd: usage: pwd [-LP]")
			return 2
		}
		break
	}
	fmt.Fprintln(r.stdout(), r.dir)
	return 0
}

// cdBuiltin is bash's cd without the machine's permission checks (the
// Builtin hook adds them): -L, -P, HOME, OLDPWD for -, CDPATH.
func (r *Runner) cdBuiltin(args []string) int {
	rest := args[1:]
	for len(rest) > 0 && len(rest[0]) > 1 && rest[0][0] == '-' {
		opt := rest[0]
		rest = rest[1:]
		if opt == "--" {
			break
		}
		for _, c := range opt[1:] {
			if c != 'L' && c != 'P' {
				r.builtinErr("cd", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "cd: usage: cd [-L|-P] [dir]")
				return 2
			}
		}
	}
	var dir string
	show := false
	switch {
	case len(rest) == 0:
		h := r.lookupVar("HOME")
		if h == nil || !h.set {
			r.builtinErr("cd", "HOME not set")
			return 1
		}
		dir = h.str()
	case rest[0] == "-":
		o := r.lookupVar("OLDPWD")
		if o == nil || !o.set {
			r.builtinErr("cd", "OLDPWD not set")
			return 1
		}
		dir, show = o.str(), true
	default:
		dir = rest[0]
	}
	target := r.dir
	if dir != "" {
		target = r.abs(dir)
		if !strings.HasPrefix(dir, "/") && !strings.HasPrefix(dir, ".") {
			for _, cd := range strings.Split(r.varString("CDPATH"), ":") {
				if cd == "" {
					continue
				}
				p := path.Join(r.abs(cd), dir)
				if m, ok := r.statMode(p, true); ok && m.IsDir() {
					target, show = p, true
					break
				}
			}
		}
	}
	fi, err := r.statPath(target, true)
	if err != nil {
		r.builtinErr("cd", "%s: %s", dir, errText(err))
		return 1
	}
	if !fi.IsDir() {
		r.builtinErr("cd", "%s: Not a directory", dir)
		return 1
	}
	r.Chdir(target)
	if show {
		fmt.Fprintln(r.stdout(), target)
	}
	return 0
}

func (r *Runner) hashBuiltin(args []string) int {
	if len(args) == 1 {
		r.builtinErr("hash", "hash table empty")
	}
	return 0
}

// echoCmd is echo, its line built in the runner's scratch buffer
// (checked out while the write runs).
func (r *Runner) echoCmd(args []string) int {
	buf := r.echoBuf
	r.echoBuf = nil
	st, buf := echoInto(r.stdout(), args[1:], buf)
	if cap(buf) <= 4096 {
		r.echoBuf = buf[:0]
	}
	return st
}

func (r *Runner) callerBuiltin(args []string) int {
	if len(r.funcs_) == 0 {
		return 1
	}
	fmt.Fprintf(r.stdout(), "%d %s\n", r.pos.Line(), "main")
	return 0
}

// tester is the FileTester of a runner: the hooks, with names made
// absolute against the working directory.
type tester struct{ r *Runner }

func (t tester) Stat(name string, follow bool) (fs.FileInfo, error) {
	return t.r.statPath(name, follow)
}

func (t tester) StatMode(name string, follow bool) (fs.FileMode, bool) {
	return t.r.statMode(name, follow)
}

func (t tester) Access(name string, mode uint32) error {
	if t.r.cfg.Access != nil {
		return t.r.cfg.Access(t.r.ctx, t.r.abs(name), mode)
	}
	fi, err := t.r.statPath(name, true)
	if err != nil {
		return err
	}
	perm := uint32(fi.Mode().Perm())
	if (perm>>6)&mode != mode && !(mode == 1 && fi.IsDir()) {
		return fs.ErrPermission
	}
	return nil
}

func (t tester) IsTerminal(fd int) bool {
	if t.r.cfg.IsTerminal == nil || fd < 0 || fd > 9 || t.r.fds[fd] == nil {
		return false
	}
	s := t.r.fds[fd]
	if s.w != nil {
		return t.r.cfg.IsTerminal(s.w)
	}
	return t.r.cfg.IsTerminal(s.r)
}

func (t tester) Owner() (int, int) {
	if t.r.cfg.Owner != nil {
		return t.r.cfg.Owner()
	}
	return 0, 0
}

func (t tester) OptionSet(name string) bool {
	if i := setOptionIndex(name); i >= 0 {
		return t.r.opts.set[i]
	}
	return false
}

func (t tester) FileOwner(fi fs.FileInfo) (int, int, bool) {
	if t.r.cfg.FileOwner != nil {
		return t.r.cfg.FileOwner(fi)
	}
	return 0, 0, false
}
