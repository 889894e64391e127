package vfs

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/afero"
)

func mustDo(t *testing.T, f *FS, calls ...string) {
	t.Helper()
	for _, c := range calls {
		if err := do(f, c); err != nil {
			t.Fatalf("%s = %v; want nil", c, err)
		}
	}
}

// exists reports whether Lstat finds name.
func exists(f *FS, name string) bool {
	_, err := f.Lstat(name)
	return err == nil
}

func TestRemoveLinkKeepsTarget(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	mustDo(t, f, "Remove /etc/init.d", "RemoveAll /etc/rc3.d", "Remove /tofile")
	for name, want := range map[string]bool{
		"/etc/init.d": false, "/etc/rc3.d": false, "/tofile": false,
		"/etc/rc.d/init.d/sshd": true, "/etc/rc.d/rc3.d/S55sshd": true, "/etc/passwd": true,
	} {
		if got := exists(f, name); got != want {
			t.Errorf("exists(%q) = %v; want %v", name, got, want)
		}
	}
}

func TestRemoveAllSubtree(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	mustDo(t, f, "Link /tmp/a/b/f /etc/hard")
	bytes0, entries0 := f.Usage()
	mustDo(t, f, "RemoveAll /tmp/a")
	for name, want := range map[string]bool{
		"/tmp/a": false, "/tmp/a/b/f": false, "/tmp": true,
		"/etc/passwd": true, "/etc/rc.d/init.d/sshd": true, // /tmp/a/ln -> /etc not followed
	} {
		if got := exists(f, name); got != want {
			t.Errorf("exists(%q) = %v; want %v", name, got, want)
		}
	}
	if got := read(f, "/etc/hard"); got != "deep" {
		t.Errorf("read(/etc/hard) = %q; want %q (a hard link outside survives)", got, "deep")
	}
	bytes1, entries1 := f.Usage()
	// Gone: /tmp/a, /tmp/a/b, /tmp/a/ln; f lives on as /etc/hard.
	if bytes1 != bytes0 || entries1 != entries0-3 {
		t.Errorf("Usage() after RemoveAll = %d, %d; want %d, %d", bytes1, entries1, bytes0, entries0-3)
	}
	st, _ := f.Stat("/etc/hard")
	if got := sys(t, st).Nlink; got != 1 {
		t.Errorf("Stat(/etc/hard).Nlink = %d; want 1", got)
	}
	tmp, _ := f.Stat("/tmp")
	if got := sys(t, tmp).Nlink; got != 2 {
		t.Errorf("Stat(/tmp).Nlink = %d; want 2", got)
	}
}

func TestRemoveAllRoot(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	if err := f.RemoveAll("/"); !errors.Is(err, syscall.EBUSY) {
		t.Errorf("RemoveAll(/) = %v; want EBUSY", err)
	}
	if b, e := f.Usage(); b != 0 || e != 1 {
		t.Errorf("Usage() after RemoveAll(/) = %d, %d; want 0, 1", b, e)
	}
}

