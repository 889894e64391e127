package tui

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"rclab/sim"
)

// fg and bg are a cell's colours.
func (s screenshot) colours(x, y int) (fg, bg tcell.Color) {
	fg, bg, _ = s.at(x, y).Style.Decompose()
	return fg, bg
}

// openNtsysv types ntsysv (with args) at the sandbox's prompt and waits
// for its window.
func (h *harness) openNtsysv(args string) screenshot {
	h.t.Helper()
	h.runOnly(strings.TrimSpace("ntsysv " + args))
	return h.waitText(ntsysvQuestion)
}

func TestNtsysvOpens(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 25)
	h.sandbox()
	s := h.openNtsysv("")
	golden(t, "ntsysv_80x25", s.text())
	checks := []struct {
		what   string
		x, y   int
		fg, bg tcell.Color
	}{
		{"the blue root", 70, 1, tcell.ColorWhite, tcell.ColorNavy},
		{"the title, yellow on blue", 0, 0, tcell.ColorYellow, tcell.ColorNavy},
		{"the help line", 0, 24, tcell.ColorWhite, tcell.ColorNavy},
		{"the grey window", 16, 4, tcell.ColorBlack, tcell.ColorSilver},
		{"Services in red", 35, 3, tcell.ColorMaroon, tcell.ColorSilver},
		{"the list, yellow on blue", 32, 7, tcell.ColorYellow, tcell.ColorNavy},
		{"the current box, blue on brown", 29, 7, tcell.ColorNavy, tcell.ColorOlive},
		{"the second box", 29, 8, tcell.ColorYellow, tcell.ColorNavy},
		{"the button", 26, 17, tcell.ColorSilver, tcell.ColorMaroon},
		{"the shadow", 65, 10, tcell.ColorWhite, tcell.ColorBlack},
	}
	for _, c := range checks {
		if fg, bg := s.colours(c.x, c.y); fg != c.fg || bg != c.bg {
			t.Errorf("%s at %d,%d is %v on %v; want %v on %v", c.what, c.x, c.y, fg, bg, c.fg, c.bg)
		}
	}
	// the console does not get keys meanwhile: F2 and F1 are ntsysv's
	h.key(tcell.KeyF2)
	h.key(tcell.KeyF1)
	s = h.waitText("acpid listens")
	if strings.Contains(s.text(), "Keys") {
		t.Errorf("F1 in ntsysv opened rclab's help:\n%s", s.text())
	}
	h.key(tcell.KeyEnter)
	h.waitGone("acpid listens")
	// Space unticks acpid, F12 is Ok
	h.typeText(" ")
	h.waitText("[ ] acpid")
	h.key(tcell.KeyF12)
	h.waitIdle()
	s = h.run("chkconfig --list acpid")
	if !strings.Contains(s.text(), "acpid           0:off   1:off   2:off   3:on    4:on    5:off   6:off") {
		t.Errorf("after ntsysv, chkconfig --list acpid shows:\n%s", s.text())
	}
}

func TestNtsysvCancelChangesNothing(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	h.openNtsysv("--level 35")
	h.typeText(" ")
	h.waitText("[ ] acpid")
	h.key(tcell.KeyTab)
	h.key(tcell.KeyTab)
	h.key(tcell.KeyEnter)
	h.waitIdle()
	s := h.run("chkconfig --list acpid")
	if !strings.Contains(s.text(), "3:on    4:on    5:on") {
		t.Errorf("after Cancel, chkconfig --list acpid shows:\n%s", s.text())
	}
}

