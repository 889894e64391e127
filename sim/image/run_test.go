package image

// A small stand-in for the simulator: it runs the image's scripts with
// rclab's bash evaluator on a loaded vfs, with fake programs for every path listed
// in PROGRAMS, so the tests can check what rc, rc.sysinit, functions and
// the init scripts print and do.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"
	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/bash"
	"rclab/vfs"
)

// fakeMark starts the content of every program entry the harness writes.
const fakeMark = "#!rclab-fake\n"

type proc struct {
	pid     int
	name    string // what pidof matches
	argv    []string
	pidfile string
}

type harness struct {
	t       *testing.T
	fs      *vfs.FS
	mu      sync.Mutex
	console string // what consoletype prints
	prev    string // runlevel record
	cur     string
	procs   map[int]*proc
	nextPid int
	up      map[string]bool // network links that are up
	calls   []string        // every external program run, as "path arg..."
	missing []string        // commands that were not found
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{
		t: t, fs: loadCentos5(t), console: "serial", prev: "N", cur: "5",
		procs: map[int]*proc{}, nextPid: 300, up: map[string]bool{},
	}
	progs, err := Programs("centos5")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		if err := h.fs.MkdirAll(path.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(h.fs, p, []byte(fakeMark), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

// run executes argv (a script of the image) and returns stdout, stderr
// and the exit status.
func (h *harness) run(stdin string, argv ...string) (string, string, int) {
	h.t.Helper()
	var out, errb bytes.Buffer
	env := []string{
		"PATH=/sbin:/usr/sbin:/bin:/usr/bin", "TERM=linux", "HOME=/",
		"TMPDIR=/nonexistent-rclab-tmp", "CONSOLE=/dev/console", "INIT_VERSION=sysvinit-2.86",
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	status := h.script(ctx, strings.NewReader(stdin), &out, &errb, env, argv)
	return out.String(), errb.String(), status
}

func (h *harness) script(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, env, argv []string) int {
	src, err := afero.ReadFile(h.fs, argv[0])
	if err != nil {
		fmt.Fprintf(stderr, "harness: %v\n", err)
		return 127
	}
	file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(src), argv[0])
	if err != nil {
		h.t.Errorf("parse %s: %v", argv[0], err)
		return 2
	}
	r := bash.New(bash.Config{
		Name: argv[0], Params: argv[1:], Env: env, Dir: "/",
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Open: h.open, Stat: h.stat, ReadDir: h.readDir, Access: h.access,
		Builtin: h.builtin, Exec: h.exec,
	})
	status, err := r.Run(ctx, file)
	if err != nil {
		h.t.Errorf("%s: %v", argv[0], err)
		return 1
	}
	return status
}

func abs(_ context.Context, p string) string {
	if !path.IsAbs(p) {
		p = path.Join("/", p)
	}
	return p
}

func (h *harness) open(ctx context.Context, p string, flag int, perm fs.FileMode) (io.ReadWriteCloser, error) {
	return h.fs.OpenFile(abs(ctx, p), flag, perm)
}

func (h *harness) stat(ctx context.Context, p string, follow bool) (fs.FileInfo, error) {
	if follow {
		return h.fs.Stat(abs(ctx, p))
	}
	return h.fs.Lstat(abs(ctx, p))
}

func (h *harness) readDir(ctx context.Context, p string) ([]fs.DirEntry, error) {
	infos, err := afero.ReadDir(h.fs, abs(ctx, p))
	if err != nil {
		return nil, err
	}
	out := make([]fs.DirEntry, len(infos))
	for i, fi := range infos {
		out[i] = fs.FileInfoToDirEntry(fi)
	}
	return out, nil
}

func (h *harness) access(ctx context.Context, p string, mode uint32) error {
	fi, err := h.fs.Stat(abs(ctx, p))
	if err != nil {
		return err
	}
	if mode&1 != 0 && fi.Mode().Perm()&0o111 == 0 {
		return fs.ErrPermission
	}
	return nil
}

// builtin stands in for the simulator's builtins the evaluator leaves to
// it.
func (h *harness) builtin(ctx context.Context, c *bash.Call) (int, bool) {
	switch c.Args[0] {
	case "kill":
		return h.fakeKill(c, c.Args[1:]), true
	case "ulimit", "umask":
		return 0, true
	}
	return 0, false
}

func (h *harness) exec(ctx context.Context, hc *bash.Call) int {
	name := hc.Args[0]
	args := hc.Args
	var file string
	if strings.Contains(name, "/") {
		file = abs(ctx, path.Join(hc.Dir, name))
	} else {
		pathVar, _ := hc.Runner.Var("PATH")
		for _, dir := range strings.Split(pathVar, ":") {
			if fi, err := h.fs.Stat(dir + "/" + name); err == nil && fi.Mode().IsRegular() {
				file = dir + "/" + name
				break
			}
		}
	}
	fi, err := h.fs.Stat(file)
	if file == "" || err != nil || !fi.Mode().IsRegular() {
		h.mu.Lock()
		h.missing = append(h.missing, name)
		h.mu.Unlock()
		fmt.Fprintf(hc.Stderr, "%s: command not found\n", name)
		return 127
	}
	data, _ := afero.ReadFile(h.fs, file)
	if !bytes.HasPrefix(data, []byte(fakeMark)) {
		return h.script(ctx, hc.Stdin, hc.Stdout, hc.Stderr, hc.Environ(), append([]string{name}, args[1:]...))
	}
	h.mu.Lock()
	h.calls = append(h.calls, strings.Join(append([]string{file}, args[1:]...), " "))
	h.mu.Unlock()
	return h.program(hc, file, args)
}

// spawn adds a daemon to the process table and writes its pid file.
func (h *harness) spawn(name, pidfile string, argv []string) {
	h.mu.Lock()
	h.nextPid += 7
	p := &proc{pid: h.nextPid, name: name, argv: argv, pidfile: pidfile}
	h.procs[p.pid] = p
	h.mu.Unlock()
	h.fs.MkdirAll(fmt.Sprintf("/proc/%d", p.pid), 0o555)
	if pidfile != "" {
		afero.WriteFile(h.fs, pidfile, []byte(fmt.Sprintf("%d\n", p.pid)), 0o644)
	}
}

func (h *harness) reap(pid int) {
	h.mu.Lock()
	p := h.procs[pid]
	delete(h.procs, pid)
	h.mu.Unlock()
	h.fs.RemoveAll(fmt.Sprintf("/proc/%d", pid))
	if p != nil && p.pidfile != "" {
		h.fs.Remove(p.pidfile)
	}
}

func (h *harness) running(name string) []int {
	h.mu.Lock()
	defer h.mu.Unlock()
	var pids []int
	for pid, p := range h.procs {
		if p.name == name {
			pids = append(pids, pid)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(pids)))
	return pids
}

func (h *harness) fakeKill(hc *bash.Call, args []string) int {
	sig := "TERM"
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		sig = strings.TrimPrefix(args[0], "-")
		args = args[1:]
	}
	status := 0
	for _, a := range args {
		pid, err := strconv.Atoi(a)
		h.mu.Lock()
		_, ok := h.procs[pid]
		h.mu.Unlock()
		if err != nil || !ok {
			fmt.Fprintf(hc.Stderr, "kill: (%s) - No such process\n", a)
			status = 1
			continue
		}
		switch sig {
		case "TERM", "15", "KILL", "9", "INT", "2":
			h.reap(pid)
		}
	}
	return status
}

// daemonPidfile says where a fake daemon writes its pid.
func daemonPidfile(file string, args []string) (name, pidfile string) {
	base := path.Base(file)
	name, pidfile = base, "/var/run/"+base+".pid"
	for i, a := range args {
		if a == "--pid-file" && i+1 < len(args) {
			pidfile = args[i+1]
		}
	}
	switch file {
	case "/bin/dbus-daemon":
		pidfile = "/var/run/messagebus.pid"
	case "/usr/sbin/hald":
		pidfile = "/var/run/haldaemon.pid"
	case "/usr/sbin/named":
		pidfile = "/var/run/named/named.pid"
	case "/usr/bin/rsync":
		pidfile = "/var/run/rsyncd.pid"
	case "/usr/sbin/sendmail":
		if strings.Contains(strings.Join(args, " "), "-Ac") {
			name, pidfile = "sendmail", "/var/run/sm-client.pid"
		}
	}
	return name, pidfile
}

var daemons = map[string]bool{
	"/sbin/udevd": true, "/sbin/syslogd": true, "/sbin/klogd": true, "/usr/sbin/irqbalance": true,
	"/sbin/portmap": true, "/sbin/rpc.statd": true, "/usr/sbin/rpc.idmapd": true, "/bin/dbus-daemon": true,
	"/usr/sbin/pcscd": true, "/usr/sbin/acpid": true, "/usr/sbin/hald": true, "/usr/sbin/automount": true,
	"/usr/sbin/cupsd": true, "/usr/sbin/xinetd": true, "/usr/sbin/sendmail": true, "/usr/sbin/gpm": true,
	"/usr/sbin/crond": true, "/usr/bin/xfs": true, "/usr/sbin/anacron": true, "/usr/sbin/atd": true,
	"/usr/sbin/rhnsd": true, "/usr/sbin/ntpd": true, "/usr/sbin/httpd": true, "/usr/sbin/named": true,
	"/usr/sbin/vsftpd": true, "/usr/bin/rsync": true, "/usr/sbin/rpc.mountd": true, "/usr/sbin/rpc.rquotad": true,
}

func (h *harness) program(hc *bash.Call, file string, args []string) int {
	out, stderr := hc.Stdout, hc.Stderr
	rest := args[1:]
	switch {
	case file == "/usr/sbin/sshd":
		if len(rest) > 0 && rest[0] == "-t" {
			return 0
		}
		if len(h.running("sshd")) > 0 {
			return 255
		}
		h.spawn("sshd", "/var/run/sshd.pid", args)
		return 0
	case file == "/usr/sbin/httpd" && len(rest) > 0 && rest[0] == "-t":
		return 0
	case daemons[file]:
		name, pidfile := daemonPidfile(file, rest)
		h.spawn(name, pidfile, args)
		return 0
	}
	switch path.Base(file) {
	case "consoletype":
		fmt.Fprintln(out, h.console)
	case "runlevel":
		fmt.Fprintf(out, "%s %s\n", h.prev, h.cur)
	case "pidof":
		var names []string
		for i := 0; i < len(rest); i++ {
			switch rest[i] {
			case "-o":
				i++
			case "-c", "-x", "-s":
			default:
				names = append(names, path.Base(rest[i]))
			}
		}
		var pids []string
		for _, n := range names {
			for _, pid := range h.running(n) {
				pids = append(pids, strconv.Itoa(pid))
			}
		}
		if len(pids) == 0 {
			return 1
		}
		fmt.Fprintln(out, strings.Join(pids, " "))
	case "killall5":
		h.mu.Lock()
		var all []int
		for pid := range h.procs {
			all = append(all, pid)
		}
		h.mu.Unlock()
		for _, pid := range all {
			h.reap(pid)
		}
	case "killall":
		for _, n := range rest {
			for _, pid := range h.running(n) {
				h.reap(pid)
			}
		}
	case "nice":
		// nice -n N PROGRAM ARGS
		if len(rest) >= 3 && rest[0] == "-n" {
			return h.program(hc, h.lookPath(rest[2]), rest[2:])
		}
	case "grep":
		quiet, files, pattern := false, []string{}, ""
		for _, a := range rest {
			switch {
			case a == "-q":
				quiet = true
			case strings.HasPrefix(a, "-"):
			case pattern == "":
				pattern = a
			default:
				files = append(files, a)
			}
		}
		re := regexp.MustCompile("(?m)" + pattern)
		found := false
		for _, f := range files {
			data, err := afero.ReadFile(h.fs, f)
			if err == nil && re.Match(data) {
				found = true
			}
		}
		_ = quiet
		if !found {
			return 1
		}
	case "touch":
		for _, f := range rest {
			if _, err := h.fs.Stat(f); err != nil {
				if err := afero.WriteFile(h.fs, f, nil, 0o644); err != nil {
					fmt.Fprintf(stderr, "touch: %v\n", err)
					return 1
				}
			}
		}
	case "rm":
		for _, f := range rest {
			if strings.HasPrefix(f, "-") {
				continue
			}
			if fi, err := h.fs.Lstat(f); err == nil && !fi.IsDir() {
				h.fs.Remove(f)
			}
		}
	case "cat":
		for _, f := range rest {
			data, err := afero.ReadFile(h.fs, f)
			if err != nil {
				return 1
			}
			out.Write(data)
		}
	case "date":
		fmt.Fprintln(out, "Tue Sep 30 12:00:00 UTC 2014")
	case "hostname":
		if len(rest) == 0 {
			fmt.Fprintln(out, "lab1")
		}
	case "lvm.static":
		if len(rest) > 0 && rest[0] == "vgchange" {
			fmt.Fprintln(out, `  2 logical volume(s) in volume group "VolGroup00" now active`)
		}
	case "vgs":
		fmt.Fprintln(out, "  VolGroup00")
	case "vgchange":
		fmt.Fprintln(out, `  2 logical volume(s) in volume group "VolGroup00" monitored`)
	case "ip":
		// ip -o link show [dev IF] up
		var dev string
		for i, a := range rest {
			if a == "dev" && i+1 < len(rest) {
				dev = rest[i+1]
			}
		}
		n := 0
		for _, link := range []string{"lo", "eth0"} {
			n++
			if h.up[link] && (dev == "" || dev == link) {
				fmt.Fprintf(out, "%d: %s: <UP,LOWER_UP> mtu 1500 qdisc pfifo_fast qlen 1000\\    link/ether 08:00:27:3a:5c:10 brd ff:ff:ff:ff:ff:ff\n", n, link)
			}
		}
	case "ifup", "ifdown":
		if len(rest) > 0 {
			link := strings.TrimPrefix(rest[0], "ifcfg-")
			h.up[link] = path.Base(file) == "ifup"
		}
	case "mysqld_safe":
		h.spawn("mysqld", "/var/run/mysqld/mysqld.pid", []string{"/usr/libexec/mysqld"})
	case "mysqladmin":
		if len(h.running("mysqld")) == 0 {
			fmt.Fprintln(out, "error: 'Can't connect to local MySQL server'")
			return 1
		}
	case "rpc.nfsd":
		h.spawn("nfsd", "", []string{"nfsd"})
	case "getkey":
		return 1
	}
	return 0
}

func (h *harness) lookPath(name string) string {
	if strings.Contains(name, "/") {
		return name
	}
	for _, dir := range []string{"/sbin", "/usr/sbin", "/bin", "/usr/bin"} {
		if _, err := h.fs.Stat(dir + "/" + name); err == nil {
			return dir + "/" + name
		}
	}
	return name
}

func (h *harness) exists(p string) bool {
	_, err := h.fs.Lstat(p)
	return err == nil
}

func (h *harness) checkClean(what, stderr string) {
	h.t.Helper()
	if stderr != "" {
		h.t.Errorf("%s: stderr:\n%s", what, stderr)
	}
	if len(h.missing) > 0 {
		h.t.Errorf("%s: commands not found (not in PROGRAMS): %v", what, h.missing)
		h.missing = nil
	}
}

// boot runs rc.sysinit and rc 5 and returns what they printed.
func (h *harness) boot() string {
	h.t.Helper()
	out1, err1, _ := h.run("", "/etc/rc.d/rc.sysinit")
	h.checkClean("rc.sysinit", err1)
	h.prev, h.cur = "N", "5"
	out2, err2, _ := h.run("", "/etc/rc.d/rc", "5")
	h.checkClean("rc 5", err2)
	return out1 + out2
}

const ok = "[  OK  ]\r\n"

func TestBootSerial(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	// Leftovers of a previous boot must go.
	for _, p := range []string{"/var/lock/subsys/httpd", "/var/run/httpd.pid", "/var/run/named/named.pid", "/var/run/confirm"} {
		afero.WriteFile(h.fs, p, []byte("123\n"), 0o644)
	}
	out := h.boot()
	want := "\t\tWelcome to  CentOS release 5.11 (Final)\n" +
		"\t\tPress 'I' to enter interactive startup.\n" +
		"Setting clock  (utc): Tue Sep 30 12:00:00 UTC 2014 " + ok +
		"Starting udev: " + ok +
		"Setting hostname lab1:  " + ok +
		"Setting up Logical Volume Management:   2 logical volume(s) in volume group \"VolGroup00\" now active\n" + ok +
		"Checking filesystems\n" + ok +
		"Remounting root filesystem in read-write mode:  " + ok +
		"Mounting local filesystems:  " + ok +
		"Enabling /etc/fstab swaps:  " + ok +
		"Entering non-interactive startup\n" +
		"Starting monitoring for VG VolGroup00:   2 logical volume(s) in volume group \"VolGroup00\" monitored\n" + ok +
		"Checking for hardware changes" + ok +
		"Applying iptables firewall rules: " + ok +
		"Loading additional iptables modules: ip_conntrack_netbios_ns " + ok +
		"Bringing up loopback interface:  " + ok +
		"Bringing up interface eth0:  " + ok +
		"Starting system logger: " + ok +
		"Starting kernel logger: " + ok +
		"Starting irqbalance: " + ok +
		"Starting portmap: " + ok +
		"Starting NFS statd: " + ok +
		"Starting RPC idmapd: " + ok +
		"Starting system message bus: " + ok +
		"Mounting other filesystems:  " + ok +
		"Starting PC/SC smart card daemon (pcscd): " + ok +
		"Starting acpi daemon: " + ok +
		"Starting HAL daemon: " + ok +
		"Starting automount: " + ok +
		"Starting sshd: " + ok +
		"Starting cups: " + ok +
		"Starting xinetd: " + ok +
		"Starting sendmail: " + ok +
		"Starting sm-client: " + ok +
		"Starting console mouse services: " + ok +
		"Starting crond: " + ok +
		"Starting xfs: " + ok +
		"Starting anacron: " + ok +
		"Starting atd: " + ok +
		"Starting rhnsd: " + ok
	if out != want {
		t.Errorf("boot output:\n%s", diff(want, out))
	}
	for _, p := range []string{"/var/lock/subsys/httpd", "/var/run/httpd.pid", "/var/run/named/named.pid", "/var/run/confirm"} {
		if h.exists(p) {
			t.Errorf("%s survived rc.sysinit", p)
		}
	}
	if !h.exists("/var/run/utmp") || !h.exists("/var/run/named") {
		t.Error("rc.sysinit lost /var/run/utmp or a directory of /var/run")
	}
	locks := "acpid anacron atd autofs crond cups gpm haldaemon iptables irqbalance kudzu local lvm2-monitor messagebus netfs network nfslock pcscd portmap rhnsd rpcidmapd sendmail sm-client sshd syslog xfs xinetd"
	entries, _ := afero.ReadDir(h.fs, "/var/lock/subsys")
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != locks {
		t.Errorf("locks after boot:\n got %s\nwant %s", strings.Join(got, " "), locks)
	}
	// A second pass changes nothing and prints nothing.
	h.prev, h.cur = "5", "5"
	if out, stderr, _ := h.run("", "/etc/rc.d/rc", "5"); out != "" || stderr != "" {
		t.Errorf("second rc 5 printed %q %q", out, stderr)
	}
	// Every call was to a program of PROGRAMS (others are "missing").
	h.checkClean("boot", "")
}

func TestColourTags(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.console = "vt"
	afero.WriteFile(h.fs, "/tmp/t", []byte(". /etc/init.d/functions\necho_success; echo_failure; echo_passed; echo_warning; echo\naction \"Doing it: \" true\naction \"Failing: \" false; echo \"rc=$?\"\n"), 0o755)
	out, stderr, _ := h.run("", "/tmp/t")
	h.checkClean("tags", stderr)
	want := "\033[60G[\033[0;32m  OK  \033[0;39m]\r" +
		"\033[60G[\033[0;31mFAILED\033[0;39m]\r" +
		"\033[60G[\033[0;33mPASSED\033[0;39m]\r" +
		"\033[60G[\033[0;33mWARNING\033[0;39m]\r\n" +
		"Doing it:  \033[60G[\033[0;32m  OK  \033[0;39m]\r\n" +
		"Failing:  \033[60G[\033[0;31mFAILED\033[0;39m]\r\nrc=1\n"
	if out != want {
		t.Errorf("tags: got %q\nwant %q", out, want)
	}
	// The banner colours CentOS cyan.
	out, _, _ = h.run("", "/etc/rc.d/rc.sysinit")
	if !strings.HasPrefix(out, "\t\tWelcome to  \033[0;36mCentOS\033[0;39m release 5.11 (Final)\n") {
		t.Errorf("banner: %q", strings.SplitN(out, "\n", 2)[0])
	}
	if !strings.Contains(out, "Loading default keymap (us): \033[60G[") {
		t.Error("no keymap line on a vt console")
	}
}

func TestServiceBehaviour(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.boot()
	h.prev, h.cur = "N", "5"

	type step struct {
		argv   []string
		out    string
		status int
	}
	pidOf := func(name string) string {
		pids := h.running(name)
		if len(pids) == 0 {
			return "?"
		}
		return strconv.Itoa(pids[0])
	}
	steps := []step{
		{[]string{"/etc/init.d/crond", "status"}, "crond (pid  " + pidOf("crond") + ") is running...\n", 0},
		{[]string{"/etc/init.d/sshd", "status"}, "openssh-daemon (pid  " + pidOf("sshd") + ") is running...\n", 0},
		{[]string{"/etc/init.d/xinetd", "status"}, "xinetd (pid  " + pidOf("xinetd") + ") is running...\n", 0},
		{[]string{"/etc/init.d/syslog", "status"}, "syslogd (pid  " + pidOf("syslogd") + ") is running...\nklogd (pid  " + pidOf("klogd") + ") is running...\n", 0},
		{[]string{"/etc/init.d/httpd", "status"}, "httpd is stopped\n", 3},
		// EL5: no guard; a second start prints the text and a bare newline.
		{[]string{"/etc/init.d/crond", "start"}, "Starting crond: \n", 0},
		{[]string{"/etc/init.d/sshd", "start"}, "Starting sshd: [FAILED]\r\n", 255},
		{[]string{"/etc/init.d/crond", "stop"}, "Stopping crond: " + ok, 0},
		{[]string{"/etc/init.d/crond", "status"}, "crond is stopped\n", 3},
		{[]string{"/etc/init.d/crond", "stop"}, "Stopping crond: [FAILED]\r\n", 0},
		{[]string{"/etc/init.d/sshd", "stop"}, "Stopping sshd: " + ok, 0},
		{[]string{"/etc/init.d/sshd", "stop"}, "Stopping sshd: [FAILED]\r\n", 1},
		{[]string{"/etc/init.d/sshd", "status"}, "openssh-daemon is stopped\n", 3},
		{[]string{"/etc/init.d/syslog", "stop"}, "Shutting down kernel logger: " + ok + "Shutting down system logger: " + ok, 0},
		{[]string{"/etc/init.d/syslog", "start"}, "Starting system logger: " + ok + "Starting kernel logger: " + ok, 0},
		{[]string{"/etc/init.d/httpd", "start"}, "Starting httpd: " + ok, 0},
		{[]string{"/etc/init.d/xinetd", "reload"}, "Reloading configuration: " + ok, 0},
		{[]string{"/etc/init.d/xinetd", "restart"}, "Stopping xinetd: " + ok + "Starting xinetd: " + ok, 0},
		{[]string{"/etc/init.d/sshd"}, "Usage: /etc/init.d/sshd {start|stop|restart|reload|condrestart|status}\n", 1},
		{[]string{"/etc/init.d/network", "bogus"}, "Usage: /etc/init.d/network {start|stop|restart|reload|status}\n", 1},
		{[]string{"/etc/init.d/network", "status"}, "Configured devices:\nlo eth0\nCurrently active devices:\nlo eth0\n", 0},
		{[]string{"/etc/init.d/mysqld", "start"}, "Initializing MySQL database:  " + ok + "Starting MySQL:  " + ok, 0},
		{[]string{"/etc/init.d/mysqld", "stop"}, "Stopping MySQL:  " + ok, 0},
		{[]string{"/etc/init.d/vsftpd", "start"}, "Starting vsftpd for vsftpd: " + ok, 0},
		{[]string{"/etc/init.d/vsftpd", "status"}, "vsftpd (pid  PID) is running...\n", 0},
		{[]string{"/etc/init.d/rsyncd", "start"}, "Starting rsyncd: " + ok, 0},
		{[]string{"/etc/init.d/rsyncd", "stop"}, "Stopping rsyncd: " + ok, 0},
		{[]string{"/etc/init.d/rsyncd", "status"}, "rsync is stopped\n", 3},
		{[]string{"/etc/init.d/netconsole", "start"}, "", 6},
		{[]string{"/etc/init.d/iptables", "status"}, "Table: filter\n\n", 0},
	}
	for _, s := range steps {
		out, stderr, status := h.run("", s.argv...)
		if s.argv[0] == "/etc/init.d/netconsole" {
			stderr = strings.TrimPrefix(stderr, "Server address not specified in /etc/sysconfig/netconsole\n")
		}
		h.checkClean(strings.Join(s.argv, " "), stderr)
		s.out = strings.Replace(s.out, "PID", pidOf(path.Base(s.argv[0])), 1)
		if out != s.out || status != s.status {
			t.Errorf("%v:\n got %q exit %d\nwant %q exit %d", s.argv, out, status, s.out, s.status)
		}
	}

	// A dead daemon whose lock remains: status says so; K scripts clean up.
	for _, pid := range h.running("atd") {
		h.reap(pid)
	}
	if out, _, status := h.run("", "/etc/init.d/atd", "status"); out != "atd is stopped\n" || status != 3 {
		// atd's pid file went with the process: status falls back to the lock.
		if out != "atd dead but subsys locked\n" || status != 2 {
			t.Errorf("atd status after its death: %q %d", out, status)
		}
	}
}

func TestEveryScriptHasUsage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	entries, _ := afero.ReadDir(h.fs, "/etc/rc.d/init.d")
	for _, e := range entries {
		name := e.Name()
		if name == "functions" {
			continue
		}
		out, stderr, status := h.run("", "/etc/init.d/"+name, "bogus")
		h.missing = nil
		text := out + stderr
		if name == "halt" {
			// Run as "halt" the script wants "start" only.
			if text != "Usage: /etc/init.d/halt {start}\n" || status != 1 {
				t.Errorf("halt bogus: %q %d", text, status)
			}
			continue
		}
		if name == "single" {
			continue // "single bogus" goes to single user mode, as the real one
		}
		want := 1
		if name == "netconsole" {
			want = 2
		}
		if !strings.HasPrefix(text, "Usage: ") || status != want {
			t.Errorf("%s bogus: %q exit %d, want a usage line and exit %d", name, text, status, want)
		}
	}
}

func TestRunlevelChanges(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.boot()

	// 5 -> 3: the same services, nothing to do.
	h.prev, h.cur = "5", "3"
	out, stderr, _ := h.run("", "/etc/rc.d/rc", "3")
	h.checkClean("rc 3", stderr)
	if out != "" {
		t.Errorf("rc 3 after rc 5 printed %q", out)
	}

	// A service started by hand is stopped by the K link of the next level;
	// one stopped by hand is started again.
	h.run("", "/etc/init.d/httpd", "start")
	h.run("", "/etc/init.d/crond", "stop")
	out, stderr, _ = h.run("", "/etc/rc.d/rc", "3")
	h.checkClean("rc 3 again", stderr)
	if want := "Stopping httpd: " + ok + "Starting crond: " + ok; out != want {
		t.Errorf("rc 3:\n%s", diff(want, out))
	}

	// 3 -> 2: the 345-only services stop.
	h.prev, h.cur = "3", "2"
	out, stderr, _ = h.run("", "/etc/rc.d/rc", "2")
	h.checkClean("rc 2", stderr)
	want := "Stopping rhnsd: " + ok +
		"Stopping atd: " + ok +
		"Stopping xinetd: " + ok +
		"Stopping automount: " + ok +
		"Stopping acpi daemon: " + ok +
		"Stopping HAL daemon: " + ok +
		"Stopping RPC idmapd: " + ok +
		"Stopping system message bus: " + ok +
		"Stopping NFS statd: " + ok +
		"Stopping portmap: " + ok
	if out != want {
		t.Errorf("rc 2:\n%s", diff(want, out))
	}

	// 2 -> 1: everything stops, then single hands over to init.
	h.prev, h.cur = "2", "1"
	out, stderr, _ = h.run("", "/etc/rc.d/rc", "1")
	h.checkClean("rc 1", stderr)
	if !strings.HasSuffix(out, "Shutting down kernel logger: "+ok+"Shutting down system logger: "+ok+
		"Shutting down interface eth0:  "+ok+"Shutting down loopback interface:  "+ok+
		"Flushing firewall rules: "+ok+"Setting chains to policy ACCEPT: filter "+ok+
		"Unloading iptables modules: "+ok+
		"Telling INIT to go to single user mode.\n") {
		t.Errorf("rc 1 ends with:\n%s", out)
	}
	// single execs init; rc then removes /var/run/confirm and ends.
	if n := len(h.calls); n < 2 || h.calls[n-2] != "/sbin/init -t1 S" {
		t.Errorf("programs run last: %q", h.calls[max(0, n-2):])
	}
	entries, _ := afero.ReadDir(h.fs, "/var/lock/subsys")
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	// local has no K link; lvm2-monitor is on in level 1 too.
	if strings.Join(left, " ") != "local lvm2-monitor" {
		t.Errorf("locks left in runlevel 1: %v", left)
	}
}

func TestShutdown(t *testing.T) {
	t.Parallel()
	for _, level := range []string{"0", "6"} {
		h := newHarness(t)
		h.boot()
		h.prev, h.cur = "5", level
		out, stderr, _ := h.run("", "/etc/rc.d/rc", level)
		h.checkClean("rc "+level, stderr)
		last := "Halting system...\n"
		cmd := "/sbin/halt -d -p"
		if level == "6" {
			last = "Please stand by while rebooting the system...\n"
			cmd = "/sbin/reboot -d"
		}
		tail := "Starting killall:  " + ok +
			"Sending all processes the TERM signal... " + ok +
			"Sending all processes the KILL signal... " + ok +
			"Saving random seed:  " + ok +
			"Syncing hardware clock to system time " + ok +
			"Turning off swap:  " + ok +
			"Turning off quotas:  " + ok +
			"Unmounting pipe file systems:  " + ok +
			"Unmounting file systems:  " + ok + last
		if !strings.HasSuffix(out, tail) {
			t.Errorf("rc %s: output does not end with\n%s\n---- output:\n%s", level, tail, out)
		}
		for _, line := range []string{"Stopping sshd: " + ok, "Shutting down sm-client: " + ok, "Stopping crond: " + ok,
			"Shutting down interface eth0:  " + ok, "Flushing firewall rules: " + ok,
			"Setting chains to policy ACCEPT: filter " + ok, "Unloading iptables modules: " + ok} {
			if !strings.Contains(out, line) {
				t.Errorf("rc %s: no %q", level, line)
			}
		}
		if got := h.calls[len(h.calls)-1]; got != cmd {
			t.Errorf("rc %s ends with %q, want %q", level, got, cmd)
		}
		// killall removes the lock of local, which has no script.
		entries, _ := afero.ReadDir(h.fs, "/var/lock/subsys")
		if len(entries) != 0 {
			var n []string
			for _, e := range entries {
				n = append(n, e.Name())
			}
			t.Errorf("rc %s: locks left %v", level, n)
		}
	}
}

func TestInteractiveStartup(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.run("", "/etc/rc.d/rc.sysinit")
	afero.WriteFile(h.fs, "/var/run/confirm", nil, 0o644)
	// microcode_ctl: yes, lvm2-monitor: no, kudzu: bogus then empty (yes),
	// cpuspeed: continue (no more questions).
	out, stderr, _ := h.run("y\nn\nmaybe\n\nc\n", "/etc/rc.d/rc", "5")
	h.checkClean("interactive rc 5", stderr)
	want := "Entering interactive startup\n" +
		"Start service microcode_ctl (Y)es/(N)o/(C)ontinue? [Y] " +
		"Start service lvm2-monitor (Y)es/(N)o/(C)ontinue? [Y] " +
		"Start service kudzu (Y)es/(N)o/(C)ontinue? [Y] " +
		"Start service kudzu (Y)es/(N)o/(C)ontinue? [Y] " +
		"Checking for hardware changes" + ok +
		"Start service cpuspeed (Y)es/(N)o/(C)ontinue? [Y] " +
		"Applying iptables firewall rules: " + ok
	if !strings.HasPrefix(out, want) {
		t.Errorf("interactive:\n%s", diff(want, out[:min(len(out), len(want))]))
	}
	if strings.Count(out, "(Y)es/(N)o/(C)ontinue") != 5 {
		t.Errorf("%d questions asked", strings.Count(out, "(Y)es/(N)o/(C)ontinue"))
	}
	if h.exists("/var/lock/subsys/lvm2-monitor") || !h.exists("/var/lock/subsys/sshd") || h.exists("/var/run/confirm") {
		t.Error("interactive start-up: wrong services started or confirm file left")
	}
}

func TestScriptsWithoutFunctionsAreWrapped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	afero.WriteFile(h.fs, "/etc/rc.d/init.d/extra", []byte("#!/bin/sh\necho -n \"extra $1\"\n"), 0o755)
	h.fs.SymlinkIfPossible("../init.d/extra", "/etc/rc.d/rc3.d/S9extra")
	h.fs.SymlinkIfPossible("../init.d/extra", "/etc/rc.d/rc3.d/S50extra~")
	h.fs.SymlinkIfPossible("../init.d/missing", "/etc/rc.d/rc3.d/S51dangling")
	afero.WriteFile(h.fs, "/etc/rc.d/init.d/noexec", []byte("#!/bin/sh\necho noexec\n"), 0o644)
	h.fs.SymlinkIfPossible("../init.d/noexec", "/etc/rc.d/rc3.d/S52noexec")
	h.prev, h.cur = "N", "3"
	out, stderr, _ := h.run("", "/etc/rc.d/rc", "3")
	h.checkClean("rc 3 with extra", stderr)
	if !strings.HasSuffix(out, "Starting xtra:  extra start"+ok) {
		t.Errorf("S9extra: output ends %q", out[max(0, len(out)-80):])
	}
	if strings.Contains(out, "noexec") || strings.Count(out, "extra start") != 1 {
		t.Error("rc ran a backup, dangling or non-executable entry")
	}
}

