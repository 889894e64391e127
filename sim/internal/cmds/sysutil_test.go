package cmds

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/vfs"
)

// syCase is one line of a table test: a command line, its standard input,
// and what it must print and return.
type syCase struct {
	in, stdin, want, wantErr string
	status                   int
}

// syFiles is the part of the CentOS 5 image these programs read.
var syFiles = map[string]string{
	"/etc/passwd": "root:x:0:0:root:/root:/bin/echo\nbin:x:1:1:bin:/bin:/sbin/nologin\n" +
		"mysql:x:27:27:MySQL Server:/var/lib/mysql:/sbin/nologin\nstudent:x:500:500::/home/student:/bin/pwd\n",
	"/etc/mtab": "/dev/mapper/VolGroup00-LogVol00 / ext3 rw 0 0\nproc /proc proc rw 0 0\nsysfs /sys sysfs rw 0 0\n" +
		"devpts /dev/pts devpts rw,gid=5,mode=620 0 0\n/dev/sda1 /boot ext3 rw 0 0\ntmpfs /dev/shm tmpfs rw 0 0\n" +
		"none /proc/sys/fs/binfmt_misc binfmt_misc rw 0 0\nsunrpc /var/lib/nfs/rpc_pipefs rpc_pipefs rw 0 0\n",
	"/etc/fstab": "/dev/VolGroup00/LogVol00 /                       ext3    defaults        1 1\n" +
		"LABEL=/boot             /boot                   ext3    defaults        1 2\n" +
		"tmpfs                   /dev/shm                tmpfs   defaults        0 0\n" +
		"/dev/VolGroup00/LogVol01 swap                    swap    defaults        0 0\n",
	"/etc/hosts":    "127.0.0.1\t\tlocalhost.localdomain localhost\n192.168.56.10\t\tlab1\n::1\t\tlocalhost6.localdomain6 localhost6\n",
	"/etc/services": "ssh\t\t22/tcp\nssh\t\t22/udp\nsmtp\t\t25/tcp\t\tmail\nsunrpc\t\t111/tcp\tportmapper\nsunrpc\t\t111/udp\tportmapper\nipp\t\t631/tcp\nipp\t\t631/udp\n",
	"/etc/sysctl.conf": "# Kernel sysctl configuration\nnet.ipv4.ip_forward = 0\n\n# Controls source route verification\n" +
		"net.ipv4.conf.default.rp_filter = 1\nkernel.sysrq = 0\n",
	"/etc/named.conf": "options {\n\tdirectory \"/var/named\";\n\tlisten-on port 53 { 127.0.0.1; };\n};\n\n" +
		"zone \"localhost\" IN {\n\ttype master;\n\tfile \"localhost.zone\";\n};\n",
	"/var/named/localhost.zone": "$TTL 86400\n",
	"/etc/sysconfig/iptables": "# saved rules\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
		":RH-Firewall-1-INPUT - [0:0]\n-A INPUT -j RH-Firewall-1-INPUT\n-A FORWARD -j RH-Firewall-1-INPUT\n" +
		"-A RH-Firewall-1-INPUT -i lo -j ACCEPT\n-A RH-Firewall-1-INPUT -p icmp --icmp-type any -j ACCEPT\n" +
		"-A RH-Firewall-1-INPUT -p 50 -j ACCEPT\n-A RH-Firewall-1-INPUT -p 51 -j ACCEPT\n" +
		"-A RH-Firewall-1-INPUT -p udp --dport 5353 -d 224.0.0.251 -j ACCEPT\n" +
		"-A RH-Firewall-1-INPUT -p udp -m udp --dport 631 -j ACCEPT\n-A RH-Firewall-1-INPUT -p tcp -m tcp --dport 631 -j ACCEPT\n" +
		"-A RH-Firewall-1-INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n" +
		"-A RH-Firewall-1-INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT\n" +
		"-A RH-Firewall-1-INPUT -j REJECT --reject-with icmp-host-prohibited\nCOMMIT\n",
	"/etc/sysconfig/network-scripts/ifcfg-lo": "DEVICE=lo\nIPADDR=127.0.0.1\nNETMASK=255.0.0.0\nNETWORK=127.0.0.0\n" +
		"BROADCAST=127.255.255.255\nONBOOT=yes\nNAME=loopback\n",
	"/etc/sysconfig/network-scripts/ifcfg-eth0": "# Intel Corporation 82540EM Gigabit Ethernet Controller\nDEVICE=eth0\nBOOTPROTO=static\n" +
		"BROADCAST=192.168.56.255\nHWADDR=08:00:27:3A:5C:10\nIPADDR=192.168.56.10\nNETMASK=255.255.255.0\nNETWORK=192.168.56.0\nONBOOT=yes\n",
	"/etc/sysconfig/network": "NETWORKING=yes\nNETWORKING_IPV6=no\nHOSTNAME=lab1\nGATEWAY=192.168.56.1\n",
	"/dev/cdrom":             "",
	"/dev/sda1":              "",
	"/proc/":                 "",
	"/mnt/":                  "",
	"/tmp/":                  "",
	"/var/lock/subsys/":      "",
	"/var/log/":              "",
	"/var/lib/mysql/":        "",
	"/var/spool/mail/":       "",
	"/home/student/":         "",
	"/root/":                 "",
}

// syKernel is a kernel over syFiles plus extra files.
func syKernel(t *testing.T, extra map[string]string) *kernel.Kernel {
	t.Helper()
	files := make(map[string]string, len(syFiles)+len(extra))
	for k, v := range syFiles {
		files[k] = v
	}
	for k, v := range extra {
		files[k] = v
	}
	return testKernel(t, files)
}

// syRunWith runs line like runCmd, letting mod set the process's PID,
// terminal and stdout-is-a-tty flag first.
func syRunWith(t *testing.T, k *kernel.Kernel, argv []string, stdin string, mod func(*Proc)) (string, string, int) {
	t.Helper()
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	var out, errb bytes.Buffer
	p := &Proc{
		Ctx: context.Background(), Args: argv, Dir: "/root",
		Environ: []string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "HOME=/root", "USER=root", "LANG=en_US.UTF-8", "TERM=linux"},
		Stdin:   strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Sys: k, Umask: fs.FileMode(0o022),
	}
	p.Run = syChildRunner(k, p)
	if mod != nil {
		mod(p)
	}
	st := c.Main(p)
	return out.String(), errb.String(), st
}

// syChildRunner is Proc.Run for p: unlike the harness's, the child gets
// p's environment and directory as they are when it starts.
func syChildRunner(k *kernel.Kernel, p *Proc) func([]string, io.Reader, io.Writer, io.Writer) int {
	return func(a []string, in io.Reader, o, e io.Writer) int {
		if in == nil {
			in = p.Stdin
		}
		if o == nil {
			o = p.Stdout
		}
		if e == nil {
			e = p.Stderr
		}
		c, ok := Lookup(a[0][strings.LastIndex(a[0], "/")+1:])
		if !ok {
			io.WriteString(e, a[0]+": command not found\n")
			return 127
		}
		child := &Proc{Ctx: p.Ctx, Args: a, Dir: p.Dir, Environ: p.Environ, Stdin: in, Stdout: o, Stderr: e,
			Sys: k, Umask: p.Umask}
		child.Run = syChildRunner(k, child)
		return c.Main(child)
	}
}

