package bash

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// This file is bash 3.2's printf builtin (builtins/printf.def). The
// behaviour follows the bash 4.3 printf.def public on GitHub
// (jacks0n9/bashtest builtins/printf.def) minus what came after 3.2:
// %(fmt)T, \u and \U, array names for -v, "invalid octal/hex number",
// printing the partly converted value of an invalid number (3.2 prints
// 0), and the padding of an empty %b argument (3.2 prints nothing for
// it). Conversions C's printf does in bash are done here as glibc does
// them, with a long double's precision and range (checked against glibc
// 2.36; glibc's formatting of these conversions has not changed since
// CentOS 5's 2.5 as far as known). %q quotes as bash 3.2's lib/sh/shquote.c and
// strtrans.c in the C locale: $'…' with octal escapes when any byte is
// not printable ASCII, else backslashes before the shell's special
// characters (not before ~).

// printfUsage is the line bash prints for a malformed printf; unlike the
// other messages it carries no prefix.
const printfUsage = "printf: usage: printf [-v var] format [arguments]"

// Limits that keep a runaway format from eating host memory: a field is
// at most printfMaxField bytes wide, and output past printfMaxOutput
// bytes stops printf as a full disk would.
const (
	printfMaxField  = 1 << 20
	printfMaxOutput = 1 << 24
)

// printfBuiltin is bash 3.2's printf; args are the words after "printf",
// options included. out is the text printed (or, with -v, assigned: see
// parsePrintfV); status is 0, 1 (an invalid number, format character or
// a write error) or 2 (bad usage); errs are the messages for standard
// error in order, each printed as PREFIX+msg+"\n" except printfUsage,
// which is printed as is. The order of out and errs relative to each
// other is lost: bash writes errors as they come and output when its
// buffer is flushed (at the end, for short output).
func printfBuiltin(args []string) (out string, status int, errs []string) {
	_, rest, errs, status := printfOptions(args)
	if status != 0 {
		return "", status, errs
	}
	if len(rest) == 0 {
		return "", 2, []string{printfUsage}
	}
	if rest[0] == "" {
		return "", 0, nil
	}
	p := printfState{args: rest[1:]}
	status = p.run(rest[0])
	return string(p.out), status, p.errs
}

// parsePrintfV reports whether printf assigns its output to a variable:
// ok is true when args start with a valid "-v NAME" (or "-vNAME") and a
// non-empty format follows, as bash 3.2 binds the variable exactly then
// (even when printf fails part way: the output so far is assigned). name
// is the variable and rest the format and its arguments.
func parsePrintfV(args []string) (name string, rest []string, ok bool) {
	name, rest, _, status := printfOptions(args)
	if status != 0 || name == "" || len(rest) == 0 || rest[0] == "" {
		return "", rest, false
	}
	return name, rest, true
}

// printfOptions parses printf's options as bash's internal_getopt with
// "v:": name is -v's variable, rest the operands; status 2 comes with the
// messages of a bad option or name.
func printfOptions(args []string) (name string, rest []string, errs []string, status int) {
	for len(args) > 0 {
		a := args[0]
		if len(a) < 2 || a[0] != '-' {
			break
		}
		args = args[1:]
		if a == "--" {
			break
		}
		// v is the only option, and it takes the rest of its word or
		// the next word.
		if a[1] != 'v' {
			return "", nil, []string{"printf: -" + a[1:2] + ": invalid option", printfUsage}, 2
		}
		v := a[2:]
		if v == "" {
			if len(args) == 0 {
				return "", nil, []string{"printf: -v: option requires an argument", printfUsage}, 2
			}
			v, args = args[0], args[1:]
		}
		if !printfIdentifier(v) {
			return "", nil, []string{"printf: `" + v + "': not a valid identifier"}, 2
		}
		name = v
	}
	return name, args, nil, 0
}

