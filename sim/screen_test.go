package sim_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rclab/sim"
)

func typed(t *testing.T, m *sim.Machine, line string) sim.Result {
	t.Helper()
	return apply(t, m, sim.Action{Kind: sim.Type, Line: line})
}

func screensMachine(t *testing.T) *sim.Machine {
	t.Helper()
	m, err := sim.New(sim.WithScreens(true))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWithoutScreensProgramsPrint(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
		status   int
	}{
		{in: "less /etc/issue", want: "CentOS release 5.11 (Final)\nKernel \\r on an \\m\n\n"},
		{in: "vi /etc/inittab", want: "Vim: Warning: Output is not to a terminal\nVim: Error reading input, exiting...\nVim: Finished.\n", status: 1},
		{in: "ntsysv", want: "rclab: ntsysv needs the full-screen console of the rclab app; nothing was changed.\n" +
			"Use chkconfig --level LEVELS NAME on|off to do the same here.\n", status: 1},
	}
	for _, tt := range tests {
		r := typed(t, m, tt.in)
		if r.Output != tt.want || r.Status != tt.status || r.Screen != nil {
			t.Errorf("%s = %q, %d, screen %v; want %q, %d, none", tt.in, r.Output, r.Status, r.Screen, tt.want, tt.status)
		}
	}
	if r := typed(t, m, "top | head -1"); !strings.HasPrefix(r.Output, "top - 09:00") {
		t.Errorf("top | head -1 = %q; want its first line", r.Output)
	}
}

