package cmds

// man, apropos and whatis (man 1.6f on CentOS 5) over the program table
// and the hand-written pages of manpages.go, and bash 3.2's help builtin,
// which rclab installs as a program the shell routes the name "help" to.
//
// Pages are rendered as nroff renders man(7) pages for a pipe: 78 columns,
// header and footer lines, section headings at the margin and text filled,
// justified and indented by 7 columns. At the rclab app's console man
// pages them as man 1.6f does, with less -is (manScreen).

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"unicode"
)

func init() {
	Register(Command{Name: "man", Dirs: []string{"/usr/bin"}, Summary: "format and display the on-line manual pages",
		Usage: "man [-adfhktwW] [section] [-M path] [-P pager] [-S list] name ...", Main: manMain})
	Register(Command{Name: "apropos", Dirs: []string{"/usr/bin"}, Summary: "search the whatis database for strings",
		Usage: "apropos keyword ...", Main: manApropos})
	Register(Command{Name: "whatis", Dirs: []string{"/usr/bin"}, Summary: "search the whatis database for complete words",
		Usage: "whatis keyword ...", Main: manWhatis})
	// help is a bash builtin; the shell sends the name here.
	Register(Command{Name: "help", Dirs: []string{"/usr/libexec/rclab"}, Summary: "display information about builtin commands",
		Usage: "help [-s] [pattern ...]", Main: helpMain})
}

const (
	manWidth  = 78 // nroff's line length for man pages
	manIndent = 7  // indentation of section bodies
	manTPInd  = 7  // further indentation of tagged paragraph bodies
	manDate   = "September 2014"
	manSource = "rclab"
)

// manSectionOrder is man 1.6's default search order.
var manSectionOrder = []string{"1", "1p", "8", "2", "3", "3p", "4", "5", "6", "7", "9", "0p", "n", "l", "p", "o"}

func manSectionRank(s string) int {
	for i, v := range manSectionOrder {
		if v == s {
			return i
		}
	}
	return len(manSectionOrder)
}

// manSectionOf is the section a program's page is in: 8 for programs in
// sbin directories, 1 otherwise.
func manSectionOf(c *Command) string {
	for _, d := range c.Dirs {
		if d == "/sbin" || d == "/usr/sbin" {
			return "8"
		}
	}
	return "1"
}

// manFromCommand builds the short page of a program.
func manFromCommand(c *Command) *manPage {
	body := c.Man
	switch {
	case body == "":
		body = ".SH DESCRIPTION\n" + manSentence(c.Summary)
	case !strings.HasPrefix(strings.TrimSpace(body), ".SH"):
		body = ".SH DESCRIPTION\n" + body
	}
	return &manPage{Names: []string{c.Name}, Section: manSectionOf(c), Summary: c.Summary, Synopsis: c.Usage, Body: body}
}

// manSentence turns a summary into a sentence.
func manSentence(s string) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// manAll lists every page of the machine: the hand-written pages of
// installed programs and of files, then the built pages of the programs
// that have no hand-written one.
func manAll() []*manPage {
	var out []*manPage
	covered := map[string]bool{}
	for _, pg := range manExtra {
		if !pg.File && !manInstalled(pg) {
			continue
		}
		out = append(out, pg)
		if pg.File {
			continue
		}
		for _, n := range pg.Names {
			covered[n] = true // whatever its section (rpm(8) in /bin)
		}
	}
	for _, c := range All() {
		if covered[c.Name] {
			continue
		}
		out = append(out, manFromCommand(c))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Names[0] != out[j].Names[0] {
			return out[i].Names[0] < out[j].Names[0]
		}
		return manSectionRank(out[i].Section) < manSectionRank(out[j].Section)
	})
	return out
}

// manInstalled reports whether a program a hand-written page documents is
// in the table.
func manInstalled(pg *manPage) bool {
	for _, n := range pg.Names {
		if _, ok := Lookup(n); ok {
			return true
		}
	}
	return false
}

