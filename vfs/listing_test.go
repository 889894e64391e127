package vfs

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

// names lists directory name with Readdirnames.
func names(t testing.TB, f *FS, name string) string {
	t.Helper()
	h, err := f.Open(name)
	if err != nil {
		t.Fatalf("Open(%s) = %v", name, err)
	}
	defer h.Close()
	ns, err := h.Readdirnames(-1)
	if err != nil {
		t.Fatalf("Readdirnames(%s) = %v", name, err)
	}
	return strings.Join(ns, " ")
}

// infoNames lists directory name with Readdir.
func infoNames(t testing.TB, f *FS, name string) string {
	t.Helper()
	h, err := f.Open(name)
	if err != nil {
		t.Fatalf("Open(%s) = %v", name, err)
	}
	defer h.Close()
	infos, err := h.Readdir(-1)
	if err != nil {
		t.Fatalf("Readdir(%s) = %v", name, err)
	}
	var ns []string
	for _, fi := range infos {
		ns = append(ns, fi.Name())
	}
	return strings.Join(ns, " ")
}

// A directory listed, changed and listed again shows the change, whether
// it changed in place or was copied from a clone's shared inode first.
func TestListingFollowsChanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		calls []string // run after a first listing of /tmp
		want  string   // the listing of /tmp afterwards
	}{
		{nil, "a"},
		{[]string{"Create /tmp/b"}, "a b"},
		{[]string{"Create /tmp/0", "Mkdir /tmp/c"}, "0 a c"},
		{[]string{"RemoveAll /tmp/a"}, ""},
		{[]string{"Rename /tmp/a /tmp/z"}, "z"},
		{[]string{"Rename /tmp/a /etc/a"}, ""},
		{[]string{"Rename /etc/passwd /tmp/passwd"}, "a passwd"},
		{[]string{"Symlink /etc /tmp/e", "Link /etc/passwd /tmp/p"}, "a e p"},
		{[]string{"Mknod /tmp/null", "Chmod /tmp"}, "a null"},
		{[]string{"clone", "Create /tmp/b"}, "a b"},
		{[]string{"clone", "Remove /tmp/a/b/f", "Create /tmp/x"}, "a x"},
	}
	for _, tt := range tests {
		f := baseFS(t)
		names(t, f, "/tmp")
		infoNames(t, f, "/tmp")
		for _, call := range tt.calls {
			if call == "clone" {
				f = f.Clone()
				continue
			}
			if err := do(f, call); err != nil {
				t.Fatalf("%s = %v", call, err)
			}
		}
		if got := names(t, f, "/tmp"); got != tt.want {
			t.Errorf("after %q: Readdirnames(/tmp) = %q; want %q", tt.calls, got, tt.want)
		}
		if got := infoNames(t, f, "/tmp"); got != tt.want {
			t.Errorf("after %q: Readdir(/tmp) = %q; want %q", tt.calls, got, tt.want)
		}
		if msg := invariants(f); msg != "" {
			t.Errorf("after %q: %s", tt.calls, msg)
		}
	}
}

// A clone's change never shows in the listing of the original, which
// shares the directory's inode until then, nor the other way round.
func TestListingOfCloneIsItsOwn(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	before := names(t, f, "/etc")
	c := f.Clone()
	names(t, c, "/etc")
	mustDo(t, c, "Create /etc/new", "Remove /etc/passwd")
	if got := names(t, f, "/etc"); got != before {
		t.Errorf("original Readdirnames(/etc) after the clone changed = %q; want %q", got, before)
	}
	if got, want := names(t, c, "/etc"), "empty init.d new rc.d rc3.d"; got != want {
		t.Errorf("clone Readdirnames(/etc) = %q; want %q", got, want)
	}
	mustDo(t, f, "Create /etc/mine")
	if got, want := names(t, c, "/etc"), "empty init.d new rc.d rc3.d"; got != want {
		t.Errorf("clone Readdirnames(/etc) after the original changed = %q; want %q", got, want)
	}
}

