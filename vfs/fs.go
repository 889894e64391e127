package vfs

import (
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// Linux limits.
const (
	maxHops = 40   // MAXSYMLINKS: link hops in one lookup before ELOOP
	nameMax = 255  // NAME_MAX: bytes in one path component
	pathMax = 4096 // PATH_MAX: bytes in a path or a link target, NUL included

	rootIno  = 2  // ext3's root inode
	firstIno = 11 // ext3's first non-reserved inode

	dirSize = 4096 // a directory's Size, as on ext3

	maxFileSize = 1 << 31 // larger files fail with EFBIG, quota or not (non-LFS limit)

	// maxSpares is the most freed inodes an FS keeps for reuse: processes
	// make and remove a /proc/PID directory each, a few of them at once.
	maxSpares = 16
)

// chmodBits are the mode bits Chmod, Mkdir and OpenFile may set.
const chmodBits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// defaultTime is the clock of an FS made without [WithClock].
var defaultTime = time.Date(2014, time.September, 30, 12, 0, 0, 0, time.UTC)

func defaultClock() time.Time { return defaultTime }

// generations hands out inode generations; see [FS.mut].
var generations atomic.Uint64

// FS is an in-memory Linux file system. It implements [afero.Fs] and
// [afero.Symlinker]; the zero value is not usable, call [New]. An FS is safe
// for concurrent use.
type FS struct {
	mu      sync.RWMutex
	gen     uint64            // inodes with this generation are ours to change in place
	inodes  inodeTable        // every inode reachable from the root
	orphans map[uint64]*inode // unlinked inodes that open files still use; nil while none
	opens   map[uint64]int    // number of open files per inode; nil before the first open
	nextIno uint64
	spares  []*inode // freed inodes for alloc to reuse; see [FS.drop]
	now     func() time.Time
	clocked bool // now is a caller's clock, not defaultClock

	bytes      int64 // content bytes of all regular files, orphans included
	entries    int   // inodes, root and orphans included
	maxBytes   int64 // 0: unlimited
	maxEntries int   // 0: unlimited

	// listMu guards lists, which readers fill while holding mu for
	// reading; see [FS.sortedNames].
	listMu sync.Mutex
	lists  map[uint64]listing
}

var (
	_ afero.Fs        = (*FS)(nil)
	_ afero.Symlinker = (*FS)(nil)
)

// Option configures an FS made by [New].
type Option func(*FS)

// WithClock makes the FS take every access, modification and change time
// from now. A nil now keeps the default clock, which always reads
// 2014-09-30 12:00:00 UTC. The FS calls now with its lock held, so now must
// not use the FS.
func WithClock(now func() time.Time) Option {
	return func(f *FS) { f.setClock(now) }
}

// WithQuota bounds the FS to maxBytes bytes of regular file content and
// maxEntries inodes (the root included); 0 means unlimited. An operation
// that would go over fails with ENOSPC and changes nothing.
func WithQuota(maxBytes int64, maxEntries int) Option {
	return func(f *FS) {
		f.maxBytes = max(maxBytes, 0)
		f.maxEntries = max(maxEntries, 0)
	}
}

// New returns an FS holding only "/", a directory with mode 0755 owned by
// root:root.
func New(opts ...Option) *FS {
	f := &FS{
		gen:     generations.Add(1),
		nextIno: firstIno,
		now:     defaultClock,
	}
	for _, o := range opts {
		o(f)
	}
	t := f.now()
	f.inodes.set(f.gen, rootIno, &inode{attrs: attrs{
		gen: f.gen, ino: rootIno, mode: fs.ModeDir | 0o755, nlink: 2,
		atime: t, mtime: t, ctime: t,
		parent: rootIno,
	}})
	f.entries = 1
	return f
}

func (f *FS) setClock(now func() time.Time) {
	f.clocked = now != nil
	if now == nil {
		now = defaultClock
	}
	f.now = now
}

// SetClock replaces the clock that stamps times from now on; a nil now
// restores the default clock. A machine calls it on a fresh [FS.Clone].
func (f *FS) SetClock(now func() time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.setClock(now)
}

// Clone returns an independent copy of the FS: later changes to either one
// never show in the other. It copies only the list of the inode table's
// chunks; chunks, inodes and file contents are shared until one side
// changes them. The clone keeps the clock and quota, and has no open
// files: the original's open files, and unlinked inodes they still hold,
// stay with the original.
func (f *FS) Clone() *FS {
	f.mu.Lock()
	defer f.mu.Unlock()
	// From now on neither side owns the shared inodes and table chunks,
	// so each copies one before its first change.
	f.gen = generations.Add(1)
	c := &FS{
		gen:        generations.Add(1),
		inodes:     f.inodes.clone(),
		nextIno:    f.nextIno,
		now:        f.now,
		clocked:    f.clocked,
		bytes:      f.bytes,
		entries:    f.entries - len(f.orphans),
		maxBytes:   f.maxBytes,
		maxEntries: f.maxEntries,
	}
	for _, n := range f.orphans {
		if n.isRegular() {
			c.bytes -= n.size()
		}
	}
	return c
}

// Usage returns the bytes of regular file content and the number of inodes
// (the root included) that count against the quota. Files that were removed
// while open count until their last close.
func (f *FS) Usage() (bytes int64, entries int) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.bytes, f.entries
}

