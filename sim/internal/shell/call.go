package shell

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
)

// internal is the prefix of builtins rclab implements itself; the call
// handler renames a command to it and the exec handler runs it.
const internal = "__rclab_"

// ownBuiltins are bash builtins interp lists but does not implement (or
// implements by reaching the host); rclab runs its own versions.
var ownBuiltins = map[string]bool{
	"kill": true, "jobs": true, "umask": true, "ulimit": true, "history": true,
	"fg": true, "bg": true, "disown": true, "suspend": true, "fc": true,
	"bind": true, "enable": true, "caller": true, "compgen": true,
	"complete": true, "compopt": true, "newgrp": true, "logout": true,
	"times": true, "type": true, "hash": true,
}

// call runs before every simple command: it counts the step budget and
// rewrites the commands whose interp versions would reach the host or word
// things differently from bash.
func (s *Shell) call(ctx context.Context, args []string) ([]string, error) {
	if strings.HasPrefix(args[0], caseSel) {
		// The parse-time rewrites' calls (caserw.go, strip.go), which
		// stand for statements that are no calls: no budget step.
		hc := interp.HandlerCtx(ctx)
		if args[0] == stripCall && len(args) == 5 {
			return s.strip(ctx, &hc, args)
		}
		if out, ok := s.caseCall(&hc, args); ok {
			return out, nil
		}
	}
	s.traceCall(ctx, args)
	if err := budgetOf(ctx).step(); err != nil {
		return nil, err
	}
	name := args[0]
	switch name {
	case internal + "fork":
		b := budgetOf(ctx)
		room := 1 << 20
		if t := s.opts.Kernel.Procs; t != nil {
			room = t.Limit() - t.Len()
		}
		if err := b.fork(room); err != nil {
			return nil, err
		}
		if len(args) >= 3 {
			s.procs.startPipeline(s, interp.HandlerCtx(ctx), args[1], args[3:])
		}
		return []string{"true"}, nil
	case internal + "source":
		return s.sourceCached(ctx, args)
	case "read":
		hc := interp.HandlerCtx(ctx)
		if out, ok := s.readKeyboard(ctx, &hc, args); ok {
			return out, nil
		}
	case "break", "continue":
		s.jumped.Store(true)
		return args, nil
	case internal + "jumped":
		if s.jumped.Load() {
			return []string{"true"}, nil
		}
		return []string{"false"}, nil
	case internal + "jumpclear":
		s.jumped.Store(false)
		return []string{internal + "status", strconv.Itoa(interp.HandlerCtx(ctx).LastExitStatus)}, nil
	case internal + "unfork":
		budgetOf(ctx).unfork()
		if len(args) >= 4 {
			s.procs.endMember(s.opts.PID, args[2], args[3])
		}
		if len(args) > 1 && args[1] != "0" {
			return []string{internal + "status", args[1]}, nil
		}
		return []string{"true"}, nil
	}
	if (name == "builtin" || name == "command") && slices.Contains(args, "trap") {
		s.trapped.Store(true) // trap by another way (see nested.go)
	}
	if _, isFunc := s.r.Funcs[name]; isFunc {
		return args, nil
	}
	switch {
	case ownBuiltins[name]:
		return append([]string{internal + name}, args[1:]...), nil
	case name == "echo":
		return splitEchoFlags(args), nil
	case name == "cd":
		return s.checkCd(ctx, args), nil
	case name == "command" && len(args) > 1 && (strings.HasPrefix(args[1], "-v") || strings.HasPrefix(args[1], "-V")):
		return append([]string{internal + "command"}, args[1:]...), nil
	case name == "pwd" && len(args) > 1 && args[1] == "-P":
		return []string{internal + "pwd_P"}, nil
	case name == "test" || name == "[":
		dir := interp.HandlerCtx(ctx).Dir
		args = s.rewriteOwnerTests(dir, args)
		if res, ok := s.quickTest(ctx, dir, args); ok {
			return truth(res), nil
		}
		return args, nil
	case (name == "source" || name == ".") && len(args) > 1:
		args = s.resolveSource(ctx, args)
		if len(args) == 2 {
			hc := interp.HandlerCtx(ctx)
			var out []string
			var ok bool
			var err error
			s.nested(func() { out, ok, err = s.sourceNested(ctx, &hc, args[1]) })
			if ok {
				return out, err
			}
		}
		return args, nil
	case name == "eval" && len(args) > 1:
		hc := interp.HandlerCtx(ctx)
		var out []string
		var ok bool
		var err error
		s.nested(func() { out, ok, err = s.evalNested(ctx, &hc, args[1:]) })
		if ok {
			return out, err
		}
	case name == "trap":
		s.trapped.Store(true)
		return dropUnsupportedTraps(args), nil
	case name == "alias":
		return s.recordAliases(args), nil
	case name == "shopt":
		return s.shopt(args), nil
	case name == "help":
		// bash's help builtin; rclab's also lists the machine's programs.
		return append([]string{"/usr/libexec/rclab/help"}, args[1:]...), nil
	case name == "unalias":
		s.mu.Lock()
		for _, a := range args[1:] {
			if a == "-a" {
				s.aliases = map[string]string{}
			}
			delete(s.aliases, a)
		}
		s.mu.Unlock()
	}
	return args, nil
}

