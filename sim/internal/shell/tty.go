package shell

import (
	"io"
	"reflect"
)

// isTerminal is the evaluator's IsTerminal hook, test -t's answer for a
// file descriptor's stream: the terminal's writer (Options.Terminal) and
// /dev/tty opened by name are the terminal; so is the shell's own
// standard input when Options.StdinTty says it is the terminal (the
// evaluator's nil input), and standard error when it is the console's
// (Options.TermErr). Pipes, files, /dev/null and command substitutions
// are not.
func (s *Shell) isTerminal(stream any) bool {
	switch st := stream.(type) {
	case nil:
		return s.opts.StdinTty
	case termFile:
		return true
	case io.Writer:
		return sameWriter(st, s.term) || (s.opts.TermErr != nil && sameWriter(st, s.opts.TermErr))
	}
	return false
}

// sameWriter reports whether a and b are the same writer, without
// panicking on writers whose type cannot be compared.
func sameWriter(a, b io.Writer) bool {
	if a == nil || b == nil {
		return false
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb || !ta.Comparable() {
		return false
	}
	return a == b
}