// Name returns "vfs".
func (f *FS) Name() string { return "vfs" }

// inode is one version of a file, directory, symbolic link or device.
type inode struct {
	attrs

	// info is a FileInfo of this version, kept once no FS may change it in
	// place any more (see [FS.info]). FSes share such versions, so info is
	// the one field set after that, and atomically; a new version of the
	// inode copies its attrs only.
	info atomic.Pointer[inodeInfo]
}

// attrs is what an inode holds and [FS.mut] copies.
type attrs struct {
	gen   uint64 // generation that may change this inode in place
	ino   uint64
	mode  fs.FileMode
	uid   int
	gid   int
	nlink int
	atime time.Time
	mtime time.Time
	ctime time.Time

	data   []byte // regular file content
	shared bool   // data's array may be shared with another inode: copy before writing

	children map[string]uint64 // directory entries; nil before the first one
	parent   uint64            // a directory's parent; the root is its own parent

	target string // symbolic link target
}

func (n *inode) isDir() bool     { return n.mode.IsDir() }
func (n *inode) isLink() bool    { return n.mode&fs.ModeSymlink != 0 }
func (n *inode) isRegular() bool { return n.mode.IsRegular() }

// size is the inode's Size as ls shows it.
func (n *inode) size() int64 {
	switch {
	case n.isDir():
		return dirSize
	case n.isLink():
		return int64(len(n.target))
	}
	return int64(len(n.data))
}

// own makes n's data private to n, so it can be written in place.
func (n *inode) own() {
	if n.shared {
		n.data = append([]byte(nil), n.data...)
		n.shared = false
	}
}

// node returns inode ino for reading, whether in the tree or orphaned.
func (f *FS) node(ino uint64) *inode {
	if n := f.inodes.get(ino); n != nil {
		return n
	}
	return f.orphans[ino]
}

// mut returns inode ino for writing, copying it first if another generation
// owns it (the copy shares content until [inode.own]).
func (f *FS) mut(ino uint64) *inode {
	n := f.inodes.get(ino)
	inTree := n != nil
	if !inTree {
		n = f.orphans[ino]
	}
	if n.gen == f.gen {
		return n
	}
	c := &inode{attrs: n.attrs}
	c.gen = f.gen
	c.shared = len(n.data) > 0
	if n.children != nil {
		c.children = maps.Clone(n.children)
	}
	if inTree {
		f.inodes.set(f.gen, ino, c)
	} else {
		f.orphans[ino] = c
	}
	return c
}

// alloc adds a new inode with nlink 1, owned by uid:gid and stamped now.
// It fails with ENOSPC when the quota allows no more inodes.
func (f *FS) alloc(mode fs.FileMode, uid, gid int) (*inode, error) {
	if f.maxEntries > 0 && f.entries >= f.maxEntries {
		return nil, syscall.ENOSPC
	}
	t := f.now()
	a := attrs{
		gen: f.gen, ino: f.nextIno, mode: mode, uid: uid, gid: gid, nlink: 1,
		atime: t, mtime: t, ctime: t,
	}
	var n *inode
	if k := len(f.spares); k > 0 {
		n = f.spares[k-1]
		f.spares = f.spares[:k-1]
		n.attrs = a
	} else {
		n = &inode{attrs: a}
	}
	f.nextIno++
	f.inodes.set(f.gen, n.ino, n)
	f.entries++
	return n, nil
}

