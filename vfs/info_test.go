package vfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/spf13/afero"
)

// describe shows every field of fi.
func describe(fi fs.FileInfo) string {
	st := fi.Sys().(*Stat)
	return fmt.Sprintf("%s %v %d %s %d:%d n%d i%d a%s c%s dir=%v", fi.Name(), fi.Mode(), fi.Size(),
		fi.ModTime().Format(time.TimeOnly), st.Uid, st.Gid, st.Nlink, st.Ino,
		st.Atime.Format(time.TimeOnly), st.Ctime.Format(time.TimeOnly), fi.IsDir())
}

// A FileInfo keeps describing the file as it was, whether the FS may
// change the inode in place (a snapshot) or the inode is shared with a
// clone (a pointer to it), and whichever side changes it.
func TestFileInfoIsASnapshot(t *testing.T) {
	t.Parallel()
	changes := []string{
		"Chmod /etc/passwd", "Chown /etc/passwd", "Chtimes /etc/passwd",
		"Append /etc/passwd more", "Truncate /etc/passwd", "Link /etc/passwd /etc/p2",
		"Remove /etc/passwd", "Rename /etc/passwd /tmp/p", "Create /etc/empty/x",
		"Chmod /etc/empty", "Remove /etc/empty",
	}
	// How the FileInfo's FS and the changed FS relate.
	setups := map[string]func(f *FS) (stat, change *FS){
		"same FS":              func(f *FS) (*FS, *FS) { return f, f },
		"clone, then the same": func(f *FS) (*FS, *FS) { c := f.Clone(); return c, c },
		"clone changes":        func(f *FS) (*FS, *FS) { return f, f.Clone() },
		"original changes":     func(f *FS) (*FS, *FS) { return f.Clone(), f },
	}
	for setup, split := range setups {
		for _, change := range changes {
			f := New(WithClock(ticker()))
			for _, call := range []string{"Mkdir /etc", "Mkdir /tmp", "Write /etc/passwd root", "Mkdir /etc/empty"} {
				mustDo(t, f, call)
			}
			stat, changed := split(f)
			var infos []fs.FileInfo
			for _, name := range []string{"/etc/passwd", "/etc/empty"} {
				fi, err := stat.Stat(name)
				if err != nil {
					t.Fatal(err)
				}
				infos = append(infos, fi)
				h, err := stat.Open(name)
				if err != nil {
					t.Fatal(err)
				}
				hi, _ := h.Stat()
				h.Close()
				infos = append(infos, hi)
			}
			h, _ := stat.Open("/etc")
			listed, _ := h.Readdir(-1)
			h.Close()
			infos = append(infos, listed...)
			var before []string
			for _, fi := range infos {
				before = append(before, describe(fi))
			}
			if err := do(changed, change); err != nil {
				t.Fatalf("%s: %s = %v", setup, change, err)
			}
			for i, fi := range infos {
				if got := describe(fi); got != before[i] {
					t.Errorf("%s, %s: FileInfo = %s; want %s", setup, change, got, before[i])
				}
			}
		}
	}
}

// A FileInfo's Sys is the caller's to change.
func TestFileInfoSysIsACopy(t *testing.T) {
	t.Parallel()
	f := baseFS(t) // a clone: its inodes are shared
	fi, err := f.Stat("/etc/passwd")
	if err != nil {
		t.Fatal(err)
	}
	fi.Sys().(*Stat).Uid = 42
	if got := fi.Sys().(*Stat).Uid; got != 0 {
		t.Errorf("Sys().Uid after changing an earlier Sys() = %d; want 0", got)
	}
	again, _ := f.Stat("/etc/passwd")
	if got := again.Sys().(*Stat).Uid; got != 0 {
		t.Errorf("Stat(/etc/passwd).Sys().Uid after changing an earlier one = %d; want 0", got)
	}
}

// The FileInfo kept in a shared inode is handed out only for its own name,
// and a changed inode, a new version, keeps none of it.
func TestSharedInodeInfo(t *testing.T) {
	t.Parallel()
	f := baseFS(t) // a clone: its inodes are shared
	tests := []struct{ name, want string }{
		{"/etc/rc.d/init.d", "init.d d rwxr-xr-x"},
		{"/etc/init.d", "init.d d rwxr-xr-x"},
		{"/etc/rc.d/init.d/", "init.d d rwxr-xr-x"},
		{"/etc/rc.d/init.d/.", ". d rwxr-xr-x"},
		{"/etc/rc3.d/../init.d", "init.d d rwxr-xr-x"},
		{"/abs/init.d", "init.d d rwxr-xr-x"},
		{"/tofile", "tofile - rw-r--r--"},
		{"/etc/passwd", "passwd - rw-r--r--"},
		{"/tofile", "tofile - rw-r--r--"},
	}
	for range 2 {
		for _, tt := range tests {
			fi, err := f.Stat(tt.name)
			if err != nil {
				t.Fatalf("Stat(%s) = %v", tt.name, err)
			}
			mode := fi.Mode()
			got := fmt.Sprintf("%s %s %s", fi.Name(), mode.Type().String()[:1], mode.Perm().String()[1:])
			if got != tt.want {
				t.Errorf("Stat(%s) = %s; want %s", tt.name, got, tt.want)
			}
		}
	}
	if err := f.Chmod("/etc/passwd", 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    *FS
		want fs.FileMode
	}{{f, 0o600}, {baseFS(t), 0o644}} {
		if fi, err := tt.f.Stat("/etc/passwd"); err != nil || fi.Mode() != tt.want {
			t.Errorf("Stat(/etc/passwd) after Chmod = %v, %v; want %v", fi, err, tt.want)
		}
	}
}

