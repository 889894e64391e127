package cmds

// lsof as in lsof 4.78 (CentOS 5): the open files of the machine's
// processes. A process has its working and root directories, its program
// (txt), the C library mapped (mem), its standard streams (/dev/null for
// a daemon, its terminal otherwise) and the listening sockets of the
// kernel's table (the ones netstat lists); the workers of a daemon share
// their parent's sockets, as forked children do. A user other than root
// sees the files of their own processes only; of the others, what
// /proc lets anyone read.

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/vfs"
)

func init() {
	Register(Command{
		Name:    "lsof",
		Dirs:    []string{"/usr/sbin"},
		Summary: "list open files",
		Usage:   "lsof [-?abhlnPtv] [-c c] [-i [i]] [-p s] [-u s] [--] [names]",
		Main:    lsofMain,
		VSZ:     3576, RSS: 1124,
	})
}

// lsofShortUsage is what lsof prints after an error in its options.
const lsofShortUsage = `lsof 4.78
 latest revision: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/
 latest FAQ: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/FAQ
 latest man page: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/lsof_man
 usage: [-?abhlnNoOPRstUvVX] [+|-c c] [+|-d s] [+D D] [+|-f[cgG]]
 [-F [f]] [-g [s]] [-i [i]] [+|-L [l]] [+m [m]] [+|-M] [-o [o]]
 [-p s] [+|-r [t]] [-S [t]] [-T [t]] [-u s] [+|-w] [-x [fl]] [-Z [Z]] [--] [names]
Use the ` + "``-h''" + ` option to get more help information.
`

const lsofHelp = `lsof 4.78
 latest revision: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/
 latest FAQ: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/FAQ
 latest man page: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/lsof_man
 usage: [-?abhlnNoOPRstUvVX] [+|-c c] [+|-d s] [+D D] [+|-f[cgG]]
 [-F [f]] [-g [s]] [-i [i]] [+|-L [l]] [+m [m]] [+|-M] [-o [o]]
 [-p s] [+|-r [t]] [-S [t]] [-T [t]] [-u s] [+|-w] [-x [fl]] [-Z [Z]] [--] [names]
Defaults in parentheses; comma-separated set (s) items; dash-separated ranges.
  -?|-h list help          -a AND selections (OR)     -b avoid kernel blocks
  -c c  cmd c ^c /c/[bix]  +c w  COMMAND width (9)    +d s  dir s files
  -d s  select by FD set   +D D  dir D tree *SLOW?*   +|-e s  exempt s *RISKY*
  -i select IPv[46] files  -l list UID numbers        -n no host names
  -N select NFS files      -o list file offset        -O avoid overhead *RISKY*
  -P no port names         -R list paRent PID         -s list file size
  -t terse listing         -T disable TCP/TPI info    -U select Unix socket
  -v list version info     -V verbose search          +|-w  Warnings (+)
  -X skip TCP&UDP* files   -Z Z  context [Z]
  -- end option scan
  -i i   select by IPv[46] address: [46][proto][@host|addr][:svc_list|port_list]
  -p s   exclude(^)|select PIDs   -u s   exclude(^)|select login|UID set s
  names  select named files or files on named file systems
Anyone can list all files; /dev warnings disabled; kernel ID check disabled.
`

// lsofFile is one line of the listing.
type lsofFile struct {
	pid                  int
	cmd, user            string
	fd                   string // "cwd", "txt", "3"...
	access               byte   // 'u' read and write, 'r', 'w', ' '
	typ, dev, size, node string
	name                 string
	inet                 *kernel.Listener // the socket, for -i
	path                 string           // the file, for names
}

// lsofInet is one -i selection: [46][proto][@host][:ports].
type lsofInet struct {
	spec    string
	family  byte // '4', '6' or 0
	proto   string
	host    string
	ports   map[int]bool // nil: any
	matched bool
}

