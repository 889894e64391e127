// Package awk is a small but real AWK interpreter: a lexer, a parser to a
// syntax tree and a tree-walking interpreter, behaving like GNU Awk 3.1.5
// on CentOS 5 for the everyday language (patterns and ranges, fields,
// associative arrays, user functions, printf, getline, redirections).
//
// The package never touches the host: program files, input files, output
// files, commands and regular expressions all come through the callbacks
// of [Config], so the caller decides what "a file" is. It imports nothing
// of rclab.
//
// # Messages
//
// Syntax errors are reported as gawk 3.1.5 reports them, the offending
// line and a caret under the offending token:
//
//	awk: cmd. line:1: {print $1
//	awk: cmd. line:1:          ^ unexpected newline or end of string
//
// and the run exits 1. Runtime errors are fatal, exit 2, and name the line
// of the statement running: "awk: cmd. line:1: fatal: division by zero
// attempted".
//
// # Deliberate differences
//
//   - for (k in a) visits the keys in sorted order (integer keys first,
//     numerically, then the others in byte order); gawk walks its hash
//     table. Sorted order makes every run print the same thing.
//   - rand() is gawk's BSD random(3) seeded with 1, so the first value is
//     0.237788 as on a real machine; srand() without an argument seeds
//     with 0 instead of the time of day.
//   - Numbers print as integers only when they fit in a 32-bit long, as
//     gawk 3.1.5 on i686 does: 2^31 prints as 2.14748e+09.
//   - Interval expressions (a{2}) are off unless Config.ReInterval is set,
//     as in gawk 3.1.5 without --re-interval: braces are literal.
//   - Output pipes (print | "cmd") collect their text and run the command
//     when the pipe is closed or the program ends; two-way pipes (|&) are
//     not supported.
//   - A run stops with StatusCanceled as soon as its context is done: the
//     interpreter checks it in every loop and for every record.
package awk
