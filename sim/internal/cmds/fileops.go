package cmds

// File operations of GNU coreutils 5.97 as CentOS 5 ships them: touch,
// mkdir, rmdir, rm, cp, mv, ln, readlink, basename, dirname, sync, and
// mktemp (from the separate mktemp 1.5 package). chmod, chown and chgrp
// live in chmod.go. Helpers of this family are prefixed "fo".

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rclab/vfs"
)

// foQ quotes a name as coreutils 5.97 does in messages: `name'.
func foQ(s string) string { return "`" + s + "'" }

// foPath turns a name as typed into the vfs path it names. It does not
// clean the name: vfs resolves "." and ".." physically, as Linux does.
func foPath(p *Proc, name string) string {
	if name == "" || strings.HasPrefix(name, "/") {
		return name
	}
	return strings.TrimSuffix(p.Dir, "/") + "/" + name
}

// foJoin appends a child name to a displayed directory name.
func foJoin(dir, name string) string {
	if strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

// foBase is the last component of name, trailing slashes ignored.
func foBase(name string) string {
	t := strings.TrimRight(name, "/")
	if t == "" {
		if name == "" {
			return ""
		}
		return "/"
	}
	return t[strings.LastIndexByte(t, '/')+1:]
}

// foDir is what dirname(1) prints for name.
func foDir(name string) string {
	t := strings.TrimRight(name, "/")
	if t == "" {
		if name == "" {
			return "."
		}
		return "/"
	}
	i := strings.LastIndexByte(t, '/')
	if i < 0 {
		return "."
	}
	d := strings.TrimRight(t[:i], "/")
	if d == "" {
		return "/"
	}
	return d
}

// foSys returns the stat fields vfs keeps beyond fs.FileInfo.
func foSys(fi fs.FileInfo) *vfs.Stat {
	if s, ok := fi.Sys().(*vfs.Stat); ok {
		return s
	}
	return &vfs.Stat{}
}

// foIsLink reports whether fi describes a symbolic link.
func foIsLink(fi fs.FileInfo) bool { return fi.Mode()&fs.ModeSymlink != 0 }

// foNames lists a directory's entries, sorted.
func foNames(p *Proc, name string) ([]string, error) {
	f, err := p.userFS().Open(foPath(p, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// foFileType names a file's type as rm's prompts do: gnulib's file_type,
// which stat's %F prints too.
func foFileType(fi fs.FileInfo) string { return statFileType(fi) }

// foAsk prints prompt on standard error and reads one answer line from
// standard input, a byte at a time so that nothing after the line is
// consumed. Like coreutils 5.97's yesno, an answer is yes when its first
// character is y or Y; end of input is no.
func foAsk(p *Proc, prompt string) bool {
	io.WriteString(p.Stderr, prompt)
	if p.Stdin == nil {
		return false
	}
	var b [1]byte
	first := -1
	for !p.Canceled() {
		n, err := p.Stdin.Read(b[:])
		if n == 1 {
			if first < 0 {
				first = int(b[0])
			}
			if b[0] == '\n' {
				break
			}
			continue
		}
		if err != nil {
			break
		}
	}
	return first == 'y' || first == 'Y'
}

// foVersion prints the --version text of a coreutils 5.97 program.
func foVersion(p *Proc, authors string) int {
	p.Printf("%s (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\n"+
		"This is free software.  You may redistribute copies of it under the terms of\n"+
		"the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n"+
		"There is NO WARRANTY, to the extent permitted by law.\n\nWritten by %s.\n", p.Name(), authors)
	return 0
}

const foHelpTail = "      --help     display this help and exit\n" +
	"      --version  output version information and exit\n"

const foReportBugs = "\nReport bugs to <bug-coreutils@gnu.org>.\n"

// foHelp prints a --help text and returns 0.
func foHelp(p *Proc, text string) int {
	io.WriteString(p.Stdout, text)
	return 0
}

// foUsage prints "name: msg" and the Try line, and returns 1.
func foUsage(p *Proc, format string, args ...any) int {
	return p.BadUsage(fmt.Errorf(format, args...), 1)
}

// foStd are the long options every coreutils program has.
var foStd = []LongOpt{{Name: "help"}, {Name: "version"}}

// foLongs appends the standard options to a program's own.
func foLongs(l ...LongOpt) []LongOpt { return append(l, foStd...) }

// foUmask applies the process umask to a creation mode.
func foUmask(p *Proc, perm fs.FileMode) fs.FileMode { return perm &^ (p.Umask & fs.ModePerm) }

// foSameInode reports whether two infos describe the same inode.
func foSameInode(a, b fs.FileInfo) bool {
	return a != nil && b != nil && foSys(a).Ino != 0 && foSys(a).Ino == foSys(b).Ino
}

// foWithin reports whether the physical place of dst lies in or under the
// directory src (both vfs paths); dst need not exist.
func foWithin(p *Proc, src, dst string) bool {
	s, err := p.userFS().EvalSymlinks(src)
	if err != nil {
		return false
	}
	d, err := p.userFS().EvalSymlinks(dst)
	if err != nil {
		parent, err := p.userFS().EvalSymlinks(foDir(dst))
		if err != nil {
			return false
		}
		d = path.Join(parent, foBase(dst))
	}
	return s == "/" || d == s || strings.HasPrefix(d, s+"/")
}

// ---------------------------------------------------------------- backups

// foBackup is the --backup setting of cp, mv and ln.
type foBackup struct {
	kind   string // "", "simple", "numbered" or "existing"
	suffix string
}

// foBackupKind parses a --backup CONTROL word; ok is false if it is bad,
// after the argmatch diagnostic has been printed.
func foBackupKind(p *Proc, word string) (string, bool) {
	switch word {
	case "none", "off":
		return "", true
	case "simple", "never":
		return "simple", true
	case "existing", "nil", "":
		return "existing", true
	case "numbered", "t":
		return "numbered", true
	}
	for _, w := range []string{"none", "off", "simple", "never", "existing", "nil", "numbered", "t"} {
		if strings.HasPrefix(w, word) {
			return foBackupKind(p, w)
		}
	}
	p.Errorf("invalid argument %s for %s", foQ(word), foQ("backup type"))
	io.WriteString(p.Stderr, "Valid arguments are:\n  - `none', `off'\n  - `simple', `never'\n  - `existing', `nil'\n  - `numbered', `t'\n")
	fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
	return "", false
}

// foBackupSetup turns -b/--backup[=CONTROL]/-S into a foBackup.
func foBackupSetup(p *Proc, on bool, control string, hasControl bool, suffix string) (foBackup, bool) {
	var b foBackup
	if suffix == "" {
		suffix = p.Getenv("SIMPLE_BACKUP_SUFFIX")
	}
	if suffix == "" || strings.Contains(suffix, "/") {
		suffix = "~"
	}
	b.suffix = suffix
	if !on {
		return b, true
	}
	if !hasControl {
		control = p.Getenv("VERSION_CONTROL")
	}
	kind, ok := foBackupKind(p, control)
	b.kind = kind
	return b, ok
}

// name returns the backup name for dst (a vfs path), or "" for none.
func (b foBackup) name(p *Proc, dst string) string {
	if b.kind == "" {
		return ""
	}
	if b.kind == "simple" {
		return dst + b.suffix
	}
	base := foBase(dst)
	highest := 0
	names, _ := foNames(p, foDir(dst))
	for _, n := range names {
		rest, ok := strings.CutPrefix(n, base+".~")
		if !ok || !strings.HasSuffix(rest, "~") {
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSuffix(rest, "~")); err == nil && v > highest {
			highest = v
		}
	}
	if b.kind == "existing" && highest == 0 {
		return dst + b.suffix
	}
	return fmt.Sprintf("%s.~%d~", dst, highest+1)
}

// ---------------------------------------------------------------- touch

func init() {
	Register(Command{Name: "touch", Dirs: []string{"/bin"},
		Summary: "change file timestamps",
		Usage:   "touch [OPTION]... FILE...",
		Main:    touchMain})
	Register(Command{Name: "mkdir", Dirs: []string{"/bin"},
		Summary: "make directories",
		Usage:   "mkdir [OPTION] DIRECTORY...",
		Main:    mkdirMain})
	Register(Command{Name: "rmdir", Dirs: []string{"/bin"},
		Summary: "remove empty directories",
		Usage:   "rmdir [OPTION]... DIRECTORY...",
		Main:    rmdirMain})
	Register(Command{Name: "rm", Dirs: []string{"/bin"},
		Summary: "remove files or directories",
		Usage:   "rm [OPTION]... FILE...",
		Main:    rmMain})
	Register(Command{Name: "cp", Dirs: []string{"/bin"},
		Summary: "copy files and directories",
		Usage:   "cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n  or:  cp [OPTION]... -t DIRECTORY SOURCE...",
		Main:    cpMain})
	Register(Command{Name: "mv", Dirs: []string{"/bin"},
		Summary: "move (rename) files",
		Usage:   "mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n  or:  mv [OPTION]... -t DIRECTORY SOURCE...",
		Main:    mvMain})
	Register(Command{Name: "ln", Dirs: []string{"/bin"},
		Summary: "make links between files",
		Usage:   "ln [OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET...",
		Main:    lnMain})
	Register(Command{Name: "readlink", Dirs: []string{"/usr/bin"},
		Summary: "display value of a symbolic link",
		Usage:   "readlink [OPTION]... FILE",
		Main:    readlinkMain})
	Register(Command{Name: "basename", Dirs: []string{"/bin"},
		Summary: "strip directory and suffix from filenames",
		Usage:   "basename NAME [SUFFIX]",
		Main:    basenameMain})
	Register(Command{Name: "dirname", Dirs: []string{"/usr/bin"},
		Summary: "strip non-directory suffix from file name",
		Usage:   "dirname NAME",
		Main:    dirnameMain})
	Register(Command{Name: "mktemp", Dirs: []string{"/bin"},
		Summary: "make temporary filename (unique)",
		Usage:   "mktemp [-V] | [-dqtu] [-p directory] [template]",
		Main:    mktempMain})
	Register(Command{Name: "sync", Dirs: []string{"/bin"},
		Summary: "flush file system buffers",
		Usage:   "sync [OPTION]",
		Main:    syncMain})
}

const touchHelp = `Usage: touch [OPTION]... FILE...
Update the access and modification times of each FILE to the current time.

Mandatory arguments to long options are mandatory for short options too.
  -a                     change only the access time
  -c, --no-create        do not create any files
  -d, --date=STRING      parse STRING and use it instead of current time
  -f                     (ignored)
  -m                     change only the modification time
  -r, --reference=FILE   use this file's times instead of current time
  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time
  --time=WORD            change the specified time:
                           WORD is access, atime, or use: equivalent to -a
                           WORD is modify or mtime: equivalent to -m
` + foHelpTail + `
Note that the -d and -t options accept different time-date formats.

If a FILE is -, touch standard output.
` + foReportBugs

// touchLongs are the long options of touchMain, built once.
var touchLongs = foLongs(
	LongOpt{Name: "no-create", Short: 'c'},
	LongOpt{Name: "date", Arg: RequiredArg, Short: 'd'},
	LongOpt{Name: "reference", Arg: RequiredArg, Short: 'r'},
	LongOpt{Name: "time", Arg: RequiredArg},
)

func touchMain(p *Proc) int {
	opts, files, err := Getopt(p.Args[1:], "acd:fmr:t:", touchLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var atime, mtime, noCreate, dateSet bool
	var date, ref string
	var useRef, useDate bool
	var stamp time.Time
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, touchHelp)
		case "version":
			return foVersion(p, "Paul Rubin, Arnold Robbins, Jim Kingdon, David MacKenzie, and Randy Smith")
		case "a":
			atime = true
		case "m":
			mtime = true
		case "c":
			noCreate = true
		case "f":
		case "d":
			date, useDate = o.Arg, true
		case "r":
			ref, useRef = o.Arg, true
		case "t":
			t, ok := foPosixTime(o.Arg, p.Sys.Clock.Now())
			if !ok {
				p.Errorf("invalid date format %s", foQ(o.Arg))
				return 1
			}
			stamp, dateSet = t, true
		case "time":
			switch {
			case o.Arg != "" && (strings.HasPrefix("access", o.Arg) || strings.HasPrefix("atime", o.Arg) || strings.HasPrefix("use", o.Arg)):
				atime = true
			case o.Arg != "" && (strings.HasPrefix("modify", o.Arg) || strings.HasPrefix("mtime", o.Arg)):
				mtime = true
			default:
				p.Errorf("invalid argument %s for %s", foQ(o.Arg), foQ("--time"))
				io.WriteString(p.Stderr, "Valid arguments are:\n  - `atime', `access', `use'\n  - `mtime', `modify'\n")
				fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
				return 1
			}
		}
	}
	if !atime && !mtime {
		atime, mtime = true, true
	}
	if dateSet && (useRef || useDate) {
		return foUsage(p, "cannot specify times from more than one source")
	}
	now := p.Sys.Clock.Now()
	newA, newM := now, now
	if dateSet {
		newA, newM = stamp, stamp
	}
	if useRef {
		fi, err := p.userFS().Stat(foPath(p, ref))
		if err != nil {
			p.Errorf("failed to get attributes of %s: %s", foQ(ref), Strerror(err))
			return 1
		}
		newA, newM = foSys(fi).Atime, fi.ModTime()
		if useDate {
			// -d is then relative to the reference file's times.
			a, okA := foParseDate(date, newA)
			m, okM := foParseDate(date, newM)
			if !okA || !okM {
				p.Errorf("invalid date format %s", foQ(date))
				return 1
			}
			newA, newM = a, m
		}
	} else if useDate {
		t, ok := foParseDate(date, now)
		if !ok {
			p.Errorf("invalid date format %s", foQ(date))
			return 1
		}
		newA, newM = t, t
	}
	if len(files) == 0 {
		return foUsage(p, "missing file operand")
	}
	// Both times to now is utimes(2) with no times, which a user who may
	// write a file may do to someone else's.
	amtimeNow := atime && mtime && !dateSet && !useRef && !useDate
	if !atime {
		newA = time.Time{}
	}
	if !mtime {
		newM = time.Time{}
	}
	status := 0
	for _, name := range files {
		if name == "-" {
			continue // standard output is no file of the vfs
		}
		fp := foPath(p, name)
		fsys := p.userFS()
		// As touch 5.97: open (creating) the file, then set its times;
		// the open's error is the one told when setting the times fails.
		var openErr error
		if !noCreate {
			f, err := fsys.OpenFile(fp, os.O_WRONLY|os.O_CREATE, foUmask(p, 0o666))
			if err == nil {
				f.Close()
			} else if e := Errno(err); e != syscall.EISDIR && e != syscall.EINVAL && e != syscall.EPERM {
				openErr = err
			}
		}
		if amtimeNow {
			err = fsys.Touch(fp, now)
		} else {
			err = fsys.Chtimes(fp, newA, newM)
		}
		if err != nil {
			switch {
			case openErr != nil:
				p.Errorf("cannot touch %s: %s", foQ(name), Strerror(openErr))
			case noCreate && Errno(err) == syscall.ENOENT:
				continue
			default:
				p.Errorf("setting times of %s: %s", foQ(name), Strerror(err))
			}
			status = 1
		}
	}
	return status
}

// foPosixTime parses touch -t's [[CC]YY]MMDDhhmm[.ss].
func foPosixTime(s string, now time.Time) (time.Time, bool) {
	digits, secs, hasSecs := strings.Cut(s, ".")
	for _, c := range digits + secs {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
	}
	sec := 0
	if hasSecs {
		if len(secs) != 2 {
			return time.Time{}, false
		}
		sec, _ = strconv.Atoi(secs)
	}
	atoi := func(s string) int { v, _ := strconv.Atoi(s); return v }
	year := now.Year()
	switch len(digits) {
	case 8:
	case 10:
		yy := atoi(digits[:2])
		year = 1900 + yy
		if yy < 69 {
			year = 2000 + yy
		}
		digits = digits[2:]
	case 12:
		year = atoi(digits[:4])
		digits = digits[4:]
	default:
		return time.Time{}, false
	}
	mon, day, hour, min := atoi(digits[0:2]), atoi(digits[2:4]), atoi(digits[4:6]), atoi(digits[6:8])
	if sec == 60 {
		sec = 59
	}
	t := time.Date(year, time.Month(mon), day, hour, min, sec, 0, now.Location())
	if mon < 1 || mon > 12 || t.Day() != day || hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, false
	}
	return t, true
}

var (
	foISODate  = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:t(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$`)
	foUSDate   = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$`)
	foClock    = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(am|pm)?([+-]\d{2}:?\d{2})?$`)
	foOffset   = regexp.MustCompile(`^([+-])(\d{2}):?(\d{2})$`)
	foNumber   = regexp.MustCompile(`^[+-]?\d+$`)
	foMonthRes = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)

// foParseDate parses the common forms of GNU date strings (touch -d):
// "2014-10-06 10:00[:00]", "10/06/2014", "Oct 6 2014 10:00", the output of
// date(1), "@SECONDS", "10:00", "now", "today", "yesterday", "tomorrow",
// "N unit[s] [ago]", "next|last unit", "UTC"/"+hhmm" zones. Calendar fields
// not given are taken from base; the time of day is midnight once a date is
// given.
func foParseDate(s string, base time.Time) (time.Time, bool) {
	var fields []string
	for _, f := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " "))) {
		if n := len(fields); n > 0 && (fields[n-1] == "+" || fields[n-1] == "-") && foNumber.MatchString(f) {
			fields[n-1] += f
			continue
		}
		fields = append(fields, f)
	}
	loc := base.Location()
	year, mon, day := -1, -1, -1
	hour, min, sec := -1, 0, 0
	var zone *time.Location
	var relY, relM, relD int
	var rel time.Duration
	var pendingNum = -1 // a number waiting for a month name ("6 Oct")
	lastRel := func(n int, unit string) bool {
		unit = strings.TrimSuffix(unit, "s")
		switch unit {
		case "year":
			relY += n
		case "month":
			relM += n
		case "fortnight":
			relD += 14 * n
		case "week":
			relD += 7 * n
		case "day":
			relD += n
		case "hour":
			rel += time.Duration(n) * time.Hour
		case "minute", "min":
			rel += time.Duration(n) * time.Minute
		case "second", "sec":
			rel += time.Duration(n) * time.Second
		default:
			return false
		}
		return true
	}
	epochSet := false
	var epoch time.Time
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		next := ""
		if i+1 < len(fields) {
			next = fields[i+1]
		}
		if m := foISODate.FindStringSubmatch(f); m != nil {
			year, mon, day = foAtoi(m[1]), foAtoi(m[2]), foAtoi(m[3])
			if m[4] != "" {
				hour, min, sec = foAtoi(m[4]), foAtoi(m[5]), foAtoi(m[6])
			}
			if m[7] == "z" {
				zone = time.UTC
			} else if m[7] != "" {
				zone = foZone(m[7])
			}
			continue
		}
		if m := foUSDate.FindStringSubmatch(f); m != nil {
			mon, day = foAtoi(m[1]), foAtoi(m[2])
			if m[3] != "" {
				year = foYear(m[3])
			}
			continue
		}
		if m := foClock.FindStringSubmatch(f); m != nil {
			hour, min, sec = foAtoi(m[1]), foAtoi(m[2]), foAtoi(m[3])
			if !foAmPm(&hour, m[4]) {
				return time.Time{}, false
			}
			if m[5] != "" {
				zone = foZone(m[5])
			}
			continue
		}
		if f == "am" || f == "pm" {
			if hour < 0 || !foAmPm(&hour, f) {
				return time.Time{}, false
			}
			continue
		}
		if strings.HasPrefix(f, "@") && foNumber.MatchString(f[1:]) {
			v, err := strconv.ParseInt(f[1:], 10, 64)
			if err != nil {
				return time.Time{}, false
			}
			epoch, epochSet = time.Unix(v, 0).In(loc), true
			continue
		}
		if m := foMonth(f); m > 0 {
			mon = m
			if pendingNum > 0 {
				day, pendingNum = pendingNum, -1
			}
			continue
		}
		if foWeekday(f) {
			continue
		}
		switch f {
		case "utc", "gmt", "ut", "z", "zulu":
			zone = time.UTC
			continue
		case "now", "today", "this":
			continue
		case "yesterday":
			relD--
			continue
		case "tomorrow":
			relD++
			continue
		case "ago":
			relY, relM, relD, rel = -relY, -relM, -relD, -rel
			continue
		case "next", "last":
			n := 1
			if f == "last" {
				n = -1
			}
			if !lastRel(n, next) {
				return time.Time{}, false
			}
			i++
			continue
		}
		if m := foOffset.FindStringSubmatch(f); m != nil && hour >= 0 && zone == nil && len(f) == 5 {
			zone = foZone(f)
			continue
		}
		if foNumber.MatchString(f) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return time.Time{}, false
			}
			if next != "" && lastRel(n, next) {
				i++
				continue
			}
			signed := f[0] == '+' || f[0] == '-'
			switch {
			case signed:
				return time.Time{}, false
			case len(f) == 8 && year < 0:
				year, mon, day = foAtoi(f[:4]), foAtoi(f[4:6]), foAtoi(f[6:])
			case len(f) == 4 && (mon > 0 || year >= 0) && year < 0 && (hour >= 0 || day > 0):
				year = n
			case mon > 0 && day < 0 && n >= 1 && n <= 31:
				day = n
			case mon > 0 && day > 0 && year < 0:
				year = foYear(f)
			case mon < 0 && day < 0 && n >= 1 && n <= 31:
				pendingNum = n
			default:
				return time.Time{}, false
			}
			continue
		}
		if lastRel(1, f) {
			continue
		}
		return time.Time{}, false
	}
	if pendingNum > 0 {
		return time.Time{}, false
	}
	t := base
	if epochSet {
		t = epoch
	}
	if zone == nil {
		zone = loc
	}
	if year >= 0 || mon > 0 || day > 0 || hour >= 0 {
		b := t.In(zone)
		y, mo, d := b.Date()
		h, mi, se := b.Clock()
		if year >= 0 {
			y = year
		}
		if mon > 0 {
			mo = time.Month(mon)
		}
		if day > 0 {
			d = day
		}
		if year >= 0 || mon > 0 || day > 0 {
			h, mi, se = 0, 0, 0
		}
		if hour >= 0 {
			h, mi, se = hour, min, sec
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60 {
			return time.Time{}, false
		}
		t = time.Date(y, mo, d, h, mi, se, 0, zone)
		if t.Day() != d {
			return time.Time{}, false
		}
	}
	t = t.AddDate(relY, relM, relD).Add(rel)
	return t.In(loc), true
}

// foAtoi is strconv.Atoi for strings already known to be digits.
func foAtoi(s string) int {
	v, _ := strconv.Atoi(s)
	return v
}

func foYear(s string) int {
	y := foAtoi(s)
	if len(s) <= 2 {
		if y < 69 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

func foAmPm(hour *int, ampm string) bool {
	switch ampm {
	case "":
		return true
	case "am", "pm":
		if *hour < 1 || *hour > 12 {
			return false
		}
		*hour %= 12
		if ampm == "pm" {
			*hour += 12
		}
		return true
	}
	return false
}

func foZone(s string) *time.Location {
	m := foOffset.FindStringSubmatch(s)
	if m == nil {
		return time.UTC
	}
	off := foAtoi(m[2])*3600 + foAtoi(m[3])*60
	if m[1] == "-" {
		off = -off
	}
	return time.FixedZone("", off)
}

func foMonth(f string) int {
	f = strings.TrimSuffix(f, ".")
	if len(f) < 3 {
		return 0
	}
	full := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, m := range foMonthRes {
		if f == m || f == full[i] || (f == "sept" && i == 8) {
			return i + 1
		}
	}
	return 0
}

func foWeekday(f string) bool {
	f = strings.TrimSuffix(f, ".")
	for _, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if f == d || f == d[:3] || (len(f) == 4 && strings.HasPrefix(d, f)) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------- mkdir

const mkdirHelp = `Usage: mkdir [OPTION] DIRECTORY...
Create the DIRECTORY(ies), if they do not already exist.

  -Z, --context=CONTEXT (SELinux) set security context to CONTEXT
Mandatory arguments to long options are mandatory for short options too.
  -m, --mode=MODE   set permission mode (as in chmod), not rwxrwxrwx - umask
  -p, --parents     no error if existing, make parent directories as needed
  -v, --verbose     print a message for each created directory
` + foHelpTail + foReportBugs

// mkdirLongs are the long options of mkdirMain, built once.
var mkdirLongs = foLongs(
	LongOpt{Name: "mode", Arg: RequiredArg, Short: 'm'},
	LongOpt{Name: "parents", Short: 'p'},
	LongOpt{Name: "verbose", Short: 'v'},
	LongOpt{Name: "context", Arg: RequiredArg, Short: 'Z'},
)

func mkdirMain(p *Proc) int {
	opts, dirs, err := Getopt(p.Args[1:], "m:pvZ:", mkdirLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var parents, verbose bool
	var modeStr string
	var hasMode bool
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, mkdirHelp)
		case "version":
			return foVersion(p, "David MacKenzie")
		case "m":
			modeStr, hasMode = o.Arg, true
		case "p":
			parents = true
		case "v":
			verbose = true
		}
	}
	if len(dirs) == 0 {
		return foUsage(p, "missing operand")
	}
	mode := foUmask(p, 0o777)
	if hasMode {
		ch, ok := foModeCompile(modeStr)
		if !ok {
			p.Errorf("invalid mode %s", foQ(modeStr))
			return 1
		}
		mode = foGoMode(foModeAdjust(0o777, true, foUnixMode(p.Umask), ch))
	}
	created := func(name string) {
		if verbose {
			p.Errorf("created directory %s", foQ(name))
		}
	}
	status := 0
	for _, dir := range dirs {
		if parents {
			if !mkdirParents(p, dir, mode, hasMode, created) {
				status = 1
			}
			continue
		}
		if err := p.userFS().Mkdir(foPath(p, dir), mode); err != nil {
			p.Errorf("cannot create directory %s: %s", foQ(dir), Strerror(err))
			status = 1
			continue
		}
		if hasMode {
			p.userFS().Chmod(foPath(p, dir), mode)
		}
		created(dir)
	}
	return status
}

// mkdirParents is mkdir -p for one operand.
func mkdirParents(p *Proc, dir string, mode fs.FileMode, hasMode bool, created func(string)) bool {
	fsys := p.userFS()
	if fi, err := fsys.Stat(foPath(p, dir)); err == nil {
		if !fi.IsDir() {
			p.Errorf("%s exists but is not a directory", foQ(dir))
			return false
		}
		return true
	}
	parentMode := foUmask(p, 0o777) | 0o300
	// Walk the prefixes of dir: "a", "a/b", ... and the whole.
	var prefixes []string
	for i := 1; i < len(dir); i++ {
		if dir[i] == '/' && dir[i-1] != '/' {
			prefixes = append(prefixes, dir[:i])
		}
	}
	for _, pre := range prefixes {
		fp := foPath(p, pre)
		fi, err := fsys.Stat(fp)
		if err == nil {
			if !fi.IsDir() {
				p.Errorf("%s exists but is not a directory", foQ(pre))
				return false
			}
			continue
		}
		if err := p.userFS().Mkdir(fp, parentMode); err != nil {
			p.Errorf("cannot create directory %s: %s", foQ(pre), Strerror(err))
			return false
		}
		created(pre)
	}
	fp := foPath(p, dir)
	if err := p.userFS().Mkdir(fp, mode); err != nil {
		if fi, serr := fsys.Stat(fp); serr == nil && fi.IsDir() {
			return true
		}
		p.Errorf("cannot create directory %s: %s", foQ(dir), Strerror(err))
		return false
	}
	if hasMode {
		fsys.Chmod(fp, mode)
	}
	created(dir)
	return true
}

// ---------------------------------------------------------------- rmdir

const rmdirHelp = `Usage: rmdir [OPTION]... DIRECTORY...
Remove the DIRECTORY(ies), if they are empty.

      --ignore-fail-on-non-empty
                  ignore each failure that is solely because a directory
                  is non-empty
  -p, --parents   Remove DIRECTORY and its ancestors.  E.g., 'rmdir -p a/b/c' is
                  similar to 'rmdir a/b/c a/b a'.
  -v, --verbose   output a diagnostic for every directory processed
` + foHelpTail + foReportBugs

// rmdirLongs are the long options of rmdirMain, built once.
var rmdirLongs = foLongs(
	LongOpt{Name: "ignore-fail-on-non-empty"},
	LongOpt{Name: "parents", Short: 'p'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func rmdirMain(p *Proc) int {
	opts, dirs, err := Getopt(p.Args[1:], "pv", rmdirLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var parents, verbose, ignoreNonEmpty bool
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, rmdirHelp)
		case "version":
			return foVersion(p, "David MacKenzie")
		case "p":
			parents = true
		case "v":
			verbose = true
		case "ignore-fail-on-non-empty":
			ignoreNonEmpty = true
		}
	}
	if len(dirs) == 0 {
		return foUsage(p, "missing operand")
	}
	nonEmpty := func(err error) bool {
		e := Errno(err)
		return ignoreNonEmpty && (e == syscall.ENOTEMPTY || e == syscall.EEXIST)
	}
	status := 0
	for _, dir := range dirs {
		if verbose {
			p.Errorf("removing directory, %s", dir)
		}
		if err := foRmdir(p, dir); err != nil {
			if !nonEmpty(err) {
				p.Errorf("%s: %s", foQ(dir), Strerror(err))
				status = 1
			}
			continue
		}
		if !parents {
			continue
		}
		d := dir
		for {
			d = strings.TrimRight(d, "/")
			i := strings.LastIndexByte(d, '/')
			if i <= 0 {
				break
			}
			d = strings.TrimRight(d[:i], "/")
			if d == "" {
				break
			}
			if verbose {
				p.Errorf("removing directory, %s", d)
			}
			if err := foRmdir(p, d); err != nil {
				if !nonEmpty(err) {
					p.Errorf("%s: %s", foQ(d), Strerror(err))
					status = 1
				}
				break
			}
		}
	}
	return status
}

// foRmdir is rmdir(2): only a directory, never a link to one.
func foRmdir(p *Proc, name string) error {
	base := foBase(name)
	switch {
	case name == "":
		return syscall.ENOENT
	case base == "." && name != "/":
		return syscall.EINVAL
	case base == "..":
		return syscall.ENOTEMPTY
	}
	fp := foPath(p, name)
	lp := strings.TrimRight(fp, "/")
	if lp == "" {
		lp = "/"
	}
	fsys := p.userFS()
	fi, err := fsys.Lstat(lp)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return syscall.ENOTDIR
	}
	return fsys.Remove(fp)
}

// ---------------------------------------------------------------- rm

const rmHelp = `Usage: rm [OPTION]... FILE...
Remove (unlink) the FILE(s).

  -d, --directory       unlink FILE, even if it is a non-empty directory
                          (super-user only; this works only if your system
                           supports ` + "`unlink'" + ` for nonempty directories)
  -f, --force           ignore nonexistent files, never prompt
  -i, --interactive     prompt before any removal
      --no-preserve-root do not treat ` + "`/'" + ` specially (the default)
      --preserve-root   fail to operate recursively on ` + "`/'" + `
  -r, -R, --recursive   remove directories and their contents recursively
  -v, --verbose         explain what is being done
` + foHelpTail + `
By default, rm does not remove directories.  Use the --recursive (-r or -R)
option to remove each listed directory, too, along with all of its contents.

To remove a file whose name starts with a ` + "`-'" + `, for example ` + "`-foo'" + `,
use one of these commands:
  rm -- -foo

  rm ./-foo

Note that if you use rm to remove a file, it is usually possible to recover
the contents of that file.  If you want more assurance that the contents are
truly unrecoverable, consider using shred.
` + foReportBugs

type foRmOpts struct {
	p                                  *Proc
	force, interactive, recursive, vrb bool
}

// rm outcomes for one name.
const (
	foRemoved = iota // gone
	foKept           // left in place by the user's answer
	foFailed         // an error was reported
)

// rmLongs are the long options of rmMain, built once.
var rmLongs = foLongs(
	LongOpt{Name: "directory", Short: 'd'},
	LongOpt{Name: "force", Short: 'f'},
	LongOpt{Name: "interactive", Short: 'i'},
	LongOpt{Name: "no-preserve-root"},
	LongOpt{Name: "preserve-root"},
	LongOpt{Name: "recursive", Short: 'r'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func rmMain(p *Proc) int {
	opts, files, err := Getopt(p.Args[1:], "dfirvR", rmLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	r := &foRmOpts{p: p}
	preserveRoot := false
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, rmHelp)
		case "version":
			return foVersion(p, "Paul Rubin, David MacKenzie, Richard Stallman, and Jim Meyering")
		case "d":
			// Linux refuses to unlink a directory, so -d changes nothing.
		case "f":
			r.force, r.interactive = true, false
		case "i":
			r.force, r.interactive = false, true
		case "r", "R":
			r.recursive = true
		case "v":
			r.vrb = true
		case "preserve-root":
			preserveRoot = true
		case "no-preserve-root":
			preserveRoot = false
		}
	}
	if len(files) == 0 {
		if r.force {
			return 0
		}
		return foUsage(p, "missing operand")
	}
	status := 0
	for _, name := range files {
		if p.Canceled() {
			return 1
		}
		if b := foBase(name); b == "." || b == ".." {
			p.Errorf("cannot remove `.' or `..'")
			status = 1
			continue
		}
		if r.recursive && preserveRoot {
			if real, err := p.userFS().EvalSymlinks(foPath(p, name)); err == nil && real == "/" {
				foRootWarn(p, name)
				status = 1
				continue
			}
		}
		if r.remove(name, true) == foFailed {
			status = 1
		}
	}
	return status
}

