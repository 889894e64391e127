package cmds

// rpm as in rpm 4.4.2.3 (CentOS 5), for queries and verification over
// the machine's package database (rpmdb.go). Whatever would change the
// system fails as rpm fails without the package file; removing an
// installed package is refused with rclab's word for it.

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rclab/vfs"
)

func init() {
	Register(Command{
		Name:    "rpm",
		Dirs:    []string{"/bin"},
		Summary: "RPM Package Manager",
		Usage:   "rpm {-q|--query} [select-options] [query-options] | {-V|--verify} [select-options] | {-e|--erase} PACKAGE_NAME...",
		Main:    rpmMain,
		VSZ:     9788, RSS: 5124,
	})
}

// rpmVersion is rpm --version.
const rpmVersion = "RPM version 4.4.2.3"

// rpmOpts is rpm's command line.
type rpmOpts struct {
	mode                            byte // 'q', 'V', 'i', 'U', 'F', 'e'; 0 for none
	all, file, pkgFile, group       bool
	info, list, config, docs, state bool
	qf                              string
	hasQF, version, help            bool
	args                            []string
}

func rpmMain(p *Proc) int {
	o, st, done := rpmParse(p)
	if done {
		return st
	}
	switch {
	case o.version:
		p.Printf("%s\n", rpmVersion)
		return 0
	case o.help:
		io.WriteString(p.Stdout, rpmHelp)
		return 0
	}
	switch o.mode {
	case 'q':
		return rpmQuery(p, o)
	case 'V':
		return rpmVerify(p, o)
	case 'i', 'U', 'F':
		return rpmInstall(p, o)
	case 'e':
		return rpmErase(p, o)
	}
	io.WriteString(p.Stderr, rpmUsage)
	return 1
}

