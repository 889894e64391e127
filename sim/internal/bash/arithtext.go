package bash

import (
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"
)

// bash 3.2 does not parse $(( )), (( )) and let when it reads a line: it
// expands the text of the expression (parameters, command substitutions)
// and parses the result as it evaluates it. So x="1+2"; echo $(($x*3))
// is 7 (the text 1+2*3), op=+; echo $((4 $op 5)) is 9, and $(( )) is 0.
// mvdan's parser builds an expression tree instead. An expression whose
// tree holds an expansion is therefore evaluated as text here: the tree
// printed back, expanded as in double quotes, then evaluated by the
// string evaluator. A line whose arithmetic does not parse at all is
// parsed again with that arithmetic quoted (QuoteBadArith), which the
// evaluator takes as text too.

// arithTexts caches, per expression node, the word its text expands
// from (nil: evaluate the tree).
var arithTexts struct {
	sync.Mutex
	m map[syntax.ArithmExpr]*syntax.Word
}

const arithTextsMax = 4096

// arithText is the word x's text expands from when x holds an expansion
// and can be evaluated as text; nil otherwise.
func arithText(x syntax.ArithmExpr) *syntax.Word {
	if w, ok := x.(*syntax.Word); ok && len(w.Parts) == 1 {
		switch w.Parts[0].(type) {
		case *syntax.Lit, *syntax.DblQuoted:
			return nil // a constant, a name, or already text
		}
	}
	arithTexts.Lock()
	w, ok := arithTexts.m[x]
	arithTexts.Unlock()
	if ok {
		return w
	}
	w = textWord(x)
	arithTexts.Lock()
	if arithTexts.m == nil || len(arithTexts.m) >= arithTextsMax {
		arithTexts.m = map[syntax.ArithmExpr]*syntax.Word{}
	}
	arithTexts.m[x] = w
	arithTexts.Unlock()
	return w
}

// textWord prints x back and parses it as a here-document body: the
// word to expand. nil when x has no expansion, or has an array element
// (a[i]) the string evaluator cannot read.
func textWord(x syntax.ArithmExpr) *syntax.Word {
	expands, subscript := false, false
	syntax.Walk(x, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.ParamExp:
			if !n.Dollar.IsValid() && !n.Short {
				subscript = true
			} else {
				expands = true
			}
		case *syntax.CmdSubst, *syntax.ArithmExp, *syntax.DblQuoted, *syntax.SglQuoted:
			expands = true
		}
		return !subscript
	})
	if !expands || subscript {
		return nil
	}
	w, err := syntax.NewParser().Document(strings.NewReader(printArith(x)))
	if err != nil {
		return nil
	}
	return w
}

// arithByText evaluates the text of w: expanded, then parsed.
func (r *Runner) arithByText(w *syntax.Word, cmd string) (int64, bool) {
	s, ok := r.literal(w)
	if !ok {
		return 0, false
	}
	ev := r.newArith()
	v := ev.str(s)
	err, text := ev.err, ev.text
	r.doneArith(ev)
	if err != nil {
		if err.msg != "" {
			if text == "" {
				text = s
			}
			r.arithReport(cmd, text, err)
		}
		return 0, false
	}
	return v, true
}

// QuoteBadArith rewrites src, which does not parse, so that each $(( ))
// or (( )) whose expression does not parse has its text in double
// quotes: "$((1+))" becomes "$((\"1+\"))", which parses, and which the
// evaluator expands and evaluates as text when it runs, as bash does.
// ok is false when there is nothing to rewrite.
func QuoteBadArith(src string) (string, bool) {
	var b strings.Builder
	last, changed := 0, false
	for i := 0; i+1 < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
			continue
		case '\'':
			if j := strings.IndexByte(src[i+1:], '\''); j >= 0 && !inDouble(src[:i]) {
				i += j + 1
			}
			continue
		case '(':
		default:
			continue
		}
		if src[i+1] != '(' {
			continue
		}
		end := arithEnd(src, i+2)
		if end < 0 {
			continue
		}
		body := src[i+2 : end]
		if strings.ContainsAny(body, "\"'`\\") {
			continue
		}
		if _, err := parseArith(body); err == nil {
			continue
		}
		b.WriteString(src[last : i+2])
		b.WriteByte('"')
		b.WriteString(body)
		b.WriteByte('"')
		last, changed = end, true
		i = end + 1
	}
	if !changed {
		return src, false
	}
	b.WriteString(src[last:])
	return b.String(), true
}

// arithEnd is the offset of the "))" closing the expression that starts
// at off in src (parentheses balanced), or -1.
func arithEnd(src string, off int) int {
	depth := 0
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
				continue
			}
			if i+1 < len(src) && src[i+1] == ')' {
				return i
			}
			return -1
		}
	}
	return -1
}

// inDouble reports whether the end of s is inside double quotes (a
// rough count of unescaped quotes, enough to skip single quotes).
func inDouble(s string) bool {
	in := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			in = !in
		}
	}
	return in
}

// Parse parses src as bash, as the script or line named name; when it
// does not parse only because of arithmetic, as quoted by QuoteBadArith,
// the quoted text is parsed instead, so that the error comes when the
// expression is evaluated, as in bash.
func Parse(src, name string) (*syntax.File, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
	if err == nil {
		return f, nil
	}
	if q, ok := QuoteBadArith(src); ok {
		if f2, err2 := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(q), name); err2 == nil {
			return f2, nil
		}
	}
	return nil, err
}
