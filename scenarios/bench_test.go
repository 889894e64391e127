package scenarios

import (
	"fmt"
	"testing"

	"rclab/sim"
)

// BenchmarkScore scores E01 after its reference solution: every check,
// the reboot-safe ones on a rebooted copy (cached by the fingerprint of
// the machine after the first round).
func BenchmarkScore(b *testing.B) {
	v := e01(b)
	var actions []sim.Action
	for _, a := range v.Scenario.Solution {
		actions = append(actions, a.SimAction())
	}
	s, _, err := Replay(v, actions, sim.WithTerminal(false))
	if err != nil {
		b.Fatal(err)
	}
	if sc := s.Score(); sc.Total != sc.Max {
		b.Fatalf("reference solution scores %d/%d", sc.Total, sc.Max)
	}
	b.ResetTimer()
	for b.Loop() {
		s.Score()
	}
}

// session200 is a 200-action session of E01: the reference solution
// among the commands a candidate types to look around; tag makes the
// last command (and so the machine's lasting state) differ per call.
func session200(v *Variant, tag int) []sim.Action {
	look := []string{
		"chkconfig --list", "service httpd status", "ps aux", "ls -l /etc/rc.d/rc3.d",
		"runlevel", "cat /etc/inittab", "netstat -ltnp", "grep -i listen /etc/httpd/conf/httpd.conf",
		"ls /var/lock/subsys", "tail -5 /var/log/messages",
	}
	var out []sim.Action
	for _, a := range v.Scenario.Solution {
		out = append(out, a.SimAction())
	}
	for i := 0; len(out) < 199; i++ {
		out = append(out, sim.Action{Kind: sim.Type, Line: look[i%len(look)]})
	}
	return append(out, sim.Action{Kind: sim.Type, Line: fmt.Sprintf("echo 'graded %d' >> /etc/motd", tag)})
}

// BenchmarkReplay200 replays a 200-action session of E01 and scores it,
// as a grader does. Each round's machine ends in a new state, so the
// reboot of the reboot-safe checks is never served from the cache.
func BenchmarkReplay200(b *testing.B) {
	v := e01(b)
	i := 0
	for b.Loop() {
		i++
		s, _, err := Replay(v, session200(v, i), sim.WithTerminal(false))
		if err != nil {
			b.Fatal(err)
		}
		if sc := s.Score(); sc.Total != sc.Max {
			b.Fatalf("score %d/%d", sc.Total, sc.Max)
		}
	}
}
