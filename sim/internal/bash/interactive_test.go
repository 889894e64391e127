package bash

import (
	"context"
	"sync/atomic"
	"testing"
)

// session runs lines at an interactive prompt, statement by statement.
func session(t *testing.T, lines ...string) (string, *Runner) {
	t.Helper()
	var out lockedBuffer
	cfg := testConfig(newMemFS(map[string]string{"/etc/a.conf": "a\n"}), &out)
	cfg.Name = "-bash"
	cfg.Interactive = true
	r := New(cfg)
	for _, l := range lines {
		f := parseScript(t, l)
		if _, err := r.RunLine(context.Background(), f.Stmts); err != nil {
			t.Fatal(err)
		}
		if r.Exited() {
			return out.String(), r
		}
	}
	return out.String(), r
}

func TestInteractive(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"x=1", "echo $x"}, "1\n"},
		{[]string{"nosuch"}, "-bash: nosuch: command not found\n"},
		{[]string{"alias ll='args -l'", "ll x"}, "<-l><x>\n"},
		{[]string{"alias a1='args 1 '", "alias a2='2'", "a1 a2"}, "<1><2>\n"},
		{[]string{"alias c='cd /etc; pwd'", "c"}, "/etc\n"},
		{[]string{"unalias nope"}, "-bash: unalias: nope: not found\n"},
		{[]string{"set -u", "echo $nope", "echo still here"}, "-bash: nope: unbound variable\nstill here\n"},
		{[]string{"echo ${x^^}; echo same line", "echo next"}, "-bash: ${x^^}: bad substitution\nnext\n"},
		{[]string{"f() { return 3; }", "f", "echo $?"}, "3\n"},
		{[]string{"cd /etc", "pwd", "echo $PWD $OLDPWD"}, "/etc\n/etc /\n"},
		{[]string{"echo $-"}, "himBH\n"},
		{[]string{"exit 3", "echo not"}, ""},
		{[]string{"logout"}, ""},
		{[]string{"trap 'echo bye' EXIT", "exit"}, "bye\n"},
	}
	for _, tt := range tests {
		got, _ := session(t, tt.lines...)
		if got != tt.want {
			t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
		}
	}
}

func TestExitStatus(t *testing.T) {
	t.Parallel()
	_, r := session(t, "exit 3")
	if !r.Exited() || r.Status() != 3 {
		t.Errorf("after exit 3: Exited() = %v, Status() = %d; want true, 3", r.Exited(), r.Status())
	}
}

// TestHooks checks the Step, Fork and Builtin hooks.
func TestHooks(t *testing.T) {
	t.Parallel()
	var steps, forks, unforks atomic.Int64
	out, st := runScript(t, "true; (true); x=$(true); true | true; cd /x; echo $x", nil, func(c *Config) {
		c.Step = func(context.Context) error { steps.Add(1); return nil }
		c.Fork = func(_ context.Context, f *Fork) error { forks.Add(1); return nil }
		c.Unfork = func(_ context.Context, f *Fork) { unforks.Add(1) }
		c.Builtin = func(_ context.Context, call *Call) (int, bool) {
			if call.Args[0] == "cd" {
				call.Runner.Chdir("/hooked")
				return 0, true
			}
			return 0, false
		}
	})
	_ = st
	if out != "\n" || steps.Load() != 7 || forks.Load() != 4 || unforks.Load() != 4 {
		t.Errorf("hooks: out %q, steps %d, forks %d, unforks %d; want \"\\n\", 7, 4, 4", out, steps.Load(), forks.Load(), unforks.Load())
	}
}

// TestStop checks that a Step error stops the run and is returned.
func TestStop(t *testing.T) {
	t.Parallel()
	f := parseScript(t, "while :; do :; done; echo after")
	n := 0
	cfg := testConfig(newMemFS(nil), nil)
	cfg.Step = func(context.Context) error {
		n++
		if n > 100 {
			return errBudget
		}
		return nil
	}
	r := New(cfg)
	if _, err := r.Run(context.Background(), f); err != errBudget {
		t.Errorf("Run(endless loop) error = %v; want %v", err, errBudget)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = New(testConfig(newMemFS(nil), nil))
	if _, err := r.Run(ctx, f); err != context.Canceled {
		t.Errorf("Run(cancelled) error = %v; want %v", err, context.Canceled)
	}
}
