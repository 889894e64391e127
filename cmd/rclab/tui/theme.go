package tui

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
	"github.com/rivo/uniseg"
)

// theme holds every style the UI draws with. The monochrome theme uses
// the terminal's default colours and attributes only (NO_COLOR).
type theme struct {
	mono bool

	text       tcell.Style // ordinary text
	dim        tcell.Style // secondary text
	title      tcell.Style // titles of screens and panels
	frame      tcell.Style // panel borders
	frameFocus tcell.Style // the focused panel's border
	bar        tcell.Style // the key bar and the status line
	barKey     tcell.Style // a key's name in the key bar
	selected   tcell.Style // the chosen menu item
	header     tcell.Style // column headers
	current    tcell.Style // the current runlevel's column
	on         tcell.Style // a service on in a runlevel
	off        tcell.Style // a service off in a runlevel
	running    tcell.Style // a running service's marker
	daemon     tcell.Style // a standalone daemon's master process
	worker     tcell.Style // a daemon's worker
	onDemand   tcell.Style // a server xinetd started for one connection
	kernel     tcell.Style // a kernel thread
	warn       tcell.Style // failures and a stopped machine
	event      tcell.Style // an event of note (scripts, runlevels)
}

func newTheme(mono bool) *theme {
	d := tcell.StyleDefault
	if mono {
		return &theme{
			mono: true, text: d, dim: d.Dim(true), title: d.Bold(true),
			frame: d, frameFocus: d.Bold(true), bar: d.Reverse(true), barKey: d.Reverse(true).Bold(true),
			selected: d.Reverse(true), header: d.Bold(true).Underline(true), current: d.Reverse(true),
			on: d.Bold(true), off: d.Dim(true), running: d.Bold(true),
			daemon: d.Bold(true), worker: d, onDemand: d.Underline(true), kernel: d.Dim(true),
			warn: d.Bold(true), event: d.Bold(true),
		}
	}
	return &theme{
		text:       d,
		dim:        d.Foreground(tcell.ColorGray),
		title:      d.Foreground(tcell.ColorAqua).Bold(true),
		frame:      d.Foreground(tcell.ColorGray),
		frameFocus: d.Foreground(tcell.ColorAqua).Bold(true),
		bar:        d.Background(tcell.ColorNavy).Foreground(tcell.ColorWhite),
		barKey:     d.Background(tcell.ColorNavy).Foreground(tcell.ColorYellow).Bold(true),
		selected:   d.Background(tcell.ColorTeal).Foreground(tcell.ColorBlack),
		header:     d.Foreground(tcell.ColorYellow).Bold(true),
		current:    d.Background(tcell.ColorNavy).Foreground(tcell.ColorWhite),
		on:         d.Foreground(tcell.ColorGreen),
		off:        d.Foreground(tcell.ColorGray),
		running:    d.Foreground(tcell.ColorLime).Bold(true),
		daemon:     d.Foreground(tcell.ColorLime),
		worker:     d.Foreground(tcell.ColorGreen),
		onDemand:   d.Foreground(tcell.ColorFuchsia),
		kernel:     d.Foreground(tcell.ColorGray),
		warn:       d.Foreground(tcell.ColorRed).Bold(true),
		event:      d.Foreground(tcell.ColorAqua),
	}
}

// env is what every widget shares: the language and the theme. It is
// read and changed on the UI goroutine only.
type env struct {
	lang Lang
	th   *theme
}

func (e *env) tr(id msgID) string               { return e.lang.tr(id) }
func (e *env) trf(id msgID, args ...any) string { return e.lang.trf(id, args...) }

// newBox is a tview Box that draws nothing of its own but the theme's
// background (tview's default is black, which NO_COLOR forbids).
func newBox() *tview.Box {
	return tview.NewBox().SetBackgroundColor(tcell.ColorDefault)
}

// textWidth is how many cells s takes on screen.
func textWidth(s string) int { return uniseg.StringWidth(s) }

