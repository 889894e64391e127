package bash

import (
	"context"
	"io"
	"io/fs"

	"mvdan.cc/sh/v3/syntax"
)

// Config is what a Runner is built from: its starting state and the hooks
// by which it reaches the machine. Every field may be left zero; what zero
// means is said per field. The members of a pipeline run concurrently, so
// the hooks may be called from several goroutines at once.
type Config struct {
	// Name is $0 ("-bash", "/etc/init.d/httpd"); "" means "bash".
	Name string
	// Params are the positional parameters $1….
	Params []string
	// Env is the exported environment, NAME=value.
	Env []string
	// Vars are shell variables that are not exported; ReadOnly names
	// variables (of Env or Vars) made read-only, such as UID and EUID.
	Vars     map[string]string
	ReadOnly []string
	// Dir is the working directory (absolute); "" means "/".
	Dir string
	// Stdin, Stdout and Stderr are file descriptors 0, 1 and 2. A nil
	// Stdin is no input (the terminal, for a console shell): programs get
	// nil and read gets end of file. Nil writers discard.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Interactive makes a shell reading a terminal: aliases expand, error
	// messages are prefixed "NAME: " without a line number, and an error
	// that would end a script ends only the command line.
	Interactive bool
	// Flags are options as bash takes them on its command line: "-x",
	// "-e", "+x", "-o", "errexit".
	Flags []string
	// PID and PPID are $$ and $PPID.
	PID, PPID int
	// Host is the caller's own value for the runner and its subshells
	// (Runner.Host), by which hooks shared by many runners find their
	// state from a Call or Fork.
	Host any

	// Exec runs every command that is not a function or builtin, and
	// returns its exit status. Nil: every such command is not found (127).
	Exec func(ctx context.Context, c *Call) int
	// Builtin is consulted after functions and before the evaluator's own
	// builtins; ok false hands the command on. Nil hands every command on.
	Builtin func(ctx context.Context, c *Call) (status int, ok bool)
	// BuiltinNames, when not nil, are the only command names Builtin is
	// consulted for (it saves building a Call for every other command);
	// HookNames makes it.
	BuiltinNames *CommandNames

	// Open opens a file for a redirection or for source: name is absolute,
	// flag as for os.OpenFile, perm 0666 (the hook applies the umask).
	// Errors should be *fs.PathError or errors wrapping a syscall.Errno;
	// their text after the name is the message. Nil: every open fails.
	Open func(ctx context.Context, name string, flag int, perm fs.FileMode) (io.ReadWriteCloser, error)
	// Stat describes a file (name absolute, or "" which must fail); follow
	// false describes a symbolic link itself. Nil: no file exists.
	Stat func(ctx context.Context, name string, follow bool) (fs.FileInfo, error)
	// Mode, when set, gives the mode Stat would report (name absolute,
	// or "" which must fail; follow as for Stat); ok is false where Stat
	// fails. The tests and look-ups that need only a file's type and
	// permission bits ask it, so they need not build a FileInfo. Nil:
	// Stat.
	Mode func(ctx context.Context, name string, follow bool) (mode fs.FileMode, ok bool)
	// ReadDir lists a directory for globbing (name absolute). Nil: empty.
	ReadDir func(ctx context.Context, name string) ([]fs.DirEntry, error)
	// Access checks that the running user may read (4), write (2) or
	// execute (1) a file (name absolute). Nil: Stat decides, by mode bits.
	Access func(ctx context.Context, name string, mode uint32) error
	// IsTerminal reports whether a stream (a file descriptor's reader or
	// writer) is the terminal, for test -t. Nil: none is.
	IsTerminal func(stream any) bool
	// Owner is the effective user and group, for test -O and -G.
	Owner func() (uid, gid int)
	// FileOwner reads the owner of a file from its FileInfo, for test -O
	// and -G. Nil: test asks FileInfo.Sys() for Uid()/Gid() methods.
	FileOwner func(fs.FileInfo) (uid, gid int, ok bool)

	// HomeDir gives a user's home directory for ~user. Nil: ~user stays.
	HomeDir func(user string) (string, bool)

	// Parse parses a sourced file or an eval text; name is the file name
	// ("" for eval). Nil parses with mvdan.cc/sh/v3/syntax as bash.
	Parse func(name, src string) (*syntax.File, error)
	// Source, when set, reads and parses a sourced file (abs is its
	// absolute name, name as written, for messages) in place of Open and
	// Parse, so the caller can serve it from a cache without reading it
	// into a new string. A parse error comes back as the parser's error
	// with the file's text in src; any other error is the open's.
	Source func(ctx context.Context, abs, name string) (f *syntax.File, src string, err error)
	// Step is called before every simple command and loop iteration; an
	// error stops the whole run (Run returns it). Nil: no budget.
	Step func(ctx context.Context) error
	// Fork is called before a subshell, pipeline member, command
	// substitution or background job starts, Unfork when it ended. An
	// error from Fork stops the run with bash's "fork: " message. Nil:
	// forks always succeed.
	Fork   func(ctx context.Context, f *Fork) error
	Unfork func(ctx context.Context, f *Fork)
	// Random gives $RANDOM (0-32767). Nil: a fixed sequence.
	Random func() int
	// Seconds gives $SECONDS, the seconds since the shell started. Nil: 0.
	Seconds func() int64
	// Prefix is how the shell prefixes its own error messages at pos.
	// Nil: "NAME: " when interactive, "NAME: line N: " otherwise.
	Prefix func(pos syntax.Pos) string
}