// foRootWarn is coreutils' ROOT_DEV_INO_WARN.
func foRootWarn(p *Proc, name string) {
	if name == "/" {
		p.Errorf("it is dangerous to operate recursively on %s", foQ(name))
	} else {
		p.Errorf("it is dangerous to operate recursively on %s (same as %s)", foQ(name), foQ("/"))
	}
	p.Errorf("use --no-preserve-root to override this failsafe")
}

// remove removes name, an operand when top (else an entry of a directory
// being removed).
func (r *foRmOpts) remove(name string, top bool) int {
	p := r.p
	fsys := p.userFS()
	fp := foPath(p, name)
	fi, err := fsys.Lstat(fp)
	if err != nil {
		if r.force && Errno(err) == syscall.ENOENT {
			return foRemoved
		}
		if r.interactive {
			p.Errorf("cannot lstat %s: %s", foQ(name), Strerror(err))
		} else {
			p.Errorf("cannot remove %s: %s", foQ(name), Strerror(err))
		}
		return foFailed
	}
	if !fi.IsDir() {
		if !r.ask(fsys, fp, "remove %s %s? ", foFileType(fi), foQ(name)) {
			return foKept
		}
		if err := fsys.Remove(fp); err != nil {
			p.Errorf("cannot remove %s: %s", foQ(name), Strerror(err))
			return foFailed
		}
		if r.vrb {
			p.Printf("removed %s\n", foQ(name))
		}
		return foRemoved
	}
	if !r.recursive {
		p.Errorf("cannot remove %s: %s", foQ(name), Strerror(syscall.EISDIR))
		return foFailed
	}
	if !r.ask(fsys, fp, "descend into %s %s? ", "directory", foQ(name)) {
		return foKept
	}
	if fsys.uid != 0 && !fsys.may(fi, 1) {
		// rm 5.97 goes into each directory it empties.
		from, to := ".", name
		if !top {
			from, to = foDir(name), foBase(name)
		}
		p.Errorf("cannot chdir from %s to %s: %s", foQ(from), foQ(to), Strerror(syscall.EACCES))
		return foFailed
	}
	names, err := foNames(p, name)
	if err != nil {
		p.Errorf("cannot open directory %s: %s", foQ(name), Strerror(err))
		return foFailed
	}
	result := foRemoved
	for _, c := range names {
		if p.Canceled() {
			return foFailed
		}
		switch r.remove(foJoin(name, c), false) {
		case foFailed:
			result = foFailed
		case foKept:
			if result == foRemoved {
				result = foKept
			}
		}
	}
	if result != foRemoved {
		return result
	}
	if !r.ask(fsys, fp, "remove %s %s? ", "directory", foQ(name)) {
		return foKept
	}
	if err := fsys.Remove(fp); err != nil {
		p.Errorf("cannot remove directory %s: %s", foQ(name), Strerror(err))
		return foFailed
	}
	if r.vrb {
		p.Printf("removed directory: %s\n", foQ(name))
	}
	return foRemoved
}