// manFind returns the pages for name, in search order, in section when it
// is not empty.
func manFind(name, section string) []*manPage {
	var out []*manPage
	for _, pg := range manAll() {
		if section != "" && pg.Section != section {
			continue
		}
		for _, n := range pg.Names {
			if n == name {
				out = append(out, pg)
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return manSectionRank(out[i].Section) < manSectionRank(out[j].Section)
	})
	return out
}

// manIsSection reports whether s names a manual section.
func manIsSection(s string) bool {
	switch s {
	case "1", "2", "3", "4", "5", "6", "7", "8", "9", "n", "l", "p", "o", "1p", "3p", "0p":
		return true
	}
	return false
}

const manUsage = `man, version 1.6f

usage: man [-adfhktwW] [section] [-M path] [-P pager] [-S list]
	[-m system] [-p string] name ...

  a : find all matching entries
  c : do not use cat file
  d : print gobs of debugging information
  D : as for -d, but also display the pages
  f : same as whatis(1)
  h : print this help message
  k : same as apropos(1)
  K : search for a string in all pages
  t : use troff to format pages for printing
  w : print location of man page(s) that would be displayed
      (if no name given: print directories that would be searched)
  W : as for -w, but display filenames only

  C file   : use ` + "`file'" + ` as configuration file
  M path   : set search path for manual pages to ` + "`path'" + `
  P pager  : use program ` + "`pager'" + ` to display pages
  S list   : colon separated section list
  m system : search for alternate system's man pages
  p string : string tells which preprocessors to run
               e - [n]eqn(1)   p - pic(1)    t - tbl(1)
               g - grap(1)     r - refer(1)  v - vgrind(1)
`

func manMain(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "acdDfhkKtwWVC:M:P:S:m:p:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprint(p.Stderr, manUsage)
		return 1
	}
	var all, whatis, apropos, where bool
	for _, o := range opts {
		switch o.Name {
		case "a":
			all = true
		case "f":
			whatis = true
		case "k":
			apropos = true
		case "w", "W":
			where = true
		case "h":
			fmt.Fprint(p.Stdout, manUsage)
			return 0
		case "V":
			p.Printf("man, version 1.6f\n")
			return 0
		}
	}
	switch {
	case apropos:
		return manSearch(p, ops, false)
	case whatis:
		return manSearch(p, ops, true)
	}
	section := ""
	if len(ops) > 1 && manIsSection(ops[0]) {
		section, ops = ops[0], ops[1:]
	}
	if len(ops) == 0 {
		if where {
			p.Printf("/usr/kerberos/man:/usr/local/share/man:/usr/share/man/en:/usr/share/man\n")
			return 0
		}
		fmt.Fprintf(p.Stderr, "What manual page do you want?\n")
		return 1
	}
	st := 0
	var out strings.Builder
	for _, name := range ops {
		pages := manFind(name, section)
		if len(pages) == 0 {
			if section != "" {
				fmt.Fprintf(p.Stderr, "No entry for %s in section %s of the manual\n", name, section)
			} else {
				fmt.Fprintf(p.Stderr, "No manual entry for %s\n", name)
			}
			st = 1
			continue
		}
		if !all {
			pages = pages[:1]
		}
		for _, pg := range pages {
			if where {
				fmt.Fprintf(&out, "/usr/share/man/man%s/%s.%s.gz\n", pg.Section, name, pg.Section)
				continue
			}
			out.WriteString(manRender(pg))
		}
	}
	if !where && out.Len() > 0 && screenReady(p) {
		return manScreen(p, out.String(), st)
	}
	io.WriteString(p.Stdout, out.String())
	return st
}

func manApropos(p *Proc) int {
	_, ops, err := Getopt(p.Args[1:], "", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return 1
	}
	return manSearch(p, ops, false)
}

func manWhatis(p *Proc) int {
	_, ops, err := Getopt(p.Args[1:], "", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return 1
	}
	return manSearch(p, ops, true)
}

// manWhatisLine is one line of the whatis database as makewhatis writes it.
func manWhatisLine(name string, pg *manPage) string {
	return fmt.Sprintf("%-20s (%s)  - %s", name, pg.Section, pg.Summary)
}

// manSearch is apropos (substring of a name or summary, any case) or
// whatis (exact name).
func manSearch(p *Proc, words []string, exact bool) int {
	if len(words) == 0 {
		if exact {
			fmt.Fprintf(p.Stderr, "whatis what?\n")
		} else {
			fmt.Fprintf(p.Stderr, "apropos what?\n")
		}
		return 1
	}
	pages := manAll()
	st := 0
	for _, w := range words {
		lw := strings.ToLower(w)
		found := false
		for _, pg := range pages {
			for _, n := range pg.Names {
				var hit bool
				if exact {
					hit = n == w
				} else {
					hit = strings.Contains(strings.ToLower(n), lw) || strings.Contains(strings.ToLower(pg.Summary), lw)
				}
				if hit {
					p.Printf("%s\n", manWhatisLine(n, pg))
					found = true
				}
			}
		}
		if !found {
			p.Printf("%s: nothing appropriate\n", w)
			st = 1
		}
	}
	return st
}

