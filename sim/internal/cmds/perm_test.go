package cmds

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// Users of the permission fixture.
const (
	permRoot  = 0
	permAlice = 501
	permBob   = 502
)

// permKernel is a small machine with users and modes to test the checks
// of userFS through the programs: alice (501) and bob (502), alice also in
// group staff (600); a root-only /root and /etc/shadow; a sticky /tmp; a
// staff-writable /srv/shared; in alice's home a directory she may read
// but not search (blind) and a read-only file; and the chkconfig tree.
func permKernel(t *testing.T) *kernel.Kernel {
	t.Helper()
	files := chkFiles()
	for name, content := range map[string]string{
		"/etc/passwd":  "root:x:0:0:root:/root:/bin/bash\nalice:x:501:501::/home/alice:/bin/bash\nbob:x:502:502::/home/bob:/bin/bash\n",
		"/etc/group":   "root:x:0:root\nalice:x:501:\nbob:x:502:\nstaff:x:600:alice\n",
		"/etc/shadow":  "root:$1$x:16343:0:99999:7:::\n",
		"/etc/hosts":   "127.0.0.1\tlocalhost\n",
		"/root/secret": "s3cret\n", "/root/sub/": "",
		"/tmp/rootfile": "r\n", "/tmp/alicefile": "a\n", "/tmp/rootdir/": "",
		"/tmp/alicedir/bobfile": "b\n",
		"/home/alice/f":         "hello\n", "/home/alice/ro": "read only\n",
		"/home/alice/blind/x": "x\n", "/home/alice/blind/y/": "",
		"/home/alice/group600":      "g\n",
		"/home/alice/tree/locked/z": "z\n", "/home/alice/tree/a": "a\n",
		"/home/bob/":   "",
		"/srv/shared/": "",
	} {
		files[name] = content
	}
	k := testKernel(t, files)
	for _, c := range []struct {
		name     string
		mode     fs.FileMode
		uid, gid int
	}{
		{"/etc/shadow", 0o400, 0, 0},
		{"/root", 0o700, 0, 0}, {"/root/secret", 0o600, 0, 0},
		{"/tmp", 0o777 | fs.ModeSticky, 0, 0},
		{"/tmp/rootfile", 0o666, 0, 0},
		{"/tmp/alicefile", 0o644, permAlice, permAlice},
		{"/tmp/alicedir", 0o777 | fs.ModeSticky, permAlice, permAlice},
		{"/tmp/alicedir/bobfile", 0o644, permBob, permBob},
		{"/home/alice", 0o755, permAlice, permAlice},
		{"/home/alice/f", 0o664, permAlice, permAlice},
		{"/home/alice/ro", 0o444, permAlice, permAlice},
		{"/home/alice/blind/x", 0o644, permAlice, permAlice},
		{"/home/alice/blind/y", 0o755, permAlice, permAlice},
		{"/home/alice/blind", 0o644, permAlice, permAlice},
		{"/home/alice/group600", 0o640, permBob, 600},
		{"/home/alice/tree", 0o755, permAlice, permAlice},
		{"/home/alice/tree/a", 0o644, permAlice, permAlice},
		{"/home/alice/tree/locked", 0o600, permAlice, permAlice},
		{"/home/bob", 0o700, permBob, permBob},
		{"/srv/shared", 0o775, 0, 600},
	} {
		if err := k.FS.Chmod(c.name, c.mode); err != nil {
			t.Fatal(err)
		}
		if err := k.FS.Lchown(c.name, c.uid, c.gid); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

// runAs runs one program of line as user uid (group uid) in dir, from a
// process of the table so that Proc.Cred finds the user. stdin, when not
// "", is piped in; tty says standard input is a terminal.
func runAs(t *testing.T, k *kernel.Kernel, uid int, dir, line, stdin string, tty bool) (stdout, stderr string, status int) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	pid, err := k.Procs.Spawn(proc.Process{PPID: 1, UID: uid, GID: uid, TTY: "tty2", Comm: argv[0], Args: argv})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Procs.Exit(pid)
	var out, errb bytes.Buffer
	p := &Proc{
		Ctx: context.Background(), Args: argv, Dir: dir, Environ: []string{"PATH=/bin:/usr/bin", "LANG=C"},
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Sys: k, Umask: 0o002,
		PID: pid, PPID: 1, TTY: "tty2", StdinTty: tty,
	}
	status = c.Main(p)
	return out.String(), errb.String(), status
}

// permCase is a command line run as a user, what it must print and
// return, and optionally a line root runs afterwards to show the effect.
type permCase struct {
	uid            int
	line           string
	stdin          string
	tty            bool
	stdout, stderr string
	status         int
	after, want    string // root's line and its stdout
}

func runPermCases(t *testing.T, tests []permCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			k := permKernel(t)
			dir := map[int]string{permRoot: "/root", permAlice: "/home/alice", permBob: "/home/bob"}[tc.uid]
			out, errOut, status := runAs(t, k, tc.uid, dir, tc.line, tc.stdin, tc.tty)
			if out != tc.stdout || errOut != tc.stderr || status != tc.status {
				t.Errorf("uid %d: %s = %q, %q, %d; want %q, %q, %d", tc.uid, tc.line, out, errOut, status, tc.stdout, tc.stderr, tc.status)
			}
			if tc.after != "" {
				if got, _, _ := runAs(t, k, permRoot, "/root", tc.after, "", false); got != tc.want {
					t.Errorf("after uid %d: %s, %s = %q; want %q", tc.uid, tc.line, tc.after, got, tc.want)
				}
			}
		})
	}
}

