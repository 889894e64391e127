package bash

import "testing"

// TestUnescape checks the backslash removal shared by double quotes and
// here-documents: only double quotes take \" away.
func TestUnescape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		quote bool
		want  string
	}{
		{`plain`, true, `plain`},
		{`a\$b \` + "`" + ` \\ c`, true, `a$b ` + "`" + ` \ c`},
		{`say \"hi\"`, true, `say "hi"`},
		{`say \"hi\"`, false, `say \"hi\"`},
		{"line\\\nnext", false, "linenext"},
		{`keep \n \t \x`, true, `keep \n \t \x`},
		{`trailing\`, false, `trailing\`},
	}
	for _, tt := range tests {
		if got := unescape(tt.in, tt.quote); got != tt.want {
			t.Errorf("unescape(%q, %v) = %q; want %q", tt.in, tt.quote, got, tt.want)
		}
	}
}
