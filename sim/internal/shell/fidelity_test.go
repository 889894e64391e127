package shell

import (
	"strings"
	"testing"
)

// TestBashFidelity: lines typed at a login shell print what bash 3.2
// prints (review findings: exec of a missing program, PIPESTATUS, .*,
// bad #! interpreters).
func TestBashFidelity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"exec missing stays", []string{"exec nosuch", "echo st=$?"}, "-bash: exec: nosuch: not found\nst=127\n"},
		{"exec missing path stays", []string{"exec /nope/x", "echo st=$?"}, "-bash: /nope/x: No such file or directory\nst=127\n"},
		{"exec missing in script exits", []string{"printf 'exec nosuch\\necho after\\n' > /tmp/x.sh", "bash /tmp/x.sh; echo st=$?"}, "/tmp/x.sh: line 1: exec: nosuch: not found\nst=127\n"},
		{"pipestatus simple", []string{"false; echo ${PIPESTATUS[@]}"}, "1\n"},
		{"pipestatus assign", []string{"false | true", "x=1; echo ${PIPESTATUS[@]}"}, "0\n"},
		{"pipestatus pipeline", []string{"false | true; echo ${PIPESTATUS[@]}"}, "1 0\n"},
		{"pipestatus negated", []string{"! false; echo ${PIPESTATUS[@]} $?"}, "1 0\n"},
		{"pipestatus subshell", []string{"(exit 3); echo ${PIPESTATUS[@]}"}, "3\n"},
		{"dot glob", []string{"mkdir /tmp/g; cd /tmp/g; : > .hid; : > vis", "echo .*", "echo .?", "echo *"}, ". .. .hid\n..\nvis\n"},
		{"dot glob dir", []string{"mkdir -p /tmp/h/d; : > /tmp/h/.x", "echo /tmp/h/.*"}, "/tmp/h/. /tmp/h/.. /tmp/h/.x\n"},
		{"bad interpreter", []string{"printf '#!/bin/nosh\\necho hi\\n' > /tmp/bi.sh; chmod +x /tmp/bi.sh; cd /tmp", "./bi.sh; echo st=$?"},
			"-bash: ./bi.sh: /bin/nosh: bad interpreter: No such file or directory\nst=126\n"},
		{"bad interpreter on PATH", []string{"printf '#!/bin/nosh\\n' > /usr/local/bin/bi; chmod +x /usr/local/bin/bi", "bi"},
			"-bash: /usr/local/bin/bi: /bin/nosh: bad interpreter: No such file or directory\n"},
		{"crlf interpreter", []string{"printf '#!/bin/bash\\r\\necho hi\\r\\n' > /tmp/crlf.sh; chmod +x /tmp/crlf.sh", "/tmp/crlf.sh; echo st=$?"},
			"-bash: /tmp/crlf.sh: /bin/bash^M: bad interpreter: No such file or directory\nst=126\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := session(t, testKernel(t), tt.lines...)
			if got != tt.want {
				t.Errorf("%s = %q; want %q", strings.Join(tt.lines, " ⏎ "), got, tt.want)
			}
		})
	}
}
