package bash

import (
	"io/fs"
	"path"
	"sort"
	"strings"
)

// glob expands a pathname pattern through the ReadDir hook; ok is false
// when nothing matches.
func (r *Runner) glob(pat string) ([]string, bool) {
	if !hasGlobMeta(pat) && !hasExtGlob(pat) {
		return nil, false
	}
	dirOnly := strings.HasSuffix(pat, "/")
	segs := strings.Split(strings.TrimRight(pat, "/"), "/")
	var bases []string
	start := 0
	if strings.HasPrefix(pat, "/") {
		bases = []string{"/"}
		start = 1
	} else {
		bases = []string{""}
	}
	for i := start; i < len(segs); i++ {
		seg := segs[i]
		last := i == len(segs)-1
		var next []string
		if seg == "" {
			continue
		}
		if !hasGlobMeta(seg) && !hasExtGlob(seg) {
			lit := unescapeGlob(seg)
			for _, b := range bases {
				p := joinGlob(b, lit)
				if _, ok := r.statMode(p, false); !ok {
					continue
				}
				next = append(next, p)
			}
			bases = next
			continue
		}
		m := r.compile(seg, r.opts.shopt[shNoCaseGlob])
		dotted := strings.HasPrefix(seg, ".") || strings.HasPrefix(seg, `\.`)
		dots := dotted || r.opts.shopt[shDotGlob]
		for _, b := range bases {
			dir := b
			if dir == "" {
				dir = "."
			}
			ents, err := r.readDir(dir)
			if err != nil {
				continue
			}
			var names []string
			for _, e := range ents {
				n := e.Name()
				if n == "." || n == ".." {
					continue
				}
				if n[0] == '.' && !dots {
					continue
				}
				if !m.match(n) {
					continue
				}
				if (!last || dirOnly) && !r.isDirEntry(joinGlob(b, n), e) {
					continue
				}
				names = append(names, n)
			}
			if dotted {
				// bash 3.2 reads . and .. from the directory too: a
				// pattern with a leading dot matches them.
				for _, n := range [...]string{".", ".."} {
					if m.match(n) {
						names = append(names, n)
					}
				}
			}
			sort.Strings(names)
			for _, n := range names {
				next = append(next, joinGlob(b, n))
			}
		}
		bases = next
		if len(bases) == 0 {
			return nil, false
		}
	}
	if len(bases) == 0 || (len(bases) == 1 && bases[0] == "") {
		return nil, false
	}
	if dirOnly {
		for i := range bases {
			bases[i] += "/"
		}
	}
	return bases, true
}

func joinGlob(base, name string) string {
	switch base {
	case "":
		return name
	case "/":
		return "/" + name
	}
	return base + "/" + name
}

func (r *Runner) isDirEntry(p string, e fs.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink != 0 {
		m, ok := r.statMode(p, true)
		return ok && m.IsDir()
	}
	return false
}

// abs makes name absolute against the working directory.
func (r *Runner) abs(name string) string {
	if name == "" {
		return ""
	}
	if path.IsAbs(name) {
		return path.Clean(name)
	}
	return path.Join(r.dir, name)
}

// statPath stats a file through the Stat hook.
func (r *Runner) statPath(name string, follow bool) (fs.FileInfo, error) {
	if r.cfg.Stat == nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return r.cfg.Stat(r.ctx, r.abs(name), follow)
}

// statMode is the mode of a file through the Mode hook (Stat without
// it); ok is false when the file cannot be described.
func (r *Runner) statMode(name string, follow bool) (fs.FileMode, bool) {
	if r.cfg.Mode != nil {
		return r.cfg.Mode(r.ctx, r.abs(name), follow)
	}
	fi, err := r.statPath(name, follow)
	if err != nil {
		return 0, false
	}
	return fi.Mode(), true
}

func (r *Runner) readDir(name string) ([]fs.DirEntry, error) {
	if r.cfg.ReadDir == nil {
		return nil, fs.ErrNotExist
	}
	return r.cfg.ReadDir(r.ctx, r.abs(name))
}