func lsofMain(p *Proc) int {
	var (
		and, numHost, numPort, terse, numUID bool
		inets                                []*lsofInet
		pids                                 = map[int]bool{}
		cmds                                 []string
		users                                = map[int]string{} // uid -> as given
		names                                []string
		sel                                  bool
	)
	bad := func(format string, args ...any) int {
		fmt.Fprintf(p.Stderr, "lsof: "+format+"\n", args...)
		fmt.Fprint(p.Stderr, lsofShortUsage)
		return 1
	}
	args := p.Args[1:]
	accts := ReadPasswd(p.Sys)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			names = append(names, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			names = append(names, a)
			continue
		}
		// value takes the rest of the option or the next argument.
		value := func(j int) (string, bool) {
			if j+1 < len(a) {
				return a[j+1:], true
			}
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
	opts:
		for j := 1; j < len(a); j++ {
			switch c := a[j]; c {
			case 'a':
				and = true
			case 'n':
				numHost = true
			case 'P':
				numPort = true
			case 't':
				terse = true
			case 'l':
				numUID = true
			case 'b', 'N', 'O', 'R', 's', 'U', 'V', 'w', 'X':
			case 'h', '?':
				fmt.Fprint(p.Stderr, lsofHelp)
				return 1
			case 'v':
				fmt.Fprint(p.Stderr, "lsof version information:\n    revision: 4.78\n    latest revision: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/\n"+
					"    latest FAQ: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/FAQ\n    latest man page: ftp://lsof.itap.purdue.edu/pub/tools/unix/lsof/lsof_man\n"+
					"    constructed: Sat Jan  6 01:01:05 EST 2007\n    constructed by and on: builder1.centos.org\n"+
					"    compiler: cc\n    compiler version: 4.1.1 20061011 (Red Hat 4.1.1-30)\n    system info: Linux builder1.centos.org 2.6.9-42.0.3.ELsmp #1 SMP Fri Oct 6 06:21:39 CDT 2006 i686 i686 i386 GNU/Linux\n")
				return 0
			case 'i':
				sel = true
				spec := ""
				if j+1 < len(a) {
					spec = a[j+1:]
				} else if i+1 < len(args) && args[i+1] != "" && args[i+1][0] != '-' && args[i+1][0] != '+' {
					// As lsof does, -i takes the next word unless it is an option.
					i++
					spec = args[i]
				}
				in, err := lsofParseInet(p, spec)
				if err != "" {
					return bad("%s in: -i %s", err, spec)
				}
				inets = append(inets, in)
				break opts
			case 'p', 'c', 'u':
				v, ok := value(j)
				if !ok {
					return bad("-%c not followed by a %s", c, map[byte]string{'p': "process ID", 'c': "command", 'u': "login or UID"}[c])
				}
				sel = true
				for _, item := range strings.Split(v, ",") {
					switch c {
					case 'p':
						n, err := strconv.Atoi(item)
						if err != nil || n < 0 {
							return bad("illegal process ID: %s", item)
						}
						pids[n] = false
					case 'c':
						cmds = append(cmds, item)
					case 'u':
						if a, ok := groupsAccount(accts, item); ok {
							users[a.ID] = item
						} else if n, err := strconv.Atoi(item); err == nil {
							users[n] = item
						} else {
							fmt.Fprintf(p.Stderr, "lsof: can't get UID for %s\n", item)
							fmt.Fprint(p.Stderr, lsofShortUsage)
							return 1
						}
					}
				}
				break opts
			default:
				return bad("illegal option character: %c", c)
			}
		}
	}
	// Named files must exist.
	var namePaths []string
	for _, n := range names {
		abs := p.Abs(n)
		if _, err := p.userFS().Stat(abs); err != nil {
			fmt.Fprintf(p.Stderr, "lsof: status error on %s: %s\n", n, Strerror(err))
			fmt.Fprint(p.Stderr, lsofShortUsage)
			return 1
		}
		namePaths = append(namePaths, abs)
		sel = true
	}

	uid, _ := p.Cred()
	files := lsofFiles(p, uid, numHost, numPort, numUID, accts)
	cmdHit := make([]bool, len(cmds))
	userHit := map[int]bool{}
	nameHit := make([]bool, len(namePaths))
	var shown []lsofFile
	for _, f := range files {
		pr, _ := p.Sys.Procs.Get(f.pid)
		var tests []bool // each selection given: does f pass it?
		if len(pids) > 0 {
			_, ok := pids[f.pid]
			if ok {
				pids[f.pid] = true
			}
			tests = append(tests, ok)
		}
		if len(cmds) > 0 {
			ok := false
			for k, c := range cmds {
				if strings.HasPrefix(pr.Comm, c) {
					ok, cmdHit[k] = true, true
				}
			}
			tests = append(tests, ok)
		}
		if len(users) > 0 {
			_, ok := users[pr.UID]
			if ok {
				userHit[pr.UID] = true
			}
			tests = append(tests, ok)
		}
		if len(inets) > 0 {
			ok := false
			for _, in := range inets {
				if f.inet != nil && in.match(f.inet) {
					ok, in.matched = true, true
				}
			}
			tests = append(tests, ok)
		}
		if len(namePaths) > 0 {
			ok := false
			for k, n := range namePaths {
				if f.path != "" && f.path == n {
					ok, nameHit[k] = true, true
				}
			}
			tests = append(tests, ok)
		}
		keep := !sel
		for _, t := range tests {
			keep = keep || t
		}
		if and && sel {
			keep = true
			for _, t := range tests {
				keep = keep && t
			}
		}
		if keep {
			shown = append(shown, f)
		}
	}
	status := 0
	for _, hit := range pids {
		if !hit {
			status = 1
		}
	}
	for k := range cmds {
		if !cmdHit[k] {
			status = 1
		}
	}
	for id := range users {
		if !userHit[id] {
			status = 1
		}
	}
	for _, in := range inets {
		if !in.matched {
			status = 1
		}
	}
	for k := range namePaths {
		if !nameHit[k] {
			status = 1
		}
	}
	if len(shown) == 0 {
		return 1
	}
	if terse {
		var b strings.Builder
		last := -1
		for _, f := range shown {
			if f.pid != last && f.fd != "NOFD" && f.typ != "unknown" {
				fmt.Fprintf(&b, "%d\n", f.pid)
				last = f.pid
			}
		}
		p.Printf("%s", b.String())
		return status
	}
	p.Printf("%s", lsofFormat(shown))
	return status
}

