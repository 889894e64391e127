package shell

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/bash"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/vfs"
)

// ProgramMagic starts every simulated program file in /bin, /sbin, …: an ELF
// signature (so the file looks binary, as a real one does) followed by the
// program's name. Executing such a file runs the Go program of that name,
// so copying or renaming it behaves as on a real system.
const ProgramMagic = "\x7fELF\x01\x01\x01\x00rclab-program "

// ProgramFile is the content of the file that installs program name.
func ProgramFile(name string) []byte { return []byte(ProgramMagic + name + "\n") }

// Procs starts programs on a kernel: it resolves names on the vfs PATH,
// runs simulated programs and interprets scripts.
type Procs struct {
	k *kernel.Kernel
	// observe, when set, is told of every script and program that ends.
	observe func(Ran)
	// ext adds programs and refuses some (see Extension).
	ext Extension

	// hooks are the evaluator hooks its shells share (handlers.go).
	hooks *kernelHooks

	mu    sync.Mutex
	pipes map[pipeKey]*pipeRun
}

// pipeKey names one running pipeline: its id in the parsed script and the
// shell that runs it.
type pipeKey struct {
	id    int64
	shell int
}

// pipeRun is a pipeline whose members' processes were entered up front.
type pipeRun struct {
	pids    []int  // per member; 0 when the member is not a program
	adopted []bool // the member's program took its process
	left    int    // members not yet finished
	// ends are the held ends of members' adopted processes (holdEnd),
	// run by endMember in member order.
	ends []func()
}

// startPipeline enters the processes of every program member of pipeline
// p of shell s, in member order, before any member runs.
func (p *Procs) startPipeline(s *Shell, c *bash.Runner, pipe *bash.Pipeline) {
	parent := s.parentOf(c)
	key := pipeKey{pipe.ID, parent}
	run := &pipeRun{pids: make([]int, len(pipe.Members)), adopted: make([]bool, len(pipe.Members)), left: len(pipe.Members)}
	path_, _ := c.Var("PATH")
	for i, argv := range pipe.Members {
		if len(argv) == 0 || p.k.Procs == nil {
			continue
		}
		if _, fn := c.Func(argv[0]); fn || bash.IsBuiltin(argv[0]) {
			continue
		}
		abs, _, st := p.LookPath(argv[0], c.Dir(), path_)
		if st != 0 {
			continue
		}
		// The first member runs; the others wait for its output.
		state := byte('S')
		if i == 0 {
			state = 'R'
		}
		// A program's own footprint from the start, so that a member
		// listing the processes (ls | ps) sees the same figures whether
		// or not the other program has started yet.
		vsz, rss := 4020, 600
		if hk, err := readHead(p.k, abs); err == nil && hk.isProg {
			if c, ok := p.lookup(hk.prog); ok && c.VSZ > 0 {
				vsz, rss = c.VSZ, c.RSS
			}
		}
		uid, gid := p.credOf(parent)
		pid, err := p.k.Procs.Spawn(proc.Process{
			PPID: parent, UID: uid, GID: gid, TTY: s.opts.TTY, State: state, Foreground: s.opts.TTY != "",
			Comm: comm15(path.Base(abs)), Args: argv, Exe: abs, Start: p.k.Clock.Now(), VSZ: vsz, RSS: rss,
		})
		if err == nil {
			run.pids[i] = pid
		}
	}
	p.mu.Lock()
	if p.pipes == nil {
		p.pipes = map[pipeKey]*pipeRun{}
	}
	p.pipes[key] = run
	p.mu.Unlock()
}

// adopt gives a pipeline member's first program the process entered for
// it, if any.
func (p *Procs) adopt(e Exec) int {
	if e.Pipe == nil {
		return 0
	}
	i := e.Member
	p.mu.Lock()
	defer p.mu.Unlock()
	run, ok := p.pipes[pipeKey{e.Pipe.ID, e.PPID}]
	if !ok || i < 0 || i >= len(run.pids) || run.adopted[i] || run.pids[i] == 0 {
		return 0
	}
	run.adopted[i] = true
	return run.pids[i]
}

