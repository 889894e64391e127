package cmds

// sed as GNU sed 4.1.5 on CentOS 5: the script compiler (with sed's own
// error wording and "char N" positions) and the executor, reading and
// writing the machine's filesystem only.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"rclab/vfs"
)

func init() {
	Register(Command{
		Name:    "sed",
		Dirs:    []string{"/bin"},
		Summary: "stream editor for filtering and transforming text",
		Usage:   "sed [OPTION]... {script-only-if-no-other-script} [input-file]...",
		Main:    sedMain,
	})
}

const sedUsage = `Usage: %s [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if extension supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the ` + "`l'" + ` command
  --posix
                 disable all GNU extensions.
  -r, --regexp-extended
                 use extended regular expressions in the script.
  -s, --separate
                 consider files as separate rather than as a single
                 continuous long stream.
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

E-mail bug reports to: <bug-gnu-utils@gnu.org> .
Be sure to include the word ` + "``sed''" + ` somewhere in the ` + "``Subject:''" + ` field.
`

const sedVersion = `GNU sed version 4.1.5
Copyright (C) 2003 Free Software Foundation, Inc.
This is free software; see the source for copying conditions.  There is NO
warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE,
to the extent permitted by law.
`

// sed exit statuses (sed 4.1.5).
const (
	sedExitBadProg   = 1 // an invalid script
	sedExitBadInput  = 2 // an input file could not be read
	sedExitBadUsage  = 4 // bad options (usage printed)
	sedExitPanic     = 4 // I/O errors
	sedDefaultLength = 70
)

var sedLongOpts = []LongOpt{
	{Name: "quiet", Short: 'n'},
	{Name: "silent", Short: 'n'},
	{Name: "expression", Arg: RequiredArg, Short: 'e'},
	{Name: "file", Arg: RequiredArg, Short: 'f'},
	{Name: "in-place", Arg: OptionalArg},
	{Name: "line-length", Arg: RequiredArg, Short: 'l'},
	{Name: "regexp-extended", Short: 'r'},
	{Name: "separate", Short: 's'},
	{Name: "unbuffered", Short: 'u'},
	{Name: "posix"},
	{Name: "help"},
	{Name: "version"},
}

// sedInPlaceArgs rewrites -i[SUFFIX] (an optional argument, which Getopt's
// short options cannot express) into --in-place[=SUFFIX], leaving the
// arguments of -e, -f and -l alone.
func sedInPlaceArgs(args []string) []string {
	out := make([]string, 0, len(args))
	skip := false
	for i, a := range args {
		switch {
		case skip:
			skip = false
			out = append(out, a)
		case a == "--":
			return append(out, args[i:]...)
		case strings.HasPrefix(a, "--"):
			name := strings.TrimPrefix(a, "--")
			if !strings.Contains(name, "=") && name != "" {
				for _, lo := range sedLongOpts {
					if lo.Arg == RequiredArg && strings.HasPrefix(lo.Name, name) {
						skip = true
					}
				}
			}
			out = append(out, a)
		case len(a) > 1 && a[0] == '-':
			cluster := "-"
			var extra []string
		scan:
			for j := 1; j < len(a); j++ {
				switch c := a[j]; c {
				case 'e', 'f', 'l':
					cluster += a[j:]
					if j == len(a)-1 {
						skip = true
					}
					break scan
				case 'i':
					if j+1 < len(a) {
						extra = append(extra, "--in-place="+a[j+1:])
					} else {
						extra = append(extra, "--in-place")
					}
					break scan
				default:
					cluster += string(c)
				}
			}
			if cluster != "-" {
				out = append(out, cluster)
			}
			out = append(out, extra...)
		default:
			out = append(out, a)
		}
	}
	return out
}

func sedMain(p *Proc) int {
	args := sedInPlaceArgs(p.Args[1:])
	opts, operands, err := Getopt(args, "nrsue:f:l:", sedLongOpts)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprintf(p.Stderr, sedUsage, p.Name())
		return sedExitBadUsage
	}
	cfg := sedConfig{lineLen: sedDefaultLength}
	var pieces []sedPiece
	exprs := 0
	for _, o := range opts {
		switch o.Name {
		case "n":
			cfg.quiet = true
		case "r":
			cfg.ere = true
		case "s":
			cfg.separate = true
		case "u", "posix":
		case "e":
			exprs++
			pieces = append(pieces, sedPiece{text: o.Arg, expr: exprs})
		case "f":
			text, err := sedReadScript(p, o.Arg)
			if err != nil {
				fmt.Fprintf(p.Stderr, "%s: couldn't open file %s: %s\n", p.Name(), o.Arg, Strerror(err))
				return sedExitPanic
			}
			pieces = append(pieces, sedPiece{text: text, file: o.Arg})
		case "l":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n < 0 {
				fmt.Fprintf(p.Stderr, "%s: invalid line length: %s\n", p.Name(), o.Arg)
				return sedExitBadUsage
			}
			cfg.lineLen = n
		case "in-place":
			cfg.inPlace, cfg.suffix = true, o.Arg
			cfg.separate = true
		case "help":
			fmt.Fprintf(p.Stdout, sedUsage, p.Name())
			return 0
		case "version":
			io.WriteString(p.Stdout, sedVersion)
			return 0
		}
	}
	if len(pieces) == 0 {
		if len(operands) == 0 {
			fmt.Fprintf(p.Stderr, sedUsage, p.Name())
			return sedExitBadUsage
		}
		pieces = []sedPiece{{text: operands[0], expr: 1}}
		operands = operands[1:]
	}
	prog, err := sedCompile(pieces, cfg.ere, func(name string) (*sedOut, error) {
		return sedOpenW(p, name)
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		if se, ok := err.(*sedError); ok && se.status != 0 {
			return se.status
		}
		return sedExitBadProg
	}
	if prog.quiet {
		cfg.quiet = true
	}
	r := &sedRun{p: p, prog: prog, cfg: cfg, out: &sedOut{w: p.Stdout}}
	defer r.closeFiles()
	return r.run(operands)
}

