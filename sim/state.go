package sim

import (
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"rclab/sim/internal/chkconfig"
	"rclab/sim/internal/cmds"
	"rclab/sim/internal/proc"
	"rclab/vfs"
)

// This file is the machine's read-only view for the UI's panels, lessons'
// checks and graders: what runs, what is configured, what a file holds.
// Nothing here changes the machine.

// Process is one row of the process table, as ps would describe it.
type Process struct {
	PID, PPID int
	User      string // user name (or uid when unknown)
	TTY       string // "" for none
	Stat      string // ps STAT letters, e.g. "Ss", "S<", "R+"
	Start     time.Time
	VSZ, RSS  int // KiB
	Comm      string
	Args      []string // argv as ps shows it
	Kernel    bool     // a kernel thread
	// Daemon names the standalone daemon whose master this is ("httpd"),
	// Worker marks its workers, and OnDemand a server xinetd started for
	// one connection.
	Daemon   string
	Worker   bool
	OnDemand bool
}

// Processes lists the process table by pid.
func (m *Machine) Processes() []Process {
	users := cmds.SharedPasswd(m.k)
	list := m.k.Procs.List()
	out := make([]Process, 0, len(list))
	// Every row's Args in one array, each capped so that appending to
	// one row's never reaches the next.
	n := 0
	for _, p := range list {
		n += len(p.Args)
	}
	args := make([]string, 0, n)
	for _, p := range list {
		at := len(args)
		args = append(args, p.Args...)
		row := Process{
			PID: p.PID, PPID: p.PPID, User: users.Name(p.UID), TTY: p.TTY,
			Stat: stat(p), Start: p.Start, VSZ: p.VSZ, RSS: p.RSS, Comm: p.Comm,
			Args: args[at:len(args):len(args)], Kernel: p.Kernel,
		}
		if len(p.Args) == 0 {
			row.Args = nil
		}
		if st, ok := p.Data.(*cmds.DaemonState); ok {
			row.Daemon = st.Spec
		} else if p.PPID > 1 {
			if parent, ok := m.k.Procs.Get(p.PPID); ok {
				if st, ok := parent.Data.(*cmds.DaemonState); ok {
					row.Worker = st.Spec != "xinetd"
					row.OnDemand = st.Spec == "xinetd"
				}
			}
		}
		out = append(out, row)
	}
	return out
}

// stat renders ps's STAT letters.
func stat(p proc.Process) string {
	var b [16]byte
	s := utf8.AppendRune(b[:0], rune(p.State))
	if p.State == 0 {
		s[0] = 'S'
	}
	switch {
	case p.Nice < 0:
		s = append(s, '<')
	case p.Nice > 0:
		s = append(s, 'N')
	}
	if p.SessionLeader {
		s = append(s, 's')
	}
	if p.Threads {
		s = append(s, 'l')
	}
	if p.Foreground {
		s = append(s, '+')
	}
	if st, ok := commonStats[string(s)]; ok {
		return st
	}
	return string(s)
}

// commonStats holds the STAT strings of the usual states, made once.
var commonStats = func() map[string]string {
	t := map[string]string{}
	for _, state := range "RSDTZ" {
		for _, nice := range []string{"", "<", "N"} {
			for _, lead := range []string{"", "s"} {
				for _, threads := range []string{"", "l"} {
					for _, fg := range []string{"", "+"} {
						st := string(state) + nice + lead + threads + fg
						t[st] = st
					}
				}
			}
		}
	}
	return t
}()

// Runlevel reports the previous and current runlevel as runlevel prints
// them ('N' for none); cur is 0 while the machine is off or booting.
func (m *Machine) Runlevel() (prev, cur byte) { return m.k.Runlevel() }

// Service is a SysV service with its configuration in every runlevel.
type Service struct {
	Name    string
	On      [7]bool // chkconfig's state per runlevel
	Start   int     // header priorities
	Stop    int
	Running bool // its lock file exists (what rc goes by)
	Xinetd  bool // an xinetd service; On is then meaningless
	Enabled bool // xinetd: enabled in its file
}

// Services lists what chkconfig --list would: SysV services with their
// state per runlevel, then xinetd services.
func (m *Machine) Services() []Service {
	sysv, xs := chkconfig.ListSysV(m.k.FS), chkconfig.Xinetd(m.k.FS)
	if len(sysv)+len(xs) == 0 {
		return nil
	}
	out := make([]Service, 0, len(sysv)+len(xs))
	for _, s := range sysv {
		_, ok := m.k.FS.StatMode("/var/lock/subsys/" + s.Name)
		out = append(out, Service{Name: s.Name, On: s.On, Start: s.Header.Start, Stop: s.Header.Stop, Running: ok})
	}
	for _, x := range xs {
		out = append(out, Service{Name: x.Name, Xinetd: true, Enabled: x.Enabled})
	}
	return out
}

