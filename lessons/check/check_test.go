package check

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rclab/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func newMachine(t testing.TB, lines ...string) *sim.Machine {
	t.Helper()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	m.XinetdLoaded()
	for _, l := range lines {
		if _, err := m.Apply(sim.Action{Kind: sim.Type, Line: l}); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func mustParse(t testing.TB, src string) *Check {
	t.Helper()
	c, err := Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return c
}

// explainCases are checks evaluated on a machine prepared by setup; each
// is shown with its outcome in both languages. A case's setup runs on a
// copy of the lesson start, and the step starts after it.
var explainCases = []struct {
	setup []string // typed before the step starts
	step  []string // typed during the step
	check string
}{
	{check: `runlevel: {current: "3", previous: "5"}`},
	{step: []string{"telinit 3"}, check: `runlevel: {current: "3", previous: "5"}`},
	{check: `runlevel: {current: default}`},
	{check: `initdefault: {level: "3"}`},
	{setup: []string{"rm -f /etc/inittab"}, check: `initdefault: {level: "3"}`},
	{step: []string{"sed -i 's/^id:5:/id:3:/' /etc/inittab"}, check: `init_loaded: {initdefault: "3"}`},
	{check: `file: {path: /etc/init.d/httpd, mode: "0755", contains: '^# chkconfig: - 85 15'}`},
	{check: `file: {path: /etc/init.d/httpd, mode: "0700", lacks: '^# description'}`},
	{check: `file: {path: /etc/rc.d/rc3.d/K15httpd, link: ../init.d/httpd, type: link}`},
	{check: `file: {path: /etc/nosuch, exists: false}`},
	{check: `file: {path: ~/answers/x.txt}`},
	{step: []string{"echo '# added' >> /etc/inittab"}, check: `file_unchanged: {path: /etc/inittab, since: step}`},
	{step: []string{"chmod 644 /etc/init.d/crond"}, check: `file: {path: /etc/rc.d/rc3.d/S90crond, executable: true}`},
	{check: `rc_links: {service: httpd, levels: "3", links: [S85httpd], target: ../init.d/httpd}`},
	{check: `rc_links: {service: named, levels: "06", links: []}`},
	{step: []string{"chkconfig --level 35 named on"}, check: `rc_state: {service: named, on: "35", off: "01246"}`},
	{check: `rc_state: {service: nosuch, none: "0123456"}`},
	{step: []string{"chkconfig httpd on"}, check: `rc_unchanged: {service: httpd, levels: "0123456"}`},
	{check: `service_status: {service: httpd, status: 0}`},
	{check: `service_status: {service: crond, status: 3}`},
	{check: `lock: {service: crond, exists: false}`},
	{check: `xinetd: {service: telnet, enabled: true, loaded: true}`},
	{step: []string{"sed -i 's/disable.*/disable = no/' /etc/xinetd.d/telnet"}, check: `xinetd: {service: telnet, enabled: true, loaded: true}`},
	{check: `process: {name: httpd, min: 2}`},
	{check: `process: {name: sshd, count: 0}`},
	{check: `process: {name: crond, user: nobody, role: daemon}`},
	{step: []string{"service sshd restart"}, check: `pid_unchanged: {daemon: sshd, since: step}`},
	{setup: []string{"service httpd start"}, step: []string{"echo 'ServerName lab1.example.com' >> /etc/httpd/conf/httpd.conf"},
		check: `daemon_config: {daemon: httpd, contains: '^ServerName lab1'}`},
	{check: `listener: {port: 80, program: httpd}`},
	{check: `listener: {port: 22, program: xinetd}`},
	{step: []string{"shutdown -h +5 'Going down'"}, check: `shutdown_pending: {action: reboot, message: 'maintenance'}`},
	{check: `shutdown_pending: {}`},
	{step: []string{"wall hello there"}, check: `broadcast: {contains: postponed}`},
	{check: `broadcast: {contains: postponed}`},
	{step: []string{"ls /etc", "runlevel"}, check: `command: {matches: '^ps\b'}`},
	{setup: []string{"mkdir -p /root/answers", "echo 999 > /root/answers/a.txt"}, check: `answer: {file: ~/answers/a.txt, line: 1, equals: {master_pid: sshd}}`},
	{setup: []string{"mkdir -p /root/answers", "echo 4 > /root/answers/a.txt"}, check: `answer: {file: ~/answers/a.txt, line: 2, equals: {text: "6"}}`},
	{setup: []string{"mkdir -p /root/answers", "echo 900 > /root/answers/a.txt"}, check: `answer: {file: ~/answers/a.txt, equals: {rss_of: xinetd}, tolerance: 5%}`},
	{check: `answer: {file: ~/answers/a.txt, equals: {rc_order: {level: "3", kind: S, position: first}}}`},
	{check: `password: {user: root, is: "Rclab#2024"}`},
	{check: `after_reboot: {runlevel: {current: "3"}}`},
	{step: []string{"chkconfig httpd on"}, check: `after_reboot: {lock: {service: httpd, exists: false}}`},
	{check: `in_runlevel: {level: "1", check: {process: {name: sshd, count: 0}}}`},
	{check: `after: {run: [service crond stop], check: {lock: {service: crond}}}`},
	{check: "all:\n  - process: {name: sshd}\n  - lock: {service: httpd}\n  - runlevel: {current: \"5\"}"},
	{check: "any:\n  - lock: {service: httpd}\n  - listener: {port: 80}"},
	{check: `not: {process: {name: sshd}}`},
	{check: `rss_total: {all_daemons: true, max_kb: 20000}`},
	{setup: []string{"service httpd start"}, check: `rss_total: {of: [httpd, crond], max_kb: 60000}`},
	{check: `rc_level: {level: "4", on_exactly: [network, syslog, sshd, httpd, crond]}`},
	{step: []string{"chkconfig --level 2345 httpd on", "chkconfig --level 3 cups off"}, check: `rc_unchanged: {service: "*", levels: "35"}`},
	{step: []string{"chkconfig --level 4 httpd on"}, check: `rc_unchanged: {service: "*", levels: "35"}`},
	{step: []string{"shutdown -r 22:00 'Reboot for kernel update at 22:00' &"}, check: `shutdown_pending: {action: reboot, at: "22:00", message: 'kernel update'}`},
	{step: []string{"shutdown -r +30 'Reboot soon' &"}, check: `shutdown_pending: {action: reboot, at: "22:00"}`},
	{check: `boot_history: {single: true}`},
}

func TestExplanations(t *testing.T) {
	base := newMachine(t)
	var b strings.Builder
	for i, c := range explainCases {
		m, err := base.Clone()
		if err != nil {
			t.Fatal(err)
		}
		m.XinetdLoaded()
		for _, l := range c.setup {
			m.Apply(sim.Action{Kind: sim.Type, Line: l})
		}
		start, _ := m.Clone()
		j := &Journal{}
		for _, l := range c.step {
			a := sim.Action{Kind: sim.Type, Line: l}
			r, _ := m.Apply(a)
			j.Record(a, r)
		}
		ctx := &Ctx{Lesson: start, Step: start, Journal: j}
		o := mustParse(t, c.check).Eval(m, ctx)
		if p := NewPassEvaluator(ctx).Eval(mustParse(t, c.check), m); p.Pass != o.Pass {
			t.Errorf("case %d: pass-only Eval(%s).Pass = %v; want %v", i+1, c.check, p.Pass, o.Pass)
		}
		if p := NewPassEvaluator(ctx).AfterReboot(mustParse(t, c.check), m); p.Pass != NewEvaluator(ctx).AfterReboot(mustParse(t, c.check), m).Pass {
			t.Errorf("case %d: pass-only AfterReboot(%s).Pass = %v; want the same as NewEvaluator's", i+1, c.check, p.Pass)
		}
		fmt.Fprintf(&b, "### %d: %s\n", i+1, strings.ReplaceAll(c.check, "\n", "\n    "))
		if len(c.setup) > 0 {
			fmt.Fprintf(&b, "setup: %s\n", strings.Join(c.setup, "; "))
		}
		if len(c.step) > 0 {
			fmt.Fprintf(&b, "step: %s\n", strings.Join(c.step, "; "))
		}
		fmt.Fprintf(&b, "pass: %v\nen: %s\nko: %s\n\n", o.Pass, o.Explain(En), o.Explain(Ko))
		for _, l := range Langs {
			if o.Expected[l] == "" || o.Found[l] == "" {
				t.Errorf("case %d: no %s explanation: %+v", i+1, l, o)
			}
		}
	}
	golden(t, "explain.golden", b.String())
}

// errorCases are malformed checks; their messages are the golden file.
var errorCases = []string{
	`proces: {name: x}`,
	`process: {nmae: x}`,
	"process: {name: x}\nlock: {service: y}",
	`{}`,
	`- runlevel: {current: "3"}`,
	`runlevel: {current: 9}`,
	`runlevel: {}`,
	`rc_state: {service: httpd, on: "38"}`,
	`rc_state: {service: httpd, on: "35", off: "3"}`,
	`rc_links: {service: httpd, levels: "3", links: [S85named]}`,
	`file: {path: etc/passwd}`,
	`file: {path: /x, contains: '([a'}`,
	`file: {path: /x, mode: rwxr-xr-x}`,
	`file: {path: /x, exists: false, mode: "0644"}`,
	`file: {path: /x, exists: maybe}`,
	`process: {name: "a b"}`,
	`process: {name: x, count: 1, min: 2}`,
	`process: {name: x, role: master}`,
	`listener: {port: 99999}`,
	`listener: {port: eighty}`,
	`service_status: {service: httpd}`,
	`answer: {file: ~/a.txt, equals: 4}`,
	`answer: {file: ~/a.txt, equals: {text: "4", master_pid: sshd}}`,
	`answer: {file: ~/a.txt, equals: {text: "4"}, tolerance: five}`,
	`all: []`,
	`all: {process: {name: x}}`,
	`not: [process: {name: x}]`,
	`after_reboot: runlevel`,
	`in_runlevel: {level: "35", check: {runlevel: {current: "3"}}}`,
	`after: {run: [], check: {lock: {service: x}}}`,
	`shutdown_pending: {action: poweroff}`,
	`command: {matches: '('}`,
	`xinetd: {service: telnet}`,
	`runlevel: &a {current: "3"}`,
	`rss_total: {max_kb: 100}`,
	`rss_total: {of: [httpd], all_daemons: true, max_kb: 0}`,
	`rc_level: {level: "45", on_exactly: [sshd, sshd]}`,
	`rc_unchanged: {service: "ht*"}`,
	`boot_history: {}`,
	`shutdown_pending: {at: "10pm"}`,
	"runlevel: {current: \"3\"\n",
	"",
}

// goWords are signs of an error message that speaks of Go, not YAML.
var goWords = regexp.MustCompile(`\bGo\b|\bstruct\b|of type|\[\]|\bint\b|\bbool\b|\*[a-z]+\.|reflect`)

func TestErrors(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i, src := range errorCases {
		_, err := Parse("check.yaml", []byte(src))
		fmt.Fprintf(&b, "### %d: %s\n", i+1, strings.ReplaceAll(src, "\n", "\n    "))
		if err == nil {
			t.Errorf("Parse(%q) = nil error; want one", src)
			b.WriteString("(no error)\n\n")
			continue
		}
		if goWords.MatchString(err.Error()) {
			t.Errorf("Parse(%q): the error speaks of Go: %v", src, err)
		}
		fmt.Fprintf(&b, "%s\n\n", err)
	}
	golden(t, "errors.golden", b.String())
}

// TestEvalLeavesMachineAlone: checks that run commands or reboot work on
// copies.
func TestEvalLeavesMachineAlone(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	c := mustParse(t, "all:\n  - after_reboot: {runlevel: {current: \"5\"}}\n  - service_status: {service: httpd, status: 3}\n  - after: {run: [service sshd stop], check: {lock: {service: sshd, exists: false}}}\n  - in_runlevel: {level: \"3\", check: {runlevel: {current: \"3\"}}}")
	before := m.Now()
	if o := c.Eval(m, nil); !o.Pass {
		t.Errorf("Eval = %s; want pass", o.Explain(En))
	}
	if _, cur := m.Runlevel(); cur != '5' || !m.Now().Equal(before) {
		t.Errorf("after Eval: runlevel %c, clock moved %v; want the machine untouched", cur, m.Now().Sub(before))
	}
	if _, err := m.Stat("/var/lock/subsys/sshd"); err != nil {
		t.Errorf("after Eval: sshd's lock is gone: %v", err)
	}
}

func TestBroadcasts(t *testing.T) {
	t.Parallel()
	out := "\a\r\nBroadcast message from root (tty1) (Mon Oct  6 09:00:43 2014):\r\n\r\nhello there\r\n" +
		"\a\r\nBroadcast message from root (tty1) (Mon Oct  6 09:00:44 2014):\r\n\r\nLab closes\r\n\rThe system is going DOWN for reboot in 15 minutes!\r\n"
	got := Broadcasts(out)
	want := []string{"hello there", "Lab closes\nThe system is going DOWN for reboot in 15 minutes!"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Broadcasts() differs (-want +got):\n%s", diff)
	}
}

func TestFingerprint(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	a := Fingerprint(m)
	m.Apply(sim.Action{Kind: sim.Type, Line: "ps aux > /dev/null; ls /tmp; echo hi > /tmp/x"})
	if b := Fingerprint(m); a != b {
		t.Errorf("a command that changes nothing lasting changed the fingerprint")
	}
	m.Apply(sim.Action{Kind: sim.Type, Line: "chkconfig httpd on"})
	if b := Fingerprint(m); a == b {
		t.Errorf("chkconfig httpd on did not change the fingerprint")
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	m := newMachine(t, "service httpd start", "chkconfig telnet on", "chmod 644 /etc/init.d/crond", "chkconfig sshd off")
	var b strings.Builder
	for _, s := range []string{"httpd", "sshd", "crond", "telnet", "rsync", "nosuch"} {
		x := Explain(m, s)
		for _, l := range Langs {
			fmt.Fprintf(&b, "### explain %s (%s): kind=%s running=%v atboot=%v\n%s\n", s, l, x.Kind, x.Running, x.AtBoot, x.Format(l))
		}
	}
	golden(t, "explain_service.golden", b.String())
}
