package cmds

// The process utilities around ps, as CentOS 5 ships them: pstree, killall
// (psmisc 22.2), pgrep, pkill, free, uptime, top, /bin/kill (procps
// 3.2.7), pidof (sysvinit 2.86) and bash 3.2's kill builtin, which the
// shell routes here. Helpers of this family are prefixed with "ps" (shared
// with ps.go) or with the program's name.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

func init() {
	for _, c := range []Command{
		{Name: "pstree", Dirs: []string{"/usr/bin"}, Summary: "display a tree of processes",
			Usage: "pstree [-a] [-c] [-h|-H pid] [-l] [-n] [-p] [-u] [-A|-G|-U] [pid|user]", Main: pstreeMain},
		{Name: "pgrep", Dirs: []string{"/usr/bin"}, Summary: "look up processes based on name and other attributes",
			Usage: "pgrep [-flvx] [-d DELIM] [-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST] [-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]",
			Main:  pgrepMain},
		{Name: "pkill", Dirs: []string{"/usr/bin"}, Summary: "signal processes based on name and other attributes",
			Usage: "pkill [-SIGNAL] [-fvx] [-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST] [-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]",
			Main:  pgrepMain},
		{Name: "pidof", Dirs: []string{"/sbin"}, Summary: "find the process ID of a running program",
			Usage: "pidof [-s] [-x] [-o omitpid] [-o omitpid..] program [program..]", Main: pidofMain},
		{Name: "kill", Dirs: []string{"/bin"}, Summary: "send a signal to a process",
			Usage: "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]", Main: killMain},
		{Name: "killall", Dirs: []string{"/usr/bin"}, Summary: "kill processes by name",
			Usage: "killall [-u USER] [-eIgiqrvw] [-SIGNAL] NAME...", Main: killallMain},
		{Name: "free", Dirs: []string{"/usr/bin"}, Summary: "display amount of free and used memory in the system",
			Usage: "free [-b|-k|-m|-g] [-l] [-o] [-t] [-s delay] [-c count] [-V]", Main: freeMain},
		{Name: "uptime", Dirs: []string{"/usr/bin"}, Summary: "tell how long the system has been running",
			Usage: "uptime [-V]", Main: uptimeMain},
		{Name: "top", Dirs: []string{"/usr/bin"}, Summary: "display Linux tasks",
			Usage: "top -hv | -bcisSH -d delay -n iterations [-u user | -U user] -p pid [,pid ...]", Main: topMain,
			VSZ: 2324, RSS: 1064},
	} {
		Register(c)
	}
}

// ---- shared: permissions, signals, memory, uptime ----

// psSignal sends sig to pid on behalf of a caller with effective uid uid:
// EPERM when an ordinary user signals another user's process.
func psSignal(k *kernel.Kernel, uid, pid int, sig proc.Signal) error {
	t, ok := k.Procs.Get(pid)
	if !ok {
		return syscall.ESRCH
	}
	if uid != 0 && t.UID != uid {
		return syscall.EPERM
	}
	return k.Procs.Signal(pid, sig)
}

// psMemStats are the /proc/meminfo figures free and top print, in KiB.
type psMemStats struct {
	total, used, free, shared, buffers, cached int
	swapTotal, swapUsed, swapFree              int
}

// psMem models memory use: a kernel baseline plus the resident sizes of
// the processes, with buffers and page cache that fill as the machine
// stays up, never leaving less than 4 MB free.
func psMem(k *kernel.Kernel) psMemStats {
	m := psMemStats{total: proc.MemTotalKiB, swapTotal: 1048568}
	app := 22528
	for _, p := range k.Procs.List() {
		if !p.Kernel {
			app += p.RSS
		}
	}
	up := int(k.Clock.Now().Sub(k.Boot()) / time.Second)
	m.buffers = 11264 + min(up/60, 20000)
	m.cached = 68096 + min(up/10, 120000)
	if over := app + m.buffers + m.cached - (m.total - 4096); over > 0 {
		cut := min(over, m.cached)
		m.cached -= cut
		over -= cut
		cut = min(over, m.buffers)
		m.buffers -= cut
	}
	m.used = min(app+m.buffers+m.cached, m.total-1024)
	m.free = m.total - m.used
	m.swapFree = m.swapTotal - m.swapUsed
	return m
}

// psUptime is procps' sprint_uptime:
// " 09:10:02 up 10 min,  1 user,  load average: 0.00, 0.00, 0.00".
func psUptime(k *kernel.Kernel) string {
	now := k.Clock.Now()
	up := int(now.Sub(k.Boot()) / time.Second)
	var b strings.Builder
	fmt.Fprintf(&b, " %02d:%02d:%02d up ", now.Hour(), now.Minute(), now.Second())
	if days := up / 86400; days > 0 {
		s := "s"
		if days == 1 {
			s = ""
		}
		fmt.Fprintf(&b, "%d day%s, ", days, s)
	}
	mins := up / 60
	if hours := mins / 60 % 24; hours > 0 {
		fmt.Fprintf(&b, "%2d:%02d, ", hours, mins%60)
	} else {
		fmt.Fprintf(&b, "%d min, ", mins%60)
	}
	users := psUsers(k)
	s := "s"
	if users == 1 {
		s = ""
	}
	fmt.Fprintf(&b, "%2d user%s, ", users, s)
	b.WriteString(" load average: 0.00, 0.00, 0.00")
	return b.String()
}

// psUsers counts logged-in users: the utmp sessions, or when none are
// recorded, the login shells on terminals.
func psUsers(k *kernel.Kernel) int {
	if n := len(k.Sessions()); n > 0 {
		return n
	}
	n := 0
	for _, p := range k.Procs.List() {
		if p.TTY != "" && len(p.Args) > 0 && strings.HasPrefix(p.Args[0], "-") {
			n++
		}
	}
	return n
}

// ---- pstree (psmisc 22.2) ----

type ptProc struct {
	comm     string
	argv     []string // arguments after argv[0]
	argc     int      // -1 when there is no command line (kernel threads)
	pid, uid int
	children []*ptProc
}

type ptSyms struct{ empty2, branch2, vert2, last2, single3, first3 string }

var (
	ptASCII = ptSyms{"  ", "|-", "| ", "`-", "---", "-+-"}
	ptUTF   = ptSyms{"  ", "├─", "│ ", "└─", "───", "─┬─"}
	ptVT100 = ptSyms{"  ", "\033(0\017tq\033(B", "\033(0\017x\033(B ", "\033(0\017mq\033(B",
		"\033(0\017qqq\033(B", "\033(0\017qwq\033(B"}
)

type ptTree struct {
	out        []byte
	curX       int
	width      int
	trunc      bool
	lastChar   byte
	sym        ptSyms
	printArgs  bool
	compact    bool
	pids       bool
	userChange bool
	users      map[int]string
	widths     [100]int
	more       [100]int
	tooDeep    bool
}

func (t *ptTree) char(c byte) {
	if c&0xc0 != 0x80 {
		t.curX++
	}
	if t.curX <= t.width || !t.trunc {
		t.out = append(t.out, c)
	}
	if t.curX == t.width+1 && t.trunc && c&0xc0 != 0x80 {
		if t.lastChar != 0 || c&0x80 != 0 {
			t.out = append(t.out, '+')
		} else {
			t.lastChar = c
			t.curX--
		}
	}
}

func (t *ptTree) str(s string) {
	for i := 0; i < len(s); i++ {
		t.char(s[i])
	}
}

func (t *ptTree) num(n int) int {
	s := strconv.Itoa(n)
	t.str(s)
	return len(s)
}

func (t *ptTree) newline() {
	if t.lastChar != 0 && t.curX == t.width {
		t.out = append(t.out, t.lastChar)
	}
	t.lastChar = 0
	t.out = append(t.out, '\n')
	t.curX = 1
}

func (t *ptTree) equal(a, b *ptProc) bool {
	if a.comm != b.comm || (t.userChange && a.uid != b.uid) || len(a.children) != len(b.children) {
		return false
	}
	for i := range a.children {
		if !t.equal(a.children[i], b.children[i]) {
			return false
		}
	}
	return true
}

