package cmds

// System and environment programs as CentOS 5.11 ships them: date, sleep,
// uname, arch, id, whoami, logname, env, printenv, echo, printf, pwd, test
// and [, tty, true, false, expr (GNU coreutils 5.97), hostname (net-tools
// 1.60), which (GNU which 2.16), clear (ncurses 5.5), cal (util-linux 2.13).
//
// Helpers of this family are prefixed with "si".

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rclab/vfs"
)

func init() {
	for _, c := range []Command{
		{Name: "date", Dirs: []string{"/bin"}, Summary: "print or set the system date and time",
			Usage: "date [OPTION]... [+FORMAT]\ndate [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]", Main: siDate},
		{Name: "sleep", Dirs: []string{"/bin"}, Summary: "delay for a specified amount of time",
			Usage: "sleep NUMBER[SUFFIX]...", Main: siSleep},
		{Name: "hostname", Dirs: []string{"/bin"}, Summary: "show or set the system's host name",
			Usage: "hostname [-v] [-a|-d|-f|-i|-s|-y] [name|-F file]", Main: siHostname},
		{Name: "uname", Dirs: []string{"/bin"}, Summary: "print system information",
			Usage: "uname [OPTION]...", Main: siUname},
		{Name: "arch", Dirs: []string{"/bin"}, Summary: "print machine architecture",
			Usage: "arch", Main: siArch},
		{Name: "id", Dirs: []string{"/usr/bin"}, Summary: "print user identity",
			Usage: "id [OPTION]... [USERNAME]", Main: siID},
		{Name: "whoami", Dirs: []string{"/usr/bin"}, Summary: "print effective userid",
			Usage: "whoami [OPTION]...", Main: siWhoami},
		{Name: "logname", Dirs: []string{"/usr/bin"}, Summary: "print user's login name",
			Usage: "logname [OPTION]", Main: siLogname},
		{Name: "env", Dirs: []string{"/bin"}, Summary: "run a program in a modified environment",
			Usage: "env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]", Main: siEnv},
		{Name: "printenv", Dirs: []string{"/usr/bin"}, Summary: "print all or part of environment",
			Usage: "printenv [OPTION]... [VARIABLE]...", Main: siPrintenv},
		{Name: "which", Dirs: []string{"/usr/bin"}, Summary: "shows the full path of (shell) commands",
			Usage: "which [options] [--] programname [...]", Main: siWhich},
		{Name: "clear", Dirs: []string{"/usr/bin"}, Summary: "clear the terminal screen",
			Usage: "clear", Main: siClear},
		{Name: "true", Dirs: []string{"/bin"}, Summary: "do nothing, successfully",
			Usage: "true [ignored command line arguments]", Main: func(p *Proc) int { return siTrueFalse(p, 0) }},
		{Name: "false", Dirs: []string{"/bin"}, Summary: "do nothing, unsuccessfully",
			Usage: "false [ignored command line arguments]", Main: func(p *Proc) int { return siTrueFalse(p, 1) }},
		{Name: "echo", Dirs: []string{"/bin"}, Summary: "display a line of text",
			Usage: "echo [OPTION]... [STRING]...", Main: siEcho},
		{Name: "printf", Dirs: []string{"/usr/bin"}, Summary: "format and print data",
			Usage: "printf FORMAT [ARGUMENT]...", Main: siPrintf},
		{Name: "pwd", Dirs: []string{"/bin"}, Summary: "print name of current/working directory",
			Usage: "pwd [OPTION]", Main: siPwd},
		{Name: "test", Dirs: []string{"/usr/bin"}, Summary: "check file types and compare values",
			Usage: "test EXPRESSION\ntest\n[ EXPRESSION ]\n[ ]", Main: siTest},
		{Name: "[", Dirs: []string{"/usr/bin"}, Summary: "check file types and compare values",
			Usage: "[ EXPRESSION ]\n[ ]", Main: siTest},
		{Name: "tty", Dirs: []string{"/usr/bin"}, Summary: "print the file name of the terminal connected to standard input",
			Usage: "tty [OPTION]...", Main: siTty},
		{Name: "cal", Dirs: []string{"/usr/bin"}, Summary: "displays a calendar",
			Usage: "cal [-13smjy] [[month] year]", Main: siCal},
		{Name: "expr", Dirs: []string{"/usr/bin"}, Summary: "evaluate expressions",
			Usage: "expr EXPRESSION", Main: siExpr},
	} {
		Register(c)
	}
}

// ---- helpers of the family ----

// siVersion prints coreutils 5.97's --version text for prog.
func siVersion(p *Proc, prog, authors string) int {
	p.Printf("%s (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\n"+
		"This is free software.  You may redistribute copies of it under the terms of\n"+
		"the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n"+
		"There is NO WARRANTY, to the extent permitted by law.\n\nWritten by %s.\n", prog, authors)
	return 0
}

// siHelp prints a coreutils --help text followed by the bug-report line.
func siHelp(p *Proc, text string) int {
	p.Printf("%s\nReport bugs to <bug-coreutils@gnu.org>.\n", strings.TrimRight(text, "\n")+"\n")
	return 0
}

// siExtra reports an extra operand as coreutils does and returns status.
func siExtra(p *Proc, op string, status int) int {
	p.Errorf("extra operand `%s'", op)
	fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
	return status
}

// siMissing reports a missing operand as coreutils does and returns status.
func siMissing(p *Proc, status int) int {
	p.Errorf("missing operand")
	fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
	return status
}

// siHelpVersion is the long-option table of programs that take only
// --help and --version.
var siHelpVersion = []LongOpt{{Name: "help"}, {Name: "version"}}

// siReadFile reads a whole file of the machine.
func siReadFile(p *Proc, name string) ([]byte, error) {
	f, err := p.Sys.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// siCLocale reports whether the locale category is C or POSIX.
func siCLocale(p *Proc, category string) bool {
	v := p.Getenv("LC_ALL")
	if v == "" {
		v = p.Getenv(category)
	}
	if v == "" {
		v = p.Getenv("LANG")
	}
	return v == "" || v == "C" || v == "POSIX"
}

// siExecutable reports whether abs names something root may execute: a
// regular file with an execute bit (after following symlinks).
func siExecutable(p *Proc, abs string) bool {
	fi, err := p.Sys.FS.Stat(abs)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// ---- date ----

const siDateHelp = `Usage: date [OPTION]... [+FORMAT]
  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]
Display the current time in the given FORMAT, or set the system date.

  -d, --date=STRING         display time described by STRING, not ` + "`now'" + `
  -f, --file=DATEFILE       like --date once for each line of DATEFILE
  -r, --reference=FILE      display the last modification time of FILE
  -R, --rfc-2822            output date and time in RFC 2822 format
      --rfc-3339=TIMESPEC   output date and time in RFC 3339 format.
                            TIMESPEC=` + "`date', `seconds', or `ns'" + `
  -I, --iso-8601[=TIMESPEC] output date/time in ISO 8601 format.
                            TIMESPEC=` + "`date'" + ` for date only (the default),
                            ` + "`hours', `minutes', or `seconds'" + ` for date and
                            time to the indicated precision.
  -s, --set=STRING          set time described by STRING
  -u, --utc, --universal    print or set Coordinated Universal Time
      --help     display this help and exit
      --version  output version information and exit

FORMAT controls the output.  The only valid option for the second form
specifies Coordinated Universal Time.  Interpreted sequences are:

  %%   a literal %
  %a   locale's abbreviated weekday name (e.g., Sun)
  %A   locale's full weekday name (e.g., Sunday)
  %b   locale's abbreviated month name (e.g., Jan)
  %B   locale's full month name (e.g., January)
  %c   locale's date and time (e.g., Thu Mar  3 23:05:25 2005)
  %C   century; like %Y, except omit last two digits (e.g., 21)
  %d   day of month (e.g, 01)
  %D   date; same as %m/%d/%y
  %e   day of month, space padded; same as %_d
  %F   full date; same as %Y-%m-%d
  %H   hour (00..23)
  %I   hour (01..12)
  %j   day of year (001..366)
  %k   hour ( 0..23)
  %l   hour ( 1..12)
  %m   month (01..12)
  %M   minute (00..59)
  %n   a newline
  %N   nanoseconds (000000000..999999999)
  %p   locale's equivalent of either AM or PM; blank if not known
  %P   like %p, but lower case
  %r   locale's 12-hour clock time (e.g., 11:11:04 PM)
  %R   24-hour hour and minute; same as %H:%M
  %s   seconds since 1970-01-01 00:00:00 UTC
  %S   second (00..60)
  %t   a tab
  %T   time; same as %H:%M:%S
  %u   day of week (1..7); 1 is Monday
  %U   week number of year, with Sunday as first day of week (00..53)
  %V   ISO week number, with Monday as first day of week (01..53)
  %w   day of week (0..6); 0 is Sunday
  %W   week number of year, with Monday as first day of week (00..53)
  %x   locale's date representation (e.g., 12/31/99)
  %X   locale's time representation (e.g., 23:13:48)
  %y   last two digits of year (00..99)
  %Y   year
  %z   +hhmm numeric timezone (e.g., -0400)
  %Z   alphabetic time zone abbreviation (e.g., EDT)

By default, date pads numeric fields with zeroes.
The following optional flags may follow ` + "`%'" + `:

  -  (hyphen) do not pad the field
  _  (underscore) pad with spaces
  0  (zero) pad with zeros
  ^  use upper case if possible
  #  use opposite case if possible
`

// siDateDefault is coreutils' default output format.
const siDateDefault = "%a %b %e %H:%M:%S %Z %Y"

func siDate(p *Proc) int {
	// -I takes an optional attached argument, which Getopt's short
	// options cannot express: rewrite it to the long form first.
	args := make([]string, 0, len(p.Args))
	for i, a := range p.Args[1:] {
		if a == "--" {
			args = append(args, p.Args[1+i:]...)
			break
		}
		if strings.HasPrefix(a, "-I") {
			if a == "-I" {
				a = "--iso-8601"
			} else {
				a = "--iso-8601=" + a[2:]
			}
		}
		args = append(args, a)
	}
	opts, ops, err := Getopt(args, "d:f:r:Rs:u", []LongOpt{
		{Name: "date", Arg: RequiredArg, Short: 'd'},
		{Name: "file", Arg: RequiredArg, Short: 'f'},
		{Name: "reference", Arg: RequiredArg, Short: 'r'},
		{Name: "rfc-822", Short: 'R'},
		{Name: "rfc-2822", Short: 'R'},
		{Name: "rfc-3339", Arg: RequiredArg},
		{Name: "iso-8601", Arg: OptionalArg},
		{Name: "set", Arg: RequiredArg, Short: 's'},
		{Name: "utc", Short: 'u'},
		{Name: "universal", Short: 'u'},
		{Name: "uct", Short: 'u'},
		{Name: "help"}, {Name: "version"},
	})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var (
		dateStr, setStr, refFile, batchFile   string
		haveDate, haveSet, haveRef, haveBatch bool
		format                                string
		formats                               int
	)
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, siDateHelp)
		case "version":
			return siVersion(p, "date", "David MacKenzie")
		case "d":
			dateStr, haveDate = o.Arg, true
		case "f":
			batchFile, haveBatch = o.Arg, true
		case "r":
			refFile, haveRef = o.Arg, true
		case "R":
			format = "%a, %d %b %Y %H:%M:%S %z"
			formats++
		case "rfc-3339":
			i, ok := siArgmatch(p, o.Arg, "--rfc-3339", []string{"date", "seconds", "ns"})
			if !ok {
				return 1
			}
			format = []string{"%Y-%m-%d", "%Y-%m-%d %H:%M:%S%:z", "%Y-%m-%d %H:%M:%S.%N%:z"}[i]
			formats++
		case "iso-8601":
			i := 0
			if o.HasArg {
				var ok bool
				i, ok = siArgmatch(p, o.Arg, "--iso-8601", []string{"date", "hours", "minutes", "seconds"})
				if !ok {
					return 1
				}
			}
			format = []string{"%Y-%m-%d", "%Y-%m-%dT%H%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S%z"}[i]
			formats++
		case "s":
			setStr, haveSet = o.Arg, true
		case "u":
			// The machine's clock is UTC already.
		}
	}
	if n := siBtoi(haveDate) + siBtoi(haveBatch) + siBtoi(haveRef); n > 1 {
		p.Errorf("the options to specify dates for printing are mutually exclusive")
		fmt.Fprintf(p.Stderr, "Try `date --help' for more information.\n")
		return 1
	}
	if haveSet && (haveDate || haveBatch || haveRef) {
		p.Errorf("the options to print and set the time may not be used together")
		fmt.Fprintf(p.Stderr, "Try `date --help' for more information.\n")
		return 1
	}
	posixSet := ""
	if len(ops) > 1 {
		return siExtra(p, ops[1], 1)
	}
	if len(ops) == 1 {
		if strings.HasPrefix(ops[0], "+") {
			format = ops[0][1:]
			formats++
		} else if haveSet || haveDate || haveBatch || haveRef {
			p.Errorf("the argument `%s' lacks a leading `+';\n"+
				"When using an option to specify date(s), any non-option\n"+
				"argument must be a format string beginning with `+'.", ops[0])
			fmt.Fprintf(p.Stderr, "Try `date --help' for more information.\n")
			return 1
		} else {
			posixSet = ops[0]
		}
	}
	if formats > 1 {
		p.Errorf("multiple output formats specified")
		return 1
	}
	if formats == 0 {
		format = siDateDefault
	}
	loc := siZone(p)
	now := p.Sys.Clock.Now().In(loc)
	cLocale := siCLocale(p, "LC_TIME")
	show := func(t time.Time) {
		p.Printf("%s\n", siStrftime(format, t.In(loc), cLocale))
	}
	switch {
	case haveBatch:
		var data []byte
		var err error
		if batchFile == "-" {
			data, err = io.ReadAll(p.Stdin)
		} else {
			data, err = siReadFile(p, p.Abs(batchFile))
		}
		if err != nil {
			p.Errorf("%s: %s", batchFile, Strerror(err))
			return 1
		}
		st := 0
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for sc.Scan() {
			if p.Canceled() {
				return 130
			}
			t, ok := siParseDate(sc.Text(), now, loc)
			if !ok {
				p.Errorf("invalid date `%s'", sc.Text())
				st = 1
				continue
			}
			show(t)
		}
		return st
	case haveRef:
		fi, err := p.Sys.FS.Stat(p.Abs(refFile))
		if err != nil {
			p.Errorf("%s: %s", refFile, Strerror(err))
			return 1
		}
		show(fi.ModTime())
		return 0
	case haveDate:
		t, ok := siParseDate(dateStr, now, loc)
		if !ok {
			p.Errorf("invalid date `%s'", dateStr)
			return 1
		}
		show(t)
		return 0
	case haveSet, posixSet != "":
		var t time.Time
		var ok bool
		if haveSet {
			t, ok = siParseDate(setStr, now, loc)
			if !ok {
				p.Errorf("invalid date `%s'", setStr)
				return 1
			}
		} else {
			t, ok = siPosixTime(posixSet, now, loc)
			if !ok {
				p.Errorf("invalid date `%s'", posixSet)
				return 1
			}
		}
		// The virtual clock only moves forward, so a later time is
		// reached by advancing it. Known divergence: setting an earlier
		// time prints it, as date does, but leaves the clock alone.
		if d := t.Sub(p.Sys.Clock.Now()); d > 0 {
			p.Sys.Clock.Advance(d)
		}
		show(t)
		return 0
	}
	show(now)
	return 0
}

func siBtoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// siArgmatch matches val against choices allowing unique abbreviations, as
// gnulib's argmatch does; on failure it prints coreutils' message.
func siArgmatch(p *Proc, val, context string, choices []string) (int, bool) {
	found, n := -1, 0
	for i, c := range choices {
		if c == val {
			return i, true
		}
		if val != "" && strings.HasPrefix(c, val) {
			found = i
			n++
		}
	}
	if n == 1 {
		return found, true
	}
	what := "invalid"
	if n > 1 {
		what = "ambiguous"
	}
	p.Errorf("%s argument `%s' for `%s'", what, val, context)
	fmt.Fprintf(p.Stderr, "Valid arguments are:\n")
	for _, c := range choices {
		fmt.Fprintf(p.Stderr, "  - `%s'\n", c)
	}
	fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
	return 0, false
}

// siZone is the time zone programs see: the machine runs on UTC; TZ can
// only rename it (GMT), any other zone is treated as UTC.
func siZone(p *Proc) *time.Location {
	tz := strings.TrimPrefix(p.Getenv("TZ"), ":")
	if strings.HasPrefix(tz, "GMT") {
		return time.FixedZone("GMT", 0)
	}
	return time.FixedZone("UTC", 0)
}

var (
	siWeekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	siMonths   = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// siStrftime formats t as glibc's strftime does, with GNU's flags (- _ 0 ^
// #), field widths and the E and O modifiers (ignored). cLocale selects the
// C locale's %c, %x, %X and %r over en_US's.
func siStrftime(f string, t time.Time, cLocale bool) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		start := i
		i++
		var pad byte
		upper, swap := false, false
	flags:
		for ; i < len(f); i++ {
			switch f[i] {
			case '_', '-', '0':
				pad = f[i]
			case '^':
				upper = true
			case '#':
				swap = true
			default:
				break flags
			}
		}
		width := -1
		for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
			if width < 0 {
				width = 0
			}
			if width < 1<<20 {
				width = width*10 + int(f[i]-'0')
			}
		}
		colons := 0
		for ; i < len(f) && f[i] == ':'; i++ {
			colons++
		}
		if i < len(f) && (f[i] == 'E' || f[i] == 'O') {
			i++
		}
		if i >= len(f) {
			b.WriteString(f[start:])
			break
		}
		conv := f[i]
		if colons > 0 && conv != 'z' {
			b.WriteString(f[start : i+1])
			continue
		}
		num := func(n, w int, defPad byte) {
			if width >= 0 {
				w = width
			}
			p := defPad
			if pad != 0 {
				p = pad
			}
			s := strconv.Itoa(n)
			neg := n < 0
			if neg {
				s = s[1:]
			}
			switch p {
			case '-':
			case '_':
				if neg {
					s = "-" + s
					neg = false
				}
				s = strings.Repeat(" ", max(0, w-len(s))) + s
			default:
				if neg {
					w--
				}
				s = strings.Repeat("0", max(0, w-len(s))) + s
			}
			if neg {
				s = "-" + s
			}
			b.WriteString(s)
		}
		str := func(s string, lowerOnSwap bool) {
			switch {
			case upper:
				s = strings.ToUpper(s)
			case swap && lowerOnSwap:
				s = strings.ToLower(s)
			case swap:
				s = strings.ToUpper(s)
			}
			if width > len(s) {
				fill := " "
				if pad == '0' {
					fill = "0"
				}
				if pad != '-' {
					s = strings.Repeat(fill, width-len(s)) + s
				}
			}
			b.WriteString(s)
		}
		sub := func(format string) { str(siStrftime(format, t, cLocale), false) }
		hour12 := t.Hour() % 12
		if hour12 == 0 {
			hour12 = 12
		}
		switch conv {
		case '%':
			str("%", false)
		case 'a':
			str(siWeekdays[t.Weekday()][:3], false)
		case 'A':
			str(siWeekdays[t.Weekday()], false)
		case 'b', 'h':
			str(siMonths[t.Month()-1][:3], false)
		case 'B':
			str(siMonths[t.Month()-1], false)
		case 'c':
			if cLocale {
				sub("%a %b %e %H:%M:%S %Y")
			} else {
				sub("%a %d %b %Y %r %Z")
			}
		case 'C':
			num(t.Year()/100, 2, '0')
		case 'd':
			num(t.Day(), 2, '0')
		case 'D':
			sub("%m/%d/%y")
		case 'e':
			num(t.Day(), 2, '_')
		case 'F':
			sub("%Y-%m-%d")
		case 'g':
			y, _ := t.ISOWeek()
			num(y%100, 2, '0')
		case 'G':
			y, _ := t.ISOWeek()
			num(y, 1, '0')
		case 'H':
			num(t.Hour(), 2, '0')
		case 'I':
			num(hour12, 2, '0')
		case 'j':
			num(t.YearDay(), 3, '0')
		case 'k':
			num(t.Hour(), 2, '_')
		case 'l':
			num(hour12, 2, '_')
		case 'm':
			num(int(t.Month()), 2, '0')
		case 'M':
			num(t.Minute(), 2, '0')
		case 'n':
			str("\n", false)
		case 'N':
			s := fmt.Sprintf("%09d", t.Nanosecond())
			if width > 0 && width < 9 {
				s = s[:width]
			}
			b.WriteString(s)
		case 'p':
			if t.Hour() < 12 {
				str("AM", true)
			} else {
				str("PM", true)
			}
		case 'P':
			if t.Hour() < 12 {
				str("am", false)
			} else {
				str("pm", false)
			}
		case 'r':
			sub("%I:%M:%S %p")
		case 'R':
			sub("%H:%M")
		case 's':
			str(strconv.FormatInt(t.Unix(), 10), false)
		case 'S':
			num(t.Second(), 2, '0')
		case 't':
			str("\t", false)
		case 'T':
			sub("%H:%M:%S")
		case 'u':
			wd := int(t.Weekday())
			if wd == 0 {
				wd = 7
			}
			num(wd, 1, '0')
		case 'U':
			num((t.YearDay()+6-int(t.Weekday()))/7, 2, '0')
		case 'V':
			_, w := t.ISOWeek()
			num(w, 2, '0')
		case 'w':
			num(int(t.Weekday()), 1, '0')
		case 'W':
			num((t.YearDay()+6-(int(t.Weekday())+6)%7)/7, 2, '0')
		case 'x':
			if cLocale {
				sub("%m/%d/%y")
			} else {
				sub("%m/%d/%Y")
			}
		case 'X':
			if cLocale {
				sub("%H:%M:%S")
			} else {
				sub("%r")
			}
		case 'y':
			num(t.Year()%100, 2, '0')
		case 'Y':
			num(t.Year(), 1, '0')
		case 'z':
			_, off := t.Zone()
			sign := "+"
			if off < 0 {
				sign, off = "-", -off
			}
			hh, mm, ss := off/3600, off/60%60, off%60
			switch colons {
			case 0:
				str(fmt.Sprintf("%s%02d%02d", sign, hh, mm), false)
			case 1:
				str(fmt.Sprintf("%s%02d:%02d", sign, hh, mm), false)
			default:
				str(fmt.Sprintf("%s%02d:%02d:%02d", sign, hh, mm, ss), false)
			}
		case 'Z':
			name, _ := t.Zone()
			str(name, true)
		default:
			b.WriteString(f[start : i+1])
		}
	}
	return b.String()
}

// siPosixTime parses date's setting operand MMDDhhmm[[CC]YY][.ss].
func siPosixTime(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	body, secs, hasSecs := strings.Cut(s, ".")
	if hasSecs && (len(secs) != 2 || !siDigits(secs)) {
		return time.Time{}, false
	}
	if !siDigits(body) {
		return time.Time{}, false
	}
	n := func(a string) int { v, _ := strconv.Atoi(a); return v }
	year := now.Year()
	switch len(body) {
	case 8:
	case 10:
		yy := n(body[8:])
		year = 2000 + yy
		if yy >= 69 {
			year = 1900 + yy
		}
	case 12:
		year = n(body[8:])
	default:
		return time.Time{}, false
	}
	mo, d, hh, mm, ss := n(body[0:2]), n(body[2:4]), n(body[4:6]), n(body[6:8]), 0
	if hasSecs {
		ss = n(secs)
	}
	return siMakeTime(year, mo, d, hh, mm, ss, 0, loc)
}

// siMakeTime builds a time, refusing out-of-range fields as mktime's
// round-trip check in getdate does.
func siMakeTime(y, mo, d, hh, mm, ss, ns int, loc *time.Location) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, ns, loc)
	if t.Day() != d && ss != 60 {
		return time.Time{}, false
	}
	return t, true
}

func siDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var (
	siReEpoch   = regexp.MustCompile(`^@(-?[0-9]+)`)
	siReISODate = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(t?)`)
	siReUSDate  = regexp.MustCompile(`^([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{2,4}))?`)
	siReTime    = regexp.MustCompile(`^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?(?:\s*(am|pm|a\.m\.|p\.m\.))?(?:\s*([+-][0-9]{2}):?([0-9]{2}))?`)
	siReNumber  = regexp.MustCompile(`^([+-]?)\s*([0-9]+)`)
	siReWord    = regexp.MustCompile(`^[a-z]+\.?`)
)

// siDateTok is one lexical item of a date string.
type siDateTok struct {
	kind   byte // 'n' number, 'w' word, 'd' date, 't' time, 'e' epoch
	num    int64
	digits int
	sign   int // -1, +1, or 0 when unsigned
	word   string
	f      []int // date: y m d; time: h m s ns offset-minutes hasOffset
}

// siParseDate parses the date strings of date -d and -s: a subset of
// GNU getdate (now, today, yesterday, tomorrow, YYYY-MM-DD, MM/DD[/YY],
// month names, HH:MM[:SS] with am/pm and a numeric zone, @EPOCH, weekday
// names, relative items like "2 days ago", "+1 week", "next month").
func siParseDate(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	toks, ok := siLexDate(strings.ToLower(s))
	if !ok {
		return time.Time{}, false
	}
	var (
		hasDate, hasTime, hasYear bool
		y, mo, d                  int
		hh, mm, ss, ns            int
		offset                    int
		hasOffset                 bool
		relY, relM, relD          int
		relS                      int64
		weekday                   = -1
		weekdayOrd                int // getdate's day ordinal: next 1, last -1
		epoch                     *int64
		lastRel                   = -1 // 0 y, 1 m, 2 d, 3 s
		lastRelN                  int64
	)
	addRel := func(unit string, n int64) bool {
		switch unit {
		case "year", "years":
			relY += int(n)
			lastRel = 0
		case "month", "months":
			relM += int(n)
			lastRel = 1
		case "fortnight", "fortnights":
			n *= 14
			relD += int(n)
			lastRel = 2
		case "week", "weeks":
			n *= 7
			relD += int(n)
			lastRel = 2
		case "day", "days":
			relD += int(n)
			lastRel = 2
		case "hour", "hours":
			n *= 3600
			relS += n
			lastRel = 3
		case "minute", "minutes", "min", "mins":
			n *= 60
			relS += n
			lastRel = 3
		case "second", "seconds", "sec", "secs":
			relS += n
			lastRel = 3
		default:
			return false
		}
		lastRelN = n
		return true
	}
	setDate := func(yy, m, dd int, withYear bool) bool {
		if hasDate {
			return false
		}
		hasDate, hasYear = true, withYear
		y, mo, d = yy, m, dd
		return true
	}
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		next := func() *siDateTok {
			if i+1 < len(toks) {
				return &toks[i+1]
			}
			return nil
		}
		switch tk.kind {
		case 'e':
			v := tk.num
			epoch = &v
		case 'd':
			if !setDate(tk.f[0], tk.f[1], tk.f[2], tk.f[0] >= 0) {
				return time.Time{}, false
			}
		case 't':
			if hasTime {
				return time.Time{}, false
			}
			hasTime = true
			hh, mm, ss, ns = tk.f[0], tk.f[1], tk.f[2], tk.f[3]
			if tk.f[5] == 1 {
				offset, hasOffset = tk.f[4], true
			}
		case 'n':
			nx := next()
			switch {
			case nx != nil && nx.kind == 'w' && siUnit(nx.word):
				n := tk.num
				if tk.sign < 0 {
					n = -n
				}
				addRel(nx.word, n)
				i++
			case nx != nil && nx.kind == 'w' && (nx.word == "am" || nx.word == "pm" || nx.word == "a.m." || nx.word == "p.m."):
				if hasTime || tk.num < 1 || tk.num > 12 {
					return time.Time{}, false
				}
				hasTime = true
				hh, mm, ss, ns = siAmPm(int(tk.num), nx.word), 0, 0, 0
				i++
			case nx != nil && nx.kind == 'w' && siMonth(nx.word) > 0 && tk.sign == 0 && tk.digits <= 2:
				// 6 Oct [2014]
				dd, m := int(tk.num), siMonth(nx.word)
				i++
				yy, withYear := -1, false
				if nn := next(); nn != nil && nn.kind == 'n' && nn.sign == 0 && nn.digits == 4 {
					yy, withYear = int(nn.num), true
					i++
				}
				if !setDate(yy, m, dd, withYear) {
					return time.Time{}, false
				}
			case tk.sign != 0:
				return time.Time{}, false
			case tk.digits == 8:
				if !setDate(int(tk.num/10000), int(tk.num/100%100), int(tk.num%100), true) {
					return time.Time{}, false
				}
			case tk.digits == 4 && hasDate && !hasYear:
				y, hasYear = int(tk.num), true
			case tk.digits <= 4 && !hasTime:
				hasTime = true
				if tk.digits <= 2 {
					hh, mm = int(tk.num), 0
				} else {
					hh, mm = int(tk.num/100), int(tk.num%100)
				}
				ss, ns = 0, 0
			default:
				return time.Time{}, false
			}
		case 'w':
			w := tk.word
			switch {
			case w == "now" || w == "today" || w == "this":
			case w == "yesterday":
				addRel("day", -1)
			case w == "tomorrow":
				addRel("day", 1)
			case w == "ago":
				if lastRel < 0 {
					return time.Time{}, false
				}
				switch lastRel {
				case 0:
					relY -= 2 * int(lastRelN)
				case 1:
					relM -= 2 * int(lastRelN)
				case 2:
					relD -= 2 * int(lastRelN)
				case 3:
					relS -= 2 * lastRelN
				}
				lastRelN = -lastRelN
			case w == "next" || w == "last":
				nx := next()
				if nx == nil || nx.kind != 'w' {
					return time.Time{}, false
				}
				n := int64(1)
				if w == "last" {
					n = -1
				}
				if siUnit(nx.word) {
					addRel(nx.word, n)
				} else if wd := siWeekday(nx.word); wd >= 0 {
					weekday, weekdayOrd = wd, int(n)
				} else {
					return time.Time{}, false
				}
				i++
			case siUnit(w):
				addRel(w, 1)
			case siWeekday(w) >= 0:
				weekday = siWeekday(w)
			case siMonth(w) > 0:
				m := siMonth(w)
				dd, yy, withYear := 1, -1, false
				if nx := next(); nx != nil && nx.kind == 'n' && nx.sign == 0 && nx.digits <= 2 {
					dd = int(nx.num)
					i++
					if nn := next(); nn != nil && nn.kind == 'n' && nn.sign == 0 && nn.digits == 4 {
						yy, withYear = int(nn.num), true
						i++
					}
				}
				if !setDate(yy, m, dd, withYear) {
					return time.Time{}, false
				}
			case w == "utc" || w == "gmt" || w == "ut" || w == "z" || w == "uct":
			case w == "noon":
				if hasTime {
					return time.Time{}, false
				}
				hasTime, hh, mm, ss, ns = true, 12, 0, 0, 0
			case w == "midnight":
				if hasTime {
					return time.Time{}, false
				}
				hasTime, hh, mm, ss, ns = true, 0, 0, 0, 0
			default:
				return time.Time{}, false
			}
		}
	}
	base := now
	if epoch != nil {
		if hasDate || hasTime {
			return time.Time{}, false
		}
		base = time.Unix(*epoch, 0).In(loc)
	}
	if !hasDate {
		y, mo, d = base.Year(), int(base.Month()), base.Day()
	} else if !hasYear || y < 0 {
		y = base.Year()
	} else if y < 100 {
		if y < 69 {
			y += 2000
		} else {
			y += 1900
		}
	}
	if !hasTime {
		if hasDate || weekday >= 0 {
			hh, mm, ss, ns = 0, 0, 0, 0
		} else {
			hh, mm, ss, ns = base.Hour(), base.Minute(), base.Second(), base.Nanosecond()
		}
	}
	t, ok := siMakeTime(y, mo, d, hh, mm, ss, ns, loc)
	if !ok {
		return time.Time{}, false
	}
	if hasOffset {
		t = t.Add(-time.Duration(offset) * time.Minute)
	}
	if weekday >= 0 && !hasDate {
		cur := int(t.Weekday())
		delta := (weekday-cur+7)%7 + 7*weekdayOrd
		if weekdayOrd > 0 && cur != weekday {
			delta -= 7
		}
		t = t.AddDate(0, 0, delta)
	}
	t = t.AddDate(relY, relM, relD).Add(time.Duration(relS) * time.Second)
	return t, true
}

func siLexDate(s string) ([]siDateTok, bool) {
	var toks []siDateTok
	atoi := func(a string) int { v, _ := strconv.Atoi(a); return v }
	for s != "" {
		if c := s[0]; c == ' ' || c == '\t' || c == ',' || c == '\n' {
			s = s[1:]
			continue
		}
		if m := siReEpoch.FindStringSubmatch(s); m != nil {
			n, err := strconv.ParseInt(m[1], 10, 64)
			if err != nil {
				return nil, false
			}
			toks = append(toks, siDateTok{kind: 'e', num: n})
			s = s[len(m[0]):]
			continue
		}
		if m := siReISODate.FindStringSubmatch(s); m != nil {
			toks = append(toks, siDateTok{kind: 'd', f: []int{atoi(m[1]), atoi(m[2]), atoi(m[3])}})
			s = s[len(m[0]):]
			continue
		}
		if m := siReUSDate.FindStringSubmatch(s); m != nil {
			y := -1
			if m[3] != "" {
				y = atoi(m[3])
			}
			toks = append(toks, siDateTok{kind: 'd', f: []int{y, atoi(m[1]), atoi(m[2])}})
			s = s[len(m[0]):]
			continue
		}
		if m := siReTime.FindStringSubmatch(s); m != nil {
			h := atoi(m[1])
			if m[5] != "" {
				if h < 1 || h > 12 {
					return nil, false
				}
				h = siAmPm(h, m[5])
			}
			ns := 0
			if m[4] != "" {
				frac := (m[4] + "000000000")[:9]
				ns = atoi(frac)
			}
			off, hasOff := 0, 0
			if m[6] != "" {
				oh := atoi(m[6][1:])
				off = oh*60 + atoi(m[7])
				if m[6][0] == '-' {
					off = -off
				}
				hasOff = 1
			}
			toks = append(toks, siDateTok{kind: 't', f: []int{h, atoi(m[2]), atoi(m[3]), ns, off, hasOff}})
			s = s[len(m[0]):]
			continue
		}
		if m := siReNumber.FindStringSubmatch(s); m != nil {
			n, err := strconv.ParseInt(m[2], 10, 64)
			if err != nil {
				return nil, false
			}
			sign := 0
			switch m[1] {
			case "+":
				sign = 1
			case "-":
				sign = -1
			}
			toks = append(toks, siDateTok{kind: 'n', num: n, digits: len(m[2]), sign: sign})
			s = s[len(m[0]):]
			continue
		}
		if m := siReWord.FindString(s); m != "" {
			toks = append(toks, siDateTok{kind: 'w', word: m})
			s = s[len(m):]
			continue
		}
		return nil, false
	}
	return toks, true
}

func siAmPm(h int, w string) int {
	h %= 12
	if w[0] == 'p' {
		h += 12
	}
	return h
}

func siUnit(w string) bool {
	switch w {
	case "year", "years", "month", "months", "fortnight", "fortnights", "week", "weeks",
		"day", "days", "hour", "hours", "minute", "minutes", "min", "mins",
		"second", "seconds", "sec", "secs":
		return true
	}
	return false
}

func siMonth(w string) int {
	w = strings.TrimSuffix(w, ".")
	if w == "sept" {
		return 9
	}
	for i, m := range siMonths {
		lm := strings.ToLower(m)
		if w == lm || (len(w) == 3 && w == lm[:3]) {
			return i + 1
		}
	}
	return 0
}

func siWeekday(w string) int {
	w = strings.TrimSuffix(w, ".")
	switch w {
	case "tues":
		return 2
	case "wednes":
		return 3
	case "thur", "thurs":
		return 4
	}
	for i, d := range siWeekdays {
		ld := strings.ToLower(d)
		if w == ld || (len(w) == 3 && w == ld[:3]) {
			return i
		}
	}
	return -1
}

// ---- sleep ----

func siSleep(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "", siHelpVersion)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, `Usage: sleep NUMBER[SUFFIX]...
  or:  sleep OPTION
Pause for NUMBER seconds.  SUFFIX may be `+"`s'"+` for seconds (the default),
`+"`m' for minutes, `h' for hours or `d'"+` for days.  Unlike most implementations
that require NUMBER be an integer, here NUMBER may be an arbitrary floating
point number.  Given two or more arguments, pause for the amount of time
specified by the sum of their values.

      --help     display this help and exit
      --version  output version information and exit`)
		case "version":
			return siVersion(p, "sleep", "Jim Meyering and Paul Eggert")
		}
	}
	if len(ops) == 0 {
		return siMissing(p, 1)
	}
	total, bad := 0.0, false
	for _, a := range ops {
		num, mult := a, 1.0
		if n := len(a); n > 0 {
			switch a[n-1] {
			case 's':
				num = a[:n-1]
			case 'm':
				num, mult = a[:n-1], 60
			case 'h':
				num, mult = a[:n-1], 3600
			case 'd':
				num, mult = a[:n-1], 86400
			}
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || v < 0 || math.IsNaN(v) || strings.ContainsAny(num, "xXpP") || strings.HasPrefix(strings.ToLower(num), "in") {
			p.Errorf("invalid time interval `%s'", a)
			bad = true
			continue
		}
		total += v * mult
	}
	if bad {
		fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
		return 1
	}
	// Time is virtual: sleeping moves the machine's clock and returns.
	const maxSleep = float64(100 * 365 * 24 * 3600)
	d := time.Duration(math.Min(total, maxSleep) * float64(time.Second))
	if p.Background {
		// A background sleep does not hold the machine's clock: it sleeps
		// on until virtual time reaches its end, then its job is done.
		p.Stay('S', p.Sys.Clock.Now().Add(d), nil)
		return 0
	}
	p.Sys.Clock.Advance(d)
	return 0
}

// ---- hostname (net-tools 1.60) ----

const siHostnameUsage = `Usage: hostname [-v] {hostname|-F file}      set hostname (from file)
       domainname [-v] {nisdomain|-F file}   set NIS domainname (from file)
       hostname [-v] [-d|-f|-s|-a|-i|-y|-n] display formatted name
       hostname [-v]                         display hostname

       hostname -V|--version|-h|--help       print info and exit

    dnsdomainname=hostname -d, {yp,nis,}domainname=hostname -y

    -s, --short           short host name
    -a, --alias           alias names
    -i, --ip-address      addresses for the hostname
    -f, --fqdn, --long    long host name (FQDN)
    -d, --domain          DNS domain name
    -y, --yp, --nis       NIS/YP domainname
    -F, --file            read hostname or NIS domainname from given file

   This command can read or set the hostname or the NIS domainname. You can
   also read the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`

// siHostEnt is what gethostbyname finds for a name in /etc/hosts.
type siHostEnt struct {
	canon   string
	aliases []string
	addr    string
}

// siLookupHost resolves name through the machine's /etc/hosts, as glibc's
// files backend does with CentOS 5's host.conf (first matching line).
func siLookupHost(p *Proc, name string) (siHostEnt, bool) {
	data, err := siReadFile(p, "/etc/hosts")
	if err != nil {
		return siHostEnt{}, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) < 2 || strings.Contains(f[0], ":") {
			continue
		}
		for _, n := range f[1:] {
			if strings.EqualFold(n, name) {
				return siHostEnt{canon: f[1], aliases: f[2:], addr: f[0]}, true
			}
		}
	}
	return siHostEnt{}, false
}

