package tui

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

// nanoRun is a nano session in a test.
type nanoRun struct {
	n     *nanoEditor
	saved map[string]string
	quit  bool
}

func newNanoRun(req edRequest, refuse error) *nanoRun {
	r := &nanoRun{saved: map[string]string{}}
	save := func(path, data string) error {
		if refuse != nil {
			return refuse
		}
		r.saved[path] = data
		return nil
	}
	r.n = newNanoEditor(testEnv(English, false), req, save, func() { r.quit = true })
	return r
}

func (r *nanoRun) keys(s string) {
	for _, ev := range edKeys(s) {
		r.n.key(ev)
	}
}

func TestNanoOpenMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		req  edRequest
		want string
		rows int // lines in the buffer, the magic line included
	}{
		{inittabReq(), "Read 30 lines", 31},
		{edRequest{name: "new.txt", path: "/root/new.txt"}, "New File", 1},
		{edRequest{name: "one", path: "/one", data: "x", exists: true}, "Read 1 line", 2},
		{edRequest{name: "empty", path: "/empty", exists: true}, "Read 0 lines", 1},
		{edRequest{}, "", 1},
	}
	for _, tt := range tests {
		r := newNanoRun(tt.req, nil)
		if r.n.msg != tt.want || len(r.n.buf.lines) != tt.rows {
			t.Errorf("nano %s: message %q, %d lines; want %q, %d", tt.req.name, r.n.msg, len(r.n.buf.lines), tt.want, tt.rows)
		}
	}
}

// TestNanoEdits runs key sequences and checks the file nano writes, the
// cursor and the status line.
func TestNanoEdits(t *testing.T) {
	t.Parallel()
	const three = "one\ntwo\nthree\n"
	tests := []struct {
		name     string
		data     string
		keys     string
		want     string
		row, col int
		msg      string
	}{
		{"type", three, "ab", "abone\ntwo\nthree\n", 0, 2, "Read 3 lines"},
		{"type on the magic line", three, "<C-v>x", "one\ntwo\nthree\nx\n", 3, 1, ""},
		{"enter", three, "<Right><CR>", "o\nne\ntwo\nthree\n", 1, 0, ""},
		{"backspace joins", three, "<Down><BS>", "onetwo\nthree\n", 0, 3, ""},
		{"backspace at start", three, "<BS>", three, 0, 0, ""},
		{"delete", three, "<Del><C-d>", "e\ntwo\nthree\n", 0, 0, ""},
		{"delete joins", three, "<End><Del>", "onetwo\nthree\n", 0, 3, ""},
		{"delete before magic line", three, "<Down><Down><End><Del>", three, 2, 5, ""},
		{"cut", three, "<C-k>", "two\nthree\n", 0, 0, ""},
		{"cut twice uncut", three, "<C-k><C-k><Down><C-u>", "three\none\ntwo\n", 3, 0, ""},
		{"cut move paste", three, "<C-k><Down><C-u>", "two\none\nthree\n", 2, 0, ""},
		{"uncut mid line", three, "<C-k><Right><C-u>", "tone\nwo\nthree\n", 1, 0, ""},
		{"cut magic line", three, "<C-v><C-k>", three, 3, 0, ""},
		{"cut resets", three, "<C-k><Right><C-k><C-u>", "two\nthree\n", 1, 0, ""},
		{"right wraps", three, "<End><Right>", three, 1, 0, ""},
		{"left wraps", three, "<Down><Left>", three, 0, 3, ""},
		{"up keeps column", "abcdef\nx\nabcdef\n", "<End><Down><Down>", "abcdef\nx\nabcdef\n", 2, 6, ""},
		{"ctrl-a ctrl-e", three, "<C-e>X<C-a>Y", "YoneX\ntwo\nthree\n", 0, 1, ""},
		{"tab", three, "<Tab>", "\tone\ntwo\nthree\n", 0, 1, ""},
		{"korean", three, "한", "한one\ntwo\nthree\n", 0, 1, ""},
		{"cur pos", three, "<Down><Right><C-c>", three, 1, 1, "line 2/4 (50%), col 2/4 (50%), char 5/14 (35%)"},
		{"cur pos tab", "\tx\n", "<Right><C-c>", "\tx\n", 0, 1, "line 1/2 (50%), col 9/10 (90%), char 1/3 (33%)"},
		{"search", three, "<C-w>th<CR>", three, 2, 0, ""},
		{"search again", three, "<C-w>t<CR><M-w>", three, 2, 0, ""},
		{"search wraps", three, "<C-v><C-w>NE<CR>", three, 0, 1, "Search Wrapped"},
		{"search only", three, "<C-w>one<CR>", three, 0, 0, "This is the only occurrence"},
		{"search missing", three, "<C-w>four<CR>", three, 0, 0, `"four" not found`},
		{"search last", three, "<C-w>t<CR><C-w><CR>", three, 2, 0, ""},
		{"search cancel", three, "<C-w>t<C-c>", three, 0, 0, "Cancelled"},
		{"search empty", three, "<C-w><CR>", three, 0, 0, "Cancelled"},
		{"go to line", three, "<C-_>3,2<CR>", three, 2, 1, ""},
		{"go to line bad", three, "<C-_>x<CR>", three, 0, 0, "Come on, be reasonable"},
		{"page down", three, "<C-v>", three, 3, 0, ""},
		{"page up", three, "<Down><Down><C-y>", three, 0, 0, ""},
	}
	for _, tt := range tests {
		r := newNanoRun(edRequest{name: "f", path: "/f", data: tt.data, exists: true}, nil)
		r.keys(tt.keys)
		n := r.n
		if got := n.text(); got != tt.want {
			t.Errorf("%s: keys %q give %q; want %q", tt.name, tt.keys, got, tt.want)
		}
		if n.buf.row != tt.row || n.buf.col != tt.col {
			t.Errorf("%s: keys %q leave the cursor at %d,%d; want %d,%d", tt.name, tt.keys, n.buf.row, n.buf.col, tt.row, tt.col)
		}
		if tt.msg != "" && n.msg != tt.msg {
			t.Errorf("%s: keys %q show %q; want %q", tt.name, tt.keys, n.msg, tt.msg)
		}
		if last := n.buf.lines[len(n.buf.lines)-1]; len(last) != 0 {
			t.Errorf("%s: keys %q leave %q as the last line; want the empty magic line", tt.name, tt.keys, string(last))
		}
	}
}

