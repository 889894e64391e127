package cmds

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"syscall"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// This file is the machinery of the fake daemons: a daemon program checks
// its configuration, binds its ports, puts itself in the background (a
// master process with parent init, no terminal), writes its pid file,
// starts its workers and logs to syslog, then the command that started it
// returns, as a real daemon's parent does. Signals reach the master: HUP
// re-reads the configuration (the pid stays, the generation grows), TERM
// stops it and its workers. The catalog of daemons is daemon_catalog.go.

// daemonPort is a socket a daemon listens on.
type daemonPort struct {
	proto string
	port  int
}

// daemonSpec describes one daemon program.
type daemonSpec struct {
	name    string // program name, also the process's comm
	dir     string // where the program is installed
	summary string
	uid     int  // owner of the master process
	vsz     int  // KiB
	rss     int  // KiB
	threads bool // multi-threaded: ps shows "l"
	// pidfile is where the daemon writes its pid; "" means
	// /var/run/<name>.pid, "-" none.
	pidfile string
	ports   []daemonPort
	// config must exist for the daemon to start; check validates it.
	config string
	check  func(p *Proc, data []byte) error
	// workers are children started with the master.
	workers    int
	workerUID  int
	workerVSZ  int
	workerRSS  int
	workerComm string   // "" means the master's
	workerArgs []string // nil means the master's argv
	// argv turns the command line into what ps shows (nil: as run).
	argv func(args []string) []string
	// started and stopped are syslog lines (without tag) on start and on
	// a clean stop; reloaded on SIGHUP.
	started, stopped, reloaded []string
	// logfile, when set, gets the lines of the on* fields (httpd's
	// error_log) formatted by logLine.
	logfile                   string
	onStart, onStop, onReload []string
	// listen, when set, computes the ports from the configuration (httpd's
	// Listen directives) instead of ports.
	listen func(conf string) []daemonPort
	// ppidFrom names a launcher whose live process becomes the parent
	// (mysqld under mysqld_safe) instead of init.
	ppidFrom string
	// options handles program options that do not start the daemon (such
	// as httpd -t); it returns handled=true with the exit status.
	options func(p *Proc, spec *daemonSpec) (status int, handled bool)
	// busy is what the program says, and its status, when it finds its
	// own instance running (sshd: port busy; crond: pid file locked).
	busy func(p *Proc, pid int) int
	// exe and pidAt are the program's path and pidPath, set by
	// registerDaemon.
	exe, pidAt string
}

// DaemonState is kept in a daemon master's process entry.
type DaemonState struct {
	Spec string // program name
	// Generation counts configuration loads: 1 at start, +1 per reload.
	Generation int
	// Config is the configuration text of the current generation.
	Config  string
	Workers []int
	spec    *daemonSpec
}

// CloneFor copies the state for a cloned kernel, with its handler bound
// to that kernel.
func (st *DaemonState) CloneFor(k *kernel.Kernel, pid int) (any, func(proc.Signal) bool) {
	cp := *st
	cp.Workers = append([]int(nil), st.Workers...)
	if st.Spec == "xinetd" {
		// xinetd keeps its loaded services per kernel; its own handler
		// reloads them on the copy.
		return &cp, xinetdSignal(k, pid)
	}
	return &cp, cp.Rebind(k, pid)
}

// Rebind returns the signal handler of the master pid on kernel k (a
// cloned machine gets handlers bound to its own kernel).
func (st *DaemonState) Rebind(k *kernel.Kernel, pid int) func(proc.Signal) bool {
	return daemonSignal(k, pid, st)
}

var daemonSpecs = map[string]*daemonSpec{}

// registerDaemon adds a daemon program to the table.
func registerDaemon(spec daemonSpec) {
	s := spec
	s.exe = path.Join(s.dir, s.name)
	s.pidAt = s.pidPath()
	daemonSpecs[s.name] = &s
	Register(Command{
		Name: s.name, Dirs: []string{s.dir}, Summary: s.summary,
		Usage: s.name + " [options]", VSZ: s.vsz, RSS: s.rss,
		Main: func(p *Proc) int { return daemonMain(p, &s) },
	})
}

func (s *daemonSpec) pidPath() string {
	if s.pidAt != "" {
		return s.pidAt
	}
	switch s.pidfile {
	case "":
		return "/var/run/" + s.name + ".pid"
	case "-":
		return ""
	}
	return s.pidfile
}

