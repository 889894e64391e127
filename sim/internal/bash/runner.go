package bash

import (
	"context"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/syntax"
)

// Runner is one bash process: see the package comment.
type Runner struct {
	cfg  *Config
	tree *treeState

	name   string // $0
	vars   *store
	funcs  map[string]funcDef
	params []string
	// argBuf and argBufs are the free buffers call expands command
	// lines into (call.go); callFree the free Calls for the hooks.
	argBuf   []string
	argBufs  [][]string
	callFree []*Call
	dir      string
	fds      [10]*stream
	opts     options
	alias    map[string]string
	traps    map[string]string
	dirs     []string // pushd's stack, top first, without the working directory

	status     int // $?
	lastBg     int // $!
	pipeStatus []int
	flowN      int
	stopErr    error

	subshell  int // nesting of subshells ($BASH_SUBSHELL)
	procPID   int // the process a forked job runs as (ProcessPID); 0: the shell's
	funcs_    []string
	loops     int
	sourcing  int
	level     int // xtrace level: 1 + evals, sources, substitutions
	noErrExit int
	pos       syntax.Pos

	getoptsChar int // getopts' place within the current argument
	getoptsInd  int

	pipe   *Pipeline
	member int

	ctx  context.Context
	done <-chan struct{}

	envCache []string
	envGen   uint64

	ifsCache *ifsTable
	xfree    []*expander // expanders to reuse (expand.go)
	substSt  int         // status of the last command substitution, -1 none
	bgStmt   *syntax.Stmt

	// declBuf is declClause's scratch; lineBuf and oneByte are read's;
	// echoBuf is echo's.
	declBuf []declArg
	echoBuf []byte
	lineBuf []byte
	oneByte oneByte

	arithScratch arithEval
	broken       *atomic.Bool // set when the pipe written to closed (SIGPIPE)

	// trap.go's and frames.go's state: the signals delivered and not
	// yet handled (bit n for signal n, bit 0 a fatal one); the pid a
	// background job gave $!; the frames of BASH_SOURCE and
	// BASH_LINENO.
	pending atomic.Uint64
	jobPID  int
	frames  []srcFrame
	rd      reader // the text being read, for set -v (list nil: none)

	// The flags, together so they share words.
	fshare      bool // funcs is shared with the parent: copy before a write
	ashare      bool // alias is shared with the parent
	flow        flow
	exited      bool
	interactive bool
	inTrap      bool
	envOK       bool
	envParent   bool // envCache is the parent store's environment too
	inPS4       bool
	arithBusy   bool
	debug       bool // DEBUG is trapped
	// stackShare is set once a subshell holds funcs_ and frames (capped
	// at their length): the next push copies rather than writing into
	// the array a running child may read.
	stackShare bool
}

// treeState is shared by a runner and all its subshells.
type treeState struct {
	pipeIDs atomic.Int64
	rand    atomic.Uint32
	traceMu sync.Mutex
}

// flow is a pending jump out of the running commands.
type flow uint8

const (
	flowNone     flow = iota
	flowBreak         // break N
	flowContinue      // continue N
	flowReturn        // return from a function or sourced file
	flowExit          // exit the shell
	flowAbort         // an error discarding the rest of the command (bash's DISCARD)
	flowStop          // a hook stopped the run, or the context ended
)

// stream is an open file descriptor.
type stream struct {
	r io.Reader
	w io.Writer
}

// runnerBlock is what New allocates at once: the runner with its
// configuration, its tree's state, its store and its standard streams,
// which live as long as it does (its subshells share the tree and may
// share the streams).
type runnerBlock struct {
	r      Runner
	cfg    Config
	tree   treeState
	vars   store
	std    [3]stream
	frame0 [1]srcFrame
}

