package cmds

import (
	"context"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"mvdan.cc/sh/v3/shell"
)

var awkFiles = map[string]string{
	"/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n" +
		"bin:x:1:1:bin:/bin:/sbin/nologin\n" +
		"apache:x:48:48:Apache:/var/www:/sbin/nologin\n" +
		"alice:x:500:500::/home/alice:/bin/bash\n" +
		"bob:x:501:501::/home/bob:/bin/bash\n",
	"/root/ps.txt": "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n" +
		"root         1  0.0  0.1   2072   620 ?        Ss   09:00   0:00 init [3]\n" +
		"root      2301  0.0  0.9  10092  2380 ?        Ss   09:00   0:00 /usr/sbin/httpd\n" +
		"apache    2303  0.0  0.5  10092  1424 ?        S    09:00   0:00 /usr/sbin/httpd\n",
	"/root/sum.awk": "# add up column 2\n{ s += $2 }\nEND { printf \"total %d\\n\", s }\n",
	"/root/bad.awk": "BEGIN {\n  print 1/0\n}\n",
	"/root/nums":    "a 1\nb 2\nc 3\n",
	"/root/dir/":    "",
}

type awkCase struct {
	in, stdin, want, wantErr string
	status                   int
}

func awkCheck(t *testing.T, cases []awkCase) {
	t.Helper()
	for _, tc := range cases {
		k := testKernel(t, awkFiles)
		out, errOut, status := runCmd(t, k, tc.in, tc.stdin)
		if out != tc.want || errOut != tc.wantErr || status != tc.status {
			t.Errorf("%s <<< %q = %q, %q, %d; want %q, %q, %d", tc.in, tc.stdin, out, errOut, status, tc.want, tc.wantErr, tc.status)
		}
	}
}

func TestAwkTeaching(t *testing.T) {
	t.Parallel()
	ps, _ := awkFiles["/root/ps.txt"]
	awkCheck(t, []awkCase{
		{in: "awk -F: '$3 >= 500 {print $1}' /etc/passwd", want: "alice\nbob\n"},
		{in: "awk '{sum += $6} END {print sum}'", stdin: ps, want: "4424\n"},
		{in: `awk '{print NR": "$0}' /root/nums`, want: "1: a 1\n2: b 2\n3: c 3\n"},
		{in: "awk 'NR==2' /root/nums", want: "b 2\n"},
		{in: "awk '/httpd/ {print $2}'", stdin: ps, want: "2301\n2303\n"},
		{in: "gawk -F : '{print $NF}' /etc/passwd", want: "/bin/bash\n/sbin/nologin\n/sbin/nologin\n/bin/bash\n/bin/bash\n"},
		{in: `awk -F: -v OFS='\t' '$7 ~ /bash/ {print $1, $6}' /etc/passwd`, want: "root\t/root\nalice\t/home/alice\nbob\t/home/bob\n"},
		{in: `awk 'BEGIN {FS=":"} {n[$7]++} END {for (s in n) printf "%-15s %d\n", s, n[s]}' /etc/passwd`, want: "/bin/bash       3\n/sbin/nologin   2\n"},
		{in: "awk 'END {print NR}' /etc/passwd /root/nums", want: "8\n"},
		{in: "awk 'NR > 1 {print $1}'", stdin: ps, want: "root\nroot\napache\n"},
		{in: "awk '{print $1}' -", stdin: "x y\n", want: "x\n"},
		{in: `awk -F'\t' '{print $2}'`, stdin: "a b\tc\n", want: "c\n"},
		{in: "awk -v n=2 '$2 > n' /root/nums", want: "c 3\n"},
		{in: "awk '{print $2 * m}' m=10 /root/nums", want: "10\n20\n30\n"},
		{in: "awk -f /root/sum.awk /root/nums", want: "total 6\n"},
		{in: "awk --source 'BEGIN{print 1}' --assign x=5 -f /root/sum.awk /root/nums", want: "1\ntotal 6\n"},
		{in: `awk 'BEGIN { printf "%5.2f|%-4s|%03d|%x|%c\n", 3.14159, "ab", 7, 255, 65 }'`, want: " 3.14|ab  |007|ff|A\n"},
		{in: `awk 'BEGIN { print length("hello"), substr("hello", 2, 3), toupper("x") }'`, want: "5 ell X\n"},
		{in: `awk '{ $2 = ""; print }' /root/nums`, want: "a \nb \nc \n"},
		{in: `awk '{ print > "/root/out" } END { close("/root/out"); while ((getline l < "/root/out") > 0) print "got " l }' /root/nums`, want: "got a 1\ngot b 2\ngot c 3\n"},
		{in: `awk 'BEGIN { print ENVIRON["HOME"] }'`, want: "/root\n"},
		{in: `awk '/[0-9]{2}/'`, stdin: "12\nx{2}\n", want: ""},
		{in: `awk --re-interval '/^[0-9]{2}$/'`, stdin: "12\n123\n", want: "12\n"},
		{in: `awk '$1 ~ /^[[:upper:]]/'`, stdin: "Abc\nabc\n", want: "Abc\n"},
		{in: `awk 'BEGIN { exit 3 }'`, status: 3},
	})
}

