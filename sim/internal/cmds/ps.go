package cmds

// ps as procps 3.2.7 (CentOS 5) prints it: its two-pass SysV/BSD option
// parser, its format and sort specifiers, its column layout (values that
// overflow a column push the rest of the line right until a later column's
// slack absorbs them) and its selection rules. The option parsing is not
// getopt's: ps mixes SysV (-ef), BSD (aux) and GNU (--sort) syntaxes, and
// falls back to BSD parsing with a warning when SysV parsing fails (ps -aux).
//
// Helpers of this family are prefixed with "ps".

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"rclab/sim/internal/proc"
)

func init() {
	Register(Command{Name: "ps", Dirs: []string{"/bin"}, Summary: "report a snapshot of the current processes",
		Usage: "ps [options]", Main: psMain, VSZ: 4556, RSS: 948})
}

const psVersion = "procps version 3.2.7"

const psHelpText = `********* simple selection *********  ********* selection by list *********
-A all processes                      -C by command name
-N negate selection                   -G by real group ID (supports names)
-a all w/ tty except session leaders  -U by real user ID (supports names)
-d all except session leaders         -g by session OR by effective group name
-e all processes                      -p by process ID
T  all processes on this terminal     -s processes in the sessions given
a  all w/ tty, including other users  -t by tty
g  OBSOLETE -- DO NOT USE             -u by effective user ID (supports names)
r  only running processes             U  processes for specified users
x  processes w/o controlling ttys     t  by tty
*********** output format **********  *********** long options ***********
-o,o user-defined  -f full            --Group --User --pid --cols --ppid
-j,j job control   s  signal          --group --user --sid --rows --info
-O,O preloaded -o  v  virtual memory  --cumulative --format --deselect
-l,l long          u  user-oriented   --sort --tty --forest --version
-F   extra full    X  registers       --heading --no-heading --context
                    ********* misc options *********
-V,V  show version      L  list format codes  f  ASCII art forest
-m,m,-L,-T,H  threads   S  children in sum    -y change -l format
-M,Z  security data     c  true command name  -c scheduling class
-w,w  wide output       n  numeric WCHAN,UID  -H process hierarchy
`

// psOutbufSize stands for procps' OUTBUF_SIZE: "unlimited" width.
const psOutbufSize = 2 * 64 * 1024

// ---- the caller: who runs ps, on which terminal ----

// psEnv looks up an exported variable, telling unset from empty.
func psEnv(p *Proc, name string) (string, bool) {
	for i := len(p.Environ) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(p.Environ[i], name+"="); ok {
			return v, true
		}
	}
	return "", false
}

// psCaller describes the process running a program: its terminal, parent
// and effective uid, from the Proc's ids when it runs inside the machine,
// else from RCLAB_TTY and RCLAB_SHELL_PID (a terminal "tty1" and parent 1
// by default).
type psCaller struct {
	self bool // the program already has an entry (PID) in the table
	pid  int
	ppid int
	tty  string
	uid  int
	gid  int
}

func psCallerOf(p *Proc) psCaller {
	c := psCaller{ppid: 1, tty: "tty1", uid: -1}
	t := p.Sys.Procs
	if p.PID != 0 {
		if me, ok := t.Get(p.PID); ok {
			c.self, c.pid, c.uid, c.gid = true, p.PID, me.UID, me.GID
		}
	}
	switch {
	case p.PPID != 0:
		c.ppid = p.PPID
	default:
		if v, ok := psEnv(p, "RCLAB_SHELL_PID"); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				c.ppid = n
			}
		}
	}
	if c.self && p.PID == p.PPID { // a shell builtin runs as the shell itself
		c.ppid = 1
		if sh, ok := t.Get(p.PID); ok {
			c.ppid = sh.PPID
		}
	}
	switch v, ok := psEnv(p, "RCLAB_TTY"); {
	case p.TTY != "":
		c.tty = p.TTY
	case ok:
		c.tty = v
	case p.PID != 0 || p.PPID != 0:
		c.tty = ""
	}
	if c.uid < 0 {
		if parent, ok := t.Get(c.ppid); ok && (p.PPID != 0 || c.ppid != 1) {
			c.uid, c.gid = parent.UID, parent.GID
		} else if a, ok := SharedPasswd(p.Sys).Lookup(p.Getenv("USER")); ok && p.Getenv("USER") != "" {
			c.uid, c.gid = a.ID, a.GID
		} else {
			c.uid, c.gid = 0, 0
		}
	}
	return c
}

// psSpawnSelf enters the running program in the process table (state R,
// in the foreground of its terminal) unless it already has an entry, and
// returns its pid and a function that removes it again.
func psSpawnSelf(p *Proc, c *psCaller, comm, exe string, vsz, rss int) func() {
	if c.self {
		return func() {}
	}
	argv := append([]string{}, p.Args...)
	pid, err := p.Sys.Procs.Spawn(proc.Process{
		PPID: c.ppid, UID: c.uid, GID: c.gid, TTY: c.tty, State: 'R', Foreground: c.tty != "",
		Comm: comm, Args: argv, Exe: exe, VSZ: vsz, RSS: rss, Start: p.Sys.Clock.Now(),
	})
	if err != nil {
		return func() {}
	}
	c.pid = pid
	return func() { p.Sys.Procs.Exit(pid) }
}

// psTTYDev is the device number of a terminal name as the kernel numbers
// it (0 for none), which ps sorts and selects by.
func psTTYDev(name string) int {
	switch {
	case name == "":
		return 0
	case name == "console":
		return 5<<8 | 1
	case strings.HasPrefix(name, "pts/"):
		n, _ := strconv.Atoi(name[4:])
		return 136<<8 | n
	case strings.HasPrefix(name, "ttyS"):
		n, _ := strconv.Atoi(name[4:])
		return 4<<8 | (64 + n)
	case strings.HasPrefix(name, "tty"):
		n, _ := strconv.Atoi(name[3:])
		return 4<<8 | n
	}
	h := 0
	for i := 0; i < len(name); i++ {
		h = h*31 + int(name[i])
	}
	return 1<<20 | h&0xfffff
}

// psIDMap maps uids (or gids) to names from a passwd or group file. as
// must be a shared parse (SharedPasswd, sharedGroup), which never
// changes: the maps of the last few are kept, by identity, and shared,
// so callers only look names up in them.
func psIDMap(as Accounts) map[int]string {
	if len(as) == 0 {
		return map[int]string{}
	}
	c := &psIDMaps
	c.Lock()
	defer c.Unlock()
	for i := range c.from {
		if len(c.from[i]) == len(as) && &c.from[i][0] == &as[0] {
			return c.maps[i]
		}
	}
	m := make(map[int]string, len(as))
	for i := len(as) - 1; i >= 0; i-- {
		m[as[i].ID] = as[i].Name
	}
	c.from[c.next], c.maps[c.next] = as, m
	c.next = (c.next + 1) % len(c.from)
	return m
}

// psIDMaps holds the last maps psIDMap made (passwd and group, often).
var psIDMaps struct {
	sync.Mutex
	from [4]Accounts
	maps [4]map[int]string
	next int
}

// ---- rows: a process plus what ps derives from the table ----

type psRow struct {
	*proc.Process
	sid, pgid, tpgid int
	dev              int
}

// psRows builds the rows of every process, with sessions, process groups
// and terminal foreground groups derived from the table: a session leader
// starts a session and a group; a child of an interactive shell on the
// same terminal leads its own job's group; others inherit their parent's.
func psRows(list []proc.Process) ([]*psRow, func(pid int) *psRow) {
	rows, store := psBuildRows(list, nil, nil)
	return rows, store.by
}

// psRowSet is the rows of a process list, in its (PID) order.
type psRowSet []psRow

