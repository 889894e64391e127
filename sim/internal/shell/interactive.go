package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/proc"
)

// A bash started at a prompt with no script — `bash`, `sh`, `su`, `su -` —
// reads its commands from the console's keyboard, as the console's own
// shell does: it prints its prompt (PS1, PS2 for a construct left open),
// reads a line, runs it, and so on until exit, logout or the end of input
// (Ctrl-D), whose status it returns to the shell that started it. A
// login shell (-bash, bash -l, su -) reads /etc/profile and
// ~/.bash_profile first and ~/.bash_logout at its end; any other bash
// reads ~/.bashrc, and sh neither.
//
// The whole nested session is one command line of the console: the
// machine sees a line that keeps stopping to read the keyboard. Each line
// typed in it gets the step budget of a fresh line. Ctrl-C reaches the
// innermost shell as bash sees SIGINT: at its prompt it drops what was
// typed and prompts again; a command it runs (registered with the
// keyboard's Foreground) is stopped with status 130 and the shell stays.

// noLoginVar marks, among a shell's Options.Vars, an interactive shell
// that is not a login shell: logout refuses there.
const noLoginVar = "RCLAB_NOLOGIN"

// runningKey carries, in a program's context, the runner that started it
// and its terminal, so an interactive shell it becomes runs its programs
// the same way (seen by the machine's observer) and knows the terminal.
type runningKey struct{}

type running struct {
	procs *Procs
	term  io.Writer
}

// runningOf is the runner and terminal of program p; a fresh runner and
// no terminal when it was not started by one.
func runningOf(p *cmds.Proc) running {
	if p.Ctx != nil {
		if r, ok := p.Ctx.Value(runningKey{}).(running); ok && r.procs != nil {
			return r
		}
	}
	return running{procs: procsFor(p)}
}

