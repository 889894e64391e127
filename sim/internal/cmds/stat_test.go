package cmds

import "testing"

func TestStat(t *testing.T) {
	t.Parallel()
	lsCheck(t, []lsCase{
		{in: "stat /etc/passwd", want: "  File: `/etc/passwd'\n" +
			"  Size: 105       \tBlocks: 8          IO Block: 4096   regular file\n" +
			"Device: fd00h/64768d\tInode: 12          Links: 1\n" +
			"Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)\n" +
			"Access: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Modify: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Change: 2014-10-06 09:00:00.000000000 +0000\n"},
		{in: "stat /etc/rc.d/rc3.d/S55sshd", want: "  File: `/etc/rc.d/rc3.d/S55sshd' -> `../init.d/sshd'\n" +
			"  Size: 14        \tBlocks: 0          IO Block: 4096   symbolic link\n" +
			"Device: fd00h/64768d\tInode: 22          Links: 1\n" +
			"Access: (0777/lrwxrwxrwx)  Uid: (    0/    root)   Gid: (    0/    root)\n" +
			"Access: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Modify: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Change: 2014-10-06 09:00:00.000000000 +0000\n"},
		{in: "stat -L /etc/rc.d/rc3.d/S55sshd", want: "  File: `/etc/rc.d/rc3.d/S55sshd'\n" +
			"  Size: 19        \tBlocks: 8          IO Block: 4096   regular file\n" +
			"Device: fd00h/64768d\tInode: 18          Links: 1\n" +
			"Access: (0755/-rwxr-xr-x)  Uid: (    0/    root)   Gid: (    0/    root)\n" +
			"Access: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Modify: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Change: 2014-10-06 09:00:00.000000000 +0000\n"},
		{in: "stat /root/Desktop /home/guest/notes.txt", want: "  File: `/root/Desktop'\n" +
			"  Size: 4096      \tBlocks: 8          IO Block: 4096   directory\n" +
			"Device: fd00h/64768d\tInode: 28          Links: 2\n" +
			"Access: (0755/drwxr-xr-x)  Uid: (    0/    root)   Gid: (    0/    root)\n" +
			"Access: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Modify: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Change: 2014-10-06 09:00:00.000000000 +0000\n" +
			"  File: `/home/guest/notes.txt'\n" +
			"  Size: 3         \tBlocks: 8          IO Block: 4096   regular file\n" +
			"Device: fd00h/64768d\tInode: 32          Links: 1\n" +
			"Access: (0644/-rw-r--r--)  Uid: (  500/ UNKNOWN)   Gid: (  500/ UNKNOWN)\n" +
			"Access: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Modify: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Change: 2014-10-06 09:00:00.000000000 +0000\n"},
		{in: "stat /dev/null", want: "  File: `/dev/null'\n" +
			"  Size: 0         \tBlocks: 0          IO Block: 4096   character special file\n" +
			"Device: 11h/17d\tInode: 40          Links: 1     Device type: 1,3\n" +
			"Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)\n" +
			"Access: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Modify: 2014-10-06 09:00:00.000000000 +0000\n" +
			"Change: 2014-10-06 09:00:00.000000000 +0000\n"},
		{in: "stat -c %A/%a /tmp /bin/su", want: "drwxrwxrwt/1777\n-rwsr-xr-x/4755\n"},
		{in: "stat -c '%n %s %U %G %u %g %F %h %y' /root/install.log", want: "/root/install.log 15276 root root 0 0 regular file 1 2013-01-02 03:04:05.000000000 +0000\n"},
		{in: "stat -c %N rcd", want: "`rcd' -> `/etc/rc.d'\n"},
		{in: "stat -c '%i %Y %%' /etc/passwd", want: "12 1412586000 %\n"},
		{in: "stat -c '[%-6s][%6s]' /etc/passwd", want: "[105   ][   105]\n"},
		{in: "stat -c %F /tmp/x /etc/group", want: "regular file\n", wantErr: "stat: cannot stat `/tmp/x': No such file or directory\n", status: 1},
		{in: `stat --printf '%n\t%s\n' /etc/passwd`, want: "/etc/passwd\t105\n"},
		{in: "stat -t /etc/passwd", want: "/etc/passwd 105 8 81a4 0 0 fd00 12 1 0 0 1412586000 1412586000 1412586000 4096\n"},
		{in: "stat -c %D:%d /boot/grub", want: "801:2049\n"},
		{in: "stat -f -c '%T %s %l' /boot", want: "ext2/ext3 1024 255\n"},
		{in: "stat -c %5% /etc/passwd", wantErr: "stat: %5%: invalid directive\n", status: 1},
		{in: "stat /nope", wantErr: "stat: cannot stat `/nope': No such file or directory\n", status: 1},
		{in: "stat", wantErr: "stat: missing operand\nTry `stat --help' for more information.\n", status: 1},
		{in: "stat -q /", wantErr: "stat: invalid option -- q\nTry `stat --help' for more information.\n", status: 1},
	})
}
