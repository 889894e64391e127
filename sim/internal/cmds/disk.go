package cmds

// df and du as in GNU coreutils 5.97 (CentOS 5), over a fixed table of the
// disks of a small CentOS 5 virtual machine: LVM root, /boot on sda1, and
// the virtual file systems of /etc/mtab.

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
)

func init() {
	Register(Command{
		Name:    "df",
		Dirs:    []string{"/bin"},
		Summary: "report file system disk space usage",
		Usage:   "df [OPTION]... [FILE]...",
		Main:    dfMain,
	})
	Register(Command{
		Name:    "du",
		Dirs:    []string{"/usr/bin"},
		Summary: "estimate file space usage",
		Usage:   "du [OPTION]... [FILE]...",
		Main:    duMain,
	})
}

// diskMount is one mounted file system.
type diskMount struct {
	dev    string // as /etc/mtab names it
	dir    string
	fstype string
	devno  uint64 // st_dev of its files
	magic  uint64 // statfs f_type
	fsid   uint64
	bsize  int64
	// Fixed size for disks (in bsize blocks); 0 for virtual file systems.
	blocks, baseUsed, reserved int64
	files, baseFiles           int64
	listed                     bool // in /etc/mtab (shown by df)
}

func (m *diskMount) typeName() string {
	switch m.fstype {
	case "ext3":
		return "ext2/ext3"
	}
	return m.fstype
}

// diskMounts is the machine's mount table, in /etc/mtab order. /dev is
// the udev tmpfs, mounted before /etc/mtab exists and so not listed.
var diskMounts = []*diskMount{
	{dev: "/dev/mapper/VolGroup00-LogVol00", dir: "/", fstype: "ext3", devno: 0xfd00, magic: 0xef53, fsid: 0x2c8a5f91e1a3b6d4, bsize: 4096,
		blocks: 2015598, baseUsed: 303872, reserved: 100779, files: 2048256, baseFiles: 92350, listed: true},
	{dev: "proc", dir: "/proc", fstype: "proc", devno: 0x3, magic: 0x9fa0, bsize: 4096, listed: true},
	{dev: "sysfs", dir: "/sys", fstype: "sysfs", devno: 0x0, magic: 0x62656572, bsize: 4096, listed: true},
	{dev: "devpts", dir: "/dev/pts", fstype: "devpts", devno: 0xa, magic: 0x1cd1, bsize: 4096, listed: true},
	{dev: "/dev/sda1", dir: "/boot", fstype: "ext3", devno: 0x801, magic: 0xef53, fsid: 0x7d16a0c24e9b3f05, bsize: 1024,
		blocks: 101086, baseUsed: 12713, reserved: 5219, files: 26104, baseFiles: 34, listed: true},
	{dev: "tmpfs", dir: "/dev/shm", fstype: "tmpfs", devno: 0x13, magic: 0x1021994, bsize: 4096,
		blocks: 63995, files: 63995, baseFiles: 1, listed: true},
	{dev: "none", dir: "/proc/sys/fs/binfmt_misc", fstype: "binfmt_misc", devno: 0x14, magic: 0x42494e4d, bsize: 4096, listed: true},
	{dev: "sunrpc", dir: "/var/lib/nfs/rpc_pipefs", fstype: "rpc_pipefs", devno: 0x15, magic: 0x67596969, bsize: 4096, listed: true},
	{dev: "udev", dir: "/dev", fstype: "tmpfs", devno: 0x11, magic: 0x1021994, bsize: 4096},
}

// diskMountFor returns the mount holding the absolute path abs (taken
// lexically).
func diskMountFor(abs string) *diskMount {
	best := diskMounts[0]
	for _, m := range diskMounts[1:] {
		if (abs == m.dir || strings.HasPrefix(abs, m.dir+"/")) && len(m.dir) > len(best.dir) {
			best = m
		}
	}
	return best
}

// diskStat is a statfs result, in the mount's blocks.
type diskStat struct {
	blocks, free, avail, files, ffree int64
}

