package cmds

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"rclab/sim/internal/proc"
)

// The daemons of the centos5 image. Footprints (VSZ/RSS in KiB) are those
// of a 32-bit CentOS 5 server, so the standalone vs on-demand memory lesson
// is true to scale. Uids are the image's /etc/passwd accounts.

const (
	uidRPC       = 32
	uidRPCUser   = 29
	uidDBus      = 81
	uidHalDaemon = 68
	uidXFS       = 43
	uidNTP       = 38
	uidApache    = 48
	uidNamed     = 25
	uidMySQL     = 27
	uidSmmsp     = 51
)

func tcp(port int) daemonPort { return daemonPort{"tcp", port} }
func udp(port int) daemonPort { return daemonPort{"udp", port} }

func init() {
	registerDaemon(daemonSpec{name: "syslogd", dir: "/sbin", summary: "Linux system logging utilities", vsz: 1804, rss: 588,
		argv: argvBase, ports: []daemonPort{udp(514)}[:0],
		started: []string{"=syslogd 1.4.1: restart."}, stopped: []string{"exiting on signal 15"}})
	registerDaemon(daemonSpec{name: "klogd", dir: "/sbin", summary: "kernel log daemon", vsz: 1752, rss: 408,
		argv: argvBase, started: []string{"=kernel: klogd 1.4.1, log source = /proc/kmsg started."},
		stopped: []string{"=kernel: Kernel log daemon terminating."}})
	registerDaemon(daemonSpec{name: "irqbalance", dir: "/usr/sbin", summary: "distribute hardware interrupts across processors", vsz: 1928, rss: 292, argv: argvBase})
	registerDaemon(daemonSpec{name: "portmap", dir: "/sbin", summary: "DARPA port to RPC program number mapper", uid: uidRPC, vsz: 1900, rss: 572,
		argv: argvBase, ports: []daemonPort{tcp(111), udp(111)}})
	registerDaemon(daemonSpec{name: "rpc.statd", dir: "/sbin", summary: "NSM status monitor", uid: uidRPCUser, vsz: 1944, rss: 724,
		argv: argvBase, ports: []daemonPort{tcp(608), udp(605)}, started: []string{"Version 1.0.9 Starting"}})
	registerDaemon(daemonSpec{name: "rpc.idmapd", dir: "/usr/sbin", summary: "NFSv4 ID <-> name mapper", vsz: 5024, rss: 496, argv: argvBase})
	registerDaemon(daemonSpec{name: "rpc.gssd", dir: "/usr/sbin", summary: "rpcsec_gss daemon", vsz: 2512, rss: 400, argv: argvBase})
	registerDaemon(daemonSpec{name: "dbus-daemon", dir: "/bin", summary: "message bus daemon", uid: uidDBus, vsz: 2848, rss: 872,
		pidfile: "/var/run/messagebus.pid", argv: argvBase})
	registerDaemon(daemonSpec{name: "pcscd", dir: "/usr/sbin", summary: "PC/SC smart card daemon", vsz: 2120, rss: 860, threads: true, argv: argvBase})
	registerDaemon(daemonSpec{name: "acpid", dir: "/usr/sbin", summary: "Advanced Configuration and Power Interface event daemon", vsz: 1720, rss: 552, argv: argvBase})
	registerDaemon(daemonSpec{name: "hald", dir: "/usr/sbin", summary: "HAL daemon", uid: uidHalDaemon, vsz: 5208, rss: 3816,
		pidfile: "/var/run/haldaemon.pid", argv: argvAs("hald"), workers: 1, workerComm: "hald-runner", workerVSZ: 3184, workerRSS: 1032,
		workerArgs: []string{"hald-runner"}})
	registerDaemon(daemonSpec{name: "automount", dir: "/usr/sbin", summary: "manage autofs mount points", vsz: 9828, rss: 1448, threads: true,
		pidfile: "/var/run/autofs.pid", argv: argvBase})
	registerDaemon(daemonSpec{name: "gpm", dir: "/usr/sbin", summary: "a cut and paste utility and mouse server for virtual consoles", vsz: 1804, rss: 440, argv: argvBase})
	registerDaemon(daemonSpec{name: "xfs", dir: "/usr/bin", summary: "X font server", uid: uidXFS, vsz: 3868, rss: 1856, argv: argvBase})
	registerDaemon(daemonSpec{name: "anacron", dir: "/usr/sbin", summary: "runs commands periodically", vsz: 1640, rss: 496, argv: argvBase,
		started: []string{"Anacron 2.3 started on 2014-10-06", "Normal exit (0 jobs run)"}})
	registerDaemon(daemonSpec{name: "rhnsd", dir: "/usr/sbin", summary: "Red Hat Network update daemon", vsz: 1604, rss: 412, argv: argvBase})
	registerDaemon(daemonSpec{name: "ntpd", dir: "/usr/sbin", summary: "Network Time Protocol daemon", uid: uidNTP, vsz: 4528, rss: 4524,
		ports: []daemonPort{udp(123)}, argv: argvBase, started: []string{"ntpd 4.2.2p1@1.1570-o Wed Aug 13 20:19:29 UTC 2014 (1)", "precision = 1.000 usec"},
		stopped: []string{"ntpd exiting on signal 15"}})
	registerDaemon(daemonSpec{name: "crond", dir: "/usr/sbin", summary: "daemon to execute scheduled commands", vsz: 5292, rss: 1108, argv: argvBase,
		started: []string{"(CRON) STARTUP (V5.0)"},
		busy: func(p *Proc, pid int) int {
			fmt.Fprintf(p.Stderr, "crond: can't lock /var/run/crond.pid, otherpid may be %d: Resource temporarily unavailable\n", pid)
			return 1
		}})
	registerDaemon(daemonSpec{name: "atd", dir: "/usr/sbin", summary: "run jobs queued for later execution", vsz: 2380, rss: 412})
	registerDaemon(daemonSpec{name: "cupsd", dir: "/usr/sbin", summary: "common UNIX printing system daemon", vsz: 11152, rss: 2284,
		argv: argvBase, ports: []daemonPort{tcp(631), udp(631)}})
	registerDaemon(daemonSpec{name: "sendmail", dir: "/usr/sbin", summary: "an electronic mail transport agent", vsz: 9368, rss: 1696,
		ports: []daemonPort{tcp(25)}, argv: func(args []string) []string {
			return []string{"sendmail: accepting connections"}
		}, options: sendmailOptions})
	registerDaemon(daemonSpec{name: "udevd", dir: "/sbin", summary: "event managing daemon", vsz: 1656, rss: 608, argv: argvAs("/sbin/udevd", "-d"), pidfile: "-"})
	registerDaemon(daemonSpec{name: "sshd", dir: "/usr/sbin", summary: "OpenSSH SSH daemon", vsz: 7224, rss: 1032,
		config: "/etc/ssh/sshd_config", check: checkSshdConfig, ports: []daemonPort{tcp(22)},
		argv: argvAs("/usr/sbin/sshd"), options: sshdOptions,
		busy: func(p *Proc, pid int) int {
			p.Sys.Syslog("sshd", 0, "error: Bind to port 22 on 0.0.0.0 failed: Address already in use.")
			p.Sys.Syslog("sshd", 0, "fatal: Cannot bind any address.")
			return 255
		}})
	registerDaemon(daemonSpec{name: "httpd", dir: "/usr/sbin", summary: "Apache Hypertext Transfer Protocol Server", vsz: 21592, rss: 8876,
		config: "/etc/httpd/conf/httpd.conf", check: checkHttpdConfig, listen: httpdListen,
		workers: 8, workerUID: uidApache, workerVSZ: 21724, workerRSS: 4628,
		argv: argvAs("/usr/sbin/httpd"), options: httpdOptions,
		logfile: "/var/log/httpd/error_log",
		onStart: []string{"[notice] Apache/2.2.3 (CentOS) configured -- resuming normal operations"},
		onReload: []string{"[notice] SIGHUP received.  Attempting to restart",
			"[notice] Apache/2.2.3 (CentOS) configured -- resuming normal operations"},
		onStop: []string{"[notice] caught SIGTERM, shutting down"}})
	registerDaemon(daemonSpec{name: "named", dir: "/usr/sbin", summary: "Internet domain name server", uid: uidNamed, vsz: 45012, rss: 3120, threads: true,
		config: "/etc/named.conf", pidfile: "/var/run/named/named.pid", ports: []daemonPort{tcp(53), udp(53)}, argv: argvBase,
		started:  []string{"starting BIND 9.3.6-P1-RedHat-9.3.6-25.P1.el5_11.11 -u named", "loading configuration from '/etc/named.conf'", "running"},
		reloaded: []string{"received control channel command 'reload'", "loading configuration from '/etc/named.conf'", "reloading zones succeeded"},
		stopped:  []string{"shutting down", "exiting"}})
	registerDaemon(daemonSpec{name: "vsftpd", dir: "/usr/sbin", summary: "Very Secure FTP Daemon", vsz: 5184, rss: 616,
		config: "/etc/vsftpd/vsftpd.conf", ports: []daemonPort{tcp(21)}, argv: argvBase,
		busy: func(p *Proc, pid int) int {
			fmt.Fprintln(p.Stderr, "500 OOPS: could not bind listening IPv4 socket")
			return 1
		}})
	registerDaemon(daemonSpec{name: "mysqld_safe", dir: "/usr/bin", summary: "MySQL server startup script", vsz: 4568, rss: 1240,
		argv: func(args []string) []string {
			return append([]string{"/bin/sh", "/usr/bin/mysqld_safe"}, args[1:]...)
		}, pidfile: "-", options: mysqldSafeOptions})
	registerDaemon(daemonSpec{name: "mysqld", dir: "/usr/libexec", summary: "the MySQL server", uid: uidMySQL, vsz: 129408, rss: 16532, threads: true,
		config: "/etc/my.cnf", pidfile: "/var/run/mysqld/mysqld.pid", ports: []daemonPort{tcp(3306)}, ppidFrom: "mysqld_safe",
		argv: argvAs("/usr/libexec/mysqld", "--basedir=/usr", "--datadir=/var/lib/mysql", "--user=mysql",
			"--pid-file=/var/run/mysqld/mysqld.pid", "--skip-external-locking", "--socket=/var/lib/mysql/mysql.sock")})
	registerDaemon(daemonSpec{name: "rpc.nfsd", dir: "/usr/sbin", summary: "NFS server process", vsz: 0, rss: 0, pidfile: "-",
		ports: []daemonPort{tcp(2049), udp(2049)}, argv: argvAs("[nfsd]"), options: nfsdOptions})
	registerDaemon(daemonSpec{name: "rpc.mountd", dir: "/usr/sbin", summary: "NFS mount daemon", vsz: 1968, rss: 556, argv: argvBase,
		ports: []daemonPort{tcp(892), udp(892)}})
	registerDaemon(daemonSpec{name: "rpc.rquotad", dir: "/usr/sbin", summary: "remote quota server", vsz: 1936, rss: 396, argv: argvBase})
	registerDaemon(daemonSpec{name: "gdm", dir: "/usr/sbin", summary: "GNOME Display Manager", vsz: 19452, rss: 3048, pidfile: "/var/run/gdm.pid",
		argv: argvAs("/usr/sbin/gdm-binary", "-nodaemon"), workers: 1, workerComm: "Xorg", workerVSZ: 22396, workerRSS: 14040,
		workerArgs: []string{"/usr/bin/Xorg", ":0", "-br", "-audit", "0", "-auth", "/var/gdm/:0.Xauth", "-nolisten", "tcp", "vt7"}})
}

