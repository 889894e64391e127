package chkconfig

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// §8.2: which entries count, and the "first entry decides" rule.
func TestState(t *testing.T) {
	t.Parallel()
	fsys := newFS(t, map[string]string{
		InitDir + "/foo":            script("345", "20", "80"),
		"/etc/rc.d/rc1.d/K80foo":    "->../init.d/foo",
		"/etc/rc.d/rc2.d/S5foo":     "->../init.d/foo",  // one digit: invisible
		"/etc/rc.d/rc3.d/S20foo":    "->../init.d/foo",  // on
		"/etc/rc.d/rc4.d/S100foo":   "->../init.d/foo",  // three digits: invisible
		"/etc/rc.d/rc4.d/s20foo":    "->../init.d/foo",  // lower case: invisible
		"/etc/rc.d/rc5.d/K01foo":    "->../init.d/foo",  // K sorts first: off
		"/etc/rc.d/rc5.d/S99foo":    "->../init.d/foo",  //
		"/etc/rc.d/rc6.d/S20foobar": "->../init.d/foo",  // another name
		"/etc/rc.d/rc0.d/S20foo":    "->../init.d/nope", // dangling still counts
	})
	want := []struct{ on, linked bool }{
		{true, true}, {false, true}, {false, false}, {true, true}, {false, false}, {false, true}, {false, false},
	}
	for l, w := range want {
		on, linked, err := State(fsys, "foo", l)
		if err != nil || on != w.on || linked != w.linked {
			t.Errorf("State(foo, %d) = %v, %v, %v; want %v, %v, nil", l, on, linked, err, w.on, w.linked)
		}
	}
	if got := Links(fsys, "foo", 5); !cmp.Equal(got, []string{"K01foo", "S99foo"}) {
		t.Errorf("Links(foo, 5) = %q; want [K01foo S99foo]", got)
	}
	if got := Links(fsys, "foo", 2); got != nil {
		t.Errorf("Links(foo, 2) = %q; want none", got)
	}
	// A missing rcN.d is a glob error; a level beyond 6 has no directory.
	_, _, err := State(fsys, "foo", 7)
	var g *GlobError
	if !errors.As(err, &g) || g.Error() != "failed to glob pattern /etc/rc.d/rc7.d/[SK][0-9][0-9]foo: No such file or directory" {
		t.Errorf("State(foo, 7) error = %v; want glob error", err)
	}
}

func TestMatchEntry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		entry, name string
		want        bool
	}{
		{"S55sshd", "sshd", true},
		{"K25sshd", "sshd", true},
		{"S5sshd", "sshd", false},
		{"S100sshd", "sshd", false},
		{"X55sshd", "sshd", false},
		{"S5xsshd", "sshd", false},
		{"S55sshd2", "sshd", false},
		{"S55lvm2-monitor", "lvm2-monitor", true},
		{"S55foo", "f*", true},
		{"S55bar", "[!f]ar", true},
		{"S55b", "?", true},
		{"S55[x", "[x", true},
	}
	for _, tt := range tests {
		if got := matchEntry(tt.entry, tt.name); got != tt.want {
			t.Errorf("matchEntry(%q, %q) = %v; want %v", tt.entry, tt.name, got, tt.want)
		}
	}
}

