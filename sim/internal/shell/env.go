package shell

import (
	"sort"
	"strings"

	"mvdan.cc/sh/v3/expand"
)

// environ is the variable set a Runner starts from: the exported
// environment plus hidden variables that interp needs to stay off the host
// (UID, "HOME user" for ~user, TMPDIR) and that must not show in env(1).
type environ struct {
	vars map[string]expand.Variable
	// sorted lists vars by name; vars never changes after newEnviron
	// (interp writes to its own overlay).
	sorted []namedVar
	// home looks up a user's home directory for ~user; unknown users
	// expand to themselves, as in bash, never to the host's accounts.
	home func(user string) (string, bool)
}

// hostless is a TMPDIR that exists on no host, so interp's FIFO fast path
// (which bypasses the open handler) can never write a host file.
const hostless = "/nonexistent/rclab-sealed-tmp"

func newEnviron(exported []string, hidden map[string]string, home func(string) (string, bool)) *environ {
	e := &environ{home: home, vars: make(map[string]expand.Variable, len(exported)+len(hidden)+4)}
	for name, val := range hidden {
		e.vars[name] = expand.Variable{Set: true, Kind: expand.String, Str: val}
	}
	for _, ro := range []string{"UID", "EUID", "GID"} {
		if v, ok := e.vars[ro]; ok {
			v.ReadOnly = true
			e.vars[ro] = v
		}
	}
	e.vars["TMPDIR"] = expand.Variable{Set: true, Kind: expand.String, Str: hostless}
	for _, kv := range exported {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			continue
		}
		e.vars[name] = expand.Variable{Set: true, Exported: true, Kind: expand.String, Str: val}
	}
	e.sorted = make([]namedVar, 0, len(e.vars))
	for n, vr := range e.vars {
		e.sorted = append(e.sorted, namedVar{n, vr})
	}
	sort.Slice(e.sorted, func(i, j int) bool { return e.sorted[i].name < e.sorted[j].name })
	return e
}

type namedVar struct {
	name string
	vr   expand.Variable
}

func (e *environ) Get(name string) expand.Variable {
	if user, ok := strings.CutPrefix(name, "HOME "); ok {
		home, found := "", false
		if e.home != nil {
			home, found = e.home(user)
		}
		if !found {
			home = "~" + user
		}
		return expand.Variable{Set: true, Kind: expand.String, Str: home}
	}
	return e.vars[name]
}

func (e *environ) Each(f func(name string, vr expand.Variable) bool) {
	for _, nv := range e.sorted {
		if !f(nv.name, nv.vr) {
			return
		}
	}
}

// exportedOf lists the exported variables of env as NAME=value, sorted, as
// a child process would receive them.
func exportedOf(env expand.Environ) []string {
	var out []string
	env.Each(func(name string, vr expand.Variable) bool {
		if vr.Exported && vr.IsSet() && vr.Kind == expand.String {
			out = append(out, name+"="+vr.Str)
		}
		return true
	})
	sort.Strings(out)
	return out
}
