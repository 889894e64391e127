package sim

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"rclab/sim/internal/proc"
	"rclab/sim/internal/shell"
)

// This file follows /etc/rc.d/rc through the links of a runlevel's
// directory and publishes one EventRcStep per link: the boot stepper
// shows them one at a time, and the event log and lessons can tell why a
// service was or was not started.
//
// rc itself is a shell script of the image, interpreted like any other;
// what it runs is seen when the link's process starts and ends. The links
// it passes by are found from the directory, in rc's order (K links, then
// S links, each in name order), between two links it ran and after the
// last one; why it passed them by is worked out from the file system as
// rc found it (the lock in /var/lock/subsys, an executable target, the
// name), following the rules of reference §4.
//
// Subscribers are called synchronously, on the goroutine that runs rc,
// before the link runs: a subscriber that blocks until the student
// presses a key holds the boot (or the runlevel change) right there, and
// the machine goes on when it returns. A subscriber that blocks must let
// go when the student asks to finish, and must not call the machine
// meanwhile (the action that runs rc holds it).

// EventRcStep is one link of an rc pass; Event.Rc says which and what
// happened to it.
const EventRcStep EventKind = "rcstep"

// RcStepKind says what an EventRcStep reports.
type RcStepKind string

// The kinds of rc step.
const (
	// RcRun: rc is about to run the link (published before it starts).
	RcRun RcStepKind = "run"
	// RcSkip: rc passes the link by; Reason says why.
	RcSkip RcStepKind = "skip"
	// RcDone: the link rc ran has finished: its Output and Status.
	RcDone RcStepKind = "done"
)

// RcStep is what an EventRcStep reports about one link.
type RcStep struct {
	Kind  RcStepKind
	Level string // the runlevel rc runs: "3"
	Link  string // the link's name: "S55sshd"
	Path  string // the link as rc names it: "/etc/rc3.d/S55sshd"
	Verb  string // "stop" for a K link, "start" for an S link
	// Reason says why rc runs the link or passes it by, from the file
	// system as rc found it: "no lock /var/lock/subsys/sshd: not running,
	// so rc starts it", "lock /var/lock/subsys/sshd present: already
	// running", "not executable", "dangling link: ../init.d/foo does not
	// exist", "ignored name (.rpmsave)".
	Reason string
	// Output is what the console showed for the link (RcDone), with its
	// escapes: a wrapped script's "Starting foo: " and status tag
	// included.
	Output string
	// Status is the link's exit status (RcDone; rc ignores it).
	Status int
	// Index is the link's place in rc's order (from 1) among Total links.
	Index, Total int
}

// rcTracker is the state of the rc pass being followed.
type rcTracker struct {
	mu   sync.Mutex
	pass *rcPass
	// out is what the console showed since the last step boundary, while
	// a pass runs.
	out bytes.Buffer
	// evs is room for the events of one step boundary, reused; nil while
	// they are being published.
	evs []Event
}

// rcPass is one run of /etc/rc.d/rc.
type rcPass struct {
	pid    int
	level  string
	dir    string   // "/etc/rc3.d"
	links  []string // rc's order; nil until first needed
	paths  []string // the links' paths, as rc names them
	listed bool
	next   int // the first link not reported yet
	// cur is the link that ran and waits for its RcDone (-1 for none),
	// curPID its process; ended says its script ended, with status.
	cur, curPID int
	ended       bool
	status      int
	curOut      string // its output so far
}

// record keeps what the console shows while a pass runs.
func (t *rcTracker) record(p []byte) {
	t.mu.Lock()
	if t.pass != nil {
		t.out.Write(p)
	}
	t.mu.Unlock()
}

// watchRc follows the rc passes of the machine.
func (m *Machine) watchRc() {
	m.k.Procs.Subscribe(func(e proc.Event) {
		switch e.Kind {
		case proc.Spawned:
			m.rcSpawned(e.PID)
		case proc.Exited:
			m.rcExited(e.PID)
		}
	})
}

// rcSpawned looks at a process that started: rc itself, or a link of
// the pass.
func (m *Machine) rcSpawned(pid int) {
	p, ok := m.k.Procs.Get(pid)
	if !ok || len(p.Args) < 2 {
		return
	}
	script := p.Args[1]
	if script == "/etc/rc.d/rc" {
		m.rcBegin(pid, p.Args[2:])
		return
	}
	m.rcLink(pid, script)
}

