package shell

import (
	"errors"
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rclab/sim/internal/cmds"
)

// ExpandPrompt expands bash 3.2's prompt escapes in ps (PS1, PS2) for the
// shell: \u the user the shell runs as, \h and \H the host name, \w and
// \W the working directory (~ for $HOME), \$ "#" for root and "$" for
// the others, \s the shell's name, \v and \V its version, \t \T \A \d
// the machine's clock, \n, \e, \\, and \[ \] (dropped). An empty ps
// expands to "".
func (s *Shell) ExpandPrompt(ps string) string {
	if ps == "" {
		return ""
	}
	k := s.opts.Kernel
	uid, _ := s.cred()
	sign := "#"
	if uid != 0 {
		sign = "$"
	}
	home := s.Var("HOME")
	dir := s.Dir()
	var b strings.Builder
	for i := 0; i < len(ps); i++ {
		c := ps[i]
		if c != '\\' || i+1 == len(ps) {
			b.WriteByte(c)
			continue
		}
		i++
		switch ps[i] {
		case 'u':
			// bash names the user it runs as, whatever $USER says.
			if uid == 0 {
				b.WriteString("root")
			} else {
				b.WriteString(cmds.ReadPasswd(k).Name(uid))
			}
		case 'h':
			h, _, _ := strings.Cut(k.Hostname(), ".")
			b.WriteString(h)
		case 'H':
			b.WriteString(k.Hostname())
		case 'w':
			if home != "" && (dir == home || strings.HasPrefix(dir, home+"/")) {
				b.WriteString("~" + dir[len(home):])
			} else {
				b.WriteString(dir)
			}
		case 'W':
			switch {
			case dir == home:
				b.WriteString("~")
			case dir == "/":
				b.WriteString("/")
			default:
				b.WriteString(path.Base(dir))
			}
		case '$':
			b.WriteString(sign)
		case 's':
			b.WriteString(path.Base(strings.TrimPrefix(s.opts.Name, "-")))
		case 'v':
			b.WriteString("3.2")
		case 'V':
			b.WriteString("3.2.25")
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteString(k.Clock.Now().Format("15:04:05"))
		case 'T':
			b.WriteString(k.Clock.Now().Format("03:04:05"))
		case 'A':
			b.WriteString(k.Clock.Now().Format("15:04"))
		case 'd':
			b.WriteString(k.Clock.Now().Format("Mon Jan 02"))
		case 'e':
			b.WriteByte(0x1b)
		case '[', ']':
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(ps[i])
		}
	}
	return b.String()
}

// Incomplete reports whether a parse error of typed input means more
// lines could finish it: an open construct, or a here-document still
// waiting for its delimiter (the parser marks a quoted delimiter's as a
// plain error). A shell reading a terminal then prompts with PS2.
func Incomplete(err error) bool {
	var pe syntax.ParseError
	return syntax.IsIncomplete(err) || errors.As(err, &pe) && strings.HasPrefix(pe.Text, "unclosed here-document")
}