// lsofFormat lays the files out in lsof's columns, sized to fit.
func lsofFormat(files []lsofFile) string {
	cmdW, pidW, userW, fdW, typeW, devW, sizeW, nodeW := 7, 3, 4, 4, 4, 6, 4, 4
	for _, f := range files {
		cmdW = max(cmdW, len(f.cmd))
		pidW = max(pidW, len(strconv.Itoa(f.pid)))
		userW = max(userW, len(f.user))
		fdW = max(fdW, len(f.fd))
		typeW = max(typeW, len(f.typ))
		devW = max(devW, len(f.dev))
		sizeW = max(sizeW, len(f.size))
		nodeW = max(nodeW, len(f.node))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %*s %*s %*s   %*s %*s %*s %*s %s\n", cmdW, "COMMAND", pidW, "PID", userW, "USER",
		fdW, "FD", typeW, "TYPE", devW, "DEVICE", sizeW, "SIZE", nodeW, "NODE", "NAME")
	for _, f := range files {
		fmt.Fprintf(&b, "%-*s %*d %*s %*s%c  %*s %*s %*s %*s %s\n", cmdW, f.cmd, pidW, f.pid, userW, f.user,
			fdW, f.fd, f.access, typeW, f.typ, devW, f.dev, sizeW, f.size, nodeW, f.node, f.name)
	}
	return b.String()
}

// lsofLibs are the shared objects every program maps (size, inode).
var lsofLibs = []struct {
	path        string
	size, inode int
}{
	{"/lib/ld-2.5.so", 125736, 1605640},
	{"/lib/libc-2.5.so", 1611564, 1605641},
}