// sendmailOptions starts the queue runner (-Ac, user smmsp) as its own
// daemon, as the init script's second sendmail command does.
func sendmailOptions(p *Proc, s *daemonSpec) (int, bool) {
	for _, a := range p.Args[1:] {
		if a == "-Ac" {
			pid, err := p.Sys.Procs.Spawn(proc.Process{PPID: 1, UID: uidSmmsp, State: 'S', SessionLeader: true,
				Comm: "sendmail", Args: []string{"sendmail: Queue runner@01:00:00 for /var/spool/clientmqueue"},
				Exe: "/usr/sbin/sendmail", VSZ: 8272, RSS: 1480})
			if err != nil {
				return 1, true
			}
			writeVFS(p, "/var/run/sm-client.pid", pidLine(pid), 0o644)
			return 0, true
		}
	}
	return 0, false
}

// mysqldSafeOptions is the mysqld_safe script: it stays as the launcher
// and starts mysqld under it.
func mysqldSafeOptions(p *Proc, s *daemonSpec) (int, bool) {
	if _, _, ok := RunningDaemon(p.Sys, "mysqld"); ok {
		fmt.Fprintln(p.Stderr, "A mysqld process already exists")
		return 1, true
	}
	pid, err := p.Sys.Procs.Spawn(proc.Process{PPID: 1, State: 'S', SessionLeader: true, Comm: "mysqld_safe",
		Args: append([]string{"/bin/sh", "/usr/bin/mysqld_safe"}, p.Args[1:]...), Exe: "/usr/bin/mysqld_safe",
		VSZ: s.vsz, RSS: s.rss, Data: launcherOf{}})
	if err != nil {
		return 1, true
	}
	if st := p.Run([]string{"/usr/libexec/mysqld"}, nil, nil, nil); st != 0 {
		p.Sys.Procs.Exit(pid)
		return st, true
	}
	return 0, true
}

