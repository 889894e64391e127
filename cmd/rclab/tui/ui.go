package tui

import (
	"sync"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"rclab/sim"
)

// config is what New's options set.
type config struct {
	lang     Lang
	mono     bool
	screen   tcell.Screen
	simOpts  []sim.Option
	grubTick time.Duration // one second of GRUB's countdown
	lesson   lessonConfig  // lessonscreen.go
	langOpts func(Lang) []sim.Option
	exam     examConfig // exam.go
}

// Option configures New.
type Option func(*config)

// WithLang sets the UI's first language (default English); the home
// screen can change it.
func WithLang(l Lang) Option { return func(c *config) { c.lang = l } }

// WithNoColor draws without colour (NO_COLOR), the machine's ANSI colours
// included; false (the default) draws in colour.
func WithNoColor(mono bool) Option { return func(c *config) { c.mono = mono } }

// WithScreen draws on s instead of the process's terminal (tests use a
// tcell SimulationScreen; a server would use a session's screen).
func WithScreen(s tcell.Screen) Option { return func(c *config) { c.screen = s } }

// WithMachineOptions adds options for the sandbox's machines (after
// sim.WithTerminal(true)).
func WithMachineOptions(opts ...sim.Option) Option {
	return func(c *config) { c.simOpts = append(c.simOpts, opts...) }
}

// withGrubTick sets how long one second of GRUB's countdown lasts (0
// boots at once, without the menu).
func withGrubTick(d time.Duration) Option { return func(c *config) { c.grubTick = d } }

// The pages of the UI.
const (
	pageHome    = "home"
	pageNotice  = "notice"
	pageSandbox = "sandbox"
	pageHelp    = "help"
	pageGrub    = "grub"
)

// UI is rclab's terminal interface: the home screen, the sandbox, and the
// help over them.
type UI struct {
	cfg   config
	app   *tview.Application
	env   *env
	pages *tview.Pages
	page  string // the page shown under the help

	menu       *homeMenu
	homeRoot   *tview.Flex
	notice     *noticeView
	noticeRoot *tview.Flex
	help       *helpView
	helpOpen   bool
	helpFrom   tview.Primitive // the focus before the help opened
	sb         *sandbox
	grub       *grubView
	grubRoot   *tview.Flex
	atGrub     bool            // the sandbox shows GRUB's menu
	lx         lessonUI        // the lessons (lessonscreen.go)
	prog       tview.Primitive // the full-screen program shown (fullscreen.go), or nil
	ex         examUI          // the exams and the replay (examlist.go)
	speed      speedSetting    // how the sandbox shows a boot (bootview.go)

	qmu   sync.Mutex
	queue []func()
	wake  chan struct{}
	quit  chan struct{}
}

// New builds the UI; Run shows it.
func New(opts ...Option) *UI {
	cfg := config{grubTick: defaultGrubTick}
	for _, o := range opts {
		o(&cfg)
	}
	u := &UI{
		cfg:  cfg,
		app:  tview.NewApplication(),
		env:  &env{lang: cfg.lang, th: newTheme(cfg.mono)},
		wake: make(chan struct{}, 1),
		quit: make(chan struct{}),
	}
	if cfg.screen != nil {
		u.app.SetScreen(cfg.screen)
	}
	u.app.EnableMouse(true).EnablePaste(true)
	u.app.SetInputCapture(u.capture)

	u.menu = newHomeMenu(u.env, []menuItem{
		{msgHomeSandbox, msgHomeSandboxDesc, u.showSandbox},
		{msgHomeLessons, msgHomeLessonsDesc, u.showLessons},
		{msgHomeExams, msgHomeExamsDesc, u.showExams},
		{msgHomeLanguage, msgHomeLanguageDesc, u.toggleLanguage},
		{msgHomeQuit, msgHomeQuitDesc, u.app.Stop},
	})
	u.homeRoot = u.screen(func() (string, string) {
		return "rclab · " + u.env.tr(msgStatusHome), ""
	}, u.menu, scopeGlobal, scopeHome)
	u.notice = newNoticeView(u.env, u.showHome)
	u.noticeRoot = u.screen(func() (string, string) {
		return "rclab · " + u.env.tr(u.notice.title), ""
	}, u.notice, scopeGlobal)
	u.help = newHelpView(u.env, u.closeHelp)
	u.grub = newGrubView(u.env, cfg.grubTick, u.post, u.quit)
	u.grub.onBoot = u.grubBoot
	u.grub.onHome = u.showHome
	u.grub.onSpeed = u.cycleSpeed
	u.grubRoot = u.screen(func() (string, string) {
		right := u.speedText()
		if u.grub.left > 0 {
			right = u.env.tr(msgStatusGrub) + " · " + right
		}
		return "rclab · " + u.env.tr(msgHomeSandbox) + " · GRUB", right
	}, u.grub, scopeGlobal, scopeGrub)

	u.pages = tview.NewPages()
	u.pages.SetBackgroundColor(tcell.ColorDefault)
	u.pages.AddPage(pageHome, u.homeRoot, true, true)
	u.pages.AddPage(pageNotice, u.noticeRoot, true, false)
	u.pages.AddPage(pageGrub, u.grubRoot, true, false)
	u.pages.AddPage(pageHelp, u.help, true, false)
	u.page = pageHome
	u.app.SetRoot(u.pages, true).SetFocus(u.menu)
	if cfg.lesson.start != "" {
		u.startLesson(cfg.lesson.start)
	}
	u.openExamAtStart()
	return u
}

