package cmds

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"strings"
	"testing"

	"rclab/sim/internal/kernel"
)

// siFiles is a small CentOS 5 root: accounts, hosts and a few programs.
var siFiles = map[string]string{
	"/etc/passwd": "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\n" +
		"daemon:x:2:2:daemon:/sbin:/sbin/nologin\nstudent:x:500:500::/home/student:/bin/bash\n",
	"/etc/group": "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\n" +
		"sys:x:3:root,bin,adm\nadm:x:4:root,adm,daemon\ntty:x:5:\ndisk:x:6:root\nwheel:x:10:root\n" +
		"student:x:500:\n",
	"/etc/hosts":       "# Do not remove the following line\n127.0.0.1\tlocalhost.localdomain localhost\n192.168.56.10\tlab1.localdomain lab1 www\n",
	"/bin/echo":        "",
	"/bin/ls":          "",
	"/usr/bin/ls":      "",
	"/bin/date":        "",
	"/usr/bin/env":     "",
	"/usr/bin/notexec": "",
	"/root/file":       "data",
	"/root/empty":      "",
	"/root/dir/":       "",
	"/root/link":       "->dir",
	"/root/dangling":   "->nowhere",
}

// siKernel builds a kernel over siFiles with the programs executable.
func siKernel(t *testing.T) *kernel.Kernel {
	t.Helper()
	k := testKernel(t, siFiles)
	for _, f := range []string{"/bin/echo", "/bin/ls", "/usr/bin/ls", "/bin/date", "/usr/bin/env"} {
		if err := k.FS.Chmod(f, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

// siCase is one line of a table test.
type siCase struct {
	in, stdin, want, wantErr string
	status                   int
}

func siRunTable(t *testing.T, tests []siCase) {
	t.Helper()
	for _, tt := range tests {
		k := siKernel(t)
		out, errs, st := runCmd(t, k, tt.in, tt.stdin)
		if out != tt.want || errs != tt.wantErr || st != tt.status {
			t.Errorf("%s = %q, %q, %d; want %q, %q, %d", tt.in, out, errs, st, tt.want, tt.wantErr, tt.status)
		}
	}
}

// siProc runs one program with a hand-built Proc, for what runCmd cannot
// set: a terminal, an environment, a recording Run.
func siProc(t *testing.T, k *kernel.Kernel, argv []string, tty bool, env []string, mods ...func(*Proc)) (string, string, int) {
	t.Helper()
	c, ok := Lookup(argv[0])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	var out, errb bytes.Buffer
	p := &Proc{Ctx: context.Background(), Args: argv, Dir: "/root", Environ: env,
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Sys: k, Tty: tty, Umask: fs.FileMode(0o022)}
	for _, m := range mods {
		m(p)
	}
	st := c.Main(p)
	return out.String(), errb.String(), st
}

func TestSiDate(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "date", want: "Mon Oct  6 09:00:00 UTC 2014\n"},
		{in: "date -u", want: "Mon Oct  6 09:00:00 UTC 2014\n"},
		{in: "date -R", want: "Mon, 06 Oct 2014 09:00:00 +0000\n"},
		{in: "date --rfc-2822", want: "Mon, 06 Oct 2014 09:00:00 +0000\n"},
		{in: "date -I", want: "2014-10-06\n"},
		{in: "date -Iseconds", want: "2014-10-06T09:00:00+0000\n"},
		{in: "date --iso-8601=minutes", want: "2014-10-06T09:00+0000\n"},
		{in: "date --rfc-3339=seconds", want: "2014-10-06 09:00:00+00:00\n"},
		{in: "date --rfc-3339=ns", want: "2014-10-06 09:00:00.000000000+00:00\n"},
		{in: "date +%Y-%m-%d", want: "2014-10-06\n"},
		{in: "date '+%H:%M:%S %T %R %D %F'", want: "09:00:00 09:00:00 09:00 10/06/14 2014-10-06\n"},
		{in: "date '+%a %A %b %B %h %e %j'", want: "Mon Monday Oct October Oct  6 279\n"},
		{in: "date '+%s %Z %z %:z %y %C'", want: "1412586000 UTC +0000 +00:00 14 20\n"},
		{in: "date '+%p %P %I %l %k %u %w'", want: "AM am 09  9  9 1 1\n"},
		{in: "date '+%U %W %V %G %g'", want: "40 40 41 2014 14\n"},
		{in: "date '+%c|%x|%X|%r'", want: "Mon 06 Oct 2014 09:00:00 AM UTC|10/06/2014|09:00:00 AM|09:00:00 AM\n"},
		{in: "date '+a%nb%tc%%d'", want: "a\nb\tc%d\n"},
		{in: "date '+%-d %_m %05e %^a %^B %#Z %10Y %-H %3N %N'", want: "6 10 00006 MON OCTOBER utc 0000002014 9 000 000000000\n"},
		{in: "date +%Q%", want: "%Q%\n"},
		{in: "date -d yesterday +%F", want: "2014-10-05\n"},
		{in: "date -d tomorrow", want: "Tue Oct  7 09:00:00 UTC 2014\n"},
		{in: "date -d now", want: "Mon Oct  6 09:00:00 UTC 2014\n"},
		{in: "date -d '2 days ago'", want: "Sat Oct  4 09:00:00 UTC 2014\n"},
		{in: "date -d '+3 days'", want: "Thu Oct  9 09:00:00 UTC 2014\n"},
		{in: "date -d '1 week ago' +%F", want: "2014-09-29\n"},
		{in: "date -d '2 hours' +%T", want: "11:00:00\n"},
		{in: "date -d '-30 minutes' +%T", want: "08:30:00\n"},
		{in: "date -d 'next month' +%F", want: "2014-11-06\n"},
		{in: "date -d '1 year ago' +%F", want: "2013-10-06\n"},
		{in: "date -d 2014-12-25", want: "Thu Dec 25 00:00:00 UTC 2014\n"},
		{in: "date -d '2014-12-25 13:45'", want: "Thu Dec 25 13:45:00 UTC 2014\n"},
		{in: "date -d '2014-12-25 13:45:30'", want: "Thu Dec 25 13:45:30 UTC 2014\n"},
		{in: "date -d 2014-12-25T13:45:30", want: "Thu Dec 25 13:45:30 UTC 2014\n"},
		{in: "date -d 12/25/2014 +%F", want: "2014-12-25\n"},
		{in: "date -d 'Dec 25 2014' +%F", want: "2014-12-25\n"},
		{in: "date -d '25 December 2014' +%F", want: "2014-12-25\n"},
		{in: "date -d 20141225 +%F", want: "2014-12-25\n"},
		{in: "date -d 14:30", want: "Mon Oct  6 14:30:00 UTC 2014\n"},
		{in: "date -d 2pm +%T", want: "14:00:00\n"},
		{in: "date -d '12:00am' +%T", want: "00:00:00\n"},
		{in: "date -d 'tomorrow 08:00'", want: "Tue Oct  7 08:00:00 UTC 2014\n"},
		{in: "date -d @0", want: "Thu Jan  1 00:00:00 UTC 1970\n"},
		{in: "date -d @1412586000", want: "Mon Oct  6 09:00:00 UTC 2014\n"},
		{in: "date -d friday +%F", want: "2014-10-10\n"},
		{in: "date -d monday", want: "Mon Oct  6 00:00:00 UTC 2014\n"},
		{in: "date -d 'next monday' +%F", want: "2014-10-13\n"},
		{in: "date -d 'last friday' +%F", want: "2014-10-03\n"},
		{in: "date -d 'Oct 31 2014 + 1 month' +%F", want: "2014-12-01\n"},
		{in: "date -d '2014-10-06 10:00 +0200' +%T", want: "08:00:00\n"},
		{in: "date -d foo", wantErr: "date: invalid date `foo'\n", status: 1},
		{in: "date -d 2014-02-30", wantErr: "date: invalid date `2014-02-30'\n", status: 1},
		{in: "date -d 25:00", wantErr: "date: invalid date `25:00'\n", status: 1},
		{in: "date -r /root/file +%F", want: "2014-09-30\n"}, // the image files are older than the clock
		{in: "date -r /nope", wantErr: "date: /nope: No such file or directory\n", status: 1},
		{in: "date -z", wantErr: "date: invalid option -- z\nTry `date --help' for more information.\n", status: 1},
		{in: "date +%Y +%m", wantErr: "date: extra operand `+%m'\nTry `date --help' for more information.\n", status: 1},
		{in: "date -R +%Y", wantErr: "date: multiple output formats specified\n", status: 1},
		{in: "date -d now -s now", wantErr: "date: the options to print and set the time may not be used together\nTry `date --help' for more information.\n", status: 1},
		{in: "date -d now 10061000", wantErr: "date: the argument `10061000' lacks a leading `+';\nWhen using an option to specify date(s), any non-option\nargument must be a format string beginning with `+'.\nTry `date --help' for more information.\n", status: 1},
		{in: "date --iso-8601=x", wantErr: "date: invalid argument `x' for `--iso-8601'\nValid arguments are:\n  - `date'\n  - `hours'\n  - `minutes'\n  - `seconds'\nTry `date --help' for more information.\n", status: 1},
		{in: "date -f -", stdin: "2014-01-01\nbad\n@60\n", want: "Wed Jan  1 00:00:00 UTC 2014\nThu Jan  1 00:01:00 UTC 1970\n", wantErr: "date: invalid date `bad'\n", status: 1},
		{in: "date 13011000", wantErr: "date: invalid date `13011000'\n", status: 1},
		{in: "date --version", want: "date (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\n" +
			"This is free software.  You may redistribute copies of it under the terms of\n" +
			"the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n" +
			"There is NO WARRANTY, to the extent permitted by law.\n\nWritten by David MacKenzie.\n"},
	})
}

