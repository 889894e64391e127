package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// helpView is the F1 window: the key table, scope by scope, in the UI's
// language, drawn over the screen it was opened from.
type helpView struct {
	*tview.Box
	env     *env
	scopes  []scope // the scopes shown (all when empty)
	offset  int
	page    int
	onClose func()
	win     [4]int // the window's rectangle at the last Draw
}

func newHelpView(e *env, onClose func()) *helpView {
	return &helpView{Box: newBox(), env: e, onClose: onClose}
}

// helpRow is one line of the help window.
type helpRow struct {
	keys, text string
	heading    bool
}

// rows renders the key table and the notes on mouse and consoles.
func (h *helpView) rows(width int) []helpRow {
	var out []helpRow
	for i, sec := range helpSections(h.env.lang, h.scopes...) {
		if i > 0 {
			out = append(out, helpRow{})
		}
		out = append(out, helpRow{text: sec.title, heading: true})
		for _, l := range sec.lines {
			out = append(out, helpRow{keys: l.keys, text: l.label})
		}
	}
	out = append(out, helpRow{})
	for _, id := range []msgID{msgHelpMouse, msgHelpConsoles} {
		for _, l := range wrapText(h.env.tr(id), width) {
			out = append(out, helpRow{text: l})
		}
	}
	return out
}

// Draw centres the window in the screen's rectangle.
func (h *helpView) Draw(screen tcell.Screen) {
	sx, sy, sw, sh := h.GetRect()
	th := h.env.th
	bw := min(sw-2, 80)
	if bw < 20 || sh < 6 {
		return
	}
	keyW := 22
	rows := h.rows(bw - 4)
	bh := min(sh-2, len(rows)+3)
	bx, by := sx+(sw-bw)/2, sy+(sh-bh)/2
	h.win = [4]int{bx, by, bw, bh}
	for j := by; j < by+bh; j++ {
		fill(screen, bx, j, bw, th.text)
	}
	x, y, w, ih := drawFrame(screen, th, bx, by, bw, bh, h.env.tr(msgHelpTitle), true)
	body := ih - 1
	h.page = body
	h.offset = max(0, min(h.offset, len(rows)-body))
	for i := 0; i < body && h.offset+i < len(rows); i++ {
		r := rows[h.offset+i]
		switch {
		case r.heading:
			printText(screen, x+1, y+i, w-2, truncate(r.text, w-2), th.header)
		case r.keys != "":
			kw := min(keyW, w/2)
			printText(screen, x+2, y+i, kw, truncate(r.keys, kw-1), th.title)
			printText(screen, x+2+kw, y+i, w-3-kw, truncate(r.text, w-3-kw), th.text)
		default:
			printText(screen, x+1, y+i, w-2, r.text, th.dim)
		}
	}
	printText(screen, x+1, y+ih-1, w-2, truncate(h.env.tr(msgHelpClose), w-2), th.dim)
}

// InputHandler closes the window and scrolls it.
func (h *helpView) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return h.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		act, _ := lookup(scopeDialog, ev)
		switch act {
		case actClose:
			h.onClose()
		case actUp:
			h.offset = max(0, h.offset-1)
		case actDown:
			h.offset++
		case actPageUp:
			h.offset = max(0, h.offset-max(1, h.page-1))
		case actPageDown:
			h.offset += max(1, h.page-1)
		}
	})
}

// MouseHandler scrolls with the wheel; a click outside the window closes
// it. It takes every mouse event, so the screen below stays still.
func (h *helpView) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return h.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, _ func(tview.Primitive)) (bool, tview.Primitive) {
		mx, my := ev.Position()
		in := mx >= h.win[0] && mx < h.win[0]+h.win[2] && my >= h.win[1] && my < h.win[1]+h.win[3]
		switch action {
		case tview.MouseScrollUp:
			h.offset = max(0, h.offset-3)
		case tview.MouseScrollDown:
			h.offset += 3
		case tview.MouseLeftClick:
			if !in {
				h.onClose()
			}
		}
		return true, nil
	})
}