// §8.4 and §8.9: what Lookup accepts and the messages of what it refuses.
func TestLookup(t *testing.T) {
	t.Parallel()
	fsys := newFS(t, map[string]string{
		InitDir + "/sshd":      script("2345", "55", "25"),
		InitDir + "/nodesc":    "#!/bin/bash\n# chkconfig: 2345 10 90\n",
		InitDir + "/lsbonly":   "#!/bin/bash\n### BEGIN INIT INFO\n# Provides: lsbonly\n# Default-Start: 3 5\n# Description: x\n### END INIT INFO\n",
		InitDir + "/empty":     "",
		InitDir + "/adir/":     "",
		InitDir + "/dangling":  "->nowhere",
		InitDir + "/linked":    "->sshd",
		InitDir + "/both":      script("35", "10", "90"),
		XinetdDir + "/both":    "service both\n{\n\tdisable = yes\n}\n",
		XinetdDir + "/telnet":  "service telnet\n{\n\tdisable\t= no\n}\n",
		XinetdDir + "/xdir/":   "",
		XinetdDir + "/notdisd": "service x\n{\n}\n",
	})
	tests := []struct {
		name   string
		want   Service
		errMsg string
	}{
		{"sshd", Service{Name: "sshd", Header: Header{Levels: "2345", Start: 55, Stop: 25, Description: "test service"}}, ""},
		{"linked", Service{Name: "linked", Header: Header{Levels: "2345", Start: 55, Stop: 25, Description: "test service"}}, ""},
		{"both", Service{Name: "both", Header: Header{Levels: "35", Start: 10, Stop: 90, Description: "test service"}}, ""},
		{"telnet", Service{Name: "telnet", Xinetd: true, Enabled: true, ResetOn: true}, ""},
		{"notdisd", Service{Name: "notdisd", Xinetd: true, Enabled: true, ResetOn: true}, ""},
		{"nodesc", Service{}, "service nodesc does not support chkconfig"},
		{"lsbonly", Service{}, "service lsbonly does not support chkconfig"},
		{"nope", Service{}, "error reading information on service nope: No such file or directory"},
		{"dangling", Service{}, "error reading information on service dangling: No such file or directory"},
		{"empty", Service{}, "error reading information on service empty: Invalid argument"},
		{"adir", Service{}, "error reading information on service adir: No such device"},
		{"xdir", Service{}, "error reading information on service xdir: Is a directory"},
		{"", Service{}, "error reading information on service : No such device"},
	}
	for _, tt := range tests {
		got, err := Lookup(fsys, tt.name)
		if tt.errMsg != "" {
			var se *ServiceError
			if !errors.As(err, &se) || err.Error() != tt.errMsg {
				t.Errorf("Lookup(%q) error = %v; want %q", tt.name, err, tt.errMsg)
			}
			continue
		}
		if err != nil {
			t.Errorf("Lookup(%q) error = %v", tt.name, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tt.name, d)
		}
	}
	_, err := Lookup(fsys, "nodesc")
	if !errors.Is(err, ErrNotSupported) {
		t.Errorf("Lookup(nodesc) = %v; want ErrNotSupported", err)
	}
	_, err = Lookup(fsys, "nope")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Lookup(nope) = %v; want ErrNotExist", err)
	}
	msg := (&ServiceError{Name: "x", Err: ErrNotReferenced}).Error()
	if msg != "service x supports chkconfig, but is not referenced in any runlevel (run 'chkconfig --add x')" {
		t.Errorf("not referenced message = %q", msg)
	}
}

