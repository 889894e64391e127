package chkconfig

import (
	"errors"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"syscall"
)

// Default level sets of the operations (EL5).
const (
	allLevels  = "0123456"
	userLevels = "2345"
)

// rcDirs are the directories of runlevels 0–9.
var rcDirs = [10]string{
	RCDir + "/rc0.d", RCDir + "/rc1.d", RCDir + "/rc2.d", RCDir + "/rc3.d", RCDir + "/rc4.d",
	RCDir + "/rc5.d", RCDir + "/rc6.d", RCDir + "/rc7.d", RCDir + "/rc8.d", RCDir + "/rc9.d",
}

// rcDir is the directory of runlevel level.
func rcDir(level int) string {
	if level >= 0 && level < len(rcDirs) {
		return rcDirs[level]
	}
	return RCDir + "/rc" + strconv.Itoa(level) + ".d"
}

// pattern is the glob chkconfig matches links with, for messages.
func pattern(name string, level int) string {
	return rcDir(level) + "/[SK][0-9][0-9]" + name
}

// matchEntry reports whether a directory entry matches [SK][0-9][0-9]NAME
// as glob(3) would; NAME is itself a glob pattern to glob, which only
// matters for names with * ? [ or \. A name with a slash matches nothing
// (glob would look in subdirectories).
func matchEntry(entry, name string) bool {
	m := newEntryMatcher(name)
	return m.match(entry)
}

// entryMatcher is matchEntry for one name, with what depends on the name
// alone worked out once for a whole directory.
type entryMatcher struct {
	name  string
	never bool   // the name has a slash
	glob  string // the name as a path.Match pattern; "" when it has no meta
}

func newEntryMatcher(name string) entryMatcher {
	m := entryMatcher{name: name, never: strings.Contains(name, "/")}
	if hasMeta(name) {
		m.glob = strings.ReplaceAll(name, "[!", "[^")
	}
	return m
}

func (m *entryMatcher) match(entry string) bool {
	if m.never || !linkLike(entry) {
		return false
	}
	rest := entry[3:]
	if m.glob == "" {
		return rest == m.name
	}
	ok, err := path.Match(m.glob, rest)
	if err != nil {
		return rest == m.name
	}
	return ok
}

// linkLike reports whether entry starts with [SK][0-9][0-9].
func linkLike(entry string) bool {
	return len(entry) >= 3 && (entry[0] == 'S' || entry[0] == 'K') &&
		entry[1] >= '0' && entry[1] <= '9' && entry[2] >= '0' && entry[2] <= '9'
}

func hasMeta(name string) bool { return strings.ContainsAny(name, "*?[\\") }

// rcSnapshot reads the seven rcN.d once, for listing many services: the
// entries of each level and, per service name, the letter (S or K) of its
// first link-like entry in each level (0 for none).
type rcSnapshot struct {
	names [7][]string
	first map[string][7]byte
}

func (r *rcSnapshot) load(fsys FS) {
	if r.first != nil {
		return
	}
	r.first = make(map[string][7]byte, 64)
	for l := range r.names {
		r.names[l], _ = readDirRaw(fsys, rcDir(l))
		for _, e := range r.names[l] {
			if !linkLike(e) {
				continue
			}
			if f := r.first[e[3:]]; f[l] == 0 {
				f[l] = e[0]
				r.first[e[3:]] = f
			}
		}
	}
}

// states is the state of name in the seven levels, from the snapshot
// (unreadable directories are empty).
func (r *rcSnapshot) states(fsys FS, name string) (on [7]bool, linked bool) {
	r.load(fsys)
	if !hasMeta(name) {
		f, ok := r.first[name]
		if !ok || strings.Contains(name, "/") {
			return on, false
		}
		for l, c := range f {
			on[l] = c == 'S'
			linked = linked || c != 0
		}
		return on, linked
	}
	m := newEntryMatcher(name)
	for l, entries := range r.names {
		for _, e := range entries {
			if m.match(e) {
				on[l], linked = e[0] == 'S', true
				break
			}
		}
	}
	return on, linked
}

// findEntries lists the entries of rcN.d matching [SK][0-9][0-9]NAME in
// directory order. A directory that cannot be read is a *GlobError, except
// a non-directory (glob(3) treats ENOTDIR as no match).
func findEntries(fsys FS, name string, level int) ([]string, error) {
	names, err := readDirRaw(fsys, rcDir(level))
	if err != nil {
		if errors.Is(err, syscall.ENOTDIR) {
			return nil, nil
		}
		return nil, &GlobError{Pattern: pattern(name, level), Err: err}
	}
	var out []string
	m := newEntryMatcher(name)
	for _, e := range names {
		if m.match(e) {
			out = append(out, e)
		}
	}
	return out, nil
}

// Links returns the entries of rcN.d (names, not paths) that chkconfig
// counts as links of name, in directory order: [SK][0-9][0-9]NAME, whatever
// they are and wherever they point. Nil when there are none or the
// directory cannot be read.
func Links(fsys FS, name string, level int) []string {
	out, _ := findEntries(fsys, name, level)
	return out
}

