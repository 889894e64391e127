package initd

import (
	"context"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/sim/internal/shell"
)

// State is where the machine is in its life.
type State int

// The states of a machine.
const (
	Off         State = iota // powered off (never booted, or halted)
	Running                  // in a runlevel
	AskRunlevel              // init waits for "Enter runlevel:" on the console
	SingleUser               // a root shell on the console in runlevel S
	Rebooting                // reboot requested: the machine boots again
)

// Version is what init prints when it starts.
const Version = "2.86"

// Respawn limits of sysvinit: more than maxSpawn starts within testTime
// suspend an entry for sleepTime.
const (
	maxSpawn  = 10
	testTime  = 2 * time.Minute
	sleepTime = 5 * time.Minute
)

// Init is PID 1 of one machine.
type Init struct {
	k       *kernel.Kernel
	procs   *shell.Procs
	console io.Writer
	tty     bool

	tab       Inittab
	state     State
	kids      map[string]int // inittab id → pid of its running process
	starts    map[string][]time.Time
	suspended map[string]time.Time
	args      []string
	halt      string // what the console said when the machine stopped
	// fromBoot is set while runlevel S was entered straight from boot
	// (kernel argument single): leaving it "enters" the default level.
	fromBoot bool
	observer func(Event)
}

// Event tells observers (the UI, the boot stepper, checks) what init did.
type Event struct {
	Kind   string // "boot", "runlevel", "script", "spawn", "halt", "reboot"
	Detail string
	Level  byte
	Status int
}

// New returns the init of a machine whose console is console (tty says it
// is a terminal, so init scripts colour their status tags).
func New(k *kernel.Kernel, procs *shell.Procs, console io.Writer, tty bool) *Init {
	return &Init{k: k, procs: procs, console: console, tty: tty}
}

// Observe sets the function told about every event; nil stops.
func (i *Init) Observe(fn func(Event)) { i.observer = fn }

func (i *Init) emit(e Event) {
	if i.observer != nil {
		i.observer(e)
	}
}

// State reports the machine's state.
func (i *Init) State() State { return i.state }

// Stopped is what the console said when the machine went down ("Power
// down.", "System halted.", or an explanation of a reboot loop).
func (i *Init) Stopped() string { return i.halt }

// Tab is the inittab init last read.
func (i *Init) Tab() Inittab { return i.tab }

func (i *Init) say(format string, a ...any) {
	fmt.Fprintf(i.console, format, a...)
}

// PowerOn boots the machine: kernel threads, init, sysinit, then the
// default runlevel (or the one given on the kernel command line).
func (i *Init) PowerOn(ctx context.Context, args []string) {
	i.args = args
	i.state = Running
	i.halt = ""
	i.kids = map[string]int{}
	i.starts = map[string][]time.Time{}
	i.suspended = map[string]time.Time{}
	i.k.SetRunlevel(0, 0)
	kernelBoot(i.k, args)
	i.k.Procs.SpawnPID(1, proc.Process{
		PPID: 0, TTY: "", State: 'S', SessionLeader: true, Comm: "init",
		Args: []string{"init"}, Exe: "/sbin/init", Start: i.k.Clock.Now(), VSZ: 2072, RSS: 620,
	})
	spawnKernelThreads(i.k)
	i.emit(Event{Kind: "boot", Detail: strings.Join(args, " ")})
	i.say("INIT: version %s booting\r\n", Version)
	i.readInittab()
	if hasArg(args, "emergency") || hasArg(args, "-b") {
		i.enter(ctx, 'S')
		return
	}
	for _, e := range i.tab.Actions("sysinit") {
		i.run(ctx, e)
	}
	for _, e := range i.tab.Actions("bootwait") {
		i.run(ctx, e)
	}
	for _, e := range i.tab.Actions("boot") {
		i.run(ctx, e)
	}
	level, ok := argLevel(args)
	if !ok {
		var msg string
		level, ok, msg = i.tab.Default()
		if msg != "" {
			i.say("%s\r\n", msg)
			i.k.Syslog("init", 0, strings.TrimPrefix(msg, "INIT: "))
		}
	}
	if !ok {
		i.state = AskRunlevel
		i.say("\nEnter runlevel: ")
		return
	}
	i.enter(ctx, level)
}

