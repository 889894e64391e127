package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// menuItem is one entry of the home menu.
type menuItem struct {
	label, desc msgID
	do          func()
}

// homeMenu is the home screen: the title, a line on what rclab is, and the
// menu (sandbox, lessons, exams, language, quit), centred.
type homeMenu struct {
	*tview.Box
	env   *env
	items []menuItem
	sel   int
	rows  []int // the screen row of each item at the last Draw
}

func newHomeMenu(e *env, items []menuItem) *homeMenu {
	return &homeMenu{Box: newBox(), env: e, items: items}
}

func (m *homeMenu) move(d int) {
	m.sel = (m.sel + d + len(m.items)) % len(m.items)
}

func (m *homeMenu) activate() {
	if it := m.items[m.sel]; it.do != nil {
		it.do()
	}
}

// Draw centres the menu; each item shows its label and, when there is
// room, what it does.
func (m *homeMenu) Draw(screen tcell.Screen) {
	m.Box.DrawForSubclass(screen, m)
	x, y, w, h := m.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	e, th := m.env, m.env.th
	labelW := 0
	for _, it := range m.items {
		labelW = max(labelW, textWidth(e.tr(it.label)))
	}
	descW := 0
	for _, it := range m.items {
		descW = max(descW, textWidth(e.tr(it.desc)))
	}
	bw := min(w-2, labelW+4+descW+2)
	showDesc := bw >= labelW+4+12
	if !showDesc {
		bw = min(w, labelW+6)
	}
	need := 4 + len(m.items)
	top := y + max(0, (h-need)/2)
	bx := x + max(0, (w-bw)/2)

	title := "rclab"
	printText(screen, x+max(0, (w-textWidth(title))/2), top, w, title, th.title)
	sub := truncate(e.tr(msgAppSubtitle), w-2)
	printText(screen, x+max(0, (w-textWidth(sub))/2), top+1, w, sub, th.dim)

	m.rows = m.rows[:0]
	for i, it := range m.items {
		ry := top + 3 + i
		m.rows = append(m.rows, ry)
		if ry >= y+h {
			continue
		}
		st, dst := th.text, th.dim
		marker := "  "
		if i == m.sel {
			st, dst = th.selected, th.selected
			marker = "> "
			fill(screen, bx, ry, bw, th.selected)
		}
		n := printText(screen, bx, ry, bw, marker, st)
		n += printText(screen, bx+n, ry, bw-n, padRight(e.tr(it.label), labelW+2), st.Bold(true))
		if showDesc {
			printText(screen, bx+n, ry, bw-n, truncate(e.tr(it.desc), bw-n), dst)
		}
	}
}

// MouseHandler selects and opens the item under a click.
func (m *homeMenu) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return m.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(tview.Primitive)) (bool, tview.Primitive) {
		mx, my := ev.Position()
		if !m.InRect(mx, my) {
			return false, nil
		}
		switch action {
		case tview.MouseLeftClick:
			setFocus(m)
			for i, ry := range m.rows {
				if ry == my {
					m.sel = i
					m.activate()
					break
				}
			}
			return true, nil
		case tview.MouseScrollUp:
			m.move(-1)
			return true, nil
		case tview.MouseScrollDown:
			m.move(1)
			return true, nil
		}
		return false, nil
	})
}
