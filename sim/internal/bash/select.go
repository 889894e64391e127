package bash

import (
	"fmt"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// selectLoop is select NAME in WORDS: the menu on standard error, PS3 as
// the prompt, a line read from standard input into REPLY.
func (r *Runner) selectLoop(name string, items []string, body []*syntax.Stmt) {
	if len(items) == 0 {
		r.status = 0
		return
	}
	last := 0
	for {
		if !r.step() {
			return
		}
		var b strings.Builder
		width := len(strconv.Itoa(len(items)))
		for i, it := range items {
			fmt.Fprintf(&b, "%*d) %s\n", width, i+1, it)
		}
		ps3 := "#? "
		if v := r.lookupVar("PS3"); v != nil && v.set {
			ps3 = v.str()
		}
		b.WriteString(ps3)
		r.stderr().Write([]byte(b.String()))
		line, complete := r.readLine(r.stdin(), '\n', -1, true)
		if !complete && line == "" {
			fmt.Fprintln(r.stderr())
			r.status = 1
			return
		}
		r.assignString("REPLY", line, r.pos)
		choice := ""
		if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && n >= 1 && n <= len(items) {
			choice = items[n-1]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		r.assignString(name, choice, r.pos)
		r.stmts(body)
		last = r.status
		if r.loopJump() {
			break
		}
	}
	if r.flow == flowNone {
		r.status = last
	}
}
