package shell

import (
	"os"
	"testing"
)

// TestXtrace runs scripts with bash -x and checks each trace line as
// bash 3.2 prints it: words quoted only when needed, PS4's first
// character repeated per level of `. FILE`, eval and $(...).
func TestXtrace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, script, want string
	}{
		{"test brackets are quoted", `[ -z "" ]`, "+ '[' -z '' ']'\n"},
		{"a word with a blank", `echo "a b"`, "+ echo 'a b'\na b\n"},
		{"an apostrophe", `echo it\'s`, "+ echo 'it'\\''s'\nit's\n"},
		{"plain words and an empty one", `echo -n a-b/c.d "" x=y`, "+ echo -n a-b/c.d '' x=y\na-b/c.d  x=y"},
		{"special characters", `echo '*' '~x' 'a~b' '#x' 'a#b' 'a=~' '$x' 'a|b'`,
			"+ echo '*' '~x' a~b '#x' a#b 'a=~' '$x' 'a|b'\n* ~x a~b #x a#b a=~ $x a|b\n"},
		{"unprintable bytes", `echo $'a\001b' é >/dev/null`, "+ echo $'a\\001b' $'\\303\\251'\n"},
		{"assignments", "x=1\ny=\"\"\nz=\"a b\"\nw=$'\\t'", "+ x=1\n+ y=\n+ z='a b'\n+ w='\t'\n"},
		{"a bare name= prints its line", "y=\necho $y.", "+ y=\n+ echo .\n.\n"},
		{"a for loop traces its commands only", "for i in 1 2; do echo $i; done", "+ echo 1\n1\n+ echo 2\n2\n"},
		{"break", "for i in 1 2; do break; done", "+ break\n"},
		{"a function and its commands", "f() { echo in $1; }\nf a", "+ f a\n+ echo in a\nin a\n"},
		{"command substitution is one level down", "z=$(echo hi)\necho $z", "++ echo hi\n+ z=hi\n+ echo hi\nhi\n"},
		{"a sourced file is one level down", ". /tmp/lib\nlibf", "+ . /tmp/lib\n++ v=1\n++ echo lib\nlib\n+ libf\n+ echo libf\nlibf\n"},
		{"eval is one level down", "eval 'echo ev'", "+ eval 'echo ev'\n++ echo ev\nev\n"},
		{"case runs no traced helper", "case a in a) echo A;; esac", "+ echo A\nA\n"},
		{"pipelines trace each member", "true | true", "+ true\n+ true\n"},
		{"a redirected command still traces", "echo r >/dev/null 2>&1", "+ echo r\n"},
		{"a captured 2>&1 holds no trace", "a=$(echo x 2>&1)\necho \"$a\"", "++ echo x\n+ a=x\n+ echo x\nx\n"},
		{"PS4 sets the prefix", "PS4='> '\necho p\nunset PS4\necho q",
			"+ PS4='> '\n> echo p\np\n> unset PS4\necho q\nq\n"},
		{"PS4 is expanded", "PS4='+$LINENO: '\necho a\n\necho b", "+ PS4='+$LINENO: '\n+2: echo a\na\n+4: echo b\nb\n"},
		{"set +x is the last line", "set +x\necho quiet", "+ set +x\nquiet\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := testKernel(t)
			for name, content := range map[string]string{
				"/tmp/t":   tt.script + "\n",
				"/tmp/lib": "v=1\necho lib\nlibf() { echo libf; }\n",
			} {
				f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
				if err != nil {
					t.Fatal(err)
				}
				f.Write([]byte(content))
				f.Close()
			}
			if got := session(t, k, "bash -x /tmp/t 2>&1"); got != tt.want {
				t.Errorf("bash -x %q = %q; want %q", tt.script, got, tt.want)
			}
		})
	}
}

// TestSetX turns tracing on and off at the prompt.
func TestSetX(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"set -x", "echo hi", "set +x", "echo quiet"}, "+ echo hi\nhi\n+ set +x\nquiet\n"},
		{[]string{"set -o xtrace; [ -n x ] && echo yes; set +o xtrace"}, "+ '[' -n x ']'\n+ echo yes\nyes\n+ set +o xtrace\n"},
		{[]string{"set -x; (echo sub); x=$(echo in)"}, "+ echo sub\nsub\n++ echo in\n+ x=in\n"},
		{[]string{"echo $(set -x; echo in)"}, "++ echo in\nin\n"},
		{[]string{"set -x; cd /nonexistent 2>/dev/null; echo $?"}, "+ cd /nonexistent\n+ echo 1\n1\n"},
		{[]string{"set -x; bash -c 'echo child'"}, "+ bash -c 'echo child'\nchild\n"},
		{[]string{"set -x; bash -xc 'echo child'"}, "+ bash -xc 'echo child'\n+ echo child\nchild\n"},
	}
	for _, tt := range tests {
		if got := session(t, testKernel(t), tt.lines...); got != tt.want {
			t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
		}
	}
}
