package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// step is one action of a keyboard session and what it must show.
type step struct {
	a       sim.Action
	want    string // the output
	status  int    // checked when the line has ended
	reading bool
	noEcho  bool
}

func kbType(line string) sim.Action { return sim.Action{Kind: sim.Type, Line: line} }

func runSteps(t *testing.T, m *sim.Machine, steps []step) {
	t.Helper()
	for i, s := range steps {
		r := apply(t, m, s.a)
		if r.Output != s.want || r.Reading != s.reading || r.NoEcho != s.noEcho || !r.Reading && r.Status != s.status {
			t.Errorf("step %d %s %q = %q, status %d, reading %v, noEcho %v; want %q, status %d, reading %v, noEcho %v",
				i, s.a.Kind, s.a.Line, r.Output, r.Status, r.Reading, r.NoEcho, s.want, s.status, s.reading, s.noEcho)
		}
		if got := m.Prompt(); r.Reading != (got == "") {
			t.Errorf("step %d: prompt %q while reading is %v", i, got, r.Reading)
		}
	}
}

// TestKeyboard: a line can stop to read the keyboard; the next typed line
// is the program's input, Ctrl-D ends it and Ctrl-C stops the program.
func TestKeyboard(t *testing.T) {
	t.Parallel()
	cases := map[string][]step{
		"rm -i answered yes": {
			{a: kbType("touch /tmp/a; rm -i /tmp/a"), want: "rm: remove regular empty file `/tmp/a'? ", reading: true},
			{a: kbType("y")},
			{a: kbType("ls /tmp/a"), want: "ls: /tmp/a: No such file or directory\n", status: 2},
		},
		"rm -i answered no": {
			{a: kbType("touch /tmp/a; rm -i /tmp/a; echo st=$?"), want: "rm: remove regular empty file `/tmp/a'? ", reading: true},
			{a: kbType("n"), want: "st=0\n"},
			{a: kbType("ls /tmp/a"), want: "/tmp/a\n"},
		},
		"cp -i overwrite": {
			{a: kbType("echo 1 > /tmp/x; echo 2 > /tmp/y; cp -i /tmp/x /tmp/y"), want: "cp: overwrite `/tmp/y'? ", reading: true},
			{a: kbType("yes")},
			{a: kbType("cat /tmp/y"), want: "1\n"},
		},
		"read splits on IFS": {
			{a: kbType("read a b"), reading: true},
			{a: kbType("one two  three")},
			{a: kbType(`echo "[$a][$b]"`), want: "[one][two  three]\n"},
		},
		"read at end of input fails": {
			{a: kbType("read a; echo st=$? a=$a"), reading: true},
			{a: sim.Action{Kind: sim.EndOfInput}, want: "st=1 a=\n"},
		},
		"read -s does not echo": {
			{a: kbType("read -s -p 'Password: ' pw; echo; echo ${#pw}"), reading: true, noEcho: true},
			{a: kbType("hunter2"), want: "\n7\n"},
		},
		"cat reads until Ctrl-D": {
			{a: kbType("cat"), reading: true},
			{a: kbType("hello"), want: "hello\n", reading: true},
			{a: sim.Action{Kind: sim.EndOfInput}},
		},
		"Ctrl-C stops the reader": {
			{a: kbType("cat; echo after"), reading: true},
			{a: sim.Action{Kind: sim.Interrupt}, want: "^C\n", status: 130},
			{a: kbType("echo $?"), want: "130\n"},
		},
		"Ctrl-C at the prompt": {
			{a: kbType("if true"), want: ""},
			{a: sim.Action{Kind: sim.Interrupt}, want: "^C\n"},
			{a: kbType("echo ok"), want: "ok\n"},
		},
		"passwd asks twice without echo": {
			{a: kbType("passwd"), want: "Changing password for user root.\nNew UNIX password: ", reading: true, noEcho: true},
			{a: kbType("s3cret!!"), want: "\nRetype new UNIX password: ", reading: true, noEcho: true},
			{a: kbType("s3cret!!"), want: "\npasswd: all authentication tokens updated successfully.\n"},
		},
		"a redirected or piped read does not wait": {
			{a: kbType("echo piped | { read v; echo $v; }; read w < /etc/redhat-release; echo $w"), want: "piped\nCentOS release 5.11 (Final)\n"},
		},
		"a script's read reads the keyboard": {
			{a: kbType("printf 'read -p \"go? \" ans\\necho got $ans\\n' > /tmp/s.sh; bash /tmp/s.sh"), reading: true},
			{a: kbType("yes"), want: "got yes\n"},
		},
	}
	runCases(t, cases)
}

// TestKeyboardErrors: Ctrl-D with nothing reading is refused (at the
// prompt it is the exit command), and there is no tty7.
func TestKeyboardErrors(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Apply(sim.Action{Kind: sim.EndOfInput}); err == nil {
		t.Error("EndOfInput at the prompt: no error")
	}
	if _, err := m.Apply(sim.Action{Kind: sim.Interrupt, TTY: 7}); err == nil {
		t.Error("Interrupt on tty7: no error")
	}
}

// TestKeyboardWaitIsSafe: a machine whose line waits for the keyboard can
// be cloned (the clone is at its prompt), rebooted by a timer, and gives
// the same output every time.
func TestKeyboardWaitIsSafe(t *testing.T) {
	t.Parallel()
	run := func() string {
		m, err := sim.New(sim.WithTerminal(false))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, a := range []sim.Action{kbType("shutdown -r +1 >/dev/null 2>&1 &"), kbType("read x")} {
			b.WriteString(apply(t, m, a).Output)
		}
		c, err := m.Clone()
		if err != nil {
			t.Fatal(err)
		}
		if got := apply(t, c, kbType("echo clone")).Output; got != "clone\n" {
			t.Errorf("clone of a reading machine: %q", got)
		}
		r := apply(t, m, sim.Action{Kind: sim.Wait, For: 2 * 60e9})
		b.WriteString(r.Output)
		if r.Reading {
			t.Errorf("still reading after the reboot")
		}
		b.WriteString(apply(t, m, kbType("runlevel")).Output)
		return b.String()
	}
	a, b := run(), run()
	if a != b {
		t.Errorf("two runs differ:\n%s\n---\n%s", a, b)
	}
	if !strings.Contains(a, "N 5\n") {
		t.Errorf("no fresh boot after the timed reboot:\n%s", tail(a))
	}
}

// runCases runs each named session of steps on a fresh machine.
func runCases(t *testing.T, cases map[string][]step) {
	t.Helper()
	for name, steps := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, err := sim.New(sim.WithTerminal(false))
			if err != nil {
				t.Fatal(err)
			}
			runSteps(t, m, steps)
		})
	}
}