// ---- rendering ----

// manTitleLine places left, centre and right on one line of manWidth
// columns, as the man macros' title lines are.
func manTitleLine(left, centre, right string) string {
	line := []rune(strings.Repeat(" ", manWidth))
	lr, cr, rr := []rune(left), []rune(centre), []rune(right)
	cpos := (manWidth - len(cr) + 1) / 2
	rpos := manWidth - len(rr)
	if len(lr) >= cpos || cpos+len(cr) >= rpos {
		return strings.TrimRight(left+"  "+centre+"  "+right, " ")
	}
	copy(line, lr)
	copy(line[cpos:], cr)
	copy(line[rpos:], rr)
	return strings.TrimRight(string(line), " ")
}

// manFill breaks text into lines of at most width columns; with justify,
// every line but the last is padded to width by widening the gaps, from
// alternate ends as nroff does.
func manFill(text string, width int, justify bool) []string {
	words := strings.Fields(text)
	var lines []string
	for len(words) > 0 {
		n, w := 1, len([]rune(words[0]))
		for n < len(words) && w+1+len([]rune(words[n])) <= width {
			w += 1 + len([]rune(words[n]))
			n++
		}
		line := words[:n]
		words = words[n:]
		if !justify || len(words) == 0 || n == 1 {
			lines = append(lines, strings.Join(line, " "))
			continue
		}
		gaps := make([]int, n-1)
		for i := range gaps {
			gaps[i] = 1
		}
		extra := width - w
		fromRight := len(lines)%2 == 1
		for i := 0; extra > 0; i = (i + 1) % len(gaps) {
			k := i
			if fromRight {
				k = len(gaps) - 1 - i
			}
			gaps[k]++
			extra--
		}
		var b strings.Builder
		for i, word := range line {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", gaps[i-1]))
			}
			b.WriteString(word)
		}
		lines = append(lines, b.String())
	}
	return lines
}

type manRenderer struct {
	lines []string
	fresh bool // nothing printed since the last heading
	gap   bool // the next paragraph is preceded by a blank line
}

func (r *manRenderer) heading(title string) {
	if len(r.lines) > 0 {
		r.lines = append(r.lines, "")
	}
	r.lines = append(r.lines, title)
	r.fresh, r.gap = true, false
}

func (r *manRenderer) space() {
	if !r.fresh && r.gap && r.lines[len(r.lines)-1] != "" {
		r.lines = append(r.lines, "")
	}
	r.fresh, r.gap = false, false
}

// para prints a filled paragraph at indent; a tag, when given, goes at
// tagIndent and shares the first line when it fits.
func (r *manRenderer) para(text string, indent int, tag string, tagIndent int, justify bool) {
	r.space()
	body := manFill(text, manWidth-indent, justify)
	pad := strings.Repeat(" ", indent)
	if tag != "" {
		tagLine := strings.Repeat(" ", tagIndent) + tag
		if len([]rune(tagLine)) < indent && len(body) > 0 {
			body[0] = tagLine + strings.Repeat(" ", indent-len([]rune(tagLine))) + body[0]
			r.lines = append(r.lines, body[0])
			body = body[1:]
		} else {
			r.lines = append(r.lines, tagLine)
		}
	}
	for _, l := range body {
		r.lines = append(r.lines, pad+l)
	}
	r.gap = true
}

// body renders the markup of manpages.go.
func (r *manRenderer) body(src string) {
	lines := strings.Split(src, "\n")
	var text []string
	mode, tag := "", ""
	flush := func() {
		if len(text) == 0 {
			if mode == "tp" && tag != "" {
				r.para("", manIndent+manTPInd, tag, manIndent, true)
				tag = ""
			}
			return
		}
		joined := strings.Join(text, " ")
		text = nil
		switch mode {
		case "tp":
			r.para(joined, manIndent+manTPInd, tag, manIndent, true)
			tag = ""
		case "ip":
			r.para(joined, manIndent+manTPInd, "", 0, true)
		default:
			r.para(joined, manIndent, "", 0, true)
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, ".SH "):
			flush()
			r.heading(strings.TrimSpace(l[4:]))
			mode = ""
		case l == ".TP":
			flush()
			mode, tag = "tp", ""
			if i+1 < len(lines) {
				i++
				tag = lines[i]
			}
			r.gap = true
		case l == ".IP":
			flush()
			mode = "ip"
			r.gap = true
		case l == ".PP" || strings.TrimSpace(l) == "":
			flush()
			mode = ""
			r.gap = true
		case l == ".nf":
			flush()
			indent := manIndent
			if mode != "" {
				indent += manTPInd
			}
			r.fresh = false
			for i++; i < len(lines) && lines[i] != ".fi"; i++ {
				if lines[i] == "" {
					r.lines = append(r.lines, "")
				} else {
					r.lines = append(r.lines, strings.Repeat(" ", indent)+lines[i])
				}
			}
			r.gap = false
		default:
			text = append(text, l)
		}
	}
	flush()
}

