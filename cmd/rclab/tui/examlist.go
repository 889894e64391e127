package tui

import (
	"strings"
	"time"
	"unicode"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/scenarios"
)

// The pages of the exams.
const (
	pageExams      = "exams"
	pageExamForm   = "examform"
	pageExam       = "exam"
	pageExamGrub   = "examgrub"
	pageExamResult = "examresult"
	pageReplay     = "replay"
)

// examUI is the exams' part of the UI: the list, the form, the exam
// being taken and the replay.
type examUI struct {
	loaded   bool
	all      []*scenarios.Scenario
	list     *examList
	listRoot *tview.Flex
	form     *examForm
	formRoot *tview.Flex
	cur      *examScreen
	replay   *replayScreen
}

// examList is the exams screen: every scenario with its id, title in
// the UI's language, points and time limit. Enter asks for the
// candidate's name, then the exam starts.
type examList struct {
	*tview.Box
	env   *env
	items []*scenarios.Scenario
	rowList
	onOpen func(*scenarios.Scenario)
}

func newExamList(e *env, items []*scenarios.Scenario, onOpen func(*scenarios.Scenario)) *examList {
	return &examList{Box: newBox(), env: e, items: items, onOpen: onOpen}
}

func (l *examList) move(d int) {
	if len(l.items) > 0 {
		l.sel = max(0, min(l.sel+d, len(l.items)-1))
	}
}

// do performs a key of the exams screen.
func (l *examList) do(act action) {
	switch act {
	case actUp:
		l.move(-1)
	case actDown:
		l.move(1)
	case actTop:
		l.sel = 0
	case actBottom:
		l.sel = len(l.items) - 1
	case actSelect:
		if l.sel < len(l.items) {
			l.onOpen(l.items[l.sel])
		}
	}
}

// minutesText is a time limit as the list shows it: "20 min".
func minutesText(e *env, d time.Duration) string {
	return e.trf(msgExamMinutes, int(d.Round(time.Minute)/time.Minute))
}

// Draw shows a header and one row per scenario.
func (l *examList) Draw(screen tcell.Screen) {
	l.Box.DrawForSubclass(screen, l)
	x, y, w, h := l.GetInnerRect()
	if w < 10 || h < 3 {
		return
	}
	e, th := l.env, l.env.th
	cl := e.lang.lesson()
	ptsW := textWidth(e.tr(msgExamColPoints))
	timeW := textWidth(e.tr(msgExamColTime))
	idW := 3
	for _, s := range l.items {
		ptsW = max(ptsW, textWidth(e.trf(msgExamPoints, s.Points())))
		timeW = max(timeW, textWidth(minutesText(e, time.Duration(s.TimeLimit))))
		idW = max(idW, textWidth(s.ID))
	}
	if w-idW-ptsW-timeW-8 < 20 { // short ids: E07
		idW = 3
	}
	titleW := max(4, w-2-idW-ptsW-timeW-6)
	id := func(s *scenarios.Scenario) string {
		if idW == 3 {
			head, _, _ := strings.Cut(s.ID, "-")
			return head
		}
		return s.ID
	}
	row := func(ry int, a, b, c, d string, st tcell.Style) {
		line := " " + padRight(a, idW) + "  " + padRight(b, titleW) + "  " + padLeft(c, ptsW) + "  " + padLeft(d, timeW)
		printText(screen, x, ry, w, padRight(line, w), st)
	}
	row(y, e.tr(msgExamColID), e.tr(msgExamColTitle), e.tr(msgExamColPoints), e.tr(msgExamColTime), th.header)
	visible := h - 3
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+visible {
		l.top = l.sel - visible + 1
	}
	l.rows = l.rows[:0]
	for i := l.top; i < len(l.items) && i-l.top < visible; i++ {
		s := l.items[i]
		ry := y + 1 + i - l.top
		st := th.text
		if i == l.sel {
			st = th.selected
		}
		l.rows = append(l.rows, ry)
		row(ry, id(s), s.Title.In(cl), e.trf(msgExamPoints, s.Points()), minutesText(e, time.Duration(s.TimeLimit)), st)
	}
	if len(l.items) > 0 && l.sel < len(l.items) {
		for i, line := range wrapText(e.tr(msgExamListHint), w-2) {
			if y+h-2+i < y+h {
				printText(screen, x+1, y+h-2+i, w-2, line, th.dim)
			}
		}
	}
}

// padLeft pads s on the left to w cells.
func padLeft(s string, w int) string {
	s = truncate(s, w)
	return strings.Repeat(" ", max(0, w-textWidth(s))) + s
}

// MouseHandler selects a row on a click and opens it on a second one.
func (l *examList) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return l.mouse(l.Box, l, l.move, func() { l.do(actSelect) })
}

// maxNameLen bounds the candidate's name.
const maxNameLen = 60

