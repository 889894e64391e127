package cmds

// awk and gawk as GNU Awk 3.1.5 on CentOS 5. The language itself lives in
// rclab/sim/internal/awk; this file parses gawk's options and connects the
// interpreter to the machine: files on vfs, pipes and system() through
// /bin/sh, and POSIX regular expressions through compilePOSIX.

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"

	"rclab/sim/internal/awk"
)

func init() {
	for _, name := range []string{"awk", "gawk"} {
		Register(Command{
			Name:    name,
			Dirs:    []string{"/bin"},
			Summary: "pattern scanning and processing language",
			Usage:   name + " [POSIX or GNU style options] [--] 'program' file ...",
			Main:    awkMain,
		})
	}
}

const awkUsage = `Usage: %[1]s [POSIX or GNU style options] -f progfile [--] file ...
Usage: %[1]s [POSIX or GNU style options] [--] 'program' file ...
POSIX options:		GNU long options:
	-f progfile		--file=progfile
	-F fs			--field-separator=fs
	-v var=val		--assign=var=val
	-m[fr] val
	-W compat		--compat
	-W copyleft		--copyleft
	-W copyright		--copyright
	-W dump-variables[=file]	--dump-variables[=file]
	-W gen-po		--gen-po
	-W help			--help
	-W lint[=fatal]		--lint[=fatal]
	-W lint-old		--lint-old
	-W non-decimal-data	--non-decimal-data
	-W profile[=file]	--profile[=file]
	-W posix		--posix
	-W re-interval		--re-interval
	-W source=program-text	--source=program-text
	-W traditional		--traditional
	-W usage		--usage
	-W version		--version

To report bugs, see node ` + "`Bugs' in `gawk.info'" + `, which is
section ` + "`Reporting Problems and Bugs'" + ` in the printed version.

gawk is a pattern scanning and processing language.
By default it reads standard input and writes standard output.

Examples:
	gawk '{ sum += $1 }; END { print sum }' file
	gawk -F: '{ print $1 }' /etc/passwd
`

const awkVersion = `GNU Awk 3.1.5
Copyright (C) 1989, 1991-2005 Free Software Foundation.

This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program; if not, write to the Free Software
Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301, USA.
`

var awkLongOpts = []LongOpt{
	{Name: "field-separator", Arg: RequiredArg, Short: 'F'},
	{Name: "file", Arg: RequiredArg, Short: 'f'},
	{Name: "assign", Arg: RequiredArg, Short: 'v'},
	{Name: "source", Arg: RequiredArg},
	{Name: "re-interval"},
	{Name: "posix"},
	{Name: "traditional"},
	{Name: "compat"},
	{Name: "lint", Arg: OptionalArg},
	{Name: "lint-old"},
	{Name: "non-decimal-data"},
	{Name: "gen-po"},
	{Name: "profile", Arg: OptionalArg},
	{Name: "dump-variables", Arg: OptionalArg},
	{Name: "copyleft"},
	{Name: "copyright"},
	{Name: "version"},
	{Name: "usage"},
	{Name: "help"},
}

