package sim

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"time"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
)

// This file is the bridge between full-screen programs and a user
// interface that can show them. With WithScreens(true), a line typed at
// the console that runs vi, vim, nano, less, more, man, ntsysv or top at
// the terminal stops there, as it does for a keyboard read, and its
// Result carries a Screen instead of the program's printed output; the
// interface shows the program, what the program changes reaches the
// machine as a Save or Ntsysv action, and its end as a Quit action (or
// ntsysv's Ntsysv), which lets the rest of the line run: `vi f && cat f`
// shows the file as saved.

// Screen is a full-screen program a typed line started. The UI shows it
// over the console and goes back to the prompt when the program ends.
// Fields that do not apply to the program are zero.
type Screen struct {
	// Program is "vi", "vim", "nano", "less", "more", "man", "ntsysv" or
	// "top".
	Program string
	// Args is the program's argument vector as typed.
	Args []string
	// PID is the process id the program had (top shows itself with it).
	PID int
	// Dir is the working directory the program had: an editor writes a
	// relative name given later (":w name") there.
	Dir string

	// Path is the absolute path of the file an editor opens ("" for an
	// unnamed buffer) and Data its contents.
	Path, Data string
	// Exists says the file exists; IsDir that it is a directory.
	Exists, IsDir bool
	// ReadOnly says the editor opens the file read-only: vim when the
	// file has no write permission bit or the user may not write it (or
	// -R), nano with -v.
	ReadOnly bool
	// Line is the line to start on (+N): -1 is the last line ("+"
	// alone), 0 none given.
	Line int
	// Search is the pattern of vi's +/pattern ("" for none).
	Search string

	// Pages are what a pager shows, one per file: less pages them one at
	// a time (:n, :p); more's carry its "::::::" headers when there are
	// several; man's one page is the rendered manual page.
	Pages []Page
	// IgnoreCase makes searches ignore case (less -i, as man runs less).
	IgnoreCase bool

	// Title is ntsysv's root text (top left of the screen): "ntsysv
	// 1.3.30.2 - (C) 2000-2001 Red Hat, Inc. ".
	Title string
	// Levels are the runlevels ntsysv edits, as ascending digits ("35");
	// "" in runlevel S, where ntsysv edits none.
	Levels string
	// Back says ntsysv has a Back button instead of Cancel (--back).
	Back bool
	// Hide says ntsysv leaves out the services marked "# hide: true"
	// (--hide); its Ntsysv action must say so too.
	Hide bool
	// Entries are ntsysv's services, sorted by name.
	Entries []NtsysvEntry

	// Delay is how often top refreshes (-d; 3 s by default).
	Delay time.Duration

	// Status is the exit status the program ends with when the
	// interface has nothing else to say: 0, or a pager's 1 when one of
	// its files could not be read. The Quit action gives the status the
	// program really ended with (vi's :cq, ntsysv's Cancel).
	Status int
}

// Page is one document of a pager.
type Page struct {
	// Name is the file as named on the command line ("" for standard
	// input and for man).
	Name string
	// Text is the text paged.
	Text string
}

// NtsysvEntry is one line of ntsysv's checklist.
type NtsysvEntry struct {
	Name string
	// Desc is the description F1 shows ("" for none).
	Desc string
	// On says the box starts checked: a SysV service on in one of the
	// edited levels, an xinetd service enabled.
	On bool
	// Xinetd says it is an xinetd service (on or off in all levels).
	Xinetd bool
}

// WithScreens says whether the user's interface can show full-screen
// programs (the rclab app can; rclab exec, lessons' checks and tests
// cannot, which is the default). Without screens the programs behave as
// they do without a usable terminal: less, more and man print like cat,
// top prints one frame, vi and nano give up with their own message, and
// ntsysv says it needs the app.
func WithScreens(on bool) Option { return func(c *config) { c.screens = on } }

// screenSlot is the console's full-screen state for the line that runs:
// whether a program may open, and the one that waits on the screen.
type screenSlot struct {
	mu    sync.Mutex
	armed bool
	req   *kernel.Screen
	shown bool      // the interface was given req
	kb    *keyboard // the console's keyboard, where the program waits
}

// ScreenReady implements kernel.ScreenDevice for the console.
func (w ttyOut) ScreenReady() bool {
	s := &w.t.scr
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.armed && s.req == nil && s.kb != nil
}

// OpenScreen implements kernel.ScreenDevice: the program waits, as on a
// keyboard read, until the interface ends it (Machine.quit); one program
// at a time.
func (w ttyOut) OpenScreen(req kernel.Screen) (int, bool) {
	s := &w.t.scr
	s.mu.Lock()
	if !s.armed || s.req != nil || s.kb == nil {
		s.mu.Unlock()
		return 0, false
	}
	s.req, s.shown = &req, false
	kb := s.kb
	s.mu.Unlock()
	st := kb.waitScreen(req.Status)
	s.mu.Lock()
	s.req, s.shown = nil, false
	s.mu.Unlock()
	return st, true
}

