package bash

import (
	"fmt"

	"mvdan.cc/sh/v3/syntax"
)

// stmtList runs a list of statements. top says the list is a command
// reader of its own (a script, a prompt line, eval, a sourced file): an
// error that discards a command (bash's DISCARD) ends only the statement
// there.
func (r *Runner) stmtList(list []*syntax.Stmt, top bool) {
	for i := 0; i < len(list); i++ {
		if top && r.rd.list != nil {
			r.readTo(list, i)
		}
		r.stmt(list[i])
		if r.flow != flowNone {
			if top && r.flow == flowAbort {
				r.flow = flowNone
				if r.status == 0 {
					r.status = 1
				}
				// bash discards the rest of the line it read the
				// command from.
				end := list[i].End().Line()
				for i+1 < len(list) && list[i+1].Pos().Line() == end {
					i++
					end = list[i].End().Line()
				}
				continue
			}
			return
		}
	}
}

// stmts runs a nested list of statements, stopping at a jump.
func (r *Runner) stmts(list []*syntax.Stmt) {
	for _, st := range list {
		r.stmt(st)
		if r.flow != flowNone {
			return
		}
	}
}

// stmt runs one statement: its redirections, its command, ! and the
// errexit and ERR trap checks.
func (r *Runner) stmt(st *syntax.Stmt) {
	if r.stopped() {
		return
	}
	r.pos = st.Position
	if r.opts.set[optNoExec] && !r.interactive {
		return
	}
	if st.Background {
		r.background(st)
		return
	}
	if st.Negated {
		r.noErrExit++
	}
	if call, ok := st.Cmd.(*syntax.CallExpr); ok {
		r.call(call, st)
	} else if len(st.Redirs) > 0 && st.Cmd != nil {
		saved := r.fds
		opened, ok := r.redirect(st.Redirs)
		if ok {
			r.command(st.Cmd, st)
		} else {
			r.status = 1
		}
		r.fds = saved
		closeAll(opened)
	} else if st.Cmd != nil {
		r.command(st.Cmd, st)
	} else if len(st.Redirs) > 0 {
		// A statement of redirections only: `> file`.
		saved := r.fds
		opened, ok := r.redirect(st.Redirs)
		r.status = 0
		if !ok {
			r.status = 1
		}
		r.fds = saved
		closeAll(opened)
	}
	if simpleKind(st.Cmd) {
		// PIPESTATUS follows every foreground command, not only
		// pipelines: nil reads as [$?].
		r.pipeStatus = nil
		if st.Negated {
			r.pipeStatus = []int{r.status}
		}
	}
	if st.Negated {
		r.noErrExit--
		if r.status == 0 {
			r.status = 1
		} else {
			r.status = 0
		}
		return
	}
	if r.status != 0 && r.flow == flowNone && r.noErrExit == 0 && errexitKind(st.Cmd) {
		r.failed()
	}
}

// simpleKind reports whether c is a command that sets PIPESTATUS to its
// own status: not a pipeline, and no compound command, whose PIPESTATUS
// is its last command's.
func simpleKind(c syntax.Command) bool {
	switch c.(type) {
	case *syntax.CallExpr, *syntax.ArithmCmd, *syntax.TestClause, *syntax.DeclClause, *syntax.LetClause, *syntax.Subshell, nil:
		return true
	}
	return false
}

// errexitKind reports whether a failure of c triggers errexit and the ERR
// trap: simple commands, subshells and pipelines (bash 3.2 exempts
// [[ ]] and (( )), and compound commands fail by their own commands).
func errexitKind(c syntax.Command) bool {
	switch c := c.(type) {
	case *syntax.CallExpr, *syntax.Subshell, nil:
		return true
	case *syntax.BinaryCmd:
		return c.Op == syntax.Pipe || c.Op == syntax.PipeAll
	}
	return false
}

