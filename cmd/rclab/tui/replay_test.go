package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"rclab/scenarios/record"
	"rclab/sim"
)

// replayActions are a session of the test exam: the running check
// changes at action 3, the enabled check at action 5.
var replayActions = []sim.Action{
	{Kind: sim.Type, Line: "runlevel"},
	{Kind: sim.Wait, For: 30 * time.Second},
	{Kind: sim.Type, Line: "service httpd start"},
	{Kind: sim.Type, Line: "chkconfig --list httpd"},
	{Kind: sim.Type, Line: "chkconfig --level 35 httpd on"},
	{Kind: sim.Type, Line: "runlevel"},
}

// recordSession records actions on a session of the test exam, as the
// exam does, and reads the transcript back.
func recordSession(t *testing.T, actions []sim.Action, key []byte) *record.Transcript {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kim.jsonl")
	sess := testSession(t, testScenario(t))
	rec := newFileRecorder(t, path, sess, key)
	for _, a := range actions {
		res, err := sess.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := rec.Append(a, res, sess.Machine().Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Close(examFooter(sess.Score(), record.ReasonSubmitted, sess.Machine().Now())); err != nil {
		t.Fatal(err)
	}
	return readTranscript(t, path, key)
}

func TestLoadReplay(t *testing.T) {
	t.Parallel()
	tr := recordSession(t, replayActions, nil)
	tr.Entries[3].Output = record.OutputHash("not what was shown")
	d, err := loadReplay(Replay{Variant: testScenario(t), Transcript: tr}, English, (&examConfig{}).machineOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.frames) != len(replayActions)+1 {
		t.Fatalf("%d frames; want %d", len(d.frames), len(replayActions)+1)
	}
	if got, want := d.changes, []int{3, 5}; !equalInts(got, want) {
		t.Errorf("changes = %v; want %v", got, want)
	}
	if got, want := d.mismatch, []int{4}; !equalInts(got, want) {
		t.Errorf("mismatch = %v; want %v", got, want)
	}
	if f := d.frames[3]; !equalInts(f.changed, []int{0}) || f.earned != 4 || !f.pass[0] || f.pass[1] {
		t.Errorf("frame 3: changed %v, earned %d, pass %v; want [0], 4, [true false]", f.changed, f.earned, f.pass)
	}
	if f := d.frames[6]; f.earned != 10 || !f.clock.Equal(tr.Entries[5].Clock) {
		t.Errorf("frame 6: earned %d, clock %v; want 10, %v", f.earned, f.clock, tr.Entries[5].Clock)
	}
	// the wait shows the line typed after it; the line's frame its output
	term := newTerminal(testEnv(English, false))
	for _, f := range d.frames[:3] {
		playOps(term, f.ops)
	}
	if text := term.Text(); !strings.HasSuffix(text, prompt+" service httpd start\n") {
		t.Errorf("after the wait the console ends with %q; want the echoed line", text[max(0, len(text)-80):])
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// replayConsole is the replay console's whole output.
func (h *harness) replayConsole() string {
	var out string
	h.u.app.QueueUpdate(func() { out = h.u.ex.replay.term.Text() })
	return out
}

// replayAt waits until the replay's side pane names step.
func (h *harness) replayAt(step string) screenshot {
	h.t.Helper()
	return h.waitText(step)
}

func TestReplayTimeline(t *testing.T) {
	t.Parallel()
	tr := recordSession(t, replayActions, []byte("k"))
	h := start(t, 100, 30, WithReplay(Replay{Variant: testScenario(t), Transcript: tr, File: "kim.jsonl"}))
	s := h.replayAt("The start of the exam")
	for _, want := range []string{"Signature verified", "Ended: submitted", "Checks now: 0 / 10 points", "✗ httpd runs (4)"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("the replay lacks %q:\n%s", want, s.text())
		}
	}
	h.key(tcell.KeyRight)
	h.replayAt("Action 1: $ runlevel")
	if text := h.replayConsole(); !strings.HasSuffix(text, prompt+" runlevel\nN 5\n") {
		t.Errorf("step 1 does not show runlevel's output:\n%s", text)
	}
	h.typeText("n")
	s = h.replayAt("Action 3:")
	for _, want := range []string{"Starting httpd:", "✓ httpd runs (4) ◆", "Checks now: 4 / 10 points"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("the first change lacks %q:\n%s", want, s.text())
		}
	}
	h.typeText("n")
	h.replayAt("Action 5:")
	h.typeText("p")
	h.replayAt("Action 3:")
	h.key(tcell.KeyLeft)
	h.replayAt("Action 2: waited 0:30")
	if text := h.replayConsole(); strings.Contains(text, "Starting httpd:") || !strings.HasSuffix(text, prompt+" service httpd start\n") {
		t.Errorf("stepping back to the wait shows:\n%s", text)
	}
	h.key(tcell.KeyEnd)
	h.replayAt("Action 6: $ runlevel")
	h.key(tcell.KeyHome)
	h.replayAt("The start of the exam")
	h.typeText("+")
	h.waitText("2×")
	h.typeText("-")
	h.typeText("-")
	h.waitText("0.5×")
	h.typeText(" ")
	h.waitText("▶ 0.5×")
	h.typeText(" ")
	h.waitText("❚❚ 0.5×")
}

func TestReplayGolden(t *testing.T) {
	t.Parallel()
	tr := recordSession(t, replayActions, nil)
	for _, l := range []Lang{English, Korean} {
		t.Run(l.String(), func(t *testing.T) {
			t.Parallel()
			h := start(t, 100, 30, WithLang(l), WithReplay(Replay{Variant: testScenario(t), Transcript: tr, File: "kim.jsonl"}))
			h.waitText("❚❚ 1×") // the timeline, drawn once loaded
			h.typeText("n")
			s := h.waitFor("the first change", func(s screenshot) bool { return strings.Contains(s.text(), "3/6") })
			golden(t, "replay_"+l.String(), s.text())
		})
	}
}

func TestTimeline(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC)
	clocks := []time.Time{t0, t0.Add(time.Second), t0.Add(61 * time.Second), t0.Add(62 * time.Second), t0.Add(5 * time.Minute)}
	tl := newTimeline(clocks, []int{2, 4})
	tests := []struct {
		pos        int
		next, prev int
	}{
		{0, 2, -1},
		{2, 4, -1},
		{3, 4, 2},
		{4, -1, 2},
	}
	for _, tc := range tests {
		tl.seek(tc.pos)
		if n, p := tl.nextChange(), tl.prevChange(); n != tc.next || p != tc.prev {
			t.Errorf("at %d: nextChange, prevChange = %d, %d; want %d, %d", tc.pos, n, p, tc.next, tc.prev)
		}
	}
	if tl.seek(10); tl.pos != 4 {
		t.Errorf("seek(10) = %d; want 4", tl.pos)
	}
	if tl.seek(-3); tl.pos != 0 {
		t.Errorf("seek(-3) = %d; want 0", tl.pos)
	}
	tl.playing = true
	if tl.seek(4); tl.playing {
		t.Errorf("playing after reaching the end")
	}
	gaps := []struct {
		gap   time.Duration
		speed float64
		want  time.Duration
	}{
		{time.Second, 1, time.Second},
		{10 * time.Millisecond, 1, minGap},
		{time.Minute, 1, 2 * time.Second},
		{time.Minute, 8, 250 * time.Millisecond},
		{time.Second, 0.5, 2 * time.Second},
	}
	for _, g := range gaps {
		if got := scaleGap(g.gap, g.speed); got != g.want {
			t.Errorf("scaleGap(%v, %v) = %v; want %v", g.gap, g.speed, got, g.want)
		}
	}
	for i, want := range []string{"0.5×", "1×", "2×", "4×", "8×"} {
		if got := speedText(i); got != want {
			t.Errorf("speedText(%d) = %q; want %q", i, got, want)
		}
	}
	for d, want := range map[time.Duration]string{0: "0:00", 75 * time.Second: "1:15", -5 * time.Second: "-0:05", 3725 * time.Second: "1:02:05"} {
		if got := clockText(d); got != want {
			t.Errorf("clockText(%v) = %q; want %q", d, got, want)
		}
	}
}
