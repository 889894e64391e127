package cmds

// sort as coreutils 5.97 on CentOS 5. In the en_US.UTF-8 locale (the
// default there) lines compare as glibc's strcoll does, which sort shows
// best: letters compare case-blind first (lowercase before uppercase on a
// tie), punctuation and blanks count only to break ties, and numbers use
// "," as the thousands separator. LC_ALL=C (or POSIX) gives byte order.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	Register(Command{
		Name:    "sort",
		Dirs:    []string{"/bin"},
		Summary: "sort lines of text files",
		Usage:   "sort [OPTION]... [FILE]...",
		Main:    sortMain,
	})
}

// srtKey is one sort key (-k) or the whole-line default key.
type srtKey struct {
	sf, sc                                                 int // start field and character, 0-based
	ef, ec                                                 int // end field, 0-based (-1: end of line); end char, 0: end of field
	skipSB                                                 bool
	skipEB                                                 bool
	numeric, general, month, reverse, fold, dict, nonprint bool
}

// hasOrdering reports whether a key carries any option of its own.
func (k *srtKey) hasOrdering() bool {
	return k.skipSB || k.skipEB || k.numeric || k.general || k.month || k.reverse || k.fold || k.dict || k.nonprint
}

// hasOrderingBut reports whether a key has an option other than -r.
func (k *srtKey) hasOrderingBut() bool {
	c := *k
	c.reverse = false
	return c.hasOrdering()
}

// srtSort is one sort invocation.
type srtSort struct {
	keys           []srtKey
	tab            int // -1: blank-separated fields
	reverse        bool
	unique, stable bool
	locale         bool // en_US collation rather than bytes
	thousands      bool // "," groups digits (-n)
}

// srtLocale reports whether the environment asks for a non-C locale for
// category (LC_COLLATE, LC_NUMERIC).
func srtLocale(p *Proc, category string) bool {
	v := p.Getenv("LC_ALL")
	if v == "" {
		v = p.Getenv(category)
	}
	if v == "" {
		v = p.Getenv("LANG")
	}
	return v != "" && v != "C" && v != "POSIX"
}