// Answer gives init the line typed at its "Enter runlevel:" prompt.
func (i *Init) Answer(ctx context.Context, line string) {
	if i.state != AskRunlevel {
		return
	}
	line = strings.TrimSpace(line)
	if len(line) == 1 && strings.ContainsRune("0123456789Ss", rune(line[0])) {
		i.state = Running
		i.enter(ctx, strings.ToUpper(line)[0])
		return
	}
	i.say("\nEnter runlevel: ")
}

func hasArg(args []string, a string) bool {
	for _, x := range args {
		if x == a {
			return true
		}
	}
	return false
}

// argLevel finds a runlevel on the kernel command line, as init does: a
// single runlevel character, or single/-s for S.
func argLevel(args []string) (byte, bool) {
	level, found := byte(0), false
	for _, a := range args {
		switch {
		case a == "single" || a == "-s" || a == "s" || a == "S":
			level, found = 'S', true
		case len(a) == 1 && a[0] >= '0' && a[0] <= '9':
			level, found = a[0], true
		}
	}
	return level, found
}

// readInittab (re)reads /etc/inittab, reporting bad lines on the console
// and in syslog.
func (i *Init) readInittab() {
	data, err := i.k.FS.Open("/etc/inittab")
	if err != nil {
		i.say("INIT: No inittab file found\r\n")
		i.tab = Inittab{}
		return
	}
	src, _ := io.ReadAll(data)
	data.Close()
	i.tab = ParseInittab(string(src))
	for _, msg := range i.tab.Errors {
		i.say("%s\r\n", msg)
		i.k.Syslog("init", 0, strings.TrimPrefix(msg, "INIT: "))
	}
}

// env is the environment init gives the commands it starts.
func (i *Init) env() []string {
	prev, cur := i.k.Runlevel()
	env := []string{
		"CONSOLE=/dev/console",
		"HOME=/",
		"INIT_VERSION=sysvinit-" + Version,
		"PATH=/sbin:/usr/sbin:/bin:/usr/bin",
		"TERM=linux",
	}
	if cur != 0 {
		env = append(env, "RUNLEVEL="+string(cur))
	}
	if prev != 0 {
		env = append(env, "PREVLEVEL="+string(prev))
	}
	return env
}

// run starts an entry's process and waits for it, as for sysinit and wait
// entries. sysvinit runs a process field with shell characters through
// /bin/sh -c, and splits the others on blanks.
func (i *Init) run(ctx context.Context, e Entry) int {
	argv := strings.Fields(e.Process)
	if strings.ContainsAny(e.Process, "~`!$^&*()=|\\{}[];\"'<>?") {
		argv = []string{"/bin/sh", "-c", "exec " + e.Process}
	}
	if len(argv) == 0 {
		return 0
	}
	bctx, cancel := shell.WithBudget(ctx, 5_000_000, 0)
	defer cancel()
	st := i.procs.Run(bctx, shell.Exec{
		Argv:     argv,
		Dir:      "/",
		Environ:  i.env(),
		Stdout:   i.console,
		Stderr:   i.console,
		Tty:      i.tty,
		StdinTty: i.tty,
		Term:     i.console,
		Umask:    0o022,
		Prefix:   "INIT: ",
	})
	i.emit(Event{Kind: "script", Detail: e.Process, Status: st})
	return st
}

