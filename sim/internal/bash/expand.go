package bash

import (
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// Word expansion, as bash does it: brace expansion, tilde expansion,
// parameters, command substitution and arithmetic, field splitting on
// IFS, pathname expansion, quote removal. The common words take fast
// paths: a plain literal costs no allocation, "$x" and $x a map look-up.

// specialLit marks the bytes that make an unquoted literal need the slow
// path: escapes, glob characters, braces and tildes.
var specialLit = func() (t [256]bool) {
	for _, c := range "\\*?[{~" {
		t[c] = true
	}
	return t
}()

func plainLit(s string) bool {
	for i := 0; i < len(s); i++ {
		if specialLit[s[i]] {
			return false
		}
	}
	return true
}

// fields expands words into the fields of a command line; ok is false
// when an expansion failed (the error is reported and the flow set).
func (r *Runner) fields(words []*syntax.Word) ([]string, bool) {
	return r.fieldsTo(make([]string, 0, len(words)), words)
}

// fieldsTo is fields appending to out.
func (r *Runner) fieldsTo(out []string, words []*syntax.Word) ([]string, bool) {
	var x *expander
	for _, w := range words {
		if len(w.Parts) == 1 {
			switch p := w.Parts[0].(type) {
			case *syntax.Lit:
				if plainLit(p.Value) {
					out = append(out, p.Value)
					continue
				}
			case *syntax.SglQuoted:
				if !p.Dollar {
					out = append(out, p.Value)
					continue
				}
			case *syntax.ParamExp:
				// $x whose value needs no splitting or globbing.
				if v, ok := r.plainParam(p); ok && r.plainValue(v) {
					if v != "" {
						out = append(out, v)
					}
					continue
				}
			case *syntax.DblQuoted:
				if len(p.Parts) == 1 {
					switch q := p.Parts[0].(type) {
					case *syntax.Lit:
						if !strings.ContainsRune(q.Value, '\\') {
							out = append(out, q.Value)
							continue
						}
					case *syntax.ParamExp:
						if v, ok := r.plainParam(q); ok {
							out = append(out, v)
							continue
						}
					}
				}
			}
		}
		if x == nil {
			x = r.newExpander(modeFields)
		}
		x.out = out
		if !x.word(w) {
			return nil, false
		}
		out = x.out
	}
	if x != nil {
		r.freeExpander(x)
	}
	return out, true
}

// plainParam is the value of $NAME or $N (N from 1 to 9) when it is a
// set scalar variable or a set positional parameter, which need no
// expander; ok is false for every other parameter.
func (r *Runner) plainParam(p *syntax.ParamExp) (string, bool) {
	if !p.Short || p.Param == nil || p.Index != nil {
		return "", false
	}
	name := p.Param.Value
	if len(name) == 1 && name[0] >= '1' && name[0] <= '9' {
		if n := int(name[0] - '0'); n <= len(r.params) {
			return r.params[n-1], true
		}
		return "", false
	}
	if !isName(name) {
		return "", false
	}
	if v := r.lookupVar(name); v != nil && v.set && !v.isArray() {
		return v.val, true
	}
	return "", false
}

// plainValue reports whether an unquoted value stays one field as it
// is: no IFS character, no glob character.
func (r *Runner) plainValue(s string) bool {
	t := r.ifsTable()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if t.any[c] || c == '*' || c == '?' || c == '[' {
			return false
		}
	}
	return true
}

// literal expands a word with no field splitting or pathname expansion
// (assignments, case words, [[ ]] operands, here-documents).
func (r *Runner) literal(w *syntax.Word) (string, bool) {
	if w == nil {
		return "", true
	}
	if len(w.Parts) == 1 {
		switch p := w.Parts[0].(type) {
		case *syntax.Lit:
			if plainLit(p.Value) {
				return p.Value, true
			}
		case *syntax.SglQuoted:
			if !p.Dollar {
				return p.Value, true
			}
		case *syntax.DblQuoted:
			if len(p.Parts) == 1 {
				if q, ok := p.Parts[0].(*syntax.ParamExp); ok {
					if v, ok := r.plainParam(q); ok {
						return v, true
					}
				}
			}
		}
	}
	x := r.newExpander(modeLiteral)
	if !x.word(w) {
		return "", false
	}
	s := x.text()
	r.freeExpander(x)
	return s, true
}

