package cmds

import (
	"io"
	"io/fs"
	"strings"
	"testing"

	"rclab/vfs"
)

var sedFiles = map[string]string{
	"/root/nums":    "1\n2\n3\n4\n5\n6\n",
	"/root/words":   "alpha\nbeta\ngamma\ndelta\n",
	"/root/nonl":    "one\ntwo",
	"/root/a":       "a1\na2\n",
	"/root/b":       "b1\nb2\n",
	"/root/conf":    "# comment\nListen 80\n\n#ServerName x\nUser apache\n",
	"/root/s.sed":   "s/a/A/g\n/bet/d\n",
	"/root/bad.sed": "p\nk\n",
	"/root/r.txt":   "inserted\n",
	"/root/dir/":    "",
}

type sedCase struct {
	in, stdin, want, wantErr string
	status                   int
}

func sedCheck(t *testing.T, cases []sedCase) {
	t.Helper()
	for _, tc := range cases {
		k := testKernel(t, sedFiles)
		out, errOut, status := runCmd(t, k, tc.in, tc.stdin)
		if out != tc.want || errOut != tc.wantErr || status != tc.status {
			t.Errorf("%s <<< %q = %q, %q, %d; want %q, %q, %d", tc.in, tc.stdin, out, errOut, status, tc.want, tc.wantErr, tc.status)
		}
	}
}

