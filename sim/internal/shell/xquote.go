package shell

import (
	"strings"
)

// bash 3.2 quotes the words of a trace line only when they need it
// (print_cmd.c, xtrace_print_word_list): an empty word is '', a word
// with a character the shell treats specially is put in single quotes
// (an embedded ' becomes '\''), a word with a character that does not
// print is written as $'...' with C escapes, and any other word is
// written as it is.

// traceWord is one word of a traced command as bash 3.2 writes it.
func traceWord(w string) string {
	switch {
	case w == "":
		return "''"
	case hasShellMeta(w):
		return singleQuote(w)
	case !printsAsIs(w):
		return ansiQuote(w)
	}
	return w
}

// traceValue is the value of a traced assignment: as a word, except that
// an empty value shows as nothing (x=).
func traceValue(v string) string {
	if v == "" {
		return ""
	}
	return traceWord(v)
}

// hasShellMeta reports whether w has a character the shell would read
// specially: blanks, quotes, operators, glob characters, expansions, a
// leading # or a ~ that would expand.
func hasShellMeta(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; c {
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

// printsAsIs reports whether every byte of w prints by itself (bash asks
// isprint, which no byte of a multibyte character passes).
func printsAsIs(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 0x20 || w[i] >= 0x7f {
			return false
		}
	}
	return true
}

// singleQuote puts w in single quotes, closing them around each '.
func singleQuote(w string) string {
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

// ansiQuote writes w as $'...': the C escapes bash knows, octal for
// the other bytes that do not print.
func ansiQuote(w string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 0x1b:
			b.WriteString(`\E`)
		case '\a':
			b.WriteString(`\a`)
		case '\v':
			b.WriteString(`\v`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\\', '\'':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c >= 0x7f {
				b.WriteByte('\\')
				b.WriteByte('0' + c>>6)
				b.WriteByte('0' + c>>3&7)
				b.WriteByte('0' + c&7)
				continue
			}
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