// State reports whether name is on in level (0–9): on iff the first
// [SK][0-9][0-9]NAME entry of rcN.d starts with S; linked iff there is
// one. The error is a *GlobError when rcN.d cannot be read.
func State(fsys FS, name string, level int) (on, linked bool, err error) {
	names, err := readDirRaw(fsys, rcDir(level))
	if err != nil {
		if errors.Is(err, syscall.ENOTDIR) {
			return false, false, nil
		}
		return false, false, &GlobError{Pattern: pattern(name, level), Err: err}
	}
	// As findEntries, without listing the matches.
	m := newEntryMatcher(name)
	for _, e := range names {
		if m.match(e) {
			return e[0] == 'S', true, nil
		}
	}
	return false, false, nil
}

// unlinkEntries removes rcN.d entries as unlink(2) would: a directory
// stays, errors are ignored.
func unlinkEntries(fsys FS, dir string, entries []string) {
	for _, e := range entries {
		unlink(fsys, dir+"/"+e)
	}
}

func unlink(fsys FS, p string) {
	if mode, ok := modeOf(fsys, p, false); ok && !mode.IsDir() {
		_ = fsys.Remove(p)
	}
}

// modeFS is a file system that reports modes without building a FileInfo
// or an error (*vfs.FS).
type modeFS interface {
	StatMode(name string) (fs.FileMode, bool)
	LstatMode(name string) (fs.FileMode, bool)
}

// modeOf is the mode stat(2) (follow) or lstat(2) reports for name; ok
// is false where it fails.
func modeOf(fsys FS, name string, follow bool) (mode fs.FileMode, ok bool) {
	if m, isModeFS := fsys.(modeFS); isModeFS {
		if follow {
			return m.StatMode(name)
		}
		return m.LstatMode(name)
	}
	var fi fs.FileInfo
	var err error
	if follow {
		fi, err = fsys.Stat(name)
	} else {
		fi, _, err = fsys.LstatIfPossible(name)
	}
	if err != nil {
		return 0, false
	}
	return fi.Mode(), true
}

// setLevel is chkconfig's doSetService: remove the level's links of the
// service, then link S<start> (on) or K<stop> (off) to ../init.d/NAME.
func setLevel(fsys FS, s *Service, level int, on bool) []error {
	var errs []error
	entries, err := findEntries(fsys, s.Name, level)
	if err != nil {
		errs = append(errs, err)
	} else {
		unlinkEntries(fsys, rcDir(level), entries)
	}
	c, prio := byte('K'), s.Header.Stop
	if on {
		c, prio = 'S', s.Header.Start
	}
	link := rcDir(level) + "/" + string(c) + twoDigits(prio) + s.Name
	unlink(fsys, link)
	if err := fsys.SymlinkIfPossible("../init.d/"+s.Name, link); err != nil {
		errs = append(errs, &SymlinkError{Path: link, Err: err})
	}
	return errs
}