// TestNanoStatusBlank checks that a message goes after 25 keystrokes.
func TestNanoStatusBlank(t *testing.T) {
	t.Parallel()
	r := newNanoRun(inittabReq(), nil)
	r.keys(strings.Repeat("<Down>", 24))
	if r.n.msg != "Read 30 lines" {
		t.Errorf("after 24 keys the status shows %q; want it kept", r.n.msg)
	}
	r.keys("<Down>")
	if r.n.msg != "" {
		t.Errorf("after 25 keys the status shows %q; want it blank", r.n.msg)
	}
}

// TestNanoWriteAndExit checks ^O and ^X with their prompts.
func TestNanoWriteAndExit(t *testing.T) {
	t.Parallel()
	denied := &fs.PathError{Op: "open", Path: "/etc/x", Err: fs.ErrPermission}
	tests := []struct {
		name   string
		req    edRequest
		refuse error
		keys   string
		msg    string
		saved  map[string]string
		quit   bool
		title  string
	}{
		{"write", inittabReq(), nil, "<C-k><C-o><CR>", "Wrote 29 lines",
			map[string]string{"/etc/inittab": edFixture[strings.Index(edFixture, "\n")+1:]}, false, "File: /etc/inittab"},
		{"write other", edRequest{name: "a", path: "/a", data: "x\n", exists: true}, nil, "<C-o><BS>b<CR>", "Wrote 1 line",
			map[string]string{"/b": "x\n"}, false, "File: b"},
		{"write new buffer", edRequest{}, nil, "hi<C-o>/tmp/new<CR>", "Wrote 1 line", map[string]string{"/tmp/new": "hi\n"}, false, "File: /tmp/new"},
		{"write cancelled", inittabReq(), nil, "<C-o><C-c>", "Cancelled", nil, false, ""},
		{"write empty name", edRequest{}, nil, "<C-o><CR>", "Cancelled", nil, false, ""},
		{"write refused", edRequest{name: "/etc/x", path: "/etc/x", data: "x\n", exists: true}, denied, "y<C-o><CR>",
			"Error writing /etc/x: Permission denied", nil, false, "Modified"},
		{"write refused plain error", edRequest{name: "/etc/x", path: "/etc/x", data: "x\n", exists: true},
			errors.New("write /etc/x: read-only file system"), "<C-o><CR>", "Error writing /etc/x: Read-only file system", nil, false, ""},
		{"exit unmodified", inittabReq(), nil, "<C-x>", "Read 30 lines", nil, true, ""},
		{"exit no", inittabReq(), nil, "x<C-x>n", "Read 30 lines", nil, true, ""},
		{"exit cancel", inittabReq(), nil, "x<C-x><C-c>", "Cancelled", nil, false, "Modified"},
		{"exit other keys ignored", inittabReq(), nil, "x<C-x>qz", "Read 30 lines", nil, false, "Modified"},
		{"exit yes", edRequest{name: "a", path: "/a", data: "x\n", exists: true}, nil, "y<C-x>Y<CR>", "Wrote 1 line",
			map[string]string{"/a": "yx\n"}, true, ""},
		{"exit yes refused", edRequest{name: "a", path: "/a", data: "x\n", exists: true}, denied, "y<C-x>y<CR>",
			"Error writing a: Permission denied", nil, false, "Modified"},
		{"view mode", edRequest{name: "a", path: "/a", data: "x\n", exists: true, readOnly: true}, nil, "y<C-k><C-o>",
			"Key illegal in VIEW mode", nil, false, "View"},
		{"view mode exits", edRequest{name: "a", path: "/a", data: "x\n", exists: true, readOnly: true}, nil, "<C-x>",
			"Read 1 line", nil, true, ""},
		{"exit yes cancel", edRequest{name: "a", path: "/a", data: "x\n", exists: true}, nil, "y<C-x>y<C-c>", "Cancelled", nil, false, ""},
	}
	for _, tt := range tests {
		r := newNanoRun(tt.req, tt.refuse)
		r.keys(tt.keys)
		if r.n.msg != tt.msg {
			t.Errorf("%s: keys %q show %q; want %q", tt.name, tt.keys, r.n.msg, tt.msg)
		}
		if len(r.saved) != len(tt.saved) {
			t.Errorf("%s: keys %q saved %q; want %q", tt.name, tt.keys, r.saved, tt.saved)
		}
		for p, want := range tt.saved {
			if got := r.saved[p]; got != want {
				t.Errorf("%s: keys %q saved %q in %s; want %q", tt.name, tt.keys, got, p, want)
			}
		}
		if r.quit != tt.quit {
			t.Errorf("%s: keys %q quit = %v; want %v", tt.name, tt.keys, r.quit, tt.quit)
		}
		if title := nanoTitle(80, r.n.name, r.n.state()); !strings.Contains(title, tt.title) {
			t.Errorf("%s: keys %q leave the title %q; want it to hold %q", tt.name, tt.keys, title, tt.title)
		}
	}
}

func TestNanoTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		w     int
		name  string
		state string
		want  string
	}{
		// the layout of real nano 1.3.12 screens: "File:" two-thirds of the
		// way to the centre of the space left
		{80, "/etc/fstab", "", "  GNU nano 1.3.12             File: /etc/fstab"},
		{80, "/etc/inittab", "", "  GNU nano 1.3.12            File: /etc/inittab"},
		{80, "file1", "Modified", "  GNU nano 1.3.12               File: file1                           Modified"},
		{80, "", "", "  GNU nano 1.3.12               New Buffer"},
		{80, "/etc/inittab", "View", "  GNU nano 1.3.12              File: /etc/inittab                         View"},
		{80, "/very/long/path/that/does/not/fit/in/the/title/bar/at/all/file.conf", "",
			"  GNU nano 1.3.12  File: ...not/fit/in/the/title/bar/at/all/file.conf"},
	}
	for _, tt := range tests {
		got := nanoTitle(tt.w, tt.name, tt.state)
		if textWidth(got) != tt.w {
			t.Errorf("nanoTitle(%d, %q) is %d cells wide", tt.w, tt.name, textWidth(got))
		}
		if strings.TrimRight(got, " ") != tt.want {
			t.Errorf("nanoTitle(%d, %q, %q) =\n%q; want\n%q", tt.w, tt.name, tt.state, strings.TrimRight(got, " "), tt.want)
		}
	}
}

