package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// newNano opens nano (GNU nano 1.3.12, as on CentOS 5) on the file req
// names. save writes a file on the machine and returns the reason it
// could not; done returns to the shell.
func newNano(e *env, req *sim.Screen, save func(path, data string) error, done func()) tview.Primitive {
	return newNanoEditor(e, edRequestOf(req), save, done)
}

// nanoVersion is the title bar's version message.
const nanoVersion = "GNU nano 1.3.12"

// nanoStatusKeys is how many keystrokes a status message stays for.
const nanoStatusKeys = 25

// nanoShortcut is one entry of nano's two-line shortcut bar.
type nanoShortcut struct{ key, desc string }

// nano 1.3.12's shortcut lists, in its order: the bar shows them in
// columns, two to a column.
var (
	nanoMainKeys = []nanoShortcut{
		{"^G", "Get Help"}, {"^X", "Exit"}, {"^O", "WriteOut"}, {"^J", "Justify"},
		{"^R", "Read File"}, {"^W", "Where Is"}, {"^Y", "Prev Page"}, {"^V", "Next Page"},
		{"^K", "Cut Text"}, {"^U", "UnCut Text"}, {"^C", "Cur Pos"}, {"^T", "To Spell"},
	}
	nanoSearchKeys = []nanoShortcut{
		{"^G", "Get Help"}, {"^C", "Cancel"}, {"^Y", "First Line"}, {"^V", "Last Line"},
		{"^R", "Replace"}, {"^T", "Go To Line"}, {"^W", "Beg of Par"}, {"^O", "End of Par"},
		{"M-C", "Case Sens"}, {"M-B", "Direction"}, {"M-R", "Regexp"}, {"Up", "History"},
	}
	nanoWriteKeys = []nanoShortcut{
		{"^G", "Get Help"}, {"^C", "Cancel"}, {"^T", "To Files"}, {"M-D", "DOS Format"},
		{"M-M", "Mac Format"}, {"M-A", "Append"}, {"M-P", "Prepend"}, {"M-B", "Backup File"},
	}
	nanoGotoKeys = []nanoShortcut{
		{"^G", "Get Help"}, {"^C", "Cancel"}, {"^Y", "First Line"}, {"^V", "Last Line"},
		{"^T", "Go To Text"},
	}
)

// nanoPrompt is the question on the status line, if any.
type nanoPrompt int

const (
	nanoNoPrompt  nanoPrompt = iota
	nanoWrite                // File Name to Write
	nanoExitWrite            // the same, on the way out (^X, Y)
	nanoSearch               // Search
	nanoGoto                 // Enter line number, column number
	nanoYesNo                // Save modified buffer?
)

// newNanoEditor opens nano on req, as newNano does.
func newNanoEditor(e *env, req edRequest, save func(path, data string) error, done func()) *nanoEditor {
	buf, _ := newEdbuf(req.data)
	if req.data != "" {
		buf.lines = append(buf.lines, []rune{}) // the "magic line" after the last newline
	}
	n := &nanoEditor{Box: newBox(), env: e, buf: buf, save: save, done: done,
		req: req, name: req.name, path: req.path, view: req.readOnly, w: 80, h: 24}
	if n.name == "" {
		n.name = req.path
	}
	switch {
	case n.name == "":
	case req.isDir:
		n.status(quoted(n.name) + " is a directory")
	case !req.exists:
		n.status("New File")
	default:
		lines := countLines(req.data)
		n.status(plural(lines, "Read %d line", "Read %d lines"))
	}
	if req.line > 0 {
		buf.row = min(req.line, len(buf.lines)) - 1
	}
	if req.line < 0 {
		buf.row = len(buf.lines) - 1
	}
	n.adjust()
	return n
}

// plural formats n with the singular or the plural format.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf(one, n)
	}
	return fmt.Sprintf(many, n)
}

