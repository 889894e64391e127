package vfs

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// chainFS adds /chain/l0 -> l1 -> ... -> l40 -> /etc/passwd (41 links) and
// /hops/a0 -> ... -> a20 -> /etc/hop, with /etc/hop/b0 -> ... -> b19 -> x.
func chainFS(t testing.TB) *FS {
	f := baseFS(t)
	specs := []string{"/chain/", "/hops/", "/etc/hop/", "/etc/hop/x=hop"}
	for i := range 41 {
		target := fmt.Sprintf("l%d", i+1)
		if i == 40 {
			target = "/etc/passwd"
		}
		specs = append(specs, fmt.Sprintf("/chain/l%d -> %s", i, target))
	}
	for i := range 21 {
		target := fmt.Sprintf("a%d", i+1)
		if i == 20 {
			target = "/etc/hop"
		}
		specs = append(specs, fmt.Sprintf("/hops/a%d -> %s", i, target))
	}
	for i := range 20 {
		target := fmt.Sprintf("b%d", i+1)
		if i == 19 {
			target = "x"
		}
		specs = append(specs, fmt.Sprintf("/etc/hop/b%d -> %s", i, target))
	}
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
			err = writeString(f, name, content)
		}
		if err != nil {
			t.Fatalf("chainFS %q: %v", s, err)
		}
	}
	return f
}

func writeString(f *FS, name, content string) error {
	h, err := f.Create(name)
	if err != nil {
		return err
	}
	if _, err := h.WriteString(content); err != nil {
		return err
	}
	return h.Close()
}

func TestEvalSymlinks(t *testing.T) {
	t.Parallel()
	f := chainFS(t)
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{"/", "/", nil},
		{"/etc/passwd", "/etc/passwd", nil},
		{"etc/passwd", "/etc/passwd", nil}, // relative: from "/"
		{"//etc///./passwd", "/etc/passwd", nil},
		{"/etc/rc.d/", "/etc/rc.d", nil},
		{"/etc/init.d", "/etc/rc.d/init.d", nil}, // relative link to a dir
		{"/etc/init.d/sshd", "/etc/rc.d/init.d/sshd", nil},
		{"/etc/rc3.d/S55sshd", "/etc/rc.d/init.d/sshd", nil}, // chain of two links
		{"/etc/init.d/..", "/etc/rc.d", nil},                 // physical ..
		{"/etc/init.d/../rc3.d", "/etc/rc.d/rc3.d", nil},
		{"/tmp/a/ln/..", "/", nil}, // /tmp/a/ln -> /etc, so .. is /
		{"/..", "/", nil},
		{"/../../etc/..", "/", nil},
		{"/abs/init.d/sshd", "/etc/rc.d/init.d/sshd", nil}, // absolute link
		{"/tofile", "/etc/passwd", nil},
		{"/chain/l1", "/etc/passwd", nil}, // 40 hops: the limit
		{"/chain/l40", "/etc/passwd", nil},
		{"/hops/a1/b0", "/etc/hop/x", nil}, // 20 + 20 hops in one lookup
		{"/chain/l0", "", syscall.ELOOP},   // 41 hops
		{"/hops/a0/b0", "", syscall.ELOOP}, // 21 + 20 hops
		{"/loop1", "", syscall.ELOOP},
		{"/self", "", syscall.ELOOP},
		{"/loop1/x", "", syscall.ELOOP},
		{"/dangling", "", syscall.ENOENT},
		{"/dangling/x", "", syscall.ENOENT},
		{"/nope", "", syscall.ENOENT},
		{"/nope/x", "", syscall.ENOENT},
		{"", "", syscall.ENOENT},
		{"/etc/passwd/x", "", syscall.ENOTDIR},
		{"/etc/passwd/", "", syscall.ENOTDIR},
		{"/etc/passwd/.", "", syscall.ENOTDIR},
		{"/tofile/", "", syscall.ENOTDIR},
		{"/etc/" + strings.Repeat("x", 256), "", syscall.ENAMETOOLONG},
		{"/" + strings.Repeat("x/", 2048), "", syscall.ENAMETOOLONG},
		{"/etc/\x00", "", syscall.EINVAL},
	}
	for _, tc := range tests {
		got, err := f.EvalSymlinks(tc.in)
		if got != tc.want || !sameErr(err, tc.err) {
			t.Errorf("EvalSymlinks(%q) = %q, %s; want %q, %v", tc.in, got, errName(err), tc.want, tc.err)
		}
	}
}

