package tui

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rclab/sim"
)

// fakeMachine completes from fixed lists.
type fakeMachine struct{}

func (fakeMachine) Complete(prefix string, first bool) []string {
	var pool []string
	if first && !strings.Contains(prefix, "/") {
		pool = []string{"cat", "chkconfig", "chmod", "service", "sed"}
	} else {
		pool = []string{"/etc/init.d/", "/etc/inittab", "/etc/rc.d/", "/etc/rc.local", "/etc/rc0.d/", "rc.txt"}
	}
	var out []string
	for _, p := range pool {
		if strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	}
	return out
}

func (fakeMachine) Services() []sim.Service {
	return []sim.Service{{Name: "httpd"}, {Name: "sendmail"}, {Name: "sshd"}, {Name: "telnet", Xinetd: true}}
}

func TestComplete(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string // _ marks the cursor
		want string
		list []string
	}{
		{"chkc_", "chkconfig _", nil},
		{"ch_", "ch_", []string{"chkconfig", "chmod"}},
		{"c_", "c_", []string{"cat", "chkconfig", "chmod"}},
		{"nosuch_", "nosuch_", nil},
		{"service ht_", "service httpd _", nil},
		{"service s_", "service s_", []string{"sendmail", "sshd"}},
		{"service se_", "service sendmail _", nil},
		{"service tel_", "service tel_", nil}, // xinetd services are not SysV scripts
		{"service httpd st_", "service httpd st_", []string{"start", "status", "stop"}},
		{"service httpd sto_", "service httpd stop _", nil},
		{"chkconfig --li_", "chkconfig --list _", nil},
		{"chkconfig --l_", "chkconfig --l_", []string{"--level", "--list"}},
		{"chkconfig tel_", "chkconfig telnet _", nil},
		{"chkconfig --level 35 ht_", "chkconfig --level 35 httpd _", nil},
		{"chkconfig --level _", "chkconfig --level _", nil},
		{"chkconfig httpd o_", "chkconfig httpd o_", []string{"off", "on"}},
		{"chkconfig httpd of_", "chkconfig httpd off _", nil},
		{"cat /etc/ini_", "cat /etc/init_", nil},
		{"cat /etc/init_", "cat /etc/init_", []string{"init.d/", "inittab"}},
		{"cat /etc/init._", "cat /etc/init.d/_", nil},
		{"ls /etc/rc_", "ls /etc/rc_", []string{"rc.d/", "rc.local", "rc0.d/"}},
		{"/etc/init_", "/etc/init_", []string{"init.d/", "inittab"}},
		{"echo a; chkc_", "echo a; chkconfig _", nil},
		{"ls | se_", "ls | se_", []string{"sed", "service"}},
		{"ls | sed_", "ls | sed _", nil},
		{"chkc_ --list", "chkconfig _ --list", nil},
	}
	for _, tc := range tests {
		cur := strings.Index(tc.line, "_")
		line := []rune(strings.Replace(tc.line, "_", "", 1))
		out, n, list := complete(fakeMachine{}, line, len([]rune(tc.line[:cur])))
		got := string(out[:n]) + "_" + string(out[n:])
		if got != tc.want || !cmp.Equal(list, tc.list) {
			t.Errorf("complete(%q) = %q, %q; want %q, %q", tc.line, got, list, tc.want, tc.list)
		}
	}
}
