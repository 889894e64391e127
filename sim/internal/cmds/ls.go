package cmds

// ls as in GNU coreutils 5.97 (CentOS 5): long format without the SELinux
// dot, long-iso times in every locale but C/POSIX, names sorted by the
// locale's collation, columns only on a terminal, colours from the CentOS 5
// /etc/DIR_COLORS defaults (or LS_COLORS).
//
// The helpers named lsfam* are shared with stat, find and du/df.

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"rclab/vfs"
)

func init() {
	Register(Command{
		Name:    "ls",
		Dirs:    []string{"/bin"},
		Summary: "list directory contents",
		Usage:   "ls [OPTION]... [FILE]...",
		Main:    lsMain,
	})
}

// Output formats.
const (
	lsFmtLong = iota
	lsFmtOne
	lsFmtColumns
	lsFmtAcross
	lsFmtCommas
)

// Sort keys.
const (
	lsSortName = iota
	lsSortNone
	lsSortTime
	lsSortSize
	lsSortExt
)

// Which time -l shows and -t sorts by.
const (
	lsTimeMtime = iota
	lsTimeCtime
	lsTimeAtime
)

// When symbolic links are followed.
const (
	lsDerefNever   = iota
	lsDerefCmdDirs // command-line symlinks to directories (the default)
	lsDerefCmd     // -H: every command-line symlink
	lsDerefAlways  // -L
)

// Indicator styles, in coreutils' order.
const (
	lsIndNone = iota
	lsIndSlash
	lsIndFileType
	lsIndClassify
)

type lsConfig struct {
	format     int
	all        bool // -a
	almost     bool // -A
	dirOnly    bool // -d
	deref      int
	recursive  bool
	indicator  int
	human      bool
	sortBy     int
	reverse    bool
	inode      bool
	numeric    bool
	blocks     bool // -s
	color      bool
	noOwner    bool // -g
	noGroup    bool // -o, -G
	timeKind   int
	width      int
	qmark      bool // replace control characters by '?'
	cCollate   bool // byte-order names (C locale)
	timeFormat [2]string
}

// lsFile is one name to list.
type lsFile struct {
	name     string  // as printed
	abs      string  // absolute path for system calls; see path
	parent   *lsFile // the directory listed, whose abs path makes abs
	fi       fs.FileInfo
	st       *vfs.Stat // see stat
	statDone bool      // st is fi's
	link     string    // symbolic link target (long format, colours)
	linkOK   bool      // the target exists
	linkMode fs.FileMode
	cmdline  bool
}

type lister struct {
	p       *Proc
	cfg     lsConfig
	w       *bufio.Writer
	status  int
	now     time.Time
	users   Accounts
	groups  Accounts
	loaded  bool
	colors  *lsColors
	printed bool // stdout holds something: separate directory blocks
	linkChk bool // read and stat every link (colours need it)
	widths  lsWidths
	active  map[uint64]bool // directories being listed by -R
	// The last time formatted, as listings repeat times.
	lastTime time.Time
	lastStr  string
	block    []lsFile // see newFile
}

// path returns the file's absolute path, made from its directory's the
// first time it is needed: most listings never need it.
func (f *lsFile) path() string {
	if f.parent != nil && f.abs == "" {
		if f.parent.abs == "/" {
			f.abs = "/" + f.name
		} else {
			f.abs = f.parent.abs + "/" + f.name
		}
	}
	return f.abs
}

// stat returns the vfs fields of the file's information, or nil; they
// are taken the first time they are needed (a FileInfo never changes).
func (f *lsFile) stat() *vfs.Stat {
	if !f.statDone {
		f.st, f.statDone = lsfamStat(f.fi), true
	}
	return f.st
}

// newFile returns a zero lsFile from the lister's current block: one
// allocation for a directory's worth of them (see reserve).
func (l *lister) newFile() *lsFile {
	if len(l.block) == 0 {
		l.block = make([]lsFile, 8)
	}
	f := &l.block[0]
	l.block = l.block[1:]
	return f
}

// reserve makes room for n more files in the lister's block.
func (l *lister) reserve(n int) {
	if len(l.block) < n {
		l.block = make([]lsFile, n)
	}
}

type lsWidths struct {
	inode, blocks, nlink, owner, group, size, major, minor int
}