// printfIdentifier is bash's legal_identifier.
func printfIdentifier(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// printfState is one run of printf: the output so far, the arguments and
// the next one to use, the messages, and whether a number was invalid.
type printfState struct {
	out     []byte
	args    []string
	next    int
	errs    []string
	convErr bool
	full    bool // the output limit was hit
}

// printfSpec is a conversion specification: flags, width and precision.
type printfSpec struct {
	minus, plus, space, zero, sharp bool
	width                           int
	prec                            int // -1: none
	// dotOnly is a '.' with no digits: precision 0 for C's printf, none
	// for bash's own printstr (%b and %q).
	dotOnly bool
}

// run prints format, reusing it while arguments remain and the last pass
// used some; it returns the status.
func (p *printfState) run(format string) int {
	for {
		if status, done := p.pass(format); done {
			return status
		}
		if p.full {
			return 1
		}
		if p.next >= len(p.args) || p.next == 0 {
			break
		}
	}
	if p.convErr {
		return 1
	}
	return 0
}

// pass prints format once; done is true when printf must stop with
// status (a bad format, \c in %b, or the output limit).
func (p *printfState) pass(format string) (status int, done bool) {
	for i := 0; i < len(format); i++ {
		if p.full {
			return 1, true
		}
		c := format[i]
		if c == '\\' {
			b, n, _, noHex := printfEscape(format[i+1:], false)
			if noHex {
				p.errs = append(p.errs, `printf: missing hex digit for \x`)
			}
			p.putByte(b)
			i += n
			continue
		}
		if c != '%' {
			p.putByte(c)
			continue
		}
		start := i
		i++
		if i < len(format) && format[i] == '%' {
			p.putByte('%')
			continue
		}
		var f printfSpec
		f.prec = -1
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				f.minus = true
			case '+':
				f.plus = true
			case ' ':
				f.space = true
			case '0':
				f.zero = true
			case '#':
				f.sharp = true
			case '\'': // grouping: nothing in the C locale
			default:
				break flags
			}
		}
		if i < len(format) && format[i] == '*' {
			i++
			f.width = p.intArg()
			if f.width < 0 {
				f.minus, f.width = true, -f.width
			}
		} else {
			f.width, i = printfDigits(format, i)
		}
		if i < len(format) && format[i] == '.' {
			i++
			if i < len(format) && format[i] == '*' {
				i++
				if f.prec = p.intArg(); f.prec < 0 {
					f.prec = -1
				}
			} else if i < len(format) && format[i] >= '0' && format[i] <= '9' {
				f.prec, i = printfDigits(format, i)
			} else {
				f.prec, f.dotOnly = 0, true
			}
		}
		f.width = min(f.width, printfMaxField)
		f.prec = min(f.prec, printfMaxField)
		for i < len(format) && strings.IndexByte("hjlLtz", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			p.errs = append(p.errs, "printf: `"+format[start:]+"': missing format character")
			return 1, true
		}
		if status, done := p.convert(format[i], f); done {
			return status, true
		}
	}
	return 0, false
}

// convert prints one conversion; done is true when printf must stop.
func (p *printfState) convert(conv byte, f printfSpec) (status int, done bool) {
	switch conv {
	case 'c':
		var c byte
		if a, ok := p.arg(); ok && a != "" {
			c = a[0]
		}
		p.field(string(c), f)
	case 's':
		a, _ := p.arg()
		if f.prec >= 0 && f.prec < len(a) {
			a = a[:f.prec]
		}
		p.field(a, f)
	case 'b':
		a, _ := p.arg()
		if a == "" {
			return 0, false // bash 3.2's bexpand gives nothing to print, not even padding
		}
		text, stop := p.bexpand(a)
		p.printstr(text, f)
		if stop {
			return 0, true
		}
	case 'q':
		a, _ := p.arg()
		p.printstr(printfQuote(a), f)
	case 'n':
		// %n assigns the count of bytes printed so far to a variable;
		// that needs the shell, so the name is checked and ignored.
		if a, _ := p.arg(); a != "" && !printfIdentifier(a) {
			p.errs = append(p.errs, "printf: `"+a+"': not a valid identifier")
			return 1, true
		}
	case 'd', 'i':
		v := p.intmaxArg()
		neg := v < 0
		mag := uint64(v)
		if neg {
			mag = -mag
		}
		p.put(printfInt(neg, mag, conv, f))
	case 'o', 'u', 'x', 'X':
		p.put(printfInt(false, p.uintmaxArg(), conv, f))
	case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A':
		p.put(printfFloat(p.floatArg(), conv, f))
	default:
		p.errs = append(p.errs, "printf: `"+string(conv)+"': invalid format character")
		return 1, true
	}
	return 0, false
}