func TestSedCommands(t *testing.T) {
	t.Parallel()
	sedCheck(t, []sedCase{
		// s and its flags
		{in: "sed s/a/A/", stdin: "banana\n", want: "bAnana\n"},
		{in: "sed s/a/A/g", stdin: "banana\n", want: "bAnAnA\n"},
		{in: "sed s/a/A/2", stdin: "banana\n", want: "banAna\n"},
		{in: "sed s/a/A/2g", stdin: "banana\n", want: "banAnA\n"},
		{in: "sed -n s/a/A/p", stdin: "banana\nkiwi\n", want: "bAnana\n"},
		{in: "sed s/A/x/I", stdin: "banana\n", want: "bxnana\n"},
		{in: "sed s/A/x/gi", stdin: "bAnana\n", want: "bxnxnx\n"},
		{in: "sed 's|/usr|/opt|'", stdin: "/usr/bin\n", want: "/opt/bin\n"},
		{in: `sed s/\\//:/g`, stdin: "a/b/c\n", want: "a:b:c\n"},
		{in: "sed 's,a\\,b,X,'", stdin: "a,b\n", want: "X\n"},
		{in: "sed 's/[0-9][0-9]*/<&>/'", stdin: "abc 123 def\n", want: "abc <123> def\n"},
		{in: `sed 's/\(a\)\(b\)/\2\1/'`, stdin: "xaby\n", want: "xbay\n"},
		{in: `sed -r 's/(a+)(b+)/\2\1/'`, stdin: "aabbb\n", want: "bbbaa\n"},
		{in: `sed 's/a/\n/'`, stdin: "bab\n", want: "b\nb\n"},
		{in: `sed 's/a/\&/'`, stdin: "ab\n", want: "&b\n"},
		{in: `sed 's/\(.*\)/\U\1/'`, stdin: "abc\n", want: "ABC\n"},
		{in: `sed 's/\w\+/\u&/g'`, stdin: "hello world\n", want: "Hello World\n"},
		{in: "sed 's/x*/-/g'", stdin: "abc\n", want: "-a-b-c-\n"},
		{in: `sed 's/\t/TAB/'`, stdin: "a\tb\n", want: "aTABb\n"},
		{in: "sed -e 's/a/b/w /root/out' -e 's/b/c/'", stdin: "a\nx\n", want: "c\nx\n"},
		{in: "sed 's/^#//;s/80/8080/'", stdin: "#Listen 80\n", want: "Listen 8080\n"},
		{in: "sed -e s/a/b/ -e s/b/c/", stdin: "a\n", want: "c\n"},
		{in: "sed --expression=s/a/b/ --quiet -e p", stdin: "a\n", want: "b\n"},
		// d p q = and friends
		{in: "sed 2d /root/nums", want: "1\n3\n4\n5\n6\n"},
		{in: "sed -n 3p /root/nums", want: "3\n"},
		{in: "sed -n '$p' /root/nums", want: "6\n"},
		{in: "sed 3q /root/nums", want: "1\n2\n3\n"},
		{in: "sed '2q 5' /root/nums", want: "1\n2\n", status: 5},
		{in: "sed 2Q /root/nums", want: "1\n"},
		{in: "sed -n '$=' /root/nums", want: "6\n"},
		{in: "sed = /root/a", want: "1\na1\n2\na2\n"},
		{in: "sed p", stdin: "x\n", want: "x\nx\n"},
		{in: "sed '/^#/d;/^$/d' /root/conf", want: "Listen 80\nUser apache\n"},
		{in: "sed -n '/Listen/!p' /root/conf", want: "# comment\n\n#ServerName x\nUser apache\n"},
		// a i c
		{in: "sed '2a after' /root/a", want: "a1\na2\nafter\n"},
		{in: "sed '1i before' /root/a", want: "before\na1\na2\n"},
		{in: "sed '1c\\\nchanged' /root/a", want: "changed\na2\n"},
		{in: "sed '$a\\\nline1\\\nline2' /root/a", want: "a1\na2\nline1\nline2\n"},
		{in: "sed -e '1a\\' -e 'foo' /root/a", want: "a1\nfoo\na2\n"},
		{in: "sed '1a\\  indented' /root/a", want: "a1\n  indented\na2\n"},
		{in: "sed '/a1/,/a2/c\\\nboth' /root/a", want: "both\n"},
		{in: "sed '$!c\\\nX' /root/a", want: "X\na2\n"},
		{in: "sed '1r /root/r.txt' /root/a", want: "a1\ninserted\na2\n"},
		{in: "sed '1r /root/missing' /root/a", want: "a1\na2\n"},
		// y
		{in: "sed y/abc/xyz/", stdin: "aabbcc\n", want: "xxyyzz\n"},
		{in: `sed 'y/\n/ /'`, stdin: "a\n", want: "a\n"},
		// blocks, hold space, n N D P
		{in: "sed -n '/beta/{s/b/B/;p}' /root/words", want: "Beta\n"},
		{in: "sed '2,3{/gamma/d}' /root/words", want: "alpha\nbeta\ndelta\n"},
		{in: "sed -n '1!G;h;$p' /root/words", want: "delta\ngamma\nbeta\nalpha\n"},
		{in: "sed -n 'h;n;G;p' /root/nums", want: "2\n1\n4\n3\n6\n5\n"},
		{in: "sed 'n;d' /root/nums", want: "1\n3\n5\n"},
		{in: "sed '$!N;s/\\n/ /' /root/nums", want: "1 2\n3 4\n5 6\n"},
		{in: "sed 'N;N;s/\\n/+/g' /root/words", want: "alpha+beta+gamma\ndelta\n"},
		{in: "sed '$!N;P;D' /root/nums", want: "1\n2\n3\n4\n5\n6\n"},
		{in: "sed 'x;G' /root/a", want: "\na1\na1\na2\n"},
		{in: "sed -n 'H;${x;s/\\n/,/g;p}' /root/a", want: ",a1,a2\n"},
		{in: "sed ':a;N;$!ba;s/\\n/ /g' /root/words", want: "alpha beta gamma delta\n"},
		{in: "sed -e :a -e 's/^.\\{1,4\\}$/ &/;ta' /root/a", want: "   a1\n   a2\n"},
		{in: "sed 's/x/y/;T;s/$/!/'", stdin: "x\na\n", want: "y!\na\n"},
		{in: "sed -n l", stdin: "a\tb\\\001\n", want: "a\\tb\\\\\\001$\n"},
		{in: "sed -n 'l 5'", stdin: "abcdefgh\n", want: "abcd\\\nefgh$\n"},
		{in: "sed 's/a/b/ ; p'", stdin: "a\n", want: "b\nb\n"},
		{in: "sed '1 { s/a/b/g ; }'", stdin: "aa\n", want: "bb\n"},
		{in: "sed 's/[/]/X/g'", stdin: "a/b\n", want: "aXb\n"},
		{in: "sed 's/[[:digit:]/]/X/g'", stdin: "a/1\n", want: "aXX\n"},
		{in: `sed 's/\x41/a/;s/b/\x42/;s/c/\d067/'`, stdin: "Abc\n", want: "aBC\n"},
		{in: `sed ':a;/x$/{N;s/x\n//;ba}'`, stdin: "ax\nbx\nc\nd\n", want: "abc\nd\n"},
		{in: "sed -n '/a/{p;b};p'", stdin: "a\nb\n", want: "a\nb\n"},
		{in: `sed '1a\ttab'`, stdin: "x\n", want: "x\nttab\n"},
		{in: `sed '1a foo\tbar'`, stdin: "x\n", want: "x\nfoo\tbar\n"},
		{in: `sed 'y/ab/\n\t/'`, stdin: "ab\n", want: "\n\t\n"},
		// comments and #n
		{in: "sed '#n\np' /root/a", want: "a1\na2\n"},
		{in: "sed '#nothing\np' /root/a", want: "a1\na2\n"},
		{in: "sed -e p -e '#n' /root/a", want: "a1\na1\na2\na2\n"},
		{in: "sed 'p # print twice' /root/a", want: "a1\na1\na2\na2\n"},
		{in: "sed '  1 ! d ; '", stdin: "x\ny\n", want: "x\n"},
	})
}

