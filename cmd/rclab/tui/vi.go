package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// newVi opens vi (vim 7.0, as CentOS 5's /bin/vi shows it) on the file
// req names. save writes a file on the machine and returns the reason it
// could not; done returns to the shell.
func newVi(e *env, req *sim.Screen, save func(path, data string) error, done func()) tview.Primitive {
	return newViEditor(e, edRequestOf(req), save, done)
}

// viMode is what vi's keys do now.
type viMode int

const (
	viNormal  viMode = iota
	viInsert         // -- INSERT --
	viReplace        // -- REPLACE --
	viCmdline        // typing an ex command (:) or a search (/ ?)
)

// viMsgKind is how vi's message line is highlighted.
type viMsgKind int

const (
	viMsgPlain viMsgKind = iota
	viMsgError           // ErrorMsg: white on red
	viMsgWarn            // WarningMsg: red
)

// vimReport is vim's 'report': changes of more lines than this are told.
const vimReport = 2

// viMaxCol is the wanted column after $: the end of every line.
const viMaxCol = 1 << 30

// Limits that keep a huge count from hanging the UI: the runes one put
// adds, and the matches a search counts.
const (
	viMaxPut    = 1 << 20
	viMaxSearch = 10000
)

// viReg is vi's unnamed register: what was last deleted or yanked.
type viReg struct {
	text     []rune // with newlines between lines
	linewise bool
	set      bool
}

// viMotion is where a motion goes and how an operator treats the text
// between the cursor and there.
type viMotion struct {
	to        edPos
	linewise  bool
	inclusive bool
	keepWant  bool // j, k and the like keep the wanted column
	toEnd     bool // $: the wanted column becomes the end of line
}

// edPos is a position in a buffer: a line and a rune index.
type edPos struct{ r, c int }

func (p edPos) less(q edPos) bool { return p.r < q.r || (p.r == q.r && p.c < q.c) }

// viEditor is a small vim: normal, insert, replace and command-line
// modes, the common commands with counts, undo and redo, search, and the
// ex commands that write and quit. It draws itself the way vim 7.0 does in
// a terminal of the same size.
type viEditor struct {
	*tview.Box
	env  *env
	buf  *edbuf
	save func(path, data string) error
	done func()
	now  func() time.Time

	req      edRequest
	name     string // the file name shown, as typed
	path     string // where :w writes
	exists   bool   // the file is on the machine
	readOnly bool   // 'readonly'
	warnedRO bool   // W10 was given
	orig     string // the text last read or written, for :e!
	closed   bool
	exit     int // the exit status vim ends with: 1 after :cq

	mode    viMode
	count   int  // the count being typed
	op      rune // an operator waiting for its motion: d, c, y
	opCount int  // the count typed before the operator
	pending rune // a command waiting for its next key: g, Z, r, f, F, t, T, ", z
	reg     viReg

	cmdType rune   // ':' '/' '?'
	cmd     []rune // the command line being typed
	hist    map[rune][]string
	histIdx int

	msg     string
	msgKind viMsgKind

	lastPat  string
	lastDir  int  // 1 forward, -1 backward
	findChar rune // the last f, F, t or T
	findKind rune

	number, ignorecase, wrapscan, list, ruler, autoindent, hlsearch bool

	top  int // the first line shown
	w, h int // the whole screen, cells
	want int // the column j and k aim for

	rec       []*tcell.EventKey // the keys of the command being typed
	dot       []*tcell.EventKey // the keys of the last change, for .
	replaying bool
	noDot     bool // the command is not one . repeats (u, Ctrl-R, ., :)
	noReport  bool // the command reports its own changes (u, Ctrl-R)
	startTick int
	startRows int
	replaced  []rune // in replace mode, the runes typed over (-1: none)
}

// newViEditor opens vi on req, as newVi does.
func newViEditor(e *env, req edRequest, save func(path, data string) error, done func()) *viEditor {
	buf, noEOL := newEdbuf(req.data)
	v := &viEditor{
		Box: newBox(), env: e, buf: buf, save: save, done: done, now: time.Now,
		req: req, name: req.name, path: req.path, exists: req.exists, readOnly: req.readOnly, orig: req.data,
		hist: map[rune][]string{}, lastDir: 1,
		wrapscan: true, ruler: true,
		w: 80, h: 24,
	}
	if v.name == "" {
		v.name = req.path
	}
	if req.line != 0 {
		n := req.line
		if n < 0 || n > len(buf.lines) {
			n = len(buf.lines)
		}
		buf.row = n - 1
		buf.col = firstNonBlank(buf.cur())
	}
	switch {
	case v.name == "":
	case req.isDir:
		v.msg = quoted(v.name) + " is a directory"
	case !req.exists:
		v.msg = quoted(v.name) + " [New File]"
	default:
		flags := ""
		if req.readOnly {
			flags += "[readonly] "
		}
		if noEOL {
			flags += "[noeol] "
		}
		v.msg = fmt.Sprintf("%s %s%dL, %dC", quoted(v.name), flags, countLines(req.data), len(req.data))
	}
	if req.search != "" {
		v.startSearch(req.search)
	}
	v.scrollToCursor()
	return v
}

// startSearch is +/pattern: the first line after the cursor's that
// matches, as the ex address :/pattern finds it.
func (v *viEditor) startSearch(pat string) {
	v.lastPat, v.lastDir = pat, 1
	re := vimRegexp(pat, v.ignorecase)
	n := len(v.buf.lines)
	for i := 1; i <= n; i++ {
		r := (v.buf.row + i) % n
		if findAllIn(re, v.buf.lines[r]) != nil {
			v.buf.row, v.buf.col = r, firstNonBlank(v.buf.lines[r])
			return
		}
	}
	v.emsg("E486: Pattern not found: %s", pat)
}

// countLines is how many lines vim counts in data: an unterminated last
// line counts.
func countLines(data string) int {
	n := strings.Count(data, "\n")
	if data != "" && !strings.HasSuffix(data, "\n") {
		n++
	}
	return n
}

// quoted is a file name in double quotes, as vim shows it.
func quoted(name string) string { return `"` + name + `"` }

// firstNonBlank is the index of the first rune of l that is not a space
// or a tab.
func firstNonBlank(l []rune) int {
	for i, r := range l {
		if r != ' ' && r != '\t' {
			return i
		}
	}
	return max(0, len(l)-1)
}

// InputHandler passes every key to vi.
func (v *viEditor) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return v.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) { v.key(ev) })
}

// setMsg shows a message on the last line.
func (v *viEditor) setMsg(kind viMsgKind, format string, args ...any) {
	v.msgKind = kind
	if len(args) == 0 {
		v.msg = format
	} else {
		v.msg = fmt.Sprintf(format, args...)
	}
}

func (v *viEditor) emsg(format string, args ...any) { v.setMsg(viMsgError, format, args...) }

// key handles one key in any mode.
func (v *viEditor) key(ev *tcell.EventKey) {
	if v.closed {
		return
	}
	k := edKey(ev)
	if ev.Key() == tcell.KeyRune && ev.Modifiers()&tcell.ModAlt != 0 {
		// a terminal sends Alt-x as Esc x
		v.key(tcell.NewEventKey(tcell.KeyEscape, 0, tcell.ModNone))
		ev = tcell.NewEventKey(tcell.KeyRune, ev.Rune(), tcell.ModNone)
	}
	switch v.mode {
	case viInsert, viReplace:
		v.record(ev)
		v.insertKey(k)
	case viCmdline:
		v.cmdlineKey(k)
	default:
		v.normalKey(k, ev)
	}
	if !v.closed {
		v.scrollToCursor()
	}
}

// record keeps a key of the change being typed, for the . command.
func (v *viEditor) record(ev *tcell.EventKey) {
	if !v.replaying {
		v.rec = append(v.rec, ev)
	}
}

// fresh is whether no command is half typed.
func (v *viEditor) fresh() bool { return v.count == 0 && v.op == 0 && v.pending == 0 }

// normalKey handles a key in normal mode: it starts, continues or
// completes a command.
func (v *viEditor) normalKey(k rune, ev *tcell.EventKey) {
	if v.fresh() {
		if !v.replaying {
			v.rec = v.rec[:0]
		}
		v.startTick, v.startRows = v.buf.tick, len(v.buf.lines)
		v.noDot, v.noReport = false, false
		v.buf.begin()
	}
	v.record(ev)
	v.command(k)
	if v.mode == viNormal && v.fresh() {
		v.finish()
	}
}

// finish ends a normal-mode command: it closes the change for undo, keeps
// the keys for . and reports the lines it added or removed.
func (v *viEditor) finish() {
	v.buf.commit(v.now())
	if v.buf.tick == v.startTick {
		return
	}
	v.changeWarning()
	if !v.replaying && !v.noDot && len(v.rec) > 0 {
		v.dot = append(v.dot[:0], v.rec...)
	}
	if !v.noReport {
		v.msgMore(len(v.buf.lines) - v.startRows)
	}
	v.buf.clampCursor(false)
}

// changeWarning is vim's W10, given at the first change of a read-only
// file.
func (v *viEditor) changeWarning() {
	if v.readOnly && !v.warnedRO && v.buf.modified {
		v.warnedRO = true
		v.setMsg(viMsgWarn, "W10: Warning: Changing a readonly file")
	}
}

// msgMore reports lines added or removed when more than 'report'.
func (v *viEditor) msgMore(n int) {
	pn := n
	if pn < 0 {
		pn = -n
	}
	if pn <= vimReport {
		return
	}
	if n > 0 {
		v.setMsg(viMsgPlain, "%d more lines", pn)
	} else {
		v.setMsg(viMsgPlain, "%d fewer lines", pn)
	}
}

// cancel drops a half-typed command.
func (v *viEditor) cancel() { v.count, v.op, v.opCount, v.pending = 0, 0, 0, 0 }

// counts takes the count typed: n is at least 1, given is whether one was.
func (v *viEditor) counts() (n int, given bool) {
	n, given = v.count, v.count > 0
	v.count = 0
	if v.op != 0 && v.opCount > 0 {
		if !given {
			n = 1
		}
		n *= v.opCount
		given = true
	}
	return max(n, 1), given
}