func TestPermReaders(t *testing.T) {
	t.Parallel()
	const denied = ": Permission denied\n"
	runPermCases(t, []permCase{
		{uid: permAlice, line: "cat /etc/shadow", stderr: "cat: /etc/shadow" + denied, status: 1},
		{uid: permRoot, line: "cat /etc/shadow", stdout: "root:$1$x:16343:0:99999:7:::\n"},
		{uid: permAlice, line: "cat /root/secret", stderr: "cat: /root/secret" + denied, status: 1},
		{uid: permAlice, line: "head -1 /etc/shadow", stderr: "head: cannot open `/etc/shadow' for reading" + denied, status: 1},
		{uid: permAlice, line: "tail /etc/shadow", stderr: "tail: cannot open `/etc/shadow' for reading" + denied, status: 1},
		{uid: permAlice, line: "wc -l /etc/shadow /etc/hosts", stdout: " 1 /etc/hosts\n 1 total\n", stderr: "wc: /etc/shadow" + denied, status: 1},
		{uid: permAlice, line: "sort /etc/shadow", stderr: "sort: open failed: /etc/shadow" + denied, status: 2},
		{uid: permAlice, line: "grep root /etc/shadow /etc/passwd", stdout: "/etc/passwd:root:x:0:0:root:/root:/bin/bash\n", stderr: "grep: /etc/shadow" + denied, status: 2},
		{uid: permAlice, line: "grep -s root /etc/shadow", status: 2},
		{uid: permAlice, line: "grep -r x /root", stderr: "grep: /root" + denied, status: 2},
		{uid: permAlice, line: "stat -c %s /root/secret", stderr: "stat: cannot stat `/root/secret'" + denied, status: 1},
		{uid: permAlice, line: "find /root", stdout: "/root\n", stderr: "find: /root" + denied, status: 1},
		// A group member reads through the group bits, others do not.
		{uid: permAlice, line: "cat group600", stdout: "g\n"},
		{uid: permBob, line: "cat /etc/hosts", stdout: "127.0.0.1\tlocalhost\n"},
	})
}

