package tui

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// pagerView is less 394 (and man, which runs it) or util-linux 2.13's
// more, over the whole screen. less shows one file at a time (:n and :p
// switch) with its prompt on the last line: the file's name on a file's
// first screen, ":" afterwards, "(END)" at the end, all in standout but
// ":". more joins its files, shows "--More--(NN%)", ends by itself after
// the last screenful, and leaves the lines it showed on the terminal.
type pagerView struct {
	*tview.Box
	env  *env
	req  *sim.Screen
	more bool
	done func(shown []string)

	file  int      // less: the page (file) shown
	lines []string // the document's lines, tabs expanded
	start []int    // more: the first line of each file
	ends  []int    // more: the bytes of its file up to the end of each line

	width  int            // the width rows were wrapped at
	rows   []pagerRow     // lines wrapped to the width
	top    int            // less: the first row shown
	end    int            // more: the row after the last one shown
	shown  int            // more: the furthest end reached
	fresh  bool           // less: the first prompt of a file (its name shows)
	mode   pagerMode      // what the last line is doing
	input  []rune         // a search being typed
	back   bool           // the search being typed goes backwards
	msg    string         // a message waiting for a key
	re     *regexp.Regexp // the last search
	reBack bool           // the last search went backwards
	hint   bool           // more: "[Press 'h' for instructions.]"
	pageH  int            // rows of text at the last Draw
}

// pagerRow is one screen row: a piece of a line.
type pagerRow struct {
	line int
	text string
}

type pagerMode int

const (
	pagerNormal  pagerMode = iota
	pagerSearch            // typing /pattern or ?pattern
	pagerColon             // less: ":" waits for n, p, x, q, f
	pagerZ                 // less: "Z" waits for the second Z
	pagerMessage           // a message waits for any key
)

// newPager pages req's pages; done gets, for more, the lines it scrolled
// through the terminal.
func newPager(e *env, req *sim.Screen, more bool, done func(shown []string)) *pagerView {
	p := &pagerView{Box: newBox(), env: e, req: req, more: more, done: done, fresh: true}
	if more {
		for _, pg := range req.Pages {
			p.start = append(p.start, len(p.lines))
			p.lines = append(p.lines, pagerSplit(pg.Text)...)
			if t := strings.TrimSuffix(pg.Text, "\n"); t != "" {
				n := 0
				for _, l := range strings.Split(t, "\n") {
					n += len(l) + 1
					p.ends = append(p.ends, n)
				}
			}
		}
	} else {
		p.load(0)
	}
	return p
}

// load shows less's file i from its start.
func (p *pagerView) load(i int) {
	p.file = i
	p.lines = nil
	if i < len(p.req.Pages) {
		p.lines = pagerSplit(p.req.Pages[i].Text)
	}
	p.width, p.rows, p.top, p.fresh = 0, nil, 0, true
}

// pagerSplit cuts text into lines for display: tabs expanded to 8-column
// stops, overstrikes (nroff's bold and underline) and carriage returns
// dropped, other control characters shown as ^X.
func pagerSplit(text string) []string {
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil
	}
	raw := strings.Split(text, "\n")
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i] = cleanLine(l)
	}
	return out
}

func cleanLine(l string) string {
	if !strings.ContainsFunc(l, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return l
	}
	var b []rune
	col := 0
	for _, r := range l {
		switch {
		case r == '\t':
			n := 8 - col%8
			for range n {
				b = append(b, ' ')
			}
			col += n
		case r == '\b':
			if len(b) > 0 {
				col -= runeWidth(b[len(b)-1])
				b = b[:len(b)-1]
			}
		case r == '\r':
		case r < ' ' || r == 0x7f:
			b = append(b, '^', rune(int(r)^0x40))
			col += 2
		default:
			b = append(b, r)
			col += runeWidth(r)
		}
	}
	return string(b)
}

