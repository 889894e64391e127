package shell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
	"rclab/vfs"
)

func init() {
	// A tiny program for these tests, so they do not depend on the
	// coreutils family: prints its arguments and stdin.
	cmds.Register(cmds.Command{Name: "rclabtest-args", Dirs: []string{"/usr/libexec/rclabtest"}, Summary: "test helper",
		Main: func(p *cmds.Proc) int {
			p.Printf("%s\n", strings.Join(p.Args, "|"))
			return len(p.Args) - 1
		}})
}

func testKernel(t testing.TB) *kernel.Kernel {
	t.Helper()
	fsys := vfs.New()
	write := func(name, content string, mode os.FileMode) {
		if err := fsys.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(content))
		f.Close()
	}
	write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nstudent:x:500:500::/home/student:/bin/bash\n", 0o644)
	write("/root/.keep", "", 0o644)
	write("/tmp/.keep", "", 0o644)
	write("/usr/local/bin/greet.sh", "greeting=hello\n", 0o644)
	write("/etc/init.d/demo", "#!/bin/bash\necho \"demo $1 $#\"\nexit 3\n", 0o755)
	write("/etc/init.d/noexec", "#!/bin/bash\necho no\n", 0o644)
	for _, c := range cmds.All() {
		for _, d := range c.Dirs {
			write(d+"/"+c.Name, string(ProgramFile(c.Name)), 0o755)
		}
	}
	fsys.MkdirAll("/real/dir", 0o755)
	fsys.Symlink("/real/dir", "/linked")
	return kernel.New(fsys, kernel.Info{Hostname: "lab1", Bash: "3.2.25(1)-release"}, kernel.Epoch, 1)
}

// session runs lines in one interactive login shell and returns the
// terminal's text.
func session(t testing.TB, k *kernel.Kernel, lines ...string) string {
	t.Helper()
	return runSession(t, Options{
		Kernel:      k,
		Environ:     []string{"HOME=/root", "PATH=/usr/libexec/rclabtest:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin", "USER=root"},
		Dir:         "/root",
		Interactive: true,
		Name:        "-bash",
		Umask:       0o022,
		PID:         1,
		PPID:        1,
	}, lines...)
}

// runSession types lines, each a command line with its own budget, at a
// login shell built from o (its output and errors go to the returned
// transcript).
func runSession(t testing.TB, o Options, lines ...string) string {
	t.Helper()
	var term bytes.Buffer
	o.Stdout, o.Stderr = &term, &term
	sh, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range lines {
		ctx, cancel := WithBudget(context.Background(), 100_000, 5*time.Second)
		f, err := Parse(line+"\n", "-bash")
		if err != nil {
			term.WriteString(SyntaxMessage("-bash: ", line+"\n", err))
		} else {
			sh.RunStmts(ctx, f.Stmts)
		}
		cancel()
	}
	return term.String()
}

func TestHostIsolation(t *testing.T) {
	t.Parallel()
	hostTmp := os.TempDir()
	probe := filepath.Join(hostTmp, "sh-interp-rclab-probe")
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"redirect into the host temp dir stays in the vfs",
			[]string{"echo x > " + probe, "read l < " + probe + "; echo $l"}, "x\n"},
		{"TMPDIR is not set, as in a fresh bash",
			[]string{"echo \"[$TMPDIR]\""}, "[]\n"},
		{"source searches PATH on the vfs",
			[]string{"source greet.sh; echo $greeting"}, "hello\n"},
		{"type finds programs on the vfs",
			[]string{"type rclabtest-args"}, "rclabtest-args is /usr/libexec/rclabtest/rclabtest-args\n"},
		{"command -v finds programs on the vfs",
			[]string{"command -v rclabtest-args; command -v cd"}, "/usr/libexec/rclabtest/rclabtest-args\ncd\n"},
		{"pwd -P resolves links on the vfs",
			[]string{"cd /linked", "pwd", "pwd -P"}, "/linked\n/real/dir\n"},
		{"test -O reads vfs owners without panicking",
			[]string{"[ -O /etc/passwd ] && echo mine", "test -G /etc/passwd && echo group"}, "mine\ngroup\n"},
		{"$$ is the simulated pid",
			[]string{"echo $$ $PPID"}, "1 1\n"},
		{"~user comes from the vfs passwd",
			[]string{"echo ~root ~student ~nobody"}, "/root /home/student ~nobody\n"},
		{"HOME and UID are the simulated user's",
			[]string{"echo $HOME $UID $EUID"}, "/root 0 0\n"},
		{"process substitution is refused",
			[]string{"cat <(echo hi)"}, "-bash: process substitution is not available in rclab\n"},
		{"[[ -O ]] reads vfs owners",
			[]string{"[[ -O /etc/passwd ]] && echo mine"}, "mine\n"},
		{"umask is rclab's",
			[]string{"umask", "umask 077", "umask", "umask -S"}, "0022\n0077\nu=rwx,g=,o=\n"},
		{"ulimit is accepted",
			[]string{"ulimit -S -c 0 && echo ok"}, "ok\n"},
		{"echo -en combined flags",
			[]string{`echo -en 'a\tb'; echo`}, "a\tb\n"},
		{"trap of a signal is accepted",
			[]string{"trap 'echo bye' INT TERM; echo set"}, "set\n"},
		{"alias listing is sorted",
			[]string{"alias b='x'", "alias a='y'", "alias"}, "alias a='y'\nalias b='x'\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := testKernel(t)
			if got := session(t, k, tt.lines...); got != tt.want {
				t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
			}
		})
	}
	if _, err := os.Stat(probe); err == nil {
		t.Errorf("host file %s was created", probe)
	}
}

func TestBashErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"nosuchcmd"}, "-bash: nosuchcmd: command not found\n"},
		{[]string{"nosuchcmd; echo $?"}, "-bash: nosuchcmd: command not found\n127\n"},
		{[]string{"cd /nope"}, "-bash: cd: /nope: No such file or directory\n"},
		{[]string{"cd /etc/passwd"}, "-bash: cd: /etc/passwd: Not a directory\n"},
		{[]string{"fi"}, "-bash: syntax error near unexpected token `fi'\n"},
		{[]string{"echo hi )"}, "-bash: syntax error near unexpected token `)'\n"},
		{[]string{"cat < /nope"}, "-bash: /nope: No such file or directory\n"},
		{[]string{"echo x > /nodir/f"}, "-bash: /nodir/f: No such file or directory\n"},
		{[]string{"echo x > /etc"}, "-bash: /etc: Is a directory\n"},
		{[]string{"./nope"}, "-bash: ./nope: No such file or directory\n"},
		{[]string{"/etc/init.d/noexec"}, "-bash: /etc/init.d/noexec: Permission denied\n"},
		{[]string{"/etc"}, "-bash: /etc: is a directory\n"},
		{[]string{"type nosuch"}, "-bash: type: nosuch: not found\n"},
		{[]string{"logout-not; echo $?"}, "-bash: logout-not: command not found\n127\n"},
	}
	for _, tt := range tests {
		k := testKernel(t)
		if got := session(t, k, tt.lines...); got != tt.want {
			t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
		}
	}
}

func TestScripts(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k, "/etc/init.d/demo start now; echo status=$?", "f() { echo fn; }; bash -c 'f' 2>&1 | rclabtest-args", "export X=1; Y=2; bash -c 'echo x=$X y=$Y'")
	want := "demo start 2\nstatus=3\nrclabtest-args\nx=1 y=\n"
	if got != want {
		t.Errorf("scripts = %q; want %q", got, want)
	}
}

func TestRunawayIsStopped(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	start := time.Now()
	got := session(t, k, "while :; do :; done", "echo still here")
	if time.Since(start) > 5*time.Second {
		t.Errorf("runaway loop took %v to stop", time.Since(start))
	}
	want := "rclab: stopped a runaway command after 100000 steps\nstill here\n"
	if got != want {
		t.Errorf("runaway = %q; want %q", got, want)
	}
}

func TestUnknownBuiltinsAreRouted(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k, "history", "jobs; echo $?", "fg")
	want := "0\n-bash: fg: current: no such job\n"
	if got != want {
		t.Errorf("builtins = %q; want %q", got, want)
	}
}

func BenchmarkShellStartup(b *testing.B) {
	k := testKernel(b)
	f, _ := k.FS.OpenFile("/root/.bashrc", os.O_WRONLY|os.O_CREATE, 0o644)
	f.Write([]byte("alias rm='rm -i'\nalias cp='cp -i'\nalias mv='mv -i'\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n"))
	f.Close()
	src := ". /root/.bashrc\n"
	b.ReportAllocs()
	for b.Loop() {
		sh, err := New(Options{Kernel: k, Environ: []string{"HOME=/root", "PATH=/bin"}, Dir: "/root", Interactive: true, Name: "-bash"})
		if err != nil {
			b.Fatal(err)
		}
		sh.Run(context.Background(), src)
	}
}

func TestRandomIsSeeded(t *testing.T) {
	t.Parallel()
	a := session(t, testKernel(t), "echo $RANDOM ${RANDOM} $((RANDOM % 100)) $(echo $RANDOM)")
	b := session(t, testKernel(t), "echo $RANDOM ${RANDOM} $((RANDOM % 100)) $(echo $RANDOM)")
	if a != b {
		t.Errorf("RANDOM differs between equal machines: %q vs %q", a, b)
	}
	if len(strings.Fields(a)) != 4 {
		t.Errorf("RANDOM expansions = %q; want four numbers", a)
	}
}

func TestForkBomb(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k, ":(){ :|:& };:", "echo usable")
	want := "-bash: fork: Resource temporarily unavailable\nusable\n"
	if got != want {
		t.Errorf("fork bomb = %q; want %q", got, want)
	}
}

func TestPipelineStatus(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k, "false | false; echo $?", "true | (exit 3); echo $?", "set -o pipefail; (exit 4) | true; echo $?")
	if want := "1\n3\n4\n"; got != want {
		t.Errorf("pipeline statuses = %q; want %q", got, want)
	}
}

func TestNestedJumps(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k,
		"for w in a b; do if true; then case $w in a) continue ;; esac; echo not skipped $w; fi; done; echo end",
		"for w in a b c; do if [ $w = b ]; then break; fi; echo $w; done",
		"i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i = 2 ] && { continue; }; echo i=$i; done",
		"for w in x; do false; echo status=$?; done")
	want := "not skipped b\nend\na\ni=1\ni=3\nstatus=1\n"
	if got != want {
		t.Errorf("nested jumps = %q; want %q", got, want)
	}
}

func TestArithmeticLoopIsStopped(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	got := session(t, k, "i=0; while ((1)); do ((i++)); done", "x=; while true; do x=a; done", "echo ok")
	want := "rclab: stopped a runaway command after 100000 steps\nrclab: stopped a runaway command after 100000 steps\nok\n"
	if got != want {
		t.Errorf("arithmetic loops = %q; want %q", got, want)
	}
}
