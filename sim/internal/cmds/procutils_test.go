package cmds

import (
	"slices"
	"strings"
	"testing"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// psProcCase runs in on a fresh psMachine and checks its output, status
// and, when check is set, the table afterwards.
type psProcCase struct {
	in      string
	want    string
	wantErr string
	status  int
	check   func(t *testing.T, k *kernel.Kernel)
}

func psProcCases(t *testing.T, setup func(k *kernel.Kernel), cases []psProcCase, env ...string) {
	t.Helper()
	for _, c := range cases {
		k := psMachine(t)
		if setup != nil {
			setup(k)
		}
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
		if c.check != nil {
			c.check(t, k)
		}
	}
}

func psAlive(pids ...int) func(*testing.T, *kernel.Kernel) {
	return func(t *testing.T, k *kernel.Kernel) {
		t.Helper()
		for _, pid := range pids {
			if !k.Procs.Alive(pid) {
				t.Errorf("pid %d died", pid)
			}
		}
	}
}

func psDead(pids ...int) func(*testing.T, *kernel.Kernel) {
	return func(t *testing.T, k *kernel.Kernel) {
		t.Helper()
		for _, pid := range pids {
			if k.Procs.Alive(pid) {
				t.Errorf("pid %d still alive", pid)
			}
		}
	}
}

func psState(pid int, state byte) func(*testing.T, *kernel.Kernel) {
	return func(t *testing.T, k *kernel.Kernel) {
		t.Helper()
		if p, _ := k.Procs.Get(pid); p.State != state {
			t.Errorf("pid %d state %c; want %c", pid, p.State, state)
		}
	}
}

func psBoth(fs ...func(*testing.T, *kernel.Kernel)) func(*testing.T, *kernel.Kernel) {
	return func(t *testing.T, k *kernel.Kernel) {
		for _, f := range fs {
			f(t, k)
		}
	}
}

var psHttpdChildren = []int{17, 18, 19, 20, 21, 22, 23, 24}

// psHUPHandler makes httpd (16) catch HUP, as it reloads its configuration.
func psHUPHandler(got *[]proc.Signal) func(k *kernel.Kernel) {
	return func(k *kernel.Kernel) {
		k.Procs.Update(16, func(p *proc.Process) {
			p.OnSignal = func(s proc.Signal) bool {
				*got = append(*got, s)
				return s == proc.SIGHUP
			}
		})
	}
}

// bash 3.2's kill -l, four per line (from bash's display_signal_list).
const killListWant = ` 1) SIGHUP	 2) SIGINT	 3) SIGQUIT	 4) SIGILL
 5) SIGTRAP	 6) SIGABRT	 7) SIGBUS	 8) SIGFPE
 9) SIGKILL	10) SIGUSR1	11) SIGSEGV	12) SIGUSR2
13) SIGPIPE	14) SIGALRM	15) SIGTERM	16) SIGSTKFLT
17) SIGCHLD	18) SIGCONT	19) SIGSTOP	20) SIGTSTP
21) SIGTTIN	22) SIGTTOU	23) SIGURG	24) SIGXCPU
25) SIGXFSZ	26) SIGVTALRM	27) SIGPROF	28) SIGWINCH
29) SIGIO	30) SIGPWR	31) SIGSYS	34) SIGRTMIN
35) SIGRTMIN+1	36) SIGRTMIN+2	37) SIGRTMIN+3	38) SIGRTMIN+4
39) SIGRTMIN+5	40) SIGRTMIN+6	41) SIGRTMIN+7	42) SIGRTMIN+8
43) SIGRTMIN+9	44) SIGRTMIN+10	45) SIGRTMIN+11	46) SIGRTMIN+12
47) SIGRTMIN+13	48) SIGRTMIN+14	49) SIGRTMIN+15	50) SIGRTMAX-14
51) SIGRTMAX-13	52) SIGRTMAX-12	53) SIGRTMAX-11	54) SIGRTMAX-10
55) SIGRTMAX-9	56) SIGRTMAX-8	57) SIGRTMAX-7	58) SIGRTMAX-6
59) SIGRTMAX-5	60) SIGRTMAX-4	61) SIGRTMAX-3	62) SIGRTMAX-2
63) SIGRTMAX-1	64) SIGRTMAX	
`

func TestKillBuiltin(t *testing.T) {
	t.Parallel()
	var got []proc.Signal
	usage := "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n"
	psProcCases(t, psHUPHandler(&got), []psProcCase{
		{"kill 14", "", "", 0, psDead(14)},
		{"kill -9 15", "", "", 0, psDead(15)},
		{"kill -SIGKILL 15", "", "", 0, psDead(15)},
		{"kill -kill 15", "", "", 0, psDead(15)},
		{"kill -s HUP 11", "", "", 0, psDead(11)},
		{"kill -n 1 11", "", "", 0, psDead(11)},
		{"kill -HUP 16", "", "", 0, psAlive(16)},
		{"kill -STOP 15", "", "", 0, psState(15, 'T')},
		{"kill -0 15", "", "", 0, psAlive(15)},
		{"kill 1", "", "", 0, psAlive(1)},
		{"kill -9 1", "", "", 0, psAlive(1)},
		{"kill -9 7", "", "", 0, psAlive(7)},
		{"kill -- -16", "", "", 0, psDead(append([]int{16}, psHttpdChildren...)...)},
		{"kill 99999", "", "-bash: kill: (99999) - No such process\n", 1, nil},
		{"kill 14 99999", "", "-bash: kill: (99999) - No such process\n", 0, psDead(14)},
		{"kill", "", usage, 1, nil},
		{"kill -9", "", usage, 1, nil},
		{"kill -s", "", "-bash: kill: -s: option requires an argument\n", 1, nil},
		{"kill -FOO 1", "", "-bash: kill: FOO: invalid signal specification\n", 1, nil},
		{"kill -99 1", "", "-bash: kill: 99: invalid signal specification\n", 1, nil},
		{"kill -L", "", "-bash: kill: L: invalid signal specification\n", 1, nil},
		{"kill %1", "", "-bash: kill: %1: no such job\n", 1, nil},
		{"kill abc", "", "-bash: kill: abc: arguments must be process or job IDs\n", 1, nil},
		{"kill -l", killListWant, "", 0, nil},
		{"kill -l 15", "TERM\n", "", 0, nil},
		{"kill -l 143 9 SIGHUP usr1 0", "TERM\nKILL\n1\n10\nT\n", "", 0, nil},
		{"kill -l 99", "", "-bash: kill: 99: invalid signal specification\n", 1, nil},
		{"kill -l FOO", "", "-bash: kill: FOO: invalid signal specification\n", 1, nil},
	})
	if !slices.Equal(got, []proc.Signal{proc.SIGHUP, proc.SIGTERM}) {
		t.Errorf("httpd's handler saw %v; want [HUP TERM] (kill -HUP 16, then kill -- -16)", got)
	}
	// An ordinary user may not signal root's processes.
	psProcCases(t, nil, []psProcCase{
		{"kill 14", "", "-bash: kill: (14) - Operation not permitted\n", 1, psAlive(14)},
		{"kill -9 -1", "", "-bash: kill: (-1) - Operation not permitted\n", 1, psAlive(1, 14, 16)},
	}, "USER=student")
}

func TestKillBinary(t *testing.T) {
	t.Parallel()
	usage := procpsKillUsage
	psProcCases(t, nil, []psProcCase{
		{"/bin/kill 14", "", "", 0, psDead(14)},
		{"/bin/kill -9 14 15", "", "", 0, psDead(14, 15)},
		{"/bin/kill -s KILL 14", "", "", 0, psDead(14)},
		{"/bin/kill 99999", "", "", 1, nil},
		{"/bin/kill", "", usage, 1, nil},
		{"/bin/kill abc", "", "ERROR: garbage process ID \"abc\".\n" + usage, 1, nil},
		{"/bin/kill -FOO 14", "", "ERROR: unknown signal name \"FOO\".\n" + usage, 1, nil},
		{"/bin/kill -l", "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n" +
			"CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n", "", 0, nil},
		{"/bin/kill -L", " 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS\n" +
			" 8 FPE      9 KILL    10 USR1    11 SEGV    12 USR2    13 PIPE    14 ALRM\n" +
			"15 TERM    16 STKFLT  17 CHLD    18 CONT    19 STOP    20 TSTP    21 TTIN\n" +
			"22 TTOU    23 URG     24 XCPU    25 XFSZ    26 VTALRM  27 PROF    28 WINCH\n" +
			"29 POLL    30 PWR     31 SYS     \n", "", 0, nil},
		{"/bin/kill -l 9 HUP", "KILL 1\n", "", 0, nil},
		{"/bin/kill -V", "kill (procps version 3.2.7)\n", "", 0, nil},
	})
}

func TestPgrep(t *testing.T) {
	t.Parallel()
	usage := "Usage: pgrep [-flvx] [-d DELIM] [-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST]\n" +
		"\t[-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]\n"
	psProcCases(t, nil, []psProcCase{
		{"pgrep httpd", "16\n17\n18\n19\n20\n21\n22\n23\n24\n", "", 0, nil},
		{"pgrep -l -x crond", "15 crond\n", "", 0, nil},
		{"pgrep -x cron", "", "", 1, nil},
		{"pgrep cron", "15\n", "", 0, nil},
		{"pgrep -lf sbin/minge", "26 /sbin/mingetty tty2\n27 /sbin/mingetty tty3\n28 /sbin/mingetty tty4\n" +
			"29 /sbin/mingetty tty5\n30 /sbin/mingetty tty6\n", "", 0, nil},
		{"pgrep -d, -u apache", "17,18,19,20,21,22,23,24\n", "", 0, nil},
		{"pgrep -n httpd", "24\n", "", 0, nil},
		{"pgrep -o httpd", "16\n", "", 0, nil},
		{"pgrep -P 7", "8\n9\n10\n", "", 0, nil},
		{"pgrep -t tty2,tty3 -l", "26 mingetty\n27 mingetty\n", "", 0, nil},
		{"pgrep -u 0 -v -l", "13 hald\n17 httpd\n18 httpd\n19 httpd\n20 httpd\n21 httpd\n22 httpd\n23 httpd\n24 httpd\n", "", 0, nil},
		{"pgrep -l -u haldaemon", "13 hald\n", "", 0, nil},
		{"pgrep '^k.*d$'", "7\n9\n10\n12\n", "", 0, nil},
		{"pgrep nosuch", "", "", 1, nil},
		{"pgrep", "", "pgrep: No matching criteria specified\n" + usage, 2, nil},
		{"pgrep a b", "", usage, 2, nil},
		{"pgrep -z", "", "pgrep: invalid option -- z\n" + usage, 2, nil},
		{"pgrep -u", "", "pgrep: option requires an argument -- u\n" + usage, 2, nil},
		{"pgrep -u nobody x", "", "pgrep: invalid user name: nobody\n", 2, nil},
		{"pgrep -P x", "", "pgrep: not a number: x\n", 2, nil},
		{"pgrep 'a('", "", "Unmatched ( or \\(", 2, nil},
		{"pgrep -V", "pgrep (procps version 3.2.7)\n", "", 0, nil},
	})
}

func TestPkill(t *testing.T) {
	t.Parallel()
	var got []proc.Signal
	usage := "Usage: pkill [-SIGNAL] [-fvx] [-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST]\n" +
		"\t[-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]\n"
	psProcCases(t, psHUPHandler(&got), []psProcCase{
		{"pkill crond", "", "", 0, psDead(15)},
		{"pkill -HUP httpd", "", "", 0, psBoth(psAlive(16), psDead(psHttpdChildren...))},
		{"pkill -SIGUSR1 -u apache", "", "", 0, psBoth(psAlive(16), psDead(psHttpdChildren...))},
		{"pkill -9 -P 16", "", "", 0, psBoth(psAlive(16), psDead(psHttpdChildren...))},
		{"pkill -STOP -x klogd", "", "", 0, psState(12, 'T')},
		{"pkill -o httpd", "", "", 0, psBoth(psDead(16), psAlive(psHttpdChildren...))},
		{"pkill nosuch", "", "", 1, nil},
		{"pkill -l crond", "", "pkill: invalid option -- l\n" + usage, 2, psAlive(15)},
		{"pkill", "", "pkill: No matching criteria specified\n" + usage, 2, nil},
	})
	if !slices.Equal(got, []proc.Signal{proc.SIGHUP, proc.SIGTERM}) {
		t.Errorf("httpd's handler saw %v; want [HUP TERM]", got)
	}
	psProcCases(t, nil, []psProcCase{
		{"pkill crond", "", "pkill: 15 - Operation not permitted\n", 0, psAlive(15)},
	}, "USER=student")
	// pgrep and pkill never match themselves.
	k := psMachine(t)
	pid, _ := k.Procs.Spawn(proc.Process{PPID: 31, TTY: "tty1", State: 'R', Comm: "pkill", Args: []string{"pkill", "pkill"}})
	_, _, st := psExecProc(t, k, "pkill pkill", func(p *Proc) { p.PID, p.PPID = pid, 31 })
	if st != 1 || !k.Procs.Alive(pid) {
		t.Errorf("pkill pkill = %d, alive %v; want 1 and alive", st, k.Procs.Alive(pid))
	}
}

func TestPidof(t *testing.T) {
	t.Parallel()
	psProcCases(t, nil, []psProcCase{
		{"pidof httpd", "24 23 22 21 20 19 18 17 16\n", "", 0, nil},
		{"pidof /usr/sbin/httpd", "24 23 22 21 20 19 18 17 16\n", "", 0, nil},
		{"pidof -s httpd", "24\n", "", 0, nil},
		{"pidof mingetty crond", "30 29 28 27 26 15\n", "", 0, nil},
		{"pidof -o 24 -o 23,22 httpd", "21 20 19 18 17 16\n", "", 0, nil},
		{"pidof bash", "31\n", "", 0, nil},
		{"pidof -o %PPID bash", "", "", 1, nil},
		{"pidof kthread", "", "", 1, nil},
		{"pidof nosuch", "", "", 1, nil},
		{"pidof -z", "", "pidof: invalid option -- z\npidof: invalid options on command line!\n", 1, nil},
	}, "RCLAB_SHELL_PID=31")
}

const killallUsageWant = killallUsage

func TestKillall(t *testing.T) {
	t.Parallel()
	var got []proc.Signal
	all := append([]int{16}, psHttpdChildren...)
	psProcCases(t, psHUPHandler(&got), []psProcCase{
		{"killall httpd", "", "", 0, psDead(all...)},
		{"killall /usr/sbin/httpd", "", "", 0, psDead(all...)},
		{"killall -v crond", "", "Killed crond(15) with signal 15\n", 0, psDead(15)},
		{"killall -HUP httpd", "", "", 0, psBoth(psAlive(16), psDead(psHttpdChildren...))},
		{"killall -s KILL crond", "", "", 0, psDead(15)},
		{"killall -9 crond", "", "", 0, psDead(15)},
		{"killall -SIGKILL crond", "", "", 0, psDead(15)},
		{"killall -STOP crond", "", "", 0, psState(15, 'T')},
		{"killall -INT crond", "", "", 0, psDead(15)},
		{"killall -Iv CROND", "", "Killed crond(15) with signal 15\n", 0, psDead(15)},
		{"killall -u apache httpd", "", "", 0, psBoth(psAlive(16), psDead(psHttpdChildren...))},
		{"killall -I CROND", "", "", 0, psDead(15)},
		{"killall crond nosuch", "", "nosuch: no process killed\n", 1, psDead(15)},
		{"killall nosuch", "", "nosuch: no process killed\n", 1, nil},
		{"killall -q nosuch", "", "", 1, nil},
		{"killall -FOO crond", "", "FOO: unknown signal; killall -l lists signals.\n", 1, psAlive(15)},
		{"killall -u nobody crond", "", "Cannot find user nobody\n", 1, psAlive(15)},
		{"killall", "", killallUsageWant, 1, nil},
		{"killall -l", "HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM\n" +
			"STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS\nUNUSED\n", "", 0, nil},
		{"killall -V", "", "killall (PSmisc) 22.2\n" + psmiscWarranty, 0, nil},
	})
	if !slices.Equal(got, []proc.Signal{proc.SIGTERM, proc.SIGTERM, proc.SIGHUP}) {
		t.Errorf("httpd's handler saw %v; want [TERM TERM HUP]", got)
	}
	psProcCases(t, nil, []psProcCase{
		{"killall crond", "", "crond(15): Operation not permitted\n", 0, psAlive(15)},
	}, "USER=student")
}

const pstreeWant = `init-+-crond
     |-events/0
     |-hald
     |-httpd---8*[httpd]
     |-khelper
     |-klogd
     |-ksoftirqd/0
     |-kthread-+-kacpid
     |         |-kblockd/0
     |         ` + "`" + `-khubd
     |-login---bash---pstree
     |-migration/0
     |-5*[mingetty]
     |-sshd
     |-syslogd
     ` + "`" + `-watchdog/0
`

func TestPstree(t *testing.T) {
	t.Parallel()
	psProcCases(t, nil, []psProcCase{
		{"pstree", pstreeWant, "", 0, nil},
		{"pstree 16", "httpd---8*[httpd]\n", "", 0, nil},
		{"pstree -u 16", "httpd---8*[httpd(apache)]\n", "", 0, nil},
		{"pstree -p 16", "httpd(16)-+-httpd(17)\n          |-httpd(18)\n          |-httpd(19)\n          |-httpd(20)\n" +
			"          |-httpd(21)\n          |-httpd(22)\n          |-httpd(23)\n          `-httpd(24)\n", "", 0, nil},
		{"pstree -c 7", "kthread-+-kacpid\n        |-kblockd/0\n        `-khubd\n", "", 0, nil},
		{"pstree -n 7", "kthread-+-kblockd/0\n        |-kacpid\n        `-khubd\n", "", 0, nil},
		{"pstree -a 25", "login -- root\n  `-bash\n      `-pstree -a 25\n", "", 0, nil},
		{"pstree -ap 7", "(kthread,7)\n  |-(kacpid,9)\n  |-(kblockd/0,8)\n  `-(khubd,10)\n", "", 0, nil},
		{"pstree haldaemon", "hald\n", "", 0, nil},
		{"pstree 99999", "", "", 0, nil},
		{"pstree nobody", "", "No such user name: nobody\n", 1, nil},
		{"pstree student", "", "No processes found.\n", 1, nil},
		{"pstree -z", "", "pstree: invalid option -- z\n" + pstreeUsage, 1, nil},
		{"pstree 1 2", "", pstreeUsage, 1, nil},
		{"pstree -V", "", "pstree (psmisc) 22.2\n" + psmiscWarranty, 0, nil},
	}, "RCLAB_SHELL_PID=31")
}

func TestPstreeTerminal(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	// A long chain is cut at the terminal's 80 columns with a '+'.
	parent := 15
	for range 10 {
		parent, _ = k.Procs.Spawn(proc.Process{PPID: parent, Comm: "level"})
	}
	out, _, _ := psExec(t, k, "pstree -Ap 15", true)
	want := "crond(15)---level(32)---level(33)---level(34)---level(35)---level(36)---level(3+\n"
	if out != want {
		t.Errorf("pstree -Ap 15 on a terminal = %q; want %q", out, want)
	}
	out, _, _ = psExec(t, k, "pstree -Alp 15", true)
	if !strings.HasSuffix(out, "---level(40)---level(41)\n") {
		t.Errorf("pstree -Alp 15 = %q; want the whole line", out)
	}
	out, _, _ = psExec(t, k, "pstree 7", true)
	if want := "kthread─┬─kacpid\n        ├─kblockd/0\n        └─khubd\n"; out != want {
		t.Errorf("pstree 7 on a UTF-8 terminal = %q; want %q", out, want)
	}
	for _, c := range []struct {
		line string
		env  []string
	}{{"pstree -A 7", nil}, {"pstree 7", []string{"LANG=C"}}} {
		out, _, _ = psExec(t, k, c.line, true, c.env...)
		if want := "kthread-+-kacpid\n        |-kblockd/0\n        `-khubd\n"; out != want {
			t.Errorf("%s (%v) on a terminal = %q; want %q", c.line, c.env, out, want)
		}
	}
}

func TestFree(t *testing.T) {
	t.Parallel()
	help := freeHelp
	psProcCases(t, nil, []psProcCase{
		{"free", "             total       used       free     shared    buffers     cached\n" +
			"Mem:        516116     164894     351222          0      11274      68156\n" +
			"-/+ buffers/cache:      85464     430652\n" +
			"Swap:      1048568          0    1048568\n", "", 0, nil},
		{"free -m", "             total       used       free     shared    buffers     cached\n" +
			"Mem:           504        161        342          0         11         66\n" +
			"-/+ buffers/cache:         83        420\n" +
			"Swap:         1023          0       1023\n", "", 0, nil},
		{"free -g -b -t -o", "             total       used       free     shared    buffers     cached\n" +
			"Mem:     528502784  168851456  359651328          0   11544576   69791744\n" +
			"Swap:   1073733632          0 1073733632\n" +
			"Total:  1602236416  168851456 1433384960\n", "", 0, nil},
		{"free -lo", "             total       used       free     shared    buffers     cached\n" +
			"Mem:        516116     164894     351222          0      11274      68156\n" +
			"Low:        516116     164894     351222\n" +
			"High:            0          0          0\n" +
			"Swap:      1048568          0    1048568\n", "", 0, nil},
		{"free -V", "procps version 3.2.7\n", "", 0, nil},
		{"free -z", "", "free: invalid option -- z\n" + help, 1, nil},
		{"free -c x", "", help, 1, nil},
	})
	k := psMachine(t)
	out, _, _ := psExec(t, k, "free -s 1 -c 2", false)
	if strings.Count(out, "Mem:") != 2 || !strings.HasSuffix(out, "1048568\n\n") {
		t.Errorf("free -s 1 -c 2 = %q; want two reports, each followed by a blank line", out)
	}
	// Memory follows the processes: a 100 MB process adds 102400 KiB used.
	k.Procs.Spawn(proc.Process{PPID: 1, Comm: "java", RSS: 102400, VSZ: 300000})
	out, _, _ = psExec(t, k, "free", false)
	if !strings.Contains(out, "-/+ buffers/cache:     187864     328252\n") {
		t.Errorf("free with a 100 MB process = %q", out)
	}
}

func TestUptime(t *testing.T) {
	t.Parallel()
	k := psMachine(t)
	for _, c := range []struct {
		advance time.Duration
		want    string
	}{
		{0, " 09:10:02 up 10 min,  1 user,  load average: 0.00, 0.00, 0.00\n"},
		{2*time.Hour + 5*time.Minute, " 11:15:02 up  2:15,  1 user,  load average: 0.00, 0.00, 0.00\n"},
		{22 * time.Hour, " 09:15:02 up 1 day, 15 min,  1 user,  load average: 0.00, 0.00, 0.00\n"},
		{2*24*time.Hour + 3*time.Hour, " 12:15:02 up 3 days,  3:15,  1 user,  load average: 0.00, 0.00, 0.00\n"},
	} {
		k.Clock.Advance(c.advance)
		out, errOut, st := psExec(t, k, "uptime", false)
		if out != c.want || errOut != "" || st != 0 {
			t.Errorf("uptime after +%v = %q, %q, %d; want %q", c.advance, out, errOut, st, c.want)
		}
	}
	k.Login(kernel.Session{User: "root", TTY: "tty1"})
	k.Login(kernel.Session{User: "student", TTY: "pts/0"})
	if out, _, _ := psExec(t, k, "uptime", false); !strings.Contains(out, ",  2 users,  load") {
		t.Errorf("uptime with two sessions = %q; want 2 users", out)
	}
	psRunCases(t, []psCase{
		{"uptime -V", "procps version 3.2.7\n", "", 0},
		{"uptime -x", "", "usage: uptime [-V]\n    -V    display version\n", 1},
	})
}

func TestTop(t *testing.T) {
	t.Parallel()
	head := "top - 09:10:02 up 10 min,  1 user,  load average: 0.00, 0.00, 0.00\n" +
		"Tasks:  32 total,   1 running,  31 sleeping,   0 stopped,   0 zombie\n" +
		"Cpu(s):  0.1%us,  0.0%sy,  0.0%ni, 99.6%id,  0.3%wa,  0.0%hi,  0.0%si,  0.0%st\n" +
		"Mem:    516116k total,   165958k used,   350158k free,    11274k buffers\n" +
		"Swap:  1048568k total,        0k used,  1048568k free,    68156k cached\n" +
		"\n  PID USER      PR  NI  VIRT  RES  SHR S %CPU %MEM    TIME+  COMMAND\n"
	rows := "    1 root      15   0  2072  620  524 S  0.1  0.1   0:00.52 init\n" +
		"   16 root      15   0 22756 9344 2268 S  0.0  1.8   0:00.00 httpd\n\n"
	usage := "usage:\ttop -hv | -bcisSH -d delay -n iterations [-u user | -U user] -p pid [,pid ...]\n"
	psProcCases(t, nil, []psProcCase{
		{"top -b -n 1 -p 1,16", head + rows, "", 0, nil},
		{"top -bn2 -p1,16", head + rows + head + rows, "", 0, nil},
		{"top -b -n 1 -u haldaemon", head + "   13 haldaemo  15   0  5104 3732 1146 S  0.0  0.7   0:00.00 hald\n\n", "", 0, nil},
		{"top -b -n 1 -c -p 2,3,5", head + "    2 root      RT   0     0    0    0 S  0.0  0.0   0:00.00 migration/0\n" +
			"    3 root      34  19     0    0    0 S  0.0  0.0   0:00.00 ksoftirqd/0\n" +
			"    5 root      10  -5     0    0    0 S  0.0  0.0   0:00.00 events/0\n\n", "", 0, nil},
		{"top -bz", "", "top: unknown argument 'z'\n" + usage, 1, nil},
		{"top -b -n x", "", "top: bad iterations argument 'x'\n" + usage, 1, nil},
		{"top", "", "top: failed tty get\n", 1, nil},
		{"top -v", "\ttop: procps version 3.2.7\n" + usage, "", 0, nil},
	})
	k := psMachine(t)
	out, _, _ := psExec(t, k, "top -b -n 1", false)
	lines := strings.Split(out, "\n")
	if len(lines) != 7+32+2 || !strings.HasSuffix(lines[len(lines)-3], " R  0.0  0.2   0:00.00 top") {
		t.Errorf("top -b -n 1 = %d lines, top's own line %q", len(lines), lines[len(lines)-3])
	}
	if got := topScale(123456, 5); got != "120m" {
		t.Errorf("topScale(123456, 5) = %q; want 120m", got)
	}
	if got := topScale(1887436, 4); got != "1.8g" {
		t.Errorf("topScale(1887436, 4) = %q; want 1.8g", got)
	}
}
