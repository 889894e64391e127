package cmds

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"rclab/sim/internal/kernel"
)

// foFixture is the tree most file-operation tests start from. Files are
// 0644 and directories 0755, dated 2014-09-30 12:00 (vfs's default clock);
// the kernel's clock then reads 2014-10-06 09:00.
var foFixture = map[string]string{
	"/root/a":          "hello\n",
	"/root/b":          "bbb\n",
	"/root/empty":      "",
	"/root/d/x":        "x\n",
	"/root/d/sub/y":    "y\n",
	"/root/ed/":        "",
	"/root/la":         "->a",
	"/root/ld":         "->d",
	"/root/dangle":     "->nowhere",
	"/root/abs":        "->/etc/passwd",
	"/tmp/":            "",
	"/etc/passwd":      "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nalice:x:500:500::/home/alice:/bin/bash\n",
	"/etc/group":       "root:x:0:root\nbin:x:1:root,bin,daemon\nwheel:x:10:root\nalice:x:500:\n",
	"/etc/rc.d/rc3.d/": "",
}

// foTest is one command run against a fresh machine.
type foTest struct {
	setup   []string          // commands run first, output ignored
	in      string            // the command line
	stdin   string            // its standard input
	want    string            // standard output
	wantErr string            // standard error
	status  int               // exit status
	check   map[string]string // path → foDescribe of it afterwards
	files   map[string]string // tree to start from; nil: foFixture
}

// foDescribe summarises what path is: "-" when missing, "l -> target",
// "d 0755 0:0", "f 0644 0:0 content", "c 0666 0:0" for a device. A key
// ending in "@m" or "@a" gives the modification or access time instead,
// "@n" the link count; "A==B" says whether A and B are one inode.
func foDescribe(k *kernel.Kernel, name string) string {
	if base, ok := strings.CutSuffix(name, "@m"); ok {
		fi, err := k.FS.Lstat(base)
		if err != nil {
			return "-"
		}
		return fi.ModTime().UTC().Format("2006-01-02 15:04:05")
	}
	if base, ok := strings.CutSuffix(name, "@a"); ok {
		fi, err := k.FS.Lstat(base)
		if err != nil {
			return "-"
		}
		return foSys(fi).Atime.UTC().Format("2006-01-02 15:04:05")
	}
	if base, ok := strings.CutSuffix(name, "@n"); ok {
		fi, err := k.FS.Lstat(base)
		if err != nil {
			return "-"
		}
		return fmt.Sprintf("nlink %d", foSys(fi).Nlink)
	}
	if a, b, ok := strings.Cut(name, "=="); ok {
		fa, err1 := k.FS.Lstat(a)
		fb, err2 := k.FS.Lstat(b)
		if err1 != nil || err2 != nil {
			return "-"
		}
		if foSameInode(fa, fb) {
			return "same"
		}
		return "different"
	}
	fi, err := k.FS.Lstat(name)
	if err != nil {
		return "-"
	}
	st := foSys(fi)
	own := fmt.Sprintf("%d:%d", st.Uid, st.Gid)
	mode := fmt.Sprintf("%04o", foUnixMode(fi.Mode()))
	switch {
	case foIsLink(fi):
		t, _ := k.FS.Readlink(name)
		return "l -> " + t
	case fi.IsDir():
		return "d " + mode + " " + own
	case fi.Mode()&fs.ModeDevice != 0:
		return "c " + mode + " " + own
	}
	f, err := k.FS.Open(name)
	if err != nil {
		return "?"
	}
	defer f.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := f.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return "f " + mode + " " + own + " " + b.String()
}

func foRunTests(t *testing.T, tests []foTest) {
	t.Helper()
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d_%s", i, tt.in), func(t *testing.T) {
			t.Parallel()
			files := tt.files
			if files == nil {
				files = foFixture
			}
			k := testKernel(t, files)
			for _, s := range tt.setup {
				runCmd(t, k, s, "")
			}
			out, errs, st := runCmd(t, k, tt.in, tt.stdin)
			if out != tt.want {
				t.Errorf("%s stdout = %q; want %q", tt.in, out, tt.want)
			}
			if errs != tt.wantErr {
				t.Errorf("%s stderr = %q; want %q", tt.in, errs, tt.wantErr)
			}
			if st != tt.status {
				t.Errorf("%s status = %d; want %d", tt.in, st, tt.status)
			}
			for _, name := range slices.Sorted(maps.Keys(tt.check)) {
				if got := foDescribe(k, name); got != tt.check[name] {
					t.Errorf("%s: %s = %q; want %q", tt.in, name, got, tt.check[name])
				}
			}
		})
	}
}

const foTry = "Try `%s --help' for more information.\n"

func foTryFor(name string) string { return fmt.Sprintf(foTry, name) }

