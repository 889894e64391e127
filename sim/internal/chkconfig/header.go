package chkconfig

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Header is what chkconfig reads from the comments of an init script.
type Header struct {
	// Levels are the runlevels the service is on in by default, as
	// ascending digits ("2345"); "" when the chkconfig line says "-".
	// LSB Default-Start levels are added and Default-Stop levels removed.
	Levels string
	// Start and Stop are the priorities (0–99) of the S and K links.
	Start, Stop int
	// Description is the English description, continuation lines joined
	// (the trailing backslashes removed).
	Description string
	// LSB reports a "### BEGIN INIT INFO" line. chkconfig then recomputes
	// the priorities from RequiredStart/RequiredStop and relinks all seven
	// levels whenever it adds or changes the service.
	LSB bool
	// Provides, RequiredStart and RequiredStop are the LSB fields of the
	// same names, split on blanks; nil when absent.
	Provides, RequiredStart, RequiredStop []string
	// Hide reports a "# hide: true" line, honoured by ntsysv --hide only.
	Hide bool
}

// DefaultOn reports whether level is one of the header's default levels.
func (h Header) DefaultOn(level int) bool {
	return level >= 0 && level <= 9 && strings.IndexByte(h.Levels, byte('0'+level)) >= 0
}

// ParseHeader's own faults (the others quote the script).
var (
	errEmptyChkconfig = errors.New("empty chkconfig line")
	errNoChkconfig    = errors.New("no chkconfig line")
	errNoDescription  = errors.New("no description line")
)

// ParseHeader reads an init script's header as chkconfig 1.3.30.2 does and
// says why it rejects one ("no chkconfig line", "no description line", …).
//
// Every comment line of the whole file counts (chkconfig keeps reading
// after the header): the first valid "chkconfig:" line gives the levels
// and priorities, a later invalid one rejects the script; the last English
// "description:" gives the description. Only lines whose first non-blank
// character is '#' are looked at; the file ends at its first NUL byte, as
// C strings do.
func ParseHeader(script []byte) (Header, error) {
	b := script
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	var h Header
	levels, start, stop := -1, -1, -1
	desc := -1 // where the last valid English description starts
	for next := 0; ; {
		var s, end int
		var ok bool
		if s, end, next, ok = nextComment(b, next); !ok {
			break
		}
		s++
		if hasPrefixAt(b, s, "## BEGIN INIT INFO") {
			h.LSB = true
		}
		s = skipSpace(b, s, end)
		if s == end {
			continue
		}
		if hasPrefixAt(b, s, "hide:") {
			t := skipSpace(b, s+5, end)
			if t == end || hasPrefixAt(b, t, "true") {
				h.Hide = true
			}
		}
		switch {
		case hasPrefixAt(b, s, "chkconfig:"):
			t := skipSpace(b, s+10, end)
			if t == end {
				return Header{}, errEmptyChkconfig
			}
			lv, sp, kp, ok := scanChkconfig(b, t)
			if !ok {
				return Header{}, fmt.Errorf("bad chkconfig line %q", b[t:end])
			}
			if sp < 0 || sp > 99 || kp < 0 || kp > 99 {
				return Header{}, fmt.Errorf("priority out of range in chkconfig line %q", b[t:end])
			}
			if start == -1 {
				start = sp
			}
			if stop == -1 {
				stop = kp
			}
			if levels == -1 {
				if string(lv) == "-" {
					levels = 0
				} else {
					levels = parseLevels(lv)
				}
			}
			if levels == -1 {
				return Header{}, fmt.Errorf("bad runlevels %q in chkconfig line", lv)
			}
		case hasPrefixAt(b, s, "description"):
			if _, ok := scanDescription(b, s+11, nil); ok {
				desc = s + 11
			}
		case hasPrefixAt(b, s, "Default-Start:"):
			levels = lsbLevels(b, s+14, levels, true)
		case hasPrefixAt(b, s, "Default-Stop:"):
			levels = lsbLevels(b, s+13, levels, false)
		case hasPrefixAt(b, s, "Required-Start:"):
			h.RequiredStart = strings.Fields(string(b[s+15 : end]))
		case hasPrefixAt(b, s, "Required-Stop:"):
			h.RequiredStop = strings.Fields(string(b[s+14 : end]))
		case hasPrefixAt(b, s, "Provides:"):
			h.Provides = strings.Fields(string(b[s+9 : end]))
		}
	}
	if start == -1 {
		return Header{}, errNoChkconfig
	}
	if desc == -1 {
		return Header{}, errNoDescription
	}
	h.Description, _ = readDescription(b, desc)
	h.Start, h.Stop = start, stop
	h.Levels = levelString(levels)
	return h, nil
}

