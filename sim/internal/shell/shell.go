// Package shell builds the bash that runs inside the simulated machine: the
// student's login shell and every script (init scripts, rc, functions) run
// by the same interpreter, mvdan.cc/sh, with every handler pointed at the
// machine. One constructor, New, closes every path by which the interpreter
// would otherwise reach the host (see the tech notes, §2): file opens, stats,
// directory reads and access checks go to the vfs; programs come from the
// simulated command table; TMPDIR, $$, ~user, type, command -v, pwd -P,
// source and test -O/-G are rewritten.
//
// Init scripts run this interpreter hundreds of times per runlevel change,
// so the package also works around interp's costliest habits, always with
// interp's own behaviour kept: parsed scripts, sourced files and eval texts
// are cached (parsecache.go, nested.go); case statements and pattern
// removals match with expressions compiled once (caserw.go, strip.go);
// simple test and [ commands are answered in the call handler
// (fasttest.go); small files redirected to standard input are handed over
// in a pipe filled at once (handlers.go).
package shell

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

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
	r       *interp.Runner
	procs   *Procs
	term    io.Writer
	umask   atomic.Uint32
	mu      sync.Mutex
	aliases map[string]string
	history []string
	limits  map[byte]string // ulimit's changes, by option letter
	// interrupted is set when the last statement was stopped (budget,
	// fork limit, Ctrl-C).
	interrupted bool
	// jumped is set when break or continue ran (see jumps.go).
	jumped atomic.Bool
	// cases holds, per runner, the case statement being matched (see
	// caserw.go).
	caseMu sync.Mutex
	cases  map[uintptr]caseState
	// file is the name of the file the runner runs ("" for statements
	// run one by one), trapped is set once the shell ran trap (see
	// nested.go).
	file    string
	trapped atomic.Bool
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
	o.Stdin = stdinFor(o.Stdin)
	s := &Shell{opts: o, term: o.Terminal, aliases: map[string]string{}}
	s.umask.Store(uint32(o.Umask & fs.ModePerm))
	s.procs = o.Procs
	if s.procs == nil {
		s.procs = NewProcs(o.Kernel)
	}
	hidden := map[string]string{"UID": "0", "EUID": "0", "GID": "0"}
	if o.Interactive {
		// bash's defaults for an interactive shell, before any rc file.
		hidden["PS1"] = `\s-\v\$ `
		hidden["PS2"] = "> "
	}
	hidden["PS4"] = "+ "
	for name, val := range o.Vars {
		hidden[name] = val
	}
	hidden[pidVar] = strconv.Itoa(o.PID)
	hidden[ppidVar] = strconv.Itoa(o.PPID)
	hidden[argv0Var] = o.Name
	r, err := interp.New(
		interp.Env(newEnviron(o.Environ, hidden, func(user string) (string, bool) {
			h, ok := homes(o.Kernel)[user]
			return h, ok
		})),
		interp.StdIO(o.Stdin, o.Stdout, hideHelperTraces(o.Stderr)),
		interp.Interactive(o.Interactive),
		interp.CallHandler(s.call),
		interp.ExecHandlers(s.execMiddleware),
		interp.OpenHandler(s.open),
		interp.StatHandler(s.stat),
		interp.ReadDirHandler2(s.readDir),
		interp.AccessHandler(s.access),
		// Set directly: interp.Dir (and New's default) would ask the host.
		func(r *interp.Runner) error { r.Dir = o.Dir; return nil },
	)
	if err != nil {
		return nil, err
	}
	// Set directly: interp.Dir would stat the host disk.
	r.Dir = o.Dir
	params := append(append(append([]string(nil), o.Flags...), "--"), o.Params...)
	if err := interp.Params(params...)(r); err != nil {
		return nil, err
	}
	r.Reset()
	s.r = r
	return s, nil
}

// Name is the shell's $0 ("-bash", "sh").
func (s *Shell) Name() string { return s.opts.Name }

// Dir is the shell's working directory.
func (s *Shell) Dir() string { return s.r.Dir }

// Exited reports whether the shell ran exit (or logout). A command line
// stopped by its budget or Ctrl-C does not end the shell, although interp
// treats the stop as fatal.
func (s *Shell) Exited() bool { return s.r.Exited() && !s.interrupted }

// Var reads a shell variable.
func (s *Shell) Var(name string) string { return s.r.Vars[name].String() }

// Environ lists the shell's exported variables as NAME=value.
func (s *Shell) Environ() []string { return exportedOf(s.r.Env) }

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
		return fmt.Sprintf("%s: line %d: ", s.opts.Name, pos.Line())
	}
	return s.opts.Name + ": "
}

