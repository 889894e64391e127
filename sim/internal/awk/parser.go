package awk

import (
	"fmt"
	"sort"
	"strings"
)

// Source is one piece of program text: the -f file it came from, or
// "cmd. line" for a program given on the command line.
type Source struct {
	Name string
	Text string
}

// SyntaxError is a parse error, positioned the way gawk 3.1.5 reports it:
// the offending source line, then a caret under the offending token.
type SyntaxError struct {
	Source string // "cmd. line" or the -f file name
	Line   int    // 1-based line number
	Text   string // the source line, without its newline
	Col    int    // byte offset of the caret in Text; -1: no caret line
	Msg    string // "syntax error", "unexpected newline or end of string", "fatal: ..."
}

func (e *SyntaxError) Error() string {
	if e.Col < 0 {
		return fmt.Sprintf("%s:%d: %s", e.Source, e.Line, e.Msg)
	}
	var pad strings.Builder
	for i := 0; i < e.Col && i < len(e.Text); i++ {
		if e.Text[i] == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	for i := len(e.Text); i < e.Col; i++ {
		pad.WriteByte(' ')
	}
	return fmt.Sprintf("%s:%d: %s\n%s:%d: %s^ %s", e.Source, e.Line, e.Text, e.Source, e.Line, pad.String(), e.Msg)
}

// sourceMap turns offsets in the joined program text back into file names
// and lines.
type sourceMap struct {
	text  string
	names []string
	start []int
}

func newSourceMap(srcs []Source) *sourceMap {
	m := &sourceMap{}
	var b strings.Builder
	for i, s := range srcs {
		if i > 0 {
			b.WriteByte('\n')
		}
		m.names = append(m.names, s.Name)
		m.start = append(m.start, b.Len())
		b.WriteString(s.Text)
	}
	m.text = b.String()
	if len(srcs) == 0 {
		m.names, m.start = []string{"cmd. line"}, []int{0}
	}
	return m
}

// locate returns the source name, the 1-based line, the line's text and
// the column of pos.
func (m *sourceMap) locate(pos int) (name string, line int, text string, col int) {
	if pos > len(m.text) {
		pos = len(m.text)
	}
	if pos < 0 {
		pos = 0
	}
	k := sort.SearchInts(m.start, pos+1) - 1
	if k < 0 {
		k = 0
	}
	base := m.start[k]
	line = 1 + strings.Count(m.text[base:pos], "\n")
	ls := strings.LastIndexByte(m.text[:pos], '\n') + 1
	if ls < base {
		ls = base
	}
	le := strings.IndexByte(m.text[pos:], '\n')
	if le < 0 {
		le = len(m.text)
	} else {
		le += pos
	}
	return m.names[k], line, m.text[ls:le], pos - ls
}

type parser struct {
	lx   *lexer
	tok  token
	prev token
	src  *sourceMap

	prog      *Program
	globals   map[string]int
	locals    map[string]int // nil outside functions
	funcName  string
	calls     []*callExpr
	loopDepth int
	inBegin   bool // BEGIN or END: next is not allowed
	inEnd     bool
	noGT      int // >0: '>' is print redirection, not a comparison
	noIn      int // >0: 'in' ends the expression (for-in header)
	depth     int
}

// parseError unwinds the parser.
type parseError struct{ err *SyntaxError }

// Parse parses program text (one or more sources, joined as gawk joins
// several -f files) into a Program. The error, if any, is a *SyntaxError.
func Parse(srcs []Source) (prog *Program, err error) {
	sm := newSourceMap(srcs)
	p := &parser{
		lx:  &lexer{src: sm.text},
		src: sm,
		prog: &Program{
			funcs: map[string]*funcDef{},
			src:   sm,
		},
		globals: map[string]int{},
	}
	for i, n := range []string{"ARGC", "ARGV", "ENVIRON"} {
		p.globals[n] = i
		p.prog.globals = append(p.prog.globals, n)
	}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			prog, err = nil, pe.err
		}
	}()
	p.advance()
	p.program()
	p.resolve()
	for _, w := range p.lx.warnings {
		name, line, _, _ := sm.locate(w.pos)
		p.prog.warnings = append(p.prog.warnings, fmt.Sprintf("%s:%d: warning: %s", name, line, w.msg))
	}
	p.prog.lastPos = len(sm.text)
	if i := strings.LastIndexByte(strings.TrimRight(sm.text, "\n"), '\n'); i >= 0 {
		p.prog.lastPos = i + 1
	}
	return p.prog, nil
}

