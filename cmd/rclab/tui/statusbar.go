package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// statusBar is the top line: what screen this is on the left, the
// machine's state on the right. Its text comes from a function called at
// each Draw, so it follows the language and the machine.
type statusBar struct {
	*tview.Box
	env  *env
	text func() (left, right string)
}

func newStatusBar(e *env, text func() (string, string)) *statusBar {
	return &statusBar{Box: newBox(), env: e, text: text}
}

// Draw fills the line.
func (s *statusBar) Draw(screen tcell.Screen) {
	x, y, w, h := s.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	th := s.env.th
	fill(screen, x, y, w, th.bar)
	left, right := s.text()
	n := printText(screen, x+1, y, max(0, w-2), truncate(left, w-2), th.barKey)
	if rw := textWidth(right); right != "" && n+rw+3 <= w {
		printText(screen, x+w-1-rw, y, rw, right, th.bar)
	}
}
