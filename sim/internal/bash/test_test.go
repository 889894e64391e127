package bash

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeFile is one entry of fakeTester's file system.
type fakeFile struct {
	mode         fs.FileMode
	uid, gid     int
	size         int64
	mtime, atime time.Time
	ino          uint64
	target       string // for a symbolic link
}

// fakeSys is what fakeInfo.Sys() returns, with the methods test reads.
type fakeSys struct{ f *fakeFile }

func (s fakeSys) Uid() int           { return s.f.uid }
func (s fakeSys) Gid() int           { return s.f.gid }
func (s fakeSys) Ino() uint64        { return s.f.ino }
func (s fakeSys) Atime() time.Time   { return s.f.atime }
func (i fakeInfo) Name() string      { return path.Base(i.name) }
func (i fakeInfo) Size() int64       { return i.f.size }
func (i fakeInfo) Mode() fs.FileMode { return i.f.mode }
func (i fakeInfo) ModTime() time.Time {
	return i.f.mtime
}
func (i fakeInfo) IsDir() bool { return i.f.mode.IsDir() }
func (i fakeInfo) Sys() any    { return fakeSys{i.f} }

type fakeInfo struct {
	name string
	f    *fakeFile
}

// fakeTester is a FileTester over a map of absolute paths, for a user
// (uid, gid), with a working directory, the terminals and the options on.
type fakeTester struct {
	files    map[string]*fakeFile
	uid, gid int
	dir      string
	ttys     map[int]bool
	options  map[string]bool
}

func (t *fakeTester) abs(name string) string {
	if !strings.HasPrefix(name, "/") {
		name = t.dir + "/" + name
	}
	return path.Clean(name)
}

func (t *fakeTester) Stat(name string, follow bool) (fs.FileInfo, error) {
	if name == "" {
		panic("test asked to stat the empty name")
	}
	p := t.abs(name)
	for range 8 {
		f, ok := t.files[p]
		if !ok {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: syscall.ENOENT}
		}
		if !follow || f.mode&fs.ModeSymlink == 0 {
			return fakeInfo{p, f}, nil
		}
		p = t.abs(f.target)
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: syscall.ELOOP}
}

// Access is eaccess(3): root reads and writes anything and executes
// what has an execute bit or is a directory.
func (t *fakeTester) Access(name string, mode uint32) error {
	if name == "" {
		panic("test asked to access the empty name")
	}
	fi, err := t.Stat(name, true)
	if err != nil {
		return err
	}
	f := fi.Sys().(fakeSys).f
	perm := uint32(f.mode.Perm())
	if t.uid == 0 {
		if mode != 1 || perm&0o111 != 0 || f.mode.IsDir() {
			return nil
		}
		return syscall.EACCES
	}
	switch {
	case f.uid == t.uid:
		mode <<= 6
	case f.gid == t.gid:
		mode <<= 3
	}
	if perm&mode == mode {
		return nil
	}
	return syscall.EACCES
}

func (t *fakeTester) IsTerminal(fd int) bool     { return t.ttys[fd] }
func (t *fakeTester) Owner() (int, int)          { return t.uid, t.gid }
func (t *fakeTester) OptionSet(name string) bool { return t.options[name] }

var _ FileTester = (*fakeTester)(nil)

// sec is a time on the virtual clock, s seconds after the epoch.
func sec(s int64) time.Time { return time.Unix(s, 0) }