func sedReadScript(p *Proc, name string) (string, error) {
	if name == "-" {
		data, err := io.ReadAll(p.Stdin)
		return string(data), err
	}
	f, err := p.userFS().Open(p.Abs(name))
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return string(data), err
}

// sedOpenW opens a w file when the script is compiled, truncating it, as
// sed does.
func sedOpenW(p *Proc, name string) (*sedOut, error) {
	switch name {
	case "/dev/stdout":
		return &sedOut{w: p.Stdout}, nil
	case "/dev/stderr":
		return &sedOut{w: p.Stderr}, nil
	}
	f, err := p.userFS().OpenFile(p.Abs(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666&^p.Umask)
	if err != nil {
		return nil, err
	}
	return &sedOut{w: f, c: f}, nil
}

type sedConfig struct {
	quiet, ere, separate, inPlace bool
	suffix                        string
	lineLen                       int
}

// sedPiece is one -e expression or -f file of the script.
type sedPiece struct {
	text string
	file string // the -f file; "" for an -e expression
	expr int    // the -e expression's number
}

type sedAddrKind int

const (
	addrLine  sedAddrKind = iota // N
	addrLast                     // $
	addrRegex                    // /re/
	addrStep                     // first~step
	addrPlus                     // addr1,+N
	addrMod                      // addr1,~N
	addrNull                     // addr1,+0 or ~0: stops at once
)

type sedAddr struct {
	kind    sedAddrKind
	n, step int
	re      *regexp.Regexp // nil with addrRegex: the last regex used
}

type sedCmd struct {
	a1, a2 *sedAddr
	negate bool
	name   byte

	// range state
	active   bool
	rangeEnd int

	text     string // a, i, c (with its final newline)
	textBuf  strings.Builder
	label    string
	target   int // b, t, T: index of the label; -1: end of script
	intArg   int // q, Q exit status; l line length (-1: default)
	fname    string
	out      *sedOut
	blockEnd int // {: index of the matching }
	subst    *sedSubst
	yFrom    []rune
	yTo      []rune
}

type sedSubst struct {
	re     *regexp.Regexp // nil: the last regex used
	repl   []sedReplPart
	global bool
	print  bool
	nth    int
	out    *sedOut
}

// sedReplPart is a piece of an s replacement: literal text, a group
// (0 for &), or a case conversion (\L \U \l \u \E).
type sedReplPart struct {
	lit   string
	group int // -1: literal
	conv  byte
}

type sedProg struct {
	cmds  []*sedCmd
	quiet bool // the script starts with #n
}

// sedError is a compile error, already positioned: "-e expression #1,
// char 3: unterminated `s' command".
type sedError struct {
	msg    string
	status int // 0: sedExitBadProg
}

func (e *sedError) Error() string { return e.msg }

type sedParser struct {
	src     string
	pos     int
	piece   sedPiece
	ere     bool
	prog    *sedProg
	blocks  []int
	blockAt []sedBlockPos
	labels  map[string]int
	pending *sedCmd
	first   bool
	openW   func(string) (*sedOut, error)
	wfiles  map[string]*sedOut
}

const sedEOF = -1

// sedBlockPos remembers where a { was, for "unmatched `{'".
type sedBlockPos struct {
	piece sedPiece
	src   string
	pos   int
}

// sedCompile compiles the script pieces. openW opens w files; nil means
// they are discarded (for tests of the parser).
func sedCompile(pieces []sedPiece, ere bool, openW func(string) (*sedOut, error)) (prog *sedProg, err error) {
	p := &sedParser{ere: ere, prog: &sedProg{}, labels: map[string]int{}, openW: openW, wfiles: map[string]*sedOut{}}
	if p.openW == nil {
		p.openW = func(string) (*sedOut, error) { return &sedOut{w: io.Discard}, nil }
	}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*sedError)
			if !ok {
				panic(r)
			}
			prog, err = nil, se
		}
	}()
	for i, pc := range pieces {
		p.src, p.pos, p.piece, p.first = pc.text, 0, pc, i == 0
		p.compile()
	}
	if len(p.blocks) > 0 {
		open := p.blockAt[len(p.blockAt)-1]
		p.piece, p.src, p.pos = open.piece, open.src[:open.pos], 0
		if open.piece.file != "" {
			p.pos = open.pos
		}
		p.bad("unmatched `{'")
	}
	if p.pending != nil {
		p.pending.text = sedNormalize(p.pending.textBuf.String(), true)
	}
	for _, c := range p.prog.cmds {
		if c.name == 'b' || c.name == 't' || c.name == 'T' {
			if c.label == "" {
				c.target = -1
				continue
			}
			i, ok := p.labels[c.label]
			if !ok {
				panic(&sedError{msg: fmt.Sprintf("can't find label for jump to `%s'", c.label), status: sedExitPanic})
			}
			c.target = i
		}
	}
	return p.prog, nil
}

func (p *sedParser) bad(msg string) {
	if p.piece.file != "" {
		line := 1 + strings.Count(p.src[:p.pos], "\n")
		panic(&sedError{msg: fmt.Sprintf("file %s line %d: %s", p.piece.file, line, msg)})
	}
	panic(&sedError{msg: fmt.Sprintf("-e expression #%d, char %d: %s", p.piece.expr, p.pos, msg)})
}