func TestPermLs(t *testing.T) {
	t.Parallel()
	const denied = ": Permission denied\n"
	runPermCases(t, []permCase{
		{uid: permAlice, line: "ls /root", stderr: "ls: /root" + denied, status: 2},
		{uid: permAlice, line: "ls -l /root/secret", stderr: "ls: /root/secret" + denied, status: 2},
		{uid: permAlice, line: "ls -d /root", stdout: "/root\n"},
		{uid: permRoot, line: "ls /root", stdout: "secret\nsub\n"},
		// Read without search: the names, and nothing that needs a stat.
		{uid: permAlice, line: "ls blind", stdout: "x\ny\n"},
		{uid: permAlice, line: "ls -a blind", stdout: ".\n..\nx\ny\n"},
		{uid: permAlice, line: "ls -l blind", stdout: "total 0\n", stderr: "ls: blind/x" + denied + "ls: blind/y" + denied, status: 1},
		{uid: permAlice, line: "ls -F blind", stdout: "y/\n", stderr: "ls: blind/x" + denied, status: 1},
		{uid: permAlice, line: "ls blind/x", stderr: "ls: blind/x" + denied, status: 2},
		{uid: permAlice, line: "ls -R blind", stdout: "blind:\nx\ny\n", stderr: "ls: blind/y" + denied, status: 1},
		{uid: permAlice, line: "du blind", stdout: "4\tblind\n", stderr: "du: cannot access `blind/x'" + denied + "du: cannot access `blind/y'" + denied, status: 1},
		{uid: permAlice, line: "du -s /root", stdout: "4\t/root\n", stderr: "du: cannot read directory `/root'" + denied, status: 1},
	})
}

