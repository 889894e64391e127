package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// panel is what the sandbox's side panels share: a frame with a title,
// scrolling by keys and wheel, and Esc back to the console. It is not a
// widget by itself; psPanel, matrixPanel and eventPanel embed it.
type panel struct {
	*tview.Box
	env *env
	// offset is the first row shown (from the top; from the bottom when
	// fromBottom is set).
	offset     int
	fromBottom bool
	// page is the number of body rows at the last Draw.
	page int
	// onEscape gives the focus back to the console.
	onEscape func()
}

func newPanel(e *env) panel { return panel{Box: newBox(), env: e} }

// frame draws the border and title and returns the body's rectangle.
func (p *panel) frame(screen tcell.Screen, title string, self tview.Primitive) (x, y, w, h int) {
	bx, by, bw, bh := p.GetRect()
	x, y, w, h = drawFrame(screen, p.env.th, bx, by, bw, bh, title, self.HasFocus())
	p.page = h
	return
}

// clampOffset keeps offset within content rows of total with h shown.
func (p *panel) clampOffset(total, h int) {
	p.offset = max(0, min(p.offset, total-h))
}

// scroll moves the view for a panel action and reports whether it was
// one.
func (p *panel) scroll(act action) bool {
	step := 0
	switch act {
	case actUp:
		step = -1
	case actDown:
		step = 1
	case actPageUp:
		step = -max(1, p.page-1)
	case actPageDown:
		step = max(1, p.page-1)
	case actTop:
		step = -1 << 30
	case actBottom:
		step = 1 << 30
	default:
		return false
	}
	if p.fromBottom {
		step = -step
	}
	p.offset = max(0, p.offset+step)
	if p.offset > 1<<29 {
		p.offset = 1 << 29 // clamped at Draw
	}
	return true
}

// handle runs the panel-wide keys; other scopes first go to own.
func (p *panel) handle(ev *tcell.EventKey, own scope, do func(action) bool) {
	if act, _ := lookup(own, ev); act != actNone && do(act) {
		return
	}
	act, _ := lookup(scopePanel, ev)
	if act == actFocusConsole {
		if p.onEscape != nil {
			p.onEscape()
		}
		return
	}
	p.scroll(act)
}

// mouse focuses the panel on a click and scrolls with the wheel.
func (p *panel) mouse(self tview.Primitive) func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
	return p.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(tview.Primitive)) (bool, tview.Primitive) {
		if !p.InRect(ev.Position()) {
			return false, nil
		}
		switch action {
		case tview.MouseLeftDown, tview.MouseLeftClick:
			setFocus(self)
			return true, nil
		case tview.MouseScrollUp:
			p.scroll(actUp)
			p.scroll(actUp)
			p.scroll(actUp)
			return true, nil
		case tview.MouseScrollDown:
			p.scroll(actDown)
			p.scroll(actDown)
			p.scroll(actDown)
			return true, nil
		}
		return false, nil
	})
}
