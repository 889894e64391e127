package awk

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"
)

// memFiles is a tiny file store for the tests: name → content.
type memFiles map[string]string

type memWriter struct {
	files memFiles
	name  string
	buf   bytes.Buffer
}

func (w *memWriter) Write(p []byte) (int, error) { return w.buf.Write(p) }
func (w *memWriter) Close() error {
	w.files[w.name] += w.buf.String()
	w.buf.Reset()
	return nil
}

func (m memFiles) config(srcs []Source, args []string, stdin string) (Config, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Config{
		Name:    "awk",
		Sources: srcs,
		Args:    args,
		Stdin:   strings.NewReader(stdin),
		Stdout:  &out,
		Stderr:  &errb,
		Environ: []string{"HOME=/root", "USER=root"},
		Open: func(name string) (io.ReadCloser, error) {
			s, ok := m[name]
			if !ok {
				return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("No such file or directory")}
			}
			return io.NopCloser(strings.NewReader(s)), nil
		},
		Create: func(name string, appendTo bool) (io.WriteCloser, error) {
			if strings.HasPrefix(name, "/nope/") {
				return nil, errors.New("No such file or directory")
			}
			if !appendTo {
				m[name] = ""
			}
			return &memWriter{files: m, name: name}, nil
		},
		Exec: func(cmd string, stdin io.Reader, stdout io.Writer) int {
			switch cmd {
			case "sort":
				data, _ := io.ReadAll(stdin)
				lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
				sortStrings(lines)
				io.WriteString(stdout, strings.Join(lines, "\n")+"\n")
				return 0
			case "date":
				io.WriteString(stdout, "Mon Oct  6 09:00:00 UTC 2014\n")
				return 0
			}
			return 127
		},
		Regexp: regexp.Compile,
		Strerror: func(err error) string {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return pe.Err.Error()
			}
			return err.Error()
		},
	}, &out, &errb
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

