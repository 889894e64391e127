package cmds

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// txtCase is one command line of a text-tool table test: its standard
// input, the wanted standard output, standard error and exit status.
type txtCase struct {
	in, stdin, want, wantErr string
	status                   int
}

// txtRunCases runs each case on a fresh machine holding files.
func txtRunCases(t *testing.T, files map[string]string, cases []txtCase) {
	t.Helper()
	for _, c := range cases {
		k := testKernel(t, files)
		out, errOut, st := runCmd(t, k, c.in, c.stdin)
		if out != c.want {
			t.Errorf("%s = %q; want %q", c.in, out, c.want)
		}
		if errOut != c.wantErr {
			t.Errorf("%s: stderr = %q; want %q", c.in, errOut, c.wantErr)
		}
		if st != c.status {
			t.Errorf("%s: status = %d; want %d", c.in, st, c.status)
		}
	}
}

// txtFiles is the machine the text-tool tests read.
var txtFiles = map[string]string{
	"/etc/passwd": "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nsshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\n",
	"/root/nums":  "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n",
	"/root/abc":   "a\nb\nc\n",
	"/root/nonl":  "x\ny",
	"/root/blank": "a\n\n\n\nb\n\n",
	"/root/ctl":   "tab\there\x01\x7f\xe9\n",
	"/root/dir/":  "",
	"/root/empty": "",
	"/root/dup":   "a\na\nb\nA\na\nc\nc\nc\n",
	"/root/csv":   "name,uid,shell\nroot,0,bash\nbob,500,sh\nshort\n",
	"/root/long":  "The quick brown fox jumps over the lazy dog\n",
	"/root/old":   "one\ntwo\nthree\nfour\nfive\nsix\nseven\n",
	"/root/new":   "zero\none\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\n",
	"/root/same":  "one\ntwo\nthree\nfour\nfive\nsix\nseven\n",
	"/root/sums":  "d41d8cd98f00b204e9800998ecf8427e  empty\n0cc175b9c0f1b6a831c399e269772661  abc\n",
	"/root/d1/x":  "1\n",
	"/root/d1/y":  "same\n",
	"/root/d2/y":  "same\n",
	"/root/d2/z":  "3\n",
}

func TestTextCat(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "cat abc", want: "a\nb\nc\n"},
		{in: "cat", stdin: "typed\n", want: "typed\n"},
		{in: "cat abc - nonl", stdin: "IN\n", want: "a\nb\nc\nIN\nx\ny"},
		{in: "cat nope abc", want: "a\nb\nc\n", wantErr: "cat: nope: No such file or directory\n", status: 1},
		{in: "cat dir", wantErr: "cat: dir: Is a directory\n", status: 1},
		{in: "cat -n nonl abc", want: "     1\tx\n     2\tya\n     3\tb\n     4\tc\n"},
		{in: "cat -b blank", want: "     1\ta\n\n\n\n     2\tb\n\n"},
		{in: "cat -n blank", want: "     1\ta\n     2\t\n     3\t\n     4\t\n     5\tb\n     6\t\n"},
		{in: "cat -s blank", want: "a\n\nb\n\n"},
		{in: "cat -sn blank", want: "     1\ta\n     2\t\n     3\tb\n     4\t\n"},
		{in: "cat -E abc", want: "a$\nb$\nc$\n"},
		{in: "cat -A ctl", want: "tab^Ihere^A^?M-i$\n"},
		{in: "cat -T ctl", want: "tab^Ihere\x01\x7f\xe9\n"},
		{in: "cat -v ctl", want: "tab\there^A^?M-i\n"},
		{in: "cat -e nonl", want: "x$\ny"},
		{in: "cat -z", wantErr: "cat: invalid option -- z\nTry `cat --help' for more information.\n", status: 1},
		{in: "cat --version", want: "cat (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Torbjorn Granlund and Richard M. Stallman.\n"},
		{in: "more abc", want: "a\nb\nc\n"},
		{in: "more abc nonl", want: "::::::::::::::\nabc\n::::::::::::::\na\nb\nc\n::::::::::::::\nnonl\n::::::::::::::\nx\ny"},
		{in: "more", stdin: "piped\n", want: "piped\n"},
		{in: "more nope", wantErr: "nope: No such file or directory\n"},
		{in: "less abc", want: "a\nb\nc\n"},
		{in: "less -N", stdin: "piped\n", want: "piped\n"},
		{in: "less nope", wantErr: "nope: No such file or directory\n", status: 1},
		{in: "tac abc", want: "c\nb\na\n"},
		{in: "tac nonl", want: "yx\n"},
		{in: "tac -s , ", stdin: "a,b,c,", want: "c,b,a,"},
		{in: "tac -b -s ,", stdin: ",a,b", want: ",b,a"},
		{in: "tac nope", wantErr: "tac: nope: No such file or directory\n", status: 1},
	})
}