// diff shows where two outputs part.
func diff(want, got string) string {
	wl, gl := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %q\n  got %q\nfull output:\n%s", i+1, w, g, got)
		}
	}
	return "(equal)"
}

var _ = errors.New

// TestStatusRows runs the status function through every row of its table.
func TestStatusRows(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	script := `. /etc/init.d/functions
status; echo "rc=$?"
status crond; echo "rc=$?"
touch /var/lock/subsys/crond
status crond; echo "rc=$?"
echo 99999 > /var/run/crond.pid
status crond; echo "rc=$?"
status -p /var/run/none.pid -l crond /usr/sbin/crond; echo "rc=$?"
rm -f /var/run/crond.pid
/usr/sbin/crond
status crond; echo "rc=$?"
rm -f /var/run/crond.pid
status crond; echo "rc=$?"
status -p /var/run/other.pid crond; echo "rc=$?"
pidofproc crond; echo "rc=$?"
killproc crond; echo "rc=$?"
killproc crond; echo "rc=$?"
killproc crond -HUP; echo "rc=$?"
`
	afero.WriteFile(h.fs, "/tmp/t", []byte(script), 0o755)
	out, stderr, _ := h.run("", "/tmp/t")
	h.checkClean("status rows", stderr)
	pid := "?"
	if p := h.calls; len(p) > 0 {
		pid = strconv.Itoa(h.nextPid)
	}
	want := "Usage: status [-p pidfile] {program}\nrc=1\n" +
		"crond is stopped\nrc=3\n" +
		"crond dead but subsys locked\nrc=2\n" +
		"crond dead but pid file exists\nrc=1\n" +
		"crond dead but subsys locked\nrc=2\n" +
		"crond (pid  " + pid + ") is running...\nrc=0\n" +
		"crond (pid " + pid + ") is running...\nrc=0\n" +
		"crond dead but subsys locked\nrc=2\n" +
		pid + "\nrc=0\n" +
		"[  OK  ]\rrc=0\n" +
		"[FAILED]\rrc=0\n" +
		"[FAILED]\rrc=0\n"
	if out != want {
		t.Errorf("status rows:\n%s", diff(want, out))
	}
}

