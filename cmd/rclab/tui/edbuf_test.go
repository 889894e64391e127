package tui

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/rivo/tview"

	"rclab/sim"
)

// edFixture is a small inittab-like file for the editor tests: comments,
// a tab, Korean text and a line longer than 80 columns.
const edFixture = `# inittab for the editor tests
#
# Default runlevel:
#	3 - full multiuser mode
#	5 - X11
# 기본 런레벨은 아래 줄에서 바꿉니다
id:5:initdefault:

si::sysinit:/etc/rc.d/rc.sysinit

l0:0:wait:/etc/rc.d/rc 0
l1:1:wait:/etc/rc.d/rc 1
l2:2:wait:/etc/rc.d/rc 2
l3:3:wait:/etc/rc.d/rc 3
l4:4:wait:/etc/rc.d/rc 4
l5:5:wait:/etc/rc.d/rc 5
l6:6:wait:/etc/rc.d/rc 6

ca::ctrlaltdel:/sbin/shutdown -t3 -r now
pf::powerfail:/sbin/shutdown -f -h +2 "Power Failure; System Shutting Down" # a long line that wraps
pr:12345:powerokwait:/sbin/shutdown -c "Power Restored; Shutdown Cancelled"

1:2345:respawn:/sbin/mingetty tty1
2:2345:respawn:/sbin/mingetty tty2
3:2345:respawn:/sbin/mingetty tty3
4:2345:respawn:/sbin/mingetty tty4
5:2345:respawn:/sbin/mingetty tty5
6:2345:respawn:/sbin/mingetty tty6

x:5:respawn:/etc/X11/prefdm -nodaemon
`

// edKeys reads vim-style key notation: text types itself; <Esc> <CR>
// <BS> <Del> <Tab> <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn>
// <Ins> <F1>…<F12>, <C-x> for Ctrl-x and <M-x> for Alt-x are keys; <lt> is <.
func edKeys(s string) []*tcell.EventKey {
	named := map[string]tcell.Key{
		"Esc": tcell.KeyEscape, "CR": tcell.KeyEnter, "BS": tcell.KeyBackspace2, "Del": tcell.KeyDelete,
		"Tab": tcell.KeyTab, "Up": tcell.KeyUp, "Down": tcell.KeyDown, "Left": tcell.KeyLeft,
		"Right": tcell.KeyRight, "Home": tcell.KeyHome, "End": tcell.KeyEnd, "PgUp": tcell.KeyPgUp,
		"PgDn": tcell.KeyPgDn, "Ins": tcell.KeyInsert,
	}
	for i := 1; i <= 12; i++ {
		named["F"+strconv.Itoa(i)] = tcell.KeyF1 + tcell.Key(i-1)
	}
	var out []*tcell.EventKey
	for s != "" {
		if strings.HasPrefix(s, "<") {
			if end := strings.Index(s, ">"); end > 0 {
				name := s[1:end]
				switch {
				case name == "lt":
					out = append(out, tcell.NewEventKey(tcell.KeyRune, '<', tcell.ModNone))
					s = s[end+1:]
					continue
				case strings.HasPrefix(name, "C-") && len(name) == 3:
					c := rune(name[2])
					out = append(out, tcell.NewEventKey(tcell.KeyCtrlSpace+tcell.Key(edCtrl(c)), 0, tcell.ModCtrl))
					s = s[end+1:]
					continue
				case strings.HasPrefix(name, "M-") && len(name) == 3:
					out = append(out, tcell.NewEventKey(tcell.KeyRune, rune(name[2]), tcell.ModAlt))
					s = s[end+1:]
					continue
				case named[name] != 0:
					out = append(out, tcell.NewEventKey(named[name], 0, tcell.ModNone))
					s = s[end+1:]
					continue
				}
			}
		}
		r := []rune(s)[0]
		out = append(out, tcell.NewEventKey(tcell.KeyRune, r, tcell.ModNone))
		s = s[len(string(r)):]
	}
	return out
}

// testClock is a fixed time for undo's "seconds ago".
var testClock = time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC)

func TestSplitLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		want  []string
		noEOL bool
	}{
		{"", []string{""}, false},
		{"\n", []string{""}, false},
		{"a", []string{"a"}, true},
		{"a\nb\n", []string{"a", "b"}, false},
		{"a\n\nb", []string{"a", "", "b"}, true},
		{"한글\n", []string{"한글"}, false},
	}
	for _, tt := range tests {
		lines, noEOL := splitLines(tt.in)
		var got []string
		for _, l := range lines {
			got = append(got, string(l))
		}
		if !cmp.Equal(got, tt.want) || noEOL != tt.noEOL {
			t.Errorf("splitLines(%q) = %q, %v; want %q, %v", tt.in, got, noEOL, tt.want, tt.noEOL)
		}
	}
}

