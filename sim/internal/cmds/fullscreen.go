package cmds

// Full-screen programs: vi, vim and nano here; less, more (text.go), man
// (help.go), top (procutils.go) and ntsysv (ntsysv.go) use the same
// plumbing. At a terminal that can show them (the rclab app's console) a
// program does not draw: it hands a kernel.Screen to the terminal and
// returns, and the app opens the program's page once the line has run.
// Whatever lasts (a file saved, services chosen) comes back as an action
// of its own (SaveFile, NtsysvCommit), so replays never need a screen.
//
// Elsewhere (rclab exec, lessons' checks, a pipe) each program behaves as
// it does without a usable terminal: pagers print like cat, top prints one
// frame, and the editors, which cannot work without a screen, give up.
//
// A line opens one screen at most: when a second full-screen program of
// the same line asks, it behaves as without a screen. The screen opens
// after the whole line has run, so in "vi f; cat f" cat runs first.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"syscall"

	"rclab/sim/internal/kernel"
	"rclab/vfs"
)

func init() {
	for _, c := range []Command{
		{Name: "vi", Dirs: []string{"/bin"}, Summary: "Vi IMproved, a programmers text editor",
			Usage: "vi [arguments] [file ..]", Main: viMain, VSZ: 4732, RSS: 1836},
		{Name: "vim", Dirs: []string{"/usr/bin"}, Summary: "Vi IMproved, a programmers text editor",
			Usage: "vim [arguments] [file ..]", Main: viMain, VSZ: 8328, RSS: 2716},
		{Name: "nano", Dirs: []string{"/usr/bin"}, Summary: "Nano's ANOther editor, an enhanced free Pico clone",
			Usage: "nano [OPTIONS] [[+LINE,COLUMN] FILE]...", Main: nanoMain, VSZ: 4940, RSS: 1520},
	} {
		Register(c)
	}
}

// screenReady reports whether p may open a full-screen program: its
// output is the terminal, it runs in the foreground, and the terminal can
// show one now.
func screenReady(p *Proc) bool {
	return p.Tty && !p.Background && p.Sys != nil && p.Sys.ScreenReady(p.TTY)
}

// openScreen hands s to p's terminal, filling in the program's name, argv
// and pid, and waits until the program ends there; ok is false when the
// terminal cannot show it.
func openScreen(p *Proc, s kernel.Screen) (status int, ok bool) {
	s.Program = p.Name()
	s.Args = append([]string(nil), p.Args...)
	s.PID = p.PID
	s.Dir = p.Dir
	return p.Sys.OpenScreen(p.TTY, s)
}

// callerID is the user and group p runs as (root outside a process
// table, as in unit tests).
func callerID(p *Proc) (uid, gid int) {
	if p.PID != 0 {
		if me, ok := p.Sys.Procs.Get(p.PID); ok {
			return me.UID, me.GID
		}
	}
	return 0, 0
}

// mayAccess reports whether uid (with primary group gid) has the access
// bits want (4 read, 2 write, 1 search) on fi, as the kernel decides:
// root may read and write anything.
func mayAccess(fi fs.FileInfo, uid, gid int, want fs.FileMode) bool {
	if uid == 0 {
		return true
	}
	st := foSys(fi)
	perm := fi.Mode().Perm()
	switch {
	case st.Uid == uid:
		perm >>= 6
	case st.Gid == gid:
		perm >>= 3
	}
	return perm&want == want
}

// editorScreen is the request of an editor opening name (relative to p's
// directory; "" for a buffer without a file).
func editorScreen(p *Proc, name string) kernel.Screen {
	var s kernel.Screen
	if name == "" {
		return s
	}
	s.Path = p.Abs(name)
	fi, err := p.Sys.FS.Stat(s.Path)
	if err != nil {
		return s
	}
	s.Exists = true
	if fi.IsDir() {
		s.IsDir = true
		return s
	}
	uid, gid := callerID(p)
	if fi.Mode().IsRegular() && mayAccess(fi, uid, gid, 4) {
		if data, err := readFile(p.Sys.FS, s.Path); err == nil {
			s.Data = string(data)
		}
	}
	// vim marks a file read-only when no write bit is set, even for root.
	s.ReadOnly = fi.Mode().Perm()&0o222 == 0 || !mayAccess(fi, uid, gid, 2)
	return s
}

