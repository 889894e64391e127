package awk

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fmtError is printf's "not enough arguments" error; pos is the offset of
// the conversion that ran out.
type fmtError struct {
	format string
	pos    int
}

func (e *fmtError) Error() string {
	return fmt.Sprintf("fatal: not enough arguments to satisfy format string\n\t`%s'\n\t%s^ ran out for this one", e.format, strings.Repeat(" ", e.pos))
}

func toNum(v value) float64 {
	switch v.k {
	case kNum, kStrNum:
		return v.n
	case kStr:
		return strToNum(v.s)
	}
	return 0
}

// maxWidth bounds field widths and precisions, so that a program cannot
// make the simulator allocate gigabytes with "%*d".
const maxWidth = 1 << 16

type fmtFlags struct {
	minus, plus, space, zero, hash bool
	width, prec                    int // prec -1: none
}

// sprintf formats args as C's printf does for awk. conv turns a value into
// a string for %s (CONVFMT); nil means "%.6g".
func sprintf(format string, args []value, conv func(value) string) (string, error) {
	if conv == nil {
		conv = func(v value) string {
			switch v.k {
			case kNum:
				return numToStr(v.n, "%.6g")
			case kUninit:
				return ""
			}
			return v.s
		}
	}
	var out strings.Builder
	argi := 0
	nextArg := func(pos int) (value, error) {
		if argi >= len(args) {
			return value{}, &fmtError{format: format, pos: pos}
		}
		argi++
		return args[argi-1], nil
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out.WriteByte(c)
			continue
		}
		start := i
		i++
		fl := fmtFlags{prec: -1}
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				fl.minus = true
			case '+':
				fl.plus = true
			case ' ':
				fl.space = true
			case '#':
				fl.hash = true
			case '0':
				fl.zero = true
			default:
				break flags
			}
		}
		if i < len(format) && format[i] == '*' {
			a, err := nextArg(i)
			if err != nil {
				return out.String(), err
			}
			w := int(clampInt(toNum(a)))
			if w < 0 {
				fl.minus = true
				w = -w
			}
			fl.width = w
			i++
		} else {
			for i < len(format) && isDigit(format[i]) {
				if fl.width < maxWidth {
					fl.width = fl.width*10 + int(format[i]-'0')
				}
				i++
			}
		}
		if i < len(format) && format[i] == '.' {
			i++
			fl.prec = 0
			if i < len(format) && format[i] == '*' {
				a, err := nextArg(i)
				if err != nil {
					return out.String(), err
				}
				fl.prec = int(clampInt(toNum(a)))
				if fl.prec < 0 {
					fl.prec = -1
				}
				i++
			} else {
				for i < len(format) && isDigit(format[i]) {
					if fl.prec < maxWidth {
						fl.prec = fl.prec*10 + int(format[i]-'0')
					}
					i++
				}
			}
		}
		for i < len(format) && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L') {
			i++
		}
		if i >= len(format) {
			out.WriteString(format[start:])
			break
		}
		verb := format[i]
		switch verb {
		case '%':
			out.WriteByte('%')
			continue
		case 'c', 'd', 'i', 'o', 'x', 'X', 'u', 'e', 'E', 'f', 'F', 'g', 'G', 's':
		default:
			out.WriteString(format[start : i+1])
			continue
		}
		a, err := nextArg(i)
		if err != nil {
			return out.String(), err
		}
		switch verb {
		case 's':
			s := conv(a)
			if fl.prec >= 0 && utf8.RuneCountInString(s) > fl.prec {
				s = string([]rune(s)[:fl.prec])
			}
			out.WriteString(pad(s, fl, false))
		case 'c':
			var s string
			if a.k == kNum {
				code := 0.0
				if !math.IsNaN(a.n) && !math.IsInf(a.n, 0) {
					code = math.Mod(math.Trunc(a.n), 256)
				}
				s = string([]byte{byte(int64(code))})
			} else {
				s = conv(a)
				if s != "" {
					r, n := utf8.DecodeRuneInString(s)
					if r == utf8.RuneError {
						n = 1
					}
					s = s[:n]
				}
			}
			out.WriteString(pad(s, fl, false))
		case 'd', 'i':
			out.WriteString(fmtSigned(toNum(a), fl))
		case 'o', 'x', 'X', 'u':
			out.WriteString(fmtUnsigned(toNum(a), verb, fl))
		default:
			out.WriteString(fmtFloat(toNum(a), verb, fl))
		}
	}
	return out.String(), nil
}

