package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// psSort is the process panel's order.
type psSort int

const (
	sortPID     psSort = iota
	sortRSS            // largest first
	sortStart          // newest first
	sortCommand        // by name
	numSorts
)

var sortNames = [numSorts]msgID{sortPID: msgSortPID, sortRSS: msgSortRSS, sortStart: msgSortStart, sortCommand: msgSortCommand}

// psPanel is a ps-style process list: PID USER STAT RSS COMMAND, with a
// marker column telling standalone daemons (D), their workers (w),
// servers xinetd started on demand (x) and kernel threads (k) apart.
// Kernel threads are hidden unless asked for.
type psPanel struct {
	panel
	procs      []sim.Process
	rows       []sim.Process // sorted and filtered
	sortBy     psSort
	showKernel bool
	hidden     int // kernel threads not shown
}

func newPsPanel(e *env) *psPanel { return &psPanel{panel: newPanel(e)} }

// setProcesses replaces the list (a snapshot of Machine.Processes).
func (p *psPanel) setProcesses(procs []sim.Process) {
	p.procs = procs
	p.refresh()
}

// cycleSort moves to the next order.
func (p *psPanel) cycleSort() {
	p.sortBy = (p.sortBy + 1) % numSorts
	p.refresh()
}

// toggleKernel shows or hides kernel threads.
func (p *psPanel) toggleKernel() {
	p.showKernel = !p.showKernel
	p.refresh()
}

func (p *psPanel) refresh() {
	p.rows = p.rows[:0]
	p.hidden = 0
	for _, pr := range p.procs {
		if pr.Kernel && !p.showKernel {
			p.hidden++
			continue
		}
		p.rows = append(p.rows, pr)
	}
	rows := p.rows
	switch p.sortBy {
	case sortPID:
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].PID < rows[j].PID })
	case sortRSS:
		sort.SliceStable(rows, func(i, j int) bool {
			if rows[i].RSS != rows[j].RSS {
				return rows[i].RSS > rows[j].RSS
			}
			return rows[i].PID < rows[j].PID
		})
	case sortStart:
		sort.SliceStable(rows, func(i, j int) bool {
			if !rows[i].Start.Equal(rows[j].Start) {
				return rows[i].Start.After(rows[j].Start)
			}
			return rows[i].PID > rows[j].PID
		})
	case sortCommand:
		sort.SliceStable(rows, func(i, j int) bool {
			if rows[i].Comm != rows[j].Comm {
				return rows[i].Comm < rows[j].Comm
			}
			return rows[i].PID < rows[j].PID
		})
	}
}

// kind is a process's marker and style.
func (p *psPanel) kind(pr sim.Process) (byte, tcell.Style) {
	th := p.env.th
	switch {
	case pr.Daemon != "":
		return 'D', th.daemon
	case pr.Worker:
		return 'w', th.worker
	case pr.OnDemand:
		return 'x', th.onDemand
	case pr.Kernel:
		return 'k', th.kernel
	}
	return ' ', th.text
}

// command is the COMMAND column as ps shows it.
func command(pr sim.Process) string {
	if pr.Kernel {
		return "[" + pr.Comm + "]"
	}
	if len(pr.Args) > 0 {
		return strings.Join(pr.Args, " ")
	}
	return pr.Comm
}

// Draw lists the processes under a header, with a legend at the bottom
// when there is room.
func (p *psPanel) Draw(screen tcell.Screen) {
	e := p.env
	title := fmt.Sprintf("%s %d · %s", e.tr(msgPanelProcs), len(p.rows), e.trf(msgPsSorted, e.tr(sortNames[p.sortBy])))
	x, y, w, h := p.frame(screen, title, p)
	if w <= 0 || h <= 0 {
		return
	}
	legend := h >= 6
	body := h - 1
	if legend {
		body--
	}
	printText(screen, x, y, w, padRight(fmt.Sprintf(" %5s %-8s %-4s %6s %s", "PID", "USER", "STAT", "RSS", "COMMAND"), w), e.th.header)
	p.clampOffset(len(p.rows), body)
	for i := 0; i < body && p.offset+i < len(p.rows); i++ {
		pr := p.rows[p.offset+i]
		mark, st := p.kind(pr)
		user := pr.User
		if len(user) > 8 {
			user = user[:7] + "+"
		}
		row := fmt.Sprintf("%c%5d %-8s %-4s %6d %s", mark, pr.PID, user, pr.Stat, pr.RSS, command(pr))
		printText(screen, x, y+1+i, w, truncate(row, w), st)
	}
	if legend {
		text := e.tr(msgPsLegend)
		if p.hidden > 0 {
			text = e.trf(msgPsKernelHidden, p.hidden) + " · " + text
		}
		printText(screen, x, y+h-1, w, truncate(text, w), e.th.dim)
	}
}

// InputHandler sorts (s), toggles kernel threads (k) and scrolls.
func (p *psPanel) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return p.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		p.handle(ev, scopePs, func(act action) bool {
			switch act {
			case actSortPs:
				p.cycleSort()
			case actKernelThreads:
				p.toggleKernel()
			default:
				return false
			}
			return true
		})
	})
}

// MouseHandler focuses on a click and scrolls with the wheel.
func (p *psPanel) MouseHandler() func(action tview.MouseAction, event *tcell.EventMouse, setFocus func(p tview.Primitive)) (consumed bool, capture tview.Primitive) {
	return p.mouse(p)
}