func (p *parser) advance() {
	p.prev = p.tok
	p.tok = p.lx.next()
	if p.tok.kind == tIllegal {
		p.errorAt(p.lx.errPos, p.lx.errMsg)
	}
}

func (p *parser) errorAt(pos int, msg string) {
	name, line, text, col := p.src.locate(pos)
	panic(parseError{&SyntaxError{Source: name, Line: line, Text: text, Col: col, Msg: msg}})
}

func (p *parser) fatalAt(pos int, format string, args ...any) {
	name, line, _, _ := p.src.locate(pos)
	panic(parseError{&SyntaxError{Source: name, Line: line, Col: -1, Msg: "fatal: " + fmt.Sprintf(format, args...)}})
}

// fail reports a syntax error at the current token. At a newline gawk has
// already counted the new line, so the message carries the next line's
// number above the line the newline ends.
func (p *parser) fail() {
	switch p.tok.kind {
	case tNewline:
		name, line, text, col := p.src.locate(p.tok.pos)
		panic(parseError{&SyntaxError{Source: name, Line: line + 1, Text: text, Col: col, Msg: "unexpected newline or end of string"}})
	case tEOF:
		pos := p.tok.pos
		if strings.HasSuffix(p.lx.src, "\n") && pos > 0 {
			pos--
		}
		p.errorAt(pos, "unexpected newline or end of string")
	}
	p.errorAt(p.tok.pos, "syntax error")
}

func (p *parser) expect(k tokKind) token {
	if p.tok.kind != k {
		p.fail()
	}
	t := p.tok
	p.advance()
	return t
}

func (p *parser) optNewlines() {
	for p.tok.kind == tNewline {
		p.advance()
	}
}

func (p *parser) skipTerminators() {
	for p.tok.kind == tNewline || p.tok.kind == tSemi {
		p.advance()
	}
}

func (p *parser) enter() {
	p.depth++
	if p.depth > 500 {
		p.errorAt(p.tok.pos, "expression nested too deeply")
	}
}

func (p *parser) leave() { p.depth-- }

func (p *parser) program() {
	p.skipTerminators()
	for p.tok.kind != tEOF {
		p.itemDecl()
		p.skipTerminators()
	}
}

func (p *parser) itemDecl() {
	switch p.tok.kind {
	case tBegin:
		p.advance()
		p.optNewlines()
		if p.tok.kind != tLbrace {
			p.fail()
		}
		p.inBegin = true
		p.prog.begins = append(p.prog.begins, p.block())
		p.inBegin = false
	case tEnd:
		p.advance()
		p.optNewlines()
		if p.tok.kind != tLbrace {
			p.fail()
		}
		p.inEnd = true
		p.prog.ends = append(p.prog.ends, p.block())
		p.inEnd = false
	case tFunction:
		p.function()
	default:
		it := &item{pos: p.tok.pos}
		if p.tok.kind != tLbrace {
			it.pat = p.expr()
			if p.tok.kind == tComma {
				p.advance()
				p.optNewlines()
				it.pat2 = p.expr()
			}
		}
		if p.tok.kind == tLbrace {
			it.action = p.block()
			it.hasAction = true
		} else if p.tok.kind != tNewline && p.tok.kind != tSemi && p.tok.kind != tEOF {
			p.fail()
		}
		p.prog.items = append(p.prog.items, it)
	}
}

