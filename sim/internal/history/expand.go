// Package history is bash's history expansion: the `!!`, `!$`, `!n`,
// `!string`, `^old^new` of an interactive shell, applied to a typed line
// before the shell parses it. It follows GNU readline 5.2 (bash 3.2):
// which `!` starts an expansion, how events, word designators and
// modifiers are read, and the wording of its errors.
package history

import (
	"strings"
)

// Characters bash gives the expansion (its histchars "!^#").
const (
	expChar     = '!'
	substChar   = '^'
	commentChar = '#'
)

// noExpand are the characters after which a `!` is left alone.
const noExpand = " \t\n\r="

// wordDelimiters separate the words of a line, for `#` and tokenizing.
const wordDelimiters = " \t\n;&()|<>"

// searchDelimiters end the string of a `!string` event besides blanks and
// `:` (bash sets them).
const searchDelimiters = ";&()|<>"

// State is what readline keeps from one expansion to the next: the last
// `!?string?` search and its matching word, and the last substitution.
// The zero value is ready to use; a shell keeps one.
type State struct {
	search, match string
	lhs, rhs      string
	haveLHS       bool
}

// Result says what Expand did with a line.
type Result int

const (
	// Unchanged: the line had nothing to expand.
	Unchanged Result = iota
	// Expanded: the line changed; the shell shows the new line and runs it.
	Expanded
	// PrintOnly: a `:p` modifier; the shell shows the new line and adds it
	// to the history without running it.
	PrintOnly
	// Failed: the returned text is the error ("!x: event not found").
	Failed
)

// Expand applies history expansion to line, with hist the shell's
// history (oldest first, the line itself not yet in it). It returns the
// expanded line, or the error text when it failed.
func Expand(line string, hist []string, st *State) (string, Result) {
	if st == nil {
		st = &State{}
	}
	s := line
	if s != "" && s[0] == substChar {
		// ^old^new is !!:s^old^new^.
		s = "!!:s" + s
	} else if !needsExpansion(s) {
		return line, Unchanged
	}
	e := &expander{line: s, hist: hist, st: st}
	var out strings.Builder
	modified, printOnly := false, false
	dquote, pass := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if pass {
			pass = false
			out.WriteByte(c)
			continue
		}
		switch {
		case c == '\\':
			pass = true
			out.WriteByte(c)
		case c == '"':
			dquote = !dquote
			out.WriteByte(c)
		case c == '\'' && !dquote:
			j := skipSingle(s, i+1)
			out.WriteString(s[i:min(j+1, len(s))])
			i = j
		case c == commentChar && (i == 0 || strings.IndexByte(wordDelimiters, s[i-1]) >= 0):
			out.WriteString(s[i:])
			i = len(s)
		case c == expChar:
			if i+1 >= len(s) || strings.IndexByte(noExpand, s[i+1]) >= 0 || inhibited(s, i) {
				out.WriteByte(c)
				continue
			}
			if s[i+1] == '#' {
				// !# is the line typed so far.
				out.WriteString(out.String())
				i++
				modified = true
				continue
			}
			text, end, res := e.expandAt(i)
			if res == Failed {
				return text, Failed
			}
			modified = true
			printOnly = res == PrintOnly
			out.WriteString(text)
			i = end
		default:
			out.WriteByte(c)
		}
	}
	switch {
	case printOnly:
		return out.String(), PrintOnly
	case modified:
		return out.String(), Expanded
	}
	return line, Unchanged
}

// needsExpansion is readline's first pass: is there a `!` that starts an
// expansion, outside single quotes and not escaped?
func needsExpansion(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == commentChar && (i == 0 || strings.IndexByte(wordDelimiters, s[i-1]) >= 0):
			return false
		case c == expChar:
			if i+1 >= len(s) || strings.IndexByte(noExpand, s[i+1]) >= 0 || inhibited(s, i) {
				continue
			}
			return true
		case c == '\'':
			i = skipSingle(s, i+1)
		case c == '\\':
			if i+1 < len(s) && (s[i+1] == '\'' || s[i+1] == expChar) {
				i++
			}
		}
	}
	return false
}