func (t *ptTree) dump(cur *ptProc, level, rep int, leaf, last bool, prevUID, closing int) {
	if cur == nil {
		return
	}
	if level >= len(t.widths)-1 {
		t.tooDeep = true
		return
	}
	if !leaf {
		for lvl := 0; lvl < level; lvl++ {
			for i := t.widths[lvl] + 1; i > 0; i-- {
				t.char(' ')
			}
			switch {
			case lvl == level-1 && last:
				t.str(t.sym.last2)
			case lvl == level-1:
				t.str(t.sym.branch2)
			case t.more[lvl+1] != 0:
				t.str(t.sym.vert2)
			default:
				t.str(t.sym.empty2)
			}
		}
	}
	add := 0
	if rep >= 2 {
		add = t.num(rep) + 2
		t.str("*[")
	}
	swapped, info := 0, 0
	if t.printArgs {
		swapped, info = 1, 1
	}
	if swapped != 0 && cur.argc < 0 {
		t.char('(')
	}
	commLen := 0
	for i := 0; i < len(cur.comm); i++ {
		c := cur.comm[i]
		switch {
		case c == '\\':
			t.str("\\\\")
			commLen += 2
		case c > ' ' && c <= '~':
			t.char(c)
			commLen++
		default:
			t.str(fmt.Sprintf("\\%03o", c))
			commLen += 4
		}
	}
	offset := t.curX
	sep := func() {
		if info > 0 {
			t.char(',')
		} else {
			t.char('(')
		}
		info++
	}
	if t.pids {
		sep()
		t.num(cur.pid)
	}
	if t.userChange && prevUID != cur.uid {
		sep()
		if n, ok := t.users[cur.uid]; ok {
			t.str(n)
		} else {
			t.num(cur.uid)
		}
	}
	if (swapped != 0 && cur.argc < 0) || (swapped == 0 && info > 0) {
		t.char(')')
	}
	if t.printArgs {
		for i := 0; i < cur.argc; i++ {
			t.char(' ')
			n := 0
			for _, c := range []byte(cur.argv[i]) {
				if c > ' ' && c <= '~' {
					n++
				} else {
					n += 4
				}
			}
			room := t.width
			if i != cur.argc-1 {
				room -= 4
			}
			if t.curX+n <= room || !t.trunc {
				for _, c := range []byte(cur.argv[i]) {
					if c > ' ' && c <= '~' {
						t.char(c)
					} else {
						t.str(fmt.Sprintf("\\%03o", c))
					}
				}
			} else {
				t.str("...")
				break
			}
		}
	}
	if t.printArgs || len(cur.children) == 0 {
		for ; closing > 0; closing-- {
			t.char(']')
		}
		t.newline()
		if t.printArgs {
			t.more[level] = psBtoi(!last)
			t.widths[level] = swapped
			if commLen <= 1 {
				t.widths[level]--
			}
			for i, c := range cur.children {
				t.dump(c, level+1, 1, false, i == len(cur.children)-1, cur.uid, 0)
			}
		}
		return
	}
	t.more[level] = psBtoi(!last)
	t.widths[level] = commLen + t.curX - offset + add
	if t.curX >= t.width && t.trunc {
		t.str(t.sym.first3)
		t.str("+")
		t.newline()
		return
	}
	kids := append([]*ptProc{}, cur.children...)
	for i := 0; i < len(kids); i++ {
		count := 0
		if t.compact {
			for j := i + 1; j < len(kids); {
				if t.equal(kids[i], kids[j]) {
					kids = append(kids[:j], kids[j+1:]...)
					count++
				} else {
					j++
				}
			}
		}
		next := i+1 < len(kids)
		if i == 0 {
			if next {
				t.str(t.sym.first3)
			} else {
				t.str(t.sym.single3)
			}
		}
		c := closing
		if count > 0 {
			c++
		}
		t.dump(kids[i], level+1, count+1, i == 0, !next, cur.uid, c)
	}
}

func psBtoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

const pstreeUsage = `usage: pstree [ -a ] [ -c ] [ -h | -H pid ] [ -l ] [ -n ] [ -p ] [ -u ]
              [ -A | -G | -U ] [ pid | user]
       pstree -V

    -a     show command line arguments
    -A     use ASCII line drawing characters
    -c     don't compact identical subtrees
    -h     highlight current process and its ancestors
    -H pid highlight process "pid" and its ancestors
    -G     use VT100 line drawing characters
    -l     don't truncate long lines
    -n     sort output by PID
    -p     show PIDs; implies -c
    -u     show uid transitions
    -U     use UTF-8 (Unicode) line drawing characters
    -V     display version information
    pid    start at pid, default 1 (init)
    user   show only trees rooted at processes of that user

`

const psmiscWarranty = "Copyright (C) 1993-2005 Werner Almesberger and Craig Small\n\n" +
	"PSmisc comes with ABSOLUTELY NO WARRANTY.\n" +
	"This is free software, and you are welcome to redistribute it under\n" +
	"the terms of the GNU General Public License.\n" +
	"For more information about these matters, see the files named COPYING.\n"

// psUTF8Locale reports whether the locale's character set is UTF-8.
func psUTF8Locale(p *Proc) bool {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if s := p.Getenv(v); s != "" {
			s = strings.ToLower(s)
			return strings.Contains(s, "utf-8") || strings.Contains(s, "utf8")
		}
	}
	return false
}

func pstreeMain(p *Proc) int {
	t := &ptTree{curX: 1, width: 132, trunc: true, compact: true, sym: ptASCII}
	if p.Tty {
		t.width = 80
		if psUTF8Locale(p) {
			t.sym = ptUTF
		}
	}
	usage := func() int {
		p.Stderr.Write([]byte(pstreeUsage))
		return 1
	}
	opts, operands, err := Getopt(p.Args[1:], "aAcGhH:npluUV", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return usage()
	}
	highlight := false
	byPID := false
	for _, o := range opts {
		switch o.Name {
		case "a":
			t.printArgs = true
		case "A":
			t.sym = ptASCII
		case "c":
			t.compact = false
		case "G":
			t.sym = ptVT100
		case "h":
			if highlight {
				return usage()
			}
			highlight = true
		case "H":
			if highlight {
				return usage()
			}
			if p.Getenv("TERM") == "" {
				fmt.Fprintln(p.Stderr, "TERM is not set")
				return 1
			}
			if n, _ := strconv.Atoi(psLeadingDigits(o.Arg)); n == 0 {
				return usage()
			}
			highlight = true
		case "l":
			t.trunc = false
		case "n":
			byPID = true
		case "p":
			t.pids, t.compact = true, false
		case "u":
			t.userChange = true
		case "U":
			t.sym = ptUTF
		case "V":
			fmt.Fprint(p.Stderr, "pstree (psmisc) 22.2\n"+psmiscWarranty)
			return 0
		}
	}
	root := 1
	user := -1
	if len(operands) == 1 {
		a := operands[0]
		if a != "" && a[0] >= '0' && a[0] <= '9' {
			if root, _ = strconv.Atoi(psLeadingDigits(a)); root == 0 {
				return usage()
			}
		} else {
			acc, ok := SharedPasswd(p.Sys).Lookup(a)
			if !ok || acc.Name != a {
				fmt.Fprintf(p.Stderr, "No such user name: %s\n", a)
				return 1
			}
			user = acc.ID
		}
	} else if len(operands) > 1 {
		return usage()
	}
	caller := psCallerOf(p)
	done := psSpawnSelf(p, &caller, "pstree", "/usr/bin/pstree", 2040, 700)
	defer done()
	t.users = psIDMap(SharedPasswd(p.Sys))

	nodes := map[int]*ptProc{}
	get := func(pid int) *ptProc {
		n, ok := nodes[pid]
		if !ok {
			n = &ptProc{comm: "?", pid: pid}
			nodes[pid] = n
		}
		return n
	}
	list := p.Sys.Procs.List()
	for _, pr := range list {
		n := get(pr.PID)
		n.comm, n.uid = pr.Comm, pr.UID
		if len(n.comm) > 15 {
			n.comm = n.comm[:15]
		}
		if t.printArgs {
			n.argc = -1
			if !pr.Kernel && pr.State != 'Z' && len(pr.Args) > 0 {
				cmdline := strings.Join(pr.Args, "\x00")
				if len(cmdline) > t.width {
					cmdline = cmdline[:t.width]
				}
				f := strings.Split(cmdline, "\x00")
				n.argv, n.argc = f[1:], len(f)-1
			}
		}
	}
	for _, pr := range list {
		ppid := pr.PPID
		if ppid == pr.PID {
			ppid = 0
		}
		parent, child := get(ppid), nodes[pr.PID]
		i := len(parent.children)
		for k, c := range parent.children {
			if byPID && c.pid > child.pid || !byPID && (c.comm > child.comm || c.comm == child.comm && c.uid > child.uid) {
				i = k
				break
			}
		}
		parent.children = append(parent.children, nil)
		copy(parent.children[i+1:], parent.children[i:])
		parent.children[i] = child
	}
	if user < 0 {
		t.dump(nodes[root], 0, 1, true, true, 0, 0)
	} else {
		dumped := false
		var byUser func(n *ptProc)
		byUser = func(n *ptProc) {
			if n.uid == user {
				if dumped {
					t.out = append(t.out, '\n')
				}
				t.dump(n, 0, 1, true, true, user, 0)
				dumped = true
				return
			}
			for _, c := range n.children {
				byUser(c)
			}
		}
		if n, ok := nodes[1]; ok {
			byUser(n)
		}
		if !dumped {
			p.Stdout.Write(t.out)
			fmt.Fprintln(p.Stderr, "No processes found.")
			return 1
		}
	}
	p.Stdout.Write(t.out)
	if t.tooDeep {
		fmt.Fprintln(p.Stderr, "MAX_DEPTH not big enough.")
		return 1
	}
	return 0
}