// nanoEditor is a small GNU nano 1.3.12: modeless editing, the cut
// buffer, search, go to line, and the prompts that write and exit, drawn
// as nano draws them.
type nanoEditor struct {
	*tview.Box
	env  *env
	buf  *edbuf
	save func(path, data string) error
	done func()

	req    edRequest
	name   string // the file name in the title bar ("" for a new buffer)
	path   string // where ^O writes by default
	view   bool   // view mode (-v): nothing may change
	closed bool

	want int // placewewant: the column up and down aim for
	top  int // the first line in the edit window
	w, h int

	msg     string // the status message, shown in [ ]
	msgLeft int    // keystrokes until it goes

	cut     [][]rune // the cut buffer: whole lines
	keepCut bool     // the last key was ^K: the next cut adds to the buffer

	prompt     nanoPrompt
	answer     []rune
	acur       int
	lastSearch string
}

// InputHandler passes every key to nano.
func (n *nanoEditor) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return n.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) { n.key(ev) })
}

// status shows a message on the status line.
func (n *nanoEditor) status(s string) { n.msg, n.msgLeft = s, nanoStatusKeys }

// editRows is the edit window's height.
func (n *nanoEditor) editRows() int { return max(1, n.h-5) }

// last is the index of the magic line.
func (n *nanoEditor) last() int { return len(n.buf.lines) - 1 }

// key handles one key.
func (n *nanoEditor) key(ev *tcell.EventKey) {
	if n.closed {
		return
	}
	k := edKey(ev)
	alt := ev.Key() == tcell.KeyRune && ev.Modifiers()&tcell.ModAlt != 0
	if n.msgLeft > 0 {
		n.msgLeft--
		if n.msgLeft == 0 {
			n.msg = ""
		}
	}
	if n.prompt != nanoNoPrompt {
		n.promptKey(k, alt)
		return
	}
	cutting := false
	b := n.buf
	if n.view && n.changes(k, alt) {
		n.status("Key illegal in VIEW mode")
		return
	}
	switch {
	case alt:
		n.metaKey(unicode.ToLower(ev.Rune()))
	case k == edCtrl('X') || k == ekF1+1:
		if !b.modified {
			n.quit()
			return
		}
		n.ask(nanoYesNo, "")
	case k == edCtrl('O') || k == ekF1+2:
		n.ask(nanoWrite, n.name)
	case k == edCtrl('W') || k == ekF1+5:
		n.ask(nanoSearch, "")
	case k == edCtrl('_'):
		n.ask(nanoGoto, "")
	case k == edCtrl('K') || k == ekF1+8:
		n.cutLine()
		cutting = true
	case k == edCtrl('U') || k == ekF1+9:
		n.uncut()
	case k == edCtrl('C') || k == ekF1+10:
		n.cursorPos()
	case k == edCtrl('Y') || k == ekF1+6 || k == ekPgUp:
		n.pageUp()
	case k == edCtrl('V') || k == ekF1+7 || k == ekPgDn:
		n.pageDown()
	case k == edCtrl('P') || k == ekUp:
		n.up()
	case k == edCtrl('N') || k == ekDown:
		n.down()
	case k == edCtrl('F') || k == ekRight:
		n.right()
	case k == edCtrl('B') || k == ekLeft:
		n.left()
	case k == edCtrl('A') || k == ekHome:
		b.col, n.want = 0, 0
	case k == edCtrl('E') || k == ekEnd:
		b.col = len(b.cur())
		n.want = n.xplustabs()
	case k == edCtrl('D') || k == ekDelete:
		n.delete()
	case k == ekBS:
		n.backspace()
	case k == ekEnter:
		n.enter()
	case k == edCtrl('L'):
	case k == ekTab || (k >= 0x20 && k < ekUp):
		n.insert(k)
	}
	if !cutting {
		n.keepCut = false
	}
	n.adjust()
}

// changes is whether key k edits the buffer or writes it, which view
// mode forbids.
func (n *nanoEditor) changes(k rune, alt bool) bool {
	if alt {
		return false
	}
	switch k {
	case edCtrl('O'), ekF1 + 2, edCtrl('K'), ekF1 + 8, edCtrl('U'), ekF1 + 9, edCtrl('D'), ekDelete, ekBS, ekEnter, ekTab,
		edCtrl('J'), ekF1 + 3, edCtrl('R'), ekF1 + 4, edCtrl('T'), ekF1 + 11:
		return true
	}
	return k >= 0x20 && k < ekUp
}

