package cmds

import (
	"strings"
	"testing"
)

func TestManPageLayout(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	out, errs, st := runCmd(t, k, "man uname", "")
	want := "UNAME(1)                         User Commands                        UNAME(1)\n" +
		"\n\n\n" +
		"NAME\n" +
		"       uname - print system information\n" +
		"\n" +
		"SYNOPSIS\n" +
		"       uname [OPTION]...\n" +
		"\n" +
		"DESCRIPTION\n" +
		"       Print system information.\n" +
		"\n\n\n" +
		"rclab                           September 2014                        UNAME(1)\n"
	if out != want || errs != "" || st != 0 {
		t.Errorf("man uname = %q, %q, %d; want %q", out, errs, st, want)
	}
	// The header of the brief, centred on nroff's 78 columns.
	if got := manTitleLine("LS(1)", "User Commands", "LS(1)"); got != "LS(1)                            User Commands                           LS(1)" {
		t.Errorf("title line = %q", got)
	}
	for _, l := range strings.Split(out, "\n") {
		if len(l) > manWidth {
			t.Errorf("man uname: line longer than %d: %q", manWidth, l)
		}
	}
}

func TestManSections(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "man", wantErr: "What manual page do you want?\n", status: 1},
		{in: "man nosuch", wantErr: "No manual entry for nosuch\n", status: 1},
		{in: "man 8 uname", wantErr: "No entry for uname in section 8 of the manual\n", status: 1},
		{in: "man -w uname", want: "/usr/share/man/man1/uname.1.gz\n"},
		{in: "man -w 5 inittab", want: "/usr/share/man/man5/inittab.5.gz\n"},
		{in: "man -w inittab date nosuch", want: "/usr/share/man/man5/inittab.5.gz\n/usr/share/man/man1/date.1.gz\n",
			wantErr: "No manual entry for nosuch\n", status: 1},
		{in: "man -f date", want: "date                 (1)  - print or set the system date and time\n"},
		{in: "whatis inittab", want: "inittab              (5)  - format of the inittab file used by the sysv-compatible init process\n"},
		{in: "whatis nosuch", want: "nosuch: nothing appropriate\n", status: 1},
		{in: "whatis", wantErr: "whatis what?\n", status: 1},
		{in: "apropos", wantErr: "apropos what?\n", status: 1},
		{in: "apropos xyzzy", want: "xyzzy: nothing appropriate\n", status: 1},
		{in: "man -k INITTAB", want: "inittab              (5)  - format of the inittab file used by the sysv-compatible init process\n"},
		{in: "man -x", wantErr: "man: invalid option -- x\n" + manUsage, status: 1},
		{in: "man -V", want: "man, version 1.6f\n"},
	})
	k := siKernel(t)
	out, _, st := runCmd(t, k, "apropos TERMINAL", "")
	if st != 0 || !strings.Contains(out, "clear                (1)  - clear the terminal screen\n") ||
		!strings.Contains(out, "tty                  (1)  - print the file name of the terminal connected to standard input\n") {
		t.Errorf("apropos TERMINAL = %q, %d", out, st)
	}
	// A file page is found with or without its section.
	a, _, _ := runCmd(t, k, "man inittab", "")
	b, _, _ := runCmd(t, k, "man 5 inittab", "")
	if a != b || !strings.HasPrefix(a, "INITTAB(5)            Linux System Administrator's Manual           INITTAB(5)\n") {
		t.Errorf("man inittab = %q", a)
	}
	for _, want := range []string{
		"\nACTIONS\n",
		"       respawn\n              start  the  process  when  the runlevel is entered, and start it\n",
		"       wait   run  the  process once when the runlevel is entered and wait for\n",
		"       id:3:initdefault:\n       si::sysinit:/etc/rc.d/rc.sysinit\n",
	} {
		if !strings.Contains(a, want) {
			t.Errorf("man inittab lacks %q", want)
		}
	}
	// Programs in sbin directories are in section 8.
	if got := manSectionOf(&Command{Dirs: []string{"/sbin"}}); got != "8" {
		t.Errorf("section of a /sbin program = %s", got)
	}
	if got := manSectionOf(&Command{Dirs: []string{"/usr/bin"}}); got != "1" {
		t.Errorf("section of a /usr/bin program = %s", got)
	}
}