// command interprets a normal-mode key.
func (v *viEditor) command(k rune) {
	if v.pending != 0 {
		v.pendingKey(k)
		return
	}
	if (k >= '1' && k <= '9') || (k == '0' && v.count > 0) {
		v.count = v.count*10 + int(k-'0')
		if v.count > 99999999 {
			v.count = 99999999
		}
		return
	}
	if k == ekEsc || k == edCtrl('C') {
		if k == edCtrl('C') && v.fresh() {
			v.setMsg(viMsgPlain, "Type  :quit<Enter>  to exit Vim")
		}
		v.cancel()
		return
	}
	if v.op != 0 {
		v.operatorKey(k)
		return
	}
	switch k {
	case 'g', 'Z', 'r', 'f', 'F', 't', 'T', '"', 'z':
		v.pending = k
		return
	case 'd', 'c', 'y':
		v.op, v.opCount, v.count = k, v.count, 0
		return
	}
	n, given := v.counts()
	b := v.buf
	switch k {
	case 'i', ekInsert:
		v.startInsert(viInsert)
	case 'a':
		if len(b.cur()) > 0 {
			b.col++
		}
		v.startInsert(viInsert)
	case 'A':
		b.col = len(b.cur())
		v.startInsert(viInsert)
	case 'I':
		b.col = firstNonBlankOrEnd(b.cur())
		v.startInsert(viInsert)
	case 'o', 'O':
		at := b.row + 1
		if k == 'O' {
			at = b.row
		}
		indent := v.indentOf(b.cur())
		b.insertLines(at, indent)
		b.row, b.col = at, len(indent)
		v.startInsert(viInsert)
	case 'R':
		v.startInsert(viReplace)
	case 'x', ekDelete:
		if len(b.cur()) > 0 {
			v.applyOp('d', viMotion{to: edPos{b.row, min(b.col+n, len(b.cur()))}})
		}
	case 'X':
		if b.col > 0 {
			v.applyOp('d', viMotion{to: edPos{b.row, max(0, b.col-n)}})
		}
	case 'D', 'C':
		if m, ok := v.motion('$', n, given, 0); ok {
			v.applyOp(unicode.ToLower(k), m)
		}
	case 's':
		if len(b.cur()) == 0 {
			v.startInsert(viInsert)
		} else {
			v.applyOp('c', viMotion{to: edPos{b.row, min(b.col+n, len(b.cur()))}})
		}
	case 'S':
		v.lineOp('c', n)
	case 'Y':
		v.lineOp('y', n)
	case 'p', 'P':
		v.put(k == 'P', n)
	case 'J':
		v.join(max(n, 2))
	case '~':
		v.tilde(n)
	case 'u':
		v.noDot, v.noReport = true, true
		v.undo(n)
	case edCtrl('R'):
		v.noDot, v.noReport = true, true
		v.redo(n)
	case '.':
		v.noDot = true
		v.repeat(n, given)
	case ':':
		v.noDot = true
		v.startCmdline(':')
		if given {
			v.cmd = []rune(".,.+" + strconv.Itoa(n-1))
			if n == 1 {
				v.cmd = []rune(".")
			}
		}
	case '/', '?':
		v.startCmdline(k)
	case edCtrl('G'):
		v.fileInfo()
	case ekF1: // vim-minimal has no help files
		v.emsg("E149: Sorry, no help for help.txt")
	case edCtrl('L'):
	case edCtrl('F'), ekPgDn:
		v.page(n)
	case edCtrl('B'), ekPgUp:
		v.page(-n)
	case edCtrl('D'):
		v.halfPage(1)
	case edCtrl('U'):
		v.halfPage(-1)
	case edCtrl('E'):
		v.scrollLines(n)
	case edCtrl('Y'):
		v.scrollLines(-n)
	default:
		if m, ok := v.motion(k, n, given, 0); ok {
			v.moveTo(m)
		}
	}
}

// firstNonBlankOrEnd is where I inserts: the first non-blank, or the end
// of a blank line.
func firstNonBlankOrEnd(l []rune) int {
	for i, r := range l {
		if r != ' ' && r != '\t' {
			return i
		}
	}
	return len(l)
}

// indentOf is the indent a new line gets: the current line's with
// 'autoindent', none without.
func (v *viEditor) indentOf(l []rune) []rune {
	if !v.autoindent {
		return []rune{}
	}
	n := 0
	for n < len(l) && (l[n] == ' ' || l[n] == '\t') {
		n++
	}
	return append([]rune{}, l[:n]...)
}

// pendingKey completes a command that waits for one more key.
func (v *viEditor) pendingKey(k rune) {
	p := v.pending
	v.pending = 0
	if k == ekEsc {
		v.cancel()
		return
	}
	switch p {
	case '"': // a register name: vi has only the unnamed one here
		return
	case 'Z':
		v.cancel()
		switch k {
		case 'Z':
			v.exQuitWrite("", false, true)
		case 'Q':
			v.exQuit(true)
		}
		return
	case 'z':
		v.cancel()
		v.zCommand(k)
		return
	case 'r':
		n, _ := v.counts()
		v.replaceChars(k, n)
		return
	}
	// g and f, F, t, T are motions (and operator targets)
	n, given := v.counts()
	op := v.op
	var m viMotion
	var ok bool
	switch p {
	case 'g':
		m, ok = v.motion('g'<<8|k, n, given, 0)
	default:
		m, ok = v.motion(p, n, given, k)
	}
	v.op, v.opCount = 0, 0
	if !ok {
		return
	}
	if op != 0 {
		v.applyOp(op, m)
	} else {
		v.moveTo(m)
	}
}

// operatorKey handles the key after d, c or y: the same letter (dd),
// or a motion.
func (v *viEditor) operatorKey(k rune) {
	op := v.op
	switch k {
	case op:
		n, _ := v.counts()
		v.op, v.opCount = 0, 0
		v.lineOp(op, n)
		return
	case 'g', 'f', 'F', 't', 'T':
		v.pending = k
		return
	case '/', '?':
		v.noDot = true
		v.startCmdline(k) // the operator waits for the search
		return
	}
	n, given := v.counts()
	v.op, v.opCount = 0, 0
	if op == 'c' && (k == 'w' || k == 'W') {
		// cw changes to the end of the word, as ce does, unless on a blank
		if c := v.gchar(v.cursor()); c != 0 && c != ' ' && c != '\t' {
			if p, ok := v.endWord(v.cursor(), n, k == 'W', true, false); ok || v.cursor().less(p) {
				v.applyOp(op, viMotion{to: p, inclusive: true})
			}
			return
		}
	}
	m, ok := v.motion(k, n, given, 0)
	if ok {
		v.applyOp(op, m)
	}
}

// lineOp is dd, cc, yy (and S, Y): an operator on n lines.
func (v *viEditor) lineOp(op rune, n int) {
	b := v.buf
	if n > 1 && b.row >= len(b.lines)-1 {
		return // vim refuses: no line below
	}
	v.applyOp(op, viMotion{to: edPos{min(b.row+n-1, len(b.lines)-1), b.col}, linewise: true})
}

// cursor is the cursor as a position.
func (v *viEditor) cursor() edPos { return edPos{v.buf.row, v.buf.col} }

// moveTo moves the cursor by a motion.
func (v *viEditor) moveTo(m viMotion) {
	b := v.buf
	b.row, b.col = m.to.r, m.to.c
	b.clampCursor(false)
	switch {
	case m.toEnd:
		v.want = viMaxCol
	case !m.keepWant:
		v.want = v.cursorCol()
	}
}

// cursorCol is the display column of the cursor's rune.
func (v *viEditor) cursorCol() int { return displayCol(v.buf.cur(), v.buf.col) }

// lineAt is where motions going up and down land in line r: the wanted
// column, or the last rune before it.
func (v *viEditor) lineAt(r int) edPos {
	l := v.buf.lines[r]
	c := indexAtCol(l, v.want)
	if c >= len(l) {
		c = max(0, len(l)-1)
	}
	return edPos{r, c}
}