// state is what the title bar says of the buffer: Modified, View, or
// nothing.
func (n *nanoEditor) state() string {
	switch {
	case n.buf.modified:
		return "Modified"
	case n.view:
		return "View"
	}
	return ""
}

// metaKey handles the Meta (Alt) keys nano has in its main list.
func (n *nanoEditor) metaKey(r rune) {
	switch r {
	case '\\', '|':
		n.buf.row, n.buf.col, n.want = 0, 0, 0
	case '/', '?':
		n.buf.row, n.buf.col, n.want = n.last(), 0, 0
	case 'g':
		n.ask(nanoGoto, "")
	case 'w':
		n.research()
	}
}

// quit leaves nano.
func (n *nanoEditor) quit() {
	n.closed = true
	n.done()
}

// ask puts a prompt on the status line with a first answer.
func (n *nanoEditor) ask(p nanoPrompt, answer string) {
	n.prompt = p
	n.answer = []rune(answer)
	n.acur = len(n.answer)
}

// promptText is the question of the prompt being asked.
func (n *nanoEditor) promptText() string {
	switch n.prompt {
	case nanoWrite, nanoExitWrite:
		return "File Name to Write"
	case nanoSearch:
		if n.lastSearch != "" {
			s := n.lastSearch
			if textWidth(s) > n.w/3 {
				s = string([]rune(s)[:max(0, n.w/3)]) + "..."
			}
			return "Search [" + s + "]"
		}
		return "Search"
	case nanoGoto:
		return "Enter line number, column number"
	case nanoYesNo:
		return `Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ? `
	}
	return ""
}

// promptKey handles a key while a prompt is asked.
func (n *nanoEditor) promptKey(k rune, alt bool) {
	if n.prompt == nanoYesNo {
		switch {
		case k == 'y' || k == 'Y':
			n.ask(nanoExitWrite, n.name)
		case k == 'n' || k == 'N':
			n.prompt = nanoNoPrompt
			n.quit()
		case k == edCtrl('C'):
			n.prompt = nanoNoPrompt
			n.status("Cancelled")
		}
		return
	}
	if alt {
		return
	}
	switch k {
	case edCtrl('C'):
		n.prompt = nanoNoPrompt
		n.status("Cancelled")
	case ekEnter:
		p, answer := n.prompt, string(n.answer)
		n.prompt = nanoNoPrompt
		n.answered(p, answer)
	case ekBS:
		if n.acur > 0 {
			n.answer = append(n.answer[:n.acur-1], n.answer[n.acur:]...)
			n.acur--
		}
	case ekDelete, edCtrl('D'):
		if n.acur < len(n.answer) {
			n.answer = append(n.answer[:n.acur], n.answer[n.acur+1:]...)
		}
	case ekLeft, edCtrl('B'):
		n.acur = max(0, n.acur-1)
	case ekRight, edCtrl('F'):
		n.acur = min(len(n.answer), n.acur+1)
	case ekHome, edCtrl('A'):
		n.acur = 0
	case ekEnd, edCtrl('E'):
		n.acur = len(n.answer)
	case edCtrl('K'):
		n.answer, n.acur = nil, 0
	case edCtrl('Y'), edCtrl('V'):
		if n.prompt == nanoSearch || n.prompt == nanoGoto {
			n.prompt = nanoNoPrompt
			n.buf.row, n.buf.col, n.want = 0, 0, 0
			if k == edCtrl('V') {
				n.buf.row = n.last()
			}
			n.adjust()
		}
	default:
		if k == ekTab || (k >= 0x20 && k < ekUp) {
			n.answer = append(n.answer[:n.acur], append([]rune{k}, n.answer[n.acur:]...)...)
			n.acur++
		}
	}
}

