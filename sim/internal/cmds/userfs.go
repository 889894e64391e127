package cmds

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"

	"rclab/vfs"
)

// This file is the file system as a program's system calls see it: vfs
// lets everyone act as root, so each call here first makes the checks
// Linux 2.6.18 makes for the program's user, and fails as the system call
// would (EACCES for a mode that denies the access, EPERM for what only
// the owner or root may do). Root goes straight through.

// userFS is the machine's file system seen by one user.
type userFS struct {
	fs *vfs.FS
	ids
}

// userFS returns the file system as seen by the user p runs as.
func (p *Proc) userFS() *userFS {
	p.ufsOnce.Do(func() {
		uid, gid := p.Cred()
		p.ufsVal = userFS{fs: p.Sys.FS, ids: idsOf(p.Sys, uid, gid)}
		p.ufs = &p.ufsVal
	})
	return p.ufs
}

func pathErr(op, name string, errno syscall.Errno) error {
	return &fs.PathError{Op: op, Path: name, Err: errno}
}

// owner is the uid of fi.
func owner(fi fs.FileInfo) int { return foSys(fi).Uid }

// mayCreate is the kernel's may_create for a new entry name: its
// directory must let the user write and search it. An existing name is
// left to the operation, which fails with EEXIST first.
func (u *userFS) mayCreate(op, name string) error {
	if _, err := u.fs.Lstat(name); err == nil {
		return nil
	}
	di, err := u.fs.Stat(path.Dir(path.Clean("/" + name)))
	if err == nil && di.IsDir() && !u.may(di, 3) {
		return pathErr(op, name, syscall.EACCES)
	}
	return nil
}

// mayDelete is the kernel's may_delete for entry name: its directory must
// let the user write and search it, and in a sticky directory (/tmp) only
// the entry's owner or the directory's may remove or rename it.
func (u *userFS) mayDelete(op, name string) error {
	vi, err := u.fs.Lstat(name)
	if err != nil {
		return nil // the operation reports the missing entry
	}
	di, err := u.fs.Stat(path.Dir(path.Clean("/" + name)))
	if err != nil || !di.IsDir() {
		return nil
	}
	if !u.may(di, 3) {
		return pathErr(op, name, syscall.EACCES)
	}
	if di.Mode()&fs.ModeSticky != 0 && owner(vi) != u.uid && owner(di) != u.uid {
		return pathErr(op, name, syscall.EPERM)
	}
	return nil
}

// reach checks the search permission on the way to name; follow adds the
// directories a final symbolic link leads through.
func (u *userFS) reach(op, name string, follow bool) error {
	if err := u.searchable(u.fs, op, name); err != nil {
		return err
	}
	if follow {
		if li, err := u.fs.Lstat(name); err == nil && foIsLink(li) {
			if real, err := u.fs.EvalSymlinks(name); err == nil {
				if err := u.searchable(u.fs, op, real); err != nil {
					return pathErr(op, name, syscall.EACCES)
				}
			}
		}
	}
	return nil
}

// Stat is stat(2).
func (u *userFS) Stat(name string) (fs.FileInfo, error) {
	if u.uid != 0 {
		if err := u.reach("stat", name, true); err != nil {
			return nil, err
		}
	}
	return u.fs.Stat(name)
}

// Lstat is lstat(2).
func (u *userFS) Lstat(name string) (fs.FileInfo, error) {
	if u.uid != 0 {
		if err := u.reach("lstat", name, false); err != nil {
			return nil, err
		}
	}
	return u.fs.Lstat(name)
}

// Readlink is readlink(2).
func (u *userFS) Readlink(name string) (string, error) {
	if u.uid != 0 {
		if err := u.reach("readlink", name, false); err != nil {
			return "", err
		}
	}
	return u.fs.Readlink(name)
}

// EvalSymlinks resolves name as the kernel would for the user.
func (u *userFS) EvalSymlinks(name string) (string, error) {
	if u.uid != 0 {
		if err := u.reach("lstat", name, true); err != nil {
			return "", err
		}
	}
	return u.fs.EvalSymlinks(name)
}

