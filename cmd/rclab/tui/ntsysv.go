package tui

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// ntsysvView is ntsysv's screen as newt 0.52 draws it on CentOS 5: a blue
// root with the program's title and a help line, a grey window titled
// "Services" with a shadow, the question, an 8-row checklist with a
// scroll bar, and the Ok and Cancel (or Back) buttons. Its geometry is
// newt's: the list is 20 columns wide and 8 rows high up to 80×25 and
// grows beyond, the question is reflowed as newtTextboxReflowed does,
// the window is centred as newtCenteredWindow centres it.
type ntsysvView struct {
	*tview.Box
	env  *env
	req  *sim.Screen
	onOK func(on []string)
	done func()

	checked []bool
	cur     int // the list's current entry
	offset  int // the first entry shown
	focus   int // 0 the list, 1 Ok, 2 Cancel (Back)
	popup   bool
	listH   int // rows of the list at the last Draw
}

// The question ntsysv asks, and its help line.
const (
	ntsysvQuestion = "What services should be automatically started?"
	ntsysvHelp     = "Press <F1> for more information on a service."
)

func newNtsysv(e *env, req *sim.Screen, onOK func(on []string), done func()) *ntsysvView {
	v := &ntsysvView{Box: newBox(), env: e, req: req, onOK: onOK, done: done, listH: 8}
	for _, en := range req.Entries {
		v.checked = append(v.checked, en.On)
	}
	return v
}

// newtStyles are the colour sets of newt's default palette that ntsysv
// uses ("lightgray" is the console's white, "white" its bright white,
// "brown" its dark yellow).
type newtStyles struct {
	root, rootText, help, border, window, shadow, title tcell.Style
	button, actButton, checkbox, actCheckbox, textbox   tcell.Style
}

func newtPalette(mono bool) newtStyles {
	d := tcell.StyleDefault
	if mono {
		// newt's NEWT_MONO: plain text, reverse video for what is active.
		return newtStyles{root: d, rootText: d, help: d, border: d, window: d, shadow: d, title: d,
			button: d, actButton: d.Reverse(true), checkbox: d, actCheckbox: d.Reverse(true), textbox: d}
	}
	c := func(fg, bg tcell.Color) tcell.Style { return d.Foreground(fg).Background(bg) }
	return newtStyles{
		root:        c(tcell.ColorWhite, tcell.ColorNavy),
		rootText:    c(tcell.ColorYellow, tcell.ColorNavy),
		help:        c(tcell.ColorWhite, tcell.ColorNavy),
		border:      c(tcell.ColorBlack, tcell.ColorSilver),
		window:      c(tcell.ColorBlack, tcell.ColorSilver),
		shadow:      c(tcell.ColorWhite, tcell.ColorBlack),
		title:       c(tcell.ColorMaroon, tcell.ColorSilver),
		button:      c(tcell.ColorSilver, tcell.ColorMaroon),
		actButton:   c(tcell.ColorMaroon, tcell.ColorSilver),
		checkbox:    c(tcell.ColorYellow, tcell.ColorNavy),
		actCheckbox: c(tcell.ColorNavy, tcell.ColorOlive),
		textbox:     c(tcell.ColorBlack, tcell.ColorSilver),
	}
}

// newtReflow breaks text as newtReflowText does: of the widths from
// width-down to width+up it takes the first with the least "badness"
// (short lines and breaks far from the margin cost), and returns the
// lines and the width chosen.
func newtReflow(text string, width, down, up int) ([]string, int) {
	best, bestW := -1, width
	if down > 0 || up > 0 {
		for w := max(width-down, 1); w <= width+up; w++ {
			if _, bad := newtDoReflow(text, w); best < 0 || bad < best {
				best, bestW = bad, w
			}
		}
	}
	lines, _ := newtDoReflow(text, bestW)
	return lines, bestW
}

