package vfs

import (
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// Create creates or truncates the named file and opens it for reading and
// writing. A new file gets mode 0666: callers apply their umask themselves.
// It fails with EISDIR on a directory and ENOENT if the parent is missing.
func (f *FS) Create(name string) (afero.File, error) {
	return f.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Open opens the named file, following symbolic links, for reading.
func (f *FS) Open(name string) (afero.File, error) {
	return f.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile opens the named file with the os.O_* flags in flag: O_RDONLY,
// O_WRONLY or O_RDWR, and any of O_CREATE, O_EXCL, O_TRUNC and O_APPEND.
// A file it creates gets perm's permission, setuid, setgid and sticky bits
// and is owned by 0:0. With O_CREATE, a dangling symbolic link makes it
// create the link's target, as Linux does; with O_CREATE|O_EXCL, any
// existing name, a link included, fails with EEXIST.
func (f *FS) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	h, err := f.openFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return h, nil
}

func (f *FS) openFile(name string, flag int, perm fs.FileMode) (*file, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	creat := flag&os.O_CREATE != 0
	excl := creat && flag&os.O_EXCL != 0
	trunc := flag&os.O_TRUNC != 0
	r, err := f.resolve(name, !excl)
	if err != nil {
		return nil, perr("open", name, err)
	}
	ino := r.ino
	switch {
	case ino == 0 && !creat:
		return nil, perr("open", name, syscall.ENOENT)
	case ino == 0 && r.slash:
		return nil, perr("open", name, syscall.EISDIR)
	case ino == 0:
		n, err := f.alloc(perm&chmodBits, 0, 0)
		if err != nil {
			return nil, perr("open", name, err)
		}
		f.attach(r.dir, r.name, n.ino)
		ino = n.ino
	case excl:
		return nil, perr("open", name, syscall.EEXIST)
	case f.inodes.get(ino).isDir():
		if writable(flag) || creat || trunc {
			return nil, perr("open", name, syscall.EISDIR)
		}
	case trunc && f.inodes.get(ino).isRegular():
		// Linux truncates even on O_RDONLY|O_TRUNC, and always stamps.
		_ = f.resize(ino, 0) // shrinking cannot fail
		m := f.mut(ino)
		m.mtime = f.now()
		m.ctime = m.mtime
	}
	if f.opens == nil {
		f.opens = make(map[uint64]int)
	}
	f.opens[ino]++
	return &file{fs: f, ino: ino, name: name, flag: int32(flag)}, nil
}

// ReadFileAt reads the file name from offset off into p, as opening it
// read-only, reading at off and closing would, without an open file:
// a peek at a program's head costs no handle and no write lock. Links
// are followed; a name that does not resolve fails as Open does, a
// directory as a read does (EISDIR), and other non-regular files read as
// empty. Like ReadAt, fewer than len(p) bytes come with io.EOF.
func (f *FS) ReadFileAt(name string, p []byte, off int64) (int, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, true)
	if err != nil {
		return 0, perr("open", name, err)
	}
	if r.ino == 0 {
		return 0, perr("open", name, syscall.ENOENT)
	}
	n := f.inodes.get(r.ino)
	switch {
	case n.isDir():
		return 0, perr("read", name, syscall.EISDIR)
	case off < 0:
		return 0, perr("readat", name, errNegativeOffset)
	case !n.isRegular() || off >= int64(len(n.data)):
		return 0, io.EOF
	}
	k := copy(p, n.data[off:])
	if k < len(p) {
		return k, io.EOF
	}
	return k, nil
}

// Mkdir creates the directory name with perm's permission, setuid, setgid
// and sticky bits. The parent must exist (ENOENT) and name must not
// (EEXIST, also for a dangling symbolic link).
func (f *FS) Mkdir(name string, perm fs.FileMode) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.mkdir(name, perm); err != nil {
		return perr("mkdir", name, err)
	}
	return nil
}

func (f *FS) mkdir(name string, perm fs.FileMode) error {
	r, err := f.resolve(name, false)
	switch {
	case err != nil:
		return err
	case r.ino != 0 || r.link:
		return syscall.EEXIST
	}
	n, err := f.alloc(fs.ModeDir|perm&chmodBits, 0, 0)
	if err != nil {
		return err
	}
	n.nlink = 2
	n.parent = r.dir // children stay nil: many directories stay empty (/proc/PID)
	f.attach(r.dir, r.name, n.ino)
	return nil
}

