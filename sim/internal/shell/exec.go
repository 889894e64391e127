package shell

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"syscall"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
	"rclab/vfs"
)

// ProgramMagic starts every simulated program file in /bin, /sbin, …: an ELF
// signature (so the file looks binary, as a real one does) followed by the
// program's name. Executing such a file runs the Go program of that name,
// so copying or renaming it behaves as on a real system.
const ProgramMagic = "\x7fELF\x01\x01\x01\x00rclab-program "

// ProgramFile is the content of the file that installs program name.
func ProgramFile(name string) []byte { return []byte(ProgramMagic + name + "\n") }

// Procs starts programs on a kernel: it resolves names on the vfs PATH,
// runs simulated programs and interprets scripts.
type Procs struct {
	k *kernel.Kernel
}

// NewProcs returns a program runner for k.
func NewProcs(k *kernel.Kernel) *Procs { return &Procs{k: k} }

// Exec is one program start.
type Exec struct {
	Argv    []string
	Dir     string
	Environ []string
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Tty     bool
	Term    io.Writer
	Umask   fs.FileMode
	// Prefix is how the parent shell prefixes "command not found".
	Prefix string
}

// execMiddleware is the shell's only exec handler: it never calls next,
// which would run host programs.
func (s *Shell) execMiddleware(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		var st int
		if args[0] == internal+"logout" {
			if !s.opts.Interactive {
				fmt.Fprintf(hc.Stderr, "%slogout: not login shell: use `exit'\n", s.prefix(hc.Pos))
				return interp.ExitStatus(1)
			}
			return hc.Builtin(ctx, append([]string{"exit"}, args[1:]...))
		}
		if strings.HasPrefix(args[0], internal) {
			st = s.builtin(ctx, hc, strings.TrimPrefix(args[0], internal), args[1:])
		} else {
			st = s.procs.Run(ctx, Exec{
				Argv:    args,
				Dir:     hc.Dir,
				Environ: exportedOf(hc.Env),
				Stdin:   hc.Stdin,
				Stdout:  hc.Stdout,
				Stderr:  hc.Stderr,
				Tty:     hc.Stdout == s.term,
				Term:    s.term,
				Umask:   s.Umask(),
				Prefix:  s.prefix(hc.Pos),
			})
		}
		if st != 0 {
			return interp.ExitStatus(uint8(st))
		}
		return nil
	}
}

// LookPath finds name as bash does: a name with a slash is taken as a path,
// others are searched in PATH. It returns the absolute path, or the
// message and status bash gives when it cannot run the name.
func (p *Procs) LookPath(name, dir, pathVar string) (string, string, int) {
	fsys := p.k.FS
	if strings.Contains(name, "/") {
		abs := absJoin(dir, name)
		fi, err := fsys.Stat(abs)
		switch {
		case err != nil:
			return "", cmds.Strerror(err), 127
		case fi.IsDir():
			return "", "is a directory", 126
		case fi.Mode().Perm()&0o111 == 0:
			return "", cmds.Strerror(syscall.EACCES), 126
		}
		return abs, "", 0
	}
	if name == "" {
		return "", "command not found", 127
	}
	for _, d := range strings.Split(pathVar, ":") {
		if d == "" {
			d = "."
		}
		abs := absJoin(dir, d+"/"+name)
		fi, err := fsys.Stat(abs)
		if err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0 {
			return abs, "", 0
		}
	}
	return "", "command not found", 127
}

// Run starts a program and waits for it; the result is its exit status.
func (p *Procs) Run(ctx context.Context, e Exec) (status int) {
	if e.Stdout == nil {
		e.Stdout = io.Discard
	}
	if e.Stderr == nil {
		e.Stderr = io.Discard
	}
	name := e.Argv[0]
	abs, msg, st := p.LookPath(name, e.Dir, getenv(e.Environ, "PATH"))
	if st != 0 {
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.Prefix, name, msg)
		return st
	}
	head, err := readHead(p.k, abs, 4096)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.Prefix, name, cmds.Strerror(err))
		return 126
	}
	if prog, ok := strings.CutPrefix(string(head), ProgramMagic); ok {
		prog, _, _ = strings.Cut(prog, "\n")
		c, ok := cmds.Lookup(prog)
		if !ok {
			fmt.Fprintf(e.Stderr, "%s%s: cannot execute binary file\n", e.Prefix, name)
			return 126
		}
		return p.runProgram(ctx, c, e)
	}
	if bytes.HasPrefix(head, []byte("\x7fELF")) {
		fmt.Fprintf(e.Stderr, "%s%s: cannot execute binary file\n", e.Prefix, name)
		return 126
	}
	if interp, arg, ok := shebang(head); ok && !isShell(interp) {
		argv := []string{interp}
		if arg != "" {
			argv = append(argv, arg)
		}
		e2 := e
		e2.Argv = append(append(argv, abs), e.Argv[1:]...)
		return p.Run(ctx, e2)
	}
	return p.RunScript(ctx, abs, e)
}

