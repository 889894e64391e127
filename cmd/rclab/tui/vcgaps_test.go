package tui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// loginOn logs user in on console n (password rclab) and waits for the
// shell's prompt.
func (h *harness) loginOn(n int, user, prompt string) {
	h.t.Helper()
	h.key(tcell.KeyF1+tcell.Key(n-1), tcell.ModAlt)
	h.waitText("lab1 login:")
	h.line(user)
	h.waitText("Password:")
	h.line("rclab")
	h.waitText(prompt)
}

// TestTabCompletesInFocusedShell checks that Tab on tty2 completes in
// tty2's shell (its directory, its user's PATH), not tty1's.
func TestTabCompletesInFocusedShell(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.loginOn(2, "alice", "[alice@lab1 ~]$")
	h.line("cd /etc")
	h.waitText("[alice@lab1 etc]$")
	h.typeText("cat initt")
	h.key(tcell.KeyTab)
	h.waitText("[alice@lab1 etc]$ cat inittab")
	h.key(tcell.KeyCtrlC)
	// /usr/sbin is not on alice's PATH: ntsysv is no command of hers.
	h.waitText("[alice@lab1 etc]$ cat inittab ^C")
	h.typeText("ntsys")
	h.key(tcell.KeyTab)
	h.key(tcell.KeyTab)
	h.typeText("X")
	h.waitText("[alice@lab1 etc]$ ntsysX")
	h.key(tcell.KeyCtrlC)
	// tty1's shell is in /root, where there is no inittab.
	h.key(tcell.KeyF1, tcell.ModAlt)
	h.waitText(prompt)
	h.typeText("cat initt")
	h.key(tcell.KeyTab)
	h.typeText("X")
	h.waitText(prompt + " cat inittX")
}

