package shell

import (
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
		perm &^= s.Umask()
	}
	fsys := s.opts.Kernel.FS
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		if fi, err := fsys.Stat(abs); err == nil && fi.IsDir() {
			return nil, s.pathError(name, syscall.EISDIR)
		}
	}
	f, err := fsys.OpenFile(abs, flag, perm)
	if err != nil {
		return nil, s.pathError(name, err)
	}
	if flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			f.Close()
			return nil, s.pathError(name, syscall.EISDIR)
		}
	}
	return f, nil
}

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

// access answers test -r/-w/-x as for root: read and write always granted
// on existing files, execute when any x bit is set (or for directories).
func (s *Shell) access(ctx context.Context, name string, mode interp.AccessMode) error {
	fi, err := s.opts.Kernel.FS.Stat(name)
	if err != nil {
		return err
	}
	if mode&interp.AccessExec != 0 && !fi.IsDir() && fi.Mode().Perm()&0o111 == 0 {
		return &os.PathError{Op: "access", Path: name, Err: syscall.EACCES}
	}
	return nil
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
