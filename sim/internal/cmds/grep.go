package cmds

// grep, egrep and fgrep as GNU grep 2.5.1 on CentOS 5, and compilePOSIX,
// the translator from POSIX regular expressions (BRE and ERE, with the GNU
// extensions glibc 2.5 accepts) to Go's regexp syntax that sed shares.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"rclab/vfs"
)

func init() {
	for _, name := range []string{"grep", "egrep", "fgrep"} {
		Register(Command{
			Name:    name,
			Dirs:    []string{"/bin"},
			Summary: "print lines matching a pattern",
			Usage:   name + " [OPTION]... PATTERN [FILE]...",
			Main:    grepMain,
		})
	}
}

// errPOSIXBackref is compilePOSIX's error for a pattern using a
// back-reference (\1 … \9), which Go's regexp cannot express.
var errPOSIXBackref = errors.New("back-references are not supported in rclab")

// posixError is a regcomp error worded as glibc 2.5's regerror words it,
// e.g. "Unmatched ( or \\(".
type posixError string

func (e posixError) Error() string { return string(e) }

// glibc's regerror texts.
const (
	posixErrParen    posixError = "Unmatched ( or \\("
	posixErrRParen   posixError = "Unmatched ) or \\)"
	posixErrBracket  posixError = "Unmatched [ or [^"
	posixErrBrace    posixError = "Unmatched \\{"
	posixErrBadBrace posixError = "Invalid content of \\{\\}"
	posixErrBadRpt   posixError = "Invalid preceding regular expression"
	posixErrEscape   posixError = "Trailing backslash"
	posixErrRange    posixError = "Invalid range end"
	posixErrClass    posixError = "Invalid character class name"
	posixErrCollate  posixError = "Invalid collation character"
	posixErrTooBig   posixError = "Regular expression too big"
	posixMaxRepeat              = 1000  // Go's limit on {n,m}
	posixDupMax                 = 32767 // glibc's RE_DUP_MAX
)

// compilePOSIX compiles a POSIX regular expression as glibc's regcomp
// would without REG_NEWLINE: a basic one (BRE, as grep and sed use by
// default) or, when extended, an extended one (ERE, grep -E, sed -r), case
// blind when icase. The result uses leftmost-longest matching, and its
// capturing groups are the pattern's \( \) (BRE) or ( ) (ERE) groups in
// the same order, so \1 in a sed replacement is group 1.
//
// Semantics are those of regexec on one string: ^ and $ match only at its
// start and end, and . and bracket expressions match a newline too (sed's
// pattern space after N). Characters are UTF-8 runes, as in the
// en_US.UTF-8 locale.
//
// Syntax accepted:
//   - BRE: \( \) groups, \{n,m\} intervals, * (literal at the start of the
//     expression or of a group or alternative), and the GNU extensions \+
//     \? \|; + ? ( ) { } | are literal. ^ is an anchor only at the start
//     of the expression, of a group or of an alternative, $ only at the
//     end or before \) or \|; elsewhere they are literal.
//   - ERE: ( ) { } | + ? * are operators, \ makes them literal; a { that
//     does not start a valid interval is literal, and a repetition operator
//     with nothing before it is ignored, as glibc does.
//   - Both: bracket expressions with ranges, classes ([:alpha:] [:digit:]
//     [:space:] [:upper:] [:lower:] [:alnum:] [:punct:] [:blank:]
//     [:cntrl:] [:graph:] [:print:] [:xdigit:]), [=c=] and [.c.];
//     backslash is literal inside brackets. GNU escapes \w \W \s \S \b \B
//     \< \> \` \'; \< and \> are approximated by \b (a word boundary).
//     Any other escaped character stands for itself: \n is the letter n,
//     not a newline, as in glibc (callers such as sed must turn their own
//     escapes into characters before calling).
//
// Back-references (\1 … \9) cannot be expressed in Go's regexp: the error
// is then errPOSIXBackref, whose text is "back-references are not
// supported in rclab". Other errors are a posixError with glibc's wording
// ("Unmatched ( or \\(", "Invalid range end", …), as grep and sed print
// them.
//
// The expression comes from a cache shared by every caller: it must not
// be changed (no Longest, which it already is).
func compilePOSIX(pattern string, extended, icase bool) (*regexp.Regexp, error) {
	body, err := posixTranslate(pattern, extended, false)
	if err != nil {
		return nil, err
	}
	flags := "(?s)"
	if icase {
		flags = "(?si)"
	}
	re, err := cachedRegexp(flags+body, reLongest)
	if err != nil {
		return nil, posixGoError(err)
	}
	return re, nil
}

// posixGoError maps a Go compile error of a translated pattern, which the
// translator should have prevented, to the nearest glibc message.
func posixGoError(err error) error {
	var se *syntax.Error
	if errors.As(err, &se) {
		switch se.Code {
		case syntax.ErrLarge, syntax.ErrInvalidRepeatSize, syntax.ErrNestingDepth:
			return posixErrTooBig
		case syntax.ErrMissingBracket:
			return posixErrBracket
		case syntax.ErrMissingParen:
			return posixErrParen
		case syntax.ErrUnexpectedParen:
			return posixErrRParen
		case syntax.ErrInvalidCharRange:
			return posixErrRange
		}
	}
	return posixErrBadRpt
}

// posixTranslate turns a POSIX pattern into Go syntax, without flags. With
// newline (regcomp's REG_NEWLINE, as grep uses it on whole buffers), .
// and negated brackets never match a newline and the result is meant for
// (?m) mode; without it the result is meant for (?s) mode.
func posixTranslate(pattern string, extended, newline bool) (string, error) {
	t := &posixParser{src: []rune(pattern), ere: extended, newline: newline}
	out, err := t.alternation(0)
	if err != nil {
		return "", err
	}
	if t.pos < len(t.src) {
		// Only an unmatched close group can stop the top level.
		return "", posixErrRParen
	}
	return out, nil
}

type posixParser struct {
	src     []rune
	pos     int
	ere     bool
	newline bool
}

func (t *posixParser) peek(off int) rune {
	if t.pos+off < len(t.src) {
		return t.src[t.pos+off]
	}
	return -1
}

// atAlt reports whether the parser stands at an alternation operator.
func (t *posixParser) atAlt() bool {
	if t.ere {
		return t.peek(0) == '|'
	}
	return t.peek(0) == '\\' && t.peek(1) == '|'
}

// atClose reports whether the parser stands at a group close.
func (t *posixParser) atClose() bool {
	if t.ere {
		return t.peek(0) == ')'
	}
	return t.peek(0) == '\\' && t.peek(1) == ')'
}

