package shell

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"

	"rclab/sim/internal/bash"
)

// The evaluator's read builtin reads the shell's standard input, which
// for a console shell is no file at all: the keyboard is read by the
// machine's programs only (keyboard.go in sim). readKeyboard serves
// `read` typed at the prompt or run by a script started from it: it takes
// the line from the keyboard itself (printing -p's prompt first, with
// echo off for -s), then hands it to the evaluator's read as its input,
// which splits it on IFS and assigns the variables exactly as read does
// with any other input.

// readOpts are the options of bash 3.2's read that readKeyboard handles
// itself; the others are passed on.
type readOpts struct {
	prompt string
	silent bool
	nchars int
	delim  byte
	passed []string // options for the evaluator's read (-r, -a NAME)
	names  []string
}

// parseReadArgs reads `read`'s arguments; ok is false for what is left
// to the evaluator's builtin (-u, a bad option).
func parseReadArgs(args []string) (o readOpts, ok bool) {
	o.delim = '\n'
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
		for j := 1; j < len(a); j++ {
			c := a[j]
			switch c {
			case 'r':
				o.passed = append(o.passed, "-r")
			case 's':
				o.silent = true
			case 'e':
			case 'p', 'a', 'n', 'd', 't', 'u':
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return o, false
					}
					i++
					val = args[i]
				}
				switch c {
				case 'p':
					o.prompt = val
				case 'a':
					o.passed = append(o.passed, "-a", val)
				case 'n':
					n, err := strconv.Atoi(val)
					if err != nil || n < 0 {
						return o, false
					}
					o.nchars = n
				case 'd':
					o.delim = val[0]
				case 't':
					// The virtual keyboard never times out: a person types.
				case 'u':
					return o, false
				}
				j = len(a)
			default:
				return o, false
			}
		}
	}
	o.names = args[i:]
	return o, true
}

// readKeyboard performs `read ARGS` at the console: ok is false when the
// command is not for it (input redirected, no keyboard, options it
// leaves to the evaluator's read).
func (s *Shell) readKeyboard(ctx context.Context, c *bash.Call) (status int, ok bool) {
	kb := s.opts.Keyboard
	if kb == nil || c.Stdin != nil {
		return 0, false
	}
	o, ok := parseReadArgs(c.Args[1:])
	if !ok {
		return 0, false
	}
	if o.prompt != "" && s.opts.StdinTty {
		io.WriteString(c.Stderr, o.prompt)
	}
	if o.silent {
		if e, ok := kb.(interface{ SetEcho(bool) }); ok {
			e.SetEcho(false)
			defer e.SetEcho(true)
		}
	}
	data, complete := readUntil(ctx, kb, o.delim, o.nchars)
	args := append([]string{"read"}, o.passed...)
	if o.delim != '\n' {
		args = append(args, "-d", string(o.delim))
	}
	args = append(append(args, "--"), o.names...)
	if complete {
		data += string(o.delim)
	}
	return c.RunBuiltin(args, strings.NewReader(data))
}

// readUntil reads the keyboard up to delim (dropped) or n characters
// (n > 0); complete is false when the input ended first.
func readUntil(ctx context.Context, r io.Reader, delim byte, n int) (data string, complete bool) {
	data, complete, _ = readUntilErr(ctx, r, delim, n)
	return data, complete
}

// readUntilErr is readUntil that also returns the read's error
// (ErrInterrupted for Ctrl-C in a nested shell).
func readUntilErr(ctx context.Context, r io.Reader, delim byte, n int) (data string, complete bool, err error) {
	var b strings.Builder
	var one [1]byte
	for ctx.Err() == nil {
		if n > 0 && b.Len() >= n {
			return b.String(), true, nil
		}
		k, rerr := r.Read(one[:])
		if k == 1 {
			if one[0] == delim {
				return b.String(), true, nil
			}
			b.WriteByte(one[0])
			continue
		}
		if rerr != nil {
			return b.String(), false, rerr
		}
	}
	return b.String(), false, ctx.Err()
}

// quoteWord quotes s for the shell with single quotes.
func quoteWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '/' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ErrInterrupted is what a read of the keyboard returns when Ctrl-C
// reaches a nested shell (or the command it runs) instead of ending the
// console's line.
var ErrInterrupted = errors.New("interrupted")