// syTable runs each case on a fresh kernel made by mk.
func syTable(t *testing.T, mk func(t *testing.T) *kernel.Kernel, tests []syCase) {
	t.Helper()
	for _, tt := range tests {
		k := mk(t)
		out, errs, st := runCmd(t, k, tt.in, tt.stdin)
		if out != tt.want || errs != tt.wantErr || st != tt.status {
			t.Errorf("%s = %q, %q, %d; want %q, %q, %d", tt.in, out, errs, st, tt.want, tt.wantErr, tt.status)
		}
	}
}

func syPlain(t *testing.T) *kernel.Kernel { return syKernel(t, nil) }

// syReadFile reads a file of k for a test.
func syReadFile(t *testing.T, k *kernel.Kernel, name string) string {
	t.Helper()
	f, err := k.FS.Open(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	data, _ := io.ReadAll(f)
	return string(data)
}

const syMountTable = "/dev/mapper/VolGroup00-LogVol00 on / type ext3 (rw)\nproc on /proc type proc (rw)\n" +
	"sysfs on /sys type sysfs (rw)\ndevpts on /dev/pts type devpts (rw,gid=5,mode=620)\n" +
	"/dev/sda1 on /boot type ext3 (rw)\ntmpfs on /dev/shm type tmpfs (rw)\n" +
	"none on /proc/sys/fs/binfmt_misc type binfmt_misc (rw)\n"

func TestSyMount(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "mount", want: syMountTable + "sunrpc on /var/lib/nfs/rpc_pipefs type rpc_pipefs (rw)\n"},
		{in: "mount -t ext3", want: "/dev/mapper/VolGroup00-LogVol00 on / type ext3 (rw)\n/dev/sda1 on /boot type ext3 (rw)\n"},
		{in: "mount -l -t ext3", want: "/dev/mapper/VolGroup00-LogVol00 on / type ext3 (rw)\n/dev/sda1 on /boot type ext3 (rw) [/boot]\n"},
		{in: "mount -t noext3,proc,sysfs,devpts,binfmt_misc,rpc_pipefs", want: "tmpfs on /dev/shm type tmpfs (rw)\n"},
		// rc.sysinit
		{in: "mount -n -t proc /proc /proc"},
		{in: "mount -n -o remount,rw /"},
		{in: "mount -a -t nonfs,nfs4,smbfs,ncpfs,cifs,gfs,gfs2 -O no_netdev"},
		{in: "mount -o remount,ro /nope", wantErr: "mount: /nope not mounted already, or bad option\n", status: 32},
		{in: "mount /boot", wantErr: "mount: /dev/sda1 already mounted or /boot busy\n" +
			"mount: according to mtab, /dev/sda1 is already mounted on /boot\n", status: 32},
		{in: "mount /data", wantErr: "mount: can't find /data in /etc/fstab or /etc/mtab\n", status: 1},
		{in: "mount /dev/sdb1 /mnt", wantErr: "mount: special device /dev/sdb1 does not exist\n", status: 32},
		{in: "mount /dev/cdrom /media", wantErr: "mount: mount point /media does not exist\n", status: 32},
		{in: "mount /dev/cdrom /mnt", wantErr: "mount: No medium found\n", status: 32},
		{in: "mount --bind /tmp /mnt"},
		{in: "mount -V", want: "mount (util-linux 2.13-pre7)\n"},
		{in: "mount -z", wantErr: "mount: invalid option -- z\n" + syMountUsage, status: 1},
		{in: "umount -f /boot"},
		{in: "umount -a"},
		{in: "umount /", wantErr: "umount: /: device is busy\numount: /: device is busy\n", status: 1},
		{in: "umount /tmp", wantErr: "umount: /tmp: not mounted\n", status: 1},
		{in: "umount /nowhere", wantErr: "umount: /nowhere: not found\n", status: 1},
		{in: "umount", wantErr: syUmountUsage, status: 2},
	})
	// Without /etc/mtab, the kernel's own table.
	k := testKernel(t, nil)
	if out, _, st := runCmd(t, k, "mount", ""); out != syMountTable || st != 0 {
		t.Errorf("mount (no mtab) = %q, %d; want %q, 0", out, st, syMountTable)
	}
}

func TestSySwapFsck(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "swapon -s", want: "Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n" +
			"/dev/mapper/VolGroup00-LogVol01         partition\t1048568\t0\t-1\n"},
		{in: "swapon -a -e"},
		{in: "swapoff -a"},
		{in: "swapoff /dev/VolGroup00/LogVol01"},
		{in: "swapon /dev/VolGroup00/LogVol01", wantErr: "swapon: /dev/VolGroup00/LogVol01: Device or resource busy\n", status: 255},
		{in: "swapon /swapfile", wantErr: "swapon: /swapfile: No such file or directory\n", status: 255},
		{in: "swapon", wantErr: "usage: swapon [-hV]\n       swapon -a [-e] [-v]\n       swapon [-v] [-p priority] special|LABEL=volume_name ...\n       swapon [-s]\n", status: 2},
		{in: "fsck -T -t noopts=_netdev -A -a -V", want: "/dev/VolGroup00/LogVol00: clean, 34565/1968128 files, 343228/1966080 blocks\n/dev/sda1: clean, 34/26104 files, 15567/104388 blocks\n"},
		{in: "fsck -T -t noopts=_netdev -A -a -C", want: "/dev/VolGroup00/LogVol00: clean, 34565/1968128 files, 343228/1966080 blocks\n/dev/sda1: clean, 34/26104 files, 15567/104388 blocks\n"},
		{in: "fsck -A -a -f", want: "/dev/VolGroup00/LogVol00: clean, 34565/1968128 files, 343228/1966080 blocks\n/dev/sda1: clean, 34/26104 files, 15567/104388 blocks\n"},
		{in: "fsck /dev/sda1", want: "fsck 1.39 (29-May-2006)\ne2fsck 1.39 (29-May-2006)\n/dev/sda1 is mounted.  \n\ne2fsck: Cannot continue, aborting.\n\n\n", status: 8},
	})
}

