package bash

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// TestTraps checks trap's listing and the traps bash 3.2 runs by itself:
// DEBUG before each simple command, RETURN after a function that set it
// or a sourced file.
func TestTraps(t *testing.T) {
	t.Parallel()
	files := map[string]string{"/lib.sh": "echo in lib\n"}
	tests := []struct {
		name, src, want string
		status          int
	}{
		{"trap -p in bash's format and order",
			"trap 'echo e' EXIT\ntrap 'x' ERR\ntrap '' INT\ntrap : DEBUG\ntrap \"it's\" TERM\ntrap -p\ntrap - EXIT",
			"trap -- 'echo e' EXIT\ntrap -- '' SIGINT\ntrap -- 'it'\\''s' SIGTERM\ntrap -- ':' DEBUG\ntrap -- 'x' ERR\n", 0},
		{"trap -p names", "trap 'a' HUP 15\ntrap -p sigterm hup", "trap -- 'a' SIGTERM\ntrap -- 'a' SIGHUP\n", 0},
		{"trap with no arguments lists", "trap 'a' USR1\ntrap", "trap -- 'a' SIGUSR1\n", 0},
		{"a number first resets", "trap 'a' INT\ntrap 2\ntrap -p", "", 0},
		{"a bad signal", "trap 'a' NOPE", "script: line 1: trap: NOPE: invalid signal specification\n", 1},
		{"a bad option", "trap -x", "script: line 1: trap: -x: invalid option\ntrap: usage: trap [-lp] [arg signal_spec ...]\n", 2},
		{"real-time signals by name and number", "trap a RTMIN+2 64\ntrap -p", "trap -- 'a' SIGRTMIN+2\ntrap -- 'a' SIGRTMAX\n", 0},
		{"DEBUG runs before each simple command with BASH_COMMAND",
			"trap 'echo \"[$BASH_COMMAND]\"' DEBUG\necho a \"$x\"\nx=1\ntrap - DEBUG\necho b",
			"[echo a \"$x\"]\na \n[x=1]\n[trap - DEBUG]\nb\n", 0},
		{"DEBUG keeps $?", "trap 'true' DEBUG\nfalse\necho $?", "1\n", 0},
		{"DEBUG is not run inside functions without set -T",
			"f() { echo f; }\ntrap 'echo D' DEBUG\nf\ntrap - DEBUG", "D\nf\nD\n", 0},
		{"set -T lets functions run DEBUG",
			"set -T\nf() { echo f; }\ntrap 'echo D' DEBUG\nf\ntrap - DEBUG", "D\nD\nf\nD\n", 0},
		{"RETURN set in a function runs when it returns",
			"f() { trap 'echo ret $?' RETURN; return 4; }\nf\necho st=$?", "ret 4\nst=4\n", 0},
		{"RETURN set outside is not run for a function",
			"trap 'echo ret' RETURN\nf() { echo f; }\nf", "f\n", 0},
		{"RETURN runs after a sourced file", "trap 'echo ret' RETURN\n. /lib.sh\necho after", "in lib\nret\nafter\n", 0},
		{"ERR still runs", "trap 'echo err $?' ERR\nfalse\necho ok", "err 1\nok\n", 0},
		{"EXIT runs at the end", "trap 'echo bye' EXIT\necho hi", "hi\nbye\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, st := runScript(t, tt.src, files, nil)
			if got != tt.want || st != tt.status {
				t.Errorf("run(%q) = %q, %d; want %q, %d", tt.src, got, st, tt.want, tt.status)
			}
		})
	}
}

// TestTrapList checks trap -l against bash 3.2's table on Linux.
func TestTrapList(t *testing.T) {
	t.Parallel()
	got, _ := runScript(t, "trap -l", nil, nil)
	lines := strings.Split(got, "\n")
	want := map[int]string{
		0:  " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL",
		7:  "29) SIGIO\t30) SIGPWR\t31) SIGSYS\t34) SIGRTMIN",
		8:  "35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3\t38) SIGRTMIN+4",
		11: "47) SIGRTMIN+13\t48) SIGRTMIN+14\t49) SIGRTMIN+15\t50) SIGRTMAX-14",
		15: "63) SIGRTMAX-1\t64) SIGRTMAX\t",
		16: "",
	}
	if len(lines) != 17 {
		t.Fatalf("trap -l = %d lines; want 17:\n%s", len(lines), got)
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("trap -l line %d = %q; want %q", i+1, lines[i], w)
		}
	}
}