// srtParseKey parses a -k argument: POS1[,POS2], POS = F[.C][OPTS].
func srtParseKey(spec string) (srtKey, string) {
	k := srtKey{ef: -1}
	s := spec
	num := func(what string) (int, bool) {
		i := 0
		for i < len(s) && txtIsDigit(s[i]) {
			i++
		}
		if i == 0 {
			return 0, false
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil {
			n = 1 << 30
		}
		s = s[i:]
		return n, true
	}
	opts := func(end bool) string {
		for s != "" {
			switch s[0] {
			case 'b':
				if end {
					k.skipEB = true
				} else {
					k.skipSB = true
				}
			case 'd':
				k.dict = true
			case 'f':
				k.fold = true
			case 'g':
				k.general = true
			case 'i':
				k.nonprint = true
			case 'M':
				k.month = true
			case 'n':
				k.numeric = true
			case 'r':
				k.reverse = true
			default:
				return "stray character in field spec"
			}
			s = s[1:]
		}
		return ""
	}
	f, ok := num("")
	if !ok {
		return k, "invalid number at field start"
	}
	if f == 0 {
		return k, "field number is zero"
	}
	k.sf = f - 1
	if strings.HasPrefix(s, ".") {
		s = s[1:]
		c, ok := num("")
		if !ok {
			return k, "invalid number after `.'"
		}
		if c == 0 {
			return k, "character offset is zero"
		}
		k.sc = c - 1
	}
	if i := strings.IndexByte(s, ','); i >= 0 {
		rest := s[i+1:]
		s = s[:i]
		if msg := opts(false); msg != "" {
			return k, msg
		}
		s = rest
		f, ok := num("")
		if !ok {
			return k, "invalid number after `,'"
		}
		if f == 0 {
			return k, "field number is zero"
		}
		k.ef = f - 1
		if strings.HasPrefix(s, ".") {
			s = s[1:]
			c, ok := num("")
			if !ok {
				return k, "invalid number after `.'"
			}
			k.ec = c
		}
		if msg := opts(true); msg != "" {
			return k, msg
		}
		return k, ""
	}
	if msg := opts(false); msg != "" {
		return k, msg
	}
	return k, ""
}

func srtBlank(c byte) bool { return c == ' ' || c == '\t' }

// fieldStart returns where field f (0-based) of line begins.
func (s *srtSort) fieldStart(line []byte, f int) int {
	pos := 0
	for i := 0; i < f && pos < len(line); i++ {
		if s.tab >= 0 {
			j := bytes.IndexByte(line[pos:], byte(s.tab))
			if j < 0 {
				return len(line)
			}
			pos += j + 1
			continue
		}
		for pos < len(line) && srtBlank(line[pos]) {
			pos++
		}
		for pos < len(line) && !srtBlank(line[pos]) {
			pos++
		}
	}
	return pos
}

// fieldEnd returns where field f of line ends.
func (s *srtSort) fieldEnd(line []byte, f int) int {
	pos := s.fieldStart(line, f)
	if s.tab >= 0 {
		if j := bytes.IndexByte(line[pos:], byte(s.tab)); j >= 0 {
			return pos + j
		}
		return len(line)
	}
	for pos < len(line) && srtBlank(line[pos]) {
		pos++
	}
	for pos < len(line) && !srtBlank(line[pos]) {
		pos++
	}
	return pos
}

// keyOf extracts key k of line.
func (s *srtSort) keyOf(line []byte, k *srtKey) []byte {
	b := s.fieldStart(line, k.sf)
	if k.skipSB {
		for b < len(line) && srtBlank(line[b]) {
			b++
		}
	}
	b = min(b+k.sc, len(line))
	e := len(line)
	if k.ef >= 0 {
		if k.ec == 0 {
			e = s.fieldEnd(line, k.ef)
		} else {
			e = s.fieldStart(line, k.ef)
			if k.skipEB {
				for e < len(line) && srtBlank(line[e]) {
					e++
				}
			}
			e = min(e+k.ec, len(line))
		}
	}
	if e < b {
		return nil
	}
	return line[b:e]
}

// compare orders two lines: keys first, then the whole line unless -s or
// -u.
func (s *srtSort) compare(a, b []byte) int {
	for i := range s.keys {
		k := &s.keys[i]
		d := s.compareKey(s.keyOf(a, k), s.keyOf(b, k), k)
		if d != 0 {
			if k.reverse {
				return -d
			}
			return d
		}
	}
	if len(s.keys) > 0 && (s.unique || s.stable) {
		return 0
	}
	d := s.collate(a, b)
	if s.reverse {
		return -d
	}
	return d
}

func (s *srtSort) compareKey(a, b []byte, k *srtKey) int {
	switch {
	case k.numeric:
		return srtNumCompare(a, b, s.locale && s.thousands)
	case k.general:
		return srtGeneralCompare(a, b)
	case k.month:
		return srtMonth(a) - srtMonth(b)
	case k.fold || k.dict || k.nonprint:
		return s.collate(srtTranslate(a, k), srtTranslate(b, k))
	}
	return s.collate(a, b)
}

// srtTranslate applies -d, -i and -f to a key.
func srtTranslate(b []byte, k *srtKey) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if k.dict && !(srtBlank(c) || txtIsAlpha(c) || txtIsDigit(c) || c >= 0x80) {
			continue
		}
		if k.nonprint && (c < 32 || c == 127) {
			continue
		}
		if k.fold && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		out = append(out, c)
	}
	return out
}

// collate compares as strcoll in the sort's locale.
func (s *srtSort) collate(a, b []byte) int {
	if !s.locale {
		return bytes.Compare(a, b)
	}
	return srtCollate(a, b)
}

