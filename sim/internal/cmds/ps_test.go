package cmds

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

const psPasswd = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
apache:x:48:48:Apache:/var/www:/sbin/nologin
haldaemon:x:68:68:HAL daemon:/:/sbin/nologin
dbus:x:81:81:System message bus:/:/sbin/nologin
student:x:500:500::/home/student:/bin/bash
`

const psGroup = `root:x:0:root
bin:x:1:root,bin,daemon
apache:x:48:
haldaemon:x:68:
dbus:x:81:
student:x:500:
`

// psMachine builds a kernel with a CentOS 5 runlevel-5 process table
// (2.6.18 kernel threads, syslog, hald as haldaemon, httpd with 8 apache
// children, gettys, a root login on tty1 as pid 31) booted at
// kernel.Epoch (09:00:00) with the clock at 09:10:02. The next pid is 32.
func psMachine(t testing.TB) *kernel.Kernel {
	t.Helper()
	k := testKernel(t, map[string]string{"/etc/passwd": psPasswd, "/etc/group": psGroup})
	tb := k.Procs
	boot := kernel.Epoch
	at := func(s int) time.Time { return boot.Add(time.Duration(s) * time.Second) }
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tb.SpawnPID(1, proc.Process{Comm: "init", Args: []string{"init [5]"}, Exe: "/sbin/init",
		SessionLeader: true, Start: boot, VSZ: 2072, RSS: 620, CPU: 520 * time.Millisecond}))
	spawn := func(p proc.Process) int {
		pid, err := tb.Spawn(p)
		must(err)
		return pid
	}
	kt := func(name string, ppid, nice int) int {
		return spawn(proc.Process{PPID: ppid, Comm: name, Kernel: true, Nice: nice, Start: boot})
	}
	kt("migration/0", 1, 0)
	kt("ksoftirqd/0", 1, 19)
	kt("watchdog/0", 1, 0)
	kt("events/0", 1, -5)
	kt("khelper", 1, -5)
	kth := kt("kthread", 1, -5)
	kt("kblockd/0", kth, -5)
	kt("kacpid", kth, -5)
	kt("khubd", kth, -5)
	daemon := func(uid, vsz, rss int, args ...string) int {
		comm := args[0][strings.LastIndex(args[0], "/")+1:]
		return spawn(proc.Process{PPID: 1, UID: uid, GID: uid, Comm: comm, Args: args,
			Exe: args[0], SessionLeader: true, Start: at(20), VSZ: vsz, RSS: rss})
	}
	daemon(0, 1820, 580, "syslogd", "-m", "0")
	daemon(0, 1820, 580, "klogd", "-x")
	daemon(68, 5104, 3732, "hald")
	daemon(0, 1820, 580, "/usr/sbin/sshd")
	daemon(0, 1820, 580, "crond")
	httpd := daemon(0, 22756, 9344, "/usr/sbin/httpd")
	for range 8 {
		spawn(proc.Process{PPID: httpd, UID: 48, GID: 48, Comm: "httpd", Args: []string{"/usr/sbin/httpd"},
			Exe: "/usr/sbin/httpd", Start: at(25), VSZ: 22888, RSS: 5252})
	}
	login := spawn(proc.Process{PPID: 1, Comm: "login", Args: []string{"login", "--", "root"}, Exe: "/bin/login",
		TTY: "tty1", SessionLeader: true, Start: at(40), VSZ: 2636, RSS: 1204})
	for i := 2; i <= 6; i++ {
		tty := "tty" + string(rune('0'+i))
		spawn(proc.Process{PPID: 1, Comm: "mingetty", Args: []string{"/sbin/mingetty", tty}, Exe: "/sbin/mingetty",
			TTY: tty, SessionLeader: true, Foreground: true, Start: at(40), VSZ: 1604, RSS: 444})
	}
	spawn(proc.Process{PPID: login, Comm: "bash", Args: []string{"-bash"}, Exe: "/bin/bash", TTY: "tty1",
		Start: at(300), VSZ: 4624, RSS: 1480, CPU: 30 * time.Millisecond})
	k.Clock.Advance(10*time.Minute + 2*time.Second)
	return k
}

// psExec runs a program of the table as the shell would, with extra
// environment variables and stdout on a terminal or not.
func psExec(t testing.TB, k *kernel.Kernel, line string, tty bool, env ...string) (string, string, int) {
	t.Helper()
	return psExecProc(t, k, line, func(p *Proc) {
		p.Tty, p.StdinTty = tty, tty
		p.Environ = append(p.Environ, env...)
	})
}

func psExecProc(t testing.TB, k *kernel.Kernel, line string, setup func(*Proc)) (string, string, int) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	var out, errb bytes.Buffer
	p := &Proc{Ctx: context.Background(), Args: argv, Dir: "/root", Stdin: strings.NewReader(""),
		Stdout: &out, Stderr: &errb, Sys: k, Umask: 0o022,
		Environ: []string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "HOME=/root", "USER=root", "LANG=en_US.UTF-8", "TERM=linux"}}
	if setup != nil {
		setup(p)
	}
	st := c.Main(p)
	return out.String(), errb.String(), st
}

type psCase struct {
	in      string
	want    string
	wantErr string
	status  int
}

func psRunCases(t *testing.T, cases []psCase, env ...string) {
	t.Helper()
	for _, c := range cases {
		k := psMachine(t)
		out, errOut, st := psExec(t, k, c.in, false, env...)
		if out != c.want {
			t.Errorf("%s = %q; want %q", c.in, out, c.want)
		}
		if errOut != c.wantErr {
			t.Errorf("%s stderr = %q; want %q", c.in, errOut, c.wantErr)
		}
		if st != c.status {
			t.Errorf("%s status = %d; want %d", c.in, st, c.status)
		}
	}
}

// psAuxWant is ps aux on psMachine, in a pipe: the layout of procps 3.2.7
// (sysv-behaviour.md §11.1), kernel threads with no memory and [name],
// hald's user haldaemon (9 characters) shown as its uid, the ps itself R+.
const psAuxWant = `USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root         1  0.0  0.1   2072   620 ?        Ss   09:00   0:00 init [5]
root         2  0.0  0.0      0     0 ?        S    09:00   0:00 [migration/0]
root         3  0.0  0.0      0     0 ?        SN   09:00   0:00 [ksoftirqd/0]
root         4  0.0  0.0      0     0 ?        S    09:00   0:00 [watchdog/0]
root         5  0.0  0.0      0     0 ?        S<   09:00   0:00 [events/0]
root         6  0.0  0.0      0     0 ?        S<   09:00   0:00 [khelper]
root         7  0.0  0.0      0     0 ?        S<   09:00   0:00 [kthread]
root         8  0.0  0.0      0     0 ?        S<   09:00   0:00 [kblockd/0]
root         9  0.0  0.0      0     0 ?        S<   09:00   0:00 [kacpid]
root        10  0.0  0.0      0     0 ?        S<   09:00   0:00 [khubd]
root        11  0.0  0.1   1820   580 ?        Ss   09:00   0:00 syslogd -m 0
root        12  0.0  0.1   1820   580 ?        Ss   09:00   0:00 klogd -x
68          13  0.0  0.7   5104  3732 ?        Ss   09:00   0:00 hald
root        14  0.0  0.1   1820   580 ?        Ss   09:00   0:00 /usr/sbin/sshd
root        15  0.0  0.1   1820   580 ?        Ss   09:00   0:00 crond
root        16  0.0  1.8  22756  9344 ?        Ss   09:00   0:00 /usr/sbin/httpd
apache      17  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      18  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      19  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      20  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      21  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      22  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      23  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
apache      24  0.0  1.0  22888  5252 ?        S    09:00   0:00 /usr/sbin/httpd
root        25  0.0  0.2   2636  1204 tty1     Ss   09:00   0:00 login -- root
root        26  0.0  0.0   1604   444 tty2     Ss+  09:00   0:00 /sbin/mingetty tty2
root        27  0.0  0.0   1604   444 tty3     Ss+  09:00   0:00 /sbin/mingetty tty3
root        28  0.0  0.0   1604   444 tty4     Ss+  09:00   0:00 /sbin/mingetty tty4
root        29  0.0  0.0   1604   444 tty5     Ss+  09:00   0:00 /sbin/mingetty tty5
root        30  0.0  0.0   1604   444 tty6     Ss+  09:00   0:00 /sbin/mingetty tty6
root        31  0.0  0.2   4624  1480 tty1     S    09:05   0:00 -bash
root        32  0.0  0.1   4556   948 tty1     R+   09:10   0:00 ps aux
`

func TestPsAux(t *testing.T) {
	t.Parallel()
	psRunCases(t, []psCase{
		{"ps aux", psAuxWant, "", 0},
		// ps -aux fails as SysV (no user "x"), then parses as BSD with a warning.
		{"ps -aux", strings.Replace(psAuxWant, "ps aux", "ps -aux", 1),
			"Warning: bad ps syntax, perhaps a bogus '-'? See http://procps.sf.net/faq.html\n", 0},
	}, "RCLAB_SHELL_PID=31")
	// The ps entry is gone afterwards.
	k := psMachine(t)
	psExec(t, k, "ps aux", false)
	if k.Procs.Alive(32) || k.Procs.Len() != 31 {
		t.Errorf("ps aux left its own entry in the table (%d processes)", k.Procs.Len())
	}
}

const psEfWant = `UID        PID  PPID  C STIME TTY          TIME CMD
root         1     0  0 09:00 ?        00:00:00 init [5]
root         2     1  0 09:00 ?        00:00:00 [migration/0]
root         3     1  0 09:00 ?        00:00:00 [ksoftirqd/0]
root         4     1  0 09:00 ?        00:00:00 [watchdog/0]
root         5     1  0 09:00 ?        00:00:00 [events/0]
root         6     1  0 09:00 ?        00:00:00 [khelper]
root         7     1  0 09:00 ?        00:00:00 [kthread]
root         8     7  0 09:00 ?        00:00:00 [kblockd/0]
root         9     7  0 09:00 ?        00:00:00 [kacpid]
root        10     7  0 09:00 ?        00:00:00 [khubd]
root        11     1  0 09:00 ?        00:00:00 syslogd -m 0
root        12     1  0 09:00 ?        00:00:00 klogd -x
68          13     1  0 09:00 ?        00:00:00 hald
root        14     1  0 09:00 ?        00:00:00 /usr/sbin/sshd
root        15     1  0 09:00 ?        00:00:00 crond
root        16     1  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      17    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      18    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      19    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      20    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      21    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      22    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      23    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
apache      24    16  0 09:00 ?        00:00:00 /usr/sbin/httpd
root        25     1  0 09:00 tty1     00:00:00 login -- root
root        26     1  0 09:00 tty2     00:00:00 /sbin/mingetty tty2
root        27     1  0 09:00 tty3     00:00:00 /sbin/mingetty tty3
root        28     1  0 09:00 tty4     00:00:00 /sbin/mingetty tty4
root        29     1  0 09:00 tty5     00:00:00 /sbin/mingetty tty5
root        30     1  0 09:00 tty6     00:00:00 /sbin/mingetty tty6
root        31    25  0 09:05 tty1     00:00:00 -bash
root        32    31  0 09:10 tty1     00:00:00 ps -ef
`

func TestPsSysV(t *testing.T) {
	t.Parallel()
	psRunCases(t, []psCase{
		{"ps -ef", psEfWant, "", 0},
		{"ps", "  PID TTY          TIME CMD\n   25 tty1     00:00:00 login\n   31 tty1     00:00:00 bash\n   32 tty1     00:00:00 ps\n", "", 0},
		{"ps -f", "UID        PID  PPID  C STIME TTY          TIME CMD\n" +
			"root        25     1  0 09:00 tty1     00:00:00 login -- root\n" +
			"root        31    25  0 09:05 tty1     00:00:00 -bash\n" +
			"root        32    31  0 09:10 tty1     00:00:00 ps -f\n", "", 0},
		{"ps -l", "F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD\n" +
			"4 S     0    25     1  0  75   0 -   659 -      tty1     00:00:00 login\n" +
			"4 S     0    31    25  0  75   0 -  1156 wait   tty1     00:00:00 bash\n" +
			"4 R     0    32    31  0  75   0 -  1139 -      tty1     00:00:00 ps\n", "", 0},
		{"ps -j", "  PID  PGID   SID TTY          TIME CMD\n   25    25    25 tty1     00:00:00 login\n" +
			"   31    31    25 tty1     00:00:00 bash\n   32    32    25 tty1     00:00:00 ps\n", "", 0},
		{"ps -C httpd", "  PID TTY          TIME CMD\n   16 ?        00:00:00 httpd\n   17 ?        00:00:00 httpd\n" +
			"   18 ?        00:00:00 httpd\n   19 ?        00:00:00 httpd\n   20 ?        00:00:00 httpd\n" +
			"   21 ?        00:00:00 httpd\n   22 ?        00:00:00 httpd\n   23 ?        00:00:00 httpd\n" +
			"   24 ?        00:00:00 httpd\n", "", 0},
		{"ps -C nosuch", "  PID TTY          TIME CMD\n", "", 1},
		{"ps -p 1,13", "  PID TTY          TIME CMD\n    1 ?        00:00:00 init\n   13 ?        00:00:00 hald\n", "", 0},
		{"ps -p 99999", "  PID TTY          TIME CMD\n", "", 1},
		{"ps -u apache -o pid=", "   17\n   18\n   19\n   20\n   21\n   22\n   23\n   24\n", "", 0},
		{"ps -U haldaemon -o user,pid", "USER       PID\n68          13\n", "", 0},
		// a user name that fits (the last column has room) is shown
		{"ps -p 13 -o pid,user", "  PID USER\n   13 haldaemon\n", "", 0},
		{"ps -t tty2 -o pid,tty,stat,args", "  PID TT       STAT COMMAND\n   26 tty2     Ss+  /sbin/mingetty tty2\n", "", 0},
		{"ps --ppid 7 -o pid,ppid,comm", "  PID  PPID COMMAND\n    8     7 kblockd/0\n    9     7 kacpid\n   10     7 khubd\n", "", 0},
		{"ps --ppid 7 -o comm=", "kblockd/0\nkacpid\nkhubd\n", "", 0},
		{"ps -N -e", "  PID TTY          TIME CMD\n", "", 1},
	}, "RCLAB_SHELL_PID=31")
}

func TestPsFormat(t *testing.T) {
	t.Parallel()
	psRunCases(t, []psCase{
		{"ps -o pid=", "   25\n   31\n   32\n", "", 0},
		{"ps -o pid,comm --no-headers", "   25 login\n   31 bash\n   32 ps\n", "", 0},
		{"ps -o pid= -o comm=", "   25 login\n   31 bash\n   32 ps\n", "", 0},
		// Unix98: in a pure SysV command line, "=" takes the rest of the list
		{"ps -o pid=PROCESS,comm", "PROCESS,comm\n          25\n          31\n          32\n", "", 0},
		// ... but not once a non-standard option is present
		{"ps p 1 -o pid=PROCESS,comm", "PROCESS COMMAND\n      1 init\n", "", 0},
		{"ps -o pid,user:12,args", "  PID USER         COMMAND\n   25 root         login -- root\n" +
			"   31 root         -bash\n   32 root         ps -o pid,user:12,args\n", "", 0},
		{"ps -p 1 -o pid,ppid,user,uid,tty,stat,start,time,etime,ni,rss,vsz,pcpu,pmem,cmd",
			"  PID  PPID USER       UID TT       STAT  STARTED     TIME     ELAPSED  NI   RSS    VSZ %CPU %MEM CMD\n" +
				"    1     0 root         0 ?        Ss   09:00:00 00:00:00       10:02   0   620   2072  0.0  0.1 init [5]\n", "", 0},
		{"ps -p 3 -o pid,ni,pri,opri,cls,rtprio,comm,args", "  PID  NI PRI PRI CLS RTPRIO COMMAND         COMMAND\n" +
			"    3  19   5  94  TS      - ksoftirqd/0     [ksoftirqd/0]\n", "", 0},
		{"ps -p 2 -o pid,ni,pri,class,rtprio,s", "  PID  NI PRI CLS RTPRIO S\n    2   - 139 FF      99 S\n", "", 0},
		{"ps -e -o pid,rss --sort=-rss,pid", "  PID   RSS\n   16  9344\n   17  5252\n   18  5252\n   19  5252\n" +
			"   20  5252\n   21  5252\n   22  5252\n   23  5252\n   24  5252\n   13  3732\n   31  1480\n" +
			"   25  1204\n   32   948\n    1   620\n   11   580\n   12   580\n   14   580\n   15   580\n" +
			"   26   444\n   27   444\n   28   444\n   29   444\n   30   444\n    2     0\n    3     0\n" +
			"    4     0\n    5     0\n    6     0\n    7     0\n    8     0\n    9     0\n   10     0\n", "", 0},
		{"ps -U root -o comm= --sort=comm -N", "hald\nhttpd\nhttpd\nhttpd\nhttpd\nhttpd\nhttpd\nhttpd\nhttpd\n", "", 0},
		// sorted by user name, descending: root, haldaemon (shown as 68), apache
		{"ps axo user,comm k -user", "USER     COMMAND\n" +
			"root     init\nroot     migration/0\nroot     ksoftirqd/0\nroot     watchdog/0\nroot     events/0\nroot     khelper\n" +
			"root     kthread\nroot     kblockd/0\nroot     kacpid\nroot     khubd\nroot     syslogd\nroot     klogd\n" +
			"root     sshd\nroot     crond\nroot     httpd\nroot     login\nroot     mingetty\nroot     mingetty\n" +
			"root     mingetty\nroot     mingetty\nroot     mingetty\nroot     bash\nroot     ps\n" +
			"68       hald\n" + strings.Repeat("apache   httpd\n", 8), "", 0},
		{"ps -O ppid -p 31", "  PID  PPID S TTY          TIME COMMAND\n   31    25 S tty1     00:00:00 -bash\n", "", 0},
		{"ps -o %p%%%c -p 1", "  PID%COMMAND\n    1%init\n", "", 0},
	}, "RCLAB_SHELL_PID=31")
}

func TestPsErrors(t *testing.T) {
	t.Parallel()
	help := psHelpText
	psRunCases(t, []psCase{
		{"ps -z", "", "ERROR: Unsupported SysV option.\n" + help, 1},
		{"ps -o foo", "", "ERROR: Unknown user-defined format specifier \"foo\".\n" + help, 1},
		{"ps --sort=foo", "", "ERROR: Unknown sort specifier.\n" + help, 1},
		{"ps -p abc", "", "ERROR: Process ID list syntax error.\n" + help, 1},
		{"ps -p", "", "ERROR: List of process IDs must follow -p.\n" + help, 1},
		{"ps -u nobody", "", "ERROR: User name does not exist.\n" + help, 1},
		{"ps --bogus", "", "ERROR: Unknown gnu long option.\n" + help, 1},
		{"ps -l -o pid", "", "ERROR: Conflicting format options.\n" + help, 1},
		{"ps --sort=pid --sort=ppid", "", "ERROR: Multiple sort options.\n" + help, 1},
		{"ps --help", help, "", 0},
		{"ps --version", "procps version 3.2.7\n", "", 0},
		// SysV parsing fails (-f with u), BSD parsing takes -f as f (forest)
		{"ps -f u 25 31", "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n" +
			"root        25  0.0  0.2   2636  1204 tty1     Ss   09:00   0:00 login -- root\n" +
			"root        31  0.0  0.2   4624  1480 tty1     S    09:05   0:00  \\_ -bash\n",
			"Warning: bad ps syntax, perhaps a bogus '-'? See http://procps.sf.net/faq.html\n", 0},
		{"ps -V", "procps version 3.2.7\n", "", 0},
		{"ps -V -e", "", "ERROR: The -V option is exclusive.\n" + help, 1},
	})
}

func TestPsBSD(t *testing.T) {
	t.Parallel()
	psRunCases(t, []psCase{
		{"ps x", "  PID TTY      STAT   TIME COMMAND\n" + psColumn(psAuxWant, "ps x"), "", 0},
		{"ps 1 13", "  PID TTY      STAT   TIME COMMAND\n    1 ?        Ss     0:00 init [5]\n   13 ?        Ss     0:00 hald\n", "", 0},
		{"ps r", "  PID TTY      STAT   TIME COMMAND\n   32 tty1     R+     0:00 ps r\n", "", 0},
		{"ps c 31", "  PID TTY      STAT   TIME COMMAND\n   31 tty1     S      0:00 bash\n", "", 0},
		{"ps uh 31", "root        31  0.0  0.2   4624  1480 tty1     S    09:05   0:00 -bash\n", "", 0},
		{"ps j 31", " PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND\n" +
			"   25    31    31    25 tty1        32 S        0   0:00 -bash\n", "", 0},
		{"ps -C kthread,khubd f -o pid,args", "  PID COMMAND\n    7 [kthread]\n   10  \\_ [khubd]\n", "", 0},
	}, "RCLAB_SHELL_PID=31")
}

// psColumn rebuilds "PID TTY STAT TIME COMMAND" lines from psAuxWant for
// the pids of a user-independent "x" selection (every root process).
func psColumn(aux, self string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(aux, "\n"), "\n")[1:] {
		f := strings.Fields(line)
		if f[0] != "root" {
			continue
		}
		cmd := strings.Join(f[10:], " ")
		if f[1] == "32" {
			cmd = self
		}
		b.WriteString(psPadLeft(f[1], 5) + " " + psPad(f[6], 8) + " " + psPad(f[7], 4) + " " + psPadLeft(f[9], 6) + " " + cmd + "\n")
	}
	return b.String()
}

func psPadLeft(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat(" ", n-len(s)) + s
}

func TestPsForest(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	out, _, st := psExec(t, k, "ps axf", false, "RCLAB_SHELL_PID=31")
	want := `  PID TTY      STAT   TIME COMMAND
    1 ?        Ss     0:00 init [5]
    2 ?        S      0:00 [migration/0]
    3 ?        SN     0:00 [ksoftirqd/0]
    4 ?        S      0:00 [watchdog/0]
    5 ?        S<     0:00 [events/0]
    6 ?        S<     0:00 [khelper]
    7 ?        S<     0:00 [kthread]
    8 ?        S<     0:00  \_ [kblockd/0]
    9 ?        S<     0:00  \_ [kacpid]
   10 ?        S<     0:00  \_ [khubd]
   11 ?        Ss     0:00 syslogd -m 0
   12 ?        Ss     0:00 klogd -x
   13 ?        Ss     0:00 hald
   14 ?        Ss     0:00 /usr/sbin/sshd
   15 ?        Ss     0:00 crond
   16 ?        Ss     0:00 /usr/sbin/httpd
   17 ?        S      0:00  \_ /usr/sbin/httpd
   18 ?        S      0:00  \_ /usr/sbin/httpd
   19 ?        S      0:00  \_ /usr/sbin/httpd
   20 ?        S      0:00  \_ /usr/sbin/httpd
   21 ?        S      0:00  \_ /usr/sbin/httpd
   22 ?        S      0:00  \_ /usr/sbin/httpd
   23 ?        S      0:00  \_ /usr/sbin/httpd
   24 ?        S      0:00  \_ /usr/sbin/httpd
   25 tty1     Ss     0:00 login -- root
   31 tty1     S      0:00  \_ -bash
   32 tty1     R+     0:00      \_ ps axf
   26 tty2     Ss+    0:00 /sbin/mingetty tty2
   27 tty3     Ss+    0:00 /sbin/mingetty tty3
   28 tty4     Ss+    0:00 /sbin/mingetty tty4
   29 tty5     Ss+    0:00 /sbin/mingetty tty5
   30 tty6     Ss+    0:00 /sbin/mingetty tty6
