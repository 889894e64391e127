package tui

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gdamore/tcell/v2"

	"rclab/sim"
)

// This file is how the sandbox shows a boot and what the machine writes
// while a command runs. Output always reaches the consoles as it is
// written (sim's live output), so `service httpd restart` or `init 3`
// show their lines as they happen, and a wall message appears on every
// console at once. How fast a boot goes is the student's choice (F9 in
// the sandbox, s at GRUB's menu):
//
//   - instant: the machine boots as fast as it can (the boot is shown
//     when it is over);
//   - realistic: the console's lines come at the pace of the machine's
//     clock, compressed so that a boot takes a few seconds;
//   - stepper: rc stops before each link of the runlevel's directory
//     until a key is pressed (stepper.go).

// bootSpeed is how a boot is shown.
type bootSpeed int

const (
	speedInstant bootSpeed = iota
	speedRealistic
	speedStepper
	numSpeeds
)

var speedNames = [numSpeeds]msgID{msgSpeedInstant, msgSpeedRealistic, msgSpeedStepper}

// label is the speed's name in language l.
func (b bootSpeed) label(l Lang) string { return l.tr(speedNames[b]) }

// speedSetting is the UI's boot speed; the machine's goroutines read it.
type speedSetting struct{ v atomic.Int32 }

func (s *speedSetting) get() bootSpeed  { return bootSpeed(s.v.Load()) }
func (s *speedSetting) set(b bootSpeed) { s.v.Store(int32(b)) }

// cycleSpeed chooses the next boot speed.
func (u *UI) cycleSpeed() {
	sp := (u.speed.get() + 1) % numSpeeds
	u.speed.set(sp)
	if s := u.sb; s != nil && u.page == pageSandbox && s.state != stateBooting {
		s.term().WriteString(s.env.trf(msgSbSpeedNextBoot, sp.label(s.env.lang)) + "\n")
	}
}

// speedText is the status line's note of the boot speed.
func (u *UI) speedText() string {
	return u.env.trf(msgStatusSpeed, u.speed.get().label(u.env.lang))
}

// speed is the boot speed that applies to s now: the sandbox screen's
// is the student's choice; lessons and exams boot at once.
func (s *sandbox) speed() bootSpeed {
	if !s.paced.Load() {
		return speedInstant
	}
	return s.u.speed.get()
}

// bootKey handles the sandbox's boot keys: the stepper's while it holds
// rc, and the speed key. It reports whether it took ev.
func (s *sandbox) bootKey(ev *tcell.EventKey) bool {
	if s.steps.holding() {
		if act, _ := lookup(scopeStepper, ev); act != actNone {
			switch act {
			case actStep:
				s.steps.step()
			case actStepFinish:
				s.steps.finish()
			}
			return true
		}
	}
	if act, _ := lookup(scopeBoot, ev); act == actBootSpeed {
		s.u.cycleSpeed()
		return true
	}
	return false
}

// liveOptions are the options of a machine booted at speed sp: a boot
// that is paced or stepped is followed as it happens, its output on the
// console, its events in the panels and the stepper.
func (s *sandbox) liveOptions(sp bootSpeed, g int) []sim.Option {
	if sp == speedInstant {
		return nil
	}
	var booting atomic.Pointer[sim.Machine]
	return []sim.Option{
		sim.WithStarted(func(m *sim.Machine) { booting.Store(m) }),
		sim.WithOutput(s.liveOutput(g)),
		sim.WithEvents(func(e sim.Event) {
			if m := booting.Load(); m != nil {
				s.subscriber(m, g)(e)
			}
		}),
	}
}

// liveOutput is the machine's live output function: each piece goes to
// its console in order. In realistic mode it first waits as long as the
// machine's clock says, compressed.
func (s *sandbox) liveOutput(g int) func(sim.Output) {
	return func(o sim.Output) {
		data := string(o.Data)
		if o.TTY == 1 && s.speed() == speedRealistic {
			time.Sleep(s.pace.delay(o.Time, data))
		}
		s.u.post(func() {
			if g == s.gen && o.TTY >= 1 && o.TTY <= numConsoles {
				s.consoles[o.TTY-1].WriteString(data)
			}
		})
	}
}

// subscriber is the machine's event function once it is built: the
// panels, the pacer and the stepper follow its events.
func (s *sandbox) subscriber(m *sim.Machine, g int) func(sim.Event) {
	return func(e sim.Event) {
		if e.Kind != sim.EventRcStep {
			s.onEvent(m, g, e)
		}
		s.paceEvent(e)
		s.stepEvent(g, e)
	}
}

// paceEvent tells the pacer when a boot starts (its lines come one by
// one) and when init enters a runlevel (rc's scripts take their time).
func (s *sandbox) paceEvent(e sim.Event) {
	switch e.Kind {
	case sim.EventBoot:
		s.pace.setBooting(true)
	case sim.EventRunlevel:
		s.pace.setRc()
	}
}

// pacer spreads the console's output over time in realistic mode, while
// the machine boots or changes its runlevel; other commands' output is
// not held back.
type pacer struct {
	mu      sync.Mutex
	last    time.Time // the machine's clock at the last piece
	on      bool      // a boot or an rc pass runs: pace the output
	booting bool      // a boot runs: every line takes a moment
}

// Realistic pacing: a second of the machine's clock lasts perClock, but
// no wait is longer than maxWait (an hour of `wait` is not an hour
// here); while the machine boots, each line also takes perLine.
const (
	perClock = 100 * time.Millisecond
	maxWait  = 250 * time.Millisecond
	perLine  = 12 * time.Millisecond
)

// delay is how long to wait before showing text written at clock.
func (p *pacer) delay(clock time.Time, text string) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	var d time.Duration
	if !p.on {
		p.last = clock
		return 0
	}
	if !p.last.IsZero() && clock.After(p.last) {
		d = min(time.Duration(float64(clock.Sub(p.last))*float64(perClock)/float64(time.Second)), maxWait)
	}
	p.last = clock
	if p.booting {
		d += time.Duration(strings.Count(text, "\n")) * perLine
	}
	return d
}

// setBooting says whether a boot runs; false also ends an rc pass (the
// machine is idle again).
func (p *pacer) setBooting(b bool) {
	p.mu.Lock()
	p.booting, p.on = b, b
	p.mu.Unlock()
}

// setRc says an rc pass runs.
func (p *pacer) setRc() {
	p.mu.Lock()
	p.on = true
	p.mu.Unlock()
}