func TestSiDateZone(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	for _, tt := range []struct{ tz, want string }{
		{"GMT", "Mon Oct  6 09:00:00 GMT 2014\n"},
		{"UTC", "Mon Oct  6 09:00:00 UTC 2014\n"},
		// Known divergence: other zones are treated as UTC.
		{"America/New_York", "Mon Oct  6 09:00:00 UTC 2014\n"},
	} {
		out, _, _ := siProc(t, k, []string{"date"}, false, []string{"TZ=" + tt.tz})
		if out != tt.want {
			t.Errorf("TZ=%s date = %q; want %q", tt.tz, out, tt.want)
		}
	}
	// The C locale has its own %c, %x and %X.
	out, _, _ := siProc(t, k, []string{"date", "+%c|%x|%X"}, false, []string{"LANG=C"})
	if want := "Mon Oct  6 09:00:00 2014|10/06/14|09:00:00\n"; out != want {
		t.Errorf("LANG=C date +%%c|%%x|%%X = %q; want %q", out, want)
	}
}

func TestSiDateSet(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	steps := []struct{ in, want string }{
		{"date -s '2014-10-07 10:00'", "Tue Oct  7 10:00:00 UTC 2014\n"},
		{"date", "Tue Oct  7 10:00:00 UTC 2014\n"},
		{"date 10081130", "Wed Oct  8 11:30:00 UTC 2014\n"},
		{"date +%F.%T", "2014-10-08.11:30:00\n"},
		{"date 100812002014.30", "Wed Oct  8 12:00:30 UTC 2014\n"},
		{"date 1008123014", "Wed Oct  8 12:30:00 UTC 2014\n"},
		// Known divergence: the virtual clock cannot go back, so an
		// earlier time is printed but not set.
		{"date -s 2014-01-01", "Wed Jan  1 00:00:00 UTC 2014\n"},
		{"date", "Wed Oct  8 12:30:00 UTC 2014\n"},
	}
	for _, s := range steps {
		out, errs, st := runCmd(t, k, s.in, "")
		if out != s.want || errs != "" || st != 0 {
			t.Errorf("%s = %q, %q, %d; want %q", s.in, out, errs, st, s.want)
		}
	}
}