// diskUsage reports a mount's size and use. The root grows with the bytes
// and inodes of the machine's vfs; /dev/shm with the files under it.
func diskUsage(p *Proc, m *diskMount) diskStat {
	if m.blocks == 0 {
		return diskStat{}
	}
	used, files := m.baseUsed, m.baseFiles
	switch m.dir {
	case "/":
		// The vfs holds tmpfs files too; they are not on the disk.
		bytes, entries := p.Sys.FS.Usage()
		shmK, shmN := duWalkTotal(p, "/dev/shm")
		bytes = max(bytes-shmK*1024, 0)
		used += (bytes + m.bsize - 1) / m.bsize
		files += max(int64(entries)-shmN, 0)
	case "/dev/shm":
		k, n := duWalkTotal(p, "/dev/shm")
		used += (k*1024 + m.bsize - 1) / m.bsize
		files += n - 1
	}
	used = min(used, m.blocks)
	free := m.blocks - used
	return diskStat{
		blocks: m.blocks, free: free, avail: max(free-m.reserved, 0),
		files: m.files, ffree: max(m.files-files, 0),
	}
}

// duWalkTotal is the 1K blocks of the regular files and the number of
// entries of the tree at abs, as tmpfs counts them (directories take no
// blocks).
func duWalkTotal(p *Proc, abs string) (int64, int64) {
	fi, err := p.Sys.FS.Lstat(abs)
	if err != nil {
		return 0, 0
	}
	if !fi.IsDir() {
		if fi.Mode().IsRegular() {
			return lsfamBlocks(fi), 1
		}
		return 0, 1
	}
	k, n := int64(0), int64(1)
	d, err := p.Sys.FS.Open(abs)
	if err != nil {
		return k, n
	}
	infos, _ := d.Readdir(-1)
	d.Close()
	for _, c := range infos {
		ck, cn := duWalkTotal(p, strings.TrimSuffix(abs, "/")+"/"+c.Name())
		k += ck
		n += cn
	}
	return k, n
}

const dfHelp = `Usage: df [OPTION]... [FILE]...
Show information about the file system on which each FILE resides,
or all file systems by default.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all             include dummy file systems
  -B, --block-size=SIZE use SIZE-byte blocks
  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)
  -H, --si              likewise, but use powers of 1000 not 1024
  -i, --inodes          list inode information instead of block usage
  -k                    like --block-size=1K
  -l, --local           limit listing to local file systems
  -P, --portability     use the POSIX output format
  -t, --type=TYPE       limit listing to file systems of type TYPE
  -T, --print-type      print file system type
  -x, --exclude-type=TYPE   limit listing to file systems not of type TYPE
      --help     display this help and exit
      --version  output version information and exit

Report bugs to <bug-coreutils@gnu.org>.
`

