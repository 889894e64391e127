package vfs

import (
	"io/fs"
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

// fileInfo is a snapshot of an inode, named as the caller asked.
type fileInfo struct {
	name  string
	size  int64
	mode  fs.FileMode
	mtime time.Time
	sys   Stat
}

func newInfo(n *inode, name string) *fileInfo {
	return &fileInfo{
		name:  name,
		size:  n.size(),
		mode:  n.mode,
		mtime: n.mtime,
		sys: Stat{
			Uid: n.uid, Gid: n.gid, Nlink: n.nlink, Ino: n.ino,
			Atime: n.atime, Ctime: n.ctime,
		},
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
