package cmds

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rclab/sim/internal/kernel"
)

// This file holds the programs that talk to init: init/telinit, runlevel,
// who, shutdown, halt/reboot/poweroff, wall, consoletype, and service.

func init() {
	Register(Command{Name: "init", Dirs: []string{"/sbin"}, Summary: "process control initialization", Usage: "init [-t SECONDS] [-e VAR=VAL] 0123456SsQqAaBbCcUu", Main: telinitMain, VSZ: 2072, RSS: 620})
	Register(Command{Name: "telinit", Dirs: []string{"/sbin"}, Summary: "change the system runlevel", Usage: "telinit [-t SECONDS] [-e VAR=VAL] 0123456SsQqAaBbCcUu", Main: telinitMain})
	Register(Command{Name: "runlevel", Dirs: []string{"/sbin"}, Summary: "find the previous and current system runlevel", Usage: "runlevel [utmp]", Main: runlevelMain})
	Register(Command{Name: "who", Dirs: []string{"/usr/bin"}, Summary: "show who is logged on", Usage: "who [-abHqrs] [am i]", Main: whoMain})
	Register(Command{Name: "shutdown", Dirs: []string{"/sbin"}, Summary: "bring the system down", Usage: "shutdown [-akrhfnc] [-t secs] time [warning message]", Main: shutdownMain})
	for _, n := range []string{"halt", "reboot", "poweroff"} {
		Register(Command{Name: n, Dirs: []string{"/sbin"}, Summary: "stop the system", Usage: n + " [-n] [-w] [-d] [-f] [-i] [-p]", Main: haltMain})
	}
	Register(Command{Name: "wall", Dirs: []string{"/usr/bin"}, Summary: "send a message to everybody's terminal", Usage: "wall [message]", Main: wallMain})
	Register(Command{Name: "consoletype", Dirs: []string{"/sbin"}, Summary: "print type of the console connected to standard input", Usage: "consoletype", Main: consoletypeMain})
	Register(Command{Name: "mingetty", Dirs: []string{"/sbin"}, Summary: "minimal getty for consoles", Usage: "mingetty [--noclear] tty", Main: func(p *Proc) int { return 0 }})
	Register(Command{Name: "service", Dirs: []string{"/sbin"}, Summary: "run a System V init script", Usage: "service < option > | --status-all | [ service_name [ command | --full-restart ] ]", Main: serviceMain})
}

// telinitMain is init and telinit as a user runs them (sysvinit 2.86).
func telinitMain(p *Proc) int {
	if !p.Root() { // init's quick check, before its arguments
		fmt.Fprintf(p.Stderr, "%s: must be superuser.\n", p.Name())
		return 1
	}
	args := p.Args[1:]
	req := kernel.InitRequest{Kind: "runlevel"}
	usage := func() int {
		fmt.Fprintf(p.Stderr, "Usage: %s 0123456SsQqAaBbCcUu\n", p.Name())
		return 1
	}
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && len(args[0]) > 1 {
		if v, ok := strings.CutPrefix(args[0], "-t"); ok && v != "" {
			args = append([]string{"-t", v}, args[1:]...) // -t1, as single's exec init -t1 S
		}
		switch args[0] {
		case "-t":
			if len(args) < 2 {
				return usage()
			}
			n, err := strconv.Atoi(args[1])
			if err != nil {
				return usage()
			}
			req.Timeout = n
			args = args[2:]
		case "-e":
			if len(args) < 2 {
				return usage()
			}
			req.Env = append(req.Env, args[1])
			args = args[2:]
		default:
			return usage()
		}
	}
	if len(args) != 1 || len(args[0]) != 1 || !strings.Contains("0123456789SsQqAaBbCcUu", args[0]) {
		return usage()
	}
	req.Level = strings.ToUpper(args[0])[0]
	p.Sys.RequestInit(req)
	return 0
}

func runlevelMain(p *Proc) int {
	prev, cur := p.Sys.Runlevel()
	if cur == 0 {
		fmt.Fprintln(p.Stdout, "unknown")
		return 1
	}
	if prev == 0 {
		prev = kernel.NoLevel
	}
	fmt.Fprintf(p.Stdout, "%c %c\n", prev, cur)
	return 0
}