// runInteractive is bash reading command lines from the keyboard kb.
func runInteractive(p *cmds.Proc, inv invocation, kb io.Reader) int {
	name := p.Args[0]
	login := inv.login || strings.HasPrefix(name, "-")
	uid, gid := p.Cred()
	vars := credVars(uid, gid)
	if !login {
		if vars == nil {
			vars = map[string]string{}
		}
		vars[noLoginVar] = "1"
	}
	run := runningOf(p)
	sh, err := New(Options{
		Kernel:      p.Sys,
		Environ:     shellLevel(p.Environ),
		Dir:         p.Dir,
		Stdout:      p.Stdout,
		Stderr:      p.Stderr,
		Terminal:    run.term,
		Interactive: true,
		Name:        name,
		Flags:       inv.flags,
		Umask:       p.Umask,
		StdinTty:    p.StdinTty,
		Keyboard:    kb,
		Vars:        vars,
		PID:         p.PID,
		PPID:        p.PPID,
		TTY:         p.TTY,
		Procs:       run.procs,
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: rclab internal error: %v\n", name, err)
		return 1
	}
	if p.PID != 0 && p.Sys.Procs != nil {
		p.Sys.Procs.Update(p.PID, func(x *proc.Process) { x.State = 'S' }) // it waits for the keyboard or its commands
	}
	it := &nestedShell{sh: sh, kb: kb, stderr: p.Stderr, login: login, posix: path.Base(strings.TrimPrefix(name, "-")) == "sh"}
	ctx := p.Ctx
	it.run(ctx, ":") // settles $PS1 and friends
	for _, f := range it.startupFiles(inv) {
		it.source(ctx, f)
	}
	return it.loop(ctx)
}

// nestedShell is one interactive bash at work.
type nestedShell struct {
	sh     *Shell
	kb     io.Reader
	stderr io.Writer
	login  bool
	posix  bool // bash as sh: no ~/.bashrc, ~/.profile only
	status int  // $?
}

// startupFiles are the files the shell reads before its first prompt.
func (it *nestedShell) startupFiles(inv invocation) []string {
	home := it.sh.Var("HOME")
	var files []string
	switch {
	case it.login:
		if inv.noProfile {
			return nil
		}
		files = append(files, "/etc/profile")
		personal := []string{".bash_profile", ".bash_login", ".profile"}
		if it.posix {
			personal = []string{".profile"}
		}
		for _, f := range personal {
			if f := path.Join(home, f); it.exists(f) {
				files = append(files, f)
				break
			}
		}
	case it.posix || inv.noRC:
	case inv.rcFile != "":
		files = append(files, inv.rcFile)
	default:
		files = append(files, path.Join(home, ".bashrc"))
	}
	return files
}

func (it *nestedShell) exists(name string) bool {
	_, err := it.sh.opts.Kernel.FS.Stat(name)
	return err == nil
}

// source reads a startup file, if it exists.
func (it *nestedShell) source(ctx context.Context, name string) {
	if it.exists(absJoin(it.sh.Dir(), name)) {
		it.run(ctx, ". "+quoteWord(name))
	}
}

// run runs src (known to parse) in the shell.
func (it *nestedShell) run(ctx context.Context, src string) int {
	f, err := Parse(src, it.sh.Name())
	if err != nil {
		return 2
	}
	return it.sh.RunStmts(ctx, f.Stmts)
}

// loop reads and runs command lines until the shell ends, and returns
// its exit status.
func (it *nestedShell) loop(ctx context.Context) int {
	k := it.sh.opts.Kernel
	for {
		if ctx.Err() != nil {
			return 130
		}
		for _, n := range k.JobNotices(it.sh.opts.TTY) {
			io.WriteString(it.stderr, n+"\n")
		}
		src, eof := it.readCommand(ctx)
		if ctx.Err() != nil {
			return 130
		}
		if eof && src == "" {
			// Ctrl-D at the prompt is the exit command.
			return it.exit(ctx)
		}
		if src == "" {
			continue // Ctrl-C at the prompt: a new prompt
		}
		it.sh.AddHistory(strings.TrimRight(src, "\n"))
		budgetOf(ctx).renew()
		f, err := Parse(src, it.sh.Name())
		switch {
		case err != nil:
			io.WriteString(it.stderr, SyntaxMessage(it.sh.prefix(syntax.Pos{}), src, err))
			it.run(ctx, "(exit 2)")
			it.status = 2
		case len(f.Stmts) > 0:
			it.status = it.runForeground(ctx, f.Stmts)
		}
		if it.sh.Exited() {
			return it.exit(ctx)
		}
	}
}

// readCommand prints the prompt and reads lines until they make a whole
// command (PS2 between them); eof is set when the input ended first.
func (it *nestedShell) readCommand(ctx context.Context) (src string, eof bool) {
	ps := "PS1"
	if p, ok := it.kb.(interface{ ShellAtPrompt(*Shell, bool) }); ok {
		p.ShellAtPrompt(it.sh, true)
		defer p.ShellAtPrompt(it.sh, false)
	}
	for {
		io.WriteString(it.stderr, it.sh.ExpandPrompt(it.sh.Var(ps)))
		line, complete, err := readUntilErr(ctx, it.kb, '\n', 0)
		if errors.Is(err, ErrInterrupted) {
			return "", false // Ctrl-C drops what was typed
		}
		if !complete {
			return src + line, true
		}
		line = it.sh.ExpandHistory(line, it.stderr)
		src += line + "\n"
		if _, err := Parse(src, it.sh.Name()); err == nil || !Incomplete(err) {
			return src, false
		}
		ps = "PS2"
	}
}

// runForeground runs a command line as the foreground job of the
// console: Ctrl-C then stops it (and what it reads), not the shell.
func (it *nestedShell) runForeground(ctx context.Context, stmts []*syntax.Stmt) int {
	fg, ok := it.kb.(interface{ Foreground(func()) func() })
	if !ok {
		return it.sh.RunStmts(ctx, stmts)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := fg.Foreground(cancel)
	defer done()
	return it.sh.RunStmts(cctx, stmts)
}

// exit ends the shell as bash's exit builtin does at a terminal: "logout"
// or "exit" on standard error, ~/.bash_logout for a login shell, and the
// status of the last command (or exit's argument).
func (it *nestedShell) exit(ctx context.Context) int {
	word := "exit\n"
	if it.login {
		word = "logout\n"
	}
	io.WriteString(it.stderr, word)
	if it.login && !it.posix {
		it.sh.r.Resume()
		it.source(ctx, path.Join(it.sh.Var("HOME"), ".bash_logout"))
	}
	return it.status
}

// shellLevel is env with $SHLVL one more, as every bash sets it when it
// starts (1 when it was unset or not a number).
func shellLevel(env []string) []string {
	level, at := 0, -1
	for i, kv := range env {
		if v, ok := strings.CutPrefix(kv, "SHLVL="); ok {
			level, at = 0, i
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
				level = n
			}
		}
	}
	out := make([]string, 0, len(env)+1)
	for i, kv := range env {
		if i != at && !strings.HasPrefix(kv, "SHLVL=") {
			out = append(out, kv)
		}
	}
	return append(out, "SHLVL="+strconv.Itoa(level+1))
}

// renew gives the budget's line a fresh count of steps: each line typed
// in a nested interactive shell is a command line of its own.
func (b *Budget) renew() {
	if b == nil {
		return
	}
	b.steps.Store(0)
	b.over.Store(false)
	b.reported.Store(false)
}