// psLeadingDigits is the numeric prefix atoi reads.
func psLeadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// ---- pgrep / pkill (procps 3.2.7) ----

func pgrepUsage(p *Proc, pkill bool) int {
	if pkill {
		fmt.Fprint(p.Stderr, "Usage: pkill [-SIGNAL] [-fvx] ")
	} else {
		fmt.Fprint(p.Stderr, "Usage: pgrep [-flvx] [-d DELIM] ")
	}
	fmt.Fprint(p.Stderr, "[-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST]\n"+
		"\t[-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]\n")
	return 2
}

// psRegexp compiles a POSIX extended regular expression; on failure it
// returns glibc's regerror text.
func psRegexp(pat string, icase bool) (*regexp.Regexp, string) {
	if icase {
		pat = "(?i)" + pat
	}
	re, err := cachedRegexp(pat, rePerl)
	if err == nil {
		return re, ""
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		switch se.Code {
		case syntax.ErrMissingBracket:
			return nil, "Unmatched [ or [^"
		case syntax.ErrMissingParen:
			return nil, "Unmatched ( or \\("
		case syntax.ErrUnexpectedParen:
			return nil, "Unmatched ) or \\)"
		case syntax.ErrMissingRepeatArgument:
			return nil, "Invalid preceding regular expression"
		case syntax.ErrTrailingBackslash:
			return nil, "Trailing backslash"
		case syntax.ErrInvalidCharRange:
			return nil, "Invalid range end"
		case syntax.ErrInvalidRepeatSize:
			return nil, "Invalid content of \\{\\}"
		}
	}
	return nil, "Invalid regular expression"
}

func pgrepMain(p *Proc) int {
	pkill := strings.Contains(p.Name(), "pkill")
	prog := "pgrep"
	if pkill {
		prog = "pkill"
	}
	args := p.Args[1:]
	sig := proc.SIGTERM
	if pkill && len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' {
		if s, ok := proc.SignalByName(args[0][1:]); ok {
			sig = s
			args = args[1:]
		}
	}
	short := "LF:fnovxP:g:s:u:U:G:t:V"
	if !pkill {
		short = "ld:" + short
	}
	opts, operands, err := Getopt(args, short, nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", prog, err)
		return pgrepUsage(p, pkill)
	}
	var (
		full, long, newest, oldest, negate, exact bool
		delim                                     = "\n"
		ppids, pgrps, sids, euids, ruids, rgids   []int
		hasPPID, hasPgrp, hasSid, hasEUID         bool
		hasRUID, hasRGID, hasTerm                 bool
		terms                                     []string
		criteria                                  int
		caller                                    = psCallerOf(p)
	)
	rows, by := psRows(p.Sys.Procs.List())
	self := by(caller.pid)
	conv := func(arg string, f func(string) (int, bool)) ([]int, bool) {
		var out []int
		for _, s := range strings.Split(arg, ",") {
			n, ok := f(s)
			if !ok {
				return nil, false
			}
			out = append(out, n)
		}
		return out, true
	}
	num := func(s string) (int, bool) {
		t := strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
		if t == "" && s != "" || strings.Trim(t, "0123456789") != "" {
			fmt.Fprintf(p.Stderr, "%s: not a number: %s\n", prog, s)
			return 0, false
		}
		n, _ := strconv.Atoi(t)
		if strings.HasPrefix(s, "-") {
			n = -n
		}
		return n, true
	}
	for _, o := range opts {
		ok := true
		switch o.Name {
		case "l":
			long = true
		case "d":
			delim = o.Arg
		case "f":
			full = true
		case "n":
			if oldest || negate || newest {
				return pgrepUsage(p, pkill)
			}
			newest = true
			criteria++
		case "o":
			if oldest || negate || newest {
				return pgrepUsage(p, pkill)
			}
			oldest = true
			criteria++
		case "v":
			if oldest || newest {
				return pgrepUsage(p, pkill)
			}
			negate = true
		case "x":
			exact = true
		case "V":
			fmt.Fprintf(p.Stdout, "%s (%s)\n", prog, psVersion)
			return 0
		case "L", "F":
			fmt.Fprintf(p.Stderr, "%s: pidfile not valid\n", prog)
			return pgrepUsage(p, pkill)
		case "P":
			ppids, ok = conv(o.Arg, num)
			hasPPID = true
			criteria++
		case "g":
			pgrps, ok = conv(o.Arg, func(s string) (int, bool) {
				n, ok := num(s)
				if ok && n == 0 && self != nil {
					n = self.pgid
				}
				return n, ok
			})
			hasPgrp = true
			criteria++
		case "s":
			sids, ok = conv(o.Arg, func(s string) (int, bool) {
				n, ok := num(s)
				if ok && n == 0 && self != nil {
					n = self.sid
				}
				return n, ok
			})
			hasSid = true
			criteria++
		case "u", "U":
			ids, good := conv(o.Arg, func(s string) (int, bool) {
				if n, ok := psNum(s); ok {
					return n, true
				}
				a, ok := SharedPasswd(p.Sys).Lookup(s)
				if !ok || a.Name != s {
					fmt.Fprintf(p.Stderr, "%s: invalid user name: %s\n", prog, s)
					return 0, false
				}
				return a.ID, true
			})
			ok = good
			if o.Name == "u" {
				euids, hasEUID = ids, true
			} else {
				ruids, hasRUID = ids, true
			}
			criteria++
		case "G":
			rgids, ok = conv(o.Arg, func(s string) (int, bool) {
				if n, ok := psNum(s); ok {
					return n, true
				}
				a, ok := sharedGroup(p.Sys).Lookup(s)
				if !ok || a.Name != s {
					fmt.Fprintf(p.Stderr, "%s: invalid group name: %s\n", prog, s)
					return 0, false
				}
				return a.ID, true
			})
			hasRGID = true
			criteria++
		case "t":
			terms = strings.Split(o.Arg, ",")
			hasTerm = true
			criteria++
		}
		if !ok {
			return 2
		}
	}
	var pattern string
	switch {
	case len(operands) == 1:
		pattern = operands[0]
	case len(operands) > 1:
		return pgrepUsage(p, pkill)
	case criteria == 0:
		fmt.Fprintf(p.Stderr, "%s: No matching criteria specified\n", prog)
		return pgrepUsage(p, pkill)
	}
	var re *regexp.Regexp
	if len(operands) == 1 {
		pat := pattern
		if exact {
			pat = "^(" + pat + ")$"
		}
		var msg string
		if re, msg = psRegexp(pat, false); re == nil {
			fmt.Fprint(p.Stderr, msg)
			return 2
		}
	}
	in := func(v int, list []int) bool {
		for _, n := range list {
			if n == v {
				return true
			}
		}
		return false
	}
	var matches []*psRow
	var cmds []string
	for _, w := range rows {
		if w.PID == caller.pid {
			continue
		}
		match := true
		switch {
		case hasPPID && !in(w.PPID, ppids), hasPgrp && !in(w.pgid, pgrps),
			hasEUID && !in(w.UID, euids), hasRUID && !in(w.UID, ruids),
			hasRGID && !in(w.GID, rgids), hasSid && !in(w.sid, sids):
			match = false
		case hasTerm:
			match = false
			for _, term := range terms {
				if w.TTY != "" && w.TTY == term {
					match = true
				}
			}
		}
		cmd := w.Comm
		if full && !w.Kernel && w.State != 'Z' && len(w.Args) > 0 {
			cmd = strings.Join(w.Args, " ")
		}
		if match && re != nil && !re.MatchString(cmd) {
			match = false
		}
		if match == negate {
			continue
		}
		if newest || oldest {
			if len(matches) > 0 {
				m := matches[0]
				c := w.Start.Compare(m.Start)
				if newest && (c < 0 || c == 0 && w.PID < m.PID) || oldest && (c > 0 || c == 0 && w.PID > m.PID) {
					continue
				}
			}
			matches, cmds = matches[:0], cmds[:0]
		}
		matches = append(matches, w)
		cmds = append(cmds, cmd)
	}
	if pkill {
		for _, w := range matches {
			err := psSignal(p.Sys, caller.uid, w.PID, sig)
			if err != nil && !errors.Is(err, syscall.ESRCH) {
				fmt.Fprintf(p.Stderr, "pkill: %d - %s\n", w.PID, Strerror(err))
			}
		}
	} else {
		var b strings.Builder
		for i, w := range matches {
			if long {
				b.WriteString(strconv.Itoa(w.PID) + " " + cmds[i])
			} else {
				b.WriteString(strconv.Itoa(w.PID))
			}
			if i+1 == len(matches) {
				b.WriteString("\n")
			} else {
				b.WriteString(delim)
			}
		}
		fmt.Fprint(p.Stdout, b.String())
	}
	if len(matches) == 0 {
		return 1
	}
	return 0
}

