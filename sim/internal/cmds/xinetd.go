package cmds

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"weak"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/sim/internal/xinetd"
)

// xinetd 2.3.14, the super-server of CentOS 5, and the connections of the
// simulated machine. xinetd reads /etc/xinetd.conf and /etc/xinetd.d at
// start and on SIGHUP only, listens on the ports of the services it loaded
// and, for each connection, forks the service's server as its child for
// the life of the connection (one per connection for wait = no; for wait =
// yes the server gets the socket and xinetd stops watching it until the
// server ends). Every connection of the machine goes through Connect: to
// xinetd, to a standalone daemon, or refused.

const (
	xinetdVersion = "xinetd Version 2.3.14"
	xinetdConf    = "/etc/xinetd.conf"
	xinetdVSZ     = 2016
	xinetdRSS     = 864
)

func init() {
	registerDaemon(daemonSpec{name: "xinetd", dir: "/usr/sbin", summary: "the extended Internet services daemon",
		vsz: xinetdVSZ, rss: xinetdRSS, pidfile: "/var/run/xinetd.pid", config: xinetdConf, options: xinetdMain})
	Register(Command{Name: "in.telnetd", Dirs: []string{"/usr/sbin"}, Summary: "DARPA TELNET protocol server",
		Usage: "in.telnetd [-hns] [-a authmode] [-D debugmode] [-L loginprg] [-X authtype]", Main: inTelnetdMain})
	Register(Command{Name: "in.tftpd", Dirs: []string{"/usr/sbin"}, Summary: "IPv4 Trivial File Transfer Protocol server",
		Usage: "in.tftpd [options...] directory...", Main: inTftpdMain})
}

// ---- per-machine state -------------------------------------------------

// netState is what the machine's network keeps besides its listening
// sockets: the servers started for connections, the connections of
// stopped clients, and the services each running xinetd loaded. It holds
// no pointer to its kernel, so that a dropped machine is collected.
type netState struct {
	mu      sync.Mutex
	servers map[int]*serverRec // server pid → what it serves
	clients map[int]*connCore  // stopped client pid → its connection
	xinetds map[int]*xinetdRT  // xinetd master pid → what it loaded
}

// serverRec is a process started for connections.
type serverRec struct {
	pid    int
	master int         // the xinetd that started it (0: a standalone daemon's child)
	svc    *xinetdSvc  // its xinetd service (nil for a daemon's child)
	sid    string      // service id, for xinetd's log lines
	start  time.Time   // for the duration of the EXIT line
	status int         // exit status when its connection ends
	conns  []*connCore // connections it serves
	log    []string    // log_on_success of its service
	proto  string      // the socket it serves
	port   int
}

// xinetdRT is what one running xinetd loaded.
type xinetdRT struct {
	pid       int
	conf      string
	pidfile   string
	stayalive bool
	services  []*xinetdSvc // active services, in load order
}

// xinetdSvc is one active service of a running xinetd.
type xinetdSvc struct {
	cfg      *xinetd.Service
	uid, gid int
	holder   int // wait = yes: the server holding the socket (0: none)
}

var netStates sync.Map // weak.Pointer[kernel.Kernel] → *netState

// netOf returns the network state of k, creating it (and subscribing to
// the process table's exits) on first use.
func netOf(k *kernel.Kernel) *netState {
	key := weak.Make(k)
	if v, ok := netStates.Load(key); ok {
		return v.(*netState)
	}
	ns := &netState{servers: map[int]*serverRec{}, clients: map[int]*connCore{}, xinetds: map[int]*xinetdRT{}}
	v, loaded := netStates.LoadOrStore(key, ns)
	if loaded {
		return v.(*netState)
	}
	runtime.AddCleanup(k, func(key weak.Pointer[kernel.Kernel]) { netStates.Delete(key) }, key)
	k.Procs.Subscribe(func(e proc.Event) {
		if e.Kind == proc.Exited {
			processExited(k, ns, e.PID, e.Signal)
		}
	})
	return ns
}