// alternation parses alternatives up to the end or a group close (depth >
// 0); at depth 0 a close group is left for the caller to report.
func (t *posixParser) alternation(depth int) (string, error) {
	var alts []string
	for {
		b, err := t.branch(depth)
		if err != nil {
			return "", err
		}
		alts = append(alts, b)
		if !t.atAlt() {
			break
		}
		if t.ere {
			t.pos++
		} else {
			t.pos += 2
		}
	}
	return strings.Join(alts, "|"), nil
}

// branch parses a concatenation of pieces.
func (t *posixParser) branch(depth int) (string, error) {
	var sb strings.Builder
	start := true
	for t.pos < len(t.src) && !t.atAlt() && !t.atClose() {
		atom, simple, err := t.atom(start)
		if err != nil {
			return "", err
		}
		if atom == "" && simple {
			// An ERE repetition operator with nothing to repeat: ignored.
			continue
		}
		if !t.ere && atom == "^" {
			// A BRE anchor: a * right after it is still literal.
			sb.WriteString(atom)
			continue
		}
		start = false
		// Repetition operators.
		for {
			q, ok, err := t.quantifier()
			if err != nil {
				return "", err
			}
			if !ok {
				break
			}
			if !simple {
				atom = "(?:" + atom + ")"
			}
			atom += q
			simple = false
		}
		sb.WriteString(atom)
	}
	if t.ere && depth == 0 && t.peek(0) == ')' {
		return "", posixErrRParen
	}
	if !t.ere && depth == 0 && t.atClose() {
		return "", posixErrRParen
	}
	return sb.String(), nil
}

// quantifier parses one repetition operator at the current position.
func (t *posixParser) quantifier() (string, bool, error) {
	c := t.peek(0)
	switch {
	case c == '*':
		t.pos++
		return "*", true, nil
	case t.ere && (c == '+' || c == '?'):
		t.pos++
		return string(c), true, nil
	case !t.ere && c == '\\' && (t.peek(1) == '+' || t.peek(1) == '?'):
		t.pos += 2
		return string(t.src[t.pos-1]), true, nil
	case t.ere && c == '{':
		q, n, err := t.interval(t.pos + 1)
		if err == posixErrBrace || err == posixErrBadBrace && n < 0 {
			return "", false, nil // not an interval: a literal {
		}
		if err != nil {
			return "", false, err
		}
		t.pos = n
		return q, true, nil
	case !t.ere && c == '\\' && t.peek(1) == '{':
		q, n, err := t.interval(t.pos + 2)
		if err != nil {
			return "", false, err
		}
		t.pos = n
		return q, true, nil
	}
	return "", false, nil
}

// interval parses "n}", "n,}", "n,m}" or ",m}" (with \} in a BRE) from i,
// returning the Go quantifier and the position after it. A malformed
// interval gives posixErrBrace when no closing brace exists, else
// posixErrBadBrace with n < 0 when the text is not an interval at all.
func (t *posixParser) interval(i int) (string, int, error) {
	num := func() (int, bool) {
		j := i
		v := 0
		for i < len(t.src) && t.src[i] >= '0' && t.src[i] <= '9' {
			if v <= posixDupMax {
				v = v*10 + int(t.src[i]-'0')
			}
			i++
		}
		return v, i > j
	}
	lo, hasLo := num()
	hi, hasHi, comma := lo, hasLo, false
	if i < len(t.src) && t.src[i] == ',' {
		comma = true
		i++
		hi, hasHi = num()
	}
	closeLen := 1
	closed := i < len(t.src) && t.src[i] == '}'
	if !t.ere {
		closeLen = 2
		closed = i+1 < len(t.src) && t.src[i] == '\\' && t.src[i+1] == '}'
	}
	if !closed || (!hasLo && !comma) {
		// Not an interval. In a BRE that is an error.
		for k := i; k < len(t.src); k++ {
			if t.ere && t.src[k] == '}' || !t.ere && t.src[k] == '\\' && k+1 < len(t.src) && t.src[k+1] == '}' {
				return "", -1, posixErrBadBrace
			}
		}
		return "", -1, posixErrBrace
	}
	if !hasLo {
		lo = 0
	}
	if comma && !hasHi {
		hi = -1
	}
	if lo > posixDupMax || hi > posixDupMax || hi >= 0 && hi < lo {
		return "", 0, posixErrBadBrace
	}
	if lo > posixMaxRepeat || hi > posixMaxRepeat {
		return "", 0, posixErrTooBig
	}
	var q string
	switch {
	case !comma:
		q = fmt.Sprintf("{%d}", lo)
	case hi < 0:
		q = fmt.Sprintf("{%d,}", lo)
	default:
		q = fmt.Sprintf("{%d,%d}", lo, hi)
	}
	return q, i + closeLen, nil
}

// atom parses one atom. simple says whether a quantifier may follow the
// returned text directly. An ERE repetition operator with nothing before
// it returns ("", true).
func (t *posixParser) atom(start bool) (string, bool, error) {
	c := t.src[t.pos]
	if t.ere {
		switch c {
		case '(':
			t.pos++
			inner, err := t.alternation(1)
			if err != nil {
				return "", false, err
			}
			if t.peek(0) != ')' {
				return "", false, posixErrParen
			}
			t.pos++
			return "(" + inner + ")", true, nil
		case '*', '+', '?':
			if start {
				t.pos++
				return "", true, nil
			}
		case '{':
			if start {
				if _, n, err := t.interval(t.pos + 1); err == nil {
					t.pos = n
					return "", true, nil
				}
			}
			t.pos++
			return `\{`, true, nil
		case '^':
			t.pos++
			return "^", false, nil
		case '$':
			t.pos++
			return "$", false, nil
		}
	} else {
		switch c {
		case '*':
			if start {
				t.pos++
				return `\*`, true, nil
			}
		case '^':
			t.pos++
			if start {
				return "^", false, nil
			}
			return `\^`, true, nil
		case '$':
			t.pos++
			if t.pos == len(t.src) || t.atAlt() || t.atClose() {
				return "$", false, nil
			}
			return `\$`, true, nil
		case '\\':
			switch t.peek(1) {
			case '(':
				t.pos += 2
				inner, err := t.alternation(1)
				if err != nil {
					return "", false, err
				}
				if !t.atClose() {
					return "", false, posixErrParen
				}
				t.pos += 2
				return "(" + inner + ")", true, nil
			case '{':
				if start {
					return "", false, posixErrBadRpt
				}
			case '+', '?':
				if start {
					// GNU: \+ or \? with nothing before it is literal.
					t.pos += 2
					return regexp.QuoteMeta(string(t.src[t.pos-1])), true, nil
				}
			}
		}
	}
	switch c {
	case '.':
		t.pos++
		return ".", true, nil
	case '[':
		return t.bracket()
	case '\\':
		return t.escape()
	}
	t.pos++
	return regexp.QuoteMeta(string(c)), true, nil
}

