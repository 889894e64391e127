package shell

import (
	"os"
	"testing"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// alice is the user of userSession: uid and gid 501.
const alice = 501

// userKernel is testKernel with alice's files: /home/alice (hers, 700),
// /root (700), /srv/locked (root's, 700) holding a directory, a file of
// alice's in root's group, and a world-writable file of root's.
func userKernel(t testing.TB) *kernel.Kernel {
	t.Helper()
	k := testKernel(t)
	fsys := k.FS
	for _, d := range []string{"/home/alice", "/srv/locked/inner", "/srv/open"} {
		if err := fsys.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, mode os.FileMode, uid, gid int) {
		f, err := fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		fsys.Chmod(name, mode)
		fsys.Chown(name, uid, gid)
	}
	fsys.Chown("/home/alice", alice, alice)
	fsys.Chmod("/home/alice", 0o700)
	fsys.Chmod("/root", 0o700)
	fsys.Chmod("/srv/locked", 0o700)
	write("/home/alice/mine", 0o644, alice, 0)
	write("/srv/open/shared", 0o666, 0, 0)
	write("/srv/open/script", 0o750, 0, alice)
	write("/srv/open/rootonly", 0o700, 0, 0)
	write("/srv/open/noexec", 0o644, 0, 0)
	return k
}

// userSession is session for alice: her login shell (pid 600 in the
// process table) runs lines one by one and returns the terminal's text.
func userSession(t testing.TB, k *kernel.Kernel, lines ...string) string {
	t.Helper()
	const pid = 600
	if err := k.Procs.SpawnPID(pid, proc.Process{PPID: 1, UID: alice, GID: alice, Comm: "bash", Args: []string{"-bash"}}); err != nil {
		t.Fatal(err)
	}
	return runSession(t, Options{
		Kernel:      k,
		Environ:     []string{"HOME=/home/alice", "PATH=/usr/libexec/rclabtest:/sbin:/bin:/usr/sbin:/usr/bin", "USER=alice"},
		Dir:         "/home/alice",
		Interactive: true,
		Name:        "-bash",
		Umask:       0o002,
		PID:         pid,
		PPID:        1,
	}, lines...)
}

// TestCd checks cd's failures and options, worded as bash 3.2 words
// them, for root and for a user.
func TestCd(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		user  bool
		lines []string
		want  string
	}{
		{"user denied root's home", true, []string{"cd /root; echo $?; pwd"},
			"-bash: cd: /root: Permission denied\n1\n/home/alice\n"},
		{"user denied a directory below one she may not search", true, []string{"cd /srv/locked/inner"},
			"-bash: cd: /srv/locked/inner: Permission denied\n"},
		{"a missing name below a closed directory is denied too", true, []string{"cd /srv/locked/nothing"},
			"-bash: cd: /srv/locked/nothing: Permission denied\n"},
		{"user may enter an open directory", true, []string{"cd /srv/open && pwd"}, "/srv/open\n"},
		{"root enters any directory", false, []string{"cd /srv/locked/inner && pwd"}, "/srv/locked/inner\n"},
		{"not a directory", false, []string{"cd /etc/passwd; echo $?"}, "-bash: cd: /etc/passwd: Not a directory\n1\n"},
		{"a file on the way", false, []string{"cd /etc/passwd/x"}, "-bash: cd: /etc/passwd/x: Not a directory\n"},
		{"missing", false, []string{"cd /nonexistent"}, "-bash: cd: /nonexistent: No such file or directory\n"},
		{"relative names keep their spelling", false, []string{"cd ../nowhere"}, "-bash: cd: ../nowhere: No such file or directory\n"},
		{"an unknown ~user stays a word", false, []string{"cd ~nobodyhere"}, "-bash: cd: ~nobodyhere: No such file or directory\n"},
		{"extra operands are ignored", false, []string{"cd /tmp /etc; pwd"}, "/tmp\n"},
		{"no OLDPWD yet", false, []string{"cd -; echo $?"}, "-bash: cd: OLDPWD not set\n1\n"},
		{"cd - prints where it goes", false, []string{"cd /tmp", "cd /etc", "cd -", "pwd; echo $OLDPWD"}, "/tmp\n/tmp\n/etc\n"},
		{"no operand is HOME", false, []string{"cd /tmp; cd; pwd"}, "/root\n"},
		{"HOME unset", false, []string{"unset HOME; cd; echo $?"}, "-bash: cd: HOME not set\n1\n"},
		{"an empty name stays", false, []string{"cd /tmp; cd ''; echo $? $PWD"}, "0 /tmp\n"},
		{"-P resolves links", false, []string{"cd -P /linked; pwd", "cd -L /linked; pwd", "cd -- /tmp; pwd"}, "/real/dir\n/linked\n/tmp\n"},
		{"an unknown option", false, []string{"cd -x /tmp; echo $?"}, "-bash: cd: -x: invalid option\ncd: usage: cd [-L|-P] [dir]\n1\n"},
		{"scripts name their line", true, []string{"printf 'echo a\\ncd /root\\n' > s; bash s"},
			"a\ns: line 2: cd: /root: Permission denied\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got string
			if tt.user {
				got = userSession(t, userKernel(t), tt.lines...)
			} else {
				got = session(t, userKernel(t), tt.lines...)
			}
			if got != tt.want {
				t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
			}
		})
	}
}

// TestTestsAsUser checks test's ownership and access operators for the
// shell's user, in simple and compound expressions, against root's
// answers.
func TestTestsAsUser(t *testing.T) {
	t.Parallel()
	yesNo := func(expr string) string { return expr + " && echo y || echo n" }
	tests := []struct {
		expr       string
		user, root string
	}{
		{"[ -O /home/alice/mine ]", "y", "n"},
		{"[ -O /etc/passwd ]", "n", "y"},
		{"[ -G /home/alice/mine ]", "n", "y"},
		{"[ -G /srv/open/script ]", "y", "n"},
		{"test -O mine", "y", "n"}, // relative to the working directory
		{"[ -O /srv/locked/inner ]", "n", "y"},
		{"[ -O /nonexistent ]", "n", "n"},
		{"[ ! -O /etc/passwd ]", "y", "n"},
		{"[ -r /etc/passwd ]", "y", "y"},
		{"[ -w /etc/passwd ]", "n", "y"},
		{"[ -w /srv/open/shared ]", "y", "y"},
		{"[ -x /srv/open/script ]", "y", "y"},
		{"[ -x /srv/open/rootonly ]", "n", "y"},
		{"[ -x /srv/open/noexec ]", "n", "n"},
		{"[ -x /srv/locked ]", "n", "y"},
		{"[ -r /srv/locked/inner ]", "n", "y"},
		{"[ -r /home/alice/mine -a -w /etc/passwd ]", "n", "y"},
		{"[ -x /srv/open/script -a -O /srv/open/script ]", "n", "y"},
		{"[ -e /nonexistent -o -w /srv/open/rootonly ]", "n", "y"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			t.Parallel()
			cd := "cd /home/alice 2>/dev/null; "
			if got := userSession(t, userKernel(t), cd+yesNo(tt.expr)); got != tt.user+"\n" {
				t.Errorf("as alice: %s = %q; want %q", tt.expr, got, tt.user+"\n")
			}
			if got := session(t, userKernel(t), cd+yesNo(tt.expr)); got != tt.root+"\n" {
				t.Errorf("as root: %s = %q; want %q", tt.expr, got, tt.root+"\n")
			}
		})
	}
}