// holdEnd keeps end, the exit of pipeline member e's process pid and
// its report, for endMember when pid is the process entered for the
// member: the members finish in whatever order the Go scheduler gives,
// and the machine must show the same order every time, so they leave
// the process table in member order once the whole pipeline is done.
func (p *Procs) holdEnd(e Exec, pid int, end func()) bool {
	if e.Pipe == nil || pid == 0 {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	run, ok := p.pipes[pipeKey{e.Pipe.ID, e.PPID}]
	i := e.Member
	if !ok || i < 0 || i >= len(run.pids) || run.pids[i] != pid {
		return false
	}
	if run.ends == nil {
		run.ends = make([]func(), len(run.pids))
	}
	run.ends[i] = end
	return true
}

// endMember records that member idx of pipeline id finished; a process
// entered for a member that ran no program leaves, and a held end runs.
func (p *Procs) endMember(shell int, id int64, i int) {
	p.mu.Lock()
	key := pipeKey{id, shell}
	run, ok := p.pipes[key]
	var stale int
	var end func()
	if ok && i >= 0 && i < len(run.pids) {
		if !run.adopted[i] && run.pids[i] != 0 {
			stale = run.pids[i]
			run.adopted[i] = true
		}
		if run.ends != nil {
			end, run.ends[i] = run.ends[i], nil
		}
		run.left--
		if run.left <= 0 {
			delete(p.pipes, key)
		}
	}
	p.mu.Unlock()
	if end != nil {
		end()
	}
	if stale != 0 {
		p.k.Procs.Exit(stale)
	}
}

// Ran describes a program or script that ran to its end.
type Ran struct {
	Argv   []string
	PID    int
	Status int
	Script bool // an interpreted script (init scripts, rc)
}

// Observe sets the function told of every program that ends; nil stops.
func (p *Procs) Observe(fn func(Ran)) { p.observe = fn }

// NewProcs returns a program runner for k.
func NewProcs(k *kernel.Kernel) *Procs { return &Procs{k: k, hooks: newKernelHooks(k)} }

// Exec is one program start.
type Exec struct {
	Argv    []string
	Dir     string
	Environ []string
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Tty     bool
	// StdinTty says standard input is the terminal, and Keyboard is what
	// reading it gives (nil: end of file).
	StdinTty bool
	Keyboard io.Reader
	Term     io.Writer
	Umask    fs.FileMode
	// Prefix is how the parent shell prefixes "command not found".
	Prefix string
	// prefixOf, when set, is the shell whose prefix at prefixPos stands
	// for Prefix: a message is rare, so the text is made only for one.
	prefixOf  *Shell
	prefixPos syntax.Pos
	// PPID is the parent's pid, TTY the controlling terminal ("" none).
	PPID int
	TTY  string
	// Background is set for a background job (cmd &), and Job is its
	// command as bash's job table shows it ("" for the argv).
	Background bool
	Job        string
	// Pipe and Member name the pipeline member the program runs in.
	Pipe   *bash.Pipeline
	Member int
	// Builtin says the program is a shell builtin (kill) running inside
	// the calling shell's own process, which lives on after it.
	Builtin bool
	// As, when set, is the user the program runs as and the argv[0] it
	// is given (su's shell); nil runs it as its parent's user.
	As *cmds.Child
	// TermErr is the terminal's error stream when Stderr may be it (see
	// Options.TermErr).
	TermErr io.Writer
	// Started, when set, is told the pid of a background job's process
	// once it exists: the shell's $!.
	Started func(pid int)
}

// exec is the evaluator's Exec hook: every command that is no function
// or builtin runs as a program of the machine.
func (s *Shell) exec(ctx context.Context, c *bash.Call) int {
	if c.Background {
		return s.execJob(ctx, c)
	}
	return s.procs.Run(ctx, s.execOf(c, "", nil))
}

// execJob runs a background job's program (cmd &): its pid becomes $!,
// and its end is recorded for wait.
func (s *Shell) execJob(ctx context.Context, c *bash.Call) (status int) {
	job := ""
	if c.Stmt != nil {
		job = jobText(c.Stmt)
	}
	r := c.Runner
	bgPID := 0
	started := func(pid int) { bgPID = pid; r.SetBackgroundPID(pid) }
	defer func() { s.jobEnded(bgPID, status) }()
	return s.procs.Run(ctx, s.execOf(c, job, started))
}

// execOf is the program start of command c.
func (s *Shell) execOf(c *bash.Call, job string, started func(int)) Exec {
	env := c.Environ()
	return Exec{
		Argv:       c.Args,
		Dir:        c.Dir,
		Environ:    env[:len(env):len(env)],
		Stdin:      c.Stdin,
		Stdout:     c.Stdout,
		Stderr:     c.Stderr,
		Tty:        c.Stdout == s.term,
		StdinTty:   s.opts.StdinTty && c.Stdin == nil,
		Keyboard:   keyboardFor(c.Stdin, c.Background, s.opts.Keyboard),
		Term:       s.term,
		Umask:      s.Umask(),
		prefixOf:   s,
		prefixPos:  c.Pos,
		PPID:       s.parentOf(c.Runner),
		TTY:        s.opts.TTY,
		Background: c.Background,
		Job:        job,
		Pipe:       c.Pipe,
		Member:     c.Member,
		TermErr:    s.opts.TermErr,
		Started:    started,
	}
}

// fork is the evaluator's Fork hook: each member of a pipeline counts
// against the process limit (a fork bomb meets it), and the first
// enters every member's process before any runs, so ps | grep always
// shows the grep.
func (s *Shell) fork(ctx context.Context, f *bash.Fork) error {
	if f.Kind == bash.ForkBackground && f.Stmt != nil {
		return s.startShellJob(ctx, f)
	}
	if f.Kind != bash.ForkPipe {
		return nil
	}
	room := 1 << 20
	if t := s.opts.Kernel.Procs; t != nil {
		room = t.Limit() - t.Len()
	}
	if err := budgetOf(ctx).fork(room); err != nil {
		return err
	}
	if f.Member == 0 {
		s.procs.startPipeline(s, f.Runner, f.Pipe)
	}
	return nil
}

// unfork is the evaluator's Unfork hook.
func (s *Shell) unfork(ctx context.Context, f *bash.Fork) {
	if f.Kind == bash.ForkBackground && f.Stmt != nil {
		s.endShellJob(ctx, f)
		return
	}
	if f.Kind != bash.ForkPipe {
		return
	}
	budgetOf(ctx).unfork()
	s.procs.endMember(s.parentOf(f.Runner), f.Pipe.ID, f.Member)
}

// LookPath finds name as bash does: a name with a slash is taken as a path,
// others are searched in PATH. It returns the absolute path, or the
// message and status bash gives when it cannot run the name.
func (p *Procs) LookPath(name, dir, pathVar string) (string, string, int) {
	fsys := p.k.FS
	if strings.Contains(name, "/") {
		abs := absJoin(dir, name)
		m, ok := fsys.StatMode(abs)
		switch {
		case !ok:
			_, err := fsys.Stat(abs) // for its error
			if err == nil {
				err = syscall.ENOENT
			}
			return "", cmds.Strerror(err), 127
		case m.IsDir():
			return "", "is a directory", 126
		case m.Perm()&0o111 == 0:
			return "", cmds.Strerror(syscall.EACCES), 126
		}
		return abs, "", 0
	}
	if name == "" {
		return "", "command not found", 127
	}
	for rest := pathVar; ; {
		d, more, found := strings.Cut(rest, ":")
		rest = more
		if d == "" {
			d = "."
		}
		if m, ok := modeIn(fsys, dir, d, name); ok && m.IsRegular() && m.Perm()&0o111 != 0 {
			return absJoin(dir, d+"/"+name), "", 0
		}
		if !found {
			break
		}
	}
	return "", "command not found", 127
}

// modeIn is the mode of the file absJoin(dir, d+"/"+name) names. The
// name stays off the heap (a short one) when it is absolute and clean
// as written, as PATH's directories are: most of them miss.
func modeIn(fsys *vfs.FS, dir, d, name string) (fs.FileMode, bool) {
	if s := d + "/" + name; path.IsAbs(s) && path.Clean(s) == s {
		return fsys.StatMode(s)
	}
	return fsys.StatMode(absJoin(dir, d+"/"+name))
}

// Run starts a program and waits for it; the result is its exit status.
func (p *Procs) Run(ctx context.Context, e Exec) (status int) {
	if e.Stdout == nil {
		e.Stdout = io.Discard
	}
	if e.Stderr == nil {
		e.Stderr = io.Discard
	}
	name := e.Argv[0]
	abs, msg, st := p.LookPath(name, e.Dir, getenv(e.Environ, "PATH"))
	if st != 0 {
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.prefix(), name, msg)
		return st
	}
	if uid, gid := p.credFor(e); uid != 0 && !p.mayExec(abs, uid, gid) {
		shown := abs
		if strings.Contains(name, "/") {
			shown = name
		}
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.prefix(), shown, cmds.Strerror(syscall.EACCES))
		return 126
	}
	hk, err := readHead(p.k, abs)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.prefix(), name, cmds.Strerror(err))
		return 126
	}
	prog, isProg, isELF := hk.prog, hk.isProg, hk.isELF
	if p.denied(e, abs, prog) {
		shown := abs // bash names the file it found on PATH
		if strings.Contains(name, "/") {
			shown = name
		}
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.prefix(), shown, cmds.Strerror(syscall.EACCES))
		return 126
	}
	if isProg {
		c, ok := p.lookup(prog)
		if !ok {
			fmt.Fprintf(e.Stderr, "%s%s: cannot execute binary file\n", e.prefix(), name)
			return 126
		}
		e.Argv = argv0(e)
		pid, ok := p.fork(e, abs, e.Argv, c)
		if !ok {
			return 254
		}
		return p.runProgram(ctx, c, e, pid)
	}
	if isELF {
		fmt.Fprintf(e.Stderr, "%s%s: cannot execute binary file\n", e.prefix(), name)
		return 126
	}
	if interp, arg, ok := hk.interp, hk.arg, hk.shebang; ok && !isShell(interp) {
		if msg := badInterpreter(p.k, e.Dir, interp); msg != "" {
			shown := abs
			if strings.Contains(name, "/") {
				shown = name
			}
			fmt.Fprintf(e.Stderr, "%s%s: %s: bad interpreter: %s\n", e.prefix(), shown, strings.ReplaceAll(interp, "\r", "^M"), msg)
			return 126
		}
		argv := []string{interp}
		if arg != "" {
			argv = append(argv, arg)
		}
		e2 := e
		e2.Argv = append(append(argv, abs), e.Argv[1:]...)
		if e.As != nil {
			as := *e.As
			as.Arg0 = "" // the interpreter keeps its name
			e2.As = &as
		}
		return p.Run(ctx, e2)
	}
	e.Argv = argv0(e)
	pid, ok := p.fork(e, abs, append([]string{"/bin/bash"}, e.Argv...), nil)
	if !ok {
		return 254
	}
	st = p.runScript(ctx, abs, e, pid)
	end := func() {
		if p.observe != nil {
			p.observe(Ran{Argv: e.Argv, PID: pid, Status: st, Script: true})
		}
		p.k.Procs.Exit(pid)
	}
	if !p.holdEnd(e, pid, end) {
		end()
	}
	return st
}

