package cmds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// TestGrepTranslate checks the POSIX to Go translation of compilePOSIX.
func TestGrepTranslate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pat  string
		ere  bool
		want string // Go syntax, or the error text after "error: "
	}{
		// BRE operators and literals.
		{`abc`, false, `abc`},
		{`a\(b\)*c`, false, `a(b)*c`},
		{`a\{2,3\}`, false, `a{2,3}`},
		{`a\{2\}`, false, `a{2}`},
		{`a\{2,\}`, false, `a{2,}`},
		{`a\{,3\}`, false, `a{0,3}`},
		{`a\+b\?`, false, `a+b?`},
		{`a\|b`, false, `a|b`},
		{`a+?|(){}`, false, `a\+\?\|\(\)\{\}`},
		{`\+a`, false, `\+a`},
		// BRE context: * and anchors.
		{`*a`, false, `\*a`},
		{`\(*a\)`, false, `(\*a)`},
		{`^*`, false, `^\*`},
		{`a**`, false, `(?:a*)*`},
		{`^ab$`, false, `^ab$`},
		{`a^b$c`, false, `a\^b\$c`},
		{`\(^a$\)`, false, `(^a$)`},
		{`a\|^b`, false, `a|^b`},
		{`a$\|b`, false, `a$|b`},
		// ERE.
		{`(a|b)+`, true, `(a|b)+`},
		{`a{2}`, true, `a{2}`},
		{`a{1,}b?`, true, `a{1,}b?`},
		{`a{`, true, `a\{`},
		{`a{x}`, true, `a\{x\}`},
		{`*a`, true, `a`},
		{`a|*b`, true, `a|b`},
		{`\(\)\|`, true, `\(\)\|`},
		{`^*`, true, `(?:^)*`},
		{`a+*`, true, `(?:a+)*`},
		{`x$y`, true, `x$y`},
		{`()`, true, `()`},
		// Brackets.
		{`[[:space:]]*`, false, `[[:space:]]*`},
		{`[[:alpha:]_]+`, true, `[[:alpha:]\_]+`},
		{`[]a-]`, false, `[\]a\-]`},
		{`[^]a]`, false, `[^\]a]`},
		{`[a\]`, false, `[a\\]`},
		{`[a-z0-9]`, false, `[a-z0-9]`},
		{`[[.-.]x]`, false, `[\-x]`},
		{`[[=e=]]`, false, `[e]`},
		{`[é]`, false, `[é]`},
		{"[\t]", false, `[\x{9}]`},
		// Escapes.
		{`\.\*\[\\`, false, `\.\*\[\\`},
		{`\w\W\s\S`, false, `[0-9A-Za-z_][^0-9A-Za-z_][[:space:]][^[:space:]]`},
		{`\bx\B\<y\>`, false, `\bx\B\by\b`},
		{"\\`a\\'", false, `\Aa\z`},
		{`\n\t`, false, `nt`},
		{`.`, false, `.`},
		// Errors, worded as glibc's regerror.
		{`\1`, false, "error: back-references are not supported in rclab"},
		{`\(a\)\1`, false, "error: back-references are not supported in rclab"},
		{`(a)\1`, true, "error: back-references are not supported in rclab"},
		{`\(`, false, `error: Unmatched ( or \(`},
		{`a\)`, false, `error: Unmatched ) or \)`},
		{`a)`, true, `error: Unmatched ) or \)`},
		{`(a`, true, `error: Unmatched ( or \(`},
		{`[a`, false, `error: Unmatched [ or [^`},
		{`[]`, false, `error: Unmatched [ or [^`},
		{`[[:foo:]]`, false, `error: Invalid character class name`},
		{`[z-a]`, false, `error: Invalid range end`},
		{`a\{1`, false, `error: Unmatched \{`},
		{`a\{1,x\}`, false, `error: Invalid content of \{\}`},
		{`a\{3,1\}`, false, `error: Invalid content of \{\}`},
		{`a{3,1}`, true, `error: Invalid content of \{\}`},
		{`a{99999}`, true, `error: Invalid content of \{\}`},
		{`a{2000}`, true, `error: Regular expression too big`},
		{`\{1\}`, false, `error: Invalid preceding regular expression`},
		{`a\`, false, `error: Trailing backslash`},
		{`[[.ab.]]`, false, `error: Invalid collation character`},
	}
	for _, tt := range tests {
		got, err := posixTranslate(tt.pat, tt.ere, false)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("posixTranslate(%q, ere=%v) = %q; want %q", tt.pat, tt.ere, got, tt.want)
		}
		if err == nil {
			if _, err := compilePOSIX(tt.pat, tt.ere, false); err != nil {
				t.Errorf("compilePOSIX(%q, ere=%v) = %v; want success", tt.pat, tt.ere, err)
			}
		}
	}
}

// TestGrepCompilePOSIX checks what compiled patterns match: leftmost
// longest, groups numbered as in the pattern, newlines matched by . and
// negated brackets, anchors at the ends of the string only.
func TestGrepCompilePOSIX(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pat   string
		ere   bool
		icase bool
		in    string
		want  string // the match and its groups joined by "|", or "-" for none
	}{
		{`a*`, false, false, "baaa", ""},
		{`a\+`, false, false, "baaa", "aaa"},
		{`x*\(ab\|abcd\)`, false, false, "xabcd", "xabcd|abcd"},
		{`(a|ab)(c|bcd)`, true, false, "abcd", "abcd|a|bcd"},
		{`\([a-z]*\)=\(.*\)`, false, false, "key=val ue", "key=val ue|key|val ue"},
		{`^b`, false, false, "a\nb", "-"},
		{`a$`, false, false, "a\nb", "-"},
		{`a.b`, false, false, "a\nb", "a\nb"},
		{`a[^x]b`, false, false, "a\nb", "a\nb"},
		{`HELLO`, false, true, "say hello", "hello"},
		{`[[:upper:]]+`, true, false, "abCDe", "CD"},
		{`[[:digit:]]\{3\}`, false, false, "ab1234", "123"},
		{`a|b`, false, false, "a|b", "a|b"},
		{`a+`, false, false, "aa+", "a+"},
		{`\<the\>`, false, false, "other the", "the"},
		{`[.]`, false, false, "a.b", "."},
		{`-x`, true, false, "a-x", "-x"},
	}
	for _, tt := range tests {
		re, err := compilePOSIX(tt.pat, tt.ere, tt.icase)
		if err != nil {
			t.Errorf("compilePOSIX(%q) = %v", tt.pat, err)
			continue
		}
		got := "-"
		if m := re.FindStringSubmatch(tt.in); m != nil {
			got = strings.Join(m, "|")
		}
		if got != tt.want {
			t.Errorf("compilePOSIX(%q, ere=%v, icase=%v) on %q = %q; want %q", tt.pat, tt.ere, tt.icase, tt.in, got, tt.want)
		}
	}
	if _, err := compilePOSIX(`\(x\)\2`, false, false); !errors.Is(err, errPOSIXBackref) {
		t.Errorf("compilePOSIX(`\\(x\\)\\2`) = %v; want errPOSIXBackref", err)
	}
}

// grepFiles is the machine the grep tests search.
var grepFiles = map[string]string{
	"/etc/passwd":             "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nsshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\n",
	"/etc/ssh/sshd_config":    "#Port 22\n#PermitRootLogin yes\nPermitRootLogin no\nUsePAM yes\n",
	"/etc/ssh/ssh_config":     "Host *\n",
	"/etc/rc.d/init.d/sshd":   "#!/bin/bash\n# chkconfig: 2345 55 25\nstart() {\n  echo sshd\n}\n",
	"/etc/rc.d/rc3.d/S55sshd": "->../init.d/sshd",
	"/etc/init.d":             "->rc.d/init.d",
	"/bin/ls":                 "\x7fELF\x00\x01 PermitRootLogin\n",
	"/root/nums":              "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n",
	"/root/words":             "foo bar\nfoobar\nbar_foo baz\nFoo\n(foo)\n",
	"/root/nonl":              "alpha\nbeta",
	"/root/dir/a.conf":        "x=1\n",
	"/root/dir/b.txt":         "x=2\n",
	"/root/pats":              "two\nnine\n",
	"/root/empty":             "",
	"/root/loop/self":         "->.",
}

func TestGrep(t *testing.T) {
	t.Parallel()
	txtRunCases(t, grepFiles, []txtCase{
		// Basics and exit codes.
		{in: "grep root /etc/passwd", want: "root:x:0:0:root:/root:/bin/bash\n"},
		{in: "grep nothing /etc/passwd", status: 1},
		{in: "grep root nope", wantErr: "grep: nope: No such file or directory\n", status: 2},
		{in: "grep -s root nope", status: 2},
		{in: "grep root nope /etc/passwd", want: "/etc/passwd:root:x:0:0:root:/root:/bin/bash\n", wantErr: "grep: nope: No such file or directory\n", status: 2},
		{in: "grep -q root nope /etc/passwd", wantErr: "grep: nope: No such file or directory\n"},
		{in: "grep", wantErr: "Usage: grep [OPTION]... PATTERN [FILE]...\nTry `grep --help' for more information.\n", status: 2},
		{in: "grep -k x", wantErr: "grep: invalid option -- k\nUsage: grep [OPTION]... PATTERN [FILE]...\nTry `grep --help' for more information.\n", status: 2},
		{in: "grep -E -F x", wantErr: "grep: conflicting matchers specified\n", status: 2},
		{in: "grep -A x y", wantErr: "grep: x: invalid context length argument\n", status: 2},
		{in: "grep '\\(' nums", wantErr: "grep: Unmatched ( or \\(\n", status: 2},
		{in: "grep '\\(o\\)\\1' nums", wantErr: "grep: back-references are not supported in rclab\n", status: 2},
		{in: "grep --version", want: "grep (GNU grep) 2.5.1\n\nCopyright 1988, 1992-1999, 2000, 2001 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions. There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n"},
		// Standard input.
		{in: "grep b", stdin: "a\nb\nab\n", want: "b\nab\n"},
		{in: "grep -c b -", stdin: "a\nb\nab\n", want: "2\n"},
		{in: "grep -H b", stdin: "b\n", want: "(standard input):b\n"},
		{in: "grep --label=in -H b", stdin: "b\n", want: "in:b\n"},
		{in: "grep -q b", stdin: "a\nb\n"},
		{in: "grep x", stdin: "x\x00y\n", want: "Binary file (standard input) matches\n"},
		// Selection options.
		{in: "grep -v e nums", want: "two\nfour\nsix\n"},
		{in: "grep -i FOO words", want: "foo bar\nfoobar\nbar_foo baz\nFoo\n(foo)\n"},
		{in: "grep -w foo words", want: "foo bar\n(foo)\n"},
		{in: "grep -wi foo words", want: "foo bar\nFoo\n(foo)\n"},
		{in: "grep -x foobar words", want: "foobar\n"},
		{in: "grep -x -e Foo -e nothing words", want: "Foo\n"},
		{in: "grep -e one -e ten nums", want: "one\nten\n"},
		{in: "grep -f pats nums", want: "two\nnine\n"},
		{in: "grep -f empty nums", status: 1},
		{in: "grep -v -f empty nonl", want: "alpha\nbeta\n"},
		{in: "grep -f nope nums", wantErr: "grep: nope: No such file or directory\n", status: 2},
		{in: "grep -F '(foo)' words", want: "(foo)\n"},
		{in: "grep -F 'a.b' words", status: 1},
		{in: "fgrep '*' /etc/ssh/ssh_config", want: "Host *\n"},
		{in: "grep 'fo\\+' words", want: "foo bar\nfoobar\nbar_foo baz\n(foo)\n"},
		{in: "grep 'o+' words", status: 1},
		{in: "grep -E '^(one|two)$' nums", want: "one\ntwo\n"},
		{in: "egrep 't(wo|en)' nums", want: "two\nten\n"},
		{in: "grep 'e\\{2\\}' nums", want: "three\n"},
		{in: "grep '[[:space:]]' words", want: "foo bar\nbar_foo baz\n"},
		{in: "grep '^#' /etc/ssh/sshd_config", want: "#Port 22\n#PermitRootLogin yes\n"},
		{in: "grep -v '^#' /etc/ssh/sshd_config", want: "PermitRootLogin no\nUsePAM yes\n"},
		{in: "grep '' nonl", want: "alpha\nbeta\n"},
		{in: "grep -c '' nonl", want: "2\n"},
		{in: "grep '^$' nums", status: 1},
		// Output options.
		{in: "grep -n t nums", want: "2:two\n3:three\n8:eight\n10:ten\n"},
		{in: "grep -b t nums", want: "4:two\n8:three\n34:eight\n45:ten\n"},
		{in: "grep -c e nums /etc/ssh/ssh_config", want: "nums:7\n/etc/ssh/ssh_config:0\n"},
		{in: "grep -l e nums /etc/ssh/ssh_config words", want: "nums\n"},
		{in: "grep -L e nums /etc/ssh/ssh_config words", want: "/etc/ssh/ssh_config\nwords\n"},
		{in: "grep -lc e nums", want: "nums\n"},
		{in: "grep -h e nums nonl", want: "one\nthree\nfive\nseven\neight\nnine\nten\nbeta\n"},
		{in: "grep -H two nums", want: "nums:two\n"},
		{in: "grep -o 'o[a-z]' words", want: "oo\noo\noo\noo\noo\n"},
		{in: "grep -on 'ba.' words", want: "1:bar\n2:bar\n3:bar\n3:baz\n"},
		{in: "grep -ow foo words", want: "foo\nfoo\n"},
		{in: "grep -m 2 e nums", want: "one\nthree\n"},
		{in: "grep -m 1 -A 1 e nums", want: "one\ntwo\n"},
		{in: "grep -m 0 e nums", status: 1},
		{in: "grep -m 1 -c e nums", want: "1\n"},
		{in: "grep --color=always 'o*b' words", want: "foo \033[01;31mb\033[00mar\n" + "f\033[01;31moob\033[00mar\n" + "\033[01;31mb\033[00mar_foo \033[01;31mb\033[00maz\n"},
		{in: "grep --color=always -o oo words", want: strings.Repeat("\033[01;31moo\033[00m\n", 5)},
		{in: "grep --color=auto foo words", want: "foo bar\nfoobar\nbar_foo baz\n(foo)\n"},
		// Context.
		{in: "grep -C1 five nums", want: "four\nfive\nsix\n"},
		{in: "grep -n -A1 -e three -e seven nums", want: "3:three\n4-four\n--\n7:seven\n8-eight\n"},
		{in: "grep -B2 -n six nums", want: "4-four\n5-five\n6:six\n"},
		{in: "grep -A1 -e two -e three nums", want: "two\nthree\nfour\n"},
		{in: "grep -1 -e one -e ten nums", want: "one\ntwo\n--\nnine\nten\n"},
		{in: "grep -C1 -c e nums", want: "7\n"},
		{in: "grep -A1 -H five nums nonl", want: "nums:five\nnums-six\n"},
		{in: "grep -B1 -e two -e beta nums nonl", want: "nums-one\nnums:two\n--\nnonl-alpha\nnonl:beta\n"},
		{in: "grep -v -A1 e nums", want: "two\nthree\nfour\nfive\nsix\nseven\n"},
		// Directories and recursion.
		{in: "grep x dir", status: 1},
		{in: "grep -c x dir", want: "0\n", status: 1},
		{in: "grep -r x dir", want: "dir/a.conf:x=1\ndir/b.txt:x=2\n"},
		{in: "grep -r x dir/", want: "dir/a.conf:x=1\ndir/b.txt:x=2\n"},
		{in: "grep -rh x dir", want: "x=1\nx=2\n"},
		{in: "grep -r --include=*.conf x dir", want: "dir/a.conf:x=1\n"},
		{in: "grep -r --exclude=*.conf x dir", want: "dir/b.txt:x=2\n"},
		{in: "grep -r x dir/a.conf", want: "x=1\n"},
		{in: "grep -r PermitRootLogin /etc", want: "/etc/ssh/sshd_config:#PermitRootLogin yes\n/etc/ssh/sshd_config:PermitRootLogin no\n"},
		{in: "grep -r sshd /etc/rc.d", want: "/etc/rc.d/init.d/sshd:  echo sshd\n"},
		{in: "grep -R sshd /etc/rc.d", want: "/etc/rc.d/init.d/sshd:  echo sshd\n/etc/rc.d/rc3.d/S55sshd:  echo sshd\n"},
		{in: "grep -rl chkconfig /etc", want: "/etc/rc.d/init.d/sshd\n"},
		{in: "grep -r chkconfig /etc/init.d", want: "/etc/init.d/sshd:# chkconfig: 2345 55 25\n"},
		{in: "grep -r PermitRootLogin /bin", want: "Binary file /bin/ls matches\n"},
		{in: "grep -rc PermitRootLogin /bin", want: "/bin/ls:1\n"},
		{in: "grep -a ELF /bin/ls", want: "\x7fELF\x00\x01 PermitRootLogin\n"},
		{in: "grep -I ELF /bin/ls", status: 1},
		{in: "grep -R x loop", wantErr: "grep: warning: loop/self: recursive directory loop\n", status: 1},
		{in: "grep -r nothing nope", wantErr: "grep: nope: No such file or directory\n", status: 2},
		{in: "grep -d skip x= dir nums", status: 1},
	})
}