// put appends s to the output, up to the limit.
func (p *printfState) put(s string) {
	if p.room(len(s)) {
		p.out = append(p.out, s...)
	}
}

// putByte appends c to the output, up to the limit.
func (p *printfState) putByte(c byte) {
	if p.room(1) {
		p.out = append(p.out, c)
	}
}

// room reports whether n more bytes fit under the output limit; past it,
// printf fails as a write to a full disk.
func (p *printfState) room(n int) bool {
	if p.full {
		return false
	}
	if len(p.out)+n > printfMaxOutput {
		p.full = true
		p.errs = append(p.errs, "printf: write error: No space left on device")
		return false
	}
	return true
}

// field prints s in a field of f.width, left-justified with '-'. glibc
// pads strings with spaces even after '0'.
func (p *printfState) field(s string, f printfSpec) {
	pad := f.width - len(s)
	if pad > 0 && !f.minus {
		p.put(printfSpaces(pad))
	}
	p.put(s)
	if pad > 0 && f.minus {
		p.put(printfSpaces(pad))
	}
}

// printstr is bash's own %s for %b and %q, where a '.' without digits
// means no precision.
func (p *printfState) printstr(s string, f printfSpec) {
	if f.prec >= 0 && !f.dotOnly && f.prec < len(s) {
		s = s[:f.prec]
	}
	p.field(s, f)
}

// bexpand translates %b's escapes in a; stop is true at \c, where the
// whole printf stops.
func (p *printfState) bexpand(a string) (string, bool) {
	if strings.IndexByte(a, '\\') < 0 {
		return a, false
	}
	var b strings.Builder
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c != '\\' || i+1 == len(a) {
			b.WriteByte(c)
			continue
		}
		e, n, stop, noHex := printfEscape(a[i+1:], true)
		if noHex {
			p.errs = append(p.errs, `printf: missing hex digit for \x`)
		}
		if stop {
			return b.String(), true
		}
		b.WriteByte(e)
		i += n
	}
	return b.String(), false
}

// printfEscape translates the escape sequence s begins with (s follows a
// backslash), as printf.def's tescape: c is the byte to print and n the
// bytes of s used. n is 0 when the backslash stands for itself (the
// following bytes print as they are): an unknown escape, \c in a format,
// \', \" and \? in %b, and \x without a hex digit (noHex). forB selects
// %b's rules: \0 takes up to three more octal digits and \c stops.
func printfEscape(s string, forB bool) (c byte, n int, stop, noHex bool) {
	if s == "" {
		return '\\', 0, false, false
	}
	switch e := s[0]; e {
	case 'a':
		return '\a', 1, false, false
	case 'b':
		return '\b', 1, false, false
	case 'e', 'E':
		return 033, 1, false, false
	case 'f':
		return '\f', 1, false, false
	case 'n':
		return '\n', 1, false, false
	case 'r':
		return '\r', 1, false, false
	case 't':
		return '\t', 1, false, false
	case 'v':
		return '\v', 1, false, false
	case '\\':
		return '\\', 1, false, false
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v, more := int(e-'0'), 2
		if forB && v == 0 {
			more = 3
		}
		n = 1
		for ; more > 0 && n < len(s) && s[n] >= '0' && s[n] <= '7'; more-- {
			v = v*8 + int(s[n]-'0')
			n++
		}
		return byte(v), n, false, false
	case 'x':
		v := 0
		n = 1
		for ; n < 3 && n < len(s) && escHexDigit(s[n]) >= 0; n++ {
			v = v*16 + escHexDigit(s[n])
		}
		if n == 1 {
			return '\\', 0, false, true
		}
		return byte(v), n, false, false
	case '\'', '"', '?':
		if !forB {
			return e, 1, false, false
		}
	case 'c':
		if forB {
			return 0, 1, true, false
		}
	}
	return '\\', 0, false, false
}