// newFakeTester is a small machine: root's files, alice's (501:501), each
// kind of special file, times for -nt/-ot/-N and a hard link.
func newFakeTester(uid, gid int) *fakeTester {
	reg := func(perm fs.FileMode, uid, gid int, size, mtime int64, ino uint64) *fakeFile {
		return &fakeFile{mode: perm, uid: uid, gid: gid, size: size, mtime: sec(mtime), atime: sec(mtime), ino: ino}
	}
	passwd := reg(0o644, 0, 0, 100, 1000, 10)
	sameSec := reg(0o644, 0, 0, 1, 1000, 18)
	sameSec.mtime = sameSec.mtime.Add(500 * time.Millisecond)
	messages := reg(0o600, 0, 0, 9, 3000, 20)
	messages.atime = sec(2000)
	read := reg(0o600, 0, 0, 9, 3000, 21)
	read.atime = sec(4000)
	return &fakeTester{
		uid: uid, gid: gid, dir: "/etc",
		ttys:    map[int]bool{0: true, 1: true, 2: true},
		options: map[string]bool{"errexit": true},
		files: map[string]*fakeFile{
			"/":                 reg(fs.ModeDir|0o755, 0, 0, 4096, 1, 2),
			"/etc":              reg(fs.ModeDir|0o755, 0, 0, 4096, 1, 3),
			"/etc/passwd":       passwd,
			"/etc/hard":         passwd, // a second name for the same inode
			"/etc/empty":        reg(0o644, 0, 0, 0, 1000, 11),
			"/etc/newer":        reg(0o644, 0, 0, 1, 2000, 12),
			"/etc/older":        reg(0o644, 0, 0, 1, 500, 13),
			"/etc/same-sec":     sameSec,
			"/etc/link":         {mode: fs.ModeSymlink | 0o777, target: "passwd", ino: 14},
			"/etc/dangling":     {mode: fs.ModeSymlink | 0o777, target: "/nonexistent", ino: 15},
			"/etc/loop":         {mode: fs.ModeSymlink | 0o777, target: "loop", ino: 16},
			"/tmp":              reg(fs.ModeDir|fs.ModeSticky|0o777, 0, 0, 4096, 1, 4),
			"/usr/bin/passwd":   reg(fs.ModeSetuid|0o755, 0, 0, 1, 1, 30),
			"/usr/bin/wall":     reg(fs.ModeSetgid|0o755, 0, 5, 1, 1, 31),
			"/dev/null":         reg(fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0, 0, 1, 40),
			"/dev/sda":          reg(fs.ModeDevice|0o660, 0, 6, 0, 1, 41),
			"/dev/log":          reg(fs.ModeSocket|0o666, 0, 0, 0, 1, 42),
			"/var/run/fifo":     reg(fs.ModeNamedPipe|0o600, 0, 0, 0, 1, 43),
			"/var/log/messages": messages,
			"/var/log/read":     read,
			"/home/alice":       reg(fs.ModeDir|0o700, 501, 501, 4096, 1, 50),
			"/home/alice/own":   reg(0o600, 501, 501, 5, 1, 51),
			"/home/alice/group": reg(0o640, 0, 501, 5, 1, 52),
		},
	}
}

var (
	rootTester  = newFakeTester(0, 0)
	aliceTester = newFakeTester(501, 501)
)

// notty is root without a terminal and with no option on.
var notty = func() *fakeTester {
	t := newFakeTester(0, 0)
	t.ttys, t.options = nil, nil
	return t
}()

