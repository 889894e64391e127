package bash

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// pvalue is what a parameter expands to: a string, or a list ($@, $*,
// ${a[@]}, ${a[*]}), or a word to expand in its place (${x-word}).
type pvalue struct {
	s     string
	elems []string
	list  bool
	star  bool // the * form: joined by IFS's first character in quotes
	alt   *syntax.Word
	altQ  bool // alt is expanded quoted
}

// scratch holds the value of a dynamic variable ($RANDOM, $LINENO…).
// lookupVar returns pointers to it, valid until the next look-up.

// lookupVar finds a variable by name, dynamic ones included.
func (r *Runner) lookupVar(name string) *variable {
	if isDynamicName(name) {
		if v, ok := r.dynamicVar(name); ok {
			return v
		}
	}
	return r.vars.lookup(name)
}

// varString is the value of a variable, "" when unset.
func (r *Runner) varString(name string) string {
	if v := r.lookupVar(name); v != nil && v.set {
		return v.str()
	}
	return ""
}

// isDynamicName reports whether name is one of the variables bash
// computes when read (a switch: no map look-up for every variable).
func isDynamicName(name string) bool {
	switch name {
	case "RANDOM", "LINENO", "SECONDS", "PPID", "SHELLOPTS",
		"BASH_SUBSHELL", "PIPESTATUS", "FUNCNAME", "DIRSTACK",
		"BASH_SOURCE", "BASH_LINENO":
		return true
	}
	return false
}

func (r *Runner) dynamicVar(name string) (*variable, bool) {
	var v variable
	v.set = true
	switch name {
	case "RANDOM":
		if r.cfg.Random != nil {
			v.val = itoa(r.cfg.Random() & 32767)
		} else {
			// A fixed generator (bash's own): the same every run.
			s := r.tree.rand.Load()*1103515245 + 12345
			r.tree.rand.Store(s)
			v.val = itoa(int(s>>16) & 32767)
		}
	case "LINENO":
		v.val = itoa(int(r.pos.Line()))
	case "SECONDS":
		if r.cfg.Seconds != nil {
			v.val = strconv.FormatInt(r.cfg.Seconds(), 10)
		} else {
			v.val = "0"
		}
	case "PPID":
		v.val = itoa(r.cfg.PPID)
		v.attr = attrReadonly
	case "SHELLOPTS":
		v.val = r.shellopts()
		v.attr = attrReadonly
	case "BASH_SUBSHELL":
		v.val = itoa(r.subshell)
	case "PIPESTATUS":
		v.attr = attrArray
		for i, st := range r.pipeStatus {
			v.arr = append(v.arr, arrElem{i, itoa(st)})
		}
		if len(r.pipeStatus) == 0 {
			v.arr = []arrElem{{0, itoa(r.status)}}
		}
	case "FUNCNAME":
		if len(r.funcs_) == 0 {
			return nil, false
		}
		v.attr = attrArray
		for i := len(r.funcs_) - 1; i >= 0; i-- {
			v.arr = append(v.arr, arrElem{len(r.funcs_) - 1 - i, r.funcs_[i]})
		}
		v.arr = append(v.arr, arrElem{len(r.funcs_), "main"})
	case "DIRSTACK":
		v.attr = attrArray
		for i, d := range append([]string{r.dir}, r.dirs...) {
			v.arr = append(v.arr, arrElem{i, d})
		}
	default:
		return r.frameVar(name)
	}
	return &v, true
}

// badSubst reports bash's "bad substitution" for pe.
func (r *Runner) badSubst(pe *syntax.ParamExp) (pvalue, bool) {
	r.errf("%s: bad substitution", printWord(&syntax.Word{Parts: []syntax.WordPart{pe}}))
	r.abort()
	return pvalue{}, false
}

// indexWord returns "@" or "*" when idx is that subscript.
func indexWord(idx syntax.ArithmExpr) string {
	if w, ok := idx.(*syntax.Word); ok && len(w.Parts) == 1 {
		if l, ok := w.Parts[0].(*syntax.Lit); ok && (l.Value == "@" || l.Value == "*") {
			return l.Value
		}
	}
	return ""
}