// rpmParse reads the options as popt does for rpm: short options may be
// bundled (-qa, -ivh), -i means --info in query and verify modes and
// --install otherwise.
func rpmParse(p *Proc) (o rpmOpts, st int, done bool) {
	args := p.Args[1:]
	setMode := func(m byte) bool {
		if o.mode != 0 && o.mode != m {
			fmt.Fprintf(p.Stderr, "rpm: only one major mode may be specified\n")
			return false
		}
		o.mode = m
		return true
	}
	unknown := func(a string) (rpmOpts, int, bool) {
		fmt.Fprintf(p.Stderr, "rpm: %s: unknown option\n", a)
		return o, 1, true
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			o.args = append(o.args, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			ok := true
			switch name {
			case "query":
				ok = setMode('q')
			case "verify":
				ok = setMode('V')
			case "install":
				ok = setMode('i')
			case "upgrade":
				ok = setMode('U')
			case "freshen":
				ok = setMode('F')
			case "erase":
				ok = setMode('e')
			case "all":
				o.all = true
			case "file":
				o.file = true
			case "package":
				o.pkgFile = true
			case "group":
				o.group = true
			case "info":
				o.info = true
			case "list":
				o.list = true
			case "configfiles":
				o.list, o.config = true, true
			case "docfiles":
				o.list, o.docs = true, true
			case "state":
				o.list, o.state = true, true
			case "queryformat", "qf":
				if !hasVal {
					if i+1 >= len(args) {
						fmt.Fprintf(p.Stderr, "rpm: %s: missing argument\n", a)
						return o, 1, true
					}
					i++
					val = args[i]
				}
				o.qf, o.hasQF = val, true
			case "version":
				o.version = true
			case "help":
				o.help = true
			case "verbose", "nodeps", "hash", "force", "test", "percent", "replacepkgs", "replacefiles", "allmatches",
				"noscripts", "nomd5", "nofiles", "nodigest", "nosignature", "excludedocs", "oldpackage":
			default:
				return unknown(a)
			}
			if !ok {
				return o, 1, true
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			for _, c := range a[1:] {
				ok := true
				switch c {
				case 'q':
					ok = setMode('q')
				case 'V', 'y':
					ok = setMode('V')
				case 'i':
					if o.mode == 'q' || o.mode == 'V' {
						o.info = true
					} else {
						ok = setMode('i')
					}
				case 'U', 'F', 'e':
					ok = setMode(byte(c))
				case 'a':
					o.all = true
				case 'f':
					o.file = true
				case 'p':
					o.pkgFile = true
				case 'g':
					o.group = true
				case 'l':
					o.list = true
				case 'c':
					o.list, o.config = true, true
				case 'd':
					o.list, o.docs = true, true
				case 's':
					o.list, o.state = true, true
				case 'v', 'h': // verbose, hash marks: nothing to show
				case '?':
					o.help = true
				default:
					return unknown(a)
				}
				if !ok {
					return o, 1, true
				}
			}
		default:
			o.args = append(o.args, a)
		}
	}
	return o, 0, false
}

// rpmDB loads the database on first use. A database that cannot be
// opened is tried again, with the same errors, each time rpm needs it,
// as rpm reopens it for each argument.
type rpmDB struct {
	p    *Proc
	pkgs []*rpmPkg
	ok   bool
}

func (d *rpmDB) load() ([]*rpmPkg, bool) {
	if !d.ok {
		d.pkgs, d.ok = rpmOpenDB(d.p)
	}
	return d.pkgs, d.ok
}

// rpmMatch reports whether arg names pkg: NAME, NAME-VERSION or
// NAME-VERSION-RELEASE.
func rpmMatch(pkg *rpmPkg, arg string) bool {
	return arg == pkg.Name || arg == pkg.Name+"-"+pkg.Version || arg == pkg.nvr()
}

// rpmSelect runs show on every package the command line selects and
// returns rpm's exit status: the number of arguments that selected
// nothing (or, from show, the packages that failed).
func rpmSelect(p *Proc, o rpmOpts, db *rpmDB, show func(*rpmPkg) int) int {
	ec := 0
	if o.all {
		pkgs, ok := db.load()
		if !ok {
			p.Printf("no packages\n")
			return 1
		}
		for _, pkg := range pkgs {
			if len(o.args) == 0 {
				ec += show(pkg)
				continue
			}
			for _, pat := range o.args {
				if m, _ := path.Match(pat, pkg.Name); m {
					ec += show(pkg)
					break
				}
			}
		}
		return ec
	}
	for _, arg := range o.args {
		switch {
		case o.file:
			ec += rpmQueryFile(p, db, arg, show)
		case o.group:
			pkgs, _ := db.load()
			found := false
			for _, pkg := range pkgs {
				if pkg.Group == arg {
					found = true
					ec += show(pkg)
				}
			}
			if !found {
				p.Printf("group %s does not contain any packages\n", arg)
				ec++
			}
		default:
			pkgs, _ := db.load()
			found := false
			for _, pkg := range pkgs {
				if rpmMatch(pkg, arg) {
					found = true
					ec += show(pkg)
				}
			}
			if !found {
				p.Printf("package %s is not installed\n", arg)
				ec++
			}
		}
	}
	return ec
}

// rpmQueryFile shows the packages that own the file arg, found as rpm
// finds them: by base name in the directory the name's directory really
// is (so /etc/init.d/httpd is /etc/rc.d/init.d/httpd).
func rpmQueryFile(p *Proc, db *rpmDB, arg string, show func(*rpmPkg) int) int {
	fn := arg
	switch {
	case strings.Trim(arg, "./") == "":
		fn = p.Abs(arg)
		if real, err := p.userFS().EvalSymlinks(fn); err == nil {
			fn = real
		}
	case !strings.HasPrefix(arg, "/"):
		fn = p.Dir + "/" + arg
	}
	fn = path.Clean(fn)
	pkgs, _ := db.load()
	real := map[string]string{}
	realDir := func(dir string) string {
		if r, ok := real[dir]; ok {
			return r
		}
		r, err := p.Sys.FS.EvalSymlinks(dir)
		if err != nil {
			r = dir
		}
		real[dir] = r
		return r
	}
	dir, base := realDir(path.Dir(fn)), path.Base(fn)
	ec, found := 0, false
	for _, pkg := range pkgs {
		for i := range pkg.Files {
			f := &pkg.Files[i]
			if path.Base(f.Path) == base && realDir(path.Dir(f.Path)) == dir {
				found = true
				ec += show(pkg)
				break
			}
		}
	}
	if found {
		return ec
	}
	if _, err := p.userFS().Stat(fn); err != nil {
		fmt.Fprintf(p.Stderr, "error: file %s: %s\n", fn, Strerror(err))
	} else {
		p.Printf("file %s is not owned by any package\n", fn)
	}
	return 1
}

func rpmQuery(p *Proc, o rpmOpts) int {
	if len(o.args) == 0 && !o.all {
		fmt.Fprintf(p.Stderr, "rpm: no arguments given for query\n")
		return 1
	}
	if o.pkgFile {
		return rpmPackageFiles(p, o)
	}
	var qf []rpmQFItem
	if o.hasQF {
		var err error
		if qf, err = rpmParseQF(o.qf); err != nil {
			fmt.Fprintf(p.Stderr, "error: %s\n", err)
			return 1
		}
	}
	db := &rpmDB{p: p}
	return rpmSelect(p, o, db, func(pkg *rpmPkg) int {
		var b strings.Builder
		switch {
		case o.hasQF:
			rpmFormatQF(p, &b, qf, pkg)
		case o.info:
			rpmInfo(p, &b, pkg)
		case !o.list:
			b.WriteString(pkg.nvr() + "\n")
		}
		if o.list {
			rpmListFiles(&b, o, pkg)
		}
		io.WriteString(p.Stdout, b.String())
		return 0
	})
}

// rpmListFiles is -l and its narrower forms -c, -d and -s.
func rpmListFiles(b *strings.Builder, o rpmOpts, pkg *rpmPkg) {
	if len(pkg.Files) == 0 {
		b.WriteString("(contains no files)\n")
		return
	}
	for i := range pkg.Files {
		f := &pkg.Files[i]
		if (o.config && !f.has('c')) || (o.docs && !f.has('d')) {
			continue
		}
		if o.state {
			if f.has('x') {
				b.WriteString("not installed ")
			} else {
				b.WriteString("normal        ")
			}
		}
		b.WriteString(f.Path + "\n")
	}
}

// rpmDate formats a time as rpm's %c does in the user's locale.
func rpmDate(p *Proc, t time.Time) string {
	if lsfamCLocale(p, "LC_TIME") {
		return t.UTC().Format("Mon Jan _2 15:04:05 2006")
	}
	return t.UTC().Format("Mon 02 Jan 2006 03:04:05 PM MST")
}

// rpmKeyID is the CentOS 5 signing key that signed every package.
const rpmKeyID = "a8a447dce8562897"

// rpmSigned is when CentOS signed a package: some minutes after its build.
func rpmSigned(pkg *rpmPkg) time.Time { return pkg.BuildTime.Add(23*time.Minute + 41*time.Second) }

// rpmInfo is -i: rpm 4.4's --info query format.
func rpmInfo(p *Proc, b *strings.Builder, pkg *rpmPkg) {
	fmt.Fprintf(b, "Name        : %-27s  Relocations: (not relocatable)\n", pkg.Name)
	fmt.Fprintf(b, "Version     : %-27s       Vendor: %s\n", pkg.Version, pkg.Vendor)
	fmt.Fprintf(b, "Release     : %-27s   Build Date: %s\n", pkg.Release, rpmDate(p, pkg.BuildTime))
	fmt.Fprintf(b, "Install Date: %-27s      Build Host: %s\n", rpmDate(p, pkg.InstallTime), pkg.BuildHost)
	fmt.Fprintf(b, "Group       : %-27s   Source RPM: %s\n", pkg.Group, pkg.SourceRPM)
	fmt.Fprintf(b, "Size        : %-27d      License: %s\n", pkg.Size, pkg.License)
	fmt.Fprintf(b, "Signature   : DSA/SHA1, %s, Key ID %s\n", rpmDate(p, rpmSigned(pkg)), rpmKeyID)
	if pkg.Packager != "" {
		fmt.Fprintf(b, "Packager    : %s\n", pkg.Packager)
	}
	if pkg.URL != "" {
		fmt.Fprintf(b, "URL         : %s\n", pkg.URL)
	}
	fmt.Fprintf(b, "Summary     : %s\nDescription :\n", pkg.Summary)
	for _, d := range pkg.Description {
		b.WriteString(d + "\n")
	}
}

// rpmPackageFiles is -qp: reading package files, of which the machine
// has none.
func rpmPackageFiles(p *Proc, o rpmOpts) int {
	ec := 0
	for _, arg := range o.args {
		ec += rpmOpenPackage(p, arg)
	}
	return ec
}

// rpmOpenPackage fails to read a package file as rpm does: the file is
// missing, or it is not a package.
func rpmOpenPackage(p *Proc, arg string) int {
	if _, err := p.userFS().Stat(p.Abs(arg)); err != nil {
		fmt.Fprintf(p.Stderr, "error: open of %s failed: %s\n", arg, Strerror(err))
		return 1
	}
	fmt.Fprintf(p.Stderr, "error: %s: not an rpm package (or package manifest)\n", arg)
	return 1
}

func rpmInstall(p *Proc, o rpmOpts) int {
	if len(o.args) == 0 {
		fmt.Fprintf(p.Stderr, "rpm: no packages given for install\n")
		return 1
	}
	ec := 0
	for _, arg := range o.args {
		ec += rpmOpenPackage(p, arg)
	}
	return ec
}

// rpmErase is -e. A package that is not installed is an error, as on
// CentOS; an installed one cannot be taken off the simulated machine.
func rpmErase(p *Proc, o rpmOpts) int {
	if len(o.args) == 0 {
		fmt.Fprintf(p.Stderr, "rpm: no packages given for erase\n")
		return 1
	}
	db := &rpmDB{p: p}
	ec := 0
	for _, arg := range o.args {
		pkgs, _ := db.load()
		var pkg *rpmPkg
		for _, q := range pkgs {
			if rpmMatch(q, arg) {
				pkg = q
				break
			}
		}
		switch {
		case pkg == nil:
			fmt.Fprintf(p.Stderr, "error: package %s is not installed\n", arg)
		case !p.Root():
			fmt.Fprintf(p.Stderr, "error: can't create transaction lock on %s/__db.000\n", rpmDBDir)
		default:
			fmt.Fprintf(p.Stderr, "error: %s: packages cannot be removed from an rclab machine (change its files instead)\n", pkg.nvr())
		}
		ec++
	}
	return ec
}

// ---- verify ----

func rpmVerify(p *Proc, o rpmOpts) int {
	if len(o.args) == 0 && !o.all {
		fmt.Fprintf(p.Stderr, "rpm: no arguments given for verify\n")
		return 1
	}
	if o.pkgFile {
		return rpmPackageFiles(p, o)
	}
	db := &rpmDB{p: p}
	users, groups := ReadPasswd(p.Sys), ReadGroup(p.Sys)
	return rpmSelect(p, o, db, func(pkg *rpmPkg) int {
		var b strings.Builder
		bad := 0
		for i := range pkg.Files {
			if line, problem := rpmVerifyFile(p, &pkg.Files[i], users, groups); problem {
				b.WriteString(line + "\n")
				bad = 1
			}
		}
		io.WriteString(p.Stdout, b.String())
		return bad
	})
}

// rpmVerifyFile compares one file with the database, as rpm -V does, and
// returns its line ("S.5....T  c /etc/inittab", "missing     /bin/ls")
// when anything differs.
func rpmVerifyFile(p *Proc, f *rpmFile, users, groups Accounts) (string, bool) {
	if f.has('g') || f.has('x') {
		return "", false // %ghost and files not installed are never checked
	}
	ufs := p.userFS()
	fi, err := ufs.Lstat(f.Path)
	if err != nil {
		line := fmt.Sprintf("missing   %c %s", f.attr(), f.Path)
		if Errno(err) != syscall.ENOENT {
			line += " (" + Strerror(err) + ")"
		}
		return line, true
	}
	res := []byte("........")
	const (
		sS, sM, s5, sD, sL, sU, sG, sT = 0, 1, 2, 3, 4, 5, 6, 7
	)
	check := func(c byte) bool { return !f.has(c) }
	kind := byte('?')
	switch m := fi.Mode(); {
	case m.IsDir():
		kind = 'd'
	case m&fs.ModeSymlink != 0:
		kind = 'l'
	case m.IsRegular():
		kind = 'f'
	}
	mode := uint32(fi.Mode().Perm())
	if fi.Mode()&fs.ModeSetuid != 0 {
		mode |= 0o4000
	}
	if fi.Mode()&fs.ModeSetgid != 0 {
		mode |= 0o2000
	}
	if fi.Mode()&fs.ModeSticky != 0 {
		mode |= 0o1000
	}
	if check('M') && f.Kind != 'l' && (kind != f.Kind || mode != f.Mode) {
		res[sM] = 'M'
	}
	if kind == f.Kind {
		switch f.Kind {
		case 'f':
			wantSize, wantSum := f.Size, f.MD5
			if f.has('P') {
				content := rpmProgramMagic + path.Base(f.Path) + "\n"
				h := md5.Sum([]byte(content))
				wantSize, wantSum = int64(len(content)), hex.EncodeToString(h[:])
			}
			if check('S') && wantSize >= 0 && fi.Size() != wantSize {
				res[sS] = 'S'
			}
			if check('5') && wantSum != "" {
				if sum, err := rpmFileMD5(ufs, f.Path); err != nil {
					res[s5] = '?'
				} else if sum != wantSum {
					res[s5] = '5'
				}
			}
			if check('T') && fi.ModTime().Unix() != f.Mtime {
				res[sT] = 'T'
			}
		case 'l':
			if check('L') {
				if target, err := ufs.Readlink(f.Path); err != nil {
					res[sL] = '?'
				} else if target != f.Link {
					res[sL] = 'L'
				}
			}
		}
	}
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		if check('U') && !rpmSameOwner(users, st.Uid, f.User) {
			res[sU] = 'U'
		}
		if check('G') && !rpmSameOwner(groups, st.Gid, f.Group) {
			res[sG] = 'G'
		}
	}
	if string(res) == "........" {
		return "", false
	}
	// The ninth column is the SELinux context, blank on a kernel without
	// SELinux.
	return fmt.Sprintf("%s  %c %s", res, f.attr(), f.Path), true
}

