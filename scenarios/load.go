package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"

	"rclab/lessons/check/strict"
)

//go:embed content
var content embed.FS

// Content is the scenarios built into rclab: a file system of YAML files.
func Content() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err)
	}
	return sub
}

// Load reads and decodes the scenario file p of fsys.
func Load(fsys fs.FS, p string) (*Scenario, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	return Parse(p, data)
}

// LoadAll reads every *.yaml and *.yml file at the top of fsys, sorted by
// scenario id. It reports every problem of every file (a strict.Errors
// when all are problems of the files' content), and scenarios that share
// an id; the scenarios that loaded are returned either way.
func LoadAll(fsys fs.FS) ([]*Scenario, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			names = append(names, e.Name())
		}
	}
	type result struct {
		s   *Scenario
		err error
	}
	results := make([]result, len(names))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				s, err := Load(fsys, names[i])
				results[i] = result{s, err}
			}
		}()
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()

	var out []*Scenario
	var errs strict.Errors
	var other []error
	byID := map[string]string{}
	for i, r := range results {
		if r.err != nil {
			var se strict.Errors
			if errors.As(r.err, &se) {
				errs = append(errs, se...)
			} else {
				other = append(other, r.err)
			}
			continue
		}
		if first, dup := byID[r.s.ID]; dup {
			errs = append(errs, &strict.Error{File: names[i], Line: 1, Col: 1, Msg: fmt.Sprintf("scenario id %q is already used by %s", r.s.ID, first)})
			continue
		}
		byID[r.s.ID] = names[i]
		out = append(out, r.s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(other) > 0 {
		if len(errs) > 0 {
			other = append(other, errs)
		}
		return out, errors.Join(other...)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// Find returns the scenario whose id is id, or whose id starts with id
// followed by a dash ("E03" finds "E03-telnet-legacy-lab"); the match
// ignores case. It returns nil when none matches.
func Find(list []*Scenario, id string) *Scenario {
	for _, s := range list {
		if strings.EqualFold(s.ID, id) {
			return s
		}
	}
	for _, s := range list {
		if strings.HasPrefix(strings.ToLower(s.ID), strings.ToLower(id)+"-") {
			return s
		}
	}
	return nil
}

// Validate checks scenario files without running them: it parses each
// file of fsys named in paths (every variant of its variables) and
// returns the problems found, one error per problem (nil when all are
// fine).
func Validate(fsys fs.FS, paths ...string) []error {
	var out []error
	for _, p := range paths {
		_, err := Load(fsys, p)
		if err == nil {
			continue
		}
		var se strict.Errors
		if errors.As(err, &se) {
			for _, e := range se {
				out = append(out, e)
			}
			continue
		}
		out = append(out, err)
	}
	return out
}