// Stat of an inode shared with a clone allocates nothing once it was
// stat'd by the same name.
func TestSharedInodeStatAllocs(t *testing.T) {
	f := baseFS(t)
	tests := []struct {
		name string
		stat func() (fs.FileInfo, error)
	}{
		{"Stat", func() (fs.FileInfo, error) { return f.Stat("/etc/rc.d/init.d/sshd") }},
		{"Lstat", func() (fs.FileInfo, error) { return f.Lstat("/etc/rc3.d") }},
	}
	for _, tt := range tests {
		if _, err := tt.stat(); err != nil {
			t.Fatal(err)
		}
		if got := testing.AllocsPerRun(100, func() { tt.stat() }); got != 0 {
			t.Errorf("%s of a shared inode: %v allocations; want 0", tt.name, got)
		}
	}
}

// An open file stays in the 80-byte allocation size class.
func TestOpenFileSize(t *testing.T) {
	t.Parallel()
	if got := unsafe.Sizeof(file{}); got > 80 {
		t.Errorf("unsafe.Sizeof(file{}) = %d; want 80 at most", got)
	}
}

// An inode freed by a removal may be reused for the next one made; what
// was said about the removed one stays true.
func TestFreedInodeReuse(t *testing.T) {
	t.Parallel()
	makers := []string{"Mkdir /tmp/new", "Write /tmp/new data", "Symlink /etc /tmp/new", "Mknod /tmp/new"}
	for _, removed := range []string{"/tmp/d", "/tmp/f"} {
		for _, maker := range makers {
			f := New(WithClock(ticker()))
			for _, call := range []string{"Mkdir /tmp", "Mkdir /tmp/d", "Write /tmp/f old"} {
				mustDo(t, f, call)
			}
			fi, err := f.Lstat(removed)
			if err != nil {
				t.Fatal(err)
			}
			h, _ := f.Open("/tmp")
			listed, _ := h.Readdir(-1)
			h.Close()
			before := describe(fi)
			var listedBefore []string
			for _, li := range listed {
				listedBefore = append(listedBefore, describe(li))
			}
			mustDo(t, f, "RemoveAll "+removed)
			mustDo(t, f, maker)
			if got := describe(fi); got != before {
				t.Errorf("%s, %s: FileInfo of %s = %s; want %s", removed, maker, removed, got, before)
			}
			for i, li := range listed {
				if got := describe(li); got != listedBefore[i] {
					t.Errorf("%s, %s: listed FileInfo = %s; want %s", removed, maker, got, listedBefore[i])
				}
			}
			if msg := invariants(f); msg != "" {
				t.Errorf("%s, %s: %s", removed, maker, msg)
			}
			if _, err := f.Lstat(removed); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s, %s: Lstat(%s) = %v; want ENOENT", removed, maker, removed, err)
			}
			if got := read(f, "/tmp/f"); removed != "/tmp/f" && got != "old" {
				t.Errorf("%s, %s: /tmp/f holds %q; want %q", removed, maker, got, "old")
			}
		}
	}
}

// ReadFileAt reads what Open, ReadAt and Close would, with their errors.
func TestReadFileAt(t *testing.T) {
	t.Parallel()
	f := New()
	if err := f.MkdirAll("/d", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(f, "/d/file", []byte("hello world"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := f.SymlinkIfPossible("/d/file", "/link"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		size int
		off  int64
		want string
		err  error
	}{
		{"/d/file", 5, 0, "hello", nil},
		{"/link", 5, 6, "world", nil},
		{"/d/file", 64, 0, "hello world", io.EOF},
		{"/d/file", 4, 11, "", io.EOF},
		{"/d/nosuch", 4, 0, "", fs.ErrNotExist},
		{"/d/file/x", 4, 0, "", syscall.ENOTDIR},
		{"/d", 4, 0, "", syscall.EISDIR},
	}
	for _, tt := range tests {
		p := make([]byte, tt.size)
		n, err := f.ReadFileAt(tt.name, p, tt.off)
		if string(p[:n]) != tt.want || !errors.Is(err, tt.err) && !(err == nil && tt.err == nil) {
			t.Errorf("ReadFileAt(%q, %d, %d) = %q, %v; want %q, %v", tt.name, tt.size, tt.off, p[:n], err, tt.want, tt.err)
		}
	}
}