`
	if out != want || st != 0 {
		t.Errorf("ps axf = %q (%d); want %q", out, st, want)
	}
	out, _, _ = psExec(t, k, "ps -ejH", false, "RCLAB_SHELL_PID=31")
	if !strings.Contains(out, "\n   31    31    25 tty1     00:00:00     bash\n") {
		t.Errorf("ps -ejH = %q; want bash indented twice under init and login", out)
	}
}

func TestPsTerminalWidth(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	k.Procs.Update(16, func(p *proc.Process) {
		p.Args = []string{"/usr/sbin/httpd", "-f", "/etc/httpd/conf/httpd.conf", "-DSSL", "-DFOREGROUND", "-k", "start"}
	})
	line := func(out, prefix string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		return ""
	}
	const full = "root        16  0.0  1.8  22756  9344 ?        Ss   09:00   0:00 /usr/sbin/httpd -f /etc/httpd/conf/httpd.conf -DSSL -DFOREGROUND -k start"
	for _, c := range []struct {
		tty  bool
		env  []string
		args string
		want string
	}{
		{false, nil, "ps aux", full},
		{true, nil, "ps aux", full[:80]},
		{true, []string{"COLUMNS=100"}, "ps aux", full[:100]},
		{false, []string{"COLUMNS=70"}, "ps aux", full[:70]},
		{true, nil, "ps auxw", full[:132]},
		{true, nil, "ps auxww", full},
		{true, nil, "ps aux --cols 90", full[:90]},
	} {
		out, _, _ := psExec(t, k, c.args, c.tty, c.env...)
		if got := line(out, "root        16 "); got != c.want {
			t.Errorf("%s (tty %v, %v) = %q; want %q", c.args, c.tty, c.env, got, c.want)
		}
	}
}

func TestPsStartTimes(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	k.Clock.Advance(24 * time.Hour)
	out, _, _ := psExec(t, k, "ps -p 1 -o start_time,stime,start,bsdstart,etime,lstart", false)
	want := "START STIME  STARTED  START     ELAPSED                  STARTED\n" +
		"Oct06 Oct06   Oct 06 Oct  6  1-00:10:02 Mon Oct  6 09:00:00 2014\n"
	if out != want {
		t.Errorf("ps start times a day later = %q; want %q", out, want)
	}
	k.Clock.Advance(100 * 24 * time.Hour)
	k.Procs.Update(1, func(p *proc.Process) { p.CPU = 3*time.Hour + 25*time.Minute + 7*time.Second })
	out, _, _ = psExec(t, k, "ps -p 1 -o start_time,time,bsdtime,c,%cpu", false)
	want = "START     TIME   TIME  C %CPU\n 2014 03:25:07 205:07  0  0.1\n"
	if out != want {
		t.Errorf("ps start times next year = %q; want %q", out, want)
	}
}

// Inside the machine the shell has entered ps in the table already: ps
// takes its pid, parent and terminal from the Proc and adds no entry.
func TestPsInMachine(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	pid, _ := k.Procs.Spawn(proc.Process{PPID: 31, TTY: "tty1", State: 'R', Foreground: true, Comm: "ps",
		Args: []string{"ps", "-f"}, Start: k.Clock.Now(), VSZ: 4556, RSS: 948})
	out, _, st := psExecProc(t, k, "ps -f", func(p *Proc) { p.PID, p.PPID, p.TTY = pid, 31, "tty1" })
	want := "UID        PID  PPID  C STIME TTY          TIME CMD\n" +
		"root        25     1  0 09:00 tty1     00:00:00 login -- root\n" +
		"root        31    25  0 09:05 tty1     00:00:00 -bash\n" +
		"root        32    31  0 09:10 tty1     00:00:00 ps -f\n"
	if out != want || st != 0 {
		t.Errorf("ps -f in the machine = %q (%d); want %q", out, st, want)
	}
	if !k.Procs.Alive(pid) || k.Procs.Len() != 32 {
		t.Errorf("ps removed or added entries: alive %v, %d processes", k.Procs.Alive(pid), k.Procs.Len())
	}
	// A daemon's script has no terminal: plain ps lists root's processes
	// without one (itself among them), nothing of tty1.
	out, _, st = psExecProc(t, k, "ps", func(p *Proc) { p.PPID = 1 })
	if !strings.HasPrefix(out, "  PID TTY          TIME CMD\n    1 ?        00:00:00 init\n") ||
		!strings.HasSuffix(out, "   16 ?        00:00:00 httpd\n   33 ?        00:00:00 ps\n") ||
		strings.Contains(out, "tty1") || strings.Contains(out, "hald") || st != 0 {
		t.Errorf("ps without a terminal = %q (%d)", out, st)
	}
}

// A full table (a fork bomb) does not stop ps: it lists without itself.
func TestPsForkBomb(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	n := 0
	for {
		if _, err := k.Procs.Spawn(proc.Process{PPID: 31, TTY: "tty1", Comm: "bomb", Args: []string{"./bomb"}}); err != nil {
			break
		}
		n++
	}
	if k.Procs.Len() != k.Procs.Limit() || n != 1024-31 {
		t.Fatalf("table holds %d after %d spawns; want the limit %d", k.Procs.Len(), n, k.Procs.Limit())
	}
	out, _, st := psExec(t, k, "ps -C bomb -o pid=", false)
	if st != 0 || strings.Count(out, "\n") != n {
		t.Errorf("ps -C bomb listed %d lines (%d); want %d", strings.Count(out, "\n"), st, n)
	}
	out, _, _ = psExec(t, k, "ps -C ps", false)
	if out != "  PID TTY          TIME CMD\n" {
		t.Errorf("ps found room for itself in a full table: %q", out)
	}
	psExec(t, k, "pkill -9 bomb", false)
	if k.Procs.Len() != 31 {
		t.Errorf("after pkill -9 bomb the table holds %d; want 31", k.Procs.Len())
	}
}

func TestPsStates(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	k.Procs.Update(11, func(p *proc.Process) { p.State, p.Threads, p.Nice = 'Z', false, 5 })
	k.Procs.Update(12, func(p *proc.Process) { p.State, p.Foreground, p.TTY = 'T', true, "tty1" })
	k.Procs.Update(13, func(p *proc.Process) { p.Threads, p.Nice = true, -10 })
	k.Procs.Update(14, func(p *proc.Process) { p.State, p.CPU = 'R', 301*time.Second })
	out, _, _ := psExec(t, k, "ps -p 11,12,13,14 -o pid,stat,c,%cpu,time,comm,args", false)
	want := "  PID STAT  C %CPU     TIME COMMAND         COMMAND\n" +
		// the name is cut to leave room for " <defunct>" in a 15-column field
		"   11 ZNs   0  0.0 00:00:00 syslo <defunct> [syslogd] <defunct>\n" +
		"   12 Ts+   0  0.0 00:00:00 klogd           klogd -x\n" +
		"   13 S<sl  0  0.0 00:00:00 hald            hald\n" +
		"   14 Rs   51 51.7 00:05:01 sshd            /usr/sbin/sshd\n"
	if out != want {
		t.Errorf("ps states = %q; want %q", out, want)
	}
}

func TestPsListFormats(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	out, _, st := psExec(t, k, "ps L", false)
	if st != 0 || !strings.HasPrefix(out, "%cpu         %CPU    \n%mem         %MEM    \nalarm        ALARM   \nargs         COMMAND \n") {
		t.Errorf("ps L = %.120q (%d)", out, st)
	}
}

func BenchmarkPsAux(b *testing.B) {
	k := psMachine(b)
	for k.Procs.Len() < 120 {
		k.Procs.Spawn(proc.Process{PPID: 1, Comm: "worker", Args: []string{"/usr/sbin/worker", "-d"},
			Start: kernel.Epoch, VSZ: 3000, RSS: 900})
	}
	for b.Loop() {
		runCmd(b, k, "ps aux", "")
	}
}
