package bash

import (
	"regexp"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// testClause runs [[ … ]]: status 0 true, 1 false, 2 on an error.
func (r *Runner) testClause(c *syntax.TestClause) {
	v, ok := r.cond(c.X)
	switch {
	case !ok:
		if r.status == 0 || r.status == 1 {
			r.status = 2
		}
		if r.flow == flowNone {
			r.status = 2
		}
	case v:
		r.status = 0
	default:
		r.status = 1
	}
}

// condWord expands an operand of [[ ]]: no splitting, no globbing.
func (r *Runner) condWord(x syntax.TestExpr) (string, bool) {
	w, ok := x.(*syntax.Word)
	if !ok {
		r.errf("conditional binary operator expected")
		return "", false
	}
	return r.literal(w)
}

func (r *Runner) cond(x syntax.TestExpr) (bool, bool) {
	switch x := x.(type) {
	case *syntax.Word:
		s, ok := r.literal(x)
		if r.opts.set[optXTrace] && ok {
			r.trace("[[ " + traceWord(s) + " ]]")
		}
		return s != "", ok
	case *syntax.ParenTest:
		return r.cond(x.X)
	case *syntax.UnaryTest:
		if x.Op == syntax.TsNot {
			v, ok := r.cond(x.X)
			return !v, ok
		}
		s, ok := r.condWord(x.X)
		if !ok {
			return false, false
		}
		op := x.Op.String()
		if r.opts.set[optXTrace] {
			r.trace("[[ " + op + " " + traceWord(s) + " ]]")
		}
		switch x.Op {
		case syntax.TsVarSet, syntax.TsRefVar:
			// bash 3.2 has no -v or -R.
			r.errf("conditional binary operator expected")
			return false, false
		case syntax.TsOptSet:
			i := setOptionIndex(s)
			return i >= 0 && r.opts.set[i], true
		}
		return unaryTest(tester{r}, op, s), true
	case *syntax.BinaryTest:
		switch x.Op {
		case syntax.AndTest:
			v, ok := r.cond(x.X)
			if !ok || !v {
				return false, ok
			}
			return r.cond(x.Y)
		case syntax.OrTest:
			v, ok := r.cond(x.X)
			if !ok || v {
				return v, ok
			}
			return r.cond(x.Y)
		}
		a, ok := r.condWord(x.X)
		if !ok {
			return false, false
		}
		op := x.Op.String()
		switch x.Op {
		case syntax.TsMatch, syntax.TsMatchShort, syntax.TsNoMatch:
			w, _ := x.Y.(*syntax.Word)
			pat, ok := r.pattern(w)
			if !ok {
				return false, false
			}
			if r.opts.set[optXTrace] {
				r.trace("[[ " + traceWord(a) + " " + op + " " + traceWord(unescapeGlob(pat)) + " ]]")
			}
			m := r.match(pat, a, r.opts.shopt[shNoCaseMatch])
			return m == (x.Op != syntax.TsNoMatch), true
		case syntax.TsReMatch:
			w, _ := x.Y.(*syntax.Word)
			expr, ok := r.regexWord(w)
			if !ok {
				return false, false
			}
			if r.opts.set[optXTrace] {
				r.trace("[[ " + traceWord(a) + " =~ " + traceWord(expr) + " ]]")
			}
			re, err := regexp.Compile(expr)
			if err != nil {
				return false, true
			}
			m := re.FindStringSubmatch(a)
			if m == nil {
				r.vars.unset("BASH_REMATCH")
				return false, true
			}
			elems := make([]arrElem, len(m))
			for i, s := range m {
				elems[i] = arrElem{i, s}
			}
			r.assignArray("BASH_REMATCH", elems, false)
			return true, true
		}
		b, ok := r.condWord(x.Y)
		if !ok {
			return false, false
		}
		if r.opts.set[optXTrace] {
			r.trace("[[ " + traceWord(a) + " " + op + " " + traceWord(b) + " ]]")
		}
		switch x.Op {
		case syntax.TsEql, syntax.TsNeq, syntax.TsLss, syntax.TsLeq, syntax.TsGtr, syntax.TsGeq:
			// Operands of the arithmetic operators are expressions.
			av, ok := r.arithString(a)
			if !ok {
				return false, false
			}
			bv, ok := r.arithString(b)
			if !ok {
				return false, false
			}
			switch x.Op {
			case syntax.TsEql:
				return av == bv, true
			case syntax.TsNeq:
				return av != bv, true
			case syntax.TsLss:
				return av < bv, true
			case syntax.TsLeq:
				return av <= bv, true
			case syntax.TsGtr:
				return av > bv, true
			}
			return av >= bv, true
		case syntax.TsBefore:
			return a < b, true
		case syntax.TsAfter:
			return a > b, true
		}
		v, msg := binaryTest(tester{r}, op, a, b)
		if msg != "" {
			r.errf("%s", msg)
			return false, false
		}
		return v, true
	}
	return false, false
}

// regexWord expands the right side of =~: quoted parts match literally
// (bash 3.2), unquoted ones are regular expression text.
func (r *Runner) regexWord(w *syntax.Word) (string, bool) {
	if w == nil {
		return "", true
	}
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted, *syntax.DblQuoted:
			s, ok := r.literal(&syntax.Word{Parts: []syntax.WordPart{p}})
			if !ok {
				return "", false
			}
			b.WriteString(regexp.QuoteMeta(s))
		default:
			s, ok := r.literal(&syntax.Word{Parts: []syntax.WordPart{p}})
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
	}
	return b.String(), true
}