// ask is rm's prompt before acting on fp: with -i always, and without -f
// when standard input is a terminal and the user may not write the file
// (then it is "write-protected", and rm asks though the removal depends
// on the directory only). format takes the file type and the quoted name.
// It reports whether to go ahead.
func (r *foRmOpts) ask(fsys *userFS, fp, format, kind, qname string) bool {
	p := r.p
	protected := false
	if !r.force && (r.interactive || p.StdinTty) && fsys.uid != 0 {
		// A symbolic link is never write-protected.
		fi, err := fsys.Lstat(fp)
		protected = err == nil && !foIsLink(fi) && !fsys.may(fi, 2)
	}
	if !protected && !r.interactive {
		return true
	}
	if protected {
		kind = "write-protected " + kind
	}
	return foAsk(p, fmt.Sprintf("%s: "+format, p.Name(), kind, qname))
}

// ---------------------------------------------------------------- operands

// foTargets pairs each source operand with its destination, as cp, mv
// and ln do: the last operand names a directory when there are more than
// two operands, when -t gives one, or when it is one; -T forbids that.
// derefDir says whether a link to a directory counts as a directory. ok
// is false once a diagnostic has been printed; status is then the exit
// status.
func foTargets(p *Proc, operands []string, targetDir string, hasTarget, noTarget, derefDir bool) (pairs [][2]string, status int, ok bool) {
	isDir := func(name string) (bool, error) {
		var fi fs.FileInfo
		var err error
		if derefDir {
			fi, err = p.userFS().Stat(foPath(p, name))
		} else {
			fi, err = p.userFS().Lstat(foPath(p, name))
		}
		if err != nil {
			return false, err
		}
		return fi.IsDir(), nil
	}
	into := func(dir string, srcs []string) [][2]string {
		var out [][2]string
		for _, s := range srcs {
			out = append(out, [2]string{s, foJoin(dir, foBase(s))})
		}
		return out
	}
	if hasTarget && noTarget {
		return nil, foUsage(p, "cannot combine --target-directory (-t) and --no-target-directory (-T)"), false
	}
	if hasTarget {
		d, err := isDir(targetDir)
		if err != nil {
			p.Errorf("accessing %s: %s", foQ(targetDir), Strerror(err))
			return nil, 1, false
		}
		if !d {
			p.Errorf("target %s is not a directory", foQ(targetDir))
			return nil, 1, false
		}
		if len(operands) == 0 {
			return nil, foUsage(p, "missing file operand"), false
		}
		return into(targetDir, operands), 0, true
	}
	switch len(operands) {
	case 0:
		return nil, foUsage(p, "missing file operand"), false
	case 1:
		if p.Name() == "ln" && !noTarget {
			return into(".", operands), 0, true
		}
		return nil, foUsage(p, "missing destination file operand after %s", foQ(operands[0])), false
	}
	last := operands[len(operands)-1]
	if noTarget {
		if len(operands) > 2 {
			return nil, foUsage(p, "extra operand %s", foQ(operands[2])), false
		}
		return [][2]string{{operands[0], operands[1]}}, 0, true
	}
	d, _ := isDir(last)
	if !d && len(operands) > 2 {
		p.Errorf("target %s is not a directory", foQ(last))
		return nil, 1, false
	}
	if d {
		return into(last, operands[:len(operands)-1]), 0, true
	}
	return [][2]string{{operands[0], operands[1]}}, 0, true
}

