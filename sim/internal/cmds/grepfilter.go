package cmds

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file makes grep skip what cannot match, as GNU grep's kwset does:
// from the compiled expression it takes a literal that every match must
// contain (for rc's "^..*init.d/functions" it is "d/functions"), and
// looks for that with bytes.Index before the expression runs. A line
// without the literal cannot be selected, so skipping to the first line
// that has it selects exactly the lines the expression alone selects.
// It also keeps what compile builds from a set of patterns, since init
// scripts run the same grep over and over.

// grepRequired returns a string every match of the Go expression src
// contains, or "" when there is none it can prove: it takes the longest
// run of plain (not case-folded) literal characters that a match cannot
// avoid, looking through groups, concatenations and repetitions of at
// least one. Alternations, optional parts and case-folded literals give
// nothing. A literal holding U+FFFD is refused, since the expression
// matches that rune on an invalid byte the literal's bytes do not show.
// An expression with \A (grep -P) gives nothing either: it matches only
// where the search starts, which skipping lines would move.
func grepRequired(src string) string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil || grepHasBeginText(re) {
		return ""
	}
	lit := grepReqLit(re.Simplify())
	if strings.ContainsRune(lit, utf8.RuneError) {
		return ""
	}
	return lit
}

// grepHasBeginText reports whether re holds \A (or ^ outside (?m)).
func grepHasBeginText(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginText {
		return true
	}
	for _, sub := range re.Sub {
		if grepHasBeginText(sub) {
			return true
		}
	}
	return false
}

func grepReqLit(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return ""
		}
		return string(re.Rune)
	case syntax.OpCapture, syntax.OpPlus:
		return grepReqLit(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return grepReqLit(re.Sub[0])
		}
	case syntax.OpConcat:
		best := ""
		var run []rune
		flush := func() {
			if s := string(run); len(s) > len(best) {
				best = s
			}
			run = run[:0]
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
				run = append(run, sub.Rune...)
				continue
			}
			flush()
			if s := grepReqLit(sub); len(s) > len(best) {
				best = s
			}
		}
		flush()
		return best
	}
	return ""
}

// grepCompiled is what compile builds from a set of patterns.
type grepCompiled struct {
	re, show *regexp.Regexp
	lit      []byte // grepRequired of re; nil for none; shared, read-only
}

type grepKey struct {
	patterns            string // joined by newlines, which no pattern holds
	matcher             string
	icase, lines, words bool
}

// grepCompiledCache holds up to grepCacheSize compiled pattern sets,
// dropped all at once when full; like reCache it changes no output.
var grepCompiledCache = struct {
	mu sync.Mutex
	m  map[grepKey]grepCompiled
}{m: map[grepKey]grepCompiled{}}

const grepCacheSize = 128

func grepCacheGet(k grepKey) (grepCompiled, bool) {
	grepCompiledCache.mu.Lock()
	defer grepCompiledCache.mu.Unlock()
	c, ok := grepCompiledCache.m[k]
	return c, ok
}

func grepCachePut(k grepKey, c grepCompiled) {
	if len(k.patterns) > reCacheMaxSrc {
		return
	}
	grepCompiledCache.mu.Lock()
	defer grepCompiledCache.mu.Unlock()
	if len(grepCompiledCache.m) >= grepCacheSize {
		clear(grepCompiledCache.m)
	}
	grepCompiledCache.m[k] = c
}

// skipToLiteral returns the start of the first line at or after pos (a
// line start) that holds the required literal, or -1 when none does.
// Without a literal it returns pos.
func (g *grepRun) skipToLiteral(buf []byte, pos int) int {
	if g.lit == nil {
		return pos
	}
	i := bytes.Index(buf[pos:], g.lit)
	if i < 0 {
		return -1
	}
	return bytes.LastIndexByte(buf[pos:pos+i], '\n') + 1 + pos
}
