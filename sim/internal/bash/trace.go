package bash

import (
	"strings"
	"sync"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// xtrace (set -x) prints each command before it runs, as bash 3.2 does:
// PS4, expanded, with its first character repeated once per level (one
// more inside each eval, sourced file and command substitution), then
// the words, quoted only where the shell would need it (print_cmd.c,
// xtrace_print_word_list). Assignments print as NAME=VALUE; for and case
// heads print nothing. The line goes to the shell's standard error as it
// is before the command's own redirections.

// trace writes one trace line.
func (r *Runner) trace(line string) {
	var b strings.Builder
	b.WriteString(r.tracePrefix())
	b.WriteString(line)
	b.WriteByte('\n')
	// The members of a pipeline trace concurrently to a shared stream.
	r.tree.traceMu.Lock()
	r.stderr().Write([]byte(b.String()))
	r.tree.traceMu.Unlock()
}

// traceArgs traces a simple command's words.
func (r *Runner) traceArgs(args []string) {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(traceWord(a))
	}
	r.trace(b.String())
}

func traceWords(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = traceWord(w)
	}
	return out
}

// tracePrefix is PS4 expanded, its first character repeated per level.
func (r *Runner) tracePrefix() string {
	ps4 := r.varString("PS4")
	if ps4 == "" {
		return ""
	}
	if strings.ContainsAny(ps4, "$`") && !r.inPS4 {
		if w := parsePS4(ps4); w != nil {
			r.inPS4 = true
			xtrace := r.opts.set[optXTrace]
			r.opts.set[optXTrace] = false
			st, fl := r.status, r.flow
			if s, ok := r.literal(w); ok {
				ps4 = s
			}
			r.status, r.flow = st, fl
			r.opts.set[optXTrace] = xtrace
			r.inPS4 = false
		}
	}
	if ps4 == "" {
		return ""
	}
	_, n := utf8.DecodeRuneInString(ps4)
	first := ps4[:n]
	if r.level <= 1 {
		return ps4
	}
	return strings.Repeat(first, r.level-1) + ps4
}

var ps4Cache sync.Map // PS4 text → *syntax.Word

func parsePS4(s string) *syntax.Word {
	if w, ok := ps4Cache.Load(s); ok {
		return w.(*syntax.Word)
	}
	w, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Document(strings.NewReader(s))
	if err != nil {
		return nil
	}
	ps4Cache.Store(s, w)
	return w
}

// traceWord is one word of a trace line as bash 3.2 writes it: ” for an
// empty word, single quotes around a word with a character the shell
// reads specially, $'…' for a word with bytes that do not print, and the
// word itself otherwise.
func traceWord(w string) string {
	switch {
	case w == "":
		return "''"
	case needsQuotes(w):
		return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	case !printable(w):
		return dollarQuote(w)
	}
	return w
}

// traceValue is an assignment's value: as a word, but empty is nothing.
func traceValue(v string) string {
	if v == "" {
		return ""
	}
	return traceWord(v)
}

// needsQuotes reports whether w holds a blank, quote, operator, glob
// character or expansion, a leading #, or a ~ where it would expand.
func needsQuotes(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case ' ', '\t', '\n', '\'', '"', '\\', '|', '&', ';', '(', ')', '<', '>',
			'!', '{', '}', '*', '[', '?', ']', '^', '$', '`':
			return true
		case '~':
			if i == 0 || w[i-1] == '=' || w[i-1] == ':' {
				return true
			}
		case '#':
			if i == 0 {
				return true
			}
		}
	}
	return false
}

// printable reports whether every byte prints by itself (isprint: no
// control bytes and no byte of a multibyte character).
func printable(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 0x20 || w[i] >= 0x7f {
			return false
		}
	}
	return true
}

// dollarQuote writes w as $'…' with C escapes and octal for the bytes
// that do not print.
func dollarQuote(w string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(w); i++ {
		c := w[i]
		if e := cEscape(c); e != 0 {
			b.WriteByte('\\')
			b.WriteByte(e)
			continue
		}
		if c < 0x20 || c >= 0x7f {
			b.WriteByte('\\')
			b.WriteByte('0' + c>>6)
			b.WriteByte('0' + c>>3&7)
			b.WriteByte('0' + c&7)
			continue
		}
		b.WriteByte(c)
	}
	b.WriteByte('\'')
	return b.String()
}

func cEscape(c byte) byte {
	switch c {
	case 0x1b:
		return 'E'
	case '\a':
		return 'a'
	case '\b':
		return 'b'
	case '\f':
		return 'f'
	case '\n':
		return 'n'
	case '\r':
		return 'r'
	case '\t':
		return 't'
	case '\v':
		return 'v'
	case '\\':
		return '\\'
	case '\'':
		return '\''
	}
	return 0
}
