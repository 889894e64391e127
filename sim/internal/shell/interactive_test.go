package shell

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/proc"
)

// typed is a console's keyboard for a test: the lines typed ahead, then
// the end of input.
type typed struct{ *strings.Reader }

func (typed) SetEcho(bool) {}

// kbSession runs line in root's login shell whose keyboard holds input,
// and returns the terminal's text.
func kbSession(t *testing.T, line, input string) string {
	t.Helper()
	k := testKernel(t)
	for name, content := range map[string]string{
		"/etc/profile":        "echo profile\n",
		"/root/.bash_profile": "echo bash_profile\n",
		"/root/.bashrc":       "echo bashrc; PS1='[\\u \\W]\\$ '\n",
		"/root/.bash_logout":  "echo bye\n",
		"/tmp/rc":             "echo rcfile\n",
	} {
		f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(content))
		f.Close()
	}
	if err := k.Procs.SpawnPID(400, proc.Process{PPID: 1, Comm: "bash", Args: []string{"-bash"}}); err != nil {
		t.Fatal(err)
	}
	var term bytes.Buffer
	sh, err := New(Options{
		Kernel:      k,
		Environ:     []string{"HOME=/root", "PATH=/sbin:/bin:/usr/sbin:/usr/bin", "USER=root"},
		Dir:         "/root",
		Stdout:      &term,
		Stderr:      &term,
		Interactive: true,
		Name:        "-bash",
		Keyboard:    typed{strings.NewReader(input)},
		StdinTty:    true,
		PID:         400,
		PPID:        1,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := WithBudget(context.Background(), 100_000, 5*time.Second)
	defer cancel()
	f, err := Parse(line+"\n", "-bash")
	if err != nil {
		t.Fatal(err)
	}
	sh.RunStmts(ctx, f.Stmts)
	return term.String()
}

// TestInteractiveBash: bash started with the keyboard as its input reads
// and runs lines until exit or the end of input, after its startup files.
func TestInteractiveBash(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line, input, want string
	}{
		{"bash; echo st=$?", "echo $SHLVL $0\nexit 3\n", "bashrc\n[root ~]# 1 bash\n[root ~]# exit\nst=3\n"},
		{"bash; echo st=$?", "false\n", "bashrc\n[root ~]# [root ~]# exit\nst=1\n"},
		{"bash -l; echo st=$?", "logout\n", "profile\nbash_profile\nbash-3.2# logout\nbye\nst=0\n"},
		{"bash --login --noprofile", "", "bash-3.2# logout\nbye\n"},
		{"bash --norc", "logout\n", "bash-3.2# bash: logout: not login shell: use `exit'\nbash-3.2# exit\n"},
		{"bash --rcfile /tmp/rc", "", "rcfile\nbash-3.2# exit\n"},
		{"sh", "echo $0\n", "sh-3.2# sh\nsh-3.2# exit\n"},
		{"bash --norc", "for i in a b\ndo echo $i\ndone\n", "bash-3.2# > > a\nb\nbash-3.2# exit\n"},
		{"bash --norc; echo st=$?", "if true\n", "bash-3.2# > bash: syntax error: unexpected end of file\nbash-3.2# exit\nst=2\n"},
		{"bash --norc", "fi\n", "bash-3.2# bash: syntax error near unexpected token `fi'\nbash-3.2# exit\n"},
		// Input redirected or -c: not interactive.
		{"bash < /dev/null; echo st=$?", "echo no\n", "st=0\n"},
		{"bash -c 'echo $SHLVL'", "echo no\n", "1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.line+" "+tt.input, func(t *testing.T) {
			t.Parallel()
			if got := kbSession(t, tt.line, tt.input); got != tt.want {
				t.Errorf("%s with %q typed = %q; want %q", tt.line, tt.input, got, tt.want)
			}
		})
	}
}

// TestShellLevel: every bash counts one more level.
func TestShellLevel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		env  []string
		want string
	}{
		{nil, "SHLVL=1"},
		{[]string{"A=1", "SHLVL=1"}, "A=1 SHLVL=2"},
		{[]string{"SHLVL=4", "B=2"}, "B=2 SHLVL=5"},
		{[]string{"SHLVL=x"}, "SHLVL=1"},
		{[]string{"SHLVL=-3"}, "SHLVL=1"},
		{[]string{"SHLVL=2", "SHLVL=7"}, "SHLVL=8"},
	}
	for _, tt := range tests {
		if got := strings.Join(shellLevel(tt.env), " "); got != tt.want {
			t.Errorf("shellLevel(%q) = %q; want %q", tt.env, got, tt.want)
		}
	}
}

// TestExpandPrompt: bash's prompt escapes, for root and for alice.
func TestExpandPrompt(t *testing.T) {
	t.Parallel()
	k := userKernel(t)
	if err := k.Procs.SpawnPID(700, proc.Process{PPID: 1, UID: alice, GID: alice, Comm: "bash"}); err != nil {
		t.Fatal(err)
	}
	f, err := k.FS.OpenFile("/etc/passwd", os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("alice:x:501:501::/home/alice:/bin/bash\n"))
	f.Close()
	shellOf := func(pid int, name, dir string) *Shell {
		sh, err := New(Options{Kernel: k, Environ: []string{"HOME=/home/alice", "USER=someone"}, Dir: dir, Name: name, PID: pid})
		if err != nil {
			t.Fatal(err)
		}
		sh.RunStmts(context.Background(), mustParse(t, ":")) // settles the variables Var reads
		return sh
	}
	tests := []struct {
		pid       int
		name, dir string
		ps, want  string
	}{
		{700, "-bash", "/home/alice", `[\u@\h \W]\$ `, "[alice@lab1 ~]$ "},
		{700, "-bash", "/home/alice/x", `\w \W`, "~/x x"},
		{0, "-bash", "/root", `[\u@\h \W]\$ `, "[root@lab1 root]# "},
		{0, "-bash", "/", `\W|\w`, "/|/"},
		{0, "/bin/sh", "/", `\s-\v\$ `, "sh-3.2# "},
		{0, "-bash", "/", `\s \V \H \[\e[1m\]\\ \q`, "bash 3.2.25 lab1 \x1b[1m\\ \\q"},
		{0, "-bash", "/", `\A \d`, "09:00 Mon Oct 06"},
		{0, "-bash", "/", "", ""},
	}
	for _, tt := range tests {
		if got := shellOf(tt.pid, tt.name, tt.dir).ExpandPrompt(tt.ps); got != tt.want {
			t.Errorf("ExpandPrompt(%q) for pid %d in %s = %q; want %q", tt.ps, tt.pid, tt.dir, got, tt.want)
		}
	}
}

func mustParse(t *testing.T, src string) []*syntax.Stmt {
	t.Helper()
	f, err := Parse(src, "-bash")
	if err != nil {
		t.Fatal(err)
	}
	return f.Stmts
}