func siHostname(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "aF:dfhinsVvy", []LongOpt{
		{Name: "alias", Short: 'a'}, {Name: "file", Arg: RequiredArg, Short: 'F'},
		{Name: "domain", Short: 'd'}, {Name: "fqdn", Short: 'f'}, {Name: "long", Short: 'f'},
		{Name: "help", Short: 'h'}, {Name: "ip-address", Short: 'i'}, {Name: "node", Short: 'n'},
		{Name: "short", Short: 's'}, {Name: "version", Short: 'V'}, {Name: "verbose", Short: 'v'},
		{Name: "yp", Short: 'y'}, {Name: "nis", Short: 'y'},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprint(p.Stderr, siHostnameUsage)
		return 255
	}
	what := ""
	file := ""
	for _, o := range opts {
		switch o.Name {
		case "h":
			fmt.Fprint(p.Stdout, siHostnameUsage)
			return 0
		case "V":
			p.Printf("net-tools 1.60\nhostname 1.100 (2001-04-14)\n")
			return 0
		case "v":
		case "F":
			file = o.Arg
		default:
			what = o.Name
		}
	}
	if file != "" || len(ops) > 0 {
		name := ""
		if file != "" {
			data, err := siReadFile(p, p.Abs(file))
			if err != nil {
				fmt.Fprintf(p.Stderr, "%s: %s\n", file, Strerror(err))
				return 1
			}
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if line != "" && line[0] != '#' {
					name = line
					break
				}
			}
		} else {
			name = ops[0]
		}
		if !siValidHostname(name) {
			p.Errorf("the specified hostname is invalid")
			return 1
		}
		p.Sys.SetHostname(name)
		return 0
	}
	host := p.Sys.Hostname()
	if what == "" || what == "n" {
		p.Printf("%s\n", host)
		return 0
	}
	if what == "y" {
		p.Errorf("Local domain name not set")
		return 1
	}
	// The address and name lookups read /etc/hosts; an unlisted host
	// falls back to its own name and the loopback address.
	ent, ok := siLookupHost(p, host)
	if !ok {
		ent = siHostEnt{canon: host, addr: "127.0.0.1"}
	}
	switch what {
	case "a":
		p.Printf("%s\n", strings.Join(append(ent.aliases, ""), " "))
	case "i":
		p.Printf("%s \n", ent.addr)
	case "f":
		p.Printf("%s\n", ent.canon)
	case "s":
		short, _, _ := strings.Cut(ent.canon, ".")
		p.Printf("%s\n", short)
	case "d":
		_, dom, _ := strings.Cut(ent.canon, ".")
		p.Printf("%s\n", dom)
	}
	return 0
}

func siValidHostname(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '-' || s[0] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return true
}

// ---- uname, arch ----

// siKernelVersion is uname -v of CentOS 5.11's last kernel.
const siKernelVersion = "#1 SMP Tue Sep 16 20:51:48 EDT 2014"

func siUname(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "asnrvmpio", []LongOpt{
		{Name: "all", Short: 'a'}, {Name: "kernel-name", Short: 's'}, {Name: "sysname", Short: 's'},
		{Name: "nodename", Short: 'n'}, {Name: "kernel-release", Short: 'r'}, {Name: "release", Short: 'r'},
		{Name: "kernel-version", Short: 'v'}, {Name: "machine", Short: 'm'}, {Name: "processor", Short: 'p'},
		{Name: "hardware-platform", Short: 'i'}, {Name: "operating-system", Short: 'o'},
		{Name: "help"}, {Name: "version"},
	})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	want := map[string]bool{}
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type or "unknown"
  -i, --hardware-platform  print the hardware platform or "unknown"
  -o, --operating-system   print the operating system
      --help     display this help and exit
      --version  output version information and exit`)
		case "version":
			return siVersion(p, "uname", "David MacKenzie")
		case "a":
			for _, k := range []string{"s", "n", "r", "v", "m", "p", "i", "o"} {
				want[k] = true
			}
		default:
			want[o.Name] = true
		}
	}
	if len(ops) > 0 {
		return siExtra(p, ops[0], 1)
	}
	if len(want) == 0 {
		want["s"] = true
	}
	info := p.Sys.Info()
	arch := info.Arch
	if arch == "" {
		arch = "i686"
	}
	platform := arch
	if len(arch) == 4 && arch[0] == 'i' && strings.HasSuffix(arch, "86") {
		platform = "i386"
	}
	vals := map[string]string{
		"s": "Linux", "n": p.Sys.Hostname(), "r": info.Kernel, "v": siKernelVersion,
		"m": arch, "p": arch, "i": platform, "o": "GNU/Linux",
	}
	var out []string
	for _, k := range []string{"s", "n", "r", "v", "m", "p", "i", "o"} {
		if want[k] {
			out = append(out, vals[k])
		}
	}
	p.Printf("%s\n", strings.Join(out, " "))
	return 0
}

// siArch is util-linux's arch, which ignores its arguments.
func siArch(p *Proc) int {
	arch := p.Sys.Info().Arch
	if arch == "" {
		arch = "i686"
	}
	p.Printf("%s\n", arch)
	return 0
}

// ---- id, whoami, logname ----

// siGroupsOf lists a user's groups as initgroups builds them: the primary
// group, then every group of /etc/group naming the user, in file order.
func siGroupsOf(groups Accounts, user string, gid int) []int {
	out := []int{gid}
	for _, g := range groups {
		if g.ID == gid {
			continue
		}
		for _, m := range g.Members {
			if m == user {
				out = append(out, g.ID)
				break
			}
		}
	}
	return out
}

// siIDLongs are id's long options.
var siIDLongs = []LongOpt{
	{Name: "context", Short: 'Z'}, {Name: "group", Short: 'g'}, {Name: "groups", Short: 'G'},
	{Name: "name", Short: 'n'}, {Name: "real", Short: 'r'}, {Name: "user", Short: 'u'},
	{Name: "help"}, {Name: "version"},
}

func siID(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "agGnruZ", siIDLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var justUser, justGroup, justGroups, justContext, useName, useReal bool
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, `Usage: id [OPTION]... [USERNAME]
Print information for USERNAME, or the current user.

  -a              ignore, for compatibility with other versions
  -Z, --context   print only the security context of the current user
  -g, --group     print only the effective group ID
  -G, --groups    print all group IDs
  -n, --name      print a name instead of a number, for -ugG
  -r, --real      print the real ID instead of the effective ID, with -ugG
  -u, --user      print only the effective user ID
      --help     display this help and exit
      --version  output version information and exit

Without any OPTION, print some useful set of identified information.`)
		case "version":
			return siVersion(p, "id", "Arnold Robbins and David MacKenzie")
		case "Z":
			justContext = true
		case "g":
			justGroup = true
		case "G":
			justGroups = true
		case "n":
			useName = true
		case "r":
			useReal = true
		case "u":
			justUser = true
		}
	}
	if siBtoi(justUser)+siBtoi(justGroup)+siBtoi(justGroups)+siBtoi(justContext) > 1 {
		p.Errorf("cannot print \"only\" of more than one choice")
		return 1
	}
	if justContext {
		p.Errorf("--context (-Z) works only on an SELinux-enabled kernel")
		return 1
	}
	if !justUser && !justGroup && !justGroups && (useReal || useName) {
		p.Errorf("cannot print only names or real IDs in default format")
		return 1
	}
	if len(ops) > 1 {
		return siExtra(p, ops[1], 1)
	}
	users, groups := SharedPasswd(p.Sys), sharedGroup(p.Sys) // looked up only
	uid, gid, name := 0, 0, users.Name(0)
	if len(ops) == 1 {
		found := false
		for _, u := range users {
			if u.Name == ops[0] {
				uid, gid, name, found = u.ID, u.GID, u.Name, true
				break
			}
		}
		if !found {
			p.Errorf("%s: No such user", ops[0])
			return 1
		}
	} else if me, mygid := p.Cred(); me != 0 {
		uid, gid, name = me, mygid, users.Name(me)
	} else {
		for _, u := range users {
			if u.ID == 0 {
				gid = u.GID
				break
			}
		}
	}
	gids := siGroupsOf(groups, name, gid)
	named := func(id int, accts Accounts) string {
		if useName {
			return accts.Name(id)
		}
		return strconv.Itoa(id)
	}
	switch {
	case justUser:
		p.Printf("%s\n", named(uid, users))
	case justGroup:
		p.Printf("%s\n", named(gid, groups))
	case justGroups:
		parts := make([]string, len(gids))
		for i, g := range gids {
			parts[i] = named(g, groups)
		}
		p.Printf("%s\n", strings.Join(parts, " "))
	default:
		withName := func(id int, accts Accounts) string {
			n := accts.Name(id)
			if n == strconv.Itoa(id) {
				return n
			}
			return fmt.Sprintf("%d(%s)", id, n)
		}
		parts := make([]string, len(gids))
		for i, g := range gids {
			parts[i] = withName(g, groups)
		}
		p.Printf("uid=%s gid=%s groups=%s\n", withName(uid, users), withName(gid, groups), strings.Join(parts, ","))
	}
	return 0
}

func siWhoami(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "", siHelpVersion)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	if len(opts) > 0 {
		if opts[0].Name == "help" {
			return siHelp(p, `Usage: whoami [OPTION]...
Print the user name associated with the current effective user ID.
Same as id -un.

      --help     display this help and exit
      --version  output version information and exit`)
		}
		return siVersion(p, "whoami", "Richard Mlynarik")
	}
	if len(ops) > 0 {
		return siExtra(p, ops[0], 1)
	}
	uid, _ := p.Cred()
	name := SharedPasswd(p.Sys).Name(uid)
	if name == strconv.Itoa(uid) {
		p.Errorf("cannot find name for user ID %d", uid)
		return 1
	}
	p.Printf("%s\n", name)
	return 0
}

func siLogname(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "", siHelpVersion)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	if len(opts) > 0 {
		if opts[0].Name == "help" {
			return siHelp(p, `Usage: logname [OPTION]
Print the name of the current user.

      --help     display this help and exit
      --version  output version information and exit`)
		}
		return siVersion(p, "logname", "FIXME: unknown")
	}
	if len(ops) > 0 {
		return siExtra(p, ops[0], 1)
	}
	// getlogin(): the utmp login record of the terminal on standard input.
	if p.StdinTty && p.TTY != "" {
		for _, s := range p.Sys.Sessions() {
			if s.TTY == p.TTY {
				p.Printf("%s\n", s.User)
				return 0
			}
		}
	}
	p.Errorf("no login name")
	return 1
}

// ---- env, printenv ----

const siEnvHelp = `Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
Set each NAME to VALUE in the environment and run COMMAND.

  -i, --ignore-environment   start with an empty environment
  -u, --unset=NAME           remove variable from the environment
      --help     display this help and exit
      --version  output version information and exit

A mere - implies -i.  If no COMMAND, print the resulting environment.`

// siLookPath finds name as execvp does on the machine's PATH: it returns
// the absolute path, or the errno text and exit status env gives.
func siLookPath(p *Proc, name, pathVar string) (string, string, int) {
	fsys := p.Sys.FS
	if strings.Contains(name, "/") {
		abs := p.Abs(name)
		fi, err := fsys.Stat(abs)
		switch {
		case err != nil:
			return "", Strerror(err), 127
		case fi.IsDir() || fi.Mode().Perm()&0o111 == 0:
			return "", "Permission denied", 126
		}
		return abs, "", 0
	}
	denied := false
	for _, d := range strings.Split(pathVar, ":") {
		if d == "" {
			d = "."
		}
		abs := p.Abs(path.Join(d, name))
		fi, err := fsys.Stat(abs)
		if err != nil {
			continue
		}
		if fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0 {
			return abs, "", 0
		}
		denied = true
	}
	if denied {
		return "", "Permission denied", 126
	}
	return "", "No such file or directory", 127
}

func siEnv(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "+iu:", []LongOpt{
		{Name: "ignore-environment", Short: 'i'}, {Name: "unset", Arg: RequiredArg, Short: 'u'},
		{Name: "help"}, {Name: "version"},
	})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	env := append([]string(nil), p.Environ...)
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, siEnvHelp)
		case "version":
			return siVersion(p, "env", "Richard Mlynarik and David MacKenzie")
		case "i":
			env = nil
		case "u":
			env = siUnsetenv(env, o.Arg)
		}
	}
	if len(ops) > 0 && ops[0] == "-" {
		env = nil
		ops = ops[1:]
	}
	for len(ops) > 0 && strings.Contains(ops[0], "=") {
		name, _, _ := strings.Cut(ops[0], "=")
		env = append(siUnsetenv(env, name), ops[0])
		ops = ops[1:]
	}
	if len(ops) == 0 {
		for _, kv := range env {
			p.Printf("%s\n", kv)
		}
		return 0
	}
	pathVar := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			pathVar = v
		}
	}
	if _, msg, st := siLookPath(p, ops[0], pathVar); st != 0 {
		p.Errorf("%s: %s", ops[0], msg)
		return st
	}
	if p.Run == nil {
		p.Errorf("%s: %s", ops[0], "No such file or directory")
		return 127
	}
	// p.Run starts the child with this process's environment as it is
	// at call time: swap in the modified one for the call.
	saved := p.Environ
	p.Environ = env
	defer func() { p.Environ = saved }()
	return p.Run(ops, nil, nil, nil)
}

// siUnsetenv removes every NAME= entry from env.
func siUnsetenv(env []string, name string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

func siPrintenv(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "", siHelpVersion)
	if err != nil {
		return p.BadUsage(err, 2)
	}
	if len(opts) > 0 {
		if opts[0].Name == "help" {
			return siHelp(p, `Usage: printenv [OPTION]... [VARIABLE]...
If no environment VARIABLE specified, print them all.

      --help     display this help and exit
      --version  output version information and exit`)
		}
		return siVersion(p, "printenv", "David MacKenzie and Richard Mlynarik")
	}
	if len(ops) == 0 {
		for _, kv := range p.Environ {
			p.Printf("%s\n", kv)
		}
		return 0
	}
	matched := 0
	for _, name := range ops {
		if strings.Contains(name, "=") {
			continue
		}
		found := false
		for _, kv := range p.Environ {
			if v, ok := strings.CutPrefix(kv, name+"="); ok {
				p.Printf("%s\n", v)
				found = true
			}
		}
		if found {
			matched++
		}
	}
	if matched == len(ops) {
		return 0
	}
	return 1
}

// ---- which (GNU which 2.16) ----

const siWhichUsage = `Usage: %s [options] [--] COMMAND [...]
Write the full path of COMMAND(s) to standard output.

  --version, -[vV] Print version and exit successfully.
  --help,          Print this help and exit successfully.
  --skip-dot       Skip directories in PATH that start with a dot.
  --skip-tilde     Skip directories in PATH that start with a tilde.
  --show-dot       Don't expand a dot to current directory in output.
  --show-tilde     Output a tilde for HOME directory for non-root.
  --tty-only       Stop processing options on the right if not on tty.
  --all, -a        Print all matches in PATH, not just the first
  --read-alias, -i Read list of aliases from stdin.
  --skip-alias     Ignore option --read-alias; don't read stdin.
  --read-functions Read shell functions from stdin.
  --skip-functions Ignore option --read-functions; don't read stdin.