// RunningDaemon finds the live master of daemon name: its pid and state.
func RunningDaemon(k *kernel.Kernel, name string) (int, *DaemonState, bool) {
	pr, ok := k.Procs.First(func(pr *proc.Process) bool {
		st, ok := pr.Data.(*DaemonState)
		return ok && st.Spec == name
	})
	if !ok {
		return 0, nil, false
	}
	return pr.PID, pr.Data.(*DaemonState), true
}

func daemonMain(p *Proc, s *daemonSpec) int {
	if s.options != nil {
		if st, handled := s.options(p, s); handled {
			return st
		}
	}
	if pid, _, ok := RunningDaemon(p.Sys, s.name); ok && s.busy != nil {
		return s.busy(p, pid)
	}
	var conf []byte
	if s.config != "" {
		data, err := readVFS(p, s.config)
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: could not open configuration file %s: %s\n", s.name, s.config, Strerror(err))
			return 1
		}
		conf = data
		if s.check != nil {
			if err := s.check(p, conf); err != nil {
				fmt.Fprintln(p.Stderr, err)
				return 1
			}
		}
	}
	args := p.Args
	if s.argv != nil {
		args = s.argv(p.Args)
	}
	k := p.Sys
	ppid := 1
	if s.ppidFrom != "" {
		for _, pr := range k.Procs.List() {
			if pr.Comm == s.ppidFrom {
				ppid = pr.PID
			}
		}
	}
	confText := string(conf) // one copy, shared by the state and listen
	st := &DaemonState{Spec: s.name, Generation: 1, Config: confText, spec: s}
	pid, err := k.Procs.Spawn(proc.Process{
		PPID: ppid, UID: s.uid, State: 'S', SessionLeader: true, Threads: s.threads,
		Comm: comm(s.name), Args: args, Exe: s.exe,
		VSZ: s.vsz, RSS: s.rss, Data: st,
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: fork: %s\n", s.name, Strerror(err))
		return 1
	}
	ports := s.ports
	if s.listen != nil {
		ports = s.listen(confText)
	}
	for _, port := range ports {
		err := error(nil)
		if port.port < 1024 && !p.Root() {
			err = syscall.EACCES // only root binds a privileged port
		} else {
			err = k.Listen(port.proto, port.port, pid, s.name)
		}
		if err != nil {
			k.CloseSockets(pid)
			k.Procs.Exit(pid)
			daemonBindError(p, s, port, err)
			return 1
		}
	}
	k.Procs.Update(pid, func(pr *proc.Process) { pr.OnSignal = daemonSignal(k, pid, st) })
	if pf := s.pidPath(); pf != "" {
		writeVFS(p, pf, pidLine(pid), 0o644)
	}
	for i := 0; i < s.workers; i++ {
		wargs := args
		if s.workerArgs != nil {
			wargs = s.workerArgs
		}
		wcomm := s.workerComm
		if wcomm == "" {
			wcomm = comm(s.name)
		}
		w, err := k.Procs.Spawn(proc.Process{
			PPID: pid, UID: s.workerUID, State: 'S', Comm: wcomm, Args: wargs,
			Exe: s.exe, VSZ: s.workerVSZ, RSS: s.workerRSS,
			Data: workerOf{master: pid},
		})
		if err == nil {
			st.Workers = append(st.Workers, w)
		}
	}
	for _, line := range s.started {
		daemonSyslog(k, s, pid, line)
	}
	daemonLog(k, s, s.onStart)
	return 0
}

// daemonSyslog logs one of a daemon's lines: "name[pid]: line", or the
// line as it is when it starts with "=" (syslogd and klogd log under
// their own words: "syslogd 1.4.1: restart.", "kernel: klogd …").
func daemonSyslog(k *kernel.Kernel, s *daemonSpec, pid int, line string) {
	if raw, ok := strings.CutPrefix(line, "="); ok {
		k.Syslog("", 0, raw)
		return
	}
	k.Syslog(s.name, pid, line)
}

