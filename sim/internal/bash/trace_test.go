package bash

import "testing"

// TestXtrace checks set -x lines as bash 3.2 prints them.
func TestXtrace(t *testing.T) {
	t.Parallel()
	runTable(t, []scriptTest{
		{"brackets quoted", "set -x; [ -z \"\" ]", "+ '[' -z '' ']'\n", 0},
		{"blank", `set -x; echo "a b"`, "+ echo 'a b'\na b\n", 0},
		{"apostrophe", `set -x; echo it\'s`, "+ echo 'it'\\''s'\nit's\n", 0},
		{"special", `set -x; echo '*' '~x' 'a~b' '#x' 'a#b' 'a=~'`, "+ echo '*' '~x' a~b '#x' a#b 'a=~'\n* ~x a~b #x a#b a=~\n", 0},
		{"unprintable", `set -x; echo $'a\001b' >/dev/null`, "+ echo $'a\\001b'\n", 0},
		{"assignments", "set -x; x=1; y=\"\"; z=\"a b\"", "+ x=1\n+ y=\n+ z='a b'\n", 0},
		{"for", "set -x; for i in 1 2; do echo $i; done", "+ echo 1\n1\n+ echo 2\n2\n", 0},
		{"function", "f() { echo in $1; }; set -x; f a", "+ f a\n+ echo in a\nin a\n", 0},
		{"cmdsubst", "set -x; z=$(echo hi)", "++ echo hi\n+ z=hi\n", 0},
		{"source", "set -x; . /tmp/lib", "+ . /tmp/lib\n++ libvar=1\n++ return 3\n", 3},
		{"eval", "set -x; eval 'echo ev'", "+ eval 'echo ev'\n++ echo ev\nev\n", 0},
		{"ps4", "set -x; PS4='+$LINENO: '\necho a", "+ PS4='+$LINENO: '\n+2: echo a\na\n", 0},
		{"temp assign", "set -x; A=1 true", "+ A=1\n+ true\n", 0},
		{"declare", "set -x; local_x() { local v=1; }; local_x; export E=2", "+ local_x\n+ local v=1\n+ export E=2\n", 0},
		{"redirect goes to stderr before", "set -x; echo r 2>/dev/null", "+ echo r\nr\n", 0},
		{"set +x", "set -x; set +x; echo q", "+ set +x\nq\n", 0},
	})
}