// by returns the row of pid, or nil.
func (store psRowSet) by(pid int) *psRow {
	lo, hi := 0, len(store)
	for lo < hi {
		m := (lo + hi) / 2
		if store[m].PID < pid {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(store) && store[lo].PID == pid {
		return &store[lo]
	}
	return nil
}

// resolve gives r its session and process group, from its parent's.
func (store psRowSet) resolve(r *psRow, depth int) {
	if r.sid >= 0 {
		return
	}
	parent := store.by(r.PPID)
	if r.SessionLeader || parent == nil || parent == r || depth > 64 {
		r.sid, r.pgid = r.PID, r.PID
		if !r.SessionLeader && parent == nil {
			r.sid, r.pgid = 0, 0
		}
		return
	}
	store.resolve(parent, depth+1)
	r.sid = parent.sid
	r.pgid = parent.pgid
	if r.TTY != "" && (psIsShell(r.Comm) || parent.TTY == r.TTY && psIsShell(parent.Comm)) {
		r.pgid = r.PID // job control: a shell and each of its jobs lead a group
	}
}

// psBuildRows is psRows into rows and store, reused from an earlier run
// (nil for new ones).
func psBuildRows(list []proc.Process, rows []*psRow, store psRowSet) ([]*psRow, psRowSet) {
	rows = slices.Grow(rows[:0], len(list))[:len(list)]
	store = slices.Grow(store[:0], len(list))[:len(list)]
	for i := range list {
		store[i] = psRow{Process: &list[i], sid: -1, pgid: -1, dev: psTTYDev(list[i].TTY)}
		rows[i] = &store[i]
	}
	for _, r := range rows {
		store.resolve(r, 0)
	}
	for _, r := range rows {
		r.tpgid = -1
		if r.TTY == "" {
			continue
		}
		for _, f := range rows {
			if f.Foreground && f.TTY == r.TTY {
				r.tpgid = f.pgid
				break
			}
		}
	}
	return rows, store
}

func psIsShell(comm string) bool {
	switch comm {
	case "bash", "sh", "ksh", "csh", "tcsh", "zsh":
		return true
	}
	return false
}

// ---- format specifiers ----

// Justifications of a column, as procps' CF_* flags.
const (
	psRight     = 'R'
	psLeft      = 'L'
	psUser      = 'U' // left if text, right if numeric
	psUnlimited = 'N'
	psWchan     = 'W'
	psSigJust   = 'G'
	psAIX       = 0 // literal text of an AIX format
)

type psPrinter func(r *psRun, b []byte, row *psRow) []byte
type psSorter func(r *psRun, a, b *psRow) int

type psSpec struct {
	name, head string
	width      int
	just       byte
	pr         psPrinter // nil: "-" (a specifier procps accepts but cannot fill)
	sr         psSorter  // nil: sorting by it keeps the order
}

type psCol struct {
	spec  *psSpec
	name  string
	width int
	text  bool // AIX literal text: printed as is, no separating space
}

func psCmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

var psSpecs map[string]*psSpec

func init() {
	pid := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.PID), 10) }
	ppid := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.PPID), 10) }
	pgid := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.pgid), 10) }
	sess := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.sid), 10) }
	tpgid := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.tpgid), 10) }
	uid := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.UID), 10) }
	gid := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.GID), 10) }
	user := func(r *psRun, b []byte, w *psRow) []byte { return r.name(b, r.users, w.UID) }
	group := func(r *psRun, b []byte, w *psRow) []byte { return r.name(b, r.groupMap(), w.GID) }
	rss := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.RSS), 10) }
	vsz := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.VSZ), 10) }
	sz := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.VSZ/4), 10) }
	tty8 := func(r *psRun, b []byte, w *psRow) []byte {
		if w.TTY == "" {
			return append(b, '?')
		}
		return append(b, w.TTY...)
	}
	tty4 := func(r *psRun, b []byte, w *psRow) []byte {
		if w.TTY == "" {
			return append(b, '?')
		}
		t := strings.TrimPrefix(strings.TrimPrefix(w.TTY, "tty"), "pts/")
		if len(t) > 4 {
			t = t[:4]
		}
		return append(b, t...)
	}
	zero := func(r *psRun, b []byte, w *psRow) []byte { return append(b, '0') }
	one := func(r *psRun, b []byte, w *psRow) []byte {
		if w.Threads {
			return append(b, '2')
		}
		return append(b, '1')
	}
	pcpu := func(r *psRun, b []byte, w *psRow) []byte {
		v := r.pcpu(w)
		if v > 999 {
			return strconv.AppendInt(b, int64(v/10), 10)
		}
		b = strconv.AppendInt(b, int64(v/10), 10)
		b = append(b, '.')
		return strconv.AppendInt(b, int64(v%10), 10)
	}
	c := func(r *psRun, b []byte, w *psRow) []byte {
		v := r.pcpu(w) / 10
		if v > 99 {
			v = 99
		}
		if v < 10 {
			b = append(b, ' ')
		}
		return strconv.AppendInt(b, int64(v), 10)
	}
	cp := func(r *psRun, b []byte, w *psRow) []byte {
		v := min(r.pcpu(w), 999)
		s := strconv.Itoa(v)
		for range 3 - len(s) {
			b = append(b, ' ')
		}
		return append(b, s...)
	}
	pmem := func(r *psRun, b []byte, w *psRow) []byte {
		v := min(w.RSS*1000/proc.MemTotalKiB, 999)
		if v < 100 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(v/10), 10)
		b = append(b, '.')
		return strconv.AppendInt(b, int64(v%10), 10)
	}
	stat := func(r *psRun, b []byte, w *psRow) []byte {
		b = append(b, w.State)
		if w.Nice < 0 {
			b = append(b, '<')
		}
		if w.Nice > 0 {
			b = append(b, 'N')
		}
		if w.SessionLeader {
			b = append(b, 's')
		}
		if w.Threads {
			b = append(b, 'l')
		}
		if w.Foreground && w.TTY != "" {
			b = append(b, '+')
		}
		return b
	}
	state := func(r *psRun, b []byte, w *psRow) []byte { return append(b, w.State) }
	flags := func(r *psRun, b []byte, w *psRow) []byte {
		switch {
		case w.Kernel:
			return append(b, '1')
		case w.UID == 0:
			return append(b, '4')
		}
		return append(b, '0')
	}
	nice := func(r *psRun, b []byte, w *psRow) []byte {
		if psRealtime(w) {
			return append(b, '-')
		}
		return strconv.AppendInt(b, int64(w.Nice), 10)
	}
	opri := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(60+psPriority(w)), 10) }
	pri := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(39-psPriority(w)), 10) }
	priority := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(psPriority(w)), 10) }
	class := func(r *psRun, b []byte, w *psRow) []byte {
		if psRealtime(w) {
			return append(b, "FF"...)
		}
		return append(b, "TS"...)
	}
	rtprio := func(r *psRun, b []byte, w *psRow) []byte {
		if psRealtime(w) {
			return append(b, "99"...)
		}
		return append(b, '-')
	}
	sched := func(r *psRun, b []byte, w *psRow) []byte {
		if psRealtime(w) {
			return append(b, '1')
		}
		return append(b, '0')
	}
	wchan := func(r *psRun, b []byte, w *psRow) []byte {
		s := psWchanOf(w)
		if len(s) > r.maxRight && r.maxRight >= 0 {
			s = s[:r.maxRight]
		}
		return append(b, s...)
	}
	nwchan := func(r *psRun, b []byte, w *psRow) []byte {
		if psWchanOf(w) == "-" {
			return append(b, '-')
		}
		return strconv.AppendInt(b, int64(0xc0100000+w.PID*64)&0xffffff, 16)
	}
	timef := func(r *psRun, b []byte, w *psRow) []byte {
		t := int(w.CPU / time.Second)
		ss, mm, hh, dd := t%60, t/60%60, t/3600%24, t/86400
		if dd > 0 {
			b = strconv.AppendInt(b, int64(dd), 10)
			b = append(b, '-')
		}
		return psAppend2(psAppend2(psAppend2(b, hh, ':'), mm, ':'), ss, 0)
	}
	bsdtime := func(r *psRun, b []byte, w *psRow) []byte {
		t := int(w.CPU / time.Second)
		s := strconv.Itoa(t / 60)
		for range 3 - len(s) {
			b = append(b, ' ')
		}
		b = append(b, s...)
		b = append(b, ':')
		return psAppend2(b, t%60, 0)
	}
	etime := func(r *psRun, b []byte, w *psRow) []byte {
		t := r.elapsed(w)
		ss, mm, hh, dd := t%60, t/60%60, t/3600%24, t/86400
		if dd > 0 {
			b = strconv.AppendInt(b, int64(dd), 10)
			b = append(b, '-')
		}
		if dd > 0 || hh > 0 {
			b = psAppend2(b, hh, ':')
		}
		return psAppend2(psAppend2(b, mm, ':'), ss, 0)
	}
	stime := func(r *psRun, b []byte, w *psRow) []byte {
		st := w.Start.In(r.now.Location())
		switch {
		case st.Year() != r.now.Year():
			return strconv.AppendInt(b, int64(st.Year()), 10)
		case st.YearDay() != r.now.YearDay():
			b = append(b, st.Month().String()[:3]...)
			return psAppend2(b, st.Day(), 0)
		}
		return psAppend2(psAppend2(b, st.Hour(), ':'), st.Minute(), 0)
	}
	start := func(r *psRun, b []byte, w *psRow) []byte {
		st := w.Start.In(r.now.Location())
		if st.Unix()+86400 > r.now.Unix() {
			return psAppend2(psAppend2(psAppend2(b, st.Hour(), ':'), st.Minute(), ':'), st.Second(), 0)
		}
		b = append(b, "  "...)
		b = append(b, st.Month().String()[:3]...)
		b = append(b, ' ')
		return psAppend2(b, st.Day(), 0)
	}
	bsdstart := func(r *psRun, b []byte, w *psRow) []byte {
		st := w.Start.In(r.now.Location())
		if r.now.Unix()-st.Unix() > 86400 {
			return append(b, st.Format("Jan _2")...)
		}
		return append(b, st.Format(" 15:04")...)
	}
	lstart := func(r *psRun, b []byte, w *psRow) []byte {
		return append(b, w.Start.In(r.now.Location()).Format("Mon Jan _2 15:04:05 2006")...)
	}
	args := func(r *psRun, b []byte, w *psRow) []byte {
		if r.opt.bsdC {
			return r.command(b, w, false, false)
		}
		return r.command(b, w, true, true)
	}
	comm := func(r *psRun, b []byte, w *psRow) []byte {
		if r.opt.unixF {
			return r.command(b, w, true, true)
		}
		return r.command(b, w, false, false)
	}
	fname := func(r *psRun, b []byte, w *psRow) []byte {
		b, right := r.forest(b)
		n := min(right, 8)
		s := w.Comm
		if len(s) > n {
			s = s[:max(n, 0)]
		}
		return append(b, s...)
	}
	sig := func(r *psRun, b []byte, w *psRow) []byte {
		if r.wideSignals {
			return append(b, "0000000000000000"...)
		}
		return append(b, "00000000"...)
	}
	hex8 := func(r *psRun, b []byte, w *psRow) []byte { return append(b, "00000000"...) }
	alarm := func(r *psRun, b []byte, w *psRow) []byte { return append(b, "    -"...) }
	trs := func(r *psRun, b []byte, w *psRow) []byte { return strconv.AppendInt(b, int64(w.VSZ/16), 10) }
	drs := func(r *psRun, b []byte, w *psRow) []byte {
		return strconv.AppendInt(b, int64(w.VSZ-w.VSZ/16), 10)
	}
	label := func(r *psRun, b []byte, w *psRow) []byte { return append(b, '-') }

	srPID := func(r *psRun, a, b *psRow) int { return psCmpInt(a.PID, b.PID) }
	srPPID := func(r *psRun, a, b *psRow) int { return psCmpInt(a.PPID, b.PPID) }
	srPgid := func(r *psRun, a, b *psRow) int { return psCmpInt(a.pgid, b.pgid) }
	srSess := func(r *psRun, a, b *psRow) int { return psCmpInt(a.sid, b.sid) }
	srTpgid := func(r *psRun, a, b *psRow) int { return psCmpInt(a.tpgid, b.tpgid) }
	srUID := func(r *psRun, a, b *psRow) int { return psCmpInt(a.UID, b.UID) }
	srGID := func(r *psRun, a, b *psRow) int { return psCmpInt(a.GID, b.GID) }
	srUser := func(r *psRun, a, b *psRow) int {
		return strings.Compare(r.nameOf(r.users, a.UID), r.nameOf(r.users, b.UID))
	}
	srGroup := func(r *psRun, a, b *psRow) int {
		return strings.Compare(r.nameOf(r.groupMap(), a.GID), r.nameOf(r.groupMap(), b.GID))
	}
	srRSS := func(r *psRun, a, b *psRow) int { return psCmpInt(a.RSS, b.RSS) }
	srVSZ := func(r *psRun, a, b *psRow) int { return psCmpInt(a.VSZ, b.VSZ) }
	srPcpu := func(r *psRun, a, b *psRow) int { return psCmpInt(r.pcpu(a), r.pcpu(b)) }
	srStart := func(r *psRun, a, b *psRow) int { return a.Start.Compare(b.Start) }
	srCPU := func(r *psRun, a, b *psRow) int { return psCmpInt(int(a.CPU), int(b.CPU)) }
	srState := func(r *psRun, a, b *psRow) int { return int(a.State) - int(b.State) }
	srTTY := func(r *psRun, a, b *psRow) int { return psCmpInt(a.dev, b.dev) }
	srNice := func(r *psRun, a, b *psRow) int { return a.Nice - b.Nice }
	srCmd := func(r *psRun, a, b *psRow) int { return strings.Compare(a.Comm, b.Comm) }
	srPri := func(r *psRun, a, b *psRow) int { return psPriority(a) - psPriority(b) }
	srFlags := func(r *psRun, a, b *psRow) int {
		f := func(w *psRow) int {
			switch {
			case w.Kernel:
				return 1
			case w.UID == 0:
				return 4
			}
			return 0
		}
		return f(a) - f(b)
	}
	srNlwp := func(r *psRun, a, b *psRow) int {
		n := func(w *psRow) int {
			if w.Threads {
				return 2
			}
			return 1
		}
		return n(a) - n(b)
	}

	const R, L, U, N, W, G = psRight, psLeft, psUser, psUnlimited, psWchan, psSigJust
	specs := []psSpec{
		{"%cpu", "%CPU", 4, R, pcpu, srPcpu},
		{"%mem", "%MEM", 4, R, pmem, nil},
		{"addr", "ADDR", 4, R, nil, nil},
		{"addr_1", "ADDR", 1, L, nil, nil},
		{"alarm", "ALARM", 5, R, alarm, nil},
		{"args", "COMMAND", 27, N, args, srCmd},
		{"blocked", "BLOCKED", 9, G, sig, nil},
		{"bsdstart", "START", 6, R, bsdstart, nil},
		{"bsdtime", "TIME", 6, R, bsdtime, nil},
		{"c", "C", 2, R, c, srPcpu},
		{"caught", "CAUGHT", 9, G, sig, nil},
		{"class", "CLS", 3, L, class, nil},
		{"cls", "CLS", 3, R, class, nil},
		{"cmd", "CMD", 27, N, args, srCmd},
		{"comm", "COMMAND", 15, N, comm, srCmd},
		{"command", "COMMAND", 27, N, args, srCmd},
		{"context", "CONTEXT", 31, L, label, nil},
		{"cp", "CP", 3, R, cp, srPcpu},
		{"cputime", "TIME", 8, R, timef, nil},
		{"drs", "DRS", 5, R, drs, nil},
		{"egid", "EGID", 5, R, gid, srGID},
		{"egroup", "EGROUP", 8, U, group, srGroup},
		{"eip", "EIP", 8, R, hex8, nil},
		{"esp", "ESP", 8, R, hex8, nil},
		{"etime", "ELAPSED", 11, R, etime, nil},
		{"euid", "EUID", 5, R, uid, srUID},
		{"euser", "EUSER", 8, U, user, srUser},
		{"f", "F", 1, R, flags, srFlags},
		{"fgid", "FGID", 5, R, gid, srGID},
		{"fgroup", "FGROUP", 8, U, group, srGroup},
		{"flag", "F", 1, R, flags, srFlags},
		{"flags", "F", 1, R, flags, srFlags},
		{"fname", "COMMAND", 8, L, fname, nil},
		{"fsgid", "FSGID", 5, R, gid, srGID},
		{"fsgroup", "FSGROUP", 8, U, group, srGroup},
		{"fsuid", "FSUID", 5, R, uid, srUID},
		{"fsuser", "FSUSER", 8, U, user, srUser},
		{"fuid", "FUID", 5, R, uid, srUID},
		{"fuser", "FUSER", 8, U, user, srUser},
		{"gid", "GID", 5, R, gid, srGID},
		{"group", "GROUP", 8, U, group, srGroup},
		{"ignored", "IGNORED", 9, G, sig, nil},
		{"intpri", "PRI", 3, R, opri, srPri},
		{"label", "LABEL", 31, L, label, nil},
		{"lstart", "STARTED", 24, R, lstart, nil},
		{"lwp", "LWP", 5, R, pid, srPID},
		{"m_drs", "DRS", 5, R, drs, nil},
		{"m_trs", "TRS", 5, R, trs, nil},
		{"maj_flt", "MAJFL", 6, R, zero, nil},
		{"majflt", "MAJFLT", 6, R, zero, nil},
		{"min_flt", "MINFL", 6, R, zero, nil},
		{"minflt", "MINFLT", 6, R, zero, nil},
		{"ni", "NI", 3, R, nice, srNice},
		{"nice", "NI", 3, R, nice, srNice},
		{"nlwp", "NLWP", 4, R, one, srNlwp},
		{"nwchan", "WCHAN", 6, R, nwchan, nil},
		{"opri", "PRI", 3, R, opri, srPri},
		{"pcpu", "%CPU", 4, R, pcpu, srPcpu},
		{"pending", "PENDING", 9, G, sig, nil},
		{"pgid", "PGID", 5, R, pgid, srPgid},
		{"pgrp", "PGRP", 5, R, pgid, srPgid},
		{"pid", "PID", 5, R, pid, srPID},
		{"pmem", "%MEM", 4, R, pmem, nil},
		{"policy", "POL", 3, L, class, nil},
		{"ppid", "PPID", 5, R, ppid, srPPID},
		{"pri", "PRI", 3, R, pri, nil},
		{"priority", "PRI", 3, R, priority, srPri},
		{"psr", "PSR", 3, R, zero, nil},
		{"rgid", "RGID", 5, R, gid, srGID},
		{"rgroup", "RGROUP", 8, U, group, srGroup},
		{"rss", "RSS", 5, R, rss, srRSS},
		{"rssize", "RSS", 5, R, rss, srRSS},
		{"rsz", "RSZ", 5, R, rss, srRSS},
		{"rtprio", "RTPRIO", 6, R, rtprio, nil},
		{"ruid", "RUID", 5, R, uid, srUID},
		{"ruser", "RUSER", 8, U, user, srUser},
		{"s", "S", 1, L, state, srState},
		{"sched", "SCH", 3, R, sched, nil},
		{"sess", "SESS", 5, R, sess, srSess},
		{"session", "SESS", 5, R, sess, srSess},
		{"sgi_p", "P", 1, R, zero, nil},
		{"sgid", "SGID", 5, R, gid, srGID},
		{"sgroup", "SGROUP", 8, U, group, srGroup},
		{"sid", "SID", 5, R, sess, srSess},
		{"sig", "PENDING", 9, G, sig, nil},
		{"sig_block", "BLOCKED", 9, G, sig, nil},
		{"sig_catch", "CATCHED", 9, G, sig, nil},
		{"sig_ignore", "IGNORED", 9, G, sig, nil},
		{"sig_pend", "SIGNAL", 9, G, sig, nil},
		{"sigcatch", "CAUGHT", 9, G, sig, nil},
		{"sigignore", "IGNORED", 9, G, sig, nil},
		{"sigmask", "BLOCKED", 9, G, sig, nil},
		{"spid", "SPID", 5, R, pid, srPID},
		{"stackp", "STACKP", 8, R, hex8, nil},
		{"start", "STARTED", 8, R, start, nil},
		{"start_stack", "STACKP", 8, R, hex8, nil},
		{"start_time", "START", 5, R, stime, srStart},
		{"stat", "STAT", 4, L, stat, srState},
		{"state", "S", 1, L, state, srState},
		{"stime", "STIME", 5, R, stime, srCPU},
		{"suid", "SUID", 5, R, uid, srUID},
		{"suser", "SUSER", 8, U, user, srUser},
		{"svgid", "SVGID", 5, R, gid, srGID},
		{"svgroup", "SVGROUP", 8, U, group, srGroup},
		{"svuid", "SVUID", 5, R, uid, srUID},
		{"svuser", "SVUSER", 8, U, user, srUser},
		{"sz", "SZ", 5, R, sz, nil},
		{"thcount", "THCNT", 5, R, one, srNlwp},
		{"tid", "TID", 5, R, pid, srPID},
		{"time", "TIME", 8, R, timef, nil},
		{"timeout", "TMOUT", 5, R, nil, nil},
		{"tmout", "TMOUT", 5, R, nil, nil},
		{"tname", "TTY", 8, L, tty8, srTTY},
		{"tpgid", "TPGID", 5, R, tpgid, srTpgid},
		{"trs", "TRS", 4, R, trs, nil},
		{"tsiz", "TSIZ", 4, R, trs, nil},
		{"tt", "TT", 8, L, tty8, srTTY},
		{"tty", "TT", 8, L, tty8, srTTY},
		{"tty4", "TTY", 4, L, tty4, srTTY},
		{"tty8", "TTY", 8, L, tty8, srTTY},
		{"ucmd", "CMD", 15, N, comm, srCmd},
		{"ucomm", "COMMAND", 15, N, comm, srCmd},
		{"uid", "UID", 5, R, uid, srUID},
		{"uid_hack", "UID", 8, U, user, srUser},
		{"uname", "USER", 8, U, user, srUser},
		{"user", "USER", 8, U, user, srUser},
		{"util", "C", 2, R, c, srPcpu},
		{"vsize", "VSZ", 6, R, vsz, srVSZ},
		{"vsz", "VSZ", 6, R, vsz, srVSZ},
		{"wchan", "WCHAN", 6, W, wchan, nil},
		{"wname", "WCHAN", 6, W, wchan, nil},
	}
	psSpecs = make(map[string]*psSpec, len(specs)+1)
	for i := range specs {
		psSpecs[specs[i].name] = &specs[i]
	}
	psSpecs["longtname"] = &psSpec{"longtname", "TTY", 8, L, tty8, srTTY}
}

