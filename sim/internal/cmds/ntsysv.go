package cmds

// ntsysv is Red Hat's ntsysv 1.3.30.2 (CentOS 5), chkconfig's full-screen
// front end: this file is its command line, its list of services and what
// its Ok writes; the rclab app draws its newt screen.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"rclab/sim/internal/chkconfig"
	"rclab/sim/internal/kernel"
)

// NtsysvTitle is ntsysv's root text, drawn top left of its screen.
const NtsysvTitle = "ntsysv " + chkconfigVersion + " - (C) 2000-2001 Red Hat, Inc. "

func init() {
	Register(Command{
		Name:    "ntsysv",
		Dirs:    []string{"/usr/sbin"},
		Summary: "simple interface for configuring runlevels",
		Usage:   "ntsysv [--back] [--level <levels>]",
		Main:    ntsysvMain,
		VSZ:     3312, RSS: 1204,
	})
}

// ntsysvOpts is ntsysv's command line after popt.
type ntsysvOpts struct {
	back, hide bool
	levels     string
	hasLevels  bool
}

// ntsysvParse reads the command line as popt does for ntsysv's table
// (--back, --level LEVELS or --level=LEVELS, --hide; other words are
// left over and ignored). On error it returns the offending argument and
// popt's message.
func ntsysvParse(args []string) (o ntsysvOpts, bad, msg string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return o, "", ""
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			switch name {
			case "back":
				o.back = true
			case "hide":
				o.hide = true
			case "level":
				v, last, ok := poptArg(args, i, val, hasVal)
				if !ok {
					return o, a, "missing argument"
				}
				i, o.levels, o.hasLevels = last, v, true
			default:
				return o, a, "unknown option"
			}
		case len(a) > 1 && a[0] == '-':
			return o, a, "unknown option"
		}
	}
	return o, "", ""
}

func ntsysvMain(p *Proc) int {
	if !p.Root() {
		fmt.Fprintf(p.Stderr, "You must be root to run %s.\n", p.Args[0])
		return 1
	}
	o, bad, msg := ntsysvParse(p.Args[1:])
	if bad != "" {
		fmt.Fprintf(p.Stderr, "%s: %s\n", bad, msg)
		return 1
	}
	levels := ""
	if o.hasLevels {
		if !validLevels(o.levels) {
			fmt.Fprintf(p.Stderr, "bad argument to --levels\n")
			return 2
		}
		levels = levelDigits(o.levels)
	} else if _, cur := p.Sys.Runlevel(); cur >= '0' && cur <= '9' {
		// The current runlevel only. In runlevel S ntsysv finds no digit
		// and edits no level at all: SysV boxes start empty and Ok
		// writes no link.
		levels = levelDigits(string(cur))
	}
	entries, st := ntsysvServices(p.Sys, o.hide, levels, p.Stderr)
	if st != 0 {
		return 1
	}
	if len(entries) == 0 {
		fmt.Fprintf(p.Stderr, "No services may be managed by ntsysv!\n")
		return 2
	}
	if screenReady(p) {
		if st, ok := openScreen(p, kernel.Screen{Title: NtsysvTitle, Levels: levels, Back: o.back, Hide: o.hide, Entries: entries}); ok {
			return st
		}
	}
	// newt needs a terminal to draw on and read keys from; without one
	// the real ntsysv paints escape codes into the void and exits 1 at the
	// end of its input. rclab says so instead.
	fmt.Fprintf(p.Stderr, "rclab: %s needs the full-screen console of the rclab app; nothing was changed.\n"+
		"Use chkconfig --level LEVELS NAME on|off to do the same here.\n", p.Name())
	return 1
}

