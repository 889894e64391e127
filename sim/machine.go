// Package sim is rclab's simulated machine: a CentOS 5 server that lives in
// memory. Everything a person does reaches it as an Action through
// Machine.Apply, which returns what the terminal shows; the UI, the
// headless runner, lessons and exams all drive it that way, so a list of
// actions replays to the same machine byte for byte.
//
// The machine never reads the host: no wall clock, no host randomness, no
// host files. Its mechanisms live in sim/internal; this package is the
// whole public surface.
package sim

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/image"
	"rclab/sim/internal/cmds"
	"rclab/sim/internal/initd"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/sim/internal/shell"
	"rclab/vfs"
)

// Limits of one typed command line: a runaway loop is stopped after this
// many simple commands, or this much host time as a backstop.
const (
	lineSteps = 200_000
	lineLimit = 20 * time.Second
)

// keystroke is how far the virtual clock moves for each typed line.
const keystroke = time.Second

// bootTime is how long a boot takes on the virtual clock.
const bootTime = 12 * time.Second

// maxReboots is how many reboots in a row without a typed command the
// machine allows before it stops a reboot loop (initdefault 6).
const maxReboots = 3

// Console is the terminal the machine's root login uses.
const Console = "tty1"

// Machine is one simulated computer. It is safe for use from several
// goroutines; actions are applied one at a time.
type Machine struct {
	mu       sync.Mutex
	cfg      config
	k        *kernel.Kernel
	procs    *shell.Procs
	init     *initd.Init
	login    *shell.Shell // nil while nobody is logged in on the console
	loginPID int
	single   bool // the console's shell is runlevel S's root shell
	term     *terminal
	pending  string
	// cancelMu guards cancel apart from mu, which Apply holds while the
	// command runs, so Interrupt can reach it.
	cancelMu sync.Mutex
	cancel   context.CancelFunc
	// kb is the console's keyboard; line is the console's command line
	// while it waits for the keyboard (keyboard.go).
	kb      *keyboard
	line    *lineRun
	bootLog string
	// bootEvents are the events of the first boot.
	bootEvents []Event
	reboots    int
	down       string // why the machine is off, "" while it runs

	evMu   sync.Mutex
	events []Event
	sub    func(Event)

	vts [TTYs - 1]*vt // tty2–tty6 (ttys.go)
	rc  rcTracker     // the rc pass being followed (rcsteps.go)
}

type config struct {
	noCache  bool
	image    string
	seed     uint64
	tty      bool
	start    time.Time
	boot     bool
	bootArgs []string
	screens  bool // full-screen programs open a Screen (screen.go)
	// ext is installed after the boot (extension.go).
	ext extensions
	// out and sub receive output and events from the start, and started
	// the machine before it boots (output.go).
	out     func(Output)
	sub     func(Event)
	started func(*Machine)
}

// Option configures New.
type Option func(*config)

// WithImage selects the base image by name (default "centos5").
func WithImage(name string) Option { return func(c *config) { c.image = name } }

// WithSeed seeds the machine's random source (default 1).
func WithSeed(seed uint64) Option { return func(c *config) { c.seed = seed } }

// WithTerminal says whether the user's screen is a terminal: programs then
// colour and columnate their output as they do on a console. Default true.
func WithTerminal(tty bool) Option { return func(c *config) { c.tty = tty } }

// WithBoot says whether New powers the machine on (default true). A machine
// that is not booted has its files and a root shell but no processes.
func WithBoot(boot bool) Option { return func(c *config) { c.boot = boot } }

// WithBootArgs appends words to the kernel command line of the first boot
// (single, 1, 3, emergency…), as typed at the GRUB prompt.
func WithBootArgs(args ...string) Option {
	return func(c *config) { c.bootArgs = append(c.bootArgs, args...) }
}

// WithFreshBoot makes New run the whole boot even when an identical
// machine was booted before (the result is the same; only the cost
// differs), for measuring boots.
func WithFreshBoot() Option { return func(c *config) { c.noCache = true } }

// Images lists the base images a machine can be built from.
func Images() []string { return image.Names() }