// processExited reacts to the end of a process: a server's connection
// is lost (and xinetd logs its EXIT), a stopped client's connection
// closes, an xinetd's sockets close.
func processExited(k *kernel.Kernel, ns *netState, pid int, sig proc.Signal) {
	ns.mu.Lock()
	_, isServer := ns.servers[pid]
	core := ns.clients[pid]
	delete(ns.clients, pid)
	_, isMaster := ns.xinetds[pid]
	delete(ns.xinetds, pid)
	ns.mu.Unlock()
	if isServer {
		serverEnded(k, ns, pid, sig)
	}
	if core != nil {
		closeCore(k, ns, core)
	}
	if isMaster {
		k.CloseSockets(pid)
	}
}

// serverEnded forgets a server that left the table: its connections are
// lost, its wait = yes service is watched again, and its xinetd logs the
// EXIT line.
func serverEnded(k *kernel.Kernel, ns *netState, pid int, sig proc.Signal) {
	ns.mu.Lock()
	rec, ok := ns.servers[pid]
	if !ok {
		ns.mu.Unlock()
		return
	}
	delete(ns.servers, pid)
	for _, c := range rec.conns {
		c.lost = true
		c.server = 0
	}
	if rec.svc != nil && rec.svc.holder == pid {
		rec.svc.holder = 0
	}
	_, masterAlive := ns.xinetds[rec.master]
	ns.mu.Unlock()
	if rec.master == 0 || !masterAlive {
		return
	}
	if !slices.Contains(rec.log, "EXIT") && !slices.Contains(rec.log, "DURATION") {
		return
	}
	line := "EXIT: " + rec.sid
	if slices.Contains(rec.log, "EXIT") {
		if sig != 0 {
			line += fmt.Sprintf(" signal=%d", int(sig))
		} else {
			line += fmt.Sprintf(" status=%d", rec.status)
		}
	}
	if slices.Contains(rec.log, "PID") {
		line += fmt.Sprintf(" pid=%d", pid)
	}
	if slices.Contains(rec.log, "DURATION") {
		line += fmt.Sprintf(" duration=%d(sec)", int(k.Clock.Now().Sub(rec.start)/time.Second))
	}
	k.Syslog("xinetd", rec.master, line)
}

// ---- connections -------------------------------------------------------

// Conn is a client's connection to a listening socket of the machine.
type Conn struct {
	Proto string // "tcp" or "udp"
	Port  int
	// Prog is the program owning the socket ("xinetd", "httpd", "sshd"…).
	Prog string
	// Service is what serves the connection: the xinetd service id
	// ("telnet", "echo-stream") or the daemon's program name.
	Service string
	// Server is the process started for the connection (in.telnetd, a
	// forked xinetd, an sshd child), 0 when none was (httpd's workers,
	// xinetd's time and daytime).
	Server int
	// Listener is the pid of the process owning the socket.
	Listener int

	k    *kernel.Kernel
	ns   *netState
	core *connCore
}

// connCore is the shared, kernel-free part of a connection.
type connCore struct {
	closed bool // the client closed it
	lost   bool // the server side went away
	server int
}

// Close ends the connection: the server started for it exits (a shared
// wait = yes server when its last connection closes).
func (c *Conn) Close() {
	if c == nil || c.core == nil {
		return
	}
	closeCore(c.k, c.ns, c.core)
}

// Lost reports whether the server side has gone (its process ended or
// was killed): the client then reads end-of-file.
func (c *Conn) Lost() bool {
	c.ns.mu.Lock()
	defer c.ns.mu.Unlock()
	return c.core.lost
}

// Closed reports whether the client closed the connection.
func (c *Conn) Closed() bool {
	c.ns.mu.Lock()
	defer c.ns.mu.Unlock()
	return c.core.closed
}

