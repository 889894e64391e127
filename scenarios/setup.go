package scenarios

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"rclab/sim"
)

// newMachine boots the variant's machine and applies its setup: files,
// faults, commands, then the shell's history is cleared. A setup step
// that fails is an error, since the exam would not start where its author
// meant. It returns the machine and a copy of it as set up that is shared
// and that nobody may change.
func newMachine(sc *Scenario, seed uint64, opts ...sim.Option) (m, pristine *sim.Machine, err error) {
	o := []sim.Option{sim.WithImage(sc.Image), sim.WithSeed(seed), sim.WithBootArgs(sc.Setup.BootArgs...)}
	o = append(o, denyOptions(sc.Deny)...)
	o = append(o, opts...)
	key := sc.ID + "\x02" + sc.Hash + "\x02" + strconv.FormatUint(seed, 10) + "\x02" + sim.OptionsKey(o...)
	if m, pristine, ok := setupCache.get(key); ok {
		return m, pristine, nil
	}
	pristine, err = setUp(sc, o)
	if err != nil {
		return nil, nil, err
	}
	setupCache.put(key, pristine)
	if m, err = pristine.Clone(); err != nil {
		return nil, nil, err
	}
	return m, pristine, nil
}

// setUp builds a machine with options o and applies sc's setup.
func setUp(sc *Scenario, o []sim.Option) (*sim.Machine, error) {
	m, err := sim.New(o...)
	if err != nil {
		return nil, err
	}
	m.XinetdLoaded() // see primeXinetd in lessons: a copy's xinetd ignores reloads until asked once
	for _, f := range sc.Setup.Files {
		mode := uint32(0o644)
		if f.Mode != nil {
			mode = f.Mode.Perm
		}
		if err := run(m, "mkdir -p "+shellQuote(path.Dir(f.Path))); err != nil {
			return nil, fmt.Errorf("%s: setup file %s: %w", sc.ID, f.Path, err)
		}
		if err := m.WriteFile(f.Path, []byte(f.Content), 0o644); err != nil {
			return nil, fmt.Errorf("%s: setup file %s: %w", sc.ID, f.Path, err)
		}
		if err := run(m, fmt.Sprintf("chmod %o %s", mode, shellQuote(f.Path))); err != nil {
			return nil, fmt.Errorf("%s: setup file %s: %w", sc.ID, f.Path, err)
		}
	}
	for i, f := range sc.Setup.Faults {
		if err := f.apply(m); err != nil {
			return nil, fmt.Errorf("%s: setup fault %d: %w", sc.ID, i+1, err)
		}
	}
	for i, a := range sc.Setup.Commands {
		r, err := m.Apply(a.SimAction())
		if err != nil {
			return nil, fmt.Errorf("%s: setup command %d (%s): %w", sc.ID, i+1, a, err)
		}
		if r.Status != 0 && !r.Incomplete {
			return nil, fmt.Errorf("%s: setup command %d (%s) exited with status %d:\n%s", sc.ID, i+1, a, r.Status, r.Output)
		}
	}
	if m.Down() == "" && m.Prompt() != "" && !m.Pending() {
		if _, err := m.Apply(sim.Action{Kind: sim.Type, Line: "history -c"}); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// run types a line and fails unless it exits with 0.
func run(m *sim.Machine, line string) error {
	r, err := m.Apply(sim.Action{Kind: sim.Type, Line: line})
	if err != nil {
		return err
	}
	if r.Status != 0 {
		return fmt.Errorf("%s: exit status %d: %s", line, r.Status, strings.TrimSpace(r.Output))
	}
	return nil
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// edit rewrites a file of the machine with fn, keeping its mode.
func edit(m *sim.Machine, p string, fn func(string) (string, error)) error {
	fi, err := m.Stat(p)
	if err != nil {
		return err
	}
	data, err := m.ReadFile(p)
	if err != nil {
		return err
	}
	out, err := fn(string(data))
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return m.WriteFile(p, []byte(out), fi.Mode().Perm())
}

var (
	idLineRE  = regexp.MustCompile(`(?m)^id:[^:]*:initdefault:.*$`)
	disableRE = regexp.MustCompile(`(?m)^[ \t]*disable[ \t]*=.*\n?`)
)

// apply injects the fault into m.
func (f *Fault) apply(m *sim.Machine) error {
	switch {
	case f.Initdefault != "":
		return edit(m, "/etc/inittab", func(s string) (string, error) {
			line := "id:" + string(f.Initdefault) + ":initdefault:"
			if idLineRE.MatchString(s) {
				return idLineRE.ReplaceAllLiteralString(s, line), nil
			}
			return line + "\n" + s, nil
		})
	case f.NotExecutable != "":
		return run(m, "chmod a-x "+shellQuote(f.NotExecutable))
	case f.DanglingLink != nil:
		l := f.DanglingLink
		return run(m, fmt.Sprintf("mkdir -p %s && ln -sfn %s %s", shellQuote(path.Dir(l.Path)), shellQuote(l.Target), shellQuote(l.Path)))
	case f.StaleLock != "":
		return run(m, "touch /var/lock/subsys/"+shellQuote(string(f.StaleLock)))
	case f.StalePID != nil:
		return run(m, fmt.Sprintf("mkdir -p %s && echo %d > %s", shellQuote(path.Dir(f.StalePID.File)), f.StalePID.PID, shellQuote(f.StalePID.File)))
	case f.XinetdDisable != nil:
		x := f.XinetdDisable
		return edit(m, "/etc/xinetd.d/"+string(x.Service), func(s string) (string, error) {
			s = disableRE.ReplaceAllString(s, "")
			i := strings.Index(s, "{\n")
			if i < 0 {
				return "", fmt.Errorf("no { line to put the disable line under")
			}
			return s[:i+2] + "\tdisable\t\t\t= " + string(x.Disable) + "\n" + s[i+2:], nil
		})
	case f.Replace != nil:
		r := f.Replace
		return edit(m, r.File, func(s string) (string, error) {
			if !strings.Contains(s, r.Old) {
				return "", fmt.Errorf("no %s in the file", strconv.Quote(r.Old))
			}
			if r.All {
				return strings.ReplaceAll(s, r.Old, r.New), nil
			}
			return strings.Replace(s, r.Old, r.New, 1), nil
		})
	}
	return fmt.Errorf("empty fault")
}
