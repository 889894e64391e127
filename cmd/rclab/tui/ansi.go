package tui

import (
	"strconv"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/uniseg"
)

// This file turns what the machine writes to its console (text with
// carriage returns, tabs, backspaces and ANSI escapes) into lines of
// styled cells, as a Linux console would show them:
//
//   - "\r" returns to column 0 (a following "\n" starts the next line, so
//     "[  OK  ]\r\n" ends the line; text after a bare "\r" overwrites);
//   - ESC[nG moves to column n, padding with spaces (RH's $MOVE_TO_COL);
//   - SGR (ESC[...m) sets colours and attributes; with mono, colours are
//     dropped and attributes kept (NO_COLOR);
//   - ESC[K erases to the end of the line, ESC[2J (clear) clears;
//   - other escapes, OSC strings and the bell are dropped.
//
// A cell grid needs no escaping of "[" (tview's tags are never parsed).

// cell is one screen column of output. A wide character takes two cells:
// the character (w 2) and a continuation (w 0).
type cell struct {
	r    rune
	comb []rune // combining marks after r
	w    uint8
	st   tcell.Style
}

var blankCell = cell{r: ' ', w: 1}

// parser states
const (
	stGround = iota
	stEsc
	stCSI
	stOSC
	stOSCEsc
	stCharset
)

// maxScrollback is how many lines a console keeps.
const maxScrollback = 5000

// textBuffer is a console's output: lines of cells, with the cursor always
// on the last line.
type textBuffer struct {
	lines [][]cell
	col   int
	style tcell.Style
	mono  bool
	max   int

	state  int
	params []byte
	utf    []byte // an incomplete UTF-8 sequence
}

func newTextBuffer(mono bool) *textBuffer {
	return &textBuffer{lines: [][]cell{nil}, mono: mono, max: maxScrollback}
}

// Write parses p; it never fails.
func (b *textBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(b.utf) > 0 {
		p = append(b.utf, p...)
		b.utf = nil
	}
	for len(p) > 0 {
		c := p[0]
		switch b.state {
		case stEsc:
			p = p[1:]
			switch c {
			case '[':
				b.state, b.params = stCSI, b.params[:0]
			case ']':
				b.state = stOSC
			case '(', ')', '*', '+':
				b.state = stCharset
			default:
				b.state = stGround
			}
			continue
		case stCSI:
			p = p[1:]
			if c >= 0x40 && c <= 0x7e {
				b.csi(c)
				b.state = stGround
			} else if c == 0x1b {
				b.state = stEsc
			} else if len(b.params) < 64 {
				b.params = append(b.params, c)
			}
			continue
		case stOSC:
			p = p[1:]
			switch c {
			case 0x07:
				b.state = stGround
			case 0x1b:
				b.state = stOSCEsc
			}
			continue
		case stOSCEsc:
			p = p[1:]
			b.state = stGround
			if c != '\\' {
				b.state = stOSC
			}
			continue
		case stCharset:
			p = p[1:]
			b.state = stGround
			continue
		}
		// ground
		if c < 0x20 || c == 0x7f {
			p = p[1:]
			b.control(c)
			continue
		}
		if c < 0x80 {
			// a run of printable ASCII
			i := 1
			for i < len(p) && p[i] >= 0x20 && p[i] < 0x7f {
				i++
			}
			for _, ch := range p[:i] {
				b.put(cell{r: rune(ch), w: 1, st: b.style})
			}
			p = p[i:]
			continue
		}
		if !utf8.FullRune(p) {
			b.utf = append([]byte(nil), p...)
			return n, nil
		}
		r, size := utf8.DecodeRune(p)
		p = p[size:]
		b.putRune(r)
	}
	return n, nil
}

// WriteString is Write for a string.
func (b *textBuffer) WriteString(s string) { b.Write([]byte(s)) }

func (b *textBuffer) control(c byte) {
	switch c {
	case '\n', '\v', '\f':
		b.newline()
	case '\r':
		b.col = 0
	case '\b':
		if b.col > 0 {
			b.col--
		}
	case '\t':
		b.moveTo((b.col/8 + 1) * 8)
	case 0x1b:
		b.state = stEsc
	}
	// the bell and other controls show nothing
}