// splitEchoFlags turns "echo -en x" into "echo -e -n x": interp only parses
// separate flags, and Red Hat's functions use the combined form.
func splitEchoFlags(args []string) []string {
	combined := false
	for _, a := range args[1:] {
		if len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "neE") != "" {
			break
		}
		combined = combined || len(a) > 2
	}
	if !combined {
		return args // nothing like "-en" to split
	}
	out := []string{args[0]}
	i := 1
	for ; i < len(args); i++ {
		a := args[i]
		if len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "neE") != "" {
			break
		}
		for _, c := range a[1:] {
			out = append(out, "-"+string(c))
		}
	}
	return append(out, args[i:]...)
}

// checkCd does what bash 3.2's cd does before it changes directory, and
// words its failures as bash does (interp's words differ, and interp
// takes no options and one operand): -L and -P, HOME for no operand,
// OLDPWD for "-" (printed when the change succeeds), extra operands
// ignored, and the kernel's errors for the directory as the shell's user
// sees them. It returns the cd interp runs (to an absolute directory,
// physical after -P), or false after a failure.
func (s *Shell) checkCd(ctx context.Context, args []string) []string {
	hc := interp.HandlerCtx(ctx)
	fail := func(msg string) []string {
		fmt.Fprintf(hc.Stderr, "%scd: %s\n", s.prefix(hc.Pos), msg)
		return []string{"false"}
	}
	rest := args[1:]
	physical := false
	for len(rest) > 0 && len(rest[0]) > 1 && rest[0][0] == '-' {
		opt := rest[0]
		rest = rest[1:]
		if opt == "--" {
			break
		}
		for _, c := range opt[1:] {
			switch c {
			case 'L':
				physical = false
			case 'P':
				physical = true
			default:
				fail("-" + string(c) + ": invalid option")
				fmt.Fprintf(hc.Stderr, "cd: usage: cd [-L|-P] [dir]\n")
				return []string{"false"}
			}
		}
	}
	var dir string
	show := false
	switch {
	case len(rest) == 0:
		home := hc.Env.Get("HOME")
		if !home.IsSet() {
			return fail("HOME not set")
		}
		dir = home.String()
	case rest[0] == "-":
		old := hc.Env.Get("OLDPWD")
		if !old.IsSet() {
			return fail("OLDPWD not set")
		}
		dir, show = old.String(), true
	default:
		dir = rest[0]
	}
	abs := hc.Dir // an empty name stays where it is, as bash does
	if dir != "" {
		abs = absJoin(hc.Dir, dir)
	}
	if err := s.chdirError(abs); err != nil {
		return fail(dir + ": " + errText{err}.Error())
	}
	if physical {
		if p, err := s.opts.Kernel.FS.EvalSymlinks(abs); err == nil {
			abs = p
		}
	}
	if show {
		fmt.Fprintln(hc.Stdout, dir)
	}
	return []string{"cd", abs}
}

// chdirError is the error chdir(2) gives the shell's user for abs: a
// directory on the way the user may not search, a missing name, a file
// that is no directory, a directory the user may not search itself.
func (s *Shell) chdirError(abs string) error {
	fsys := s.opts.Kernel.FS
	uid, gid := s.cred()
	if err := cmds.CheckPath(fsys, "chdir", abs, uid, gid); err != nil {
		return err
	}
	fi, err := fsys.Stat(abs)
	switch {
	case err != nil:
		return err
	case !fi.IsDir():
		return syscall.ENOTDIR
	case !cmds.MayAccess(fi, uid, gid, 1):
		return syscall.EACCES
	}
	return nil
}

