package bash

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/syntax"
)

// fork runs fn on a subshell of r and waits for it, with the Fork and
// Unfork hooks around it; ok is false when the fork failed.
func (r *Runner) fork(kind ForkKind, p *Pipeline, member int, fn func(sub *Runner)) bool {
	var f *Fork
	if r.cfg.Fork != nil || r.cfg.Unfork != nil {
		f = &Fork{Kind: kind, Pipe: p, Member: member, Runner: r}
	}
	return r.forkWith(f, fn)
}

// forkWith is fork with the hooks' Fork made by the caller (nil: none).
func (r *Runner) forkWith(f *Fork, fn func(sub *Runner)) bool {
	if !r.forkStart(f) {
		return false
	}
	shared := r.stackShare
	sub := r.subshellOf()
	if f != nil && f.PID != 0 {
		sub.procPID = f.PID
	}
	r.handSpares(sub)
	fn(sub)
	sub.endSubshell()
	sub.handSpares(r)
	r.adoptEnv(sub)
	// The subshell is done with r's stacks: r may write them in place
	// again (unless an older holder still reads them).
	r.stackShare = shared
	r.status = sub.status
	if sub.flow == flowStop {
		r.stop(sub.stopErr)
	}
	r.forkEnd(f, sub.status)
	return true
}

// adoptEnv keeps the environment a subshell of r worked out, when it is
// r's own: the subshell had no variables of its own then, and r's have
// not changed since (r waited).
func (r *Runner) adoptEnv(sub *Runner) {
	if sub.envOK && sub.envParent && !(r.envOK && r.envGen == sub.envGen) && sub.envGen == r.vars.genSum() {
		r.envCache, r.envGen, r.envOK, r.envParent = sub.envCache, sub.envGen, true, false
	}
}

// handSpares moves r's free argument buffers, expanders and Calls to
// to: a subshell that runs while r waits for it uses them, and gives
// them back when it ends.
func (r *Runner) handSpares(to *Runner) {
	to.argBuf, to.argBufs, to.callFree, to.xfree = r.argBuf, r.argBufs, r.callFree, r.xfree
	r.argBuf, r.argBufs, r.callFree, r.xfree = nil, nil, nil, nil
}

func (r *Runner) forkStart(f *Fork) bool {
	if f == nil || r.cfg.Fork == nil {
		return true
	}
	if err := r.cfg.Fork(r.ctx, f); err != nil {
		if !errors.Is(err, ErrQuietFork) {
			r.errf("fork: %s", errText(err))
		}
		r.status = 254
		r.stop(err)
		return false
	}
	return true
}

func (r *Runner) forkEnd(f *Fork, status int) {
	if f != nil && r.cfg.Unfork != nil {
		f.Status = status
		r.cfg.Unfork(r.ctx, f)
	}
}

// endSubshell settles a subshell that ran to its end or jumped out:
// its EXIT trap, and the status exit, return or an error gave.
func (r *Runner) endSubshell() {
	switch r.flow {
	case flowStop:
		return
	case flowAbort:
		if r.status == 0 {
			r.status = 1
		}
	}
	r.flow = flowNone
	r.runExitTrap()
	if r.flow != flowStop {
		r.flow = flowNone
	}
}

