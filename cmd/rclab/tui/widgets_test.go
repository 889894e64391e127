package tui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/rivo/tview"

	"rclab/sim"
)

// render draws p alone on a w×h simulation screen.
func render(t *testing.T, w, h int, p tview.Primitive) screenshot {
	t.Helper()
	scr := tcell.NewSimulationScreen("UTF-8")
	if err := scr.Init(); err != nil {
		t.Fatal(err)
	}
	defer scr.Fini()
	scr.SetSize(w, h)
	p.SetRect(0, 0, w, h)
	p.Draw(scr)
	scr.Show()
	cells, cw, ch := scr.GetContents()
	return screenshot{cells: append([]tcell.SimCell(nil), cells...), w: cw, h: ch}
}

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", path, diff)
	}
}

func testEnv(l Lang, mono bool) *env { return &env{lang: l, th: newTheme(mono)} }

// bootText is console output as CentOS 5 writes it: RH's functions move
// to column 60 and colour the tag; a tab, a long line, Korean, a bell and
// an OSC title sequence.
const bootText = "INIT: Entering runlevel: 3\r\n" +
	"Starting sshd: \x1b[60G[\x1b[0;32m  OK  \x1b[0;39m]\r\n" +
	"Starting httpd: \x1b[60G[\x1b[0;31mFAILED\x1b[0;39m]\r\n" +
	"httpd\t0:off\t1:off\n" +
	"\x1b]0;title\x07\a한글 출력 (Korean)\n" +
	"a very long line that does not fit in the console and wraps onto the next row\n" +
	"overwritten\rOVER\n"

func TestTerminalGolden(t *testing.T) {
	t.Parallel()
	term := newTerminal(testEnv(English, false))
	term.WriteString(bootText)
	term.SetPrompt("[root@lab1 ~]# ")
	for _, r := range "service httpd st" {
		term.typeRune(r)
	}
	s := render(t, 70, 12, term)
	golden(t, "terminal", s.text())
	x, y, ok := s.find("[  OK  ]")
	if !ok || x != 59 {
		t.Fatalf("[  OK  ] at %d,%d; want column 59:\n%s", x, y, s.text())
	}
	if fg, _, _ := s.at(x+3, y).Style.Decompose(); fg != tcell.ColorGreen {
		t.Errorf("OK drawn in %v; want green", fg)
	}
	x, y, _ = s.find("FAILED")
	if fg, _, _ := s.at(x, y).Style.Decompose(); fg != tcell.ColorMaroon {
		t.Errorf("FAILED drawn in %v; want red (maroon)", fg)
	}
	// Korean takes two cells a character
	x, y, _ = s.find("한글")
	if c := s.at(x+2, y); string(c.Runes) != "글" {
		t.Errorf("cell after 한 = %q; want 글", string(c.Runes))
	}
}

func TestTerminalMono(t *testing.T) {
	t.Parallel()
	term := newTerminal(testEnv(English, true))
	term.WriteString(bootText)
	s := render(t, 70, 12, term)
	for _, c := range s.cells {
		if fg, bg, _ := c.Style.Decompose(); fg != tcell.ColorDefault || bg != tcell.ColorDefault {
			t.Fatalf("%q has colours %v on %v in monochrome", string(c.Runes), fg, bg)
		}
	}
}

// keys sends keys to a widget's input handler.
func keys(p tview.Primitive, evs ...*tcell.EventKey) {
	h := p.InputHandler()
	for _, ev := range evs {
		h(ev, func(tview.Primitive) {})
	}
}

func runes(s string) []*tcell.EventKey {
	var out []*tcell.EventKey
	for _, r := range s {
		out = append(out, tcell.NewEventKey(tcell.KeyRune, r, tcell.ModNone))
	}
	return out
}

func key(k tcell.Key) *tcell.EventKey { return tcell.NewEventKey(k, 0, tcell.ModNone) }

func ctrl(k tcell.Key) *tcell.EventKey { return tcell.NewEventKey(k, 0, tcell.ModCtrl) }