func dfMain(p *Proc) int {
	long := []LongOpt{
		{Name: "all", Short: 'a'},
		{Name: "human-readable", Short: 'h'},
		{Name: "si", Short: 'H'},
		{Name: "inodes", Short: 'i'},
		{Name: "local", Short: 'l'},
		{Name: "portability", Short: 'P'},
		{Name: "print-type", Short: 'T'},
		{Name: "type", Arg: RequiredArg, Short: 't'},
		{Name: "exclude-type", Arg: RequiredArg, Short: 'x'},
		{Name: "sync"},
		{Name: "no-sync"},
		{Name: "help"},
		{Name: "version"},
	}
	opts, operands, err := Getopt(p.Args[1:], "ahHiklPTt:vx:", long)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var all, human, si, inodes, posix, printType bool
	var only, exclude []string
	for _, o := range opts {
		switch o.Name {
		case "a":
			all = true
		case "h":
			human, si = true, false
		case "H":
			human, si = true, true
		case "i":
			inodes = true
		case "k":
			human = false
		case "P":
			posix = true
		case "T":
			printType = true
		case "t":
			only = append(only, o.Arg)
		case "x":
			exclude = append(exclude, o.Arg)
		case "help":
			p.Printf("%s", dfHelp)
			return 0
		case "version":
			lsfamVersion(p, "df", "Torbjorn Granlund, David MacKenzie, and Paul Eggert")
			return 0
		}
	}
	status := 0
	var shown []*diskMount
	if len(operands) == 0 {
		for _, m := range diskMounts {
			if !m.listed || (!all && m.blocks == 0) {
				continue
			}
			if len(only) > 0 && !strings.Contains(" "+strings.Join(only, " ")+" ", " "+m.fstype+" ") {
				continue
			}
			if strings.Contains(" "+strings.Join(exclude, " ")+" ", " "+m.fstype+" ") {
				continue
			}
			shown = append(shown, m)
		}
	} else {
		for _, op := range operands {
			abs := p.Abs(op)
			if _, err := p.Sys.FS.Stat(abs); err != nil {
				p.Errorf("`%s': %s", op, Strerror(err))
				status = 1
				continue
			}
			if real, err := p.Sys.FS.EvalSymlinks(abs); err == nil {
				abs = real
			}
			shown = append(shown, diskMountFor(abs))
		}
	}
	if len(shown) == 0 {
		if status == 0 {
			p.Errorf("no file systems processed")
			return 1
		}
		return status
	}
	w := bufio.NewWriter(p.Stdout)
	defer w.Flush()
	if printType {
		w.WriteString("Filesystem    Type")
	} else {
		w.WriteString("Filesystem        ")
	}
	switch {
	case inodes:
		w.WriteString("    Inodes   IUsed   IFree IUse%")
	case human && !si:
		w.WriteString("    Size  Used Avail Use%")
	case human:
		w.WriteString("     Size   Used  Avail Use%")
	case posix:
		w.WriteString(" 1024-blocks      Used Available Capacity")
	default:
		w.WriteString("   1K-blocks      Used Available Use%")
	}
	w.WriteString(" Mounted on\n")
	for _, m := range shown {
		dev := m.dev
		if printType {
			if len(dev)+len(m.fstype) < 18 {
				fmt.Fprintf(w, "%s%*s  ", dev, 18-len(dev), m.fstype)
			} else if !posix {
				fmt.Fprintf(w, "%s\n%18s  ", dev, m.fstype)
			} else {
				fmt.Fprintf(w, "%s %s", dev, m.fstype)
			}
		} else if len(dev) > 20 && !posix {
			fmt.Fprintf(w, "%s\n%20s", dev, "")
		} else {
			fmt.Fprintf(w, "%-20s", dev)
		}
		u := diskUsage(p, m)
		var total, used, avail int64
		width, useWidth := 9, 4
		render := func(n int64) string { return strconv.FormatInt(n*m.bsize/1024, 10) }
		switch {
		case inodes:
			width, useWidth = 7, 5
			total, used, avail = u.files, u.files-u.ffree, u.ffree
			render = func(n int64) string { return strconv.FormatInt(n, 10) }
		default:
			total, used, avail = u.blocks, u.blocks-u.free, u.avail
			if human {
				width = 5
				if si {
					width = 6
					render = func(n int64) string { return diskHumanSI(uint64(n * m.bsize)) }
				} else {
					render = func(n int64) string { return lsfamHuman(uint64(n * m.bsize)) }
				}
			}
			if posix && !human {
				useWidth = 8
			}
		}
		fmt.Fprintf(w, " %*s %*s %*s ", width, render(total), width, render(used), width, render(avail))
		if used+avail == 0 {
			fmt.Fprintf(w, "%*s", useWidth, "-")
		} else {
			pct := (used*100 + used + avail - 1) / (used + avail)
			fmt.Fprintf(w, "%*d%%", useWidth-1, pct)
		}
		fmt.Fprintf(w, " %s\n", m.dir)
	}
	return status
}

