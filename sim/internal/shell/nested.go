package shell

import (
	"context"
	"errors"
	"reflect"
	"strconv"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// interp's source and eval builtins parse their text anew every time:
// each init script sources functions, which sources lang.sh, which evals
// a line per locale variable. When the command runs in the shell's own
// runner (not in a subshell or a pipeline), the shell runs the parsed
// statements from a cache on that runner instead, which is what the
// builtins do with their freshly parsed ones. Anything unusual (arguments
// to source, a return outside a function, traps, a function body at a
// login shell's prompt, a text that does not parse) goes to the builtin,
// which behaves the same, only slower.

// nestable reports whether f can run nested in a running script: it has
// no `return` outside function bodies (the builtins let return end the
// sourced text) and sets no traps (a nested run of a file would run the
// EXIT trap).
func nestable(f *syntax.File) bool {
	ok := true
	var walk func(n syntax.Node, inFunc bool)
	walk = func(n syntax.Node, inFunc bool) {
		syntax.Walk(n, func(n syntax.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *syntax.FuncDecl:
				if !inFunc {
					walk(n.Body, true)
					return false
				}
			case *syntax.CallExpr:
				if len(n.Args) > 0 {
					switch n.Args[0].Lit() {
					case "trap":
						ok = false
					case "return":
						ok = ok && inFunc
					}
				}
			}
			return true
		})
	}
	walk(f, false)
	return ok
}

// nestedEnvOK says whether interp's HandlerContext.Env is laid out as
// inFunction expects; when it is not, a login shell never nests.
var nestedEnvOK = func() bool {
	t := reflect.TypeFor[interp.HandlerContext]()
	f, ok := t.FieldByName("Env")
	return ok && f.Type.Kind() == reflect.Interface
}()

// inFunction reports whether the handler was called inside a function
// body: HandlerContext.Env is an overlay over the runner's environment,
// which is a function's scope inside one. ok is false when it cannot
// tell.
func inFunction(hc *interp.HandlerContext) (in, ok bool) {
	if !nestedEnvOK || hc.Env == nil {
		return false, false
	}
	v := reflect.ValueOf(hc.Env)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false, false
	}
	parent := v.Elem().FieldByName("parent")
	if !parent.IsValid() || parent.Kind() != reflect.Interface || parent.IsNil() {
		return false, false
	}
	w := parent.Elem()
	if w.Type() != v.Type() {
		return false, false
	}
	fs := w.Elem().FieldByName("funcScope")
	if !fs.IsValid() || fs.Kind() != reflect.Bool {
		return false, false
	}
	return fs.Bool(), true
}

// canNest reports whether a command called with hc may run text nested
// in the shell's runner: the runner called it, no trap was ever set (a
// nested run of a file runs the EXIT trap), and, at a login shell's
// prompt, not in a function.
func (s *Shell) canNest(hc *interp.HandlerContext) bool {
	if s.trapped.Load() || runnerField < 0 || runnerOf(hc) != reflect.ValueOf(s.r).Pointer() {
		return false
	}
	if !s.opts.Interactive {
		return true
	}
	// A nested run copies the variables in scope into the runner's Vars,
	// which a login shell's prompt and clones read: not in a function,
	// whose locals would stay there.
	in, ok := inFunction(hc)
	return ok && !in
}

// runNested runs stmts on the shell's runner, in the middle of a command,
// and returns the command that hands their status on.
func (s *Shell) runNested(ctx context.Context, stmts []*syntax.Stmt) ([]string, error) {
	var node syntax.Node = &syntax.Block{Stmts: stmts}
	if s.file != "" {
		// A file keeps $0 the script's name; interp clears it for other
		// nodes.
		node = &syntax.File{Name: s.file, Stmts: stmts}
	}
	status, err := s.runStatus(ctx, node)
	if err != nil {
		return nil, err
	}
	if status == 0 && !s.r.Exited() {
		return trueArgs, nil
	}
	return s.handOn(status), nil
}

// runStatus runs node on the shell's runner and returns its exit status;
// err is an error other than a status.
func (s *Shell) runStatus(ctx context.Context, node syntax.Node) (status int, err error) {
	err = s.r.Run(ctx, node)
	var es interp.ExitStatus
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &es):
		return int(es), nil
	}
	return 0, err
}

// handOn is the command that hands on the status of a nested run:
// "exit N" when the run called exit, else the internal status command.
func (s *Shell) handOn(status int) []string {
	if s.r.Exited() {
		return []string{"exit", strconv.Itoa(status)}
	}
	return []string{internal + "status", strconv.Itoa(status)}
}

// sourceNested runs `source FILE` (FILE resolved already) nested.
func (s *Shell) sourceNested(ctx context.Context, hc *interp.HandlerContext, file string) ([]string, bool, error) {
	if !s.canNest(hc) {
		return nil, false, nil
	}
	p, _, err, perr := loadParsed(s.opts.Kernel, absJoin(hc.Dir, file), parseKey{file, asNested})
	if err != nil || perr != nil || !p.nestable {
		return nil, false, nil
	}
	out, err := s.runNested(ctx, p.f.Stmts)
	return out, true, err
}

// evalNested runs `eval ARGS` nested.
func (s *Shell) evalNested(ctx context.Context, hc *interp.HandlerContext, args []string) ([]string, bool, error) {
	if !s.canNest(hc) {
		return nil, false, nil
	}
	f := parseEval(args)
	if f == nil {
		return nil, false, nil
	}
	out, err := s.runNested(ctx, f.Stmts)
	return out, true, err
}