// psNum parses a plain (optionally signed) decimal number.
func psNum(s string) (int, bool) {
	t := strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if t == "" || strings.Trim(t, "0123456789") != "" {
		return 0, false
	}
	n, _ := strconv.Atoi(t)
	if strings.HasPrefix(s, "-") {
		n = -n
	}
	return n, true
}

// ---- pidof (sysvinit 2.86) ----

func pidofMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "hco:sx", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprintf(p.Stderr, "%s: invalid options on command line!\n", p.Name())
		return 1
	}
	caller := psCallerOf(p)
	single, scripts := false, false
	var omit []int
	for _, o := range opts {
		switch o.Name {
		case "s":
			single = true
		case "x":
			scripts = true
		case "o":
			for _, s := range strings.Split(o.Arg, ",") {
				if s == "%PPID" {
					omit = append(omit, caller.ppid)
					continue
				}
				n, _ := strconv.Atoi(psLeadingDigits(s))
				if n < 1 {
					fmt.Fprintf(p.Stderr, "%s: illegal omit pid value (%s)!\n", p.Name(), o.Arg)
					return 1
				}
				omit = append(omit, n)
			}
		}
	}
	list := p.Sys.Procs.List()
	var found []string
	for _, prog := range operands {
		base := prog[strings.LastIndexByte(prog, '/')+1:]
		for i := len(list) - 1; i >= 0; i-- {
			pr := list[i]
			if pr.PID == caller.pid || pr.Kernel || pr.State == 'Z' || len(pr.Args) == 0 {
				continue
			}
			argv0 := pr.Args[0]
			ok := argv0 == prog || argv0[strings.LastIndexByte(argv0, '/')+1:] == base ||
				(strings.Contains(prog, "/") && pr.Exe == prog) || pr.Comm == psTrunc(base, 15)
			if !ok && scripts && len(pr.Args) > 1 {
				// A script's process has the script's name as its comm and
				// the script as argv[1] (/bin/bash /etc/init.d/crond).
				a1 := pr.Args[1]
				a1base := a1[strings.LastIndexByte(a1, '/')+1:]
				ok = (a1 == prog || a1base == base) && pr.Comm == psTrunc(a1base, 15)
			}
			if !ok {
				continue
			}
			skip := false
			for _, o := range omit {
				if o == pr.PID {
					skip = true
				}
			}
			if skip {
				continue
			}
			found = append(found, strconv.Itoa(pr.PID))
			if single {
				break
			}
		}
	}
	if len(found) == 0 {
		return 1
	}
	fmt.Fprintln(p.Stdout, strings.Join(found, " "))
	return 0
}

func psTrunc(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// ---- kill: bash 3.2's builtin, and procps' /bin/kill ----

// bashSignalName is a signal's name as bash 3.2 lists it ("SIGHUP"); ""
// for numbers bash has no name for.
func bashSignalName(s proc.Signal) string {
	if s == 0 {
		return "EXIT"
	}
	if !s.Named() {
		return ""
	}
	return "SIG" + s.Name()
}

// bashDecodeSignal is bash's decode_signal: a number below NSIG, or a name
// with or without SIG, in any case.
func bashDecodeSignal(s string) (proc.Signal, bool) {
	if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
		if n >= 0 && n < proc.NSIG {
			return proc.Signal(n), true
		}
		return 0, false
	}
	if strings.EqualFold(s, "EXIT") || strings.EqualFold(s, "SIGEXIT") {
		return 0, true
	}
	for _, sig := range proc.Signals() {
		n := bashSignalName(sig)
		if strings.EqualFold(s, n) || strings.EqualFold(s, n[3:]) {
			return sig, true
		}
	}
	return 0, false
}

const killBashUsage = "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n"