// TestAllVerbs runs every verb of every service script once, so that a
// program missing from PROGRAMS or a shell construct the interpreter
// rejects shows up.
func TestAllVerbs(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.boot()
	// First start of sshd on a machine without host keys.
	for _, k := range []string{"ssh_host_key", "ssh_host_rsa_key", "ssh_host_dsa_key"} {
		h.fs.Remove("/etc/ssh/" + k)
	}
	out, stderr, _ := h.run("", "/etc/init.d/sshd", "restart")
	h.checkClean("sshd restart", stderr)
	if !strings.Contains(out, "Generating SSH1 RSA host key: ") || !strings.Contains(out, "Generating SSH2 DSA host key: ") {
		t.Errorf("sshd without keys: %q", out)
	}
	entries, _ := afero.ReadDir(h.fs, "/etc/init.d")
	verbs := []string{"start", "status", "reload", "condrestart", "restart", "stop", "save", "panic", "configtest", "dump", "check", "force-stop"}
	for _, e := range entries {
		switch e.Name() {
		case "functions", "halt", "killall", "single":
			continue
		}
		for _, v := range verbs {
			_, stderr, _ := h.run("", "/etc/init.d/"+e.Name(), v)
			if e.Name() == "netconsole" {
				stderr = strings.ReplaceAll(stderr, "Server address not specified in /etc/sysconfig/netconsole\n", "")
				stderr = strings.ReplaceAll(stderr, "Usage: /etc/init.d/netconsole {start|stop|status|restart|condrestart}\n", "")
			}
			h.checkClean(e.Name()+" "+v, stderr)
		}
	}
}