func TestSyBootHelpers(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "hwclock --hctosys --utc"},
		{in: "hwclock --systohc --utc"},
		{in: "hwclock --show", want: "Mon 06 Oct 2014 09:00:00 AM UTC  -0.000000 seconds\n"},
		{in: "hwclock", want: "Mon 06 Oct 2014 09:00:00 AM UTC  -0.000000 seconds\n"},
		{in: "loadkeys us"},
		{in: "loadkeys klingon", wantErr: "cannot open file klingon\n", status: 1},
		{in: "getkey i", status: 1},
		{in: "sulogin", want: "Give root password for maintenance\n(or type Control-D to continue): \n"},
		{in: "quotaoff -aug"},
		{in: "quotaoff", wantErr: "quotaoff: Bad number of arguments.\nquotaoff: Usage:\n\tquotaoff [-guvp] [-x state] -a\n\tquotaoff [-guvp] [-x state] filesys ...\n", status: 1},
		{in: "kudzu -q -t 30"},
		{in: "exportfs -r"},
		{in: "exportfs -au"},
		{in: "raw -qa"},
		{in: "raw /dev/raw/raw1 /dev/sda1", want: "/dev/raw/raw1:\tbound to major 8, minor 1\n"},
		{in: "raw /dev/raw/raw2 8 5", want: "/dev/raw/raw2:\tbound to major 8, minor 5\n"},
		{in: "raw /dev/raw/raw1 /dev/sdz9", wantErr: "Cannot locate block device '/dev/sdz9' (No such file or directory)\n", status: 2},
		{in: "raw", wantErr: "Usage:\n  raw /dev/raw/rawN <major> <minor>\n  raw /dev/raw/rawN /dev/<blockdev>\n  raw -q /dev/raw/rawN\n  raw -qa\n", status: 2},
	})
	k := syPlain(t)
	k.Dmesg("Linux version 2.6.18-398.el5", "e1000: eth0: e1000_probe: Intel(R) PRO/1000 Network Connection")
	want := "Linux version 2.6.18-398.el5\ne1000: eth0: e1000_probe: Intel(R) PRO/1000 Network Connection\n"
	for _, in := range []string{"dmesg", "dmesg -s 131072", "dmesg -c"} {
		if out, errs, st := runCmd(t, k, in, ""); out != want || errs != "" || st != 0 {
			t.Errorf("%s = %q, %q, %d; want %q", in, out, errs, st, want)
		}
	}
	if _, errs, st := runCmd(t, k, "dmesg -q", ""); st != 1 || errs != "dmesg: invalid option -- q\nUsage: dmesg [-c] [-n level] [-s bufsize]\n" {
		t.Errorf("dmesg -q = %q, %d", errs, st)
	}
}

func TestSyLvm(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "lvm.static vgscan --mknodes --ignorelockingfailure", want: "  Reading all physical volumes.  This may take a while...\n" +
			"  Found volume group \"VolGroup00\" using metadata type lvm2\n"},
		{in: "lvm.static vgchange -a y --ignorelockingfailure", want: "  2 logical volume(s) in volume group \"VolGroup00\" now active\n"},
		{in: "vgchange -a n VolGroup00", wantErr: "  Can't deactivate volume group \"VolGroup00\" with 2 open logical volume(s)\n", status: 5},
		{in: "vgchange --monitor y VolGroup00", want: "  2 logical volume(s) in volume group \"VolGroup00\" monitored\n"},
		{in: "vgchange --monitor n VolGroup00", want: "  2 logical volume(s) in volume group \"VolGroup00\" unmonitored\n"},
		{in: "vgchange VolGroup00", wantErr: "  Need 1 or more of -a, -c, -l, -p, -s or -x\n  Run `vgchange --help' for more information.\n", status: 3},
		{in: "vgchange -a y VolGroup01", wantErr: "  Volume group \"VolGroup01\" not found\n", status: 5},
		{in: "vgs --noheadings -o name", want: "  VolGroup00\n"},
		{in: "vgs", want: "  VG         #PV #LV #SN Attr   VSize VFree\n  VolGroup00   1   2   0 wz--n- 8.69g     0\n"},
		{in: "vgs -o vg_name,bogus", wantErr: "  Unrecognised field: bogus\n", status: 3},
		{in: "lvm.static frobnicate", wantErr: "  No such command 'frobnicate'.  Try 'help'.\n", status: 3},
		{in: "lvs", want: "  LV       VG         Attr   LSize Origin Snap%  Move Log Copy%  Convert\n" +
			"  LogVol00 VolGroup00 -wi-ao 7.69g\n  LogVol01 VolGroup00 -wi-ao 1.00g\n"},
	})
}

func TestSyModules(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "modprobe ip_conntrack_netbios_ns"},
		{in: "modprobe netconsole netconsole=@/,@192.168.56.1/"},
		{in: "modprobe -r ip_conntrack_netbios_ns iptable_filter ip_tables"},
		{in: "modprobe snd-intel8x0"},
		{in: "modprobe nosuchmod", wantErr: "FATAL: Module nosuchmod not found.\n", status: 1},
		{in: "modprobe -q nosuchmod", status: 1},
		{in: "rmmod e1000"},
		{in: "rmmod ip_tables", wantErr: "ERROR: Module ip_tables is in use by iptable_filter\n", status: 1},
		{in: "rmmod autofs4", wantErr: "ERROR: Module autofs4 is in use\n", status: 1},
		{in: "rmmod nosuchmod", wantErr: "ERROR: Module nosuchmod does not exist in /proc/modules\n", status: 1},
	})
	k := syPlain(t)
	out, _, _ := runCmd(t, k, "lsmod", "")
	want := "Module                  Size  Used by\nautofs4                24261  2 \nhidp                   23105  2 \n"
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "\nip_conntrack_netbios_ns     6977  0 \n") ||
		!strings.Contains(out, "\nip_tables              17029  1 iptable_filter\n") {
		t.Errorf("lsmod = %q; want it to start %q", out, want)
	}
}

func TestSySysctl(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "sysctl net.ipv4.ip_forward", want: "net.ipv4.ip_forward = 0\n"},
		{in: "sysctl -n kernel.hostname", want: "lab1\n"},
		{in: "sysctl net.ipv4.conf.default.rp_filter kernel.osrelease", want: "net.ipv4.conf.default.rp_filter = 1\nkernel.osrelease = 2.6.18-398.el5\n"},
		{in: "sysctl net/ipv4/ip_local_port_range", want: "net.ipv4.ip_local_port_range = 32768\t61000\n"},
		{in: "sysctl -p", want: "net.ipv4.ip_forward = 0\nnet.ipv4.conf.default.rp_filter = 1\nkernel.sysrq = 0\n"},
		{in: "sysctl -e -p /etc/sysctl.conf", want: "net.ipv4.ip_forward = 0\nnet.ipv4.conf.default.rp_filter = 1\nkernel.sysrq = 0\n"},
		{in: "sysctl -q -p"},
		{in: "sysctl -p /etc/nope.conf", wantErr: "error: unable to open preload file \"/etc/nope.conf\"\n", status: 255},
		{in: "sysctl -w net.ipv4.ip_forward=1", want: "net.ipv4.ip_forward = 1\n"},
		{in: "sysctl -w net.ipv4.ip_forward", wantErr: "error: \"net.ipv4.ip_forward\" must be of the form name=value\n", status: 255},
		{in: "sysctl net.ipv4.bogus", wantErr: "error: \"net.ipv4.bogus\" is an unknown key\n", status: 255},
		{in: "sysctl -e net.ipv4.bogus"},
		{in: "sysctl", want: "Usage:\n  sysctl [-n] [-e] variable ...\n  sysctl [-n] [-e] [-q] -w variable=value ...\n" +
			"  sysctl [-n] [-e] -a\n  sysctl [-n] [-e] [-q] -p <file>   (default /etc/sysctl.conf)\n  sysctl [-n] [-e] -A\n", status: 255},
	})
	// Unknown keys of the file are errors unless -e.
	k := syKernel(t, map[string]string{"/etc/sysctl.conf": "net.ipv4.ip_forward = 1\nnet.bogus.key = 3\n"})
	if out, errs, st := runCmd(t, k, "sysctl -p", ""); out != "net.ipv4.ip_forward = 1\n" || errs != "error: \"net.bogus.key\" is an unknown key\n" || st != 255 {
		t.Errorf("sysctl -p (bad key) = %q, %q, %d", out, errs, st)
	}
	if out, errs, st := runCmd(t, k, "sysctl -e -p", ""); out != "net.ipv4.ip_forward = 1\n" || errs != "" || st != 0 {
		t.Errorf("sysctl -e -p (bad key) = %q, %q, %d", out, errs, st)
	}
	// -a lists every parameter, the file's values applied.
	out, _, _ := runCmd(t, k, "sysctl -a", "")
	if !strings.Contains(out, "\nnet.ipv4.ip_forward = 1\n") || !strings.Contains(out, "\nkernel.hostname = lab1\n") {
		t.Errorf("sysctl -a = %q", out)
	}
}

