package bash

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// maxFuncDepth bounds function recursion, which would otherwise grow the
// host's stack until it fails.
const maxFuncDepth = 1000

// maxValue bounds a variable's value, so a runaway loop doubling a
// string fails as bash does when memory runs out, not the host.
const maxValue = 16 << 20

// call runs a simple command: expansion, assignments, redirections, and
// the function, builtin or program it names.
func (r *Runner) call(c *syntax.CallExpr, st *syntax.Stmt) {
	if len(c.Args) > 0 && r.opts.shopt[shExpandAliases] && len(r.alias) > 0 {
		if r.aliasCall(c, st) {
			return
		}
	}
	if r.debug {
		r.debugTrap(st)
	}
	r.substSt = -1
	var args []string
	if len(c.Args) > 0 {
		// Expand into one of the runner's argument buffers (taken off
		// its stack, so that commands run while expanding take their
		// own), and keep it there only for a command that is done with
		// its arguments when it returns.
		buf := r.takeArgBuf(len(c.Args))
		var ok bool
		args, ok = r.fieldsTo(buf, c.Args)
		if !ok {
			r.putArgBuf(buf)
			return
		}
		if len(args) == 0 {
			r.putArgBuf(args)
		}
	}
	if len(args) == 0 {
		r.assignOnly(c, st)
		return
	}
	if !r.step() {
		r.putArgBuf(args)
		return
	}
	// The name is looked up once, after step (whose traps may change
	// the functions): nothing between here and the dispatch
	// (assignments, redirections) can define or remove a function of
	// this shell (their substitutions run in subshells).
	cmd := r.resolve(args[0], false)
	if cmd.lends() {
		defer r.putArgBuf(args)
	} else {
		lent := args
		args = slices.Clone(args)
		r.putArgBuf(lent)
	}
	temp := false
	var env tempEnv
	if len(c.Assigns) > 0 {
		env = r.saveEnv()
		r.vars.push(true)
		temp = true
		for _, a := range c.Assigns {
			if !r.assign(a, true) {
				r.vars.pop()
				return
			}
		}
		env.gen = r.vars.genSum()
	}
	if r.opts.set[optXTrace] {
		r.traceArgs(args)
	}
	if len(st.Redirs) > 0 {
		if args[0] == "exec" && len(args) == 1 {
			// exec with only redirections: they stay.
			if _, ok := r.redirectExec(st.Redirs); ok {
				r.status = 0
			} else {
				r.status = 1
			}
			if temp {
				r.vars.pop()
			}
			return
		}
		saved := r.fds
		opened, ok := r.redirect(st.Redirs)
		if ok {
			r.run(args, st, cmd)
		} else {
			r.status = 1
		}
		r.fds = saved
		closeAll(opened)
	} else {
		r.run(args, st, cmd)
	}
	if temp {
		r.popTemp(env)
	}
}

// tempEnv is the environment before a command's temporary assignments
// (FOO=1 cmd), and the generation they left.
type tempEnv struct {
	list []string
	ok   bool
	gen  uint64
}

// saveEnv keeps the environment worked out before temporary
// assignments, when it is up to date.
func (r *Runner) saveEnv() tempEnv {
	if r.envOK && r.envGen == r.vars.genSum() {
		return tempEnv{list: r.envCache, ok: true}
	}
	return tempEnv{}
}

// popTemp drops a command's temporary assignments. When the command
// changed no more of the environment than they did, the environment
// is again the one before them: its list is kept rather than worked out
// anew (a loop running LC_ALL=C grep … and then a program would
// otherwise rebuild it twice per turn).
func (r *Runner) popTemp(env tempEnv) {
	unchanged := env.ok && r.vars.genSum() == env.gen
	r.vars.pop()
	if unchanged {
		r.envCache, r.envGen, r.envOK, r.envParent = env.list, r.vars.genSum(), true, false
	}
}

// lendArgs are the evaluator's builtins that keep nothing of their
// argument slice once they return (strings they keep are immutable), so
// the slice may be one of the runner's reused buffers. Sourcing and
// eval run commands of their own, which take other buffers; . makes its
// arguments the positional parameters only until it returns.
var lendArgs = map[string]bool{
	":": true, "true": true, "false": true, "break": true, "continue": true,
	"return": true, "exit": true, "echo": true, "printf": true, "test": true,
	"[": true, "unset": true, "read": true, "shift": true, "export": true,
	"readonly": true, "declare": true, "typeset": true, "local": true,
	"let": true, "pwd": true, "trap": true, "alias": true, "unalias": true,
	"hash": true, "wait": true, "times": true, ".": true, "source": true,
	"eval": true, "set": true,
}

