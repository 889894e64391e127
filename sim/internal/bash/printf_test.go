package bash

import (
	"slices"
	"strings"
	"testing"
)

// Expected outputs where bash 3.2 and 5.2 agree were checked against
// bash 5.2 on glibc 2.36; the 3.2-only ones cite printf.def in a comment.
func TestPrintfBuiltin(t *testing.T) {
	t.Parallel()
	const usage = printfUsage
	tests := []struct {
		args   []string
		out    string
		status int
		errs   []string
	}{
		// Usage and options.
		{nil, "", 2, []string{usage}},
		{[]string{"--"}, "", 2, []string{usage}},
		{[]string{""}, "", 0, nil},
		{[]string{"-x"}, "", 2, []string{"printf: -x: invalid option", usage}},
		{[]string{"-%s", "x"}, "", 2, []string{"printf: -%: invalid option", usage}},
		{[]string{"-5"}, "", 2, []string{"printf: -5: invalid option", usage}},
		{[]string{"-v"}, "", 2, []string{"printf: -v: option requires an argument", usage}},
		{[]string{"-v", "1x", "%s", "a"}, "", 2, []string{"printf: `1x': not a valid identifier"}},
		{[]string{"-v", "a[1]", "%s", "a"}, "", 2, []string{"printf: `a[1]': not a valid identifier"}},
		{[]string{"-v", "var", "%s", "a"}, "a", 0, nil},
		{[]string{"-vvar", "%s-", "a", "b"}, "a-b-", 0, nil},
		{[]string{"-v", "x", "-v", "y", "%s", "a"}, "a", 0, nil},
		{[]string{"--", "-%s", "x"}, "-x", 0, nil},
		{[]string{"-"}, "-", 0, nil},

		// Reuse of the format, missing arguments.
		{[]string{"hello"}, "hello", 0, nil},
		{[]string{"%s\n", "a", "b", "c"}, "a\nb\nc\n", 0, nil},
		{[]string{"%s %s\n", "a", "b", "c"}, "a b\nc \n", 0, nil},
		{[]string{"%d\n"}, "0\n", 0, nil},
		{[]string{"%s-%d|%c|%f|%b|%q|"}, "-0|\x00|0.000000|||", 0, nil},
		{[]string{"x\n", "extra"}, "x\n", 0, nil},

		// %s %c: width, precision, '*'.
		{[]string{"%5s|%-5s|%.2s|%5.1s|%.s|\n", "ab", "ab", "abc", "abc", "abc"}, "   ab|ab   |ab|    a||\n", 0, nil},
		{[]string{"%05s|%5.3s|%-3c|%03c|\n", "ab", "abcdef", "x", "y"}, "   ab|  abc|x  |  y|\n", 0, nil},
		{[]string{"%c%c%c\n", "hello", "w", ""}, "hw\x00\n", 0, nil},
		{[]string{"%*d|%-*d|%.*f\n", "5", "42", "4", "7", "2", "3.14159"}, "   42|7   |3.14\n", 0, nil},
		{[]string{"%*d|\n", "-5", "42"}, "42   |\n", 0, nil},
		{[]string{"%.*d|\n", "-1", "42"}, "42|\n", 0, nil},
		{[]string{"%*s|\n", "x", "a"}, "a|\n", 1, []string{"printf: x: invalid number"}},
		{[]string{"%*s|\n", "99999999999", "a"}, strings.Repeat(" ", printfMaxField-1) + "a|\n", 0,
			[]string{"printf: warning: 99999999999: Numerical result out of range"}},

		// Integers.
		{[]string{"%d %i\n", "42", "-17"}, "42 -17\n", 0, nil},
		{[]string{"%+d % d %05d %-5d| %.3d %5.3d\n", "5", "5", "-42", "42", "7", "7"}, "+5  5 -0042 42   | 007   007\n", 0, nil},
		{[]string{"%i|%.0d|%+.0d|% .0d|%#.3o|%#5x|%-#8X|%08.3d\n", "0", "0", "0", "0", "8", "255", "255", "42"},
			"0||+| |010| 0xff|0XFF    |     042\n", 0, nil},
		{[]string{"%o %x %X %u\n", "8", "255", "255", "-1"}, "10 ff FF 18446744073709551615\n", 0, nil},
		{[]string{"%#o %#x %#X %#x %#o\n", "8", "255", "255", "0", "0"}, "010 0xff 0XFF 0 0\n", 0, nil},
		{[]string{"%x %X %o\n", "-1", "-255", "-8"}, "ffffffffffffffff FFFFFFFFFFFFFF01 1777777777777777777770\n", 0, nil},
		{[]string{"%d\n", "0x1F", "010", "'A", `"a`, "'", " 5", "-0x10", "+7"}, "31\n8\n65\n97\n0\n5\n-16\n7\n", 0, nil},
		{[]string{"%d|%d\n", "", "0"}, "0|0\n", 0, nil},
		{[]string{"%ld %hhd %zu %Lf %jd %td\n", "1", "2", "3", "1.5", "4", "5"}, "1 2 3 1.500000 4 5\n", 0, nil},
		// bash 3.2 prints 0 for an invalid number (printf.def's getintmax
		// before bash 4 kept strtoimax's partial value).
		{[]string{"%d\n", "abc"}, "0\n", 1, []string{"printf: abc: invalid number"}},
		{[]string{"%d\n", "12abc"}, "0\n", 1, []string{"printf: 12abc: invalid number"}},
		{[]string{"%d\n", "08"}, "0\n", 1, []string{"printf: 08: invalid number"}},
		{[]string{"%d\n", "0x"}, "0\n", 1, []string{"printf: 0x: invalid number"}},
		{[]string{"%d\n", "5 "}, "0\n", 1, []string{"printf: 5 : invalid number"}},
		{[]string{"%d\n", " "}, "0\n", 1, []string{"printf:  : invalid number"}},
		{[]string{"%u\n", "-"}, "0\n", 1, []string{"printf: -: invalid number"}},
		{[]string{"%d %d\n", "x", "3"}, "0 3\n", 1, []string{"printf: x: invalid number"}},
		{[]string{"%d\n", "99999999999999999999"}, "9223372036854775807\n", 0,
			[]string{"printf: warning: 99999999999999999999: Numerical result out of range"}},
		{[]string{"%d\n", "-99999999999999999999"}, "-9223372036854775808\n", 0,
			[]string{"printf: warning: -99999999999999999999: Numerical result out of range"}},
		{[]string{"%d\n", "-9223372036854775808"}, "-9223372036854775808\n", 0, nil},
		{[]string{"%u\n", "99999999999999999999"}, "18446744073709551615\n", 0,
			[]string{"printf: warning: 99999999999999999999: Numerical result out of range"}},
		{[]string{"%u\n", "18446744073709551615"}, "18446744073709551615\n", 0, nil},

		// Floating point.
		{[]string{"%f %e %g\n", "3.14159", "31415.9", "0.0001"}, "3.141590 3.141590e+04 0.0001\n", 0, nil},
		{[]string{"%g %g %g %G\n", "100000", "1000000", "1e-5", "1e-10"}, "100000 1e+06 1e-05 1E-10\n", 0, nil},
		{[]string{"%g|%g|%g|%g|%g|%g|%.0g\n", "0", "-0", "1e100", "123456", "1234567", "0.00001234", "25"}, "0|-0|1e+100|123456|1.23457e+06|1.234e-05|2e+01\n", 0, nil},
		{[]string{"%.3g|%#g|%#.0f|%#.0e|%#.3g\n", "3.14159", "1", "3", "3", "100"}, "3.14|1.00000|3.|3.e+00|100.\n", 0, nil},
		{[]string{"%5.1f|%-8.3e|%+.2f|%010.2f|% f|%E|%F\n", "-2.25", "1234.5", "0", "-3.14159", "1", "0.5", "2"},
			" -2.2|1.234e+03|+0.00|-000003.14| 1.000000|5.000000E-01|2.000000\n", 0, nil},
		{[]string{"%.0f %.0f %.0f %.2f\n", "0.5", "1.5", "2.5", "0.125"}, "0 2 2 0.12\n", 0, nil},
		{[]string{"%f %F %e %g %G\n", "inf", "-inf", "nan", "-nan", "Infinity"}, "inf -INF nan -nan INF\n", 0, nil},
		{[]string{"[%08f][%-6f][%+f]\n", "-inf", "inf", "nan"}, "[    -inf][inf   ][+nan]\n", 0, nil},
		{[]string{"%g %g %g %g\n", "0x10", "0x1p4", "1.5e+3", ".5"}, "16 16 1500 0.5\n", 0, nil},
		{[]string{"%g %g\n", " 2", "1e"}, "2 0\n", 1, []string{"printf: 1e: invalid number"}},
		{[]string{"%f\n", "1.5x"}, "0.000000\n", 1, []string{"printf: 1.5x: invalid number"}},
		{[]string{"%g\n", "nan(12)"}, "nan\n", 0, nil},
		{[]string{"%.2f\n", "'A"}, "65.00\n", 0, nil},
		// A long double's precision and range.
		{[]string{"%g|%.20f|%.25e|%a|%f\n", "1e999", "0.1", "0.1", "0.1", "1e20"},
			"1e+999|0.10000000000000000000|1.0000000000000000000135525e-01|0xc.ccccccccccccccdp-7|100000000000000000000.000000\n", 0, nil},
		{[]string{"%g|%g|%g|%g|%.3a|%.0a\n", "1e5000", "-1e-5000", "1e99999999999", "1e-4950", "0.1", "15.5"},
			"inf|-0|inf|1.09356e-4950|0xc.ccdp-7|0x1p+4\n", 0, []string{
				"printf: warning: 1e5000: Numerical result out of range",
				"printf: warning: -1e-5000: Numerical result out of range",
				"printf: warning: 1e99999999999: Numerical result out of range",
				"printf: warning: 1e-4950: Numerical result out of range",
			}},
		{[]string{"%a %A %a %.1a %.0a %a %010a %#.0a\n", "1", "3", "0", "1.96875", "1.5", "-2.5", "1", "1"},
			"0x8p-3 0XCP-2 0x0p+0 0xf.cp-3 0xcp-3 -0xap-2 0x00008p-3 0x8.p-3\n", 0, nil},

		// Escapes in the format.
		{[]string{`a\tb\\c\x41\101\0101\n`}, "a\tb\\cAA\b1\n", 0, nil},
		{[]string{`\a\b\e\E\f\n\r\t\v`}, "\a\b\033\033\f\n\r\t\v", 0, nil},
		{[]string{`\c|\q\x\xg\n`}, "\\c|\\q\\x\\xg\n", 0,
			[]string{`printf: missing hex digit for \x`, `printf: missing hex digit for \x`}},
		{[]string{`\'\"\?|end\`}, `'"?|end\`, 0, nil},
		{[]string{`\400\x414`}, "\x00A4", 0, nil},

		// %b.
		{[]string{`%b\n`, `a\tb`, `\0101`, `\101`, `x\cy`, "never"}, "a\tb\nA\nA\nx", 0, nil},
		{[]string{"%b", `a\'b`}, `a\'b`, 0, nil},
		{[]string{"%b|", `a\`}, `a\|`, 0, nil},
		{[]string{"%b|", `\x`}, `\x|`, 0, []string{`printf: missing hex digit for \x`}},
		{[]string{"%s %b\n", `a\tb`, `a\tb`}, "a\\tb a\tb\n", 0, nil},
		{[]string{"[%5b][%-4b][%.1b][%.b]\n", "ab", "x", "ab", "ab"}, "[   ab][x   ][a][ab]\n", 0, nil},
		// bash 3.2 pads no empty %b (bexpand gives printstr nothing).
		{[]string{"[%5b]\n", ""}, "[]\n", 0, nil},
		// \c stops printf at once, whatever came before.
		{[]string{"%s%b", "a", `b\c`, "c", "d"}, "ab", 0, nil},
		{[]string{"%d%b", "x", `\c`}, "0", 0, []string{"printf: x: invalid number"}},

		// %q as bash 3.2 quotes: no \ before ~ (shquote.c of 3.2 has it
		// under #if 0), and nothing at all for "".
		{[]string{`%q\n`, "a b", "it's", "x$y", "#a#", "~", "a,b", "a#b", "=~", `\`, "*?[]{}()<>|&;!^`\""},
			"a\\ b\nit\\'s\nx\\$y\n\\#a#\n~\na\\,b\na#b\n=~\n\\\\\n\\*\\?\\[\\]\\{\\}\\(\\)\\<\\>\\|\\&\\;\\!\\^\\`\\\"\n", 0, nil},
		{[]string{`%q\n`, "a\tb", "\033[0m", "\x80", "\x01", "a'b\\\n", "\a\b\f\r\v\x7f"},
			"$'a\\tb'\n$'\\E[0m'\n$'\\200'\n$'\\001'\n$'a\\'b\\\\\\n'\n$'\\a\\b\\f\\r\\v\\177'\n", 0, nil},
		{[]string{`[%q][%8q][%-6q]`, "", "a b", "x"}, "[][    a\\ b][x     ]", 0, nil},

		// %n counts nothing here but checks its name.
		{[]string{"ab%n\n", "v"}, "ab\n", 0, nil},
		{[]string{"ab%n\n", "1x"}, "ab", 1, []string{"printf: `1x': not a valid identifier"}},

		// Bad formats: output up to there, status 1.
		{[]string{"ab%kcd"}, "ab", 1, []string{"printf: `k': invalid format character"}},
		{[]string{"%5%|\n"}, "", 1, []string{"printf: `%': invalid format character"}},
		{[]string{"%.-5d", "1"}, "", 1, []string{"printf: `-': invalid format character"}},
		{[]string{"ab%zcd"}, "ab\x00d", 0, nil},
		{[]string{"%5"}, "", 1, []string{"printf: `%5': missing format character"}},
		{[]string{"a%"}, "a", 1, []string{"printf: `%': missing format character"}},
		{[]string{"%%|%s|%%\n", "x"}, "%|x|%\n", 0, nil},
	}
	for _, tt := range tests {
		out, status, errs := printfBuiltin(tt.args)
		if out != tt.out || status != tt.status || !slices.Equal(errs, tt.errs) {
			t.Errorf("printfBuiltin(%q) = %q, %d, %q; want %q, %d, %q", tt.args, out, status, errs, tt.out, tt.status, tt.errs)
		}
	}
}

func TestParsePrintfV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		name string
		rest []string
		ok   bool
	}{
		{[]string{"-v", "x", "%s", "a"}, "x", []string{"%s", "a"}, true},
		{[]string{"-vx", "--", "%s"}, "x", []string{"%s"}, true},
		{[]string{"-v", "x", "-v", "y", "z"}, "y", []string{"z"}, true},
		{[]string{"-v", "x", ""}, "", []string{""}, false}, // bash 3.2 leaves x alone
		{[]string{"-v", "x"}, "", []string{}, false},
		{[]string{"-v", "1x", "%s"}, "", nil, false},
		{[]string{"-v"}, "", nil, false},
		{[]string{"%s", "-v", "x"}, "", []string{"%s", "-v", "x"}, false},
		{nil, "", nil, false},
	}
	for _, tt := range tests {
		name, rest, ok := parsePrintfV(tt.args)
		if name != tt.name || !slices.Equal(rest, tt.rest) || ok != tt.ok {
			t.Errorf("parsePrintfV(%q) = %q, %q, %v; want %q, %q, %v", tt.args, name, rest, ok, tt.name, tt.rest, tt.ok)
		}
	}
}

