// Package cmds holds every simulated program of rclab: one Go function per
// program, registered by name in one table. A program sees its argv, working
// directory, environment and standard streams through a Proc, and the machine
// through the kernel; it never touches the host.
//
// Programs report failure by their exit status, as real ones do. A Go error
// or panic inside a program means the simulator broke, not the user.
package cmds

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"rclab/sim/internal/kernel"
)

// Command is one simulated program.
type Command struct {
	Name    string   // name as installed, e.g. "ls"
	Dirs    []string // directories it is installed in, e.g. {"/bin"}
	Summary string   // one line for `help` and `man`, e.g. "list directory contents"
	Usage   string   // synopsis, e.g. "ls [OPTION]... [FILE]..."
	Man     string   // optional longer text for `man`; Summary is used when empty
	Main    func(p *Proc) int
	// VSZ and RSS (KiB) are the footprint ps shows while it runs; zero
	// means a small utility's (about 4 MB / 600 KB).
	VSZ, RSS int
}

// Proc is one running program: what a process sees of the world.
type Proc struct {
	Ctx     context.Context
	Args    []string // argv; Args[0] is the name as invoked
	Dir     string   // working directory, absolute
	Environ []string // exported environment as NAME=value
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Sys     *kernel.Kernel
	// PID and PPID are the process's ids in the machine's process table
	// (0 when the program runs outside one, as in unit tests).
	PID, PPID int
	// TTY is the controlling terminal ("tty1"), "" for none.
	TTY string
	// Tty reports whether standard output is the user's terminal (ls
	// columns, colours, pagers). False in pipes and redirections.
	Tty bool
	// StdinTty reports whether standard input is a terminal (consoletype,
	// and so the colour of init scripts' status tags, depend on it).
	StdinTty bool
	// Umask is the file creation mask inherited from the shell.
	Umask fs.FileMode
	// Background is set when the program was started as a background job
	// (cmd &): a client that would read the terminal stops instead.
	Background bool
	// Run executes another program, as fork+exec+wait would: argv[0] is
	// looked up on PATH. Nil stdio arguments inherit this Proc's streams.
	Run func(argv []string, stdin io.Reader, stdout, stderr io.Writer) int

	stayed stay
	// ufs is the file system as the program's user sees it (userFS),
	// held in ufsVal so that making it allocates nothing.
	ufs     *userFS
	ufsVal  userFS
	ufsOnce sync.Once
}

// stay records that the process outlives its Main (see Stay).
type stay struct {
	set   bool
	state byte
	until time.Time
	data  any
}

// Stay keeps the process in the table after Main returns, in state ('T'
// stopped, 'S' sleeping), until the clock reaches until (zero: until it is
// signalled). A background client that would read the terminal stops; a
// background sleep sleeps on. data is kept as the process's Data.
func (p *Proc) Stay(state byte, until time.Time, data any) {
	p.stayed = stay{set: true, state: state, until: until, data: data}
}

// Stayed reports what Stay recorded.
func (p *Proc) Stayed() (ok bool, state byte, until time.Time, data any) {
	return p.stayed.set, p.stayed.state, p.stayed.until, p.stayed.data
}

// Name is the program's name as invoked, without directories.
func (p *Proc) Name() string { return path.Base(p.Args[0]) }

// Getenv returns the value of an exported variable, or "".
func (p *Proc) Getenv(name string) string {
	if kv := p.envEntry(name); kv != "" {
		return kv[len(name)+1:]
	}
	return ""
}

// envEntry returns the "NAME=value" entry Getenv reads name from, or "".
func (p *Proc) envEntry(name string) string {
	for i := len(p.Environ) - 1; i >= 0; i-- {
		kv := p.Environ[i]
		if strings.HasPrefix(kv, name) && len(kv) > len(name) && kv[len(name)] == '=' {
			return kv
		}
	}
	return ""
}

// Abs makes name absolute against the working directory (lexically).
func (p *Proc) Abs(name string) string {
	if name == "" {
		return p.Dir
	}
	if path.IsAbs(name) {
		return path.Clean(name)
	}
	return path.Join(p.Dir, name)
}

// Errorf prints "name: message" on standard error, as coreutils do.
func (p *Proc) Errorf(format string, args ...any) {
	b := make([]byte, 0, 128)
	b = append(append(b, p.Name()...), ": "...)
	b = fmt.Appendf(b, format, args...)
	p.Stderr.Write(append(b, '\n'))
}

// Printf writes to standard output.
func (p *Proc) Printf(format string, args ...any) {
	fmt.Fprintf(p.Stdout, format, args...)
}

// Canceled reports whether the program should stop (Ctrl-C or a budget).
func (p *Proc) Canceled() bool { return p.Ctx != nil && p.Ctx.Err() != nil }

var (
	tableMu sync.RWMutex
	table   = map[string]*Command{}
)

// Register adds c to the table; a second registration of a name panics,
// since it is a programming error.
func Register(c Command) {
	tableMu.Lock()
	defer tableMu.Unlock()
	if _, dup := table[c.Name]; dup {
		panic("cmds: duplicate command " + c.Name)
	}
	if c.Main == nil || len(c.Dirs) == 0 {
		panic("cmds: incomplete command " + c.Name)
	}
	table[c.Name] = &c
}

// Lookup finds a program by name.
func Lookup(name string) (*Command, bool) {
	tableMu.RLock()
	defer tableMu.RUnlock()
	c, ok := table[name]
	return c, ok
}

// All lists every program, sorted by name.
func All() []*Command {
	tableMu.RLock()
	defer tableMu.RUnlock()
	out := make([]*Command, 0, len(table))
	for _, c := range table {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Resumer is the Data of a stopped program that can continue in the
// foreground when the user types fg (a background telnet client).
type Resumer interface {
	Resume(p *Proc) int
}