// pagerWrap breaks the lines into rows of width cells.
func pagerWrap(lines []string, width int) []pagerRow {
	rows := make([]pagerRow, 0, len(lines))
	for i, l := range lines {
		if l == "" {
			rows = append(rows, pagerRow{line: i})
			continue
		}
		for l != "" {
			cut, used := 0, 0
			for cut < len(l) {
				r, size := utf8.DecodeRuneInString(l[cut:])
				w := runeWidth(r)
				if used+w > width && used > 0 {
					break
				}
				used += w
				cut += size
			}
			rows = append(rows, pagerRow{line: i, text: l[:cut]})
			l = l[cut:]
		}
	}
	return rows
}

// moreFits reports whether more just prints req's text on a w×h screen:
// one document whose rows fit above the last line.
func moreFits(req *sim.Screen, w, h int) (string, bool) {
	if len(req.Pages) != 1 || w <= 0 {
		return "", false
	}
	text := req.Pages[0].Text
	if len(pagerWrap(pagerSplit(text), w)) > h-1 {
		return "", false
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return text, true
}

// layout wraps the lines for width and keeps the view in range.
func (p *pagerView) layout(width, pageH int) {
	if width != p.width {
		var line int
		if p.top < len(p.rows) {
			line = p.rows[p.top].line
		}
		endLine := -1
		if p.end > 0 && p.end <= len(p.rows) {
			endLine = p.rows[p.end-1].line
		}
		p.width = width
		p.rows = pagerWrap(p.lines, width)
		p.top = p.firstRow(line)
		if endLine >= 0 {
			p.end = p.firstRow(endLine + 1)
			p.shown = max(p.shown, p.end)
		}
	}
	p.pageH = pageH
	if p.more && p.end == 0 {
		p.end = min(pageH, p.fileEnd(0))
		p.shown = max(p.shown, p.end)
	}
}

// firstRow is the first row of line (len(rows) past the end).
func (p *pagerView) firstRow(line int) int {
	for i, r := range p.rows {
		if r.line >= line {
			return i
		}
	}
	return len(p.rows)
}

// fileOf is more's file holding row i.
func (p *pagerView) fileOf(i int) int {
	if i >= len(p.rows) {
		i = len(p.rows) - 1
	}
	f := 0
	if i < 0 {
		return 0
	}
	for k, s := range p.start {
		if p.rows[i].line >= s {
			f = k
		}
	}
	return f
}

// fileEnd is the row after the last row of more's file holding row i.
func (p *pagerView) fileEnd(i int) int {
	f := p.fileOf(i)
	if f+1 < len(p.start) {
		return p.firstRow(p.start[f+1])
	}
	return len(p.rows)
}

// Draw paints the rows and the prompt line.
func (p *pagerView) Draw(screen tcell.Screen) {
	x, y, w, h := p.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	st := tcell.StyleDefault
	p.layout(w, max(h-1, 1))
	for j := 0; j < h; j++ {
		fill(screen, x, y+j, w, st)
	}
	first := p.top
	if p.more {
		first = max(p.end-p.pageH, 0)
	}
	for j := 0; j < h-1; j++ {
		i := first + j
		switch {
		case p.more && i >= p.end:
		case i < len(p.rows):
			p.drawRow(screen, x, y+j, w, p.rows[i].text)
		case !p.more:
			screen.SetContent(x, y+j, '~', nil, st)
		}
	}
	text, standout := p.prompt()
	pst := st
	if standout {
		pst = st.Reverse(true)
	}
	printText(screen, x, y+h-1, w, text, pst)
}

// drawRow paints one row, with the last search's matches in standout.
func (p *pagerView) drawRow(screen tcell.Screen, x, y, w int, text string) {
	var marks [][]int
	if p.re != nil {
		marks = p.re.FindAllStringIndex(text, -1)
	}
	col := 0
	for i, r := range text {
		st := tcell.StyleDefault
		for _, m := range marks {
			if i >= m[0] && i < m[1] {
				st = st.Reverse(true)
			}
		}
		rw := runeWidth(r)
		if col+rw > w {
			break
		}
		screen.SetContent(x+col, y, r, nil, st)
		col += rw
	}
}

// prompt is the last line and whether it is in standout.
func (p *pagerView) prompt() (string, bool) {
	switch p.mode {
	case pagerSearch:
		c := "/"
		if p.back {
			c = "?"
		}
		return c + string(p.input), false
	case pagerColon:
		return ":", false
	case pagerMessage:
		return p.msg, true
	}
	if p.more {
		return p.morePrompt(), true
	}
	if len(p.req.Pages) == 0 {
		return "(END)", true
	}
	var parts []string
	pg := p.req.Pages[min(p.file, len(p.req.Pages)-1)]
	if p.fresh && pg.Name != "" {
		parts = append(parts, pg.Name)
		if len(p.req.Pages) > 1 {
			parts = append(parts, fmt.Sprintf("(file %d of %d)", p.file+1, len(p.req.Pages)))
		}
	}
	if p.atEnd() {
		parts = append(parts, "(END)")
		if p.file+1 < len(p.req.Pages) {
			parts = append(parts, "- Next: "+p.req.Pages[p.file+1].Name)
		}
	}
	if len(parts) == 0 {
		return ":", false
	}
	return strings.Join(parts, " "), true
}

// morePrompt is more's "--More--" line.
func (p *pagerView) morePrompt() string {
	s := "--More--"
	f := p.fileOf(p.end - 1)
	switch {
	case p.end >= p.fileEnd(p.end-1) && f+1 < len(p.req.Pages):
		s += "(Next file: " + p.req.Pages[f+1].Name + ")"
	case p.req.Pages[f].Name != "":
		total := len(p.req.Pages[f].Text)
		if last := p.rows[max(p.end-1, 0)].line; total > 0 && p.end > 0 && last < len(p.ends) {
			s += fmt.Sprintf("(%d%%)", min(p.ends[last]*100/total, 100))
		}
	}
	if p.hint {
		s += "[Press 'h' for instructions.]"
	}
	return s
}

// atEnd reports whether less shows the end of the file.
func (p *pagerView) atEnd() bool { return p.top+p.pageH >= len(p.rows) }

// maxTop is the furthest less scrolls forward: the last line at the
// bottom.
func (p *pagerView) maxTop() int { return max(len(p.rows)-p.pageH, 0) }

// scroll moves less by n rows (negative: back), within the file.
func (p *pagerView) scroll(n int) {
	p.fresh = false
	switch {
	case n > 0 && p.top < p.maxTop():
		p.top = min(p.top+n, p.maxTop())
	case n < 0:
		p.top = max(p.top+n, 0)
	}
}

// forward moves more on by n rows, to the end of the file at most; it
// ends more after the last screenful of the last file.
func (p *pagerView) forward(n int) {
	p.hint = false
	end := p.fileEnd(p.end - 1)
	if p.end >= end && end < len(p.rows) {
		end = p.fileEnd(end) // at "Next file": on into it
	}
	p.end = min(p.end+n, end)
	p.shown = max(p.shown, p.end)
	if p.end >= len(p.rows) {
		p.quit()
	}
}

// quit ends the pager.
func (p *pagerView) quit() {
	var shown []string
	if p.more && p.shown > 0 {
		shown = p.lines[:min(p.rows[p.shown-1].line+1, len(p.lines))]
	}
	if p.done != nil {
		d := p.done
		p.done = nil
		d(shown)
	}
}

// search finds the pattern from line from on (backwards when back) and
// shows its line; false when no line matches.
func (p *pagerView) search(back bool) bool {
	if p.re == nil || len(p.rows) == 0 {
		return false
	}
	cur := 0
	if p.more {
		cur = p.rows[max(p.end-1, 0)].line + 1
	} else if p.top < len(p.rows) {
		cur = p.rows[p.top].line
	}
	found := -1
	if back {
		for i := cur - 1; i >= 0; i-- {
			if p.re.MatchString(p.lines[i]) {
				found = i
				break
			}
		}
	} else {
		from := cur + 1
		if p.more {
			from = cur
		}
		for i := from; i < len(p.lines); i++ {
			if p.re.MatchString(p.lines[i]) {
				found = i
				break
			}
		}
	}
	if found < 0 {
		return false
	}
	if p.more {
		first := max(p.firstRow(found)-2, 0)
		p.end = min(first+p.pageH, len(p.rows))
		p.shown = max(p.shown, p.end)
		if p.end >= len(p.rows) {
			p.quit()
		}
		return true
	}
	p.fresh = false
	p.top = p.firstRow(found)
	return true
}

// compile makes the pattern typed: a regular expression (a literal when
// it is not one), ignoring case as less -i does when it has no capital.
func (p *pagerView) compile(pat string) *regexp.Regexp {
	fold := p.req.IgnoreCase && !strings.ContainsFunc(pat, unicode.IsUpper)
	prefix := ""
	if fold {
		prefix = "(?i)"
	}
	re, err := regexp.Compile(prefix + pat)
	if err != nil {
		re = regexp.MustCompile(prefix + regexp.QuoteMeta(pat))
	}
	return re
}

// info is less's "=" message.
func (p *pagerView) info() string {
	var b strings.Builder
	if p.file >= len(p.req.Pages) {
		return "(press RETURN)"
	}
	if name := p.req.Pages[p.file].Name; name != "" {
		b.WriteString(name + " ")
	}
	if len(p.req.Pages) > 1 {
		fmt.Fprintf(&b, "(file %d of %d) ", p.file+1, len(p.req.Pages))
	}
	if len(p.rows) > 0 {
		first := p.rows[min(p.top, len(p.rows)-1)].line + 1
		last := p.rows[min(p.top+p.pageH, len(p.rows))-1].line + 1
		fmt.Fprintf(&b, "lines %d-%d/%d ", first, last, len(p.lines))
		total := len(p.req.Pages[p.file].Text)
		pos := 0
		for _, l := range p.lines[:last] {
			pos += len(l) + 1
		}
		pos = min(pos, total)
		if total > 0 {
			fmt.Fprintf(&b, "byte %d/%d %d%%", pos, total, pos*100/total)
		}
	} else {
		b.WriteString("byte 0")
	}
	return strings.TrimSpace(b.String()) + "  (press RETURN)"
}

// InputHandler is less's or more's keys.
func (p *pagerView) InputHandler() func(*tcell.EventKey, func(tview.Primitive)) {
	return p.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		if p.pageH == 0 {
			p.pageH = 1
		}
		switch p.mode {
		case pagerMessage:
			// Any key goes on; one other than Return is also a command.
			p.mode = pagerNormal
			if ev.Key() == tcell.KeyEnter {
				return
			}
		case pagerSearch:
			p.searchKey(ev)
			return
		case pagerColon:
			p.mode = pagerNormal
			if ev.Key() == tcell.KeyRune {
				switch ev.Rune() {
				case 'n':
					if p.file+1 < len(p.req.Pages) {
						p.load(p.file + 1)
					}
				case 'p':
					if p.file > 0 {
						p.load(p.file - 1)
					}
				case 'x':
					p.load(0)
				case 'q', 'Q':
					p.quit()
				case 'f':
					p.msg, p.mode = p.info(), pagerMessage
				}
			}
			return
		case pagerZ:
			p.mode = pagerNormal
			if ev.Key() == tcell.KeyRune && ev.Rune() == 'Z' {
				p.quit()
			}
			return
		}
		if p.more {
			p.moreKey(ev)
			return
		}
		p.lessKey(ev)
	})
}