func (p *parser) function() {
	pos := p.tok.pos
	p.advance()
	var name string
	switch p.tok.kind {
	case tName, tFuncName:
		name = p.tok.text
	case tBuiltin:
		p.errorAt(p.tok.pos, fmt.Sprintf("function name `%s' previously defined", p.tok.text))
	default:
		p.fail()
	}
	if _, dup := p.prog.funcs[name]; dup {
		p.errorAt(p.tok.pos, fmt.Sprintf("function name `%s' previously defined", name))
	}
	if _, isSpecial := specialNames[name]; isSpecial {
		p.errorAt(p.tok.pos, fmt.Sprintf("function name `%s' previously defined", name))
	}
	p.advance()
	p.expect(tLparen)
	fd := &funcDef{name: name, pos: pos}
	p.locals = map[string]int{}
	for p.tok.kind != tRparen {
		if p.tok.kind != tName {
			p.fail()
		}
		pn := p.tok.text
		if pn == name {
			p.errorAt(p.tok.pos, fmt.Sprintf("function `%s': can't use function name as parameter name", name))
		}
		if _, dup := p.locals[pn]; dup {
			p.errorAt(p.tok.pos, fmt.Sprintf("function `%s': parameter #%d, `%s', duplicates parameter #%d", name, len(fd.params)+1, pn, p.locals[pn]+1))
		}
		if _, sp := specialNames[pn]; sp {
			p.errorAt(p.tok.pos, fmt.Sprintf("function `%s': can't use special variable `%s' as a function parameter", name, pn))
		}
		p.locals[pn] = len(fd.params)
		fd.params = append(fd.params, pn)
		p.advance()
		if p.tok.kind == tComma {
			p.advance()
			p.optNewlines()
			continue
		}
		if p.tok.kind != tRparen {
			p.fail()
		}
	}
	p.advance()
	p.optNewlines()
	p.prog.funcs[name] = fd
	p.funcName = name
	fd.body = p.block()
	p.locals = nil
	p.funcName = ""
}

// resolve binds calls to their functions once the whole program is read;
// a call to an undefined function fails only when it runs, as in gawk.
func (p *parser) resolve() {
	for _, c := range p.calls {
		c.fn = p.prog.funcs[c.name]
	}
	for name, fd := range p.prog.funcs {
		if i, clash := p.globals[name]; clash && i >= numPredefGlobals {
			p.fatalAt(fd.pos, "function `%s' called with space between name and `(',\nor used as a variable or an array", name)
		}
	}
}

func (p *parser) block() []Stmt {
	p.expect(tLbrace)
	var body []Stmt
	for {
		p.skipTerminators()
		if p.tok.kind == tRbrace {
			p.advance()
			return body
		}
		if p.tok.kind == tEOF {
			p.fail()
		}
		if s := p.stmt(); s != nil {
			body = append(body, s)
		}
	}
}

// endSimple consumes the terminator of a simple statement.
func (p *parser) endSimple() {
	switch p.tok.kind {
	case tSemi, tNewline:
		p.advance()
	case tRbrace, tEOF:
	default:
		p.fail()
	}
}

// body parses the statement governed by if/while/for.
func (p *parser) body() []Stmt {
	if p.tok.kind == tSemi {
		p.advance()
		return nil
	}
	p.optNewlines()
	if p.tok.kind == tSemi {
		p.advance()
		return nil
	}
	s := p.stmt()
	if b, ok := s.(*blockStmt); ok {
		return b.body
	}
	if s == nil {
		return nil
	}
	return []Stmt{s}
}

func (p *parser) stmt() Stmt {
	p.enter()
	defer p.leave()
	pos := p.tok.pos
	switch p.tok.kind {
	case tLbrace:
		return &blockStmt{pos: pos, body: p.block()}
	case tSemi:
		p.advance()
		return nil
	case tIf:
		p.advance()
		p.expect(tLparen)
		cond := p.expr()
		p.expect(tRparen)
		s := &ifStmt{pos: pos, cond: cond, then: p.body()}
		// "if (c) x; else y" and "if (c) x\n else y"
		save := p.save()
		p.skipTerminators()
		if p.tok.kind == tElse {
			p.advance()
			s.els = p.body()
		} else {
			p.restore(save)
		}
		return s
	case tWhile:
		p.advance()
		p.expect(tLparen)
		cond := p.expr()
		p.expect(tRparen)
		p.loopDepth++
		b := p.body()
		p.loopDepth--
		return &whileStmt{pos: pos, cond: cond, body: b}
	case tDo:
		p.advance()
		p.optNewlines()
		p.loopDepth++
		b := p.body()
		p.loopDepth--
		p.skipTerminators()
		p.expect(tWhile)
		p.expect(tLparen)
		cond := p.expr()
		p.expect(tRparen)
		p.endSimple()
		return &doStmt{pos: pos, body: b, cond: cond}
	case tFor:
		return p.forStmt()
	}
	s := p.simpleStmt()
	p.endSimple()
	return s
}