func TestSyDD(t *testing.T) {
	t.Parallel()
	seedStats := "1+0 records in\n1+0 records out\n512 bytes (512 B) copied, 0.000123 seconds, 4.2 MB/s\n"
	syTable(t, func(t *testing.T) *kernel.Kernel { return syKernel(t, map[string]string{"/root/in": "hello world\n"}) }, []syCase{
		{in: "dd if=/dev/urandom of=/var/lib/random-seed count=1 bs=512", wantErr: seedStats},
		{in: "dd if=/root/in bs=5", want: "hello world\n", wantErr: "2+1 records in\n2+1 records out\n12 bytes (12 B) copied, 0.000123 seconds, 98 kB/s\n"},
		{in: "dd", stdin: "abc", want: "abc", wantErr: "0+1 records in\n0+1 records out\n3 bytes (3 B) copied, 0.000123 seconds, 24 kB/s\n"},
		{in: "dd if=/root/in conv=ucase skip=1 ibs=6", want: "WORLD\n", wantErr: "1+0 records in\n0+1 records out\n6 bytes (6 B) copied, 0.000123 seconds, 49 kB/s\n"},
		{in: "dd if=/dev/zero of=/tmp/z bs=1M count=1", wantErr: "1+0 records in\n1+0 records out\n1048576 bytes (1.0 MB) copied, 0.00431526 seconds, 243 MB/s\n"},
		{in: "dd if=/dev/null", wantErr: "0+0 records in\n0+0 records out\n0 bytes (0 B) copied, 0.000123 seconds, 0 B/s\n"},
		{in: "dd if=/nope", wantErr: "dd: opening `/nope': No such file or directory\n", status: 1},
		{in: "dd of=/nodir/x", stdin: "x", wantErr: "dd: opening `/nodir/x': No such file or directory\n", status: 1},
		{in: "dd bs=abc", wantErr: "dd: invalid number `abc'\n", status: 1},
		{in: "dd frob=1", wantErr: "dd: unrecognized operand `frob=1'\nTry `dd --help' for more information.\n", status: 1},
		{in: "dd conv=wiggle", wantErr: "dd: invalid conversion: `wiggle'\nTry `dd --help' for more information.\n", status: 1},
	})
	k := syPlain(t)
	runCmd(t, k, "dd if=/dev/urandom of=/var/lib/random-seed count=1 bs=512", "")
	if got := syReadFile(t, k, "/var/lib/random-seed"); len(got) != 512 {
		t.Errorf("random-seed has %d bytes; want 512", len(got))
	}
	fi, _ := k.FS.Stat("/var/lib/random-seed")
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("random-seed mode %v; want 0644", fi.Mode().Perm())
	}
	// conv=notrunc keeps the rest of the file; seek= skips output blocks.
	k = syKernel(t, map[string]string{"/root/f": "0123456789"})
	runCmd(t, k, "dd of=/root/f bs=2 seek=1 conv=notrunc", "ab")
	if got := syReadFile(t, k, "/root/f"); got != "01ab456789" {
		t.Errorf("dd notrunc seek: file = %q; want %q", got, "01ab456789")
	}
	runCmd(t, k, "dd of=/root/f bs=2 seek=1", "xy")
	if got := syReadFile(t, k, "/root/f"); got != "01xy" {
		t.Errorf("dd seek: file = %q; want %q", got, "01xy")
	}
}

