package awk

import (
	"strconv"
	"strings"
)

// tokKind is the kind of a lexical token.
type tokKind int

const (
	tEOF tokKind = iota
	tNewline
	tLbrace
	tRbrace
	tLparen
	tRparen
	tLbracket
	tRbracket
	tSemi
	tComma
	tAdd
	tSub
	tMul
	tDiv
	tMod
	tPow
	tNot
	tGT
	tLT
	tGE
	tLE
	tEQ
	tNE
	tMatch
	tNoMatch
	tAssign
	tAddAssign
	tSubAssign
	tMulAssign
	tDivAssign
	tModAssign
	tPowAssign
	tIncr
	tDecr
	tQuestion
	tColon
	tAnd
	tOr
	tDollar
	tPipe
	tAppend
	tNumber
	tString
	tRegex
	tName
	tFuncName // a name immediately followed by '(': a call
	tBuiltin
	// keywords
	tBegin
	tEnd
	tFunction
	tIf
	tElse
	tWhile
	tFor
	tDo
	tBreak
	tContinue
	tNext
	tNextfile
	tExit
	tReturn
	tDelete
	tGetline
	tPrint
	tPrintf
	tIn
	tIllegal
)

var keywords = map[string]tokKind{
	"BEGIN": tBegin, "END": tEnd, "function": tFunction, "func": tFunction,
	"if": tIf, "else": tElse, "while": tWhile, "for": tFor, "do": tDo,
	"break": tBreak, "continue": tContinue, "next": tNext, "nextfile": tNextfile,
	"exit": tExit, "return": tReturn, "delete": tDelete, "getline": tGetline,
	"print": tPrint, "printf": tPrintf, "in": tIn,
}

// builtinFuncs lists the built-in functions with their allowed argument
// counts (min, max).
var builtinFuncs = map[string][2]int{
	"length": {0, 1}, "substr": {2, 3}, "index": {2, 2}, "split": {2, 3},
	"sub": {2, 3}, "gsub": {2, 3}, "match": {2, 2}, "sprintf": {1, 1 << 20},
	"tolower": {1, 1}, "toupper": {1, 1}, "int": {1, 1}, "sqrt": {1, 1},
	"exp": {1, 1}, "log": {1, 1}, "sin": {1, 1}, "cos": {1, 1}, "atan2": {2, 2},
	"rand": {0, 0}, "srand": {0, 1}, "close": {1, 1}, "fflush": {0, 1},
	"system": {1, 1},
}

type token struct {
	kind tokKind
	pos  int    // byte offset of the token in the program text
	text string // name, string value (escapes processed), regex source, number text
	num  float64
}

// lexer splits awk program text into tokens on demand; the parser asks it
// to rescan a '/' as a regular expression where an operand is expected.
type lexer struct {
	src      string
	pos      int
	warnings []lexWarning
	errMsg   string // set with tIllegal
	errPos   int
}

type lexWarning struct {
	pos int
	msg string
}

func isNameStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isNameChar(c byte) bool { return isNameStart(c) || isDigit(c) }

func (lx *lexer) illegal(pos int, msg string) token {
	lx.errMsg, lx.errPos = msg, pos
	return token{kind: tIllegal, pos: pos}
}

// next scans one token.
func (lx *lexer) next() token {
	src := lx.src
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			lx.pos++
		case c == '\\' && lx.pos+1 < len(src) && src[lx.pos+1] == '\n':
			lx.pos += 2
		case c == '\\' && lx.pos+2 < len(src) && src[lx.pos+1] == '\r' && src[lx.pos+2] == '\n':
			lx.pos += 3
		case c == '#':
			for lx.pos < len(src) && src[lx.pos] != '\n' {
				lx.pos++
			}
		default:
			goto scan
		}
	}
	return token{kind: tEOF, pos: len(src)}
