package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/scenarios"
	"rclab/scenarios/record"
)

// examResult is the screen after an exam: the total, then each check
// passed or failed with what it expected and found (in the UI's
// language) and its points, and where the transcript is.
type examResult struct {
	panel
	sc      *scenarios.Scenario
	student string
	reason  string
	score   scenarios.Score
	err     error  // the transcript could not be finished
	file    string // the transcript, "" when not recorded
	onClose func()
}

func newExamResult(e *env, sc *scenarios.Scenario, student, reason string, score scenarios.Score, err error, file string, onClose func()) *examResult {
	return &examResult{panel: newPanel(e), sc: sc, student: student, reason: reason, score: score, err: err, file: file, onClose: onClose}
}

// lines renders the result in w cells.
func (r *examResult) lines(w int) []richLine {
	e := r.env
	st := stylesOf(e.th)
	cl := e.lang.lesson()
	var out []richLine
	add := func(s string, style tcell.Style) {
		for _, l := range wrapText(s, w) {
			out = append(out, richLine{{l, style}})
		}
	}
	add(r.sc.Title.In(cl)+" ("+r.sc.ID+")", st.bold)
	who := r.student
	if who == "" {
		who = e.tr(msgExamNoName)
	}
	add(e.trf(msgResultWho, who, e.tr(reasonMsg(r.reason))), st.text)
	out = append(out, richLine{})
	total := e.trf(msgResultTotal, pointsText(r.score.Total, r.score.Max))
	totalSt := st.head
	if r.score.Max > 0 && r.score.Total == r.score.Max {
		totalSt = st.good
	}
	out = append(out, richLine{{total, totalSt.Bold(true)}})
	out = append(out, richLine{})
	for _, c := range r.score.Checks {
		mark, markSt := "✗ ", st.warn
		if c.Pass {
			mark, markSt = "✓ ", st.good
		}
		pts := pointsText(c.Earned, c.Points)
		textW := max(4, w-2-textWidth(pts)-1)
		for k, l := range wrapText(c.Text.In(cl), textW) {
			if k == 0 {
				out = append(out, richLine{{mark, markSt}, {padRight(l, textW), st.text}, {" " + pts, markSt}})
			} else {
				out = append(out, richLine{{"  " + l, st.text}})
			}
		}
		for _, l := range wrapText(c.Explain(cl), w-4) {
			out = append(out, richLine{{"    " + l, st.dim}})
		}
	}
	out = append(out, richLine{})
	switch {
	case r.err != nil:
		add(e.trf(msgResultRecordErr, r.err), st.warn)
	case r.file != "":
		add(e.trf(msgResultRecorded, r.file), st.dim)
	default:
		add(e.tr(msgResultNotRecorded), st.dim)
	}
	add(e.tr(msgResultClose), st.dim)
	return out
}

// reasonMsg is the text of a footer's reason.
func reasonMsg(reason string) msgID {
	switch reason {
	case record.ReasonTimeout:
		return msgReasonTimeout
	case record.ReasonQuit:
		return msgReasonQuit
	}
	return msgReasonSubmitted
}

// Draw draws the result in a frame, scrolling.
func (r *examResult) Draw(screen tcell.Screen) {
	x, y, w, h := r.frame(screen, r.env.tr(msgResultTitle), r)
	if w < 6 || h < 1 {
		return
	}
	r.drawScrolled(screen, r.lines(w-2), x, y, w, h, r.env.th.dim)
}

// do performs a key of the result screen.
func (r *examResult) do(act action) {
	if act == actClose {
		r.onClose()
		return
	}
	r.scroll(act)
}

// InputHandler scrolls and closes.
func (r *examResult) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return r.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		if act, _ := lookup(scopeExamResult, ev); act != actNone {
			r.do(act)
		}
	})
}

// MouseHandler scrolls with the wheel.
func (r *examResult) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return r.mouse(r)
}

// showExamResult shows the result of exam es.
func (u *UI) showExamResult(es *examScreen, sc scenarios.Score, reason string, err error) {
	res := newExamResult(u.env, es.sc, es.x.Student, reason, sc, err, es.x.RecordFile, func() {
		u.pages.RemovePage(pageExamResult)
		u.pages.RemovePage(pageExam)
		u.pages.RemovePage(pageExamGrub)
		u.ex.cur = nil
		if es.fromHome {
			u.showHome()
			return
		}
		u.app.Stop()
	})
	root := u.screen(func() (string, string) {
		return es.title(), es.x.Student
	}, res, scopeGlobal, scopeExamResult)
	u.pages.RemovePage(pageExamResult)
	u.pages.AddPage(pageExamResult, root, true, false)
	u.switchTo(pageExamResult, res)
}
