package bash

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// arithParser evaluates an expression string as it parses it, as bash's
// expr.c does (with noeval for the branches not taken).
type arithParser struct {
	ev    *arithEval
	s     string
	pos   int // next byte
	start int // start of the current token
	prev  int // start of the token before it
	tok   arithTok
	op    string // the operator text
	num   string // the number or name
}

type arithTok uint8

const (
	tokEOF arithTok = iota
	tokNum
	tokName
	tokOp
	tokBad
)

// ops are the operators, longest first.
var arithOps = []string{
	"<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
	"+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
	"+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "!", "~", "?", ":", "=", ",", "(", ")",
}

func (p *arithParser) next() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n') {
		p.pos++
	}
	p.prev, p.start = p.start, p.pos
	if p.pos >= len(p.s) {
		p.tok = tokEOF
		return
	}
	c := p.s[p.pos]
	switch {
	case c >= '0' && c <= '9':
		e := p.pos
		for e < len(p.s) && (isAlnum(p.s[e]) || p.s[e] == '#' || p.s[e] == '@' || p.s[e] == '_') {
			e++
		}
		p.tok, p.num, p.pos = tokNum, p.s[p.pos:e], e
		return
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		e := p.pos
		for e < len(p.s) && (isAlnum(p.s[e]) || p.s[e] == '_') {
			e++
		}
		p.tok, p.num, p.pos = tokName, p.s[p.pos:e], e
		return
	}
	for _, op := range arithOps {
		if strings.HasPrefix(p.s[p.pos:], op) {
			p.tok, p.op = tokOp, op
			p.pos += len(op)
			return
		}
	}
	// bash's lexer stops at a character that starts no token.
	p.tok = tokBad
	p.ev.fail("syntax error: invalid arithmetic operator", p.s[p.start:])
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *arithParser) is(op string) bool { return p.tok == tokOp && p.op == op }

func (p *arithParser) failTok(msg string) int64 {
	return p.ev.fail(msg, p.s[p.start:])
}

func (p *arithParser) comma() int64 {
	v := p.assign()
	for p.ev.err == nil && p.is(",") {
		p.next()
		v = p.assign()
	}
	return v
}

var assignOps = map[string]syntax.BinAritOperator{
	"=": syntax.Assgn, "+=": syntax.Add, "-=": syntax.Sub, "*=": syntax.Mul, "/=": syntax.Quo,
	"%=": syntax.Rem, "&=": syntax.And, "|=": syntax.Or, "^=": syntax.Xor, "<<=": syntax.Shl, ">>=": syntax.Shr,
}

func (p *arithParser) assign() int64 {
	if p.tok == tokName && (p.pos >= len(p.s) || p.s[p.pos] != '[') {
		save := *p
		name := p.num
		p.next()
		if p.tok == tokOp {
			if op, ok := assignOps[p.op]; ok {
				p.next()
				v := p.assign()
				if op != syntax.Assgn {
					v = p.ev.apply(op, p.ev.varValue(name), v, p.s[p.start:])
				}
				p.ev.setVar(name, v)
				return v
			}
		}
		*p = save
	}
	return p.cond()
}

func (p *arithParser) cond() int64 {
	c := p.binary(0)
	if p.ev.err != nil || !p.is("?") {
		return c
	}
	p.next()
	if c == 0 {
		p.ev.noeval++
	}
	a := p.comma()
	if c == 0 {
		p.ev.noeval--
	}
	if !p.is(":") {
		return p.failTok("`:' expected for conditional expression")
	}
	p.next()
	if c != 0 {
		p.ev.noeval++
	}
	b := p.cond()
	if c != 0 {
		p.ev.noeval--
		return a
	}
	return b
}

