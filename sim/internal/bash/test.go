package bash

import (
	"io/fs"
	"time"
)

// This file is bash 3.2's test builtin (test.c): `test EXPR`, `[ EXPR ]`,
// and the unary and binary operators that [[ ]] shares with it. The
// parsing follows test.c's posixtest/expr/or/and/term, argument count
// first, so its quirks and its error messages are bash's. Sources: the
// bash 5.1 test.c public on GitHub (jart/cosmopolitan
// third_party/bash/test.c) and a bash 2.0x test.c from the same index,
// for what 3.2 shares with one or the other. Where they differ, 3.2 is
// taken to be as follows; these points were not checked against a 3.2
// source and are the first suspects if a transcript disagrees:
//   - no -v or -R operators (bash 4.2 and 4.3 added them): `[ -v x ]` is
//     "-v: unary operator expected";
//   - a two-character word starting with '-' where term() expects an
//     operand is taken for a unary operator, and "unary operator expected"
//     when it is none (as in 2.0x; bash 5 takes it as a string);
//   - three arguments starting with "!" leave the position where
//     two_arguments() leaves it, so `[ ! ! x ]` has too many arguments
//     (as in 2.0x; bash 5 sets it to the end);
//   - four arguments "( X Y )" get no case of their own (bash 5's);
//   - an argument left over is always "too many arguments" (bash 5 says
//     "syntax error: `X' unexpected" when it starts with '-');
//   - -nt and -ot compare whole seconds (bash 5.1 nanoseconds), and a
//     file that exists is newer than one that does not (both);
//   - -N is true when the last access is not after the last change
//     (st_atime <= st_mtime, in seconds);
//   - < and > compare bytes (strcmp), whatever the locale (bash 4.1 made
//     [[ ]] use the locale).

// FileTester is what test needs of the machine: file information and
// access checks as the running user.
//
// Names are passed as written (never ""; test answers false for "" itself);
// the implementation resolves relative names against the working
// directory.
//
// -O and -G read the owner of a file from FileInfo.Sys() through methods
// Uid() int and Gid() int (a vfs.Stat wrapped by the caller), unless the
// FileTester itself has a method FileOwner(fs.FileInfo) (uid, gid int, ok
// bool), which is asked first. A file whose owner cannot be read belongs
// to uid 0 and gid 0. -ef compares Sys().Ino() uint64 (false when either
// side lacks it); -N reads Sys().Atime() time.Time (false without it).
// The tests of a file's type and mode bits (-e -f -d -h …) ask the
// optional method StatMode(name string, follow bool) (fs.FileMode, bool)
// when the FileTester has it, and Stat otherwise.
type FileTester interface {
	// Stat describes name; follow false describes a symbolic link itself.
	Stat(name string, follow bool) (fs.FileInfo, error)
	// Access checks that the running user may read (4), write (2) or
	// execute (1) name, as eaccess(3) does with the effective ids.
	Access(name string, mode uint32) error
	// IsTerminal reports whether file descriptor fd is a terminal.
	IsTerminal(fd int) bool
	// Owner is the shell's effective user and group.
	Owner() (euid, egid int)
	// OptionSet reports whether the shell option NAME (set -o NAME) is on;
	// unknown names are off.
	OptionSet(name string) bool
}

// modeStater is the optional FileTester method that gives the mode
// Stat would report (ok false where Stat fails), for the tests that
// need no more.
type modeStater interface {
	StatMode(name string, follow bool) (fs.FileMode, bool)
}

// fileOwnerer is the optional FileTester method that reads a file's owner.
type fileOwnerer interface {
	FileOwner(fs.FileInfo) (uid, gid int, ok bool)
}

// The optional methods of FileInfo.Sys() that test reads.
type (
	sysOwner interface {
		Uid() int
		Gid() int
	}
	sysInode interface{ Ino() uint64 }
	sysAtime interface{ Atime() time.Time }
)

// testFailure is a syntax error of test's expression, raised by panic
// inside the parser (test.c longjmps) and recovered by classicTest.
type testFailure struct{ msg string }