func TestTextHeadTail(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "head nums", want: "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n"},
		{in: "head -n 2 nums", want: "one\ntwo\n"},
		{in: "head -2 nums", want: "one\ntwo\n"},
		{in: "head --lines=1 nums", want: "one\n"},
		{in: "head -c 5 nums", want: "one\nt"},
		{in: "head -5c nums", want: "one\nt"},
		{in: "head -n -9 nums", want: "one\ntwo\nthree\n"},
		{in: "head -c -4 abc", want: "a\n"},
		{in: "head -n 1 abc nonl", want: "==> abc <==\na\n\n==> nonl <==\nx\n"},
		{in: "head -q -n 1 abc nonl", want: "a\nx\n"},
		{in: "head -v -n 1 abc", want: "==> abc <==\na\n"},
		{in: "head -n 1 - abc", stdin: "in\n", want: "==> standard input <==\nin\n\n==> abc <==\na\n"},
		{in: "head -n x nums", wantErr: "head: x: invalid number of lines\n", status: 1},
		{in: "head -c 1q nums", wantErr: "head: 1q: invalid number of bytes\n", status: 1},
		{in: "head nope abc", want: "==> abc <==\na\nb\nc\n", wantErr: "head: cannot open `nope' for reading: No such file or directory\n", status: 1},
		{in: "head dir", wantErr: "head: error reading `dir': Is a directory\n", status: 1},
		{in: "head -n 3", stdin: "1\n2\n3\n4\n", want: "1\n2\n3\n"},
		{in: "tail nums", want: "three\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n"},
		{in: "tail -n 2 nums", want: "eleven\ntwelve\n"},
		{in: "tail -2 nums", want: "eleven\ntwelve\n"},
		{in: "tail -n +11 nums", want: "eleven\ntwelve\n"},
		{in: "tail -n 1 nonl", want: "y"},
		{in: "tail -n 5 abc", want: "a\nb\nc\n"},
		{in: "tail -c 3 nums", want: "ve\n"},
		{in: "tail -c +3 abc", want: "b\nc\n"},
		{in: "tail -3c nums", want: "ve\n"},
		{in: "tail -n 0 abc"},
		{in: "tail -n 1 abc nonl", want: "==> abc <==\nc\n\n==> nonl <==\ny"},
		{in: "tail -f abc", want: "a\nb\nc\n"},
		{in: "tail -1", stdin: "1\n2\n", want: "2\n"},
		{in: "tail +2 abc", want: "==> abc <==\na\nb\nc\n", wantErr: "tail: cannot open `+2' for reading: No such file or directory\n", status: 1},
		{in: "tail -n x nums", wantErr: "tail: x: invalid number of lines\n", status: 1},
		{in: "tail nope", wantErr: "tail: cannot open `nope' for reading: No such file or directory\n", status: 1},
		{in: "tail dir", wantErr: "tail: error reading `dir': Is a directory\n", status: 1},
	})
}