func killMain(p *Proc) int {
	if p.Args[0] != "kill" && !(p.PID != 0 && p.PID == p.PPID) {
		return procpsKill(p)
	}
	errf := func(format string, a ...any) {
		fmt.Fprintf(p.Stderr, "-bash: kill: "+format+"\n", a...)
	}
	args := p.Args[1:]
	if len(args) == 0 {
		fmt.Fprint(p.Stderr, killBashUsage)
		return 1
	}
	sig, sigspec := proc.SIGTERM, "TERM"
	valid := true
	listing, sawSignal := false, false
	i := 0
loop:
	for ; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "-l":
			listing = true
		case w == "-s" || w == "-n":
			if i+1 >= len(args) {
				errf("%s: option requires an argument", w)
				return 1
			}
			i++
			sigspec = args[i]
			sig, valid = bashDecodeSignal(sigspec)
		case w == "--":
			i++
			break loop
		case w == "-?":
			fmt.Fprint(p.Stderr, killBashUsage)
			return 0
		case strings.HasPrefix(w, "-") && !sawSignal:
			sigspec = w[1:]
			sig, valid = bashDecodeSignal(sigspec)
			sawSignal = true
		default:
			break loop
		}
	}
	rest := args[i:]
	if listing {
		return bashListSignals(p, rest, errf)
	}
	if !valid {
		errf("%s: invalid signal specification", sigspec)
		return 1
	}
	if len(rest) == 0 {
		fmt.Fprint(p.Stderr, killBashUsage)
		return 1
	}
	caller := psCallerOf(p)
	shell := caller.pid
	if !(p.PID != 0 && p.PID == p.PPID) {
		shell = caller.ppid
	}
	sent := false
	for _, w := range rest {
		word := strings.TrimPrefix(w, "-")
		pid, err := strconv.Atoi(strings.TrimSpace(w))
		switch {
		case word != "" && err == nil:
			if err := psKillPID(p.Sys, caller.uid, shell, pid, sig); err != nil {
				if errors.Is(err, syscall.EINVAL) {
					errf("%s: invalid signal specification", sigspec)
				} else {
					errf("(%d) - %s", pid, Strerror(err))
				}
				continue
			}
			sent = true
		case w != "" && w[0] != '%':
			errf("%s: arguments must be process or job IDs", w)
		default:
			job, ok := jobOf(p, w)
			if !ok {
				errf("%s: no such job", w)
				continue
			}
			if err := psKillPID(p.Sys, caller.uid, shell, job.PID, sig); err != nil {
				errf("(%d) - %s", job.PID, Strerror(err))
				continue
			}
			if sig != proc.SIGKILL && sig != proc.SIGSTOP {
				// A stopped job gets CONT with the signal, as bash sends it.
				p.Sys.Procs.Signal(job.PID, proc.SIGCONT)
			}
			sent = true
		}
	}
	if sent {
		return 0
	}
	return 1
}

// psKillPID is kill(2): pid > 0 one process, 0 the caller's process group,
// -1 every process the caller may signal but init and itself, < -1 the
// process group -pid.
func psKillPID(k *kernel.Kernel, uid, self, pid int, sig proc.Signal) error {
	if pid > 0 {
		return psSignal(k, uid, pid, sig)
	}
	if !sig.Valid() {
		return syscall.EINVAL
	}
	rows, by := psRows(k.Procs.List())
	group := -pid
	if pid == 0 {
		group = 0
		if me := by(self); me != nil {
			group = me.pgid
		}
	}
	var err error = syscall.ESRCH
	sent := false
	for _, w := range rows {
		switch {
		case pid == -1 && (w.PID == 1 || w.PID == self || w.Kernel):
			continue
		case pid != -1 && w.pgid != group:
			continue
		}
		if e := psSignal(k, uid, w.PID, sig); e == nil {
			sent = true
		} else if !sent {
			err = e
		}
	}
	if sent {
		return nil
	}
	return err
}

// bashListSignals is bash's display_signal_list for kill -l.
func bashListSignals(p *Proc, list []string, errf func(string, ...any)) int {
	if len(list) == 0 {
		var b strings.Builder
		col := 0
		for _, s := range proc.Signals() {
			fmt.Fprintf(&b, "%2d) %s", int(s), bashSignalName(s))
			col++
			if col < 4 {
				b.WriteByte('\t')
			} else {
				b.WriteByte('\n')
				col = 0
			}
		}
		if col != 0 {
			b.WriteByte('\n')
		}
		fmt.Fprint(p.Stdout, b.String())
		return 0
	}
	status := 0
	for _, w := range list {
		if n, err := strconv.ParseInt(strings.TrimSpace(w), 10, 64); err == nil {
			if n > 128 {
				n -= 128
			}
			if n < 0 || n >= proc.NSIG {
				errf("%s: invalid signal specification", w)
				status = 1
				continue
			}
			if name := bashSignalName(proc.Signal(n)); name != "" {
				fmt.Fprintln(p.Stdout, name[3:])
			}
			continue
		}
		sig, ok := bashDecodeSignal(w)
		if !ok {
			errf("%s: invalid signal specification", w)
			status = 1
			continue
		}
		fmt.Fprintln(p.Stdout, int(sig))
	}
	return status
}

const procpsKillUsage = `Usage:
  kill pid ...              Send SIGTERM to every process listed.
  kill signal pid ...       Send a signal to every process listed.
  kill -s signal pid ...    Send a signal to every process listed.
  kill -l                   List all signal names.
  kill -L                   List all signal names in a nice table.
  kill -l signal            Convert between signal numbers and names.
`

// procpsSigName is procps' signal_number_to_name (POLL for 29).
func procpsSigName(s proc.Signal) string {
	switch {
	case s == proc.SIGIO:
		return "POLL"
	case s == 0:
		return "0"
	case s.Named():
		return s.Name()
	}
	return strconv.Itoa(int(s))
}

// procpsKill is procps 3.2.7's kill, run as /bin/kill.
func procpsKill(p *Proc) int {
	args := p.Args[1:]
	usage := func() int {
		fmt.Fprint(p.Stderr, procpsKillUsage)
		return 1
	}
	if len(args) == 0 {
		return usage()
	}
	if args[0] == "-V" || args[0] == "--version" {
		fmt.Fprintf(p.Stdout, "kill (%s)\n", psVersion)
		return 0
	}
	sig := proc.SIGTERM
	switch a := args[0]; {
	case a == "" || a[0] != '-':
	case a == "-l":
		if len(args) == 1 {
			var b strings.Builder
			pos := 0
			for s := proc.Signal(1); s <= proc.SIGSYS; s++ {
				if s > 1 {
					if pos > 73 {
						b.WriteByte('\n')
						pos = 0
					} else {
						b.WriteByte(' ')
						pos++
					}
				}
				n := procpsSigName(s)
				b.WriteString(n)
				pos += len(n)
			}
			b.WriteByte('\n')
			fmt.Fprint(p.Stdout, b.String())
			return 0
		}
		if len(args) > 128 || strings.HasPrefix(args[1], "-") {
			return usage()
		}
		return procpsGivenSignals(p, args[1:])
	case a == "-L":
		if len(args) != 1 {
			return usage()
		}
		var b strings.Builder
		i := proc.Signal(1)
		for ; i <= proc.SIGSYS; i++ {
			cell := fmt.Sprintf("%2d %s", int(i), procpsSigName(i))
			b.WriteString(cell)
			if i%7 != 0 {
				b.WriteString(strings.Repeat(" ", max(11-len(cell), 0)))
			} else {
				b.WriteByte('\n')
			}
		}
		if (i-1)%7 != 0 {
			b.WriteByte('\n')
		}
		fmt.Fprint(p.Stdout, b.String())
		return 0
	case a == "--":
		args = args[1:]
	case strings.HasPrefix(a, "--"):
		return usage()
	default:
		var spec string
		if a == "-s" || a == "-n" {
			if len(args) < 2 {
				return usage()
			}
			spec, args = args[1], args[2:]
		} else {
			spec, args = a[1:], args[1:]
		}
		s, ok := proc.SignalByName(spec)
		if !ok {
			fmt.Fprintf(p.Stderr, "ERROR: unknown signal name \"%s\".\n", spec)
			return usage()
		}
		sig = s
	}
	if len(args) == 0 {
		return usage()
	}
	caller := psCallerOf(p)
	status := 0
	for i := len(args) - 1; i >= 0; i-- {
		pid, err := strconv.Atoi(args[i])
		if err != nil && args[i] != "" {
			fmt.Fprintf(p.Stderr, "ERROR: garbage process ID \"%s\".\n", args[i])
			return usage()
		}
		if err := psKillPID(p.Sys, caller.uid, caller.pid, pid, sig); err != nil {
			status = 1
		}
	}
	return status
}

