package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// The machine's one GRUB entry, as in its /boot/grub/grub.conf (the menu
// shows before the machine exists, so it is written out here).
const (
	grubTitle   = "CentOS (2.6.18-398.el5)"
	grubRoot    = "root (hd0,0)"
	grubArgs    = "ro root=/dev/VolGroup00/LogVol00 rhgb quiet"
	grubKernel  = "kernel /vmlinuz-2.6.18-398.el5 " + grubArgs
	grubInitrd  = "initrd /initrd-2.6.18-398.el5.img"
	grubTimeout = 5 // seconds, grub.conf's timeout
)

// defaultGrubTick is how long one second of GRUB's countdown lasts; 0
// boots at once without the menu, as GRUB does with timeout=0.
var defaultGrubTick = time.Second

// GRUB 0.97's own text: it speaks English on a real machine too.
const (
	grubHeader     = "    GNU GRUB  version 0.97  (639K lower / 523200K upper memory)"
	grubCountdown  = "   The highlighted entry will be booted automatically in %d seconds."
	grubAppendText = "grub append> "
	grubEditText   = "grub edit> "
)

var grubMenuHelp = []string{
	"      Use the ^ and v keys to select which entry is highlighted.",
	"      Press enter to boot the selected OS, 'e' to edit the",
	"      commands before booting, 'a' to modify the kernel arguments",
	"      before booting, or 'c' for a command-line.",
}

var grubEntryHelp = []string{
	"      Use the ^ and v keys to select which entry is highlighted.",
	"      Press 'b' to boot, 'e' to edit the selected command in the",
	"      boot sequence, 'c' for a command-line, 'o' to open a new line",
	"      after ('O' for before) the selected line, 'd' to remove the",
	"      selected line, or escape to go back to the main menu.",
}

var grubLineHelp = []string{
	"    [ Minimal BASH-like line editing is supported.  For the first word, TAB",
	"      lists possible command completions.  Anywhere else TAB lists the possible",
	"      completions of a device/filename.  ESC at any time cancels.  ENTER",
	"      at any time accepts your changes.]",
}

// grubMode is which of GRUB's screens is shown.
type grubMode int

const (
	grubMenu   grubMode = iota // the list of entries
	grubEntry                  // the entry's commands ('e')
	grubAppend                 // "grub append>" ('a')
	grubEdit                   // "grub edit>" ('e' on a command)
)

// grubView is GRUB legacy's boot menu, shown when the sandbox powers on.
// onBoot gets the words added to the kernel's arguments.
type grubView struct {
	*tview.Box
	env     *env
	tick    time.Duration
	post    func(func())
	quit    <-chan struct{}
	onBoot  func(extra []string)
	onHome  func()
	onSpeed func() // s: the next boot speed (bootview.go)

	mode   grubMode
	sel    int    // the highlighted command in the entry screen
	kernel string // the kernel command, as edited in the entry screen
	line   []rune // the edit line
	cursor int
	left   int           // seconds left; < 0 once a key stopped the countdown
	stop   chan struct{} // closed to stop the countdown's goroutine
}

func newGrubView(e *env, tick time.Duration, post func(func()), quit <-chan struct{}) *grubView {
	return &grubView{Box: newBox(), env: e, tick: tick, post: post, quit: quit}
}

// show resets the menu and starts the countdown; with no tick, it boots
// at once.
func (g *grubView) show() {
	g.stopCountdown()
	g.mode, g.sel, g.kernel, g.line, g.cursor = grubMenu, 0, grubKernel, nil, 0
	if g.tick <= 0 {
		g.left = 0
		g.onBoot(nil)
		return
	}
	g.left = grubTimeout
	stop := make(chan struct{})
	g.stop = stop
	tick, post, quit := g.tick, g.post, g.quit
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-quit:
				return
			case <-t.C:
				post(func() { g.countdown(stop) })
			}
		}
	}()
}

// countdown is one tick, on the UI goroutine.
func (g *grubView) countdown(stop chan struct{}) {
	if g.stop != stop || g.left <= 0 {
		return
	}
	g.left--
	if g.left == 0 {
		g.stopCountdown()
		g.onBoot(nil)
	}
}

// stopCountdown stops the timer, as any key does in GRUB.
func (g *grubView) stopCountdown() {
	if g.stop != nil {
		close(g.stop)
		g.stop = nil
	}
	g.left = -1
}

// extraWords are the words of line that its original lacks: what the
// user added to the kernel's arguments.
func extraWords(orig, line string) []string {
	have := map[string]int{}
	for _, w := range strings.Fields(orig) {
		have[w]++
	}
	var out []string
	for _, w := range strings.Fields(line) {
		if have[w] > 0 {
			have[w]--
			continue
		}
		out = append(out, w)
	}
	return out
}

func (g *grubView) edit(mode grubMode, text string) {
	g.mode = mode
	g.line = []rune(text)
	g.cursor = len(g.line)
}

