package shell

import "mvdan.cc/sh/v3/syntax"

// interp v3.14.1 honours break and continue only between the top-level
// statements of a loop body: in `for …; do if …; then continue; fi; echo x;
// done` it still runs the echo. Red Hat's scripts rely on the bash
// behaviour (halt's unmount loop), so guardJumps rewrites each nested list
// after a statement that may jump:
//
//	A (may continue); B; C   →   A; __rclab_jumped || { B; C; }
//
// and each loop body starts with __rclab_jumpclear. The shell sets its
// jump flag when break or continue runs.

// guardJumps applies the rewrite to every loop of f.
func guardJumps(f *syntax.File) {
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.ForClause:
			n.Do = guardBody(n.Do)
		case *syntax.WhileClause:
			n.Do = guardBody(n.Do)
		}
		return true
	})
}

// guardBody also makes every iteration of every loop count against the
// step budget (the jumpclear call is a step), so a loop of assignments or
// arithmetic is stopped by the budget, deterministically, and not by the
// host-time backstop.
func guardBody(body []*syntax.Stmt) []*syntax.Stmt {
	for _, st := range body {
		guardNested(st)
	}
	if len(body) == 0 {
		return body
	}
	pos := body[0].Pos()
	return append([]*syntax.Stmt{callStmt(pos, internal+"jumpclear")}, body...)
}

// guardNested rewrites the lists nested in st; it reports whether it
// changed any.
func guardNested(st *syntax.Stmt) bool {
	changed := false
	var list func(l []*syntax.Stmt) []*syntax.Stmt
	list = func(l []*syntax.Stmt) []*syntax.Stmt {
		for i, s := range l {
			if guardNested(s) {
				changed = true
			}
			if i < len(l)-1 && mayJump(s) {
				changed = true
				rest := list(l[i+1:])
				pos := l[i+1].Pos()
				guard := &syntax.Stmt{Position: pos, Cmd: &syntax.BinaryCmd{
					Op: syntax.OrStmt, OpPos: pos,
					X: callStmt(pos, internal+"jumped"),
					Y: &syntax.Stmt{Position: pos, Cmd: &syntax.Block{Lbrace: pos, Rbrace: pos, Stmts: rest}},
				}}
				return append(l[:i+1:i+1], guard)
			}
		}
		return l
	}
	switch c := st.Cmd.(type) {
	case *syntax.IfClause:
		for ic := c; ic != nil; ic = ic.Else {
			ic.Then = list(ic.Then)
		}
	case *syntax.CaseClause:
		for _, item := range c.Items {
			item.Stmts = list(item.Stmts)
		}
	case *syntax.Block:
		c.Stmts = list(c.Stmts)
	case *syntax.BinaryCmd:
		if c.Op == syntax.AndStmt || c.Op == syntax.OrStmt {
			if guardNested(c.X) {
				changed = true
			}
			if guardNested(c.Y) {
				changed = true
			}
		}
	}
	return changed
}

// mayJump reports whether st runs break or continue outside any loop,
// function or subshell of its own.
func mayJump(st *syntax.Stmt) bool {
	found := false
	syntax.Walk(st, func(n syntax.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *syntax.ForClause, *syntax.WhileClause, *syntax.FuncDecl, *syntax.Subshell, *syntax.CmdSubst:
			return false
		case *syntax.CallExpr:
			if len(n.Args) > 0 && len(n.Args[0].Parts) == 1 {
				if l, ok := n.Args[0].Parts[0].(*syntax.Lit); ok && (l.Value == "break" || l.Value == "continue") {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func callStmt(pos syntax.Pos, name string) *syntax.Stmt {
	return &syntax.Stmt{Position: pos, Cmd: &syntax.CallExpr{Args: []*syntax.Word{
		{Parts: []syntax.WordPart{&syntax.Lit{ValuePos: pos, ValueEnd: pos, Value: name}}},
	}}}
}