// motion is where motion key k goes n times from the cursor; arg is the
// character of f, F, t and T. ok is false when it cannot move (vim beeps).
func (v *viEditor) motion(k rune, n int, given bool, arg rune) (viMotion, bool) {
	b := v.buf
	cur := v.cursor()
	last := len(b.lines) - 1
	switch k {
	case 'h', ekLeft, ekBS:
		if cur.c == 0 {
			if k == ekBS && cur.r > 0 { // Backspace wraps ('whichwrap' b)
				p := cur
				for i := 0; i < n && (p.r > 0 || p.c > 0); i++ {
					if p.c == 0 {
						p.r--
						p.c = max(0, len(b.lines[p.r])-1)
					} else {
						p.c--
					}
				}
				return viMotion{to: p}, true
			}
			return viMotion{}, false
		}
		return viMotion{to: edPos{cur.r, max(0, cur.c-n)}}, true
	case ' ':
		if v.op == 0 { // Space wraps to the next line ('whichwrap' s)
			p, moved := cur, false
			for i := 0; i < n; i++ {
				switch {
				case p.c < len(b.lines[p.r])-1:
					p.c++
				case p.r < last:
					p.r, p.c = p.r+1, 0
				default:
					return viMotion{to: p}, moved
				}
				moved = true
			}
			return viMotion{to: p}, true
		}
		fallthrough
	case 'l', ekRight:
		l := b.cur()
		end := len(l) - 1
		if v.op != 0 { // an operator may take the last character
			end = len(l)
		}
		if len(l) == 0 || cur.c >= end {
			return viMotion{}, false
		}
		return viMotion{to: edPos{cur.r, min(cur.c+n, end)}}, true
	case 'j', ekDown, edCtrl('N'), edCtrl('J'):
		if cur.r >= last {
			return viMotion{}, false
		}
		return viMotion{to: v.lineAt(min(cur.r+n, last)), linewise: true, keepWant: true}, true
	case 'k', ekUp, edCtrl('P'):
		if cur.r == 0 {
			return viMotion{}, false
		}
		return viMotion{to: v.lineAt(max(cur.r-n, 0)), linewise: true, keepWant: true}, true
	case '+', ekEnter:
		if cur.r >= last {
			return viMotion{}, false
		}
		r := min(cur.r+n, last)
		return viMotion{to: edPos{r, firstNonBlank(b.lines[r])}, linewise: true}, true
	case '-':
		if cur.r == 0 {
			return viMotion{}, false
		}
		r := max(cur.r-n, 0)
		return viMotion{to: edPos{r, firstNonBlank(b.lines[r])}, linewise: true}, true
	case '0', ekHome:
		return viMotion{to: edPos{cur.r, 0}}, true
	case '^':
		return viMotion{to: edPos{cur.r, firstNonBlank(b.cur())}}, true
	case '$', ekEnd:
		r := cur.r + n - 1
		if r > last {
			return viMotion{}, false
		}
		return viMotion{to: edPos{r, max(0, len(b.lines[r])-1)}, inclusive: true, toEnd: true, keepWant: true}, true
	case '|':
		return viMotion{to: edPos{cur.r, min(indexAtCol(b.cur(), n-1), max(0, len(b.cur())-1))}}, true
	case 'G', 'g'<<8 | 'g':
		r := last
		if k != 'G' {
			r = 0
		}
		if given {
			r = min(n, last+1) - 1
		}
		return viMotion{to: edPos{r, firstNonBlank(b.lines[r])}, linewise: true}, true
	case 'H', 'L', 'M':
		first, lastShown := v.top, v.bottomLine()
		r := first
		switch k {
		case 'H':
			r = min(first+n-1, lastShown)
		case 'L':
			r = max(lastShown-n+1, first)
		case 'M':
			r = (first + lastShown) / 2
		}
		return viMotion{to: edPos{r, firstNonBlank(b.lines[r])}, linewise: true}, true
	case 'w', 'W':
		p, ok := v.fwdWord(cur, n, k == 'W', v.op != 0)
		m := viMotion{to: p}
		if cur.less(p) && v.gchar(p) == 0 && p.c > 0 { // not on the NUL past a line
			m.to.c--
			m.inclusive = v.op != 0
		}
		return m, ok || v.op != 0
	case 'b', 'B':
		p, ok := v.bckWord(cur, n, k == 'B')
		return viMotion{to: p}, ok
	case 'e', 'E':
		p, ok := v.endWord(cur, n, k == 'E', false, false)
		m := viMotion{to: p, inclusive: true}
		if cur.less(p) && v.gchar(p) == 0 && p.c > 0 {
			m.to.c--
		}
		return m, ok || v.op != 0
	case 'g'<<8 | 'e', 'g'<<8 | 'E':
		return viMotion{}, false
	case 'f', 'F', 't', 'T':
		v.findChar, v.findKind = arg, k
		return v.findInLine(k, arg, n)
	case ';', ',':
		if v.findChar == 0 {
			return viMotion{}, false
		}
		kind := v.findKind
		if k == ',' {
			kind = map[rune]rune{'f': 'F', 'F': 'f', 't': 'T', 'T': 't'}[kind]
		}
		return v.findInLine(kind, v.findChar, n)
	case 'n', 'N':
		dir := v.lastDir
		if k == 'N' {
			dir = -dir
		}
		return v.searchMotion(v.lastPat, dir, n)
	case '*', '#':
		w := v.wordUnderCursor()
		if w == "" {
			v.emsg("E348: No string under cursor")
			return viMotion{}, false
		}
		v.lastPat = `\<` + regexp.QuoteMeta(w) + `\>`
		v.lastDir = 1
		if k == '#' {
			v.lastDir = -1
		}
		return v.searchMotion(v.lastPat, v.lastDir, n)
	}
	return viMotion{}, false
}

// bottomLine is the last line wholly on the screen.
func (v *viEditor) bottomLine() int {
	rows, r := v.textRows(), v.top
	used := 0
	for r < len(v.buf.lines) {
		used += v.lineRows(r)
		if used > rows {
			break
		}
		r++
	}
	return max(v.top, r-1)
}

// findInLine is f, F, t and T: the n-th c on the line.
func (v *viEditor) findInLine(kind, c rune, n int) (viMotion, bool) {
	l := v.buf.cur()
	col := v.buf.col
	forward := kind == 'f' || kind == 't'
	for i := 0; i < n; i++ {
		for {
			if forward {
				col++
			} else {
				col--
			}
			if col < 0 || col >= len(l) {
				return viMotion{}, false
			}
			if l[col] == c {
				break
			}
		}
	}
	switch kind {
	case 't':
		col--
	case 'T':
		col++
	}
	return viMotion{to: edPos{v.buf.row, col}, inclusive: forward}, true
}

// wordUnderCursor is the keyword under or after the cursor, for * and #.
func (v *viEditor) wordUnderCursor() string {
	l := v.buf.cur()
	i := v.buf.col
	for i < len(l) && vimClass(l[i], false) != 2 {
		i++
	}
	if i >= len(l) {
		return ""
	}
	s := i
	for s > 0 && vimClass(l[s-1], false) == 2 {
		s--
	}
	e := i
	for e < len(l) && vimClass(l[e], false) == 2 {
		e++
	}
	return string(l[s:e])
}

// vimClass is vim's character class for word motions: 0 blank, 1
// punctuation, 2 keyword characters; other scripts have classes of their
// own, so Hangul and Latin letters are different words. big (W, B, E)
// makes every non-blank class 1.
func vimClass(r rune, big bool) int {
	c := 2
	switch {
	case r == 0 || r == ' ' || r == '\t' || r == 0x3000 || r == 0xa0:
		return 0
	case r < 0x100:
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			c = 1
		}
	case r >= 0xac00 && r <= 0xd7a3, r >= 0x1100 && r <= 0x11ff, r >= 0x3130 && r <= 0x318f:
		c = 0xac00
	case r >= 0x4e00 && r <= 0x9fff:
		c = 0x4e00
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		c = 1
	}
	if big {
		return 1
	}
	return c
}

// gchar is the rune at p, 0 past the end of its line.
func (v *viEditor) gchar(p edPos) rune {
	l := v.buf.lines[p.r]
	if p.c >= len(l) {
		return 0
	}
	return l[p.c]
}

// inc steps p forward as vim's inc(): 0 within the line, 2 onto the end
// of the line, 1 onto the next line, -1 at the end of the buffer.
func (v *viEditor) inc(p *edPos) int {
	l := v.buf.lines[p.r]
	if p.c < len(l) {
		p.c++
		if p.c < len(l) {
			return 0
		}
		return 2
	}
	if p.r < len(v.buf.lines)-1 {
		p.r, p.c = p.r+1, 0
		return 1
	}
	return -1
}

// dec steps p backward as vim's dec(): 0 within the line, 1 onto the end
// of the line before, -1 at the start of the buffer.
func (v *viEditor) dec(p *edPos) int {
	if p.c > 0 {
		p.c = min(p.c, len(v.buf.lines[p.r])) - 1
		if p.c < 0 {
			p.c = 0
		}
		return 0
	}
	if p.r > 0 {
		p.r--
		p.c = len(v.buf.lines[p.r])
		return 1
	}
	return -1
}

func (v *viEditor) cls(p edPos, big bool) int { return vimClass(v.gchar(p), big) }

// lineEmpty is whether p is on an empty line.
func (v *viEditor) lineEmpty(p edPos) bool { return p.c == 0 && len(v.buf.lines[p.r]) == 0 }

// fwdWord is vim's fwd_word: w and W. eol (with an operator) stops at the
// end of the line after the last word.
func (v *viEditor) fwdWord(p edPos, count int, big, eol bool) (edPos, bool) {
	for count > 0 {
		count--
		sclass := v.cls(p, big)
		lastLine := p.r == len(v.buf.lines)-1
		i := v.inc(&p)
		if i == -1 || (i >= 1 && lastLine) {
			return p, false
		}
		if i >= 1 && eol && count == 0 {
			return p, true
		}
		if sclass != 0 {
			for v.cls(p, big) == sclass {
				i = v.inc(&p)
				if i == -1 || (i >= 1 && eol && count == 0) {
					return p, true
				}
			}
		}
		for v.cls(p, big) == 0 {
			if v.lineEmpty(p) {
				break
			}
			i = v.inc(&p)
			if i == -1 || (i >= 1 && eol && count == 0) {
				return p, true
			}
		}
	}
	return p, true
}

// skipChars moves p over runes of class c; true when it hit an end.
func (v *viEditor) skipChars(p *edPos, c int, forward, big bool) bool {
	for v.cls(*p, big) == c {
		var i int
		if forward {
			i = v.inc(p)
		} else {
			i = v.dec(p)
		}
		if i == -1 {
			return true
		}
	}
	return false
}

// bckWord is vim's bck_word: b and B.
func (v *viEditor) bckWord(p edPos, count int, big bool) (edPos, bool) {
	for count > 0 {
		count--
		if v.dec(&p) == -1 {
			return p, false
		}
		empty := false
		for v.cls(p, big) == 0 {
			if v.lineEmpty(p) {
				empty = true
				break
			}
			if v.dec(&p) == -1 {
				return p, true
			}
		}
		if empty {
			continue
		}
		if v.skipChars(&p, v.cls(p, big), false, big) {
			return p, true
		}
		v.inc(&p)
	}
	return p, true
}

// endWord is vim's end_word: e and E, and cw (stop: already at the end
// of a word, stay on it).
func (v *viEditor) endWord(p edPos, count int, big, stop, empty bool) (edPos, bool) {
	for count > 0 {
		count--
		sclass := v.cls(p, big)
		if v.inc(&p) == -1 {
			return p, false
		}
		if c := v.cls(p, big); c == sclass && sclass != 0 {
			if v.skipChars(&p, sclass, true, big) {
				return p, false
			}
		} else if !stop || sclass == 0 {
			finished := false
			for v.cls(p, big) == 0 {
				if v.lineEmpty(p) && empty {
					finished = true
					break
				}
				if v.inc(&p) == -1 {
					return p, false
				}
			}
			if finished {
				stop = false
				continue
			}
			if v.skipChars(&p, v.cls(p, big), true, big) {
				return p, false
			}
		}
		v.dec(&p)
		stop = false
	}
	return p, true
}

