package vfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"slices"
	"sync"
	"syscall"

	"github.com/spf13/afero"
)

// Errors os's files give too.
var (
	// errWriteAtInAppendMode is for WriteAt on an O_APPEND file.
	errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")
	// errNegativeOffset is for ReadAt and WriteAt before the start.
	errNegativeOffset = errors.New("negative offset")
)

// file is an open file: an [afero.File], and also an [fs.ReadDirFile] for
// the io/fs view. It refers to its inode by number, so it keeps working on
// the FS it came from whatever clones are made, and on an inode that was
// removed while open.
//
// Its fields are laid out to fit 80 bytes, the allocation size class
// below 96: every program a machine runs opens several files.
type file struct {
	fs   *FS
	ino  uint64
	name string

	mu     sync.Mutex // guards the fields below; taken before fs.mu
	off    int64
	dir    []string // directory names not yet read; nil before reading starts
	flag   int32    // the os.O_* flags, all of which fit in 32 bits
	closed bool
	listed bool // dir holds a listing
}

var (
	_ afero.File     = (*file)(nil)
	_ fs.ReadDirFile = (*file)(nil)
)

func (h *file) Name() string { return h.name }

// check returns the error for op on a closed file or with a wrong access
// mode.
func (h *file) check(op string, write bool) error {
	switch {
	case h.closed:
		return perr(op, h.name, fs.ErrClosed)
	case write && !writable(int(h.flag)):
		return perr(op, h.name, syscall.EBADF)
	case !write && int(h.flag)&(os.O_RDONLY|os.O_WRONLY|os.O_RDWR) == os.O_WRONLY:
		return perr(op, h.name, syscall.EBADF)
	}
	return nil
}

func (h *file) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return perr("close", h.name, fs.ErrClosed)
	}
	h.closed = true
	h.fs.mu.Lock()
	defer h.fs.mu.Unlock()
	h.fs.closed(h.ino)
	return nil
}

func (h *file) Read(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.check("read", false); err != nil {
		return 0, err
	}
	n, err := h.readAt("read", p, h.off)
	h.off += int64(n)
	return n, err
}

func (h *file) ReadAt(p []byte, off int64) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.check("read", false); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, perr("readat", h.name, errNegativeOffset)
	}
	n, err := h.readAt("read", p, off)
	if err == nil && n < len(p) {
		err = io.EOF
	}
	return n, err
}

func (h *file) readAt(op string, p []byte, off int64) (int, error) {
	h.fs.mu.RLock()
	defer h.fs.mu.RUnlock()
	n := h.fs.node(h.ino)
	switch {
	case n.isDir():
		return 0, perr(op, h.name, syscall.EISDIR)
	case !n.isRegular():
		return 0, io.EOF
	case len(p) == 0:
		return 0, nil
	case off >= int64(len(n.data)):
		return 0, io.EOF
	}
	return copy(p, n.data[off:]), nil
}

func (h *file) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.check("write", true); err != nil {
		return 0, err
	}
	n, err := h.writeAt(p, h.off, int(h.flag)&os.O_APPEND != 0)
	h.off += int64(n)
	return n, err
}

func (h *file) WriteString(s string) (int, error) {
	return h.Write([]byte(s))
}

func (h *file) WriteAt(p []byte, off int64) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.check("write", true); err != nil {
		return 0, err
	}
	if int(h.flag)&os.O_APPEND != 0 {
		return 0, perr("writeat", h.name, errWriteAtInAppendMode)
	}
	if off < 0 {
		return 0, perr("writeat", h.name, errNegativeOffset)
	}
	return h.writeAt(p, off, false)
}

// writeAt writes p at off, or at the end of the file if end is set, and
// sets h.off past what it wrote when end is set. A write the quota cannot
// hold changes nothing and fails with ENOSPC.
func (h *file) writeAt(p []byte, off int64, end bool) (int, error) {
	f := h.fs
	f.mu.Lock()
	defer f.mu.Unlock()
	n := f.node(h.ino)
	if !n.isRegular() {
		return len(p), nil // a device discards writes
	}
	if end {
		off = int64(len(n.data))
		h.off = off
	}
	if len(p) == 0 {
		return 0, nil
	}
	if off > maxFileSize || int64(len(p)) > maxFileSize-off {
		return 0, perr("write", h.name, syscall.EFBIG)
	}
	stop := off + int64(len(p))
	if stop > int64(len(n.data)) {
		if err := f.resize(h.ino, stop); err != nil {
			return 0, perr("write", h.name, err)
		}
	}
	m := f.mut(h.ino)
	m.own()
	copy(m.data[off:], p)
	m.mtime = f.now()
	m.ctime = m.mtime
	return len(p), nil
}