// keepWith makes the connection close when the client process pid ends
// (a stopped background client that is killed).
func (c *Conn) keepWith(pid int) {
	if pid == 0 {
		return
	}
	c.ns.mu.Lock()
	if !c.core.closed {
		c.ns.clients[pid] = c.core
	}
	c.ns.mu.Unlock()
}

func closeCore(k *kernel.Kernel, ns *netState, core *connCore) {
	ns.mu.Lock()
	if core.closed {
		ns.mu.Unlock()
		return
	}
	core.closed = true
	for pid, c := range ns.clients {
		if c == core {
			delete(ns.clients, pid)
		}
	}
	pid := core.server
	if rec, ok := ns.servers[pid]; ok {
		rec.conns = slices.DeleteFunc(rec.conns, func(c *connCore) bool { return c == core })
		if len(rec.conns) > 0 {
			pid = 0
		}
	} else {
		pid = 0
	}
	ns.mu.Unlock()
	if pid != 0 {
		k.Procs.Exit(pid)
		serverEnded(k, ns, pid, 0)
	}
}

// Connect opens a connection from the machine to itself on proto/port,
// as connect(2) to 127.0.0.1 does: ECONNREFUSED when nothing listens.
func Connect(p *Proc, proto string, port int) (*Conn, error) {
	return dial(p.Sys, proto, port, "root")
}

// clientAddr is where local connections come from, as xinetd logs it
// (its sockets are IPv6 ones accepting IPv4 unless flags say IPv4).
const clientAddr = "127.0.0.1"

func dial(k *kernel.Kernel, proto string, port int, user string) (*Conn, error) {
	l, ok := k.Listening(proto, port)
	if !ok {
		return nil, syscall.ECONNREFUSED
	}
	ns := netOf(k)
	c := &Conn{Proto: proto, Port: port, Prog: l.Prog, Listener: l.PID, k: k, ns: ns, core: &connCore{}}
	ns.mu.Lock()
	rt := ns.xinetds[l.PID]
	ns.mu.Unlock()
	if rt == nil && l.Prog == "xinetd" {
		rt = rebuildXinetd(k, ns, l.PID)
	}
	if rt != nil {
		if svc := rt.find(ns, proto, port); svc != nil {
			serveXinetd(k, ns, rt, svc, c)
			return c, nil
		}
	}
	serveDaemon(k, ns, l, c, user)
	return c, nil
}

func (rt *xinetdRT) find(ns *netState, proto string, port int) *xinetdSvc {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	for _, s := range rt.services {
		if s.cfg.Protocol == proto && s.cfg.Port == port {
			return s
		}
	}
	return nil
}

// serverFootprint is the VSZ and RSS (KiB) of servers xinetd starts.
var serverFootprint = map[string][2]int{
	"in.telnetd": {2520, 900}, "rsync": {2340, 612}, "in.tftpd": {1716, 384}, "xinetd": {xinetdVSZ, 388},
}

func logStart(k *kernel.Kernel, master int, sid string, flags []string, pid int, from string) {
	if len(flags) == 0 {
		return
	}
	line := "START: " + sid
	if slices.Contains(flags, "PID") {
		line += fmt.Sprintf(" pid=%d", pid)
	}
	if slices.Contains(flags, "HOST") {
		line += " from=" + from
	}
	k.Syslog("xinetd", master, line)
}

// fromAddr is the client address as the service's socket sees it.
func fromAddr(s *xinetd.Service) string {
	if s.HasFlag("IPv4") {
		return clientAddr
	}
	return "::ffff:" + clientAddr
}