func (p *sedParser) in() int {
	if p.pos < len(p.src) {
		p.pos++
		return int(p.src[p.pos-1])
	}
	return sedEOF
}

func (p *sedParser) back(c int) {
	if c != sedEOF {
		p.pos--
	}
}

func (p *sedParser) nonblank() int {
	for {
		c := p.in()
		if c != ' ' && c != '\t' {
			return c
		}
	}
}

func sedIsSpace(c int) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func (p *sedParser) integer(c int) int {
	n := 0
	for c >= '0' && c <= '9' {
		if n < 1<<30 {
			n = n*10 + c - '0'
		}
		c = p.in()
	}
	p.back(c)
	return n
}

func (p *sedParser) compile() {
	if p.pending != nil {
		p.readText(p.pending, '\n')
	}
	for {
		c := p.in()
		for c == ';' || sedIsSpace(c) {
			c = p.in()
		}
		if c == sedEOF {
			return
		}
		cmd := &sedCmd{intArg: -1}
		if a := p.address(c); a != nil {
			if a.kind == addrPlus || a.kind == addrMod || a.kind == addrNull {
				p.bad("invalid usage of +N or ~N as first address")
			}
			cmd.a1 = a
			c = p.nonblank()
			if c == ',' {
				a2 := p.address(p.nonblank())
				if a2 == nil {
					p.bad("unexpected `,'")
				}
				cmd.a2 = a2
				c = p.nonblank()
			}
			if cmd.a1.kind == addrLine && cmd.a1.n == 0 && (cmd.a2 == nil || cmd.a2.kind != addrRegex) {
				p.bad("invalid usage of line address 0")
			}
		}
		if c == '!' {
			cmd.negate = true
			c = p.nonblank()
			if c == '!' {
				p.bad("multiple `!'s")
			}
		}
		if c == '#' {
			if cmd.a1 != nil {
				p.bad("comments don't accept any addresses")
			}
			c = p.in()
			if c == 'n' && p.first && p.pos == 2 {
				p.prog.quiet = true
			}
			for c != sedEOF && c != '\n' {
				c = p.in()
			}
			continue
		}
		if c >= 0 {
			cmd.name = byte(c)
		}
		p.command(cmd, c)
		p.prog.cmds = append(p.prog.cmds, cmd)
	}
}

func (p *sedParser) command(cmd *sedCmd, c int) {
	switch c {
	case '{':
		p.blocks = append(p.blocks, len(p.prog.cmds))
		p.blockAt = append(p.blockAt, sedBlockPos{p.piece, p.src, p.pos})
	case '}':
		if len(p.blocks) == 0 {
			p.bad("unexpected `}'")
		}
		if cmd.a1 != nil {
			p.bad("`}' doesn't want any addresses")
		}
		p.endOfCmd()
		open := p.blocks[len(p.blocks)-1]
		p.blocks = p.blocks[:len(p.blocks)-1]
		p.blockAt = p.blockAt[:len(p.blockAt)-1]
		p.prog.cmds[open].blockEnd = len(p.prog.cmds)
	case 'a', 'i', 'c':
		c = p.nonblank()
		if c == sedEOF {
			p.bad("expected \\ after `a', `c' or `i'")
		}
		if c == '\\' {
			c = p.in()
		} else {
			p.back(c)
			c = '\n'
		}
		p.readText(cmd, c)
	case ':':
		if cmd.a1 != nil {
			p.bad(": doesn't want any addresses")
		}
		p.labels[p.readLabel()] = len(p.prog.cmds)
	case 'b', 't', 'T':
		cmd.label = p.readLabel()
	case 'q', 'Q', 'l':
		if c != 'l' && cmd.a2 != nil {
			p.bad("command only uses one address")
		}
		c = p.nonblank()
		if c >= '0' && c <= '9' {
			cmd.intArg = p.integer(c)
			c = p.nonblank()
		}
		switch c {
		case '}', '#':
			p.back(c)
		case sedEOF, '\n', ';':
		default:
			p.bad("extra characters after command")
		}
	case '=', 'd', 'D', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'x':
		p.endOfCmd()
	case 'r':
		cmd.fname = p.readFilename()
	case 'w':
		cmd.out = p.wfile(p.readFilename())
	case 's':
		p.subst(cmd)
	case 'y':
		p.y(cmd)
	case sedEOF:
		p.bad("missing command")
	default:
		p.bad("unknown command: `" + string([]byte{byte(c)}) + "'")
	}
}

func (p *sedParser) wfile(name string) *sedOut {
	if o, ok := p.wfiles[name]; ok {
		return o
	}
	o, err := p.openW(name)
	if err != nil {
		panic(&sedError{msg: fmt.Sprintf("couldn't open file %s: %s", name, Strerror(err)), status: sedExitPanic})
	}
	p.wfiles[name] = o
	return o
}

func (p *sedParser) endOfCmd() {
	c := p.nonblank()
	switch c {
	case '}', '#':
		p.back(c)
	case sedEOF, '\n', ';':
	default:
		p.bad("extra characters after command")
	}
}

func (p *sedParser) readLabel() string {
	var b strings.Builder
	c := p.nonblank()
	for c != sedEOF && c != '\n' && c != ' ' && c != '\t' && c != ';' && c != '}' && c != '#' {
		b.WriteByte(byte(c))
		c = p.in()
	}
	p.back(c)
	return b.String()
}

