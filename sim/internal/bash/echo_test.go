package bash

import (
	"errors"
	"strings"
	"testing"
)

func TestEchoBuiltin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{nil, "\n"},
		{[]string{"a", "b"}, "a b\n"},
		{[]string{"a", "", "b"}, "a  b\n"},
		{[]string{"-n", "a"}, "a"},
		{[]string{"-n"}, ""},
		{[]string{"-n", "-n", "a"}, "a"},
		{[]string{"a", "-n"}, "a -n\n"},
		{[]string{`a\tb`}, `a\tb` + "\n"},
		{[]string{"-e", `a\tb`}, "a\tb\n"},
		{[]string{"-en", `\033[60G`}, "\033[60G"}, // Red Hat's functions
		{[]string{"-ne", `a\n`}, "a\n"},
		{[]string{"-eE", `a\tb`}, `a\tb` + "\n"},
		{[]string{"-Ee", `a\tb`}, "a\tb\n"},
		{[]string{"-e", "-E", `a\tb`}, `a\tb` + "\n"},
		{[]string{"-nx", "a"}, "-nx a\n"},
		{[]string{"-", "a"}, "- a\n"},
		{[]string{"--", "a"}, "-- a\n"},
		{[]string{"-e", "-", `\t`}, "- \t\n"},
		{[]string{"-N", "a"}, "-N a\n"},
		{[]string{"-e"}, "\n"},
		{[]string{"-e", "", "x"}, " x\n"},
		// \c ends all output, the newline included.
		{[]string{"-e", `a\cb`, "c"}, "a"},
		{[]string{"-n", "-e", `x\c`, "y"}, "x"},
		{[]string{`a\cb`}, `a\cb` + "\n"},
		// Escapes: \0nnn only for octal, \xHH, the rest kept.
		{[]string{"-e", `\a\b\e\E\f\n\r\t\v\\`}, "\a\b\033\033\f\n\r\t\v\\\n"},
		{[]string{"-e", `\0101\101\x41`}, "A\\101A\n"},
		{[]string{"-e", `\0`}, "\x00\n"},
		{[]string{"-e", `\08`}, "\x008\n"},
		{[]string{"-e", `\01017`}, "A7\n"},
		{[]string{"-e", `\0777`}, "\xff\n"},
		{[]string{"-e", `\x4\xg\x414`}, "\x04\\xgA4\n"},
		{[]string{"-e", `\xFf`}, "\xff\n"},
		{[]string{"-e", `\'\"\?\q\1`}, `\'\"\?\q\1` + "\n"},
		{[]string{"-e", `end\`}, `end\` + "\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if st := echoBuiltin(&b, tt.args); st != 0 || b.String() != tt.want {
			t.Errorf("echoBuiltin(%q) = %d, %q; want 0, %q", tt.args, st, b.String(), tt.want)
		}
	}
}

// failWriter fails every write, as a closed pipe does.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("broken pipe")
}

func TestEchoBuiltinWrites(t *testing.T) {
	t.Parallel()
	w := &failWriter{}
	if st := echoBuiltin(w, []string{"a", "b", "c"}); st != 1 || w.n != 1 {
		t.Errorf("echoBuiltin(failing writer) = %d after %d writes; want 1 after 1", st, w.n)
	}
	w = &failWriter{}
	if st := echoBuiltin(w, []string{"-n", ""}); st != 0 || w.n != 0 {
		t.Errorf("echoBuiltin(-n '') = %d after %d writes; want 0 after 0", st, w.n)
	}
	if st := echoBuiltin(nil, []string{"x"}); st != 0 {
		t.Errorf("echoBuiltin(nil writer) = %d; want 0", st)
	}
}

func BenchmarkEchoBuiltin(b *testing.B) {
	var sb strings.Builder
	for b.Loop() {
		sb.Reset()
		echoBuiltin(&sb, []string{"-en", `\033[60G`})
		echoBuiltin(&sb, []string{"Starting", "httpd:", ""})
	}
}