// putRune places a non-ASCII rune: wide ones take two cells, combining
// marks join the previous cell.
func (b *textBuffer) putRune(r rune) {
	w := runeWidth(r)
	if w == 0 {
		line := b.lines[len(b.lines)-1]
		for i := min(b.col, len(line)) - 1; i >= 0; i-- {
			if line[i].w > 0 {
				line[i].comb = append(line[i].comb, r)
				return
			}
		}
		return
	}
	b.put(cell{r: r, w: uint8(w), st: b.style})
	if w == 2 {
		b.put(cell{w: 0, st: b.style})
	}
}

// runeWidth is how many cells r takes.
func runeWidth(r rune) int {
	if r < 0x7f {
		return 1
	}
	if r >= 0xac00 && r <= 0xd7a3 { // Hangul syllables
		return 2
	}
	return uniseg.StringWidth(string(r))
}

// put writes c at the cursor, overwriting, and advances.
func (b *textBuffer) put(c cell) {
	li := len(b.lines) - 1
	line := b.lines[li]
	for len(line) < b.col {
		line = append(line, cell{r: ' ', w: 1, st: b.style})
	}
	if b.col < len(line) {
		old := line[b.col]
		// overwriting half of a wide character blanks the other half
		if old.w == 0 && b.col > 0 && c.w != 0 {
			line[b.col-1] = cell{r: ' ', w: 1, st: line[b.col-1].st}
		}
		if old.w == 2 && c.w != 2 && b.col+1 < len(line) {
			line[b.col+1] = cell{r: ' ', w: 1, st: old.st}
		}
		line[b.col] = c
	} else {
		line = append(line, c)
	}
	b.lines[li] = line
	b.col++
}

// moveTo moves the cursor to column col of the current line, padding it
// with spaces when the line is shorter.
func (b *textBuffer) moveTo(col int) {
	if col < 0 {
		col = 0
	}
	if col > 1000 {
		col = 1000
	}
	li := len(b.lines) - 1
	line := b.lines[li]
	for len(line) < col {
		line = append(line, cell{r: ' ', w: 1, st: b.style})
	}
	b.lines[li] = line
	b.col = col
}

func (b *textBuffer) newline() {
	b.lines = append(b.lines, nil)
	b.col = 0
	if len(b.lines) > b.max+b.max/4 {
		// drop the oldest lines in one copy, now and then
		keep := b.lines[len(b.lines)-b.max:]
		b.lines = append(make([][]cell, 0, b.max+b.max/4+1), keep...)
	}
}

// clear empties the buffer but for the current line.
func (b *textBuffer) clear() {
	last := b.lines[len(b.lines)-1]
	b.lines = append(b.lines[:0:0], last)
}

// csiParams splits the parameters of a CSI sequence; def replaces a
// missing or zero first parameter.
func (b *textBuffer) csiParams() []int {
	var out []int
	n, have := 0, false
	for _, c := range b.params {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			if n > 9999 {
				n = 9999
			}
			have = true
		case c == ';' || c == ':':
			out = append(out, n)
			n, have = 0, false
		}
	}
	if have || len(out) > 0 {
		out = append(out, n)
	}
	return out
}

func (b *textBuffer) csi(final byte) {
	if len(b.params) > 0 && (b.params[0] == '?' || b.params[0] == '>' || b.params[0] == '=') {
		return // private modes: nothing to show
	}
	ps := b.csiParams()
	first := func(def int) int {
		if len(ps) == 0 || ps[0] == 0 {
			return def
		}
		return ps[0]
	}
	switch final {
	case 'm':
		b.sgr(ps)
	case 'G', '`':
		b.moveTo(first(1) - 1)
	case 'C':
		b.moveTo(b.col + first(1))
	case 'D':
		b.moveTo(b.col - first(1))
	case 'H', 'f':
		col := 1
		if len(ps) > 1 && ps[1] > 0 {
			col = ps[1]
		}
		b.moveTo(col - 1)
	case 'K':
		li := len(b.lines) - 1
		line := b.lines[li]
		switch first(0) {
		case 0:
			if b.col < len(line) {
				b.lines[li] = line[:b.col]
			}
		case 1:
			for i := 0; i <= b.col && i < len(line); i++ {
				line[i] = blankCell
			}
		case 2:
			b.lines[li] = line[:0]
		}
	case 'J':
		if n := first(0); n == 2 || n == 3 {
			b.lines = [][]cell{nil}
			b.col = 0
		}
	}
}

