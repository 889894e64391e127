// Package shell builds the bash that runs inside the simulated machine: the
// student's login shell and every script (init scripts, rc, functions),
// all evaluated by rclab's own bash (sim/internal/bash) with every hook
// pointed at the machine. New closes every path by which a shell could
// reach the host: file opens, stats, directory reads and access checks go
// to the vfs as the shell's user sees it; programs come from the
// simulated command table (exec.go); $$, $PPID, $RANDOM and ~user come
// from the machine.
//
// The machine adds what the evaluator leaves to its caller (call.go,
// builtins.go): cd's permission checks, pwd -P, type's and command -v's
// view of the vfs, umask, ulimit, kill, jobs, fg, bg, history, help,
// read from the console's keyboard, logout's login check. Parsed
// scripts, sourced files and command lines are cached (parsecache.go).
package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"rclab/sim/internal/history"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/bash"
	"rclab/sim/internal/kernel"
)

// Options configure a shell. Zero values mean: no environment, working
// directory "/", no input, output discarded, not a terminal, not
// interactive, $0 "bash".
type Options struct {
	Kernel  *kernel.Kernel
	Environ []string // exported environment, NAME=value
	Dir     string   // working directory (absolute)
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	// Terminal is the user's terminal: output written to it is "on a tty",
	// and /dev/tty and /dev/console write to it. Nil means Stdout.
	Terminal io.Writer
	// Interactive makes a login shell: aliases expand and errors are
	// prefixed "-bash: " as on a console login.
	Interactive bool
	Name        string   // $0, e.g. "-bash" or "/etc/init.d/httpd"
	Params      []string // $1…
	// Flags are set options given on the command line, as bash takes
	// them ("-x", "-e", "-o", "errexit").
	Flags []string
	Umask fs.FileMode
	// StdinTty says the shell's standard input is a terminal.
	StdinTty bool
	// TermErr, when set, is the writer of standard error when that is
	// the terminal (test -t 2): an interactive shell whose StdinTty is
	// set takes its Stderr.
	TermErr io.Writer
	// Keyboard is that terminal's input, which programs whose standard
	// input is the terminal read (rm -i's answer, passwd, read); nil
	// gives them end of file at once.
	Keyboard io.Reader
	// Vars are extra shell variables, not exported (a cloned shell's).
	Vars map[string]string
	// PID and PPID are the shell process's ids ($$ and $PPID); TTY its
	// controlling terminal.
	PID, PPID int
	TTY       string
	// Procs runs programs; nil uses a fresh runner over Kernel.
	Procs *Procs
}

// Shell is one bash process of the machine.
type Shell struct {
	opts    Options
	r       *bash.Runner
	procs   *Procs
	term    io.Writer
	umask   atomic.Uint32
	mu      sync.Mutex
	history []string
	// histState is history expansion's memory between lines (history.go).
	histState history.State
	limits    map[byte]string // ulimit's changes, by option letter
	// noLogin marks an interactive shell that is no login shell: logout
	// refuses there.
	noLogin bool
	// interrupted is set when the last statement was stopped (budget,
	// fork limit, Ctrl-C).
	interrupted bool
	// bg holds the exit status of each background job started, by pid,
	// for wait (wait.go).
	bgMu sync.Mutex
	bg   map[int]int
}

