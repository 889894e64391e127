package scenarios

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rclab/lessons/check"
	"rclab/sim"
)

func typed(lines ...string) []sim.Action {
	out := make([]sim.Action, len(lines))
	for i, l := range lines {
		out[i] = sim.Action{Kind: sim.Type, Line: l}
	}
	return out
}

// e01 is E01 with named as its second service.
func e01(t testing.TB) *Variant {
	t.Helper()
	list, err := LoadAll(Content())
	if err != nil {
		t.Fatalf("LoadAll: %v", err)
	}
	s := Find(list, "E01")
	for seed := uint64(1); ; seed++ {
		v, err := s.Variant(seed)
		if err != nil {
			t.Fatal(err)
		}
		if v.Values["svc"] == "named" {
			return v
		}
	}
}

// TestScore grades partial answers to E01 check by check.
func TestScore(t *testing.T) {
	t.Parallel()
	v := e01(t)
	tests := []struct {
		name  string
		lines []string
		pass  string // ids of the checks that pass
		total int
	}{
		{"nothing", nil, "", 0},
		{"started only", []string{"service httpd start", "service named start"}, "", 0},
		{"httpd levels", []string{"chkconfig --level 35 httpd on"}, "httpd-levels", 3},
		{"httpd done", []string{"chkconfig --level 35 httpd on", "service httpd start"}, "httpd-running httpd-levels", 5},
		{"on in 2345", []string{"chkconfig httpd on", "chkconfig named on", "service httpd start", "service named start"}, "httpd-running svc-running", 4},
		{"all", []string{"chkconfig --level 35 httpd on", "chkconfig --level 35 named on", "service httpd start", "service named start"},
			"httpd-running svc-running httpd-levels svc-levels", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, _, err := Replay(v, typed(tt.lines...), sim.WithTerminal(false))
			if err != nil {
				t.Fatal(err)
			}
			sc := s.Score()
			var pass []string
			sum := 0
			for _, c := range sc.Checks {
				if c.Pass {
					pass = append(pass, c.ID)
				}
				if c.Pass != (c.Earned == c.Points) || (!c.Pass && c.Earned != 0) {
					t.Errorf("%s: pass %v earned %d of %d; want all or nothing", c.ID, c.Pass, c.Earned, c.Points)
				}
				if rs := c.ID == "httpd-running" || c.ID == "svc-running"; rs != (c.AfterReboot != nil) {
					t.Errorf("%s: AfterReboot = %v; want an outcome only for reboot-safe checks", c.ID, c.AfterReboot)
				}
				sum += c.Earned
			}
			if got := strings.Join(pass, " "); got != tt.pass || sc.Total != tt.total || sum != sc.Total || sc.Max != 10 {
				t.Errorf("Score() passes %q, total %d/%d (sum %d); want %q, %d/10", got, sc.Total, sc.Max, sum, tt.pass, tt.total)
			}
		})
	}
}

