package scenarios

import (
	"fmt"
	"strings"

	"rclab/lessons/check"
	"rclab/sim"
)

// Problem is one failure of a scenario's self-test.
type Problem struct {
	Scenario string // scenario id
	Seed     uint64
	// Values are the variables' values of the variant ("svc=named").
	Values string
	// Check is the id of the check concerned, "" for none.
	Check string
	Msg   string
}

// Error formats the problem on one line.
func (p Problem) Error() string {
	s := fmt.Sprintf("%s (seed %d", p.Scenario, p.Seed)
	if p.Values != "" {
		s += ", " + p.Values
	}
	s += ")"
	if p.Check != "" {
		s += ", check " + p.Check
	}
	return s + ": " + p.Msg
}

// DefaultSeeds are the seeds SelfTest uses when given none.
var DefaultSeeds = []uint64{1, 2, 3}

// SelfTest runs a scenario's own tests for each seed (DefaultSeeds when
// none are given): every check fails at the start, the reference
// solution scores full marks, and each wrong answer scores exactly its
// score; each time, a grader's tally agrees with the score. It returns
// the problems found (nil when all hold).
func SelfTest(s *Scenario, seeds ...uint64) []Problem {
	if len(seeds) == 0 {
		seeds = DefaultSeeds
	}
	var out []Problem
	for _, seed := range seeds {
		out = append(out, selfTest(s, seed)...)
	}
	return out
}

func selfTest(s *Scenario, seed uint64) []Problem {
	var out []Problem
	v, err := s.Variant(seed)
	if err != nil {
		return []Problem{{Scenario: s.ID, Seed: seed, Msg: err.Error()}}
	}
	values := s.Variables.describe(v.Values)
	problem := func(checkID, format string, a ...any) {
		out = append(out, Problem{Scenario: s.ID, Seed: seed, Values: values, Check: checkID, Msg: fmt.Sprintf(format, a...)})
	}
	// scoreOf scores a session, and tallies it as a grader would.
	scoreOf := func(what string, sess *Session) Score {
		sc := sess.Score()
		if ids := tallyDiffers(sc, sess.Tally()); len(ids) > 0 {
			problem("", "%s: a grader's tally differs from the score in %s", what, strings.Join(ids, " "))
		}
		return sc
	}
	sess, err := NewSession(v, sim.WithTerminal(false))
	if err != nil {
		problem("", "setup: %v", err)
		return out
	}
	for _, c := range scoreOf("the start", sess).Checks {
		if c.Pass {
			problem(c.ID, "passes at the start, before the candidate did anything: %s", c.Explain(check.En))
		}
	}
	run := func(what string, sol []check.Action) (Score, bool) {
		actions := make([]sim.Action, len(sol))
		for i, a := range sol {
			actions[i] = a.SimAction()
		}
		sess, _, err := Replay(v, actions, sim.WithTerminal(false))
		if err != nil {
			problem("", "%s: %v", what, err)
			return Score{}, false
		}
		return scoreOf(what, sess), true
	}
	if sc, ok := run("the reference solution", v.Scenario.Solution); ok {
		for _, c := range sc.Checks {
			if !c.Pass {
				problem(c.ID, "the reference solution fails it: %s", c.Explain(check.En))
			}
		}
	}
	for _, w := range v.Scenario.Wrong {
		name := fmt.Sprintf("the wrong answer %q", w.Name.In(check.En))
		sc, ok := run(name, w.Solution)
		if !ok || sc.Total == w.Score {
			continue
		}
		var passed, failed []string
		for _, c := range sc.Checks {
			if c.Pass {
				passed = append(passed, c.ID)
			} else {
				failed = append(failed, c.ID)
			}
		}
		problem("", "%s scores %d, not %d (passes: %s; fails: %s)", name, sc.Total, w.Score,
			orDash(passed), orDash(failed))
	}
	return out
}

// tallyDiffers lists the checks whose pass or points differ between a
// score and a tally of the same session.
func tallyDiffers(score, tally Score) []string {
	var ids []string
	for i, c := range score.Checks {
		if i >= len(tally.Checks) || tally.Checks[i].ID != c.ID || tally.Checks[i].Pass != c.Pass || tally.Checks[i].Earned != c.Earned {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 && (len(tally.Checks) != len(score.Checks) || tally.Total != score.Total || tally.Max != score.Max) {
		ids = append(ids, "the totals")
	}
	return ids
}

func orDash(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, " ")
}
