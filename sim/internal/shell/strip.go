package shell

import (
	"context"
	"regexp"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/pattern"
	"mvdan.cc/sh/v3/syntax"
)

// interp removes a pattern (${VAR#PAT}, ##, %, %%) by compiling PAT to a
// regular expression at every expansion; rc does it for each of some 80
// links per runlevel change (subsys=${script#/etc/rc$runlevel.d/K??}).
// rewriteStrip turns an assignment whose whole value is such a removal,
//
//	NAME=${VAR#PAT}
//
// into
//
//	__rclab_casestrip NAME # "$VAR" PAT'
//
// where PAT' expands, as an argument, to the text interp would make a
// pattern of (interp expands PAT as a literal word). The handler removes
// the pattern with an expression compiled once, then assigns the result
// with interp itself: nested in the runner when it can (see nested.go),
// through the eval builtin otherwise, so the assignment behaves exactly
// as written (scope, read-only and export attributes, allexport, xtrace of
// the assignment). An assignment on its own is no call, so the rewritten
// one does not count against the step budget either.

const stripCall = internal + "casestrip"

// stripOps maps the removal operators to their argument.
var stripOps = map[syntax.ParExpOperator]string{
	syntax.RemSmallPrefix: "#", syntax.RemLargePrefix: "##",
	syntax.RemSmallSuffix: "%", syntax.RemLargeSuffix: "%%",
}

// stripAsCall returns the call replacing st's assignment, or nil.
func stripAsCall(st *syntax.Stmt) *syntax.CallExpr {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) != 0 || len(call.Assigns) != 1 || len(st.Redirs) != 0 || st.Negated || st.Background || st.Coprocess || st.Disown {
		return nil
	}
	as := call.Assigns[0]
	if as.Name == nil || as.Append || as.Naked || as.Index != nil || as.Array != nil || as.Value == nil || len(as.Value.Parts) != 1 {
		return nil
	}
	pe, ok := as.Value.Parts[0].(*syntax.ParamExp)
	if !ok || pe.Exp == nil || pe.Exp.Word == nil || len(pe.Exp.Word.Parts) == 0 {
		return nil
	}
	op, ok := stripOps[pe.Exp.Op]
	if !ok {
		return nil
	}
	base := *pe
	base.Exp = nil
	if !quotablePart(&base) {
		return nil
	}
	pat := stripPatternWord(pe.Exp.Word)
	if pat == nil {
		return nil
	}
	pos := st.Pos()
	lit := func(v string) *syntax.Word {
		return &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: v}}}
	}
	return &syntax.CallExpr{Args: []*syntax.Word{
		lit(stripCall), lit(as.Name.Value), lit(op),
		{Parts: []syntax.WordPart{&syntax.DblQuoted{Left: pos, Right: pos, Parts: []syntax.WordPart{&base}}}},
		pat,
	}}
}

// stripPatternWord returns a word that, as one argument, expands to the
// literal expansion of w (how interp reads a removal pattern), or nil.
func stripPatternWord(w *syntax.Word) *syntax.Word {
	out := &syntax.Word{}
	for i, part := range w.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			if i == 0 && strings.HasPrefix(p.Value, "~") {
				return nil // tilde expansion
			}
			// The literal text, escapes removed, as a quoted string.
			v, err := expand.Literal(&expand.Config{}, &syntax.Word{Parts: []syntax.WordPart{p}})
			if err != nil {
				return nil
			}
			out.Parts = append(out.Parts, &syntax.SglQuoted{Left: p.Pos(), Right: p.End(), Value: v})
		case *syntax.SglQuoted:
			if p.Dollar {
				return nil
			}
			out.Parts = append(out.Parts, p)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if !quotablePart(q) {
					return nil
				}
				if _, ok := q.(*syntax.CmdSubst); ok {
					return nil // expanding it twice (fallback) would run it twice
				}
			}
			out.Parts = append(out.Parts, p)
		case *syntax.ParamExp:
			if !quotablePart(p) {
				return nil
			}
			out.Parts = append(out.Parts, &syntax.DblQuoted{Left: p.Pos(), Right: p.End(), Parts: []syntax.WordPart{p}})
		default:
			return nil
		}
	}
	return out
}

// strip runs `__rclab_casestrip NAME OP VALUE PATTERN`.
func (s *Shell) strip(ctx context.Context, hc *interp.HandlerContext, args []string) ([]string, error) {
	name, op, value, pat := args[1], args[2], args[3], args[4]
	result := removePattern(value, pat, op[0] == '%', len(op) == 1)
	if s.canNest(hc) {
		assign := &syntax.Stmt{Cmd: &syntax.CallExpr{Assigns: []*syntax.Assign{{
			Name:  &syntax.Lit{Value: name},
			Value: &syntax.Word{Parts: []syntax.WordPart{&syntax.SglQuoted{Value: result}}},
		}}}}
		return s.runNested(ctx, []*syntax.Stmt{assign})
	}
	q, err := syntax.Quote(result, syntax.LangBash)
	if err != nil {
		q = "''"
	}
	return []string{"eval", name + "=" + q}, nil
}

// removePattern is expand's removal of pat from str (the prefix or the
// suffix, the shortest or the longest match), with the expression
// compiled once per pattern.
func removePattern(str, pat string, fromEnd, shortest bool) string {
	rx := stripRegexp(pat, fromEnd, shortest)
	if rx == nil {
		return str
	}
	if loc := rx.FindStringSubmatchIndex(str); loc != nil {
		str = str[:loc[2]] + str[loc[3]:]
	}
	return str
}

type stripKey struct {
	pat               string
	fromEnd, shortest bool
}

var stripRegexps struct {
	sync.Mutex
	m map[stripKey]*regexp.Regexp // nil: a pattern that removes nothing
}

const stripRegexpsMax = 1024

func stripRegexp(pat string, fromEnd, shortest bool) *regexp.Regexp {
	key := stripKey{pat, fromEnd, shortest}
	stripRegexps.Lock()
	rx, ok := stripRegexps.m[key]
	stripRegexps.Unlock()
	if ok {
		return rx
	}
	var mode pattern.Mode
	if shortest {
		mode |= pattern.Shortest
	}
	if expr, err := pattern.Regexp(pat, mode); err == nil {
		switch {
		case fromEnd && shortest:
			expr = ".*(" + expr + ")$" // the right-most shortest match
		case fromEnd:
			expr = "(" + expr + ")$"
		default:
			expr = "^(" + expr + ")"
		}
		rx = regexp.MustCompile(expr)
	}
	stripRegexps.Lock()
	if stripRegexps.m == nil || len(stripRegexps.m) >= stripRegexpsMax {
		stripRegexps.m = map[stripKey]*regexp.Regexp{}
	}
	stripRegexps.m[key] = rx
	stripRegexps.Unlock()
	return rx
}