func TestTextWc(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "wc abc", want: "3 3 6 abc\n"},
		{in: "wc -l nums", want: "12 nums\n"},
		{in: "wc -l", stdin: "a\nb\n", want: "2\n"},
		{in: "wc", stdin: "hello world\n", want: "      1       2      12\n"},
		{in: "wc -lw", stdin: "hello world\n", want: "      1       2\n"},
		{in: "wc -c -", stdin: "hello", want: "5 -\n"},
		{in: "wc abc nonl", want: "3 3 6 abc\n1 2 3 nonl\n4 5 9 total\n"},
		{in: "wc nums /etc/passwd", want: " 12  12  63 nums\n  3   4 132 /etc/passwd\n 15  16 195 total\n"},
		{in: "wc -L long nums", want: " 43 long\n  6 nums\n 43 total\n"},
		{in: "wc -m ctl", want: "11 ctl\n"}, // a lone \xe9 is no character
		{in: "wc -c ctl", want: "12 ctl\n"},
		{in: "wc -mc", stdin: "h\u00e9\n", want: "      3       4\n"},
		{in: "wc -w ctl", want: "2 ctl\n"},
		{in: "wc dir", want: "      0       0       0 dir\n", wantErr: "wc: dir: Is a directory\n", status: 1},
		{in: "wc nope abc", want: "3 3 6 abc\n3 3 6 total\n", wantErr: "wc: nope: No such file or directory\n", status: 1},
		{in: "wc empty", want: "0 0 0 empty\n"},
	})
}

func TestTextCutTr(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "cut -d: -f1 /etc/passwd", want: "root\nbin\nsshd\n"},
		{in: "cut -d: -f1,3 /etc/passwd", want: "root:0\nbin:1\nsshd:74\n"},
		{in: "cut -d: -f6- /etc/passwd", want: "/root:/bin/bash\n/bin:/sbin/nologin\n/var/empty/sshd:/sbin/nologin\n"},
		{in: "cut -d, -f2 csv", want: "uid\n0\n500\nshort\n"},
		{in: "cut -s -d, -f2 csv", want: "uid\n0\n500\n"},
		{in: "cut -d, -f1,3 --output-delimiter=' | ' csv", want: "name | shell\nroot | bash\nbob | sh\nshort\n"},
		{in: "cut -c1-3 long", want: "The\n"},
		{in: "cut -c-3,5-9 long", want: "Thequick\n"},
		{in: "cut -b 1,3 --output-delimiter=: abc", want: "a\nb\nc\n"},
		{in: "cut -c 1-2,4-5 --output-delimiter=: long", want: "Th: q\n"},
		{in: "cut -c 41-", stdin: "x\n", want: "\n"},
		{in: "cut -f2", stdin: "a\tb\tc\nnotab\n", want: "b\nnotab\n"},
		{in: "cut a", wantErr: "cut: you must specify a list of bytes, characters, or fields\nTry `cut --help' for more information.\n", status: 1},
		{in: "cut -c1 -f2", wantErr: "cut: only one type of list may be specified\nTry `cut --help' for more information.\n", status: 1},
		{in: "cut -d ab -f1", wantErr: "cut: the delimiter must be a single character\nTry `cut --help' for more information.\n", status: 1},
		{in: "cut -c1 -d:", wantErr: "cut: an input delimiter may be specified only when operating on fields\nTry `cut --help' for more information.\n", status: 1},
		{in: "cut -f0", wantErr: "cut: fields and positions are numbered from 1\nTry `cut --help' for more information.\n", status: 1},
		{in: "cut -f x", wantErr: "cut: invalid byte or field list\nTry `cut --help' for more information.\n", status: 1},
		{in: "cut -f1 nope", wantErr: "cut: nope: No such file or directory\n", status: 1},
		{in: "tr a-z A-Z", stdin: "hello, World\n", want: "HELLO, WORLD\n"},
		{in: "tr '[:lower:]' '[:upper:]'", stdin: "abc\n", want: "ABC\n"},
		{in: "tr abc x", stdin: "aabbcc\n", want: "xxxxxx\n"},
		{in: "tr abc xy", stdin: "abc\n", want: "xyy\n"},
		{in: "tr -t abc xy", stdin: "abc\n", want: "xyc\n"},
		{in: "tr -d aeiou", stdin: "hello world\n", want: "hll wrld\n"},
		{in: "tr -d '\\n'", stdin: "a\nb\n", want: "ab"},
		{in: "tr -s ' '", stdin: "a   b    c\n", want: "a b c\n"},
		{in: "tr -s a-z", stdin: "aabbccaa  dd\n", want: "abca  d\n"},
		{in: "tr -cd '[:digit:]\\n'", stdin: "a1b2\nc3\n", want: "12\n3\n"},
		{in: "tr -c 'a-z\\n' _", stdin: "a b-c\n", want: "a_b_c\n"},
		{in: "tr -ds a-z ' '", stdin: "a  b  1\n", want: " 1\n"},
		{in: "tr -s ' ' '\\n'", stdin: "a  b c\n", want: "a\nb\nc\n"},
		{in: "tr ':' '\\t'", stdin: "a:b\n", want: "a\tb\n"},
		{in: "tr '\\101' x", stdin: "AB\n", want: "xB\n"},
		{in: "tr 'a-c' '[x*]'", stdin: "abcd\n", want: "xxxd\n"},
		{in: "tr 'a-d' '[x*2]y'", stdin: "abcd\n", want: "xxyy\n"},
		{in: "tr", wantErr: "tr: missing operand\nTry `tr --help' for more information.\n", status: 1},
		{in: "tr abc", wantErr: "tr: missing operand after `abc'\nTwo strings must be given when translating.\nTry `tr --help' for more information.\n", status: 1},
		{in: "tr -d a b", wantErr: "tr: extra operand `b'\nOnly one string may be given when deleting without squeezing repeats.\nTry `tr --help' for more information.\n", status: 1},
		{in: "tr z-a x", wantErr: "tr: range-endpoints of `z-a' are in reverse collating sequence order\n", status: 1},
		{in: "tr a ''", wantErr: "tr: when not truncating set1, string2 must be non-empty\n", status: 1},
		{in: "tr '[:foo:]' x", wantErr: "tr: invalid character class `foo'\n", status: 1},
	})
}