// psMacros are the multi-column specifiers the default formats use.
var psMacros = map[string]string{
	"DefBSD":   "pid,tname,stat,bsdtime,args",
	"DefSysV":  "pid,tname,time,cmd",
	"END_BSD":  "state,tname,cputime,comm",
	"END_SYS5": "state,tname,time,command",
	"OL_X":     "pid,start_stack,esp,eip,timeout,alarm,stat,tname,bsdtime,args",
	"OL_j":     "ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args",
	"OL_l":     "flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args",
	"OL_s":     "uid,pid,pending,sig_block,sig_ignore,caught,stat,tname,bsdtime,args",
	"OL_u":     "user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args",
	"OL_v":     "pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args",
	"Std_f":    "uid_hack,pid,ppid,c,stime,tname,time,cmd",
	"Std_fl":   "f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd",
	"Std_l":    "f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd",
}

// psRealtime tells the kernel threads that run SCHED_FIFO.
func psRealtime(w *psRow) bool {
	return w.Kernel && (strings.HasPrefix(w.Comm, "migration/") || strings.HasPrefix(w.Comm, "watchdog/"))
}

// psPriority is the kernel's priority value (prio - 100): -100 for the
// real-time kernel threads, else 15 plus the nice value, as the 2.6.18 O(1)
// scheduler shows sleeping interactive tasks.
func psPriority(w *psRow) int {
	if psRealtime(w) {
		return -100
	}
	return min(max(15+w.Nice, 0), 39)
}