// lessKey is a key of less at its prompt.
func (p *pagerView) lessKey(ev *tcell.EventKey) {
	half := max(p.pageH/2, 1)
	switch ev.Key() {
	case tcell.KeyPgDn, tcell.KeyCtrlF, tcell.KeyCtrlV:
		p.scroll(p.pageH)
	case tcell.KeyPgUp, tcell.KeyCtrlB:
		p.scroll(-p.pageH)
	case tcell.KeyDown, tcell.KeyEnter, tcell.KeyCtrlN, tcell.KeyCtrlE, tcell.KeyCtrlJ:
		p.scroll(1)
	case tcell.KeyUp, tcell.KeyCtrlP, tcell.KeyCtrlY, tcell.KeyCtrlK:
		p.scroll(-1)
	case tcell.KeyCtrlD:
		p.scroll(half)
	case tcell.KeyCtrlU:
		p.scroll(-half)
	case tcell.KeyHome:
		p.fresh, p.top = false, 0
	case tcell.KeyEnd:
		p.fresh, p.top = false, p.maxTop()
	case tcell.KeyCtrlG:
		p.msg, p.mode = p.info(), pagerMessage
	case tcell.KeyRune:
		switch ev.Rune() {
		case 'q', 'Q':
			p.quit()
		case ' ', 'f', 'z':
			p.scroll(p.pageH)
		case 'b', 'w':
			p.scroll(-p.pageH)
		case 'j', 'e':
			p.scroll(1)
		case 'k', 'y':
			p.scroll(-1)
		case 'd':
			p.scroll(half)
		case 'u':
			p.scroll(-half)
		case 'g', '<':
			p.fresh, p.top = false, 0
		case 'G', '>':
			p.fresh, p.top = false, p.maxTop()
		case '/', '?':
			p.mode, p.back, p.input = pagerSearch, ev.Rune() == '?', nil
		case 'n', 'N':
			back := p.reBack != (ev.Rune() == 'N')
			if p.re != nil && !p.search(back) {
				p.msg, p.mode = "Pattern not found  (press RETURN)", pagerMessage
			}
		case ':':
			p.mode = pagerColon
		case 'Z':
			p.mode = pagerZ
		case '=':
			p.msg, p.mode = p.info(), pagerMessage
		case 'r', 'R':
		}
	}
}