Recommended use is to write the output of (alias; declare -f) to standard
input, so that which can show aliases and shell functions. See which(1) for
examples.

If the options --read-alias and/or --read-functions are specified then the
output can be a full alias or function definition, optionally followed by
the full path of each command used inside of those.

Report bugs to <which-bugs@gnu.org>.
`

func siWhich(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "aivV", []LongOpt{
		{Name: "version", Short: 'v'}, {Name: "help"}, {Name: "skip-dot"}, {Name: "skip-tilde"},
		{Name: "show-dot"}, {Name: "show-tilde"}, {Name: "tty-only"}, {Name: "all", Short: 'a'},
		{Name: "read-alias", Short: 'i'}, {Name: "skip-alias"}, {Name: "read-functions"},
		{Name: "skip-functions"},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Args[0], err)
		fmt.Fprintf(p.Stderr, siWhichUsage, p.Args[0])
		return 255
	}
	var all, readAlias, skipAlias, showDot, skipDot bool
	for _, o := range opts {
		switch o.Name {
		case "v", "V":
			p.Printf("GNU which v2.16, Copyright (C) 1999 - 2003 Carlo Wood.\n" +
				"GNU which comes with ABSOLUTELY NO WARRANTY;\n" +
				"This program is free software; your freedom to use, change\n" +
				"and distribute this program is protected by the GPL.\n")
			return 0
		case "help":
			p.Printf(siWhichUsage, p.Args[0])
			return 0
		case "a":
			all = true
		case "i":
			readAlias = true
		case "skip-alias":
			skipAlias = true
		case "show-dot":
			showDot = true
		case "skip-dot":
			skipDot = true
		}
		if o.Name == "tty-only" && !p.Tty {
			break
		}
	}
	if len(ops) == 0 {
		fmt.Fprintf(p.Stderr, siWhichUsage, p.Args[0])
		return 255
	}
	aliases := map[string]string{}
	if readAlias && !skipAlias {
		data, _ := io.ReadAll(p.Stdin)
		for _, line := range strings.Split(string(data), "\n") {
			rest, ok := strings.CutPrefix(strings.TrimSpace(line), "alias ")
			if !ok {
				continue
			}
			name, _, ok := strings.Cut(rest, "=")
			if ok {
				aliases[name] = strings.TrimSpace(line)
			}
		}
	}
	pathVar := p.Getenv("PATH")
	find := func(name string) []string {
		var found []string
		if strings.Contains(name, "/") {
			if siExecutable(p, p.Abs(name)) {
				found = append(found, name)
			}
			return found
		}
		for _, d := range strings.Split(pathVar, ":") {
			if d == "" {
				d = "."
			}
			if skipDot && strings.HasPrefix(d, ".") {
				continue
			}
			if !siExecutable(p, p.Abs(path.Join(d, name))) {
				continue
			}
			shown := path.Join(p.Abs(d), name)
			if showDot && strings.HasPrefix(d, ".") {
				shown = path.Join(d, name)
				if !strings.HasPrefix(shown, ".") {
					shown = "./" + shown
				}
			}
			found = append(found, shown)
			if !all {
				break
			}
		}
		return found
	}
	fails := 0
	for _, name := range ops {
		if line, ok := aliases[name]; ok {
			p.Printf("%s\n", line)
			_, val, _ := strings.Cut(line, "=")
			val = strings.Trim(val, "'\"")
			if f := strings.Fields(val); len(f) > 0 {
				for _, path := range find(f[0]) {
					p.Printf("\t%s\n", path)
				}
			}
			if !all {
				continue
			}
		}
		found := find(name)
		if len(found) == 0 {
			where := pathVar
			if strings.Contains(name, "/") {
				where = path.Dir(name)
			}
			fmt.Fprintf(p.Stderr, "%s: no %s in (%s)\n", p.Args[0], name, where)
			fails++
			continue
		}
		for _, f := range found {
			p.Printf("%s\n", f)
		}
	}
	return min(fails, 255)
}

// ---- clear (ncurses 5.5) ----

func siClear(p *Proc) int {
	term := p.Getenv("TERM")
	switch {
	case term == "":
		fmt.Fprintf(p.Stderr, "TERM environment variable not set.\n")
		return 1
	case term == "dumb":
		return 1
	case term == "linux" || term == "ansi" || term == "vt100" || term == "vt102" || term == "vt220" ||
		strings.HasPrefix(term, "xterm") || strings.HasPrefix(term, "screen") ||
		strings.HasPrefix(term, "rxvt") || strings.HasPrefix(term, "konsole") || strings.HasPrefix(term, "gnome"):
		// Known divergence: the linux terminfo entry clears with
		// \E[H\E[J; rclab's terminal understands \E[2J for every TERM.
		io.WriteString(p.Stdout, "\033[H\033[2J")
		return 0
	}
	fmt.Fprintf(p.Stderr, "'%s': unknown terminal type.\n", term)
	return 1
}

// ---- true, false ----

func siTrueFalse(p *Proc, status int) int {
	if len(p.Args) == 2 {
		name := p.Name()
		switch p.Args[1] {
		case "--help":
			what := "success"
			if status != 0 {
				what = "failure"
			}
			p.Printf("Usage: %s [ignored command line arguments]\n  or:  %s OPTION\n"+
				"Exit with a status code indicating %s.\n\n"+
				"      --help     display this help and exit\n"+
				"      --version  output version information and exit\n\n"+
				"NOTE: your shell may have its own version of %s, which usually supersedes\n"+
				"the version described here.  Please refer to your shell's documentation\n"+
				"for details about the options it supports.\n\n"+
				"Report bugs to <bug-coreutils@gnu.org>.\n", name, name, what, name)
		case "--version":
			siVersion(p, name, "Jim Meyering")
		}
	}
	return status
}

// ---- echo ----

func siEcho(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 1 {
		switch args[0] {
		case "--help":
			return siHelp(p, `Usage: echo [OPTION]... [STRING]...
Echo the STRING(s) to standard output.

  -n              do not output the trailing newline
  -e              enable interpretation of backslash escapes
  -E              disable interpretation of backslash escapes (default)
      --help     display this help and exit
      --version  output version information and exit

If -e is in effect, the following sequences are recognized:

  \0NNN   the character whose ASCII code is NNN (octal)
  \\     backslash
  \a     alert (BEL)
  \b     backspace
  \c     suppress trailing newline
  \f     form feed
  \n     new line
  \r     carriage return
  \t     horizontal tab
  \v     vertical tab

NOTE: your shell may have its own version of echo, which usually supersedes
the version described here.  Please refer to your shell's documentation
for details about the options it supports.`)
		case "--version":
			return siVersion(p, "echo", "FIXME unknown")
		}
	}
	newline, escapes := true, false
	for len(args) > 0 {
		a := args[0]
		if len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "neE") != "" {
			break
		}
		for _, c := range a[1:] {
			switch c {
			case 'n':
				newline = false
			case 'e':
				escapes = true
			case 'E':
				escapes = false
			}
		}
		args = args[1:]
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if !escapes {
			b.WriteString(a)
			continue
		}
		if stop := siEchoEscapes(&b, a); stop {
			io.WriteString(p.Stdout, b.String())
			return 0
		}
	}
	if newline {
		b.WriteByte('\n')
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

// siEchoEscapes expands echo -e's escapes of s into b; it reports whether
// \c asked to stop all output.
func siEchoEscapes(b *strings.Builder, s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'c':
			return true
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\':
			b.WriteByte('\\')
		case 'x':
			v, n := 0, 0
			for n < 2 && i+1 < len(s) && siIsHex(s[i+1]) {
				i++
				v = v*16 + siHexVal(s[i])
				n++
			}
			if n == 0 {
				b.WriteString("\\x")
			} else {
				b.WriteByte(byte(v))
			}
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, n := 0, 0
			if s[i] != '0' {
				v, n = int(s[i]-'0'), 1
			}
			for n < 3 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7' {
				i++
				v = v*8 + int(s[i]-'0')
				n++
			}
			b.WriteByte(byte(v))
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return false
}

func siIsHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func siHexVal(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// ---- printf ----

const siPrintfHelp = `Usage: printf FORMAT [ARGUMENT]...
  or:  printf OPTION
Print ARGUMENT(s) according to FORMAT.

      --help     display this help and exit
      --version  output version information and exit

FORMAT controls the output as in C printf.  Interpreted sequences are:

  \"      double quote
  \NNN    character with octal value NNN (1 to 3 digits)
  \\      backslash
  \a      alert (BEL)
  \b      backspace
  \c      produce no further output
  \f      form feed
  \n      new line
  \r      carriage return
  \t      horizontal tab
  \v      vertical tab
  \xHH    byte with hexadecimal value HH (1 to 2 digits)
  \uHHHH  Unicode (ISO/IEC 10646) character with hex value HHHH (4 digits)
  \UHHHHHHHH  Unicode character with hex value HHHHHHHH (8 digits)
  %%      a single %
  %b      ARGUMENT as a string with ` + "`\\'" + ` escapes interpreted,
            except that octal escapes are of the form \0 or \0NNN

and all C format specifications ending with one of diouxXfeEgGcs, with
ARGUMENTs converted to proper type first.  Variable widths are handled.

NOTE: your shell may have its own version of printf, which usually supersedes
the version described here.  Please refer to your shell's documentation
for details about the options it supports.`

type siPrintfState struct {
	p      *Proc
	out    strings.Builder
	status int
	stop   bool
}

func siPrintf(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 1 {
		switch args[0] {
		case "--help":
			return siHelp(p, siPrintfHelp)
		case "--version":
			return siVersion(p, "printf", "David MacKenzie")
		}
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return siMissing(p, 1)
	}
	st := &siPrintfState{p: p}
	format, rest := args[0], args[1:]
	for {
		used, fatal := st.run(format, rest)
		if fatal || st.stop {
			break
		}
		if used == 0 && len(rest) > 0 {
			p.Errorf("warning: ignoring excess arguments, starting with `%s'", rest[0])
			break
		}
		rest = rest[used:]
		if len(rest) == 0 || p.Canceled() {
			break
		}
	}
	io.WriteString(p.Stdout, st.out.String())
	return st.status
}

// run formats once, returning how many arguments it consumed and whether
// a fatal error stopped it.
func (st *siPrintfState) run(f string, args []string) (used int, fatal bool) {
	next := func() (string, bool) {
		if used < len(args) {
			used++
			return args[used-1], true
		}
		return "", false
	}
	for i := 0; i < len(f) && !st.stop; i++ {
		c := f[i]
		switch c {
		case '\\':
			i += st.escape(f[i:], false) - 1
			continue
		case '%':
		default:
			st.out.WriteByte(c)
			continue
		}
		start := i
		i++
		if i < len(f) && f[i] == '%' {
			st.out.WriteByte('%')
			continue
		}
		var spec strings.Builder
		spec.WriteByte('%')
		for i < len(f) && strings.IndexByte("-+ #0'", f[i]) >= 0 {
			if f[i] != '\'' {
				spec.WriteByte(f[i])
			}
			i++
		}
		if i < len(f) && f[i] == '*' {
			a, _ := next()
			w, _ := st.intArg(a)
			spec.WriteString(strconv.FormatInt(w, 10))
			i++
		} else {
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				spec.WriteByte(f[i])
				i++
			}
		}
		if i < len(f) && f[i] == '.' {
			spec.WriteByte('.')
			i++
			if i < len(f) && f[i] == '*' {
				a, _ := next()
				w, _ := st.intArg(a)
				spec.WriteString(strconv.FormatInt(max(w, 0), 10))
				i++
			} else {
				for i < len(f) && f[i] >= '0' && f[i] <= '9' {
					spec.WriteByte(f[i])
					i++
				}
			}
		}
		for i < len(f) && strings.IndexByte("hlLqjzt", f[i]) >= 0 {
			i++
		}
		if i >= len(f) {
			st.p.Errorf("%s: invalid conversion specification", f[start:])
			st.status = 1
			return used, true
		}
		conv := f[i]
		sp := spec.String()
		switch conv {
		case 'd', 'i':
			a, _ := next()
			v, _ := st.intArg(a)
			st.out.WriteString(fmt.Sprintf(sp+"d", v))
		case 'o', 'u', 'x', 'X':
			a, _ := next()
			v, _ := st.intArg(a)
			verb := string(conv)
			if conv == 'u' {
				verb = "d"
			}
			st.out.WriteString(fmt.Sprintf(sp+verb, uint64(v)))
		case 'f', 'F', 'e', 'E', 'g', 'G':
			a, _ := next()
			v := st.floatArg(a)
			if !strings.Contains(sp, ".") {
				sp += ".6"
			}
			verb := string(conv)
			if conv == 'F' {
				verb = "f"
			}
			st.out.WriteString(fmt.Sprintf(sp+verb, v))
		case 's':
			a, _ := next()
			st.out.WriteString(fmt.Sprintf(sp+"s", a))
		case 'c':
			a, _ := next()
			if a != "" {
				a = a[:1]
			}
			st.out.WriteString(fmt.Sprintf(strings.Split(sp, ".")[0]+"s", a))
		case 'b':
			a, _ := next()
			var b strings.Builder
			for j := 0; j < len(a); j++ {
				if a[j] == '\\' {
					var sub siPrintfState
					sub.p = st.p
					j += sub.escape(a[j:], true) - 1
					b.WriteString(sub.out.String())
					if sub.stop {
						st.stop = true
						break
					}
					continue
				}
				b.WriteByte(a[j])
			}
			st.out.WriteString(fmt.Sprintf(sp+"s", b.String()))
		default:
			st.p.Errorf("%s: invalid directive", f[start:i+1])
			st.status = 1
			return used, true
		}
	}
	return used, false
}