// psWchanOf is the kernel function a process sleeps in, as ps truncates it.
func psWchanOf(w *psRow) string {
	switch {
	case w.State == 'R':
		return "-"
	case w.State == 'Z':
		return "exit"
	case w.State == 'T':
		return "finish"
	case psIsShell(w.Comm):
		return "wait"
	case strings.HasSuffix(w.Comm, "getty"):
		return "read_c"
	}
	return "-"
}

func psAppend2(b []byte, v int, sep byte) []byte {
	if v < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(v), 10)
	if sep != 0 {
		b = append(b, sep)
	}
	return b
}

// ---- options ----

// Simple selections (procps' SS_*).
const (
	psSSUa = 1 << iota // -a
	psSSUd             // -d
	psSSBx             // x
	psSSBg             // g
	psSSBa             // a
)

// Format flags (FF_*) and modifiers (FM_*).
const (
	psFFUf = 1 << iota
	psFFUl
	psFFBj
	psFFBl
	psFFBs
	psFFBu
	psFFBv
	psFFLX
	psFFFc
)

const (
	psFMc = 1 << iota
	psFMj
	psFMy
	psFMM
	psFMF
	psFMP
)

// Kinds of deferred sort and format options.
const (
	psSFUo    = iota // -o
	psSFUO           // -O
	psSFBo           // o
	psSFBO           // O
	psSFGsort        // --sort, k
	psSFGfmt         // --format
)

// Header types.
const (
	psHeadDefault = iota
	psHeadNone
	psHeadMulti
)

// Selection list kinds.
const (
	psSelRUID = iota
	psSelEUID
	psSelRGID
	psSelEGID
	psSelPID
	psSelPPID
	psSelTTY
	psSelSess
	psSelPgrp
	psSelComm
)

type psSel struct {
	kind int
	nums []int
	strs []string
}

type psSF struct {
	arg  string
	kind int
}

type psOpts struct {
	all, negate, running bool
	simple               int
	sels                 []psSel
	preferBSD            bool
	formatFlags          int
	formatMods           int
	sf                   []psSF
	forestType           byte
	bsdC, unixF          bool
	headerType           int
	wCount               int
	screenCols           int
	userIsNumber         bool
	notPureUnix          bool
	forceBSD             bool
	// results of processing the deferred options
	cols       []psCol
	sorts      []psSortKey
	selectBits int
	screenRows int
}

type psSortKey struct {
	sr      psSorter
	reverse bool
}

// psParser holds one pass over the arguments.
type psParser struct {
	p    *Proc
	args []string
	i    int
	opt  *psOpts
	tty  string // the caller's terminal, for T and t
}

func (ps *psParser) optArg(rest string) (string, bool) {
	if rest != "" {
		ps.opt.notPureUnix = true
		return rest, true
	}
	if ps.i+1 >= len(ps.args) || ps.args[ps.i+1] == "" {
		return "", false
	}
	ps.i++
	return ps.args[ps.i], true
}

// psParseList splits a list like procps' parse_list: items separated by
// spaces, commas or tabs, with no empty item.
func psParseList(arg string, each func(string) string) string {
	need := true
	for i := 0; i < len(arg); i++ {
		switch arg[i] {
		case ' ', ',', '\t':
			if need {
				return "Improper list."
			}
			need = true
		default:
			need = false
		}
	}
	if need {
		return "Improper list."
	}
	for _, f := range strings.FieldsFunc(arg, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		if err := each(f); err != "" {
			return err
		}
	}
	return ""
}

func psParsePID(s string) (int, string) {
	n, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, "Process ID out of range."
		}
		return 0, "Process ID list syntax error."
	}
	if n < 1 || n > 0x7fffffff {
		return 0, "Process ID out of range."
	}
	return int(n), ""
}

func (ps *psParser) list(kind int, arg string) string {
	sel := psSel{kind: kind}
	err := psParseList(arg, func(s string) string {
		switch kind {
		case psSelPID, psSelPPID, psSelSess, psSelPgrp:
			n, e := psParsePID(s)
			if e != "" {
				return e
			}
			sel.nums = append(sel.nums, n)
		case psSelRUID, psSelEUID:
			n, e := psAccountID(ReadPasswd(ps.p.Sys), s, "User")
			if e != "" {
				return e
			}
			sel.nums = append(sel.nums, n)
		case psSelRGID, psSelEGID:
			n, e := psAccountID(ReadGroup(ps.p.Sys), s, "Group")
			if e != "" {
				return e
			}
			sel.nums = append(sel.nums, n)
		case psSelComm:
			if len(s) > 15 {
				s = s[:15]
			}
			sel.strs = append(sel.strs, s)
		case psSelTTY:
			t, e := ps.parseTTY(s)
			if e != "" {
				return e
			}
			sel.strs = append(sel.strs, t)
		}
		return ""
	})
	if err != "" {
		return err
	}
	ps.opt.sels = append(ps.opt.sels, sel)
	return ""
}

// parseTTY resolves a terminal as procps does, trying /dev/pts/NAME,
// /dev/NAME and /dev/ttyNAME; "-" and "?" mean no terminal.
func (ps *psParser) parseTTY(s string) (string, string) {
	if strings.HasPrefix(s, "/") {
		if ps.ttyExists(strings.TrimPrefix(s, "/dev/")) {
			return strings.TrimPrefix(s, "/dev/"), ""
		}
		return "", "TTY could not be found."
	}
	for _, c := range []string{"pts/" + s, s, "tty" + s, "pty" + s} {
		if ps.ttyExists(c) {
			return c, ""
		}
	}
	if s == "-" || s == "?" {
		return "", ""
	}
	return "", "TTY could not be found."
}

func (ps *psParser) ttyExists(name string) bool {
	if name == "" {
		return false
	}
	if _, err := ps.p.Sys.FS.Stat("/dev/" + name); err == nil {
		return true
	}
	for _, p := range ps.p.Sys.Procs.List() {
		if p.TTY == name {
			return true
		}
	}
	return name == ps.tty
}

func (ps *psParser) sysv(arg string) string {
	o := ps.opt
	for j := 1; j < len(arg); j++ {
		c := arg[j]
		if !strings.ContainsRune("aAdefgGlnoptuU", rune(c)) {
			o.notPureUnix = true
		}
		rest := arg[j+1:]
		listOpt := func(kind int, msg string) string {
			a, ok := ps.optArg(rest)
			if !ok {
				return msg
			}
			return ps.list(kind, a)
		}
		switch c {
		case 'A', 'e':
			o.all = true
		case 'C':
			return listOpt(psSelComm, "List of command names must follow -C.")
		case 'F':
			o.formatMods |= psFMF
			o.formatFlags |= psFFUf
			o.unixF = true
		case 'G':
			return listOpt(psSelRGID, "List of real groups must follow -G.")
		case 'H':
			o.forestType = 'u'
		case 'L', 'T', 'm':
			// threads: every simulated process has one thread to show
		case 'M', 'Z':
			o.formatMods |= psFMM
		case 'N':
			o.negate = true
		case 'O':
			a, ok := ps.optArg(rest)
			if !ok {
				return "Format or sort specification must follow -O."
			}
			o.sf = append(o.sf, psSF{a, psSFUO})
			return ""
		case 'P':
			o.formatMods |= psFMP
		case 'U':
			return listOpt(psSelRUID, "List of real groups must follow -U.")
		case 'V':
			if len(ps.args) != 1 || ps.args[0] != "-V" {
				return "The -V option is exclusive."
			}
		case 'a':
			o.simple |= psSSUa
		case 'c':
			o.formatMods |= psFMc
		case 'd':
			o.simple |= psSSUd
		case 'f':
			o.formatFlags |= psFFUf
			o.unixF = true
		case 'g':
			a, ok := ps.optArg(rest)
			if !ok {
				return "List of session leaders OR effective group names must follow -g."
			}
			if ps.list(psSelSess, a) == "" || ps.list(psSelEGID, a) == "" {
				return ""
			}
			return "List of session leaders OR effective group IDs was invalid."
		case 'j':
			o.formatMods |= psFMj
		case 'l':
			o.formatFlags |= psFFUl
		case 'n':
			if _, ok := ps.optArg(rest); !ok {
				return "Alternate System.map file must follow -n."
			}
			return ""
		case 'o':
			a, ok := ps.optArg(rest)
			if !ok {
				return "Format specification must follow -o."
			}
			if psDeferNonstandard(a) {
				o.notPureUnix = true
			}
			o.sf = append(o.sf, psSF{a, psSFUo})
			return ""
		case 'p':
			return listOpt(psSelPID, "List of process IDs must follow -p.")
		case 's':
			return listOpt(psSelSess, "List of session IDs must follow -s.")
		case 't':
			return listOpt(psSelTTY, "List of terminals (pty, tty...) must follow -t.")
		case 'u':
			return listOpt(psSelEUID, "List of users must follow -u.")
		case 'w':
			o.wCount++
		case 'x':
			return "Must set personality to get -x option."
		case 'y':
			o.formatMods |= psFMy
		case '-':
			return "Embedded '-' among SysV options makes no sense."
		default:
			return "Unsupported SysV option."
		}
	}
	return ""
}

