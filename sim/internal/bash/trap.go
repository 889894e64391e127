package bash

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// This file is trap and what makes traps run: EXIT (runner.go), ERR
// (exec.go), DEBUG before each simple command, RETURN after a function
// or a sourced file, and signals the caller delivers (Signal) or an
// interrupted line (RunSignalTrap).

// signals are the names of signals 0-31 trap knows, by number (bash 3.2
// on Linux); 32 and 33 are glibc's, 34-64 the real-time signals.
var signals = []string{
	"EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
	"SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
	"TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
}

// The real-time signals and the number of signals (NSIG).
const (
	sigRTMin = 34
	sigRTMax = 64
	nsig     = 65
)

// sigNameOf is signal n's name without SIG ("INT", "RTMIN+3"), "" for
// the numbers bash does not name (32, 33).
func sigNameOf(n int) string {
	switch {
	case n >= 0 && n < len(signals):
		return signals[n]
	case n == sigRTMin:
		return "RTMIN"
	case n == sigRTMax:
		return "RTMAX"
	case n > sigRTMin && n <= sigRTMin+15:
		return "RTMIN+" + strconv.Itoa(n-sigRTMin)
	case n > sigRTMin+15 && n < sigRTMax:
		return "RTMAX-" + strconv.Itoa(sigRTMax-n)
	}
	return ""
}

// sigNumber is the number of a signal name without SIG, -1 for the
// pseudo-signals and unknown names.
func sigNumber(name string) int {
	for n := 0; n < nsig; n++ {
		if sigNameOf(n) == name {
			return n
		}
	}
	return -1
}

// sigName resolves a trap signal argument: a name with or without SIG,
// in any case, a number, ERR, DEBUG, RETURN or EXIT.
func sigName(s string) (string, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		name := sigNameOf(n)
		return name, name != ""
	}
	u := strings.TrimPrefix(strings.ToUpper(s), "SIG")
	switch u {
	case "ERR", "DEBUG", "RETURN", "EXIT":
		return u, true
	}
	if sigNumber(u) >= 0 {
		return u, true
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

// sigOrder sorts trap -p's lines as bash does: by signal number, then
// DEBUG, ERR and RETURN.
func sigOrder(sig string) int {
	switch sig {
	case "DEBUG":
		return nsig
	case "ERR":
		return nsig + 1
	case "RETURN":
		return nsig + 2
	}
	return sigNumber(sig)
}

// SignalList is trap -l's and kill -l's table of bash 3.2 on Linux: four
// signals a line, each "%2d) SIGNAME" followed by a tab, the last of a
// line by a newline.
func SignalList() string {
	var b strings.Builder
	col := 0
	for n := 1; n < nsig; n++ {
		name := sigNameOf(n)
		if name == "" {
			continue
		}
		fmt.Fprintf(&b, "%2d) SIG%s", n, name)
		if col++; col < 4 {
			b.WriteByte('\t')
		} else {
			b.WriteByte('\n')
			col = 0
		}
	}
	if col != 0 {
		b.WriteByte('\n')
	}
	return b.String()
}

// trapBuiltin is trap: set, reset (-), ignore (""), list (-p or none),
// -l.
func (r *Runner) trapBuiltin(args []string) int {
	args = args[1:]
	list := false
	for len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' && args[0] != "-" {
		a := args[0]
		if a == "--" {
			args = args[1:]
			break
		}
		for _, c := range a[1:] {
			switch c {
			case 'l':
				fmt.Fprint(r.stdout(), SignalList())
				return 0
			case 'p':
				list = true
			default:
				r.builtinErr("trap", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "trap: usage: trap [-lp] [arg signal_spec ...]")
				return 2
			}
		}
		args = args[1:]
	}
	if list || len(args) == 0 {
		return r.listTraps(args)
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
		if reset {
			delete(r.traps, sig)
		} else {
			if r.traps == nil {
				r.traps = make(map[string]string, 4)
			}
			r.traps[sig] = action
		}
	}
	r.debug = r.traps["DEBUG"] != ""
	return st
}

// listTraps is trap -p [SIG…]: "trap -- 'cmd' SIGINT" per trap set.
func (r *Runner) listTraps(names []string) int {
	st := 0
	if len(names) == 0 {
		for sig := range r.traps {
			names = append(names, sig)
		}
		sort.Slice(names, func(i, j int) bool { return sigOrder(names[i]) < sigOrder(names[j]) })
	}
	for _, n := range names {
		sig, ok := sigName(n)
		if !ok {
			r.builtinErr("trap", "%s: invalid signal specification", n)
			st = 1
			continue
		}
		if cmd, ok := r.traps[sig]; ok {
			fmt.Fprintf(r.stdout(), "trap -- %s %s\n", singleQuote(cmd), trapDisplay(sig))
		}
	}
	return st
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
	pos := r.pos
	r.stmtList(f.Stmts, true)
	r.pos = pos
	r.inTrap = in
}

