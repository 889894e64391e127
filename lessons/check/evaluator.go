package check

import "rclab/sim"

// Evaluator evaluates several checks at one moment, sharing the copies of
// the machine they make (scratch copies for service status, rebooted
// copies), as an exam's score does for all its checks. Use a new
// Evaluator once the machine has changed.
type Evaluator struct{ e env }

// NewEvaluator returns an Evaluator for the context ctx (which may be
// nil).
func NewEvaluator(ctx *Ctx) *Evaluator { return &Evaluator{e: env{ctx: ctx}} }

// NewPassEvaluator returns an Evaluator for a caller that needs only
// whether each check passes, such as a grader: Pass is what NewEvaluator's
// outcomes say, and the checks read and run on the machines what they
// would for it, but Expected and Found may be left empty, which saves
// wording them.
func NewPassEvaluator(ctx *Ctx) *Evaluator { return &Evaluator{e: env{ctx: ctx, passOnly: true}} }

// Eval evaluates c on m, as Check.Eval does. It never changes m.
func (v *Evaluator) Eval(c *Check, m *sim.Machine) Outcome { return v.e.eval(c, m) }

// AfterReboot evaluates c on a copy of m after a clean reboot, as the
// after_reboot kind does. It never changes m.
func (v *Evaluator) AfterReboot(c *Check, m *sim.Machine) Outcome {
	return afterReboot{c}.eval(m, &v.e)
}
