package cmds

import (
	"io"
	"strings"
	"testing"
)

func TestDf(t *testing.T) {
	t.Parallel()
	const (
		header = "Filesystem           1K-blocks      Used Available Use% Mounted on\n"
		root   = "/dev/mapper/VolGroup00-LogVol00\n                       8062392   1215508   6443768  16% /\n"
		boot   = "/dev/sda1               101086     12713     83154  14% /boot\n"
		shm    = "tmpfs                   255980         0    255980   0% /dev/shm\n"
	)
	lsCheck(t, []lsCase{
		{in: "df", want: header + root + boot + shm},
		{in: "df -k", want: header + root + boot + shm},
		{in: "df -h", want: "Filesystem            Size  Used Avail Use% Mounted on\n" +
			"/dev/mapper/VolGroup00-LogVol00\n                      7.7G  1.2G  6.2G  16% /\n" +
			"/dev/sda1              99M   13M   82M  14% /boot\n" +
			"tmpfs                 250M     0  250M   0% /dev/shm\n"},
		{in: "df -H /", want: "Filesystem             Size   Used  Avail Use% Mounted on\n" +
			"/dev/mapper/VolGroup00-LogVol00\n                       8.3G   1.3G   6.6G  16% /\n"},
		{in: "df -T /boot/grub /dev/shm", want: "Filesystem    Type   1K-blocks      Used Available Use% Mounted on\n" +
			"/dev/sda1     ext3      101086     12713     83154  14% /boot\n" +
			"tmpfs        tmpfs      255980         0    255980   0% /dev/shm\n"},
		{in: "df /etc/passwd .", want: header + root + root},
		{in: "df -P /", want: "Filesystem         1024-blocks      Used Available Capacity Mounted on\n" +
			"/dev/mapper/VolGroup00-LogVol00   8062392   1215508   6443768      16% /\n"},
		{in: "df -i /boot", want: "Filesystem            Inodes   IUsed   IFree IUse% Mounted on\n" +
			"/dev/sda1              26104      34   26070    1% /boot\n"},
		{in: "df -a -t proc -t sysfs", want: header +
			"proc                         0         0         0    - /proc\n" +
			"sysfs                        0         0         0    - /sys\n"},
		{in: "df -x ext3", want: header + shm},
		{in: "df /nope", wantErr: "df: `/nope': No such file or directory\n", status: 1},
		{in: "df /nope /boot", want: header + boot, wantErr: "df: `/nope': No such file or directory\n", status: 1},
		{in: "df -q", wantErr: "df: invalid option -- q\nTry `df --help' for more information.\n", status: 1},
	})
}

// TestDfGrows: the root and /dev/shm fill up as files are written.
func TestDfGrows(t *testing.T) {
	t.Parallel()
	k := lsMachine(t)
	for _, name := range []string{"/root/big", "/dev/shm/seg"} {
		f, err := k.FS.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, strings.Repeat("x", 8<<20))
		f.Close()
	}
	out, _, _ := runCmd(t, k, "df -h / /dev/shm", "")
	want := "Filesystem            Size  Used Avail Use% Mounted on\n" +
		"/dev/mapper/VolGroup00-LogVol00\n                      7.7G  1.2G  6.2G  16% /\n" +
		"tmpfs                 250M  8.0M  242M   4% /dev/shm\n"
	if out != want {
		t.Errorf("df -h / /dev/shm = %q; want %q", out, want)
	}
}

func TestDu(t *testing.T) {
	t.Parallel()
	lsCheck(t, []lsCase{
		{in: "du /etc", want: "16\t/etc/rc.d/init.d\n4\t/etc/rc.d/rc3.d\n24\t/etc/rc.d\n36\t/etc\n"},
		{in: "du -s /etc /root", want: "36\t/etc\n32\t/root\n"},
		{in: "du -sh /etc /root/install.log", want: "36K\t/etc\n16K\t/root/install.log\n"},
		{in: "du -s", want: "32\t.\n"},
		{in: "du -a", want: "4\t./.bashrc\n4\t./Desktop\n4\t./anaconda-ks.cfg\n16\t./install.log\n0\t./rcd\n32\t.\n"},
		{in: "du -c /etc/rc.d/init.d /root/Desktop", want: "16\t/etc/rc.d/init.d\n4\t/root/Desktop\n20\ttotal\n"},
		{in: "du --max-depth=1 /etc", want: "24\t/etc/rc.d\n36\t/etc\n"},
		{in: "du -S /etc/rc.d", want: "16\t/etc/rc.d/init.d\n4\t/etc/rc.d/rc3.d\n4\t/etc/rc.d\n"},
		{in: "du -b /root/anaconda-ks.cfg", want: "1205\t/root/anaconda-ks.cfg\n"},
		{in: "du rcd", want: "0\trcd\n"},
		{in: "du -s rcd/", want: "24\trcd/\n"},
		{in: "du /nope /root/Desktop", want: "4\t/root/Desktop\n", wantErr: "du: cannot access `/nope': No such file or directory\n", status: 1},
		{in: "du -sa", wantErr: "du: cannot both summarize and show all entries\nTry `du --help' for more information.\n", status: 1},
		{in: "du --max-depth=x", wantErr: "du: invalid maximum depth `x'\n", status: 1},
	})
}
