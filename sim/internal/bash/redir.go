package bash

import (
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/syntax"
)

// errBadFD is a write to a closed descriptor (EBADF).
var errBadFD = syscall.EBADF

// closeAll closes the files a command's redirections opened.
func closeAll(cs []io.Closer) {
	for _, c := range cs {
		c.Close()
	}
}

// redirect applies redirections to r.fds; the caller saves and restores
// the table. opened are the files to close afterwards.
func (r *Runner) redirect(rs []*syntax.Redirect) (opened []io.Closer, ok bool) {
	for _, rd := range rs {
		c, ok := r.redirectOne(rd)
		if c != nil {
			opened = append(opened, c)
		}
		if !ok {
			return opened, false
		}
	}
	return opened, true
}

// redirectExec applies exec's redirections, which stay. The files they
// replace are left open: another descriptor may share them.
func (r *Runner) redirectExec(rs []*syntax.Redirect) ([]io.Closer, bool) {
	for _, rd := range rs {
		if _, ok := r.redirectOne(rd); !ok {
			return nil, false
		}
	}
	return nil, true
}

// redirFD is the descriptor a redirection applies to.
func redirFD(rd *syntax.Redirect) (int, bool) {
	if rd.N != nil {
		n, err := strconv.Atoi(rd.N.Value)
		if err != nil || n < 0 || n > 9 {
			return n, false
		}
		return n, true
	}
	switch rd.Op {
	case syntax.RdrIn, syntax.RdrInOut, syntax.DplIn, syntax.Hdoc, syntax.DashHdoc, syntax.WordHdoc:
		return 0, true
	}
	return 1, true
}

func (r *Runner) redirectOne(rd *syntax.Redirect) (io.Closer, bool) {
	fd, ok := redirFD(rd)
	if !ok {
		r.errf("%s: Bad file descriptor", rd.N.Value)
		return nil, false
	}
	switch rd.Op {
	case syntax.Hdoc, syntax.DashHdoc:
		body, ok := r.heredoc(rd)
		if !ok {
			return nil, false
		}
		r.fds[fd] = &stream{r: strings.NewReader(body)}
		return nil, true
	case syntax.WordHdoc:
		s, ok := r.literal(rd.Word)
		if !ok {
			return nil, false
		}
		r.fds[fd] = &stream{r: strings.NewReader(s + "\n")}
		return nil, true
	case syntax.DplIn, syntax.DplOut:
		word, ok := r.redirWord(rd.Word)
		if !ok {
			return nil, false
		}
		if word == "-" {
			r.fds[fd] = nil
			return nil, true
		}
		n, err := strconv.Atoi(word)
		if err != nil || n < 0 {
			if rd.Op == syntax.DplOut && rd.N == nil {
				// >&file is &>file.
				return r.openRedir(rd, word, 1, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, true, true)
			}
			r.errf("%s: ambiguous redirect", word)
			return nil, false
		}
		if n > 9 || r.fds[n] == nil {
			r.errf("%d: Bad file descriptor", n)
			return nil, false
		}
		r.fds[fd] = r.fds[n]
		return nil, true
	}
	word, ok := r.redirWord(rd.Word)
	if !ok {
		return nil, false
	}
	switch rd.Op {
	case syntax.RdrIn:
		return r.openRedir(rd, word, fd, syscall.O_RDONLY, false, false)
	case syntax.RdrInOut:
		return r.openRedir(rd, word, fd, syscall.O_RDWR|syscall.O_CREAT, false, false)
	case syntax.RdrOut:
		return r.openRedir(rd, word, fd, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, !r.opts.set[optNoClobber], false)
	case syntax.RdrClob:
		return r.openRedir(rd, word, fd, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, true, false)
	case syntax.AppOut:
		return r.openRedir(rd, word, fd, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_APPEND, true, false)
	case syntax.RdrAll:
		return r.openRedir(rd, word, 1, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, !r.opts.set[optNoClobber], true)
	case syntax.RdrAllClob:
		return r.openRedir(rd, word, 1, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, true, true)
	case syntax.AppAll, syntax.AppAllClob, syntax.AppClob:
		// bash 3.2 has no &>> (bash 4): it parses as &> then >.
		r.errf("syntax error near unexpected token `>'")
		r.status = 2
		return nil, false
	}
	r.errf("rclab: unsupported redirection %s", rd.Op)
	return nil, false
}

// redirWord expands a redirection's target: exactly one field.
func (r *Runner) redirWord(w *syntax.Word) (string, bool) {
	if len(w.Parts) == 1 {
		if l, ok := w.Parts[0].(*syntax.Lit); ok && plainLit(l.Value) {
			return l.Value, true
		}
	}
	fs, ok := r.fields([]*syntax.Word{w})
	if !ok {
		return "", false
	}
	if len(fs) != 1 {
		r.errf("%s: ambiguous redirect", printWord(w))
		return "", false
	}
	return fs[0], true
}

