package check

import (
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"sync"

	"rclab/sim"
	"rclab/vfs"
)

// volatile are the trees whose content does not survive a reboot or does
// not decide what a reboot does: the kernel's /proc and /dev, temporary
// files, logs, pid files. /var/lock/subsys is handled apart: its names
// decide which services rc 6 stops.
var volatile = map[string]bool{
	"/proc": true, "/dev": true, "/tmp": true, "/var/tmp": true, "/var/run": true,
	"/var/log": true, "/var/lock": true, "/root/.bash_history": true, "/var/spool/mail": true,
	"/var/spool/clientmqueue": true, "/var/spool/mqueue": true,
}

// inlineMax is the largest file whose content a fingerprint hashes as it
// is; a larger file's content goes in as its SHA-256, which a machine
// that never changes can keep (contentSums).
const inlineMax = 256

// Fingerprint hashes the state of m that a reboot starts from: every
// file outside the volatile trees (path, type, mode, owner, link target,
// content: as it is up to 256 bytes, else its SHA-256), the names of the
// lock files in /var/lock/subsys, and whether the machine is off. Two
// machines with the same fingerprint boot to the same state.
func Fingerprint(m *sim.Machine) [32]byte { return fingerprint(m, nil) }

// fingerprint is Fingerprint, taking the SHA-256 of a large file's
// content from sums when it has it.
func fingerprint(m *sim.Machine, sums *contentSums) [32]byte {
	h := sha256.New()
	// buf holds a record's head before it goes to the hash, reused from
	// one file to the next. One walk of the locked tree sees every file
	// without resolving its path again.
	var buf []byte
	num := func(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }
	m.Walk("/", func(p []byte, e *vfs.WalkEntry) bool {
		if volatile[string(p)] {
			return false
		}
		buf = append(append(buf[:0], p...), 0)
		buf = num(buf, uint64(e.Mode))
		buf = num(buf, uint64(e.Uid)<<32|uint64(uint32(e.Gid)))
		switch {
		case e.Mode&fs.ModeSymlink != 0:
			buf = append(append(buf, e.Target...), 0)
			h.Write(buf)
		case e.Mode.IsDir():
			h.Write(buf)
			return true
		case e.Mode.IsRegular() && len(e.Data) <= inlineMax:
			h.Write(num(buf, uint64(len(e.Data))))
			h.Write(e.Data)
		case e.Mode.IsRegular():
			sum := sums.of(e.Data)
			buf = append(num(buf, uint64(len(e.Data))), sum[:]...)
			h.Write(buf)
		default:
			h.Write(buf)
		}
		return false
	})
	buf = append(buf[:0], "\x00locks\x00"...)
	if infos, err := m.ReadDir("/var/lock/subsys"); err == nil {
		for _, fi := range infos {
			buf = append(append(buf, fi.Name()...), 0)
		}
	}
	if m.Down() != "" {
		buf = append(buf, "\x00down"...)
	}
	h.Write(buf)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// contentSums are the SHA-256 of the large files of a machine that never
// changes (an exam's start machine), by the array holding each content.
// A machine copied from it shares those arrays until it changes a file,
// which then gets an array of its own (the file system copies before it
// writes), so an array found here holds what it held when it was hashed.
// The keys keep the arrays alive, so an address is never reused.
type contentSums struct {
	once sync.Once
	sums map[contentKey][sha256.Size]byte
}

// contentKey identifies a file's content by the array holding it.
type contentKey struct {
	first *byte
	n     int
}

// of is the SHA-256 of data (not empty), kept or computed.
func (c *contentSums) of(data []byte) [sha256.Size]byte {
	if c != nil {
		if sum, ok := c.sums[contentKey{&data[0], len(data)}]; ok {
			return sum
		}
	}
	return sha256.Sum256(data)
}

// fill hashes the large files of m.
func (c *contentSums) fill(m *sim.Machine) {
	c.sums = map[contentKey][sha256.Size]byte{}
	m.Walk("/", func(p []byte, e *vfs.WalkEntry) bool {
		if volatile[string(p)] {
			return false
		}
		if e.Mode.IsRegular() && len(e.Data) > inlineMax {
			c.sums[contentKey{&e.Data[0], len(e.Data)}] = sha256.Sum256(e.Data)
		}
		return e.Mode.IsDir()
	})
}

// sumsCache keeps the contentSums of the last few machines that never
// change, as setupCache in scenarios keeps their machines.
var sumsCache struct {
	sync.Mutex
	m     map[*sim.Machine]*contentSums
	order []*sim.Machine
}

// sumsCacheMax bounds the machines sumsCache keeps sums for.
const sumsCacheMax = 16

// sumsOf returns the contentSums of base, which must never change again.
func sumsOf(base *sim.Machine) *contentSums {
	sumsCache.Lock()
	c, ok := sumsCache.m[base]
	if !ok {
		if sumsCache.m == nil {
			sumsCache.m = map[*sim.Machine]*contentSums{}
		}
		c = &contentSums{}
		sumsCache.m[base] = c
		sumsCache.order = append(sumsCache.order, base)
		if len(sumsCache.order) > sumsCacheMax {
			delete(sumsCache.m, sumsCache.order[0])
			sumsCache.order = sumsCache.order[1:]
		}
	}
	sumsCache.Unlock()
	c.once.Do(func() { c.fill(base) })
	return c
}