// classicTest is bash 3.2's test builtin; name is "test" or "[" and args
// are the words after it (for "[", the last must be "]"). status is 0
// (true), 1 (false) or 2 (error); msg is the error for status 2, worded
// as bash does after its prefix: "[: x: integer expression expected". The
// caller prints PREFIX+msg+"\n".
func classicTest(ft FileTester, name string, args []string) (status int, msg string) {
	t := testParser{ft: ft, argv: args}
	if name == "[" {
		if len(args) == 0 || args[len(args)-1] != "]" {
			return 2, "[: missing `]'"
		}
		t.argv = args[:len(args)-1]
		t.past, t.hasPast = "]", true
	}
	if len(t.argv) == 0 {
		return 1, ""
	}
	value, failure := t.run()
	if failure != "" {
		return 2, name + ": " + failure
	}
	if value {
		return 0, ""
	}
	return 1, ""
}

// testParser walks test's arguments as test.c does: argv are the
// operands (without "test" or "[" and "]"), pos the word at hand.
type testParser struct {
	ft   FileTester
	argv []string
	pos  int
	// past is argv[argc] as test.c sees it: "]" for "[" (argv still
	// holds it), nothing for test (hasPast false: a null pointer).
	past    string
	hasPast bool
}

// run evaluates the whole expression; failure is the error message
// (without the command name) when the expression is malformed.
func (t *testParser) run() (value bool, failure string) {
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(testFailure)
			if !ok {
				panic(r)
			}
			value, failure = false, f.msg
		}
	}()
	value = t.posixTest()
	if t.pos != len(t.argv) {
		t.fail("too many arguments")
	}
	return value, ""
}

func (t *testParser) fail(msg string) { panic(testFailure{msg}) }

// advance moves to the next word; with must, running out of words is
// "argument expected".
func (t *testParser) advance(must bool) {
	t.pos++
	if must && t.pos >= len(t.argv) {
		t.fail("argument expected")
	}
}

// posixTest decides by the number of arguments (POSIX's rules), then
// falls back to the full grammar.
func (t *testParser) posixTest() bool {
	argv := t.argv
	switch len(argv) {
	case 1:
		t.pos = 1
		return argv[0] != ""
	case 2:
		v := t.twoArguments()
		t.pos = 2
		return v
	case 3:
		return t.threeArguments()
	case 4:
		if argv[0] == "!" {
			t.advance(true)
			return !t.threeArguments()
		}
	}
	return t.expr()
}

func (t *testParser) twoArguments() bool {
	a := t.argv[t.pos]
	if a == "!" {
		return t.argv[t.pos+1] == ""
	}
	if len(a) == 2 && a[0] == '-' && testUnaryOp(a) {
		return t.unaryOperator()
	}
	t.fail(a + ": unary operator expected")
	return false
}

func (t *testParser) threeArguments() bool {
	argv, p := t.argv, t.pos
	switch {
	case testBinaryOp(argv[p+1]):
		v := t.binaryOperator()
		t.pos = len(argv)
		return v
	case argv[p+1] == "-a":
		t.pos = len(argv)
		return argv[p] != "" && argv[p+2] != ""
	case argv[p+1] == "-o":
		t.pos = len(argv)
		return argv[p] != "" || argv[p+2] != ""
	case argv[p] == "!":
		t.advance(true)
		return !t.twoArguments()
	case argv[p] != "" && argv[p][0] == '(' && argv[p+2] != "" && argv[p+2][0] == ')':
		// test.c looks at the first characters only.
		t.pos = len(argv)
		return argv[p+1] != ""
	}
	t.fail(argv[p+1] + ": binary operator expected")
	return false
}

// expr: or.
func (t *testParser) expr() bool {
	if t.pos >= len(t.argv) {
		t.fail("argument expected")
	}
	return t.or()
}

// or: and ['-o' or]. Both sides are evaluated, errors included.
func (t *testParser) or() bool {
	v := t.and()
	if t.pos < len(t.argv) && t.argv[t.pos] == "-o" {
		t.advance(false)
		v2 := t.or()
		return v || v2
	}
	return v
}

// and: term ['-a' and].
func (t *testParser) and() bool {
	v := t.term()
	if t.pos < len(t.argv) && t.argv[t.pos] == "-a" {
		t.advance(false)
		v2 := t.and()
		return v && v2
	}
	return v
}