// openRedir opens name for a redirection of fd (and fd 2 with both).
func (r *Runner) openRedir(rd *syntax.Redirect, name string, fd, flag int, clobber, both bool) (io.Closer, bool) {
	if flag&(syscall.O_WRONLY|syscall.O_RDWR) == 0 || flag&syscall.O_APPEND != 0 {
		clobber = true
	}
	if s, ok := r.devFile(name, flag); ok {
		if s == nil {
			r.errf("%s: Bad file descriptor", name)
			return nil, false
		}
		r.fds[fd] = s
		if both {
			r.fds[2] = s
		}
		return nil, true
	}
	if name == "" {
		r.errf(": No such file or directory")
		return nil, false
	}
	abs := r.abs(name)
	if !clobber {
		if m, ok := r.statMode(abs, true); ok && m.IsRegular() {
			r.errf("%s: cannot overwrite existing file", name)
			return nil, false
		}
	}
	if r.cfg.Open == nil {
		r.errf("%s: %s", name, errText(fs.ErrNotExist))
		return nil, false
	}
	f, err := r.cfg.Open(r.ctx, abs, flag, 0o666)
	if err != nil {
		r.errf("%s: %s", name, errText(err))
		return nil, false
	}
	var s *stream
	switch flag & (syscall.O_WRONLY | syscall.O_RDWR) {
	case syscall.O_RDONLY:
		s = &stream{r: f}
	case syscall.O_WRONLY:
		s = &stream{w: f}
	default:
		s = &stream{r: f, w: f}
	}
	r.fds[fd] = s
	if both {
		r.fds[2] = s
	}
	return f, true
}

// devFile serves the /dev files the shell itself knows: /dev/stdin,
// /dev/stdout, /dev/stderr, /dev/fd/N (nil: a closed descriptor).
func (r *Runner) devFile(name string, flag int) (*stream, bool) {
	if !strings.HasPrefix(name, "/dev/") {
		return nil, false
	}
	var n int
	switch name {
	case "/dev/stdin":
		n = 0
	case "/dev/stdout":
		n = 1
	case "/dev/stderr":
		n = 2
	default:
		rest, ok := strings.CutPrefix(name, "/dev/fd/")
		if !ok {
			return nil, false
		}
		var err error
		n, err = strconv.Atoi(rest)
		if err != nil || n < 0 || n > 9 {
			return nil, true
		}
	}
	return r.fds[n], true
}

// heredoc is the text of a here-document: expanded as in double quotes
// (without treating " specially) unless its delimiter was quoted; <<-
// drops the tabs that start its lines.
func (r *Runner) heredoc(rd *syntax.Redirect) (string, bool) {
	if rd.Hdoc == nil {
		return "", true
	}
	quoted := false
	for _, p := range rd.Word.Parts {
		switch p := p.(type) {
		case *syntax.SglQuoted, *syntax.DblQuoted:
			quoted = true
		case *syntax.Lit:
			if strings.ContainsRune(p.Value, '\\') {
				quoted = true
			}
		}
	}
	dash := rd.Op == syntax.DashHdoc
	var b strings.Builder
	lineStart := true
	for _, p := range rd.Hdoc.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			text := p.Value
			if dash {
				text = stripTabs(text, lineStart)
			}
			if len(p.Value) > 0 {
				lineStart = strings.HasSuffix(p.Value, "\n")
			}
			if !quoted {
				text = unescape(text, false)
			}
			b.WriteString(text)
			continue
		}
		lineStart = false
		x := r.newExpander(modeLiteral)
		if !x.dblQuoted([]syntax.WordPart{p}) {
			return "", false
		}
		b.Write(x.buf)
		r.freeExpander(x)
	}
	return b.String(), true
}

func stripTabs(s string, lineStart bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if lineStart && s[i] == '\t' {
			continue
		}
		lineStart = s[i] == '\n'
		b.WriteByte(s[i])
	}
	return b.String()
}

// errText words an error as glibc's strerror does, for messages.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch errno {
		case syscall.ENOENT:
			return "No such file or directory"
		case syscall.EACCES:
			return "Permission denied"
		case syscall.EISDIR:
			return "Is a directory"
		case syscall.ENOTDIR:
			return "Not a directory"
		case syscall.EEXIST:
			return "File exists"
		case syscall.ENOSPC:
			return "No space left on device"
		case syscall.EROFS:
			return "Read-only file system"
		case syscall.ELOOP:
			return "Too many levels of symbolic links"
		case syscall.ENAMETOOLONG:
			return "File name too long"
		case syscall.EAGAIN:
			return "Resource temporarily unavailable"
		case syscall.EBADF:
			return "Bad file descriptor"
		case syscall.EPERM:
			return "Operation not permitted"
		case syscall.ETXTBSY:
			return "Text file busy"
		case syscall.EMFILE:
			return "Too many open files"
		}
		s := errno.Error()
		if s != "" {
			return strings.ToUpper(s[:1]) + s[1:]
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "No such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "Permission denied"
	case errors.Is(err, fs.ErrExist):
		return "File exists"
	}
	return err.Error()
}

// oneByte gives read a byte at a time without reading ahead of what it
// consumes (a descriptor that is a pipe the shell made, which nobody
// else reads, is buffered and reads bytes itself).
type oneByte struct {
	r io.Reader
	b [1]byte
}

func (o *oneByte) ReadByte() (byte, error) {
	for {
		n, err := o.r.Read(o.b[:])
		if n == 1 {
			return o.b[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}
