package vfs

import (
	"io/fs"
	"strings"
	"time"
)

// Stat is what FileInfo.Sys returns for every vfs entry: the fields of
// stat(2) that fs.FileInfo lacks. Nlink is 1 plus the number of extra hard
// links for a file, 2 plus the number of subdirectories for a directory,
// and 0 for a file removed while still open. Ino is unique among the
// inodes of one FS and handed out in order of creation ("/" is 2).
type Stat struct {
	Uid, Gid int
	Nlink    int
	Ino      uint64
	Atime    time.Time // last access: set at creation and by Chtimes only
	Ctime    time.Time // last change of content, owner, mode, times or links
}

// A FileInfo describes an inode as it was when the FileInfo was made,
// whatever happens to it later. An inode of an older generation than its
// FS's is never changed in place again (see [FS.mut]): the FileInfo of
// such an inode, an inodeInfo, just points at it. An inode the FS may
// still change in place gets a copy of its fields, a fileInfo.
//
// As an inodeInfo never changes either, the first one made for an inode
// is kept in it and handed out again for the same name: the inodes of a
// machine's image, shared by every machine made from it, are stat'd over
// and over (a shell looking up a program, test -x).

// info returns the FileInfo of n named name; f.mu is held.
func (f *FS) info(n *inode, name string) fs.FileInfo {
	if n.gen != f.gen {
		i := n.info.Load()
		if i != nil && i.name == name {
			return i
		}
		if i != nil {
			return &inodeInfo{name: name, n: n}
		}
		// Kept for good: the name must not hold on to a larger
		// string it may be part of.
		i = &inodeInfo{name: strings.Clone(name), n: n}
		n.info.CompareAndSwap(nil, i)
		return i
	}
	i := infoOf(n, name)
	return &i
}

// infoBlock makes the FileInfos of a directory listing with two
// allocations at most, whatever the number of entries.
type infoBlock struct {
	f     *FS
	size  int // the most entries the listing has
	links []inodeInfo
	snaps []fileInfo
}

// info is [FS.info], taking the FileInfo from the block.
func (b *infoBlock) info(n *inode, name string) fs.FileInfo {
	if n.gen != b.f.gen {
		if i := n.info.Load(); i != nil && i.name == name {
			return i
		}
		if b.links == nil {
			b.links = make([]inodeInfo, 0, b.size)
		}
		b.links = append(b.links, inodeInfo{name: name, n: n})
		return &b.links[len(b.links)-1]
	}
	if b.snaps == nil {
		b.snaps = make([]fileInfo, 0, b.size)
	}
	b.snaps = append(b.snaps, infoOf(n, name))
	return &b.snaps[len(b.snaps)-1]
}

// fileInfo is a snapshot of an inode, named as the caller asked.
type fileInfo struct {
	name  string
	size  int64
	mode  fs.FileMode
	mtime time.Time
	sys   Stat
}

// infoOf is a snapshot of n named name.
func infoOf(n *inode, name string) fileInfo {
	return fileInfo{
		name:  name,
		size:  n.size(),
		mode:  n.mode,
		mtime: n.mtime,
		sys:   statOf(n),
	}
}

// statOf returns the Stat of n.
func statOf(n *inode) Stat {
	return Stat{
		Uid: n.uid, Gid: n.gid, Nlink: n.nlink, Ino: n.ino,
		Atime: n.atime, Ctime: n.ctime,
	}
}

func (i *fileInfo) Name() string       { return i.name }
func (i *fileInfo) Size() int64        { return i.size }
func (i *fileInfo) Mode() fs.FileMode  { return i.mode }
func (i *fileInfo) ModTime() time.Time { return i.mtime }
func (i *fileInfo) IsDir() bool        { return i.mode.IsDir() }

// Sys returns a *Stat; changing it changes nothing in the FS.
func (i *fileInfo) Sys() any { return &i.sys }

func (i *fileInfo) String() string { return fs.FormatFileInfo(i) }

// inodeInfo describes an inode no FS changes in place any more, named as
// the caller asked. It keeps the inode, content included, alive while it
// is kept.
type inodeInfo struct {
	name string
	n    *inode
}

func (i *inodeInfo) Name() string       { return i.name }
func (i *inodeInfo) Size() int64        { return i.n.size() }
func (i *inodeInfo) Mode() fs.FileMode  { return i.n.mode }
func (i *inodeInfo) ModTime() time.Time { return i.n.mtime }
func (i *inodeInfo) IsDir() bool        { return i.n.isDir() }

// Sys returns a new *Stat at each call; changing it changes nothing in
// the FS.
func (i *inodeInfo) Sys() any {
	st := statOf(i.n)
	return &st
}

func (i *inodeInfo) String() string { return fs.FormatFileInfo(i) }
