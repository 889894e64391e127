package strict

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func loadDoc(fsys fs.FS, p string) (*doc, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	var d doc
	if err := Decode(p, data, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

func TestLoadDir(t *testing.T) {
	t.Parallel()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	for _, c := range []struct {
		name   string
		fsys   fstest.MapFS
		titles string // the titles loaded, in order
		err    string // "" for none
		strict bool   // the error is an Errors
	}{
		{"sorted", fstest.MapFS{"a.yaml": file("title: zz\n"), "b.yml": file("title: aa\n"), "notes.txt": file("x"), "sub/c.yaml": file("title: cc\n")}, "aa zz", "", false},
		{"duplicate", fstest.MapFS{"a.yaml": file("title: t\n"), "b.yaml": file("title: t\n")}, "t", `b.yaml:1:1: doc id "t" is already used by a.yaml`, true},
		{"bad file", fstest.MapFS{"a.yaml": file("title: t\n"), "b.yaml": file("on: true\n")}, "t", `b.yaml:1:1: missing key "title"`, true},
		{"empty", fstest.MapFS{}, "", "", false},
	} {
		got, err := LoadDir(c.fsys, loadDoc, func(d *doc) string { return d.Title }, "doc")
		var titles []string
		for _, d := range got {
			titles = append(titles, d.Title)
		}
		if g := strings.Join(titles, " "); g != c.titles {
			t.Errorf("LoadDir(%s) titles = %q; want %q", c.name, g, c.titles)
		}
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if gotErr != c.err {
			t.Errorf("LoadDir(%s) error = %q; want %q", c.name, gotErr, c.err)
		}
		var es Errors
		if isStrict := errors.As(err, &es); isStrict != c.strict {
			t.Errorf("LoadDir(%s) error is Errors = %v; want %v", c.name, isStrict, c.strict)
		}
	}
}

func TestFindID(t *testing.T) {
	t.Parallel()
	list := []string{"L01-a", "L010-b", "l03-c"}
	for _, c := range []struct{ in, want string }{
		{"L01", "L01-a"}, {"l010", "L010-b"}, {"L03", "l03-c"}, {"L03-C", "l03-c"}, {"L0", ""}, {"", ""},
	} {
		if got := FindID(list, func(s string) string { return s }, c.in); got != c.want {
			t.Errorf("FindID(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestProblems(t *testing.T) {
	t.Parallel()
	two := Errors{{File: "a", Line: 1, Col: 2, Msg: "x"}, {File: "a", Line: 3, Col: 4, Msg: "y"}}
	other := errors.New("other")
	for _, c := range []struct {
		err  error
		want []string
	}{
		{nil, nil},
		{two, []string{"a:1:2: x", "a:3:4: y"}},
		{other, []string{"other"}},
	} {
		var got []string
		for _, e := range Problems(c.err) {
			got = append(got, e.Error())
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
			t.Errorf("Problems(%v) = %q; want %q", c.err, got, c.want)
		}
	}
}