// Run parses src as a script named name and runs it to the end, as bash
// does for a script file. The result is the exit status.
func (s *Shell) Run(ctx context.Context, src string) int {
	f, err := Parse(src, s.opts.Name)
	if err != nil {
		fmt.Fprint(s.opts.Stderr, s.syntaxError(src, err))
		return 2
	}
	return s.RunFile(ctx, f)
}

// RunFile runs an already parsed (and sanitized) file.
func (s *Shell) RunFile(ctx context.Context, f *syntax.File) int {
	return s.runNode(ctx, f)
}

// RunStmts runs statements one by one as an interactive shell does, and
// returns the status of the last.
func (s *Shell) RunStmts(ctx context.Context, stmts []*syntax.Stmt) int {
	st := 0
	for _, stmt := range stmts {
		st = s.runNode(ctx, stmt)
		if s.r.Exited() || ctx.Err() != nil {
			break
		}
	}
	if s.interrupted && st != 0 {
		// A stopped command never set $? in the runner: bash's next
		// line sees the status (130 after Ctrl-C).
		if f, err := Parse("(exit "+strconv.Itoa(st)+")", s.opts.Name); err == nil {
			s.r.Run(context.Background(), f.Stmts[0])
		}
	}
	return st
}

func (s *Shell) runNode(ctx context.Context, n syntax.Node) (status int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.opts.Stderr, "%srclab: internal error: %v\n", s.prefix(syntax.Pos{}), p)
			status = 1
		}
	}()
	s.file = ""
	if f, ok := n.(*syntax.File); ok {
		s.file = f.Name
	}
	err := s.r.Run(ctx, n)
	return s.statusOf(ctx, err)
}

func (s *Shell) statusOf(ctx context.Context, err error) int {
	s.interrupted = false
	if err == nil {
		if ctx.Err() != nil {
			return s.stopped(ctx)
		}
		return 0
	}
	var es interp.ExitStatus
	if errors.As(err, &es) {
		return int(es)
	}
	var stop *StopError
	var fork ForkError
	if errors.As(err, &stop) || errors.As(err, &fork) {
		return s.stopped(ctx)
	}
	if ctx.Err() != nil {
		return s.stopped(ctx)
	}
	fmt.Fprintf(s.opts.Stderr, "%s%v\n", s.prefix(syntax.Pos{}), err)
	return 1
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

// Parse parses src as bash with name as $0 for messages, and sanitizes
// it: constructs that would reach the host are rejected or rewritten.
func Parse(src, name string) (*syntax.File, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
	if err != nil {
		return nil, err
	}
	if err := sanitize(f); err != nil {
		return nil, err
	}
	guardJumps(f)
	markTopSources(f)
	rewriteCases(f)
	return f, nil
}

// ParseNested parses src as Parse does, for text that interp's source and
// eval builtins would otherwise run (see nested.go): it leaves loops as
// interp runs them (no guardJumps), as the builtins do.
func ParseNested(src, name string) (*syntax.File, error) {
	f, err := parseNestedPlain(src, name)
	if err != nil {
		return nil, err
	}
	rewriteCases(f)
	return f, nil
}

// parseNestedPlain is ParseNested without the case rewrite.
func parseNestedPlain(src, name string) (*syntax.File, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
	if err != nil {
		return nil, err
	}
	if err := sanitize(f); err != nil {
		return nil, err
	}
	markTopSources(f)
	return f, nil
}

// sanitize rejects process substitution and [[ -O/-G ]] (interp would touch
// the host), and rewrites $$ and $PPID to the simulated process ids.
func sanitize(f *syntax.File) error {
	var bad error
	pipes := map[*syntax.BinaryCmd]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		if bad != nil {
			return false
		}
		switch n := n.(type) {
		case *syntax.Stmt:
			// Jobs run in order, not on goroutines, so output never depends
			// on scheduling; programs learn they are a background job from
			// a marker and act as one (a client stops, a sleep sleeps on).
			if n.Background {
				n.Background = false
				if call, ok := n.Cmd.(*syntax.CallExpr); ok && len(call.Args) > 0 {
					call.Assigns = append(call.Assigns, &syntax.Assign{
						Name:  &syntax.Lit{ValuePos: call.Pos(), ValueEnd: call.Pos(), Value: bgVar},
						Value: bgMark(n),
					})
				}
			}
		case *syntax.BinaryCmd:
			// Each member of a pipeline is a forked process in bash: count
			// them (a fork bomb meets the process limit) and enter all of
			// them in the process table before any runs, so ps | grep
			// always shows the grep, whatever the goroutines do.
			if (n.Op == syntax.Pipe || n.Op == syntax.PipeAll) && !pipes[n] {
				pipeline(n, pipes)
			}
		case *syntax.ProcSubst:
			bad = sealedError{n.Pos(), "process substitution is not available in rclab"}
		case *syntax.UnaryTest:
			if n.Op == syntax.TsUsrOwn || n.Op == syntax.TsGrpOwn {
				bad = sealedError{n.Pos(), "[[ -O ]] and [[ -G ]] are not available in rclab; use [ -O ] instead"}
			}
		case *syntax.Word:
			for i, part := range n.Parts {
				if pe, ok := part.(*syntax.ParamExp); ok && isRandom(pe) {
					n.Parts[i] = randomSubst(pe.Pos())
				}
			}
		case *syntax.BinaryArithm:
			randomArithm(n.X)
			randomArithm(n.Y)
		case *syntax.UnaryArithm:
			randomArithm(n.X)
		case *syntax.ParenArithm:
			randomArithm(n.X)
		case *syntax.ArithmExp:
			randomArithm(n.X)
		case *syntax.ArithmCmd:
			randomArithm(n.X)
		case *syntax.ParamExp:
			if n.Param != nil {
				switch n.Param.Value {
				case "$":
					n.Param = &syntax.Lit{ValuePos: n.Param.ValuePos, ValueEnd: n.Param.ValueEnd, Value: pidVar}
				case "PPID":
					n.Param = &syntax.Lit{ValuePos: n.Param.ValuePos, ValueEnd: n.Param.ValueEnd, Value: ppidVar}
				case "0":
					// interp says "gosh" for $0 outside a whole file.
					n.Param = &syntax.Lit{ValuePos: n.Param.ValuePos, ValueEnd: n.Param.ValueEnd, Value: argv0Var}
				}
			}
		}
		return true
	})
	return bad
}