func TestTouch(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "touch new", check: map[string]string{"/root/new": "f 0644 0:0 ", "/root/new@m": "2014-10-06 09:00:00", "/root/new@a": "2014-10-06 09:00:00"}},
		{in: "touch a", check: map[string]string{"/root/a": "f 0644 0:0 hello\n", "/root/a@m": "2014-10-06 09:00:00"}},
		{in: "touch -a a", check: map[string]string{"/root/a@m": "2014-09-30 12:00:00", "/root/a@a": "2014-10-06 09:00:00"}},
		{in: "touch -m a", check: map[string]string{"/root/a@m": "2014-10-06 09:00:00", "/root/a@a": "2014-09-30 12:00:00"}},
		{in: "touch --time=atime a", check: map[string]string{"/root/a@m": "2014-09-30 12:00:00", "/root/a@a": "2014-10-06 09:00:00"}},
		{in: "touch --time=modify a", check: map[string]string{"/root/a@m": "2014-10-06 09:00:00", "/root/a@a": "2014-09-30 12:00:00"}},
		{in: "touch --time=bogus a", status: 1, wantErr: "touch: invalid argument `bogus' for `--time'\nValid arguments are:\n  - `atime', `access', `use'\n  - `mtime', `modify'\n" + foTryFor("touch")},
		{in: "touch -c nope", check: map[string]string{"/root/nope": "-"}},
		{in: "touch --no-create a nope", check: map[string]string{"/root/nope": "-", "/root/a@m": "2014-10-06 09:00:00"}},
		{in: "touch -t 201001021530 a", check: map[string]string{"/root/a@m": "2010-01-02 15:30:00", "/root/a@a": "2010-01-02 15:30:00"}},
		{in: "touch -t 01021530.45 a", check: map[string]string{"/root/a@m": "2014-01-02 15:30:45"}},
		{in: "touch -t 9901021530 a", check: map[string]string{"/root/a@m": "1999-01-02 15:30:00"}},
		{in: "touch -t 1301021530 a", check: map[string]string{"/root/a@m": "2013-01-02 15:30:00"}},
		{in: "touch -t 13451530 a", status: 1, wantErr: "touch: invalid date format `13451530'\n"},
		{in: "touch -t junk a", status: 1, wantErr: "touch: invalid date format `junk'\n"},
		{in: "touch -d '2012-03-04 05:06:07' a", check: map[string]string{"/root/a@m": "2012-03-04 05:06:07"}},
		{in: "touch -d 2012-03-04 a", check: map[string]string{"/root/a@m": "2012-03-04 00:00:00"}},
		{in: "touch --date=yesterday a", check: map[string]string{"/root/a@m": "2014-10-05 09:00:00"}},
		{in: "touch -d '2 hours ago' a", check: map[string]string{"/root/a@m": "2014-10-06 07:00:00"}},
		{in: "touch -d 'next week' a", check: map[string]string{"/root/a@m": "2014-10-13 09:00:00"}},
		{in: "touch -d '+3 days' a", check: map[string]string{"/root/a@m": "2014-10-09 09:00:00"}},
		{in: "touch -d 'Oct 1 2014 10:30' a", check: map[string]string{"/root/a@m": "2014-10-01 10:30:00"}},
		{in: "touch -d '1 Oct 2014' a", check: map[string]string{"/root/a@m": "2014-10-01 00:00:00"}},
		{in: "touch -d '10/01/2014' a", check: map[string]string{"/root/a@m": "2014-10-01 00:00:00"}},
		{in: "touch -d 'Mon Oct  6 10:00:00 UTC 2014' a", check: map[string]string{"/root/a@m": "2014-10-06 10:00:00"}},
		{in: "touch -d 14:15 a", check: map[string]string{"/root/a@m": "2014-10-06 14:15:00"}},
		{in: "touch -d @0 a", check: map[string]string{"/root/a@m": "1970-01-01 00:00:00"}},
		{in: "touch -d 'not a date' a", status: 1, wantErr: "touch: invalid date format `not a date'\n"},
		{in: "touch -r b a", setup: []string{"touch -t 200001010000 b"}, check: map[string]string{"/root/a@m": "2000-01-01 00:00:00", "/root/a@a": "2000-01-01 00:00:00"}},
		{in: "touch -r b -d '+1 day' a", setup: []string{"touch -t 200001010000 b"}, check: map[string]string{"/root/a@m": "2000-01-02 00:00:00"}},
		{in: "touch -r nope a", status: 1, wantErr: "touch: failed to get attributes of `nope': No such file or directory\n"},
		{in: "touch -t 200001010000 -r b a", status: 1, wantErr: "touch: cannot specify times from more than one source\n" + foTryFor("touch")},
		{in: "touch", status: 1, wantErr: "touch: missing file operand\n" + foTryFor("touch")},
		{in: "touch -z a", status: 1, wantErr: "touch: invalid option -- z\n" + foTryFor("touch")},
		{in: "touch nodir/f", status: 1, wantErr: "touch: cannot touch `nodir/f': No such file or directory\n"},
		{in: "touch a/f", status: 1, wantErr: "touch: cannot touch `a/f': Not a directory\n"},
		{in: "touch nodir/f a", status: 1, wantErr: "touch: cannot touch `nodir/f': No such file or directory\n", check: map[string]string{"/root/a@m": "2014-10-06 09:00:00"}},
		{in: "touch d", check: map[string]string{"/root/d": "d 0755 0:0", "/root/d@m": "2014-10-06 09:00:00"}},
		{in: "touch la", check: map[string]string{"/root/la": "l -> a", "/root/a@m": "2014-10-06 09:00:00"}},
		{in: "touch dangle", check: map[string]string{"/root/dangle": "l -> nowhere", "/root/nowhere": "f 0644 0:0 "}},
		{in: "touch -f -", check: map[string]string{"/root/-": "-"}},
		{in: "touch --version", want: "touch (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Paul Rubin, Arnold Robbins, Jim Kingdon, David MacKenzie, and Randy Smith.\n"},
	})
}

func TestTouchUmask(t *testing.T) {
	t.Parallel()
	k := testKernel(t, foFixture)
	var out, errb strings.Builder
	p := &Proc{Args: []string{"touch", "/tmp/u"}, Dir: "/root", Stdout: &out, Stderr: &errb, Sys: k, Umask: 0o077}
	if st := touchMain(p); st != 0 {
		t.Fatalf("touch /tmp/u = %d; want 0 (%s)", st, errb.String())
	}
	if got := foDescribe(k, "/tmp/u"); got != "f 0600 0:0 " {
		t.Errorf("touch /tmp/u with umask 077 made %q; want %q", got, "f 0600 0:0 ")
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	base := time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"now", "2014-10-06 09:00:00"},
		{"today", "2014-10-06 09:00:00"},
		{"tomorrow", "2014-10-07 09:00:00"},
		{"1 day ago", "2014-10-05 09:00:00"},
		{"3 weeks ago", "2014-09-15 09:00:00"},
		{"-2 months", "2014-08-06 09:00:00"},
		{"last year", "2013-10-06 09:00:00"},
		{"1 fortnight", "2014-10-20 09:00:00"},
		{"30 min", "2014-10-06 09:30:00"},
		{"10 seconds ago", "2014-10-06 08:59:50"},
		{"2014-10-06T10:11:12", "2014-10-06 10:11:12"},
		{"2014-10-06 10:11:12 +0200", "2014-10-06 08:11:12"},
		{"2014-10-06T10:11:12Z", "2014-10-06 10:11:12"},
		{"20141231", "2014-12-31 00:00:00"},
		{"12/25/14", "2014-12-25 00:00:00"},
		{"12/25", "2014-12-25 00:00:00"},
		{"December 25, 2013", "2013-12-25 00:00:00"},
		{"25 dec 2013 8:00pm", "2013-12-25 20:00:00"},
		{"8:00 am", "2014-10-06 08:00:00"},
		{"12:30 pm", "2014-10-06 12:30:00"},
		{"Sep 30", "2014-09-30 00:00:00"},
		{"2014-10-06 10:00 UTC", "2014-10-06 10:00:00"},
		{"2014-10-06 + 1 day", "2014-10-07 00:00:00"},
		{"@1412586000", "2014-10-06 09:00:00"},
	}
	for _, tt := range tests {
		got, ok := foParseDate(tt.in, base)
		if !ok {
			t.Errorf("foParseDate(%q) failed; want %s", tt.in, tt.want)
			continue
		}
		if s := got.UTC().Format("2006-01-02 15:04:05"); s != tt.want {
			t.Errorf("foParseDate(%q) = %s; want %s", tt.in, s, tt.want)
		}
	}
	for _, bad := range []string{"", "blah", "2014-13-01", "2014-02-30", "25:00", "13:00 pm", "5", "+5", "Oct 32"} {
		if bad == "" {
			continue
		}
		if got, ok := foParseDate(bad, base); ok {
			t.Errorf("foParseDate(%q) = %v; want failure", bad, got)
		}
	}
}