// enter switches to runlevel level.
func (i *Init) enter(ctx context.Context, level byte) {
	_, cur := i.k.Runlevel()
	if level == cur {
		return
	}
	var prev byte
	if cur == 0 || cur == 'S' && i.fromBoot {
		i.say("INIT: Entering runlevel: %c\r\n", level)
		prev = kernel.NoLevel
		if cur == 'S' {
			prev = 'S'
		}
	} else {
		i.say("INIT: Switching to runlevel: %c\r\n", level)
		prev = cur
	}
	i.fromBoot = false
	i.stopKids(level)
	i.k.SetRunlevel(prev, level)
	i.k.Procs.Update(1, func(p *proc.Process) { p.Args = []string{fmt.Sprintf("init [%c]", level)} })
	i.emit(Event{Kind: "runlevel", Level: level})
	if level == 'S' {
		i.fromBoot = cur == 0
		i.say("INIT: Going single user\r\n")
		i.state = SingleUser
		return
	}
	for _, e := range i.tab.Entries {
		if strings.IndexByte(e.Levels, level) < 0 {
			continue
		}
		switch e.Action {
		case "wait", "once":
			i.run(ctx, e)
		case "respawn":
			i.spawn(e)
		}
		if i.state != Running {
			return
		}
		if _, now := i.k.Runlevel(); now != level {
			return // an rc script asked for another level (single user)
		}
	}
}