func TestSiSleep(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "sleep", wantErr: "sleep: missing operand\nTry `sleep --help' for more information.\n", status: 1},
		{in: "sleep x", wantErr: "sleep: invalid time interval `x'\nTry `sleep --help' for more information.\n", status: 1},
		{in: "sleep 1 2x 3y", wantErr: "sleep: invalid time interval `2x'\nsleep: invalid time interval `3y'\nTry `sleep --help' for more information.\n", status: 1},
		{in: "sleep -1", wantErr: "sleep: invalid option -- 1\nTry `sleep --help' for more information.\n", status: 1},
		{in: "sleep 0"},
	})
	k := siKernel(t)
	for _, tt := range []struct{ in, want string }{
		{"sleep 5", "09:00:05"},
		{"sleep 2m", "09:02:05"},
		{"sleep 1h 0.5", "10:02:05"},
		{"sleep .5 1s", "10:02:07"},
		{"sleep 1d", "10:02:07"},
	} {
		if _, errs, st := runCmd(t, k, tt.in, ""); st != 0 || errs != "" {
			t.Fatalf("%s = %q, %d", tt.in, errs, st)
		}
		if got := k.Clock.Now().Format("15:04:05"); got != tt.want {
			t.Errorf("after %s clock = %s; want %s", tt.in, got, tt.want)
		}
	}
	if got := k.Clock.Now().Format("2006-01-02"); got != "2014-10-07" {
		t.Errorf("after sleep 1d date = %s; want 2014-10-07", got)
	}
}

func TestSiHostname(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "hostname", want: "lab1\n"},
		{in: "hostname -s", want: "lab1\n"},
		{in: "hostname -f", want: "lab1.localdomain\n"},
		{in: "hostname --fqdn", want: "lab1.localdomain\n"},
		{in: "hostname -d", want: "localdomain\n"},
		{in: "hostname -i", want: "192.168.56.10 \n"},
		{in: "hostname -a", want: "lab1 www \n"},
		{in: "hostname -V", want: "net-tools 1.60\nhostname 1.100 (2001-04-14)\n"},
		{in: "hostname -y", wantErr: "hostname: Local domain name not set\n", status: 1},
		{in: "hostname 'bad name'", wantErr: "hostname: the specified hostname is invalid\n", status: 1},
		{in: "hostname -z", wantErr: "hostname: invalid option -- z\n" + siHostnameUsage, status: 255},
	})
	k := siKernel(t)
	if _, errs, st := runCmd(t, k, "hostname server2.example.com", ""); st != 0 || errs != "" {
		t.Fatalf("hostname NAME = %q, %d", errs, st)
	}
	for _, tt := range []struct{ in, want string }{
		{"hostname", "server2.example.com\n"},
		{"hostname -s", "server2\n"},
		{"hostname -f", "server2.example.com\n"},
		{"hostname -d", "example.com\n"},
		{"hostname -i", "127.0.0.1 \n"},
		{"uname -n", "server2.example.com\n"},
	} {
		if out, _, _ := runCmd(t, k, tt.in, ""); out != tt.want {
			t.Errorf("%s = %q; want %q", tt.in, out, tt.want)
		}
	}
	if got := k.Hostname(); got != "server2.example.com" {
		t.Errorf("kernel hostname = %q", got)
	}
	k.FS.MkdirAll("/etc/sysconfig", 0o755)
	f, _ := k.FS.Create("/etc/HOSTNAME")
	io.WriteString(f, "# name\nfromfile\n")
	f.Close()
	if _, errs, st := runCmd(t, k, "hostname -F /etc/HOSTNAME", ""); st != 0 || errs != "" || k.Hostname() != "fromfile" {
		t.Errorf("hostname -F = %q, %d, host %q", errs, st, k.Hostname())
	}
}

func TestSiUname(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "uname", want: "Linux\n"},
		{in: "uname -a", want: "Linux lab1 2.6.18-398.el5 #1 SMP Tue Sep 16 20:51:48 EDT 2014 i686 i686 i386 GNU/Linux\n"},
		{in: "uname --all", want: "Linux lab1 2.6.18-398.el5 #1 SMP Tue Sep 16 20:51:48 EDT 2014 i686 i686 i386 GNU/Linux\n"},
		{in: "uname -s", want: "Linux\n"},
		{in: "uname -n", want: "lab1\n"},
		{in: "uname -r", want: "2.6.18-398.el5\n"},
		{in: "uname -v", want: "#1 SMP Tue Sep 16 20:51:48 EDT 2014\n"},
		{in: "uname -m", want: "i686\n"},
		{in: "uname -p", want: "i686\n"},
		{in: "uname -i", want: "i386\n"},
		{in: "uname -o", want: "GNU/Linux\n"},
		{in: "uname -rs", want: "Linux 2.6.18-398.el5\n"},
		{in: "uname -m -s", want: "Linux i686\n"},
		{in: "uname x", wantErr: "uname: extra operand `x'\nTry `uname --help' for more information.\n", status: 1},
		{in: "uname -x", wantErr: "uname: invalid option -- x\nTry `uname --help' for more information.\n", status: 1},
		{in: "uname --foo", wantErr: "uname: unrecognized option `--foo'\nTry `uname --help' for more information.\n", status: 1},
		{in: "arch", want: "i686\n"},
		{in: "arch -x y", want: "i686\n"},
	})
}

