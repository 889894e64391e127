package bash

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readBuiltin is bash 3.2's read: -r -s -a NAME -d DELIM -n N -p PROMPT
// -t SECS -u FD -e, from file descriptor 0 (or -u's), split on IFS.
func (r *Runner) readBuiltin(args []string) int {
	raw, silent := false, false
	var arrayName, prompt string
	delim := byte('\n')
	nchars := -1
	fd := 0
	i := 1
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
				raw = true
			case 's':
				silent = true
			case 'e':
			case 'a', 'd', 'n', 'p', 't', 'u':
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						r.builtinErr("read", "-%c: option requires an argument", c)
						fmt.Fprintln(r.stderr(), "read: usage: read [-ers] [-u fd] [-t timeout] [-p prompt] [-a array] [-n nchars] [-d delim] [name ...]")
						return 2
					}
					i++
					val = args[i]
				}
				switch c {
				case 'a':
					arrayName = val
				case 'd':
					delim = 0
					if val != "" {
						delim = val[0]
					}
				case 'n':
					n, err := strconv.Atoi(val)
					if err != nil || n < 0 {
						r.builtinErr("read", "%s: invalid number", val)
						return 2
					}
					nchars = n
				case 'p':
					prompt = val
				case 't':
					if _, err := strconv.Atoi(val); err != nil {
						r.builtinErr("read", "%s: invalid timeout specification", val)
						return 1
					}
				case 'u':
					n, err := strconv.Atoi(val)
					if err != nil || n < 0 || n > 9 {
						r.builtinErr("read", "%s: invalid file descriptor specification", val)
						return 1
					}
					if r.fds[n] == nil || r.fds[n].r == nil {
						r.builtinErr("read", "%s: invalid file descriptor: Bad file descriptor", val)
						return 1
					}
					fd = n
				}
				j = len(a)
			default:
				r.builtinErr("read", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "read: usage: read [-ers] [-u fd] [-t timeout] [-p prompt] [-a array] [-n nchars] [-d delim] [name ...]")
				return 2
			}
		}
	}
	_ = silent
	names := args[i:]
	for _, n := range names {
		if !isName(n) {
			r.builtinErr("read", "`%s': not a valid identifier", n)
			return 1
		}
	}
	if arrayName != "" && !isName(arrayName) {
		r.builtinErr("read", "`%s': not a valid identifier", arrayName)
		return 1
	}
	if prompt != "" && r.cfg.IsTerminal != nil && r.fds[0] != nil && r.cfg.IsTerminal(r.fds[0].r) {
		io.WriteString(r.stderr(), prompt)
	}
	var in io.Reader
	if s := r.fds[fd]; s != nil {
		in = s.r
	}
	line, complete := r.readLine(in, delim, nchars, raw)
	st := 0
	if !complete {
		st = 1
	}
	if arrayName != "" {
		fields := r.splitRead(line, -1, raw)
		elems := make([]arrElem, len(fields))
		for k, f := range fields {
			elems[k] = arrElem{k, f}
		}
		if !r.assignArray(arrayName, elems, false) {
			return 1
		}
		return st
	}
	if len(names) == 0 {
		if !r.assignString("REPLY", line, r.pos) {
			return 1
		}
		return st
	}
	var room [8]string
	fields := r.splitReadTo(room[:0], line, len(names), raw)
	for k, n := range names {
		v := ""
		if k < len(fields) {
			v = fields[k]
		}
		if !r.assignString(n, v, r.pos) {
			return 1
		}
	}
	return st
}

// readLine reads up to delim or n characters; backslash escapes the next
// character (a backslash-newline continues the line) unless raw. The
// escapes are kept (as \c) for splitRead; complete is false at end of
// input. The line is gathered in the runner's scratch buffer.
func (r *Runner) readLine(in io.Reader, delim byte, n int, raw bool) (string, bool) {
	if in == nil {
		return "", false
	}
	var br io.ByteReader
	if b, ok := in.(io.ByteReader); ok {
		br = b
	} else {
		r.oneByte.r = in
		br = &r.oneByte
		defer func() { r.oneByte.r = nil }()
	}
	b := r.lineBuf[:0]
	defer func() {
		if cap(b) <= 4096 {
			r.lineBuf = b[:0]
		}
	}()
	count := 0
	for {
		if n >= 0 && count >= n {
			return string(b), true
		}
		c, err := br.ReadByte()
		if err != nil {
			return string(b), false
		}
		if !raw && c == '\\' {
			c2, err := br.ReadByte()
			if err != nil {
				return string(b), false
			}
			if c2 == '\n' {
				continue
			}
			b = append(b, '\\', c2)
			count++
			continue
		}
		if c == delim {
			return string(b), true
		}
		b = append(b, c)
		count++
		if count%4096 == 0 && r.stopped() {
			return string(b), false
		}
	}
}

// splitRead splits a read line into at most n fields (-1: all) on IFS;
// the last field takes the rest of the line. Escapes are removed.
func (r *Runner) splitRead(line string, n int, raw bool) []string {
	return r.splitReadTo(nil, line, n, raw)
}

// splitReadTo is splitRead appending to out.
func (r *Runner) splitReadTo(out []string, line string, n int, raw bool) []string {
	t := r.ifsTable()
	unescape := func(s string) string {
		if raw || !strings.ContainsRune(s, '\\') {
			return s
		}
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
			}
			b.WriteByte(s[i])
		}
		return b.String()
	}
	isSep := func(s string, i int) bool {
		if !t.any[s[i]] {
			return false
		}
		if !raw && i > 0 && s[i-1] == '\\' {
			// an escaped separator is kept
			k := i - 1
			bs := 0
			for k >= 0 && s[k] == '\\' {
				bs++
				k--
			}
			return bs%2 == 0
		}
		return true
	}
	if t.empty {
		return append(out, unescape(line))
	}
	// Leading and trailing IFS whitespace go.
	s := line
	start := 0
	for start < len(s) && t.ws[s[start]] {
		start++
	}
	s = s[start:]
	i := 0
	for len(s) > 0 {
		if n > 0 && len(out) == n-1 {
			// The rest, less trailing IFS whitespace.
			end := len(s)
			for end > 0 && t.ws[s[end-1]] && (raw || end < 2 || s[end-2] != '\\') {
				end--
			}
			rest := s[:end]
			// A trailing non-whitespace separator alone is dropped.
			out = append(out, unescape(rest))
			return out
		}
		i = 0
		for i < len(s) && !isSep(s, i) {
			i++
		}
		out = append(out, unescape(s[:i]))
		if i == len(s) {
			break
		}
		// Skip the separator: whitespace, one non-whitespace, whitespace.
		j := i
		for j < len(s) && t.ws[s[j]] {
			j++
		}
		if j < len(s) && t.any[s[j]] && !t.ws[s[j]] {
			j++
			for j < len(s) && t.ws[s[j]] {
				j++
			}
		}
		s = s[j:]
	}
	return out
}
