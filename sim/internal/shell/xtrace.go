package shell

import (
	"context"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// bash -x and set -x print each simple command as bash 3.2 does, not as
// interp's tracer does (which quotes a builtin's arguments as one word
// and a program's not at all, always prints "+ ", and traces rclab's own
// helper calls). interp keeps the option itself (set -x, $-, set -o,
// subshells inherit it). The shell's standard error is a traceFilter: of
// the lines interp's tracer writes to it, it keeps the assignments,
// reworded, and drops the rest; the call handler prints the simple
// commands (traceCall), since it sees each one with its expanded words
// before rclab rewrites them.
//
// Each line starts with PS4, expanded, its first character repeated once
// per level: 1 at the top, one more inside each `. FILE`, eval and
// command substitution. bash 3.2 traces no `for` or `case` head.
//
// Known gaps. A line goes to the shell's standard error as it was before
// any redirection: `{ cmds; } 2>FILE` and `exec 2>FILE` do not send the
// lines of cmds to FILE. interp's tracer writes to the command's own
// standard error, so with `cmd 2>FILE` its line for cmd lands in FILE
// (a captured `$(cmd 2>&1)` is cleaned, see unwriteInterpTrace).
// A command substitution inside another counts one level, and an eval
// that cannot run nested (see nested.go) none. Declarations (export,
// local, declare), [[ ]], (( )), the assignments before a command and a
// bare `name=` have no line; `source FILE` at the top of a file shows as
// `. FILE`.

// traceFilter is the shell's standard error as interp sees it.
type traceFilter struct {
	w  io.Writer
	mu sync.Mutex
	// nest counts the `. FILE` and eval texts the shell's runner is
	// running nested (see call.go).
	nest int
	// ps4 is PS4 as the call handler last expanded it, for the
	// assignments interp traces; set says it was ever seen.
	ps4 string
	set bool
}

// hideHelperTraces wraps a shell's standard error in a traceFilter.
func hideHelperTraces(w io.Writer) io.Writer {
	if w == nil {
		return nil
	}
	return &traceFilter{w: w}
}

func (t *traceFilter) Write(p []byte) (int, error) {
	switch {
	case len(p) > 2 && p[0] == '+' && p[1] == ' ' && p[len(p)-1] == '\n' && fromInterpTracer():
		t.interpLine(string(p[2 : len(p)-1]))
		return len(p), nil
	case len(p) == 1 && p[0] == '\n' && fromInterpTracer():
		// interp traces `name=` (no value) as an empty line.
		return len(p), nil
	}
	return t.w.Write(p)
}

// interpTracer is the prefix of the functions of interp's tracer.
const interpTracer = "mvdan.cc/sh/v3/interp.(*tracer)."

// fromInterpTracer reports whether the Write calling it was called by
// interp's tracer.
func fromInterpTracer() bool {
	var pcs [4]uintptr
	n := runtime.Callers(3, pcs[:]) // skip Callers, this and Write
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, interpTracer) {
			return true
		}
		if !more {
			return false
		}
	}
}

// interpLine handles a line interp's tracer wrote (without its "+ " and
// newline): an assignment is reworded, let keeps its words, and the
// rest (simple commands, which traceCall prints, and for and case heads)
// is dropped.
func (t *traceFilter) interpLine(line string) {
	if rest, ok := strings.CutPrefix(line, "let "); ok {
		t.emit(t.prefix() + "let " + rest + "\n")
		return
	}
	name, value, ok := strings.Cut(line, "=")
	if !ok || !isName(name) || strings.HasPrefix(name, "RCLAB_") {
		return
	}
	if !strings.HasPrefix(value, "(") { // name=(list) stays as written
		value = traceValue(unquoteTrace(value))
	}
	t.emit(t.prefix() + name + "=" + value + "\n")
	if name == "PS4" { // traced with the PS4 it replaces
		t.mu.Lock()
		t.ps4, t.set = unquoteTrace(line[len("PS4="):]), true
		t.mu.Unlock()
	}
}

// prefix is PS4 at the filter's level, for the lines it writes itself.
func (t *traceFilter) prefix() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	ps4 := "+ "
	if t.set {
		ps4 = t.ps4
	}
	return levelPrefix(ps4, 1+t.nest)
}

// emit writes a trace line to the shell's standard error.
func (t *traceFilter) emit(line string) {
	io.WriteString(t.w, line)
}