// TestNanoScroll checks nano's half-screen scrolling and centring.
func TestNanoScroll(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for i := 1; i <= 100; i++ {
		sb.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	tests := []struct {
		keys     string
		top, row int
	}{
		{strings.Repeat("<Down>", 18), 0, 18},
		{strings.Repeat("<Down>", 19), 9, 19},
		{"<C-v>", 17, 17},
		{"<C-v><C-v>", 34, 34},
		{"<C-v><C-v><C-y>", 17, 17},
		{"<C-w>line 50<CR>", 40, 49},
		{"<M-/>", 91, 100},
		{"<M-/><Up>" + strings.Repeat("<Up>", 9), 82, 90},
	}
	for _, tt := range tests {
		r := newNanoRun(edRequest{name: "f", path: "/f", data: sb.String(), exists: true}, nil)
		r.keys(tt.keys)
		if r.n.top != tt.top || r.n.buf.row != tt.row {
			t.Errorf("keys %q: top %d, row %d; want %d, %d", tt.keys, r.n.top, r.n.buf.row, tt.top, tt.row)
		}
	}
}

// FuzzNanoKeys types random keys at nano: no panic, a consistent buffer
// that always ends with the magic line.
func FuzzNanoKeys(f *testing.F) {
	for _, s := range []string{"abc\r\x7f", "\x0b\x0b\x15", "\x17x\r", "\x0fnew\r", "\x18y\r", "\x1f3\r\x04"} {
		f.Add(edFixture, s)
	}
	scr := newFuzzScreen(f)
	f.Fuzz(func(t *testing.T, data, keys string) {
		if len(keys) > 200 {
			keys = keys[:200]
		}
		r := newNanoRun(edRequest{name: "f", path: "/f", data: data, exists: true}, nil)
		for _, c := range keys {
			var ev *tcell.EventKey
			switch {
			case c < 0x20:
				ev = tcell.NewEventKey(tcell.KeyRune, c, tcell.ModNone)
			case c == 0x7f:
				ev = tcell.NewEventKey(tcell.KeyBackspace2, 0, tcell.ModNone)
			default:
				ev = tcell.NewEventKey(tcell.KeyRune, c, tcell.ModNone)
			}
			r.n.key(ev)
			if r.quit {
				return
			}
			b := r.n.buf
			if len(b.lines) == 0 || b.row < 0 || b.row >= len(b.lines) || b.col < 0 || b.col > len(b.cur()) {
				t.Fatalf("keys %q: cursor %d,%d outside %d lines", keys, b.row, b.col, len(b.lines))
			}
			if len(b.lines[len(b.lines)-1]) != 0 {
				t.Fatalf("keys %q: the last line is %q", keys, string(b.lines[len(b.lines)-1]))
			}
		}
		scr.draw(r.n)
	})
}

// TestNanoScreen draws nano's opening screen at 80×24 and its exit
// prompt, checking them against golden files.
func TestNanoScreen(t *testing.T) {
	t.Parallel()
	r := newNanoRun(inittabReq(), nil)
	s, cx, cy, vis := edShot(t, 80, 24, r.n)
	golden(t, "nano_open", s.text())
	if !vis || cx != 0 || cy != 2 {
		t.Errorf("cursor at %d,%d (visible %v); want 0,2", cx, cy, vis)
	}
	rev := tcell.StyleDefault.Reverse(true)
	for _, at := range [][2]int{{0, 0}, {79, 0}, {31, 21}, {0, 22}, {1, 23}} {
		if st := s.at(at[0], at[1]).Style; st != rev {
			t.Errorf("cell %v drawn %v; want reverse video", at, st)
		}
	}
	if st := s.at(3, 22).Style; st != tcell.StyleDefault {
		t.Errorf("a shortcut's description drawn %v; want plain", st)
	}
	if x, y, _ := s.find("기본"); string(s.at(x+2, y).Runes) != "본" {
		t.Errorf("기본 not laid out two cells a character:\n%s", s.text())
	}
	r.keys("x<C-x>")
	s, cx, cy, _ = edShot(t, 80, 24, r.n)
	golden(t, "nano_exit", s.text())
	if cy != 21 || cx != 61 {
		t.Errorf("cursor at %d,%d in the exit prompt; want 61,21", cx, cy)
	}
	r.keys("y")
	s, cx, cy, _ = edShot(t, 80, 24, r.n)
	if !strings.Contains(s.text(), "File Name to Write: /etc/inittab\n^G Get Help         ^T To Files") || cy != 21 || cx != 32 {
		t.Errorf("write prompt (cursor %d,%d):\n%s", cx, cy, s.text())
	}
}

// TestNanoLongLine checks nano's $ marks on a line wider than the screen.
func TestNanoLongLine(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("0123456789", 10)
	r := newNanoRun(edRequest{name: "f", path: "/f", data: long + "\n" + long + "\n", exists: true}, nil)
	s, _, _, _ := edShot(t, 40, 10, r.n)
	rows := strings.Split(s.text(), "\n")
	if want := long[:39] + "$"; rows[2] != want || rows[3] != want {
		t.Errorf("long lines drawn\n%q\n%q; want %q", rows[2], rows[3], want)
	}
	r.keys("<End>")
	s, cx, _, _ := edShot(t, 40, 10, r.n)
	rows = strings.Split(s.text(), "\n")
	// the cursor's line scrolls in chunks: column 100 shows from 64
	if want := "$" + long[65:]; rows[2] != want || cx != 36 {
		t.Errorf("the cursor's line drawn %q, cursor column %d; want %q, 36", rows[2], cx, want)
	}
}

// TestNanoApp runs nano in a tview application: typing, ^X, Y, Enter.
func TestNanoApp(t *testing.T) {
	t.Parallel()
	r := newNanoRun(edRequest{name: "f", path: "/f", data: "one\n", exists: true}, nil)
	done := make(chan struct{})
	r.n.done = func() { close(done) }
	app, scr := edApp(t, 80, 24, r.n)
	edType(scr, "new <C-x>")
	edWait(t, app, scr, "the exit prompt", func(s screenshot) bool { return strings.Contains(s.text(), "Save modified buffer") })
	edType(scr, "y<CR>")
	select {
	case <-done:
	case <-time.After(waitTimeout):
		t.Fatalf("nano did not end")
	}
	var saved string
	app.QueueUpdate(func() { saved = r.saved["/f"] })
	if saved != "new one\n" {
		t.Errorf("saved %q; want %q", saved, "new one\n")
	}
}

// TestNanoInSandbox opens nano from the sandbox's shell and writes with
// ^O: the file changes on the machine.
func TestNanoInSandbox(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	h.line("nano /etc/motd")
	h.waitText("GNU nano 1.3.12")
	h.typeText("hello from nano")
	h.key(tcell.KeyCtrlO)
	h.waitText("File Name to Write: /etc/motd")
	h.key(tcell.KeyEnter)
	h.waitText("[ Wrote 1 line ]")
	h.key(tcell.KeyCtrlX)
	h.waitIdle()
	s := h.run("cat /etc/motd")
	if !strings.Contains(s.text(), "hello from nano\n") {
		t.Errorf("after ^O the file holds:\n%s", s.text())
	}
}