// printfDigits reads a decimal number at s[i:] (none is 0), saturating.
func printfDigits(s string, i int) (int, int) {
	v := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if v < printfMaxField*10 {
			v = v*10 + int(s[i]-'0')
		}
	}
	return v, i
}

// arg takes the next argument; ok is false when none is left.
func (p *printfState) arg() (string, bool) {
	if p.next >= len(p.args) {
		return "", false
	}
	p.next++
	return p.args[p.next-1], true
}

// intArg is getint: a '*' width or precision, clamped to an int32.
func (p *printfState) intArg() int {
	a := ""
	if p.next < len(p.args) {
		a = p.args[p.next]
	}
	v := p.intmaxArg()
	if v > math.MaxInt32 || v < math.MinInt32 {
		p.errs = append(p.errs, "printf: warning: "+a+": Numerical result out of range")
		if v > 0 {
			return math.MaxInt32
		}
		return math.MinInt32
	}
	return int(v)
}

// intmaxArg is getintmax: the next argument as strtoimax reads it with
// base 0 ('c and "c give the character's code); no argument is 0.
func (p *printfState) intmaxArg() int64 {
	a, ok := p.arg()
	if !ok {
		return 0
	}
	if a != "" && (a[0] == '\'' || a[0] == '"') {
		return int64(printfCharCode(a))
	}
	mag, neg, end, overflow := strtoInt(a)
	if end != len(a) {
		p.invalidNumber(a)
		return 0
	}
	var v int64
	switch {
	case !neg && (overflow || mag > math.MaxInt64):
		overflow, v = true, math.MaxInt64
	case neg && (overflow || mag > 1<<63):
		overflow, v = true, math.MinInt64
	case neg:
		v = int64(-mag)
	default:
		v = int64(mag)
	}
	if overflow {
		p.rangeWarning(a)
	}
	return v
}

// uintmaxArg is getuintmax, with strtoumax's wrap-around for a sign.
func (p *printfState) uintmaxArg() uint64 {
	a, ok := p.arg()
	if !ok {
		return 0
	}
	if a != "" && (a[0] == '\'' || a[0] == '"') {
		return uint64(printfCharCode(a))
	}
	mag, neg, end, overflow := strtoInt(a)
	if end != len(a) {
		p.invalidNumber(a)
		return 0
	}
	if overflow {
		p.rangeWarning(a)
		return math.MaxUint64
	}
	if neg {
		return -mag
	}
	return mag
}

func (p *printfState) invalidNumber(a string) {
	p.errs = append(p.errs, "printf: "+a+": invalid number")
	p.convErr = true
}

func (p *printfState) rangeWarning(a string) {
	p.errs = append(p.errs, "printf: warning: "+a+": Numerical result out of range")
}

// printfCharCode is the code of the character after a leading quote (0 for a
// quote alone), byte-wise as in the C locale.
func printfCharCode(a string) byte {
	if len(a) < 2 {
		return 0
	}
	return a[1]
}

// strtoInt reads an integer as strtoimax/strtoumax with base 0 do:
// leading white space, a sign, then 0x… hex, 0… octal or decimal. end is
// the index after the number (0 when there is none, as the C end pointer
// is then the start); overflow reports a magnitude past 64 bits.
func strtoInt(s string) (mag uint64, neg bool, end int, overflow bool) {
	i := 0
	for i < len(s) && ctypeSpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := uint64(10)
	if i < len(s) && s[i] == '0' {
		base = 8
		if i+2 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X') && escHexDigit(s[i+2]) >= 0 {
			base = 16
			i += 2
		}
	}
	digits := i
	for ; i < len(s); i++ {
		d := uint64(escHexDigit(s[i]))
		if escHexDigit(s[i]) < 0 || d >= base {
			break
		}
		if mag > (math.MaxUint64-d)/base {
			overflow = true
		}
		mag = mag*base + d
	}
	if i == digits {
		return 0, false, 0, false
	}
	return mag, neg, i, overflow
}