func (ps *psParser) bsd(arg string) string {
	o := ps.opt
	j := 0
	if strings.HasPrefix(arg, "-") {
		j = 1
	}
	for ; j < len(arg); j++ {
		c := arg[j]
		rest := arg[j+1:]
		switch {
		case c >= '0' && c <= '9':
			return ps.list(psSelPID, arg[j:])
		}
		switch c {
		case 'H', 'M', 'm':
			// threads
		case 'L':
			if len(ps.args) != 1 || ps.args[0] != "L" {
				return "The L option is exclusive."
			}
		case 'N':
			if _, ok := ps.optArg(rest); !ok {
				return "Alternate System.map file must follow N."
			}
			return ""
		case 'O':
			a, ok := ps.optArg(rest)
			if !ok {
				return "Format or sort specification must follow O."
			}
			o.sf = append(o.sf, psSF{a, psSFBO})
			return ""
		case 'S':
		case 'T':
			o.sels = append(o.sels, psSel{kind: psSelTTY, strs: []string{ps.tty}})
		case 'U':
			a, ok := ps.optArg(rest)
			if !ok {
				return "List of users must follow U."
			}
			return ps.list(psSelEUID, a)
		case 'V':
			if len(ps.args) != 1 || ps.args[0] != "V" {
				return "The V option is exclusive."
			}
		case 'W':
			return "Obsolete W option not supported. (You have a /dev/drum?)"
		case 'X':
			o.formatFlags |= psFFLX
		case 'Z':
			o.formatMods |= psFMM
		case 'a':
			o.simple |= psSSBa
		case 'c':
			o.bsdC = true
		case 'e':
		case 'f':
			o.forestType = 'b'
		case 'g':
			o.simple |= psSSBg
		case 'h':
			if o.headerType != psHeadDefault {
				return "Only one heading option may be specified."
			}
			o.headerType = psHeadNone
		case 'j':
			o.formatFlags |= psFFBj
		case 'k':
			a, ok := ps.optArg(rest)
			if !ok {
				return "Long sort specification must follow 'k'."
			}
			o.sf = append(o.sf, psSF{a, psSFGsort})
			return ""
		case 'l':
			o.formatFlags |= psFFBl
		case 'n':
			o.userIsNumber = true
		case 'o':
			a, ok := ps.optArg(rest)
			if !ok {
				return "Format specification must follow o."
			}
			o.sf = append(o.sf, psSF{a, psSFBo})
			return ""
		case 'p':
			a, ok := ps.optArg(rest)
			if !ok {
				return "List of process IDs must follow p."
			}
			return ps.list(psSelPID, a)
		case 'r':
			o.running = true
		case 's':
			o.formatFlags |= psFFBs
		case 't':
			a, ok := ps.optArg(rest)
			if !ok {
				o.sels = append(o.sels, psSel{kind: psSelTTY, strs: []string{ps.tty}})
				return ""
			}
			return ps.list(psSelTTY, a)
		case 'u':
			o.formatFlags |= psFFBu
		case 'v':
			o.formatFlags |= psFFBv
		case 'w':
			o.wCount++
		case 'x':
			o.simple |= psSSBx
		case '-':
			return "Embedded '-' among BSD options makes no sense."
		default:
			return "Unsupported option (BSD syntax)"
		}
	}
	return ""
}

var psGNU = []string{"Group", "User", "cols", "columns", "context", "cumulative", "deselect", "forest",
	"format", "group", "header", "headers", "heading", "headings", "help", "info", "lines", "no-header",
	"no-headers", "no-heading", "no-headings", "noheader", "noheaders", "noheading", "noheadings", "pid",
	"ppid", "rows", "sid", "sort", "tty", "user", "version", "width"}

func (ps *psParser) gnu(arg string) string {
	o := ps.opt
	s := arg[2:]
	sl := strings.IndexAny(s, ":=")
	if sl < 0 {
		sl = len(s)
	}
	if sl > 15 {
		return "Unknown gnu long option."
	}
	name, tail := s[:sl], s[sl:]
	found := false
	for _, g := range psGNU {
		if g == name {
			found = true
		}
	}
	if !found {
		return "Unknown gnu long option."
	}
	grab := func() (string, bool) {
		if tail != "" {
			if len(tail) > 1 {
				return tail[1:], true
			}
			return "", false
		}
		if ps.i+1 >= len(ps.args) || ps.args[ps.i+1] == "" {
			return "", false
		}
		ps.i++
		return ps.args[ps.i], true
	}
	listOpt := func(kind int, msg string) string {
		a, ok := grab()
		if !ok {
			return msg
		}
		return ps.list(kind, a)
	}
	switch name {
	case "Group":
		return listOpt(psSelRGID, "List of real groups must follow --Group.")
	case "User":
		return listOpt(psSelRUID, "List of real users must follow --User.")
	case "cols", "width", "columns":
		a, ok := grab()
		if ok {
			if t, err := strconv.ParseInt(a, 0, 64); err == nil && t > 0 && t < 2000000000 {
				o.screenCols = int(t)
				return ""
			}
		}
		return "Number of columns must follow --cols, --width, or --columns."
	case "cumulative":
		if tail != "" {
			return "Option --cumulative does not take an argument."
		}
	case "deselect":
		if tail != "" {
			return "Option --deselect does not take an argument."
		}
		o.negate = true
	case "no-header", "no-headers", "no-heading", "no-headings", "noheader", "noheaders", "noheading", "noheadings":
		if tail != "" {
			return "Option --no-heading does not take an argument."
		}
		if o.headerType != psHeadDefault {
			return "Only one heading option may be specified."
		}
		o.headerType = psHeadNone
	case "header", "headers", "heading", "headings":
		if tail != "" {
			return "Option --heading does not take an argument."
		}
		if o.headerType != psHeadDefault {
			return "Only one heading option may be specified."
		}
		o.headerType = psHeadMulti
	case "forest":
		if tail != "" {
			return "Option --forest does not take an argument."
		}
		o.forestType = 'g'
	case "format":
		a, ok := grab()
		if !ok {
			return "Format specification must follow --format."
		}
		o.sf = append(o.sf, psSF{a, psSFGfmt})
	case "group":
		return listOpt(psSelEGID, "List of effective groups must follow --group.")
	case "help", "info", "version":
		if len(ps.args) != 1 {
			return "The --" + name + " option is exclusive."
		}
	case "pid":
		return listOpt(psSelPID, "List of process IDs must follow --pid.")
	case "ppid":
		return listOpt(psSelPPID, "List of process IDs must follow --ppid.")
	case "rows", "lines":
		a, ok := grab()
		if ok {
			if t, err := strconv.ParseInt(a, 0, 64); err == nil && t > 0 && t < 2000000000 {
				o.screenRows = int(t)
				return ""
			}
		}
		return "Number of rows must follow --rows or --lines."
	case "sid":
		return listOpt(psSelSess, "Some sid thing(s) must follow --sid.")
	case "sort":
		a, ok := grab()
		if !ok {
			return "Long sort specification must follow --sort."
		}
		o.sf = append(o.sf, psSF{a, psSFGsort})
	case "tty":
		return listOpt(psSelTTY, "List of ttys must follow --tty.")
	case "user":
		return listOpt(psSelEUID, "List of effective users must follow --user.")
	case "context":
		o.formatFlags |= psFFFc
	}
	return ""
}

func (ps *psParser) trailing() string {
	var pids, grps, sids []int
	for ; ps.i < len(ps.args); ps.i++ {
		d := ps.args[ps.i]
		var dst *[]int
		switch {
		case strings.HasPrefix(d, "-"):
			d, dst = d[1:], &grps
		case strings.HasPrefix(d, "+"):
			d, dst = d[1:], &sids
		default:
			dst = &pids
		}
		n, err := psParsePID(d)
		if err != "" {
			return err
		}
		*dst = append(*dst, n)
	}
	for _, s := range []psSel{{kind: psSelPID, nums: pids}, {kind: psSelPgrp, nums: grps}, {kind: psSelSess, nums: sids}} {
		if len(s.nums) > 0 {
			ps.opt.sels = append(ps.opt.sels, s)
		}
	}
	return ""
}

func psArgType(s string) byte {
	if s == "" {
		return 'F'
	}
	c := s[0]
	switch {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return 'B'
	case c >= '0' && c <= '9':
		return 'P'
	case c == '+':
		return 'P'
	case c != '-':
		return 'F'
	}
	if len(s) < 2 {
		return 'F'
	}
	c = s[1]
	switch {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return 'S'
	case c >= '0' && c <= '9':
		return 'P'
	case c != '-':
		return 'F'
	}
	if len(s) == 2 {
		return 'E'
	}
	c = s[2]
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		return 'G'
	}
	return 'F'
}

// parseAll is procps' parse_all_options: one pass over the arguments.
func (ps *psParser) parseAll() string {
	for ps.i = 0; ps.i < len(ps.args); ps.i++ {
		a := ps.args[ps.i]
		at := psArgType(a)
		if at != 'S' {
			ps.opt.notPureUnix = true
		}
		var err string
		switch at {
		case 'G':
			err = ps.gnu(a)
		case 'S', 'B':
			if at == 'S' && !ps.opt.forceBSD {
				err = ps.sysv(a)
				break
			}
			ps.opt.preferBSD = true
			err = ps.bsd(a)
		case 'P':
			ps.opt.preferBSD = true
			err = ps.trailing()
		default:
			return "Garbage option."
		}
		if err != "" {
			return err
		}
	}
	return ""
}

// psDeferNonstandard is defer_sf_option's test: whether a -o list is
// something other than plain Unix98 (which makes "=" swallow the rest of
// the list).
func psDeferNonstandard(arg string) bool {
	if arg == "" {
		return true
	}
	need := true
	for i := 0; i < len(arg); i++ {
		switch arg[i] {
		case ' ', ',':
			if need {
				return true
			}
			need = true
		case '=':
			return need
		default:
			if !need {
				continue
			}
			need = false
			dist := strings.IndexAny(arg[i:], ", =")
			if dist < 0 {
				dist = len(arg) - i
			}
			if dist > 15 {
				return true
			}
			if _, ok := psSpecs[arg[i:i+dist]]; !ok {
				return true
			}
			if !psUnix98[arg[i:i+dist]] {
				return true
			}
		}
	}
	return false
}

// psUnix98 are the specifiers Unix98 defines (vendor 0 in procps' table).
var psUnix98 = map[string]bool{"args": true, "comm": true, "etime": true, "group": true, "nice": true,
	"pcpu": true, "pgid": true, "pid": true, "ppid": true, "rgroup": true, "ruser": true, "time": true,
	"tty": true, "user": true, "vsz": true}

// ---- sort and format processing ----

func psOneSpec(spec, override string, hasOverride bool) []psCol {
	return psAppendSpec(nil, spec, override, hasOverride)
}

