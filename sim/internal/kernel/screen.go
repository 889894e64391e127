package kernel

import "time"

// Screen is a full-screen program's request to take over its terminal:
// an editor, a pager, ntsysv or top. The program hands it to the terminal
// (OpenScreen) instead of drawing, and waits there while the user's
// interface shows it: the rest of the typed line runs once the program
// ends (`vi f && cat f` shows the saved file). What the program changes
// (a file saved, a selection committed) and how it ends come back to the
// machine as actions of their own, so a replay never needs the screen.
//
// Fields that do not apply to the program are zero.
type Screen struct {
	// Program is the program's name: "vi", "vim", "nano", "less",
	// "more", "man", "ntsysv" or "top".
	Program string
	// Args is the argument vector as typed.
	Args []string
	// PID is the program's process id while it ran (top lists itself).
	PID int
	// Dir is the program's working directory (an editor's relative
	// ":w name" writes there).
	Dir string

	// Path is the file an editor opens (absolute; "" for a new buffer
	// without a name), Data its contents.
	Path, Data string
	// Exists says the path exists; IsDir that it is a directory.
	Exists, IsDir bool
	// ReadOnly says the editor opens the file read-only (vim: no write
	// permission bit, or the user may not write it, or -R; nano: -v).
	ReadOnly bool
	// Line is the line to start on (+N); -1 means the last line ("+"
	// alone), 0 none.
	Line int
	// Search is a pattern to start on (vi +/pattern).
	Search string

	// Pages are what a pager shows, one per file (less pages them one at
	// a time; more's are already joined with its headers; man's is the
	// rendered page).
	Pages []Page
	// IgnoreCase makes searches ignore case (less -i, as man runs it).
	IgnoreCase bool

	// Title is ntsysv's root text, top left of the screen.
	Title string
	// Levels are the runlevels ntsysv edits, as digits ("35").
	Levels string
	// Back says ntsysv shows Back instead of Cancel (--back).
	Back bool
	// Hide says ntsysv leaves out services marked "# hide: true".
	Hide bool
	// Entries are ntsysv's services, sorted by name.
	Entries []NtsysvEntry

	// Delay is top's refresh interval (-d; 3 s by default).
	Delay time.Duration

	// Status is the exit status the program ends with unless the
	// interface says otherwise (vi's :cq, ntsysv's Cancel): 0, or a
	// pager's 1 when one of its files could not be read.
	Status int
}

// Page is one document of a pager.
type Page struct {
	// Name is the file's name as given ("" for standard input).
	Name string
	// Text is what the pager pages.
	Text string
}

// NtsysvEntry is one service in ntsysv's list.
type NtsysvEntry struct {
	Name string
	// Desc is the description F1 shows ("" when the service has none).
	Desc string
	// On says the entry starts checked.
	On bool
	// Xinetd says it is an xinetd service (all runlevels at once).
	Xinetd bool
}

// ScreenDevice is a terminal that can show full-screen programs (the
// console of the rclab app). A terminal without it, a pipe or a headless
// session, has programs print as they would without a screen.
type ScreenDevice interface {
	// ScreenReady reports whether a full-screen program may open now.
	ScreenReady() bool
	// OpenScreen shows the request and waits until the program ends
	// there, returning its exit status; ok is false at once when the
	// terminal cannot show it (not ready, or showing another).
	OpenScreen(s Screen) (status int, ok bool)
}

// ScreenReady reports whether the terminal tty can show a full-screen
// program now.
func (k *Kernel) ScreenReady(tty string) bool {
	d, ok := k.screenDevice(tty)
	return ok && d.ScreenReady()
}

// OpenScreen hands a full-screen program's request to the terminal tty
// and waits until the program ends there (see ScreenDevice); ok is false
// when that terminal cannot show it.
func (k *Kernel) OpenScreen(tty string, s Screen) (status int, ok bool) {
	d, found := k.screenDevice(tty)
	if !found {
		return 0, false
	}
	return d.OpenScreen(s)
}

func (k *Kernel) screenDevice(tty string) (ScreenDevice, bool) {
	if tty == "" {
		return nil, false
	}
	k.mu.Lock()
	w := k.ttys[tty]
	k.mu.Unlock()
	d, ok := w.(ScreenDevice)
	return d, ok
}