func TestClassicTest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ft     FileTester
		name   string
		args   []string
		status int
		msg    string
	}{
		// Counting arguments: none, one (a non-empty string), [ ].
		{nil, "test", nil, 1, ""},
		{nil, "[", []string{"]"}, 1, ""},
		{nil, "[", nil, 2, "[: missing `]'"},
		{nil, "[", []string{"x"}, 2, "[: missing `]'"},
		{nil, "[", []string{"x", "]", "a"}, 2, "[: missing `]'"},
		{nil, "test", []string{"x", "]"}, 2, "test: x: unary operator expected"},
		{nil, "test", []string{""}, 1, ""},
		{nil, "test", []string{"x"}, 0, ""},
		{nil, "test", []string{"-n"}, 0, ""},
		{nil, "test", []string{"-z"}, 0, ""},
		{nil, "test", []string{"!"}, 0, ""},
		{nil, "test", []string{"-a"}, 0, ""},
		{nil, "[", []string{"", "]"}, 1, ""},
		{nil, "[", []string{"]", "]"}, 0, ""},

		// Two arguments: ! or a unary operator.
		{nil, "test", []string{"!", ""}, 0, ""},
		{nil, "test", []string{"!", "x"}, 1, ""},
		{nil, "test", []string{"!", "-a"}, 1, ""},
		{nil, "test", []string{"-n", ""}, 1, ""},
		{nil, "test", []string{"-n", "x"}, 0, ""},
		{nil, "test", []string{"-z", ""}, 0, ""},
		{nil, "test", []string{"-z", "-n"}, 1, ""},
		{nil, "test", []string{"-q", "x"}, 2, "test: -q: unary operator expected"},
		{nil, "test", []string{"-v", "x"}, 2, "test: -v: unary operator expected"},
		{nil, "test", []string{"-nt", "x"}, 2, "test: -nt: unary operator expected"},
		{nil, "test", []string{"x", "y"}, 2, "test: x: unary operator expected"},
		{nil, "test", []string{"-", "x"}, 2, "test: -: unary operator expected"},
		{nil, "test", []string{"(", "x"}, 2, "test: (: unary operator expected"},
		{nil, "test", []string{"x", "="}, 2, "test: x: unary operator expected"},
		{nil, "[", []string{"a", "-a", "]"}, 2, "[: a: unary operator expected"},

		// Three arguments: a binary operator first, then -a/-o, !, ( ).
		{nil, "test", []string{"a", "=", "a"}, 0, ""},
		{nil, "test", []string{"a", "==", "b"}, 1, ""},
		{nil, "test", []string{"a", "!=", "b"}, 0, ""},
		{nil, "test", []string{"a", "!=", "a"}, 1, ""},
		{nil, "test", []string{"a", "<", "b"}, 0, ""},
		{nil, "test", []string{"b", ">", "a"}, 0, ""},
		{nil, "test", []string{"B", "<", "a"}, 0, ""}, // bytes, as LC_ALL=C
		{nil, "test", []string{"a", "<", "B"}, 1, ""},
		{nil, "test", []string{"a", "b", "c"}, 2, "test: b: binary operator expected"},
		{nil, "test", []string{"a", "-q", "c"}, 2, "test: -q: binary operator expected"},
		{nil, "test", []string{"x", "-a", ""}, 1, ""},
		{nil, "test", []string{"x", "-a", "y"}, 0, ""},
		{nil, "test", []string{"x", "-o", ""}, 0, ""},
		{nil, "test", []string{"", "-o", ""}, 1, ""},
		{nil, "test", []string{"-a", "-a", "-a"}, 0, ""},
		{nil, "test", []string{"x", "-a", "-q"}, 0, ""},
		{rootTester, "test", []string{"!", "-f", "/etc/passwd"}, 1, ""},
		{rootTester, "test", []string{"!", "-f", "/nope"}, 0, ""},
		{nil, "test", []string{"!", "x", "y"}, 2, "test: x: unary operator expected"},
		{nil, "test", []string{"!", "=", "x"}, 1, ""},
		{nil, "test", []string{"-f", "=", "-f"}, 0, ""},
		{nil, "test", []string{"=", "=", "="}, 0, ""},
		{nil, "test", []string{"(", "x", ")"}, 0, ""},
		{nil, "test", []string{"(", "", ")"}, 1, ""},
		{nil, "test", []string{"(", ")", ")"}, 0, ""},
		{nil, "test", []string{"(a", "", ")b"}, 1, ""}, // first characters only
		{nil, "test", []string{"(", "a", "b"}, 2, "test: a: binary operator expected"},
		// bash 3.2 leaves the position after "! !" where it was.
		{nil, "test", []string{"!", "!", "x"}, 2, "test: too many arguments"},
		{rootTester, "test", []string{"!", "-t", "x"}, 2, "test: too many arguments"},

		// Four arguments.
		{nil, "test", []string{"!", "a", "=", "b"}, 0, ""},
		{nil, "test", []string{"!", "a", "=", "a"}, 1, ""},
		{nil, "test", []string{"!", "-n", "x", "y"}, 2, "test: x: binary operator expected"},
		{nil, "test", []string{"(", "-n", "x", ")"}, 0, ""},
		{nil, "test", []string{"-n", "", "-o", "x"}, 0, ""},
		{nil, "test", []string{"x", "-o", "y", "-a"}, 2, "test: argument expected"},
		{nil, "test", []string{"(", "x", "-a", "y"}, 2, "test: `)' expected"},
		{nil, "[", []string{"(", "x", "-a", "y", "]"}, 2, "[: `)' expected, found ]"},
		{nil, "test", []string{"a", "b", "c", "d"}, 2, "test: too many arguments"},

		// Five and more: -a binds tighter than -o; ! and ( ) nest.
		{nil, "test", []string{"a", "=", "b", "-o", "c", "=", "c"}, 0, ""},
		{nil, "test", []string{"a", "=", "a", "-a", "c", "=", "d"}, 1, ""},
		{nil, "test", []string{"x", "-o", "x", "-a", ""}, 0, ""},
		{nil, "test", []string{"", "-a", "x", "-o", "x"}, 0, ""},
		{nil, "test", []string{"!", "(", "a", "=", "b", ")"}, 0, ""},
		{nil, "test", []string{"!", "!", "a", "=", "b"}, 1, ""},
		{nil, "test", []string{"(", "x", "-a", "y", "z"}, 2, "test: `)' expected, found z"},
		{nil, "test", []string{"a", "=", "b", "-o", "-q"}, 2, "test: -q: unary operator expected"},
		{nil, "test", []string{"x", "-a", "x", "-a", "!"}, 2, "test: argument expected"},
		{nil, "test", []string{"x", "-a", "x", "-a", "-f"}, 2, "test: argument expected"},
		{nil, "test", []string{"x", "-a", "x", "-a", "-"}, 0, ""},
		{nil, "test", []string{"a", "=", "a", "x", "y"}, 2, "test: too many arguments"},
		{rootTester, "test", []string{"-f", "/etc/passwd", "-a", "-d", "/etc"}, 0, ""},
		{rootTester, "test", []string{"-f", "/etc", "-o", "-d", "/etc"}, 0, ""},
		// Both sides of -o are evaluated, errors included.
		{nil, "test", []string{"1", "-eq", "1", "-o", "x", "-eq", "y"}, 2, "test: x: integer expression expected"},

		// Integers: blanks around, a sign, 64 bits.
		{nil, "test", []string{"1", "-eq", "1"}, 0, ""},
		{nil, "test", []string{"1", "-ne", "1"}, 1, ""},
		{nil, "test", []string{"1", "-lt", "2"}, 0, ""},
		{nil, "test", []string{"2", "-le", "2"}, 0, ""},
		{nil, "test", []string{"3", "-gt", "2"}, 0, ""},
		{nil, "test", []string{"2", "-ge", "3"}, 1, ""},
		{nil, "test", []string{"-1", "-lt", "0"}, 0, ""},
		{nil, "test", []string{"+3", "-eq", "3"}, 0, ""},
		{nil, "test", []string{" 5 ", "-eq", "5"}, 0, ""},
		{nil, "test", []string{"\n\t5\t", "-eq", "5"}, 0, ""},
		{nil, "test", []string{" ", "-eq", "0"}, 0, ""}, // legal_number's quirk
		{nil, "test", []string{"010", "-eq", "10"}, 0, ""},
		{nil, "test", []string{"9223372036854775807", "-gt", "0"}, 0, ""},
		{nil, "test", []string{"-9223372036854775808", "-lt", "0"}, 0, ""},
		{nil, "test", []string{"9223372036854775808", "-gt", "0"}, 2, "test: 9223372036854775808: integer expression expected"},
		{nil, "test", []string{"1", "-eq", "a"}, 2, "test: a: integer expression expected"},
		{nil, "test", []string{"a", "-eq", "1"}, 2, "test: a: integer expression expected"},
		{nil, "test", []string{"", "-eq", "0"}, 2, "test: : integer expression expected"},
		{nil, "test", []string{"5x", "-gt", "1"}, 2, "test: 5x: integer expression expected"},
		{nil, "test", []string{"5\n", "-eq", "5"}, 2, "test: 5\n: integer expression expected"},
		{nil, "test", []string{"-", "-eq", "0"}, 2, "test: -: integer expression expected"},
		{nil, "test", []string{"0x10", "-eq", "16"}, 2, "test: 0x10: integer expression expected"},
		{nil, "[", []string{"1", "-lt", "x", "]"}, 2, "[: x: integer expression expected"},

		// -t with and without a descriptor; -o NAME.
		{rootTester, "test", []string{"-t"}, 0, ""},
		{notty, "test", []string{"-t"}, 0, ""}, // one argument: a string
		{rootTester, "test", []string{"-t", "1"}, 0, ""},
		{notty, "test", []string{"-t", "1"}, 1, ""},
		{rootTester, "test", []string{"-t", "5"}, 1, ""},
		{rootTester, "test", []string{"-t", " 2 "}, 0, ""},
		{rootTester, "test", []string{"-t", "x"}, 1, ""},
		{rootTester, "test", []string{"-t", "4294967296"}, 1, ""},
		{rootTester, "test", []string{"a", "=", "a", "-a", "-t"}, 0, ""},
		{notty, "test", []string{"a", "=", "a", "-a", "-t"}, 1, ""},
		{rootTester, "test", []string{"-t", "1", "-a", "x"}, 0, ""},
		{rootTester, "test", []string{"-t", "x", "-a", "y"}, 2, "test: too many arguments"},
		{rootTester, "test", []string{"-o", "errexit"}, 0, ""},
		{rootTester, "test", []string{"-o", "nosuch"}, 1, ""},
		{notty, "test", []string{"-o", "errexit"}, 1, ""},

		// Files, as root (cwd /etc).
		{rootTester, "test", []string{"-e", "/etc/passwd"}, 0, ""},
		{rootTester, "test", []string{"-e", "passwd"}, 0, ""},
		{rootTester, "test", []string{"-a", "/etc"}, 0, ""},
		{rootTester, "test", []string{"-e", "/nope"}, 1, ""},
		{rootTester, "test", []string{"-e", ""}, 1, ""},
		{rootTester, "test", []string{"-d", ""}, 1, ""},
		{rootTester, "test", []string{"-f", "/etc/passwd"}, 0, ""},
		{rootTester, "test", []string{"-f", "/etc"}, 1, ""},
		{rootTester, "test", []string{"-f", "/dev/null"}, 1, ""},
		{rootTester, "test", []string{"-d", "/etc"}, 0, ""},
		{rootTester, "test", []string{"-d", "/etc/passwd"}, 1, ""},
		{rootTester, "test", []string{"-s", "/etc/passwd"}, 0, ""},
		{rootTester, "test", []string{"-s", "/etc/empty"}, 1, ""},
		{rootTester, "test", []string{"-s", "/nope"}, 1, ""},
		{rootTester, "test", []string{"-c", "/dev/null"}, 0, ""},
		{rootTester, "test", []string{"-c", "/dev/sda"}, 1, ""},
		{rootTester, "test", []string{"-b", "/dev/sda"}, 0, ""},
		{rootTester, "test", []string{"-b", "/dev/null"}, 1, ""},
		{rootTester, "test", []string{"-p", "/var/run/fifo"}, 0, ""},
		{rootTester, "test", []string{"-p", "/etc/passwd"}, 1, ""},
		{rootTester, "test", []string{"-S", "/dev/log"}, 0, ""},
		{rootTester, "test", []string{"-S", "/dev/null"}, 1, ""},
		{rootTester, "test", []string{"-k", "/tmp"}, 0, ""},
		{rootTester, "test", []string{"-k", "/etc"}, 1, ""},
		{rootTester, "test", []string{"-u", "/usr/bin/passwd"}, 0, ""},
		{rootTester, "test", []string{"-u", "/usr/bin/wall"}, 1, ""},
		{rootTester, "test", []string{"-g", "/usr/bin/wall"}, 0, ""},
		{rootTester, "test", []string{"-g", "/usr/bin/passwd"}, 1, ""},
		{rootTester, "test", []string{"-L", "/etc/link"}, 0, ""},
		{rootTester, "test", []string{"-h", "link"}, 0, ""},
		{rootTester, "test", []string{"-L", "/etc/passwd"}, 1, ""},
		{rootTester, "test", []string{"-L", "/etc/dangling"}, 0, ""},
		{rootTester, "test", []string{"-L", "/nope"}, 1, ""},
		{rootTester, "test", []string{"-L", ""}, 1, ""},
		{rootTester, "test", []string{"-f", "/etc/link"}, 0, ""},
		{rootTester, "test", []string{"-e", "/etc/dangling"}, 1, ""},
		{rootTester, "test", []string{"-e", "/etc/loop"}, 1, ""},

		// Access as the user, and owners.
		{aliceTester, "test", []string{"-r", "/etc/passwd"}, 0, ""},
		{aliceTester, "test", []string{"-w", "/etc/passwd"}, 1, ""},
		{aliceTester, "test", []string{"-x", "/etc/passwd"}, 1, ""},
		{aliceTester, "test", []string{"-x", "/usr/bin/passwd"}, 0, ""},
		{aliceTester, "test", []string{"-w", "/home/alice/own"}, 0, ""},
		{aliceTester, "test", []string{"-r", "/home/alice/group"}, 0, ""},
		{aliceTester, "test", []string{"-w", "/home/alice/group"}, 1, ""},
		{aliceTester, "test", []string{"-r", "/nope"}, 1, ""},
		{aliceTester, "test", []string{"-r", ""}, 1, ""},
		{rootTester, "test", []string{"-w", "/etc/passwd"}, 0, ""},
		{rootTester, "test", []string{"-r", "/home/alice/own"}, 0, ""},
		{rootTester, "test", []string{"-x", "/etc/passwd"}, 1, ""},
		{rootTester, "test", []string{"-x", "/etc"}, 0, ""},
		{aliceTester, "test", []string{"-O", "/home/alice/own"}, 0, ""},
		{aliceTester, "test", []string{"-O", "/home/alice/group"}, 1, ""},
		{aliceTester, "test", []string{"-G", "/home/alice/group"}, 0, ""},
		{aliceTester, "test", []string{"-G", "/etc/passwd"}, 1, ""},
		{aliceTester, "test", []string{"-O", "/nope"}, 1, ""},
		{rootTester, "test", []string{"-O", "/etc/passwd"}, 0, ""},
		{rootTester, "test", []string{"-O", "/home/alice/own"}, 1, ""},
		{rootTester, "test", []string{"-G", "/usr/bin/wall"}, 1, ""},
		{rootTester, "test", []string{"-N", "/var/log/messages"}, 0, ""},
		{rootTester, "test", []string{"-N", "/var/log/read"}, 1, ""},
		{rootTester, "test", []string{"-N", "/etc/passwd"}, 0, ""}, // read in the second it changed
		{rootTester, "test", []string{"-N", "/nope"}, 1, ""},

		// Comparing files: whole seconds; a missing file is older.
		{rootTester, "test", []string{"/etc/newer", "-nt", "/etc/older"}, 0, ""},
		{rootTester, "test", []string{"/etc/older", "-nt", "/etc/newer"}, 1, ""},
		{rootTester, "test", []string{"/etc/older", "-ot", "/etc/newer"}, 0, ""},
		{rootTester, "test", []string{"/etc/newer", "-ot", "/etc/older"}, 1, ""},
		{rootTester, "test", []string{"/etc/newer", "-nt", "/nope"}, 0, ""},
		{rootTester, "test", []string{"/nope", "-nt", "/etc/older"}, 1, ""},
		{rootTester, "test", []string{"/nope", "-ot", "/etc/older"}, 0, ""},
		{rootTester, "test", []string{"/etc/older", "-ot", "/nope"}, 1, ""},
		{rootTester, "test", []string{"/nope", "-nt", "/nope"}, 1, ""},
		{rootTester, "test", []string{"/nope", "-ot", "/nope"}, 1, ""},
		{rootTester, "test", []string{"/etc/same-sec", "-nt", "/etc/passwd"}, 1, ""},
		{rootTester, "test", []string{"", "-ot", "/etc/passwd"}, 0, ""},
		{rootTester, "test", []string{"/etc/passwd", "-ef", "/etc/hard"}, 0, ""},
		{rootTester, "test", []string{"/etc/passwd", "-ef", "link"}, 0, ""},
		{rootTester, "test", []string{"/etc/passwd", "-ef", "/etc/empty"}, 1, ""},
		{rootTester, "test", []string{"/nope", "-ef", "/nope"}, 1, ""},
		{rootTester, "[", []string{"/etc/passwd", "-ef", "/etc/hard", "]"}, 0, ""},
	}
	for _, tt := range tests {
		ft := tt.ft
		if ft == nil {
			ft = rootTester
		}
		status, msg := classicTest(ft, tt.name, tt.args)
		if status != tt.status || msg != tt.msg {
			t.Errorf("classicTest(%s %q) = %d, %q; want %d, %q", tt.name, tt.args, status, msg, tt.status, tt.msg)
		}
	}
}

