package shell

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"rclab/sim/internal/bash"
)

// resourceLimit is one line of `ulimit -a`: its option letter, the label
// bash prints before the value, and the value on a CentOS 5 machine with
// 512 MB of memory.
type resourceLimit struct {
	opt   byte
	label string
	value string
}

// resourceLimits are bash 3.2's limits in its -a order, read from
// ulimitAll.
var resourceLimits = sync.OnceValue(func() []resourceLimit {
	var out []resourceLimit
	for _, line := range strings.Split(strings.TrimSuffix(ulimitAll, "\n"), "\n") {
		end := strings.LastIndex(line, ") ")
		open := strings.LastIndex(line[:end], "-")
		out = append(out, resourceLimit{opt: line[open+1], label: line[:end+1], value: line[end+2:]})
	}
	return out
})

func limitOf(opt byte) (resourceLimit, bool) {
	for _, l := range resourceLimits() {
		if l.opt == opt {
			return l, true
		}
	}
	return resourceLimit{}, false
}

// ulimitBuiltin is bash 3.2's ulimit: with no limit it prints the limits
// asked for (-f when none is), the value alone for one, label and value
// for several or -a; with a limit it sets them for this shell. Only root
// may raise a limit above its value at login.
func (s *Shell) ulimitBuiltin(c *bash.Call, args []string, errf func(string, ...any)) int {
	var opts []byte
	all, newValue := false, ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) < 2 || a[0] != '-' {
			if i != len(args)-1 {
				errf("%s: invalid number", a) // bash takes one limit, last
				return 1
			}
			newValue = a
			break
		}
		for _, ch := range []byte(a[1:]) {
			switch {
			case ch == 'S' || ch == 'H':
			case ch == 'a':
				all = true
			default:
				if _, ok := limitOf(ch); !ok {
					errf("-%c: invalid option", ch)
					fmt.Fprintln(c.Stderr, "ulimit: usage: ulimit [-SHacdefilmnpqrstuvx] [limit]")
					return 2
				}
				opts = append(opts, ch)
			}
		}
	}
	if all {
		for _, l := range resourceLimits() {
			fmt.Fprintf(c.Stdout, "%s %s\n", l.label, s.limitValue(l))
		}
		return 0
	}
	if len(opts) == 0 {
		opts = []byte{'f'}
	}
	if newValue != "" {
		return s.setLimits(opts, newValue, errf)
	}
	for _, o := range opts {
		l, _ := limitOf(o)
		if len(opts) > 1 {
			fmt.Fprintf(c.Stdout, "%s %s\n", l.label, s.limitValue(l))
		} else {
			io.WriteString(c.Stdout, s.limitValue(l)+"\n")
		}
	}
	return 0
}

// limitValue is l's value in this shell.
func (s *Shell) limitValue(l resourceLimit) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.limits[l.opt]; ok {
		return v
	}
	return l.value
}

func (s *Shell) setLimits(opts []byte, value string, errf func(string, ...any)) int {
	v := value
	if v != "unlimited" && v != "hard" && v != "soft" {
		n, err := strconv.ParseUint(v, 10, 63)
		if err != nil {
			errf("%s: invalid number", value)
			return 1
		}
		v = strconv.FormatUint(n, 10)
	}
	uid, _ := s.cred()
	for _, o := range opts {
		l, _ := limitOf(o)
		if v == "hard" || v == "soft" {
			continue // the limit as it is
		}
		if uid != 0 && raises(v, l.value) {
			errf("%s: cannot modify limit: Operation not permitted", strings.TrimSpace(l.label[:strings.LastIndex(l.label, "(")]))
			return 1
		}
		s.mu.Lock()
		if s.limits == nil {
			s.limits = map[byte]string{}
		}
		s.limits[o] = v
		s.mu.Unlock()
	}
	return 0
}

// raises reports whether the limit v is above the hard limit hard.
func raises(v, hard string) bool {
	if hard == "unlimited" {
		return false
	}
	if v == "unlimited" {
		return true
	}
	a, _ := strconv.ParseUint(v, 10, 63)
	b, _ := strconv.ParseUint(hard, 10, 63)
	return a > b
}