func TestPermWriters(t *testing.T) {
	t.Parallel()
	const denied = ": Permission denied\n"
	const notPermitted = ": Operation not permitted\n"
	runPermCases(t, []permCase{
		{uid: permAlice, line: "cp /etc/hosts /etc/x", stderr: "cp: cannot create regular file `/etc/x'" + denied, status: 1,
			after: "ls /etc/x", want: ""},
		{uid: permAlice, line: "cp /etc/hosts /etc/passwd", stderr: "cp: cannot create regular file `/etc/passwd'" + denied, status: 1},
		{uid: permAlice, line: "cp -f /etc/hosts /etc/passwd", stderr: "cp: cannot remove `/etc/passwd'" + denied, status: 1},
		{uid: permAlice, line: "cp /etc/shadow s", stderr: "cp: cannot open `/etc/shadow' for reading" + denied, status: 1},
		{uid: permAlice, line: "cp /root/secret s", stderr: "cp: cannot stat `/root/secret'" + denied, status: 1},
		{uid: permAlice, line: "cp -p /etc/hosts h", after: "stat -c %U:%G:%a /home/alice/h", want: "alice:alice:644\n"},
		{uid: permAlice, line: "cp -r blind b2", stderr: "cp: cannot stat `blind/x'" + denied + "cp: cannot stat `blind/y'" + denied, status: 1},
		{uid: permAlice, line: "mv f /etc/f", stderr: "mv: cannot move `f' to `/etc/f'" + denied, status: 1,
			after: "ls /home/alice/f", want: "/home/alice/f\n"},
		{uid: permAlice, line: "mv /etc/hosts h", stderr: "mv: cannot move `/etc/hosts' to `h'" + denied, status: 1},
		{uid: permAlice, line: "mv f /srv/shared/f", after: "stat -c %U:%G /srv/shared/f", want: "alice:alice\n"},
		{uid: permBob, line: "cp /etc/hosts /srv/shared/h", stderr: "cp: cannot create regular file `/srv/shared/h'" + denied, status: 1},
		{uid: permAlice, line: "ln -s x /etc/l", stderr: "ln: creating symbolic link `/etc/l' to `x'" + denied, status: 1},
		{uid: permAlice, line: "ln /etc/hosts /etc/h", stderr: "ln: creating hard link `/etc/h' to `/etc/hosts'" + denied, status: 1},
		{uid: permAlice, line: "ln -s f l", after: "stat -c %U /home/alice/l", want: "alice\n"},
		{uid: permAlice, line: "rm /etc/passwd", stderr: "rm: cannot remove `/etc/passwd'" + denied, status: 1},
		// rm 5.97 goes into a directory to empty it.
		{uid: permAlice, line: "rm -rf /root", stderr: "rm: cannot chdir from `.' to `/root'" + denied, status: 1},
		{uid: permAlice, line: "rm -rf tree", stderr: "rm: cannot chdir from `tree' to `locked'" + denied, status: 1,
			after: "ls /home/alice/tree", want: "locked\n"},
		{uid: permAlice, line: "rm -r blind", stderr: "rm: cannot chdir from `.' to `blind'" + denied, status: 1},
		{uid: permAlice, line: "rm -r /home/alice/blind/", stderr: "rm: cannot chdir from `.' to `/home/alice/blind/'" + denied, status: 1},
		{uid: permAlice, line: "rmdir /tmp/rootdir", stderr: "rmdir: `/tmp/rootdir'" + notPermitted, status: 1},
		{uid: permAlice, line: "mkdir /etc/d", stderr: "mkdir: cannot create directory `/etc/d'" + denied, status: 1},
		{uid: permAlice, line: "mkdir -p /root/a/b", stderr: "mkdir: cannot create directory `/root/a'" + denied, status: 1},
		{uid: permAlice, line: "mkdir -m 700 d", after: "stat -c %U:%G:%a /home/alice/d", want: "alice:alice:700\n"},
		{uid: permAlice, line: "touch /etc/x", stderr: "touch: cannot touch `/etc/x'" + denied, status: 1},
		{uid: permAlice, line: "touch /etc/hosts", stderr: "touch: cannot touch `/etc/hosts'" + denied, status: 1},
		{uid: permAlice, line: "touch -d 2001-01-01 /tmp/rootfile", stderr: "touch: setting times of `/tmp/rootfile'" + notPermitted, status: 1},
		{uid: permAlice, line: "touch /etc", stderr: "touch: setting times of `/etc'" + denied, status: 1},
		// A writable file's times may be set to now; an own read-only
		// file's to anything.
		{uid: permAlice, line: "touch /tmp/rootfile"},
		{uid: permAlice, line: "touch -d 2001-01-01 ro", after: "stat -c %y /home/alice/ro", want: "2001-01-01 00:00:00.000000000 +0000\n"},
		{uid: permAlice, line: "tee /etc/x", stdin: "x\n", stdout: "x\n", stderr: "tee: /etc/x" + denied, status: 1},
		{uid: permAlice, line: "tee t", stdin: "x\n", stdout: "x\n", after: "stat -c %U:%a /home/alice/t", want: "alice:664\n"},
		{uid: permAlice, line: "sort -o /etc/s /etc/hosts", stderr: "sort: open failed: /etc/s" + denied, status: 2},
	})
}

func TestPermChmodChown(t *testing.T) {
	t.Parallel()
	const notPermitted = ": Operation not permitted\n"
	runPermCases(t, []permCase{
		{uid: permAlice, line: "chmod 600 /etc/passwd", stderr: "chmod: changing permissions of `/etc/passwd'" + notPermitted, status: 1},
		{uid: permAlice, line: "chmod 600 f", after: "stat -c %a /home/alice/f", want: "600\n"},
		{uid: permAlice, line: "chmod -v 600 /etc/hosts", stdout: "failed to change mode of `/etc/hosts' to 0600 (rw-------)\n",
			stderr: "chmod: changing permissions of `/etc/hosts'" + notPermitted, status: 1},
		// The setgid bit needs the file's group.
		{uid: permAlice, line: "chmod 2755 f", after: "stat -c %a /home/alice/f", want: "2755\n"},
		{uid: permBob, line: "chmod 2755 /tmp/alicedir/bobfile", after: "stat -c %a /tmp/alicedir/bobfile", want: "2755\n"},
		{uid: permAlice, line: "chown bob f", stderr: "chown: changing ownership of `f'" + notPermitted, status: 1},
		{uid: permAlice, line: "chown alice f"},
		{uid: permAlice, line: "chown alice:staff f", after: "stat -c %U:%G /home/alice/f", want: "alice:staff\n"},
		{uid: permAlice, line: "chgrp bob f", stderr: "chgrp: changing group of `f'" + notPermitted, status: 1},
		{uid: permAlice, line: "chgrp staff f", after: "stat -c %G /home/alice/f", want: "staff\n"},
		{uid: permAlice, line: "chgrp staff /etc/hosts", stderr: "chgrp: changing group of `/etc/hosts'" + notPermitted, status: 1},
		{uid: permRoot, line: "chown bob /home/alice/f", after: "stat -c %U /home/alice/f", want: "bob\n"},
	})
}

