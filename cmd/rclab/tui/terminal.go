package tui

import (
	"strings"
	"sync"
	"unicode"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// maxHistory is how many lines a console's history keeps.
const maxHistory = 1000

// terminal is a console: the machine's output with scrollback, and below
// it the prompt and a line editor with history, reverse search and
// completion. It knows nothing of the machine; its owner feeds it output
// (Write), sets its prompt, and is told of lines, Ctrl-C, Ctrl-D and Tab
// through callbacks.
//
// Write may be called from any goroutine; everything else runs on the UI
// goroutine.
type terminal struct {
	*tview.Box
	env *env

	mu  sync.Mutex // guards buf
	buf *textBuffer

	prompt    []cell
	line      []rune
	cursor    int
	busy      bool // a command runs: no prompt, typed lines wait
	noHistory bool // lines typed now are not remembered (a login name)
	secret    bool // the line is not shown as it is typed (a password)
	// handsCtrlC says Ctrl-C goes to the machine (onInterrupt) even with
	// no command running: a program reads the keyboard, or a multi-line
	// construct is open; the machine prints the ^C.
	handsCtrlC bool
	// bareEnter says Enter is not echoed either (a program turned echo
	// off and prints its own newline, as getpass does).
	bareEnter bool

	history []string
	histIdx int    // len(history) while editing a new line
	draft   []rune // the new line, kept while browsing history

	searching bool
	query     []rune
	match     int // index in history of the current match, -1 for none
	failed    bool
	saved     []rune // the line before the search began

	tabs          int // Tabs pressed in a row: the second lists candidates
	scroll        int // rows scrolled back from the bottom
	width, height int // the text area at the last Draw

	onSubmit    func(line string)
	onInterrupt func()
	onEOF       func()
	onComplete  func(line []rune, cursor int) ([]rune, int, []string)

	// scratch space for Draw
	tail []cell
	rev  [][]cell
	tmp  [][]cell
}

// newTerminal returns an empty console.
func newTerminal(e *env) *terminal {
	t := &terminal{Box: newBox(), env: e, buf: newTextBuffer(e.th.mono), match: -1}
	return t
}

// Write adds output (text with ANSI escapes) to the console.
func (t *terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.Write(p)
}

// WriteString adds output to the console.
func (t *terminal) WriteString(s string) { t.Write([]byte(s)) }

// SetPrompt sets the prompt shown before the line being edited (it may
// hold SGR escapes).
func (t *terminal) SetPrompt(p string) { t.prompt = cellsOf(p, t.env.th.mono) }

// SetBusy says whether a command runs: the prompt is then hidden, typed
// text is kept and Tab does nothing.
func (t *terminal) SetBusy(b bool) { t.busy = b }

// Busy reports whether a command runs.
func (t *terminal) Busy() bool { return t.busy }

// Line is the text being edited.
func (t *terminal) Line() string { return string(t.line) }

// Scrolled is how many rows the view is scrolled back.
func (t *terminal) Scrolled() int { return t.scroll }

// Text is the console's output as text (for tests).
func (t *terminal) Text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

// clear empties the screen (Ctrl-L) but for the line being typed.
func (t *terminal) clear() {
	t.mu.Lock()
	t.buf.clear()
	t.mu.Unlock()
	t.scroll = 0
}

// textCells turns s into cells in the default style.
func textCells(s []rune, out []cell) []cell {
	for _, r := range s {
		w := runeWidth(r)
		if w == 0 {
			if n := len(out); n > 0 {
				out[n-1].comb = append(out[n-1].comb[:len(out[n-1].comb):len(out[n-1].comb)], r)
			}
			continue
		}
		if r < ' ' {
			r = '?'
		}
		out = append(out, cell{r: r, w: uint8(w)})
		if w == 2 {
			out = append(out, cell{})
		}
	}
	return out
}

// echo writes the prompt (unless busy) and s to the output, as the
// terminal showed them while typing.
func (t *terminal) echo(s string, end string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.busy {
		for _, c := range t.prompt {
			t.buf.put(c)
		}
	}
	for _, c := range textCells([]rune(s), nil) {
		t.buf.put(c)
	}
	t.buf.WriteString(end)
}

// submit ends the line: it is echoed (unless a command runs: its owner
// echoes it with the prompt when it takes it), remembered and handed to
// onSubmit.
func (t *terminal) submit() {
	text := string(t.line)
	if !t.busy {
		shown := text
		if t.secret {
			shown = ""
		}
		end := "\n"
		if t.bareEnter {
			end = ""
		}
		t.echo(shown, end)
	}
	if !t.noHistory && !t.secret && strings.TrimSpace(text) != "" && (len(t.history) == 0 || t.history[len(t.history)-1] != text) {
		t.history = append(t.history, text)
		if len(t.history) > maxHistory {
			t.history = append([]string(nil), t.history[len(t.history)-maxHistory:]...)
		}
	}
	t.resetLine()
	if t.onSubmit != nil {
		t.onSubmit(text)
	}
}

func (t *terminal) resetLine() {
	t.line, t.cursor, t.draft = nil, 0, nil
	t.histIdx = len(t.history)
}

// interrupt is Ctrl-C: the running command is told, or the line is
// abandoned with ^C as bash does.
func (t *terminal) interrupt() {
	t.scroll = 0
	if t.searching {
		t.searching = false
		t.line = t.saved
	}
	if t.busy {
		t.WriteString("^C\n")
		if t.onInterrupt != nil {
			t.onInterrupt()
		}
		return
	}
	shown := string(t.line)
	if t.secret {
		shown = ""
	}
	if t.handsCtrlC && t.onInterrupt != nil {
		t.echo(shown, "")
		t.resetLine()
		t.onInterrupt()
		return
	}
	t.echo(shown, "^C\n")
	t.resetLine()
}

// insert types s at the cursor.
func (t *terminal) insert(s ...rune) {
	line := make([]rune, 0, len(t.line)+len(s))
	line = append(line, t.line[:t.cursor]...)
	line = append(line, s...)
	line = append(line, t.line[t.cursor:]...)
	t.line = line
	t.cursor += len(s)
}

// InputHandler edits the line by the key table's terminal scope.
func (t *terminal) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return t.WrapInputHandler(func(ev *tcell.EventKey, setFocus func(p tview.Primitive)) {
		act, _ := lookup(scopeTerminal, ev)
		if act == actNone {
			if ev.Key() == tcell.KeyRune && ev.Modifiers()&(tcell.ModAlt|tcell.ModCtrl) == 0 {
				t.typeRune(ev.Rune())
			}
			return
		}
		t.do(act)
	})
}

