package chkconfig

import (
	"strings"
	"testing"
)

// FuzzParseHeader: any bytes give either a header within chkconfig's
// limits or an error, never a panic.
func FuzzParseHeader(f *testing.F) {
	for _, s := range []string{
		"#!/bin/bash\n# chkconfig: 2345 55 25\n# description: sshd \\\n#   daemon\n",
		"#chkconfig:- 85 15\n#description:x",
		"# chkconfig: 2345 10\n90 \n# description(ko): x\n# description: y \\",
		"### BEGIN INIT INFO\n# Default-Start: 2 3 4 5\n# Default-Stop: 0 1 6\n# Required-Start: $network\n# chkconfig: 35 1 2\n# description: (\n",
		"# description(", "# description(ab)", "# chkconfig: 0123456012345601 10 20\n",
		"# hide:", "\x00# chkconfig: 1 1 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, script []byte) {
		h, err := ParseHeader(script)
		if err != nil {
			if h.Levels != "" || h.Start != 0 || h.Description != "" {
				t.Fatalf("ParseHeader(%q) = %+v with error %v", script, h, err)
			}
			return
		}
		if h.Start < 0 || h.Start > 99 || h.Stop < 0 || h.Stop > 99 {
			t.Fatalf("ParseHeader(%q): priorities %d/%d out of range", script, h.Start, h.Stop)
		}
		if strings.Trim(h.Levels, "0123456") != "" || len(h.Levels) > 7 {
			t.Fatalf("ParseHeader(%q): levels %q", script, h.Levels)
		}
		for l := 0; l < 7; l++ {
			_ = h.DefaultOn(l)
		}
	})
}

// nextCommentNaive is chkconfig's own loop: skip blanks (newlines
// included), take the line, keep it if it starts with '#'.
func nextCommentNaive(b []byte, next int) (s, end, nxt int, ok bool) {
	n := len(b)
	for next < n {
		s = skipSpace(b, next, n)
		if s == n {
			break
		}
		end, next = lineEnd(b, s)
		if b[s] == '#' {
			return s, end, next, true
		}
	}
	return 0, 0, n, false
}

// FuzzNextComment: the jumping search finds the same comment lines as
// chkconfig's line-by-line loop.
func FuzzNextComment(f *testing.F) {
	for _, s := range []string{"#a\n  #b\nx # c\n\t\r#d", "\n\n#", "a#\n#", "#", "", " \v\f# x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		next1, next2 := 0, 0
		for {
			s1, e1, n1, ok1 := nextComment(b, next1)
			s2, e2, n2, ok2 := nextCommentNaive(b, next2)
			if ok1 != ok2 || ok1 && (s1 != s2 || e1 != e2 || n1 != n2) {
				t.Fatalf("%q from %d: nextComment = %d %d %d %v; naive = %d %d %d %v", b, next1, s1, e1, n1, ok1, s2, e2, n2, ok2)
			}
			if !ok1 {
				return
			}
			next1, next2 = n1, n2
		}
	})
}