// TestManExtraPages renders every hand-written page and checks its shape.
func TestManExtraPages(t *testing.T) {
	t.Parallel()
	for key, pg := range manExtra {
		if pg.Names[0] != key {
			t.Errorf("manExtra[%q] is titled %q", key, pg.Names[0])
		}
		out := manRender(pg)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		title := strings.ToUpper(key) + "(" + pg.Section + ")"
		if !strings.HasPrefix(lines[0], title) || !strings.HasSuffix(lines[0], title) {
			t.Errorf("man %s header = %q", key, lines[0])
		}
		if !strings.HasSuffix(lines[len(lines)-1], title) {
			t.Errorf("man %s footer = %q", key, lines[len(lines)-1])
		}
		if lines[4] != "NAME" || !strings.Contains(out, "\nSYNOPSIS\n") || !strings.Contains(out, "\nSEE ALSO\n") {
			t.Errorf("man %s lacks NAME, SYNOPSIS or SEE ALSO:\n%s", key, out)
		}
		blank := 0
		for i, l := range lines {
			if len([]rune(l)) > manWidth {
				t.Errorf("man %s line %d longer than %d: %q", key, i, manWidth, l)
			}
			if l != strings.TrimRight(l, " ") {
				t.Errorf("man %s line %d has trailing blanks: %q", key, i, l)
			}
			if l == "" {
				blank++
			} else {
				blank = 0
			}
			if blank > 1 && i > 4 && i < len(lines)-4 {
				t.Errorf("man %s: two blank lines in a row at line %d", key, i)
			}
			if l != "" && !strings.HasPrefix(l, " ") && i > 3 && i < len(lines)-1 && strings.ToUpper(l) != l {
				t.Errorf("man %s: text at the margin: %q", key, l)
			}
		}
	}
	init := manRender(manExtra["init"])
	for _, want := range []string{
		"INIT(8)               Linux System Administrator's Manual              INIT(8)\n",
		"NAME\n       init, telinit - process control initialization\n",
		"SYNOPSIS\n       /sbin/init [ -a ] [ -s ] [ -b ] [ -z xxx ] [ 0123456Ss ]\n       /sbin/telinit [ -t SECONDS ] [ 0123456sSQqabcUu ]\n",
		"       0      halt the system\n",
		"       -t SECONDS\n              how  long telinit",
		"sysvinit 2.86                   September 2014                         INIT(8)\n",
	} {
		if !strings.Contains(init, want) {
			t.Errorf("man init lacks %q:\n%s", want, init)
		}
	}
}

// TestManInstalledPages checks that a hand-written page replaces the short
// one exactly when its program is installed.
func TestManInstalledPages(t *testing.T) {
	t.Parallel()
	pages := manAll()
	byName := map[string]*manPage{}
	for _, pg := range pages {
		for _, n := range pg.Names {
			if _, dup := byName[n+pg.Section]; dup {
				t.Errorf("two pages for %s(%s)", n, pg.Section)
			}
			byName[n+pg.Section] = pg
		}
	}
	for _, c := range All() {
		section := manSectionOf(c)
		extra, hand := manExtra[c.Name]
		if hand && !extra.File {
			section = extra.Section // a hand-written page wins, in its own section
		}
		pg, ok := byName[c.Name+section]
		if !ok {
			t.Errorf("no manual page for %s", c.Name)
			continue
		}
		if hand && !extra.File && pg != extra {
			t.Errorf("man %s does not use the hand-written page", c.Name)
		}
	}
	for key, pg := range manExtra {
		if _, ok := byName[key+pg.Section]; ok != (pg.File || manInstalled(pg)) {
			t.Errorf("page %s listed = %v; installed %v", key, ok, manInstalled(pg))
		}
	}
}

