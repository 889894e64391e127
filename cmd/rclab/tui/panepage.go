package tui

import "github.com/gdamore/tcell/v2"

// The pieces of the panes that show a fixed header over a scrolling body
// (the lesson's and the exam's task panes).

// stylesOf are the pane styles of theme th: bold, code and good text
// stand out by colour, or, in monochrome, by attribute.
func stylesOf(th *theme) paneStyles {
	s := paneStyles{text: th.text, bold: th.text.Bold(true), head: th.header, dim: th.dim, warn: th.warn}
	if th.mono {
		s.code = th.text.Underline(true)
		s.good = th.text.Bold(true)
	} else {
		s.code = th.text.Foreground(tcell.ColorYellow)
		s.good = th.text.Foreground(tcell.ColorLime).Bold(true)
	}
	return s
}

// titleLines is a pane's title wrapped to w cells in bold: two rows at
// the most.
func titleLines(title string, w int, st paneStyles) []richLine {
	var out []richLine
	for _, l := range wrapText(title, w) {
		out = append(out, richLine{{l, st.bold}})
	}
	if len(out) > 2 {
		out = out[:2]
	}
	return out
}

// drawHeader draws the rows of header that fit in the inside (x, y, w,
// h) of a frame, from its top, and returns the row below them.
func drawHeader(screen tcell.Screen, header []richLine, x, y, w, h int) (row int) {
	row = y
	for _, l := range header {
		if row >= y+h {
			break
		}
		l.draw(screen, x+1, row, w-2)
		row++
	}
	return row
}

// drawScrolled draws the rows of lines that the offset shows in the h
// rows from row y of a frame's inside (x, w), with ↑ and ↓ on the right
// edge where more lies above or below. It clamps the offset first and
// takes h as the page for paging keys.
func (p *panel) drawScrolled(screen tcell.Screen, lines []richLine, x, y, w, h int, dim tcell.Style) {
	p.page = h
	p.clampOffset(len(lines), h)
	for i := 0; i < h && p.offset+i < len(lines); i++ {
		lines[p.offset+i].draw(screen, x+1, y+i, w-2)
	}
	if p.offset+h < len(lines) {
		screen.Put(x+w-1, y+h-1, "↓", dim)
	}
	if p.offset > 0 {
		screen.Put(x+w-1, y, "↑", dim)
	}
}
