package tui

import (
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// topView is top (procps 3.2.7) running live: the machine's frame for the
// screen's size, redrawn every delay (-d, 3 s by default) and on Space or
// Enter, its column header in reverse video. q (or Ctrl-C) quits.
type topView struct {
	*tview.Box
	env  *env
	req  *sim.Screen
	m    *sim.Machine
	done func()

	text  string
	w, h  int
	stop  chan struct{}
	ended bool
	exit  int // 130 when Ctrl-C stopped it (SIGINT: procps's end_pgm exits 0x80|2)
}

// exitStatus is the exit status top ends with: 0 after q, 130 after
// Ctrl-C.
func (v *topView) exitStatus() int { return v.exit }

func newTopView(e *env, req *sim.Screen, m *sim.Machine, post func(func()), done func()) *topView {
	v := &topView{Box: newBox(), env: e, req: req, m: m, done: done, stop: make(chan struct{})}
	delay := req.Delay
	if delay <= 0 {
		delay = 3 * time.Second
	}
	go func() {
		t := time.NewTicker(delay)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				post(v.refresh)
			case <-v.stop:
				return
			}
		}
	}()
	return v
}

// refresh renders a new frame.
func (v *topView) refresh() {
	if !v.ended && v.w > 0 && v.h > 0 {
		v.text = v.m.TopFrame(v.req, v.w, v.h)
	}
}

// Draw paints the last frame (a new one when the size changed).
func (v *topView) Draw(screen tcell.Screen) {
	x, y, w, h := v.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	if w != v.w || h != v.h || v.text == "" {
		v.w, v.h = w, h
		v.refresh()
	}
	st := tcell.StyleDefault
	for j := 0; j < h; j++ {
		fill(screen, x, y+j, w, st)
	}
	for j, line := range strings.Split(v.text, "\n") {
		if j >= h {
			break
		}
		ls := st
		if j == 6 {
			ls = st.Reverse(true)
		}
		printText(screen, x, y+j, w, line, ls)
	}
}

// quit ends top.
func (v *topView) quit() {
	if v.ended {
		return
	}
	v.ended = true
	close(v.stop)
	if v.done != nil {
		v.done()
	}
}

// InputHandler is top's keys that rclab knows.
func (v *topView) InputHandler() func(*tcell.EventKey, func(tview.Primitive)) {
	return v.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		switch {
		case ev.Key() == tcell.KeyCtrlC:
			if !v.ended {
				v.exit = 130
			}
			v.quit()
		case ev.Key() == tcell.KeyRune && (ev.Rune() == 'q' || ev.Rune() == 'Q'):
			v.quit()
		case ev.Key() == tcell.KeyEnter, ev.Key() == tcell.KeyRune && ev.Rune() == ' ':
			v.refresh()
		}
	})
}