// diskHumanSI renders a byte count in powers of 1000, rounded up (df -H).
func diskHumanSI(amt uint64) string {
	const suffixes = "kMGTPEZY"
	if amt < 1000 {
		return strconv.FormatUint(amt, 10)
	}
	exp := 0
	v := float64(amt)
	for v >= 1000 && exp < len(suffixes) {
		v /= 1000
		exp++
	}
	if v < 10 {
		t := float64(int64(v*10)) / 10
		if t < v {
			t += 0.1
		}
		if t < 10 {
			return strconv.FormatFloat(t, 'f', 1, 64) + suffixes[exp-1:exp]
		}
		v = t
	}
	n := int64(v)
	if float64(n) < v {
		n++
	}
	if n == 1000 && exp < len(suffixes) {
		return "1.0" + suffixes[exp:exp+1]
	}
	return strconv.FormatInt(n, 10) + suffixes[exp-1:exp]
}

const duHelp = `Usage: du [OPTION]... [FILE]...
Summarize disk usage of each FILE, recursively for directories.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all             write counts for all files, not just directories
      --apparent-size   print apparent sizes, rather than disk usage
  -b, --bytes           equivalent to ` + "`--apparent-size --block-size=1'" + `
  -c, --total           produce a grand total
  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)
  -k                    like --block-size=1K
  -L, --dereference     dereference all symbolic links
  -m                    like --block-size=1M
  -S, --separate-dirs   do not include size of subdirectories
  -s, --summarize       display only a total for each argument
  -x, --one-file-system skip directories on different file systems
      --max-depth=N     print the total for a directory (or file, with --all)
                          only if it is N or fewer levels below the command
                          line argument;  --max-depth=0 is the same as
                          --summarize
      --help     display this help and exit
      --version  output version information and exit

Report bugs to <bug-coreutils@gnu.org>.
`

type duer struct {
	p                        *Proc
	w                        *bufio.Writer
	all, apparent, summarize bool
	separate, deref, oneFS   bool
	human                    bool
	unit                     int64 // output block size in bytes; 1 with -b
	maxDepth                 int   // -1: none
	seen                     map[uint64]bool
	status                   int
}

func duMain(p *Proc) int {
	long := []LongOpt{
		{Name: "all", Short: 'a'},
		{Name: "apparent-size"},
		{Name: "bytes", Short: 'b'},
		{Name: "total", Short: 'c'},
		{Name: "human-readable", Short: 'h'},
		{Name: "dereference", Short: 'L'},
		{Name: "separate-dirs", Short: 'S'},
		{Name: "summarize", Short: 's'},
		{Name: "one-file-system", Short: 'x'},
		{Name: "max-depth", Arg: RequiredArg},
		{Name: "help"},
		{Name: "version"},
	}
	opts, operands, err := Getopt(p.Args[1:], "abchkLmSsx", long)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	d := &duer{p: p, unit: 1024, maxDepth: -1, seen: map[uint64]bool{}}
	total := false
	for _, o := range opts {
		switch o.Name {
		case "a":
			d.all = true
		case "apparent-size":
			d.apparent = true
		case "b":
			d.apparent, d.unit, d.human = true, 1, false
		case "c":
			total = true
		case "h":
			d.human = true
		case "k":
			d.unit, d.human = 1024, false
		case "m":
			d.unit, d.human = 1024*1024, false
		case "L":
			d.deref = true
		case "S":
			d.separate = true
		case "s":
			d.summarize = true
		case "x":
			d.oneFS = true
		case "max-depth":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n < 0 {
				p.Errorf("invalid maximum depth `%s'", o.Arg)
				return 1
			}
			d.maxDepth = n
		case "help":
			p.Printf("%s", duHelp)
			return 0
		case "version":
			lsfamVersion(p, "du", "Torbjorn Granlund, David MacKenzie, Paul Eggert, and Jim Meyering")
			return 0
		}
	}
	if d.summarize && d.all {
		p.Errorf("cannot both summarize and show all entries")
		fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
		return 1
	}
	if d.summarize {
		if d.maxDepth > 0 {
			p.Errorf("warning: summarizing conflicts with --max-depth=%d", d.maxDepth)
			fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
			return 1
		}
		d.maxDepth = 0
	}
	if len(operands) == 0 {
		operands = []string{"."}
	}
	d.w = bufio.NewWriter(p.Stdout)
	defer d.w.Flush()
	var grand int64
	for _, op := range operands {
		abs := p.Abs(op) + lsTrailingSlash(op)
		var fi fs.FileInfo
		var err error
		if d.deref {
			fi, err = p.userFS().Stat(abs)
		} else {
			fi, err = p.userFS().Lstat(abs)
		}
		if err != nil {
			d.fail(op, err)
			continue
		}
		dev := diskMountFor(abs).devno
		size, _ := d.walk(op, abs, fi, 0, dev)
		grand += size
	}
	if total {
		d.print(grand, "total")
	}
	return d.status
}