func awkMain(p *Proc) int {
	name := p.Name()
	usage := func(w io.Writer, status int) int {
		fmt.Fprintf(w, awkUsage, name)
		return status
	}
	if len(p.Args) < 2 {
		return usage(p.Stderr, 1)
	}
	opts, operands, err := Getopt(p.Args[1:], "+F:f:v:W:m:", awkLongOpts)
	if err != nil {
		// gawk reports only a missing argument itself; any other bad
		// option ends the options and, with no program, gives the usage.
		if strings.HasPrefix(err.Error(), "option requires an argument") {
			fmt.Fprintf(p.Stderr, "%s: %v\n", name, err)
		}
		return usage(p.Stderr, 1)
	}
	var srcs []awk.Source
	var assigns []string
	reInterval := false
	for _, o := range opts {
		if o.Name == "W" {
			// -W long-option[=value]
			n, v, has := strings.Cut(o.Arg, "=")
			lo, err := findLong(awkLongOpts, n)
			if err != nil {
				fmt.Fprintf(p.Stderr, "%s: option `-W %s' unrecognized, ignored\n", name, o.Arg)
				continue
			}
			o = Opt{Name: lo.Name, Arg: v, HasArg: has}
			if lo.Short != 0 {
				o.Name = string(lo.Short)
			}
		}
		switch o.Name {
		case "F":
			assigns = append(assigns, "FS="+o.Arg)
		case "v":
			if !awkIsAssignment(o.Arg) {
				fmt.Fprintf(p.Stderr, "%s: `%s' argument to `-v' not in `var=value' form\n", name, o.Arg)
				return usage(p.Stderr, 1)
			}
			assigns = append(assigns, o.Arg)
		case "f":
			text, err := awkReadSource(p, o.Arg)
			if err != nil {
				fmt.Fprintf(p.Stderr, "%s: fatal: can't open source file `%s' for reading (%s)\n", name, o.Arg, Strerror(err))
				return 2
			}
			srcs = append(srcs, awk.Source{Name: o.Arg, Text: text})
		case "source":
			if o.Arg == "" {
				fmt.Fprintf(p.Stderr, "%s: warning: empty argument to `--source' ignored\n", name)
				continue
			}
			srcs = append(srcs, awk.Source{Name: "cmd. line", Text: o.Arg})
		case "re-interval", "posix":
			reInterval = true
		case "version", "copyleft", "copyright":
			text := awkVersion
			if o.Name != "version" {
				text = text[strings.Index(text, "\n")+1:]
			}
			io.WriteString(p.Stdout, text)
			return 0
		case "usage", "help":
			return usage(p.Stdout, 0)
		}
	}
	if len(srcs) == 0 {
		if len(operands) == 0 {
			return usage(p.Stderr, 1)
		}
		srcs = []awk.Source{{Name: "cmd. line", Text: operands[0]}}
		operands = operands[1:]
	}
	cfg := awk.Config{
		Name:       name,
		Sources:    srcs,
		Args:       operands,
		Assigns:    assigns,
		ReInterval: reInterval,
		Stdin:      p.Stdin,
		Stdout:     p.Stdout,
		Stderr:     p.Stderr,
		Environ:    p.Environ,
		Open:       func(file string) (io.ReadCloser, error) { return awkOpen(p, file) },
		Create: func(file string, appendTo bool) (io.WriteCloser, error) {
			flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			if appendTo {
				flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
			}
			return p.userFS().OpenFile(p.Abs(file), flag, 0o666&^p.Umask)
		},
		Regexp:   func(ere string) (*regexp.Regexp, error) { return compilePOSIX(ere, true, false) },
		Strerror: Strerror,
	}
	if p.Run != nil {
		cfg.Exec = func(command string, stdin io.Reader, stdout io.Writer) int {
			return p.Run([]string{"/bin/sh", "-c", command}, stdin, stdout, nil)
		}
	}
	ctx := p.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	return awk.Run(ctx, cfg)
}

func awkIsAssignment(s string) bool {
	n, _, ok := strings.Cut(s, "=")
	if !ok || n == "" {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func awkReadSource(p *Proc, file string) (string, error) {
	if file == "-" || file == "/dev/stdin" {
		data, err := io.ReadAll(p.Stdin)
		return string(data), err
	}
	f, err := p.userFS().Open(p.Abs(file))
	if err != nil {
		return "", err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return "", &fs.PathError{Op: "read", Path: file, Err: syscall.EISDIR}
	}
	data, err := io.ReadAll(f)
	return string(data), err
}

// awkOpen opens an input file; a directory opens, as on Linux, but its
// reading fails with EISDIR.
func awkOpen(p *Proc, file string) (io.ReadCloser, error) {
	f, err := p.userFS().Open(p.Abs(file))
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return io.NopCloser(awkErrReader{&fs.PathError{Op: "read", Path: file, Err: syscall.EISDIR}}), nil
	}
	return f, nil
}

type awkErrReader struct{ err error }

func (r awkErrReader) Read([]byte) (int, error) { return 0, r.err }
