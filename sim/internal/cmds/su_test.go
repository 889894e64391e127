package cmds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// suKernel is a machine with root, alice (also in staff) and bob, whose
// passwords are all "rclab", and a root-only /root.
func suKernel(t *testing.T) *kernel.Kernel {
	t.Helper()
	hash := MD5Crypt("rclab", "$1$abcdefgh$")
	k := testKernel(t, map[string]string{
		"/etc/passwd": "root:x:0:0:root:/root:/bin/bash\nalice:x:501:501::/home/alice:/bin/bash\n" +
			"bob:x:502:502::/home/bob:/bin/bash\nmysql:x:27:27::/var/lib/mysql:/sbin/nologin\n",
		"/etc/group":   "root:x:0:root\nalice:x:501:\nbob:x:502:\nstaff:x:600:alice\n",
		"/etc/shadow":  "root:" + hash + ":16343:0:99999:7:::\nalice:" + hash + ":16343:0:99999:7:::\nbob:" + hash + ":16343:0:99999:7:::\n",
		"/root/":       "",
		"/home/alice/": "", "/home/bob/": "", "/tmp/": "", "/var/log/": "",
	})
	if err := k.FS.Chmod("/root", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := k.FS.Chmod("/tmp", 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	return k
}

// fakeKeyboard is a console's keyboard for a test: typed text, and the
// echo state each read found.
type fakeKeyboard struct {
	r      *strings.Reader
	noEcho bool
	hidden []bool // per read: echo was off
}

func (k *fakeKeyboard) Read(p []byte) (int, error) {
	k.hidden = append(k.hidden, k.noEcho)
	return k.r.Read(p)
}

func (k *fakeKeyboard) SetEcho(on bool) { k.noEcho = !on }

// suSpawn is one child a program started: its argv as it sees it, and
// who runs it and its parent.
type suSpawn struct {
	argv             []string
	uid, gid         int
	parentUID        int
	parentStillThere bool
}

// suRun runs line as user uid from a process of the table, with stdin
// (the keyboard when kb is set). Children are looked up in the table by
// base name and run as RunAs asks; each start is recorded.
func suRun(t *testing.T, k *kernel.Kernel, uid int, line, stdin string, kb *fakeKeyboard) (stdout, stderr string, status int, spawns []suSpawn) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	var in io.Reader = strings.NewReader(stdin)
	if kb != nil {
		kb.r = strings.NewReader(stdin)
		in = kb
	}
	home := map[int]string{0: "/root", 501: "/home/alice", 502: "/home/bob"}[uid]
	var out, errb bytes.Buffer
	env := []string{"PATH=/bin:/usr/bin", "HOME=" + home, "USER=x", "LOGNAME=x", "TERM=linux", "LANG=C"}
	status = suStart(t, k, argv, argv[0], uid, uid, 1, home, env, in, &out, &errb, &spawns)
	return out.String(), errb.String(), status, spawns
}

// suStart enters a process for argv (shown as arg0) owned by uid and gid
// and runs its program.
func suStart(t *testing.T, k *kernel.Kernel, argv []string, arg0 string, uid, gid, ppid int, dir string, env []string,
	in io.Reader, out, errw io.Writer, spawns *[]suSpawn) int {
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		io.WriteString(errw, argv[0]+": command not found\n")
		return 127
	}
	shown := append([]string{arg0}, argv[1:]...)
	pid, err := k.Procs.Spawn(proc.Process{PPID: ppid, UID: uid, GID: gid, TTY: "tty1", Comm: c.Name, Args: shown})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Procs.Exit(pid)
	p := &Proc{Ctx: context.Background(), Args: shown, Dir: dir, Environ: env, Stdin: in, Stdout: out, Stderr: errw,
		Sys: k, Umask: 0o022, PID: pid, PPID: ppid, TTY: "tty1", StdinTty: true}
	p.Run = func(a []string, cin io.Reader, cout, cerr io.Writer) int {
		if cin == nil {
			cin = p.Stdin
		}
		if cout == nil {
			cout = p.Stdout
		}
		if cerr == nil {
			cerr = p.Stderr
		}
		cuid, cgid := p.Cred()
		name := a[0]
		if as, ok := ChildOf(p.Ctx); ok {
			cuid, cgid = as.UID, as.GID
			if as.Arg0 != "" {
				name = as.Arg0
			}
		}
		me, alive := k.Procs.Get(p.PID)
		*spawns = append(*spawns, suSpawn{append([]string{name}, a[1:]...), cuid, cgid, me.UID, alive})
		return suStart(t, k, a, name, cuid, cgid, p.PID, p.Dir, p.Environ, cin, cout, cerr, spawns)
	}
	return c.Main(p)
}

