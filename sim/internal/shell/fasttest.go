package shell

import (
	"context"
	"io/fs"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

// Init scripts run test and [ hundreds of times per runlevel change, in
// their simplest forms: `[ -f FILE ]`, `[ -n "$x" ]`, `[ "$a" = b ]`.
// quickTest answers those forms in the call handler, as interp's test
// builtin would (see interp's test_classic.go and test.go): a unary file
// or string test, or a string (in)equality whose left side is no test
// operator. Anything else, or an operand that interp would expand again
// (a backslash, a leading ~), goes to the builtin.

// quickTest evaluates args ("test …" or "[ … ]"); ok is false when the
// builtin must run.
func (s *Shell) quickTest(ctx context.Context, dir string, args []string) (result, ok bool) {
	ops := args[1:]
	if args[0] == "[" {
		if len(ops) == 0 || ops[len(ops)-1] != "]" {
			return false, false
		}
		ops = ops[:len(ops)-1]
	}
	for _, o := range ops {
		if strings.ContainsRune(o, '\\') {
			return false, false
		}
	}
	switch len(ops) {
	case 2:
		return s.quickUnary(ctx, dir, ops[0], ops[1])
	case 3:
		a, op, b := ops[0], ops[1], ops[2]
		if op != "=" && op != "==" && op != "!=" {
			return false, false
		}
		if isTestUnaryOp(a) || a == ")" || strings.HasPrefix(a, "~") || strings.HasPrefix(b, "~") {
			return false, false
		}
		return (a == b) == (op != "!="), true
	}
	return false, false
}

// isTestUnaryOp reports whether interp's test parser takes v as a unary
// operator (or "!" or "(").
func isTestUnaryOp(v string) bool {
	switch v {
	case "!", "(", "-e", "-a", "-f", "-d", "-c", "-b", "-p", "-S", "-L", "-h",
		"-k", "-g", "-u", "-G", "-O", "-N", "-r", "-w", "-x", "-s", "-t",
		"-z", "-n", "-o", "-v", "-R":
		return true
	}
	return false
}

// quickUnary is `test OP X` for the operators interp answers from the
// stat and access handlers or from the string alone.
func (s *Shell) quickUnary(ctx context.Context, dir, op, x string) (bool, bool) {
	switch op {
	case "-n":
		return x != "", true
	case "-z":
		return x == "", true
	case "-r":
		return s.access(ctx, interpAbs(dir, x), interp.AccessRead) == nil, true
	case "-w":
		return s.access(ctx, interpAbs(dir, x), interp.AccessWrite) == nil, true
	case "-x":
		return s.access(ctx, interpAbs(dir, x), interp.AccessExec) == nil, true
	case "-L", "-h":
		fi, err := s.opts.Kernel.FS.Lstat(absJoin(dir, interpAbs(dir, x)))
		return err == nil && fi.Mode()&fs.ModeSymlink != 0, true
	}
	var check func(fs.FileMode, int64) bool
	switch op {
	case "-e", "-a":
		check = func(fs.FileMode, int64) bool { return true }
	case "-f":
		check = func(m fs.FileMode, _ int64) bool { return m.IsRegular() }
	case "-d":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeDir != 0 }
	case "-c":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeCharDevice != 0 }
	case "-b":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeDevice != 0 && m&fs.ModeCharDevice == 0 }
	case "-p":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeNamedPipe != 0 }
	case "-S":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeSocket != 0 }
	case "-k":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeSticky != 0 }
	case "-u":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeSetuid != 0 }
	case "-g":
		check = func(m fs.FileMode, _ int64) bool { return m&fs.ModeSetgid != 0 }
	case "-s":
		check = func(_ fs.FileMode, size int64) bool { return size > 0 }
	default:
		return false, false
	}
	// The path the stat handler would get, made absolute as it does.
	fi, err := s.opts.Kernel.FS.Stat(absJoin(dir, interpAbs(dir, x)))
	return err == nil && check(fi.Mode(), fi.Size()), true
}

// interpAbs is the path interp hands the stat and access handlers for
// name: "" stays "", others are made absolute.
func interpAbs(dir, name string) string {
	if name == "" {
		return ""
	}
	return absJoin(dir, name)
}