func (p *sedParser) readFilename() string {
	var b strings.Builder
	c := p.nonblank()
	for c != sedEOF && c != '\n' {
		b.WriteByte(byte(c))
		c = p.in()
	}
	return b.String()
}

// readText reads the text of a, i or c; leadin is the first character
// after "a\" ('\n' when the text starts on the next line, or in the
// one-line form). A text cut by the end of an -e continues in the next.
func (p *sedParser) readText(cmd *sedCmd, leadin int) {
	p.pending = nil
	if leadin == sedEOF {
		p.pending = cmd
		return
	}
	b := &cmd.textBuf
	if leadin != '\n' {
		b.WriteByte(byte(leadin))
	}
	c := p.in()
	for c != sedEOF && c != '\n' {
		if c == '\\' {
			c = p.in()
			if c != sedEOF {
				b.WriteByte('\\')
			}
		}
		if c == sedEOF {
			b.WriteByte('\n')
			p.pending = cmd
			return
		}
		b.WriteByte(byte(c))
		c = p.in()
	}
	b.WriteByte('\n')
	cmd.text = sedNormalize(b.String(), true)
}

// sedNormalize interprets GNU sed's escapes as its normalize_text does:
// \a \f \n \r \t \v, \dNNN (decimal), \oNNN (octal), \xHH (hex) and \cX
// (control-X) become the characters, and a backslash before a newline goes.
// Any other escape keeps its backslash for the regex compiler or the
// replacement parser, unless text (a, i, c and y text), where the backslash
// is dropped and the character stands for itself.
func sedNormalize(s string, text bool) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'a':
			b.WriteByte('\a')
		case 'f':
			b.WriteByte('\f')
		case 'n', '\n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case 'd', 'o', 'x':
			base, digits := 10, 3
			if c == 'o' {
				base = 8
			} else if c == 'x' {
				base, digits = 16, 2
			}
			n, used := 0, 0
			for used < digits && i+1+used < len(s) {
				d := strings.IndexByte("0123456789abcdef", s[i+1+used]|0x20)
				if d < 0 || d >= base {
					break
				}
				n = n*base + d
				used++
			}
			if used == 0 {
				b.WriteByte(c)
			} else {
				b.WriteByte(byte(n))
				i += used
			}
		case 'c':
			if i+1 < len(s) {
				i++
				d := s[i]
				if d >= 'a' && d <= 'z' {
					d -= 'a' - 'A'
				}
				b.WriteByte(d ^ 0x40)
			} else if !text {
				b.WriteByte('\\')
			}
		default:
			if !text {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// matchSlash reads up to the unescaped delimiter, as sed's match_slash:
// \delim stands for delim, \n for a newline in a regex, and \ before a
// newline is dropped. ok is false when the text ends first.
func (p *sedParser) matchSlash(delim int, regex bool) (string, bool) {
	if delim == sedEOF || delim == '\n' || delim == '\\' {
		return "", false
	}
	if delim >= 0x80 {
		p.bad("delimiter character is not a single-byte character")
	}
	var b strings.Builder
	c := p.in()
	for c != sedEOF && c != '\n' {
		if c == delim {
			return b.String(), true
		}
		if c == '\\' {
			c = p.in()
			if c == sedEOF {
				break
			}
			switch {
			case c == 'n' && regex:
				c = '\n'
			case c != '\n' && (c != delim || !regex && c == '&'):
				b.WriteByte('\\')
			}
		} else if c == '[' && regex {
			b.WriteByte('[')
			if c = p.bracket(&b); c != ']' {
				break
			}
		}
		b.WriteByte(byte(c))
		c = p.in()
	}
	if c == '\n' {
		p.back(c)
	}
	return "", false
}

// bracket copies a bracket expression after its [ up to its closing ],
// which it returns unwritten, so that a delimiter inside [...] does not
// end the regex; it returns EOF or a newline when the text ends first.
func (p *sedParser) bracket(b *strings.Builder) int {
	c := p.in()
	if c == '^' {
		b.WriteByte('^')
		c = p.in()
	}
	if c == ']' {
		b.WriteByte(']')
		c = p.in()
	}
	for {
		switch c {
		case sedEOF, '\n', ']':
			return c
		case '[':
			b.WriteByte('[')
			c = p.in()
			if c != '.' && c != ':' && c != '=' {
				continue
			}
			delim := c
			b.WriteByte(byte(c))
			c = p.in()
			for {
				if c == sedEOF || c == '\n' {
					return c
				}
				b.WriteByte(byte(c))
				prev := c
				c = p.in()
				if prev == delim && c == ']' {
					b.WriteByte(']')
					c = p.in()
					break
				}
			}
			continue
		}
		b.WriteByte(byte(c))
		c = p.in()
	}
}

func (p *sedParser) address(c int) *sedAddr {
	switch {
	case c == '/' || c == '\\':
		if c == '\\' {
			c = p.in()
		}
		text, ok := p.matchSlash(c, true)
		if !ok {
			p.bad("unterminated address regex")
		}
		icase := false
		for {
			c = p.nonblank()
			switch c {
			case 'I':
				icase = true
				continue
			case 'M':
				continue
			}
			p.back(c)
			break
		}
		return &sedAddr{kind: addrRegex, re: p.regex(text, icase, 0)}
	case c >= '0' && c <= '9':
		a := &sedAddr{kind: addrLine, n: p.integer(c)}
		c = p.nonblank()
		if c != '~' {
			p.back(c)
			return a
		}
		if step := p.integer(p.nonblank()); step > 0 {
			a.kind, a.step = addrStep, step
		}
		return a
	case c == '+' || c == '~':
		a := &sedAddr{kind: addrPlus, step: p.integer(p.nonblank())}
		switch {
		case a.step == 0:
			a.kind = addrNull
		case c == '~':
			a.kind = addrMod
		}
		return a
	case c == '$':
		return &sedAddr{kind: addrLast}
	}
	return nil // c, already read, is the command
}

// regex compiles a sed regex; "" means the last regex used (nil). groups
// is the highest \N the replacement uses.
func (p *sedParser) regex(text string, icase bool, groups int) *regexp.Regexp {
	if text == "" {
		if icase {
			p.bad("cannot specify modifiers on empty regexp")
		}
		return nil
	}
	re, err := compilePOSIX(sedNormalize(text, false), p.ere, icase)
	if err != nil {
		p.bad(err.Error())
	}
	if groups > re.NumSubexp() {
		p.bad(fmt.Sprintf("invalid reference \\%d on `s' command's RHS", groups))
	}
	return re
}

func (p *sedParser) subst(cmd *sedCmd) {
	delim := p.in()
	pattern, ok := p.matchSlash(delim, true)
	if !ok {
		p.bad("unterminated `s' command")
	}
	replText, ok := p.matchSlash(delim, false)
	if !ok {
		p.bad("unterminated `s' command")
	}
	s := &sedSubst{}
	maxRef := 0
	s.repl, maxRef = sedParseRepl(sedNormalize(replText, false))
	icase := false
	seenNum := false
flags:
	for {
		c := p.nonblank()
		switch {
		case c == 'i' || c == 'I':
			icase = true
		case c == 'm' || c == 'M':
		case c == 'p':
			if s.print {
				p.bad("multiple `p' options to `s' command")
			}
			s.print = true
		case c == 'g':
			if s.global {
				p.bad("multiple `g' options to `s' command")
			}
			s.global = true
		case c == 'w':
			s.out = p.wfile(p.readFilename())
			break flags
		case c >= '0' && c <= '9':
			if seenNum {
				p.bad("multiple number options to `s' command")
			}
			seenNum = true
			s.nth = p.integer(c)
			if s.nth == 0 {
				p.bad("number option to `s' command may not be zero")
			}
		case c == '}' || c == '#':
			p.back(c)
			break flags
		case c == '\n' || c == ';' || c == sedEOF:
			break flags
		case c == '\r':
			if p.in() == '\n' {
				break flags
			}
			p.bad("unknown option to `s'")
		default:
			p.bad("unknown option to `s'")
		}
	}
	if s.nth == 0 {
		s.nth = 1
	}
	s.re = p.regex(pattern, icase, maxRef)
	cmd.subst = s
}

// sedParseRepl splits an s replacement into parts and reports the highest
// group it refers to.
func sedParseRepl(text string) ([]sedReplPart, int) {
	var parts []sedReplPart
	var lit strings.Builder
	maxRef := 0
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, sedReplPart{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '&':
			flush()
			parts = append(parts, sedReplPart{group: 0})
		case c == '\\' && i+1 < len(text):
			i++
			d := text[i]
			switch {
			case d >= '0' && d <= '9':
				flush()
				n := int(d - '0')
				if n > maxRef {
					maxRef = n
				}
				parts = append(parts, sedReplPart{group: n})
			case d == 'L' || d == 'U' || d == 'l' || d == 'u' || d == 'E':
				flush()
				parts = append(parts, sedReplPart{group: -1, conv: d})
			default:
				lit.WriteByte(d) // \& and the like
			}
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, maxRef
}

func (p *sedParser) y(cmd *sedCmd) {
	delim := p.in()
	src, ok := p.matchSlash(delim, false)
	if !ok {
		p.bad("unterminated `y' command")
	}
	dst, ok := p.matchSlash(delim, false)
	if !ok {
		p.bad("unterminated `y' command")
	}
	cmd.yFrom, cmd.yTo = []rune(sedNormalize(src, true)), []rune(sedNormalize(dst, true))
	if len(cmd.yFrom) != len(cmd.yTo) {
		p.bad("strings for `y' command are different lengths")
	}
	// unlike other commands, y cannot be followed by } or #
	if c := p.nonblank(); c != sedEOF && c != '\n' && c != ';' {
		p.bad("extra characters after command")
	}
}

// ---- execution

// sedOut is an output stream that remembers whether the last line written
// lacked its newline (a last input line without one), to add it before
// anything else is written, as sed's output_missing_newline does.
type sedOut struct {
	w       io.Writer
	c       io.Closer
	missing bool
}

func (o *sedOut) line(text string, nl bool) {
	o.fix()
	io.WriteString(o.w, text)
	if nl {
		io.WriteString(o.w, "\n")
	}
	o.missing = !nl
}

func (o *sedOut) raw(text string) {
	o.fix()
	io.WriteString(o.w, text)
}

func (o *sedOut) fix() {
	if o.missing {
		io.WriteString(o.w, "\n")
		o.missing = false
	}
}

type sedLine struct {
	text string
	nl   bool
}

// sedInput reads lines from the input files in turn, one line ahead, so
// that $ can be recognised.
type sedInput struct {
	r       *sedRun
	files   []string
	idx     int
	cur     *bufio.Reader
	closer  io.Closer
	ahead   *sedLine
	started bool
}

func (in *sedInput) fill() {
	for in.ahead == nil {
		if in.cur == nil {
			if !in.open() {
				return
			}
		}
		line, err := in.cur.ReadString('\n')
		if err != nil && err != io.EOF {
			in.r.readError(in.files[in.idx-1], err)
		}
		if line == "" {
			in.closeCur()
			continue
		}
		l := &sedLine{text: line}
		if strings.HasSuffix(line, "\n") {
			l.text, l.nl = line[:len(line)-1], true
		}
		in.ahead = l
	}
}

func (in *sedInput) closeCur() {
	if in.closer != nil {
		in.closer.Close()
	}
	in.cur, in.closer = nil, nil
}

func (in *sedInput) open() bool {
	if len(in.files) == 0 && !in.started {
		in.started = true
		in.cur = bufio.NewReader(in.r.p.Stdin)
		return true
	}
	in.started = true
	for in.idx < len(in.files) {
		name := in.files[in.idx]
		in.idx++
		if name == "-" {
			in.cur = bufio.NewReader(in.r.p.Stdin)
			return true
		}
		f, err := in.r.p.userFS().Open(in.r.p.Abs(name))
		if err != nil {
			in.r.cantRead(name, err)
			continue
		}
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			f.Close()
			in.r.readError(name, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR})
			continue
		}
		in.cur, in.closer = bufio.NewReader(f), f
		return true
	}
	return false
}

