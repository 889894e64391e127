package bash

import "io"

// echoBuiltin is bash 3.2's echo (echo.def, with xpg_echo off): args are
// the words after "echo". Leading words made only of the letters n, e and
// E after a '-' ("-n", "-ne", "-Een") are options: -n drops the final
// newline, -e turns on escapes, -E turns them off (the last wins); any
// other word, "-" and "--" included, starts the text. With -e, escapes
// are those of ansicstr for echo (lib/sh/strtrans.c): \a \b \e \E \f \n
// \r \t \v \\, \0nnn (up to three octal digits after the 0), \xHH (one or
// two hex digits; "\x" alone stays), and \c, which ends all output, the
// newline included; \1 to \7, \', \" and \? and any other pair stay as
// written (strtrans.c's echo rule since bash 3; taken from the bash 4 and
// 5 sources, not checked against 3.2's). The whole line is written with
// one Write; the status is 0, or 1 when the write fails (the caller may
// report "echo: write error: …" from its writer's error).
func echoBuiltin(w io.Writer, args []string) int {
	st, _ := echoInto(w, args, nil)
	return st
}

// echoInto is echoBuiltin building the line in buf's room (a runner's
// scratch, which io.Writer's contract lets it reuse once Write returns);
// it returns the buffer for the next line.
func echoInto(w io.Writer, args []string, buf []byte) (int, []byte) {
	newline, escapes := true, false
	for len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' && echoOptions(args[0][1:]) {
		for _, c := range args[0][1:] {
			switch c {
			case 'n':
				newline = false
			case 'e':
				escapes = true
			case 'E':
				escapes = false
			}
		}
		args = args[1:]
	}
	n := 1
	for _, a := range args {
		n += len(a) + 1
	}
	out := buf[:0]
	if cap(out) < n {
		out = make([]byte, 0, n)
	}
	for i, a := range args {
		if escapes {
			var stop bool
			out, stop = echoEscapes(out, a)
			if stop {
				newline = false
				break
			}
		} else {
			out = append(out, a...)
		}
		if i < len(args)-1 {
			out = append(out, ' ')
		}
	}
	if newline {
		out = append(out, '\n')
	}
	if len(out) == 0 || w == nil {
		return 0, out
	}
	if _, err := w.Write(out); err != nil {
		return 1, out
	}
	return 0, out
}

// echoOptions reports whether every letter of s is an echo option.
func echoOptions(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != 'n' && s[i] != 'e' && s[i] != 'E' {
			return false
		}
	}
	return true
}

// echoEscapes appends s with echo -e's escapes translated; stop is true
// at \c, where output ends.
func echoEscapes(out []byte, s string) (_ []byte, stop bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'a':
			out = append(out, '\a')
		case 'b':
			out = append(out, '\b')
		case 'e', 'E':
			out = append(out, 033)
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, '\v')
		case '\\':
			out = append(out, '\\')
		case '0':
			v := 0
			for k := 0; k < 3 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(s[i]-'0')
			}
			out = append(out, byte(v))
		case 'x':
			v, k := 0, 0
			for ; k < 2 && i+1 < len(s) && escHexDigit(s[i+1]) >= 0; k++ {
				i++
				v = v*16 + escHexDigit(s[i])
			}
			if k == 0 {
				out = append(out, '\\', 'x')
			} else {
				out = append(out, byte(v))
			}
		case 'c':
			return out, true
		default: // \1…\7, \', \", \? and the rest keep their backslash
			out = append(out, '\\', c)
		}
	}
	return out, false
}

// escHexDigit is the value of hex digit c, or -1.
func escHexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
