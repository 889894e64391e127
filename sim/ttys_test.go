package sim_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"rclab/sim"
)

// banner is what mingetty shows on a fresh virtual console before its
// "lab1 login: " prompt.
const banner = "\nCentOS release 5.11 (Final)\nKernel 2.6.18-398.el5 on an i686\n\n"

// ttyStep is one line typed on a console and what it must show.
type ttyStep struct {
	tty    int
	line   string
	out    string // the exact output, unless contains is set
	has    []string
	prompt string // PromptOn(tty) afterwards
	state  sim.TTYState
	status int
}

func TestTTYLogins(t *testing.T) {
	t.Parallel()
	rootPrompt := "[root@lab1 ~]# "
	tests := []struct {
		name  string
		steps []ttyStep
	}{
		{"root logs in", []ttyStep{
			{tty: 2, line: "root", out: "", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 2, line: "rclab", has: []string{"Last login: Mon Oct  6 09:00:"}, prompt: rootPrompt, state: sim.TTYShell},
			{tty: 2, line: "tty; echo $HOME", out: "/dev/tty2\n/root\n", prompt: rootPrompt, state: sim.TTYShell},
		}},
		{"a wrong password", []ttyStep{
			{tty: 3, line: "root", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 3, line: "secret", out: "Login incorrect\n\n", prompt: "login: ", state: sim.TTYLogin},
			{tty: 3, line: "root", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 3, line: "rclab", has: []string{"Last login:"}, prompt: rootPrompt, state: sim.TTYShell},
		}},
		{"no such user", []ttyStep{
			{tty: 4, line: "mallory", out: "", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 4, line: "rclab", out: "Login incorrect\n\n", prompt: "login: ", state: sim.TTYLogin},
		}},
		{"a locked account", []ttyStep{
			{tty: 4, line: "student", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 4, line: "", out: "Login incorrect\n\n", prompt: "login: ", state: sim.TTYLogin},
		}},
		{"an empty name shows the banner again", []ttyStep{
			{tty: 5, line: "", out: banner, prompt: "lab1 login: ", state: sim.TTYLogin},
		}},
		{"an ordinary user", []ttyStep{
			{tty: 2, line: "alice", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 2, line: "rclab", out: "", prompt: "[alice@lab1 ~]$ ", state: sim.TTYShell},
			{tty: 2, line: "echo $USER $LOGNAME $UID; pwd", out: "alice alice 501\n/home/alice\n", prompt: "[alice@lab1 ~]$ ", state: sim.TTYShell},
			{tty: 2, line: "ps -o tty,user,cmd -p $$", out: "TT       USER     CMD\ntty2     alice    -bash\n", prompt: "[alice@lab1 ~]$ ", state: sim.TTYShell},
		}},
		{"logout brings mingetty back", []ttyStep{
			{tty: 6, line: "bob"},
			{tty: 6, line: "rclab", prompt: "[bob@lab1 ~]$ ", state: sim.TTYShell},
			{tty: 6, line: "for i in 1 2", out: "", prompt: "> ", state: sim.TTYShell},
			{tty: 6, line: "do echo $i; done", out: "1\n2\n", prompt: "[bob@lab1 ~]$ ", state: sim.TTYShell},
			{tty: 6, line: "exit", out: "logout\n" + banner, prompt: "lab1 login: ", state: sim.TTYLogin},
			{tty: 1, line: "who | grep -c tty6", out: "0\n", status: 1, prompt: rootPrompt, state: sim.TTYShell},
			{tty: 6, line: "bob", prompt: "Password: ", state: sim.TTYPassword},
			{tty: 6, line: "rclab", has: []string{"Last login: Mon Oct  6 09:00:", " on tty6\n"}, prompt: "[bob@lab1 ~]$ ", state: sim.TTYShell},
		}},
		{"root only where securetty says", []ttyStep{
			{tty: 1, line: "sed -i '/^tty4$/d' /etc/securetty", prompt: rootPrompt, state: sim.TTYShell},
			{tty: 4, line: "root"},
			{tty: 4, line: "rclab", out: "Login incorrect\n\n", prompt: "login: ", state: sim.TTYLogin},
			{tty: 4, line: "carol"},
			{tty: 4, line: "rclab", prompt: "[carol@lab1 ~]$ ", state: sim.TTYShell},
		}},
		{"login gives up after four tries", []ttyStep{
			{tty: 3, line: "bob"}, {tty: 3, line: "1", out: "Login incorrect\n\n"},
			{tty: 3, line: "bob"}, {tty: 3, line: "2", out: "Login incorrect\n\n"},
			{tty: 3, line: "bob"}, {tty: 3, line: "3", out: "Login incorrect\n\n"},
			{tty: 3, line: "bob"}, {tty: 3, line: "4", out: "\nLogin incorrect\n" + banner, prompt: "lab1 login: ", state: sim.TTYLogin},
			{tty: 1, line: "grep -c 'FAILED LOGIN .* FOR bob' /var/log/secure", out: "4\n", prompt: rootPrompt, state: sim.TTYShell},
		}},
		{"init 1 ends the sessions, init 3 brings the gettys back", []ttyStep{
			{tty: 2, line: "alice"}, {tty: 2, line: "rclab", state: sim.TTYShell, prompt: "[alice@lab1 ~]$ "},
			{tty: 1, line: "init 1", has: []string{"INIT: Going single user"}, prompt: "sh-3.2# ", state: sim.TTYShell},
			{tty: 2, line: "echo lost", out: "", prompt: "", state: sim.TTYOff},
			{tty: 1, line: "init 3", prompt: "", state: sim.TTYShell},
			// the banner of the new getty waited; Enter shows it again
			{tty: 2, line: "", out: banner + banner, prompt: "lab1 login: ", state: sim.TTYLogin},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := sim.New()
			if err != nil {
				t.Fatal(err)
			}
			for n := 2; n <= sim.TTYs; n++ {
				if got := m.TakeOutput(n); got != banner {
					t.Fatalf("TakeOutput(%d) after the boot = %q; want %q", n, got, banner)
				}
			}
			for i, s := range tc.steps {
				r := apply(t, m, sim.Action{Kind: sim.Type, TTY: s.tty, Line: s.line})
				switch {
				case s.has != nil:
					for _, want := range s.has {
						if !strings.Contains(r.Output, want) {
							t.Errorf("step %d: tty%d %q output = %q; want it to contain %q", i+1, s.tty, s.line, r.Output, want)
						}
					}
				case s.out != "" || s.prompt != "":
					if r.Output != s.out && !strings.HasPrefix(s.line, "init") && !strings.HasPrefix(s.line, "sed") {
						t.Errorf("step %d: tty%d %q output = %q; want %q", i+1, s.tty, s.line, r.Output, s.out)
					}
				}
				if r.Status != s.status {
					t.Errorf("step %d: tty%d %q status = %d; want %d", i+1, s.tty, s.line, r.Status, s.status)
				}
				if s.prompt == "" && s.state == sim.TTYOff {
					continue // an intermediate step: only its output counts
				}
				if s.prompt != "" || s.state == sim.TTYOff {
					if got := m.PromptOn(s.tty); got != s.prompt && !strings.HasPrefix(s.line, "init 3") {
						t.Errorf("step %d: PromptOn(%d) = %q; want %q", i+1, s.tty, got, s.prompt)
					}
				}
				if got := m.TTYStateOf(s.tty); got != s.state {
					t.Errorf("step %d: TTYStateOf(%d) = %v; want %v", i+1, s.tty, got, s.state)
				}
			}
		})
	}
}