// term: '!'… term | '(' expr ')' | operand binop operand | unop operand |
// string.
func (t *testParser) term() bool {
	argv := t.argv
	if t.pos >= len(argv) {
		t.fail("argument expected")
	}
	if argv[t.pos] == "!" {
		neg := false
		for t.pos < len(argv) && argv[t.pos] == "!" {
			t.advance(true)
			neg = !neg
		}
		return t.term() != neg
	}
	if argv[t.pos] == "(" {
		t.advance(true)
		v := t.expr()
		switch {
		case t.pos < len(argv) && argv[t.pos] == ")":
		case t.pos < len(argv):
			t.fail("`)' expected, found " + argv[t.pos])
		case t.hasPast:
			t.fail("`)' expected, found " + t.past)
		default:
			t.fail("`)' expected")
		}
		t.advance(false)
		return v
	}
	if t.pos+3 <= len(argv) && testBinaryOp(argv[t.pos+1]) {
		return t.binaryOperator()
	}
	// A lone "-" is a string here: bash 3.2 reads past its end.
	if a := argv[t.pos]; len(a) == 2 && a[0] == '-' {
		if testUnaryOp(a) {
			return t.unaryOperator()
		}
		t.fail(a + ": unary operator expected")
	}
	v := argv[t.pos] != ""
	t.advance(false)
	return v
}

func (t *testParser) binaryOperator() bool {
	argv, p := t.argv, t.pos
	v, failure := binaryTest(t.ft, argv[p+1], argv[p], argv[p+2])
	if failure != "" {
		t.fail(failure)
	}
	t.pos += 3
	return v
}

func (t *testParser) unaryOperator() bool {
	op := t.argv[t.pos]
	if op == "-t" {
		// The only operator whose operand is optional: an fd number.
		t.advance(false)
		if t.pos >= len(t.argv) {
			return unaryTest(t.ft, op, "1")
		}
		if _, ok := testInteger(t.argv[t.pos]); !ok {
			return false
		}
		t.advance(false)
		return unaryTest(t.ft, op, t.argv[t.pos-1])
	}
	t.advance(true)
	t.pos++
	return unaryTest(t.ft, op, t.argv[t.pos-1])
}

// testUnaryOp reports whether op is one of bash 3.2's unary operators.
func testUnaryOp(op string) bool {
	if len(op) != 2 || op[0] != '-' {
		return false
	}
	switch op[1] {
	case 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'k', 'n', 'o', 'p', 'r',
		's', 't', 'u', 'w', 'x', 'z', 'G', 'L', 'O', 'S', 'N':
		return true
	}
	return false
}

// testBinaryOp reports whether op is one of test's binary operators.
func testBinaryOp(op string) bool {
	switch op {
	case "=", "==", "!=", "<", ">", "-nt", "-ot", "-ef",
		"-eq", "-ne", "-lt", "-le", "-gt", "-ge":
		return true
	}
	return false
}

// unaryTest is bash's unary_test: op is "-f", "-n"… and x its operand.
// [[ ]] calls it for its unary operators. An unknown op is false.
func unaryTest(ft FileTester, op, x string) bool {
	if len(op) != 2 || op[0] != '-' {
		return false
	}
	switch op[1] {
	case 'n':
		return x != ""
	case 'z':
		return x == ""
	case 'o':
		return ft.OptionSet(x)
	case 't':
		n, ok := testInteger(x)
		return ok && n == int64(int32(n)) && ft.IsTerminal(int(n))
	case 'r':
		return x != "" && ft.Access(x, 4) == nil
	case 'w':
		return x != "" && ft.Access(x, 2) == nil
	case 'x':
		return x != "" && ft.Access(x, 1) == nil
	case 'h', 'L':
		m, ok := testMode(ft, x, false)
		return ok && m&fs.ModeSymlink != 0
	case 'a', 'e', 'f', 'd', 'S', 'c', 'b', 'p', 'u', 'g', 'k':
		m, ok := testMode(ft, x, true)
		if !ok {
			return false
		}
		switch op[1] {
		case 'f':
			return m.IsRegular()
		case 'd':
			return m.IsDir()
		case 'S':
			return m&fs.ModeSocket != 0
		case 'c':
			return m&fs.ModeCharDevice != 0
		case 'b':
			return m&fs.ModeDevice != 0 && m&fs.ModeCharDevice == 0
		case 'p':
			return m&fs.ModeNamedPipe != 0
		case 'u':
			return m&fs.ModeSetuid != 0
		case 'g':
			return m&fs.ModeSetgid != 0
		case 'k':
			return m&fs.ModeSticky != 0
		}
		return true // -a, -e
	}
	fi := testStat(ft, x, true)
	if fi == nil {
		return false
	}
	switch op[1] {
	case 's':
		return fi.Size() > 0
	case 'O':
		euid, _ := ft.Owner()
		uid, _ := testFileOwner(ft, fi)
		return uid == euid
	case 'G':
		_, egid := ft.Owner()
		_, gid := testFileOwner(ft, fi)
		return gid == egid
	case 'N':
		a, ok := fi.Sys().(sysAtime)
		return ok && a.Atime().Unix() <= fi.ModTime().Unix()
	}
	return false
}