// New builds a shell. It never fails for valid options; an error means a
// programming mistake (such as a relative Dir).
func New(o Options) (*Shell, error) {
	if o.Kernel == nil {
		return nil, errors.New("shell: no kernel")
	}
	if o.Dir == "" {
		o.Dir = "/"
	}
	if !path.IsAbs(o.Dir) {
		return nil, fmt.Errorf("shell: working directory %q is not absolute", o.Dir)
	}
	if o.Name == "" {
		o.Name = "bash"
	}
	if o.Terminal == nil {
		o.Terminal = o.Stdout
	}
	if o.TermErr == nil && o.Interactive && o.StdinTty {
		o.TermErr = o.Stderr
	}
	s := &Shell{opts: o, term: o.Terminal}
	s.umask.Store(uint32(o.Umask & fs.ModePerm))
	s.procs = o.Procs
	if s.procs == nil {
		s.procs = NewProcs(o.Kernel)
	}
	vars := rootVars
	if len(o.Vars) > 0 {
		vars = make(map[string]string, len(o.Vars)+2)
		vars["UID"], vars["EUID"] = "0", "0"
		for name, val := range o.Vars {
			if name == noLoginVar {
				s.noLogin = val != ""
				continue
			}
			vars[name] = val
		}
	}
	kh := s.procs.hooks
	if kh == nil || kh.k != o.Kernel {
		kh = newKernelHooks(o.Kernel)
	}
	s.r = bash.New(bash.Config{
		Name:         o.Name,
		Params:       o.Params,
		Env:          o.Environ,
		Vars:         vars,
		ReadOnly:     readOnlyIDs,
		Dir:          o.Dir,
		Stdin:        o.Stdin,
		Stdout:       o.Stdout,
		Stderr:       o.Stderr,
		Interactive:  o.Interactive,
		Flags:        o.Flags,
		PID:          o.PID,
		PPID:         o.PPID,
		Host:         s,
		Exec:         hostExec,
		Builtin:      hostBuiltin,
		BuiltinNames: hookBuiltins,
		Open:         s.open,
		Stat:         kh.stat,
		Mode:         kh.mode,
		ReadDir:      kh.readDir,
		Access:       s.access,
		IsTerminal:   s.isTerminal,
		Owner:        s.cred,
		FileOwner:    fileOwner,
		HomeDir:      kh.homeDir,
		Parse:        parseCached,
		Source:       s.source,
		Step:         step,
		Fork:         hostFork,
		Unfork:       hostUnfork,
		Random:       kh.random,
		Prefix:       s.prefix,
	})
	return s, nil
}

// rootVars are the shell variables of a shell given none: root's $UID
// and $EUID (the evaluator only reads the map, so all shells share it).
var rootVars = map[string]string{"UID": "0", "EUID": "0"}

// readOnlyIDs are the variables every shell starts with read-only (the
// evaluator only reads the list, so all shells share it).
var readOnlyIDs = []string{"UID", "EUID"}

// Name is the shell's $0 ("-bash", "sh").
func (s *Shell) Name() string { return s.opts.Name }

// Dir is the shell's working directory.
func (s *Shell) Dir() string { return s.r.Dir() }

// Exited reports whether the shell ran exit (or logout). A command line
// stopped by its budget or Ctrl-C does not end the shell.
func (s *Shell) Exited() bool { return s.r.Exited() && !s.interrupted }

// Var reads a shell variable.
func (s *Shell) Var(name string) string {
	v, _ := s.r.Var(name)
	return v
}

// Environ lists the shell's exported variables as NAME=value.
func (s *Shell) Environ() []string { return append([]string(nil), s.r.Environ()...) }

// PID is the shell's process id ($$).
func (s *Shell) PID() int { return s.opts.PID }

// Umask is the shell's file creation mask.
func (s *Shell) Umask() fs.FileMode { return fs.FileMode(s.umask.Load()) }

// History is the list of command lines the shell has been given.
func (s *Shell) History() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.history...)
}

// AddHistory records a line, as bash's history does for interactive input.
func (s *Shell) AddHistory(line string) {
	s.mu.Lock()
	s.history = append(s.history, line)
	s.mu.Unlock()
}

// prefix is how bash prefixes its own error messages at pos: "-bash: " on
// a login console, "SCRIPT: line N: " in a script.
func (s *Shell) prefix(pos syntax.Pos) string {
	if s.opts.Interactive {
		return s.opts.Name + ": "
	}
	if pos.IsValid() {
		return s.opts.Name + ": line " + strconv.Itoa(int(pos.Line())) + ": "
	}
	return s.opts.Name + ": "
}

// Run parses src as a script named name and runs it to the end, as bash
// does for a script file. The result is the exit status.
func (s *Shell) Run(ctx context.Context, src string) int {
	return s.run(ctx, src, false)
}

// RunCommand runs src as bash -c's command string: as Run, but a syntax
// error is reported on "NAME: -c: line N: ", lines counted from 0.
func (s *Shell) RunCommand(ctx context.Context, src string) int {
	return s.run(ctx, src, true)
}

func (s *Shell) run(ctx context.Context, src string, command bool) int {
	f, err := Parse(src, s.opts.Name)
	if err != nil {
		return s.RunBroken(ctx, src, command, err)
	}
	s.r.SetText(f, src)
	return s.RunFile(ctx, f)
}

// RunBroken runs script text src that does not parse (err) as bash
// does: the commands before the bad one, then the error, status 2.
func (s *Shell) RunBroken(ctx context.Context, src string, command bool, err error) int {
	st, rerr := s.r.RunBroken(ctx, src, command, err)
	return s.statusOf(ctx, st, rerr)
}