func rpmSameOwner(accts Accounts, id int, want string) bool {
	if n, err := strconv.Atoi(want); err == nil {
		return n == id
	}
	return accts.Name(id) == want
}

func rpmFileMD5(ufs *userFS, name string) (string, error) {
	f, err := ufs.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := md5.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ---- --queryformat ----

// rpmQFItem is a piece of a query format: literal text, or a tag with
// its printf width and :date formatting.
type rpmQFItem struct {
	text  string
	tag   string
	width string // "-20", "10" or ""
	date  bool
}

// rpmParseQF reads a query format: text with \n \t escapes and %{TAG},
// %-20{TAG} or %{TAG:date}.
func rpmParseQF(s string) ([]rpmQFItem, error) {
	var items []rpmQFItem
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			items = append(items, rpmQFItem{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			switch s[i] {
			case 'n':
				lit.WriteByte('\n')
			case 't':
				lit.WriteByte('\t')
			default:
				lit.WriteByte(s[i])
			}
		case c == '%' && i+1 < len(s) && s[i+1] == '%':
			lit.WriteByte('%')
			i++
		case c == '%':
			j := i + 1
			for j < len(s) && (s[j] == '-' || (s[j] >= '0' && s[j] <= '9')) {
				j++
			}
			if j >= len(s) || s[j] != '{' {
				return nil, fmt.Errorf("incorrect format: missing { after %%")
			}
			end := strings.IndexByte(s[j:], '}')
			if end < 0 {
				return nil, fmt.Errorf("incorrect format: missing } after %%{")
			}
			tag, fmtName, _ := strings.Cut(s[j+1:j+end], ":")
			tag = strings.ToUpper(tag)
			if _, ok := rpmTags[tag]; !ok {
				return nil, fmt.Errorf("incorrect format: unknown tag")
			}
			if fmtName != "" && fmtName != "date" {
				return nil, fmt.Errorf("incorrect format: unknown type")
			}
			flush()
			items = append(items, rpmQFItem{tag: tag, width: s[i+1 : j], date: fmtName == "date"})
			i = j + end
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return items, nil
}

// rpmTags are the tags a query format may name.
var rpmTags = map[string]func(*rpmPkg) any{
	"NAME":        func(p *rpmPkg) any { return p.Name },
	"VERSION":     func(p *rpmPkg) any { return p.Version },
	"RELEASE":     func(p *rpmPkg) any { return p.Release },
	"ARCH":        func(p *rpmPkg) any { return p.Arch },
	"GROUP":       func(p *rpmPkg) any { return p.Group },
	"LICENSE":     func(p *rpmPkg) any { return p.License },
	"SIZE":        func(p *rpmPkg) any { return p.Size },
	"BUILDHOST":   func(p *rpmPkg) any { return p.BuildHost },
	"SOURCERPM":   func(p *rpmPkg) any { return p.SourceRPM },
	"URL":         func(p *rpmPkg) any { return p.URL },
	"VENDOR":      func(p *rpmPkg) any { return p.Vendor },
	"PACKAGER":    func(p *rpmPkg) any { return p.Packager },
	"SUMMARY":     func(p *rpmPkg) any { return p.Summary },
	"DESCRIPTION": func(p *rpmPkg) any { return strings.Join(p.Description, "\n") },
	"BUILDTIME":   func(p *rpmPkg) any { return p.BuildTime },
	"INSTALLTIME": func(p *rpmPkg) any { return p.InstallTime },
}

func rpmFormatQF(p *Proc, b *strings.Builder, items []rpmQFItem, pkg *rpmPkg) {
	for _, it := range items {
		if it.tag == "" {
			b.WriteString(it.text)
			continue
		}
		v := rpmTags[it.tag](pkg)
		var s string
		switch x := v.(type) {
		case time.Time:
			if it.date {
				s = rpmDate(p, x)
			} else {
				s = strconv.FormatInt(x.Unix(), 10)
			}
		default:
			s = fmt.Sprint(x)
		}
		if s == "" {
			s = "(none)"
		}
		fmt.Fprintf(b, "%"+it.width+"s", s)
	}
}

// ---- usage ----

const rpmUsage = `Usage: rpm [-aKfgpWHqVcdilsv?] [-a|--all] [-f|--file] [-g|--group] [-p|--package]
        [-W|--ftswalk] [--pkgid] [--hdrid] [--fileid] [--specfile] [--triggeredby]
        [--whatrequires] [--whatprovides] [--nomanifest] [-c|--configfiles]
        [-d|--docfiles] [--dump] [-l|--list] [--queryformat=QUERYFORMAT]
        [-s|--state] [--nomd5] [--nofiles] [--nodeps] [--noscript] [--allfiles]
        [--allmatches] [--badreloc] [-e|--erase <package>+] [--excludedocs]
        [--force] [-F|--freshen <packagefile>+] [-h|--hash] [--ignorearch]
        [--ignoreos] [--ignoresize] [-i|--install] [--justdb] [--nodeps]
        [--nomd5] [--nocontexts] [--noorder] [--nosuggest] [--noscripts]
        [--notriggers] [--oldpackage] [--percent] [--prefix=<dir>]
        [--relocate=<old>=<new>] [--replacefiles] [--replacepkgs] [--test]
        [-U|--upgrade <packagefile>+] [-D|--define 'MACRO EXPR']
        [-E|--eval 'EXPR'] [--macros=<FILE:...>] [--nodigest] [--nosignature]
        [--rcfile=<FILE:...>] [-r|--root ROOT] [--querytags] [--showrc]
        [--quiet] [-v|--verbose] [--version] [-?|--help] [--usage]
        [--scm=<scm>]
`

const rpmHelp = `Usage: rpm [OPTION...]

Query options (with -q or --query):
  -c, --configfiles                list all configuration files
  -d, --docfiles                   list all documentation files
  -l, --list                       list files in package
  --qf, --queryformat=QUERYFORMAT  use the following query format
  -s, --state                      display the states of the listed files
  -i, --info                       list descriptive information from package(s)

Query/Verify package selection options:
  -a, --all                        query/verify all packages
  -f, --file                       query/verify package(s) owning file
  -g, --group                      query/verify package(s) in group
  -p, --package                    query/verify a package file

Install/Upgrade/Erase options:
  -e, --erase=<package>+           erase (uninstall) package
  -F, --freshen=<packagefile>+     upgrade package(s) if already installed
  -h, --hash                       print hash marks as package installs (good
                                   with -v)
  -i, --install                    install package(s)
  --nodeps                         do not verify package dependencies
  --test                           don't install, but tell if it would work or
                                   not
  -U, --upgrade=<packagefile>+     upgrade package(s)

Common options for all rpm modes and executables:
  -v, --verbose                    provide more detailed output
  --version                        print the version of rpm being used

Options implemented via popt alias/exec:
  -V, --verify                     verify package(s)
  -q, --query                      query package(s)

Help options:
  -?, --help                       Show this help message
      --usage                      Display brief usage message
`