// TestScoreLeavesMachineAlone: scoring reboots and runs commands only on
// copies.
func TestScoreLeavesMachineAlone(t *testing.T) {
	t.Parallel()
	s, _, err := Replay(e01(t), typed("chkconfig --level 35 httpd on", "service httpd start"), sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	m := s.Machine()
	before, now, elapsed := check.Fingerprint(m), m.Now(), s.Elapsed()
	procs := len(m.Processes())
	first := s.Score()
	second := s.Score()
	if check.Fingerprint(m) != before || !m.Now().Equal(now) || s.Elapsed() != elapsed || len(m.Processes()) != procs {
		t.Errorf("Score changed the machine: clock %v → %v, %d → %d processes", now, m.Now(), procs, len(m.Processes()))
	}
	if !cmp.Equal(first, second) {
		t.Errorf("Score twice differs:\n%+v\n%+v", first, second)
	}
	if prev, cur := m.Runlevel(); cur != '3' {
		t.Errorf("runlevel after Score = %c %c; want 3", prev, cur)
	}
}

// TestReplayMatchesLive: a session rebuilt from its actions shows the
// same output and scores the same as the live one.
func TestReplayMatchesLive(t *testing.T) {
	t.Parallel()
	v := e01(t)
	actions := append(typed("chkconfig --list named", "service named start", "ps -C named -o pid,user,cmd", "if true; then"),
		typed("echo inside", "fi", "poweroff")...)
	actions = append(actions, sim.Action{Kind: sim.PowerOn}, sim.Action{Kind: sim.Wait, For: 90 * time.Second})
	actions = append(actions, typed("runlevel", "uptime")...)
	live, err := NewSession(v, sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, a := range actions {
		r, err := live.Apply(a)
		if err != nil {
			t.Fatalf("Apply(%+v): %v", a, err)
		}
		outs = append(outs, r.Output)
	}
	replayed, results, err := Replay(v, actions, sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	var routs []string
	for _, r := range results {
		routs = append(routs, r.Output)
	}
	if diff := cmp.Diff(outs, routs); diff != "" {
		t.Errorf("replayed output differs (-live +replay):\n%s", diff)
	}
	if !cmp.Equal(live.Score(), replayed.Score()) || !cmp.Equal(live.Journal(), replayed.Journal(), cmp.AllowUnexported(check.Journal{})) {
		t.Errorf("replayed score or journal differs from the live session's")
	}
	if got := len(replayed.Journal().Boots); got != 1 {
		t.Errorf("journal boots = %d; want 1 (the power-on)", got)
	}
	if live.Elapsed() < 90*time.Second || live.Remaining() != 20*time.Minute-live.Elapsed() {
		t.Errorf("Elapsed = %v, Remaining = %v; want at least 1m30s and the rest of 20m", live.Elapsed(), live.Remaining())
	}
	if _, _, err := Replay(v, []sim.Action{{Kind: sim.PowerOn}}); err == nil || !strings.Contains(err.Error(), "action 1") {
		t.Errorf("Replay of a power-on of a running machine: %v; want an error naming action 1", err)
	}
}

// TestReplayFuncHandsOverEachResult: ReplayFunc shows each result once,
// in order, as Replay keeps them, and stops where Replay does.
func TestReplayFuncHandsOverEachResult(t *testing.T) {
	t.Parallel()
	v := e01(t)
	for _, tc := range []struct {
		name    string
		actions []sim.Action
	}{
		{"typed", typed("chkconfig --list named", "service named start", "ps -C named -o pid,user,cmd")},
		{"refused", append(typed("runlevel"), sim.Action{Kind: sim.PowerOn}, sim.Action{Kind: sim.Type, Line: "uptime"})},
		{"none", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, want, wantErr := Replay(v, tc.actions, sim.WithTerminal(false))
			var got []sim.Result
			var seen []int
			s, err := ReplayFunc(v, len(tc.actions), func(i int) sim.Action { return tc.actions[i] },
				func(i int, r sim.Result) { seen, got = append(seen, i), append(got, r) }, sim.WithTerminal(false))
			if s == nil || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("ReplayFunc(%s) = %v, %v; want a session and %v", tc.name, s, err, wantErr)
			}
			if len(got) != len(want) {
				t.Fatalf("ReplayFunc(%s) handed over %d results; want %d", tc.name, len(got), len(want))
			}
			for i := range got {
				if seen[i] != i || got[i].Output != want[i].Output || got[i].Status != want[i].Status {
					t.Errorf("ReplayFunc(%s) result %d (index %d) = %q, %d; want %q, %d", tc.name, i, seen[i], got[i].Output, got[i].Status, want[i].Output, want[i].Status)
				}
			}
		})
	}
}

// TestTallyCountsAsScore: a grader's tally gives each check the pass
// and points the score gives, after a right and after a half-right
// answer.
func TestTallyCountsAsScore(t *testing.T) {
	t.Parallel()
	v := e01(t)
	for _, lines := range [][]string{
		{"chkconfig --level 35 httpd on", "service httpd start"},
		{"service httpd start"},
		nil,
	} {
		s, _, err := Replay(v, typed(lines...), sim.WithTerminal(false))
		if err != nil {
			t.Fatal(err)
		}
		if ids := tallyDiffers(s.Score(), s.Tally()); len(ids) > 0 {
			t.Errorf("after %q: Tally differs from Score in %v", lines, ids)
		}
	}
}

// scenarioWith is a scenario file around the given parts.
func scenarioWith(setup, checks, solution, wrong string) string {
	return "id: E98-test\ntitle: {en: T, ko: T}\ntime_limit: 5m\n" + setup +
		"task: {en: T, ko: T}\nchecks:\n" + checks + "solution:\n" + solution + wrong
}

// TestSetup applies every kind of fault and file, and a denied program.
func TestSetup(t *testing.T) {
	t.Parallel()
	setup := `deny: [reboot]
setup:
  files:
    - {path: /opt/lab/run.sh, mode: "0750", content: "echo hi\n"}
  faults:
    - initdefault: "3"
    - not_executable: /etc/rc.d/init.d/httpd
    - dangling_link: {path: /etc/rc.d/rc3.d/S99ghost, target: ../init.d/ghost}
    - stale_lock: named
    - stale_pid: {file: /var/run/named.pid, pid: 4242}
    - xinetd_disable: {service: telnet, disable: no}
    - replace: {file: /etc/httpd/conf/httpd.conf, old: "Listen 80", new: "Lissten 80"}
  commands:
    - chkconfig --level 3 crond off
`
	checks := `  - id: all
    points: 1
    check:
      all:
        - file: {path: /opt/lab/run.sh, mode: "0750", contains: '^echo hi$'}
        - initdefault: {level: "3"}
        - file: {path: /etc/init.d/httpd, executable: false}
        - file: {path: /etc/rc.d/rc3.d/S99ghost, type: link, link: ../init.d/ghost}
        - lock: {service: named}
        - file: {path: /var/run/named.pid, contains: '^4242$'}
        - xinetd: {service: telnet, enabled: true}
        - file: {path: /etc/httpd/conf/httpd.conf, contains: '^Lissten 80'}
        - rc_state: {service: crond, off: "3"}
        - service_status: {service: named, status: 2}
`
	src := scenarioWith(setup, strings.ReplaceAll(checks, "    check:", "    text: {en: T, ko: T}\n    check:"), "  - runlevel\n", "")
	s := mustParse(t, src)
	v, _ := s.Variant(1)
	sess, err := NewSession(v, sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if c := sess.Score().Checks[0]; !c.Pass {
		t.Errorf("setup left: %s", c.Explain(check.En))
	}
	r, err := sess.Apply(sim.Action{Kind: sim.Type, Line: "reboot"})
	if err != nil || r.Status != 126 || !strings.Contains(r.Output, "Permission denied") {
		t.Errorf("reboot in a scenario that denies it: status %d, %q; want 126, Permission denied", r.Status, r.Output)
	}
	if h := sess.Journal(); len(h.Lines) != 1 || h.Lines[0].Status != 126 {
		t.Errorf("journal lines = %+v; want the one reboot, status 126", h.Lines)
	}
}

// TestSelfTestFindsProblems: the self-test reports a check that passes at
// the start, a reference solution that misses a check, and a wrong
// answer that scores otherwise than it says.
func TestSelfTestFindsProblems(t *testing.T) {
	t.Parallel()
	checks := `  - id: at-start
    points: 1
    text: {en: T, ko: T}
    check: {process: {name: sshd}}
  - id: httpd
    points: 2
    text: {en: T, ko: T}
    check: {process: {name: httpd}}
  - id: named
    points: 2
    text: {en: T, ko: T}
    check: {process: {name: named}}
`
	wrong := "wrong:\n  - name: {en: nothing, ko: T}\n    solution: [runlevel]\n    score: 2\n"
	s := mustParse(t, scenarioWith("", checks, "  - service httpd start\n", wrong))
	var got []string
	for _, p := range SelfTest(s, 5) {
		got = append(got, p.Error())
	}
	want := []string{
		"E98-test (seed 5), check at-start: passes at the start, before the candidate did anything: expected a process named sshd; found one runs (PID 163)",
		"E98-test (seed 5), check named: the reference solution fails it: expected a process named named; found none runs",
		`E98-test (seed 5): the wrong answer "nothing" scores 1, not 2 (passes: at-start; fails: httpd named)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SelfTest differs (-want +got):\n%s", diff)
	}
}