// TestSignal checks signals delivered to a script's shell: a trapped one
// runs its trap before the next command, an ignored one does nothing, a
// fatal one ends the shell with 128+N after its EXIT trap.
func TestSignal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
		status          int
	}{
		{"trapped", "trap 'echo got TERM' TERM\nsig 15\necho after", "got TERM\nafter\n", 0},
		{"trap keeps $?", "trap 'true' HUP\nsig 1\necho $?", "0\n", 0},
		{"ignored", "trap '' HUP\nsig 1\necho after", "after\n", 0},
		{"fatal", "trap 'echo bye' EXIT\nsig 1\necho never", "bye\n", 129},
		{"trap that exits", "trap 'echo t; exit 7' TERM\nsig 15\necho never", "t\n", 7},
		{"not fatal", "sig 28\necho after", "after\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, st := runScript(t, tt.src, nil, func(c *Config) {
				c.Builtin = func(_ context.Context, c *Call) (int, bool) {
					if c.Args[0] != "sig" {
						return 0, false
					}
					n, _ := strconv.Atoi(c.Args[1])
					c.Runner.Signal(n, n != 28)
					return 0, true
				}
				c.BuiltinNames = nil
			})
			if got != tt.want || st != tt.status {
				t.Errorf("run(%q) = %q, %d; want %q, %d", tt.src, got, st, tt.want, tt.status)
			}
		})
	}
}

// TestFrames checks BASH_SOURCE and BASH_LINENO: the script, the file a
// function was defined in and the line it was called from, a sourced
// file and the line of its . command.
func TestFrames(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"/lib.sh": "echo \"src: ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}\"\nlibf() { echo \"libf: ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}\"; }\n",
	}
	src := "echo \"top: ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}\"\n" +
		"f() { echo \"f: ${BASH_SOURCE[*]} | ${BASH_LINENO[*]}\"; }\n" +
		"g() {\n  f\n}\n" +
		"g\n" +
		". /lib.sh\n" +
		"libf\n" +
		"echo \"$(echo sub ${BASH_SOURCE[0]})\"\n"
	want := "top: /s.sh | 0\n" +
		"f: /s.sh /s.sh /s.sh | 4 6 0\n" +
		"src: /lib.sh /s.sh | 7 0\n" +
		"libf: /lib.sh /s.sh | 8 0\n" +
		"sub /s.sh\n"
	got, _ := runScript(t, src, files, func(c *Config) { c.Name = "/s.sh" })
	if got != want {
		t.Errorf("run(%q) =\n%s; want\n%s", src, got, want)
	}
}

// TestVerbose checks set -v: each line printed to standard error as it
// is read, before it runs, comments and blank lines included.
func TestVerbose(t *testing.T) {
	t.Parallel()
	files := map[string]string{"/lib.sh": "# lib\necho lib\n"}
	tests := []struct {
		name, src, want string
		flags           []string
	}{
		{"set -v prints from the next line", "echo a\nset -v\n# c\necho b # x\n\nif true; then\n  echo c\nfi\n",
			"a\n# c\necho b # x\nb\n\nif true; then\n  echo c\nfi\nc\n", nil},
		{"bash -v prints every line", "echo a; echo b\necho c\n", "echo a; echo b\na\nb\necho c\nc\n", []string{"-v"}},
		{"set +v stops", "set -v\necho a\nset +v\necho b\n", "echo a\na\nset +v\nb\n", nil},
		{"a sourced file's lines", "set -v\n. /lib.sh\n", ". /lib.sh\n# lib\necho lib\nlib\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := newMemFS(files)
			var out lockedBuffer
			cfg := testConfig(fsys, &out)
			cfg.Flags = tt.flags
			r := New(cfg)
			f := parseScript(t, tt.src)
			r.SetText(f, tt.src)
			if _, err := r.Run(context.Background(), f); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("run(%q) = %q; want %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestBackgroundPID checks $!: unset until a job's process is named,
// then that pid in the shell that started the job.
func TestBackgroundPID(t *testing.T) {
	t.Parallel()
	src := "echo \"[$!]\"\nprog &\necho \"[$!]\"\n{ echo x; } >/dev/null &\necho \"[$!]\"\n"
	got, _ := runScript(t, src, nil, func(c *Config) {
		c.Exec = func(_ context.Context, c *Call) int {
			if c.Background {
				c.Runner.SetBackgroundPID(241)
			}
			return 0
		}
	})
	if want := "[]\n[241]\n[241]\n"; got != want {
		t.Errorf("run(%q) = %q; want %q", src, got, want)
	}
}
