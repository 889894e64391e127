package kernel

import (
	"io"
	"sort"
	"strings"
	"time"
)

// NoLevel is how runlevel prints "no previous runlevel".
const NoLevel = 'N'

// Runlevel returns the previous and current runlevel as utmp records them
// (NoLevel when none); cur is 0 before init has entered any level.
func (k *Kernel) Runlevel() (prev, cur byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.prevLevel, k.curLevel
}

// RunlevelChanged reports when the current runlevel was entered.
func (k *Kernel) RunlevelChanged() time.Time {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.levelTime
}

// SetRunlevel records a runlevel change, as init writes utmp.
func (k *Kernel) SetRunlevel(prev, cur byte) {
	k.mu.Lock()
	k.prevLevel, k.curLevel, k.levelTime = prev, cur, k.Clock.Now()
	k.mu.Unlock()
}

// InitRequest is something asked of init (PID 1) by telinit, shutdown,
// Ctrl-Alt-Del or a signal. Init acts on it when the current command has
// returned, as the real one does asynchronously.
type InitRequest struct {
	Kind  string // "runlevel", "reload", "ctrlaltdel", "powerfail", "poweroff", "reboot", "halt"
	Level byte   // for "runlevel"
	// Timeout is telinit -t: seconds between TERM and KILL.
	Timeout int
	// Env is telinit -e: variables for the next commands init starts.
	Env []string
}

// RequestInit queues a request for init.
func (k *Kernel) RequestInit(r InitRequest) {
	k.mu.Lock()
	k.initQueue = append(k.initQueue, r)
	k.mu.Unlock()
}

// InitRequests counts the queued requests.
func (k *Kernel) InitRequests() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.initQueue)
}

// TakeInitRequests returns and clears the queued requests.
func (k *Kernel) TakeInitRequests() []InitRequest {
	k.mu.Lock()
	defer k.mu.Unlock()
	q := k.initQueue
	k.initQueue = nil
	return q
}

// Timer is work scheduled on the virtual clock (a pending shutdown).
type Timer struct {
	Name string
	At   time.Time
	Data any // what the owner needs to act, e.g. the shutdown's message
}

// Schedule sets (or replaces) the timer named t.Name.
func (k *Kernel) Schedule(t Timer) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.timers == nil {
		k.timers = map[string]Timer{}
	}
	k.timers[t.Name] = t
}

// Cancel removes a timer; it reports whether one was pending.
func (k *Kernel) Cancel(name string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	_, ok := k.timers[name]
	delete(k.timers, name)
	return ok
}

// Pending returns the named timer, if set.
func (k *Kernel) Pending(name string) (Timer, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	t, ok := k.timers[name]
	return t, ok
}

// Due removes and returns the timers due at or before now, earliest first.
func (k *Kernel) Due(now time.Time) []Timer {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []Timer
	for name, t := range k.timers {
		if !t.At.After(now) {
			out = append(out, t)
			delete(k.timers, name)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Session is a login on a terminal, as utmp records it for who and w.
type Session struct {
	User  string
	TTY   string // "tty1", "pts/0"
	Login time.Time
	PID   int
	From  string // remote host for pts sessions, "" on a console
}

// Login records a session; Logout removes the session on tty.
func (k *Kernel) Login(s Session) {
	k.mu.Lock()
	k.sessions = append(k.sessions, s)
	k.mu.Unlock()
	k.WtmpAdd(WtmpRecord{User: s.User, TTY: s.TTY, Host: s.From, Login: s.Login})
}

// Logout removes the session on tty.
func (k *Kernel) Logout(tty string) {
	k.WtmpClose(tty, k.Clock.Now(), false)
	k.mu.Lock()
	defer k.mu.Unlock()
	out := k.sessions[:0]
	for _, s := range k.sessions {
		if s.TTY != tty {
			out = append(out, s)
		}
	}
	k.sessions = out
}

// Sessions lists the logins, in login order.
func (k *Kernel) Sessions() []Session {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]Session(nil), k.sessions...)
}

// Dmesg appends lines to the kernel ring buffer.
func (k *Kernel) Dmesg(lines ...string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.dmesg = append(k.dmesg, lines...)
}

// KernelLog returns the kernel ring buffer as dmesg prints it.
func (k *Kernel) KernelLog() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.dmesg) == 0 {
		return ""
	}
	return strings.Join(k.dmesg, "\n") + "\n"
}

// AttachTTY connects a terminal device (tty1, pts/0…) to where its output
// is shown; wall and init write to terminals through it.
func (k *Kernel) AttachTTY(name string, w io.Writer) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ttys == nil {
		k.ttys = map[string]io.Writer{}
	}
	if w == nil {
		delete(k.ttys, name)
		return
	}
	k.ttys[name] = w
}

// WriteTTY writes s to the terminal name, if one is attached.
func (k *Kernel) WriteTTY(name, s string) {
	k.mu.Lock()
	w := k.ttys[name]
	k.mu.Unlock()
	if w != nil {
		io.WriteString(w, s)
	}
}

// SetBoot records the time the machine was powered on.
func (k *Kernel) SetBoot(t time.Time) {
	k.mu.Lock()
	k.boot = t
	k.mu.Unlock()
}

// WtmpRecord is one line of the login history last prints.
type WtmpRecord struct {
	User   string // "reboot" for a boot record
	TTY    string // "system boot" for a boot record
	Host   string // remote host, or the kernel version of a boot
	Login  time.Time
	Logout time.Time // zero while the session lasts
	Crash  bool      // the machine went down without logging the session out
}

// WtmpAdd appends a record to the login history.
func (k *Kernel) WtmpAdd(r WtmpRecord) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.wtmp = append(k.wtmp, r)
}

// WtmpClose ends the open sessions of tty (all ttys when tty is "").
func (k *Kernel) WtmpClose(tty string, at time.Time, crash bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.wtmp {
		r := &k.wtmp[i]
		if r.Logout.IsZero() && r.User != "reboot" && (tty == "" || r.TTY == tty) {
			r.Logout, r.Crash = at, crash
		}
	}
}

// Wtmp returns the login history, oldest first.
func (k *Kernel) Wtmp() []WtmpRecord {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]WtmpRecord(nil), k.wtmp...)
}