// nfsdOptions is rpc.nfsd N: it starts N kernel nfsd threads and returns.
func nfsdOptions(p *Proc, s *daemonSpec) (int, bool) {
	n := 8
	if len(p.Args) > 1 {
		if v, err := strconv.Atoi(p.Args[len(p.Args)-1]); err == nil {
			n = v
		}
	}
	if n == 0 {
		for _, pr := range p.Sys.Procs.List() {
			if pr.Comm == "nfsd" && pr.Kernel {
				p.Sys.Procs.Exit(pr.PID)
			}
		}
		p.Sys.Unlisten("tcp", 2049)
		p.Sys.Unlisten("udp", 2049)
		return 0, true
	}
	first := 0
	for i := 0; i < n; i++ {
		pid, err := p.Sys.Procs.Spawn(proc.Process{PPID: 1, State: 'S', Kernel: true, Comm: "nfsd"})
		if err == nil && first == 0 {
			first = pid
		}
	}
	for _, port := range s.ports {
		p.Sys.Listen(port.proto, port.port, first, "-")
	}
	return 0, true
}

// sshdOptions handles sshd -t (test the configuration).
func sshdOptions(p *Proc, s *daemonSpec) (int, bool) {
	for _, a := range p.Args[1:] {
		if a == "-t" {
			data, err := readVFS(p, s.config)
			if err != nil {
				fmt.Fprintf(p.Stderr, "%s: %s\n", s.config, Strerror(err))
				return 1, true
			}
			if err := checkSshdConfig(p, data); err != nil {
				fmt.Fprintln(p.Stderr, err)
				return 255, true
			}
			return 0, true
		}
	}
	return 0, false
}

