package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/lessons"
)

// lessonPane is the lesson screen's left side: the lesson's title and
// "step k of n" at the top, then, scrolling, the step's text (lessons'
// markup rendered: `code`, **bold**, lists, lines shown as typed), the
// suggested command, and the notes the learner asked for (hints, checks,
// the solution), or the summary once the lesson is complete. It draws
// what its screen tells it; it never reads the lesson's player.
type lessonPane struct {
	panel
	lesson *lessons.Lesson
	view   *lessonView
	// flash is a short notice under the header (a step done, a busy
	// machine); question is a yes/no question waiting for its answer.
	flash, question *note
	notes           []note
	// reveal asks the next Draw to scroll the last note into view.
	reveal bool
}

// noteKind is how a note is drawn.
type noteKind int

const (
	notePlain noteKind = iota
	noteGood           // a step done, a check passing
	noteWarn           // a check failing, a problem
)

// note is one thing the pane tells the learner. Its texts are functions
// of the language, so a note follows the UI's language.
type note struct {
	kind   noteKind
	head   func(l Lang) string // a heading line, or nil
	body   func(l Lang) string // lessons' markup, or nil
	plain  bool                // body is plain text, not markup
	lines  []string            // lines shown as typed (a solution)
	footer func(l Lang) string // a closing line, or nil
}

func newLessonPane(e *env, l *lessons.Lesson, v *lessonView) *lessonPane {
	return &lessonPane{panel: newPanel(e), lesson: l, view: v}
}

// addNote adds a note below the step and scrolls to it.
func (p *lessonPane) addNote(n note) {
	p.notes = append(p.notes, n)
	if len(p.notes) > 20 {
		p.notes = p.notes[len(p.notes)-20:]
	}
	p.reveal = true
}

// newStep forgets the previous step's notes and goes back to the top.
func (p *lessonPane) newStep() {
	p.notes = nil
	p.offset = 0
	p.reveal = false
}

// seg is a run of text in one style; a richLine is one row of the pane.
type seg struct {
	text string
	st   tcell.Style
}

type richLine []seg

// paneStyles are the styles of the pane's text.
type paneStyles struct {
	text, bold, code, head, dim, good, warn tcell.Style
}

// Draw draws the frame, the fixed header and the scrolling body.
func (p *lessonPane) Draw(screen tcell.Screen) {
	e := p.env
	x, y, w, h := p.frame(screen, e.tr(msgLessonPane), p)
	if w < 4 || h < 2 {
		return
	}
	st := stylesOf(e.th)
	header := titleLines(p.lesson.Title.In(e.lang.lesson()), w-2, st)
	switch v := p.view; {
	case !v.ready:
		header = append(header, richLine{{e.tr(msgLessonPreparing), st.dim}})
	case v.done():
		header = append(header, richLine{{e.tr(msgLessonComplete), st.good}})
	default:
		header = append(header, richLine{{e.trf(msgLessonStepOf, v.step+1, v.steps), st.head}})
	}
	if p.flash != nil {
		header = append(header, richLine{})
		header = append(header, p.noteLines(*p.flash, w-2, st)...)
	}
	if p.question != nil {
		header = append(header, richLine{})
		header = append(header, p.noteLines(*p.question, w-2, st)...)
	}
	header = append(header, richLine{})
	row := drawHeader(screen, header, x, y, w, h)
	bodyH := y + h - row
	if bodyH <= 0 {
		return
	}
	body, noteStart := p.body(w-2, st)
	if p.reveal {
		p.reveal = false
		if len(body) > bodyH {
			p.offset = min(noteStart, len(body)-bodyH)
		}
	}
	p.drawScrolled(screen, body, x, row, w, bodyH, st.dim)
}

