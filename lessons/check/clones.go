package check

import (
	"slices"
	"strings"
	"sync"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// afterReboot evaluates a check on a copy of the machine after a clean
// reboot (no kernel arguments).
type afterReboot struct{ c *Check }

func (a afterReboot) eval(m *sim.Machine, e *env) Outcome {
	r, why := e.reboot(m)
	if r == nil {
		o := e.eval(a.c, m)
		if e.passOnly {
			return Outcome{}
		}
		return pass(false, prefix(T("after a reboot: ", "재부팅 후: "), o.Expected), why)
	}
	o := e.eval(a.c, r)
	if e.passOnly {
		return Outcome{Pass: o.Pass}
	}
	return pass(o.Pass, prefix(T("after a reboot: ", "재부팅 후: "), o.Expected), prefix(T("after a reboot: ", "재부팅 후: "), o.Found))
}

// reboot returns m rebooted (a copy; m is untouched), from the cache when
// a machine with the same lasting state was rebooted before.
func (e *env) reboot(m *sim.Machine) (*sim.Machine, Text) {
	if r, ok := e.rebooted[m]; ok {
		return r, nil
	}
	if m.Pending() {
		return nil, T("an unfinished command line at the console", "콘솔에 입력이 끝나지 않은 명령 줄이 있음")
	}
	r, err := rebooted(m, e.startSums())
	if err != nil {
		return nil, Tf("the copy could not be rebooted (%v)", "복사본을 재부팅할 수 없음 (%v)", err)
	}
	if e.rebooted == nil {
		e.rebooted = map[*sim.Machine]*sim.Machine{}
	}
	e.rebooted[m] = r
	return r, nil
}

// startSums are the hashes of the files of an exam's start machine, which
// never changes and shares most of its files with the candidate's; nil
// outside exams.
func (e *env) startSums() *contentSums {
	if e.ctx == nil || !e.ctx.Exam || e.ctx.Lesson == nil {
		return nil
	}
	return sumsOf(e.ctx.Lesson)
}

// rebootCache keeps rebooted machines by the fingerprint of the state
// that survives a reboot. A reboot interprets rc 6, rc.sysinit and rc N
// (about a tenth of a second), while the fingerprint costs about a
// millisecond, and most commands a learner types change nothing that
// lasts.
var rebootCache struct {
	sync.Mutex
	m     map[[32]byte]*sim.Machine
	order [][32]byte
	// memo remembers what checks read of the cached machines.
	memo map[*sim.Machine]*machineMemo
}

// machineMemo is what checks read of a machine of the reboot cache,
// which never changes: its service status answers, and its view (shared
// by every evaluation, so it locks itself).
type machineMemo struct {
	status map[string]statusResult
	view   view
}

type statusResult struct {
	status int
	out    string
	why    Text
}

// rebootMemo returns the remembered status of service name on a cached
// rebooted machine.
func rebootMemo(m *sim.Machine, name string) (statusResult, bool) {
	rebootCache.Lock()
	defer rebootCache.Unlock()
	memo, ok := rebootCache.memo[m]
	if !ok {
		return statusResult{}, false
	}
	r, ok := memo.status[name]
	return r, ok
}

// rememberStatus records a status answer if m is a cached rebooted
// machine (for any other machine it does nothing: they change).
func rememberStatus(m *sim.Machine, name string, r statusResult) {
	rebootCache.Lock()
	defer rebootCache.Unlock()
	if memo, ok := rebootCache.memo[m]; ok {
		memo.status[name] = r
	}
}

// sharedView is the view of m kept with it when m is a cached rebooted
// machine, else nil.
func sharedView(m *sim.Machine) *view {
	rebootCache.Lock()
	defer rebootCache.Unlock()
	if memo, ok := rebootCache.memo[m]; ok {
		return &memo.view
	}
	return nil
}

// rebootCacheMax bounds the rebooted machines kept. A class graded in
// one batch has a few variants, and many candidates leave their machine
// in one of a few lasting states (untouched, the usual right answer, the
// usual mistakes): room for dozens keeps those rebooted once each. A
// cached machine shares its unchanged files with others (copy on write)
// and costs little memory beside them.
const rebootCacheMax = 64

// Rebooted returns a copy of m after a clean reboot: typed reboot on a
// running machine, or power on for one that is off. m is not changed.
// The result is shared: callers must not change it (clone it first).
func Rebooted(m *sim.Machine) (*sim.Machine, error) { return rebooted(m, nil) }

// rebooted is Rebooted, fingerprinting m with the help of sums.
func rebooted(m *sim.Machine, sums *contentSums) (*sim.Machine, error) {
	key := fingerprint(m, sums)
	rebootCache.Lock()
	r, ok := rebootCache.m[key]
	if ok {
		// The least recently used machine goes first.
		if i := slices.Index(rebootCache.order, key); i >= 0 {
			rebootCache.order = append(slices.Delete(rebootCache.order, i, i+1), key)
		}
	}
	rebootCache.Unlock()
	if ok {
		return r, nil
	}
	c, err := m.Clone()
	if err != nil {
		return nil, err
	}
	primeXinetd(c)
	switch {
	case c.Down() != "":
		_, err = c.Apply(sim.Action{Kind: sim.PowerOn})
	case c.Prompt() == "":
		// init waits at its runlevel prompt: the three-finger salute
		// reboots when inittab says so; else power-cycle.
		_, err = c.Apply(sim.Action{Kind: sim.Type, Line: "6"})
	default:
		err = typedReboot(c)
	}
	if err != nil {
		return nil, err
	}
	rebootCache.Lock()
	defer rebootCache.Unlock()
	if rebootCache.m == nil {
		rebootCache.m = map[[32]byte]*sim.Machine{}
	}
	if _, ok := rebootCache.m[key]; !ok {
		rebootCache.order = append(rebootCache.order, key)
		if len(rebootCache.order) > rebootCacheMax {
			delete(rebootCache.memo, rebootCache.m[rebootCache.order[0]])
			delete(rebootCache.m, rebootCache.order[0])
			rebootCache.order = rebootCache.order[1:]
		}
	}
	if rebootCache.memo == nil {
		rebootCache.memo = map[*sim.Machine]*machineMemo{}
	}
	delete(rebootCache.memo, rebootCache.m[key])
	rebootCache.m[key] = c
	rebootCache.memo[c] = &machineMemo{status: map[string]statusResult{}}
	return c, nil
}

// typedReboot reboots a running machine from its console: reboot, or
// when an exam denies that program to the candidate (status 126), init 6,
// or else the Ctrl-Alt-Del entry of inittab, which init runs itself.
func typedReboot(c *sim.Machine) error {
	for _, line := range []string{"reboot", "init 6"} {
		r, err := c.Apply(sim.Action{Kind: sim.Type, Line: line})
		if err != nil || r.Status != 126 {
			return err
		}
	}
	_, err := c.Apply(sim.Action{Kind: sim.CtrlAltDel})
	return err
}

// InRunlevel evaluates a check on a copy of the machine switched to a
// runlevel with init N.
//
//	in_runlevel: {level: "3", check: {process: {name: prefdm, count: 0}}}
type InRunlevel struct {
	Level Levels `yaml:"level,required"`
	Check Check  `yaml:"check,required"`
}

// ValidateStrict requires one level.
func (r *InRunlevel) ValidateStrict(n *strict.Node) {
	if len(r.Level) != 1 {
		n.Value("level").Errorf("\"level\" should be one runlevel, like \"3\"")
	}
}

func (r *InRunlevel) eval(m *sim.Machine, e *env) Outcome {
	c, why := e.after(m, []string{"init " + string(r.Level)})
	if c == nil {
		o := e.eval(&r.Check, m)
		if e.passOnly {
			return Outcome{}
		}
		return pass(false, prefix(r.label(), o.Expected), why)
	}
	o := e.eval(&r.Check, c)
	if e.passOnly {
		return Outcome{Pass: o.Pass}
	}
	label := r.label()
	return pass(o.Pass, prefix(label, o.Expected), prefix(label, o.Found))
}

// label introduces what the check found on the copy.
func (r *InRunlevel) label() Text {
	return Tf("in runlevel %s: ", "런레벨 %s에서: ", r.Level)
}

// After evaluates a check on a copy of the machine after typing some
// command lines there (the learner's machine is not touched).
//
//	after:
//	  run: [service reportd stop]
//	  check: {service_status: {service: reportd, status: 3}}
type After struct {
	Run   []string `yaml:"run,required"`
	Check Check    `yaml:"check,required"`
}

// ValidateStrict requires commands without newlines.
func (a *After) ValidateStrict(n *strict.Node) {
	if len(a.Run) == 0 {
		n.Value("run").Errorf("\"run\" has no command lines")
	}
	for _, l := range a.Run {
		if strings.ContainsAny(l, "\n") {
			n.Value("run").Errorf("each item of \"run\" is one command line; %q has a line break", l)
		}
	}
}

func (a *After) eval(m *sim.Machine, e *env) Outcome {
	c, why := e.after(m, a.Run)
	if c == nil {
		o := e.eval(&a.Check, m)
		if e.passOnly {
			return Outcome{}
		}
		return pass(false, prefix(a.label(), o.Expected), why)
	}
	o := e.eval(&a.Check, c)
	if e.passOnly {
		return Outcome{Pass: o.Pass}
	}
	label := a.label()
	return pass(o.Pass, prefix(label, o.Expected), prefix(label, o.Found))
}

// label introduces what the check found on the copy.
func (a *After) label() Text {
	var qs []string
	for _, l := range a.Run {
		qs = append(qs, "`"+l+"`")
	}
	return Tf("after %s on a copy of the machine: ", "머신 복사본에서 %s 실행 후: ", strings.Join(qs, "; "))
}

// primeXinetd works around a simulator bug: on a cloned machine, the
// running xinetd ignores reload (SIGHUP) until its runtime is looked up
// once, which XinetdLoaded does. Call it on every copy that will run
// commands.
func primeXinetd(m *sim.Machine) { m.XinetdLoaded() }

// after types lines on a fresh copy of m.
func (e *env) after(m *sim.Machine, lines []string) (*sim.Machine, Text) {
	if why := shellReady(m); why != nil {
		return nil, why
	}
	c, err := m.Clone()
	if err != nil {
		return nil, Tf("the machine could not be copied (%v)", "머신을 복사할 수 없음 (%v)", err)
	}
	primeXinetd(c)
	for _, l := range lines {
		if c.Down() != "" {
			break
		}
		if _, err := c.Apply(sim.Action{Kind: sim.Type, Line: l}); err != nil {
			return nil, Tf("%q failed (%v)", "%q 실패 (%v)", l, err)
		}
	}
	return c, nil
}