// lsofFiles lists the open files of every process, in PID order, as the
// user uid may see them.
func lsofFiles(p *Proc, uid int, numHost, numPort, numUID bool, accts Accounts) []lsofFile {
	k := p.Sys
	procs := k.Procs.List()
	byPID := map[int]proc.Process{}
	for _, pr := range procs {
		byPID[pr.PID] = pr
	}
	// Sockets by owner; a daemon's workers (children of the same program)
	// hold their parent's.
	socks := map[int][]kernel.Listener{}
	for _, l := range k.Listeners() {
		socks[l.PID] = append(socks[l.PID], l)
	}
	services := syIptServices(p)
	var out []lsofFile
	for _, pr := range procs {
		user := accts.Name(pr.UID)
		if numUID {
			user = strconv.Itoa(pr.UID)
		}
		cmd := pr.Comm
		if len(cmd) > 9 {
			cmd = cmd[:9]
		}
		base := lsofFile{pid: pr.PID, cmd: cmd, user: user, access: ' '}
		add := func(f lsofFile) { out = append(out, f) }
		if uid != 0 && pr.UID != uid {
			for _, l := range []struct{ fd, link string }{{"cwd", "cwd"}, {"rtd", "root"}, {"txt", "exe"}} {
				f := base
				f.fd, f.typ, f.name = l.fd, "unknown", fmt.Sprintf("/proc/%d/%s (readlink: Permission denied)", pr.PID, l.link)
				add(f)
			}
			f := base
			f.fd, f.name = "NOFD", fmt.Sprintf("/proc/%d/fd (opendir: Permission denied)", pr.PID)
			add(f)
			continue
		}
		cwd := "/"
		if pr.PID == p.PID || pr.PID == p.PPID {
			cwd = p.Dir
		}
		add(lsofPathFile(p, base, "cwd", cwd))
		add(lsofPathFile(p, base, "rtd", "/"))
		if pr.Kernel || pr.Exe == "" {
			f := base
			f.fd, f.typ, f.name = "txt", "unknown", fmt.Sprintf("/proc/%d/exe (readlink: No such file or directory)", pr.PID)
			add(f)
			continue
		}
		add(lsofPathFile(p, base, "txt", pr.Exe))
		for _, lib := range lsofLibs {
			f := base
			f.fd, f.typ, f.dev, f.size, f.node, f.name, f.path = "mem", "REG", "253,0", strconv.Itoa(lib.size), strconv.Itoa(lib.inode), lib.path, lib.path
			add(f)
		}
		stdio := "/dev/null"
		if pr.TTY != "" {
			stdio = "/dev/" + pr.TTY
		}
		for fd := 0; fd < 3; fd++ {
			f := lsofPathFile(p, base, strconv.Itoa(fd), stdio)
			f.access = 'u'
			add(f)
		}
		owner := pr.PID
		if parent, ok := byPID[pr.PPID]; ok && parent.Exe == pr.Exe && len(socks[pr.PID]) == 0 {
			owner = parent.PID
		}
		for n, l := range socks[owner] {
			f := base
			f.fd, f.access, f.typ = strconv.Itoa(3+n), 'u', "IPv4"
			f.dev = strconv.Itoa(5000 + l.Port*7 + len(l.Proto)) // the socket's inode, as netstat -e shows it
			f.node = strings.ToUpper(l.Proto)
			f.name = lsofSockName(p, l, numHost, numPort, services)
			ll := l
			f.inet = &ll
			add(f)
		}
		if pr.Comm == "bash" && pr.TTY != "" {
			f := lsofPathFile(p, base, "255", stdio)
			f.access = 'u'
			add(f)
		}
	}
	return out
}

