package vfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// listedWalk is what Walk must report, found the long way: Readdir of
// each directory, then Readlink or a read of each entry.
func listedWalk(t *testing.T, f *FS, dir string, skip func(string) bool) string {
	t.Helper()
	var b strings.Builder
	var walk func(dir string)
	walk = func(dir string) {
		d, err := f.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		infos, err := d.Readdir(-1)
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, fi := range infos {
			p := strings.TrimSuffix(dir, "/") + "/" + fi.Name()
			st := fi.Sys().(*Stat)
			fmt.Fprintf(&b, "%s %v %d:%d", p, fi.Mode(), st.Uid, st.Gid)
			switch {
			case fi.Mode()&fs.ModeSymlink != 0:
				target, _ := f.Readlink(p)
				fmt.Fprintf(&b, " -> %q\n", target)
			case fi.Mode().IsRegular():
				r, _ := f.Open(p)
				data, _ := io.ReadAll(r)
				r.Close()
				fmt.Fprintf(&b, " = %q\n", data)
			default:
				b.WriteString("\n")
			}
			if fi.IsDir() && !skip(p) {
				walk(p)
			}
		}
	}
	walk(dir)
	return b.String()
}

// walked is what Walk reports, in listedWalk's format.
func walked(t *testing.T, f *FS, dir string, skip func(string) bool) string {
	t.Helper()
	var b strings.Builder
	err := f.Walk(dir, func(path []byte, e *WalkEntry) bool {
		fmt.Fprintf(&b, "%s %v %d:%d", path, e.Mode, e.Uid, e.Gid)
		switch {
		case e.Mode&fs.ModeSymlink != 0:
			fmt.Fprintf(&b, " -> %q\n", e.Target)
		case e.Mode.IsRegular():
			fmt.Fprintf(&b, " = %q\n", e.Data)
		default:
			b.WriteString("\n")
		}
		return !skip(string(path))
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWalkSeesWhatListingAndReadingSee(t *testing.T) {
	t.Parallel()
	build := func(t *testing.T) *FS {
		f := tree(t, "/etc/", "/etc/rc.d/", "/etc/rc.d/init.d/", "/etc/rc.d/init.d/httpd=#!/bin/bash\n",
			"/etc/rc.d/rc3.d/", "/etc/rc.d/rc3.d/S85httpd -> ../init.d/httpd", "/etc/init.d -> rc.d/init.d",
			"/etc/empty=", "/etc/dangling -> /nowhere", "/tmp/", "/tmp/x=skipped", "/z=last", "/a b=space")
		if err := f.Mknod("/etc/null", fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0); err != nil {
			t.Fatal(err)
		}
		if err := f.Chown("/etc/empty", 501, 502); err != nil {
			t.Fatal(err)
		}
		return f
	}
	noSkip := func(string) bool { return false }
	skipTmp := func(p string) bool { return p == "/tmp" }
	for _, tc := range []struct {
		name string
		dir  string
		skip func(string) bool
		mod  func(t *testing.T, f *FS) *FS
	}{
		{"whole tree", "/", noSkip, nil},
		{"skipping a directory", "/", skipTmp, nil},
		{"below a directory", "/etc/rc.d", noSkip, nil},
		{"trailing slash", "/etc/", noSkip, nil},
		{"through a link", "/etc/init.d", noSkip, nil},
		{"a clone changed", "/", noSkip, func(t *testing.T, f *FS) *FS {
			c := f.Clone()
			if err := c.Remove("/z"); err != nil {
				t.Fatal(err)
			}
			if err := c.Chmod("/etc/empty", 0o600); err != nil {
				t.Fatal(err)
			}
			fh, err := c.OpenFile("/etc/rc.d/init.d/httpd", os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			fh.Write([]byte("exit 0\n"))
			fh.Close()
			return c
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := build(t)
			if tc.mod != nil {
				f = tc.mod(t, f)
			}
			got, want := walked(t, f, tc.dir, tc.skip), listedWalk(t, f, tc.dir, tc.skip)
			if got == "" {
				t.Fatalf("Walk(%q) saw nothing", tc.dir)
			}
			if got != want {
				t.Errorf("Walk(%q) =\n%s\nwant\n%s", tc.dir, got, want)
			}
		})
	}
}

func TestWalkFailsOnWhatIsNoDirectory(t *testing.T) {
	t.Parallel()
	f := tree(t, "/etc/", "/etc/motd=hi")
	for _, tc := range []struct {
		dir  string
		want syscall.Errno
	}{
		{"/missing", syscall.ENOENT},
		{"/etc/motd", syscall.ENOTDIR},
	} {
		err := f.Walk(tc.dir, func([]byte, *WalkEntry) bool {
			t.Errorf("Walk(%q) called back", tc.dir)
			return false
		})
		if !errors.Is(err, tc.want) {
			t.Errorf("Walk(%q) = %v; want %v", tc.dir, err, tc.want)
		}
	}
}