// paramExp expands a parameter expansion; quoted says it stands inside
// double quotes.
func (r *Runner) paramExp(pe *syntax.ParamExp, quoted bool) (pvalue, bool) {
	if pe.Param == nil || pe.Width || pe.IsSet || pe.Flags != nil || pe.NestedParam != nil || len(pe.Modifiers) > 0 {
		return r.badSubst(pe)
	}
	if pe.Exp != nil {
		switch pe.Exp.Op {
		case syntax.UpperFirst, syntax.UpperAll, syntax.LowerFirst, syntax.LowerAll,
			syntax.OtherParamOps, syntax.MatchEmpty, syntax.ArrayExclude, syntax.ArrayIntersect:
			// bash 3.2 has no case modification nor ${x@op}.
			return r.badSubst(pe)
		}
	}
	name := pe.Param.Value
	if pe.Excl && pe.Names != 0 {
		var names []string
		r.vars.each(func(n string, v *variable) {
			if strings.HasPrefix(n, name) && v.set {
				names = append(names, n)
			}
		})
		return pvalue{elems: names, list: true, star: pe.Names == syntax.NamesPrefix}, true
	}
	var index syntax.ArithmExpr = pe.Index
	if pe.Excl {
		sub := indexWord(pe.Index)
		if sub != "" {
			// ${!a[@]}: the indexes of an array.
			v := r.lookupVar(name)
			var keys []string
			if v != nil && v.set {
				if v.isArray() {
					for _, e := range v.arr {
						keys = append(keys, itoa(e.i))
					}
				} else {
					keys = []string{"0"}
				}
			}
			return pvalue{elems: keys, list: true, star: sub == "*"}, true
		}
		// ${!name}: the variable named by name's value.
		target, set := r.simpleParam(name)
		if !set {
			if r.opts.set[optNoUnset] {
				r.errf("%s: unbound variable", name)
				r.fatal()
				return pvalue{}, false
			}
			return pvalue{}, true
		}
		if i := strings.IndexByte(target, '['); i > 0 && strings.HasSuffix(target, "]") {
			sub := target[i+1 : len(target)-1]
			target = target[:i]
			if sub == "@" || sub == "*" {
				index = &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{Value: sub}}}
			} else {
				w, err := parseArith(sub)
				if err != nil {
					r.errf("%s: bad substitution", target+"["+sub+"]")
					r.abort()
					return pvalue{}, false
				}
				index = w
			}
		}
		if !isName(target) && !isSpecialParam(target) {
			r.errf("%s: bad substitution", target)
			r.abort()
			return pvalue{}, false
		}
		name = target
	}

	// The value before operators.
	var val pvalue
	set := false
	switch {
	case index != nil:
		v := r.lookupVar(name)
		switch sub := indexWord(index); sub {
		case "@", "*":
			val.list, val.star = true, sub == "*"
			if v != nil && v.set {
				val.elems = v.values()
				set = len(val.elems) > 0
			}
		default:
			i, ok := r.arithNamed(index, "")
			if !ok {
				r.abort()
				return pvalue{}, false
			}
			if v != nil && v.set {
				if v.isArray() {
					if i < 0 {
						i += int64(lastIndex(v)) + 1
					}
					val.s, set = v.elem(int(i))
				} else if i == 0 {
					val.s, set = v.val, true
				}
			}
		}
	case name == "@" || name == "*":
		val.list, val.star = true, name == "*"
		val.elems = r.params
		set = len(r.params) > 0
	default:
		val.s, set = r.simpleParam(name)
	}

	if pe.Length {
		if val.list {
			return pvalue{s: itoa(len(val.elems))}, true
		}
		if !set && r.opts.set[optNoUnset] {
			return r.unbound(name, pe)
		}
		return pvalue{s: itoa(utf8.RuneCountInString(val.s))}, true
	}

	if pe.Exp != nil {
		op := pe.Exp.Op
		null := !set
		if !null && (op == syntax.DefaultUnsetOrNull || op == syntax.AlternateUnsetOrNull ||
			op == syntax.AssignUnsetOrNull || op == syntax.ErrorUnsetOrNull) {
			if val.list {
				null = len(val.elems) == 0 || (len(val.elems) == 1 && val.elems[0] == "")
			} else {
				null = val.s == ""
			}
		}
		switch op {
		case syntax.DefaultUnset, syntax.DefaultUnsetOrNull:
			if null {
				return pvalue{alt: pe.Exp.Word, altQ: quoted}, true
			}
			return val, true
		case syntax.AlternateUnset, syntax.AlternateUnsetOrNull:
			if null {
				return pvalue{}, true
			}
			return pvalue{alt: pe.Exp.Word, altQ: quoted}, true
		case syntax.AssignUnset, syntax.AssignUnsetOrNull:
			if !null {
				return val, true
			}
			if index == nil && !isName(name) {
				r.errf("$%s: cannot assign in this way", name)
				r.abort()
				return pvalue{}, false
			}
			s, ok := r.assignValue(pe.Exp.Word)
			if !ok {
				return pvalue{}, false
			}
			if index != nil {
				i, ok := r.arithNamed(index, "")
				if !ok {
					r.abort()
					return pvalue{}, false
				}
				if !r.assignElem(name, int(i), s) {
					r.abort()
					return pvalue{}, false
				}
			} else if !r.assignString(name, s, pe.Pos()) {
				r.abort()
				return pvalue{}, false
			}
			return pvalue{s: s}, true
		case syntax.ErrorUnset, syntax.ErrorUnsetOrNull:
			if !null {
				return val, true
			}
			msg := "parameter null or not set"
			if pe.Exp.Word != nil {
				s, ok := r.literal(pe.Exp.Word)
				if !ok {
					return pvalue{}, false
				}
				msg = s
			}
			r.errf("%s: %s", name, msg)
			r.fatal()
			return pvalue{}, false
		}
	}
	if !set && r.opts.set[optNoUnset] {
		return r.unbound(name, pe)
	}
	switch {
	case pe.Slice != nil:
		return r.slice(pe, name, val)
	case pe.Repl != nil:
		return r.replace(pe, val)
	case pe.Exp != nil:
		pat, ok := r.pattern(pe.Exp.Word)
		if !ok {
			return pvalue{}, false
		}
		apply := func(s string) string { return r.removePattern(pe.Exp.Op, pat, s) }
		if val.list {
			out := make([]string, len(val.elems))
			for i, e := range val.elems {
				out[i] = apply(e)
			}
			val.elems = out
			return val, true
		}
		val.s = apply(val.s)
	}
	return val, true
}