// Test that [[ ]]'s entry points agree with test's operators and refuse
// what bash 3.2 lacks.
func TestUnaryBinaryTest(t *testing.T) {
	t.Parallel()
	unary := []struct {
		op, x string
		want  bool
	}{
		{"-f", "/etc/passwd", true},
		{"-d", "/etc/passwd", false},
		{"-e", "", false},
		{"-n", "x", true},
		{"-z", "x", false},
		{"-t", "0", true},
		{"-t", "", false},
		{"-o", "errexit", true},
		{"-v", "x", false},
		{"-R", "x", false},
		{"-ff", "/etc/passwd", false},
		{"f", "/etc/passwd", false},
	}
	for _, tt := range unary {
		if got := unaryTest(rootTester, tt.op, tt.x); got != tt.want {
			t.Errorf("unaryTest(%q, %q) = %v; want %v", tt.op, tt.x, got, tt.want)
		}
	}
	binary := []struct {
		op, x, y string
		want     bool
		failure  string
	}{
		{"==", "a", "a", true, ""},
		{"=", "a*", "abc", false, ""}, // patterns are the caller's
		{"!=", "a", "b", true, ""},
		{"<", "abc", "abd", true, ""},
		{">", "a", "", true, ""},
		{"-eq", "-0", "0", true, ""},
		{"-lt", "x", "1", false, "x: integer expression expected"},
		{"-ge", "1", "", false, ": integer expression expected"},
		{"-nt", "/etc/newer", "/etc/older", true, ""},
		{"-ef", "/etc/hard", "/etc/passwd", true, ""},
		{"=~", "a", "a", false, "=~: binary operator expected"},
		{"-a", "a", "a", false, "-a: binary operator expected"},
	}
	for _, tt := range binary {
		got, failure := binaryTest(rootTester, tt.op, tt.x, tt.y)
		if got != tt.want || failure != tt.failure {
			t.Errorf("binaryTest(%q, %q, %q) = %v, %q; want %v, %q", tt.op, tt.x, tt.y, got, failure, tt.want, tt.failure)
		}
	}
}