// prefix is how the parent shell prefixes a message about e.
func (e *Exec) prefix() string {
	if e.prefixOf != nil {
		return e.prefixOf.prefix(e.prefixPos)
	}
	return e.Prefix
}

// fork enters a new process for a program about to run, as fork+exec
// would. When the table is full it reports bash's fork failure.
func (p *Procs) fork(e Exec, exe string, argv []string, c *cmds.Command) (int, bool) {
	if p.k.Procs == nil {
		return 0, true
	}
	vsz, rss := 4020, 600
	if c != nil && c.VSZ > 0 {
		vsz, rss = c.VSZ, c.RSS
	}
	if pid := p.adopt(e); pid != 0 {
		p.k.Procs.Update(pid, func(x *proc.Process) {
			x.Comm, x.Args, x.Exe, x.VSZ, x.RSS = comm15(path.Base(exe)), argv, exe, vsz, rss
		})
		return pid, true
	}
	// The kernel names a process after the file it executes: a script's
	// process is "crond" even though bash runs it.
	uid, gid := p.credFor(e)
	pid, err := p.k.Procs.Spawn(proc.Process{
		PPID: e.PPID, UID: uid, GID: gid, TTY: e.TTY, State: 'R', Foreground: e.TTY != "",
		Comm: comm15(path.Base(exe)), Args: argv, Exe: exe, Start: p.k.Clock.Now(),
		VSZ: vsz, RSS: rss,
	})
	if err != nil {
		fmt.Fprintf(e.Stderr, "%sfork: %s\n", e.prefix(), cmds.Strerror(err))
		return 0, false
	}
	if e.Background && e.Started != nil {
		e.Started(pid)
	}
	return pid, true
}

