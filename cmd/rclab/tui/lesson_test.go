package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/uniseg"

	"rclab/lessons"
)

// testLessonSrc is a small lesson for the lesson screen's tests: two
// steps, markup of every kind, hints, a suggested command.
const testLessonSrc = `id: L90-screen-test
title: {en: Files and daemons, ko: 파일과 데몬}
intro:
  en: This lesson tries the **lesson screen**.
  ko: 이 레슨은 **레슨 화면**을 시험합니다.
steps:
  - text:
      en: |
        Create the file ` + "`/tmp/a`" + `, either way:

        - with ` + "`touch`" + `;
        - with a redirection.

            touch /tmp/a
      ko: |
        ` + "`/tmp/a`" + ` 파일을 만드세요. 방법은 둘입니다.

        - ` + "`touch`" + `로 만들기
        - 리디렉션으로 만들기

            touch /tmp/a
    command: touch /tmp/a
    hints:
      - {en: An empty file is made with one command., ko: 빈 파일은 명령 하나로 만듭니다.}
      - {en: "` + "`touch /tmp/a`" + `", ko: "` + "`touch /tmp/a`" + `"}
    check: {file: {path: /tmp/a}}
    solution: [touch /tmp/a]
  - text: {en: Stop **crond** with its init script., ko: init 스크립트로 **crond**를 멈추세요.}
    hints:
      - {en: The service command runs init scripts., ko: service 명령이 init 스크립트를 실행합니다.}
    check: {process: {name: crond, count: 0}}
    solution: [service crond stop]
`

func testLesson(t testing.TB) *lessons.Lesson {
	t.Helper()
	l, err := lessons.Parse("screen-test.yaml", []byte(testLessonSrc))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// fakeProgress records what the lesson screen saves.
type fakeProgress struct {
	mu    sync.Mutex
	steps []string
	done  []string
}

func (f *fakeProgress) Lesson(id string) (bool, bool, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.done {
		if strings.HasPrefix(d, id+" ") {
			return true, strings.HasSuffix(d, "assisted"), 0
		}
	}
	return false, false, len(f.steps)
}

func (f *fakeProgress) StepDone(id string, step, steps int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.steps = append(f.steps, fmt.Sprintf("%s %d/%d", id, step+1, steps))
	return nil
}

func (f *fakeProgress) LessonDone(id string, steps, commands int, assisted bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := fmt.Sprintf("%s %d steps, %d commands", id, steps, commands)
	if assisted {
		s += ", assisted"
	}
	f.done = append(f.done, s)
	return nil
}

func (f *fakeProgress) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(append(append([]string(nil), f.steps...), f.done...), "; ")
}

// lessonClock moves a minute and a second at each reading.
func lessonClock() func() time.Time {
	var mu sync.Mutex
	at := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		at = at.Add(61 * time.Second)
		return at
	}
}

// startLessonUI runs a UI on the test lesson, opened at once, and waits
// until its machine is ready.
func startLessonUI(t *testing.T, w, h int, opts ...Option) (*harness, *fakeProgress) {
	t.Helper()
	fp := &fakeProgress{}
	opts = append([]Option{WithLessons([]*lessons.Lesson{testLesson(t)}), WithStartLesson("L90"),
		WithLessonProgress(fp), withClock(lessonClock())}, opts...)
	h0 := start(t, w, h, opts...)
	h0.waitLesson()
	return h0, fp
}