const passwd = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
apache:x:48:48:Apache:/var/www:/sbin/nologin
alice:x:500:500::/home/alice:/bin/bash
bob:x:501:501::/home/bob:/bin/bash
`

const psaux = `USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root         1  0.0  0.1   2072   620 ?        Ss   09:00   0:00 init [3]
root      2301  0.0  0.9  10092  2380 ?        Ss   09:00   0:00 /usr/sbin/httpd
apache    2303  0.0  0.5  10092  1424 ?        S    09:00   0:00 /usr/sbin/httpd
`

func TestRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		prog    string
		args    []string
		stdin   string
		want    string
		wantErr string
		status  int
	}{
		// fields and the classic one-liners
		{prog: `{print $1}`, stdin: "a b c\n  d   e\n", want: "a\nd\n"},
		{prog: `{print $NF}`, stdin: "a b c\n", want: "c\n"},
		{prog: `{print $(NF-1)}`, stdin: "a b c\n", want: "b\n"},
		{prog: `{print NR": "$0}`, stdin: "x\ny\n", want: "1: x\n2: y\n"},
		{prog: `NR==2`, stdin: "x\ny\nz\n", want: "y\n"},
		{prog: `/httpd/ {print $2}`, stdin: psaux, want: "2301\n2303\n"},
		{prog: `{sum += $6} END {print sum}`, stdin: psaux, want: "4424\n"},
		{prog: `BEGIN{FS=":"} $3 >= 500 {print $1}`, args: []string{"/etc/passwd"}, want: "alice\nbob\n"},
		{prog: `END{print NR}`, stdin: "a\nb\nc", want: "3\n"},
		{prog: `{print}`, stdin: "no newline", want: "no newline\n"},
		{prog: `{print NF}`, stdin: "\n a  b \n", want: "0\n2\n"},
		{prog: `{$2 = "X"; print; print NF}`, stdin: "a b c\n", want: "a X c\n3\n"},
		{prog: `BEGIN{OFS="-"} {$1=$1; print}`, stdin: "a  b   c\n", want: "a-b-c\n"},
		{prog: `{$5 = "e"; print}`, stdin: "a b\n", want: "a b   e\n"},
		{prog: `{NF = 2; print}`, stdin: "a b c d\n", want: "a b\n"},
		{prog: `{$0 = "x y"; print $2, NF}`, stdin: "a\n", want: "y 2\n"},
		{prog: `BEGIN{FS=":"} {print $1}`, stdin: "a:b\n", want: "a\n"},
		{prog: `BEGIN{FS=","} {print $2}`, stdin: "a,,c\n", want: "\n"},
		{prog: `BEGIN{FS="[0-9]+"} {print $2}`, stdin: "a12b3c\n", want: "b\n"},
		{prog: `BEGIN{FS=""} {print $3, NF}`, stdin: "abcd\n", want: "c 4\n"},
		{prog: `BEGIN{FS="\t"} {print $2}`, stdin: "a b\tc d\n", want: "c d\n"},
		{prog: `BEGIN{FS="|"} {print $2}`, stdin: "a|b|c\n", want: "b\n"},
		{prog: `BEGIN{RS=""} {print NR": "$1"/"$NF}`, stdin: "\n\na b\nc\n\n\nd e\n", want: "1: a/c\n2: d/e\n"},
		{prog: `BEGIN{RS=";"} {print}`, stdin: "a;b;c", want: "a\nb\nc\n"},
		{prog: `BEGIN{ORS="|"} {print}`, stdin: "a\nb\n", want: "a|b|"},
		{prog: `{print FILENAME, FNR}`, args: []string{"/a", "/b"}, want: "/a 1\n/b 1\n/b 2\n"},
		{prog: `{print x}`, args: []string{"x=1", "/a", "x=2", "/a"}, want: "1\n2\n"},
		// BEGIN / END, exit
		{prog: `BEGIN{print "hi"}`, stdin: "ignored\n", want: "hi\n"},
		{prog: `BEGIN{exit 3} END{print "end"}`, want: "end\n", status: 3},
		{prog: `{print; exit} END{print "end"}`, stdin: "a\nb\n", want: "a\nend\n"},
		{prog: `END{exit 1; print "no"}`, want: "", status: 1},
		{prog: `NR==1{next} {print}`, stdin: "a\nb\n", want: "b\n"},
		// patterns
		{prog: `!/a/`, stdin: "a\nb\n", want: "b\n"},
		{prog: `/b/,/d/`, stdin: "a\nb\nc\nd\ne\nb\n", want: "b\nc\nd\nb\n"},
		{prog: `NR==2,NR==3 {print NR}`, stdin: "a\nb\nc\nd\n", want: "2\n3\n"},
		{prog: `$1 ~ /^r/ && $2 !~ "x"`, stdin: "ra y\nrb x\nq z\n", want: "ra y\n"},
		{prog: `length > 3`, stdin: "abc\nabcd\n", want: "abcd\n"},
		// numbers and strings
		{prog: `BEGIN{print 1/3, 2^10, 7%3, -7%3, 2^3^2, -2^2}`, want: "0.333333 1024 1 -1 512 -4\n"},
		{prog: `BEGIN{print 1e6, 1e5, 123456789, 0.1+0.2, 100/3*3}`, want: "1000000 100000 123456789 0.3 100\n"},
		{prog: `BEGIN{print 2147483647, 2147483648, 2^31}`, want: "2147483647 2.14748e+09 2.14748e+09\n"},
		{prog: `BEGIN{OFMT="%.2f"; x=3.14159; print x, x ""}`, want: "3.14 3.14159\n"},
		{prog: `BEGIN{CONVFMT="%.2f"; x=3.14159; print x "", x}`, want: "3.14 3.14159\n"},
		{prog: `BEGIN{x="3x"; print x+1, "abc"+0, ".5"+0, "1e3"*1}`, want: "4 0 0.5 1000\n"},
		{prog: `BEGIN{print 1 " " 2, 1 + 2 "x"}`, want: "1 2 3x\n"},
		{prog: `BEGIN{print length("héllo"), substr("hello", 2, 3), substr("hello", 0, 2), substr("hello", 4)}`, want: "5 ell h lo\n"},
		{prog: `BEGIN{print index("hello", "ll"), index("a", "z"), toupper("abc"), tolower("ABC")}`, want: "3 0 ABC abc\n"},
		{prog: `BEGIN{print int(3.9), int(-3.9), sqrt(16), exp(0), log(1), int("12abc")}`, want: "3 -3 4 1 0 12\n"},
		{prog: `BEGIN{printf "%.4f %.4f %.4f\n", sin(0), cos(0), atan2(0, -1)}`, want: "0.0000 1.0000 3.1416\n"},
		{prog: `BEGIN{x; if (x == 0 && x == "") print "both"}`, want: "both\n"},
		{prog: `{if ($1 == 10) print "num"; if ($1 < 9) print "lt"}`, stdin: "10.0\n", want: "num\n"},
		{prog: `{if ($1 < $2) print "numeric"; else print "string"}`, stdin: "9 10\n", want: "numeric\n"},
		{prog: `BEGIN{if ("9" < "10") print "num"; else print "str"}`, want: "str\n"},
		{prog: `{print ($1 == "abc")}`, stdin: "abc\n", want: "1\n"},
		{prog: `BEGIN{x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; print x; x ^= 2; print x}`, want: "4\n16\n"},
		{prog: `BEGIN{i = 5; print i++, i, ++i, i--, --i}`, want: "5 6 7 7 5\n"},
		{prog: `BEGIN{print (1 > 2) ? "a" : "b"}`, want: "b\n"},
		{prog: `BEGIN{print !0, !1, !"", !"a", -"3"}`, want: "1 0 1 0 -3\n"},
		{prog: `BEGIN{print 1==1.0, "a" < "b", 2 < 10, "a" != "a"}`, want: "1 1 1 0\n"},
		{prog: `BEGIN{print 0x1F, 011, 1e2}`, want: "31 9 100\n"},
		// printf
		{prog: `BEGIN{printf "%d %i %5d|%-5d|%05d\n", 42.9, -3, 7, 7, 7}`, want: "42 -3     7|7    |00007\n"},
		{prog: `BEGIN{printf "%s|%10s|%-10s|%.2s\n", "abc", "abc", "abc", "abc"}`, want: "abc|       abc|abc       |ab\n"},
		{prog: `BEGIN{printf "%f %.2f %e %g %G\n", 3.14159, 3.14159, 1234.5, 0.0001, 1e-10}`, want: "3.141590 3.14 1.234500e+03 0.0001 1E-10\n"},
		{prog: `BEGIN{printf "%c%c%c\n", 65, "bcd", 10}`, want: "Ab\n\n"},
		{prog: `BEGIN{printf "%x %X %o %#x %#o %u\n", 255, 255, 8, 255, 8, 3}`, want: "ff FF 10 0xff 010 3\n"},
		{prog: `BEGIN{printf "%x %d\n", -1, 1e15}`, want: "ffffffff 1000000000000000\n"},
		{prog: `BEGIN{printf "%5.1f%%\n", 12.345}`, want: " 12.3%\n"},
		{prog: `BEGIN{printf "%*d|%-*s|\n", 4, 1, 3, "a"}`, want: "   1|a  |\n"},
		{prog: `BEGIN{printf("%s-%s\n", "a", "b")}`, want: "a-b\n"},
		{prog: `BEGIN{printf "%d %d\n", "0x11", "3e2"}`, want: "0 300\n"},
		{prog: `BEGIN{printf "%+d % d %.3d\n", 5, 5, 5}`, want: "+5  5 005\n"},
		{prog: `BEGIN{x = sprintf("%03d-%s", 7, "z"); print x}`, want: "007-z\n"},
		{prog: `BEGIN{printf "%s %s\n", "a"}`, wantErr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s %s\n'\n\t    ^ ran out for this one\n", status: 2},
		{prog: `BEGIN{printf "%z\n"}`, want: "%z\n"},
		{prog: `BEGIN{print log(-1), -log(0), log(0)}`, want: "-nan inf -inf\n"},
		// arrays
		{prog: `{n[$1]++} END{for (k in n) print k, n[k]}`, stdin: "b\na\nb\nc\n", want: "a 1\nb 2\nc 1\n"},
		{prog: `BEGIN{a[10]; a[9]; a[1]; a["x"]; for (k in a) printf "%s ", k; print ""}`, want: "1 9 10 x \n"},
		{prog: `BEGIN{a["x"]=1; if ("x" in a) print "yes"; if (!("y" in a)) print "no"; delete a["x"]; print length(a)}`, want: "yes\nno\n0\n"},
		{prog: `BEGIN{a[1,2]=3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2]}; if ((1,2) in a) print "in"}`, want: "1 2\nin\n"},
		{prog: `BEGIN{n = split("a:b:c", arr, ":"); print n, arr[1], arr[3]; delete arr; print length(arr)}`, want: "3 a c\n0\n"},
		{prog: `BEGIN{n = split("a1b22c", arr, /[0-9]+/); print n, arr[2], arr[3]}`, want: "3 b c\n"},
		{prog: `BEGIN{n = split("  a b  ", arr); print n, arr[1]}`, want: "2 a\n"},
		{prog: `BEGIN{a["x"]; print length(a); if (a["y"] == "") print length(a)}`, want: "1\n2\n"},
		// sub, gsub, match
		{prog: `{sub(/o/, "0"); print}`, stdin: "foo\n", want: "f0o\n"},
		{prog: `{n = gsub(/o/, "0"); print n, $0}`, stdin: "foo boo\n", want: "4 f00 b00\n"},
		{prog: `{gsub(/[aeiou]/, "<&>"); print}`, stdin: "hat\n", want: "h<a>t\n"},
		{prog: `{gsub(/a/, "\\&"); print}`, stdin: "banana\n", want: "b&n&n&\n"},
		{prog: `{s = $0; gsub(/x*/, "-", s); print s}`, stdin: "abc\n", want: "-a-b-c-\n"},
		{prog: `{sub(/b+/, "[&]", $2); print}`, stdin: "abba abba\n", want: "abba a[bb]a\n"},
		{prog: `{if (match($0, /[0-9]+/)) print RSTART, RLENGTH, substr($0, RSTART, RLENGTH)}`, stdin: "abc123def\n", want: "4 3 123\n"},
		{prog: `BEGIN{print match("abc", /z/), RSTART, RLENGTH}`, want: "0 0 -1\n"},
		{prog: `$0 ~ "^a.c$"`, stdin: "abc\naXc\nabcd\n", want: "abc\naXc\n"},
		{prog: `/a{2}/`, stdin: "aa\na{2}\n", want: "a{2}\n"},
		{prog: `/\./ {print "dot"}`, stdin: "a.b\nab\n", want: "dot\n"},
		{prog: `/a\/b/`, stdin: "a/b\nab\n", want: "a/b\n"},
		{prog: `/\t/`, stdin: "a\tb\nab\n", want: "a\tb\n"},
		// control flow
		{prog: `BEGIN{for (i = 1; i <= 3; i++) printf "%d ", i; print ""}`, want: "1 2 3 \n"},
		{prog: `BEGIN{i = 0; while (i < 3) {i++; if (i == 2) continue; print i}}`, want: "1\n3\n"},
		{prog: `BEGIN{i = 0; do { print i; i++ } while (i < 2)}`, want: "0\n1\n"},
		{prog: `BEGIN{for (;;) {if (++i > 3) break}; print i}`, want: "4\n"},
		{prog: "BEGIN {\n  if (1)\n    print \"a\"\n  else\n    print \"b\"\n}", want: "a\n"},
		{prog: `BEGIN{if (0) print "a"; else if (1) print "b"; else print "c"}`, want: "b\n"},
		{prog: `BEGIN { x = 1 ; if (x) { print "t" } else { print "f" } }`, want: "t\n"},
		// functions
		{prog: `function max(a, b) { return a > b ? a : b } BEGIN{print max(3, 7), max("b", "a")}`, want: "7 b\n"},
		{prog: `function fact(n) { if (n <= 1) return 1; return n * fact(n-1) } BEGIN{print fact(10)}`, want: "3628800\n"},
		{prog: `function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i*i } BEGIN{fill(sq, 3); print sq[3], length(sq), i == ""}`, want: "9 3 1\n"},
		{prog: `function f(x) { x = 5 } BEGIN{y = 1; f(y); print y}`, want: "1\n"},
		{prog: "function f(a,\n  b) {\n  return a b\n}\nBEGIN { print f(1, 2) }", want: "12\n"},
		{prog: `function g() { next } {g(); print "no"} END{print NR}`, stdin: "a\nb\n", want: "2\n"},
		// getline
		{prog: `NR==1{getline; print "got", $0}`, stdin: "a\nb\nc\n", want: "got b\n"},
		{prog: `BEGIN{while ((getline line < "/a") > 0) n++; print n, line}`, want: "1 1\n"},
		{prog: `BEGIN{print (getline line < "/missing")}`, want: "-1\n"},
		{prog: `BEGIN{"date" | getline d; print d}`, want: "Mon Oct  6 09:00:00 UTC 2014\n"},
		{prog: `{getline x; print $0, x, NR}`, stdin: "1\n2\n", want: "1 2 2\n"},
		// output
		{prog: `{print $1 > "/out"} END{close("/out"); while ((getline l < "/out") > 0) print "r", l}`, stdin: "a\nb\n", want: "r a\nr b\n"},
		{prog: `BEGIN{print "x" >> "/a"; close("/a"); getline l < "/a"; print l}`, want: "1\n"},
		{prog: `BEGIN{print "oops" > "/dev/stderr"}`, wantErr: "oops\n"},
		{prog: `{print | "sort"} END{close("sort"); print "done"}`, stdin: "b\na\n", want: "a\nb\ndone\n"},
		{prog: `BEGIN{print "x" > "/nope/f"}`, wantErr: "awk: cmd. line:1: fatal: can't redirect to `/nope/f' (No such file or directory)\n", status: 2},
		{prog: `BEGIN{print("a", "b") > "/dev/stdout"}`, want: "a b\n"},
		// variables
		{prog: `BEGIN{print ENVIRON["HOME"], ARGC, ARGV[0], ARGV[1]}`, args: []string{"/a"}, want: "/root 2 awk /a\n"},
		{prog: `BEGIN{srand(); print rand() < 1, srand(5)}`, want: "1 0\n"},
		{prog: `BEGIN{printf "%.6f\n", rand()}`, want: "0.237788\n"},
		// errors
		// gawk 3.1.5 exits 1 after a syntax error, 2 after a fatal one.
		{prog: `{print $1`, wantErr: "awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n", status: 1},
		{prog: `NR < 6 {print $0}; END {print hi`, wantErr: "awk: cmd. line:1: NR < 6 {print $0}; END {print hi\nawk: cmd. line:1:                                 ^ unexpected newline or end of string\n", status: 1},
		{prog: `{print $1 +}`, wantErr: "awk: cmd. line:1: {print $1 +}\nawk: cmd. line:1:            ^ syntax error\n", status: 1},
		{prog: "BEGIN {\n\tx = (1\n}", wantErr: "awk: cmd. line:3: \tx = (1\nawk: cmd. line:3: \t      ^ unexpected newline or end of string\n", status: 1},
		{prog: `BEGIN{print 1/0}`, wantErr: "awk: cmd. line:1: fatal: division by zero attempted\n", status: 2},
		{prog: `BEGIN{print 1%0}`, wantErr: "awk: cmd. line:1: fatal: division by zero attempted in `%'\n", status: 2},
		{prog: `{print}`, args: []string{"x"}, wantErr: "awk: cmd. line:1: fatal: cannot open file `x' for reading (No such file or directory)\n", status: 2},
		{prog: `{print}`, args: []string{"/a", "x"}, want: "1\n", wantErr: "awk: cmd. line:1: (FILENAME=/a FNR=1) fatal: cannot open file `x' for reading (No such file or directory)\n", status: 2},
		{prog: `END{print 1/0}`, stdin: "a\nb\n", wantErr: "awk: cmd. line:1: (FILENAME=- FNR=2) fatal: division by zero attempted\n", status: 2},
		{prog: `NR==2{print $1/$2}`, args: []string{"/b"}, wantErr: "awk: cmd. line:1: (FILENAME=/b FNR=2) fatal: division by zero attempted\n", status: 2},
		{prog: `BEGIN{f(1)}`, wantErr: "awk: cmd. line:1: fatal: function `f' not defined\n", status: 2},
		{prog: `BEGIN{a[1]=1; print a}`, wantErr: "awk: cmd. line:1: fatal: attempt to use array `a' in a scalar context\n", status: 2},
		{prog: `BEGIN{a=1; a[1]=1}`, wantErr: "awk: cmd. line:1: fatal: attempt to use scalar `a' as array\n", status: 2},
		{prog: `BEGIN{print substr("a")}`, wantErr: "awk: cmd. line:1: fatal: 1 is invalid as number of arguments for substr\n", status: 2},
		{prog: `BEGIN{print "a\.b"}`, want: "a.b\n", wantErr: "awk: cmd. line:1: warning: escape sequence `\\.' treated as plain `.'\n"},
		{prog: `BEGIN{print "abc}`, wantErr: "awk: cmd. line:1: BEGIN{print \"abc}\nawk: cmd. line:1:             ^ unterminated string\n", status: 1},
		{prog: `BEGIN{next}`, wantErr: "awk: cmd. line:1: BEGIN{next}\nawk: cmd. line:1:           ^ `next' used in BEGIN action\n", status: 1},
		{prog: `BEGIN{if (0) f(); print "ok"}`, want: "ok\n"},
		{prog: "BEGIN{\nprint $-1}", wantErr: "awk: cmd. line:2: fatal: attempt to access field -1\n", status: 2},
	}
	for _, tc := range tests {
		files := memFiles{"/etc/passwd": passwd, "/a": "1\n", "/b": "x\ny\n"}
		cfg, out, errb := files.config([]Source{{Name: "cmd. line", Text: tc.prog}}, tc.args, tc.stdin)
		status := Run(context.Background(), cfg)
		if out.String() != tc.want || errb.String() != tc.wantErr || status != tc.status {
			t.Errorf("awk %q <<< %q = %q, %q, %d; want %q, %q, %d", tc.prog, tc.stdin, out.String(), errb.String(), status, tc.want, tc.wantErr, tc.status)
		}
	}
}