func TestTextTeeXargsYes(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "tee out", stdin: "data\n", want: "data\n"},
		{in: "tee nodir/out abc2", stdin: "x\n", want: "x\n", wantErr: "tee: nodir/out: No such file or directory\n", status: 1},
		{in: "xargs", stdin: "a b\nc\n", want: "a b c\n"},
		{in: "xargs", stdin: "", want: "\n"},
		{in: "xargs -r", stdin: ""},
		{in: "xargs -n 1 echo x", stdin: "a b\nc\n", want: "x a\nx b\nx c\n"},
		{in: "xargs -n2", stdin: "1 2 3\n", want: "1 2\n3\n"},
		{in: "xargs -L 1", stdin: "1 2\n3\n", want: "1 2\n3\n"},
		{in: "xargs -I {} echo [{}]", stdin: "a b\n  c\n", want: "[a b]\n[c]\n"},
		{in: "xargs -i echo '<{}>'", stdin: "a\n", want: "<a>\n"},
		{in: "xargs -0 echo", stdin: "a b\x00c\x00", want: "a b c\n"},
		{in: "xargs echo", stdin: "'a  b' \"c d\" e\\ f\n", want: "a  b c d e f\n"},
		{in: "xargs -t echo", stdin: "a\n", want: "a\n", wantErr: "echo a \n"},
		{in: "xargs", stdin: "'open\n", wantErr: "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", status: 1},
		{in: "xargs -E stop", stdin: "a stop b\n", want: "a\n"},
		{in: "xargs nosuchcmd", stdin: "a\n", wantErr: "xargs: nosuchcmd: No such file or directory\n", status: 127},
		{in: "xargs cat", stdin: "abc nope\n", want: "a\nb\nc\n", wantErr: "cat: nope: No such file or directory\n", status: 123},
	})
	// tee writes its files; yes stops when its output fails.
	k := testKernel(t, txtFiles)
	if _, _, st := runCmd(t, k, "tee out1 out2", "data\n"); st != 0 {
		t.Errorf("tee out1 out2: status %d", st)
	}
	runCmd(t, k, "tee -a out1", "more\n")
	for name, want := range map[string]string{"out1": "data\nmore\n", "out2": "data\n"} {
		if got, _, _ := runCmd(t, k, "cat "+name, ""); got != want {
			t.Errorf("tee then cat %s = %q; want %q", name, got, want)
		}
	}
	for _, tt := range []struct{ argv, want string }{{"yes", "y\ny\ny\n"}, {"yes a b", "a b\na b\na "}} {
		w := &txtLimitWriter{n: len(tt.want)}
		st := runArgv(k, strings.Fields(tt.argv), "/root", strings.NewReader(""), w, io.Discard)
		if w.buf.String() != tt.want || st != 1 {
			t.Errorf("%s into a pipe closed after %d bytes = %q, %d; want %q, 1", tt.argv, len(tt.want), w.buf.String(), st, tt.want)
		}
	}
}