// ReadFile returns a file of the machine.
func (m *Machine) ReadFile(name string) ([]byte, error) {
	return m.AppendFile(nil, name)
}

// AppendFile appends the content of a file of the machine to dst and
// returns the extended slice (with what was read before an error), so a
// caller reading many files can reuse one buffer.
func (m *Machine) AppendFile(dst []byte, name string) ([]byte, error) {
	f, err := m.k.FS.Open(name)
	if err != nil {
		return dst, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		// Room for the content and the read that finds its end.
		dst = slices.Grow(dst, int(fi.Size())+1)
	}
	for {
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 512)
		}
		n, err := f.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		switch {
		case err == io.EOF:
			return dst, nil
		case err != nil:
			return dst, err
		}
	}
}

// Stat describes a file of the machine (following links).
func (m *Machine) Stat(name string) (fs.FileInfo, error) { return m.k.FS.Stat(name) }

// Lstat describes a file of the machine without following a last link.
func (m *Machine) Lstat(name string) (fs.FileInfo, error) { return m.k.FS.Lstat(name) }

// Readlink reads a symbolic link of the machine.
func (m *Machine) Readlink(name string) (string, error) { return m.k.FS.Readlink(name) }

// ReadDir lists a directory of the machine, sorted by name.
func (m *Machine) ReadDir(name string) ([]fs.FileInfo, error) {
	f, err := m.k.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdir(-1)
}

// Walk calls fn for every file below the directory dir of the machine,
// depth first and in name order, with its path and what Lstat, Readlink
// and reading it would give, as [vfs.FS.Walk] does: fn returns true to
// enter a directory, must not use the machine, and may keep neither the
// path nor the content after its call. It is for scans of the whole tree
// (a grader's fingerprint), much cheaper than ReadDir and ReadFile.
func (m *Machine) Walk(dir string, fn func(path []byte, e *vfs.WalkEntry) bool) error {
	return m.k.FS.Walk(dir, fn)
}

// ReadDirNames lists the names in a directory of the machine, sorted,
// without describing each file (cheaper than ReadDir).
func (m *Machine) ReadDirNames(name string) ([]string, error) {
	f, err := m.k.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// WriteFile replaces a file of the machine, as an editor saving it would
// (the lasting effect of a full-screen program reaching the machine).
func (m *Machine) WriteFile(name string, data []byte, perm fs.FileMode) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, err := m.k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Listener is a socket accepting connections.
type Listener struct {
	Proto string
	Port  int
	PID   int
	Prog  string
}

// Listeners lists the listening sockets.
func (m *Machine) Listeners() []Listener {
	var out []Listener
	for _, l := range m.k.Listeners() {
		out = append(out, Listener{Proto: l.Proto, Port: l.Port, PID: l.PID, Prog: l.Prog})
	}
	return out
}

// Commands lists the names of the programs the machine has, sorted (for
// completion and help).
func (m *Machine) Commands() []string {
	var out []string
	for _, c := range cmds.All() {
		out = append(out, c.Name)
	}
	out = append(out, m.extraCommands()...)
	sort.Strings(out)
	return out
}

// Complete lists completions of the word prefix as bash's Tab would: a
// command name when first is set, else a path relative to the shell's
// working directory.
func (m *Machine) Complete(prefix string, first bool) []string {
	m.mu.Lock()
	dir := "/"
	if m.login != nil {
		dir = m.login.Dir()
	}
	m.mu.Unlock()
	var out []string
	if first && !strings.Contains(prefix, "/") {
		for _, name := range m.Commands() {
			if strings.HasPrefix(name, prefix) {
				out = append(out, name)
			}
		}
		return out
	}
	d, base := path.Split(prefix)
	abs := d
	if !path.IsAbs(abs) {
		abs = path.Join(dir, d)
	}
	infos, err := m.ReadDir(abs)
	if err != nil {
		return nil
	}
	for _, fi := range infos {
		if strings.HasPrefix(fi.Name(), base) && (base != "" || !strings.HasPrefix(fi.Name(), ".")) {
			name := d + fi.Name()
			if fi.IsDir() {
				name += "/"
			}
			out = append(out, name)
		}
	}
	return out
}