func TestMkdir(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "mkdir n", check: map[string]string{"/root/n": "d 0755 0:0"}},
		{in: "mkdir n1 n2 /tmp/n3", check: map[string]string{"/root/n1": "d 0755 0:0", "/root/n2": "d 0755 0:0", "/tmp/n3": "d 0755 0:0"}},
		{in: "mkdir -m 700 n", check: map[string]string{"/root/n": "d 0700 0:0"}},
		{in: "mkdir -m 1777 n", check: map[string]string{"/root/n": "d 1777 0:0"}},
		{in: "mkdir --mode=u=rwx,go=rx n", check: map[string]string{"/root/n": "d 0755 0:0"}},
		{in: "mkdir -m go-rwx n", check: map[string]string{"/root/n": "d 0700 0:0"}},
		{in: "mkdir -m 999 n", status: 1, wantErr: "mkdir: invalid mode `999'\n", check: map[string]string{"/root/n": "-"}},
		{in: "mkdir -m", status: 1, wantErr: "mkdir: option requires an argument -- m\n" + foTryFor("mkdir")},
		{in: "mkdir a", status: 1, wantErr: "mkdir: cannot create directory `a': File exists\n"},
		{in: "mkdir d", status: 1, wantErr: "mkdir: cannot create directory `d': File exists\n"},
		{in: "mkdir dangle", status: 1, wantErr: "mkdir: cannot create directory `dangle': File exists\n"},
		{in: "mkdir x/y/z", status: 1, wantErr: "mkdir: cannot create directory `x/y/z': No such file or directory\n"},
		{in: "mkdir a/z", status: 1, wantErr: "mkdir: cannot create directory `a/z': Not a directory\n"},
		{in: "mkdir x/y n", status: 1, wantErr: "mkdir: cannot create directory `x/y': No such file or directory\n", check: map[string]string{"/root/n": "d 0755 0:0"}},
		{in: "mkdir -p x/y/z", check: map[string]string{"/root/x": "d 0755 0:0", "/root/x/y": "d 0755 0:0", "/root/x/y/z": "d 0755 0:0"}},
		{in: "mkdir -p d", check: map[string]string{"/root/d": "d 0755 0:0"}},
		{in: "mkdir -p ld/new", check: map[string]string{"/root/d/new": "d 0755 0:0"}},
		{in: "mkdir -p -m 700 x/y", check: map[string]string{"/root/x": "d 0755 0:0", "/root/x/y": "d 0700 0:0"}},
		{in: "mkdir -p a", status: 1, wantErr: "mkdir: `a' exists but is not a directory\n"},
		{in: "mkdir -p a/b/c", status: 1, wantErr: "mkdir: `a' exists but is not a directory\n", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "mkdir -p /tmp//x///y/", check: map[string]string{"/tmp/x/y": "d 0755 0:0"}},
		{in: "mkdir -v n", wantErr: "mkdir: created directory `n'\n", check: map[string]string{"/root/n": "d 0755 0:0"}},
		{in: "mkdir -pv x/y d", wantErr: "mkdir: created directory `x'\nmkdir: created directory `x/y'\n"},
		{in: "mkdir", status: 1, wantErr: "mkdir: missing operand\n" + foTryFor("mkdir")},
		{in: "mkdir --bogus", status: 1, wantErr: "mkdir: unrecognized option `--bogus'\n" + foTryFor("mkdir")},
		{in: "mkdir --version", want: "mkdir (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by David MacKenzie.\n"},
	})
}

func TestRmdir(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "rmdir ed", check: map[string]string{"/root/ed": "-"}},
		{in: "rmdir d", status: 1, wantErr: "rmdir: `d': Directory not empty\n", check: map[string]string{"/root/d": "d 0755 0:0"}},
		{in: "rmdir --ignore-fail-on-non-empty d ed", check: map[string]string{"/root/d": "d 0755 0:0", "/root/ed": "-"}},
		{in: "rmdir nope", status: 1, wantErr: "rmdir: `nope': No such file or directory\n"},
		{in: "rmdir a", status: 1, wantErr: "rmdir: `a': Not a directory\n", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "rmdir ld", status: 1, wantErr: "rmdir: `ld': Not a directory\n", check: map[string]string{"/root/ld": "l -> d"}},
		{in: "rmdir ed/", check: map[string]string{"/root/ed": "-"}},
		{in: "rmdir .", status: 1, wantErr: "rmdir: `.': Invalid argument\n"},
		{in: "rmdir /", status: 1, wantErr: "rmdir: `/': Device or resource busy\n"},
		{in: "rmdir -p x/y/z", setup: []string{"mkdir -p x/y/z"}, check: map[string]string{"/root/x": "-"}},
		{in: "rmdir -p d/sub/y", status: 1, wantErr: "rmdir: `d/sub/y': Not a directory\n"},
		{in: "rmdir -p x/y", setup: []string{"mkdir -p x/y", "touch x/f"}, status: 1, wantErr: "rmdir: `x': Directory not empty\n", check: map[string]string{"/root/x": "d 0755 0:0", "/root/x/y": "-"}},
		{in: "rmdir -p --ignore-fail-on-non-empty x/y", setup: []string{"mkdir -p x/y", "touch x/f"}, check: map[string]string{"/root/x/y": "-"}},
		{in: "rmdir -v ed", wantErr: "rmdir: removing directory, ed\n"},
		{in: "rmdir -pv x/y", setup: []string{"mkdir -p x/y"}, wantErr: "rmdir: removing directory, x/y\nrmdir: removing directory, x\n"},
		{in: "rmdir", status: 1, wantErr: "rmdir: missing operand\n" + foTryFor("rmdir")},
		{in: "rmdir -x", status: 1, wantErr: "rmdir: invalid option -- x\n" + foTryFor("rmdir")},
	})
}