// New returns a Runner built from cfg.
func New(cfg Config) *Runner {
	b := &runnerBlock{cfg: cfg}
	c := &b.cfg
	if c.Name == "" {
		c.Name = "bash"
	}
	if c.Dir == "" {
		c.Dir = "/"
	}
	r := &b.r
	*r = Runner{
		cfg:         c,
		tree:        &b.tree,
		name:        c.Name,
		vars:        &b.vars,
		params:      c.Params, // never changed in place: shift and set -- reslice or replace it
		dir:         path.Clean(c.Dir),
		interactive: c.Interactive,
		level:       1,
		getoptsInd:  1,
	}
	r.opts = defaultOptions(c.Interactive)
	r.tree.rand.Store(uint32(c.PID)*2654435761 + 12345)
	b.std[0].r = c.Stdin
	b.std[1].w, b.std[2].w = c.Stdout, c.Stderr
	if c.Stdout == nil {
		b.std[1].w = io.Discard
	}
	if c.Stderr == nil {
		b.std[2].w = io.Discard
	}
	r.fds[0], r.fds[1], r.fds[2] = &b.std[0], &b.std[1], &b.std[2]
	// The starting variables come from one slab: the environment's, the
	// caller's and bash's own (initVars).
	n := len(c.Env) + len(c.Vars) + len(bashVars) + 4
	b.vars.global = make(map[string]*variable, n+8)
	b.vars.slab = make([]variable, n)
	for _, kv := range c.Env {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !isName(name) {
			continue
		}
		v := b.vars.global[name]
		if v == nil {
			v = b.vars.newVar()
			b.vars.global[name] = v
		}
		*v = variable{val: val, set: true, attr: attrExport, kv: kv}
	}
	for name, val := range c.Vars {
		if v, ok := b.vars.global[name]; ok {
			v.val = val
			continue
		}
		v := b.vars.newVar()
		*v = variable{val: val, set: true}
		b.vars.global[name] = v
	}
	r.initVars()
	for _, name := range c.ReadOnly {
		if v := r.vars.global[name]; v != nil {
			v.attr |= attrReadonly
		}
	}
	r.setFlags(c.Flags)
	if !c.Interactive {
		b.frame0[0].src = c.Name
		r.frames = b.frame0[:1:1] // BASH_SOURCE of a script
	}
	return r
}

// bashVars are the variables bash sets itself when they are missing.
var bashVars = [...]struct{ name, val string }{
	{"IFS", " \t\n"},
	{"PS4", "+ "},
	{"OPTIND", "1"},
	{"BASH", "/bin/bash"},
	{"BASH_VERSION", "3.2.25(1)-release"},
	{"HOSTTYPE", "i686"},
	{"MACHTYPE", "i686-redhat-linux-gnu"},
	{"OSTYPE", "linux-gnu"},
	{"SHELLOPTS", ""},
}

// bashVersInfo is BASH_VERSINFO's value. Every shell's variable shares
// it: the variable is read-only, so no assignment reaches the array
// (its capacity is its length: an append would copy).
var bashVersInfo = []arrElem{{0, "3"}, {1, "2"}, {2, "25"}, {3, "1"}, {4, "release"}, {5, "i686-redhat-linux-gnu"}}[:6:6]

// initVars sets the variables bash sets itself when they are missing.
func (r *Runner) initVars() {
	s := r.vars
	def := func(name, val string) {
		if _, ok := s.global[name]; !ok {
			v := s.newVar()
			*v = variable{val: val, set: true}
			s.global[name] = v
		}
	}
	for _, d := range &bashVars {
		def(d.name, d.val)
	}
	if r.interactive {
		def("PS1", `\s-\v\$ `)
		def("PS2", "> ")
	}
	if v, ok := s.global["PWD"]; !ok || !v.set || !path.IsAbs(v.val) {
		pwd := s.newVar()
		*pwd = variable{val: r.dir, set: true, attr: r.attrOf("PWD")}
		s.global["PWD"] = pwd
	} else {
		v.val = r.dir
	}
	arr := s.newVar()
	*arr = variable{attr: attrArray | attrReadonly, set: true, arr: bashVersInfo}
	s.global["BASH_VERSINFO"] = arr
}

func (r *Runner) attrOf(name string) attr {
	if v := r.vars.lookup(name); v != nil {
		return v.attr
	}
	return 0
}

