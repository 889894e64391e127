package cmds

// System utilities the boot scripts and the students use, as CentOS 5.11
// ships them: mount, umount, swapon, swapoff (util-linux 2.13), fsck
// (e2fsprogs 1.39), hwclock, loadkeys, getkey, sulogin, quotaoff, kudzu,
// lvm.static and its vgs, vgchange, vgscan, lvs and pvs (lvm2 2.02.88), raw,
// modprobe, rmmod, lsmod (module-init-tools 3.3), sysctl (procps 3.2.7),
// dmesg, dd, nice, nohup, su and runuser (coreutils 5.97), killall5
// (sysvinit 2.86), logger, run-parts, ssh-keygen (OpenSSH 4.3p2), exportfs,
// named-checkconf (BIND 9.3.6), mysqladmin and mysql_install_db (MySQL
// 5.0.95), iptables, iptables-save and iptables-restore (1.3.5), procmail
// and microcode_ctl.
//
// What the simulated machine does not keep is said where it matters: the
// mount table is /etc/mtab and mount/umount do not change it; swap, loaded
// modules and raw bindings are fixed; the firewall's live rules are the
// saved ones of /etc/sysconfig/iptables while the iptables service holds
// its lock. su and runuser, which switch users, are in su.go.
//
// Helpers of this family are prefixed with "sy".

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rclab/sim/internal/proc"
)

func init() {
	for _, c := range []Command{
		{Name: "mount", Dirs: []string{"/bin"}, Summary: "mount a file system",
			Usage: "mount [-lhV]\nmount -a [-fFnrsvw] [-t vfstypes] [-O optlist]\nmount [-fnrsvw] [-o options] device|dir\nmount [-fnrsvw] [-t vfstype] [-o options] device dir", Main: syMount},
		{Name: "umount", Dirs: []string{"/bin"}, Summary: "unmount file systems",
			Usage: "umount [-hV]\numount -a [-dflnrv] [-t vfstype] [-O options]\numount [-dflnrv] dir|device...", Main: syUmount},
		{Name: "swapon", Dirs: []string{"/sbin"}, Summary: "enable devices and files for paging and swapping",
			Usage: "swapon [-h] [-V]\nswapon -a [-e] [-v]\nswapon [-v] [-p priority] specialfile...\nswapon [-s]", Main: sySwapon},
		{Name: "swapoff", Dirs: []string{"/sbin"}, Summary: "disable devices and files for paging and swapping",
			Usage: "swapoff [-h] [-V]\nswapoff -a\nswapoff specialfile...", Main: sySwapon},
		{Name: "fsck", Dirs: []string{"/sbin"}, Summary: "check and repair a Linux file system",
			Usage: "fsck [-sAVRTMNP] [-C [fd]] [-t fstype] [filesys...] [--] [fs-specific-options]", Main: syFsck},
		{Name: "hwclock", Dirs: []string{"/sbin"}, Summary: "query and set the hardware clock (RTC)",
			Usage: "hwclock [functions] [options]", Main: syHwclock},
		{Name: "loadkeys", Dirs: []string{"/bin"}, Summary: "load keyboard translation tables",
			Usage: "loadkeys [-c|--clearcompose] [-d|--default] [-h|--help] [-m|--mktable] [-q|--quiet] [-s|--clearstrings] [-u|--unicode] [-v|--verbose] [filename...]", Main: syLoadkeys},
		{Name: "getkey", Dirs: []string{"/sbin"}, Summary: "wait until a key is pressed",
			Usage: "getkey [-c TIMEOUT] [-i] [-m MESSAGE] [KEYS]", Main: syGetkey},
		{Name: "sulogin", Dirs: []string{"/sbin"}, Summary: "single-user login",
			Usage: "sulogin [-e] [-p] [-t SECONDS] [TTY]", Main: sySulogin},
		{Name: "quotaoff", Dirs: []string{"/sbin"}, Summary: "turn file system quotas off",
			Usage: "quotaoff [-guvp] [-x state] -a | filesystem...", Main: syQuotaoff},
		{Name: "kudzu", Dirs: []string{"/sbin"}, Summary: "detect and configure new and/or changed hardware",
			Usage: "kudzu [-p] [-q] [-s] [-t TIMEOUT] [-c CLASS] [-b BUS]", Main: syKudzu},
		{Name: "microcode_ctl", Dirs: []string{"/sbin"}, Summary: "Intel IA32 CPU microcode utility",
			Usage: "microcode_ctl [-h] [-u] [-Q] [-f microcode] [-d device]", Main: syMicrocode},
		{Name: "lvm.static", Dirs: []string{"/sbin"}, Summary: "LVM2 tools (statically linked)",
			Usage: "lvm.static [command | file]", Main: syLvm, VSZ: 4660, RSS: 2240},
		{Name: "lvm", Dirs: []string{"/usr/sbin"}, Summary: "LVM2 tools",
			Usage: "lvm [command | file]", Main: syLvm},
		{Name: "vgs", Dirs: []string{"/usr/sbin"}, Summary: "report information about volume groups",
			Usage: "vgs [--noheadings] [-o fields] [VolumeGroupName...]", Main: syLvm},
		{Name: "vgchange", Dirs: []string{"/usr/sbin"}, Summary: "change attributes of a volume group",
			Usage: "vgchange [-a y|n] [--monitor y|n] [--ignorelockingfailure] [VolumeGroupName...]", Main: syLvm},
		{Name: "vgscan", Dirs: []string{"/usr/sbin"}, Summary: "scan all disks for volume groups",
			Usage: "vgscan [--mknodes] [--ignorelockingfailure]", Main: syLvm},
		{Name: "lvs", Dirs: []string{"/usr/sbin"}, Summary: "report information about logical volumes",
			Usage: "lvs [--noheadings] [VolumeGroupName...]", Main: syLvm},
		{Name: "pvs", Dirs: []string{"/usr/sbin"}, Summary: "report information about physical volumes",
			Usage: "pvs [--noheadings]", Main: syLvm},
		{Name: "raw", Dirs: []string{"/bin"}, Summary: "bind a Linux raw character device",
			Usage: "raw /dev/raw/rawN <major> <minor>\nraw /dev/raw/rawN /dev/<blockdev>\nraw -q /dev/raw/rawN\nraw -qa", Main: syRaw},
		{Name: "modprobe", Dirs: []string{"/sbin"}, Summary: "high level handling of loadable modules",
			Usage: "modprobe [-v] [-q] [-r] modulename [parameters...]", Main: syModprobe},
		{Name: "rmmod", Dirs: []string{"/sbin"}, Summary: "simple program to remove a module from the Linux Kernel",
			Usage: "rmmod [-fw] modulename...", Main: syRmmod},
		{Name: "lsmod", Dirs: []string{"/sbin"}, Summary: "program to show the status of modules in the Linux Kernel",
			Usage: "lsmod", Main: syLsmod},
		{Name: "sysctl", Dirs: []string{"/sbin"}, Summary: "configure kernel parameters at runtime",
			Usage: "sysctl [-n] [-e] variable ...\nsysctl [-n] [-e] [-q] -w variable=value ...\nsysctl [-n] [-e] -a\nsysctl [-n] [-e] [-q] -p <file>", Main: sySysctl},
		{Name: "dmesg", Dirs: []string{"/bin"}, Summary: "print or control the kernel ring buffer",
			Usage: "dmesg [-c] [-n level] [-s bufsize]", Main: syDmesg},
		{Name: "dd", Dirs: []string{"/bin"}, Summary: "convert and copy a file",
			Usage: "dd [OPERAND]...", Main: syDD},
		{Name: "nice", Dirs: []string{"/bin"}, Summary: "run a program with modified scheduling priority",
			Usage: "nice [OPTION] [COMMAND [ARG]...]", Main: syNice},
		{Name: "nohup", Dirs: []string{"/usr/bin"}, Summary: "run a command immune to hangups, with output to a non-tty",
			Usage: "nohup COMMAND [ARG]...", Main: syNohup},
		{Name: "su", Dirs: []string{"/bin"}, Summary: "run a shell with substitute user and group IDs",
			Usage: "su [OPTION]... [-] [USER [ARG]...]", Main: sySu},
		{Name: "runuser", Dirs: []string{"/sbin"}, Summary: "run a shell with substitute user and group IDs",
			Usage: "runuser [OPTION]... [-] [USER [ARG]...]", Main: sySu},
		{Name: "killall5", Dirs: []string{"/sbin"}, Summary: "send a signal to all processes",
			Usage: "killall5 -signalnumber", Main: syKillall5},
		{Name: "logger", Dirs: []string{"/usr/bin"}, Summary: "a shell command interface to the syslog(3) system log module",
			Usage: "logger [-isd] [-f file] [-p pri] [-t tag] [-u socket] [message ...]", Main: syLogger},
		{Name: "run-parts", Dirs: []string{"/usr/bin"}, Summary: "run the executable files of a directory",
			Usage: "run-parts <dir>", Main: syRunParts},
		{Name: "ssh-keygen", Dirs: []string{"/usr/bin"}, Summary: "authentication key generation, management and conversion",
			Usage: "ssh-keygen [-q] [-b bits] -t type [-N new_passphrase] [-C comment] [-f output_keyfile]\nssh-keygen -l [-f input_keyfile]\nssh-keygen -y [-f input_keyfile]", Main: sySSHKeygen},
		{Name: "exportfs", Dirs: []string{"/usr/sbin"}, Summary: "maintain list of NFS exported file systems",
			Usage: "exportfs [-avi] [-o options,..] [client:/path ..]\nexportfs -r [-v]\nexportfs [-av] -u [client:/path ..]", Main: syExportfs},
		{Name: "named-checkconf", Dirs: []string{"/usr/sbin"}, Summary: "named configuration file syntax checking tool",
			Usage: "named-checkconf [-h] [-j] [-v] [-z] [-t directory] [filename]", Main: syNamedCheckconf},
		{Name: "mysqladmin", Dirs: []string{"/usr/bin"}, Summary: "client for administering a MySQL server",
			Usage: "mysqladmin [OPTIONS] command command....", Main: syMysqladmin},
		{Name: "mysql_install_db", Dirs: []string{"/usr/bin"}, Summary: "initialize MySQL data directory",
			Usage: "mysql_install_db [--datadir=path] [--user=user_name]", Main: syMysqlInstallDB},
		{Name: "iptables", Dirs: []string{"/sbin"}, Summary: "administration tool for IPv4 packet filtering and NAT",
			Usage: "iptables [-t table] -[AD] chain rule-specification [options]\niptables [-t table] -[FLZ] [chain] [options]\niptables [-t table] -[NX] chain\niptables [-t table] -P chain target [options]", Main: syIptables},
		{Name: "iptables-save", Dirs: []string{"/sbin"}, Summary: "Save IP Tables",
			Usage: "iptables-save [-c] [-t table]", Main: syIptablesSave},
		{Name: "iptables-restore", Dirs: []string{"/sbin"}, Summary: "Restore IP Tables",
			Usage: "iptables-restore [-c] [-n] [file]", Main: syIptablesRestore},
		{Name: "procmail", Dirs: []string{"/usr/bin"}, Summary: "autonomous mail processor",
			Usage: "procmail [-ptoY] [-f fromwhom] [-a argument] -d recipient...", Main: syProcmail},
	} {
		Register(c)
	}
}

// ---- helpers of the family ----

