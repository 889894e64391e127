package vfs

import (
	"errors"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

func TestCopyTree(t *testing.T) {
	t.Parallel()
	src := tree(t, "etc/", "etc/passwd=root:x:0:0", "etc/link -> passwd")
	dst := New()
	if err := dst.CopyTree(src); err != nil {
		t.Fatalf("CopyTree = %v; want nil", err)
	}
	for _, name := range []string{"/", "/etc", "/etc/passwd", "/etc/link"} {
		a, errA := src.Lstat(name)
		b, errB := dst.Lstat(name)
		if errA != nil || errB != nil {
			t.Fatalf("Lstat(%s) = %v, %v; want nil, nil", name, errA, errB)
		}
		sa, sb := a.Sys().(*Stat), b.Sys().(*Stat)
		if a.Mode() != b.Mode() || a.Size() != b.Size() || !a.ModTime().Equal(b.ModTime()) || *sa != *sb {
			t.Errorf("Lstat(%s) in copy = %v %+v; want %v %+v", name, b, *sb, a, *sa)
		}
	}
	if err := afero.WriteFile(dst, "/etc/passwd", []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(dst, "/etc/new", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := afero.ReadFile(src, "/etc/passwd")
	if string(got) != "root:x:0:0" {
		t.Errorf("source /etc/passwd after writing the copy = %q; want %q", got, "root:x:0:0")
	}
	if _, err := src.Stat("/etc/new"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("source Stat(/etc/new) = %v; want ENOENT", err)
	}
	sb, se := src.Usage()
	db, de := dst.Usage()
	if se != 4 || de != 5 || sb != 10 || db != 7 {
		t.Errorf("Usage = src %d,%d dst %d,%d; want 10,4 and 7,5", sb, se, db, de)
	}
}

func TestCopyTreeRefuses(t *testing.T) {
	t.Parallel()
	clock := func() time.Time { return time.Unix(0, 0) }
	cases := []struct {
		name    string
		dst     func() *FS
		src     *FS
		wantErr error
	}{
		{"not empty", func() *FS { return tree(t, "tmp/") }, tree(t, "etc/"), errCopyTree},
		{"own clock", func() *FS { return New(WithClock(clock)) }, tree(t, "etc/"), errCopyTree},
		{"source clock", func() *FS { return New() }, New(WithClock(clock)), errCopyTree},
		{"quota", func() *FS { return New(WithQuota(0, 2)) }, tree(t, "etc/", "var/"), syscall.ENOSPC},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dst := c.dst()
			before, _ := dst.Usage()
			if err := dst.CopyTree(c.src); !errors.Is(err, c.wantErr) {
				t.Errorf("CopyTree = %v; want %v", err, c.wantErr)
			}
			if after, _ := dst.Usage(); after != before {
				t.Errorf("bytes after a refused CopyTree = %d; want %d", after, before)
			}
		})
	}
	f := New()
	if err := f.CopyTree(f); !errors.Is(err, errCopyTree) {
		t.Errorf("CopyTree(itself) = %v; want %v", err, errCopyTree)
	}
}