// New builds a machine from its image and, unless WithBoot(false), boots it
// and logs root in on the console.
func New(opts ...Option) (*Machine, error) {
	cfg := newConfig(opts)
	ext := cfg.ext
	cfg.ext = extensions{}
	prof, err := image.Profile(cfg.image)
	if err != nil {
		return nil, err
	}
	live := cfg.out != nil || cfg.sub != nil || cfg.started != nil
	out, started := cfg.out, cfg.started
	cfg.out, cfg.started = nil, nil
	if cfg.boot && !cfg.noCache && !live {
		if m, ok := cachedBoot(cfg); ok {
			m.cfg.screens = cfg.screens // not part of the boot
			return m.extended(ext)
		}
	}
	fsys := vfs.New(vfs.WithQuota(64<<20, 200_000))
	if err := loadInstalled(cfg.image, fsys); err != nil {
		return nil, err
	}
	k := kernel.New(fsys, kernel.Info{
		Hostname: prof.Hostname,
		Release:  prof.Release,
		Kernel:   prof.Kernel,
		Arch:     prof.Arch,
		Bash:     prof.BashVersion,
	}, cfg.start, cfg.seed)
	m := &Machine{cfg: cfg, k: k, procs: shell.NewProcs(k), term: &terminal{}, sub: cfg.sub, kb: newKeyboard()}
	m.cfg.sub = nil
	watchProcesses(k)
	k.AttachTTY(Console, m.term.out(true))
	m.attachTTYs()
	m.setOutput(out)
	m.init = initd.New(k, m.procs, m.term.out(cfg.tty), cfg.tty)
	m.watchEvents()
	m.watchRc()
	if started != nil {
		started(m)
	}
	if !cfg.boot {
		k.SetRunlevel(0, 0)
		if err := m.startShell(0, false); err != nil {
			return nil, err
		}
		m.term.take()
		return m.extended(ext)
	}
	m.powerOn(cfg.bootArgs)
	m.bootLog = m.term.take()
	m.bootEvents = m.takeEvents()
	rememberBoot(cfg, m)
	return m.extended(ext)
}

// watchProcesses keeps the kernel's view in step with the process table:
// /proc/<pid> directories (init scripts test them), sockets of exited
// processes, daemons' workers, and whether syslogd receives messages.
func watchProcesses(k *kernel.Kernel) {
	_, _, logging := cmds.RunningDaemon(k, "syslogd") // a clone's syslogd runs on
	k.SetSyslog(logging)
	k.Procs.Subscribe(func(e proc.Event) {
		if e.Comm == "syslogd" && (e.Kind == proc.Spawned || e.Kind == proc.Exited) {
			_, _, running := cmds.RunningDaemon(k, "syslogd")
			k.SetSyslog(running)
		}
		switch e.Kind {
		case proc.Spawned:
			k.FS.Mkdir(procDir(e.PID), 0o555)
		case proc.Exited:
			k.FS.RemoveAll(procDir(e.PID))
			cmds.DaemonExited(k, e.PID, e.PPID, e.HadData)
			switch e.Signal {
			case 0:
				k.JobEnded(e.PID, "Done")
			case proc.SIGKILL:
				k.JobEnded(e.PID, "Killed")
			default:
				k.JobEnded(e.PID, "Terminated")
			}
		}
	})
}

// procDir is /proc/PID.
func procDir(pid int) string {
	var b [24]byte
	return string(strconv.AppendInt(append(b[:0], "/proc/"...), int64(pid), 10))
}

// installedTrees holds, per image name, the image with every program
// installed, written once per process: a machine takes a copy-on-write
// copy of it instead of writing some two hundred program files again.
var installedTrees sync.Map // image name → *installedTree

type installedTree struct {
	once sync.Once
	fs   *vfs.FS // nil when writing it failed
}

// loadInstalled fills the empty fsys with image name and the programs.
// When the shared tree cannot be copied it writes them into fsys one by
// one, which also reports what went wrong.
func loadInstalled(name string, fsys *vfs.FS) error {
	v, _ := installedTrees.LoadOrStore(name, &installedTree{})
	t := v.(*installedTree)
	t.once.Do(func() {
		tree := vfs.New()
		if image.Load(name, tree) == nil && installPrograms(tree) == nil {
			t.fs = tree
		}
	})
	if t.fs != nil && fsys.CopyTree(t.fs) == nil {
		return nil
	}
	if err := image.Load(name, fsys); err != nil {
		return fmt.Errorf("loading image %s: %w", name, err)
	}
	if err := installPrograms(fsys); err != nil {
		return fmt.Errorf("installing programs: %w", err)
	}
	return nil
}