func TestRm(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "rm a", check: map[string]string{"/root/a": "-", "/root/la": "l -> a"}},
		{in: "rm a b empty", check: map[string]string{"/root/a": "-", "/root/b": "-", "/root/empty": "-"}},
		{in: "rm nope", status: 1, wantErr: "rm: cannot remove `nope': No such file or directory\n"},
		{in: "rm nope a", status: 1, wantErr: "rm: cannot remove `nope': No such file or directory\n", check: map[string]string{"/root/a": "-"}},
		{in: "rm -f nope a", check: map[string]string{"/root/a": "-"}},
		{in: "rm -f"},
		{in: "rm", status: 1, wantErr: "rm: missing operand\n" + foTryFor("rm")},
		{in: "rm d", status: 1, wantErr: "rm: cannot remove `d': Is a directory\n", check: map[string]string{"/root/d": "d 0755 0:0"}},
		{in: "rm -f d", status: 1, wantErr: "rm: cannot remove `d': Is a directory\n"},
		{in: "rm -d ed", status: 1, wantErr: "rm: cannot remove `ed': Is a directory\n"},
		{in: "rm -r d", check: map[string]string{"/root/d": "-", "/root/ld": "l -> d"}},
		{in: "rm -R ed", check: map[string]string{"/root/ed": "-"}},
		{in: "rm --recursive d ed a", check: map[string]string{"/root/d": "-", "/root/ed": "-", "/root/a": "-"}},
		{in: "rm la", check: map[string]string{"/root/la": "-", "/root/a": "f 0644 0:0 hello\n"}},
		{in: "rm -r ld", check: map[string]string{"/root/ld": "-", "/root/d/x": "f 0644 0:0 x\n"}},
		{in: "rm dangle", check: map[string]string{"/root/dangle": "-"}},
		{in: "rm -rf d/", check: map[string]string{"/root/d": "-"}},
		{in: "rm -rf .", status: 1, wantErr: "rm: cannot remove `.' or `..'\n"},
		{in: "rm -rf d/..", status: 1, wantErr: "rm: cannot remove `.' or `..'\n"},
		{in: "rm -v a la", want: "removed `a'\nremoved `la'\n"},
		{in: "rm -rv d", want: "removed `d/sub/y'\nremoved directory: `d/sub'\nremoved `d/x'\nremoved directory: `d'\n"},
		{in: "rm -i a", stdin: "y\n", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "-"}},
		{in: "rm -i a", stdin: "yes please\n", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "-"}},
		{in: "rm -i a", stdin: "Y\n", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "-"}},
		{in: "rm -i a", stdin: "n\n", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "rm -i a", stdin: "", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "rm -i a", stdin: " y\n", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "rm -i empty", stdin: "y\n", wantErr: "rm: remove regular empty file `empty'? ", check: map[string]string{"/root/empty": "-"}},
		{in: "rm -i la", stdin: "y\n", wantErr: "rm: remove symbolic link `la'? ", check: map[string]string{"/root/la": "-"}},
		{in: "rm -i a b", stdin: "n\ny\n", wantErr: "rm: remove regular file `a'? rm: remove regular file `b'? ", check: map[string]string{"/root/a": "f 0644 0:0 hello\n", "/root/b": "-"}},
		{in: "rm -i d", wantErr: "rm: cannot remove `d': Is a directory\n", status: 1},
		{in: "rm -i nope", wantErr: "rm: cannot lstat `nope': No such file or directory\n", status: 1},
		{in: "rm -ri ed", stdin: "y\ny\n", wantErr: "rm: descend into directory `ed'? rm: remove directory `ed'? ", check: map[string]string{"/root/ed": "-"}},
		{in: "rm -ri ed", stdin: "y\nn\n", wantErr: "rm: descend into directory `ed'? rm: remove directory `ed'? ", check: map[string]string{"/root/ed": "d 0755 0:0"}},
		{in: "rm -ri d", stdin: "n\n", wantErr: "rm: descend into directory `d'? ", check: map[string]string{"/root/d/x": "f 0644 0:0 x\n"}},
		{in: "rm -ri d", stdin: "y\ny\ny\ny\ny\ny\n",
			wantErr: "rm: descend into directory `d'? rm: descend into directory `d/sub'? rm: remove regular file `d/sub/y'? rm: remove directory `d/sub'? rm: remove regular file `d/x'? rm: remove directory `d'? ",
			check:   map[string]string{"/root/d": "-"}},
		{in: "rm -ri d", stdin: "y\ny\nn\ny\n",
			wantErr: "rm: descend into directory `d'? rm: descend into directory `d/sub'? rm: remove regular file `d/sub/y'? rm: remove regular file `d/x'? ",
			check:   map[string]string{"/root/d/sub/y": "f 0644 0:0 y\n", "/root/d/x": "-", "/root/d": "d 0755 0:0"}},
		{in: "rm -fi a", stdin: "n\n", wantErr: "rm: remove regular file `a'? ", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "rm -if a", stdin: "n\n", check: map[string]string{"/root/a": "-"}},
		{in: "rm -rf --preserve-root /", status: 1, wantErr: "rm: it is dangerous to operate recursively on `/'\nrm: use --no-preserve-root to override this failsafe\n", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "rm -rf --preserve-root top/", setup: []string{"ln -s / top"}, status: 1, wantErr: "rm: it is dangerous to operate recursively on `top/' (same as `/')\nrm: use --no-preserve-root to override this failsafe\n"},
		{in: "rm -rf /", status: 1, wantErr: "rm: cannot remove directory `/': Device or resource busy\n", check: map[string]string{"/root": "-", "/etc": "-"}},
		{in: "rm -- -x", setup: []string{"touch -- -x"}, check: map[string]string{"/root/-x": "-"}},
		{in: "rm -x", status: 1, wantErr: "rm: invalid option -- x\n" + foTryFor("rm")},
		{in: "rm /etc/rc.d/rc3.d/S10x", setup: []string{"ln -s ../init.d/x /etc/rc.d/rc3.d/S10x"}, check: map[string]string{"/etc/rc.d/rc3.d/S10x": "-"}},
	})
}