// sshdKeywords are the sshd_config keywords of OpenSSH 4.3 (CentOS 5).
var sshdKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`port protocol listenaddress hostkey serverkeybits logingracetime
	keyregenerationinterval permitrootlogin syslogfacility loglevel rhostsauthentication
	rhostsrsaauthentication hostbasedauthentication hostbasedusesnamefrompacketonly rsaauthentication
	pubkeyauthentication kerberosauthentication kerberosorlocalpasswd kerberosticketcleanup
	kerberosgetafstoken gssapiauthentication gssapicleanupcredentials gssapistrictacceptorcheck
	passwordauthentication kbdinteractiveauthentication challengeresponseauthentication
	printmotd printlastlog ignorerhosts ignoreuserknownhosts x11forwarding x11displayoffset
	x11uselocalhost strictmodes permitemptypasswords permituserenvironment uselogin allowtcpforwarding
	allowusers denyusers allowgroups denygroups ciphers macs protocol gatewayports subsystem
	maxstartups maxauthtries banner usedns clientaliveinterval clientalivecountmax authorizedkeysfile
	pidfile compression tcpkeepalive useprivilegeseparation usepam acceptenv permittunnel
	match forcecommand xauthlocation`) {
		sshdKeywords[k] = true
	}
}

// sshdFirstWord is the first of strings.Fields(line), or nothing.
func sshdFirstWord(line []byte) []byte {
	line = bytes.TrimLeftFunc(line, unicode.IsSpace)
	if end := bytes.IndexFunc(line, unicode.IsSpace); end >= 0 {
		return line[:end]
	}
	return line
}

// sshdKeyword reports whether word is an sshd_config keyword, in any
// case, lowering plain ASCII into buf instead of allocating.
func sshdKeyword(word, buf []byte) bool {
	for _, c := range word {
		if c >= utf8.RuneSelf {
			return sshdKeywords[strings.ToLower(string(word))]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return sshdKeywords[string(buf)]
}

func checkSshdConfig(p *Proc, data []byte) error {
	bad := 0
	var msgs []string
	var lower [32]byte
	rest := data
	for i := 0; rest != nil; i++ {
		line := rest
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			line, rest = rest[:j], rest[j+1:]
		} else {
			rest = nil
		}
		word := sshdFirstWord(line)
		if len(word) == 0 || word[0] == '#' {
			continue
		}
		if !sshdKeyword(word, lower[:0]) {
			msgs = append(msgs, fmt.Sprintf("/etc/ssh/sshd_config: line %d: Bad configuration option: %s", i+1, word))
			bad++
		}
	}
	if bad > 0 {
		msgs = append(msgs, fmt.Sprintf("/etc/ssh/sshd_config: terminating, %d bad configuration options", bad))
		return fmt.Errorf("%s", strings.Join(msgs, "\n"))
	}
	return nil
}