func lsMain(p *Proc) int {
	long := []LongOpt{
		{Name: "all", Short: 'a'},
		{Name: "almost-all", Short: 'A'},
		{Name: "directory", Short: 'd'},
		{Name: "dereference", Short: 'L'},
		{Name: "dereference-command-line", Short: 'H'},
		{Name: "recursive", Short: 'R'},
		{Name: "classify", Short: 'F'},
		{Name: "file-type"},
		{Name: "indicator-style", Arg: RequiredArg},
		{Name: "human-readable", Short: 'h'},
		{Name: "reverse", Short: 'r'},
		{Name: "inode", Short: 'i'},
		{Name: "numeric-uid-gid", Short: 'n'},
		{Name: "size", Short: 's'},
		{Name: "no-group", Short: 'G'},
		{Name: "hide-control-chars", Short: 'q'},
		{Name: "show-control-chars"},
		{Name: "width", Arg: RequiredArg, Short: 'w'},
		{Name: "color", Arg: OptionalArg},
		{Name: "colour", Arg: OptionalArg},
		{Name: "full-time"},
		{Name: "time-style", Arg: RequiredArg},
		{Name: "sort", Arg: RequiredArg},
		{Name: "time", Arg: RequiredArg},
		{Name: "format", Arg: RequiredArg},
		{Name: "help"},
		{Name: "version"},
	}
	opts, operands, err := Getopt(p.Args[1:], "aAdLHl1RFphtrSUXifnsCxmgoGcuqw:", long)
	if err != nil {
		return p.BadUsage(err, 2)
	}
	cfg := lsConfig{format: lsFmtOne, deref: -1, width: 80}
	if p.Tty {
		cfg.format = lsFmtColumns
		cfg.qmark = true
	}
	if c := p.Getenv("COLUMNS"); c != "" {
		if n, err := strconv.Atoi(c); err == nil && n > 0 {
			cfg.width = n
		}
	}
	sortSet := false
	timeStyle := ""
	fullTime := false
	for _, o := range opts {
		switch o.Name {
		case "a":
			cfg.all, cfg.almost = true, false
		case "A":
			cfg.almost, cfg.all = true, false
		case "d":
			cfg.dirOnly = true
		case "L":
			cfg.deref = lsDerefAlways
		case "H":
			cfg.deref = lsDerefCmd
		case "l":
			cfg.format = lsFmtLong
		case "1":
			if cfg.format != lsFmtLong {
				cfg.format = lsFmtOne
			}
		case "C":
			cfg.format = lsFmtColumns
		case "x":
			cfg.format = lsFmtAcross
		case "m":
			cfg.format = lsFmtCommas
		case "g":
			cfg.format, cfg.noOwner = lsFmtLong, true
		case "o":
			cfg.format, cfg.noGroup = lsFmtLong, true
		case "G":
			cfg.noGroup = true
		case "n":
			cfg.format, cfg.numeric = lsFmtLong, true
		case "R":
			cfg.recursive = true
		case "F":
			cfg.indicator = lsIndClassify
		case "p":
			cfg.indicator = lsIndSlash
		case "file-type":
			cfg.indicator = lsIndFileType
		case "indicator-style":
			v, ok := lsfamArgmatch(p, o.Arg, "--indicator-style", [][]string{{"none"}, {"slash"}, {"file-type"}, {"classify"}})
			if !ok {
				return 2
			}
			cfg.indicator = v
		case "h":
			cfg.human = true
		case "r":
			cfg.reverse = true
		case "t":
			cfg.sortBy, sortSet = lsSortTime, true
		case "S":
			cfg.sortBy, sortSet = lsSortSize, true
		case "U":
			cfg.sortBy, sortSet = lsSortNone, true
		case "X":
			cfg.sortBy, sortSet = lsSortExt, true
		case "f":
			cfg.all, cfg.almost = true, false
			cfg.sortBy, sortSet = lsSortNone, true
			if cfg.format == lsFmtLong {
				cfg.format = lsFmtOne
				if p.Tty {
					cfg.format = lsFmtColumns
				}
			}
			cfg.blocks = false
			cfg.color = false
		case "sort":
			v, ok := lsfamArgmatch(p, o.Arg, "--sort", [][]string{{"none"}, {"time"}, {"size"}, {"extension"}})
			if !ok {
				return 2
			}
			cfg.sortBy, sortSet = []int{lsSortNone, lsSortTime, lsSortSize, lsSortExt}[v], true
		case "c":
			cfg.timeKind = lsTimeCtime
		case "u":
			cfg.timeKind = lsTimeAtime
		case "time":
			v, ok := lsfamArgmatch(p, o.Arg, "--time", [][]string{{"atime", "access", "use"}, {"ctime", "status"}})
			if !ok {
				return 2
			}
			cfg.timeKind = []int{lsTimeAtime, lsTimeCtime}[v]
		case "format":
			v, ok := lsfamArgmatch(p, o.Arg, "--format", [][]string{{"verbose", "long"}, {"commas"}, {"horizontal", "across"}, {"vertical"}, {"single-column"}})
			if !ok {
				return 2
			}
			cfg.format = []int{lsFmtLong, lsFmtCommas, lsFmtAcross, lsFmtColumns, lsFmtOne}[v]
		case "i":
			cfg.inode = true
		case "s":
			cfg.blocks = true
		case "q":
			cfg.qmark = true
		case "show-control-chars":
			cfg.qmark = false
		case "w":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n <= 0 {
				p.Errorf("invalid line width: %s", o.Arg)
				return 2
			}
			cfg.width = n
		case "color", "colour":
			if !o.HasArg {
				cfg.color = true
				break
			}
			v, ok := lsfamArgmatch(p, o.Arg, "--color", [][]string{{"always", "yes", "force"}, {"never", "no", "none"}, {"auto", "tty", "if-tty"}})
			if !ok {
				return 2
			}
			cfg.color = v == 0 || (v == 2 && p.Tty)
		case "full-time":
			cfg.format = lsFmtLong
			fullTime = true
		case "time-style":
			timeStyle = o.Arg
		case "help":
			p.Printf("%s", lsHelp)
			return 0
		case "version":
			lsfamVersion(p, "ls", "Richard Stallman and David MacKenzie")
			return 0
		}
	}
	if cfg.deref < 0 {
		if cfg.dirOnly || cfg.indicator == lsIndClassify || cfg.format == lsFmtLong {
			cfg.deref = lsDerefNever
		} else {
			cfg.deref = lsDerefCmdDirs
		}
	}
	if !sortSet && cfg.format != lsFmtLong && cfg.timeKind != lsTimeMtime {
		cfg.sortBy = lsSortTime
	}
	cfg.cCollate = lsfamCLocale(p, "LC_COLLATE")
	if cfg.format == lsFmtLong {
		if fullTime {
			timeStyle = "full-iso"
		}
		if timeStyle == "" {
			timeStyle = p.Getenv("TIME_STYLE")
		}
		tf, ok := lsTimeStyle(p, timeStyle)
		if !ok {
			return 2
		}
		cfg.timeFormat = tf
	}

	w := lsWriters.Get().(*bufio.Writer)
	w.Reset(p.Stdout)
	defer func() {
		w.Reset(nil)
		lsWriters.Put(w)
	}()
	l := &lister{p: p, cfg: cfg, w: w, now: p.Sys.Clock.Now()}
	if cfg.color {
		l.colors = lsColorsOf(p.Getenv("LS_COLORS"))
		l.linkChk = l.colors.seq[lsColOrphan] != "" || (l.colors.seq[lsColMissing] != "" && cfg.format == lsFmtLong)
		l.putIndicator(lsColNorm)
	}
	l.run(operands)
	if cfg.color {
		l.w.WriteString("\033[m")
	}
	l.w.Flush()
	return l.status
}

// run lists the operands as ls's main does: files first, then directories.
func (l *lister) run(operands []string) {
	var files []*lsFile
	var dirs []*lsFile
	if len(operands) == 0 {
		if l.cfg.dirOnly {
			operands = []string{"."}
		} else {
			l.listDir(&lsFile{name: ".", abs: l.p.Dir, cmdline: true}, false)
			return
		}
	}
	l.reserve(len(operands))
	for _, op := range operands {
		if f := l.gobble(op, l.p.Abs(op)+lsTrailingSlash(op), nil, true); f != nil {
			files = append(files, f)
		}
	}
	l.sort(files)
	if !l.cfg.dirOnly {
		kept := files[:0]
		for _, f := range files {
			if f.fi.IsDir() {
				dirs = append(dirs, f)
			} else {
				kept = append(kept, f)
			}
		}
		files = kept
	}
	header := true
	if len(files) > 0 {
		l.printFiles(files)
		l.printed = true
	} else if len(operands) <= 1 && len(dirs) == 1 {
		header = false
	}
	for _, d := range dirs {
		if l.p.Canceled() {
			return
		}
		l.listDir(d, header)
	}
}

// lsTrailingSlash keeps an operand's trailing slash, which makes the
// kernel follow a symbolic link to a directory.
func lsTrailingSlash(op string) string {
	if len(op) > 1 && strings.HasSuffix(op, "/") {
		return "/"
	}
	return ""
}

// fail reports a file that cannot be listed: serious (exit 2) for an
// operand, minor (exit 1) below.
func (l *lister) fail(serious bool, name string, err error) {
	l.w.Flush()
	l.p.Errorf("%s: %s", name, Strerror(err))
	if serious {
		l.status = 2
	} else if l.status == 0 {
		l.status = 1
	}
}

