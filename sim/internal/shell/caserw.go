package shell

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/pattern"
	"mvdan.cc/sh/v3/syntax"
)

// interp v3.14.1 matches every pattern of a case statement by compiling
// it to a regular expression, anew at every test: the rc loop's
// is_ignored_file (six patterns, run for each of some 80 links) and the
// init scripts' `case "$1" in` spent more time compiling than running.
// rewriteCases turns each case statement whose patterns are constant into
// an if/elif chain over rclab's own calls, which match with expressions
// compiled once:
//
//	case WORD in P1|P2) A;; P3) B;; esac
//
// becomes
//
//	if __rclab_case ID "WORD"; then __rclab_caserestore && {}; A
//	elif __rclab_caseis 2; then __rclab_caserestore && {}; B
//	fi
//
// __rclab_case matches WORD against the patterns, compiled when the script
// was parsed and kept under the statement's ID, notes the matching
// item and the status the case started with, and succeeds for item 1;
// __rclab_caseis J succeeds for the noted item; __rclab_caserestore gives
// the item's first command the status it would have seen ($?). The if
// statement takes the case's place in its statement (redirections,
// negation), so the status the script sees, errexit and the ERR trap
// behave as for the case: only its conditions and the restore (an &&
// list) run, and those are exempt from errexit. The calls do not count
// against the step budget, since the case statement never did.
//
// Only constant patterns (literals and quotes) are compiled ahead, only
// items ending in ";;" are supported, and WORD must expand to the same
// string as an argument as it does after "case" (see caseArgWord); other
// case statements stay as they are.

// Names of the calls the rewrites use. They share caseSel as a prefix, by
// which the call handler routes them before the step budget.
const (
	caseSel     = internal + "case"
	caseIs      = internal + "caseis"
	caseRestore = internal + "caserestore"
	caseOK      = internal + "caseok"
	declF       = internal + "casedeclf"
)

// patternMode is how interp matches case patterns.
const patternMode = pattern.EntireString | pattern.ExtendedOperators

// runnerField is the index of HandlerContext's runner field, by which the
// handlers tell the runners of a pipeline apart; -1 when this version of
// interp has none, which turns the rewrite off.
var runnerField = func() int {
	f, ok := reflect.TypeFor[interp.HandlerContext]().FieldByName("runner")
	if !ok || f.Type.Kind() != reflect.Pointer || len(f.Index) != 1 {
		return -1
	}
	return f.Index[0]
}()

// runnerOf identifies the runner that called a handler.
func runnerOf(hc *interp.HandlerContext) uintptr {
	return reflect.ValueOf(hc).Elem().Field(runnerField).Pointer()
}

// rewriteCases applies the rewrite to every eligible case statement of f.
func rewriteCases(f *syntax.File) {
	if runnerField < 0 {
		return
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		if st, ok := n.(*syntax.Stmt); ok {
			switch c := st.Cmd.(type) {
			case *syntax.CaseClause:
				if ic := caseAsIf(c); ic != nil {
					st.Cmd = ic
					remember(ic, c)
				}
			case *syntax.DeclClause:
				if call := declareF(c); call != nil {
					st.Cmd = call
					remember(call, c)
				}
			case *syntax.CallExpr:
				if call := stripAsCall(st); call != nil {
					st.Cmd = call
					remember(call, c)
				}
			}
		}
		return true
	})
}

// declareF turns `declare -f NAME...` (or typeset) into __rclab_casedeclf
// NAME..., which prints the functions as written rather than rewritten.
func declareF(dc *syntax.DeclClause) *syntax.CallExpr {
	if dc.Variant == nil || (dc.Variant.Value != "declare" && dc.Variant.Value != "typeset") || len(dc.Args) < 2 {
		return nil
	}
	flag := dc.Args[0]
	if !flag.Naked || flag.Name != nil || flag.Value == nil || flag.Value.Lit() != "-f" {
		return nil
	}
	pos := dc.Pos()
	call := &syntax.CallExpr{Args: []*syntax.Word{{Parts: []syntax.WordPart{&syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: declF}}}}}
	for _, as := range dc.Args[1:] {
		if !as.Naked || as.Name == nil || as.Value != nil || as.Index != nil || as.Array != nil || as.Append || !syntax.ValidName(as.Name.Value) {
			return nil
		}
		call.Args = append(call.Args, &syntax.Word{Parts: []syntax.WordPart{as.Name}})
	}
	return call
}

// declareFuncs prints functions as interp's declare -f does; the status
// is 1 when one of them does not exist.
func (s *Shell) declareFuncs(hc *interp.HandlerContext, names []string) []string {
	ok := true
	for _, name := range names {
		body := s.funcOf(hc, name)
		if body == nil {
			ok = false
			continue
		}
		var b strings.Builder
		syntax.NewPrinter().Print(&b, printable(body))
		fmt.Fprintf(hc.Stdout, "%s()\n%s\n", name, b.String())
	}
	return truth(ok)
}