func TestCp(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "cp a c", check: map[string]string{"/root/c": "f 0644 0:0 hello\n", "/root/c@m": "2014-10-06 09:00:00"}},
		{in: "cp a b", check: map[string]string{"/root/b": "f 0644 0:0 hello\n"}},
		{in: "cp a d", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n"}},
		{in: "cp a b d/", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n", "/root/d/b": "f 0644 0:0 bbb\n"}},
		{in: "cp a ld", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n", "/root/ld": "l -> d"}},
		{in: "cp -t d a b", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n", "/root/d/b": "f 0644 0:0 bbb\n"}},
		{in: "cp -t a b", status: 1, wantErr: "cp: target `a' is not a directory\n"},
		{in: "cp -t nope b", status: 1, wantErr: "cp: accessing `nope': No such file or directory\n"},
		{in: "cp -T a d", status: 1, wantErr: "cp: cannot overwrite directory `d' with non-directory\n"},
		{in: "cp -T a b c", status: 1, wantErr: "cp: extra operand `c'\n" + foTryFor("cp")},
		{in: "cp -t d -T a", status: 1, wantErr: "cp: cannot combine --target-directory (-t) and --no-target-directory (-T)\n" + foTryFor("cp")},
		{in: "cp a b c", status: 1, wantErr: "cp: target `c' is not a directory\n"},
		{in: "cp a b a2", status: 1, wantErr: "cp: target `a2' is not a directory\n"},
		{in: "cp", status: 1, wantErr: "cp: missing file operand\n" + foTryFor("cp")},
		{in: "cp a", status: 1, wantErr: "cp: missing destination file operand after `a'\n" + foTryFor("cp")},
		{in: "cp nope c", status: 1, wantErr: "cp: cannot stat `nope': No such file or directory\n"},
		{in: "cp nope a d", status: 1, wantErr: "cp: cannot stat `nope': No such file or directory\n", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n"}},
		{in: "cp a nodir/c", status: 1, wantErr: "cp: cannot create regular file `nodir/c': No such file or directory\n"},
		{in: "cp a a", status: 1, wantErr: "cp: `a' and `a' are the same file\n"},
		{in: "cp a la", status: 1, wantErr: "cp: `a' and `la' are the same file\n"},
		{in: "cp d e", status: 1, wantErr: "cp: omitting directory `d'\n", check: map[string]string{"/root/e": "-"}},
		{in: "cp d a e", status: 1, wantErr: "cp: target `e' is not a directory\n"},
		{in: "cp d a ed", status: 1, wantErr: "cp: omitting directory `d'\n", check: map[string]string{"/root/ed/a": "f 0644 0:0 hello\n"}},
		{in: "cp -r d e", check: map[string]string{"/root/e": "d 0755 0:0", "/root/e/x": "f 0644 0:0 x\n", "/root/e/sub/y": "f 0644 0:0 y\n"}},
		{in: "cp -R d ed", check: map[string]string{"/root/ed/d/x": "f 0644 0:0 x\n", "/root/ed/d/sub/y": "f 0644 0:0 y\n"}},
		{in: "cp -r d/ e", check: map[string]string{"/root/e/x": "f 0644 0:0 x\n"}},
		{in: "cp -r d d/sub", status: 1, wantErr: "cp: cannot copy a directory, `d', into itself, `d/sub/d'\n"},
		{in: "cp -r d .", status: 1, wantErr: "cp: `d' and `./d' are the same file\n"},
		{in: "cp -r d a", status: 1, wantErr: "cp: cannot overwrite non-directory `a' with directory `d'\n"},
		{in: "cp -r a ed", check: map[string]string{"/root/ed/a": "f 0644 0:0 hello\n"}},
		// A link named on the command line is followed; with -d, -P or -a it is copied as a link.
		{in: "cp la c", check: map[string]string{"/root/c": "f 0644 0:0 hello\n"}},
		{in: "cp -d la c", check: map[string]string{"/root/c": "l -> a"}},
		{in: "cp -P la c", check: map[string]string{"/root/c": "l -> a"}},
		{in: "cp --no-dereference dangle c", check: map[string]string{"/root/c": "l -> nowhere"}},
		{in: "cp dangle c", status: 1, wantErr: "cp: cannot stat `dangle': No such file or directory\n"},
		{in: "cp -r ld e", check: map[string]string{"/root/e": "d 0755 0:0", "/root/e/x": "f 0644 0:0 x\n"}},
		{in: "cp -rP ld e", check: map[string]string{"/root/e": "l -> d"}},
		{in: "cp -r d e", setup: []string{"ln -s x d/lx"}, check: map[string]string{"/root/e/lx": "l -> x"}},
		{in: "cp -rL d e", setup: []string{"ln -s x d/lx"}, check: map[string]string{"/root/e/lx": "f 0644 0:0 x\n"}},
		{in: "cp -a d e", setup: []string{"ln -s x d/lx", "ln d/x d/hx", "chmod 600 d/x", "chown alice d/x", "touch -t 200001010000 d/x"},
			check: map[string]string{"/root/e/lx": "l -> x", "/root/e/x": "f 0600 500:0 x\n", "/root/e/x@m": "2000-01-01 00:00:00", "/root/e/hx@n": "nlink 2", "/root/e/x==/root/e/hx": "same", "/root/e/sub@m": "2014-09-30 12:00:00"}},
		{in: "cp -a ed e", check: map[string]string{"/root/e": "d 0755 0:0", "/root/e@m": "2014-09-30 12:00:00"}},
		{in: "cp -r ed e", check: map[string]string{"/root/e": "d 0755 0:0", "/root/e@m": "2014-10-06 09:00:00"}},
		{in: "cp -r d e", setup: []string{"ln d/x d/hx"}, check: map[string]string{"/root/e/hx@n": "nlink 1", "/root/e/x==/root/e/hx": "different"}},
		{in: "cp -p a c", setup: []string{"chmod 4755 a", "chown alice:wheel a"}, check: map[string]string{"/root/c": "f 4755 500:10 hello\n", "/root/c@m": "2014-09-30 12:00:00"}},
		{in: "cp a c", setup: []string{"chmod 4755 a", "chown alice:wheel a"}, check: map[string]string{"/root/c": "f 0755 0:0 hello\n", "/root/c@m": "2014-10-06 09:00:00"}},
		{in: "cp --preserve=timestamps a c", setup: []string{"chmod 700 a"}, check: map[string]string{"/root/c": "f 0700 0:0 hello\n", "/root/c@m": "2014-09-30 12:00:00"}},
		{in: "cp --preserve=bogus a c", status: 1, wantErr: "cp: invalid argument `bogus' for `--preserve'\nValid arguments are:\n  - `mode'\n  - `timestamps'\n  - `ownership'\n  - `links'\n  - `all'\n" + foTryFor("cp")},
		{in: "cp a b", setup: []string{"chmod 600 b"}, check: map[string]string{"/root/b": "f 0600 0:0 hello\n"}},
		{in: "cp -i a b", stdin: "y\n", wantErr: "cp: overwrite `b'? ", check: map[string]string{"/root/b": "f 0644 0:0 hello\n"}},
		{in: "cp -i a b", stdin: "n\n", wantErr: "cp: overwrite `b'? ", check: map[string]string{"/root/b": "f 0644 0:0 bbb\n"}},
		{in: "cp -i a c", check: map[string]string{"/root/c": "f 0644 0:0 hello\n"}},
		{in: "cp -if a b", stdin: "n\n", wantErr: "cp: overwrite `b'? ", check: map[string]string{"/root/b": "f 0644 0:0 bbb\n"}},
		{in: "cp -ir d e", setup: []string{"mkdir e", "cp -r d e"}, stdin: "n\ny\n", wantErr: "cp: overwrite `e/d/sub/y'? cp: overwrite `e/d/x'? "},
		{in: "cp -i a b d", setup: []string{"cp a d"}, stdin: "n\n", wantErr: "cp: overwrite `d/a'? ", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n", "/root/d/b": "f 0644 0:0 bbb\n"}},
		{in: "cp -v a b c2", status: 1, wantErr: "cp: target `c2' is not a directory\n"},
		{in: "cp -v a c", want: "`a' -> `c'\n"},
		{in: "cp -rv d e", want: "`d' -> `e'\n`d/sub' -> `e/sub'\n`d/sub/y' -> `e/sub/y'\n`d/x' -> `e/x'\n"},
		{in: "cp -u a b", setup: []string{"touch b"}, check: map[string]string{"/root/b": "f 0644 0:0 bbb\n"}},
		{in: "cp -u b a", setup: []string{"touch b"}, check: map[string]string{"/root/a": "f 0644 0:0 bbb\n"}},
		{in: "cp -u a c", check: map[string]string{"/root/c": "f 0644 0:0 hello\n"}},
		{in: "cp -s /root/a c", check: map[string]string{"/root/c": "l -> /root/a"}},
		{in: "cp -s a c", check: map[string]string{"/root/c": "l -> a"}},
		{in: "cp -s a d/c", status: 1, wantErr: "cp: `d/c': can make relative symbolic links only in current directory\n"},
		{in: "cp -s a b", status: 1, wantErr: "cp: cannot create symbolic link `b' to `a': File exists\n"},
		{in: "cp -sf a b", check: map[string]string{"/root/b": "l -> a"}},
		{in: "cp -l a c", check: map[string]string{"/root/c@n": "nlink 2", "/root/a==/root/c": "same"}, files: map[string]string{"/root/a": "A"}},
		{in: "cp a dangle", status: 1, wantErr: "cp: cannot create regular file `dangle': No such file or directory\n"},
		{in: "cp -f a dangle", check: map[string]string{"/root/dangle": "f 0644 0:0 hello\n"}},
		{in: "cp --remove-destination a la", check: map[string]string{"/root/la": "f 0644 0:0 hello\n"}},
		{in: "cp a abs", check: map[string]string{"/etc/passwd": "f 0644 0:0 hello\n", "/root/abs": "l -> /etc/passwd"}},
		{in: "cp -b a b", check: map[string]string{"/root/b": "f 0644 0:0 hello\n", "/root/b~": "f 0644 0:0 bbb\n"}},
		{in: "cp --backup=numbered a b", setup: []string{"cp --backup=t empty b"}, check: map[string]string{"/root/b": "f 0644 0:0 hello\n", "/root/b.~1~": "f 0644 0:0 bbb\n", "/root/b.~2~": "f 0644 0:0 "}},
		{in: "cp -S .bak a b", check: map[string]string{"/root/b.bak": "f 0644 0:0 bbb\n"}},
		{in: "cp -bv a b", want: "`a' -> `b' (backup: `b~')\n"},
		{in: "cp --backup=bogus a b", status: 1, wantErr: "cp: invalid argument `bogus' for `backup type'\nValid arguments are:\n  - `none', `off'\n  - `simple', `never'\n  - `existing', `nil'\n  - `numbered', `t'\n" + foTryFor("cp")},
		{in: "cp --parents d/sub/y ed", check: map[string]string{"/root/ed/d/sub/y": "f 0644 0:0 y\n", "/root/ed/d": "d 0755 0:0"}},
		{in: "cp --parents d/x a", status: 1, wantErr: "cp: with --parents, the destination must be a directory\n" + foTryFor("cp")},
		{in: "cp -r /dev/null c", files: map[string]string{"/root/a": "A"}, setup: nil, want: "", status: 1, wantErr: "cp: cannot stat `/dev/null': No such file or directory\n"},
		{in: "cp -ls a c", status: 1, wantErr: "cp: cannot make both hard and symbolic links\n" + foTryFor("cp")},
		{in: "cp -q a c", status: 1, wantErr: "cp: invalid option -- q\n" + foTryFor("cp")},
	})
}

func TestCpDevice(t *testing.T) {
	t.Parallel()
	k := testKernel(t, foFixture)
	if err := k.FS.Mknod("/root/null", fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0); err != nil {
		t.Fatal(err)
	}
	if _, errs, st := runCmd(t, k, "cp -a null n2", ""); st != 0 {
		t.Fatalf("cp -a null n2 = %d (%s); want 0", st, errs)
	}
	if got := foDescribe(k, "/root/n2"); got != "c 0666 0:0" {
		t.Errorf("cp -a null n2 made %q; want %q", got, "c 0666 0:0")
	}
	if _, errs, st := runCmd(t, k, "cp null n3", ""); st != 0 {
		t.Fatalf("cp null n3 = %d (%s); want 0", st, errs)
	}
	if got := foDescribe(k, "/root/n3"); got != "f 0644 0:0 " {
		t.Errorf("cp null n3 made %q; want %q", got, "f 0644 0:0 ")
	}
}

func TestMv(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "mv a c", check: map[string]string{"/root/a": "-", "/root/c": "f 0644 0:0 hello\n", "/root/c@m": "2014-09-30 12:00:00"}},
		{in: "mv a b", check: map[string]string{"/root/a": "-", "/root/b": "f 0644 0:0 hello\n"}},
		{in: "mv a d", check: map[string]string{"/root/a": "-", "/root/d/a": "f 0644 0:0 hello\n"}},
		{in: "mv a b ed", check: map[string]string{"/root/ed/a": "f 0644 0:0 hello\n", "/root/ed/b": "f 0644 0:0 bbb\n"}},
		{in: "mv a ld", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n", "/root/ld": "l -> d"}},
		{in: "mv -t ed a b", check: map[string]string{"/root/ed/a": "f 0644 0:0 hello\n", "/root/ed/b": "f 0644 0:0 bbb\n"}},
		{in: "mv -T ed d", status: 1, wantErr: "mv: cannot move `ed' to `d': Directory not empty\n"},
		{in: "mv -T d ed", check: map[string]string{"/root/ed/x": "f 0644 0:0 x\n", "/root/d": "-"}},
		{in: "mv d e", check: map[string]string{"/root/e/sub/y": "f 0644 0:0 y\n", "/root/d": "-"}},
		{in: "mv d ed", check: map[string]string{"/root/ed/d/sub/y": "f 0644 0:0 y\n", "/root/d": "-"}},
		{in: "mv la c", check: map[string]string{"/root/c": "l -> a", "/root/la": "-"}},
		{in: "mv la d", check: map[string]string{"/root/d/la": "l -> a"}},
		{in: "mv ld e", check: map[string]string{"/root/e": "l -> d", "/root/d/x": "f 0644 0:0 x\n"}},
		{in: "mv a la", check: map[string]string{"/root/la": "f 0644 0:0 hello\n", "/root/a": "-"}},
		{in: "mv nope c", status: 1, wantErr: "mv: cannot stat `nope': No such file or directory\n"},
		{in: "mv a nodir/c", status: 1, wantErr: "mv: cannot move `a' to `nodir/c': No such file or directory\n", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "mv a a", status: 1, wantErr: "mv: `a' and `a' are the same file\n"},
		{in: "mv d d/sub", status: 1, wantErr: "mv: cannot move `d' to a subdirectory of itself, `d/sub/d'\n"},
		{in: "mv d a", status: 1, wantErr: "mv: cannot overwrite non-directory `a' with directory `d'\n"},
		{in: "mv -T a ed", status: 1, wantErr: "mv: cannot overwrite directory `ed' with non-directory\n"},
		{in: "mv a b c", status: 1, wantErr: "mv: target `c' is not a directory\n"},
		{in: "mv", status: 1, wantErr: "mv: missing file operand\n" + foTryFor("mv")},
		{in: "mv a", status: 1, wantErr: "mv: missing destination file operand after `a'\n" + foTryFor("mv")},
		{in: "mv -i a b", stdin: "y\n", wantErr: "mv: overwrite `b'? ", check: map[string]string{"/root/b": "f 0644 0:0 hello\n", "/root/a": "-"}},
		{in: "mv -i a b", stdin: "n\n", wantErr: "mv: overwrite `b'? ", check: map[string]string{"/root/b": "f 0644 0:0 bbb\n", "/root/a": "f 0644 0:0 hello\n"}},
		{in: "mv -i a c", check: map[string]string{"/root/c": "f 0644 0:0 hello\n"}},
		{in: "mv -if a b", check: map[string]string{"/root/b": "f 0644 0:0 hello\n"}},
		{in: "mv -fi a b", stdin: "n\n", wantErr: "mv: overwrite `b'? ", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "mv -v a c", want: "`a' -> `c'\n"},
		{in: "mv -v a b d", want: "`a' -> `d/a'\n`b' -> `d/b'\n"},
		{in: "mv -u a b", setup: []string{"touch b"}, check: map[string]string{"/root/a": "f 0644 0:0 hello\n", "/root/b": "f 0644 0:0 bbb\n"}},
		{in: "mv -u b a", setup: []string{"touch b"}, check: map[string]string{"/root/a": "f 0644 0:0 bbb\n", "/root/b": "-"}},
		{in: "mv -b a b", check: map[string]string{"/root/b": "f 0644 0:0 hello\n", "/root/b~": "f 0644 0:0 bbb\n"}},
		{in: "mv --backup=numbered -v a b", want: "`a' -> `b' (backup: `b.~1~')\n"},
		{in: "mv a/ c", status: 1, wantErr: "mv: cannot stat `a/': Not a directory\n"},
		{in: "mv --strip-trailing-slashes d/ e", check: map[string]string{"/root/e/x": "f 0644 0:0 x\n"}},
		{in: "mv /tmp /var/tmp", files: map[string]string{"/tmp/f": "F", "/var/": ""}, check: map[string]string{"/var/tmp/f": "f 0644 0:0 F"}},
		{in: "mv -x a b", status: 1, wantErr: "mv: invalid option -- x\n" + foTryFor("mv")},
	})
}

func TestLn(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "ln -s a c", check: map[string]string{"/root/c": "l -> a"}},
		{in: "ln -s nowhere c", check: map[string]string{"/root/c": "l -> nowhere"}},
		{in: "ln -s ../init.d/httpd /etc/rc.d/rc3.d/S85httpd", check: map[string]string{"/etc/rc.d/rc3.d/S85httpd": "l -> ../init.d/httpd"}},
		{in: "ln -s /etc/passwd", check: map[string]string{"/root/passwd": "l -> /etc/passwd"}},
		{in: "ln -s /etc/passwd", setup: []string{"touch passwd"}, status: 1, wantErr: "ln: creating symbolic link `./passwd' to `/etc/passwd': File exists\n"},
		{in: "ln -s a b", status: 1, wantErr: "ln: creating symbolic link `b' to `a': File exists\n", check: map[string]string{"/root/b": "f 0644 0:0 bbb\n"}},
		{in: "ln -sf a b", check: map[string]string{"/root/b": "l -> a"}},
		{in: "ln -s a d", check: map[string]string{"/root/d/a": "l -> a"}},
		{in: "ln -s /root/a /root/b d", check: map[string]string{"/root/d/a": "l -> /root/a", "/root/d/b": "l -> /root/b"}},
		{in: "ln -s a b c", status: 1, wantErr: "ln: target `c' is not a directory\n"},
		{in: "ln -s -t d a", check: map[string]string{"/root/d/a": "l -> a"}},
		{in: "ln -s a nodir/c", status: 1, wantErr: "ln: creating symbolic link `nodir/c' to `a': No such file or directory\n"},
		// A link to a directory is followed as the destination unless -n.
		{in: "ln -sf b ld", check: map[string]string{"/root/ld": "l -> d", "/root/d/b": "l -> b"}},
		{in: "ln -sfn b ld", check: map[string]string{"/root/ld": "l -> b"}},
		{in: "ln -sn b ld", status: 1, wantErr: "ln: creating symbolic link `ld' to `b': File exists\n"},
		{in: "ln -sfT b ld", check: map[string]string{"/root/ld": "l -> b"}},
		{in: "ln -sfT b ed", status: 1, wantErr: "ln: `ed': cannot overwrite directory\n"},
		{in: "ln -si a b", stdin: "y\n", wantErr: "ln: replace `b'? ", check: map[string]string{"/root/b": "l -> a"}},
		{in: "ln -si a b", stdin: "n\n", wantErr: "ln: replace `b'? ", check: map[string]string{"/root/b": "f 0644 0:0 bbb\n"}},
		{in: "ln -sif a b", check: map[string]string{"/root/b": "l -> a"}},
		{in: "ln -sv a c", want: "create symbolic link `c' to `a'\n"},
		{in: "ln -v a c", want: "create hard link `c' to `a'\n"},
		{in: "ln -sbv a b", want: "create symbolic link `b' to `a' (backup: `b~')\n", check: map[string]string{"/root/b~": "f 0644 0:0 bbb\n"}},
		{in: "ln a c", files: map[string]string{"/root/a": "A"}, check: map[string]string{"/root/c": "f 0644 0:0 A", "/root/c@n": "nlink 2", "/root/a==/root/c": "same"}},
		{in: "ln a d", check: map[string]string{"/root/d/a": "f 0644 0:0 hello\n"}},
		{in: "ln la c", check: map[string]string{"/root/c": "l -> a"}},
		{in: "ln nope c", status: 1, wantErr: "ln: accessing `nope': No such file or directory\n"},
		{in: "ln d c", status: 1, wantErr: "ln: `d': hard link not allowed for directory\n"},
		{in: "ln a b", status: 1, wantErr: "ln: creating hard link `b' to `a': File exists\n"},
		{in: "ln -f a b", check: map[string]string{"/root/b": "f 0644 0:0 hello\n"}},
		{in: "ln -f a a", status: 1, wantErr: "ln: `a' and `a' are the same file\n"},
		{in: "ln -f a ./a", setup: []string{"ln a c"}, status: 1, wantErr: "ln: `a' and `./a' are the same file\n"},
		{in: "ln -f a c", setup: []string{"ln a c"}, check: map[string]string{"/root/a==/root/c": "same", "/root/c@n": "nlink 2"}},
		{in: "ln", status: 1, wantErr: "ln: missing file operand\n" + foTryFor("ln")},
		{in: "ln -T a", status: 1, wantErr: "ln: missing destination file operand after `a'\n" + foTryFor("ln")},
		{in: "ln -t nope a", status: 1, wantErr: "ln: accessing `nope': No such file or directory\n"},
		{in: "ln -z a", status: 1, wantErr: "ln: invalid option -- z\n" + foTryFor("ln")},
		{in: "ln --version", want: "ln (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Parker and David MacKenzie.\n"},
	})
}

