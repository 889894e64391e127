package shell

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"testing"
	"time"

	"rclab/sim/internal/proc"
)

// procFor is a login shell's process for the tests.
func procFor(comm string) proc.Process {
	return proc.Process{Comm: comm, Args: []string{"-" + comm}, TTY: "tty1", State: 'S'}
}

// stripJobLines drops the "[1] 241" lines bash prints when a job starts.
func stripJobLines(s string) string {
	return jobLine.ReplaceAllString(s, "")
}

var jobLine = regexp.MustCompile(`(?m)^\[\d+\] \d+\n`)

// TestJobsAndTraps types lines at a login shell: $! and wait for
// background jobs, kill reaching a running script's traps, test -t.
func TestJobsAndTraps(t *testing.T) {
	t.Parallel()
	scripts := map[string]string{
		"/tmp/term.sh": "#!/bin/bash\ntrap 'echo got TERM' TERM\nkill $$\necho after\nkill -HUP $$\necho never\n",
		"/tmp/ign.sh":  "#!/bin/bash\ntrap '' TERM\nkill $$\necho alive\n",
		"/tmp/bye.sh":  "#!/bin/bash\ntrap 'echo bye' EXIT\nkill -TERM $$\necho never\n",
		"/tmp/tty.sh":  "#!/bin/bash\n[ -t 1 ] && echo out-tty || echo out-no\n[ -t 0 ] && echo in-tty || echo in-no\n",
	}
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"$! is the job's pid", []string{"rclabtest-args a &", "[ \"$!\" -gt 1 ] && echo pid"}, "rclabtest-args|a\npid\n"},
		{"$! is empty before a job", []string{"echo \"[$!]\""}, "[]\n"},
		{"wait $! gives the job's status", []string{"rclabtest-args a b &", "wait $!; echo st=$?"}, "rclabtest-args|a|b\nst=2\n"},
		{"wait for a pid that is no child", []string{"wait 4242; echo st=$?"},
			"-bash: wait: pid 4242 is not a child of this shell\nst=127\n"},
		{"wait for no job", []string{"wait %3; echo st=$?"}, "-bash: wait: %3: no such job\nst=127\n"},
		{"wait for a bad operand", []string{"wait x; echo st=$?"}, "-bash: wait: `x': not a pid or valid job spec\nst=1\n"},
		{"wait with no jobs", []string{"wait; echo st=$?"}, "st=0\n"},
		{"kill runs the script's TERM trap", []string{"/tmp/term.sh; echo st=$?"}, "got TERM\nafter\nst=129\n"},
		{"an ignored signal", []string{"/tmp/ign.sh; echo st=$?"}, "alive\nst=0\n"},
		{"a fatal signal runs EXIT", []string{"/tmp/bye.sh; echo st=$?"}, "bye\nst=143\n"},
		{"test -t on the terminal", []string{"[ -t 1 ] && echo tty", "[ -t 1 ] | cat; echo ${PIPESTATUS[0]}",
			"echo $([ -t 1 ] && echo y || echo n)", "[ -t 1 ] >/dev/null; echo $?", "[ -t 1 ] >/dev/tty && echo dev-tty"},
			"tty\n1\nn\n1\ndev-tty\n"},
		{"test -t in a script", []string{"/tmp/tty.sh", "/tmp/tty.sh </dev/null | cat"}, "out-tty\nin-tty\nout-no\nin-no\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := testKernel(t)
			for name, src := range scripts {
				f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
				if err != nil {
					t.Fatal(err)
				}
				f.Write([]byte(src))
				f.Close()
			}
			var term bytes.Buffer
			o := Options{
				Kernel:      k,
				Environ:     []string{"HOME=/root", "PATH=/usr/libexec/rclabtest:/sbin:/bin:/usr/sbin:/usr/bin"},
				Dir:         "/root",
				Interactive: true,
				Name:        "-bash",
				StdinTty:    true,
				Stdout:      &term,
				Stderr:      &term,
				TTY:         "tty1",
			}
			pid, err := k.Procs.Spawn(procFor("bash"))
			if err != nil {
				t.Fatal(err)
			}
			o.PID = pid
			sh, err := New(o)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range tt.lines {
				ctx, cancel := WithBudget(context.Background(), 100_000, 5*time.Second)
				f, err := Parse(line+"\n", "-bash")
				if err != nil {
					t.Fatal(err)
				}
				sh.RunStmts(ctx, f.Stmts)
				cancel()
			}
			got := stripJobLines(term.String())
			if got != tt.want {
				t.Errorf("session(%q) = %q; want %q", tt.lines, got, tt.want)
			}
		})
	}
}

// TestInterruptTraps checks Ctrl-C: a line stopped by it runs the
// shell's INT trap, and a script it stops runs its INT and EXIT traps.
func TestInterruptTraps(t *testing.T) {
	t.Parallel()
	k := testKernel(t)
	f, err := k.FS.OpenFile("/tmp/int.sh", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("#!/bin/bash\ntrap 'echo int' INT\ntrap 'echo bye' EXIT\nwhile :; do :; done\n"))
	f.Close()
	var term bytes.Buffer
	sh, err := New(Options{Kernel: k, Environ: []string{"PATH=/bin"}, Interactive: true, Name: "-bash",
		Stdout: &term, Stderr: &term})
	if err != nil {
		t.Fatal(err)
	}
	run := func(line string, interrupt bool) {
		ctx, cancel := WithBudget(context.Background(), 0, 0)
		defer cancel()
		f, err := Parse(line+"\n", "-bash")
		if err != nil {
			t.Fatal(err)
		}
		if interrupt {
			time.AfterFunc(20*time.Millisecond, cancel)
		}
		sh.RunStmts(ctx, f.Stmts)
	}
	run("trap 'echo caught $?' INT", false)
	run("/tmp/int.sh", true)
	if got, want := term.String(), "int\nbye\ncaught 130\n"; got != want {
		t.Errorf("Ctrl-C during /tmp/int.sh: terminal = %q; want %q", got, want)
	}
}