// funcOf returns the body of function name as the runner that called the
// handler knows it (a subshell may define its own functions).
func (s *Shell) funcOf(hc *interp.HandlerContext, name string) *syntax.Stmt {
	r := reflect.ValueOf(hc).Elem().Field(runnerField)
	if r.IsNil() {
		return s.r.Funcs[name]
	}
	funcs := r.Elem().FieldByName("Funcs")
	if !funcs.IsValid() || funcs.Type() != reflect.TypeOf(s.r.Funcs) {
		return s.r.Funcs[name]
	}
	body := funcs.MapIndex(reflect.ValueOf(name))
	if !body.IsValid() || body.IsNil() {
		return nil
	}
	// The field is read through an unexported one, so the value is
	// read-only to reflect; its pointer is still the runner's own.
	return (*syntax.Stmt)(body.UnsafePointer())
}

// caseAsIf builds the if statement for cc, or returns nil when cc does not
// qualify.
func caseAsIf(cc *syntax.CaseClause) *syntax.IfClause {
	if len(cc.Items) == 0 || len(cc.Items) > 200 {
		return nil
	}
	word := caseArgWord(cc.Word)
	if word == nil {
		return nil
	}
	var table caseTable
	for _, item := range cc.Items {
		if item.Op != syntax.Break || len(item.Patterns) == 0 {
			return nil
		}
		var res []func(string) bool
		for _, w := range item.Patterns {
			pat, ok := staticPattern(w)
			if !ok {
				return nil
			}
			re, err := compileCasePattern(pat)
			if err != nil {
				return nil
			}
			res = append(res, re)
		}
		table = append(table, res)
	}
	pos := cc.Pos()
	lit := func(v string) *syntax.Word {
		return &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: v}}}
	}
	call := func(args ...*syntax.Word) *syntax.Stmt {
		return &syntax.Stmt{Position: pos, Cmd: &syntax.CallExpr{Args: args}}
	}
	restore := &syntax.Stmt{Position: pos, Cmd: &syntax.BinaryCmd{
		Op: syntax.AndStmt, OpPos: pos,
		X: call(lit(caseRestore)),
		Y: &syntax.Stmt{Position: pos, Cmd: &syntax.Block{Lbrace: pos, Rbrace: pos}},
	}}
	id := strconv.FormatInt(caseIDs.Add(1), 10)
	var first, last *syntax.IfClause
	for i, item := range cc.Items {
		var cond *syntax.Stmt
		if i == 0 {
			cond = call(lit(caseSel), lit(id), word)
		} else {
			cond = call(lit(caseIs), lit(strconv.Itoa(i+1)))
		}
		then := []*syntax.Stmt{call(lit(caseOK))}
		if len(item.Stmts) > 0 {
			then = append([]*syntax.Stmt{restore}, item.Stmts...)
		}
		ic := &syntax.IfClause{Position: pos, ThenPos: pos, FiPos: pos, Cond: []*syntax.Stmt{cond}, Then: then}
		if first == nil {
			first = ic
		} else {
			last.Else = ic
		}
		last = ic
	}
	caseTables.Store(id, table)
	runtime.AddCleanup(first, func(id string) { caseTables.Delete(id) }, id)
	return first
}

// caseArgWord returns a word that, as a command argument, expands to
// exactly the one field w expands to after "case", or nil when it cannot
// tell: parameters and substitutions are put in double quotes; literals
// that globbing, brace or tilde expansion would change are refused.
func caseArgWord(w *syntax.Word) *syntax.Word {
	if w == nil || len(w.Parts) == 0 {
		return nil
	}
	out := &syntax.Word{}
	for _, part := range w.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			if strings.ContainsAny(p.Value, "*?[]{}~\\()") {
				return nil
			}
			out.Parts = append(out.Parts, p)
		case *syntax.SglQuoted:
			out.Parts = append(out.Parts, p)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if !quotablePart(q) {
					return nil
				}
			}
			out.Parts = append(out.Parts, p)
		default:
			if !quotablePart(part) {
				return nil
			}
			out.Parts = append(out.Parts, &syntax.DblQuoted{Left: part.Pos(), Right: part.End(), Parts: []syntax.WordPart{part}})
		}
	}
	return out
}

// quotablePart reports whether part expands to the same text inside
// double quotes as in a case word.
func quotablePart(part syntax.WordPart) bool {
	switch p := part.(type) {
	case *syntax.Lit:
		return true
	case *syntax.ParamExp:
		plain := p.Param != nil && p.Flags == nil && !p.Excl && !p.Width && !p.IsSet &&
			p.Split == syntax.OptUnset && p.GlobSubst == syntax.OptUnset && p.RcExpand == syntax.OptUnset &&
			p.NestedParam == nil && p.Index == nil && len(p.Modifiers) == 0 && p.Slice == nil &&
			p.Repl == nil && p.Names == 0 && p.Exp == nil
		return plain && p.Param.Value != "@" && p.Param.Value != "*"
	case *syntax.CmdSubst, *syntax.ArithmExp:
		return true
	}
	return false
}

