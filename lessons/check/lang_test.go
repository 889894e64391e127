package check

import (
	"strings"
	"testing"
)

// plainJoin is join as its comment says: the non-empty texts of each
// language, joined by sep.
func plainJoin(sep string, ts ...Text) Text {
	out := Text{}
	for _, l := range Langs {
		var parts []string
		for _, t := range ts {
			if s := t[l]; s != "" {
				parts = append(parts, s)
			}
		}
		out[l] = strings.Join(parts, sep)
	}
	return out
}

func TestJoin(t *testing.T) {
	t.Parallel()
	for _, ts := range [][]Text{
		nil,
		{T("a", "가")},
		{T("a", "가"), T("b", "나"), T("c", "다")},
		{T("", "가"), T("b", ""), {En: "c"}, {}, T("d", "라")},
		{T("", ""), T("", "")},
	} {
		for _, sep := range []string{"; ", "", " | "} {
			got, want := join(sep, ts...), plainJoin(sep, ts...)
			if len(got) != len(want) || got[En] != want[En] || got[Ko] != want[Ko] {
				t.Errorf("join(%q, %v) = %v; want %v", sep, ts, got, want)
			}
		}
	}
}