// syRead reads a whole file of the machine.
func syRead(p *Proc, name string) ([]byte, error) {
	f, err := p.Sys.FS.Open(p.Abs(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAllInto(nil, f) // one allocation, of the file's size
}

// syWrite replaces (or creates, with perm less the umask) a file.
func syWrite(p *Proc, name string, data []byte, perm fs.FileMode) error {
	f, err := p.userFS().OpenFile(p.Abs(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm&^p.Umask)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syExists reports whether name exists on the machine.
func syExists(p *Proc, name string) bool {
	_, ok := p.Sys.FS.StatMode(p.Abs(name))
	return ok
}

// syIsDir reports whether name is a directory.
func syIsDir(p *Proc, name string) bool {
	mode, ok := p.Sys.FS.StatMode(p.Abs(name))
	return ok && mode.IsDir()
}

// syLines splits text into lines without the final empty one.
func syLines(data []byte) []string {
	s := strings.TrimSuffix(string(data), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// syShellVars reads NAME=value lines of a sysconfig file, as the scripts
// source them (quotes removed).
func syShellVars(p *Proc, name string) (map[string]string, bool) {
	data, err := syRead(p, name)
	if err != nil {
		return nil, false
	}
	vars := map[string]string{}
	for _, line := range syLines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		vars[strings.TrimSpace(k)] = v
	}
	return vars, true
}

// syFindProgram reports whether name can be run: found on PATH (or as a
// path) as an executable file of the machine, or known to the table.
func syFindProgram(p *Proc, name string) bool {
	if strings.Contains(name, "/") {
		mode, ok := p.Sys.FS.StatMode(p.Abs(name))
		return ok && !mode.IsDir() && mode.Perm()&0o111 != 0
	}
	pathVar := p.Getenv("PATH")
	if pathVar == "" {
		pathVar = "/bin:/usr/bin"
	}
	for d := range strings.SplitSeq(pathVar, ":") {
		mode, ok := p.Sys.FS.StatMode(p.Abs(path.Join(d, name)))
		if ok && mode.IsRegular() && mode.Perm()&0o111 != 0 {
			return true
		}
	}
	_, ok := Lookup(name)
	return ok
}

// syCtime formats t as ctime(3) does, without the newline.
func syCtime(t time.Time) string { return t.Format("Mon Jan _2 15:04:05 2006") }

// syRandBytes fills n bytes from the machine's random source.
func syRandBytes(p *Proc, n int) []byte {
	b := make([]byte, n)
	syRandReader{p}.Read(b)
	return b
}

// syRandReader reads the machine's random source, as /dev/urandom.
type syRandReader struct{ p *Proc }

func (r syRandReader) Read(b []byte) (int, error) {
	for i := 0; i < len(b); i += 8 {
		v := r.p.Sys.Rand.Uint64()
		for j := 0; j < 8 && i+j < len(b); j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return len(b), nil
}

// syZeroReader reads zeros, as /dev/zero.
type syZeroReader struct{}

func (syZeroReader) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}

// syUtilLinuxVersion prints util-linux's -V line.
func syUtilLinuxVersion(p *Proc) int {
	p.Printf("%s (util-linux 2.13-pre7)\n", p.Name())
	return 0
}

// ---- mount and umount (util-linux 2.13) ----

// syMountEnt is one line of /etc/mtab or /etc/fstab.
type syMountEnt struct{ dev, dir, typ, opts string }

// syDefaultMtab is the mount table of the running machine when /etc/mtab
// cannot be read.
var syDefaultMtab = []syMountEnt{
	{"/dev/mapper/VolGroup00-LogVol00", "/", "ext3", "rw"},
	{"proc", "/proc", "proc", "rw"},
	{"sysfs", "/sys", "sysfs", "rw"},
	{"devpts", "/dev/pts", "devpts", "rw,gid=5,mode=620"},
	{"/dev/sda1", "/boot", "ext3", "rw"},
	{"tmpfs", "/dev/shm", "tmpfs", "rw"},
	{"none", "/proc/sys/fs/binfmt_misc", "binfmt_misc", "rw"},
}

// syLabels are the file system labels mount -l shows.
var syLabels = map[string]string{"/dev/sda1": "/boot"}

func syReadTab(p *Proc, name string) ([]syMountEnt, error) {
	data, err := syRead(p, name)
	if err != nil {
		return nil, err
	}
	text := string(data)
	out := make([]syMountEnt, 0, strings.Count(text, "\n")+1)
	for line := range strings.SplitSeq(strings.TrimSuffix(text, "\n"), "\n") {
		var f [4]string
		n := 0
		for w := range strings.FieldsSeq(line) {
			if n < len(f) {
				f[n] = w
			}
			n++
		}
		if n < 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		e := syMountEnt{dev: f[0], dir: f[1], typ: f[2], opts: "defaults"}
		if n > 3 {
			e.opts = f[3]
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		out = nil // as before: an empty table is nil
	}
	return out, nil
}

// syMtab is the machine's mount table.
func syMtab(p *Proc) []syMountEnt {
	if t, err := syReadTab(p, "/etc/mtab"); err == nil {
		return t
	}
	return syDefaultMtab
}

// syMatchingType is util-linux's matching_type: types is a comma list,
// negated as a whole by a leading "no".
func syMatchingType(typ, types string) bool {
	if types == "" {
		return true
	}
	no := strings.HasPrefix(types, "no")
	if no {
		types = types[2:]
	}
	for _, t := range strings.Split(types, ",") {
		if t == "no"+typ {
			return false
		}
		if t == typ {
			return !no
		}
	}
	return no
}

// syVirtualFS are the file system types with no device behind them.
var syVirtualFS = map[string]bool{"proc": true, "sysfs": true, "devpts": true, "tmpfs": true,
	"binfmt_misc": true, "rpc_pipefs": true, "usbfs": true, "nfsd": true, "none": true, "debugfs": true, "securityfs": true}

// syCDROMs are the machine's optical drives (always empty).
var syCDROMs = map[string]bool{"/dev/cdrom": true, "/dev/hdc": true, "/dev/scd0": true, "/dev/sr0": true}

const syMountUsage = `Usage: mount -V                 : print version
       mount -h                 : print this help
       mount                    : list mounted filesystems
       mount -l                 : idem, including volume labels
So far the informational part. Next the mounting.
The command is ` + "`mount [-t fstype] something somewhere'" + `.
Details found in /etc/fstab may be omitted.
       mount -a [-t|-O] ...     : mount all stuff from /etc/fstab
       mount device             : mount device at the known place
       mount directory          : mount known device here
       mount -t type dev dir    : ordinary mount command
Note that one does not really mount a device, one mounts
a filesystem (of the given type) found on the device.
One can also mount an already visible directory tree elsewhere:
       mount --bind olddir newdir
or move a subtree:
       mount --move olddir newdir
`

func syMount(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "afFhlnrsvVwt:o:O:L:U:", []LongOpt{
		{Name: "all", Short: 'a'}, {Name: "fake", Short: 'f'}, {Name: "fork", Short: 'F'},
		{Name: "help", Short: 'h'}, {Name: "no-mtab", Short: 'n'}, {Name: "read-only", Short: 'r'},
		{Name: "ro", Short: 'r'}, {Name: "verbose", Short: 'v'}, {Name: "version", Short: 'V'},
		{Name: "read-write", Short: 'w'}, {Name: "rw", Short: 'w'}, {Name: "options", Arg: RequiredArg, Short: 'o'},
		{Name: "test-opts", Arg: RequiredArg, Short: 'O'}, {Name: "types", Arg: RequiredArg, Short: 't'},
		{Name: "bind"}, {Name: "rbind"}, {Name: "move"},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		io.WriteString(p.Stderr, syMountUsage)
		return 1
	}
	var all, labels, bind bool
	var types, options string
	for _, o := range opts {
		switch o.Name {
		case "a":
			all = true
		case "l":
			labels = true
		case "h":
			io.WriteString(p.Stdout, syMountUsage)
			return 0
		case "V":
			return syUtilLinuxVersion(p)
		case "t":
			types = o.Arg
		case "o":
			if options != "" {
				options += ","
			}
			options += o.Arg
		case "bind", "rbind", "move":
			bind = true
		}
	}
	if all {
		// Everything of /etc/fstab is mounted already on this machine.
		return 0
	}
	mtab := syMtab(p)
	if len(ops) == 0 {
		for _, e := range mtab {
			if !syMatchingType(e.typ, types) {
				continue
			}
			line := fmt.Sprintf("%s on %s type %s (%s)", e.dev, e.dir, e.typ, e.opts)
			if l, ok := syLabels[e.dev]; ok && labels {
				line += " [" + l + "]"
			}
			p.Printf("%s\n", line)
		}
		return 0
	}
	remount := false
	for _, o := range strings.Split(options, ",") {
		if o == "remount" {
			remount = true
		}
	}
	mounted := func(name string) (syMountEnt, bool) {
		for _, e := range mtab {
			if e.dir == name || e.dev == name {
				return e, true
			}
		}
		return syMountEnt{}, false
	}
	if remount {
		dir := ops[len(ops)-1]
		if _, ok := mounted(path.Clean(dir)); !ok {
			fmt.Fprintf(p.Stderr, "mount: %s not mounted already, or bad option\n", dir)
			return 32
		}
		return 0
	}
	if len(ops) == 1 {
		name := ops[0]
		fstab, _ := syReadTab(p, "/etc/fstab")
		var found *syMountEnt
		for i := range fstab {
			if fstab[i].dir == name || fstab[i].dev == name {
				found = &fstab[i]
				break
			}
		}
		e, isMounted := mounted(name)
		if found == nil && !isMounted {
			fmt.Fprintf(p.Stderr, "mount: can't find %s in /etc/fstab or /etc/mtab\n", name)
			return 1
		}
		if isMounted && !syVirtualFS[e.typ] {
			fmt.Fprintf(p.Stderr, "mount: %s already mounted or %s busy\n", e.dev, e.dir)
			fmt.Fprintf(p.Stderr, "mount: according to mtab, %s is already mounted on %s\n", e.dev, e.dir)
			return 32
		}
		return 0
	}
	if len(ops) > 2 {
		fmt.Fprintf(p.Stderr, "%s: too many arguments\n", p.Name())
		io.WriteString(p.Stderr, syMountUsage)
		return 1
	}
	dev, dir := ops[0], ops[1]
	if !syIsDir(p, dir) {
		fmt.Fprintf(p.Stderr, "mount: mount point %s does not exist\n", dir)
		return 32
	}
	if bind || syVirtualFS[types] || syVirtualFS[dev] {
		// Bind mounts and the kernel's own file systems: accepted, but
		// the table is not changed.
		if bind && !syExists(p, dev) {
			fmt.Fprintf(p.Stderr, "mount: special device %s does not exist\n", dev)
			return 32
		}
		return 0
	}
	if !syExists(p, dev) {
		fmt.Fprintf(p.Stderr, "mount: special device %s does not exist\n", dev)
		return 32
	}
	if e, ok := mounted(dev); ok {
		fmt.Fprintf(p.Stderr, "mount: %s already mounted or %s busy\n", dev, dir)
		fmt.Fprintf(p.Stderr, "mount: according to mtab, %s is already mounted on %s\n", dev, e.dir)
		return 32
	}
	if syCDROMs[dev] {
		io.WriteString(p.Stderr, "mount: No medium found\n")
		return 32
	}
	if types == "" {
		io.WriteString(p.Stderr, "mount: you must specify the filesystem type\n")
		return 32
	}
	fmt.Fprintf(p.Stderr, "mount: wrong fs type, bad option, bad superblock on %s,\n"+
		"       missing codepage or other error\n"+
		"       In some cases useful info is found in syslog - try\n"+
		"       dmesg | tail  or so\n\n", dev)
	return 32
}

const syUmountUsage = "Usage: umount [-hV]\n" +
	"       umount -a [-f] [-r] [-n] [-v] [-t vfstypes] [-O opts]\n" +
	"       umount [-f] [-r] [-n] [-v] special | node...\n"

func syUmount(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "adfhlnrvVt:O:", []LongOpt{
		{Name: "all", Short: 'a'}, {Name: "force", Short: 'f'}, {Name: "help", Short: 'h'},
		{Name: "no-mtab", Short: 'n'}, {Name: "read-only", Short: 'r'}, {Name: "verbose", Short: 'v'},
		{Name: "version", Short: 'V'}, {Name: "types", Arg: RequiredArg, Short: 't'},
		{Name: "test-opts", Arg: RequiredArg, Short: 'O'}, {Name: "lazy", Short: 'l'},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		io.WriteString(p.Stderr, syUmountUsage)
		return 2
	}
	for _, o := range opts {
		switch o.Name {
		case "a":
			return 0
		case "h":
			io.WriteString(p.Stdout, syUmountUsage)
			return 0
		case "V":
			return syUtilLinuxVersion(p)
		}
	}
	if len(ops) == 0 {
		io.WriteString(p.Stderr, syUmountUsage)
		return 2
	}
	status := 0
	mtab := syMtab(p)
	for _, name := range ops {
		clean := name
		if strings.HasPrefix(name, "/") {
			clean = path.Clean(name)
		}
		found := false
		for _, e := range mtab {
			if e.dir == clean || e.dev == name {
				found = true
				if e.dir == "/" {
					fmt.Fprintf(p.Stderr, "umount: %s: device is busy\n", name)
					fmt.Fprintf(p.Stderr, "umount: %s: device is busy\n", name)
					status = 1
				}
				break
			}
		}
		switch {
		case found:
		case syExists(p, name):
			fmt.Fprintf(p.Stderr, "umount: %s: not mounted\n", name)
			status = 1
		default:
			fmt.Fprintf(p.Stderr, "umount: %s: not found\n", name)
			status = 1
		}
	}
	return status
}

// ---- swapon, swapoff ----

// sySwaps are the machine's swap areas: the devices that name them and
// the line of /proc/swaps.
var sySwapNames = map[string]bool{"/dev/VolGroup00/LogVol01": true, "/dev/mapper/VolGroup00-LogVol01": true, "/dev/dm-1": true}

const sySwapTable = "Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n" +
	"/dev/mapper/VolGroup00-LogVol01         partition\t1048568\t0\t-1\n"

func sySwapon(p *Proc) int {
	off := p.Name() == "swapoff"
	short := "ahsvVep:"
	if off {
		short = "ahvV"
	}
	opts, ops, err := Getopt(p.Args[1:], short, []LongOpt{
		{Name: "all", Short: 'a'}, {Name: "help", Short: 'h'}, {Name: "summary", Short: 's'},
		{Name: "verbose", Short: 'v'}, {Name: "version", Short: 'V'}, {Name: "ifexists", Short: 'e'},
		{Name: "priority", Arg: RequiredArg, Short: 'p'},
	})
	usage := func(w io.Writer, st int) int {
		n := p.Name()
		if off {
			fmt.Fprintf(w, "usage: %s [-hV]\n       %s -a [-v]\n       %s [-v] special|LABEL=volume_name ...\n", n, n, n)
		} else {
			fmt.Fprintf(w, "usage: %s [-hV]\n       %s -a [-e] [-v]\n       %s [-v] [-p priority] special|LABEL=volume_name ...\n       %s [-s]\n", n, n, n, n)
		}
		return st
	}
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return usage(p.Stderr, 2)
	}
	all := false
	for _, o := range opts {
		switch o.Name {
		case "a":
			all = true
		case "h":
			return usage(p.Stdout, 0)
		case "V":
			return syUtilLinuxVersion(p)
		case "s":
			io.WriteString(p.Stdout, sySwapTable)
			return 0
		}
	}
	if all {
		return 0
	}
	if len(ops) == 0 {
		return usage(p.Stderr, 2)
	}
	status := 0
	for _, name := range ops {
		switch {
		case sySwapNames[name] && off:
		case sySwapNames[name]:
			fmt.Fprintf(p.Stderr, "%s: %s: %s\n", p.Name(), name, Strerror(syscall.EBUSY))
			status = 255
		case !syExists(p, name):
			fmt.Fprintf(p.Stderr, "%s: %s: %s\n", p.Name(), name, Strerror(syscall.ENOENT))
			status = 255
		default:
			fmt.Fprintf(p.Stderr, "%s: %s: %s\n", p.Name(), name, Strerror(syscall.EINVAL))
			status = 255
		}
	}
	return status
}

// ---- fsck (e2fsprogs 1.39) ----

// syFsckDevs are the checkable file systems: device names to what e2fsck
// calls them, and the counts it reports.
var syFsckDevs = map[string]string{
	"/dev/VolGroup00/LogVol00": "/dev/VolGroup00/LogVol00", "/dev/mapper/VolGroup00-LogVol00": "/dev/mapper/VolGroup00-LogVol00",
	"/": "/dev/VolGroup00/LogVol00", "/dev/sda1": "/dev/sda1", "/boot": "/dev/sda1", "LABEL=/boot": "/dev/sda1",
}

func syFsck(p *Proc) int {
	all, title := false, true
	var devs []string
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
		case a == "-t":
			i++ // the types
		case strings.HasPrefix(a, "-t"):
		case a == "-C":
			if i+1 < len(args) && syDigits(args[i+1]) {
				i++
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			if strings.ContainsRune(a[1:], 'A') {
				all = true
			}
			if strings.ContainsRune(a[1:], 'T') {
				title = false
			}
		default:
			devs = append(devs, a)
		}
	}
	if all || len(devs) == 0 {
		// The file systems of /etc/fstab are clean; e2fsck says so for
		// each, as the boot console shows.
		if all {
			fmt.Fprintln(p.Stdout, "/dev/VolGroup00/LogVol00: clean, 34565/1968128 files, 343228/1966080 blocks")
			fmt.Fprintln(p.Stdout, "/dev/sda1: clean, 34/26104 files, 15567/104388 blocks")
		}
		return 0
	}
	if title {
		io.WriteString(p.Stdout, "fsck 1.39 (29-May-2006)\n")
	}
	status := 0
	for _, d := range devs {
		dev, ok := syFsckDevs[d]
		if !ok {
			if !syExists(p, d) {
				fmt.Fprintf(p.Stdout, "fsck.ext2: No such file or directory while trying to open %s\n", d)
				io.WriteString(p.Stdout, "\nThe superblock could not be read or does not describe a correct ext2\n"+
					"filesystem.  If the device is valid and it really contains an ext2\n"+
					"filesystem (and not swap or ufs or something else), then the superblock\n"+
					"is corrupt, and you might try running e2fsck with an alternate superblock:\n"+
					"    e2fsck -b 8193 <device>\n\n")
				status |= 8
				continue
			}
			fmt.Fprintf(p.Stdout, "fsck.ext2: Bad magic number in super-block while trying to open %s\n", d)
			status |= 8
			continue
		}
		fmt.Fprintf(p.Stdout, "e2fsck 1.39 (29-May-2006)\n%s is mounted.  \n\n", dev)
		io.WriteString(p.Stdout, "e2fsck: Cannot continue, aborting.\n\n\n")
		status |= 8
	}
	return status
}

func syDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ---- hwclock, loadkeys, getkey, sulogin, quotaoff, kudzu, microcode_ctl ----

func syHwclock(p *Proc) int {
	show := true
	for _, a := range p.Args[1:] {
		switch a {
		case "--hctosys", "-s", "--systohc", "-w", "--adjust", "-a", "--set", "--getepoch", "--setepoch":
			show = false
		case "--show", "-r":
			show = true
		case "--version", "-v", "-V":
			p.Printf("hwclock from util-linux-2.13-pre7\n")
			return 0
		case "--help", "-h":
			p.Printf("hwclock - query and set the hardware clock (RTC)\n\nUsage: hwclock [function] [options...]\n\n" +
				"Functions:\n  --help        show this help\n  --show        read hardware clock and print result\n" +
				"  --set         set the rtc to the time given with --date\n  --hctosys     set the system time from the hardware clock\n" +
				"  --systohc     set the hardware clock to the current system time\n  --adjust      adjust the rtc to account for systematic drift since\n" +
				"                the clock was last set or adjusted\n  --version     print out the version of hwclock to stdout\n\n" +
				"Options: \n  --utc         the hardware clock is kept in coordinated universal time\n" +
				"  --localtime   the hardware clock is kept in local time\n  --date        specifies the time to which to set the hardware clock\n")
			return 0
		}
	}
	if show {
		p.Printf("%s  -0.000000 seconds\n", p.Sys.Clock.Now().UTC().Format("Mon 02 Jan 2006 03:04:05 PM MST"))
	}
	return 0
}

// syKeymaps are the keymaps kbd ships that people ask for.
var syKeymaps = map[string]bool{"us": true, "uk": true, "de": true, "de-latin1": true, "de-latin1-nodeadkeys": true,
	"fr": true, "fr-latin1": true, "es": true, "it": true, "jp106": true, "dvorak": true, "sv-latin1": true,
	"no": true, "dk": true, "fi": true, "pl": true, "pt-latin1": true, "br-abnt2": true, "ru": true, "cz": true,
	"hu": true, "be-latin1": true, "ch-fr": true, "ch-de": true, "defkeymap": true}

func syLoadkeys(p *Proc) int {
	for _, a := range p.Args[1:] {
		if strings.HasPrefix(a, "-") {
			if a == "-h" || a == "--help" {
				p.Printf("loadkeys version 1.12\n\nUsage: loadkeys [option...] [mapfile...]\n")
				return 0
			}
			continue
		}
		name := strings.TrimSuffix(strings.TrimSuffix(a, ".gz"), ".map")
		if !syKeymaps[name] && !syExists(p, a) {
			fmt.Fprintf(p.Stderr, "cannot open file %s\n", a)
			return 1
		}
	}
	return 0
}

// syGetkey never sees a key: nobody presses one during the boot.
func syGetkey(p *Proc) int { return 1 }

func sySulogin(p *Proc) int {
	// The simulator handles single-user mode itself; this only shows the
	// prompt, as after a failed fsck, and takes Control-D.
	io.WriteString(p.Stdout, "Give root password for maintenance\n(or type Control-D to continue): \n")
	return 0
}

func syQuotaoff(p *Proc) int {
	all, fsys := false, false
	for _, a := range p.Args[1:] {
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") {
			if strings.Contains(a, "a") {
				all = true
			}
			continue
		}
		fsys = true
	}
	if !all && !fsys {
		io.WriteString(p.Stderr, "quotaoff: Bad number of arguments.\n"+
			"quotaoff: Usage:\n\tquotaoff [-guvp] [-x state] -a\n\tquotaoff [-guvp] [-x state] filesys ...\n")
		return 1
	}
	return 0
}

func syKudzu(p *Proc) int { return 0 }

func syMicrocode(p *Proc) int {
	io.WriteString(p.Stderr, "microcode_ctl: cannot open /dev/cpu/microcode for writing errno=2 (No such file or directory)\n")
	return 1
}

// ---- LVM2 (lvm2 2.02.88) ----

// syLvmCols renders an lvm2 report: two leading spaces, columns padded to
// their widest cell, right-aligned where numeric (headings always left).
func syLvmCols(w io.Writer, heads []string, right []bool, rows [][]string, noHead bool, sep string) {
	widths := make([]int, len(heads))
	for i, h := range heads {
		widths[i] = len(h)
		if strings.HasSuffix(h, "%") {
			widths[i] = 6 // percentages: "100.00"
		}
		if noHead {
			widths[i] = 0
		}
		for _, r := range rows {
			widths[i] = max(widths[i], len(r[i]))
		}
	}
	line := func(cells []string, heading bool) {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range cells {
			if i > 0 {
				b.WriteString(sep)
			}
			if sep != " " {
				b.WriteString(c)
				continue
			}
			if right[i] && !heading {
				fmt.Fprintf(&b, "%*s", widths[i], c)
			} else {
				fmt.Fprintf(&b, "%-*s", widths[i], c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	if !noHead {
		line(heads, true)
	}
	for _, r := range rows {
		line(r, false)
	}
}

// syVGFields are the fields vgs reports: header, right-aligned, value.
var syVGFields = map[string]struct {
	head  string
	right bool
	val   string
}{
	"vg_name": {"VG", false, "VolGroup00"}, "pv_count": {"#PV", true, "1"}, "lv_count": {"#LV", true, "2"},
	"snap_count": {"#SN", true, "0"}, "vg_attr": {"Attr", false, "wz--n-"}, "vg_size": {"VSize", true, "8.69g"},
	"vg_free": {"VFree", true, "0"}, "vg_extent_size": {"Ext", true, "32.00m"}, "vg_extent_count": {"#Ext", true, "278"},
	"vg_free_count": {"Free", true, "0"}, "vg_uuid": {"VG UUID", false, "kN2Zd8-1y5Q-Tb0e-dLsD-H3Yc-x3rR-5sH7aG"},
}

func syLvm(p *Proc) int {
	args := p.Args[1:]
	cmd := p.Name()
	if cmd == "lvm.static" || cmd == "lvm" {
		if len(args) == 0 {
			args = []string{"help"}
		}
		cmd, args = args[0], args[1:]
	}
	var noHead, monitorSet, activateSet bool
	var fields, activate, monitor, sep string
	sep = " "
	var vgs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		next := func() string {
			if v, ok := strings.CutPrefix(a, "--"); ok && strings.Contains(v, "=") {
				_, val, _ := strings.Cut(v, "=")
				return val
			}
			if len(a) > 2 && a[1] != '-' {
				return a[2:]
			}
			if i+1 < len(args) {
				i++
				return args[i]
			}
			return ""
		}
		switch {
		case a == "--noheadings":
			noHead = true
		case a == "-o" || strings.HasPrefix(a, "--options") || (strings.HasPrefix(a, "-o") && len(a) > 2):
			fields = next()
		case a == "-a" || strings.HasPrefix(a, "--available") || (strings.HasPrefix(a, "-a") && len(a) > 2 && a[1] != '-'):
			activate, activateSet = next(), true
		case strings.HasPrefix(a, "--monitor"):
			monitor, monitorSet = next(), true
		case strings.HasPrefix(a, "--separator"):
			sep = next()
		case a == "--version":
			cmd = "version"
		case strings.HasPrefix(a, "-"):
			// --mknodes, --ignorelockingfailure, -v...: nothing to do.
		default:
			vgs = append(vgs, a)
		}
	}
	for _, vg := range vgs {
		if vg != "VolGroup00" && cmd != "help" {
			fmt.Fprintf(p.Stderr, "  Volume group \"%s\" not found\n", vg)
			return 5
		}
	}
	switch cmd {
	case "help":
		io.WriteString(p.Stdout, "  Available lvm commands:\n  Use 'lvm help <command>' for more information\n   \n"+
			"  lvs             Display information about logical volumes\n"+
			"  pvs             Display information about physical volumes\n"+
			"  version         Display software and driver version information\n"+
			"  vgchange        Change volume group attributes\n"+
			"  vgs             Display information about volume groups\n"+
			"  vgscan          Search for all volume groups\n\n")
		return 0
	case "version":
		io.WriteString(p.Stdout, "  LVM version:     2.02.88(2)-RHEL5 (2014-04-30)\n  Library version: 1.02.67-RHEL5 (2014-04-30)\n  Driver version:  4.11.6\n")
		return 0
	case "vgscan":
		io.WriteString(p.Stdout, "  Reading all physical volumes.  This may take a while...\n"+
			"  Found volume group \"VolGroup00\" using metadata type lvm2\n")
		return 0
	case "vgchange":
		switch {
		case activateSet:
			switch activate {
			case "y", "ay", "e", "ey", "l", "ly":
				io.WriteString(p.Stdout, "  2 logical volume(s) in volume group \"VolGroup00\" now active\n")
				return 0
			case "n", "an", "en", "ln":
				io.WriteString(p.Stderr, "  Can't deactivate volume group \"VolGroup00\" with 2 open logical volume(s)\n")
				return 5
			}
			fmt.Fprintf(p.Stderr, "  Invalid argument %s\n", activate)
			return 3
		case monitorSet:
			un := ""
			if monitor == "n" {
				un = "un"
			}
			fmt.Fprintf(p.Stdout, "  2 logical volume(s) in volume group \"VolGroup00\" %smonitored\n", un)
			return 0
		}
		io.WriteString(p.Stderr, "  Need 1 or more of -a, -c, -l, -p, -s or -x\n  Run `vgchange --help' for more information.\n")
		return 3
	case "vgs":
		names := []string{"vg_name", "pv_count", "lv_count", "snap_count", "vg_attr", "vg_size", "vg_free"}
		if fields != "" {
			names = nil
			for _, f := range strings.Split(fields, ",") {
				f = strings.TrimSpace(f)
				switch f {
				case "name", "attr", "size", "free", "uuid", "extent_size", "extent_count", "free_count":
					f = "vg_" + f
				}
				if _, ok := syVGFields[f]; !ok {
					fmt.Fprintf(p.Stderr, "  Unrecognised field: %s\n", f)
					return 3
				}
				names = append(names, f)
			}
		}
		var heads, row []string
		var right []bool
		for _, n := range names {
			f := syVGFields[n]
			heads, right, row = append(heads, f.head), append(right, f.right), append(row, f.val)
		}
		syLvmCols(p.Stdout, heads, right, [][]string{row}, noHead, sep)
		return 0
	case "lvs":
		syLvmCols(p.Stdout, []string{"LV", "VG", "Attr", "LSize", "Origin", "Snap%", "Move", "Log", "Copy%", "Convert"},
			[]bool{false, false, false, true, false, true, false, false, true, false},
			[][]string{{"LogVol00", "VolGroup00", "-wi-ao", "7.69g", "", "", "", "", "", ""},
				{"LogVol01", "VolGroup00", "-wi-ao", "1.00g", "", "", "", "", "", ""}}, noHead, sep)
		return 0
	case "pvs":
		syLvmCols(p.Stdout, []string{"PV", "VG", "Fmt", "Attr", "PSize", "PFree"},
			[]bool{false, false, false, false, true, true},
			[][]string{{"/dev/sda2", "VolGroup00", "lvm2", "a-", "8.69g", "0"}}, noHead, sep)
		return 0
	}
	fmt.Fprintf(p.Stderr, "  No such command '%s'.  Try 'help'.\n", cmd)
	return 3
}

// ---- raw ----

// syBlockDevs are the machine's block devices and their numbers.
var syBlockDevs = map[string][2]int{
	"/dev/sda": {8, 0}, "/dev/sda1": {8, 1}, "/dev/sda2": {8, 2}, "/dev/hdc": {22, 0},
	"/dev/dm-0": {253, 0}, "/dev/dm-1": {253, 1},
	"/dev/mapper/VolGroup00-LogVol00": {253, 0}, "/dev/mapper/VolGroup00-LogVol01": {253, 1},
	"/dev/VolGroup00/LogVol00": {253, 0}, "/dev/VolGroup00/LogVol01": {253, 1},
}

func syRaw(p *Proc) int {
	usage := func() int {
		fmt.Fprintf(p.Stderr, "Usage:\n  %[1]s /dev/raw/rawN <major> <minor>\n  %[1]s /dev/raw/rawN /dev/<blockdev>\n  %[1]s -q /dev/raw/rawN\n  %[1]s -qa\n", p.Name())
		return 2
	}
	args := p.Args[1:]
	query, all := false, false
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		for _, c := range args[0][1:] {
			switch c {
			case 'q':
				query = true
			case 'a':
				all = true
			case 'h':
				return usage()
			default:
				return usage()
			}
		}
		args = args[1:]
	}
	if all {
		// No raw device is bound on this machine.
		return 0
	}
	if len(args) == 0 {
		return usage()
	}
	raw := args[0]
	n, ok := strings.CutPrefix(raw, "/dev/raw/raw")
	if !ok || !syDigits(n) {
		fmt.Fprintf(p.Stderr, "Raw device '%s' does not exist\n", raw)
		return 2
	}
	if query {
		fmt.Fprintf(p.Stdout, "%s:\tbound to major 0, minor 0\n", raw)
		return 0
	}
	var major, minor int
	switch len(args) {
	case 2:
		nums, ok := syBlockDevs[args[1]]
		if !ok {
			fmt.Fprintf(p.Stderr, "Cannot locate block device '%s' (%s)\n", args[1], Strerror(syscall.ENOENT))
			return 2
		}
		major, minor = nums[0], nums[1]
	case 3:
		var e1, e2 error
		major, e1 = strconv.Atoi(args[1])
		minor, e2 = strconv.Atoi(args[2])
		if e1 != nil || e2 != nil {
			return usage()
		}
	default:
		return usage()
	}
	fmt.Fprintf(p.Stdout, "%s:\tbound to major %d, minor %d\n", raw, major, minor)
	return 0
}

// ---- modprobe, rmmod, lsmod (module-init-tools 3.3) ----

// syModules is /proc/modules of the machine, newest first: name, size,
// use count and users.
var syModules = []struct {
	name  string
	size  int
	count int
	users string
}{
	{"autofs4", 24261, 2, ""}, {"hidp", 23105, 2, ""}, {"rfcomm", 42457, 0, ""},
	{"l2cap", 29505, 10, "hidp,rfcomm"}, {"bluetooth", 53925, 5, "hidp,rfcomm,l2cap"},
	{"lockd", 63081, 1, ""}, {"sunrpc", 145341, 4, "lockd"},
	{"ip_conntrack_netbios_ns", 6977, 0, ""}, {"ipt_REJECT", 9665, 1, ""}, {"xt_state", 6209, 1, ""},
	{"ip_conntrack", 52197, 2, "ip_conntrack_netbios_ns,xt_state"}, {"nfnetlink", 10713, 1, "ip_conntrack"},
	{"iptable_filter", 7105, 1, ""}, {"ip_tables", 17029, 1, "iptable_filter"},
	{"xt_tcpudp", 7105, 2, ""}, {"x_tables", 17349, 4, "ipt_REJECT,xt_state,ip_tables,xt_tcpudp"},
	{"dm_mirror", 24393, 0, ""}, {"dm_multipath", 27213, 0, ""}, {"scsi_dh", 12481, 1, "dm_multipath"},
	{"video", 21193, 0, ""}, {"backlight", 10049, 1, "video"}, {"button", 10705, 0, ""},
	{"battery", 13637, 0, ""}, {"ac", 9157, 0, ""}, {"lp", 15849, 0, ""},
	{"snd_intel8x0", 35421, 0, ""}, {"snd_ac97_codec", 93025, 1, "snd_intel8x0"},
	{"ac97_bus", 6337, 1, "snd_ac97_codec"}, {"snd_pcm", 72517, 2, "snd_intel8x0,snd_ac97_codec"},
	{"snd_timer", 24517, 1, "snd_pcm"}, {"snd", 55877, 4, "snd_intel8x0,snd_ac97_codec,snd_pcm,snd_timer"},
	{"soundcore", 11553, 1, "snd"}, {"snd_page_alloc", 14281, 2, "snd_intel8x0,snd_pcm"},
	{"e1000", 119381, 0, ""}, {"parport_pc", 29157, 1, ""}, {"parport", 37513, 2, "lp,parport_pc"},
	{"i2c_piix4", 12237, 0, ""}, {"i2c_core", 23745, 1, "i2c_piix4"}, {"pcspkr", 7105, 0, ""},
	{"floppy", 57125, 0, ""}, {"dm_raid45", 67273, 0, ""}, {"dm_message", 6977, 1, "dm_raid45"},
	{"dm_region_hash", 15681, 2, "dm_mirror,dm_raid45"}, {"dm_log", 14785, 3, "dm_mirror,dm_raid45,dm_region_hash"},
	{"dm_mod", 63993, 4, "dm_mirror,dm_multipath,dm_raid45,dm_log"}, {"dm_mem_cache", 9537, 1, "dm_raid45"},
	{"ata_piix", 22341, 0, ""}, {"libata", 143997, 1, "ata_piix"}, {"sd_mod", 25409, 3, ""},
	{"scsi_mod", 141653, 3, "scsi_dh,libata,sd_mod"}, {"ext3", 124105, 2, ""}, {"jbd", 57065, 1, "ext3"},
	{"uhci_hcd", 25421, 0, ""}, {"ohci_hcd", 23757, 0, ""}, {"ehci_hcd", 33357, 0, ""},
}

// syKnownModules are modules of the 2.6.18-398.el5 kernel that can be
// loaded besides those already in the list.
var syKnownModules = map[string]bool{
	"netconsole": true, "ipv6": true, "loop": true, "usb_storage": true, "vfat": true, "fat": true,
	"nfs": true, "nfsd": true, "exportfs": true, "nfs_acl": true, "bonding": true, "8021q": true, "tun": true, "bridge": true,
	"ext2": true, "iptable_nat": true, "iptable_mangle": true, "iptable_raw": true, "ip_nat": true,
	"ip_nat_ftp": true, "ip_conntrack_ftp": true, "ipt_MASQUERADE": true, "ipt_LOG": true, "ipt_REDIRECT": true,
	"xt_limit": true, "xt_multiport": true, "xt_mac": true, "xt_comment": true, "ip6_tables": true, "ip6table_filter": true,
	"ip6t_REJECT": true, "iscsi_tcp": true, "cifs": true, "isofs": true, "udf": true, "cdrom": true, "sr_mod": true,
	"sg": true, "md_mod": true, "raid1": true, "raid0": true, "raid456": true, "xfrm_nalgo": true, "crypto_api": true,
	"cpufreq_ondemand": true, "acpi_cpufreq": true, "microcode": true, "binfmt_misc": true, "rtc": true,
	"nls_utf8": true, "autofs": true, "snd_seq": true, "snd_mixer_oss": true, "snd_pcm_oss": true,
	// modprobe.conf aliases
	"eth0": true, "scsi_hostadapter": true, "snd_card_0": true,
}

// syModName normalizes a module name: dashes and underscores are the same.
func syModName(n string) string { return strings.ReplaceAll(n, "-", "_") }

func syModuleKnown(n string) bool {
	n = syModName(n)
	if syKnownModules[n] {
		return true
	}
	for _, m := range syModules {
		if m.name == n {
			return true
		}
	}
	return false
}

func syModprobe(p *Proc) int {
	var remove, quiet, list, all bool
	var mods []string
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-r" || a == "--remove":
			remove = true
		case a == "-q" || a == "--quiet":
			quiet = true
		case a == "-l" || a == "--list":
			list = true
		case a == "-a" || a == "--all":
			all = true
		case a == "-V" || a == "--version":
			p.Printf("module-init-tools version 3.3-pre3\n")
			return 0
		case a == "-C" || a == "--config" || a == "-o" || a == "-t":
			i++
		case strings.HasPrefix(a, "-"):
			// -v, -n, -s, -i, --ignore-remove, --first-time...
		default:
			mods = append(mods, a)
			if !remove && !all {
				// The rest are module parameters.
				i = len(args)
			}
		}
	}
	if list {
		for _, m := range syModules {
			p.Printf("/lib/modules/2.6.18-398.el5/kernel/%s.ko\n", m.name)
		}
		return 0
	}
	if len(mods) == 0 {
		io.WriteString(p.Stderr, "Usage: modprobe [-v] [-V] [-C config-file] [-n] [-i] [-q] [-b] [-o <modname>] [ --dump-modversions ] <modname> [parameters...]\n"+
			"modprobe -r [-n] [-i] [-v] <modulename> ...\nmodprobe -l -t <dirname> [ -a <modulename> ...]\n")
		return 1
	}
	status := 0
	for _, m := range mods {
		if !syModuleKnown(m) {
			if !quiet {
				fmt.Fprintf(p.Stderr, "FATAL: Module %s not found.\n", syModName(m))
			}
			status = 1
		}
	}
	return status
}

func syRmmod(p *Proc) int {
	var mods []string
	for _, a := range p.Args[1:] {
		switch {
		case a == "-V" || a == "--version":
			p.Printf("module-init-tools version 3.3-pre3\n")
			return 0
		case strings.HasPrefix(a, "-"):
		default:
			mods = append(mods, a)
		}
	}
	if len(mods) == 0 {
		io.WriteString(p.Stderr, "Usage: rmmod [-fhswvV] modulename ...\n -f (or --force) forces a module unload, and may\n"+
			"    crash your machine.  This requires the Forced Module Removal\n    option when the kernel was compiled.\n"+
			" -h (or --help) prints this help text\n -s (or --syslog) says use syslog, not stderr\n"+
			" -v (or --verbose) enables more messages\n -V (or --version) prints the version code\n"+
			" -w (or --wait) begins a module removal even if it is used\n    and will stop new users from accessing the module (so it\n"+
			"    should eventually fall to zero).\n")
		return 1
	}
	status := 0
	for _, m := range mods {
		n := syModName(strings.TrimSuffix(path.Base(m), ".ko"))
		found := false
		for _, e := range syModules {
			if e.name != n {
				continue
			}
			found = true
			switch {
			case e.users != "":
				fmt.Fprintf(p.Stderr, "ERROR: Module %s is in use by %s\n", n, e.users)
				status = 1
			case e.count > 0:
				fmt.Fprintf(p.Stderr, "ERROR: Module %s is in use\n", n)
				status = 1
			}
		}
		if !found {
			fmt.Fprintf(p.Stderr, "ERROR: Module %s does not exist in /proc/modules\n", n)
			status = 1
		}
	}
	return status
}

func syLsmod(p *Proc) int {
	var b strings.Builder
	b.WriteString("Module                  Size  Used by\n")
	for _, m := range syModules {
		fmt.Fprintf(&b, "%-19s %8d  %d %s\n", m.name, m.size, m.count, m.users)
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

// ---- sysctl (procps 3.2.7) ----

// sySysctlDefaults are the kernel's parameters as sysctl -a lists them
// (the values the kernel starts with; /etc/sysctl.conf overrides).
var sySysctlDefaults = []struct{ key, val string }{
	{"sunrpc.tcp_slot_table_entries", "16"}, {"sunrpc.udp_slot_table_entries", "16"},
	{"net.ipv4.conf.eth0.rp_filter", "1"}, {"net.ipv4.conf.eth0.accept_source_route", "0"},
	{"net.ipv4.conf.eth0.forwarding", "0"}, {"net.ipv4.conf.lo.rp_filter", "0"},
	{"net.ipv4.conf.lo.accept_source_route", "1"}, {"net.ipv4.conf.lo.forwarding", "0"},
	{"net.ipv4.conf.default.rp_filter", "0"}, {"net.ipv4.conf.default.accept_source_route", "1"},
	{"net.ipv4.conf.default.forwarding", "0"}, {"net.ipv4.conf.all.rp_filter", "0"},
	{"net.ipv4.conf.all.accept_source_route", "0"}, {"net.ipv4.conf.all.forwarding", "0"},
	{"net.ipv4.ip_local_port_range", "32768\t61000"}, {"net.ipv4.tcp_syncookies", "0"},
	{"net.ipv4.tcp_fin_timeout", "60"}, {"net.ipv4.tcp_keepalive_time", "7200"},
	{"net.ipv4.tcp_max_syn_backlog", "1024"}, {"net.ipv4.icmp_echo_ignore_broadcasts", "1"},
	{"net.ipv4.icmp_echo_ignore_all", "0"}, {"net.ipv4.ip_default_ttl", "64"},
	{"net.ipv4.ip_forward", "0"}, {"net.core.somaxconn", "128"},
	{"net.core.rmem_max", "131071"}, {"net.core.wmem_max", "131071"},
	{"vm.swappiness", "60"}, {"vm.overcommit_memory", "0"}, {"vm.overcommit_ratio", "50"},
	{"vm.dirty_ratio", "40"}, {"vm.dirty_background_ratio", "10"}, {"vm.min_free_kbytes", "1819"},
	{"vm.drop_caches", "0"},
	{"kernel.ostype", "Linux"}, {"kernel.osrelease", ""}, {"kernel.version", "#1 SMP Fri Sep 26 21:48:13 EDT 2014"},
	{"kernel.hostname", ""}, {"kernel.domainname", "(none)"}, {"kernel.panic", "0"},
	{"kernel.core_uses_pid", "0"}, {"kernel.core_pattern", "core"}, {"kernel.ctrl-alt-del", "0"},
	{"kernel.printk", "6\t4\t1\t7"}, {"kernel.sysrq", "1"}, {"kernel.pid_max", "32768"},
	{"kernel.threads-max", "8063"}, {"kernel.msgmax", "8192"}, {"kernel.msgmnb", "16384"},
	{"kernel.msgmni", "16"}, {"kernel.sem", "250\t32000\t32\t128"}, {"kernel.shmall", "2097152"},
	{"kernel.shmmax", "33554432"}, {"kernel.shmmni", "4096"}, {"kernel.random.poolsize", "4096"},
	{"fs.file-max", "50549"}, {"fs.file-nr", "960\t0\t50549"}, {"fs.inode-nr", "17436\t115"},
	{"fs.aio-max-nr", "65536"}, {"dev.cdrom.autoclose", "1"}, {"dev.cdrom.autoeject", "0"},
}

// sySysctlProc is the /proc/sys file of a key.
func sySysctlProc(key string) string {
	if f, ok := sySysctlPaths[key]; ok {
		return f
	}
	return "/proc/sys/" + strings.ReplaceAll(key, ".", "/")
}

// sySysctlPaths are the /proc/sys files of the known keys, made once:
// sysctl looks every one up each time it runs.
var sySysctlPaths = func() map[string]string {
	m := make(map[string]string, len(sySysctlDefaults))
	for _, d := range sySysctlDefaults {
		m[d.key] = "/proc/sys/" + strings.ReplaceAll(d.key, ".", "/")
	}
	return m
}()

// sySysctlValues is the current value of every parameter: the kernel's
// defaults with /etc/sysctl.conf applied (the boot ran sysctl -p), and a
// /proc/sys file of the machine when one exists.
func sySysctlValues(p *Proc) map[string]string {
	vals := make(map[string]string, len(sySysctlDefaults))
	for _, d := range sySysctlDefaults {
		vals[d.key] = d.val
	}
	vals["kernel.osrelease"] = p.Sys.Info().Kernel
	vals["kernel.hostname"] = p.Sys.Hostname()
	if data, err := syRead(p, "/etc/sysctl.conf"); err == nil {
		for _, line := range syLines(data) {
			k, v, ok := sySysctlLine(line)
			if ok {
				if _, known := vals[k]; known {
					vals[k] = v
				}
			}
		}
	}
	buf := getIOBuf()
	defer putIOBuf(buf)
	for k := range vals {
		name := p.Abs(sySysctlProc(k))
		if _, ok := p.Sys.FS.StatMode(name); !ok {
			continue // a machine without the file (it is not opened)
		}
		f, err := p.Sys.FS.Open(name)
		if err != nil {
			continue
		}
		data, err := readAllInto(*buf, f)
		f.Close()
		if err == nil {
			vals[k] = string(bytes.TrimRight(data, "\n"))
		}
	}
	return vals
}

// sySysctlLine parses "key = value" of sysctl.conf.
func sySysctlLine(line string) (string, string, bool) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' || line[0] == ';' {
		return "", "", false
	}
	k, v, ok := strings.Cut(line, "=")
	if !ok {
		return "", "", false
	}
	k = strings.ReplaceAll(strings.TrimSpace(k), "/", ".")
	return k, sySysctlValue(v), true
}

// sySysctlValue is a value as sysctl writes it: its words joined by tabs.
func sySysctlValue(v string) string {
	v = strings.TrimSpace(v)
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c >= 0x80 {
			return strings.Join(strings.Fields(v), "\t")
		}
	}
	return v // one word already
}

func sySysctl(p *Proc) int {
	usage := func() int {
		p.Printf("Usage:\n  %[1]s [-n] [-e] variable ...\n  %[1]s [-n] [-e] [-q] -w variable=value ...\n"+
			"  %[1]s [-n] [-e] -a\n  %[1]s [-n] [-e] [-q] -p <file>   (default /etc/sysctl.conf)\n  %[1]s [-n] [-e] -A\n", p.Name())
		return 255
	}
	var nameOnly, valueOnly, ignore, quiet, write, all bool
	preload := ""
	doPreload := false
	var ops []string
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			ops = append(ops, a)
			continue
		}
		if a == "--help" {
			return usage()
		}
		for j := 1; j < len(a); j++ {
			switch a[j] {
			case 'n':
				valueOnly = true
			case 'N':
				nameOnly = true
			case 'e':
				ignore = true
			case 'q':
				quiet = true
			case 'w':
				write = true
			case 'a', 'A', 'X':
				all = true
			case 'p':
				doPreload = true
				if j+1 < len(a) {
					preload = a[j+1:]
				} else if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
					i++
					preload = args[i]
				}
				j = len(a)
			case 'V':
				p.Printf("sysctl (procps version 3.2.7)\n")
				return 0
			case 'h', '?':
				return usage()
			default:
				return usage()
			}
		}
	}
	vals := sySysctlValues(p)
	show := func(k, v string) {
		switch {
		case nameOnly:
			p.Printf("%s\n", k)
		case valueOnly:
			p.Printf("%s\n", v)
		default:
			p.Printf("%s = %s\n", k, v)
		}
	}
	set := func(k, v string) int {
		k = strings.ReplaceAll(strings.TrimSpace(k), "/", ".")
		v = sySysctlValue(v)
		if _, ok := vals[k]; !ok {
			if !ignore {
				fmt.Fprintf(p.Stderr, "error: \"%s\" is an unknown key\n", k)
				return 255
			}
			return 0
		}
		if k == "kernel.hostname" {
			p.Sys.SetHostname(v)
		}
		// The kernel's files are written when the machine has them.
		if syExists(p, sySysctlProc(k)) {
			syWrite(p, sySysctlProc(k), []byte(v+"\n"), 0o644)
		}
		vals[k] = v
		if !quiet {
			show(k, v)
		}
		return 0
	}
	status := 0
	switch {
	case doPreload:
		if preload == "" {
			preload = "/etc/sysctl.conf"
		}
		data, err := syRead(p, preload)
		if err != nil {
			fmt.Fprintf(p.Stderr, "error: unable to open preload file \"%s\"\n", preload)
			return 255
		}
		for _, line := range syLines(data) {
			if k, v, ok := sySysctlLine(line); ok {
				if st := set(k, v); st != 0 {
					status = st
				}
			}
		}
		return status
	case all:
		for _, d := range sySysctlDefaults {
			show(d.key, vals[d.key])
		}
		return 0
	case len(ops) == 0:
		return usage()
	}
	for _, op := range ops {
		if k, v, ok := strings.Cut(op, "="); ok || write {
			if !ok {
				fmt.Fprintf(p.Stderr, "error: \"%s\" must be of the form name=value\n", op)
				status = 255
				continue
			}
			if st := set(k, v); st != 0 {
				status = st
			}
			continue
		}
		k := strings.ReplaceAll(op, "/", ".")
		v, ok := vals[k]
		if !ok {
			if !ignore {
				fmt.Fprintf(p.Stderr, "error: \"%s\" is an unknown key\n", k)
				status = 255
			}
			continue
		}
		show(k, v)
	}
	return status
}