func TestManFill(t *testing.T) {
	t.Parallel()
	got := manFill("aa bb cc dd ee ff gg", 9, true)
	want := []string{"aa  bb cc", "dd ee  ff", "gg"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("manFill = %q; want %q", got, want)
	}
	if got := manFill("averyveryverylongword x", 5, true); got[0] != "averyveryverylongword" || got[1] != "x" {
		t.Errorf("manFill long word = %q", got)
	}
}

func TestHelpBuiltin(t *testing.T) {
	t.Parallel()
	siRunTable(t, []siCase{
		{in: "help cd", want: "cd: cd [-L|-P] [dir]\n    Change the current directory to DIR, $HOME by default. -P resolves\n" +
			"    symbolic links; -L (the default) follows them logically.\n"},
		{in: "help -s cd pwd", want: "cd: cd [-L|-P] [dir]\npwd: pwd [-LP]\n"},
		{in: "help -s 'u*'", want: "ulimit: ulimit [-SHacdfilmnpqstuvx] [limit]\numask: umask [-p] [-S] [mode]\n" +
			"unalias: unalias [-a] name [name ...]\nunset: unset [-f] [-v] [name ...]\nuntil: until COMMANDS; do COMMANDS; done\n"},
		{in: "help -s ec", want: "echo: echo [-neE] [arg ...]\n"},
		{in: "help nosuch", wantErr: "-bash: help: no help topics match `nosuch'.  Try `help help' or `man -k nosuch' or `info nosuch'.\n", status: 1},
		{in: "help uname", wantErr: "-bash: help: no help topics match `uname'.  Try `help help' or `man -k uname' or `info uname'.\n" +
			"rclab: uname is a program (/bin/uname), not a shell builtin: try `man uname' or `uname --help'.\n", status: 1},
		{in: "help -x", wantErr: "-bash: help: -x: invalid option\nhelp: usage: help [-s] [pattern ...]\n", status: 2},
	})
}

func TestHelpList(t *testing.T) {
	t.Parallel()
	k := siKernel(t)
	out, errs, st := runCmd(t, k, "help", "")
	if errs != "" || st != 0 {
		t.Fatalf("help = %q, %d", errs, st)
	}
	head := "GNU bash, version 3.2.25(1)-release (i686-redhat-linux-gnu)\n" +
		"These shell commands are defined internally.  Type `help' to see this list.\n" +
		"Type `help name' to find out more about the function `name'.\n" +
		"Use `info bash' to find out more about the shell in general.\n" +
		"Use `man -k' or `info' to find out more about commands not in this list.\n\n" +
		"A star (*) next to a name means that the command is disabled.\n\n" +
		" JOB_SPEC [&]                       (( expression ))\n" +
		" . filename [arguments]             :\n" +
		" [ arg... ]                         [[ expression ]]\n" +
		" alias [-p] [name[=value] ... ]     bg [job_spec ...]\n" +
		" bind [-lpvsPVS] [-m keymap] [-f fi break [n]\n"
	if !strings.HasPrefix(out, head) {
		t.Errorf("help starts %q; want %q", out[:min(len(out), len(head))], head)
	}
	if !strings.Contains(out, " while COMMANDS; do COMMANDS; done  { COMMANDS ; }\n\nrclab: programs available on this machine:\n") {
		t.Errorf("help lacks the end of the builtin list and the program header:\n%s", out)
	}
	_, programs, _ := strings.Cut(out, "rclab: programs available on this machine:\n")
	lines := strings.Split(strings.TrimSuffix(programs, "\n"), "\n")
	all := All()
	if len(lines) != len(all) {
		t.Errorf("help lists %d programs; the table has %d", len(lines), len(all))
	}
	for i, c := range all {
		if i >= len(lines) {
			break
		}
		f := strings.Fields(lines[i])
		if len(f) == 0 || f[0] != c.Name || !strings.HasPrefix(c.Summary, strings.TrimSpace(lines[i][17:])) {
			t.Errorf("help line %d = %q; want %s and its summary", i, lines[i], c.Name)
		}
		if len(lines[i]) > 79 {
			t.Errorf("help line %d longer than 79: %q", i, lines[i])
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if len(l) > 80 {
			t.Errorf("help: line longer than 80: %q", l)
		}
	}
}
