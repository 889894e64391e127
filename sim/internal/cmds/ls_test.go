package cmds

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/internal/kernel"
)

// lsFixture is the tree the ls, stat, find, du and df tests share, made in
// this order so inode numbers are stable. Contents follow testKernel's
// conventions ("->" a symlink, trailing "/" a directory). The clock reads
// kernel.Epoch (2014-10-06 09:00 UTC) when it is made.
var lsFixture = [][2]string{
	{"/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\n"},
	{"/etc/group", "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\n"},
	{"/etc/rc.d/init.d/crond", "#!/bin/bash\n# crond\n"},
	{"/etc/rc.d/init.d/network", "#!/bin/bash\n# network\n"},
	{"/etc/rc.d/init.d/sshd", "#!/bin/bash\n# sshd\n"},
	{"/etc/rc.d/rc3.d/K50gone", "->../init.d/gone"},
	{"/etc/rc.d/rc3.d/S10network", "->../init.d/network"},
	{"/etc/rc.d/rc3.d/S55sshd", "->../init.d/sshd"},
	{"/etc/rc.d/rc3.d/S90crond", "->../init.d/crond"},
	{"/root/anaconda-ks.cfg", strings.Repeat("#", 1205)},
	{"/root/.bashrc", "# .bashrc\n"},
	{"/root/install.log", strings.Repeat("i", 15276)},
	{"/root/Desktop/", ""},
	{"/root/rcd", "->/etc/rc.d"},
	{"/home/guest/notes.txt", "hi\n"},
	{"/bin/su", "\x7fELF"},
	{"/tmp/", ""},
	{"/dev/shm/", ""},
	{"/boot/grub/", ""},
}

