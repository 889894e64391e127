package cmds

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"syscall"

	"rclab/sim/internal/kernel"
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
	return (&ids{uid: uid, gid: gid}).may(fi, want)
}

// ids is who a program runs as for the kernel's checks: its user, its
// primary group, and the other groups login gave it (none when nil).
type ids struct {
	uid, gid int
	groups   []int
}

// idsOf is uid and gid with the groups /etc/group gives the user, as
// initgroups(3) reads them at login.
func idsOf(k *kernel.Kernel, uid, gid int) ids {
	c := ids{uid: uid, gid: gid}
	if uid != 0 && k != nil {
		c.groups = siGroupsOf(sharedGroup(k), SharedPasswd(k).Name(uid), gid)
	}
	return c
}

// inGroup is the kernel's in_group_p: g is the primary group or one of
// the others.
func (c *ids) inGroup(g int) bool {
	return g == c.gid || slices.Contains(c.groups, g)
}

// may is generic_permission: the owner's bits for the owner, else the
// group's for a member of the file's group, else the others'.
func (c *ids) may(fi fs.FileInfo, want fs.FileMode) bool {
	perm := fi.Mode().Perm()
	if c.uid == 0 {
		return want&1 == 0 || fi.IsDir() || perm&0o111 != 0
	}
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		switch {
		case st.Uid == c.uid:
			perm >>= 6
		case c.inGroup(st.Gid):
			perm >>= 3
		}
	}
	return perm&want == want
}

// searchable returns EACCES (a *fs.PathError of op on abs) when a
// directory on the way to abs denies search: each directory the name
// passes lexically and each one its directory really is once symbolic
// links are resolved. A missing component is not an error here: the
// operation itself reports it.
func (c *ids) searchable(fsys *vfs.FS, op, abs string) error {
	if c.uid == 0 {
		return nil
	}
	dir := path.Dir(path.Clean("/" + abs))
	if !c.searchChain(fsys, dir) {
		return &fs.PathError{Op: op, Path: abs, Err: syscall.EACCES}
	}
	if real, err := fsys.EvalSymlinks(dir); err == nil && real != dir && !c.searchChain(fsys, real) {
		return &fs.PathError{Op: op, Path: abs, Err: syscall.EACCES}
	}
	return nil
}

// searchChain reports whether every directory from / down to dir (itself
// included) lets the user search it.
func (c *ids) searchChain(fsys *vfs.FS, dir string) bool {
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
			return true
		}
		if !c.may(fi, 1) {
			return false
		}
	}
	return true
}

// CheckPath returns EACCES (as a *fs.PathError of op) when uid may not
// reach abs: a directory on the way denies search. A missing component is
// not an error here: the operation itself reports it.
func CheckPath(fsys *vfs.FS, op, abs string, uid, gid int) error {
	return (&ids{uid: uid, gid: gid}).searchable(fsys, op, abs)
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

// UserName is the name of the user the program runs as, from
// /etc/passwd (the number when no entry has it).
func (p *Proc) UserName() string {
	uid, _ := p.Cred()
	if uid == 0 {
		return "root"
	}
	return SharedPasswd(p.Sys).Name(uid)
}
