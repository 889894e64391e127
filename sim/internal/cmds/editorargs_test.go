package cmds

import (
	"strings"
	"testing"
)

func TestEditorArgs(t *testing.T) {
	t.Parallel()
	// The options of this table: -x alone, -a with an argument.
	opt := func(a string) (isOpt, takesArg bool) {
		switch a {
		case "-x":
			return true, false
		case "-a":
			return true, true
		}
		return false, false
	}
	for _, c := range []struct{ in, want string }{
		{"f", "f"},
		{"f g", "f"},
		{"-x f", "f"},
		{"-a f g", "g"},
		{"-a", ""},
		{"-z f", "f"},
		{"- f", "-"},
		{"-- -x", "-x"},
		{"f -- g", "f"},
		{"--", ""},
		{"", ""},
	} {
		if got := editorArgs(strings.Fields(c.in), opt); got != c.want {
			t.Errorf("editorArgs(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