// inIndent is whether only blanks are before p on its line.
func (v *viEditor) inIndent(p edPos) bool {
	for _, r := range v.buf.lines[p.r][:min(p.c, len(v.buf.lines[p.r]))] {
		if r != ' ' && r != '\t' {
			return false
		}
	}
	return true
}

// applyOp runs operator op (d, c, y) over the text from the cursor to
// where m goes.
func (v *viEditor) applyOp(op rune, m viMotion) {
	b := v.buf
	start, end := v.cursor(), m.to
	if end.less(start) {
		start, end = end, start
	}
	if m.linewise {
		v.opLines(op, start, end)
		return
	}
	if m.inclusive {
		end.c = min(end.c+1, len(b.lines[end.r]))
	} else if end.c == 0 && end.r > start.r {
		// an exclusive motion ending in column one stops at the end of
		// the line before, and from the indent it takes whole lines
		end.r--
		if v.inIndent(start) {
			v.opLines(op, start, end)
			return
		}
		end.c = len(b.lines[end.r])
	}
	text := b.textBetween(start.r, start.c, end.r, end.c)
	if op != 'c' && len(text) == 0 {
		return
	}
	v.reg = viReg{text: text, set: true}
	switch op {
	case 'd':
		b.deleteText(start.r, start.c, end.r, end.c)
		b.row, b.col = start.r, start.c
		b.clampCursor(false)
	case 'c':
		b.deleteText(start.r, start.c, end.r, end.c)
		b.row, b.col = start.r, start.c
		v.startInsert(viInsert)
	case 'y':
		b.row, b.col = start.r, start.c
		if n := end.r - start.r + 1; n > vimReport {
			v.setMsg(viMsgPlain, "%d lines yanked", n)
		}
	}
	v.want = v.cursorCol()
}

// opLines runs op over whole lines.
func (v *viEditor) opLines(op rune, start, end edPos) {
	b := v.buf
	r1, r2 := start.r, end.r
	var text []rune
	for r := r1; r <= r2; r++ {
		text = append(text, b.lines[r]...)
		if r < r2 {
			text = append(text, '\n')
		}
	}
	v.reg = viReg{text: text, linewise: true, set: true}
	switch op {
	case 'd':
		b.deleteLines(r1, r2+1)
		b.row = min(r1, len(b.lines)-1)
		b.col = firstNonBlank(b.cur())
		if b.bytes() == 0 {
			v.setMsg(viMsgPlain, "--No lines in buffer--")
		}
	case 'c':
		indent := v.indentOf(b.lines[r1])
		if r2 > r1 {
			b.deleteLines(r1+1, r2+1)
		}
		b.setLine(r1, indent)
		b.row, b.col = r1, len(indent)
		v.startInsert(viInsert)
	case 'y':
		b.row, b.col = start.r, start.c
		b.clampCursor(false)
		if n := r2 - r1 + 1; n > vimReport {
			v.setMsg(viMsgPlain, "%d lines yanked", n)
		}
	}
	v.want = v.cursorCol()
}

// put is p and P: the register's text n times after (or before) the
// cursor.
func (v *viEditor) put(before bool, n int) {
	b := v.buf
	if !v.reg.set {
		v.emsg(`E353: Nothing in register "`)
		return
	}
	n = min(n, max(1, viMaxPut/(len(v.reg.text)+1))) // a count vim would run out of memory on
	if v.reg.linewise {
		lines := splitRunes(v.reg.text)
		var all [][]rune
		for i := 0; i < n; i++ {
			for _, l := range lines {
				all = append(all, append([]rune{}, l...))
			}
		}
		at := b.row + 1
		if before {
			at = b.row
		}
		b.insertLines(at, all...)
		b.row = at
		b.col = firstNonBlank(b.cur())
		v.want = v.cursorCol()
		return
	}
	var text []rune
	for i := 0; i < n; i++ {
		text = append(text, v.reg.text...)
	}
	col := b.col
	if !before && len(b.cur()) > 0 {
		col++
	}
	r, c := b.insertText(b.row, col, text)
	if r == b.row {
		b.col = max(col, c-1)
	} else {
		b.col = col
	}
	v.want = v.cursorCol()
}

// join is J: n lines joined into one. A space goes between them (two
// after a sentence's end, as 'joinspaces' says), but none when the line
// ends in white space, is empty, or the next one starts with ')'.
func (v *viEditor) join(n int) {
	b := v.buf
	if b.row+1 >= len(b.lines) {
		return
	}
	end := min(b.row+n-1, len(b.lines)-1)
	line := append([]rune{}, b.cur()...)
	col := 0
	for r := b.row + 1; r <= end; r++ {
		next := b.lines[r]
		i := 0
		for i < len(next) && (next[i] == ' ' || next[i] == '\t') {
			i++
		}
		next = next[i:]
		col = len(line)
		if len(next) > 0 && next[0] != ')' && len(line) > 0 {
			switch last := line[len(line)-1]; {
			case last == ' ' || last == '\t':
			case strings.ContainsRune(".!?", last):
				line = append(line, ' ', ' ')
			default:
				line = append(line, ' ')
			}
		}
		line = append(line, next...)
	}
	b.setLine(b.row, line)
	b.deleteLines(b.row+1, end+1)
	b.col = col
	v.want = v.cursorCol()
}

// tilde is ~: switch the case of n runes and move past them.
func (v *viEditor) tilde(n int) {
	b := v.buf
	l := b.cur()
	if len(l) == 0 {
		return
	}
	nl := append([]rune{}, l...)
	end := min(b.col+n, len(l))
	for i := b.col; i < end; i++ {
		r := nl[i]
		if unicode.IsUpper(r) {
			nl[i] = unicode.ToLower(r)
		} else {
			nl[i] = unicode.ToUpper(r)
		}
	}
	b.setLine(b.row, nl)
	b.col = min(end, len(l)-1)
	v.want = v.cursorCol()
}

// replaceChars is r: n runes replaced by c (a line break for Enter).
func (v *viEditor) replaceChars(c rune, n int) {
	b := v.buf
	l := b.cur()
	if c == ekEsc || b.col+n > len(l) || len(l) == 0 {
		return
	}
	if c == ekEnter || c == edCtrl('J') {
		b.deleteText(b.row, b.col, b.row, b.col+n)
		b.insertText(b.row, b.col, []rune{'\n'})
		b.row, b.col = b.row+1, 0
		return
	}
	if c >= ekUp || (c < 0x20 && c != ekTab) {
		return
	}
	nl := append([]rune{}, l...)
	for i := b.col; i < b.col+n; i++ {
		nl[i] = c
	}
	b.setLine(b.row, nl)
	b.col += n - 1
	v.want = v.cursorCol()
}

// undo is u: n changes undone, and vim 7.0's report of it.
func (v *viEditor) undo(n int) { v.undoRedo(n, true) }

// redo is Ctrl-R.
func (v *viEditor) redo(n int) { v.undoRedo(n, false) }

// undoRedo undoes (undo) or redoes n changes, stopping at the oldest
// (newest) one, and reports what changed.
func (v *viEditor) undoRedo(n int, undo bool) {
	step, end := v.buf.redoChange, "newest"
	if undo {
		step, end = v.buf.undoChange, "oldest"
	}
	for i := 0; i < n; i++ {
		before := len(v.buf.lines)
		s, ok := step()
		if !ok {
			if i == 0 {
				v.setMsg(viMsgPlain, "Already at %s change", end)
			}
			return
		}
		v.undoReport(before, undo, s)
	}
	v.buf.clampCursor(false)
	v.want = v.cursorCol()
}

// undoReport is u_undo_end: "1 line less; before #3  5 seconds ago".
func (v *viEditor) undoReport(before int, undid bool, s edstate) {
	d := before - len(v.buf.lines)
	var what string
	n := d
	switch {
	case d == -1:
		what, n = "more line", 1
	case d < 0:
		what, n = "more lines", -d
	case d == 1:
		what = "line less"
	case d > 1:
		what = "fewer lines"
	default:
		n = 1
		what = "change"
	}
	word := "after"
	if undid {
		word = "before"
	}
	ago := v.now().Sub(s.when)
	var when string
	if ago >= 100*time.Second {
		when = s.when.Format("15:04:05")
	} else {
		when = fmt.Sprintf("%d seconds ago", int(ago/time.Second))
	}
	v.setMsg(viMsgPlain, "%d %s; %s #%d  %s", n, what, word, s.seq, when)
}

// repeat is .: the last change again, with a new count if one is given.
func (v *viEditor) repeat(n int, given bool) {
	if len(v.dot) == 0 {
		return
	}
	keys := v.dot
	if given {
		i := 0
		for i < len(keys) && keys[i].Key() == tcell.KeyRune && keys[i].Rune() >= '0' && keys[i].Rune() <= '9' {
			i++
		}
		var withCount []*tcell.EventKey
		for _, r := range strconv.Itoa(n) {
			withCount = append(withCount, tcell.NewEventKey(tcell.KeyRune, r, tcell.ModNone))
		}
		keys = append(withCount, keys[i:]...)
	}
	keys = append([]*tcell.EventKey(nil), keys...)
	v.replaying = true
	defer func() { v.replaying = false }()
	for _, ev := range keys {
		k := edKey(ev)
		switch v.mode {
		case viInsert, viReplace:
			v.insertKey(k)
		case viCmdline:
			v.cmdlineKey(k)
		default:
			v.command(k)
		}
	}
	if v.mode != viNormal { // a change cut short: end it as Esc would
		v.insertKey(ekEsc)
	}
}

// startInsert enters insert (or replace) mode.
func (v *viEditor) startInsert(m viMode) {
	v.mode = m
	v.msg = ""
	v.replaced = v.replaced[:0]
	v.buf.clampCursor(true)
}