// ---- dmesg ----

func syDmesg(p *Proc) int {
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-c":
		case a == "-s" || a == "-n":
			i++
			if i >= len(args) {
				fmt.Fprintf(p.Stderr, "%s: option requires an argument -- %c\n", p.Name(), a[1])
				io.WriteString(p.Stderr, "Usage: dmesg [-c] [-n level] [-s bufsize]\n")
				return 1
			}
			if a == "-n" {
				return 0
			}
		case strings.HasPrefix(a, "-s"):
		case strings.HasPrefix(a, "-n") && len(a) > 2:
			return 0
		default:
			if strings.HasPrefix(a, "-") && len(a) > 1 {
				fmt.Fprintf(p.Stderr, "%s: invalid option -- %c\n", p.Name(), a[1])
			}
			io.WriteString(p.Stderr, "Usage: dmesg [-c] [-n level] [-s bufsize]\n")
			return 1
		}
	}
	io.WriteString(p.Stdout, p.Sys.KernelLog())
	return 0
}

// ---- dd (coreutils 5.97) ----

// syDDMaxFile is where a file written by dd stops growing: the simulated
// disk is full.
const syDDMaxFile = 64 << 20

// syDDNumber parses a dd block count or size: N, Nc, Nw, Nb, NkB, NK, NMB,
// NM, NGB, NG, and products NxM.
func syDDNumber(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	if a, b, ok := strings.Cut(s, "x"); ok {
		x, ok1 := syDDNumber(a)
		y, ok2 := syDDNumber(b)
		return x * y, ok1 && ok2
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, false
	}
	mult := map[string]int64{"": 1, "c": 1, "w": 2, "b": 512, "kB": 1000, "K": 1024, "k": 1024, "KiB": 1024,
		"MB": 1000 * 1000, "M": 1 << 20, "MiB": 1 << 20, "GB": 1000 * 1000 * 1000, "G": 1 << 30, "GiB": 1 << 30}
	m, ok := mult[s[i:]]
	if !ok {
		return 0, false
	}
	return n * m, true
}