// printfInt formats an integer as glibc's printf does for %d %i %o %u %x
// %X: sign or blank for d and i, '#' prefixes, precision as a minimum
// number of digits (0 prints nothing for 0), zero padding unless a
// precision is given.
func printfInt(neg bool, mag uint64, conv byte, f printfSpec) string {
	base := 10
	switch conv {
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	}
	digits := strconv.FormatUint(mag, base)
	if conv == 'X' {
		digits = strings.ToUpper(digits)
	}
	if f.prec == 0 && mag == 0 {
		digits = ""
	}
	if f.prec > len(digits) {
		digits = printfZeros(f.prec-len(digits)) + digits
	}
	prefix := ""
	switch conv {
	case 'd', 'i':
		switch {
		case neg:
			prefix = "-"
		case f.plus:
			prefix = "+"
		case f.space:
			prefix = " "
		}
	case 'o':
		if f.sharp && (digits == "" || digits[0] != '0') {
			digits = "0" + digits
		}
	case 'x', 'X':
		if f.sharp && mag != 0 {
			prefix = "0" + string(conv)
		}
	}
	return printfPad(prefix, digits, f, f.zero && f.prec < 0)
}

// printfPad lays out prefix (sign, 0x) and digits in f's width: spaces
// after with '-', zeros between with zero, spaces before otherwise.
func printfPad(prefix, digits string, f printfSpec, zero bool) string {
	pad := f.width - len(prefix) - len(digits)
	switch {
	case pad <= 0:
		return prefix + digits
	case f.minus:
		return prefix + digits + printfSpaces(pad)
	case zero:
		return prefix + printfZeros(pad) + digits
	}
	return printfSpaces(pad) + prefix + digits
}

func printfSpaces(n int) string { return strings.Repeat(" ", n) }
func printfZeros(n int) string  { return strings.Repeat("0", n) }