// psAppendSpec appends the columns of spec (a macro gives several) to
// dst; nothing for an unknown spec.
func psAppendSpec(dst []psCol, spec, override string, hasOverride bool) []psCol {
	if s, ok := psSpecs[spec]; ok {
		c := psCol{spec: s, name: s.head, width: s.width}
		if hasOverride {
			c.name = override
			c.width = max(s.width, len(override))
		}
		return append(dst, c)
	}
	if m, ok := psMacros[spec]; ok {
		for m != "" {
			var f string
			f, m, _ = strings.Cut(m, ",")
			dst = psAppendSpec(dst, f, override, hasOverride)
		}
	}
	return dst
}

// psFormatParse is procps' format_parse for one -o/o/O/--format argument.
// In "broken" (pure Unix98) parsing a header override runs to the end of
// the argument: -o pid=X,comm is one column headed "X,comm".
func psFormatParse(arg string, broken bool) ([]psCol, string) {
	if arg == "" {
		return psAIXParse(arg, "Improper format list.")
	}
	need, items, i := true, 0, 0
	for ; i < len(arg); i++ {
		c := arg[i]
		if c == '=' && broken {
			break
		}
		switch c {
		case ' ', ',', '\t', '\n':
			if need {
				return psAIXParse(arg, "Improper format list.")
			}
			need = true
		default:
			if need {
				items++
			}
			need = false
		}
	}
	if items == 0 {
		return psAIXParse(arg, "Empty format list.")
	}
	buf := arg
	if need { // one trailing delimiter is allowed
		buf = arg[:i-1]
	}
	var out []psCol
	walk := buf
	for items > 0 {
		items--
		item, next := walk, ""
		sep := strings.IndexAny(walk, " ,\t\n")
		if sep >= 0 {
			next = walk[sep+1:]
			if items > 0 {
				item = walk[:sep]
			}
		}
		name, override, hasOverride := strings.Cut(item, "=")
		width := 0
		if spec, w, ok := strings.Cut(name, ":"); ok {
			if w == "" || w[0] == '0' || strings.Trim(w, "0123456789") != "" {
				return psAIXParse(arg, "Column widths must be unsigned decimal numbers.")
			}
			width, _ = strconv.Atoi(w)
			name = spec
		}
		cols := psOneSpec(name, override, hasOverride)
		if cols == nil {
			return psAIXParse(arg, "Unknown user-defined format specifier \""+name+"\".")
		}
		if width > 0 {
			if len(cols) > 1 {
				return psAIXParse(arg, "Can't set width for a macro (multi-column) format specifier.")
			}
			cols[0].width = width
		}
		out = append(out, cols...)
		walk = next
	}
	return out, ""
}

// psAIXParse tries an argument as AIX format descriptors (%p %u ...) after
// format_parse failed with err.
func psAIXParse(arg, err string) ([]psCol, string) {
	if !strings.Contains(arg, "%") {
		return nil, err
	}
	aix := map[byte][2]string{'C': {"pcpu", "%CPU"}, 'G': {"group", "GROUP"}, 'P': {"ppid", "PPID"},
		'U': {"user", "USER"}, 'a': {"args", "COMMAND"}, 'c': {"comm", "COMMAND"}, 'g': {"rgroup", "RGROUP"},
		'n': {"nice", "NI"}, 'p': {"pid", "PID"}, 'r': {"pgid", "PGID"}, 't': {"etime", "ELAPSED"},
		'u': {"ruser", "RUSER"}, 'x': {"time", "TIME"}, 'y': {"tty", "TTY"}, 'z': {"vsz", "VSZ"}}
	var out []psCol
	for i := 0; i < len(arg); {
		if arg[i] == '%' {
			if i+1 >= len(arg) {
				return nil, "Improper AIX field descriptor."
			}
			if arg[i+1] == '%' {
				out = append(out, psCol{name: "%", width: 1, text: true})
				i += 2
				continue
			}
			a, ok := aix[arg[i+1]]
			if !ok {
				return nil, "Unknown AIX field descriptor."
			}
			out = psAppendSpec(out, a[0], a[1], true)
			i += 2
			continue
		}
		j := strings.IndexByte(arg[i:], '%')
		if j < 0 {
			j = len(arg) - i
		}
		out = append(out, psCol{name: arg[i : i+j], width: j, text: true})
		i += j
	}
	return out, ""
}

var psShortSort = map[byte]string{'C': "pcpu", 'G': "tpgid", 'P': "ppid", 'R': "rss", 'T': "start_time",
	'U': "uid", 'c': "cmd", 'f': "flags", 'g': "pgrp", 'o': "session", 'p': "pid", 'r': "rss", 't': "tty",
	'u': "user", 'v': "vsize", 'y': "priority"}

func psVerifyShortSort(arg string, forest bool) bool {
	if strings.Trim(arg, "CGJKMNPRSTUcfgjkmnoprstuvy+-") != "" {
		return false
	}
	seen := map[byte]bool{}
	for i := 0; i < len(arg); i++ {
		switch c := arg[i]; c {
		case '+', '-':
			if i+1 >= len(arg) || arg[i+1] == '+' || arg[i+1] == '-' {
				return false
			}
		default:
			if c == 'P' && forest {
				return false
			}
			if seen[c] {
				return false
			}
			seen[c] = true
		}
	}
	return true
}

func psShortSortParse(arg string) ([]psSortKey, string) {
	var out []psSortKey
	rev := false
	for i := 0; i < len(arg); i++ {
		switch c := arg[i]; c {
		case '+':
			rev = false
		case '-':
			rev = true
		default:
			name, ok := psShortSort[c]
			if !ok {
				return nil, "Unknown sort specifier."
			}
			out = append(out, psSortKey{psSpecs[name].sr, rev})
			rev = false
		}
	}
	return out, ""
}

func psLongSortParse(arg string) ([]psSortKey, string) {
	need := true
	items := 0
	for i := 0; i < len(arg); i++ {
		switch arg[i] {
		case ' ', ',', '\t', '\n':
			if need {
				return nil, "Improper sort list"
			}
			need = true
		default:
			if need {
				items++
			}
			need = false
		}
	}
	if items == 0 {
		return nil, "Empty sort list."
	}
	var out []psSortKey
	for _, f := range strings.FieldsFunc(arg, func(r rune) bool { return strings.ContainsRune(" ,\t\n", r) }) {
		rev := false
		if f[0] == '-' {
			rev, f = true, f[1:]
		} else if f[0] == '+' {
			f = f[1:]
		}
		s, ok := psSpecs[f]
		if !ok {
			return nil, "Unknown sort specifier."
		}
		out = append(out, psSortKey{s.sr, rev})
	}
	return out, ""
}

// process is procps' process_sf_options plus select_bits_setup.
func (o *psOpts) process(p *Proc) string {
	broken := !o.notPureUnix
	parsedFormat, parsedSort, haveGNUSort := false, false, false
	for _, sf := range o.sf {
		if sf.kind == psSFGsort {
			haveGNUSort = true
		}
	}
	for _, sf := range o.sf {
		switch sf.kind {
		case psSFBo, psSFGfmt, psSFUo:
			cols, err := psFormatParse(sf.arg, broken)
			if err != "" {
				return err
			}
			o.cols = append(o.cols, cols...)
			parsedFormat = true
		case psSFUO:
			if parsedFormat {
				return "option -O can not follow other format options."
			}
			cols, err := psFormatParse(sf.arg, broken)
			if err != "" {
				return err
			}
			o.cols = append(append(psOneSpec("pid", "", false), cols...), psOneSpec("END_SYS5", "", false)...)
			parsedFormat = true
		case psSFBO:
			if !haveGNUSort && !parsedSort && psVerifyShortSort(sf.arg, o.forestType != 0) {
				keys, err := psShortSortParse(sf.arg)
				if err != "" {
					return err
				}
				o.sorts = append(o.sorts, keys...)
				parsedSort = true
				continue
			}
			if haveGNUSort || parsedSort {
				return "Multiple sort options."
			}
			if parsedFormat {
				return "option O is neither first format nor sort order."
			}
			cols, err := psFormatParse(sf.arg, broken)
			if err != "" {
				return "Bad sorting code."
			}
			o.cols = append(append(psOneSpec("pid", "", false), cols...), psOneSpec("END_BSD", "", false)...)
			parsedFormat = true
		case psSFGsort:
			if parsedSort {
				return "Multiple sort options."
			}
			keys, err := psLongSortParse(sf.arg)
			if err != "" {
				return err
			}
			o.sorts = append(o.sorts, keys...)
			parsedSort = true
		}
	}
	if o.formatFlags == 0 && o.formatMods == 0 && o.cols == nil {
		if env := p.Getenv("PS_FORMAT"); env != "" {
			cols, err := psFormatParse(env, broken)
			if err == "" {
				o.cols = cols
			} else {
				p.Stderr.Write([]byte("Warning: $PS_FORMAT ignored. (" + err + ")\n"))
			}
		}
	}
	if o.cols != nil {
		if o.formatFlags != 0 {
			return "Conflicting format options."
		}
		if o.formatMods != 0 {
			return "Can't use output modifiers with user-defined output"
		}
	} else {
		var spec string
		switch o.formatFlags {
		case 0, psFFUf | psFFUl, psFFUf, psFFUl:
			if err := o.generateSysV(); err != "" {
				return err
			}
		case psFFBj:
			spec = "OL_j"
		case psFFBl:
			spec = "OL_l"
		case psFFBs:
			spec = "OL_s"
		case psFFBu:
			spec = "OL_u"
		case psFFBv:
			spec = "OL_v"
		case psFFLX:
			spec = "OL_X"
		case psFFFc:
			spec = "pid,context,command"
		default:
			return "Conflicting format options."
		}
		if spec != "" {
			for spec != "" {
				var s string
				s, spec, _ = strings.Cut(spec, ",")
				o.cols = psAppendSpec(o.cols, s, "", false)
			}
			if o.formatMods&psFMj != 0 {
				o.addAfter([]string{"PPID", "PID"}, "pgid")
				o.addAfter([]string{"PGID"}, "sid")
			}
			if o.formatMods&psFMM != 0 {
				o.cols = append(psOneSpec("label", "", false), o.cols...)
			}
		}
	}
	return o.setupSelect()
}

func (o *psOpts) addAfter(after []string, spec string) bool {
	for _, a := range after {
		for i, c := range o.cols {
			if c.name == a {
				add := psOneSpec(spec, "", false)
				o.cols = append(o.cols[:i+1], append(add, o.cols[i+1:]...)...)
				return true
			}
		}
	}
	return false
}

