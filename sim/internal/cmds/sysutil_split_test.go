package cmds

import (
	"slices"
	"strings"
	"testing"
)

// syIptFieldsRef is the word splitting of iptables-restore written the
// plain way: a double quote toggles quoting and is dropped, blanks
// outside quotes end a word.
func syIptFieldsRef(s string) []string {
	var out []string
	var cur strings.Builder
	in, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			quoted, in = !quoted, true
		case (c == ' ' || c == '\t') && !quoted:
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

func TestSyIptFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"   \t ", []string{}},
		{"-A INPUT -j ACCEPT", []string{"-A", "INPUT", "-j", "ACCEPT"}},
		{"  -A\tINPUT  ", []string{"-A", "INPUT"}},
		{`-A INPUT -m comment --comment "let ssh in" -j ACCEPT`, []string{"-A", "INPUT", "-m", "comment", "--comment", "let ssh in", "-j", "ACCEPT"}},
		{`a"b c"d e`, []string{"ab cd", "e"}},
		{`"" x`, []string{"", "x"}},
		{`x "unterminated y`, []string{"x", "unterminated y"}},
	}
	for _, tt := range tests {
		got := syIptFields(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("syIptFields(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if ref := syIptFieldsRef(tt.in); !slices.Equal(got, ref) {
			t.Errorf("syIptFields(%q) = %q; the plain splitting gives %q", tt.in, got, ref)
		}
	}
}

func FuzzSyIptFields(f *testing.F) {
	for _, s := range []string{"-A INPUT -j ACCEPT", `a"b c"d e`, `"" x`, "\t\"\t\"\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := syIptFields(s), syIptFieldsRef(s); !slices.Equal(got, want) {
			t.Errorf("syIptFields(%q) = %q; want %q", s, got, want)
		}
	})
}

func TestSySysctlValue(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"", "1", " 1 ", "32768 61000", "6\t4  1 7", " a\u00a0b ", "x\u2003", "\u0085y", "\v1\f"} {
		want := strings.Join(strings.Fields(v), "\t")
		if got := sySysctlValue(v); got != want {
			t.Errorf("sySysctlValue(%q) = %q; want %q", v, got, want)
		}
	}
}