// inhibited is bash's own exception list: `!` in a bracket expression
// ([!abc]), in ${!name}, and the parameter $! (bash 3.2 expanded `$!;`
// as `$` and a search for the empty string, that is the previous line;
// later bashes leave $! alone, and so does rclab: `kill $!; wait $!` is
// what students type).
func inhibited(s string, i int) bool {
	switch {
	case i > 0 && s[i-1] == '$':
		return true
	case i > 0 && s[i-1] == '[' && strings.IndexByte(s[i+1:], ']') >= 0:
		return true
	case i > 1 && s[i-1] == '{' && s[i-2] == '$' && strings.IndexByte(s[i+1:], '}') >= 0:
		return true
	}
	return false
}

// skipSingle returns the index of the quote closing a single-quoted
// string whose text starts at i (len(s) when it is not closed).
func skipSingle(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] == '\'' {
			return i
		}
	}
	return len(s)
}

// expander expands the events of one line.
type expander struct {
	line string
	hist []string
	st   *State
}

// errorAt is readline's hist_error: the offending text and the reason.
func (e *expander) errorAt(from, to int, why string) (string, int, Result) {
	to = min(max(to, from), len(e.line))
	return e.line[from:to] + ": " + why, 0, Failed
}

// expandAt expands the event, word designator and modifiers starting with
// the `!` at start; end is the index of their last character.
func (e *expander) expandAt(start int) (string, int, Result) {
	s := e.line
	i := start
	var event string
	var ok bool
	switch {
	case i+1 < len(s) && strings.IndexByte(":$*%^", s[i+1]) >= 0:
		// A word designator alone refers to the previous command.
		i++
		event, ok = e.nth(len(e.hist))
	default:
		var quote byte
		if i > 0 && (s[i-1] == '\'' || s[i-1] == '"') {
			quote = s[i-1]
		}
		event, i, ok = e.event(i, quote)
	}
	if !ok {
		return e.errorAt(start, i, "event not found")
	}

	specStart := i
	word, bad, i := e.wordSpec(event, i)
	if bad {
		return e.errorAt(specStart, i, "bad word specifier")
	}
	text := event
	if word != nil {
		text = *word
	}

	printOnly := false
	specStart = i
	for i < len(s) && s[i] == ':' {
		global := false
		c := byte(0)
		if i+1 < len(s) {
			c = s[i+1]
		}
		if c == 'g' || c == 'a' {
			global = true
			i++
			c = 0
			if i+1 < len(s) {
				c = s[i+1]
			}
		}
		switch c {
		case 'q', 'x':
			text = quoteWords(text, c == 'x')
		case 'p':
			printOnly = true
		case 't':
			if k := strings.LastIndexByte(text, '/'); k >= 0 {
				text = text[k+1:]
			}
		case 'h':
			if k := strings.LastIndexByte(text, '/'); k >= 0 {
				text = text[:k]
			}
		case 'r':
			if k := strings.LastIndexByte(text, '.'); k >= 0 {
				text = text[:k]
			}
		case 'e':
			if k := strings.LastIndexByte(text, '.'); k >= 0 {
				text = text[k:]
			}
		case 's', '&':
			if c == 's' {
				if i+2 >= len(s) {
					i += 2
					continue // no delimiter: nothing to do
				}
				delim := s[i+2]
				i += 3
				lhs, got, next := substPattern(s, i, delim, false)
				i = next
				switch {
				case got:
					e.st.lhs, e.st.haveLHS = lhs, true
				case !e.st.haveLHS && e.st.search != "":
					e.st.lhs, e.st.haveLHS = e.st.search, true
				}
				rhs, _, next := substPattern(s, i, delim, true)
				i = next
				e.st.rhs = rhs
			} else {
				i += 2
			}
			if !e.st.haveLHS || e.st.lhs == "" {
				return e.errorAt(specStart, i, "no previous substitution")
			}
			rhs := ampersands(e.st.rhs, e.st.lhs)
			if !strings.Contains(text, e.st.lhs) {
				return e.errorAt(specStart, i, "substitution failed")
			}
			if global {
				text = strings.ReplaceAll(text, e.st.lhs, rhs)
			} else {
				text = strings.Replace(text, e.st.lhs, rhs, 1)
			}
			continue // i is already past the substitution
		default:
			return e.errorAt(i+1, i+2, "unrecognized history modifier")
		}
		i += 2
	}
	if printOnly {
		return text, i - 1, PrintOnly
	}
	return text, i - 1, Expanded
}