func (r *Runner) unbound(name string, pe *syntax.ParamExp) (pvalue, bool) {
	if name == "@" || name == "*" || (name[0] >= '0' && name[0] <= '9') {
		name = "$" + name
	}
	r.errf("%s: unbound variable", name)
	r.fatal()
	return pvalue{}, false
}

func isSpecialParam(s string) bool {
	switch s {
	case "@", "*", "#", "?", "-", "$", "!", "0":
		return true
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

func lastIndex(v *variable) int {
	if len(v.arr) == 0 {
		return -1
	}
	return v.arr[len(v.arr)-1].i
}

// simpleParam is $name for a variable or a special parameter; set says
// whether it is set.
func (r *Runner) simpleParam(name string) (string, bool) {
	if len(name) == 1 {
		switch name[0] {
		case '#':
			return itoa(len(r.params)), true
		case '?':
			return itoa(r.status), true
		case '$':
			return itoa(r.cfg.PID), true
		case '!':
			if r.lastBg == 0 {
				return "", false
			}
			return itoa(r.lastBg), true
		case '-':
			return r.dashFlags(), true
		case '0':
			return r.name, true
		case '@', '*':
			return r.joinStar(r.params, name == "@"), len(r.params) > 0
		}
	}
	if c := name[0]; c >= '0' && c <= '9' {
		n, err := strconv.Atoi(name)
		if err != nil || n < 1 || n > len(r.params) {
			return "", false
		}
		return r.params[n-1], true
	}
	v := r.lookupVar(name)
	if v == nil || !v.set {
		return "", false
	}
	if v.isArray() {
		return v.elem(0)
	}
	return v.val, true
}

// removePattern is ${x#pat} and its kin.
func (r *Runner) removePattern(op syntax.ParExpOperator, pat, s string) string {
	m := r.compile(pat, false)
	switch op {
	case syntax.RemSmallPrefix:
		for i := 0; i <= len(s); i++ {
			if m.match(s[:i]) {
				return s[i:]
			}
		}
	case syntax.RemLargePrefix:
		for i := len(s); i >= 0; i-- {
			if m.match(s[:i]) {
				return s[i:]
			}
		}
	case syntax.RemSmallSuffix:
		for i := len(s); i >= 0; i-- {
			if m.match(s[i:]) {
				return s[:i]
			}
		}
	case syntax.RemLargeSuffix:
		for i := 0; i <= len(s); i++ {
			if m.match(s[i:]) {
				return s[:i]
			}
		}
	}
	return s
}

// replace is ${x/pat/str}, ${x//pat/str}, ${x/#pat/str}, ${x/%pat/str}.
func (r *Runner) replace(pe *syntax.ParamExp, val pvalue) (pvalue, bool) {
	anchor := byte(0)
	orig := pe.Repl.Orig
	if orig != nil && len(orig.Parts) > 0 {
		if l, ok := orig.Parts[0].(*syntax.Lit); ok && len(l.Value) > 0 && (l.Value[0] == '#' || l.Value[0] == '%') {
			anchor = l.Value[0]
			parts := append([]syntax.WordPart{&syntax.Lit{ValuePos: l.ValuePos, ValueEnd: l.ValueEnd, Value: l.Value[1:]}}, orig.Parts[1:]...)
			orig = &syntax.Word{Parts: parts}
		}
	}
	pat, ok := r.pattern(orig)
	if !ok {
		return pvalue{}, false
	}
	with, ok := r.literal(pe.Repl.With)
	if !ok {
		return pvalue{}, false
	}
	apply := func(s string) string {
		if pat == "" {
			return s
		}
		m := r.compile(pat, false)
		switch anchor {
		case '#':
			for i := len(s); i >= 0; i-- {
				if m.match(s[:i]) {
					return with + s[i:]
				}
			}
			return s
		case '%':
			for i := 0; i <= len(s); i++ {
				if m.match(s[i:]) {
					return s[:i] + with
				}
			}
			return s
		}
		var b strings.Builder
		i := 0
		done := false
		for i < len(s) {
			if done {
				break
			}
			found := -1
			for j := len(s); j > i; j-- {
				if m.match(s[i:j]) {
					found = j
					break
				}
			}
			if found < 0 {
				_, size := utf8.DecodeRuneInString(s[i:])
				b.WriteString(s[i : i+size])
				i += size
				continue
			}
			b.WriteString(with)
			i = found
			if !pe.Repl.All {
				done = true
			}
		}
		b.WriteString(s[i:])
		return b.String()
	}
	if val.list {
		out := make([]string, len(val.elems))
		for i, e := range val.elems {
			out[i] = apply(e)
		}
		val.elems = out
		return val, true
	}
	val.s = apply(val.s)
	return val, true
}

// slice is ${x:offset:length}.
func (r *Runner) slice(pe *syntax.ParamExp, name string, val pvalue) (pvalue, bool) {
	off, ok := r.arithNamed(pe.Slice.Offset, "")
	if !ok {
		r.abort()
		return pvalue{}, false
	}
	hasLen := pe.Slice.Length != nil
	var length int64
	if hasLen {
		length, ok = r.arithNamed(pe.Slice.Length, "")
		if !ok {
			r.abort()
			return pvalue{}, false
		}
		if length < 0 {
			r.errf("%s: substring expression < 0", strings.TrimSpace(printArith(pe.Slice.Length)))
			r.abort()
			return pvalue{}, false
		}
	}
	if val.list {
		elems := val.elems
		if name == "@" || name == "*" {
			elems = append([]string{r.name}, r.params...)
		}
		n := int64(len(elems))
		if off < 0 {
			off += n
			if off < 0 {
				return pvalue{list: true, star: val.star}, true
			}
		}
		if off > n {
			off = n
		}
		end := n
		if hasLen && off+length < n {
			end = off + length
		}
		return pvalue{elems: elems[off:end], list: true, star: val.star}, true
	}
	runes := []rune(val.s)
	n := int64(len(runes))
	if off < 0 {
		off += n
		if off < 0 {
			return pvalue{}, true
		}
	}
	if off > n {
		return pvalue{}, true
	}
	end := n
	if hasLen && off+length < n {
		end = off + length
	}
	return pvalue{s: string(runes[off:end])}, true
}

// sortedKeys lists a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