// progRun is what runProgram allocates for one program, at once: its
// Proc, the Exec it came from, its context and its empty input.
type progRun struct {
	proc  cmds.Proc
	e     Exec
	ctx   progCtx
	empty strings.Reader
}

func (p *Procs) runProgram(ctx context.Context, c *cmds.Command, e Exec, pid int) (status int) {
	rp := &progRun{e: e}
	proc := &rp.proc
	*proc = cmds.Proc{
		Ctx:        ctx,
		Args:       e.Argv,
		Dir:        e.Dir,
		Environ:    e.Environ,
		Stdin:      e.Stdin,
		Stdout:     e.Stdout,
		Stderr:     e.Stderr,
		Sys:        p.k,
		Background: e.Background,
		Tty:        e.Tty,
		StdinTty:   e.StdinTty,
		Umask:      e.Umask,
		PID:        pid,
		PPID:       e.PPID,
		TTY:        e.TTY,
	}
	if proc.Stdin == nil {
		rp.empty.Reset("")
		proc.Stdin = &rp.empty
		if e.Keyboard != nil {
			proc.Stdin = e.Keyboard
		}
	}
	rp.ctx = progCtx{Context: ctx, run: running{p, e.Term}}
	if x := p.ext; x.Program != nil || x.Denied != nil {
		rp.ctx.ext, rp.ctx.hasExt = x, true
	}
	proc.Ctx = &rp.ctx
	proc.Run = func(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
		e := &rp.e
		child := *e
		child.Argv = argv
		child.As = nil
		child.Started = nil // $! is the job's own process
		if as, ok := cmds.ChildOf(proc.Ctx); ok {
			child.As = &as // RunAs: su's shell
		}
		child.Dir = proc.Dir
		child.Environ = proc.Environ
		child.Prefix, child.prefixOf = "", nil
		child.PPID = pid
		if stdin != nil {
			child.Stdin = stdin
			child.StdinTty = false
		} else {
			child.Stdin = e.Stdin // the terminal stays the terminal
		}
		if stdout != nil {
			child.Stdout = stdout
			child.Tty = stdout == e.Term
		}
		if stderr != nil {
			child.Stderr = stderr
		}
		if err := budgetOf(ctx).step(); err != nil {
			return 130
		}
		return p.Run(ctx, child)
	}
	job := 0
	if e.Background && pid != 0 && e.TTY != "" {
		job = p.k.AddJob(e.TTY, pid, cmp.Or(e.Job, strings.Join(e.Argv, " ")))
		fmt.Fprintf(e.Term, "[%d] %d\n", job, pid)
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(rp.e.Stderr, "%s: rclab internal error: %v\n", c.Name, r)
			status = 1
		}
		st := status
		end := func() {
			if !rp.e.Builtin {
				p.finish(proc, rp.e, pid, job, st)
			}
			if p.observe != nil {
				p.observe(Ran{Argv: rp.e.Argv, PID: pid, Status: st})
			}
		}
		if rp.e.Builtin || !p.holdEnd(rp.e, pid, end) {
			end()
		}
	}()
	return c.Main(proc)
}