// body is the scrolling part: the intro (on the first step), the step,
// the suggested command and the notes; or the summary. noteStart is the
// row where the last note begins.
func (p *lessonPane) body(w int, st paneStyles) (lines []richLine, noteStart int) {
	e, v := p.env, p.view
	cl := e.lang.lesson()
	blank := func() {
		if len(lines) > 0 && len(lines[len(lines)-1]) > 0 {
			lines = append(lines, richLine{})
		}
	}
	switch {
	case !v.ready:
	case v.done():
		lines = append(lines, p.summaryLines(w, st)...)
	default:
		if v.step == 0 && len(p.lesson.Intro) > 0 {
			lines = append(lines, renderMarkup(p.lesson.Intro.In(cl), w, st)...)
			blank()
			lines = append(lines, richLine{{strings.Repeat("─", w), st.dim}})
		}
		s := p.lesson.Steps[v.step]
		lines = append(lines, renderMarkup(s.Text.In(cl), w, st)...)
		if s.Command != "" {
			blank()
			label := e.tr(msgLessonTry)
			lines = append(lines, wrapWords(append([]word{{segs: []seg{{label, st.dim}}, w: textWidth(label)}},
				codeWords(s.Command, st.code)...), w, "", "  ")...)
		}
	}
	noteStart = len(lines)
	for _, n := range p.notes {
		blank()
		noteStart = len(lines)
		lines = append(lines, p.noteLines(n, w, st)...)
	}
	return lines, noteStart
}

// summaryLines report a completed lesson.
func (p *lessonPane) summaryLines(w int, st paneStyles) []richLine {
	e, s := p.env, p.view.summary
	var out []richLine
	add := func(id msgID, args ...any) {
		for _, l := range wrapText(e.trf(id, args...), w) {
			out = append(out, richLine{{l, st.text}})
		}
	}
	add(msgLessonSumTime, durationText(e.lang, p.view.elapsed))
	add(msgLessonSumCommands, s.Commands, p.view.reference)
	add(msgLessonSumHints, s.Hints)
	if s.Assisted {
		add(msgLessonSumAssisted, len(s.AssistedSteps))
	} else {
		add(msgLessonSumOwn)
	}
	out = append(out, richLine{})
	for _, l := range wrapText(e.tr(msgLessonSumNext), w) {
		out = append(out, richLine{{l, st.dim}})
	}
	return out
}

// noteLines renders a note.
func (p *lessonPane) noteLines(n note, w int, st paneStyles) []richLine {
	l := p.env.lang
	var out []richLine
	headSt := st.head
	switch n.kind {
	case noteGood:
		headSt = st.good
	case noteWarn:
		headSt = st.warn
	}
	if n.head != nil {
		for _, t := range wrapText(n.head(l), w) {
			out = append(out, richLine{{t, headSt}})
		}
	}
	if n.body != nil {
		if n.plain {
			for _, para := range strings.Split(n.body(l), "\n") {
				for _, t := range wrapText(para, w) {
					out = append(out, richLine{{t, st.text}})
				}
			}
		} else {
			out = append(out, renderMarkup(n.body(l), w, st)...)
		}
	}
	for _, t := range n.lines {
		out = append(out, preLines(t, w, st.code)...)
	}
	if n.footer != nil {
		for _, t := range wrapText(n.footer(l), w) {
			out = append(out, richLine{{t, st.dim}})
		}
	}
	return out
}

// draw prints the line at x, y in at most w cells.
func (l richLine) draw(screen tcell.Screen, x, y, w int) {
	used := 0
	for _, s := range l {
		if used >= w {
			return
		}
		used += printText(screen, x+used, y, w-used, s.text, s.st)
	}
}

// word is text wrapping keeps on one line: runs glued together, as a
// `code` span and the comma after it.
type word struct {
	segs []seg
	w    int
}

