package vfs

import (
	"io/fs"
	"syscall"
)

// ioFS is the io/fs view of an FS.
type ioFS struct{ f *FS }

var (
	_ fs.ReadDirFS  = ioFS{}
	_ fs.ReadFileFS = ioFS{}
	_ fs.StatFS     = ioFS{}
	_ fs.ReadLinkFS = ioFS{}
)

// IOFS returns an io/fs view of the FS: an fs.FS that is also an
// fs.ReadDirFS, fs.ReadFileFS, fs.StatFS and fs.ReadLinkFS. Its names are
// io/fs names, relative to "/" ("etc/inittab", "." for the root); names
// that fs.ValidPath rejects fail with fs.ErrInvalid. Open and Stat follow
// symbolic links; ReadDir entries and Lstat describe links themselves.
func (f *FS) IOFS() fs.FS { return ioFS{f} }

func valid(op, name string) error {
	if !fs.ValidPath(name) {
		return perr(op, name, fs.ErrInvalid)
	}
	return nil
}

func (v ioFS) Open(name string) (fs.File, error) {
	if err := valid("open", name); err != nil {
		return nil, err
	}
	h, err := v.f.openFile(name, 0, 0)
	if err != nil {
		return nil, err
	}
	return h, nil
}

func (v ioFS) Stat(name string) (fs.FileInfo, error) {
	if err := valid("stat", name); err != nil {
		return nil, err
	}
	return v.f.Stat(name)
}

func (v ioFS) Lstat(name string) (fs.FileInfo, error) {
	if err := valid("lstat", name); err != nil {
		return nil, err
	}
	return v.f.Lstat(name)
}

func (v ioFS) ReadLink(name string) (string, error) {
	if err := valid("readlink", name); err != nil {
		return "", err
	}
	return v.f.Readlink(name)
}

// ReadFile returns a copy of the content of name, following links.
func (v ioFS) ReadFile(name string) ([]byte, error) {
	if err := valid("open", name); err != nil {
		return nil, err
	}
	f := v.f
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, true)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err != nil {
		return nil, perr("open", name, err)
	}
	n := f.inodes.get(r.ino)
	if n.isDir() {
		return nil, perr("read", name, syscall.EISDIR)
	}
	return append([]byte{}, n.data...), nil
}

// ReadDir returns the entries of directory name sorted by name; each
// describes the entry itself, a link as a link.
func (v ioFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := valid("readdir", name); err != nil {
		return nil, err
	}
	f := v.f
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, true)
	if err == nil && r.ino == 0 {
		err = syscall.ENOENT
	}
	if err == nil && !f.inodes.get(r.ino).isDir() {
		err = syscall.ENOTDIR
	}
	if err != nil {
		return nil, perr("readdir", name, err)
	}
	d := f.inodes.get(r.ino)
	names := f.sortedNames(r.ino)
	block := infoBlock{f: f, size: len(names)}
	entries := make([]fs.DirEntry, len(names))
	for i, c := range names {
		entries[i] = fs.FileInfoToDirEntry(block.info(f.inodes.get(d.children[c]), c))
	}
	return entries, nil
}