// progCtx is a program's context: it carries the runner that started
// the program with its terminal (runningKey), and the runner's
// extension (extKey), with no allocation of their own.
type progCtx struct {
	context.Context
	run    running
	ext    Extension
	hasExt bool
}

// Value answers runningKey and extKey, and asks the parent otherwise.
func (c *progCtx) Value(key any) any {
	switch key.(type) {
	case runningKey:
		return c.run
	case extKey:
		if c.hasExt {
			return c.ext
		}
	}
	return c.Context.Value(key)
}

// finish ends a program's process, unless it stays (a stopped background
// client, a background sleep); a background job's end is recorded for
// bash's "Done" notice.
func (p *Procs) finish(pr *cmds.Proc, e Exec, pid, job, status int) {
	if pid == 0 {
		return
	}
	if ok, state, until, data := pr.Stayed(); ok {
		p.k.Procs.Update(pid, func(x *proc.Process) {
			x.State, x.Foreground = state, false
			if data != nil {
				x.Data = data
			}
		})
		if job != 0 {
			js := "Running"
			if state == 'T' {
				js = "Stopped"
				// bash reports a job that stopped at once.
				fmt.Fprintf(e.Term, "\n[%d]+  %-24s%s\n", job, js, strings.Join(e.Argv, " "))
			}
			p.k.SetJobState(pid, js, until)
		}
		return
	}
	p.k.Procs.Exit(pid)
	if job != 0 {
		js := "Done"
		if status != 0 {
			js = fmt.Sprintf("Exit %d", status)
		}
		p.k.SetJobState(pid, js, time.Time{})
	}
}

