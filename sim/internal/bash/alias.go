package bash

import (
	"fmt"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"
)

// Aliases expand in interactive shells (expand_aliases): when the first
// word of a simple command is an unquoted literal naming an alias, its
// value replaces it. bash does this as it reads; the evaluator does it
// when the command runs, which is the same for one-line definitions.

func (r *Runner) aliasBuiltin(args []string) int {
	w := r.stdout()
	rest := args[1:]
	if len(rest) > 0 && rest[0] == "-p" {
		rest = rest[1:]
		for _, n := range sortedKeys(r.alias) {
			fmt.Fprintf(w, "alias %s=%s\n", n, singleQuote(r.alias[n]))
		}
	}
	if len(args) == 1 {
		for _, n := range sortedKeys(r.alias) {
			fmt.Fprintf(w, "alias %s=%s\n", n, singleQuote(r.alias[n]))
		}
		return 0
	}
	st := 0
	for _, a := range rest {
		name, val, ok := strings.Cut(a, "=")
		if !ok {
			v, found := r.alias[a]
			if !found {
				r.builtinErr("alias", "%s: not found", a)
				st = 1
				continue
			}
			fmt.Fprintf(w, "alias %s=%s\n", a, singleQuote(v))
			continue
		}
		if name == "" || strings.ContainsAny(name, " \t\n/$`=|&;()<>'\"\\") {
			r.builtinErr("alias", "`%s': invalid alias name", name)
			st = 1
			continue
		}
		r.ownAliases()
		r.alias[name] = val
	}
	return st
}

func (r *Runner) ownAliases() {
	if r.ashare || r.alias == nil {
		m := make(map[string]string, len(r.alias)+1)
		for k, v := range r.alias {
			m[k] = v
		}
		r.alias, r.ashare = m, false
	}
}

func (r *Runner) unaliasBuiltin(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(r.stderr(), "unalias: usage: unalias [-a] name [name ...]")
		return 2
	}
	r.ownAliases()
	st := 0
	for _, a := range args[1:] {
		if a == "-a" {
			r.alias = map[string]string{}
			continue
		}
		if _, ok := r.alias[a]; !ok {
			r.builtinErr("unalias", "%s: not found", a)
			st = 1
			continue
		}
		delete(r.alias, a)
	}
	return st
}

// SetAlias defines an alias.
func (r *Runner) SetAlias(name, value string) {
	r.ownAliases()
	r.alias[name] = value
}

var aliasParse sync.Map // alias text → []*syntax.Word (nil: not simple)

// aliasCall expands an alias in c's first word and runs the result; it
// reports whether it did.
func (r *Runner) aliasCall(c *syntax.CallExpr, st *syntax.Stmt) bool {
	w := c.Args[0]
	if len(w.Parts) != 1 {
		return false
	}
	lit, ok := w.Parts[0].(*syntax.Lit)
	if !ok {
		return false
	}
	val, ok := r.alias[lit.Value]
	if !ok {
		return false
	}
	args := c.Args[1:]
	var words []*syntax.Word
	seen := map[string]bool{lit.Value: true}
	for {
		ws, simple := parseAliasWords(val)
		if !simple {
			return r.aliasSource(val, c, st)
		}
		words = append(words, ws...)
		// A value ending in a blank makes the next word an alias too.
		if !strings.HasSuffix(val, " ") && !strings.HasSuffix(val, "\t") || len(args) == 0 {
			break
		}
		next, ok := args[0].Parts[0].(*syntax.Lit)
		if !ok || len(args[0].Parts) != 1 || seen[next.Value] {
			break
		}
		nv, ok := r.alias[next.Value]
		if !ok {
			break
		}
		seen[next.Value] = true
		val = nv
		args = args[1:]
	}
	// An alias whose first word is another alias expands again.
	for len(words) > 0 && len(words[0].Parts) == 1 {
		l, ok := words[0].Parts[0].(*syntax.Lit)
		if !ok || seen[l.Value] {
			break
		}
		nv, ok := r.alias[l.Value]
		if !ok {
			break
		}
		seen[l.Value] = true
		ws, simple := parseAliasWords(nv)
		if !simple {
			break
		}
		words = append(ws, words[1:]...)
	}
	nc := &syntax.CallExpr{Assigns: c.Assigns, Args: append(append([]*syntax.Word(nil), words...), args...)}
	if len(nc.Args) == 0 {
		nc.Args = nil
	}
	expand := r.opts.shopt[shExpandAliases]
	r.opts.shopt[shExpandAliases] = false
	r.call(nc, st)
	r.opts.shopt[shExpandAliases] = expand
	return true
}

// parseAliasWords parses an alias value that is a plain simple command.
func parseAliasWords(val string) ([]*syntax.Word, bool) {
	if v, ok := aliasParse.Load(val); ok {
		ws := v.([]*syntax.Word)
		return ws, ws != nil
	}
	var ws []*syntax.Word
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(val), "")
	if err == nil && len(f.Stmts) == 1 {
		s := f.Stmts[0]
		if call, ok := s.Cmd.(*syntax.CallExpr); ok && len(call.Assigns) == 0 && len(s.Redirs) == 0 && !s.Negated && !s.Background {
			ws = call.Args
		}
	}
	if strings.TrimSpace(val) == "" {
		ws = []*syntax.Word{}
	}
	aliasParse.Store(val, ws)
	return ws, ws != nil
}

// aliasSource runs an alias whose value is more than a simple command:
// the value and the rest of the command line, parsed together.
func (r *Runner) aliasSource(val string, c *syntax.CallExpr, st *syntax.Stmt) bool {
	var b strings.Builder
	b.WriteString(val)
	for _, w := range c.Args[1:] {
		b.WriteByte(' ')
		b.WriteString(printWord(w))
	}
	for _, rd := range st.Redirs {
		var rb strings.Builder
		syntax.NewPrinter().Print(&rb, &syntax.Stmt{Cmd: &syntax.CallExpr{Args: []*syntax.Word{{Parts: []syntax.WordPart{&syntax.Lit{Value: ":"}}}}}, Redirs: []*syntax.Redirect{rd}})
		b.WriteString(strings.TrimPrefix(rb.String(), ":"))
	}
	f, err := r.parse("", b.String())
	if err != nil {
		r.syntaxError(r.prefix(r.pos), b.String(), err)
		r.status = 2
		return true
	}
	expand := r.opts.shopt[shExpandAliases]
	r.opts.shopt[shExpandAliases] = false
	r.stmts(f.Stmts)
	r.opts.shopt[shExpandAliases] = expand
	return true
}