// login logs user in on tty with the image's password.
func login(t *testing.T, m *sim.Machine, tty int, user string) {
	t.Helper()
	apply(t, m, sim.Action{Kind: sim.Type, TTY: tty, Line: user})
	apply(t, m, sim.Action{Kind: sim.Type, TTY: tty, Line: "rclab"})
	if got := m.TTYStateOf(tty); got != sim.TTYShell {
		t.Fatalf("%s did not log in on tty%d: state %v", user, tty, got)
	}
}

func TestTTYWhoLists(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	login(t, m, 2, "alice")
	login(t, m, 3, "bob")
	login(t, m, 4, "root")
	tests := []struct {
		tty        int
		line, want string
	}{
		{1, "who | awk '{print $1, $2}'", "root tty1\nalice tty2\nbob tty3\nroot tty4\n"},
		{2, "users", "alice bob root root\n"},
		{3, "w -h | awk '{print $1, $2, $8}'", "root tty1 -bash\nalice tty2 -bash\nbob tty3 w\nroot tty4 -bash\n"},
		{4, "last | head -4 | awk '{print $1, $2, $(NF-2), $(NF-1), $NF}'", "root tty4 still logged in\nbob tty3 still logged in\nalice tty2 still logged in\nroot tty1 still logged in\n"},
		{1, "ps -o tty= -C bash | sort | uniq | tr '\\n' ' '", "tty1 tty2 tty3 tty4 "},
		{1, "ps -o tty= -C mingetty | tr -d ' ' | tr '\\n' ' '", "tty5 tty6 "},
		{4, "who am i | cut -c1-21", "root     tty4        \n"},
	}
	for _, tc := range tests {
		r := apply(t, m, sim.Action{Kind: sim.Type, TTY: tc.tty, Line: tc.line})
		if r.Output != tc.want {
			t.Errorf("tty%d %s = %q; want %q", tc.tty, tc.line, r.Output, tc.want)
		}
	}
}

