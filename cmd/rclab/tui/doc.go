// Package tui is rclab's terminal user interface: a home screen (sandbox,
// lessons, exams, language), and the sandbox, which shows a simulated
// machine's console with live panels beside it.
//
// # Reading the machine
//
// The UI reads a [sim.Machine] only through its public API. Command lines
// run on a goroutine (Machine.Apply blocks); what they print, the new
// prompt and a snapshot of the panels' data reach the widgets through one
// queue that runs on tview's event loop (see [UI.post]). Machine events
// arrive through Machine.Subscribe and are coalesced: the panels are
// redrawn at most every 50 ms while a command runs, and once more when it
// ends.
//
// # Keys and words
//
// One table (keys.go) drives key dispatch, the key bar and the F1 help;
// one catalog (i18n.go) holds every string the UI shows, in English and
// Korean.
//
// # Colours
//
// With [WithNoColor] the UI draws no colour at all, the machine's ANSI
// colours included; attributes (bold, reverse, dim) remain, as NO_COLOR
// asks.
package tui