// enter and leave count a nested run of a sourced file or an eval text.
func (t *traceFilter) enter() {
	t.mu.Lock()
	t.nest++
	t.mu.Unlock()
}

func (t *traceFilter) leave() {
	t.mu.Lock()
	t.nest--
	t.mu.Unlock()
}

// levelPrefix is PS4 for level: its first character repeated level
// times, then the rest; nothing when PS4 is empty.
func levelPrefix(ps4 string, level int) string {
	if ps4 == "" {
		return ""
	}
	first := ps4[:1]
	if r := []rune(ps4); len(r) > 0 && r[0] >= 0x80 {
		first = string(r[0])
	}
	return strings.Repeat(first, level) + ps4[len(first):]
}

// isName reports whether s is a shell variable name.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// unquoteTrace undoes interp's quoting of a traced value (a shell word);
// a word it cannot read stays as it is.
func unquoteTrace(word string) string {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(word), "")
	if err != nil || len(f.Stmts) != 1 {
		return word
	}
	call, ok := f.Stmts[0].Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) != 1 || len(call.Assigns) != 0 {
		return word
	}
	fields, err := expand.Fields(&expand.Config{}, call.Args[0])
	if err != nil || len(fields) != 1 {
		return word
	}
	return fields[0]
}

// traceCall prints the trace line of a simple command (args as expanded)
// when the runner calling runs with xtrace on. rclab's own helper calls
// have no line, except the top-level `. FILE` (see markTopSources).
func (s *Shell) traceCall(ctx context.Context, args []string) {
	hc := interp.HandlerCtx(ctx)
	if !xtraceOn(&hc) {
		return
	}
	if b, ok := hc.Stderr.(*strings.Builder); ok {
		unwriteInterpTrace(b, args)
	}
	if strings.HasPrefix(args[0], internal) {
		if args[0] != internal+"source" {
			return
		}
		args = append([]string{"."}, args[1:]...)
	}
	t := s.traceOut(&hc)
	if t == nil {
		return
	}
	ps4 := s.expandPS4(&hc)
	t.mu.Lock()
	t.ps4, t.set = ps4, true
	level := 1 + t.nest
	t.mu.Unlock()
	if _, ok := hc.Stdout.(*strings.Builder); ok && hc.Stdout != s.opts.Stdout {
		level++ // the output a command substitution captures
	}
	if runnerBool(&hc, inSourceField) {
		level++ // the source builtin (not run nested)
	}
	var b strings.Builder
	b.WriteString(levelPrefix(ps4, level))
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(traceWord(a))
	}
	b.WriteByte('\n')
	t.emit(b.String())
}

// expandPS4 is PS4 expanded as bash does before each trace line
// (parameters and arithmetic; LINENO is the command's line).
func (s *Shell) expandPS4(hc *interp.HandlerContext) string {
	v := hc.Env.Get("PS4")
	if !v.IsSet() {
		return ""
	}
	ps4 := v.String()
	if !strings.ContainsAny(ps4, "$`\\") {
		return ps4
	}
	w, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Document(strings.NewReader(ps4))
	if err != nil {
		return ps4
	}
	line := "0"
	if hc.Pos.IsValid() {
		line = strconv.FormatUint(uint64(hc.Pos.Line()), 10)
	}
	// expand takes LINENO from where it stands in PS4: it is renamed.
	syntax.Walk(w, func(n syntax.Node) bool {
		if pe, ok := n.(*syntax.ParamExp); ok && pe.Param != nil && pe.Param.Value == "LINENO" {
			pe.Param = &syntax.Lit{ValuePos: pe.Param.ValuePos, ValueEnd: pe.Param.ValueEnd, Value: linenoVar}
		}
		return true
	})
	out, err := expand.Document(&expand.Config{Env: lineEnv{hc.Env, line}}, w)
	if err != nil {
		return ps4
	}
	return out
}

// lineEnv adds LINENO (as linenoVar) to a handler's environment.
type lineEnv struct {
	expand.Environ
	line string
}

const linenoVar = "RCLAB_LINENO"

func (e lineEnv) Get(name string) expand.Variable {
	if name == linenoVar {
		return expand.Variable{Set: true, Kind: expand.String, Str: e.line}
	}
	return e.Environ.Get(name)
}

// traceOut is the traceFilter of the shell: the runner's standard error
// unless a redirection replaced it, else the one the shell started with.
func (s *Shell) traceOut(hc *interp.HandlerContext) *traceFilter {
	if t, ok := hc.Stderr.(*traceFilter); ok {
		return t
	}
	return s.filter()
}

