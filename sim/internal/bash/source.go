package bash

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/syntax"
)

// parse parses a sourced file or eval text through the Parse hook.
func (r *Runner) parse(name, src string) (*syntax.File, error) {
	if r.cfg.Parse != nil {
		return r.cfg.Parse(name, src)
	}
	return Parse(src, name)
}

// syntaxError reports a parse error of src as bash does.
func (r *Runner) syntaxError(prefix, src string, err error) {
	fmt.Fprint(r.stderr(), SyntaxMessage(prefix, src, err))
}

// SyntaxMessage words a parse error of src as bash does, after prefix:
// "syntax error near unexpected token `fi'" or "syntax error: unexpected
// end of file".
func SyntaxMessage(prefix, src string, err error) string {
	var pe syntax.ParseError
	if !errors.As(err, &pe) {
		return prefix + err.Error() + "\n"
	}
	if pe.Incomplete {
		return prefix + "syntax error: unexpected end of file\n"
	}
	tok := badToken(src, pe)
	if tok == "" {
		return prefix + "syntax error: unexpected end of file\n"
	}
	return fmt.Sprintf("%ssyntax error near unexpected token `%s'\n", prefix, tok)
}

// badToken is the token bash names in its message for parse error pe:
// the one at the error's position, but the one after "name(" when a
// function definition lacks its ")".
func badToken(src string, pe syntax.ParseError) string {
	if strings.HasSuffix(pe.Text, "must be followed by `)`") {
		off := int(pe.Pos.Offset())
		if off >= 0 && off < len(src) {
			if i := strings.IndexByte(src[off:], '('); i >= 0 {
				off += i + 1
				for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
					off++
				}
				if off >= len(src) {
					return "newline"
				}
				return tokenAt(src, syntax.NewPos(uint(off), 0, 0))
			}
		}
	}
	return tokenAt(src, pe.Pos)
}

// tokenAt is the shell token starting at pos in src.
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
		if rest[0] == '\n' {
			return "newline" // bash names the token, never prints it
		}
		return rest[:1]
	}
	return rest[:end]
}

// evalBuiltin is eval: its words joined by spaces, parsed and run one
// level deeper for xtrace.
func (r *Runner) evalBuiltin(args []string) int {
	src := strings.Join(args[1:], " ")
	if strings.TrimSpace(src) == "" {
		return 0
	}
	f, err := r.parse("", src)
	if err != nil {
		r.syntaxError(r.prefix(r.pos)+"eval: ", src, err)
		return 2
	}
	return r.runNested(f.Stmts, false)
}

// runNested runs parsed statements in the shell, one xtrace level down:
// eval's and source's bodies.
func (r *Runner) runNested(stmts []*syntax.Stmt, sourced bool) int {
	r.level++
	if sourced {
		r.sourcing++
	}
	pos := r.pos
	r.status = 0
	r.stmtList(stmts, true)
	if sourced {
		r.sourcing--
		if r.flow == flowReturn {
			r.flow = flowNone
		}
	}
	r.level--
	r.pos = pos
	return r.status
}

// sourceBuiltin is . and source: the file is found on PATH when its name
// has no slash, read through the Open hook and parsed through Parse.
func (r *Runner) sourceBuiltin(args []string) int {
	if len(args) < 2 {
		r.builtinErr(args[0], "filename argument required")
		fmt.Fprintf(r.stderr(), "%s: usage: %s filename [arguments]\n", args[0], args[0])
		return 2
	}
	name := args[1]
	file := name
	if !strings.Contains(name, "/") && r.opts.shopt[shSourcePath] {
		for _, dir := range strings.Split(r.varString("PATH"), ":") {
			if dir == "" {
				dir = "."
			}
			p := r.abs(dir + "/" + name)
			if m, ok := r.statMode(p, true); ok && m.IsRegular() {
				file = p
				break
			}
		}
	}
	var f *syntax.File
	var src string
	var err error
	if r.cfg.Source != nil {
		abs := r.abs(file)
		if m, ok := r.statMode(abs, true); ok && m.IsDir() {
			err = syscall.EISDIR
		} else {
			f, src, err = r.cfg.Source(r.ctx, abs, name)
		}
		if err != nil && !isParseError(err) {
			r.errf("%s: %s", name, errText(err))
			return 1
		}
	} else {
		src, err = r.readFile(file)
		if err != nil {
			r.errf("%s: %s", name, errText(err))
			return 1
		}
		f, err = r.parse(name, src)
	}
	if err != nil {
		r.syntaxError(name+": line "+strconv.Itoa(int(lineOf(err)))+": ", src, err)
		return 1
	}
	params := r.params
	if len(args) > 2 {
		r.params = args[2:]
	}
	r.pushFrame(file)
	rd := r.rd // the file that sources this one, read on after it
	r.rd = reader{list: f.Stmts, text: src}
	st := r.runNested(f.Stmts, true)
	r.rd = rd
	r.returnTrap()
	r.popFrame()
	if len(args) > 2 {
		r.params = params
	}
	return st
}

// isParseError reports whether err is (or wraps) a syntax.ParseError.
func isParseError(err error) bool {
	var pe syntax.ParseError
	return errors.As(err, &pe)
}

func lineOf(err error) uint {
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		return pe.Pos.Line()
	}
	return 0
}

// readFile reads a whole file through the Open hook.
func (r *Runner) readFile(name string) (string, error) {
	if r.cfg.Open == nil {
		return "", syscall.ENOENT
	}
	abs := r.abs(name)
	if m, ok := r.statMode(abs, true); ok && m.IsDir() {
		return "", syscall.EISDIR
	}
	f, err := r.cfg.Open(r.ctx, abs, syscall.O_RDONLY, 0)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return string(b), err
}
