package cmds

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/image"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/vfs"
)

// rpmKernel is a machine with the whole centos5 image and every program
// installed as the machine installs them (the shell's bash and sh too),
// and init running.
func rpmKernel(t testing.TB) *kernel.Kernel {
	t.Helper()
	fsys := vfs.New()
	if err := image.Load("centos5", fsys); err != nil {
		t.Fatal(err)
	}
	install := func(dir, name string) {
		fsys.MkdirAll(dir, 0o755)
		p := dir + "/" + name
		if _, err := fsys.Lstat(p); err == nil {
			return
		}
		f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, rpmProgramMagic+name+"\n")
		f.Close()
		fsys.Chtimes(p, image.Mtime, image.Mtime)
	}
	for _, c := range All() {
		for _, d := range c.Dirs {
			install(d, c.Name)
		}
	}
	install("/bin", "bash")
	install("/bin", "sh")
	// The set-user-ID programs, as the machine installs them.
	for name, mode := range map[string]os.FileMode{"/bin/su": 0o755, "/usr/bin/passwd": 0o511, "/bin/ping": 0o755,
		"/bin/mount": 0o755, "/bin/umount": 0o755} {
		if err := fsys.Chmod(name, os.ModeSetuid|mode); err != nil {
			t.Fatal(err)
		}
	}
	k := kernel.New(fsys, kernel.Info{Hostname: "lab1", Release: "CentOS release 5.11 (Final)", Kernel: "2.6.18-398.el5",
		Arch: "i686", Bash: "3.2.25(1)-release"}, kernel.Epoch, 1)
	if err := k.Procs.SpawnPID(1, proc.Process{Comm: "init", Args: []string{"init [3]"}, State: 'S', Exe: "/sbin/init"}); err != nil {
		t.Fatal(err)
	}
	return k
}

// rpmRunAs runs line as the user uid (gid the same) in its own process of
// the table, in dir, with the environment env adds to a login's.
func rpmRunAs(t testing.TB, k *kernel.Kernel, uid int, dir, line string, env ...string) (stdout, stderr string, status int) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	exe := c.Dirs[0] + "/" + c.Name
	pid, err := k.Procs.Spawn(proc.Process{PPID: 1, UID: uid, GID: uid, TTY: "tty1", State: 'R', Comm: comm(c.Name),
		Args: argv, Exe: exe, VSZ: c.VSZ, RSS: c.RSS})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Procs.Exit(pid)
	var out, errb bytes.Buffer
	p := &Proc{Ctx: context.Background(), Args: argv, Dir: dir, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Sys: k, PID: pid, PPID: 1, TTY: "tty1", Umask: 0o022,
		Environ: append([]string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "HOME=/root", "LANG=en_US.UTF-8"}, env...)}
	status = c.Main(p)
	return out.String(), errb.String(), status
}

// rpmCase is one command line on a fresh machine, after setup (shell-free
// file edits: path → new content, "" removes).
type rpmCase struct {
	in      string
	uid     int
	setup   map[string]string
	want    string
	wantErr string
	status  int
}