// nth returns history entry n (1 is the oldest).
func (e *expander) nth(n int) (string, bool) {
	if n < 1 || n > len(e.hist) {
		return "", false
	}
	return e.hist[n-1], true
}

// event reads the event of the `!` at i: !!, !n, !-n, !string, !?string?.
// It returns the event's line and the index after the event.
func (e *expander) event(i int, quote byte) (string, int, bool) {
	s := e.line
	i++ // past the !
	if i < len(s) && s[i] == expChar {
		line, ok := e.nth(len(e.hist))
		return line, i + 1, ok
	}
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	if i < len(s) && isDigit(s[i]) {
		n := 0
		for ; i < len(s) && isDigit(s[i]); i++ {
			if n < 1<<30 {
				n = n*10 + int(s[i]-'0')
			}
		}
		if neg {
			n = len(e.hist) + 1 - n
		}
		line, ok := e.nth(n)
		return line, i, ok
	}
	if neg {
		i-- // a lone '-' starts a search string
	}
	substring := false
	if i < len(s) && s[i] == '?' {
		substring = true
		i++
	}
	from := i
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\n' || (substring && c == '?') {
			break
		}
		if !substring && (c == ' ' || c == '\t' || c == ':' || strings.IndexByte(searchDelimiters, c) >= 0 || (quote != 0 && c == quote)) {
			break
		}
	}
	want := s[from:i]
	if substring && i < len(s) && s[i] == '?' {
		i++
	}
	if want == "" && substring {
		if e.st.search == "" {
			return "", i, false
		}
		want = e.st.search
	}
	for k := len(e.hist) - 1; k >= 0; k-- {
		h := e.hist[k]
		if substring {
			if at := strings.Index(h, want); at >= 0 {
				e.st.search = want
				e.st.match = wordAt(h, at)
				return h, i, true
			}
			continue
		}
		if strings.HasPrefix(h, want) {
			return h, i, true
		}
	}
	return "", i, false
}

// wordSpec reads a word designator at i (":n", ":^", "$", "*", ":n-m",
// "%"…). word is nil when there is none; bad when it names no words of
// the event.
func (e *expander) wordSpec(event string, i int) (word *string, bad bool, next int) {
	s := e.line
	colon := false
	if i < len(s) && s[i] == ':' {
		colon = true
		i++
	}
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	switch at(i) {
	case '%':
		w := e.st.match
		return &w, false, i + 1
	case '*':
		w, ok := argExtract(1, dollar, event)
		if !ok {
			w = ""
		}
		return &w, false, i + 1
	case '$':
		w, ok := argExtract(dollar, dollar, event)
		if !ok {
			return nil, true, i + 1
		}
		return &w, false, i + 1
	}
	first := 0
	switch c := at(i); {
	case c == '-':
	case c == '^':
		first = 1
		i++
	case isDigit(c) && colon:
		for ; isDigit(at(i)); i++ {
			first = min(first*10+int(at(i)-'0'), 1<<20)
		}
	default:
		if colon {
			// A colon not followed by a word designator starts a
			// modifier: back up to it.
			return nil, false, i - 1
		}
		return nil, false, i
	}
	last := first
	switch c := at(i); {
	case c == '^':
		last = 1
		i++
	case c == '*':
		last = dollar
		i++
	case c == '-':
		i++
		switch c := at(i); {
		case isDigit(c):
			last = 0
			for ; isDigit(at(i)); i++ {
				last = min(last*10+int(at(i)-'0'), 1<<20)
			}
		case c == '$':
			last = dollar
			i++
		default:
			last = -1 // x- is x-$ without the last word
		}
	}
	if last >= first || last == dollar || last < 0 {
		if w, ok := argExtract(first, last, event); ok {
			return &w, false, i
		}
	}
	return nil, true, i
}

