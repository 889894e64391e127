package cmds

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"rclab/sim/internal/chkconfig"
)

// chkconfig is Red Hat's chkconfig 1.3.30.2 (CentOS 5): the engine in
// package chkconfig does the work; this file is its command line (popt),
// messages and output.

const chkconfigVersion = "1.3.30.2"

func init() {
	Register(Command{
		Name:    "chkconfig",
		Dirs:    []string{"/sbin"},
		Summary: "updates and queries runlevel information for system services",
		Usage:   "chkconfig --list [name] | --add <name> | --del <name> | [--level <levels>] <name> <on|off|reset|resetpriorities>",
		Main:    chkconfigMain,
	})
}

// chkOpts is chkconfig's command line after popt.
type chkOpts struct {
	add, del, list, help, version bool
	levels                        string
	hasLevels                     bool
	args                          []string
}

// chkconfigParse parses the command line as popt 1.10 does for chkconfig's
// option table: long options only by their full name (no abbreviations),
// "--level=35" or "--level 35", -h and -v clustered, options anywhere, "--"
// ending them. On error it returns the offending argument and popt's
// message ("unknown option", "missing argument").
func chkconfigParse(args []string) (o chkOpts, bad, msg string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			o.args = append(o.args, args[i+1:]...)
			return o, "", ""
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			switch name {
			case "add":
				o.add = true
			case "del":
				o.del = true
			case "list":
				o.list = true
			case "help":
				o.help = true
			case "version":
				o.version = true
			case "level", "levels":
				v, last, ok := poptArg(args, i, val, hasVal)
				if !ok {
					return o, a, "missing argument"
				}
				i, o.levels, o.hasLevels = last, v, true
			default:
				return o, a, "unknown option"
			}
		case len(a) > 1 && a[0] == '-':
			for j := 1; j < len(a); j++ {
				switch a[j] {
				case 'h':
					o.help = true
				case 'v':
					o.version = true
				default:
					return o, a, "unknown option"
				}
			}
		default:
			o.args = append(o.args, a)
		}
	}
	return o, "", ""
}

// poptArg is the value of the long option args[i] that takes one, as
// popt reads it: val when the word held "=" (hasVal), else the next
// word. last is the index of the last word used; ok is false when the
// value is missing.
func poptArg(args []string, i int, val string, hasVal bool) (v string, last int, ok bool) {
	switch {
	case hasVal:
		return val, i, true
	case i+1 < len(args):
		return args[i+1], i + 1, true
	}
	return "", i, false
}

func chkconfigUsage(p *Proc) int {
	n := p.Name()
	fmt.Fprintf(p.Stderr, "%s version %s - Copyright (C) 1997-2000 Red Hat, Inc.\n", n, chkconfigVersion)
	fmt.Fprintf(p.Stderr, "This may be freely redistributed under the terms of the GNU Public License.\n")
	fmt.Fprintf(p.Stderr, "\n")
	fmt.Fprintf(p.Stderr, "usage:   %s --list [name]\n", n)
	fmt.Fprintf(p.Stderr, "         %s --add <name>\n", n)
	fmt.Fprintf(p.Stderr, "         %s --del <name>\n", n)
	fmt.Fprintf(p.Stderr, "         %s [--level <levels>] <name> %s\n", n, "<on|off|reset|resetpriorities>")
	return 1
}