// txtLimitWriter takes n bytes, then fails as a closed pipe does.
type txtLimitWriter struct {
	buf bytes.Buffer
	n   int
}

func (w *txtLimitWriter) Write(b []byte) (int, error) {
	if w.buf.Len()+len(b) > w.n {
		w.buf.Write(b[:w.n-w.buf.Len()])
		return 0, syscall.EPIPE
	}
	return w.buf.Write(b)
}

func TestTextSeqUniqNl(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "seq 3", want: "1\n2\n3\n"},
		{in: "seq 2 4", want: "2\n3\n4\n"},
		{in: "seq 1 2 7", want: "1\n3\n5\n7\n"},
		{in: "seq 5 -2 1", want: "5\n3\n1\n"},
		{in: "seq -3 -1", want: "-3\n-2\n-1\n"},
		{in: "seq 3 1"},
		{in: "seq 1 0.5 3", want: "1.0\n1.5\n2.0\n2.5\n3.0\n"},
		{in: "seq 0.1 0.1 0.4", want: "0.1\n0.2\n0.3\n0.4\n"},
		{in: "seq -w 8 11", want: "08\n09\n10\n11\n"},
		{in: "seq -w 1 0.5 2", want: "1\n1.5\n2\n"}, // 5.97 falls back to %g here
		{in: "seq -s, 4", want: "1,2,3,4\n"},
		{in: "seq -s ' ' 3", want: "1 2 3\n"},
		{in: "seq -f %03g 3", want: "001\n002\n003\n"},
		{in: "seq -f 'n=%.1f' 2", want: "n=1.0\nn=2.0\n"},
		{in: "seq 1e3 1e3", want: "1000\n"},
		{in: "seq", wantErr: "seq: missing operand\nTry `seq --help' for more information.\n", status: 1},
		{in: "seq 1 2 3 4", wantErr: "seq: extra operand `4'\nTry `seq --help' for more information.\n", status: 1},
		{in: "seq x", wantErr: "seq: invalid floating point argument: x\nTry `seq --help' for more information.\n", status: 1},
		{in: "seq -f %d 3", wantErr: "seq: invalid format string: `%d'\nTry `seq --help' for more information.\n", status: 1},
		{in: "uniq dup", want: "a\nb\nA\na\nc\n"},
		{in: "uniq -c dup", want: "      2 a\n      1 b\n      1 A\n      1 a\n      3 c\n"},
		{in: "uniq -d dup", want: "a\nc\n"},
		{in: "uniq -u dup", want: "b\nA\na\n"},
		{in: "uniq -D dup", want: "a\na\nc\nc\nc\n"},
		{in: "uniq -i dup", want: "a\nb\nA\nc\n"},
		{in: "uniq -f 1", stdin: "1 x\n2 x\n3 y\n", want: "1 x\n3 y\n"},
		{in: "uniq -s 1", stdin: "ax\nbx\ncy\n", want: "ax\ncy\n"},
		{in: "uniq -w 1", stdin: "ax\nay\nb\n", want: "ax\nb\n"},
		{in: "uniq", stdin: "a\na", want: "a\n"},
		{in: "uniq a b c", wantErr: "uniq: extra operand `c'\nTry `uniq --help' for more information.\n", status: 1},
		{in: "uniq nope", wantErr: "uniq: nope: No such file or directory\n", status: 1},
		{in: "nl abc", want: "     1\ta\n     2\tb\n     3\tc\n"},
		{in: "nl blank", want: "     1\ta\n       \n       \n       \n     2\tb\n       \n"},
		{in: "nl -b a abc", want: "     1\ta\n     2\tb\n     3\tc\n"},
		{in: "nl -ba -nln -w3 -s: blank", want: "1  :a\n2  :\n3  :\n4  :\n5  :b\n6  :\n"},
		{in: "nl -n rz -w 3 abc", want: "001\ta\n002\tb\n003\tc\n"},
		{in: "nl -v 10 -i 5 abc", want: "    10\ta\n    15\tb\n    20\tc\n"},
		{in: "nl -b pb abc", want: "       a\n     1\tb\n       c\n"},
		{in: "nl -b x abc", wantErr: "nl: invalid body numbering style: `x'\n", status: 1},
	})
}

