package shell

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
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
		args = s.rewriteOwnerTests(args)
		if res, ok := s.quickTest(ctx, interp.HandlerCtx(ctx).Dir, args); ok {
			return truth(res), nil
		}
		return args, nil
	case (name == "source" || name == ".") && len(args) > 1:
		args = s.resolveSource(ctx, args)
		if len(args) == 2 {
			hc := interp.HandlerCtx(ctx)
			if out, ok, err := s.sourceNested(ctx, &hc, args[1]); ok {
				return out, err
			}
		}
		return args, nil
	case name == "eval" && len(args) > 1:
		hc := interp.HandlerCtx(ctx)
		if out, ok, err := s.evalNested(ctx, &hc, args[1:]); ok {
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

// checkCd reports cd's failures in bash's words, since interp's differ;
// a failing cd is replaced by false.
func (s *Shell) checkCd(ctx context.Context, args []string) []string {
	rest := args[1:]
	for len(rest) > 0 && (rest[0] == "-L" || rest[0] == "-P") {
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0] == "--" {
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0] == "-" || rest[0] == "" {
		return args
	}
	hc := interp.HandlerCtx(ctx)
	target := rest[0]
	fi, err := s.opts.Kernel.FS.Stat(absJoin(hc.Dir, target))
	switch {
	case err != nil:
		fmt.Fprintf(hc.Stderr, "%scd: %s: %s\n", s.prefix(hc.Pos), target, errText{err})
	case !fi.IsDir():
		fmt.Fprintf(hc.Stderr, "%scd: %s: Not a directory\n", s.prefix(hc.Pos), target)
	default:
		return args
	}
	return []string{"false"}
}

// rewriteOwnerTests evaluates test's -O and -G on the vfs (interp would ask
// the host and panic on vfs file info) and substitutes a constant test.
func (s *Shell) rewriteOwnerTests(args []string) []string {
	if !slices.Contains(args, "-O") && !slices.Contains(args, "-G") {
		return args
	}
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if (a == "-O" || a == "-G") && i+1 < len(args) && args[i+1] != "]" {
			ok := false
			if fi, err := s.opts.Kernel.FS.Stat(args[i+1]); err == nil {
				uid, gid := ownerOf(fi)
				ok = (a == "-O" && uid == 0) || (a == "-G" && gid == 0)
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
	status, err := s.runStatus(ctx, &syntax.File{Name: s.opts.Name, Stmts: f.Stmts})
	s.file = outer
	if err != nil {
		return nil, err
	}
	return s.handOn(status), nil
}