// renderMarkup lays lessons' markup out in w cells: paragraphs wrapped
// and separated by a blank line, list items with a hanging indent, lines
// shown as typed cut to the width. Text with bad markup is shown plain.
func renderMarkup(s string, w int, st paneStyles) []richLine {
	blocks, err := lessons.ParseMarkup(s)
	if err != nil {
		var out []richLine
		for _, para := range strings.Split(s, "\n") {
			for _, l := range wrapText(para, w) {
				out = append(out, richLine{{l, st.text}})
			}
		}
		return out
	}
	var out []richLine
	for i, b := range blocks {
		if i > 0 && (b.Kind == lessons.Paragraph || blocks[i-1].Kind != b.Kind) {
			out = append(out, richLine{})
		}
		switch b.Kind {
		case lessons.Pre:
			out = append(out, preLines("  "+b.Text, w, st.code)...)
		case lessons.Item:
			out = append(out, wrapWords(spanWords(b.Spans, st), w, "- ", "  ")...)
		case lessons.NumItem:
			first := strconv.Itoa(b.Num) + ". "
			out = append(out, wrapWords(spanWords(b.Spans, st), w, first, strings.Repeat(" ", len(first)))...)
		default:
			out = append(out, wrapWords(spanWords(b.Spans, st), w, "", "")...)
		}
	}
	return out
}

// spanWords splits styled spans into words at spaces.
func spanWords(spans []lessons.Span, st paneStyles) []word {
	var words []word
	var cur word
	flush := func() {
		if len(cur.segs) > 0 {
			words = append(words, cur)
			cur = word{}
		}
	}
	for _, sp := range spans {
		style := st.text
		switch {
		case sp.Code:
			style = st.code
		case sp.Bold:
			style = st.bold
		}
		for i, part := range strings.Split(sp.Text, " ") {
			if i > 0 {
				flush()
			}
			if part == "" {
				continue
			}
			cur.segs = append(cur.segs, seg{part, style})
			cur.w += textWidth(part)
		}
	}
	flush()
	return words
}

// codeWords is a command line as words in the code style.
func codeWords(s string, st tcell.Style) []word {
	var out []word
	for _, f := range strings.Fields(s) {
		out = append(out, word{segs: []seg{{f, st}}, w: textWidth(f)})
	}
	return out
}

// wrapWords fills lines of w cells with words separated by spaces; the
// first line starts with first, the others with rest (a hanging indent).
// A word wider than a line is cut.
func wrapWords(words []word, w int, first, rest string) []richLine {
	var out []richLine
	line := richLine{{first, tcell.StyleDefault}}
	lw, empty := textWidth(first), true
	for _, wd := range words {
		if !empty && lw+1+wd.w > w {
			out = append(out, line)
			line, lw, empty = richLine{{rest, tcell.StyleDefault}}, textWidth(rest), true
		}
		if !empty {
			line = append(line, seg{" ", tcell.StyleDefault})
			lw++
		}
		for _, s := range wd.segs {
			for s.text != "" {
				room := w - lw
				if room <= 0 {
					out = append(out, line)
					line, lw = richLine{{rest, tcell.StyleDefault}}, textWidth(rest)
					room = w - lw
					if room <= 0 {
						return append(out, line)
					}
				}
				head := cutCells(s.text, room)
				line = append(line, seg{head, s.st})
				lw += textWidth(head)
				s.text = s.text[len(head):]
			}
		}
		empty = false
	}
	return append(out, line)
}

// preLines shows a line as typed, cut into rows of w cells.
func preLines(s string, w int, st tcell.Style) []richLine {
	var out []richLine
	for first := true; first || s != ""; first = false {
		head := cutCells(s, w)
		if head == "" && s != "" {
			break
		}
		out = append(out, richLine{{head, st}})
		s = s[len(head):]
	}
	return out
}

// cutCells is the longest prefix of s that fits in w cells, but at
// least one character when w > 0, so that wrapping always progresses (a
// wide character in a one-cell room is then not drawn).
func cutCells(s string, w int) string {
	used := 0
	for i, r := range s {
		rw := runeWidth(r)
		if used+rw > w {
			if i == 0 && w > 0 {
				_, n := utf8.DecodeRuneInString(s)
				return s[:n]
			}
			return s[:i]
		}
		used += rw
	}
	return s
}

// InputHandler scrolls the pane; Esc gives the focus back to the
// console.
func (p *lessonPane) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return p.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		p.handle(ev, scopePanel, func(action) bool { return false })
	})
}

// MouseHandler focuses the pane on a click and scrolls with the wheel.
func (p *lessonPane) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return p.mouse(p)
}
