package cmds

// stat as in GNU coreutils 5.97 (CentOS 5).

import (
	"bufio"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

func init() {
	Register(Command{
		Name:    "stat",
		Dirs:    []string{"/usr/bin"},
		Summary: "display file or file system status",
		Usage:   "stat [OPTION] FILE...",
		Main:    statMain,
	})
}

const statDefaultFormat = "  File: %N\n" +
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n" +
	"Device: %Dh/%dd\tInode: %-10i  Links: %h\n" +
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" +
	"Access: %x\nModify: %y\nChange: %z\n"

const statDeviceFormat = "  File: %N\n" +
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n" +
	"Device: %Dh/%dd\tInode: %-10i  Links: %-5h Device type: %t,%T\n" +
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" +
	"Access: %x\nModify: %y\nChange: %z\n"

const statTerseFormat = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o\n"

const statFSDefaultFormat = "  File: \"%n\"\n" +
	"    ID: %-8i Namelen: %-7l Type: %T\n" +
	"Block size: %-10s Fundamental block size: %S\n" +
	"Blocks: Total: %-10b Free: %-10f Available: %a\n" +
	"Inodes: Total: %-10c Free: %d\n"

const statFSTerseFormat = "%n %i %l %t %s %S %b %f %a %c %d\n"

const statHelp = `Usage: stat [OPTION] FILE...
Display file or file system status.

  -L, --dereference     follow links
  -f, --file-system     display file system status instead of file status
  -c  --format=FORMAT   use the specified FORMAT instead of the default;
                          output a newline after each use of FORMAT
      --printf=FORMAT   like --format, but interpret backslash escapes,
                          and do not output a mandatory trailing newline.
                          If you want a newline, include \n in FORMAT.
  -t, --terse           print the information in terse form
      --help     display this help and exit
      --version  output version information and exit

The valid format sequences for files (without --file-system):

  %a   Access rights in octal
  %A   Access rights in human readable form
  %b   Number of blocks allocated (see %B)
  %B   The size in bytes of each block reported by %b
  %d   Device number in decimal
  %D   Device number in hex
  %f   Raw mode in hex
  %F   File type
  %g   Group ID of owner
  %G   Group name of owner
  %h   Number of hard links
  %i   Inode number
  %n   File name
  %N   Quoted file name with dereference if symbolic link
  %o   I/O block size
  %s   Total size, in bytes
  %t   Major device type in hex
  %T   Minor device type in hex
  %u   User ID of owner
  %U   User name of owner
  %x   Time of last access
  %X   Time of last access as seconds since Epoch
  %y   Time of last modification
  %Y   Time of last modification as seconds since Epoch
  %z   Time of last change
  %Z   Time of last change as seconds since Epoch

Report bugs to <bug-coreutils@gnu.org>.
`

func statMain(p *Proc) int {
	long := []LongOpt{
		{Name: "dereference", Short: 'L'},
		{Name: "file-system", Short: 'f'},
		{Name: "format", Arg: RequiredArg, Short: 'c'},
		{Name: "printf", Arg: RequiredArg},
		{Name: "terse", Short: 't'},
		{Name: "help"},
		{Name: "version"},
	}
	opts, operands, err := Getopt(p.Args[1:], "c:fLt", long)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var follow, fsMode, terse, escapes bool
	format, hasFormat, trailer := "", false, ""
	for _, o := range opts {
		switch o.Name {
		case "L":
			follow = true
		case "f":
			fsMode = true
		case "t":
			terse = true
		case "c":
			format, hasFormat, escapes, trailer = o.Arg, true, false, "\n"
		case "printf":
			format, hasFormat, escapes, trailer = o.Arg, true, true, ""
		case "help":
			p.Printf("%s", statHelp)
			return 0
		case "version":
			lsfamVersion(p, "stat", "Michael Meskes")
			return 0
		}
	}
	if len(operands) == 0 {
		p.Errorf("missing operand")
		fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
		return 1
	}
	w := bufio.NewWriter(p.Stdout)
	defer w.Flush()
	s := &statter{p: p, w: w, escapes: escapes}
	status := 0
	for _, name := range operands {
		abs := p.Abs(name) + lsTrailingSlash(name)
		var fi fs.FileInfo
		var err error
		if follow {
			fi, err = p.userFS().Stat(abs)
		} else {
			fi, err = p.userFS().Lstat(abs)
		}
		if err != nil {
			w.Flush()
			if fsMode {
				p.Errorf("cannot read file system information for `%s': %s", name, Strerror(err))
			} else {
				p.Errorf("cannot stat `%s': %s", name, Strerror(err))
			}
			status = 1
			continue
		}
		f := format
		if !hasFormat {
			switch {
			case fsMode && terse:
				f = statFSTerseFormat
			case fsMode:
				f = statFSDefaultFormat
			case terse:
				f = statTerseFormat
			case fi.Mode()&fs.ModeDevice != 0:
				f = statDeviceFormat
			default:
				f = statDefaultFormat
			}
		}
		s.print(f, name, abs, fi, fsMode)
		if s.fatal {
			return 1
		}
		w.WriteString(trailer)
	}
	return status
}

type statter struct {
	p       *Proc
	w       *bufio.Writer
	escapes bool
	fatal   bool
	users   Accounts
	groups  Accounts
	loaded  bool
}

// print expands format for one file, as coreutils' print_it does.
func (s *statter) print(format, name, abs string, fi fs.FileInfo, fsMode bool) {
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch {
		case c == '%':
			j := i + 1
			for j < len(format) && strings.IndexByte("#-+.I 0123456789", format[j]) >= 0 {
				j++
			}
			flags := format[i+1 : j]
			if j == len(format) || format[j] == '%' {
				if flags != "" {
					conv := "%" + flags
					if j < len(format) {
						conv += "%"
					}
					s.w.Flush()
					s.p.Errorf("%s: invalid directive", conv)
					s.fatal = true
					return
				}
				s.w.WriteByte('%')
				if j == len(format) {
					return
				}
				i = j
				continue
			}
			if fsMode {
				s.fsDirective(flags, format[j], name, abs)
			} else {
				s.directive(flags, format[j], name, abs, fi)
			}
			i = j
		case c == '\\' && s.escapes:
			i = s.escape(format, i)
		default:
			s.w.WriteByte(c)
		}
	}
}