// installPrograms writes an entry for every simulated program into the
// directories it belongs to, so ls /bin, which and type are honest.
func installPrograms(fsys *vfs.FS) error {
	for _, c := range cmds.All() {
		for _, dir := range c.Dirs {
			if err := fsys.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			p := dir + "/" + c.Name
			if _, err := fsys.Lstat(p); err == nil {
				continue
			}
			f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
			if err != nil {
				return err
			}
			if _, err := f.Write(shell.ProgramFile(c.Name)); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			if mode, ok := setuidPrograms[c.Name]; ok {
				if err := fsys.Chmod(p, mode); err != nil {
					return err
				}
			}
			if err := fsys.Chtimes(p, image.Mtime, image.Mtime); err != nil {
				return err
			}
		}
	}
	return nil
}

// setuidPrograms are the programs CentOS 5 installs set-user-ID root,
// with their modes (passwd is -r-s--x--x there).
var setuidPrograms = map[string]os.FileMode{
	"su":      os.ModeSetuid | 0o755,
	"passwd":  os.ModeSetuid | 0o511,
	"ping":    os.ModeSetuid | 0o755,
	"mount":   os.ModeSetuid | 0o755,
	"umount":  os.ModeSetuid | 0o755,
	"crontab": os.ModeSetuid | 0o755,
	"at":      os.ModeSetuid | 0o755,
}

// BootLog is what the console showed during the first boot.
func (m *Machine) BootLog() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.bootLog
}

// BootEvents are the events of the first boot (the boot stepper walks
// them).
func (m *Machine) BootEvents() []Event {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Event(nil), m.bootEvents...)
}

// Down reports why the machine is off ("Power down.", "System halted.",
// or the explanation of a stopped reboot loop), or "" while it runs.
func (m *Machine) Down() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.down
}

// powerOn boots the machine and settles it: init requests handled, and
// root logged in on the console (or a single-user shell, or init's
// runlevel prompt).
func (m *Machine) powerOn(args []string) {
	m.abortLine()
	m.down = ""
	m.login = nil
	m.pending = ""
	m.k.SetBoot(m.k.Clock.Now())
	ctx := context.Background()
	m.init.PowerOn(ctx, args)
	m.k.Clock.Advance(bootTime)
	m.settle()
}

// settle lets init act on what was asked of it and brings the console to
// a usable state: a login shell, a single-user shell, the runlevel prompt,
// or a halted machine. It loops over reboots.
func (m *Machine) settle() {
	if !m.cfg.boot {
		return // a bare machine has no init to consult
	}
	ctx := context.Background()
	for round := 0; round < 50; round++ {
		m.fireTimers()
		m.init.Handle(ctx)
		m.settleTTYs()
		if m.login != nil && !m.k.Procs.Alive(m.loginPID) {
			m.endSession()
		}
		switch m.init.State() {
		case initd.Off:
			m.endSession()
			m.down = m.init.Stopped()
			return
		case initd.Rebooting:
			m.endSession()
			m.reboots++
			if m.reboots >= maxReboots {
				why := "Read the boot messages above to find the step that reboots it."
				if lvl, ok, _ := m.init.Tab().Default(); ok && lvl == '6' {
					why = "The initdefault line of /etc/inittab says 6, which means reboot."
				}
				m.down = fmt.Sprintf("rclab: the machine rebooted %d times in a row without reaching a prompt, so it was stopped.\n"+
					"%s Power on with a runlevel on the\nkernel command line (for example: single) and fix it.", m.reboots, why)
				io.WriteString(m.term.err(), m.down+"\n")
				m.init.Halt()
				return
			}
			m.powerOn(nil)
			return
		case initd.AskRunlevel:
			m.endSession()
			return
		case initd.SingleUser:
			if m.login == nil {
				m.startShell(0, true)
			}
			return
		case initd.Running:
			if m.login == nil {
				m.loginConsole()
			}
		}
		if m.k.InitRequests() == 0 && !m.timersDue() {
			return
		}
	}
}