// ---------------------------------------------------------------- cp

const cpHelp = `Usage: cp [OPTION]... [-T] SOURCE DEST
  or:  cp [OPTION]... SOURCE... DIRECTORY
  or:  cp [OPTION]... -t DIRECTORY SOURCE...
Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.

Mandatory arguments to long options are mandatory for short options too.
  -a, --archive                same as -dpR
      --backup[=CONTROL]       make a backup of each existing destination file
  -b                           like --backup but does not accept an argument
      --copy-contents          copy contents of special files when recursive
  -d                           same as --no-dereference --preserve=link
  -f, --force                  if an existing destination file cannot be
                                 opened, remove it and try again
  -i, --interactive            prompt before overwrite
  -H                           follow command-line symbolic links
  -l, --link                   link files instead of copying
  -L, --dereference            always follow symbolic links
  -P, --no-dereference         never follow symbolic links
  -p                           same as --preserve=mode,ownership,timestamps
      --preserve[=ATTR_LIST]   preserve the specified attributes (default:
                                 mode,ownership,timestamps), if possible
                                 additional attributes: links, all
      --no-preserve=ATTR_LIST  don't preserve the specified attributes
      --parents                use full source file name under DIRECTORY
  -R, -r, --recursive          copy directories recursively
      --remove-destination     remove each existing destination file before
                                 attempting to open it (contrast with --force)
      --strip-trailing-slashes remove any trailing slashes from each SOURCE
                                 argument
  -s, --symbolic-link          make symbolic links instead of copying
  -S, --suffix=SUFFIX          override the usual backup suffix
  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY
  -T, --no-target-directory    treat DEST as a normal file
  -u, --update                 copy only when the SOURCE file is newer
                                 than the destination file or when the
                                 destination file is missing
  -v, --verbose                explain what is being done
  -x, --one-file-system        stay on this file system
` + foHelpTail + `
By default, sparse SOURCE files are detected by a crude heuristic and the
corresponding DEST file is made sparse as well.  That is the behavior
selected by --sparse=auto.  Specify --sparse=always to create a sparse DEST
file whenever the SOURCE file contains a long enough sequence of zero bytes.
Use --sparse=never to inhibit creation of sparse files.

The backup suffix is ` + "`~'" + `, unless set with --suffix or SIMPLE_BACKUP_SUFFIX.
The version control method may be selected via the --backup option or through
the VERSION_CONTROL environment variable.  Here are the values:

  none, off       never make backups (even if --backup is given)
  numbered, t     make numbered backups
  existing, nil   numbered if numbered backups exist, simple otherwise
  simple, never   always make simple backups

As a special case, cp makes a backup of SOURCE when the force and backup
options are given and SOURCE and DEST are the same name for an existing,
regular file.
` + foReportBugs