// pipeline runs a pipeline: every member in a subshell, connected by
// in-memory pipes, concurrently; the status is the last member's (or,
// with pipefail, the last non-zero one).
func (r *Runner) pipeline(c *syntax.BinaryCmd) {
	var members []*syntax.Stmt
	var all []bool // |& sends standard error too
	var walk func(b *syntax.BinaryCmd)
	walk = func(b *syntax.BinaryCmd) {
		if x, ok := b.X.Cmd.(*syntax.BinaryCmd); ok && (x.Op == syntax.Pipe || x.Op == syntax.PipeAll) && !b.X.Negated && len(b.X.Redirs) == 0 && !b.X.Background {
			walk(x)
		} else {
			members = append(members, b.X)
			all = append(all, false)
		}
		all[len(all)-1] = b.Op == syntax.PipeAll
		members = append(members, b.Y)
		all = append(all, false)
	}
	walk(c)
	n := len(members)
	p := &Pipeline{ID: r.tree.pipeIDs.Add(1), Members: make([][]string, n)}
	for i, m := range members {
		p.Members[i] = r.memberArgv(m)
	}
	statuses := make([]int, n)
	subs := make([]*Runner, n)
	forks := make([]*Fork, n)
	for i := range members {
		if r.cfg.Fork != nil || r.cfg.Unfork != nil {
			forks[i] = &Fork{Kind: ForkPipe, Pipe: p, Member: i, Runner: r}
		}
		if !r.forkStart(forks[i]) {
			for j := 0; j < i; j++ {
				r.forkEnd(forks[j], 1)
			}
			return
		}
	}
	shared := r.stackShare
	var wg sync.WaitGroup
	var in *stream = r.fds[0]
	var prevPipe *io.PipeReader
	for i, m := range members {
		sub := r.subshellOf()
		sub.pipe, sub.member = p, i
		subs[i] = sub
		if i > 0 {
			sub.fds[0] = in
		}
		var pw *io.PipeWriter
		var pr *io.PipeReader
		if i < n-1 {
			pr, pw = io.Pipe()
			broken := &atomic.Bool{}
			sub.broken = broken
			out := &stream{w: &pipeOut{w: pw, broken: broken}}
			sub.fds[1] = out
			if all[i] {
				sub.fds[2] = out
			}
		}
		ownIn := prevPipe
		run := func() {
			sub.stmt(m)
			sub.endSubshell()
			if pw != nil {
				pw.Close()
			}
			if ownIn != nil {
				ownIn.CloseWithError(io.ErrClosedPipe)
			}
			statuses[i] = sub.status
			if sub.broken != nil && sub.broken.Load() && sub.status == 0 {
				statuses[i] = 141
			}
		}
		if i < n-1 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					if e := recover(); e != nil {
						sub.status = 1
						if pw != nil {
							pw.CloseWithError(io.ErrClosedPipe)
						}
					}
				}()
				run()
			}()
			in = &stream{r: bufio.NewReaderSize(pr, 4096)}
			prevPipe = pr
		} else {
			run()
		}
	}
	wg.Wait()
	r.stackShare = shared // every member is done with r's stacks
	for i, sub := range subs {
		r.forkEnd(forks[i], statuses[i])
		if sub.flow == flowStop {
			r.stop(sub.stopErr)
		}
	}
	r.pipeStatus = statuses
	st := statuses[n-1]
	if r.opts.set[optPipeFail] {
		for _, s := range statuses {
			if s != 0 {
				st = s
			}
		}
	}
	r.status = st
}

// pipeOut is a pipeline member's standard output: a write to a pipe
// whose reader is gone marks the member broken, as SIGPIPE would end it.
type pipeOut struct {
	w      *io.PipeWriter
	broken *atomic.Bool
}

func (p *pipeOut) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if err != nil && errors.Is(err, io.ErrClosedPipe) {
		p.broken.Store(true)
	}
	return n, err
}

// memberArgv is a pipeline member's argv when its words expand without
// side effects: literals, quotes and plain parameters.
func (r *Runner) memberArgv(st *syntax.Stmt) []string {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 || len(call.Assigns) > 0 {
		return nil
	}
	for _, w := range call.Args {
		if !sideEffectFree(w.Parts) {
			return nil
		}
	}
	status, flow := r.status, r.flow
	args, ok := r.fields(call.Args)
	r.status, r.flow = status, flow
	if !ok {
		return nil
	}
	return args
}

