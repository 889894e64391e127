package bash

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// funcIndent is the indentation step of bash's print_cmd.c.
const funcIndent = 4

// FuncText is a function as bash 3.2 prints it (declare -f, type, set):
// its own canonical layout (print_cmd.c), not the text as written.
func FuncText(name string, body *syntax.Stmt) string {
	p := &funcPrinter{words: syntax.NewPrinter()}
	p.function(name, body, false)
	p.flushHdocs()
	p.b.WriteByte('\n')
	return p.b.String()
}

// funcPrinter lays out commands the way print_cmd.c does inside a
// function definition.
type funcPrinter struct {
	b      strings.Builder
	words  *syntax.Printer
	indent int
	skip   int                // skip_this_indent: next command is not indented
	hdocs  []*syntax.Redirect // here-documents waiting for the end of the line
}

// function prints NAME () / { / body / }; nested adds bash's
// "function" keyword used for definitions inside a function.
func (p *funcPrinter) function(name string, body *syntax.Stmt, nested bool) {
	if nested {
		p.put("function ")
	}
	p.put(name + " () ")
	p.newline()
	p.put("{ ")
	var redirs []*syntax.Redirect
	if blk, ok := body.Cmd.(*syntax.Block); ok && !body.Negated && !body.Background {
		p.body(blk.Stmts)
		redirs = body.Redirs
	} else {
		p.body([]*syntax.Stmt{body})
	}
	p.newline()
	p.put("}")
	if len(redirs) > 0 {
		p.put(" ")
		p.redirects(redirs)
	}
}

// put writes text as it is.
func (p *funcPrinter) put(s string) { p.b.WriteString(s) }

// newline ends the line, writes any pending here-documents and indents
// the next line.
func (p *funcPrinter) newline() {
	p.flushHdocs()
	p.b.WriteByte('\n')
	p.b.WriteString(strings.Repeat(" ", p.indent))
}

// flushHdocs writes the bodies of the here-documents of the line just
// ended, each followed by its delimiter.
func (p *funcPrinter) flushHdocs() {
	for _, r := range p.hdocs {
		p.b.WriteByte('\n')
		if r.Hdoc != nil {
			p.b.WriteString(hdocBody(r.Hdoc))
		}
		p.b.WriteString(hdocDelim(r.Word))
	}
	p.hdocs = nil
}

// semicolon is print_cmd.c's: a ';' unless the text already ends a
// command with '&'.
func (p *funcPrinter) semicolon() {
	if strings.HasSuffix(p.b.String(), "&") {
		return
	}
	p.put(";")
}

// startCommand indents a command unless it continues the line.
func (p *funcPrinter) startCommand() {
	if p.skip > 0 {
		p.skip--
		return
	}
	p.b.WriteString(strings.Repeat(" ", p.indent))
}

// stmts prints a list: one command a line, each but the last ended with
// ';'; a command put in the background is followed on the same line.
// The caller has placed the cursor at the start of the first line.
func (p *funcPrinter) stmts(list []*syntax.Stmt) {
	for i, st := range list {
		if i > 0 {
			prev := list[i-1]
			if prev.Background {
				p.put(" ")
			} else {
				p.put(";")
				p.newline()
			}
		}
		p.skip = 1
		p.stmt(st)
	}
}

// body prints a list on the lines after the current one, one level in.
func (p *funcPrinter) body(list []*syntax.Stmt) {
	p.indent += funcIndent
	p.newline()
	p.stmts(list)
	p.indent -= funcIndent
}

// stmt prints one command with its negation, redirections and '&'.
func (p *funcPrinter) stmt(st *syntax.Stmt) {
	p.startCommand()
	if st.Negated {
		p.put("! ")
	}
	p.command(st)
	if len(st.Redirs) > 0 {
		if st.Cmd != nil {
			p.put(" ")
		}
		p.redirects(st.Redirs)
	}
	if st.Background {
		p.put(" &")
	}
}

