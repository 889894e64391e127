package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

func init() {
	// The other tests power on straight into the boot, as GRUB does with
	// timeout=0; the tests below show the menu with withGrubTick.
	defaultGrubTick = 0
}

// grub opens the sandbox and waits for GRUB's menu.
func (h *harness) grub() screenshot {
	h.t.Helper()
	h.key(tcell.KeyEnter) // Sandbox
	return h.waitText("GNU GRUB  version 0.97")
}

func (h *harness) runlevel(want string) {
	h.t.Helper()
	s := h.run("runlevel")
	if !strings.Contains(s.text(), "runlevel\n"+want+"\n") {
		h.t.Errorf("runlevel is not %q:\n%s", want, s.text())
	}
}

func TestGrubMenu(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30, withGrubTick(time.Hour))
	s := h.grub()
	for _, want := range []string{
		"    GNU GRUB  version 0.97  (639K lower / 523200K upper memory)",
		" CentOS (2.6.18-398.el5)",
		"      Use the ^ and v keys to select which entry is highlighted.",
		"      before booting, or 'c' for a command-line.",
		"   The highlighted entry will be booted automatically in 5 seconds.",
		"Enter Boot", "a Args", "e Edit",
	} {
		if !strings.Contains(s.text(), want) {
			t.Errorf("GRUB's menu lacks %q:\n%s", want, s.text())
		}
	}
	// the entry is highlighted
	x, y, ok := s.find("CentOS (2.6.18-398.el5)")
	if !ok {
		t.Fatalf("no entry:\n%s", s.text())
	}
	if _, _, attr := s.at(x, y).Style.Decompose(); attr&tcell.AttrReverse == 0 {
		t.Errorf("the entry is not highlighted")
	}
	h.key(tcell.KeyEnter)
	h.waitIdle()
	h.runlevel("N 5")
}

func TestGrubAppendRunlevel3(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30, withGrubTick(time.Hour))
	h.grub()
	h.typeText("a")
	h.waitText("grub append> ro root=/dev/VolGroup00/LogVol00 rhgb quiet")
	h.typeText(" 3")
	h.waitText("rhgb quiet 3")
	h.key(tcell.KeyEnter)
	h.waitIdle()
	h.runlevel("N 3")
}

func TestGrubAppendSingle(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30, withGrubTick(time.Hour))
	h.grub()
	h.typeText("a")
	h.waitText("grub append>")
	h.typeText(" single")
	h.key(tcell.KeyEnter)
	h.waitText("sh-3.2#")
}

func TestGrubCountdown(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30, withGrubTick(time.Millisecond))
	h.key(tcell.KeyEnter) // Sandbox: GRUB counts down by itself
	h.waitIdle()
	h.runlevel("N 5")
}

func TestGrubAppendEscape(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30, withGrubTick(time.Hour))
	h.grub()
	h.typeText("a")
	h.waitText("grub append>")
	h.typeText(" single")
	h.key(tcell.KeyEscape)
	s := h.waitText("GNU GRUB  version 0.97")
	if strings.Contains(s.text(), "grub append>") || strings.Contains(s.text(), "booted automatically") {
		t.Errorf("Esc did not go back to a stopped menu:\n%s", s.text())
	}
	// 'e' edits the kernel command; 'b' boots it
	h.typeText("e")
	h.waitText(" root (hd0,0)")
	h.waitText("initrd /initrd-2.6.18-398.el5.img")
	h.key(tcell.KeyDown)
	h.typeText("e")
	h.waitText("grub edit> kernel /vmlinuz-2.6.18-398.el5 ro root=/dev/VolGroup00/LogVol00 rhgb quiet")
	h.typeText(" 3")
	h.key(tcell.KeyEnter)
	h.waitText("rhgb qu>") // back in the entry list, the long line cut
	var kernel string
	h.u.app.QueueUpdate(func() { kernel = h.u.grub.kernel })
	if want := "kernel /vmlinuz-2.6.18-398.el5 ro root=/dev/VolGroup00/LogVol00 rhgb quiet 3"; kernel != want {
		t.Errorf("kernel command %q; want %q", kernel, want)
	}
	h.typeText("b")
	h.waitIdle()
	h.runlevel("N 3")
}

func TestGrubAfterHalt(t *testing.T) {
	t.Parallel()
	h := start(t, 100, 30, withGrubTick(time.Hour))
	h.grub()
	h.key(tcell.KeyEnter)
	h.waitIdle()
	h.runOnly("halt")
	h.waitText("Press Enter to power on a fresh machine")
	h.key(tcell.KeyEnter)
	h.waitText("GNU GRUB  version 0.97")
	h.typeText("a")
	h.typeText(" 3")
	h.key(tcell.KeyEnter)
	h.waitIdle()
	h.runlevel("N 3")
}
