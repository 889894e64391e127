package sim

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"rclab/sim/internal/initd"
	"rclab/sim/internal/proc"
	"rclab/sim/internal/shell"
)

// EventKind names what happened inside the machine.
type EventKind string

// The kinds of event a machine publishes.
const (
	EventScript   EventKind = "script"   // an interpreted script ended (init scripts, rc)
	EventProgram  EventKind = "program"  // a program ended
	EventSpawn    EventKind = "spawn"    // a process started
	EventExit     EventKind = "exit"     // a process left the table
	EventSignal   EventKind = "signal"   // a signal was delivered
	EventRunlevel EventKind = "runlevel" // init entered a runlevel
	EventBoot     EventKind = "boot"     // the machine powered on
	EventHalt     EventKind = "halt"     // the machine stopped
	EventReboot   EventKind = "reboot"   // the machine is rebooting
)

// Event is one thing that happened, for the UI's event log, the boot
// stepper and checks. Fields that do not apply are zero.
type Event struct {
	Time   time.Time
	Kind   EventKind
	PID    int
	Name   string   // program or process name
	Args   []string // a script's or program's argv
	Status int      // exit status of a script or program
	Signal string   // signal name, for signal and exit events ("TERM")
	Level  string   // runlevel entered
	Detail string
	// Rc is the link an EventRcStep reports (rcsteps.go); nil otherwise.
	Rc *RcStep
}

// Subscribe sets fn to be told of every event as it happens (the UI's live
// panels); nil stops. fn must not call back into the machine. It is
// called synchronously, on the goroutine that applies the action: while
// it runs, the machine waits, which is how the boot stepper holds rc
// before a link (rcsteps.go).
func (m *Machine) Subscribe(fn func(Event)) {
	m.evMu.Lock()
	m.sub = fn
	m.evMu.Unlock()
}

func (m *Machine) publish(e Event) {
	e.Time = m.k.Clock.Now()
	m.evMu.Lock()
	if e.Kind == EventBoot {
		// A boot publishes hundreds of events: room for as many as the
		// last one had, so the list is not copied over and over as it
		// grows.
		if want := int(bootEvents.Load()) + 64; cap(m.events)-len(m.events) < want {
			m.events = slices.Grow(m.events, want)
		}
	}
	if len(m.events) == cap(m.events) {
		// Room for this action's events and the next ones' (takeEvents
		// hands each action its part): an action publishes a few, and
		// growing a list from nothing copies them over and over.
		m.events = slices.Grow(m.events, max(len(m.events), minEventRoom))
	}
	m.events = append(m.events, e)
	if len(m.events) > maxEvents {
		m.events = m.events[len(m.events)-maxEvents:]
	}
	sub := m.sub
	m.evMu.Unlock()
	if sub != nil {
		sub(e)
	}
}

// scriptTime is how long an rc script takes on the virtual clock.
const scriptTime = 700 * time.Millisecond

// minEventRoom is the fewest events the list grows by.
const minEventRoom = 32

// maxEvents bounds the events kept for one action.
const maxEvents = 10_000

// bootEvents is how many events the last boot published (with the
// actions in the same list), to size the next boot's list.
var bootEvents atomic.Int64

func init() { bootEvents.Store(960) }

// takeEvents returns and clears the events since the last call.
func (m *Machine) takeEvents() []Event {
	m.evMu.Lock()
	defer m.evMu.Unlock()
	ev := m.events
	m.events = nil
	if ev == nil {
		return nil
	}
	// The list returned is capped: the next action's events go on in the
	// room left after it, which the caller cannot reach.
	rest := ev[len(ev):]
	ev = ev[:len(ev):len(ev)]
	boot := len(ev) > 64 && slices.ContainsFunc(ev, func(e Event) bool { return e.Kind == EventBoot })
	if boot {
		bootEvents.Store(int64(len(ev)))
	}
	switch {
	case boot:
		// What follows a boot is a prompt's actions, a few events each:
		// no room kept for hundreds.
	case len(ev) > 64 && cap(rest) < len(ev):
		// The next action's list starts at this one's size: a runlevel
		// change publishes hundreds, and growing from nothing copies
		// them over and over.
		m.events = make([]Event, 0, len(ev))
	case cap(rest) > 0:
		m.events = rest
	}
	return ev
}

// watchEvents connects the machine's mechanisms to its event stream.
func (m *Machine) watchEvents() {
	m.procs.Observe(func(r shell.Ran) {
		kind := EventProgram
		if r.Script {
			kind = EventScript
			if len(r.Argv) > 0 && strings.HasPrefix(r.Argv[0], "/etc/rc") {
				// An rc script takes a moment: boot and runlevel changes
				// spread over virtual seconds, as syslog and ps show.
				m.k.Clock.Advance(scriptTime)
			}
		}
		name := ""
		if len(r.Argv) > 0 {
			name = r.Argv[0]
		}
		m.publish(Event{Kind: kind, PID: r.PID, Name: name, Args: r.Argv, Status: r.Status})
		if r.Script {
			m.rcEnded(r)
		}
	})
	m.k.Procs.Subscribe(func(e proc.Event) {
		switch e.Kind {
		case proc.Spawned:
			m.publish(Event{Kind: EventSpawn, PID: e.PID, Name: e.Comm})
		case proc.Exited:
			ev := Event{Kind: EventExit, PID: e.PID, Name: e.Comm}
			if e.Signal != 0 {
				ev.Signal = e.Signal.Name()
			}
			m.publish(ev)
		case proc.Signalled:
			m.publish(Event{Kind: EventSignal, PID: e.PID, Name: e.Comm, Signal: e.Signal.Name()})
		}
	})
	m.init.Observe(func(e initd.Event) {
		switch e.Kind {
		case "runlevel":
			m.publish(Event{Kind: EventRunlevel, Level: string(e.Level)})
		case "boot":
			m.publish(Event{Kind: EventBoot, Detail: e.Detail})
		case "halt":
			m.publish(Event{Kind: EventHalt, Detail: e.Detail})
		case "reboot":
			m.publish(Event{Kind: EventReboot})
		}
	})
}