// lsofPathFile describes the file at abs open as fd.
func lsofPathFile(p *Proc, base lsofFile, fd, abs string) lsofFile {
	f := base
	f.fd, f.name, f.path = fd, abs, abs
	fi, err := p.Sys.FS.Stat(abs)
	if err != nil {
		f.typ, f.name = "unknown", abs+" (deleted)"
		return f
	}
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		f.node = strconv.FormatUint(st.Ino, 10)
	}
	m := diskMountFor(abs)
	f.dev = fmt.Sprintf("%d,%d", m.devno>>8, m.devno&0xff)
	switch mode := fi.Mode(); {
	case mode.IsDir():
		f.typ, f.size = "DIR", strconv.FormatInt(fi.Size(), 10)
	case mode&fs.ModeCharDevice != 0:
		maj, min := lsfamDevNumbers(abs)
		f.typ, f.dev = "CHR", fmt.Sprintf("%d,%d", maj, min)
	case mode&fs.ModeDevice != 0:
		maj, min := lsfamDevNumbers(abs)
		f.typ, f.dev = "BLK", fmt.Sprintf("%d,%d", maj, min)
	default:
		f.typ, f.size = "REG", strconv.FormatInt(fi.Size(), 10)
	}
	return f
}

// lsofSockName is a listening socket's NAME: host and port, by name unless
// -n and -P, and TCP's state.
func lsofSockName(p *Proc, l kernel.Listener, numHost, numPort bool, services map[string]map[int]string) string {
	host := "*"
	if addr := ntListenAddr(l); addr != "" {
		host = addr
		if !numHost {
			if name, ok := ntHostName(p, addr); ok {
				host = name
			}
		}
	}
	port := strconv.Itoa(l.Port)
	if !numPort {
		if name, ok := services[l.Proto][l.Port]; ok {
			port = name
		}
	}
	name := host + ":" + port
	if l.Proto == "tcp" {
		name += " (LISTEN)"
	}
	return name
}

// lsofParseInet reads [46][protocol][@hostname|hostaddr][:service|port,...];
// a problem comes back as lsof's words for it.
func lsofParseInet(p *Proc, spec string) (*lsofInet, string) {
	in := &lsofInet{spec: spec}
	s := spec
	if s != "" && (s[0] == '4' || s[0] == '6') {
		in.family, s = s[0], s[1:]
	}
	rest := s
	if i := strings.IndexAny(s, "@:"); i >= 0 {
		rest, s = s[:i], s[i:]
	} else {
		s = ""
	}
	if rest != "" {
		switch strings.ToUpper(rest) {
		case "TCP":
			in.proto = "tcp"
		case "UDP":
			in.proto = "udp"
		default:
			return nil, fmt.Sprintf("unknown protocol name (%s)", rest)
		}
	}
	if strings.HasPrefix(s, "@") {
		host := s[1:]
		if i := strings.IndexByte(host, ':'); i >= 0 {
			host, s = host[:i], host[i:]
		} else {
			s = ""
		}
		in.host = host
	}
	if strings.HasPrefix(s, ":") {
		services := syIptServices(p)
		in.ports = map[int]bool{}
		for _, item := range strings.Split(s[1:], ",") {
			if lo, hi, ok := strings.Cut(item, "-"); ok {
				a, err1 := strconv.Atoi(lo)
				b, err2 := strconv.Atoi(hi)
				if err1 != nil || err2 != nil || a > b {
					return nil, fmt.Sprintf("invalid port range: %s", item)
				}
				for n := a; n <= b && n < 65536; n++ {
					in.ports[n] = true
				}
				continue
			}
			if n, err := strconv.Atoi(item); err == nil {
				in.ports[n] = true
				continue
			}
			found := false
			for proto, byPort := range services {
				if in.proto != "" && proto != in.proto {
					continue
				}
				for port, name := range byPort {
					if name == item {
						in.ports[port], found = true, true
					}
				}
			}
			if !found {
				return nil, fmt.Sprintf("unknown service %s", item)
			}
		}
	}
	return in, ""
}

// match reports whether the socket l answers the selection.
func (in *lsofInet) match(l *kernel.Listener) bool {
	if in.family == '6' {
		return false // every socket of the machine is IPv4
	}
	if in.proto != "" && in.proto != l.Proto {
		return false
	}
	if in.ports != nil && !in.ports[l.Port] {
		return false
	}
	if in.host != "" {
		addr := ntListenAddr(*l)
		switch {
		case addr == "":
			// A socket bound to every address answers any of them.
		case in.host == addr:
		case in.host == "localhost" || in.host == "localhost.localdomain":
			return addr == "127.0.0.1"
		default:
			return false
		}
	}
	return true
}