func TestRename(t *testing.T) {
	t.Parallel()
	t.Run("link stays a link", func(t *testing.T) {
		t.Parallel()
		f := baseFS(t)
		mustDo(t, f, "Rename /etc/rc.d/rc3.d/S55sshd /etc/rc.d/rc3.d/K25sshd")
		got, err := f.Readlink("/etc/rc.d/rc3.d/K25sshd")
		if got != "../init.d/sshd" || err != nil {
			t.Errorf("Readlink(K25sshd) = %q, %v; want %q, nil", got, err, "../init.d/sshd")
		}
		if got := read(f, "/etc/rc3.d/K25sshd"); got != "#!/bin/bash\n" {
			t.Errorf("read(K25sshd) = %q; want the script", got)
		}
	})
	t.Run("moves a subtree", func(t *testing.T) {
		t.Parallel()
		f := baseFS(t)
		mustDo(t, f, "Rename /tmp/a /etc/z")
		if got := read(f, "/etc/z/b/f"); got != "deep" {
			t.Errorf("read(/etc/z/b/f) = %q; want %q", got, "deep")
		}
		if got, _ := f.EvalSymlinks("/etc/z/b/.."); got != "/etc/z" {
			t.Errorf("EvalSymlinks(/etc/z/b/..) = %q; want /etc/z", got)
		}
		if got, _ := f.EvalSymlinks("/etc/z/.."); got != "/etc" {
			t.Errorf("EvalSymlinks(/etc/z/..) = %q; want /etc", got)
		}
		for name, want := range map[string]int{"/tmp": 2, "/etc": 5} {
			fi, _ := f.Stat(name)
			if got := sys(t, fi).Nlink; got != want {
				t.Errorf("Stat(%s).Nlink = %d; want %d", name, got, want)
			}
		}
	})
	t.Run("replaces a file", func(t *testing.T) {
		t.Parallel()
		f := baseFS(t)
		_, e0 := f.Usage()
		mustDo(t, f, "Rename /etc/passwd /tmp/a/b/f")
		if got := read(f, "/tmp/a/b/f"); got != "root:x:0:0:root:/root:/bin/bash\n" {
			t.Errorf("read(/tmp/a/b/f) = %q; want passwd's content", got)
		}
		if exists(f, "/etc/passwd") {
			t.Errorf("exists(/etc/passwd) = true; want false")
		}
		if _, e := f.Usage(); e != e0-1 {
			t.Errorf("Usage() entries = %d; want %d", e, e0-1)
		}
	})
	t.Run("onto itself", func(t *testing.T) {
		t.Parallel()
		f := baseFS(t)
		mustDo(t, f, "Link /etc/passwd /etc/p2", "Rename /etc/passwd /etc/p2", "Rename /tmp /tmp/", "Rename /etc/init.d /etc/init.d")
		for _, name := range []string{"/etc/passwd", "/etc/p2", "/tmp", "/etc/init.d"} {
			if !exists(f, name) {
				t.Errorf("exists(%q) = false; want true", name)
			}
		}
	})
	t.Run("onto an empty directory", func(t *testing.T) {
		t.Parallel()
		f := baseFS(t)
		mustDo(t, f, "Rename /tmp/a /etc/empty")
		if got := read(f, "/etc/empty/b/f"); got != "deep" {
			t.Errorf("read(/etc/empty/b/f) = %q; want %q", got, "deep")
		}
	})
	t.Run("replaces a link, not its target", func(t *testing.T) {
		t.Parallel()
		f := baseFS(t)
		mustDo(t, f, "Rename /tmp/a/b/f /tofile")
		if got := read(f, "/etc/passwd"); got != "root:x:0:0:root:/root:/bin/bash\n" {
			t.Errorf("read(/etc/passwd) = %q; want it untouched", got)
		}
		if fi, err := f.Lstat("/tofile"); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("Lstat(/tofile) = %v, %v; want a regular file", fi, err)
		}
	})
}