// newtDoReflow is newt's doReflow for one width.
func newtDoReflow(text string, width int) (lines []string, bad int) {
	for _, para := range strings.Split(text, "\n") {
		rest := []rune(para)
		for {
			if len(rest) < width {
				lines = append(lines, string(rest))
				if len(rest) < width/2 {
					bad += (width/2 - len(rest)) / 2
				}
				break
			}
			// The last blank among the first width-1 characters.
			cut, at, inSpace := -1, 0, false
			for i := 0; i < width-1 && i < len(rest); i++ {
				sp := rest[i] == ' ' || rest[i] == '\t'
				if sp && !inSpace {
					cut, at = i, i
				}
				inSpace = sp
			}
			bad += width - at + 1
			if cut < 0 {
				cut = min(width-1, len(rest))
			}
			if cut == 0 && rest[0] != ' ' && rest[0] != '\t' {
				cut = 1 // width 1: newt would loop here; take a character
			}
			lines = append(lines, string(rest[:cut]))
			rest = rest[cut:]
			for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t') {
				rest = rest[1:]
			}
			if len(rest) == 0 {
				break
			}
		}
	}
	return lines, bad
}

// ntsysvLayout is where newt puts the parts of the window on a w×h
// screen.
type ntsysvLayout struct {
	left, top, winW, winH int // the window's inside
	label                 []string
	labelW                int
	listX, listY          int
	listW, listH          int
	sbX                   int // the scroll bar's column
	btnY                  int
	okX, cancelX          int
	cancel                string
}

func (v *ntsysvView) layout(w, h int) ntsysvLayout {
	var l ntsysvLayout
	l.listW, l.listH = 20, 8
	if w > 80 {
		l.listW = w - 60
	}
	if h > 25 {
		l.listH = h - 17
	}
	l.label, l.labelW = newtReflow(ntsysvQuestion, 30, 0, 20)
	l.cancel = "Cancel"
	if v.req.Back {
		l.cancel = "Back"
	}
	okW, cancelW := len("Ok")+5, len(l.cancel)+5
	subW := l.listW + 3
	gridW := max(l.labelW, subW, okW+1+cancelW+1)
	gridH := len(l.label) + 1 + l.listH + 1 + 4
	l.winW, l.winH = gridW+2, gridH+2
	l.top = (h - l.winH) / 2
	if h%2 == 1 && l.top%2 != 0 {
		l.top--
	}
	l.left = (w - l.winW) / 2
	gx, gy := l.left+1, l.top+1
	l.listY = gy + len(l.label) + 1
	l.listX = gx + (gridW-subW)/2
	l.sbX = l.listX + l.listW + 2
	l.btnY = l.listY + l.listH + 1
	// newtButtonBar: each button padded by one on its left, the spare
	// width shared by the two columns (the first gets the odd cell), each
	// button centred in its column.
	extra := gridW - (okW + 1 + cancelW + 1)
	col0 := okW + 1 + extra/2 + extra%2
	col1 := cancelW + 1 + extra/2
	l.okX = gx + 1 + (col0-1-okW)/2
	l.cancelX = gx + col0 + 1 + (col1-1-cancelW)/2
	return l
}

