// Package initd is the machine's init (PID 1): it reads /etc/inittab, runs
// rc.sysinit and /etc/rc.d/rc N, spawns gettys, changes runlevels, and
// shuts the machine down, as sysvinit 2.86 does on CentOS 5.
package initd

import (
	"fmt"
	"strings"
)

// Entry is one valid line of /etc/inittab.
type Entry struct {
	ID      string
	Levels  string // runlevel characters; "0123456789" when the field was empty
	Action  string // lower case
	Process string
	Line    int
}

// Inittab is a parsed /etc/inittab: the usable entries, and the messages
// init prints (console and syslog) for the lines it skipped.
type Inittab struct {
	Entries []Entry
	Errors  []string
}

// actions are sysvinit's inittab actions.
var actions = map[string]bool{
	"respawn": true, "wait": true, "once": true, "boot": true, "bootwait": true,
	"off": true, "ondemand": true, "initdefault": true, "sysinit": true,
	"powerwait": true, "powerfail": true, "powerokwait": true, "powerfailnow": true,
	"ctrlaltdel": true, "kbrequest": true,
}

// Field limits of sysvinit's struct init (utmp id is 4 bytes).
const (
	maxID      = 4
	maxRlevel  = 11
	maxProcess = 127
	maxAction  = 32
)

// ParseInittab reads inittab text as sysvinit's read_inittab does: a bad
// line is reported as "INIT: /etc/inittab[N]: why" and skipped.
func ParseInittab(src string) Inittab {
	var t Inittab
	seen := map[string]bool{}
	lines := strings.Split(src, "\n")
	if strings.HasSuffix(src, "\n") {
		lines = lines[:len(lines)-1]
	}
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimLeft(raw, " \t")
		if line == "" || line[0] == '#' || line[0] == '\n' {
			continue
		}
		bad := func(format string, a ...any) {
			t.Errors = append(t.Errors, fmt.Sprintf("INIT: /etc/inittab[%d]: %s", n, fmt.Sprintf(format, a...)))
		}
		f := strings.SplitN(line, ":", 4)
		switch {
		case f[0] == "":
			bad("missing id field")
			continue
		case len(f) < 2:
			bad("missing runlevel field")
			continue
		case len(f) < 4:
			bad("missing process field")
			continue
		case f[2] == "":
			bad("missing action field")
			continue
		case len(f[0]) > maxID:
			bad("id field too long (max %d characters)", maxID)
			continue
		case len(f[1]) > maxRlevel:
			bad("rlevel field too long (max %d characters)", maxRlevel)
			continue
		case len(f[3]) > maxProcess:
			bad("process field too long")
			continue
		case len(f[2]) > maxAction:
			bad("action field too long")
			continue
		}
		action := strings.ToLower(f[2])
		if !actions[action] {
			bad("%s: unknown action field", f[2])
			continue
		}
		if f[0] != "~~" && seen[f[0]] {
			bad("duplicate ID field \"%s\"", f[0])
			continue
		}
		seen[f[0]] = true
		levels := strings.ToUpper(f[1])
		if levels == "" {
			levels = "0123456789"
		}
		t.Entries = append(t.Entries, Entry{ID: f[0], Levels: levels, Action: action, Process: f[3], Line: n})
	}
	return t
}

// Default is the initdefault runlevel: the highest character of the first
// initdefault entry. ok is false when there is none or it is invalid; msg
// is then what init logs before asking on the console ("" when missing).
func (t Inittab) Default() (level byte, ok bool, msg string) {
	for _, e := range t.Entries {
		if e.Action != "initdefault" {
			continue
		}
		for i := 0; i < len(e.Levels); i++ {
			if e.Levels[i] > level {
				level = e.Levels[i]
			}
		}
		if level == 0 {
			return 0, false, ""
		}
		if !strings.ContainsRune("0123456789S", rune(level)) {
			return 0, false, fmt.Sprintf("INIT: Initdefault level '%c' is invalid", level)
		}
		return level, true, ""
	}
	return 0, false, ""
}

// For lists the entries of action that apply in runlevel level, in file
// order.
func (t Inittab) For(action string, level byte) []Entry {
	var out []Entry
	for _, e := range t.Entries {
		if e.Action == action && strings.IndexByte(e.Levels, level) >= 0 {
			out = append(out, e)
		}
	}
	return out
}

// Actions lists the entries of action whatever their runlevels (sysinit,
// ctrlaltdel and the power actions ignore the runlevel field).
func (t Inittab) Actions(action string) []Entry {
	var out []Entry
	for _, e := range t.Entries {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}
