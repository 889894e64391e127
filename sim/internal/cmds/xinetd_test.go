package cmds

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/image"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/vfs"
)

// netKernel is a machine with the whole centos5 image and every program
// installed (mode 0755, as the machine installs them), no process but
// init running.
func netKernel(t testing.TB) *kernel.Kernel {
	t.Helper()
	fsys := vfs.New()
	if err := image.Load("centos5", fsys); err != nil {
		t.Fatal(err)
	}
	for _, c := range All() {
		for _, d := range c.Dirs {
			fsys.MkdirAll(d, 0o755)
			name := d + "/" + c.Name
			if _, err := fsys.Lstat(name); err == nil {
				continue
			}
			f, err := fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
	k := kernel.New(fsys, kernel.Info{Hostname: "lab1", Release: "CentOS release 5.11 (Final)", Kernel: "2.6.18-398.el5",
		Arch: "i686", Bash: "3.2.25(1)-release"}, kernel.Epoch, 1)
	if err := k.Procs.SpawnPID(1, proc.Process{Comm: "init", Args: []string{"init [3]"}, State: 'S'}); err != nil {
		t.Fatal(err)
	}
	return k
}

// netRun runs a program in its own process of the table, as the shell
// does (a background job when bg): it returns the output, the status and
// the pid, which stays in the table when the program stopped itself.
func netRun(t testing.TB, k *kernel.Kernel, line, stdin string, bg bool) (stdout, stderr string, status, pid int) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	pid, err = k.Procs.Spawn(proc.Process{PPID: 1, TTY: "tty1", State: 'R', Comm: comm(c.Name), Args: argv, VSZ: c.VSZ, RSS: c.RSS})
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	p := &Proc{Ctx: context.Background(), Args: argv, Dir: "/root", Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Sys: k, PID: pid, PPID: 1, TTY: "tty1", Background: bg, Umask: 0o022,
		Environ: []string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "HOME=/root", "USER=root"}}
	p.Run = func(a []string, in io.Reader, o, e io.Writer) int {
		if in == nil {
			in = p.Stdin
		}
		if o == nil {
			o = p.Stdout
		}
		if e == nil {
			e = p.Stderr
		}
		base := a[0][strings.LastIndex(a[0], "/")+1:]
		return runArgv(k, append([]string{base}, a[1:]...), p.Dir, in, o, e)
	}
	status = c.Main(p)
	if ok, state, _, data := p.Stayed(); ok {
		k.Procs.Update(pid, func(x *proc.Process) {
			x.State = state
			if data != nil {
				x.Data = data
			}
		})
	} else {
		k.Procs.Exit(pid)
	}
	return out.String(), errb.String(), status, pid
}

// netWrite replaces a file of the machine.
func netWrite(t testing.TB, k *kernel.Kernel, name, content string) {
	t.Helper()
	f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, content)
	f.Close()
}

func netRead(t testing.TB, k *kernel.Kernel, name string) string {
	t.Helper()
	data, err := fs.ReadFile(k.FS.IOFS(), strings.TrimPrefix(name, "/"))
	if err != nil {
		return ""
	}
	return string(data)
}

// netEnable sets disable = no|yes in an xinetd.d file, as chkconfig does.
func netEnable(t testing.TB, k *kernel.Kernel, service string, on bool) {
	t.Helper()
	name := "/etc/xinetd.d/" + service
	val := "yes"
	if on {
		val = "no"
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSuffix(netRead(t, k, name), "\n"), "\n") {
		if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(f[0], "disable") {
			continue
		}
		out = append(out, l)
		if strings.TrimSpace(l) == "{" {
			out = append(out, "\tdisable\t= "+val)
		}
	}
	netWrite(t, k, name, strings.Join(out, "\n")+"\n")
}