// syHumanSI is gnulib's human_readable with autoscale, SI powers of 1000,
// rounding to nearest, a space before the unit and "B": "512 B", "4.2 MB".
func syHumanSI(v float64) string {
	units := []string{"B", "kB", "MB", "GB", "TB", "PB"}
	u := 0
	for v >= 1000 && u < len(units)-1 {
		v /= 1000
		u++
	}
	if u == 0 {
		return fmt.Sprintf("%.0f %s", v, units[0])
	}
	if v < 10 {
		s := fmt.Sprintf("%.1f", v)
		if s != "10.0" {
			return s + " " + units[u]
		}
	}
	return fmt.Sprintf("%.0f %s", v, units[u])
}

func syDD(p *Proc) int {
	if len(p.Args) == 2 {
		switch p.Args[1] {
		case "--help":
			return siHelp(p, `Usage: dd [OPERAND]...
  or:  dd OPTION
Copy a file, converting and formatting according to the operands.

  bs=BYTES        force ibs=BYTES and obs=BYTES
  cbs=BYTES       convert BYTES bytes at a time
  conv=CONVS      convert the file as per the comma separated symbol list
  count=BLOCKS    copy only BLOCKS input blocks
  ibs=BYTES       read BYTES bytes at a time
  if=FILE         read from FILE instead of stdin
  iflag=FLAGS     read as per the comma separated symbol list
  obs=BYTES       write BYTES bytes at a time
  of=FILE         write to FILE instead of stdout
  oflag=FLAGS     write as per the comma separated symbol list
  seek=BLOCKS     skip BLOCKS obs-sized blocks at start of output
  skip=BLOCKS     skip BLOCKS ibs-sized blocks at start of input

BLOCKS and BYTES may be followed by the following multiplicative suffixes:
xM M, c 1, w 2, b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.

      --help     display this help and exit
      --version  output version information and exit`)
		case "--version":
			return siVersion(p, "dd", "Paul Rubin, David MacKenzie, and Stuart Kemp")
		}
	}
	var inName, outName string
	ibs, obs := int64(512), int64(512)
	count, skip, seek := int64(-1), int64(0), int64(0)
	bsGiven := false
	var notrunc, sync, noerror, ucase, lcase bool
	for _, a := range p.Args[1:] {
		if a == "--" {
			continue
		}
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			p.Errorf("unrecognized operand `%s'", a)
			fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
			return 1
		}
		num := func() (int64, bool) {
			n, ok := syDDNumber(v)
			if !ok {
				p.Errorf("invalid number `%s'", v)
			}
			return n, ok
		}
		switch k {
		case "if":
			inName = v
		case "of":
			outName = v
		case "bs", "ibs", "obs", "cbs", "count", "skip", "seek":
			n, ok := num()
			if !ok {
				return 1
			}
			switch k {
			case "bs":
				ibs, obs, bsGiven = n, n, true
			case "ibs":
				ibs = n
			case "obs":
				obs = n
			case "count":
				count = n
			case "skip":
				skip = n
			case "seek":
				seek = n
			}
			if (k == "bs" || k == "ibs" || k == "obs") && n == 0 {
				p.Errorf("invalid number `%s'", v)
				return 1
			}
		case "conv":
			for _, c := range strings.Split(v, ",") {
				switch c {
				case "notrunc":
					notrunc = true
				case "sync":
					sync = true
				case "noerror":
					noerror = true
				case "ucase":
					ucase = true
				case "lcase":
					lcase = true
				case "fsync", "fdatasync", "excl", "nocreat", "sparse", "swab", "block", "unblock", "ascii", "ebcdic", "ibm":
				default:
					p.Errorf("invalid conversion: `%s'", c)
					fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
					return 1
				}
			}
		case "iflag", "oflag":
		default:
			p.Errorf("unrecognized operand `%s'", a)
			fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
			return 1
		}
	}
	_ = noerror

	var in io.Reader = p.Stdin
	switch inName {
	case "":
	case "/dev/zero":
		in = syZeroReader{}
	case "/dev/urandom", "/dev/random":
		in = syRandReader{p}
	case "/dev/null":
		in = strings.NewReader("")
	default:
		f, err := p.userFS().Open(p.Abs(inName))
		if err != nil {
			p.Errorf("opening `%s': %s", inName, Strerror(err))
			return 1
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			p.Errorf("reading `%s': %s", inName, Strerror(syscall.EISDIR))
			return 1
		}
		in = f
	}
	var out io.Writer = p.Stdout
	limited := false
	switch outName {
	case "":
	case "/dev/null":
		out = io.Discard
	default:
		f, err := p.userFS().OpenFile(p.Abs(outName), os.O_WRONLY|os.O_CREATE, 0o666&^p.Umask)
		if err != nil {
			p.Errorf("opening `%s': %s", outName, Strerror(err))
			return 1
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			p.Errorf("opening `%s': %s", outName, Strerror(syscall.EISDIR))
			return 1
		}
		if !notrunc {
			f.Truncate(seek * obs)
		}
		f.Seek(seek*obs, io.SeekStart)
		out = f
		limited = true
	}
	if skip > 0 {
		if _, err := io.CopyN(io.Discard, in, skip*ibs); err != nil && err != io.EOF {
			p.Errorf("reading `%s': %s", inName, Strerror(err))
			return 1
		}
	}

	var inFull, inPart, outFull, outPart, written int64
	status := 0
	// put writes one output record.
	put := func(rec []byte) bool {
		chunk := rec
		if limited && written+int64(len(chunk)) > syDDMaxFile {
			chunk = chunk[:max(syDDMaxFile-written, 0)]
		}
		w, err := out.Write(chunk)
		written += int64(w)
		if err == nil && len(chunk) < len(rec) {
			err = syscall.ENOSPC
		}
		if err != nil {
			if errors.Is(err, io.ErrClosedPipe) || errors.Is(err, syscall.EPIPE) {
				// SIGPIPE kills dd before it can say anything.
				status = 128 + int(syscall.SIGPIPE)
				return false
			}
			name := outName
			if name == "" {
				name = "standard output"
			}
			p.Errorf("writing `%s': %s", name, Strerror(err))
			if w > 0 {
				outPart++
			}
			status = 1
			return false
		}
		if int64(len(rec)) == obs {
			outFull++
		} else {
			outPart++
		}
		return true
	}
	buf := make([]byte, ibs)
	var pending []byte
	reblock := !bsGiven || ucase || lcase
	for count < 0 || inFull+inPart < count {
		if p.Canceled() {
			status = 1
			break
		}
		n, err := io.ReadFull(in, buf)
		if n == 0 {
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				p.Errorf("reading `%s': %s", inName, Strerror(err))
				status = 1
			}
			break
		}
		block := buf[:n]
		if int64(n) == ibs {
			inFull++
		} else {
			inPart++
			if sync {
				block = append(block, make([]byte, int(ibs)-n)...)
			}
		}
		if ucase {
			block = bytes.ToUpper(block)
		} else if lcase {
			block = bytes.ToLower(block)
		}
		if !reblock {
			// bs= writes each block as it was read.
			if !put(block) {
				break
			}
		} else {
			pending = append(pending, block...)
			for int64(len(pending)) >= obs && status == 0 {
				put(pending[:obs])
				pending = pending[obs:]
			}
			if status != 0 {
				break
			}
		}
		if err != nil {
			break
		}
	}
	if status == 0 && len(pending) > 0 {
		put(pending)
	}
	if status > 128 {
		return status
	}
	fmt.Fprintf(p.Stderr, "%d+%d records in\n%d+%d records out\n", inFull, inPart, outFull, outPart)
	plural := "s"
	if written == 1 {
		plural = ""
	}
	// A fixed throughput: 123 µs for the first 512 bytes, then 250 MB/s.
	secs := 0.000123 + float64(max(written-512, 0))/250e6
	fmt.Fprintf(p.Stderr, "%d byte%s (%s) copied, %.6g seconds, %s/s\n", written, plural,
		syHumanSI(float64(written)), secs, syHumanSI(float64(written)/secs))
	return status
}