// dollar stands for "the last word" in word ranges.
const dollar = 1 << 30

// argExtract returns words first…last of line joined by spaces, as
// readline's history_arg_extract (last < 0: all but the last word).
func argExtract(first, last int, line string) (string, bool) {
	words := Tokenize(line)
	n := len(words)
	if last < 0 {
		last = n + last - 1
	}
	if last == dollar {
		last = n - 1
	}
	if first == dollar {
		first = n - 1
	}
	last++
	if first >= n || last > n || first < 0 || last < 0 || first > last {
		return "", false
	}
	return strings.Join(words[first:last], " "), true
}

// Tokenize splits a line into words as readline's history_tokenize:
// quotes and backslashes keep a word whole, and the shell's operators are
// words of their own.
func Tokenize(s string) []string {
	var words []string
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			break
		}
		end := tokenEnd(s, i)
		if end <= i {
			end = i + 1
		}
		words = append(words, s[i:end])
		i = end
	}
	return words
}

// tokenEnd returns the end of the word starting at i.
func tokenEnd(s string, i int) int {
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	c := s[i]
	if strings.IndexByte("()\n", c) >= 0 {
		return i + 1
	}
	if strings.IndexByte("<>;&|$", c) >= 0 {
		peek := at(i + 1)
		if peek == c && peek != '$' {
			if peek == '<' && at(i+2) == '-' {
				i++
			}
			return i + 2
		}
		if (peek == '&' && (c == '>' || c == '<')) || (peek == '>' && c == '&') || (peek == '(' && c == '$') {
			return i + 2
		}
		if c != '$' {
			return i + 1
		}
	}
	var delim byte
	if strings.IndexByte("\"'`", c) >= 0 {
		delim = c
		i++
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && at(i+1) == '\n' {
			i++
			continue
		}
		if c == '\\' && delim != '\'' && (delim != '"' || strings.IndexByte("\\`\"$", at(i+1)) >= 0) {
			i++
			continue
		}
		if delim != 0 && c == delim {
			delim = 0
			continue
		}
		if delim == 0 && strings.IndexByte(wordDelimiters, c) >= 0 {
			break
		}
		if delim == 0 && strings.IndexByte("\"'`", c) >= 0 {
			delim = c
		}
	}
	return min(i, len(s))
}

// wordAt returns the word of line that holds byte at (for !?str?%).
func wordAt(line string, at int) string {
	for i := 0; i < len(line); {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			break
		}
		end := max(tokenEnd(line, i), i+1)
		if at >= i && at < end {
			return line[i:end]
		}
		i = end
	}
	return ""
}

// substPattern reads one side of :s/lhs/rhs/ from i up to delim (a
// backslash before delim quotes it). got is false for an empty left side.
// next is the index after the delimiter, or the end of s.
func substPattern(s string, i int, delim byte, rhs bool) (string, bool, int) {
	var b strings.Builder
	j := i
	for ; j < len(s) && s[j] != delim; j++ {
		if s[j] == '\\' && j+1 < len(s) && s[j+1] == delim {
			j++
		}
		b.WriteByte(s[j])
	}
	next := j
	if j < len(s) {
		next++
	}
	if j == i && !rhs {
		return "", false, next
	}
	return b.String(), true, next
}

// ampersands puts lhs in place of each & of rhs; \& is a plain &.
func ampersands(rhs, lhs string) string {
	if !strings.Contains(rhs, "&") {
		return rhs
	}
	var b strings.Builder
	for i := 0; i < len(rhs); i++ {
		switch {
		case rhs[i] == '\\' && i+1 < len(rhs) && rhs[i+1] == '&':
			b.WriteByte('&')
			i++
		case rhs[i] == '&':
			b.WriteString(lhs)
		default:
			b.WriteByte(rhs[i])
		}
	}
	return b.String()
}

// quoteWords is the :q and :x modifiers: the text single-quoted whole, or
// word by word.
func quoteWords(text string, byWords bool) string {
	q := func(w string) string { return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'" }
	if !byWords {
		return q(text)
	}
	var out []string
	for _, w := range strings.Fields(text) {
		out = append(out, q(w))
	}
	return strings.Join(out, " ")
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
