package vfs

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Paths and link targets the fuzzer combines: nested names, links, "..",
// ".", relative names and trailing slashes.
var (
	fuzzPaths = []string{
		"/", "/a", "/b", "/a/b", "/a/c", "/b/c", "/a/b/c", "/l", "/a/l", "/l/b",
		"/l/c", "/a/..", "/a/b/..", "/l/..", "b/c", "/a/l/c", "/b/", "/l/", "/a/./c",
	}
	fuzzTargets = []string{
		"a", "/a", "b", "../a", "l", "/l", "c", ".", "..", "/a/b/c", "x", "../..", "/", "b/c",
	}
	fuzzOps = []string{
		"Mkdir %[1]s", "Write %[1]s %[3]s", "Append %[1]s %[3]s", "Symlink %[4]s %[1]s",
		"Remove %[1]s", "RemoveAll %[1]s", "Rename %[1]s %[2]s", "Chmod %[1]s",
		"Link %[1]s %[2]s", "Truncate %[1]s %[3]s", "clone", "MkdirAll %[1]s",
		"Lchown %[1]s", "Mknod %[1]s", "Create %[1]s", "Chown %[1]s",
	}
)

// decodeOps turns data into calls for [do], three bytes per call: the
// operation, then two bytes choosing paths, content and link target.
func decodeOps(data []byte) []string {
	var calls []string
	for len(data) >= 3 && len(calls) < 64 {
		op, a, b := data[0], data[1], data[2]
		data = data[3:]
		p := fuzzPaths[int(a)%len(fuzzPaths)]
		q := fuzzPaths[int(b)%len(fuzzPaths)]
		content := strings.Repeat(string(rune('a'+b%26)), int(b%7))
		target := fuzzTargets[int(b)%len(fuzzTargets)]
		call := fuzzOps[int(op)%len(fuzzOps)]
		if strings.Contains(call, "%") {
			call = fmt.Sprintf(call, p, q, content, target)
		}
		calls = append(calls, call)
	}
	return calls
}

func FuzzOps(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(encodeOps(f, seed...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := New(WithQuota(200, 30), WithClock(ticker()))
		type frozen struct {
			fsys *FS
			snap map[string]string
			at   string
		}
		var clones []frozen
		for i, call := range decodeOps(data) {
			if call == "clone" {
				clones = append(clones, frozen{fsys, snapshot(t, fsys), fmt.Sprintf("call %d", i)})
				fsys = fsys.Clone()
				continue
			}
			err := do(fsys, call)
			var errno syscall.Errno
			if err != nil && !errors.As(err, &errno) {
				t.Fatalf("%s = %v; want nil or an errno", call, err)
			}
			if msg := invariants(fsys); msg != "" {
				t.Fatalf("after %s (%s): %s", call, errName(err), msg)
			}
			if msg := publicInvariants(fsys); msg != "" {
				t.Fatalf("after %s (%s): %s", call, errName(err), msg)
			}
		}
		for _, c := range clones {
			if diff := cmp.Diff(c.snap, snapshot(t, c.fsys)); diff != "" {
				t.Fatalf("FS cloned at %s changed (-want +got):\n%s", c.at, diff)
			}
		}
	})
}

// invariants checks the inode tree of f and returns what is wrong, or "".
func invariants(f *FS) string {
	f.mu.RLock()
	defer f.mu.RUnlock()
	refs := make(map[uint64]int)
	seen := map[uint64]bool{rootIno: true}
	var bytes int64
	var problems []string
	var walk func(dir uint64, name string)
	walk = func(dir uint64, name string) {
		d := f.inodes.get(dir)
		subdirs := 0
		for c, ino := range d.children {
			n := f.inodes.get(ino)
			switch {
			case n == nil:
				problems = append(problems, fmt.Sprintf("%s/%s: entry for missing inode %d", name, c, ino))
				continue
			case c == "" || c == "." || c == ".." || strings.Contains(c, "/"):
				problems = append(problems, fmt.Sprintf("%s: bad entry name %q", name, c))
			case n.ino != ino:
				problems = append(problems, fmt.Sprintf("%s/%s: inode %d numbered %d", name, c, ino, n.ino))
			}
			refs[ino]++
			if n.isDir() {
				subdirs++
				if n.parent != dir {
					problems = append(problems, fmt.Sprintf("%s/%s: parent %d; want %d", name, c, n.parent, dir))
				}
				if seen[ino] {
					problems = append(problems, fmt.Sprintf("%s/%s: directory %d reached twice", name, c, ino))
					continue
				}
				seen[ino] = true
				walk(ino, name+"/"+c)
				continue
			}
			if !seen[ino] {
				seen[ino] = true
				if n.isRegular() {
					bytes += int64(len(n.data))
				}
			}
		}
		if d.nlink != 2+subdirs {
			problems = append(problems, fmt.Sprintf("%s/: nlink %d; want 2+%d", name, d.nlink, subdirs))
		}
	}
	if r := f.inodes.get(rootIno); r == nil || r.parent != rootIno {
		return "root missing or not its own parent"
	}
	walk(rootIno, "")
	if n := f.inodes.get(f.nextIno); n != nil {
		problems = append(problems, fmt.Sprintf("inode %d is next but in the table", n.ino))
	}
	for ino := range uint64(len(f.inodes.chunks)) * chunkSize {
		n := f.inodes.get(ino)
		switch {
		case n == nil:
		case n.ino != ino:
			problems = append(problems, fmt.Sprintf("inode %d numbered %d in the table", ino, n.ino))
		case !seen[ino]:
			problems = append(problems, fmt.Sprintf("inode %d unreachable", ino))
		case !n.isDir() && n.nlink != refs[ino]:
			problems = append(problems, fmt.Sprintf("inode %d: nlink %d; want %d", ino, n.nlink, refs[ino]))
		case ino >= f.nextIno:
			problems = append(problems, fmt.Sprintf("inode %d >= next %d", ino, f.nextIno))
		}
	}
	if f.bytes != bytes || f.entries != len(seen) {
		problems = append(problems, fmt.Sprintf("usage %d, %d; recount %d, %d", f.bytes, f.entries, bytes, len(seen)))
	}
	problems = append(problems, listingProblems(f)...)
	if f.maxBytes > 0 && f.bytes > f.maxBytes || f.maxEntries > 0 && f.entries > f.maxEntries {
		problems = append(problems, fmt.Sprintf("usage %d, %d over quota", f.bytes, f.entries))
	}
	return strings.Join(problems, "; ")
}