func TestSiID(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "id", want: "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)\n"},
		{in: "id root", want: "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)\n"},
		{in: "id bin", want: "uid=1(bin) gid=1(bin) groups=1(bin),2(daemon),3(sys)\n"},
		{in: "id student", want: "uid=500(student) gid=500(student) groups=500(student)\n"},
		{in: "id -u", want: "0\n"},
		{in: "id -un", want: "root\n"},
		{in: "id -g", want: "0\n"},
		{in: "id -gn", want: "root\n"},
		{in: "id -G", want: "0 1 2 3 4 6 10\n"},
		{in: "id -Gn", want: "root bin daemon sys adm disk wheel\n"},
		{in: "id -G daemon", want: "2 1 4\n"},
		{in: "id -ur", want: "0\n"},
		{in: "id -a", want: "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)\n"},
		{in: "id nosuch", wantErr: "id: nosuch: No such user\n", status: 1},
		{in: "id -n", wantErr: "id: cannot print only names or real IDs in default format\n", status: 1},
		{in: "id -ug", wantErr: "id: cannot print \"only\" of more than one choice\n", status: 1},
		{in: "id -Z", wantErr: "id: --context (-Z) works only on an SELinux-enabled kernel\n", status: 1},
		{in: "id a b", wantErr: "id: extra operand `b'\nTry `id --help' for more information.\n", status: 1},
		{in: "whoami", want: "root\n"},
		{in: "whoami x", wantErr: "whoami: extra operand `x'\nTry `whoami --help' for more information.\n", status: 1},
		{in: "logname", wantErr: "logname: no login name\n", status: 1},
	})
	// Without /etc/passwd and /etc/group ids stay numeric.
	k := testKernel(t, map[string]string{"/root/": ""})
	if out, _, _ := runCmd(t, k, "id", ""); out != "uid=0 gid=0 groups=0\n" {
		t.Errorf("id without passwd = %q", out)
	}
	if _, errs, st := runCmd(t, k, "whoami", ""); errs != "whoami: cannot find name for user ID 0\n" || st != 1 {
		t.Errorf("whoami without passwd = %q, %d", errs, st)
	}
}

func TestSiEnv(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "env", want: "PATH=/sbin:/bin:/usr/sbin:/usr/bin\nHOME=/root\nUSER=root\nLANG=en_US.UTF-8\nTERM=linux\n"},
		{in: "env -i A=1 B=2", want: "A=1\nB=2\n"},
		{in: "env - A=1", want: "A=1\n"},
		{in: "env -u HOME -u LANG -u TERM", want: "PATH=/sbin:/bin:/usr/sbin:/usr/bin\nUSER=root\n"},
		{in: "env USER=student", want: "PATH=/sbin:/bin:/usr/sbin:/usr/bin\nHOME=/root\nLANG=en_US.UTF-8\nTERM=linux\nUSER=student\n"},
		{in: "env echo hi there", want: "hi there\n"},
		{in: "env A=1 /bin/echo -n x", want: "x"},
		{in: "env nosuch", wantErr: "env: nosuch: No such file or directory\n", status: 127},
		{in: "env /usr/bin/notexec", wantErr: "env: /usr/bin/notexec: Permission denied\n", status: 126},
		{in: "env -i echo x", wantErr: "env: echo: No such file or directory\n", status: 127},
		{in: "env -z", wantErr: "env: invalid option -- z\nTry `env --help' for more information.\n", status: 1},
		{in: "printenv HOME", want: "/root\n"},
		{in: "printenv HOME USER", want: "/root\nroot\n"},
		{in: "printenv NOPE", status: 1},
		{in: "printenv HOME NOPE", want: "/root\n", status: 1},
		{in: "printenv", want: "PATH=/sbin:/bin:/usr/sbin:/usr/bin\nHOME=/root\nUSER=root\nLANG=en_US.UTF-8\nTERM=linux\n"},
	})
}

// TestSiEnvCommand checks that env hands the modified environment to the
// program it starts, and gives the old one back afterwards.
func TestSiEnvCommand(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	var seen [][]string
	var argv0 []string
	var out bytes.Buffer
	p := &Proc{Ctx: context.Background(), Args: []string{"env", "-u", "HOME", "FOO=bar", "PATH=/bin", "date", "+%Y"},
		Dir: "/root", Environ: []string{"PATH=/usr/bin:/bin", "HOME=/root", "FOO=old"},
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Sys: k}
	p.Run = func(a []string, in io.Reader, o, e io.Writer) int {
		seen = append(seen, append([]string(nil), p.Environ...))
		argv0 = a
		return 3
	}
	if st := siEnv(p); st != 3 {
		t.Errorf("env ... date = %d; want the child's status 3", st)
	}
	want := []string{"FOO=bar", "PATH=/bin"}
	if len(seen) != 1 || strings.Join(seen[0], " ") != strings.Join(want, " ") {
		t.Errorf("child environment = %q; want %q", seen, want)
	}
	if strings.Join(argv0, " ") != "date +%Y" {
		t.Errorf("child argv = %q", argv0)
	}
	if len(p.Environ) != 3 || p.Environ[2] != "FOO=old" {
		t.Errorf("environment after env = %q; want it restored", p.Environ)
	}
}