// gobble stats one name. fi, when given, is its lstat information (from
// reading its directory).
func (l *lister) gobble(name, abs string, fi fs.FileInfo, cmdline bool) *lsFile {
	return l.gobbleIn(nil, name, abs, fi, cmdline)
}

// gobbleIn is gobble for a name in the directory parent when that is not
// nil: its path is then made only when needed, abs "" until then.
func (l *lister) gobbleIn(parent *lsFile, name, abs string, fi fs.FileInfo, cmdline bool) *lsFile {
	fsys := l.p.userFS()
	var err error
	if parent != nil && abs == "" && (fi == nil || l.cfg.deref == lsDerefAlways || cmdline) {
		abs = (&lsFile{name: name, parent: parent}).path()
	}
	switch {
	case l.cfg.deref == lsDerefAlways || (cmdline && l.cfg.deref == lsDerefCmd):
		fi, err = fsys.Stat(abs)
	case cmdline && l.cfg.deref == lsDerefCmdDirs:
		fi, err = fsys.Stat(abs)
		if (err != nil && errors.Is(err, fs.ErrNotExist)) || (err == nil && !fi.IsDir()) {
			fi, err = fsys.Lstat(abs)
		}
	case fi == nil:
		fi, err = fsys.Lstat(abs)
	}
	if err != nil {
		l.fail(cmdline, name, err)
		return nil
	}
	f := l.newFile()
	*f = lsFile{name: name, abs: abs, parent: parent, fi: fi, cmdline: cmdline}
	if fi.Mode()&fs.ModeSymlink != 0 && (l.cfg.format == lsFmtLong || l.linkChk) {
		abs = f.path()
		f.link, _ = fsys.Readlink(abs)
		if l.cfg.indicator >= lsIndFileType || l.linkChk {
			if ti, err := fsys.Stat(abs); err == nil {
				f.linkOK = true
				if !cmdline || l.cfg.format == lsFmtLong || !ti.IsDir() {
					f.linkMode = ti.Mode()
				}
			}
		}
	}
	return f
}

// listDir lists one directory, and below it with -R.
func (l *lister) listDir(d *lsFile, header bool) {
	fsys := l.p.userFS()
	dh, err := fsys.Open(d.abs)
	var infos []fs.FileInfo
	if err == nil {
		infos, err = dh.Readdir(-1)
		dh.Close()
	}
	if err != nil {
		l.fail(d.cmdline, d.name, err)
		return
	}
	if l.cfg.recursive {
		// With -L a link can lead back to a directory being listed.
		if fi, err := fsys.Stat(d.abs); err == nil {
			ino := lsfamIno(lsfamStat(fi))
			if l.active[ino] {
				l.w.Flush()
				l.p.Errorf("%s: not listing already-listed directory", d.name)
				l.status = 2
				return
			}
			if l.active == nil {
				l.active = map[uint64]bool{}
			}
			l.active[ino] = true
			defer delete(l.active, ino)
		}
	}
	files := make([]*lsFile, 0, len(infos)+2)
	l.reserve(len(infos))
	prefix := d.name + "/"
	if strings.HasSuffix(d.name, "/") {
		prefix = d.name
	}
	// A directory its user may read but not search gives its names, and
	// what ls must stat in it fails.
	blind := false
	if fsys.uid != 0 {
		di, err := fsys.Stat(d.abs)
		blind = err == nil && !fsys.may(di, 1)
	}
	if l.cfg.all {
		for _, dot := range []string{".", ".."} {
			fi, err := l.p.Sys.FS.Lstat(d.abs + "/" + dot)
			if err != nil {
				continue
			}
			if blind && l.needsStat(fi) {
				l.fail(false, prefix+dot, syscall.EACCES)
				continue
			}
			files = append(files, &lsFile{name: dot, abs: d.abs + "/" + dot, fi: fi, st: lsfamStat(fi), statDone: true})
		}
	}
	// When the entries' paths are wanted (links read, devices numbered,
	// directories entered, everything followed), they are made in one
	// string; otherwise each is made if it is needed (lsFile.path).
	var paths string
	at, dirLen := 0, len(d.abs)+1
	if d.abs == "/" {
		dirLen = 1
	}
	if l.cfg.format == lsFmtLong || l.linkChk || l.cfg.recursive || l.cfg.deref == lsDerefAlways {
		n := 0
		for _, fi := range infos {
			n += dirLen + len(fi.Name())
		}
		var b strings.Builder
		b.Grow(n)
		for _, fi := range infos {
			b.WriteString(d.abs[:dirLen-1])
			b.WriteByte('/')
			b.WriteString(fi.Name())
		}
		paths = b.String()
	}
	for _, fi := range infos {
		name := fi.Name()
		abs := "" // the entry's path when made above
		if paths != "" {
			abs = paths[at : at+dirLen+len(name)]
			at += dirLen + len(name)
		}
		if name[0] == '.' && !l.cfg.all && !l.cfg.almost {
			continue
		}
		if blind && l.needsStat(fi) {
			l.fail(false, prefix+name, syscall.EACCES)
			continue
		}
		if l.cfg.deref == lsDerefAlways {
			var err error
			if fi, err = fsys.Stat(abs); err != nil {
				l.fail(false, prefix+name, err)
				continue
			}
		}
		f := l.gobbleIn(d, name, abs, fi, false)
		if f != nil {
			files = append(files, f)
		}
	}
	l.sort(files)
	if header || l.cfg.recursive {
		if l.printed {
			l.w.WriteByte('\n')
		}
		l.w.WriteString(d.name)
		l.w.WriteString(":\n")
	}
	l.printed = true
	if l.cfg.format == lsFmtLong || l.cfg.blocks {
		var total int64
		for _, f := range files {
			total += lsfamBlocks(f.fi)
		}
		l.w.WriteString("total ")
		l.w.WriteString(l.blockString(total))
		l.w.WriteByte('\n')
	}
	if len(files) > 0 {
		l.printFiles(files)
	}
	if !l.cfg.recursive {
		return
	}
	for _, f := range files {
		if l.p.Canceled() {
			return
		}
		if f.fi.IsDir() && f.name != "." && f.name != ".." {
			l.listDir(&lsFile{name: prefix + f.name, abs: f.path(), fi: f.fi}, true)
		}
	}
}

// needsStat reports whether listing a directory entry takes more than
// its name and type, as ls 5.97's gobble_file decides: the long format,
// sizes, inodes, sorting by time or size, -L, and the executable and
// link checks of -F and colours.
func (l *lister) needsStat(fi fs.FileInfo) bool {
	c := &l.cfg
	if c.format == lsFmtLong || c.blocks || c.inode || c.sortBy == lsSortTime || c.sortBy == lsSortSize || c.deref == lsDerefAlways {
		return true
	}
	plain := fi.Mode().IsRegular() || fi.Mode()&fs.ModeSymlink != 0
	return plain && (c.indicator == lsIndClassify || c.color)
}

