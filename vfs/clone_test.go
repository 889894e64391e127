package vfs

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// snapshot describes every entry of f, through the public API only:
// type, mode, owner, nlink, inode, size, mtime, and content or target.
func snapshot(t testing.TB, f *FS) map[string]string {
	t.Helper()
	snap := make(map[string]string)
	var walk func(name string)
	walk = func(name string) {
		fi, err := f.Lstat(name)
		if err != nil {
			t.Fatalf("snapshot: Lstat(%q) = %v", name, err)
		}
		st := sys(t, fi)
		desc := fmt.Sprintf("%v %d:%d n%d i%d s%d %s", fi.Mode(), st.Uid, st.Gid, st.Nlink, st.Ino,
			fi.Size(), fi.ModTime().Format(time.TimeOnly))
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, _ := f.Readlink(name)
			desc += " -> " + target
		case fi.Mode().IsRegular():
			desc += " " + read(f, name)
		case fi.IsDir():
			h, err := f.Open(name)
			if err != nil {
				t.Fatalf("snapshot: Open(%q) = %v", name, err)
			}
			names, _ := h.Readdirnames(-1)
			h.Close()
			for _, c := range names {
				walk(pathJoin(name, c))
			}
		}
		snap[name] = desc
	}
	walk("/")
	return snap
}

func pathJoin(dir, name string) string {
	if dir == "/" {
		return "/" + name
	}
	return dir + "/" + name
}

// mutations change every kind of state an FS has.
var mutations = []string{
	"Write /etc/passwd changed",
	"Append /tmp/a/b/f +more",
	"Chmod /etc/rc.d/init.d/sshd",
	"Chown /etc/init.d",
	"Lchown /etc/rc3.d",
	"Chtimes /tmp",
	"Symlink /etc/passwd /tmp/newlink",
	"Remove /etc/rc.d/rc3.d/S55sshd",
	"Rename /tmp/a /etc/moved",
	"Mkdir /etc/moved/newdir",
	"Link /etc/moved/b/f /etc/hard",
	"RemoveAll /etc/rc.d/init.d",
	"Mknod /etc/null",
	"Truncate /tofile ab",
	"Write /dangling2 made",
}

func TestCloneIndependence(t *testing.T) {
	t.Parallel()
	for _, mutateClone := range []bool{true, false} {
		t.Run(fmt.Sprintf("mutate clone %v", mutateClone), func(t *testing.T) {
			t.Parallel()
			orig := baseFS(t)
			orig.SetClock(ticker())
			clone := orig.Clone()
			want := snapshot(t, orig)
			changed, kept := clone, orig
			if !mutateClone {
				changed, kept = orig, clone
			}
			for _, m := range mutations {
				mustDo(t, changed, m)
				if diff := cmp.Diff(want, snapshot(t, kept)); diff != "" {
					t.Fatalf("after %s on the other FS, mismatch (-want +got):\n%s", m, diff)
				}
			}
			if diff := cmp.Diff(want, snapshot(t, changed)); diff == "" {
				t.Errorf("mutations changed nothing")
			}
			b, e := kept.Usage()
			wb, we := baseFS(t).Usage()
			if b != wb || e != we {
				t.Errorf("Usage() of the untouched FS = %d, %d; want %d, %d", b, e, wb, we)
			}
		})
	}
}

// TestCloneContent writes in place, inside the capacity of shared content
// arrays, on both sides of a clone.
func TestCloneContent(t *testing.T) {
	t.Parallel()
	a := New()
	mustDo(t, a, "Write /f 0123456789", "Append /f abc") // cap(data) > len(data)
	b := a.Clone()
	c := b.Clone()
	mustDo(t, a, "Append /f A")
	mustDo(t, b, "Append /f B")
	for fsys, want := range map[*FS]string{a: "0123456789abcA", b: "0123456789abcB", c: "0123456789abc"} {
		if got := read(fsys, "/f"); got != want {
			t.Errorf("read(/f) = %q; want %q", got, want)
		}
	}
	h, _ := c.OpenFile("/f", os.O_WRONLY, 0)
	h.WriteAt([]byte("XY"), 0)
	h.Close()
	for fsys, want := range map[*FS]string{a: "0123456789abcA", b: "0123456789abcB", c: "XY23456789abc"} {
		if got := read(fsys, "/f"); got != want {
			t.Errorf("after WriteAt in c: read(/f) = %q; want %q", got, want)
		}
	}
	// A file open before Clone keeps writing to its own FS.
	h, _ = a.OpenFile("/f", os.O_RDWR, 0)
	d := a.Clone()
	h.Write([]byte("!!"))
	h.Seek(0, io.SeekStart)
	got, _ := io.ReadAll(h)
	h.Close()
	if string(got) != "!!23456789abcA" || read(d, "/f") != "0123456789abcA" {
		t.Errorf("read(a /f), read(d /f) = %q, %q; want %q, %q", got, read(d, "/f"), "!!23456789abcA", "0123456789abcA")
	}
}

func TestCloneKeepsInodeNumbers(t *testing.T) {
	t.Parallel()
	a := baseFS(t)
	b := a.Clone()
	mustDo(t, a, "Create /x")
	mustDo(t, b, "Create /y")
	ax, _ := a.Stat("/x")
	by, _ := b.Stat("/y")
	if sys(t, ax).Ino != sys(t, by).Ino {
		t.Errorf("Ino of the first file made after Clone = %d, %d; want equal (deterministic)", sys(t, ax).Ino, sys(t, by).Ino)
	}
	names := func(f *FS) []string {
		s := snapshot(t, f)
		keys := make([]string, 0, len(s))
		for k := range s {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return keys
	}
	if slices.Contains(names(a), "/y") || slices.Contains(names(b), "/x") {
		t.Errorf("a clone's new files leak: a %q, b %q", names(a), names(b))
	}
}