func TestNtsysvBackAndKeys(t *testing.T) {
	t.Parallel()
	req := &sim.Screen{Program: "ntsysv", Title: "ntsysv 1.3.30.2 - (C) 2000-2001 Red Hat, Inc. ", Levels: "3", Back: true}
	for _, n := range []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1"} {
		req.Entries = append(req.Entries, sim.NtsysvEntry{Name: n, On: n == "a2", Desc: "the " + n + " service"})
	}
	var committed []string
	ended := false
	v := newNtsysv(testEnv(English, false), req, func(on []string) { committed = on }, func() { ended = true })
	s := render(t, 80, 25, v)
	if !strings.Contains(s.text(), "│ Back │") || strings.Contains(s.text(), "Cancel") {
		t.Errorf("--back shows no Back button:\n%s", s.text())
	}
	key := func(k tcell.Key, r rune) { v.InputHandler()(tcell.NewEventKey(k, r, tcell.ModNone), nil) }
	// Down past the eighth row scrolls; the scroll bar's thumb moves
	for range 9 {
		key(tcell.KeyDown, 0)
	}
	s = render(t, 80, 25, v)
	if !strings.Contains(s.text(), "[ ] b1") || strings.Contains(s.text(), "[ ] a1") {
		t.Errorf("after 9 Downs the list does not show b1 alone at the bottom:\n%s", s.text())
	}
	if r := s.at(50, 14).Runes; len(r) == 0 || r[0] != '#' {
		t.Errorf("the scroll bar's thumb is not at its bottom:\n%s", s.text())
	}
	key(tcell.KeyRune, ' ') // tick b1
	key(tcell.KeyDown, 0)   // past the last entry: Ok
	key(tcell.KeyRight, 0)  // Back
	key(tcell.KeyLeft, 0)   // Ok
	key(tcell.KeyEnter, 0)
	if strings.Join(committed, " ") != "a2 b1" || ended {
		t.Errorf("Ok committed %v (ended %v); want [a2 b1], not ended by itself", committed, ended)
	}
	key(tcell.KeyRight, 0)
	key(tcell.KeyRune, ' ')
	if !ended {
		t.Errorf("Space on Back did not end ntsysv")
	}
}

func TestNewtReflow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text               string
		width, down, up, w int
		want               []string
	}{
		{ntsysvQuestion, 30, 0, 20, 47, []string{ntsysvQuestion}},
		{"acpid listens for ACPI events (power button, lid, AC adapter) and runs the actions configured in /etc/acpi/events.", 35, 5, 5, 40,
			[]string{"acpid listens for ACPI events (power", "button, lid, AC adapter) and runs the", "actions configured in /etc/acpi/events."}},
		{"short", 35, 5, 5, 30, []string{"short"}},
	}
	for _, tt := range tests {
		got, w := newtReflow(tt.text, tt.width, tt.down, tt.up)
		if w != tt.w || strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("newtReflow(%q, %d, %d, %d) = %q, %d; want %q, %d", tt.text, tt.width, tt.down, tt.up, got, w, tt.want, tt.w)
		}
	}
}

func TestNtsysvLayout(t *testing.T) {
	t.Parallel()
	v := newNtsysv(testEnv(English, false), &sim.Screen{}, nil, nil)
	tests := []struct {
		w, h                           int
		left, top, listX, listW, listH int
		okX, cancelX, btnY, winW, winH int
	}{
		{80, 25, 15, 4, 28, 20, 8, 24, 45, 16, 49, 17},
		{80, 24, 15, 3, 28, 20, 8, 24, 45, 15, 49, 17},
		{120, 40, 27, 4, 28, 60, 23, 40, 69, 31, 65, 32},
	}
	for _, tt := range tests {
		l := v.layout(tt.w, tt.h)
		got := []int{l.left, l.top, l.listX, l.listW, l.listH, l.okX, l.cancelX, l.btnY, l.winW, l.winH}
		want := []int{tt.left, tt.top, tt.listX, tt.listW, tt.listH, tt.okX, tt.cancelX, tt.btnY, tt.winW, tt.winH}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("layout(%d×%d) = %v; want %v", tt.w, tt.h, got, want)
				break
			}
		}
	}
}

func TestLessPages(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	h.runOnly("less /etc/inittab")
	s := h.waitText("# inittab")
	last := strings.Split(strings.TrimRight(s.text(), "\n"), "\n")
	if got := last[len(last)-1]; got != "/etc/inittab" {
		t.Errorf("less's first prompt = %q; want the file's name", got)
	}
	if s.at(0, 23).Style == tcell.StyleDefault {
		t.Errorf("less's prompt is not in standout")
	}
	h.typeText(" ")
	h.waitFor("the prompt :", func(s screenshot) bool { return strings.HasSuffix(strings.TrimRight(s.text(), "\n"), "\n:") })
	h.typeText("G")
	h.waitText("(END)")
	h.typeText("/initdefault")
	h.waitText("/initdefault")
	h.key(tcell.KeyEnter)
	h.waitText("Pattern not found  (press RETURN)")
	h.typeText("g/^id:") // g also dismisses the message
	h.key(tcell.KeyEnter)
	s = h.waitFor("the match at the top", func(s screenshot) bool { return strings.HasPrefix(s.text(), "id:5:initdefault:") })
	if x, y, _ := s.find("id:5"); s.at(x, y).Style == tcell.StyleDefault {
		t.Errorf("the match is not highlighted")
	}
	h.typeText("q")
	h.waitIdle()
	if h.programShown() {
		t.Errorf("after q, less's page is still shown:\n%s", h.shot().text())
	}
}