// lsMachine builds a kernel holding lsFixture, with the modes, owners and
// times a CentOS 5 box would show.
func lsMachine(t testing.TB) *kernel.Kernel {
	t.Helper()
	k := testKernel(t, nil)
	fsys := k.FS
	for _, e := range lsFixture {
		name, content := e[0], e[1]
		if i := strings.LastIndex(strings.TrimSuffix(name, "/"), "/"); i > 0 {
			if err := fsys.MkdirAll(name[:i], 0o755); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		switch {
		case strings.HasSuffix(name, "/"):
			err = fsys.MkdirAll(name, 0o755)
		case strings.HasPrefix(content, "->"):
			err = fsys.Symlink(content[2:], name)
		default:
			var f io.WriteCloser
			f, err = fsys.OpenFile(name, 0x241, 0o644)
			if err == nil {
				io.WriteString(f, content)
				f.Close()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"crond", "network", "sshd"} {
		must(fsys.Chmod("/etc/rc.d/init.d/"+n, 0o755))
	}
	must(fsys.Chmod("/bin/su", 0o755|fs.ModeSetuid))
	must(fsys.Chmod("/tmp", 0o777|fs.ModeSticky))
	must(fsys.Chown("/home/guest/notes.txt", 500, 500))
	must(fsys.Mknod("/dev/null", fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0))
	old := time.Date(2013, time.January, 2, 3, 4, 5, 0, time.UTC)
	must(fsys.Chtimes("/root/install.log", old, old))
	return k
}

// lsRun runs one line like runCmd, with env added to the environment (a
// later NAME=value wins) and standard output a terminal when tty is set.
func lsRun(t testing.TB, k *kernel.Kernel, line string, tty bool, env ...string) (stdout, stderr string, status int) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	c, ok := Lookup(argv[0])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	var out, errb bytes.Buffer
	p := &Proc{
		Ctx: context.Background(), Args: argv, Dir: "/root",
		Environ: append([]string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "HOME=/root", "USER=root", "LANG=en_US.UTF-8", "TERM=linux"}, env...),
		Stdin:   strings.NewReader(""), Stdout: &out, Stderr: &errb, Sys: k, Umask: 0o022, Tty: tty,
	}
	p.Run = func(a []string, in io.Reader, o, e io.Writer) int {
		if in == nil {
			in = p.Stdin
		}
		if o == nil {
			o = p.Stdout
		}
		if e == nil {
			e = p.Stderr
		}
		return runArgv(k, a, p.Dir, in, o, e)
	}
	status = c.Main(p)
	return out.String(), errb.String(), status
}

type lsCase struct {
	in      string
	stdin   string
	want    string
	wantErr string
	status  int
}

// lsCheck runs table cases on one fresh machine each.
func lsCheck(t *testing.T, cases []lsCase) {
	t.Helper()
	for _, c := range cases {
		k := lsMachine(t)
		out, errs, status := runCmd(t, k, c.in, c.stdin)
		if out != c.want {
			t.Errorf("%s = %q; want %q", c.in, out, c.want)
		}
		if errs != c.wantErr {
			t.Errorf("%s: stderr = %q; want %q", c.in, errs, c.wantErr)
		}
		if status != c.status {
			t.Errorf("%s: status = %d; want %d", c.in, status, c.status)
		}
	}
}

const lsRc3Long = `total 0
lrwxrwxrwx 1 root root 14 2014-10-06 09:00 K50gone -> ../init.d/gone
lrwxrwxrwx 1 root root 17 2014-10-06 09:00 S10network -> ../init.d/network
lrwxrwxrwx 1 root root 14 2014-10-06 09:00 S55sshd -> ../init.d/sshd
lrwxrwxrwx 1 root root 15 2014-10-06 09:00 S90crond -> ../init.d/crond
`

func TestLs(t *testing.T) {
	t.Parallel()
	lsCheck(t, []lsCase{
		// Long format: links with their targets (a dangling one too), the
		// total line in 1K blocks, long-iso times in en_US.UTF-8.
		{in: "ls -l /etc/rc.d/rc3.d", want: lsRc3Long},
		{in: "ls -l /etc/rc.d/rc3.d/", want: lsRc3Long},
		{in: "ls -l /etc/rc.d/rc3.d/K50gone", want: "lrwxrwxrwx 1 root root 14 2014-10-06 09:00 /etc/rc.d/rc3.d/K50gone -> ../init.d/gone\n"},
		{in: "ls -ld /etc/rc.d", want: "drwxr-xr-x 4 root root 4096 2014-10-06 09:00 /etc/rc.d\n"},
		{in: "ls -ld /etc/rc.d/init.d /etc/passwd /tmp", want: "-rw-r--r-- 1 root root  105 2014-10-06 09:00 /etc/passwd\n" +
			"drwxr-xr-x 2 root root 4096 2014-10-06 09:00 /etc/rc.d/init.d\n" +
			"drwxrwxrwt 2 root root 4096 2014-10-06 09:00 /tmp\n"},
		{in: "ls -l /etc/rc.d/init.d", want: "total 12\n" +
			"-rwxr-xr-x 1 root root 20 2014-10-06 09:00 crond\n" +
			"-rwxr-xr-x 1 root root 22 2014-10-06 09:00 network\n" +
			"-rwxr-xr-x 1 root root 19 2014-10-06 09:00 sshd\n"},
		// -a shows . and ..; en_US.UTF-8 sorts ignoring dots and case.
		{in: "ls -la", want: "total 36\n" +
			"drwxr-xr-x 3 root root  4096 2014-10-06 09:00 .\n" +
			"drwxr-xr-x 9 root root  4096 2014-10-06 09:00 ..\n" +
			"-rw-r--r-- 1 root root  1205 2014-10-06 09:00 anaconda-ks.cfg\n" +
			"-rw-r--r-- 1 root root    10 2014-10-06 09:00 .bashrc\n" +
			"drwxr-xr-x 2 root root  4096 2014-10-06 09:00 Desktop\n" +
			"-rw-r--r-- 1 root root 15276 2013-01-02 03:04 install.log\n" +
			"lrwxrwxrwx 1 root root     9 2014-10-06 09:00 rcd -> /etc/rc.d\n"},
		{in: "ls -a", want: ".\n..\nanaconda-ks.cfg\n.bashrc\nDesktop\ninstall.log\nrcd\n"},
		{in: "ls -A /root", want: "anaconda-ks.cfg\n.bashrc\nDesktop\ninstall.log\nrcd\n"},
		{in: "ls", want: "anaconda-ks.cfg\nDesktop\ninstall.log\nrcd\n"},
		// Devices, setuid, sticky, unknown owners.
		{in: "ls -l /dev/null /bin/su", want: "-rwsr-xr-x 1 root root    4 2014-10-06 09:00 /bin/su\n" +
			"crw-rw-rw- 1 root root 1, 3 2014-10-06 09:00 /dev/null\n"},
		{in: "ls -l /home/guest", want: "total 4\n-rw-r--r-- 1 500 500 3 2014-10-06 09:00 notes.txt\n"},
		{in: "ls -n /root/.bashrc", want: "-rw-r--r-- 1 0 0 10 2014-10-06 09:00 /root/.bashrc\n"},
		{in: "ls -lo /root/.bashrc", want: "-rw-r--r-- 1 root 10 2014-10-06 09:00 /root/.bashrc\n"},
		{in: "ls -lg /root/.bashrc", want: "-rw-r--r-- 1 root 10 2014-10-06 09:00 /root/.bashrc\n"},
		{in: "ls -lh /root", want: "total 24K\n" +
			"-rw-r--r-- 1 root root 1.2K 2014-10-06 09:00 anaconda-ks.cfg\n" +
			"drwxr-xr-x 2 root root 4.0K 2014-10-06 09:00 Desktop\n" +
			"-rw-r--r-- 1 root root  15K 2013-01-02 03:04 install.log\n" +
			"lrwxrwxrwx 1 root root    9 2014-10-06 09:00 rcd -> /etc/rc.d\n"},
		{in: "ls -s /root", want: "total 24\n 4 anaconda-ks.cfg\n 4 Desktop\n16 install.log\n 0 rcd\n"},
		{in: "ls -l --full-time /root/install.log", want: "-rw-r--r-- 1 root root 15276 2013-01-02 03:04:05.000000000 +0000 /root/install.log\n"},
		{in: "ls -l --time-style=iso /root/install.log /root/.bashrc", want: "-rw-r--r-- 1 root root    10 10-06 09:00 /root/.bashrc\n" +
			"-rw-r--r-- 1 root root 15276 2013-01-02  /root/install.log\n"},
		{in: "ls -l --time-style=+%d.%m.%Y /root/.bashrc", want: "-rw-r--r-- 1 root root 10 06.10.2014 /root/.bashrc\n"},
		// Sorting.
		{in: "ls -t", want: "anaconda-ks.cfg\nDesktop\nrcd\ninstall.log\n"},
		{in: "ls -S", want: "install.log\nDesktop\nanaconda-ks.cfg\nrcd\n"},
		{in: "ls -r", want: "rcd\ninstall.log\nDesktop\nanaconda-ks.cfg\n"},
		{in: "ls -tr", want: "install.log\nrcd\nDesktop\nanaconda-ks.cfg\n"},
		// Indicators and formats.
		{in: "ls -F /etc/rc.d/init.d /etc/rc.d/rc3.d", want: "/etc/rc.d/init.d:\ncrond*\nnetwork*\nsshd*\n\n/etc/rc.d/rc3.d:\nK50gone@\nS10network@\nS55sshd@\nS90crond@\n"},
		{in: "ls -p /root", want: "anaconda-ks.cfg\nDesktop/\ninstall.log\nrcd\n"},
		{in: "ls -lF /etc/rc.d/rc3.d/S55sshd", want: "lrwxrwxrwx 1 root root 14 2014-10-06 09:00 /etc/rc.d/rc3.d/S55sshd -> ../init.d/sshd*\n"},
		{in: "ls -m /etc/rc.d/init.d", want: "crond, network, sshd\n"},
		{in: "ls -1 /etc/rc.d", want: "init.d\nrc3.d\n"},
		{in: "ls -x /etc/rc.d/init.d", want: "crond  network\tsshd\n"},
		{in: "ls -C /etc/rc.d/rc3.d", want: "K50gone  S10network  S55sshd  S90crond\n"},
		{in: "ls -R /etc/rc.d", want: "/etc/rc.d:\ninit.d\nrc3.d\n\n/etc/rc.d/init.d:\ncrond\nnetwork\nsshd\n\n/etc/rc.d/rc3.d:\nK50gone\nS10network\nS55sshd\nS90crond\n"},
		{in: "ls -R /root/Desktop", want: "/root/Desktop:\n"},
		{in: "ls -lR /home", want: "/home:\ntotal 4\ndrwxr-xr-x 2 root root 4096 2014-10-06 09:00 guest\n\n/home/guest:\ntotal 4\n-rw-r--r-- 1 500 500 3 2014-10-06 09:00 notes.txt\n"},
		// A symlink to a directory operand: followed unless -l, -d or -F,
		// or always with a trailing slash.
		{in: "ls rcd", want: "init.d\nrc3.d\n"},
		{in: "ls -l rcd", want: "lrwxrwxrwx 1 root root 9 2014-10-06 09:00 rcd -> /etc/rc.d\n"},
		{in: "ls -l rcd/", want: "total 8\ndrwxr-xr-x 2 root root 4096 2014-10-06 09:00 init.d\ndrwxr-xr-x 2 root root 4096 2014-10-06 09:00 rc3.d\n"},
		{in: "ls -d rcd", want: "rcd\n"},
		{in: "ls -F rcd", want: "rcd@\n"},
		{in: "ls -L -l rcd", want: "total 8\ndrwxr-xr-x 2 root root 4096 2014-10-06 09:00 init.d\ndrwxr-xr-x 2 root root 4096 2014-10-06 09:00 rc3.d\n"},
		// Several operands: files first, then directories with headers.
		{in: "ls /etc/rc.d/init.d /etc/passwd Desktop", want: "/etc/passwd\n\nDesktop:\n\n/etc/rc.d/init.d:\ncrond\nnetwork\nsshd\n"},
		// Errors: a missing operand is serious trouble (2), a dangling
		// link below a directory with -L a minor one (1).
		{in: "ls /nope", wantErr: "ls: /nope: No such file or directory\n", status: 2},
		{in: "ls /nope /etc/rc.d", want: "/etc/rc.d:\ninit.d\nrc3.d\n", wantErr: "ls: /nope: No such file or directory\n", status: 2},
		{in: "ls -l /etc/passwd/x", wantErr: "ls: /etc/passwd/x: Not a directory\n", status: 2},
		{in: "ls -L /etc/rc.d/rc3.d/K50gone", wantErr: "ls: /etc/rc.d/rc3.d/K50gone: No such file or directory\n", status: 2},
		{in: "ls -lL /etc/rc.d/rc3.d", want: "total 12\n" +
			"-rwxr-xr-x 1 root root 22 2014-10-06 09:00 S10network\n" +
			"-rwxr-xr-x 1 root root 19 2014-10-06 09:00 S55sshd\n" +
			"-rwxr-xr-x 1 root root 20 2014-10-06 09:00 S90crond\n",
			wantErr: "ls: /etc/rc.d/rc3.d/K50gone: No such file or directory\n", status: 1},
		{in: "ls -z", wantErr: "ls: invalid option -- z\nTry `ls --help' for more information.\n", status: 2},
		{in: "ls --bogus", wantErr: "ls: unrecognized option `--bogus'\nTry `ls --help' for more information.\n", status: 2},
		{in: "ls -w", wantErr: "ls: option requires an argument -- w\nTry `ls --help' for more information.\n", status: 2},
		{in: "ls --color=sometimes", wantErr: "ls: invalid argument `sometimes' for `--color'\nValid arguments are:\n" +
			"  - `always', `yes', `force'\n  - `never', `no', `none'\n  - `auto', `tty', `if-tty'\n" +
			"Try `ls --help' for more information.\n", status: 2},
		{in: "ls -l --time-style=fancy", wantErr: "ls: invalid argument `fancy' for `time style'\nValid arguments are:\n" +
			"  - `full-iso'\n  - `long-iso'\n  - `iso'\n  - `locale'\nTry `ls --help' for more information.\n", status: 2},
	})
}

// TestLsLoop: -RL through a link to an ancestor stops there.
func TestLsLoop(t *testing.T) {
	t.Parallel()
	k := lsMachine(t)
	if err := k.FS.Symlink("..", "/root/Desktop/up"); err != nil {
		t.Fatal(err)
	}
	out, errs, status := runCmd(t, k, "ls -RL /root/Desktop", "")
	want := "/root/Desktop:\nup\n\n/root/Desktop/up:\nanaconda-ks.cfg\nDesktop\ninstall.log\nrcd\n\n" +
		"/root/Desktop/up/rcd:\ninit.d\nrc3.d\n\n" +
		"/root/Desktop/up/rcd/init.d:\ncrond\nnetwork\nsshd\n\n/root/Desktop/up/rcd/rc3.d:\nS10network\nS55sshd\nS90crond\n"
	wantErr := "ls: /root/Desktop/up/Desktop: not listing already-listed directory\n" +
		"ls: /root/Desktop/up/rcd/rc3.d/K50gone: No such file or directory\n"
	if out != want || errs != wantErr || status != 2 {
		t.Errorf("ls -RL /root/Desktop = %q, %q, %d; want %q, %q, 2", out, errs, status, want, wantErr)
	}
}

func TestLsHelpVersion(t *testing.T) {
	t.Parallel()
	k := lsMachine(t)
	out, _, status := runCmd(t, k, "ls --version", "")
	if first, _, _ := strings.Cut(out, "\n"); first != "ls (GNU coreutils) 5.97" || status != 0 {
		t.Errorf("ls --version = %q, %d; want ls (GNU coreutils) 5.97, 0", first, status)
	}
	out, _, status = runCmd(t, k, "ls --help", "")
	if !strings.HasPrefix(out, "Usage: ls [OPTION]... [FILE]...\n") || status != 0 {
		t.Errorf("ls --help = %q, %d; want usage, 0", out, status)
	}
}

// TestLsEnv covers what depends on the locale, the terminal and colours.
func TestLsEnv(t *testing.T) {
	t.Parallel()
	const (
		cOld = "-rw-r--r-- 1 root root 15276 Jan  2  2013 /root/install.log\n"
		cNew = "-rw-r--r-- 1 root root    10 Oct  6 09:00 /root/.bashrc\n"
	)
	cases := []struct {
		in      string
		tty     bool
		env     []string
		want    string
		wantErr string
		status  int
	}{
		// LANG=C: the traditional Unix time format, recent or not; byte
		// order sorting (capitals first, dot files first).
		{in: "ls -l /root/install.log /root/.bashrc", env: []string{"LANG=C"}, want: cNew + cOld},
		{in: "ls -l /root/install.log /root/.bashrc", env: []string{"LANG=POSIX"}, want: cNew + cOld},
		{in: "ls -l /root/install.log /root/.bashrc", env: []string{"LC_ALL=C"}, want: cNew + cOld},
		{in: "ls -a", env: []string{"LANG=C"}, want: ".\n..\n.bashrc\nDesktop\nanaconda-ks.cfg\ninstall.log\nrcd\n"},
		{in: "ls", env: []string{"LC_TIME=C"}, want: "anaconda-ks.cfg\nDesktop\ninstall.log\nrcd\n"},
		{in: "ls -l /root/.bashrc", env: []string{"LC_TIME=C"}, want: "-rw-r--r-- 1 root root 10 Oct  6 09:00 /root/.bashrc\n"},
		{in: "ls -l /root/.bashrc", env: []string{"LANG=de_DE.UTF-8"}, want: "-rw-r--r-- 1 root root 10 2014-10-06 09:00 /root/.bashrc\n"},
		{in: "ls -l /root/.bashrc", env: []string{"TIME_STYLE=full-iso"}, want: "-rw-r--r-- 1 root root 10 2014-10-06 09:00:00.000000000 +0000 /root/.bashrc\n"},
		{in: "ls -l --time-style=posix-long-iso /root/.bashrc", env: []string{"LANG=C"}, want: "-rw-r--r-- 1 root root 10 Oct  6 09:00 /root/.bashrc\n"},
		// A terminal gets columns, sorted down the columns, with tabs.
		{in: "ls /etc/rc.d/rc3.d", tty: true, want: "K50gone  S10network  S55sshd  S90crond\n"},
		{in: "ls /etc/rc.d/rc3.d", tty: true, env: []string{"COLUMNS=30"}, want: "K50gone     S55sshd\nS10network  S90crond\n"},
		{in: "ls -x /etc/rc.d/rc3.d", tty: true, env: []string{"COLUMNS=30"}, want: "K50gone   S10network  S55sshd\nS90crond\n"},
		{in: "ls -1 /etc/rc.d/rc3.d", tty: true, want: "K50gone\nS10network\nS55sshd\nS90crond\n"},
		{in: "ls -R /etc/rc.d", tty: true, want: "/etc/rc.d:\ninit.d\trc3.d\n\n/etc/rc.d/init.d:\ncrond  network\tsshd\n\n/etc/rc.d/rc3.d:\nK50gone  S10network  S55sshd  S90crond\n"},
		// Colours: CentOS 5's alias is ls --color=tty. Dangling links
		// blink red; links cyan, their targets by type.
		{in: "ls --color=tty /etc/rc.d/rc3.d", want: "K50gone\nS10network\nS55sshd\nS90crond\n"},
		{in: "ls --color=tty /etc/rc.d", tty: true, want: "\033[00m\033[01;34minit.d\033[00m\t\033[01;34mrc3.d\033[00m\n\033[m"},
		{in: "ls --color=never /etc/rc.d", tty: true, want: "init.d\trc3.d\n"},
		{in: "ls --color /root", want: "\033[00m\033[00manaconda-ks.cfg\033[00m\n\033[01;34mDesktop\033[00m\n\033[00minstall.log\033[00m\n\033[01;36mrcd\033[00m\n\033[m"},
		{in: "ls -l --color=always /etc/rc.d/rc3.d", want: "\033[00mtotal 0\n" +
			"lrwxrwxrwx 1 root root 14 2014-10-06 09:00 \033[01;05;37;41mK50gone\033[00m -> \033[01;05;37;41m../init.d/gone\033[00m\n" +
			"lrwxrwxrwx 1 root root 17 2014-10-06 09:00 \033[01;36mS10network\033[00m -> \033[01;32m../init.d/network\033[00m\n" +
			"lrwxrwxrwx 1 root root 14 2014-10-06 09:00 \033[01;36mS55sshd\033[00m -> \033[01;32m../init.d/sshd\033[00m\n" +
			"lrwxrwxrwx 1 root root 15 2014-10-06 09:00 \033[01;36mS90crond\033[00m -> \033[01;32m../init.d/crond\033[00m\n\033[m"},
		{in: "ls --color=always -F /dev /bin", want: "\033[00m/bin:\n\033[01;32msu\033[00m*\n\n/dev:\n\033[40;33;01mnull\033[00m\n\033[01;34mshm\033[00m/\n\033[m"},
		{in: "ls --color=always /root", env: []string{"LS_COLORS=di=00;34:*.cfg=01;31"}, want: "\033[0m\033[01;31manaconda-ks.cfg\033[0m\n\033[00;34mDesktop\033[0m\n\033[0minstall.log\033[0m\n\033[01;36mrcd\033[0m\n\033[m"},
	}
	for _, c := range cases {
		k := lsMachine(t)
		out, errs, status := lsRun(t, k, c.in, c.tty, c.env...)
		name := fmt.Sprintf("%s (tty %v, %v)", c.in, c.tty, c.env)
		if out != c.want {
			t.Errorf("%s = %q; want %q", name, out, c.want)
		}
		if errs != c.wantErr || status != c.status {
			t.Errorf("%s: stderr, status = %q, %d; want %q, %d", name, errs, status, c.wantErr, c.status)
		}
	}
}

// TestLsControlChars: a terminal sees '?' for control characters.
func TestLsControlChars(t *testing.T) {
	t.Parallel()
	k := lsMachine(t)
	f, err := k.FS.Create("/tmp/a\tb")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, c := range []struct {
		tty  bool
		want string
	}{{false, "a\tb\n"}, {true, "a?b\n"}} {
		if out, _, _ := lsRun(t, k, "ls /tmp", c.tty); out != c.want {
			t.Errorf("ls /tmp (tty %v) = %q; want %q", c.tty, out, c.want)
		}
	}
}

func TestLsCollate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		want int
	}{
		{".bashrc", "anaconda-ks.cfg", 1},
		{".bashrc", "Desktop", -1},
		{"a", "A", -1},
		{"K01foo", "K02bar", -1},
		{".", "..", -1},
		{"..", "a", -1},
		{"install.log", "install.log.syslog", -1},
	} {
		if got := lsfamCollate(c.a, c.b, false); got != c.want {
			t.Errorf("lsfamCollate(%q, %q) = %d; want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestLsHuman(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		n    uint64
		want string
	}{
		{0, "0"}, {1023, "1023"}, {1024, "1.0K"}, {1025, "1.1K"}, {1205, "1.2K"}, {4096, "4.0K"},
		{10240, "10K"}, {10241, "11K"}, {15276, "15K"}, {1048575, "1.0M"}, {1047552, "1023K"},
		{8062392 * 1024, "7.7G"}, {101086 * 1024, "99M"},
	} {
		if got := lsfamHuman(c.n); got != c.want {
			t.Errorf("lsfamHuman(%d) = %q; want %q", c.n, got, c.want)
		}
	}
}

// lsBenchMachine holds an rc3.d of 35 links into init.d, as on CentOS 5.
func lsBenchMachine(b *testing.B) *kernel.Kernel {
	files := map[string]string{
		"/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n",
		"/etc/group":  "root:x:0:root\n",
	}
	services := []string{"acpid", "anacron", "apmd", "atd", "auditd", "autofs", "avahi-daemon", "bluetooth",
		"cpuspeed", "crond", "cups", "firstboot", "gpm", "haldaemon", "hidd", "ip6tables", "iptables",
		"irqbalance", "kudzu", "lvm2-monitor", "mcstrans", "mdmonitor", "messagebus", "netfs", "network",
		"nfslock", "pcscd", "portmap", "readahead_early", "restorecond", "rpcgssd", "rpcidmapd", "sendmail",
		"sshd", "syslog"}
	for i, s := range services {
		files["/etc/rc.d/init.d/"+s] = "#!/bin/bash\n"
		files[fmt.Sprintf("/etc/rc.d/rc3.d/S%02d%s", 5+i*2, s)] = "->../init.d/" + s
	}
	return testKernel(b, files)
}

func BenchmarkLsLongRc3(b *testing.B) {
	k := lsBenchMachine(b)
	p := &Proc{
		Ctx: context.Background(), Args: []string{"ls", "-l", "/etc/rc.d/rc3.d"}, Dir: "/root",
		Environ: []string{"LANG=en_US.UTF-8"}, Stdin: strings.NewReader(""), Stderr: io.Discard, Sys: k,
	}
	var out bytes.Buffer
	p.Stdout = &out
	if lsMain(p) != 0 || strings.Count(out.String(), " -> ") != 35 {
		b.Fatalf("ls -l /etc/rc.d/rc3.d = %q", out.String())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		out.Reset()
		lsMain(p)
	}
}