func TestSyHumanSI(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   float64
		want string
	}{{0, "0 B"}, {512, "512 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {4162601, "4.2 MB"}, {9960000, "10 MB"}, {1048576, "1.0 MB"}, {243e6, "243 MB"}} {
		if got := syHumanSI(tt.in); got != tt.want {
			t.Errorf("syHumanSI(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSyNiceNohup(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		{in: "nice", want: "0\n"},
		{in: "nice -n 19 echo hi", want: "hi\n"},
		{in: "nice -n +19 echo hi", want: "hi\n"},
		{in: "nice -5 echo hi", want: "hi\n"},
		{in: "nice --adjustment=3 echo hi", want: "hi\n"},
		{in: "nice -n x echo hi", wantErr: "nice: invalid adjustment `x'\n", status: 1},
		{in: "nice -n 5", wantErr: "nice: a command must be given with an adjustment\nTry `nice --help' for more information.\n", status: 1},
		{in: "nice -q echo", wantErr: "nice: invalid option -- q\nTry `nice --help' for more information.\n", status: 1},
		// 5.97 takes +19 for a command, not an adjustment.
		{in: "nice +19 echo hi", wantErr: "nice: +19: No such file or directory\n", status: 127},
		{in: "nice nosuchprog", wantErr: "nice: nosuchprog: No such file or directory\n", status: 127},
		{in: "nohup", wantErr: "nohup: missing operand\nTry `nohup --help' for more information.\n", status: 127},
		{in: "nohup nosuchprog", wantErr: "nohup: cannot run command `nosuchprog': No such file or directory\n", status: 127},
		{in: "nohup echo hi", want: "hi\n"},
		{in: "nohup false", status: 1},
	})
	// On a terminal, the output goes to nohup.out.
	k := syPlain(t)
	out, errs, st := syRunWith(t, k, []string{"nohup", "echo", "hi"}, "", func(p *Proc) { p.Tty = true })
	if out != "" || errs != "nohup: appending output to `nohup.out'\n" || st != 0 {
		t.Errorf("nohup echo hi (tty) = %q, %q, %d", out, errs, st)
	}
	syRunWith(t, k, []string{"nohup", "echo", "again"}, "", func(p *Proc) { p.Tty = true })
	if got := syReadFile(t, k, "/root/nohup.out"); got != "hi\nagain\n" {
		t.Errorf("nohup.out = %q; want %q", got, "hi\nagain\n")
	}
	// The daemon started under nice keeps the niceness.
	k = syKernel(t, map[string]string{"/etc/anacrontab": "1\t65\tcron.daily\trun-parts /etc/cron.daily\n"})
	if _, errs, st := runCmd(t, k, "nice -n +19 anacron -s", ""); st != 0 {
		t.Fatalf("nice anacron: %q, %d", errs, st)
	}
	found := false
	for _, pr := range k.Procs.List() {
		if pr.Comm == "anacron" {
			found = true
			if pr.Nice != 19 {
				t.Errorf("anacron runs at nice %d; want 19", pr.Nice)
			}
		}
	}
	if !found {
		t.Errorf("nice -n +19 anacron -s started no anacron")
	}
}

func TestSySu(t *testing.T) {
	t.Parallel()
	syTable(t, syPlain, []syCase{
		// root's shell is /bin/echo here, so the shell's argv shows.
		{in: "su - root -c 'service x start'", want: "-c service x start\n"},
		{in: "su -c true", want: "-c true\n"},
		{in: "runuser -s /bin/echo - mysql -c 'ulimit -S -c 0 >/dev/null 2>&1 ; /usr/libexec/mysqld'",
			want: "-c ulimit -S -c 0 >/dev/null 2>&1 ; /usr/libexec/mysqld\n"},
		{in: "su mysql", want: "This account is currently not available.\n", status: 1},
		{in: "su nobody", wantErr: "su: user nobody does not exist\n", status: 1},
		{in: "runuser - nobody -c x", wantErr: "runuser: user nobody does not exist\n", status: 1},
		// A login goes to the user's home (student's shell is pwd here).
		{in: "su - student", want: "/home/student\n"},
		{in: "su student", want: "/root\n"},
		{in: "su -x", wantErr: "su: invalid option -- x\nTry `su --help' for more information.\n", status: 1},
	})
	// The environment is the target user's.
	k := syPlain(t)
	out, _, _ := syRunWith(t, k, []string{"su", "-", "student", "-s", "/usr/bin/printenv"}, "", nil)
	for _, want := range []string{"HOME=/home/student\n", "USER=student\n", "LOGNAME=student\n", "SHELL=/usr/bin/printenv\n", "TERM=linux\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("su - student env = %q; want %q in it", out, want)
		}
	}
	if strings.Contains(out, "LANG=") {
		t.Errorf("su - student env = %q; a login clears LANG", out)
	}
}

func TestSyKillall5(t *testing.T) {
	t.Parallel()
	k := syPlain(t)
	pt := k.Procs
	pt.SpawnPID(1, proc.Process{Comm: "init", SessionLeader: true})
	kthread, _ := pt.Spawn(proc.Process{PPID: 1, Comm: "kthread", Kernel: true})
	daemon, _ := pt.Spawn(proc.Process{PPID: 1, Comm: "crond", SessionLeader: true})
	getty, _ := pt.Spawn(proc.Process{PPID: 1, Comm: "mingetty", SessionLeader: true})
	rc, _ := pt.Spawn(proc.Process{PPID: 1, Comm: "rc", SessionLeader: true})
	script, _ := pt.Spawn(proc.Process{PPID: rc, Comm: "halt"})
	self, _ := pt.Spawn(proc.Process{PPID: script, Comm: "killall5"})
	worker, _ := pt.Spawn(proc.Process{PPID: daemon, Comm: "crond"})
	_, errs, st := syRunWith(t, k, []string{"killall5", "-15"}, "", func(p *Proc) { p.PID, p.PPID = self, script })
	if errs != "" || st != 0 {
		t.Fatalf("killall5 -15 = %q, %d", errs, st)
	}
	for _, c := range []struct {
		pid   int
		alive bool
	}{{1, true}, {kthread, true}, {rc, true}, {script, true}, {self, true}, {daemon, false}, {getty, false}, {worker, false}} {
		if got := pt.Alive(c.pid); got != c.alive {
			t.Errorf("after killall5 -15, pid %d alive = %v; want %v", c.pid, got, c.alive)
		}
	}
	// A bad argument is only reported to syslog.
	out, errs, st := runCmd(t, k, "killall5 -TERM", "")
	if out != "" || errs != "" || st != 1 {
		t.Errorf("killall5 -TERM = %q, %q, %d; want \"\", \"\", 1", out, errs, st)
	}
	if got := syReadFile(t, k, "/var/log/messages"); got != "Oct  6 09:00:00 lab1 killall5: only one argument, a signal number, allowed\n" {
		t.Errorf("messages = %q", got)
	}
}

func TestSyLogger(t *testing.T) {
	t.Parallel()
	k := syPlain(t)
	runs := []struct {
		argv  []string
		stdin string
		mod   func(*Proc)
		err   string
		st    int
	}{
		{argv: []string{"logger", "hello", "world"}},
		{argv: []string{"logger", "-t", "backup", "-i", "done"}, mod: func(p *Proc) { p.PID = 321 }},
		{argv: []string{"logger", "-p", "local0.notice", "from", "tty"}, mod: func(p *Proc) { p.TTY = "tty1" }},
		{argv: []string{"logger", "-p", "mail.info", "to maillog"}},
		{argv: []string{"logger", "-p", "user.debug", "too low"}},
		{argv: []string{"logger", "-t", "in"}, stdin: "line one\n\nline two\n"},
		{argv: []string{"logger", "-s", "-t", "both", "x"}, err: "both: x\n"},
		{argv: []string{"logger", "-p", "bogus.info", "x"}, err: "logger: unknown facility name: bogus.\n", st: 1},
		{argv: []string{"logger", "-p", "user.loud", "x"}, err: "logger: unknown priority name: loud.\n", st: 1},
	}
	k.Login(kernel.Session{User: "student", TTY: "tty1"})
	for _, r := range runs {
		out, errs, st := syRunWith(t, k, r.argv, r.stdin, r.mod)
		if out != "" || errs != r.err || st != r.st {
			t.Errorf("%v = %q, %q, %d; want \"\", %q, %d", r.argv, out, errs, st, r.err, r.st)
		}
	}
	want := "Oct  6 09:00:00 lab1 logger: hello world\n" +
		"Oct  6 09:00:00 lab1 backup[321]: done\n" +
		"Oct  6 09:00:00 lab1 student: from tty\n" +
		"Oct  6 09:00:00 lab1 in: line one\n" +
		"Oct  6 09:00:00 lab1 in: line two\n" +
		"Oct  6 09:00:00 lab1 both: x\n"
	if got := syReadFile(t, k, "/var/log/messages"); got != want {
		t.Errorf("/var/log/messages = %q; want %q", got, want)
	}
}