func (p *Procs) runProgram(ctx context.Context, c *cmds.Command, e Exec) (status int) {
	proc := &cmds.Proc{
		Ctx:     ctx,
		Args:    e.Argv,
		Dir:     e.Dir,
		Environ: e.Environ,
		Stdin:   e.Stdin,
		Stdout:  e.Stdout,
		Stderr:  e.Stderr,
		Sys:     p.k,
		Tty:     e.Tty,
		Umask:   e.Umask,
	}
	if proc.Stdin == nil {
		proc.Stdin = strings.NewReader("")
	}
	proc.Run = func(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
		child := e
		child.Argv = argv
		child.Dir = proc.Dir
		child.Environ = proc.Environ
		child.Prefix = ""
		if stdin != nil {
			child.Stdin = stdin
		} else {
			child.Stdin = proc.Stdin
		}
		if stdout != nil {
			child.Stdout = stdout
			child.Tty = stdout == e.Term
		}
		if stderr != nil {
			child.Stderr = stderr
		}
		if err := budgetOf(ctx).step(); err != nil {
			return 130
		}
		return p.Run(ctx, child)
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(e.Stderr, "%s: rclab internal error: %v\n", c.Name, r)
			status = 1
		}
	}()
	return c.Main(proc)
}

// RunScript interprets the file at abs as a bash script in a new shell
// process: only exported variables and no functions are inherited.
func (p *Procs) RunScript(ctx context.Context, abs string, e Exec) int {
	src, err := readAll(p.k, abs)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s%s: %s\n", e.Prefix, e.Argv[0], cmds.Strerror(err))
		return 126
	}
	f, err := parseCached(src, e.Argv[0])
	if err != nil {
		fmt.Fprint(e.Stderr, SyntaxMessage(e.Argv[0]+": ", src, err))
		return 2
	}
	sh, err := New(Options{
		Kernel:   p.k,
		Environ:  e.Environ,
		Dir:      e.Dir,
		Stdin:    e.Stdin,
		Stdout:   e.Stdout,
		Stderr:   e.Stderr,
		Terminal: e.Term,
		Name:     e.Argv[0],
		Params:   e.Argv[1:],
		Umask:    e.Umask,
		Procs:    p,
	})
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: rclab internal error: %v\n", e.Argv[0], err)
		return 1
	}
	return sh.RunFile(ctx, f)
}

// parseCache keeps parsed scripts by content: boot runs the same init
// scripts and functions again and again. Parsed files are never mutated
// after sanitize, so sharing them between runners is safe.
var parseCache struct {
	sync.Mutex
	m map[string]*syntax.File
}

const parseCacheMax = 512

func parseCached(src, name string) (*syntax.File, error) {
	key := name + "\x00" + src
	parseCache.Lock()
	f, ok := parseCache.m[key]
	parseCache.Unlock()
	if ok {
		return f, nil
	}
	f, err := Parse(src, name)
	if err != nil {
		return nil, err
	}
	parseCache.Lock()
	if parseCache.m == nil || len(parseCache.m) >= parseCacheMax {
		parseCache.m = map[string]*syntax.File{}
	}
	parseCache.m[key] = f
	parseCache.Unlock()
	return f, nil
}

func shebang(head []byte) (interp, arg string, ok bool) {
	if !bytes.HasPrefix(head, []byte("#!")) {
		return "", "", false
	}
	line, _, _ := bytes.Cut(head[2:], []byte("\n"))
	fields := strings.Fields(string(line))
	if len(fields) == 0 {
		return "", "", false
	}
	interp = fields[0]
	if len(fields) > 1 {
		arg = strings.Join(fields[1:], " ")
	}
	return interp, arg, true
}

func isShell(p string) bool {
	switch p {
	case "/bin/sh", "/bin/bash", "/usr/bin/env bash", "sh", "bash":
		return true
	}
	return false
}

func readHead(k *kernel.Kernel, name string, n int) ([]byte, error) {
	f, err := k.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return buf[:m], nil
}

func readAll(k *kernel.Kernel, name string) (string, error) {
	b, err := readFile(k, name)
	return string(b), err
}

func getenv(env []string, name string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], name+"="); ok {
			return v
		}
	}
	return ""
}

func ownerOf(fi fs.FileInfo) (uid, gid int) {
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		return st.Uid, st.Gid
	}
	return 0, 0
}