// typeRune handles a printable key.
func (t *terminal) typeRune(r rune) {
	t.scroll, t.tabs = 0, 0
	if t.searching {
		t.query = append(t.query, r)
		t.search(len(t.history) - 1)
		if t.match < 0 && len(t.history) > 0 {
			t.failed = true
		}
		return
	}
	t.insert(r)
}

// PasteHandler types pasted text; each newline runs the line so far.
func (t *terminal) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return t.WrapPasteHandler(func(text string, setFocus func(p tview.Primitive)) {
		t.leaveSearch(true)
		text = strings.ReplaceAll(text, "\r\n", "\n")
		for i, part := range strings.Split(text, "\n") {
			if i > 0 {
				t.submit()
			}
			t.insert([]rune(strings.Map(func(r rune) rune {
				if r == '\t' {
					return ' '
				}
				if r < ' ' {
					return -1
				}
				return r
			}, part))...)
		}
	})
}

// do performs an editing action.
func (t *terminal) do(act action) {
	if act != actPageUp && act != actPageDown {
		t.scroll = 0
	}
	if act == actComplete {
		t.tabs++
	} else {
		t.tabs = 0
	}
	if t.searching {
		switch act {
		case actSearch:
			if t.match > 0 {
				t.search(t.match - 1)
			} else {
				t.failed = true
			}
			return
		case actBackspace:
			if len(t.query) > 0 {
				t.query = t.query[:len(t.query)-1]
			}
			t.failed = false
			t.search(len(t.history) - 1)
			return
		case actCancel:
			t.leaveSearch(false)
			return
		case actInterrupt:
			t.interrupt()
			return
		case actPageUp, actPageDown:
		default:
			t.leaveSearch(true)
		}
	}
	switch act {
	case actSubmit:
		t.submit()
	case actLeft:
		if t.cursor > 0 {
			t.cursor--
		}
	case actRight:
		if t.cursor < len(t.line) {
			t.cursor++
		}
	case actLineStart:
		t.cursor = 0
	case actLineEnd:
		t.cursor = len(t.line)
	case actBackspace:
		if t.cursor > 0 {
			t.line = append(t.line[:t.cursor-1:t.cursor-1], t.line[t.cursor:]...)
			t.cursor--
		}
	case actDelete:
		t.deleteRight()
	case actKillStart:
		t.line = append([]rune(nil), t.line[t.cursor:]...)
		t.cursor = 0
	case actKillEnd:
		t.line = t.line[:t.cursor:t.cursor]
	case actKillWord:
		i := t.cursor
		for i > 0 && unicode.IsSpace(t.line[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(t.line[i-1]) {
			i--
		}
		t.line = append(t.line[:i:i], t.line[t.cursor:]...)
		t.cursor = i
	case actHistPrev:
		if t.histIdx > 0 {
			if t.histIdx == len(t.history) {
				t.draft = append([]rune(nil), t.line...)
			}
			t.histIdx--
			t.line = []rune(t.history[t.histIdx])
			t.cursor = len(t.line)
		}
	case actHistNext:
		if t.histIdx < len(t.history) {
			t.histIdx++
			if t.histIdx == len(t.history) {
				t.line = t.draft
			} else {
				t.line = []rune(t.history[t.histIdx])
			}
			t.cursor = len(t.line)
		}
	case actSearch:
		if t.noHistory || t.secret {
			return
		}
		t.searching, t.query, t.match, t.failed = true, nil, -1, false
		t.saved = append([]rune(nil), t.line...)
	case actComplete:
		if t.busy || t.onComplete == nil {
			return
		}
		line, cursor, list := t.onComplete(t.line, t.cursor)
		if len(list) > 0 && t.tabs > 1 {
			t.showList(list)
		}
		t.line, t.cursor = line, min(cursor, len(line))
	case actInterrupt:
		t.interrupt()
	case actEOF:
		if len(t.line) == 0 {
			if !t.busy && t.onEOF != nil {
				t.onEOF()
			}
			return
		}
		t.deleteRight()
	case actClear:
		t.clear()
	case actPageUp:
		t.scroll += max(1, t.height-1)
	case actPageDown:
		t.scroll = max(0, t.scroll-max(1, t.height-1))
	}
}

func (t *terminal) deleteRight() {
	if t.cursor < len(t.line) {
		t.line = append(t.line[:t.cursor:t.cursor], t.line[t.cursor+1:]...)
	}
}

// search finds the newest history line at or before index from that
// contains the query.
func (t *terminal) search(from int) {
	q := string(t.query)
	for i := min(from, len(t.history)-1); i >= 0; i-- {
		if strings.Contains(t.history[i], q) {
			t.match, t.failed = i, false
			return
		}
	}
	if q == "" {
		t.match = -1
	}
}

// leaveSearch ends a reverse search, keeping the match in the line (accept)
// or restoring the line as it was.
func (t *terminal) leaveSearch(accept bool) {
	if !t.searching {
		return
	}
	t.searching = false
	if accept && t.match >= 0 {
		t.line = []rune(t.history[t.match])
		t.histIdx = t.match
	} else {
		t.line = t.saved
	}
	t.cursor = len(t.line)
}

// showList prints completion candidates in columns below the line, as
// bash does on a second Tab.
func (t *terminal) showList(list []string) {
	t.echo(string(t.line), "\n")
	w := t.width
	if w <= 0 {
		w = 80
	}
	colW := 0
	for _, s := range list {
		colW = max(colW, textWidth(s)+2)
	}
	cols := max(1, w/colW)
	rows := (len(list) + cols - 1) / cols
	var b strings.Builder
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			i := c*rows + r
			if i >= len(list) {
				break
			}
			if c+1 < cols && (c+1)*rows+r < len(list) {
				b.WriteString(padRight(list[i], colW))
			} else {
				b.WriteString(list[i])
			}
		}
		b.WriteString("\n")
	}
	t.WriteString(b.String())
}