// blockString renders a count of 1K blocks as ls prints it.
func (l *lister) blockString(k int64) string {
	if l.cfg.human {
		return lsfamHuman(uint64(k) * 1024)
	}
	return strconv.FormatInt(k, 10)
}

// sort orders files as the options say.
func (l *lister) sort(files []*lsFile) {
	if len(files) < 2 || l.cfg.sortBy == lsSortNone {
		if l.cfg.reverse && l.cfg.sortBy == lsSortNone {
			slices.Reverse(files)
		}
		return
	}
	byName := func(a, b *lsFile) int { return lsfamCollate(a.name, b.name, l.cfg.cCollate) }
	var cmp func(a, b *lsFile) int
	switch l.cfg.sortBy {
	case lsSortTime:
		cmp = func(a, b *lsFile) int {
			if c := l.fileTime(b).Compare(l.fileTime(a)); c != 0 {
				return c
			}
			return byName(a, b)
		}
	case lsSortSize:
		cmp = func(a, b *lsFile) int {
			if c := lsCmpInt(b.fi.Size(), a.fi.Size()); c != 0 {
				return c
			}
			return byName(a, b)
		}
	case lsSortExt:
		cmp = func(a, b *lsFile) int {
			if c := lsfamCollate(path.Ext(a.name), path.Ext(b.name), l.cfg.cCollate); c != 0 {
				return c
			}
			return byName(a, b)
		}
	default:
		cmp = byName
	}
	if l.cfg.reverse {
		slices.SortStableFunc(files, func(a, b *lsFile) int { return cmp(b, a) })
	} else {
		slices.SortStableFunc(files, cmp)
	}
}

func lsCmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// fileTime is the time -l shows and -t sorts by.
func (l *lister) fileTime(f *lsFile) time.Time {
	if st := f.stat(); st != nil {
		switch l.cfg.timeKind {
		case lsTimeCtime:
			return st.Ctime
		case lsTimeAtime:
			return st.Atime
		}
	}
	return f.fi.ModTime()
}

// printFiles prints one listing in the chosen format.
func (l *lister) printFiles(files []*lsFile) {
	l.computeWidths(files)
	switch l.cfg.format {
	case lsFmtLong:
		for _, f := range files {
			l.printLong(f)
		}
	case lsFmtOne:
		for _, f := range files {
			l.printFrills(f)
			l.w.WriteByte('\n')
		}
	case lsFmtColumns:
		l.printColumns(files, true)
	case lsFmtAcross:
		l.printColumns(files, false)
	case lsFmtCommas:
		pos := 0
		for i, f := range files {
			n := l.frillsLen(f)
			if i > 0 {
				if pos+n+2 < l.cfg.width {
					pos += 2
					l.w.WriteString(", ")
				} else {
					pos = 0
					l.w.WriteString(",\n")
				}
			}
			l.printFrills(f)
			pos += n
		}
		l.w.WriteByte('\n')
	}
}

func lsDigits(n uint64) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

func (l *lister) loadAccounts() {
	if !l.loaded {
		l.users = SharedPasswd(l.p.Sys)
		l.groups = sharedGroup(l.p.Sys)
		l.loaded = true
	}
}

// owner returns the owner column's text, and whether it is a name
// (left-aligned) rather than a number (right-aligned).
func (l *lister) owner(id int, accts Accounts) (string, bool) {
	if !l.cfg.numeric {
		for _, a := range accts {
			if a.ID == id {
				return a.Name, true
			}
		}
	}
	return strconv.Itoa(id), false
}

func (l *lister) computeWidths(files []*lsFile) {
	w := lsWidths{}
	long := l.cfg.format == lsFmtLong
	if long && !l.cfg.numeric {
		l.loadAccounts()
	}
	for _, f := range files {
		if l.cfg.inode {
			w.inode = max(w.inode, lsDigits(lsfamIno(f.stat())))
		}
		if l.cfg.blocks {
			w.blocks = max(w.blocks, len(l.blockString(lsfamBlocks(f.fi))))
		}
		if !long {
			continue
		}
		nlink := 1
		uid, gid := 0, 0
		if st := f.stat(); st != nil {
			nlink, uid, gid = st.Nlink, st.Uid, st.Gid
		}
		w.nlink = max(w.nlink, lsDigits(uint64(nlink)))
		if !l.cfg.noOwner {
			s, _ := l.owner(uid, l.users)
			w.owner = max(w.owner, utf8.RuneCountInString(s))
		}
		if !l.cfg.noGroup {
			s, _ := l.owner(gid, l.groups)
			w.group = max(w.group, utf8.RuneCountInString(s))
		}
		if f.fi.Mode()&fs.ModeDevice != 0 {
			ma, mi := lsfamDevNumbers(f.path())
			w.major = max(w.major, lsDigits(uint64(ma)))
			w.minor = max(w.minor, lsDigits(uint64(mi)))
			w.size = max(w.size, w.major+2+w.minor)
		} else {
			w.size = max(w.size, len(l.sizeString(f.fi.Size())))
		}
	}
	l.widths = w
}

func (l *lister) sizeString(n int64) string {
	if l.cfg.human {
		return lsfamHuman(uint64(n))
	}
	return strconv.FormatInt(n, 10)
}

// pad writes s right-aligned in width, then a space.
func (l *lister) padLeft(s string, width int) {
	for i := utf8.RuneCountInString(s); i < width; i++ {
		l.w.WriteByte(' ')
	}
	l.w.WriteString(s)
	l.w.WriteByte(' ')
}

func (l *lister) printLong(f *lsFile) {
	w := l.widths
	if l.cfg.inode {
		l.padLeft(strconv.FormatUint(lsfamIno(f.stat()), 10), w.inode)
	}
	if l.cfg.blocks {
		l.padLeft(l.blockString(lsfamBlocks(f.fi)), w.blocks)
	}
	mode := f.fi.Mode()
	l.w.WriteString(lsfamModeString(mode))
	l.w.WriteByte(' ')
	nlink, uid, gid := 1, 0, 0
	if st := f.stat(); st != nil {
		nlink, uid, gid = st.Nlink, st.Uid, st.Gid
	}
	l.padLeft(strconv.Itoa(nlink), w.nlink)
	for i, id := range []int{uid, gid} {
		if (i == 0 && l.cfg.noOwner) || (i == 1 && l.cfg.noGroup) {
			continue
		}
		accts, width := l.users, w.owner
		if i == 1 {
			accts, width = l.groups, w.group
		}
		s, isName := l.owner(id, accts)
		if isName {
			l.w.WriteString(s)
			for j := utf8.RuneCountInString(s); j < width; j++ {
				l.w.WriteByte(' ')
			}
			l.w.WriteByte(' ')
		} else {
			l.padLeft(s, width)
		}
	}
	if mode&fs.ModeDevice != 0 {
		ma, mi := lsfamDevNumbers(f.path())
		lead := w.major + max(0, w.size-(w.major+2+w.minor))
		fmt.Fprintf(l.w, "%*d, %*d ", lead, ma, w.minor, mi)
	} else {
		l.padLeft(l.sizeString(f.fi.Size()), w.size)
	}
	if t := l.fileTime(f); !t.Equal(l.lastTime) || l.lastStr == "" {
		l.lastTime, l.lastStr = t, lsfamStrftime(l.timeFormatFor(t), t)
	}
	l.w.WriteString(l.lastStr)
	l.w.WriteByte(' ')
	l.printName(f.name, f.fi.Mode(), lsLinkState(f))
	if mode&fs.ModeSymlink != 0 {
		if f.link != "" {
			l.w.WriteString(" -> ")
			state := 0
			if !f.linkOK {
				state = -1
			}
			l.printName(f.link, f.linkMode, state)
			if l.cfg.indicator != lsIndNone {
				l.printIndicator(f.linkMode)
			}
		}
	} else if l.cfg.indicator != lsIndNone {
		l.printIndicator(mode)
	}
	l.w.WriteByte('\n')
}

