package tui

import (
	"errors"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// Full-screen programs. A line typed on tty1 that runs vi, vim, nano,
// less, more, man, ntsysv or top comes back with a sim.Screen; the
// sandbox then shows the program on a page of its own over the whole
// screen, gives it every key (Ctrl-C and F1 included), and goes back to
// the prompt when the program ends. What the program changes reaches the
// machine as an action (sim.Save, sim.Ntsysv) through the sandbox's
// driver, as typed lines do, so a lesson's player records it too.

// ntsysvCancelStatus is ntsysv's exit status after Cancel (or Back):
// nothing is written, exit 1 (sysv-behaviour.md §9).
const ntsysvCancelStatus = 1

// pageProgram is the page of the full-screen program, over everything.
const pageProgram = "program"

// newEditor is the editor a Screen asks for: vi and vim, or nano. save
// writes a file through the machine and returns its complaint; done ends
// the editor.
func newEditor(e *env, req *sim.Screen, save func(path, data string) error, done func()) tview.Primitive {
	switch req.Program {
	case "nano":
		return newNano(e, req, save, done)
	default:
		return newVi(e, req, save, done)
	}
}

// programKey is the key filter while a full-screen program runs: every
// key is the program's. Ctrl-C is handed to it here, since tview would
// stop the application if the filter let it through.
func (u *UI) programKey(ev *tcell.EventKey) *tcell.EventKey {
	if ev.Key() != tcell.KeyCtrlC {
		return ev
	}
	if h := u.prog.InputHandler(); h != nil {
		h(ev, func(p tview.Primitive) { u.app.SetFocus(p) })
	}
	return nil
}

// showProgram puts p over the whole screen and gives it the keys.
func (u *UI) showProgram(p tview.Primitive) {
	if u.helpOpen {
		u.closeHelp()
	}
	u.prog = p
	u.pages.AddPage(pageProgram, p, true, true)
	u.pages.SendToFront(pageProgram)
	u.app.SetFocus(p)
}

// hideProgram removes the program's page and gives the keys to back.
func (u *UI) hideProgram(back tview.Primitive) {
	if u.prog == nil {
		return
	}
	u.prog = nil
	u.pages.RemovePage(pageProgram)
	u.app.SetFocus(back)
}

// screenSize is the size of the whole screen, as a program sees it.
func (u *UI) screenSize() (w, h int) {
	_, _, w, h = u.pages.GetRect()
	return w, h
}

// exiter is a program's page that knows the exit status the real
// program ends with (vi's :cq, top stopped with Ctrl-C).
type exiter interface{ exitStatus() int }

// openProgram shows the program of req, on which the typed line waits;
// false when there is nothing to show (an unknown program). However the
// program ends (:q, ntsysv's Cancel, vi's :cq, top's Ctrl-C, or more
// with a text that fits on the screen, which it just prints), a sim.Quit
// action ends it with its status and the rest of the line runs; ntsysv's
// Ok is its sim.Ntsysv action, which ends it too.
func (s *sandbox) openProgram(req *sim.Screen) bool {
	m, g := s.m, s.gen
	if m == nil {
		return false
	}
	u := s.u
	var p tview.Primitive
	end := func(status int) {
		u.hideProgram(s.term())
		if g == s.gen {
			s.perform(sim.Action{Kind: sim.Quit, Program: req.Program, Status: status})
		}
	}
	done := func() {
		status := req.Status
		if x, ok := p.(exiter); ok {
			status = x.exitStatus()
		}
		end(status)
	}
	switch req.Program {
	case "vi", "vim", "nano":
		save := func(path, data string) error {
			// The machine is idle while the editor runs: the save is quick
			// and waits for nothing on the UI goroutine.
			res, err := s.drv.applyTo(m, sim.Action{Kind: sim.Save, Path: path, Data: data, Program: req.Program})
			go s.flush(m, g)
			if err != nil {
				return err
			}
			if res.Status != 0 {
				return errors.New(strings.TrimSpace(res.Output))
			}
			return nil
		}
		p = newEditor(s.env, req, save, done)
	case "less", "man":
		p = newPager(s.env, req, false, func([]string) { done() })
	case "more":
		w, h := u.screenSize()
		if text, fits := moreFits(req, w, h); fits {
			s.consoles[0].WriteString(text)
			s.perform(sim.Action{Kind: sim.Quit, Program: req.Program, Status: req.Status})
			return true
		}
		p = newPager(s.env, req, true, func(shown []string) {
			// more scrolled these lines through the terminal: they stay.
			if len(shown) > 0 {
				s.consoles[0].WriteString(strings.Join(shown, "\n") + "\n")
			}
			done()
		})
	case "ntsysv":
		p = newNtsysv(s.env, req, func(on []string) {
			u.hideProgram(s.term())
			s.perform(sim.Action{Kind: sim.Ntsysv, Levels: req.Levels, On: on, Hide: req.Hide})
		}, func() { end(ntsysvCancelStatus) })
	case "top":
		p = newTopView(s.env, req, m, u.post, done)
	default:
		return false
	}
	u.showProgram(p)
	return true
}