// MouseHandler focuses the console on a click and scrolls with the wheel.
func (t *terminal) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return t.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, setFocus func(p tview.Primitive)) (bool, tview.Primitive) {
		if !t.InRect(ev.Position()) {
			return false, nil
		}
		switch action {
		case tview.MouseLeftDown, tview.MouseLeftClick:
			setFocus(t)
			return true, nil
		case tview.MouseScrollUp:
			t.scroll += 3
			return true, nil
		case tview.MouseScrollDown:
			t.scroll = max(0, t.scroll-3)
			return true, nil
		}
		return false, nil
	})
}

// tailCells is the last line as shown: the output's current line, then
// the prompt and the line being edited (or the reverse search). It returns
// the index of the cursor's cell.
func (t *terminal) tailCells() ([]cell, int) {
	tail := append(t.tail[:0], t.buf.lines[len(t.buf.lines)-1]...)
	var cur int
	if t.searching {
		label := "(reverse-i-search)`"
		if t.failed {
			label = "(failed reverse-i-search)`"
		}
		tail = textCells([]rune(label+string(t.query)+"': "), tail)
		m := ""
		if t.match >= 0 {
			m = t.history[t.match]
		}
		at := strings.Index(m, string(t.query))
		if at < 0 {
			at = 0
		}
		tail = textCells([]rune(m[:at]), tail)
		cur = len(tail)
		tail = textCells([]rune(m[at:]), tail)
	} else {
		if !t.busy {
			tail = append(tail, t.prompt...)
		}
		if t.secret { // nothing shows, and the cursor stays put
			cur = len(tail)
		} else {
			tail = textCells(t.line[:t.cursor], tail)
			cur = len(tail)
			tail = textCells(t.line[t.cursor:], tail)
		}
	}
	if cur >= len(tail) {
		tail = append(tail, blankCell)
	}
	t.tail = tail
	return tail, cur
}

