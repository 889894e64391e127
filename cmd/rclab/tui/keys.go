package tui

import (
	"fmt"

	"github.com/gdamore/tcell/v2"
)

// scope says where a key binding applies.
type scope int

const (
	scopeGlobal     scope = iota // every screen
	scopeHome                    // the home screen's menu
	scopeSandbox                 // the sandbox, whatever pane has focus
	scopeTerminal                // the console's line editor
	scopePanel                   // a focused panel
	scopePs                      // the focused process panel
	scopeEvents                  // the focused event panel
	scopeDialog                  // the help window
	scopeGrub                    // the GRUB boot menu
	scopeLessons                 // the list of lessons
	scopeLesson                  // a lesson being played, whatever pane has focus
	scopeConfirm                 // a yes/no question of the lesson pane
	scopeExams                   // the list of exams
	scopeExamForm                // the name asked before an exam
	scopeExam                    // an exam being taken
	scopeExamResult              // an exam's result
	scopeReplay                  // the replay of a recorded exam
	scopeBoot                    // the sandbox's boot speed (bootview.go)
	scopeStepper                 // the boot stepper, while it holds rc (stepper.go)
	numScopes
)

var scopeNames = [numScopes]msgID{
	scopeGlobal: msgScopeGlobal, scopeHome: msgScopeHome, scopeSandbox: msgScopeSandbox,
	scopeTerminal: msgScopeTerminal, scopePanel: msgScopePanel, scopePs: msgScopePs,
	scopeEvents: msgScopeEvents, scopeDialog: msgScopeDialog, scopeGrub: msgScopeGrub,
	scopeLessons: msgScopeLessons, scopeLesson: msgScopeLesson, scopeConfirm: msgScopeConfirm,
	scopeExams: msgScopeExams, scopeExamForm: msgScopeExamForm, scopeExam: msgScopeExam,
	scopeExamResult: msgScopeExamResult, scopeReplay: msgScopeReplay,
	scopeBoot: msgScopeBoot, scopeStepper: msgScopeStepper,
}

// action is what a key does.
type action int

const (
	actNone action = iota
	// everywhere
	actHelp
	// home
	actUp
	actDown
	actSelect
	actLanguage
	actQuit
	// sandbox
	actHome
	actTogglePs
	actToggleRunlevels
	actToggleEvents
	actSortPs
	actKernelThreads
	actNextPane
	actConsole // arg: console number 1–6
	actNextConsole
	// console line editing
	actSubmit
	actLeft
	actRight
	actLineStart
	actLineEnd
	actBackspace
	actDelete
	actKillStart
	actKillEnd
	actKillWord
	actHistPrev
	actHistNext
	actSearch
	actComplete
	actInterrupt
	actEOF
	actClear
	actPageUp
	actPageDown
	actCancel
	// panels
	actTop
	actBottom
	actFocusConsole
	actPrograms
	actClose
	// GRUB
	actGrubBoot
	actGrubAppend
	actGrubEdit
	actGrubBack
	// lessons
	actHint
	actCheck
	actSolution
	actUndo
	actRedo
	actReset
	actPaneUp
	actPaneDown
	actYes
	actNo
	// exams and replays
	actSubmitExam
	actQuitExam
	actPlay
	actFaster
	actSlower
	actStepFwd
	actStepBack
	actNextChange
	actPrevChange
	// boot speed and stepper
	actBootSpeed
	actStep
	actStepFinish
)

// binding is one row of the key table: a key, where it applies, what it
// does and its label. The same table drives dispatch, the key bar and the
// F1 help.
type binding struct {
	key   tcell.Key
	ch    rune // for tcell.KeyRune
	alt   bool // with Alt held
	scope scope
	act   action
	arg   int   // the action's argument (a console number)
	label msgID // the label, in the catalog (English and Korean)
	bar   bool  // shown in the key bar
	short msgID // a shorter label for the key bar ("" for label)
}