// escape handles a backslash escape of --printf at format[i]; it returns
// the index of the escape's last byte.
func (s *statter) escape(format string, i int) int {
	if i+1 == len(format) {
		s.w.Flush()
		s.p.Errorf("warning: backslash at end of format")
		s.w.WriteByte('\\')
		return i
	}
	i++
	c := format[i]
	switch {
	case c >= '0' && c <= '7':
		v := 0
		n := 0
		for n < 3 && i < len(format) && format[i] >= '0' && format[i] <= '7' {
			v = v*8 + int(format[i]-'0')
			i++
			n++
		}
		s.w.WriteByte(byte(v))
		return i - 1
	case c == 'x' && i+1 < len(format) && statIsHex(format[i+1]):
		v, _ := strconv.ParseUint(format[i+1:i+2], 16, 8)
		i++
		if i+1 < len(format) && statIsHex(format[i+1]) {
			w, _ := strconv.ParseUint(format[i+1:i+2], 16, 8)
			v = v*16 + w
			i++
		}
		s.w.WriteByte(byte(v))
		return i
	}
	switch c {
	case 'a':
		c = '\a'
	case 'b':
		c = '\b'
	case 'f':
		c = '\f'
	case 'n':
		c = '\n'
	case 'r':
		c = '\r'
	case 't':
		c = '\t'
	case 'v':
		c = '\v'
	case '"', '\\':
	default:
		s.w.Flush()
		s.p.Errorf("warning: unrecognized escape `\\%c'", c)
	}
	s.w.WriteByte(c)
	return i
}

func statIsHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// out prints a value with printf flags: verb is 's', 'd', 'o' or 'x'.
func (s *statter) out(flags string, verb byte, v any) {
	// glibc's I (locale digits) and ' (grouping) mean nothing in C.
	flags = strings.NewReplacer("I", "", "'", "").Replace(flags)
	fmt.Fprintf(s.w, "%"+flags+string(verb), v)
}

func (s *statter) accounts() {
	if !s.loaded {
		s.users, s.groups = ReadPasswd(s.p.Sys), ReadGroup(s.p.Sys)
		s.loaded = true
	}
}

func statLookup(accts Accounts, id int) string {
	for _, a := range accts {
		if a.ID == id {
			return a.Name
		}
	}
	return "UNKNOWN"
}