func TestSiWhich(t *testing.T) {
	t.Parallel()
	const path = "/usr/kerberos/sbin:/usr/kerberos/bin:/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin"
	k := siKernel(t)
	env := []string{"PATH=" + path, "HOME=/root"}
	for _, tt := range []struct {
		argv          []string
		stdin         string
		tty           bool
		want, wantErr string
		status        int
	}{
		{argv: []string{"which", "ls"}, want: "/bin/ls\n"},
		{argv: []string{"which", "-a", "ls"}, want: "/bin/ls\n/usr/bin/ls\n"},
		{argv: []string{"which", "ls", "date"}, want: "/bin/ls\n/bin/date\n"},
		{argv: []string{"/usr/bin/which", "foo"}, wantErr: "/usr/bin/which: no foo in (" + path + ")\n", status: 1},
		{argv: []string{"which", "foo", "ls", "bar"}, want: "/bin/ls\n", wantErr: "which: no foo in (" + path + ")\nwhich: no bar in (" + path + ")\n", status: 2},
		{argv: []string{"which", "notexec"}, wantErr: "which: no notexec in (" + path + ")\n", status: 1},
		{argv: []string{"which", "/bin/ls"}, want: "/bin/ls\n"},
		{argv: []string{"which", "/bin/nope"}, wantErr: "which: no /bin/nope in (/bin)\n", status: 1},
		// CentOS 5's root alias: which='alias | /usr/bin/which --tty-only --read-alias --show-dot --show-tilde'
		{argv: []string{"/usr/bin/which", "--tty-only", "--read-alias", "--show-dot", "--show-tilde", "ls"},
			stdin: "alias l.='ls -d .* --color=tty'\nalias ls='ls --color=tty'\n", tty: true,
			want: "alias ls='ls --color=tty'\n\t/bin/ls\n"},
		{argv: []string{"/usr/bin/which", "--tty-only", "--read-alias", "ls"},
			stdin: "alias ls='ls --color=tty'\n", want: "/bin/ls\n"},
		{argv: []string{"which", "-i", "date"}, stdin: "alias ls='ls --color=tty'\n", want: "/bin/date\n"},
	} {
		var out, errb bytes.Buffer
		p := &Proc{Ctx: context.Background(), Args: tt.argv, Dir: "/root", Environ: env,
			Stdin: strings.NewReader(tt.stdin), Stdout: &out, Stderr: &errb, Sys: k, Tty: tt.tty}
		st := siWhich(p)
		if out.String() != tt.want || errb.String() != tt.wantErr || st != tt.status {
			t.Errorf("%q = %q, %q, %d; want %q, %q, %d", tt.argv, out.String(), errb.String(), st, tt.want, tt.wantErr, tt.status)
		}
	}
	// A dot in PATH, with and without --show-dot.
	envDot := []string{"PATH=.:/bin"}
	k.FS.Chmod("/root/file", 0o755)
	if out, _, _ := siProc(t, k, []string{"which", "file"}, false, envDot); out != "/root/file\n" {
		t.Errorf("which file (PATH=.) = %q", out)
	}
	if out, _, _ := siProc(t, k, []string{"which", "--show-dot", "file"}, false, envDot); out != "./file\n" {
		t.Errorf("which --show-dot file (PATH=.) = %q", out)
	}
}

func TestSiClearTty(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	for _, tt := range []struct {
		argv          []string
		tty           bool
		env           []string
		want, wantErr string
		status        int
	}{
		{argv: []string{"clear"}, env: []string{"TERM=linux"}, want: "\033[H\033[2J"},
		{argv: []string{"clear"}, env: []string{"TERM=xterm"}, want: "\033[H\033[2J"},
		{argv: []string{"clear"}, wantErr: "TERM environment variable not set.\n", status: 1},
		{argv: []string{"clear"}, env: []string{"TERM=foo"}, wantErr: "'foo': unknown terminal type.\n", status: 1},
		{argv: []string{"tty"}, want: "not a tty\n", status: 1},
		{argv: []string{"tty"}, tty: true, want: "not a tty\n", status: 1}, // stdout does not count
		{argv: []string{"tty", "-s"}, status: 1},
		{argv: []string{"tty", "x"}, wantErr: "tty: extra operand `x'\nTry `tty --help' for more information.\n", status: 2},
		{argv: []string{"tty", "-q"}, wantErr: "tty: invalid option -- q\nTry `tty --help' for more information.\n", status: 2},
	} {
		out, errs, st := siProc(t, k, tt.argv, tt.tty, tt.env)
		if out != tt.want || errs != tt.wantErr || st != tt.status {
			t.Errorf("%q (tty %v) = %q, %q, %d; want %q, %q, %d", tt.argv, tt.tty, out, errs, st, tt.want, tt.wantErr, tt.status)
		}
	}
	// Standard input on a terminal: tty names it, logname finds its login,
	// test -t 0 sees it.
	k.Login(kernel.Session{User: "root", TTY: "tty1", Login: kernel.Epoch})
	k.Login(kernel.Session{User: "student", TTY: "pts/0", Login: kernel.Epoch})
	onTerm := func(name string) func(*Proc) {
		return func(p *Proc) { p.StdinTty, p.TTY = true, name }
	}
	for _, tt := range []struct {
		argv          []string
		term          string
		want, wantErr string
		status        int
	}{
		{argv: []string{"tty"}, term: "tty1", want: "/dev/tty1\n"},
		{argv: []string{"tty"}, term: "pts/0", want: "/dev/pts/0\n"},
		{argv: []string{"tty", "-s"}, term: "tty1"},
		{argv: []string{"logname"}, term: "tty1", want: "root\n"},
		{argv: []string{"logname"}, term: "pts/0", want: "student\n"},
		{argv: []string{"logname"}, term: "tty2", wantErr: "logname: no login name\n", status: 1},
		{argv: []string{"test", "-t", "0"}, term: "tty1"},
		{argv: []string{"test", "-t", "1"}, term: "tty1", status: 1},
	} {
		out, errs, st := siProc(t, k, tt.argv, false, nil, onTerm(tt.term))
		if out != tt.want || errs != tt.wantErr || st != tt.status {
			t.Errorf("%q (stdin %s) = %q, %q, %d; want %q, %q, %d", tt.argv, tt.term, out, errs, st, tt.want, tt.wantErr, tt.status)
		}
	}
}