// do performs a GRUB action from the key table (menu and entry screens).
func (g *grubView) do(act action) {
	g.stopCountdown()
	if act == actBootSpeed && (g.mode == grubMenu || g.mode == grubEntry) {
		if g.onSpeed != nil {
			g.onSpeed()
		}
		return
	}
	switch g.mode {
	case grubMenu:
		switch act {
		case actSelect, actGrubBoot:
			g.onBoot(nil)
		case actGrubAppend:
			g.edit(grubAppend, grubArgs)
		case actGrubEdit:
			g.mode, g.sel, g.kernel = grubEntry, 0, grubKernel
		case actHome:
			g.onHome()
		}
	case grubEntry:
		switch act {
		case actUp:
			g.sel = max(0, g.sel-1)
		case actDown:
			g.sel = min(2, g.sel+1)
		case actGrubBoot:
			g.onBoot(extraWords(grubKernel, g.kernel))
		case actSelect, actGrubEdit:
			if g.sel == 1 {
				g.edit(grubEdit, g.kernel)
			}
		case actGrubBack:
			g.mode = grubMenu
		case actHome:
			g.onHome()
		}
	}
}

// key edits the line of the append and edit screens.
func (g *grubView) key(ev *tcell.EventKey) {
	act, _ := lookup(scopeTerminal, ev)
	switch act {
	case actSubmit:
		if g.mode == grubAppend {
			g.onBoot(extraWords(grubArgs, string(g.line)))
			return
		}
		g.kernel = string(g.line)
		g.mode = grubEntry
	case actCancel:
		if g.mode == grubAppend {
			g.mode = grubMenu
		} else {
			g.mode = grubEntry
		}
	case actLeft:
		g.cursor = max(0, g.cursor-1)
	case actRight:
		g.cursor = min(len(g.line), g.cursor+1)
	case actLineStart:
		g.cursor = 0
	case actLineEnd:
		g.cursor = len(g.line)
	case actBackspace:
		if g.cursor > 0 {
			g.line = append(g.line[:g.cursor-1], g.line[g.cursor:]...)
			g.cursor--
		}
	case actDelete:
		if g.cursor < len(g.line) {
			g.line = append(g.line[:g.cursor], g.line[g.cursor+1:]...)
		}
	case actKillStart:
		g.line, g.cursor = g.line[g.cursor:], 0
	case actKillEnd:
		g.line = g.line[:g.cursor]
	case actNone:
		if ev.Key() == tcell.KeyRune && ev.Modifiers()&(tcell.ModAlt|tcell.ModCtrl) == 0 {
			g.line = append(g.line[:g.cursor], append([]rune{ev.Rune()}, g.line[g.cursor:]...)...)
			g.cursor++
		}
	}
}

// InputHandler: any key stops the countdown; the line screens edit, the
// others follow the key table.
func (g *grubView) InputHandler() func(event *tcell.EventKey, setFocus func(p tview.Primitive)) {
	return g.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		g.stopCountdown()
		if g.mode == grubAppend || g.mode == grubEdit {
			g.key(ev)
			return
		}
		if act, _ := lookup(scopeGrub, ev); act != actNone {
			g.do(act)
		}
	})
}

// Draw paints GRUB's screen.
func (g *grubView) Draw(screen tcell.Screen) {
	g.Box.DrawForSubclass(screen, g)
	x, y, w, h := g.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	st := tcell.StyleDefault
	put := func(row int, s string, style tcell.Style) {
		if row >= 0 && row < h {
			printText(screen, x, y+row, w, s, style)
		}
	}
	if g.mode == grubAppend || g.mode == grubEdit {
		for i, l := range grubLineHelp {
			put(1+i, l, st)
		}
		prompt := grubAppendText
		if g.mode == grubEdit {
			prompt = grubEditText
		}
		pw := len(prompt)
		room := max(1, w-pw-1)
		start := max(0, g.cursor-room)
		end := min(len(g.line), start+room)
		row := len(grubLineHelp) + 2
		put(row, prompt+string(g.line[start:end]), st)
		if row < h {
			screen.ShowCursor(x+pw+g.cursor-start, y+row)
		}
		return
	}
	put(1, grubHeader, st)
	inner := min(12, max(3, h-11))
	bw := min(75, w-2)
	if bw < 4 {
		return
	}
	top := 3
	horiz := strings.Repeat("─", bw-2)
	put(top, " ┌"+horiz+"┐", st)
	for i := 1; i <= inner; i++ {
		put(top+i, " │"+strings.Repeat(" ", bw-2)+"│", st)
	}
	put(top+inner+1, " └"+horiz+"┘", st)
	lines := []string{grubTitle}
	sel := 0
	help := grubMenuHelp
	if g.mode == grubEntry {
		lines, sel, help = []string{grubRoot, g.kernel, grubInitrd}, g.sel, grubEntryHelp
	}
	for i, l := range lines {
		if i >= inner {
			break
		}
		text := " " + l
		if n := bw - 2; len([]rune(text)) > n {
			text = string([]rune(text)[:n-1]) + ">"
		}
		style := st
		if i == sel {
			style = st.Reverse(true)
			text += strings.Repeat(" ", max(0, bw-2-len([]rune(text))))
		}
		if top+1+i < h {
			printText(screen, x+2, y+top+1+i, bw-2, text, style)
		}
	}
	row := top + inner + 2
	for i, l := range help {
		put(row+i, l, st)
	}
	if g.mode == grubMenu && g.left > 0 {
		put(row+len(help)+1, fmt.Sprintf(grubCountdown, g.left), st)
	}
}