// programShown reports whether a full-screen program's page is shown.
func (h *harness) programShown() bool {
	shown := false
	h.u.app.QueueUpdate(func() { shown = h.u.prog != nil })
	return shown
}

func TestMore(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	// a short file is just printed
	s := h.run("more /etc/issue")
	if !strings.Contains(s.text(), "more /etc/issue\nCentOS release 5.11 (Final)") {
		t.Errorf("more of a short file did not print it:\n%s", s.text())
	}
	h.runOnly("more /etc/inittab")
	s = h.waitText("--More--(")
	if !strings.Contains(s.text(), "--More--(") {
		t.Fatalf("no --More-- prompt:\n%s", s.text())
	}
	h.typeText("x")
	h.waitText("[Press 'h' for instructions.]")
	h.typeText("q")
	h.waitIdle()
	if text := h.consoleText(); !strings.Contains(text, "more /etc/inittab\n#\n# inittab       Tells init") {
		t.Errorf("the lines more showed did not stay on the console:\n%s", text)
	}
}

func TestPagerPrompts(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("line\n", 30)
	tests := []struct {
		name   string
		req    *sim.Screen
		more   bool
		keys   string
		prompt string
	}{
		{"less, first screen", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}}}, false, "", "f"},
		{"less, two files", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}, {Name: "g", Text: "x\n"}}}, false, "", "f (file 1 of 2)"},
		{"less, after a line", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}}}, false, "j", ":"},
		{"less, at the end", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}, {Name: "g", Text: "x\n"}}}, false, "G", "(END) - Next: g"},
		{"less, next file", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}, {Name: "g", Text: "x\n"}}}, false, ":n", "g (file 2 of 2) (END)"},
		{"less, a pipe", &sim.Screen{Pages: []sim.Page{{Text: text}}}, false, "", ":"},
		{"less, =", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}}}, false, "=", "f lines 1-9/30 byte 45/150 30%  (press RETURN)"},
		{"more, a file", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}}}, true, "", "--More--(30%)"},
		{"more, a line on", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}}}, true, "\n", "--More--(33%)"},
		{"more, a pipe", &sim.Screen{Pages: []sim.Page{{Text: text}}}, true, "", "--More--"},
		{"more, next file", &sim.Screen{Pages: []sim.Page{{Name: "f", Text: "a\n"}, {Name: "g", Text: text}}}, true, "", "--More--(Next file: g)"},
	}
	for _, tt := range tests {
		v := newPager(testEnv(English, false), tt.req, tt.more, func([]string) {})
		render(t, 60, 10, v)
		for _, r := range tt.keys {
			ev := tcell.NewEventKey(tcell.KeyRune, r, tcell.ModNone)
			if r == '\n' {
				ev = tcell.NewEventKey(tcell.KeyEnter, 0, tcell.ModNone)
			}
			v.InputHandler()(ev, nil)
		}
		s := render(t, 60, 10, v)
		rows := strings.Split(strings.TrimRight(s.text(), "\n"), "\n")
		if got := rows[len(rows)-1]; got != tt.prompt {
			t.Errorf("%s: prompt %q; want %q", tt.name, got, tt.prompt)
		}
	}
}

func TestTopLive(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.runOnly("top")
	s := h.waitText("  PID USER      PR  NI")
	x, y, _ := s.find("  PID USER")
	if st := s.at(x+2, y).Style; st == tcell.StyleDefault {
		t.Errorf("top's header is not in reverse video")
	}
	if !strings.Contains(s.text(), " top") {
		t.Errorf("top does not list itself:\n%s", s.text())
	}
	h.typeText(" ")
	h.typeText("q")
	h.waitIdle()
	if h.programShown() {
		t.Errorf("top's screen stayed after q:\n%s", h.shot().text())
	}
}