// generateSysV builds the SysV default formats (-f, -l, plain).
func (o *psOpts) generateSysV() string {
	ff, fm := o.formatFlags, o.formatMods
	if fm&psFMy != 0 && ff&psFFUl == 0 {
		return "Modifier -y without format -l makes no sense."
	}
	var l []string // built backwards, as procps pushes onto a list
	push := func(s string) { l = append(l, s) }
	if o.preferBSD {
		if ff != 0 {
			push("cmd")
		} else {
			push("args")
		}
		push("bsdtime")
		if ff&psFFUl == 0 {
			push("stat")
		}
	} else {
		if ff&psFFUf != 0 {
			push("cmd")
		} else {
			push("ucmd")
		}
		push("time")
	}
	push("tname")
	if ff&psFFUf != 0 {
		push("stime")
	}
	if fm&psFMF != 0 {
		if fm&psFMP == 0 {
			push("psr")
		}
		if !(ff&psFFUl != 0 && fm&psFMy != 0) {
			push("rss")
		}
	}
	if ff&psFFUl != 0 {
		push("wchan")
	}
	if fm&psFMF != 0 || ff&psFFUl != 0 {
		push("sz")
	}
	if ff&psFFUl != 0 {
		if fm&psFMy != 0 {
			push("rss")
		} else {
			push("addr_1")
		}
	}
	if fm&psFMc != 0 {
		push("pri")
		push("class")
	} else if ff&psFFUl != 0 {
		push("ni")
		push("opri")
	}
	if ff&(psFFUf|psFFUl) != 0 && fm&psFMc == 0 {
		push("c")
	}
	if fm&psFMP != 0 {
		push("psr")
	}
	if fm&psFMj != 0 {
		push("sid")
		push("pgid")
	}
	if ff&(psFFUf|psFFUl) != 0 {
		push("ppid")
	}
	push("pid")
	if ff&psFFUf != 0 {
		push("uid_hack")
	} else if ff&psFFUl != 0 {
		push("uid")
	}
	if ff&psFFUl != 0 {
		push("s")
		if fm&psFMy == 0 {
			push("f")
		}
	}
	if fm&psFMM != 0 {
		push("label")
	}
	for i := len(l) - 1; i >= 0; i-- {
		o.cols = psAppendSpec(o.cols, l[i], "", false)
	}
	return ""
}

func (o *psOpts) setupSelect() string {
	if o.simple == 0 && !o.preferBSD {
		o.selectBits = 0xaa00
		return ""
	}
	sw := o.simple
	if o.simple&(psSSUa|psSSUd) == 0 {
		sw |= psSSBg
	}
	switch sw {
	case psSSUa | psSSUd:
		o.selectBits = 0x3f3f
	case psSSUa:
		o.selectBits = 0x0303
	case psSSUd:
		o.selectBits = 0x3333
	case psSSBg:
		o.selectBits = 0x0a0a
	case psSSBg | psSSBa:
		o.selectBits = 0x0f0f
	case psSSBg | psSSBx:
		o.selectBits = 0xaaaa
	case psSSBg | psSSBx | psSSBa:
		o.all = true
		o.simple = 0
	default:
		return "Process selection options conflict."
	}
	return ""
}

// ---- the run: selecting, sorting and printing ----

type psRun struct {
	p        *Proc
	opt      *psOpts
	now      time.Time
	boot     time.Time
	nowSec   int64
	users    map[int]string
	groups   map[int]string
	cachedTy int
	myUID    int
	// output state, as procps' globals
	activeCols   int
	maxRight     int
	forestPrefix []byte
	wideSignals  bool
	scratch      []byte
	out          []byte
	linesToHead  int
	headerGap    int
	didStuff     bool
}

// groupMap reads /etc/group the first time a group name is needed.
func (r *psRun) groupMap() map[int]string {
	if r.groups == nil {
		r.groups = psIDMap(sharedGroup(r.p.Sys))
	}
	return r.groups
}

func (r *psRun) nameOf(m map[int]string, id int) string {
	if n, ok := m[id]; ok {
		return n
	}
	return strconv.Itoa(id)
}

// name prints a user or group name, or the number when the name does not
// fit in the space the column allows (POSIX's rule).
func (r *psRun) name(b []byte, m map[int]string, id int) []byte {
	if !r.opt.userIsNumber {
		if n, ok := m[id]; ok && len(n) <= r.maxRight {
			return append(b, n...)
		}
	}
	return strconv.AppendInt(b, int64(id), 10)
}

func (r *psRun) elapsed(w *psRow) int {
	return int(r.nowSec - int64(w.Start.Sub(r.boot)/time.Second))
}

// pcpu is %CPU in tenths: CPU time over the process's life.
func (r *psRun) pcpu(w *psRow) int {
	secs := r.nowSec - int64(w.Start.Sub(r.boot)/time.Second)
	if secs <= 0 {
		return 0
	}
	return int(int64(w.CPU/(10*time.Millisecond)) * 10 / secs)
}

// forest writes the ASCII-art prefix of forest mode and returns the room
// left.
func (r *psRun) forest(b []byte) ([]byte, int) {
	right := r.maxRight
	if len(r.forestPrefix) == 0 {
		return b, right
	}
	for _, c := range r.forestPrefix {
		var s string
		if r.opt.forestType == 'u' {
			s = "  "
		} else {
			switch c {
			case ' ':
				s = "    "
			case 'L', '+':
				s = " \\_ "
			case '|':
				s = " |  "
			}
		}
		if right-len(s) < 0 {
			return append(b, s[:max(right, 0)]...), 0
		}
		b = append(b, s...)
		right -= len(s)
	}
	return b, right
}

// command writes a command as procps' escape_command: the arguments (when
// args and the process has a command line), else the name in brackets
// (when brackets) and " <defunct>" for a zombie, cut to the room left.
func (r *psRun) command(b []byte, w *psRow, args, brackets bool) []byte {
	b, cells := r.forest(b)
	if args && !w.Kernel && w.State != 'Z' && len(w.Args) > 0 {
		for i, a := range w.Args {
			n := 0
			for k := 0; k < len(a) && n < cells; k++ {
				c := a[k]
				if c < ' ' || c == 0x7f {
					c = '?'
				}
				b = append(b, c)
				n++
			}
			cells -= n
			if i+1 >= len(w.Args) || cells <= 1 {
				break
			}
			b = append(b, ' ')
			cells--
		}
		return b
	}
	overhead := 0
	if brackets {
		overhead += 2
	}
	defunct := w.State == 'Z'
	if defunct {
		overhead += 10
	}
	if overhead+1 >= cells {
		return b
	}
	if brackets {
		b = append(b, '[')
	}
	name := w.Comm
	if len(name) > cells-overhead {
		name = name[:cells-overhead]
	}
	b = append(b, name...)
	if brackets {
		b = append(b, ']')
	}
	if defunct {
		b = append(b, " <defunct>"...)
	}
	return b
}

// showRow prints one line (the header when w is nil), as show_one_proc.
func (r *psRun) showRow(w *psRow) {
	if w != nil {
		r.linesToHead--
		if r.linesToHead == 0 {
			r.linesToHead = r.headerGap
			r.showRow(nil)
		}
	}
	r.didStuff = true
	cols := r.opt.cols
	correct, actual, dospace := 0, 0, 0
	for i := range cols {
		col := &cols[i]
		last := i == len(cols)-1
		legit := 0
		tmpspace := 0
		if !last {
			r.maxRight = col.width
		} else {
			tmpspace = correct - actual
			if tmpspace < 1 {
				tmpspace = dospace
				r.maxRight = r.activeCols - actual - tmpspace
			} else {
				r.maxRight = r.activeCols - max(correct, actual)
			}
		}
		buf := r.scratch[:0]
		switch {
		case w != nil && col.spec != nil && col.spec.pr != nil:
			buf = col.spec.pr(r, buf, w)
		case w != nil && col.spec != nil:
			buf = append(buf, '-')
		default:
			buf = append(buf, col.name...)
		}
		amount := len(buf)
		leftpad := 0
		just := byte(psAIX)
		if col.spec != nil {
			just = col.spec.just
		}
		switch just {
		case psRight:
			leftpad = max(col.width-amount, 0)
		case psSigJust:
			if r.wideSignals {
				leftpad = 16 - amount
				legit = 7
			} else {
				leftpad = 9 - amount
			}
			leftpad = max(leftpad, 0)
		case psUser:
			if r.opt.userIsNumber {
				leftpad = max(col.width-amount, 0)
			}
		case psUnlimited, psWchan:
			if r.activeCols-actual-tmpspace < 1 && len(buf) > 1 {
				buf = buf[:1]
			}
		}
		space := correct - actual + leftpad
		if space < 1 {
			space = dospace
		}
		space = min(space, 144)
		for range space {
			r.out = append(r.out, ' ')
		}
		r.out = append(r.out, buf...)
		r.scratch = buf
		if last {
			r.out = append(r.out, '\n')
			break
		}
		actual += space + amount
		correct += col.width + legit
		if !col.text && !cols[i+1].text {
			correct++
			dospace = 1
		} else {
			dospace = 0
		}
	}
}

func (r *psRun) want(w *psRow) bool {
	o := r.opt
	accepted := true
	switch {
	case o.all:
	case (o.simple != 0 || len(o.sels) == 0) && r.tableAccept(w):
	case r.listed(w):
	default:
		accepted = false
	}
	if o.running && w.State != 'R' && w.State != 'D' {
		accepted = false
	}
	if o.negate {
		return !accepted
	}
	return accepted
}

func (r *psRun) tableAccept(w *psRow) bool {
	idx := 0
	if w.UID == r.myUID {
		idx |= 1
	}
	if w.SessionLeader {
		idx |= 2
	}
	if w.dev == 0 {
		idx |= 4
	}
	if w.dev == r.cachedTy {
		idx |= 8
	}
	return r.opt.selectBits&(1<<idx) != 0
}