func TestStatLstat(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	tests := []struct {
		op   string // "stat" or "lstat"
		in   string
		name string      // want Name()
		mode fs.FileMode // want Mode().Type()
		size int64
		err  error
	}{
		{"stat", "/", "/", fs.ModeDir, 4096, nil},
		{"stat", "/etc/passwd", "passwd", 0, 32, nil},
		{"lstat", "/etc/passwd", "passwd", 0, 32, nil},
		{"stat", "/etc/init.d", "init.d", fs.ModeDir, 4096, nil},
		{"lstat", "/etc/init.d", "init.d", fs.ModeSymlink, int64(len("rc.d/init.d")), nil},
		{"lstat", "/etc/init.d/", "init.d", fs.ModeDir, 4096, nil}, // a trailing slash follows
		{"stat", "/etc/rc3.d/S55sshd", "S55sshd", 0, 12, nil},
		{"lstat", "/etc/rc3.d/S55sshd", "S55sshd", fs.ModeSymlink, int64(len("../init.d/sshd")), nil},
		{"stat", "/dangling", "", 0, 0, syscall.ENOENT},
		{"lstat", "/dangling", "dangling", fs.ModeSymlink, int64(len("/nowhere/x")), nil},
		{"stat", "/self", "", 0, 0, syscall.ELOOP},
		{"lstat", "/self", "self", fs.ModeSymlink, 4, nil},
		{"lstat", "/self/", "", 0, 0, syscall.ELOOP},
		{"stat", "/etc/.", ".", fs.ModeDir, 4096, nil},
		{"stat", "etc", "etc", fs.ModeDir, 4096, nil},
		{"stat", "/etc/passwd/x", "", 0, 0, syscall.ENOTDIR},
		{"lstat", "/nope", "", 0, 0, syscall.ENOENT},
	}
	for _, tc := range tests {
		stat := f.Stat
		if tc.op == "lstat" {
			stat = f.Lstat
		}
		fi, err := stat(tc.in)
		if !sameErr(err, tc.err) {
			t.Errorf("%s(%q) = %s; want %v", tc.op, tc.in, errName(err), tc.err)
			continue
		}
		if err != nil {
			continue
		}
		if fi.Name() != tc.name || fi.Mode().Type() != tc.mode || fi.Size() != tc.size {
			t.Errorf("%s(%q) = %q %v size %d; want %q %v size %d", tc.op, tc.in,
				fi.Name(), fi.Mode().Type(), fi.Size(), tc.name, tc.mode, tc.size)
		}
	}
}

func TestReadlink(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	tests := []struct {
		in, want string
		err      error
	}{
		{"/etc/init.d", "rc.d/init.d", nil},
		{"/etc/rc3.d/S55sshd", "../init.d/sshd", nil}, // through a dir link
		{"/dangling", "/nowhere/x", nil},
		{"/self", "self", nil},
		{"/etc/passwd", "", syscall.EINVAL},
		{"/etc", "", syscall.EINVAL},
		{"/etc/init.d/", "", syscall.EINVAL}, // the slash follows the link
		{"/nope", "", syscall.ENOENT},
	}
	for _, tc := range tests {
		got, err := f.Readlink(tc.in)
		if got != tc.want || !sameErr(err, tc.err) {
			t.Errorf("Readlink(%q) = %q, %s; want %q, %v", tc.in, got, errName(err), tc.want, tc.err)
		}
	}
}

func TestStatNeverReturnsLinkThroughDirLink(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	// Every name reachable through /etc/rc3.d resolves like its physical one.
	for _, name := range []string{"/etc/rc3.d", "/etc/rc3.d/S55sshd", "/abs/rc3.d/S55sshd", "/tmp/a/ln/init.d/sshd"} {
		fi, err := f.Stat(name)
		if err != nil {
			t.Errorf("Stat(%q) = %v; want nil", name, err)
			continue
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			t.Errorf("Stat(%q).Mode() = %v; want no ModeSymlink", name, fi.Mode())
		}
	}
	a, _ := f.Stat("/etc/rc3.d/S55sshd")
	b, _ := f.Stat("/etc/rc.d/init.d/sshd")
	if sys(t, a).Ino != sys(t, b).Ino {
		t.Errorf("Stat(S55sshd).Ino = %d; want %d (sshd's)", sys(t, a).Ino, sys(t, b).Ino)
	}
}