func (in *sedInput) next() (sedLine, bool) {
	in.fill()
	if in.ahead == nil {
		return sedLine{}, false
	}
	l := *in.ahead
	in.ahead = nil
	return l, true
}

func (in *sedInput) last() bool {
	in.fill()
	return in.ahead == nil
}

type sedRun struct {
	p      *Proc
	prog   *sedProg
	cfg    sedConfig
	out    *sedOut
	in     *sedInput
	ps, hs string
	nl     bool // the current line ended with a newline
	lineNo int
	lastRe *regexp.Regexp
	queue  []sedAppend
	tFlag  bool
	status int
	quit   bool
	exit   int
	steps  int
}

type sedAppend struct {
	text string
	file string
}

type sedPanic struct{ status int }

func (r *sedRun) cantRead(name string, err error) {
	fmt.Fprintf(r.p.Stderr, "%s: can't read %s: %s\n", r.p.Name(), name, Strerror(err))
	r.status = sedExitBadInput
}

func (r *sedRun) readError(name string, err error) {
	fmt.Fprintf(r.p.Stderr, "%s: read error on %s: %s\n", r.p.Name(), name, Strerror(err))
	panic(sedPanic{sedExitPanic})
}

func (r *sedRun) closeFiles() {
	seen := map[*sedOut]bool{}
	for _, c := range r.prog.cmds {
		for _, o := range []*sedOut{c.out, substOut(c)} {
			if o != nil && o.c != nil && !seen[o] {
				seen[o] = true
				o.c.Close()
			}
		}
	}
}