func TestSedAddresses(t *testing.T) {
	t.Parallel()
	sedCheck(t, []sedCase{
		{in: "sed -n 2,4p /root/nums", want: "2\n3\n4\n"},
		{in: "sed -n '4,$p' /root/nums", want: "4\n5\n6\n"},
		{in: "sed -n 4,2p /root/nums", want: "4\n"},
		{in: "sed -n '/beta/,/delta/p' /root/words", want: "beta\ngamma\ndelta\n"},
		{in: "sed -n '/alpha/,/a/p' /root/words", want: "alpha\nbeta\n"},
		{in: "sed -n '0,/a/p' /root/words", want: "alpha\n"},
		{in: "sed -n '1,/a/p' /root/words", want: "alpha\nbeta\n"},
		{in: "sed -n '/gamma/,+1p' /root/words", want: "gamma\ndelta\n"},
		{in: "sed -n '2,~4p' /root/nums", want: "2\n3\n4\n"},
		{in: "sed -n 1~2p /root/nums", want: "1\n3\n5\n"},
		{in: "sed -n 0~3p /root/nums", want: "3\n6\n"},
		{in: "sed -n '\\,et,p' /root/words", want: "beta\n"},
		{in: "sed -n '/BETA/Ip' /root/words", want: "beta\n"},
		{in: "sed '2,5!d' /root/nums", want: "2\n3\n4\n5\n"},
		{in: "sed -n '/x/,/y/p'", stdin: "x\na\ny\nb\nx\nc\n", want: "x\na\ny\nx\nc\n"},
		{in: "sed -n '$p' /root/a /root/b", want: "b2\n"},
		{in: "sed -n '$p' -s /root/a /root/b", want: "a2\nb2\n"},
		{in: "sed -n '/a2/,/b1/p' /root/a /root/b", want: "a2\nb1\n"},
		{in: "sed 's/l/L/;//d'", stdin: "hello\nbye\n", want: "bye\n"},
		{in: "sed -n '/e/{//p}'", stdin: "hello\nhi\n", want: "hello\n"},
	})
}