func serveXinetd(k *kernel.Kernel, ns *netState, rt *xinetdRT, svc *xinetdSvc, c *Conn) {
	ns.mu.Lock()
	s := svc.cfg
	ns.mu.Unlock()
	c.Service = s.ID
	from := fromAddr(s)
	logFlags := s.Values["log_on_success"]
	if !s.Forks() {
		logStart(k, rt.pid, s.ID, logFlags, 0, from)
		return
	}
	ns.mu.Lock()
	if h := svc.holder; h != 0 {
		if rec, ok := ns.servers[h]; ok {
			rec.conns = append(rec.conns, c.core)
			c.core.server, c.Server = h, h
			ns.mu.Unlock()
			return
		}
	}
	running := 0
	for _, r := range ns.servers {
		if r.svc == svc {
			running++
		}
	}
	ns.mu.Unlock()
	if s.Instances >= 0 && running >= s.Instances {
		failLog(k, rt.pid, s, "service_limit", from)
		c.core.lost = true
		return
	}
	if s.PerSource >= 0 && running >= s.PerSource {
		failLog(k, rt.pid, s, "per_source_limit", from)
		c.core.lost = true
		return
	}
	pr := proc.Process{PPID: rt.pid, UID: svc.uid, GID: svc.gid, State: 'S'}
	status := 0
	if s.Internal() {
		master, _ := k.Procs.Get(rt.pid)
		pr.Comm, pr.Args, pr.Exe = "xinetd", master.Args, "/usr/sbin/xinetd"
	} else {
		argv := s.Argv()
		pr.Comm, pr.Args, pr.Exe = comm(path.Base(s.Server)), argv, s.Server
		if pr.Comm == "in.telnetd" {
			// netkit telnetd names itself after the client's host.
			pr.Args, pr.SessionLeader, status = []string{"in.telnetd: localhost"}, true, 1
		}
	}
	fp, ok := serverFootprint[pr.Comm]
	if !ok {
		fp = [2]int{2000, 600}
	}
	pr.VSZ, pr.RSS = fp[0], fp[1]
	pid, err := k.Procs.Spawn(pr)
	if err != nil {
		k.Syslog("xinetd", rt.pid, fmt.Sprintf("%s: fork failed: %s", s.ID, Strerror(err)))
		failLog(k, rt.pid, s, "fork", from)
		c.core.lost = true
		return
	}
	ns.mu.Lock()
	ns.servers[pid] = &serverRec{pid: pid, master: rt.pid, svc: svc, sid: s.ID, start: k.Clock.Now(),
		status: status, conns: []*connCore{c.core}, log: logFlags, proto: s.Protocol, port: s.Port}
	if s.Wait {
		svc.holder = pid
	}
	c.core.server, c.Server = pid, pid
	ns.mu.Unlock()
	logStart(k, rt.pid, s.ID, logFlags, pid, from)
}

func failLog(k *kernel.Kernel, master int, s *xinetd.Service, why, from string) {
	flags := s.Values["log_on_failure"]
	if len(flags) == 0 {
		return
	}
	line := "FAIL: " + s.ID + " " + why
	if slices.Contains(flags, "HOST") {
		line += " from=" + from
	}
	k.Syslog("xinetd", master, line)
}

// daemonChild describes the process a standalone daemon forks for a
// connection (none for httpd, whose idle workers take connections).
func daemonChild(k *kernel.Kernel, l kernel.Listener, user string) (proc.Process, bool) {
	master, ok := k.Procs.Get(l.PID)
	if !ok {
		return proc.Process{}, false
	}
	switch l.Prog {
	case "sshd":
		return proc.Process{PPID: l.PID, State: 'S', SessionLeader: true, Comm: "sshd",
			Args: []string{"sshd: " + user + " [priv]"}, Exe: "/usr/sbin/sshd", VSZ: 10096, RSS: 2608}, true
	case "vsftpd":
		return proc.Process{PPID: l.PID, UID: 99, GID: 99, State: 'S', Comm: "vsftpd",
			Args: master.Args, Exe: "/usr/sbin/vsftpd", VSZ: 5184, RSS: 748}, true
	case "rsync":
		return proc.Process{PPID: l.PID, State: 'S', Comm: "rsync", Args: master.Args,
			Exe: "/usr/bin/rsync", VSZ: 2340, RSS: 348}, true
	}
	return proc.Process{}, false
}

