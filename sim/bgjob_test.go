package sim_test

import "testing"

// TestShellJobs: a job that is no single program (a group, a subshell, a
// function, a builtin) runs in a forked bash that is the job's process:
// the interactive shell announces it, $! names it, wait reports its
// status and the job table says how it ended; a script starts its jobs
// silently.
func TestShellJobs(t *testing.T) {
	t.Parallel()
	runCases(t, map[string][]step{
		"group": {
			{a: kbType("{ echo a; true; } &"), want: "[1] 241\na\n[1]+  Done                    { echo a; true; }\n"},
			{a: kbType("echo $!"), want: "241\n"},
		},
		"function with a status": {
			{a: kbType("f() { echo in f; return 3; }")},
			{a: kbType("f &"), want: "[1] 241\nin f\n[1]+  Exit 3                  f\n"},
			{a: kbType("wait $!; echo $?"), want: "3\n"},
		},
		"subshell is a bash process": {
			{a: kbType("(ps -o pid,ppid,comm | tail -3) &"), want: "[1] 241\n  241   232 bash\n  242   241 ps\n  243   241 tail\n[1]+  Done                    ( ps -o pid,ppid,comm | tail -3 )\n"},
		},
		"a job's programs are children of its bash": {
			{a: kbType("{ sleep 100; ps -o pid,ppid,comm | grep -v bash; } &"), want: "[1] 241\n  PID  PPID COMMAND\n  243   241 ps\n  244   241 grep\n[1]+  Done                    { sleep 100; ps -o pid,ppid,comm | grep -v bash; }\n"},
		},
		"builtin": {
			{a: kbType("true &"), want: "[1] 241\n[1]+  Done                    true\n"},
		},
		"a script's jobs are silent": {
			{a: kbType("printf '{ echo in; } &\\necho pid=$!\\n' > /tmp/j.sh; bash /tmp/j.sh"), want: "in\npid=242\n"},
		},
	})
}