func TestSedInput(t *testing.T) {
	t.Parallel()
	sedCheck(t, []sedCase{
		// a last line without a newline stays without one
		{in: "sed s/o/0/ /root/nonl", want: "0ne\ntw0"},
		{in: "sed p /root/nonl", want: "one\none\ntwo\ntwo"},
		{in: "sed '$a end' /root/nonl", want: "one\ntwo\nend\n"},
		{in: "sed -n '$=' /root/nonl", want: "2\n"},
		{in: "sed -n p /root/nonl", want: "one\ntwo"},
		{in: "sed -n '$!p;$P' /root/nonl", want: "one\ntwo"},
		{in: "sed -n 's/w/W/p' /root/nonl", want: "tWo"},
		{in: "sed '' /root/nonl /root/a", want: "one\ntwo\na1\na2\n"},
		{in: "sed -f /root/s.sed /root/words", want: "AlphA\ngAmmA\ndeltA\n"},
		{in: "sed -n -f /root/s.sed -e p /root/words", want: "AlphA\ngAmmA\ndeltA\n"},
		{in: "sed p /root/nope /root/a", want: "a1\na1\na2\na2\n", wantErr: "sed: can't read /root/nope: No such file or directory\n", status: 2},
		{in: "sed p /root/dir", wantErr: "sed: read error on /root/dir: Is a directory\n", status: 4},
		{in: "sed = - /root/a", stdin: "s\n", want: "1\ns\n2\na1\n3\na2\n"},
		{in: "sed --version", want: sedVersion},
		{in: "sed --help", want: strings.Replace(sedUsage, "%s", "sed", 1)},
	})
}

func TestSedErrors(t *testing.T) {
	t.Parallel()
	sedCheck(t, []sedCase{
		{in: "sed s/a", wantErr: "sed: -e expression #1, char 3: unterminated `s' command\n", status: 1},
		{in: "sed s/a/b", wantErr: "sed: -e expression #1, char 5: unterminated `s' command\n", status: 1},
		{in: "sed s", wantErr: "sed: -e expression #1, char 1: unterminated `s' command\n", status: 1},
		{in: "sed k", wantErr: "sed: -e expression #1, char 1: unknown command: `k'\n", status: 1},
		{in: "sed -e p -e 1x -e 2k", wantErr: "sed: -e expression #3, char 2: unknown command: `k'\n", status: 1},
		{in: "sed s/a/b/x", wantErr: "sed: -e expression #1, char 7: unknown option to `s'\n", status: 1},
		{in: "sed s/a/b/gg", wantErr: "sed: -e expression #1, char 8: multiple `g' options to `s' command\n", status: 1},
		{in: "sed s/a/b/pp", wantErr: "sed: -e expression #1, char 8: multiple `p' options to `s' command\n", status: 1},
		{in: "sed s/a/b/0", wantErr: "sed: -e expression #1, char 7: number option to `s' command may not be zero\n", status: 1},
		{in: "sed s/a/b/1g2", wantErr: "sed: -e expression #1, char 9: multiple number options to `s' command\n", status: 1},
		{in: `sed 's/\(a\)\1/x/'`, wantErr: "sed: -e expression #1, char 12: back-references are not supported in rclab\n", status: 1},
		{in: `sed 's/a/\1/'`, wantErr: "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n", status: 1},
		{in: `sed 's/\(a/x/'`, wantErr: "sed: -e expression #1, char 8: Unmatched ( or \\(\n", status: 1},
		{in: "sed pq", wantErr: "sed: -e expression #1, char 2: extra characters after command\n", status: 1},
		{in: "sed y/ab/x/", wantErr: "sed: -e expression #1, char 7: strings for `y' command are different lengths\n", status: 1},
		{in: "sed y/ab/xy", wantErr: "sed: -e expression #1, char 7: unterminated `y' command\n", status: 1},
		{in: "sed /abc", wantErr: "sed: -e expression #1, char 4: unterminated address regex\n", status: 1},
		{in: "sed 1", wantErr: "sed: -e expression #1, char 1: missing command\n", status: 1},
		{in: "sed 1,", wantErr: "sed: -e expression #1, char 2: unexpected `,'\n", status: 1},
		{in: "sed 1!!p", wantErr: "sed: -e expression #1, char 3: multiple `!'s\n", status: 1},
		{in: "sed 0p", wantErr: "sed: -e expression #1, char 2: invalid usage of line address 0\n", status: 1},
		{in: "sed 1,2q", wantErr: "sed: -e expression #1, char 4: command only uses one address\n", status: 1},
		{in: "sed a", wantErr: "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n", status: 1},
		{in: "sed {p", wantErr: "sed: -e expression #1, char 0: unmatched `{'\n", status: 1},
		{in: "sed p}", wantErr: "sed: -e expression #1, char 2: unexpected `}'\n", status: 1},
		{in: "sed 1#x", wantErr: "sed: -e expression #1, char 2: comments don't accept any addresses\n", status: 1},
		{in: "sed 1:a", wantErr: "sed: -e expression #1, char 2: : doesn't want any addresses\n", status: 1},
		{in: "sed :", stdin: "x\n", want: "x\n"}, // sed 4.1.5 accepts an empty label
		{in: "sed r", stdin: "x\n", want: "x\n"},
		{in: "sed bfoo", wantErr: "sed: can't find label for jump to `foo'\n", status: 4},
		{in: "sed '/x/{y/a/b/}'", wantErr: "sed: -e expression #1, char 11: extra characters after command\n", status: 1},
		{in: "sed //Ip", wantErr: "sed: -e expression #1, char 3: cannot specify modifiers on empty regexp\n", status: 1},
		{in: "sed -e p -e '2{p' -e p", wantErr: "sed: -e expression #2, char 0: unmatched `{'\n", status: 1},
		{in: "sed 'w /nope/x'", wantErr: "sed: couldn't open file /nope/x: No such file or directory\n", status: 4},
		{in: "sed -f /root/bad.sed", wantErr: "sed: file /root/bad.sed line 2: unknown command: `k'\n", status: 1},
		{in: "sed -f /root/none", wantErr: "sed: couldn't open file /root/none: No such file or directory\n", status: 4},
		{in: "sed //p", stdin: "a\n", wantErr: "sed: -e expression #1, char 0: no previous regular expression\n", status: 1},
		{in: "sed", wantErr: strings.Replace(sedUsage, "%s", "sed", 1), status: 4},
		{in: "sed -z p", wantErr: "sed: invalid option -- z\n" + strings.Replace(sedUsage, "%s", "sed", 1), status: 4},
	})
}