// staticPattern expands a pattern word that depends on nothing at run
// time, as interp would.
func staticPattern(w *syntax.Word) (string, bool) {
	for i, part := range w.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			if i == 0 && strings.HasPrefix(p.Value, "~") {
				return "", false
			}
		case *syntax.SglQuoted:
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if _, ok := q.(*syntax.Lit); !ok {
					return "", false
				}
			}
		default:
			return "", false
		}
	}
	pat, err := expand.Pattern(&expand.Config{}, w)
	if err != nil {
		return "", false
	}
	return pat, true
}

// compileCasePattern compiles pat as interp's match does (a regular
// expression of the whole string, where * matches anything, newlines
// too). A nil result with no error is a malformed pattern, which never
// matches. Patterns whose only special character is a leading or trailing
// * (the usual "start", "*.bak", "--pidfile=*") match without one.
func compileCasePattern(pat string) (func(string) bool, error) {
	if !strings.ContainsAny(pat, "?[]()|\\@!+\uFFFD") && utf8.ValidString(pat) {
		body := strings.TrimSuffix(strings.TrimPrefix(pat, "*"), "*")
		lead, trail := strings.HasPrefix(pat, "*"), len(pat) > 1 && strings.HasSuffix(pat, "*")
		if !strings.Contains(body, "*") {
			switch {
			case lead && trail:
				return func(s string) bool { return strings.Contains(s, body) }, nil
			case lead:
				return func(s string) bool { return strings.HasSuffix(s, body) }, nil
			case trail:
				return func(s string) bool { return strings.HasPrefix(s, body) }, nil
			default:
				return func(s string) bool { return s == body }, nil
			}
		}
	}
	expr, err := pattern.Regexp(pat, patternMode)
	if err != nil {
		if _, ok := err.(*pattern.SyntaxError); ok {
			return nil, nil
		}
		return nil, err
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return re.MatchString, nil
}

// caseTable is the compiled patterns of one case statement, per item.
type caseTable [][]func(string) bool

// match returns the 1-based index of the first item matching s, or 0.
func (t caseTable) match(s string) int {
	for i, item := range t {
		for _, m := range item {
			if m != nil && m(s) {
				return i + 1
			}
		}
	}
	return 0
}

// caseIDs numbers the rewritten case statements; caseTables holds their
// compiled patterns by number, as long as the statement exists.
var (
	caseIDs    atomic.Int64
	caseTables sync.Map // string → caseTable
)

// caseState is what a case statement notes between its match and its
// item's first command: the item chosen and the status before the case.
type caseState struct {
	item, status int
}

// caseCall runs the rewrite's calls; ok is false for other names.
func (s *Shell) caseCall(hc *interp.HandlerContext, args []string) (out []string, ok bool) {
	switch args[0] {
	case caseSel:
		if len(args) != 3 {
			return nil, false
		}
		t, _ := caseTables.Load(args[1])
		table, _ := t.(caseTable)
		k := table.match(args[2])
		r := runnerOf(hc)
		s.caseMu.Lock()
		if k == 0 {
			delete(s.cases, r)
		} else {
			if s.cases == nil {
				s.cases = map[uintptr]caseState{}
			}
			s.cases[r] = caseState{item: k, status: hc.LastExitStatus}
		}
		s.caseMu.Unlock()
		return truth(k == 1), true
	case caseIs:
		if len(args) != 2 {
			return nil, false
		}
		j, _ := strconv.Atoi(args[1])
		s.caseMu.Lock()
		st, found := s.cases[runnerOf(hc)]
		s.caseMu.Unlock()
		return truth(found && st.item == j), true
	case declF:
		return s.declareFuncs(hc, args[1:]), true
	case caseRestore, caseOK:
		r := runnerOf(hc)
		s.caseMu.Lock()
		st := s.cases[r]
		delete(s.cases, r)
		s.caseMu.Unlock()
		if args[0] == caseOK {
			return truth(true), true
		}
		switch st.status {
		case 0, 1:
			return truth(st.status == 0), true
		}
		return []string{internal + "status", strconv.Itoa(st.status)}, true
	}
	return nil, false
}

var (
	trueArgs  = []string{"true"}
	falseArgs = []string{"false"}
)

// truth is a command with status 0 (b) or 1. The slices are shared:
// interp does not modify the arguments a handler returns.
func truth(b bool) []string {
	if b {
		return trueArgs
	}
	return falseArgs
}
