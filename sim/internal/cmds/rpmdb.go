package cmds

// The RPM package database as the simulated rpm reads it from the
// machine: /var/lib/rpm/Packages, written with the image (see
// sim/image/packages.go for the format), so deleting or damaging the file
// breaks rpm as it would on a real system.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rclab/sim/image"
)

// rpmDBPath is the database file, rpmDBDir its directory, and
// rpmDBMagic the bytes that start it (a Berkeley DB file's first bytes).
const (
	rpmDBPath  = image.PackageDB
	rpmDBDir   = "/var/lib/rpm"
	rpmDBMagic = image.DBMagic
)

// rpmProgramMagic starts the file of every simulated program, as the
// shell writes it (shell.ProgramMagic): a program entry of the database
// carries no digest, and rpm -V compares it with this content.
const rpmProgramMagic = "\x7fELF\x01\x01\x01\x00rclab-program "

// rpmPkg is one installed package.
type rpmPkg struct {
	Name, Version, Release, Arch string
	Group, License               string
	Size                         int64
	BuildTime, InstallTime       time.Time
	BuildHost, SourceRPM, URL    string
	Vendor, Packager, Summary    string
	Description                  []string
	Files                        []rpmFile
}

// nvr is NAME-VERSION-RELEASE, as rpm -q prints a package.
func (p *rpmPkg) nvr() string { return p.Name + "-" + p.Version + "-" + p.Release }

// rpmFile is one file of a package.
type rpmFile struct {
	Kind  byte   // 'f' regular file, 'd' directory, 'l' symbolic link
	Mode  uint32 // permission and special bits
	User  string
	Group string
	Size  int64 // -1 when not recorded
	Mtime int64
	MD5   string // hex; "" when not recorded
	// Flags: c config, d doc, g ghost, x not installed, P a program the
	// simulator installs; upper-case 5 S T M U G L: not verified.
	Flags string
	Link  string // symbolic links: the target
	Path  string
}

func (f *rpmFile) has(c byte) bool { return strings.IndexByte(f.Flags, c) >= 0 }

// attr is the letter rpm -V prints for the file's kind of entry.
func (f *rpmFile) attr() byte {
	switch {
	case f.has('c'):
		return 'c'
	case f.has('d'):
		return 'd'
	case f.has('g'):
		return 'g'
	}
	return ' '
}

// parseRPMDB reads the database text (after the magic).
func parseRPMDB(r io.Reader) ([]*rpmPkg, error) {
	var pkgs []*rpmPkg
	var cur *rpmPkg
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		bad := func(why string) error { return fmt.Errorf("line %d: %s", line, why) }
		switch {
		case strings.HasPrefix(text, "%package "):
			name := strings.TrimPrefix(text, "%package ")
			if name == "" || strings.ContainsAny(name, " \t") {
				return nil, bad("bad package name")
			}
			cur = &rpmPkg{Name: name}
			pkgs = append(pkgs, cur)
		case cur == nil:
			return nil, bad("data before the first package")
		case strings.HasPrefix(text, "%file "):
			f, err := parseRPMFile(strings.Fields(text)[1:])
			if err != nil {
				return nil, bad(err.Error())
			}
			cur.Files = append(cur.Files, f)
		default:
			key, val, ok := strings.Cut(text, ":")
			if !ok {
				return nil, bad("not a key")
			}
			val = strings.TrimPrefix(val, " ")
			if err := cur.set(key, val); err != nil {
				return nil, bad(err.Error())
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		if p.Version == "" || p.Release == "" {
			return nil, fmt.Errorf("package %s has no version or release", p.Name)
		}
	}
	return pkgs, nil
}

func (p *rpmPkg) set(key, val string) error {
	num := func() (int64, error) { return strconv.ParseInt(val, 10, 64) }
	switch key {
	case "Version":
		p.Version = val
	case "Release":
		p.Release = val
	case "Arch":
		p.Arch = val
	case "Group":
		p.Group = val
	case "License":
		p.License = val
	case "BuildHost":
		p.BuildHost = val
	case "SourceRPM":
		p.SourceRPM = val
	case "URL":
		p.URL = val
	case "Vendor":
		p.Vendor = val
	case "Packager":
		p.Packager = val
	case "Summary":
		p.Summary = val
	case "Description":
		p.Description = append(p.Description, val)
	case "Size":
		n, err := num()
		if err != nil {
			return err
		}
		p.Size = n
	case "BuildTime", "InstallTime":
		n, err := num()
		if err != nil {
			return err
		}
		if key == "BuildTime" {
			p.BuildTime = time.Unix(n, 0).UTC()
		} else {
			p.InstallTime = time.Unix(n, 0).UTC()
		}
	default:
		return fmt.Errorf("unknown key %q", key)
	}
	return nil
}

// parseRPMFile reads KIND MODE USER GROUP SIZE MTIME MD5 FLAGS LINKTO PATH.
func parseRPMFile(f []string) (rpmFile, error) {
	var r rpmFile
	if len(f) != 10 {
		return r, errors.New("a file needs 10 fields")
	}
	if len(f[0]) != 1 || !strings.Contains("fdl", f[0]) {
		return r, errors.New("bad file kind")
	}
	r.Kind = f[0][0]
	mode, err := strconv.ParseUint(f[1], 8, 32)
	if err != nil || mode > 0o7777 {
		return r, errors.New("bad mode")
	}
	r.Mode = uint32(mode)
	r.User, r.Group = f[2], f[3]
	r.Size = -1
	if f[4] != "-" {
		if r.Size, err = strconv.ParseInt(f[4], 10, 64); err != nil || r.Size < 0 {
			return r, errors.New("bad size")
		}
	}
	if r.Mtime, err = strconv.ParseInt(f[5], 10, 64); err != nil {
		return r, errors.New("bad mtime")
	}
	if f[6] != "-" {
		if len(f[6]) != 32 || strings.Trim(f[6], "0123456789abcdef") != "" {
			return r, errors.New("bad digest")
		}
		r.MD5 = f[6]
	}
	if f[7] != "-" {
		r.Flags = f[7]
	}
	if f[8] != "-" {
		r.Link = f[8]
	}
	if !strings.HasPrefix(f[9], "/") {
		return r, errors.New("path is not absolute")
	}
	r.Path = f[9]
	return r, nil
}

// rpmOpenDB reads the machine's database as the user of p may. When it
// cannot, it prints rpm's errors and reports false.
func rpmOpenDB(p *Proc) ([]*rpmPkg, bool) {
	fail := func(errno syscall.Errno) ([]*rpmPkg, bool) {
		fmt.Fprintf(p.Stderr, "error: cannot open Packages index using db3 - %s (%d)\n", Strerror(errno), int(errno))
		fmt.Fprintf(p.Stderr, "error: cannot open Packages database in %s\n", rpmDBDir)
		return nil, false
	}
	f, err := p.userFS().Open(rpmDBPath)
	if err != nil {
		if errno := Errno(err); errno != 0 {
			return fail(errno)
		}
		return fail(syscall.EIO)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fail(syscall.EISDIR)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fail(syscall.EACCES)
		}
		return fail(syscall.EIO)
	}
	text, ok := strings.CutPrefix(string(data), rpmDBMagic)
	var pkgs []*rpmPkg
	if ok {
		pkgs, err = parseRPMDB(strings.NewReader(text))
	}
	if !ok || err != nil {
		// Berkeley DB refuses a file that is not one of its own.
		fmt.Fprintf(p.Stderr, "rpmdb: %s: unexpected file type or format\n", rpmDBPath)
		return fail(syscall.EINVAL)
	}
	return pkgs, true
}
