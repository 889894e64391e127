package bash

import (
	"fmt"
	"io"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// declClause runs declare, typeset, local, export and readonly as the
// parser gives them: each argument is an option, a name, or an
// assignment whose value is not split.
func (r *Runner) declClause(c *syntax.DeclClause, st *syntax.Stmt) {
	name := c.Variant.Value
	// The arguments go into the runner's reused buffer, checked out
	// while the declaration runs and given back cleared.
	args := r.declBuf[:0]
	r.declBuf = nil
	if args == nil {
		args = make([]declArg, 0, max(len(c.Args), 4))
	}
	defer func() {
		clear(args)
		if cap(args) <= 64 {
			r.declBuf = args[:0]
		}
	}()
	// words are the arguments as xtrace shows them, kept only under -x.
	trace := r.opts.set[optXTrace]
	var words []string
	if trace {
		words = []string{name}
	}
	for _, a := range c.Args {
		switch {
		case a.Naked && a.Name == nil:
			fs, ok := r.fields([]*syntax.Word{a.Value})
			if !ok {
				return
			}
			for _, f := range fs {
				args = append(args, declArg{word: f})
			}
			if trace {
				words = append(words, fs...)
			}
		case a.Naked:
			w := a.Name.Value
			if a.Index != nil {
				w += "[" + printArith(a.Index) + "]"
			}
			args = append(args, declArg{word: w})
			if trace {
				words = append(words, w)
			}
		case a.Array != nil:
			elems, ok := r.arrayElems(a.Array)
			if !ok {
				return
			}
			args = append(args, declArg{word: a.Name.Value, array: elems, isArray: true, appendTo: a.Append})
			if trace {
				words = append(words, a.Name.Value+"=("+strings.Join(traceWords(elemValues(elems)), " ")+")")
			}
		default:
			val, ok := r.assignValue(a.Value)
			if !ok {
				return
			}
			if a.Index == nil && isName(a.Name.Value) && !trace {
				// name=value kept in its parts: declareOne would only
				// split the joined word again.
				args = append(args, declArg{word: a.Name.Value, value: val, hasValue: true, appendTo: a.Append})
				continue
			}
			w := a.Name.Value
			if a.Index != nil {
				w += "[" + printArith(a.Index) + "]"
			}
			op := "="
			if a.Append {
				op = "+="
			}
			w += op + val
			args = append(args, declArg{word: w})
			if trace {
				words = append(words, w)
			}
		}
	}
	if !r.step() {
		return
	}
	if trace {
		r.traceArgs(words)
	}
	if len(st.Redirs) > 0 {
		saved := r.fds
		opened, ok := r.redirect(st.Redirs)
		if ok {
			r.status = r.declare(name, args)
		} else {
			r.status = 1
		}
		r.fds = saved
		closeAll(opened)
		return
	}
	r.status = r.declare(name, args)
}

// declArg is one argument of a declaration builtin.
type declArg struct {
	word     string
	array    []arrElem
	isArray  bool
	appendTo bool
	// hasValue marks an assignment kept in its parts: word is the
	// name, value the value (text joins them as written).
	hasValue bool
	value    string
}

// text is the argument as one word: NAME=value (or +=) for an
// assignment kept in its parts.
func (a *declArg) text() string {
	if !a.hasValue {
		return a.word
	}
	if a.appendTo {
		return a.word + "+=" + a.value
	}
	return a.word + "=" + a.value
}

func declUsage(name string) string {
	switch name {
	case "export":
		return "export: usage: export [-nf] [name[=value] ...] or export -p"
	case "readonly":
		return "readonly: usage: readonly [-af] [name[=value] ...] or readonly -p"
	case "local":
		return "local: usage: local name[=value] ..."
	case "typeset":
		return "typeset: usage: typeset [-afFirtx] [-p] name[=value] ..."
	}
	return "declare: usage: declare [-afFirtx] [-p] [name[=value] ...]"
}

// declareWords runs a declaration builtin called by name (builtin
// export, command declare…).
func (r *Runner) declareWords(args []string) int {
	var da []declArg
	for _, a := range args[1:] {
		da = append(da, declArg{word: a})
	}
	return r.declare(args[0], da)
}

// declare is declare, typeset, local, export and readonly.
func (r *Runner) declare(name string, args []declArg) int {
	if name == "local" && len(r.funcs_) == 0 {
		r.builtinErr(name, "can only be used in a function")
		return 1
	}
	valid := "afFirtxp"
	switch name {
	case "export":
		valid = "fnp"
	case "readonly":
		valid = "afp"
	case "local":
		valid = "airtx"
	}
	var on, off attr
	var print, funcs, funcNames, unexport bool
	i := 0
	for ; i < len(args); i++ {
		w := args[i].word
		if args[i].isArray || args[i].hasValue || len(w) < 2 || (w[0] != '-' && w[0] != '+') {
			break
		}
		if w == "--" {
			i++
			break
		}
		plus := w[0] == '+'
		for _, c := range w[1:] {
			if !strings.ContainsRune(valid, c) {
				r.builtinErr(name, "%c%c: invalid option", w[0], c)
				fmt.Fprintln(r.stderr(), declUsage(name))
				return 2
			}
			var a attr
			switch c {
			case 'a':
				a = attrArray
			case 'i':
				a = attrInteger
			case 'r':
				a = attrReadonly
			case 'x':
				a = attrExport
			case 'p':
				print = true
			case 'f':
				funcs = true
			case 'F':
				funcNames = true
			case 'n':
				unexport = true
			}
			if plus {
				off |= a
			} else {
				on |= a
			}
		}
	}
	switch name {
	case "export":
		on |= attrExport
		if unexport {
			on &^= attrExport
			off |= attrExport
		}
	case "readonly":
		on |= attrReadonly
	}
	rest := args[i:]
	w := r.stdout()
	if funcs || funcNames {
		return r.declareFuncs(name, rest, funcNames, on, print || len(rest) == 0)
	}
	if len(rest) == 0 {
		if name == "local" {
			r.printVars(w, "declare", 0, true)
			return 0
		}
		filter := on
		if name == "declare" || name == "typeset" {
			if on == 0 && !print {
				r.printSet(w)
				return 0
			}
		}
		r.printVars(w, "declare", filter, false)
		return 0
	}
	if print {
		st := 0
		for _, a := range rest {
			word := a.text()
			v := r.lookupVar(word)
			if v == nil {
				r.builtinErr(name, "%s: not found", word)
				st = 1
				continue
			}
			printDecl(w, word, v)
		}
		return st
	}
	local := name == "local" || ((name == "declare" || name == "typeset") && len(r.funcs_) > 0)
	st := 0
	for _, a := range rest {
		if !r.declareOne(name, a, on, off, local) {
			st = 1
		}
	}
	return st
}

// declareOne declares one name with attributes, assigning its value.
func (r *Runner) declareOne(builtin string, a declArg, on, off attr, local bool) bool {
	vname, index, value, hasIndex, hasValue := a.word, "", a.value, false, true
	if !a.hasValue {
		vname, index, value, hasIndex, hasValue = splitAssignWord(a.word)
	}
	appendTo := a.appendTo
	if strings.HasSuffix(vname, "+") && hasValue {
		vname = vname[:len(vname)-1]
		appendTo = true
	}
	if a.isArray {
		vname, hasValue = a.word, true
	}
	if !hasValue {
		if i := strings.IndexByte(vname, '['); i > 0 && strings.HasSuffix(vname, "]") {
			vname, index, hasIndex = vname[:i], vname[i+1:len(vname)-1], true
		}
	}
	if !isName(vname) {
		r.builtinErr(builtin, "`%s': not a valid identifier", a.text())
		return false
	}
	var v *variable
	if local {
		var fresh bool
		v, fresh = r.vars.local(vname)
		if fresh && !hasValue && on&attrArray == 0 {
			// local x: declared, unset.
		}
	} else {
		v = r.vars.own(vname, true)
	}
	if v.attr&attrReadonly != 0 && (hasValue || off&attrReadonly != 0) {
		r.builtinErr(builtin, "%s: readonly variable", vname)
		return false
	}
	if on&attrArray != 0 && !v.isArray() {
		if v.set {
			v.arr = []arrElem{{0, v.val}}
		}
		v.val = ""
	}
	if off&attrArray != 0 && v.isArray() {
		r.builtinErr(builtin, "%s: cannot destroy array variables in this way", vname)
		return false
	}
	before := v.attr
	v.attr |= on &^ attrReadonly
	v.attr &^= off
	if (v.attr^before)&attrExport != 0 {
		// The environment changes only when the export attribute
		// does (export of an exported name keeps it; a value
		// assigned below counts on its own).
		r.vars.gen++
	}
	ok := true
	if hasValue {
		switch {
		case a.isArray:
			ok = r.assignArray(vname, a.array, appendTo)
		case hasIndex:
			ev := arithEval{r: r}
			n := ev.str(index)
			if ev.err != nil {
				r.arithReport("", index, ev.err)
				return false
			}
			ok = r.assignElem(vname, int(n), value)
		default:
			if appendTo && v.set {
				value = v.str() + value
			}
			ok = r.assignString(vname, value, r.pos)
		}
	}
	if on&attrReadonly != 0 {
		v = r.vars.lookup(vname)
		if v != nil {
			v.attr |= attrReadonly
		}
	}
	return ok
}

func (r *Runner) declareFuncs(builtin string, names []declArg, namesOnly bool, on attr, list bool) int {
	w := r.stdout()
	if len(names) == 0 {
		for _, n := range sortedKeys(r.funcs) {
			if namesOnly {
				fmt.Fprintf(w, "declare -f %s\n", n)
				continue
			}
			fmt.Fprint(w, FuncText(n, r.funcs[n].body))
		}
		return 0
	}
	st := 0
	for _, a := range names {
		word := a.text()
		fn, ok := r.funcs[word]
		body := fn.body
		if !ok {
			if builtin == "export" || builtin == "readonly" {
				r.builtinErr(builtin, "%s: not a function", word)
			}
			st = 1
			continue
		}
		if on != 0 && !list {
			continue
		}
		if namesOnly {
			fmt.Fprintln(w, word)
			continue
		}
		fmt.Fprint(w, FuncText(word, body))
	}
	return st
}

// attrFlags is the flags of declare -p: "--" for none.
func attrFlags(v *variable) string {
	var b strings.Builder
	if v.isArray() {
		b.WriteByte('a')
	}
	if v.attr&attrInteger != 0 {
		b.WriteByte('i')
	}
	if v.attr&attrReadonly != 0 {
		b.WriteByte('r')
	}
	if v.attr&attrExport != 0 {
		b.WriteByte('x')
	}
	if b.Len() == 0 {
		return "--"
	}
	return "-" + b.String()
}

// printDecl prints one variable as declare -p does in bash 3.2.
func printDecl(w io.Writer, name string, v *variable) {
	flags := attrFlags(v)
	if !v.set {
		fmt.Fprintf(w, "declare %s %s\n", flags, name)
		return
	}
	if v.isArray() {
		fmt.Fprintf(w, "declare %s %s='%s'\n", flags, name, strings.ReplaceAll(arrayText(v), "'", `'\''`))
		return
	}
	fmt.Fprintf(w, "declare %s %s=%s\n", flags, name, doubleQuote(v.val))
}

// arrayText is ([0]="a" [1]="b").
func arrayText(v *variable) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, e := range v.arr {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "[%d]=%s", e.i, doubleQuote(e.v))
	}
	b.WriteByte(')')
	return b.String()
}

