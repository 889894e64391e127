package tui

import (
	"fmt"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/scenarios"
)

// examPane is the exam's task pane: the scenario's title, the candidate
// and the countdown at the top; then, scrolling, the task (lessons'
// markup rendered), the checks with their points (pass or fail only
// when the scenario allows live results), and the question asked before
// submitting or quitting. No hints, no solutions.
type examPane struct {
	panel
	es *examScreen
}

func newExamPane(e *env, es *examScreen) *examPane {
	return &examPane{panel: newPanel(e), es: es}
}

// Draw draws the frame, the fixed header and the scrolling body.
func (p *examPane) Draw(screen tcell.Screen) {
	e, es := p.env, p.es
	x, y, w, h := p.frame(screen, e.tr(msgExamTask), p)
	if w < 4 || h < 2 {
		return
	}
	st := stylesOf(e.th)
	header := titleLines(es.sc.Title.In(e.lang.lesson()), w-2, st)
	clockSt := st.head
	if es.phase == examRunning && es.drv.left() < time.Minute {
		clockSt = st.warn
	}
	header = append(header, richLine{{es.clockText(), clockSt}})
	if es.ask != actNone {
		q := msgExamAskSubmit
		if es.ask == actQuitExam {
			q = msgExamAskQuit
		}
		header = append(header, richLine{})
		for _, l := range wrapText(e.tr(q), w-2) {
			header = append(header, richLine{{l, st.warn}})
		}
		for _, l := range wrapText(e.tr(msgExamAskKeys), w-2) {
			header = append(header, richLine{{l, st.dim}})
		}
	}
	if es.note != "" {
		header = append(header, richLine{})
		for _, l := range wrapText(es.note, w-2) {
			header = append(header, richLine{{l, st.warn}})
		}
	}
	header = append(header, richLine{})
	row := drawHeader(screen, header, x, y, w, h)
	bodyH := y + h - row
	if bodyH <= 0 {
		return
	}
	p.drawScrolled(screen, p.body(w-2, st), x, row, w, bodyH, st.dim)
}

// body is the task and the checks.
func (p *examPane) body(w int, st paneStyles) []richLine {
	e, es := p.env, p.es
	cl := e.lang.lesson()
	lines := renderMarkup(es.sc.Task.In(cl), w, st)
	lines = append(lines, richLine{})
	lines = append(lines, richLine{{e.trf(msgExamChecks, es.sc.Points()), st.head}})
	lines = append(lines, checkLines(e, es.sc, es.live, w, st)...)
	lines = append(lines, richLine{})
	for _, l := range wrapText(e.tr(msgExamSubmitHint), w) {
		lines = append(lines, richLine{{l, st.dim}})
	}
	return lines
}

// checkLines lists a scenario's checks with their points; with a score,
// each is marked passing (✓) or failing (✗).
func checkLines(e *env, sc *scenarios.Scenario, score *scenarios.Score, w int, st paneStyles) []richLine {
	cl := e.lang.lesson()
	var out []richLine
	for i, c := range sc.Checks {
		pts := e.trf(msgExamPoints, c.Points)
		mark, markSt := "- ", st.text
		if score != nil && i < len(score.Checks) {
			if score.Checks[i].Pass {
				mark, markSt = "✓ ", st.good
			} else {
				mark, markSt = "✗ ", st.warn
			}
		}
		for k, l := range wrapText(c.Text.In(cl)+" ("+pts+")", w-2) {
			lead, leadSt := "  ", st.text
			if k == 0 {
				lead, leadSt = mark, markSt
			}
			out = append(out, richLine{{lead, leadSt}, {l, st.text}})
		}
	}
	return out
}

// pointsText is "earned / max".
func pointsText(earned, maxPts int) string { return fmt.Sprintf("%d / %d", earned, maxPts) }

// InputHandler scrolls the pane; Esc goes back to the console.
func (p *examPane) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return p.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		p.handle(ev, scopePanel, func(action) bool { return false })
	})
}

// MouseHandler focuses the pane on a click and scrolls with the wheel.
func (p *examPane) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return p.mouse(p)
}
