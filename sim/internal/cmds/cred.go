package cmds

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"syscall"

	"rclab/vfs"
)

// This file is who a program runs as, and the kernel's permission checks
// for that user: root passes every read and write check, and any
// execute check where some x bit is set.

// Cred returns the user and group the program runs as: its entry's
// owner in the process table; root outside one.
func (p *Proc) Cred() (uid, gid int) {
	if p.PID != 0 && p.Sys != nil && p.Sys.Procs != nil {
		if me, ok := p.Sys.Procs.Get(p.PID); ok {
			return me.UID, me.GID
		}
	}
	return 0, 0
}

// Root reports whether the program runs as root.
func (p *Proc) Root() bool {
	uid, _ := p.Cred()
	return uid == 0
}

// MayAccess reports whether uid (with primary group gid) has the access
// bits want (4 read, 2 write, 1 execute or search) on fi, as the kernel's
// generic_permission decides: root may read and write anything, and
// execute what has an x bit or is a directory.
func MayAccess(fi fs.FileInfo, uid, gid int, want fs.FileMode) bool {
	perm := fi.Mode().Perm()
	if uid == 0 {
		return want&1 == 0 || fi.IsDir() || perm&0o111 != 0
	}
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		switch {
		case st.Uid == uid:
			perm >>= 6
		case st.Gid == gid:
			perm >>= 3
		}
	}
	return perm&want == want
}

// CheckPath returns EACCES (as a *fs.PathError of op) when uid may not
// reach abs: a directory on the way denies search. A missing component is
// not an error here: the operation itself reports it.
func CheckPath(fsys *vfs.FS, op, abs string, uid, gid int) error {
	if uid == 0 {
		return nil
	}
	dir := path.Dir(path.Clean(abs))
	cur := "/"
	parts := strings.Split(strings.Trim(dir, "/"), "/")
	if dir == "/" {
		parts = nil
	}
	for i := -1; i < len(parts); i++ {
		if i >= 0 {
			cur = path.Join(cur, parts[i])
		}
		fi, err := fsys.Stat(cur)
		if err != nil || !fi.IsDir() {
			return nil
		}
		if !MayAccess(fi, uid, gid, 1) {
			return &fs.PathError{Op: op, Path: abs, Err: syscall.EACCES}
		}
	}
	return nil
}

// CheckOpen returns the error the kernel gives uid opening abs with flag
// (os.O_* bits): EACCES when a directory on the way denies search, the
// file denies the access, or a file to be created lies in a directory
// uid may not write. Nil when the open may go ahead (it may still fail,
// for a missing file).
func CheckOpen(fsys *vfs.FS, abs string, flag int, uid, gid int) error {
	if uid == 0 {
		return nil
	}
	if err := CheckPath(fsys, "open", abs, uid, gid); err != nil {
		return err
	}
	denied := &fs.PathError{Op: "open", Path: abs, Err: syscall.EACCES}
	fi, err := fsys.Stat(abs)
	switch {
	case err == nil:
		want := fs.FileMode(4)
		switch flag & (syscall.O_WRONLY | syscall.O_RDWR) {
		case syscall.O_WRONLY:
			want = 2
		case syscall.O_RDWR:
			want = 6
		}
		if flag&syscall.O_TRUNC != 0 {
			want |= 2
		}
		if !MayAccess(fi, uid, gid, want) {
			return denied
		}
	case errors.Is(err, fs.ErrNotExist) && flag&syscall.O_CREAT != 0:
		if di, derr := fsys.Stat(path.Dir(abs)); derr == nil && di.IsDir() && !MayAccess(di, uid, gid, 3) {
			return denied
		}
	}
	return nil
}

// CheckParent returns EACCES (a *fs.PathError of op on abs) when uid may
// not add or remove an entry of abs's directory: it needs write and
// search there.
func CheckParent(fsys *vfs.FS, op, abs string, uid, gid int) error {
	if uid == 0 {
		return nil
	}
	if err := CheckPath(fsys, op, abs, uid, gid); err != nil {
		return err
	}
	di, err := fsys.Stat(path.Dir(abs))
	if err == nil && di.IsDir() && !MayAccess(di, uid, gid, 3) {
		return &fs.PathError{Op: op, Path: abs, Err: syscall.EACCES}
	}
	return nil
}

// Own gives a file a program created to the user it runs as (vfs makes
// every new file root's). Nothing changes for root.
func (p *Proc) Own(abs string) {
	if uid, gid := p.Cred(); uid != 0 || gid != 0 {
		p.Sys.FS.Lchown(abs, uid, gid)
	}
}

// UserName is the name of the user the program runs as, from
// /etc/passwd (the number when no entry has it).
func (p *Proc) UserName() string {
	uid, _ := p.Cred()
	if uid == 0 {
		return "root"
	}
	return ReadPasswd(p.Sys).Name(uid)
}

// touchDenied is the error touch's open gets when its user may neither
// write nor create fp; nil for root, and for the file's owner, whose
// utimes may set the times of a file it cannot write.
func touchDenied(p *Proc, fp string) error {
	uid, gid := p.Cred()
	err := CheckOpen(p.Sys.FS, fp, syscall.O_WRONLY|syscall.O_CREAT, uid, gid)
	if err == nil {
		return nil
	}
	if fi, serr := p.Sys.FS.Stat(fp); serr == nil && CheckPath(p.Sys.FS, "open", fp, uid, gid) == nil {
		if st, ok := fi.Sys().(*vfs.Stat); ok && st.Uid == uid {
			return nil
		}
	}
	return err
}

// foMkdir is mkdir(2) for the program's user: an existing name fails
// with EEXIST first, then the parent must let the user add an entry, and
// the new directory is the user's.
func foMkdir(p *Proc, fp string, mode fs.FileMode) error {
	uid, gid := p.Cred()
	if uid != 0 {
		if _, err := p.Sys.FS.Lstat(fp); err != nil {
			if err := CheckParent(p.Sys.FS, "mkdir", fp, uid, gid); err != nil {
				return err
			}
		}
	}
	if err := p.Sys.FS.Mkdir(fp, mode); err != nil {
		return err
	}
	p.Own(fp)
	return nil
}
