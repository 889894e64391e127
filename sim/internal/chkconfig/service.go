package chkconfig

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"rclab/vfs"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/afero"
)

// FS is the file system chkconfig works on; the machine's *vfs.FS
// satisfies it.
type FS interface {
	afero.Fs
	afero.Symlinker
}

// The directories chkconfig 1.3.30 uses.
const (
	RCDir     = "/etc/rc.d"
	InitDir   = "/etc/rc.d/init.d"
	XinetdDir = "/etc/xinetd.d"
)

// Service is a service chkconfig can manage: an init script with a valid
// header, or (when no script of that name exists) a file of /etc/xinetd.d.
type Service struct {
	Name string
	// Header is the init script's header; zero for an xinetd service.
	Header Header
	// Xinetd reports an xinetd service.
	Xinetd bool
	// Enabled is, for an xinetd service, whether its file turns it on
	// (no "disable = yes" as the last disable line); false for SysV.
	Enabled bool
	// ResetOn is, for an xinetd service, the state "chkconfig NAME reset"
	// writes back: that of the file's first disable line, on when there
	// is none (chkconfig never honours "# default:").
	ResetOn bool
	// On is the service's state in runlevels 0–6. Only ListSysV fills it;
	// it is all false elsewhere.
	On [7]bool
}

// XinetdService is one file of /etc/xinetd.d as chkconfig lists it.
type XinetdService struct {
	Name string
	// Enabled follows the rule of Service.Enabled.
	Enabled bool
	// Description is the file's "# description:" text, "" when none.
	Description string
}

// ErrNotSupported and ErrNotReferenced are the two service conditions
// chkconfig reports besides a failure to read the service; test for them
// with errors.Is on a *ServiceError.
var (
	ErrNotSupported  = errors.New("does not support chkconfig")
	ErrNotReferenced = errors.New("not referenced in any runlevel")
)

// ServiceError is a service chkconfig cannot work with. Err is
// ErrNotSupported (wrapping the header's fault), ErrNotReferenced, or the
// file system error met reading the service. Error returns chkconfig's
// message, without the newline.
type ServiceError struct {
	Name string
	Err  error
}

func (e *ServiceError) Error() string {
	switch {
	case errors.Is(e.Err, ErrNotSupported):
		return "service " + e.Name + " does not support chkconfig"
	case errors.Is(e.Err, ErrNotReferenced):
		return "service " + e.Name + " supports chkconfig, but is not referenced in any runlevel (run 'chkconfig --add " + e.Name + "')"
	}
	return "error reading information on service " + e.Name + ": " + strerror(e.Err)
}

func (e *ServiceError) Unwrap() error { return e.Err }

// GlobError is an rcN.d directory chkconfig could not read. Fatal reports
// that chkconfig exits (status 1) at this point; otherwise it prints the
// message and goes on.
type GlobError struct {
	Pattern string
	Err     error
	Fatal   bool
}

func (e *GlobError) Error() string {
	return "failed to glob pattern " + e.Pattern + ": " + strerror(e.Err)
}

func (e *GlobError) Unwrap() error { return e.Err }

// SymlinkError is a link chkconfig could not create.
type SymlinkError struct {
	Path string
	Err  error
}

func (e *SymlinkError) Error() string {
	return "failed to make symlink " + e.Path + ": " + strerror(e.Err)
}

func (e *SymlinkError) Unwrap() error { return e.Err }

// Lookup finds the service name as chkconfig does: the script
// /etc/rc.d/init.d/NAME when it can be opened (its header must be valid),
// else the file /etc/xinetd.d/NAME. Errors are *ServiceError. The name is
// used as given, so "a/b" or "" are looked up (and fail) as chkconfig would.
func Lookup(fsys FS, name string) (Service, error) {
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	data, _, opened, err := readScriptBuf(fsys, InitDir+"/"+name, *bp)
	if !opened {
		return lookupXinetd(fsys, name, bp)
	}
	keepBuf(bp, data)
	if err != nil {
		return Service{}, &ServiceError{Name: name, Err: err}
	}
	// The header holds copies of what it takes from data.
	h, err := ParseHeader(data)
	if err != nil {
		return Service{}, &ServiceError{Name: name, Err: fmt.Errorf("%w: %w", ErrNotSupported, err)}
	}
	return Service{Name: name, Header: h}, nil
}

