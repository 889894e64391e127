package awk

import (
	"math"
	"strconv"
)

type kind uint8

const (
	kUninit kind = iota // never assigned: both "" and 0
	kNum                // a number
	kStr                // a string
	kStrNum             // input text that looks numeric: compares as a number
)

// value is an awk scalar.
type value struct {
	k kind
	n float64
	s string
}

func num(f float64) value { return value{k: kNum, n: f} }

func str(s string) value { return value{k: kStr, s: s} }

func boolVal(b bool) value {
	if b {
		return num(1)
	}
	return num(0)
}

// strnum makes a value from input text (fields, getline, split, -v, ARGV,
// ENVIRON): a strnum when it looks like a number, else a string.
func strnum(s string) value {
	if f, ok := looksNumeric(s); ok {
		return value{k: kStrNum, n: f, s: s}
	}
	return value{k: kStr, s: s}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// numPrefix returns the length of the decimal number at the start of s
// (after optional blanks), as strtod would read it; 0 when there is none.
func numPrefix(s string) int {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}

// looksNumeric reports whether all of s is a number, blanks around allowed.
func looksNumeric(s string) (float64, bool) {
	n := numPrefix(s)
	if n == 0 {
		return 0, false
	}
	for i := n; i < len(s); i++ {
		if !isSpace(s[i]) {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(trimSpace(s[:n]), 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	return f, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// strToNum converts a string as awk does: the longest numeric prefix, or 0.
func strToNum(s string) float64 {
	n := numPrefix(s)
	if n == 0 {
		return 0
	}
	f, _ := strconv.ParseFloat(trimSpace(s[:n]), 64)
	return f
}

// isIntegral reports whether f prints as an integer: gawk 3.1.5 on i686
// uses "%d" only for integral values that fit in a 32-bit long, and the
// CONVFMT/OFMT format for everything else (so 2^31 prints as 2.14748e+09).
func isIntegral(f float64) bool {
	return f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32
}

// numToStr formats f for output or conversion with format (OFMT/CONVFMT).
func numToStr(f float64, format string) string {
	if isIntegral(f) {
		return strconv.FormatInt(int64(f), 10)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return specialFloat(f)
	}
	s, err := sprintf(format, []value{num(f)}, nil)
	if err != nil {
		return strconv.FormatFloat(f, 'g', 6, 64)
	}
	return s
}

func specialFloat(f float64) string {
	switch {
	case math.IsNaN(f) && math.Signbit(f):
		return "-nan"
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	}
	return "-inf"
}
