package lessons

import (
	"fmt"
	"path"
	"strings"

	"rclab/lessons/check"
	"rclab/sim"
)

// NewMachine builds the machine a lesson starts on: the image booted
// (with the setup's kernel arguments), the setup's files written and its
// commands typed, and the shell history cleared. A setup command that
// fails (non-zero status) is an error, since the lesson would not start
// where its author meant.
func (l *Lesson) NewMachine(opts ...sim.Option) (*sim.Machine, error) {
	o := append([]sim.Option{sim.WithImage(l.Image), sim.WithBootArgs(l.Setup.BootArgs...)}, opts...)
	m, err := sim.New(o...)
	if err != nil {
		return nil, err
	}
	primeXinetd(m)
	for _, f := range l.Setup.Files {
		if r, err := m.Apply(sim.Action{Kind: sim.Type, Line: "mkdir -p " + shellQuote(path.Dir(f.Path))}); err != nil || r.Status != 0 {
			return nil, fmt.Errorf("%s: setup: creating the directory of %s failed: %v%s", l.ID, f.Path, err, r.Output)
		}
		mode := uint32(0o644)
		if f.Mode != nil {
			mode = f.Mode.Perm
		}
		if err := m.WriteFile(f.Path, []byte(f.Content), 0o644); err != nil {
			return nil, fmt.Errorf("%s: setup: writing %s: %w", l.ID, f.Path, err)
		}
		if r, err := m.Apply(sim.Action{Kind: sim.Type, Line: fmt.Sprintf("chmod %o %s", mode, shellQuote(f.Path))}); err != nil || r.Status != 0 {
			return nil, fmt.Errorf("%s: setup: chmod %s failed: %v%s", l.ID, f.Path, err, r.Output)
		}
	}
	for i, a := range l.Setup.Commands {
		r, err := m.Apply(a.SimAction())
		if err != nil {
			return nil, fmt.Errorf("%s: setup command %d (%s): %w", l.ID, i+1, a, err)
		}
		if r.Status != 0 && !r.Incomplete {
			return nil, fmt.Errorf("%s: setup command %d (%s) exited with status %d:\n%s", l.ID, i+1, a, r.Status, r.Output)
		}
	}
	if m.Down() == "" && m.Prompt() != "" && !m.Pending() {
		if _, err := m.Apply(sim.Action{Kind: sim.Type, Line: "history -c"}); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// primeXinetd works around a simulator bug: on a cloned machine (and
// sim.New hands out clones of a cached boot), the running xinetd ignores
// reload (SIGHUP) until its runtime is looked up once, which
// XinetdLoaded does. Every machine a learner types on goes through it.
func primeXinetd(m *sim.Machine) { m.XinetdLoaded() }

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// Player runs a lesson for one learner: it applies what they do to the
// machine, notices when a step's check passes and moves on, gives hints
// and the solution on request, and can undo, redo and start over (from
// copies of the machine). A Player is not safe for concurrent use.
type Player struct {
	lesson *Lesson
	m      *sim.Machine
	start  *sim.Machine // pristine copy of the machine at the lesson start
	cur    progress
	undo   []progress
	redo   []progress

	typed    int    // lines typed (that ran)
	hints    []int  // per step: hints shown
	assisted []bool // per step: the solution was shown
}

// progress is what undo and redo restore.
type progress struct {
	m         *sim.Machine
	step      int
	stepStart *sim.Machine
	journal   *check.Journal
	done      []bool
}

// maxUndo bounds the undo history.
const maxUndo = 50

// NewPlayer builds the lesson's machine and starts the lesson at its
// first step. opts are passed to sim.New (WithTerminal, WithSeed…).
func NewPlayer(l *Lesson, opts ...sim.Option) (*Player, error) {
	m, err := l.NewMachine(opts...)
	if err != nil {
		return nil, err
	}
	start, err := m.Clone()
	if err != nil {
		return nil, err
	}
	p := &Player{
		lesson:   l,
		start:    start,
		hints:    make([]int, len(l.Steps)),
		assisted: make([]bool, len(l.Steps)),
	}
	if err := p.begin(m); err != nil {
		return nil, err
	}
	return p, nil
}

// begin puts the machine m at the lesson's first step.
func (p *Player) begin(m *sim.Machine) error {
	p.m = m
	p.cur = progress{m: m, done: make([]bool, len(p.lesson.Steps))}
	return p.enterStep(0)
}

// enterStep records the start of step i.
func (p *Player) enterStep(i int) error {
	p.cur.step = i
	p.cur.journal = &check.Journal{}
	if i >= len(p.lesson.Steps) {
		p.cur.stepStart = nil
		return nil
	}
	c, err := p.m.Clone()
	if err != nil {
		return err
	}
	p.cur.stepStart = c
	return nil
}

// Lesson is the lesson being played.
func (p *Player) Lesson() *Lesson { return p.lesson }

// Machine is the learner's machine. Changes made to it directly (an
// editor saving a file) are seen by the next check; prefer Apply, which
// also records them for undo.
func (p *Player) Machine() *sim.Machine { return p.m }

// StepIndex is the index of the current step; len(Steps) when done.
func (p *Player) StepIndex() int { return p.cur.step }

// Step is the current step, or nil when the lesson is done.
func (p *Player) Step() *Step {
	if p.cur.step >= len(p.lesson.Steps) {
		return nil
	}
	return p.lesson.Steps[p.cur.step]
}

// Done reports whether every step is complete.
func (p *Player) Done() bool { return p.cur.step >= len(p.lesson.Steps) }

// Ctx is the check context of the current step.
func (p *Player) Ctx() *check.Ctx {
	return &check.Ctx{Lesson: p.start, Step: p.cur.stepStart, Journal: p.cur.journal}
}

// Turn is what one action did: the machine's result, and the steps it
// completed (indices, in order).
type Turn struct {
	Result    sim.Result
	Completed []int
	// Done is set when the lesson is now complete.
	Done bool
}

// Type is Apply of a typed line.
func (p *Player) Type(line string) (Turn, error) {
	return p.Apply(sim.Action{Kind: sim.Type, Line: line})
}

// Apply performs an action on the learner's machine, then checks the
// current step and moves on past every step that is now complete.
func (p *Player) Apply(a sim.Action) (Turn, error) {
	snap, err := p.snapshot()
	if err != nil {
		return Turn{}, err
	}
	r, err := p.m.Apply(a)
	if err != nil {
		return Turn{}, err
	}
	p.undo = append(p.undo, snap)
	if len(p.undo) > maxUndo {
		p.undo = p.undo[1:]
	}
	p.redo = nil
	if a.Kind == sim.Type && !r.Incomplete {
		p.typed++
	}
	p.cur.journal.Record(a, r)
	t := Turn{Result: r}
	if !r.Incomplete {
		t.Completed, err = p.advance()
		if err != nil {
			return t, err
		}
	}
	t.Done = p.Done()
	return t, nil
}

// advance completes steps while their checks pass.
func (p *Player) advance() ([]int, error) {
	var done []int
	for !p.Done() && !p.m.Pending() {
		o := p.Step().Check.Eval(p.m, p.Ctx())
		if !o.Pass {
			break
		}
		i := p.cur.step
		p.cur.done[i] = true
		done = append(done, i)
		if err := p.enterStep(i + 1); err != nil {
			return done, err
		}
	}
	return done, nil
}

// Check evaluates the current step's check and explains it; when it
// passes, the lesson moves on as after an action. completed lists the
// steps completed.
func (p *Player) Check() (o check.Outcome, completed []int, err error) {
	if p.Done() {
		return check.Outcome{Pass: true, Expected: check.T("the lesson is complete", "레슨 완료"), Found: check.T("it is", "완료됨")}, nil, nil
	}
	if p.m.Pending() {
		why := check.T("an unfinished command line at the console", "콘솔에 입력이 끝나지 않은 명령 줄이 있음")
		return check.Outcome{Expected: check.T("a finished command line", "끝난 명령 줄"), Found: why}, nil, nil
	}
	o = p.Step().Check.Eval(p.m, p.Ctx())
	if o.Pass {
		completed, err = p.advance()
	}
	return o, completed, err
}

// Hint returns the next hint of the current step (the last one again
// once all were shown), its number from 1, and the number of hints; ok is
// false when the lesson is done.
func (p *Player) Hint() (h Text, n, of int, ok bool) {
	s := p.Step()
	if s == nil || len(s.Hints) == 0 {
		return nil, 0, 0, false
	}
	i := p.cur.step
	if p.hints[i] < len(s.Hints) {
		p.hints[i]++
	}
	return s.Hints[p.hints[i]-1], p.hints[i], len(s.Hints), true
}

// Solution returns the current step's reference solution and marks the
// step (and so the lesson) as assisted.
func (p *Player) Solution() []Action {
	s := p.Step()
	if s == nil {
		return nil
	}
	p.assisted[p.cur.step] = true
	return s.Solution
}

func (p *Player) snapshot() (progress, error) {
	c, err := p.m.Clone()
	if err != nil {
		return progress{}, err
	}
	s := p.cur
	s.m = c
	s.journal = p.cur.journal.Clone()
	s.done = append([]bool(nil), p.cur.done...)
	return s, nil
}

// restore makes s the current state; the saved machine is copied so the
// snapshot stays reusable.
func (p *Player) restore(s progress) error {
	c, err := s.m.Clone()
	if err != nil {
		return err
	}
	primeXinetd(c)
	s.m = c
	s.journal = s.journal.Clone()
	s.done = append([]bool(nil), s.done...)
	p.cur = s
	p.m = c
	return nil
}

// CanUndo and CanRedo report whether Undo and Redo would do something.
func (p *Player) CanUndo() bool { return len(p.undo) > 0 }

// CanRedo reports whether Redo would do something.
func (p *Player) CanRedo() bool { return len(p.redo) > 0 }

// Undo goes back to before the last action (machine, step and the
// step's record); it reports whether there was one. Hints and solutions
// shown stay counted.
func (p *Player) Undo() (bool, error) {
	if len(p.undo) == 0 {
		return false, nil
	}
	snap, err := p.snapshot()
	if err != nil {
		return false, err
	}
	last := p.undo[len(p.undo)-1]
	if err := p.restore(last); err != nil {
		return false, err
	}
	p.undo = p.undo[:len(p.undo)-1]
	p.redo = append(p.redo, snap)
	return true, nil
}

// Redo re-applies what Undo took back; it reports whether there was
// anything.
func (p *Player) Redo() (bool, error) {
	if len(p.redo) == 0 {
		return false, nil
	}
	snap, err := p.snapshot()
	if err != nil {
		return false, err
	}
	next := p.redo[len(p.redo)-1]
	if err := p.restore(next); err != nil {
		return false, err
	}
	p.redo = p.redo[:len(p.redo)-1]
	p.undo = append(p.undo, snap)
	return true, nil
}

// Reset starts the lesson over on a fresh copy of its starting machine.
// The count of typed lines starts again; hints and solutions shown stay
// counted.
func (p *Player) Reset() error {
	c, err := p.start.Clone()
	if err != nil {
		return err
	}
	primeXinetd(c)
	p.undo, p.redo = nil, nil
	p.typed = 0
	return p.begin(c)
}

// Summary is how a lesson went.
type Summary struct {
	LessonID string
	Steps    int
	// Completed counts the steps complete now.
	Completed int
	Done      bool
	// Commands counts the lines typed since the start (or the last reset).
	Commands int
	// Hints counts the hints shown, over all steps.
	Hints int
	// Assisted is set when a solution was shown; AssistedSteps lists
	// those steps (indices).
	Assisted      bool
	AssistedSteps []int
}

// Summary reports how the lesson is going.
func (p *Player) Summary() Summary {
	s := Summary{LessonID: p.lesson.ID, Steps: len(p.lesson.Steps), Done: p.Done(), Commands: p.typed}
	for i, d := range p.cur.done {
		if d {
			s.Completed++
		}
		s.Hints += p.hints[i]
		if p.assisted[i] {
			s.Assisted = true
			s.AssistedSteps = append(s.AssistedSteps, i)
		}
	}
	return s
}