// keyTable is every key rclab's UI knows.
var keyTable = []binding{
	{key: tcell.KeyF1, scope: scopeGlobal, act: actHelp, label: msgKeyHelp, bar: true},

	{key: tcell.KeyUp, scope: scopeHome, act: actUp, label: msgKeyUp},
	{key: tcell.KeyRune, ch: 'k', scope: scopeHome, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopeHome, act: actDown, label: msgKeyDown},
	{key: tcell.KeyRune, ch: 'j', scope: scopeHome, act: actDown, label: msgKeyDown},
	{key: tcell.KeyTab, scope: scopeHome, act: actDown, label: msgKeyDown},
	{key: tcell.KeyEnter, scope: scopeHome, act: actSelect, label: msgKeySelect, bar: true},
	{key: tcell.KeyRune, ch: 'l', scope: scopeHome, act: actLanguage, label: msgKeyLanguage, bar: true},
	{key: tcell.KeyF10, scope: scopeHome, act: actQuit, label: msgKeyQuit, bar: true},
	{key: tcell.KeyRune, ch: 'q', scope: scopeHome, act: actQuit, label: msgKeyQuit},

	{key: tcell.KeyF2, scope: scopeSandbox, act: actTogglePs, label: msgKeyProcs, bar: true, short: msgBarProcs},
	{key: tcell.KeyF3, scope: scopeSandbox, act: actToggleRunlevels, label: msgKeyRunlevels, bar: true},
	{key: tcell.KeyF4, scope: scopeSandbox, act: actToggleEvents, label: msgKeyEvents, bar: true},
	{key: tcell.KeyF5, scope: scopeSandbox, act: actSortPs, label: msgKeySort, bar: true, short: msgBarSort},
	{key: tcell.KeyF6, scope: scopeSandbox, act: actKernelThreads, label: msgKeyKernel, bar: true, short: msgBarKernel},
	{key: tcell.KeyF7, scope: scopeSandbox, act: actNextPane, label: msgKeyPane, bar: true, short: msgBarPane},
	{key: tcell.KeyF10, scope: scopeSandbox, act: actHome, label: msgKeyHome, bar: true},
	{key: tcell.KeyF1, alt: true, scope: scopeSandbox, act: actConsole, arg: 1, label: msgKeyConsole},
	{key: tcell.KeyF2, alt: true, scope: scopeSandbox, act: actConsole, arg: 2, label: msgKeyConsole},
	{key: tcell.KeyF3, alt: true, scope: scopeSandbox, act: actConsole, arg: 3, label: msgKeyConsole},
	{key: tcell.KeyF4, alt: true, scope: scopeSandbox, act: actConsole, arg: 4, label: msgKeyConsole},
	{key: tcell.KeyF5, alt: true, scope: scopeSandbox, act: actConsole, arg: 5, label: msgKeyConsole},
	{key: tcell.KeyF6, alt: true, scope: scopeSandbox, act: actConsole, arg: 6, label: msgKeyConsole},
	{key: tcell.KeyCtrlRightSq, scope: scopeSandbox, act: actNextConsole, label: msgKeyNextConsole},

	{key: tcell.KeyEnter, scope: scopeTerminal, act: actSubmit, label: msgKeyRun},
	{key: tcell.KeyCtrlJ, scope: scopeTerminal, act: actSubmit, label: msgKeyRun},
	{key: tcell.KeyLeft, scope: scopeTerminal, act: actLeft, label: msgKeyLeft},
	{key: tcell.KeyCtrlB, scope: scopeTerminal, act: actLeft, label: msgKeyLeft},
	{key: tcell.KeyRight, scope: scopeTerminal, act: actRight, label: msgKeyRight},
	{key: tcell.KeyCtrlF, scope: scopeTerminal, act: actRight, label: msgKeyRight},
	{key: tcell.KeyHome, scope: scopeTerminal, act: actLineStart, label: msgKeyLineStart},
	{key: tcell.KeyCtrlA, scope: scopeTerminal, act: actLineStart, label: msgKeyLineStart},
	{key: tcell.KeyEnd, scope: scopeTerminal, act: actLineEnd, label: msgKeyLineEnd},
	{key: tcell.KeyCtrlE, scope: scopeTerminal, act: actLineEnd, label: msgKeyLineEnd},
	{key: tcell.KeyBackspace, scope: scopeTerminal, act: actBackspace, label: msgKeyBackspace},
	{key: tcell.KeyDelete, scope: scopeTerminal, act: actDelete, label: msgKeyDelete},
	{key: tcell.KeyCtrlU, scope: scopeTerminal, act: actKillStart, label: msgKeyKillStart},
	{key: tcell.KeyCtrlK, scope: scopeTerminal, act: actKillEnd, label: msgKeyKillEnd},
	{key: tcell.KeyCtrlW, scope: scopeTerminal, act: actKillWord, label: msgKeyKillWord},
	{key: tcell.KeyUp, scope: scopeTerminal, act: actHistPrev, label: msgKeyHistPrev},
	{key: tcell.KeyCtrlP, scope: scopeTerminal, act: actHistPrev, label: msgKeyHistPrev},
	{key: tcell.KeyDown, scope: scopeTerminal, act: actHistNext, label: msgKeyHistNext},
	{key: tcell.KeyCtrlN, scope: scopeTerminal, act: actHistNext, label: msgKeyHistNext},
	{key: tcell.KeyCtrlR, scope: scopeTerminal, act: actSearch, label: msgKeySearch},
	{key: tcell.KeyTab, scope: scopeTerminal, act: actComplete, label: msgKeyComplete},
	{key: tcell.KeyCtrlC, scope: scopeTerminal, act: actInterrupt, label: msgKeyInterrupt},
	{key: tcell.KeyCtrlD, scope: scopeTerminal, act: actEOF, label: msgKeyEOF},
	{key: tcell.KeyCtrlL, scope: scopeTerminal, act: actClear, label: msgKeyClear},
	{key: tcell.KeyPgUp, scope: scopeTerminal, act: actPageUp, label: msgKeyPageUp},
	{key: tcell.KeyPgDn, scope: scopeTerminal, act: actPageDown, label: msgKeyPageDown},
	{key: tcell.KeyCtrlG, scope: scopeTerminal, act: actCancel, label: msgKeyCancel},
	{key: tcell.KeyEscape, scope: scopeTerminal, act: actCancel, label: msgKeyCancel},

	{key: tcell.KeyUp, scope: scopePanel, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopePanel, act: actDown, label: msgKeyDown},
	{key: tcell.KeyPgUp, scope: scopePanel, act: actPageUp, label: msgKeyPageUp},
	{key: tcell.KeyPgDn, scope: scopePanel, act: actPageDown, label: msgKeyPageDown},
	{key: tcell.KeyHome, scope: scopePanel, act: actTop, label: msgKeyTop},
	{key: tcell.KeyEnd, scope: scopePanel, act: actBottom, label: msgKeyBottom},
	{key: tcell.KeyEscape, scope: scopePanel, act: actFocusConsole, label: msgKeyConsoleBack},
	{key: tcell.KeyRune, ch: 's', scope: scopePs, act: actSortPs, label: msgKeySort},
	{key: tcell.KeyRune, ch: 'k', scope: scopePs, act: actKernelThreads, label: msgKeyKernel},
	{key: tcell.KeyRune, ch: 'p', scope: scopeEvents, act: actPrograms, label: msgKeyPrograms},

	{key: tcell.KeyEscape, scope: scopeDialog, act: actClose, label: msgKeyClose},
	{key: tcell.KeyEnter, scope: scopeDialog, act: actClose, label: msgKeyClose},
	{key: tcell.KeyRune, ch: 'q', scope: scopeDialog, act: actClose, label: msgKeyClose},
	{key: tcell.KeyUp, scope: scopeDialog, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopeDialog, act: actDown, label: msgKeyDown},
	{key: tcell.KeyPgUp, scope: scopeDialog, act: actPageUp, label: msgKeyPageUp},
	{key: tcell.KeyPgDn, scope: scopeDialog, act: actPageDown, label: msgKeyPageDown},

	{key: tcell.KeyEnter, scope: scopeGrub, act: actSelect, label: msgKeyGrubSelect, bar: true, short: msgBarGrubSelect},
	{key: tcell.KeyRune, ch: 'b', scope: scopeGrub, act: actGrubBoot, label: msgKeyGrubBoot},
	{key: tcell.KeyRune, ch: 'a', scope: scopeGrub, act: actGrubAppend, label: msgKeyGrubAppend, bar: true, short: msgBarGrubAppend},
	{key: tcell.KeyRune, ch: 'e', scope: scopeGrub, act: actGrubEdit, label: msgKeyGrubEdit, bar: true, short: msgBarGrubEdit},
	{key: tcell.KeyEscape, scope: scopeGrub, act: actGrubBack, label: msgKeyGrubBack},
	{key: tcell.KeyUp, scope: scopeGrub, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopeGrub, act: actDown, label: msgKeyDown},
	{key: tcell.KeyF10, scope: scopeGrub, act: actHome, label: msgKeyHome, bar: true},

	{key: tcell.KeyUp, scope: scopeLessons, act: actUp, label: msgKeyUp},
	{key: tcell.KeyRune, ch: 'k', scope: scopeLessons, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopeLessons, act: actDown, label: msgKeyDown},
	{key: tcell.KeyRune, ch: 'j', scope: scopeLessons, act: actDown, label: msgKeyDown},
	{key: tcell.KeyHome, scope: scopeLessons, act: actTop, label: msgKeyTop},
	{key: tcell.KeyEnd, scope: scopeLessons, act: actBottom, label: msgKeyBottom},
	{key: tcell.KeyEnter, scope: scopeLessons, act: actSelect, label: msgKeyOpenLesson, bar: true, short: msgBarOpen},
	{key: tcell.KeyEscape, scope: scopeLessons, act: actHome, label: msgKeyHome},
	{key: tcell.KeyF10, scope: scopeLessons, act: actHome, label: msgKeyHome, bar: true},

	{key: tcell.KeyF8, scope: scopeLesson, act: actHint, label: msgKeyHint, bar: true},
	{key: tcell.KeyRune, ch: 'h', alt: true, scope: scopeLesson, act: actHint, label: msgKeyHint},
	{key: tcell.KeyF9, scope: scopeLesson, act: actCheck, label: msgKeyCheck, bar: true, short: msgBarCheck},
	{key: tcell.KeyRune, ch: 'c', alt: true, scope: scopeLesson, act: actCheck, label: msgKeyCheck},
	{key: tcell.KeyRune, ch: 's', alt: true, scope: scopeLesson, act: actSolution, label: msgKeySolution, bar: true, short: msgBarSolution},
	{key: tcell.KeyRune, ch: 'u', alt: true, scope: scopeLesson, act: actUndo, label: msgKeyUndo, bar: true, short: msgBarUndo},
	{key: tcell.KeyRune, ch: 'r', alt: true, scope: scopeLesson, act: actRedo, label: msgKeyRedo, bar: true, short: msgBarRedo},
	{key: tcell.KeyRune, ch: 'x', alt: true, scope: scopeLesson, act: actReset, label: msgKeyReset, bar: true, short: msgBarReset},
	{key: tcell.KeyF10, scope: scopeLesson, act: actHome, label: msgKeyLessons, bar: true, short: msgBarLessons},
	{key: tcell.KeyF7, scope: scopeLesson, act: actNextPane, label: msgKeyPane},
	{key: tcell.KeyPgUp, alt: true, scope: scopeLesson, act: actPaneUp, label: msgKeyPaneUp},
	{key: tcell.KeyPgDn, alt: true, scope: scopeLesson, act: actPaneDown, label: msgKeyPaneDown},

	{key: tcell.KeyRune, ch: 'y', scope: scopeConfirm, act: actYes, label: msgKeyYes},
	{key: tcell.KeyRune, ch: 'Y', scope: scopeConfirm, act: actYes, label: msgKeyYes},
	{key: tcell.KeyRune, ch: 'n', scope: scopeConfirm, act: actNo, label: msgKeyNo},
	{key: tcell.KeyRune, ch: 'N', scope: scopeConfirm, act: actNo, label: msgKeyNo},
	{key: tcell.KeyEnter, scope: scopeConfirm, act: actNo, label: msgKeyNo},
	{key: tcell.KeyEscape, scope: scopeConfirm, act: actNo, label: msgKeyNo},

	{key: tcell.KeyUp, scope: scopeExams, act: actUp, label: msgKeyUp},
	{key: tcell.KeyRune, ch: 'k', scope: scopeExams, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopeExams, act: actDown, label: msgKeyDown},
	{key: tcell.KeyRune, ch: 'j', scope: scopeExams, act: actDown, label: msgKeyDown},
	{key: tcell.KeyHome, scope: scopeExams, act: actTop, label: msgKeyTop},
	{key: tcell.KeyEnd, scope: scopeExams, act: actBottom, label: msgKeyBottom},
	{key: tcell.KeyEnter, scope: scopeExams, act: actSelect, label: msgKeyChooseExam, bar: true, short: msgBarChoose},
	{key: tcell.KeyEscape, scope: scopeExams, act: actHome, label: msgKeyHome},
	{key: tcell.KeyF10, scope: scopeExams, act: actHome, label: msgKeyHome, bar: true},

	{key: tcell.KeyEnter, scope: scopeExamForm, act: actSelect, label: msgKeyStartExam, bar: true, short: msgBarStart},
	{key: tcell.KeyBackspace, scope: scopeExamForm, act: actBackspace, label: msgKeyBackspace},
	{key: tcell.KeyEscape, scope: scopeExamForm, act: actClose, label: msgKeyBackToList, bar: true, short: msgBarBack},

	{key: tcell.KeyF9, scope: scopeExam, act: actSubmitExam, label: msgKeySubmit, bar: true, short: msgBarSubmit},
	{key: tcell.KeyF7, scope: scopeExam, act: actNextPane, label: msgKeyExamPane, bar: true, short: msgBarPane},
	{key: tcell.KeyPgUp, alt: true, scope: scopeExam, act: actPaneUp, label: msgKeyTaskUp},
	{key: tcell.KeyPgDn, alt: true, scope: scopeExam, act: actPaneDown, label: msgKeyTaskDown},
	{key: tcell.KeyF10, scope: scopeExam, act: actQuitExam, label: msgKeyQuitExam, bar: true, short: msgBarQuitExam},

	{key: tcell.KeyEnter, scope: scopeExamResult, act: actClose, label: msgKeyClose, bar: true},
	{key: tcell.KeyEscape, scope: scopeExamResult, act: actClose, label: msgKeyClose},
	{key: tcell.KeyRune, ch: 'q', scope: scopeExamResult, act: actClose, label: msgKeyClose},
	{key: tcell.KeyUp, scope: scopeExamResult, act: actUp, label: msgKeyUp},
	{key: tcell.KeyDown, scope: scopeExamResult, act: actDown, label: msgKeyDown},
	{key: tcell.KeyPgUp, scope: scopeExamResult, act: actPageUp, label: msgKeyPageUp},
	{key: tcell.KeyPgDn, scope: scopeExamResult, act: actPageDown, label: msgKeyPageDown},
	{key: tcell.KeyHome, scope: scopeExamResult, act: actTop, label: msgKeyTop},
	{key: tcell.KeyEnd, scope: scopeExamResult, act: actBottom, label: msgKeyBottom},

	{key: tcell.KeyRune, ch: ' ', scope: scopeReplay, act: actPlay, label: msgKeyPlay, bar: true, short: msgBarPlay},
	{key: tcell.KeyRight, scope: scopeReplay, act: actStepFwd, label: msgKeyStepFwd, bar: true, short: msgBarStep},
	{key: tcell.KeyLeft, scope: scopeReplay, act: actStepBack, label: msgKeyStepBack, bar: true, short: msgBarBack},
	{key: tcell.KeyRune, ch: 'n', scope: scopeReplay, act: actNextChange, label: msgKeyNextChange, bar: true, short: msgBarChange},
	{key: tcell.KeyRune, ch: 'p', scope: scopeReplay, act: actPrevChange, label: msgKeyPrevChange},
	{key: tcell.KeyRune, ch: '+', scope: scopeReplay, act: actFaster, label: msgKeyFaster, bar: true, short: msgBarFaster},
	{key: tcell.KeyRune, ch: '=', scope: scopeReplay, act: actFaster, label: msgKeyFaster},
	{key: tcell.KeyRune, ch: '-', scope: scopeReplay, act: actSlower, label: msgKeySlower, bar: true, short: msgBarSlower},
	{key: tcell.KeyHome, scope: scopeReplay, act: actTop, label: msgKeyReplayStart},
	{key: tcell.KeyEnd, scope: scopeReplay, act: actBottom, label: msgKeyReplayEnd},
	{key: tcell.KeyPgUp, scope: scopeReplay, act: actPageUp, label: msgKeyPageUp},
	{key: tcell.KeyPgDn, scope: scopeReplay, act: actPageDown, label: msgKeyPageDown},
	{key: tcell.KeyF10, scope: scopeReplay, act: actQuit, label: msgKeyQuit, bar: true},
	{key: tcell.KeyRune, ch: 'q', scope: scopeReplay, act: actQuit, label: msgKeyQuit},

	{key: tcell.KeyF9, scope: scopeBoot, act: actBootSpeed, label: msgKeyBootSpeed, bar: true, short: msgBarBootSpeed},
	{key: tcell.KeyRune, ch: 's', scope: scopeGrub, act: actBootSpeed, label: msgKeyBootSpeed, bar: true, short: msgBarBootSpeed},

	{key: tcell.KeyRune, ch: ' ', scope: scopeStepper, act: actStep, label: msgKeyStep},
	{key: tcell.KeyEnter, scope: scopeStepper, act: actStep, label: msgKeyStep},
	{key: tcell.KeyRune, ch: 'n', scope: scopeStepper, act: actStep, label: msgKeyStep},
	{key: tcell.KeyRune, ch: 'c', scope: scopeStepper, act: actStepFinish, label: msgKeyStepFinish},
	{key: tcell.KeyEscape, scope: scopeStepper, act: actStepFinish, label: msgKeyStepFinish},
}