type parserState struct {
	lexPos    int
	tok, prev token
}

func (p *parser) save() parserState { return parserState{p.lx.pos, p.tok, p.prev} }

func (p *parser) restore(s parserState) { p.lx.pos, p.tok, p.prev = s.lexPos, s.tok, s.prev }

func (p *parser) forStmt() Stmt {
	pos := p.tok.pos
	p.advance()
	p.expect(tLparen)
	// for (k in arr)
	if p.tok.kind == tName {
		save := p.save()
		v := p.tok
		p.advance()
		if p.tok.kind == tIn {
			p.advance()
			if p.tok.kind == tName {
				a := p.tok
				p.advance()
				if p.tok.kind == tRparen {
					p.advance()
					s := &forInStmt{pos: pos, v: p.varRef(v.text, v.pos), arr: p.varRef(a.text, a.pos)}
					p.loopDepth++
					s.body = p.body()
					p.loopDepth--
					return s
				}
			}
		}
		p.restore(save)
	}
	s := &forStmt{pos: pos}
	if p.tok.kind != tSemi {
		s.init = p.simpleStmt()
	}
	p.expect(tSemi)
	p.optNewlines()
	if p.tok.kind != tSemi {
		s.cond = p.expr()
	}
	p.expect(tSemi)
	p.optNewlines()
	if p.tok.kind != tRparen {
		s.post = p.simpleStmt()
	}
	p.expect(tRparen)
	p.loopDepth++
	s.body = p.body()
	p.loopDepth--
	return s
}

func (p *parser) simpleStmt() Stmt {
	pos := p.tok.pos
	switch p.tok.kind {
	case tPrint, tPrintf:
		return p.printStmt()
	case tDelete:
		p.advance()
		if p.tok.kind != tName {
			p.fail()
		}
		ref := p.varRef(p.tok.text, p.tok.pos)
		p.advance()
		s := &deleteStmt{pos: pos, arr: ref}
		if p.tok.kind == tLbracket {
			p.advance()
			s.index = p.exprList()
			p.expect(tRbracket)
		}
		return s
	case tNext, tNextfile:
		word := p.tok.text
		p.advance()
		if p.inBegin || p.inEnd {
			which := "BEGIN"
			if p.inEnd {
				which = "END"
			}
			p.errorAt(p.tok.pos, fmt.Sprintf("`%s' used in %s action", word, which))
		}
		if word == "next" {
			return &nextStmt{pos: pos}
		}
		return &nextfileStmt{pos: pos}
	case tExit:
		p.advance()
		s := &exitStmt{pos: pos}
		if !p.endOfSimple() {
			s.x = p.expr()
		}
		return s
	case tReturn:
		if p.funcName == "" {
			p.errorAt(pos, "`return' used outside function context")
		}
		p.advance()
		s := &returnStmt{pos: pos}
		if !p.endOfSimple() {
			s.x = p.expr()
		}
		return s
	case tBreak:
		if p.loopDepth == 0 {
			p.errorAt(pos, "`break' outside a loop is not allowed")
		}
		p.advance()
		return &breakStmt{pos: pos}
	case tContinue:
		if p.loopDepth == 0 {
			p.errorAt(pos, "`continue' outside a loop is not allowed")
		}
		p.advance()
		return &continueStmt{pos: pos}
	}
	return &exprStmt{pos: pos, x: p.expr()}
}

func (p *parser) endOfSimple() bool {
	switch p.tok.kind {
	case tSemi, tNewline, tRbrace, tEOF:
		return true
	}
	return false
}