// assignValue expands the value of an assignment: a literal with tildes
// expanded after = and :.
func (r *Runner) assignValue(w *syntax.Word) (string, bool) {
	if w == nil {
		return "", true
	}
	if len(w.Parts) == 1 {
		switch p := w.Parts[0].(type) {
		case *syntax.Lit:
			if plainLit(p.Value) {
				return p.Value, true
			}
		case *syntax.ArithmExp:
			n, ok := r.arithNamed(p.X, "")
			if !ok {
				r.abort()
				return "", false
			}
			return strconv.FormatInt(n, 10), true
		case *syntax.ParamExp, *syntax.DblQuoted, *syntax.SglQuoted:
			return r.literal(w)
		}
	}
	x := r.newExpander(modeLiteral)
	x.assign = true
	if !x.word(w) {
		return "", false
	}
	s := x.text()
	r.freeExpander(x)
	return s, true
}

// pattern expands a word into a pattern: quoted characters are escaped
// with backslashes, unquoted ones keep their meaning.
func (r *Runner) pattern(w *syntax.Word) (string, bool) {
	if w == nil {
		return "", true
	}
	if len(w.Parts) == 1 {
		switch p := w.Parts[0].(type) {
		case *syntax.Lit:
			if !strings.ContainsAny(p.Value, "\\~{") {
				return p.Value, true
			}
		case *syntax.SglQuoted:
			if !p.Dollar {
				return quotePattern(p.Value), true
			}
		}
	}
	x := r.newExpander(modePattern)
	if !x.word(w) {
		return "", false
	}
	s := x.patternText()
	r.freeExpander(x)
	return s, true
}