func rpmCheck(t *testing.T, cases []rpmCase) {
	t.Helper()
	for _, c := range cases {
		k := rpmKernel(t)
		for name, content := range c.setup {
			if content == "" {
				if err := k.FS.RemoveAll(name); err != nil {
					t.Fatal(err)
				}
				continue
			}
			k.FS.MkdirAll(name[:strings.LastIndex(name, "/")], 0o755)
			netWrite(t, k, name, content)
		}
		out, errs, status := rpmRunAs(t, k, c.uid, "/root", c.in)
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

const rpmHttpdInfo = `Name        : httpd                        Relocations: (not relocatable)
Version     : 2.2.3                             Vendor: CentOS
Release     : 91.el5.centos                 Build Date: Tue 16 Sep 2014 02:06:27 PM UTC
Install Date: Tue 30 Sep 2014 11:41:56 AM UTC      Build Host: builder10.centos.org
Group       : System Environment/Daemons    Source RPM: httpd-2.2.3-91.el5.centos.src.rpm
Size        : 3334440                          License: Apache Software License
Signature   : DSA/SHA1, Tue 16 Sep 2014 02:30:08 PM UTC, Key ID a8a447dce8562897
Packager    : Johnny Hughes <johnny@centos.org>
URL         : http://httpd.apache.org/
Summary     : Apache HTTP Server
Description :
The Apache HTTP Server is a powerful, efficient, and extensible
web server.
`

const noDB = "error: cannot open Packages index using db3 - No such file or directory (2)\n" +
	"error: cannot open Packages database in /var/lib/rpm\n"

func TestRpmQuery(t *testing.T) {
	t.Parallel()
	rpmCheck(t, []rpmCase{
		{in: "rpm --version", want: "RPM version 4.4.2.3\n"},
		{in: "rpm -q httpd", want: "httpd-2.2.3-91.el5.centos\n"},
		{in: "rpm -q httpd-2.2.3 sysvinit-2.86-17.el5 initscripts", want: "httpd-2.2.3-91.el5.centos\nsysvinit-2.86-17.el5\ninitscripts-8.45.45-1.el5.centos\n"},
		{in: "rpm -q foo httpd bar", want: "package foo is not installed\nhttpd-2.2.3-91.el5.centos\npackage bar is not installed\n", status: 2},
		{in: "rpm -q", wantErr: "rpm: no arguments given for query\n", status: 1},
		{in: "rpm -qa 'http*' 'openssh*'", want: "openssh-4.3p2-82.el5\nopenssh-clients-4.3p2-82.el5\nopenssh-server-4.3p2-82.el5\nhttpd-2.2.3-91.el5.centos\n"},
		{in: "rpm -qa nothing"},
		{in: "rpm -qi httpd", want: rpmHttpdInfo},
		{in: "rpm -qi setup", uid: 501, want: "Name        : setup                        Relocations: (not relocatable)\n" +
			"Version     : 2.5.58                            Vendor: CentOS\n" +
			"Release     : 9.el5                         Build Date: Thu 19 Jan 2012 10:36:52 AM UTC\n" +
			"Install Date: Tue 30 Sep 2014 11:38:44 AM UTC      Build Host: builder10.centos.org\n" +
			"Group       : System Environment/Base       Source RPM: setup-2.5.58-9.el5.src.rpm\n" +
			"Size        : 409347                           License: public domain\n" +
			"Signature   : DSA/SHA1, Thu 19 Jan 2012 11:00:33 AM UTC, Key ID a8a447dce8562897\n" +
			"Packager    : Johnny Hughes <johnny@centos.org>\n" +
			"Summary     : A set of system configuration and setup files.\n" +
			"Description :\nThe setup package contains a set of important system configuration and\nsetup files, such as passwd, group, and profile.\n"},
		{in: "rpm -qf /etc/httpd/conf/httpd.conf /sbin/init", want: "httpd-2.2.3-91.el5.centos\nsysvinit-2.86-17.el5\n"},
		// The directory is found as it really is: /etc/init.d is a link.
		{in: "rpm -qf /etc/init.d/httpd /etc/init.d", want: "httpd-2.2.3-91.el5.centos\ninitscripts-8.45.45-1.el5.centos\n"},
		{in: "rpm -qf anaconda-ks.cfg /nope /etc", want: "file /root/anaconda-ks.cfg is not owned by any package\nfilesystem-2.4.0-3.el5.centos\n",
			wantErr: "error: file /nope: No such file or directory\n", status: 2},
		{in: "rpm -qf /etc/rc.d/rc3.d/S55sshd", want: "file /etc/rc.d/rc3.d/S55sshd is not owned by any package\n", status: 1},
		{in: "rpm -ql xinetd", want: "/etc/rc.d/init.d/xinetd\n/etc/sysconfig/xinetd\n/etc/xinetd.conf\n/etc/xinetd.d\n" +
			"/etc/xinetd.d/chargen-dgram\n/etc/xinetd.d/chargen-stream\n/etc/xinetd.d/daytime-dgram\n/etc/xinetd.d/daytime-stream\n" +
			"/etc/xinetd.d/discard-dgram\n/etc/xinetd.d/discard-stream\n/etc/xinetd.d/echo-dgram\n/etc/xinetd.d/echo-stream\n" +
			"/etc/xinetd.d/tcpmux-server\n/etc/xinetd.d/time-dgram\n/etc/xinetd.d/time-stream\n/usr/sbin/xinetd\n" +
			"/usr/share/man/man5/xinetd.conf.5.gz\n/usr/share/man/man8/xinetd.8.gz\n"},
		{in: "rpm -qc openssh-server telnet-server", want: "/etc/ssh/sshd_config\n/etc/xinetd.d/telnet\n"},
		{in: "rpm -qd httpd", want: "/usr/share/man/man8/apachectl.8.gz\n/usr/share/man/man8/httpd.8.gz\n"},
		{in: "rpm -qs telnet-server", want: "normal        /etc/xinetd.d/telnet\nnormal        /usr/sbin/in.telnetd\nnot installed /usr/share/man/man8/in.telnetd.8.gz\n"},
		{in: "rpm -ql basesystem", want: "(contains no files)\n"},
		{in: "rpm -qcf /etc/inittab", want: "/etc/inittab\n/etc/profile.d/lang.sh\n/etc/rc.d/rc.local\n/etc/sysconfig/init\n" +
			"/etc/sysconfig/netconsole\n/etc/sysconfig/network-scripts/ifcfg-lo\n/etc/sysconfig/rawdevices\n/etc/sysctl.conf\n"},
		{in: "rpm -qg 'System Environment/Shells' Nope", want: "bash-3.2-33.el5_11.4\ngroup Nope does not contain any packages\n", status: 1},
		{in: "rpm -q --qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\\n' httpd kernel", want: "httpd-2.2.3-91.el5.centos.i386\nkernel-2.6.18-398.el5.i686\n"},
		{in: "rpm -q --queryformat='[%-10{NAME}] %{SIZE} %{URL}\\n' filesystem", want: "[filesystem] 0 (none)\n"},
		{in: "rpm -q --qf '%{BUILDTIME:date}|%{INSTALLTIME}\\n' rpm", want: "Tue 26 Aug 2014 06:12:04 PM UTC|1412077252\n"},
		{in: "rpm -q --qf '%{NOPE}' rpm", wantErr: "error: incorrect format: unknown tag\n", status: 1},
		{in: "rpm -qp /root/httpd-2.2.3.rpm", wantErr: "error: open of /root/httpd-2.2.3.rpm failed: No such file or directory\n", status: 1},
		{in: "rpm -qZ", wantErr: "rpm: -qZ: unknown option\n", status: 1},
		{in: "rpm --frobnicate", wantErr: "rpm: --frobnicate: unknown option\n", status: 1},
		{in: "rpm -qe httpd", wantErr: "rpm: only one major mode may be specified\n", status: 1},
		{in: "rpm", wantErr: rpmUsage, status: 1},
	})
}

func TestRpmLocale(t *testing.T) {
	t.Parallel()
	k := rpmKernel(t)
	out, _, _ := rpmRunAs(t, k, 0, "/root", "rpm -qi rpm", "LC_ALL=C")
	if want := "Release     : 36.el5_11                     Build Date: Tue Aug 26 18:12:04 2014\n"; !strings.Contains(out, want) {
		t.Errorf("LC_ALL=C rpm -qi rpm = %q; want a line %q", out, want)
	}
}

func TestRpmDatabase(t *testing.T) {
	t.Parallel()
	corrupt := "rpmdb: /var/lib/rpm/Packages: unexpected file type or format\n" +
		"error: cannot open Packages index using db3 - Invalid argument (22)\n" +
		"error: cannot open Packages database in /var/lib/rpm\n"
	gone := map[string]string{"/var/lib/rpm/Packages": ""}
	rpmCheck(t, []rpmCase{
		{in: "rpm -q httpd", setup: gone, want: "package httpd is not installed\n", wantErr: noDB, status: 1},
		{in: "rpm -q httpd bash", setup: gone, want: "package httpd is not installed\npackage bash is not installed\n", wantErr: noDB + noDB, status: 2},
		{in: "rpm -qa", setup: gone, want: "no packages\n", wantErr: noDB, status: 1},
		{in: "rpm -qf /etc/inittab", setup: gone, want: "file /etc/inittab is not owned by any package\n", wantErr: noDB, status: 1},
		{in: "rpm -V httpd", setup: gone, want: "package httpd is not installed\n", wantErr: noDB, status: 1},
		{in: "rpm -q httpd", setup: map[string]string{"/var/lib/rpm/Packages": "hello\n"}, want: "package httpd is not installed\n", wantErr: corrupt, status: 1},
		{in: "rpm -q httpd", setup: map[string]string{"/var/lib/rpm/Packages": rpmDBMagic + "%package httpd\nVersion 1\n"},
			want: "package httpd is not installed\n", wantErr: corrupt, status: 1},
		{in: "rpm -q httpd", setup: map[string]string{"/var/lib/rpm": ""}, want: "package httpd is not installed\n", wantErr: noDB, status: 1},
	})
	// A database the user may not read.
	k := rpmKernel(t)
	if err := k.FS.Chmod("/var/lib/rpm/Packages", 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, st := rpmRunAs(t, k, 501, "/tmp", "rpm -q bash")
	if want := "error: cannot open Packages index using db3 - Permission denied (13)\nerror: cannot open Packages database in /var/lib/rpm\n"; errs != want || out != "package bash is not installed\n" || st != 1 {
		t.Errorf("rpm -q bash (unreadable db) = %q, %q, %d; want %q", out, errs, st, want)
	}
}

func TestRpmVerify(t *testing.T) {
	t.Parallel()
	conf := "/etc/httpd/conf/httpd.conf"
	rpmCheck(t, []rpmCase{
		{in: "rpm -V httpd initscripts sysvinit"},
		{in: "rpm -Va"},
		{in: "rpm -V httpd", setup: map[string]string{conf: "ServerRoot \"/etc/httpd\"\n"},
			want: "S.5....T  c /etc/httpd/conf/httpd.conf\n", status: 1},
		{in: "rpm -V httpd sysvinit", setup: map[string]string{"/usr/sbin/httpd": "", "/sbin/init": "#!/bin/sh\n"},
			want: "missing     /usr/sbin/httpd\nS.5....T    /sbin/init\n", status: 2},
		{in: "rpm -Vf /etc/inittab", setup: map[string]string{"/etc/inittab": ""}, want: "missing   c /etc/inittab\n", status: 1},
		// Files whose %verify leaves out content and time, and %ghost logs.
		{in: "rpm -V setup sysklogd", setup: map[string]string{"/etc/passwd": "root:x:0:0::/root:/bin/bash\n", "/var/log/messages": "x\n"}},
		{in: "rpm -V nothere", want: "package nothere is not installed\n", status: 1},
		{in: "rpm -V", wantErr: "rpm: no arguments given for verify\n", status: 1},
		// A user cannot read sshd_config: its digest is unknown.
		{in: "rpm -V openssh-server", uid: 501, want: "..?.....  c /etc/ssh/sshd_config\n", status: 1},
	})

	// Mode, owner and link target.
	k := rpmKernel(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(k.FS.Chmod("/etc/rc.d/init.d/httpd", 0o644))
	must(k.FS.Lchown("/var/www/html", 48, 48))
	must(k.FS.Remove("/etc/httpd/logs"))
	must(k.FS.Symlink("/tmp", "/etc/httpd/logs"))
	out, errs, st := rpmRunAs(t, k, 0, "/root", "rpm -V httpd")
	want := ".M......    /etc/rc.d/init.d/httpd\n....L...    /etc/httpd/logs\n.....UG.    /var/www/html\n"
	if sortedLines(out) != sortedLines(want) || errs != "" || st != 1 {
		t.Errorf("rpm -V httpd = %q, %q, %d; want %q", out, errs, st, want)
	}
}

func sortedLines(s string) string {
	l := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i := range l {
		for j := i + 1; j < len(l); j++ {
			if l[j] < l[i] {
				l[i], l[j] = l[j], l[i]
			}
		}
	}
	return strings.Join(l, "\n")
}

func TestRpmChanges(t *testing.T) {
	t.Parallel()
	rpmCheck(t, []rpmCase{
		{in: "rpm -ivh httpd-2.2.3-91.el5.centos.i386.rpm", wantErr: "error: open of httpd-2.2.3-91.el5.centos.i386.rpm failed: No such file or directory\n", status: 1},
		{in: "rpm -Uvh a.rpm b.rpm", wantErr: "error: open of a.rpm failed: No such file or directory\nerror: open of b.rpm failed: No such file or directory\n", status: 2},
		{in: "rpm -F /root/anaconda-ks.cfg", wantErr: "error: /root/anaconda-ks.cfg: not an rpm package (or package manifest)\n", status: 1},
		{in: "rpm -i", wantErr: "rpm: no packages given for install\n", status: 1},
		{in: "rpm -e", wantErr: "rpm: no packages given for erase\n", status: 1},
		{in: "rpm -e foo", wantErr: "error: package foo is not installed\n", status: 1},
		{in: "rpm -e httpd", wantErr: "error: httpd-2.2.3-91.el5.centos: packages cannot be removed from an rclab machine (change its files instead)\n", status: 1},
		{in: "rpm -e --nodeps telnet-server", uid: 501, wantErr: "error: can't create transaction lock on /var/lib/rpm/__db.000\n", status: 1},
	})
}

func FuzzParseRPMDB(f *testing.F) {
	fsys := vfs.New()
	if err := image.Load("centos5", fsys); err != nil {
		f.Fatal(err)
	}
	data, err := rpmReadAll(fsys, rpmDBPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(strings.TrimPrefix(data, rpmDBMagic))
	f.Add("%package a\nVersion: 1\nRelease: 1\n%file f 0644 root root 1 0 - c - /x\n")
	f.Add("%package a\nDescription: x\n%file l 0777 root root - 0 - - t /l\n")
	f.Fuzz(func(t *testing.T, text string) {
		pkgs, err := parseRPMDB(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" || p.Release == "" {
				t.Fatalf("package without name, version or release: %+v", p)
			}
			for _, f := range p.Files {
				if !strings.HasPrefix(f.Path, "/") || f.Mode > 0o7777 || !strings.ContainsRune("fdl", rune(f.Kind)) {
					t.Fatalf("bad file accepted: %+v", f)
				}
			}
		}
	})
}

func rpmReadAll(fsys *vfs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return string(b), err
}
