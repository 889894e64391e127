package check

import (
	"fmt"
	"reflect"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Check is one condition on a machine, as a lesson step or an exam task
// states it. In YAML it is a mapping with exactly one key, the kind of
// check, whose value holds its parameters:
//
//	check:
//	  all:
//	    - runlevel: {current: "3", previous: "5"}
//	    - not: {process: {name: prefdm}}
//	    - after_reboot: {service_status: {service: httpd, status: 0}}
//
// Exactly one field is set. The zero Check is invalid.
type Check struct {
	// Combinators.
	All         []Check     `yaml:"all"`
	Any         []Check     `yaml:"any"`
	Not         *Check      `yaml:"not"`
	AfterReboot *Check      `yaml:"after_reboot"`
	InRunlevel  *InRunlevel `yaml:"in_runlevel"`
	After       *After      `yaml:"after"`

	// Runlevels and inittab.
	Runlevel    *Runlevel    `yaml:"runlevel"`
	Initdefault *Initdefault `yaml:"initdefault"`
	InitLoaded  *InitLoaded  `yaml:"init_loaded"`

	// Files.
	File          *File          `yaml:"file"`
	FileUnchanged *FileUnchanged `yaml:"file_unchanged"`
	Answer        *Answer        `yaml:"answer"`
	Password      *Password      `yaml:"password"`

	// Services and their links.
	RCLinks       *RCLinks       `yaml:"rc_links"`
	RCState       *RCState       `yaml:"rc_state"`
	RCUnchanged   *RCUnchanged   `yaml:"rc_unchanged"`
	RCLevel       *RCLevel       `yaml:"rc_level"`
	ServiceStatus *ServiceStatus `yaml:"service_status"`
	Lock          *Lock          `yaml:"lock"`
	Xinetd        *Xinetd        `yaml:"xinetd"`

	// Processes and sockets.
	Process      *Process      `yaml:"process"`
	PIDUnchanged *PIDUnchanged `yaml:"pid_unchanged"`
	DaemonConfig *DaemonConfig `yaml:"daemon_config"`
	Listener     *Listener     `yaml:"listener"`
	RSSTotal     *RSSTotal     `yaml:"rss_total"`

	// Events.
	ShutdownPending *ShutdownPending `yaml:"shutdown_pending"`
	Broadcast       *Broadcast       `yaml:"broadcast"`
	Command         *Command         `yaml:"command"`
	BootHistory     *BootHistory     `yaml:"boot_history"`
}

// Kinds lists the keys a check can have, for documentation and messages.
func Kinds() []string { return strict.KeysOf(Check{}) }

// predicate is what every kind of check implements.
type predicate interface {
	eval(m *sim.Machine, e *env) Outcome
}

// kind returns the set field's key and value.
func (c *Check) kind() (string, predicate) {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := v.Field(i)
		if f.IsZero() {
			continue
		}
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		switch key {
		case "all":
			return key, allOf(c.All)
		case "any":
			return key, anyOf(c.Any)
		case "not":
			return key, notOf{c.Not}
		case "after_reboot":
			return key, afterReboot{c.AfterReboot}
		}
		if p, ok := f.Interface().(predicate); ok {
			return key, p
		}
	}
	return "", nil
}

// Kind is the check's kind: its YAML key ("runlevel", "all"…), or "" for
// the zero Check.
func (c *Check) Kind() string {
	k, _ := c.kind()
	return k
}

// UnmarshalStrict decodes a check: a mapping with one key naming its
// kind.
func (c *Check) UnmarshalStrict(n *strict.Node) error {
	if n.Kind() != "mapping" {
		n.Errorf("%s should be a mapping with one key naming the kind of check (%s), not %s",
			whatCheck(n), strings.Join(Kinds(), ", "), n.Kind())
		return nil
	}
	keys := n.Keys()
	switch {
	case len(keys) == 0:
		n.Errorf("%s is empty: name one kind of check (%s)", whatCheck(n), strings.Join(Kinds(), ", "))
		return nil
	case len(keys) > 1:
		n.Key(keys[1]).Errorf("a check has exactly one kind, but this one has %q and %q: put several checks in a list under \"all\" (or \"any\")",
			keys[0], keys[1])
		return nil
	}
	n.DecodeFields(c)
	return nil
}

func whatCheck(n *strict.Node) string {
	if n.Name() == "" {
		return "this check"
	}
	return fmt.Sprintf("the check %q", n.Name())
}

// Outcome is the result of a check: whether it passed, and what it
// expected and found, in every language. Expected and Found are filled
// whether it passed or not.
type Outcome struct {
	Pass     bool
	Expected Text
	Found    Text
}

// Explain words the outcome in language l: "expected …; found …".
func (o Outcome) Explain(l Lang) string {
	if l == Ko {
		return "기대: " + o.Expected.In(l) + " / 실제: " + o.Found.In(l)
	}
	return "expected " + o.Expected.In(l) + "; found " + o.Found.In(l)
}

func pass(ok bool, expected, found Text) Outcome {
	return Outcome{Pass: ok, Expected: expected, Found: found}
}

// Ctx is what a check may compare the machine with: the machine as it
// was when the lesson (or exam) started and when the current step
// started, and what the console showed since the step started. Nil
// fields make the checks that need them fail with an explanation.
type Ctx struct {
	// Lesson is a copy of the machine when the lesson started.
	Lesson *sim.Machine
	// Step is a copy of the machine when the current step started.
	Step *sim.Machine
	// Journal is what happened at the console since the step started.
	Journal *Journal
	// Exam says the context is an exam's: Lesson is then the start of the
	// exam, and explanations say so. That machine must never change:
	// the fingerprints of rebooted copies keep hashes of its files.
	Exam bool
}

