package vfs

import (
	"errors"
	"syscall"
)

// errCopyTree is why CopyTree refused: the copy would not be what writing
// the tree entry by entry into the FS would have made.
var errCopyTree = errors.New("vfs: CopyTree needs an empty FS and default clocks on both sides")

// CopyTree makes f, which must hold nothing but its root and have no open
// files, an independent copy of src's tree: the same inodes, numbers,
// owners, modes, times and contents, shared with src until either side
// changes them (as [FS.Clone] shares them). f keeps its own clock and
// quota; a tree the quota cannot hold fails with ENOSPC. Both f and src
// must still run on the default clock (no [WithClock] or [FS.SetClock]),
// so that the copy is exactly what writing the same entries into f would
// have made; otherwise CopyTree changes nothing and returns an error.
//
// It lets a caller build a tree once and hand out cheap copies of it.
func (f *FS) CopyTree(src *FS) error {
	if f == src {
		return errCopyTree
	}
	c := src.Clone()
	f.mu.Lock()
	defer f.mu.Unlock()
	// An FS that never made an inode holds its root alone.
	if f.clocked || c.clocked || len(f.orphans) != 0 || len(f.opens) != 0 || f.nextIno != firstIno {
		return errCopyTree
	}
	if (f.maxBytes > 0 && c.bytes > f.maxBytes) || (f.maxEntries > 0 && c.entries > f.maxEntries) {
		return syscall.ENOSPC
	}
	f.inodes = c.inodes
	f.nextIno = c.nextIno
	f.bytes = c.bytes
	f.entries = c.entries
	f.listMu.Lock()
	f.lists = nil
	f.listMu.Unlock()
	return nil
}
