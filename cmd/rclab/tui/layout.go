package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// The sandbox's panels, in the order they are laid out.
const (
	panelPs = iota
	panelMatrix
	panelEvents
	numPanels
)

// sandboxLayout places the console and the open panels in the space it
// has, again at every Draw (so every resize re-lays it out):
//
//   - 120 columns or more: the panels stacked in a column on the right;
//   - 30 rows or more: the panels side by side below the console;
//   - smaller (80×24): the most recently opened panel only, below the
//     console, which keeps at least 12 rows;
//   - tiny: the console alone.
//
// Panels that are open but do not fit are "collapsed"; pressing their key
// brings them forward instead of closing them.
type sandboxLayout struct {
	*tview.Box
	term    tview.Primitive
	panels  [numPanels]tview.Primitive
	open    [numPanels]bool
	order   []int // open panels, the most recently opened last
	visible [numPanels]bool
}

func newSandboxLayout(term tview.Primitive, panels [numPanels]tview.Primitive) *sandboxLayout {
	l := &sandboxLayout{Box: newBox(), term: term, panels: panels}
	for i := range panels {
		l.open[i] = true
	}
	// at 80×24 the process list is the one shown
	l.order = []int{panelEvents, panelMatrix, panelPs}
	return l
}

// toggle opens or closes a panel; a collapsed one is brought forward.
func (l *sandboxLayout) toggle(i int) {
	if l.open[i] && !l.visible[i] {
		l.raise(i)
		return
	}
	l.open[i] = !l.open[i]
	if l.open[i] {
		l.raise(i)
	} else {
		l.drop(i)
	}
}

func (l *sandboxLayout) raise(i int) {
	l.drop(i)
	l.order = append(l.order, i)
}

func (l *sandboxLayout) drop(i int) {
	for k, j := range l.order {
		if j == i {
			l.order = append(l.order[:k:k], l.order[k+1:]...)
			return
		}
	}
}

// collapsed reports whether an open panel did not fit at the last Draw.
func (l *sandboxLayout) collapsed() bool {
	for i := range l.open {
		if l.open[i] && !l.visible[i] {
			return true
		}
	}
	return false
}

// chooseRecent picks the n most recently opened panels, in layout order.
func (l *sandboxLayout) chooseRecent(n int) []int {
	var pick [numPanels]bool
	for k := len(l.order) - 1; k >= 0 && n > 0; k-- {
		pick[l.order[k]] = true
		n--
	}
	var out []int
	for i := range pick {
		if pick[i] {
			out = append(out, i)
		}
	}
	return out
}

// Draw lays out and draws the console and the panels that fit.
func (l *sandboxLayout) Draw(screen tcell.Screen) {
	// no background of its own: the application clears the screen
	x, y, w, h := l.GetRect()
	l.visible = [numPanels]bool{}
	n := len(l.order)
	var shown []int
	switch {
	case n == 0:
	case w >= 120 && h >= 12:
		side := min(max(w*2/5, 44), 80)
		shown = l.chooseRecent(min(n, h/6))
		if len(shown) == 0 {
			break
		}
		l.term.SetRect(x, y, w-side, h)
		weights := [numPanels]int{panelPs: 3, panelMatrix: 3, panelEvents: 2}
		total := 0
		for _, i := range shown {
			total += weights[i]
		}
		py := y
		for k, i := range shown {
			ph := h * weights[i] / total
			if k == len(shown)-1 {
				ph = y + h - py
			}
			l.panels[i].SetRect(x+w-side, py, side, ph)
			py += ph
		}
	case h >= 30:
		ph := min(max(h*2/5, 10), h-16)
		shown = l.chooseRecent(min(n, max(1, w/36)))
		l.term.SetRect(x, y, w, h-ph)
		px := x
		for k, i := range shown {
			pw := w / len(shown)
			if k == len(shown)-1 {
				pw = x + w - px
			}
			l.panels[i].SetRect(px, y+h-ph, pw, ph)
			px += pw
		}
	case h >= 17:
		ph := min(9, h-12)
		shown = l.chooseRecent(min(n, max(1, w/50)))
		l.term.SetRect(x, y, w, h-ph)
		px := x
		for k, i := range shown {
			pw := w / len(shown)
			if k == len(shown)-1 {
				pw = x + w - px
			}
			l.panels[i].SetRect(px, y+h-ph, pw, ph)
			px += pw
		}
	}
	if len(shown) == 0 {
		l.term.SetRect(x, y, w, h)
	}
	l.term.Draw(screen)
	for _, i := range shown {
		l.visible[i] = true
		l.panels[i].Draw(screen)
	}
}

// panes lists what can have focus now: the console, then the panels shown.
func (l *sandboxLayout) panes() []tview.Primitive {
	out := []tview.Primitive{l.term}
	for i, p := range l.panels {
		if l.visible[i] {
			out = append(out, p)
		}
	}
	return out
}

// focused is the pane that has focus, or nil.
func (l *sandboxLayout) focused() tview.Primitive {
	if l.term.HasFocus() {
		return l.term
	}
	for _, p := range l.panels {
		if p.HasFocus() {
			return p
		}
	}
	return nil
}

// Focus gives the focus to the console.
func (l *sandboxLayout) Focus(delegate func(p tview.Primitive)) { delegate(l.term) }

// HasFocus reports whether a pane has focus.
func (l *sandboxLayout) HasFocus() bool { return l.focused() != nil }

// InputHandler passes keys to the focused pane.
func (l *sandboxLayout) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return l.WrapInputHandler(func(ev *tcell.EventKey, setFocus func(p tview.Primitive)) {
		if p := l.focused(); p != nil {
			if h := p.InputHandler(); h != nil {
				h(ev, setFocus)
			}
		}
	})
}

// PasteHandler passes pasted text to the focused pane.
func (l *sandboxLayout) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return l.WrapPasteHandler(func(text string, setFocus func(p tview.Primitive)) {
		if p := l.focused(); p != nil {
			if h := p.PasteHandler(); h != nil {
				h(text, setFocus)
			}
		}
	})
}

// MouseHandler passes mouse events to the pane under the pointer.
func (l *sandboxLayout) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return l.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
		if !l.InRect(ev.Position()) {
			return false, nil
		}
		for _, p := range l.panes() {
			if consumed, capture := p.MouseHandler()(action, ev, setFocus); consumed {
				return true, capture
			}
		}
		return false, nil
	})
}