func TestSedInPlace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in      string
		file    string // checked afterwards
		want    string
		backup  string // path of the backup, "" if none
		wantBak string
		stdout  string
		status  int
	}{
		{in: "sed -i s/a/A/ /root/a", file: "/root/a", want: "A1\nA2\n"},
		{in: "sed -i.bak 2d /root/a", file: "/root/a", want: "a1\n", backup: "/root/a.bak", wantBak: "a1\na2\n"},
		{in: "sed --in-place=.orig -e 1d /root/a", file: "/root/a", want: "a2\n", backup: "/root/a.orig", wantBak: "a1\na2\n"},
		{in: "sed -ni 1p /root/a /root/b", file: "/root/b", want: "b1\n"},
		{in: "sed -i 1d /root/a /root/b", file: "/root/b", want: "b2\n"},
		{in: "sed -i -e '1i top' -e '$=' /root/nonl", file: "/root/nonl", want: "top\none\n2\ntwo"},
		{in: "sed -i 1q /root/nums", file: "/root/nums", want: "1\n"},
		{in: "sed -i 's/x/y/w /dev/stdout' /root/a", file: "/root/a", want: "a1\na2\n"},
		{in: "sed -i'bak_*' 1d /root/a", file: "/root/a", want: "a2\n", backup: "/root/bak_a", wantBak: "a1\na2\n"},
	} {
		k := testKernel(t, sedFiles)
		if err := k.FS.Chmod("/root/a", 0o640); err != nil {
			t.Fatal(err)
		}
		if err := k.FS.Chown("/root/a", 48, 48); err != nil {
			t.Fatal(err)
		}
		out, errOut, status := runCmd(t, k, tc.in, "")
		if out != tc.stdout || errOut != "" || status != tc.status {
			t.Errorf("%s = %q, %q, %d; want %q, \"\", %d", tc.in, out, errOut, status, tc.stdout, tc.status)
		}
		if got := sedReadFile(t, k.FS, tc.file); got != tc.want {
			t.Errorf("%s: %s = %q; want %q", tc.in, tc.file, got, tc.want)
		}
		if tc.backup != "" {
			if got := sedReadFile(t, k.FS, tc.backup); got != tc.wantBak {
				t.Errorf("%s: %s = %q; want %q", tc.in, tc.backup, got, tc.wantBak)
			}
		}
		if tc.file == "/root/a" {
			fi, err := k.FS.Stat("/root/a")
			if err != nil {
				t.Fatal(err)
			}
			st := fi.Sys().(*vfs.Stat)
			if fi.Mode().Perm() != 0o640 || st.Uid != 48 || st.Gid != 48 {
				t.Errorf("%s: /root/a mode %v owner %d:%d; want -rw-r----- 48:48", tc.in, fi.Mode(), st.Uid, st.Gid)
			}
		}
		entries, _ := k.FS.IOFS().(fs.ReadDirFS).ReadDir("root")
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "sed0") {
				t.Errorf("%s left the temporary file %s", tc.in, e.Name())
			}
		}
	}
}

