package scenarios

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"rclab/lessons/check/strict"
)

// Variables are a scenario's variables in the order they are written. In
// YAML, a mapping from each name to how its value is drawn:
//
//	variables:
//	  svc:  {choose: [named, vsftpd]}
//	  port: {range: [8000, 8099]}
//	  lock: {choose: ["${svc}.lock"]}    later variables may use earlier ones
type Variables []*Variable

// Variable is one variable: a name and how its value is drawn.
type Variable struct {
	Name string
	// Choose lists the values to pick from; they may use earlier
	// variables.
	Choose []string
	// Range is an inclusive range of integers, when Choose is empty.
	Range [2]int
}

// Count is how many values the variable can take.
func (v *Variable) Count() uint64 {
	if len(v.Choose) > 0 {
		return uint64(len(v.Choose))
	}
	return uint64(v.Range[1]-v.Range[0]) + 1
}

// Variant is one attempt's scenario: the variables' values drawn from the
// seed, substituted everywhere.
type Variant struct {
	// Scenario is the scenario with the values substituted.
	Scenario *Scenario
	// Seed drew the values and seeds the machine.
	Seed uint64
	// Values maps each variable to its value (empty without variables).
	Values map[string]string
}

// maxChoices bounds a choose list: Parse decodes the file once per value.
const maxChoices = 64

var varNameRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// UnmarshalStrict decodes the mapping of variables, keeping its order.
// (Parse reads the variables before the rest of the file, with their
// references checked; this decodes them again, substituted, as part of
// the scenario.)
func (vs *Variables) UnmarshalStrict(n *strict.Node) error {
	*vs, _ = decodeVariables(n, nil)
	return nil
}

// decodeVariables decodes the variables of node n; with restore (the
// first pass of Parse, where references were replaced by placeholders),
// it restores the values and checks their references. It returns the
// variables that decoded and every name declared.
func decodeVariables(n *strict.Node, restore func(string) string) (Variables, []string) {
	if n.Kind() == "nothing" {
		return nil, nil
	}
	if n.Kind() != "mapping" {
		n.Errorf("\"variables\" should be a mapping from each variable's name to {choose: [...]} or {range: [LOW, HIGH]}, not %s", n.Kind())
		return nil, nil
	}
	var out Variables
	names := n.Keys()
	declared := map[string]bool{}
	for _, name := range names {
		declared[name] = true
	}
	known := map[string]bool{}
	for _, name := range names {
		val := n.Value(name)
		if !varNameRE.MatchString(name) {
			n.Key(name).Errorf("a variable's name is lower-case letters, digits and _, starting with a letter (like svc or port), not %q", name)
			continue
		}
		v, ok := decodeVariable(name, val)
		if !ok {
			continue
		}
		if restore != nil {
			for i, c := range v.Choose {
				v.Choose[i] = restore(c)
				for _, r := range findRefs([]byte(v.Choose[i])) {
					switch {
					case r.bad != "" || r.escape:
					case r.name == name:
						val.Errorf("%s cannot use itself (${%s})", name, name)
					case !known[r.name] && declared[r.name]:
						val.Errorf("%s uses ${%s}, which is written after it: a variable may use only the ones before it", name, r.name)
					}
				}
			}
		}
		known[name] = true
		out = append(out, v)
	}
	return out, names
}

func decodeVariable(name string, n *strict.Node) (*Variable, bool) {
	if n.Kind() != "mapping" || len(n.Keys()) != 1 {
		n.Errorf("the variable %s should be a mapping with one key: {choose: [A, B]} or {range: [LOW, HIGH]}", name)
		return nil, false
	}
	var raw struct {
		Choose []string `yaml:"choose"`
		Range  []int    `yaml:"range"`
	}
	if !n.DecodeFields(&raw) {
		return nil, false
	}
	v := &Variable{Name: name}
	switch {
	case n.Value("choose") != nil:
		if len(raw.Choose) == 0 {
			n.Value("choose").Errorf("\"choose\" of %s lists no values", name)
			return nil, false
		}
		if len(raw.Choose) > maxChoices {
			n.Value("choose").Errorf("\"choose\" of %s lists %d values; at most %d are allowed", name, len(raw.Choose), maxChoices)
			return nil, false
		}
		seen := map[string]bool{}
		for _, c := range raw.Choose {
			switch {
			case strings.ContainsAny(c, "\n\r"):
				n.Value("choose").Errorf("a value of %s is one line; %q has a line break", name, c)
				return nil, false
			case seen[c]:
				n.Value("choose").Errorf("%s lists the value %q twice", name, c)
				return nil, false
			}
			seen[c] = true
		}
		v.Choose = raw.Choose
	default:
		if len(raw.Range) != 2 || raw.Range[0] > raw.Range[1] {
			n.Value("range").Errorf("\"range\" of %s should be [LOW, HIGH] with LOW ≤ HIGH", name)
			return nil, false
		}
		v.Range = [2]int{raw.Range[0], raw.Range[1]}
	}
	return v, true
}