func TestSiTrueFalseEcho(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "true"},
		{in: "true --foo bar"},
		{in: "false", status: 1},
		{in: "false --version", want: "false (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\n" +
			"This is free software.  You may redistribute copies of it under the terms of\n" +
			"the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n" +
			"There is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jim Meyering.\n", status: 1},
		{in: "echo", want: "\n"},
		{in: "echo hello   world", want: "hello world\n"},
		{in: "echo -n hi", want: "hi"},
		{in: "echo -e 'a\\tb\\nc'", want: "a\tb\nc\n"},
		{in: "echo 'a\\tb'", want: "a\\tb\n"},
		{in: "echo -e -E 'a\\tb'", want: "a\\tb\n"},
		{in: "echo -ne 'x\\0101\\101\\x42'", want: "xAAB"},
		{in: "echo -e 'one\\ctwo' three", want: "one"},
		{in: "echo -e 'a\\qb\\\\'", want: "a\\qb\\\n"},
		{in: "echo -x -- -n", want: "-x -- -n\n"},
		{in: "echo -nn -e x", want: "x"},
		{in: "echo --help me", want: "--help me\n"},
	})
}

func TestSiPrintf(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "printf", wantErr: "printf: missing operand\nTry `printf --help' for more information.\n", status: 1},
		{in: "printf hello", want: "hello"},
		{in: "printf 'a\\tb\\n'", want: "a\tb\n"},
		{in: "printf '%s\\n' a b c", want: "a\nb\nc\n"},
		{in: "printf '%s=%s\\n' a 1 b", want: "a=1\nb=\n"},
		{in: "printf '%d %i\\n' 42 -7", want: "42 -7\n"},
		{in: "printf '%5d|%-5d|%05d|%+d\\n' 1 2 3 4", want: "    1|2    |00003|+4\n"},
		{in: "printf '%x %X %o %u %#x %#o\\n' 255 255 8 3 255 8", want: "ff FF 10 3 0xff 010\n"},
		{in: "printf '%d %d %d\\n' 0x10 010 \"'A\"", want: "16 8 65\n"},
		{in: "printf '%f %.2f %e %g %g\\n' 3.14159 2.5 1000 0.0001 1234567", want: "3.141590 2.50 1.000000e+03 0.0001 1.23457e+06\n"},
		{in: "printf '%10s|%-10s|%.2s\\n' abc def ghijk", want: "       abc|def       |gh\n"},
		{in: "printf '%*d|%.*f\\n' 5 42 1 2.25", want: "   42|2.2\n"},
		{in: "printf '%c%c\\n' hello world", want: "hw\n"},
		{in: "printf '%b\\n' 'a\\nb' 'c\\0101'", want: "a\nb\ncA\n"},
		{in: "printf '%b' 'x\\cy' z", want: "x"},
		{in: "printf '100%%\\n'", want: "100%\n"},
		{in: "printf '\\101\\x42\\u00e9\\n'", want: "AB\u00e9\n"},
		{in: "printf 'no directives\\n' extra", want: "no directives\n", wantErr: "printf: warning: ignoring excess arguments, starting with `extra'\n"},
		{in: "printf '%d\\n' abc", want: "0\n", wantErr: "printf: abc: expected a numeric value\n", status: 1},
		{in: "printf '%d\\n' 12abc", want: "12\n", wantErr: "printf: 12abc: value not completely converted\n", status: 1},
		{in: "printf '%f\\n' 1.5x", want: "1.500000\n", wantErr: "printf: 1.5x: value not completely converted\n", status: 1},
		{in: "printf '%y\\n' 1", wantErr: "printf: %y: invalid directive\n", status: 1},
		{in: "printf '%d\\n'", want: "0\n"},
		{in: "printf -- '%s\\n' x", want: "x\n"},
	})
}

func TestSiPwd(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	for _, tt := range []struct {
		dir, in, want string
		env           []string
	}{
		{dir: "/root", in: "pwd", want: "/root\n"},
		{dir: "/root/link", in: "pwd", want: "/root/dir\n"},
		{dir: "/root/link", in: "pwd -P", want: "/root/dir\n"},
		{dir: "/root/link", in: "pwd -L", env: []string{"PWD=/root/link"}, want: "/root/link\n"},
		{dir: "/root/link", in: "pwd -L", env: []string{"PWD=/etc"}, want: "/root/dir\n"},
	} {
		var out bytes.Buffer
		p := &Proc{Ctx: context.Background(), Args: strings.Fields(tt.in), Dir: tt.dir, Environ: tt.env,
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Sys: k}
		if st := siPwd(p); out.String() != tt.want || st != 0 {
			t.Errorf("cd %s; %s = %q, %d; want %q", tt.dir, tt.in, out.String(), st, tt.want)
		}
	}
	siRunTable(t, []siCase{
		{in: "pwd -x", wantErr: "pwd: invalid option -- x\nTry `pwd --help' for more information.\n", status: 1},
	})
}