// resolved is what a command name stands for in a runner, looked up
// once per command.
type resolved struct {
	fn      funcDef
	isFunc  bool
	hook    bool        // the Builtin hook is asked first
	builtin builtinFunc // one of the evaluator's builtins; nil: none
	lend    bool        // the builtin is one of lendArgs
}

// cmdEntry is an evaluator builtin with its lendArgs flag.
type cmdEntry struct {
	fn   builtinFunc
	lend bool
	hook bool // the Builtin hook serves the name (CommandNames)
}

// cmdTable is builtins and lendArgs in one map (made by init).
var cmdTable map[string]cmdEntry

func (r *Runner) resolve(name string, noFunc bool) resolved {
	var c resolved
	if !noFunc {
		if c.fn, c.isFunc = r.funcs[name]; c.isFunc {
			return c
		}
	}
	e := r.commandEntry(name)
	c.hook = r.cfg.Builtin != nil && e.hook
	c.builtin, c.lend = e.fn, e.lend
	return c
}

// commandEntry is what name is among the builtins: one look-up for
// both the hook's names and the evaluator's when the Config has
// BuiltinNames (without, the hook is asked about every name).
func (r *Runner) commandEntry(name string) cmdEntry {
	if hn := r.cfg.BuiltinNames; hn != nil {
		return hn.table[name]
	}
	e := cmdTable[name]
	e.hook = true
	return e
}

// CommandNames are the command names a Config's Builtin hook serves,
// merged with the evaluator's own builtins so that resolving a command
// takes one map look-up. Make it once (HookNames) and share it.
type CommandNames struct {
	table map[string]cmdEntry
}

// HookNames returns the CommandNames for the names the Builtin hook
// serves.
func HookNames(names ...string) *CommandNames {
	t := make(map[string]cmdEntry, len(cmdTable)+len(names))
	for name, e := range cmdTable {
		t[name] = e
	}
	for _, name := range names {
		e := t[name]
		e.hook = true
		t[name] = e
	}
	return &CommandNames{table: t}
}

// lends reports whether the command may run with its arguments in one
// of the runner's reused buffers: a function (its arguments are its
// positional parameters until it returns, and nothing outlives the
// call: a subshell it starts ends first), or an evaluator builtin of
// lendArgs that no Builtin hook takes first.
func (c *resolved) lends() bool { return c.isFunc || (c.lend && !c.hook) }

// takeArgBuf returns an empty argument buffer, the runner's spare one
// when it has one (nested commands each take one: a function's body
// runs while its caller's arguments are in use).
func (r *Runner) takeArgBuf(n int) []string {
	if b := r.argBuf; b != nil {
		r.argBuf = nil
		return b
	}
	if k := len(r.argBufs); k > 0 {
		b := r.argBufs[k-1]
		r.argBufs[k-1] = nil
		r.argBufs = r.argBufs[:k-1]
		return b
	}
	return make([]string, 0, max(n, 8))
}

// putArgBuf gives back a buffer args lives in, cleared so that it
// keeps no string alive.
func (r *Runner) putArgBuf(args []string) {
	clear(args)
	switch {
	case cap(args) > 256:
	case r.argBuf == nil:
		r.argBuf = args[:0]
	case len(r.argBufs) < 8:
		r.argBufs = append(r.argBufs, args[:0])
	}
}

// assignOnly runs a command that is only assignments (and redirections):
// they change the shell's variables; the status is the last command
// substitution's, or 0.
func (r *Runner) assignOnly(c *syntax.CallExpr, st *syntax.Stmt) {
	for _, a := range c.Assigns {
		if !r.assign(a, false) {
			if r.flow == flowNone {
				r.status = 1
				r.abort()
			}
			return
		}
	}
	r.status = 0
	if r.substSt >= 0 {
		r.status = r.substSt
	}
	if len(st.Redirs) > 0 {
		saved := r.fds
		opened, ok := r.redirect(st.Redirs)
		r.fds = saved
		closeAll(opened)
		if !ok {
			r.status = 1
		}
	}
}