// command prints the command of st without its redirections.
func (p *funcPrinter) command(st *syntax.Stmt) {
	switch c := st.Cmd.(type) {
	case nil:
	case *syntax.CallExpr:
		var parts []string
		for _, a := range c.Assigns {
			parts = append(parts, p.assign(a))
		}
		for _, w := range c.Args {
			parts = append(parts, p.node(w))
		}
		p.put(strings.Join(parts, " "))
	case *syntax.DeclClause:
		parts := []string{c.Variant.Value}
		for _, a := range c.Args {
			parts = append(parts, p.assign(a))
		}
		p.put(strings.Join(parts, " "))
	case *syntax.BinaryCmd:
		p.skip = 1
		p.stmt(c.X)
		p.put(" " + c.Op.String() + " ")
		p.skip = 1
		p.stmt(c.Y)
	case *syntax.Block:
		p.put("{ ")
		p.body(c.Stmts)
		p.newline()
		p.put("}")
	case *syntax.Subshell:
		p.put("( ")
		p.stmts(c.Stmts)
		p.put(" )")
	case *syntax.IfClause:
		p.ifClause(c)
	case *syntax.WhileClause:
		if c.Until {
			p.put("until ")
		} else {
			p.put("while ")
		}
		p.stmts(c.Cond)
		p.semicolon()
		p.put(" do")
		p.body(c.Do)
		p.semicolon()
		p.newline()
		p.put("done")
	case *syntax.ForClause:
		p.forClause(c)
	case *syntax.CaseClause:
		p.caseClause(c)
	case *syntax.FuncDecl:
		name := ""
		if c.Name != nil {
			name = c.Name.Value
		}
		p.function(name, c.Body, true)
	default:
		// [[ ]], (( )), declare/local/export, let, time, coproc: mvdan's
		// layout of the command alone matches bash's closely enough.
		bare := &syntax.Stmt{Cmd: st.Cmd}
		p.put(strings.TrimRight(p.node(bare), "\n"))
	}
}

// ifClause prints if/then/else/fi; elif is printed as bash keeps it,
// a nested if in the else part.
func (p *funcPrinter) ifClause(c *syntax.IfClause) {
	p.put("if ")
	p.stmts(c.Cond)
	p.semicolon()
	p.put(" then")
	p.body(c.Then)
	if e := c.Else; e != nil {
		p.semicolon()
		p.newline()
		p.put("else")
		if len(e.Cond) > 0 { // elif
			nested := &syntax.Stmt{Cmd: e}
			p.body([]*syntax.Stmt{nested})
		} else {
			p.body(e.Then)
		}
	}
	p.semicolon()
	p.newline()
	p.put("fi")
}

// forClause prints for NAME in WORDS; / do / body / done.
func (p *funcPrinter) forClause(c *syntax.ForClause) {
	switch l := c.Loop.(type) {
	case *syntax.WordIter:
		p.put("for " + l.Name.Value + " in ")
		if l.InPos.IsValid() {
			var ws []string
			for _, w := range l.Items {
				ws = append(ws, p.node(w))
			}
			p.put(strings.Join(ws, " "))
		} else {
			p.put(`"$@"`)
		}
	case *syntax.CStyleLoop:
		p.put("for ((" + p.arith(l.Init) + "; " + p.arith(l.Cond) + "; " + p.arith(l.Post) + "))")
	}
	p.put(";")
	p.newline()
	p.put("do")
	p.body(c.Do)
	p.semicolon()
	p.newline()
	p.put("done")
}

// arith prints an arithmetic expression, empty for none.
func (p *funcPrinter) arith(x syntax.ArithmExpr) string {
	if x == nil {
		return ""
	}
	return p.node(x)
}

// caseClause prints case WORD in / PATTERN) / commands / ;; / esac.
func (p *funcPrinter) caseClause(c *syntax.CaseClause) {
	p.put("case " + p.node(c.Word) + " in ")
	p.indent += funcIndent
	for _, it := range c.Items {
		p.newline()
		var pats []string
		for _, w := range it.Patterns {
			pats = append(pats, p.node(w))
		}
		p.put(strings.Join(pats, " | ") + ")")
		if len(it.Stmts) > 0 {
			p.body(it.Stmts)
		}
		p.newline()
		op := it.Op.String()
		if it.Op == 0 {
			op = ";;"
		}
		p.put(op)
	}
	p.indent -= funcIndent
	p.newline()
	p.put("esac")
}

// redirects prints redirections as bash normalizes them.
func (p *funcPrinter) redirects(rs []*syntax.Redirect) {
	for i, r := range rs {
		if i > 0 {
			p.put(" ")
		}
		p.redirect(r)
	}
}

