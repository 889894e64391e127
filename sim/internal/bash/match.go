package bash

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"mvdan.cc/sh/v3/pattern"
)

// Patterns (case, [[ == ]], ${x#pat}, globbing) are matched by globMatch,
// a backtracking matcher over the pattern text that allocates nothing.
// Patterns with extended globs (@(…) and kin) are compiled to regular
// expressions once per pattern text, in a cache shared by all runners.

// matcher matches strings against one pattern.
type matcher struct {
	pat    string
	re     *regexp.Regexp
	nocase bool
}

func (m matcher) match(s string) bool {
	if m.re != nil {
		return m.re.MatchString(s)
	}
	if m.nocase {
		return globMatch(strings.ToLower(m.pat), strings.ToLower(s))
	}
	return globMatch(m.pat, s)
}

// match reports whether s matches pat.
func (r *Runner) match(pat, s string, nocase bool) bool {
	return r.compile(pat, nocase).match(s)
}

var reCache struct {
	sync.RWMutex
	m map[string]*regexp.Regexp
}

// compile prepares pat: extended globs go through the regexp cache.
func (r *Runner) compile(pat string, nocase bool) matcher {
	if !hasExtGlob(pat) {
		return matcher{pat: pat, nocase: nocase}
	}
	key := pat
	if nocase {
		key = "i\x00" + pat
	}
	reCache.RLock()
	re, ok := reCache.m[key]
	reCache.RUnlock()
	if !ok {
		mode := pattern.ExtendedOperators | pattern.EntireString
		if nocase {
			mode |= pattern.NoGlobCase
		}
		expr, err := pattern.Regexp(pat, mode)
		if err == nil {
			re, err = regexp.Compile(expr)
		}
		if err != nil {
			re = nil
		}
		reCache.Lock()
		if reCache.m == nil || len(reCache.m) > 4096 {
			reCache.m = map[string]*regexp.Regexp{}
		}
		reCache.m[key] = re
		reCache.Unlock()
	}
	if re == nil {
		return matcher{pat: pat, nocase: nocase}
	}
	return matcher{pat: pat, re: re}
}

// hasExtGlob reports whether pat has an unescaped extended glob.
func hasExtGlob(pat string) bool {
	for i := 0; i+1 < len(pat); i++ {
		switch pat[i] {
		case '\\':
			i++
		case '?', '*', '+', '@', '!':
			if pat[i+1] == '(' {
				return true
			}
		}
	}
	return false
}

// hasGlobMeta reports whether pat has an unescaped * or ?, or a [ that
// a ] closes (a lone [ is an ordinary character, as in bash).
func hasGlobMeta(pat string) bool {
	for i := 0; i < len(pat); i++ {
		switch pat[i] {
		case '\\':
			i++
		case '*', '?':
			return true
		case '[':
			if i+2 < len(pat) && strings.IndexByte(pat[i+2:], ']') >= 0 {
				return true
			}
		}
	}
	return false
}

// unescapeGlob removes a pattern's backslash escapes.
func unescapeGlob(pat string) string {
	if !strings.ContainsRune(pat, '\\') {
		return pat
	}
	var b strings.Builder
	for i := 0; i < len(pat); i++ {
		if pat[i] == '\\' && i+1 < len(pat) {
			i++
		}
		b.WriteByte(pat[i])
	}
	return b.String()
}

// globMatch matches s against the shell pattern p: * ? [...] and
// backslash escapes, the whole string.
func globMatch(p, s string) bool {
	px, sx := 0, 0
	starPx, starSx := -1, -1
	for px < len(p) || sx < len(s) {
		if px < len(p) {
			switch c := p[px]; c {
			case '*':
				for px < len(p) && p[px] == '*' {
					px++
				}
				if px == len(p) {
					return true
				}
				starPx, starSx = px, sx
				continue
			case '?':
				if sx < len(s) {
					_, n := utf8.DecodeRuneInString(s[sx:])
					px++
					sx += n
					continue
				}
			case '[':
				if sx < len(s) {
					ch, n := utf8.DecodeRuneInString(s[sx:])
					if ok, end, valid := matchBracket(p, px, ch); valid {
						if ok {
							px, sx = end, sx+n
							continue
						}
					} else if s[sx] == '[' {
						px++
						sx++
						continue
					}
				}
			case '\\':
				if px+1 < len(p) {
					if sx < len(s) && s[sx] == p[px+1] {
						px += 2
						sx++
						continue
					}
				} else if sx < len(s) && s[sx] == '\\' {
					px++
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if starPx >= 0 && starSx < len(s) {
			_, n := utf8.DecodeRuneInString(s[starSx:])
			starSx += n
			px, sx = starPx, starSx
			continue
		}
		return false
	}
	return true
}

// matchBracket matches ch against the bracket expression at p[px]; end
// is the index after it; valid is false when the bracket is not closed
// (the [ is then an ordinary character).
func matchBracket(p string, px int, ch rune) (ok bool, end int, valid bool) {
	i := px + 1
	negate := false
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		negate = true
		i++
	}
	first := true
	for i < len(p) {
		if p[i] == ']' && !first {
			return ok != negate, i + 1, true
		}
		first = false
		if p[i] == '[' && i+1 < len(p) && p[i+1] == ':' {
			if j := strings.Index(p[i+2:], ":]"); j >= 0 {
				if classMatch(p[i+2:i+2+j], ch) {
					ok = true
				}
				i += j + 4
				continue
			}
		}
		var lo rune
		if p[i] == '\\' && i+1 < len(p) {
			i++
		}
		lo, n := utf8.DecodeRuneInString(p[i:])
		i += n
		hi := lo
		if i+1 < len(p) && p[i] == '-' && p[i+1] != ']' {
			i++
			if p[i] == '\\' && i+1 < len(p) {
				i++
			}
			hi, n = utf8.DecodeRuneInString(p[i:])
			i += n
		}
		if lo <= ch && ch <= hi {
			ok = true
		}
	}
	return false, 0, false
}

func classMatch(class string, c rune) bool {
	switch class {
	case "alpha":
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	case "digit":
		return c >= '0' && c <= '9'
	case "alnum":
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	case "upper":
		return c >= 'A' && c <= 'Z'
	case "lower":
		return c >= 'a' && c <= 'z'
	case "space":
		return c == ' ' || c >= '\t' && c <= '\r'
	case "blank":
		return c == ' ' || c == '\t'
	case "punct":
		return c > ' ' && c < 0x7f && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	case "xdigit":
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	case "cntrl":
		return c < ' ' || c == 0x7f
	case "print":
		return c >= ' ' && c != 0x7f
	case "graph":
		return c > ' ' && c != 0x7f
	case "word":
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return false
}