// Dereference policies of cp.
const (
	foDerefAlways = iota
	foDerefNever
	foDerefArgs
)

// foCopier copies files for cp.
type foCopier struct {
	p                                    *Proc
	recursive                            bool
	deref                                int
	keepMode, keepOwner, keepTime, links bool
	interactive, force, update, verbose  bool
	symbolic, hard, removeDest           bool
	backup                               foBackup
	seen                                 map[uint64]string // source inode → destination, for hard links
}

// cpLongs are the long options of cpMain, built once.
var cpLongs = foLongs(
	LongOpt{Name: "archive", Short: 'a'},
	LongOpt{Name: "backup", Arg: OptionalArg},
	LongOpt{Name: "copy-contents"},
	LongOpt{Name: "dereference", Short: 'L'},
	LongOpt{Name: "force", Short: 'f'},
	LongOpt{Name: "interactive", Short: 'i'},
	LongOpt{Name: "link", Short: 'l'},
	LongOpt{Name: "no-dereference", Short: 'P'},
	LongOpt{Name: "no-preserve", Arg: RequiredArg},
	LongOpt{Name: "no-target-directory", Short: 'T'},
	LongOpt{Name: "one-file-system", Short: 'x'},
	LongOpt{Name: "parents"},
	LongOpt{Name: "preserve", Arg: OptionalArg},
	LongOpt{Name: "recursive", Short: 'R'},
	LongOpt{Name: "remove-destination"},
	LongOpt{Name: "reply", Arg: RequiredArg},
	LongOpt{Name: "sparse", Arg: RequiredArg},
	LongOpt{Name: "strip-trailing-slashes"},
	LongOpt{Name: "suffix", Arg: RequiredArg, Short: 'S'},
	LongOpt{Name: "symbolic-link", Short: 's'},
	LongOpt{Name: "target-directory", Arg: RequiredArg, Short: 't'},
	LongOpt{Name: "update", Short: 'u'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func cpMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "abdfHilLprsS:t:TuvxPR", cpLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	c := &foCopier{p: p, deref: -1, seen: map[uint64]string{}}
	var backupOn, hasControl, hasTarget, noTarget, parents, stripSlashes bool
	var control, suffix, targetDir string
	preserve := func(list string, on bool) bool {
		for _, a := range strings.Split(list, ",") {
			switch {
			case a != "" && strings.HasPrefix("mode", a):
				c.keepMode = on
			case a != "" && strings.HasPrefix("ownership", a):
				c.keepOwner = on
			case a != "" && strings.HasPrefix("timestamps", a):
				c.keepTime = on
			case a != "" && strings.HasPrefix("links", a):
				c.links = on
			case a != "" && strings.HasPrefix("all", a):
				c.keepMode, c.keepOwner, c.keepTime, c.links = on, on, on, on
			default:
				opt := "--preserve"
				if !on {
					opt = "--no-preserve"
				}
				p.Errorf("invalid argument %s for %s", foQ(a), foQ(opt))
				io.WriteString(p.Stderr, "Valid arguments are:\n  - `mode'\n  - `timestamps'\n  - `ownership'\n  - `links'\n  - `all'\n")
				fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
				return false
			}
		}
		return true
	}
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, cpHelp)
		case "version":
			return foVersion(p, "Torbjorn Granlund, David MacKenzie, and Jim Meyering")
		case "a":
			c.deref, c.recursive = foDerefNever, true
			c.keepMode, c.keepOwner, c.keepTime, c.links = true, true, true, true
		case "b":
			backupOn = true
		case "backup":
			backupOn = true
			if o.HasArg {
				control, hasControl = o.Arg, true
			}
		case "d":
			c.deref, c.links = foDerefNever, true
		case "f":
			c.force = true
		case "H":
			c.deref = foDerefArgs
		case "i":
			c.interactive = true
		case "l":
			c.hard = true
		case "L":
			c.deref = foDerefAlways
		case "P":
			c.deref = foDerefNever
		case "p":
			c.keepMode, c.keepOwner, c.keepTime = true, true, true
		case "preserve":
			arg := "mode,ownership,timestamps"
			if o.HasArg {
				arg = o.Arg
			}
			if !preserve(arg, true) {
				return 1
			}
		case "no-preserve":
			if !preserve(o.Arg, false) {
				return 1
			}
		case "parents":
			parents = true
		case "r", "R":
			c.recursive = true
		case "remove-destination":
			c.removeDest = true
		case "reply":
			switch o.Arg {
			case "yes":
				c.interactive = false
			case "query":
				c.interactive = true
			case "no":
			}
		case "s":
			c.symbolic = true
		case "S":
			backupOn, suffix = true, o.Arg
		case "strip-trailing-slashes":
			stripSlashes = true
		case "t":
			targetDir, hasTarget = o.Arg, true
		case "T":
			noTarget = true
		case "u":
			c.update = true
		case "v":
			c.verbose = true
		}
	}
	if c.hard && c.symbolic {
		return foUsage(p, "cannot make both hard and symbolic links")
	}
	var ok bool
	if c.backup, ok = foBackupSetup(p, backupOn, control, hasControl, suffix); !ok {
		return 1
	}
	if c.deref == -1 {
		c.deref = foDerefAlways
		if c.recursive {
			c.deref = foDerefArgs
		}
	}
	if stripSlashes {
		for i, s := range operands {
			if t := strings.TrimRight(s, "/"); t != "" {
				operands[i] = t
			}
		}
	}
	if parents && !hasTarget {
		if len(operands) >= 2 {
			last := operands[len(operands)-1]
			if fi, err := p.userFS().Stat(foPath(p, last)); err != nil || !fi.IsDir() {
				return foUsage(p, "with --parents, the destination must be a directory")
			}
			targetDir, hasTarget, operands = last, true, operands[:len(operands)-1]
		}
	}
	pairs, status, ok := foTargets(p, operands, targetDir, hasTarget, noTarget, true)
	if !ok {
		return status
	}
	for _, pr := range pairs {
		if p.Canceled() {
			return 1
		}
		src, dst := pr[0], pr[1]
		if parents {
			dst = foJoin(targetDir, strings.TrimLeft(src, "/"))
			if !c.makeParents(src, targetDir) {
				status = 1
				continue
			}
		}
		if !c.copy(src, dst, true) {
			status = 1
		}
	}
	return status
}

