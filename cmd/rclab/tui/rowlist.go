package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// rowList is the selection of a list drawn one item a row (the lessons
// and exams screens) and its mouse: a click selects the item under it,
// a click on the selected item opens it, the wheel moves the selection.
type rowList struct {
	sel  int   // the selected item
	top  int   // the first item shown
	rows []int // the screen row of each item shown at the last Draw
}

// mouse is the mouse handler of list self, drawn in box: move moves the
// selection, open opens the selected item.
func (r *rowList) mouse(box *tview.Box, self tview.Primitive, move func(int), open func()) func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
	return box.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(tview.Primitive)) (bool, tview.Primitive) {
		mx, my := ev.Position()
		if !box.InRect(mx, my) {
			return false, nil
		}
		switch action {
		case tview.MouseLeftClick:
			setFocus(self)
			for k, ry := range r.rows {
				if ry == my {
					if r.sel == r.top+k {
						open()
					} else {
						r.sel = r.top + k
					}
					break
				}
			}
			return true, nil
		case tview.MouseScrollUp:
			move(-1)
			return true, nil
		case tview.MouseScrollDown:
			move(1)
			return true, nil
		}
		return false, nil
	})
}