// loginConsole logs root in on tty1: the getty there becomes -bash, as
// mingetty → login → bash does.
func (m *Machine) loginConsole() {
	pid := 0
	if p, ok := m.k.Procs.First(func(p *proc.Process) bool { return p.TTY == Console && p.Comm == "mingetty" }); ok {
		pid = p.PID
	}
	if pid != 0 {
		m.k.Procs.Update(pid, func(p *proc.Process) {
			p.Comm, p.Args, p.Exe = "bash", []string{"-bash"}, "/bin/bash"
			p.VSZ, p.RSS, p.Foreground = 4988, 1496, false
		})
	} else {
		var err error
		pid, err = m.k.Procs.Spawn(proc.Process{PPID: 1, TTY: Console, State: 'S', SessionLeader: true,
			Comm: "bash", Args: []string{"-bash"}, Exe: "/bin/bash", Start: m.k.Clock.Now(), VSZ: 4988, RSS: 1496})
		if err != nil {
			return
		}
	}
	m.k.Login(kernel.Session{User: "root", TTY: Console, Login: m.k.Clock.Now(), PID: pid})
	m.startShell(pid, false)
	m.reboots = 0
}

// endSession ends the console's shell (logout, or its process was killed
// by a runlevel change).
func (m *Machine) endSession() {
	if m.login == nil {
		return
	}
	m.abortLine()
	m.k.Logout(Console)
	if m.loginPID != 0 && m.k.Procs.Alive(m.loginPID) {
		m.k.Procs.Exit(m.loginPID)
	}
	wasSingle := m.single && m.init.State() == initd.SingleUser
	m.login, m.loginPID, m.single = nil, 0, false
	if wasSingle {
		m.init.LeaveSingleUser(context.Background())
	}
}

// loginEnv is root's environment after a console login on CentOS 5, before
// the profile scripts run.
func loginEnv() []string {
	return []string{
		"HOME=/root",
		"LOGNAME=root",
		"MAIL=/var/spool/mail/root",
		"PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin",
		"SHELL=/bin/bash",
		"SHLVL=1", // bash raises the level it inherits (none) to 1
		"TERM=linux",
		"USER=root",
	}
}

// startShell starts the console's shell: a login shell with the profile
// read, or (single) the password-less root shell of runlevel S.
func (m *Machine) startShell(pid int, single bool) error {
	name, env, dir := "-bash", loginEnv(), "/root"
	if single {
		name, dir = "sh", "/"
		env = []string{"HOME=/", "PATH=/sbin:/usr/sbin:/bin:/usr/bin", "SHLVL=1", "TERM=linux"}
		p, err := m.k.Procs.Spawn(proc.Process{PPID: 1, TTY: Console, State: 'S', SessionLeader: true,
			Comm: "sh", Args: []string{"/bin/sh"}, Exe: "/bin/bash", Start: m.k.Clock.Now(), VSZ: 4584, RSS: 1380})
		if err == nil {
			pid = p
		}
	}
	o := m.shellOptions()
	o.Environ, o.Dir, o.Name, o.Umask, o.PID, o.PPID = env, dir, name, 0o022, pid, 1
	sh, err := shell.New(o)
	if err != nil {
		return err
	}
	m.login, m.loginPID, m.single = sh, pid, single
	sh.RunStmts(context.Background(), mustParse(":")) // settles $PS1 and friends
	if !single {
		ctx, cancel := shell.WithBudget(context.Background(), lineSteps, lineLimit)
		defer cancel()
		for _, f := range []string{"/etc/profile", "/root/.bash_profile"} {
			if _, err := m.k.FS.Stat(f); err == nil {
				sh.RunStmts(ctx, mustParse(". "+f))
			}
		}
	}
	return nil
}

// shellOptions are the console shell's streams and machine.
func (m *Machine) shellOptions() shell.Options {
	return shell.Options{
		Kernel:      m.k,
		Stdout:      m.term.out(m.cfg.tty),
		Stderr:      m.term.err(),
		Terminal:    m.term.out(true),
		Interactive: true,
		StdinTty:    m.cfg.tty,
		Keyboard:    m.kb,
		Procs:       m.procs,
		TTY:         Console,
	}
}

// newProcs is the program runner of a machine whose kernel is k.
func newProcs(k *kernel.Kernel) *shell.Procs { return shell.NewProcs(k) }

// incomplete reports whether more lines could finish the input: an open
// construct, or a here-document still waiting for its delimiter (the
// parser marks a quoted delimiter's as a plain error).
func incomplete(err error) bool {
	var pe syntax.ParseError
	return syntax.IsIncomplete(err) || errors.As(err, &pe) && strings.HasPrefix(pe.Text, "unclosed here-document")
}