// dispatch runs an expanded command: a function, a builtin of the hook,
// one of the evaluator's builtins or a program. noFunc skips functions
// (command), onlyBuiltin programs too (builtin).
func (r *Runner) dispatch(args []string, st *syntax.Stmt, noFunc bool) {
	r.run(args, st, r.resolve(args[0], noFunc))
}

// run runs an expanded command that resolved to cmd.
func (r *Runner) run(args []string, st *syntax.Stmt, cmd resolved) {
	if cmd.isFunc {
		r.callFunc(args[0], cmd.fn, args)
		return
	}
	var c *Call
	if cmd.hook {
		c = r.newCall(args, st)
		if status, ok := r.cfg.Builtin(r.ctx, c); ok {
			r.status = status
			r.freeCall(c)
			return
		}
	}
	if cmd.builtin != nil {
		if c != nil {
			r.freeCall(c)
		}
		r.status = cmd.builtin(r, args)
		return
	}
	if c == nil {
		c = r.newCall(args, st)
	}
	r.runProgram(c)
	r.freeCall(c)
}

// newCall describes a command to a hook. The Call comes from the
// runner's free list: hooks use it only until they return (freeCall).
func (r *Runner) newCall(args []string, st *syntax.Stmt) *Call {
	var c *Call
	if n := len(r.callFree); n > 0 {
		c = r.callFree[n-1]
		r.callFree[n-1] = nil
		r.callFree = r.callFree[:n-1]
	} else {
		c = new(Call)
	}
	*c = Call{
		Args:   args,
		Pos:    r.pos,
		Stdin:  r.stdin(),
		Stdout: r.stdout(),
		Stderr: r.stderr(),
		Dir:    r.dir,
		Pipe:   r.pipe,
		Member: r.member,
		Runner: r,
	}
	if r.bgStmt != nil && r.bgStmt == st {
		c.Background, c.Stmt = true, st
	}
	return c
}

// freeCall gives a Call back to the runner's free list once its hook
// returned.
func (r *Runner) freeCall(c *Call) {
	*c = Call{}
	if len(r.callFree) < 4 {
		r.callFree = append(r.callFree, c)
	}
}

// runProgram runs a command through the Exec hook.
func (r *Runner) runProgram(c *Call) {
	if r.cfg.Exec == nil {
		r.errf("%s: command not found", c.Args[0])
		r.status = 127
		return
	}
	r.status = r.cfg.Exec(r.ctx, c) & 0xff
	if r.broken != nil && r.broken.Load() {
		r.status = 141
	}
}

// callFunc runs a shell function with args ($0 stays).
func (r *Runner) callFunc(name string, fn funcDef, args []string) {
	body := fn.body
	if len(r.funcs_) >= maxFuncDepth {
		r.errf("%s: maximum function nesting level exceeded (%d)", name, maxFuncDepth)
		r.status = 1
		r.abort()
		return
	}
	params := r.params
	r.params = args[1:]
	r.vars.push(false)
	if r.stackShare {
		r.unshareStacks()
	}
	if len(r.funcs_) == cap(r.funcs_) {
		r.funcs_ = slices.Grow(r.funcs_, max(len(r.funcs_), 8))
	}
	r.funcs_ = append(r.funcs_, name)
	r.pushFrame(fn.src)
	saved := r.funcTraps()
	pos := r.pos
	r.stmt(body)
	if r.flow == flowReturn {
		r.flow = flowNone
	}
	r.endFunc(saved)
	r.popFrame()
	r.funcs_ = r.funcs_[:len(r.funcs_)-1]
	r.vars.pop()
	r.params = params
	r.pos = pos
	if r.flow == flowReturn {
		r.flow = flowNone
	}
}

// Environ is the exported environment as NAME=value, sorted. The slice
// is shared: callers must not change it.
func (r *Runner) Environ() []string {
	g := r.vars.genSum()
	if r.envOK && r.envGen == g {
		return r.envCache
	}
	r.envCache = r.vars.environ(max(len(r.envCache), len(r.cfg.Env)) + 4)
	r.envGen = g
	r.envOK = true
	// A subshell that changed no variable sees its parent's
	// environment: the parent may keep the list (fork's adoptEnv).
	s := r.vars
	r.envParent = s.parent != nil && s.gen == 0 && len(s.global) == 0 && len(s.frames) == 0
	return r.envCache
}