func (h *file) Seek(offset int64, whence int) (int64, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return 0, perr("seek", h.name, fs.ErrClosed)
	}
	h.fs.mu.RLock()
	n := h.fs.node(h.ino)
	size := int64(len(n.data))
	isDir := n.isDir()
	h.fs.mu.RUnlock()
	if isDir {
		// Only rewinding (and asking where one is) makes sense in a listing.
		switch {
		case offset == 0 && whence == io.SeekStart:
			h.dir, h.listed = nil, false
			return 0, nil
		case offset == 0 && whence == io.SeekCurrent:
			return 0, nil
		}
		return 0, perr("seek", h.name, syscall.EINVAL)
	}
	var pos int64
	switch whence {
	case io.SeekStart:
		pos = offset
	case io.SeekCurrent:
		pos = h.off + offset
	case io.SeekEnd:
		pos = size + offset
	default:
		return 0, perr("seek", h.name, syscall.EINVAL)
	}
	if pos < 0 {
		return 0, perr("seek", h.name, syscall.EINVAL)
	}
	h.off = pos
	return pos, nil
}

func (h *file) Stat() (fs.FileInfo, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, perr("stat", h.name, fs.ErrClosed)
	}
	h.fs.mu.RLock()
	defer h.fs.mu.RUnlock()
	return h.fs.info(h.fs.node(h.ino), baseName(h.name)), nil
}

func (h *file) Sync() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return perr("sync", h.name, fs.ErrClosed)
	}
	return nil
}

// Truncate sets the file's size; the file must be open for writing
// (EINVAL otherwise, as ftruncate(2) on Linux).
func (h *file) Truncate(size int64) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return perr("truncate", h.name, fs.ErrClosed)
	}
	f := h.fs
	f.mu.Lock()
	defer f.mu.Unlock()
	if size < 0 || !writable(int(h.flag)) || !f.node(h.ino).isRegular() {
		return perr("truncate", h.name, syscall.EINVAL)
	}
	if err := f.resize(h.ino, size); err != nil {
		return perr("truncate", h.name, err)
	}
	m := f.mut(h.ino)
	m.mtime = f.now()
	m.ctime = m.mtime
	return nil
}

// next returns up to n (all if n <= 0) directory names not read yet,
// listing the directory on the first call. The names are the FS's shared
// listing: callers must not change them.
func (h *file) next(n int) ([]string, error) {
	if h.closed {
		return nil, perr("readdirent", h.name, fs.ErrClosed)
	}
	d := h.fs.node(h.ino)
	if !d.isDir() {
		return nil, perr("readdirent", h.name, syscall.ENOTDIR)
	}
	if !h.listed {
		h.dir = h.fs.sortedNames(h.ino)
		h.listed = true
	}
	if n <= 0 || n > len(h.dir) {
		n = len(h.dir)
	}
	names := h.dir[:n:n]
	h.dir = h.dir[n:]
	return names, nil
}

// Readdir returns the FileInfo (as from Lstat) of up to count entries not
// read yet, sorted by name, or of all of them if count <= 0. With count >
// 0, it returns io.EOF once none are left.
func (h *file) Readdir(count int) ([]fs.FileInfo, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fs.mu.RLock()
	defer h.fs.mu.RUnlock()
	var infos []fs.FileInfo
	for {
		names, err := h.next(count)
		if err != nil {
			return nil, err
		}
		d := h.fs.node(h.ino)
		block := infoBlock{f: h.fs, size: len(names)}
		if infos == nil {
			infos = make([]fs.FileInfo, 0, len(names))
		}
		for _, name := range names {
			// Skip names removed since the listing was taken.
			if ino, ok := d.children[name]; ok {
				infos = append(infos, block.info(h.fs.inodes.get(ino), name))
			}
		}
		if len(infos) > 0 || len(h.dir) == 0 {
			break
		}
	}
	if count > 0 && len(infos) == 0 {
		return infos, io.EOF
	}
	return infos, nil
}

// Readdirnames is [file.Readdir] returning names only.
func (h *file) Readdirnames(n int) ([]string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fs.mu.RLock()
	defer h.fs.mu.RUnlock()
	names, err := h.next(n)
	if err != nil {
		return nil, err
	}
	names = slices.Clone(names) // the caller's to change
	if n > 0 && len(names) == 0 {
		return names, io.EOF
	}
	return names, nil
}

// ReadDir is [file.Readdir] returning fs.DirEntry values, for io/fs.
func (h *file) ReadDir(n int) ([]fs.DirEntry, error) {
	infos, err := h.Readdir(n)
	entries := make([]fs.DirEntry, len(infos))
	for i, fi := range infos {
		entries[i] = fs.FileInfoToDirEntry(fi)
	}
	return entries, err
}