func substOut(c *sedCmd) *sedOut {
	if c.subst != nil {
		return c.subst.out
	}
	return nil
}

func (r *sedRun) run(files []string) (status int) {
	defer func() {
		if rec := recover(); rec != nil {
			sp, ok := rec.(sedPanic)
			if !ok {
				panic(rec)
			}
			status = sp.status
		}
	}()
	if !r.cfg.separate {
		r.in = &sedInput{r: r, files: files}
		r.resetRanges()
		r.process()
		if r.quit {
			return r.exit
		}
		return r.status
	}
	if len(files) == 0 {
		if r.cfg.inPlace {
			fmt.Fprintf(r.p.Stderr, "%s: no input files\n", r.p.Name())
			return sedExitPanic
		}
		files = []string{"-"}
	}
	for _, name := range files {
		if r.cfg.inPlace {
			r.inPlace(name)
		} else {
			r.in = &sedInput{r: r, files: []string{name}}
			r.lineNo = 0
			r.resetRanges()
			r.process()
		}
		if r.quit {
			return r.exit
		}
	}
	return r.status
}

func (r *sedRun) resetRanges() {
	for _, c := range r.prog.cmds {
		c.active = c.a1 != nil && c.a1.kind == addrLine && c.a1.n == 0 && c.a2 != nil
	}
}

// inPlace edits one file: the output goes to a temporary file in the same
// directory, which then replaces the original (with its mode and owner);
// the original is kept under SUFFIX when one was given.
func (r *sedRun) inPlace(name string) {
	fsys := r.p.userFS()
	abs := r.p.Abs(name)
	fi, err := fsys.Stat(abs)
	if err != nil {
		r.cantRead(name, err)
		return
	}
	if !fi.Mode().IsRegular() {
		fmt.Fprintf(r.p.Stderr, "%s: couldn't edit %s: not a regular file\n", r.p.Name(), name)
		r.status = sedExitPanic
		return
	}
	var buf bytes.Buffer
	saveOut := r.out
	r.out = &sedOut{w: &buf}
	r.in = &sedInput{r: r, files: []string{name}}
	r.lineNo = 0
	r.resetRanges()
	r.process()
	r.out = saveOut

	dir := path.Dir(abs)
	var tmp string
	for i := 0; ; i++ {
		tmp = fmt.Sprintf("%s/sed%06d", dir, i)
		if _, err := fsys.Lstat(tmp); err != nil {
			break
		}
	}
	f, err := fsys.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		fmt.Fprintf(r.p.Stderr, "%s: couldn't open temporary file %s: %s\n", r.p.Name(), tmp, Strerror(err))
		panic(sedPanic{sedExitPanic})
	}
	_, werr := f.Write(buf.Bytes())
	f.Close()
	if werr != nil {
		fsys.Remove(tmp)
		fmt.Fprintf(r.p.Stderr, "%s: couldn't write %s: %s\n", r.p.Name(), tmp, Strerror(werr))
		panic(sedPanic{sedExitPanic})
	}
	fsys.Chmod(tmp, fi.Mode().Perm()|fi.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		fsys.Chown(tmp, int(st.Uid), int(st.Gid))
	}
	if r.cfg.suffix != "" {
		backup := abs + r.cfg.suffix
		if strings.Contains(r.cfg.suffix, "*") {
			backup = strings.ReplaceAll(r.cfg.suffix, "*", path.Base(abs))
			if !strings.Contains(backup, "/") {
				backup = dir + "/" + backup
			} else {
				backup = r.p.Abs(backup)
			}
		}
		if err := fsys.Rename(abs, backup); err != nil {
			fmt.Fprintf(r.p.Stderr, "%s: cannot rename %s: %s\n", r.p.Name(), name, Strerror(err))
			fsys.Remove(tmp)
			panic(sedPanic{sedExitPanic})
		}
	}
	if err := fsys.Rename(tmp, abs); err != nil {
		fmt.Fprintf(r.p.Stderr, "%s: cannot rename %s: %s\n", r.p.Name(), tmp, Strerror(err))
		fsys.Remove(tmp)
		panic(sedPanic{sedExitPanic})
	}
}

