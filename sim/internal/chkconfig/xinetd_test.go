package chkconfig

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// §8.3: when an xinetd file counts as on.
func TestParseXinetd(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		file             string
		enabled, resetOn bool
		desc             string
	}{
		{"disable yes", "service x\n{\n\tdisable\t\t= yes\n}\n", false, false, ""},
		{"disable no", "service x\n{\n\tdisable\t\t= no\n}\n", true, true, ""},
		{"no disable line", "service x\n{\n\tuser = root\n}\n", true, true, ""},
		{"disable without =", "service x\n{\n\tdisable\n}\n", false, false, ""},
		{"disable without = looks at the next =", "service x\n{\n\tdisable\n\tuser = root\n}\n", true, true, ""},
		{"value must start with yes", "service x\n{\n\tdisable = Yes\n}\n", true, true, ""},
		{"yesterday is yes", "service x\n{\n\tdisable = yesterday\n}\n", false, false, ""},
		{"no blanks around =", "service x\n{\ndisable=yes\n}\n", false, false, ""},
		{"disabled counts too", "service x\n{\n\tdisabled = yes\n}\n", false, false, ""},
		{"last line wins, reset takes the first", "service x\n{\n\tdisable = no\n\tdisable = yes\n}\n", false, true, ""},
		{"comment ignored", "# disable = yes\nservice x\n{\n}\n", true, true, ""},
		{"default: is never honoured", "# default: off\nservice x\n{\n}\n", true, true, ""},
		{"indented comment is not a comment but not a disable line", "  # disable = yes\nservice x\n{\n}\n", true, true, ""},
		{"last line without newline keeps its indent", "service x\n{\n}\n\tdisable = yes", true, true, ""},
		{"last line at column 0", "service x\n{\n}\ndisable = yes", false, false, ""},
		{"description", "# default: on\n# description: The telnet server \\\n#\tserves sessions.\nservice telnet\n{\n}\n", true, true, "The telnet server serves sessions."},
		{"empty file", "", true, true, ""},
	}
	for _, tt := range tests {
		enabled, resetOn, desc := parseXinetd([]byte(tt.file))
		if enabled != tt.enabled || resetOn != tt.resetOn || desc != tt.desc {
			t.Errorf("%s: parseXinetd(%q) = %v, %v, %q; want %v, %v, %q", tt.name, tt.file, enabled, resetOn, desc, tt.enabled, tt.resetOn, tt.desc)
		}
	}
}

// §8.7: the rewrite, byte for byte.
func TestRewriteXinetd(t *testing.T) {
	t.Parallel()
	// The image's telnet file: disable at the end of the block.
	telnet := "# default: on\n# description: The telnet server offers remote logins; user names and \\\n" +
		"#\tpasswords cross the network unencrypted (ssh is the safe choice).\nservice telnet\n{\n" +
		"\tflags\t\t= REUSE\n\tsocket_type\t= stream        \n\twait\t\t= no\n\tuser\t\t= root\n" +
		"\tserver\t\t= /usr/sbin/in.telnetd\n\tlog_on_failure\t+= USERID\n\tdisable\t\t= yes\n}\n"
	wantOn := "# default: on\n# description: The telnet server offers remote logins; user names and \\\n" +
		"#\tpasswords cross the network unencrypted (ssh is the safe choice).\nservice telnet\n{\n\tdisable\t= no\n" +
		"\tflags\t\t= REUSE\n\tsocket_type\t= stream        \n\twait\t\t= no\n\tuser\t\t= root\n" +
		"\tserver\t\t= /usr/sbin/in.telnetd\n\tlog_on_failure\t+= USERID\n}\n"
	tests := []struct {
		name, in string
		on       bool
		want     string
	}{
		{"telnet on", telnet, true, wantOn},
		{"telnet off", telnet, false, strings.Replace(wantOn, "= no\n", "= yes\n", 1)},
		{"blank lines dropped", "# c\n\nservice x\n  \t \n{\n\n\tuser = root\n}\n\n", true,
			"# c\nservice x\n{\n\tdisable\t= no\n\tuser = root\n}\n"},
		{"no final newline", "service x\n{\n}", false, "service x\n{\n\tdisable\t= yes\n}\n"},
		{"every { gets one", "service a\n{\n}\nservice b\n  {\n}\n", true,
			"service a\n{\n\tdisable\t= no\n}\nservice b\n  {\n\tdisable\t= no\n}\n"},
		{"disabled and indented disable lines dropped", "service x\n{\n   disable = no\n\tdisabled = yes\n\tdisable\n}\n", false,
			"service x\n{\n\tdisable\t= yes\n}\n"},
		{"comment mentioning disable kept", "# disable = yes\nservice x\n{\n}\n", true,
			"# disable = yes\nservice x\n{\n\tdisable\t= no\n}\n"},
		{"CRLF kept, whitespace-only CR line dropped", "service x\r\n\r\n{\r\n}\r\n", true,
			"service x\r\n{\r\n\tdisable\t= no\n}\r\n"},
		{"NUL ends the file", "service x\n{\n}\n\x00garbage\n", true, "service x\n{\n\tdisable\t= no\n}\n"},
		{"empty file", "", true, ""},
	}
	for _, tt := range tests {
		if got := string(rewriteXinetd([]byte(tt.in), tt.on)); got != tt.want {
			t.Errorf("%s: rewriteXinetd(%q, %v) = %q; want %q", tt.name, tt.in, tt.on, got, tt.want)
		}
	}
}

