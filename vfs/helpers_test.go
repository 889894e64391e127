package vfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// tree builds an FS from specs, in order: "path/" makes a directory (0755),
// "path -> target" a symbolic link, "path=content" a file (0644).
func tree(t testing.TB, specs ...string) *FS {
	t.Helper()
	f := New()
	for _, s := range specs {
		var err error
		switch {
		case strings.Contains(s, " -> "):
			name, target, _ := strings.Cut(s, " -> ")
			err = f.Symlink(target, name)
		case strings.HasSuffix(s, "/"):
			err = f.Mkdir(s, 0o755)
		default:
			name, content, _ := strings.Cut(s, "=")
			err = afero.WriteFile(f, name, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatalf("tree(%q): %v", s, err)
		}
	}
	return f
}

// base is the tree most tests start from.
var base = []string{
	"/etc/",
	"/etc/rc.d/",
	"/etc/rc.d/init.d/",
	"/etc/rc.d/init.d/sshd=#!/bin/bash\n",
	"/etc/rc.d/rc3.d/",
	"/etc/rc.d/rc3.d/S55sshd -> ../init.d/sshd",
	"/etc/init.d -> rc.d/init.d",
	"/etc/rc3.d -> rc.d/rc3.d",
	"/etc/passwd=root:x:0:0:root:/root:/bin/bash\n",
	"/etc/empty/",
	"/abs -> /etc/rc.d",
	"/tofile -> etc/passwd",
	"/dangling -> /nowhere/x",
	"/dangling2 -> created",
	"/loop1 -> loop2",
	"/loop2 -> loop1",
	"/self -> self",
	"/tmp/",
	"/tmp/a/",
	"/tmp/a/b/",
	"/tmp/a/b/f=deep",
	"/tmp/a/ln -> /etc",
}

// baseFS returns a fresh copy of the base tree, built once.
var baseFS = func() func(testing.TB) *FS {
	var f atomic.Pointer[FS]
	return func(t testing.TB) *FS {
		if b := f.Load(); b != nil {
			return b.Clone()
		}
		b := tree(t, base...)
		f.CompareAndSwap(nil, b)
		return f.Load().Clone()
	}
}()

// errName shows err as "nil", or its errno name when it has one.
func errName(err error) string {
	if err == nil {
		return "nil"
	}
	var e syscall.Errno
	if errors.As(err, &e) {
		return fmt.Sprintf("%s (%v)", errnoName(e), err)
	}
	return err.Error()
}

func errnoName(e syscall.Errno) string {
	names := map[syscall.Errno]string{
		syscall.ENOENT: "ENOENT", syscall.ENOTDIR: "ENOTDIR", syscall.EEXIST: "EEXIST",
		syscall.EISDIR: "EISDIR", syscall.ENOTEMPTY: "ENOTEMPTY", syscall.EINVAL: "EINVAL",
		syscall.ELOOP: "ELOOP", syscall.EPERM: "EPERM", syscall.EBADF: "EBADF",
		syscall.ENOSPC: "ENOSPC", syscall.EBUSY: "EBUSY", syscall.ENAMETOOLONG: "ENAMETOOLONG",
	}
	if n, ok := names[e]; ok {
		return n
	}
	return fmt.Sprintf("errno %d", int(e))
}

// sameErr reports whether err is want: both nil, or err wraps want.
func sameErr(err, want error) bool {
	if want == nil {
		return err == nil
	}
	return errors.Is(err, want)
}

// read returns the content of name, or the error as text.
func read(f *FS, name string) string {
	b, err := afero.ReadFile(f, name)
	if err != nil {
		return "error: " + errName(err)
	}
	return string(b)
}

// ticker returns a clock that starts at 2014-09-30 12:00:00 UTC and
// advances one second per reading.
func ticker() func() time.Time {
	var n atomic.Int64
	return func() time.Time {
		return defaultTime.Add(time.Duration(n.Add(1)) * time.Second)
	}
}

// sys returns the *Stat of fi.
func sys(t testing.TB, fi fs.FileInfo) *Stat {
	t.Helper()
	st, ok := fi.Sys().(*Stat)
	if !ok {
		t.Fatalf("%s: Sys() = %T; want *vfs.Stat", fi.Name(), fi.Sys())
	}
	return st
}

// do runs one call written as "Op arg..." on f, closing any file it opens,
// and returns its error. It lets tables and the fuzz target share one
// vocabulary.
func do(f *FS, call string) error {
	args := strings.Fields(call)
	op, a := args[0], append(args[1:], "", "")
	open := func(flag int) error {
		h, err := f.OpenFile(a[0], flag, 0o644)
		if err == nil {
			err = h.Close()
		}
		return err
	}
	switch op {
	case "Create":
		h, err := f.Create(a[0])
		if err == nil {
			err = h.Close()
		}
		return err
	case "Open":
		return open(os.O_RDONLY)
	case "OpenW":
		return open(os.O_WRONLY)
	case "OpenRW":
		return open(os.O_RDWR)
	case "OpenCreate":
		return open(os.O_RDONLY | os.O_CREATE)
	case "OpenExcl":
		return open(os.O_WRONLY | os.O_CREATE | os.O_EXCL)
	case "Write": // Write name content: O_WRONLY|O_CREATE|O_TRUNC
		return afero.WriteFile(f, a[0], []byte(a[1]), 0o644)
	case "Append":
		h, err := f.OpenFile(a[0], os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		if _, err := h.WriteString(a[1]); err != nil {
			h.Close()
			return err
		}
		return h.Close()
	case "Mkdir":
		return f.Mkdir(a[0], 0o755)
	case "MkdirAll":
		return f.MkdirAll(a[0], 0o755)
	case "Remove":
		return f.Remove(a[0])
	case "RemoveAll":
		return f.RemoveAll(a[0])
	case "Rename":
		return f.Rename(a[0], a[1])
	case "Symlink":
		return f.Symlink(a[0], a[1])
	case "Link":
		return f.Link(a[0], a[1])
	case "Readlink":
		_, err := f.Readlink(a[0])
		return err
	case "Chmod":
		return f.Chmod(a[0], 0o700)
	case "Chown":
		return f.Chown(a[0], 1, 2)
	case "Lchown":
		return f.Lchown(a[0], 1, 2)
	case "Chtimes":
		return f.Chtimes(a[0], defaultTime, defaultTime)
	case "Stat":
		_, err := f.Stat(a[0])
		return err
	case "Lstat":
		_, err := f.Lstat(a[0])
		return err
	case "Readdir":
		h, err := f.Open(a[0])
		if err != nil {
			return err
		}
		defer h.Close()
		_, err = h.Readdir(-1)
		return err
	case "Mknod":
		return f.Mknod(a[0], os.ModeDevice|os.ModeCharDevice|0o666, 0, 0)
	case "MknodDir":
		return f.Mknod(a[0], os.ModeDir|0o755, 0, 0)
	case "Truncate":
		h, err := f.OpenFile(a[0], os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		defer h.Close()
		return h.Truncate(int64(len(a[1])))
	}
	panic("do: unknown op " + op)
}
