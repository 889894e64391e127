package cmds

import (
	"context"
	"io/fs"
	"strings"
	"testing"
)

// sortFiles is the machine the sort tests read.
var sortFiles = map[string]string{
	"/etc/passwd":  "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nsshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\nnobody:x:99:99:Nobody:/:/sbin/nologin\n",
	"/root/mixed":  "banana\nApple\napple\n_cherry\nBanana\n10\n9\n1,000\n",
	"/root/words":  "b\nc\na\n",
	"/root/dups":   "b\na\nb\nA\na\n",
	"/root/sizes":  "10K x\n2K y\n100 z\n-5 w\n3.5 v\n",
	"/root/cols":   "x 3 b\ny 1 a\nz 2 a\nw 1 b\n",
	"/root/months": "Mar 3\nJan 1\nxyz 0\nDEC 12\nfeb 2\n",
	"/root/sorted": "a\nb\nb\nc\n",
	"/root/space":  "a b\nab\na c\n",
	"/root/dir/":   "",
}

func TestSort(t *testing.T) {
	t.Parallel()
	txtRunCases(t, sortFiles, []txtCase{
		// en_US.UTF-8, the CentOS 5 default: case and punctuation count
		// only to break ties.
		{in: "sort mixed", want: "10\n1,000\n9\napple\nApple\nbanana\nBanana\n_cherry\n"},
		{in: "sort space", want: "a b\nab\na c\n"},
		{in: "sort dups", want: "a\na\nA\nb\nb\n"},
		{in: "sort -u dups", want: "a\nA\nb\n"},
		{in: "sort -f -u dups", want: "a\nb\n"},
		{in: "sort -r words", want: "c\nb\na\n"},
		{in: "sort words -", stdin: "d\n0\n", want: "0\na\nb\nc\nd\n"},
		{in: "sort", stdin: "b\na", want: "a\nb\n"},
		// Numbers.
		{in: "sort -n mixed", want: "apple\nApple\nbanana\nBanana\n_cherry\n9\n10\n1,000\n"},
		{in: "sort -n sizes", want: "-5 w\n2K y\n3.5 v\n10K x\n100 z\n"},
		{in: "sort -nr sizes", want: "100 z\n10K x\n3.5 v\n2K y\n-5 w\n"},
		{in: "sort -g", stdin: "1e3\n50\nx\n-2\n", want: "x\n-2\n50\n1e3\n"},
		{in: "sort -M months", want: "xyz 0\nJan 1\nfeb 2\nMar 3\nDEC 12\n"},
		// Keys and separators.
		{in: "sort -t: -k3n /etc/passwd", want: "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nsshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\nnobody:x:99:99:Nobody:/:/sbin/nologin\n"},
		{in: "sort -t: -k3,3nr /etc/passwd", want: "nobody:x:99:99:Nobody:/:/sbin/nologin\nsshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\nbin:x:1:1:bin:/bin:/sbin/nologin\nroot:x:0:0:root:/root:/bin/bash\n"},
		{in: "sort -t: -k7,7 -k1,1 /etc/passwd", want: "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nnobody:x:99:99:Nobody:/:/sbin/nologin\nsshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\n"},
		{in: "sort -k2n cols", want: "w 1 b\ny 1 a\nz 2 a\nx 3 b\n"},
		{in: "sort -k2,2n -k3 cols", want: "y 1 a\nw 1 b\nz 2 a\nx 3 b\n"},
		{in: "sort -s -k3,3 cols", want: "y 1 a\nz 2 a\nx 3 b\nw 1 b\n"},
		{in: "sort -k3,3 -k1,1r cols", want: "z 2 a\ny 1 a\nx 3 b\nw 1 b\n"},
		{in: "sort -k1.2", stdin: "ab\nba\n", want: "ba\nab\n"},
		{in: "sort -b -k2", stdin: "x  b\ny a\n", want: "y a\nx  b\n"},
		// Check, output, errors.
		{in: "sort -c sorted"},
		{in: "sort -cu sorted", wantErr: "sort: sorted:3: disorder: b\n", status: 1},
		{in: "sort -c words", wantErr: "sort: words:3: disorder: a\n", status: 1},
		{in: "sort -o words words", want: ""},
		{in: "sort nope", wantErr: "sort: open failed: nope: No such file or directory\n", status: 2},
		{in: "sort dir", wantErr: "sort: read failed: dir: Is a directory\n", status: 2},
		{in: "sort -k0 words", wantErr: "sort: field number is zero: invalid field specification `0'\n", status: 2},
		{in: "sort -k1.0 words", wantErr: "sort: character offset is zero: invalid field specification `1.0'\n", status: 2},
		{in: "sort -kx words", wantErr: "sort: invalid number at field start: invalid field specification `x'\n", status: 2},
		{in: "sort -k1z words", wantErr: "sort: stray character in field spec: invalid field specification `1z'\n", status: 2},
		{in: "sort -t ab words", wantErr: "sort: multi-character tab `ab'\n", status: 2},
		{in: "sort -h words", wantErr: "sort: invalid option -- h\nTry `sort --help' for more information.\n", status: 2},
	})
	// -o writes the file after reading every input, so it may be an input.
	k := testKernel(t, sortFiles)
	runCmd(t, k, "sort -o words words", "")
	if got, _, _ := runCmd(t, k, "cat words", ""); got != "a\nb\nc\n" {
		t.Errorf("sort -o words words; cat words = %q; want %q", got, "a\nb\nc\n")
	}
}

// TestSortLocale checks byte order under LC_ALL=C and LANG=C.
func TestSortLocale(t *testing.T) {
	t.Parallel()
	k := testKernel(t, sortFiles)
	tests := []struct{ env, line, want string }{
		{"LC_ALL=C", "sort mixed", "1,000\n10\n9\nApple\nBanana\n_cherry\napple\nbanana\n"},
		{"LANG=C", "sort space", "a b\na c\nab\n"},
		{"LC_ALL=POSIX", "sort -f mixed", "1,000\n10\n9\nApple\napple\nBanana\nbanana\n_cherry\n"},
		{"LC_ALL=C", "sort -n mixed", "Apple\nBanana\n_cherry\napple\nbanana\n1,000\n9\n10\n"},
		{"LC_COLLATE=C", "sort words", "a\nb\nc\n"},
	}
	for _, tt := range tests {
		var out, errb strings.Builder
		p := &Proc{
			Ctx: context.Background(), Args: strings.Fields(tt.line), Dir: "/root",
			Environ: []string{"PATH=/bin:/usr/bin", "LANG=en_US.UTF-8", tt.env},
			Stdin:   strings.NewReader(""), Stdout: &out, Stderr: &errb, Sys: k, Umask: fs.FileMode(0o022),
		}
		if st := sortMain(p); st != 0 || out.String() != tt.want {
			t.Errorf("%s %s = %q, %d; want %q, 0", tt.env, tt.line, out.String(), st, tt.want)
		}
	}
}
