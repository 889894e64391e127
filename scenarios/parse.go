package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"rclab/lessons/check/strict"
)

// Parse decodes a scenario from YAML; name is used in errors. Errors are
// strict.Errors, each naming the file, line and column of the file as
// written (before variables are substituted).
func Parse(name string, src []byte) (*Scenario, error) {
	t := &template{src: src, refs: findRefs(src)}
	var errs strict.Errors
	var pos cursor
	for _, r := range t.refs {
		if r.bad != "" {
			line, col := pos.advance(src, r.start)
			errs = append(errs, &strict.Error{File: name, Line: line, Col: col, Msg: r.bad})
		}
	}
	// First pass: the variables, with every reference replaced by a
	// placeholder of the same length.
	ph, restore := t.placeholders()
	defs := defsDoc{restore: restore}
	if err := strict.Decode(name, ph, &defs); err != nil {
		errs = append(errs, asErrors(name, err)...)
	}
	if !defs.seen {
		return nil, sortErrors(errs)
	}
	known := map[string]bool{}
	names := defs.names
	for _, name := range names {
		known[name] = true
	}
	pos = cursor{}
	for _, r := range t.refs {
		if r.escape || r.bad != "" || known[r.name] {
			continue
		}
		line, col := pos.advance(src, r.start)
		msg := fmt.Sprintf("unknown variable ${%s}", r.name)
		if len(names) == 0 {
			msg += ": this scenario has no variables (write $${ for a literal ${)"
		} else {
			if c := strict.Closest(r.name, names); c != "" {
				msg += fmt.Sprintf("; did you mean ${%s}?", c)
			}
			msg += " (variables: " + strings.Join(names, ", ") + ")"
		}
		errs = append(errs, &strict.Error{File: name, Line: line, Col: col, Msg: msg})
	}
	if len(errs) > 0 {
		return nil, sortErrors(errs)
	}

	// Second pass: the whole scenario, once per probe of the values, so
	// a value that breaks the file is found now.
	base := &Scenario{File: name, src: src, tmpl: t, Variables: defs.vars}
	sum := sha256.Sum256(src)
	base.Hash = hex.EncodeToString(sum[:])
	probes := defs.vars.probes()
	var first *Scenario
	type seenErr struct {
		line, col int
		msg       string
	}
	found := map[seenErr][]string{} // error → the values it happens with
	var order []*strict.Error
	for _, idx := range probes {
		values := defs.vars.pick(idx)
		sc, err := base.decode(values)
		if err != nil {
			for _, e := range asErrors(name, err) {
				k := seenErr{e.Line, e.Col, e.Msg}
				if _, ok := found[k]; !ok {
					order = append(order, e)
				}
				found[k] = append(found[k], defs.vars.describe(values))
			}
			continue
		}
		if first == nil {
			first = sc
		}
	}
	if len(order) > 0 {
		for _, e := range order {
			if with := found[seenErr{e.Line, e.Col, e.Msg}]; len(with) < len(probes) {
				e.Msg += " (with " + strings.Join(with, "; ") + ")"
			}
		}
		return nil, sortErrors(order)
	}
	return first, nil
}

// decode substitutes values into the template of s and decodes the
// result; error positions are those of the file as written.
func (s *Scenario) decode(values map[string]string) (*Scenario, error) {
	text, shifts := s.tmpl.fill(values)
	var sc Scenario
	if err := strict.Decode(s.File, text, &sc); err != nil {
		errs := asErrors(s.File, err)
		unshift(errs, shifts)
		return nil, sortErrors(errs)
	}
	if sc.Image == "" {
		sc.Image = "centos5"
	}
	sc.File, sc.Hash, sc.src, sc.tmpl, sc.Variables = s.File, s.Hash, s.src, s.tmpl, s.Variables
	return &sc, nil
}

// defsDoc decodes only the variables of a scenario file.
type defsDoc struct {
	restore func(string) string // undoes the placeholders
	vars    Variables
	names   []string // every variable declared, decoded or not
	seen    bool     // the file was a mapping the decoder reached
}

// UnmarshalStrict decodes the variables key, leaving the rest to the
// second pass.
func (d *defsDoc) UnmarshalStrict(n *strict.Node) error {
	d.seen = true
	if v := n.Value("variables"); v != nil && n.Kind() == "mapping" {
		d.vars, d.names = decodeVariables(v, d.restore)
	}
	return nil
}

// asErrors returns err's strict.Errors (a copy: positions get mapped),
// or err as one error at the top of file.
func asErrors(file string, err error) strict.Errors {
	var se strict.Errors
	if errors.As(err, &se) {
		out := make(strict.Errors, len(se))
		for i, e := range se {
			c := *e
			out[i] = &c
		}
		return out
	}
	return strict.Errors{{File: file, Line: 1, Col: 1, Msg: err.Error()}}
}

// sortErrors orders errors by position and drops repeats; nil for none.
func sortErrors(es strict.Errors) error {
	if len(es) == 0 {
		return nil
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return es[i].Col < es[j].Col
	})
	out := es[:0]
	for i, e := range es {
		if i > 0 && *e == *es[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}