func TestPermSticky(t *testing.T) {
	t.Parallel()
	const notPermitted = ": Operation not permitted\n"
	runPermCases(t, []permCase{
		{uid: permAlice, line: "rm /tmp/rootfile", stderr: "rm: cannot remove `/tmp/rootfile'" + notPermitted, status: 1,
			after: "ls /tmp/rootfile", want: "/tmp/rootfile\n"},
		{uid: permAlice, line: "rm -f /tmp/rootfile", stderr: "rm: cannot remove `/tmp/rootfile'" + notPermitted, status: 1},
		{uid: permAlice, line: "mv /tmp/rootfile /tmp/mine", stderr: "mv: cannot move `/tmp/rootfile' to `/tmp/mine'" + notPermitted, status: 1},
		{uid: permAlice, line: "mv f /tmp/rootfile", stderr: "mv: cannot move `f' to `/tmp/rootfile'" + notPermitted, status: 1},
		{uid: permAlice, line: "rm /tmp/alicefile", after: "ls /tmp/alicefile", want: ""},
		{uid: permBob, line: "rm -f /tmp/alicefile", stderr: "rm: cannot remove `/tmp/alicefile'" + notPermitted, status: 1},
		// Writing someone's writable file is no removal.
		{uid: permAlice, line: "cp /etc/hosts /tmp/rootfile", after: "cat /tmp/rootfile", want: "127.0.0.1\tlocalhost\n"},
		// The owner of a sticky directory removes anything in it.
		{uid: permAlice, line: "rm /tmp/alicedir/bobfile", after: "ls /tmp/alicedir", want: ""},
		{uid: permBob, line: "rm -r /tmp/alicedir", stderr: "rm: cannot remove directory `/tmp/alicedir'" + notPermitted, status: 1,
			after: "ls -a /tmp/alicedir", want: ".\n..\n"},
		{uid: permRoot, line: "rm /tmp/alicefile"},
	})
}

// On a terminal rm asks before removing a file its user may not write,
// though the directory decides; -f never asks.
func TestPermRmWriteProtected(t *testing.T) {
	t.Parallel()
	runPermCases(t, []permCase{
		{uid: permAlice, line: "rm /etc/passwd", tty: true, stdin: "y\n",
			stderr: "rm: remove write-protected regular file `/etc/passwd'? rm: cannot remove `/etc/passwd': Permission denied\n", status: 1},
		{uid: permAlice, line: "rm /etc/passwd", tty: true, stdin: "n\n", stderr: "rm: remove write-protected regular file `/etc/passwd'? "},
		{uid: permAlice, line: "rm ro", tty: true, stdin: "y\n", stderr: "rm: remove write-protected regular file `ro'? ",
			after: "ls /home/alice/ro", want: ""},
		{uid: permAlice, line: "rm -f ro", tty: true, after: "ls /home/alice/ro", want: ""},
		{uid: permAlice, line: "rm f", tty: true, after: "ls /home/alice/f", want: ""},
		{uid: permAlice, line: "rm -i f", stdin: "n\n", stderr: "rm: remove regular file `f'? "},
		{uid: permRoot, line: "rm /home/alice/ro", tty: true, after: "ls /home/alice/ro", want: ""},
	})
}

