package shell

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
)

// absJoin makes name absolute against dir, lexically, as the kernel does
// with a relative path and the process's cwd.
func absJoin(dir, name string) string {
	if path.IsAbs(name) {
		return path.Clean(name)
	}
	return path.Join(dir, name)
}

// errText is an errno worded as glibc's strerror, so the messages interp
// prints from our errors read like bash's.
type errText struct{ err error }

func (e errText) Error() string { return cmds.Strerror(e.err) }
func (e errText) Unwrap() error { return e.err }

// pathError builds the *os.PathError interp prints as "%v": with Op set to
// bash's prefix it reads "-bash: name: No such file or directory".
func (s *Shell) pathError(name string, err error) error {
	return &os.PathError{Op: strings.TrimSuffix(s.prefix(syntax.Pos{}), " "), Path: name, Err: errText{err}}
}

func (s *Shell) open(ctx context.Context, name string, flag int, perm os.FileMode) (io.ReadWriteCloser, error) {
	hc := interp.HandlerCtx(ctx)
	abs := absJoin(hc.Dir, name)
	switch abs {
	case "/dev/null":
		return nullFile{}, nil
	case "/dev/tty", "/dev/console", "/dev/stdout":
		return termFile{s.term}, nil
	case "/dev/stderr":
		return termFile{s.opts.Stderr}, nil
	}
	if flag&os.O_CREATE != 0 {
		// bash creates a redirection's file 0666 less the umask; interp
		// asks for 0644, which would hide a umask of 002.
		perm = 0o666 &^ s.Umask()
	}
	fsys := s.opts.Kernel.FS
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		if fi, err := fsys.Stat(abs); err == nil && fi.IsDir() {
			return nil, s.pathError(name, syscall.EISDIR)
		}
	}
	uid, gid := s.cred()
	created := false
	if uid != 0 {
		if err := cmds.CheckOpen(fsys, abs, flag, uid, gid); err != nil {
			return nil, s.pathError(name, syscall.EACCES)
		}
		_, err := fsys.Stat(abs)
		created = err != nil && flag&os.O_CREATE != 0
	}
	f, err := fsys.OpenFile(abs, flag, perm)
	if err != nil {
		return nil, s.pathError(name, err)
	}
	if created {
		fsys.Chown(abs, uid, gid)
	}
	if flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		fi, err := f.Stat()
		if err == nil && fi.IsDir() {
			f.Close()
			return nil, s.pathError(name, syscall.EISDIR)
		}
		if err == nil && fi.Mode().IsRegular() && fi.Size() <= pipeFill {
			return filledPipe(f, fi.Size()), nil
		}
	}
	return f, nil
}

// pipeFill is the most a pipe takes without a reader (Linux's pipe buffer
// is 64 KiB).
const pipeFill = 60 << 10

// filledPipe returns a pipe holding the content of f (size bytes), and
// closes f. interp can only read standard input from an *os.File: given
// anything else for `< FILE`, it makes a pipe and a goroutine (with a 32
// KiB buffer) to copy the file in. A small file fits in the pipe at once.
func filledPipe(f io.ReadCloser, size int64) io.ReadWriteCloser {
	defer f.Close()
	data := make([]byte, size+1)
	n, err := io.ReadFull(f, data)
	data = data[:n]
	if err == nil { // the file grew since the stat
		rest, _ := io.ReadAll(f)
		data = append(data, rest...)
	}
	r, w, err := os.Pipe()
	if err != nil || len(data) > pipeFill {
		if err == nil {
			r.Close()
			w.Close()
		}
		return &memFile{bytes.NewReader(data)}
	}
	_, err = w.Write(data)
	w.Close()
	if err != nil {
		r.Close()
		return &memFile{bytes.NewReader(data)}
	}
	return r
}

// memFile is a file's content read ahead, open for reading.
type memFile struct{ *bytes.Reader }

func (*memFile) Write([]byte) (int, error) { return 0, os.ErrPermission }
func (*memFile) Close() error              { return nil }

func (s *Shell) stat(ctx context.Context, name string, follow bool) (fs.FileInfo, error) {
	abs := absJoin(interp.HandlerCtx(ctx).Dir, name)
	if follow {
		return s.opts.Kernel.FS.Stat(abs)
	}
	return s.opts.Kernel.FS.Lstat(abs)
}

func (s *Shell) readDir(ctx context.Context, name string) ([]fs.DirEntry, error) {
	abs := absJoin(interp.HandlerCtx(ctx).Dir, name)
	f, err := s.opts.Kernel.FS.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	infos, err := f.Readdir(-1)
	if err != nil {
		return nil, err
	}
	out := make([]fs.DirEntry, len(infos))
	for i, fi := range infos {
		out[i] = fs.FileInfoToDirEntry(fi)
	}
	return out, nil
}

// access answers test -r/-w/-x for the shell's user: root may read and
// write every existing file, and execute when any x bit is set (or a
// directory).
func (s *Shell) access(ctx context.Context, name string, mode interp.AccessMode) error {
	fi, err := s.opts.Kernel.FS.Stat(name)
	if err != nil {
		return err
	}
	uid, gid := s.cred()
	if mode&interp.AccessExec != 0 && !fi.IsDir() && fi.Mode().Perm()&0o111 == 0 {
		return &os.PathError{Op: "access", Path: name, Err: syscall.EACCES}
	}
	if uid == 0 {
		return nil
	}
	want := fs.FileMode(0)
	if mode&interp.AccessRead != 0 {
		want |= 4
	}
	if mode&interp.AccessWrite != 0 {
		want |= 2
	}
	if mode&interp.AccessExec != 0 {
		want |= 1
	}
	if cmds.CheckPath(s.opts.Kernel.FS, "access", name, uid, gid) != nil || !cmds.MayAccess(fi, uid, gid, want) {
		return &os.PathError{Op: "access", Path: name, Err: syscall.EACCES}
	}
	return nil
}

// cred is the user and group the shell runs as: its process's owner,
// root when it has no process.
func (s *Shell) cred() (uid, gid int) {
	if k := s.opts.Kernel; s.opts.PID != 0 && k.Procs != nil {
		if me, ok := k.Procs.Get(s.opts.PID); ok {
			return me.UID, me.GID
		}
	}
	return 0, 0
}

// nullFile is /dev/null.
type nullFile struct{}

func (nullFile) Read([]byte) (int, error)    { return 0, io.EOF }
func (nullFile) Write(p []byte) (int, error) { return len(p), nil }
func (nullFile) Close() error                { return nil }

// termFile is the user's terminal opened by name (/dev/tty, /dev/console).
type termFile struct{ w io.Writer }

func (termFile) Read([]byte) (int, error)      { return 0, io.EOF }
func (t termFile) Write(p []byte) (int, error) { return t.w.Write(p) }
func (termFile) Close() error                  { return nil }