// subshellOf returns a child runner: a forked copy of r that sees r's
// state copy-on-write. Traps other than ignored signals are reset, as in
// bash.
func (r *Runner) subshellOf() *Runner {
	c := &Runner{
		cfg:         r.cfg,
		tree:        r.tree,
		name:        r.name,
		vars:        r.vars.sub(),
		funcs:       r.funcs,
		fshare:      true,
		params:      r.params,
		dir:         r.dir,
		fds:         r.fds,
		opts:        r.opts,
		alias:       r.alias,
		ashare:      true,
		dirs:        r.dirs,
		status:      r.status,
		lastBg:      r.lastBg,
		pipeStatus:  r.pipeStatus,
		interactive: false,
		subshell:    r.subshell + 1,
		procPID:     r.procPID,
		funcs_:      r.funcs_[:len(r.funcs_):len(r.funcs_)],
		level:       r.level,
		pos:         r.pos,
		pipe:        r.pipe,
		member:      r.member,
		broken:      r.broken,
		envCache:    r.envCache,
		envGen:      r.envGen,
		envOK:       r.envOK,
		ctx:         r.ctx,
		done:        r.done,
		getoptsChar: r.getoptsChar,
		getoptsInd:  r.getoptsInd,
		frames:      r.frames[:len(r.frames):len(r.frames)],
	}
	r.stackShare = true
	for sig, cmd := range r.traps {
		if cmd == "" && sig != "EXIT" {
			if c.traps == nil {
				c.traps = make(map[string]string, len(r.traps))
			}
			c.traps[sig] = ""
		}
	}
	// A subshell of an interactive shell behaves as a script for errors,
	// but keeps its prefix.
	if r.interactive || r.cfg.Interactive {
		c.interactive = false
	}
	return c
}

// Run runs node (a *syntax.File, a *syntax.Stmt or a command) and returns
// the exit status. A whole file runs as a script: an error that discards
// a command goes on with the next one, and the EXIT trap runs at its
// end. Any other node runs as a line typed at a prompt. err is the error
// of a hook that stopped the run (Step, Fork) or the context's; a panic
// inside becomes an internal error message and status 1.
func (r *Runner) Run(ctx context.Context, node syntax.Node) (status int, err error) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(r.stderr(), "%srclab: internal error: %v\n", r.prefix(syntax.Pos{}), p)
			r.status = 1
			r.flow = flowNone
			status, err = 1, nil
		}
	}()
	r.ctx = ctx
	r.done = ctx.Done()
	if r.exited {
		return r.status, nil
	}
	switch n := node.(type) {
	case *syntax.File:
		r.stmtList(n.Stmts, true)
		if r.flow != flowStop {
			r.runExitTrap()
		}
	case *syntax.Stmt:
		r.stmtList([]*syntax.Stmt{n}, true)
	case syntax.Command:
		r.stmtList([]*syntax.Stmt{{Position: n.Pos(), Cmd: n}}, true)
	default:
		return 0, fmt.Errorf("bash: cannot run a %T", node)
	}
	return r.finishRun()
}

// RunLine runs the statements of one typed command line, as an
// interactive bash does: an error that discards a command discards the
// rest of the line; no EXIT trap runs (exit runs it).
func (r *Runner) RunLine(ctx context.Context, stmts []*syntax.Stmt) (status int, err error) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(r.stderr(), "%srclab: internal error: %v\n", r.prefix(syntax.Pos{}), p)
			r.status = 1
			r.flow = flowNone
			status, err = 1, nil
		}
	}()
	r.ctx = ctx
	r.done = ctx.Done()
	if r.exited {
		return r.status, nil
	}
	r.stmtList(stmts, true)
	return r.finishRun()
}

// finishRun settles the pending flow at the end of a Run.
func (r *Runner) finishRun() (int, error) {
	switch r.flow {
	case flowExit:
		r.exited = true
	case flowStop:
		err := r.stopErr
		r.flow, r.stopErr = flowNone, nil
		if err == nil {
			err = context.Canceled
		}
		return r.status, err
	}
	r.flow = flowNone
	return r.status, nil
}

// RunExitTrap runs the EXIT trap, once, as bash does when it exits; the
// caller uses it when an interactive shell ends without exit (end of
// input).
func (r *Runner) RunExitTrap(ctx context.Context) {
	r.ctx = ctx
	r.done = ctx.Done()
	r.runExitTrap()
	r.finishRun()
}

