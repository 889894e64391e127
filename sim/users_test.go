package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// userStep is a line typed on a console and what it must show there.
type userStep struct {
	tty    int
	line   string
	out    string
	status int
}

// TestUserSessions checks that the programs of a logged-in user's shell
// run as that user: who they say they are, who owns what they create,
// and what the kernel and the root-only programs refuse them.
func TestUserSessions(t *testing.T) {
	t.Parallel()
	denied := func(s string) string { return s + ": Permission denied\n" }
	tests := []struct {
		name  string
		steps []userStep
	}{
		{"identity", []userStep{
			{2, "id", "uid=501(alice) gid=501(alice) groups=501(alice)\n", 0},
			{2, "whoami; id -un; id -u; id -gn", "alice\nalice\n501\nalice\n", 0},
			{2, "who am i", "alice    tty2         2014-10-06 09:00\n", 0},
			{2, "ps -o user,cmd", "USER     CMD\nalice    -bash\nalice    ps -o user,cmd\n", 0},
			{2, "sh -c 'ps -o user= -p $$'", "alice\n", 0},
			{1, "id", "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)\n", 0},
		}},
		{"wall names the sender", []userStep{
			{2, "wall hello", "\a\r\nBroadcast message from alice (tty2) (Mon Oct  6 09:00:38 2014):\r\n\r\nhello\r\n", 0},
		}},
		{"new files are the user's", []userStep{
			// /etc/bashrc gives alice a umask of 002, which redirections
			// heed as touch does; root keeps 022.
			{2, "echo y > f; touch g; echo z >> /tmp/h; stat -c '%n %U:%G %a' f g /tmp/h", "f alice:alice 664\ng alice:alice 664\n/tmp/h alice:alice 664\n", 0},
			{2, "umask; mkdir d; stat -c %a d", "0002\n775\n", 0},
			{1, "umask; echo y > /tmp/r; stat -c %a /tmp/r", "0022\n644\n", 0},
			{2, "touch f; stat -c %U f", "alice\n", 0},
			{1, "touch /tmp/r; stat -c %U:%G /tmp/r", "root:root\n", 0},
		}},
		{"reading denied", []userStep{
			{2, "cat /etc/shadow", "cat: " + denied("/etc/shadow"), 1},
			{2, "cat < /etc/shadow", "-bash: " + denied("/etc/shadow"), 1},
			{2, "head -1 /etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", 0},
			{2, "cat /root/install.log", "cat: " + denied("/root/install.log"), 1},
			{2, "test -r /etc/shadow || echo no; test -r /etc/passwd && echo yes", "no\nyes\n", 0},
			{1, "head -c 5 /etc/shadow; echo", "root:\n", 0},
		}},
		{"writing denied", []userStep{
			{2, "echo x > /etc/x", "-bash: " + denied("/etc/x"), 1},
			{2, "echo x >> /etc/passwd", "-bash: " + denied("/etc/passwd"), 1},
			{2, "touch /etc/x", "touch: cannot touch `/etc/x': Permission denied\n", 1},
			{2, "touch /etc/passwd", "touch: cannot touch `/etc/passwd': Permission denied\n", 1},
			{2, "rm /etc/passwd", "rm: cannot remove `/etc/passwd': Permission denied\n", 1},
			{2, "rm -f /etc/fstab", "rm: cannot remove `/etc/fstab': Permission denied\n", 1},
			{2, "test -w /etc/passwd || echo no", "no\n", 0},
			{2, "touch mine; rm mine; ls", "", 0},
			{2, "mkdir /x", "mkdir: cannot create directory `/x': Permission denied\n", 1},
			{2, "mkdir /etc", "mkdir: cannot create directory `/etc': File exists\n", 1},
			{2, "mkdir -p d/e; stat -c %U d d/e; rmdir d/e d", "alice\nalice\n", 0},
			{2, "rmdir /home", "rmdir: `/home': Permission denied\n", 1},
			{1, "head -1 /etc/passwd; ls /etc/x", "root:x:0:0:root:/root:/bin/bash\nls: /etc/x: No such file or directory\n", 2},
		}},
		{"coreutils refuse what the modes forbid", []userStep{
			{2, "ls /root", "ls: " + denied("/root"), 2},
			{2, "ls -l /root/install.log", "ls: " + denied("/root/install.log"), 2},
			{2, "cp /etc/hosts /etc/x", "cp: cannot create regular file `/etc/x': Permission denied\n", 1},
			{2, "touch a; mv a /etc/a", "mv: cannot move `a' to `/etc/a': Permission denied\n", 1},
			{2, "ln -s x /etc/l", "ln: creating symbolic link `/etc/l' to `x': Permission denied\n", 1},
			{2, "chmod 600 /etc/passwd", "chmod: changing permissions of `/etc/passwd': Operation not permitted\n", 1},
			{2, "touch f; chown bob f", "chown: changing ownership of `f': Operation not permitted\n", 1},
			{2, "chgrp bob f", "chgrp: changing group of `f': Operation not permitted\n", 1},
			{2, "chgrp alice f; chmod 600 f; stat -c '%G %a' f", "alice 600\n", 0},
			{2, "echo x | tee /etc/x", "tee: " + denied("/etc/x") + "x\n", 1},
			{2, "grep root /etc/shadow", "grep: " + denied("/etc/shadow"), 2},
			{2, "mkdir /etc/d", "mkdir: cannot create directory `/etc/d': Permission denied\n", 1},
			{2, "rmdir /tmp/../etc", "rmdir: `/tmp/../etc': Permission denied\n", 1},
			{1, "ls /etc/x /etc/a /etc/l /etc/d", "ls: /etc/x: No such file or directory\nls: /etc/a: No such file or directory\n" +
				"ls: /etc/l: No such file or directory\nls: /etc/d: No such file or directory\n", 2},
		}},
		{"the sticky bit of /tmp", []userStep{
			{2, "ls -ld /tmp | cut -c1-10", "drwxrwxrwt\n", 0},
			{1, "touch /tmp/x; chmod 666 /tmp/x", "", 0},
			{2, "rm /tmp/x", "rm: cannot remove `/tmp/x': Operation not permitted\n", 1},
			{2, "rm -f /tmp/x", "rm: cannot remove `/tmp/x': Operation not permitted\n", 1},
			{2, "mv /tmp/x /tmp/y", "mv: cannot move `/tmp/x' to `/tmp/y': Operation not permitted\n", 1},
			{2, "echo mine > /tmp/x; cat /tmp/x", "mine\n", 0},
			{2, "touch /tmp/m; mv /tmp/m /tmp/n; rm /tmp/n; ls /tmp/n", "ls: /tmp/n: No such file or directory\n", 2},
			{1, "rm -f /tmp/x; ls /tmp/x", "ls: /tmp/x: No such file or directory\n", 2},
		}},
		{"chkconfig and ntsysv need root", []userStep{
			{2, "/sbin/chkconfig sshd off", "You do not have enough privileges to perform this operation.\n", 1},
			{2, "/sbin/chkconfig --level 3 sshd off", "You do not have enough privileges to perform this operation.\n", 1},
			{2, "/sbin/chkconfig --add sshd", "You do not have enough privileges to perform this operation.\n", 1},
			{2, "/sbin/chkconfig --del sshd", "You do not have enough privileges to perform this operation.\n", 1},
			{2, "/sbin/chkconfig sshd reset", "You do not have enough privileges to perform this operation.\n", 1},
			{2, "/sbin/chkconfig --list sshd", "sshd           \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n", 0},
			{2, "/sbin/chkconfig sshd && echo on", "on\n", 0},
			{2, "/usr/sbin/ntsysv", "You must be root to run /usr/sbin/ntsysv.\n", 1},
			{1, "chkconfig sshd off; chkconfig sshd || echo off", "off\n", 0},
		}},
		{"root-only programs", []userStep{
			{2, "/sbin/init 3", "init: must be superuser.\n", 1},
			{2, "/sbin/telinit q", "telinit: must be superuser.\n", 1},
			{2, "/sbin/halt", "halt: must be superuser.\n", 1},
			{2, "/sbin/shutdown -h now 2>&1 | head -2", "shutdown: you must be root to do that!\nUsage:\t  shutdown [-akrhfnc] [-t secs] time [warning message]\n", 0},
			{1, "runlevel", "N 5\n", 0},
		}},
		{"a daemon cannot bind a privileged port", []userStep{
			{2, "/usr/sbin/httpd", "httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1 for ServerName\n" +
				"(13)Permission denied: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nUnable to open logs\n", 1},
			{1, "pidof httpd", "", 1},
		}},
		{"execute needs the user's x bit", []userStep{
			{1, "printf 'echo ran\\n' > /tmp/s; chmod 744 /tmp/s", "", 0},
			{2, "/tmp/s", "-bash: " + denied("/tmp/s"), 126},
			{1, "chmod 755 /tmp/s", "", 0},
			{2, "/tmp/s", "ran\n", 0},
		}},
	}
	runUserSessions(t, tests)
}

// runUserSessions runs each named session on a fresh machine with alice
// logged in on tty2; a step's output on tty1 is compared without the
// echo of its line.
func runUserSessions(t *testing.T, tests []struct {
	name  string
	steps []userStep
}) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := sim.New(sim.WithTerminal(false))
			if err != nil {
				t.Fatal(err)
			}
			login(t, m, 2, "alice")
			m.TakeOutput(2)
			for _, s := range tc.steps {
				r := apply(t, m, sim.Action{Kind: sim.Type, TTY: s.tty, Line: s.line})
				got := r.Output
				if s.tty == 1 {
					got = strings.TrimPrefix(got, s.line+"\n") // the console echoes
				}
				if got != s.out || r.Status != s.status {
					t.Errorf("tty%d %q = %q, status %d; want %q, status %d", s.tty, s.line, got, r.Status, s.out, s.status)
				}
			}
		})
	}
}
