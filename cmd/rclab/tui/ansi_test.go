package tui

import (
	"testing"

	"github.com/gdamore/tcell/v2"
)

func TestTextBuffer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   []string // written in this many pieces
		want string
	}{
		{[]string{"a\nb\n"}, "a\nb\n"},
		{[]string{"[  OK  ]\r\n"}, "[  OK  ]\n"},
		{[]string{"[  OK  ]\r", "\n", "next"}, "[  OK  ]\nnext"},
		{[]string{"Starting sshd: \x1b[20G[  OK  ]\r\n"}, "Starting sshd:     [  OK  ]\n"},
		{[]string{"a much longer text\x1b[5G|\n"}, "a mu|h longer text\n"},
		{[]string{"overwritten\rOVER"}, "OVERwritten"},
		{[]string{"a\tb\tc"}, "a       b       c"},
		{[]string{"ab\bc"}, "ac"},
		{[]string{"bell\a!"}, "bell!"},
		{[]string{"\x1b]0;window title\x07shown"}, "shown"},
		{[]string{"\x1b]2;title\x1b\\shown"}, "shown"},
		{[]string{"\x1b[?25lhidden cursor\x1b[?25h"}, "hidden cursor"},
		{[]string{"\x1b(Bcharset"}, "charset"},
		{[]string{"abcdef\x1b[3G\x1b[K"}, "ab"},
		{[]string{"old\nlines\x1b[H\x1b[2Jnew"}, "new"},
		{[]string{"split \x1b", "[", "1", "0G|"}, "split    |"},
		{[]string{"한", "\xea\xb8", "\x80"}, "한글"},
		{[]string{"e\u0301"}, "e\u0301"},
		{[]string{"한글\x1b[2Gx"}, "\x20x글"},
		{[]string{"\x1b[1;32mgreen\x1b[0m plain"}, "green plain"},
	}
	for _, tc := range tests {
		b := newTextBuffer(false)
		for _, p := range tc.in {
			b.WriteString(p)
		}
		if got := b.String(); got != tc.want {
			t.Errorf("write %q = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextBufferStyles(t *testing.T) {
	t.Parallel()
	b := newTextBuffer(false)
	b.WriteString("[\x1b[0;32m  OK  \x1b[0;39m]\x1b[1;31mF\x1b[7mR\x1b[0;38;5;208mX\x1b[48;2;1;2;3mY\x1b[94mZ")
	line := b.lines[0]
	check := func(i int, r rune, fg, bg tcell.Color, attr tcell.AttrMask) {
		t.Helper()
		c := line[i]
		gfg, gbg, gattr := c.st.Decompose()
		if c.r != r || gfg != fg || gbg != bg || gattr != attr {
			t.Errorf("cell %d = %q %v/%v/%v; want %q %v/%v/%v", i, c.r, gfg, gbg, gattr, r, fg, bg, attr)
		}
	}
	check(0, '[', tcell.ColorDefault, tcell.ColorDefault, 0)
	check(3, 'O', tcell.ColorGreen, tcell.ColorDefault, 0)
	check(7, ']', tcell.ColorDefault, tcell.ColorDefault, 0)
	check(8, 'F', tcell.ColorMaroon, tcell.ColorDefault, tcell.AttrBold)
	check(9, 'R', tcell.ColorMaroon, tcell.ColorDefault, tcell.AttrBold|tcell.AttrReverse)
	check(10, 'X', tcell.PaletteColor(208), tcell.ColorDefault, 0)
	check(11, 'Y', tcell.PaletteColor(208), tcell.NewRGBColor(1, 2, 3), 0)
	check(12, 'Z', tcell.ColorBlue, tcell.NewRGBColor(1, 2, 3), 0)

	mono := newTextBuffer(true)
	mono.WriteString("\x1b[1;32mOK\x1b[0m")
	if fg, bg, attr := mono.lines[0][0].st.Decompose(); fg != tcell.ColorDefault || bg != tcell.ColorDefault || attr != tcell.AttrBold {
		t.Errorf("monochrome OK = %v/%v/%v; want bold in the default colours", fg, bg, attr)
	}
}

func TestTextBufferScrollback(t *testing.T) {
	t.Parallel()
	b := newTextBuffer(false)
	b.max = 100
	for i := 0; i < 1000; i++ {
		b.WriteString(itoa(i) + "\n")
	}
	if n := len(b.lines); n < 100 || n > 126 {
		t.Errorf("%d lines kept; want about 100", n)
	}
	if last := b.lines[len(b.lines)-2]; string(last[0].r)+string(last[1].r)+string(last[2].r) != "999" {
		t.Errorf("the last line is not 999")
	}
}

func FuzzTextBuffer(f *testing.F) {
	f.Add([]byte(bootText))
	f.Add([]byte("\x1b[9999G\x1b[38;2;1\x1b[48;5m한\xea"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := newTextBuffer(false)
		b.Write(data)
		for _, line := range b.lines {
			for i, c := range line {
				if c.w == 0 && (i == 0 || line[i-1].w != 2) {
					t.Fatalf("a continuation cell without its wide character in %q", data)
				}
			}
		}
	})
}