func sideEffectFree(parts []syntax.WordPart) bool {
	for _, part := range parts {
		switch part := part.(type) {
		case *syntax.Lit, *syntax.SglQuoted:
		case *syntax.ParamExp:
			if part.Exp != nil || part.Repl != nil || part.Slice != nil || part.Index != nil || part.Excl || part.Param == nil {
				return false
			}
			switch part.Param.Value {
			case "RANDOM", "SECONDS", "LINENO":
				return false
			}
		case *syntax.DblQuoted:
			if !sideEffectFree(part.Parts) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// background runs `list &`: bash forks and goes on; rclab runs the job
// to its end now, in a subshell, so output never depends on scheduling.
// A simple command learns it is a job through Call.Background.
func (r *Runner) background(st *syntax.Stmt) {
	job := *st
	job.Background = false
	pid := 0
	var f *Fork
	if r.cfg.Fork != nil || r.cfg.Unfork != nil {
		f = &Fork{Kind: ForkBackground, Runner: r}
		if !r.programJob(st) {
			// A group, a loop, a function or a builtin: the forked
			// shell itself is the job's process, which the hooks make.
			f.Stmt = st
		}
	}
	r.forkWith(f, func(sub *Runner) {
		if f == nil || f.Stmt == nil {
			sub.bgStmt = &job
		}
		sub.stmt(&job)
		sub.bgStmt = nil
		pid = sub.jobPID
	})
	if pid == 0 && f != nil {
		pid = f.PID
	}
	if pid != 0 {
		// $! is the job's process, which the Exec hook named.
		r.lastBg = pid
	}
	if r.flow == flowNone {
		r.status = 0
	}
}

// cmdSubst runs $(…) or `…` and returns its output without trailing
// newlines.
func (r *Runner) cmdSubst(cs *syntax.CmdSubst) (string, bool) {
	if s, ok, done := r.catFile(cs); done {
		return s, ok
	}
	var buf bytes.Buffer
	ok := r.fork(ForkSubst, nil, 0, func(sub *Runner) {
		sub.fds[1] = &stream{w: &buf}
		sub.level++
		if !sub.opts.set[optPosix] {
			sub.opts.set[optErrExit] = false
		}
		sub.stmts(cs.Stmts)
	})
	if !ok || r.flow == flowStop {
		return "", false
	}
	r.substSt = r.status
	return strings.TrimRight(buf.String(), "\n"), true
}

// catFile serves $(< FILE) by reading the file, as bash does.
func (r *Runner) catFile(cs *syntax.CmdSubst) (string, bool, bool) {
	if len(cs.Stmts) != 1 {
		return "", false, false
	}
	st := cs.Stmts[0]
	call, ok := st.Cmd.(*syntax.CallExpr)
	if st.Cmd != nil && (!ok || len(call.Args) > 0 || len(call.Assigns) > 0) {
		return "", false, false
	}
	if len(st.Redirs) != 1 || st.Redirs[0].Op != syntax.RdrIn || st.Redirs[0].N != nil || st.Negated || st.Background {
		return "", false, false
	}
	saved := r.fds
	opened, ok := r.redirect(st.Redirs)
	in := r.fds[0]
	var data []byte
	if ok && in != nil && in.r != nil {
		data, _ = io.ReadAll(in.r)
	}
	r.fds = saved
	closeAll(opened)
	if !ok {
		r.substSt = 1
		r.status = 1
		return "", true, true
	}
	r.substSt = 0
	return strings.TrimRight(string(data), "\n"), true, true
}

// programJob reports whether the job st is one program, which becomes the
// job's process itself (the Exec hook learns it runs as a job through
// Call.Background); a name that expands at run time counts as one.
func (r *Runner) programJob(st *syntax.Stmt) bool {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	argv := r.memberArgv(st)
	if argv == nil {
		return true // known only when it runs: as before, a program's
	}
	name := argv[0]
	if _, fn := r.funcs[name]; fn || IsBuiltin(name) {
		return false
	}
	if hn := r.cfg.BuiltinNames; hn != nil {
		if e := hn.table[name]; e.fn != nil || e.hook {
			return false
		}
	}
	return true
}