func TestTextRevFoldPasteExpand(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "rev abc nonl", want: "a\nb\nc\nx\ny"},
		{in: "rev", stdin: "hello\nwörld\n", want: "olleh\ndlröw\n"},
		{in: "rev nope", wantErr: "rev: nope: No such file or directory\n", status: 1},
		{in: "fold -w 10 long", want: "The quick \nbrown fox \njumps over\n the lazy \ndog\n"},
		{in: "fold -s -w 10 long", want: "The quick \nbrown fox \njumps \nover the \nlazy dog\n"},
		{in: "fold -3", stdin: "abcdefg\n", want: "abc\ndef\ng\n"},
		{in: "fold -w 4", stdin: "a\tb\n", want: "a\n\t\nb\n"},
		{in: "fold -w 0", wantErr: "fold: invalid number of columns: `0'\n", status: 1},
		{in: "paste abc nonl", want: "a\tx\nb\ty\nc\t\n"},
		{in: "paste -d, abc abc", want: "a,a\nb,b\nc,c\n"},
		{in: "paste -s abc", want: "a\tb\tc\n"},
		{in: "paste -s -d '+-' abc", want: "a+b-c\n"},
		{in: "paste - -", stdin: "1\n2\n3\n", want: "1\t2\n3\t\n"},
		{in: "paste -d '\\n' abc nonl", want: "a\nx\nb\ny\nc\n\n"},
		{in: "expand", stdin: "a\tb\n", want: "a       b\n"},
		{in: "expand -t 4", stdin: "\ta\tb\n", want: "    a   b\n"},
		{in: "expand -t 2,5", stdin: "\ta\tb\tc\n", want: "  a  b c\n"},
		{in: "expand -i", stdin: "\ta\tb\n", want: "        a\tb\n"},
		{in: "expand -3", stdin: "a\tb\n", want: "a  b\n"},
	})
}

func TestTextMd5sum(t *testing.T) {
	t.Parallel()
	txtRunCases(t, txtFiles, []txtCase{
		{in: "md5sum empty", want: "d41d8cd98f00b204e9800998ecf8427e  empty\n"},
		{in: "md5sum", stdin: "a", want: "0cc175b9c0f1b6a831c399e269772661  -\n"},
		{in: "md5sum -b empty", want: "d41d8cd98f00b204e9800998ecf8427e *empty\n"},
		{in: "md5sum nope empty", want: "d41d8cd98f00b204e9800998ecf8427e  empty\n", wantErr: "md5sum: nope: No such file or directory\n", status: 1},
		{in: "md5sum -c sums", want: "empty: OK\nabc: FAILED\n", wantErr: "md5sum: WARNING: 1 of 2 computed checksums did NOT match\n", status: 1},
		{in: "md5sum -c --status sums", status: 1},
		{in: "md5sum -c abc", wantErr: "md5sum: abc: no properly formatted MD5 checksum lines found\n", status: 1},
	})
}

