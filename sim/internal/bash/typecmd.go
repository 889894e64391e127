package bash

import (
	"fmt"
	"strings"
)

// kind classifies a name as type does: alias, keyword, function,
// builtin, or a file found on PATH (detail: the alias value or path).
func (r *Runner) kind(name string) (kind, detail string) {
	if v, ok := r.alias[name]; ok {
		return "alias", v
	}
	if keywords[name] {
		return "keyword", ""
	}
	if _, ok := r.funcs[name]; ok {
		return "function", ""
	}
	if bashBuiltins[name] {
		return "builtin", ""
	}
	if p, ok := r.lookPath(name); ok {
		return "file", p
	}
	return "", ""
}

// lookPath finds an executable file on PATH through the Stat hook.
func (r *Runner) lookPath(name string) (string, bool) {
	if strings.Contains(name, "/") {
		m, ok := r.statMode(name, true)
		if ok && !m.IsDir() && m.Perm()&0o111 != 0 {
			return name, true
		}
		return "", false
	}
	if name == "" {
		return "", false
	}
	for _, d := range strings.Split(r.varString("PATH"), ":") {
		if d == "" {
			d = "."
		}
		p := r.abs(d + "/" + name)
		if m, ok := r.statMode(p, true); ok && m.IsRegular() && m.Perm()&0o111 != 0 {
			return p, true
		}
	}
	return "", false
}

func (r *Runner) typeBuiltin(args []string) int {
	short, pathOnly, all := false, false, false
	rest := args[1:]
	for len(rest) > 0 && strings.HasPrefix(rest[0], "-") && len(rest[0]) > 1 {
		if rest[0] == "--" {
			rest = rest[1:]
			break
		}
		for _, c := range rest[0][1:] {
			switch c {
			case 't':
				short = true
			case 'p', 'P':
				pathOnly = true
			case 'a':
				all = true
			case 'f':
			default:
				r.builtinErr("type", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "type: usage: type [-afptP] name [name ...]")
				return 2
			}
		}
		rest = rest[1:]
	}
	_ = all
	w := r.stdout()
	st := 0
	for _, name := range rest {
		k, detail := r.kind(name)
		switch {
		case k == "":
			if !short && !pathOnly {
				r.builtinErr("type", "%s: not found", name)
			}
			st = 1
		case pathOnly:
			if k == "file" {
				fmt.Fprintln(w, detail)
			}
		case short:
			fmt.Fprintln(w, k)
		case k == "alias":
			fmt.Fprintf(w, "%s is aliased to `%s'\n", name, detail)
		case k == "keyword":
			fmt.Fprintf(w, "%s is a shell keyword\n", name)
		case k == "builtin":
			fmt.Fprintf(w, "%s is a shell builtin\n", name)
		case k == "function":
			fmt.Fprintf(w, "%s is a function\n", name)
			fmt.Fprint(w, FuncText(name, r.funcs[name].body))
		default:
			fmt.Fprintf(w, "%s is %s\n", name, detail)
		}
	}
	return st
}

// commandBuiltin is command [-pVv] name [args]: run name skipping
// functions, or describe it.
func (r *Runner) commandBuiltin(args []string) int {
	rest := args[1:]
	verbose, describe := false, false
	for len(rest) > 0 && strings.HasPrefix(rest[0], "-") && len(rest[0]) > 1 {
		if rest[0] == "--" {
			rest = rest[1:]
			break
		}
		for _, c := range rest[0][1:] {
			switch c {
			case 'v':
				describe = true
			case 'V':
				verbose = true
			case 'p':
			default:
				r.builtinErr("command", "-%c: invalid option", c)
				fmt.Fprintln(r.stderr(), "command: usage: command [-pVv] command [arg ...]")
				return 2
			}
		}
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return 0
	}
	if verbose || describe {
		st := 0
		for _, name := range rest {
			k, detail := r.kind(name)
			switch {
			case k == "":
				if verbose {
					r.builtinErr("command", "%s: not found", name)
				}
				st = 1
			case verbose:
				r.typeBuiltin([]string{"type", name})
			case k == "alias":
				fmt.Fprintf(r.stdout(), "alias %s='%s'\n", name, detail)
			case k == "file":
				fmt.Fprintln(r.stdout(), detail)
			default:
				fmt.Fprintln(r.stdout(), name)
			}
		}
		return st
	}
	r.dispatch(rest, nil, true)
	return r.status
}

// builtinBuiltin is builtin name [args]: only builtins.
func (r *Runner) builtinBuiltin(args []string) int {
	if len(args) < 2 {
		return 0
	}
	rest := args[1:]
	if r.cfg.Builtin != nil && bashBuiltins[rest[0]] {
		if st, ok := r.cfg.Builtin(r.ctx, r.newCall(rest, nil)); ok {
			return st
		}
	}
	fn, ok := builtins[rest[0]]
	if !ok {
		r.builtinErr("builtin", "%s: not a shell builtin", rest[0])
		return 1
	}
	return fn(r, rest)
}
