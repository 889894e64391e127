package bash

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// RunBroken runs script text src that does not parse (err is the parse
// error) as a non-interactive bash does: bash reads a script one command
// at a time, so the commands before the bad one run; then it reports the
// error with its line ("NAME: line 4: syntax error near unexpected token
// `fi'" and the offending line) and exits with status 2, running the
// EXIT trap. command says src is bash -c's string, whose lines bash
// counts from 0 and names "NAME: -c: line N: ". Under bash -n the
// commands are read but not run.
func (r *Runner) RunBroken(ctx context.Context, src string, command bool, err error) (int, error) {
	r.ctx = ctx
	r.done = ctx.Done()
	if r.exited {
		return r.status, nil
	}
	if stmts := StmtsBefore(src, err); len(stmts) > 0 {
		r.rd = reader{list: stmts, text: src}
		st, rerr := r.RunLine(ctx, stmts)
		if rerr != nil || r.exited {
			return st, rerr
		}
	}
	name := r.cfg.Name
	if command {
		name += ": -c"
	}
	fmt.Fprint(r.stderr(), ScriptSyntaxMessage(name, src, command, err))
	r.status = 2
	r.runExitTrap()
	if r.flow == flowNone {
		r.flow = flowExit
	}
	return r.finishRun()
}

// StmtsBefore parses src up to its parse error err and returns the
// complete commands bash runs before it meets the error: bash reads a
// line (with the lines a compound command spans) at a time, so the
// commands that share a line with the bad one do not run.
func StmtsBefore(src string, err error) []*syntax.Stmt {
	var stmts []*syntax.Stmt
	p := syntax.NewParser(syntax.Variant(syntax.LangBash))
	failed := false
	// No break: mvdan's iterator yields its error once more after one.
	for s, perr := range p.StmtsSeq(strings.NewReader(src)) {
		if perr != nil {
			failed = true
		}
		if !failed && s != nil {
			stmts = append(stmts, s)
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	bad := nextCommandLine(src, int(stmts[len(stmts)-1].End().Offset()))
	if l := errLine(err); l > 0 && l < bad {
		bad = l
	}
	// Drop the last list of commands (a new list starts on a line after
	// the previous command's end) when it reaches the bad line.
	start := len(stmts) - 1
	for start > 0 && stmts[start].Pos().Line() <= stmts[start-1].End().Line() {
		start--
	}
	if int(stmts[len(stmts)-1].End().Line()) >= bad {
		stmts = stmts[:start]
	}
	return stmts
}

// nextCommandLine is the line of the first word after offset off of src,
// past separators, blanks and comments; a huge number at the end.
func nextCommandLine(src string, off int) int {
	if off > len(src) {
		off = len(src)
	}
	i := off
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '\r':
			i++
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			i += 2
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		default:
			return 1 + strings.Count(src[:i], "\n")
		}
	}
	return int(^uint(0) >> 1)
}

// errLine is the line of parse error err, 0 when unknown.
func errLine(err error) int {
	var pe syntax.ParseError
	if errors.As(err, &pe) && pe.Pos.IsValid() {
		return int(pe.Pos.Line())
	}
	var le syntax.LangError
	if errors.As(err, &le) && le.Pos.IsValid() {
		return int(le.Pos.Line())
	}
	return 0
}

// ScriptSyntaxMessage words parse error err of script text src as a
// non-interactive bash 3.2 does, each line starting "NAME: line N: ":
// "syntax error near unexpected token `X'" followed by the offending line
// in quotes, "unexpected EOF while looking for matching `\"'" for an
// unterminated quote, "syntax error: unexpected end of file". command
// numbers lines from 0, as bash -c does.
func ScriptSyntaxMessage(name, src string, command bool, err error) string {
	base := 1
	if command {
		base = 0
	}
	at := func(line int) string { return name + ": line " + strconv.Itoa(line+base-1) + ": " }
	// bash reads a newline after the last line, whether or not the text
	// ends with one, so end of file is met on the line after the last.
	eofLine := strings.Count(src, "\n") + 1
	if src != "" && !strings.HasSuffix(src, "\n") {
		eofLine++
	}
	var pe syntax.ParseError
	if !errors.As(err, &pe) {
		line := errLine(err)
		if line == 0 {
			line = eofLine
		}
		return at(line) + "syntax error: " + err.Error() + "\n"
	}
	line := int(pe.Pos.Line())
	if pe.Incomplete {
		if c := unmatched(pe.Text); c != "" {
			return at(line) + "unexpected EOF while looking for matching `" + c + "'\n" +
				at(eofLine) + "syntax error: unexpected end of file\n"
		}
		return at(eofLine) + "syntax error: unexpected end of file\n"
	}
	tok := badToken(src, pe)
	if tok == "" {
		return at(eofLine) + "syntax error: unexpected end of file\n"
	}
	return at(line) + "syntax error near unexpected token `" + tok + "'\n" +
		at(line) + "`" + lineText(src, int(pe.Pos.Offset())) + "'\n"
}

// unmatched is the closing character bash was looking for when mvdan's
// parser reports an unterminated quote or substitution ("" for others).
func unmatched(text string) string {
	switch {
	case strings.HasSuffix(text, "without closing quote `\"`"):
		return `"`
	case strings.HasSuffix(text, "without closing quote `'`"):
		return "'"
	case strings.HasSuffix(text, "without closing quote \"`\""):
		return "`"
	case strings.Contains(text, "without matching `$(` with `)`"),
		strings.Contains(text, "without matching `$((` with `))`"),
		strings.Contains(text, "without matching `(` with `)`"):
		return ")"
	case strings.Contains(text, "without matching `${` with `}`"):
		return "}"
	}
	return ""
}

// lineText is the line of src holding offset off, without its newline.
func lineText(src string, off int) string {
	if off > len(src) {
		off = len(src)
	}
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := strings.IndexByte(src[off:], '\n')
	if end < 0 {
		return src[start:]
	}
	return src[start : off+end]
}