// RunFile runs an already parsed file as a script.
func (s *Shell) RunFile(ctx context.Context, f *syntax.File) int {
	st, err := s.r.Run(ctx, f)
	return s.statusOf(ctx, st, err)
}

// RunStmts runs statements one by one as an interactive shell does, and
// returns the status of the last.
func (s *Shell) RunStmts(ctx context.Context, stmts []*syntax.Stmt) int {
	st, err := s.r.RunLine(ctx, stmts)
	st = s.statusOf(ctx, st, err)
	if s.interrupted {
		s.interruptTraps(ctx, false)
		// bash's next line sees the status of the stopped command (130
		// after Ctrl-C).
		s.r.SetStatus(st)
	}
	return st
}

func (s *Shell) statusOf(ctx context.Context, st int, err error) int {
	s.interrupted = false
	if err == nil && ctx.Err() == nil {
		return st
	}
	return s.stopped(ctx)
}

// stopped reports a command stopped by its budget or by Ctrl-C, once per
// command line, and gives bash's status for an interrupted command.
func (s *Shell) stopped(ctx context.Context) int {
	s.interrupted = true
	b := budgetOf(ctx)
	if b != nil && b.report() {
		fmt.Fprintf(s.opts.Stderr, "%s\n", b.reason())
	}
	return 130
}

// Parse parses src as bash with name as $0 for messages.
func Parse(src, name string) (*syntax.File, error) {
	return bash.Parse(src, name)
}

// SyntaxMessage renders a parse error of src the way bash does:
// "PREFIXsyntax error near unexpected token `fi'". prefix is "-bash: " on a
// console.
func SyntaxMessage(prefix, src string, err error) string {
	return bash.SyntaxMessage(prefix, src, err)
}

// homes reads the home directories of /etc/passwd, for ~user.
func homes(k *kernel.Kernel) map[string]string {
	data, err := readFile(k, "/etc/passwd")
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) >= 6 && f[0] != "" {
			out[f[0]] = f[5]
		}
	}
	return out
}

func readFile(k *kernel.Kernel, name string) ([]byte, error) {
	f, err := k.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// cloneSkip are the variables a clone does not copy: bash sets them
// itself, or they are read-only.
var cloneSkip = map[string]bool{
	"UID": true, "EUID": true, "PPID": true, "IFS": true, "OPTIND": true,
	"BASH": true, "BASH_VERSION": true, "BASH_VERSINFO": true, "HOSTTYPE": true,
	"MACHTYPE": true, "OSTYPE": true, "SHELLOPTS": true, "RANDOM": true,
	"SECONDS": true, "LINENO": true, "PIPESTATUS": true, "FUNCNAME": true,
	"DIRSTACK": true, "BASH_SUBSHELL": true, "BASH_REMATCH": true, "BASHPID": true,
}

// Clone returns a copy of the shell for a cloned machine: o gives the new
// machine's kernel, programs and streams; variables (exported or not),
// functions, aliases, working directory, umask and history are copied.
func (s *Shell) Clone(o Options) (*Shell, error) {
	exported := s.Environ()
	isExported := map[string]bool{}
	for _, kv := range exported {
		name, _, _ := strings.Cut(kv, "=")
		isExported[name] = true
	}
	vars := map[string]string{}
	for _, name := range s.r.VarNames() {
		if cloneSkip[name] || isExported[name] {
			continue
		}
		if v, ok := s.r.Var(name); ok {
			vars[name] = v
		}
	}
	if s.noLogin {
		vars[noLoginVar] = "1"
	}
	o.Environ, o.Vars = exported, vars
	o.Dir = s.r.Dir()
	o.Umask = s.Umask()
	o.Interactive, o.Name, o.Params = s.opts.Interactive, s.opts.Name, s.r.Params()
	o.StdinTty, o.PID, o.PPID, o.TTY = s.opts.StdinTty, s.opts.PID, s.opts.PPID, s.opts.TTY
	c, err := New(o)
	if err != nil {
		return nil, err
	}
	s.r.CopyFuncs(c.r)
	for _, name := range s.r.AliasNames() {
		v, _ := s.r.Alias(name)
		c.r.SetAlias(name, v)
	}
	c.r.SetStatus(s.r.Status())
	c.history = s.History()
	return c, nil
}