// levels are the binary operators by precedence, lowest first.
var arithLevels = [][]string{
	{"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"},
	{"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
}

var binOps = map[string]syntax.BinAritOperator{
	"||": syntax.OrArit, "&&": syntax.AndArit, "|": syntax.Or, "^": syntax.Xor, "&": syntax.And,
	"==": syntax.Eql, "!=": syntax.Neq, "<=": syntax.Leq, ">=": syntax.Geq, "<": syntax.Lss, ">": syntax.Gtr,
	"<<": syntax.Shl, ">>": syntax.Shr, "+": syntax.Add, "-": syntax.Sub, "*": syntax.Mul, "/": syntax.Quo, "%": syntax.Rem,
}

func (p *arithParser) binary(level int) int64 {
	if level == len(arithLevels) {
		return p.power()
	}
	v := p.binary(level + 1)
	for p.ev.err == nil && p.tok == tokOp && contains(arithLevels[level], p.op) {
		op := p.op
		p.next()
		skip := (op == "&&" && v == 0) || (op == "||" && v != 0)
		if skip {
			p.ev.noeval++
		}
		tok := p.s[p.start:]
		w := p.binary(level + 1)
		if skip {
			p.ev.noeval--
			v = b2i(op == "||")
			continue
		}
		v = p.ev.apply(binOps[op], v, w, tok)
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *arithParser) power() int64 {
	v := p.unary()
	if p.ev.err == nil && p.is("**") {
		p.next()
		tok := p.s[p.start:]
		w := p.power()
		return p.ev.apply(syntax.Pow, v, w, tok)
	}
	return v
}

func (p *arithParser) unary() int64 {
	if p.tok == tokOp {
		switch p.op {
		case "!":
			p.next()
			return b2i(p.unary() == 0)
		case "~":
			p.next()
			return ^p.unary()
		case "-":
			p.next()
			return -p.unary()
		case "+":
			p.next()
			return p.unary()
		case "++", "--":
			op := p.op
			p.next()
			if p.tok != tokName {
				return p.failTok("syntax error: operand expected")
			}
			name := p.num
			p.next()
			v := p.ev.varValue(name)
			if op == "++" {
				v++
			} else {
				v--
			}
			p.ev.setVar(name, v)
			return v
		}
	}
	return p.primary()
}

func (p *arithParser) primary() int64 {
	switch p.tok {
	case tokNum:
		v := p.ev.number(p.num)
		p.next()
		return v
	case tokName:
		name := p.num
		if p.pos < len(p.s) && p.s[p.pos] == '[' {
			return p.element(name)
		}
		p.next()
		v := p.ev.varValue(name)
		if p.is("++") || p.is("--") {
			nv := v + 1
			if p.op == "--" {
				nv = v - 1
			}
			p.next()
			p.ev.setVar(name, nv)
		}
		return v
	case tokOp:
		if p.op == "(" {
			p.next()
			v := p.comma()
			if p.ev.err != nil {
				return 0
			}
			if !p.is(")") {
				return p.failTok("missing `)'")
			}
			p.next()
			return v
		}
	case tokEOF:
		// bash names the text from the last token read: "+ " in "1 + ".
		return p.ev.fail("syntax error: operand expected", p.s[p.prev:])
	}
	return p.failTok("syntax error: operand expected")
}

// element is name[index]'s value, the current token being name and the
// next byte its "[".
func (p *arithParser) element(name string) int64 {
	depth, end := 0, -1
	for i := p.pos; i < len(p.s) && end < 0; i++ {
		switch p.s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = i
			}
		}
	}
	if end < 0 {
		return p.ev.fail("bad array subscript", p.s[p.start:])
	}
	idx := p.ev.str(p.s[p.pos+1 : end])
	p.pos = end + 1
	p.next()
	if p.ev.err != nil {
		return 0
	}
	v := p.ev.r.lookupVar(name)
	if v == nil || !v.set {
		return 0
	}
	s, _ := v.elem(int(idx))
	if !v.isArray() && idx == 0 {
		s = v.val
	}
	return p.ev.str(s)
}