func serveDaemon(k *kernel.Kernel, ns *netState, l kernel.Listener, c *Conn, user string) {
	c.Service = l.Prog
	if pr, ok := k.Procs.Get(l.PID); ok {
		if st, ok := pr.Data.(*DaemonState); ok {
			c.Service = st.Spec
		}
	}
	child, ok := daemonChild(k, l, user)
	if !ok {
		return
	}
	pid, err := k.Procs.Spawn(child)
	if err != nil {
		c.core.lost = true
		return
	}
	ns.mu.Lock()
	ns.servers[pid] = &serverRec{pid: pid, sid: c.Service, start: k.Clock.Now(), conns: []*connCore{c.core}, proto: c.Proto, port: c.Port}
	c.core.server, c.Server = pid, pid
	ns.mu.Unlock()
}

// ---- the daemon --------------------------------------------------------

// xinetdMain is the program: options, then it reads its configuration,
// listens and goes to the background (the command returns at once, as
// xinetd's parent does after forking).
func xinetdMain(p *Proc, _ *daemonSpec) (int, bool) {
	rt := &xinetdRT{conf: xinetdConf}
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		needArg := func() (string, bool) {
			if i+1 >= len(args) {
				return "", false
			}
			i++
			return args[i], true
		}
		switch a {
		case "-stayalive":
			rt.stayalive = true
		case "-dontfork", "-reuse", "-inetd_compat", "-d":
		case "-version":
			fmt.Fprintf(p.Stderr, "%s libwrap loadavg labeled-networking\n", xinetdVersion)
			return 0, true
		case "-f", "-pidfile", "-syslog", "-filelog", "-limit", "-logprocs", "-shutdownprocs", "-cc", "-loop":
			v, ok := needArg()
			if !ok {
				return xinetdUsage(p), true
			}
			switch a {
			case "-f":
				rt.conf = v
			case "-pidfile":
				rt.pidfile = v
			}
		default:
			return xinetdUsage(p), true
		}
	}
	k := p.Sys
	cfg := xinetd.Load(k.FS.IOFS(), rt.conf)
	confText, _ := readVFS(p, rt.conf)
	st := &DaemonState{Spec: "xinetd", Generation: 1, Config: string(confText)}
	pid, err := k.Procs.Spawn(proc.Process{PPID: 1, State: 'S', SessionLeader: true, Comm: "xinetd",
		Args: p.Args, Exe: "/usr/sbin/xinetd", VSZ: xinetdVSZ, RSS: xinetdRSS, Data: st})
	if err != nil {
		fmt.Fprintf(p.Stderr, "xinetd: fork failed: %s\n", Strerror(err))
		return 1, true
	}
	rt.pid = pid
	ns := netOf(k)
	for _, e := range cfg.Errors {
		k.Syslog("xinetd", pid, e.Error())
	}
	if cfg.Failed || cfg.Fatal {
		k.Procs.Exit(pid)
		return 0, true
	}
	if rt.pidfile != "" {
		writeVFS(p, rt.pidfile, pidLine(pid), 0o644)
	}
	ns.mu.Lock()
	ns.xinetds[pid] = rt
	ns.mu.Unlock()
	for _, s := range cfg.Active() {
		activate(k, ns, rt, s)
	}
	k.Procs.Update(pid, func(pr *proc.Process) { pr.OnSignal = xinetdSignal(k, pid) })
	n := rt.count(ns)
	k.Syslog("xinetd", pid, xinetdVersion+" started with libwrap loadavg labeled-networking options compiled in.")
	k.Syslog("xinetd", pid, fmt.Sprintf("Started working: %d available service%s", n, xinetdPlural(n)))
	if n == 0 && !rt.stayalive {
		k.Syslog("xinetd", pid, "no services. Exiting...")
		if rt.pidfile != "" {
			k.FS.Remove(rt.pidfile)
		}
		k.Procs.Exit(pid)
	}
	return 0, true
}

