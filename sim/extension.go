package sim

import (
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"rclab/sim/image"
	"rclab/sim/internal/cmds"
	"rclab/sim/internal/shell"
)

// This file lets rclab's outer layers extend a machine: programs they
// provide (explain), and programs the user may not run (an exam's
// reboot). Both are options of New and follow the machine into its
// clones.

// Program is a program provided by rclab's outer layers, installed as a
// file at Path and run like any other: found on PATH, completed by Tab,
// described by type, in pipes and with redirections.
type Program struct {
	// Name is the program's name; it must not be one of the machine's own
	// programs.
	Name string
	// Path is where its file is installed; "" means /usr/local/bin/Name.
	// Its last element must be Name.
	Path string
	// Summary is one line on what it does.
	Summary string
	// Run runs the program: args are the words after its name. It gets a
	// copy of the machine taken when the program started, so it may read
	// anything and call any method (Clone, Apply) without changing the
	// user's machine. The result is the exit status.
	Run func(m *Machine, args []string, stdout, stderr io.Writer) int
}

// extensions are the programs added and refused by WithProgram and
// WithDenied.
type extensions struct {
	denied   []string
	programs []Program
}

// WithDenied refuses the named programs to the user: typed by name or by
// any path (reboot, /sbin/reboot), or run from anything the user starts,
// the shell answers as bash does for a file without execute permission
// ("-bash: /sbin/reboot: Permission denied", status 126). What init runs
// without a terminal is not refused, so the halt script still runs
// /sbin/reboot after `init 6`. A program is named by its file's name, or
// by the simulated program its file runs.
func WithDenied(programs ...string) Option {
	return func(c *config) { c.ext.denied = append(c.ext.denied, programs...) }
}

// WithProgram adds a program to the machine (see Program). New fails when
// its name or path is already taken or Run is nil.
func WithProgram(p Program) Option {
	return func(c *config) { c.ext.programs = append(c.ext.programs, p) }
}

// empty reports whether x adds and refuses nothing.
func (x extensions) empty() bool { return len(x.denied) == 0 && len(x.programs) == 0 }

// extended installs x on a new machine: the programs' files, then the
// hooks. It runs after the boot (and after the boot is cached), so boots
// are the same with or without extensions.
func (m *Machine) extended(x extensions) (*Machine, error) {
	if x.empty() {
		return m, nil
	}
	for i := range x.programs {
		p := &x.programs[i]
		if p.Path == "" {
			p.Path = "/usr/local/bin/" + p.Name
		}
		switch {
		case p.Name == "" || strings.Contains(p.Name, "/"):
			return nil, fmt.Errorf("sim: program name %q is not a file name", p.Name)
		case p.Run == nil:
			return nil, fmt.Errorf("sim: program %s has no Run", p.Name)
		case !path.IsAbs(p.Path) || path.Base(p.Path) != p.Name:
			return nil, fmt.Errorf("sim: program %s: path %q must be absolute and end in /%s", p.Name, p.Path, p.Name)
		}
		if _, taken := cmds.Lookup(p.Name); taken {
			return nil, fmt.Errorf("sim: program %s is already a program of the machine", p.Name)
		}
		for _, q := range x.programs[:i] {
			if q.Name == p.Name {
				return nil, fmt.Errorf("sim: program %s is added twice", p.Name)
			}
		}
		if _, err := m.k.FS.Lstat(p.Path); err == nil {
			return nil, fmt.Errorf("sim: program %s: %s already exists", p.Name, p.Path)
		}
		if err := m.installProgram(*p); err != nil {
			return nil, fmt.Errorf("sim: installing %s: %w", p.Path, err)
		}
	}
	m.cfg.ext = x
	m.hookExtensions()
	return m, nil
}

// installProgram writes p's file, as installPrograms does for the
// machine's own.
func (m *Machine) installProgram(p Program) error {
	fsys := m.k.FS
	if err := fsys.MkdirAll(path.Dir(p.Path), 0o755); err != nil {
		return err
	}
	f, err := fsys.OpenFile(p.Path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := f.Write(shell.ProgramFile(p.Name)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return fsys.Chtimes(p.Path, image.Mtime, image.Mtime)
}

// hookExtensions points the machine's program runner at its extensions;
// New and clone call it.
func (m *Machine) hookExtensions() {
	x := m.cfg.ext
	if x.empty() {
		return
	}
	var ext shell.Extension
	if len(x.programs) > 0 {
		ext.Program = func(name string) (*cmds.Command, bool) {
			for _, p := range x.programs {
				if p.Name == name {
					return m.command(p), true
				}
			}
			return nil, false
		}
	}
	if len(x.denied) > 0 {
		ext.Denied = func(abs, prog string) bool { return m.denied(abs, prog) }
	}
	m.procs.SetExtension(ext)
}

// command is p as a program of the command table. Its Main runs p on a
// copy of the machine. The program runs inside Apply, which holds m.mu,
// so the copy is made with the unexported clone.
func (m *Machine) command(p Program) *cmds.Command {
	return &cmds.Command{
		Name: p.Name, Dirs: []string{path.Dir(p.Path)}, Summary: p.Summary, Usage: p.Name,
		Main: func(pr *cmds.Proc) int {
			c, err := m.clone()
			if err != nil {
				fmt.Fprintf(pr.Stderr, "%s: rclab internal error: %v\n", p.Name, err)
				return 1
			}
			return p.Run(c, append([]string(nil), pr.Args[1:]...), pr.Stdout, pr.Stderr)
		},
	}
}

// denied reports whether the file at abs (running program prog, "" for a
// script) is one the user may not run: by its name, the name of the file
// its links lead to, or the program it runs.
func (m *Machine) denied(abs, prog string) bool {
	names := []string{path.Base(abs)}
	if prog != "" {
		names = append(names, prog)
	}
	cur := abs
	for range 40 {
		target, err := m.k.FS.Readlink(cur)
		if err != nil {
			break
		}
		if !path.IsAbs(target) {
			target = path.Join(path.Dir(cur), target)
		}
		cur = target
		names = append(names, path.Base(cur))
	}
	for _, d := range m.cfg.ext.denied {
		if slices.Contains(names, path.Base(d)) {
			return true
		}
	}
	return false
}

// extraCommands lists the names of the programs added with WithProgram.
func (m *Machine) extraCommands() []string {
	var out []string
	for _, p := range m.cfg.ext.programs {
		out = append(out, p.Name)
	}
	return out
}
