package cmds

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
)

// TestGenericDaemon: started under another name, generic-daemon runs as a
// daemon of that name, with its pid file, and refuses a second start.
func TestGenericDaemon(t *testing.T) {
	t.Parallel()
	k := testKernel(t, map[string]string{"/var/run/": "", "/var/log/": ""})
	run := func() (string, int) {
		var out bytes.Buffer
		p := &Proc{Ctx: context.Background(), Args: []string{"/usr/local/sbin/metricsd"}, Dir: "/", Stdout: &out, Stderr: &out,
			Sys: k, Umask: fs.FileMode(0o022), PPID: 1}
		st := genericDaemonMain(p)
		return out.String(), st
	}
	if out, st := run(); st != 0 || out != "" {
		t.Fatalf("metricsd = %d, %q; want 0 and no output", st, out)
	}
	pid, st, ok := RunningDaemon(k, "metricsd")
	if !ok || st.Spec != "metricsd" {
		t.Fatalf("RunningDaemon(metricsd) = %d, %+v, %v; want a daemon named metricsd", pid, st, ok)
	}
	pr, _ := k.Procs.Get(pid)
	if pr.PPID != 1 || pr.TTY != "" || pr.Comm != "metricsd" || strings.Join(pr.Args, " ") != "/usr/local/sbin/metricsd" {
		t.Errorf("master = ppid %d, tty %q, comm %q, args %q; want init's child without a terminal, named metricsd", pr.PPID, pr.TTY, pr.Comm, pr.Args)
	}
	f, err := k.FS.Open("/var/run/metricsd.pid")
	if err != nil {
		t.Fatalf("pid file: %v", err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(f)
	f.Close()
	if got, want := buf.String(), itoa(pid)+"\n"; got != want {
		t.Errorf("/var/run/metricsd.pid = %q; want %q", got, want)
	}
	if out, st := run(); st != 1 || !strings.Contains(out, "metricsd: already running (pid "+itoa(pid)+")") {
		t.Errorf("second start = %d, %q; want 1 and already running", st, out)
	}
}
