package vfs

import (
	"fmt"
	"io/fs"
	"testing"
	"time"
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
