package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// TestPackageTools runs rpm, lsof, vmstat, whereis and groups on booted
// machines: the package database the image wrote describes the machine
// exactly until someone changes it.
func TestPackageTools(t *testing.T) {
	t.Parallel()
	noDB := "error: cannot open Packages index using db3 - No such file or directory (2)\n" +
		"error: cannot open Packages database in /var/lib/rpm\n"
	tests := []struct {
		name  string
		steps []userStep
	}{
		{"a fresh machine verifies clean", []userStep{
			{1, "rpm -Va; echo $?", "0\n", 0},
			{1, "rpm -qf /sbin/init /etc/init.d/sshd /usr/sbin/lsof /bin/bash", "sysvinit-2.86-17.el5\nopenssh-server-4.3p2-82.el5\nlsof-4.78-6\nbash-3.2-33.el5_11.4\n", 0},
			{1, "rpm -qa | wc -l", "86\n", 0},
		}},
		{"rpm -V sees what changed", []userStep{
			{1, "echo 'ServerTokens Prod' >> /etc/httpd/conf/httpd.conf; rpm -V httpd", "S.5....T  c /etc/httpd/conf/httpd.conf\n", 1},
			{1, "chmod 700 /etc/init.d/httpd; rpm -V httpd | sort", ".M......    /etc/rc.d/init.d/httpd\nS.5....T  c /etc/httpd/conf/httpd.conf\n", 0},
			{1, "rm -f /usr/sbin/in.telnetd; rpm -V telnet-server xinetd", "missing     /usr/sbin/in.telnetd\n", 1},
			{1, "sed -i 's/-/+/' /etc/inittab; rpm -Vf /etc/inittab", "..5....T  c /etc/inittab\n", 1},
			{1, "echo >> /etc/inittab; rpm -Vf /etc/inittab", "S.5....T  c /etc/inittab\n", 1},
		}},
		{"a deleted database", []userStep{
			{1, "rm -f /var/lib/rpm/Packages; rpm -q httpd 2>&1", noDB + "package httpd is not installed\n", 1},
			{1, "rpm -qa 2>/dev/null", "no packages\n", 1},
		}},
		{"the other tools as root", []userStep{
			{1, "groups", "root bin daemon sys adm disk wheel\n", 0},
			{1, "whereis init", "init: /sbin/init /etc/init.d /usr/share/man/man8/init.8.gz\n", 0},
			{1, "lsof -i :22 | awk '{print $1, $3, $4, $5, $7, $8, $9}'", "COMMAND USER FD TYPE SIZE NODE NAME\nsshd root 3u IPv4 TCP *:ssh (LISTEN)\n", 0},
			{1, "cd /tmp; lsof -p $$ | awk '$4 == \"cwd\" {print $NF}'", "/tmp\n", 0},
			// Each further line waits a second on the machine's clock.
			{1, "date +%S; vmstat 1 3 | wc -l; date +%S", "42\n5\n44\n", 0},
		}},
		{"as a user", []userStep{
			{2, "groups", "alice\n", 0},
			{2, "lsof -i", "-bash: lsof: command not found\n", 127},
			{2, "/usr/sbin/lsof -i", "", 1},
			{2, "/usr/sbin/lsof -c sshd | awk '{print $4, $NF}'", "FD NAME\ncwd denied)\nrtd denied)\ntxt denied)\nNOFD denied)\n", 0},
			{2, "rpm -V openssh-server", "..?.....  c /etc/ssh/sshd_config\n", 1},
			{2, "rpm -e httpd", "error: can't create transaction lock on /var/lib/rpm/__db.000\n", 1},
			{1, "rpm -e httpd", "error: httpd-2.2.3-91.el5.centos: packages cannot be removed from an rclab machine (change its files instead)\n", 1},
		}},
	}
	runUserSessions(t, tests)
}

// TestRpmVerifyAfterEditorSave: a file saved from vi shows in rpm -V as
// changed in size, digest and time.
func TestRpmVerifyAfterEditorSave(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	conf, err := m.ReadFile("/etc/httpd/conf/httpd.conf")
	if err != nil {
		t.Fatal(err)
	}
	apply(t, m, sim.Action{Kind: sim.Save, Path: "/etc/httpd/conf/httpd.conf", Program: "vi",
		Data: strings.Replace(string(conf), "Listen 80", "Listen 8080", 1)})
	r := apply(t, m, sim.Action{Kind: sim.Type, Line: "rpm -V httpd"})
	if got, want := strings.TrimPrefix(r.Output, "rpm -V httpd\n"), "S.5....T  c /etc/httpd/conf/httpd.conf\n"; got != want || r.Status != 1 {
		t.Errorf("rpm -V httpd after vi = %q, status %d; want %q, status 1", got, r.Status, want)
	}
}
