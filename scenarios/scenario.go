package scenarios

import (
	"time"

	"rclab/lessons/check"
)

// Scenario is one exam task, decoded from one YAML file. A scenario with
// variables is decoded with their first values; Variant gives the
// scenario of one attempt.
type Scenario struct {
	// ID is E, two digits, a dash and lower-case words: "E01-web-dns-server".
	ID    string     `yaml:"id,required"`
	Title check.Text `yaml:"title,required"`
	// Image is the machine's base image ("centos5" when left out).
	Image string `yaml:"image"`
	// TimeLimit is how long the candidate has, on the virtual clock.
	TimeLimit Duration `yaml:"time_limit,required"`
	// LiveResults allows exam mode to show pass/fail while the exam runs.
	LiveResults bool `yaml:"live_results"`
	// Deny lists programs the candidate may not run ("reboot").
	Deny []check.Name `yaml:"deny"`
	// Variables are drawn from the attempt's seed, in this order.
	Variables Variables `yaml:"variables"`
	// Setup puts the machine in the state the exam starts from.
	Setup Setup `yaml:"setup"`
	// Task is what the candidate reads; markup as in lessons.
	Task check.Text `yaml:"task,required"`
	// Checks are graded one by one, all or nothing each.
	Checks []*Check `yaml:"checks,required"`
	// Solution is a reference solution from the start state.
	Solution []check.Action `yaml:"solution,required"`
	// Wrong are known wrong answers and the score each gets.
	Wrong []*WrongAnswer `yaml:"wrong"`

	// File is where the scenario was read from.
	File string `yaml:"-"`
	// Hash is the hex SHA-256 of the file's bytes, recorded in
	// transcripts so a grader knows which version a candidate had.
	Hash string `yaml:"-"`

	src  []byte    // the file as written
	tmpl *template // its ${…} references
}

// Duration is a Go duration written as text: "20m", "1h30m".
type Duration time.Duration

// Setup is applied to a freshly booted machine before the clock starts:
// files first, then faults, then commands (output hidden), then the
// shell's history is cleared.
type Setup struct {
	// BootArgs are kernel arguments of the first boot.
	BootArgs []string `yaml:"boot_args"`
	Files    []*File  `yaml:"files"`
	Faults   []*Fault `yaml:"faults"`
	// Commands are typed at the root console; a command may also be an
	// action ({poweron: ""}, {wait: 16m}, {ctrlaltdel: true}).
	Commands []check.Action `yaml:"commands"`
}

// File is a file the setup writes (parent directories are created).
type File struct {
	Path    string      `yaml:"path,required"`
	Mode    *check.Mode `yaml:"mode"` // 0644 when left out
	Content string      `yaml:"content,required"`
}

// Fault is one typical breakage the setup injects; exactly one field is
// set.
type Fault struct {
	// Initdefault rewrites the id line of /etc/inittab to this level.
	Initdefault check.Level `yaml:"initdefault"`
	// NotExecutable removes the execute bits of a file (chmod a-x).
	NotExecutable string `yaml:"not_executable"`
	// DanglingLink makes a symbolic link to a target that does not exist.
	DanglingLink *LinkFault `yaml:"dangling_link"`
	// StaleLock creates /var/lock/subsys/NAME without the service running.
	StaleLock check.Name `yaml:"stale_lock"`
	// StalePID writes a pid file naming a process that does not run.
	StalePID *PIDFault `yaml:"stale_pid"`
	// XinetdDisable sets "disable = yes|no" in /etc/xinetd.d/SERVICE.
	XinetdDisable *XinetdFault `yaml:"xinetd_disable"`
	// Replace replaces text in a file (a broken configuration).
	Replace *ReplaceFault `yaml:"replace"`
}

// LinkFault is a dangling symbolic link.
type LinkFault struct {
	Path   string `yaml:"path,required"`
	Target string `yaml:"target,required"`
}

// PIDFault is a pid file left behind.
type PIDFault struct {
	File string `yaml:"file,required"`
	PID  int    `yaml:"pid,required"`
}

// XinetdFault sets an xinetd service's disable line.
type XinetdFault struct {
	Service check.Name `yaml:"service,required"`
	Disable YesNo      `yaml:"disable,required"`
}

// YesNo is yes or no (true and false are accepted too).
type YesNo string

// ReplaceFault replaces the first occurrence of Old by New in File (every
// occurrence with All).
type ReplaceFault struct {
	File string `yaml:"file,required"`
	Old  string `yaml:"old,required"`
	New  string `yaml:"new"`
	All  bool   `yaml:"all"`
}

// Check is one graded condition of a scenario.
type Check struct {
	// ID is a short lower-case id, unique in the scenario (a CSV column).
	ID     string     `yaml:"id,required"`
	Points int        `yaml:"points,required"`
	Text   check.Text `yaml:"text,required"`
	// RebootSafe: the check must also pass on a copy of the machine
	// after a clean reboot.
	RebootSafe bool        `yaml:"reboot_safe"`
	Check      check.Check `yaml:"check,required"`
}

// WrongAnswer is a known wrong way to do the task and the score it must
// get.
type WrongAnswer struct {
	Name     check.Text     `yaml:"name,required"`
	Solution []check.Action `yaml:"solution,required"`
	Score    int            `yaml:"score,required"`
}

// Points is the scenario's total: the sum of its checks' points.
func (s *Scenario) Points() int {
	n := 0
	for _, c := range s.Checks {
		n += c.Points
	}
	return n
}