func xinetdPlural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func xinetdUsage(p *Proc) int {
	fmt.Fprintln(p.Stderr, "Usage: xinetd [-d] [-f config_file] [-filelog filename] [-syslog facility] [-reuse] "+
		"[-limit proc_limit] [-pidfile filename] [-logprocs limit] [-shutdownprocs limit] [-cc interval] "+
		"[-dontfork] [-stayalive] [-version] [-inetd_compat]")
	return 1
}

func (rt *xinetdRT) count(ns *netState) int {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	return len(rt.services)
}

// activate binds the socket of a service and adds it to the loaded set.
func activate(k *kernel.Kernel, ns *netState, rt *xinetdRT, s *xinetd.Service) bool {
	svc := &xinetdSvc{cfg: s}
	if s.User != "" {
		if a, ok := SharedPasswd(k).Lookup(s.User); ok {
			svc.uid, svc.gid = a.ID, a.GID
		} else if n, err := strconv.Atoi(s.User); err == nil {
			svc.uid, svc.gid = n, n
		}
	}
	if s.Group != "" {
		if g, ok := sharedGroup(k).Lookup(s.Group); ok {
			svc.gid = g.ID
		} else if n, err := strconv.Atoi(s.Group); err == nil {
			svc.gid = n
		}
	}
	var err error
	if s.Port > 0 {
		ns.mu.Lock()
		for _, o := range rt.services {
			if o.cfg.Protocol == s.Protocol && o.cfg.Port == s.Port {
				err = syscall.EADDRINUSE
			}
		}
		ns.mu.Unlock()
		if err == nil {
			err = k.Listen(s.Protocol, s.Port, rt.pid, "xinetd")
		}
	}
	if err != nil {
		k.Syslog("xinetd", rt.pid, fmt.Sprintf("bind failed (%s (errno = %d)). service = %s", Strerror(err), int(errnoOf(err)), s.ID))
		k.Syslog("xinetd", rt.pid, fmt.Sprintf("Service %s failed to start and is deactivated.", s.ID))
		return false
	}
	ns.mu.Lock()
	rt.services = append(rt.services, svc)
	ns.mu.Unlock()
	return true
}

// xinetdSignal is the master's reaction to signals: HUP rereads the
// configuration, USR1 dumps the state, IOT checks it, TERM and INT end
// the internal servers and exit, QUIT exits.
func xinetdSignal(k *kernel.Kernel, pid int) func(proc.Signal) bool {
	return func(sig proc.Signal) bool {
		ns := netOf(k)
		ns.mu.Lock()
		rt := ns.xinetds[pid]
		ns.mu.Unlock()
		if rt == nil {
			return false
		}
		switch sig {
		case proc.SIGHUP, proc.SIGUSR2:
			reconfigure(k, ns, rt)
			return true
		case proc.SIGUSR1:
			dumpXinetd(k, ns, rt)
			return true
		case proc.SIGABRT:
			k.Syslog("xinetd", pid, "Consistency check passed")
			return true
		case proc.SIGTERM, proc.SIGINT, proc.SIGQUIT:
			if sig != proc.SIGQUIT {
				ns.mu.Lock()
				var internal []int
				for spid, rec := range ns.servers {
					if rec.master == pid && rec.svc != nil && rec.svc.cfg.Internal() && rec.svc.cfg.Forks() {
						internal = append(internal, spid)
					}
				}
				ns.mu.Unlock()
				slices.Sort(internal)
				for _, spid := range internal {
					ns.mu.Lock()
					sid := ns.servers[spid].sid
					ns.mu.Unlock()
					k.Syslog("xinetd", pid, fmt.Sprintf("Sending signal %d to %s server %d", int(proc.SIGTERM), sid, spid))
					k.Procs.Signal(spid, proc.SIGTERM)
				}
			}
			if rt.pidfile != "" {
				k.FS.Remove(rt.pidfile)
			}
			k.Syslog("xinetd", pid, "Exiting...")
			return false
		}
		return false
	}
}

