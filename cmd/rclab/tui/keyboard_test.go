package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"rclab/sim"
)

// TestAnswerAProgram checks that a line typed while a program reads the
// keyboard is its input: rm -i takes y, no prompt shows meanwhile, and the
// answer stays out of the command history.
func TestAnswerAProgram(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.line("touch /tmp/a; rm -i /tmp/a")
	s := h.waitText("rm: remove regular empty file `/tmp/a'?")
	if strings.Count(s.text(), prompt) != 1 {
		t.Errorf("a prompt shows while rm waits for its answer:\n%s", s.text())
	}
	h.line("y")
	h.waitText("rm: remove regular empty file `/tmp/a'? y")
	h.waitIdle()
	h.line("ls /tmp/a")
	h.waitText("ls: /tmp/a: No such file or directory")
	h.waitIdle()
	h.key(tcell.KeyUp)
	h.key(tcell.KeyUp)
	h.waitText(prompt + " touch /tmp/a; rm -i /tmp/a")
}

// TestCtrlCAndCtrlDReachTheProgram checks Ctrl-D ending cat's input and
// Ctrl-C stopping it (status 130), and that a password prompt hides what
// is typed.
func TestCtrlCAndCtrlDReachTheProgram(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.line("cat; echo st=$?")
	h.waitReading()
	h.line("hello")
	h.waitText("hello\nhello")
	h.waitReading() // a key pressed while the line still runs is not queued
	h.key(tcell.KeyCtrlD)
	h.waitText("st=0")
	h.waitIdle()
	h.line("cat; echo st=$?")
	h.waitReading()
	h.key(tcell.KeyCtrlC)
	// as in bash, Ctrl-C ends the whole line, not only cat
	h.waitText("cat; echo st=$?\n^C\n" + prompt)
	h.waitIdle()
	h.line("echo $?")
	h.waitText("echo $?\n130")
	h.waitIdle()
	h.line("read -s -p 'Secret: ' pw; echo; echo ${#pw}")
	h.waitReading()
	h.typeText("hunter2")
	h.key(tcell.KeyEnter)
	s := h.waitText("Secret:\n7")
	if strings.Contains(s.text(), "hunter2") {
		t.Errorf("the secret shows:\n%s", s.text())
	}
}

// waitReading waits until tty1's line waits for the keyboard.
func (h *harness) waitReading() {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		reading := false
		h.u.app.QueueUpdate(func() { reading = h.u.sb != nil && h.u.sb.reading && !h.u.sb.busy })
		if reading {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("no program came to read the keyboard; the screen shows:\n%s", h.shot().text())
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
}

// TestNestedShellHistory checks that lines typed in a su - shell are kept
// in the console's history (↑ brings them back), while an answer to a
// program is not.
func TestNestedShellHistory(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.line("su - alice")
	h.waitReading()
	h.line("echo inside")
	h.waitText("inside\n[alice@lab1 ~]$")
	h.waitReading()
	h.line("read x")
	h.waitReading()
	h.line("an answer")
	h.waitReading()
	h.key(tcell.KeyUp)
	h.waitText("[alice@lab1 ~]$ read x")
	h.key(tcell.KeyUp)
	h.waitText("[alice@lab1 ~]$ echo inside")
}

// TestNestedShellCompletes checks that Tab in a su - shell completes in
// that shell's directory (alice's home, not root's).
func TestNestedShellCompletes(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.line("touch /home/alice/notes.txt; chown alice /home/alice/notes.txt; su - alice")
	h.waitReading()
	h.typeText("cat note")
	h.key(tcell.KeyTab)
	h.waitText("[alice@lab1 ~]$ cat notes.txt")
}

// TestTypedAheadPasswordHidden checks that a line typed while the machine
// was busy, which turns out to answer a password prompt, never shows.
func TestTypedAheadPasswordHidden(t *testing.T) {
	t.Parallel()
	hold, started, release := holdProgram()
	h := start(t, 100, 30, WithMachineOptions(sim.WithProgram(hold)))
	h.sandbox()
	h.line("holdon; passwd")
	<-started
	h.line("Typed4head") // queued: the line still runs
	deadline := time.Now().Add(waitTimeout)
	for queued := false; !queued; time.Sleep(5 * time.Millisecond) { // polling, not synchronisation
		h.u.app.QueueUpdate(func() { queued = len(h.u.sb.queue) == 1 })
		if time.Now().After(deadline) {
			t.Fatal("the typed line was never queued")
		}
	}
	close(release)
	s := h.waitText("Retype new UNIX password:")
	if strings.Contains(s.text(), "Typed4head") {
		t.Errorf("the typed-ahead password shows:\n%s", s.text())
	}
}