// moreKey is a key of more at its "--More--" prompt.
func (p *pagerView) moreKey(ev *tcell.EventKey) {
	p.hint = false
	switch ev.Key() {
	case tcell.KeyEnter, tcell.KeyCtrlJ, tcell.KeyDown:
		p.forward(1)
	case tcell.KeyCtrlD:
		p.forward(11)
	case tcell.KeyCtrlB, tcell.KeyPgUp:
		p.moreBack()
	case tcell.KeyPgDn, tcell.KeyCtrlF:
		p.forward(p.pageH)
	case tcell.KeyRune:
		switch ev.Rune() {
		case ' ', 'z':
			p.forward(p.pageH)
		case 'f':
			p.forward(2 * p.pageH)
		case 'd':
			p.forward(11)
		case 'q', 'Q':
			p.quit()
		case 'b':
			p.moreBack()
		case '/':
			p.mode, p.back, p.input = pagerSearch, false, nil
		case 'n':
			if p.re != nil && !p.search(false) {
				p.msg, p.mode = "Pattern not found", pagerMessage
			}
		case '=':
			line := 0
			if p.end > 0 {
				line = p.rows[p.end-1].line + 1
			}
			p.msg, p.mode = fmt.Sprintf("%d", line), pagerMessage
		default:
			p.hint = true
		}
	default:
		p.hint = true
	}
}