func TestScreenRequests(t *testing.T) {
	t.Parallel()
	m := screensMachine(t)
	tests := []struct {
		in      string
		program string
		check   func(s *sim.Screen) string // "" when fine
		output  string
		// next is the program the rest of the line opens once the first
		// ends, after what the rest prints once every program ended.
		next, after string
	}{
		{in: "ntsysv", program: "ntsysv", check: func(s *sim.Screen) string {
			if s.Levels != "5" || s.Title != "ntsysv 1.3.30.2 - (C) 2000-2001 Red Hat, Inc. " || len(s.Entries) == 0 {
				return "want levels 5, the title and entries"
			}
			for _, e := range s.Entries {
				if e.Name == "sshd" && (!e.On || e.Xinetd || e.Desc == "") || e.Name == "httpd" && e.On || e.Name == "telnet" && (e.On || !e.Xinetd) {
					return "wrong entry " + e.Name
				}
			}
			return ""
		}},
		{in: "cd /etc; vi +3 inittab", program: "vi", check: func(s *sim.Screen) string {
			if data, _ := m.ReadFile("/etc/inittab"); s.Path != "/etc/inittab" || s.Data != string(data) || !s.Exists || s.ReadOnly || s.Line != 3 {
				return "want /etc/inittab, its contents, line 3"
			}
			return ""
		}},
		{in: "vim /etc/shadow", program: "vim", check: func(s *sim.Screen) string {
			if !s.ReadOnly {
				return "want read-only (no write bit)"
			}
			return ""
		}},
		{in: "ls /etc/xinetd.d | less", program: "less", check: func(s *sim.Screen) string {
			if len(s.Pages) != 1 || s.Pages[0].Name != "" || !strings.Contains(s.Pages[0].Text, "telnet\n") {
				return "want the piped listing"
			}
			return ""
		}},
		{in: "man chkconfig", program: "man", check: func(s *sim.Screen) string {
			if len(s.Pages) != 1 || !strings.HasPrefix(s.Pages[0].Text, "CHKCONFIG(8)") || !s.IgnoreCase {
				return "want the rendered page, less -i"
			}
			return ""
		}},
		{in: "top -d 2", program: "top", check: func(s *sim.Screen) string {
			if s.Delay != 2*time.Second || s.PID == 0 {
				return "want a 2 s delay and top's pid"
			}
			return ""
		}},
		{in: "echo before; less /etc/issue; echo after", program: "less", output: "before\n", after: "after\n"},
		{in: "less /etc/issue > /dev/null"},
		{in: "vi a; vi b", program: "vi", next: "vi",
			check: func(s *sim.Screen) string {
				if s.Path != "/etc/a" {
					return "want the first vi's file"
				}
				return ""
			}},
		{in: "less /etc/issue /nonexistent; echo $?", program: "less", output: "/nonexistent: No such file or directory\n", after: "1\n"},
	}
	for _, tt := range tests {
		r := typed(t, m, tt.in)
		if r.Output != tt.output {
			t.Errorf("%s printed %q; want %q", tt.in, r.Output, tt.output)
		}
		switch {
		case tt.program == "" && r.Screen != nil:
			t.Errorf("%s opened %s; want no screen", tt.in, r.Screen.Program)
		case tt.program == "":
		case r.Screen == nil:
			t.Errorf("%s opened no screen; want %s", tt.in, tt.program)
		case r.Screen.Program != tt.program:
			t.Errorf("%s opened %s; want %s", tt.in, r.Screen.Program, tt.program)
		case tt.check != nil:
			if msg := tt.check(r.Screen); msg != "" {
				t.Errorf("%s: %s; got %+v", tt.in, msg, *r.Screen)
			}
		}
		if r.Screen == nil {
			continue
		}
		// The line waits while the program is on the screen.
		if m.Prompt() != "" {
			t.Errorf("%s: prompt %q while %s is open; want none", tt.in, m.Prompt(), r.Screen.Program)
		}
		r = apply(t, m, sim.Action{Kind: sim.Quit, Program: r.Screen.Program, Status: r.Screen.Status})
		if tt.next != "" {
			if r.Screen == nil || r.Screen.Program != tt.next {
				t.Fatalf("%s: after the first program ended, screen %v; want %s", tt.in, r.Screen, tt.next)
			}
			r = apply(t, m, sim.Action{Kind: sim.Quit, Program: r.Screen.Program})
		}
		if r.Screen != nil || r.Output != tt.after {
			t.Errorf("%s: after the program ended = %q, screen %v; want %q, none", tt.in, r.Output, r.Screen, tt.after)
		}
	}
	c, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	if r := typed(t, c, "less /etc/issue"); r.Screen == nil {
		t.Errorf("a clone of a machine with screens opened no screen")
	}
	if r := typed(t, m, "vi x; exit"); r.Screen == nil || r.LoggedOut {
		t.Errorf("vi x; exit = screen %v, logged out %v; want vi first", r.Screen, r.LoggedOut)
	}
	if r := apply(t, m, sim.Action{Kind: sim.Quit, Program: "vi"}); r.Screen != nil || !r.LoggedOut {
		t.Errorf("vi x; exit after vi = screen %v, logged out %v; want the logout", r.Screen, r.LoggedOut)
	}
}

// TestScreenWaits checks that the rest of a line runs after its
// full-screen program ended: what an editor saved, its exit status.
func TestScreenWaits(t *testing.T) {
	t.Parallel()
	m := screensMachine(t)
	r := typed(t, m, "vi /root/notes && cat /root/notes; echo status $?")
	if r.Screen == nil || r.Screen.Program != "vi" || r.Output != "" {
		t.Fatalf("vi … && cat = %q, screen %v; want vi's screen first", r.Output, r.Screen)
	}
	apply(t, m, sim.Action{Kind: sim.Save, Path: "/root/notes", Data: "saved in vi\n", Program: "vi"})
	r = apply(t, m, sim.Action{Kind: sim.Quit, Program: "vi"})
	if want := "saved in vi\nstatus 0\n"; r.Output != want || r.Status != 0 {
		t.Errorf("after vi's :wq the line printed %q, status %d; want %q, 0", r.Output, r.Status, want)
	}
	// :cq ends vi with 1: && stops there.
	typed(t, m, "vi /root/notes && echo edited")
	if r := apply(t, m, sim.Action{Kind: sim.Quit, Program: "vi", Status: 1}); r.Output != "" || r.Status != 1 {
		t.Errorf("after vi's :cq = %q, %d; want nothing, 1", r.Output, r.Status)
	}
	// ntsysv's Ok ends it with 0.
	typed(t, m, "ntsysv --level 3; echo ntsysv $?")
	if r := apply(t, m, sim.Action{Kind: sim.Ntsysv, Levels: "3", On: []string{"sshd"}}); r.Output != "ntsysv 0\n" {
		t.Errorf("after ntsysv's Ok = %q; want the rest of the line", r.Output)
	}
	// A line typed while a program is open (a record made before
	// programs waited) ends it first.
	typed(t, m, "less /etc/issue; echo after less")
	if r := typed(t, m, "echo next"); r.Output != "after less\nnext\n" || r.Screen != nil {
		t.Errorf("a line typed while less is open = %q, screen %v; want the rest of less's line, then it", r.Output, r.Screen)
	}
	if m.Prompt() == "" {
		t.Errorf("no prompt after the lines ended")
	}
}

