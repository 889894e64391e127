package bash

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

// TestScriptSyntaxMessage: parse errors of scripts worded as bash 3.2's
// non-interactive shell words them.
func TestScriptSyntaxMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src     string
		command bool
		want    string
	}{
		{"echo a\nfi\n", false, "s: line 2: syntax error near unexpected token `fi'\ns: line 2: `fi'\n"},
		{"echo a; fi", true, "s: line 0: syntax error near unexpected token `fi'\ns: line 0: `echo a; fi'\n"},
		{"if true\n", false, "s: line 2: syntax error: unexpected end of file\n"},
		{"echo 'x\n", false, "s: line 1: unexpected EOF while looking for matching `''\ns: line 2: syntax error: unexpected end of file\n"},
		{"x() (\n", false, "s: line 2: syntax error: unexpected end of file\n"},
		{"f(\n", false, "s: line 1: syntax error near unexpected token `newline'\ns: line 1: `f('\n"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.src, "s")
		if err == nil {
			t.Errorf("Parse(%q) succeeded", tt.src)
			continue
		}
		if got := ScriptSyntaxMessage("s", tt.src, tt.command, err); got != tt.want {
			t.Errorf("ScriptSyntaxMessage(%q) = %q; want %q", tt.src, got, tt.want)
		}
	}
}

// TestStmtsBefore: the commands bash runs before a syntax error are
// those on lines before the list holding it.
func TestStmtsBefore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want int
	}{
		{"echo a\necho b\nfi\n", 2},
		{"echo a\necho b; fi\n", 1},
		{"echo a; echo b\nif x; then\n:\nfi fi\n", 2},
		{"fi\n", 0},
		{"echo a # c\n\n  # d\nfi", 1},
	}
	for _, tt := range tests {
		_, err := Parse(tt.src, "s")
		if got := len(StmtsBefore(tt.src, err)); got != tt.want {
			t.Errorf("len(StmtsBefore(%q)) = %d; want %d", tt.src, got, tt.want)
		}
	}
}

// FuzzBrokenScript runs random text as a script that may not parse:
// the partial run, the message and the arithmetic quoting must never
// panic and always stop.
func FuzzBrokenScript(f *testing.F) {
	for _, s := range []string{
		"echo a\nfi fi\n", "for i in 1\ndo\n", "echo \"x\n", "echo $((1+)) $((4 $x 5))",
		"f(\n", "echo '$((1+))' $((", "((1.5)); a[$((1+))]=2", "$(( ( ))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		QuoteBadArith(src)
		file, err := Parse(src, "fuzz")
		if err == nil {
			_ = file
			return
		}
		ScriptSyntaxMessage("fuzz", src, false, err)
		var steps atomic.Int64
		var out strings.Builder
		cfg := testConfig(newMemFS(nil), &out)
		cfg.Step = func(context.Context) error {
			if steps.Add(1) > 300 {
				return errBudget
			}
			return nil
		}
		if _, rerr := New(cfg).RunBroken(context.Background(), src, false, err); rerr != nil && !errors.Is(rerr, errBudget) {
			t.Fatalf("RunBroken(%q): %v", src, rerr)
		}
	})
}