// pipeIDs numbers the pipelines of every parsed script.
var pipeIDs atomic.Int64

// pipeSep separates the members' words in a fork call.
const pipeSep = internal + "sep"

// pipeline wraps every member of the pipeline rooted at top as
//
//	{ RCLAB_PIPE=ID.I; __rclab_fork ID I words…; member; __rclab_unfork $?; }
//
// where words are each member's argv (when expanding it twice is
// harmless), so the first member to start can enter all of them.
func pipeline(top *syntax.BinaryCmd, done map[*syntax.BinaryCmd]bool) {
	var slots []**syntax.Stmt
	var walk func(b *syntax.BinaryCmd)
	walk = func(b *syntax.BinaryCmd) {
		done[b] = true
		if x, ok := b.X.Cmd.(*syntax.BinaryCmd); ok && (x.Op == syntax.Pipe || x.Op == syntax.PipeAll) && !b.X.Negated && len(b.X.Redirs) == 0 {
			walk(x)
		} else {
			slots = append(slots, &b.X)
		}
		slots = append(slots, &b.Y)
	}
	walk(top)
	id := strconv.FormatInt(pipeIDs.Add(1), 10)
	pos := top.Pos()
	lit := func(v string) *syntax.Word {
		return &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: v}}}
	}
	var words []*syntax.Word
	for i, slot := range slots {
		if i > 0 {
			words = append(words, lit(pipeSep))
		}
		words = append(words, memberWords(*slot)...)
	}
	for i, slot := range slots {
		st := *slot
		idx := strconv.Itoa(i)
		status := &syntax.Word{Parts: []syntax.WordPart{&syntax.ParamExp{Dollar: pos, Short: true, Param: &syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: "?"}}}}
		mark := &syntax.Stmt{Position: pos, Cmd: &syntax.CallExpr{Assigns: []*syntax.Assign{{
			Name: &syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: pipeVar}, Value: lit(id + "." + idx)}}}}
		fork := &syntax.Stmt{Position: pos, Cmd: &syntax.CallExpr{Args: append([]*syntax.Word{lit(internal + "fork"), lit(id), lit(idx)}, words...)}}
		unfork := &syntax.Stmt{Position: pos, Cmd: &syntax.CallExpr{Args: []*syntax.Word{lit(internal + "unfork"), status, lit(id), lit(idx)}}}
		inner := &syntax.Stmt{Position: st.Pos(), Cmd: st.Cmd, Negated: st.Negated, Redirs: st.Redirs}
		*slot = &syntax.Stmt{Position: st.Pos(), Cmd: &syntax.Block{Lbrace: pos, Rbrace: pos, Stmts: []*syntax.Stmt{mark, fork, inner, unfork}}}
	}
}