// whoTime formats a utmp time as who does in the machine's locale.
func whoTime(p *Proc, t time.Time) string {
	if cLocale(p) {
		return t.Format("Jan _2 15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// cLocale reports whether the program runs in the C/POSIX locale.
func cLocale(p *Proc) bool {
	for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if val := p.Getenv(v); val != "" {
			return val == "C" || val == "POSIX"
		}
	}
	return true
}

func whoMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "abdHlmpqrsTtu", []LongOpt{
		{Name: "all", Short: 'a'}, {Name: "boot", Short: 'b'}, {Name: "heading", Short: 'H'},
		{Name: "count", Short: 'q'}, {Name: "runlevel", Short: 'r'}, {Name: "short", Short: 's'},
	})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var runlevel, boot, heading, count, me bool
	for _, o := range opts {
		switch o.Name {
		case "r":
			runlevel = true
		case "b":
			boot = true
		case "H":
			heading = true
		case "q":
			count = true
		case "m":
			me = true
		case "a":
			boot, runlevel = true, true
		}
	}
	if len(operands) == 2 {
		me = true
	}
	if heading {
		fmt.Fprintf(p.Stdout, "%-8s %-12s %-16s\n", "NAME", "LINE", "TIME")
	}
	if boot {
		fmt.Fprintf(p.Stdout, "         system boot  %s\n", whoTime(p, p.Sys.Boot()))
	}
	if runlevel {
		prev, cur := p.Sys.Runlevel()
		if cur != 0 {
			if prev == 0 || prev == kernel.NoLevel {
				prev = 'S'
			}
			// "         run-level %c  %s                   last=%c",
			// trailing blanks cut.
			line := make([]byte, 0, 80)
			line = append(line, "         run-level "...)
			line = utf8.AppendRune(line, rune(cur))
			line = append(line, "  "...)
			line = append(line, whoTime(p, p.Sys.RunlevelChanged())...)
			line = append(line, "                   last="...)
			line = utf8.AppendRune(line, rune(prev))
			line = bytes.TrimRight(line, " ")
			p.Stdout.Write(append(line, '\n'))
		}
		if !boot || len(opts) == 1 {
			return 0
		}
	}
	if boot && !runlevel {
		return 0
	}
	sessions := p.Sys.Sessions()
	if count {
		var names []string
		for _, s := range sessions {
			names = append(names, s.User)
		}
		fmt.Fprintln(p.Stdout, strings.Join(names, " "))
		fmt.Fprintf(p.Stdout, "# users=%d\n", len(names))
		return 0
	}
	for _, s := range sessions {
		if me && s.TTY != p.TTY {
			continue
		}
		line := fmt.Sprintf("%-8s %-12s %s", s.User, s.TTY, whoTime(p, s.Login))
		if s.From != "" {
			line += " (" + s.From + ")"
		}
		fmt.Fprintln(p.Stdout, line)
	}
	return 0
}

// Broadcast writes a wall message, as sysvinit's dowall does, to every
// logged-in terminal. from is the sender's terminal ("tty1").
func Broadcast(k *kernel.Kernel, user, from, text string) {
	BroadcastAt(k, k.Clock.Now(), user, from, text)
}

// BroadcastAt is Broadcast stamped with the time at (a scheduled
// shutdown's own time).
func BroadcastAt(k *kernel.Kernel, at time.Time, user, from, text string) {
	stamp := at.Format("Mon Jan _2 15:04:05 2006")
	msg := fmt.Sprintf("\a\r\nBroadcast message from %s (%s) (%s):\r\n\r\n%s", user, from, stamp, text)
	seen := map[string]bool{}
	for _, s := range k.Sessions() {
		if seen[s.TTY] {
			continue
		}
		seen[s.TTY] = true
		k.WriteTTY(s.TTY, msg)
	}
}

func ttyOf(p *Proc) string {
	if p.TTY == "" {
		return "console"
	}
	return p.TTY
}

func wallMain(p *Proc) int {
	text := strings.Join(p.Args[1:], " ")
	if len(p.Args) == 1 {
		data, _ := io.ReadAll(p.Stdin)
		text = string(data)
	}
	text = strings.ReplaceAll(strings.TrimRight(text, "\n"), "\n", "\r\n")
	Broadcast(p.Sys, p.UserName(), ttyOf(p), text+"\r\n")
	return 0
}

func consoletypeMain(p *Proc) int {
	switch {
	case !p.StdinTty:
		io.WriteString(p.Stdout, "serial\n")
		return 1
	case strings.HasPrefix(p.TTY, "pts/"):
		io.WriteString(p.Stdout, "pty\n")
		return 2
	}
	io.WriteString(p.Stdout, "vt\n")
	return 0
}

// Shutdown is the pending shutdown, kept as a timer's data.
type Shutdown struct {
	Level   byte   // '0', '6' or '1'
	Message string // the admin's warning message
	From    string // terminal of the shutdown command
	Warn    bool   // -k: warn only
}

