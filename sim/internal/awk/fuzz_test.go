package awk

import (
	"errors"
	"testing"
)

// FuzzAwkParse checks that the parser never panics and that every error it
// returns says where the problem is.
func FuzzAwkParse(f *testing.F) {
	for _, seed := range []string{
		`{print $1}`,
		`BEGIN{FS=":"} $3 >= 500 {print $1}`,
		`{sum += $6} END {print sum}`,
		`/a/,/b/ {n[$1]++} END{for (k in n) printf "%s %d\n", k, n[k]}`,
		"function f(a,  b) {\n\treturn a b\n}\nBEGIN { print f(1, 2) > \"/dev/stderr\" }",
		`{ while ((getline line < "f") > 0) x = x line; "date" | getline d }`,
		`BEGIN { if (x) y = 1; else { do z++ while (z < 3) } }`,
		`{print $1`,
		`{ a[$1,$2] = /re\/x/ ? substr($0, 2) : -2^-3 }`,
		`BEGIN { printf("%d\n", 1) | "sort"; close("sort") }`,
		`$1 !~ "x" && !($2 in a) || NF-- > ++i`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse([]Source{{Name: "cmd. line", Text: src}})
		if err == nil {
			return
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Parse(%q) error %T %v is not a *SyntaxError", src, err, err)
		}
		if se.Line < 1 || se.Source == "" || se.Msg == "" {
			t.Fatalf("Parse(%q) error %+v has no position", src, se)
		}
	})
}