// lsLinkState is coreutils' linkok for a name: 1 for a link that resolves
// (or anything else), 0 for a dangling link.
func lsLinkState(f *lsFile) int {
	if f.fi.Mode()&fs.ModeSymlink != 0 && !f.linkOK {
		return 0
	}
	return 1
}

// timeFormatFor picks the old-file or recent-file format.
func (l *lister) timeFormatFor(t time.Time) string {
	sixMonthsAgo := l.now.Add(-time.Duration(31556952/2) * time.Second)
	if t.After(sixMonthsAgo) && !t.After(l.now) {
		return l.cfg.timeFormat[1]
	}
	return l.cfg.timeFormat[0]
}

// frillsLen is the printed width of a name with inode, size and indicator.
func (l *lister) frillsLen(f *lsFile) int {
	n := utf8.RuneCountInString(f.name)
	if l.cfg.inode {
		n += l.widths.inode + 1
	}
	if l.cfg.blocks {
		n += l.widths.blocks + 1
	}
	if l.indicatorFor(f.fi.Mode()) != 0 {
		n++
	}
	return n
}

func (l *lister) printFrills(f *lsFile) {
	if l.cfg.inode {
		l.padLeft(strconv.FormatUint(lsfamIno(f.stat()), 10), l.widths.inode)
	}
	if l.cfg.blocks {
		l.padLeft(l.blockString(lsfamBlocks(f.fi)), l.widths.blocks)
	}
	l.printName(f.name, f.fi.Mode(), lsLinkState(f))
	l.printIndicator(f.fi.Mode())
}

func (l *lister) indicatorFor(mode fs.FileMode) byte {
	switch {
	case l.cfg.indicator == lsIndNone:
		return 0
	case mode.IsDir():
		return '/'
	case l.cfg.indicator == lsIndSlash:
		return 0
	case mode&fs.ModeSymlink != 0:
		return '@'
	case mode&fs.ModeNamedPipe != 0:
		return '|'
	case mode&fs.ModeSocket != 0:
		return '='
	case mode.IsRegular() && mode&0o111 != 0 && l.cfg.indicator == lsIndClassify:
		return '*'
	}
	return 0
}

func (l *lister) printIndicator(mode fs.FileMode) {
	if c := l.indicatorFor(mode); c != 0 {
		l.w.WriteByte(c)
	}
}

// printName writes a name, coloured when asked. linkState is coreutils'
// linkok: 1 fine, 0 dangling link, -1 missing link target.
func (l *lister) printName(name string, mode fs.FileMode, linkState int) {
	if l.colors != nil {
		l.w.WriteString("\033[")
		l.w.WriteString(l.colors.pick(name, mode, linkState))
		l.w.WriteString("m")
	}
	if l.cfg.qmark {
		for i := 0; i < len(name); i++ {
			if c := name[i]; c < ' ' || c == 0x7f {
				l.w.WriteByte('?')
			} else {
				l.w.WriteByte(c)
			}
		}
	} else {
		l.w.WriteString(name)
	}
	if l.colors != nil {
		l.putIndicator(lsColNorm)
	}
}

func (l *lister) putIndicator(c int) {
	l.w.WriteString("\033[")
	l.w.WriteString(l.colors.seq[c])
	l.w.WriteString("m")
}

// printColumns prints names in columns, down (-C) or across (-x), as
// coreutils' calculate_columns does, indenting with tabs.
func (l *lister) printColumns(files []*lsFile, down bool) {
	n := len(files)
	lens := make([]int, n)
	for i, f := range files {
		lens[i] = l.frillsLen(f)
	}
	const minCol = 3
	maxIdx := max(l.cfg.width/minCol, 1)
	maxCols := min(maxIdx, n)
	type colInfo struct {
		valid   bool
		lineLen int
		cols    []int
	}
	info := make([]colInfo, maxCols)
	room := make([]int, maxCols*(maxCols+1)/2) // every layout's widths, in one array
	for i := range info {
		info[i] = colInfo{valid: true, lineLen: (i + 1) * minCol, cols: room[: i+1 : i+1]}
		room = room[i+1:]
		for j := range info[i].cols {
			info[i].cols[j] = minCol
		}
	}
	for fileno := 0; fileno < n; fileno++ {
		for i := 0; i < maxCols; i++ {
			if !info[i].valid {
				continue
			}
			var idx int
			if down {
				idx = fileno / ((n + i) / (i + 1))
			} else {
				idx = fileno % (i + 1)
			}
			real := lens[fileno]
			if idx != i {
				real += 2
			}
			if info[i].cols[idx] < real {
				info[i].lineLen += real - info[i].cols[idx]
				info[i].cols[idx] = real
				info[i].valid = info[i].lineLen < l.cfg.width
			}
		}
	}
	cols := maxCols
	for ; cols > 1; cols-- {
		if info[cols-1].valid {
			break
		}
	}
	widths := info[cols-1].cols
	if down {
		rows := n / cols
		if n%cols != 0 {
			rows++
		}
		for row := 0; row < rows; row++ {
			col, pos := 0, 0
			for fileno := row; ; {
				l.printFrills(files[fileno])
				width := widths[col]
				col++
				nameLen := lens[fileno]
				fileno += rows
				if fileno >= n {
					break
				}
				l.indent(pos+nameLen, pos+width)
				pos += width
			}
			l.w.WriteByte('\n')
		}
		return
	}
	pos := 0
	l.printFrills(files[0])
	nameLen, width := lens[0], widths[0]
	for fileno := 1; fileno < n; fileno++ {
		col := fileno % cols
		if col == 0 {
			l.w.WriteByte('\n')
			pos = 0
		} else {
			l.indent(pos+nameLen, pos+width)
			pos += width
		}
		l.printFrills(files[fileno])
		nameLen, width = lens[fileno], widths[col]
	}
	l.w.WriteByte('\n')
}