// ---- nice, nohup (coreutils 5.97) ----

func syNice(p *Proc) int {
	args := p.Args[1:]
	adj, given := "", false
	i := 0
	for i < len(args) {
		a := args[i]
		switch {
		case len(a) > 1 && a[0] == '-' && syDigitAt(a, 1+syBoolInt(a[1] == '-' || a[1] == '+')):
			adj, given = a[1:], true
			i++
			continue
		case a == "-n" || a == "--adjustment":
			if i+1 >= len(args) {
				if a == "-n" {
					p.Errorf("option requires an argument -- n")
				} else {
					p.Errorf("option `--adjustment' requires an argument")
				}
				fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
				return 1
			}
			adj, given = args[i+1], true
			i += 2
			continue
		case strings.HasPrefix(a, "-n"):
			adj, given = a[2:], true
			i++
			continue
		case strings.HasPrefix(a, "--adjustment="):
			adj, given = strings.TrimPrefix(a, "--adjustment="), true
			i++
			continue
		case a == "--help":
			return siHelp(p, `Usage: nice [OPTION] [COMMAND [ARG]...]
Run COMMAND with an adjusted niceness, which affects process scheduling.
With no COMMAND, print the current niceness.  Nicenesses range from
-20 (most favorable scheduling) to 19 (least favorable).

  -n, --adjustment=N   add integer N to the niceness (default 10)
      --help     display this help and exit
      --version  output version information and exit`)
		case a == "--version":
			return siVersion(p, "nice", "David MacKenzie")
		case a == "--":
			i++
		case len(a) > 1 && a[0] == '-':
			if strings.HasPrefix(a, "--") {
				p.Errorf("unrecognized option `%s'", a)
			} else {
				p.Errorf("invalid option -- %c", a[1])
			}
			fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
			return 1
		}
		break
	}
	cmd := args[i:]
	cur := 0
	if pr, ok := p.Sys.Procs.Get(p.PID); ok && p.PID != 0 {
		cur = pr.Nice
	}
	if len(cmd) == 0 {
		if given {
			p.Errorf("a command must be given with an adjustment")
			fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
			return 1
		}
		p.Printf("%d\n", cur)
		return 0
	}
	n := 10
	if given {
		v, err := strconv.Atoi(strings.TrimPrefix(adj, "+"))
		if err != nil {
			p.Errorf("invalid adjustment `%s'", adj)
			return 1
		}
		n = v
	}
	nice := min(max(cur+n, -20), 19)
	return syRunNiced(p, cmd, nice, "nice")
}

func syBoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// syDigitAt reports whether s[i] is a decimal digit.
func syDigitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// syRunNiced runs cmd; the processes it leaves behind (a daemon it
// started) get the niceness nice. The program itself runs at the caller's.
func syRunNiced(p *Proc, cmd []string, nice int, who string) int {
	if !syFindProgram(p, cmd[0]) {
		fmt.Fprintf(p.Stderr, "%s: %s: %s\n", who, cmd[0], Strerror(syscall.ENOENT))
		return 127
	}
	before := p.Sys.Procs.Select(func(*proc.Process) bool { return true }) // in PID order
	st := p.Run(cmd, nil, nil, nil)
	base := path.Base(cmd[0])
	if len(base) > 15 {
		base = base[:15]
	}
	left := p.Sys.Procs.Select(func(pr *proc.Process) bool {
		if pr.Comm != base {
			return false
		}
		_, old := slices.BinarySearch(before, pr.PID)
		return !old
	})
	for _, pid := range left {
		p.Sys.Procs.Update(pid, func(x *proc.Process) { x.Nice = nice })
	}
	return st
}

func syNohup(p *Proc) int {
	args := p.Args[1:]
	if len(args) > 0 {
		switch args[0] {
		case "--help":
			return siHelp(p, `Usage: nohup COMMAND [ARG]...
  or:  nohup OPTION
Run COMMAND, ignoring hangup signals.

      --help     display this help and exit
      --version  output version information and exit

If standard output is a terminal, append output to 'nohup.out' if possible,
'$HOME/nohup.out' otherwise.
If standard error is a terminal, redirect it to standard output.
To save output to FILE, use 'nohup COMMAND > FILE'.`)
		case "--version":
			return siVersion(p, "nohup", "Jim Meyering")
		case "--":
			args = args[1:]
		}
	}
	if len(args) == 0 {
		p.Errorf("missing operand")
		fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
		return 127
	}
	if !syFindProgram(p, args[0]) {
		p.Errorf("cannot run command `%s': %s", args[0], Strerror(syscall.ENOENT))
		return 127
	}
	if !p.Tty {
		return p.Run(args, nil, nil, nil)
	}
	name := "nohup.out"
	f, err := p.userFS().OpenFile(p.Abs(name), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		home := p.Getenv("HOME")
		if home == "" {
			p.Errorf("cannot open `%s': %s", name, Strerror(err))
			return 127
		}
		name = path.Join(home, "nohup.out")
		f, err = p.userFS().OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			p.Errorf("cannot open `%s': %s", name, Strerror(err))
			return 127
		}
	}
	defer f.Close()
	p.Errorf("appending output to `%s'", name)
	return p.Run(args, nil, f, f)
}

// ---- killall5 (sysvinit 2.86) ----

func syKillall5(p *Proc) int {
	sig := proc.SIGTERM
	args := p.Args[1:]
	if len(args) > 0 {
		n, err := strconv.Atoi(strings.TrimPrefix(args[0], "-"))
		if len(args) != 1 || err != nil || n <= 0 || n > 31 {
			// sysvinit says so to syslog only.
			p.Sys.Syslog("killall5", p.PID, "only one argument, a signal number, allowed")
			return 1
		}
		sig = proc.Signal(n)
	}
	procs := p.Sys.Procs.List()
	byPID := make(map[int]proc.Process, len(procs))
	for _, pr := range procs {
		byPID[pr.PID] = pr
	}
	// The session of a process: its nearest session-leader ancestor.
	sid := func(pid int) int {
		for range 128 {
			pr, ok := byPID[pid]
			if !ok {
				return 0
			}
			if pr.SessionLeader || pid == 1 {
				return pid
			}
			pid = pr.PPID
		}
		return 0
	}
	mine := -1
	if p.PID != 0 {
		mine = sid(p.PID)
	}
	for _, pr := range procs {
		if pr.PID == 1 || pr.PID == p.PID || pr.Kernel || pr.State == 'Z' || (mine >= 0 && sid(pr.PID) == mine) {
			continue
		}
		p.Sys.Procs.Signal(pr.PID, sig)
	}
	return 0
}

// ---- logger (util-linux 2.13) ----

var syFacilities = map[string]int{"kern": 0, "user": 1, "mail": 2, "daemon": 3, "auth": 4, "security": 4,
	"syslog": 5, "lpr": 6, "news": 7, "uucp": 8, "cron": 9, "authpriv": 10, "ftp": 11,
	"local0": 16, "local1": 17, "local2": 18, "local3": 19, "local4": 20, "local5": 21, "local6": 22, "local7": 23}

var syLevels = map[string]int{"emerg": 0, "panic": 0, "alert": 1, "crit": 2, "err": 3, "error": 3,
	"warning": 4, "warn": 4, "notice": 5, "info": 6, "debug": 7}

func syLogger(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "f:ip:st:u:d", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		io.WriteString(p.Stderr, "usage: logger [-is] [-f file] [-p pri] [-t tag] [-u socket] [ message ... ]\n")
		return 1
	}
	tag := ""
	withPID, toStderr := false, false
	facility, level := "user", "notice"
	var file string
	for _, o := range opts {
		switch o.Name {
		case "t":
			tag = o.Arg
		case "i":
			withPID = true
		case "s":
			toStderr = true
		case "f":
			file = o.Arg
		case "p":
			f, l, ok := strings.Cut(o.Arg, ".")
			if !ok {
				f, l = "user", o.Arg
			}
			if _, ok := syFacilities[f]; !ok {
				fmt.Fprintf(p.Stderr, "logger: unknown facility name: %s.\n", f)
				return 1
			}
			if _, ok := syLevels[l]; !ok {
				fmt.Fprintf(p.Stderr, "logger: unknown priority name: %s.\n", l)
				return 1
			}
			facility, level = f, l
		}
	}
	if tag == "" {
		// getlogin(): the user logged in on the terminal; without one,
		// syslog(3) falls back to the program's name.
		tag = "logger"
		if p.TTY != "" {
			tag = p.Getenv("LOGNAME")
			for _, s := range p.Sys.Sessions() {
				if s.TTY == p.TTY {
					tag = s.User
				}
			}
			if tag == "" {
				tag = "root"
			}
		}
	}
	pid := 0
	if withPID {
		pid = p.PID
	}
	// syslog.conf: *.info;mail.none;authpriv.none;cron.none go to
	// /var/log/messages; other facilities' files are not kept.
	toMessages := syLevels[level] <= syLevels["info"] && facility != "mail" && facility != "authpriv" && facility != "cron"
	send := func(msg string) {
		if toMessages {
			p.Sys.Syslog(tag, pid, msg)
		}
		if toStderr {
			who := tag
			if pid > 0 {
				who = fmt.Sprintf("%s[%d]", tag, pid)
			}
			fmt.Fprintf(p.Stderr, "%s: %s\n", who, msg)
		}
	}
	if len(ops) > 0 {
		send(strings.Join(ops, " "))
		return 0
	}
	var in io.Reader = p.Stdin
	if file != "" {
		data, err := syRead(p, file)
		if err != nil {
			fmt.Fprintf(p.Stderr, "logger: %s: %s.\n", file, Strerror(err))
			return 1
		}
		in = bytes.NewReader(data)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		if p.Canceled() {
			return 1
		}
		if line := sc.Text(); line != "" {
			send(line)
		}
	}
	return 0
}

// ---- run-parts (crontabs 1.10) ----

func syRunParts(p *Proc) int {
	if len(p.Args) < 2 {
		io.WriteString(p.Stdout, "Usage: run-parts <dir>\n")
		return 1
	}
	dir := p.Args[1]
	if !syIsDir(p, dir) {
		fmt.Fprintf(p.Stdout, "Not a directory: %s\n", dir)
		return 1
	}
	f, err := p.Sys.FS.Open(p.Abs(dir))
	if err != nil {
		return 0
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	sort.Strings(names)
	for _, n := range names {
		if p.Canceled() {
			return 1
		}
		if strings.HasPrefix(n, ".") || strings.HasSuffix(n, "~") || strings.HasSuffix(n, ",") {
			continue
		}
		skip := false
		for _, suf := range []string{".rpmsave", ".rpmorig", ".rpmnew", ".swp", ",v"} {
			if strings.HasSuffix(n, suf) {
				skip = true
			}
		}
		full := strings.TrimSuffix(dir, "/") + "/" + n
		fi, err := p.Sys.FS.Stat(p.Abs(full))
		if skip || err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			continue
		}
		var buf bytes.Buffer
		p.Run([]string{full}, nil, &buf, &buf)
		if buf.Len() > 0 {
			fmt.Fprintf(p.Stdout, "%s:\n\n", full)
			p.Stdout.Write(buf.Bytes())
		}
	}
	return 0
}

// ---- ssh-keygen (OpenSSH 4.3p2) ----

// sySSHString is an SSH wire-format string.
func sySSHString(b []byte) []byte {
	n := len(b)
	return append([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}, b...)
}

// sySSHMPInt is n random bytes as a positive mpint with its top bit set
// (so a leading zero byte).
func sySSHMPInt(p *Proc, n int) []byte {
	b := syRandBytes(p, n)
	b[0] |= 0x80
	b[n-1] |= 1
	return sySSHString(append([]byte{0}, b...))
}

// syFingerprint is an MD5 fingerprint as ssh-keygen -l prints it.
func syFingerprint(data []byte) string {
	sum := md5.Sum(data)
	parts := make([]string, len(sum))
	for i, c := range sum {
		parts[i] = fmt.Sprintf("%02x", c)
	}
	return strings.Join(parts, ":")
}

// syPEM wraps der in PEM armour of the given type.
func syPEM(kind string, der []byte) []byte {
	enc := base64.StdEncoding.EncodeToString(der)
	var b strings.Builder
	fmt.Fprintf(&b, "-----BEGIN %s PRIVATE KEY-----\n", kind)
	for len(enc) > 64 {
		b.WriteString(enc[:64] + "\n")
		enc = enc[64:]
	}
	fmt.Fprintf(&b, "%s\n-----END %s PRIVATE KEY-----\n", enc, kind)
	return []byte(b.String())
}

// syKeyInfo parses a public key line: bits, fingerprint and key text.
func syKeyInfo(line string) (bits int, fp, key string, ok bool) {
	f := strings.Fields(line)
	if len(f) >= 3 && syDigits(f[0]) && syDigits(f[1]) && syDigits(f[2]) {
		// SSH1: bits exponent modulus comment
		n, ok1 := new(big.Int).SetString(f[2], 10)
		e, ok2 := new(big.Int).SetString(f[1], 10)
		if !ok1 || !ok2 {
			return 0, "", "", false
		}
		return n.BitLen(), syFingerprint(append(n.Bytes(), e.Bytes()...)), strings.Join(f[:3], " "), true
	}
	if len(f) < 2 || (f[0] != "ssh-rsa" && f[0] != "ssh-dss") {
		return 0, "", "", false
	}
	blob, err := base64.StdEncoding.DecodeString(f[1])
	if err != nil {
		return 0, "", "", false
	}
	// The bit size is that of the modulus (RSA: second integer) or of p
	// (DSA: first integer).
	var fields [][]byte
	for rest := blob; len(rest) >= 4; {
		n := int(rest[0])<<24 | int(rest[1])<<16 | int(rest[2])<<8 | int(rest[3])
		if n > len(rest)-4 {
			return 0, "", "", false
		}
		fields, rest = append(fields, rest[4:4+n]), rest[4+n:]
	}
	idx := 1
	if f[0] == "ssh-rsa" {
		idx = 2
	}
	if len(fields) <= idx {
		return 0, "", "", false
	}
	return new(big.Int).SetBytes(fields[idx]).BitLen(), syFingerprint(blob), f[0] + " " + f[1], true
}

const sySSHKeygenUsage = `Usage: ssh-keygen [options]
Options:
  -b bits     Number of bits in the key to create.
  -c          Change comment in private and public key files.
  -e          Convert OpenSSH to IETF SECSH key file.
  -f filename Filename of the key file.
  -g          Use generic DNS resource record format.
  -i          Convert IETF SECSH to OpenSSH key file.
  -l          Show fingerprint of key file.
  -p          Change passphrase of private key file.
  -q          Quiet.
  -y          Read private key file and print public key.
  -t type     Specify type of key to create.
  -B          Show bubblebabble digest of key file.
  -H          Hash names in known_hosts file
  -F hostname Find hostname in known hosts file
  -N phrase   Provide new passphrase.
  -P phrase   Provide old passphrase.
  -C comment  Provide new comment.
  -r hostname Print DNS resource record.
`

