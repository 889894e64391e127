package shell

import (
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// TestJobText checks the text of background jobs against bash's printer:
// the words as typed, one space apart, and bash's redirections.
func TestJobText(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		{"sleep 10 &", "sleep 10"},
		{"sleep    10   &", "sleep 10"},
		{`echo "a b" &`, `echo "a b"`},
		{`echo 'a b' c\ d "it's" &`, `echo 'a b' c\ d "it's"`},
		{"sleep $T &", "sleep $T"},
		{"sleep ${T:-5} $(cat f) &", "sleep ${T:-5} $(cat f)"},
		{`A=1 B="x y" sleep 5 &`, `A=1 B="x y" sleep 5`},
		{"sleep 5 >/dev/null 2>&1 &", "sleep 5 > /dev/null 2>&1"},
		{"sleep 5 2>/dev/null &", "sleep 5 2> /dev/null"},
		{"cat >>log <in &", "cat >> log < in"},
		{">out sleep 1 &", "sleep 1 > out"},
		{"logger x >&2 &", "logger x 1>&2"},
		{"sleep 1 >&- 0<&3 &", "sleep 1 1>&- 0<&3"},
		{"sleep 1 &>/dev/null &", "sleep 1 &> /dev/null"},
		{"sleep 1 >&/dev/null &", "sleep 1 &> /dev/null"},
		{"cat <<<word &", "cat <<< word"},
	}
	for _, tc := range tests {
		f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(tc.src), "")
		if err != nil {
			t.Fatalf("parse %q: %v", tc.src, err)
		}
		if got := jobText(f.Stmts[0]); got != tc.want {
			t.Errorf("jobText(%q) = %q; want %q", tc.src, got, tc.want)
		}
	}
}
