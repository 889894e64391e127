package cmds

import (
	"bufio"
	"io"
	"io/fs"
	"slices"
	"sync"
)

// This file recycles the 32 KiB buffers the filters read and write
// through: a student types cat, grep and ls again and again, and each
// run used to allocate them afresh. What a program prints does not
// depend on which buffer it gets, and a buffer goes back only when its
// program is done with it.

// ioBufSize is the size of a recycled read buffer and of a recycled
// output writer's buffer, as coreutils and grep use.
const ioBufSize = 32 << 10

var ioBufs = sync.Pool{New: func() any { b := make([]byte, ioBufSize); return &b }}

// getIOBuf returns a read buffer of ioBufSize bytes (its content is
// whatever the last user left). Give it back with putIOBuf.
func getIOBuf() *[]byte { return ioBufs.Get().(*[]byte) }

// putIOBuf gives back a buffer from getIOBuf; nothing may use it after.
func putIOBuf(b *[]byte) {
	if cap(*b) != ioBufSize {
		return
	}
	*b = (*b)[:ioBufSize]
	ioBufs.Put(b)
}

var outWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, ioBufSize) }}

// getOut returns an empty writer of ioBufSize bytes over w. Flush it,
// then give it back with putOut.
func getOut(w io.Writer) *bufio.Writer {
	bw := outWriters.Get().(*bufio.Writer)
	bw.Reset(w)
	return bw
}

// putOut gives back a writer from getOut, dropping whatever it still
// holds (callers flush first); nothing may use it after.
func putOut(bw *bufio.Writer) {
	bw.Reset(nil)
	outWriters.Put(bw)
}

// readAllInto reads the rest of f into buf[:0], growing it when the file
// is longer, and returns the bytes read. Callers pass a recycled buffer
// and look at the bytes before giving it back.
func readAllInto(buf []byte, f interface {
	io.Reader
	Stat() (fs.FileInfo, error)
}) ([]byte, error) {
	buf = buf[:0]
	if st, err := f.Stat(); err == nil && st.Size() < 1<<20 {
		buf = slices.Grow(buf, int(st.Size())+1) // room for the read that finds the end
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, len(buf)+512)
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