func (r *Runner) runExitTrap() {
	cmd, ok := r.traps["EXIT"]
	if !ok || cmd == "" || r.inTrap {
		return
	}
	delete(r.traps, "EXIT")
	st := r.status
	fl := r.flow
	r.flow = flowNone
	r.evalTrap(cmd)
	if r.flow != flowExit && r.flow != flowStop {
		r.status = st
		r.flow = fl
	}
}

// Exited reports whether the shell ran exit (or an error ended it).
func (r *Runner) Exited() bool { return r.exited }

// Status is $?, the status of the last command.
func (r *Runner) Status() int { return r.status }

// SetStatus sets $? (a command the caller ran outside the runner).
func (r *Runner) SetStatus(st int) { r.status = st }

// Dir is the working directory.
func (r *Runner) Dir() string { return r.dir }

// Name is $0.
func (r *Runner) Name() string { return r.name }

// Params are the positional parameters.
func (r *Runner) Params() []string { return append([]string(nil), r.params...) }

// Host is Config.Host.
func (r *Runner) Host() any { return r.cfg.Host }

// PID is $$.
func (r *Runner) PID() int { return r.cfg.PID }

// SetBackgroundPID sets $!, the process id of the last job started.
func (r *Runner) SetBackgroundPID(pid int) { r.lastBg, r.jobPID = pid, pid }

// Prefix is how the shell prefixes an error message at pos.
func (r *Runner) Prefix(pos syntax.Pos) string { return r.prefix(pos) }

func (r *Runner) prefix(pos syntax.Pos) string {
	if r.cfg.Prefix != nil {
		return r.cfg.Prefix(pos)
	}
	if r.cfg.Interactive {
		return r.name + ": "
	}
	if !pos.IsValid() {
		pos = r.pos
	}
	if pos.IsValid() {
		return r.name + ": line " + itoa(int(pos.Line())) + ": "
	}
	return r.name + ": "
}

// errf prints a message of the shell's own, after the prefix.
func (r *Runner) errf(format string, a ...any) {
	fmt.Fprintf(r.stderr(), "%s%s\n", r.prefix(r.pos), fmt.Sprintf(format, a...))
}

// builtinErr prints a builtin's error: "PREFIXname: msg".
func (r *Runner) builtinErr(name, format string, a ...any) {
	fmt.Fprintf(r.stderr(), "%s%s: %s\n", r.prefix(r.pos), name, fmt.Sprintf(format, a...))
}

func (r *Runner) stdin() io.Reader {
	if s := r.fds[0]; s != nil {
		return s.r
	}
	return nil
}

func (r *Runner) stdout() io.Writer {
	if s := r.fds[1]; s != nil && s.w != nil {
		return s.w
	}
	return badWriter{1}
}

func (r *Runner) stderr() io.Writer {
	if s := r.fds[2]; s != nil && s.w != nil {
		return s.w
	}
	return io.Discard
}

// badWriter is a closed or read-only descriptor written to.
type badWriter struct{ fd int }

func (badWriter) Write(p []byte) (int, error) { return 0, errBadFD }

// stopped reports whether the run must stop: a hook's error or the end of
// the context.
func (r *Runner) stopped() bool {
	if r.flow == flowStop {
		return true
	}
	if r.done != nil {
		select {
		case <-r.done:
			r.stop(r.ctx.Err())
			return true
		default:
		}
	}
	return false
}

func (r *Runner) stop(err error) {
	r.flow = flowStop
	if r.stopErr == nil {
		r.stopErr = err
	}
	if r.status == 0 {
		r.status = 130
	}
}

// step counts a command or loop iteration against the budget.
func (r *Runner) step() bool {
	if r.stopped() {
		return false
	}
	if r.cfg.Step != nil {
		if err := r.cfg.Step(r.ctx); err != nil {
			r.stop(err)
			return false
		}
	}
	if r.pending.Load() != 0 {
		r.takeSignals()
		return r.flow == flowNone
	}
	return true
}

// ProcessPID is the process the runner runs as when it is a job's forked
// shell (the Fork hook named it in Fork.PID), else 0: the programs it
// starts are that process's children.
func (r *Runner) ProcessPID() int { return r.procPID }