// readPS reads the next line into the pattern space (replace) or appends
// it after a newline (N).
func (r *sedRun) readPS(appendTo bool) bool {
	if r.p.Canceled() {
		panic(sedPanic{130})
	}
	l, ok := r.in.next()
	if !ok {
		return false
	}
	r.lineNo++
	r.tFlag = false
	if appendTo {
		r.ps += "\n" + l.text
	} else {
		r.ps = l.text
	}
	r.nl = l.nl
	return true
}

func (r *sedRun) process() {
	for !r.quit && r.readPS(false) {
		r.cycle()
	}
}

func (r *sedRun) autoprint() {
	if !r.cfg.quiet {
		r.out.line(r.ps, r.nl)
	}
}

// cycle runs the script over the pattern space, then ends the cycle.
func (r *sedRun) cycle() {
	for {
		restart, print := r.execute()
		if print {
			r.autoprint()
		}
		r.flushQueue()
		if !restart || r.quit {
			return
		}
	}
}

// execute runs the commands once; restart reports a D with text left,
// print whether the pattern space is printed at the end of the cycle.
func (r *sedRun) execute() (restart, print bool) {
	cmds := r.prog.cmds
	for pc := 0; pc < len(cmds); pc++ {
		r.steps++
		if r.steps&1023 == 0 && r.p.Canceled() {
			panic(sedPanic{130})
		}
		c := cmds[pc]
		if !r.selected(c) {
			if c.name == '{' {
				pc = c.blockEnd
			}
			continue
		}
		switch c.name {
		case '{', '}', ':':
		case '=':
			r.out.raw(strconv.Itoa(r.lineNo) + "\n")
		case 'a':
			r.queue = append(r.queue, sedAppend{text: c.text})
		case 'i':
			r.out.raw(c.text)
		case 'c':
			if c.a2 == nil || !c.active || c.negate {
				r.out.raw(c.text)
			}
			return false, false
		case 'b':
			pc = r.jump(c)
		case 't':
			if r.tFlag {
				r.tFlag = false
				pc = r.jump(c)
			}
		case 'T':
			if !r.tFlag {
				pc = r.jump(c)
			} else {
				r.tFlag = false
			}
		case 'd':
			return false, false
		case 'D':
			i := strings.IndexByte(r.ps, '\n')
			if i < 0 {
				return false, false
			}
			r.ps = r.ps[i+1:]
			return true, false
		case 'g':
			r.ps = r.hs
		case 'G':
			r.ps += "\n" + r.hs
		case 'h':
			r.hs = r.ps
		case 'H':
			r.hs += "\n" + r.ps
		case 'x':
			r.ps, r.hs = r.hs, r.ps
		case 'l':
			width := r.cfg.lineLen
			if c.intArg >= 0 {
				width = c.intArg
			}
			r.out.raw(sedList(r.ps, width))
		case 'n':
			if r.in.last() {
				return false, true
			}
			r.autoprint()
			r.flushQueue()
			r.readPS(false)
		case 'N':
			if r.in.last() {
				return false, true
			}
			r.flushQueue()
			r.readPS(true)
		case 'p':
			r.out.line(r.ps, r.nl)
		case 'P':
			if first, _, ok := strings.Cut(r.ps, "\n"); ok {
				r.out.line(first, true)
			} else {
				r.out.line(r.ps, r.nl)
			}
		case 'q':
			r.quit, r.exit = true, max(c.intArg, 0)
			return false, true
		case 'Q':
			r.quit, r.exit = true, max(c.intArg, 0)
			return false, false
		case 'r':
			r.queue = append(r.queue, sedAppend{file: c.fname})
		case 'w':
			c.out.line(r.ps, r.nl)
		case 's':
			r.substitute(c.subst)
		case 'y':
			r.ps = sedTranslate(r.ps, c.yFrom, c.yTo)
		}
	}
	return false, true
}

func (r *sedRun) jump(c *sedCmd) int {
	if c.target < 0 {
		return len(r.prog.cmds)
	}
	return c.target - 1
}