func TestReadlink(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"/etc/rc.d/init.d/sshd":   "#!/bin/sh\n",
		"/etc/rc.d/rc3.d/S55sshd": "->../init.d/sshd",
		"/etc/rc3.d":              "->rc.d/rc3.d",
		"/etc/init.d":             "->rc.d/init.d",
		"/root/loop":              "->loop",
		"/root/dangle":            "->/nowhere/x",
		"/root/a":                 "A",
		"/root/twice":             "->/etc/rc3.d/S55sshd",
	}
	foRunTests(t, []foTest{
		{files: files, in: "readlink /etc/rc3.d/S55sshd", want: "../init.d/sshd\n"},
		{files: files, in: "readlink /etc/rc3.d", want: "rc.d/rc3.d\n"},
		{files: files, in: "readlink a", status: 1},
		{files: files, in: "readlink nope", status: 1},
		{files: files, in: "readlink -v a", status: 1, wantErr: "readlink: a: Invalid argument\n"},
		{files: files, in: "readlink -v nope", status: 1, wantErr: "readlink: nope: No such file or directory\n"},
		{files: files, in: "readlink -n /etc/init.d", want: "rc.d/init.d"},
		{files: files, in: "readlink -f /etc/rc3.d/S55sshd", want: "/etc/rc.d/init.d/sshd\n"},
		{files: files, in: "readlink -f twice", want: "/etc/rc.d/init.d/sshd\n"},
		{files: files, in: "readlink -f a", want: "/root/a\n"},
		{files: files, in: "readlink -f .", want: "/root\n"},
		{files: files, in: "readlink -f ../etc/./init.d/", want: "/etc/rc.d/init.d\n"},
		{files: files, in: "readlink -f newfile", want: "/root/newfile\n"},
		{files: files, in: "readlink -f nodir/newfile", status: 1},
		{files: files, in: "readlink -f a/x", status: 1},
		{files: files, in: "readlink -e newfile", status: 1},
		{files: files, in: "readlink -e /etc/init.d/sshd", want: "/etc/rc.d/init.d/sshd\n"},
		{files: files, in: "readlink -m nodir/../x/y", want: "/root/x/y\n"},
		{files: files, in: "readlink -m dangle", want: "/nowhere/x\n"},
		{files: files, in: "readlink -f dangle", status: 1},
		{files: files, in: "readlink -f loop", status: 1},
		{files: files, in: "readlink -fv loop", status: 1, wantErr: "readlink: loop: Too many levels of symbolic links\n"},
		{files: files, in: "readlink", status: 1, wantErr: "readlink: missing operand\n" + foTryFor("readlink")},
		{files: files, in: "readlink a b", status: 1, wantErr: "readlink: extra operand `b'\n" + foTryFor("readlink")},
		{files: files, in: "readlink -x a", status: 1, wantErr: "readlink: invalid option -- x\n" + foTryFor("readlink")},
	})
}

