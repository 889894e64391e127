package shell

import "testing"

// TestBashOptions runs bash with the options students use to debug init
// scripts (bash -x, sh -n …) and with bad ones.
func TestBashOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want string
	}{
		{`bash -x -c 'echo hi' 2>&1`, "+ echo hi\nhi\n"},
		{`bash -xc 'echo a; echo b' 2>&1`, "+ echo a\na\n+ echo b\nb\n"},
		{`sh -c 'echo $0 $1' one two`, "one two\n"},
		{`bash -c 'f() { echo "$0" ${0##*/}; }; f' /a/b`, "/a/b b\n"},
		{`bash -e -c 'false; echo no'; echo $?`, "1\n"},
		{`bash +e -c 'false; echo yes'`, "yes\n"},
		{`bash -o errexit -c 'false; echo no'; echo $?`, "1\n"},
		{`bash -n -c 'echo not run'; echo $?`, "0\n"},
		{`bash --norc --login -c 'echo ok'`, "ok\n"},
		{`echo 'echo from stdin' | bash -s`, "from stdin\n"},
		{`bash -q 2>&1; echo $?`, "bash: -q: invalid option\nUsage:\tbash [GNU long option] [option] ...\n\tbash [GNU long option] [option] script-file ...\n2\n"},
		{`bash --bogus 2>&1 | head -1`, "bash: --bogus: invalid option\n"},
		{`bash -c 2>&1; echo $?`, "bash: -c: option requires an argument\n2\n"},
		{`bash -o 2>&1; echo $?`, "bash: -o: option requires an argument\n2\n"},
		// rclab's own helpers (case rewrites) never show in a trace.
		{`bash -x -c 'case a in a) echo A;; esac' 2>&1`, "+ echo A\nA\n"},
	}
	for _, tt := range tests {
		k := testKernel(t)
		if got := session(t, k, tt.line); got != tt.want {
			t.Errorf("session(%q) = %q; want %q", tt.line, got, tt.want)
		}
	}
}
