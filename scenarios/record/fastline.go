package record

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"rclab/sim"
)

// fastAction decodes an action line written the way the Writer writes
// it: its fields in the Writer's order, no spaces, strings without
// escapes. It reports false for any other line, which decodeStrict then
// reads (and explains): whatever fastAction accepts, decodeStrict would
// decode to the same entry, at several times the cost.
func fastAction(body []byte) (a actionLine, ok bool) {
	s := scan{b: body}
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
	if !ok || escaped || a.Clock.UnmarshalJSON(clock) != nil {
		return a, false
	}
	if !s.lit(`,"status":`) || !s.int(&a.Status) || !s.lit(`,"output_sha256":`) {
		return a, false
	}
	if a.Output, ok = s.str(); !ok || !s.lit(`}`) || len(s.b) != 0 {
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
type scan struct{ b []byte }

// lit consumes text if the line goes on with it.
func (s *scan) lit(text string) bool {
	if !bytes.HasPrefix(s.b, []byte(text)) {
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
		n, err := strconv.ParseInt(string(s.b[:i]), 10, bits)
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
func (s *scan) quoted() (q []byte, escaped, ok bool) {
	if len(s.b) == 0 || s.b[0] != '"' {
		return nil, false, false
	}
	for i := 1; i < len(s.b); i++ {
		switch c := s.b[i]; {
		case c == '"':
			q = s.b[:i+1]
			if !escaped && !utf8.Valid(q) {
				return nil, false, false
			}
			s.b = s.b[i+1:]
			return q, escaped, true
		case c == '\\':
			escaped = true
			i++ // the escaped byte cannot end the string
		case c < 0x20:
			return nil, false, false
		}
	}
	return nil, false, false
}

// str reads a string. One with escapes is left to encoding/json, which
// knows them all.
func (s *scan) str() (string, bool) {
	q, escaped, ok := s.quoted()
	switch {
	case !ok:
		return "", false
	case !escaped:
		return string(q[1 : len(q)-1]), true
	}
	var v string
	if json.Unmarshal(q, &v) != nil {
		return "", false
	}
	return v, true
}