// filter is the traceFilter the shell's runner was made with, nil when
// it has none (no standard error).
func (s *Shell) filter() *traceFilter {
	if s.r == nil || origStderrField < 0 {
		return nil
	}
	v := reflect.ValueOf(s.r).Elem().Field(origStderrField)
	if v.Kind() != reflect.Interface || v.IsNil() {
		return nil
	}
	v = v.Elem()
	if v.Type() != reflect.TypeFor[*traceFilter]() {
		return nil
	}
	return (*traceFilter)(v.UnsafePointer())
}

// Indexes of interp.Runner's fields read here (-1 when this version of
// interp has no such field, which turns the feature off): origStderr
// (the standard error it was made with), inSource (running the source
// builtin) and opts (set options).
var (
	origStderrField = runnerFieldIndex("origStderr", reflect.Interface)
	inSourceField   = runnerFieldIndex("inSource", reflect.Bool)
	optsField       = runnerFieldIndex("opts", reflect.Array)
)

func runnerFieldIndex(name string, kind reflect.Kind) int {
	f, ok := reflect.TypeFor[interp.Runner]().FieldByName(name)
	if !ok || f.Type.Kind() != kind || len(f.Index) != 1 {
		return -1
	}
	return f.Index[0]
}

// runnerBool reads a bool field of the runner that called a handler.
func runnerBool(hc *interp.HandlerContext, field int) bool {
	if runnerField < 0 || field < 0 {
		return false
	}
	r := reflect.ValueOf(hc).Elem().Field(runnerField)
	if r.IsNil() {
		return false
	}
	return r.Elem().Field(field).Bool()
}

// xtraceOn reports whether the runner that called a handler runs with
// xtrace on.
func xtraceOn(hc *interp.HandlerContext) bool {
	i := xtraceIndex()
	if runnerField < 0 || i < 0 {
		return false
	}
	r := reflect.ValueOf(hc).Elem().Field(runnerField)
	if r.IsNil() {
		return false
	}
	return r.Elem().Field(optsField).Index(i).Bool()
}

// xtraceIndex finds xtrace among a runner's options: the one option
// "-x" turns on.
var xtraceIndex = sync.OnceValue(func() int {
	if optsField < 0 {
		return -1
	}
	opts := func(params ...string) reflect.Value {
		r, err := interp.New(
			interp.Env(expand.ListEnviron("HOME=/", "TMPDIR="+hostless)),
			interp.StdIO(nil, io.Discard, io.Discard),
			func(r *interp.Runner) error { r.Dir = "/"; return nil },
			interp.Params(params...),
		)
		if err != nil {
			return reflect.Value{}
		}
		return reflect.ValueOf(r).Elem().Field(optsField)
	}
	off, on := opts(), opts("-x")
	if !off.IsValid() || !on.IsValid() || off.Type().Elem().Kind() != reflect.Bool {
		return -1
	}
	found := -1
	for i := range off.Len() {
		if off.Index(i).Bool() != on.Index(i).Bool() {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
})

// nested calls run, which runs a sourced file or an eval text nested in
// the shell's runner, with the trace lines one level deeper.
func (s *Shell) nested(run func()) {
	t := s.filter()
	if t == nil {
		run()
		return
	}
	t.enter()
	defer t.leave()
	run()
}

// unwriteInterpTrace takes back the line interp's tracer just wrote for
// args into b: the output `$(cmd 2>&1)` captures, where the line would
// become part of a variable's value. bash traces to its standard error
// before the command's redirections.
func unwriteInterpTrace(b *strings.Builder, args []string) {
	line, ok := interpTraceLine(args)
	if !ok {
		return
	}
	if out := b.String(); strings.HasSuffix(out, line) {
		b.Reset()
		b.WriteString(out[:len(out)-len(line)])
	}
}

// interpTraceLine is the line interp's tracer writes for a simple
// command (see its trace.go).
func interpTraceLine(args []string) (string, bool) {
	rest := strings.Join(args[1:], " ")
	switch {
	case strings.TrimSpace(rest) == "":
		return "+ " + args[0] + "\n", true
	case interp.IsBuiltin(args[0]):
		q, err := syntax.Quote(rest, syntax.LangBash)
		if err != nil {
			return "", false
		}
		return "+ " + args[0] + " " + q + "\n", true
	}
	return "+ " + args[0] + " " + rest + "\n", true
}