func TestTestInteger(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"42", 42, true},
		{"-42", -42, true},
		{"+7", 7, true},
		{" \t\n\v\f\r12 \t", 12, true},
		{"  ", 0, true},
		{"", 0, false},
		{"-", 0, false},
		{" -", 0, false},
		{"+ 1", 0, false},
		{"1 2", 0, false},
		{"12\n", 0, false},
		{"9223372036854775807", 9223372036854775807, true},
		{"-9223372036854775808", -9223372036854775808, true},
		{"9223372036854775808", 0, false},
		{"-9223372036854775809", 0, false},
		{"99999999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := testInteger(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("testInteger(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// ownerTester reads owners with its own method rather than Sys().
type ownerTester struct{ *fakeTester }

func (ownerTester) FileOwner(fs.FileInfo) (uid, gid int, ok bool) { return 501, 7, true }

// plainInfo is a FileInfo whose Sys() has no method test reads.
type plainTester struct{ *fakeTester }

type plainInfo struct{ fs.FileInfo }

func (plainInfo) Sys() any { return nil }

func (p plainTester) Stat(name string, follow bool) (fs.FileInfo, error) {
	fi, err := p.fakeTester.Stat(name, follow)
	if err != nil {
		return nil, err
	}
	return plainInfo{fi}, nil
}

func TestFileOwnerSources(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ft   FileTester
		args []string
		want int
	}{
		{ownerTester{aliceTester}, []string{"-O", "/etc/passwd"}, 0},
		{ownerTester{aliceTester}, []string{"-G", "/etc/passwd"}, 1},
		// Without owners, files are root's; without inodes nothing is
		// the same file; without atimes -N is false.
		{plainTester{rootTester}, []string{"-O", "/home/alice/own"}, 0},
		{plainTester{aliceTester}, []string{"-O", "/home/alice/own"}, 1},
		{plainTester{rootTester}, []string{"/etc/passwd", "-ef", "/etc/hard"}, 1},
		{plainTester{rootTester}, []string{"-N", "/var/log/messages"}, 1},
	}
	for _, tt := range tests {
		if got, _ := classicTest(tt.ft, "test", tt.args); got != tt.want {
			t.Errorf("classicTest(%T, %q) = %d; want %d", tt.ft, tt.args, got, tt.want)
		}
	}
}

// A FileTester that panics must not be mistaken for a syntax error.
type panickyTester struct{ *fakeTester }

func (panickyTester) Stat(string, bool) (fs.FileInfo, error) { panic(errors.New("boom")) }

func TestClassicTestPassesPanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if r := recover(); r == nil {
			t.Errorf("classicTest swallowed the FileTester's panic")
		}
	}()
	classicTest(panickyTester{rootTester}, "test", []string{"-f", "/etc/passwd"})
}

