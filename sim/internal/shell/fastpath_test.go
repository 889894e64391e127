package shell

import (
	"os"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// TestCaseSameAtPromptAndInEval runs each case snippet typed at the
// prompt and through eval (which parses its text anew, at a deeper
// level); the outputs must agree.
func TestCaseSameAtPromptAndInEval(t *testing.T) {
	t.Parallel()
	snippets := []string{
		`case start in start) echo s;; stop) echo t;; esac; echo $?`,
		`case stop in start) echo s;; stop) echo t;; *) echo other;; esac`,
		`case zzz in start) echo s;; esac; echo none=$?`,
		`false; case a in a) echo in=$?;; esac; echo out=$?`,
		`(exit 7); case b in a) ;; b) echo in=$?;; esac`,
		`(exit 7); case a in a) ;; esac; echo empty=$?`,
		`case a in a) false;; esac; echo st=$?`,
		`case x.bak in *~|*.bak|*.orig) echo ignored;; esac`,
		`case x.rpmnew in *~ | *.bak | *.orig | *.rpmnew) echo ignored;; *) echo kept;; esac`,
		`case Yes in [yY]|[yY][eE][sS]) echo yes;; esac`,
		`case 'a*b' in 'a*b') echo quoted;; a*) echo glob;; esac`,
		`case axb in 'a*b') echo quoted;; a*) echo glob;; esac`,
		`case "a b" in "a b") echo spaced;; esac`,
		`v="a b"; case $v in a\ b) echo esc;; *) echo no;; esac`,
		`v='*'; case $v in \*) echo star;; esac`,
		`case -p in -p) echo p;; -d) echo d;; esac`,
		`case --pidfile=/x in --check=?*) echo c;; --pidfile=?*) echo p;; -*|+*|'') echo bad;; *) echo other;; esac`,
		`case '' in '') echo empty;; *) echo other;; esac`,
		`case $(echo hi) in hi) echo subst;; esac`,
		`case $((1+2)) in 3) echo arith;; esac`,
		`set -- one; case "$1" in one) echo first;; esac`,
		`case x in x) echo a; echo b;; esac > /tmp/case.out; cat /tmp/case.out`,
		`! case x in x) true;; esac; echo neg=$?`,
		`f() { case $1 in a) return 3;; b) return 0;; esac; echo after; return 5; }; f a; echo $?; f b; echo $?; f c; echo $?`,
		`for w in a b c; do case $w in b) continue;; esac; echo $w; done`,
		`for w in a b c; do case $w in b) break;; esac; echo $w; done`,
		`case a in a) case b in b) echo nested;; esac; echo outer=$?;; esac`,
		`g() { case $1 in 0) echo base;; *) g $(($1-1)); echo up $1;; esac; }; g 2`,
		`echo x | { read v; case $v in x) echo piped;; esac; }`,
		`case a in a) echo one;; a) echo two;; esac`,
		`case a in [) echo bad;; a) echo good;; esac`,
		`(set -e; case a in a) false; echo not here;; esac; echo nor here); echo sub=$?`,
		`(set -e; case a in a) false || true; echo here;; esac); echo sub=$?`,
		`(case a in a) exit 4;; esac; echo no); echo exit=$?`,
		`case a in (a) echo paren;; esac`,
	}
	k := testKernel(t)
	for _, src := range snippets {
		q, err := syntax.Quote(src, syntax.LangBash)
		if err != nil {
			t.Fatal(err)
		}
		typed := session(t, k, src)
		evaled := session(t, k, "builtin eval "+q)
		if typed != evaled {
			t.Errorf("%s\ntyped: %q\neval:  %q", src, typed, evaled)
		}
	}
}

func TestNestedSourceAndEval(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"/tmp/vars.sh":   "A=1\nfor x in 1 2; do B=$B$x; done\nif true; then . /tmp/inner.sh; fi\n",
		"/tmp/inner.sh":  "C=inner\n",
		"/tmp/ret.sh":    "R=before\nreturn 3\nR=after\n",
		"/tmp/exit.sh":   "exit 6\n",
		"/tmp/zero.sh":   "echo zero=$0\n",
		"/tmp/script.sh": "#!/bin/bash\nif true; then . /tmp/zero.sh; fi\necho end=$0\n",
	}
	k := testKernel(t)
	for name, content := range files {
		f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(content))
		f.Close()
	}
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"if true; then . /tmp/vars.sh; fi; echo $A $B $C"}, "1 12 inner\n"},
		{[]string{"if true; then . /tmp/ret.sh; echo st=$? R=$R; fi"}, "st=3 R=before\n"},
		{[]string{"f() { local L=1; . /tmp/inner.sh; echo $C $L; }; f; echo $C"}, "inner 1\ninner\n"},
		{[]string{"/tmp/script.sh"}, "zero=/tmp/script.sh\nend=/tmp/script.sh\n"},
		{[]string{"bash -c 'if true; then . /tmp/exit.sh; fi; echo no'; echo st=$?"}, "st=6\n"},
		{[]string{"for v in x y; do eval \"val_$v=\\$v\"; done; echo $val_x $val_y"}, "x y\n"},
		{[]string{"f() { eval 'return 4'; echo no; }; f; echo $?"}, "4\n"},
		{[]string{"eval 'false'; echo $?", "eval 'exit 0; echo no'"}, "1\n"},
		{[]string{"eval 'echo $(( 1 + 2 ))' | cat"}, "3\n"},
		{[]string{"bash -c 'trap \"echo bye\" EXIT; if true; then . /tmp/inner.sh; fi; echo $C'"}, "inner\nbye\n"},
		{[]string{"bash -c 'trap \"echo bye\" EXIT; . /tmp/inner.sh; echo $C'"}, "inner\nbye\n"},
	}
	for _, tt := range tests {
		if got := session(t, k, tt.lines...); got != tt.want {
			t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
		}
	}
}

