package tui

import (
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/uniseg"

	"rclab/sim"
)

// edRequest is what an editor opens: the file as the machine has it.
type edRequest struct {
	name     string // the file as named on the command line ("" for none)
	path     string // its absolute path
	dir      string // the directory relative names are in ("" when unknown)
	data     string // its contents
	exists   bool
	isDir    bool
	readOnly bool   // vi: 'readonly'; nano: view mode (-v)
	line     int    // the line to start on (+N), -1 for the last, 0 for none
	search   string // vi's +/pattern
}

// edRequestOf reads a sim.Screen for an editor. The name shown is the
// argument as typed; relative names given later are in the program's
// directory.
func edRequestOf(s *sim.Screen) edRequest {
	r := edRequest{path: s.Path, data: s.Data, exists: s.Exists, isDir: s.IsDir,
		readOnly: s.ReadOnly, line: s.Line, search: s.Search, name: s.Path, dir: s.Dir}
	if s.Path == "" || len(s.Args) == 0 {
		return r
	}
	for _, a := range s.Args[1:] {
		if a == "" || a[0] == '-' || a[0] == '+' {
			continue
		}
		if a == s.Path {
			r.name = a
			break
		}
		if c := path.Clean(a); !strings.HasPrefix(c, "../") && c != ".." && strings.HasSuffix(s.Path, "/"+c) {
			r.name = a
			if r.dir == "" { // a machine too old to say its directory
				r.dir = strings.TrimSuffix(s.Path, "/"+c)
			}
			if r.dir == "" {
				r.dir = "/"
			}
			break
		}
	}
	return r
}

// abs is name made absolute: relative names are in dir, or next to the
// file edited when the directory is unknown.
func (r edRequest) abs(name string) string {
	if name == "" || path.IsAbs(name) {
		return path.Clean(name)
	}
	dir := r.dir
	if dir == "" {
		dir = path.Dir(r.path)
	}
	if dir == "" || dir == "." {
		dir = "/"
	}
	return path.Join(dir, name)
}

// edTab is how many columns a tab stop is apart, in vi and nano alike.
const edTab = 8

// edbuf is the text of a file being edited by vi or nano: lines of runes,
// a cursor, and vi's undo history. A line is never changed in place (an
// edit replaces it), so a snapshot of the buffer is a copy of the line
// list alone.
type edbuf struct {
	lines    [][]rune // never empty: an empty file is one empty line
	row, col int      // the cursor: a line and a rune index in it

	modified bool // changed since read or written
	tick     int  // counts changes

	// undo: a change is opened by begin, recorded by the first edit after
	// it (the state before that edit) and closed by commit.
	open       bool
	openRow    int
	openCol    int
	pending    *edstate
	undo, redo []edstate
	seq        int // the number of the last change committed
}

// edstate is the buffer as it was at some point: what undo restores.
type edstate struct {
	lines    [][]rune
	row, col int
	modified bool
	seq      int       // the change that leads away from this state
	when     time.Time // when that change was made
}

// newEdbuf holds data, a file's contents. noEOL is true when data does not
// end with a newline (vi says "[noeol]").
func newEdbuf(data string) (b *edbuf, noEOL bool) {
	lines, noEOL := splitLines(data)
	return &edbuf{lines: lines}, noEOL
}

// splitLines cuts data into lines at newlines; a final newline ends the
// last line rather than starting a new one.
func splitLines(data string) (lines [][]rune, noEOL bool) {
	if data == "" {
		return [][]rune{{}}, false
	}
	noEOL = !strings.HasSuffix(data, "\n")
	data = strings.TrimSuffix(data, "\n")
	for _, l := range strings.Split(data, "\n") {
		lines = append(lines, []rune(l))
	}
	return lines, noEOL
}

