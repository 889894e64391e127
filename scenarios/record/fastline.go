package record

import (
	"crypto/sha256"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rclab/sim"
)

// fastAction decodes an action line written the way the Writer writes
// it: its fields in the Writer's order, no spaces, strings without
// escapes. open is the line's object without its closing brace (the
// line is open+"}"); the strings of the entry are parts of it. It
// reports false for any other line, which decodeStrict then reads (and
// explains): whatever fastAction accepts, decodeStrict would decode to
// the same entry, at several times the cost.
func fastAction(open string) (a actionLine, ok bool) {
	s := scan{b: open}
	a.Type = typeAction
	if !s.lit(`{"type":"action","seq":`) || !s.int(&a.Seq) || !s.lit(`,"action":{"kind":`) {
		return a, false
	}
	kind, ok := s.str()
	if !ok {
		return a, false
	}
	act := &a.Action
	act.Kind = sim.ActionKind(kind)
	// The optional fields, each at most once, in the order sim.Action
	// declares (and the Writer writes) them.
	ok = s.optStr(`,"line":`, &act.Line) &&
		s.optDuration(`,"for":`, &act.For) &&
		s.optStrs(`,"args":`, &act.Args) &&
		s.optStr(`,"path":`, &act.Path) &&
		s.optStr(`,"data":`, &act.Data) &&
		s.optStr(`,"program":`, &act.Program) &&
		s.optStr(`,"levels":`, &act.Levels) &&
		s.optStrs(`,"on":`, &act.On) &&
		s.optTrue(`,"hide":`, &act.Hide) &&
		s.optInt(`,"tty":`, &act.TTY) &&
		s.optStr(`,"password":`, &act.Password) &&
		s.optInt(`,"status":`, &act.Status)
	if !ok || !s.lit(`},"clock":`) {
		return a, false
	}
	clock, escaped, ok := s.quoted()
	if !ok || escaped || a.Clock.UnmarshalJSON([]byte(clock)) != nil {
		return a, false
	}
	if !s.lit(`,"status":`) || !s.int(&a.Status) || !s.lit(`,"output_sha256":`) {
		return a, false
	}
	// The hash ends the line: 64 hex digits between quotes, read as they
	// are (they need neither unescaping nor checking as UTF-8).
	if n := 2 + 2*sha256.Size; len(s.b) == n && s.b[0] == '"' && s.b[n-1] == '"' && isHexSum(s.b[1:n-1]) {
		a.Output = s.b[1 : n-1]
		return a, true
	}
	if a.Output, ok = s.str(); !ok || len(s.b) != 0 {
		return a, false
	}
	return a, true
}

// The opt methods read an optional field: nothing when the line does not
// go on with its key, else the key and a value of the field's type
// (false when it is not there).

func (s *scan) optStr(key string, v *string) bool {
	if !s.lit(key) {
		return true
	}
	var ok bool
	*v, ok = s.str()
	return ok
}

func (s *scan) optInt(key string, v *int) bool {
	return !s.lit(key) || s.int(v)
}

func (s *scan) optDuration(key string, v *time.Duration) bool {
	if !s.lit(key) {
		return true
	}
	n, ok := s.number(64)
	*v = time.Duration(n)
	return ok
}

func (s *scan) optTrue(key string, v *bool) bool {
	if !s.lit(key) {
		return true
	}
	*v = true
	return s.lit("true")
}

// optStrs reads a non-empty array of strings.
func (s *scan) optStrs(key string, v *[]string) bool {
	if !s.lit(key) {
		return true
	}
	if !s.lit("[") {
		return false
	}
	for {
		e, ok := s.str()
		if !ok {
			return false
		}
		*v = append(*v, e)
		if s.lit("]") {
			return true
		}
		if !s.lit(",") {
			return false
		}
	}
}

// scan reads a line from its start.
type scan struct{ b string }

// lit consumes text if the line goes on with it.
func (s *scan) lit(text string) bool {
	if !strings.HasPrefix(s.b, text) {
		return false
	}
	s.b = s.b[len(text):]
	return true
}

// int reads an integer as JSON writes one into an int.
func (s *scan) int(v *int) bool {
	n, ok := s.number(strconv.IntSize)
	*v = int(n)
	return ok
}

// number reads an integer as JSON writes one (an optional minus, then
// no leading zero) that fits in bits bits.
func (s *scan) number(bits int) (int64, bool) {
	i := 0
	if i < len(s.b) && s.b[i] == '-' {
		i++
	}
	start := i
	for i < len(s.b) && '0' <= s.b[i] && s.b[i] <= '9' {
		i++
	}
	if i == start || s.b[start] == '0' && i > start+1 {
		return 0, false
	}
	digits := s.b[start:i]
	if len(digits) > 18 { // may not fit: let strconv say
		n, err := strconv.ParseInt(s.b[:i], 10, bits)
		if err != nil {
			return 0, false
		}
		s.b = s.b[i:]
		return n, true
	}
	var n int64
	for _, d := range digits {
		n = n*10 + int64(d-'0')
	}
	if start > 0 {
		n = -n
	}
	if bits < 64 && (n < -1<<(bits-1) || n >= 1<<(bits-1)) {
		return 0, false
	}
	s.b = s.b[i:]
	return n, true
}

// quoted reads a string and returns it with its quotes, and whether it
// has escapes. It fails at control characters, which JSON does not allow
// in strings, and, in a string without escapes, at invalid UTF-8 (which
// encoding/json would replace).
func (s *scan) quoted() (q string, escaped, ok bool) {
	if len(s.b) == 0 || s.b[0] != '"' {
		return "", false, false
	}
	var high byte // the bytes or-ed: ASCII text needs no UTF-8 check
	for i := 1; i < len(s.b); i++ {
		c := s.b[i]
		high |= c
		switch {
		case c == '"':
			q = s.b[:i+1]
			if !escaped && high >= utf8.RuneSelf && !utf8.ValidString(q) {
				return "", false, false
			}
			s.b = s.b[i+1:]
			return q, escaped, true
		case c == '\\':
			escaped = true
			i++ // the escaped byte cannot end the string
		case c < 0x20:
			return "", false, false
		}
	}
	return "", false, false
}

// str reads a string: a part of the line, or, for one with escapes, what
// encoding/json (which knows them all) makes of it.
func (s *scan) str() (string, bool) {
	q, escaped, ok := s.quoted()
	switch {
	case !ok:
		return "", false
	case !escaped:
		return q[1 : len(q)-1], true
	}
	var v string
	if json.Unmarshal([]byte(q), &v) != nil {
		return "", false
	}
	return v, true
}
