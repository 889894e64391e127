// Package bash is rclab's own evaluator of bash 3.2 (the shell of CentOS 5)
// over mvdan.cc/sh/v3/syntax trees.
//
// rclab used to run every shell of the simulated machine with
// mvdan.cc/sh/v3/interp, wrapped in a stack of workarounds for its cost
// (a context value and a handler context per command, the variable table
// copied after nested runs and per pipeline member, OS pipes) and for its
// habits (messages, tracing, break inside if, case compiled per match).
// This package evaluates the same syntax trees directly, the way bash 3.2
// does, so a simple command costs well under a microsecond of overhead and
// output and error messages match bash to the character.
//
// Nothing here reaches the host. Every outside reach goes through a hook
// of Config: running a program (Exec) or a machine-specific builtin
// (Builtin), opening, stating, listing and access-checking files, parsing
// sourced and eval'ed text (Parse, so the caller can cache), the runaway
// budget (Step), fork accounting (Fork, Unfork), $RANDOM and $SECONDS, and
// the prefix of error messages. Redirections to /dev/stdin, /dev/stdout,
// /dev/stderr and /dev/fd/N, here-documents, here-strings and pipes are
// served from memory.
//
// # Runners
//
// A Runner is one bash process: its variables (with bash's dynamic scoping:
// local frames per function call), functions, options, aliases, traps,
// positional parameters, working directory and file descriptors 0-9. It
// keeps its state between Run calls, so an interactive shell runs a typed
// line's statements one by one. Subshells (( ), pipeline members, command
// substitutions, background jobs) run on child runners that see a
// copy-on-write view of their parent, which is blocked meanwhile, so a fork
// costs O(1).
//
// # What bash 3.2 lacks
//
// Constructs bash 3.2 does not have fail as bash 3.2 fails: declare -A
// (invalid option), ${x^^} and ${x,,} (bad substitution), mapfile and
// readarray (command not found), case's ;& and ;;& (syntax error).
package bash