// BenchmarkGrepR runs grep -r PermitRootLogin /etc over about 400 files
// and 600 KB, the size of a CentOS 5 /etc.
func BenchmarkGrepR(b *testing.B) {
	files := map[string]string{}
	line := "# A configuration line, as long as the ones in /etc tend to be.\n"
	for i := 0; i < 400; i++ {
		body := strings.Repeat(line, 23)
		if i%50 == 7 {
			body += "PermitRootLogin no\n"
		}
		files[fmt.Sprintf("/etc/d%02d/f%03d.conf", i%40, i)] = body
	}
	k := testKernel(b, files)
	b.ReportAllocs()
	b.SetBytes(400 * int64(23*len(line)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, _, st := runCmd(b, k, "grep -r PermitRootLogin /etc", "")
		if st != 0 || strings.Count(out, "\n") != 8 {
			b.Fatalf("grep -r = %d, %q", st, out)
		}
	}
}

// TestGrepStream checks that grep gives the same output when standard
// input arrives one byte at a time, and stops reading an endless input
// once -m or -q is satisfied.
func TestGrepStream(t *testing.T) {
	t.Parallel()
	k := testKernel(t, nil)
	input := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten"
	for _, args := range [][]string{
		{"grep", "e"}, {"grep", "-n", "-B2", "-A1", "-e", "four", "-e", "nine"},
		{"grep", "-v", "-n", "-C1", "e"}, {"grep", "-c", "t"}, {"grep", "-on", "[aeiou]"},
		{"grep", "-b", "-B3", "ten"}, {"grep", "-m2", "-A1", "e"},
	} {
		var want, got strings.Builder
		ws := runArgv(k, args, "/root", strings.NewReader(input), &want, io.Discard)
		gs := runArgv(k, args, "/root", iotest.OneByteReader(strings.NewReader(input)), &got, io.Discard)
		if got.String() != want.String() || gs != ws {
			t.Errorf("%v one byte at a time = %q, %d; want %q, %d", args, got.String(), gs, want.String(), ws)
		}
	}
	for _, args := range [][]string{{"grep", "-m1", "y"}, {"grep", "-q", "y"}} {
		var out strings.Builder
		done := make(chan int)
		go func() { done <- runArgv(k, args, "/root", grepEndless{}, &out, io.Discard) }()
		select {
		case st := <-done:
			if st != 0 {
				t.Errorf("%v on endless input: status %d; want 0", args, st)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v on endless input did not stop", args)
		}
	}
}

// grepEndless is `yes` as a reader.
type grepEndless struct{}

func (grepEndless) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = "y\n"[i%2]
	}
	return len(b) &^ 1, nil
}