// Open is open(2) for reading; a directory needs read permission to be
// listed.
func (u *userFS) Open(name string) (afero.File, error) {
	return u.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile is open(2): the file must allow the access flag asks for (and
// write for O_TRUNC); a file it creates belongs to the user.
func (u *userFS) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	if u.uid == 0 {
		return u.fs.OpenFile(name, flag, perm)
	}
	if err := u.reach("open", name, true); err != nil {
		return nil, err
	}
	created := false
	fi, err := u.fs.Stat(name)
	switch {
	case err == nil && fi.IsDir() && flag&(os.O_WRONLY|os.O_RDWR) != 0:
		return nil, pathErr("open", name, syscall.EISDIR)
	case err == nil && flag&(os.O_CREATE|os.O_EXCL) != os.O_CREATE|os.O_EXCL:
		want := fs.FileMode(4)
		switch flag & (os.O_WRONLY | os.O_RDWR) {
		case os.O_WRONLY:
			want = 2
		case os.O_RDWR:
			want = 6
		}
		if flag&os.O_TRUNC != 0 {
			want |= 2
		}
		if !u.may(fi, want) {
			return nil, pathErr("open", name, syscall.EACCES)
		}
	case errors.Is(err, fs.ErrNotExist) && flag&os.O_CREATE != 0:
		if _, lerr := u.fs.Lstat(name); lerr != nil {
			if err := u.mayCreate("open", name); err != nil {
				return nil, err
			}
			created = true
		}
	}
	f, err := u.fs.OpenFile(name, flag, perm)
	if err == nil && created {
		u.fs.Chown(name, u.uid, u.gid)
	}
	return f, err
}

// Mkdir is mkdir(2); the new directory belongs to the user.
func (u *userFS) Mkdir(name string, perm fs.FileMode) error {
	if u.uid == 0 {
		return u.fs.Mkdir(name, perm)
	}
	if err := u.reach("mkdir", name, false); err != nil {
		return err
	}
	if err := u.mayCreate("mkdir", name); err != nil {
		return err
	}
	if err := u.fs.Mkdir(name, perm); err != nil {
		return err
	}
	u.fs.Lchown(name, u.uid, u.gid)
	return nil
}

// Mknod is mknod(2) of a device, which only root may make.
func (u *userFS) Mknod(name string, mode fs.FileMode, uid, gid int) error {
	if u.uid != 0 {
		if err := u.reach("mknod", name, false); err != nil {
			return err
		}
		if err := u.mayCreate("mknod", name); err != nil {
			return err
		}
		if _, err := u.fs.Lstat(name); err != nil {
			return pathErr("mknod", name, syscall.EPERM)
		}
	}
	return u.fs.Mknod(name, mode, uid, gid)
}

// Remove is unlink(2), or rmdir(2) for a directory.
func (u *userFS) Remove(name string) error {
	if u.uid != 0 {
		if err := u.reach("unlink", name, false); err != nil {
			return err
		}
		if err := u.mayDelete("unlink", name); err != nil {
			return err
		}
	}
	return u.fs.Remove(name)
}

// Rename is rename(2): oldname must be removable and newname creatable
// (or removable when it exists), and a directory moving to another
// directory must be writable itself (its ".." changes).
func (u *userFS) Rename(oldname, newname string) error {
	if u.uid != 0 {
		if err := u.renameCheck(oldname, newname); err != nil {
			return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: Errno(err)}
		}
	}
	return u.fs.Rename(oldname, newname)
}

func (u *userFS) renameCheck(oldname, newname string) error {
	if err := u.reach("rename", oldname, false); err != nil {
		return err
	}
	if err := u.reach("rename", newname, false); err != nil {
		return err
	}
	si, err := u.fs.Lstat(oldname)
	if err != nil {
		return nil
	}
	if err := u.mayDelete("rename", oldname); err != nil {
		return err
	}
	if _, lerr := u.fs.Lstat(newname); lerr == nil {
		err = u.mayDelete("rename", newname)
	} else {
		err = u.mayCreate("rename", newname)
	}
	if err != nil {
		return err
	}
	if si.IsDir() {
		od, err1 := u.fs.Stat(path.Dir(path.Clean("/" + oldname)))
		nd, err2 := u.fs.Stat(path.Dir(path.Clean("/" + newname)))
		if err1 == nil && err2 == nil && !foSameInode(od, nd) && !u.may(si, 2) {
			return pathErr("rename", oldname, syscall.EACCES)
		}
	}
	return nil
}

// Symlink is symlink(2); the link belongs to the user.
func (u *userFS) Symlink(target, linkname string) error {
	if u.uid == 0 {
		return u.fs.Symlink(target, linkname)
	}
	if err := u.reach("symlink", linkname, false); err != nil {
		return &os.LinkError{Op: "symlink", Old: target, New: linkname, Err: syscall.EACCES}
	}
	if err := u.mayCreate("symlink", linkname); err != nil {
		return &os.LinkError{Op: "symlink", Old: target, New: linkname, Err: syscall.EACCES}
	}
	if err := u.fs.Symlink(target, linkname); err != nil {
		return err
	}
	u.fs.Lchown(linkname, u.uid, u.gid)
	return nil
}