func TestSiTest(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "test", status: 1},
		{in: "test ''", status: 1},
		{in: "test x"},
		{in: "test -n", status: 0},
		{in: "test -e /root/file"},
		{in: "test -e /nope", status: 1},
		{in: "test -f /root/file"},
		{in: "test -f /root/dir", status: 1},
		{in: "test -d /root/dir"},
		{in: "test -d /root/link"},
		{in: "test -L /root/link"},
		{in: "test -h /root/dangling"},
		{in: "test -e /root/dangling", status: 1},
		{in: "test -L /root/dir", status: 1},
		{in: "test -s /root/file"},
		{in: "test -s /root/empty", status: 1},
		{in: "test -r /root/file"},
		{in: "test -w /root/file"},
		{in: "test -x /root/file", status: 1},
		{in: "test -x /bin/ls"},
		{in: "test -x /root/dir"},
		{in: "test -O /root/file"},
		{in: "test -z ''"},
		{in: "test -z x", status: 1},
		{in: "test -n x"},
		{in: "test a = a"},
		{in: "test a == b", status: 1},
		{in: "test a != b"},
		{in: "test 3 -eq 3"},
		{in: "test 3 -ne 3", status: 1},
		{in: "test 2 -lt 10"},
		{in: "test 10 -le 10"},
		{in: "test -5 -gt -6"},
		{in: "test ' 7 ' -ge 7"},
		{in: "test -l abc -eq 3"},
		{in: "test ! -e /nope"},
		{in: "test ! x", status: 1},
		{in: "test ! ''"},
		{in: "test -d /root -a -f /root/file"},
		{in: "test -d /nope -o -f /root/file"},
		{in: "test -d /nope -a -f /root/file", status: 1},
		{in: "test '(' a = b ')'", status: 1},
		{in: "test '(' -f /root/file ')' -a '(' x ')'"},
		{in: "test ! '(' a = a ')'", status: 1},
		{in: "test /root/file -ef /root/file"},
		{in: "test /root/dir -ef /root/link"},
		{in: "test 1 -eq a", wantErr: "test: a: integer expression expected\n", status: 2},
		{in: "test -q x", wantErr: "test: -q: unary operator expected\n", status: 2},
		{in: "test a b c", wantErr: "test: b: binary operator expected\n", status: 2},
		{in: "test a b", wantErr: "test: missing argument after `b'\n", status: 2},
		{in: "test a = b c", wantErr: "test: extra argument `c'\n", status: 2},
		{in: "test '(' a", wantErr: "test: missing argument after `a'\n", status: 2},
		{in: "[ -d /root ]"},
		{in: "[ a = b ]", status: 1},
		{in: "[ ]", status: 1},
		{in: "[ -d /root", wantErr: "[: missing `]'\n", status: 2},
		{in: "[ 1 -lt x ]", wantErr: "[: x: integer expression expected\n", status: 2},
		{in: "test --help"},
	})
}

func TestSiCal(t *testing.T) {
	t.Parallel()
	oct := "    October 2014    \nSu Mo Tu We Th Fr Sa\n          1  2  3  4\n 5  6  7  8  9 10 11\n" +
		"12 13 14 15 16 17 18\n19 20 21 22 23 24 25\n26 27 28 29 30 31\n\n"
	siRunTable(t, []siCase{
		{in: "cal", want: oct},
		{in: "cal 10 2014", want: oct},
		{in: "cal -1", want: oct},
		{in: "cal 2 2015", want: "   February 2015    \nSu Mo Tu We Th Fr Sa\n 1  2  3  4  5  6  7\n" +
			" 8  9 10 11 12 13 14\n15 16 17 18 19 20 21\n22 23 24 25 26 27 28\n\n\n"},
		{in: "cal -m", want: "    October 2014    \nMo Tu We Th Fr Sa Su\n       1  2  3  4  5\n 6  7  8  9 10 11 12\n" +
			"13 14 15 16 17 18 19\n20 21 22 23 24 25 26\n27 28 29 30 31\n\n"},
		{in: "cal -j 1 2014", want: "       January 2014        \nSun Mon Tue Wed Thu Fri Sat\n" +
			"              1   2   3   4\n  5   6   7   8   9  10  11\n 12  13  14  15  16  17  18\n" +
			" 19  20  21  22  23  24  25\n 26  27  28  29  30  31\n\n"},
		{in: "cal -3", want: "   September 2014         October 2014         November 2014    \n" +
			"Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa  Su Mo Tu We Th Fr Sa\n" +
			"    1  2  3  4  5  6            1  2  3  4                     1\n" +
			" 7  8  9 10 11 12 13   5  6  7  8  9 10 11   2  3  4  5  6  7  8\n" +
			"14 15 16 17 18 19 20  12 13 14 15 16 17 18   9 10 11 12 13 14 15\n" +
			"21 22 23 24 25 26 27  19 20 21 22 23 24 25  16 17 18 19 20 21 22\n" +
			"28 29 30              26 27 28 29 30 31     23 24 25 26 27 28 29\n" +
			"                                            30                  \n"},
		{in: "cal 13 2014", wantErr: "cal: illegal month value: use 1-12\n", status: 1},
		{in: "cal 0", wantErr: "cal: illegal year value: use 1-9999\n", status: 1},
		{in: "cal 1 2 3", wantErr: siCalUsage, status: 1},
		{in: "cal -x", wantErr: "cal: invalid option -- x\n" + siCalUsage, status: 1},
	})
	k := siKernel(t)
	out, _, _ := runCmd(t, k, "cal 2014", "")
	lines := strings.Split(out, "\n")
	if want := strings.Repeat(" ", 31) + "2014" + strings.Repeat(" ", 31); lines[0] != want || lines[1] != "" {
		t.Errorf("cal 2014 title = %q, %q", lines[0], lines[1])
	}
	if want := "      January                February                March        "; lines[2] != want {
		t.Errorf("cal 2014 months = %q; want %q", lines[2], want)
	}
	if want := "Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa"; lines[3] != want {
		t.Errorf("cal 2014 headings = %q; want %q", lines[3], want)
	}
	if want := "          1  2  3  4                      1                      1"; lines[4] != want {
		t.Errorf("cal 2014 first week = %q; want %q", lines[4], want)
	}
	if len(lines) != 36 || lines[34] != "" || lines[33] == "" {
		t.Errorf("cal 2014 has %d lines, ending %q", len(lines), lines[len(lines)-2:])
	}
	// On a terminal today is shown in reverse video.
	tty, _, _ := siProc(t, k, []string{"cal"}, true, []string{"TERM=linux"})
	if !strings.Contains(tty, " 5 \033[7m 6\033[27m  7") {
		t.Errorf("cal on a tty = %q; want today highlighted", tty)
	}
}

