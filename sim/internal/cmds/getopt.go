package cmds

import (
	"fmt"
	"strings"
)

// Arg says whether a long option takes an argument.
type Arg int

// Argument kinds of a long option.
const (
	NoArg       Arg = iota // --all
	RequiredArg            // --width=N or --width N
	OptionalArg            // --color or --color=WHEN
)

// LongOpt declares a GNU long option. Short, when set, is the short option it
// is an alias of; the parsed Opt then carries that letter.
type LongOpt struct {
	Name  string
	Arg   Arg
	Short byte
}

// Opt is one parsed option: Name is the short letter ("l") or the long name
// ("color") when it has no short alias; Arg its argument, HasArg whether one
// was given (for optional arguments).
type Opt struct {
	Name   string
	Arg    string
	HasArg bool
}

// UsageError is a command-line error worded as glibc 2.5's getopt words it.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Getopt parses args (without argv[0]) like glibc's getopt_long: short
// options may be grouped (-al), a short option's argument may be attached
// (-k2) or follow, long options may be abbreviated to a unique prefix, and
// options and operands may be mixed unless short begins with '+'. "--" ends
// the options; "-" is an operand.
func Getopt(args []string, short string, long []LongOpt) (opts []Opt, operands []string, err error) {
	posix := strings.HasPrefix(short, "+")
	short = strings.TrimPrefix(short, "+")
	// addOpt and addOperand size the results once, on first use, for the
	// most they can hold: nothing is allocated for a result that stays
	// empty (nil), and nothing is grown.
	addOpt := func(i int, o Opt) {
		if opts == nil {
			opts = make([]Opt, 0, getoptMaxOpts(args[i:]))
		}
		opts = append(opts, o)
	}
	addOperand := func(i int, a string) {
		if operands == nil {
			operands = make([]string, 0, len(args)-i)
		}
		operands = append(operands, a)
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return opts, append(operands, args[i+1:]...), nil
		case strings.HasPrefix(a, "--") && len(long) > 0:
			name, val, hasVal := strings.Cut(a[2:], "=")
			lo, err := findLong(long, name)
			if err != nil {
				return nil, nil, err
			}
			o := Opt{Name: lo.Name}
			if lo.Short != 0 {
				o.Name = byteString(lo.Short)
			}
			switch lo.Arg {
			case NoArg:
				if hasVal {
					return nil, nil, &UsageError{fmt.Sprintf("option `--%s' doesn't allow an argument", lo.Name)}
				}
			case RequiredArg:
				if hasVal {
					o.Arg, o.HasArg = val, true
				} else if i+1 < len(args) {
					i++
					o.Arg, o.HasArg = args[i], true
				} else {
					return nil, nil, &UsageError{fmt.Sprintf("option `--%s' requires an argument", lo.Name)}
				}
			case OptionalArg:
				o.Arg, o.HasArg = val, hasVal
			}
			addOpt(i, o)
		case len(a) > 1 && a[0] == '-':
			at := i
		shorts:
			for j := 1; j < len(a); j++ {
				c := a[j]
				k := strings.IndexByte(short, c)
				if k < 0 || c == ':' {
					return nil, nil, &UsageError{fmt.Sprintf("invalid option -- %c", c)}
				}
				takes := k+1 < len(short) && short[k+1] == ':'
				if !takes {
					addOpt(at, Opt{Name: a[j : j+1]})
					continue
				}
				switch {
				case j+1 < len(a):
					addOpt(at, Opt{Name: a[j : j+1], Arg: a[j+1:], HasArg: true})
				case i+1 < len(args):
					i++
					addOpt(at, Opt{Name: a[j : j+1], Arg: args[i], HasArg: true})
				default:
					return nil, nil, &UsageError{fmt.Sprintf("option requires an argument -- %c", c)}
				}
				break shorts
			}
		default:
			if posix {
				return opts, append(operands, args[i:]...), nil
			}
			addOperand(i, a)
		}
	}
	return opts, operands, nil
}

// getoptMaxOpts is the most options args can give: one per long option,
// one per letter of a short group.
func getoptMaxOpts(args []string) int {
	n := 0
	for _, a := range args {
		switch {
		case a == "--":
			return n
		case strings.HasPrefix(a, "--"):
			n++
		case len(a) > 1 && a[0] == '-':
			n += len(a) - 1
		}
	}
	return n
}

// byteStrings holds the one-byte strings, so that naming a short option
// allocates nothing.
var byteStrings = func() (t [256]string) {
	for i := range t {
		t[i] = string([]byte{byte(i)})
	}
	return t
}()

// byteString returns the string of the single byte c.
func byteString(c byte) string { return byteStrings[c] }

func findLong(long []LongOpt, name string) (LongOpt, error) {
	var first LongOpt
	n := 0
	for _, lo := range long {
		if lo.Name == name {
			return lo, nil
		}
		if strings.HasPrefix(lo.Name, name) {
			if n == 0 {
				first = lo
			}
			n++
		}
	}
	switch n {
	case 1:
		return first, nil
	case 0:
		return LongOpt{}, &UsageError{fmt.Sprintf("unrecognized option `--%s'", name)}
	}
	return LongOpt{}, &UsageError{fmt.Sprintf("option `--%s' is ambiguous", name)}
}

// BadUsage prints a getopt error the way coreutils do, followed by the
// "Try `NAME --help'" line, and returns status.
func (p *Proc) BadUsage(err error, status int) int {
	fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
	fmt.Fprintf(p.Stderr, "Try `%s --help' for more information.\n", p.Name())
	return status
}