// answered acts on a prompt's answer.
func (n *nanoEditor) answered(p nanoPrompt, answer string) {
	switch p {
	case nanoWrite, nanoExitWrite:
		if answer == "" {
			n.status("Cancelled")
			return
		}
		if n.write(answer) && p == nanoExitWrite {
			n.quit()
		}
	case nanoSearch:
		if answer == "" {
			if n.lastSearch == "" {
				n.status("Cancelled")
				return
			}
			answer = n.lastSearch
		}
		n.lastSearch = answer
		n.research()
	case nanoGoto:
		n.gotoLine(answer)
	}
}

// write saves the buffer as name: "[ Wrote 53 lines ]".
func (n *nanoEditor) write(name string) bool {
	path := n.req.abs(name)
	if name == n.name && n.path != "" {
		path = n.path
	}
	text := n.text()
	if err := n.save(path, text); err != nil {
		n.status(fmt.Sprintf("Error writing %s: %s", name, errReason(err)))
		return false
	}
	if name != n.name {
		n.name, n.path = name, path
	}
	n.buf.modified = false
	n.status(plural(len(n.buf.lines)-1, "Wrote %d line", "Wrote %d lines"))
	return true
}

// errReason is the strerror text of a write error: "Permission denied".
func errReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// text is the file nano writes: every line but the magic one, each with
// its newline.
func (n *nanoEditor) text() string {
	var sb strings.Builder
	for _, l := range n.buf.lines[:n.last()] {
		sb.WriteString(string(l))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// research looks for the last search again, forward from the cursor,
// case-insensitively, wrapping at the end.
func (n *nanoEditor) research() {
	if n.lastSearch == "" {
		return
	}
	re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(n.lastSearch))
	b := n.buf
	lines := b.lines
	for i := 0; i <= len(lines); i++ {
		r := (b.row + i) % len(lines)
		for _, m := range findAllIn(re, lines[r]) {
			if i == 0 && m[0] <= b.col {
				continue
			}
			if i == len(lines) && m[0] > b.col {
				break
			}
			wrapped := b.row+i >= len(lines)
			same := r == b.row && m[0] == b.col
			b.row, b.col = r, m[0]
			n.want = n.xplustabs()
			switch {
			case same:
				n.status("This is the only occurrence")
			case wrapped:
				n.status("Search Wrapped")
			}
			n.adjust()
			return
		}
	}
	s := n.lastSearch
	more := ""
	if textWidth(s) > n.w/2 {
		s = string([]rune(s)[:n.w/2])
		more = "..."
	}
	n.status(fmt.Sprintf("%q%s not found", s, more))
}

// gotoLine is ^_: "line[,column]".
func (n *nanoEditor) gotoLine(answer string) {
	parts := strings.SplitN(answer, ",", 2)
	line, err := strconv.Atoi(strings.TrimSpace(parts[0]))
	col := 1
	if err == nil && len(parts) == 2 {
		col, err = strconv.Atoi(strings.TrimSpace(parts[1]))
	}
	if err != nil || line < 1 || col < 1 {
		n.status("Come on, be reasonable")
		return
	}
	b := n.buf
	b.row = min(line, len(b.lines)) - 1
	b.col = min(indexAtCol(b.cur(), col-1), len(b.cur()))
	n.want = n.xplustabs()
	n.adjust()
}

// cursorPos is ^C: "[ line 1/54 (1%), col 1/28 (3%), char 0/1666 (0%) ]".
func (n *nanoEditor) cursorPos() {
	b := n.buf
	total, before := 0, 0
	for r, l := range b.lines {
		if r == b.row {
			before = total + min(b.col, len(l))
		}
		total += len(l)
		if r < n.last() {
			total++
		}
	}
	lines := len(b.lines)
	xpt, lenpt := n.xplustabs()+1, lineWidth(b.cur())+1
	charpct := 0
	if total > 0 {
		charpct = 100 * before / total
	}
	n.status(fmt.Sprintf("line %d/%d (%d%%), col %d/%d (%d%%), char %d/%d (%d%%)",
		b.row+1, lines, 100*(b.row+1)/lines, xpt, lenpt, 100*xpt/lenpt, before, total, charpct))
}

// xplustabs is the cursor's display column.
func (n *nanoEditor) xplustabs() int { return displayCol(n.buf.cur(), n.buf.col) }

// placeCol puts the cursor on its line at the wanted column.
func (n *nanoEditor) placeCol() {
	b := n.buf
	b.col = min(indexAtCol(b.cur(), n.want), len(b.cur()))
}

func (n *nanoEditor) up() {
	b := n.buf
	if b.row == 0 {
		return
	}
	if b.row == n.top {
		n.top = max(0, n.top-n.editRows()/2) // nano scrolls half a screen
	}
	b.row--
	n.placeCol()
}

func (n *nanoEditor) down() {
	b := n.buf
	if b.row >= n.last() {
		return
	}
	if b.row-n.top == n.editRows()-1 {
		n.top = min(n.top+n.editRows()/2, n.last())
	}
	b.row++
	n.placeCol()
}

func (n *nanoEditor) right() {
	b := n.buf
	switch {
	case b.col < len(b.cur()):
		b.col++
	case b.row < n.last():
		n.down()
		b.col = 0
	}
	n.want = n.xplustabs()
}

func (n *nanoEditor) left() {
	b := n.buf
	switch {
	case b.col > 0:
		b.col--
	case b.row > 0:
		n.up()
		b.col = len(b.cur())
	}
	n.want = n.xplustabs()
}

// pageUp is ^Y: a screen up, less two lines, to the start of the line.
func (n *nanoEditor) pageUp() {
	b := n.buf
	d := max(1, n.editRows()-2)
	if b.row < d {
		b.row, b.col, n.want = 0, 0, 0
		return
	}
	b.row = max(0, n.top-d)
	n.top = max(0, n.top-d)
	n.want = 0
	n.placeCol()
}

// pageDown is ^V: a screen down, less two lines.
func (n *nanoEditor) pageDown() {
	b := n.buf
	if n.top+n.editRows() > n.last() {
		b.row, b.col, n.want = n.last(), 0, 0
		return
	}
	d := max(1, n.editRows()-2)
	b.row = min(n.top+d, n.last())
	n.top = min(n.top+d, n.last())
	n.want = 0
	n.placeCol()
}

// changed keeps the magic line: a buffer always ends with an empty line.
func (n *nanoEditor) changed() {
	b := n.buf
	if len(b.lines[len(b.lines)-1]) > 0 {
		b.insertLines(len(b.lines), []rune{})
	}
}

func (n *nanoEditor) insert(r rune) {
	b := n.buf
	_, b.col = b.insertText(b.row, b.col, []rune{r})
	n.want = n.xplustabs()
	n.changed()
}

func (n *nanoEditor) enter() {
	b := n.buf
	b.row, b.col = b.insertText(b.row, b.col, []rune{'\n'})
	n.want = 0
	n.changed()
	if b.row-n.top >= n.editRows() {
		n.top = min(n.top+n.editRows()/2, n.last())
	}
}

func (n *nanoEditor) backspace() {
	b := n.buf
	switch {
	case b.col > 0:
		b.deleteText(b.row, b.col-1, b.row, b.col)
		b.col--
	case b.row > 0:
		if b.row == n.top {
			n.top = max(0, n.top-n.editRows()/2)
		}
		prev := len(b.lines[b.row-1])
		b.deleteText(b.row-1, prev, b.row, 0)
		b.row, b.col = b.row-1, prev
	default:
		return
	}
	n.want = n.xplustabs()
	n.changed()
}

// delete is ^D: the character under the cursor; at the end of a line the
// newline, except the one before the magic line (unless the line is
// empty, when it becomes the magic line).
func (n *nanoEditor) delete() {
	b := n.buf
	switch {
	case b.col < len(b.cur()):
		b.deleteText(b.row, b.col, b.row, b.col+1)
	case b.row < n.last() && (b.row+1 < n.last() || len(b.cur()) == 0):
		b.deleteText(b.row, b.col, b.row+1, 0)
	default:
		return
	}
	n.changed()
}

// cutLine is ^K: the cursor's line goes to the cut buffer (added to it
// when the last key was ^K too).
func (n *nanoEditor) cutLine() {
	b := n.buf
	if !n.keepCut {
		n.cut = nil
	}
	n.keepCut = true
	if b.row == n.last() {
		return // the magic line is never cut
	}
	n.cut = append(n.cut, b.cur())
	b.deleteLines(b.row, b.row+1)
	b.col, n.want = 0, 0
	if len(b.lines) == 0 {
		b.lines = [][]rune{{}}
	}
	n.changed()
}

// uncut is ^U: the cut buffer goes back at the cursor.
func (n *nanoEditor) uncut() {
	b := n.buf
	if len(n.cut) == 0 {
		return
	}
	var text []rune
	for _, l := range n.cut {
		text = append(text, l...)
		text = append(text, '\n')
	}
	b.row, b.col = b.insertText(b.row, b.col, text)
	n.want = n.xplustabs()
	n.changed()
}

// adjust scrolls so that the cursor is in the edit window, centring it
// when it is out, as nano's edit_update(CENTER) does.
func (n *nanoEditor) adjust() {
	b := n.buf
	rows := n.editRows()
	b.row = max(0, min(b.row, n.last()))
	b.col = max(0, min(b.col, len(b.cur())))
	if b.row >= n.top && b.row < n.top+rows {
		return
	}
	n.top = max(0, b.row-rows/2)
}

// pageStart is the first column shown of a line whose cursor is at
// column col: nano scrolls a long line in chunks.
func (n *nanoEditor) pageStart(col int) int {
	w := n.w
	switch {
	case col == 0 || col < w-1:
		return 0
	case w > 9:
		return col - 7 - (col-7)%(w-8)
	case w > 2:
		return col - (w - 2)
	}
	return col - (w - 1)
}

// nanoTitle is the title bar's text, w cells wide, laid out as nano
// 1.3.12's titlebar() lays it out; state is "Modified", "View" or "".
func nanoTitle(w int, name string, state string) string {
	line := []rune(strings.Repeat(" ", w))
	put := func(x int, s string) int {
		for _, r := range s {
			if x >= 0 && x < w {
				line[x] = r
			}
			x++
		}
		return x
	}
	verlen := textWidth(nanoVersion) + 1
	space := 0
	if w > 5 && w-5 >= verlen {
		space = max(w-5-verlen, w-w/3+1)
	}
	x := 0
	if w > 4 {
		ver := nanoVersion
		if n := w/3 - 3; n < len(ver) {
			ver = ver[:max(0, n)]
		}
		x = put(2, ver)
		x += 2
	}
	statelen := min(textWidth("Modified"), max(0, space-1)) + 1
	if state != "" {
		statelen = textWidth(state)
		if statelen < w {
			statelen++
		}
	}
	if space > 0 && statelen < space {
		prefix, newBuffer := "File:", name == ""
		if newBuffer {
			prefix = "New Buffer"
		}
		prefixlen := min(textWidth(prefix), space-statelen)
		if !newBuffer && prefixlen+statelen < space {
			prefixlen++
		}
		space -= prefixlen + statelen
		if !newBuffer {
			if textWidth(name) > space {
				rs := []rune(name)
				for len(rs) > 0 && textWidth(string(rs)) > max(0, space-3) {
					rs = rs[1:]
				}
				x = put(x, prefix+" ...")
				put(x, string(rs))
			} else {
				x += (space - textWidth(name)) / 3
				put(x, prefix+" "+name)
			}
		} else {
			x += space / 3
			put(x, prefix)
		}
	}
	if state != "" {
		put(w-statelen-1, state)
	}
	return string(line)
}

// Draw draws nano's screen: title bar, edit window, status line and the
// shortcut bar.
func (n *nanoEditor) Draw(screen tcell.Screen) {
	n.Box.DrawForSubclass(screen, n)
	x0, y0, w, h := n.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	n.w, n.h = w, h
	n.adjust()
	rev := tcell.StyleDefault.Reverse(true)
	printText(screen, x0, y0, w, nanoTitle(w, n.name, n.state()), rev)

	b := n.buf
	rows := n.editRows()
	curX, curY := 0, -1
	for i := 0; i < rows && n.top+i < len(b.lines); i++ {
		r := n.top + i
		l := b.lines[r]
		start := 0
		if r == b.row {
			col := n.xplustabs()
			start = n.pageStart(col)
			curX, curY = col-start, 2+i
		}
		n.drawLine(screen, x0, y0+2+i, w, l, start)
	}

	status := y0 + h - 3
	switch {
	case n.prompt == nanoYesNo:
		fill(screen, x0, status, w, rev)
		used := printText(screen, x0, status, w-1, n.promptText(), rev)
		curX, curY = used, h-3
		n.drawYesNo(screen, x0, y0+h-2)
	case n.prompt != nanoNoPrompt:
		fill(screen, x0, status, w, rev)
		p := n.promptText() + ": "
		used := printText(screen, x0, status, w, p, rev)
		printText(screen, x0+used, status, w-used, string(n.answer), rev)
		curX, curY = used+textWidth(string(n.answer[:n.acur])), h-3
		keys := map[nanoPrompt][]nanoShortcut{nanoWrite: nanoWriteKeys, nanoExitWrite: nanoWriteKeys,
			nanoSearch: nanoSearchKeys, nanoGoto: nanoGotoKeys}[n.prompt]
		n.drawBar(screen, x0, y0+h-2, w, keys)
	default:
		if n.msg != "" {
			s := truncate(n.msg, max(0, w-4))
			start := (w - textWidth(s) - 4) / 2
			printText(screen, x0+max(0, start), status, w, "[ "+s+" ]", rev)
		}
		n.drawBar(screen, x0, y0+h-2, w, nanoMainKeys)
	}
	if n.HasFocus() && curY >= 0 && curY < h {
		screen.ShowCursor(x0+curX, y0+curY)
	}
}

// drawLine draws line l from column start, with nano's $ where the line
// goes on beyond the screen's edges.
func (n *nanoEditor) drawLine(screen tcell.Screen, x, y, w int, l []rune, start int) {
	st := tcell.StyleDefault
	put := func(col int, r rune, width int) {
		if cx := col - start; cx >= 0 && cx+width <= w {
			screen.SetContent(x+cx, y, r, nil, st)
		}
	}
	col := 0
	for _, r := range l {
		cells := runeCells(r, col)
		switch {
		case r == '\t':
			for i := 0; i < cells; i++ {
				put(col+i, ' ', 1)
			}
		case r < 0x20 || r == 0x7f:
			t := []rune(cellText(r, col))
			put(col, t[0], 1)
			put(col+1, t[1], 1)
		default:
			put(col, r, cells)
		}
		col += cells
	}
	if start > 0 {
		screen.SetContent(x, y, '$', nil, st)
	}
	if col > start+w {
		screen.SetContent(x+w-1, y, '$', nil, st)
	}
}

// drawBar draws a two-line shortcut bar: the keys in reverse video, their
// descriptions after them, in as many columns as the list needs.
func (n *nanoEditor) drawBar(screen tcell.Screen, x, y, w int, keys []nanoShortcut) {
	if len(keys) == 0 {
		return
	}
	cols := (len(keys) + 1) / 2
	colw := w / cols
	for i, k := range keys {
		cx, cy := x+(i/2)*colw, y+i%2
		used := printText(screen, cx, cy, colw, k.key, tcell.StyleDefault.Reverse(true))
		if room := colw - used - 1; room > 0 {
			printText(screen, cx+used+1, cy, room, k.desc, tcell.StyleDefault)
		}
	}
}

// drawYesNo draws the Yes/No/Cancel keys of "Save modified buffer?".
func (n *nanoEditor) drawYesNo(screen tcell.Screen, x, y int) {
	rev := tcell.StyleDefault.Reverse(true)
	one := func(cx, cy int, key, desc string) {
		used := printText(screen, cx, cy, 16, key, rev)
		printText(screen, cx+used+1, cy, 16-used-1, desc, tcell.StyleDefault)
	}
	one(x, y, " Y", "Yes")
	one(x, y+1, " N", "No")
	one(x+16, y+1, "^C", "Cancel")
}
