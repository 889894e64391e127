package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"rclab/lessons/check/strict"
)

// loadContent loads with loadAll the built-in files builtin, or a
// teacher's directory dir when it is not "". Problems in a teacher's
// files are reported on stderr, naming the file under dir, and the good
// values kept; problems in the built-in files, and any other error, are
// returned.
func loadContent[T any](dir string, builtin fs.FS, loadAll func(fs.FS) ([]T, error), stderr io.Writer) ([]T, error) {
	fsys := builtin
	if dir != "" {
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("%s is not a directory", dir)
		}
		fsys = os.DirFS(dir)
	}
	list, err := loadAll(fsys)
	if err != nil {
		var se strict.Errors
		if dir == "" || !errors.As(err, &se) {
			return nil, err
		}
		for _, e := range se {
			e.File = filepath.Join(dir, e.File)
			fmt.Fprintf(stderr, "rclab: %v\n", e)
		}
	}
	return list, nil
}