func TestAssigns(t *testing.T) {
	t.Parallel()
	files := memFiles{}
	cfg, out, _ := files.config([]Source{{Name: "cmd. line", Text: `BEGIN{print x + 1, FS == ":", t}`}}, nil, "")
	cfg.Assigns = []string{"x=41", "FS=:", `t=a\tb`}
	if st := Run(context.Background(), cfg); st != 0 || out.String() != "42 1 a\tb\n" {
		t.Errorf("-v = %q, %d; want %q, 0", out.String(), st, "42 1 a\tb\n")
	}
}

func TestProgFileErrors(t *testing.T) {
	t.Parallel()
	files := memFiles{}
	cfg, _, errb := files.config([]Source{{Name: "prog.awk", Text: "BEGIN {\n  x = 1\n  y = x / 0\n}\n"}}, nil, "")
	if st := Run(context.Background(), cfg); st != 2 || errb.String() != "awk: prog.awk:3: fatal: division by zero attempted\n" {
		t.Errorf("prog.awk = %q, %d", errb.String(), st)
	}
}

func TestCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	files := memFiles{}
	cfg, _, _ := files.config([]Source{{Name: "cmd. line", Text: `BEGIN{while(1);}`}}, nil, "")
	done := make(chan int)
	go func() { done <- Run(ctx, cfg) }()
	select {
	case st := <-done:
		if st != StatusCanceled {
			t.Errorf("canceled run = %d; want %d", st, StatusCanceled)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("BEGIN{while(1);} did not stop when canceled")
	}
}
