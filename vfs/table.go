package vfs

import "slices"

// The inode table holds an FS's inodes by number in chunks of chunkSize
// (1 KB of pointers), copied on write as inodes are (see [FS.mut]): a
// clone copies only the list of chunks, 16 bytes a chunk, and either side
// copies a chunk before its first change. Indexing it costs far less than
// a map lookup, and resolving a path does it once per component.
const (
	chunkBits = 7
	chunkSize = 1 << chunkBits
	chunkMask = chunkSize - 1
)

// inodeTable maps the number of every inode in the tree to the inode; the
// numbers of orphans and of inodes that are gone map to nil. Numbers are
// never reused (ls -i shows them), so the table keeps 8 bytes for every
// inode ever made, gone or not: a long session, which makes and removes a
// /proc/PID directory per process, grows it by 1 KB per 128 processes.
type inodeTable struct {
	chunks []tableChunk
}

// tableChunk is chunkSize slots of the table, which generation gen may
// change in place.
type tableChunk struct {
	gen   uint64
	slots *[chunkSize]*inode
}

// get returns inode ino, or nil if the tree has no inode ino.
func (t *inodeTable) get(ino uint64) *inode {
	i := ino >> chunkBits
	if i >= uint64(len(t.chunks)) {
		return nil
	}
	return t.chunks[i].slots[ino&chunkMask]
}

// set makes n inode ino, or removes ino for a nil n, for generation gen:
// a chunk of another generation is copied first.
func (t *inodeTable) set(gen, ino uint64, n *inode) {
	i := int(ino >> chunkBits)
	for i >= len(t.chunks) {
		t.chunks = append(t.chunks, tableChunk{gen: gen, slots: new([chunkSize]*inode)})
	}
	c := &t.chunks[i]
	if c.gen != gen {
		s := new([chunkSize]*inode)
		*s = *c.slots
		c.gen, c.slots = gen, s
	}
	c.slots[ino&chunkMask] = n
}

// clone returns a table sharing t's chunks; both sides must change
// generation before they next call set.
func (t *inodeTable) clone() inodeTable {
	return inodeTable{chunks: slices.Clone(t.chunks)}
}