func TestTerminalEditing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		keys []*tcell.EventKey
		want string
	}{
		{"type", runes("echo hi"), "echo hi"},
		{"left and insert", append(runes("ecoh"), key(tcell.KeyLeft), key(tcell.KeyBackspace), key(tcell.KeyRight), tcell.NewEventKey(tcell.KeyRune, 'o', 0)), "echo"},
		{"ctrl-a", append(runes("cho"), ctrl(tcell.KeyCtrlA), tcell.NewEventKey(tcell.KeyRune, 'e', 0)), "echo"},
		{"home end", append(runes("b"), key(tcell.KeyHome), tcell.NewEventKey(tcell.KeyRune, 'a', 0), key(tcell.KeyEnd), tcell.NewEventKey(tcell.KeyRune, 'c', 0)), "abc"},
		{"ctrl-e", append(runes("ab"), ctrl(tcell.KeyCtrlA), ctrl(tcell.KeyCtrlE), tcell.NewEventKey(tcell.KeyRune, 'c', 0)), "abc"},
		{"ctrl-u", append(runes("abc def"), key(tcell.KeyLeft), key(tcell.KeyLeft), key(tcell.KeyLeft), ctrl(tcell.KeyCtrlU)), "def"},
		{"ctrl-k", append(runes("abc def"), key(tcell.KeyLeft), key(tcell.KeyLeft), key(tcell.KeyLeft), ctrl(tcell.KeyCtrlK)), "abc "},
		{"ctrl-w", append(runes("ls -l  /etc  "), ctrl(tcell.KeyCtrlW)), "ls -l  "},
		{"delete", append(runes("abc"), key(tcell.KeyHome), key(tcell.KeyDelete)), "bc"},
		{"ctrl-d deletes", append(runes("abc"), key(tcell.KeyHome), ctrl(tcell.KeyCtrlD)), "bc"},
		{"korean", append(runes("한글x"), key(tcell.KeyLeft), key(tcell.KeyBackspace)), "한x"},
	}
	for _, tc := range tests {
		term := newTerminal(testEnv(English, false))
		keys(term, tc.keys...)
		if got := term.Line(); got != tc.want {
			t.Errorf("%s: line = %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestTerminalHistoryAndSearch(t *testing.T) {
	t.Parallel()
	term := newTerminal(testEnv(English, false))
	var ran []string
	term.onSubmit = func(l string) { ran = append(ran, l) }
	for _, l := range []string{"service httpd start", "runlevel", "chkconfig --list"} {
		keys(term, runes(l)...)
		keys(term, key(tcell.KeyEnter))
	}
	keys(term, runes("draft")...)
	keys(term, key(tcell.KeyUp), key(tcell.KeyUp))
	if got := term.Line(); got != "runlevel" {
		t.Errorf("↑↑ = %q; want runlevel", got)
	}
	keys(term, key(tcell.KeyDown), key(tcell.KeyDown))
	if got := term.Line(); got != "draft" {
		t.Errorf("↓↓ = %q; want the draft back", got)
	}
	keys(term, ctrl(tcell.KeyCtrlU), ctrl(tcell.KeyCtrlR))
	keys(term, runes("htt")...)
	s := render(t, 60, 5, term)
	if _, _, ok := s.find("(reverse-i-search)`htt': service httpd start"); !ok {
		t.Errorf("search line not shown:\n%s", s.text())
	}
	keys(term, ctrl(tcell.KeyCtrlG))
	if got := term.Line(); got != "" {
		t.Errorf("Ctrl-G left %q; want the line as before the search", got)
	}
	keys(term, ctrl(tcell.KeyCtrlR))
	keys(term, runes("l")...)        // chkconfig --list
	keys(term, ctrl(tcell.KeyCtrlR)) // runlevel
	keys(term, key(tcell.KeyEnter))  // accept and run
	want := []string{"service httpd start", "runlevel", "chkconfig --list", "runlevel"}
	if diff := cmp.Diff(want, ran); diff != "" {
		t.Errorf("lines run (-want +got):\n%s", diff)
	}
}

func TestTerminalInterruptAndEOF(t *testing.T) {
	t.Parallel()
	term := newTerminal(testEnv(English, false))
	term.SetPrompt("$ ")
	interrupted, eof := 0, 0
	term.onInterrupt = func() { interrupted++ }
	term.onEOF = func() { eof++ }
	keys(term, runes("sleep 10")...)
	keys(term, ctrl(tcell.KeyCtrlC))
	if got := term.Text(); got != "$ sleep 10^C\n" || term.Line() != "" || interrupted != 0 {
		t.Errorf("Ctrl-C at the prompt: output %q, line %q, interrupts %d", got, term.Line(), interrupted)
	}
	term.SetBusy(true)
	keys(term, ctrl(tcell.KeyCtrlC))
	if interrupted != 1 {
		t.Errorf("Ctrl-C while busy did not interrupt")
	}
	keys(term, ctrl(tcell.KeyCtrlD))
	if eof != 0 {
		t.Errorf("Ctrl-D while busy logged out")
	}
	term.SetBusy(false)
	keys(term, ctrl(tcell.KeyCtrlD))
	if eof != 1 {
		t.Errorf("Ctrl-D on an empty line: %d logouts; want 1", eof)
	}
}

func TestTerminalCompletionList(t *testing.T) {
	t.Parallel()
	term := newTerminal(testEnv(English, false))
	term.SetPrompt("# ")
	term.onComplete = func(line []rune, cursor int) ([]rune, int, []string) {
		return line, cursor, []string{"rc0.d/", "rc1.d/", "rc.local"}
	}
	keys(term, runes("ls /etc/rc")...)
	keys(term, key(tcell.KeyTab))
	if got := term.Text(); got != "" {
		t.Errorf("one Tab listed %q; bash lists on the second", got)
	}
	keys(term, key(tcell.KeyTab))
	if got, want := term.Text(), "# ls /etc/rc\nrc0.d/    rc1.d/    rc.local\n"; got != want {
		t.Errorf("two Tabs = %q; want %q", got, want)
	}
}

func TestTerminalScroll(t *testing.T) {
	t.Parallel()
	term := newTerminal(testEnv(English, false))
	for i := 0; i < 50; i++ {
		term.WriteString("line " + itoa(i) + "\n")
	}
	term.SetPrompt("# ")
	s := render(t, 20, 5, term)
	if got := s.text(); got != "line 46\nline 47\nline 48\nline 49\n#\n" {
		t.Errorf("bottom view = %q", got)
	}
	keys(term, key(tcell.KeyPgUp))
	s = render(t, 20, 5, term)
	if got := s.text(); got != "line 42\nline 43\nline 44\nline 45\nline 46\n" {
		t.Errorf("after PgUp = %q", got)
	}
	for i := 0; i < 30; i++ {
		keys(term, key(tcell.KeyPgUp))
	}
	s = render(t, 20, 5, term)
	if got := s.text(); got != "line 0\nline 1\nline 2\nline 3\nline 4\n" {
		t.Errorf("at the top = %q", got)
	}
	keys(term, runes("x")...)
	s = render(t, 20, 5, term)
	if got := s.text(); got != "line 46\nline 47\nline 48\nline 49\n# x\n" {
		t.Errorf("typing did not return to the bottom: %q", got)
	}
	keys(term, ctrl(tcell.KeyCtrlL))
	s = render(t, 20, 5, term)
	if got := s.text(); got != "# x\n\n\n\n\n" {
		t.Errorf("Ctrl-L = %q", got)
	}
}

var epoch = time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC)

var testProcs = []sim.Process{
	{PID: 1, User: "root", Stat: "Ss", RSS: 620, Comm: "init", Args: []string{"init", "[3]"}, Start: epoch},
	{PID: 2, PPID: 1, User: "root", Stat: "S<", Comm: "migration/0", Kernel: true, Start: epoch},
	{PID: 164, PPID: 1, User: "root", Stat: "Ss", RSS: 1032, Comm: "sshd", Args: []string{"/usr/sbin/sshd"}, Daemon: "sshd", Start: epoch.Add(14 * time.Second)},
	{PID: 179, PPID: 1, User: "root", Stat: "Ss", RSS: 864, Comm: "xinetd", Args: []string{"xinetd", "-stayalive"}, Daemon: "xinetd", Start: epoch.Add(16 * time.Second)},
	{PID: 233, PPID: 1, User: "root", TTY: "tty1", Stat: "Ss", RSS: 1496, Comm: "bash", Args: []string{"-bash"}, Start: epoch.Add(23 * time.Second)},
	{PID: 246, PPID: 1, User: "root", Stat: "Ss", RSS: 8876, Comm: "httpd", Args: []string{"/usr/sbin/httpd"}, Daemon: "httpd", Start: epoch.Add(36 * time.Second)},
	{PID: 247, PPID: 246, User: "apache", Stat: "S", RSS: 4628, Comm: "httpd", Args: []string{"/usr/sbin/httpd"}, Worker: true, Start: epoch.Add(36 * time.Second)},
	{PID: 260, PPID: 179, User: "root", Stat: "Ss", RSS: 1200, Comm: "in.telnetd", Args: []string{"in.telnetd: 127.0.0.1"}, OnDemand: true, Start: epoch.Add(40 * time.Second)},
}

func TestPsPanelGolden(t *testing.T) {
	t.Parallel()
	p := newPsPanel(testEnv(English, false))
	p.setProcesses(testProcs)
	golden(t, "ps_pid", render(t, 56, 11, p).text())
	p.cycleSort()
	p.toggleKernel()
	s := render(t, 56, 11, p)
	golden(t, "ps_rss_kernel", s.text())
	// daemons, workers and on-demand servers differ in colour
	colour := func(text string) tcell.Color {
		x, y, ok := s.find(text)
		if !ok {
			t.Fatalf("%q not shown:\n%s", text, s.text())
		}
		fg, _, _ := s.at(x, y).Style.Decompose()
		return fg
	}
	d, w, x := colour("D  246"), colour("w  247"), colour("x  260")
	if d == w || d == x || w == x {
		t.Errorf("daemon %v, worker %v and on-demand %v colours are not distinct", d, w, x)
	}
	p.cycleSort() // by start: the newest first
	s = render(t, 56, 11, p)
	if _, y, _ := s.find("in.telnetd"); y != 2 {
		t.Errorf("newest process not first by start:\n%s", s.text())
	}
	p.cycleSort() // by command
	s = render(t, 56, 11, p)
	if _, y, _ := s.find("-bash"); y != 2 {
		t.Errorf("bash not first by command:\n%s", s.text())
	}
}

var testServices = []sim.Service{
	{Name: "crond", On: [7]bool{false, false, true, true, true, true, false}, Running: true},
	{Name: "httpd", On: [7]bool{false, false, false, true, false, true, false}},
	{Name: "sshd", On: [7]bool{false, false, true, true, true, true, false}, Running: true},
	{Name: "xinetd", On: [7]bool{false, false, false, true, true, true, false}, Running: true},
	{Name: "telnet", Xinetd: true, Enabled: true},
	{Name: "tftp", Xinetd: true},
}

func TestMatrixGolden(t *testing.T) {
	t.Parallel()
	m := newMatrixPanel(testEnv(English, false))
	m.set(testServices, '3')
	s := render(t, 50, 11, m)
	golden(t, "matrix_wide", s.text())
	// the current runlevel's column is highlighted
	x, y, _ := s.find("0   1   2   3")
	if _, bg, _ := s.at(x+12, y).Style.Decompose(); bg != tcell.ColorNavy {
		t.Errorf("runlevel 3's header has background %v; want the highlight", bg)
	}
	if _, bg, _ := s.at(x+8, y).Style.Decompose(); bg == tcell.ColorNavy {
		t.Errorf("runlevel 2's header is highlighted too")
	}
	golden(t, "matrix_narrow", render(t, 34, 11, m).text())
	mk := newMatrixPanel(testEnv(Korean, false))
	mk.set(testServices, '5')
	golden(t, "matrix_ko", render(t, 50, 11, mk).text())
}

func TestEventPanelGolden(t *testing.T) {
	t.Parallel()
	p := newEventPanel(testEnv(English, false))
	at := func(s int) time.Time { return epoch.Add(time.Duration(s) * time.Second) }
	p.add([]sim.Event{
		{Time: at(0), Kind: sim.EventBoot},
		{Time: at(1), Kind: sim.EventRunlevel, Level: "3"},
		{Time: at(2), Kind: sim.EventSpawn, PID: 246, Name: "httpd"},
		{Time: at(2), Kind: sim.EventProgram, PID: 255, Name: "touch", Args: []string{"touch", "/var/lock/subsys/httpd"}},
		{Time: at(2), Kind: sim.EventScript, PID: 243, Name: "/etc/init.d/httpd", Args: []string{"/etc/init.d/httpd", "start"}},
		{Time: at(3), Kind: sim.EventScript, PID: 250, Name: "/etc/init.d/named", Args: []string{"/etc/init.d/named", "start"}, Status: 1},
		{Time: at(4), Kind: sim.EventSignal, PID: 246, Name: "httpd", Signal: "TERM"},
		{Time: at(4), Kind: sim.EventExit, PID: 246, Name: "httpd", Signal: "TERM"},
		{Time: at(5), Kind: sim.EventHalt, Detail: "System halted."},
	})
	golden(t, "events", render(t, 60, 10, p).text())
	keys(p, runes("p")...)
	golden(t, "events_programs", render(t, 60, 10, p).text())
	pk := newEventPanel(testEnv(Korean, false))
	pk.add(p.events)
	golden(t, "events_ko", render(t, 60, 10, pk).text())
}

func TestHelpGolden(t *testing.T) {
	t.Parallel()
	for _, l := range []Lang{English, Korean} {
		h := newHelpView(testEnv(l, false), func() {})
		golden(t, "help_"+l.String(), render(t, 84, 90, h).text())
	}
}

func TestHomeGolden(t *testing.T) {
	t.Parallel()
	for _, l := range []Lang{English, Korean} {
		scr := tcell.NewSimulationScreen("UTF-8")
		u := New(WithScreen(scr), WithLang(l))
		golden(t, "home_"+l.String(), render(t, 80, 24, u.homeRoot).text())
		golden(t, "home_narrow_"+l.String(), render(t, 40, 14, u.homeRoot).text())
	}
}