// escape interprets the backslash escape at the start of s, writing its
// value; it returns how many bytes it used. inB selects %b's rules
// (octal as \0NNN, \c stops everything).
func (st *siPrintfState) escape(s string, inB bool) int {
	if len(s) < 2 {
		st.out.WriteByte('\\')
		return 1
	}
	c := s[1]
	switch c {
	case '"':
		st.out.WriteByte('"')
	case '\\':
		st.out.WriteByte('\\')
	case 'a':
		st.out.WriteByte('\a')
	case 'b':
		st.out.WriteByte('\b')
	case 'c':
		st.stop = true
	case 'f':
		st.out.WriteByte('\f')
	case 'n':
		st.out.WriteByte('\n')
	case 'r':
		st.out.WriteByte('\r')
	case 't':
		st.out.WriteByte('\t')
	case 'v':
		st.out.WriteByte('\v')
	case 'x':
		v, n := 0, 0
		for n < 2 && 2+n < len(s) && siIsHex(s[2+n]) {
			v = v*16 + siHexVal(s[2+n])
			n++
		}
		if n == 0 {
			st.p.Errorf("missing hexadecimal number in escape")
			st.status = 1
			st.stop = true
			return 2
		}
		st.out.WriteByte(byte(v))
		return 2 + n
	case 'u', 'U':
		want := 4
		if c == 'U' {
			want = 8
		}
		v, n := 0, 0
		for n < want && 2+n < len(s) && siIsHex(s[2+n]) {
			v = v*16 + siHexVal(s[2+n])
			n++
		}
		if n < want {
			st.p.Errorf("missing hexadecimal number in escape")
			st.status = 1
			st.stop = true
			return 2 + n
		}
		st.out.WriteRune(rune(v))
		return 2 + n
	case '0', '1', '2', '3', '4', '5', '6', '7':
		start, limit := 1, 3
		if inB {
			if c != '0' {
				st.out.WriteByte('\\')
				st.out.WriteByte(c)
				return 2
			}
			start = 2
		}
		v, n := 0, 0
		for n < limit && start+n < len(s) && s[start+n] >= '0' && s[start+n] <= '7' {
			v = v*8 + int(s[start+n]-'0')
			n++
		}
		st.out.WriteByte(byte(v))
		return start + n
	default:
		st.out.WriteByte('\\')
		st.out.WriteByte(c)
	}
	return 2
}

// intArg converts a printf argument as coreutils' vstrtoimax does,
// reporting errors and going on with the partial value.
func (st *siPrintfState) intArg(a string) (int64, bool) {
	if a == "" {
		return 0, true
	}
	if a[0] == '\'' || a[0] == '"' {
		if len(a) < 2 {
			return 0, true
		}
		r, _ := utf8.DecodeRuneInString(a[1:])
		return int64(r), true
	}
	s := strings.TrimLeft(a, " \t\n")
	end := 0
	if end < len(s) && (s[end] == '+' || s[end] == '-') {
		end++
	}
	base := 10
	digits := "0123456789"
	if strings.HasPrefix(s[end:], "0x") || strings.HasPrefix(s[end:], "0X") {
		base, digits = 16, "0123456789abcdefABCDEF"
		end += 2
	} else if strings.HasPrefix(s[end:], "0") {
		base, digits = 8, "01234567"
	}
	startDigits := end
	for end < len(s) && strings.IndexByte(digits, s[end]) >= 0 {
		end++
	}
	if end == startDigits {
		st.p.Errorf("%s: expected a numeric value", a)
		st.status = 1
		return 0, false
	}
	num := s[:end]
	neg := strings.HasPrefix(num, "-")
	num = strings.TrimLeft(num, "+-")
	if base == 16 {
		num = num[2:]
	}
	if num == "" {
		num = "0"
	}
	u, err := strconv.ParseUint(num, base, 64)
	v := int64(u)
	if err != nil || (!neg && u > math.MaxInt64) || (neg && u > 1<<63) {
		st.p.Errorf("%s: Numerical result out of range", a)
		st.status = 1
		if neg {
			return math.MinInt64, false
		}
		return math.MaxInt64, false
	}
	if neg {
		v = -v
	}
	if end < len(s) {
		st.p.Errorf("%s: value not completely converted", a)
		st.status = 1
		return v, false
	}
	return v, true
}

func (st *siPrintfState) floatArg(a string) float64 {
	if a == "" {
		return 0
	}
	if a[0] == '\'' || a[0] == '"' {
		if len(a) < 2 {
			return 0
		}
		r, _ := utf8.DecodeRuneInString(a[1:])
		return float64(r)
	}
	s := strings.TrimLeft(a, " \t\n")
	// The longest prefix strtod accepts.
	for end := len(s); end > 0; end-- {
		v, err := strconv.ParseFloat(s[:end], 64)
		if err == nil && !strings.ContainsAny(s[:end], "_") {
			if end < len(s) {
				st.p.Errorf("%s: value not completely converted", a)
				st.status = 1
			}
			return v
		}
	}
	st.p.Errorf("%s: expected a numeric value", a)
	st.status = 1
	return 0
}

// ---- pwd ----

func siPwd(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "LP", []LongOpt{
		{Name: "logical", Short: 'L'}, {Name: "physical", Short: 'P'}, {Name: "help"}, {Name: "version"},
	})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	logical := false
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, `Usage: pwd [OPTION]
Print the full filename of the current working directory.

      --help     display this help and exit
      --version  output version information and exit

NOTE: your shell may have its own version of pwd, which usually supersedes
the version described here.  Please refer to your shell's documentation
for details about the options it supports.`)
		case "version":
			return siVersion(p, "pwd", "Jim Meyering")
		case "L":
			logical = true
		case "P":
			logical = false
		}
	}
	if len(ops) > 0 {
		p.Errorf("ignoring non-option arguments")
	}
	// /bin/pwd prints getcwd(): the physical directory. -L (a later
	// coreutils option, accepted here) prints $PWD when it names it.
	phys, err := p.Sys.FS.EvalSymlinks(p.Dir)
	if err != nil {
		p.Errorf("cannot get current directory: %s", Strerror(err))
		return 1
	}
	if logical {
		if pwd := p.Getenv("PWD"); path.IsAbs(pwd) {
			if r, err := p.Sys.FS.EvalSymlinks(pwd); err == nil && r == phys {
				phys = path.Clean(pwd)
			}
		}
	}
	p.Printf("%s\n", phys)
	return 0
}

// ---- tty ----

func siTty(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "s", []LongOpt{
		{Name: "silent", Short: 's'}, {Name: "quiet", Short: 's'}, {Name: "help"}, {Name: "version"},
	})
	if err != nil {
		return p.BadUsage(err, 2)
	}
	silent := false
	for _, o := range opts {
		switch o.Name {
		case "help":
			return siHelp(p, `Usage: tty [OPTION]...
Print the file name of the terminal connected to standard input.

  -s, --silent, --quiet   print nothing, only return an exit status
      --help     display this help and exit
      --version  output version information and exit`)
		case "version":
			return siVersion(p, "tty", "David MacKenzie")
		case "s":
			silent = true
		}
	}
	if len(ops) > 0 {
		return siExtra(p, ops[0], 2)
	}
	// tty names the terminal on standard input, not output.
	if !p.StdinTty {
		if !silent {
			p.Printf("not a tty\n")
		}
		return 1
	}
	if !silent {
		name := p.TTY
		if name == "" {
			name = "tty1"
		}
		p.Printf("/dev/%s\n", name)
	}
	return 0
}

// ---- test, [ ----

// siTestError is a syntax error of test; the program exits 2.
type siTestError struct{ msg string }

type siTester struct {
	p    *Proc
	argv []string
	pos  int
}

func siTest(p *Proc) int {
	args := p.Args[1:]
	if p.Name() == "[" {
		if len(args) == 1 {
			switch args[0] {
			case "--help":
				return siHelp(p, `Usage: test EXPRESSION
  or:  test
  or:  [ EXPRESSION ]
  or:  [ ]
  or:  [ OPTION
Exit with the status determined by EXPRESSION.

      --help     display this help and exit
      --version  output version information and exit

An omitted EXPRESSION defaults to false.  Otherwise,
EXPRESSION is true or false and sets exit status.  It is one of:

  ( EXPRESSION )               EXPRESSION is true
  ! EXPRESSION                 EXPRESSION is false
  EXPRESSION1 -a EXPRESSION2   both EXPRESSION1 and EXPRESSION2 are true
  EXPRESSION1 -o EXPRESSION2   either EXPRESSION1 or EXPRESSION2 is true

  -n STRING            the length of STRING is nonzero
  STRING               equivalent to -n STRING
  -z STRING            the length of STRING is zero
  STRING1 = STRING2    the strings are equal
  STRING1 != STRING2   the strings are not equal

  INTEGER1 -eq INTEGER2   INTEGER1 is equal to INTEGER2
  INTEGER1 -ge INTEGER2   INTEGER1 is greater than or equal to INTEGER2
  INTEGER1 -gt INTEGER2   INTEGER1 is greater than INTEGER2
  INTEGER1 -le INTEGER2   INTEGER1 is less than or equal to INTEGER2
  INTEGER1 -lt INTEGER2   INTEGER1 is less than INTEGER2
  INTEGER1 -ne INTEGER2   INTEGER1 is not equal to INTEGER2

  FILE1 -ef FILE2   FILE1 and FILE2 have the same device and inode numbers
  FILE1 -nt FILE2   FILE1 is newer (modification date) than FILE2
  FILE1 -ot FILE2   FILE1 is older than FILE2

  -b FILE     FILE exists and is block special
  -c FILE     FILE exists and is character special
  -d FILE     FILE exists and is a directory
  -e FILE     FILE exists
  -f FILE     FILE exists and is a regular file
  -g FILE     FILE exists and is set-group-ID
  -G FILE     FILE exists and is owned by the effective group ID
  -h FILE     FILE exists and is a symbolic link (same as -L)
  -k FILE     FILE exists and has its sticky bit set
  -L FILE     FILE exists and is a symbolic link (same as -h)
  -O FILE     FILE exists and is owned by the effective user ID
  -p FILE     FILE exists and is a named pipe
  -r FILE     FILE exists and read permission is granted
  -s FILE     FILE exists and has a size greater than zero
  -S FILE     FILE exists and is a socket
  -t FD       file descriptor FD is opened on a terminal
  -u FILE     FILE exists and its set-user-ID bit is set
  -w FILE     FILE exists and write permission is granted
  -x FILE     FILE exists and execute (or search) permission is granted

Except for -h and -L, all FILE-related tests dereference symbolic links.
Beware that parentheses need to be escaped (e.g., by backslashes) for shells.
INTEGER may also be -l STRING, which evaluates to the length of STRING.

NOTE: your shell may have its own version of test and/or [, which usually supersedes
the version described here.  Please refer to your shell's documentation
for details about the options it supports.`)
			case "--version":
				return siVersion(p, "[", "Kevin Braunsdorf and Matthew Bradburn")
			}
		}
		if len(args) == 0 || args[len(args)-1] != "]" {
			p.Errorf("missing `]'")
			return 2
		}
		args = args[:len(args)-1]
	}
	if len(args) == 0 {
		return 1
	}
	t := &siTester{p: p, argv: args}
	result, err := t.run()
	if err != nil {
		p.Errorf("%s", err.msg)
		return 2
	}
	if result {
		return 0
	}
	return 1
}

func (t *siTester) run() (result bool, err *siTestError) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*siTestError)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	v := t.posixtest(len(t.argv))
	if t.pos != len(t.argv) {
		t.fail("extra argument `%s'", t.argv[t.pos])
	}
	return v, nil
}

func (t *siTester) fail(format string, a ...any) {
	panic(&siTestError{fmt.Sprintf(format, a...)})
}

func (t *siTester) advance(need bool) {
	t.pos++
	if need && t.pos >= len(t.argv) {
		t.beyond()
	}
}

func (t *siTester) beyond() {
	t.fail("missing argument after `%s'", t.argv[len(t.argv)-1])
}

func (t *siTester) arg(i int) string {
	if t.pos+i < len(t.argv) {
		return t.argv[t.pos+i]
	}
	return ""
}

func siTestBinop(s string) bool {
	switch s {
	case "=", "==", "!=", "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
		return true
	}
	return false
}

func siTestUnop(s string) bool {
	return len(s) == 2 && s[0] == '-' && strings.IndexByte("abcdefgGhkLnOprsStuwxz", s[1]) >= 0
}

func (t *siTester) posixtest(nargs int) bool {
	switch nargs {
	case 1:
		v := t.arg(0) != ""
		t.advance(false)
		return v
	case 2:
		return t.twoArgs()
	case 3:
		return t.threeArgs()
	case 4:
		if t.arg(0) == "!" {
			t.advance(true)
			return !t.threeArgs()
		}
		if t.arg(0) == "(" && t.arg(3) == ")" {
			t.advance(false)
			v := t.twoArgs()
			t.advance(false)
			return v
		}
	}
	return t.expr()
}