// moreBack is more's b: a screenful back (files only, not a pipe).
func (p *pagerView) moreBack() {
	if len(p.req.Pages) == 0 || p.req.Pages[p.fileOf(p.end-1)].Name == "" {
		p.hint = true
		return
	}
	p.end = max(p.end-p.pageH, min(p.pageH, len(p.rows)))
}

// searchKey edits the pattern typed after / or ?.
func (p *pagerView) searchKey(ev *tcell.EventKey) {
	switch ev.Key() {
	case tcell.KeyEnter:
		p.mode = pagerNormal
		if len(p.input) > 0 {
			p.re, p.reBack = p.compile(string(p.input)), p.back
		}
		if p.re == nil {
			return
		}
		if !p.search(p.back) {
			if p.more {
				p.msg = "Pattern not found"
			} else {
				p.msg = "Pattern not found  (press RETURN)"
			}
			p.mode = pagerMessage
		}
	case tcell.KeyEscape, tcell.KeyCtrlC, tcell.KeyCtrlG:
		p.mode = pagerNormal
	case tcell.KeyBackspace, tcell.KeyBackspace2:
		if len(p.input) == 0 {
			p.mode = pagerNormal
			return
		}
		p.input = p.input[:len(p.input)-1]
	case tcell.KeyCtrlU:
		p.input = nil
	case tcell.KeyRune:
		p.input = append(p.input, ev.Rune())
	}
}