func TestSyRunParts(t *testing.T) {
	t.Parallel()
	mk := func(t *testing.T) *kernel.Kernel {
		k := syKernel(t, map[string]string{"/etc/cron.daily/echo": "", "/etc/cron.daily/true": "", "/etc/cron.daily/false": "",
			"/etc/cron.daily/pwd~": "", "/etc/cron.daily/date.rpmnew": "", "/etc/cron.daily/sub/": "", "/etc/cron.daily/pwd": ""})
		for _, f := range []string{"/etc/cron.daily/echo", "/etc/cron.daily/true", "/etc/cron.daily/false", "/etc/cron.daily/pwd~", "/etc/cron.daily/date.rpmnew"} {
			k.FS.Chmod(f, 0o755)
		}
		return k
	}
	syTable(t, mk, []syCase{
		// pwd is not executable; pwd~, *.rpmnew and directories are skipped.
		{in: "run-parts /etc/cron.daily", want: "/etc/cron.daily/echo:\n\n\n"},
		{in: "run-parts", want: "Usage: run-parts <dir>\n", status: 1},
		{in: "run-parts /etc/cron.weekly", want: "Not a directory: /etc/cron.weekly\n", status: 1},
	})
}

func TestSySSHKeygen(t *testing.T) {
	t.Parallel()
	k := syKernel(t, map[string]string{"/etc/ssh/": ""})
	for _, typ := range []string{"rsa1", "rsa", "dsa"} {
		name := map[string]string{"rsa1": "/etc/ssh/ssh_host_key", "rsa": "/etc/ssh/ssh_host_rsa_key", "dsa": "/etc/ssh/ssh_host_dsa_key"}[typ]
		out, errs, st := runCmd(t, k, "ssh-keygen -q -t "+typ+" -f "+name+" -C '' -N ''", "")
		if out != "" || errs != "" || st != 0 {
			t.Fatalf("ssh-keygen -t %s = %q, %q, %d", typ, out, errs, st)
		}
		pub := syReadFile(t, k, name+".pub")
		prefix := map[string]string{"rsa1": "2048 35 ", "rsa": "ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEA", "dsa": "ssh-dss AAAAB3NzaC1kc3MAAACBA"}[typ]
		if !strings.HasPrefix(pub, prefix) || !strings.HasSuffix(pub, " \n") {
			t.Errorf("%s.pub = %q; want %q... with an empty comment", name, pub, prefix)
		}
		for f, mode := range map[string]fs.FileMode{name: 0o600, name + ".pub": 0o644} {
			if fi, err := k.FS.Stat(f); err != nil || fi.Mode().Perm() != mode {
				t.Errorf("%s: %v; want mode %v", f, err, mode)
			}
		}
		bits := map[string]string{"rsa1": "2048 ", "rsa": "2048 ", "dsa": "1024 "}[typ]
		out, _, st = runCmd(t, k, "ssh-keygen -l -f "+name, "")
		if !strings.HasPrefix(out, bits) || !strings.HasSuffix(out, " "+name+".pub\n") || st != 0 {
			t.Errorf("ssh-keygen -l -f %s = %q, %d", name, out, st)
		}
	}
	if !strings.HasPrefix(syReadFile(t, k, "/etc/ssh/ssh_host_rsa_key"), "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA") {
		t.Errorf("RSA private key does not look like one")
	}
	// The fingerprint shown at creation is the one -l shows.
	out, _, _ := runCmd(t, k, "ssh-keygen -t rsa -f /root/id -N '' -C me@lab1", "")
	lines := strings.Split(out, "\n")
	want := "Generating public/private rsa key pair.\nYour identification has been saved in /root/id.\n" +
		"Your public key has been saved in /root/id.pub.\nThe key fingerprint is:\n"
	if len(lines) < 5 || !strings.HasPrefix(out, want) || !strings.HasSuffix(lines[4], " me@lab1") {
		t.Fatalf("ssh-keygen -t rsa = %q", out)
	}
	fp := strings.TrimSuffix(lines[4], " me@lab1")
	if l, _, _ := runCmd(t, k, "ssh-keygen -l -f /root/id.pub", ""); l != "2048 "+fp+" /root/id.pub\n" {
		t.Errorf("ssh-keygen -l = %q; want fingerprint %s", l, fp)
	}
	syTable(t, func(t *testing.T) *kernel.Kernel {
		return syKernel(t, map[string]string{"/root/k": "old", "/root/k.pub": "ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAIEAxQ== x@y\n", "/root/junk": "junk\n"})
	}, []syCase{
		{in: "ssh-keygen -t rsa -f /root/k -N ''", stdin: "n\n", want: "Generating public/private rsa key pair.\n/root/k already exists.\nOverwrite (y/n)? ", status: 1},
		{in: "ssh-keygen -t ecdsa -f /root/x", wantErr: "unknown key type ecdsa\n", status: 1},
		{in: "ssh-keygen -f /root/x", wantErr: "You must specify a key type (-t).\n" + sySSHKeygenUsage, status: 1},
		{in: "ssh-keygen -l -f /root/nope", wantErr: "/root/nope: No such file or directory\n", status: 1},
		{in: "ssh-keygen -l -f /root/junk", want: "/root/junk is not a public key file.\n", status: 1},
		{in: "ssh-keygen -t dsa -b 2048 -f /root/d", wantErr: "DSA keys must be 1024 bits\n", status: 1},
	})
	// The image's SSH1 key with its empty comment.
	k = syKernel(t, map[string]string{"/etc/ssh/ssh_host_key.pub": "1024 35 148486582059970817870050938243585617102897738716169213250670512974686420032923890598105947332030612719345355408801399780075000151214343326241886794361089920733125592444375617050560563310625048435258054171803251996721763557608918048743827160342875789935456674327389378238417963120059292437101659005920778357311 \n"})
	if out, _, st := runCmd(t, k, "ssh-keygen -l -f /etc/ssh/ssh_host_key.pub", ""); !strings.HasPrefix(out, "1024 ") || st != 0 {
		t.Errorf("ssh-keygen -l (rsa1) = %q, %d", out, st)
	}
}

func TestSyNamedCheckconf(t *testing.T) {
	t.Parallel()
	mk := func(conf string) func(t *testing.T) *kernel.Kernel {
		return func(t *testing.T) *kernel.Kernel { return syKernel(t, map[string]string{"/etc/named.conf": conf}) }
	}
	syTable(t, syPlain, []syCase{
		{in: "named-checkconf"},
		{in: "named-checkconf -z /etc/named.conf"},
		{in: "named-checkconf /etc/nope.conf", want: "none:0: open: /etc/nope.conf: file not found\n", status: 1},
		{in: "named-checkconf -v", want: "9.3.6-P1-RedHat-9.3.6-25.P1.el5_11.11\n"},
	})
	syTable(t, mk("options {\n\tdirectory \"/var/named\"\n};\n"), []syCase{
		{in: "named-checkconf", want: "/etc/named.conf:3: missing ';' before '}'\n", status: 1},
	})
	syTable(t, mk("options {\n\tdirectory \"/var/named\";\n}\n\nzone \"x\" { type hint; file \"named.ca\"; };\n"), []syCase{
		{in: "named-checkconf", want: "/etc/named.conf:5: missing ';' before 'zone'\n", status: 1},
	})
	syTable(t, mk("// comment\noptions {\n\tdirectory \"/var/named\";\n"), []syCase{
		{in: "named-checkconf", want: "/etc/named.conf:3: unexpected end of input\n", status: 1},
	})
	syTable(t, mk("options { directory \"/var/named\"; };\nzone \"example.com\" IN { type master; file \"example.zone\"; };\n"), []syCase{
		{in: "named-checkconf"},
		{in: "named-checkconf -z", want: "zone example.com/IN: loading master file example.zone: file not found\n_default/example.com/IN: file not found\n", status: 1},
	})
}