// doubleQuote quotes s in double quotes, escaping " \ $ `.
func doubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\\', '$', '`':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// printVars lists variables with all the attributes of filter as
// declare -p does (export -p, readonly -p); locals lists the innermost
// function's.
func (r *Runner) printVars(w io.Writer, _ string, filter attr, locals bool) {
	if locals {
		if len(r.vars.frames) == 0 {
			return
		}
		top := r.vars.frames[len(r.vars.frames)-1]
		for _, n := range sortedKeys(top) {
			v := top[n]
			if v.set {
				fmt.Fprintf(w, "%s=%s\n", n, setQuote(v.str()))
			}
		}
		return
	}
	r.vars.each(func(name string, v *variable) {
		if v.attr&filter != filter {
			return
		}
		printDecl(w, name, v)
	})
}

// printSet is `set` with no arguments: every variable, then every
// function.
func (r *Runner) printSet(w io.Writer) {
	r.vars.each(func(name string, v *variable) {
		if !v.set {
			return
		}
		if v.isArray() {
			fmt.Fprintf(w, "%s=%s\n", name, arrayText(v))
			return
		}
		fmt.Fprintf(w, "%s=%s\n", name, setQuote(v.val))
	})
	for _, n := range sortedKeys(r.funcs) {
		fmt.Fprint(w, FuncText(n, r.funcs[n].body))
	}
}

// setQuote quotes a value as set prints it: $'…' when it has bytes that
// do not print, single quotes when it has shell metacharacters.
func setQuote(s string) string {
	if !printable(s) {
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] == 0x7f {
				return dollarQuote(s)
			}
		}
	}
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, " \t\n'\"\\|&;()<>!{}*[?]^$`~#=%") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// unsetBuiltin is unset [-f] [-v] name…
func (r *Runner) unsetBuiltin(args []string) int {
	funcs := false
	i := 1
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' {
			break
		}
		for _, c := range a[1:] {
			switch c {
			case 'f':
				funcs = true
			case 'v':
				funcs = false
			default:
				r.builtinErr("unset", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "unset: usage: unset [-f] [-v] [name ...]")
				return 2
			}
		}
	}
	st := 0
	for _, name := range args[i:] {
		if funcs {
			if r.fshare {
				m := make(map[string]funcDef, len(r.funcs))
				for k, v := range r.funcs {
					m[k] = v
				}
				r.funcs, r.fshare = m, false
			}
			delete(r.funcs, name)
			continue
		}
		base, index := name, ""
		if k := strings.IndexByte(name, '['); k > 0 && strings.HasSuffix(name, "]") {
			base, index = name[:k], name[k+1:len(name)-1]
		}
		if !isName(base) {
			r.builtinErr("unset", "`%s': not a valid identifier", name)
			st = 1
			continue
		}
		v := r.vars.lookup(base)
		if v == nil {
			if _, ok := r.funcs[name]; ok && index == "" {
				// bash unsets a function of that name when no variable has it.
				if r.fshare {
					m := make(map[string]funcDef, len(r.funcs))
					for k, fv := range r.funcs {
						m[k] = fv
					}
					r.funcs, r.fshare = m, false
				}
				delete(r.funcs, name)
			}
			continue
		}
		if v.attr&attrReadonly != 0 {
			r.builtinErr("unset", "%s: cannot unset: readonly variable", base)
			st = 1
			continue
		}
		if index != "" && index != "@" && index != "*" {
			ev := arithEval{r: r}
			n := ev.str(index)
			if ev.err != nil {
				r.arithReport("", index, ev.err)
				st = 1
				continue
			}
			own := r.vars.own(base, false)
			if own != nil && own.isArray() {
				own.unsetElem(int(n))
			} else if own != nil && n == 0 {
				r.vars.unset(base)
			}
			continue
		}
		r.vars.unset(base)
	}
	return st
}