// escape translates a backslash sequence that is not an operator.
func (t *posixParser) escape() (string, bool, error) {
	if t.pos+1 >= len(t.src) {
		return "", false, posixErrEscape
	}
	c := t.src[t.pos+1]
	t.pos += 2
	switch c {
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "", false, errPOSIXBackref
	case 'w':
		return `[0-9A-Za-z_]`, true, nil
	case 'W':
		if t.newline {
			return `[^0-9A-Za-z_\n]`, true, nil
		}
		return `[^0-9A-Za-z_]`, true, nil
	case 's':
		return `[[:space:]]`, true, nil
	case 'S':
		return `[^[:space:]]`, true, nil
	case 'b', '<', '>':
		return `\b`, false, nil
	case 'B':
		return `\B`, false, nil
	case '`':
		if t.newline {
			return "^", false, nil
		}
		return `\A`, false, nil
	case '\'':
		if t.newline {
			return "$", false, nil
		}
		return `\z`, false, nil
	}
	return regexp.QuoteMeta(string(c)), true, nil
}

// posixClasses are the character classes of the POSIX locale; Go knows
// them by the same names inside brackets.
var posixClasses = map[string]bool{
	"alpha": true, "upper": true, "lower": true, "digit": true, "xdigit": true,
	"alnum": true, "space": true, "blank": true, "punct": true, "print": true,
	"graph": true, "cntrl": true,
}

// bracket translates a bracket expression starting at '['.
func (t *posixParser) bracket() (string, bool, error) {
	i := t.pos + 1
	n := len(t.src)
	var sb strings.Builder
	sb.WriteByte('[')
	negate := false
	if i < n && t.src[i] == '^' {
		negate = true
		sb.WriteByte('^')
		i++
	}
	// element reads one bracket element at i: a character (possibly from
	// [.c.] or [=c=]) or a class (class != "").
	element := func() (r rune, class string, err error) {
		if i+1 < n && t.src[i] == '[' && (t.src[i+1] == ':' || t.src[i+1] == '.' || t.src[i+1] == '=') {
			kind := t.src[i+1]
			j := i + 2
			for j+1 < n && !(t.src[j] == kind && t.src[j+1] == ']') {
				j++
			}
			if j+1 >= n {
				return 0, "", posixErrBracket
			}
			name := string(t.src[i+2 : j])
			i = j + 2
			if kind == ':' {
				if !posixClasses[name] {
					return 0, "", posixErrClass
				}
				return 0, name, nil
			}
			if utf8.RuneCountInString(name) != 1 {
				return 0, "", posixErrCollate
			}
			r, _ := utf8.DecodeRuneInString(name)
			return r, "", nil
		}
		r = t.src[i]
		i++
		return r, "", nil
	}
	first := true
	empty := true
	for {
		if i >= n {
			return "", false, posixErrBracket
		}
		if t.src[i] == ']' && !first {
			i++
			break
		}
		first = false
		lo, class, err := element()
		if err != nil {
			return "", false, err
		}
		if class != "" {
			sb.WriteString("[:" + class + ":]")
			empty = false
			continue
		}
		if i+1 < n && t.src[i] == '-' && t.src[i+1] != ']' {
			i++
			hi, class, err := element()
			if err != nil {
				return "", false, err
			}
			if class != "" || hi < lo {
				return "", false, posixErrRange
			}
			sb.WriteString(posixClassRune(lo) + "-" + posixClassRune(hi))
			empty = false
			continue
		}
		sb.WriteString(posixClassRune(lo))
		empty = false
	}
	if negate && t.newline {
		sb.WriteString(`\n`)
	}
	sb.WriteByte(']')
	t.pos = i
	if empty {
		return "", false, posixErrBracket
	}
	return sb.String(), true, nil
}

