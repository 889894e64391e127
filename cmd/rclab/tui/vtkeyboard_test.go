package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

// alicePrompt is alice's shell prompt on the sandbox's machine.
const alicePrompt = "[alice@lab1 ~]$"

// waitVTReading waits until console n's line waits for the keyboard and
// nothing runs there.
func (h *harness) waitVTReading(n int) {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		reading := false
		h.u.app.QueueUpdate(func() { reading = h.u.sb.vts[n-1].reading && !h.u.sb.vcs[n-1].busy })
		if reading {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("no program came to read tty%d's keyboard; the screen shows:\n%s", n, h.shot().text())
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
}

// waitVTPrompt waits until console n shows prompt p (without its
// trailing space) with nothing running or reading there.
func (h *harness) waitVTPrompt(n int, p string) {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		got, idle := "", false
		h.u.app.QueueUpdate(func() {
			sb := h.u.sb
			got, idle = sb.vts[n-1].prompt, !sb.vcs[n-1].busy && !sb.vts[n-1].reading
		})
		if idle && got == p+" " {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("tty%d shows prompt %q (idle %v); want %q; the screen shows:\n%s", n, got, idle, p+" ", h.shot().text())
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
}

// TestVTAnswersAProgram: on tty2, alice answers rm -i; no prompt shows
// while rm waits, and the answer stays out of her history.
func TestVTAnswersAProgram(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.loginOn(2, "alice", alicePrompt)
	h.line("touch a; rm -i a")
	s := h.waitText("rm: remove regular empty file `a'?")
	h.waitVTReading(2)
	if strings.Count(below(s), alicePrompt) != 1 {
		t.Errorf("a prompt shows while rm waits for its answer:\n%s", s.text())
	}
	h.typeText("tou")
	h.key(tcell.KeyTab) // an answer is no command to complete
	h.typeText("X")
	h.waitText("`a'? touX")
	for range "touX" {
		h.key(tcell.KeyBackspace2)
	}
	h.line("y")
	h.waitText("rm: remove regular empty file `a'? y\n" + alicePrompt)
	h.waitVTPrompt(2, alicePrompt)
	h.line("ls a")
	h.waitText("ls: a: No such file or directory")
	h.waitVTPrompt(2, alicePrompt)
	h.key(tcell.KeyUp)
	h.key(tcell.KeyUp)
	h.waitText(alicePrompt + " touch a; rm -i a")
}

// TestVTCtrlCAndCtrlD: Ctrl-D ends cat's input on tty2, Ctrl-C stops it
// and abandons an open construct, and passwd's answers never show.
func TestVTCtrlCAndCtrlD(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 40)
	h.sandbox()
	h.loginOn(2, "alice", alicePrompt)
	h.line("cat; echo st=$?")
	h.waitVTReading(2)
	h.line("hello")
	h.waitText("hello\nhello")
	h.waitVTReading(2) // a key pressed while the line still runs is not queued
	h.key(tcell.KeyCtrlD)
	h.waitText("st=0")
	h.waitVTPrompt(2, alicePrompt)
	h.line("cat; echo st=$?")
	h.waitVTReading(2)
	h.key(tcell.KeyCtrlC)
	h.waitText("cat; echo st=$?\n^C\n" + alicePrompt)
	h.waitVTPrompt(2, alicePrompt)
	h.line("echo $?")
	h.waitText("echo $?\n130")
	h.waitVTPrompt(2, alicePrompt)
	h.line("for i in 1 2")
	h.waitVTPrompt(2, ">")
	h.key(tcell.KeyCtrlC)
	h.waitText("> ^C\n" + alicePrompt)
	h.waitVTPrompt(2, alicePrompt)
	h.line("echo done")
	h.waitText("echo done\ndone")
	h.waitVTPrompt(2, alicePrompt)

	h.line("passwd")
	h.waitText("(current) UNIX password:")
	h.waitVTReading(2)
	for _, answer := range []string{"rclab", "S3cretOne", "S3cretOne"} {
		h.typeText(answer)
		h.key(tcell.KeyEnter)
	}
	s := h.waitText("passwd: all authentication tokens updated successfully.")
	h.waitVTPrompt(2, alicePrompt)
	want := "(current) UNIX password:\nNew UNIX password:\nRetype new UNIX password:\npasswd: all"
	if !strings.Contains(s.text(), want) {
		t.Errorf("passwd's conversation shows:\n%s\nwant it to contain %q", s.text(), want)
	}
	for _, secret := range []string{"rclab", "S3cretOne"} {
		if strings.Contains(below(s), secret) {
			t.Errorf("the password %q shows:\n%s", secret, s.text())
		}
	}
	h.key(tcell.KeyUp)
	h.waitText(alicePrompt + " passwd")
	h.key(tcell.KeyUp)
	h.typeText("X")
	h.waitText(alicePrompt + " echo doneX")
}

// TestVTCtrlCAtLogin: Ctrl-C at tty3's login prompt brings a fresh getty
// and its banner.
func TestVTCtrlCAtLogin(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.key(tcell.KeyF3, tcell.ModAlt)
	h.waitText("lab1 login:")
	h.typeText("bo")
	h.key(tcell.KeyCtrlC)
	h.waitText("lab1 login: bo^C\n\nCentOS release 5.11 (Final)")
	h.waitVTPrompt(3, "lab1 login:")
	h.loginOn(3, "bob", "[bob@lab1 ~]$")
}