func TestPermChkconfig(t *testing.T) {
	t.Parallel()
	const refused = "You do not have enough privileges to perform this operation.\n"
	const sshdLinks = "ls /etc/rc.d/rc3.d/S55sshd /etc/rc.d/rc1.d/K25sshd"
	const sshdWant = "/etc/rc.d/rc1.d/K25sshd\n/etc/rc.d/rc3.d/S55sshd\n"
	runPermCases(t, []permCase{
		{uid: permAlice, line: "chkconfig sshd off", stderr: refused, status: 1, after: sshdLinks, want: sshdWant},
		{uid: permAlice, line: "chkconfig sshd on", stderr: refused, status: 1},
		{uid: permAlice, line: "chkconfig --level 3 sshd off", stderr: refused, status: 1, after: sshdLinks, want: sshdWant},
		{uid: permAlice, line: "chkconfig sshd reset", stderr: refused, status: 1},
		{uid: permAlice, line: "chkconfig sshd resetpriorities", stderr: refused, status: 1},
		{uid: permAlice, line: "chkconfig --add sshd", stderr: refused, status: 1},
		{uid: permAlice, line: "chkconfig --del sshd", stderr: refused, status: 1, after: sshdLinks, want: sshdWant},
		{uid: permAlice, line: "chkconfig telnet on", stderr: refused, status: 1},
		// What is checked first still comes first.
		{uid: permAlice, line: "chkconfig nosuch on", stderr: "error reading information on service nosuch: No such file or directory\n", status: 1},
		{uid: permAlice, line: "chkconfig --del nosuch", stderr: "error reading information on service nosuch: No such file or directory\n", status: 1},
		{uid: permAlice, line: "chkconfig sshd bogus", stderr: chkUsage, status: 1},
		// xinetd services have no links to add or delete.
		{uid: permAlice, line: "chkconfig --add telnet"},
		// Reading needs no privileges.
		{uid: permAlice, line: "chkconfig --list sshd", stdout: "sshd           \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n"},
		{uid: permAlice, line: "chkconfig --level 3 sshd"},
		{uid: permAlice, line: "chkconfig --level 1 sshd", status: 1},
		{uid: permRoot, line: "chkconfig --level 3 sshd off", after: "ls /etc/rc.d/rc3.d/K25sshd", want: "/etc/rc.d/rc3.d/K25sshd\n"},
	})
}

func TestPermNtsysv(t *testing.T) {
	t.Parallel()
	k := permKernel(t)
	for _, line := range []string{"ntsysv", "/usr/sbin/ntsysv", "ntsysv --level 35"} {
		argv0 := strings.Fields(line)[0]
		out, errOut, status := runAs(t, k, permAlice, "/home/alice", line, "", true)
		if want := "You must be root to run " + argv0 + ".\n"; out != "" || errOut != want || status != 1 {
			t.Errorf("alice: %s = %q, %q, %d; want \"\", %q, 1", line, out, errOut, status, want)
		}
	}
}