func TestSyMysql(t *testing.T) {
	t.Parallel()
	down := "mysqladmin: connect to server at 'localhost' failed\n" +
		"error: 'Can't connect to local MySQL server through socket '/var/lib/mysql/mysql.sock' (2)'\n" +
		"Check that mysqld is running and that the socket: '/var/lib/mysql/mysql.sock' exists!\n"
	syTable(t, syPlain, []syCase{
		{in: "mysqladmin -uUNKNOWN_MYSQL_USER ping", wantErr: down, status: 1},
		{in: "mysqladmin frob", wantErr: "mysqladmin: Unknown command: 'frob'\n", status: 1},
	})
	k := syPlain(t)
	k.Procs.Spawn(proc.Process{PPID: 1, Comm: "mysqld", UID: 27})
	k.Clock.Advance(65 * 1e9)
	syRunCase := func(in, want string) {
		if out, errs, st := runCmd(t, k, in, ""); out != want || errs != "" || st != 0 {
			t.Errorf("%s = %q, %q, %d; want %q", in, out, errs, st, want)
		}
	}
	syRunCase("mysqladmin -uUNKNOWN_MYSQL_USER ping", "mysqld is alive\n")
	syRunCase("mysqladmin status", "Uptime: 65  Threads: 1  Questions: 2  Slow queries: 0  Opens: 12  Flush tables: 1  Open tables: 6  Queries per second avg: 0.031\n")
	syRunCase("mysqladmin shutdown", "")
	if _, _, st := runCmd(t, k, "mysqladmin ping", ""); st != 1 {
		t.Errorf("mysqladmin ping after shutdown = %d; want 1", st)
	}

	k = syPlain(t)
	out, errs, st := runCmd(t, k, "mysql_install_db --datadir=/var/lib/mysql --user=mysql", "")
	if !strings.HasPrefix(out, "Installing MySQL system tables...\nOK\nFilling help tables...\nOK\n") ||
		!strings.Contains(out, "/usr/bin/mysqladmin -u root -h lab1 password 'new-password'\n") || errs != "" || st != 0 {
		t.Errorf("mysql_install_db = %q, %q, %d", out, errs, st)
	}
	fi, err := k.FS.Stat("/var/lib/mysql/mysql/user.MYD")
	if err != nil {
		t.Fatalf("mysql_install_db made no user table: %v", err)
	}
	if st, ok := fi.Sys().(*vfs.Stat); !ok || st.Uid != 27 || st.Gid != 27 {
		t.Errorf("user.MYD owner = %+v; want mysql (27:27)", fi.Sys())
	}
	if fi, err := k.FS.Stat("/var/lib/mysql/mysql"); err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 {
		t.Errorf("/var/lib/mysql/mysql: %v %v", err, fi)
	}
}

// syRHListing is iptables -L -n of CentOS 5's default firewall.
const syRHListing = `Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
RH-Firewall-1-INPUT  all  --  0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         
RH-Firewall-1-INPUT  all  --  0.0.0.0/0            0.0.0.0/0           

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         

Chain RH-Firewall-1-INPUT (2 references)
target     prot opt source               destination         
ACCEPT     all  --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     icmp --  0.0.0.0/0            0.0.0.0/0           icmp type 255 
ACCEPT     esp  --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     ah   --  0.0.0.0/0            0.0.0.0/0           
ACCEPT     udp  --  0.0.0.0/0            224.0.0.251         udp dpt:5353 
ACCEPT     udp  --  0.0.0.0/0            0.0.0.0/0           udp dpt:631 
ACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0           tcp dpt:631 
ACCEPT     all  --  0.0.0.0/0            0.0.0.0/0           state RELATED,ESTABLISHED 
ACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0           state NEW tcp dpt:22 
REJECT     all  --  0.0.0.0/0            0.0.0.0/0           reject-with icmp-host-prohibited 
`

const syEmptyListing = `Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
`