// rcBegin starts following a pass of rc (args are rc's arguments).
func (m *Machine) rcBegin(pid int, args []string) {
	t := &m.rc
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pass != nil {
		return // rc run from rc: the outer pass is followed
	}
	level := ""
	if len(args) > 0 {
		level = args[0]
	} else if _, cur := m.k.Runlevel(); cur != 0 {
		level = string(cur)
	}
	t.pass = &rcPass{pid: pid, level: level, dir: "/etc/rc" + level + ".d", cur: -1}
	t.out.Reset()
}

// inPass reports whether script is a link of the pass's directory.
func (ps *rcPass) inPass(script string) bool {
	dir := path.Dir(script)
	return dir == ps.dir || dir == "/etc/rc.d/rc"+ps.level+".d"
}

// rcLink reports a link rc is about to run, after the links passed by
// since the last one.
func (m *Machine) rcLink(pid int, script string) {
	t := &m.rc
	t.mu.Lock()
	ps := t.pass
	if ps == nil || !ps.inPass(script) || ps.curPID == pid {
		t.mu.Unlock()
		return
	}
	m.rcList(ps)
	idx := -1
	base := path.Base(script)
	for i := ps.next; i < len(ps.links); i++ {
		if ps.links[i] == base {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.mu.Unlock()
		return // not in rc's order (run twice, or made meanwhile)
	}
	// The output since the previous link's end: its status tag (the
	// finished lines) and this link's "Starting foo: " (the open line).
	pre := t.out.String()
	t.out.Reset()
	head, tail := pre, ""
	if i := strings.LastIndexByte(pre, '\n'); i >= 0 {
		head, tail = pre[:i+1], pre[i+1:]
	} else {
		head, tail = "", pre
	}
	// The link that ended, those passed by, and this one.
	evs := t.takeEvs()
	evs = m.rcDone(evs, ps, head)
	evs = m.rcSkips(evs, ps, idx)
	ps.cur, ps.curPID, ps.ended, ps.status, ps.curOut = idx, pid, false, 0, tail
	ps.next = idx + 1
	evs = append(evs, m.rcStep(ps, idx, RcRun, true))
	t.mu.Unlock()
	m.publishAll(evs)
	t.giveEvs(evs)
}

// takeEvs returns the room for a step boundary's events, empty; t.mu is
// held.
func (t *rcTracker) takeEvs() []Event {
	evs := t.evs[:0]
	t.evs = nil
	return evs
}

// giveEvs gives back the room takeEvs gave, once its events are
// published.
func (t *rcTracker) giveEvs(evs []Event) {
	clear(evs) // let go of what the events hold
	t.mu.Lock()
	t.evs = evs[:0]
	t.mu.Unlock()
}

// rcEnded is told of every script that ended: the link that ran, or rc
// itself (the pass is over).
func (m *Machine) rcEnded(r shell.Ran) {
	t := &m.rc
	t.mu.Lock()
	ps := t.pass
	if ps == nil {
		t.mu.Unlock()
		return
	}
	switch {
	case r.PID == ps.pid:
		t.mu.Unlock()
		m.rcExited(r.PID)
		return
	case r.PID == ps.curPID && ps.cur >= 0:
		ps.ended, ps.status = true, r.Status
		ps.curOut += t.out.String()
		t.out.Reset()
	}
	t.mu.Unlock()
}

// rcExited ends the pass when rc's process has gone: the last link is
// done, and the links after it were passed by.
func (m *Machine) rcExited(pid int) {
	t := &m.rc
	t.mu.Lock()
	ps := t.pass
	if ps == nil || pid != ps.pid {
		t.mu.Unlock()
		return
	}
	m.rcList(ps)
	rest := t.out.String()
	t.out.Reset()
	evs := t.takeEvs()
	evs = m.rcDone(evs, ps, rest)
	evs = m.rcSkips(evs, ps, len(ps.links))
	t.pass = nil
	t.mu.Unlock()
	m.publishAll(evs)
	t.giveEvs(evs)
}

// rcDone appends to evs the report of the link that ran, once its status
// tag (more) is in.
func (m *Machine) rcDone(evs []Event, ps *rcPass, more string) []Event {
	if ps.cur < 0 {
		return evs
	}
	ev := m.rcStep(ps, ps.cur, RcDone, true)
	ev.Rc.Output, ev.Rc.Status = ps.curOut+more, ps.status
	ev.Status = ps.status
	ps.cur, ps.curPID, ps.curOut = -1, 0, ""
	return append(evs, ev)
}

// rcSkips appends to evs the reports of the links before index end that
// rc passed by.
func (m *Machine) rcSkips(evs []Event, ps *rcPass, end int) []Event {
	for ; ps.next < end; ps.next++ {
		evs = append(evs, m.rcStep(ps, ps.next, RcSkip, false))
	}
	return evs
}

// rcList reads the pass's directory in rc's order, once.
func (m *Machine) rcList(ps *rcPass) {
	if ps.listed {
		return
	}
	ps.listed = true
	f, err := m.k.FS.Open(ps.dir)
	if err != nil {
		return
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	// K links, then S links, each in name order: since every K name sorts
	// before every S name, that is the name order of both together.
	links := names[:0]
	size := 0
	for _, n := range names {
		if strings.HasPrefix(n, "K") || strings.HasPrefix(n, "S") {
			links = append(links, n)
			size += len(ps.dir) + 1 + len(n)
		}
	}
	slices.Sort(links)
	ps.links = links
	// Every path is a piece of one string.
	var b strings.Builder
	b.Grow(size)
	for _, n := range links {
		b.WriteString(ps.dir)
		b.WriteByte('/')
		b.WriteString(n)
	}
	all := b.String()
	ps.paths = make([]string, len(links))
	for i, n := range links {
		end := len(ps.dir) + 1 + len(n)
		ps.paths[i], all = all[:end], all[end:]
	}
}

// rcStep is the event for link i of the pass.
func (m *Machine) rcStep(ps *rcPass, i int, kind RcStepKind, runs bool) Event {
	name := ps.links[i]
	st := &RcStep{Kind: kind, Level: ps.level, Link: name, Path: ps.paths[i],
		Verb: "start", Index: i + 1, Total: len(ps.links)}
	if name[0] == 'K' {
		st.Verb = "stop"
	}
	if kind != RcDone {
		st.Reason = m.rcReason(st.Path, name, runs)
	}
	return Event{Kind: EventRcStep, Name: name, Level: ps.level, Detail: st.Reason, Rc: st}
}

// rcIgnored are the endings of names rc never runs (is_ignored_file of
// the function library).
var rcIgnored = []string{"~", ".bak", ".orig", ".rpmnew", ".rpmorig", ".rpmsave"}

// rcReason says why rc runs (runs) or passes by the link at p, by the
// rules of /etc/rc.d/rc: the target must be executable and the name not
// a backup's; a K link runs when its service's lock exists, an S link
// when it does not.
func (m *Machine) rcReason(p, name string, runs bool) string {
	fsys := m.k.FS
	mode, ok := fsys.StatMode(p)
	if !ok {
		if lmode, ok := fsys.LstatMode(p); ok && lmode&fs.ModeSymlink != 0 {
			target, _ := fsys.Readlink(p)
			return "dangling link: " + target + " does not exist"
		}
	}
	if !ok || mode.Perm()&0o111 == 0 {
		return "not executable"
	}
	for _, suffix := range rcIgnored {
		if strings.HasSuffix(name, suffix) {
			return "ignored name (" + suffix + ")"
		}
	}
	subsys := ""
	if len(name) > 3 {
		subsys = name[3:]
	}
	lock := "/var/lock/subsys/" + subsys
	locked := false
	if mode, ok := fsys.StatMode(lock); ok && mode.IsRegular() {
		locked = true
	} else if mode, ok := fsys.StatMode(lock + ".init"); ok && mode.IsRegular() {
		lock, locked = lock+".init", true
	}
	switch {
	case name[0] == 'K' && locked:
		return "lock " + lock + " present: running, so rc stops it"
	case name[0] == 'K':
		return "no lock " + lock + ": not running, nothing to stop"
	case locked:
		return "lock " + lock + " present: already running"
	case !runs:
		if _, ok := fsys.StatMode("/var/run/confirm"); ok {
			return "not confirmed at the interactive start-up prompt"
		}
		return "no lock " + lock + ", yet rc passed it by"
	}
	return "no lock " + lock + ": not running, so rc starts it"
}

// publishAll publishes events in order.
func (m *Machine) publishAll(evs []Event) {
	for _, e := range evs {
		m.publish(e)
	}
}