// wrapRows splits cells into rows of at most w columns, in order; a wide
// character that would straddle the edge starts the next row.
func wrapRows(cells []cell, w int, rows [][]cell) [][]cell {
	start, col := 0, 0
	for i, c := range cells {
		if c.w == 0 {
			continue
		}
		cw := int(c.w)
		if col+cw > w && i > start {
			rows = append(rows, cells[start:i])
			start, col = i, 0
		}
		col += cw
	}
	return append(rows, cells[start:])
}

// Draw shows the rows that fit, the newest at the bottom (or from the top
// while the output is shorter than the view), and the cursor.
func (t *terminal) Draw(screen tcell.Screen) {
	// no background of its own: the application clears the screen
	x, y, w, h := t.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	t.width, t.height = w, h
	t.mu.Lock()
	defer t.mu.Unlock()

	tail, cur := t.tailCells()
	// rows from the bottom up: rev[0] is the last row
	rev := t.rev[:0]
	t.tmp = wrapRows(tail, w, t.tmp[:0])
	curRow, curCol := 0, 0
	{
		n := 0
		for i := len(t.tmp) - 1; i >= 0; i-- {
			row := t.tmp[i]
			// find the cursor in the tail's rows (rows are subslices)
			off := len(tail) - n - len(row)
			if cur >= off && cur < off+len(row) {
				curRow = len(t.tmp) - 1 - i
				for _, c := range row[:cur-off] {
					curCol += int(c.w)
				}
			}
			n += len(row)
			rev = append(rev, row)
		}
	}
	need := h + t.scroll
	lines := t.buf.lines
	for i := len(lines) - 2; i >= 0 && len(rev) < need; i-- {
		t.tmp = wrapRows(lines[i], w, t.tmp[:0])
		for j := len(t.tmp) - 1; j >= 0; j-- {
			rev = append(rev, t.tmp[j])
		}
	}
	if t.scroll > len(rev)-h {
		t.scroll = max(0, len(rev)-h)
	}
	visible := rev[t.scroll:min(len(rev), t.scroll+h)]
	top := y
	if len(visible) == h || t.scroll > 0 {
		top = y + h - len(visible)
	}
	for k := len(visible) - 1; k >= 0; k-- {
		row := visible[k]
		ry := top + len(visible) - 1 - k
		col := 0
		for _, c := range row {
			if c.w == 0 {
				continue
			}
			if col+int(c.w) > w {
				break
			}
			screen.SetContent(x+col, ry, c.r, c.comb, c.st)
			col += int(c.w)
		}
	}
	t.rev = rev[:0]
	if t.HasFocus() && t.scroll == 0 && curRow < len(visible) {
		screen.ShowCursor(x+curCol, top+len(visible)-1-curRow)
	}
}