// failed runs the ERR trap and, under errexit, exits.
func (r *Runner) failed() {
	if cmd, ok := r.traps["ERR"]; ok && cmd != "" && !r.inTrap {
		st := r.status
		r.evalTrap(cmd)
		if r.flow == flowNone {
			r.status = st
		}
	}
	if r.opts.set[optErrExit] && r.flow == flowNone {
		r.flow = flowExit
	}
}

// command runs a command other than a simple command.
func (r *Runner) command(c syntax.Command, st *syntax.Stmt) {
	switch c := c.(type) {
	case *syntax.CallExpr:
		r.call(c, st)
	case *syntax.Block:
		r.stmts(c.Stmts)
	case *syntax.Subshell:
		r.fork(ForkSubshell, nil, 0, func(sub *Runner) { sub.stmts(c.Stmts) })
	case *syntax.IfClause:
		r.ifClause(c)
	case *syntax.WhileClause:
		r.whileClause(c)
	case *syntax.ForClause:
		r.forClause(c)
	case *syntax.CaseClause:
		r.caseClause(c)
	case *syntax.BinaryCmd:
		switch c.Op {
		case syntax.AndStmt, syntax.OrStmt:
			r.noErrExit++
			r.stmt(c.X)
			r.noErrExit--
			if r.flow != flowNone {
				return
			}
			if (r.status == 0) == (c.Op == syntax.AndStmt) {
				r.stmt(c.Y)
			}
		default:
			r.pipeline(c)
		}
	case *syntax.FuncDecl:
		r.defineFunc(c)
	case *syntax.ArithmCmd:
		r.arithCmd(c)
	case *syntax.TestClause:
		r.testClause(c)
	case *syntax.DeclClause:
		r.declClause(c, st)
	case *syntax.LetClause:
		r.letClause(c)
	case *syntax.TimeClause:
		if c.Stmt != nil {
			r.stmt(c.Stmt)
		} else {
			r.status = 0
		}
		if r.flow == flowNone || r.flow == flowAbort {
			if c.PosixFormat {
				fmt.Fprint(r.stderr(), "real 0.00\nuser 0.00\nsys 0.00\n")
			} else {
				fmt.Fprint(r.stderr(), "\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n")
			}
		}
	case *syntax.CoprocClause:
		// bash 3.2 has no coproc: it is a command name like any other.
		r.errf("coproc: command not found")
		r.status = 127
	default:
		r.errf("rclab: unsupported command %T", c)
		r.status = 1
	}
}

func (r *Runner) ifClause(c *syntax.IfClause) {
	for ic := c; ic != nil; ic = ic.Else {
		if len(ic.Cond) == 0 && !ic.ThenPos.IsValid() {
			// else
			r.stmts(ic.Then)
			return
		}
		r.noErrExit++
		r.stmts(ic.Cond)
		r.noErrExit--
		if r.flow != flowNone {
			return
		}
		if r.status == 0 {
			r.stmts(ic.Then)
			return
		}
	}
	r.status = 0
}

// loopJump settles a jump at the end of a loop body: done says the loop
// must end.
func (r *Runner) loopJump() (done bool) {
	switch r.flow {
	case flowNone:
		return false
	case flowBreak:
		r.flowN--
		if r.flowN <= 0 {
			r.flow = flowNone
		}
		return true
	case flowContinue:
		r.flowN--
		if r.flowN <= 0 {
			r.flow = flowNone
			return false
		}
		return true
	}
	return true
}

func (r *Runner) whileClause(c *syntax.WhileClause) {
	r.loops++
	defer func() { r.loops-- }()
	last := 0
	for {
		if !r.step() {
			return
		}
		r.noErrExit++
		r.stmts(c.Cond)
		r.noErrExit--
		if r.flow != flowNone {
			if r.loopJump() {
				break
			}
			continue
		}
		if (r.status == 0) == c.Until {
			break
		}
		r.stmts(c.Do)
		last = r.status
		if r.loopJump() {
			break
		}
	}
	if r.flow == flowNone {
		r.status = last
	}
}

