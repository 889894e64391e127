package bash

import "testing"

// TestArgBuffer runs builtins whose arguments live in the runner's
// reused buffer next to commands that keep theirs: nothing one command
// expands may change what another one holds.
func TestArgBuffer(t *testing.T) {
	t.Parallel()
	runTable(t, []scriptTest{
		{"function params survive builtins", `f() { echo a b c; [ x = x ]; echo "$@"; }; f 1 2 3`, "a b c\n1 2 3\n", 0},
		{"set keeps its words", `set -- p q r; echo x y z w; echo "$@"`, "x y z w\np q r\n", 0},
		{"eval inside a builtin line", `for i in 1 2; do eval 'echo in $i' "$(echo sub $i)"; echo out $i; done`, "in 1 sub 1\nout 1\nin 2 sub 2\nout 2\n", 0},
		{"command substitution while expanding", `echo a "$(echo b c d e f g h i j)" k`, "a b c d e f g h i j k\n", 0},
		{"source with arguments", `. /tmp/lib x y; echo "$# $libvar"; libf z`, "0 1\nlibf z\n", 0},
		{"many words grow the buffer", `echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; echo a`, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20\na\n", 0},
		{"shadowing function", `echo() { builtin echo "fn:$*"; }; echo a b; unset -f echo; echo c`, "fn:a b\nc\n", 0},
	})
}