// posixClassRune writes r for use inside a Go character class.
func posixClassRune(r rune) string {
	switch {
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf(`\x{%x}`, r)
	case r < 0x80 && !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == ' '):
		return `\` + string(r)
	}
	return string(r)
}

// ---------------------------------------------------------------------
// grep

// grepOpts are grep's parsed options.
type grepOpts struct {
	matcher                   string // "G", "E", "F" or "P"
	icase, words, lines       bool
	invert, count, quiet      bool
	list                      int // 1: -l, -1: -L
	lineNum, byteOff          bool
	withName, noName          bool
	onlyMatch, suppress       bool
	before, after             int
	maxCount                  int64
	recurse, follow, skipDirs bool
	binary                    string // "binary", "text", "without-match"
	color                     bool
	colorSeq                  string
	label                     string
	include, exclude          []string
}

// grepRun is one grep invocation.
type grepRun struct {
	p    *Proc
	o    grepOpts
	out  *bufio.Writer
	re   *regexp.Regexp // scanning, (?m) over whole buffers
	show *regexp.Regexp // leftmost-longest, for -o and colours; group 1 with -w
	none bool           // no pattern at all (-f /dev/null): nothing matches
	lit  []byte         // a literal every match holds (grepfilter.go), or nil

	outFile bool // print file names
	used    bool // something printed (for "--")
	errseen bool
	exitNow bool   // -q found a match
	broken  bool   // the output went away: stop quietly
	buf     []byte // file contents, reused from file to file
	state   grepFileState
}

// grepFileState is the per-input state carried across chunks.
type grepFileState struct {
	name        string
	lineno      int   // lines consumed before the current position
	base        int64 // byte offset of the current chunk
	lastPrinted int   // number of the last line printed; 0: none
	pending     int   // trailing context lines still to print
	count       int64 // selected lines
	outleft     int64
	quiet       bool // no line output (count, list, binary)
	doneOnMatch bool
	before      []grepCtxLine // unprinted lines saved from earlier chunks
	stop        bool
	binary      bool
}

type grepCtxLine struct {
	text []byte
	num  int
	off  int64
}

func grepMain(p *Proc) int {
	g := &grepRun{p: p}
	// A recycled output buffer (bufpool.go): init scripts run grep -q
	// for every link of a runlevel change.
	g.out = getOut(p.Stdout)
	// And a recycled read buffer, which holds the script it greps.
	rb := getIOBuf()
	g.buf = (*rb)[:0]
	defer func() {
		g.out.Flush()
		putOut(g.out)
		putIOBuf(rb)
	}()
	return g.main()
}

var grepLongOpts = []LongOpt{
	{"after-context", RequiredArg, 'A'}, {"basic-regexp", NoArg, 'G'},
	{"before-context", RequiredArg, 'B'}, {"binary-files", RequiredArg, 0},
	{"byte-offset", NoArg, 'b'}, {"context", RequiredArg, 'C'},
	{"color", OptionalArg, 0}, {"colour", OptionalArg, 0}, {"count", NoArg, 'c'},
	{"devices", RequiredArg, 'D'}, {"directories", RequiredArg, 'd'},
	{"extended-regexp", NoArg, 'E'}, {"exclude", RequiredArg, 0},
	{"file", RequiredArg, 'f'}, {"files-with-matches", NoArg, 'l'},
	{"files-without-match", NoArg, 'L'}, {"fixed-regexp", NoArg, 'F'},
	{"fixed-strings", NoArg, 'F'}, {"help", NoArg, 0}, {"include", RequiredArg, 0},
	{"ignore-case", NoArg, 'i'}, {"label", RequiredArg, 0}, {"line-buffered", NoArg, 0},
	{"line-number", NoArg, 'n'}, {"line-regexp", NoArg, 'x'},
	{"max-count", RequiredArg, 'm'}, {"mmap", NoArg, 0}, {"no-filename", NoArg, 'h'},
	{"no-messages", NoArg, 's'}, {"null", NoArg, 'Z'}, {"null-data", NoArg, 'z'},
	{"only-matching", NoArg, 'o'}, {"perl-regexp", NoArg, 'P'}, {"quiet", NoArg, 'q'},
	{"recursive", NoArg, 'r'}, {"regexp", RequiredArg, 'e'}, {"invert-match", NoArg, 'v'},
	{"silent", NoArg, 'q'}, {"text", NoArg, 'a'}, {"binary", NoArg, 'U'},
	{"unix-byte-offsets", NoArg, 'u'}, {"version", NoArg, 'V'},
	{"with-filename", NoArg, 'H'}, {"word-regexp", NoArg, 'w'},
}

const grepHelp = `Usage: grep [OPTION]... PATTERN [FILE] ...
Search for PATTERN in each FILE or standard input.
Example: grep -i 'hello world' menu.h main.c

Regexp selection and interpretation:
  -E, --extended-regexp     PATTERN is an extended regular expression
  -F, --fixed-strings       PATTERN is a set of newline-separated strings
  -G, --basic-regexp        PATTERN is a basic regular expression
  -P, --perl-regexp         PATTERN is a Perl regular expression
  -e, --regexp=PATTERN      use PATTERN as a regular expression
  -f, --file=FILE           obtain PATTERN from FILE
  -i, --ignore-case         ignore case distinctions
  -w, --word-regexp         force PATTERN to match only whole words
  -x, --line-regexp         force PATTERN to match only whole lines

Miscellaneous:
  -s, --no-messages         suppress error messages
  -v, --invert-match        select non-matching lines
  -V, --version             print version information and exit
      --help                display this help and exit

Output control:
  -m, --max-count=NUM       stop after NUM matches
  -b, --byte-offset         print the byte offset with output lines
  -n, --line-number         print line number with output lines
  -H, --with-filename       print the filename for each match
  -h, --no-filename         suppress the prefixing filename on output
      --label=LABEL         print LABEL as filename for standard input
  -o, --only-matching       show only the part of a line matching PATTERN
  -q, --quiet, --silent     suppress all normal output
      --binary-files=TYPE   assume that binary files are TYPE
                            TYPE is 'binary', 'text', or 'without-match'
  -a, --text                equivalent to --binary-files=text
  -I                        equivalent to --binary-files=without-match
  -d, --directories=ACTION  how to handle directories
                            ACTION is 'read', 'recurse', or 'skip'
  -r, --recursive           equivalent to --directories=recurse
  -R                        like -r, but follow symbolic links
      --include=PATTERN     files that match PATTERN will be examined
      --exclude=PATTERN     files that match PATTERN will be skipped.
  -L, --files-without-match only print FILE names containing no match
  -l, --files-with-matches  only print FILE names containing matches
  -c, --count               only print a count of matching lines per FILE

Context control:
  -B, --before-context=NUM  print NUM lines of leading context
  -A, --after-context=NUM   print NUM lines of trailing context
  -C, --context=NUM         print NUM lines of output context
  -NUM                      same as --context=NUM
      --color[=WHEN],
      --colour[=WHEN]       use markers to distinguish the matching string
                            WHEN may be ` + "`always', `never' or `auto'." + `

` + "`egrep' means `grep -E'.  `fgrep' means `grep -F'." + `
With no FILE, or when FILE is -, read standard input.  If less than
two FILEs given, assume -h.  Exit status is 0 if match, 1 if no match,
and 2 if trouble.

Report bugs to <bug-gnu-utils@gnu.org>.
`

// usage prints grep's short usage on standard error and returns 2.
func (g *grepRun) usage() int {
	g.out.Flush()
	fmt.Fprintf(g.p.Stderr, "Usage: %s [OPTION]... PATTERN [FILE]...\n", g.p.Name())
	fmt.Fprintf(g.p.Stderr, "Try `%s --help' for more information.\n", g.p.Name())
	return 2
}

// fatal prints "grep: msg" and returns 2.
func (g *grepRun) fatal(msg string) int {
	g.out.Flush()
	g.p.Errorf("%s", msg)
	return 2
}

// suppressible reports a file error unless -s, and remembers it.
func (g *grepRun) suppressible(name string, err error) {
	if !g.o.suppress {
		g.out.Flush()
		g.p.Errorf("%s: %s", name, Strerror(err))
	}
	g.errseen = true
}