// attach adds the entry name for ino to directory dir.
func (f *FS) attach(dir uint64, name string, ino uint64) {
	d := f.mut(dir)
	if d.children == nil {
		d.children = make(map[string]uint64)
	}
	d.children[name] = ino
	f.unlist(dir)
	d.mtime = f.now()
	d.ctime = d.mtime
	if c := f.inodes.get(ino); c.isDir() {
		d.nlink++
		if c.parent != dir {
			f.mut(ino).parent = dir
		}
	}
}

// detach removes the entry name from directory dir, leaving the inode's
// own link count alone, and returns the inode it named.
func (f *FS) detach(dir uint64, name string) uint64 {
	ino := f.inodes.get(dir).children[name]
	d := f.mut(dir)
	delete(d.children, name)
	f.unlist(dir)
	d.mtime = f.now()
	d.ctime = d.mtime
	if f.inodes.get(ino).isDir() {
		d.nlink--
	}
	return ino
}

// unlink removes the entry name from directory dir and drops the link it
// held; a directory must be empty.
func (f *FS) unlink(dir uint64, name string) {
	f.drop(f.detach(dir, name))
}

// drop releases one link to ino after its entry is gone. A directory
// releases its whole subtree; an inode left without links is freed, or
// orphaned while files are open on it.
func (f *FS) drop(ino uint64) {
	n := f.inodes.get(ino)
	if n.isDir() {
		for _, c := range n.children {
			f.drop(c)
		}
		f.unlist(ino)
	} else if n.nlink > 1 {
		m := f.mut(ino)
		m.nlink--
		m.ctime = f.now()
		return
	}
	f.inodes.set(f.gen, ino, nil)
	if f.opens[ino] > 0 {
		m := &inode{attrs: n.attrs} // a private copy: the tree's version may be shared
		m.gen = f.gen
		m.shared = len(n.data) > 0
		m.nlink = 0
		m.children = nil
		if f.orphans == nil {
			f.orphans = make(map[uint64]*inode)
		}
		f.orphans[ino] = m
		return
	}
	f.entries--
	if n.isRegular() {
		f.bytes -= n.size()
	}
	if n.gen == f.gen && len(f.spares) < maxSpares {
		// Nothing refers to an inode of our generation once it is out of
		// the tree: no clone shares it, no FileInfo points at it (see
		// [FS.info]) and its listing is gone.
		n.attrs = attrs{}
		f.spares = append(f.spares, n)
	}
}

// closed is called when a file open on ino is closed.
func (f *FS) closed(ino uint64) {
	if k := f.opens[ino] - 1; k > 0 {
		f.opens[ino] = k
		return
	}
	delete(f.opens, ino)
	if n, ok := f.orphans[ino]; ok {
		delete(f.orphans, ino)
		f.entries--
		if n.isRegular() {
			f.bytes -= n.size()
		}
	}
}

// resize sets the length of regular file ino's content to size, zero
// filling any growth, within the quota.
func (f *FS) resize(ino uint64, size int64) error {
	n := f.node(ino)
	old := int64(len(n.data))
	switch {
	case size == old:
		return nil
	case size > maxFileSize:
		return syscall.EFBIG
	case f.maxBytes > 0 && size > old && f.bytes+size-old > f.maxBytes:
		return syscall.ENOSPC
	}
	m := f.mut(ino)
	switch {
	case size < old:
		m.own()
		m.data = m.data[:size]
	case m.shared:
		// Copy the shared content straight into room that holds the
		// growth: a full slice makes Grow allocate, and the copy is ours.
		m.data = slices.Grow(m.data[:old:old], int(size-old))[:size]
		m.shared = false
		clear(m.data[old:])
	default:
		m.data = slices.Grow(m.data, int(size-old))[:size]
		clear(m.data[old:])
	}
	f.bytes += size - old
	return nil
}

