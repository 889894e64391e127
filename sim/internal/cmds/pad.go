package cmds

import (
	"strconv"
	"unicode/utf8"
)

// This file pads columns as fmt's %-Ns and %Nd do, appending to a byte
// slice, for the tables printed line after line (netstat): fmt boxes
// every argument it is given, which costs an allocation each.

// padRight appends s left-aligned in width runes, as fmt's "%-*s".
func padRight(b []byte, s string, width int) []byte {
	b = append(b, s...)
	for n := utf8.RuneCountInString(s); n < width; n++ {
		b = append(b, ' ')
	}
	return b
}

// padRight2 is padRight of s1+s2+s3, without joining them first.
func padRight2(b []byte, s1, s2, s3 string, width int) []byte {
	b = append(append(append(b, s1...), s2...), s3...)
	n := utf8.RuneCountInString(s1) + utf8.RuneCountInString(s2) + utf8.RuneCountInString(s3)
	for ; n < width; n++ {
		b = append(b, ' ')
	}
	return b
}

// padLeftInt appends n right-aligned in width, as fmt's "%*d".
func padLeftInt(b []byte, n int64, width int) []byte {
	var digits [24]byte
	d := strconv.AppendInt(digits[:0], n, 10)
	for i := len(d); i < width; i++ {
		b = append(b, ' ')
	}
	return append(b, d...)
}