func TestPrintfLimits(t *testing.T) {
	t.Parallel()
	out, status, _ := printfBuiltin([]string{"%2000000s", "x"})
	if len(out) != printfMaxField || status != 0 {
		t.Errorf("printfBuiltin(%%2000000s) = %d bytes, %d; want %d bytes, 0", len(out), status, printfMaxField)
	}
	// The limit hit by the format's last conversion, with no argument.
	out, status, errs := printfBuiltin([]string{strings.Repeat("%1048576s", 17)})
	want := []string{"printf: write error: No space left on device"}
	if len(out) != printfMaxOutput || status != 1 || !slices.Equal(errs, want) {
		t.Errorf("printfBuiltin(17 MB) = %d bytes, %d, %q; want %d bytes, 1, %q", len(out), status, errs, printfMaxOutput, want)
	}
	args := []string{"%*s"}
	for range 20 {
		args = append(args, "1000000", "x")
	}
	out, status, errs = printfBuiltin(args)
	if len(out) > printfMaxOutput || status != 1 || !slices.Equal(errs, want) {
		t.Errorf("printfBuiltin(20 MB) = %d bytes, %d, %q; want at most %d bytes, 1, %q", len(out), status, errs, printfMaxOutput, want)
	}
}

func FuzzPrintfBuiltin(f *testing.F) {
	for _, s := range []string{
		"%s\n|a|b", `%b|a\tb\c`, "%q|a b", "%*.*f|5|2|3.14159", "%#010x|255",
		"%d|0x1F|'A", "%5%", "%.-5d|1", `\x4\0777\c`, "-v|x|%s|a", "%a|0.1",
		"%g|1e400|nan(x)", "%c%c|", "%-+ #0'5.3hhd|7",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "|")
		out, status, errs := printfBuiltin(args)
		if status < 0 || status > 2 {
			t.Fatalf("printfBuiltin(%q) status %d", args, status)
		}
		if len(out) > printfMaxOutput {
			t.Fatalf("printfBuiltin(%q) printed %d bytes", args, len(out))
		}
		if status == 2 && out != "" {
			t.Fatalf("printfBuiltin(%q) printed %q with a usage error", args, out)
		}
		for _, e := range errs {
			if !strings.HasPrefix(e, "printf: ") || strings.Contains(e, "\n") && !strings.Contains(line, "\n") {
				t.Fatalf("printfBuiltin(%q) message %q", args, e)
			}
		}
		parsePrintfV(args)
	})
}

func BenchmarkPrintfBuiltin(b *testing.B) {
	for b.Loop() {
		printfBuiltin([]string{"%-10s %5d %s\n", "httpd", "1234", "running"})
		printfBuiltin([]string{`\033[60G[%s]\r`, "  OK  "})
	}
}