func (s *statter) directive(flags string, c byte, name, abs string, fi fs.FileInfo) {
	st := lsfamStat(fi)
	uid, gid, nlink := 0, 0, 1
	var ino uint64
	atime, ctime := fi.ModTime(), fi.ModTime()
	if st != nil {
		uid, gid, nlink, ino = st.Uid, st.Gid, st.Nlink, st.Ino
		atime, ctime = st.Atime, st.Ctime
	}
	mode := fi.Mode()
	switch c {
	case 'n':
		s.out(flags, 's', name)
	case 'N':
		s.out(flags, 's', "`"+name+"'")
		if mode&fs.ModeSymlink != 0 {
			target, err := s.p.userFS().Readlink(abs)
			if err != nil {
				s.w.Flush()
				s.p.Errorf("cannot read symbolic link `%s': %s", name, Strerror(err))
				return
			}
			s.w.WriteString(" -> ")
			s.out(flags, 's', "`"+target+"'")
		}
	case 'd':
		s.out(flags, 'd', diskMountFor(abs).devno)
	case 'D':
		s.out(flags, 'x', diskMountFor(abs).devno)
	case 'i':
		s.out(flags, 'd', ino)
	case 'a':
		s.out(flags, 'o', lsfamPermBits(mode))
	case 'A':
		s.out(flags, 's', lsfamModeString(mode))
	case 'f':
		s.out(flags, 'x', statRawMode(mode))
	case 'F':
		s.out(flags, 's', statFileType(fi))
	case 'h':
		s.out(flags, 'd', nlink)
	case 'u':
		s.out(flags, 'd', uid)
	case 'U':
		s.accounts()
		s.out(flags, 's', statLookup(s.users, uid))
	case 'g':
		s.out(flags, 'd', gid)
	case 'G':
		s.accounts()
		s.out(flags, 's', statLookup(s.groups, gid))
	case 't', 'T':
		ma, mi := 0, 0
		if mode&fs.ModeDevice != 0 {
			ma, mi = lsfamDevNumbers(abs)
		}
		if c == 't' {
			s.out(flags, 'x', ma)
		} else {
			s.out(flags, 'x', mi)
		}
	case 's':
		s.out(flags, 'd', fi.Size())
	case 'B':
		s.out(flags, 'd', 512)
	case 'b':
		s.out(flags, 'd', lsfamBlocks(fi)*2)
	case 'o':
		s.out(flags, 'd', 4096)
	case 'x':
		s.out(flags, 's', statTime(atime))
	case 'X':
		s.out(flags, 'd', atime.Unix())
	case 'y':
		s.out(flags, 's', statTime(fi.ModTime()))
	case 'Y':
		s.out(flags, 'd', fi.ModTime().Unix())
	case 'z':
		s.out(flags, 's', statTime(ctime))
	case 'Z':
		s.out(flags, 'd', ctime.Unix())
	default:
		s.w.WriteByte('?')
	}
}

func (s *statter) fsDirective(flags string, c byte, name, abs string) {
	m := diskMountFor(abs)
	u := diskUsage(s.p, m)
	switch c {
	case 'n':
		s.out(flags, 's', name)
	case 'i':
		s.out(flags, 'x', m.fsid)
	case 'l':
		s.out(flags, 'd', 255)
	case 't':
		s.out(flags, 'x', m.magic)
	case 'T':
		s.out(flags, 's', m.typeName())
	case 'b':
		s.out(flags, 'd', u.blocks)
	case 'f':
		s.out(flags, 'd', u.free)
	case 'a':
		s.out(flags, 'd', u.avail)
	case 's', 'S':
		s.out(flags, 'd', m.bsize)
	case 'c':
		s.out(flags, 'd', u.files)
	case 'd':
		s.out(flags, 'd', u.ffree)
	default:
		s.w.WriteByte('?')
	}
}

// statTime renders a time as stat's %x, %y, %z do.
func statTime(t time.Time) string {
	return lsfamStrftime("%Y-%m-%d %H:%M:%S.%N %z", t)
}

// statRawMode is st_mode as the kernel has it, for %f.
func statRawMode(m fs.FileMode) uint32 {
	v := lsfamPermBits(m)
	switch {
	case m.IsDir():
		v |= 0o040000
	case m&fs.ModeSymlink != 0:
		v |= 0o120000
	case m&fs.ModeCharDevice != 0:
		v |= 0o020000
	case m&fs.ModeDevice != 0:
		v |= 0o060000
	case m&fs.ModeNamedPipe != 0:
		v |= 0o010000
	case m&fs.ModeSocket != 0:
		v |= 0o140000
	default:
		v |= 0o100000
	}
	return v
}

// statFileType is %F: gnulib's file_type.
func statFileType(fi fs.FileInfo) string {
	m := fi.Mode()
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeCharDevice != 0:
		return "character special file"
	case m&fs.ModeDevice != 0:
		return "block special file"
	case m&fs.ModeNamedPipe != 0:
		return "fifo"
	case m&fs.ModeSocket != 0:
		return "socket"
	case fi.Size() == 0:
		return "regular empty file"
	}
	return "regular file"
}