func chkconfigMain(p *Proc) int {
	o, bad, msg := chkconfigParse(p.Args[1:])
	if bad != "" {
		fmt.Fprintf(p.Stderr, "%s: %s\n", bad, msg)
		return 1
	}
	if o.version {
		fmt.Fprintf(p.Stdout, "%s version %s\n", p.Name(), chkconfigVersion)
		return 0
	}
	if o.help || len(p.Args) == 1 {
		return chkconfigUsage(p)
	}
	if n := btoi(o.list) + btoi(o.add) + btoi(o.del); n > 1 {
		fmt.Fprintf(p.Stderr, "only one of --list, --add, or --del may be specified\n")
		return 1
	}
	fsys := p.Sys.FS
	switch {
	case o.add, o.del:
		if len(o.args) != 1 || o.args[0] == "" {
			return chkconfigUsage(p)
		}
		if !chkPrivileged(p) {
			// Checked once the service is known; xinetd services have
			// nothing to add or delete.
			if svc, err := chkconfig.Lookup(fsys, o.args[0]); err == nil && !svc.Xinetd {
				return chkNoPrivileges(p)
			}
		}
		if o.add {
			err := chkconfig.Add(fsys, o.args[0])
			return chkconfigReport(p, err, func(err error) bool {
				var g *chkconfig.GlobError
				return errors.As(err, &g) && g.Fatal
			})
		}
		err := chkconfig.Del(fsys, o.args[0])
		return chkconfigReport(p, err, func(error) bool { return false })
	case o.list:
		switch len(o.args) {
		case 0:
			return chkconfigListAll(p)
		case 1:
			return chkconfigListOne(p, o.args[0])
		}
		return chkconfigUsage(p)
	}
	if o.hasLevels && !validLevels(o.levels) {
		return chkconfigUsage(p)
	}
	if len(o.args) == 0 {
		return chkconfigUsage(p)
	}
	name := o.args[0]
	if len(o.args) == 1 {
		return chkconfigQuery(p, name, o)
	}
	// Like the real one, chkconfig ignores anything after the state.
	state := o.args[1]
	switch state {
	case "on", "off", "reset", "resetpriorities":
	default:
		return chkconfigUsage(p)
	}
	svc, err := chkconfig.Lookup(fsys, name)
	if err != nil {
		fmt.Fprintln(p.Stderr, err.Error())
		return 1
	}
	if !chkPrivileged(p) {
		return chkNoPrivileges(p)
	}
	switch state {
	case "on", "off":
		err = chkconfig.Set(fsys, name, o.levels, state == "on")
	case "reset":
		err = chkconfig.Reset(fsys, name, o.levels)
	case "resetpriorities":
		err = chkconfig.ResetPriorities(fsys, name, o.levels)
	}
	if svc.Xinetd {
		if err != nil {
			// The rewrite failed: chkconfig exits 1 without a word.
			return 1
		}
		if p.Run != nil {
			p.Run([]string{"/etc/init.d/xinetd", "reload"}, nil, io.Discard, io.Discard)
		}
		return 0
	}
	return chkconfigReport(p, err, func(err error) bool {
		var g *chkconfig.GlobError
		var s *chkconfig.SymlinkError
		return errors.As(err, &s) || errors.As(err, &g) && g.Fatal
	})
}

// chkPrivileged is chkconfig's check before it changes anything: that
// its user may read and write /etc/rc.d/rc3.d (access(2)), which only
// root may on a stock system.
func chkPrivileged(p *Proc) bool {
	u := p.userFS()
	if u.uid == 0 {
		return true
	}
	fi, err := u.Stat(chkconfig.RCDir + "/rc3.d")
	return err == nil && u.may(fi, 6)
}

// chkNoPrivileges refuses a change to a user chkPrivileged turned down.
func chkNoPrivileges(p *Proc) int {
	fmt.Fprintln(p.Stderr, "You do not have enough privileges to perform this operation.")
	return 1
}