// quotePattern escapes the pattern characters of s.
func quotePattern(s string) string {
	if !strings.ContainsAny(s, `*?[]\+@!()|`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '[', ']', '\\', '+', '@', '!', '(', ')', '|':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

type expMode uint8

const (
	modeFields  expMode = iota // split and glob
	modeLiteral                // one string
	modePattern                // one pattern, quoted characters escaped
)

// expander builds the fields of words.
type expander struct {
	r      *Runner
	mode   expMode
	assign bool // tildes after = and : (an assignment's value)
	out    []string
	buf    []byte
	has    bool  // the current field exists, even if empty ("")
	glob   bool  // the current field has an unquoted glob character
	quoted []int // [start, end) pairs of quoted bytes in buf
	// whole is a string buf holds all of when wholeOK and their lengths
	// are equal (it was added to an empty buf, and nothing since): the
	// field is that string, with no copy (text).
	whole   string
	wholeOK bool
}

// text is the current field as a string: the string it was copied from
// when it came whole from one (a command substitution's output, a
// parameter's value), else a copy of buf.
func (x *expander) text() string {
	if x.wholeOK && len(x.whole) == len(x.buf) {
		return x.whole
	}
	return string(x.buf)
}

// addWhole appends s to buf, remembering it when buf was empty.
func (x *expander) addWhole(s string) {
	if len(x.buf) == 0 {
		x.whole, x.wholeOK = s, true
	}
	x.buf = append(x.buf, s...)
}

// newExpander returns an expander for r, recycled from r's free list
// when there is one: every command line expands words, and expansions
// nest (a command substitution inside a word), so the list is a stack.
func (r *Runner) newExpander(mode expMode) *expander {
	if n := len(r.xfree); n > 0 {
		x := r.xfree[n-1]
		r.xfree[n-1] = nil
		r.xfree = r.xfree[:n-1]
		x.r, x.mode = r, mode // the list may come from a subshell (handSpares)
		return x
	}
	return &expander{r: r, mode: mode}
}

// freeExpander gives x back to r once its result is copied out.
func (r *Runner) freeExpander(x *expander) {
	if cap(x.buf) > 4096 || len(r.xfree) >= 8 {
		return
	}
	x.out = nil
	x.assign = false
	x.reset()
	r.xfree = append(r.xfree, x)
}

// word expands one word into x.
func (x *expander) word(w *syntax.Word) bool {
	if x.mode == modeFields && x.r.opts.set[optBraceExpand] && hasBrace(w) {
		if ok, done := x.braceWord(w); done {
			return ok
		}
	}
	if !x.wordParts(w.Parts) {
		return false
	}
	if x.mode == modeFields {
		x.endField()
	}
	return true
}

// braceWord expands a word with a brace expansion into its fields;
// done is false when it has none after all. (Apart from word, whose
// every call would otherwise pay for the loop's closure.)
func (x *expander) braceWord(w *syntax.Word) (ok, done bool) {
	// SplitBraces replaces the parts of the word it is given, never
	// the parts themselves: a copy of the word header is enough.
	cp := &syntax.Word{Parts: w.Parts}
	if !syntax.SplitBraces(cp) {
		return false, false
	}
	for bw, err := range expand.BracesSeq(&expand.Config{}, cp) {
		if err != nil {
			x.r.errf("%s", err)
			x.r.abort()
			return false, true
		}
		if !x.wordParts(bw.Parts) {
			return false, true
		}
		x.endField()
	}
	return true, true
}

// hasBrace reports whether w may hold a brace expansion: its literal
// parts have a {, a } and a , or .. (without the last there is nothing
// to expand, and the word stays as written).
func hasBrace(w *syntax.Word) bool {
	open, closed, sep := false, false, false
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok {
			open = open || strings.IndexByte(l.Value, '{') >= 0
			closed = closed || strings.IndexByte(l.Value, '}') >= 0
			sep = sep || strings.IndexByte(l.Value, ',') >= 0 || strings.Contains(l.Value, "..")
		}
	}
	return open && closed && sep
}

func (x *expander) wordParts(parts []syntax.WordPart) bool {
	for i, p := range parts {
		switch p := p.(type) {
		case *syntax.Lit:
			v := p.Value
			if i == 0 && strings.HasPrefix(v, "~") {
				v = x.tilde(v, len(parts) == 1)
			}
			x.lit(v)
		case *syntax.SglQuoted:
			v := p.Value
			if p.Dollar {
				v = ansiC(v)
			}
			x.addQuoted(v)
		case *syntax.DblQuoted:
			if !x.dblQuoted(p.Parts) {
				return false
			}
		case *syntax.ParamExp:
			val, ok := x.r.paramExp(p, false)
			if !ok || !x.addValue(val, false) {
				return false
			}
		case *syntax.CmdSubst:
			s, ok := x.r.cmdSubst(p)
			if !ok {
				return false
			}
			x.addUnquoted(s)
		case *syntax.ArithmExp:
			n, ok := x.r.arithNamed(p.X, "")
			if !ok {
				x.r.abort()
				return false
			}
			x.addUnquoted(itoa64(n))
		case *syntax.ExtGlob:
			x.addGlobText(p.Op.String() + p.Pattern.Value + ")")
		case *syntax.ProcSubst:
			x.r.errf("process substitution is not available in rclab")
			x.r.abort()
			return false
		case *syntax.BraceExp:
			// Only in words already split by SplitBraces, expanded by
			// expand.Braces before they reach here.
			x.lit(printWord(&syntax.Word{Parts: []syntax.WordPart{p}}))
		default:
			x.r.errf("rclab: unsupported word part %T", p)
			x.r.abort()
			return false
		}
	}
	return true
}

// abort discards the command: bash's expansion errors.
func (r *Runner) abort() {
	if r.flow == flowNone {
		r.flow = flowAbort
	}
	if r.status == 0 {
		r.status = 1
	}
}

// fatal is an expansion error that ends a non-interactive shell (unbound
// variables, ${x?}).
func (r *Runner) fatal() {
	r.status = 1
	if r.interactive {
		r.flow = flowAbort
		return
	}
	r.flow = flowExit
}

// lit adds unquoted literal text: backslash escapes, glob characters.
func (x *expander) lit(v string) {
	x.has = true
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch c {
		case '\\':
			if i+1 < len(v) {
				i++
				if v[i] == '\n' {
					continue
				}
				x.addQuotedByte(v[i])
				continue
			}
			x.buf = append(x.buf, c)
		case '*', '?', '[':
			x.glob = true
			x.buf = append(x.buf, c)
		case ':':
			x.buf = append(x.buf, c)
			if x.assign && i+1 < len(v) && v[i+1] == '~' {
				seg := v[i+1:]
				if k := strings.IndexByte(seg, ':'); k >= 0 {
					seg = seg[:k]
				}
				if exp := x.tilde(seg, false); exp != seg {
					x.buf = append(x.buf, exp...)
					i += len(seg)
				}
			}
		default:
			x.buf = append(x.buf, c)
		}
	}
}