// waitLesson waits until the lesson screen's machine is ready and no
// command runs.
func (h *harness) waitLesson() {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		idle := false
		h.u.app.QueueUpdate(func() {
			ls := h.u.lx.cur
			idle = ls != nil && ls.idle() && len(ls.sb.queue) == 0 && ls.view.ready
		})
		if idle {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("the lesson did not become idle; the screen shows:\n%s", h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// lessonRun types a line on the lesson's console and waits until it ran.
func (h *harness) lessonRun(line string) screenshot {
	h.t.Helper()
	ran := func() int {
		n := 0
		h.u.app.QueueUpdate(func() { n = h.u.lx.cur.sb.ran })
		return n
	}
	before := ran()
	h.line(line)
	deadline := time.Now().Add(waitTimeout)
	for ran() == before {
		if time.Now().After(deadline) {
			h.t.Fatalf("%q did not finish; the screen shows:\n%s", line, h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.waitLesson()
	return h.shot()
}

// alt presses Alt and a letter.
func (h *harness) alt(r rune) { h.scr.InjectKey(tcell.KeyRune, r, tcell.ModAlt) }

// exists reports whether the lesson's machine has file name.
func (h *harness) exists(name string) bool {
	ok := false
	h.u.app.QueueUpdate(func() {
		ls := h.u.lx.cur
		ls.mu.Lock()
		_, err := ls.p.Machine().Stat(name)
		ls.mu.Unlock()
		ok = err == nil
	})
	return ok
}

func TestLessonFromHome(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.waitText("> Sandbox")
	h.key(tcell.KeyDown)
	h.key(tcell.KeyEnter)
	s := h.waitText("L01-processes-daemons")
	for _, want := range []string{"Processes, daemons and PID 1", "L16-capstone-troubleshooting", "Enter Open", "F10 Home"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("lesson list lacks %q:\n%s", want, s.text())
		}
	}
	h.key(tcell.KeyDown)
	h.key(tcell.KeyEnter)
	h.waitLesson()
	s = h.waitText("Step 1 of")
	for _, want := range []string{"L02-standalone-xinetd", "F8 Hint", "F9 Check", prompt} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("lesson screen lacks %q:\n%s", want, s.text())
		}
	}
	// F10 goes back to the list, Esc home
	h.key(tcell.KeyF10)
	h.waitText("L16-capstone-troubleshooting")
	h.key(tcell.KeyEscape)
	h.waitText("> Lessons")
}

func TestLessonPlay(t *testing.T) {
	t.Parallel()
	h, fp := startLessonUI(t, 100, 30)
	s := h.waitText("Step 1 of 2")
	for _, want := range []string{"Files and daemons", "lesson screen", "Create the file /tmp/a", "- with touch;", "│   touch /tmp/a", "Try: touch /tmp/a"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("pane lacks %q:\n%s", want, s.text())
		}
	}
	// the hint ladder, one rung at a time
	h.key(tcell.KeyF8)
	h.waitText("Hint 1 of 2")
	h.waitText("An empty file is made with one")
	h.key(tcell.KeyF8)
	h.waitText("Hint 2 of 2")
	// the check explains itself
	h.key(tcell.KeyF9)
	s = h.waitText("Not yet:")
	if pane := h.paneText(); !strings.Contains(pane, "Not yet: Expected: /tmp/a to exist Found: /tmp/a does not exist") {
		t.Errorf("check shows no expected/found:\n%s", s.text())
	}
	if !strings.Contains(s.text(), "│ Found: /tmp/a does not exist") {
		t.Errorf("found is not on a line of its own:\n%s", s.text())
	}
	// typing the step's solution completes it and moves on
	h.lessonRun("touch /tmp/a")
	s = h.waitText("Step 2 of 2")
	if !strings.Contains(s.text(), "✓ Step 1 done. On to step 2.") {
		t.Errorf("no notice of the step done:\n%s", s.text())
	}
	if strings.Contains(s.text(), "Hint 1 of 2") {
		t.Errorf("the last step's notes are still shown:\n%s", s.text())
	}
	// undo: the machine and the step go back; redo puts them back
	h.alt('u')
	h.waitText("Step 1 of 2")
	h.waitText("Undone")
	if h.exists("/tmp/a") {
		t.Errorf("/tmp/a exists after undo")
	}
	h.alt('r')
	h.waitText("Step 2 of 2")
	if !h.exists("/tmp/a") {
		t.Errorf("/tmp/a is missing after redo")
	}
	// reset asks first; n keeps everything
	h.alt('x')
	h.waitText("Start the lesson over")
	h.typeText("n")
	h.waitGone("Start the lesson over")
	h.waitText("Step 2 of 2")
	h.alt('x')
	h.waitText("Start the lesson over")
	h.typeText("y")
	h.waitText("Step 1 of 2")
	h.waitLesson()
	if h.exists("/tmp/a") {
		t.Errorf("/tmp/a exists after reset")
	}
	// the whole reference solution: the summary
	h.lessonRun("touch /tmp/a")
	h.lessonRun("service crond stop")
	h.waitText("Lesson complete")
	pane := h.paneText()
	for _, want := range []string{"✓ Step 2 done: the lesson is complete!", "Commands typed: 2 (the reference solution uses 2)",
		"Hints shown: 2", "No solution shown", "Time: 1m 1s"} {
		if !strings.Contains(pane, want) {
			t.Errorf("summary lacks %q:\n%s", want, pane)
		}
	}
	// redo brings step 1 back without recording it again
	if got, want := fp.String(), "L90-screen-test 1/2; L90-screen-test 1/2; L90-screen-test 2/2; L90-screen-test 2 steps, 2 commands"; got != want {
		t.Errorf("progress = %q; want %q", got, want)
	}
}

func TestLessonSolution(t *testing.T) {
	t.Parallel()
	h, fp := startLessonUI(t, 100, 30)
	h.alt('s')
	h.waitText("Show the solution of this step?")
	h.key(tcell.KeyEscape)
	h.waitGone("Show the solution of this step?")
	h.alt('s')
	h.waitText("Show the solution of this step?")
	h.typeText("y")
	h.waitText("Solution of this step:")
	if pane := h.paneText(); !strings.Contains(pane, "Solution of this step: touch /tmp/a This lesson now counts as done with help.") {
		t.Errorf("solution not shown:\n%s", pane)
	}
	// the answer did not reach the console
	if got := h.consoleLessonLine(); got != "" {
		t.Errorf("console line = %q; want empty", got)
	}
	h.lessonRun("touch /tmp/a")
	h.lessonRun("/etc/init.d/crond stop")
	h.waitText("Lesson complete")
	if pane := h.paneText(); !strings.Contains(pane, "Solutions shown: 1. The lesson counts as done with help.") {
		t.Errorf("summary does not count the solution:\n%s", pane)
	}
	if got := fp.String(); !strings.HasSuffix(got, "2 commands, assisted") {
		t.Errorf("progress = %q; want an assisted completion", got)
	}
}

// paneText is the lesson pane's text, its rows joined by spaces.
func (h *harness) paneText() string {
	var x, y, w, hh int
	h.u.app.QueueUpdate(func() { x, y, w, hh = h.u.lx.cur.pane.GetRect() })
	s := h.shot()
	var words []string
	for row := y + 1; row < y+hh-1; row++ {
		var b strings.Builder
		for col := x + 1; col < x+w-1; col++ {
			c := s.at(col, row)
			g := string(c.Runes)
			if g == "" || g == "\x00" {
				g = " "
			}
			b.WriteString(g)
			if uniseg.StringWidth(g) == 2 {
				col++
			}
		}
		words = append(words, strings.Fields(b.String())...)
	}
	return strings.Join(words, " ")
}

// consoleLessonLine is the line being typed on the lesson's console.
func (h *harness) consoleLessonLine() string {
	var s string
	h.u.app.QueueUpdate(func() { s = h.u.lx.cur.sb.consoles[0].Line() })
	return s
}

func TestLessonCheckAdvances(t *testing.T) {
	t.Parallel()
	h, _ := startLessonUI(t, 100, 30)
	// a command that does not finish the step leaves it
	h.lessonRun("ls /tmp")
	h.waitText("Step 1 of 2")
	// the machine powered off, boot brings it back through the player
	h.lessonRun("poweroff")
	h.waitText("Type boot to power the machine on")
	h.lessonRun("boot")
	h.waitText(prompt)
	h.lessonRun("touch /tmp/a")
	h.waitText("Step 2 of 2")
	h.key(tcell.KeyF9)
	s := h.waitText("Not yet:")
	if !strings.Contains(s.text(), "crond") {
		t.Errorf("the check does not name crond:\n%s", s.text())
	}
}

func TestLessonHelp(t *testing.T) {
	t.Parallel()
	h, _ := startLessonUI(t, 100, 60)
	h.key(tcell.KeyF1)
	s := h.waitText("Keys")
	for _, want := range []string{"F8, Alt-h", "Show the solution (asks first)", "Undo the last command", "Console line editing"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("lesson help lacks %q:\n%s", want, s.text())
		}
	}
}

func TestLessonGolden(t *testing.T) {
	t.Parallel()
	for _, l := range []Lang{English, Korean} {
		t.Run(l.String(), func(t *testing.T) {
			t.Parallel()
			h, _ := startLessonUI(t, 100, 30, WithLang(l))
			h.key(tcell.KeyF8)
			want := "Hint 1 of 2"
			if l == Korean {
				want = "힌트 1/2"
			}
			golden(t, "lesson_"+l.String(), h.waitText(want).text())
		})
	}
}

func TestLessonListGolden(t *testing.T) {
	t.Parallel()
	ls, err := lessons.LoadAll(lessons.Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []Lang{English, Korean} {
		e := testEnv(l, true)
		rec := func(id string) lessonRecord {
			switch id {
			case "L01-processes-daemons":
				return lessonRecord{completed: true}
			case "L02-standalone-xinetd":
				return lessonRecord{completed: true, assisted: true}
			case "L03-init-scripts":
				return lessonRecord{stepsDone: 2}
			}
			return lessonRecord{}
		}
		list := newLessonList(e, ls, rec, nil)
		list.sel = 2
		golden(t, "lesson_list_"+l.String(), render(t, 100, 22, list).text())
	}
}

func TestRenderMarkup(t *testing.T) {
	t.Parallel()
	st := paneStyles{}
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"one two three", 7, "one two\nthree"},
		{"a `b c`, **d**", 20, "a b c, d"},
		{"- item one two\n- b", 9, "- item\n  one two\n- b"},
		{"1. first second", 10, "1. first\n   second"},
		{"para\n\n    pre line long", 8, "para\n\n  pre li\nne long"},
		{"abcdefghij", 4, "abcd\nefgh\nij"},
		{"한국어 문장을 줄바꿈", 8, "한국어\n문장을\n줄바꿈"},
		{"bad `markup", 20, "bad `markup"},
	}
	for _, tt := range tests {
		var rows []string
		for _, l := range renderMarkup(tt.in, tt.w, st) {
			var b strings.Builder
			for _, s := range l {
				b.WriteString(s.text)
			}
			rows = append(rows, b.String())
		}
		if got := strings.Join(rows, "\n"); got != tt.want {
			t.Errorf("renderMarkup(%q, %d) = %q; want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestDurationText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d    time.Duration
		l    Lang
		want string
	}{
		{42 * time.Second, English, "42s"},
		{252 * time.Second, English, "4m 12s"},
		{252 * time.Second, Korean, "4분 12초"},
		{2*time.Hour + 5*time.Minute, Korean, "2시간 5분"},
	}
	for _, tt := range tests {
		if got := durationText(tt.l, tt.d); got != tt.want {
			t.Errorf("durationText(%v, %v) = %q; want %q", tt.l, tt.d, got, tt.want)
		}
	}
}

// FuzzRenderMarkup feeds lesson texts (a teacher's files are outside
// input) to the pane's renderer: it never panics, and no line is wider
// than the pane.
func FuzzRenderMarkup(f *testing.F) {
	for _, s := range []string{testLessonSrc, "- a\n  b\n    pre\n1. x **y** `z`", "`", "**bold", "한국어 `코드` 문장\n\n- 항목\n  이어짐"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = 1 + (w%60+60)%60
		for _, l := range renderMarkup(s, w, paneStyles{}) {
			n := 0
			for _, sg := range l {
				n += textWidth(sg.text)
			}
			// a wide character in a one-cell room may overflow by one cell
			// (it is not drawn)
			if n > w+1 {
				t.Fatalf("renderMarkup(%q, %d): a line is %d cells: %v", s, w, n, l)
			}
		}
	})
}