// insertKey handles a key in insert and replace mode.
func (v *viEditor) insertKey(k rune) {
	b := v.buf
	before := b.tick
	switch k {
	case ekEsc, edCtrl('C'):
		v.mode = viNormal
		if b.col > 0 {
			b.col--
		}
		b.clampCursor(false)
		v.want = v.cursorCol()
		if v.msgKind != viMsgWarn {
			v.msg = ""
		}
		v.finish()
		return
	case ekEnter, edCtrl('J'):
		indent := v.indentOf(b.cur())
		r, _ := b.insertText(b.row, b.col, []rune{'\n'})
		b.row, b.col = r, 0
		if len(indent) > 0 {
			_, b.col = b.insertText(b.row, 0, indent)
		}
	case ekBS:
		switch {
		case v.mode == viReplace && b.col > 0:
			// Backspace in replace mode puts back what was typed over
			if n := len(v.replaced); n > 0 {
				orig := v.replaced[n-1]
				v.replaced = v.replaced[:n-1]
				if orig < 0 {
					b.deleteText(b.row, b.col-1, b.row, b.col)
				} else {
					l := append([]rune{}, b.cur()...)
					l[b.col-1] = orig
					b.setLine(b.row, l)
				}
			}
			b.col--
		case b.col > 0:
			b.deleteText(b.row, b.col-1, b.row, b.col)
			b.col--
		case b.row > 0:
			prev := len(b.lines[b.row-1])
			b.deleteText(b.row-1, prev, b.row, 0)
			b.row, b.col = b.row-1, prev
		}
	case ekDelete:
		if b.col < len(b.cur()) {
			b.deleteText(b.row, b.col, b.row, b.col+1)
		} else if b.row+1 < len(b.lines) {
			b.deleteText(b.row, b.col, b.row+1, 0)
		}
	case edCtrl('W'):
		l := b.cur()
		i := b.col
		for i > 0 && (l[i-1] == ' ' || l[i-1] == '\t') {
			i--
		}
		if i > 0 {
			c := vimClass(l[i-1], false)
			for i > 0 && vimClass(l[i-1], false) == c {
				i--
			}
		}
		if i < b.col {
			b.deleteText(b.row, i, b.row, b.col)
			b.col = i
		}
	case edCtrl('U'):
		if b.col > 0 {
			b.deleteText(b.row, 0, b.row, b.col)
			b.col = 0
		}
	case ekLeft, ekRight, ekUp, ekDown, ekHome, ekEnd, ekPgUp, ekPgDn:
		v.insertMove(k)
		return
	case ekF1:
		v.emsg("E149: Sorry, no help for help.txt")
		return
	case ekInsert:
		if v.mode == viInsert {
			v.mode = viReplace
		} else {
			v.mode = viInsert
		}
		return
	default:
		if k >= ekUp || (k < 0x20 && k != ekTab) {
			return
		}
		switch {
		case v.mode == viReplace && b.col < len(b.cur()):
			l := append([]rune{}, b.cur()...)
			v.replaced = append(v.replaced, l[b.col])
			l[b.col] = k
			b.setLine(b.row, l)
			b.col++
		case v.mode == viReplace:
			v.replaced = append(v.replaced, -1)
			fallthrough
		default:
			_, b.col = b.insertText(b.row, b.col, []rune{k})
		}
	}
	if b.tick != before {
		v.changeWarning()
	}
	v.want = v.cursorCol()
}

// insertMove moves the cursor in insert mode; it starts a new change for
// undo, as in vim.
func (v *viEditor) insertMove(k rune) {
	b := v.buf
	b.commit(v.now())
	switch k {
	case ekLeft:
		if b.col > 0 {
			b.col--
		}
	case ekRight:
		if b.col < len(b.cur()) {
			b.col++
		}
	case ekUp:
		if b.row > 0 {
			b.row--
			b.col = min(indexAtCol(b.cur(), v.want), len(b.cur()))
		}
	case ekDown:
		if b.row < len(b.lines)-1 {
			b.row++
			b.col = min(indexAtCol(b.cur(), v.want), len(b.cur()))
		}
	case ekHome:
		b.col = 0
	case ekEnd:
		b.col = len(b.cur())
	case ekPgUp, ekPgDn:
		d := max(1, v.textRows()-2)
		if k == ekPgUp {
			d = -d
		}
		b.row = max(0, min(b.row+d, len(b.lines)-1))
		b.col = min(indexAtCol(b.cur(), v.want), len(b.cur()))
	}
	if k != ekUp && k != ekDown && k != ekPgUp && k != ekPgDn {
		v.want = v.cursorCol()
	}
	b.begin()
}

// startCmdline opens the command line for : / or ?.
func (v *viEditor) startCmdline(t rune) {
	v.mode, v.cmdType, v.cmd = viCmdline, t, nil
	v.histIdx = len(v.hist[t])
	v.msg = ""
}

// cmdlineKey edits the command line; Enter runs it.
func (v *viEditor) cmdlineKey(k rune) {
	switch k {
	case ekEsc, edCtrl('C'):
		v.mode = viNormal
		v.cancel()
		v.finish()
	case ekEnter, edCtrl('J'):
		line := string(v.cmd)
		t := v.cmdType
		v.mode = viNormal
		if line != "" {
			h := v.hist[t]
			if len(h) == 0 || h[len(h)-1] != line {
				v.hist[t] = append(h, line)
			}
		}
		if t == ':' {
			v.cancel()
			v.msg = ":" + line
			v.ex(line)
		} else {
			v.searchCmd(t, line)
		}
		if !v.closed {
			v.finish()
		}
	case ekBS:
		if len(v.cmd) == 0 {
			v.mode = viNormal
			v.cancel()
			v.finish()
			return
		}
		v.cmd = v.cmd[:len(v.cmd)-1]
	case edCtrl('U'):
		v.cmd = nil
	case edCtrl('W'):
		i := len(v.cmd)
		for i > 0 && v.cmd[i-1] == ' ' {
			i--
		}
		for i > 0 && v.cmd[i-1] != ' ' {
			i--
		}
		v.cmd = v.cmd[:i]
	case ekUp, ekDown:
		h := v.hist[v.cmdType]
		if k == ekUp && v.histIdx > 0 {
			v.histIdx--
		} else if k == ekDown && v.histIdx < len(h) {
			v.histIdx++
		}
		if v.histIdx < len(h) {
			v.cmd = []rune(h[v.histIdx])
		} else {
			v.cmd = nil
		}
	default:
		if k >= ekUp || (k < 0x20 && k != ekTab) {
			return
		}
		v.cmd = append(v.cmd, k)
	}
}

// searchCmd runs a / or ? search, as a motion or for a waiting operator.
func (v *viEditor) searchCmd(t rune, line string) {
	pat := cutAtDelim(line, t)
	if pat == "" {
		pat = v.lastPat
	}
	dir := 1
	if t == '?' {
		dir = -1
	}
	op := v.op
	n, _ := v.counts()
	v.op, v.opCount = 0, 0
	if pat == "" {
		v.emsg("E35: No previous regular expression")
		return
	}
	v.lastPat, v.lastDir = pat, dir
	m, ok := v.searchMotion(pat, dir, n)
	if !ok {
		return
	}
	if op != 0 {
		v.applyOp(op, m)
	} else {
		v.moveTo(m)
	}
}

// cutAtDelim is a search pattern without its closing delimiter (and the
// offset after it, which this vi ignores).
func cutAtDelim(s string, delim rune) string {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\\' {
			i++
			continue
		}
		if rs[i] == delim {
			return string(rs[:i])
		}
	}
	return s
}

// searchMotion finds pat n times from the cursor in direction dir,
// wrapping around the ends ('wrapscan') with vim's warning.
func (v *viEditor) searchMotion(pat string, dir, n int) (viMotion, bool) {
	if pat == "" {
		v.emsg("E35: No previous regular expression")
		return viMotion{}, false
	}
	re := vimRegexp(pat, v.ignorecase)
	p := v.cursor()
	wrapped := false
	for i := 0; i < min(n, viMaxSearch); i++ {
		q, w, ok := v.searchOnce(re, p, dir)
		if !ok {
			if !v.wrapscan && w {
				if dir > 0 {
					v.emsg("E385: search hit BOTTOM without match for: %s", pat)
				} else {
					v.emsg("E384: search hit TOP without match for: %s", pat)
				}
				return viMotion{}, false
			}
			v.emsg("E486: Pattern not found: %s", pat)
			return viMotion{}, false
		}
		wrapped = wrapped || w
		p = q
	}
	switch {
	case wrapped && dir > 0:
		v.setMsg(viMsgWarn, "search hit BOTTOM, continuing at TOP")
	case wrapped:
		v.setMsg(viMsgWarn, "search hit TOP, continuing at BOTTOM")
	default:
		t := '/'
		if dir < 0 {
			t = '?'
		}
		v.setMsg(viMsgPlain, "%c%s", t, pat)
	}
	return viMotion{to: p}, true
}

// searchOnce finds the next match of re after (or before) p; wrapped
// says whether it went past an end of the buffer.
func (v *viEditor) searchOnce(re *regexp.Regexp, p edPos, dir int) (found edPos, wrapped, ok bool) {
	lines := v.buf.lines
	n := len(lines)
	for i := 0; i <= n; i++ {
		r := p.r + dir*i
		if r >= n || r < 0 {
			wrapped = true
			if !v.wrapscan {
				return edPos{}, true, false
			}
			r = (r%n + n) % n
		}
		ms := findAllIn(re, lines[r])
		if dir > 0 {
			for _, m := range ms {
				if i == 0 && m[0] <= p.c {
					continue
				}
				if i == n && m[0] > p.c {
					break
				}
				return edPos{r, m[0]}, wrapped, true
			}
		} else {
			for j := len(ms) - 1; j >= 0; j-- {
				m := ms[j]
				if i == 0 && m[0] >= p.c {
					continue
				}
				if i == n && m[0] < p.c {
					break
				}
				return edPos{r, m[0]}, wrapped, true
			}
		}
	}
	return edPos{}, wrapped, false
}