// RunScript interprets the file at abs as a bash script in a new shell
// process: only exported variables and no functions are inherited.
func (p *Procs) RunScript(ctx context.Context, abs string, e Exec) int {
	return p.runScript(ctx, abs, e, 0)
}

// runScript runs the script as process pid (its $$; e.PPID is $PPID).
func (p *Procs) runScript(ctx context.Context, abs string, e Exec, pid int) int {
	f, src, err, perr := loadScript(p.k, abs, e.Argv[0])
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.prefix(), e.Argv[0], cmds.Strerror(err))
		return 126
	}
	sh, err := New(Options{
		Vars:     credVars(p.credOf(pid)),
		Kernel:   p.k,
		Environ:  e.Environ,
		Dir:      e.Dir,
		Stdin:    e.Stdin,
		Stdout:   e.Stdout,
		Stderr:   e.Stderr,
		Terminal: e.Term,
		Name:     e.Argv[0],
		Params:   e.Argv[1:],
		Umask:    e.Umask,
		StdinTty: e.StdinTty,
		TermErr:  e.TermErr,
		Keyboard: e.Keyboard,
		Procs:    p,
		PID:      pid,
		PPID:     e.PPID,
		TTY:      e.TTY,
	})
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: rclab internal error: %v\n", e.Argv[0], err)
		return 1
	}
	p.trapSignals(pid, sh)
	var st int
	if perr != nil {
		st = sh.RunBroken(ctx, src, false, perr)
	} else {
		sh.r.SetText(f, src)
		st = sh.RunFile(ctx, f)
	}
	if sh.interrupted {
		sh.interruptTraps(ctx, true)
	}
	return st
}

func shebang(head []byte) (interp, arg string, ok bool) {
	if !bytes.HasPrefix(head, []byte("#!")) {
		return "", "", false
	}
	// The kernel splits the line at blanks only: a carriage return (a
	// script saved with DOS line ends) stays part of the name.
	line, _, _ := bytes.Cut(head[2:], []byte("\n"))
	rest := strings.TrimLeft(string(line), " \t")
	end := strings.IndexAny(rest, " \t")
	if end < 0 {
		end = len(rest)
	}
	interp = rest[:end]
	if interp == "" {
		return "", "", false
	}
	return interp, strings.Trim(rest[end:], " \t"), true
}

// badInterpreter is why the kernel cannot run interp for a #! script
// started in dir ("" when it can): bash reports it as a bad interpreter.
func badInterpreter(k *kernel.Kernel, dir, interp string) string {
	fi, err := k.FS.Stat(absJoin(dir, interp))
	switch {
	case err != nil:
		return cmds.Strerror(err)
	case !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0:
		return cmds.Strerror(syscall.EACCES)
	}
	return ""
}

