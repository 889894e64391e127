package vfs

import (
	"maps"
	"slices"
)

// listing is the sorted names of a directory, taken from one version of
// its inode.
type listing struct {
	node  *inode   // the version the names were taken from
	names []string // sorted; shared by every reader, so never written
}

// sortedNames returns the names in directory ino, sorted. The slice is
// shared: callers must not change it. f.mu is held, for reading at least.
//
// Listings of directories in the tree are kept until the directory
// changes: an entry added or removed drops it ([FS.unlist]), and so does a
// copy of the inode made by [FS.mut], since the listing then names
// another version.
func (f *FS) sortedNames(ino uint64) []string {
	d := f.node(ino)
	if f.inodes.get(ino) != d {
		// An orphan (a directory removed while open): not worth keeping.
		return slices.Sorted(maps.Keys(d.children))
	}
	f.listMu.Lock()
	defer f.listMu.Unlock()
	if l, ok := f.lists[ino]; ok && l.node == d {
		return l.names
	}
	names := slices.Sorted(maps.Keys(d.children))
	if f.lists == nil {
		f.lists = make(map[uint64]listing)
	}
	f.lists[ino] = listing{node: d, names: names}
	return names
}

// unlist forgets the listing of directory ino; f.mu is held for writing,
// so no reader is filling one meanwhile.
func (f *FS) unlist(ino uint64) {
	delete(f.lists, ino)
}

// Names returns the sorted names in the directory name (links followed):
// what opening it and calling Readdirnames(-1) gives, without the copy.
// The slice is shared with every other reader and must not be changed
// (appending to it copies, its capacity is clipped). ok is false when
// name is not a directory that resolves; Open and Readdirnames then say
// why.
func (f *FS) Names(name string) (names []string, ok bool) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, err := f.resolve(name, true)
	if err != nil || r.ino == 0 || !f.inodes.get(r.ino).isDir() {
		return nil, false
	}
	return slices.Clip(f.sortedNames(r.ino)), true
}