// srtCollate approximates glibc 2.5's en_US.UTF-8 collation (ISO 14651):
// level 1 compares letters and digits only, case-blind, digits before
// letters; level 3 puts lowercase before uppercase; level 4 brings back
// punctuation and blanks, which sort before digits and letters; bytes
// decide last.
func srtCollate(a, b []byte) int {
	// Levels 1 and 3 walk the alphanumerics of both strings.
	caseDiff := 0
	i, j := 0, 0
	for {
		ra, na := srtNextAlnum(a, i)
		rb, nb := srtNextAlnum(b, j)
		if na == 0 || nb == 0 {
			if na != 0 {
				return 1
			}
			if nb != 0 {
				return -1
			}
			break
		}
		la, lb := unicode.ToLower(ra), unicode.ToLower(rb)
		if la != lb {
			return srtWeight(la) - srtWeight(lb)
		}
		if caseDiff == 0 && ra != rb {
			if unicode.IsLower(ra) {
				caseDiff = -1
			} else {
				caseDiff = 1
			}
		}
		i, j = na, nb
	}
	if caseDiff != 0 {
		return caseDiff
	}
	// Level 4: every character, punctuation included.
	i, j = 0, 0
	for i < len(a) && j < len(b) {
		ra, sa := utf8.DecodeRune(a[i:])
		rb, sb := utf8.DecodeRune(b[j:])
		if ra != rb {
			ca, cb := srtClass(ra), srtClass(rb)
			if ca != cb {
				return ca - cb
			}
			return int(ra) - int(rb)
		}
		i, j = i+sa, j+sb
	}
	if d := (len(a) - i) - (len(b) - j); d != 0 {
		if d > 0 {
			return 1
		}
		return -1
	}
	return bytes.Compare(a, b)
}

// srtNextAlnum returns the next letter or digit at or after i and the
// index after it; the index is 0 at the end.
func srtNextAlnum(s []byte, i int) (rune, int) {
	for i < len(s) {
		r, n := utf8.DecodeRune(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r, i
		}
	}
	return 0, 0
}

// srtWeight orders case-folded alphanumerics: digits, then letters, with
// accented Latin letters next to their base letter.
func srtWeight(r rune) int {
	if base, ok := srtLatin[r]; ok {
		return int(base)*4 + 1
	}
	return int(r) * 4
}

// srtLatin maps common accented lowercase letters to their base letter.
var srtLatin = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ç': 'c',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i',
	'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}

// srtClass ranks characters at level 4.
func srtClass(r rune) int {
	switch {
	case unicode.IsDigit(r):
		return 1
	case unicode.IsLetter(r):
		return 2
	}
	return 0
}

// srtNumCompare compares two -n keys: optional blanks, optional '-',
// digits (with "," thousands separators in en_US), optional fraction.
// Anything else counts as zero.
func srtNumCompare(a, b []byte, thousands bool) int {
	na, fa, negA := srtParseNum(a, thousands)
	nb, fb, negB := srtParseNum(b, thousands)
	zeroA := na == "" && fa == ""
	zeroB := nb == "" && fb == ""
	if zeroA {
		negA = false
	}
	if zeroB {
		negB = false
	}
	if negA != negB {
		if negA {
			return -1
		}
		return 1
	}
	d := len(na) - len(nb)
	if d == 0 {
		d = strings.Compare(na, nb)
	}
	if d == 0 {
		d = strings.Compare(fa, fb)
	}
	if d > 0 {
		d = 1
	} else if d < 0 {
		d = -1
	}
	if negA {
		return -d
	}
	return d
}

// srtParseNum returns the integer digits without leading zeros, the
// fraction digits without trailing zeros, and the sign.
func srtParseNum(s []byte, thousands bool) (string, string, bool) {
	i := 0
	for i < len(s) && srtBlank(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	var ip []byte
	for i < len(s) {
		switch {
		case txtIsDigit(s[i]):
			ip = append(ip, s[i])
		case thousands && s[i] == ',' && len(ip) > 0 && i+1 < len(s) && txtIsDigit(s[i+1]):
		default:
			goto frac
		}
		i++
	}
frac:
	var fp []byte
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && txtIsDigit(s[i]) {
			fp = append(fp, s[i])
			i++
		}
	}
	return strings.TrimLeft(string(ip), "0"), strings.TrimRight(string(fp), "0"), neg
}

