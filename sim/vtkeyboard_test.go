package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// on is action a on console tty.
func on(tty int, a sim.Action) sim.Action { a.TTY = tty; return a }

// vtType is a line typed on console tty.
func vtType(tty int, line string) sim.Action { return on(tty, kbType(line)) }

// runStepsOn runs a keyboard session whose actions name their consoles,
// checking each console's prompt and ReadingOn against the results.
func runStepsOn(t *testing.T, m *sim.Machine, steps []step) {
	t.Helper()
	for i, s := range steps {
		r := apply(t, m, s.a)
		if r.Output != s.want || r.Reading != s.reading || r.NoEcho != s.noEcho || !r.Reading && r.Status != s.status {
			t.Errorf("step %d tty%d %s %q = %q, status %d, reading %v, noEcho %v; want %q, status %d, reading %v, noEcho %v",
				i, s.a.TTY, s.a.Kind, s.a.Line, r.Output, r.Status, r.Reading, r.NoEcho, s.want, s.status, s.reading, s.noEcho)
		}
		tty := max(s.a.TTY, 1)
		if got := m.PromptOn(tty); r.Reading != (got == "") {
			t.Errorf("step %d: PromptOn(%d) = %q while reading is %v", i, tty, got, r.Reading)
		}
		if reading, noEcho := m.ReadingOn(tty); reading != r.Reading || noEcho != r.NoEcho {
			t.Errorf("step %d: ReadingOn(%d) = %v, %v; want %v, %v", i, tty, reading, noEcho, r.Reading, r.NoEcho)
		}
		if r.Reading && m.TTYStateOf(tty) != sim.TTYShell {
			t.Errorf("step %d: TTYStateOf(%d) = %v while its line reads; want shell", i, tty, m.TTYStateOf(tty))
		}
	}
}

// aliceOn2 is a machine with alice logged in on tty2.
func aliceOn2(t *testing.T) *sim.Machine {
	t.Helper()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	login(t, m, 2, "alice")
	return m
}