func TestSiExpr(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "expr", wantErr: "expr: missing operand\nTry `expr --help' for more information.\n", status: 2},
		{in: "expr 1 + 2", want: "3\n"},
		{in: "expr 10 - 4 - 3", want: "3\n"},
		{in: "expr 2 + 3 '*' 4", want: "14\n"},
		{in: "expr '(' 2 + 3 ')' '*' 4", want: "20\n"},
		{in: "expr 7 / 2", want: "3\n"},
		{in: "expr 7 % 3", want: "1\n"},
		{in: "expr -7 / 2", want: "-3\n"},
		{in: "expr 1 - 1", want: "0\n", status: 1},
		{in: "expr 5 / 0", wantErr: "expr: division by zero\n", status: 2},
		{in: "expr 1 + a", wantErr: "expr: non-numeric argument\n", status: 2},
		{in: "expr 3 '<' 10", want: "1\n"},
		{in: "expr a '<' b", want: "1\n"},
		{in: "expr 10 '<' 9", want: "0\n", status: 1},
		{in: "expr abc = abc", want: "1\n"},
		{in: "expr abc != abc", want: "0\n", status: 1},
		{in: "expr 01 = 1", want: "1\n"},
		{in: "expr 5 '>=' 5", want: "1\n"},
		{in: "expr '' '|' b", want: "b\n"},
		{in: "expr a '|' b", want: "a\n"},
		{in: "expr 0 '|' ''", want: "0\n", status: 1},
		{in: "expr a '&' b", want: "a\n"},
		{in: "expr a '&' 0", want: "0\n", status: 1},
		{in: "expr abcdef : 'abc'", want: "3\n"},
		{in: "expr abcdef : '.*'", want: "6\n"},
		{in: "expr abcdef : 'x'", want: "0\n", status: 1},
		{in: "expr abcdef : 'b'", want: "0\n", status: 1},
		{in: "expr abc : 'a\\(.\\)'", want: "b\n"},
		{in: "expr abc : 'x\\(.\\)'", want: "\n", status: 1},
		{in: "expr file.txt : '.*\\.\\(.*\\)'", want: "txt\n"},
		{in: "expr aaa : 'a*'", want: "3\n"},
		{in: "expr 'a*b' : 'a\\*'", want: "2\n"},
		{in: "expr 12345 : '[0-9]*$'", want: "5\n"},
		{in: "expr 123ab : '[[:digit:]]\\{2\\}'", want: "2\n"},
		{in: "expr ab : 'a\\|b'", want: "1\n"},
		{in: "expr match hello 'h\\(el\\)'", want: "el\n"},
		{in: "expr length hello", want: "5\n"},
		{in: "expr length ''", want: "0\n", status: 1},
		{in: "expr substr hello 2 3", want: "ell\n"},
		{in: "expr substr hello 0 3", want: "\n", status: 1},
		{in: "expr substr hello 4 10", want: "lo\n"},
		{in: "expr index hello lo", want: "3\n"},
		{in: "expr index hello z", want: "0\n", status: 1},
		{in: "expr + length", want: "length\n"},
		{in: "expr 1 +", wantErr: "expr: syntax error\n", status: 2},
		{in: "expr 1 2", wantErr: "expr: syntax error\n", status: 2},
		{in: "expr '(' 1", wantErr: "expr: syntax error\n", status: 2},
		{in: "expr a : '\\('", wantErr: "expr: Unmatched ( or \\(\n", status: 2},
		{in: "expr -- 5", want: "5\n"},
		{in: "expr 007", want: "007\n"},
		{in: "expr 00", want: "00\n", status: 1},
		{in: "expr 007 + 1", want: "8\n"},
		{in: "expr length é", want: "2\n"},
	})
}

// TestSiClockUntouched makes sure reading programs do not move time.
func TestSiClockUntouched(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	for _, in := range []string{"date", "date -d tomorrow", "date -s 2001-01-01", "cal", "uname -a", "id"} {
		runCmd(t, k, in, "")
	}
	if got := k.Clock.Now(); !got.Equal(kernel.Epoch) {
		t.Errorf("clock = %v; want %v", got, kernel.Epoch)
	}
}
