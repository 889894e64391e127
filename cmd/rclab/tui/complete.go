package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"rclab/sim"
)

// completer is what Tab completion asks of the machine.
type completer interface {
	Complete(prefix string, first bool) []string
	Services() []sim.Service
}

// consoleShell completes in the shell of one virtual console: the one
// that has the focus, with its own working directory, PATH and user.
type consoleShell struct {
	m   *sim.Machine
	tty int // 1–6
}

// Complete completes in the console's shell.
func (c consoleShell) Complete(prefix string, first bool) []string {
	return c.m.CompleteOn(c.tty, prefix, first)
}

// Services lists the machine's services.
func (c consoleShell) Services() []sim.Service { return c.m.Services() }

// serviceActions are the words `service NAME` takes.
var serviceActions = []string{"condrestart", "reload", "restart", "start", "status", "stop"}

// chkconfigOptions are chkconfig's options.
var chkconfigOptions = []string{"--add", "--del", "--level", "--list"}

// chkconfigStates are the words after `chkconfig NAME`.
var chkconfigStates = []string{"off", "on", "reset"}

// wordBreaks end a word for completion.
const wordBreaks = " \t;|&()<>"

// complete completes the word before the cursor as bash's Tab does: a
// command name for the first word of a command, a service name after
// service or chkconfig, their actions after that, else a path. With one
// candidate the word is replaced (and a space added unless it is a
// directory); with several, the common prefix is inserted, or, when there
// is none to add, the candidates are returned for listing.
func complete(c completer, line []rune, cursor int) ([]rune, int, []string) {
	before := string(line[:cursor])
	ws := strings.LastIndexAny(before, wordBreaks) + 1
	word := before[ws:]
	seg := strings.LastIndexAny(before[:ws], ";|&(") + 1
	fields := strings.Fields(before[seg:ws])

	var cands []string
	isPath := false
	switch {
	case len(fields) == 0:
		cands = c.Complete(word, true)
		isPath = strings.Contains(word, "/")
	case fields[0] == "service" || strings.HasSuffix(fields[0], "/service"):
		switch {
		case len(fields) == 1 && strings.HasPrefix(word, "-"):
			cands = withPrefix([]string{"--status-all"}, word)
		case len(fields) == 1:
			cands = withPrefix(serviceNames(c, false), word)
		case len(fields) == 2:
			cands = withPrefix(serviceActions, word)
		}
	case fields[0] == "chkconfig" || strings.HasSuffix(fields[0], "/chkconfig"):
		args := fields[1:]
		switch {
		case strings.HasPrefix(word, "-"):
			cands = withPrefix(chkconfigOptions, word)
		case len(args) > 0 && args[len(args)-1] == "--level":
			// a list of levels: nothing to offer
		case hasServiceArg(args):
			cands = withPrefix(chkconfigStates, word)
		default:
			cands = withPrefix(serviceNames(c, true), word)
		}
	default:
		cands = c.Complete(word, false)
		isPath = true
	}
	if len(cands) == 0 {
		return line, cursor, nil
	}
	sort.Strings(cands)
	repl := ""
	var list []string
	if len(cands) == 1 {
		repl = cands[0]
		if !strings.HasSuffix(repl, "/") {
			repl += " "
		}
	} else {
		repl = commonPrefix(cands)
		if repl == word {
			list = cands
			if isPath {
				list = make([]string, len(cands))
				for i, s := range cands {
					list[i] = baseName(s)
				}
			}
		}
	}
	out := []rune(before[:ws] + repl)
	n := len(out)
	out = append(out, line[cursor:]...)
	return out, n, list
}

// hasServiceArg reports whether chkconfig's arguments already name a
// service (a word that is neither an option nor --level's levels).
func hasServiceArg(args []string) bool {
	for i, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if i > 0 && args[i-1] == "--level" {
			continue
		}
		return true
	}
	return false
}

// serviceNames lists the machine's SysV services, and with xinetd its
// xinetd services too.
func serviceNames(c completer, xinetd bool) []string {
	var out []string
	for _, s := range c.Services() {
		if s.Xinetd && !xinetd {
			continue
		}
		out = append(out, s.Name)
	}
	return out
}

func withPrefix(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

func commonPrefix(ss []string) string {
	p := ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	for !utf8.ValidString(p) {
		p = p[:len(p)-1]
	}
	return p
}

// baseName is a path's last element, keeping a directory's slash, as bash
// lists file completions.
func baseName(p string) string {
	dir := strings.HasSuffix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if i := strings.LastIndex(p, "/"); i >= 0 {
		p = p[i+1:]
	}
	if dir {
		p += "/"
	}
	return p
}