// tilde expands a leading ~ or ~user of v (up to the first slash).
func (x *expander) tilde(v string, _ bool) string {
	end := strings.IndexByte(v, '/')
	if end < 0 {
		end = len(v)
	}
	user := v[1:end]
	var home string
	switch user {
	case "":
		h := x.r.lookupVar("HOME")
		if h == nil || !h.set {
			return v
		}
		home = h.str()
	case "+":
		home = x.r.varString("PWD")
	case "-":
		h := x.r.lookupVar("OLDPWD")
		if h == nil || !h.set {
			return v
		}
		home = h.str()
	default:
		if x.r.cfg.HomeDir == nil {
			return v
		}
		h, ok := x.r.cfg.HomeDir(user)
		if !ok {
			return v
		}
		home = h
	}
	if x.mode == modeFields || x.mode == modePattern {
		// The expansion is quoted: no splitting or globbing of it.
		x.addQuoted(home)
		return v[end:]
	}
	return home + v[end:]
}

func (x *expander) addQuotedByte(c byte) {
	start := len(x.buf)
	x.buf = append(x.buf, c)
	x.has = true
	if isGlobByte(c) {
		x.quoted = append(x.quoted, start, start+1)
	}
}

func isGlobByte(c byte) bool {
	switch c {
	case '*', '?', '[', ']', '\\', '+', '@', '!', '(', ')', '|':
		return true
	}
	return false
}

// addQuoted adds quoted text: no splitting, no glob meaning.
func (x *expander) addQuoted(s string) {
	x.has = true
	start := len(x.buf)
	x.addWhole(s)
	if x.mode != modeLiteral {
		for i := 0; i < len(s); i++ {
			if isGlobByte(s[i]) {
				x.quoted = append(x.quoted, start, start+len(s))
				break
			}
		}
	}
}

// addGlobText adds unquoted pattern text (an extended glob).
func (x *expander) addGlobText(s string) {
	x.has = true
	x.glob = true
	x.buf = append(x.buf, s...)
}

// addUnquoted adds the unquoted result of an expansion: split on IFS in
// fields mode, glob characters active.
func (x *expander) addUnquoted(s string) {
	if x.mode != modeFields {
		if x.mode == modePattern {
			x.has = true
			x.buf = append(x.buf, s...)
			x.glob = true
			return
		}
		x.addQuoted(s)
		return
	}
	t := x.r.ifsTable()
	if t.empty {
		x.addWhole(s)
		if s != "" {
			x.has = true
		}
		x.markGlob(s)
		return
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if !t.any[c] {
			start := i
			for i < len(s) && !t.any[s[i]] {
				i++
			}
			if start == 0 && i == len(s) {
				x.addWhole(s) // no part of a larger string stays alive
			} else {
				x.buf = append(x.buf, s[start:i]...)
			}
			x.has = true
			x.markGlob(s[start:i])
			continue
		}
		j := i
		for j < len(s) && t.ws[s[j]] {
			j++
		}
		nonWS := false
		if j < len(s) && t.any[s[j]] && !t.ws[s[j]] {
			nonWS = true
			j++
			for j < len(s) && t.ws[s[j]] {
				j++
			}
		}
		if nonWS || x.has {
			x.emit()
		}
		i = j
	}
}