func readFile(fsys *vfs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// editorArgs reads an editor's command line and returns the file to
// edit: the first word that is not an option, or the word after "--".
// opt sees each word first and reports whether it is one of the
// editor's options, and whether that takes the next word as its
// argument; other options ("-" alone is a file) are ignored.
func editorArgs(args []string, opt func(a string) (isOpt, takesArg bool)) (file string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) && file == "" {
				file = args[i+1]
			}
			break
		}
		if isOpt, takesArg := opt(a); isOpt {
			if takesArg {
				i++
			}
			continue
		}
		if file == "" && (a == "-" || !strings.HasPrefix(a, "-")) {
			file = a
		}
	}
	return file
}

// viMain is vim 7.0 as vi (vim-minimal) and vim (vim-enhanced).
func viMain(p *Proc) int {
	var search string
	line, readOnly := 0, false
	file := editorArgs(p.Args[1:], func(a string) (isOpt, takesArg bool) {
		switch {
		case a == "+":
			line = -1
		case strings.HasPrefix(a, "+/"):
			search = a[2:]
		case strings.HasPrefix(a, "+"):
			if n, err := strconv.Atoi(a[1:]); err == nil && n > 0 {
				line = n
			}
		case a == "-R":
			readOnly = true
		case a == "-c" || a == "-S" || a == "-u" || a == "-U" || a == "-i" || a == "-T" ||
			a == "-w" || a == "-W" || a == "-s" || a == "-t" || a == "-q" || a == "--cmd":
			return true, true // an option and its argument: no effect here
		default:
			return false, false // other options change nothing rclab shows
		}
		return true, false
	})
	if screenReady(p) && p.StdinTty {
		s := editorScreen(p, file)
		s.Line, s.Search = line, search
		s.ReadOnly = s.ReadOnly || readOnly
		if st, ok := openScreen(p, s); ok {
			return st
		}
	}
	// Vim cannot work without a screen: it warns, finds its input at its
	// end and exits as the real one does when standard input runs dry.
	io.WriteString(p.Stderr, "Vim: Warning: Output is not to a terminal\n")
	if !p.StdinTty {
		io.WriteString(p.Stderr, "Vim: Warning: Input is not from a terminal\n")
	}
	io.WriteString(p.Stderr, "Vim: Error reading input, exiting...\nVim: Finished.\n")
	return 1
}

// nanoMain is GNU nano 1.3.12.
func nanoMain(p *Proc) int {
	line, view := 0, false
	file := editorArgs(p.Args[1:], func(a string) (isOpt, takesArg bool) {
		switch {
		case strings.HasPrefix(a, "+"):
			num, _, _ := strings.Cut(a[1:], ",")
			if n, err := strconv.Atoi(num); err == nil && n > 0 {
				line = n
			}
		case a == "-v" || a == "--view":
			view = true
		case a == "-T" || a == "-r" || a == "-C" || a == "-Q" || a == "-Y" || a == "-o" || a == "-s":
			return true, true // an option and its argument
		default:
			return false, false
		}
		return true, false
	})
	if screenReady(p) && p.StdinTty {
		s := editorScreen(p, file)
		s.Line = line
		// nano opens any file; it only refuses to save (or with -v).
		s.ReadOnly = view
		if st, ok := openScreen(p, s); ok {
			return st
		}
	}
	// Without a terminal nano's first read of the keyboard fails, and it
	// dies the way it does when its terminal goes away.
	io.WriteString(p.Stderr, "Received SIGHUP or SIGTERM\n")
	return 1
}

