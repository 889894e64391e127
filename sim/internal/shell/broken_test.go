package shell

import (
	"strings"
	"testing"
)

// TestBrokenScript: a script that does not parse runs its commands up to
// the bad one, then reports the error with its line (and the offending
// line for a bad token), as bash 3.2 reading a script command by command.
func TestBrokenScript(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, run, want string
	}{
		{"token", "echo start\nif true; then\n  echo x\nfi fi\necho never\n", "bash /tmp/s.sh; echo st=$?",
			"start\n/tmp/s.sh: line 4: syntax error near unexpected token `fi'\n/tmp/s.sh: line 4: `fi fi'\nst=2\n"},
		{"same line", "echo a\necho b; fi\n", "bash /tmp/s.sh",
			"a\n/tmp/s.sh: line 2: syntax error near unexpected token `fi'\n/tmp/s.sh: line 2: `echo b; fi'\n"},
		{"eof in loop", "for i in 1 2\ndo\n echo $i\n", "bash /tmp/s.sh; echo st=$?",
			"/tmp/s.sh: line 4: syntax error: unexpected end of file\nst=2\n"},
		{"eof no newline", "echo a\nif true", "bash /tmp/s.sh",
			"a\n/tmp/s.sh: line 3: syntax error: unexpected end of file\n"},
		{"quote", "echo one\necho \"abc\n", "bash /tmp/s.sh",
			"one\n/tmp/s.sh: line 2: unexpected EOF while looking for matching `\"'\n/tmp/s.sh: line 3: syntax error: unexpected end of file\n"},
		{"subst", "echo $(ls\n", "bash /tmp/s.sh",
			"/tmp/s.sh: line 1: unexpected EOF while looking for matching `)'\n/tmp/s.sh: line 2: syntax error: unexpected end of file\n"},
		{"missing then", "if [ 1 = 1 ]\n echo x\nfi\n", "bash /tmp/s.sh",
			"/tmp/s.sh: line 3: syntax error near unexpected token `fi'\n/tmp/s.sh: line 3: `fi'\n"},
		{"newline token", "echo a\nfoo(\n", "bash /tmp/s.sh",
			"a\n/tmp/s.sh: line 2: syntax error near unexpected token `newline'\n/tmp/s.sh: line 2: `foo('\n"},
		{"exec'd", "echo start\nfi\n", "/tmp/s.sh; echo st=$?",
			"start\n/tmp/s.sh: line 2: syntax error near unexpected token `fi'\n/tmp/s.sh: line 2: `fi'\nst=2\n"},
		{"exit trap", "trap 'echo bye' EXIT\nfi\n", "bash /tmp/s.sh",
			"/tmp/s.sh: line 2: syntax error near unexpected token `fi'\n/tmp/s.sh: line 2: `fi'\nbye\n"},
		{"exit first", "exit 4\nfi\n", "bash /tmp/s.sh; echo st=$?", "st=4\n"},
		{"noexec", "echo start\nfi\n", "bash -n /tmp/s.sh; echo st=$?",
			"/tmp/s.sh: line 2: syntax error near unexpected token `fi'\n/tmp/s.sh: line 2: `fi'\nst=2\n"},
		{"-c", "", "bash -c 'echo a; fi'; echo st=$?",
			"bash: -c: line 0: syntax error near unexpected token `fi'\nbash: -c: line 0: `echo a; fi'\nst=2\n"},
		{"-c two lines", "", "bash -c 'echo a\nfi'",
			"a\nbash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `fi'\n"},
		{"-c eof", "", "bash -c 'if true'",
			"bash: -c: line 1: syntax error: unexpected end of file\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := testKernel(t)
			write := "printf %s '" + strings.ReplaceAll(tt.src, "'", `'\''`) + "' > /tmp/s.sh; chmod +x /tmp/s.sh"
			got := session(t, k, write, tt.run)
			if got != tt.want {
				t.Errorf("%q run by %s = %q; want %q", tt.src, tt.run, got, tt.want)
			}
		})
	}
}