func isShell(p string) bool {
	switch p {
	case "/bin/sh", "/bin/bash", "/usr/bin/env bash", "sh", "bash":
		return true
	}
	return false
}

// head is what Run needs of the first bytes of a file it executes.
type head struct {
	prog    string // the program a ProgramFile installs
	isProg  bool
	isELF   bool // a binary (that is no ProgramFile)
	shebang bool // a #! line, naming interp with its one argument
	interp  string
	arg     string
}

// headBufs recycles the buffers readHead reads into.
var headBufs = sync.Pool{New: func() any { return new([4096]byte) }}

// readHead reads the first 4096 bytes of the file at name, as the
// kernel does to decide how to run it.
func readHead(k *kernel.Kernel, name string) (head, error) {
	bp := headBufs.Get().(*[4096]byte)
	defer headBufs.Put(bp)
	m, err := k.FS.ReadFileAt(name, bp[:], 0)
	if err != nil && err != io.EOF {
		return head{}, err
	}
	b := bp[:m]
	var h head
	if rest, ok := bytes.CutPrefix(b, []byte(ProgramMagic)); ok {
		name, _, _ := bytes.Cut(rest, []byte("\n"))
		h.prog, h.isProg = string(name), true
		return h, nil
	}
	h.isELF = bytes.HasPrefix(b, []byte("\x7fELF"))
	h.interp, h.arg, h.shebang = shebang(b)
	return h, nil
}

func readAll(k *kernel.Kernel, name string) (string, error) {
	b, err := readFile(k, name)
	return string(b), err
}

func getenv(env []string, name string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], name+"="); ok {
			return v
		}
	}
	return ""
}

func ownerOf(fi fs.FileInfo) (uid, gid int) {
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		return st.Uid, st.Gid
	}
	return 0, 0
}

// mayExec reports whether uid may execute abs: search every directory
// on the way and execute the file (a script is read as well, by the
// shell that runs it).
func (p *Procs) mayExec(abs string, uid, gid int) bool {
	if cmds.CheckPath(p.k.FS, "execve", abs, uid, gid) != nil {
		return false
	}
	fi, err := p.k.FS.Stat(abs)
	return err == nil && cmds.MayAccess(fi, uid, gid, 1)
}

// credFor is the user and group program e runs as: e.As's, else its
// parent's.
func (p *Procs) credFor(e Exec) (uid, gid int) {
	if e.As != nil {
		return e.As.UID, e.As.GID
	}
	return p.credOf(e.PPID)
}

// argv0 is e's argv with the argv[0] e.As gives it.
func argv0(e Exec) []string {
	if e.As == nil || e.As.Arg0 == "" || len(e.Argv) == 0 {
		return e.Argv
	}
	return append([]string{e.As.Arg0}, e.Argv[1:]...)
}

// credVars are bash's read-only $UID and $EUID for a shell running as
// uid; nil for root, whose values are the default.
func credVars(uid, _ int) map[string]string {
	if uid == 0 {
		return nil
	}
	id := strconv.Itoa(uid)
	return map[string]string{"UID": id, "EUID": id}
}

// credOf is the user and group of process pid, which its children
// inherit: root when pid is not in the table.
func (p *Procs) credOf(pid int) (uid, gid int) {
	if pid != 0 && p.k.Procs != nil {
		if x, ok := p.k.Procs.Get(pid); ok {
			return x.UID, x.GID
		}
	}
	return 0, 0
}

// comm15 is the kernel's 15-byte process name.
func comm15(name string) string {
	if len(name) > 15 {
		return name[:15]
	}
	return name
}

// keyboardFor is what a program started with stdin (nil: the shell's own
// input) reads: the shell's keyboard, unless its input was redirected or
// it runs in the background (bash gives a background job no terminal
// input).
func keyboardFor(stdin io.Reader, background bool, kb io.Reader) io.Reader {
	if stdin != nil || background {
		return nil
	}
	return kb
}
