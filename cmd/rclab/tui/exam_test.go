package tui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// testScenarioYAML is a small exam for the UI's tests: its texts do not
// change when the built-in scenarios do.
const testScenarioYAML = `id: E90-test-web
title: {en: "Web server for the test", ko: "시험용 웹 서버"}
time_limit: 20m
task:
  en: |
    Start ` + "`httpd`" + ` **now** and make it start at boot in runlevels 3 and 5.

    - use ` + "`service`" + `
    - use ` + "`chkconfig`" + `
  ko: |
    ` + "`httpd`" + `를 **지금** 시작하고, 런레벨 3과 5에서 부팅 시 시작되게 하세요.

    - ` + "`service`" + ` 사용
    - ` + "`chkconfig`" + ` 사용
checks:
  - id: running
    points: 4
    text: {en: "httpd runs", ko: "httpd가 실행 중"}
    check: {process: {name: httpd, role: daemon}}
  - id: enabled
    points: 6
    text: {en: "httpd is on in runlevels 3 and 5", ko: "httpd가 런레벨 3과 5에서 on"}
    check: {rc_state: {service: httpd, on: "35"}}
solution:
  - service httpd start
  - chkconfig --level 35 httpd on
`

// testScenario is the test exam's variant for seed 1.
func testScenario(t testing.TB) *scenarios.Variant {
	t.Helper()
	sc, err := scenarios.Parse("E90-test-web.yaml", []byte(testScenarioYAML))
	if err != nil {
		t.Fatal(err)
	}
	v, err := sc.Variant(1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// testSession is a fresh session of the test exam, with the exam's
// machine options.
func testSession(t testing.TB, v *scenarios.Variant) *scenarios.Session {
	t.Helper()
	var c examConfig
	s, err := scenarios.NewSession(v, c.machineOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fakeClock is a host clock that moves only when told.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// examOpts are the options of a test UI with exams on fake time.
func examOpts(c *fakeClock, more ...Option) []Option {
	return append([]Option{withExamClock(c.now), withExamTick(5 * time.Millisecond), withExamSeed(func() uint64 { return 1 })}, more...)
}

// fileRecorder records an exam to a transcript file, as rclab exam
// --record does.
type fileRecorder struct {
	f *os.File
	w *record.Writer
}

func newFileRecorder(t testing.TB, path string, s *scenarios.Session, key []byte) *fileRecorder {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Variant()
	w, err := record.NewWriter(f, record.Header{Scenario: v.Scenario.ID, ContentHash: v.Scenario.Hash, Seed: v.Seed,
		Version: "test", Student: "Kim", Start: s.Began()}, key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return &fileRecorder{f: f, w: w}
}

func (r *fileRecorder) Append(a sim.Action, res sim.Result, clock time.Time) error {
	_, err := r.w.Append(a, clock, res.Status, res.Output)
	return err
}

func (r *fileRecorder) Close(f record.Footer) error { return r.w.Close(f) }

// readTranscript reads a transcript file.
func readTranscript(t testing.TB, path string, key []byte) *record.Transcript {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := record.Read(bytes.NewReader(data), key)
	if err != nil {
		t.Fatalf("record.Read(%s) = %v", path, err)
	}
	return tr
}

// exam is the exam shown, read on the UI goroutine.
func (h *harness) exam(f func(es *examScreen)) {
	h.u.app.QueueUpdate(func() {
		if es := h.u.ex.cur; es != nil {
			f(es)
		}
	})
}

// examIdle waits until the exam runs and its console waits for a line.
func (h *harness) examIdle() {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		idle := false
		h.exam(func(es *examScreen) {
			s := es.sb
			idle = es.phase == examRunning && !s.busy && s.state == stateShell && len(s.queue) == 0
		})
		if idle {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("the exam did not become idle; the screen shows:\n%s", h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// examRan is how many lines the exam's console has run.
func (h *harness) examRan() int {
	n := 0
	h.exam(func(es *examScreen) { n = es.sb.ran })
	return n
}

// examLine types a line in the exam and waits until it has run.
func (h *harness) examLine(line string) {
	h.t.Helper()
	before := h.examRan()
	h.line(line)
	deadline := time.Now().Add(waitTimeout)
	for h.examRan() == before {
		if time.Now().After(deadline) {
			h.t.Fatalf("%q did not finish; the screen shows:\n%s", line, h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.examIdle()
}

// clockShown is the exam's countdown as the screen should show it now.
func (h *harness) clockShown() string {
	var out string
	h.exam(func(es *examScreen) { out = es.clockText() })
	return out
}

// examConsoleText is the exam console's whole output.
func (h *harness) examConsoleText() string {
	var out string
	h.exam(func(es *examScreen) { out = es.sb.consoles[0].Text() })
	return out
}

// submit submits the exam (F9, then y) and waits for the result.
func (h *harness) submit() screenshot {
	h.t.Helper()
	h.key(tcell.KeyF9)
	h.waitText("Submit now?")
	h.typeText("y")
	return h.waitText("Score:")
}

func TestExamFromHome(t *testing.T) {
	t.Parallel()
	all, err := scenarios.LoadAll(scenarios.Content())
	if len(all) == 0 {
		t.Fatalf("no built-in scenarios: %v", err)
	}
	e01 := scenarios.Find(all, "E01")
	if e01 == nil {
		t.Fatal("no scenario E01")
	}
	v, err := e01.Variant(1)
	if err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	h := start(t, 100, 30, examOpts(clock)...)
	h.waitText("> Sandbox")
	h.key(tcell.KeyDown)
	h.key(tcell.KeyDown)
	h.waitText("> Exams")
	h.key(tcell.KeyEnter)
	s := h.waitText("Points")
	if !strings.Contains(s.text(), "E01") {
		t.Errorf("the exam list lacks E01:\n%s", s.text())
	}
	h.key(tcell.KeyEnter) // E01 is first
	h.waitText("Your name:")
	h.typeText("Kim")
	h.waitText("Kim")
	h.key(tcell.KeyEnter)
	h.examIdle()
	s = h.waitText(prompt)
	for _, want := range []string{"Task", " left", "Kim", e01.ID} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("the exam screen lacks %q:\n%s", want, s.text())
		}
	}
	h.key(tcell.KeyF1)
	h.waitText("Submit the exam (asks first)")
	h.key(tcell.KeyEscape)
	h.waitGone("Submit the exam (asks first)")
	for _, a := range v.Scenario.Solution {
		switch {
		case a.Line != "":
			h.examLine(a.Line)
		case a.Wait > 0:
			clock.add(a.Wait)
		default:
			t.Fatalf("E01's solution has %v, which the test cannot type", a)
		}
	}
	s = h.submit()
	full := "Score: " + pointsText(v.Scenario.Points(), v.Scenario.Points()) + " points"
	if !strings.Contains(s.text(), full) {
		t.Errorf("the result screen lacks %q:\n%s", full, s.text())
	}
	if !strings.Contains(s.text(), "This exam was not recorded.") {
		t.Errorf("the result screen does not say the exam was not recorded:\n%s", s.text())
	}
	h.key(tcell.KeyEnter)
	h.waitText("> Exams")
}

// takeExam runs the test exam recorded to path: it types lines (after
// the waits), checks the console and submits.
func takeExam(t *testing.T, path string, key []byte, steps []examStep) (*harness, *scenarios.Variant, string) {
	t.Helper()
	v := testScenario(t)
	sess := testSession(t, v)
	rec := newFileRecorder(t, path, sess, key)
	clock := newFakeClock()
	h := start(t, 100, 30, examOpts(clock, WithExam(Exam{Session: sess, Student: "Kim", Recorder: rec, RecordFile: path}))...)
	h.examIdle()
	for _, st := range steps {
		clock.add(st.wait)
		h.examLine(st.line)
	}
	return h, v, h.examConsoleText()
}

// examStep is a line typed after some host time.
type examStep struct {
	wait time.Duration
	line string
}

func TestExamRecording(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "kim.jsonl")
	key := []byte("teacher's key")
	steps := []examStep{
		{0, "runlevel"},
		{90*time.Second + 400*time.Millisecond, "service httpd start"},
		{2500 * time.Millisecond, "chkconfig --level 35 httpd on"},
		{0, "chkconfig --list httpd"},
	}
	h, v, live := takeExam(t, path, key, steps)
	s := h.submit()
	if want := "Score: 10 / 10 points"; !strings.Contains(s.text(), want) {
		t.Errorf("the result screen lacks %q:\n%s", want, s.text())
	}
	if !strings.Contains(s.text(), "The session is recorded in "+path) {
		t.Errorf("the result screen does not name the recording:\n%s", s.text())
	}

	tr := readTranscript(t, path, key)
	if !tr.Verified || tr.Footer == nil || tr.Footer.Reason != record.ReasonSubmitted {
		t.Fatalf("transcript: verified %v, footer %+v; want verified, submitted", tr.Verified, tr.Footer)
	}
	var got []string
	var actions []sim.Action
	for _, e := range tr.Entries {
		actions = append(actions, e.Action)
		if e.Action.Kind == sim.Wait {
			got = append(got, "wait "+e.Action.For.String())
		} else {
			got = append(got, e.Action.Line)
		}
	}
	want := []string{"runlevel", "wait 1m30s", "service httpd start", "wait 2s", "chkconfig --level 35 httpd on", "chkconfig --list httpd"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("recorded actions = %q; want %q", got, want)
	}
	sess, _, err := scenarios.Replay(v, actions, (&examConfig{}).machineOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	if sc := sess.Score(); sc.Total != tr.Footer.Earned || sc.Total != 10 {
		t.Errorf("replayed score = %d; footer %d; want 10", sc.Total, tr.Footer.Earned)
	}

	// the replay's console is the live console, byte for byte
	d, err := loadReplay(Replay{Variant: v, Transcript: tr}, English, (&examConfig{}).machineOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.mismatch) > 0 || d.stoppedAt != nil {
		t.Errorf("replay: outputs differ at %v, stopped at %v", d.mismatch, d.stoppedAt)
	}
	term := newTerminal(testEnv(English, false))
	for _, f := range d.frames {
		playOps(term, f.ops)
	}
	if got := term.Text(); got != live {
		t.Errorf("replayed console differs from the live one:\n--- live\n%s\n--- replay\n%s", live, got)
	}
}

func TestExamTimeout(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "late.jsonl")
	v := testScenario(t)
	sess := testSession(t, v)
	rec := newFileRecorder(t, path, sess, nil)
	clock := newFakeClock()
	h := start(t, 100, 30, examOpts(clock, WithExam(Exam{Session: sess, Recorder: rec}))...)
	h.examIdle()
	h.waitText("20:00 left")
	h.examLine("service httpd start")
	clock.add(19*time.Minute + 30*time.Second)
	h.waitText(h.clockShown())
	if strings.Contains(h.shot().text(), "Score:") {
		t.Fatalf("the exam ended with time left:\n%s", h.shot().text())
	}
	clock.add(time.Minute)
	s := h.waitText("Score:")
	for _, want := range []string{"Score: 4 / 10 points", "(no name) · the time was up", "✓ httpd runs", "✗ httpd is on in runlevels 3 and 5"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("the result screen lacks %q:\n%s", want, s.text())
		}
	}
	tr := readTranscript(t, path, nil)
	if tr.Footer == nil || tr.Footer.Reason != record.ReasonTimeout || tr.Footer.Earned != 4 {
		t.Errorf("footer = %+v; want reason timeout, 4 points", tr.Footer)
	}
}

func TestExamResume(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "crash.jsonl")
	key := []byte("k")
	v := testScenario(t)

	// a session recorded until a crash cut its last line
	sess := testSession(t, v)
	rec := newFileRecorder(t, path, sess, key)
	before := []sim.Action{{Kind: sim.Type, Line: "runlevel"}, {Kind: sim.Type, Line: "service httpd start"}}
	for _, a := range before {
		res, err := sess.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := rec.Append(a, res, sess.Machine().Now()); err != nil {
			t.Fatal(err)
		}
	}
	rec.f.WriteString(`{"type":"action","seq":3,"act`)
	rec.f.Close()

	tr := readTranscript(t, path, key)
	if !tr.Truncated || len(tr.Entries) != 2 {
		t.Fatalf("cut transcript: truncated %v, %d entries; want true, 2", tr.Truncated, len(tr.Entries))
	}
	if err := os.Truncate(path, tr.ValidLen); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := record.Continue(f, tr, key)
	if err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	h := start(t, 100, 30, examOpts(clock, WithExam(Exam{Session: testSession(t, v), Resume: tr, Student: "Kim",
		Recorder: &fileRecorder{f: f, w: w}}))...)
	h.examIdle()
	text := h.examConsoleText()
	for _, want := range []string{prompt + " runlevel\nN 5\n", prompt + " service httpd start\nStarting httpd:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the resumed console lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "differs") {
		t.Errorf("the resumed console reports differing outputs:\n%s", text)
	}
	h.examLine("chkconfig --level 35 httpd on")
	if s := h.submit(); !strings.Contains(s.text(), "Score: 10 / 10 points") {
		t.Errorf("the resumed exam's result:\n%s", s.text())
	}
	tr = readTranscript(t, path, key)
	if !tr.Verified || len(tr.Entries) != 3 || tr.Entries[2].Seq != 3 || tr.Footer == nil || tr.Footer.Earned != 10 {
		t.Errorf("continued transcript: verified %v, %d entries, footer %+v; want verified, 3, 10 points", tr.Verified, len(tr.Entries), tr.Footer)
	}
}

func TestExamGolden(t *testing.T) {
	t.Parallel()
	for _, l := range []Lang{English, Korean} {
		t.Run(l.String(), func(t *testing.T) {
			t.Parallel()
			v := testScenario(t)
			clock := newFakeClock()
			h := start(t, 100, 30, examOpts(clock, WithLang(l), WithExam(Exam{Session: testSession(t, v), Student: "Kim"}))...)
			h.examIdle()
			h.examLine("chkconfig --list httpd")
			clock.add(75 * time.Second)
			s := h.waitText(h.clockShown())
			golden(t, "exam_"+l.String(), s.text())
			h.key(tcell.KeyF9)
			q := map[Lang]string{English: "Submit now?", Korean: "지금 제출할까요?"}[l]
			s = h.waitText(q)
			golden(t, "exam_submit_"+l.String(), s.text())
			h.key(tcell.KeyEscape)
			h.waitGone(q)
		})
	}
}

// examWait waits until cond holds of the exam, on the UI goroutine.
func (h *harness) examWait(desc string, cond func(es *examScreen) bool) {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		ok := false
		h.exam(func(es *examScreen) { ok = cond(es) })
		if ok {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s; the screen shows:\n%s", desc, h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestExamLogoutAndPowerOn(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "down.jsonl")
	v := testScenario(t)
	sess := testSession(t, v)
	rec := newFileRecorder(t, path, sess, nil)
	clock := newFakeClock()
	h := start(t, 100, 30, examOpts(clock, withGrubTick(0), WithExam(Exam{Session: sess, Recorder: rec}))...)
	h.examIdle()
	h.line("exit")
	h.examWait("the login prompt", func(es *examScreen) bool { return es.sb.state == stateLogin && !es.sb.busy })
	h.line("root")
	h.examIdle()
	clock.add(3 * time.Second)
	h.line("halt")
	h.examWait("the machine to stop", func(es *examScreen) bool { return es.sb.state == stateDown && !es.sb.busy })
	h.line("") // GRUB's menu, which boots at once here
	h.examWait("the machine to boot", func(es *examScreen) bool {
		return es.sb.state == stateShell && !es.sb.busy && es.sb.ran == 3
	})
	h.examLine("runlevel")
	live := h.examConsoleText()
	h.submit()

	tr := readTranscript(t, path, nil)
	var kinds []string
	for _, e := range tr.Entries {
		kinds = append(kinds, string(e.Action.Kind)+":"+e.Action.Line)
	}
	if got, want := strings.Join(kinds, " "), "type:exit wait: type:halt poweron: type:runlevel"; got != want {
		t.Errorf("recorded actions = %s; want %s", got, want)
	}
	d, err := loadReplay(Replay{Variant: v, Transcript: tr}, English, (&examConfig{}).machineOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.mismatch) > 0 || d.stoppedAt != nil {
		t.Errorf("replay: outputs differ at %v, stopped at %v", d.mismatch, d.stoppedAt)
	}
	term := newTerminal(testEnv(English, false))
	for _, f := range d.frames {
		playOps(term, f.ops)
	}
	if got := term.Text(); got != live {
		t.Errorf("replayed console differs from the live one:\n--- live\n%s\n--- replay\n%s", live, got)
	}
}

// failingRecorder fails from its n-th Append on, as a full disk would.
type failingRecorder struct {
	mu     sync.Mutex
	n      int
	closed bool
}

func (r *failingRecorder) Append(sim.Action, sim.Result, time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n--
	if r.n <= 0 {
		return errors.New("no space left on device")
	}
	return nil
}

func (r *failingRecorder) Close(record.Footer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	return nil
}

func TestExamRecordFails(t *testing.T) {
	t.Parallel()
	rec := &failingRecorder{n: 2}
	h := start(t, 100, 30, examOpts(newFakeClock(), WithExam(Exam{Session: testSession(t, testScenario(t)), Recorder: rec}))...)
	h.examIdle()
	h.examLine("runlevel")
	h.line("service httpd start")
	s := h.waitText("The transcript could not be finished")
	if !strings.Contains(s.text(), "no space") {
		t.Errorf("the result screen does not give the reason:\n%s", s.text())
	}
	var text string
	h.u.app.QueueUpdate(func() { text = h.u.ex.cur.sb.consoles[0].Text() })
	if strings.Contains(text, "Starting httpd") {
		t.Errorf("the output of an action not recorded was shown:\n%s", text)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.closed {
		t.Errorf("a broken transcript was closed with a footer")
	}
}