// MkdirAll creates the directory name and any missing parents, all with
// perm, as os.MkdirAll does. It succeeds if name already is a directory (or
// a link to one) and fails with ENOTDIR if it, or a parent, is something
// else.
func (f *FS) MkdirAll(name string, perm fs.FileMode) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mkdirAll(name, perm)
}

func (f *FS) mkdirAll(name string, perm fs.FileMode) error {
	if r, err := f.resolve(name, true); err == nil && r.ino != 0 {
		if f.inodes.get(r.ino).isDir() {
			return nil
		}
		return perr("mkdir", name, syscall.ENOTDIR)
	}
	i := len(name)
	for i > 0 && name[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && name[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := f.mkdirAll(name[:j-1], perm); err != nil {
			return err
		}
	}
	if err := f.mkdir(name, perm); err != nil {
		if r, err1 := f.resolve(name, false); err1 == nil && r.ino != 0 && f.inodes.get(r.ino).isDir() {
			return nil
		}
		return perr("mkdir", name, err)
	}
	return nil
}

// Remove removes a file, an empty directory or a symbolic link (never its
// target). A non-empty directory fails with ENOTEMPTY, "/" with EBUSY.
func (f *FS) Remove(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, err := f.resolve(trimSlash(name), false)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return perr("remove", name, err)
	}
	n := f.inodes.get(r.ino)
	switch {
	case r.ino == rootIno:
		err = syscall.EBUSY
	case r.name == "":
		err = syscall.EINVAL
	case hasSlash(name) && !n.isDir():
		err = syscall.ENOTDIR
	case n.isDir() && len(n.children) > 0:
		err = syscall.ENOTEMPTY
	}
	if err != nil {
		return perr("remove", name, err)
	}
	f.unlink(r.dir, r.name)
	return nil
}

// RemoveAll removes name and, for a directory, everything under it,
// without following symbolic links (a link itself is removed). A missing
// name is no error. RemoveAll("/") empties the tree, then fails with EBUSY.
func (f *FS) RemoveAll(name string) error {
	if name == "" {
		return nil
	}
	if name == "." || strings.HasSuffix(name, "/.") {
		return perr("RemoveAll", name, syscall.EINVAL)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	r, err := f.resolve(trimSlash(name), false)
	switch {
	case errors.Is(err, syscall.ENOENT):
		return nil
	case err != nil:
		return perr("remove", name, err)
	case r.ino == 0:
		return nil
	case r.ino == rootIno:
		for _, c := range slices.Sorted(maps.Keys(f.inodes.get(rootIno).children)) {
			f.unlink(rootIno, c)
		}
		return perr("remove", name, syscall.EBUSY)
	case r.name == "":
		return perr("remove", name, syscall.EINVAL)
	}
	f.unlink(r.dir, r.name)
	return nil
}

// Rename moves oldname to newname, as rename(2) does: links stay links,
// directories move with their subtree, an existing file (or empty
// directory, for a directory) at newname is replaced atomically, and
// renaming a name onto itself or onto another hard link of it does nothing.
func (f *FS) Rename(oldname, newname string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.rename(oldname, newname); err != nil {
		return lerr("rename", oldname, newname, err)
	}
	return nil
}

func (f *FS) rename(oldname, newname string) error {
	ro, err := f.resolve(trimSlash(oldname), false)
	if err == nil && ro.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return err
	}
	rn, err := f.resolve(trimSlash(newname), false)
	if err != nil {
		return err
	}
	src := f.inodes.get(ro.ino)
	switch {
	case ro.name == "" || rn.name == "":
		return syscall.EBUSY
	case hasSlash(oldname) && !src.isDir(), hasSlash(newname) && !src.isDir():
		return syscall.ENOTDIR
	case rn.ino == ro.ino:
		return nil
	case src.isDir() && f.within(rn.dir, ro.ino):
		return syscall.EINVAL
	}
	if rn.ino != 0 {
		dst := f.inodes.get(rn.ino)
		switch {
		case src.isDir() && !dst.isDir():
			return syscall.ENOTDIR
		case !src.isDir() && dst.isDir():
			return syscall.EISDIR
		case dst.isDir() && len(dst.children) > 0:
			return syscall.ENOTEMPTY
		}
		f.unlink(rn.dir, rn.name)
	}
	f.detach(ro.dir, ro.name)
	f.attach(rn.dir, rn.name, ro.ino)
	f.mut(ro.ino).ctime = f.now()
	return nil
}