// daemonLog appends lines to the daemon's own log file, stamped as
// Apache stamps its error_log.
func daemonLog(k *kernel.Kernel, s *daemonSpec, lines []string) {
	if s == nil || s.logfile == "" || len(lines) == 0 {
		return
	}
	f, err := k.FS.OpenFile(s.logfile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	stamp := k.Clock.Now().Format("Mon Jan 02 15:04:05 2006")
	for _, l := range lines {
		fmt.Fprintf(f, "[%s] %s\n", stamp, l)
	}
}

// workerOf marks a worker process: it dies with its master.
type workerOf struct{ master int }

// comm is the kernel's 15-byte process name.
func comm(name string) string {
	if len(name) > 15 {
		return name[:15]
	}
	return name
}

// daemonSignal is a master's reaction to signals.
func daemonSignal(k *kernel.Kernel, pid int, st *DaemonState) func(proc.Signal) bool {
	return func(sig proc.Signal) bool {
		s := daemonSpecs[st.Spec]
		switch sig {
		case proc.SIGHUP, proc.SIGUSR1:
			if s != nil && s.config != "" {
				f, err := k.FS.Open(s.config)
				if err == nil {
					data, _ := io.ReadAll(f)
					f.Close()
					st.Config = string(data)
				}
			}
			st.Generation++
			if s != nil {
				for _, line := range s.reloaded {
					daemonSyslog(k, s, pid, line)
				}
				daemonLog(k, s, s.onReload)
			}
			return true
		case proc.SIGTERM, proc.SIGINT, proc.SIGQUIT:
			if s != nil {
				for _, line := range s.stopped {
					daemonSyslog(k, s, pid, line)
				}
				daemonLog(k, s, s.onStop)
				if pf := s.pidPath(); pf != "" {
					k.FS.Remove(pf)
				}
			}
			return false
		}
		return false
	}
}

// DaemonExited cleans up after a process that left the table (hadData:
// it had Data): its sockets close, a daemon master's workers end too,
// and a launcher (mysqld_safe) whose daemon ended leaves.
func DaemonExited(k *kernel.Kernel, pid, ppid int, hadData bool) {
	k.CloseSockets(pid)
	// The table has already given the master's children to init, so
	// workers are found by the master they belong to. Only a daemon has
	// workers, and every daemon has Data: a program's process (nil Data)
	// spares the look through the table.
	if hadData {
		workers := k.Procs.Select(func(pr *proc.Process) bool {
			w, ok := pr.Data.(workerOf)
			return ok && w.master == pid
		})
		for _, w := range workers {
			k.Procs.Exit(w)
		}
	}
	if ppid > 1 {
		if parent, ok := k.Procs.Get(ppid); ok {
			if _, launcher := parent.Data.(launcherOf); launcher {
				k.Procs.Exit(ppid)
			}
		}
	}
}

// launcherOf marks a launcher process that lives as long as its daemon.
type launcherOf struct{}

func daemonBindError(p *Proc, s *daemonSpec, port daemonPort, err error) {
	if s.name == "httpd" {
		fmt.Fprintf(p.Stderr, "(%d)%s: make_sock: could not bind to address 0.0.0.0:%d\n", int(errnoOf(err)), Strerror(err), port.port)
		fmt.Fprintf(p.Stderr, "no listening sockets available, shutting down\nUnable to open logs\n")
		return
	}
	fmt.Fprintf(p.Stderr, "%s: bind to port %d failed: %s\n", s.name, port.port, Strerror(err))
	p.Sys.Syslog(s.name, 0, fmt.Sprintf("bind to port %d failed: %s", port.port, Strerror(err)))
}

func errnoOf(err error) syscall.Errno {
	var e syscall.Errno
	if errors.As(err, &e) {
		return e
	}
	return 0
}

// readVFS reads a file of the machine.
func readVFS(p *Proc, name string) ([]byte, error) {
	f, err := p.Sys.FS.Open(p.Abs(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		// One allocation of the right size, not ReadAll's doubling.
		buf := make([]byte, fi.Size())
		n, err := io.ReadFull(f, buf)
		if err == nil {
			var probe [1]byte
			if m, _ := f.Read(probe[:]); m == 0 {
				return buf, nil
			}
			rest, err := io.ReadAll(f) // the file grew under us
			return append(append(buf, probe[0]), rest...), err
		}
		if err != io.ErrUnexpectedEOF {
			return nil, err
		}
		return buf[:n], nil
	}
	return io.ReadAll(f)
}

// pidLine is the content of a pid file, made with one allocation.
func pidLine(pid int) string {
	var buf [24]byte
	return string(append(strconv.AppendInt(buf[:0], int64(pid), 10), '\n'))
}

// writeVFS replaces a file of the machine.
func writeVFS(p *Proc, name, content string, perm os.FileMode) error {
	f, err := p.Sys.FS.OpenFile(p.Abs(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// argvAs shows the daemon as a fixed command line in ps.
func argvAs(words ...string) func([]string) []string {
	return func([]string) []string { return words }
}

// argvBase shows the daemon under its base name followed by its options
// (crond, syslogd -m 0), as daemons that do not keep their path do.
func argvBase(args []string) []string {
	out := append([]string{path.Base(args[0])}, args[1:]...)
	return out
}
