package tui

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
)

// benchSandbox is a 200×60 UI on a booted sandbox with all its panels
// shown and some output in the console.
func benchSandbox(b *testing.B) *harness {
	h := start(b, 200, 60)
	h.sandbox()
	h.run("service httpd start")
	h.run("chkconfig --list")
	s := h.shot()
	for _, want := range []string{"PID USER", "SERVICE", "Events"} {
		if !strings.Contains(s.text(), want) {
			b.Fatalf("panel %q not shown:\n%s", want, s.text())
		}
	}
	return h
}

// BenchmarkKeystrokeRedraw measures a keystroke end to end: the key
// travels through the screen and tview's event loop to the console, and
// the whole 200×60 screen (console, three panels, bars) is drawn and
// shown. Target: 16 ms (one frame at 60 Hz).
func BenchmarkKeystrokeRedraw(b *testing.B) {
	h := benchSandbox(b)
	drawn := make(chan struct{}, 1)
	h.u.app.SetAfterDrawFunc(func(tcell.Screen) {
		select {
		case drawn <- struct{}{}:
		default:
		}
	})
	// a draw after setting the hook, then nothing pending
	h.typeText("x")
	<-drawn
	h.key(tcell.KeyBackspace)
	<-drawn
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			h.scr.InjectKey(tcell.KeyRune, 'a', tcell.ModNone)
		} else {
			h.scr.InjectKey(tcell.KeyBackspace, 0, tcell.ModNone)
		}
		<-drawn
	}
}

// BenchmarkDraw measures drawing the 200×60 sandbox alone, on the UI
// goroutine.
func BenchmarkDraw(b *testing.B) {
	h := benchSandbox(b)
	b.ResetTimer()
	h.u.app.QueueUpdate(func() {
		for i := 0; i < b.N; i++ {
			h.u.app.ForceDraw()
		}
	})
}
