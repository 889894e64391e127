package cmds

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// w, users and last: who is on the machine now, and the login history
// since the image was installed (kept across reboots, as /var/log/wtmp
// is).

func init() {
	Register(Command{Name: "w", Dirs: []string{"/usr/bin"}, Summary: "show who is logged on and what they are doing",
		Usage: "w [-hs] [user]", Main: wMain})
	Register(Command{Name: "last", Dirs: []string{"/usr/bin"}, Summary: "show listing of last logged in users",
		Usage: "last [-n num] [name...] [tty...]", Main: lastMain})
	Register(Command{Name: "users", Dirs: []string{"/usr/bin"}, Summary: "print the user names of users currently logged in to the current host",
		Usage: "users [OPTION]... [FILE]", Main: usersMain})
}

// usersMain is coreutils' users: the names of the logged-in sessions,
// sorted, one per session, on one line.
func usersMain(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "", []LongOpt{{Name: "help"}, {Name: "version"}})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	if len(opts) > 0 && opts[0].Name == "help" {
		fmt.Fprint(p.Stdout, "Usage: users [OPTION]... [FILE]\n"+
			"Output who is currently logged in according to FILE.\n"+
			"If FILE is not specified, use /var/run/utmp.  /var/log/wtmp as FILE is common.\n\n"+
			"      --help     display this help and exit\n"+
			"      --version  output version information and exit\n")
		return 0
	}
	if len(opts) > 0 {
		fmt.Fprint(p.Stdout, "users (GNU coreutils) 5.97\n")
		return 0
	}
	if len(ops) > 1 {
		fmt.Fprintf(p.Stderr, "users: extra operand `%s'\nTry `users --help' for more information.\n", ops[1])
		return 1
	}
	var names []string
	for _, s := range p.Sys.Sessions() {
		names = append(names, s.User)
	}
	sort.Strings(names)
	fmt.Fprintln(p.Stdout, strings.Join(names, " "))
	return 0
}

func wMain(p *Proc) int {
	noHeader, short := false, false
	for _, a := range p.Args[1:] {
		switch a {
		case "-h":
			noHeader = true
		case "-s":
			short = true
		}
	}
	if !noHeader {
		fmt.Fprintln(p.Stdout, psUptime(p.Sys))
		if short {
			fmt.Fprintln(p.Stdout, "USER     TTY      FROM               IDLE WHAT")
		} else {
			fmt.Fprintln(p.Stdout, "USER     TTY      FROM              LOGIN@   IDLE   JCPU   PCPU WHAT")
		}
	}
	for _, s := range p.Sys.Sessions() {
		from := s.From
		if from == "" {
			from = "-"
		}
		what := "-bash"
		if s.TTY == p.TTY {
			what = strings.Join(p.Args, " ")
		}
		if short {
			fmt.Fprintf(p.Stdout, "%-9.8s%-9.8s%-17.16s %5s %s\n", s.User, s.TTY, from, "0.00s", what)
			continue
		}
		fmt.Fprintf(p.Stdout, "%-9.8s%-9.8s%-17.16s%-8s %6s %6s %6s %s\n", s.User, s.TTY, from, s.Login.Format("15:04"), "0.00s", "0.00s", "0.00s", what)
	}
	return 0
}

// lastDuration is last's "(hh:mm)" or "(d+hh:mm)".
func lastDuration(d time.Duration) string {
	mins := int(d / time.Minute)
	if days := mins / 1440; days > 0 {
		return fmt.Sprintf("(%d+%02d:%02d)", days, mins/60%24, mins%60)
	}
	return fmt.Sprintf("(%02d:%02d)", mins/60, mins%60)
}

func lastMain(p *Proc) int {
	limit := -1
	var names []string
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-n" && i+1 < len(args):
			fmt.Sscan(args[i+1], &limit)
			i++
		case strings.HasPrefix(a, "-") && len(a) > 1 && a[1] >= '0' && a[1] <= '9':
			fmt.Sscan(a[1:], &limit)
		case strings.HasPrefix(a, "-"):
		default:
			names = append(names, a)
		}
	}
	recs := p.Sys.Wtmp()
	now := p.Sys.Clock.Now()
	printed := 0
	for i := len(recs) - 1; i >= 0 && (limit < 0 || printed < limit); i-- {
		r := recs[i]
		if len(names) > 0 {
			match := false
			for _, n := range names {
				if n == r.User || n == r.TTY {
					match = true
				}
			}
			if !match {
				continue
			}
		}
		out, length := "", ""
		switch {
		case r.User == "reboot":
			end := now
			if i+1 < len(recs) {
				for _, next := range recs[i+1:] {
					if next.User == "reboot" {
						end = next.Login
						break
					}
				}
			}
			length = lastDuration(end.Sub(r.Login))
		case r.Logout.IsZero():
			out, length = "  still", "logged in"
		case r.Crash:
			out, length = "- crash", lastDuration(r.Logout.Sub(r.Login))
		default:
			out, length = "- "+r.Logout.Format("15:04"), lastDuration(r.Logout.Sub(r.Login))
		}
		fmt.Fprintf(p.Stdout, "%-8.8s %-12.12s %-16.16s %-16.16s %-7.7s %-12.12s\n",
			r.User, r.TTY, r.Host, r.Login.Format("Mon Jan _2 15:04"), out, length)
		printed++
	}
	begins := now
	if len(recs) > 0 {
		begins = recs[0].Login
	}
	fmt.Fprintf(p.Stdout, "\nwtmp begins %s\n", begins.Format("Mon Jan _2 15:04:05 2006"))
	return 0
}
