package cmds

import "testing"

func TestWhereis(t *testing.T) {
	t.Parallel()
	rpmCheck(t, []rpmCase{
		{in: "whereis init", want: "init: /sbin/init /etc/init.d /usr/share/man/man8/init.8.gz\n"},
		{in: "whereis httpd sshd", want: "httpd: /usr/sbin/httpd /etc/httpd /usr/lib/httpd /usr/share/man/man8/httpd.8.gz\n" +
			"sshd: /usr/sbin/sshd /usr/share/man/man8/sshd.8.gz\n"},
		{in: "whereis -b httpd", want: "httpd: /usr/sbin/httpd /etc/httpd /usr/lib/httpd\n"},
		{in: "whereis -m ls -b ls", want: "ls: /usr/share/man/man1/ls.1.gz\nls: /bin/ls /usr/share/man/man1/ls.1.gz\n"},
		{in: "whereis nosuchthing", want: "nosuchthing:\n"},
		{in: "whereis vmstat rpm groups", want: "vmstat: /usr/bin/vmstat /usr/share/man/man8/vmstat.8.gz\n" +
			"rpm: /bin/rpm /usr/share/man/man8/rpm.8.gz\ngroups: /usr/bin/groups /usr/share/man/man1/groups.1.gz\n"},
		// The name loses its directories and its last suffix.
		{in: "whereis /sbin/lvm.static", want: "lvm: /sbin/lvm.static /usr/sbin/lvm /usr/share/man/man8/lvm.8.gz\n"},
		{in: "whereis -B /etc /etc/xinetd.d -f telnet inittab", want: "telnet: /etc/xinetd.d/telnet /usr/share/man/man1/telnet.1.gz\n" +
			"inittab: /etc/inittab /usr/share/man/man5/inittab.5.gz\n"},
		{in: "whereis -u -b -m ls", want: ""},
		{in: "whereis -u -b -m init", want: "init: /sbin/init /etc/init.d /usr/share/man/man8/init.8.gz\n"},
		{in: "whereis", wantErr: whereisUsage, status: 1},
		{in: "whereis -x ls", wantErr: whereisUsage, status: 1},
		// Pages that are files on the machine count too.
		{in: "whereis rclab", setup: map[string]string{"/usr/share/man/man7/rclab.7": "x", "/usr/local/bin/rclab": "x"},
			want: "rclab: /usr/local/bin/rclab /usr/libexec/rclab /usr/share/man/man7/rclab.7\n"},
	})
}
