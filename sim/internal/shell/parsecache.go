package shell

import (
	"context"
	"io"
	"os"
	"sync"
	"syscall"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
)

// parseCache keeps parsed scripts and sourced files by name and content:
// boot and every runlevel change run the same init scripts and functions
// again and again. Parsed files are never mutated after parsing, so
// sharing them between runners is safe. Keying by content (not by path
// and time) means an edited script is always parsed anew.
var parseCache struct {
	sync.Mutex
	m map[string]map[string]*syntax.File // name → source → file
	n int
}

const parseCacheMax = 512

// cachedParse looks src up without copying it; nil means not cached.
func cachedParse(src []byte, name string) *syntax.File {
	parseCache.Lock()
	defer parseCache.Unlock()
	byName := parseCache.m[name]
	if len(byName) == 1 {
		// The common case, one version of the file: a comparison
		// rather than hashing the whole source.
		for s, f := range byName {
			if s == string(src) {
				return f
			}
		}
		return nil
	}
	return byName[string(src)]
}

func parseAndCache(src, name string) (*syntax.File, error) {
	f, err := Parse(src, name)
	if err != nil {
		return nil, err
	}
	parseCache.Lock()
	if parseCache.m == nil || parseCache.n >= parseCacheMax {
		parseCache.m, parseCache.n = map[string]map[string]*syntax.File{}, 0
	}
	byName := parseCache.m[name]
	if byName == nil {
		byName = map[string]*syntax.File{}
		parseCache.m[name] = byName
	}
	if _, ok := byName[src]; !ok {
		byName[src] = f
		parseCache.n++
	}
	parseCache.Unlock()
	return f, nil
}

// parseCached is the evaluator's Parse hook: sourced files through the
// cache; eval texts (name "") parsed each time, through the line cache.
func parseCached(name, src string) (*syntax.File, error) {
	if name == "" {
		return ParseLine(src, "")
	}
	if f := cachedParse([]byte(src), name); f != nil {
		return f, nil
	}
	return parseAndCache(src, name)
}

// source is the evaluator's Source hook: a sourced file read into a
// recycled buffer and parsed through the cache, as the shell's user may
// read it.
func (s *Shell) source(_ context.Context, abs, name string) (*syntax.File, string, error) {
	if uid, gid := s.cred(); uid != 0 {
		if err := cmds.CheckOpen(s.opts.Kernel.FS, abs, os.O_RDONLY, uid, gid); err != nil {
			return nil, "", syscall.EACCES
		}
	}
	f, src, readErr, parseErr := loadScript(s.opts.Kernel, abs, name)
	if readErr != nil {
		return nil, "", errText{readErr}
	}
	if parseErr != nil {
		return nil, src, parseErr
	}
	return f, "", nil
}

// readBufs recycles the buffers scripts are read into: a script found in
// the parse cache needs its bytes only for the look-up.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// loadScript reads the script at abs and parses it as name, through the
// parse cache. A read error is returned as readErr; a parse error as
// parseErr, with the source for the message.
func loadScript(k *kernel.Kernel, abs, name string) (f *syntax.File, src string, readErr, parseErr error) {
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
	if f := cachedParse(buf, name); f != nil {
		return f, "", nil, nil
	}
	src = string(buf)
	f, err = parseAndCache(src, name)
	if err != nil {
		return nil, src, nil, err
	}
	return f, "", nil, nil
}

// readInto appends the whole file at name to buf.
func readInto(k *kernel.Kernel, name string, buf []byte) ([]byte, error) {
	// The recycled buffer holds most scripts; a larger one grows as
	// append grows a slice, and is recycled at its new size.
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := k.FS.ReadFileAt(name, buf[len(buf):cap(buf)], int64(len(buf)))
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
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