// assign performs one assignment; temp makes it part of the temporary
// environment of a command (FOO=1 cmd: exported, in the temp frame).
func (r *Runner) assign(a *syntax.Assign, temp bool) bool {
	if a.Name == nil {
		return true
	}
	name := a.Name.Value
	if a.Array != nil {
		elems, ok := r.arrayElems(a.Array)
		if !ok {
			return false
		}
		if r.opts.set[optXTrace] {
			r.trace(name + "=(" + strings.Join(traceWords(elemValues(elems)), " ") + ")")
		}
		return r.assignArray(name, elems, a.Append)
	}
	val, ok := r.assignValue(a.Value)
	if !ok {
		return false
	}
	if a.Index != nil {
		i, ok := r.arithNamed(a.Index, "")
		if !ok {
			r.abort()
			return false
		}
		if r.opts.set[optXTrace] {
			r.trace(name + "[" + strconv.FormatInt(i, 10) + "]=" + traceValue(val))
		}
		if a.Append {
			if v := r.lookupVar(name); v != nil && v.set {
				if old, ok := v.elem(int(i)); ok {
					val = old + val
				}
			}
		}
		if !r.assignElem(name, int(i), val) {
			r.status = 1
			return false
		}
		return true
	}
	if r.opts.set[optXTrace] {
		op := "="
		if a.Append {
			op = "+="
		}
		r.trace(name + op + traceValue(val))
	}
	if temp {
		if old := r.vars.lookup(name); old != nil && old.attr&attrReadonly != 0 {
			r.errf("%s: readonly variable", name)
			r.status = 1
			return true
		}
		r.vars.setFrame(name, &variable{val: val, set: true, attr: attrExport})
		r.vars.gen++
		return true
	}
	if a.Append {
		if v := r.lookupVar(name); v != nil && v.set {
			if v.attr&attrInteger != 0 {
				return r.assignString(name, v.str()+"+("+val+")", a.Pos())
			}
			if v.isArray() {
				if old, ok := v.elem(0); ok {
					return r.assignElem(name, 0, old+val)
				}
			}
			val = v.str() + val
		}
	}
	if !r.assignString(name, val, a.Pos()) {
		r.status = 1
		return false
	}
	return true
}

// assignString sets a variable's value as name=val does: an array's
// element 0, integer arithmetic, allexport, read-only errors.
func (r *Runner) assignString(name, val string, pos syntax.Pos) bool {
	if len(val) > maxValue {
		r.errf("xrealloc: cannot allocate %d bytes", len(val))
		r.fatal()
		return false
	}
	v := r.vars.own(name, true)
	if v.attr&attrReadonly != 0 {
		r.errf("%s: readonly variable", name)
		return false
	}
	if v.attr&attrInteger != 0 {
		n, ok := r.arithString(val)
		if !ok {
			return false
		}
		val = strconv.FormatInt(n, 10)
	}
	// The environment changes when an exported value does, or when
	// allexport exports the variable now.
	changed := !v.set || v.isArray() || v.val != val
	if r.opts.set[optAllExport] && v.attr&attrExport == 0 {
		v.attr |= attrExport
		changed = true
	}
	if v.attr&attrExport != 0 && changed {
		r.vars.gen++
	}
	if v.isArray() {
		v.setElem(0, val)
		v.set = true
		return true
	}
	v.val, v.set = val, true
	return true
}

// assignElem sets element i of an array (making name an array).
func (r *Runner) assignElem(name string, i int, val string) bool {
	v := r.vars.own(name, true)
	if v.attr&attrReadonly != 0 {
		r.errf("%s: readonly variable", name)
		return false
	}
	if i < 0 {
		if !v.isArray() || len(v.arr) == 0 {
			r.errf("%s[%d]: bad array subscript", name, i)
			return false
		}
		i += lastIndex(v) + 1
		if i < 0 {
			r.errf("%s[%d]: bad array subscript", name, i-lastIndex(v)-1)
			return false
		}
	}
	if v.attr&attrInteger != 0 {
		n, ok := r.arithString(val)
		if !ok {
			return false
		}
		val = strconv.FormatInt(n, 10)
	}
	if !v.isArray() {
		v.attr |= attrArray
		if v.set {
			v.arr = []arrElem{{0, v.val}}
		}
		v.val = ""
	}
	v.setElem(i, val)
	v.set = true
	if v.attr&attrExport != 0 {
		r.vars.gen++
	}
	return true
}

