package initd

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseInittabErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want string
	}{
		{":3:wait:/x", "INIT: /etc/inittab[1]: missing id field"},
		{"id", "INIT: /etc/inittab[1]: missing runlevel field"},
		{"id:5:initdefault", "INIT: /etc/inittab[1]: missing process field"},
		{"id:5", "INIT: /etc/inittab[1]: missing process field"},
		{"id:5::", "INIT: /etc/inittab[1]: missing action field"},
		{"abcde:5:wait:/x", "INIT: /etc/inittab[1]: id field too long (max 4 characters)"},
		{"id:012345678901:wait:/x", "INIT: /etc/inittab[1]: rlevel field too long (max 11 characters)"},
		{"id:5:wait:" + strings.Repeat("x", 128), "INIT: /etc/inittab[1]: process field too long"},
		{"id:5:initdefualt:", "INIT: /etc/inittab[1]: initdefualt: unknown action field"},
	}
	for _, tt := range tests {
		got := ParseInittab(tt.line + "\n")
		if len(got.Errors) != 1 || got.Errors[0] != tt.want || len(got.Entries) != 0 {
			t.Errorf("ParseInittab(%q) = %q, %d entries; want %q", tt.line, got.Errors, len(got.Entries), tt.want)
		}
	}
}

func TestParseInittab(t *testing.T) {
	t.Parallel()
	src := "# comment\n\n  id:5:initdefault:\nsi::sysinit:/etc/rc.d/rc.sysinit\nl3:3:wait:/etc/rc.d/rc 3\nl3:3:wait:/dup\n1:2345:respawn:/sbin/mingetty tty1\nca::CtrlAltDel:/sbin/shutdown -t3 -r now\n"
	got := ParseInittab(src)
	want := []Entry{
		{ID: "id", Levels: "5", Action: "initdefault", Line: 3},
		{ID: "si", Levels: "0123456789", Action: "sysinit", Process: "/etc/rc.d/rc.sysinit", Line: 4},
		{ID: "l3", Levels: "3", Action: "wait", Process: "/etc/rc.d/rc 3", Line: 5},
		{ID: "1", Levels: "2345", Action: "respawn", Process: "/sbin/mingetty tty1", Line: 7},
		{ID: "ca", Levels: "0123456789", Action: "ctrlaltdel", Process: "/sbin/shutdown -t3 -r now", Line: 8},
	}
	if d := cmp.Diff(want, got.Entries); d != "" {
		t.Errorf("ParseInittab entries (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{`INIT: /etc/inittab[6]: duplicate ID field "l3"`}, got.Errors); d != "" {
		t.Errorf("ParseInittab errors (-want +got):\n%s", d)
	}
	if lvl, ok, _ := got.Default(); !ok || lvl != '5' {
		t.Errorf("Default() = %c, %v; want 5, true", lvl, ok)
	}
	if n := len(got.For("respawn", '3')); n != 1 {
		t.Errorf("For(respawn, 3) = %d entries; want 1", n)
	}
}

func TestDefault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src   string
		level byte
		ok    bool
		msg   string
	}{
		{"id:3:initdefault:\n", '3', true, ""},
		{"id:35:initdefault:\n", '5', true, ""},
		{"id:s:initdefault:\n", 'S', true, ""},
		{"id:0:initdefault:\n", '0', true, ""},
		{"id:x:initdefault:\n", 0, false, "INIT: Initdefault level 'X' is invalid"},
		{"id::initdefault:\n", '9', true, ""},
		{"si::sysinit:/x\n", 0, false, ""},
	}
	for _, tt := range tests {
		lvl, ok, msg := ParseInittab(tt.src).Default()
		if lvl != tt.level || ok != tt.ok || msg != tt.msg {
			t.Errorf("Default(%q) = %q, %v, %q; want %q, %v, %q", tt.src, lvl, ok, msg, tt.level, tt.ok, tt.msg)
		}
	}
}

func FuzzParseInittab(f *testing.F) {
	f.Add("id:5:initdefault:\nsi::sysinit:/etc/rc.d/rc.sysinit\n")
	f.Add(":::\n::\nabc\n#x\n  \t\n")
	f.Fuzz(func(t *testing.T, src string) {
		tab := ParseInittab(src)
		for _, e := range tab.Entries {
			if e.ID == "" || len(e.ID) > maxID || !actions[e.Action] || e.Line < 1 {
				t.Fatalf("bad entry %+v from %q", e, src)
			}
		}
		for _, msg := range tab.Errors {
			if !strings.HasPrefix(msg, "INIT: /etc/inittab[") {
				t.Fatalf("bad message %q", msg)
			}
		}
		tab.Default()
	})
}
