package bash

import (
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Arithmetic, as bash's expr.c: 64-bit integers, C operators, variables
// whose values are expressions themselves. Parsed expressions ((( )),
// $(( )), let, indexes) are evaluated on their syntax trees; strings
// (variable values, declare -i, [[ -eq ]]) by a small parser below.

// arithError is an evaluation error: the message and the token bash
// names.
type arithError struct {
	msg, token string
}

// arithNamed evaluates x; errors are reported with cmd ("((", "let", or
// "" for an expansion) and ok is false.
func (r *Runner) arithNamed(x syntax.ArithmExpr, cmd string) (int64, bool) {
	if x == nil {
		return 0, true
	}
	if w := arithText(x); w != nil {
		return r.arithByText(w, cmd)
	}
	ev := r.newArith()
	v := ev.eval(x)
	err, text := ev.err, ev.text
	r.doneArith(ev)
	if err != nil {
		if err.msg != "" {
			if text == "" {
				text = printArith(x)
			}
			r.arithReport(cmd, text, err)
		}
		return 0, false
	}
	return v, true
}

// newArith returns an evaluator: the runner's own when it is free (an
// expression inside an expression gets a fresh one).
func (r *Runner) newArith() *arithEval {
	if r.arithBusy {
		return &arithEval{r: r}
	}
	r.arithBusy = true
	r.arithScratch = arithEval{r: r}
	return &r.arithScratch
}

func (r *Runner) doneArith(ev *arithEval) {
	if ev == &r.arithScratch {
		r.arithBusy = false
	}
}

// arith evaluates x with no command name.
func (r *Runner) arith(x syntax.ArithmExpr) (int64, bool) {
	v, ok := r.arithNamed(x, "")
	if !ok {
		r.abort()
	}
	return v, ok
}

func (r *Runner) arithReport(cmd, text string, e *arithError) {
	name := ""
	if cmd != "" {
		name = cmd + ": "
	}
	r.errf("%s%s: %s (error token is \"%s\")", name, strings.TrimLeft(text, " \t\n"), e.msg, e.token)
}

// arithString evaluates a string as an expression (declare -i values).
func (r *Runner) arithString(s string) (int64, bool) {
	ev := r.newArith()
	v := ev.str(s)
	err, text := ev.err, ev.text
	r.doneArith(ev)
	if err != nil {
		if err.msg != "" {
			r.arithReport("", text, err)
		}
		return 0, false
	}
	return v, true
}

// itoa64 formats an int64.
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// printArith is an expression as the printer writes it, compactly.
func printArith(x syntax.ArithmExpr) string {
	var b strings.Builder
	syntax.NewPrinter(syntax.Minify(true)).Print(&b, &syntax.ArithmExp{Left: x.Pos(), Right: x.End(), X: x})
	s := strings.ReplaceAll(b.String(), "\\\n", "")
	s = strings.TrimPrefix(s, "$((")
	return strings.TrimSuffix(s, "))")
}

// parseArith parses an expression string ("i+1") into a tree.
func parseArith(s string) (syntax.ArithmExpr, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader("(("+s+"))"), "")
	if err != nil {
		return nil, err
	}
	if len(f.Stmts) != 1 {
		return nil, strconv.ErrSyntax
	}
	c, ok := f.Stmts[0].Cmd.(*syntax.ArithmCmd)
	if !ok {
		return nil, strconv.ErrSyntax
	}
	return c.X, nil
}

type arithEval struct {
	r      *Runner
	err    *arithError
	text   string // the string being evaluated, for messages
	noeval int
	depth  int
}

func (ev *arithEval) fail(msg, token string) int64 {
	if ev.err == nil {
		ev.err = &arithError{msg, token}
	}
	return 0
}

func (ev *arithEval) eval(x syntax.ArithmExpr) int64 {
	if ev.err != nil {
		return 0
	}
	switch x := x.(type) {
	case *syntax.Word:
		return ev.word(x)
	case *syntax.ParenArithm:
		return ev.eval(x.X)
	case *syntax.UnaryArithm:
		switch x.Op {
		case syntax.Inc, syntax.Dec:
			name, ok := arithVarName(x.X)
			if !ok {
				return ev.fail("attempted assignment to non-variable", printArith(x.X))
			}
			old := ev.varValue(name)
			nv := old + 1
			if x.Op == syntax.Dec {
				nv = old - 1
			}
			ev.setVar(name, nv)
			if x.Post {
				return old
			}
			return nv
		}
		v := ev.eval(x.X)
		switch x.Op {
		case syntax.Not:
			return b2i(v == 0)
		case syntax.BitNegation:
			return ^v
		case syntax.Minus:
			return -v
		}
		return v
	case *syntax.BinaryArithm:
		return ev.binary(x)
	}
	return ev.fail("syntax error in expression", "")
}

