package bash

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/syntax"
)

// parse parses a sourced file or eval text through the Parse hook.
func (r *Runner) parse(name, src string) (*syntax.File, error) {
	if r.cfg.Parse != nil {
		return r.cfg.Parse(name, src)
	}
	return syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
}

// syntaxError reports a parse error of src as bash does.
func (r *Runner) syntaxError(prefix, src string, err error) {
	fmt.Fprint(r.stderr(), SyntaxMessage(prefix, src, err))
}

// SyntaxMessage words a parse error of src as bash does, after prefix:
// "syntax error near unexpected token `fi'" or "syntax error: unexpected
// end of file".
func SyntaxMessage(prefix, src string, err error) string {
	var pe syntax.ParseError
	if !errors.As(err, &pe) {
		return prefix + err.Error() + "\n"
	}
	if pe.Incomplete {
		return prefix + "syntax error: unexpected end of file\n"
	}
	tok := tokenAt(src, pe.Pos)
	if tok == "" {
		return prefix + "syntax error: unexpected end of file\n"
	}
	return fmt.Sprintf("%ssyntax error near unexpected token `%s'\n", prefix, tok)
}

// tokenAt is the shell token starting at pos in src.
func tokenAt(src string, pos syntax.Pos) string {
	off := int(pos.Offset())
	if off < 0 || off >= len(src) {
		return ""
	}
	rest := src[off:]
	for _, op := range []string{";;", "&&", "||", ">>", "<<", "(", ")", ";", "&", "|", "<", ">", "{", "}"} {
		if strings.HasPrefix(rest, op) {
			return op
		}
	}
	end := strings.IndexAny(rest, " \t\n;&|()<>")
	if end < 0 {
		end = len(rest)
	}
	if end == 0 {
		return rest[:1]
	}
	return rest[:end]
}

// evalBuiltin is eval: its words joined by spaces, parsed and run one
// level deeper for xtrace.
func (r *Runner) evalBuiltin(args []string) int {
	src := strings.Join(args[1:], " ")
	if strings.TrimSpace(src) == "" {
		return 0
	}
	f, err := r.parse("", src)
	if err != nil {
		r.syntaxError(r.prefix(r.pos)+"eval: ", src, err)
		return 2
	}
	return r.runNested(f.Stmts, false)
}

// runNested runs parsed statements in the shell, one xtrace level down:
// eval's and source's bodies.
func (r *Runner) runNested(stmts []*syntax.Stmt, sourced bool) int {
	r.level++
	if sourced {
		r.sourcing++
	}
	pos := r.pos
	r.status = 0
	r.stmtList(stmts, true)
	if sourced {
		r.sourcing--
		if r.flow == flowReturn {
			r.flow = flowNone
		}
	}
	r.level--
	r.pos = pos
	return r.status
}

// sourceBuiltin is . and source: the file is found on PATH when its name
// has no slash, read through the Open hook and parsed through Parse.
func (r *Runner) sourceBuiltin(args []string) int {
	if len(args) < 2 {
		r.builtinErr(args[0], "filename argument required")
		fmt.Fprintf(r.stderr(), "%s: usage: %s filename [arguments]\n", args[0], args[0])
		return 2
	}
	name := args[1]
	file := name
	if !strings.Contains(name, "/") && r.opts.shopt[shSourcePath] {
		for _, dir := range strings.Split(r.varString("PATH"), ":") {
			if dir == "" {
				dir = "."
			}
			p := r.abs(dir + "/" + name)
			if fi, err := r.statPath(p, true); err == nil && fi.Mode().IsRegular() {
				file = p
				break
			}
		}
	}
	var f *syntax.File
	var src string
	var err error
	if r.cfg.Source != nil {
		abs := r.abs(file)
		if fi, serr := r.statPath(abs, true); serr == nil && fi.IsDir() {
			err = syscall.EISDIR
		} else {
			f, src, err = r.cfg.Source(r.ctx, abs, name)
		}
		var pe syntax.ParseError
		if err != nil && !errors.As(err, &pe) {
			r.errf("%s: %s", name, errText(err))
			return 1
		}
	} else {
		src, err = r.readFile(file)
		if err != nil {
			r.errf("%s: %s", name, errText(err))
			return 1
		}
		f, err = r.parse(name, src)
	}
	if err != nil {
		r.syntaxError(name+": line "+strconv.Itoa(int(lineOf(err)))+": ", src, err)
		return 1
	}
	params := r.params
	if len(args) > 2 {
		r.params = args[2:]
	}
	st := r.runNested(f.Stmts, true)
	if len(args) > 2 {
		r.params = params
	}
	return st
}