func TestModes(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	h, err := f.OpenFile("/tmp/secret", os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	mustDo(t, f, "Create /tmp/new")
	if err := f.Mkdir("/tmp/sticky", fs.ModeSticky|0o1777); err != nil {
		t.Fatal(err)
	}
	if err := f.Mkdir("/tmp/priv", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := f.Chmod("/etc/init.d", fs.ModeDir|fs.ModeSetgid|0o750); err != nil { // follows the link
		t.Fatal(err)
	}
	if err := f.Chmod("/etc/passwd", fs.ModeDir|fs.ModeSetuid|0o4755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want fs.FileMode
	}{
		{"/tmp/new", 0o666},
		{"/tmp/secret", 0o600},
		{"/tmp/sticky", fs.ModeDir | fs.ModeSticky | 0o777},
		{"/tmp/priv", fs.ModeDir | 0o700},
		{"/etc/rc.d/init.d", fs.ModeDir | fs.ModeSetgid | 0o750},
		{"/etc/passwd", fs.ModeSetuid | 0o755}, // Chmod sets no type bits
		{"/", fs.ModeDir | 0o755},
	}
	for _, tc := range tests {
		fi, err := f.Stat(tc.name)
		if err != nil || fi.Mode() != tc.want {
			t.Errorf("Stat(%q).Mode() = %v, %v; want %v", tc.name, modeOf(fi), err, tc.want)
		}
	}
	fi, _ := f.Lstat("/etc/init.d")
	if want := fs.ModeSymlink | 0o777; fi.Mode() != want {
		t.Errorf("Lstat(/etc/init.d).Mode() = %v; want %v", fi.Mode(), want)
	}
}

func modeOf(fi fs.FileInfo) fs.FileMode {
	if fi == nil {
		return 0
	}
	return fi.Mode()
}

func TestOwners(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	if err := f.Chown("/etc/init.d", 48, 48); err != nil { // follows
		t.Fatal(err)
	}
	if err := f.Lchown("/etc/rc3.d", 7, 8); err != nil { // the link itself
		t.Fatal(err)
	}
	if err := f.Chown("/etc/passwd", -1, 5); err != nil { // uid unchanged
		t.Fatal(err)
	}
	if err := f.Mknod("/tmp/tty", os.ModeDevice|os.ModeCharDevice|0o620, 0, 5); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		lstat    bool
		uid, gid int
	}{
		{"/etc/rc.d/init.d", false, 48, 48},
		{"/etc/init.d", true, 0, 0},
		{"/etc/rc3.d", true, 7, 8},
		{"/etc/rc.d/rc3.d", false, 0, 0},
		{"/etc/passwd", false, 0, 5},
		{"/tmp/tty", false, 0, 5},
		{"/tmp/a/b/f", false, 0, 0},
	}
	for _, tc := range tests {
		stat := f.Stat
		if tc.lstat {
			stat = f.Lstat
		}
		fi, err := stat(tc.name)
		if err != nil {
			t.Errorf("Stat(%q) = %v", tc.name, err)
			continue
		}
		if st := sys(t, fi); st.Uid != tc.uid || st.Gid != tc.gid {
			t.Errorf("Stat(%q) owner = %d:%d; want %d:%d", tc.name, st.Uid, st.Gid, tc.uid, tc.gid)
		}
	}
}

func TestNlinkAndIno(t *testing.T) {
	t.Parallel()
	f := New()
	mustDo(t, f, "Mkdir /a", "Mkdir /b", "Mkdir /a/x", "Write /a/f hi", "Link /a/f /b/g", "Symlink a /l")
	tests := []struct {
		name  string
		nlink int
		ino   uint64
	}{
		{"/", 4, 2},
		{"/a", 3, 11},
		{"/b", 2, 12},
		{"/a/x", 2, 13},
		{"/a/f", 2, 14},
		{"/b/g", 2, 14},
		{"/l", 1, 15},
	}
	for _, tc := range tests {
		fi, err := f.Lstat(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		if st := sys(t, fi); st.Nlink != tc.nlink || st.Ino != tc.ino {
			t.Errorf("Lstat(%q) nlink, ino = %d, %d; want %d, %d", tc.name, st.Nlink, st.Ino, tc.nlink, tc.ino)
		}
	}
	mustDo(t, f, "Remove /a/f", "Remove /a/x")
	for name, want := range map[string]int{"/b/g": 1, "/a": 2, "/": 4} {
		fi, _ := f.Stat(name)
		if got := sys(t, fi).Nlink; got != want {
			t.Errorf("after Remove: Stat(%q).Nlink = %d; want %d", name, got, want)
		}
	}
	if got := read(f, "/b/g"); got != "hi" {
		t.Errorf("read(/b/g) = %q; want %q", got, "hi")
	}
	// Numbers are never reused.
	mustDo(t, f, "Create /c")
	fi, _ := f.Stat("/c")
	if got := sys(t, fi).Ino; got != 16 {
		t.Errorf("Stat(/c).Ino = %d; want 16", got)
	}
}

func TestTimes(t *testing.T) {
	t.Parallel()
	f := New(WithClock(ticker()))
	mtime := func(name string) time.Time {
		t.Helper()
		fi, err := f.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		return fi.ModTime()
	}
	if got := New().inodes.get(rootIno).mtime; !got.Equal(defaultTime) {
		t.Errorf("New() root mtime = %v; want %v", got, defaultTime)
	}
	mustDo(t, f, "Mkdir /d")
	d0 := mtime("/d")
	mustDo(t, f, "Write /d/f x")
	f0, d1 := mtime("/d/f"), mtime("/d")
	if !d1.After(d0) {
		t.Errorf("mtime(/d) after create = %v; want after %v", d1, d0)
	}
	mustDo(t, f, "Append /d/f y")
	if f1 := mtime("/d/f"); !f1.After(f0) {
		t.Errorf("mtime(/d/f) after write = %v; want after %v", f1, f0)
	}
	if mtime("/d") != d1 {
		t.Errorf("mtime(/d) changed on a write to /d/f")
	}
	f1 := mtime("/d/f")
	mustDo(t, f, "Truncate /d/f")
	if f2 := mtime("/d/f"); !f2.After(f1) {
		t.Errorf("mtime(/d/f) after Truncate = %v; want after %v", f2, f1)
	}
	f2 := mtime("/d/f")
	read(f, "/d/f")
	if got := mtime("/d/f"); got != f2 {
		t.Errorf("mtime(/d/f) after a read = %v; want %v", got, f2)
	}
	mustDo(t, f, "Remove /d/f")
	if d2 := mtime("/d"); !d2.After(d1) {
		t.Errorf("mtime(/d) after remove = %v; want after %v", d2, d1)
	}
	at := time.Date(2010, 1, 2, 3, 4, 5, 0, time.UTC)
	mt := time.Date(2011, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := f.Chtimes("/d", at, mt); err != nil {
		t.Fatal(err)
	}
	if err := f.Chtimes("/d", time.Time{}, time.Time{}); err != nil { // zero: unchanged
		t.Fatal(err)
	}
	fi, _ := f.Stat("/d")
	if fi.ModTime() != mt || sys(t, fi).Atime != at || !sys(t, fi).Ctime.After(mt) {
		t.Errorf("after Chtimes: mtime %v atime %v ctime %v; want %v %v and a later ctime",
			fi.ModTime(), sys(t, fi).Atime, sys(t, fi).Ctime, mt, at)
	}
	later := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	f.SetClock(func() time.Time { return later })
	mustDo(t, f, "Create /d/g")
	if got := mtime("/d/g"); got != later {
		t.Errorf("mtime(/d/g) after SetClock = %v; want %v", got, later)
	}
}

func TestOpenFlags(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	mustDo(t, f, "Write /f hello", "Append /f _world")
	if got := read(f, "/f"); got != "hello_world" {
		t.Errorf("after O_APPEND: read(/f) = %q; want %q", got, "hello_world")
	}
	h, err := f.OpenFile("/f", os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	h.Seek(0, io.SeekStart)
	h.WriteString("!") // O_APPEND ignores the offset
	if _, err := h.WriteAt([]byte("x"), 0); err == nil {
		t.Errorf("WriteAt on O_APPEND = nil; want an error")
	}
	h.Close()
	if got := read(f, "/f"); got != "hello_world!" {
		t.Errorf("read(/f) = %q; want %q", got, "hello_world!")
	}

	h, _ = f.OpenFile("/f", os.O_RDONLY|os.O_TRUNC, 0) // Linux truncates even so
	h.Close()
	if got := read(f, "/f"); got != "" {
		t.Errorf("after O_TRUNC: read(/f) = %q; want empty", got)
	}

	ro, _ := f.Open("/etc/passwd")
	if _, err := ro.Write([]byte("x")); !errors.Is(err, syscall.EBADF) {
		t.Errorf("Write on O_RDONLY = %v; want EBADF", err)
	}
	if err := ro.Truncate(0); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("Truncate on O_RDONLY = %v; want EINVAL", err)
	}
	ro.Close()
	if err := ro.Close(); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("second Close = %v; want fs.ErrClosed", err)
	}
	if _, err := ro.Read(make([]byte, 1)); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Read after Close = %v; want fs.ErrClosed", err)
	}
	wo, _ := f.OpenFile("/etc/passwd", os.O_WRONLY, 0)
	if _, err := wo.Read(make([]byte, 1)); !errors.Is(err, syscall.EBADF) {
		t.Errorf("Read on O_WRONLY = %v; want EBADF", err)
	}
	wo.Close()

	d, _ := f.Open("/etc")
	if _, err := d.Read(make([]byte, 1)); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("Read on a directory = %v; want EISDIR", err)
	}
	d.Close()

	// Writing past the end fills the gap with zeros; Seek and ReadAt.
	rw, _ := f.OpenFile("/g", os.O_RDWR|os.O_CREATE, 0o644)
	rw.WriteString("ab")
	rw.Truncate(0)
	rw.WriteAt([]byte("z"), 3)
	if pos, _ := rw.Seek(-1, io.SeekEnd); pos != 3 {
		t.Errorf("Seek(-1, end) = %d; want 3", pos)
	}
	buf := make([]byte, 8)
	n, err := rw.ReadAt(buf, 0)
	if got := string(buf[:n]); got != "\x00\x00\x00z" || err != io.EOF {
		t.Errorf("ReadAt(0) = %q, %v; want %q, EOF", got, err, "\x00\x00\x00z")
	}
	if _, err := rw.Seek(-5, io.SeekCurrent); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("Seek(-5, current) = %v; want EINVAL", err)
	}
	if _, err := rw.WriteAt([]byte("x"), 1<<40); !errors.Is(err, syscall.EFBIG) {
		t.Errorf("WriteAt(1<<40) = %v; want EFBIG", err)
	}
	if _, err := rw.WriteAt([]byte("x"), math.MaxInt64); !errors.Is(err, syscall.EFBIG) {
		t.Errorf("WriteAt(MaxInt64) = %v; want EFBIG", err)
	}
	rw.Close()

	d, _ = f.Open("/etc")
	if _, err := d.Seek(3, io.SeekStart); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("Seek(3, start) on a directory = %v; want EINVAL", err)
	}
	d.Close()
}