// Call is one command handed to the Exec or Builtin hook. It is the
// hook's only until it returns: the runner reuses it for a later command
// (Args may be kept: the slice is the command's own).
type Call struct {
	// Args is the expanded command line; Args[0] is the name.
	Args []string
	// Pos is where the command stands in its script.
	Pos syntax.Pos
	// Stdin, Stdout and Stderr are file descriptors 0-2 after the
	// command's redirections. Stdin is nil when it is the shell's own
	// nil input (the terminal).
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Dir is the working directory.
	Dir string
	// Background is set for a command run as a job (cmd &); Stmt is its
	// statement, for the job table's text. Jobs run to their end before
	// the shell goes on, in order.
	Background bool
	Stmt       *syntax.Stmt
	// Pipe is the pipeline the command runs in (nil outside one), Member
	// the index of its member.
	Pipe   *Pipeline
	Member int
	// Runner is the shell running the command, for its state.
	Runner *Runner
}

// Environ is the environment a program started by c receives: the
// exported variables, with the assignments written before the command,
// as NAME=value sorted by name.
func (c *Call) Environ() []string { return c.Runner.Environ() }

// Prefix is how the shell prefixes an error message about c: "-bash: "
// or "SCRIPT: line N: ".
func (c *Call) Prefix() string { return c.Runner.prefix(c.Pos) }

// Pipeline describes a running pipeline to the hooks.
type Pipeline struct {
	// ID numbers the pipelines a Runner tree starts.
	ID int64
	// Members holds, per member, its argv when its words expand without
	// side effects (literals, quotes, plain parameters), else nil: the
	// caller may enter every member in its process table before any runs.
	Members [][]string
}

// ForkKind says what a fork is for.
type ForkKind uint8

// The kinds of forks.
const (
	ForkSubshell   ForkKind = iota // ( list )
	ForkPipe                       // a member of a pipeline
	ForkSubst                      // $(list) or `list`
	ForkBackground                 // list &
)

// Fork describes a forked child to the Fork and Unfork hooks.
type Fork struct {
	Kind ForkKind
	// Pipe and Member name the pipeline member (Kind ForkPipe).
	Pipe   *Pipeline
	Member int
	// Status is the child's exit status, set before Unfork.
	Status int
	// Runner is the shell that forks (blocked while the hook runs).
	Runner *Runner
	// Stmt is a job (Kind ForkBackground) that is no single program: the
	// forked shell is its process, and the Fork hook may set PID to it
	// (the job's $!).
	Stmt *syntax.Stmt
	PID  int
}