func (r *Runner) forClause(c *syntax.ForClause) {
	r.loops++
	defer func() { r.loops-- }()
	switch l := c.Loop.(type) {
	case *syntax.WordIter:
		var items []string
		if l.InPos.IsValid() {
			var ok bool
			items, ok = r.fields(l.Items)
			if !ok {
				return
			}
		} else {
			items = r.params
		}
		if c.Select {
			r.selectLoop(l.Name.Value, items, c.Do)
			return
		}
		last := 0
		for _, it := range items {
			if !r.step() {
				return
			}
			if !r.assignString(l.Name.Value, it, l.Name.Pos()) {
				r.status = 1
				r.flow = flowAbort
				return
			}
			r.stmts(c.Do)
			last = r.status
			if r.loopJump() {
				break
			}
		}
		if r.flow == flowNone {
			r.status = last
		}
	case *syntax.CStyleLoop:
		if l.Init != nil {
			if _, ok := r.arith(l.Init); !ok {
				r.status = 1
				return
			}
		}
		last := 0
		for {
			if !r.step() {
				return
			}
			if l.Cond != nil {
				v, ok := r.arith(l.Cond)
				if !ok {
					r.status = 1
					return
				}
				if v == 0 {
					break
				}
			}
			r.stmts(c.Do)
			last = r.status
			if r.loopJump() {
				break
			}
			if l.Post != nil {
				if _, ok := r.arith(l.Post); !ok {
					r.status = 1
					return
				}
			}
		}
		if r.flow == flowNone {
			r.status = last
		}
	}
}

func (r *Runner) caseClause(c *syntax.CaseClause) {
	word, ok := r.literal(c.Word)
	if !ok {
		return
	}
	if r.opts.set[optXTrace] {
		// bash 3.2 traces no case head.
		_ = word
	}
	for _, item := range c.Items {
		for _, pw := range item.Patterns {
			pat, ok := r.pattern(pw)
			if !ok {
				return
			}
			if r.match(pat, word, r.opts.shopt[shNoCaseMatch]) {
				if item.Op != syntax.Break && item.OpPos.IsValid() {
					r.errf("syntax error near unexpected token `%s'", item.Op)
					r.status = 2
					r.flow = flowAbort
					return
				}
				r.stmts(item.Stmts)
				if len(item.Stmts) == 0 {
					r.status = 0
				}
				return
			}
		}
	}
	r.status = 0
}

// funcTableSize is the room a function table starts with: a library of
// them (/etc/init.d/functions has 23) and a script's own few. A map
// made for 28 entries takes 32 slots; one made for 64 would take 128.
const funcTableSize = 28

func (r *Runner) defineFunc(c *syntax.FuncDecl) {
	if c.Name == nil {
		r.status = 1
		return
	}
	switch {
	case r.fshare:
		m := make(map[string]funcDef, max(len(r.funcs)+1, funcTableSize))
		for k, v := range r.funcs {
			m[k] = v
		}
		r.funcs, r.fshare = m, false
	case r.funcs == nil:
		// The first definition: most come from a library of them,
		// so make room at once rather than rehashing as it grows.
		r.funcs = make(map[string]funcDef, funcTableSize)
	}
	r.funcs[c.Name.Value] = funcDef{c.Body, r.curSource()}
	r.status = 0
}

func (r *Runner) arithCmd(c *syntax.ArithmCmd) {
	if r.opts.set[optXTrace] {
		r.trace("((" + printArith(c.X) + "))")
	}
	v, ok := r.arithNamed(c.X, "((")
	switch {
	case !ok:
		r.status = 1
	case v != 0:
		r.status = 0
	default:
		r.status = 1
	}
}

func (r *Runner) letClause(c *syntax.LetClause) {
	var v int64
	for _, x := range c.Exprs {
		var ok bool
		v, ok = r.arithNamed(x, "let")
		if !ok {
			r.status = 1
			return
		}
	}
	if v != 0 {
		r.status = 0
	} else {
		r.status = 1
	}
}