func lineOf(err error) uint {
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		return pe.Pos.Line()
	}
	return 0
}

// readFile reads a whole file through the Open hook.
func (r *Runner) readFile(name string) (string, error) {
	if r.cfg.Open == nil {
		return "", syscall.ENOENT
	}
	abs := r.abs(name)
	if fi, err := r.statPath(abs, true); err == nil && fi.IsDir() {
		return "", syscall.EISDIR
	}
	f, err := r.cfg.Open(r.ctx, abs, syscall.O_RDONLY, 0)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return string(b), err
}

// signals are the signal names trap knows, by number (bash 3.2 on Linux).
var signals = []string{
	"EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
	"SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
	"TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
}

// sigName resolves a trap signal argument: a name with or without SIG,
// a number, ERR, DEBUG or EXIT.
func sigName(s string) (string, bool) {
	u := strings.ToUpper(s)
	u = strings.TrimPrefix(u, "SIG")
	switch u {
	case "ERR", "DEBUG", "RETURN", "EXIT":
		return u, true
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 0 && n < len(signals) {
			return signals[n], true
		}
		return "", false
	}
	for _, n := range signals {
		if n == u {
			return n, true
		}
	}
	return "", false
}

func trapDisplay(sig string) string {
	switch sig {
	case "EXIT", "ERR", "DEBUG", "RETURN":
		return sig
	}
	return "SIG" + sig
}

// trapBuiltin is trap: set, reset (-), ignore (""), list (-p or none),
// -l. Only EXIT and ERR ever run; the machine sends no signals to shells.
func (r *Runner) trapBuiltin(args []string) int {
	args = args[1:]
	list := false
	if len(args) > 0 && args[0] == "-l" {
		var b strings.Builder
		for i := 1; i < len(signals); i++ {
			fmt.Fprintf(&b, "%2d) SIG%s", i, signals[i])
			if i%4 == 0 {
				b.WriteByte('\n')
			} else {
				b.WriteByte('\t')
			}
		}
		fmt.Fprintln(r.stdout(), strings.TrimRight(b.String(), "\t\n"))
		return 0
	}
	if len(args) > 0 && args[0] == "-p" {
		list = true
		args = args[1:]
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if list || len(args) == 0 {
		names := args
		if len(names) == 0 {
			for sig := range r.traps {
				names = append(names, sig)
			}
			sort.Slice(names, func(i, j int) bool { return sigOrder(names[i]) < sigOrder(names[j]) })
		}
		for _, n := range names {
			sig, ok := sigName(n)
			if !ok {
				continue
			}
			if cmd, ok := r.traps[sig]; ok {
				fmt.Fprintf(r.stdout(), "trap -- %s %s\n", singleQuote(cmd), trapDisplay(sig))
			}
		}
		return 0
	}
	action := args[0]
	sigs := args[1:]
	reset := action == "-"
	if len(sigs) == 0 {
		// trap SIG: reset it.
		sigs, reset = args, true
	} else if _, err := strconv.Atoi(action); err == nil {
		// trap N…: every operand is a signal to reset.
		sigs, reset = args, true
	}
	st := 0
	for _, s := range sigs {
		sig, ok := sigName(s)
		if !ok {
			r.builtinErr("trap", "%s: invalid signal specification", s)
			st = 1
			continue
		}
		if r.tshare {
			m := make(map[string]string, len(r.traps)+1)
			for k, v := range r.traps {
				m[k] = v
			}
			r.traps, r.tshare = m, false
		}
		if reset {
			delete(r.traps, sig)
		} else {
			r.traps[sig] = action
		}
	}
	return st
}

func sigOrder(sig string) int {
	for i, n := range signals {
		if n == sig {
			return i
		}
	}
	return 100 + len(sig)
}

// singleQuote quotes s in single quotes.
func singleQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// evalTrap runs a trap's command text.
func (r *Runner) evalTrap(cmd string) {
	f, err := r.parse("", cmd)
	if err != nil {
		r.syntaxError(r.prefix(r.pos), cmd, err)
		return
	}
	in := r.inTrap
	r.inTrap = true
	r.stmtList(f.Stmts, true)
	r.inTrap = in
}

// Traps lists the traps set, by signal name (EXIT, ERR, INT…).
func (r *Runner) Traps() map[string]string {
	out := make(map[string]string, len(r.traps))
	for k, v := range r.traps {
		out[k] = v
	}
	return out
}
