package xinetd

import (
	"bytes"
	"io"
	"io/fs"
	"slices"
	"sync"
)

// Load's cache. A Load depends on nothing but what it reads from its
// fsys, in the order it reads it: the main file, the accounts and
// services files, the include directories and files, and the modes of the
// server programs. A load records each read and its result; the next Load
// of the same main file makes the same reads again and, when every result
// is the same, returns the Config the recorded load built instead of
// parsing anew (every xinetd start and reload, and every look at a
// cloned machine's xinetd, reads files that have not changed).

// readKind is what one recorded read asked.
type readKind uint8

const (
	readFile readKind = iota
	readDir
	readStat
)

// read is one recorded read and its result.
type read struct {
	kind  readKind
	name  string      // io/fs name
	data  []byte      // readFile: the content
	names []string    // readDir: the entry names, in the order given
	mode  fs.FileMode // readStat: the mode
	err   string      // errText of the read's error
}

// loadTrace is one load: its main file, its reads and what it built.
type loadTrace struct {
	conf  string
	reads []read
	cfg   *Config
}

// lastLoad is the last load made from files (one is enough: a machine's
// configuration rarely changes, and machines cloned from one share it).
var lastLoad struct {
	sync.Mutex
	trace *loadTrace
}

// cachedLoad returns the Config of the last load of conf when fsys still
// gives every read of it the same result, or nil.
func cachedLoad(fsys fs.FS, conf string) *Config {
	lastLoad.Lock()
	t := lastLoad.trace
	lastLoad.Unlock()
	if t == nil || t.conf != conf {
		return nil
	}
	for i := range t.reads {
		if !t.reads[i].same(fsys) {
			return nil
		}
	}
	return t.cfg
}

// keepLoad makes t the last load.
func keepLoad(t *loadTrace) {
	lastLoad.Lock()
	lastLoad.trace = t
	lastLoad.Unlock()
}

// same makes read r again on fsys and reports whether the result is the
// recorded one.
func (r *read) same(fsys fs.FS) bool {
	switch r.kind {
	case readFile:
		if f, err := fsys.Open(r.name); err == nil {
			defer f.Close()
			return r.err == "" && sameContent(f, r.data)
		}
		data, err := fs.ReadFile(fsys, r.name)
		return errText(err) == r.err && bytes.Equal(data, r.data)
	case readDir:
		if f, err := fsys.Open(r.name); err == nil {
			defer f.Close()
			if d, ok := f.(namesReader); ok {
				names, err := d.Readdirnames(-1)
				if err == nil && !slices.IsSorted(names) {
					slices.Sort(names)
				}
				return r.err == "" && err == nil && slices.Equal(names, r.names)
			}
		}
		ents, err := fs.ReadDir(fsys, r.name)
		if errText(err) != r.err || len(ents) != len(r.names) {
			return false
		}
		for i, e := range ents {
			if e.Name() != r.names[i] {
				return false
			}
		}
		return true
	default:
		st, err := fs.Stat(fsys, r.name)
		if err != nil {
			return errText(err) == r.err
		}
		return r.err == "" && st.Mode() == r.mode
	}
}

// namesReader is an open directory that lists its names without
// building fs.DirEntry values (an afero.File does); fs.ReadDir gives the
// same names, sorted.
type namesReader interface {
	Readdirnames(n int) ([]string, error)
}

// readBufs are the buffers sameContent reads into.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8192); return &b }}

// sameContent reports whether f holds exactly want, as fs.ReadFile would
// read it (a read error is a difference).
func sameContent(f fs.File, want []byte) bool {
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	buf := (*bp)[:0]
	if cap(buf) < len(want)+512 {
		buf = make([]byte, 0, len(want)+512)
		*bp = buf
	}
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > len(want) || !bytes.Equal(buf, want[:len(buf)]) {
			return false
		}
		if err == io.EOF {
			return len(buf) == len(want)
		}
		if err != nil {
			return false
		}
	}
}

// errText is what a load takes from a read's error: that there is one
// and, for the main file's message, its strerror text.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return strerror(err)
}

// recorder is the fs.FS a load reads through: it passes every read on to
// fsys and records it in reads. Open is passed on unrecorded; the parser
// never calls it (fs.ReadFile, fs.ReadDir and fs.Stat use the methods
// below).
type recorder struct {
	fsys  fs.FS
	reads []read
}

var (
	_ fs.ReadFileFS = (*recorder)(nil)
	_ fs.ReadDirFS  = (*recorder)(nil)
	_ fs.StatFS     = (*recorder)(nil)
)

func (r *recorder) Open(name string) (fs.File, error) { return r.fsys.Open(name) }

func (r *recorder) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(r.fsys, name)
	// The caller may change data (fs.ReadFileFS allows it); none of
	// this package's does.
	r.reads = append(r.reads, read{kind: readFile, name: name, data: data, err: errText(err)})
	return data, err
}

func (r *recorder) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(r.fsys, name)
	rd := read{kind: readDir, name: name, err: errText(err), names: make([]string, len(ents))}
	for i, e := range ents {
		rd.names[i] = e.Name()
	}
	r.reads = append(r.reads, rd)
	return ents, err
}

func (r *recorder) Stat(name string) (fs.FileInfo, error) {
	st, err := fs.Stat(r.fsys, name)
	rd := read{kind: readStat, name: name, err: errText(err)}
	if err == nil {
		rd.mode = st.Mode()
	}
	r.reads = append(r.reads, rd)
	return st, err
}
