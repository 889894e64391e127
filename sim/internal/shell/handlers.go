package shell

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path"
	"syscall"

	"rclab/sim/internal/bash"
	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
)

// absJoin makes name absolute against dir, lexically, as the kernel does
// with a relative path and the process's cwd.
func absJoin(dir, name string) string {
	if path.IsAbs(name) {
		return path.Clean(name)
	}
	return path.Join(dir, name)
}

// errText is an errno worded as glibc's strerror.
type errText struct{ err error }

func (e errText) Error() string { return cmds.Strerror(e.err) }
func (e errText) Unwrap() error { return e.err }

// pathError is an open's failure: the evaluator prints its Err's text.
func pathError(name string, err error) error {
	return &fs.PathError{Op: "open", Path: name, Err: errText{err}}
}

// open is the evaluator's Open hook: a redirection's or source's file
// (name absolute), opened on the vfs as the shell's user.
func (s *Shell) open(_ context.Context, abs string, flag int, perm fs.FileMode) (io.ReadWriteCloser, error) {
	switch abs {
	case "/dev/null":
		return nullFile{}, nil
	case "/dev/tty", "/dev/console":
		return termFile{s.term}, nil
	}
	if flag&os.O_CREATE != 0 {
		// bash creates a redirection's file 0666 less the umask.
		perm = 0o666 &^ s.Umask()
	}
	fsys := s.opts.Kernel.FS
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		if fi, err := fsys.Stat(abs); err == nil && fi.IsDir() {
			return nil, pathError(abs, syscall.EISDIR)
		}
	}
	uid, gid := s.cred()
	created := false
	if uid != 0 {
		if err := cmds.CheckOpen(fsys, abs, flag, uid, gid); err != nil {
			return nil, pathError(abs, syscall.EACCES)
		}
		_, err := fsys.Stat(abs)
		created = err != nil && flag&os.O_CREATE != 0
	}
	f, err := fsys.OpenFile(abs, flag, perm)
	if err != nil {
		return nil, pathError(abs, err)
	}
	if created {
		fsys.Chown(abs, uid, gid)
	}
	if flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			f.Close()
			return nil, pathError(abs, syscall.EISDIR)
		}
	}
	return f, nil
}

// kernelHooks are the evaluator's hooks that need only the kernel: made
// once per Procs and shared by the shells it starts, rather than bound
// to each shell.
type kernelHooks struct {
	k       *kernel.Kernel
	stat    func(ctx context.Context, abs string, follow bool) (fs.FileInfo, error)
	mode    func(ctx context.Context, abs string, follow bool) (fs.FileMode, bool)
	readDir func(ctx context.Context, abs string) ([]fs.DirEntry, error)
	homeDir func(user string) (string, bool)
	random  func() int
}

func newKernelHooks(k *kernel.Kernel) *kernelHooks {
	return &kernelHooks{
		k: k,
		// stat is the evaluator's Stat hook.
		stat: func(_ context.Context, abs string, follow bool) (fs.FileInfo, error) {
			if abs == "" {
				return nil, syscall.ENOENT
			}
			if follow {
				return k.FS.Stat(abs)
			}
			return k.FS.Lstat(abs)
		},
		// mode is the Mode hook: Stat's mode without a FileInfo.
		mode: func(_ context.Context, abs string, follow bool) (fs.FileMode, bool) {
			if abs == "" {
				return 0, false
			}
			if follow {
				return k.FS.StatMode(abs)
			}
			return k.FS.LstatMode(abs)
		},
		readDir: func(_ context.Context, abs string) ([]fs.DirEntry, error) {
			f, err := k.FS.Open(abs)
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
		},
		homeDir: func(user string) (string, bool) {
			h, ok := homes(k)[user]
			return h, ok
		},
		random: func() int { return k.Rand.IntN(32768) },
	}
}

// The hooks that are handed the runner find their shell by it
// (Config.Host), so all shells share them.

func hostExec(ctx context.Context, c *bash.Call) int { return c.Runner.Host().(*Shell).exec(ctx, c) }

func hostBuiltin(ctx context.Context, c *bash.Call) (int, bool) {
	return c.Runner.Host().(*Shell).builtin(ctx, c)
}

func hostFork(ctx context.Context, f *bash.Fork) error {
	return f.Runner.Host().(*Shell).fork(ctx, f)
}

func hostUnfork(ctx context.Context, f *bash.Fork) { f.Runner.Host().(*Shell).unfork(ctx, f) }

func fileOwner(fi fs.FileInfo) (int, int, bool) {
	uid, gid := ownerOf(fi)
	return uid, gid, true
}

func step(ctx context.Context) error { return budgetOf(ctx).step() }

// access answers test -r/-w/-x for the shell's user: root may read and
// write every existing file, and execute when any x bit is set (or a
// directory).
func (s *Shell) access(_ context.Context, abs string, mode uint32) error {
	m, ok := s.opts.Kernel.FS.StatMode(abs)
	if !ok {
		_, err := s.opts.Kernel.FS.Stat(abs)
		if err == nil {
			err = syscall.ENOENT // gone between the two looks
		}
		return err
	}
	uid, gid := s.cred()
	if mode&1 != 0 && !m.IsDir() && m.Perm()&0o111 == 0 {
		return syscall.EACCES
	}
	if uid == 0 {
		return nil
	}
	fi, err := s.opts.Kernel.FS.Stat(abs)
	if err != nil {
		return err
	}
	if cmds.CheckPath(s.opts.Kernel.FS, "access", abs, uid, gid) != nil || !cmds.MayAccess(fi, uid, gid, fs.FileMode(mode&7)) {
		return syscall.EACCES
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