func TestQuota(t *testing.T) {
	t.Parallel()
	f := New(WithQuota(10, 4)) // "/" plus three inodes
	mustDo(t, f, "Write /a 12345", "Mkdir /d")
	if err := do(f, "Write /b 123456"); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Write /b 123456 = %v; want ENOSPC", err)
	}
	// The file was created (entry 4) before the write failed; it is empty.
	if got := read(f, "/b"); got != "" {
		t.Errorf("read(/b) = %q; want empty", got)
	}
	if err := do(f, "Append /a 678901"); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Append /a 678901 = %v; want ENOSPC", err)
	}
	if got := read(f, "/a"); got != "12345" {
		t.Errorf("after a failed write: read(/a) = %q; want %q", got, "12345")
	}
	for _, call := range []string{"Create /c", "Mkdir /e", "Symlink a /l", "Mknod /null"} {
		if err := do(f, call); !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("%s = %v; want ENOSPC", call, err)
		}
	}
	if err := do(f, "Link /a /a2"); err != nil { // no new inode
		t.Errorf("Link /a /a2 = %v; want nil", err)
	}
	h, _ := f.OpenFile("/a", os.O_WRONLY, 0)
	if err := h.Truncate(11); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Truncate(11) = %v; want ENOSPC", err)
	}
	h.Close()
	if b, e := f.Usage(); b != 5 || e != 4 {
		t.Errorf("Usage() = %d, %d; want 5, 4", b, e)
	}
	mustDo(t, f, "Remove /b", "Append /a 67890", "Create /c")
	if b, e := f.Usage(); b != 10 || e != 4 {
		t.Errorf("Usage() = %d, %d; want 10, 4", b, e)
	}
	// A clone keeps the quota.
	if err := do(f.Clone(), "Append /a x"); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Clone: Append /a x = %v; want ENOSPC", err)
	}
}