func (g *grepRun) main() int {
	p := g.p
	o := &g.o
	o.maxCount = -1
	o.binary = "binary"
	o.colorSeq = "01;31"
	switch p.Name() {
	case "egrep":
		o.matcher = "E"
	case "fgrep":
		o.matcher = "F"
	}
	var matcherSet string
	setMatcher := func(m string) bool {
		if matcherSet != "" && matcherSet != m {
			return false
		}
		matcherSet, o.matcher = m, m
		return true
	}
	// Digit options (-5, -C5 spelt -5) are pulled out first: getopt
	// knows nothing of them.
	args, digitCtx, haveDigits := grepDigitArgs(p.Args[1:])
	opts, operands, err := Getopt(args, "A:B:C:D:EFGHIPUVX:abcd:e:f:hiLlm:noqRrsuvwxyZz", grepLongOpts)
	if err != nil {
		g.out.Flush()
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		return g.usage()
	}
	var patterns []string
	havePatterns := false
	ctxDefault := -1
	ctxArg := func(s string) (int, bool) {
		n, err := strconv.ParseUint(s, 10, 31)
		return int(n), err == nil
	}
	if haveDigits {
		n, ok := ctxArg(digitCtx)
		if !ok {
			return g.fatal(digitCtx + ": invalid context length argument")
		}
		ctxDefault = n
	}
	before, after := -1, -1
	showHelp, showVersion := false, false
	for _, op := range opts {
		switch op.Name {
		case "A", "B", "C":
			n, ok := ctxArg(op.Arg)
			if !ok {
				return g.fatal(op.Arg + ": invalid context length argument")
			}
			switch op.Name {
			case "A":
				after = n
			case "B":
				before = n
			default:
				ctxDefault = n
			}
		case "D":
			if op.Arg != "read" && op.Arg != "skip" {
				return g.fatal("unknown devices method")
			}
		case "E", "F", "G", "P":
			if !setMatcher(op.Name) {
				return g.fatal("conflicting matchers specified")
			}
		case "X":
			m := map[string]string{"grep": "G", "egrep": "E", "fgrep": "F", "perl": "P"}[op.Arg]
			if m == "" {
				return g.fatal("invalid matcher " + op.Arg)
			}
			if !setMatcher(m) {
				return g.fatal("conflicting matchers specified")
			}
		case "H":
			o.withName = true
		case "h":
			o.noName = true
		case "I":
			o.binary = "without-match"
		case "a":
			o.binary = "text"
		case "binary-files":
			switch op.Arg {
			case "binary", "text", "without-match":
				o.binary = op.Arg
			default:
				return g.fatal("unknown binary-files type")
			}
		case "b":
			o.byteOff = true
		case "c":
			o.count = true
		case "d":
			switch op.Arg {
			case "read":
				o.recurse, o.skipDirs = false, false
			case "skip":
				o.recurse, o.skipDirs = false, true
			case "recurse":
				o.recurse, o.skipDirs = true, false
			default:
				return g.fatal("unknown directories method")
			}
		case "e":
			patterns = append(patterns, strings.Split(op.Arg, "\n")...)
			havePatterns = true
		case "f":
			data, err := txtRead(p, op.Arg)
			if err != nil {
				return g.fatal(op.Arg + ": " + Strerror(err))
			}
			havePatterns = true
			s := strings.TrimSuffix(string(data), "\n")
			if len(data) > 0 {
				patterns = append(patterns, strings.Split(s, "\n")...)
			}
		case "i", "y":
			o.icase = true
		case "L":
			o.list = -1
		case "l":
			o.list = 1
		case "m":
			n, err := strconv.ParseInt(op.Arg, 10, 64)
			if err != nil || n < 0 {
				if errors.Is(err, strconv.ErrRange) {
					n = 1<<63 - 1
				} else {
					return g.fatal("invalid max count")
				}
			}
			o.maxCount = n
		case "n":
			o.lineNum = true
		case "o":
			o.onlyMatch = true
		case "q":
			o.quiet = true
		case "R":
			o.recurse, o.follow, o.skipDirs = true, true, false
		case "r":
			o.recurse, o.skipDirs = true, false
		case "s":
			o.suppress = true
		case "v":
			o.invert = true
		case "w":
			o.words = true
		case "x":
			o.lines = true
		case "V":
			showVersion = true
		case "help":
			showHelp = true
		case "color", "colour":
			when := "auto"
			if op.HasArg {
				when = strings.ToLower(op.Arg)
			}
			switch when {
			case "always", "yes", "force":
				o.color = true
			case "never", "no", "none":
				o.color = false
			case "auto", "tty", "if-tty":
				t := p.Getenv("TERM")
				o.color = p.Tty && t != "" && t != "dumb"
			default:
				showHelp = true
			}
		case "label":
			o.label = op.Arg
		case "include":
			o.include = append(o.include, op.Arg)
		case "exclude":
			o.exclude = append(o.exclude, op.Arg)
		}
	}
	if before < 0 {
		before = max(ctxDefault, 0)
	}
	if after < 0 {
		after = max(ctxDefault, 0)
	}
	o.before, o.after = before, after
	if o.color {
		if c := p.Getenv("GREP_COLOR"); c != "" {
			o.colorSeq = c
		}
	}
	if showVersion {
		name := map[string]string{"": "grep", "G": "grep", "E": "egrep", "F": "fgrep", "P": "grep"}[matcherSet]
		if matcherSet == "" {
			name = p.Name()
		}
		fmt.Fprintf(g.out, "%s (GNU grep) 2.5.1\n\n", name)
		g.out.WriteString("Copyright 1988, 1992-1999, 2000, 2001 Free Software Foundation, Inc.\n" +
			"This is free software; see the source for copying conditions. There is NO\n" +
			"warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n")
		return 0
	}
	if showHelp {
		g.out.WriteString(strings.ReplaceAll(grepHelp, "grep -i 'hello", p.Name()+" -i 'hello"))
		return 0
	}
	if !havePatterns {
		if len(operands) == 0 {
			return g.usage()
		}
		if strings.IndexByte(operands[0], '\n') < 0 {
			patterns = operands[:1:1] // one pattern, as Split would give
		} else {
			patterns = strings.Split(operands[0], "\n")
		}
		operands = operands[1:]
	} else if len(patterns) == 0 {
		// -f of an empty file: match nothing.
		g.none = true
	}
	if err := g.compile(patterns); err != nil {
		return g.fatal(err.Error())
	}
	// POSIX: -q overrides -l, which overrides -c.
	if o.quiet {
		o.list = 0
	}
	if o.quiet || o.list != 0 {
		o.count = false
	}
	g.outFile = (len(operands) > 1 && !o.noName) || o.withName
	if o.maxCount == 0 {
		return 1
	}
	status := 1
	if len(operands) == 0 {
		status = g.file("", nil, 0)
	}
	for _, name := range operands {
		if g.out.Buffered() > 0 && g.out.Flush() != nil {
			g.broken = true
		}
		if g.exitNow || g.broken {
			break
		}
		if (len(o.include) > 0 || len(o.exclude) > 0) && !g.isDir(name) {
			if len(o.include) > 0 && !grepMatchAny(o.include, name) {
				continue
			}
			if grepMatchAny(o.exclude, name) {
				continue
			}
		}
		file := name
		if name == "-" {
			file = ""
		}
		status &= g.file(file, nil, 0)
	}
	if g.exitNow {
		return 0
	}
	if g.errseen {
		return 2
	}
	return status
}