// TestGrepColorTty checks --color=auto: colours on a terminal only, in
// GREP_COLOR when set.
func TestGrepColorTty(t *testing.T) {
	t.Parallel()
	k := testKernel(t, grepFiles)
	tests := []struct {
		args []string
		tty  bool
		env  string
		want string
	}{
		{[]string{"grep", "--color", "bar", "words"}, true, "", "foo \033[01;31mbar\033[00m\nfoo\033[01;31mbar\033[00m\n\033[01;31mbar\033[00m_foo baz\n"},
		{[]string{"grep", "--color=auto", "-w", "Foo", "words"}, true, "GREP_COLOR=01;32", "\033[01;32mFoo\033[00m\n"},
		{[]string{"grep", "--colour=auto", "Foo", "words"}, false, "", "Foo\n"},
		{[]string{"grep", "Foo", "words"}, true, "", "Foo\n"},
		{[]string{"grep", "--color=never", "Foo", "words"}, true, "", "Foo\n"},
	}
	for _, tt := range tests {
		var out strings.Builder
		p := &Proc{
			Ctx: context.Background(), Args: tt.args, Dir: "/root", Tty: tt.tty,
			Environ: []string{"TERM=linux", tt.env},
			Stdin:   strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Sys: k,
		}
		if st := grepMain(p); st != 0 || out.String() != tt.want {
			t.Errorf("%v (tty %v, %s) = %q, %d; want %q, 0", tt.args, tt.tty, tt.env, out.String(), st, tt.want)
		}
	}
	// -r with no file reads standard input, as grep 2.5.1 does.
	if out, _, st := runCmd(t, k, "grep -r x", "x\ny\n"); out != "x\n" || st != 0 {
		t.Errorf("grep -r x <<< x = %q, %d; want %q, 0", out, st, "x\n")
	}
}