func FuzzClassicTest(f *testing.F) {
	for _, s := range []string{
		"", "x", "! x", "-f /etc/passwd", "( a = b ) -o ! -t", "1 -eq x",
		"-t 1 -a -N /var/log/read", "( ( x ) ]", "! ! ! ( -a -o -a )",
		"/etc/newer -nt /nope -o /etc/link -ef passwd",
	} {
		f.Add(s, true)
		f.Add(s+" ]", false)
	}
	f.Fuzz(func(t *testing.T, line string, plain bool) {
		args := strings.Split(line, " ")
		name := "["
		if plain {
			name = "test"
		}
		status, msg := classicTest(rootTester, name, args)
		switch {
		case status < 0 || status > 2:
			t.Fatalf("classicTest(%s %q) = %d", name, args, status)
		case (status == 2) != (msg != ""):
			t.Fatalf("classicTest(%s %q) = %d, %q: a message goes with status 2 only", name, args, status, msg)
		case msg != "" && !strings.HasPrefix(msg, name+": "):
			t.Fatalf("classicTest(%s %q) message %q lacks the name", name, args, msg)
		}
	})
}

func BenchmarkClassicTest(b *testing.B) {
	cases := [][]string{
		{"-f", "/etc/passwd", "]"},
		{"-n", "x", "]"},
		{"a", "=", "b", "]"},
		{"-x", "/usr/bin/passwd", "-a", "!", "-d", "/etc", "]"},
	}
	for b.Loop() {
		for _, c := range cases {
			classicTest(rootTester, "[", c)
		}
	}
}
