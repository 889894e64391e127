package strict

import (
	"errors"
	"strings"
	"testing"
)

type inner struct {
	Name  string `yaml:"name,required"`
	Count int    `yaml:"count"`
}

type doc struct {
	Title string            `yaml:"title,required"`
	On    bool              `yaml:"on"`
	Items []inner           `yaml:"items"`
	Ptr   *inner            `yaml:"ptr"`
	Tags  map[string]string `yaml:"tags"`
	skip  int
}

func TestDecode(t *testing.T) {
	t.Parallel()
	src := "title: 0755\non: true\nitems:\n  - {name: a, count: 2}\n  - name: b\nptr: {name: p}\ntags: {x: y}\n"
	var d doc
	if err := Decode("d.yaml", []byte(src), &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "0755" || !d.On || len(d.Items) != 2 || d.Items[0].Count != 2 || d.Ptr == nil || d.Ptr.Name != "p" || d.Tags["x"] != "y" || d.skip != 0 {
		t.Errorf("Decode = %+v", d)
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ src, want string }{
		{"title: t\nitems:\n  - {nme: a}\n", `d.yaml:3:6: unknown key "nme" in item 1 of "items"; did you mean "name"?`},
		{"title: t\nitems:\n  - {nme: a}\n", `d.yaml:3:6: missing key "name" in item 1 of "items"`},
		{"title: [a]\n", `d.yaml:1:8: "title" should be text, not a list`},
		{"title: t\non: yes\n", `d.yaml:2:5: "on" should be true or false, not "yes"`},
		{"title: t\nitems: {name: a}\n", `d.yaml:2:9: "items" should be a list`},
		{"title: t\nitems:\n  - {name: a, count: x}\n", `d.yaml:3:22: "count" should be a whole number, not "x"`},
		{"title: t\nptr:\n", `d.yaml:2:6: "ptr" has no value`},
		{"title: t\n<<: {on: true}\n", `merge keys (<<) are not supported`},
		{"a: &x 1\ntitle: *x\n", `aliases (*name) are not supported`},
		{"title: t\n---\ntitle: u\n", `a second YAML document`},
	} {
		var d doc
		err := Decode("d.yaml", []byte(c.src), &d)
		var es Errors
		if !errors.As(err, &es) {
			t.Errorf("Decode(%q) = %v; want Errors", c.src, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("Decode(%q) = %v; want it to contain %q", c.src, err, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	t.Parallel()
	known := []string{"process", "proto", "lock", "all", "any"}
	for in, want := range map[string]string{"proces": "process", "lokc": "lock", "zzz": "", "al": "all", "x": ""} {
		if got := Closest(in, known); got != want {
			t.Errorf("Closest(%q) = %q; want %q", in, got, want)
		}
	}
}