// Stat returns the FileInfo of name, following symbolic links; its Sys is a
// *[Stat].
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.stat("stat", name, true)
}

// Lstat returns the FileInfo of name without following a symbolic link in
// the last component; its Sys is a *[Stat].
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.stat("lstat", name, false)
}

// LstatIfPossible is [FS.Lstat]; the bool is always true.
func (f *FS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, err := f.Lstat(name)
	return fi, true, err
}

// StatMode returns the mode [FS.Stat] would report for name, following
// symbolic links; ok is false where Stat fails. It builds no FileInfo and
// no error, for callers that only ask whether a name exists and what kind
// of file it is.
func (f *FS) StatMode(name string) (mode fs.FileMode, ok bool) {
	return f.modeOf(name, true)
}

// LstatMode is [FS.StatMode] without following a symbolic link in the
// last component, as [FS.Lstat].
func (f *FS) LstatMode(name string) (mode fs.FileMode, ok bool) {
	return f.modeOf(name, false)
}

func (f *FS) modeOf(name string, follow bool) (fs.FileMode, bool) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, follow)
	if err != nil || r.ino == 0 {
		return 0, false
	}
	return f.inodes.get(r.ino).mode, true
}

func (f *FS) stat(op, name string, follow bool) (fs.FileInfo, error) {
	r, err := f.resolve(name, follow)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return nil, perr(op, name, err)
	}
	return f.info(f.inodes.get(r.ino), baseName(name)), nil
}

// Chmod sets the permission, setuid, setgid and sticky bits of name,
// following symbolic links, to those of mode.
func (f *FS) Chmod(name string, mode fs.FileMode) error {
	return f.change("chmod", name, true, func(n *inode) {
		n.mode = n.mode&^chmodBits | mode&chmodBits
	})
}

// Chown sets the owner of name, following symbolic links; an id of -1 is
// left unchanged.
func (f *FS) Chown(name string, uid, gid int) error {
	return f.change("chown", name, true, chown(uid, gid))
}

// Lchown sets the owner of name itself, not of a link's target; an id of
// -1 is left unchanged.
func (f *FS) Lchown(name string, uid, gid int) error {
	return f.change("lchown", name, false, chown(uid, gid))
}

func chown(uid, gid int) func(*inode) {
	return func(n *inode) {
		if uid != -1 {
			n.uid = uid
		}
		if gid != -1 {
			n.gid = gid
		}
	}
}

// Chtimes sets the access and modification times of name, following
// symbolic links; a zero time is left unchanged.
func (f *FS) Chtimes(name string, atime, mtime time.Time) error {
	return f.change("chtimes", name, true, func(n *inode) {
		if !atime.IsZero() {
			n.atime = atime
		}
		if !mtime.IsZero() {
			n.mtime = mtime
		}
	})
}

// change applies fn to the inode name resolves to and stamps its ctime.
func (f *FS) change(op, name string, follow bool, fn func(*inode)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, err := f.resolve(name, follow)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return perr(op, name, err)
	}
	n := f.mut(r.ino)
	fn(n)
	n.ctime = f.now()
	return nil
}

// Symlink creates linkname as a symbolic link to target, which is stored
// as given and resolved at use (a relative target from linkname's
// directory). linkname must not exist (EEXIST); its parent must (ENOENT).
func (f *FS) Symlink(target, linkname string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.symlink(target, linkname); err != nil {
		return lerr("symlink", target, linkname, err)
	}
	return nil
}