scan:
	start := lx.pos
	c := src[lx.pos]
	lx.pos++
	two := func(second byte, yes, no tokKind) token {
		if lx.pos < len(src) && src[lx.pos] == second {
			lx.pos++
			return token{kind: yes, pos: start}
		}
		return token{kind: no, pos: start}
	}
	switch c {
	case '\n':
		return token{kind: tNewline, pos: start}
	case '{':
		return token{kind: tLbrace, pos: start}
	case '}':
		return token{kind: tRbrace, pos: start}
	case '(':
		return token{kind: tLparen, pos: start}
	case ')':
		return token{kind: tRparen, pos: start}
	case '[':
		return token{kind: tLbracket, pos: start}
	case ']':
		return token{kind: tRbracket, pos: start}
	case ';':
		return token{kind: tSemi, pos: start}
	case ',':
		return token{kind: tComma, pos: start}
	case '?':
		return token{kind: tQuestion, pos: start}
	case ':':
		return token{kind: tColon, pos: start}
	case '$':
		return token{kind: tDollar, pos: start}
	case '~':
		return token{kind: tMatch, pos: start}
	case '+':
		if lx.pos < len(src) && src[lx.pos] == '+' {
			lx.pos++
			return token{kind: tIncr, pos: start}
		}
		return two('=', tAddAssign, tAdd)
	case '-':
		if lx.pos < len(src) && src[lx.pos] == '-' {
			lx.pos++
			return token{kind: tDecr, pos: start}
		}
		return two('=', tSubAssign, tSub)
	case '*':
		if lx.pos < len(src) && src[lx.pos] == '*' {
			lx.pos++
			return two('=', tPowAssign, tPow)
		}
		return two('=', tMulAssign, tMul)
	case '/':
		return two('=', tDivAssign, tDiv)
	case '%':
		return two('=', tModAssign, tMod)
	case '^':
		return two('=', tPowAssign, tPow)
	case '=':
		return two('=', tEQ, tAssign)
	case '!':
		if lx.pos < len(src) && src[lx.pos] == '~' {
			lx.pos++
			return token{kind: tNoMatch, pos: start}
		}
		return two('=', tNE, tNot)
	case '<':
		return two('=', tLE, tLT)
	case '>':
		if lx.pos < len(src) && src[lx.pos] == '>' {
			lx.pos++
			return token{kind: tAppend, pos: start}
		}
		return two('=', tGE, tGT)
	case '&':
		if lx.pos < len(src) && src[lx.pos] == '&' {
			lx.pos++
			return token{kind: tAnd, pos: start}
		}
		return lx.illegal(start, "syntax error")
	case '|':
		if lx.pos < len(src) && src[lx.pos] == '|' {
			lx.pos++
			return token{kind: tOr, pos: start}
		}
		if lx.pos < len(src) && src[lx.pos] == '&' {
			lx.pos++
			return lx.illegal(start, "two-way pipes (|&) are not supported in rclab")
		}
		return token{kind: tPipe, pos: start}
	case '"':
		return lx.scanString(start)
	}
	if isDigit(c) || c == '.' && lx.pos < len(src) && isDigit(src[lx.pos]) {
		return lx.scanNumber(start)
	}
	if isNameStart(c) {
		for lx.pos < len(src) && isNameChar(src[lx.pos]) {
			lx.pos++
		}
		name := src[start:lx.pos]
		if k, ok := keywords[name]; ok {
			return token{kind: k, pos: start, text: name}
		}
		if _, ok := builtinFuncs[name]; ok {
			return token{kind: tBuiltin, pos: start, text: name}
		}
		if lx.pos < len(src) && src[lx.pos] == '(' {
			return token{kind: tFuncName, pos: start, text: name}
		}
		return token{kind: tName, pos: start, text: name}
	}
	return lx.illegal(start, "syntax error")
}