// manRender formats a page as man prints it into a pipe.
func manRender(pg *manPage) string {
	title := strings.ToUpper(pg.Names[0]) + "(" + pg.Section + ")"
	centre := pg.Title
	if centre == "" {
		switch pg.Section {
		case "1":
			centre = "User Commands"
		case "5":
			centre = "File Formats"
		case "8":
			centre = "System Administration Utilities"
		}
	}
	source := pg.Source
	if source == "" {
		source = manSource
	}
	r := &manRenderer{}
	r.heading("NAME")
	r.para(strings.Join(pg.Names, ", ")+" - "+pg.Summary, manIndent, "", 0, true)
	if pg.Synopsis != "" {
		r.heading("SYNOPSIS")
		for _, l := range strings.Split(pg.Synopsis, "\n") {
			for _, fl := range manFill(l, manWidth-manIndent, false) {
				r.lines = append(r.lines, strings.Repeat(" ", manIndent)+fl)
			}
		}
		r.fresh = false
	}
	r.body(pg.Body)
	var b strings.Builder
	b.WriteString(manTitleLine(title, centre, title) + "\n\n\n\n")
	for _, l := range r.lines {
		b.WriteString(strings.TrimRight(l, " ") + "\n")
	}
	b.WriteString("\n\n\n" + manTitleLine(source, manDate, title) + "\n")
	return b.String()
}

// ---- help (bash 3.2) ----

// helpBuiltin is one builtin of bash 3.2, in the order help lists them.
type helpBuiltin struct {
	name, synopsis, text string
}

