package proc

import (
	"strconv"
	"strings"
)

// Signal is a signal number as Linux on i386 numbers them.
type Signal int

// The signals of Linux on i386. Numbers 34 to 64 are the real-time range
// (SIGRTMIN to SIGRTMAX as glibc reserves 32 and 33).
const (
	SIGHUP    Signal = 1
	SIGINT    Signal = 2
	SIGQUIT   Signal = 3
	SIGILL    Signal = 4
	SIGTRAP   Signal = 5
	SIGABRT   Signal = 6
	SIGBUS    Signal = 7
	SIGFPE    Signal = 8
	SIGKILL   Signal = 9
	SIGUSR1   Signal = 10
	SIGSEGV   Signal = 11
	SIGUSR2   Signal = 12
	SIGPIPE   Signal = 13
	SIGALRM   Signal = 14
	SIGTERM   Signal = 15
	SIGSTKFLT Signal = 16
	SIGCHLD   Signal = 17
	SIGCONT   Signal = 18
	SIGSTOP   Signal = 19
	SIGTSTP   Signal = 20
	SIGTTIN   Signal = 21
	SIGTTOU   Signal = 22
	SIGURG    Signal = 23
	SIGXCPU   Signal = 24
	SIGXFSZ   Signal = 25
	SIGVTALRM Signal = 26
	SIGPROF   Signal = 27
	SIGWINCH  Signal = 28
	SIGIO     Signal = 29
	SIGPWR    Signal = 30
	SIGSYS    Signal = 31
	SIGRTMIN  Signal = 34
	SIGRTMAX  Signal = 64
)

// NSIG is one more than the highest signal number, as glibc defines it.
const NSIG = 65

var sigNames = [...]string{
	1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS", 8: "FPE",
	9: "KILL", 10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE", 14: "ALRM", 15: "TERM",
	16: "STKFLT", 17: "CHLD", 18: "CONT", 19: "STOP", 20: "TSTP", 21: "TTIN", 22: "TTOU",
	23: "URG", 24: "XCPU", 25: "XFSZ", 26: "VTALRM", 27: "PROF", 28: "WINCH", 29: "IO",
	30: "PWR", 31: "SYS",
}

// aliases are the other names glibc, procps and psmisc accept.
var sigAliases = map[string]Signal{
	"IOT": SIGABRT, "CLD": SIGCHLD, "POLL": SIGIO, "UNUSED": SIGSYS,
}

// Name is the signal's name without the SIG prefix: "HUP", "RTMIN+3".
// Numbers without a name (0, 32, 33, out of range) are given as decimal.
func (s Signal) Name() string {
	switch {
	case s >= 1 && s <= 31:
		return sigNames[s]
	case s == SIGRTMIN:
		return "RTMIN"
	case s == SIGRTMAX:
		return "RTMAX"
	case s > SIGRTMIN && s <= SIGRTMIN+15:
		return "RTMIN+" + strconv.Itoa(int(s-SIGRTMIN))
	case s > SIGRTMIN+15 && s < SIGRTMAX:
		return "RTMAX-" + strconv.Itoa(int(SIGRTMAX-s))
	}
	return strconv.Itoa(int(s))
}

// String is the name with the SIG prefix, as in "SIGHUP".
func (s Signal) String() string {
	n := s.Name()
	if n[0] >= '0' && n[0] <= '9' {
		return "signal " + n
	}
	return "SIG" + n
}

// Valid reports whether s is a signal kill(2) accepts (0 through 64).
func (s Signal) Valid() bool { return s >= 0 && s < NSIG }

// Named reports whether s has a name (1-31 and the real-time range).
func (s Signal) Named() bool { return (s >= 1 && s <= 31) || (s >= SIGRTMIN && s <= SIGRTMAX) }

// SignalByName parses a signal given by name or number, with or without
// the SIG prefix, in any case: "HUP", "SIGHUP", "hup", "1", "RTMIN+2".
// It accepts 0 (the null signal) and every number below NSIG.
func SignalByName(s string) (Signal, bool) {
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n >= NSIG {
			return 0, false
		}
		return Signal(n), true
	}
	u := strings.ToUpper(s)
	u = strings.TrimPrefix(u, "SIG")
	for i := 1; i <= 31; i++ {
		if sigNames[i] == u {
			return Signal(i), true
		}
	}
	if sig, ok := sigAliases[u]; ok {
		return sig, true
	}
	switch {
	case u == "RTMIN":
		return SIGRTMIN, true
	case u == "RTMAX":
		return SIGRTMAX, true
	case len(u) > 6 && strings.HasPrefix(u, "RTMIN+") && u[6] >= '0' && u[6] <= '9':
		n, err := strconv.Atoi(u[6:])
		if err == nil && SIGRTMIN+Signal(n) <= SIGRTMAX {
			return SIGRTMIN + Signal(n), true
		}
	case len(u) > 6 && strings.HasPrefix(u, "RTMAX-") && u[6] >= '0' && u[6] <= '9':
		n, err := strconv.Atoi(u[6:])
		if err == nil && SIGRTMAX-Signal(n) >= SIGRTMIN {
			return SIGRTMAX - Signal(n), true
		}
	}
	return 0, false
}

// Signals lists the named signals in the order kill -l lists them: 1 to
// 31, then SIGRTMIN to SIGRTMAX.
func Signals() []Signal {
	out := make([]Signal, 0, 62)
	for s := Signal(1); s <= SIGSYS; s++ {
		out = append(out, s)
	}
	for s := SIGRTMIN; s <= SIGRTMAX; s++ {
		out = append(out, s)
	}
	return out
}

// SignalNames lists the names of Signals, without the SIG prefix.
func SignalNames() []string {
	sigs := Signals()
	out := make([]string, len(sigs))
	for i, s := range sigs {
		out[i] = s.Name()
	}
	return out
}

// Action is what a signal does to a process that does not handle it.
type Action int

// Default actions of signals.
const (
	ActTerminate Action = iota // the process dies (with or without a core)
	ActIgnore                  // nothing happens
	ActStop                    // the process stops (state T)
	ActContinue                // a stopped process runs again
)

// DefaultAction is the action of s on a process that does not catch it.
func DefaultAction(s Signal) Action {
	switch s {
	case SIGCHLD, SIGURG, SIGWINCH, 0:
		return ActIgnore
	case SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU:
		return ActStop
	case SIGCONT:
		return ActContinue
	}
	return ActTerminate
}