func TestAwkErrors(t *testing.T) {
	t.Parallel()
	usage := strings.ReplaceAll(awkUsage, "%[1]s", "awk")
	awkCheck(t, []awkCase{
		{in: "awk '{print $1'", wantErr: "awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n", status: 1},
		{in: "gawk 'BEGIN{print 1/0}'", wantErr: "gawk: cmd. line:1: fatal: division by zero attempted\n", status: 2},
		{in: "awk '{print}' x", wantErr: "awk: cmd. line:1: fatal: cannot open file `x' for reading (No such file or directory)\n", status: 2},
		{in: "awk '{print}' /root/dir", wantErr: "awk: cmd. line:1: fatal: error reading input file `/root/dir': Is a directory\n", status: 2},
		{in: "awk -f /root/bad.awk", wantErr: "awk: /root/bad.awk:2: fatal: division by zero attempted\n", status: 2},
		{in: "awk -f /root/none.awk", wantErr: "awk: fatal: can't open source file `/root/none.awk' for reading (No such file or directory)\n", status: 2},
		{in: `awk 'BEGIN{print "x" > "/nope/f"}'`, wantErr: "awk: cmd. line:1: fatal: can't redirect to `/nope/f' (No such file or directory)\n", status: 2},
		{in: "awk -v 1x=2 1", wantErr: "awk: `1x=2' argument to `-v' not in `var=value' form\n" + usage, status: 1},
		{in: "awk", wantErr: usage, status: 1},
		{in: "awk -F", wantErr: "awk: option requires an argument -- F\n" + usage, status: 1},
		{in: "awk --help", want: usage},
		{in: "awk --version", want: awkVersion},
	})
}

func TestAwkCanceled(t *testing.T) {
	t.Parallel()
	k := testKernel(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var out, errb strings.Builder
	p := &Proc{Ctx: ctx, Args: []string{"awk", "BEGIN{while(1);}"}, Dir: "/root", Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Sys: k}
	done := make(chan int, 1)
	go func() { done <- awkMain(p) }()
	select {
	case st := <-done:
		if st != 130 {
			t.Errorf("awk 'BEGIN{while(1);}' canceled = %d; want 130", st)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("awk 'BEGIN{while(1);}' did not stop when its context was canceled")
	}
}

// TestAwkPipes runs print | CMD, CMD | getline and system() through a
// stand-in for /bin/sh -c (the real shell lives in another package).
func TestAwkPipes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ prog, want string }{
		{`BEGIN { "echo hi" | getline x; print x; system("echo sys") }`, "hi\nsys\n"},
		{`{ print | "sort -r" } END { close("sort -r"); print "done" }`, "c 3\nb 2\na 1\ndone\n"},
		{`{ print | "sort -r" }`, "c 3\nb 2\na 1\n"},
		{`BEGIN { while (("echo a b" | getline) > 0) print $2; print close("echo a b") }`, "b\n0\n"},
		{`BEGIN { print system("false") }`, "1\n"},
	} {
		k := testKernel(t, awkFiles)
		var out, errb strings.Builder
		p := &Proc{Ctx: context.Background(), Args: []string{"awk", tc.prog, "/root/nums"}, Dir: "/root",
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Sys: k, Umask: fs.FileMode(0o022)}
		p.Run = func(argv []string, in io.Reader, o, e io.Writer) int {
			if len(argv) != 3 || argv[0] != "/bin/sh" || argv[1] != "-c" {
				t.Fatalf("awk ran %q; want /bin/sh -c CMD", argv)
			}
			fields, err := shell.Fields(argv[2], nil)
			if err != nil {
				t.Fatal(err)
			}
			if e == nil {
				e = &errb
			}
			return runArgv(k, fields, "/root", in, o, e)
		}
		if st := awkMain(p); out.String() != tc.want || errb.String() != "" || st != 0 {
			t.Errorf("awk %q = %q, %q, %d; want %q, \"\", 0", tc.prog, out.String(), errb.String(), st, tc.want)
		}
	}
}