// examForm asks for the candidate's name before an exam starts, and
// says what the exam is: its points and time limit.
type examForm struct {
	*tview.Box
	env     *env
	sc      *scenarios.Scenario
	name    []rune
	problem string
	onStart func(name string)
	onBack  func()
}

func newExamForm(e *env, onStart func(string), onBack func()) *examForm {
	return &examForm{Box: newBox(), env: e, onStart: onStart, onBack: onBack}
}

// Draw centres the form.
func (f *examForm) Draw(screen tcell.Screen) {
	f.Box.DrawForSubclass(screen, f)
	x, y, w, h := f.GetInnerRect()
	e, th := f.env, f.env.th
	bw := min(w-2, 72)
	if bw < 20 || h < 8 || f.sc == nil {
		return
	}
	cl := e.lang.lesson()
	var lines []richLine
	st := stylesOf(th)
	for _, l := range wrapText(f.sc.Title.In(cl)+" ("+f.sc.ID+")", bw-4) {
		lines = append(lines, richLine{{l, st.bold}})
	}
	info := e.trf(msgExamFormInfo, f.sc.Points(), minutesText(e, time.Duration(f.sc.TimeLimit)))
	for _, l := range wrapText(info, bw-4) {
		lines = append(lines, richLine{{l, st.text}})
	}
	lines = append(lines, richLine{})
	label := e.tr(msgExamFormName) + " "
	field := string(f.name)
	fw := max(1, bw-4-textWidth(label))
	shown := field
	for textWidth(shown) > fw-1 {
		_, size := firstRune(shown)
		shown = shown[size:]
	}
	lines = append(lines, richLine{{label, st.head}, {padRight(shown, fw), th.selected}})
	if f.problem != "" {
		lines = append(lines, richLine{})
		for _, l := range wrapText(f.problem, bw-4) {
			lines = append(lines, richLine{{l, st.warn}})
		}
	}
	lines = append(lines, richLine{})
	for _, l := range wrapText(e.tr(msgExamFormHint), bw-4) {
		lines = append(lines, richLine{{l, st.dim}})
	}
	bh := min(h, len(lines)+4)
	bx, by := x+(w-bw)/2, y+(h-bh)/2
	ix, iy, iw, ih := drawFrame(screen, th, bx, by, bw, bh, e.tr(msgExamFormTitle), true)
	fieldRow := -1
	for i, l := range lines {
		if i+1 >= ih {
			break
		}
		l.draw(screen, ix+1, iy+1+i, iw-2)
		if len(l) == 2 && l[0].text == label {
			fieldRow = iy + 1 + i
		}
	}
	if fieldRow >= 0 && f.HasFocus() {
		screen.ShowCursor(ix+1+textWidth(label)+textWidth(shown), fieldRow)
	}
}

// firstRune is the first rune of s and its size.
func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}

// do performs a key of the form.
func (f *examForm) do(act action) {
	switch act {
	case actSelect:
		f.onStart(strings.TrimSpace(string(f.name)))
	case actClose:
		f.onBack()
	case actBackspace:
		if len(f.name) > 0 {
			f.name = f.name[:len(f.name)-1]
		}
	}
}

// InputHandler types the name.
func (f *examForm) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return f.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		if act, _ := lookup(scopeExamForm, ev); act != actNone {
			f.do(act)
			return
		}
		if ev.Key() == tcell.KeyRune && ev.Modifiers()&(tcell.ModAlt|tcell.ModCtrl) == 0 && unicode.IsPrint(ev.Rune()) && len(f.name) < maxNameLen {
			f.name = append(f.name, ev.Rune())
		}
	})
}

// PasteHandler types pasted text on one line.
func (f *examForm) PasteHandler() func(text string, setFocus func(p tview.Primitive)) {
	return f.WrapPasteHandler(func(text string, _ func(tview.Primitive)) {
		for _, r := range text {
			if unicode.IsPrint(r) && len(f.name) < maxNameLen {
				f.name = append(f.name, r)
			}
		}
	})
}

// loadScenarios reads the exams once: the configured ones, or the
// built-in ones.
func (u *UI) loadScenarios() []*scenarios.Scenario {
	if !u.ex.loaded {
		u.ex.loaded = true
		u.ex.all = u.cfg.exam.list
		if !u.cfg.exam.listSet {
			u.ex.all, _ = scenarios.LoadAll(scenarios.Content()) // the built-in scenarios are tested
		}
	}
	return u.ex.all
}

// examRoot is a page: a status line, body, and a key bar whose clicks go
// to press.
func (u *UI) examRoot(status func() (string, string), body tview.Primitive, press func(binding), scopes ...scope) *tview.Flex {
	f := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(newStatusBar(u.env, status), 1, 0, false).
		AddItem(body, 0, 1, true).
		AddItem(newKeyBar(u.env, press, scopes...), 1, 0, false)
	f.SetBackgroundColor(tcell.ColorDefault)
	return f
}