// TestKeyboardOnTTY2: a line typed in alice's shell on tty2 stops to
// read tty2's keyboard as tty1's does; Ctrl-C and Ctrl-D reach it there.
func TestKeyboardOnTTY2(t *testing.T) {
	t.Parallel()
	const (
		changing = "Changing password for user alice.\nChanging password for alice.\n(current) UNIX password: "
		manip    = "\npasswd: Authentication token manipulation error\n"
	)
	cases := map[string][]step{
		"rm -i answered yes": {
			{a: vtType(2, "touch a; rm -i a"), want: "rm: remove regular empty file `a'? ", reading: true},
			{a: vtType(2, "y")},
			{a: vtType(2, "ls a"), want: "ls: a: No such file or directory\n", status: 2},
		},
		"rm -i answered no": {
			{a: vtType(2, "touch a; rm -i a; echo st=$?"), want: "rm: remove regular empty file `a'? ", reading: true},
			{a: vtType(2, "n"), want: "st=0\n"},
			{a: vtType(2, "ls a"), want: "a\n"},
		},
		"read splits on IFS": {
			{a: vtType(2, "read a b"), reading: true},
			{a: vtType(2, "one two  three")},
			{a: vtType(2, `echo "[$a][$b]"`), want: "[one][two  three]\n"},
		},
		"read at end of input fails": {
			{a: vtType(2, "read a; echo st=$? a=$a"), reading: true},
			{a: on(2, sim.Action{Kind: sim.EndOfInput}), want: "st=1 a=\n"},
		},
		"read -s does not echo": {
			{a: vtType(2, "read -s -p 'Password: ' pw; echo; echo ${#pw}"), reading: true, noEcho: true},
			{a: vtType(2, "hunter2"), want: "\n7\n"},
		},
		"cat reads until Ctrl-D": {
			{a: vtType(2, "cat > notes"), reading: true},
			{a: vtType(2, "hello"), reading: true},
			{a: on(2, sim.Action{Kind: sim.EndOfInput})},
			{a: vtType(2, "cat notes; stat -c %U notes"), want: "hello\nalice\n"},
		},
		"Ctrl-C stops the reader": {
			{a: vtType(2, "cat; echo after"), reading: true},
			{a: on(2, sim.Action{Kind: sim.Interrupt}), want: "^C\n", status: 130},
			{a: vtType(2, "echo $?"), want: "130\n"},
		},
		"Ctrl-C at the prompt": {
			{a: vtType(2, "for i in 1 2")},
			{a: on(2, sim.Action{Kind: sim.Interrupt}), want: "^C\n"},
			{a: vtType(2, "echo ok"), want: "ok\n"},
		},
		"each console reads its own keyboard": {
			{a: vtType(2, "read x; echo tty2 got $x"), reading: true},
			{a: kbType("read y; echo tty1 got $y"), reading: true},
			{a: vtType(2, "two"), want: "tty2 got two\n"},
			{a: kbType("one"), want: "tty1 got one\n"},
		},
		"su asks for root's password": {
			{a: vtType(2, "su -c 'id -un'"), want: "Password: ", reading: true, noEcho: true},
			{a: vtType(2, "rclab"), want: "\nroot\n"},
		},
		"passwd as alice": {
			{a: vtType(2, "passwd"), want: changing, reading: true, noEcho: true},
			{a: vtType(2, "rclab"), want: "\nNew UNIX password: ", reading: true, noEcho: true},
			{a: vtType(2, "Tr1ckyOne"), want: "\nRetype new UNIX password: ", reading: true, noEcho: true},
			{a: vtType(2, "Tr1ckyOne"), want: "\npasswd: all authentication tokens updated successfully.\n"},
		},
		"passwd: a wrong current password": {
			{a: vtType(2, "passwd"), want: changing, reading: true, noEcho: true},
			{a: vtType(2, "guess"), want: manip, status: 1},
		},
		"passwd: a user's new password must be good": {
			{a: vtType(2, "passwd"), want: changing, reading: true, noEcho: true},
			{a: vtType(2, "rclab"), want: "\nNew UNIX password: ", reading: true, noEcho: true},
			{a: vtType(2, "abc"), want: "\nBAD PASSWORD: it is too short\nNew UNIX password: ", reading: true, noEcho: true},
			{a: vtType(2, "rclab"), want: "\nPassword unchanged\nNew UNIX password: ", reading: true, noEcho: true},
			{a: vtType(2, "xy"), want: "\nBAD PASSWORD: it is too short" + manip, status: 1},
		},
		"passwd: Ctrl-D at the current password": {
			{a: vtType(2, "passwd"), want: changing, reading: true, noEcho: true},
			{a: on(2, sim.Action{Kind: sim.EndOfInput}), want: manip, status: 1},
		},
		"passwd: only root names a user": {
			{a: vtType(2, "passwd bob"), want: "passwd: Only root can specify a user name.\n", status: 253},
			{a: vtType(2, "passwd alice"), want: "passwd: Only root can specify a user name.\n", status: 253},
			{a: vtType(2, "passwd -l"), want: "Only root can do that.\n", status: 254},
			{a: vtType(2, "echo x | passwd --stdin"), want: "Only root can do that.\n", status: 254},
		},
	}
	for name, steps := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runStepsOn(t, aliceOn2(t), steps)
		})
	}
}

// TestPasswdAsAliceLogsInOnTTY3: the password alice sets on tty2 is the
// one login takes on tty3; the old one no longer is.
func TestPasswdAsAliceLogsInOnTTY3(t *testing.T) {
	t.Parallel()
	m := aliceOn2(t)
	for _, line := range []string{"passwd", "rclab", "N3wSecret", "N3wSecret"} {
		apply(t, m, vtType(2, line))
	}
	if r := apply(t, m, kbType("grep -c '^alice:\\$1\\$' /etc/shadow; stat -c '%a %U' /etc/shadow")); r.Output != "1\n400 root\n" {
		t.Errorf("/etc/shadow after alice's passwd: %q; want her MD5 hash, 400 root", r.Output)
	}
	steps := []struct {
		line  string
		state sim.TTYState
	}{
		{"alice", sim.TTYPassword}, {"rclab", sim.TTYLogin},
		{"alice", sim.TTYPassword}, {"N3wSecret", sim.TTYShell},
	}
	for _, s := range steps {
		r := apply(t, m, vtType(3, s.line))
		if got := m.TTYStateOf(3); got != s.state {
			t.Errorf("tty3 %q: state %v (output %q); want %v", s.line, got, r.Output, s.state)
		}
	}
	if r := apply(t, m, vtType(3, "id -un")); r.Output != "alice\n" {
		t.Errorf("tty3 id -un = %q; want alice", r.Output)
	}
}

