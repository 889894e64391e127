package tui

import (
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/uniseg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// processStart approximates when the test process started (package
// variables are initialised before anything else runs).
var processStart = time.Now()

// waitTimeout bounds every wait for the screen: generous, because -race
// and a loaded machine slow the boot down.
const waitTimeout = 15 * time.Second

// harness runs a UI on a simulation screen.
type harness struct {
	t    testing.TB
	u    *UI
	scr  tcell.SimulationScreen
	done chan error
}

// screenshot is a copy of the screen's cells, read on the UI goroutine.
type screenshot struct {
	cells []tcell.SimCell
	w, h  int
}

// start runs a UI of w×h cells until the test ends.
func start(t testing.TB, w, h int, opts ...Option) *harness {
	t.Helper()
	scr := tcell.NewSimulationScreen("UTF-8")
	u := New(append(opts, WithScreen(scr))...)
	scr.SetSize(w, h)
	hs := &harness{t: t, u: u, scr: scr, done: make(chan error, 1)}
	go func() { hs.done <- u.Run() }()
	t.Cleanup(func() {
		u.app.Stop()
		select {
		case err := <-hs.done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(waitTimeout):
			t.Errorf("Run did not return after Stop")
		}
	})
	return hs
}

// key injects one key.
func (h *harness) key(k tcell.Key, mod ...tcell.ModMask) {
	m := tcell.ModNone
	for _, x := range mod {
		m |= x
	}
	h.scr.InjectKey(k, 0, m)
}

// typeText injects s rune by rune (never InjectKeyBytes: it hangs on
// control bytes in tcell v2.13.10).
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.scr.InjectKey(tcell.KeyRune, r, tcell.ModNone)
	}
}

// line types s and Enter.
func (h *harness) line(s string) {
	h.typeText(s)
	h.key(tcell.KeyEnter)
}

// shot copies the screen on the UI goroutine, so it does not race with
// a draw.
func (h *harness) shot() screenshot {
	var s screenshot
	h.u.app.QueueUpdate(func() {
		cells, w, hh := h.scr.GetContents()
		s = screenshot{cells: append([]tcell.SimCell(nil), cells...), w: w, h: hh}
	})
	return s
}

// text is the screen as lines of text, trailing spaces cut.
func (s screenshot) text() string { return cellsText(s.cells, s.w, s.h) }

// cellsText renders cells as text: a wide character's second cell is
// skipped, since the character covers it.
func cellsText(cells []tcell.SimCell, w, h int) string {
	var b strings.Builder
	for y := 0; y < h; y++ {
		var line strings.Builder
		for x := 0; x < w; x++ {
			c := cells[y*w+x]
			g := string(c.Runes)
			if g == "" || g == "\x00" {
				g = " "
			}
			line.WriteString(g)
			if uniseg.StringWidth(g) == 2 {
				x++
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	return b.String()
}

// at is the cell at x, y.
func (s screenshot) at(x, y int) tcell.SimCell { return s.cells[y*s.w+x] }

// find locates text on the screen: the cell of its first character.
func (s screenshot) find(text string) (x, y int, ok bool) {
	for y := 0; y < s.h; y++ {
	next:
		for x := 0; x < s.w; x++ {
			cx := x
			for _, r := range text {
				if cx >= s.w {
					continue next
				}
				c := s.at(cx, y)
				if len(c.Runes) == 0 || c.Runes[0] != r {
					continue next
				}
				cx += uniseg.StringWidth(string(r))
			}
			return x, y, true
		}
	}
	return 0, 0, false
}

// waitFor polls the screen until cond holds.
func (h *harness) waitFor(desc string, cond func(screenshot) bool) screenshot {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		s := h.shot()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s; the screen shows:\n%s", desc, s.text())
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
}

// waitText waits until the screen shows text.
func (h *harness) waitText(text string) screenshot {
	h.t.Helper()
	return h.waitFor("«"+text+"»", func(s screenshot) bool { return strings.Contains(s.text(), text) })
}

// waitGone waits until the screen no longer shows text.
func (h *harness) waitGone(text string) screenshot {
	h.t.Helper()
	return h.waitFor("«"+text+"» to go", func(s screenshot) bool { return !strings.Contains(s.text(), text) })
}

// prompt is the root shell's prompt on the sandbox's machine.
const prompt = "[root@lab1 ~]#"

// sandbox opens the sandbox from the home screen and waits for the
// prompt; it is idle when this returns.
func (h *harness) sandbox() {
	h.t.Helper()
	h.key(tcell.KeyEnter) // the first item: Sandbox
	h.waitIdle()
}

// waitIdle waits until the console shows the prompt and no command runs.
func (h *harness) waitIdle() {
	h.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		idle := false
		h.u.app.QueueUpdate(func() {
			sb := h.u.sb
			idle = sb != nil && !sb.busy && sb.state == stateShell && len(sb.queue) == 0
		})
		if idle {
			break
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("the sandbox did not become idle; the screen shows:\n%s", h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.waitText(prompt)
}

// ran is how many command lines the sandbox's machine has finished.
func (h *harness) ran() int {
	n := 0
	h.u.app.QueueUpdate(func() {
		if h.u.sb != nil {
			n = h.u.sb.ran
		}
	})
	return n
}

// run types a command line and waits until it has run and the shell is
// back.
func (h *harness) run(line string) screenshot {
	h.t.Helper()
	h.runOnly(line)
	h.waitIdle()
	return h.shot()
}

// runOnly types a command line and waits until it has run.
func (h *harness) runOnly(line string) {
	h.t.Helper()
	before := h.ran()
	h.line(line)
	deadline := time.Now().Add(waitTimeout)
	for h.ran() == before {
		if time.Now().After(deadline) {
			h.t.Fatalf("%q did not finish; the screen shows:\n%s", line, h.shot().text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
