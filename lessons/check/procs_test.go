package check

import (
	"strings"
	"testing"
)

// fieldsFirst is what procMatches took before firstField: the first of
// strings.Fields, "" when there is none.
func fieldsFirst(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func TestFirstField(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", " ", "httpd", "/usr/sbin/httpd", "  sshd: root@pts/0 ", "xinetd -stayalive",
		"\tcrond\n", "a\u00a0b", "\u0085mingetty tty2", "키보드 입력", "bad\xffutf8 x", "\v\f\r",
	} {
		if got, want := firstField(in), fieldsFirst(in); got != want {
			t.Errorf("firstField(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzFirstField: firstField is the first of strings.Fields, on any text
// a process's argument may hold.
func FuzzFirstField(f *testing.F) {
	f.Add("  sshd: root@pts/0 ")
	f.Add("a\u00a0b\u2003c")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := firstField(s), fieldsFirst(s); got != want {
			t.Fatalf("firstField(%q) = %q; want %q", s, got, want)
		}
	})
}
