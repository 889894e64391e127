// Package vfs is the in-memory file system of an rclab machine: an inode
// tree with Linux semantics that implements [afero.Fs] and
// [afero.Symlinker].
//
// # Why vfs exists
//
// afero's MemMapFs cannot model a SysV init machine: it has no symbolic
// links (and /etc/rc.d/rc3.d is made of nothing else), no hard links, no
// uid/gid/nlink/inode numbers in FileInfo.Sys, and none of the POSIX errors
// a teaching simulator must reproduce (it creates missing parents, removes
// non-empty directories and orphans their children, replaces directories
// with files). vfs is an own inode tree instead of a wrapper, so every
// operation can follow Linux exactly.
//
// # Paths
//
// Every name is absolute; a relative name is taken relative to "/", as io/fs
// names are ("etc/x" is "/etc/x"). Doubled slashes and "." are ignored,
// ".." is resolved physically, one component at a time, after any symbolic
// link has been followed, and "/.." is "/". Symbolic links are followed
// wherever Linux follows them, with at most 40 hops in one lookup before
// ELOOP. Errors are [*fs.PathError] or [*os.LinkError] wrapping a
// [syscall.Errno], so errors.Is(err, fs.ErrNotExist) and
// errors.Is(err, syscall.ELOOP) both work.
//
// # Clones
//
// [FS.Clone] is cheap: clones share inodes and file contents until one side
// writes, when the written inode alone is copied (copy-on-write, tracked by
// a generation number per inode). A machine can therefore boot a clone of
// itself to check a scenario without disturbing the student's state.
//
// # Limits
//
// Nobody's permissions are checked: everyone acts as root. Reads do not
// update access times (as under noatime). An optional quota (see
// [WithQuota]) bounds the bytes of file content and the number of inodes,
// failing with ENOSPC, so a runaway loop cannot eat the host's memory.
// vfs never touches the host disk and never reads the wall clock.
package vfs