// readDescription reads the text after "description" at b[p:]: ":" for
// English, "(ll):" for a translation (never used: chkconfig matches it
// against the whole of $LANG). A line ending in a backslash continues on
// the next comment line; a continuation that is not a comment drops the
// description.
func readDescription(b []byte, p int) (string, bool) {
	bp := descBufs.Get().(*[]byte)
	defer descBufs.Put(bp)
	*bp = (*bp)[:0]
	if _, ok := scanDescription(b, p, bp); !ok {
		return "", false
	}
	return internDesc(*bp), true
}

// descBufs are the buffers readDescription joins lines in.
var descBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// descs holds the descriptions read so far: every listing of the
// services reads the same ones again.
var descs struct {
	sync.Mutex
	m map[string]string
}

// internDesc returns d as a string, the same one for the same text.
func internDesc(d []byte) string {
	descs.Lock()
	defer descs.Unlock()
	if s, ok := descs.m[string(d)]; ok {
		return s
	}
	if descs.m == nil || len(descs.m) >= 1024 {
		descs.m = make(map[string]string, 64)
	}
	s := string(d)
	descs.m[s] = s
	return s
}

// scanDescription checks the description at b[p:], returns the length of
// its text and, when dst is not nil, appends the text to *dst.
func scanDescription(b []byte, p int, dst *[]byte) (size int, ok bool) {
	n := len(b)
	english := p < n && b[p] == ':'
	end, next := lineEnd(b, p)
	if english {
		p++
	} else {
		if p >= n || b[p] != '(' {
			return 0, false
		}
		p++
		fp := bytes.IndexByte(b[p:], ')')
		if fp < 0 || fp > 5 {
			return 0, false
		}
		p += fp + 2
	}
	for p < end && isSpace(b[p]) {
		p++
	}
	if p >= end || !english {
		// A translation is read (and may fail) but never used.
		return 0, false
	}
	for {
		line := b[p:end]
		cont := line[len(line)-1] == '\\'
		if cont {
			line = line[:len(line)-1]
		}
		size += len(line)
		if dst != nil {
			*dst = append(*dst, line...)
		}
		if !cont {
			return size, true
		}
		p = skipSpace(b, next, n)
		if p >= n || b[p] != '#' {
			return 0, false
		}
		p = skipSpace(b, p+1, n)
		if p >= n {
			return 0, false
		}
		end, next = lineEnd(b, p)
	}
}

// nextComment finds, from b[from:], the next line whose first non-blank
// byte is '#': s is the '#', end the line's end, next where the search
// goes on. It jumps from '#' to '#', so the lines chkconfig skips cost
// nothing.
func nextComment(b []byte, from int) (s, end, next int, ok bool) {
	n := len(b)
	for from < n {
		i := bytes.IndexByte(b[from:], '#')
		if i < 0 {
			break
		}
		s = from + i
		if !lineStart(b, s) {
			from = s + 1
			continue
		}
		if i := bytes.IndexByte(b[s:], '\n'); i >= 0 {
			return s, s + i, s + i + 1, true
		}
		return s, n, n, true
	}
	return 0, 0, n, false
}