func TestSyIptables(t *testing.T) {
	t.Parallel()
	loaded := func(t *testing.T) *kernel.Kernel {
		return syKernel(t, map[string]string{syIptLock: ""})
	}
	syTable(t, syPlain, []syCase{
		{in: "iptables -L -n", want: syEmptyListing},
		{in: "iptables -t nat -L -n", want: strings.NewReplacer("INPUT", "PREROUTING", "FORWARD", "POSTROUTING").Replace(syEmptyListing)},
		{in: "iptables-save"},
		{in: "iptables -t filter -F"},
		{in: "iptables -t filter -X"},
		{in: "iptables -t filter -Z"},
		{in: "iptables -t filter -P INPUT ACCEPT"},
		{in: "iptables -A INPUT -p tcp --dport 80 -j ACCEPT"},
		{in: "iptables -P INPUT FOO", wantErr: "iptables: Bad policy name\n", status: 1},
		{in: "iptables -P BOGUS DROP", wantErr: "iptables: Bad built-in chain name\n", status: 1},
		{in: "iptables -L BOGUS", wantErr: "iptables: No chain/target/match by that name\n", status: 1},
		{in: "iptables -A INPUT -j BOGUS", wantErr: "iptables v1.3.5: Couldn't load target `BOGUS':/lib/iptables/libipt_BOGUS.so: cannot open shared object file: No such file or directory\n\n" +
			"Try `iptables -h' or 'iptables --help' for more information.\n", status: 2},
		{in: "iptables", wantErr: "iptables v1.3.5: no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", status: 2},
		{in: "iptables -t bogus -L", wantErr: "iptables v1.3.5: can't initialize iptables table `bogus': Table does not exist (do you need to insmod?)\n" +
			"Perhaps iptables or your kernel needs to be upgraded.\n", status: 3},
		{in: "iptables -V", want: "iptables v1.3.5\n"},
		{in: "iptables-restore /etc/sysconfig/iptables"},
		{in: "iptables-restore", stdin: "*filter\n:INPUT DROP [0:0]\nCOMMIT\n"},
		{in: "iptables-restore", stdin: "*filter\n:INPUT ACCEPT [0:0]\n", wantErr: "iptables-restore: COMMIT expected at line 3\n", status: 1},
		{in: "iptables-restore", stdin: "*filter\n-A NOPE -j ACCEPT\nCOMMIT\n", wantErr: "iptables-restore: line 2 failed\n", status: 1},
		{in: "iptables-restore", stdin: "*filter\n-A INPUT -j NOPE\nCOMMIT\n", wantErr: "iptables-restore: line 2 failed\n", status: 1},
		{in: "iptables-restore", stdin: "*bogus\nCOMMIT\n", wantErr: "iptables-restore: unable to initialize table 'bogus'\n\nError occurred at line: 1\n" +
			"Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n", status: 1},
		{in: "iptables-restore /etc/nope", wantErr: "Can't open /etc/nope: No such file or directory\n", status: 1},
	})
	numbered := strings.Split(syRHListing, "\n")
	n := 0
	for i, l := range numbered {
		switch {
		case strings.HasPrefix(l, "target"):
			numbered[i] = "num  " + l
			n = 0
		case l != "" && !strings.HasPrefix(l, "Chain"):
			n++
			numbered[i] = fmt.Sprintf("%-4d ", n) + l
		}
	}
	syTable(t, loaded, []syCase{
		{in: "iptables -L -n", want: syRHListing},
		{in: "iptables -t filter --list -n --line-numbers", want: strings.Join(numbered, "\n")},
		{in: "iptables -nL INPUT", want: "Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination         \n" +
			"RH-Firewall-1-INPUT  all  --  0.0.0.0/0            0.0.0.0/0           \n"},
		{in: "iptables -L RH-Firewall-1-INPUT", want: `Chain RH-Firewall-1-INPUT (2 references)
target     prot opt source               destination         
ACCEPT     all  --  anywhere             anywhere            
ACCEPT     icmp --  anywhere             anywhere            icmp any 
ACCEPT     esp  --  anywhere             anywhere            
ACCEPT     ah   --  anywhere             anywhere            
ACCEPT     udp  --  anywhere             224.0.0.251         udp dpt:5353 
ACCEPT     udp  --  anywhere             anywhere            udp dpt:ipp 
ACCEPT     tcp  --  anywhere             anywhere            tcp dpt:ipp 
ACCEPT     all  --  anywhere             anywhere            state RELATED,ESTABLISHED 
ACCEPT     tcp  --  anywhere             anywhere            state NEW tcp dpt:ssh 
REJECT     all  --  anywhere             anywhere            reject-with icmp-host-prohibited 
`},
		{in: "iptables -L INPUT -v -n", want: "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n" +
			" pkts bytes target     prot opt in     out     source               destination         \n" +
			"    0     0 RH-Firewall-1-INPUT  all  --  *      *       0.0.0.0/0            0.0.0.0/0           \n"},
		{in: "iptables -X RH-Firewall-1-INPUT"},
		{in: "iptables -t filter -F INPUT"},
		{in: "iptables-save", want: `# Generated by iptables-save v1.3.5 on Mon Oct  6 09:00:00 2014
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:RH-Firewall-1-INPUT - [0:0]
-A INPUT -j RH-Firewall-1-INPUT
-A FORWARD -j RH-Firewall-1-INPUT
-A RH-Firewall-1-INPUT -i lo -j ACCEPT
-A RH-Firewall-1-INPUT -p icmp --icmp-type any -j ACCEPT
-A RH-Firewall-1-INPUT -p 50 -j ACCEPT
-A RH-Firewall-1-INPUT -p 51 -j ACCEPT
-A RH-Firewall-1-INPUT -p udp --dport 5353 -d 224.0.0.251 -j ACCEPT
-A RH-Firewall-1-INPUT -p udp -m udp --dport 631 -j ACCEPT
-A RH-Firewall-1-INPUT -p tcp -m tcp --dport 631 -j ACCEPT
-A RH-Firewall-1-INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
-A RH-Firewall-1-INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT
-A RH-Firewall-1-INPUT -j REJECT --reject-with icmp-host-prohibited
COMMIT
# Completed on Mon Oct  6 09:00:00 2014
`},
		{in: "iptables-save -t nat"},
	})
	// Other rules render as iptables 1.3.5 lists them.
	k := syKernel(t, map[string]string{syIptLock: "", syIptData: "*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
		"-A INPUT -s 192.168.56.0/24 -p tcp -m multiport --dports 80,443 -j ACCEPT\n" +
		"-A INPUT -p tcp ! --syn -j DROP\n" +
		"-A INPUT -s 127.0.0.1 -p icmp --icmp-type echo-request -j LOG --log-prefix \"ping: \"\n" +
		"-A INPUT -p tcp --dport 1024:65535 -j REJECT\nCOMMIT\n"})
	want := "Chain INPUT (policy DROP)\ntarget     prot opt source               destination         \n" +
		"ACCEPT     tcp  --  192.168.56.0/24      0.0.0.0/0           multiport dports 80,443 \n" +
		"DROP       tcp  --  0.0.0.0/0            0.0.0.0/0           tcp !flags:0x17/0x02 \n" +
		"LOG        icmp --  127.0.0.1            0.0.0.0/0           icmp type 8 LOG flags 0 level 4 prefix `ping: ' \n" +
		"REJECT     tcp  --  0.0.0.0/0            0.0.0.0/0           tcp dpts:1024:65535 reject-with icmp-port-unreachable \n"
	if out, errs, st := runCmd(t, k, "iptables -n -L INPUT", ""); out != want || errs != "" || st != 0 {
		t.Errorf("iptables -n -L INPUT = %q, %q, %d; want %q", out, errs, st, want)
	}
	want = "LOG        icmp --  localhost.localdomain  anywhere            icmp echo-request LOG level warning prefix `ping: ' \n"
	if out, _, _ := runCmd(t, k, "iptables -L INPUT", ""); !strings.Contains(out, want) {
		t.Errorf("iptables -L INPUT = %q; want %q in it", out, want)
	}
}

func TestSyProcmail(t *testing.T) {
	t.Parallel()
	k := syPlain(t)
	msg := "From: root@lab1\nSubject: cron\n\nhello\n"
	if out, errs, st := runCmd(t, k, "procmail -t -Y -a lab1 -d root", msg); out != "" || errs != "" || st != 0 {
		t.Fatalf("procmail = %q, %q, %d", out, errs, st)
	}
	runCmd(t, k, "procmail -f daemon -d root", "Subject: two\n\nbody")
	want := "From MAILER-DAEMON  Mon Oct  6 09:00:00 2014\n" + msg + "\n" +
		"From daemon  Mon Oct  6 09:00:00 2014\nSubject: two\n\nbody\n\n"
	if got := syReadFile(t, k, "/var/spool/mail/root"); got != want {
		t.Errorf("/var/spool/mail/root = %q; want %q", got, want)
	}
	if _, errs, st := runCmd(t, k, "procmail -d nobody", "x"); errs != "procmail: Unknown user \"nobody\"\n" || st != 67 {
		t.Errorf("procmail -d nobody = %q, %d", errs, st)
	}
}

// syClosedPipe is a reader that has gone away.
type syClosedPipe struct{}

func (syClosedPipe) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestSyDDPipe(t *testing.T) {
	t.Parallel()
	k := syPlain(t)
	var errb bytes.Buffer
	out, errs, st := syRunWith(t, k, []string{"dd", "if=/dev/zero", "bs=512"}, "", func(p *Proc) { p.Stdout, p.Stderr = syClosedPipe{}, &errb })
	if out != "" || errs != "" || errb.String() != "" || st != 141 {
		t.Errorf("dd into a closed pipe = %q, %d; want silence and 141", errb.String(), st)
	}
}
