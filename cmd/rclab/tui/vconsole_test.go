package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"rclab/sim"
)

// lineWith is the screen's first line holding text, trimmed.
func (s screenshot) lineWith(text string) string {
	for _, l := range strings.Split(s.text(), "\n") {
		if strings.Contains(l, text) {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// console switches to console n with Alt-Fn and waits for it.
func (h *harness) console(n int) {
	h.t.Helper()
	h.key(tcell.KeyF1+tcell.Key(n-1), tcell.ModAlt)
	h.waitFor("tty"+itoa(n), func(s screenshot) bool {
		return strings.Contains(strings.Split(s.text(), "\n")[0], "tty"+itoa(n))
	})
}

func TestVirtualConsoleLogin(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.console(2)
	h.waitText("Kernel 2.6.18-398.el5 on an i686")
	h.waitText("lab1 login:")
	h.line("root")
	h.waitText("Password:")
	h.typeText("rclab")
	if l := h.shot().lineWith("Password:"); l != "Password:" {
		t.Errorf("the password shows as it is typed: %q", l)
	}
	h.key(tcell.KeyEnter)
	s := h.waitText("Last login:")
	if strings.Contains(s.text(), "Password: rclab") {
		t.Errorf("the password was echoed:\n%s", s.text())
	}
	h.waitText("[root@lab1 ~]#")
	h.line("tty")
	h.waitText("/dev/tty2")

	// tty1 sees both logins.
	h.console(1)
	s = h.run("who")
	for _, want := range []string{"root     tty1", "root     tty2"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("who on tty1 lacks %q:\n%s", want, s.text())
		}
	}
	// A broadcast reaches every logged-in console at once.
	h.run("wall tea is ready")
	h.console(2)
	h.waitText("tea is ready")
	h.console(3)
	if s := h.shot(); strings.Contains(s.text(), "tea is ready") {
		t.Errorf("tty3, nobody logged in, shows the wall message:\n%s", s.text())
	}
	// Logging out brings a fresh getty.
	h.console(2)
	h.line("exit")
	h.waitFor("a fresh login prompt", func(s screenshot) bool {
		txt := s.text()
		i := strings.LastIndex(txt, "logout")
		return i >= 0 && strings.Contains(txt[i:], "CentOS release 5.11") && strings.Contains(txt[i:], "lab1 login:")
	})
	// A wrong password, and an ordinary user.
	h.line("alice")
	h.waitText("Password:")
	h.line("nope")
	h.waitText("Login incorrect")
	h.waitFor("login's own prompt", func(s screenshot) bool { return s.lineWith("login:") != "" })
	h.line("alice")
	h.waitText("\nlogin: alice\nPassword:")
	h.line("rclab")
	h.waitText("[alice@lab1 ~]$")
}

func TestVirtualConsoleScrollbackIsItsOwn(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30)
	h.sandbox()
	h.run("echo only-on-tty1")
	h.console(4)
	h.waitText("lab1 login:")
	if s := h.shot(); strings.Contains(s.text(), "only-on-tty1") {
		t.Errorf("tty4 shows tty1's output:\n%s", s.text())
	}
	h.console(1)
	h.waitText("only-on-tty1")
}

// TestStreamedOutput shows a command's output before the command ends,
// and once only.
func TestStreamedOutput(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	slow := sim.Program{Name: "slowpoke", Summary: "prints, waits, prints",
		Run: func(_ *sim.Machine, _ []string, stdout, _ io.Writer) int {
			io.WriteString(stdout, "first part\n")
			<-release
			io.WriteString(stdout, "second part\n")
			return 0
		}}
	h := start(t, 100, 30, WithMachineOptions(sim.WithProgram(slow)))
	h.sandbox()
	before := h.ran()
	h.line("slowpoke")
	h.waitText("first part")
	if h.ran() != before {
		t.Fatal("slowpoke ended before it was let go")
	}
	busy := false
	h.u.app.QueueUpdate(func() { busy = h.u.sb.busy })
	if !busy {
		t.Error("the sandbox is not busy while slowpoke runs")
	}
	close(release)
	h.waitIdle()
	s := h.waitText("second part")
	if n := strings.Count(s.text(), "first part"); n != 1 {
		t.Errorf("the streamed line shows %d times:\n%s", n, s.text())
	}
}

func TestStepper(t *testing.T) {
	t.Parallel()
	h := start(t, 110, 40, withGrubTick(time.Hour))
	h.grub()
	h.typeText("ss") // instant → realistic → stepper
	h.waitText("boot: stepper")
	h.key(tcell.KeyEnter)
	s := h.waitText("K10rsyncd")
	for _, want := range []string{"rc 5 · link 1 of", "skipped", "no lock /var/lock/subsys/rsyncd: not running, nothing to stop", "INIT: Entering runlevel: 5"} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("the stepper's first step lacks %q:\n%s", want, s.text())
		}
	}
	if strings.Contains(s.text(), "K15httpd") {
		t.Errorf("the stepper went past the first link without a key:\n%s", s.text())
	}
	h.typeText(" ")
	h.waitText("K15httpd")
	// On to the first link rc runs: why, then its output and exit status.
	for i := 0; i < 7; i++ {
		h.typeText(" ")
	}
	s = h.waitText("S00microcode_ctl")
	if l := s.lineWith("S00microcode_ctl"); !strings.Contains(l, "no lock /var/lock/subsys/microcode_ctl: not running, so rc starts it") {
		t.Errorf("S00microcode_ctl's step = %q; want why it runs", l)
	}
	h.typeText("  ")
	h.waitFor("S02lvm2-monitor's end", func(s screenshot) bool {
		return strings.Contains(s.lineWith("S02lvm2-monitor"), "ran, exit 0")
	})
	if strings.Contains(h.shot().text(), "lab1 login: root") {
		t.Errorf("the boot ended while the stepper held it")
	}
	h.typeText("c") // the rest at full speed
	h.waitIdle()
	s = h.waitText("rc 5 is done")
	if !strings.Contains(s.text(), "lab1 login: root") {
		t.Errorf("no login after the stepped boot:\n%s", s.text())
	}
	// The box goes with the next command.
	s = h.run("echo next")
	if strings.Contains(s.text(), "rc 5 is done") {
		t.Errorf("the stepper's box stays after the next command:\n%s", s.text())
	}
}

func TestPacerDelay(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC)
	p := &pacer{}
	tests := []struct {
		at          time.Duration
		text        string
		rc, booting bool
		want        time.Duration
	}{
		{0, "first\n", true, false, 0},                                    // nothing to wait for
		{700 * time.Millisecond, "x", true, false, 70 * time.Millisecond}, // an rc script's time, compressed
		{time.Hour, "y", true, false, maxWait},                            // long waits are cut
		{time.Hour, "a\nb\n", true, true, 2 * perLine},                    // a boot's lines take a moment each
		{2 * time.Hour, "ps aux\n", false, false, 0},                      // other commands are not held back
	}
	for _, tc := range tests {
		p.setBooting(tc.booting)
		if tc.rc {
			p.setRc()
		}
		if got := p.delay(t0.Add(tc.at), tc.text); got != tc.want {
			t.Errorf("delay(+%v, %q, rc %v, booting %v) = %v; want %v", tc.at, tc.text, tc.rc, tc.booting, got, tc.want)
		}
	}
}