// printfQuote is %q: bash 3.2's ansic_quote when a byte is not printable
// ASCII, else sh_backslash_quote.
func printfQuote(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return printfANSIC(s)
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\'', '"', '\\', '|', '&', ';', '(', ')', '<',
			'>', '!', '{', '}', '*', '[', '?', ']', '^', '$', '`', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '#':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// printfANSIC is $'…' with C escapes and three-digit octal for the other
// bytes that are not printable ASCII.
func printfANSIC(s string) string {
	var b strings.Builder
	b.Grow(len(s)*2 + 3)
	b.WriteString("$'")
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 033:
			b.WriteString(`\E`)
		case '\a':
			b.WriteString(`\a`)
		case '\v':
			b.WriteString(`\v`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\\', '\'':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c > 0x7e {
				b.WriteByte('\\')
				b.WriteByte('0' + c>>6)
				b.WriteByte('0' + c>>3&7)
				b.WriteByte('0' + c&7)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// longDouble is a printf argument for the floating-point conversions:
// bash reads them with strtold into an x86 long double (a 64-bit
// mantissa, exponents to ±16384), which f holds exactly (it may be ±0 or
// ±Inf). nan is a NaN, neg its sign.
type longDouble struct {
	f        *big.Float
	nan, neg bool
}

// Limits of the long double, as big.Float.MantExp counts exponents: the
// largest finite value and the smallest normal one.
const (
	longDoubleMaxExp    = 16384
	longDoubleMinNormal = -16381
)

func newLongDouble() *big.Float { return new(big.Float).SetPrec(64).SetMode(big.ToNearestEven) }

// floatArg is getfloatmax: the next argument as strtold reads it ('c and
// "c give the character's code); no argument is 0.
func (p *printfState) floatArg() longDouble {
	a, ok := p.arg()
	if !ok {
		return longDouble{f: newLongDouble()}
	}
	if a != "" && (a[0] == '\'' || a[0] == '"') {
		return longDouble{f: newLongDouble().SetInt64(int64(printfCharCode(a)))}
	}
	v, end, rangeErr := strtoFloat(a)
	if end != len(a) {
		p.invalidNumber(a)
		return longDouble{f: newLongDouble()}
	}
	if rangeErr {
		p.rangeWarning(a)
	}
	return v
}

// strtoFloat reads a number as strtold does in the C locale: white
// space, a sign, then inf, infinity, nan, nan(chars), a hex float
// (0x1.8p3) or a decimal one (1.5e3). end is the index after it (0 when
// there is none); rangeErr reports a value out of the long double's range
// (then ±Inf or ±0).
func strtoFloat(s string) (v longDouble, end int, rangeErr bool) {
	v.f = newLongDouble()
	i := 0
	for i < len(s) && ctypeSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	signed := func(v longDouble) longDouble {
		if neg {
			v.f.Neg(v.f)
			v.neg = true
		}
		return v
	}
	rest := strings.ToLower(s[i:])
	switch {
	case strings.HasPrefix(rest, "infinity"):
		v.f.SetInf(false)
		return signed(v), i + 8, false
	case strings.HasPrefix(rest, "inf"):
		v.f.SetInf(false)
		return signed(v), i + 3, false
	case strings.HasPrefix(rest, "nan"):
		end = i + 3
		if j := strings.IndexByte(s[end:], ')'); end < len(s) && s[end] == '(' && j > 0 {
			ok := true
			for _, c := range s[end+1 : end+j] {
				if c != '_' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
					ok = false
				}
			}
			if ok {
				end += j + 1
			}
		}
		v.nan = true
		return signed(v), end, false
	}
	start := i
	hex := i+1 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X')
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	if hex {
		isDigit = func(c byte) bool { return escHexDigit(c) >= 0 }
		i += 2
	}
	mant := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		mant++
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
			mant++
		}
		if mant > 0 {
			i = j
		}
	}
	if mant == 0 {
		if hex { // "0x" with no digit: the 0 alone
			return signed(v), start + 1, false
		}
		return v, 0, false
	}
	num := s[start:i]
	expChar := byte('e')
	if hex {
		expChar = 'p'
	}
	negExp := false
	if i < len(s) && s[i]|0x20 == expChar {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			negExp = s[j] == '-'
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			num, i = s[start:j], j
		}
	}
	if hex && !strings.ContainsAny(num, "pP") {
		num += "p0"
	}
	if mant > 1000 {
		// big.Float reads long decimals in quadratic time; a float64 is
		// near enough for such input.
		f, _ := strconv.ParseFloat(num, 64)
		v.f.SetFloat64(f)
	} else if _, _, err := v.f.Parse(num, 0); err != nil {
		// Only an exponent past big.Float's range gets here.
		if negExp {
			v.f.SetInt64(0)
		} else {
			v.f.SetInf(false)
		}
		return signed(v), i, true
	}
	switch exp := v.f.MantExp(nil); {
	case v.f.IsInf() || exp > longDoubleMaxExp:
		v.f.SetInf(false)
		rangeErr = true
	case v.f.Sign() != 0 && exp < longDoubleMinNormal:
		// A denormal keeps fewer bits, or none; glibc reports the
		// underflow either way.
		rangeErr = true
		if bits := 64 - (longDoubleMinNormal - exp); bits > 0 {
			v.f.SetPrec(uint(bits)).SetPrec(64)
		} else {
			v.f.SetInt64(0)
		}
	}
	return signed(v), i, rangeErr
}

