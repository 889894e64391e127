package vfs

import (
	"strings"
	"syscall"
	"testing"
)

// resolveSliced is the first resolve: it split the path into a slice of
// components and prepended a link's components to it. It stays here as
// the reference the in-place walk must agree with.
func (f *FS) resolveSliced(name string, follow bool) (lookup, error) {
	switch {
	case name == "":
		return lookup{}, syscall.ENOENT
	case len(name) >= pathMax:
		return lookup{}, syscall.ENAMETOOLONG
	case strings.IndexByte(name, 0) >= 0:
		return lookup{}, syscall.EINVAL
	}
	split := func(p string) []string {
		var comps []string
		for c := range strings.SplitSeq(p, "/") {
			if c != "" {
				comps = append(comps, c)
			}
		}
		return comps
	}
	slash := strings.HasSuffix(name, "/")
	comps := split(name)
	cur := uint64(rootIno)
	hops := 0
	viaLink := false
	for len(comps) > 0 {
		c := comps[0]
		comps = comps[1:]
		last := len(comps) == 0
		switch c {
		case ".":
			continue
		case "..":
			cur = f.inodes.get(cur).parent
			continue
		}
		if len(c) > nameMax {
			return lookup{}, syscall.ENAMETOOLONG
		}
		ino, ok := f.inodes.get(cur).children[c]
		if !ok {
			if last {
				return lookup{dir: cur, name: c, slash: slash, link: viaLink}, nil
			}
			return lookup{}, syscall.ENOENT
		}
		n := f.inodes.get(ino)
		if n.isLink() && (!last || follow || slash) {
			if hops++; hops > maxHops {
				return lookup{}, syscall.ELOOP
			}
			if n.target == "" {
				return lookup{}, syscall.ENOENT
			}
			if n.target[0] == '/' {
				cur = rootIno
			}
			viaLink = viaLink || last
			comps = append(split(n.target), comps...)
			continue
		}
		if last {
			if slash && !n.isDir() {
				return lookup{}, syscall.ENOTDIR
			}
			return lookup{dir: cur, name: c, ino: ino, slash: slash, link: viaLink}, nil
		}
		if !n.isDir() {
			return lookup{}, syscall.ENOTDIR
		}
		cur = ino
	}
	return lookup{dir: f.inodes.get(cur).parent, ino: cur, slash: slash, link: viaLink}, nil
}

// resolveFS is chainFS with links whose targets end in slashes, name the
// root, climb with "..", hold "." and empty components, or are too long
// to be one name.
func resolveFS(t testing.TB) *FS {
	f := chainFS(t)
	for _, l := range [][2]string{
		{"/etc/slashy", "/etc//rc.d/"},
		{"/toroot", "/"},
		{"/tmp/a/up", "../.."},
		{"/tmp/a/dots", ".//./b/./f"},
		{"/tmp/a/b/fl", "f/"},
		{"/long", strings.Repeat("n", nameMax+1)},
		{"/tmp/a/b/tolong", "/long/x"},
	} {
		if err := f.Symlink(l[1], l[0]); err != nil {
			t.Fatalf("Symlink(%q, %q) = %v", l[1], l[0], err)
		}
	}
	return f
}

// resolveSeeds are names that reach every branch of resolve.
var resolveSeeds = []string{
	"", "/", ".", "..", "//", "/etc", "/etc/", "etc/passwd", "/etc/passwd/",
	"/etc/rc3.d/S55sshd", "/etc/rc3.d/S55sshd/", "/etc/init.d/sshd",
	"/abs/init.d/../rc3.d/./S55sshd", "/tofile", "/tofile/", "/dangling",
	"/dangling/", "/dangling2", "/loop1", "/loop1/x", "/self/", "/chain/l0",
	"/chain/l1", "/hops/a0/b0", "/tmp/a/ln/passwd", "/tmp/a/ln/../tmp",
	"/etc/slashy/init.d", "/etc/slashy", "/toroot", "/toroot/", "/toroot/etc",
	"/tmp/a/up/etc/passwd", "/tmp/a/up", "/tmp/a/dots", "/tmp/a/b/fl",
	"/tmp/a/b/fl/", "/tmp/a/b/f/x", "/nowhere/x", "/tmp//a///b/f",
	"/long", "/tmp/a/b/tolong", "/" + strings.Repeat("n", nameMax+1),
	"/etc/\x00", strings.Repeat("/a", pathMax/2),
}

func TestResolveAgreesWithSliced(t *testing.T) {
	t.Parallel()
	f := resolveFS(t)
	for _, name := range resolveSeeds {
		for _, follow := range []bool{false, true} {
			got, gotErr := f.resolve(name, follow)
			want, wantErr := f.resolveSliced(name, follow)
			if got != want || gotErr != wantErr {
				t.Errorf("resolve(%q, %v) = %+v, %v; want %+v, %v", name, follow, got, gotErr, want, wantErr)
			}
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range resolveSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	fsys := resolveFS(f)
	f.Fuzz(func(t *testing.T, name string, follow bool) {
		got, gotErr := fsys.resolve(name, follow)
		want, wantErr := fsys.resolveSliced(name, follow)
		if got != want || gotErr != wantErr {
			t.Fatalf("resolve(%q, %v) = %+v, %v; want %+v, %v", name, follow, got, gotErr, want, wantErr)
		}
	})
}