// sameService is xinetd's test for a service that survives a
// reconfiguration (cnf_extract): the same id and the same socket.
func sameService(a, b *xinetd.Service) bool {
	return a.ID == b.ID && a.Protocol == b.Protocol && a.Port == b.Port && a.SocketType == b.SocketType &&
		a.Wait == b.Wait && a.Internal() == b.Internal()
}

// reconfigure is xinetd's hard_reconfig (SIGHUP).
func reconfigure(k *kernel.Kernel, ns *netState, rt *xinetdRT) {
	pid := rt.pid
	k.Syslog("xinetd", pid, "Starting reconfiguration")
	cfg := xinetd.Load(k.FS.IOFS(), rt.conf)
	for _, e := range cfg.Errors {
		k.Syslog("xinetd", pid, e.Error())
	}
	if cfg.Failed {
		k.Syslog("xinetd", pid, "reconfiguration failed")
		return
	}
	if cfg.Fatal {
		k.Procs.Exit(pid)
		return
	}
	k.Syslog("xinetd", pid, "Swapping defaults")
	fresh := cfg.Active()
	ns.mu.Lock()
	old := slices.Clone(rt.services)
	ns.mu.Unlock()
	var kept []*xinetdSvc
	oldN, dropped := 0, 0
	for _, svc := range old {
		i := slices.IndexFunc(fresh, func(s *xinetd.Service) bool { return sameService(svc.cfg, s) })
		if i >= 0 {
			k.Syslog("xinetd", pid, "readjusting service "+svc.cfg.ID)
			ns.mu.Lock()
			svc.cfg = fresh[i]
			ns.mu.Unlock()
			fresh = slices.Delete(fresh, i, i+1)
			kept = append(kept, svc)
			oldN++
			continue
		}
		terminateServers(k, ns, rt, svc)
		if l, ok := k.Listening(svc.cfg.Protocol, svc.cfg.Port); ok && l.PID == pid && svc.cfg.Port > 0 {
			k.Unlisten(svc.cfg.Protocol, svc.cfg.Port)
		}
		k.Syslog("xinetd", pid, fmt.Sprintf("service %s deactivated", svc.cfg.ID))
		dropped++
	}
	ns.mu.Lock()
	rt.services = kept
	ns.mu.Unlock()
	newN := 0
	for _, s := range fresh {
		if activate(k, ns, rt, s) {
			newN++
		}
	}
	k.Syslog("xinetd", pid, fmt.Sprintf("Reconfigured: new=%d old=%d dropped=%d (services)", newN, oldN, dropped))
	if pr, ok := k.Procs.Get(pid); ok {
		if st, ok := pr.Data.(*DaemonState); ok {
			st.Generation++
			if data, err := fs.ReadFile(k.FS.IOFS(), netRel(rt.conf)); err == nil {
				st.Config = string(data)
			}
		}
	}
	if rt.count(ns) == 0 && !rt.stayalive {
		k.Syslog("xinetd", pid, "No available services. Exiting")
		if rt.pidfile != "" {
			k.FS.Remove(rt.pidfile)
		}
		k.Procs.Exit(pid)
	}
}

// terminateServers kills the running servers of a service that goes
// away: SIGTERM for internal ones, SIGKILL for the others.
func terminateServers(k *kernel.Kernel, ns *netState, rt *xinetdRT, svc *xinetdSvc) {
	sig := proc.SIGKILL
	if svc.cfg.Internal() {
		sig = proc.SIGTERM
	}
	ns.mu.Lock()
	var pids []int
	for spid, rec := range ns.servers {
		if rec.svc == svc {
			pids = append(pids, spid)
		}
	}
	ns.mu.Unlock()
	slices.Sort(pids)
	for _, spid := range pids {
		k.Syslog("xinetd", rt.pid, fmt.Sprintf("Sending signal %d to %s server %d", int(sig), svc.cfg.ID, spid))
		k.Procs.Signal(spid, sig)
	}
}