// srtGeneralCompare compares -g keys as floating-point numbers; keys that
// are not numbers sort first.
func srtGeneralCompare(a, b []byte) int {
	va, oka := srtFloat(a)
	vb, okb := srtFloat(b)
	switch {
	case !oka && !okb:
		return 0
	case !oka:
		return -1
	case !okb:
		return 1
	case va < vb:
		return -1
	case va > vb:
		return 1
	}
	return 0
}

// srtFloat parses the longest numeric prefix of s, as strtod does.
func srtFloat(s []byte) (float64, bool) {
	str := strings.TrimLeft(string(s), " \t")
	for n := len(str); n > 0; n-- {
		if v, err := strconv.ParseFloat(str[:n], 64); err == nil {
			return v, true
		}
	}
	return 0, false
}

var srtMonths = []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

// srtMonth returns 1-12 for a month abbreviation, 0 otherwise.
func srtMonth(s []byte) int {
	t := strings.TrimLeft(string(s), " \t")
	if len(t) < 3 {
		return 0
	}
	return slices.Index(srtMonths, strings.ToUpper(t[:3])) + 1
}

func sortMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "bcdfgik:Mmno:rsS:t:T:uz", txtLong(
		LongOpt{"ignore-leading-blanks", NoArg, 'b'}, LongOpt{"check", NoArg, 'c'},
		LongOpt{"dictionary-order", NoArg, 'd'}, LongOpt{"ignore-case", NoArg, 'f'},
		LongOpt{"general-numeric-sort", NoArg, 'g'}, LongOpt{"ignore-nonprinting", NoArg, 'i'},
		LongOpt{"key", RequiredArg, 'k'}, LongOpt{"month-sort", NoArg, 'M'},
		LongOpt{"merge", NoArg, 'm'}, LongOpt{"numeric-sort", NoArg, 'n'},
		LongOpt{"output", RequiredArg, 'o'}, LongOpt{"reverse", NoArg, 'r'},
		LongOpt{"stable", NoArg, 's'}, LongOpt{"buffer-size", RequiredArg, 'S'},
		LongOpt{"field-separator", RequiredArg, 't'}, LongOpt{"temporary-directory", RequiredArg, 'T'},
		LongOpt{"unique", NoArg, 'u'}, LongOpt{"zero-terminated", NoArg, 'z'}))
	if err != nil {
		return p.BadUsage(err, 2)
	}
	s := &srtSort{tab: -1, locale: srtLocale(p, "LC_COLLATE"), thousands: srtLocale(p, "LC_NUMERIC")}
	var global srtKey
	global.ef = -1
	check := false
	output := ""
	zero := false
	for _, op := range opts {
		switch op.Name {
		case "b":
			global.skipSB, global.skipEB = true, true
		case "c":
			check = true
		case "d":
			global.dict = true
		case "f":
			global.fold = true
		case "g":
			global.general = true
		case "i":
			global.nonprint = true
		case "M":
			global.month = true
		case "n":
			global.numeric = true
		case "r":
			global.reverse = true
			s.reverse = true
		case "s":
			s.stable = true
		case "u":
			s.unique = true
		case "z":
			zero = true
		case "o":
			output = op.Arg
		case "t":
			t := op.Arg
			var c int
			switch {
			case t == "":
				p.Errorf("empty tab")
				return 2
			case t == `\0`:
				c = 0
			case len(t) > 1:
				p.Errorf("multi-character tab %s", txtQuote(t))
				return 2
			default:
				c = int(t[0])
			}
			if s.tab >= 0 && s.tab != c {
				p.Errorf("incompatible tabs")
				return 2
			}
			s.tab = c
		case "k":
			k, msg := srtParseKey(op.Arg)
			if msg != "" {
				p.Errorf("%s: invalid field specification %s", msg, txtQuote(op.Arg))
				return 2
			}
			s.keys = append(s.keys, k)
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Write sorted concatenation of all FILE(s) to standard output.",
				"Ordering options:\n\n"+
					"  -b, --ignore-leading-blanks  ignore leading blanks\n"+
					"  -d, --dictionary-order      consider only blanks and alphanumeric characters\n"+
					"  -f, --ignore-case           fold lower case to upper case characters\n"+
					"  -g, --general-numeric-sort  compare according to general numerical value\n"+
					"  -i, --ignore-nonprinting    consider only printable characters\n"+
					"  -M, --month-sort            compare (unknown) < `JAN' < ... < `DEC'\n"+
					"  -n, --numeric-sort          compare according to string numerical value\n"+
					"  -r, --reverse               reverse the result of comparisons\n\n"+
					"Other options:\n\n"+
					"  -c, --check               check whether input is sorted; do not sort\n"+
					"  -k, --key=POS1[,POS2]     start a key at POS1, end it at POS2 (origin 1)\n"+
					"  -m, --merge               merge already sorted files; do not sort\n"+
					"  -o, --output=FILE         write result to FILE instead of standard output\n"+
					"  -s, --stable              stabilize sort by disabling last-resort comparison\n"+
					"  -t, --field-separator=SEP  use SEP instead of non-blank to blank transition\n"+
					"  -u, --unique              with -c, check for strict ordering;\n"+
					"                              without -c, output only the first of an equal run\n")
		case "version":
			return txtVersion(p)
		}
	}
	// Keys without options of their own take the global ones.
	for i := range s.keys {
		k := &s.keys[i]
		if !k.hasOrdering() {
			sf, sc, ef, ec := k.sf, k.sc, k.ef, k.ec
			*k = global
			k.sf, k.sc, k.ef, k.ec = sf, sc, ef, ec
		}
	}
	if len(s.keys) == 0 && global.hasOrderingBut() {
		s.keys = append(s.keys, global)
	}
	eol := byte('\n')
	if zero {
		eol = 0
	}
	files := txtOperands(operands)
	if check {
		if len(files) > 1 {
			p.Errorf("extra operand %s not allowed with -c", txtQuote(files[1]))
			return 2
		}
		data, err := txtRead(p, files[0])
		if err != nil {
			return srtFail(p, files[0], err)
		}
		lines := srtLines(data, eol)
		for i := 1; i < len(lines); i++ {
			d := s.compare(lines[i-1], lines[i])
			if d > 0 || s.unique && d == 0 {
				fmt.Fprintf(p.Stderr, "sort: %s:%d: disorder: %s\n", files[0], i+1, lines[i])
				return 1
			}
		}
		return 0
	}
	var lines [][]byte
	for _, name := range files {
		data, err := txtRead(p, name)
		if err != nil {
			if txtIsStop(err) {
				return 2
			}
			return srtFail(p, name, err)
		}
		lines = append(lines, srtLines(data, eol)...)
	}
	slices.SortStableFunc(lines, s.compare)
	if s.unique {
		out := lines[:0]
		for i, l := range lines {
			if i > 0 && s.compare(out[len(out)-1], l) == 0 {
				continue
			}
			out = append(out, l)
		}
		lines = out
	}
	dst := p.Stdout
	if output != "" && output != "-" {
		f, err := p.userFS().OpenFile(p.Abs(output), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666&^p.Umask)
		if err != nil {
			p.Errorf("open failed: %s: %s", output, Strerror(err))
			return 2
		}
		defer f.Close()
		dst = f
	}
	w := bufio.NewWriterSize(dst, 32<<10)
	for i, l := range lines {
		w.Write(l)
		w.WriteByte(eol)
		if i%4096 == 0 && p.Canceled() {
			break
		}
	}
	if err := w.Flush(); err != nil {
		return 2
	}
	return 0
}

// srtFail reports an input error as sort 5.97 does and returns 2.
func srtFail(p *Proc, name string, err error) int {
	var pe *fs.PathError
	what := "read failed"
	if errors.As(err, &pe) && pe.Op == "open" {
		what = "open failed"
	}
	p.Errorf("%s: %s: %s", what, name, Strerror(err))
	return 2
}

// srtLines splits data into lines without their terminator.
func srtLines(data []byte, eol byte) [][]byte {
	if len(data) == 0 {
		return nil
	}
	if data[len(data)-1] == eol {
		data = data[:len(data)-1]
	}
	return bytes.Split(data, []byte{eol})
}