// Draw paints the root, the window and, over them, F1's popup.
func (v *ntsysvView) Draw(screen tcell.Screen) {
	x, y, w, h := v.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	ns := newtPalette(v.env.th.mono)
	put := func(cx, cy int, r rune, st tcell.Style) {
		if cx >= 0 && cx < w && cy >= 0 && cy < h {
			screen.SetContent(x+cx, y+cy, r, nil, st)
		}
	}
	text := func(cx, cy int, s string, st tcell.Style) {
		for _, r := range s {
			put(cx, cy, r, st)
			cx++
		}
	}
	for j := 0; j < h; j++ {
		for i := 0; i < w; i++ {
			put(i, j, ' ', ns.root)
		}
	}
	text(0, 0, v.req.Title, ns.rootText)
	help := ntsysvHelp
	if len(help) < w {
		help += strings.Repeat(" ", w-len(help))
	}
	text(0, h-1, help, ns.help)

	l := v.layout(w, h)
	v.listH = l.listH
	newtWindow(put, text, ns, l.left, l.top, l.winW, l.winH, "Services")
	for i, line := range l.label {
		text(l.left+1, l.top+1+i, line+strings.Repeat(" ", max(l.labelW-len(line), 0)), ns.textbox)
	}
	// the list, the blank beside it and the scroll bar
	v.keepVisible()
	for j := 0; j < l.listH; j++ {
		for i := 0; i < l.listW+2; i++ {
			put(l.listX+i, l.listY+j, ' ', ns.checkbox)
		}
		put(l.sbX, l.listY+j, '▒', ns.checkbox)
	}
	for j := 0; j < l.listH && v.offset+j < len(v.req.Entries); j++ {
		k := v.offset + j
		mark := ' '
		if v.checked[k] {
			mark = '*'
		}
		row := []rune("[ ] " + v.req.Entries[k].Name)
		row[1] = mark
		for i, r := range row {
			if i >= l.listW+2 {
				break
			}
			st := ns.checkbox
			if i == 1 && k == v.cur && v.focus == 0 {
				st = ns.actCheckbox
			}
			put(l.listX+i, l.listY+j, r, st)
		}
	}
	thumb := 0
	if total := len(v.req.Entries) - l.listH; total > 0 {
		thumb = v.offset * (l.listH - 1) / total
	}
	put(l.sbX, l.listY+thumb, '#', ns.checkbox)
	newtButton(put, text, ns, l.okX, l.btnY, "Ok", v.focus == 1)
	newtButton(put, text, ns, l.cancelX, l.btnY, l.cancel, v.focus == 2)
	if v.popup {
		v.drawPopup(put, text, ns, w, h)
	}
}

// newtWindow draws newtOpenWindow's window: the border around the
// inside (left, top, w, h), the title between ┤ and ├, the shadow.
func newtWindow(put func(int, int, rune, tcell.Style), text func(int, int, string, tcell.Style), ns newtStyles,
	left, top, w, h int, title string) {
	for j := top; j < top+h; j++ {
		for i := left; i < left+w; i++ {
			put(i, j, ' ', ns.window)
		}
	}
	newtBox(put, ns.border, left-1, top-1, w+2, h+2)
	if title != "" {
		i := (w-(len(title)+4))/2 + left
		put(i, top-1, '┤', ns.border)
		put(i+1, top-1, ' ', ns.border)
		text(i+2, top-1, title, ns.title)
		put(i+2+len(title), top-1, ' ', ns.border)
		put(i+3+len(title), top-1, '├', ns.border)
	}
	for i := left; i < left+w+2; i++ {
		put(i, top+h+1, ' ', ns.shadow)
	}
	for j := top; j < top+h+1; j++ {
		put(left+w+1, j, ' ', ns.shadow)
	}
}

// newtBox draws SLsmg_draw_box's frame of w×h cells at x, y.
func newtBox(put func(int, int, rune, tcell.Style), st tcell.Style, x, y, w, h int) {
	for i := x + 1; i < x+w-1; i++ {
		put(i, y, '─', st)
		put(i, y+h-1, '─', st)
	}
	for j := y + 1; j < y+h-1; j++ {
		put(x, j, '│', st)
		put(x+w-1, j, '│', st)
	}
	put(x, y, '┌', st)
	put(x+w-1, y, '┐', st)
	put(x, y+h-1, '└', st)
	put(x+w-1, y+h-1, '┘', st)
}

// newtButton draws a newt button (4 rows, len+5 columns with its
// shadow) at x, y.
func newtButton(put func(int, int, rune, tcell.Style), text func(int, int, string, tcell.Style), ns newtStyles,
	x, y int, label string, active bool) {
	bw := len(label) + 5
	newtBox(put, ns.button, x, y, bw-1, 3)
	st := ns.button
	if active {
		st = ns.actButton
	}
	text(x+1, y+1, " "+label+" ", st)
	for i := x + 1; i < x+bw-1; i++ {
		put(i, y+3, ' ', ns.shadow)
	}
	for j := y + 1; j < y+4; j++ {
		put(x+bw-1, j, ' ', ns.shadow)
	}
}