func mustParse(src string) []*syntax.Stmt {
	f, err := shell.Parse(src, "-bash")
	if err != nil {
		panic(err)
	}
	return f.Stmts
}

// fireTimers acts on the timers that are due: a scheduled shutdown warns
// everybody and asks init for its runlevel.
func (m *Machine) fireTimers() {
	for _, j := range m.k.JobsDue(m.k.Clock.Now()) {
		m.k.Procs.Exit(j.PID) // a background sleep is over
	}
	for _, t := range m.k.Due(m.k.Clock.Now()) {
		if sd, ok := t.Data.(cmds.Shutdown); ok {
			text := ""
			if sd.Message != "" {
				text = sd.Message + "\r\n"
			}
			cmds.BroadcastAt(m.k, t.At, "root", sd.From, text+"\r"+cmds.ShutdownNotice(sd.Level, 0)+"\r\n")
			if !sd.Warn {
				m.k.RequestInit(kernel.InitRequest{Kind: "runlevel", Level: sd.Level})
			}
		}
	}
}

func (m *Machine) timersDue() bool {
	t, ok := m.k.Pending(cmds.ShutdownTimer)
	return ok && !t.At.After(m.k.Clock.Now())
}

// Prompt is what the terminal shows before the next line: PS1 expanded, or
// PS2 ("> ") while a multi-line construct is open; "" when no shell is
// waiting (init's runlevel prompt, or the machine is off).
func (m *Machine) Prompt() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.login == nil || m.line != nil {
		return ""
	}
	if m.pending != "" {
		ps2 := m.login.Var("PS2")
		if ps2 == "" {
			ps2 = "> "
		}
		return ps2
	}
	return m.expandPrompt(m.login.Var("PS1"))
}

// Interrupt cancels the running command, as Ctrl-C does.
func (m *Machine) Interrupt() {
	m.cancelMu.Lock()
	c := m.cancel
	m.cancelMu.Unlock()
	if c != nil {
		c()
	}
}

// typeLine runs one line typed at the console.
func (m *Machine) typeLine(line string) Result {
	if m.down != "" {
		return Result{Down: true, Status: 1}
	}
	m.k.Clock.Advance(keystroke)
	// A line typed while a full-screen program is still open (a record
	// made before programs waited for their screen) ends the program with
	// its usual status first, and any the rest of its line opens.
	var before *Result
	for m.line != nil && m.kb.screenWaiting() {
		r := m.endScreen(m.kb.screenStatus())
		if before != nil {
			r = joinResults(*before, r)
		}
		before = &r
	}
	r := m.typeRest(line)
	if before != nil {
		r = joinResults(*before, r)
	}
	return r
}

// joinResults is what two results in a row showed, as one: the second's
// status and state, both outputs and events.
func joinResults(a, b Result) Result {
	if a.Streamed == len(a.Output) {
		b.Streamed += a.Streamed
	} else {
		b.Streamed = a.Streamed
	}
	b.Output = a.Output + b.Output
	b.Events = append(a.Events, b.Events...)
	b.LoggedOut = a.LoggedOut || b.LoggedOut
	b.Down = a.Down || b.Down
	return b
}

// typeRest runs a line typed at the console where login, the shell or a
// program of the running line reads it.
func (m *Machine) typeRest(line string) Result {
	if m.down != "" {
		return Result{Down: true, Status: 1}
	}
	if m.login == nil {
		m.init.Answer(context.Background(), line)
		m.settle()
		return m.result(0)
	}
	if m.line != nil {
		m.line.feed(line)
		r := m.awaitLine()
		r.Input = true
		return r
	}
	line = m.login.ExpandHistory(line, m.term.err())
	src := m.pending + line + "\n"
	f, err := shell.ParseLine(src, "-bash")
	if err != nil && incomplete(err) {
		m.pending = src
		return Result{Incomplete: true}
	}
	m.pending = ""
	if strings.TrimSpace(src) != "" {
		m.login.AddHistory(strings.TrimRight(src, "\n"))
	}
	ctx, cancel := shell.WithBudget(context.Background(), lineSteps, lineLimit)
	m.cancelMu.Lock()
	m.cancel = cancel
	m.cancelMu.Unlock()
	if err != nil {
		io.WriteString(m.term.err(), shell.SyntaxMessage("-bash: ", src, err))
		m.login.RunStmts(ctx, mustParse("(exit 2)"))
		m.lineOver(cancel)
		return m.lineEnded(2)
	}
	m.armScreen()
	sh := m.login
	m.line = startLine(m.kb, ctx, cancel, func(ctx context.Context) int { return sh.RunStmts(ctx, f.Stmts) })
	return m.awaitLine()
}