// text is the buffer as a file: every line ends with a newline, and a
// buffer of one empty line is an empty file.
func (b *edbuf) text() string {
	if len(b.lines) == 1 && len(b.lines[0]) == 0 {
		return ""
	}
	var sb strings.Builder
	for _, l := range b.lines {
		sb.WriteString(string(l))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// bytes is the size of text() in bytes.
func (b *edbuf) bytes() int {
	if len(b.lines) == 1 && len(b.lines[0]) == 0 {
		return 0
	}
	n := 0
	for _, l := range b.lines {
		for _, r := range l {
			n += utf8.RuneLen(r)
		}
		n++
	}
	return n
}

// cur is the cursor's line.
func (b *edbuf) cur() []rune { return b.lines[b.row] }

// clampCursor keeps the cursor inside the buffer; past is whether it may
// stand just after the last rune of its line (insert mode, nano).
func (b *edbuf) clampCursor(past bool) {
	b.row = max(0, min(b.row, len(b.lines)-1))
	n := len(b.lines[b.row])
	if !past && n > 0 {
		n--
	}
	b.col = max(0, min(b.col, n))
}

// touched records, before the first edit of an open change, the state to
// return to, and counts the edit.
func (b *edbuf) touched() {
	if b.open && b.pending == nil {
		b.pending = &edstate{
			lines:    append([][]rune(nil), b.lines...),
			row:      b.openRow,
			col:      b.openCol,
			modified: b.modified,
		}
	}
	b.tick++
	b.modified = true
}

// setLine replaces line i.
func (b *edbuf) setLine(i int, l []rune) {
	b.touched()
	b.lines[i] = l
}

// insertLines puts ls before line at (at may be len(lines) to append).
func (b *edbuf) insertLines(at int, ls ...[]rune) {
	if len(ls) == 0 {
		return
	}
	b.touched()
	nl := make([][]rune, 0, len(b.lines)+len(ls))
	nl = append(nl, b.lines[:at]...)
	nl = append(nl, ls...)
	nl = append(nl, b.lines[at:]...)
	b.lines = nl
}

// deleteLines removes lines from..to-1 and returns them; the buffer keeps
// one empty line when all go.
func (b *edbuf) deleteLines(from, to int) [][]rune {
	from, to = max(0, from), min(to, len(b.lines))
	if from >= to {
		return nil
	}
	b.touched()
	gone := append([][]rune(nil), b.lines[from:to]...)
	nl := make([][]rune, 0, len(b.lines)-(to-from))
	nl = append(nl, b.lines[:from]...)
	nl = append(nl, b.lines[to:]...)
	if len(nl) == 0 {
		nl = [][]rune{{}}
	}
	b.lines = nl
	return gone
}

// insertText puts text (which may hold newlines) at row, col and returns
// the position just after it.
func (b *edbuf) insertText(row, col int, text []rune) (int, int) {
	if len(text) == 0 {
		return row, col
	}
	l := b.lines[row]
	head, tail := l[:col], l[col:]
	parts := splitRunes(text)
	if len(parts) == 1 {
		b.setLine(row, concat(head, parts[0], tail))
		return row, col + len(parts[0])
	}
	last := len(parts) - 1
	nl := make([][]rune, 0, len(parts))
	nl = append(nl, concat(head, parts[0]))
	nl = append(nl, parts[1:last]...)
	nl = append(nl, concat(parts[last], tail))
	b.setLine(row, nl[0])
	b.insertLines(row+1, nl[1:]...)
	return row + last, len(parts[last])
}

// deleteText removes the runes from r1, c1 up to (not including) r2, c2,
// where a position past a line's end stands for its newline, and returns
// them.
func (b *edbuf) deleteText(r1, c1, r2, c2 int) []rune {
	if r1 > r2 || (r1 == r2 && c1 >= c2) {
		return nil
	}
	gone := b.textBetween(r1, c1, r2, c2)
	first := b.lines[r1]
	c1 = min(c1, len(first))
	var tail []rune
	if r2 < len(b.lines) {
		last := b.lines[r2]
		tail = last[min(c2, len(last)):]
	}
	b.setLine(r1, concat(first[:c1], tail))
	if r2 > r1 {
		b.deleteLines(r1+1, r2+1)
	}
	return gone
}

// textBetween is the text from r1, c1 up to r2, c2 (see deleteText).
func (b *edbuf) textBetween(r1, c1, r2, c2 int) []rune {
	var out []rune
	for r := r1; r <= r2 && r < len(b.lines); r++ {
		l := b.lines[r]
		from, to := 0, len(l)
		if r == r1 {
			from = min(c1, len(l))
		}
		if r == r2 {
			to = min(c2, len(l))
		}
		if from < to {
			out = append(out, l[from:to]...)
		}
		if r < r2 {
			out = append(out, '\n')
		}
	}
	return out
}

// splitRunes cuts text at newlines.
func splitRunes(text []rune) [][]rune {
	var parts [][]rune
	start := 0
	for i, r := range text {
		if r == '\n' {
			parts = append(parts, text[start:i])
			start = i + 1
		}
	}
	return append(parts, text[start:])
}

// concat joins rune slices into a new one.
func concat(parts ...[]rune) []rune {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]rune, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// begin opens a change: the edits until commit undo as one.
func (b *edbuf) begin() {
	if b.open {
		return
	}
	b.open, b.openRow, b.openCol, b.pending = true, b.row, b.col, nil
}

// commit closes the change begin opened; a change that edited nothing
// leaves no trace.
func (b *edbuf) commit(now time.Time) {
	if !b.open {
		return
	}
	b.open = false
	if b.pending == nil {
		return
	}
	b.seq++
	p := *b.pending
	p.seq, p.when = b.seq, now
	b.undo = append(b.undo, p)
	b.redo = nil
	b.pending = nil
}

// state is the buffer now, for the other stack of undo/redo.
func (b *edbuf) state(seq int, when time.Time) edstate {
	return edstate{lines: append([][]rune(nil), b.lines...), row: b.row, col: b.col, modified: b.modified, seq: seq, when: when}
}

// restore puts the buffer back to s.
func (b *edbuf) restore(s edstate) {
	b.lines = append([][]rune(nil), s.lines...)
	b.row, b.col, b.modified = s.row, s.col, s.modified
	b.tick++
}

// undoChange reverts the last change; ok is false when there is none. It
// returns the change undone.
func (b *edbuf) undoChange() (undone edstate, ok bool) {
	if len(b.undo) == 0 {
		return edstate{}, false
	}
	s := b.undo[len(b.undo)-1]
	b.undo = b.undo[:len(b.undo)-1]
	b.redo = append(b.redo, b.state(s.seq, s.when))
	b.restore(s)
	return s, true
}

// redoChange makes the last undone change again.
func (b *edbuf) redoChange() (redone edstate, ok bool) {
	if len(b.redo) == 0 {
		return edstate{}, false
	}
	s := b.redo[len(b.redo)-1]
	b.redo = b.redo[:len(b.redo)-1]
	b.undo = append(b.undo, b.state(s.seq, s.when))
	b.restore(s)
	return s, true
}

// saved marks the buffer as written: undoing a change now modifies it.
func (b *edbuf) saved() {
	b.modified = false
	for i := range b.undo {
		b.undo[i].modified = true
	}
	for i := range b.redo {
		b.redo[i].modified = true
	}
}

// runeCells is how many cells r takes when drawn at column col: a tab
// reaches the next tab stop, a control character shows as ^X, an East
// Asian wide character takes two.
func runeCells(r rune, col int) int {
	switch {
	case r == '\t':
		return edTab - col%edTab
	case r < 0x20 || r == 0x7f:
		return 2
	case r < 0x7f:
		return 1
	}
	w := uniseg.StringWidth(string(r))
	if w < 1 {
		return 1
	}
	return w
}

// displayCol is the column where rune i of l starts (len(l) for the end).
func displayCol(l []rune, i int) int {
	col := 0
	for _, r := range l[:min(i, len(l))] {
		col += runeCells(r, col)
	}
	return col
}

// lineWidth is how many columns l takes.
func lineWidth(l []rune) int { return displayCol(l, len(l)) }

// indexAtCol is the rune of l that covers column col (len(l) past the
// end).
func indexAtCol(l []rune, col int) int {
	c := 0
	for i, r := range l {
		w := runeCells(r, c)
		if col < c+w {
			return i
		}
		c += w
	}
	return len(l)
}

// cellText is how rune r drawn at column col looks: spaces for a tab,
// ^X for a control character.
func cellText(r rune, col int) string {
	switch {
	case r == '\t':
		return strings.Repeat(" ", edTab-col%edTab)
	case r < 0x20:
		return "^" + string(r+'@')
	case r == 0x7f:
		return "^?"
	}
	return string(r)
}

// Keys as the editors see them: a rune typed, a control character (Enter
// is '\r', Ctrl-J '\n', Backspace and Ctrl-H 0x08, Esc 0x1b), or one of
// these for the keys that send no character.
const (
	ekUp rune = 0xF0000 + iota // a private-use rune no keyboard types
	ekDown
	ekLeft
	ekRight
	ekHome
	ekEnd
	ekPgUp
	ekPgDn
	ekInsert
	ekDelete
	ekF1   // ekF1+n-1 is Fn, up to F12
	ekNone = ekF1 + 12
)

const (
	ekBS    rune = 0x08
	ekTab   rune = '\t'
	ekEnter rune = '\r'
	ekEsc   rune = 0x1b
)

// edCtrl is the key of Ctrl and letter c.
func edCtrl(c rune) rune { return c &^ 0x60 }

// edKey reads a key event as an editor key.
func edKey(ev *tcell.EventKey) rune {
	switch k := ev.Key(); {
	case k == tcell.KeyRune:
		return ev.Rune()
	case k == tcell.KeyBackspace || k == tcell.KeyBackspace2:
		return ekBS
	case k < 0x20: // Enter, Tab, Esc, Backspace, and control bytes as sent
		return rune(k)
	case k >= tcell.KeyCtrlSpace && k <= tcell.KeyCtrlUnderscore: // Ctrl-A is KeyCtrlA, not 1
		return rune(k - tcell.KeyCtrlSpace)
	case k >= tcell.KeyF1 && k <= tcell.KeyF12:
		return ekF1 + rune(k-tcell.KeyF1)
	}
	switch ev.Key() {
	case tcell.KeyUp:
		return ekUp
	case tcell.KeyDown:
		return ekDown
	case tcell.KeyLeft:
		return ekLeft
	case tcell.KeyRight:
		return ekRight
	case tcell.KeyHome:
		return ekHome
	case tcell.KeyEnd:
		return ekEnd
	case tcell.KeyPgUp:
		return ekPgUp
	case tcell.KeyPgDn:
		return ekPgDn
	case tcell.KeyInsert:
		return ekInsert
	case tcell.KeyDelete:
		return ekDelete
	}
	return ekNone
}

// findAllIn is every match of re in the line l, as pairs of rune
// indexes (start, end), left to right and not overlapping.
func findAllIn(re *regexp.Regexp, l []rune) [][2]int {
	s := string(l)
	locs := re.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return nil
	}
	out := make([][2]int, 0, len(locs))
	for _, loc := range locs {
		out = append(out, [2]int{utf8.RuneCountInString(s[:loc[0]]), utf8.RuneCountInString(s[:loc[1]])})
	}
	return out
}
