package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// matrixPanel is the runlevel matrix: one row per SysV service with its
// chkconfig state in runlevels 0–6 (on/off, or S/K when narrow), the
// current runlevel's column highlighted and a * for a running service;
// then the xinetd services with their enabled state.
type matrixPanel struct {
	panel
	services []sim.Service
	cur      byte // the current runlevel as runlevel prints it
}

func newMatrixPanel(e *env) *matrixPanel { return &matrixPanel{panel: newPanel(e)} }

// set replaces the data (Machine.Services and Machine.Runlevel).
func (m *matrixPanel) set(services []sim.Service, cur byte) {
	m.services, m.cur = services, cur
}

// Draw lays the matrix out in the width it has.
func (m *matrixPanel) Draw(screen tcell.Screen) {
	e := m.env
	th := e.th
	title := e.tr(msgPanelRunlevels)
	if m.cur != 0 {
		title = e.tr(msgPanelRunlevels) + " · " + e.trf(msgStatusRunlevel, string(m.cur))
	}
	title += " · " + e.tr(msgMxLegend)
	x, y, w, h := m.frame(screen, title, m)
	if w <= 0 || h <= 0 {
		return
	}
	if len(m.services) == 0 {
		printText(screen, x, y, w, e.tr(msgMxEmpty), th.dim)
		return
	}
	nameW := 6
	for _, s := range m.services {
		nameW = max(nameW, textWidth(s.Name))
	}
	nameW = min(nameW, 14)
	// a row: the name, a space, the running marker, a space, the levels
	cellW := 4 // "on  ", "off "
	if nameW+3+7*cellW > w {
		cellW = 2 // "S ", "K "
		if nameW+3+7*cellW > w {
			nameW = max(4, w-3-7*cellW)
		}
	}
	cells := x + nameW + 3
	cur := -1
	if m.cur >= '0' && m.cur <= '6' {
		cur = int(m.cur - '0')
	}
	// header
	printText(screen, x, y, w, padRight(e.tr(msgMxService), nameW+3), th.header)
	for l := 0; l < 7; l++ {
		st := th.header
		if l == cur {
			st = th.current.Bold(true)
		}
		cx := cells + l*cellW
		if cx+cellW > x+w {
			break
		}
		printText(screen, cx, y, cellW, padRight(itoa(l), cellW), st)
	}
	// rows: SysV services, a heading, then xinetd services
	type row struct {
		s       *sim.Service
		heading bool
	}
	var rows []row
	for i := range m.services {
		if !m.services[i].Xinetd {
			rows = append(rows, row{s: &m.services[i]})
		}
	}
	first := true
	for i := range m.services {
		if m.services[i].Xinetd {
			if first {
				rows = append(rows, row{heading: true})
				first = false
			}
			rows = append(rows, row{s: &m.services[i]})
		}
	}
	body := h - 1
	m.clampOffset(len(rows), body)
	for i := 0; i < body && m.offset+i < len(rows); i++ {
		r := rows[m.offset+i]
		ry := y + 1 + i
		if r.heading {
			printText(screen, x, ry, w, truncate(e.tr(msgMxXinetd), w), th.header)
			continue
		}
		s := r.s
		printText(screen, x, ry, nameW, truncate(s.Name, nameW), th.text)
		if s.Running {
			printText(screen, x+nameW+1, ry, 1, "*", th.running)
		}
		if s.Xinetd {
			word, st := "off", th.off
			if s.Enabled {
				word, st = "on", th.on
			}
			printText(screen, cells, ry, max(0, x+w-cells), word, st)
			continue
		}
		for l := 0; l < 7; l++ {
			cx := cells + l*cellW
			if cx+cellW > x+w {
				break
			}
			word, st := "off", th.off
			if cellW == 2 {
				word = "K"
			}
			if s.On[l] {
				word, st = "on", th.on
				if cellW == 2 {
					word = "S"
				}
			}
			if l == cur {
				if th.mono {
					st = th.current.Bold(s.On[l])
				} else {
					fg, _, _ := st.Decompose()
					st = th.current.Foreground(fg)
					if s.On[l] {
						st = st.Bold(true)
					}
				}
			}
			printText(screen, cx, ry, cellW, padRight(word, cellW), st)
		}
	}
}

// InputHandler scrolls.
func (m *matrixPanel) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return m.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		m.handle(ev, scopePanel, func(action) bool { return false })
	})
}

// MouseHandler focuses on a click and scrolls with the wheel.
func (m *matrixPanel) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return m.mouse(m)
}
