package sim

import (
	"strings"
	"time"

	"rclab/sim/internal/cmds"
)

// This file adds to the machine's read-only view what lessons' and exams'
// checks need beyond what the UI shows: the inittab init has loaded, what
// the running xinetd serves, a daemon's loaded configuration, a pending
// shutdown, and whether a password is right. Nothing here changes the
// machine.

// LoadedInitdefault is the default runlevel of the inittab init last read
// (at boot or at telinit q), which can differ from the file on disk until
// init re-reads it; ok is false when that table has no valid initdefault
// entry.
func (m *Machine) LoadedInitdefault() (level byte, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	level, ok, _ = m.init.Tab().Default()
	return level, ok
}

// XinetdLoaded lists the ids of the services the running xinetd serves
// (read at its start or last reload), in load order; running is false
// when no xinetd runs. Editing /etc/xinetd.d does not change it until
// xinetd is reloaded.
func (m *Machine) XinetdLoaded() (names []string, running bool) {
	return cmds.Loaded(m.k)
}

// DaemonInfo is what a running standalone daemon's master holds.
type DaemonInfo struct {
	PID int
	// Generation counts configuration loads: 1 at start, +1 per reload
	// (SIGHUP).
	Generation int
	// Config is the configuration text the daemon loaded last ("" for a
	// daemon without a configuration file).
	Config string
}

// Daemon describes the live master process of the standalone daemon
// program name ("httpd", "sshd", "xinetd"); ok is false when none runs.
func (m *Machine) Daemon(name string) (DaemonInfo, bool) {
	pid, st, ok := cmds.RunningDaemon(m.k, name)
	if !ok {
		return DaemonInfo{}, false
	}
	return DaemonInfo{PID: pid, Generation: st.Generation, Config: st.Config}, true
}

// PendingShutdown is a shutdown scheduled with a time (shutdown -r +15).
type PendingShutdown struct {
	// Level is the runlevel init is asked for: '0' halt, '6' reboot,
	// '1' maintenance mode.
	Level byte
	At    time.Time
	// Message is the administrator's warning text ("" for none).
	Message string
	// WarnOnly is set for shutdown -k, which only warns.
	WarnOnly bool
}

// Shutdown reports the pending shutdown, if one is scheduled.
func (m *Machine) Shutdown() (PendingShutdown, bool) {
	t, ok := m.k.Pending(cmds.ShutdownTimer)
	if !ok {
		return PendingShutdown{}, false
	}
	sd, ok := t.Data.(cmds.Shutdown)
	if !ok {
		return PendingShutdown{}, false
	}
	return PendingShutdown{Level: sd.Level, At: t.At, Message: sd.Message, WarnOnly: sd.Warn}, true
}

// PasswordMatches reports whether password is user's password in the
// machine's /etc/shadow (an MD5-crypt entry, as CentOS 5 writes them).
func (m *Machine) PasswordMatches(user, password string) bool {
	data, err := m.ReadFile("/etc/shadow")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) > 1 && f[0] == user {
			return strings.HasPrefix(f[1], "$1$") && cmds.MD5Crypt(password, f[1]) == f[1]
		}
	}
	return false
}