// awaitLine lets the console's line run until it ends or waits for the
// keyboard.
func (m *Machine) awaitLine() Result {
	st, finished := m.runLine(m.line)
	if !finished {
		// init acts at once on what the line asked of it (init 3 typed
		// in a su - shell), as it does when a line ends; that may end
		// the console's session, and the waiting line with it.
		m.settle()
		if m.line == nil {
			r := m.result(st)
			r.LoggedOut = m.login == nil && m.down == ""
			return r
		}
		r := m.result(0)
		if scr := m.newScreen(); scr != nil {
			r.Screen = scr
			return r
		}
		if m.kb.screenWaiting() {
			return r // the interface shows the program already
		}
		r.Reading, r.NoEcho, r.ShellPrompt = true, !m.kb.echo(), m.kb.atShellPrompt()
		return r
	}
	m.lineOver(m.line.cancel)
	return m.lineEnded(st)
}

// lineOver forgets the console's finished line.
func (m *Machine) lineOver(cancel context.CancelFunc) {
	cancel()
	m.line = nil
	m.cancelMu.Lock()
	m.cancel = nil
	m.cancelMu.Unlock()
}

// abortLine ends a line that waits for the keyboard, as the console's
// shell being killed does (a shutdown, a power-off): its reads fail and
// it runs to its end.
func (m *Machine) abortLine() {
	if m.line == nil {
		return
	}
	l := m.line
	l.abort()
	m.lineOver(l.cancel)
}

// runLine lets line l (of any console) run until it ends or waits for
// the keyboard; Interrupt reaches it meanwhile.
func (m *Machine) runLine(l *lineRun) (status int, finished bool) {
	m.cancelMu.Lock()
	m.cancel = l.cancel
	m.cancelMu.Unlock()
	defer func() {
		m.cancelMu.Lock()
		m.cancel = nil
		m.cancelMu.Unlock()
	}()
	return l.wait()
}

// lineEnded finishes a console line that ran with status st: the screen
// it opened, a logout, init's requests and job notices.
func (m *Machine) lineEnded(st int) Result {
	m.disarmScreen()
	m.reboots = 0
	loggedOut := m.login.Exited()
	if loggedOut {
		if m.single {
			loggedOut = false // leaving single user mode boots on
		}
		m.endSession()
	}
	m.settle()
	for _, n := range m.k.JobNotices(Console) {
		io.WriteString(m.term.err(), n+"\n")
	}
	r := m.result(st)
	r.LoggedOut = loggedOut
	return r
}

func (m *Machine) result(st int) Result {
	out, streamed := m.term.takeAll()
	return Result{Output: out, Streamed: streamed, Status: st, Down: m.down != "", Events: m.takeEvents()}
}

// terminal collects what the console shows, stdout and stderr in the
// order they were written.
type terminal struct {
	mu  sync.Mutex
	buf bytes.Buffer
	// sink, when set, also receives every write: the live reader and the
	// rc step recorder (output.go); sunk counts the bytes of buf it passed
	// to a live reader.
	sink liveSink
	sunk int
	scr  screenSlot // a full-screen program the line opened (screen.go)
}

type termWriter struct {
	t   *terminal
	tty bool
}

func (w termWriter) Write(p []byte) (int, error) {
	w.t.mu.Lock()
	defer w.t.mu.Unlock()
	w.t.buf.Write(p)
	if w.t.sink != nil && w.t.sink.write(p) {
		w.t.sunk += len(p)
	}
	return len(p), nil
}

// out is the terminal as standard output; tty says whether programs should
// treat it as a terminal. The two writers are distinct values so the shell
// can tell them apart.
func (t *terminal) out(tty bool) io.Writer {
	if tty {
		return ttyOut{termWriter{t, true}}
	}
	return termWriter{t, false}
}

type ttyOut struct{ termWriter }

func (t *terminal) err() io.Writer { return termWriter{t, false} }

func (t *terminal) take() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.buf.String()
	t.buf.Reset()
	t.sunk = 0
	return s
}