// TestPasswordTypedAheadNotShown checks that a password typed before
// login asks for it (the machine busy with tty1) never shows.
func TestPasswordTypedAheadNotShown(t *testing.T) {
	t.Parallel()
	hold, started, release := holdProgram()
	h := start(t, 100, 30, WithMachineOptions(sim.WithProgram(hold)))
	h.sandbox()
	h.line("holdon")
	<-started
	h.key(tcell.KeyF2, tcell.ModAlt)
	h.waitText("lab1 login:")
	h.line("alice")
	h.typeText("rclab")
	// wait until the keys are in tty2's line while its login still waits
	// for the machine, and the screen is drawn with them
	deadline := time.Now().Add(waitTimeout)
	for {
		typed, busy := "", false
		h.u.app.QueueUpdate(func() { typed, busy = h.u.sb.consoles[1].Line(), h.u.sb.vcs[1].busy })
		if typed == "rclab" {
			if !busy {
				t.Fatal("tty2 is not busy: the password was not typed ahead")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tty2's line is %q; want the password typed", typed)
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.u.app.QueueUpdateDraw(func() {})
	s := h.waitText("lab1 login: alice")
	if strings.Contains(below(s), "rclab") {
		t.Errorf("the password typed ahead shows:\n%s", s.text())
	}
	h.key(tcell.KeyEnter)
	close(release)
	s = h.waitText("[alice@lab1 ~]$")
	if strings.Contains(below(s), "rclab") {
		t.Errorf("the password typed ahead was echoed:\n%s", s.text())
	}
}

// lineStarting is the screen's last line that starts with prefix,
// trimmed.
func lineStarting(s screenshot, prefix string) string {
	out := ""
	for _, l := range strings.Split(s.text(), "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, prefix) {
			out = l
		}
	}
	return out
}

// below is the screen without its status line (which names rclab).
func below(s screenshot) string {
	_, rest, _ := strings.Cut(s.text(), "\n")
	return rest
}

// TestProgramExitStatus checks $? after a full-screen program ends: the
// status the real program exits with.
func TestProgramExitStatus(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	tests := []struct {
		name, line, wait string
		keys             func()
		want             string
	}{
		{"ntsysv-cancel", "ntsysv", ntsysvQuestion, func() { h.key(tcell.KeyTab); h.key(tcell.KeyTab); h.key(tcell.KeyEnter) }, "1"},
		{"ntsysv-ok", "ntsysv", ntsysvQuestion, func() { h.key(tcell.KeyF12) }, "0"},
		{"vi-q", "vi /etc/inittab", "inittab", func() { h.typeText(":q"); h.key(tcell.KeyEnter) }, "0"},
		{"vi-cq", "vi /etc/inittab", "inittab", func() { h.typeText("x:cq"); h.key(tcell.KeyEnter) }, "1"},
		{"less-q", "less /etc/inittab", "inittab", func() { h.typeText("q") }, "0"},
		{"top-q", "top", "  PID USER", func() { h.typeText("q") }, "0"},
		{"top-ctrl-c", "top", "  PID USER", func() { h.key(tcell.KeyCtrlC) }, "130"},
		{"nano", "nano /tmp/n", "GNU nano", func() { h.key(tcell.KeyCtrlX) }, "0"},
	}
	for _, tc := range tests {
		h.run("false") // $? is 1 before each program
		h.runOnly(tc.line)
		h.waitFor(tc.name+" on the screen", func(s screenshot) bool { return h.programShown() && strings.Contains(s.text(), tc.wait) })
		tc.keys()
		h.waitIdle()
		s := h.run("echo " + tc.name + "=$?")
		if got := lineStarting(s, tc.name+"="); got != tc.name+"="+tc.want {
			t.Errorf("after %s, $? shows %q; want %s=%s", tc.line, got, tc.name, tc.want)
		}
	}
}

// TestExamRecordsNoPassword logs in on tty2 through the exam's driver:
// the transcript keeps what login made of each password and never the
// password, and its replay shows the same outputs.
func TestExamRecordsNoPassword(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "kim.jsonl")
	v := testScenario(t)
	sess := testSession(t, v)
	rec := newFileRecorder(t, path, sess, nil)
	d := newExamDriver(English, sess, rec, newFakeClock().now)
	d.begin()
	for _, line := range []string{"alice", "hunter2", "alice", "rclab", "id -un"} {
		if _, err := d.apply(nil, sim.Action{Kind: sim.Type, TTY: 2, Line: line}); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Close(record.Footer{Reason: record.ReasonSubmitted}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "hunter2") || strings.Contains(string(data), `"line":"rclab"`) {
		t.Errorf("the transcript holds a password:\n%s", data)
	}
	tr := readTranscript(t, path, nil)
	var actions []sim.Action
	var passwords []string
	for _, e := range tr.Entries {
		actions = append(actions, e.Action)
		if e.Action.Password != "" {
			passwords = append(passwords, e.Action.Password)
		}
	}
	if got := strings.Join(passwords, ","); got != "rejected,accepted" {
		t.Errorf("the transcript's passwords are %q; want rejected,accepted", got)
	}
	replayed, _, err := scenarios.Replay(v, actions, (&examConfig{}).machineOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	if got := replayed.Machine().PromptOn(2); got != "[alice@lab1 ~]$ " {
		t.Errorf("after the replay tty2 shows %q; want alice's prompt", got)
	}
	rd, err := loadReplay(Replay{Variant: v, Transcript: tr}, English, (&examConfig{}).machineOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.mismatch) > 0 || rd.stoppedAt != nil {
		t.Errorf("replay: outputs differ at %v, stopped at %v", rd.mismatch, rd.stoppedAt)
	}
	for _, f := range rd.frames {
		for _, op := range f.ops {
			if strings.Contains(op.s, "hunter2") {
				t.Errorf("the replay shows the password: %+v", op)
			}
		}
		if f.entry != nil && f.entry.Action.Password != "" {
			if got := actionText(testEnv(English, false), f.entry.Action); !strings.HasPrefix(got, "tty2: a password (") {
				t.Errorf("the replay describes a password as %q", got)
			}
		}
	}
}

// holdProgram is a program "holdon" that tells started when it runs and
// then holds the machine until release is closed, so a test can type
// while a line runs.
func holdProgram() (hold sim.Program, started, release chan struct{}) {
	started, release = make(chan struct{}), make(chan struct{})
	hold = sim.Program{Name: "holdon", Summary: "holds the machine until let go",
		Run: func(_ *sim.Machine, _ []string, _, _ io.Writer) int { close(started); <-release; return 0 }}
	return hold, started, release
}
