package scenarios

import (
	"errors"
	"io/fs"
	"testing"

	"rclab/lessons/check/strict"
)

// FuzzParse: Parse never panics, and every error it reports names the
// file, a line and a column.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte("id: E01-x\nvariables: {a: {choose: [\"${a}\"]}}\n"))
	f.Add([]byte("x: ${\ny: $${z}\n"))
	f.Add([]byte("variables:\n  n: {range: [1, 3]}\nid: E0${n}-x\n"))
	files, _ := fs.ReadDir(Content(), ".")
	for _, e := range files {
		if data, err := fs.ReadFile(Content(), e.Name()); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		s, err := Parse("f.yaml", src)
		if err == nil {
			if s == nil {
				t.Fatal("Parse = nil, nil")
			}
			// A value inside a range that Parse did not try may still
			// break the file: Variant reports it, without panicking.
			s.Variant(3)
			return
		}
		var se strict.Errors
		if !errors.As(err, &se) || len(se) == 0 {
			t.Fatalf("Parse error %T is not strict.Errors: %v", err, err)
		}
		for _, e := range se {
			if e.File != "f.yaml" || e.Line < 1 || e.Col < 1 || e.Msg == "" {
				t.Fatalf("error without a place: %q", e.Error())
			}
		}
	})
}