// memberWords are the argv words of a pipeline member that a second
// expansion cannot change or run: literals, quotes and parameters.
func memberWords(st *syntax.Stmt) []*syntax.Word {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 || len(call.Assigns) > 0 {
		return nil
	}
	for _, w := range call.Args {
		if !plainWord(w) {
			return nil
		}
	}
	return call.Args
}

func plainWord(w *syntax.Word) bool {
	for _, part := range w.Parts {
		switch part := part.(type) {
		case *syntax.Lit, *syntax.SglQuoted:
		case *syntax.ParamExp:
			if part.Exp != nil || part.Repl != nil || part.Slice != nil || part.Index != nil {
				return false
			}
		case *syntax.DblQuoted:
			for _, q := range part.Parts {
				if _, ok := q.(*syntax.Lit); !ok {
					if pe, ok := q.(*syntax.ParamExp); !ok || pe.Exp != nil || pe.Repl != nil {
						return false
					}
				}
			}
		default:
			return false
		}
	}
	return true
}

// isRandom matches a plain $RANDOM or $SRANDOM, whose interp versions
// draw from the host's randomness.
func isRandom(pe *syntax.ParamExp) bool {
	return pe.Param != nil && (pe.Param.Value == "RANDOM" || pe.Param.Value == "SRANDOM") &&
		pe.Index == nil && pe.Exp == nil && pe.Repl == nil && pe.Slice == nil && !pe.Length && !pe.Excl
}

// randomSubst is $(__rclab_random): a number from the machine's seeded source.
func randomSubst(pos syntax.Pos) *syntax.CmdSubst {
	call := &syntax.CallExpr{Args: []*syntax.Word{{Parts: []syntax.WordPart{&syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: internal + "random"}}}}}
	return &syntax.CmdSubst{Left: pos, Right: pos, Stmts: []*syntax.Stmt{{Position: pos, Cmd: call}}}
}

// randomArithm rewrites a bare RANDOM inside arithmetic.
func randomArithm(x syntax.ArithmExpr) {
	w, ok := x.(*syntax.Word)
	if !ok || len(w.Parts) != 1 {
		return
	}
	if lit, ok := w.Parts[0].(*syntax.Lit); ok && (lit.Value == "RANDOM" || lit.Value == "SRANDOM") {
		w.Parts[0] = randomSubst(lit.Pos())
	}
}

// The variables $$ and $PPID are rewritten to; they are hidden from env.
// bgVar marks a simple command run as a background job (cmd &).
// pipeVar names the pipeline member a subshell runs ("ID.I").
const (
	bgVar   = "RCLAB_BG"
	pipeVar = "RCLAB_PIPE"

	pidVar  = "RCLAB_PID"
	ppidVar = "RCLAB_PPID"
	// argv0Var is what $0 is rewritten to: the shell's name.
	argv0Var = "RCLAB_ARGV0"
)

// sealedError is a construct rclab refuses to run because the interpreter
// would reach the host for it.
type sealedError struct {
	pos syntax.Pos
	msg string
}

func (e sealedError) Error() string { return e.msg }

// syntaxError words a parse error as bash 3.2 does.
func (s *Shell) syntaxError(src string, err error) string {
	var se sealedError
	if errors.As(err, &se) {
		return s.prefix(se.pos) + se.msg + "\n"
	}
	return SyntaxMessage(s.prefix(syntax.Pos{}), src, err)
}

// SyntaxMessage renders a parse error of src the way bash does:
// "PREFIXsyntax error near unexpected token `fi'". prefix is "-bash: " on a
// console.
func SyntaxMessage(prefix, src string, err error) string {
	var se sealedError
	if errors.As(err, &se) {
		return prefix + se.msg + "\n"
	}
	var pe syntax.ParseError
	if !errors.As(err, &pe) {
		return prefix + err.Error() + "\n"
	}
	if pe.Incomplete {
		return prefix + "syntax error: unexpected end of file\n"
	}
	tok := tokenAt(src, pe.Pos)
	if tok == "" {
		return prefix + "syntax error: unexpected end of file\n"
	}
	return fmt.Sprintf("%ssyntax error near unexpected token `%s'\n", prefix, tok)
}