// §8.5 and §8.6: what each operation does to the links.
func TestOperations(t *testing.T) {
	t.Parallel()
	base := map[string]string{
		InitDir + "/crond":  script("2345", "90", "60"),
		InitDir + "/httpd":  script("-", "85", "15"),
		InitDir + "/kudzu":  script("345", "05", "95"),
		InitDir + "/myapp":  script("35", "8", "92"),
		XinetdDir + "/echo": "service echo\n{\n\tdisable = yes\n}\n",
	}
	crondAdded := map[string]string{
		"/etc/rc.d/rc0.d/K60crond": "->../init.d/crond", "/etc/rc.d/rc1.d/K60crond": "->../init.d/crond",
		"/etc/rc.d/rc2.d/S90crond": "->../init.d/crond", "/etc/rc.d/rc3.d/S90crond": "->../init.d/crond",
		"/etc/rc.d/rc4.d/S90crond": "->../init.d/crond", "/etc/rc.d/rc5.d/S90crond": "->../init.d/crond",
		"/etc/rc.d/rc6.d/K60crond": "->../init.d/crond",
	}
	tests := []struct {
		name  string
		extra map[string]string
		op    func(FS) error
		want  []string
	}{
		{"add", nil, func(f FS) error { return Add(f, "crond") },
			links("0:K60crond", "1:K60crond", "2:S90crond", "3:S90crond", "4:S90crond", "5:S90crond", "6:K60crond")},
		{"add dash levels", nil, func(f FS) error { return Add(f, "httpd") },
			links("0:K15httpd", "1:K15httpd", "2:K15httpd", "3:K15httpd", "4:K15httpd", "5:K15httpd", "6:K15httpd")},
		{"add two-digit priority", nil, func(f FS) error { return Add(f, "kudzu") },
			links("0:K95kudzu", "1:K95kudzu", "2:K95kudzu", "3:S05kudzu", "4:S05kudzu", "5:S05kudzu", "6:K95kudzu")},
		{"add keeps existing links", map[string]string{"/etc/rc.d/rc3.d/K42crond": "->../init.d/crond", "/etc/rc.d/rc2.d/S5crond": "->../init.d/crond"},
			func(f FS) error { return Add(f, "crond") },
			[]string{"0:K60crond->../init.d/crond", "1:K60crond->../init.d/crond", "2:S5crond->../init.d/crond", "2:S90crond->../init.d/crond",
				"3:K42crond->../init.d/crond", "4:S90crond->../init.d/crond", "5:S90crond->../init.d/crond", "6:K60crond->../init.d/crond"}},
		{"add xinetd does nothing", nil, func(f FS) error { return Add(f, "echo") }, nil},
		{"del", crondAdded, func(f FS) error { return Del(f, "crond") }, nil},
		{"del leaves hand-made links", map[string]string{"/etc/rc.d/rc3.d/S5crond": "->../init.d/crond", "/etc/rc.d/rc3.d/S100crond": "->../init.d/crond", "/etc/rc.d/rc3.d/S90crond": "->../init.d/crond"},
			func(f FS) error { return Del(f, "crond") },
			[]string{"3:S100crond->../init.d/crond", "3:S5crond->../init.d/crond"}},
		{"del leaves a directory", map[string]string{"/etc/rc.d/rc3.d/S90crond/": ""},
			func(f FS) error { return Del(f, "crond") }, []string{"3:S90crond->?"}},
		{"on never added: levels 2-5 only", nil, func(f FS) error { return Set(f, "myapp", "", true) },
			links("2:S08myapp", "3:S08myapp", "4:S08myapp", "5:S08myapp")},
		{"on then add fills 0 1 6", nil, func(f FS) error {
			if err := Set(f, "myapp", "", true); err != nil {
				return err
			}
			return Add(f, "myapp")
		}, links("0:K92myapp", "1:K92myapp", "2:S08myapp", "3:S08myapp", "4:S08myapp", "5:S08myapp", "6:K92myapp")},
		{"off", crondAdded, func(f FS) error { return Set(f, "crond", "", false) },
			links("0:K60crond", "1:K60crond", "2:K60crond", "3:K60crond", "4:K60crond", "5:K60crond", "6:K60crond")},
		{"off with --level 35", crondAdded, func(f FS) error { return Set(f, "crond", "35", false) },
			links("0:K60crond", "1:K60crond", "2:S90crond", "3:K60crond", "4:S90crond", "5:K60crond", "6:K60crond")},
		{"on with --level 0 drops every old entry of the level", map[string]string{"/etc/rc.d/rc0.d/K01crond": "->x", "/etc/rc.d/rc0.d/S33crond": "->y", "/etc/rc.d/rc0.d/K60crond": "->../init.d/crond"},
			func(f FS) error { return Set(f, "crond", "0", true) }, links("0:S90crond")},
		{"on renumbers a manual priority", map[string]string{"/etc/rc.d/rc3.d/S10crond": "->../init.d/crond"},
			func(f FS) error { return Set(f, "crond", "3", true) }, links("3:S90crond")},
		{"reset all seven", map[string]string{"/etc/rc.d/rc0.d/S11crond": "->../init.d/crond", "/etc/rc.d/rc3.d/K22crond": "->../init.d/crond"},
			func(f FS) error { return Reset(f, "crond", "") },
			links("0:K60crond", "1:K60crond", "2:S90crond", "3:S90crond", "4:S90crond", "5:S90crond", "6:K60crond")},
		{"reset with --level", map[string]string{"/etc/rc.d/rc0.d/S11crond": "->../init.d/crond", "/etc/rc.d/rc3.d/K22crond": "->../init.d/crond"},
			func(f FS) error { return Reset(f, "crond", "3") }, links("0:S11crond", "3:S90crond")},
		{"resetpriorities: 2-5 only on EL5", map[string]string{
			"/etc/rc.d/rc0.d/K01crond": "->../init.d/crond", "/etc/rc.d/rc2.d/K22crond": "->../init.d/crond",
			"/etc/rc.d/rc3.d/S11crond": "->../init.d/crond", "/etc/rc.d/rc6.d/S33crond": "->../init.d/crond"},
			func(f FS) error { return ResetPriorities(f, "crond", "") },
			links("0:K01crond", "2:K60crond", "3:S90crond", "4:K60crond", "5:K60crond", "6:S33crond")},
		{"resetpriorities with --level 06", map[string]string{
			"/etc/rc.d/rc0.d/K01crond": "->../init.d/crond", "/etc/rc.d/rc6.d/S33crond": "->../init.d/crond"},
			func(f FS) error { return ResetPriorities(f, "crond", "06") }, links("0:K60crond", "6:S90crond")},
	}
	for _, tt := range tests {
		files := map[string]string{}
		for k, v := range base {
			files[k] = v
		}
		for k, v := range tt.extra {
			files[k] = v
		}
		fsys := newFS(t, files)
		if err := tt.op(fsys); err != nil {
			t.Errorf("%s: error %v", tt.name, err)
		}
		if d := cmp.Diff(tt.want, linksOf(t, fsys)); d != "" {
			t.Errorf("%s: links mismatch (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestOperationErrors(t *testing.T) {
	t.Parallel()
	fsys := newFS(t, map[string]string{InitDir + "/crond": script("2345", "90", "60")})
	if err := Set(fsys, "crond", "7", true); !errors.Is(err, ErrBadLevels) {
		t.Errorf("Set(--level 7) = %v; want ErrBadLevels", err)
	}
	for _, op := range []func() error{
		func() error { return Set(fsys, "nope", "", true) },
		func() error { return Add(fsys, "nope") },
		func() error { return Del(fsys, "nope") },
		func() error { return Reset(fsys, "nope", "") },
		func() error { return ResetPriorities(fsys, "nope", "") },
	} {
		if err := op(); err == nil || err.Error() != "error reading information on service nope: No such file or directory" {
			t.Errorf("operation on nope = %v", err)
		}
	}
	// A missing rc4.d: on goes on with the other levels, reporting the
	// glob and the symlink; --add stops there.
	if err := fsys.Remove("/etc/rc.d/rc4.d"); err != nil {
		t.Fatal(err)
	}
	err := Set(fsys, "crond", "", true)
	var msgs []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		"failed to glob pattern /etc/rc.d/rc4.d/[SK][0-9][0-9]crond: No such file or directory",
		"failed to make symlink /etc/rc.d/rc4.d/S90crond: No such file or directory",
	}
	if d := cmp.Diff(want, msgs); d != "" {
		t.Errorf("Set with rc4.d missing (-want +got):\n%s", d)
	}
	if got := linksOf(t, fsys); !cmp.Equal(got, links("2:S90crond", "3:S90crond", "5:S90crond")) {
		t.Errorf("links after Set = %q", got)
	}
	err = Add(fsys, "crond")
	var g *GlobError
	if !errors.As(err, &g) || !g.Fatal || !errors.Is(err, syscall.ENOENT) {
		t.Errorf("Add with rc4.d missing = %v; want a fatal glob error", err)
	}
	if got := linksOf(t, fsys); !cmp.Equal(got, links("0:K60crond", "1:K60crond", "2:S90crond", "3:S90crond", "5:S90crond")) {
		t.Errorf("links after Add = %q", got)
	}
}

// LSB scripts (EL5 frobDependencies, as modelled): priorities follow the
// Required-Start/Stop services and all seven levels are relinked.
func TestLSB(t *testing.T) {
	t.Parallel()
	fsys := newFS(t, map[string]string{
		InitDir + "/sshd": script("2345", "55", "25"),
		InitDir + "/webapp": "#!/bin/bash\n# chkconfig: 35 50 50\n# description: web\n### BEGIN INIT INFO\n" +
			"# Required-Start: sshd\n# Required-Stop: sshd\n### END INIT INFO\n",
		"/etc/rc.d/rc0.d/S10webapp": "->../init.d/webapp",
	})
	if err := Set(fsys, "webapp", "2", true); err != nil {
		t.Fatal(err)
	}
	want := links("0:K24webapp", "1:K24webapp", "2:S56webapp", "3:S56webapp", "4:K24webapp", "5:S56webapp", "6:K24webapp")
	if d := cmp.Diff(want, linksOf(t, fsys)); d != "" {
		t.Errorf("links (-want +got):\n%s", d)
	}
}

func TestListSysV(t *testing.T) {
	t.Parallel()
	fsys := newFS(t, map[string]string{
		InitDir + "/sshd":                   script("2345", "55", "25"),
		InitDir + "/NetworkManager":         script("2345", "23", "84"),
		InitDir + "/unlinked":               script("2345", "10", "90"),
		InitDir + "/nodesc":                 "# chkconfig: 2345 10 90\n",
		InitDir + "/sshd.rpmnew":            script("2345", "55", "25"),
		InitDir + "/sshd~":                  script("2345", "55", "25"),
		InitDir + "/.hidden":                script("2345", "55", "25"),
		InitDir + "/adir/":                  "",
		InitDir + "/alias":                  "->sshd",
		"/etc/rc.d/rc3.d/S55sshd":           "->../init.d/sshd",
		"/etc/rc.d/rc0.d/K25sshd":           "->../init.d/sshd",
		"/etc/rc.d/rc3.d/S55alias":          "->../init.d/alias",
		"/etc/rc.d/rc5.d/S23NetworkManager": "->../init.d/NetworkManager",
		"/etc/rc.d/rc3.d/S10nodesc":         "->../init.d/nodesc",
		"/etc/rc.d/rc3.d/S55sshd~":          "->../init.d/sshd~",
		"/etc/rc.d/rc3.d/S10unlinked2":      "->../init.d/unlinked",
	})
	var got []string
	for _, s := range ListSysV(fsys) {
		var b strings.Builder
		b.WriteString(s.Name + ":")
		for _, on := range s.On {
			if on {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		}
		got = append(got, b.String())
	}
	want := []string{"NetworkManager:0000010", "alias:0001000", "sshd:0001000"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ListSysV (-want +got):\n%s", d)
	}
}