func TestTTYWallReachesEveryLogin(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	login(t, m, 2, "alice")
	login(t, m, 3, "root")
	for n := 1; n <= sim.TTYs; n++ {
		m.TakeOutput(n)
	}
	r := apply(t, m, sim.Action{Kind: sim.Type, TTY: 3, Line: "wall lunch break"})
	want := "Broadcast message from root (tty3)"
	if !strings.Contains(r.Output, want) || !strings.Contains(r.Output, "lunch break") {
		t.Errorf("wall on tty3 shows %q; want the message there too", r.Output)
	}
	for _, tc := range []struct {
		tty  int
		gets bool
	}{{1, true}, {2, true}, {4, false}, {5, false}} {
		got := m.TakeOutput(tc.tty)
		if has := strings.Contains(got, want) && strings.Contains(got, "lunch break"); has != tc.gets {
			t.Errorf("TakeOutput(%d) after wall = %q; want the message: %v", tc.tty, got, tc.gets)
		}
	}
	// What waits for tty1 comes first in its next result.
	apply(t, m, sim.Action{Kind: sim.Type, TTY: 2, Line: "wall from alice"})
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "echo next"}); !strings.HasPrefix(strings.TrimLeft(r.Output, "\a\r\n"), "Broadcast message from") ||
		!strings.Contains(r.Output, "(tty2)") || !strings.HasSuffix(r.Output, "from alice\r\nnext\n") {
		t.Errorf("tty1's next output = %q; want the waiting message, then its own", r.Output)
	}
	// A shutdown's warnings reach the consoles, and its end logs them out.
	apply(t, m, sim.Action{Kind: sim.Type, Line: `shutdown -r +2 "kernel update"`})
	if got := m.TakeOutput(2); !strings.Contains(got, "kernel update") || !strings.Contains(got, "The system is going DOWN for reboot in 2 minutes!") {
		t.Errorf("tty2 after shutdown -r +2 shows %q; want its warning", got)
	}
	apply(t, m, sim.Action{Kind: sim.Wait, For: 3 * time.Minute})
	if got := m.TakeOutput(2); !strings.Contains(got, "NOW!") || !strings.HasSuffix(got, banner) {
		t.Errorf("tty2 after the reboot shows %q; want the last warning, then a fresh getty", got)
	}
	if got := m.TTYStateOf(2); got != sim.TTYLogin {
		t.Errorf("TTYStateOf(2) after the reboot = %v; want login", got)
	}
}