// Link is link(2).
func (u *userFS) Link(oldname, newname string) error {
	if u.uid != 0 {
		err := u.reach("link", oldname, false)
		if err == nil {
			err = u.reach("link", newname, false)
		}
		if err == nil {
			if _, lerr := u.fs.Lstat(oldname); lerr == nil {
				err = u.mayCreate("link", newname)
			}
		}
		if err != nil {
			return &os.LinkError{Op: "link", Old: oldname, New: newname, Err: Errno(err)}
		}
	}
	return u.fs.Link(oldname, newname)
}

// target is the file a change of attributes applies to (following a
// final link when follow is set), once the way to it is searchable; a
// nil FileInfo with a nil error leaves the error to the operation.
func (u *userFS) target(op, name string, follow bool) (fs.FileInfo, error) {
	if err := u.reach(op, name, follow); err != nil {
		return nil, err
	}
	var fi fs.FileInfo
	var err error
	if follow {
		fi, err = u.fs.Stat(name)
	} else {
		fi, err = u.fs.Lstat(name)
	}
	if err != nil {
		return nil, nil
	}
	return fi, nil
}

// Chmod is chmod(2): only the owner (or root) may change a mode, and the
// setgid bit is dropped when the user is not in the file's group.
func (u *userFS) Chmod(name string, mode fs.FileMode) error {
	if u.uid != 0 {
		fi, err := u.target("chmod", name, true)
		if err != nil {
			return err
		}
		if fi != nil {
			if owner(fi) != u.uid {
				return pathErr("chmod", name, syscall.EPERM)
			}
			if !u.inGroup(foSys(fi).Gid) {
				mode &^= fs.ModeSetgid
			}
		}
	}
	return u.fs.Chmod(name, mode)
}

// mayChown is the ownership rule of chown(2): only root gives a file to
// another user; the owner may set its group to one of its own.
func (u *userFS) mayChown(fi fs.FileInfo, uid, gid int) bool {
	st := foSys(fi)
	if uid != -1 && (st.Uid != u.uid || uid != st.Uid) {
		return false
	}
	return gid == -1 || st.Uid == u.uid && (gid == st.Gid || u.inGroup(gid))
}

// Chown is chown(2) (following a final link).
func (u *userFS) Chown(name string, uid, gid int) error {
	return u.chown("chown", name, uid, gid, true)
}

// Lchown is lchown(2).
func (u *userFS) Lchown(name string, uid, gid int) error {
	return u.chown("lchown", name, uid, gid, false)
}

func (u *userFS) chown(op, name string, uid, gid int, follow bool) error {
	if u.uid != 0 {
		fi, err := u.target(op, name, follow)
		if err != nil {
			return err
		}
		if fi != nil && !u.mayChown(fi, uid, gid) {
			return pathErr(op, name, syscall.EPERM)
		}
	}
	if follow {
		return u.fs.Chown(name, uid, gid)
	}
	return u.fs.Lchown(name, uid, gid)
}

// Chtimes is utimes(2) with explicit times, which only the owner (or
// root) may set.
func (u *userFS) Chtimes(name string, atime, mtime time.Time) error {
	if u.uid != 0 {
		fi, err := u.target("utime", name, true)
		if err != nil {
			return err
		}
		if fi != nil && owner(fi) != u.uid {
			return pathErr("utime", name, syscall.EPERM)
		}
	}
	return u.fs.Chtimes(name, atime, mtime)
}

// Touch is utimes(2) with no times (now): the owner, or a user who may
// write the file, sets both to now.
func (u *userFS) Touch(name string, now time.Time) error {
	if u.uid != 0 {
		fi, err := u.target("utime", name, true)
		if err != nil {
			return err
		}
		if fi != nil && owner(fi) != u.uid && !u.may(fi, 2) {
			return pathErr("utime", name, syscall.EACCES)
		}
	}
	return u.fs.Chtimes(name, now, now)
}

// ReadDir is opendir(3) and readdir(3): the entries of directory name,
// sorted by name, once the user may read it.
func (u *userFS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := u.Open(name)
	if err != nil {
		return nil, err
	}
	f.Close()
	rel := strings.TrimPrefix(path.Clean("/"+name), "/")
	if rel == "" {
		rel = "."
	}
	return fs.ReadDir(u.fs.IOFS(), rel)
}