func (t *siTester) twoArgs() bool {
	switch a := t.arg(0); {
	case a == "!":
		t.advance(false)
		v := t.arg(0) == ""
		t.advance(false)
		return v
	case len(a) == 2 && a[0] == '-':
		if siTestUnop(a) {
			return t.unary()
		}
		t.fail("%s: unary operator expected", a)
	default:
		t.beyond()
	}
	return false
}

func (t *siTester) threeArgs() bool {
	switch {
	case siTestBinop(t.arg(1)):
		return t.binary(false)
	case t.arg(0) == "!":
		t.advance(true)
		return !t.twoArgs()
	case t.arg(0) == "(" && t.arg(2) == ")":
		t.advance(false)
		v := t.arg(0) != ""
		t.advance(false)
		t.advance(false)
		return v
	case t.arg(1) == "-a" || t.arg(1) == "-o":
		return t.expr()
	}
	t.fail("%s: binary operator expected", t.arg(1))
	return false
}

func (t *siTester) expr() bool {
	if t.pos >= len(t.argv) {
		t.beyond()
	}
	return t.or()
}

func (t *siTester) or() bool {
	v := false
	for {
		v = t.and() || v
		if t.pos < len(t.argv) && t.arg(0) == "-o" {
			t.advance(false)
			continue
		}
		return v
	}
}

func (t *siTester) and() bool {
	v := true
	for {
		v = t.term() && v
		if t.pos < len(t.argv) && t.arg(0) == "-a" {
			t.advance(false)
			continue
		}
		return v
	}
}

func (t *siTester) term() bool {
	negated := false
	for t.pos < len(t.argv) && t.arg(0) == "!" {
		t.advance(true)
		negated = !negated
	}
	if t.pos >= len(t.argv) {
		t.beyond()
	}
	var v bool
	switch a := t.arg(0); {
	case a == "(":
		t.advance(true)
		nargs := 1
		for ; t.pos+nargs < len(t.argv) && t.argv[t.pos+nargs] != ")"; nargs++ {
			if nargs == 4 {
				nargs = len(t.argv) - t.pos
				break
			}
		}
		v = t.posixtest(nargs)
		if t.pos >= len(t.argv) {
			t.fail("')' expected")
		}
		if t.arg(0) != ")" {
			t.fail("')' expected, found %s", t.arg(0))
		}
		t.advance(false)
	case len(t.argv)-t.pos >= 4 && a == "-l" && siTestBinop(t.arg(2)):
		v = t.binary(true)
	case len(t.argv)-t.pos >= 3 && siTestBinop(t.arg(1)):
		v = t.binary(false)
	case len(a) == 2 && a[0] == '-':
		if !siTestUnop(a) {
			t.fail("%s: unary operator expected", a)
		}
		v = t.unary()
	default:
		v = a != ""
		t.advance(false)
	}
	return v != negated
}

// integer parses an integer operand of -eq and friends.
func (t *siTester) integer(s string) int64 {
	v := strings.TrimLeft(s, " \t")
	v = strings.TrimRight(v, " \t")
	n, err := strconv.ParseInt(strings.TrimPrefix(v, "+"), 10, 64)
	if err != nil || strings.HasPrefix(v, "+-") || strings.HasPrefix(v, "+ ") {
		t.fail("%s: integer expression expected", s)
	}
	return n
}

func (t *siTester) binary(lengthLeft bool) bool {
	if lengthLeft {
		t.advance(false)
	}
	left, op, right := t.arg(0), t.arg(1), t.arg(2)
	t.pos += 3
	lengthRight := false
	if op[0] == '-' && op != "-nt" && op != "-ot" && op != "-ef" && right == "-l" && t.pos < len(t.argv) {
		right = t.arg(0)
		t.pos++
		lengthRight = true
	}
	switch op {
	case "=", "==":
		return left == right
	case "!=":
		return left != right
	case "-nt", "-ot", "-ef":
		fs := t.p.Sys.FS
		a, errA := fs.Stat(t.p.Abs(left))
		b, errB := fs.Stat(t.p.Abs(right))
		switch op {
		case "-nt":
			return errA == nil && (errB != nil || a.ModTime().After(b.ModTime()))
		case "-ot":
			return errB == nil && (errA != nil || a.ModTime().Before(b.ModTime()))
		}
		if errA != nil || errB != nil {
			return false
		}
		sa, sb := siStatOf(a), siStatOf(b)
		return sa != nil && sb != nil && sa.Ino == sb.Ino
	}
	var l, r int64
	if lengthLeft {
		l = int64(len(left))
	} else {
		l = t.integer(left)
	}
	if lengthRight {
		r = int64(len(right))
	} else {
		r = t.integer(right)
	}
	switch op {
	case "-eq":
		return l == r
	case "-ne":
		return l != r
	case "-lt":
		return l < r
	case "-le":
		return l <= r
	case "-gt":
		return l > r
	}
	return l >= r
}

func (t *siTester) unary() bool {
	op := t.arg(0)
	t.advance(true)
	a := t.arg(0)
	t.advance(false)
	fsys := t.p.Sys.FS
	abs := t.p.Abs(a)
	if a == "" {
		abs = ""
	}
	stat := func() (fs.FileInfo, bool) {
		if abs == "" {
			return nil, false
		}
		fi, err := fsys.Stat(abs)
		return fi, err == nil
	}
	switch op[1] {
	case 'n':
		return a != ""
	case 'z':
		return a == ""
	case 't':
		n, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil {
			t.fail("%s: integer expression expected", a)
		}
		switch n {
		case 0:
			return t.p.StdinTty
		case 1, 2:
			return t.p.Tty
		}
		return false
	case 'h', 'L':
		if abs == "" {
			return false
		}
		fi, err := fsys.Lstat(abs)
		return err == nil && fi.Mode()&fs.ModeSymlink != 0
	}
	fi, ok := stat()
	if !ok {
		return false
	}
	m := fi.Mode()
	switch op[1] {
	case 'a', 'e':
		return true
	case 'f':
		return m.IsRegular()
	case 'd':
		return m.IsDir()
	case 'b':
		return m&fs.ModeDevice != 0 && m&fs.ModeCharDevice == 0
	case 'c':
		return m&fs.ModeCharDevice != 0
	case 'p':
		return m&fs.ModeNamedPipe != 0
	case 'S':
		return m&fs.ModeSocket != 0
	case 's':
		return fi.Size() > 0
	case 'g':
		return m&fs.ModeSetgid != 0
	case 'u':
		return m&fs.ModeSetuid != 0
	case 'k':
		return m&fs.ModeSticky != 0
	case 'r', 'w':
		// Every program runs as root.
		return true
	case 'x':
		return m.IsDir() || m.Perm()&0o111 != 0
	case 'O':
		st := siStatOf(fi)
		return st == nil || st.Uid == 0
	case 'G':
		st := siStatOf(fi)
		return st == nil || st.Gid == 0
	}
	return false
}

func siStatOf(fi fs.FileInfo) *vfs.Stat {
	st, _ := fi.Sys().(*vfs.Stat)
	return st
}

// ---- cal (util-linux 2.13) ----

const siCalUsage = "usage: cal [-13smjyV] [[month] year]\n"

type siCalendar struct {
	p         *Proc
	julian    bool
	weekstart int // 0 Sunday, 1 Monday
	today     time.Time
	highlight bool
	so, se    string
}

