package vfs

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestErrno runs each call on a fresh base tree and checks its errno and
// error type (*os.LinkError for two-name calls, *fs.PathError otherwise).
func TestErrno(t *testing.T) {
	t.Parallel()
	tests := []struct {
		call string
		want error
	}{
		// ENOENT: a missing parent, name or link target.
		{"Create /nope/x", syscall.ENOENT},
		{"Mkdir /nope/x", syscall.ENOENT},
		{"OpenCreate /nope/x", syscall.ENOENT},
		{"Symlink x /nope/l", syscall.ENOENT},
		{"Link /etc/passwd /nope/x", syscall.ENOENT},
		{"Link /nope /x", syscall.ENOENT},
		{"Rename /etc/passwd /nope/x", syscall.ENOENT},
		{"Rename /nope /x", syscall.ENOENT},
		{"Open /nope", syscall.ENOENT},
		{"Open /dangling", syscall.ENOENT},
		{"Create /dangling", syscall.ENOENT}, // target's parent /nowhere is missing
		{"Remove /nope", syscall.ENOENT},
		{"Chmod /dangling", syscall.ENOENT},
		{"Chown /dangling", syscall.ENOENT},
		{"Chtimes /dangling", syscall.ENOENT},
		{"Readlink /nope", syscall.ENOENT},
		{"Mkdir ", syscall.ENOENT},
		{"Stat ", syscall.ENOENT},

		// ENOTDIR: a file used as a directory.
		{"Stat /etc/passwd/x", syscall.ENOTDIR},
		{"Create /etc/passwd/x", syscall.ENOTDIR},
		{"Mkdir /etc/passwd/x", syscall.ENOTDIR},
		{"MkdirAll /etc/passwd/x", syscall.ENOTDIR},
		{"MkdirAll /etc/passwd", syscall.ENOTDIR},
		{"MkdirAll /tofile", syscall.ENOTDIR},
		{"Readdir /etc/passwd", syscall.ENOTDIR},
		{"Rename /tmp/a /etc/passwd", syscall.ENOTDIR}, // a directory onto a file
		{"Rename /etc/passwd/ /x", syscall.ENOTDIR},
		{"Remove /etc/passwd/", syscall.ENOTDIR},
		{"Remove /etc/init.d/", syscall.ENOTDIR}, // a link with a slash is its target

		// EEXIST: the name is taken.
		{"Mkdir /etc", syscall.EEXIST},
		{"Mkdir /etc/passwd", syscall.EEXIST},
		{"Mkdir /dangling", syscall.EEXIST},
		{"Mkdir /", syscall.EEXIST},
		{"Mkdir /etc/..", syscall.EEXIST},
		{"OpenExcl /etc/passwd", syscall.EEXIST},
		{"OpenExcl /dangling2", syscall.EEXIST}, // O_EXCL does not follow links
		{"Symlink x /etc/passwd", syscall.EEXIST},
		{"Symlink x /etc", syscall.EEXIST},
		{"Symlink x /dangling", syscall.EEXIST},
		{"Link /etc/passwd /tmp/a", syscall.EEXIST},
		{"Link /etc/passwd /dangling2", syscall.EEXIST},
		{"Mknod /etc/passwd", syscall.EEXIST},

		// EISDIR: a directory used as a file.
		{"OpenW /etc", syscall.EISDIR},
		{"OpenRW /etc", syscall.EISDIR},
		{"OpenCreate /etc", syscall.EISDIR},
		{"Create /etc", syscall.EISDIR},
		{"Create /etc/init.d", syscall.EISDIR}, // a link to a directory
		{"Create /", syscall.EISDIR},
		{"Create /newfile/", syscall.EISDIR},
		{"Rename /etc/passwd /tmp/a", syscall.EISDIR}, // a file onto a directory

		// ENOTEMPTY.
		{"Remove /etc", syscall.ENOTEMPTY},
		{"Remove /tmp/a", syscall.ENOTEMPTY},
		{"Rename /etc/empty /tmp/a", syscall.ENOTEMPTY},
		{"Rename /tmp/a/b /tmp/a", syscall.ENOTEMPTY}, // onto its own parent

		// EINVAL.
		{"Rename /tmp/a /tmp/a/b/c", syscall.EINVAL}, // into its own subtree
		{"Rename /tmp /tmp/a/x", syscall.EINVAL},
		{"Rename /tmp/a /tmp/a/b", syscall.EINVAL},
		{"Readlink /etc/passwd", syscall.EINVAL},
		{"Remove /tmp/.", syscall.EINVAL},
		{"RemoveAll /tmp/.", syscall.EINVAL},
		{"MknodDir /dev", syscall.EINVAL},

		// EBUSY: the root.
		{"Remove /", syscall.EBUSY},
		{"Rename / /x", syscall.EBUSY},
		{"Rename /tmp /", syscall.EBUSY},

		// ELOOP.
		{"Open /self", syscall.ELOOP},
		{"Create /loop1", syscall.ELOOP},
		{"Mkdir /loop1/x", syscall.ELOOP},
		{"Chmod /self", syscall.ELOOP},

		// ENAMETOOLONG.
		{"Create /" + strings.Repeat("x", 256), syscall.ENAMETOOLONG},
		{"Symlink " + strings.Repeat("x", 4096) + " /l", syscall.ENAMETOOLONG},

		// EPERM.
		{"Link /etc /x", syscall.EPERM},
		{"Link /etc/init.d/ /x", syscall.EPERM},

		// Calls that succeed.
		{"Create /dangling2", nil}, // creates the link's target /created
		{"OpenCreate /etc/passwd", nil},
		{"Lchown /dangling", nil},
		{"Lstat /dangling", nil},
		{"Remove /dangling", nil},
		{"Remove /etc/empty", nil},
		{"Remove /etc/empty/", nil},
		{"MkdirAll /etc", nil},
		{"MkdirAll /etc/init.d", nil},
		{"MkdirAll /etc/init.d/", nil},
		{"MkdirAll /tmp/x/y/z", nil},
		{"MkdirAll /etc/init.d/new/sub", nil},
		{"MkdirAll tmp/rel/dir", nil},
		{"RemoveAll /nope", nil},
		{"RemoveAll /nope/x", nil},
		{"RemoveAll /dangling", nil},
		{"Rename /etc/passwd /etc/passwd", nil},
		{"Rename /tmp/a /etc/empty", nil}, // onto an empty directory
		{"Rename /etc/init.d /etc/i", nil},
		{"Rename /tmp/a/ /tmp/c/", nil},
		{"Link /etc/passwd /tmp/p", nil},
		{"Link /etc/init.d /tmp/l", nil}, // links the symlink itself
		{"Open /etc/init.d", nil},
		{"Readdir /etc/init.d", nil},
		{"Mknod /tmp/null", nil},
	}
	for _, tc := range tests {
		f := baseFS(t)
		err := do(f, tc.call)
		if !sameErr(err, tc.want) {
			t.Errorf("%s = %s; want %v", tc.call, errName(err), tc.want)
			continue
		}
		if err == nil {
			continue
		}
		var pe *fs.PathError
		var le *os.LinkError
		switch op := strings.Fields(tc.call)[0]; op {
		case "Rename", "Symlink", "Link":
			if !errors.As(err, &le) {
				t.Errorf("%s = %T; want *os.LinkError", tc.call, err)
			}
		default:
			if !errors.As(err, &pe) {
				t.Errorf("%s = %T; want *fs.PathError", tc.call, err)
			}
		}
	}
}

func TestErrorsIs(t *testing.T) {
	t.Parallel()
	f := baseFS(t)
	_, err := f.Stat("/nope")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat(/nope) = %v; want errors.Is fs.ErrNotExist", err)
	}
	if err := f.Mkdir("/etc", 0o755); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Mkdir(/etc) = %v; want errors.Is fs.ErrExist", err)
	}
	_, err = f.Stat("/self")
	if !errors.Is(err, syscall.ELOOP) {
		t.Errorf("Stat(/self) = %v; want errors.Is ELOOP", err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "stat" || pe.Path != "/self" {
		t.Errorf("Stat(/self) = %#v; want *fs.PathError{Op: stat, Path: /self}", err)
	}
}