// sgr applies Select Graphic Rendition parameters.
func (b *textBuffer) sgr(ps []int) {
	if len(ps) == 0 {
		ps = []int{0}
	}
	st := b.style
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		switch {
		case p == 0:
			st = tcell.StyleDefault
		case p == 1:
			st = st.Bold(true)
		case p == 2:
			st = st.Dim(true)
		case p == 3:
			st = st.Italic(true)
		case p == 4:
			st = st.Underline(true)
		case p == 5:
			st = st.Blink(true)
		case p == 7:
			st = st.Reverse(true)
		case p == 9:
			st = st.StrikeThrough(true)
		case p == 21 || p == 22:
			st = st.Bold(false).Dim(false)
		case p == 23:
			st = st.Italic(false)
		case p == 24:
			st = st.Underline(false)
		case p == 25:
			st = st.Blink(false)
		case p == 27:
			st = st.Reverse(false)
		case p == 29:
			st = st.StrikeThrough(false)
		case p >= 30 && p <= 37:
			st = b.fg(st, tcell.PaletteColor(p-30))
		case p == 39:
			st = st.Foreground(tcell.ColorDefault)
		case p >= 40 && p <= 47:
			st = b.bg(st, tcell.PaletteColor(p-40))
		case p == 49:
			st = st.Background(tcell.ColorDefault)
		case p >= 90 && p <= 97:
			st = b.fg(st, tcell.PaletteColor(p-90+8))
		case p >= 100 && p <= 107:
			st = b.bg(st, tcell.PaletteColor(p-100+8))
		case p == 38 || p == 48:
			var c tcell.Color
			switch {
			case i+2 < len(ps) && ps[i+1] == 5:
				c = tcell.PaletteColor(ps[i+2] & 0xff)
				i += 2
			case i+4 < len(ps) && ps[i+1] == 2:
				c = tcell.NewRGBColor(int32(ps[i+2]&0xff), int32(ps[i+3]&0xff), int32(ps[i+4]&0xff))
				i += 4
			default:
				i = len(ps)
				continue
			}
			if p == 38 {
				st = b.fg(st, c)
			} else {
				st = b.bg(st, c)
			}
		}
	}
	b.style = st
}

func (b *textBuffer) fg(st tcell.Style, c tcell.Color) tcell.Style {
	if b.mono {
		return st
	}
	return st.Foreground(c)
}

func (b *textBuffer) bg(st tcell.Style, c tcell.Color) tcell.Style {
	if b.mono {
		return st
	}
	return st.Background(c)
}

// String is the buffer's text, one line per line, trailing spaces kept
// (for tests and debugging).
func (b *textBuffer) String() string {
	var out []byte
	for i, line := range b.lines {
		if i > 0 {
			out = append(out, '\n')
		}
		for _, c := range line {
			if c.w == 0 {
				continue
			}
			out = utf8.AppendRune(out, c.r)
			for _, m := range c.comb {
				out = utf8.AppendRune(out, m)
			}
		}
	}
	return string(out)
}

// cellsOf parses s (which may hold SGR escapes) into cells, for prompts.
func cellsOf(s string, mono bool) []cell {
	t := newTextBuffer(mono)
	t.WriteString(s)
	var out []cell
	for i, line := range t.lines {
		if i > 0 {
			out = append(out, cell{r: ' ', w: 1})
		}
		out = append(out, line...)
	}
	return out
}

// itoa is strconv.Itoa, for the widgets' columns.
func itoa(n int) string { return strconv.Itoa(n) }