// ref is one ${name} in a text, or a $${ escape.
type ref struct {
	start, end int // byte offsets of ${…} (or of $${ for an escape)
	name       string
	escape     bool
	bad        string // why it is not a valid reference
}

var refNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// findRefs lists the ${name} references and $${ escapes of src in order.
func findRefs(src []byte) []ref {
	var out []ref
	for i := 0; i+1 < len(src); i++ {
		if src[i] != '$' {
			continue
		}
		if src[i+1] == '$' && i+2 < len(src) && src[i+2] == '{' {
			out = append(out, ref{start: i, end: i + 3, escape: true})
			i += 2
			continue
		}
		if src[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < len(src) && src[j] != '}' && src[j] != '\n' {
			j++
		}
		if j >= len(src) || src[j] != '}' {
			out = append(out, ref{start: i, end: i + 2, bad: "\"${\" without a closing \"}\" (write $${ for a literal ${)"})
			i++
			continue
		}
		name := string(src[i+2 : j])
		r := ref{start: i, end: j + 1, name: name}
		if !refNameRE.MatchString(name) {
			r.bad = fmt.Sprintf("%q is not a variable name (write $${ for a literal ${)", "${"+name+"}")
		}
		out = append(out, r)
		i = j
	}
	return out
}

// template is a scenario file with its references located, ready to be
// filled with values.
type template struct {
	src  []byte
	refs []ref
}

// shift is one substitution made in a line, for mapping positions of the
// substituted text back to the file as written.
type shift struct {
	line             int
	newCol, newEnd   int // columns of the value in the substituted text (end exclusive)
	origCol, origEnd int // columns of ${name} in the file
}

// fill substitutes values (by name) for the references; missing names
// are left as written. It returns the text and the shifts made.
func (t *template) fill(values map[string]string) ([]byte, []shift) {
	var b strings.Builder
	b.Grow(len(t.src))
	var shifts []shift
	last := 0
	var pos cursor
	lineDelta := map[int]int{} // per line: new column minus original column so far
	for _, r := range t.refs {
		var val string
		switch {
		case r.escape:
			val = "${"
		case r.bad != "":
			continue
		default:
			v, ok := values[r.name]
			if !ok {
				continue
			}
			val = v
		}
		b.Write(t.src[last:r.start])
		line, col := pos.advance(t.src, r.start)
		endCol := col + utf8.RuneCount(t.src[r.start:r.end])
		d := lineDelta[line]
		n := utf8.RuneCountInString(val)
		shifts = append(shifts, shift{line: line, newCol: col + d, newEnd: col + d + n, origCol: col, origEnd: endCol})
		lineDelta[line] = d + n - (endCol - col)
		b.WriteString(val)
		last = r.end
	}
	b.Write(t.src[last:])
	return []byte(b.String()), shifts
}

// cursor walks a text forward, keeping the line and column of a byte
// offset without rescanning from the start.
type cursor struct {
	off, line, col int
}

// advance moves to offset off (not before the last one) and returns its
// 1-based line and column in characters.
func (c *cursor) advance(src []byte, off int) (line, col int) {
	if c.line == 0 {
		c.line, c.col = 1, 1
	}
	for c.off < off {
		r, size := utf8.DecodeRune(src[c.off:])
		if r == '\n' {
			c.line, c.col = c.line+1, 1
		} else {
			c.col++
		}
		c.off += size
	}
	return c.line, c.col
}

// unshift maps the errors' columns from the substituted text back to the
// file as written.
func unshift(errs strict.Errors, shifts []shift) {
	for _, e := range errs {
		delta, inside := 0, false
		for _, s := range shifts {
			if s.line != e.Line || s.newCol > e.Col {
				continue
			}
			if e.Col < s.newEnd {
				e.Col, inside = s.origCol, true
				break
			}
			delta = (s.origEnd - s.newEnd)
		}
		if !inside {
			e.Col += delta
		}
	}
}

// placeholders fills every reference with a same-length word that is not
// otherwise in the file, so the file parses and keeps its positions
// before the values are known; restore undoes it in decoded text.
func (t *template) placeholders() (filled []byte, restore func(string) string) {
	prefix := "zQ"
	for _, p := range []string{"zQ", "qZ", "Qz", "Zq", "xQ", "Xq"} {
		if !strings.Contains(string(t.src), p) {
			prefix = p
			break
		}
	}
	values := map[string]string{}
	var pairs []string
	for _, r := range t.refs {
		if r.escape || r.bad != "" {
			continue
		}
		if _, ok := values[r.name]; !ok {
			values[r.name] = prefix + r.name + "Q"
			pairs = append(pairs, prefix+r.name+"Q", "${"+r.name+"}")
		}
	}
	out, _ := t.fill(values)
	rep := strings.NewReplacer(pairs...)
	return out, rep.Replace
}

// splitmix64 is the PRNG of variable draws: a tiny, well-mixed generator
// whose sequence depends only on the seed.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// draw picks each variable's value from seed, in order.
func (vs Variables) draw(seed uint64) map[string]string {
	rng := splitmix64(seed)
	idx := make([]uint64, len(vs))
	for i, v := range vs {
		idx[i] = rng.next() % v.Count()
	}
	return vs.pick(idx)
}

// pick gives each variable its value number idx[i], resolving references
// to earlier variables.
func (vs Variables) pick(idx []uint64) map[string]string {
	out := map[string]string{}
	for i, v := range vs {
		if len(v.Choose) == 0 {
			out[v.Name] = strconv.Itoa(v.Range[0] + int(idx[i]))
			continue
		}
		val := v.Choose[idx[i]]
		t := template{src: []byte(val), refs: findRefs([]byte(val))}
		filled, _ := t.fill(out)
		out[v.Name] = string(filled)
	}
	return out
}

// probes are the value choices Parse decodes: every choice index of
// every variable and both ends of every range, in max(choices, 2)
// variants.
func (vs Variables) probes() [][]uint64 {
	n := uint64(2)
	for _, v := range vs {
		if len(v.Choose) > 0 {
			n = max(n, uint64(len(v.Choose)))
		}
	}
	if len(vs) == 0 {
		return [][]uint64{nil}
	}
	out := make([][]uint64, n)
	for k := range n {
		idx := make([]uint64, len(vs))
		for i, v := range vs {
			switch {
			case len(v.Choose) > 0:
				idx[i] = k % uint64(len(v.Choose))
			case k%2 == 1:
				idx[i] = v.Count() - 1
			}
		}
		out[k] = idx
	}
	return out
}

// describe shows the values as "svc=named, port=8000".
func (vs Variables) describe(values map[string]string) string {
	var parts []string
	for _, v := range vs {
		parts = append(parts, v.Name+"="+values[v.Name])
	}
	return strings.Join(parts, ", ")
}

// Variant draws the values of the scenario's variables from seed
// (deterministically: the same seed always gives the same values) and
// returns the scenario with them substituted.
func (s *Scenario) Variant(seed uint64) (*Variant, error) {
	if s.tmpl == nil || len(s.Variables) == 0 {
		return &Variant{Scenario: s, Seed: seed, Values: map[string]string{}}, nil
	}
	values := s.Variables.draw(seed)
	sc, err := s.decode(values)
	if err != nil {
		return nil, fmt.Errorf("%s with %s: %w", s.ID, s.Variables.describe(values), err)
	}
	return &Variant{Scenario: sc, Seed: seed, Values: values}, nil
}
