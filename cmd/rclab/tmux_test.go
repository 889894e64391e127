package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxSmoke runs the real binary in a real terminal (tmux): open the
// sandbox, wait for the root prompt after the boot, run ps aux, open and
// cancel ntsysv, log in as root on tty2 and run who, reading the screen
// each time. CI installs tmux; elsewhere the test skips without it.
func TestTmuxSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tmux smoke test in -short mode")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed: the real-terminal smoke test needs it (.ci/run installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rclab")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sock := filepath.Join(dir, "tmux.sock")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	cmd := exec.Command(tmux, "-S", sock, "new-session", "-d", "-x", "110", "-y", "32", "env", "TERM=xterm-256color", "LANG=en_US.UTF-8", bin)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	defer exec.Command(tmux, "-S", sock, "kill-server").Run()

	waitFor := func(what string) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			screen := run("capture-pane", "-p")
			if strings.Contains(screen, what) {
				return screen
			}
			if time.Now().After(deadline) {
				t.Fatalf("the screen never showed %q; it shows:\n%s", what, screen)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor("Sandbox")
	run("send-keys", "Enter")
	waitFor("[root@lab1 ~]#")
	run("send-keys", "ps aux | head -3", "Enter")
	screen := waitFor("init [5]")
	if !strings.Contains(screen, "USER       PID %CPU %MEM") {
		t.Errorf("ps aux header missing from the screen:\n%s", screen)
	}
	run("send-keys", "C-c")
	run("send-keys", "runlevel", "Enter")
	waitFor("N 5")

	// ntsysv opens full screen and Cancel leaves it without a change.
	run("send-keys", "clear", "Enter")
	run("send-keys", "ntsysv", "Enter")
	// The terminal paints the dialog in more than one pass: each part
	// must show up (waitFor fails the test when one never does).
	waitFor("What services should be automatically started?")
	for _, want := range []string{"Services", "[*] crond", "Ok", "Cancel", "ntsysv 1.3.30.2"} {
		waitFor(want)
	}
	run("send-keys", "Tab", "Tab", "Enter")
	waitFor("[root@lab1 ~]# ntsysv")
	run("send-keys", "chkconfig --list crond", "Enter")
	waitFor("6:off")

	// A real login on the second console.
	run("send-keys", "M-F2")
	waitFor("lab1 login:")
	run("send-keys", "root", "Enter")
	waitFor("Password:")
	run("send-keys", "rclab", "Enter")
	waitFor("[root@lab1 ~]#")
	run("send-keys", "who", "Enter")
	screen = waitFor("tty2")
	if !strings.Contains(screen, "tty1") {
		t.Errorf("who on tty2 does not list tty1:\n%s", screen)
	}
	run("send-keys", "F10")
	waitFor("Sandbox")
}