// TestSuUsers: su and runuser run their shell (here a program given with
// -s) as the target user, with its groups; root needs no password, the
// others type the target's, with the terminal's echo off.
func TestSuUsers(t *testing.T) {
	t.Parallel()
	const (
		rootID  = "uid=0(root) gid=0(root) groups=0(root)\n"
		aliceID = "uid=501(alice) gid=501(alice) groups=501(alice),600(staff)\n"
		bobID   = "uid=502(bob) gid=502(bob) groups=502(bob)\n"
	)
	tests := []struct {
		uid            int
		line, stdin    string
		kb             bool
		stdout, stderr string
		status         int
		child          string // argv the child sees, "" for none
	}{
		{uid: 0, line: "su - alice -s /usr/bin/id", stdout: aliceID, child: "-id"},
		{uid: 0, line: "su alice -s /usr/bin/id", stdout: aliceID, child: "id"},
		{uid: 0, line: "su alice -s /bin/touch /root/x", stderr: "touch: cannot touch `/root/x': Permission denied\n", status: 1, child: "touch /root/x"},
		{uid: 0, line: "su alice -s /bin/touch /tmp/x", child: "touch /tmp/x"},
		{uid: 0, line: "runuser -s /usr/bin/id - bob", stdout: bobID, child: "-id"},
		{uid: 0, line: "su -s /usr/bin/id", stdout: rootID, child: "id"},
		{uid: 0, line: "su mysql", stdout: "This account is currently not available.\n", status: 1},
		// A user types the password; echo is off and the newline is the
		// program's.
		{uid: 501, line: "su -s /usr/bin/id", stdin: "rclab\n", kb: true, stdout: rootID, stderr: "Password: \n", child: "id"},
		{uid: 501, line: "su - bob -s /usr/bin/id", stdin: "rclab\n", kb: true, stdout: bobID, stderr: "Password: \n", child: "-id"},
		{uid: 501, line: "su -", stdin: "nope\n", kb: true, stderr: "Password: \nsu: incorrect password\n", status: 1},
		{uid: 501, line: "su -", kb: true, stderr: "Password: \nsu: incorrect password\n", status: 1},
		// From a pipe, no terminal echoes the newline.
		{uid: 502, line: "su alice -s /usr/bin/id", stdin: "rclab\n", stdout: aliceID, stderr: "Password: ", child: "id"},
		// Who does not exist is said before any password.
		{uid: 502, line: "su nobody", kb: true, stderr: "su: user nobody does not exist\n", status: 1},
		{uid: 501, line: "runuser - bob -s /usr/bin/id", stderr: "runuser: may not be used by non-root users\n", status: 1},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("uid %d %s", tc.uid, tc.line), func(t *testing.T) {
			t.Parallel()
			k := suKernel(t)
			var kb *fakeKeyboard
			if tc.kb {
				kb = &fakeKeyboard{}
			}
			out, errs, st, spawns := suRun(t, k, tc.uid, tc.line, tc.stdin, kb)
			if out != tc.stdout || errs != tc.stderr || st != tc.status {
				t.Errorf("uid %d: %s = %q, %q, %d; want %q, %q, %d", tc.uid, tc.line, out, errs, st, tc.stdout, tc.stderr, tc.status)
			}
			var child string
			if len(spawns) > 0 {
				child = strings.Join(spawns[0].argv, " ")
				if s := spawns[0]; s.parentUID != 0 || !s.parentStillThere {
					t.Errorf("uid %d: %s: while its child runs, su's process is uid %d (alive %v); want root's", tc.uid, tc.line, s.parentUID, s.parentStillThere)
				}
			}
			if child != tc.child {
				t.Errorf("uid %d: %s started %q; want %q", tc.uid, tc.line, child, tc.child)
			}
			if kb != nil && tc.line != "su nobody" {
				if len(kb.hidden) == 0 || !kb.hidden[0] || kb.noEcho {
					t.Errorf("uid %d: %s: echo off during reads %v, off at the end %v; want off while the password is read, then on", tc.uid, tc.line, kb.hidden, kb.noEcho)
				}
			}
		})
	}
}