// vimRegexp turns a vim pattern ('magic') into a Go regular expression;
// a pattern it cannot turn is matched literally.
func vimRegexp(pat string, ignorecase bool) *regexp.Regexp {
	var sb strings.Builder
	rs := []rune(pat)
	icase := ignorecase
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs):
			i++
			switch c := rs[i]; c {
			case '(', ')', '|', '+':
				sb.WriteRune(c)
			case '=', '?':
				sb.WriteByte('?')
			case '<', '>':
				sb.WriteString(`\b`)
			case 's', 'S', 'd', 'D', 'w', 'W':
				sb.WriteRune('\\')
				sb.WriteRune(c)
			case 'a':
				sb.WriteString(`[A-Za-z]`)
			case 't':
				sb.WriteString(`\t`)
			case 'c':
				icase = true
			case 'C':
				icase = false
			case '{':
				j := i + 1
				for j < len(rs) && rs[j] != '}' {
					j++
				}
				if j >= len(rs) {
					sb.WriteString(`\{`)
					continue
				}
				body := string(rs[i+1 : j])
				body = strings.TrimSuffix(body, `\`)
				lazy := strings.HasPrefix(body, "-")
				body = strings.TrimPrefix(body, "-")
				if body == "" {
					sb.WriteByte('*')
				} else {
					sb.WriteString("{" + body + "}")
				}
				if lazy {
					sb.WriteByte('?')
				}
				i = j
			default:
				sb.WriteString(regexp.QuoteMeta(string(c)))
			}
		case r == '^' && i == 0, r == '$' && i == len(rs)-1, r == '.':
			sb.WriteRune(r)
		case r == '*' && i > 0 && !(i == 1 && rs[0] == '^'):
			sb.WriteByte('*')
		case r == '[':
			j := i + 1
			if j < len(rs) && rs[j] == '^' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(rs) {
				sb.WriteString(`\[`)
				continue
			}
			sb.WriteString(string(rs[i : j+1]))
			i = j
		default:
			sb.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	expr := sb.String()
	if icase {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		lit := regexp.QuoteMeta(pat)
		if icase {
			lit = "(?i)" + lit
		}
		re = regexp.MustCompile(lit)
	}
	return re
}

// fileInfo is Ctrl-G: the file, whether it changed, and where the cursor
// is.
func (v *viEditor) fileInfo() {
	name := v.name
	if name == "" {
		name = "[No Name]"
	}
	s := quoted(name)
	if v.buf.modified {
		s += " [Modified]"
	} else {
		s += " "
	}
	if !v.exists {
		s += "[New file]"
	}
	if v.readOnly {
		s += "[readonly]"
	}
	if v.buf.modified || !v.exists || v.readOnly {
		s += " "
	}
	n := len(v.buf.lines)
	pct := (v.buf.row + 1) * 100 / n
	switch {
	case v.buf.bytes() == 0:
		s += "--No lines in buffer--"
	case v.ruler && n == 1:
		s += fmt.Sprintf("1 line --%d%%--", pct)
	case v.ruler:
		s += fmt.Sprintf("%d lines --%d%%--", n, pct)
	default:
		s += fmt.Sprintf("line %d of %d --%d%%-- col %s", v.buf.row+1, n, pct, v.colText())
	}
	v.setMsg(viMsgPlain, "%s", s)
}

// colText is the cursor's column as vim prints it: the byte column, and
// the screen column when they differ ("1-8" on a tab, "0-1" on an empty
// line).
func (v *viEditor) colText() string {
	l := v.buf.cur()
	if len(l) == 0 && v.mode == viNormal {
		return "0-1"
	}
	bytecol := len(string(l[:min(v.buf.col, len(l))])) + 1
	vcol := displayCol(l, v.buf.col) + 1
	if v.mode == viNormal && v.buf.col < len(l) && l[v.buf.col] == '\t' && !v.list {
		vcol += runeCells('\t', vcol-1) - 1
	}
	if bytecol == vcol {
		return strconv.Itoa(bytecol)
	}
	return fmt.Sprintf("%d-%d", bytecol, vcol)
}

// page is Ctrl-F and Ctrl-B: n screens forward (back when negative),
// keeping two lines of the last screen.
func (v *viEditor) page(n int) {
	b := v.buf
	last := len(b.lines) - 1
	for ; n > 0; n-- {
		bot := v.bottomLine()
		switch {
		case bot >= last && v.top >= last:
			return
		case bot >= last:
			v.top = last
		default:
			v.top = max(v.top+1, bot-1)
		}
	}
	for ; n < 0; n++ {
		if v.top == 0 {
			return
		}
		// the old top line and the one below it stay, at the bottom
		t := min(v.top+1, last)
		used := v.lineRows(t)
		for t > 0 && used+v.lineRows(t-1) <= v.textRows() {
			t--
			used += v.lineRows(t)
		}
		v.top = min(t, v.top-1)
	}
	if b.row < v.top {
		b.row = v.top
	}
	if bot := v.bottomLine(); b.row > bot {
		b.row = bot
	}
	b.col = firstNonBlank(b.cur())
	v.want = v.cursorCol()
}

// halfPage is Ctrl-D and Ctrl-U: scroll and move the cursor half a screen.
func (v *viEditor) halfPage(dir int) {
	b := v.buf
	d := max(1, v.textRows()/2)
	last := len(b.lines) - 1
	if (dir > 0 && b.row >= last) || (dir < 0 && b.row == 0) {
		return
	}
	v.top = max(0, min(v.top+dir*d, last))
	b.row = max(0, min(b.row+dir*d, last))
	b.col = firstNonBlank(b.cur())
	v.want = v.cursorCol()
}

// scrollLines is Ctrl-E and Ctrl-Y: scroll n lines, keeping the cursor on
// the screen.
func (v *viEditor) scrollLines(n int) {
	b := v.buf
	v.top = max(0, min(v.top+n, len(b.lines)-1))
	if b.row < v.top {
		b.row = v.top
	}
	if bot := v.bottomLine(); b.row > bot {
		b.row = bot
	}
	b.clampCursor(false)
}

// zCommand is z<CR>, zt, z., zz, z- and zb: the cursor line to the top,
// middle or bottom of the screen.
func (v *viEditor) zCommand(k rune) {
	b := v.buf
	switch k {
	case ekEnter, 't':
		v.top = b.row
	case '.', 'z':
		v.center(b.row)
	case '-', 'b':
		rows, t := v.textRows(), b.row
		used := v.lineRows(t)
		for t > 0 && used+v.lineRows(t-1) <= rows {
			t--
			used += v.lineRows(t)
		}
		v.top = t
	default:
		return
	}
	if k == ekEnter || k == '.' || k == '-' {
		b.col = firstNonBlank(b.cur())
	}
}

// ex runs an ex command line (without its colon).
func (v *viEditor) ex(line string) {
	s := strings.TrimLeft(line, " \t:")
	if s == "" {
		return
	}
	r1, r2, ranged, rest, ok := v.exRange(s)
	if !ok {
		v.emsg("E16: Invalid range")
		return
	}
	i := 0
	for i < len(rest) && (rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z') {
		i++
	}
	name := rest[:i]
	if name == "" && rest != "" && (rest[0] == '&' || rest[0] == '!' || rest[0] == '=') {
		name = rest[:1]
		i = 1
	}
	if name == "s" || (len(name) > 1 && strings.HasPrefix("substitute", name) && len(name) >= 2) {
		v.exSubstitute(r1, r2, rest[i:])
		return
	}
	args := rest[i:]
	bang := strings.HasPrefix(args, "!")
	if bang {
		args = args[1:]
	}
	arg := strings.TrimSpace(args)
	is := func(full string, least int) bool { return len(name) >= least && strings.HasPrefix(full, name) }
	switch {
	case name == "":
		if !ranged {
			v.emsg("E492: Not an editor command: %s", s)
			return
		}
		v.buf.row = r2
		v.buf.col = firstNonBlank(v.buf.cur())
		v.want = v.cursorCol()
	case is("write", 1):
		v.exWrite(arg, bang)
	case name == "wq" || is("wqall", 3) || is("xall", 2):
		v.exQuitWrite(arg, bang, false)
	case name == "x" || is("xit", 2) || is("exit", 3):
		v.exQuitWrite(arg, bang, true)
	case is("cquit", 2):
		// vim quits without writing and exits 1, whatever was changed
		v.exit = 1
		v.exQuit(true)
	case is("quit", 1) || is("qall", 2) || is("quitall", 5):
		if arg != "" {
			v.emsg("E488: Trailing characters")
			return
		}
		v.exQuit(bang)
	case is("edit", 1):
		v.exEdit(arg, bang)
	case is("set", 2):
		v.exSet(arg)
	case is("delete", 1):
		v.opLines('d', edPos{r1, 0}, edPos{r2, 0})
	case is("yank", 1):
		v.opLines('y', edPos{r1, 0}, edPos{r2, 0})
		v.buf.row, v.buf.col = r1, 0 // :y leaves the cursor where it was
	case is("undo", 1):
		v.undo(1)
	case is("redo", 3):
		v.redo(1)
	case is("nohlsearch", 3):
	case is("help", 1):
		// vim-minimal has no help files
		topic := arg
		if topic == "" {
			topic = "help.txt"
		}
		v.emsg("E149: Sorry, no help for %s", topic)
	case is("read", 1) || is("shell", 2) || is("next", 1) || is("split", 2) || is("new", 3) || is("visual", 2) || is("buffer", 1) || name == "!":
		v.emsg("E319: Sorry, the command is not available in this version")
	default:
		v.emsg("E492: Not an editor command: %s", s)
	}
}

// exRange reads the line range at the start of an ex command: none (the
// cursor line), N, N,M, %, . and $, with +N and -N offsets.
func (v *viEditor) exRange(s string) (r1, r2 int, ranged bool, rest string, ok bool) {
	cur, last := v.buf.row, len(v.buf.lines)-1
	if strings.HasPrefix(s, "%") {
		return 0, last, true, strings.TrimLeft(s[1:], " "), true
	}
	addr := func(s string) (int, string, bool) {
		n, have := cur, false
		switch {
		case s == "":
		case s[0] == '.':
			s, have = s[1:], true
		case s[0] == '$':
			n, s, have = last, s[1:], true
		case s[0] >= '0' && s[0] <= '9':
			j := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			k, _ := strconv.Atoi(s[:j])
			n, s, have = k-1, s[j:], true
		}
		for len(s) > 0 && (s[0] == '+' || s[0] == '-') {
			sign := 1
			if s[0] == '-' {
				sign = -1
			}
			s = s[1:]
			j := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			k := 1
			if j > 0 {
				k, _ = strconv.Atoi(s[:j])
			}
			n, s, have = n+sign*k, s[j:], true
		}
		return n, s, have
	}
	a, s, have := addr(s)
	if !have {
		return cur, cur, false, s, true
	}
	b := a
	if strings.HasPrefix(s, ",") || strings.HasPrefix(s, ";") {
		var haveB bool
		b, s, haveB = addr(s[1:])
		if !haveB {
			b = cur
		}
	}
	rest = strings.TrimLeft(s, " ")
	if rest == "" { // a bare line number goes there, clamped
		return max(0, min(a, last)), max(0, min(b, last)), true, rest, true
	}
	if a > b {
		a, b = b, a
	}
	if a < 0 || b > last {
		return 0, 0, true, rest, false
	}
	return a, b, true, rest, true
}

// exWrite is :w [file].
func (v *viEditor) exWrite(arg string, bang bool) bool {
	target := arg
	if target == "" {
		target = v.name
	}
	if target == "" {
		v.emsg("E32: No file name")
		return false
	}
	same := arg == "" || arg == v.name || arg == v.path
	if same && v.readOnly && !bang {
		v.emsg("E45: 'readonly' option is set (add ! to override)")
		return false
	}
	path := v.req.abs(target)
	if same && v.path != "" {
		path = v.path
	}
	if same && v.req.isDir {
		v.emsg("%s E502: is a directory", quoted(target))
		return false
	}
	text := v.buf.text()
	if err := v.save(path, text); err != nil {
		v.emsg("%s E212: Can't open file for writing", quoted(target))
		return false
	}
	isNew := same && !v.exists
	if v.name == "" {
		v.name, v.path = target, path
		same = true
	}
	flags := ""
	if isNew {
		flags = "[New] "
	}
	v.setMsg(viMsgPlain, "%s %s%dL, %dC written", quoted(target), flags, countLines(text), len(text))
	if same {
		v.exists = true
		v.orig = text
		v.buf.saved()
		if bang {
			v.readOnly = false // :w! resets 'readonly'
		}
	}
	return true
}

// exitStatus is the exit status vim ends with: 0, or 1 after :cq.
func (v *viEditor) exitStatus() int { return v.exit }

// exQuit is :q; bang (:q!) drops the changes.
func (v *viEditor) exQuit(bang bool) {
	if v.buf.modified && !bang {
		v.emsg("E37: No write since last change (add ! to override)")
		return
	}
	v.closed = true
	v.mode = viNormal
	v.done()
}

// exQuitWrite is :wq, and :x and ZZ (onlyIfModified): write, then quit.
func (v *viEditor) exQuitWrite(arg string, bang, onlyIfModified bool) {
	if !onlyIfModified || v.buf.modified || (arg != "" && arg != v.name) {
		if !v.exWrite(arg, bang) {
			return
		}
	}
	v.exQuit(true)
}

// exEdit is :e! (back to the file as last written) and :e.
func (v *viEditor) exEdit(arg string, bang bool) {
	if arg != "" && arg != v.name {
		v.emsg("E319: Sorry, the command is not available in this version")
		return
	}
	if v.buf.modified && !bang {
		v.emsg("E37: No write since last change (add ! to override)")
		return
	}
	if v.name == "" {
		v.emsg("E32: No file name")
		return
	}
	row := v.buf.row
	nb, noEOL := newEdbuf(v.orig)
	v.buf = nb
	v.buf.row = min(row, len(nb.lines)-1)
	v.buf.col = firstNonBlank(v.buf.cur())
	v.buf.begin() // the command's change is over; keep the buffer consistent
	v.startTick = v.buf.tick
	v.startRows = len(v.buf.lines)
	flags := ""
	if v.readOnly {
		flags += "[readonly] "
	}
	if noEOL {
		flags += "[noeol] "
	}
	if !v.exists {
		v.setMsg(viMsgPlain, "%s [New File]", quoted(v.name))
		return
	}
	v.setMsg(viMsgPlain, "%s %s%dL, %dC", quoted(v.name), flags, countLines(v.orig), len(v.orig))
}

// viOptions are the options :set knows: full name, short name, and the
// field.
func (v *viEditor) option(name string) (full string, p *bool) {
	opts := []struct {
		full, short string
		p           *bool
	}{
		{"number", "nu", &v.number},
		{"ignorecase", "ic", &v.ignorecase},
		{"wrapscan", "ws", &v.wrapscan},
		{"list", "list", &v.list},
		{"ruler", "ru", &v.ruler},
		{"autoindent", "ai", &v.autoindent},
		{"hlsearch", "hls", &v.hlsearch},
		{"readonly", "ro", &v.readOnly},
	}
	for _, o := range opts {
		if name == o.full || name == o.short {
			return o.full, o.p
		}
	}
	return "", nil
}

// exSet is :set with boolean options: name, noname, invname, name!,
// name?.
func (v *viEditor) exSet(arg string) {
	if arg == "" {
		return
	}
	var shown []string
	for _, word := range strings.Fields(arg) {
		name, val := word, true
		query, toggle := false, false
		switch {
		case strings.HasSuffix(name, "?"):
			name, query = strings.TrimSuffix(name, "?"), true
		case strings.HasSuffix(name, "!"):
			name, toggle = strings.TrimSuffix(name, "!"), true
		case strings.HasPrefix(name, "inv"):
			name, toggle = name[3:], true
		}
		full, p := v.option(name)
		if p == nil && strings.HasPrefix(name, "no") {
			full, p = v.option(name[2:])
			val = false
		}
		if p == nil {
			v.emsg("E518: Unknown option: %s", word)
			return
		}
		switch {
		case query:
			if *p {
				shown = append(shown, "  "+full)
			} else {
				shown = append(shown, "no"+full)
			}
		case toggle:
			*p = !*p
		default:
			*p = val
		}
	}
	if len(shown) > 0 {
		v.setMsg(viMsgPlain, "%s", strings.Join(shown, " "))
	}
}

// exSubstitute is :[range]s/pat/rep/[g].
func (v *viEditor) exSubstitute(r1, r2 int, s string) {
	if s == "" {
		v.emsg("E35: No previous regular expression")
		return
	}
	delim := []rune(s)[0]
	if delim == ' ' || unicode.IsLetter(delim) || unicode.IsDigit(delim) || delim == '\\' || delim == '"' || delim == '|' {
		v.emsg("E146: Regular expressions can't be delimited by letters")
		return
	}
	parts := splitDelim(s[len(string(delim)):], delim)
	pat := parts[0]
	rep := ""
	if len(parts) > 1 {
		rep = parts[1]
	}
	flags := ""
	if len(parts) > 2 {
		flags = strings.TrimSpace(parts[2])
	}
	if pat == "" {
		pat = v.lastPat
	}
	if pat == "" {
		v.emsg("E35: No previous regular expression")
		return
	}
	v.lastPat = pat
	global := strings.Contains(flags, "g")
	re := vimRegexp(pat, v.ignorecase && !strings.Contains(flags, "I") || strings.Contains(flags, "i"))
	b := v.buf
	subs, lines, lastRow := 0, 0, -1
	for r := r1; r <= r2; r++ {
		l := b.lines[r]
		ms := findAllIn(re, l)
		if len(ms) == 0 {
			continue
		}
		if !global {
			ms = ms[:1]
		}
		var out []rune
		prev := 0
		str := string(l)
		for _, m := range ms {
			out = append(out, l[prev:m[0]]...)
			out = append(out, expandReplacement(rep, re, str, l, m)...)
			prev = m[1]
		}
		out = append(out, l[prev:]...)
		b.setLine(r, out)
		subs += len(ms)
		lines++
		lastRow = r
	}
	if subs == 0 {
		v.emsg("E486: Pattern not found: %s", pat)
		return
	}
	b.row = lastRow
	b.col = firstNonBlank(b.cur())
	v.want = v.cursorCol()
	if subs > vimReport {
		sw, lw := "substitutions", "lines"
		if subs == 1 {
			sw = "substitution"
		}
		if lines == 1 {
			lw = "line"
		}
		v.setMsg(viMsgPlain, "%d %s on %d %s", subs, sw, lines, lw)
	}
}

// splitDelim cuts s at unescaped delim (\delim stands for delim itself).
func splitDelim(s string, delim rune) []string {
	var parts []string
	var cur []rune
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\\' && i+1 < len(rs) && rs[i+1] == delim:
			cur = append(cur, delim)
			i++
		case rs[i] == '\\' && i+1 < len(rs):
			cur = append(cur, rs[i], rs[i+1])
			i++
		case rs[i] == delim:
			parts = append(parts, string(cur))
			cur = nil
		default:
			cur = append(cur, rs[i])
		}
	}
	return append(parts, string(cur))
}

// expandReplacement is the text a match m of re in l becomes: & is the
// match, \1…\9 its groups, \& and \\ themselves.
func expandReplacement(rep string, re *regexp.Regexp, str string, l []rune, m [2]int) []rune {
	var groups []string
	byteStart := len(string(l[:m[0]]))
	if sub := re.FindStringSubmatch(str[byteStart:]); sub != nil {
		groups = sub
	}
	var out []rune
	rs := []rune(rep)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '&':
			out = append(out, l[m[0]:m[1]]...)
		case rs[i] == '\\' && i+1 < len(rs):
			i++
			c := rs[i]
			switch {
			case c >= '0' && c <= '9':
				if g := int(c - '0'); g < len(groups) {
					out = append(out, []rune(groups[g])...)
				}
			case c == 't':
				out = append(out, '\t')
			default:
				out = append(out, c)
			}
		default:
			out = append(out, rs[i])
		}
	}
	return out
}

// textRows is how many screen rows show text (all but the last).
func (v *viEditor) textRows() int { return max(1, v.h-1) }

// numberWidth is the width of the line number column (0 without
// 'number'): 'numberwidth' 4, or more for long files.
func (v *viEditor) numberWidth() int {
	if !v.number {
		return 0
	}
	return max(3, len(strconv.Itoa(len(v.buf.lines)))) + 1
}

// textWidth is how many columns a line of text gets.
func (v *viEditor) textWidth() int { return max(1, v.w-v.numberWidth()) }

// viCell is one cell of a laid-out line.
type viCell struct {
	dy, x int
	s     string
	i     int  // the rune it shows, -1 for list's $ and the wrap filler
	wide  bool // an East Asian wide character: two cells
}

// layout lays line l out in rows of w cells, as vim wraps it: tabs to the
// next tab stop, control characters as ^X, a wide character that does
// not fit at the end of a row moved to the next (a > marks the gap).
func (v *viEditor) layout(l []rune, w int) (cells []viCell, rows int) {
	dy, x, vcol := 0, 0, 0
	place := func(s string, i int, width int) {
		if x+width > w {
			if width == 2 && x < w {
				cells = append(cells, viCell{dy: dy, x: x, s: ">", i: -1})
			}
			dy, x = dy+1, 0
		}
		cells = append(cells, viCell{dy: dy, x: x, s: s, i: i, wide: width == 2})
		x += width
	}
	for i, r := range l {
		switch {
		case r == '\t' && !v.list:
			n := runeCells(r, vcol)
			for j := 0; j < n; j++ {
				place(" ", i, 1)
			}
			vcol += n
		case r < 0x20 || r == 0x7f:
			t := cellText(r, 0)
			place(t[:1], i, 1)
			place(t[1:], i, 1)
			vcol += 2
		default:
			n := runeCells(r, vcol)
			place(string(r), i, n)
			vcol += n
		}
	}
	if v.list {
		place("$", -1, 1)
	}
	return cells, dy + 1
}

// lineRows is how many screen rows line r takes.
func (v *viEditor) lineRows(r int) int {
	l := v.buf.lines[r]
	w := v.textWidth()
	if n := lineWidth(l); n < w || (n == w && !v.list) { // it fits: no need to lay it out
		return 1
	}
	_, rows := v.layout(l, w)
	return rows
}

// cursorPlace is where the cursor is within its line's rows.
func (v *viEditor) cursorPlace() (dy, x int) {
	b := v.buf
	l := b.cur()
	w := v.textWidth()
	cells, _ := v.layout(l, w)
	first, lastOf := -1, -1
	for j, c := range cells {
		if c.i == b.col {
			if first < 0 {
				first = j
			}
			lastOf = j
		}
	}
	if first < 0 { // past the end of the line (insert mode), or empty
		if len(cells) == 0 {
			return 0, 0
		}
		c := cells[len(cells)-1]
		if v.list && c.i == -1 && len(cells) > 0 {
			return c.dy, c.x
		}
		x = c.x + 1
		if c.wide {
			x++
		}
		if x >= w {
			return c.dy + 1, 0
		}
		return c.dy, x
	}
	c := cells[first]
	if v.mode == viNormal && l[b.col] == '\t' && !v.list {
		c = cells[lastOf]
	}
	return c.dy, c.x
}

// scrollToCursor scrolls so that the cursor's line is on the screen, as
// vim's update_topline does: above the screen, to the top when it is
// less than half a screen away; below it, to the bottom when it is less
// than a screen away; else centred.
func (v *viEditor) scrollToCursor() {
	b := v.buf
	rows := v.textRows()
	last := len(b.lines) - 1
	v.top = max(0, min(v.top, last))
	if b.row < v.top {
		if v.top-b.row >= max(2, rows/2-1) {
			v.center(b.row)
		} else {
			v.top = b.row
		}
		return
	}
	used := 0
	for r := v.top; r <= b.row; r++ {
		used += v.lineRows(r)
		if used > rows*3 {
			break
		}
	}
	if used <= rows {
		return
	}
	if used-rows > rows+1 {
		v.center(b.row)
		return
	}
	for used > rows && v.top < b.row {
		used -= v.lineRows(v.top)
		v.top++
	}
}

// center puts line r in the middle of the screen, or as low as the end of
// the buffer allows.
func (v *viEditor) center(r int) {
	rows := v.textRows()
	above := (rows - v.lineRows(r) + 1) / 2
	t, used := r, 0
	for t > 0 && used+v.lineRows(t-1) <= above {
		t--
		used += v.lineRows(t)
	}
	// do not leave ~ lines when the buffer could fill the screen
	below := 0
	for q := t; q < len(v.buf.lines) && below < rows; q++ {
		below += v.lineRows(q)
	}
	for t > 0 && below+v.lineRows(t-1) <= rows {
		t--
		below += v.lineRows(t)
	}
	v.top = t
}

// styles of vim's highlight groups in a colour console; NO_COLOR keeps
// their attributes.
func (v *viEditor) style(group string) tcell.Style {
	d := tcell.StyleDefault
	mono := v.env.th.mono
	switch group {
	case "NonText":
		if mono {
			return d.Bold(true)
		}
		return d.Foreground(tcell.ColorBlue).Bold(true)
	case "LineNr":
		if mono {
			return d.Underline(true)
		}
		return d.Foreground(tcell.ColorOlive)
	case "ErrorMsg":
		if mono {
			return d.Reverse(true)
		}
		return d.Foreground(tcell.ColorWhite).Background(tcell.ColorMaroon)
	case "WarningMsg":
		if mono {
			return d.Reverse(true)
		}
		return d.Foreground(tcell.ColorMaroon)
	case "ModeMsg":
		return d.Bold(true)
	case "SpecialKey":
		if mono {
			return d.Bold(true)
		}
		return d.Foreground(tcell.ColorBlue)
	}
	return d
}

// Draw draws vi's screen: the text, ~ past the end, and the last line.
func (v *viEditor) Draw(screen tcell.Screen) {
	v.Box.DrawForSubclass(screen, v)
	x0, y0, w, h := v.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	v.w, v.h = w, h
	v.scrollToCursor()
	b := v.buf
	rows := v.textRows()
	nw := v.numberWidth()
	tw := v.textWidth()
	text, nonText := v.style("Normal"), v.style("NonText")
	y := 0
	curY, curX := -1, 0
	for r := v.top; r < len(b.lines) && y < rows; r++ {
		cells, n := v.layout(b.lines[r], tw)
		if y+n > rows && r != v.top {
			for ; y < rows; y++ {
				screen.SetContent(x0, y0+y, '@', nil, nonText)
			}
			break
		}
		if nw > 0 {
			printText(screen, x0, y0+y, nw, fmt.Sprintf("%*d ", nw-1, r+1), v.style("LineNr"))
		}
		for _, c := range cells {
			if y+c.dy >= rows {
				break
			}
			st := text
			if c.i < 0 {
				st = nonText
			} else if ch := b.lines[r][c.i]; (ch < 0x20 && (ch != '\t' || v.list)) || ch == 0x7f {
				st = v.style("SpecialKey")
			}
			rs := []rune(c.s)
			screen.SetContent(x0+nw+c.x, y0+y+c.dy, rs[0], rs[1:], st)
		}
		if r == b.row {
			dy, dx := v.cursorPlace()
			curY, curX = y+dy, nw+dx
		}
		y += n
	}
	for ; y < rows; y++ {
		screen.SetContent(x0, y0+y, '~', nil, nonText)
	}
	v.drawLastLine(screen, x0, y0+h-1, w, &curY, &curX)
	if v.HasFocus() && curY >= 0 && curY < h {
		screen.ShowCursor(x0+curX, y0+curY)
	}
}

// drawLastLine draws the command line, the message or the mode, and the
// ruler.
func (v *viEditor) drawLastLine(screen tcell.Screen, x, y, w int, curY, curX *int) {
	if v.mode == viCmdline {
		s := string(v.cmdType) + string(v.cmd)
		if textWidth(s) >= w {
			rs := []rune(s)
			for len(rs) > 0 && textWidth(string(rs)) >= w {
				rs = rs[1:]
			}
			s = string(rs)
		}
		n := printText(screen, x, y, w, s, tcell.StyleDefault)
		*curY, *curX = v.h-1, n
		return
	}
	used := 0
	switch {
	case v.msg != "":
		st := tcell.StyleDefault
		switch v.msgKind {
		case viMsgError:
			st = v.style("ErrorMsg")
		case viMsgWarn:
			st = v.style("WarningMsg")
		}
		used = printText(screen, x, y, w-1, v.msg, st)
	case v.mode == viInsert:
		used = printText(screen, x, y, w, "-- INSERT --", v.style("ModeMsg"))
	case v.mode == viReplace:
		used = printText(screen, x, y, w, "-- REPLACE --", v.style("ModeMsg"))
	}
	if !v.ruler || w < 20 {
		return
	}
	col := w - 18
	if used >= col {
		return
	}
	rl := fmt.Sprintf("%d,%s", v.buf.row+1, v.colText())
	rel := v.relPos()
	pad := 18 - 1 - textWidth(rl) - textWidth(rel)
	if pad < 1 {
		pad = 1
	}
	printText(screen, x+col, y, 18, rl+strings.Repeat(" ", pad)+rel, tcell.StyleDefault)
}

// relPos is the ruler's All, Top, Bot or percentage.
func (v *viEditor) relPos() string {
	last := len(v.buf.lines) - 1
	bot := v.bottomLine()
	switch {
	case v.top == 0 && bot >= last:
		return "All"
	case v.top == 0:
		return "Top"
	case bot >= last:
		return "Bot"
	}
	above := v.top
	below := last - bot
	return fmt.Sprintf("%2d%%", above*100/(above+below))
}