// matches reports whether ev is b's key.
func (b binding) matches(ev *tcell.EventKey) bool {
	if ev.Key() != b.key {
		return false
	}
	alt := ev.Modifiers()&tcell.ModAlt != 0
	if b.key == tcell.KeyRune {
		return ev.Rune() == b.ch && alt == b.alt && ev.Modifiers()&tcell.ModCtrl == 0
	}
	return alt == b.alt
}

// lookup finds what ev does in scope s.
func lookup(s scope, ev *tcell.EventKey) (action, int) {
	for _, b := range keyTable {
		if b.scope == s && b.matches(ev) {
			return b.act, b.arg
		}
	}
	return actNone, 0
}

// keyName is how the help and the key bar write b's key.
func keyName(b binding) string {
	var name string
	switch {
	case b.key == tcell.KeyRune && b.ch == ' ':
		name = "Space"
	case b.key == tcell.KeyRune:
		name = string(b.ch)
	case b.key >= tcell.KeyF1 && b.key <= tcell.KeyF64:
		name = fmt.Sprintf("F%d", int(b.key-tcell.KeyF1)+1)
	default:
		name = specialKeyNames[b.key]
		if name == "" {
			name = tcell.KeyNames[b.key]
		}
	}
	if b.alt {
		name = "Alt-" + name
	}
	return name
}