// screen is a page: a status line, body, and the key bar for scopes.
func (u *UI) screen(status func() (string, string), body tview.Primitive, scopes ...scope) *tview.Flex {
	f := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(newStatusBar(u.env, status), 1, 0, false).
		AddItem(body, 0, 1, true).
		AddItem(newKeyBar(u.env, u.press, scopes...), 1, 0, false)
	f.SetBackgroundColor(tcell.ColorDefault)
	return f
}

// Run shows the UI until the user quits.
func (u *UI) Run() error {
	go u.pump()
	err := u.app.Run()
	close(u.quit)
	if u.sb != nil {
		u.sb.close()
	}
	if u.lx.cur != nil {
		u.lx.cur.close()
	}
	if u.ex.cur != nil {
		u.ex.cur.sb.close()
	}
	return err
}

// post runs f on the UI goroutine and redraws. It never blocks, so the
// machine's goroutines may call it; the functions posted run in order.
func (u *UI) post(f func()) {
	u.qmu.Lock()
	u.queue = append(u.queue, f)
	u.qmu.Unlock()
	select {
	case u.wake <- struct{}{}:
	default:
	}
}

// pump hands posted functions to tview's event loop, all that are waiting
// in one update and one redraw.
func (u *UI) pump() {
	for {
		select {
		case <-u.wake:
		case <-u.quit:
			return
		}
		u.qmu.Lock()
		fs := u.queue
		u.queue = nil
		u.qmu.Unlock()
		if len(fs) == 0 {
			continue
		}
		done := make(chan struct{})
		go func() {
			// QueueUpdateDraw blocks until the event loop runs it, and
			// forever once the loop has stopped.
			u.app.QueueUpdateDraw(func() {
				for _, f := range fs {
					f()
				}
			})
			close(done)
		}()
		select {
		case <-done:
		case <-u.quit:
			return
		}
	}
}

// capture is the application's key filter: Ctrl-C never stops rclab; the
// global and screen keys of the key table are handled here; the rest go
// to the focused widget.
func (u *UI) capture(ev *tcell.EventKey) *tcell.EventKey {
	if u.prog != nil {
		return u.programKey(ev) // a full-screen program gets every key
	}
	if ev.Key() == tcell.KeyCtrlC {
		if u.page == pageSandbox && !u.helpOpen {
			u.sb.term().interrupt()
		}
		if u.page == pageLesson && !u.helpOpen {
			u.lx.cur.sb.term().interrupt()
		}
		if !u.helpOpen {
			u.examCapture(ev)
		}
		return nil
	}
	if act, arg := lookup(scopeGlobal, ev); act != actNone {
		u.do(act, arg)
		return nil
	}
	if u.helpOpen {
		return ev
	}
	switch u.page {
	case pageHome:
		if act, arg := lookup(scopeHome, ev); act != actNone {
			u.do(act, arg)
			return nil
		}
	case pageSandbox:
		if u.sb.bootKey(ev) {
			return nil
		}
		if act, arg := lookup(scopeSandbox, ev); act != actNone {
			u.sb.do(act, arg)
			return nil
		}
	case pageLessons, pageLesson:
		return u.lessonCapture(ev)
	default:
		if out, ok := u.examCapture(ev); ok {
			return out
		}
	}
	return ev
}