func (lx *lexer) scanNumber(start int) token {
	src := lx.src
	// gawk 3.1 accepts hexadecimal and octal constants in program text.
	if src[start] == '0' && lx.pos < len(src) && (src[lx.pos] == 'x' || src[lx.pos] == 'X') &&
		lx.pos+1 < len(src) && isHex(src[lx.pos+1]) {
		lx.pos++
		for lx.pos < len(src) && isHex(src[lx.pos]) {
			lx.pos++
		}
		n, _ := strconv.ParseUint(src[start+2:lx.pos], 16, 64)
		return token{kind: tNumber, pos: start, num: float64(n), text: src[start:lx.pos]}
	}
	lx.pos = start
	for lx.pos < len(src) && isDigit(src[lx.pos]) {
		lx.pos++
	}
	intEnd := lx.pos
	if lx.pos < len(src) && src[lx.pos] == '.' {
		lx.pos++
		for lx.pos < len(src) && isDigit(src[lx.pos]) {
			lx.pos++
		}
	}
	if lx.pos < len(src) && (src[lx.pos] == 'e' || src[lx.pos] == 'E') {
		e := lx.pos + 1
		if e < len(src) && (src[e] == '+' || src[e] == '-') {
			e++
		}
		if e < len(src) && isDigit(src[e]) {
			for e < len(src) && isDigit(src[e]) {
				e++
			}
			lx.pos = e
		}
	}
	text := src[start:lx.pos]
	if intEnd == lx.pos && len(text) > 1 && text[0] == '0' {
		if n, err := strconv.ParseUint(text[1:], 8, 64); err == nil {
			return token{kind: tNumber, pos: start, num: float64(n), text: text}
		}
	}
	n, _ := strconv.ParseFloat(text, 64)
	return token{kind: tNumber, pos: start, num: n, text: text}
}

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// scanString scans a "..." literal, processing escape sequences as gawk
// does (an unknown escape \c is kept as c, with a warning).
func (lx *lexer) scanString(start int) token {
	src := lx.src
	var b strings.Builder
	for {
		if lx.pos >= len(src) || src[lx.pos] == '\n' {
			return lx.illegal(start, "unterminated string")
		}
		c := src[lx.pos]
		if c == '"' {
			lx.pos++
			return token{kind: tString, pos: start, text: b.String()}
		}
		if c != '\\' {
			b.WriteByte(c)
			lx.pos++
			continue
		}
		lx.pos++
		if lx.pos >= len(src) {
			return lx.illegal(start, "unterminated string")
		}
		e := src[lx.pos]
		if e == '\n' { // continuation inside a string
			lx.pos++
			continue
		}
		n, s, ok := escape(src[lx.pos:])
		if !ok {
			lx.warnings = append(lx.warnings, lexWarning{lx.pos - 1, "escape sequence `\\" + string(e) + "' treated as plain `" + string(e) + "'"})
		}
		b.WriteString(s)
		lx.pos += n
	}
}

// escape interprets the escape sequence at the start of s (after the
// backslash): it returns how many bytes it used, the text it stands for,
// and whether it was a known sequence.
func escape(s string) (n int, text string, known bool) {
	switch s[0] {
	case 'n':
		return 1, "\n", true
	case 't':
		return 1, "\t", true
	case 'r':
		return 1, "\r", true
	case 'a':
		return 1, "\a", true
	case 'b':
		return 1, "\b", true
	case 'f':
		return 1, "\f", true
	case 'v':
		return 1, "\v", true
	case '\\':
		return 1, "\\", true
	case '"':
		return 1, "\"", true
	case '/':
		return 1, "/", true
	case 'x':
		i := 1
		v := 0
		for i < len(s) && i < 3 && isHex(s[i]) {
			d, _ := strconv.ParseUint(s[i:i+1], 16, 8)
			v = v*16 + int(d)
			i++
		}
		if i == 1 {
			return 1, "x", false
		}
		return i, string([]byte{byte(v)}), true
	}
	if s[0] >= '0' && s[0] <= '7' {
		i, v := 0, 0
		for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '7' {
			v = v*8 + int(s[i]-'0')
			i++
		}
		return i, string([]byte{byte(v)}), true
	}
	return 1, s[:1], false
}

// unescape processes escape sequences in a -v or command-line assignment
// value, as gawk does for them.
func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		n, t, _ := escape(s[i+1:])
		b.WriteString(t)
		i += n
	}
	return b.String()
}

// scanRegex rescans from the '/' at start as a regular expression literal.
func (lx *lexer) scanRegex(start int) token {
	src := lx.src
	lx.pos = start + 1
	var b strings.Builder
	inBracket := false
	bracketStart := 0
	for {
		if lx.pos >= len(src) || src[lx.pos] == '\n' {
			return lx.illegal(start, "unterminated regexp")
		}
		c := src[lx.pos]
		switch {
		case c == '\\' && lx.pos+1 < len(src) && src[lx.pos+1] != '\n':
			if src[lx.pos+1] == '/' {
				b.WriteByte('/')
			} else {
				b.WriteString(src[lx.pos : lx.pos+2])
			}
			lx.pos += 2
			continue
		case c == '[' && !inBracket:
			inBracket = true
			bracketStart = lx.pos
		case c == ']' && inBracket:
			// "[]abc]" and "[^]abc]" keep their first ']'
			if !(lx.pos == bracketStart+1 || lx.pos == bracketStart+2 && src[bracketStart+1] == '^') {
				inBracket = false
			}
		case c == '/' && !inBracket:
			lx.pos++
			return token{kind: tRegex, pos: start, text: b.String()}
		}
		b.WriteByte(c)
		lx.pos++
	}
}