// SaveFile writes data to the absolute path name as user uid (group gid)
// would from an editor: an existing file keeps its mode and owner, a new
// one gets 0666 minus umask and belongs to the user. The error's Strerror
// text is what the editor reports ("Permission denied", "No such file or
// directory", "Is a directory", "No space left on device").
func SaveFile(k *kernel.Kernel, name string, data []byte, uid, gid int, umask fs.FileMode) error {
	if !path.IsAbs(name) {
		return &fs.PathError{Op: "open", Path: name, Err: syscall.EINVAL}
	}
	name = path.Clean(name)
	fi, err := k.FS.Stat(name)
	switch {
	case err == nil && fi.IsDir():
		return &fs.PathError{Op: "open", Path: name, Err: syscall.EISDIR}
	case err == nil:
		if !mayAccess(fi, uid, gid, 2) {
			return &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
	case errors.Is(err, fs.ErrNotExist):
		dir := path.Dir(name)
		di, derr := k.FS.Stat(dir)
		switch {
		case derr != nil:
			return derr
		case !di.IsDir():
			return &fs.PathError{Op: "open", Path: name, Err: syscall.ENOTDIR}
		case !mayAccess(di, uid, gid, 3):
			return &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
	default:
		return err
	}
	created := err != nil
	f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666&^umask)
	if err != nil {
		return err
	}
	_, werr := io.Copy(f, bytes.NewReader(data))
	cerr := f.Close()
	if created && uid != 0 {
		k.FS.Chown(name, uid, gid)
	}
	if werr != nil {
		return werr
	}
	return cerr
}

// lessFlags are the options of less that matter at a screen.
type lessFlags struct {
	ignoreCase, squeeze bool
}

// option notes one option word of less.
func (f *lessFlags) option(a string) {
	switch {
	case a == "--ignore-case" || a == "--IGNORE-CASE":
		f.ignoreCase = true
	case a == "--squeeze-blank-lines":
		f.squeeze = true
	case strings.HasPrefix(a, "--") || !strings.HasPrefix(a, "-"):
	default:
		f.ignoreCase = f.ignoreCase || strings.ContainsAny(a[1:], "iI")
		f.squeeze = f.squeeze || strings.IndexByte(a[1:], 's') >= 0
	}
}

// squeezeBlank keeps one empty line of each run of them (less -s, more -s).
func squeezeBlank(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	blank := false
	for _, l := range lines {
		empty := l == "\n"
		if empty && blank {
			continue
		}
		blank = empty
		b.WriteString(l)
	}
	return b.String()
}

// pagerFile reads a file for a pager.
func pagerFile(p *Proc, name string) (text string, err error) {
	data, err := readFile(p.Sys.FS, p.Abs(name))
	return string(data), err
}

// lessScreen is less at the rclab app's console: each file is a page
// (standard input for "-"); the ones it cannot open are reported first.
func lessScreen(p *Proc, files []string, flags lessFlags) int {
	status := 0
	var pages []kernel.Page
	for _, f := range files {
		if f == "-" {
			if p.Stdin != nil {
				data, _ := io.ReadAll(p.Stdin)
				pages = append(pages, kernel.Page{Text: string(data)})
			}
			continue
		}
		fi, err := p.Sys.FS.Stat(p.Abs(f))
		if err == nil && fi.IsDir() {
			fmt.Fprintf(p.Stderr, "%s is a directory\n", f)
			status = 1
			continue
		}
		var text string
		if err == nil {
			text, err = pagerFile(p, f)
		}
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %s\n", f, Strerror(err))
			status = 1
			continue
		}
		pages = append(pages, kernel.Page{Name: f, Text: text})
	}
	return pagerOpen(p, pages, flags, status)
}

// moreScreen is more at the rclab app's console: standard input, or
// each file with more's header when there are several.
func moreScreen(p *Proc, files []string, squeeze bool) int {
	var pages []kernel.Page
	if len(files) == 0 {
		data, _ := io.ReadAll(p.Stdin)
		pages = append(pages, kernel.Page{Text: string(data)})
	}
	for _, f := range files {
		fi, err := p.Sys.FS.Stat(p.Abs(f))
		if err == nil && fi.IsDir() {
			pages = append(pages, kernel.Page{Name: f, Text: fmt.Sprintf("\n*** %s: directory ***\n\n", f)})
			continue
		}
		var text string
		if err == nil {
			text, err = pagerFile(p, f)
		}
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %s\n", f, Strerror(err))
			continue
		}
		if len(files) > 1 {
			text = fmt.Sprintf("::::::::::::::\n%s\n::::::::::::::\n", f) + text
		}
		pages = append(pages, kernel.Page{Name: f, Text: text})
	}
	return pagerOpen(p, pages, lessFlags{squeeze: squeeze}, 0)
}

// pagerOpen hands the pages to the terminal; if it cannot take them
// after all, they are printed as cat would.
func pagerOpen(p *Proc, pages []kernel.Page, flags lessFlags, status int) int {
	if len(pages) == 0 {
		return status
	}
	if flags.squeeze {
		for i := range pages {
			pages[i].Text = squeezeBlank(pages[i].Text)
		}
	}
	if st, ok := openScreen(p, kernel.Screen{Pages: pages, IgnoreCase: flags.ignoreCase, Status: status}); ok {
		return st
	}
	for _, pg := range pages {
		io.WriteString(p.Stdout, pg.Text)
	}
	return status
}

// manScreen pages man's rendered text the way man 1.6f runs its pager,
// "less -is": searches ignore case, blank lines are squeezed.
func manScreen(p *Proc, text string, st int) int {
	return pagerOpen(p, []kernel.Page{{Text: text}}, lessFlags{ignoreCase: true, squeeze: true}, st)
}
