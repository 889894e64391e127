package cmds

import (
	"testing"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// lsofKernel is a machine with portmap (2, user rpc), sshd (3), httpd (4)
// and one worker (5, user apache), sendmail on the loopback address (6)
// and root's shell on tty1 (7).
func lsofKernel(t testing.TB) *kernel.Kernel {
	t.Helper()
	k := rpmKernel(t)
	spawn := func(pr proc.Process, socks ...string) int {
		t.Helper()
		pid, err := k.Procs.Spawn(pr)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(socks); i += 2 {
			port := map[string]int{"111": 111, "22": 22, "80": 80, "25": 25}[socks[i+1]]
			if err := k.Listen(socks[i], port, pid, pr.Comm); err != nil {
				t.Fatal(err)
			}
		}
		return pid
	}
	spawn(proc.Process{PPID: 1, UID: 32, GID: 32, Comm: "portmap", Args: []string{"portmap"}, Exe: "/sbin/portmap"}, "tcp", "111", "udp", "111")
	spawn(proc.Process{PPID: 1, Comm: "sshd", Args: []string{"/usr/sbin/sshd"}, Exe: "/usr/sbin/sshd"}, "tcp", "22")
	h := spawn(proc.Process{PPID: 1, Comm: "httpd", Args: []string{"/usr/sbin/httpd"}, Exe: "/usr/sbin/httpd"}, "tcp", "80")
	spawn(proc.Process{PPID: h, UID: 48, GID: 48, Comm: "httpd", Args: []string{"/usr/sbin/httpd"}, Exe: "/usr/sbin/httpd"})
	spawn(proc.Process{PPID: 1, Comm: "sendmail", Args: []string{"sendmail: accepting connections"}, Exe: "/usr/sbin/sendmail"}, "tcp", "25")
	spawn(proc.Process{PPID: 1, TTY: "tty1", Comm: "bash", Args: []string{"-bash"}, Exe: "/bin/bash"})
	return k
}

func TestLsof(t *testing.T) {
	t.Parallel()
	const (
		httpdHead = "COMMAND PID   USER   FD   TYPE DEVICE SIZE NODE NAME\n"
		httpd     = "httpd     4   root    3u  IPv4   5563       TCP *:http (LISTEN)\n" +
			"httpd     5 apache    3u  IPv4   5563       TCP *:http (LISTEN)\n"
		sshdPID = "COMMAND PID USER   FD   TYPE DEVICE    SIZE    NODE NAME\n" +
			"sshd      3 root  cwd    DIR  253,0    4096       2 /\n" +
			"sshd      3 root  rtd    DIR  253,0    4096       2 /\n" +
			"sshd      3 root  txt    REG  253,0      27     787 /usr/sbin/sshd\n" +
			"sshd      3 root  mem    REG  253,0  125736 1605640 /lib/ld-2.5.so\n" +
			"sshd      3 root  mem    REG  253,0 1611564 1605641 /lib/libc-2.5.so\n" +
			"sshd      3 root    0u   CHR    1,3              32 /dev/null\n" +
			"sshd      3 root    1u   CHR    1,3              32 /dev/null\n" +
			"sshd      3 root    2u   CHR    1,3              32 /dev/null\n" +
			"sshd      3 root    3u  IPv4   5157             TCP *:ssh (LISTEN)\n"
		denied = "COMMAND PID USER   FD      TYPE DEVICE SIZE NODE NAME\n" +
			"sshd      3 root  cwd   unknown                  /proc/3/cwd (readlink: Permission denied)\n" +
			"sshd      3 root  rtd   unknown                  /proc/3/root (readlink: Permission denied)\n" +
			"sshd      3 root  txt   unknown                  /proc/3/exe (readlink: Permission denied)\n" +
			"sshd      3 root NOFD                            /proc/3/fd (opendir: Permission denied)\n"
	)
	tests := []struct {
		in      string
		uid     int
		want    string
		wantErr string
		status  int
	}{
		{in: "lsof -i", want: "COMMAND  PID   USER   FD   TYPE DEVICE SIZE NODE NAME\n" +
			"portmap    2    rpc    3u  IPv4   5780       TCP *:sunrpc (LISTEN)\n" +
			"portmap    2    rpc    4u  IPv4   5780       UDP *:sunrpc\n" +
			"sshd       3   root    3u  IPv4   5157       TCP *:ssh (LISTEN)\n" +
			"httpd      4   root    3u  IPv4   5563       TCP *:http (LISTEN)\n" +
			"httpd      5 apache    3u  IPv4   5563       TCP *:http (LISTEN)\n" +
			"sendmail   6   root    3u  IPv4   5178       TCP localhost.localdomain:smtp (LISTEN)\n"},
		{in: "lsof -i :80", want: httpdHead + httpd},
		{in: "lsof -i TCP:http", want: httpdHead + httpd},
		{in: "lsof -i tcp:22", want: "COMMAND PID USER   FD   TYPE DEVICE SIZE NODE NAME\nsshd      3 root    3u  IPv4   5157       TCP *:ssh (LISTEN)\n"},
		{in: "lsof -i UDP", want: "COMMAND PID USER   FD   TYPE DEVICE SIZE NODE NAME\nportmap   2  rpc    4u  IPv4   5780       UDP *:sunrpc\n"},
		{in: "lsof -n -P -i :25", want: "COMMAND  PID USER   FD   TYPE DEVICE SIZE NODE NAME\nsendmail   6 root    3u  IPv4   5178       TCP 127.0.0.1:25 (LISTEN)\n"},
		{in: "lsof -i @localhost:25,80 -t", want: "4\n5\n6\n"},
		{in: "lsof -i 6", status: 1},
		{in: "lsof -i :9999", status: 1},
		{in: "lsof -p 3", want: sshdPID},
		{in: "lsof -c ssh", want: sshdPID},
		{in: "lsof -a -c http -i", want: httpdHead + httpd},
		{in: "lsof -p 3,99", want: sshdPID, status: 1},
		{in: "lsof -u apache -i :80 -a -l", want: "COMMAND PID USER   FD   TYPE DEVICE SIZE NODE NAME\nhttpd     5   48    3u  IPv4   5563       TCP *:http (LISTEN)\n"},
		{in: "lsof /usr/sbin/sshd", want: "COMMAND PID USER   FD   TYPE DEVICE SIZE NODE NAME\nsshd      3 root  txt    REG  253,0   27  787 /usr/sbin/sshd\n"},
		{in: "lsof -c bash -a -p 7 -t", want: "7\n"},
		// A user sees the files of their own processes only.
		{in: "lsof -i", uid: 501, status: 1},
		{in: "lsof -p 3", uid: 501, want: denied},
		{in: "lsof -i :nosuch", wantErr: "lsof: unknown service nosuch in: -i :nosuch\n" + lsofShortUsage, status: 1},
		{in: "lsof -i SCTP", wantErr: "lsof: unknown protocol name (SCTP) in: -i SCTP\n" + lsofShortUsage, status: 1},
		{in: "lsof -p x1", wantErr: "lsof: illegal process ID: x1\n" + lsofShortUsage, status: 1},
		{in: "lsof -u nobody2", wantErr: "lsof: can't get UID for nobody2\n" + lsofShortUsage, status: 1},
		{in: "lsof -z", wantErr: "lsof: illegal option character: z\n" + lsofShortUsage, status: 1},
		{in: "lsof /nope", wantErr: "lsof: status error on /nope: No such file or directory\n" + lsofShortUsage, status: 1},
	}
	for _, tt := range tests {
		k := lsofKernel(t)
		out, errs, st := rpmRunAs(t, k, tt.uid, "/root", tt.in)
		if out != tt.want || errs != tt.wantErr || st != tt.status {
			t.Errorf("%s = %q, %q, %d; want %q, %q, %d", tt.in, out, errs, st, tt.want, tt.wantErr, tt.status)
		}
	}
}