func (p *parser) printStmt() Stmt {
	s := &printStmt{pos: p.tok.pos, printf: p.tok.kind == tPrintf}
	p.advance()
	p.noGT++
	if p.tok.kind == tLparen {
		// print (a, b) > "file": the parentheses group the list.
		save := p.save()
		p.advance()
		p.noGT, p.noIn = 0, 0
		args := p.exprList()
		p.noGT = 1
		if p.tok.kind == tRparen {
			p.advance()
			switch p.tok.kind {
			case tSemi, tNewline, tRbrace, tEOF, tGT, tAppend, tPipe:
				s.args = args
				goto redir
			}
		}
		p.restore(save)
		p.noGT = 1
	}
	if !p.endOfSimple() && p.tok.kind != tGT && p.tok.kind != tAppend && p.tok.kind != tPipe {
		s.args = p.exprList()
	}
redir:
	p.noGT--
	switch p.tok.kind {
	case tGT, tAppend, tPipe:
		s.redir = p.tok.kind
		p.advance()
		p.noGT++
		s.dest = p.concat()
		p.noGT--
	}
	if s.printf && len(s.args) == 0 {
		p.fail()
	}
	return s
}

func (p *parser) exprList() []Expr {
	list := []Expr{p.expr()}
	for p.tok.kind == tComma {
		p.advance()
		p.optNewlines()
		list = append(list, p.expr())
	}
	return list
}

func (p *parser) varRef(name string, pos int) *varRef {
	if p.locals != nil {
		if i, ok := p.locals[name]; ok {
			return &varRef{scope: scopeLocal, idx: i, name: name}
		}
	}
	if i, ok := specialNames[name]; ok {
		return &varRef{scope: scopeSpecial, idx: i, name: name}
	}
	if _, isFunc := p.prog.funcs[name]; isFunc {
		p.fatalAt(pos, "function `%s' called with space between name and `(',\nor used as a variable or an array", name)
	}
	i, ok := p.globals[name]
	if !ok {
		i = len(p.prog.globals)
		p.globals[name] = i
		p.prog.globals = append(p.prog.globals, name)
	}
	return &varRef{scope: scopeGlobal, idx: i, name: name}
}

func isLvalue(e Expr) bool {
	switch e.(type) {
	case *varRef, *indexExpr, *fieldExpr:
		return true
	}
	return false
}

// expr parses an expression, assignments included.
func (p *parser) expr() Expr {
	p.enter()
	defer p.leave()
	lhs := p.ternary()
	if !isLvalue(lhs) {
		return lhs
	}
	switch op := p.tok.kind; op {
	case tAssign, tAddAssign, tSubAssign, tMulAssign, tDivAssign, tModAssign, tPowAssign:
		p.advance()
		p.optNewlines()
		return &assignExpr{lhs: lhs, op: op, rhs: p.expr()}
	}
	return lhs
}

func (p *parser) ternary() Expr {
	cond := p.or()
	if p.tok.kind != tQuestion {
		return cond
	}
	p.advance()
	p.optNewlines()
	yes := p.expr()
	p.optNewlines()
	p.expect(tColon)
	p.optNewlines()
	no := p.expr()
	return &condExpr{cond: cond, yes: yes, no: no}
}

func (p *parser) or() Expr {
	l := p.and()
	for p.tok.kind == tOr {
		p.advance()
		p.optNewlines()
		l = &binaryExpr{op: tOr, l: l, r: p.and()}
	}
	return l
}

func (p *parser) and() Expr {
	l := p.in()
	for p.tok.kind == tAnd {
		p.advance()
		p.optNewlines()
		l = &binaryExpr{op: tAnd, l: l, r: p.in()}
	}
	return l
}

func (p *parser) in() Expr {
	l := p.match()
	for p.tok.kind == tIn && p.noIn == 0 {
		p.advance()
		if p.tok.kind != tName {
			p.fail()
		}
		arr := p.varRef(p.tok.text, p.tok.pos)
		p.advance()
		l = &inExpr{index: []Expr{l}, arr: arr}
	}
	return l
}

func (p *parser) match() Expr {
	l := p.compare()
	for p.tok.kind == tMatch || p.tok.kind == tNoMatch {
		neg := p.tok.kind == tNoMatch
		p.advance()
		l = &matchExpr{l: l, re: p.compare(), neg: neg}
	}
	return l
}