func TestBasenameDirname(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "basename /usr/bin/sort", want: "sort\n"},
		{in: "basename include/stdio.h .h", want: "stdio\n"},
		{in: "basename .h .h", want: ".h\n"},
		{in: "basename /etc/init.d/", want: "init.d\n"},
		{in: "basename /", want: "/\n"},
		{in: "basename //", want: "/\n"},
		{in: "basename ''", want: "\n"},
		{in: "basename a", want: "a\n"},
		{in: "basename -- -x", want: "-x\n"},
		{in: "basename", status: 1, wantErr: "basename: missing operand\n" + foTryFor("basename")},
		{in: "basename a b c", status: 1, wantErr: "basename: extra operand `c'\n" + foTryFor("basename")},
		{in: "basename -a x", status: 1, wantErr: "basename: invalid option -- a\n" + foTryFor("basename")},
		{in: "basename --version", want: "basename (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by FIXME unknown.\n"},
		{in: "dirname /usr/bin/sort", want: "/usr/bin\n"},
		{in: "dirname stdio.h", want: ".\n"},
		{in: "dirname /usr/bin/", want: "/usr\n"},
		{in: "dirname /usr", want: "/\n"},
		{in: "dirname /", want: "/\n"},
		{in: "dirname a//b//", want: "a\n"},
		{in: "dirname ''", want: ".\n"},
		{in: "dirname", status: 1, wantErr: "dirname: missing operand\n" + foTryFor("dirname")},
		{in: "dirname a b", status: 1, wantErr: "dirname: extra operand `b'\n" + foTryFor("dirname")},
	})
}