// TestStripSameAtPromptEvalAndScript runs each ${x#p} snippet typed at
// the prompt, through eval and in a bash -c script (whose messages carry
// a line number); the outputs must agree.
func TestStripSameAtPromptEvalAndScript(t *testing.T) {
	t.Parallel()
	snippets := []string{
		`s=/etc/rc3.d/K15httpd; r=3; x=${s#/etc/rc$r.d/K??}; echo "$x"`,
		`s=/a/b/c.tar.gz; x=${s##*/}; y=${s%.*}; z=${s%%.*}; w=${s#*/}; echo "$x $y $z $w"`,
		`set -- /usr/sbin/httpd -k; b=${1##*/}; echo $b`,
		`s=a*b; x=${s#"a*"}; y=${s#a\*}; z=${s#'a*'}; echo "$x $y $z"`,
		`s=abcabc; p=b; x=${s#*$p}; y=${s##*"$p"}; echo $x $y`,
		`s=x; x=${s#[}; echo "[$x]"`,
		`x=${nosuch#a}; echo "[$x]"`,
		`readonly ro=1; s=ab; ro=${s#a}; echo $? $ro`,
		`export E=1; s=ab; E=${s#a}; env | grep ^E=`,
		`f() { local l=outer; s=ab; l=${s#a}; g=${s%b}; echo $l $g; }; f; echo "[$l] $g"`,
		`a=(x1 y1); b=${a#x}; echo $b`,
		`(set -u; x=${unset_var#a}; echo no); echo st=$?`,
		`for s in K10a K20bb; do n=${s#K??}; echo $n; done`,
		`s='it'"'"'s'; x=${s#i}; echo "$x"`,
		`s=/x; x=${s#~}; echo "$x"`,
	}
	k := testKernel(t)
	for _, src := range snippets {
		q, err := syntax.Quote(src, syntax.LangBash)
		if err != nil {
			t.Fatal(err)
		}
		typed := session(t, k, src)
		evaled := session(t, k, "builtin eval "+q)
		if typed != evaled {
			t.Errorf("%s\ntyped: %q\neval:  %q", src, typed, evaled)
		}
		// In a script (nested path) as well as at the prompt.
		script := strings.ReplaceAll(session(t, k, "bash -c "+q), "bash: line 1: ", "-bash: ")
		if script != evaled {
			t.Errorf("bash -c %s\nscript: %q\neval:   %q", src, script, evaled)
		}
	}
}

func TestDeclareFInSubshell(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k, "f() { echo top; }", "( g() { case $1 in a) echo a;; esac; }; declare -f g f )", "declare -f g; echo $?")
	want := "g () \n{ \n    case $1 in \n        a)\n            echo a\n        ;;\n    esac\n}\nf () \n{ \n    echo top\n}\n1\n"
	if got != want {
		t.Errorf("declare -f in a subshell = %q; want %q", got, want)
	}
}

func TestTrapTurnsNestingOff(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	f, err := k.FS.OpenFile("/tmp/t.sh", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("T=1\n"))
	f.Close()
	for _, set := range []string{"trap 'echo bye' EXIT", "builtin trap 'echo bye' EXIT", "command trap 'echo bye' EXIT", "eval \"trap 'echo bye' EXIT\""} {
		q, _ := syntax.Quote(set+"; if true; then . /tmp/t.sh; fi; eval 'U=2'; x=${T#1}; echo $T$U", syntax.LangBash)
		if got, want := session(t, k, "bash -c "+q), "12\nbye\n"; got != want {
			t.Errorf("%s: output %q; want %q", set, got, want)
		}
	}
}