// The names Readdirnames returns are the caller's: changing them changes
// no later listing.
func TestReaddirnamesIsACopy(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	h, _ := f.Open("/etc")
	ns, _ := h.Readdirnames(-1)
	h.Close()
	for i := range ns {
		ns[i] = "x"
	}
	if got, want := names(t, f, "/etc"), "empty init.d passwd rc.d rc3.d"; got != want {
		t.Errorf("Readdirnames(/etc) after changing an earlier result = %q; want %q", got, want)
	}
}

// A directory removed while open lists as empty, and leaves no listing
// behind.
func TestListingOfRemovedDir(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	names(t, f, "/tmp/a/b")
	h, err := f.Open("/tmp/a/b")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	mustDo(t, f, "RemoveAll /tmp/a")
	if ns, err := h.Readdirnames(-1); len(ns) != 0 || err != nil {
		t.Errorf("Readdirnames of a removed directory = %q, %v; want [], nil", ns, err)
	}
	f.listMu.Lock()
	defer f.listMu.Unlock()
	for ino := range f.lists {
		if f.inodes.get(ino) == nil {
			t.Errorf("listing kept for inode %d, which is gone", ino)
		}
	}
}

// Clones sharing inodes list them at once (run with -race).
func TestListingConcurrent(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	var wg sync.WaitGroup
	for i := range 4 {
		c := f.Clone()
		wg.Go(func() {
			for j := range 30 {
				if got := names(t, c, "/etc/rc.d"); got != "init.d rc3.d" {
					t.Errorf("Readdirnames(/etc/rc.d) = %q; want %q", got, "init.d rc3.d")
				}
				if i%2 == 0 {
					mustDo(t, c, "Create /tmp/f"+string(rune('a'+j)))
				}
				infoNames(t, c, "/tmp")
			}
		})
	}
	wg.Wait()
}

// listingProblems reports listings that disagree with the directory they
// claim to list.
func listingProblems(f *FS) []string {
	f.listMu.Lock()
	defer f.listMu.Unlock()
	var problems []string
	for ino, l := range f.lists {
		want := slices.Sorted(maps.Keys(l.node.children))
		if f.inodes.get(ino) == l.node && !slices.Equal(l.names, want) {
			problems = append(problems, "stale listing "+strings.Join(l.names, ",")+"; want "+strings.Join(want, ","))
		}
	}
	return problems
}

func TestStatMode(t *testing.T) {
	t.Parallel()
	f := resolveFS(t)
	for _, name := range resolveSeeds {
		for _, follow := range []bool{false, true} {
			stat, modeOf := f.Lstat, f.LstatMode
			if follow {
				stat, modeOf = f.Stat, f.StatMode
			}
			var want fs.FileMode
			fi, err := stat(name)
			if err == nil {
				want = fi.Mode()
			}
			if got, ok := modeOf(name); got != want || ok != (err == nil) {
				t.Errorf("StatMode or LstatMode(%q) (follow %v) = %v, %v; want %v, %v", name, follow, got, ok, want, err == nil)
			}
		}
	}
}

// Names is Readdirnames(-1) of the directory, shared and clipped; a name
// that is no directory is not listed.
func TestNames(t *testing.T) {
	t.Parallel()
	f := New()
	for _, d := range []string{"/d/b", "/d/a", "/d/c"} {
		if err := f.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SymlinkIfPossible("/d", "/link"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"/d", "/link", "/d/"} {
		names, ok := f.Names(name)
		if !ok || strings.Join(names, ",") != "a,b,c" || cap(names) != len(names) {
			t.Errorf("Names(%q) = %q (cap %d), %v; want [a b c], clipped", name, names, cap(names), ok)
		}
	}
	for _, name := range []string{"/nosuch", "/d/a/x", ""} {
		if names, ok := f.Names(name); ok {
			t.Errorf("Names(%q) = %q, true; want not listed", name, names)
		}
	}
}