// runTrap runs the trap of sig, if one is set, keeping $? unless the
// trap ends the shell.
func (r *Runner) runTrap(sig string) bool {
	cmd := r.traps[sig]
	if cmd == "" || r.inTrap {
		return false
	}
	st := r.status
	r.evalTrap(cmd)
	if r.flow == flowNone {
		r.status = st
	}
	return true
}

// debugTrap runs the DEBUG trap before simple command st, as bash 3.2
// does (not inside a trap, nor in a function unless set -T), with
// $BASH_COMMAND the command as written.
func (r *Runner) debugTrap(st *syntax.Stmt) {
	if r.inTrap || r.flow != flowNone {
		return
	}
	r.assignString("BASH_COMMAND", traceCmd(st), r.pos)
	r.runTrap("DEBUG")
}

// Traps lists the traps set, by signal name (EXIT, ERR, INT…).
func (r *Runner) Traps() map[string]string {
	out := make(map[string]string, len(r.traps))
	for k, v := range r.traps {
		out[k] = v
	}
	return out
}

// Signal delivers signal n (1-64) to the shell's process, as kill does;
// the caller runs it in the shell's goroutine or while the shell is
// blocked in a command. A trapped signal is queued: its trap runs before
// the next command. handled is false when the signal takes its default
// action; fatal then says that action ends the process, and the shell
// ends before its next command with status 128+n, running its EXIT
// trap, as bash does when a signal kills it.
func (r *Runner) Signal(n int, fatal bool) (handled bool) {
	name := sigNameOf(n)
	if n <= 0 || name == "" {
		return false
	}
	cmd, ok := r.traps[name]
	switch {
	case ok && cmd == "":
		return true
	case ok:
		r.pending.Or(1 << uint(n))
		return true
	case fatal:
		r.pending.Or(1<<uint(n) | 1)
	}
	return false
}

// takeSignals runs the traps of the signals delivered since the last
// command; a fatal one ends the shell.
func (r *Runner) takeSignals() {
	bits := r.pending.Swap(0)
	for n := 1; n < nsig; n++ {
		if bits&(1<<uint(n)) == 0 {
			continue
		}
		if bits&1 != 0 && r.traps[sigNameOf(n)] == "" {
			if _, ignored := r.traps[sigNameOf(n)]; ignored {
				continue
			}
			r.status = 128 + n
			r.flow = flowNone
			r.runExitTrap()
			if r.flow != flowStop {
				r.status = 128 + n
				r.flow = flowExit
			}
			return
		}
		r.runTrap(sigNameOf(n))
		if r.flow != flowNone {
			return
		}
	}
}

// RunSignalTrap runs the trap of signal n now, as bash does when the
// signal arrives while it waits for a command (Ctrl-C's SIGINT): ran
// reports whether a trap ran, ignored whether the signal is ignored
// (trap ” SIG).
func (r *Runner) RunSignalTrap(ctx context.Context, n int) (ran, ignored bool) {
	name := sigNameOf(n)
	cmd, ok := r.traps[name]
	if !ok || name == "" || r.exited {
		return false, false
	}
	if cmd == "" {
		return false, true
	}
	r.ctx = ctx
	r.done = ctx.Done()
	fl := r.flow
	r.flow = flowNone
	r.runTrap(name)
	if r.flow == flowNone {
		r.flow = fl
	}
	r.finishRun()
	return true, false
}

// funcTraps clears the DEBUG and RETURN traps for a function's body, as
// bash does unless set -T (functrace) is on, and returns what to restore.
func (r *Runner) funcTraps() (saved [2]*string) {
	if len(r.traps) == 0 || r.opts.set[optFuncTrace] {
		return saved
	}
	for i, sig := range [2]string{"DEBUG", "RETURN"} {
		if cmd, ok := r.traps[sig]; ok {
			saved[i] = &cmd
			delete(r.traps, sig)
		}
	}
	r.debug = false
	return saved
}

// endFunc runs the RETURN trap a function's body set (or, with set -T,
// the one it inherited), then restores the traps funcTraps cleared.
func (r *Runner) endFunc(saved [2]*string) {
	if len(r.traps) == 0 && saved == [2]*string{} {
		return
	}
	r.returnTrap()
	for i, sig := range [2]string{"DEBUG", "RETURN"} {
		if saved[i] != nil {
			r.traps[sig] = *saved[i]
		}
	}
	r.debug = r.traps["DEBUG"] != ""
}

// returnTrap runs the RETURN trap after a function or sourced file.
func (r *Runner) returnTrap() {
	if _, ok := r.traps["RETURN"]; !ok || r.flow == flowExit || r.flow == flowStop {
		return
	}
	fl := r.flow
	r.flow = flowNone
	r.runTrap("RETURN")
	if r.flow == flowNone {
		r.flow = fl
	}
}

// traceCmd is a statement as $BASH_COMMAND shows it.
func traceCmd(st *syntax.Stmt) string {
	var b strings.Builder
	if err := syntax.NewPrinter(syntax.SingleLine(true)).Print(&b, st); err != nil {
		return ""
	}
	return strings.TrimSpace(b.String())
}