func (r *psRun) listed(w *psRow) bool {
	for _, s := range r.opt.sels {
		var v int
		switch s.kind {
		case psSelRUID, psSelEUID:
			v = w.UID
		case psSelRGID, psSelEGID:
			v = w.GID
		case psSelPID:
			v = w.PID
		case psSelPPID:
			v = w.PPID
		case psSelSess:
			v = w.sid
		case psSelPgrp:
			v = w.pgid
		case psSelTTY:
			for _, t := range s.strs {
				if psTTYDev(t) == w.dev {
					return true
				}
			}
			continue
		case psSelComm:
			c := w.Comm
			if len(c) > 15 {
				c = c[:15]
			}
			for _, t := range s.strs {
				if t == c {
					return true
				}
			}
			continue
		}
		for _, n := range s.nums {
			if n == v {
				return true
			}
		}
	}
	return false
}

func (r *psRun) headerWidth() {
	total, wasNormal, sigs := 0, 0, 0
	for i, c := range r.opt.cols {
		switch {
		case c.text:
			total += c.width
			wasNormal = 0
			continue
		case c.spec.just == psSigJust:
			sigs++
			total += c.width
		case c.spec.just == psUnlimited:
			if i+1 < len(r.opt.cols) {
				total += c.width
			} else {
				total += 3
			}
		default:
			total += c.width
		}
		total += wasNormal
		wasNormal = 1
	}
	screen := r.activeCols
	for i := 1; ; i++ {
		r.activeCols = screen * i
		if r.activeCols >= total || screen*i >= psOutbufSize/2 {
			break
		}
	}
	r.wideSignals = total+sigs*7 <= r.activeCols
}

func psMain(p *Proc) int {
	args := p.Args[1:]
	switch {
	case len(args) == 1 && (args[0] == "--help"):
		p.Printf("%s", psHelpText)
		return 0
	case len(args) == 1 && (args[0] == "-V" || args[0] == "V" || args[0] == "--version"):
		p.Printf("%s\n", psVersion)
		return 0
	case len(args) == 1 && args[0] == "L":
		var names []string
		for n, s := range psSpecs {
			if s.pr != nil {
				names = append(names, n)
			}
		}
		psSortStrings(names)
		var b strings.Builder
		for _, n := range names {
			h := psSpecs[n].head
			if len(h) > 8 {
				h = h[:8]
			}
			if len(n) > 12 {
				n = n[:12]
			}
			b.WriteString(psPad(n, 12) + " " + psPad(h, 8) + "\n")
		}
		p.Printf("%s", b.String())
		return 0
	}
	caller := psCallerOf(p)
	done := psSpawnSelf(p, &caller, "ps", "/bin/ps", 4556, 948)
	defer done()

	parse := func(force bool) (*psOpts, string) {
		o := &psOpts{forceBSD: force}
		ps := &psParser{p: p, args: args, opt: o, tty: caller.tty}
		if force {
			o.notPureUnix, o.preferBSD = true, true
		}
		if err := ps.parseAll(); err != "" {
			return nil, err
		}
		if err := o.process(p); err != "" {
			return nil, err
		}
		return o, ""
	}
	o, err := parse(false)
	if err != "" {
		o2, err2 := parse(true)
		if err2 != "" {
			p.Stderr.Write([]byte("ERROR: " + err + "\n" + psHelpText))
			return 1
		}
		p.Stderr.Write([]byte("Warning: bad ps syntax, perhaps a bogus '-'? See http://procps.sf.net/faq.html\n"))
		o = o2
	}
	return psPrint(p, o, caller)
}

func psPad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

func psSortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// psBufs are the process list and output buffer a ps run reuses from
// an earlier one: a student types ps aux again and again.
type psBufs struct {
	procs     []proc.Process
	out       []byte
	rows, sel []*psRow
	store     psRowSet
	scratch   []byte
}

var psBufPool = sync.Pool{New: func() any { return new(psBufs) }}

func psPrint(p *Proc, o *psOpts, caller psCaller) int {
	now := p.Sys.Clock.Now()
	boot := p.Sys.Boot()
	r := &psRun{
		p: p, opt: o, now: now, boot: boot,
		nowSec:   int64(now.Sub(boot) / time.Second),
		users:    psIDMap(SharedPasswd(p.Sys)),
		cachedTy: psTTYDev(caller.tty),
		myUID:    caller.uid,
	}
	// screen size, as set_screen_size and choose_dimensions
	cols := 80
	if !p.Tty {
		cols = psOutbufSize
	}
	if v := p.Getenv("COLUMNS"); v != "" {
		if t, err := strconv.ParseInt(v, 0, 64); err == nil && t > 0 && t < psOutbufSize {
			cols = int(t)
		}
	}
	rows := 24
	if v := p.Getenv("LINES"); v != "" {
		if t, err := strconv.ParseInt(v, 0, 64); err == nil && t > 0 && t < psOutbufSize {
			rows = int(t)
		}
	}
	if o.screenCols > 0 {
		cols = o.screenCols
	}
	if o.screenRows > 0 {
		rows = o.screenRows
	}
	if o.wCount > 0 && cols < 132 {
		cols = 132
	}
	if o.wCount > 1 {
		cols = psOutbufSize
	}
	r.activeCols = cols
	r.headerWidth()

	// headers, as check_headers
	r.linesToHead, r.headerGap = 1, -1
	switch o.headerType {
	case psHeadMulti:
		r.headerGap = rows - 1
	case psHeadNone:
		r.linesToHead = -1
	default:
		named := false
		for _, c := range o.cols {
			if c.name != "" && !c.text {
				named = true
			}
		}
		if !named {
			r.linesToHead = -1
		}
	}

	bufs := psBufPool.Get().(*psBufs)
	list := p.Sys.Procs.AppendList(bufs.procs[:0])
	all, store := psBuildRows(list, bufs.rows, bufs.store)
	sel := slices.Grow(bufs.sel[:0], len(all))
	r.scratch = slices.Grow(bufs.scratch[:0], 256)
	defer func() {
		clear(list) // let go of what the processes point to
		clear(all)
		clear(store)
		clear(sel[:cap(sel)])
		bufs.procs, bufs.out, bufs.scratch = list[:0], r.out[:0], r.scratch[:0]
		bufs.rows, bufs.store, bufs.sel = all[:0], store[:0], sel[:0]
		psBufPool.Put(bufs)
	}()
	r.out = slices.Grow(bufs.out[:0], (len(all)+1)*min(r.activeCols, 104))
	for _, w := range all {
		if r.want(w) {
			sel = append(sel, w)
		}
	}
	if len(o.sorts) > 0 || o.forestType != 0 {
		keys := o.sorts
		if o.forestType != 0 {
			first := []psSortKey{{psSpecs["ppid"].sr, false}}
			if len(keys) == 0 {
				keys = []psSortKey{{psSpecs["start_time"].sr, false}}
			}
			keys = append(first, keys...)
		}
		psStableSort(sel, func(a, b *psRow) int {
			for _, k := range keys {
				if k.sr == nil {
					continue
				}
				if c := k.sr(r, a, b); c != 0 {
					if k.reverse {
						return -c
					}
					return c
				}
			}
			return 0
		})
	}
	if o.forestType != 0 {
		r.showForest(sel)
	} else {
		for _, w := range sel {
			r.showRow(w)
		}
	}
	status := 0
	if !r.didStuff {
		r.linesToHead--
		if r.linesToHead == 0 {
			r.showRow(nil)
		}
		status = 1
	}
	p.Stdout.Write(r.out)
	return status
}

// psStableSort is an insertion-merge stable sort (the sets are small).
func psStableSort(s []*psRow, cmp func(a, b *psRow) int) {
	if len(s) < 2 {
		return
	}
	tmp := make([]*psRow, len(s))
	var rec func(lo, hi int)
	rec = func(lo, hi int) {
		if hi-lo <= 12 {
			for i := lo + 1; i < hi; i++ {
				for j := i; j > lo && cmp(s[j], s[j-1]) < 0; j-- {
					s[j], s[j-1] = s[j-1], s[j]
				}
			}
			return
		}
		mid := (lo + hi) / 2
		rec(lo, mid)
		rec(mid, hi)
		i, j, k := lo, mid, lo
		for i < mid && j < hi {
			if cmp(s[j], s[i]) < 0 {
				tmp[k] = s[j]
				j++
			} else {
				tmp[k] = s[i]
				i++
			}
			k++
		}
		k += copy(tmp[k:], s[i:mid])
		copy(tmp[k:], s[j:hi])
		copy(s[lo:hi], tmp[lo:hi])
	}
	rec(0, len(s))
}

// showForest prints trees as procps' show_forest and show_tree: roots are
// processes whose parent is not shown, taken from the end of the sorted
// list; init's children stay at init's level (except for -H).
func (r *psRun) showForest(sel []*psRow) {
	n := len(sel)
	isShown := make(map[int]bool, n)
	for _, w := range sel {
		isShown[w.PID] = true
	}
	r.forestPrefix = make([]byte, 0, 64)
	var tree func(self, level int, sibling bool)
	tree = func(self, level int, sibling bool) {
		if level > 0 {
			r.forestPrefix = r.forestPrefix[:level-1]
			if sibling {
				r.forestPrefix = append(r.forestPrefix, '+')
			} else {
				r.forestPrefix = append(r.forestPrefix, 'L')
			}
		}
		r.showRow(sel[self])
		i := 0
		for ; i < n; i++ {
			if sel[i].PPID == sel[self].PID {
				break
			}
		}
		if i >= n {
			return
		}
		if level > 0 {
			if sibling {
				r.forestPrefix[level-1] = '|'
			} else {
				r.forestPrefix[level-1] = ' '
			}
		}
		for i < n {
			selfPID := sel[self].PID
			more := i+1 < n && sel[i+1].PPID == selfPID
			if selfPID == 1 && r.opt.forestType != 'u' {
				tree(i, level, more)
			} else {
				tree(i, level+1, more)
			}
			i++
			if !more {
				break
			}
		}
		r.forestPrefix = r.forestPrefix[:min(level, len(r.forestPrefix))]
	}
	for i := n - 1; i >= 0; i-- {
		if isShown[sel[i].PPID] && sel[i].PPID != sel[i].PID {
			continue
		}
		r.forestPrefix = r.forestPrefix[:0]
		tree(i, 0, false)
	}
	r.forestPrefix = nil
}

// psAccountID reads a user or group of a selection list, by number or
// name, with procps' messages ("User name does not exist.").
func psAccountID(as Accounts, s, what string) (int, string) {
	n, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		a, ok := as.Lookup(s)
		if !ok || a.Name != s {
			return 0, what + " name does not exist."
		}
		n = uint64(a.ID)
	}
	if n > 0xfffffffe {
		return 0, what + " ID out of range."
	}
	return int(n), ""
}