// stopKids ends the respawned processes that do not belong in level.
func (i *Init) stopKids(level byte) {
	var ids []string
	for _, e := range i.tab.Entries {
		if pid, ok := i.kids[e.ID]; ok && strings.IndexByte(e.Levels, level) < 0 && i.k.Procs.Alive(pid) {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	i.say("INIT: Sending processes the TERM signal\r\n")
	for _, id := range ids {
		i.k.Procs.Signal(i.kids[id], proc.SIGTERM)
		if i.k.Procs.Alive(i.kids[id]) {
			i.k.Procs.Exit(i.kids[id])
		}
		delete(i.kids, id)
	}
}

// spawn starts a respawn entry's process (a getty or the display
// manager) unless it runs already or is suspended.
func (i *Init) spawn(e Entry) {
	if pid, ok := i.kids[e.ID]; ok && i.k.Procs.Alive(pid) {
		return
	}
	now := i.k.Clock.Now()
	if until, ok := i.suspended[e.ID]; ok {
		if now.Before(until) {
			return
		}
		delete(i.suspended, e.ID)
	}
	argv := strings.Fields(e.Process)
	if len(argv) == 0 {
		return
	}
	// A process whose program is missing dies at once and is respawned
	// until init gives up on it.
	if _, _, st := i.procs.LookPath(argv[0], "/", "/sbin:/usr/sbin:/bin:/usr/bin"); st != 0 {
		for n := 0; n < maxSpawn; n++ {
			i.starts[e.ID] = append(i.starts[e.ID], now)
		}
		i.tooFast(e, now)
		return
	}
	tty := ""
	if strings.HasSuffix(argv[0], "getty") && len(argv) > 1 {
		tty = strings.TrimPrefix(argv[len(argv)-1], "/dev/")
	}
	pid, err := i.k.Procs.Spawn(proc.Process{
		PPID: 1, TTY: tty, State: 'S', SessionLeader: true, Foreground: tty != "",
		Comm: baseName(argv[0]), Args: argv, Exe: argv[0], Start: now,
		VSZ: 1604, RSS: 444,
	})
	if err != nil {
		return
	}
	i.kids[e.ID] = pid
	i.starts[e.ID] = append(i.starts[e.ID], now)
	i.emit(Event{Kind: "spawn", Detail: e.Process})
	i.tooFast(e, now)
}

// tooFast suspends an entry started too often, with sysvinit's message.
func (i *Init) tooFast(e Entry, now time.Time) {
	var recent []time.Time
	for _, t := range i.starts[e.ID] {
		if now.Sub(t) < testTime {
			recent = append(recent, t)
		}
	}
	i.starts[e.ID] = recent
	if len(recent) >= maxSpawn {
		msg := fmt.Sprintf("Id \"%s\" respawning too fast: disabled for 5 minutes", e.ID)
		i.say("INIT: %s\r\n", msg)
		i.k.Syslog("init", 0, msg)
		i.suspended[e.ID] = now.Add(sleepTime)
		i.starts[e.ID] = nil
	}
}

// Respawn restarts respawn entries of the current level whose process
// has exited (a killed getty comes back).
func (i *Init) Respawn() {
	if i.state != Running {
		return
	}
	_, cur := i.k.Runlevel()
	// As For("respawn", cur) would list them, without the list: init
	// looks after every program's exit.
	for _, e := range i.tab.Entries {
		if e.Action == "respawn" && strings.IndexByte(e.Levels, cur) >= 0 {
			i.spawn(e)
		}
	}
}

// Kid returns the pid of the process running for inittab entry id.
func (i *Init) Kid(id string) (int, bool) {
	pid, ok := i.kids[id]
	return pid, ok && i.k.Procs.Alive(pid)
}

// Handle acts on what was asked of init since the last call: runlevel
// changes, inittab reloads, halts and reboots.
func (i *Init) Handle(ctx context.Context) {
	for round := 0; round < 20; round++ {
		reqs := i.k.TakeInitRequests()
		if len(reqs) == 0 {
			break
		}
		for _, r := range reqs {
			if i.state == Off || i.state == Rebooting {
				return
			}
			i.handle(ctx, r)
		}
	}
	i.Respawn()
}

func (i *Init) handle(ctx context.Context, r kernel.InitRequest) {
	switch r.Kind {
	case "runlevel":
		switch r.Level {
		case 'Q':
			i.k.Syslog("init", 0, "Re-reading inittab")
			i.readInittab()
			i.Respawn()
		case 'U':
			i.k.Syslog("init", 0, "Trying to re-exec init")
		case 'A', 'B', 'C':
		default:
			if i.state == SingleUser {
				i.state = Running
			}
			i.enter(ctx, r.Level)
		}
	case "ctrlaltdel":
		for _, e := range i.tab.Actions("ctrlaltdel") {
			i.run(ctx, e)
		}
	case "halt":
		i.down("System halted.")
	case "poweroff":
		i.down("Power down.")
	case "reboot":
		i.say("Restarting system.\r\n")
		i.stopAll()
		i.state = Rebooting
		i.emit(Event{Kind: "reboot"})
	}
}

// Halt stops the machine at once (the simulator ending a reboot loop).
func (i *Init) Halt() {
	i.stopAll()
	i.state = Off
}

func (i *Init) down(msg string) {
	i.say("%s\r\n", msg)
	i.halt = msg
	i.stopAll()
	i.state = Off
	i.emit(Event{Kind: "halt", Detail: msg})
}

// stopAll ends every process: the machine is going off.
func (i *Init) stopAll() {
	for _, p := range i.k.Procs.List() {
		i.k.Procs.Exit(p.PID)
	}
}

// LeaveSingleUser is called when the single-user shell exits: init goes
// on to the default runlevel, as sysvinit does.
func (i *Init) LeaveSingleUser(ctx context.Context) {
	if i.state != SingleUser {
		return
	}
	i.state = Running
	level, ok, _ := i.tab.Default()
	if !ok || level == 'S' {
		i.state = AskRunlevel
		i.say("\nEnter runlevel: ")
		return
	}
	i.enter(ctx, level)
}

func baseName(p string) string { return p[strings.LastIndex(p, "/")+1:] }

// Clone copies init's state for a cloned machine whose kernel is k.
func (i *Init) Clone(k *kernel.Kernel, procs *shell.Procs, console io.Writer, tty bool) *Init {
	c := *i
	c.k, c.procs, c.console, c.tty, c.observer = k, procs, console, tty, nil
	c.tab = Inittab{Entries: append([]Entry(nil), i.tab.Entries...), Errors: append([]string(nil), i.tab.Errors...)}
	c.kids = maps.Clone(i.kids)
	c.starts = map[string][]time.Time{}
	for id, ts := range i.starts {
		c.starts[id] = append([]time.Time(nil), ts...)
	}
	c.suspended = maps.Clone(i.suspended)
	c.args = append([]string(nil), i.args...)
	return &c
}