var _ kernel.ScreenDevice = ttyOut{}

// armScreen lets the typed line about to run open full-screen programs
// when the machine has screens.
func (m *Machine) armScreen() {
	s := &m.term.scr
	s.mu.Lock()
	s.armed, s.req, s.shown, s.kb = m.cfg.screens, nil, false, m.kb
	s.mu.Unlock()
}

// disarmScreen ends the line's chance to open a screen.
func (m *Machine) disarmScreen() {
	s := &m.term.scr
	s.mu.Lock()
	s.armed, s.req, s.shown = false, nil, false
	s.mu.Unlock()
}

// newScreen returns the program waiting on the console's screen that the
// interface has not been given yet, or nil.
func (m *Machine) newScreen() *Screen {
	s := &m.term.scr
	s.mu.Lock()
	req := s.req
	if req == nil || s.shown {
		s.mu.Unlock()
		return nil
	}
	s.shown = true
	s.mu.Unlock()
	out := &Screen{
		Program: req.Program, Args: req.Args, PID: req.PID, Dir: req.Dir,
		Path: req.Path, Data: req.Data, Exists: req.Exists, IsDir: req.IsDir, ReadOnly: req.ReadOnly,
		Line: req.Line, Search: req.Search, IgnoreCase: req.IgnoreCase,
		Title: req.Title, Levels: req.Levels, Back: req.Back, Hide: req.Hide, Delay: req.Delay,
		Status: req.Status,
	}
	for _, p := range req.Pages {
		out.Pages = append(out.Pages, Page{Name: p.Name, Text: p.Text})
	}
	for _, e := range req.Entries {
		out.Entries = append(out.Entries, NtsysvEntry{Name: e.Name, Desc: e.Desc, On: e.On, Xinetd: e.Xinetd})
	}
	return out
}

// endScreen ends the full-screen program the console's line waits on
// with status st and lets the line run on.
func (m *Machine) endScreen(st int) Result {
	m.kb.endScreen(st)
	return m.awaitLine()
}

// consoleUser is the user and group of the console's shell, and its
// umask; ok is false when nobody is logged in.
func (m *Machine) consoleUser() (uid, gid int, umask fs.FileMode, ok bool) {
	if m.login == nil {
		return 0, 0, 0, false
	}
	if p, found := m.k.Procs.Get(m.loginPID); found {
		uid, gid = p.UID, p.GID
	}
	return uid, gid, m.login.Umask(), true
}

// save performs a Save action: an editor writes a file as the console's
// user.
func (m *Machine) save(a Action) (Result, error) {
	if m.down != "" {
		return Result{Down: true, Status: 1}, nil
	}
	uid, gid, umask, ok := m.consoleUser()
	if !ok {
		return Result{}, errors.New("nobody is logged in on the console to save a file")
	}
	if a.Path == "" || a.Path[0] != '/' {
		return Result{}, fmt.Errorf("a saved file needs an absolute path, not %q", a.Path)
	}
	err := cmds.SaveFile(m.k, a.Path, []byte(a.Data), uid, gid, umask)
	r := m.result(0)
	if err != nil {
		r.Status = 1
		r.Output += cmds.Strerror(err)
	}
	return r, nil
}

// ntsysv performs an Ntsysv action: ntsysv's Ok.
func (m *Machine) ntsysv(a Action) (Result, error) {
	if m.down != "" {
		return Result{Down: true, Status: 1}, nil
	}
	err := cmds.NtsysvCommit(m.k, a.Levels, a.On, a.Hide)
	if errors.Is(err, cmds.ErrNtsysvAction) {
		return Result{}, err
	}
	io.WriteString(m.term.err(), cmds.NtsysvErrText(err))
	if m.line != nil && m.kb.screenWaiting() {
		// Ok ends ntsysv: the rest of its line runs.
		return m.endScreen(0), nil
	}
	return m.result(0), nil
}

// TopFrame renders top's screen for a terminal of cols×rows cells, as
// the top the Screen s started shows it now (with its options, and itself
// among the processes). The seventh line is the column header, which top
// draws in reverse video. It reads the machine and changes nothing, so
// the UI may call it as often as top refreshes.
func (m *Machine) TopFrame(s *Screen, cols, rows int) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var args []string
	pid := 0
	if s != nil {
		args, pid = s.Args, s.PID
	}
	return cmds.TopLive(m.k, args, pid, m.loginPID, Console, cols, rows)
}