// dumpXinetd writes /var/run/xinetd.dump (SIGUSR1).
func dumpXinetd(k *kernel.Kernel, ns *netState, rt *xinetdRT) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", xinetdVersion)
	fmt.Fprintf(&b, "Dump time: %s\n\n", k.Clock.Now().Format("Mon Jan  2 15:04:05 2006"))
	ns.mu.Lock()
	for _, s := range rt.services {
		fmt.Fprintf(&b, "Service = %s\n\tState = Active\n\tid = %s\n\tsocket_type = %s\n\tProtocol (name,number) = (%s)\n\tport = %d\n\n",
			s.cfg.Name, s.cfg.ID, s.cfg.SocketType, s.cfg.Protocol, s.cfg.Port)
	}
	ns.mu.Unlock()
	f, err := k.FS.OpenFile("/var/run/xinetd.dump", 0x241, 0o644) // O_WRONLY|O_CREAT|O_TRUNC
	if err == nil {
		f.Write([]byte(b.String()))
		f.Close()
	}
}

// rebuildXinetd recovers what a running xinetd loaded when this state
// never saw it start (a machine cloned from another): the active
// services of its files whose sockets it holds.
func rebuildXinetd(k *kernel.Kernel, ns *netState, pid int) *xinetdRT {
	pr, ok := k.Procs.Get(pid)
	if !ok {
		return nil
	}
	rt := &xinetdRT{pid: pid, conf: xinetdConf}
	for i, a := range pr.Args {
		switch {
		case a == "-stayalive":
			rt.stayalive = true
		case a == "-f" && i+1 < len(pr.Args):
			rt.conf = pr.Args[i+1]
		case a == "-pidfile" && i+1 < len(pr.Args):
			rt.pidfile = pr.Args[i+1]
		}
	}
	cfg := xinetd.Load(k.FS.IOFS(), rt.conf)
	for _, s := range cfg.Active() {
		if l, ok := k.Listening(s.Protocol, s.Port); ok && l.PID == pid {
			svc := &xinetdSvc{cfg: s}
			if a, ok := SharedPasswd(k).Lookup(s.User); ok {
				svc.uid, svc.gid = a.ID, a.GID
			}
			rt.services = append(rt.services, svc)
		}
	}
	ns.mu.Lock()
	if cur, ok := ns.xinetds[pid]; ok {
		rt = cur
	} else {
		ns.xinetds[pid] = rt
	}
	ns.mu.Unlock()
	k.Procs.Update(pid, func(p *proc.Process) { p.OnSignal = xinetdSignal(k, pid) })
	return rt
}

// Loaded lists the ids of the services the running xinetd loaded (read
// at its start or last reload and successfully bound), in load order;
// ok is false when xinetd does not run. Editing /etc/xinetd.d without a
// reload does not change it.
func Loaded(k *kernel.Kernel) (names []string, ok bool) {
	pid, _, running := RunningDaemon(k, "xinetd")
	if !running {
		return nil, false
	}
	ns := netOf(k)
	ns.mu.Lock()
	rt := ns.xinetds[pid]
	ns.mu.Unlock()
	if rt == nil {
		rt = rebuildXinetd(k, ns, pid)
		if rt == nil {
			return nil, false
		}
	}
	ns.mu.Lock()
	defer ns.mu.Unlock()
	names = make([]string, 0, len(rt.services))
	for _, s := range rt.services {
		names = append(names, s.cfg.ID)
	}
	return names, true
}

// ---- servers run by hand -------------------------------------------------

// inTelnetdMain is in.telnetd started from a shell: its standard input
// is not a socket.
func inTelnetdMain(p *Proc) int {
	fmt.Fprintf(p.Stderr, "%s: getpeername: Socket operation on non-socket\n", p.Name())
	return 1
}

// inTftpdMain is tftp-hpa's in.tftpd started from a shell: it complains
// to syslog (it never writes to the terminal) and exits with EX_IOERR.
func inTftpdMain(p *Proc) int {
	p.Sys.Syslog("in.tftpd", p.PID, "cannot get socket name: Socket operation on non-socket")
	return 74
}