func (p *parser) compare() Expr {
	l := p.concat()
	for {
		switch op := p.tok.kind; op {
		case tGT:
			if p.noGT > 0 {
				return l
			}
			fallthrough
		case tLT, tGE, tLE, tEQ, tNE:
			p.advance()
			l = &binaryExpr{op: op, l: l, r: p.concat()}
		case tPipe:
			// cmd | getline [var]
			save := p.save()
			p.advance()
			if p.tok.kind != tGetline {
				p.restore(save)
				return l
			}
			p.advance()
			g := &getlineExpr{kind: getCmd, src: l}
			g.lhs = p.optLvalue()
			l = g
		default:
			return l
		}
	}
}

// startsOperand says whether the current token can begin an operand of an
// implicit concatenation.
func (p *parser) startsOperand() bool {
	switch p.tok.kind {
	case tNumber, tString, tName, tFuncName, tBuiltin, tDollar, tNot, tLparen, tIncr, tDecr, tSub, tAdd:
		return true
	case tIn:
		return false
	}
	return false
}

func (p *parser) concat() Expr {
	l := p.additive()
	for p.startsOperand() && p.tok.kind != tSub && p.tok.kind != tAdd && p.tok.kind != tNot {
		l = &binaryExpr{op: opConcat, l: l, r: p.additive()}
	}
	return l
}

func (p *parser) additive() Expr {
	l := p.multiplicative()
	for p.tok.kind == tAdd || p.tok.kind == tSub {
		op := p.tok.kind
		p.advance()
		l = &binaryExpr{op: op, l: l, r: p.multiplicative()}
	}
	return l
}

func (p *parser) multiplicative() Expr {
	l := p.unary()
	for p.tok.kind == tMul || p.tok.kind == tDiv || p.tok.kind == tMod {
		op := p.tok.kind
		p.advance()
		l = &binaryExpr{op: op, l: l, r: p.unary()}
	}
	return l
}

func (p *parser) unary() Expr {
	p.enter()
	defer p.leave()
	switch p.tok.kind {
	case tNot, tSub, tAdd:
		op := p.tok.kind
		p.advance()
		return &unaryExpr{op: op, x: p.unary()}
	}
	return p.power()
}

func (p *parser) power() Expr {
	base := p.postfix()
	if p.tok.kind == tPow {
		p.advance()
		// right associative, and the exponent may carry a sign: 2^-1
		var exp Expr
		switch p.tok.kind {
		case tSub, tAdd, tNot:
			op := p.tok.kind
			p.advance()
			exp = &unaryExpr{op: op, x: p.powerOperand()}
		default:
			exp = p.powerOperand()
		}
		return &binaryExpr{op: tPow, l: base, r: exp}
	}
	return base
}

func (p *parser) powerOperand() Expr {
	p.enter()
	defer p.leave()
	if p.tok.kind == tSub || p.tok.kind == tAdd || p.tok.kind == tNot {
		op := p.tok.kind
		p.advance()
		return &unaryExpr{op: op, x: p.powerOperand()}
	}
	return p.power()
}

func (p *parser) postfix() Expr {
	e := p.primary()
	if isLvalue(e) && (p.tok.kind == tIncr || p.tok.kind == tDecr) {
		op := p.tok.kind
		p.advance()
		return &incDecExpr{lhs: e, op: op}
	}
	return e
}

// optLvalue parses the optional variable of getline.
func (p *parser) optLvalue() Expr {
	switch p.tok.kind {
	case tName:
		return p.nameOrIndex()
	case tDollar:
		p.advance()
		return &fieldExpr{index: p.fieldOperand()}
	}
	return nil
}

func (p *parser) nameOrIndex() Expr {
	name, pos := p.tok.text, p.tok.pos
	p.advance()
	ref := p.varRef(name, pos)
	if p.tok.kind == tLbracket {
		p.advance()
		idx := p.exprList()
		p.expect(tRbracket)
		return &indexExpr{arr: ref, index: idx}
	}
	return ref
}