func twoDigits(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// levelMask validates a --level string (digits 0–6) and returns its set;
// def is used for "".
func levelMask(levels, def string) (int, error) {
	if levels == "" {
		levels = def
	}
	m := parseLevels(levels)
	if m == -1 {
		return 0, ErrBadLevels
	}
	return m, nil
}

// ErrBadLevels is a level string that is not made of digits 0–6.
var ErrBadLevels = errors.New("bad runlevels")

// Add is "chkconfig --add NAME": every level without a link gets S (a
// default level) or K. Existing links stay. An LSB script is instead
// relinked in all seven levels with priorities from its dependencies.
// Nothing is done for an xinetd service. An unreadable rcN.d stops it with
// a fatal *GlobError; links it cannot make are *SymlinkErrors (chkconfig
// prints them but still exits 0).
func Add(fsys FS, name string) error {
	s, err := Lookup(fsys, name)
	if err != nil {
		return err
	}
	if s.Xinetd {
		return nil
	}
	if s.Header.LSB {
		return errors.Join(frob(fsys, &s)...)
	}
	var errs []error
	for l := 0; l < 7; l++ {
		entries, err := findEntries(fsys, name, l)
		if err != nil {
			err.(*GlobError).Fatal = true
			return errors.Join(append(errs, err)...)
		}
		if len(entries) == 0 {
			errs = append(errs, setLevel(fsys, &s, l, s.Header.DefaultOn(l))...)
		}
	}
	return errors.Join(errs...)
}

// Del is "chkconfig --del NAME": every [SK][0-9][0-9]NAME entry of the
// seven levels is removed (hand-made S5x or S100x links stay). Nothing is
// done for an xinetd service. Unreadable levels are (non-fatal) *GlobErrors.
func Del(fsys FS, name string) error {
	s, err := Lookup(fsys, name)
	if err != nil {
		return err
	}
	if s.Xinetd {
		return nil
	}
	var errs []error
	for l := 0; l < 7; l++ {
		entries, err := findEntries(fsys, name, l)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		unlinkEntries(fsys, rcDir(l), entries)
	}
	return errors.Join(errs...)
}

// Set is "chkconfig [--level LEVELS] NAME on|off": in each level (2345 when
// levels is "") the old links go and S<start> or K<stop> is made. For an
// xinetd service the file is rewritten (SetXinetd) and levels ignored; the
// caller reloads xinetd. A bad levels string is ErrBadLevels.
func Set(fsys FS, name string, levels string, on bool) error {
	where, err := levelMask(levels, userLevels)
	if err != nil {
		return err
	}
	s, err := Lookup(fsys, name)
	if err != nil {
		return err
	}
	if s.Xinetd {
		return SetXinetd(fsys, name, on)
	}
	return setLevels(fsys, &s, where, func(int) (bool, error) { return on, nil })
}

// Reset is "chkconfig [--level LEVELS] NAME reset": each level (all seven
// when levels is "") is set back to the header's default, with the
// header's priorities. An xinetd file gets its ResetOn state back.
func Reset(fsys FS, name string, levels string) error {
	where, err := levelMask(levels, allLevels)
	if err != nil {
		return err
	}
	s, err := Lookup(fsys, name)
	if err != nil {
		return err
	}
	if s.Xinetd {
		return SetXinetd(fsys, name, s.ResetOn)
	}
	return setLevels(fsys, &s, where, func(l int) (bool, error) { return s.Header.DefaultOn(l), nil })
}

// ResetPriorities is "chkconfig [--level LEVELS] NAME resetpriorities":
// each level (2345 when levels is "", as on EL5) keeps its on/off state
// but is relinked with the header's priorities. For an xinetd service it
// writes "disable = no", as 1.3.30 does (its state argument is taken as
// true).
func ResetPriorities(fsys FS, name string, levels string) error {
	where, err := levelMask(levels, userLevels)
	if err != nil {
		return err
	}
	s, err := Lookup(fsys, name)
	if err != nil {
		return err
	}
	if s.Xinetd {
		return SetXinetd(fsys, name, true)
	}
	return setLevels(fsys, &s, where, func(l int) (bool, error) {
		on, _, err := State(fsys, name, l)
		if err != nil {
			err.(*GlobError).Fatal = true
		}
		return on, err
	})
}

// setLevels is chkconfig's setService for a SysV service.
func setLevels(fsys FS, s *Service, where int, what func(level int) (bool, error)) error {
	var errs []error
	if s.Header.LSB {
		errs = frob(fsys, s)
		if fatal(errs) {
			return errors.Join(errs...)
		}
	}
	for l := 0; l < 7; l++ {
		if where&(1<<l) == 0 {
			continue
		}
		on, err := what(l)
		if err != nil {
			return errors.Join(append(errs, err)...)
		}
		errs = append(errs, setLevel(fsys, s, l, on)...)
	}
	return errors.Join(errs...)
}

func fatal(errs []error) bool {
	for _, err := range errs {
		if g, ok := err.(*GlobError); ok && g.Fatal {
			return true
		}
	}
	return false
}

// frob is chkconfig's LSB dependency resolution as 1.3.30 does it for the
// target service: the start priority is raised above that of every
// service named by Required-Start (by name or Provides), the stop priority
// lowered below that of every Required-Stop one (capped to 0–99), then all
// seven levels are relinked to the header's defaults. (The real program
// also re-resolves the other LSB scripts first; rclab does not.)
func frob(fsys FS, s *Service) []error {
	if len(s.Header.RequiredStart) > 0 || len(s.Header.RequiredStop) > 0 {
		for _, o := range others(fsys, s.Name) {
			for _, dep := range s.Header.RequiredStart {
				if provides(o, dep) {
					s.Header.Start = laterThan(s.Header.Start, o.Header.Start)
				}
			}
			for _, dep := range s.Header.RequiredStop {
				if provides(o, dep) {
					s.Header.Stop = earlierThan(s.Header.Stop, o.Header.Stop)
				}
			}
		}
	}
	var errs []error
	for l := 0; l < 7; l++ {
		if _, err := findEntries(fsys, s.Name, l); err != nil {
			err.(*GlobError).Fatal = true
			return append(errs, err)
		}
		errs = append(errs, setLevel(fsys, s, l, s.Header.DefaultOn(l))...)
	}
	return errs
}

// others returns the SysV services with a valid header except name.
func others(fsys FS, name string) []Service {
	names, err := readDirNames(fsys, InitDir)
	if err != nil {
		return nil
	}
	var out []Service
	for _, n := range names {
		if n == name || skipName(n) {
			continue
		}
		p := InitDir + "/" + n
		if mode, ok := modeOf(fsys, p, true); !ok || !mode.IsRegular() {
			continue
		}
		data, _, err := readScript(fsys, p)
		if err != nil {
			continue
		}
		if h, err := ParseHeader(data); err == nil {
			out = append(out, Service{Name: n, Header: h})
		}
	}
	return out
}

func provides(s Service, dep string) bool {
	if dep == s.Name {
		return true
	}
	for _, p := range s.Header.Provides {
		if p == dep {
			return true
		}
	}
	return false
}

func laterThan(i, j int) int {
	if i <= j {
		i = min(j+1, 99)
	}
	return i
}

func earlierThan(i, j int) int {
	if i >= j {
		i = max(j-1, 0)
	}
	return i
}
