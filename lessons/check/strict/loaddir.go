package strict

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// LoadDir loads every *.yaml and *.yml file at the top of fsys with load,
// several files at once, and returns the values sorted by id. It reports
// every problem of every file: an Errors when all are problems of the
// files' content, else those joined with the other errors. A value whose
// id another file already used is reported at line 1 of its file as
// "<what> id "X" is already used by <file>" and left out. The values that
// loaded are returned either way.
func LoadDir[T any](fsys fs.FS, load func(fs.FS, string) (T, error), id func(T) string, what string) ([]T, error) {
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
	// Load the files in parallel; report in file order.
	type result struct {
		v   T
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
				v, err := load(fsys, names[i])
				results[i] = result{v, err}
			}
		}()
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()

	var out []T
	var errs Errors
	var other []error
	byID := map[string]string{}
	for i, r := range results {
		if r.err != nil {
			var se Errors
			if errors.As(r.err, &se) {
				errs = append(errs, se...)
			} else {
				other = append(other, r.err)
			}
			continue
		}
		vid := id(r.v)
		if first, dup := byID[vid]; dup {
			errs = append(errs, &Error{File: names[i], Line: 1, Col: 1, Msg: fmt.Sprintf("%s id %q is already used by %s", what, vid, first)})
			continue
		}
		byID[vid] = names[i]
		out = append(out, r.v)
	}
	sort.Slice(out, func(i, j int) bool { return id(out[i]) < id(out[j]) })
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

// FindID returns the value of list whose id is want, or whose id starts
// with want followed by a dash ("L03" finds "L03-init-scripts"); the
// match ignores case. It returns the zero T when none matches.
func FindID[T any](list []T, id func(T) string, want string) T {
	for _, v := range list {
		if strings.EqualFold(id(v), want) {
			return v
		}
	}
	for _, v := range list {
		if strings.HasPrefix(strings.ToLower(id(v)), strings.ToLower(want)+"-") {
			return v
		}
	}
	var zero T
	return zero
}

// Problems is err as one error per problem: each *Error of an Errors,
// else err itself; nil when err is nil.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	var se Errors
	if errors.As(err, &se) {
		out := make([]error, len(se))
		for i, e := range se {
			out[i] = e
		}
		return out
	}
	return []error{err}
}