func (p *parser) fieldOperand() Expr {
	p.enter()
	defer p.leave()
	switch p.tok.kind {
	case tIncr, tDecr:
		op := p.tok.kind
		p.advance()
		lv := p.primary()
		if !isLvalue(lv) {
			p.fail()
		}
		return &incDecExpr{lhs: lv, pre: true, op: op}
	case tSub, tAdd, tNot:
		op := p.tok.kind
		p.advance()
		return &unaryExpr{op: op, x: p.fieldOperand()}
	}
	return p.primary()
}

func (p *parser) primary() Expr {
	p.enter()
	defer p.leave()
	t := p.tok
	switch t.kind {
	case tNumber:
		p.advance()
		return &numLit{v: t.num}
	case tString:
		p.advance()
		return &strLit{v: t.text}
	case tDiv, tDivAssign:
		t = p.lx.scanRegex(t.pos)
		if t.kind == tIllegal {
			p.errorAt(p.lx.errPos, p.lx.errMsg)
		}
		p.tok = t
		p.advance()
		return &regexLit{src: t.text}
	case tDollar:
		p.advance()
		return &fieldExpr{index: p.fieldOperand()}
	case tIncr, tDecr:
		p.advance()
		lv := p.primary()
		if !isLvalue(lv) {
			p.fail()
		}
		return &incDecExpr{lhs: lv, pre: true, op: t.kind}
	case tSub, tAdd, tNot:
		p.advance()
		return &unaryExpr{op: t.kind, x: p.unary()}
	case tLparen:
		p.advance()
		saveGT, saveIn := p.noGT, p.noIn
		p.noGT, p.noIn = 0, 0
		first := p.expr()
		if p.tok.kind == tComma {
			list := []Expr{first}
			for p.tok.kind == tComma {
				p.advance()
				p.optNewlines()
				list = append(list, p.expr())
			}
			p.expect(tRparen)
			p.noGT, p.noIn = saveGT, saveIn
			if p.tok.kind != tIn {
				p.fail()
			}
			p.advance()
			if p.tok.kind != tName {
				p.fail()
			}
			arr := p.varRef(p.tok.text, p.tok.pos)
			p.advance()
			return &inExpr{index: list, arr: arr}
		}
		p.expect(tRparen)
		p.noGT, p.noIn = saveGT, saveIn
		return &groupExpr{x: first}
	case tName:
		return p.nameOrIndex()
	case tFuncName:
		p.advance()
		p.expect(tLparen)
		c := &callExpr{name: t.text, pos: t.pos}
		p.optNewlines()
		if p.tok.kind != tRparen {
			c.args = p.exprList()
			p.optNewlines()
		}
		p.expect(tRparen)
		p.calls = append(p.calls, c)
		return c
	case tBuiltin:
		return p.builtin()
	case tGetline:
		p.advance()
		g := &getlineExpr{kind: getPlain}
		g.lhs = p.optLvalue()
		if p.tok.kind == tLT {
			p.advance()
			g.kind = getFile
			g.src = p.additiveNoConcat()
		}
		return g
	}
	p.fail()
	return nil
}

// additiveNoConcat parses the file operand of "getline < file".
func (p *parser) additiveNoConcat() Expr {
	return p.additive()
}

func (p *parser) builtin() Expr {
	t := p.tok
	p.advance()
	b := &builtinExpr{name: t.name(), pos: t.pos}
	if p.tok.kind != tLparen {
		if b.name != "length" {
			p.fail()
		}
		return b
	}
	p.advance()
	p.optNewlines()
	if p.tok.kind != tRparen {
		b.args = p.exprList()
		p.optNewlines()
	}
	p.expect(tRparen)
	lim := builtinFuncs[b.name]
	if len(b.args) < lim[0] || len(b.args) > lim[1] {
		p.fatalAt(t.pos, "%d is invalid as number of arguments for %s", len(b.args), b.name)
	}
	switch b.name {
	case "split":
		if _, ok := b.args[1].(*varRef); !ok {
			p.errorAt(t.pos, "split: second argument is not an array")
		}
	case "sub", "gsub":
		if len(b.args) == 3 && !isLvalue(b.args[2]) {
			p.fatalAt(t.pos, "%s third parameter is not a changeable object", b.name)
		}
	}
	return b
}

func (t token) name() string { return t.text }
