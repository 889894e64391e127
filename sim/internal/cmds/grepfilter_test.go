package cmds

import (
	"slices"
	"strings"
	"testing"
)

func TestGrepRequired(t *testing.T) {
	t.Parallel()
	tests := []struct {
		matcher string
		icase   bool
		pattern string
		want    string
	}{
		{"G", false, "^..*init.d/functions", "d/functions"},
		{"G", false, "PermitRootLogin", "PermitRootLogin"},
		{"G", true, "PermitRootLogin", ""},
		{"E", false, "abc|abd", "ab"}, // the parser factors the prefix out
		{"E", false, "abc|xyz", ""},
		{"E", false, "(ab)+c", "ab"},
		{"E", false, "x(ab)*cd", "cd"},
		{"E", false, "x?yz", "yz"},
		{"G", false, "a\\{2,3\\}bc", "aa"},
		{"F", false, "a.b", "a.b"},
		{"G", false, "[ab]", ""},
		{"G", false, "héllo", "héllo"},
		{"P", false, `\d+ apples`, " apples"},
		{"P", false, `\Afoo`, ""},
		{"P", false, `(?-m)^foo`, ""},
		{"P", false, `foo\z`, "foo"},
	}
	for _, tt := range tests {
		g := &grepRun{o: grepOpts{matcher: tt.matcher, icase: tt.icase}}
		if err := g.compile([]string{tt.pattern}); err != nil {
			t.Fatalf("compile(%q) = %v", tt.pattern, err)
		}
		if got := string(g.lit); got != tt.want {
			t.Errorf("required literal of %s %q (icase %v) = %q; want %q", tt.matcher, tt.pattern, tt.icase, got, tt.want)
		}
	}
}

// grepSelected lists the starts of the lines findLine selects in text.
func grepSelected(g *grepRun, text []byte) []int {
	var out []int
	for pos := 0; pos < len(text); {
		s, e := g.findLine(text, pos)
		if s < 0 {
			break
		}
		out = append(out, s)
		pos = e + 1
	}
	return out
}

// FuzzGrepPrefilter checks that skipping to the required literal selects
// the same lines as the expression alone, for every matcher and option.
func FuzzGrepPrefilter(f *testing.F) {
	f.Add("^..*init.d/functions", ". /etc/init.d/functions\nx\n# /etc/rc.d/init.d/functions\n", uint8(0))
	f.Add("ab*c", "abbbc\nac\nxx\nabc", uint8(1))
	f.Add("(ab)+c", "ababc\nabxc\n", uint8(2))
	f.Add("a b", "a b\na\n b\n", uint8(16))
	f.Add("x", "\xffx\n\xc3x\n", uint8(4))
	f.Add("é+t", "éét\n\xc3\xa9t\n\xc3t", uint8(8))
	f.Add(`\Afoo`, "bar\nfoo\n", uint8(3))
	f.Add(`(?s)x.*foo\z`, "x\nfoo\nfoo", uint8(3))
	f.Fuzz(func(t *testing.T, pattern, text string, flags uint8) {
		if strings.Contains(pattern, "\n") || len(pattern) > 200 {
			return
		}
		o := grepOpts{matcher: []string{"G", "E", "F", "P"}[flags&3], icase: flags&4 != 0, lines: flags&8 != 0, words: flags&16 != 0}
		g := &grepRun{o: o}
		if err := g.compile([]string{pattern}); err != nil {
			return
		}
		buf := []byte(text)
		got := grepSelected(g, buf)
		g.lit = nil
		want := grepSelected(g, buf)
		if !slices.Equal(got, want) {
			t.Errorf("grep -%s (flags %d) %q over %q selects %v with the literal filter; want %v", o.matcher, flags, pattern, text, got, want)
		}
	})
}

// BenchmarkGrepFunctions is what rc does for every init script it runs:
// grep -q "^..*init.d/functions" on the script.
func BenchmarkGrepFunctions(b *testing.B) {
	script := "#!/bin/bash\n#\n# httpd        Startup script for the Apache HTTP Server\n#\n" +
		"# chkconfig: - 85 15\n# description: Apache is a World Wide Web server.\n\n" +
		"# Source function library.\n. /etc/rc.d/init.d/functions\n\n" + strings.Repeat("# filler line of an init script, as long as most\n", 80)
	k := testKernel(b, map[string]string{"/etc/rc.d/init.d/httpd": script, "/etc/rc.d/init.d/plain": strings.Repeat("echo plain\n", 90)})
	b.ReportAllocs()
	for b.Loop() {
		if _, _, st := runCmd(b, k, `grep -q "^..*init.d/functions" /etc/rc.d/init.d/httpd`, ""); st != 0 {
			b.Fatal("no match in httpd")
		}
		if _, _, st := runCmd(b, k, `grep -q "^..*init.d/functions" /etc/rc.d/init.d/plain`, ""); st != 1 {
			b.Fatal("match in plain")
		}
	}
}

// FuzzGrepDigitArgs checks grepHasDigitArg's quick look against the walk
// that splits the digits out.
func FuzzGrepDigitArgs(f *testing.F) {
	for _, s := range []string{"-q\x00^a\x00f", "-2\x00x", "-n2\x00x", "-e\x00-5", "-e5", "--\x00-3", "-A\x001", "-vm\x002\x00-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		_, _, want := grepSplitDigits(args)
		if got := grepHasDigitArg(args); got != want {
			t.Errorf("grepHasDigitArg(%q) = %v; want %v", args, got, want)
		}
	})
}