// TestSuEnvironment: su - gives a login's environment; su alone keeps
// the caller's, with HOME and SHELL the target's, and USER and LOGNAME
// too unless the target is root.
func TestSuEnvironment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line      string
		has, hasn []string
	}{
		{"su - alice -s /usr/bin/printenv", []string{"HOME=/home/alice", "USER=alice", "LOGNAME=alice", "SHELL=/usr/bin/printenv", "TERM=linux", "PATH=/usr/local/bin:/bin:/usr/bin"}, []string{"LANG="}},
		{"su alice -s /usr/bin/printenv", []string{"HOME=/home/alice", "USER=alice", "LOGNAME=alice", "LANG=C", "PATH=/bin:/usr/bin"}, []string{"USER=x"}},
		{"su -s /usr/bin/printenv", []string{"HOME=/root", "USER=x", "LOGNAME=x", "SHELL=/usr/bin/printenv"}, []string{"USER=root"}},
		{"su -m alice -s /usr/bin/printenv", []string{"HOME=/root", "USER=x"}, []string{"HOME=/home/alice"}},
	}
	for _, tc := range tests {
		k := suKernel(t)
		out, errs, st, _ := suRun(t, k, 0, tc.line, "", nil)
		if st != 0 || errs != "" {
			t.Errorf("%s = %q, %d; want no error", tc.line, errs, st)
		}
		lines := "\n" + out
		for _, w := range tc.has {
			if !strings.Contains(lines, "\n"+w+"\n") {
				t.Errorf("%s = %q; want %q in it", tc.line, out, w)
			}
		}
		for _, w := range tc.hasn {
			if strings.Contains(lines, "\n"+w) {
				t.Errorf("%s = %q; want no %q in it", tc.line, out, w)
			}
		}
	}
}

// TestSuSyslog: su logs its sessions and its failures to /var/log/secure.
func TestSuSyslog(t *testing.T) {
	t.Parallel()
	k := suKernel(t)
	k.SetSyslog(true)
	suRun(t, k, 501, "su -s /usr/bin/id", "rclab\n", &fakeKeyboard{})
	suRun(t, k, 502, "su -", "bad\n", &fakeKeyboard{})
	got := syReadFile(t, k, kernel.Secure)
	for _, want := range []string{
		"pam_unix(su:session): session opened for user root by alice(uid=501)\n",
		"pam_unix(su:session): session closed for user root\n",
		"pam_unix(su:auth): authentication failure; logname=bob uid=502 euid=0 tty=tty1 ruser=bob rhost=  user=root\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("%s = %q; want %q in it", kernel.Secure, got, want)
		}
	}
}

// TestRunAsNeedsRoot: only a program running as root may start a child
// as another user.
func TestRunAsNeedsRoot(t *testing.T) {
	t.Parallel()
	k := suKernel(t)
	pid, err := k.Procs.Spawn(proc.Process{PPID: 1, UID: 501, GID: 501, Comm: "x"})
	if err != nil {
		t.Fatal(err)
	}
	ran := false
	p := &Proc{Ctx: context.Background(), Sys: k, PID: pid, Run: func([]string, io.Reader, io.Writer, io.Writer) int { ran = true; return 0 }}
	if _, err := p.RunAs(Child{UID: 0, GID: 0}, []string{"id"}, nil, nil, nil); !errors.Is(err, syscall.EPERM) || ran {
		t.Errorf("RunAs(root) by uid 501 = %v, ran %v; want EPERM, nothing run", err, ran)
	}
	if _, err := p.RunAs(Child{UID: 501, GID: 501}, []string{"id"}, nil, nil, nil); err != nil || !ran {
		t.Errorf("RunAs(itself) by uid 501 = %v, ran %v; want it run", err, ran)
	}
	if _, ok := ChildOf(p.Ctx); ok {
		t.Errorf("ChildOf(p.Ctx) after RunAs: still set; want it gone")
	}
}