// drawPopup is newtWinMessage's window: the entry's name as title, its
// description reflowed, an Ok button.
func (v *ntsysvView) drawPopup(put func(int, int, rune, tcell.Style), text func(int, int, string, tcell.Style), ns newtStyles, w, h int) {
	e := v.req.Entries[v.cur]
	lines, tw := newtReflow(e.Desc, 35, 5, 5)
	if len(lines) > 6 {
		lines, tw = newtReflow(e.Desc, 60, 5, 5)
	}
	okW := len("Ok") + 5
	gridW := max(tw, okW)
	gridH := len(lines) + 1 + 4
	offset := 0
	if gridW < len(e.Name)+2 {
		offset = (len(e.Name) + 2 - gridW) / 2
		gridW = len(e.Name) + 2
	}
	winW, winH := gridW+2, gridH+2
	top := (h - winH) / 2
	if h%2 == 1 && top%2 != 0 {
		top--
	}
	left := (w - winW) / 2
	newtWindow(put, text, ns, left, top, winW, winH, e.Name)
	gx, gy := left+1+offset, top+1
	for i, line := range lines {
		text(gx, gy+i, line+strings.Repeat(" ", max(tw-len([]rune(line)), 0)), ns.textbox)
	}
	bx := gx + (max(tw, okW)-okW)/2
	newtButton(put, text, ns, bx, gy+len(lines)+1, "Ok", true)
}

// keepVisible scrolls the list so that its current entry shows, as
// newt's form does: an entry above becomes the first row, one below the
// last.
func (v *ntsysvView) keepVisible() {
	switch {
	case v.cur < v.offset:
		v.offset = v.cur
	case v.cur >= v.offset+v.listH:
		v.offset = v.cur - v.listH + 1
	}
	v.offset = max(0, min(v.offset, len(v.req.Entries)-v.listH))
}

// ok commits the boxes checked.
func (v *ntsysvView) ok() {
	var on []string
	for i, e := range v.req.Entries {
		if v.checked[i] {
			on = append(on, e.Name)
		}
	}
	if v.onOK != nil {
		v.onOK(on)
	}
}

// InputHandler is newt's keys for ntsysv's form.
func (v *ntsysvView) InputHandler() func(*tcell.EventKey, func(tview.Primitive)) {
	return v.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		key, r := ev.Key(), ev.Rune()
		if v.popup {
			if key == tcell.KeyEnter || key == tcell.KeyF12 || key == tcell.KeyRune && r == ' ' {
				v.popup = false
			}
			return
		}
		switch key {
		case tcell.KeyF12:
			v.ok()
			return
		case tcell.KeyF1:
			if len(v.req.Entries) > 0 && v.req.Entries[v.cur].Desc != "" {
				v.popup = true
			}
			return
		case tcell.KeyTab:
			v.focus = (v.focus + 1) % 3
			return
		case tcell.KeyBacktab:
			v.focus = (v.focus + 2) % 3
			return
		}
		n := len(v.req.Entries)
		switch v.focus {
		case 0:
			switch {
			case key == tcell.KeyRune && r == ' ':
				if n > 0 {
					v.checked[v.cur] = !v.checked[v.cur]
				}
			case key == tcell.KeyUp || key == tcell.KeyLeft || key == tcell.KeyBackspace || key == tcell.KeyBackspace2 || key == tcell.KeyCtrlP || key == tcell.KeyCtrlB:
				if v.cur > 0 {
					v.cur--
				}
			case key == tcell.KeyDown || key == tcell.KeyRight || key == tcell.KeyCtrlN || key == tcell.KeyCtrlF:
				if v.cur < n-1 {
					v.cur++
				} else {
					v.focus = 1
				}
			case key == tcell.KeyPgUp:
				v.cur = max(v.cur-v.listH, 0)
			case key == tcell.KeyPgDn:
				v.cur = max(min(v.cur+v.listH, n-1), 0)
			}
			v.keepVisible()
		default:
			switch {
			case key == tcell.KeyEnter || key == tcell.KeyRune && r == ' ':
				if v.focus == 1 {
					v.ok()
				} else if v.done != nil {
					v.done()
				}
			case key == tcell.KeyUp || key == tcell.KeyLeft || key == tcell.KeyBackspace || key == tcell.KeyBackspace2:
				v.focus--
			case key == tcell.KeyDown || key == tcell.KeyRight:
				if v.focus == 1 {
					v.focus = 2
				}
			}
		}
	})
}