// ShutdownTimer names the kernel timer of a pending shutdown.
const ShutdownTimer = "shutdown"

const shutdownUsage = "Usage:\t  shutdown [-akrhfnc] [-t secs] time [warning message]\n" +
	"\t\t  -a:      use /etc/shutdown.allow\n" +
	"\t\t  -k:      don't really shutdown, only warn.\n" +
	"\t\t  -r:      reboot after shutdown.\n" +
	"\t\t  -h:      halt after shutdown.\n" +
	"\t\t  -f:      do a 'fast' reboot (skip fsck).\n" +
	"\t\t  -F:      Force fsck on reboot.\n" +
	"\t\t  -n:      do not go through \"init\" but go down real fast.\n" +
	"\t\t  -c:      cancel a running shutdown.\n" +
	"\t\t  -t secs: delay between warning and kill signal.\n" +
	"\t\t  ** the \"time\" argument is mandatory! (try \"now\") **\n"

// ShutdownNotice is the line shutdown announces for level, "NOW!" or in
// minutes.
func ShutdownNotice(level byte, minutes int) string {
	what := "to maintenance mode"
	switch level {
	case '0':
		what = "for system halt"
	case '6':
		what = "for reboot"
	}
	if minutes <= 0 {
		return fmt.Sprintf("The system is going down %s NOW!", what)
	}
	unit := "minutes"
	if minutes == 1 {
		unit = "minute"
	}
	return fmt.Sprintf("The system is going DOWN %s in %d %s!", what, minutes, unit)
}

func shutdownMain(p *Proc) int {
	if !p.Root() {
		fmt.Fprint(p.Stderr, "shutdown: you must be root to do that!\n"+shutdownUsage)
		return 1
	}
	opts, operands, err := Getopt(p.Args[1:], "+acfFhHiknPrt:", nil)
	if err != nil {
		fmt.Fprint(p.Stderr, shutdownUsage)
		return 1
	}
	sd := Shutdown{Level: '1', From: ttyOf(p)}
	cancel := false
	for _, o := range opts {
		switch o.Name {
		case "r":
			sd.Level = '6'
		case "h":
			sd.Level = '0'
		case "c":
			cancel = true
		case "k":
			sd.Warn = true
		}
	}
	if cancel {
		if _, ok := p.Sys.Pending(ShutdownTimer); !ok {
			fmt.Fprintln(p.Stderr, "shutdown: not running.")
			return 1
		}
		p.Sys.Cancel(ShutdownTimer)
		text := ""
		if len(operands) > 0 {
			text = strings.Join(operands, " ") + "\r\n"
		}
		Broadcast(p.Sys, "root", sd.From, text+"\rShutdown cancelled.\r\n")
		return 0
	}
	if len(operands) == 0 {
		fmt.Fprint(p.Stderr, shutdownUsage)
		return 1
	}
	now := p.Sys.Clock.Now()
	when, ok := parseShutdownTime(operands[0], now)
	if !ok {
		fmt.Fprint(p.Stderr, shutdownUsage)
		return 1
	}
	sd.Message = strings.Join(operands[1:], " ")
	minutes := int((when.Sub(now) + 59*time.Second) / time.Minute)
	text := ""
	if sd.Message != "" {
		text = sd.Message + "\r\n"
	}
	Broadcast(p.Sys, "root", sd.From, text+"\r"+ShutdownNotice(sd.Level, minutes)+"\r\n")
	if minutes <= 0 {
		if !sd.Warn {
			p.Sys.RequestInit(kernel.InitRequest{Kind: "runlevel", Level: sd.Level})
		}
		return 0
	}
	// The real shutdown waits in the foreground until the time comes; in
	// rclab it waits on the virtual clock and the prompt returns at once.
	p.Sys.Schedule(kernel.Timer{Name: ShutdownTimer, At: when, Data: sd})
	return 0
}

// parseShutdownTime reads "now", "+m" or "hh:mm" (today or tomorrow).
func parseShutdownTime(s string, now time.Time) (time.Time, bool) {
	switch {
	case s == "now":
		return now, true
	case strings.HasPrefix(s, "+"):
		n, err := strconv.Atoi(s[1:])
		if err != nil || n < 0 {
			return time.Time{}, false
		}
		return now.Add(time.Duration(n) * time.Minute), true
	case strings.Contains(s, ":"):
		h, m, _ := strings.Cut(s, ":")
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || hh > 23 || mm > 59 || hh < 0 || mm < 0 {
			return time.Time{}, false
		}
		t := time.Date(now.Year(), now.Month(), now.Day(), hh, mm, 0, 0, now.Location())
		if t.Before(now) {
			t = t.Add(24 * time.Hour)
		}
		return t, true
	}
	return time.Time{}, false
}

