package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// execRun runs `rclab exec -c lines` in-process and returns its output and
// exit status.
func execRun(t *testing.T, lines ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	st := run([]string{"exec", "--color=never", "-c", strings.Join(lines, "\n")}, strings.NewReader(""), &out, &errb)
	if errb.Len() > 0 {
		t.Fatalf("rclab exec wrote to stderr: %s", errb.String())
	}
	return out.String(), st
}

// TestSealed runs, through rclab exec, commands that would touch the host on
// a real shell, and proves the host is untouched and nothing of it shows.
func TestSealed(t *testing.T) {
	hostTmp := os.TempDir()
	probe := filepath.Join(hostTmp, "rclab-sealed-probe")
	fifo := filepath.Join(hostTmp, "sh-interp-rclab-x")
	cwdProbe := "sh-interp-rclab-cwd"
	hostHostname, _ := os.ReadFile("/etc/hostname")

	out, _ := execRun(t,
		"cat /etc/hostname",
		"echo x > "+probe,
		"cat "+probe,
		"echo y > "+fifo,
		"ls /home",
		"cd /tmp; touch "+cwdProbe+"; ls "+cwdProbe,
		"uname -n",
		"type ls",
		"source /etc/profile; echo sourced",
		"exec /bin/sh -c 'echo from sh; uname -n'",
		"echo not reached",
	)
	want := []string{
		"cat: /etc/hostname: No such file or directory\n",
		"x\n",
		"student\n",
		cwdProbe + "\n",
		"lab1\n",
		"ls is aliased to `ls --color=tty'\n",
		"sourced\n",
		"from sh\nlab1\n",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q; got:\n%s", w, out)
		}
	}
	if strings.Contains(out, "not reached") {
		t.Errorf("exec did not end the shell:\n%s", out)
	}
	if len(hostHostname) > 0 && strings.Contains(out, strings.TrimSpace(string(hostHostname))) && strings.TrimSpace(string(hostHostname)) != "lab1" {
		t.Errorf("the host's hostname shows in the output:\n%s", out)
	}
	for _, p := range []string{probe, fifo, filepath.Join(hostTmp, cwdProbe), filepath.Join("/tmp", cwdProbe)} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("host file %s was created", p)
			os.Remove(p)
		}
	}
}

// TestDeterministic runs a long session twice and compares the output byte
// for byte.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	lines := []string{
		"date", "ls -la /etc/rc.d/rc3.d", "for i in 1 2 3; do echo $i; sleep 1; done", "date",
		"grep -r PermitRootLogin /etc", "ls -l /etc/init.d/ | sort -k9 | head -5",
		"cat /etc/inittab | grep -v '^#' | sed -n '/initdefault/p'", "awk -F: '$3 >= 500 {print $1}' /etc/passwd",
		"mktemp", "mktemp -d", "echo $RANDOM $RANDOM", "find /etc/xinetd.d -type f | wc -l",
		"nosuch", "echo $?", "cd /nope", "if true; then", "echo multi", "fi",
	}
	a, sta := execRun(t, lines...)
	b, stb := execRun(t, lines...)
	if a != b || sta != stb {
		t.Errorf("two runs differ:\n--- first\n%s\n--- second\n%s", a, b)
	}
	if !strings.Contains(a, "multi\n") {
		t.Errorf("multi-line construct did not run:\n%s", a)
	}
}