func (x *expander) markGlob(s string) {
	if !x.glob && strings.ContainsAny(s, "*?[") {
		x.glob = true
	}
}

// addValue adds a parameter's value (or values).
func (x *expander) addValue(v pvalue, quoted bool) bool {
	if v.alt != nil {
		if v.altQ {
			return x.altQuoted(v.alt.Parts)
		}
		return x.wordParts(v.alt.Parts)
	}
	if !v.list {
		if quoted {
			x.addQuoted(v.s)
		} else {
			x.addUnquoted(v.s)
		}
		return true
	}
	if quoted && (v.star || x.mode != modeFields) {
		x.addQuoted(x.r.joinStar(v.elems, !v.star))
		return true
	}
	if !quoted && x.mode != modeFields {
		x.addUnquoted(x.r.joinStar(v.elems, !v.star))
		return true
	}
	for i, e := range v.elems {
		if i > 0 {
			x.emit()
		}
		if quoted {
			x.addQuoted(e)
		} else {
			x.addUnquoted(e)
		}
	}
	return true
}

// altQuoted expands the word of ${x-word} inside double quotes: its
// single quotes stay, its parts do not split.
func (x *expander) altQuoted(parts []syntax.WordPart) bool {
	for _, p := range parts {
		switch p := p.(type) {
		case *syntax.Lit:
			x.addQuotedDbl(p.Value)
		case *syntax.SglQuoted:
			if p.Dollar {
				x.addQuoted(ansiC(p.Value))
			} else {
				x.addQuoted("'" + p.Value + "'")
			}
		case *syntax.DblQuoted:
			if !x.dblQuoted(p.Parts) {
				return false
			}
		default:
			if !x.dblQuoted([]syntax.WordPart{p}) {
				return false
			}
		}
	}
	return true
}

// joinStar joins elements as "$*" does: with IFS's first character (a
// space when IFS is unset, nothing when it is empty); at says "$@" in a
// context with no fields, which joins with spaces.
func (r *Runner) joinStar(elems []string, at bool) string {
	sep := " "
	if !at {
		if v := r.lookupVar("IFS"); v != nil && v.set {
			sep = ""
			if s := v.str(); s != "" {
				sep = s[:1]
			}
		}
	}
	return strings.Join(elems, sep)
}

func (x *expander) dblQuoted(parts []syntax.WordPart) bool {
	x.has = true
	for _, p := range parts {
		switch p := p.(type) {
		case *syntax.Lit:
			x.addQuotedDbl(p.Value)
		case *syntax.ParamExp:
			val, ok := x.r.paramExp(p, true)
			if !ok {
				return false
			}
			if val.list && !val.star && len(val.elems) == 0 && x.mode == modeFields && len(parts) == 1 {
				// "$@" with no parameters is no field at all.
				x.has = len(x.buf) > 0
				continue
			}
			if !x.addValue(val, true) {
				return false
			}
		case *syntax.CmdSubst:
			s, ok := x.r.cmdSubst(p)
			if !ok {
				return false
			}
			x.addQuoted(s)
		case *syntax.ArithmExp:
			n, ok := x.r.arithNamed(p.X, "")
			if !ok {
				x.r.abort()
				return false
			}
			x.addQuoted(itoa64(n))
		default:
			x.r.errf("rclab: unsupported quoted part %T", p)
			x.r.abort()
			return false
		}
	}
	return true
}

// addQuotedDbl adds the text of a literal inside double quotes, with the
// backslashes that escape $ ` " \ and newline removed as it is copied.
func (x *expander) addQuotedDbl(s string) {
	if strings.IndexByte(s, '\\') < 0 {
		x.addQuoted(s)
		return
	}
	x.has = true
	start := len(x.buf)
	x.buf = appendUnescaped(x.buf, s, true)
	if x.mode != modeLiteral {
		for i := start; i < len(x.buf); i++ {
			if isGlobByte(x.buf[i]) {
				x.quoted = append(x.quoted, start, len(x.buf))
				break
			}
		}
	}
}