// pathOf returns the absolute path of directory ino.
func (f *FS) pathOf(ino uint64) string {
	var names []string
	for ino != rootIno {
		d := f.inodes.get(ino)
		p := f.inodes.get(d.parent)
		for name, c := range p.children {
			if c == ino {
				names = append(names, name)
				break
			}
		}
		ino = d.parent
	}
	var b strings.Builder
	for i := len(names) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(names[i])
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// within reports whether directory ino is dir or lies under it.
func (f *FS) within(ino, dir uint64) bool {
	for {
		if ino == dir {
			return true
		}
		if ino == rootIno {
			return false
		}
		ino = f.inodes.get(ino).parent
	}
}

// lookup is the result of resolving a path.
type lookup struct {
	dir   uint64 // directory holding the final entry
	name  string // final entry's name; "" if the path ends at "/", "." or ".."
	ino   uint64 // final entry; 0 if it does not exist (name is then set)
	slash bool   // the path ends with a slash
	link  bool   // a symbolic link was followed in the last component
}

// resolve walks name from the root, following symbolic links in every
// component but the last, and in the last too if follow is set or the name
// ends with a slash. A missing last component is no error: the lookup then
// has ino 0 and the directory where it would be created.
//
// It walks the name in place, one component at a time, and allocates
// nothing: following a link sets the components left aside, to be walked
// once the target's are.
func (f *FS) resolve(name string, follow bool) (lookup, error) {
	switch {
	case name == "":
		return lookup{}, syscall.ENOENT
	case len(name) >= pathMax:
		return lookup{}, syscall.ENAMETOOLONG
	case strings.IndexByte(name, 0) >= 0:
		return lookup{}, syscall.EINVAL
	}
	slash := name[len(name)-1] == '/'
	// The components not walked yet: rest, then those set aside when
	// links were followed, the latest first. Each piece set aside holds a
	// component, and there is one per link at most.
	rest := skipSlashes(name)
	var aside [maxHops]string
	depth := 0
	cur := uint64(rootIno)
	hops := 0
	viaLink := false
	for {
		if rest == "" {
			if depth == 0 {
				break
			}
			depth--
			rest = aside[depth]
		}
		c := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			c, rest = rest[:i], skipSlashes(rest[i+1:])
		} else {
			rest = ""
		}
		last := rest == "" && depth == 0
		switch c {
		case ".":
			continue
		case "..":
			cur = f.inodes.get(cur).parent
			continue
		}
		if len(c) > nameMax {
			return lookup{}, syscall.ENAMETOOLONG
		}
		ino, ok := f.inodes.get(cur).children[c]
		if !ok {
			if last {
				return lookup{dir: cur, name: c, slash: slash, link: viaLink}, nil
			}
			return lookup{}, syscall.ENOENT
		}
		n := f.inodes.get(ino)
		if n.isLink() && (!last || follow || slash) {
			if hops++; hops > maxHops {
				return lookup{}, syscall.ELOOP
			}
			if n.target == "" {
				return lookup{}, syscall.ENOENT
			}
			if n.target[0] == '/' {
				cur = rootIno
			}
			viaLink = viaLink || last
			if rest != "" {
				aside[depth] = rest
				depth++
			}
			rest = skipSlashes(n.target)
			continue
		}
		if last {
			if slash && !n.isDir() {
				return lookup{}, syscall.ENOTDIR
			}
			return lookup{dir: cur, name: c, ino: ino, slash: slash, link: viaLink}, nil
		}
		if !n.isDir() {
			return lookup{}, syscall.ENOTDIR
		}
		cur = ino
	}
	// The path ended at a directory named by "/", "." or "..".
	return lookup{dir: f.inodes.get(cur).parent, ino: cur, slash: slash, link: viaLink}, nil
}

// skipSlashes returns p without its leading slashes.
func skipSlashes(p string) string {
	for p != "" && p[0] == '/' {
		p = p[1:]
	}
	return p
}

// hasSlash reports whether name ends with a slash and is not just slashes.
func hasSlash(name string) bool {
	t := strings.TrimRight(name, "/")
	return t != "" && len(t) < len(name)
}

// perr returns a *fs.PathError for op on name.
func perr(op, name string, err error) error {
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// lerr returns a *os.LinkError for op from oldname to newname.
func lerr(op, oldname, newname string, err error) error {
	return &os.LinkError{Op: op, Old: oldname, New: newname, Err: err}
}