func clampInt(f float64) float64 {
	switch {
	case math.IsNaN(f):
		return 0
	case f > maxWidth:
		return maxWidth
	case f < -maxWidth:
		return -maxWidth
	}
	return math.Trunc(f)
}

// pad pads s to the field width; zero pads numbers after their sign.
func pad(s string, fl fmtFlags, numeric bool) string {
	n := utf8.RuneCountInString(s)
	if n >= fl.width {
		return s
	}
	fill := fl.width - n
	switch {
	case fl.minus:
		return s + strings.Repeat(" ", fill)
	case fl.zero && numeric:
		sign := ""
		if s != "" && (s[0] == '-' || s[0] == '+' || s[0] == ' ') {
			sign, s = s[:1], s[1:]
		}
		prefix := ""
		if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
			prefix, s = s[:2], s[2:]
		}
		return sign + prefix + strings.Repeat("0", fill) + s
	}
	return strings.Repeat(" ", fill) + s
}

func fmtSigned(f float64, fl fmtFlags) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return fmtFloat(f, 'f', fl)
	}
	f = math.Trunc(f)
	neg := f < 0
	digits := strconv.FormatFloat(math.Abs(f), 'f', 0, 64)
	return fmtDigits(digits, neg, true, fl, "")
}

func fmtUnsigned(f float64, verb byte, fl fmtFlags) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return fmtFloat(f, 'f', fl)
	}
	f = math.Trunc(f)
	var u uint64
	switch {
	case f < 0 && f >= math.MinInt32:
		u = uint64(uint32(int32(f))) // (unsigned long)(long) on i686
	case f < 0 || f >= 1<<64:
		fl.prec = -1
		return fmtFloat(f, 'g', fl)
	default:
		u = uint64(f)
	}
	var digits, prefix string
	switch verb {
	case 'o':
		digits = strconv.FormatUint(u, 8)
		if fl.hash && digits[0] != '0' {
			digits = "0" + digits
		}
	case 'x':
		digits = strconv.FormatUint(u, 16)
		if fl.hash && u != 0 {
			prefix = "0x"
		}
	case 'X':
		digits = strings.ToUpper(strconv.FormatUint(u, 16))
		if fl.hash && u != 0 {
			prefix = "0X"
		}
	default:
		digits = strconv.FormatUint(u, 10)
	}
	fl.plus, fl.space = false, false
	return fmtDigits(digits, false, false, fl, prefix)
}

func fmtDigits(digits string, neg, signed bool, fl fmtFlags, prefix string) string {
	if fl.prec >= 0 {
		if fl.prec == 0 && digits == "0" {
			digits = ""
		}
		if len(digits) < fl.prec {
			digits = strings.Repeat("0", fl.prec-len(digits)) + digits
		}
		fl.zero = false
	}
	sign := ""
	switch {
	case neg:
		sign = "-"
	case signed && fl.plus:
		sign = "+"
	case signed && fl.space:
		sign = " "
	}
	return pad(sign+prefix+digits, fl, true)
}

func fmtFloat(f float64, verb byte, fl fmtFlags) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		s := specialFloat(f)
		if s[0] != '-' {
			if fl.plus {
				s = "+" + s
			} else if fl.space {
				s = " " + s
			}
		}
		if verb == 'E' || verb == 'G' || verb == 'F' {
			s = strings.ToUpper(s)
		}
		fl.zero = false
		return pad(s, fl, false)
	}
	var spec strings.Builder
	spec.WriteByte('%')
	if fl.minus {
		spec.WriteByte('-')
	}
	if fl.plus {
		spec.WriteByte('+')
	}
	if fl.space {
		spec.WriteByte(' ')
	}
	if fl.hash {
		spec.WriteByte('#')
	}
	if fl.zero {
		spec.WriteByte('0')
	}
	if fl.width > 0 {
		spec.WriteString(strconv.Itoa(fl.width))
	}
	prec := fl.prec
	if prec < 0 {
		prec = 6
	}
	if (verb == 'g' || verb == 'G') && prec == 0 {
		prec = 1
	}
	spec.WriteByte('.')
	spec.WriteString(strconv.Itoa(prec))
	if verb == 'F' {
		verb = 'f'
	}
	spec.WriteByte(verb)
	return fmt.Sprintf(spec.String(), f)
}