// fuzzKeys turns bytes into keys for the full-screen programs.
func fuzzKeys(keys []byte) []*tcell.EventKey {
	special := []tcell.Key{tcell.KeyEnter, tcell.KeyTab, tcell.KeyBacktab, tcell.KeyUp, tcell.KeyDown, tcell.KeyLeft,
		tcell.KeyRight, tcell.KeyPgUp, tcell.KeyPgDn, tcell.KeyHome, tcell.KeyEnd, tcell.KeyF1, tcell.KeyF12,
		tcell.KeyEscape, tcell.KeyBackspace2, tcell.KeyCtrlC, tcell.KeyCtrlD, tcell.KeyCtrlU, tcell.KeyCtrlG}
	var out []*tcell.EventKey
	for _, b := range keys {
		if b >= 0x80 {
			out = append(out, tcell.NewEventKey(special[int(b)%len(special)], 0, tcell.ModNone))
		} else {
			out = append(out, tcell.NewEventKey(tcell.KeyRune, rune(b), tcell.ModNone))
		}
	}
	return out
}

func FuzzPagerKeys(f *testing.F) {
	f.Add("a\tb\x08c\n\nlong line "+strings.Repeat("x", 90)+"\n", []byte(" bG/x\r?\x81n:nq"), false)
	f.Add("", []byte("  \x82\x83"), true)
	f.Add("한국어 텍스트\n"+strings.Repeat("y\n", 40), []byte("    d\x80b/y\rnq"), true)
	f.Fuzz(func(t *testing.T, text string, keys []byte, more bool) {
		req := &sim.Screen{Pages: []sim.Page{{Name: "f", Text: text}, {Name: "g", Text: text + "tail\n"}}, IgnoreCase: true}
		v := newPager(testEnv(English, false), req, more, func([]string) {})
		for i, ev := range fuzzKeys(keys) {
			if i%7 == 0 {
				render(t, 20+i%50, 3+i%20, v)
			}
			v.InputHandler()(ev, nil)
		}
		render(t, 30, 8, v)
	})
}

func FuzzNtsysvKeys(f *testing.F) {
	f.Add(3, []byte(" \x81\x80\x83\x83 \x8b\x80\x8c"), "a description")
	f.Add(0, []byte("\x8b\x8c\x80"), "")
	f.Add(30, []byte("\x88\x88\x88\x87 \x81\x81 "), strings.Repeat("word ", 80))
	f.Fuzz(func(t *testing.T, n int, keys []byte, desc string) {
		req := &sim.Screen{Program: "ntsysv", Levels: "35"}
		for i := range max(0, min(n, 200)) {
			req.Entries = append(req.Entries, sim.NtsysvEntry{Name: "svc" + strings.Repeat("x", i%30), On: i%3 == 0, Desc: desc})
		}
		v := newNtsysv(testEnv(English, false), req, func([]string) {}, func() {})
		for i, ev := range fuzzKeys(keys) {
			if i%5 == 0 {
				render(t, 10+i%100, 5+i%40, v)
			}
			v.InputHandler()(ev, nil)
		}
		render(t, 80, 25, v)
	})
}

func FuzzNewtReflow(f *testing.F) {
	f.Add("What services should be automatically started?", 30, 0, 20)
	f.Add("a\nb  c\td", 5, 5, 5)
	f.Fuzz(func(t *testing.T, text string, width, down, up int) {
		width, down, up = 1+abs(width)%100, abs(down)%50, abs(up)%50
		lines, w := newtReflow(text, width, down, up)
		if w < 1 || w > width+up {
			t.Fatalf("newtReflow(%q, %d, %d, %d) chose width %d", text, width, down, up, w)
		}
		for _, l := range lines {
			if n := len([]rune(l)); n > w && !strings.ContainsAny(text, "\t") {
				t.Fatalf("newtReflow(%q, %d, %d, %d) = line %q of %d runes, wider than %d", text, width, down, up, l, n, w)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestEditorSavesThroughMachine(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	h.runOnly("vi /root/hello.txt")
	h.waitText("[New File]")
	h.typeText("ihello from vi")
	h.key(tcell.KeyEscape)
	h.typeText(":wq")
	h.key(tcell.KeyEnter)
	h.waitIdle()
	s := h.run("cat /root/hello.txt; ls -l /root/hello.txt")
	if !strings.Contains(s.text(), "hello from vi\n-rw-r--r-- 1 root root 14") {
		t.Errorf("the file vi saved is not on the machine:\n%s", s.text())
	}
	// Ctrl-C reaches the editor, not the console or the app
	h.runOnly("vi /root/hello.txt")
	h.waitText("hello from vi")
	h.key(tcell.KeyCtrlC)
	h.typeText(":q")
	h.key(tcell.KeyEnter)
	h.waitIdle()
}