// unescape removes the backslashes before $ ` \ and newline, and before "
// when quote is set (double quotes; a here-document keeps it).
func unescape(s string, quote bool) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	return string(appendUnescaped(make([]byte, 0, len(s)), s, quote))
}

// appendUnescaped appends s to b with unescape's backslashes removed.
func appendUnescaped(b []byte, s string, quote bool) []byte {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return append(b, s...)
	}
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch n := s[i+1]; {
			case n == '$', n == '`', n == '\\', n == '"' && quote:
				i++
				b = append(b, n)
				continue
			case n == '\n':
				i++
				continue
			}
		}
		b = append(b, c)
	}
	return b
}

// emit ends the current field (fields mode).
func (x *expander) emit() {
	if x.glob && !x.r.opts.set[optNoGlob] {
		pat := x.patternText()
		if matches, ok := x.r.glob(pat); ok {
			x.out = append(x.out, matches...)
			x.reset()
			return
		} else if x.r.opts.shopt[shNullGlob] {
			x.reset()
			return
		}
	}
	x.out = append(x.out, x.text())
	x.reset()
}

func (x *expander) reset() {
	x.buf = x.buf[:0]
	x.whole, x.wholeOK = "", false
	x.has = false
	x.glob = false
	x.quoted = x.quoted[:0]
}

// endField ends a word: its last field, if any.
func (x *expander) endField() {
	if x.has || len(x.buf) > 0 {
		x.emit()
	}
	x.reset()
}

// patternText is the current text as a pattern: quoted ranges escaped.
func (x *expander) patternText() string {
	if len(x.quoted) == 0 {
		return string(x.buf)
	}
	var b strings.Builder
	last := 0
	for k := 0; k+1 < len(x.quoted); k += 2 {
		s, e := x.quoted[k], x.quoted[k+1]
		if s < last {
			s = last
		}
		b.Write(x.buf[last:s])
		for i := s; i < e; i++ {
			if isGlobByte(x.buf[i]) {
				b.WriteByte('\\')
			}
			b.WriteByte(x.buf[i])
		}
		last = e
	}
	b.Write(x.buf[last:])
	return b.String()
}

// ifsTable classifies the bytes of IFS.
type ifsTable struct {
	src   string
	empty bool
	any   [256]bool
	ws    [256]bool
}

var defaultIFS = func() *ifsTable {
	t := &ifsTable{src: " \t\n"}
	for _, c := range []byte(" \t\n") {
		t.any[c], t.ws[c] = true, true
	}
	return t
}()

func (r *Runner) ifsTable() *ifsTable {
	v := r.lookupVar("IFS")
	if v == nil || !v.set {
		return defaultIFS
	}
	s := v.str()
	if s == defaultIFS.src {
		return defaultIFS
	}
	if c := r.ifsCache; c != nil && c.src == s {
		return c
	}
	t := &ifsTable{src: s, empty: s == ""}
	for i := 0; i < len(s); i++ {
		c := s[i]
		t.any[c] = true
		if c == ' ' || c == '\t' || c == '\n' {
			t.ws[c] = true
		}
	}
	r.ifsCache = t
	return t
}

// ansiC decodes the escapes of $'...'.
func ansiC(s string) string {
	if !strings.ContainsRune(s, '\\') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'e', 'E':
			b.WriteByte(0x1b)
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\', '\'', '"', '?':
			b.WriteByte(c)
		case 'x':
			n, k := 0, 0
			for k < 2 && i+1 < len(s) && isHex(s[i+1]) {
				i++
				n = n*16 + hexVal(s[i])
				k++
			}
			if k == 0 {
				b.WriteString(`\x`)
				continue
			}
			b.WriteByte(byte(n))
		case 'c':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i] & 0x1f)
				continue
			}
			b.WriteString(`\c`)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n := int(c - '0')
			for k := 1; k < 3 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
				i++
				n = n*8 + int(s[i]-'0')
			}
			b.WriteByte(byte(n))
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// printWord is a word as written in the source.
func printWord(w *syntax.Word) string {
	var b strings.Builder
	syntax.NewPrinter().Print(&b, w)
	return b.String()
}