func TestEdbufText(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "a\n", "a\nb\n", "\n\n", "한글\tx\n"} {
		b, _ := newEdbuf(in)
		if got := b.text(); got != in {
			t.Errorf("newEdbuf(%q).text() = %q; want %q", in, got, in)
		}
		if got := b.bytes(); got != len(in) {
			t.Errorf("newEdbuf(%q).bytes() = %d; want %d", in, got, len(in))
		}
	}
	b, _ := newEdbuf("no newline")
	if got := b.text(); got != "no newline\n" {
		t.Errorf("text() of an unterminated line = %q; want a newline added", got)
	}
}

func TestEdbufEdits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		edit func(b *edbuf)
		want string
	}{
		{"insert", "abc\n", func(b *edbuf) { b.insertText(0, 1, []rune("XY")) }, "aXYbc\n"},
		{"insert newline", "abc\n", func(b *edbuf) { b.insertText(0, 1, []rune("1\n2\n3")) }, "a1\n2\n3bc\n"},
		{"delete in line", "abcdef\n", func(b *edbuf) { b.deleteText(0, 1, 0, 3) }, "adef\n"},
		{"delete newline", "ab\ncd\n", func(b *edbuf) { b.deleteText(0, 2, 1, 0) }, "abcd\n"},
		{"delete across", "ab\ncd\nef\n", func(b *edbuf) { b.deleteText(0, 1, 2, 1) }, "af\n"},
		{"delete lines", "a\nb\nc\n", func(b *edbuf) { b.deleteLines(0, 2) }, "c\n"},
		{"delete all lines", "a\nb\n", func(b *edbuf) { b.deleteLines(0, 2) }, ""},
		{"insert lines", "a\nc\n", func(b *edbuf) { b.insertLines(1, []rune("b")) }, "a\nb\nc\n"},
	}
	for _, tt := range tests {
		b, _ := newEdbuf(tt.in)
		tt.edit(b)
		if got := b.text(); got != tt.want {
			t.Errorf("%s: %q becomes %q; want %q", tt.name, tt.in, got, tt.want)
		}
		if !b.modified {
			t.Errorf("%s: buffer not marked modified", tt.name)
		}
	}
}

func TestEdbufUndo(t *testing.T) {
	t.Parallel()
	b, _ := newEdbuf("one\ntwo\n")
	b.begin()
	b.insertText(0, 3, []rune("!"))
	b.deleteLines(1, 2)
	b.commit(testClock)
	b.begin()
	b.commit(testClock) // a change that edits nothing leaves no trace
	if len(b.undo) != 1 {
		t.Fatalf("undo stack has %d changes; want 1", len(b.undo))
	}
	if got := b.text(); got != "one!\n" {
		t.Fatalf("after the change: %q", got)
	}
	if _, ok := b.undoChange(); !ok || b.text() != "one\ntwo\n" || b.modified {
		t.Errorf("undo: %q, modified %v; want the original, unmodified", b.text(), b.modified)
	}
	if _, ok := b.undoChange(); ok {
		t.Errorf("a second undo succeeded with one change")
	}
	if _, ok := b.redoChange(); !ok || b.text() != "one!\n" || !b.modified {
		t.Errorf("redo: %q, modified %v; want the change back, modified", b.text(), b.modified)
	}
	b.saved()
	b.undoChange()
	if !b.modified {
		t.Errorf("undoing past a write left the buffer unmodified")
	}
}

func TestRuneCells(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		i    int
		want int
	}{
		{"abc", 2, 2},
		{"\tx", 1, 8},
		{"ab\tx", 3, 8},
		{"한글x", 2, 4},
		{"a\x01b", 2, 3},
		{"\t\t", 2, 16},
	}
	for _, tt := range tests {
		if got := displayCol([]rune(tt.line), tt.i); got != tt.want {
			t.Errorf("displayCol(%q, %d) = %d; want %d", tt.line, tt.i, got, tt.want)
		}
	}
	l := []rune("a\t한b")
	for col, want := range []int{0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4} {
		if got := indexAtCol(l, col); got != want {
			t.Errorf("indexAtCol(%q, %d) = %d; want %d", string(l), col, got, want)
		}
	}
}

func TestEdKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ev   *tcell.EventKey
		want rune
	}{
		{tcell.NewEventKey(tcell.KeyRune, 'x', tcell.ModNone), 'x'},
		{tcell.NewEventKey(tcell.KeyEnter, 0, tcell.ModNone), ekEnter},
		{tcell.NewEventKey(tcell.KeyBackspace, 0, tcell.ModNone), ekBS},
		{tcell.NewEventKey(tcell.KeyBackspace2, 0, tcell.ModNone), ekBS},
		{tcell.NewEventKey(tcell.KeyEscape, 0, tcell.ModNone), ekEsc},
		{tcell.NewEventKey(tcell.KeyCtrlO, 0, tcell.ModCtrl), edCtrl('O')},
		{tcell.NewEventKey(tcell.KeyUp, 0, tcell.ModNone), ekUp},
		{tcell.NewEventKey(tcell.KeyDelete, 0, tcell.ModNone), ekDelete},
		{tcell.NewEventKey(tcell.KeyF3, 0, tcell.ModNone), ekF1 + 2},
	}
	for _, tt := range tests {
		if got := edKey(tt.ev); got != tt.want {
			t.Errorf("edKey(%v) = %#x; want %#x", tt.ev.Name(), got, tt.want)
		}
	}
}