// makeParents creates under dir the directories leading to src, for
// --parents, with the modes of the source's directories.
func (c *foCopier) makeParents(src, dir string) bool {
	p := c.p
	rel := strings.TrimLeft(src, "/")
	lead := strings.HasPrefix(src, "/")
	parts := strings.Split(strings.TrimRight(rel, "/"), "/")
	so, do := "", dir
	if lead {
		so = "/"
	}
	for _, part := range parts[:len(parts)-1] {
		if part == "" {
			continue
		}
		so, do = so+part+"/", foJoin(do, part)
		fi, err := p.userFS().Stat(foPath(p, so))
		if err != nil {
			p.Errorf("cannot stat %s: %s", foQ(strings.TrimSuffix(so, "/")), Strerror(err))
			return false
		}
		if d, err := p.userFS().Stat(foPath(p, do)); err == nil && d.IsDir() {
			continue
		}
		mode := foUmask(p, fi.Mode().Perm())
		if c.keepMode {
			mode = fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		}
		if err := p.userFS().Mkdir(foPath(p, do), mode|0o700); err != nil {
			p.Errorf("cannot make directory %s: %s", foQ(do), Strerror(err))
			return false
		}
		p.userFS().Chmod(foPath(p, do), mode)
		if c.verbose {
			p.Printf("%s -> %s\n", strings.TrimSuffix(so, "/"), do)
		}
	}
	return true
}

// copy copies src to dst; top says src was named on the command line.
func (c *foCopier) copy(src, dst string, top bool) bool {
	p := c.p
	fsys := p.userFS()
	sp, dp := foPath(p, src), foPath(p, dst)
	follow := c.deref == foDerefAlways || (c.deref == foDerefArgs && top)
	var si fs.FileInfo
	var err error
	if follow {
		si, err = fsys.Stat(sp)
	} else {
		si, err = fsys.Lstat(sp)
	}
	if err != nil {
		p.Errorf("cannot stat %s: %s", foQ(src), Strerror(err))
		return false
	}
	if si.IsDir() && !c.recursive {
		p.Errorf("omitting directory %s", foQ(src))
		return false
	}
	srcLink := foIsLink(si)
	di, err := fsys.Lstat(dp)
	exists := err == nil
	if err != nil && Errno(err) != syscall.ENOENT {
		p.Errorf("cannot stat %s: %s", foQ(dst), Strerror(err))
		return false
	}
	backupName := ""
	if exists {
		dt := di // what dst is once links are followed
		if foIsLink(di) {
			if t, err := fsys.Stat(dp); err == nil {
				dt = t
			}
		}
		same := foSameInode(si, di) || (!srcLink && !c.symbolic && foSameInode(si, dt))
		if ls, err := fsys.Lstat(sp); err == nil && srcLink && foSameInode(ls, di) {
			same = true
		}
		if same && c.removeDest && foIsLink(di) {
			same = false
		}
		if same && !(c.symbolic && path.IsAbs(src)) {
			p.Errorf("%s and %s are the same file", foQ(src), foQ(dst))
			return false
		}
		if !si.IsDir() && dt.IsDir() {
			p.Errorf("cannot overwrite directory %s with non-directory", foQ(dst))
			return false
		}
		if si.IsDir() && !dt.IsDir() {
			p.Errorf("cannot overwrite non-directory %s with directory %s", foQ(dst), foQ(src))
			return false
		}
		if !si.IsDir() {
			if c.update && !dt.ModTime().Before(si.ModTime()) {
				return true
			}
			if c.interactive && !foAsk(p, fmt.Sprintf("%s: overwrite %s? ", p.Name(), foQ(dst))) {
				return true
			}
			if b := c.backup.name(p, dp); b != "" {
				if err := fsys.Rename(dp, b); err != nil {
					p.Errorf("cannot backup %s: %s", foQ(dst), Strerror(err))
					return false
				}
				backupName = strings.TrimPrefix(b, strings.TrimSuffix(dp, dst))
				exists = false
			} else if c.removeDest || c.symbolic || c.hard || srcLink || (!si.Mode().IsRegular() && c.recursive) ||
				(c.links && foSys(di).Nlink > 1) {
				if c.symbolic || c.hard {
					if !c.force && !c.removeDest && !c.interactive {
						what := "symbolic link"
						if c.hard {
							what = "link"
						}
						p.Errorf("cannot create %s %s to %s: %s", what, foQ(dst), foQ(src), Strerror(syscall.EEXIST))
						return false
					}
				}
				if err := fsys.Remove(dp); err != nil {
					p.Errorf("cannot remove %s: %s", foQ(dst), Strerror(err))
					return false
				}
				exists = false
			}
		}
	}
	say := func() {
		if c.verbose {
			p.Printf("%s -> %s", foQ(src), foQ(dst))
			if backupName != "" {
				p.Printf(" (backup: %s)", foQ(backupName))
			}
			p.Printf("\n")
		}
	}
	if si.IsDir() {
		return c.copyDir(src, dst, si, exists, say)
	}
	switch {
	case c.symbolic:
		if !path.IsAbs(src) && foDir(dst) != "." {
			p.Errorf("%s: can make relative symbolic links only in current directory", foQ(dst))
			return false
		}
		say()
		if err := fsys.Symlink(src, dp); err != nil {
			p.Errorf("cannot create symbolic link %s to %s: %s", foQ(dst), foQ(src), Strerror(err))
			return false
		}
		return true
	case c.hard:
		say()
		if err := fsys.Link(sp, dp); err != nil {
			p.Errorf("cannot create link %s to %s: %s", foQ(dst), foQ(src), Strerror(err))
			return false
		}
		return true
	}
	say()
	if c.links && foSys(si).Nlink > 1 {
		if prev, ok := c.seen[foSys(si).Ino]; ok {
			if err := fsys.Link(prev, dp); err != nil {
				p.Errorf("cannot create hard link %s to %s: %s", foQ(dst), foQ(prev), Strerror(err))
				return false
			}
			return true
		}
		c.seen[foSys(si).Ino] = dp
	}
	if srcLink {
		target, err := fsys.Readlink(sp)
		if err != nil {
			p.Errorf("cannot read symbolic link %s: %s", foQ(src), Strerror(err))
			return false
		}
		if err := fsys.Symlink(target, dp); err != nil {
			p.Errorf("cannot create symbolic link %s: %s", foQ(dst), Strerror(err))
			return false
		}
		if c.keepOwner {
			fsys.Lchown(dp, foSys(si).Uid, foSys(si).Gid)
		}
		return true
	}
	if !si.Mode().IsRegular() && c.recursive && si.Mode()&(fs.ModeDevice|fs.ModeCharDevice) != 0 {
		mode := si.Mode()&(fs.ModeDevice|fs.ModeCharDevice) | foUmask(p, si.Mode().Perm())
		uid, gid := 0, 0
		if c.keepOwner {
			uid, gid = foSys(si).Uid, foSys(si).Gid
		}
		if err := fsys.Mknod(dp, mode, uid, gid); err != nil {
			p.Errorf("cannot create special file %s: %s", foQ(dst), Strerror(err))
			return false
		}
		return c.keep(dp, si)
	}
	if !c.copyData(src, dst, si, exists) {
		return false
	}
	return c.keep(dp, si)
}

