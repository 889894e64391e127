package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// noticeView is a screen with one message in a window, such as "no
// lessons yet"; Esc or Enter goes back.
type noticeView struct {
	*tview.Box
	env         *env
	title, body msgID
	onClose     func()
}

func newNoticeView(e *env, onClose func()) *noticeView {
	return &noticeView{Box: newBox(), env: e, onClose: onClose}
}

// show sets the message.
func (n *noticeView) show(title, body msgID) { n.title, n.body = title, body }

// Draw centres the window and wraps the message in it.
func (n *noticeView) Draw(screen tcell.Screen) {
	n.Box.DrawForSubclass(screen, n)
	x, y, w, h := n.GetInnerRect()
	th := n.env.th
	bw := min(w-2, 64)
	if bw < 12 || h < 5 {
		return
	}
	lines := wrapText(n.env.tr(n.body), bw-4)
	back := wrapText(n.env.tr(msgNoticeBack), bw-4)
	bh := min(h, len(lines)+len(back)+5)
	bx, by := x+(w-bw)/2, y+(h-bh)/2
	ix, iy, iw, ih := drawFrame(screen, th, bx, by, bw, bh, n.env.tr(n.title), true)
	row := iy + 1
	for _, l := range lines {
		if row >= iy+ih {
			break
		}
		printText(screen, ix+1, row, iw-2, l, th.text)
		row++
	}
	row++
	for _, l := range back {
		if row >= iy+ih {
			break
		}
		printText(screen, ix+1, row, iw-2, l, th.dim)
		row++
	}
}

// InputHandler goes back on Esc or Enter.
func (n *noticeView) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return n.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		if act, _ := lookup(scopeDialog, ev); act == actClose {
			n.onClose()
		}
	})
}

// MouseHandler goes back on a click.
func (n *noticeView) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return n.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, _ func(tview.Primitive)) (bool, tview.Primitive) {
		if action == tview.MouseLeftClick && n.InRect(ev.Position()) {
			n.onClose()
			return true, nil
		}
		return false, nil
	})
}
