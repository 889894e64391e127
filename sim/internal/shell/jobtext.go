package shell

import (
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// This file is how bash's job table names a background job: not the argv
// the program got, but the command as typed, normalized by bash's command
// printer (print_cmd.c): words as written, quotes and $ included, one
// space apart, then the redirections in bash's spelling. So `sleep 10 &`
// is "sleep 10", `echo "a b" >f &` is `echo "a b" > f`, and `sleep $T &`
// is "sleep $T".
//
// The Exec hook gives a background command's text to the job table
// (kernel.AddJob).

// jobText is the text bash's job table shows for the background
// statement st.
func jobText(st *syntax.Stmt) string {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok {
		c := *st
		c.Background, c.Semicolon, c.Comments = false, syntax.Pos{}, nil
		p := printed(&c)
		if _, sub := st.Cmd.(*syntax.Subshell); sub && len(st.Redirs) == 0 && len(p) >= 2 && p[0] == '(' && p[len(p)-1] == ')' {
			// bash's printer pads a subshell's parentheses.
			p = "( " + strings.TrimSpace(p[1:len(p)-1]) + " )"
		}
		return p
	}
	var parts []string
	for _, a := range call.Assigns {
		parts = append(parts, printed(a))
	}
	for _, w := range call.Args {
		parts = append(parts, printed(w))
	}
	for _, r := range st.Redirs {
		parts = append(parts, redirText(r))
	}
	return strings.Join(parts, " ")
}

// printed is node as mvdan.cc/sh's printer writes it on one line.
func printed(node syntax.Node) string {
	var b strings.Builder
	if err := syntax.NewPrinter(syntax.SingleLine(true)).Print(&b, node); err != nil {
		return ""
	}
	return strings.TrimSpace(b.String())
}

// redirText is a redirection as bash's printer spells it: the file
// redirections with a space before the word and their descriptor only
// when it is not the operator's own (2> f, > f, < f), the duplications
// always with both descriptors (1>&2, 2>&1, 0<&3, 2>&-).
func redirText(r *syntax.Redirect) string {
	fd, word := "", ""
	if r.N != nil {
		fd = r.N.Value
	}
	if r.Word != nil {
		word = printed(r.Word)
	}
	def := func(n string) string {
		if fd == "" || fd == n {
			return ""
		}
		return fd
	}
	or := func(n string) string {
		if fd == "" {
			return n
		}
		return fd
	}
	switch r.Op {
	case syntax.RdrOut, syntax.AppOut, syntax.RdrClob:
		return def("1") + r.Op.String() + " " + word
	case syntax.RdrIn, syntax.RdrInOut, syntax.WordHdoc:
		return def("0") + r.Op.String() + " " + word
	case syntax.DplOut, syntax.DplIn:
		src := or("1")
		if r.Op == syntax.DplIn {
			src = or("0")
		}
		if _, err := strconv.Atoi(word); err == nil || word == "-" {
			return src + r.Op.String() + word
		}
		if r.Op == syntax.DplOut && fd == "" {
			return "&> " + word // >&file is &>file
		}
		return src + r.Op.String() + word
	case syntax.Hdoc, syntax.DashHdoc:
		return def("0") + r.Op.String() + word
	case syntax.RdrAll, syntax.AppAll:
		return r.Op.String() + " " + word
	}
	return fd + r.Op.String() + word
}