func TestSyncMktemp(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "sync"},
		{in: "sync x", wantErr: "sync: ignoring all arguments\n"},
		{in: "sync -x", status: 1, wantErr: "sync: invalid option -- x\n" + foTryFor("sync")},
		{in: "mktemp -V", want: "mktemp version 1.5\n"},
		{in: "mktemp a b", status: 1, wantErr: mktempUsage},
		{in: "mktemp -z", status: 1, wantErr: "mktemp: invalid option -- z\n" + mktempUsage},
		{in: "mktemp /nodir/fooXXXX", status: 1, wantErr: "mktemp: cannot make temp file /nodir/fooXXXX: No such file or directory\n"},
		{in: "mktemp -q /nodir/fooXXXX", status: 1},
		{in: "mktemp -d /nodir/fooXXXX", status: 1, wantErr: "mktemp: cannot make temp dir /nodir/fooXXXX: No such file or directory\n"},
		{in: "mktemp fooXX", status: 1, wantErr: "mktemp: cannot make temp file fooXX: Invalid argument\n"},
		{in: "mktemp -t a/XXXX", status: 1, wantErr: "mktemp: template must not contain directory separators in -t mode\n"},
	})
	k := testKernel(t, foFixture)
	names := map[string]bool{}
	for _, tt := range []struct{ in, pattern, kind string }{
		{"mktemp", `^/tmp/tmp\.[A-Za-z0-9]{10}$`, "f 0600 0:0 "},
		{"mktemp", `^/tmp/tmp\.[A-Za-z0-9]{10}$`, "f 0600 0:0 "},
		{"mktemp -d", `^/tmp/tmp\.[A-Za-z0-9]{10}$`, "d 0700 0:0"},
		{"mktemp /tmp/svc.XXXXXX", `^/tmp/svc\.[A-Za-z0-9]{6}$`, "f 0600 0:0 "},
		{"mktemp -t lock.XXX", `^/tmp/lock\.[A-Za-z0-9]{3}$`, "f 0600 0:0 "},
		{"mktemp -p /root x.XXXX", `^/root/x\.[A-Za-z0-9]{4}$`, "f 0600 0:0 "},
		{"mktemp fooXXXXX", `^foo[A-Za-z0-9]{5}$`, "f 0600 0:0 "},
		{"mktemp -u", `^/tmp/tmp\.[A-Za-z0-9]{10}$`, "-"},
	} {
		out, errs, st := runCmd(t, k, tt.in, "")
		name := strings.TrimSuffix(out, "\n")
		if st != 0 || errs != "" || !regexp.MustCompile(tt.pattern).MatchString(name) {
			t.Errorf("%s = %q, %q, %d; want a name like %s", tt.in, out, errs, st, tt.pattern)
			continue
		}
		if names[name] {
			t.Errorf("%s repeated the name %s", tt.in, name)
		}
		names[name] = true
		if got := foDescribe(k, foPath(&Proc{Dir: "/root"}, name)); got != tt.kind {
			t.Errorf("%s made %s = %q; want %q", tt.in, name, got, tt.kind)
		}
	}
	// The same seed gives the same names.
	k1, k2 := testKernel(t, foFixture), testKernel(t, foFixture)
	o1, _, _ := runCmd(t, k1, "mktemp", "")
	o2, _, _ := runCmd(t, k2, "mktemp", "")
	if o1 != o2 {
		t.Errorf("mktemp on two machines with one seed = %q, %q; want the same", o1, o2)
	}
}

func TestFoHelp(t *testing.T) {
	t.Parallel()
	k := testKernel(t, foFixture)
	for _, name := range []string{"touch", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "readlink", "basename", "dirname", "sync", "chmod", "chown", "chgrp"} {
		out, errs, st := runCmd(t, k, name+" --help", "")
		if st != 0 || errs != "" || !strings.HasPrefix(out, "Usage: "+name+" ") {
			t.Errorf("%s --help = %q, %q, %d; want usage, exit 0", name, out, errs, st)
		}
		out, _, st = runCmd(t, k, name+" --version", "")
		if st != 0 || !strings.HasPrefix(out, name+" (GNU coreutils) 5.97\n") {
			t.Errorf("%s --version = %q, %d; want version, exit 0", name, out, st)
		}
		c, ok := Lookup(name)
		if !ok || c.Summary == "" || c.Usage == "" {
			t.Errorf("Lookup(%q) = %v, %v; want a described command", name, c, ok)
		}
	}
}