// baseline returns the machine of "lesson" or "step".
func (c *Ctx) baseline(since string) (*sim.Machine, Text) {
	if c == nil {
		return nil, T("no record of the start", "시작 시점의 기록이 없음")
	}
	if since == "step" {
		if c.Step == nil {
			return nil, T("no record of the start of the step", "단계 시작 시점의 기록이 없음")
		}
		return c.Step, nil
	}
	if c.Lesson == nil {
		return nil, T("no record of the start of the lesson", "레슨 시작 시점의 기록이 없음")
	}
	return c.Lesson, nil
}

// sinceText names a baseline.
func (c *Ctx) sinceText(since string) Text {
	if c != nil && c.Exam && since != "step" {
		return T("since the start of the exam", "시험 시작 이후")
	}
	if since == "step" {
		return T("since the start of the step", "단계 시작 이후")
	}
	return T("since the start of the lesson", "레슨 시작 이후")
}

// Eval evaluates the check on m. It never changes m: checks that run
// commands (service status, after a reboot…) run them on copies. ctx may
// be nil.
func (c *Check) Eval(m *sim.Machine, ctx *Ctx) Outcome {
	e := &env{ctx: ctx}
	return e.eval(c, m)
}

// env is one evaluation: its context and the copies of machines it made,
// so that several checks share them.
type env struct {
	ctx *Ctx
	// passOnly: the outcomes need only Pass (see NewPassEvaluator); the
	// checks still read and run on the machines exactly what they would
	// otherwise.
	passOnly bool
	scratch  map[*sim.Machine]*sim.Machine
	rebooted map[*sim.Machine]*sim.Machine
	views    map[*sim.Machine]*view // what checks read of each machine (views.go)
}

func (e *env) eval(c *Check, m *sim.Machine) Outcome {
	if c == nil {
		return pass(false, T("a check", "검사 조건"), T("none", "없음"))
	}
	_, p := c.kind()
	if p == nil {
		return pass(false, T("a check", "검사 조건"), T("an empty check", "비어 있는 검사 조건"))
	}
	return p.eval(m, e)
}

// scratchCopy is a copy of m for commands that only read (service
// status); one per machine per evaluation.
func (e *env) scratchCopy(m *sim.Machine) (*sim.Machine, error) {
	if c, ok := e.scratch[m]; ok {
		return c, nil
	}
	c, err := m.Clone()
	if err != nil {
		return nil, err
	}
	primeXinetd(c)
	if e.scratch == nil {
		e.scratch = map[*sim.Machine]*sim.Machine{}
	}
	e.scratch[m] = c
	return c, nil
}

// shellReady explains why commands cannot be typed on m, or returns nil.
func shellReady(m *sim.Machine) Text {
	switch {
	case m.Down() != "":
		return T("the machine is off", "머신이 꺼져 있음")
	case m.Prompt() == "":
		return T("no shell on the console (init is asking for a runlevel)", "콘솔에 셸이 없음 (init이 런레벨을 묻는 중)")
	case m.Pending():
		return T("an unfinished command line at the console", "콘솔에 입력이 끝나지 않은 명령 줄이 있음")
	}
	return nil
}

// ---- combinators ---------------------------------------------------------

type allOf []Check

func (a allOf) eval(m *sim.Machine, e *env) Outcome {
	if e.passOnly {
		ok := true
		for i := range a {
			if !e.eval(&a[i], m).Pass {
				ok = false
			}
		}
		return Outcome{Pass: ok}
	}
	ok := true
	var exp, found, failed []Text
	for i := range a {
		o := e.eval(&a[i], m)
		exp = append(exp, o.Expected)
		found = append(found, o.Found)
		if !o.Pass {
			ok = false
			failed = append(failed, o.Found)
		}
	}
	if ok {
		return pass(true, join("; ", exp...), join("; ", found...))
	}
	return pass(false, join("; ", exp...), join("; ", failed...))
}

type anyOf []Check

func (a anyOf) eval(m *sim.Machine, e *env) Outcome {
	var exp, found []Text
	for i := range a {
		o := e.eval(&a[i], m)
		if o.Pass {
			return pass(true, o.Expected, o.Found)
		}
		if e.passOnly {
			continue
		}
		exp = append(exp, o.Expected)
		found = append(found, o.Found)
	}
	if e.passOnly {
		return Outcome{}
	}
	return pass(false, prefix(T("one of: ", "다음 중 하나: "), join(" | ", exp...)), join(" | ", found...))
}

type notOf struct{ c *Check }

func (n notOf) eval(m *sim.Machine, e *env) Outcome {
	o := e.eval(n.c, m)
	if e.passOnly {
		return Outcome{Pass: !o.Pass}
	}
	return pass(!o.Pass, prefix(T("not: ", "다음이 아님: "), o.Expected), o.Found)
}

// ValidateStrict reports an empty all or any list.
func (c *Check) ValidateStrict(n *strict.Node) {
	if c.All != nil && len(c.All) == 0 {
		n.Value("all").Errorf("\"all\" has no checks")
	}
	if c.Any != nil && len(c.Any) == 0 {
		n.Value("any").Errorf("\"any\" has no checks")
	}
}

// Parse decodes one check from YAML text (file names it in errors).
func Parse(file string, src []byte) (*Check, error) {
	var c Check
	if err := strict.Decode(file, src, &c); err != nil {
		return nil, err
	}
	return &c, nil
}