func TestDevice(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	mustDo(t, f, "Mkdir /dev", "Mknod /dev/null")
	h, err := f.OpenFile("/dev/null", os.O_RDWR|os.O_TRUNC|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := h.WriteString("discarded"); n != 9 || err != nil {
		t.Errorf("WriteString(/dev/null) = %d, %v; want 9, nil", n, err)
	}
	if n, err := h.Read(make([]byte, 4)); n != 0 || err != io.EOF {
		t.Errorf("Read(/dev/null) = %d, %v; want 0, EOF", n, err)
	}
	h.Close()
	fi, _ := f.Stat("/dev/null")
	if want := os.ModeDevice | os.ModeCharDevice | 0o666; fi.Mode() != want || fi.Size() != 0 {
		t.Errorf("Stat(/dev/null) = %v size %d; want %v size 0", fi.Mode(), fi.Size(), want)
	}
	if b, _ := f.Usage(); b != baseBytes(t) {
		t.Errorf("Usage() bytes = %d; want %d (devices hold nothing)", b, baseBytes(t))
	}
}

func baseBytes(t testing.TB) int64 {
	b, _ := baseFS(t).Usage()
	return b
}

func TestHardLink(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	_, e0 := f.Usage()
	mustDo(t, f, "Link /etc/passwd /tmp/pw", "Append /tmp/pw more")
	if got := read(f, "/etc/passwd"); got != "root:x:0:0:root:/root:/bin/bash\nmore" {
		t.Errorf("read(/etc/passwd) = %q; want the write through /tmp/pw", got)
	}
	if _, e := f.Usage(); e != e0 {
		t.Errorf("Usage() entries = %d; want %d (a hard link is no new inode)", e, e0)
	}
	mustDo(t, f, "Link /etc/init.d /tmp/initlink")
	if got, err := f.Readlink("/tmp/initlink"); got != "rc.d/init.d" || err != nil {
		t.Errorf("Readlink(/tmp/initlink) = %q, %v; want %q (the link itself)", got, err, "rc.d/init.d")
	}
}

func TestReaddir(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	h, err := f.Open("/etc")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var got []string
	for {
		infos, err := h.Readdir(2)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, fi := range infos {
			got = append(got, fi.Mode().Type().String()[:1]+" "+fi.Name())
			if _, ok := fi.Sys().(*Stat); !ok {
				t.Errorf("Readdir(/etc) %s: Sys() = %T; want *Stat", fi.Name(), fi.Sys())
			}
		}
	}
	want := []string{"d empty", "L init.d", "- passwd", "d rc.d", "L rc3.d"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Readdir(/etc) mismatch (-want +got):\n%s", diff)
	}
	h.Seek(0, io.SeekStart)
	names, err := h.Readdirnames(-1)
	if want := []string{"empty", "init.d", "passwd", "rc.d", "rc3.d"}; !slices.Equal(names, want) || err != nil {
		t.Errorf("Readdirnames(-1) after Seek = %q, %v; want %q, nil", names, err, want)
	}
	if names, err := h.Readdirnames(1); len(names) != 0 || err != io.EOF {
		t.Errorf("Readdirnames(1) at end = %q, %v; want [], EOF", names, err)
	}
	if infos, err := h.Readdir(-1); len(infos) != 0 || err != nil {
		t.Errorf("Readdir(-1) at end = %v, %v; want [], nil", infos, err)
	}
	// Through a link to a directory.
	l, _ := f.Open("/etc/init.d")
	defer l.Close()
	if names, _ := l.Readdirnames(0); !slices.Equal(names, []string{"sshd"}) {
		t.Errorf("Readdirnames(/etc/init.d) = %q; want [sshd]", names)
	}
	// afero.Walk does not descend through links.
	var walked []string
	afero.Walk(f, "/etc", func(p string, _ fs.FileInfo, err error) error {
		walked = append(walked, p)
		return err
	})
	if len(walked) != 10 {
		t.Errorf("afero.Walk(/etc) visited %q; want 10 names", walked)
	}
}

func TestSymlinkEmptyTarget(t *testing.T) {
	t.Parallel()
	if err := New().Symlink("", "/l"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf(`Symlink("", "/l") = %v; want ENOENT`, err)
	}
}

func TestCreateThroughDanglingLink(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	mustDo(t, f, "Write /dangling2 made")
	if got := read(f, "/created"); got != "made" {
		t.Errorf("read(/created) = %q; want %q", got, "made")
	}
	if fi, _ := f.Lstat("/dangling2"); fi.Mode().Type() != fs.ModeSymlink {
		t.Errorf("Lstat(/dangling2).Mode() = %v; want a symlink still", fi.Mode())
	}
}

func TestOpenFileSurvivesRemove(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	b0, e0 := f.Usage()
	h, _ := f.OpenFile("/tmp/log", os.O_RDWR|os.O_CREATE, 0o644)
	h.WriteString("abc")
	mustDo(t, f, "Remove /tmp/log")
	c := f.Clone()
	h.WriteString("def")
	h.Seek(0, io.SeekStart)
	b, _ := io.ReadAll(h)
	if string(b) != "abcdef" {
		t.Errorf("read of a removed open file = %q; want %q", b, "abcdef")
	}
	if fi, _ := h.Stat(); sys(t, fi).Nlink != 0 {
		t.Errorf("Stat of a removed open file: Nlink = %d; want 0", sys(t, fi).Nlink)
	}
	if b, e := f.Usage(); b != b0+6 || e != e0+1 {
		t.Errorf("Usage() while open = %d, %d; want %d, %d", b, e, b0+6, e0+1)
	}
	if b, e := c.Usage(); b != b0 || e != e0 {
		t.Errorf("Clone().Usage() = %d, %d; want %d, %d", b, e, b0, e0)
	}
	h.Close()
	if b, e := f.Usage(); b != b0 || e != e0 {
		t.Errorf("Usage() after Close = %d, %d; want %d, %d", b, e, b0, e0)
	}
}

func TestConcurrent(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			name := "/tmp/w" + string(rune('0'+i))
			for range 50 {
				do(f, "Append "+name+" x")
				do(f, "Stat /etc/rc3.d/S55sshd")
				f.Clone()
				do(f, "Readdir /tmp")
			}
		})
	}
	wg.Wait()
	if b, _ := f.Usage(); b != baseBytes(t)+200 {
		t.Errorf("Usage() bytes = %d; want %d", b, baseBytes(t)+200)
	}
}