// indent moves from column from to column to with tabs (every 8) and
// spaces, as coreutils' indent does.
func (l *lister) indent(from, to int) {
	const tab = 8
	for from < to {
		if to/tab > (from+1)/tab {
			l.w.WriteByte('\t')
			from += tab - from%tab
		} else {
			l.w.WriteByte(' ')
			from++
		}
	}
}

// lsTimeStyle returns the [old, recent] time formats of a --time-style.
func lsTimeStyle(p *Proc, style string) ([2]string, bool) {
	if style == "" {
		style = "locale"
	}
	cLocale := lsfamCLocale(p, "LC_TIME")
	for strings.HasPrefix(style, "posix-") {
		if cLocale {
			style = "locale"
			break
		}
		style = style[len("posix-"):]
	}
	if strings.HasPrefix(style, "+") {
		old, recent, found := strings.Cut(style[1:], "\n")
		if !found {
			recent = old
		}
		return [2]string{old, recent}, true
	}
	switch style {
	case "full-iso":
		f := "%Y-%m-%d %H:%M:%S.%N %z"
		return [2]string{f, f}, true
	case "long-iso":
		return [2]string{"%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"}, true
	case "iso":
		return [2]string{"%Y-%m-%d ", "%m-%d %H:%M"}, true
	case "locale":
		if cLocale {
			return [2]string{"%b %e  %Y", "%b %e %H:%M"}, true
		}
		// en_US and the rest have no coreutils translation: long-iso.
		return [2]string{"%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"}, true
	}
	p.Errorf("invalid argument `%s' for `time style'", style)
	fmt.Fprint(p.Stderr, "Valid arguments are:\n  - `full-iso'\n  - `long-iso'\n  - `iso'\n  - `locale'\n")
	fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
	return [2]string{}, false
}

// Colour indicator slots, as in coreutils' color_indicator.
const (
	lsColNorm = iota
	lsColFile
	lsColDir
	lsColLink
	lsColFifo
	lsColSock
	lsColBlk
	lsColChr
	lsColOrphan
	lsColMissing
	lsColExec
	lsColCount
)

var lsColKeys = [lsColCount]string{"no", "fi", "di", "ln", "pi", "so", "bd", "cd", "or", "mi", "ex"}

// lsDirColors is LS_COLORS as /etc/profile.d/colorls.sh sets it from
// CentOS 5's /etc/DIR_COLORS.
const lsDirColors = "no=00:fi=00:di=01;34:ln=01;36:pi=40;33:so=01;35:bd=40;33;01:cd=40;33;01:" +
	"or=01;05;37;41:mi=01;05;37;41:ex=01;32:*.cmd=01;32:*.exe=01;32:*.com=01;32:*.btm=01;32:" +
	"*.bat=01;32:*.sh=01;32:*.csh=01;32:*.tar=01;31:*.tgz=01;31:*.arj=01;31:*.taz=01;31:" +
	"*.lzh=01;31:*.zip=01;31:*.z=01;31:*.Z=01;31:*.gz=01;31:*.bz2=01;31:*.bz=01;31:" +
	"*.tz=01;31:*.rpm=01;31:*.cpio=01;31:*.jpg=01;35:*.gif=01;35:*.bmp=01;35:*.xbm=01;35:" +
	"*.xpm=01;35:*.png=01;35:*.tif=01;35:"

type lsColors struct {
	seq  [lsColCount]string
	exts [][2]string // suffix, sequence; first match wins
}

// lsWriters recycles ls's 4 KiB output buffers (ls writes in pieces of
// its own size, as coreutils' stdio does).
var lsWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

// lsColorCache keeps the last LS_COLORS parsed: every ls at a colour
// terminal has the same one. The parse it hands out is never changed.
var lsColorCache struct {
	sync.Mutex
	spec   string
	colors *lsColors
}

// lsColorsOf returns the parse of spec, shared: callers only read it.
func lsColorsOf(spec string) *lsColors {
	c := &lsColorCache
	c.Lock()
	defer c.Unlock()
	if c.colors == nil || c.spec != spec {
		c.spec, c.colors = spec, lsParseColors(spec)
	}
	return c.colors
}

// lsParseColors parses an LS_COLORS value over coreutils' built-in
// defaults; an empty value stands for CentOS 5's DIR_COLORS.
func lsParseColors(spec string) *lsColors {
	c := &lsColors{seq: [lsColCount]string{"0", "0", "01;34", "01;36", "33", "01;35", "01;33", "01;33", "", "", "01;32"}}
	if spec == "" {
		spec = lsDirColors
	}
	for item := range strings.SplitSeq(spec, ":") {
		key, val, ok := strings.Cut(item, "=")
		if !ok {
			continue
		}
		if strings.HasPrefix(key, "*") {
			c.exts = append(c.exts, [2]string{key[1:], val})
			continue
		}
		for i, k := range lsColKeys {
			if k == key {
				c.seq[i] = val
			}
		}
	}
	return c
}

// pick chooses the sequence for a name, as print_color_indicator does.
func (c *lsColors) pick(name string, mode fs.FileMode, linkState int) string {
	if linkState == -1 && c.seq[lsColMissing] != "" {
		return c.seq[lsColMissing]
	}
	typ := lsColFile
	switch {
	case mode.IsDir():
		typ = lsColDir
	case mode&fs.ModeSymlink != 0:
		typ = lsColLink
		if linkState == 0 && c.seq[lsColOrphan] != "" {
			typ = lsColOrphan
		}
	case mode&fs.ModeNamedPipe != 0:
		typ = lsColFifo
	case mode&fs.ModeSocket != 0:
		typ = lsColSock
	case mode&fs.ModeCharDevice != 0:
		typ = lsColChr
	case mode&fs.ModeDevice != 0:
		typ = lsColBlk
	case mode&0o111 != 0:
		typ = lsColExec
	}
	if typ == lsColFile {
		for _, e := range c.exts {
			if strings.HasSuffix(name, e[0]) {
				return e[1]
			}
		}
	}
	return c.seq[typ]
}