func TestSaveAction(t *testing.T) {
	t.Parallel()
	m := screensMachine(t)
	tests := []struct {
		path, data string
		status     int
		output     string
		mode       string // stat -c %a afterwards, "" to skip
	}{
		{path: "/root/new.txt", data: "hello\n", mode: "644"},
		{path: "/etc/rc.d/init.d/sshd", data: "#!/bin/bash\n", mode: "755"},
		{path: "/etc/shadow", data: "root::0:0:99999:7:::\n", mode: "400"},
		{path: "/nowhere/file", status: 1, output: "No such file or directory"},
		{path: "/etc", status: 1, output: "Is a directory"},
		{path: "/etc/issue/x", status: 1, output: "Not a directory"},
	}
	for _, tt := range tests {
		r := apply(t, m, sim.Action{Kind: sim.Save, Path: tt.path, Data: tt.data, Program: "vi"})
		if r.Status != tt.status || r.Output != tt.output {
			t.Errorf("Save %s = %d, %q; want %d, %q", tt.path, r.Status, r.Output, tt.status, tt.output)
		}
		if tt.mode == "" {
			continue
		}
		if got, _ := m.ReadFile(tt.path); string(got) != tt.data {
			t.Errorf("after Save %s it holds %q; want %q", tt.path, got, tt.data)
		}
		if got := typed(t, m, "stat -c %a "+tt.path).Output; got != tt.mode+"\n" {
			t.Errorf("after Save %s its mode is %q; want %s", tt.path, got, tt.mode)
		}
	}
	typed(t, m, "umask 077")
	apply(t, m, sim.Action{Kind: sim.Save, Path: "/root/private", Data: "x", Program: "nano"})
	if got := typed(t, m, "stat -c %a /root/private").Output; got != "600\n" {
		t.Errorf("a file saved under umask 077 has mode %q; want 600", got)
	}
	if _, err := m.Apply(sim.Action{Kind: sim.Save, Path: "relative", Program: "vi"}); err == nil {
		t.Errorf("Save of a relative path: no error")
	}
}