// publicInvariants walks f with Open and Readdir: every listed entry has an
// Lstat, Stat never shows a link, and Usage matches a recount.
func publicInvariants(f *FS) string {
	var problems []string
	seen := make(map[uint64]bool)
	var bytes int64
	var walk func(name string)
	walk = func(name string) {
		h, err := f.Open(name)
		if err != nil {
			problems = append(problems, fmt.Sprintf("Open(%s) = %v", name, err))
			return
		}
		infos, err := h.Readdir(-1)
		h.Close()
		if err != nil {
			problems = append(problems, fmt.Sprintf("Readdir(%s) = %v", name, err))
		}
		for _, fi := range infos {
			p := pathJoin(name, fi.Name())
			li, err := f.Lstat(p)
			if err != nil {
				problems = append(problems, fmt.Sprintf("Lstat(%s) = %v", p, err))
				continue
			}
			if li.Mode() != fi.Mode() {
				problems = append(problems, fmt.Sprintf("Lstat(%s).Mode() = %v; Readdir says %v", p, li.Mode(), fi.Mode()))
			}
			if si, err := f.Stat(p); err == nil && si.Mode()&fs.ModeSymlink != 0 {
				problems = append(problems, fmt.Sprintf("Stat(%s) is a symlink", p))
			}
			st := fi.Sys().(*Stat)
			if !seen[st.Ino] {
				seen[st.Ino] = true
				if fi.Mode().IsRegular() {
					bytes += fi.Size()
				}
			}
			if fi.IsDir() {
				walk(p)
			}
		}
	}
	walk("/")
	if b, e := f.Usage(); b != bytes || e != len(seen)+1 {
		problems = append(problems, fmt.Sprintf("Usage() = %d, %d; recount %d, %d", b, e, bytes, len(seen)+1))
	}
	return strings.Join(problems, "; ")
}

// encodeOps is the inverse of decodeOps, for writing seeds as calls.
func encodeOps(t testing.TB, calls ...string) []byte {
	var data []byte
next:
	for _, call := range calls {
		for op := range len(fuzzOps) {
			if strings.Fields(fuzzOps[op])[0] != strings.Fields(call)[0] {
				continue
			}
			for a := range len(fuzzPaths) {
				for b := range 256 {
					try := []byte{byte(op), byte(a), byte(b)}
					if got := decodeOps(try); got[0] == call {
						data = append(data, try...)
						continue next
					}
				}
			}
		}
		t.Fatalf("encodeOps: no bytes decode to %q", call)
	}
	return data
}

// fuzzSeeds are the seed scenarios, also kept in testdata/fuzz/FuzzOps.
var fuzzSeeds = [][]string{
	{"Mkdir /a", "Mkdir /a/b", "Write /a/b/c hhh", "Symlink a /l", "Write /l/c ff", "clone",
		"Rename /a /b", "Link /b/c /a", "Remove /l", "RemoveAll /b", "Mkdir /a/./c"},
	{"Symlink l /l", "Mkdir /l/b", "Symlink /a/b/c /a", "Write /l ddd", "MkdirAll /a/b/c",
		"Symlink ../.. /a/l", "Rename /a/l/c /b", "Chmod /l/..", "Rename /b/ /a/c"},
	{"Mkdir /b", "Symlink ../a /b/c", "Write /b/c ffffff", "Append /a ffffff", "Truncate /a/l/c eeeee",
		"Link /a /b/", "clone", "Mknod /l", "Rename /a /l", "RemoveAll /", "Lchown /l/", "Chown /l/.."},
}

func TestFuzzSeeds(t *testing.T) {
	t.Parallel()
	for _, seed := range fuzzSeeds {
		got := decodeOps(encodeOps(t, seed...))
		if diff := cmp.Diff(seed, got); diff != "" {
			t.Errorf("decodeOps(encodeOps(seed)) mismatch (-want +got):\n%s", diff)
		}
	}
}