func siCal(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "13mjsyVh", []LongOpt{
		{Name: "one", Short: '1'}, {Name: "three", Short: '3'}, {Name: "sunday", Short: 's'},
		{Name: "monday", Short: 'm'}, {Name: "julian", Short: 'j'}, {Name: "year", Short: 'y'},
		{Name: "version", Short: 'V'}, {Name: "help", Short: 'h'},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprint(p.Stderr, siCalUsage)
		return 1
	}
	c := &siCalendar{p: p, today: p.Sys.Clock.Now().In(siZone(p))}
	months, yflag := 1, false
	for _, o := range opts {
		switch o.Name {
		case "1":
			months = 1
		case "3":
			months = 3
		case "s":
			c.weekstart = 0
		case "m":
			c.weekstart = 1
		case "j":
			c.julian = true
		case "y":
			yflag = true
		case "V":
			p.Printf("cal (util-linux 2.13-pre7)\n")
			return 0
		case "h":
			fmt.Fprint(p.Stdout, siCalUsage)
			return 0
		}
	}
	year, month := c.today.Year(), int(c.today.Month())
	switch len(ops) {
	case 0:
	case 1, 2:
		if len(ops) == 2 {
			m, err := strconv.Atoi(ops[0])
			if err != nil || m < 1 || m > 12 {
				p.Errorf("illegal month value: use 1-12")
				return 1
			}
			month = m
		}
		y, err := strconv.Atoi(ops[len(ops)-1])
		if err != nil || y < 1 || y > 9999 {
			p.Errorf("illegal year value: use 1-9999")
			return 1
		}
		year = y
		if len(ops) == 1 {
			yflag = true
		}
	default:
		fmt.Fprint(p.Stderr, siCalUsage)
		return 1
	}
	if p.Tty {
		term := p.Getenv("TERM")
		if term == "linux" || strings.HasPrefix(term, "xterm") {
			c.highlight, c.so, c.se = true, "\033[7m", "\033[27m"
		}
	}
	var b strings.Builder
	switch {
	case yflag:
		c.yearly(&b, year)
	case months == 3:
		c.monthly3(&b, year, month)
	default:
		for _, l := range c.month(year, month) {
			b.WriteString(l + "\n")
		}
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

func (c *siCalendar) dayLen() int { return 3 + siBtoi(c.julian) }

// weekWidth is the printed width of one month, without its trailing blank.
func (c *siCalendar) weekWidth() int { return 7*c.dayLen() - 1 }

// siCenter centres s in width, padding both sides as util-linux does.
func siCenter(s string, width int) string {
	n := width - utf8.RuneCountInString(s)
	if n <= 0 {
		return s
	}
	return strings.Repeat(" ", n/2) + s + strings.Repeat(" ", n-n/2)
}

func (c *siCalendar) headings() string {
	var parts []string
	for i := 0; i < 7; i++ {
		name := siWeekdays[(i+c.weekstart)%7]
		if c.julian {
			parts = append(parts, name[:3])
		} else {
			parts = append(parts, name[:2])
		}
	}
	return strings.Join(parts, " ")
}

// days lays a month out in 42 cells (0 is blank) and returns the cell of
// today, or -1.
func (c *siCalendar) days(year, month int) ([42]int, int) {
	var cells [42]int
	first := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	n := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	col := (int(first.Weekday()) - c.weekstart + 7) % 7
	today := -1
	for d := 1; d <= n; d++ {
		v := d
		if c.julian {
			v = first.YearDay() + d - 1
		}
		cells[col] = v
		if c.highlight && c.today.Year() == year && int(c.today.Month()) == month && c.today.Day() == d {
			today = col
		}
		col++
	}
	return cells, today
}

// row renders one week line (untrimmed) of a month.
func (c *siCalendar) row(cells [42]int, today, r int) string {
	var b strings.Builder
	for i := r * 7; i < r*7+7; i++ {
		if cells[i] == 0 {
			b.WriteString(strings.Repeat(" ", c.dayLen()))
			continue
		}
		num := fmt.Sprintf("%*d", c.dayLen()-1, cells[i])
		if i == today {
			num = c.so + num + c.se
		}
		b.WriteString(num + " ")
	}
	return b.String()
}

// month renders the 8 lines of one month as cal prints it alone.
func (c *siCalendar) month(year, month int) []string {
	lines := []string{
		siCenter(fmt.Sprintf("%s %d", siMonths[month-1], year), c.weekWidth()),
		c.headings(),
	}
	cells, today := c.days(year, month)
	for r := 0; r < 6; r++ {
		lines = append(lines, strings.TrimRight(c.row(cells, today, r), " "))
	}
	return lines
}

func (c *siCalendar) monthly3(b *strings.Builder, year, month int) {
	var cals [3][]string
	for i := -1; i <= 1; i++ {
		m, y := month+i, year
		if m < 1 {
			m, y = 12, y-1
		} else if m > 12 {
			m, y = 1, y+1
		}
		cals[i+1] = c.month(y, m)
	}
	w := c.weekWidth()
	for i := 0; i < 8; i++ {
		if i < 2 {
			fmt.Fprintf(b, "%s  %s  %s\n", cals[0][i], cals[1][i], cals[2][i])
			continue
		}
		for j := 0; j < 3; j++ {
			s := cals[j][i]
			pad := w - len(s)
			if strings.Contains(s, c.so) && c.so != "" {
				pad += len(c.so) + len(c.se)
			}
			b.WriteString(s + strings.Repeat(" ", max(0, pad)))
			if j < 2 {
				b.WriteString("  ")
			}
		}
		b.WriteString("\n")
	}
}

func (c *siCalendar) yearly(b *strings.Builder, year int) {
	per := 3
	if c.julian {
		per = 2
	}
	wl := 7 * c.dayLen()
	b.WriteString(siCenter(strconv.Itoa(year), wl*per+2*(per-1)-1) + "\n\n")
	for m := 1; m <= 12; m += per {
		for j := 0; j < per; j++ {
			b.WriteString(siCenter(siMonths[m+j-1], wl-1))
			if j < per-1 {
				b.WriteString("   ")
			}
		}
		b.WriteString("\n")
		var heads []string
		for j := 0; j < per; j++ {
			heads = append(heads, c.headings())
		}
		b.WriteString(strings.Join(heads, "   ") + "\n")
		var cells [3][42]int
		var today [3]int
		for j := 0; j < per; j++ {
			cells[j], today[j] = c.days(year, m+j)
		}
		for r := 0; r < 6; r++ {
			var line strings.Builder
			for j := 0; j < per; j++ {
				line.WriteString(c.row(cells[j], today[j], r) + "  ")
			}
			b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
		}
	}
	b.WriteString("\n")
}

// ---- expr ----

// siExprVal is a value of expr: an integer or a string.
type siExprVal struct {
	isInt bool
	i     int64
	s     string
}

func (v siExprVal) String() string {
	if v.isInt {
		return strconv.FormatInt(v.i, 10)
	}
	return v.s
}

// null reports whether v is what expr treats as false: 0 or "".
func (v siExprVal) null() bool {
	if v.isInt {
		return v.i == 0
	}
	if v.s == "" {
		return true
	}
	s := strings.TrimPrefix(v.s, "-")
	return s != "" && strings.Trim(s, "0") == ""
}

// toInt converts v for arithmetic, as coreutils' toarith does.
func (v siExprVal) toInt() (int64, bool) {
	if v.isInt {
		return v.i, true
	}
	s := v.s
	if !siExprLooksInt(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func siExprLooksInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return siDigits(s)
}

type siExprError struct {
	msg    string
	status int
}

type siExprParser struct {
	args []string
	pos  int
}

func siExpr(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 1 {
		switch args[0] {
		case "--help":
			return siHelp(p, `Usage: expr EXPRESSION
  or:  expr OPTION

      --help     display this help and exit
      --version  output version information and exit

Print the value of EXPRESSION to standard output.  A blank line below
separates increasing precedence groups.  EXPRESSION may be:

  ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2

  ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0

  ARG1 < ARG2       ARG1 is less than ARG2
  ARG1 <= ARG2      ARG1 is less than or equal to ARG2
  ARG1 = ARG2       ARG1 is equal to ARG2
  ARG1 != ARG2      ARG1 is unequal to ARG2
  ARG1 >= ARG2      ARG1 is greater than or equal to ARG2
  ARG1 > ARG2       ARG1 is greater than ARG2

  ARG1 + ARG2       arithmetic sum of ARG1 and ARG2
  ARG1 - ARG2       arithmetic difference of ARG1 and ARG2

  ARG1 * ARG2       arithmetic product of ARG1 and ARG2
  ARG1 / ARG2       arithmetic quotient of ARG1 divided by ARG2
  ARG1 % ARG2       arithmetic remainder of ARG1 divided by ARG2

  STRING : REGEXP   anchored pattern match of REGEXP in STRING

  match STRING REGEXP        same as STRING : REGEXP
  substr STRING POS LENGTH   substring of STRING, POS counted from 1
  index STRING CHARS         index in STRING where any CHARS is found, or 0
  length STRING              length of STRING
  + TOKEN                    interpret TOKEN as a string, even if it is a
                               keyword like `+"`match'"+` or an operator like `+"`/'"+`

  ( EXPRESSION )             value of EXPRESSION

Beware that many operators need to be escaped or quoted for shells.
Comparisons are arithmetic if both ARGs are numbers, else lexicographical.
Pattern matches return the string matched between \( and \) or null; if
\( and \) are not used, they return the number of characters matched or 0.

Exit status is 0 if EXPRESSION is neither null nor 0, 1 if EXPRESSION is null
or 0, 2 if EXPRESSION is syntactically invalid, and 3 if an error occurred.`)
		case "--version":
			return siVersion(p, "expr", "Mike Parker")
		}
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return siMissing(p, 2)
	}
	v, e := siExprRun(args)
	if e != nil {
		p.Errorf("%s", e.msg)
		return e.status
	}
	p.Printf("%s\n", v)
	if v.null() {
		return 1
	}
	return 0
}

func siExprRun(args []string) (v siExprVal, e *siExprError) {
	defer func() {
		if r := recover(); r != nil {
			err, ok := r.(*siExprError)
			if !ok {
				panic(r)
			}
			e = err
		}
	}()
	ps := &siExprParser{args: args}
	v = ps.or(true)
	if ps.pos < len(ps.args) {
		ps.fail("syntax error", 2)
	}
	return v, nil
}

func (ps *siExprParser) fail(msg string, status int) {
	panic(&siExprError{msg, status})
}

func (ps *siExprParser) nextIs(tok string) bool {
	if ps.pos < len(ps.args) && ps.args[ps.pos] == tok {
		ps.pos++
		return true
	}
	return false
}

func (ps *siExprParser) or(evaluate bool) siExprVal {
	l := ps.and(evaluate)
	for ps.nextIs("|") {
		r := ps.and(evaluate && l.null())
		if l.null() {
			l = r
			if l.null() {
				l = siExprVal{isInt: true}
			}
		}
	}
	return l
}

func (ps *siExprParser) and(evaluate bool) siExprVal {
	l := ps.compare(evaluate)
	for ps.nextIs("&") {
		r := ps.compare(evaluate && !l.null())
		if l.null() || r.null() {
			l = siExprVal{isInt: true}
		}
	}
	return l
}

func (ps *siExprParser) compare(evaluate bool) siExprVal {
	l := ps.sum(evaluate)
	for {
		op := ""
		for _, o := range []string{"<", "<=", "=", "==", "!=", ">=", ">"} {
			if ps.nextIs(o) {
				op = o
				break
			}
		}
		if op == "" {
			return l
		}
		r := ps.sum(evaluate)
		if !evaluate {
			continue
		}
		var cmp int
		li, lok := l.toInt()
		ri, rok := r.toInt()
		if lok && rok {
			cmp = siCmp(li, ri)
		} else {
			cmp = strings.Compare(l.String(), r.String())
		}
		var res bool
		switch op {
		case "<":
			res = cmp < 0
		case "<=":
			res = cmp <= 0
		case "=", "==":
			res = cmp == 0
		case "!=":
			res = cmp != 0
		case ">=":
			res = cmp >= 0
		case ">":
			res = cmp > 0
		}
		l = siExprVal{isInt: true, i: int64(siBtoi(res))}
	}
}

func siCmp(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (ps *siExprParser) arith(l, r siExprVal, op string, evaluate bool) siExprVal {
	if !evaluate {
		return siExprVal{isInt: true}
	}
	a, ok1 := l.toInt()
	b, ok2 := r.toInt()
	if !ok1 || !ok2 {
		ps.fail("non-numeric argument", 2)
	}
	var v int64
	switch op {
	case "+":
		v = a + b
	case "-":
		v = a - b
	case "*":
		v = a * b
	case "/", "%":
		if b == 0 {
			ps.fail("division by zero", 2)
		}
		if op == "/" {
			v = a / b
		} else {
			v = a % b
		}
	}
	return siExprVal{isInt: true, i: v}
}

func (ps *siExprParser) sum(evaluate bool) siExprVal {
	l := ps.product(evaluate)
	for {
		switch {
		case ps.nextIs("+"):
			l = ps.arith(l, ps.product(evaluate), "+", evaluate)
		case ps.nextIs("-"):
			l = ps.arith(l, ps.product(evaluate), "-", evaluate)
		default:
			return l
		}
	}
}

func (ps *siExprParser) product(evaluate bool) siExprVal {
	l := ps.match(evaluate)
	for {
		switch {
		case ps.nextIs("*"):
			l = ps.arith(l, ps.match(evaluate), "*", evaluate)
		case ps.nextIs("/"):
			l = ps.arith(l, ps.match(evaluate), "/", evaluate)
		case ps.nextIs("%"):
			l = ps.arith(l, ps.match(evaluate), "%", evaluate)
		default:
			return l
		}
	}
}

func (ps *siExprParser) match(evaluate bool) siExprVal {
	l := ps.unary(evaluate)
	for ps.nextIs(":") {
		r := ps.unary(evaluate)
		if evaluate {
			l = ps.regexMatch(l.String(), r.String())
		}
	}
	return l
}

func (ps *siExprParser) regexMatch(s, pattern string) siExprVal {
	re, groups, msg := siBRE(pattern)
	if msg != "" {
		ps.fail(msg, 2)
	}
	loc := re.FindStringSubmatchIndex(s)
	if groups > 0 {
		if loc == nil || loc[4] < 0 {
			return siExprVal{}
		}
		return siExprVal{s: s[loc[4]:loc[5]]}
	}
	if loc == nil {
		return siExprVal{isInt: true}
	}
	return siExprVal{isInt: true, i: int64(loc[1])}
}

func (ps *siExprParser) operand() string {
	if ps.pos >= len(ps.args) {
		ps.fail("syntax error", 2)
	}
	ps.pos++
	return ps.args[ps.pos-1]
}

func (ps *siExprParser) unary(evaluate bool) siExprVal {
	if ps.pos >= len(ps.args) {
		ps.fail("syntax error", 2)
	}
	switch ps.args[ps.pos] {
	case "+":
		ps.pos++
		return siExprVal{s: ps.operand()}
	case "length":
		ps.pos++
		v := ps.unary(evaluate)
		return siExprVal{isInt: true, i: int64(len(v.String()))} // bytes, as in 5.97
	case "match":
		ps.pos++
		s := ps.unary(evaluate)
		re := ps.unary(evaluate)
		if !evaluate {
			return siExprVal{}
		}
		return ps.regexMatch(s.String(), re.String())
	case "index":
		ps.pos++
		s := ps.unary(evaluate).String()
		chars := ps.unary(evaluate).String()
		i := strings.IndexAny(s, chars)
		return siExprVal{isInt: true, i: int64(i + 1)}
	case "substr":
		ps.pos++
		s := ps.unary(evaluate).String()
		posV := ps.unary(evaluate)
		lenV := ps.unary(evaluate)
		pos, ok1 := posV.toInt()
		n, ok2 := lenV.toInt()
		if !ok1 || !ok2 || pos <= 0 || n <= 0 || pos > int64(len(s)) {
			return siExprVal{}
		}
		end := min(int64(len(s)), pos-1+n)
		return siExprVal{s: s[pos-1 : end]}
	}
	return ps.primary(evaluate)
}

func (ps *siExprParser) primary(evaluate bool) siExprVal {
	if ps.nextIs("(") {
		if ps.pos >= len(ps.args) {
			ps.fail("syntax error", 2)
		}
		v := ps.or(evaluate)
		if !ps.nextIs(")") {
			ps.fail("syntax error", 2)
		}
		return v
	}
	if ps.args[ps.pos] == ")" {
		ps.fail("syntax error", 2)
	}
	// A literal stays a string ("007" prints as typed); arithmetic and
	// comparisons convert it when it looks like an integer.
	return siExprVal{s: ps.operand()}
}

// siBRE compiles a POSIX basic regular expression (GNU flavour: \+ \? \|
// work) anchored at the start, as expr's ':' uses it, with POSIX
// leftmost-longest matching. It returns the number of \( groups, or
// glibc's regerror text when the pattern is invalid.
func siBRE(pattern string) (*regexp.Regexp, int, string) {
	var b strings.Builder
	// The whole pattern is group 1, so that a top-level \| stays
	// anchored; the pattern's own groups start at 2.
	b.WriteString("^(")
	groups := 0
	depth := 0
	atStart := true // where '*' is literal and '^' an anchor
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		start := atStart
		atStart = false
		switch c {
		case '\\':
			if i+1 >= len(pattern) {
				return nil, 0, "Trailing backslash"
			}
			i++
			switch d := pattern[i]; d {
			case '(':
				groups++
				depth++
				b.WriteByte('(')
				atStart = true
			case ')':
				if depth == 0 {
					return nil, 0, "Unmatched ) or \\)"
				}
				depth--
				b.WriteByte(')')
			case '{':
				j := strings.Index(pattern[i:], "\\}")
				if j < 0 {
					return nil, 0, "Unmatched \\{"
				}
				b.WriteString("{" + pattern[i+1:i+j] + "}")
				i += j + 1
			case '|':
				b.WriteByte('|')
				atStart = true
			case '+', '?':
				b.WriteByte(d)
			case '1', '2', '3', '4', '5', '6', '7', '8', '9':
				return nil, 0, "Invalid back reference"
			case 'n':
				b.WriteString("\\n")
			default:
				b.WriteString(regexp.QuoteMeta(string(d)))
			}
		case '[':
			j := i + 1
			if j < len(pattern) && pattern[j] == '^' {
				j++
			}
			if j < len(pattern) && pattern[j] == ']' {
				j++
			}
			for j < len(pattern) && pattern[j] != ']' {
				if pattern[j] == '[' && j+1 < len(pattern) && strings.IndexByte(":=.", pattern[j+1]) >= 0 {
					end := strings.Index(pattern[j+2:], string(pattern[j+1])+"]")
					if end < 0 {
						return nil, 0, "Unmatched [ or [^"
					}
					j += end + 4
					continue
				}
				j++
			}
			if j >= len(pattern) {
				return nil, 0, "Unmatched [ or [^"
			}
			b.WriteString(strings.ReplaceAll(pattern[i:j+1], `\`, `\\`))
			i = j
		case '*':
			if start {
				b.WriteString(`\*`)
			} else {
				b.WriteByte('*')
			}
		case '^':
			if start {
				b.WriteByte('^')
				atStart = true
			} else {
				b.WriteString(`\^`)
			}
		case '$':
			if i == len(pattern)-1 || strings.HasPrefix(pattern[i+1:], `\)`) || strings.HasPrefix(pattern[i+1:], `\|`) {
				b.WriteByte('$')
			} else {
				b.WriteString(`\$`)
			}
		case '.':
			b.WriteByte('.')
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if depth > 0 {
		return nil, 0, "Unmatched ( or \\("
	}
	b.WriteString(")")
	re, err := cachedRegexp(b.String(), rePOSIX)
	if err != nil {
		return nil, 0, "Invalid regular expression"
	}
	return re, groups, ""
}