// haltMain is halt, reboot and poweroff: in runlevels 0 and 6 (or with
// -f) they stop the machine; elsewhere they ask init to change runlevel,
// as shutdown now would.
func haltMain(p *Proc) int {
	opts, _, err := Getopt(p.Args[1:], "dfhinpwt:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "usage: %s [-n] [-w] [-d] [-f] [-i] [-p]\n", p.Name())
		return 1
	}
	force, power, wtmpOnly := false, p.Name() == "poweroff", false
	for _, o := range opts {
		switch o.Name {
		case "f":
			force = true
		case "p":
			power = true
		case "w":
			wtmpOnly = true
		}
	}
	if !p.Root() {
		fmt.Fprintf(p.Stderr, "%s: must be superuser.\n", p.Name())
		return 1
	}
	if wtmpOnly {
		return 0
	}
	_, cur := p.Sys.Runlevel()
	if force || cur == '0' || cur == '6' {
		switch {
		case p.Name() == "reboot":
			p.Sys.RequestInit(kernel.InitRequest{Kind: "reboot"})
		case power:
			p.Sys.RequestInit(kernel.InitRequest{Kind: "poweroff"})
		default:
			p.Sys.RequestInit(kernel.InitRequest{Kind: "halt"})
		}
		return 0
	}
	level := byte('0')
	if p.Name() == "reboot" {
		level = '6'
	}
	Broadcast(p.Sys, "root", ttyOf(p), "\r"+ShutdownNotice(level, 0)+"\r\n")
	p.Sys.RequestInit(kernel.InitRequest{Kind: "runlevel", Level: level})
	return 0
}

// serviceMain is /sbin/service of initscripts 8.45 (CentOS 5).
func serviceMain(p *Proc) int {
	const usage = "Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n"
	args := p.Args[1:]
	if len(args) == 0 {
		fmt.Fprint(p.Stderr, usage)
		return 1
	}
	switch {
	case strings.HasPrefix(args[0], "--h") || args[0] == "-h":
		fmt.Fprint(p.Stderr, usage)
		return 0
	case args[0] == "--version" || args[0] == "-V":
		fmt.Fprintln(p.Stderr, "service ver. 0.91")
		return 0
	case args[0] == "--status-all":
		if len(args) != 1 {
			fmt.Fprint(p.Stderr, usage)
			return 1
		}
		return serviceStatusAll(p)
	}
	name := args[0]
	script := "/etc/init.d/" + name
	fi, err := p.Sys.FS.Stat(script)
	if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		fmt.Fprintf(p.Stderr, "%s: unrecognized service\n", name)
		return 1
	}
	if len(args) > 1 && args[1] == "--full-restart" {
		serviceRun(p, script, "stop")
		return serviceRun(p, script, "start")
	}
	return serviceRun(p, script, args[1:]...)
}

// serviceRun runs an init script as service does: from / with only PATH,
// TERM and LANG in its environment.
func serviceRun(p *Proc, script string, args ...string) int {
	env := make([]string, 1, 3)
	env[0] = "PATH=/sbin:/usr/sbin:/bin:/usr/bin"
	for _, v := range [...]string{"TERM", "LANG"} {
		if kv := p.envEntry(v); len(kv) > len(v)+1 {
			env = append(env, kv) // v + "=" + its value, as it stands
		}
	}
	argv := make([]string, 0, 1+len(args))
	argv = append(append(argv, script), args...)
	saveEnv, saveDir := p.Environ, p.Dir
	p.Environ, p.Dir = env, "/"
	defer func() { p.Environ, p.Dir = saveEnv, saveDir }()
	return p.Run(argv, nil, nil, nil)
}

// serviceSkip lists what --status-all never runs.
var serviceSkip = map[string]bool{"functions": true, "halt": true, "killall": true, "single": true, "linuxconf": true, "kudzu": true}

func serviceStatusAll(p *Proc) int {
	f, err := p.Sys.FS.Open("/etc/init.d")
	if err != nil {
		return 0
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	sort.Strings(names)
	for _, n := range names {
		if serviceSkip[n] || strings.HasSuffix(n, "~") || strings.Contains(n, ".rpm") || strings.HasSuffix(n, ".swp") {
			continue
		}
		script := path.Join("/etc/init.d", n)
		fi, err := p.Sys.FS.Stat(script)
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
			continue
		}
		serviceRun(p, script, "status")
	}
	return 0
}