// procpsGivenSignals converts between signal names and numbers (kill -l
// SIGNAL...), joined on lines of up to 80 characters.
func procpsGivenSignals(p *Proc, list []string) int {
	var lines []string
	line := ""
	for _, txt := range list {
		var s string
		if txt[0] >= '0' && txt[0] <= '9' {
			n, err := strconv.Atoi(txt)
			if err != nil {
				fmt.Fprintf(p.Stderr, "Signal \"%s\" not known.\n", txt)
				return 1
			}
			s = procpsSigName(proc.Signal(n))
		} else {
			sig, ok := proc.SignalByName(txt)
			if !ok {
				fmt.Fprintf(p.Stderr, "Signal \"%s\" not known.\n", txt)
				return 1
			}
			s = strconv.Itoa(int(sig))
		}
		switch {
		case line == "":
			line = s
		case len(s)+len(line)+1 > 80:
			lines = append(lines, line)
			line = s
		default:
			line += " " + s
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for _, l := range lines {
		fmt.Fprintln(p.Stdout, l)
	}
	return 0
}

// ---- killall (psmisc 22.2) ----

const killallUsage = `Usage: killall [-Z CONTEXT] [-u USER] [ -eIgiqrvw ] [ -SIGNAL ] NAME...
       killall -l, --list
       killall -V, --version

  -e,--exact          require exact match for very long names
  -I,--ignore-case    case insensitive process name match
  -g,--process-group  kill process group instead of process
  -i,--interactive    ask for confirmation before killing
  -l,--list           list all known signal names
  -q,--quiet          don't print complaints
  -r,--regexp         interpret NAME as an extended regular expression
  -s,--signal SIGNAL  send this signal instead of SIGTERM
  -u,--user USER      kill only process(es) running as USER
  -v,--verbose        report if the signal was successfully sent
  -V,--version        display version information
  -w,--wait           wait for processes to die
  -Z,--context REGEXP kill only process(es) having context
                      (must precede other arguments)

`

// psmiscSignals are psmisc's signal names, in its order.
var psmiscSignals = []struct {
	name string
	num  proc.Signal
}{
	{"HUP", 1}, {"INT", 2}, {"QUIT", 3}, {"ILL", 4}, {"TRAP", 5}, {"ABRT", 6}, {"IOT", 6}, {"BUS", 7},
	{"FPE", 8}, {"KILL", 9}, {"USR1", 10}, {"SEGV", 11}, {"USR2", 12}, {"PIPE", 13}, {"ALRM", 14},
	{"TERM", 15}, {"STKFLT", 16}, {"CHLD", 17}, {"CONT", 18}, {"STOP", 19}, {"TSTP", 20}, {"TTIN", 21},
	{"TTOU", 22}, {"URG", 23}, {"XCPU", 24}, {"XFSZ", 25}, {"VTALRM", 26}, {"PROF", 27}, {"WINCH", 28},
	{"IO", 29}, {"PWR", 30}, {"SYS", 31}, {"UNUSED", 31},
}

// psmiscSignal is psmisc's get_signal: a number, or a name (SIG prefix
// allowed) from its table, upper case.
func psmiscSignal(p *Proc, name string) (proc.Signal, bool) {
	if name != "" && name[0] >= '0' && name[0] <= '9' {
		n, _ := strconv.Atoi(psLeadingDigits(name))
		return proc.Signal(n), true
	}
	n := strings.TrimPrefix(name, "SIG")
	for _, s := range psmiscSignals {
		if s.name == n {
			return s.num, true
		}
	}
	fmt.Fprintf(p.Stderr, "%s: unknown signal; killall -l lists signals.\n", name)
	return 0, false
}

// killallIsSignal tells a signal argument (-HUP, -9, -SIGTERM) from the
// upper-case options -I, -V and -Z, as psmisc's getopt fallback does.
func killallIsSignal(s string) bool {
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		return true
	case c < 'A' || c > 'Z':
		return false
	case c != 'I' && c != 'V' && c != 'Z':
		return true
	}
	n := strings.TrimPrefix(s, "SIG")
	for _, sig := range psmiscSignals {
		if sig.name == n {
			return true
		}
	}
	return false
}

func killallMain(p *Proc) int {
	usage := func() int {
		p.Stderr.Write([]byte(killallUsage))
		return 1
	}
	sig := proc.SIGTERM
	var args []string
	for i, a := range p.Args[1:] {
		if a == "--" {
			args = append(args, p.Args[1+i:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && killallIsSignal(a[1:]) {
			s, ok := psmiscSignal(p, a[1:])
			if !ok {
				return 1
			}
			sig = s
			continue
		}
		args = append(args, a)
	}
	opts, names, err := Getopt(args, "egilqrs:u:vwZ:VI", []LongOpt{
		{"exact", NoArg, 'e'}, {"ignore-case", NoArg, 'I'}, {"process-group", NoArg, 'g'},
		{"interactive", NoArg, 'i'}, {"list", NoArg, 'l'}, {"quiet", NoArg, 'q'}, {"regexp", NoArg, 'r'},
		{"signal", RequiredArg, 's'}, {"user", RequiredArg, 'u'}, {"verbose", NoArg, 'v'},
		{"version", NoArg, 'V'}, {"wait", NoArg, 'w'}, {"context", RequiredArg, 'Z'},
	})
	if err != nil {
		return usage()
	}
	var exact, icase, group, interactive, quiet, useRE, verbose bool
	uid := -1
	for _, o := range opts {
		switch o.Name {
		case "e":
			exact = true
		case "I":
			icase = true
		case "g":
			group = true
		case "i":
			interactive = true
		case "l":
			col := 0
			var b strings.Builder
			for _, s := range psmiscSignals {
				if col+len(s.name)+1 > 80 {
					b.WriteByte('\n')
					col = 0
				}
				if col > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s.name)
				col += len(s.name) + 1
			}
			b.WriteByte('\n')
			fmt.Fprint(p.Stdout, b.String())
			return 0
		case "q":
			quiet = true
		case "r":
			useRE = true
		case "s":
			s, ok := psmiscSignal(p, o.Arg)
			if !ok {
				return 1
			}
			sig = s
		case "u":
			a, ok := SharedPasswd(p.Sys).Lookup(o.Arg)
			if !ok || a.Name != o.Arg {
				fmt.Fprintf(p.Stderr, "Cannot find user %s\n", o.Arg)
				return 1
			}
			uid = a.ID
		case "v":
			verbose = true
		case "V":
			fmt.Fprint(p.Stderr, "killall (PSmisc) 22.2\n"+psmiscWarranty)
			return 0
		case "w", "Z":
		}
	}
	if len(names) == 0 {
		return usage()
	}
	res := make([]*regexp.Regexp, len(names))
	if useRE {
		for i, n := range names {
			re, msg := psRegexp(n, icase)
			if re == nil {
				fmt.Fprintf(p.Stderr, "Bad regular expression: %s\n", msg)
				return 1
			}
			res[i] = re
		}
	}
	caller := psCallerOf(p)
	rows, _ := psRows(p.Sys.Procs.List())
	found := make([]bool, len(names))
	var in *bufio.Reader
	for _, w := range rows {
		if w.PID == caller.pid || uid >= 0 && w.UID != uid {
			continue
		}
		comm := psTrunc(w.Comm, 15)
		command := ""
		if !w.Kernel && len(w.Args) > 0 {
			command = w.Args[0][strings.LastIndexByte(w.Args[0], '/')+1:]
		}
		long := len(w.Comm) >= 15 && command != ""
		for j, name := range names {
			eq := func(a, b string) bool {
				if icase {
					return strings.EqualFold(a, b)
				}
				return a == b
			}
			switch {
			case useRE:
				subject := comm
				if long {
					subject = command
				}
				if !res[j].MatchString(subject) {
					continue
				}
			case strings.Contains(name, "/"):
				if w.Exe != name {
					continue
				}
			case len(comm) != 15 || len(name) < 15:
				if !eq(name, comm) {
					continue
				}
			case long:
				if !eq(name, command) {
					continue
				}
			default:
				if exact || !eq(psTrunc(name, 15), comm) {
					continue
				}
			}
			found[j] = true
			id := w.PID
			shown := comm
			if long {
				shown = command
			}
			pg := ""
			if group {
				id, pg = w.pgid, "pgid "
			}
			if interactive {
				fmt.Fprintf(p.Stderr, "Kill %s(%s%d) ? (y/N) ", shown, pg, id)
				if in == nil {
					in = bufio.NewReader(p.Stdin)
				}
				line, _ := in.ReadString('\n')
				if line == "" || (line[0] != 'y' && line[0] != 'Y') {
					continue
				}
			}
			target := id
			if group {
				target = -id
			}
			err := psKillPID(p.Sys, caller.uid, caller.pid, target, sig)
			if err == nil {
				if verbose {
					fmt.Fprintf(p.Stderr, "Killed %s(%s%d) with signal %d\n", shown, pg, id, int(sig))
				}
				continue
			}
			if !errors.Is(err, syscall.ESRCH) || interactive {
				fmt.Fprintf(p.Stderr, "%s(%d): %s\n", shown, id, Strerror(err))
			}
		}
	}
	status := 0
	for j, name := range names {
		if !found[j] {
			if !quiet {
				fmt.Fprintf(p.Stderr, "%s: no process killed\n", name)
			}
			status = 1
		}
	}
	return status
}

// ---- free (procps 3.2.7) ----

const freeHelp = `usage: free [-b|-k|-m|-g] [-l] [-o] [-t] [-s delay] [-c count] [-V]
  -b,-k,-m,-g show output in bytes, KB, MB, or GB
  -l show detailed low and high memory statistics
  -o use old format (no -/+buffers/cache line)
  -t display total for RAM + swap
  -s update every [delay] seconds
  -c update [count] times
  -V display version information and exit
`

func freeMain(p *Proc) int {
	opts, _, err := Getopt(p.Args[1:], "bkmglotc:s:V", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprint(p.Stderr, freeHelp)
		return 1
	}
	shift := uint(10)
	var high, old, total bool
	count, repeat := 1, false
	for _, o := range opts {
		switch o.Name {
		case "b":
			shift = 0
		case "k":
			shift = 10
		case "m":
			shift = 20
		case "g":
			shift = 30
		case "l":
			high = true
		case "o":
			old = true
		case "t":
			total = true
		case "s":
			repeat = true
		case "c":
			n, err := strconv.ParseUint(o.Arg, 10, 32)
			if err != nil || n < 1 {
				fmt.Fprint(p.Stderr, freeHelp)
				return 1
			}
			count, repeat = int(n), true
		case "V":
			fmt.Fprintln(p.Stdout, psVersion)
			return 0
		}
	}
	s := func(kib int) uint64 { return uint64(kib) << 10 >> shift }
	var b strings.Builder
	for i := 0; i < count && !p.Canceled(); i++ {
		m := psMem(p.Sys)
		b.WriteString("             total       used       free     shared    buffers     cached\n")
		fmt.Fprintf(&b, "%-7s %10d %10d %10d %10d %10d %10d\n", "Mem:",
			s(m.total), s(m.used), s(m.free), s(m.shared), s(m.buffers), s(m.cached))
		if high {
			fmt.Fprintf(&b, "%-7s %10d %10d %10d\n", "Low:", s(m.total), s(m.used), s(m.free))
			fmt.Fprintf(&b, "%-7s %10d %10d %10d\n", "High:", 0, 0, 0)
		}
		if !old {
			bc := m.buffers + m.cached
			fmt.Fprintf(&b, "-/+ buffers/cache: %10d %10d\n", s(m.used-bc), s(m.free+bc))
		}
		fmt.Fprintf(&b, "%-7s %10d %10d %10d\n", "Swap:", s(m.swapTotal), s(m.swapUsed), s(m.swapFree))
		if total {
			fmt.Fprintf(&b, "%-7s %10d %10d %10d\n", "Total:",
				s(m.total+m.swapTotal), s(m.used+m.swapUsed), s(m.free+m.swapFree))
		}
		if repeat {
			b.WriteByte('\n')
		}
	}
	fmt.Fprint(p.Stdout, b.String())
	return 0
}

// ---- uptime (procps 3.2.7) ----

func uptimeMain(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 1 && (args[0] == "-V" || args[0] == "--version") {
		fmt.Fprintln(p.Stdout, psVersion)
		return 0
	}
	if len(args) != 0 {
		fmt.Fprint(p.Stderr, "usage: uptime [-V]\n    -V    display version\n")
		return 1
	}
	fmt.Fprintln(p.Stdout, psUptime(p.Sys))
	return 0
}

// ---- top (procps 3.2.7), batch snapshots ----

const topUsage = " -hv | -bcisSH -d delay -n iterations [-u user | -U user] -p pid [,pid ...]\n"

// topOpts is top's command line.
type topOpts struct {
	batch, cmdline, idleOff bool
	iterations              int // -1 when -n is not given
	pids                    []int
	user                    int // -1 for any
	anyUser                 bool
	delay                   time.Duration
}

// topParse reads top's options; done is set when top ends at once (help,
// version, a bad option) with status st.
func topParse(p *Proc) (o topOpts, st int, done bool) {
	bad := func(format string, a ...any) (topOpts, int, bool) {
		fmt.Fprintf(p.Stderr, "top: "+format+"\nusage:\ttop"+topUsage, a...)
		return o, 1, true
	}
	o.iterations, o.user, o.delay = -1, -1, 3*time.Second
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := strings.TrimPrefix(args[i], "-")
		for j := 0; j < len(a); j++ {
			c := a[j]
			val := func() (string, bool) {
				if j+1 < len(a) {
					v := a[j+1:]
					j = len(a)
					return v, true
				}
				if i+1 < len(args) {
					i++
					j = len(a)
					return args[i], true
				}
				return "", false
			}
			switch c {
			case 'b':
				o.batch = true
			case 'c':
				o.cmdline = !o.cmdline
			case 'i':
				o.idleOff = !o.idleOff
			case 's', 'S', 'H':
			case 'h', 'v', 'V':
				fmt.Fprintf(p.Stdout, "\ttop: %s\nusage:\ttop%s", psVersion, topUsage)
				return o, 0, true
			case 'd':
				v, ok := val()
				if !ok {
					return bad("-d requires argument")
				}
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || f < 0 {
					return bad("bad delay interval '%s'", v)
				}
				o.delay = time.Duration(f * float64(time.Second))
			case 'n':
				v, ok := val()
				if !ok {
					return bad("-n requires argument")
				}
				n, err := strconv.Atoi(v)
				if err != nil || n <= 0 {
					return bad("bad iterations argument '%s'", v)
				}
				o.iterations = n
			case 'p':
				v, ok := val()
				if !ok {
					return bad("-p argument missing")
				}
				for _, f := range strings.Split(v, ",") {
					n, err := strconv.Atoi(f)
					if err != nil || n <= 0 {
						return bad("bad pid '%s'", f)
					}
					o.pids = append(o.pids, n)
				}
			case 'u', 'U':
				v, ok := val()
				if !ok {
					return bad("-%c requires argument", c)
				}
				acc, found := SharedPasswd(p.Sys).Lookup(v)
				if !found {
					return bad("Invalid user")
				}
				o.user, o.anyUser = acc.ID, c == 'U'
			default:
				return bad("unknown argument '%c'", c)
			}
		}
	}
	return o, 0, false
}

func topMain(p *Proc) int {
	o, st, done := topParse(p)
	if done {
		return st
	}
	// At the rclab app's console top runs live, on its own page.
	if !o.batch && o.iterations < 0 && p.StdinTty && screenReady(p) {
		if st, ok := openScreen(p, kernel.Screen{Delay: o.delay}); ok {
			return st
		}
	}
	if !o.batch && !p.StdinTty && !p.Tty {
		fmt.Fprintln(p.Stderr, "top: failed tty get")
		return 1
	}
	if o.iterations < 0 {
		o.iterations = 1
	}
	caller := psCallerOf(p)
	exit := psSpawnSelf(p, &caller, "top", "/usr/bin/top", 2324, 1064)
	defer exit()
	users := psIDMap(SharedPasswd(p.Sys))
	var b strings.Builder
	for it := 0; it < o.iterations && !p.Canceled(); it++ {
		topFrame(p.Sys, &b, users, &o, 80, -1, nil)
	}
	fmt.Fprint(p.Stdout, b.String())
	return 0
}

// TopLive is the screen of the top started with argv at the console tty
// (its pid, its shell's ppid) on a cols×rows terminal: the summary, the
// message line, the column header (padded to the width, for reverse
// video) and as many processes as fit, top itself among them. It changes
// nothing.
func TopLive(k *kernel.Kernel, argv []string, pid, ppid int, tty string, cols, rows int) string {
	if len(argv) == 0 {
		argv = []string{"top"}
	}
	p := &Proc{Sys: k, Args: argv, Stdout: io.Discard, Stderr: io.Discard}
	o, _, _ := topParse(p)
	var self *proc.Process
	if pid != 0 {
		// top keeps a little of the CPU busy (0.3%), so it lists itself
		// near the top, running.
		up := k.Clock.Now().Sub(k.Boot())
		cpu := max(up*3/1000, 10*time.Millisecond)
		if live, ok := k.Procs.Get(pid); ok {
			live.State, live.CPU = 'R', max(live.CPU, cpu)
			self = &live
		} else {
			uid, gid := 0, 0
			if sh, ok := k.Procs.Get(ppid); ok {
				uid, gid = sh.UID, sh.GID
			}
			self = &proc.Process{PID: pid, PPID: ppid, UID: uid, GID: gid, TTY: tty, State: 'R', Foreground: true,
				Comm: "top", Args: argv, Exe: "/usr/bin/top", VSZ: 2324, RSS: 1064, Start: k.Clock.Now(), CPU: cpu}
		}
	}
	var b strings.Builder
	topFrame(k, &b, psIDMap(SharedPasswd(k)), &o, max(cols, 1), max(rows-7, 0), self)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) > rows {
		lines = lines[:max(rows, 0)]
	}
	for i, l := range lines {
		if len(l) > cols {
			l = l[:max(cols, 0)]
		}
		if i == 6 {
			l += strings.Repeat(" ", max(cols-len(l), 0))
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// topFrame writes one frame of top: process lines are cut to width
// columns, at most maxRows of them (all when negative); self, when set,
// is top's own process as it shows itself, in the table or not.
func topFrame(k *kernel.Kernel, b *strings.Builder, users map[int]string, o *topOpts, width, maxRows int, self *proc.Process) {
	list := k.Procs.List()
	if self != nil {
		list = slices.DeleteFunc(list, func(p proc.Process) bool { return p.PID == self.PID })
		list = append(list, *self)
	}
	up := k.Clock.Now().Sub(k.Boot()).Seconds()
	var run, sleep, stop, zomb int
	var cpu time.Duration
	for _, pr := range list {
		switch pr.State {
		case 'R':
			run++
		case 'T':
			stop++
		case 'Z':
			zomb++
		default:
			sleep++
		}
		cpu += pr.CPU
	}
	busy := 0.0
	if up > 0 {
		busy = min(cpu.Seconds()/up*100, 100)
	}
	us, sy := busy*0.7, busy*0.3
	wa := 0.0
	if up > 0 {
		wa = 0.3
	}
	id := max(100-us-sy-wa, 0)
	m := psMem(k)
	fmt.Fprintf(b, "top -%s\n", psUptime(k))
	fmt.Fprintf(b, "Tasks: %3d total, %3d running, %3d sleeping, %3d stopped, %3d zombie\n",
		len(list), run, sleep, stop, zomb)
	fmt.Fprintf(b, "Cpu(s):%5.1f%%us,%5.1f%%sy,%5.1f%%ni,%5.1f%%id,%5.1f%%wa,%5.1f%%hi,%5.1f%%si,%5.1f%%st\n",
		us, sy, 0.0, id, wa, 0.0, 0.0, 0.0)
	fmt.Fprintf(b, "Mem:  %8dk total, %8dk used, %8dk free, %8dk buffers\n", m.total, m.used, m.free, m.buffers)
	fmt.Fprintf(b, "Swap: %8dk total, %8dk used, %8dk free, %8dk cached\n", m.swapTotal, m.swapUsed, m.swapFree, m.cached)
	b.WriteString("\n  PID USER      PR  NI  VIRT  RES  SHR S %CPU %MEM    TIME+  COMMAND\n")
	type topRow struct {
		p    proc.Process
		pcpu float64
	}
	var rows []topRow
	for _, pr := range list {
		if len(o.pids) > 0 {
			keep := false
			for _, n := range o.pids {
				keep = keep || n == pr.PID
			}
			if !keep {
				continue
			}
		}
		if o.user >= 0 && pr.UID != o.user && !o.anyUser || o.anyUser && pr.UID != o.user {
			continue
		}
		pc := 0.0
		if up > 0 {
			pc = pr.CPU.Seconds() * 100 / up
		}
		if o.idleOff && pr.State != 'R' && pc == 0 {
			continue
		}
		rows = append(rows, topRow{pr, pc})
	}
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j].pcpu > rows[j-1].pcpu; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
	if maxRows >= 0 && len(rows) > maxRows {
		rows = rows[:maxRows]
	}
	for _, r := range rows {
		pr := r.p
		w := &psRow{Process: &pr}
		pri := fmt.Sprintf("%3d", psPriority(w))
		if psRealtime(w) {
			pri = " RT"
		}
		shr := min(pr.RSS, 400+pr.RSS/5)
		if pr.Kernel {
			shr = 0
		}
		name := users[pr.UID]
		if name == "" {
			name = strconv.Itoa(pr.UID)
		}
		cmd := pr.Comm
		if o.cmdline && !pr.Kernel && pr.State != 'Z' && len(pr.Args) > 0 {
			cmd = strings.Join(pr.Args, " ")
		}
		if pr.State == 'Z' {
			cmd += " <defunct>"
		}
		cs := int(pr.CPU / (10 * time.Millisecond))
		tm := fmt.Sprintf("%d:%02d.%02d", cs/6000, cs/100%60, cs%100)
		pcpu := fmt.Sprintf("%4.1f", r.pcpu)
		if r.pcpu >= 99.95 {
			pcpu = fmt.Sprintf("%4d", int(r.pcpu))
		}
		line := fmt.Sprintf("%5d %-8.8s %s %3d %5.5s %4.4s %4.4s %c %s %4.1f %9.9s %s",
			pr.PID, name, pri, pr.Nice, topScale(pr.VSZ, 5), topScale(pr.RSS, 4), topScale(shr, 4),
			pr.State, pcpu, float64(pr.RSS)*100/proc.MemTotalKiB, tm, cmd)
		if len(line) > width {
			line = line[:width]
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
}

// topScale is top's scale_num for a KiB amount in width columns.
func topScale(kib, width int) string {
	s := strconv.Itoa(kib)
	if len(s) <= width {
		return s
	}
	for i, unit := range []string{"m", "g", "t"} {
		v := float64(kib) / float64(uint64(1)<<(10*(i+1)))
		if s = fmt.Sprintf("%.1f%s", v, unit); len(s) <= width {
			return s
		}
		if s = fmt.Sprintf("%d%s", int(v), unit); len(s) <= width {
			return s
		}
	}
	return "?"
}

// jobOf resolves a jobspec (%N, %%, %+, %-, %name) of the caller's
// terminal.
func jobOf(p *Proc, spec string) (kernel.Job, bool) {
	jobs := p.Sys.Jobs(p.TTY)
	if len(jobs) == 0 {
		return kernel.Job{}, false
	}
	rest := strings.TrimPrefix(spec, "%")
	switch rest {
	case "", "%", "+":
		return jobs[len(jobs)-1], true
	case "-":
		if len(jobs) > 1 {
			return jobs[len(jobs)-2], true
		}
		return jobs[0], true
	}
	if n, err := strconv.Atoi(rest); err == nil {
		for _, j := range jobs {
			if j.ID == n {
				return j, true
			}
		}
		return kernel.Job{}, false
	}
	for i := len(jobs) - 1; i >= 0; i-- {
		if strings.HasPrefix(jobs[i].Cmd, rest) {
			return jobs[i], true
		}
	}
	return kernel.Job{}, false
}