func TestCloneKeepsLogins(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	login(t, m, 2, "alice")
	apply(t, m, sim.Action{Kind: sim.Type, TTY: 2, Line: "cd /tmp; greeting=hello"})
	apply(t, m, sim.Action{Kind: sim.Type, TTY: 3, Line: "bob"}) // at the password prompt
	c, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.PromptOn(2); got != "[alice@lab1 tmp]$ " {
		t.Errorf("clone's PromptOn(2) = %q; want alice's shell in /tmp", got)
	}
	if got := c.TTYStateOf(3); got != sim.TTYPassword {
		t.Errorf("clone's TTYStateOf(3) = %v; want password", got)
	}
	if r := apply(t, c, sim.Action{Kind: sim.Type, TTY: 2, Line: "echo $greeting; exit"}); r.Output != "hello\nlogout\n"+banner {
		t.Errorf("clone's tty2 echo; exit = %q; want hello and a logout", r.Output)
	}
	if r := apply(t, c, sim.Action{Kind: sim.Type, TTY: 3, Line: "rclab"}); c.TTYStateOf(3) != sim.TTYShell {
		t.Errorf("clone's tty3 password: %q, state %v; want bob's shell", r.Output, c.TTYStateOf(3))
	}
	if r := apply(t, m, sim.Action{Kind: sim.Type, Line: "who | awk '{print $1, $2}'"}); r.Output != "root tty1\nalice tty2\n" {
		t.Errorf("the original's who after the clone's logout = %q; want alice still there", r.Output)
	}
	if got := m.PromptOn(2); got != "[alice@lab1 tmp]$ " {
		t.Errorf("the original's PromptOn(2) = %q; want alice's shell", got)
	}
}

func TestTTYActionJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a    sim.Action
		want string
	}{
		{sim.Action{Kind: sim.Type, Line: "who"}, `{"kind":"type","line":"who"}`},
		{sim.Action{Kind: sim.Type, TTY: 1, Line: "who"}, `{"kind":"type","line":"who","tty":1}`},
		{sim.Action{Kind: sim.Type, TTY: 2, Line: "alice"}, `{"kind":"type","line":"alice","tty":2}`},
	}
	for _, tc := range tests {
		data, err := json.Marshal(tc.a)
		if err != nil || string(data) != tc.want {
			t.Errorf("json.Marshal(%+v) = %s, %v; want %s", tc.a, data, err, tc.want)
		}
		var back sim.Action
		if err := json.Unmarshal(data, &back); err != nil || back.TTY != tc.a.TTY || back.Line != tc.a.Line {
			t.Errorf("json.Unmarshal(%s) = %+v, %v; want %+v", data, back, err, tc.a)
		}
	}
}

func TestTTYErrors(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tty := range []int{-1, 7} {
		if _, err := m.Apply(sim.Action{Kind: sim.Type, TTY: tty, Line: "root"}); err == nil {
			t.Errorf("Apply on tty%d: no error", tty)
		}
		if got := m.PromptOn(tty); tty > 0 && got != "" {
			t.Errorf("PromptOn(%d) = %q; want none", tty, got)
		}
	}
	apply(t, m, sim.Action{Kind: sim.Type, Line: "halt"})
	if r := apply(t, m, sim.Action{Kind: sim.Type, TTY: 2, Line: "root"}); !r.Down {
		t.Errorf("typing on tty2 of a halted machine = %+v; want Down", r)
	}
	if got, st := m.PromptOn(2), m.TTYStateOf(2); got != "" || st != sim.TTYOff {
		t.Errorf("tty2 of a halted machine: prompt %q, state %v; want none, off", got, st)
	}
}