func TestSedInPlaceErrors(t *testing.T) {
	t.Parallel()
	sedCheck(t, []sedCase{
		{in: "sed -i p /root/nope", wantErr: "sed: can't read /root/nope: No such file or directory\n", status: 2},
		{in: "sed -i p /root/dir", wantErr: "sed: couldn't edit /root/dir: not a regular file\n", status: 4},
		{in: "sed -i p", stdin: "x\n", wantErr: "sed: no input files\n", status: 4},
	})
}

func TestSedWFile(t *testing.T) {
	t.Parallel()
	k := testKernel(t, sedFiles)
	out, errOut, status := runCmd(t, k, "sed -n '/a/w /root/out' /root/words", "")
	if out != "" || errOut != "" || status != 0 {
		t.Errorf("sed w = %q, %q, %d", out, errOut, status)
	}
	if got := sedReadFile(t, k.FS, "/root/out"); got != "alpha\nbeta\ngamma\ndelta\n" {
		t.Errorf("sed w: /root/out = %q", got)
	}
}

func TestSedInPlaceArgs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"-i s/a/b/ f", "--in-place s/a/b/ f"},
		{"-i.bak -e p f", "--in-place=.bak -e p f"},
		{"-ni -e p", "-n --in-place -e p"},
		{"-in p", "--in-place=n p"},
		{"-e -i f", "-e -i f"},
		{"-es/i/x/ f", "-es/i/x/ f"},
		{"-- -i", "-- -i"},
	} {
		if got := strings.Join(sedInPlaceArgs(strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("sedInPlaceArgs(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func sedReadFile(t *testing.T, fsys *vfs.FS, name string) string {
	t.Helper()
	f, err := fsys.Open(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// FuzzSedScript checks that the script compiler never panics.
func FuzzSedScript(f *testing.F) {
	for _, s := range []string{
		"s/a/b/g", "1d;$p", "/x/,/y/{s/a/b/;p}", ":a;N;$!ba;s/\\n/ /g", "y/abc/xyz/",
		"1i\\\nhello", "$a text", "0,/re/d", "2~3p", "/a/I,+2!d", "s/\\(x\\)/\\1/w /dev/stdout",
		"l 5", "2q 3", "#n\np", "{p", "s/a/\\U&/", "s,x,y,3g",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, script string, ere bool) {
		pieces := []sedPiece{{text: script, expr: 1}}
		if i := strings.IndexByte(script, 0); i >= 0 {
			pieces = []sedPiece{{text: script[:i], expr: 1}, {text: script[i+1:], expr: 2}}
		}
		prog, err := sedCompile(pieces, ere, nil)
		if err == nil && prog == nil {
			t.Fatalf("sedCompile(%q) returned neither program nor error", script)
		}
	})
}