// showExams opens the exams screen (a notice when there are none).
func (u *UI) showExams() {
	list := u.loadScenarios()
	if len(list) == 0 {
		u.showNotice(msgHomeExams, msgNoExams)
		return
	}
	if u.ex.list == nil {
		u.ex.list = newExamList(u.env, list, u.examForm)
		u.ex.listRoot = u.examRoot(func() (string, string) {
			return "rclab · " + u.env.tr(msgHomeExams), ""
		}, u.ex.list, u.examPress(scopeExams), scopeGlobal, scopeExams)
		u.pages.AddPage(pageExams, u.ex.listRoot, true, false)
		u.ex.form = newExamForm(u.env, u.startExam, func() { u.switchTo(pageExams, u.ex.list) })
		u.ex.formRoot = u.examRoot(func() (string, string) {
			return "rclab · " + u.env.tr(msgHomeExams), ""
		}, u.ex.form, u.examPress(scopeExamForm), scopeGlobal, scopeExamForm)
		u.pages.AddPage(pageExamForm, u.ex.formRoot, true, false)
	}
	u.switchTo(pageExams, u.ex.list)
}

// examForm asks for the candidate's name before exam sc.
func (u *UI) examForm(sc *scenarios.Scenario) {
	u.ex.form.sc = sc
	u.ex.form.problem = ""
	u.switchTo(pageExamForm, u.ex.form)
}

// startExam starts the form's exam for the candidate name, on a variant
// drawn from a new seed; it is not recorded.
func (u *UI) startExam(name string) {
	f := u.ex.form
	seed := randomSeed()
	if u.cfg.exam.seed != nil {
		seed = u.cfg.exam.seed()
	}
	v, err := f.sc.Variant(seed)
	if err != nil {
		f.problem = err.Error()
		return
	}
	opts := u.cfg.exam.machineOptions()
	u.showExam(Exam{Student: name}, v.Scenario, true, func() (*scenarios.Session, error) {
		return scenarios.NewSession(v, opts...)
	})
}

// examPress is the key bar's press of the list or the form: the keys of
// scope s are theirs, the others the UI's.
func (u *UI) examPress(s scope) func(binding) {
	return func(b binding) {
		if b.scope == s {
			u.examKey(s, b.act)
			return
		}
		u.press(b)
	}
}

// examKey performs a key of the exams' list and form screens.
func (u *UI) examKey(s scope, act action) {
	switch s {
	case scopeExams:
		if act == actHome {
			u.showHome()
			return
		}
		u.ex.list.do(act)
	case scopeExamForm:
		u.ex.form.do(act)
	}
}

// examCapture handles the keys of the exams' pages (after the global
// ones); ok is false on other pages.
func (u *UI) examCapture(ev *tcell.EventKey) (out *tcell.EventKey, ok bool) {
	switch u.page {
	case pageExams:
		act, _ := lookup(scopeExams, ev)
		if act == actNone {
			return ev, true
		}
		u.examKey(scopeExams, act)
		return nil, true
	case pageExam:
		if ev.Key() == tcell.KeyCtrlC {
			u.ex.cur.interrupt()
			return nil, true
		}
		return u.ex.cur.capture(ev), true
	case pageReplay:
		return u.ex.replay.capture(ev), true
	case pageExamForm, pageExamResult, pageExamGrub:
		if ev.Key() == tcell.KeyCtrlC {
			return nil, true
		}
		return ev, true
	}
	return ev, false
}

// examHelpScopes are the help's scopes on the exams' pages; nil on
// other pages.
func (u *UI) examHelpScopes() []scope {
	switch u.page {
	case pageExams:
		return []scope{scopeGlobal, scopeExams, scopeDialog}
	case pageExamForm:
		return []scope{scopeGlobal, scopeExamForm, scopeDialog}
	case pageExam:
		return []scope{scopeGlobal, scopeExam, scopeConfirm, scopeTerminal, scopePanel, scopeDialog}
	case pageExamGrub:
		return []scope{scopeGlobal, scopeGrub, scopeDialog}
	case pageExamResult:
		return []scope{scopeGlobal, scopeExamResult, scopeDialog}
	case pageReplay:
		return []scope{scopeGlobal, scopeReplay, scopeDialog}
	}
	return nil
}

// openExamAtStart opens the exam or replay the options ask for; it reports
// whether one was.
func (u *UI) openExamAtStart() bool {
	switch c := u.cfg.exam; {
	case c.start != nil:
		x := *c.start
		if x.Session == nil {
			u.showNotice(msgHomeExams, msgNoExams)
			return true
		}
		u.showExam(x, x.Session.Scenario(), false, nil)
		return true
	case c.replay != nil:
		u.showReplay(*c.replay)
		return true
	}
	return false
}