// grepDigitArgs removes -NUM context options (grep -2, or digits grouped
// with other options, -n2) before getopt sees them; it returns the other
// arguments and the digits.
func grepDigitArgs(args []string) ([]string, string, bool) {
	if !grepHasDigitArg(args) {
		return args, "", false
	}
	return grepSplitDigits(args)
}

// grepSplitDigits is grepDigitArgs without the quick look.
func grepSplitDigits(args []string) ([]string, string, bool) {
	var out []string
	digits := ""
	found := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || a[1] == '-' {
			out = append(out, a)
			continue
		}
		// Walk a short-option group; stop at an option taking an argument.
		var keep strings.Builder
		keep.WriteByte('-')
		for j := 1; j < len(a); j++ {
			c := a[j]
			if c >= '0' && c <= '9' {
				digits += string(c)
				found = true
				continue
			}
			keep.WriteByte(c)
			if strings.IndexByte("ABCDXdefm", c) >= 0 {
				keep.WriteString(a[j+1:])
				if j+1 == len(a) && i+1 < len(args) {
					out = append(out, keep.String())
					keep.Reset()
					i++
					out = append(out, args[i])
				}
				break
			}
		}
		if keep.Len() > 1 {
			out = append(out, keep.String())
		}
	}
	if !found {
		return args, "", false
	}
	return out, digits, true
}

// grepHasDigitArg reports whether grepDigitArgs would find digits, walking
// the arguments as it does without building anything: most greps have
// none.
func grepHasDigitArg(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return false
		}
		if len(a) < 2 || a[0] != '-' || a[1] == '-' {
			continue
		}
		for j := 1; j < len(a); j++ {
			c := a[j]
			if c >= '0' && c <= '9' {
				return true
			}
			if strings.IndexByte("ABCDXdefm", c) >= 0 {
				if j+1 == len(a) {
					i++ // the option's argument
				}
				break
			}
		}
	}
	return false
}

// compile builds the matchers from the patterns.
func (g *grepRun) compile(patterns []string) error {
	o := &g.o
	if g.none {
		return nil
	}
	key := grepKey{strings.Join(patterns, "\n"), o.matcher, o.icase, o.lines, o.words}
	if c, ok := grepCacheGet(key); ok {
		g.re, g.show, g.lit = c.re, c.show, c.lit
		return nil
	}
	parts := make([]string, len(patterns))
	for i, pat := range patterns {
		switch o.matcher {
		case "F":
			parts[i] = regexp.QuoteMeta(pat)
		case "P":
			if _, err := cachedRegexp(pat, rePerl); err != nil {
				return errors.New("invalid Perl regular expression (rclab uses Go syntax)")
			}
			parts[i] = pat
		default:
			s, err := posixTranslate(pat, o.matcher == "E", true)
			if err != nil {
				return err
			}
			parts[i] = s
		}
	}
	body := parts[0]
	if len(parts) > 1 {
		body = "(?:" + strings.Join(parts, ")|(?:") + ")"
	}
	flags := "(?m)"
	if o.icase {
		flags = "(?mi)"
	}
	var src, show string
	switch {
	case o.lines:
		src = flags + "^(?:" + body + ")$"
		show = src
	case o.words:
		src = flags + "(?:^|[^0-9A-Za-z_])(" + body + ")(?:[^0-9A-Za-z_]|$)"
		show = src
	default:
		src = flags + body
		show = src
	}
	re, err := cachedRegexp(src, rePerl)
	if err != nil {
		return posixGoError(err)
	}
	g.re = re
	if g.show, err = cachedRegexp(show, reLongest); err != nil {
		return posixGoError(err)
	}
	if lit := grepRequired(src); lit != "" {
		g.lit = []byte(lit)
	}
	grepCachePut(key, grepCompiled{re: g.re, show: g.show, lit: g.lit})
	return nil
}

// grepMatchAny reports whether name matches one of the --include or
// --exclude globs (fnmatch without FNM_PATHNAME: * matches / too).
func grepMatchAny(globs []string, name string) bool {
	for _, gl := range globs {
		if txtFnmatch(gl, name) {
			return true
		}
	}
	return false
}

func (g *grepRun) isDir(name string) bool {
	fi, err := g.p.userFS().Stat(g.p.Abs(name))
	return err == nil && fi.IsDir()
}

func grepIno(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*vfs.Stat); ok {
		return st.Ino
	}
	return 0
}

// file greps one operand or one file found in a directory walk ("" is
// standard input); ancestors are the inodes of the directories above it
// in the walk, and mode the type of the entry there. It returns 0 when
// something was selected, else 1.
func (g *grepRun) file(name string, ancestors []uint64, mode fs.FileMode) int {
	p := g.p
	o := &g.o
	if name == "" {
		label := "(standard input)"
		if o.label != "" {
			label = o.label
		}
		return g.stream(label, p.Stdin)
	}
	abs := p.Abs(name)
	var fi fs.FileInfo
	if ancestors == nil || mode&fs.ModeSymlink != 0 && o.follow || mode.IsDir() {
		var err error
		if fi, err = p.userFS().Stat(abs); err != nil {
			g.suppressible(name, err)
			return 1
		}
		mode = fi.Mode()
	}
	if mode&fs.ModeSymlink != 0 {
		return 1 // -r does not follow links met in the walk
	}
	if mode.IsDir() {
		if o.recurse {
			return g.dir(name, fi, ancestors)
		}
		// grep 2.5.1 reads the directory, gets EISDIR and says nothing.
		return g.finish(&grepFileState{name: name})
	}
	if !mode.IsRegular() {
		// Devices and fifos read as empty in the simulation.
		return g.finish(&grepFileState{name: name})
	}
	data, err := g.read(abs)
	if err != nil {
		g.suppressible(name, err)
		return 1
	}
	st := g.newState(name, data)
	if st == nil {
		return g.finish(&grepFileState{name: name})
	}
	g.chunk(st, data, true)
	return g.finish(st)
}