func TestTextDiff(t *testing.T) {
	t.Parallel()
	stamp := "\t2014-09-30 12:00:00.000000000 +0000\n"
	txtRunCases(t, txtFiles, []txtCase{
		{in: "diff old same"},
		{in: "diff -s old same", want: "Files old and same are identical\n"},
		{in: "diff old new", status: 1, want: "0a1\n> zero\n3c4\n< three\n---\n> THREE\n7a9\n> eight\n"},
		{in: "diff -i old new", status: 1, want: "0a1\n> zero\n7a9\n> eight\n"},
		{in: "diff new old", status: 1, want: "1d0\n< zero\n4c3\n< THREE\n---\n> three\n9d7\n< eight\n"},
		{in: "diff -q old new", status: 1, want: "Files old and new differ\n"},
		{in: "diff -u old new", status: 1, want: "--- old" + stamp + "+++ new" + stamp +
			"@@ -1,7 +1,9 @@\n+zero\n one\n two\n-three\n+THREE\n four\n five\n six\n seven\n+eight\n"},
		{in: "diff -U 1 old new", status: 1, want: "--- old" + stamp + "+++ new" + stamp +
			"@@ -1,4 +1,5 @@\n+zero\n one\n two\n-three\n+THREE\n four\n@@ -7 +8,2 @@\n seven\n+eight\n"},
		{in: "diff abc nonl", status: 1, want: "1,3c1,2\n< a\n< b\n< c\n---\n> x\n> y\n\\ No newline at end of file\n"},
		{in: "diff -u empty abc", status: 1, want: "--- empty" + stamp + "+++ abc" + stamp + "@@ -0,0 +1,3 @@\n+a\n+b\n+c\n"},
		{in: "diff - abc", stdin: "a\nc\n", status: 1, want: "1a2\n> b\n"},
		{in: "diff d1 d2", status: 1, want: "Only in d1: x\nOnly in d2: z\n"},
		{in: "diff old d1", wantErr: "diff: d1/old: No such file or directory\n", status: 2},
		{in: "diff old nope", wantErr: "diff: nope: No such file or directory\n", status: 2},
		{in: "diff old", wantErr: "diff: missing operand after `old'\ndiff: Try `diff --help' for more information.\n", status: 2},
	})
}

// TestTextEndless checks that filters stop on an endless input once their
// output goes away (yes | cmd | head), and that the ones that must read
// everything stop when interrupted.
func TestTextEndless(t *testing.T) {
	t.Parallel()
	k := testKernel(t, txtFiles)
	run := func(argv []string, ctx context.Context, w io.Writer) (int, bool) {
		p := &Proc{
			Ctx: ctx, Args: argv, Dir: "/root", Environ: []string{"LANG=en_US.UTF-8"},
			Stdin: grepEndless{}, Stdout: w, Stderr: io.Discard, Sys: k, Umask: 0o022,
		}
		c, _ := Lookup(argv[0])
		done := make(chan int, 1)
		go func() { done <- c.Main(p) }()
		select {
		case st := <-done:
			return st, true
		case <-time.After(10 * time.Second):
			return 0, false
		}
	}
	for _, line := range []string{"cat", "cat -n", "head -n 5", "cut -c1", "tr y n", "nl", "rev",
		"fold -w 1", "expand", "paste - -", "grep y", "grep -v n", "tee"} {
		w := &txtLimitWriter{n: 1000}
		if _, ok := run(strings.Fields(line), context.Background(), w); !ok {
			t.Errorf("yes | %s | head did not stop", line)
		}
	}
	for _, line := range []string{"sort", "wc", "tac", "tail", "md5sum", "head -n -1", "xargs", "uniq"} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, ok := run(strings.Fields(line), ctx, io.Discard)
		cancel()
		if !ok {
			t.Errorf("yes | %s did not stop on Ctrl-C", line)
		}
	}
}