// rewriteOwnerTests evaluates test's -O and -G on the vfs (interp would ask
// the host and panic on vfs file info) and substitutes a constant test:
// -O FILE is true when the shell's user owns FILE, -G FILE when FILE's
// group is the user's group (bash compares the effective ids).
func (s *Shell) rewriteOwnerTests(dir string, args []string) []string {
	if !slices.Contains(args, "-O") && !slices.Contains(args, "-G") {
		return args
	}
	uid, gid := s.cred()
	fsys := s.opts.Kernel.FS
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if (a == "-O" || a == "-G") && i+1 < len(args) && args[i+1] != "]" {
			ok := false
			name := args[i+1]
			if name != "" && cmds.CheckPath(fsys, "stat", absJoin(dir, name), uid, gid) == nil {
				if fi, err := fsys.Stat(absJoin(dir, name)); err == nil {
					fuid, fgid := ownerOf(fi)
					ok = (a == "-O" && fuid == uid) || (a == "-G" && fgid == gid)
				}
			}
			if ok {
				out = append(out, "-n", "x")
			} else {
				out = append(out, "-z", "x")
			}
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}

// resolveSource finds "source name" on the vfs PATH as bash does, since
// interp would search the host's.
func (s *Shell) resolveSource(ctx context.Context, args []string) []string {
	name := args[1]
	if strings.Contains(name, "/") {
		return args
	}
	hc := interp.HandlerCtx(ctx)
	for _, dir := range strings.Split(envGet(hc.Env, "PATH"), ":") {
		if dir == "" {
			continue
		}
		p := absJoin(hc.Dir, dir+"/"+name)
		if fi, err := s.opts.Kernel.FS.Stat(p); err == nil && fi.Mode().IsRegular() {
			out := append([]string{args[0], p}, args[2:]...)
			return out
		}
	}
	out := append([]string{args[0], absJoin(hc.Dir, name)}, args[2:]...)
	return out
}

// dropUnsupportedTraps keeps the signals interp can trap (EXIT, ERR); the
// others never arrive in the simulation anyway.
func dropUnsupportedTraps(args []string) []string {
	if len(args) < 3 || strings.HasPrefix(args[1], "-") {
		return args
	}
	out := args[:2:2]
	for _, sig := range args[2:] {
		switch strings.ToUpper(strings.TrimPrefix(strings.ToUpper(sig), "SIG")) {
		case "EXIT", "0", "ERR":
			out = append(out, sig)
		}
	}
	if len(out) == 2 {
		return []string{"true"}
	}
	return out
}

// recordAliases mirrors alias definitions, so type, command -v and alias
// listings (which interp prints in random order) come from rclab.
func (s *Shell) recordAliases(args []string) []string {
	define := false
	s.mu.Lock()
	for _, a := range args[1:] {
		if name, val, ok := strings.Cut(a, "="); ok {
			s.aliases[name] = val
			define = true
		}
	}
	s.mu.Unlock()
	if define {
		return args
	}
	return append([]string{internal + "alias"}, args[1:]...)
}

func (s *Shell) alias(name string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.aliases[name]
	return v, ok
}

func (s *Shell) aliasNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.aliases))
	for n := range s.aliases {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// interpShopts are the shopt options interp implements; the others bash
// 3.2 has are accepted and ignored (checkwinsize, histappend…), and
// login_shell answers as a login shell would.
var interpShopts = map[string]bool{"dotglob": true, "expand_aliases": true, "extglob": true, "globstar": true, "nocaseglob": true, "nullglob": true}

func (s *Shell) shopt(args []string) []string {
	var keep []string
	flags := []string{}
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "-") {
			flags = append(flags, a)
			continue
		}
		if a == "login_shell" {
			query := false
			for _, f := range flags {
				if f == "-q" {
					query = true
				}
			}
			if query {
				if strings.HasPrefix(s.opts.Name, "-") {
					return []string{"true"}
				}
				return []string{"false"}
			}
			continue
		}
		if interpShopts[a] {
			keep = append(keep, a)
		}
	}
	if len(keep) == 0 && len(args) > 1 && len(flags) > 0 && len(flags) < len(args)-1 {
		return []string{"true"}
	}
	return append(append([]string{"shopt"}, flags...), keep...)
}

// sourceCached runs a top-level `. FILE` from the parse cache in the
// script's own runner. When anything is unusual it falls back to the
// source builtin, which behaves the same, only slower.
func (s *Shell) sourceCached(ctx context.Context, args []string) ([]string, error) {
	fallback := []string{"source", args[1]}
	hc := interp.HandlerCtx(ctx)
	name := args[1]
	if !strings.Contains(name, "/") {
		fallback = s.resolveSource(ctx, fallback)
		name = fallback[1]
	}
	if s.trapped.Load() {
		return fallback, nil // a nested run of a file would run the EXIT trap
	}
	p, _, err, perr := loadParsed(s.opts.Kernel, absJoin(hc.Dir, name), parseKey{name, asScript})
	if err != nil || perr != nil || !p.nestable {
		return fallback, nil
	}
	f := p.f
	// Run as a file named after the script, so $0 stays the script's.
	outer := s.file
	s.file = s.opts.Name
	var status int
	s.nested(func() { status, err = s.runStatus(ctx, &syntax.File{Name: s.opts.Name, Stmts: f.Stmts}) })
	s.file = outer
	if err != nil {
		return nil, err
	}
	return s.handOn(status), nil
}
