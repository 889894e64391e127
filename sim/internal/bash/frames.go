package bash

import (
	"io"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// This file keeps BASH_SOURCE and BASH_LINENO as bash 3.2 does: a frame
// per running script, function and sourced file, the newest first in
// the arrays. A script's own frame names it with line 0; a function's
// names the file it was defined in and the line it was called from; a
// sourced file's names the file and the line of the . command.

// srcFrame is one frame of BASH_SOURCE and BASH_LINENO.
type srcFrame struct {
	src  string
	line int
}

// curSource is ${BASH_SOURCE[0]}, "" when no script or file runs (a
// prompt's shell).
func (r *Runner) curSource() string {
	if n := len(r.frames); n > 0 {
		return r.frames[n-1].src
	}
	return ""
}

// pushFrame enters a frame for src, called from the current line.
func (r *Runner) pushFrame(src string) {
	f := srcFrame{src, int(r.pos.Line())}
	if r.stackShare {
		r.unshareStacks()
	}
	if len(r.frames) == cap(r.frames) {
		r.frames = slices.Grow(r.frames, max(len(r.frames), 8))
	}
	r.frames = append(r.frames, f)
}

// unshareStacks gives r its own copies of funcs_ and frames, with room
// to grow, once a subshell may be reading the shared arrays.
func (r *Runner) unshareStacks() {
	r.frames = append(make([]srcFrame, 0, len(r.frames)+4), r.frames...)
	r.funcs_ = append(make([]string, 0, len(r.funcs_)+4), r.funcs_...)
	r.stackShare = false
}

func (r *Runner) popFrame() { r.frames = r.frames[:len(r.frames)-1] }

// funcDef is a shell function: its body (shared with the parse cache,
// never changed) and the file it was defined in ("" at a prompt), its
// BASH_SOURCE while it runs.
type funcDef struct {
	body *syntax.Stmt
	src  string
}

// frameVar is BASH_SOURCE or BASH_LINENO; ok is false for other names.
func (r *Runner) frameVar(name string) (*variable, bool) {
	if name != "BASH_SOURCE" && name != "BASH_LINENO" {
		return nil, false
	}
	v := &variable{set: true, attr: attrArray}
	n := len(r.frames)
	for i := n - 1; i >= 0; i-- {
		f := r.frames[i]
		val := f.src
		if name == "BASH_LINENO" {
			val = itoa(f.line)
		}
		v.arr = append(v.arr, arrElem{n - 1 - i, val})
	}
	return v, true
}

// reader is the text of a script or sourced file whose statements run,
// for set -v, which prints each line as bash reads it: before the
// statement on it runs, comments and blank lines included.
type reader struct {
	list []*syntax.Stmt
	text string
	// done counts the statements of list whose lines were read: the
	// text up to offset(done). The offset is worked out only when set
	// -v prints (a statement's end takes walking its tree).
	done int
}

// SetText gives the text f was parsed from, so set -v (bash -v) can
// print its lines as they are read when f runs.
func (r *Runner) SetText(f *syntax.File, src string) {
	r.rd = reader{list: f.Stmts, text: src}
}

// offset is where the text of the first n statements ends: past the
// newline that ends the last one's last line (the whole text once n
// passes the end of list).
func (rd *reader) offset(n int) int {
	if n <= 0 {
		return 0
	}
	if n > len(rd.list) {
		return len(rd.text)
	}
	end := int(rd.list[n-1].End().Offset())
	if end > len(rd.text) {
		end = len(rd.text)
	}
	if nl := strings.IndexByte(rd.text[end:], '\n'); nl >= 0 {
		return end + nl + 1
	}
	return len(rd.text)
}

// readTo reads the lines of r.rd up to the end of list[i]'s last line,
// printing them under set -v; i == len(list) reads to the end.
func (r *Runner) readTo(list []*syntax.Stmt, i int) {
	rd := &r.rd
	if len(list) == 0 || len(rd.list) == 0 || &list[0] != &rd.list[0] {
		return
	}
	n := i + 1
	if i >= len(list) {
		n = len(list) + 1
	}
	if n <= rd.done {
		return
	}
	if r.opts.set[optVerbose] {
		// Statements end in order, so the offsets grow with n.
		if start, end := rd.offset(rd.done), rd.offset(n); end > start {
			io.WriteString(r.stderr(), rd.text[start:end])
		}
	}
	rd.done = n
}