func lookupXinetd(fsys FS, name string, bp *[]byte) (Service, error) {
	data, err := readXinetdBuf(fsys, XinetdDir+"/"+name, *bp)
	keepBuf(bp, data)
	if err != nil {
		return Service{}, &ServiceError{Name: name, Err: err}
	}
	enabled, resetOn, _ := parseXinetd(data)
	return Service{Name: name, Xinetd: true, Enabled: enabled, ResetOn: resetOn}, nil
}

// readBufs are the buffers Lookup reads a file into: it keeps nothing
// of the content but copies.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8192); return &b }}

// keepBuf makes data, read into *bp or into a larger array of its own,
// the pooled buffer when it is the larger one (up to 1 MiB).
func keepBuf(bp *[]byte, data []byte) {
	if cap(data) > cap(*bp) && cap(data) <= 1<<20 {
		*bp = data[:0]
	}
}

// readScript reads an init script the way chkconfig maps it: opened
// reports whether open(2) succeeded (chkconfig falls back to xinetd.d
// otherwise); a directory fails with ENODEV and an empty file with
// EINVAL, as mmap(2) does.
func readScript(fsys FS, name string) (data []byte, opened bool, err error) {
	data, _, opened, err = readScriptBuf(fsys, name, nil)
	return data, opened, err
}

// readScriptBuf is readScript reading into buf when it is large enough;
// regular reports a regular file.
func readScriptBuf(fsys FS, name string, buf []byte) (data []byte, regular, opened bool, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, false, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, false, true, err
	}
	switch {
	case fi.IsDir():
		return nil, false, true, syscall.ENODEV
	case fi.Size() == 0:
		return nil, fi.Mode().IsRegular(), true, syscall.EINVAL
	}
	if int64(cap(buf)) < fi.Size() {
		buf = make([]byte, fi.Size())
	}
	data, err = readFull(f, buf[:fi.Size()])
	return data, fi.Mode().IsRegular(), true, err
}

// readXinetdFile reads an xinetd.d file: open(2) then read(2) of the
// whole size (a directory fails with EISDIR).
func readXinetdFile(fsys FS, name string) ([]byte, error) {
	return readXinetdBuf(fsys, name, nil)
}

// readXinetdBuf is readXinetdFile reading into buf when it is large enough.
func readXinetdBuf(fsys FS, name string, buf []byte) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	if int64(cap(buf)) < fi.Size() {
		buf = make([]byte, fi.Size())
	}
	return readFull(f, buf[:fi.Size()])
}

func readFull(f afero.File, buf []byte) ([]byte, error) {
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// skipName reports the directory entries chkconfig ignores: dot files,
// editor and rpm leftovers.
func skipName(n string) bool {
	if n == "" || n[0] == '.' {
		return true
	}
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		switch n[i:] {
		case ".rpmsave", ".rpmnew", ".rpmorig", ".swp":
			return true
		}
	}
	last := n[len(n)-1]
	return last == '~' || last == ','
}

// readDirNames lists a directory, sorted.
func readDirNames(fsys FS, dir string) ([]string, error) {
	names, err := readDirRaw(fsys, dir)
	if err == nil && !sort.StringsAreSorted(names) {
		sort.Strings(names)
	}
	return names, err
}