func (r *sedRun) flushQueue() {
	for _, a := range r.queue {
		if a.file == "" {
			r.out.raw(a.text)
			continue
		}
		f, err := r.p.userFS().Open(r.p.Abs(a.file))
		if err != nil {
			continue // r silently ignores unreadable files
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err == nil && len(data) > 0 {
			r.out.raw(string(data)) // as is: a last line without newline sticks to what follows
		}
	}
	r.queue = r.queue[:0]
}

func (r *sedRun) match(re *regexp.Regexp, s string) bool {
	return r.useRe(re).MatchString(s)
}

func (r *sedRun) useRe(re *regexp.Regexp) *regexp.Regexp {
	if re == nil {
		if r.lastRe == nil {
			fmt.Fprintf(r.p.Stderr, "%s: -e expression #1, char 0: no previous regular expression\n", r.p.Name())
			panic(sedPanic{sedExitBadProg})
		}
		return r.lastRe
	}
	r.lastRe = re
	return re
}

func (r *sedRun) addrMatch(a *sedAddr) bool {
	switch a.kind {
	case addrLine:
		return r.lineNo == a.n
	case addrLast:
		return r.in.last()
	case addrRegex:
		return r.match(a.re, r.ps)
	case addrStep:
		return r.lineNo >= a.n && (r.lineNo-a.n)%a.step == 0
	}
	return false
}

// selected reports whether c applies to the current line, running the
// range state machine of sed's match_address_p.
func (r *sedRun) selected(c *sedCmd) bool {
	return r.addressed(c) != c.negate
}

func (r *sedRun) addressed(c *sedCmd) bool {
	if c.a1 == nil {
		return true
	}
	if c.a2 == nil {
		return r.addrMatch(c.a1)
	}
	if c.active {
		switch c.a2.kind {
		case addrLine:
			if r.lineNo >= c.a2.n {
				c.active = false
			}
			if r.lineNo > c.a2.n {
				return false
			}
		case addrPlus, addrMod:
			if r.lineNo >= c.rangeEnd {
				c.active = false
			}
		case addrNull:
			c.active = false
		default:
			if r.addrMatch(c.a2) {
				c.active = false
			}
		}
		return true
	}
	if !r.addrMatch(c.a1) {
		return false
	}
	switch c.a2.kind {
	case addrLine:
		c.active = c.a2.n > r.lineNo
	case addrPlus:
		c.rangeEnd = r.lineNo + c.a2.step
		c.active = c.a2.step > 0
	case addrMod:
		end := (r.lineNo/c.a2.step + 1) * c.a2.step
		if r.lineNo%c.a2.step == 0 {
			end = r.lineNo
		}
		c.rangeEnd = end
		c.active = end > r.lineNo
	case addrNull:
		c.active = false
	case addrLast:
		c.active = !r.in.last()
	default:
		c.active = true
	}
	return true
}

func (r *sedRun) substitute(s *sedSubst) {
	re := r.useRe(s.re)
	matches := re.FindAllStringSubmatchIndex(r.ps, -1)
	if len(matches) < s.nth {
		return
	}
	var b strings.Builder
	last := 0
	done := false
	for i, m := range matches {
		if i+1 < s.nth {
			continue
		}
		if done {
			break
		}
		b.WriteString(r.ps[last:m[0]])
		sedExpand(&b, r.ps, m, s.repl)
		last = m[1]
		if !s.global {
			done = true
		}
	}
	b.WriteString(r.ps[last:])
	r.ps = b.String()
	r.tFlag = true
	if s.print {
		r.out.line(r.ps, r.nl)
	}
	if s.out != nil {
		s.out.line(r.ps, r.nl)
	}
}

// sedExpand writes the replacement of one match, with \L \U \l \u \E.
func sedExpand(b *strings.Builder, src string, m []int, repl []sedReplPart) {
	var caseMode, oneShot byte
	write := func(s string) {
		if s == "" {
			return
		}
		switch caseMode {
		case 'L':
			s = strings.ToLower(s)
		case 'U':
			s = strings.ToUpper(s)
		}
		switch oneShot {
		case 'l':
			s = strings.ToLower(s[:1]) + s[1:]
		case 'u':
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		oneShot = 0
		b.WriteString(s)
	}
	for _, part := range repl {
		switch {
		case part.conv == 'L' || part.conv == 'U':
			caseMode, oneShot = part.conv, 0
		case part.conv == 'E':
			caseMode, oneShot = 0, 0
		case part.conv != 0:
			oneShot = part.conv
		case part.group >= 0:
			if 2*part.group+1 < len(m) && m[2*part.group] >= 0 {
				write(src[m[2*part.group]:m[2*part.group+1]])
			}
		default:
			write(part.lit)
		}
	}
}

func sedTranslate(s string, from, to []rune) string {
	var b strings.Builder
	for _, c := range s {
		for i, f := range from {
			if f == c {
				c = to[i]
				break
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

// sedList renders the pattern space for l: C escapes, octal for other
// unprintable bytes, lines folded at width with a \ and $ at the end.
func sedList(ps string, width int) string {
	var b strings.Builder
	col := 0
	for i := 0; i < len(ps); i++ {
		c := ps[i]
		var s string
		switch c {
		case '\\':
			s = `\\`
		case '\a':
			s = `\a`
		case '\b':
			s = `\b`
		case '\f':
			s = `\f`
		case '\n':
			s = `\n`
		case '\r':
			s = `\r`
		case '\t':
			s = `\t`
		case '\v':
			s = `\v`
		default:
			if c >= 0x20 && c < 0x7f {
				s = string(c)
			} else {
				s = fmt.Sprintf("\\%03o", c)
			}
		}
		if width > 1 && col+len(s) > width-1 {
			b.WriteString("\\\n")
			col = 0
		}
		b.WriteString(s)
		col += len(s)
	}
	b.WriteString("$\n")
	return b.String()
}