// netSyslog is what xinetd[pid] logged.
func netSyslog(t testing.TB, k *kernel.Kernel, pid int) []string {
	t.Helper()
	tag := " xinetd[" + itoa(pid) + "]: "
	var out []string
	for _, l := range strings.Split(netRead(t, k, "/var/log/messages"), "\n") {
		if _, msg, ok := strings.Cut(l, tag); ok {
			out = append(out, msg)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// startXinetd runs the init script's command line and returns the pid.
func startXinetd(t testing.TB, k *kernel.Kernel) int {
	t.Helper()
	if _, errs, st, _ := netRun(t, k, "xinetd -stayalive -pidfile /var/run/xinetd.pid", "", false); st != 0 {
		t.Fatalf("xinetd = %d: %s", st, errs)
	}
	pid, _, ok := RunningDaemon(k, "xinetd")
	if !ok {
		t.Fatal("xinetd is not running")
	}
	return pid
}

func children(k *kernel.Kernel, pid int, comm string) []proc.Process {
	var out []proc.Process
	for _, pr := range k.Procs.Children(pid) {
		if pr.Comm == comm {
			out = append(out, pr)
		}
	}
	return out
}

func TestXinetdStartsWithNothingEnabled(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	pid := startXinetd(t, k)
	pr, _ := k.Procs.Get(pid)
	if got := strings.Join(pr.Args, " "); got != "xinetd -stayalive -pidfile /var/run/xinetd.pid" {
		t.Errorf("ps args = %q", got)
	}
	if pr.PPID != 1 || pr.VSZ != 2016 || pr.RSS != 864 || !pr.SessionLeader || pr.UID != 0 {
		t.Errorf("xinetd process = %+v", pr)
	}
	if got := netRead(t, k, "/var/run/xinetd.pid"); got != itoa(pid)+"\n" {
		t.Errorf("pid file = %q", got)
	}
	want := []string{"xinetd Version 2.3.14 started with libwrap loadavg labeled-networking options compiled in.",
		"Started working: 0 available services"}
	if got := netSyslog(t, k, pid); !slices.Equal(got, want) {
		t.Errorf("syslog = %q; want %q", got, want)
	}
	if names, ok := Loaded(k); !ok || len(names) != 0 {
		t.Errorf("Loaded = %v, %v; want [], true", names, ok)
	}
	for _, l := range k.Listeners() {
		if l.PID == pid {
			t.Errorf("xinetd listens on %s/%d", l.Proto, l.Port)
		}
	}
}

func TestXinetdListensOnEnabledServices(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netEnable(t, k, "telnet", true)
	netEnable(t, k, "chargen-stream", true)
	netEnable(t, k, "time-dgram", true)
	pid := startXinetd(t, k)
	names, ok := Loaded(k)
	if want := []string{"chargen-stream", "telnet", "time-dgram"}; !ok || !slices.Equal(names, want) {
		t.Errorf("Loaded = %v; want %v", names, want)
	}
	for _, pp := range []struct {
		proto string
		port  int
	}{{"tcp", 23}, {"tcp", 19}, {"udp", 37}} {
		if l, ok := k.Listening(pp.proto, pp.port); !ok || l.PID != pid || l.Prog != "xinetd" {
			t.Errorf("Listening(%s, %d) = %+v, %v; want xinetd %d", pp.proto, pp.port, l, ok, pid)
		}
	}
	if _, ok := k.Listening("tcp", 873); ok {
		t.Error("rsync (disabled) is listening")
	}
	if got := netSyslog(t, k, pid); len(got) != 2 || got[1] != "Started working: 3 available services" {
		t.Errorf("syslog = %q", got)
	}
}

func TestXinetdReload(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netEnable(t, k, "telnet", true)
	pid := startXinetd(t, k)

	// Editing the files changes nothing until xinetd is told.
	netEnable(t, k, "telnet", false)
	netEnable(t, k, "rsync", true)
	if names, _ := Loaded(k); !slices.Equal(names, []string{"telnet"}) {
		t.Errorf("after edit, Loaded = %v; want [telnet]", names)
	}
	if _, ok := k.Listening("tcp", 23); !ok {
		t.Error("after edit, telnet no longer listens")
	}
	if _, ok := k.Listening("tcp", 873); ok {
		t.Error("after edit, rsync listens")
	}

	// A telnet session is open when the service goes away: its server is
	// killed.
	c, err := dial(k, "tcp", 23, "root")
	if err != nil {
		t.Fatal(err)
	}
	server := c.Server
	k.Clock.Advance(3 * time.Second)
	if err := k.Procs.Signal(pid, proc.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if names, _ := Loaded(k); !slices.Equal(names, []string{"rsync"}) {
		t.Errorf("after HUP, Loaded = %v; want [rsync]", names)
	}
	if _, ok := k.Listening("tcp", 23); ok {
		t.Error("after HUP, telnet still listens")
	}
	if l, ok := k.Listening("tcp", 873); !ok || l.PID != pid {
		t.Errorf("after HUP, 873 = %+v, %v", l, ok)
	}
	if k.Procs.Alive(server) {
		t.Error("in.telnetd of the removed service still runs")
	}
	if !c.Lost() {
		t.Error("the telnet connection is not lost")
	}
	got := netSyslog(t, k, pid)[2:]
	want := []string{
		"START: telnet pid=" + itoa(server) + " from=::ffff:127.0.0.1",
		"Starting reconfiguration",
		"Swapping defaults",
		"Sending signal 9 to telnet server " + itoa(server),
		"EXIT: telnet signal=9 pid=" + itoa(server) + " duration=3(sec)",
		"service telnet deactivated",
		"Reconfigured: new=1 old=0 dropped=1 (services)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("syslog =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if pr, _ := k.Procs.Get(pid); pr.Data.(*DaemonState).Generation != 2 {
		t.Errorf("generation = %d; want 2", pr.Data.(*DaemonState).Generation)
	}

	// A second reload keeps rsync: readjusted, not restarted.
	k.Procs.Signal(pid, proc.SIGHUP)
	got = netSyslog(t, k, pid)
	if tail := got[len(got)-4:]; !slices.Equal(tail, []string{"Starting reconfiguration", "Swapping defaults",
		"readjusting service rsync", "Reconfigured: new=0 old=1 dropped=0 (services)"}) {
		t.Errorf("second reload logged %q", tail)
	}
}

func TestXinetdConnectSpawnsServer(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netEnable(t, k, "telnet", true)
	pid := startXinetd(t, k)
	c, err := dial(k, "tcp", 23, "root")
	if err != nil {
		t.Fatal(err)
	}
	srv, ok := k.Procs.Get(c.Server)
	if !ok {
		t.Fatal("no server process")
	}
	if srv.PPID != pid || srv.Comm != "in.telnetd" || strings.Join(srv.Args, " ") != "in.telnetd: localhost" ||
		srv.UID != 0 || srv.VSZ != 2520 || srv.RSS != 900 || srv.TTY != "" {
		t.Errorf("server = %+v", srv)
	}
	// wait = no: one server per connection.
	c2, _ := dial(k, "tcp", 23, "root")
	if c2.Server == c.Server || len(children(k, pid, "in.telnetd")) != 2 {
		t.Errorf("second connection: server %d, children %v", c2.Server, children(k, pid, "in.telnetd"))
	}
	k.Clock.Advance(5 * time.Second)
	c.Close()
	c2.Close()
	c.Close() // twice is harmless
	if got := children(k, pid, "in.telnetd"); len(got) != 0 {
		t.Errorf("after close, in.telnetd remain: %v", got)
	}
	logs := netSyslog(t, k, pid)
	want := "EXIT: telnet status=1 pid=" + itoa(c.Server) + " duration=5(sec)"
	if !slices.Contains(logs, want) {
		t.Errorf("syslog %q lacks %q", logs, want)
	}
}

func TestXinetdWaitAndInternal(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netEnable(t, k, "tftp", true)
	netEnable(t, k, "echo-stream", true)
	netEnable(t, k, "daytime-stream", true)
	pid := startXinetd(t, k)

	// wait = yes: one server takes the socket; later datagrams go to it.
	a, err := dial(k, "udp", 69, "root")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := dial(k, "udp", 69, "root")
	if a.Server == 0 || a.Server != b.Server {
		t.Errorf("tftp servers %d, %d; want one shared", a.Server, b.Server)
	}
	if srv, _ := k.Procs.Get(a.Server); strings.Join(srv.Args, " ") != "in.tftpd -s /tftpboot" || srv.PPID != pid {
		t.Errorf("tftp server = %+v", srv)
	}
	a.Close()
	if !k.Procs.Alive(b.Server) {
		t.Error("the shared server ended with the first connection")
	}
	b.Close()
	if k.Procs.Alive(b.Server) {
		t.Error("the server outlived its last connection")
	}
	c, _ := dial(k, "udp", 69, "root")
	if c.Server == 0 || c.Server == a.Server {
		t.Errorf("after the server ended, a new one serves: got %d", c.Server)
	}
	c.Close()

	// echo-stream forks a copy of xinetd; daytime is answered in place.
	e, _ := dial(k, "tcp", 7, "root")
	if srv, _ := k.Procs.Get(e.Server); srv.Comm != "xinetd" || srv.PPID != pid ||
		strings.Join(srv.Args, " ") != "xinetd -stayalive -pidfile /var/run/xinetd.pid" {
		t.Errorf("echo server = %+v", srv)
	}
	d, _ := dial(k, "tcp", 13, "root")
	if d.Server != 0 {
		t.Errorf("daytime forked %d", d.Server)
	}
	d.Close()
	logs := netSyslog(t, k, pid)
	if !slices.Contains(logs, "START: daytime-stream pid=0 from=::ffff:127.0.0.1") {
		t.Errorf("syslog %q lacks the daytime START", logs)
	}
	if !slices.Contains(logs, "START: tftp pid="+itoa(a.Server)+" from=127.0.0.1") {
		t.Errorf("syslog %q lacks the tftp START (IPv4 flag)", logs)
	}

	// TERM: the internal server is terminated, xinetd exits, its sockets
	// and pid file go.
	k.Procs.Signal(pid, proc.SIGTERM)
	if k.Procs.Alive(pid) || k.Procs.Alive(e.Server) {
		t.Error("xinetd or its echo server survived TERM")
	}
	if _, ok := k.Listening("tcp", 7); ok {
		t.Error("port 7 still open")
	}
	if netRead(t, k, "/var/run/xinetd.pid") != "" {
		t.Error("pid file left")
	}
	logs = netSyslog(t, k, pid)
	if tail := logs[len(logs)-3:]; !slices.Equal(tail, []string{
		"Sending signal 15 to echo-stream server " + itoa(e.Server),
		"EXIT: echo-stream signal=15 pid=" + itoa(e.Server) + " duration=0(sec)",
		"Exiting..."}) {
		t.Errorf("TERM logged %q", tail)
	}
	if _, ok := Loaded(k); ok {
		t.Error("Loaded ok after xinetd ended")
	}
}

func TestXinetdExternalServerOutlivesXinetd(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netEnable(t, k, "telnet", true)
	pid := startXinetd(t, k)
	c, _ := dial(k, "tcp", 23, "root")
	k.Procs.Signal(pid, proc.SIGTERM)
	srv, ok := k.Procs.Get(c.Server)
	if !ok || srv.PPID != 1 {
		t.Errorf("in.telnetd after xinetd stopped = %+v, %v; want alive under init", srv, ok)
	}
	c.Close()
	if k.Procs.Alive(c.Server) {
		t.Error("in.telnetd survived its connection")
	}
}

func TestXinetdConfigErrorsLogged(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netWrite(t, k, "/etc/xinetd.d/telnet", "service telnet\n{\n\tsocket_type\t= stream\n\twait\t\t= no\n\tuser\t\t= root\n\tfoo\t\t= bar\n}\n")
	netWrite(t, k, "/etc/xinetd.d/bad", "service bad\n{\n\tsocket_type = stream\n\twait = no\n\tuser = root\n\tserver = /usr/sbin/in.nothere\n}\n")
	netWrite(t, k, "/etc/xinetd.d/skipped.rpmnew", "garbage\n")
	netEnable(t, k, "echo-stream", true)
	pid := startXinetd(t, k)
	want := []string{
		"Server /usr/sbin/in.nothere is not executable [file=/etc/xinetd.d/bad] [line=6]",
		"Error parsing attribute server - DISABLING SERVICE [file=/etc/xinetd.d/bad] [line=6]",
		"bad service attribute: foo [file=/etc/xinetd.d/telnet] [line=6]",
		"Must specify a server in telnet",
		"xinetd Version 2.3.14 started with libwrap loadavg labeled-networking options compiled in.",
		"Started working: 1 available service",
	}
	if got := netSyslog(t, k, pid); !slices.Equal(got, want) {
		t.Errorf("syslog =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestXinetdNoServicesWithoutStayalive(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	if _, _, st, _ := netRun(t, k, "xinetd -pidfile /var/run/xinetd.pid", "", false); st != 0 {
		t.Fatalf("status %d", st)
	}
	if _, _, ok := RunningDaemon(k, "xinetd"); ok {
		t.Error("xinetd without services and -stayalive keeps running")
	}
	if !strings.Contains(netRead(t, k, "/var/log/messages"), "no services. Exiting...") {
		t.Error("no 'no services' message")
	}
	if _, errs, st, _ := netRun(t, k, "xinetd -bogus", "", false); st != 1 || !strings.HasPrefix(errs, "Usage: xinetd") {
		t.Errorf("xinetd -bogus = %d, %q", st, errs)
	}
}

func TestTelnetBackgroundStopsAndDies(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	netEnable(t, k, "telnet", true)
	xpid := startXinetd(t, k)
	out, errs, _, pid := netRun(t, k, "telnet localhost", "", true)
	wantOut := "Trying 127.0.0.1...\nConnected to localhost.localdomain (127.0.0.1).\nEscape character is '^]'.\n"
	if out != wantOut || errs != "" {
		t.Errorf("telnet & printed %q, %q; want %q", out, errs, wantOut)
	}
	client, ok := k.Procs.Get(pid)
	if !ok || client.State != 'T' {
		t.Fatalf("client = %+v, %v; want stopped", client, ok)
	}
	if _, ok := client.Data.(Resumer); !ok {
		t.Errorf("client data %T is no Resumer", client.Data)
	}
	srv := children(k, xpid, "in.telnetd")
	if len(srv) != 1 {
		t.Fatalf("in.telnetd under xinetd: %v", srv)
	}
	// kill %1
	k.Clock.Advance(10 * time.Second)
	k.Procs.Signal(pid, proc.SIGTERM)
	if k.Procs.Alive(srv[0].PID) {
		t.Error("in.telnetd survived its killed client")
	}
	if logs := netSyslog(t, k, xpid); logs[len(logs)-1] != "EXIT: telnet status=1 pid="+itoa(srv[0].PID)+" duration=10(sec)" {
		t.Errorf("last log %q", logs[len(logs)-1])
	}

	// fg: the session continues on the terminal, reads end-of-file.
	_, _, _, pid = netRun(t, k, "telnet localhost", "", true)
	client, _ = k.Procs.Get(pid)
	var o, e bytes.Buffer
	st := client.Data.(Resumer).Resume(&Proc{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &o, Stderr: &e, Sys: k, PID: pid})
	k.Procs.Exit(pid)
	wantOut = "CentOS release 5.11 (Final)\nKernel 2.6.18-398.el5 on an i686\nlogin: "
	if st != 1 || o.String() != wantOut || e.String() != "Connection closed by foreign host.\n" {
		t.Errorf("fg = %d, %q, %q; want 1, %q", st, o.String(), e.String(), wantOut)
	}
	if len(children(k, xpid, "in.telnetd")) != 0 {
		t.Error("in.telnetd survived the session")
	}

	// A server killed while the client is stopped: fg finds the
	// connection closed.
	_, _, _, pid = netRun(t, k, "telnet localhost", "", true)
	srv = children(k, xpid, "in.telnetd")
	k.Procs.Signal(srv[0].PID, proc.SIGKILL)
	client, _ = k.Procs.Get(pid)
	o.Reset()
	e.Reset()
	st = client.Data.(Resumer).Resume(&Proc{Ctx: context.Background(), Stdin: strings.NewReader("root\n"), Stdout: &o, Stderr: &e, Sys: k, PID: pid})
	if st != 1 || e.String() != "Connection closed by foreign host.\n" {
		t.Errorf("fg after the server died = %d, %q, %q", st, o.String(), e.String())
	}
}

func TestRsyncStandaloneVersusXinetd(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	// The standalone daemon first: xinetd cannot bind 873.
	if _, errs, st, _ := netRun(t, k, "/usr/bin/rsync --daemon", "", false); st != 0 || errs != "" {
		t.Fatalf("rsync --daemon = %d, %q", st, errs)
	}
	rpid, st, ok := RunningDaemon(k, "rsync")
	if !ok || st == nil {
		t.Fatal("no standalone rsync")
	}
	if pr, _ := k.Procs.Get(rpid); strings.Join(pr.Args, " ") != "/usr/bin/rsync --daemon" || pr.VSZ != 2340 || pr.RSS != 504 || pr.PPID != 1 {
		t.Errorf("rsync daemon = %+v", pr)
	}
	if got := netRead(t, k, "/var/run/rsyncd.pid"); got != itoa(rpid)+"\n" {
		t.Errorf("pid file %q", got)
	}
	netEnable(t, k, "rsync", true)
	netEnable(t, k, "telnet", true)
	xpid := startXinetd(t, k)
	logs := netSyslog(t, k, xpid)
	for _, w := range []string{"bind failed (Address already in use (errno = 98)). service = rsync",
		"Service rsync failed to start and is deactivated.", "Started working: 1 available service"} {
		if !slices.Contains(logs, w) {
			t.Errorf("syslog %q lacks %q", logs, w)
		}
	}
	if names, _ := Loaded(k); !slices.Equal(names, []string{"telnet"}) {
		t.Errorf("Loaded = %v", names)
	}
	if l, _ := k.Listening("tcp", 873); l.PID != rpid {
		t.Errorf("873 held by %d; want rsync %d", l.PID, rpid)
	}
	// A connection to the standalone daemon forks a child of it.
	c, _ := dial(k, "tcp", 873, "root")
	if pr, _ := k.Procs.Get(c.Server); pr.PPID != rpid || pr.Comm != "rsync" {
		t.Errorf("rsync child = %+v", pr)
	}
	c.Close()

	// Stop the standalone one (its pid file goes), reload xinetd: 873
	// is xinetd's; a standalone start now fails in its log.
	k.Procs.Signal(rpid, proc.SIGTERM)
	k.CloseSockets(rpid)
	if netRead(t, k, "/var/run/rsyncd.pid") != "" {
		t.Error("rsyncd pid file left")
	}
	k.Procs.Signal(xpid, proc.SIGHUP)
	if l, ok := k.Listening("tcp", 873); !ok || l.PID != xpid {
		t.Errorf("after reload 873 = %+v, %v", l, ok)
	}
	if _, errs, st, _ := netRun(t, k, "/usr/bin/rsync --daemon", "", false); st != 0 || errs != "" {
		t.Errorf("rsync --daemon with the port taken = %d, %q (it forks before binding)", st, errs)
	}
	if _, _, ok := RunningDaemon(k, "rsync"); ok {
		t.Error("a standalone rsync runs beside xinetd's")
	}
	log := netRead(t, k, "/var/log/rsyncd.log")
	for _, w := range []string{"rsyncd version 2.6.8 starting, listening on port 873", "unable to bind any inbound sockets on port 873",
		"rsync error: error in socket IO (code 10) at socket.c(470) [receiver=2.6.8]"} {
		if !strings.Contains(log, w) {
			t.Errorf("rsyncd.log %q lacks %q", log, w)
		}
	}
	if netRead(t, k, "/var/run/rsyncd.pid") != "" {
		t.Error("failed daemon left its pid file")
	}
	// Through xinetd, a connection runs "rsync --daemon" under xinetd.
	c, _ = dial(k, "tcp", 873, "root")
	if pr, _ := k.Procs.Get(c.Server); pr.PPID != xpid || strings.Join(pr.Args, " ") != "rsync --daemon" {
		t.Errorf("xinetd rsync server = %+v", pr)
	}
	c.Close()
}

func TestStandaloneDaemonConnections(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	for _, cmd := range []string{"/usr/sbin/sshd", "/usr/sbin/vsftpd /etc/vsftpd/vsftpd.conf", "/usr/sbin/httpd"} {
		if _, errs, st, _ := netRun(t, k, cmd, "", false); st != 0 {
			t.Fatalf("%s = %d: %s", cmd, st, errs)
		}
	}
	sshd, _, _ := RunningDaemon(k, "sshd")
	c, err := dial(k, "tcp", 22, "root")
	if err != nil {
		t.Fatal(err)
	}
	if pr, _ := k.Procs.Get(c.Server); pr.PPID != sshd || pr.Args[0] != "sshd: root [priv]" {
		t.Errorf("sshd child = %+v", pr)
	}
	c.Close()
	if k.Procs.Alive(c.Server) {
		t.Error("sshd child outlived the connection")
	}
	vs, _, _ := RunningDaemon(k, "vsftpd")
	c, _ = dial(k, "tcp", 21, "root")
	if pr, _ := k.Procs.Get(c.Server); pr.PPID != vs || pr.Comm != "vsftpd" {
		t.Errorf("vsftpd child = %+v", pr)
	}
	c.Close()
	before := k.Procs.Len()
	c, _ = dial(k, "tcp", 80, "root")
	if c.Server != 0 || k.Procs.Len() != before || c.Service != "httpd" {
		t.Errorf("httpd connection spawned %d (service %s)", c.Server, c.Service)
	}
	c.Close()
	if _, err := dial(k, "tcp", 81, "root"); err == nil {
		t.Error("port 81 accepted")
	}
}

// BenchmarkTelnetConnect is one connection to telnet through xinetd and
// its close: a server forked and reaped, two syslog lines.
func BenchmarkTelnetConnect(b *testing.B) {
	k := netKernel(b)
	netEnable(b, k, "telnet", true)
	startXinetd(b, k)
	b.ResetTimer()
	for b.Loop() {
		c, err := dial(k, "tcp", 23, "root")
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}
