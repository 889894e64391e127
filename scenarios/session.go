package scenarios

import (
	"errors"
	"fmt"
	"time"

	"rclab/lessons/check"
	"rclab/sim"
)

// Session is one candidate's attempt at a variant: the machine, a copy of
// it as it was when the clock started, and the record of the console. A
// Session is not safe for concurrent use.
type Session struct {
	v       *Variant
	m       *sim.Machine
	start   *sim.Machine
	began   time.Time
	journal *check.Journal
}

// NewSession boots the variant's machine (its image, the variant's seed,
// the setup's kernel arguments, the denied programs, then opts such as
// sim.WithTerminal), applies the setup and starts the clock.
func NewSession(v *Variant, opts ...sim.Option) (*Session, error) {
	if v == nil || v.Scenario == nil {
		return nil, errors.New("scenarios: NewSession needs a variant")
	}
	// The start is the set-up machine the setup cache keeps: nobody
	// changes either, so it needs no copy of its own.
	m, start, err := newMachine(v.Scenario, v.Seed, opts...)
	if err != nil {
		return nil, err
	}
	return &Session{v: v, m: m, start: start, began: m.Now(), journal: &check.Journal{}}, nil
}

// Replay builds a session of v and applies actions to it in order, as a
// grader or a replayer does with a transcript; it returns the session and
// each action's result. An action the machine refuses is an error naming
// its index; the session and the results so far are returned with it.
func Replay(v *Variant, actions []sim.Action, opts ...sim.Option) (*Session, []sim.Result, error) {
	results := make([]sim.Result, 0, len(actions))
	s, err := ReplayFunc(v, len(actions), func(i int) sim.Action { return actions[i] },
		func(_ int, r sim.Result) { results = append(results, r) }, opts...)
	if s == nil {
		return nil, nil, err
	}
	return s, results, err
}

// ReplayFunc is Replay of n actions, action(i) being the i-th (from 0),
// that hands each result to result as it comes instead of keeping them
// all: a grader checks a transcript's outputs one by one, and each
// result can be dropped once checked. The errors are Replay's.
func ReplayFunc(v *Variant, n int, action func(i int) sim.Action, result func(i int, r sim.Result), opts ...sim.Option) (*Session, error) {
	s, err := NewSession(v, opts...)
	if err != nil {
		return nil, err
	}
	for i := range n {
		a := action(i)
		r, err := s.Apply(a)
		if err != nil {
			return s, fmt.Errorf("action %d (%s): %w", i+1, a.Kind, err)
		}
		result(i, r)
	}
	return s, nil
}

// Variant is the variant being attempted.
func (s *Session) Variant() *Variant { return s.v }

// Scenario is the variant's scenario.
func (s *Session) Scenario() *Scenario { return s.v.Scenario }

// Machine is the candidate's machine. Changes made to it directly (an
// editor saving a file) are seen by the next Score; prefer Apply, which
// records them.
func (s *Session) Machine() *sim.Machine { return s.m }

// Start is a copy of the machine when the clock started; callers must not
// change it.
func (s *Session) Start() *sim.Machine { return s.start }

// Began is the virtual time when the clock started.
func (s *Session) Began() time.Time { return s.began }

// Journal is the record of the console since the clock started: lines
// typed, broadcasts, boots. Callers must not change it.
func (s *Session) Journal() *check.Journal { return s.journal }

// Apply performs one action on the candidate's machine and records it.
func (s *Session) Apply(a sim.Action) (sim.Result, error) {
	r, err := s.m.Apply(a)
	if err != nil {
		return r, err
	}
	s.journal.Record(a, r)
	return r, nil
}

// Elapsed is the virtual time since the clock started.
func (s *Session) Elapsed() time.Duration { return s.m.Now().Sub(s.began) }

// Remaining is the time left before the scenario's time limit (zero or
// negative once it has passed).
func (s *Session) Remaining() time.Duration {
	return time.Duration(s.v.Scenario.TimeLimit) - s.Elapsed()
}

// Ctx is the check context of the session: the start machine and the
// journal.
func (s *Session) Ctx() *check.Ctx {
	return &check.Ctx{Lesson: s.start, Step: s.start, Journal: s.journal, Exam: true}
}

// Score is the result of a session: each check's outcome and points.
type Score struct {
	Checks []CheckScore
	// Total is the points earned; Max the scenario's points.
	Total, Max int
}

// CheckScore is one check's result: all of its points or none.
type CheckScore struct {
	ID     string
	Text   check.Text
	Points int
	Earned int
	Pass   bool
	// Outcome is the check on the machine as it is.
	Outcome check.Outcome
	// AfterReboot is the check on a rebooted copy, for reboot-safe
	// checks (nil for the others).
	AfterReboot *check.Outcome
}

// Explain words the check's result in language l: the outcome, and the
// outcome after a reboot when that is what failed.
func (c CheckScore) Explain(l check.Lang) string {
	s := c.Outcome.Explain(l)
	if c.AfterReboot != nil && c.Outcome.Pass && !c.AfterReboot.Pass {
		s = c.AfterReboot.Explain(l)
	}
	return s
}

// Score evaluates every check on the candidate's machine (reboot-safe
// ones also on a rebooted copy). It never changes the machine.
func (s *Session) Score() Score {
	return score(s.v.Scenario, s.m, check.NewEvaluator(s.Ctx()))
}

// Tally is Score for a caller that needs only the points, such as a
// grader: each check's Pass, Earned and the totals are Score's, but the
// outcomes may leave out their words (Expected and Found). It never
// changes the machine.
func (s *Session) Tally() Score {
	return score(s.v.Scenario, s.m, check.NewPassEvaluator(s.Ctx()))
}

func score(sc *Scenario, m *sim.Machine, ev *check.Evaluator) Score {
	out := Score{Max: sc.Points()}
	for _, c := range sc.Checks {
		cs := CheckScore{ID: c.ID, Text: c.Text, Points: c.Points}
		cs.Outcome = ev.Eval(&c.Check, m)
		cs.Pass = cs.Outcome.Pass
		if c.RebootSafe {
			o := ev.AfterReboot(&c.Check, m)
			cs.AfterReboot = &o
			cs.Pass = cs.Pass && o.Pass
		}
		if cs.Pass {
			cs.Earned = c.Points
			out.Total += c.Points
		}
		out.Checks = append(out.Checks, cs)
	}
	return out
}