// binaryTest is bash's binary_test for test and [[ ]]: = == != compare
// strings exactly (the pattern matching of [[ ]] is the caller's), < and
// > compare bytes, -eq… compare integers (for [[ ]] the caller evaluates
// both operands arithmetically first and passes them in decimal), -nt,
// -ot and -ef compare files. failure is set for an operand that is no
// integer ("x: integer expression expected") or an unknown operator
// ("op: binary operator expected"), without the command name.
func binaryTest(ft FileTester, op, x, y string) (bool, string) {
	switch op {
	case "=", "==":
		return x == y, ""
	case "!=":
		return x != y, ""
	case "<":
		return x < y, ""
	case ">":
		return x > y, ""
	case "-nt", "-ot", "-ef":
		return testFileCompare(ft, op, x, y), ""
	case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
		l, ok := testInteger(x)
		if !ok {
			return false, x + ": integer expression expected"
		}
		r, ok := testInteger(y)
		if !ok {
			return false, y + ": integer expression expected"
		}
		switch op {
		case "-eq":
			return l == r, ""
		case "-ne":
			return l != r, ""
		case "-lt":
			return l < r, ""
		case "-le":
			return l <= r, ""
		case "-gt":
			return l > r, ""
		}
		return l >= r, ""
	}
	return false, op + ": binary operator expected"
}

// testFileCompare is test.c's filecomp: -ef needs both files; -nt is true
// when only the first exists, -ot when only the second does.
func testFileCompare(ft FileTester, op, x, y string) bool {
	a, b := testStat(ft, x, true), testStat(ft, y, true)
	switch op {
	case "-ef":
		if a == nil || b == nil {
			return false
		}
		ia, ok1 := a.Sys().(sysInode)
		ib, ok2 := b.Sys().(sysInode)
		return ok1 && ok2 && ia.Ino() == ib.Ino()
	case "-nt":
		return a != nil && (b == nil || a.ModTime().Unix() > b.ModTime().Unix())
	case "-ot":
		return b != nil && (a == nil || a.ModTime().Unix() < b.ModTime().Unix())
	}
	return false
}

// testStat is bash's sh_stat: "" never exists.
func testStat(ft FileTester, name string, follow bool) fs.FileInfo {
	if name == "" {
		return nil
	}
	fi, err := ft.Stat(name, follow)
	if err != nil {
		return nil
	}
	return fi
}

// testMode is the mode of name, through the FileTester's optional
// StatMode method when it has one: "" never exists.
func testMode(ft FileTester, name string, follow bool) (fs.FileMode, bool) {
	if name == "" {
		return 0, false
	}
	if ms, ok := ft.(modeStater); ok {
		return ms.StatMode(name, follow)
	}
	fi, err := ft.Stat(name, follow)
	if err != nil {
		return 0, false
	}
	return fi.Mode(), true
}

// testFileOwner is the owner and group of the file fi describes.
func testFileOwner(ft FileTester, fi fs.FileInfo) (uid, gid int) {
	if fo, ok := ft.(fileOwnerer); ok {
		if uid, gid, ok := fo.FileOwner(fi); ok {
			return uid, gid
		}
	}
	if o, ok := fi.Sys().(sysOwner); ok {
		return o.Uid(), o.Gid()
	}
	return 0, 0
}

// testInteger is bash's legal_number: optional leading white space (as
// strtoimax skips it: space, \t, \n, \v, \f, \r), a sign, decimal digits,
// optional trailing blanks (space and tab); 64 bits, overflow is no
// number. As in bash, a string of blanks alone is 0 (strtoimax converts
// nothing and the trailing-blank skip reaches the end).
func testInteger(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	i := 0
	for i < len(s) && ctypeSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	digits := i
	var u uint64
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		d := uint64(s[i] - '0')
		if u > (1<<63)/10 || (u == (1<<63)/10 && d > (1<<63)%10) {
			return 0, false // ERANGE
		}
		u = u*10 + d
		i++
	}
	if i == digits {
		i, neg = 0, false // strtoimax converted nothing: the end pointer is s
	} else if !neg && u > 1<<63-1 {
		return 0, false
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i != len(s) {
		return 0, false
	}
	if neg {
		return int64(-u), true // two's complement: -(1<<63) included
	}
	return int64(u), true
}

// ctypeSpace is isspace(3) in the C locale.
func ctypeSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}