// read returns the content of a regular file in g.buf.
func (g *grepRun) read(abs string) ([]byte, error) {
	f, err := g.p.userFS().Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g.buf = g.buf[:0]
	if fi, err := f.Stat(); err == nil && fi.Size() < 1<<20 {
		// Room for the whole file and the read that finds its end.
		g.buf = slices.Grow(g.buf, int(fi.Size())+1)
	}
	for {
		if len(g.buf) == cap(g.buf) {
			g.buf = append(g.buf, 0)[:len(g.buf)]
		}
		n, err := f.Read(g.buf[len(g.buf):cap(g.buf)])
		g.buf = g.buf[:len(g.buf)+n]
		if err == io.EOF {
			return g.buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// dir greps the files of a directory, in name order.
func (g *grepRun) dir(name string, fi fs.FileInfo, ancestors []uint64) int {
	ino := grepIno(fi)
	for _, a := range ancestors {
		if a == ino && ino != 0 {
			if !g.o.suppress {
				g.out.Flush()
				g.p.Errorf("warning: %s: recursive directory loop", name)
			}
			return 1
		}
	}
	entries, err := g.p.userFS().ReadDir(g.p.Abs(name))
	if err != nil {
		g.suppressible(name, err)
		return 1
	}
	status := 1
	prefix := name
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	saved := g.outFile
	g.outFile = g.outFile || !g.o.noName
	chain := append(ancestors[:len(ancestors):len(ancestors)], ino)
	for _, e := range entries {
		if g.out.Buffered() > 0 && g.out.Flush() != nil {
			g.broken = true
		}
		if g.exitNow || g.broken || g.p.Canceled() {
			break
		}
		if (len(g.o.include) > 0 || len(g.o.exclude) > 0) && !g.entryIsDir(prefix+e.Name(), e) {
			if len(g.o.include) > 0 && !grepMatchAny(g.o.include, e.Name()) {
				continue
			}
			if grepMatchAny(g.o.exclude, e.Name()) {
				continue
			}
		}
		status &= g.file(prefix+e.Name(), chain, e.Type())
	}
	g.outFile = saved
	return status
}

func (g *grepRun) entryIsDir(name string, e fs.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink != 0 && g.o.follow {
		return g.isDir(name)
	}
	return false
}

// newState prepares the state for an input whose first data is head; it
// returns nil when the input is to be skipped (binary without-match).
func (g *grepRun) newState(name string, head []byte) *grepFileState {
	o := &g.o
	// One state serves every file in turn: finish is done with it before
	// the next file starts.
	g.state = grepFileState{name: name, outleft: o.maxCount}
	st := &g.state
	if st.outleft < 0 {
		st.outleft = 1<<63 - 1
	}
	outQuiet := o.count || o.quiet || o.list != 0
	probe := head
	if len(probe) > 32768 {
		probe = probe[:32768]
	}
	notText := ((o.binary == "binary" && !outQuiet) || o.binary == "without-match") &&
		bytes.IndexByte(probe, 0) >= 0
	if notText && o.binary == "without-match" {
		return nil
	}
	st.binary = notText
	st.quiet = outQuiet || notText
	st.doneOnMatch = o.quiet || o.list != 0 || notText
	return st
}

// finish prints the per-file summary (-c, -l, -L, binary) and returns
// the file's status.
func (g *grepRun) finish(st *grepFileState) int {
	o := &g.o
	if st.binary && st.count > 0 {
		fmt.Fprintf(g.out, "Binary file %s matches\n", st.name)
	}
	if o.count {
		if g.outFile {
			g.out.WriteString(st.name + ":")
		}
		fmt.Fprintf(g.out, "%d\n", st.count)
	}
	if st.count > 0 && o.list == 1 || st.count == 0 && o.list == -1 {
		g.out.WriteString(st.name + "\n")
	}
	if st.count > 0 {
		if o.quiet {
			g.exitNow = true
		}
		return 0
	}
	return 1
}

// stream greps standard input chunk by chunk, so that `yes | grep -q y`
// and interactive use work.
func (g *grepRun) stream(label string, r io.Reader) int {
	if r == nil {
		return g.finish(&grepFileState{name: label})
	}
	// Recycled buffers (bufpool.go): buf holds the unfinished last line
	// between reads, and grows past ioBufSize only for a longer line.
	pending, read := getIOBuf(), getIOBuf()
	defer putIOBuf(read)
	buf := (*pending)[:0]
	defer func() {
		*pending = buf
		putIOBuf(pending)
	}()
	var st *grepFileState
	readBuf := *read
	eof := false
	for !eof {
		if g.p.Canceled() {
			break
		}
		n, err := r.Read(readBuf)
		buf = append(buf, readBuf[:n]...)
		if err != nil {
			eof = true
			if err != io.EOF {
				g.suppressible(label, err)
			}
		}
		if st == nil {
			if len(buf) == 0 && !eof {
				continue
			}
			st = g.newState(label, buf)
			if st == nil {
				return g.finish(&grepFileState{name: label})
			}
		}
		end := len(buf)
		if !eof {
			end = bytes.LastIndexByte(buf, '\n') + 1
		}
		if end > 0 {
			g.chunk(st, buf[:end], eof)
			st.base += int64(end)
			buf = append(buf[:0], buf[end:]...)
		}
		if g.out.Flush() != nil {
			g.broken = true
		}
		if st.stop || g.exitNow || g.broken {
			break
		}
	}
	if st == nil {
		st = &grepFileState{name: label}
	}
	return g.finish(st)
}

// lineEnd returns the index of the newline ending the line at s, or
// len(buf).
func grepLineEnd(buf []byte, s int) int {
	if i := bytes.IndexByte(buf[s:], '\n'); i >= 0 {
		return s + i
	}
	return len(buf)
}

// findLine returns the first line at or after pos (a line start) that
// matches, as its start and end (the index of its newline, or len(buf)),
// or -1.
func (g *grepRun) findLine(buf []byte, pos int) (int, int) {
	if g.none {
		return -1, -1
	}
	for pos < len(buf) {
		if pos = g.skipToLiteral(buf, pos); pos < 0 {
			return -1, -1
		}
		loc := g.re.FindIndex(buf[pos:])
		if loc == nil {
			return -1, -1
		}
		ms := pos + loc[0]
		if ms >= len(buf) {
			return -1, -1 // the empty "line" after the final newline
		}
		start := bytes.LastIndexByte(buf[pos:ms], '\n') + 1 + pos
		end := grepLineEnd(buf, ms)
		if pos+loc[1] <= end || g.re.Match(buf[start:end]) {
			return start, end
		}
		pos = end + 1
	}
	return -1, -1
}

// chunk greps buf, whole lines of one input (the last one may lack its
// newline when eof).
func (g *grepRun) chunk(st *grepFileState, buf []byte, eof bool) {
	o := &g.o
	needNum := o.lineNum || o.before > 0 || o.after > 0
	pos := 0
	mStart, mEnd := -2, -2 // cached next matching line for -v
	for pos < len(buf) && !st.stop {
		// Next selected line.
		var s, e int
		if !o.invert {
			s, e = g.findLine(buf, pos)
		} else {
			s = -1
			for q := pos; q < len(buf); {
				if mStart != -1 && mStart < q {
					mStart, mEnd = g.findLine(buf, q)
				}
				if mStart != q {
					s, e = q, grepLineEnd(buf, q)
					break
				}
				q = mEnd + 1
			}
		}
		gapEnd := s
		if s < 0 {
			gapEnd = len(buf)
		}
		if st.outleft == 0 && s >= 0 {
			// -m reached: trailing context stops at the next selected line.
			gapEnd = s
		}
		g.gap(st, buf, pos, gapEnd, s >= 0 && st.outleft > 0, needNum)
		if s < 0 || st.outleft == 0 {
			if st.outleft == 0 {
				st.stop = true
			}
			break
		}
		// The selected line.
		num := st.lineno + 1
		if !st.quiet {
			g.sep(st, num)
			g.prline(st, buf[s:e], num, st.base+int64(s), ':', true)
			st.lastPrinted = num
			st.pending = o.after
		}
		st.count++
		st.outleft--
		st.lineno++
		pos = e + 1
		if st.doneOnMatch {
			st.stop = true
			if o.quiet {
				g.exitNow = true
			}
		}
	}
	if !eof && !st.quiet && o.before > 0 {
		// Save unprinted tail lines as leading context for the next chunk.
		g.saveBefore(st, buf)
	}
}

// gap handles the unselected lines buf[from:to]: trailing context of the
// previous selection, then leading context of the next one when sel.
func (g *grepRun) gap(st *grepFileState, buf []byte, from, to int, sel, needNum bool) {
	o := &g.o
	pos := from
	// Trailing context.
	for !st.quiet && st.pending > 0 && pos < to {
		e := grepLineEnd(buf, pos)
		num := st.lineno + 1
		g.prline(st, buf[pos:e], num, st.base+int64(pos), '-', false)
		st.lastPrinted = num
		st.pending--
		st.lineno++
		pos = e + 1
	}
	// Count the remaining lines.
	nlines := 0
	if needNum && pos < to {
		nlines = bytes.Count(buf[pos:to], []byte{'\n'})
		if buf[to-1] != '\n' {
			nlines++
		}
	}
	if sel && !st.quiet && o.before > 0 {
		// Leading context: the last lines before `to`, then lines saved
		// from earlier chunks.
		var ctx []grepCtxLine
		num := st.lineno + nlines // the line before the selected one
		e := to - 1               // its newline
		for len(ctx) < o.before && e >= pos {
			s := bytes.LastIndexByte(buf[pos:e], '\n') + 1 + pos
			ctx = append(ctx, grepCtxLine{buf[s:e], num, st.base + int64(s)})
			e = s - 1
			num--
		}
		if pos == 0 {
			for i := len(st.before) - 1; i >= 0 && len(ctx) < o.before; i-- {
				ctx = append(ctx, st.before[i])
			}
		}
		for i := len(ctx) - 1; i >= 0; i-- {
			if ctx[i].num <= st.lastPrinted {
				continue
			}
			g.sep(st, ctx[i].num)
			g.prline(st, ctx[i].text, ctx[i].num, ctx[i].off, '-', false)
			st.lastPrinted = ctx[i].num
		}
	}
	st.lineno += nlines
}

// saveBefore keeps the last unprinted lines before the next chunk, from
// buf and from earlier chunks, for leading context.
func (g *grepRun) saveBefore(st *grepFileState, buf []byte) {
	var ctx []grepCtxLine
	e := len(buf) - 1
	num := st.lineno
	for len(ctx) < g.o.before && e >= 0 && num > st.lastPrinted {
		s := bytes.LastIndexByte(buf[:e], '\n') + 1
		ctx = append(ctx, grepCtxLine{append([]byte(nil), buf[s:e]...), num, st.base + int64(s)})
		e = s - 1
		num--
	}
	for i := len(st.before) - 1; i >= 0 && len(ctx) < g.o.before && e < 0; i-- {
		if st.before[i].num > st.lastPrinted {
			ctx = append(ctx, st.before[i])
		}
	}
	st.before = st.before[:0]
	for i := len(ctx) - 1; i >= 0; i-- {
		st.before = append(st.before, ctx[i])
	}
}

// sep prints the "--" group separator when the line about to be printed
// (number num) does not follow the last one printed.
func (g *grepRun) sep(st *grepFileState, num int) {
	if (g.o.before > 0 || g.o.after > 0) && g.used && (st.lastPrinted == 0 || num != st.lastPrinted+1) {
		g.out.WriteString("--\n")
	}
	g.used = true
}

// prline prints one line with its prefixes; selected lines under -o print
// their matches only.
func (g *grepRun) prline(st *grepFileState, line []byte, num int, off int64, sep byte, selected bool) {
	o := &g.o
	prefix := func(off int64) {
		if g.outFile {
			g.out.WriteString(st.name)
			g.out.WriteByte(sep)
		}
		if o.lineNum {
			g.out.WriteString(strconv.Itoa(num))
			g.out.WriteByte(sep)
		}
		if o.byteOff {
			g.out.WriteString(strconv.FormatInt(off, 10))
			g.out.WriteByte(sep)
		}
	}
	if o.onlyMatch {
		if !selected || o.invert {
			return
		}
		for _, m := range g.matches(line) {
			prefix(off + int64(m[0]))
			if o.color {
				g.out.WriteString("\033[" + o.colorSeq + "m")
			}
			g.out.Write(line[m[0]:m[1]])
			if o.color {
				g.out.WriteString("\033[00m")
			}
			g.out.WriteByte('\n')
		}
		return
	}
	prefix(off)
	if o.color {
		last := 0
		for _, m := range g.matches(line) {
			g.out.Write(line[last:m[0]])
			g.out.WriteString("\033[" + o.colorSeq + "m")
			g.out.Write(line[m[0]:m[1]])
			g.out.WriteString("\033[00m")
			last = m[1]
		}
		line = line[last:]
	}
	g.out.Write(line)
	g.out.WriteByte('\n')
}

// matches returns the non-empty leftmost-longest matches in line, in
// order; as grep 2.5.1 it stops at the first empty match.
func (g *grepRun) matches(line []byte) [][2]int {
	if g.none {
		return nil
	}
	var out [][2]int
	pos := 0
	for pos <= len(line) {
		loc := g.show.FindSubmatchIndex(line[pos:])
		if loc == nil {
			break
		}
		s, e := loc[0], loc[1]
		if g.o.words {
			s, e = loc[2], loc[3]
			if s == 0 && pos > 0 && txtIsWordByte(line[pos-1]) {
				// The ^ alternative matched at a false line start.
				pos++
				continue
			}
		}
		if e == s {
			break
		}
		out = append(out, [2]int{pos + s, pos + e})
		pos += e
	}
	return out
}

// txtIsWordByte reports whether c is a word constituent for -w.
func txtIsWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
