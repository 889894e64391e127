package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"rclab/lessons/check/strict"
)

// Pattern is a regular expression (Go RE2 syntax) matched against text
// line by line: ^ and $ match at the start and end of every line.
type Pattern struct {
	Src string
	re  *regexp.Regexp
}

// UnmarshalStrict compiles the pattern, reporting a bad one where it is
// written.
func (p *Pattern) UnmarshalStrict(n *strict.Node) error {
	s, ok := n.Scalar()
	if !ok {
		n.Errorf("%s should be a pattern (a regular expression as text), not %s", quoteName(n), n.Kind())
		return nil
	}
	re, err := regexp.Compile("(?m)" + s)
	if err != nil {
		msg := err.Error()
		msg = strings.TrimPrefix(msg, "error parsing regexp: ")
		msg = strings.ReplaceAll(msg, "(?m)", "")
		n.Errorf("%s is not a valid pattern: %s", quoteName(n), msg)
		return nil
	}
	p.Src, p.re = s, re
	return nil
}

// NewPattern compiles a pattern for checks built in Go.
func NewPattern(src string) (Pattern, error) {
	re, err := regexp.Compile("(?m)" + src)
	if err != nil {
		return Pattern{}, err
	}
	return Pattern{Src: src, re: re}, nil
}

// MatchString reports whether the pattern matches s.
func (p Pattern) MatchString(s string) bool { return p.re != nil && p.re.MatchString(s) }

func (p Pattern) String() string { return "/" + p.Src + "/" }

// Levels is a set of runlevels written as digits, "35" or "0126" (as for
// chkconfig --level).
type Levels string

// UnmarshalStrict accepts digits 0 to 6, each at most once.
func (l *Levels) UnmarshalStrict(n *strict.Node) error {
	s, ok := n.Scalar()
	if !ok {
		n.Errorf("%s should be runlevels written as digits, like \"35\", not %s", quoteName(n), n.Kind())
		return nil
	}
	if s == "" {
		*l = ""
		return nil
	}
	seen := map[rune]bool{}
	for _, r := range s {
		if r < '0' || r > '6' {
			n.Errorf("%s should be runlevels written as digits 0 to 6, like \"35\"; %q is not one", quoteName(n), string(r))
			return nil
		}
		if seen[r] {
			n.Errorf("%s names runlevel %c twice", quoteName(n), r)
			return nil
		}
		seen[r] = true
	}
	*l = Levels(s)
	return nil
}

// list is the levels as numbers.
func (l Levels) list() []int {
	var out []int
	for _, r := range l {
		out = append(out, int(r-'0'))
	}
	return out
}

func (l Levels) has(level int) bool { return strings.ContainsRune(string(l), rune('0'+level)) }

// spaced is "3 5".
func (l Levels) spaced() string {
	var parts []string
	for _, r := range l {
		parts = append(parts, string(r))
	}
	return strings.Join(parts, " ")
}

// Name is the name of a service, program or user: letters, digits and
// . _ - + @ only.
type Name string

var nameRE = regexp.MustCompile(`^[A-Za-z0-9_.@+-]+$`)

// UnmarshalStrict accepts a plain name.
func (s *Name) UnmarshalStrict(n *strict.Node) error {
	v, ok := n.Scalar()
	if !ok || !nameRE.MatchString(v) {
		n.Errorf("%s should be a plain name (letters, digits, . _ - + @), not %s", quoteName(n), describeScalar(n))
		return nil
	}
	*s = Name(v)
	return nil
}

// Since says which copy of the machine a comparison uses: "lesson" (the
// default: the start of the lesson or exam) or "step".
type Since string

// UnmarshalStrict accepts lesson or step.
func (s *Since) UnmarshalStrict(n *strict.Node) error {
	v, _ := n.Scalar()
	if v != "lesson" && v != "step" {
		n.Errorf("%s should be \"lesson\" or \"step\", not %s", quoteName(n), describeScalar(n))
		return nil
	}
	*s = Since(v)
	return nil
}

func (s Since) String() string {
	if s == "" {
		return "lesson"
	}
	return string(s)
}

// Level is one runlevel as runlevel prints it: 0 to 6, S, or N (none);
// for current and previous also "default" (the initdefault of
// /etc/inittab) and "start" (as when the lesson started).
type Level string

// UnmarshalStrict accepts a runlevel.
func (l *Level) UnmarshalStrict(n *strict.Node) error {
	v, ok := n.Scalar()
	switch {
	case ok && len(v) == 1 && strings.Contains("0123456SN", strings.ToUpper(v)):
		*l = Level(strings.ToUpper(v))
	case ok && (v == "default" || v == "start"):
		*l = Level(v)
	default:
		n.Errorf("%s should be a runlevel (0 to 6, S, N, default or start), not %s", quoteName(n), describeScalar(n))
	}
	return nil
}

// Mode is a file mode in octal, "0755" or "755".
type Mode struct {
	Perm uint32
	Src  string
}

// UnmarshalStrict accepts three or four octal digits.
func (m *Mode) UnmarshalStrict(n *strict.Node) error {
	v, ok := n.Scalar()
	p, err := strconv.ParseUint(v, 8, 32)
	if !ok || err != nil || len(v) < 3 || len(v) > 4 || p > 0o7777 {
		n.Errorf("%s should be a mode in octal like \"0755\", not %s", quoteName(n), describeScalar(n))
		return nil
	}
	*m = Mode{Perm: uint32(p), Src: fmt.Sprintf("%04o", p)}
	return nil
}

func quoteName(n *strict.Node) string {
	if n.Name() == "" {
		return "this value"
	}
	return fmt.Sprintf("%q", n.Name())
}

func describeScalar(n *strict.Node) string {
	if s, ok := n.Scalar(); ok {
		return strconv.Quote(s)
	}
	return n.Kind()
}

// homePath expands a leading ~/ to root's home, /root.
func homePath(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		return "/root/" + rest
	}
	if p == "~" {
		return "/root"
	}
	return p
}

// Path is an absolute path on the machine; ~/ stands for /root/.
type Path string

// UnmarshalStrict accepts /absolute or ~/relative paths.
func (p *Path) UnmarshalStrict(n *strict.Node) error {
	v, ok := n.Scalar()
	if !ok || !(strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~/")) {
		n.Errorf("%s should be an absolute path (starting with / or ~/), not %s", quoteName(n), describeScalar(n))
		return nil
	}
	*p = Path(v)
	return nil
}

func (p Path) abs() string { return homePath(string(p)) }