func arithVarName(x syntax.ArithmExpr) (string, bool) {
	w, ok := x.(*syntax.Word)
	if !ok || len(w.Parts) != 1 {
		return "", false
	}
	l, ok := w.Parts[0].(*syntax.Lit)
	if !ok || !isName(l.Value) {
		return "", false
	}
	return l.Value, true
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (ev *arithEval) binary(x *syntax.BinaryArithm) int64 {
	switch x.Op {
	case syntax.AndArit:
		if ev.eval(x.X) == 0 {
			ev.noeval++
			ev.eval(x.Y)
			ev.noeval--
			return 0
		}
		return b2i(ev.eval(x.Y) != 0)
	case syntax.OrArit:
		if ev.eval(x.X) != 0 {
			ev.noeval++
			ev.eval(x.Y)
			ev.noeval--
			return 1
		}
		return b2i(ev.eval(x.Y) != 0)
	case syntax.TernQuest:
		c := ev.eval(x.X)
		colon, ok := x.Y.(*syntax.BinaryArithm)
		if !ok || colon.Op != syntax.TernColon {
			return ev.fail("`:' expected for conditional expression", "")
		}
		if c != 0 {
			v := ev.eval(colon.X)
			ev.noeval++
			ev.eval(colon.Y)
			ev.noeval--
			return v
		}
		ev.noeval++
		ev.eval(colon.X)
		ev.noeval--
		return ev.eval(colon.Y)
	case syntax.Comma:
		ev.eval(x.X)
		return ev.eval(x.Y)
	case syntax.Assgn, syntax.AddAssgn, syntax.SubAssgn, syntax.MulAssgn, syntax.QuoAssgn,
		syntax.RemAssgn, syntax.AndAssgn, syntax.OrAssgn, syntax.XorAssgn, syntax.ShlAssgn, syntax.ShrAssgn:
		name, ok := arithVarName(x.X)
		var index syntax.ArithmExpr
		if !ok {
			// a[i]=v
			if w, isW := x.X.(*syntax.Word); isW && len(w.Parts) == 1 {
				if pe, isPE := w.Parts[0].(*syntax.ParamExp); isPE && pe.Index != nil && pe.Param != nil {
					name, index, ok = pe.Param.Value, pe.Index, true
				}
			}
			if !ok {
				return ev.fail("attempted assignment to non-variable", printArith(x.X))
			}
		}
		v := ev.eval(x.Y)
		if x.Op != syntax.Assgn {
			var old int64
			if index != nil {
				old = ev.eval(x.X)
			} else {
				old = ev.varValue(name)
			}
			v = ev.apply(arithOpOf(x.Op), old, v, lazyTok)
			ev.fillTok(x.Y)
		}
		if ev.err != nil {
			return 0
		}
		if index != nil {
			i := ev.eval(index)
			if ev.noeval == 0 && ev.err == nil {
				ev.r.assignElem(name, int(i), strconv.FormatInt(v, 10))
			}
			return v
		}
		ev.setVar(name, v)
		return v
	}
	a := ev.eval(x.X)
	b := ev.eval(x.Y)
	v := ev.apply(x.Op, a, b, lazyTok)
	ev.fillTok(x.Y)
	return v
}

// lazyTok stands for an error token printed only when there is an error.
const lazyTok = "\x00"

func (ev *arithEval) fillTok(x syntax.ArithmExpr) {
	if ev.err != nil && ev.err.token == lazyTok {
		ev.err.token = printArith(x)
	}
}

func arithOpOf(op syntax.BinAritOperator) syntax.BinAritOperator {
	switch op {
	case syntax.AddAssgn:
		return syntax.Add
	case syntax.SubAssgn:
		return syntax.Sub
	case syntax.MulAssgn:
		return syntax.Mul
	case syntax.QuoAssgn:
		return syntax.Quo
	case syntax.RemAssgn:
		return syntax.Rem
	case syntax.AndAssgn:
		return syntax.And
	case syntax.OrAssgn:
		return syntax.Or
	case syntax.XorAssgn:
		return syntax.Xor
	case syntax.ShlAssgn:
		return syntax.Shl
	case syntax.ShrAssgn:
		return syntax.Shr
	}
	return op
}

// apply computes a binary operator; tok names the right operand for a
// division by zero.
func (ev *arithEval) apply(op syntax.BinAritOperator, a, b int64, tok string) int64 {
	if ev.err != nil {
		return 0
	}
	switch op {
	case syntax.Add:
		return a + b
	case syntax.Sub:
		return a - b
	case syntax.Mul:
		return a * b
	case syntax.Quo, syntax.Rem:
		if b == 0 {
			if ev.noeval > 0 {
				return 0
			}
			return ev.fail("division by 0", tok)
		}
		if b == -1 {
			if op == syntax.Quo {
				return -a
			}
			return 0
		}
		if op == syntax.Quo {
			return a / b
		}
		return a % b
	case syntax.Pow:
		if b < 0 {
			if ev.noeval > 0 {
				return 0
			}
			return ev.fail("exponent less than 0", tok)
		}
		r := int64(1)
		for ; b > 0; b-- {
			r *= a
		}
		return r
	case syntax.Eql:
		return b2i(a == b)
	case syntax.Neq:
		return b2i(a != b)
	case syntax.Lss:
		return b2i(a < b)
	case syntax.Leq:
		return b2i(a <= b)
	case syntax.Gtr:
		return b2i(a > b)
	case syntax.Geq:
		return b2i(a >= b)
	case syntax.And:
		return a & b
	case syntax.Or:
		return a | b
	case syntax.Xor:
		return a ^ b
	case syntax.Shl:
		return a << uint64(b&63)
	case syntax.Shr:
		return a >> uint64(b&63)
	case syntax.AndArit:
		return b2i(a != 0 && b != 0)
	case syntax.OrArit:
		return b2i(a != 0 || b != 0)
	case syntax.XorBool:
		return b2i((a != 0) != (b != 0))
	}
	return ev.fail("syntax error: invalid arithmetic operator", "")
}

// word evaluates an operand: a number, a variable, or an expansion whose
// text is an expression.
func (ev *arithEval) word(w *syntax.Word) int64 {
	if len(w.Parts) == 1 {
		switch p := w.Parts[0].(type) {
		case *syntax.Lit:
			s := p.Value
			if s != "" && s[0] >= '0' && s[0] <= '9' {
				return ev.number(s)
			}
			if isName(s) {
				return ev.varValue(s)
			}
		case *syntax.ParamExp:
			if p.Index != nil && p.Param != nil && !p.Dollar.IsValid() {
				// a[i] inside arithmetic
				i := ev.eval(p.Index)
				v := ev.r.lookupVar(p.Param.Value)
				if v == nil || !v.set {
					return 0
				}
				s, _ := v.elem(int(i))
				if !v.isArray() && i == 0 {
					s = v.val
				}
				return ev.str(s)
			}
		}
	}
	s, ok := ev.r.literal(w)
	if !ok {
		return ev.fail("", "")
	}
	return ev.str(s)
}

func (ev *arithEval) varValue(name string) int64 {
	v := ev.r.lookupVar(name)
	if v == nil || !v.set {
		if ev.r.opts.set[optNoUnset] && ev.noeval == 0 {
			ev.r.errf("%s: unbound variable", name)
			ev.r.fatal()
			return ev.fail("", "")
		}
		return 0
	}
	s := v.str()
	if s == "" {
		return 0
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && (s[0] != '0' || len(s) == 1) {
		return n
	}
	return ev.str(s)
}

func (ev *arithEval) setVar(name string, v int64) {
	if ev.noeval > 0 || ev.err != nil {
		return
	}
	if !ev.r.assignString(name, strconv.FormatInt(v, 10), ev.r.pos) {
		ev.fail("", "")
	}
}

// number parses an integer constant: decimal, 0x hex, 0 octal, base#n.
func (ev *arithEval) number(s string) int64 {
	base := int64(10)
	digits := s
	if i := strings.IndexByte(s, '#'); i > 0 {
		b, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil || b < 2 || b > 64 {
			return ev.fail("invalid arithmetic base", s)
		}
		base, digits = b, s[i+1:]
		if digits == "" {
			return ev.fail("invalid integer constant", s)
		}
	} else if len(s) > 1 && s[0] == '0' {
		if s[1] == 'x' || s[1] == 'X' {
			base, digits = 16, s[2:]
			if digits == "" {
				return ev.fail("value too great for base", s)
			}
		} else {
			base, digits = 8, s[1:]
		}
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		var d int64
		switch {
		case c >= '0' && c <= '9':
			d = int64(c - '0')
		case c >= 'a' && c <= 'z':
			d = int64(c-'a') + 10
		case c >= 'A' && c <= 'Z':
			if base <= 36 {
				d = int64(c-'A') + 10
			} else {
				d = int64(c-'A') + 36
			}
		case c == '@':
			d = 62
		case c == '_':
			d = 63
		default:
			return ev.fail("syntax error in expression", s[i:])
		}
		if d >= base {
			return ev.fail("value too great for base", s)
		}
		n = n*base + d
	}
	return n
}

// str evaluates an expression given as text.
func (ev *arithEval) str(s string) int64 {
	if ev.err != nil {
		return 0
	}
	if ev.depth > 1024 {
		return ev.fail("expression recursion level exceeded", s)
	}
	ev.depth++
	v := ev.parseStr(s)
	ev.depth--
	return v
}

func (ev *arithEval) parseStr(s string) int64 {
	p := &arithParser{ev: ev, s: s}
	outer := ev.text
	ev.text = s
	p.next()
	if p.tok == tokEOF {
		ev.text = outer
		return 0
	}
	v := p.comma()
	if ev.err == nil && p.tok != tokEOF {
		p.failTok("syntax error in expression")
	}
	if ev.err == nil {
		ev.text = outer
	}
	return v
}