func sySSHKeygen(p *Proc) int {
	opts, _, err := Getopt(p.Args[1:], "degiqpclBHvxXyF:b:f:t:U:D:P:N:C:r:g:R:T:G:M:S:a:W:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		io.WriteString(p.Stderr, sySSHKeygenUsage)
		return 1
	}
	var typ, file, comment, newPass string
	var quiet, list, printPub, hasComment, hasPass bool
	bits := 0
	for _, o := range opts {
		switch o.Name {
		case "t":
			typ = o.Arg
		case "f":
			file = o.Arg
		case "C":
			comment, hasComment = o.Arg, true
		case "N":
			newPass, hasPass = o.Arg, true
		case "q":
			quiet = true
		case "l":
			list = true
		case "y":
			printPub = true
		case "b":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n < 512 || n > 32768 {
				fmt.Fprintf(p.Stdout, "Bits has bad value.\n")
				return 1
			}
			bits = n
		case "?", "h":
			io.WriteString(p.Stderr, sySSHKeygenUsage)
			return 1
		}
	}
	_ = newPass
	user := p.Getenv("USER")
	if user == "" {
		user = "root"
	}
	home := p.Getenv("HOME")
	if home == "" {
		home = "/root"
	}
	in := bufio.NewReader(p.Stdin)
	readLine := func() (string, bool) {
		s, err := in.ReadString('\n')
		if err != nil && s == "" {
			return "", false
		}
		return strings.TrimRight(s, "\r\n"), true
	}
	askFile := func(def string) bool {
		if file != "" {
			return true
		}
		fmt.Fprintf(p.Stdout, "Enter file in which to save the key (%s): ", def)
		s, ok := readLine()
		if !ok {
			return false
		}
		if s == "" {
			s = def
		}
		file = s
		return true
	}
	if list || printPub {
		if !askFile(home + "/.ssh/id_rsa") {
			return 1
		}
		data, err := syRead(p, file)
		name := file
		if err == nil && !list {
			// -y wants the private key; its public half is beside it.
			if !bytes.Contains(data, []byte("PRIVATE KEY")) {
				fmt.Fprintf(p.Stderr, "load failed\n")
				return 1
			}
		}
		if err == nil {
			if _, _, _, ok := syKeyInfo(syFirstLine(data)); !ok {
				if pub, err2 := syRead(p, file+".pub"); err2 == nil {
					data, name = pub, file+".pub"
				}
			}
		}
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %s\n", file, Strerror(err))
			return 1
		}
		bitsN, fp, key, ok := syKeyInfo(syFirstLine(data))
		if !ok {
			fmt.Fprintf(p.Stdout, "%s is not a public key file.\n", file)
			return 1
		}
		if printPub {
			fmt.Fprintf(p.Stdout, "%s\n", key)
			return 0
		}
		fmt.Fprintf(p.Stdout, "%d %s %s\n", bitsN, fp, name)
		return 0
	}
	if typ == "" {
		io.WriteString(p.Stderr, "You must specify a key type (-t).\n")
		io.WriteString(p.Stderr, sySSHKeygenUsage)
		return 1
	}
	var defName string
	switch typ {
	case "rsa1":
		defName = "identity"
	case "rsa":
		defName = "id_rsa"
	case "dsa":
		defName = "id_dsa"
	default:
		fmt.Fprintf(p.Stderr, "unknown key type %s\n", typ)
		return 1
	}
	if bits == 0 {
		bits = 2048
		if typ == "dsa" {
			bits = 1024
		}
	}
	if typ == "dsa" && bits != 1024 {
		io.WriteString(p.Stderr, "DSA keys must be 1024 bits\n")
		return 1
	}
	if !quiet {
		fmt.Fprintf(p.Stdout, "Generating public/private %s key pair.\n", typ)
	}
	if !askFile(home + "/.ssh/" + defName) {
		return 1
	}
	dotssh := home + "/.ssh"
	if strings.Contains(file, dotssh) && !syExists(p, dotssh) {
		if err := p.userFS().Mkdir(p.Abs(dotssh), 0o700); err == nil && !quiet {
			fmt.Fprintf(p.Stdout, "Created directory '%s'.\n", dotssh)
		}
	}
	if syExists(p, file) {
		fmt.Fprintf(p.Stdout, "%s already exists.\nOverwrite (y/n)? ", file)
		s, ok := readLine()
		if !ok || s == "" || (s[0] != 'y' && s[0] != 'Y') {
			return 1
		}
	}
	if !hasPass {
		for try := 0; ; try++ {
			io.WriteString(p.Stdout, "Enter passphrase (empty for no passphrase): ")
			p1, ok1 := readLine()
			io.WriteString(p.Stdout, "\nEnter same passphrase again: ")
			p2, ok2 := readLine()
			io.WriteString(p.Stdout, "\n")
			if !ok1 || !ok2 {
				return 1
			}
			if p1 == p2 {
				break
			}
			io.WriteString(p.Stdout, "Passphrases do not match.  Try again.\n")
			if try == 2 {
				return 1
			}
		}
	}
	if !hasComment {
		comment = user + "@" + p.Sys.Hostname()
	}
	nbytes := bits / 8
	var priv, pubLine []byte
	var fp string
	switch typ {
	case "rsa1":
		n := syRandBytes(p, nbytes)
		n[0] |= 0x80
		n[nbytes-1] |= 1
		nInt := new(big.Int).SetBytes(n)
		pubLine = []byte(fmt.Sprintf("%d 35 %s %s\n", bits, nInt.String(), comment))
		fp = syFingerprint(append(n, 35))
		priv = append([]byte("SSH PRIVATE KEY FILE FORMAT 1.1\n\x00\x00\x00\x00\x00\x00\x00\x00"), syRandBytes(p, 2*nbytes+len(comment)+40)...)
	case "rsa":
		blob := append(sySSHString([]byte("ssh-rsa")), sySSHString([]byte{0x23})...)
		blob = append(blob, sySSHMPInt(p, nbytes)...)
		pubLine = []byte("ssh-rsa " + base64.StdEncoding.EncodeToString(blob) + " " + comment + "\n")
		fp = syFingerprint(blob)
		der := append([]byte{0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00}, blob[len(blob)-nbytes:]...)
		der = append(der, 0x02, 0x01, 0x23)
		priv = syPEM("RSA", append(der, syRandBytes(p, 1192-len(der)-3)...))
	case "dsa":
		blob := sySSHString([]byte("ssh-dss"))
		for _, n := range []int{128, 20, 128, 128} {
			blob = append(blob, sySSHMPInt(p, n)...)
		}
		pubLine = []byte("ssh-dss " + base64.StdEncoding.EncodeToString(blob) + " " + comment + "\n")
		fp = syFingerprint(blob)
		priv = syPEM("DSA", append([]byte{0x30, 0x82, 0x01, 0xbb, 0x02, 0x01, 0x00, 0x02, 0x81, 0x81, 0x00}, syRandBytes(p, 436)...))
	}
	f, err := p.userFS().OpenFile(p.Abs(file), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		fmt.Fprintf(p.Stdout, "Saving the key failed: %s.\n", file)
		return 1
	}
	f.Write(priv)
	f.Close()
	p.userFS().Chmod(p.Abs(file), 0o600)
	if !quiet {
		fmt.Fprintf(p.Stdout, "Your identification has been saved in %s.\n", file)
	}
	if err := syWrite(p, file+".pub", pubLine, 0o644); err != nil {
		fmt.Fprintf(p.Stdout, "Could not save your public key in %s.pub\n", file)
		return 1
	}
	if !quiet {
		fmt.Fprintf(p.Stdout, "Your public key has been saved in %s.pub.\nThe key fingerprint is:\n%s %s\n", file, fp, comment)
	}
	return 0
}

// syFirstLine is the first line of data.
func syFirstLine(data []byte) string {
	s, _, _ := strings.Cut(string(data), "\n")
	return s
}

// ---- exportfs (nfs-utils 1.0.9) ----

// syExportfs: nothing is exported on this machine; every action succeeds.
func syExportfs(p *Proc) int {
	for _, a := range p.Args[1:] {
		if a == "-h" || a == "--help" {
			io.WriteString(p.Stderr, "usage: exportfs [-aioruvf] [host:/path]\n")
			return 1
		}
	}
	return 0
}

// ---- named-checkconf (BIND 9.3.6) ----

// syNamedToken is a token of named.conf with its line.
type syNamedToken struct {
	text string
	line int
	str  bool // a quoted string
}

func syNamedTokens(src string) []syNamedToken {
	var toks []syNamedToken
	line := 1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#' || (c == '/' && i+1 < len(src) && src[i+1] == '/'):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i < len(src) && !(src[i] == '*' && i+1 < len(src) && src[i+1] == '/') {
				if src[i] == '\n' {
					line++
				}
				i++
			}
			i += 2
		case c == '{' || c == '}' || c == ';':
			toks = append(toks, syNamedToken{text: string(c), line: line})
			i++
		case c == '"':
			j := i + 1
			start := line
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				if j < len(src) && src[j] == '\n' {
					line++
				}
				j++
			}
			toks = append(toks, syNamedToken{text: src[i+1 : min(j, len(src))], line: start, str: true})
			i = j + 1
		default:
			j := i
			for j < len(src) && !strings.ContainsRune(" \t\r\n{};\"#", rune(src[j])) {
				if src[j] == '/' && j+1 < len(src) && (src[j+1] == '/' || src[j+1] == '*') {
					break
				}
				j++
			}
			toks = append(toks, syNamedToken{text: src[i:j], line: line})
			i = j
		}
	}
	return toks
}

// syNamedCheck checks the statement structure of named.conf: braces,
// semicolons. It returns BIND's message ("LINE: missing ';' before '}'")
// and, for -z, the master zones' files.
func syNamedCheck(src string) (msg string, zones [][2]string, dir string) {
	toks := syNamedTokens(src)
	depth, pending, wantSemi := 0, false, false
	// Zone tracking: the statement at depth 0, its first words.
	var stmt []string
	zoneName, zoneType, zoneFile := "", "", ""
	var key []string
	for _, t := range toks {
		quoted := fmt.Sprintf("'%s'", t.text)
		if t.str {
			quoted = fmt.Sprintf("'\"%s\"'", t.text)
		}
		if wantSemi && t.text != ";" {
			return fmt.Sprintf("%d: missing ';' before %s", t.line, quoted), nil, ""
		}
		switch t.text {
		case "{":
			if t.str {
				break
			}
			depth++
			pending = false
			key = nil
			continue
		case "}":
			if t.str {
				break
			}
			if pending {
				return fmt.Sprintf("%d: missing ';' before '}'", t.line), nil, ""
			}
			if depth == 0 {
				return fmt.Sprintf("%d: unexpected token near '}'", t.line), nil, ""
			}
			depth--
			wantSemi = true
			continue
		case ";":
			if t.str {
				break
			}
			if depth == 1 && len(key) >= 2 {
				switch {
				case len(stmt) > 0 && stmt[0] == "zone" && key[0] == "type":
					zoneType = key[1]
				case len(stmt) > 0 && stmt[0] == "zone" && key[0] == "file":
					zoneFile = key[1]
				case len(stmt) > 0 && stmt[0] == "options" && key[0] == "directory":
					dir = key[1]
				}
			}
			key = nil
			if wantSemi && depth == 0 {
				if len(stmt) > 1 && stmt[0] == "zone" && zoneType == "master" && zoneFile != "" {
					zones = append(zones, [2]string{zoneName, zoneFile})
				}
				stmt, zoneName, zoneType, zoneFile = nil, "", "", ""
			}
			wantSemi, pending = false, false
			continue
		}
		pending = true
		key = append(key, t.text)
		if depth == 0 {
			stmt = append(stmt, t.text)
			if len(stmt) == 2 && stmt[0] == "zone" {
				zoneName = t.text
			}
		}
	}
	if depth > 0 || pending {
		last := 1
		if len(toks) > 0 {
			last = toks[len(toks)-1].line
		}
		return fmt.Sprintf("%d: unexpected end of input", last), nil, ""
	}
	if wantSemi {
		last := toks[len(toks)-1].line
		return fmt.Sprintf("%d: missing ';' before end of file", last), nil, ""
	}
	return "", zones, dir
}

func syNamedCheckconf(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "hjt:vz", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprintf(p.Stderr, "usage: named-checkconf [-h] [-j] [-v] [-z] [-t directory] [named.conf]\n")
		return 1
	}
	loadZones := false
	root := ""
	for _, o := range opts {
		switch o.Name {
		case "h":
			fmt.Fprintf(p.Stderr, "usage: named-checkconf [-h] [-j] [-v] [-z] [-t directory] [named.conf]\n")
			return 1
		case "v":
			p.Printf("9.3.6-P1-RedHat-9.3.6-25.P1.el5_11.11\n")
			return 0
		case "z":
			loadZones = true
		case "t":
			root = o.Arg
		}
	}
	file := "/etc/named.conf"
	if len(ops) > 0 {
		file = ops[0]
	}
	data, err := syRead(p, path.Join("/", root, p.Abs(file)))
	if err != nil {
		fmt.Fprintf(p.Stdout, "none:0: open: %s: %s\n", file, map[bool]string{true: "file not found", false: "permission denied"}[errors.Is(err, fs.ErrNotExist)])
		return 1
	}
	msg, zones, dir := syNamedCheck(string(data))
	if msg != "" {
		fmt.Fprintf(p.Stdout, "%s:%s\n", file, msg)
		return 1
	}
	if !loadZones {
		return 0
	}
	if dir == "" {
		dir = "."
	}
	status := 0
	for _, z := range zones {
		zf := z[1]
		if !path.IsAbs(zf) {
			zf = path.Join(dir, zf)
		}
		if !syExists(p, path.Join("/", root, zf)) {
			fmt.Fprintf(p.Stdout, "zone %s/IN: loading master file %s: file not found\n", z[0], z[1])
			fmt.Fprintf(p.Stdout, "_default/%s/IN: file not found\n", z[0])
			status = 1
		}
	}
	return status
}

// ---- mysqladmin, mysql_install_db (MySQL 5.0.95) ----

const syMysqlVersion = "mysqladmin  Ver 8.41 Distrib 5.0.95, for redhat-linux-gnu on i686\n"

// syMysqld finds the running server.
func syMysqld(p *Proc) (proc.Process, bool) {
	for _, pr := range p.Sys.Procs.List() {
		if pr.Comm == "mysqld" && pr.State != 'Z' {
			return pr, true
		}
	}
	return proc.Process{}, false
}

func syMysqladmin(p *Proc) int {
	var cmds []string
	socket := "/var/lib/mysql/mysql.sock"
	host := "localhost"
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--version" || a == "-V":
			io.WriteString(p.Stdout, syMysqlVersion)
			return 0
		case a == "--help" || a == "-?":
			io.WriteString(p.Stdout, syMysqlVersion+"Copyright (C) 2000-2006 MySQL AB\nThis software comes with ABSOLUTELY NO WARRANTY. This is free software,\n"+
				"and you are welcome to modify and redistribute it under the GPL license\n\n"+
				"Administration program for the mysqld daemon.\nUsage: mysqladmin [OPTIONS] command command....\n\n"+
				"Where command is a one or more of: (Commands may be shortened)\n"+
				"  ping\t\t\tCheck if mysqld is alive\n  shutdown\t\tTake server down\n"+
				"  status\t\tGives a short status message from the server\n  version\t\tGet version info from server\n")
			return 0
		case a == "-S" || a == "-h" || a == "-u" || a == "-P":
			if i+1 < len(args) {
				i++
				if a == "-S" {
					socket = args[i]
				} else if a == "-h" {
					host = args[i]
				}
			}
		case strings.HasPrefix(a, "--socket="):
			socket = strings.TrimPrefix(a, "--socket=")
		case strings.HasPrefix(a, "--host="):
			host = strings.TrimPrefix(a, "--host=")
		case strings.HasPrefix(a, "-S"):
			socket = a[2:]
		case strings.HasPrefix(a, "-h"):
			host = a[2:]
		case strings.HasPrefix(a, "-"):
			// -uUSER, -p[PASSWORD], --user=, --password, -s, -f ...
		default:
			cmds = append(cmds, a)
		}
	}
	if len(cmds) == 0 {
		io.WriteString(p.Stdout, syMysqlVersion+"Copyright (C) 2000-2006 MySQL AB\n"+
			"Administration program for the mysqld daemon.\nUsage: mysqladmin [OPTIONS] command command....\n")
		return 1
	}
	known := map[string]bool{"ping": true, "status": true, "version": true, "shutdown": true, "processlist": true,
		"flush-hosts": true, "flush-logs": true, "flush-privileges": true, "flush-status": true, "flush-tables": true,
		"flush-threads": true, "refresh": true, "reload": true, "variables": true, "extended-status": true,
		"create": true, "drop": true, "password": true, "kill": true, "debug": true, "start-slave": true, "stop-slave": true}
	if !known[cmds[0]] {
		fmt.Fprintf(p.Stderr, "mysqladmin: Unknown command: '%s'\n", cmds[0])
		return 1
	}
	srv, up := syMysqld(p)
	if !up {
		fmt.Fprintf(p.Stderr, "mysqladmin: connect to server at '%s' failed\n", host)
		if host == "localhost" {
			fmt.Fprintf(p.Stderr, "error: 'Can't connect to local MySQL server through socket '%s' (2)'\n", socket)
			fmt.Fprintf(p.Stderr, "Check that mysqld is running and that the socket: '%s' exists!\n", socket)
		} else {
			fmt.Fprintf(p.Stderr, "error: 'Can't connect to MySQL server on '%s' (111)'\n", host)
		}
		return 1
	}
	uptime := int(p.Sys.Clock.Now().Sub(srv.Start) / time.Second)
	status := func() string {
		q := float64(2) / float64(max(uptime, 1))
		return fmt.Sprintf("Uptime: %d  Threads: 1  Questions: 2  Slow queries: 0  Opens: 12  Flush tables: 1  Open tables: 6  Queries per second avg: %.3f\n", uptime, q)
	}
	for _, c := range cmds {
		switch c {
		case "ping":
			io.WriteString(p.Stdout, "mysqld is alive\n")
		case "status":
			io.WriteString(p.Stdout, status())
		case "version":
			up := fmt.Sprintf("%d sec", uptime%60)
			if uptime >= 60 {
				up = fmt.Sprintf("%d min %s", (uptime/60)%60, up)
			}
			if uptime >= 3600 {
				up = fmt.Sprintf("%d hours %s", (uptime/3600)%24, up)
			}
			if uptime >= 86400 {
				up = fmt.Sprintf("%d days %s", uptime/86400, up)
			}
			fmt.Fprintf(p.Stdout, "%sCopyright (C) 2000-2006 MySQL AB\nThis software comes with ABSOLUTELY NO WARRANTY. This is free software,\n"+
				"and you are welcome to modify and redistribute it under the GPL license\n\n"+
				"Server version\t\t5.0.95\nProtocol version\t10\nConnection\t\tLocalhost via UNIX socket\nUNIX socket\t\t%s\nUptime:\t\t\t%s\n\n%s",
				syMysqlVersion, socket, up, strings.Replace(status(), fmt.Sprintf("Uptime: %d  ", uptime), "", 1))
		case "shutdown":
			p.Sys.Procs.Signal(srv.PID, proc.SIGTERM)
		}
	}
	return 0
}