// redirect prints one redirection: "> file", "2> file", "2>&1",
// "1>&2", "<<EOF" (the body follows at the end of the line).
func (p *funcPrinter) redirect(r *syntax.Redirect) {
	fd := ""
	if r.N != nil {
		fd = r.N.Value
	}
	word := p.node(r.Word)
	withDefault := func(def string) string {
		if fd == def {
			return ""
		}
		return fd
	}
	switch r.Op {
	case syntax.RdrIn:
		p.put(withDefault("0") + "< " + word)
	case syntax.RdrOut:
		p.put(withDefault("1") + "> " + word)
	case syntax.AppOut:
		p.put(withDefault("1") + ">> " + word)
	case syntax.RdrInOut:
		p.put(withDefault("0") + "<> " + word)
	case syntax.RdrClob:
		p.put(withDefault("1") + ">| " + word)
	case syntax.DplOut, syntax.DplIn:
		def := "1"
		if r.Op == syntax.DplIn {
			def = "0"
		}
		if fd == "" {
			fd = def
		}
		if r.Op == syntax.DplOut && r.N == nil && !fdWord(word) {
			p.put(">&" + word) // >&file: both outputs to file
			return
		}
		p.put(fd + r.Op.String() + word)
	case syntax.Hdoc, syntax.DashHdoc:
		p.put(fd + r.Op.String() + word)
		p.hdocs = append(p.hdocs, r)
	case syntax.WordHdoc:
		p.put(withDefault("0") + "<<< " + word)
	default: // &> and &>>
		p.put(r.Op.String() + " " + word)
	}
}

// fdWord reports whether a >& target names a descriptor (or - to close).
func fdWord(w string) bool {
	if w == "-" {
		return true
	}
	if w == "" || strings.Trim(w, "0123456789") != "" {
		return false
	}
	return true
}

// node is one node in mvdan's layout, as written.
func (p *funcPrinter) node(n syntax.Node) string {
	if w, ok := n.(*syntax.Word); ok {
		if w == nil {
			return ""
		}
		var b strings.Builder
		p.wordParts(&b, w.Parts)
		return b.String()
	}
	var b strings.Builder
	if err := p.words.Print(&b, n); err != nil {
		return ""
	}
	return b.String()
}

// assign is NAME=WORD as written; arrays and indexes in mvdan's layout.
func (p *funcPrinter) assign(a *syntax.Assign) string {
	switch {
	case a.Array != nil || a.Index != nil:
		return p.node(a)
	case a.Naked && a.Name != nil:
		return a.Name.Value
	case a.Naked:
		return p.node(a.Value)
	}
	op := "="
	if a.Append {
		op = "+="
	}
	if a.Value == nil {
		return a.Name.Value + op
	}
	return a.Name.Value + op + p.node(a.Value)
}

// wordParts writes word parts as written: literals as they are,
// backquotes kept (mvdan's printer would turn them into $(...)), the
// rest in mvdan's layout.
func (p *funcPrinter) wordParts(b *strings.Builder, parts []syntax.WordPart) {
	for _, part := range parts {
		switch x := part.(type) {
		case *syntax.Lit:
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			if x.Dollar {
				b.WriteByte('$')
			}
			b.WriteByte('"')
			p.wordParts(b, x.Parts)
			b.WriteByte('"')
		case *syntax.CmdSubst:
			if !x.Backquotes {
				_ = p.words.Print(b, &syntax.Word{Parts: []syntax.WordPart{x}})
				continue
			}
			var cmds []string
			for _, st := range x.Stmts {
				cmds = append(cmds, strings.TrimRight(p.node(st), "\n"))
			}
			b.WriteString("`" + strings.Join(cmds, "; ") + "`")
		default:
			_ = p.words.Print(b, &syntax.Word{Parts: []syntax.WordPart{x}})
		}
	}
}

// hdocBody is the text of a here-document body, ending in a newline.
func hdocBody(w *syntax.Word) string {
	var b strings.Builder
	_ = syntax.NewPrinter().Print(&b, w)
	s := b.String()
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// hdocDelim is the delimiter line closing a here-document: the word
// with its quotes removed.
func hdocDelim(w *syntax.Word) string {
	if w == nil {
		return ""
	}
	if lit := w.Lit(); lit != "" {
		return lit
	}
	var b strings.Builder
	for _, part := range w.Parts {
		switch x := part.(type) {
		case *syntax.Lit:
			b.WriteString(strings.ReplaceAll(x.Value, `\`, ""))
		case *syntax.SglQuoted:
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			for _, q := range x.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					b.WriteString(l.Value)
				}
			}
		}
	}
	return b.String()
}