func (f *FS) symlink(target, linkname string) error {
	switch {
	case target == "":
		return syscall.ENOENT
	case len(target) >= pathMax:
		return syscall.ENAMETOOLONG
	case strings.IndexByte(target, 0) >= 0:
		return syscall.EINVAL
	}
	r, err := f.resolve(linkname, false)
	switch {
	case err != nil:
		return err
	case r.ino != 0 || r.link:
		return syscall.EEXIST
	case r.slash:
		return syscall.ENOENT
	}
	n, err := f.alloc(fs.ModeSymlink|0o777, 0, 0)
	if err != nil {
		return err
	}
	n.target = target
	f.attach(r.dir, r.name, n.ino)
	return nil
}

// SymlinkIfPossible is [FS.Symlink], for [afero.Linker].
func (f *FS) SymlinkIfPossible(oldname, newname string) error {
	return f.Symlink(oldname, newname)
}

// Readlink returns the target of the symbolic link name; anything else
// fails with EINVAL.
func (f *FS) Readlink(name string) (string, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, false)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err == nil && !f.inodes.get(r.ino).isLink() {
		err = syscall.EINVAL
	}
	if err != nil {
		return "", perr("readlink", name, err)
	}
	return f.inodes.get(r.ino).target, nil
}

// ReadlinkIfPossible is [FS.Readlink], for [afero.LinkReader].
func (f *FS) ReadlinkIfPossible(name string) (string, error) {
	return f.Readlink(name)
}

// Link makes newname a hard link to oldname (a symbolic link itself, not
// its target), raising its link count. A directory fails with EPERM, an
// existing newname with EEXIST.
func (f *FS) Link(oldname, newname string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.link(oldname, newname); err != nil {
		return lerr("link", oldname, newname, err)
	}
	return nil
}

func (f *FS) link(oldname, newname string) error {
	ro, err := f.resolve(oldname, false)
	if err == nil && ro.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return err
	}
	if f.inodes.get(ro.ino).isDir() {
		return syscall.EPERM
	}
	rn, err := f.resolve(newname, false)
	switch {
	case err != nil:
		return err
	case rn.ino != 0 || rn.link:
		return syscall.EEXIST
	case rn.slash:
		return syscall.ENOENT
	}
	m := f.mut(ro.ino)
	m.nlink++
	m.ctime = f.now()
	f.attach(rn.dir, rn.name, ro.ino)
	return nil
}

// Mknod creates the special file name owned by uid:gid. mode's type is
// os.ModeDevice|os.ModeCharDevice (a character device such as /dev/null),
// os.ModeDevice (a block device) or none (an empty regular file); other
// types fail with EINVAL. Reading a device gives EOF at once and writes to
// it are discarded.
func (f *FS) Mknod(name string, mode fs.FileMode, uid, gid int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	typ := mode.Type()
	switch typ {
	case 0, fs.ModeDevice, fs.ModeDevice | fs.ModeCharDevice:
	default:
		return perr("mknod", name, syscall.EINVAL)
	}
	r, err := f.resolve(name, false)
	switch {
	case err != nil:
	case r.ino != 0 || r.link:
		err = syscall.EEXIST
	case r.slash:
		err = syscall.ENOENT
	}
	if err != nil {
		return perr("mknod", name, err)
	}
	n, err := f.alloc(typ|mode&chmodBits, uid, gid)
	if err != nil {
		return perr("mknod", name, err)
	}
	f.attach(r.dir, r.name, n.ino)
	return nil
}

// EvalSymlinks returns the physical absolute path of name, with every
// symbolic link resolved, as readlink -f and pwd -P print it. name must
// exist.
func (f *FS) EvalSymlinks(name string) (string, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, true)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return "", perr("lstat", name, err)
	}
	if r.name == "" {
		return f.pathOf(r.ino), nil
	}
	return path.Join(f.pathOf(r.dir), r.name), nil
}

// writable reports whether flag opens for writing.
func writable(flag int) bool {
	acc := flag & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR)
	return acc == os.O_WRONLY || acc == os.O_RDWR
}

// trimSlash removes trailing slashes from name, keeping "/" itself.
func trimSlash(name string) string {
	t := strings.TrimRight(name, "/")
	if t == "" && name != "" {
		return "/"
	}
	return t
}

// baseName is the name a FileInfo for name carries, as os.Stat gives it.
func baseName(name string) string {
	if name == "" {
		return "."
	}
	return path.Base(name)
}