var helpBuiltins = []helpBuiltin{
	{"%", "JOB_SPEC [&]", "Resume a job in the foreground, or in the background with &."},
	{"((", "(( expression ))", "Evaluate an arithmetic expression; the status is 0 when it is not zero."},
	{".", ". filename [arguments]", "Read and run the commands of FILENAME in the current shell."},
	{":", ":", "Do nothing, successfully; arguments are expanded and ignored."},
	{"[", "[ arg... ]", "Same as test, but the last argument must be a literal ]."},
	{"[[", "[[ expression ]]", "Evaluate a conditional expression, with pattern matching and no word splitting."},
	{"alias", "alias [-p] [name[=value] ... ]", "Define or show aliases; without arguments, list them all."},
	{"bg", "bg [job_spec ...]", "Resume stopped jobs in the background."},
	{"bind", "bind [-lpvsPVS] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]", "Show or change Readline key bindings and variables."},
	{"break", "break [n]", "Leave the innermost (or Nth enclosing) for, while or until loop."},
	{"builtin", "builtin [shell-builtin [arg ...]]", "Run a shell builtin, even when a function has the same name."},
	{"caller", "caller [EXPR]", "Print the context of the current subroutine call."},
	{"case", "case WORD in [PATTERN [| PATTERN]...) COMMANDS ;;]... esac", "Run the commands of the first PATTERN that matches WORD."},
	{"cd", "cd [-L|-P] [dir]", "Change the current directory to DIR, $HOME by default. -P resolves\nsymbolic links; -L (the default) follows them logically."},
	{"command", "command [-pVv] command [arg ...]", "Run COMMAND without looking up shell functions; -v or -V describe it."},
	{"compgen", "compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-P prefix] [-S suffix] [-X filterpat] [-F function] [-C command] [word]", "Print possible completions."},
	{"complete", "complete [-abcdefgjksuv] [-pr] [-o option] [-A action] [-G globpat] [-W wordlist] [-P prefix] [-S suffix] [-X filterpat] [-F function] [-C command] [name ...]", "Specify how arguments of a command are completed."},
	{"continue", "continue [n]", "Start the next iteration of the innermost (or Nth) loop."},
	{"declare", "declare [-afFirtx] [-p] [name[=value] ...]", "Declare variables and give them attributes."},
	{"dirs", "dirs [-clpv] [+N] [-N]", "Show the directory stack."},
	{"disown", "disown [-h] [-ar] [jobspec ...]", "Remove jobs from the job table."},
	{"echo", "echo [-neE] [arg ...]", "Write the arguments, separated by spaces and followed by a newline.\n-n omits the newline; -e interprets backslash escapes."},
	{"enable", "enable [-pnds] [-a] [-f filename] [name ...]", "Enable or disable shell builtins."},
	{"eval", "eval [arg ...]", "Join the arguments into one command and run it."},
	{"exec", "exec [-cl] [-a name] file [redirection ...]", "Replace the shell with FILE, or apply redirections to the shell."},
	{"exit", "exit [n]", "Exit the shell with status N, or that of the last command."},
	{"export", "export [-nf] [name[=value] ...] or export -p", "Mark variables to be passed to the environment of programs."},
	{"false", "false", "Return an unsuccessful result."},
	{"fc", "fc [-e ename] [-nlr] [first] [last] or fc -s [pat=rep] [cmd]", "List, edit and run commands from the history."},
	{"fg", "fg [job_spec]", "Bring a job to the foreground."},
	{"for", "for NAME [in WORDS ... ;] do COMMANDS; done", "Run COMMANDS once for each word, with NAME set to it."},
	{"for ((", "for (( exp1; exp2; exp3 )); do COMMANDS; done", "Arithmetic for loop."},
	{"function", "function NAME { COMMANDS ; } or NAME () { COMMANDS ; }", "Define a shell function."},
	{"getopts", "getopts optstring name [arg]", "Parse options of a script or function, one per call."},
	{"hash", "hash [-lr] [-p pathname] [-dt] [name ...]", "Remember or show the full path names of commands."},
	{"help", "help [-s] [pattern ...]", "Show information about builtin commands. With PATTERN, show the help of\nevery builtin it matches; -s prints only the usage line."},
	{"history", "history [-c] [-d offset] [n] or history -awrn [filename] or history -ps arg [arg...]", "Show or edit the command history."},
	{"if", "if COMMANDS; then COMMANDS; [ elif COMMANDS; then COMMANDS; ]... [ else COMMANDS; ] fi", "Run commands depending on the status of other commands."},
	{"jobs", "jobs [-lnprs] [jobspec ...] or jobs -x command [args]", "List the jobs of the shell."},
	{"kill", "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]", "Send a signal (TERM by default) to processes or jobs; -l lists the\nsignal names."},
	{"let", "let arg [arg ...]", "Evaluate arithmetic expressions."},
	{"local", "local name[=value] ...", "Create variables local to a function."},
	{"logout", "logout", "Exit a login shell."},
	{"popd", "popd [+N | -N] [-n]", "Remove a directory from the stack and change to the new top."},
	{"printf", "printf [-v var] format [arguments]", "Format and print the arguments under the control of FORMAT."},
	{"pushd", "pushd [dir | +N | -N] [-n]", "Push a directory onto the stack and change to it."},
	{"pwd", "pwd [-LP]", "Print the current working directory; -P resolves symbolic links."},
	{"read", "read [-ers] [-u fd] [-t timeout] [-p prompt] [-a array] [-n nchars] [-d delim] [name ...]", "Read a line from standard input and split it into variables."},
	{"readonly", "readonly [-af] [name[=value] ...] or readonly -p", "Make variables read-only."},
	{"return", "return [n]", "Return from a shell function with status N."},
	{"select", "select NAME [in WORDS ... ;] do COMMANDS; done", "Let the user choose from a numbered menu of WORDS."},
	{"set", "set [--abefhkmnptuvxBCHP] [-o option] [arg ...]", "Set shell options and positional parameters, or list variables."},
	{"shift", "shift [n]", "Shift the positional parameters left by N."},
	{"shopt", "shopt [-pqsu] [-o long-option] optname [optname...]", "Set or unset optional shell behaviour."},
	{"source", "source filename [arguments]", "Read and run the commands of FILENAME in the current shell."},
	{"suspend", "suspend [-f]", "Suspend the shell until it gets SIGCONT."},
	{"test", "test [expr]", "Evaluate a conditional expression: file tests (-e -f -d -x ...),\nstring tests (-z -n = !=) and integer comparisons (-eq -lt ...)."},
	{"time", "time [-p] PIPELINE", "Run a pipeline and report the time it took."},
	{"times", "times", "Print the accumulated times of the shell and its children."},
	{"trap", "trap [-lp] [arg signal_spec ...]", "Run a command when the shell receives a signal."},
	{"true", "true", "Return a successful result."},
	{"type", "type [-afptP] name [name ...]", "Tell how each NAME would be interpreted: alias, keyword, function,\nbuiltin or file."},
	{"typeset", "typeset [-afFirtx] [-p] name[=value] ...", "Same as declare."},
	{"ulimit", "ulimit [-SHacdfilmnpqstuvx] [limit]", "Show or set resource limits of the shell and its children."},
	{"umask", "umask [-p] [-S] [mode]", "Show or set the file creation mask."},
	{"unalias", "unalias [-a] name [name ...]", "Remove aliases."},
	{"unset", "unset [-f] [-v] [name ...]", "Remove variables or functions."},
	{"until", "until COMMANDS; do COMMANDS; done", "Run COMMANDS until the test commands succeed."},
	{"variables", "variables - Some variable names and meanings", "Some shell variables: PATH, HOME, PS1, PWD, OLDPWD, IFS, HISTFILE..."},
	{"wait", "wait [n]", "Wait for a background job and return its status."},
	{"while", "while COMMANDS; do COMMANDS; done", "Run COMMANDS while the test commands succeed."},
	{"{ ... }", "{ COMMANDS ; }", "Run a list of commands as a group."},
}

