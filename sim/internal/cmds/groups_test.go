package cmds

import "testing"

func TestGroups(t *testing.T) {
	t.Parallel()
	rpmCheck(t, []rpmCase{
		{in: "groups", want: "root bin daemon sys adm disk wheel\n"},
		{in: "groups", uid: 501, want: "alice\n"},
		{in: "groups root alice", want: "root : root bin daemon sys adm disk wheel\nalice : alice\n"},
		{in: "groups nosuch root", want: "root : root bin daemon sys adm disk wheel\n", wantErr: "id: nosuch: No such user\n", status: 1},
		{in: "groups daemon", setup: map[string]string{"/etc/group": "daemon:x:2:\nlp:x:7:daemon,lp\nmail:x:12:x,daemon\n"}, want: "daemon : daemon lp mail\n"},
		{in: "groups --version", want: "groups (GNU coreutils) 5.97\n"},
		{in: "groups --help", want: "Usage: /usr/bin/groups [OPTION]... [USERNAME]...\n\n  --help      display this help and exit\n" +
			"  --version   output version information and exit\n\nSame as id -Gn.  If no USERNAME, use current process.\n\n" +
			"Report bugs to <bug-coreutils@gnu.org>.\n"},
		{in: "groups -x", wantErr: "id: -x: No such user\n", status: 1},
	})
}
