package chkconfig

import (
	"bytes"

	"rclab/vfs"
)

// walker is a file system that hands out a whole directory, with the
// content of its regular files, under one lock (*vfs.FS): listing
// /etc/rc.d/init.d that way opens no file and copies no script.
type walker interface {
	Walk(dir string, fn func(path []byte, e *vfs.WalkEntry) bool) error
}

// File kinds walkFiles reports for each name.
const (
	fileUnseen  uint8 = iota // not met by the walk: open it
	fileRead                 // a regular file, handed to read
	fileSkipped              // a directory: chkconfig fails to read it
)

// walkFiles walks dir, whose entries are names (sorted, as readDirNames
// lists them), and calls read(i, data) for each names[i] that skipName
// keeps and that is a regular file, data being its whole content, valid
// during the call only. read runs with the file system locked: it must
// not call into it. The kinds say what became of each name; nil when
// fsys is no walker or the walk failed, so that every name is opened.
func walkFiles(fsys FS, dir string, names []string, read func(i int, data []byte)) []uint8 {
	w, ok := fsys.(walker)
	if !ok {
		return nil
	}
	kinds := make([]uint8, len(names))
	i := 0
	err := w.Walk(dir, func(p []byte, e *vfs.WalkEntry) bool {
		name := p[bytes.LastIndexByte(p, '/')+1:]
		for i < len(names) && names[i] < string(name) {
			i++
		}
		if i == len(names) || names[i] != string(name) || skipName(names[i]) {
			return false
		}
		switch {
		case e.Mode.IsRegular():
			read(i, e.Data)
			kinds[i] = fileRead
		case e.Mode.IsDir():
			kinds[i] = fileSkipped
		}
		return false // never below dir
	})
	if err != nil {
		return nil
	}
	return kinds
}