func helpMain(p *Proc) int {
	args := p.Args[1:]
	short := false
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-" {
		if args[0] == "--" {
			args = args[1:]
			break
		}
		if args[0] != "-s" {
			fmt.Fprintf(p.Stderr, "-bash: help: %s: invalid option\nhelp: usage: help [-s] [pattern ...]\n", args[0])
			return 2
		}
		short = true
		args = args[1:]
	}
	if len(args) == 0 {
		helpList(p)
		return 0
	}
	var out strings.Builder
	matched := false
	for _, pat := range args {
		for _, b := range helpBuiltins {
			ok, _ := path.Match(pat, b.name)
			if !ok && !strings.HasPrefix(b.name, pat) {
				continue
			}
			matched = true
			fmt.Fprintf(&out, "%s: %s\n", b.name, b.synopsis)
			if !short {
				for _, l := range strings.Split(b.text, "\n") {
					fmt.Fprintf(&out, "    %s\n", l)
				}
			}
		}
	}
	io.WriteString(p.Stdout, out.String())
	if matched {
		return 0
	}
	pat := args[len(args)-1]
	fmt.Fprintf(p.Stderr, "-bash: help: no help topics match `%s'.  Try `help help' or `man -k %s' or `info %s'.\n", pat, pat, pat)
	if c, ok := Lookup(pat); ok {
		fmt.Fprintf(p.Stderr, "rclab: %s is a program (%s), not a shell builtin: try `man %s' or `%s --help'.\n",
			pat, path.Join(c.Dirs[0], c.Name), pat, pat)
	}
	return 1
}

// helpList prints bash 3.2's list of builtins, then rclab's programs.
func helpList(p *Proc) {
	var b strings.Builder
	bash := p.Sys.Info().Bash
	if bash == "" {
		bash = "3.2.25(1)-release"
	}
	fmt.Fprintf(&b, "GNU bash, version %s (i686-redhat-linux-gnu)\n", bash)
	b.WriteString("These shell commands are defined internally.  Type `help' to see this list.\n" +
		"Type `help name' to find out more about the function `name'.\n" +
		"Use `info bash' to find out more about the shell in general.\n" +
		"Use `man -k' or `info' to find out more about commands not in this list.\n\n" +
		"A star (*) next to a name means that the command is disabled.\n\n")
	for i, bi := range helpBuiltins {
		blurb := " " + bi.synopsis
		if len(blurb) > 35 {
			blurb = blurb[:35]
		}
		b.WriteString(blurb)
		if i%2 == 1 {
			b.WriteString("\n")
		} else {
			b.WriteString(strings.Repeat(" ", 35-len(blurb)))
		}
	}
	if len(helpBuiltins)%2 == 1 {
		b.WriteString("\n")
	}
	b.WriteString("\nrclab: programs available on this machine:\n")
	for _, c := range All() {
		line := fmt.Sprintf(" %-15s %s", c.Name, c.Summary)
		if r := []rune(line); len(r) > 79 {
			line = string(r[:79])
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	io.WriteString(p.Stdout, b.String())
}