// TestTextHelp checks that every program answers --help and --version.
func TestTextHelp(t *testing.T) {
	t.Parallel()
	k := testKernel(t, nil)
	for _, name := range []string{"cat", "tac", "head", "tail", "wc", "cut", "tr", "tee", "yes", "seq",
		"uniq", "nl", "fold", "paste", "expand", "md5sum", "od", "sort", "grep", "egrep", "fgrep", "diff", "xargs"} {
		for _, opt := range []string{"--help", "--version"} {
			out, errOut, st := runCmd(t, k, name+" "+opt, "")
			if st != 0 || errOut != "" || out == "" {
				t.Errorf("%s %s = %q, %q, %d; want some output and status 0", name, opt, out, errOut, st)
			}
			if opt == "--help" && !strings.Contains(out, name) {
				t.Errorf("%s --help = %q; want the program's name in it", name, out)
			}
		}
	}
	txtRunCases(t, txtFiles, []txtCase{
		{in: "yes --version", want: "yes (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by David MacKenzie.\n"},
		{in: "rev -x", wantErr: "rev: invalid option -- x\nusage: rev [file ...]\n", status: 1},
		{in: "egrep --version", want: "egrep (GNU grep) 2.5.1\n\nCopyright 1988, 1992-1999, 2000, 2001 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions. There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n"},
		{in: "less -p one -x 4 abc", want: "a\nb\nc\n"},
		{in: "uniq dup out", want: ""},
	})
	// uniq writes its OUTPUT operand.
	k = testKernel(t, txtFiles)
	runCmd(t, k, "uniq dup out", "")
	if got, _, _ := runCmd(t, k, "cat out", ""); got != "a\nb\nA\na\nc\n" {
		t.Errorf("uniq dup out; cat out = %q; want %q", got, "a\nb\nA\na\nc\n")
	}
}

// TestTextCatSelf checks cat f >> f.
func TestTextCatSelf(t *testing.T) {
	t.Parallel()
	k := testKernel(t, txtFiles)
	f, err := k.FS.OpenFile("/root/abc", os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errb strings.Builder
	st := runArgv(k, []string{"cat", "abc"}, "/root", strings.NewReader(""), f, &errb)
	if want := "cat: abc: input file is output file\n"; st != 1 || errb.String() != want {
		t.Errorf("cat abc >> abc = %d, %q; want 1, %q", st, errb.String(), want)
	}
}

func TestTextOd(t *testing.T) {
	t.Parallel()
	sixteen := strings.Repeat("   a", 16)
	txtRunCases(t, txtFiles, []txtCase{
		{in: "od", stdin: "abc\n", want: "0000000 061141 005143\n0000004\n"},
		{in: "od -c", stdin: "abc\n", want: "0000000   a   b   c  \\n\n0000004\n"},
		{in: "od -c", stdin: "#!/bin/sh\r\n\x00\xe9", want: "0000000   #   !   /   b   i   n   /   s   h  \\r  \\n  \\0 351\n0000015\n"},
		{in: "od -b abc", want: "0000000 141 012 142 012 143 012\n0000006\n"},
		{in: "od -x", stdin: "abc", want: "0000000 6261 0063\n0000003\n"},
		{in: "od -An -c", stdin: "ab", want: "   a   b\n"},
		{in: "od -Ax -c", stdin: "ab", want: "000000   a   b\n000002\n"},
		{in: "od -a", stdin: "a\t ", want: "0000000   a  ht  sp\n0000003\n"},
		{in: "od -bc", stdin: "hi", want: "0000000 150 151\n          h   i\n0000002\n"},
		{in: "od -c", stdin: strings.Repeat("a", 32) + "b", want: "0000000" + sixteen + "\n*\n0000040   b\n0000041\n"},
		{in: "od -j 1 -N 2 -c", stdin: "abcd", want: "0000001   b   c\n0000003\n"},
		{in: "od nope", want: "0000000\n", wantErr: "od: nope: No such file or directory\n", status: 1},
		{in: "od -t z", wantErr: "od: invalid type string `z'\n", status: 1},
	})
}