var specialKeyNames = map[tcell.Key]string{
	tcell.KeyUp: "↑", tcell.KeyDown: "↓", tcell.KeyLeft: "←", tcell.KeyRight: "→",
	tcell.KeyPgUp: "PgUp", tcell.KeyPgDn: "PgDn", tcell.KeyHome: "Home", tcell.KeyEnd: "End",
	tcell.KeyEnter: "Enter", tcell.KeyTab: "Tab", tcell.KeyEscape: "Esc", tcell.KeyBackspace: "Backspace",
	tcell.KeyDelete: "Delete", tcell.KeyCtrlJ: "Ctrl-J", tcell.KeyCtrlRightSq: "Ctrl-]",
}

// text is b's label in language l.
func (b binding) text(l Lang) string {
	if b.act == actConsole {
		return l.trf(b.label, b.arg)
	}
	return l.tr(b.label)
}

// barText is b's label in the key bar.
func (b binding) barText(l Lang) string {
	if b.short != "" {
		return l.tr(b.short)
	}
	return b.text(l)
}

// barBindings are the key bar's entries for the given scopes, in table
// order, one per action; a key already shown for an earlier scope (which
// takes it first) is not shown again.
func barBindings(scopes ...scope) []binding {
	var out []binding
	for _, s := range scopes {
	next:
		for _, b := range keyTable {
			if b.scope != s || !b.bar {
				continue
			}
			for _, o := range out {
				if o.key == b.key && o.ch == b.ch && o.alt == b.alt {
					continue next
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// helpLine is one row of the help: the keys that do one thing.
type helpLine struct {
	keys  string
	label string
}

// helpSection is the help's rows for one scope.
type helpSection struct {
	title string
	lines []helpLine
}

// helpSections renders the key table's scopes for the help window (all
// of them when none is given), merging the keys that do the same thing in
// the same scope ("Home, Ctrl-A").
func helpSections(l Lang, scopes ...scope) []helpSection {
	if len(scopes) == 0 {
		for s := scope(0); s < numScopes; s++ {
			scopes = append(scopes, s)
		}
	}
	var out []helpSection
	for _, s := range scopes {
		sec := helpSection{title: l.tr(scopeNames[s])}
		index := map[[2]int]int{}
		for _, b := range keyTable {
			if b.scope != s {
				continue
			}
			k := [2]int{int(b.act), b.arg}
			if i, ok := index[k]; ok {
				sec.lines[i].keys += ", " + keyName(b)
				continue
			}
			index[k] = len(sec.lines)
			sec.lines = append(sec.lines, helpLine{keys: keyName(b), label: b.text(l)})
		}
		if len(sec.lines) > 0 {
			out = append(out, sec)
		}
	}
	return out
}