// printfFloat formats v as glibc's printf does for %e %E %f %F %g %G %a
// %A with a long double.
func printfFloat(v longDouble, conv byte, f printfSpec) string {
	prefix := ""
	switch {
	case v.neg || (!v.nan && v.f.Signbit()):
		prefix = "-"
	case f.plus:
		prefix = "+"
	case f.space:
		prefix = " "
	}
	lower := conv | 0x20
	upper := conv != lower
	if v.nan || v.f.IsInf() {
		body := "inf"
		if v.nan {
			body = "nan"
		}
		if upper {
			body = strings.ToUpper(body)
		}
		return printfPad(prefix, body, f, false)
	}
	x := newLongDouble().Abs(v.f)
	prec := f.prec
	var body string
	switch lower {
	case 'a':
		prefix += "0x"
		body = printfHexFloat(x, prec, f.sharp)
	case 'f':
		if prec < 0 {
			prec = 6
		}
		body = x.Text('f', prec)
		if f.sharp && prec == 0 {
			body += "."
		}
	case 'e':
		if prec < 0 {
			prec = 6
		}
		body = x.Text('e', prec)
		if f.sharp && prec == 0 {
			body = strings.Replace(body, "e", ".e", 1)
		}
	case 'g':
		body = printfG(x, prec, f.sharp)
	}
	if upper {
		prefix = strings.ToUpper(prefix)
		body = strings.ToUpper(body)
	}
	return printfPad(prefix, body, f, f.zero)
}

// printfG is C's %g for x >= 0: P significant digits (6 by default, 0
// taken as 1), %e style when the exponent is below -4 or at least P,
// trailing zeros dropped unless '#'.
func printfG(x *big.Float, prec int, sharp bool) string {
	if prec < 0 {
		prec = 6
	}
	if prec == 0 {
		prec = 1
	}
	e := x.Text('e', prec-1)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	s := e
	if exp >= -4 && exp < prec {
		s = x.Text('f', prec-1-exp)
	}
	mant, tail := s, ""
	if k := strings.IndexByte(s, 'e'); k >= 0 {
		mant, tail = s[:k], s[k:]
	}
	if sharp {
		if !strings.Contains(mant, ".") {
			mant += "."
		}
	} else if strings.Contains(mant, ".") {
		mant = strings.TrimSuffix(strings.TrimRight(mant, "0"), ".")
	}
	return mant + tail
}

// printfHexFloat is glibc's %La after the "0x", for x >= 0: the long
// double's 64-bit mantissa puts 8 to f before the point (1 is 0x8p-3).
// With no precision it prints the digits needed; a smaller precision
// rounds half to even.
func printfHexFloat(x *big.Float, prec int, sharp bool) string {
	if x.Sign() == 0 {
		s := "0"
		if prec > 0 {
			s += "." + printfZeros(prec)
		} else if sharp {
			s += "."
		}
		return s + "p+0"
	}
	frac := new(big.Float)
	exp := x.MantExp(frac) - 4 // x = frac * 2^exp, frac in [0.5, 1)
	m, _ := frac.SetMantExp(frac, 64).Uint64()
	lead := m >> 60
	rest := m << 4 // the 15 hex digits after the point, left-aligned
	digits := prec
	switch {
	case prec < 0:
		digits = 0
		for r := rest; r != 0; r <<= 4 {
			digits++
		}
	case prec < 15:
		bits := 4 * uint(prec)
		var keep uint64
		if prec > 0 {
			keep = rest >> (64 - bits)
		}
		dropped, half := rest<<bits, uint64(1)<<63
		odd := keep&1 == 1 || (prec == 0 && lead&1 == 1)
		if dropped > half || (dropped == half && odd) {
			keep++
			if keep>>bits != 0 { // carried into the leading digit
				keep = 0
				if lead++; lead == 16 {
					lead, exp = 1, exp+4
				}
			}
		}
		rest = 0
		if prec > 0 {
			rest = keep << (64 - bits)
		}
	}
	var b strings.Builder
	b.WriteString(strconv.FormatUint(lead, 16))
	if digits > 0 || sharp {
		b.WriteByte('.')
	}
	for k := 0; k < digits; k++ {
		b.WriteString(strconv.FormatUint(rest>>60, 16))
		rest <<= 4
	}
	b.WriteByte('p')
	if exp >= 0 {
		b.WriteByte('+')
	}
	b.WriteString(strconv.Itoa(exp))
	return b.String()
}