func TestSetXinetd(t *testing.T) {
	t.Parallel()
	fsys := newFS(t, map[string]string{
		XinetdDir + "/rsync":  "service rsync\n{\n\tdisable\t= yes\n\n\tflags\t\t= IPv6\n}\n",
		"/srv/real-tftp":      "service tftp\n{\n\tdisable = yes\n}\n",
		XinetdDir + "/tftp":   "->/srv/real-tftp",
		XinetdDir + "/dir/":   "",
		XinetdDir + "/other~": "x",
	})
	if err := fsys.Chmod(XinetdDir+"/rsync", 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SetXinetd(fsys, "rsync", true); err != nil {
		t.Fatal(err)
	}
	data, _ := readXinetdFile(fsys, XinetdDir+"/rsync")
	if want := "service rsync\n{\n\tdisable\t= no\n\tflags\t\t= IPv6\n}\n"; string(data) != want {
		t.Errorf("rsync after on = %q; want %q", data, want)
	}
	fi, err := fsys.Lstat(XinetdDir + "/rsync")
	if err != nil || fi.Mode() != 0o644 {
		t.Errorf("rsync mode = %v, %v; want -rw-r--r--", fi.Mode(), err)
	}
	// The temporary file is gone; a symbolic link is replaced by a file
	// and its target left alone.
	if err := SetXinetd(fsys, "tftp", true); err != nil {
		t.Fatal(err)
	}
	names, _ := readDirNames(fsys, XinetdDir)
	if want := []string{"dir", "other~", "rsync", "tftp"}; !cmp.Equal(names, want) {
		t.Errorf("xinetd.d = %q; want %q", names, want)
	}
	if fi, err := fsys.Lstat(XinetdDir + "/tftp"); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("tftp after rewrite: %v, %v; want a regular file", fi, err)
	}
	if data, _ := readXinetdFile(fsys, "/srv/real-tftp"); !strings.Contains(string(data), "disable = yes") {
		t.Errorf("link target changed: %q", data)
	}
	if err := SetXinetd(fsys, "nope", true); err == nil {
		t.Errorf("SetXinetd(nope) succeeded")
	}
	// The listing: names filtered, directories skipped, rule of §8.3.
	var got []string
	for _, x := range Xinetd(fsys) {
		got = append(got, x.Name+"="+map[bool]string{true: "on", false: "off"}[x.Enabled])
	}
	if want := []string{"rsync=on", "tftp=on"}; !cmp.Equal(got, want) {
		t.Errorf("Xinetd() = %q; want %q", got, want)
	}
	// reset writes back the first disable line's state; resetpriorities
	// turns the service on (1.3.30 passes its state as true).
	fsys2 := newFS(t, map[string]string{XinetdDir + "/x": "service x\n{\n\tdisable = no\n\tdisable = yes\n}\n"})
	if err := Reset(fsys2, "x", ""); err != nil {
		t.Fatal(err)
	}
	if data, _ := readXinetdFile(fsys2, XinetdDir+"/x"); string(data) != "service x\n{\n\tdisable\t= no\n}\n" {
		t.Errorf("after reset: %q", data)
	}
	if err := Set(fsys2, "x", "3", false); err != nil {
		t.Fatal(err)
	}
	if err := ResetPriorities(fsys2, "x", ""); err != nil {
		t.Fatal(err)
	}
	if data, _ := readXinetdFile(fsys2, XinetdDir+"/x"); string(data) != "service x\n{\n\tdisable\t= no\n}\n" {
		t.Errorf("after resetpriorities: %q", data)
	}
}