// TestTTYLineEndsWithItsSession: a line of tty2 that waits for the
// keyboard is aborted when its session ends, whatever ends it.
func TestTTYLineEndsWithItsSession(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		end   sim.Action
		state sim.TTYState
	}{
		{"its shell is killed", kbType("pkill -KILL -t tty2"), sim.TTYLogin},
		{"single user mode", kbType("init 1"), sim.TTYOff},
		{"a reboot", kbType("reboot"), sim.TTYLogin},
		{"a halt", kbType("halt"), sim.TTYOff},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := aliceOn2(t)
			if r := apply(t, m, vtType(2, "cat; touch /tmp/ran-on")); !r.Reading {
				t.Fatalf("cat on tty2 does not read: %+v", r)
			}
			apply(t, m, tc.end)
			if reading, _ := m.ReadingOn(2); reading {
				t.Errorf("after %s, tty2's line still reads", tc.end.Line)
			}
			if got := m.TTYStateOf(2); got != tc.state {
				t.Errorf("after %s, TTYStateOf(2) = %v; want %v", tc.end.Line, got, tc.state)
			}
			if _, err := m.ReadFile("/tmp/ran-on"); err == nil {
				t.Errorf("after %s, the rest of tty2's line ran", tc.end.Line)
			}
			for _, p := range m.Processes() {
				if p.Comm == "cat" {
					t.Errorf("after %s, tty2's cat still runs: %+v", tc.end.Line, p)
				}
			}
			if m.Down() != "" {
				return
			}
			if _, err := m.Apply(on(2, sim.Action{Kind: sim.EndOfInput})); err == nil {
				t.Errorf("after %s, Ctrl-D on tty2 is taken", tc.end.Line)
			}
		})
	}
}

// TestTTYCtrlCAtLogin: Ctrl-C at mingetty's prompt brings a fresh getty
// (SIGINT kills it; init respawns it); login ignores it.
func TestTTYCtrlCAtLogin(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	m.TakeOutput(2)
	getty := func() string {
		return apply(t, m, kbType("ps -o pid= -t tty2")).Output
	}
	before := getty()
	ctrlC := on(2, sim.Action{Kind: sim.Interrupt})
	if r := apply(t, m, ctrlC); r.Output != "^C\n"+banner {
		t.Errorf("Ctrl-C at mingetty's prompt shows %q; want ^C and a new banner", r.Output)
	}
	if after := getty(); after == before {
		t.Errorf("the getty of tty2 is still pid %s after Ctrl-C", strings.TrimSpace(after))
	}
	steps := []struct {
		a      sim.Action
		want   string
		prompt string
	}{
		{vtType(2, "alice"), "", "Password: "},
		{ctrlC, "", "Password: "},
		{vtType(2, "nope"), "Login incorrect\n\n", "login: "},
		{ctrlC, "^C\n", "login: "},
		{vtType(2, "alice"), "", "Password: "},
		{vtType(2, "rclab"), "", "[alice@lab1 ~]$ "},
	}
	for i, s := range steps {
		r := apply(t, m, s.a)
		if r.Output != s.want || m.PromptOn(2) != s.prompt {
			t.Errorf("step %d %s %q = %q, prompt %q; want %q, prompt %q", i, s.a.Kind, s.a.Line, r.Output, m.PromptOn(2), s.want, s.prompt)
		}
	}
	if _, err := m.Apply(on(3, sim.Action{Kind: sim.EndOfInput})); err == nil {
		t.Error("Ctrl-D at tty3's login prompt is taken")
	}
}

// TestTTYReadingClone: a clone of a machine whose tty2 waits for the
// keyboard has tty2 at its prompt; the original still reads.
func TestTTYReadingClone(t *testing.T) {
	t.Parallel()
	m := aliceOn2(t)
	apply(t, m, vtType(2, "read x; echo got $x"))
	c, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	if reading, _ := c.ReadingOn(2); reading || c.PromptOn(2) != "[alice@lab1 ~]$ " {
		t.Errorf("the clone's tty2: reading %v, prompt %q; want alice's prompt", reading, c.PromptOn(2))
	}
	if got := apply(t, c, vtType(2, "echo clone")).Output; got != "clone\n" {
		t.Errorf("the clone's tty2 runs %q", got)
	}
	if r := apply(t, c, vtType(2, "read y; echo c=$y")); !r.Reading {
		t.Errorf("read on the clone's tty2 does not read: %+v", r)
	}
	if got := apply(t, c, vtType(2, "yes")).Output; got != "c=yes\n" {
		t.Errorf("the clone's tty2 reads %q", got)
	}
	if got := apply(t, m, vtType(2, "original")).Output; got != "got original\n" {
		t.Errorf("the original's tty2 gives %q", got)
	}
}
