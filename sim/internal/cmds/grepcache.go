package cmds

import (
	"regexp"
	"sync"
)

// This file keeps compiled regular expressions, so that a pattern used
// again is not compiled again: rc greps every init script it runs for the
// same "^..*init.d/functions", and a student repeats a grep or sed while
// fixing it. A *regexp.Regexp is safe for concurrent use, and the cache
// hands out only expressions it will never change, so every machine
// shares one cache; what a program prints does not depend on it.

// reMode is how an expression compiles.
type reMode uint8

const (
	rePerl    reMode = iota // regexp.Compile: leftmost-first
	reLongest               // regexp.Compile, then Longest
	rePOSIX                 // regexp.CompilePOSIX
)

// Bounds of the cache: how many expressions it holds, and the longest
// source it keeps (longer ones are compiled each time).
const (
	reCacheSize   = 256
	reCacheMaxSrc = 4 << 10
)

type reKey struct {
	src  string
	mode reMode
}

// reCache holds up to reCacheSize expressions, forgetting the oldest
// first.
type reCache struct {
	mu    sync.Mutex
	res   map[reKey]*regexp.Regexp
	order [reCacheSize]reKey // ring of the keys held, oldest at next
	next  int
}

var regexps = reCache{res: make(map[reKey]*regexp.Regexp, reCacheSize)}

// cachedRegexp compiles the Go expression src as mode says, or returns
// the expression compiled from it before. Errors are those of regexp's
// compilers; an expression that fails is not kept. Callers must not
// change the expression (Longest): it is shared.
func cachedRegexp(src string, mode reMode) (*regexp.Regexp, error) {
	if len(src) > reCacheMaxSrc {
		return compileRegexp(src, mode)
	}
	return regexps.get(reKey{src, mode})
}

func (c *reCache) get(k reKey) (*regexp.Regexp, error) {
	c.mu.Lock()
	re, ok := c.res[k]
	c.mu.Unlock()
	if ok {
		return re, nil
	}
	re, err := compileRegexp(k.src, k.mode)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if held, ok := c.res[k]; ok {
		return held, nil // compiled meanwhile by another caller
	}
	if len(c.res) == reCacheSize {
		delete(c.res, c.order[c.next]) // the ring is full: next is the oldest
	}
	c.order[c.next] = k
	c.next = (c.next + 1) % reCacheSize
	c.res[k] = re
	return re, nil
}

// compileRegexp compiles src as mode says, without the cache.
func compileRegexp(src string, mode reMode) (*regexp.Regexp, error) {
	if mode == rePOSIX {
		return regexp.CompilePOSIX(src)
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	if mode == reLongest {
		re.Longest()
	}
	return re, nil
}