// printText draws s at x, y in at most maxW cells and returns the cells
// used. East Asian wide characters take two cells; one that would not fit
// whole is not drawn.
func printText(screen tcell.Screen, x, y, maxW int, s string, st tcell.Style) int {
	used := 0
	state := -1
	for s != "" && used < maxW {
		var g string
		var w int
		g, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		if w == 0 {
			continue
		}
		if used+w > maxW {
			break
		}
		screen.Put(x+used, y, g, st)
		used += w
	}
	return used
}

// fill paints w cells from x, y with spaces in st.
func fill(screen tcell.Screen, x, y, w int, st tcell.Style) {
	for i := 0; i < w; i++ {
		screen.SetContent(x+i, y, ' ', nil, st)
	}
}

// truncate shortens s to at most w cells, ending it with "…" when cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if textWidth(s) <= w {
		return s
	}
	out, used := "", 0
	state := -1
	for s != "" {
		var g string
		var gw int
		g, s, gw, state = uniseg.FirstGraphemeClusterInString(s, state)
		if used+gw > w-1 {
			break
		}
		out += g
		used += gw
	}
	return out + "…"
}

// padRight pads s with spaces to w cells (or truncates it).
func padRight(s string, w int) string {
	s = truncate(s, w)
	for n := textWidth(s); n < w; n++ {
		s += " "
	}
	return s
}

// drawFrame draws a border around x, y, w, h with title in its top line
// and returns the inner rectangle.
func drawFrame(screen tcell.Screen, th *theme, x, y, w, h int, title string, focused bool) (ix, iy, iw, ih int) {
	if w < 2 || h < 2 {
		return x, y, 0, 0
	}
	st := th.frame
	hz, vt, tl, tr, bl, br := tview.Borders.Horizontal, tview.Borders.Vertical, tview.Borders.TopLeft,
		tview.Borders.TopRight, tview.Borders.BottomLeft, tview.Borders.BottomRight
	if focused {
		st = th.frameFocus
		hz, vt, tl, tr, bl, br = tview.Borders.HorizontalFocus, tview.Borders.VerticalFocus, tview.Borders.TopLeftFocus,
			tview.Borders.TopRightFocus, tview.Borders.BottomLeftFocus, tview.Borders.BottomRightFocus
	}
	for i := x + 1; i < x+w-1; i++ {
		screen.SetContent(i, y, hz, nil, st)
		screen.SetContent(i, y+h-1, hz, nil, st)
	}
	for j := y + 1; j < y+h-1; j++ {
		screen.SetContent(x, j, vt, nil, st)
		screen.SetContent(x+w-1, j, vt, nil, st)
	}
	screen.SetContent(x, y, tl, nil, st)
	screen.SetContent(x+w-1, y, tr, nil, st)
	screen.SetContent(x, y+h-1, bl, nil, st)
	screen.SetContent(x+w-1, y+h-1, br, nil, st)
	if title != "" && w > 4 {
		tst := th.title
		if !focused && !th.mono {
			tst = th.header
		}
		printText(screen, x+1, y, w-2, truncate(" "+title+" ", w-2), tst)
	}
	return x + 1, y + 1, w - 2, h - 2
}

// wrapText breaks s into lines of at most w cells, at spaces where it
// can (Korean too: its words are separated by spaces).
func wrapText(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	line, lw := "", 0
	for _, word := range strings.Fields(s) {
		ww := textWidth(word)
		for ww > w { // a word longer than the line: cut it
			if lw > 0 {
				out = append(out, line)
				line, lw = "", 0
			}
			head := truncate(word, w+1) // w cells and "…"
			head = strings.TrimSuffix(head, "…")
			if head == "" {
				g, _, _, _ := uniseg.FirstGraphemeClusterInString(word, -1)
				head = g
			}
			out = append(out, head)
			word = word[len(head):]
			ww = textWidth(word)
		}
		switch {
		case lw == 0:
			line, lw = word, ww
		case lw+1+ww <= w:
			line, lw = line+" "+word, lw+1+ww
		default:
			out = append(out, line)
			line, lw = word, ww
		}
	}
	if lw > 0 || len(out) == 0 {
		out = append(out, line)
	}
	return out
}
