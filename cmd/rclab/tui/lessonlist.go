package tui

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/lessons"
)

// lessonRecord is what the list shows of a learner's past work on one
// lesson.
type lessonRecord struct {
	completed, assisted bool
	stepsDone           int
}

// lessonList is the lessons screen: every lesson, id and title in the
// UI's language, with a mark for those completed (on their own or with
// a shown solution) and how far the others went. Enter opens one.
type lessonList struct {
	*tview.Box
	env    *env
	items  []*lessons.Lesson
	record func(id string) lessonRecord
	rowList
	onOpen func(l *lessons.Lesson)
}

func newLessonList(e *env, items []*lessons.Lesson, record func(string) lessonRecord, onOpen func(*lessons.Lesson)) *lessonList {
	return &lessonList{Box: newBox(), env: e, items: items, record: record, onOpen: onOpen}
}

func (l *lessonList) move(d int) {
	if len(l.items) > 0 {
		l.sel = (l.sel + d + len(l.items)) % len(l.items)
	}
}

// choose selects the lesson whose id is id, if there is one.
func (l *lessonList) choose(id string) {
	for i, x := range l.items {
		if x.ID == id {
			l.sel = i
		}
	}
}

func (l *lessonList) open() {
	if l.sel < len(l.items) && l.onOpen != nil {
		l.onOpen(l.items[l.sel])
	}
}

// do performs an action of the lessons screen's keys.
func (l *lessonList) do(act action) {
	switch act {
	case actUp:
		l.move(-1)
	case actDown:
		l.move(1)
	case actTop:
		l.sel = 0
	case actBottom:
		l.sel = max(0, len(l.items)-1)
	case actSelect:
		l.open()
	}
}

// Draw draws the list in a frame: a mark, the id, the title, and on the
// right how far the learner went.
func (l *lessonList) Draw(screen tcell.Screen) {
	l.Box.DrawForSubclass(screen, l)
	bx, by, bw, bh := l.GetInnerRect()
	e, th := l.env, l.env.th
	w := min(bw-2, 100)
	if w < 20 || bh < 4 {
		return
	}
	x, y, iw, ih := drawFrame(screen, th, bx+(bw-w)/2, by, w, bh, e.tr(msgLessonsTitle), true)
	body := ih - 2 // a blank line and the legend below
	if body < 1 {
		body = ih
	}
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+body {
		l.top = l.sel - body + 1
	}
	idW := 0
	for _, it := range l.items {
		idW = max(idW, textWidth(it.ID))
	}
	idW = min(idW, iw/3)
	cl := e.lang.lesson()
	l.rows = l.rows[:0]
	for i := l.top; i < len(l.items) && i-l.top < body; i++ {
		it, ry := l.items[i], y+i-l.top
		l.rows = append(l.rows, ry)
		st, dst := th.text, th.dim
		if i == l.sel {
			st, dst = th.selected, th.selected
			fill(screen, x, ry, iw, th.selected)
		}
		rec := lessonRecord{}
		if l.record != nil {
			rec = l.record(it.ID)
		}
		mark, status := "  ", ""
		switch {
		case rec.completed && rec.assisted:
			mark, status = "✓ ", e.tr(msgLessonsDoneHelp)
		case rec.completed:
			mark, status = "✓ ", e.tr(msgLessonsDone)
		case rec.stepsDone > 0:
			status = e.trf(msgLessonsSteps, rec.stepsDone, len(it.Steps))
		}
		if i == l.sel {
			mark = ">" + mark // the choice stays visible without colour
		} else {
			mark = " " + mark
		}
		n := printText(screen, x+1, ry, iw-1, mark, st.Bold(true))
		n += printText(screen, x+1+n, ry, iw-1-n, padRight(it.ID, idW)+"  ", st)
		sw := textWidth(status)
		room := iw - 2 - n
		if status != "" && room > sw+8 {
			room -= sw + 2
			printText(screen, x+iw-1-sw, ry, sw, status, dst)
		}
		printText(screen, x+1+n, ry, room, truncate(it.Title.In(cl), room), st)
	}
	if body < ih {
		printText(screen, x+1, y+ih-1, iw-2, truncate(e.tr(msgLessonsLegend), iw-2), th.dim)
	}
}

// InputHandler moves and opens with the lessons screen's keys.
func (l *lessonList) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return l.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		if act, _ := lookup(scopeLessons, ev); act != actNone {
			l.do(act)
		}
	})
}

// MouseHandler selects the lesson under a click (a second click opens
// it) and moves with the wheel.
func (l *lessonList) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return l.mouse(l.Box, l, l.move, l.open)
}
