package cmds

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// strerrors are glibc's strerror texts for the errnos the simulation uses.
var strerrors = map[syscall.Errno]string{
	syscall.EPERM:        "Operation not permitted",
	syscall.ENOENT:       "No such file or directory",
	syscall.ESRCH:        "No such process",
	syscall.EINTR:        "Interrupted system call",
	syscall.EIO:          "Input/output error",
	syscall.EBADF:        "Bad file descriptor",
	syscall.EAGAIN:       "Resource temporarily unavailable",
	syscall.ENOMEM:       "Cannot allocate memory",
	syscall.EACCES:       "Permission denied",
	syscall.EBUSY:        "Device or resource busy",
	syscall.EEXIST:       "File exists",
	syscall.EXDEV:        "Invalid cross-device link",
	syscall.ENOTDIR:      "Not a directory",
	syscall.EISDIR:       "Is a directory",
	syscall.EINVAL:       "Invalid argument",
	syscall.ENOSPC:       "No space left on device",
	syscall.EROFS:        "Read-only file system",
	syscall.EMLINK:       "Too many links",
	syscall.EPIPE:        "Broken pipe",
	syscall.ENAMETOOLONG: "File name too long",
	syscall.ENOTEMPTY:    "Directory not empty",
	syscall.ELOOP:        "Too many levels of symbolic links",
	syscall.ECONNREFUSED: "Connection refused",
	syscall.EADDRINUSE:   "Address already in use",
	syscall.ENOEXEC:      "Exec format error",
}

// Strerror renders err the way glibc's strerror would: "No such file or
// directory". Errors that carry no errno are rendered as they are.
func Strerror(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := strerrors[errno]; ok {
			return s
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return strerrors[syscall.ENOENT]
	case errors.Is(err, fs.ErrExist):
		return strerrors[syscall.EEXIST]
	case errors.Is(err, fs.ErrPermission):
		return strerrors[syscall.EACCES]
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Errno extracts the errno carried by err, or 0.
func Errno(err error) syscall.Errno {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno
	}
	if errors.Is(err, fs.ErrNotExist) {
		return syscall.ENOENT
	}
	return 0
}