// lineStart reports whether only blanks come between the start of the
// line holding b[i] and b[i].
func lineStart(b []byte, i int) bool {
	for j := i - 1; j >= 0 && b[j] != '\n'; j-- {
		if !isSpace(b[j]) {
			return false
		}
	}
	return true
}

// lineEnd returns the end of the line holding b[p] and the start of the
// next one (len(b) for both at the end of the data).
func lineEnd(b []byte, p int) (end, next int) {
	if p > len(b) {
		p = len(b)
	}
	if i := bytes.IndexByte(b[p:], '\n'); i >= 0 {
		return p + i, p + i + 1
	}
	return len(b), len(b)
}

// scanChkconfig is sscanf(b+i, "%15s %d %d%c") followed by the check
// that the character after the stop priority is white space. Like sscanf
// it reads past the end of the line.
func scanChkconfig(b []byte, i int) (levels []byte, sp, kp int, ok bool) {
	n := len(b)
	i = skipSpace(b, i, n)
	j := i
	for j < n && j-i < 15 && !isSpace(b[j]) {
		j++
	}
	if j == i {
		return nil, 0, 0, false
	}
	levels = b[i:j]
	if sp, i, ok = scanInt(b, j); !ok {
		return nil, 0, 0, false
	}
	if kp, i, ok = scanInt(b, i); !ok {
		return nil, 0, 0, false
	}
	if i >= n || !isSpace(b[i]) {
		return nil, 0, 0, false
	}
	return levels, sp, kp, true
}

// scanInt reads a decimal integer as scanf's %d and strtol do: leading
// white space, an optional sign, at least one digit. Values beyond a
// 32-bit long (the i686 machine's) saturate.
func scanInt(b []byte, i int) (v, next int, ok bool) {
	n := len(b)
	i = skipSpace(b, i, n)
	neg := false
	if i < n && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	j := i
	for j < n && b[j] >= '0' && b[j] <= '9' {
		if v < 1<<31 {
			v = v*10 + int(b[j]-'0')
		}
		j++
	}
	if j == i {
		return 0, 0, false
	}
	if v > 1<<31-1 {
		v = 1<<31 - 1
		if neg {
			v = 1 << 31
		}
	}
	if neg {
		v = -v
	}
	return v, j, true
}

// lsbLevels applies a Default-Start (add) or Default-Stop line: numbers
// are read with strtol until one fails; the first one makes an unset
// level set empty.
func lsbLevels(b []byte, p, levels int, add bool) int {
	for {
		v, q, ok := scanInt(b, p)
		if !ok {
			return levels
		}
		p = q
		if levels == -1 {
			levels = 0
		}
		if v < 0 || v > 6 {
			continue
		}
		if add {
			levels |= 1 << v
		} else {
			levels &^= 1 << v
		}
	}
}

// parseLevels turns "2345" into a bit set; -1 unless every character is
// a digit 0–6 (and there is at least one).
func parseLevels[T string | []byte](s T) int {
	if len(s) == 0 {
		return -1
	}
	m := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '6' {
			return -1
		}
		m |= 1 << (s[i] - '0')
	}
	return m
}

// levelStrings holds levelString's answers, so headers share them.
var levelStrings = func() (t [128]string) {
	for m := range t {
		var buf [7]byte
		k := 0
		for l := 0; l < 7; l++ {
			if m&(1<<l) != 0 {
				buf[k] = byte('0' + l)
				k++
			}
		}
		t[m] = string(buf[:k])
	}
	return t
}()

// levelString turns a bit set of levels 0–6 into ascending digits.
func levelString(m int) string { return levelStrings[m&127] }

// isSpace is C's isspace in the C and UTF-8 locales for one byte.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func skipSpace(b []byte, i, end int) int {
	for i < end && isSpace(b[i]) {
		i++
	}
	return i
}

func hasPrefixAt(b []byte, i int, prefix string) bool {
	return i <= len(b) && len(b)-i >= len(prefix) && string(b[i:i+len(prefix)]) == prefix
}
