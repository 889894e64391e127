package tui

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// maxEvents is how many events the log keeps.
const maxEvents = 2000

// eventPanel is the machine's event log: scripts run with their arguments
// and exit status, processes started and ended, signals, runlevel
// changes, boots and halts, newest at the bottom. Programs that ended are
// left out unless asked for (p).
type eventPanel struct {
	panel
	events   []sim.Event
	programs bool
	shown    []int // indexes of the events shown, at the last Draw
}

func newEventPanel(e *env) *eventPanel {
	p := &eventPanel{panel: newPanel(e)}
	p.fromBottom = true
	return p
}

// add appends events.
func (p *eventPanel) add(evs []sim.Event) {
	p.events = append(p.events, evs...)
	if len(p.events) > maxEvents+maxEvents/4 {
		p.events = append([]sim.Event(nil), p.events[len(p.events)-maxEvents:]...)
	}
}

// describe is an event's line and style.
func (p *eventPanel) describe(ev sim.Event) (string, tcell.Style) {
	e, th := p.env, p.env.th
	args := strings.Join(ev.Args, " ")
	if args == "" {
		args = ev.Name
	}
	switch ev.Kind {
	case sim.EventScript:
		st := th.event
		if ev.Status != 0 {
			st = th.warn
		}
		return e.trf(msgEvScript, args, ev.Status), st
	case sim.EventProgram:
		return e.trf(msgEvProgram, args, ev.Status), th.dim
	case sim.EventSpawn:
		return e.trf(msgEvSpawn, ev.Name, ev.PID), th.text
	case sim.EventExit:
		if ev.Signal != "" {
			return e.trf(msgEvExitSig, ev.Name, ev.PID, ev.Signal), th.dim
		}
		return e.trf(msgEvExit, ev.Name, ev.PID), th.dim
	case sim.EventSignal:
		return e.trf(msgEvSignal, ev.Signal, ev.Name, ev.PID), th.text
	case sim.EventRunlevel:
		return e.trf(msgEvRunlevel, ev.Level), th.title
	case sim.EventBoot:
		return strings.TrimSpace(e.trf(msgEvBoot, ev.Detail)), th.title
	case sim.EventHalt:
		return e.trf(msgEvHalt, ev.Detail), th.warn
	case sim.EventReboot:
		return e.tr(msgEvReboot), th.warn
	}
	return string(ev.Kind) + " " + ev.Name, th.text
}

// Draw shows the newest events that fit (or older ones when scrolled).
func (p *eventPanel) Draw(screen tcell.Screen) {
	e := p.env
	title := e.tr(msgPanelEvents)
	if p.programs {
		title += " · " + e.tr(msgEvPrograms)
	}
	x, y, w, h := p.frame(screen, title, p)
	if w <= 0 || h <= 0 {
		return
	}
	p.shown = p.shown[:0]
	for i, ev := range p.events {
		if ev.Kind == sim.EventProgram && !p.programs {
			continue
		}
		p.shown = append(p.shown, i)
	}
	p.clampOffset(len(p.shown), h)
	end := len(p.shown) - p.offset
	start := max(0, end-h)
	for i, idx := range p.shown[start:end] {
		ev := p.events[idx]
		text, st := p.describe(ev)
		ts := ev.Time.Format("15:04:05") + " "
		n := printText(screen, x, y+i, w, ts, p.env.th.dim)
		printText(screen, x+n, y+i, w-n, truncate(text, w-n), st)
	}
}

// InputHandler toggles program events (p) and scrolls.
func (p *eventPanel) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return p.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		p.handle(ev, scopeEvents, func(act action) bool {
			if act == actPrograms {
				p.programs = !p.programs
				return true
			}
			return false
		})
	})
}

// MouseHandler focuses on a click and scrolls with the wheel.
func (p *eventPanel) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return p.mouse(p)
}