// readDirRaw lists a directory in the file system's own order, which is
// what glob(3) with GLOB_NOSORT gives chkconfig for the rcN.d directories.
func readDirRaw(fsys FS, dir string) ([]string, error) {
	if v, ok := fsys.(*vfs.FS); ok {
		// The machine's own file system lends its listing: the callers
		// only read it.
		if names, ok := v.Names(dir); ok {
			return names, nil
		}
	}
	f, err := fsys.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// ListSysV returns what "chkconfig --list" shows of the SysV services, in
// strcmp order: every regular file (after symbolic links) of
// /etc/rc.d/init.d whose name chkconfig does not skip, whose header is
// valid and that has a [SK]NN link in some level, with On filled in. An
// rcN.d directory that cannot be read counts as empty.
func ListSysV(fsys FS) []Service {
	names, err := readDirNames(fsys, InitDir)
	if err != nil {
		return nil
	}
	headers := make([]Header, len(names))
	valid := make([]bool, len(names))
	kinds := walkFiles(fsys, InitDir, names, func(i int, data []byte) {
		// An empty file fails to map: ParseHeader rejects it too.
		h, err := ParseHeader(data)
		headers[i], valid[i] = h, err == nil
	})
	var rc rcSnapshot
	out := make([]Service, 0, len(names))
	var buf []byte
	for i, name := range names {
		if skipName(name) {
			continue
		}
		if kinds == nil || kinds[i] == fileUnseen {
			// A symbolic link, a special file, or no walk at all.
			if buf == nil {
				buf = make([]byte, 0, 4096)
			}
			data, regular, _, err := readScriptBuf(fsys, InitDir+"/"+name, buf)
			if err != nil || !regular {
				continue
			}
			buf = data
			headers[i], err = ParseHeader(data)
			valid[i] = err == nil
		}
		if !valid[i] {
			continue
		}
		if on, linked := rc.states(fsys, name); linked {
			out = append(out, Service{Name: name, Header: headers[i], On: on})
		}
	}
	return out
}

// Xinetd returns the files of /etc/xinetd.d that chkconfig lists, in strcmp
// order: every readable regular file (after symbolic links) whose name it
// does not skip.
func Xinetd(fsys FS) []XinetdService {
	names, err := readDirNames(fsys, XinetdDir)
	if err != nil {
		return nil
	}
	out := make([]XinetdService, len(names))
	kinds := walkFiles(fsys, XinetdDir, names, func(i int, data []byte) {
		out[i].Enabled, _, out[i].Description = parseXinetd(data)
	})
	var buf []byte
	n := 0
	for i, name := range names {
		if skipName(name) || kinds != nil && kinds[i] == fileSkipped {
			continue
		}
		if kinds == nil || kinds[i] == fileUnseen {
			if buf == nil {
				buf = make([]byte, 0, 2048)
			}
			data, err := readXinetdBuf(fsys, XinetdDir+"/"+name, buf)
			if err != nil {
				continue
			}
			buf = data
			out[i].Enabled, _, out[i].Description = parseXinetd(data)
		}
		out[n] = XinetdService{Name: name, Enabled: out[i].Enabled, Description: out[i].Description}
		n++
	}
	return out[:n]
}

// strerrors are glibc's strerror texts for the errnos chkconfig can meet.
var strerrors = map[syscall.Errno]string{
	syscall.EPERM:        "Operation not permitted",
	syscall.ENOENT:       "No such file or directory",
	syscall.EIO:          "Input/output error",
	syscall.EACCES:       "Permission denied",
	syscall.EEXIST:       "File exists",
	syscall.ENODEV:       "No such device",
	syscall.ENOTDIR:      "Not a directory",
	syscall.EISDIR:       "Is a directory",
	syscall.EINVAL:       "Invalid argument",
	syscall.ENOSPC:       "No space left on device",
	syscall.EROFS:        "Read-only file system",
	syscall.ENAMETOOLONG: "File name too long",
	syscall.ELOOP:        "Too many levels of symbolic links",
	syscall.ENOTEMPTY:    "Directory not empty",
}

// strerror renders err as glibc's strerror would render its errno.
func strerror(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := strerrors[errno]; ok {
			return s
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return strerrors[syscall.ENOENT]
	}
	return err.Error()
}