// copyData copies a regular file's bytes.
func (c *foCopier) copyData(src, dst string, si fs.FileInfo, exists bool) bool {
	p := c.p
	fsys := p.userFS()
	sp, dp := foPath(p, src), foPath(p, dst)
	in, err := fsys.Open(sp)
	if err != nil {
		p.Errorf("cannot open %s for reading: %s", foQ(src), Strerror(err))
		return false
	}
	defer in.Close()
	var out foWFile
	if exists {
		out, err = fsys.OpenFile(dp, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil && c.force {
			if rerr := fsys.Remove(dp); rerr != nil {
				p.Errorf("cannot remove %s: %s", foQ(dst), Strerror(rerr))
				return false
			}
			exists = false
		}
	}
	if !exists {
		out, err = fsys.OpenFile(dp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, foUmask(p, si.Mode().Perm()))
	}
	if err != nil {
		p.Errorf("cannot create regular file %s: %s", foQ(dst), Strerror(err))
		return false
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		p.Errorf("writing %s: %s", foQ(dst), Strerror(err))
		return false
	}
	return true
}

// foWFile is the part of an open vfs file that writing needs.
type foWFile = interface {
	io.Writer
	io.Closer
}

// keep applies -p's attributes of si to dp.
func (c *foCopier) keep(dp string, si fs.FileInfo) bool {
	fsys := c.p.userFS()
	st := foSys(si)
	if c.keepTime {
		fsys.Chtimes(dp, st.Atime, si.ModTime())
	}
	if c.keepOwner {
		fsys.Chown(dp, st.Uid, st.Gid)
	}
	if c.keepMode {
		fsys.Chmod(dp, si.Mode())
	}
	return true
}

// copyDir copies a directory recursively.
func (c *foCopier) copyDir(src, dst string, si fs.FileInfo, exists bool, say func()) bool {
	p := c.p
	fsys := p.userFS()
	sp, dp := foPath(p, src), foPath(p, dst)
	if foWithin(p, sp, dp) {
		p.Errorf("cannot copy a directory, %s, into itself, %s", foQ(src), foQ(dst))
		return false
	}
	mode := foUmask(p, si.Mode().Perm())
	if !exists {
		if err := fsys.Mkdir(dp, mode|0o700); err != nil {
			p.Errorf("cannot create directory %s: %s", foQ(dst), Strerror(err))
			return false
		}
		say()
	}
	names, err := foNames(p, src)
	if err != nil {
		p.Errorf("cannot access %s: %s", foQ(src), Strerror(err))
		return false
	}
	ok := true
	for _, n := range names {
		if p.Canceled() {
			return false
		}
		if !c.copy(foJoin(src, n), foJoin(dst, n), false) {
			ok = false
		}
	}
	if !exists && !c.keepMode {
		fsys.Chmod(dp, mode)
	}
	c.keep(dp, si)
	return ok
}

// ---------------------------------------------------------------- mv

const mvHelp = `Usage: mv [OPTION]... [-T] SOURCE DEST
  or:  mv [OPTION]... SOURCE... DIRECTORY
  or:  mv [OPTION]... -t DIRECTORY SOURCE...
Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.

Mandatory arguments to long options are mandatory for short options too.
      --backup[=CONTROL]       make a backup of each existing destination file
  -b                           like --backup but does not accept an argument
  -f, --force                  do not prompt before overwriting
  -i, --interactive            prompt before overwrite
      --strip-trailing-slashes remove any trailing slashes from each SOURCE
                                 argument
  -S, --suffix=SUFFIX          override the usual backup suffix
  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY
  -T, --no-target-directory    treat DEST as a normal file
  -u, --update                 move only when the SOURCE file is newer
                                 than the destination file or when the
                                 destination file is missing
  -v, --verbose                explain what is being done
` + foHelpTail + "\n" + foBackupHelp

// mvLongs are the long options of mvMain, built once.
var mvLongs = foLongs(
	LongOpt{Name: "backup", Arg: OptionalArg},
	LongOpt{Name: "force", Short: 'f'},
	LongOpt{Name: "interactive", Short: 'i'},
	LongOpt{Name: "no-target-directory", Short: 'T'},
	LongOpt{Name: "reply", Arg: RequiredArg},
	LongOpt{Name: "strip-trailing-slashes"},
	LongOpt{Name: "suffix", Arg: RequiredArg, Short: 'S'},
	LongOpt{Name: "target-directory", Arg: RequiredArg, Short: 't'},
	LongOpt{Name: "update", Short: 'u'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func mvMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "bfiS:t:TuvV:", mvLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var interactive, update, verbose, backupOn, hasControl, hasTarget, noTarget, strip bool
	var control, suffix, targetDir string
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, mvHelp)
		case "version":
			return foVersion(p, "Mike Parker, David MacKenzie, and Jim Meyering")
		case "b":
			backupOn = true
		case "backup":
			backupOn = true
			if o.HasArg {
				control, hasControl = o.Arg, true
			}
		case "f":
			interactive = false
		case "i":
			interactive = true
		case "reply":
			interactive = o.Arg == "query"
		case "S":
			backupOn, suffix = true, o.Arg
		case "strip-trailing-slashes":
			strip = true
		case "t":
			targetDir, hasTarget = o.Arg, true
		case "T":
			noTarget = true
		case "u":
			update = true
		case "v":
			verbose = true
		}
	}
	backup, ok := foBackupSetup(p, backupOn, control, hasControl, suffix)
	if !ok {
		return 1
	}
	if strip {
		for i, s := range operands {
			if t := strings.TrimRight(s, "/"); t != "" {
				operands[i] = t
			}
		}
	}
	pairs, status, ok := foTargets(p, operands, targetDir, hasTarget, noTarget, true)
	if !ok {
		return status
	}
	fsys := p.userFS()
	for _, pr := range pairs {
		if p.Canceled() {
			return 1
		}
		src, dst := pr[0], pr[1]
		sp, dp := foPath(p, src), foPath(p, dst)
		si, err := fsys.Lstat(sp)
		if err != nil {
			p.Errorf("cannot stat %s: %s", foQ(src), Strerror(err))
			status = 1
			continue
		}
		backupName := ""
		if di, err := fsys.Lstat(dp); err == nil {
			if foSameInode(si, di) {
				p.Errorf("%s and %s are the same file", foQ(src), foQ(dst))
				status = 1
				continue
			}
			if si.IsDir() && !di.IsDir() {
				p.Errorf("cannot overwrite non-directory %s with directory %s", foQ(dst), foQ(src))
				status = 1
				continue
			}
			if !si.IsDir() && di.IsDir() {
				p.Errorf("cannot overwrite directory %s with non-directory", foQ(dst))
				status = 1
				continue
			}
			if update && !di.ModTime().Before(si.ModTime()) {
				continue
			}
			if interactive && !foAsk(p, fmt.Sprintf("%s: overwrite %s? ", p.Name(), foQ(dst))) {
				continue
			}
			if b := backup.name(p, dp); b != "" {
				if err := fsys.Rename(dp, b); err != nil {
					p.Errorf("cannot backup %s: %s", foQ(dst), Strerror(err))
					status = 1
					continue
				}
				backupName = strings.TrimPrefix(b, strings.TrimSuffix(dp, dst))
			}
		}
		if si.IsDir() && foWithin(p, sp, dp) {
			p.Errorf("cannot move %s to a subdirectory of itself, %s", foQ(src), foQ(dst))
			status = 1
			continue
		}
		if err := fsys.Rename(sp, dp); err != nil {
			p.Errorf("cannot move %s to %s: %s", foQ(src), foQ(dst), Strerror(err))
			status = 1
			continue
		}
		if verbose {
			p.Printf("%s -> %s", foQ(src), foQ(dst))
			if backupName != "" {
				p.Printf(" (backup: %s)", foQ(backupName))
			}
			p.Printf("\n")
		}
	}
	return status
}

// ---------------------------------------------------------------- ln

const lnHelp = `Usage: ln [OPTION]... [-T] TARGET LINK_NAME   (1st form)
  or:  ln [OPTION]... TARGET                  (2nd form)
  or:  ln [OPTION]... TARGET... DIRECTORY     (3rd form)
  or:  ln [OPTION]... -t DIRECTORY TARGET...  (4th form)
In the 1st form, create a link to TARGET with the name LINK_NAME.
In the 2nd form, create a link to TARGET in the current directory.
In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.
Create hard links by default, symbolic links with --symbolic.
When creating hard links, each TARGET must exist.

Mandatory arguments to long options are mandatory for short options too.
      --backup[=CONTROL]      make a backup of each existing destination file
  -b                          like --backup but does not accept an argument
  -d, -F, --directory         allow the superuser to attempt to hard link
                                directories (note: will probably fail due to
                                system restrictions, even for the superuser)
  -f, --force                 remove existing destination files
  -n, --no-dereference        treat destination that is a symlink to a
                                directory as if it were a normal file
  -i, --interactive           prompt whether to remove destinations
  -s, --symbolic              make symbolic links instead of hard links
  -S, --suffix=SUFFIX         override the usual backup suffix
  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create
                                the links
  -T, --no-target-directory   treat LINK_NAME as a normal file
  -v, --verbose               print name of each file before linking
` + foHelpTail + "\n" + foBackupHelp

// lnLongs are the long options of lnMain, built once.
var lnLongs = foLongs(
	LongOpt{Name: "backup", Arg: OptionalArg},
	LongOpt{Name: "directory", Short: 'F'},
	LongOpt{Name: "no-dereference", Short: 'n'},
	LongOpt{Name: "no-target-directory", Short: 'T'},
	LongOpt{Name: "force", Short: 'f'},
	LongOpt{Name: "interactive", Short: 'i'},
	LongOpt{Name: "suffix", Arg: RequiredArg, Short: 'S'},
	LongOpt{Name: "target-directory", Arg: RequiredArg, Short: 't'},
	LongOpt{Name: "symbolic", Short: 's'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func lnMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "bdfinsS:t:TvFV:", lnLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var force, interactive, noDeref, symbolic, verbose, backupOn, hasControl, hasTarget, noTarget bool
	var control, suffix, targetDir string
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, lnHelp)
		case "version":
			return foVersion(p, "Mike Parker and David MacKenzie")
		case "b":
			backupOn = true
		case "backup":
			backupOn = true
			if o.HasArg {
				control, hasControl = o.Arg, true
			}
		case "d", "F":
		case "f":
			force, interactive = true, false
		case "i":
			force, interactive = false, true
		case "n":
			noDeref = true
		case "s":
			symbolic = true
		case "S":
			backupOn, suffix = true, o.Arg
		case "t":
			targetDir, hasTarget = o.Arg, true
		case "T":
			noTarget = true
		case "v":
			verbose = true
		}
	}
	backup, ok := foBackupSetup(p, backupOn, control, hasControl, suffix)
	if !ok {
		return 1
	}
	pairs, status, ok := foTargets(p, operands, targetDir, hasTarget, noTarget, !noDeref)
	if !ok {
		return status
	}
	fsys := p.userFS()
	what := "hard link"
	if symbolic {
		what = "symbolic link"
	}
	for _, pr := range pairs {
		src, dst := pr[0], pr[1]
		sp, dp := foPath(p, src), foPath(p, dst)
		var si fs.FileInfo
		if !symbolic {
			si, err = fsys.Lstat(sp)
			if err != nil {
				p.Errorf("accessing %s: %s", foQ(src), Strerror(err))
				status = 1
				continue
			}
			if si.IsDir() {
				p.Errorf("%s: hard link not allowed for directory", foQ(src))
				status = 1
				continue
			}
		}
		backupName := ""
		if di, err := fsys.Lstat(dp); err == nil && (force || interactive || backup.kind != "") {
			if !symbolic && foSameInode(si, di) && (foSys(si).Nlink == 1 || foSameName(p, sp, dp)) {
				p.Errorf("%s and %s are the same file", foQ(src), foQ(dst))
				status = 1
				continue
			}
			if di.IsDir() {
				p.Errorf("%s: cannot overwrite directory", foQ(dst))
				status = 1
				continue
			}
			if interactive && !foAsk(p, fmt.Sprintf("%s: replace %s? ", p.Name(), foQ(dst))) {
				continue
			}
			if b := backup.name(p, dp); b != "" {
				if err := fsys.Rename(dp, b); err != nil {
					p.Errorf("cannot backup %s: %s", foQ(dst), Strerror(err))
					status = 1
					continue
				}
				backupName = strings.TrimPrefix(b, strings.TrimSuffix(dp, dst))
			} else if err := fsys.Remove(dp); err != nil {
				p.Errorf("cannot remove %s: %s", foQ(dst), Strerror(err))
				status = 1
				continue
			}
		}
		if verbose {
			p.Printf("create %s %s to %s", what, foQ(dst), foQ(src))
			if backupName != "" {
				p.Printf(" (backup: %s)", foQ(backupName))
			}
			p.Printf("\n")
		}
		if symbolic {
			err = fsys.Symlink(src, dp)
		} else {
			err = fsys.Link(sp, dp)
		}
		if err != nil {
			p.Errorf("creating %s %s to %s: %s", what, foQ(dst), foQ(src), Strerror(err))
			status = 1
		}
	}
	return status
}