// syMysqlTables are the tables of the mysql database.
var syMysqlTables = []string{"columns_priv", "db", "func", "help_category", "help_keyword", "help_relation",
	"help_topic", "host", "proc", "procs_priv", "tables_priv", "time_zone", "time_zone_leap_second",
	"time_zone_name", "time_zone_transition", "time_zone_transition_type", "user"}

func syMysqlInstallDB(p *Proc) int {
	datadir, user := "/var/lib/mysql", ""
	for _, a := range p.Args[1:] {
		switch {
		case strings.HasPrefix(a, "--datadir="):
			datadir = strings.TrimPrefix(a, "--datadir=")
		case strings.HasPrefix(a, "--user="):
			user = strings.TrimPrefix(a, "--user=")
		case a == "--help":
			p.Printf("Usage: %s [OPTIONS]\n  --basedir=path       The path to the MySQL installation directory.\n"+
				"  --datadir=path       The path to the MySQL data directory.\n"+
				"  --force              Causes mysql_install_db to run even if DNS does not\n                       work.\n"+
				"  --user=user_name     The login username to use for running mysqld.\n", p.Name())
			return 0
		}
	}
	uid, gid := -1, -1
	if user != "" {
		for _, a := range ReadPasswd(p.Sys) {
			if a.Name == user {
				uid, gid = a.ID, a.GID
			}
		}
	}
	fsys := p.Sys.FS
	for _, d := range []string{datadir, datadir + "/mysql", datadir + "/test"} {
		if err := fsys.MkdirAll(p.Abs(d), 0o755&^p.Umask); err != nil {
			fmt.Fprintf(p.Stderr, "mkdir: cannot create directory `%s': %s\n", d, Strerror(err))
			return 1
		}
		fsys.Chmod(p.Abs(d), 0o700)
		if uid >= 0 {
			fsys.Chown(p.Abs(d), uid, gid)
		}
	}
	fsys.Chmod(p.Abs(datadir), 0o755)
	for _, t := range syMysqlTables {
		for _, ext := range []string{".frm", ".MYD", ".MYI"} {
			name := p.Abs(datadir + "/mysql/" + t + ext)
			if f, err := fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o660); err == nil {
				if ext != ".MYD" {
					f.Write(syRandBytes(p, 1024))
				}
				f.Close()
				if uid >= 0 {
					fsys.Chown(name, uid, gid)
				}
			}
		}
	}
	host := p.Sys.Hostname()
	fmt.Fprintf(p.Stdout, `Installing MySQL system tables...
OK
Filling help tables...
OK

To start mysqld at boot time you have to copy
support-files/mysql.server to the right place for your system

PLEASE REMEMBER TO SET A PASSWORD FOR THE MySQL root USER !
To do so, start the server, then issue the following commands:
/usr/bin/mysqladmin -u root password 'new-password'
/usr/bin/mysqladmin -u root -h %s password 'new-password'

Alternatively you can run:
/usr/bin/mysql_secure_installation

which will also give you the option of removing the test
databases and anonymous user created by default.  This is
strongly recommended for production servers.

See the manual for more instructions.

You can start the MySQL daemon with:
cd /usr ; /usr/bin/mysqld_safe &

You can test the MySQL daemon with mysql-test-run.pl
cd mysql-test ; perl mysql-test-run.pl

Please report any problems with the /usr/bin/mysqlbug script!

The latest information about MySQL is available on the web at
http://www.mysql.com
Support MySQL by buying support/licenses at http://shop.mysql.com
`, host)
	return 0
}

// ---- procmail (3.22) ----

// syProcmail delivers the message on standard input to the mailboxes of
// the -d recipients (or the caller), in mbox format.
func syProcmail(p *Proc) int {
	var recipients []string
	from := "MAILER-DAEMON"
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-d":
			recipients = append(recipients, args[i+1:]...)
			i = len(args)
		case a == "-f" || a == "-a" || a == "-m":
			if i+1 < len(args) {
				i++
				if a == "-f" {
					from = args[i]
				}
			}
		case strings.HasPrefix(a, "-f"):
			from = a[2:]
		case a == "-v" || a == "--version":
			io.WriteString(p.Stderr, "procmail v3.22 2001/09/10\n")
			return 0
		}
	}
	if len(recipients) == 0 {
		u := p.Getenv("USER")
		if u == "" {
			u = "root"
		}
		recipients = []string{u}
	}
	msg, err := io.ReadAll(p.Stdin)
	if err != nil {
		return 75
	}
	text := string(msg)
	if !strings.HasPrefix(text, "From ") {
		text = fmt.Sprintf("From %s  %s\n", from, syCtime(p.Sys.Clock.Now())) + text
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	text += "\n"
	accts := ReadPasswd(p.Sys)
	status := 0
	for _, r := range recipients {
		a, ok := accts.Lookup(r)
		if !ok || strings.Contains(r, "/") {
			fmt.Fprintf(p.Stderr, "procmail: Unknown user \"%s\"\n", r)
			status = 67
			continue
		}
		box := "/var/spool/mail/" + a.Name
		f, err := p.Sys.FS.OpenFile(box, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			fmt.Fprintf(p.Stderr, "procmail: Couldn't create \"%s\"\n", box)
			status = 73
			continue
		}
		io.WriteString(f, text)
		f.Close()
		p.Sys.FS.Chown(box, a.ID, a.GID)
	}
	return status
}

// ---- iptables, iptables-save, iptables-restore (1.3.5) ----
//
// The machine keeps no packet filter of its own: while the iptables
// service holds /var/lock/subsys/iptables, the live rules are those saved
// in /etc/sysconfig/iptables; otherwise every table is empty with ACCEPT
// policies. Commands that would change the live rules (-A, -D, -F, -P...)
// are checked and succeed, but change nothing.

const (
	syIptData = "/etc/sysconfig/iptables"
	syIptLock = "/var/lock/subsys/iptables"
)

// syIptBuiltins are each table's built-in chains, in the kernel's order.
var syIptBuiltins = map[string][]string{
	"filter": {"INPUT", "FORWARD", "OUTPUT"},
	"nat":    {"PREROUTING", "POSTROUTING", "OUTPUT"},
	"mangle": {"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"},
	"raw":    {"PREROUTING", "OUTPUT"},
}

// syIptTargets are the targets iptables 1.3.5 has extensions for.
var syIptTargets = map[string]bool{"ACCEPT": true, "DROP": true, "QUEUE": true, "RETURN": true,
	"REJECT": true, "LOG": true, "ULOG": true, "DNAT": true, "SNAT": true, "MASQUERADE": true,
	"REDIRECT": true, "MARK": true, "CONNMARK": true, "TOS": true, "TTL": true, "NOTRACK": true,
	"CLASSIFY": true, "NETMAP": true, "TCPMSS": true}

type syIptChain struct {
	name   string
	policy string // "" for a user chain
	rules  [][]string
	lines  []string // the rules as written (iptables-save prints them)
}

type syIptTable struct {
	name   string
	chains []*syIptChain
}

func (t *syIptTable) chain(name string) *syIptChain {
	for _, c := range t.chains {
		if c.name == name {
			return c
		}
	}
	return nil
}

// syIptEmpty is a table as the kernel has it with no rules loaded.
func syIptEmpty(name string) *syIptTable {
	t := &syIptTable{name: name}
	for _, c := range syIptBuiltins[name] {
		t.chains = append(t.chains, &syIptChain{name: c, policy: "ACCEPT"})
	}
	return t
}

// syIptFields splits a rule line into words, honouring double quotes.
func syIptFields(s string) []string {
	out := make([]string, 0, strings.Count(s, " ")+strings.Count(s, "\t")+1)
	in, quoted, hasQuote := false, false, false
	start := 0
	field := func(end int) {
		f := s[start:end]
		if hasQuote {
			f = strings.ReplaceAll(f, `"`, "")
		}
		out = append(out, f)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			if !in {
				start, in = i, true
			}
			quoted, hasQuote = !quoted, true
		case (c == ' ' || c == '\t') && !quoted:
			if in {
				field(i)
				in, hasQuote = false, false
			}
		default:
			if !in {
				start, in = i, true
			}
		}
	}
	if in {
		field(len(s))
	}
	return out
}

// syIptTarget finds a rule's -j target.
func syIptTarget(rule []string) string {
	for i, a := range rule {
		if (a == "-j" || a == "--jump" || a == "-g" || a == "--goto") && i+1 < len(rule) {
			return rule[i+1]
		}
	}
	return ""
}

// syIptParse reads iptables-save text. On error it returns the message of
// iptables-restore.
func syIptParse(text string) ([]*syIptTable, string) {
	var tables []*syIptTable
	var cur *syIptTable
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	failed := func(n int) ([]*syIptTable, string) {
		return nil, fmt.Sprintf("iptables-restore: line %d failed\n", n)
	}
	for i, line := range lines {
		n := i + 1
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '*':
			name := line[1:]
			if cur != nil {
				return failed(n)
			}
			if _, ok := syIptBuiltins[name]; !ok {
				return nil, fmt.Sprintf("iptables-restore: unable to initialize table '%s'\n\nError occurred at line: %d\n"+
					"Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n", name, n)
			}
			cur = syIptEmpty(name)
		case line == "COMMIT":
			if cur == nil {
				return failed(n)
			}
			// User chains are listed in name order, after the built-in ones.
			nb := len(syIptBuiltins[cur.name])
			user := cur.chains[nb:]
			sort.Slice(user, func(a, b int) bool { return user[a].name < user[b].name })
			tables = append(tables, cur)
			cur = nil
		case line[0] == ':':
			f := strings.Fields(line[1:])
			if cur == nil || len(f) < 2 {
				return failed(n)
			}
			if c := cur.chain(f[0]); c != nil {
				if c.policy == "" || (f[1] != "ACCEPT" && f[1] != "DROP") {
					return failed(n)
				}
				c.policy = f[1]
				continue
			}
			if f[1] != "-" || syIptTargets[f[0]] {
				return failed(n)
			}
			cur.chains = append(cur.chains, &syIptChain{name: f[0]})
		case line[0] == '-':
			f := syIptFields(line)
			if cur == nil || len(f) < 2 {
				return failed(n)
			}
			switch f[0] {
			case "-A", "--append", "-I", "--insert":
				c := cur.chain(f[1])
				if c == nil {
					return failed(n)
				}
				if t := syIptTarget(f); t != "" && !syIptTargets[t] && cur.chain(t) == nil {
					return failed(n)
				}
				c.rules = append(c.rules, f[2:])
				c.lines = append(c.lines, line)
			case "-N", "--new-chain":
				if cur.chain(f[1]) != nil {
					return failed(n)
				}
				cur.chains = append(cur.chains, &syIptChain{name: f[1]})
			default:
				return failed(n)
			}
		default:
			return failed(n)
		}
	}
	if cur != nil {
		return nil, fmt.Sprintf("iptables-restore: COMMIT expected at line %d\n", len(lines)+1)
	}
	return tables, ""
}

// syIptLive is the live table name: the saved rules while the service
// has loaded them, else the empty table.
func syIptLive(p *Proc, name string) *syIptTable {
	if syExists(p, syIptLock) {
		if data, err := syRead(p, syIptData); err == nil {
			if tables, msg := syIptParse(string(data)); msg == "" {
				for _, t := range tables {
					if t.name == name {
						return t
					}
				}
			}
		}
	}
	return syIptEmpty(name)
}

// syIptLoaded lists the tables whose rules are live.
func syIptLoaded(p *Proc) []*syIptTable {
	if !syExists(p, syIptLock) {
		return nil
	}
	data, err := syRead(p, syIptData)
	if err != nil {
		return nil
	}
	tables, msg := syIptParse(string(data))
	if msg != "" {
		return nil
	}
	return tables
}

// syIptServices maps port numbers to /etc/services names for proto.
// The maps are shared (servicescache.go): callers only look names up.
func syIptServices(p *Proc) map[string]map[int]string {
	return sharedServices(p)
}

// parseServices maps the port numbers of /etc/services' text to names.
func parseServices(data string) map[string]map[int]string {
	out := map[string]map[int]string{"tcp": {}, "udp": {}}
	for _, line := range syLines([]byte(data)) {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		num, proto, ok := strings.Cut(f[1], "/")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || out[proto] == nil {
			continue
		}
		if _, dup := out[proto][n]; !dup {
			out[proto][n] = f[0]
		}
	}
	return out
}

// syIptIcmpTypes are the ICMP type names: type, first and last code.
var syIptIcmpTypes = []struct {
	name            string
	typ, cmin, cmax int
}{
	{"any", 255, 0, 255}, {"echo-reply", 0, 0, 255}, {"destination-unreachable", 3, 0, 255},
	{"network-unreachable", 3, 0, 0}, {"host-unreachable", 3, 1, 1}, {"protocol-unreachable", 3, 2, 2},
	{"port-unreachable", 3, 3, 3}, {"fragmentation-needed", 3, 4, 4}, {"source-quench", 4, 0, 255},
	{"redirect", 5, 0, 255}, {"echo-request", 8, 0, 255}, {"router-advertisement", 9, 0, 255},
	{"router-solicitation", 10, 0, 255}, {"time-exceeded", 11, 0, 255}, {"parameter-problem", 12, 0, 255},
	{"timestamp-request", 13, 0, 255}, {"timestamp-reply", 14, 0, 255},
}

// syIptProtos are the protocol names iptables knows without /etc/protocols.
var syIptProtos = map[string]string{"0": "all", "1": "icmp", "6": "tcp", "17": "udp", "50": "esp", "51": "ah", "132": "sctp"}

// syIptAddr renders a -s/-d value as -L shows it.
func syIptAddr(p *Proc, v string, numeric bool) string {
	if v == "" {
		if numeric {
			return "0.0.0.0/0"
		}
		return "anywhere"
	}
	addr, bits, hasMask := strings.Cut(v, "/")
	if !hasMask {
		bits = "32"
	}
	if addr == "0.0.0.0" && bits == "0" {
		return syIptAddr(p, "", numeric)
	}
	if _, ok := ntIPv4(addr); !ok {
		if h, ok := ntLookupHost(p, addr); ok {
			addr = h.addr
		}
	}
	if bits == "32" {
		if !numeric {
			if name, ok := ntHostName(p, addr); ok {
				return name
			}
		}
		return addr
	}
	return addr + "/" + bits
}