// press runs a key from the key bar, as if typed.
func (u *UI) press(b binding) {
	switch b.scope {
	case scopeSandbox:
		if u.page == pageLesson {
			u.lx.cur.sb.do(b.act, b.arg)
		} else if u.sb != nil {
			u.sb.do(b.act, b.arg)
		}
	case scopeLesson:
		u.lx.cur.do(b.act)
	case scopeLessons:
		u.lessonCapture(tcell.NewEventKey(b.key, b.ch, tcell.ModNone))
	case scopeGrub:
		u.grub.do(b.act)
	case scopeBoot:
		u.cycleSpeed()
	default:
		u.do(b.act, b.arg)
	}
}

// do performs a global or home action.
func (u *UI) do(act action, arg int) {
	switch act {
	case actHelp:
		if u.helpOpen {
			u.closeHelp()
		} else {
			u.openHelp()
		}
	case actUp:
		u.menu.move(-1)
	case actDown:
		u.menu.move(1)
	case actSelect:
		u.menu.activate()
	case actLanguage:
		u.toggleLanguage()
	case actQuit:
		u.app.Stop()
	}
}

func (u *UI) toggleLanguage() {
	u.env.lang = (u.env.lang + 1) % numLangs
}

func (u *UI) openHelp() {
	u.helpOpen = true
	u.helpFrom = u.app.GetFocus()
	u.help.offset = 0
	switch u.page {
	case pageSandbox:
		u.help.scopes = []scope{scopeGlobal, scopeSandbox, scopeBoot, scopeStepper, scopeTerminal, scopePanel, scopePs, scopeEvents, scopeDialog}
	case pageGrub:
		u.help.scopes = []scope{scopeGlobal, scopeGrub, scopeDialog}
	case pageLessons:
		u.help.scopes = []scope{scopeGlobal, scopeLessons, scopeDialog}
	case pageLesson:
		u.help.scopes = []scope{scopeGlobal, scopeLesson, scopeConfirm, scopeSandbox, scopeTerminal, scopePanel, scopePs, scopeEvents, scopeDialog}
	default:
		u.help.scopes = []scope{scopeGlobal, scopeHome, scopeDialog}
		if sc := u.examHelpScopes(); sc != nil {
			u.help.scopes = sc
		}
	}
	u.pages.ShowPage(pageHelp)
	u.pages.SendToFront(pageHelp)
	u.app.SetFocus(u.help)
}

func (u *UI) closeHelp() {
	u.helpOpen = false
	u.pages.HidePage(pageHelp)
	if u.helpFrom != nil {
		u.app.SetFocus(u.helpFrom)
	}
}

// switchTo shows a page (under the help, if it is open).
func (u *UI) switchTo(name string, focus tview.Primitive) {
	if u.helpOpen {
		u.closeHelp()
	}
	u.page = name
	u.pages.SwitchToPage(name)
	u.app.SetFocus(focus)
}

func (u *UI) showHome() { u.switchTo(pageHome, u.menu) }

func (u *UI) showNotice(title, body msgID) {
	u.notice.show(title, body)
	u.switchTo(pageNotice, u.notice)
}

// showSandbox opens the sandbox, powering its machine on the first time;
// it keeps its machine (or GRUB's menu) when rclab goes home and back.
func (u *UI) showSandbox() {
	switch {
	case u.sb == nil:
		u.sb = newSandbox(u)
		u.pages.AddPage(pageSandbox, u.sb.root, true, false)
		u.powerOn()
	case u.atGrub:
		u.switchTo(pageGrub, u.grub)
	default:
		u.switchTo(pageSandbox, u.sb.term())
	}
}

// powerOn shows GRUB's menu; the machine boots from it (grubBoot).
func (u *UI) powerOn() {
	u.atGrub = true
	u.switchTo(pageGrub, u.grub)
	u.grub.show()
}

// grubBoot leaves GRUB: the sandbox boots a machine with the kernel
// arguments added there.
func (u *UI) grubBoot(extra []string) {
	u.atGrub = false
	u.switchTo(pageSandbox, u.sb.term())
	u.sb.boot(extra...)
}