// chkconfigReport prints the messages of an operation's errors in order
// and returns 1 when one of them makes chkconfig fail.
func chkconfigReport(p *Proc, err error, fails func(error) bool) int {
	if err == nil {
		return 0
	}
	var se *chkconfig.ServiceError
	if errors.As(err, &se) {
		fmt.Fprintln(p.Stderr, se.Error())
		return 1
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	status := 0
	for _, e := range errs {
		fmt.Fprintln(p.Stderr, e.Error())
		if fails(e) {
			status = 1
		}
	}
	return status
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func validLevels(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '6' {
			return false
		}
	}
	return true
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// chkconfigListAll is "chkconfig --list": the SysV services, then the
// xinetd section when xinetd is on in some level.
func chkconfigListAll(p *Proc) int {
	fsys := p.Sys.FS
	if err := chkOpendir(p, chkconfig.InitDir); err != nil {
		fmt.Fprintf(p.Stderr, "failed to open %s: %s\n", chkconfig.InitDir, Strerror(err))
		return 1
	}
	var b bytes.Buffer
	b.Grow(8192)
	xinetdOn := false
	for _, s := range chkconfig.ListSysV(fsys) {
		b.WriteString(s.Name)
		for i := len(s.Name); i < 15; i++ {
			b.WriteByte(' ')
		}
		for l, on := range s.On {
			b.WriteByte('\t')
			b.WriteByte(byte('0' + l))
			b.WriteByte(':')
			b.WriteString(onOff(on))
			if on && s.Name == "xinetd" {
				xinetdOn = true
			}
		}
		b.WriteByte('\n')
	}
	if xinetdOn {
		b.WriteString("\nxinetd based services:\n")
		if chkOpendir(p, chkconfig.XinetdDir) != nil {
			// chkconfig prints a stale errno here, which is 0.
			p.Stdout.Write(b.Bytes())
			fmt.Fprintf(p.Stderr, "failed to open directory %s: Success\n", chkconfig.XinetdDir)
			return 1
		}
		var line []byte
		for _, x := range chkconfig.Xinetd(fsys) {
			// As "\t%-15s\t%s\n" of NAME: and on or off.
			line = append(line[:0], '\t')
			line = padRight2(line, x.Name, ":", "", 15)
			line = append(line, '\t')
			line = append(line, onOff(x.Enabled)...)
			line = append(line, '\n')
			b.Write(line)
		}
	}
	p.Stdout.Write(b.Bytes())
	return 0
}

// chkOpendir fails as opendir(3) would on dir.
func chkOpendir(p *Proc, dir string) error {
	fi, err := p.Sys.FS.Stat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return syscall.ENOTDIR
	}
	return nil
}

// chkconfigListOne is "chkconfig --list NAME".
func chkconfigListOne(p *Proc, name string) int {
	fsys := p.Sys.FS
	s, err := chkconfig.Lookup(fsys, name)
	if err != nil {
		fmt.Fprintln(p.Stderr, err.Error())
		return 1
	}
	if s.Xinetd {
		fmt.Fprintf(p.Stdout, "%-15s\t%s\n", name, onOff(s.Enabled))
		return 0
	}
	// The levels looked at to find a link are not looked at again.
	var known [7]bool
	looked := 0
	linked := false
	for l := 0; l < 7 && !linked; l++ {
		on, ok, err := chkconfig.State(fsys, name, l)
		if err != nil {
			fmt.Fprintln(p.Stderr, err.Error())
			return 1
		}
		known[l], looked = on, l+1
		linked = ok
	}
	if !linked {
		fmt.Fprintln(p.Stderr, (&chkconfig.ServiceError{Name: name, Err: chkconfig.ErrNotReferenced}).Error())
		return 1
	}
	b := make([]byte, 0, 64)
	b = padRight(b, name, 15)
	for l := 0; l < 7; l++ {
		on := known[l]
		if l >= looked {
			var err error
			if on, _, err = chkconfig.State(fsys, name, l); err != nil {
				// chkconfig exits in the middle of the line.
				p.Stdout.Write(b)
				fmt.Fprintln(p.Stderr, err.Error())
				return 1
			}
		}
		b = append(b, '\t', byte('0'+l), ':')
		b = append(b, onOff(on)...)
	}
	b = append(b, '\n')
	p.Stdout.Write(b)
	return 0
}

// chkconfigQuery is "chkconfig [--level N] NAME": the exit status says
// whether the service is on in level N or the current runlevel; an xinetd
// service is on when its file enables it and xinetd is on there.
func chkconfigQuery(p *Proc, name string, o chkOpts) int {
	level := -1
	if o.hasLevels {
		distinct := 0
		for i := 0; i < len(o.levels); i++ {
			if strings.IndexByte(o.levels[:i], o.levels[i]) < 0 {
				distinct++
			}
		}
		if distinct > 1 {
			fmt.Fprintf(p.Stderr, "only one runlevel may be specified for a chkconfig query\n")
			return 1
		}
		level = int(o.levels[0] - '0')
	}
	fsys := p.Sys.FS
	s, err := chkconfig.Lookup(fsys, name)
	if err != nil {
		return 1
	}
	if level == -1 {
		_, cur := p.Sys.Runlevel()
		if cur < '0' || cur > '9' {
			fmt.Fprintf(p.Stderr, "cannot determine current run level\n")
			return 1
		}
		level = int(cur - '0')
	}
	of := name
	if s.Xinetd {
		of = "xinetd"
	}
	on, _, err := chkconfig.State(fsys, of, level)
	if err != nil {
		fmt.Fprintln(p.Stderr, err.Error())
		return 1
	}
	if !on || s.Xinetd && !s.Enabled {
		return 1
	}
	return 0
}