// arrayElems expands the elements of name=(…).
func (r *Runner) arrayElems(arr *syntax.ArrayExpr) ([]arrElem, bool) {
	var out []arrElem
	next := 0
	for _, e := range arr.Elems {
		if e.Index != nil {
			i, ok := r.arithNamed(e.Index, "")
			if !ok {
				r.abort()
				return nil, false
			}
			s, ok := r.assignValue(e.Value)
			if !ok {
				return nil, false
			}
			out = append(out, arrElem{int(i), s})
			next = int(i) + 1
			continue
		}
		if e.Value == nil {
			continue
		}
		fs, ok := r.fields([]*syntax.Word{e.Value})
		if !ok {
			return nil, false
		}
		for _, f := range fs {
			out = append(out, arrElem{next, f})
			next++
		}
	}
	return out, true
}

func elemValues(elems []arrElem) []string {
	out := make([]string, len(elems))
	for i, e := range elems {
		out[i] = e.v
	}
	return out
}

// assignArray sets name to the elements (appending with +=).
func (r *Runner) assignArray(name string, elems []arrElem, appendTo bool) bool {
	v := r.vars.own(name, true)
	if v.attr&attrReadonly != 0 {
		r.errf("%s: readonly variable", name)
		r.status = 1
		return false
	}
	base := 0
	if appendTo && v.set {
		if !v.isArray() {
			v.arr = []arrElem{{0, v.val}}
		}
		base = lastIndex(v) + 1
	} else {
		v.arr = nil
	}
	v.attr |= attrArray
	v.val = ""
	for _, e := range elems {
		val := e.v
		if v.attr&attrInteger != 0 {
			n, ok := r.arithString(val)
			if !ok {
				return false
			}
			val = strconv.FormatInt(n, 10)
		}
		v.setElem(base+e.i, val)
	}
	v.set = true
	if v.attr&attrExport != 0 {
		r.vars.gen++
	}
	return true
}

// SetVar sets a shell variable, as name=value does.
func (r *Runner) SetVar(name, value string) bool { return r.assignString(name, value, r.pos) }

// Var reads a shell variable; ok is false when it is unset.
func (r *Runner) Var(name string) (string, bool) {
	return r.simpleParam(name)
}

// Export marks a variable exported (setting it when value is non-nil).
func (r *Runner) Export(name string, value *string) {
	v := r.vars.own(name, true)
	if value != nil {
		v.val, v.set = *value, true
	}
	v.attr |= attrExport
	r.vars.gen++
}

// Unset removes a variable.
func (r *Runner) Unset(name string) { r.vars.unset(name) }

// Chdir changes the working directory to the absolute dir, setting PWD
// and OLDPWD as cd does.
func (r *Runner) Chdir(dir string) {
	old := r.varString("PWD")
	if old == "" {
		old = r.dir
	}
	r.dir = dir
	r.assignString("OLDPWD", old, r.pos)
	r.assignString("PWD", dir, r.pos)
}

// Func returns the body of a shell function.
func (r *Runner) Func(name string) (*syntax.Stmt, bool) {
	fn, ok := r.funcs[name]
	return fn.body, ok
}

// FuncNames lists the shell's functions, sorted.
func (r *Runner) FuncNames() []string { return sortedKeys(r.funcs) }

// Alias returns an alias's value.
func (r *Runner) Alias(name string) (string, bool) {
	v, ok := r.alias[name]
	return v, ok
}

// AliasNames lists the aliases, sorted.
func (r *Runner) AliasNames() []string { return sortedKeys(r.alias) }

// Stdin, Stdout and Stderr are the shell's file descriptors 0-2 now.
func (r *Runner) Stdin() io.Reader  { return r.stdin() }
func (r *Runner) Stdout() io.Writer { return r.stdout() }
func (r *Runner) Stderr() io.Writer { return r.stderr() }

// Subshell returns a copy of the shell, as ( ) forks it: changes to the
// copy do not reach r. The copy must be used only while r is not.
func (r *Runner) Subshell() *Runner { return r.subshellOf() }