// edShot draws p alone on a w×h simulation screen with focus, and returns
// the screen and the cursor.
func edShot(t testing.TB, w, h int, p tview.Primitive) (s screenshot, cx, cy int, visible bool) {
	t.Helper()
	scr := tcell.NewSimulationScreen("UTF-8")
	if err := scr.Init(); err != nil {
		t.Fatal(err)
	}
	defer scr.Fini()
	scr.SetSize(w, h)
	p.Focus(func(tview.Primitive) {})
	p.SetRect(0, 0, w, h)
	p.Draw(scr)
	scr.Show()
	cells, cw, ch := scr.GetContents()
	cx, cy, visible = scr.GetCursor()
	return screenshot{cells: append([]tcell.SimCell(nil), cells...), w: cw, h: ch}, cx, cy, visible
}

// edApp runs p as the root of a tview application on a w×h simulation
// screen until the test ends.
func edApp(t *testing.T, w, h int, p tview.Primitive) (*tview.Application, tcell.SimulationScreen) {
	t.Helper()
	scr := tcell.NewSimulationScreen("UTF-8")
	app := tview.NewApplication().SetScreen(scr).SetRoot(p, true)
	scr.SetSize(w, h)
	done := make(chan error, 1)
	go func() { done <- app.Run() }()
	t.Cleanup(func() {
		app.Stop()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return app, scr
}

// edWait polls cond on the application's goroutine until it holds.
func edWait(t *testing.T, app *tview.Application, scr tcell.SimulationScreen, desc string, cond func(screenshot) bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		var s screenshot
		app.QueueUpdate(func() {
			cells, w, h := scr.GetContents()
			s = screenshot{cells: append([]tcell.SimCell(nil), cells...), w: w, h: h}
		})
		if cond(s) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; the screen shows:\n%s", desc, s.text())
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
}

// edType injects keys in edKeys notation.
func edType(scr tcell.SimulationScreen, keys string) {
	for _, ev := range edKeys(keys) {
		scr.InjectKey(ev.Key(), ev.Rune(), ev.Modifiers())
	}
}

// fuzzScreen is one simulation screen a fuzz target draws on: making a
// screen per input would cost more than the input.
type fuzzScreen struct {
	mu  sync.Mutex
	scr tcell.SimulationScreen
}

func newFuzzScreen(f *testing.F) *fuzzScreen {
	scr := tcell.NewSimulationScreen("UTF-8")
	if err := scr.Init(); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(scr.Fini)
	scr.SetSize(80, 24)
	return &fuzzScreen{scr: scr}
}

func (s *fuzzScreen) draw(p tview.Primitive) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.scr.Clear()
	p.SetRect(0, 0, 80, 24)
	p.Draw(s.scr)
	s.scr.Show()
}

func TestEdRequestOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args       []string
		path       string
		name, dir  string
		abs, absOf string // abs is what absOf becomes
	}{
		{[]string{"vi", "/etc/inittab"}, "/etc/inittab", "/etc/inittab", "", "/etc/copy", "copy"},
		{[]string{"vi", "+3", "inittab"}, "/etc/inittab", "inittab", "/etc", "/etc/x", "x"},
		{[]string{"nano", "-w", "rc.d/rc.local"}, "/etc/rc.d/rc.local", "rc.d/rc.local", "/etc", "/etc/y", "y"},
		{[]string{"vi", "../etc/hosts"}, "/etc/hosts", "/etc/hosts", "", "/etc/z", "z"},
		{[]string{"vi", "/x"}, "/x", "/x", "", "/tmp/a", "/tmp/a"},
		{[]string{"vi", "f"}, "/f", "f", "/", "/g", "g"},
		{[]string{"vi"}, "", "", "", "/", ""},
	}
	for _, tt := range tests {
		r := edRequestOf(&sim.Screen{Program: tt.args[0], Args: tt.args, Path: tt.path})
		if r.name != tt.name || r.dir != tt.dir {
			t.Errorf("edRequestOf(%q, %s) = name %q, dir %q; want %q, %q", tt.args, tt.path, r.name, r.dir, tt.name, tt.dir)
		}
		if tt.absOf == "" {
			continue
		}
		if got := r.abs(tt.absOf); got != tt.abs {
			t.Errorf("edRequestOf(%q).abs(%q) = %q; want %q", tt.args, tt.absOf, got, tt.abs)
		}
	}
}