// foSameName reports whether two vfs paths name one entry of one
// directory, as ln's same_name does.
func foSameName(p *Proc, a, b string) bool {
	if foBase(a) != foBase(b) {
		return false
	}
	da, err1 := p.userFS().Stat(foDir(a))
	db, err2 := p.userFS().Stat(foDir(b))
	return err1 == nil && err2 == nil && foSameInode(da, db)
}

// ---------------------------------------------------------------- readlink

const readlinkHelp = `Usage: readlink [OPTION]... FILE
Display value of a symbolic link on standard output.

  -f, --canonicalize            canonicalize by following every symlink in
                                every component of the given name recursively;
                                all but the last component must exist
  -e, --canonicalize-existing   canonicalize by following every symlink in
                                every component of the given name recursively,
                                all components must exist
  -m, --canonicalize-missing    canonicalize by following every symlink in
                                every component of the given name recursively,
                                without requirements on components existence
  -n, --no-newline              do not output the trailing newline
  -q, --quiet,
  -s, --silent                  suppress most error messages
  -v, --verbose                 report error messages
` + foHelpTail + foReportBugs

// Canonicalization modes of readlink.
const (
	foCanonNone = iota
	foCanonAllButLast
	foCanonExisting
	foCanonMissing
)

// readlinkLongs are the long options of readlinkMain, built once.
var readlinkLongs = foLongs(
	LongOpt{Name: "canonicalize", Short: 'f'},
	LongOpt{Name: "canonicalize-existing", Short: 'e'},
	LongOpt{Name: "canonicalize-missing", Short: 'm'},
	LongOpt{Name: "no-newline", Short: 'n'},
	LongOpt{Name: "quiet", Short: 'q'},
	LongOpt{Name: "silent", Short: 's'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func readlinkMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "efmnqsv", readlinkLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	mode := foCanonNone
	noNewline, verbose := false, false
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, readlinkHelp)
		case "version":
			return foVersion(p, "Dmitry V. Levin")
		case "f":
			mode = foCanonAllButLast
		case "e":
			mode = foCanonExisting
		case "m":
			mode = foCanonMissing
		case "n":
			noNewline = true
		case "q", "s":
			verbose = false
		case "v":
			verbose = true
		}
	}
	switch {
	case len(operands) == 0:
		return foUsage(p, "missing operand")
	case len(operands) > 1:
		return foUsage(p, "extra operand %s", foQ(operands[1]))
	}
	name := operands[0]
	var out string
	if mode == foCanonNone {
		out, err = p.userFS().Readlink(foPath(p, name))
	} else {
		out, err = foCanonicalize(p, name, mode)
	}
	if err != nil {
		if verbose {
			p.Errorf("%s: %s", name, Strerror(err))
		}
		return 1
	}
	p.Printf("%s", out)
	if !noNewline {
		p.Printf("\n")
	}
	return 0
}

// foCanonicalize is coreutils' canonicalize_filename_mode: an absolute
// name without ".", ".." or symbolic links.
func foCanonicalize(p *Proc, name string, mode int) (string, error) {
	if name == "" {
		return "", syscall.ENOENT
	}
	fsys := p.userFS()
	comps := strings.Split(foPath(p, name), "/")
	res := "/"
	hops := 0
	for len(comps) > 0 {
		c := comps[0]
		comps = comps[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			res = foDir(res)
			continue
		}
		last := true
		for _, r := range comps {
			if r != "" && r != "." {
				last = false
				break
			}
		}
		next := foJoin(res, c)
		fi, err := fsys.Lstat(next)
		if err != nil {
			switch {
			case mode == foCanonMissing:
				res = next
				continue
			case mode == foCanonAllButLast && last && Errno(err) == syscall.ENOENT:
				res = next
				continue
			}
			return "", err
		}
		if foIsLink(fi) {
			if hops++; hops > 40 {
				return "", syscall.ELOOP
			}
			target, err := fsys.Readlink(next)
			if err != nil {
				return "", err
			}
			if strings.HasPrefix(target, "/") {
				res = "/"
			}
			comps = append(strings.Split(target, "/"), comps...)
			continue
		}
		if !fi.IsDir() && !last && mode != foCanonMissing {
			return "", syscall.ENOTDIR
		}
		res = next
	}
	return res, nil
}

// ---------------------------------------------------------------- basename, dirname

func basenameMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "+", foStd)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, `Usage: basename NAME [SUFFIX]
  or:  basename OPTION
Print NAME with any leading directory components removed.
If specified, also remove a trailing SUFFIX.

`+foHelpTail+`
Examples:
  basename /usr/bin/sort       Output "sort".
  basename include/stdio.h .h  Output "stdio".
`+foReportBugs)
		case "version":
			return foVersion(p, "FIXME unknown")
		}
	}
	switch {
	case len(operands) == 0:
		return foUsage(p, "missing operand")
	case len(operands) > 2:
		return foUsage(p, "extra operand %s", foQ(operands[2]))
	}
	b := foBase(operands[0])
	if len(operands) == 2 && b != operands[1] && b != "/" {
		b = strings.TrimSuffix(b, operands[1])
	}
	p.Printf("%s\n", b)
	return 0
}

func dirnameMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "+", foStd)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, `Usage: dirname NAME
  or:  dirname OPTION
Print NAME with its trailing /component removed; if NAME contains no /'s,
output '.' (meaning the current directory).

`+foHelpTail+`
Examples:
  dirname /usr/bin/sort  Output "/usr/bin".
  dirname stdio.h        Output ".".
`+foReportBugs)
		case "version":
			return foVersion(p, "David MacKenzie and Jim Meyering")
		}
	}
	switch {
	case len(operands) == 0:
		return foUsage(p, "missing operand")
	case len(operands) > 1:
		return foUsage(p, "extra operand %s", foQ(operands[1]))
	}
	p.Printf("%s\n", foDir(operands[0]))
	return 0
}

// ---------------------------------------------------------------- sync

func syncMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "", foStd)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, "Usage: sync [OPTION]\nForce changed blocks to disk, update the super block.\n\n"+foHelpTail+foReportBugs)
		case "version":
			return foVersion(p, "Jim Meyering")
		}
	}
	if len(operands) > 0 {
		p.Errorf("ignoring all arguments")
	}
	return 0
}

// ---------------------------------------------------------------- mktemp

const mktempUsage = "Usage: mktemp [-V] | [-dqtu] [-p prefix] [template]\n"

// mktempMain is mktemp 1.5 (its own package on CentOS 5, not coreutils).
func mktempMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "+dp:qtuV", nil)
	if err != nil {
		p.Errorf("%v", err)
		io.WriteString(p.Stderr, mktempUsage)
		return 1
	}
	var dir, quiet, useTmp, unsafe bool
	prefix := ""
	for _, o := range opts {
		switch o.Name {
		case "d":
			dir = true
		case "p":
			prefix, useTmp = o.Arg, true
		case "q":
			quiet = true
		case "t":
			useTmp = true
		case "u":
			unsafe = true
		case "V":
			p.Printf("mktemp version 1.5\n")
			return 0
		}
	}
	template := "tmp.XXXXXXXXXX"
	switch len(operands) {
	case 0:
		useTmp = true
	case 1:
		template = operands[0]
	default:
		io.WriteString(p.Stderr, mktempUsage)
		return 1
	}
	if useTmp {
		if strings.Contains(template, "/") {
			if !quiet {
				p.Errorf("template must not contain directory separators in -t mode")
			}
			return 1
		}
		tmp := p.Getenv("TMPDIR")
		if tmp == "" {
			tmp = prefix
		}
		if tmp == "" {
			tmp = "/tmp"
		}
		template = foJoin(tmp, template)
	}
	what := "file"
	if dir {
		what = "dir"
	}
	xs := len(template) - len(strings.TrimRight(template, "X"))
	if xs < 3 {
		if !quiet {
			p.Errorf("cannot make temp %s %s: %s", what, template, Strerror(syscall.EINVAL))
		}
		return 1
	}
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	fsys := p.userFS()
	stem := template[:len(template)-xs]
	for try := 0; try < 100; try++ {
		var b strings.Builder
		b.WriteString(stem)
		for range xs {
			b.WriteByte(letters[p.Sys.Rand.IntN(len(letters))])
		}
		name := b.String()
		if dir {
			err = fsys.Mkdir(foPath(p, name), 0o700)
		} else {
			var f foWFile
			f, err = fsys.OpenFile(foPath(p, name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
			if err == nil {
				f.Close()
			}
		}
		if err == nil {
			if unsafe {
				fsys.Remove(foPath(p, name))
			}
			p.Printf("%s\n", name)
			return 0
		}
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if !quiet {
		p.Errorf("cannot make temp %s %s: %s", what, template, Strerror(err))
	}
	return 1
}

// foBackupHelp ends the --help of mv and ln: coreutils 5.97's words on
// backup suffixes and version control.
const foBackupHelp = "The backup suffix is `~', unless set with --suffix or SIMPLE_BACKUP_SUFFIX.\n" +
	"The version control method may be selected via the --backup option or through\n" +
	"the VERSION_CONTROL environment variable.  Here are the values:\n\n" +
	"  none, off       never make backups (even if --backup is given)\n" +
	"  numbered, t     make numbered backups\n" +
	"  existing, nil   numbered if numbered backups exist, simple otherwise\n" +
	"  simple, never   always make simple backups\n" + foReportBugs
