package image

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// Kind is the type of a MANIFEST entry: the letter that starts its line.
type Kind byte

// The entry kinds of a MANIFEST.
const (
	KindDir     Kind = 'd' // directory, created if the tree has none
	KindFile    Kind = 'f' // regular file of the tree with other metadata
	KindSymlink Kind = 'l' // symbolic link
	KindChar    Kind = 'c' // character device
	KindBlock   Kind = 'b' // block device
)

// Entry is one line of a MANIFEST.
type Entry struct {
	Kind  Kind
	Path  string      // absolute, clean
	Mode  fs.FileMode // permission bits plus fs.ModeSetuid, ModeSetgid, ModeSticky; 0777 for links
	Owner string      // user name or number as written ("root" when not given)
	Group string      // group name or number as written
	// Target is the link text of a symbolic link, stored as is.
	Target string
	// Major and Minor are a device's numbers.
	Major, Minor int
	// Line is the entry's line number in the MANIFEST (1-based).
	Line int
}

// ParseManifest reads a MANIFEST. Blank lines and lines whose first
// non-blank character is '#' are ignored; every other line is one of
//
//	d PATH MODE OWNER:GROUP
//	f PATH MODE OWNER:GROUP
//	l PATH TARGET [OWNER:GROUP]
//	c PATH MODE OWNER:GROUP MAJOR,MINOR
//	b PATH MODE OWNER:GROUP MAJOR,MINOR
//
// with fields separated by blanks. PATH is absolute and clean; MODE is
// three or four octal digits (the fourth, leading one holds the setuid
// 4, setgid 2 and sticky 1 bits); OWNER and GROUP are names or numbers.
// A path may appear only once. Errors name the line number.
func ParseManifest(r io.Reader) ([]Entry, error) {
	var entries []Entry
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		e, err := parseEntry(strings.Fields(text))
		if err != nil {
			return nil, fmt.Errorf("MANIFEST line %d: %w", line, err)
		}
		e.Line = line
		if first, dup := seen[e.Path]; dup {
			return nil, fmt.Errorf("MANIFEST line %d: %s already listed on line %d", line, e.Path, first)
		}
		seen[e.Path] = line
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("MANIFEST line %d: %w", line+1, err)
	}
	return entries, nil
}

func parseEntry(f []string) (Entry, error) {
	var e Entry
	if len(f[0]) != 1 {
		return e, fmt.Errorf("unknown entry type %q", f[0])
	}
	e.Kind = Kind(f[0][0])
	var want []int // allowed field counts
	switch e.Kind {
	case KindDir, KindFile:
		want = []int{4}
	case KindSymlink:
		want = []int{3, 4}
	case KindChar, KindBlock:
		want = []int{5}
	default:
		return e, fmt.Errorf("unknown entry type %q", f[0])
	}
	ok := false
	for _, n := range want {
		ok = ok || len(f) == n
	}
	if !ok {
		return e, fmt.Errorf("%q entry needs %s fields, has %d", f[0], counts(want), len(f))
	}
	if err := checkPath(f[1]); err != nil {
		return e, err
	}
	e.Path = f[1]
	e.Owner, e.Group = "root", "root"

	if e.Kind == KindSymlink {
		e.Target = f[2]
		e.Mode = 0o777
		if len(f) == 4 {
			var err error
			if e.Owner, e.Group, err = parseOwner(f[3]); err != nil {
				return e, err
			}
		}
		return e, nil
	}

	mode, err := parseMode(f[2])
	if err != nil {
		return e, err
	}
	e.Mode = mode
	if e.Owner, e.Group, err = parseOwner(f[3]); err != nil {
		return e, err
	}
	if e.Kind == KindChar || e.Kind == KindBlock {
		if e.Major, e.Minor, err = parseDevice(f[4]); err != nil {
			return e, err
		}
	}
	return e, nil
}

func counts(n []int) string {
	if len(n) == 1 {
		return strconv.Itoa(n[0])
	}
	return fmt.Sprintf("%d or %d", n[0], n[1])
}

func checkPath(p string) error {
	if !strings.HasPrefix(p, "/") {
		return fmt.Errorf("path %q is not absolute", p)
	}
	if path.Clean(p) != p {
		return fmt.Errorf("path %q is not clean (want %q)", p, path.Clean(p))
	}
	return nil
}

// parseMode turns "0755", "755" or "1777" into an fs.FileMode.
func parseMode(s string) (fs.FileMode, error) {
	if len(s) < 3 || len(s) > 4 {
		return 0, fmt.Errorf("mode %q is not 3 or 4 octal digits", s)
	}
	v, err := strconv.ParseUint(s, 8, 32)
	if err != nil {
		return 0, fmt.Errorf("mode %q is not 3 or 4 octal digits", s)
	}
	m := fs.FileMode(v & 0o777)
	if v&0o4000 != 0 {
		m |= fs.ModeSetuid
	}
	if v&0o2000 != 0 {
		m |= fs.ModeSetgid
	}
	if v&0o1000 != 0 {
		m |= fs.ModeSticky
	}
	return m, nil
}

func parseOwner(s string) (owner, group string, err error) {
	owner, group, ok := strings.Cut(s, ":")
	if !ok || owner == "" || group == "" || strings.Contains(group, ":") {
		return "", "", fmt.Errorf("owner %q is not OWNER:GROUP", s)
	}
	return owner, group, nil
}

func parseDevice(s string) (major, minor int, err error) {
	a, b, ok := strings.Cut(s, ",")
	if ok {
		major, err = strconv.Atoi(a)
		if err == nil {
			minor, err = strconv.Atoi(b)
		}
	}
	if !ok || err != nil || major < 0 || minor < 0 {
		return 0, 0, fmt.Errorf("device numbers %q are not MAJOR,MINOR", s)
	}
	return major, minor, nil
}
