package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// keyBar is the bottom line: the key table's bar entries for the current
// screen, "F1 Help  F2 Processes …". A click on an entry presses its key.
type keyBar struct {
	*tview.Box
	env     *env
	scopes  []scope
	onPress func(binding)
	spans   []barSpan // where each entry was drawn
}

type barSpan struct {
	x0, x1 int
	b      binding
}

func newKeyBar(e *env, onPress func(binding), scopes ...scope) *keyBar {
	return &keyBar{Box: newBox(), env: e, scopes: scopes, onPress: onPress}
}

// Draw writes the entries that fit.
func (k *keyBar) Draw(screen tcell.Screen) {
	x, y, w, h := k.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	th := k.env.th
	fill(screen, x, y, w, th.bar)
	k.spans = k.spans[:0]
	cx := x
	for _, b := range barBindings(k.scopes...) {
		name, label := keyName(b), b.barText(k.env.lang)
		need := textWidth(name) + 1 + textWidth(label) + 1
		if cx+need > x+w {
			break
		}
		x0 := cx
		cx += printText(screen, cx, y, w, name, th.barKey)
		cx++
		cx += printText(screen, cx, y, x+w-cx, label, th.bar)
		cx++
		k.spans = append(k.spans, barSpan{x0, cx, b})
	}
}

// MouseHandler presses the entry under a click.
func (k *keyBar) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return k.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, _ func(tview.Primitive)) (bool, tview.Primitive) {
		mx, my := ev.Position()
		if !k.InRect(mx, my) {
			return false, nil
		}
		if action == tview.MouseLeftClick {
			for _, s := range k.spans {
				if mx >= s.x0 && mx < s.x1 && k.onPress != nil {
					k.onPress(s.b)
					break
				}
			}
		}
		return true, nil
	})
}