func TestNtsysvAction(t *testing.T) {
	t.Parallel()
	m := screensMachine(t)
	typed(t, m, "mv /etc/rc.d/rc5.d/S55sshd /etc/rc.d/rc5.d/S20sshd; mv /etc/rc.d/rc3.d/S55sshd /etc/rc.d/rc3.d/S21sshd")
	r := typed(t, m, "ntsysv --level 5")
	if r.Screen == nil {
		t.Fatal("ntsysv opened no screen")
	}
	telnet, _ := m.ReadFile("/etc/xinetd.d/telnet")
	xinetd, _ := m.Daemon("xinetd")
	// untick cups, tick httpd and rsync, leave the rest
	var on []string
	for _, e := range r.Screen.Entries {
		if e.On && e.Name != "cups" || e.Name == "httpd" || e.Name == "rsync" {
			on = append(on, e.Name)
		}
	}
	r = apply(t, m, sim.Action{Kind: sim.Ntsysv, Levels: r.Screen.Levels, On: on})
	if r.Status != 0 || r.Output != "" {
		t.Errorf("Ntsysv = %d, %q; want 0, nothing", r.Status, r.Output)
	}
	want := "cups           \t0:off\t1:off\t2:on\t3:on\t4:on\t5:off\t6:off\n" +
		"httpd          \t0:off\t1:off\t2:off\t3:off\t4:off\t5:on\t6:off\n" +
		"rsync          \ton\n" +
		"telnet         \toff\n"
	if got := typed(t, m, "chkconfig --list cups; chkconfig --list httpd; chkconfig --list rsync; chkconfig --list telnet").Output; got != want {
		t.Errorf("after ntsysv:\n%s\nwant:\n%s", got, want)
	}
	if got := typed(t, m, "ls /etc/rc.d/rc5.d | grep sshd; ls /etc/rc.d/rc3.d | grep sshd").Output; got != "S55sshd\nS21sshd\n" {
		t.Errorf("sshd's links in 5 and 3 = %q; want the edited level relinked with the header's priority, 3 untouched", got)
	}
	if now, _ := m.ReadFile("/etc/xinetd.d/telnet"); string(now) != string(telnet) {
		t.Errorf("telnet's file was rewritten though its box did not change")
	}
	if now, _ := m.Daemon("xinetd"); now.Generation != xinetd.Generation {
		t.Errorf("xinetd reloaded (generation %d → %d); ntsysv does not reload it", xinetd.Generation, now.Generation)
	}
	if _, err := m.Apply(sim.Action{Kind: sim.Ntsysv, Levels: "5", On: []string{"nosuch"}}); err == nil {
		t.Errorf("Ntsysv with an unknown name: no error")
	}
	if _, err := m.Apply(sim.Action{Kind: sim.Ntsysv, Levels: "9"}); err == nil {
		t.Errorf("Ntsysv with level 9: no error")
	}
}

func TestActionJSON(t *testing.T) {
	t.Parallel()
	for _, a := range []sim.Action{
		{Kind: sim.Save, Path: "/etc/inittab", Data: "id:3:initdefault:\n", Program: "vi"},
		{Kind: sim.Ntsysv, Levels: "35", On: []string{"crond", "sshd"}, Hide: true},
		{Kind: sim.Ntsysv, Levels: "5"},
	} {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back sim.Action
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, back); diff != "" {
			t.Errorf("%s round trip differs (-want +got):\n%s", b, diff)
		}
	}
	b, _ := json.Marshal(sim.Action{Kind: sim.Save, Path: "/x", Data: "y", Program: "nano"})
	if want := `{"kind":"save","path":"/x","data":"y","program":"nano"}`; string(b) != want {
		t.Errorf("Save as JSON = %s; want %s", b, want)
	}
}

func TestTopFrame(t *testing.T) {
	t.Parallel()
	m := screensMachine(t)
	r := typed(t, m, "top -c")
	if r.Screen == nil {
		t.Fatal("top opened no screen")
	}
	before := typed(t, m, "ps -e | wc -l").Output
	frame := m.TopFrame(r.Screen, 100, 20)
	lines := strings.Split(frame, "\n")
	if len(lines) > 20 {
		t.Errorf("TopFrame(100×20) has %d lines; want at most 20", len(lines))
	}
	if !strings.HasPrefix(lines[0], "top - 09:00") || !strings.HasPrefix(lines[1], "Tasks:") {
		t.Errorf("TopFrame starts %q, %q; want top's summary", lines[0], lines[1])
	}
	if h := lines[6]; len(h) != 100 || !strings.HasPrefix(h, "  PID USER      PR  NI") {
		t.Errorf("TopFrame's header = %q (%d cells); want the column names padded to 100", h, len(h))
	}
	self := false
	for _, l := range lines[7:] {
		if len(l) > 100 {
			t.Errorf("TopFrame line %q is wider than 100", l)
		}
		f := strings.Fields(l)
		self = self || len(f) > 0 && f[0] == itoa(r.Screen.PID) && strings.HasSuffix(l, " top -c")
	}
	if !self {
		t.Errorf("TopFrame does not list top (pid %d, -c shows its command line):\n%s", r.Screen.PID, frame)
	}
	if after := typed(t, m, "ps -e | wc -l").Output; after != before {
		t.Errorf("TopFrame changed the process table: %s → %s", before, after)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
