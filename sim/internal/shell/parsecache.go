package shell

import (
	"io"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/kernel"
)

// parseCache keeps parsed scripts by name and content: boot and every
// runlevel change run the same init scripts and functions again and again.
// Parsed files are never mutated after parsing, so sharing them between
// runners is safe. Keying by content (not by path and time) means an
// edited script is always parsed anew.
var parseCache struct {
	sync.Mutex
	m map[parseKey]map[string]*parsed // → source → file
	n int
}

// parseKey is a script's name and how it was parsed.
type parseKey struct {
	name string
	mode parseMode
}

// parseMode says how a text is parsed.
type parseMode int

const (
	// asScript is Parse: a script or a command line.
	asScript parseMode = iota
	// asNested is ParseNested: text that interp's source and eval
	// builtins would run (see nested.go).
	asNested
)

// parsed is a parse cache entry.
type parsed struct {
	f *syntax.File
	// nestable is nestable(f) (see nested.go).
	nestable bool
}

const parseCacheMax = 512

// cachedParse looks src up without copying it; nil means not cached.
func cachedParse(src []byte, key parseKey) *parsed {
	parseCache.Lock()
	p := parseCache.m[key][string(src)]
	parseCache.Unlock()
	return p
}

func parseAndCache(src string, key parseKey) (*parsed, error) {
	parse := Parse
	if key.mode == asNested {
		parse = ParseNested
	}
	f, err := parse(src, key.name)
	if err != nil {
		return nil, err
	}
	p := &parsed{f: f, nestable: nestable(f)}
	parseCache.Lock()
	if parseCache.m == nil || parseCache.n >= parseCacheMax {
		parseCache.m, parseCache.n = map[parseKey]map[string]*parsed{}, 0
	}
	byName := parseCache.m[key]
	if byName == nil {
		byName = map[string]*parsed{}
		parseCache.m[key] = byName
	}
	if _, ok := byName[src]; !ok {
		byName[src] = p
		parseCache.n++
	}
	parseCache.Unlock()
	return p, nil
}

// readBufs recycles the buffers scripts are read into: a script found in
// the parse cache needs its bytes only for the look-up.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// loadScript reads the script at abs and parses it as name, through the
// parse cache. A read error is returned as readErr; a parse error as
// parseErr, with the source for the message.
func loadScript(k *kernel.Kernel, abs, name string) (f *syntax.File, src string, readErr, parseErr error) {
	p, src, readErr, parseErr := loadParsed(k, abs, parseKey{name, asScript})
	if p != nil {
		f = p.f
	}
	return f, src, readErr, parseErr
}

func loadParsed(k *kernel.Kernel, abs string, key parseKey) (p *parsed, src string, readErr, parseErr error) {
	bp := readBufs.Get().(*[]byte)
	defer func() {
		if cap(*bp) <= 1<<20 {
			readBufs.Put(bp)
		}
	}()
	buf, err := readInto(k, abs, (*bp)[:0])
	*bp = buf[:0]
	if err != nil {
		return nil, "", err, nil
	}
	if p := cachedParse(buf, key); p != nil {
		return p, "", nil, nil
	}
	src = string(buf)
	p, err = parseAndCache(src, key)
	if err != nil {
		return nil, src, nil, err
	}
	return p, "", nil, nil
}

// readInto appends the whole file at name to buf.
func readInto(k *kernel.Kernel, name string, buf []byte) ([]byte, error) {
	f, err := k.FS.Open(name)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && int64(cap(buf)-len(buf)) < fi.Size()+1 {
		nb := make([]byte, len(buf), len(buf)+int(fi.Size())+512)
		copy(nb, buf)
		buf = nb
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// evalCache keeps parsed eval texts apart from the script cache, so a
// loop of distinct evals cannot push the scripts out. A nil entry is a
// text that does not parse or cannot nest.
var evalCache struct {
	sync.Mutex
	m map[string]*syntax.File
}

const evalCacheMax = 256

// parseEval returns the parsed eval text, or nil when it must go to the
// builtin.
func parseEval(args []string) *syntax.File {
	src := strings.Join(args, " ")
	evalCache.Lock()
	f, seen := evalCache.m[src]
	evalCache.Unlock()
	if seen {
		return f
	}
	if p, err := ParseNested(src, ""); err == nil && nestable(p) {
		f = p
	}
	evalCache.Lock()
	if evalCache.m == nil || len(evalCache.m) >= evalCacheMax {
		evalCache.m = map[string]*syntax.File{}
	}
	evalCache.m[src] = f
	evalCache.Unlock()
	return f
}

// lineCache keeps parsed command lines apart from the scripts (so a long
// session cannot push the init scripts out): students type the same
// lines again and again, and a grader replays a whole class's.
var lineCache struct {
	sync.Mutex
	m map[[2]string]*syntax.File
}

const lineCacheMax = 4096

// ParseLine is Parse through a cache of command lines; a line that does
// not parse is parsed again each time (its error depends on nothing else,
// but errors are rare and cheap to redo).
func ParseLine(src, name string) (*syntax.File, error) {
	key := [2]string{name, src}
	lineCache.Lock()
	f, ok := lineCache.m[key]
	lineCache.Unlock()
	if ok {
		return f, nil
	}
	f, err := Parse(src, name)
	if err != nil {
		return nil, err
	}
	lineCache.Lock()
	if lineCache.m == nil || len(lineCache.m) >= lineCacheMax {
		lineCache.m = map[[2]string]*syntax.File{}
	}
	lineCache.m[key] = f
	lineCache.Unlock()
	return f, nil
}