// tokenAt returns the shell token starting at pos in src.
func tokenAt(src string, pos syntax.Pos) string {
	off := int(pos.Offset())
	if off < 0 || off >= len(src) {
		return ""
	}
	rest := src[off:]
	for _, op := range []string{";;", "&&", "||", ">>", "<<", "(", ")", ";", "&", "|", "<", ">", "{", "}"} {
		if strings.HasPrefix(rest, op) {
			return op
		}
	}
	end := strings.IndexAny(rest, " \t\n;&|()<>")
	if end < 0 {
		end = len(rest)
	}
	if end == 0 {
		return rest[:1]
	}
	return rest[:end]
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

// expandEnv reads a variable of the handler's environment.
func envGet(env expand.Environ, name string) string { return env.Get(name).String() }

// Clone returns a copy of the shell for a cloned machine: o gives the new
// machine's kernel, programs and streams; variables (exported or not),
// functions, aliases, working directory, umask and history are copied.
func (s *Shell) Clone(o Options) (*Shell, error) {
	var exported []string
	vars := map[string]string{}
	for name, vr := range s.r.Vars {
		if !vr.IsSet() || vr.Kind != expand.String || strings.HasPrefix(name, "HOME ") || strings.HasPrefix(name, "RCLAB_") {
			continue
		}
		switch name {
		case "UID", "EUID", "GID", "TMPDIR", pidVar, ppidVar, "PWD", "OLDPWD", "IFS", "OPTIND":
			if name != "PWD" && name != "OLDPWD" {
				continue
			}
		}
		if vr.Exported {
			exported = append(exported, name+"="+vr.Str)
		} else {
			vars[name] = vr.Str
		}
	}
	o.Environ, o.Vars = exported, vars
	o.Dir = s.r.Dir
	o.Umask = s.Umask()
	o.Interactive, o.Name, o.Params = s.opts.Interactive, s.opts.Name, s.opts.Params
	o.StdinTty, o.PID, o.PPID, o.TTY = s.opts.StdinTty, s.opts.PID, s.opts.PPID, s.opts.TTY
	c, err := New(o)
	if err != nil {
		return nil, err
	}
	c.r.Funcs = maps.Clone(s.r.Funcs)
	c.history = append([]string(nil), s.History()...)
	var src strings.Builder
	for _, name := range s.aliasNames() {
		v, _ := s.alias(name)
		q, err := syntax.Quote(name+"="+v, syntax.LangBash)
		if err != nil {
			continue
		}
		src.WriteString("alias " + q + "\n")
	}
	src.WriteString(":\n") // settles the variables Var reads
	{
		f, err := Parse(src.String(), s.opts.Name)
		if err == nil {
			c.RunStmts(context.Background(), f.Stmts)
		}
	}
	return c, nil
}

// markTopSources turns the file's top-level `. FILE` and `source FILE`
// into __rclab_source FILE, which runs FILE from the parse cache: every
// init script sources functions, and interp's source parses it anew each
// time. Only top-level statements qualify: they run on the script's own
// runner, where the shell can run the cached file.
func markTopSources(f *syntax.File) {
	for _, st := range f.Stmts {
		call, ok := st.Cmd.(*syntax.CallExpr)
		if !ok || len(call.Args) != 2 || len(call.Assigns) > 0 || len(st.Redirs) > 0 || st.Background || st.Negated {
			continue
		}
		if len(call.Args[0].Parts) != 1 {
			continue
		}
		if l, ok := call.Args[0].Parts[0].(*syntax.Lit); ok && (l.Value == "." || l.Value == "source") {
			l.Value = internal + "source"
		}
	}
}

// stdinFor returns what the interpreter is given for in. interp only
// reads an *os.File: for any other reader it makes an OS pipe and a
// goroutine copying into it, which costs more than the rest of starting a
// shell. Most shells (every init script) have nothing to read, so an
// empty in is served by one pipe whose writer is closed: it reads as end
// of file for every shell at once and is never closed itself.
func stdinFor(in io.Reader) io.Reader {
	var empty bool
	switch r := in.(type) {
	case *strings.Reader:
		empty = r.Len() == 0
	case *bytes.Reader:
		empty = r.Len() == 0
	}
	if !empty {
		return in
	}
	if f := endOfInput(); f != nil {
		return f
	}
	return in
}

// endOfInput is the shared always-at-end-of-file reader (nil if the host
// refused a pipe).
var endOfInput = sync.OnceValue(func() *os.File {
	r, w, err := os.Pipe()
	if err != nil {
		return nil
	}
	w.Close()
	return r
})
