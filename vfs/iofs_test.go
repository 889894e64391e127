package vfs

import (
	"errors"
	"io/fs"
	"slices"
	"syscall"
	"testing"
	"testing/fstest"
)

// iofsTree has files, directories and symbolic links (relative, absolute,
// to files and to directories), but no dangling link: fstest opens every
// entry, and Open follows links.
func iofsTree(t testing.TB) *FS {
	return tree(t,
		"/etc/",
		"/etc/rc.d/",
		"/etc/rc.d/init.d/",
		"/etc/rc.d/init.d/sshd=#!/bin/bash\necho sshd\n",
		"/etc/rc.d/init.d/httpd=#!/bin/bash\necho httpd\n",
		"/etc/rc.d/rc3.d/",
		"/etc/rc.d/rc3.d/S55sshd -> ../init.d/sshd",
		"/etc/rc.d/rc3.d/S85httpd -> /etc/rc.d/init.d/httpd",
		"/etc/init.d -> rc.d/init.d",
		"/etc/inittab=id:3:initdefault:\n",
		"/var/",
		"/var/lock/",
		"/var/lock/subsys/",
		"/var/run/",
		"/var/run/sshd.pid=302\n",
		"/root -> /var/run",
	)
}

func TestIOFS(t *testing.T) {
	t.Parallel()
	f := iofsTree(t)
	err := fstest.TestFS(f.IOFS(),
		"etc/inittab", "etc/init.d", "etc/rc.d/init.d/sshd", "etc/rc.d/rc3.d/S55sshd",
		"etc/rc.d/rc3.d/S85httpd", "var/lock/subsys", "var/run/sshd.pid", "root")
	if err != nil {
		t.Fatal(err)
	}
}

func TestIOFSEmpty(t *testing.T) {
	t.Parallel()
	if err := fstest.TestFS(New().IOFS()); err != nil {
		t.Fatal(err)
	}
}

func TestIOFSNames(t *testing.T) {
	t.Parallel()
	fsys := iofsTree(t).IOFS()
	for _, name := range []string{"/etc", "etc/", "./etc", "etc/../etc", ""} {
		if _, err := fsys.Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q) = %v; want fs.ErrInvalid", name, err)
		}
	}
	got, err := fs.Glob(fsys, "etc/rc.d/rc3.d/S*")
	if want := []string{"etc/rc.d/rc3.d/S55sshd", "etc/rc.d/rc3.d/S85httpd"}; !slices.Equal(got, want) || err != nil {
		t.Errorf("Glob(etc/rc.d/rc3.d/S*) = %q, %v; want %q, nil", got, err, want)
	}
	b, err := fs.ReadFile(fsys, "etc/init.d/sshd")
	if string(b) != "#!/bin/bash\necho sshd\n" || err != nil {
		t.Errorf("ReadFile(etc/init.d/sshd) = %q, %v; want the script", b, err)
	}
	if _, err := fs.ReadFile(fsys, "etc"); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("ReadFile(etc) = %v; want EISDIR", err)
	}
	if _, err := fs.ReadDir(fsys, "etc/inittab"); !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("ReadDir(etc/inittab) = %v; want ENOTDIR", err)
	}
	entries, err := fs.ReadDir(fsys, "etc")
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, e := range entries {
		types = append(types, e.Name()+":"+e.Type().String())
	}
	if want := []string{"init.d:L---------", "inittab:----------", "rc.d:d---------"}; !slices.Equal(types, want) {
		t.Errorf("ReadDir(etc) = %q; want %q", types, want)
	}
	target, err := fs.ReadLink(fsys, "etc/init.d")
	if target != "rc.d/init.d" || err != nil {
		t.Errorf("ReadLink(etc/init.d) = %q, %v; want %q, nil", target, err, "rc.d/init.d")
	}
	fi, err := fs.Lstat(fsys, "root")
	if err != nil || fi.Mode().Type() != fs.ModeSymlink {
		t.Errorf("Lstat(root) = %v, %v; want a symlink", fi, err)
	}
}