const lsHelp = `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).
Sort entries alphabetically if none of -cftuSUX nor --sort.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all                  do not ignore entries starting with .
  -A, --almost-all           do not list implied . and ..
  -c                         with -lt: sort by, and show, ctime (time of last
                               modification of file status information)
                               with -l: show ctime and sort by name
                               otherwise: sort by ctime
  -C                         list entries by columns
      --color[=WHEN]         control whether color is used to distinguish file
                               types.  WHEN may be ` + "`never', `always', or `auto'" + `
  -d, --directory            list directory entries instead of contents,
                               and do not dereference symbolic links
  -f                         do not sort, enable -aU, disable -lst
  -F, --classify             append indicator (one of */=@|) to entries
      --file-type            likewise, except do not append ` + "`*'" + `
      --format=WORD          across -x, commas -m, horizontal -x, long -l,
                               single-column -1, verbose -l, vertical -C
      --full-time            like -l --time-style=full-iso
  -g                         like -l, but do not list owner
  -G, --no-group             like -l, but do not list group
  -h, --human-readable       print sizes in human readable format (e.g., 1K 234M 2G)
  -H, --dereference-command-line
                             follow symbolic links listed on the command line
  -i, --inode                print index number of each file
  -l                         use a long listing format
  -L, --dereference          when showing file information for a symbolic
                               link, show information for the file the link
                               references rather than for the link itself
  -m                         fill width with a comma separated list of entries
  -n, --numeric-uid-gid      like -l, but list numeric UIDs and GIDs
  -o                         like -l, but do not list group information
  -p, --indicator-style=slash
                             append / indicator to directories
  -q, --hide-control-chars   print ? instead of non graphic characters
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -s, --size                 print size of each file, in blocks
  -S                         sort by file size
      --sort=WORD            extension -X, none -U, size -S, time -t
      --time=WORD            with -l, show time as WORD instead of modification
                             time: atime -u, access -u, use -u, ctime -c,
                             or status -c; use specified time as sort key
                             if --sort=time
      --time-style=STYLE     with -l, show times using style STYLE:
                             full-iso, long-iso, iso, locale, +FORMAT.
  -t                         sort by modification time
  -u                         with -lt: sort by, and show, access time
  -U                         do not sort; list entries in directory order
  -w, --width=COLS           assume screen width instead of current value
  -x                         list entries by lines instead of by columns
  -X                         sort alphabetically by entry extension
  -1                         list one file per line
      --help     display this help and exit
      --version  output version information and exit

By default, color is not used to distinguish types of files.  That is
equivalent to using --color=none.  Using the --color option without the
optional WHEN argument is equivalent to using --color=always.  With
--color=auto, color codes are output only if standard output is connected
to a terminal (tty).

Exit status is 0 if OK, 1 if minor problems, 2 if serious trouble.

Report bugs to <bug-coreutils@gnu.org>.
`

// ---- helpers shared by ls, stat, find, du and df ----

// lsfamVersion prints coreutils 5.97's --version text.
func lsfamVersion(p *Proc, prog, authors string) {
	p.Printf("%s (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\n"+
		"This is free software.  You may redistribute copies of it under the terms of\n"+
		"the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n"+
		"There is NO WARRANTY, to the extent permitted by law.\n\nWritten by %s.\n", prog, authors)
}

// lsfamArgmatch matches val against choices (each a list of synonyms),
// allowing unambiguous abbreviations, as gnulib's argmatch does. On failure
// it prints coreutils' message and returns false; the caller exits 2 (ls)
// or 1.
func lsfamArgmatch(p *Proc, val, context string, choices [][]string) (int, bool) {
	found, ambiguous := -1, false
	for i, syn := range choices {
		for _, s := range syn {
			if s == val {
				return i, true
			}
			if val != "" && strings.HasPrefix(s, val) {
				if found >= 0 && found != i {
					ambiguous = true
				}
				found = i
			}
		}
	}
	if found >= 0 && !ambiguous {
		return found, true
	}
	what := "invalid"
	if ambiguous {
		what = "ambiguous"
	}
	p.Errorf("%s argument `%s' for `%s'", what, val, context)
	var b strings.Builder
	b.WriteString("Valid arguments are:")
	for _, syn := range choices {
		b.WriteString("\n  - ")
		for j, s := range syn {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("`" + s + "'")
		}
	}
	fmt.Fprintf(p.Stderr, "%s\nTry `%s --help' for more information.\n", b.String(), p.Name())
	return 0, false
}

// lsfamCLocale reports whether the locale category (LC_COLLATE, LC_TIME)
// is C or POSIX, from LC_ALL, the category, then LANG.
func lsfamCLocale(p *Proc, category string) bool {
	v := p.Getenv("LC_ALL")
	if v == "" {
		v = p.Getenv(category)
	}
	if v == "" {
		v = p.Getenv("LANG")
	}
	return v == "" || v == "C" || v == "POSIX"
}

// lsfamCollate compares names as strcoll does: byte order in the C locale;
// in en_US.UTF-8, roughly glibc's collation: letters and digits first,
// case-insensitively with punctuation ignored, then lower case before
// upper case, then byte order.
func lsfamCollate(a, b string, cLocale bool) int {
	if cLocale {
		return strings.Compare(a, b)
	}
	i, j := 0, 0
	caseOrder := 0
	for {
		for i < len(a) && !lsAlnum(a[i]) {
			i++
		}
		for j < len(b) && !lsAlnum(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			switch {
			case i < len(a):
				return 1
			case j < len(b):
				return -1
			}
			break
		}
		ca, cb := lsLower(a[i]), lsLower(b[j])
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
		if caseOrder == 0 && a[i] != b[j] {
			// Same letter, different case: lower case first.
			if a[i] > b[j] {
				caseOrder = -1
			} else {
				caseOrder = 1
			}
		}
		i++
		j++
	}
	if caseOrder != 0 {
		return caseOrder
	}
	return strings.Compare(a, b)
}

func lsAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func lsLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lsfamStat returns the vfs stat fields of fi, or nil.
func lsfamStat(fi fs.FileInfo) *vfs.Stat {
	st, _ := fi.Sys().(*vfs.Stat)
	return st
}

func lsfamIno(st *vfs.Stat) uint64 {
	if st == nil {
		return 0
	}
	return st.Ino
}

// lsfamBlocks is the disk usage of a file in 1K blocks, as on ext3 with
// 4K blocks: whole blocks for files, one block per directory, none for
// fast symbolic links and devices.
func lsfamBlocks(fi fs.FileInfo) int64 {
	m := fi.Mode()
	switch {
	case m.IsDir():
		return 4
	case m&fs.ModeSymlink != 0:
		if fi.Size() >= 60 {
			return 4
		}
		return 0
	case m.IsRegular():
		return (fi.Size() + 4095) / 4096 * 4
	}
	return 0
}

// lsfamModeString renders a mode as ls -l does: "drwxr-xr-x".
func lsfamModeString(m fs.FileMode) string {
	var b [10]byte
	switch {
	case m.IsDir():
		b[0] = 'd'
	case m&fs.ModeSymlink != 0:
		b[0] = 'l'
	case m&fs.ModeCharDevice != 0:
		b[0] = 'c'
	case m&fs.ModeDevice != 0:
		b[0] = 'b'
	case m&fs.ModeNamedPipe != 0:
		b[0] = 'p'
	case m&fs.ModeSocket != 0:
		b[0] = 's'
	default:
		b[0] = '-'
	}
	const rwx = "rwxrwxrwx"
	for i := 0; i < 9; i++ {
		if m&(1<<uint(8-i)) != 0 {
			b[i+1] = rwx[i]
		} else {
			b[i+1] = '-'
		}
	}
	special := func(pos int, set bool, lower, upper byte) {
		if !set {
			return
		}
		if b[pos] == 'x' {
			b[pos] = lower
		} else {
			b[pos] = upper
		}
	}
	special(3, m&fs.ModeSetuid != 0, 's', 'S')
	special(6, m&fs.ModeSetgid != 0, 's', 'S')
	special(9, m&fs.ModeSticky != 0, 't', 'T')
	return string(b[:])
}