// The system calls of userFS fail with the kernel's errno for each user.
func TestUserFSErrno(t *testing.T) {
	t.Parallel()
	type call func(u *userFS) error
	open := func(name string, flag int) call {
		return func(u *userFS) error {
			f, err := u.OpenFile(name, flag, 0o644)
			if err == nil {
				f.Close()
			}
			return err
		}
	}
	tests := []struct {
		name string
		uid  int
		call call
		want syscall.Errno // 0: success
	}{
		{"read shadow", permAlice, open("/etc/shadow", os.O_RDONLY), syscall.EACCES},
		{"root reads shadow", permRoot, open("/etc/shadow", os.O_RDONLY), 0},
		{"write a directory", permAlice, open("/home/alice", os.O_WRONLY), syscall.EISDIR},
		{"create in /etc", permAlice, open("/etc/new", os.O_WRONLY|os.O_CREATE), syscall.EACCES},
		{"exclusive create of an existing name", permAlice, open("/etc/hosts", os.O_WRONLY|os.O_CREATE|os.O_EXCL), syscall.EEXIST},
		{"search denied", permAlice, func(u *userFS) error { _, err := u.Lstat("/root/secret"); return err }, syscall.EACCES},
		{"through a link into /root", permAlice, func(u *userFS) error {
			u.fs.Symlink("/root/secret", "/home/alice/ln")
			_, err := u.Stat("/home/alice/ln")
			return err
		}, syscall.EACCES},
		{"mkdir over a name", permAlice, func(u *userFS) error { return u.Mkdir("/etc", 0o755) }, syscall.EEXIST},
		{"mkdir in /etc", permAlice, func(u *userFS) error { return u.Mkdir("/etc/d", 0o755) }, syscall.EACCES},
		{"staff member creates in /srv/shared", permAlice, open("/srv/shared/x", os.O_WRONLY|os.O_CREATE), 0},
		{"outsider creates in /srv/shared", permBob, open("/srv/shared/x", os.O_WRONLY|os.O_CREATE), syscall.EACCES},
		{"unlink in sticky /tmp", permAlice, func(u *userFS) error { return u.Remove("/tmp/rootfile") }, syscall.EPERM},
		{"unlink own in sticky /tmp", permAlice, func(u *userFS) error { return u.Remove("/tmp/alicefile") }, 0},
		{"sticky directory's owner", permAlice, func(u *userFS) error { return u.Remove("/tmp/alicedir/bobfile") }, 0},
		{"rename over someone's file in /tmp", permAlice, func(u *userFS) error { return u.Rename("/tmp/alicefile", "/tmp/rootfile") }, syscall.EPERM},
		{"move a read-only directory elsewhere", permAlice, func(u *userFS) error {
			u.fs.Chmod("/home/alice/blind/y", 0o555)
			return u.Rename("/home/alice/blind/y", "/home/alice/y")
		}, syscall.EACCES},
		{"rename a read-only directory in place", permAlice, func(u *userFS) error {
			u.fs.Chmod("/home/alice/tree/locked", 0o500)
			return u.Rename("/home/alice/tree/locked", "/home/alice/tree/l2")
		}, 0},
		{"hard link into /etc", permAlice, func(u *userFS) error { return u.Link("/home/alice/f", "/etc/f") }, syscall.EACCES},
		{"device node", permAlice, func(u *userFS) error { return u.Mknod("/home/alice/null", fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0) }, syscall.EPERM},
		{"chown nothing", permAlice, func(u *userFS) error { return u.Chown("/etc/hosts", -1, -1) }, 0},
		{"chown to oneself", permAlice, func(u *userFS) error { return u.Chown("/home/alice/f", permAlice, -1) }, 0},
		{"chmod another's", permAlice, func(u *userFS) error { return u.Chmod("/etc/hosts", 0o600) }, syscall.EPERM},
		{"explicit times of another's writable file", permAlice, func(u *userFS) error {
			return u.Chtimes("/tmp/rootfile", time.Unix(0, 0), time.Unix(0, 0))
		}, syscall.EPERM},
		{"times of another's writable file to now", permAlice, func(u *userFS) error { return u.Touch("/tmp/rootfile", time.Unix(0, 0)) }, 0},
		{"times of another's read-only file to now", permAlice, func(u *userFS) error { return u.Touch("/etc/hosts", time.Unix(0, 0)) }, syscall.EACCES},
		{"read a directory without r", permAlice, func(u *userFS) error { _, err := u.ReadDir("/root"); return err }, syscall.EACCES},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := permKernel(t)
			u := &userFS{fs: k.FS, ids: idsOf(k, tt.uid, tt.uid)}
			if err := tt.call(u); Errno(err) != tt.want || (err == nil) != (tt.want == 0) {
				t.Errorf("uid %d: %s = %v; want errno %d (%v)", tt.uid, tt.name, err, tt.want, tt.want)
			}
		})
	}
}
