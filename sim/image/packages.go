package image

import (
	"bufio"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// This file is the image's package database: NAME/PACKAGES says which
// RPM package owns each entry of the tree (and each program the simulator
// installs), with the facts rpm -qi shows; Load writes it, completed with
// each file's size, digest, mode and owner as the image has them, to
// /var/lib/rpm/Packages, where the simulated rpm reads it.

// PackageDB is where the package database lies on a machine, as on
// CentOS 5.
const PackageDB = "/var/lib/rpm/Packages"

// DBMagic starts the database file: the bytes of a Berkeley DB hash file's
// metadata page up to its magic number, so the file looks binary as the
// real one does. What follows is text (see Load).
const DBMagic = "\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x61\x15\x06\x00"

// Package is one package of a PACKAGES file.
type Package struct {
	Name, Version, Release, Arch string
	Group, License               string
	Size                         int64     // bytes, as rpm -qi reports it
	BuildTime                    time.Time // UTC
	BuildHost                    string
	SourceRPM                    string // "" is NAME-VERSION-RELEASE.src.rpm
	URL                          string // "" for none
	Summary                      string
	Description                  []string // lines; "" is an empty line
	Files                        []PackageFile
	Line                         int // line of the "package" line
}

// PackageFile is one file entry of a package.
type PackageFile struct {
	Path   string
	Config bool // %config
	Doc    bool // %doc
	Ghost  bool // %ghost: owned but not shipped, never verified
	// NoVerify lists what %verify(not ...) leaves unchecked, as rpm -V's
	// letters: '5' digest, 'S' size, 'T' mtime, 'M' mode, 'U' user,
	// 'G' group, 'L' link target.
	NoVerify string
	// Mode, User and Group are %attr(MODE,USER,GROUP) of a program the
	// simulator installs (zero and "": 0755 root root). The tree's
	// entries take theirs from the MANIFEST.
	Mode        fs.FileMode
	User, Group string
	Line        int
}

// PackageList is a parsed PACKAGES file: the packages in database order
// (the order rpm -qa lists them), and the patterns of tree entries no
// package owns.
type PackageList struct {
	Packages []Package
	// Unowned are path.Match patterns of entries of the tree that belong
	// to no package (generated at install or boot, or added by the
	// administrator): rpm -qf reports them as not owned.
	Unowned []string
}

// ParsePackages reads a PACKAGES file. Blank lines and lines whose first
// non-blank character is '#' are ignored. Every other line is one of
//
//	package NAME VERSION RELEASE ARCH   starts a package
//	Key: value                          a fact of the package
//	| text                              one line of its description ("|" alone: empty)
//	[%attr...] /path                    one of its files
//	unowned PATTERN...                  entries of the tree no package owns
//
// The keys are Group, License, Size (bytes), BuildTime ("2006-01-02
// 15:04:05", UTC), BuildHost, SourceRPM, URL and Summary; all but
// SourceRPM and URL are required. The file attributes are %config (with
// any options in parentheses), %doc, %ghost, %dir (the directory alone,
// which is what any directory entry means here) and %verify(not WHAT...)
// where WHAT is md5, size, mtime, mode, user, group or link, and, for a
// program the simulator installs, %attr(MODE,USER,GROUP). Paths are
// absolute and clean, and listed once per package; names are unique.
// Errors name the line.
func ParsePackages(r io.Reader) (*PackageList, error) {
	list := &PackageList{}
	names := map[string]int{}
	var cur *Package
	seen := map[string]int{}  // paths of the current package -> line
	keys := map[string]bool{} // keys the current package gave
	finish := func() error {
		if cur == nil {
			return nil
		}
		for _, k := range []string{"Group", "License", "Size", "BuildTime", "BuildHost", "Summary"} {
			if !keys[k] {
				return fmt.Errorf("PACKAGES line %d: package %s has no %s", cur.Line, cur.Name, k)
			}
		}
		list.Packages = append(list.Packages, *cur)
		cur = nil
		return nil
	}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fail := func(format string, args ...any) (*PackageList, error) {
			return nil, fmt.Errorf("PACKAGES line %d: "+format, append([]any{line}, args...)...)
		}
		f := strings.Fields(text)
		switch {
		case f[0] == "package":
			if err := finish(); err != nil {
				return nil, err
			}
			if len(f) != 5 {
				return fail("want \"package NAME VERSION RELEASE ARCH\", got %q", text)
			}
			for _, s := range f[1:] {
				if strings.ContainsAny(s, "/%:|") {
					return fail("%q is not a package name, version, release or arch", s)
				}
			}
			if first, dup := names[f[1]]; dup {
				return fail("package %s already starts on line %d", f[1], first)
			}
			names[f[1]] = line
			cur = &Package{Name: f[1], Version: f[2], Release: f[3], Arch: f[4], Line: line}
			seen, keys = map[string]int{}, map[string]bool{}
		case f[0] == "unowned":
			if err := finish(); err != nil {
				return nil, err
			}
			if len(f) < 2 {
				return fail("unowned needs at least one pattern")
			}
			for _, p := range f[1:] {
				if _, err := path.Match(p, "/"); err != nil || !strings.HasPrefix(p, "/") {
					return fail("bad pattern %q", p)
				}
			}
			list.Unowned = append(list.Unowned, f[1:]...)
		case cur == nil:
			return fail("%q comes before any package", text)
		case text[0] == '|':
			d := strings.TrimPrefix(strings.TrimPrefix(text, "|"), " ")
			cur.Description = append(cur.Description, d)
		case text[0] == '/' || text[0] == '%':
			pf, err := parseFileEntry(text)
			if err != nil {
				return fail("%v", err)
			}
			pf.Line = line
			if first, dup := seen[pf.Path]; dup {
				return fail("%s already listed on line %d", pf.Path, first)
			}
			seen[pf.Path] = line
			cur.Files = append(cur.Files, pf)
		default:
			key, val, ok := strings.Cut(text, ":")
			val = strings.TrimSpace(val)
			if !ok || val == "" {
				return fail("want \"Key: value\", a description line, or a file, got %q", text)
			}
			if keys[key] {
				return fail("%s given twice", key)
			}
			if err := setPackageKey(cur, key, val); err != nil {
				return fail("%v", err)
			}
			keys[key] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("PACKAGES line %d: %w", line+1, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return list, nil
}

func setPackageKey(p *Package, key, val string) error {
	var dst *string
	switch key {
	case "Group":
		dst = &p.Group
	case "License":
		dst = &p.License
	case "BuildHost":
		dst = &p.BuildHost
	case "SourceRPM":
		dst = &p.SourceRPM
	case "URL":
		dst = &p.URL
	case "Summary":
		dst = &p.Summary
	case "Size":
		n, err := strconv.ParseInt(val, 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("size %q is not a number of bytes", val)
		}
		p.Size = n
		return nil
	case "BuildTime":
		t, err := time.Parse(time.DateTime, val)
		if err != nil {
			return fmt.Errorf("build time %q is not \"YYYY-MM-DD HH:MM:SS\"", val)
		}
		p.BuildTime = t
		return nil
	default:
		return fmt.Errorf("unknown key %q", key)
	}
	*dst = val
	return nil
}

// verifyWords maps %verify(not ...) words to rpm -V's letters.
var verifyWords = map[string]byte{
	"md5": '5', "size": 'S', "mtime": 'T', "mode": 'M', "user": 'U', "owner": 'U', "group": 'G', "link": 'L',
}

// parseFileEntry reads "[%attr...] /path".
func parseFileEntry(text string) (PackageFile, error) {
	var pf PackageFile
	rest := text
	for strings.HasPrefix(rest, "%") {
		end := strings.IndexAny(rest, " \t(")
		if end < 0 {
			return pf, fmt.Errorf("%q has no path", text)
		}
		name, arg := rest[1:end], ""
		rest = rest[end:]
		if strings.HasPrefix(rest, "(") {
			shut := strings.IndexByte(rest, ')')
			if shut < 0 {
				return pf, fmt.Errorf("unclosed parenthesis in %q", text)
			}
			arg, rest = rest[1:shut], rest[shut+1:]
		}
		rest = strings.TrimLeft(rest, " \t")
		switch name {
		case "config":
			for _, o := range strings.Split(arg, ",") {
				if o = strings.TrimSpace(o); o != "" && o != "noreplace" && o != "missingok" {
					return pf, fmt.Errorf("unknown %%config option %q", o)
				}
			}
			pf.Config = true
		case "doc", "ghost", "dir":
			if arg != "" {
				return pf, fmt.Errorf("%%%s takes no options", name)
			}
			pf.Doc = pf.Doc || name == "doc"
			pf.Ghost = pf.Ghost || name == "ghost"
		case "attr":
			f := strings.Split(arg, ",")
			if len(f) != 3 {
				return pf, fmt.Errorf("want %%attr(MODE,USER,GROUP), got %q", arg)
			}
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			m, err := parseMode(f[0])
			if err != nil {
				return pf, err
			}
			pf.Mode, pf.User, pf.Group = m, f[1], f[2]
		case "verify":
			words := strings.Fields(arg)
			if len(words) < 2 || words[0] != "not" {
				return pf, fmt.Errorf("want %%verify(not WHAT...), got %q", arg)
			}
			for _, w := range words[1:] {
				c, ok := verifyWords[w]
				if !ok {
					return pf, fmt.Errorf("unknown %%verify attribute %q", w)
				}
				if !strings.ContainsRune(pf.NoVerify, rune(c)) {
					pf.NoVerify += string(c)
				}
			}
		default:
			return pf, fmt.Errorf("unknown attribute %%%s", name)
		}
	}
	if strings.ContainsAny(rest, " \t") {
		return pf, fmt.Errorf("want one path after the attributes, got %q", rest)
	}
	if err := checkPath(rest); err != nil {
		return pf, err
	}
	pf.Path = rest
	return pf, nil
}

// Packages returns the parsed PACKAGES file of image name, or nil (and
// no error) when the image has none.
func Packages(name string) (*PackageList, error) {
	if _, ok := profiles[name]; !ok {
		return nil, unknown(name)
	}
	data, err := images.ReadFile(name + "/PACKAGES")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	list, err := ParsePackages(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	return list, nil
}

// programDirs are where the simulator installs its programs: a package's
// file that the tree lacks must lie in one of them (or be %doc or
// %ghost).
var programDirs = []string{"/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/libexec/"}

// vendor and packager are the same for every package of CentOS 5.
const (
	vendor   = "CentOS"
	packager = "Johnny Hughes <johnny@centos.org>"
)

// installBase is when the installer wrote the first package; each next
// one follows installStep later (the times of root's install.log.syslog).
var (
	installBase = time.Date(2014, 9, 30, 11, 38, 40, 0, time.UTC)
	installStep = 4 * time.Second
)

// writePackageDB adds the package database to the tree: the packages of
// list with, for each file, what the tree holds (kind, mode, owner, size,
// MD5 digest, link target). A file missing from the tree is a program
// the simulator installs (mode 0755 root:root; flag P, its content left
// to rpm), a %doc the installer left out (flag x: not installed), or a
// %ghost. users and groups map names to ids.
func writePackageDB(list *PackageList, byPath map[string]*node, users, groups map[string]int) error {
	uname, gname := reverseIDs(users), reverseIDs(groups)
	// The database's directory is part of the tree it describes.
	dir := path.Dir(PackageDB)
	for d := dir; d != "/"; d = path.Dir(d) {
		if byPath[d] == nil {
			byPath[d] = &node{path: d, kind: KindDir, mode: 0o755}
		}
	}
	owner := map[string]string{} // non-directory path -> package
	var b strings.Builder
	b.WriteString(DBMagic)
	b.WriteString("# rclab rpm database, written with the image: one %package section per package,\n" +
		"# in installation order; %file KIND MODE USER GROUP SIZE MTIME MD5 FLAGS LINKTO PATH\n")
	for i, p := range list.Packages {
		src := p.SourceRPM
		if src == "" {
			src = p.Name + "-" + p.Version + "-" + p.Release + ".src.rpm"
		}
		fmt.Fprintf(&b, "%%package %s\n", p.Name)
		for _, kv := range [][2]string{
			{"Version", p.Version}, {"Release", p.Release}, {"Arch", p.Arch},
			{"Group", p.Group}, {"License", p.License}, {"Size", strconv.FormatInt(p.Size, 10)},
			{"BuildTime", strconv.FormatInt(p.BuildTime.Unix(), 10)},
			{"InstallTime", strconv.FormatInt(installBase.Add(time.Duration(i)*installStep).Unix(), 10)},
			{"BuildHost", p.BuildHost}, {"SourceRPM", src}, {"Vendor", vendor}, {"Packager", packager},
			{"URL", p.URL}, {"Summary", p.Summary},
		} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "%s: %s\n", kv[0], kv[1])
			}
		}
		for _, d := range p.Description {
			fmt.Fprintf(&b, "Description: %s\n", d)
		}
		files := append([]PackageFile(nil), p.Files...)
		sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
		for _, pf := range files {
			line, isDir, err := dbFileLine(pf, byPath, uname, gname)
			if err != nil {
				return fmt.Errorf("PACKAGES line %d: %w", pf.Line, err)
			}
			if !isDir {
				if other, dup := owner[pf.Path]; dup {
					return fmt.Errorf("PACKAGES line %d: %s is owned by %s too", pf.Line, pf.Path, other)
				}
				owner[pf.Path] = p.Name
			}
			b.WriteString(line)
		}
	}
	byPath[PackageDB] = &node{path: PackageDB, kind: KindFile, mode: 0o644, data: []byte(b.String())}
	return nil
}

// dbFileLine renders one %file line, and reports whether the entry is a
// directory (which several packages may own).
func dbFileLine(pf PackageFile, byPath map[string]*node, uname, gname map[int]string) (string, bool, error) {
	flags := ""
	for _, f := range []struct {
		on bool
		c  string
	}{{pf.Config, "c"}, {pf.Doc, "d"}, {pf.Ghost, "g"}} {
		if f.on {
			flags += f.c
		}
	}
	flags += pf.NoVerify
	mtime := strconv.FormatInt(Mtime.Unix(), 10)
	n := byPath[pf.Path]
	if n == nil {
		switch {
		case pf.Ghost:
		case pf.Doc:
			flags += "x"
		case isProgramPath(pf.Path):
			flags += "P"
			mode, user, group := fs.FileMode(0o755), "root", "root"
			if pf.User != "" {
				mode, user, group = pf.Mode, pf.User, pf.Group
			}
			return fmt.Sprintf("%%file f %04o %s %s - %s - %s - %s\n", unixMode(mode), user, group, mtime, flags, pf.Path), false, nil
		default:
			return "", false, fmt.Errorf("%s is neither in the tree nor a program, %%doc or %%ghost", pf.Path)
		}
		return fmt.Sprintf("%%file f 0644 root root - %s - %s - %s\n", mtime, flags, pf.Path), false, nil
	}
	if pf.User != "" {
		return "", false, fmt.Errorf("%s is in the tree: its mode and owner come from the MANIFEST, not %%attr", pf.Path)
	}
	if flags == "" {
		flags = "-"
	}
	mode := fmt.Sprintf("%04o", unixMode(n.mode))
	user, group := uname[n.uid], gname[n.gid]
	if user == "" {
		user = strconv.Itoa(n.uid)
	}
	if group == "" {
		group = strconv.Itoa(n.gid)
	}
	size, sum, link := "-", "-", "-"
	switch n.kind {
	case KindFile:
		size = strconv.Itoa(len(n.data))
		h := md5.Sum(n.data)
		sum = hex.EncodeToString(h[:])
	case KindSymlink:
		size, link = strconv.Itoa(len(n.target)), n.target
	case KindDir:
	default:
		return "", false, fmt.Errorf("%s is a device; packages here own no devices", pf.Path)
	}
	return fmt.Sprintf("%%file %c %s %s %s %s %s %s %s %s %s\n", n.kind, mode, user, group, size, mtime, sum, flags, link, pf.Path),
		n.kind == KindDir, nil
}

func isProgramPath(p string) bool {
	for _, d := range programDirs {
		if strings.HasPrefix(p, d) && !strings.Contains(p[len(d):], "/") {
			return true
		}
	}
	return false
}

// unixMode is the permission and special bits of m as chmod writes them.
func unixMode(m fs.FileMode) uint32 {
	u := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		u |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		u |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		u |= 0o1000
	}
	return u
}

// reverseIDs maps ids to names; of two names with one id, the smaller
// wins, so the result never depends on map order.
func reverseIDs(ids map[string]int) map[int]string {
	out := map[int]string{}
	for name, id := range ids {
		if old, ok := out[id]; !ok || name < old {
			out[id] = name
		}
	}
	return out
}