// lsfamPermBits is the mode's permission bits as chmod numbers them.
func lsfamPermBits(m fs.FileMode) uint32 {
	v := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		v |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		v |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		v |= 0o1000
	}
	return v
}

// lsfamHuman renders a byte count as -h does: powers of 1024, rounded up,
// one decimal below 10 ("4.0K", "15K", "1.2M").
func lsfamHuman(amt uint64) string {
	const base = 1024
	const suffixes = "KMGTPEZY"
	if amt < base {
		return strconv.FormatUint(amt, 10)
	}
	tenths, rounding := uint64(0), uint64(0)
	exp := 0
	for amt >= base && exp < len(suffixes) {
		r10 := (amt%base)*10 + tenths
		r2 := (r10%base)*2 + (rounding >> 1)
		amt /= base
		tenths = r10 / base
		if r2 < base {
			if r2+rounding != 0 {
				rounding = 1
			} else {
				rounding = 0
			}
		} else {
			rounding = 2
			if base < r2+rounding {
				rounding = 3
			}
		}
		exp++
	}
	decimal := ""
	if amt < 10 {
		if rounding > 0 {
			tenths++
			rounding = 0
			if tenths == 10 {
				amt++
				tenths = 0
			}
		}
		if amt < 10 {
			decimal = "." + strconv.FormatUint(tenths, 10)
			tenths, rounding = 0, 0
		}
	}
	if tenths+rounding > 0 {
		amt++
		if amt == base && exp < len(suffixes) {
			exp++
			amt = 1
			decimal = ".0"
		}
	}
	return strconv.FormatUint(amt, 10) + decimal + suffixes[exp-1:exp]
}

// lsfamDevNumbers gives the major and minor numbers of the device files
// of a CentOS 5 /dev (vfs keeps none).
func lsfamDevNumbers(abs string) (int, int) {
	name := strings.TrimPrefix(path.Clean(abs), "/dev/")
	if n, ok := lsDevTable[name]; ok {
		return n[0], n[1]
	}
	num := func(prefix string) (int, bool) {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || rest == "" {
			return 0, false
		}
		v, err := strconv.Atoi(rest)
		return v, err == nil
	}
	if v, ok := num("ttyS"); ok {
		return 4, 64 + v
	}
	if v, ok := num("tty"); ok {
		return 4, v
	}
	if v, ok := num("sda"); ok {
		return 8, v
	}
	if v, ok := num("sdb"); ok {
		return 8, 16 + v
	}
	if v, ok := num("hda"); ok {
		return 3, v
	}
	if v, ok := num("loop"); ok {
		return 7, v
	}
	if v, ok := num("ram"); ok {
		return 1, v
	}
	if v, ok := num("pts/"); ok {
		return 136, v
	}
	if v, ok := num("dm-"); ok {
		return 253, v
	}
	return 0, 0
}

var lsDevTable = map[string][2]int{
	"mem": {1, 1}, "kmem": {1, 2}, "null": {1, 3}, "port": {1, 4}, "zero": {1, 5},
	"full": {1, 7}, "random": {1, 8}, "urandom": {1, 9}, "kmsg": {1, 11},
	"tty": {5, 0}, "console": {5, 1}, "ptmx": {5, 2},
	"sda": {8, 0}, "sdb": {8, 16}, "hda": {3, 0}, "hdc": {22, 0}, "fd0": {2, 0},
	"rtc": {10, 135}, "mapper/control": {10, 63}, "net/tun": {10, 200}, "sg0": {21, 0},
	"md0": {9, 0}, "systty": {4, 0}, "ppp": {108, 0},
}

// lsAppend2 appends n (0-99) as two digits.
func lsAppend2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10%10), byte('0'+n%10))
}

// lsfamStrftime formats t with the strftime directives coreutils' time
// styles and find's -printf use.
func lsfamStrftime(format string, t time.Time) string {
	var b []byte
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b = append(b, c)
			continue
		}
		i++
		switch format[i] {
		case 'a':
			b = t.AppendFormat(b, "Mon")
		case 'A':
			b = t.AppendFormat(b, "Monday")
		case 'b', 'h':
			b = t.AppendFormat(b, "Jan")
		case 'B':
			b = t.AppendFormat(b, "January")
		case 'c':
			b = t.AppendFormat(b, "Mon Jan _2 15:04:05 2006")
		case 'C':
			b = lsAppend2(b, t.Year()/100)
		case 'd':
			b = lsAppend2(b, t.Day())
		case 'D':
			b = t.AppendFormat(b, "01/02/06")
		case 'e':
			if t.Day() < 10 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(t.Day()), 10)
		case 'F':
			b = t.AppendFormat(b, "2006-01-02")
		case 'H':
			b = lsAppend2(b, t.Hour())
		case 'I':
			b = t.AppendFormat(b, "03")
		case 'j':
			b = fmt.Appendf(b, "%03d", t.YearDay())
		case 'k':
			b = fmt.Appendf(b, "%2d", t.Hour())
		case 'l':
			b = t.AppendFormat(b, "_3")
		case 'm':
			b = lsAppend2(b, int(t.Month()))
		case 'M':
			b = lsAppend2(b, t.Minute())
		case 'n':
			b = append(b, '\n')
		case 'N':
			b = fmt.Appendf(b, "%09d", t.Nanosecond())
		case 'p':
			b = t.AppendFormat(b, "PM")
		case 'r':
			b = t.AppendFormat(b, "03:04:05 PM")
		case 'R':
			b = t.AppendFormat(b, "15:04")
		case 's':
			b = strconv.AppendInt(b, t.Unix(), 10)
		case 'S':
			b = lsAppend2(b, t.Second())
		case 't':
			b = append(b, '\t')
		case 'T':
			b = t.AppendFormat(b, "15:04:05")
		case 'u':
			wd := int(t.Weekday())
			if wd == 0 {
				wd = 7
			}
			b = strconv.AppendInt(b, int64(wd), 10)
		case 'w':
			b = strconv.AppendInt(b, int64(t.Weekday()), 10)
		case 'x':
			b = t.AppendFormat(b, "01/02/06")
		case 'X':
			b = t.AppendFormat(b, "15:04:05")
		case 'y':
			b = t.AppendFormat(b, "06")
		case 'Y':
			b = strconv.AppendInt(b, int64(t.Year()), 10)
		case 'z':
			b = t.AppendFormat(b, "-0700")
		case 'Z':
			b = t.AppendFormat(b, "MST")
		case '%':
			b = append(b, '%')
		default:
			b = append(b, '%', format[i])
		}
	}
	return string(b)
}