// syIptRender is one rule as iptables -L prints it.
func syIptRender(p *Proc, rule []string, f syIptFormat) string {
	var proto, src, dst, in, out, target string
	var protoNeg, srcNeg, dstNeg, inNeg, outNeg, frag, fragNeg bool
	type match struct {
		name string
		opts [][3]string // option, value, "!" when negated
	}
	var matches []*match
	var topts [][2]string
	afterJump := false
	neg := false
	find := func(name string) *match {
		for _, m := range matches {
			if m.name == name {
				return m
			}
		}
		return nil
	}
	for i := 0; i < len(rule); i++ {
		a := rule[i]
		val := func() string {
			if i+1 < len(rule) {
				i++
				return rule[i]
			}
			return ""
		}
		if a == "!" {
			neg = true
			continue
		}
		switch a {
		case "-p", "--protocol", "--proto":
			proto, protoNeg = strings.ToLower(val()), neg
		case "-s", "--source", "--src":
			src, srcNeg = val(), neg
		case "-d", "--destination", "--dst":
			dst, dstNeg = val(), neg
		case "-i", "--in-interface":
			in, inNeg = val(), neg
		case "-o", "--out-interface":
			out, outNeg = val(), neg
		case "-f", "--fragment":
			frag, fragNeg = true, neg
		case "-m", "--match":
			name := val()
			if find(name) == nil {
				matches = append(matches, &match{name: name})
			}
		case "-j", "--jump", "-g", "--goto":
			target = val()
			afterJump = true
		default:
			if !strings.HasPrefix(a, "--") {
				break
			}
			v := ""
			twoArgs := a == "--tcp-flags"
			if a != "--syn" && i+1 < len(rule) && !strings.HasPrefix(rule[i+1], "-") {
				v = val()
				if twoArgs && i+1 < len(rule) {
					v += " " + val()
				}
			}
			if afterJump {
				topts = append(topts, [2]string{a, v})
				break
			}
			negs := ""
			if neg {
				negs = "!"
			}
			var m *match
			switch a {
			case "--dport", "--sport", "--destination-port", "--source-port", "--icmp-type", "--tcp-flags", "--syn", "--tcp-option":
				if m = find(proto); m == nil {
					m = &match{name: proto}
					matches = append(matches, m)
				}
			default:
				if len(matches) > 0 {
					m = matches[len(matches)-1]
				}
			}
			if m != nil {
				m.opts = append(m.opts, [3]string{a, v, negs})
			}
		}
		neg = false
	}
	var b strings.Builder
	if f.verbose {
		if f.exact {
			fmt.Fprintf(&b, "%8d %10d ", 0, 0)
		} else {
			fmt.Fprintf(&b, "%5d %5d ", 0, 0)
		}
	}
	fmt.Fprintf(&b, "%-9s ", target)
	if protoNeg {
		b.WriteByte('!')
	} else {
		b.WriteByte(' ')
	}
	pname := proto
	if pname == "" {
		pname = "all"
	}
	if n, ok := syIptProtos[pname]; ok {
		pname = n
	}
	fmt.Fprintf(&b, "%-5s", pname)
	switch {
	case frag && fragNeg:
		b.WriteString("!f ")
	case frag:
		b.WriteString("-f ")
	default:
		b.WriteString("-- ")
	}
	if f.verbose {
		iface := func(name string, n bool) string {
			s := ""
			if n {
				s = "!"
			}
			switch {
			case name != "":
				s += name
			case f.numeric:
				s += "*"
			default:
				s += "any"
			}
			return s
		}
		fmt.Fprintf(&b, " %-6s ", iface(in, inNeg))
		fmt.Fprintf(&b, "%-6s ", iface(out, outNeg))
	}
	negc := func(n bool) byte {
		if n {
			return '!'
		}
		return ' '
	}
	fmt.Fprintf(&b, "%c%-19s %c%-19s ", negc(srcNeg), syIptAddr(p, src, f.numeric), negc(dstNeg), syIptAddr(p, dst, f.numeric))
	port := func(proto, v string) string {
		lo, hi, isRange := strings.Cut(v, ":")
		name := func(s string) string {
			n, err := strconv.Atoi(s)
			if err != nil {
				return s
			}
			if !f.numeric {
				if sname, ok := f.services[proto][n]; ok {
					return sname
				}
			}
			return strconv.Itoa(n)
		}
		if isRange {
			if lo == "" {
				lo = "0"
			}
			if hi == "" {
				hi = "65535"
			}
			return name(lo) + ":" + name(hi)
		}
		return name(lo)
	}
	for _, m := range matches {
		switch m.name {
		case "tcp", "udp":
			b.WriteString(m.name + " ")
			for _, o := range m.opts {
				switch o[0] {
				case "--sport", "--source-port", "--dport", "--destination-port":
					kind := "spt"
					if o[0] == "--dport" || o[0] == "--destination-port" {
						kind = "dpt"
					}
					if strings.Contains(o[1], ":") {
						kind += "s"
					}
					fmt.Fprintf(&b, "%s:%s%s ", kind, o[2], port(m.name, o[1]))
				case "--syn":
					fmt.Fprintf(&b, "%sflags:0x17/0x02 ", o[2])
				case "--tcp-flags":
					fmt.Fprintf(&b, "%sflags:%s ", o[2], strings.ReplaceAll(o[1], " ", "/"))
				}
			}
		case "icmp":
			b.WriteString("icmp ")
			for _, o := range m.opts {
				if o[0] != "--icmp-type" {
					continue
				}
				typ, cmin, cmax := -1, 0, 255
				for _, t := range syIptIcmpTypes {
					if t.name == o[1] {
						typ, cmin, cmax = t.typ, t.cmin, t.cmax
					}
				}
				if typ < 0 {
					ts, cs, hasCode := strings.Cut(o[1], "/")
					typ, _ = strconv.Atoi(ts)
					if hasCode {
						cmin, _ = strconv.Atoi(cs)
						cmax = cmin
					}
				}
				named := false
				if !f.numeric {
					for _, t := range syIptIcmpTypes {
						if t.typ == typ && t.cmin == cmin && t.cmax == cmax {
							fmt.Fprintf(&b, "%s%s ", o[2], t.name)
							named = true
							break
						}
					}
				}
				if !named {
					fmt.Fprintf(&b, "%stype %d", o[2], typ)
					switch {
					case cmin == 0 && cmax == 255:
						b.WriteString(" ")
					case cmin == cmax:
						fmt.Fprintf(&b, " code %d ", cmin)
					default:
						fmt.Fprintf(&b, " codes %d-%d ", cmin, cmax)
					}
				}
			}
		case "state":
			for _, o := range m.opts {
				if o[0] != "--state" {
					continue
				}
				var names []string
				for _, s := range []string{"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED"} {
					for _, g := range strings.Split(strings.ToUpper(o[1]), ",") {
						if g == s {
							names = append(names, s)
						}
					}
				}
				fmt.Fprintf(&b, "state %s%s ", o[2], strings.Join(names, ","))
			}
		case "multiport":
			for _, o := range m.opts {
				kind := map[string]string{"--sports": "sports", "--source-ports": "sports", "--dports": "dports",
					"--destination-ports": "dports", "--ports": "ports"}[o[0]]
				if kind == "" {
					continue
				}
				var ps []string
				for _, x := range strings.Split(o[1], ",") {
					ps = append(ps, port(proto, x))
				}
				fmt.Fprintf(&b, "multiport %s %s%s ", kind, o[2], strings.Join(ps, ","))
			}
		case "comment":
			for _, o := range m.opts {
				fmt.Fprintf(&b, "/* %s */ ", o[1])
			}
		case "limit":
			avg, burst := "3/hour", "5"
			for _, o := range m.opts {
				switch o[0] {
				case "--limit":
					avg = o[1]
				case "--limit-burst":
					burst = o[1]
				}
			}
			unit := map[string]string{"s": "sec", "m": "min", "h": "hour", "d": "day"}
			if n, u, ok := strings.Cut(avg, "/"); ok && len(u) > 0 {
				if full, ok := unit[u[:1]]; ok {
					avg = n + "/" + full
				}
			}
			fmt.Fprintf(&b, "limit: avg %s burst %s ", avg, burst)
		case "mac":
			for _, o := range m.opts {
				fmt.Fprintf(&b, "MAC %s%s ", o[2], strings.ToUpper(o[1]))
			}
		default:
			b.WriteString(m.name + " ")
		}
	}
	opt := func(names ...string) (string, bool) {
		for _, o := range topts {
			for _, n := range names {
				if o[0] == n {
					return o[1], true
				}
			}
		}
		return "", false
	}
	switch target {
	case "REJECT":
		with, ok := opt("--reject-with")
		if !ok {
			with = "icmp-port-unreachable"
		}
		fmt.Fprintf(&b, "reject-with %s ", with)
	case "LOG":
		level := 4
		levels := []string{"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"}
		if l, ok := opt("--log-level"); ok {
			if n, err := strconv.Atoi(l); err == nil {
				level = n
			} else {
				for i, name := range levels {
					if name == l || (l == "err" && i == 3) || (l == "warn" && i == 4) {
						level = i
					}
				}
			}
		}
		if f.numeric {
			fmt.Fprintf(&b, "LOG flags 0 level %d ", level)
		} else if level >= 0 && level < len(levels) {
			fmt.Fprintf(&b, "LOG level %s ", levels[level])
		}
		if pfx, ok := opt("--log-prefix"); ok && pfx != "" {
			fmt.Fprintf(&b, "prefix `%s' ", pfx)
		}
	case "DNAT", "SNAT":
		if to, ok := opt("--to-destination", "--to-source", "--to"); ok {
			fmt.Fprintf(&b, "to:%s ", to)
		}
	case "MASQUERADE":
		if to, ok := opt("--to-ports"); ok {
			fmt.Fprintf(&b, "masq ports: %s ", to)
		}
	case "REDIRECT":
		if to, ok := opt("--to-ports"); ok {
			fmt.Fprintf(&b, "redir ports %s ", to)
		}
	}
	return b.String()
}

// syIptFormat holds the listing options.
type syIptFormat struct {
	numeric, verbose, exact, lineNums bool
	services                          map[string]map[int]string
}

// syIptList prints the chains of t as iptables -L does; chain "" is all.
func syIptList(p *Proc, t *syIptTable, chain string, f syIptFormat) {
	var b strings.Builder
	refs := map[string]int{}
	for _, c := range t.chains {
		for _, r := range c.rules {
			refs[syIptTarget(r)]++
		}
	}
	first := true
	for _, c := range t.chains {
		if chain != "" && c.name != chain {
			continue
		}
		if !first {
			b.WriteString("\n")
		}
		first = false
		fmt.Fprintf(&b, "Chain %s ", c.name)
		switch {
		case c.policy == "":
			fmt.Fprintf(&b, "(%d references)\n", refs[c.name])
		case f.verbose:
			fmt.Fprintf(&b, "(policy %s 0 packets, 0 bytes)\n", c.policy)
		default:
			fmt.Fprintf(&b, "(policy %s)\n", c.policy)
		}
		if f.lineNums {
			b.WriteString("num  ")
		}
		if f.verbose {
			if f.exact {
				b.WriteString("    pkts      bytes ")
			} else {
				b.WriteString(" pkts bytes ")
			}
		}
		b.WriteString("target     prot opt")
		if f.verbose {
			b.WriteString(" in     out    ")
		}
		b.WriteString(" source               destination         \n")
		for i, r := range c.rules {
			if f.lineNums {
				fmt.Fprintf(&b, "%-4d ", i+1)
			}
			b.WriteString(syIptRender(p, r, f))
			b.WriteString("\n")
		}
	}
	io.WriteString(p.Stdout, b.String())
}

func syIptablesError(p *Proc, status int, format string, args ...any) int {
	fmt.Fprintf(p.Stderr, "iptables v1.3.5: "+format+"\n", args...)
	fmt.Fprintf(p.Stderr, "Try `iptables -h' or 'iptables --help' for more information.\n")
	return status
}

func syIptables(p *Proc) int {
	args := p.Args[1:]
	table := "filter"
	cmd, chain, policy := "", "", ""
	var f syIptFormat
	var rule []string
	setCmd := func(c string) bool {
		if cmd != "" && cmd != c {
			syIptablesError(p, 2, "Can't use -%s with -%s", c, cmd)
			return false
		}
		cmd = c
		return true
	}
	optChain := func(i *int) {
		if *i+1 < len(args) && !strings.HasPrefix(args[*i+1], "-") {
			*i++
			chain = args[*i]
		}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		need := func() (string, bool) {
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		if cmd == "A" || cmd == "I" || cmd == "D" || cmd == "R" {
			if a == "-t" || a == "--table" {
				if v, ok := need(); ok {
					table = v
				}
				continue
			}
			rule = append(rule, a)
			continue
		}
		switch a {
		case "-t", "--table":
			v, ok := need()
			if !ok {
				return syIptablesError(p, 2, "option `%s' requires an argument", a)
			}
			table = v
			continue
		case "--list":
			a = "-L"
		case "--flush":
			a = "-F"
		case "--zero":
			a = "-Z"
		case "--delete-chain":
			a = "-X"
		case "--policy":
			a = "-P"
		case "--append":
			a = "-A"
		case "--insert":
			a = "-I"
		case "--delete":
			a = "-D"
		case "--replace":
			a = "-R"
		case "--new-chain":
			a = "-N"
		case "--rename-chain":
			a = "-E"
		case "--numeric":
			a = "-n"
		case "--verbose":
			a = "-v"
		case "--exact":
			a = "-x"
		case "--line-numbers":
			f.lineNums = true
			continue
		case "--help":
			a = "-h"
		case "--version":
			a = "-V"
		}
		if len(a) < 2 || a[0] != '-' || a[1] == '-' {
			return syIptablesError(p, 2, "Unknown arg `%s'", a)
		}
		for j := 1; j < len(a); j++ {
			c := a[j]
			switch c {
			case 'n':
				f.numeric = true
			case 'v':
				f.verbose = true
			case 'x':
				f.exact = true
			case 'L', 'F', 'Z', 'X':
				if !setCmd(string(c)) {
					return 2
				}
				if j == len(a)-1 {
					optChain(&i)
				}
			case 'P', 'N', 'A', 'I', 'D', 'R', 'E':
				if !setCmd(string(c)) {
					return 2
				}
				v, ok := need()
				if !ok {
					return syIptablesError(p, 2, "option requires an argument -- %c", c)
				}
				chain = v
				switch c {
				case 'P', 'E':
					if policy, ok = need(); !ok {
						return syIptablesError(p, 2, "-%c requires a chain and a policy", c)
					}
				}
				j = len(a)
			case 'h':
				p.Printf("iptables v1.3.5\n\nUsage: iptables -[AD] chain rule-specification [options]\n" +
					"       iptables -[RI] chain rulenum rule-specification [options]\n" +
					"       iptables -D chain rulenum [options]\n       iptables -[LFZ] [chain] [options]\n" +
					"       iptables -[NX] chain\n       iptables -E old-chain-name new-chain-name\n" +
					"       iptables -P chain target [options]\n       iptables -h (print this help information)\n")
				return 0
			case 'V':
				p.Printf("iptables v1.3.5\n")
				return 0
			default:
				fmt.Fprintf(p.Stderr, "iptables: invalid option -- %c\n", c)
				return syIptablesError(p, 2, "Unknown arg `%s'", a)
			}
		}
	}
	if _, ok := syIptBuiltins[table]; !ok {
		fmt.Fprintf(p.Stderr, "iptables v1.3.5: can't initialize iptables table `%s': Table does not exist (do you need to insmod?)\n"+
			"Perhaps iptables or your kernel needs to be upgraded.\n", table)
		return 3
	}
	if cmd == "" {
		return syIptablesError(p, 2, "no command specified")
	}
	t := syIptLive(p, table)
	noChain := func() int {
		io.WriteString(p.Stderr, "iptables: No chain/target/match by that name\n")
		return 1
	}
	switch cmd {
	case "L":
		if chain != "" && t.chain(chain) == nil {
			return noChain()
		}
		f.services = syIptServices(p)
		syIptList(p, t, chain, f)
		return 0
	case "F", "Z", "X":
		if chain != "" && t.chain(chain) == nil {
			return noChain()
		}
		if cmd == "X" && chain != "" && t.chain(chain).policy != "" {
			io.WriteString(p.Stderr, "iptables: Invalid argument\n")
			return 1
		}
		return 0
	case "P":
		c := t.chain(chain)
		if c == nil || c.policy == "" {
			io.WriteString(p.Stderr, "iptables: Bad built-in chain name\n")
			return 1
		}
		if policy != "ACCEPT" && policy != "DROP" {
			io.WriteString(p.Stderr, "iptables: Bad policy name\n")
			return 1
		}
		return 0
	case "N":
		if t.chain(chain) != nil {
			io.WriteString(p.Stderr, "iptables: Chain already exists\n")
			return 1
		}
		return 0
	case "E":
		if t.chain(chain) == nil {
			return noChain()
		}
		return 0
	}
	// -A, -I, -D, -R
	if t.chain(chain) == nil {
		return noChain()
	}
	if target := syIptTarget(rule); target != "" && !syIptTargets[target] && t.chain(target) == nil {
		return syIptablesError(p, 2, "Couldn't load target `%s':/lib/iptables/libipt_%s.so: cannot open shared object file: No such file or directory\n", target, target)
	}
	return 0
}

func syIptablesSave(p *Proc) int {
	opts, _, err := Getopt(p.Args[1:], "bcdt:", []LongOpt{{Name: "binary", Short: 'b'}, {Name: "counters", Short: 'c'},
		{Name: "dump", Short: 'd'}, {Name: "table", Arg: RequiredArg, Short: 't'}})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return 1
	}
	only, counters := "", false
	for _, o := range opts {
		switch o.Name {
		case "t":
			only = o.Arg
		case "c":
			counters = true
		}
	}
	if only != "" {
		if _, ok := syIptBuiltins[only]; !ok {
			fmt.Fprintf(p.Stderr, "iptables-save: Can't initialize: %s\n", "Table does not exist (do you need to insmod?)")
			return 1
		}
	}
	stamp := syCtime(p.Sys.Clock.Now())
	var b strings.Builder
	for _, t := range syIptLoaded(p) {
		if only != "" && t.name != only {
			continue
		}
		fmt.Fprintf(&b, "# Generated by iptables-save v1.3.5 on %s\n*%s\n", stamp, t.name)
		for _, c := range t.chains {
			pol := c.policy
			if pol == "" {
				pol = "-"
			}
			fmt.Fprintf(&b, ":%s %s [0:0]\n", c.name, pol)
		}
		for _, c := range t.chains {
			for _, line := range c.lines {
				if counters {
					b.WriteString("[0:0] ")
				}
				b.WriteString(line + "\n")
			}
		}
		fmt.Fprintf(&b, "COMMIT\n# Completed on %s\n", stamp)
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

func syIptablesRestore(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "bcvhnt:", []LongOpt{{Name: "binary", Short: 'b'}, {Name: "counters", Short: 'c'},
		{Name: "verbose", Short: 'v'}, {Name: "help", Short: 'h'}, {Name: "noflush", Short: 'n'}, {Name: "test", Short: 't'}})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return 1
	}
	for _, o := range opts {
		if o.Name == "h" {
			fmt.Fprintf(p.Stderr, "Usage: %s [ -b ] [-c] [-v] [-t] [-h]\n\t   [ --binary ]\n\t   [ --counters ]\n\t   [ --verbose ]\n\t   [ --test ]\n\t   [ --help ]\n\t   [ --noflush ]\n", p.Name())
			return 0
		}
	}
	var data []byte
	if len(ops) > 0 {
		data, err = syRead(p, ops[0])
		if err != nil {
			fmt.Fprintf(p.Stderr, "Can't open %s: %s\n", ops[0], Strerror(err))
			return 1
		}
	} else {
		data, err = io.ReadAll(p.Stdin)
		if err != nil {
			return 1
		}
	}
	if _, msg := syIptParse(string(data)); msg != "" {
		io.WriteString(p.Stderr, msg)
		return 1
	}
	return 0
}