// levelDigits is a level string as ascending distinct digits ("53" → "35").
func levelDigits(s string) string {
	var b strings.Builder
	for c := byte('0'); c <= '9'; c++ {
		if strings.IndexByte(s, c) >= 0 {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// ntsysvName reports whether ntsysv considers a directory entry: no '~',
// ',' or '.' anywhere in the name.
func ntsysvName(name string) bool { return !strings.ContainsAny(name, "~,.") }

// ntsysvServices lists what ntsysv shows, sorted by name: the init
// scripts with a valid header and a link in some level (hidden ones left
// out when hide is set), then, when /usr/sbin/xinetd exists, the files of
// /etc/xinetd.d. A SysV entry is on when the service is on in one of
// levels, an xinetd entry when its file enables it. Problems are printed
// on w as ntsysv prints them; st is 1 when ntsysv gives up.
func ntsysvServices(k *kernel.Kernel, hide bool, levels string, w io.Writer) (entries []kernel.NtsysvEntry, st int) {
	fsys := k.FS
	dir, err := fsys.Open(chkconfig.InitDir)
	if err != nil {
		fmt.Fprintf(w, "failed to open %s: %s\n", chkconfig.InitDir, Strerror(err))
		return nil, 1
	}
	names, err := dir.Readdirnames(-1)
	dir.Close()
	if err != nil {
		fmt.Fprintf(w, "failed to open %s: %s\n", chkconfig.InitDir, Strerror(err))
		return nil, 1
	}
	sort.Strings(names)
	for _, name := range names {
		if !ntsysvName(name) {
			continue
		}
		fi, err := fsys.Stat(chkconfig.InitDir + "/" + name)
		if err != nil {
			fmt.Fprintf(w, "error reading info for service %s: %s\n", name, Strerror(err))
			continue
		}
		if !fi.Mode().IsRegular() {
			continue
		}
		svc, err := chkconfig.Lookup(fsys, name)
		if err != nil || svc.Xinetd || hide && svc.Header.Hide {
			continue
		}
		linked, on := false, false
		for l := 0; l < 7; l++ {
			o, ok, _ := chkconfig.State(fsys, name, l)
			linked = linked || ok
			on = on || o && strings.IndexByte(levels, byte('0'+l)) >= 0
		}
		if !linked {
			continue
		}
		entries = append(entries, kernel.NtsysvEntry{Name: name, Desc: svc.Header.Description, On: on})
	}
	if _, err := fsys.Stat("/usr/sbin/xinetd"); err == nil {
		if _, err := fsys.Stat(chkconfig.XinetdDir); err != nil {
			fmt.Fprintf(w, "failed to open %s: %s\n", chkconfig.XinetdDir, Strerror(err))
			return nil, 1
		}
		for _, x := range chkconfig.Xinetd(fsys) {
			if ntsysvName(x.Name) {
				entries = append(entries, kernel.NtsysvEntry{Name: x.Name, Desc: x.Description, On: x.Enabled, Xinetd: true})
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	return entries, 0
}

// ErrNtsysvAction marks a selection NtsysvCommit refuses before writing
// anything: bad levels, or a name ntsysv does not list.
var ErrNtsysvAction = errors.New("not an ntsysv selection")

// NtsysvCommit is ntsysv's Ok: the services it lists (hidden ones left
// out with hide) are set as the names in on say. Every SysV service gets,
// in each of levels, an S link (checked) or a K link (unchecked) with its
// header's priority, whether or not its box changed, so hand-made
// priorities in those levels are reset. An xinetd file is rewritten only
// when its state changes; xinetd is not reloaded. levels are digits 0–6
// ("" edits no level, as ntsysv in runlevel S). A refused selection is an
// ErrNtsysvAction; other errors are what ntsysv prints (a link it could
// not make), joined.
func NtsysvCommit(k *kernel.Kernel, levels string, on []string, hide bool) error {
	if levels != "" && !validLevels(levels) {
		return fmt.Errorf("%w: bad runlevels %q", ErrNtsysvAction, levels)
	}
	entries, st := ntsysvServices(k, hide, "", io.Discard)
	if st != 0 {
		return fmt.Errorf("%w: ntsysv cannot list the services", ErrNtsysvAction)
	}
	checked := map[string]bool{}
	for _, n := range on {
		checked[n] = true
	}
	listed := map[string]bool{}
	for _, e := range entries {
		listed[e.Name] = true
	}
	for _, n := range on {
		if !listed[n] {
			return fmt.Errorf("%w: %s is not in ntsysv's list", ErrNtsysvAction, n)
		}
	}
	var errs []error
	for _, e := range entries {
		want := checked[e.Name]
		if e.Xinetd {
			if want != e.On {
				if err := chkconfig.SetXinetd(k.FS, e.Name, want); err != nil {
					errs = append(errs, err)
				}
			}
			continue
		}
		if levels == "" {
			continue
		}
		if err := chkconfig.Set(k.FS, e.Name, levels, want); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// NtsysvErrText renders NtsysvCommit's error as the lines ntsysv prints.
func NtsysvErrText(err error) string {
	if err == nil {
		return ""
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var b strings.Builder
	for _, e := range errs {
		var se *chkconfig.SymlinkError
		var pe *fs.PathError
		switch {
		case errors.As(e, &se):
			b.WriteString(se.Error())
		case errors.As(e, &pe):
			b.WriteString(pe.Path + ": " + Strerror(pe.Err))
		default:
			b.WriteString(e.Error())
		}
		b.WriteByte('\n')
	}
	return b.String()
}