func (d *duer) fail(name string, err error) {
	d.w.Flush()
	d.p.Errorf("cannot access `%s': %s", name, Strerror(err))
	d.status = 1
}

// size is one file's contribution in bytes.
func (d *duer) size(fi fs.FileInfo) int64 {
	if d.apparent {
		if fi.IsDir() {
			return 4096
		}
		return fi.Size()
	}
	return lsfamBlocks(fi) * 1024
}

// walk adds up the tree at abs (printed as name) and prints its lines;
// it returns the total in bytes and whether the entry counted (hard links
// count once).
func (d *duer) walk(name, abs string, fi fs.FileInfo, depth int, dev uint64) (int64, bool) {
	if st := lsfamStat(fi); st != nil && !fi.IsDir() && st.Nlink > 1 {
		if d.seen[st.Ino] {
			return 0, false
		}
		d.seen[st.Ino] = true
	}
	own := d.size(fi)
	total := own
	if fi.IsDir() {
		if st := lsfamStat(fi); st != nil {
			if d.seen[st.Ino] {
				return 0, false
			}
			d.seen[st.Ino] = true
		}
		var infos []fs.FileInfo
		fsys := d.p.userFS()
		dh, err := fsys.Open(abs)
		if err == nil {
			infos, err = dh.Readdir(-1)
			dh.Close()
		}
		if err != nil {
			d.w.Flush()
			d.p.Errorf("cannot read directory `%s': %s", name, Strerror(err))
			d.status = 1
		}
		prefix := strings.TrimSuffix(name, "/") + "/"
		if name == "/" {
			prefix = "/"
		}
		// Entries of a directory its user may read but not search
		// cannot be measured.
		blind := fsys.uid != 0 && !fsys.may(fi, 1)
		for _, c := range infos {
			if d.p.Canceled() {
				break
			}
			if blind {
				d.fail(prefix+c.Name(), syscall.EACCES)
				continue
			}
			cabs := strings.TrimSuffix(abs, "/") + "/" + c.Name()
			if d.deref {
				if s, err := fsys.Stat(cabs); err == nil {
					c = s
				} else if !errors.Is(err, fs.ErrNotExist) {
					d.fail(prefix+c.Name(), err)
					continue
				}
			}
			if d.oneFS && c.IsDir() && diskMountFor(cabs).devno != dev {
				continue
			}
			sub, _ := d.walk(prefix+c.Name(), cabs, c, depth+1, dev)
			if !d.separate || !c.IsDir() {
				total += sub
			}
		}
	}
	if d.maxDepth < 0 || depth <= d.maxDepth {
		if fi.IsDir() || d.all || depth == 0 {
			d.print(total, name)
		}
	}
	return total, true
}

func (d *duer) print(bytes int64, name string) {
	switch {
	case d.human:
		d.w.WriteString(lsfamHuman(uint64(bytes)))
	default:
		d.w.WriteString(strconv.FormatInt((bytes+d.unit-1)/d.unit, 10))
	}
	d.w.WriteByte('\t')
	d.w.WriteString(name)
	d.w.WriteByte('\n')
}
