package cmds

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/image"
	"rclab/sim/internal/kernel"
	"rclab/vfs"
)

// chkScripts are init scripts as the centos5 image has them (headers
// copied from sim/image/centos5), plus two the image lacks: one without a
// description and an LSB-only one, both rejected by 1.3.30.2.
var chkScripts = map[string]string{
	"sshd": "#!/bin/bash\n#\n# sshd\t\tStarts and stops the OpenSSH server daemon.\n#\n# chkconfig: 2345 55 25\n" +
		"# description: sshd accepts encrypted remote logins and file transfers \\\n#              (ssh, scp, sftp) from the network.\n" +
		"#\n# processname: sshd\n# pidfile: /var/run/sshd.pid\n\n. /etc/rc.d/init.d/functions\n",
	"httpd": "#!/bin/bash\n#\n# httpd\t\tStarts and stops the Apache HTTP Server.\n#\n# chkconfig: - 85 15\n" +
		"# description: The Apache HTTP Server serves web pages (static files and \\\n#              the output of programs) over HTTP.\n" +
		"# processname: httpd\n# config: /etc/httpd/conf/httpd.conf\n\n. /etc/rc.d/init.d/functions\n",
	"named": "#!/bin/bash\n#\n# named\t\tStarts and stops named, the BIND DNS server.\n#\n# chkconfig: - 13 87\n" +
		"# description: named answers DNS queries: it maps host names to addresses \\\n#              and back, for its own zones or as a caching server.\n" +
		"# processname: named\n\n. /etc/rc.d/init.d/functions\n",
	"xinetd": "#!/bin/bash\n#\n# xinetd\tStarts and stops xinetd, the super-server that listens for\n#\t\tthe services configured in /etc/xinetd.d and starts their\n#\t\tservers on demand.\n#\n" +
		"# chkconfig: 345 56 50\n# description: xinetd listens on the ports of the services enabled in \\\n" +
		"#              /etc/xinetd.d and starts the matching server for each \\\n#              connection, with access control, limits and logging.\n" +
		"#\n# processname: /usr/sbin/xinetd\n\n. /etc/init.d/functions\n",
	"cups": "#!/bin/bash\n#\n# cups\t\tStarts and stops cupsd, the CUPS print spooler.\n#\n# chkconfig: 2345 56 10\n" +
		"# description: cupsd is the Common UNIX Printing System scheduler: it queues \\\n#              print jobs and hands them to local or network printers.\n" +
		"# processname: cupsd\n\n. /etc/init.d/functions\n",
	"crond": "#!/bin/bash\n#\n# crond\t\tStarts and stops the cron daemon.\n#\n# chkconfig: 2345 90 60\n" +
		"# description: crond runs commands at the times listed in /etc/crontab, \\\n#              in the files of /etc/cron.d and in the users' crontabs.\n" +
		"# processname: crond\n\n. /etc/init.d/functions\n",
	"functions": "# -*-Shell-script-*-\n#\n# functions\tShell helpers for the scripts in /etc/rc.d/init.d.\n",
	"nodesc":    "#!/bin/bash\n#\n# chkconfig: 2345 50 50\n\necho nodesc\n",
	"webapp": "#!/bin/bash\n### BEGIN INIT INFO\n# Provides: webapp\n# Required-Start: sshd\n# Default-Start: 3 5\n# Default-Stop: 0 1 2 4 6\n" +
		"# Short-Description: a web application\n# Description: a web application\n### END INIT INFO\n\necho webapp\n",
}

// chkLinks are the image's rc links of those services (see the MANIFEST);
// nodesc and webapp got theirs by hand.
var chkLinks = map[string]string{
	"sshd": "K25 K25 S55 S55 S55 S55 K25", "httpd": "K15 K15 K15 K15 K15 K15 K15",
	"named": "K87 K87 K87 K87 K87 K87 K87", "xinetd": "K50 K50 K50 S56 S56 S56 K50",
	"cups": "K10 K10 S56 S56 S56 S56 K10", "crond": "K60 K60 S90 S90 S90 S90 K60",
	"nodesc": "- - - S50 - - -", "webapp": "- - - S50 - - -",
}

var chkXinetd = map[string]string{
	"telnet": "# default: on\n# description: The telnet server offers remote logins; user names and \\\n#\tpasswords cross the network unencrypted (ssh is the safe choice).\n" +
		"service telnet\n{\n\tflags\t\t= REUSE\n\tsocket_type\t= stream        \n\twait\t\t= no\n\tuser\t\t= root\n" +
		"\tserver\t\t= /usr/sbin/in.telnetd\n\tlog_on_failure\t+= USERID\n\tdisable\t\t= yes\n}\n",
	"rsync": "# default: off\n# description: The rsync server copies files efficiently: only the parts \\\n#\tthat differ are sent. It serves the modules of /etc/rsyncd.conf.\n" +
		"service rsync\n{\n\tdisable\t= yes\n\tflags\t\t= IPv6\n\tsocket_type     = stream\n\twait            = no\n\tuser            = root\n" +
		"\tserver          = /usr/bin/rsync\n\tserver_args     = --daemon\n\tlog_on_failure  += USERID\n}\n",
	"echo-dgram": "# default: off\n# description: xinetd's built-in echo service: every datagram is sent back \\\n# unchanged. UDP version.\n" +
		"service echo\n{\n\tdisable\t\t= yes\n\ttype\t\t= INTERNAL\n\tid\t\t= echo-dgram\n\tsocket_type\t= dgram\n\tprotocol\t= udp\n\tuser\t\t= root\n\twait\t\t= yes\n}\n",
	"chargen-stream": "# default: off\n# description: xinetd's built-in character generator: it sends lines of printable \\\n# ASCII characters until the client disconnects. TCP version.\n" +
		"service chargen\n{\n\tdisable\t\t= no\n\ttype\t\t= INTERNAL\n\tid\t\t= chargen-stream\n\tsocket_type\t= stream\n\tprotocol\t= tcp\n\tuser\t\t= root\n\twait\t\t= no\n}\n",
}

// chkFiles is the test machine's tree: the scripts, their links, the
// xinetd.d files, and the /etc/init.d and /etc/rcN.d symbolic links.
func chkFiles() map[string]string {
	files := map[string]string{"/etc/init.d": "->rc.d/init.d"}
	for l := 0; l < 7; l++ {
		n := string(rune('0' + l))
		files["/etc/rc"+n+".d"] = "->rc.d/rc" + n + ".d"
		files["/etc/rc.d/rc"+n+".d/"] = ""
	}
	for name, s := range chkScripts {
		files["/etc/rc.d/init.d/"+name] = s
	}
	for name, spec := range chkLinks {
		for l, prefix := range strings.Fields(spec) {
			if prefix != "-" {
				files["/etc/rc.d/rc"+string(rune('0'+l))+".d/"+prefix+name] = "->../init.d/" + name
			}
		}
	}
	for name, s := range chkXinetd {
		files["/etc/xinetd.d/"+name] = s
	}
	return files
}

// chkRcOf lists the rcN.d entries whose name ends in name, as
// "N:ENTRY N:ENTRY …" (hand-made links included).
func chkRcOf(t *testing.T, k *kernel.Kernel, name string) string {
	t.Helper()
	var out []string
	for l := 0; l < 7; l++ {
		f, err := k.FS.Open("/etc/rc.d/rc" + string(rune('0'+l)) + ".d")
		if err != nil {
			continue
		}
		names, _ := f.Readdirnames(-1)
		f.Close()
		sort.Strings(names)
		for _, n := range names {
			if strings.HasSuffix(n, name) {
				target, _ := k.FS.Readlink("/etc/rc.d/rc" + string(rune('0'+l)) + ".d/" + n)
				if target != "../init.d/"+n[len(n)-len(name):] {
					n += "->" + target
				}
				out = append(out, string(rune('0'+l))+":"+n)
			}
		}
	}
	return strings.Join(out, " ")
}

const chkUsage = "chkconfig version 1.3.30.2 - Copyright (C) 1997-2000 Red Hat, Inc.\n" +
	"This may be freely redistributed under the terms of the GNU Public License.\n\n" +
	"usage:   chkconfig --list [name]\n" +
	"         chkconfig --add <name>\n" +
	"         chkconfig --del <name>\n" +
	"         chkconfig [--level <levels>] <name> <on|off|reset|resetpriorities>\n"

const chkListSysV = "crond          \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n" +
	"cups           \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n" +
	"httpd          \t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off\n" +
	"named          \t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off\n" +
	"sshd           \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n"

const chkListXinetdLine = "xinetd         \t0:off\t1:off\t2:off\t3:on\t4:on\t5:on\t6:off\n"

const chkListXinetd = "\nxinetd based services:\n" +
	"\tchargen-stream:\ton\n" +
	"\techo-dgram:    \toff\n" +
	"\trsync:         \toff\n" +
	"\ttelnet:        \toff\n"

func TestChkconfig(t *testing.T) {
	t.Parallel()
	runlevel3 := func(k *kernel.Kernel) { k.SetRunlevel('N', '3') }
	tests := []struct {
		name    string
		setup   func(*kernel.Kernel)
		in      string
		want    string
		wantErr string
		status  int
		// then runs afterwards; thenWant is its stdout.
		then, thenWant string
		// rc is the service whose links rcWant lists afterwards.
		rc, rcWant string
	}{
		// --list (§8.3)
		{name: "list", in: "chkconfig --list", want: chkListSysV + chkListXinetdLine + chkListXinetd},
		{name: "list --level is ignored", in: "chkconfig --list --level 7", want: chkListSysV + chkListXinetdLine + chkListXinetd},
		{name: "list without xinetd section when xinetd is off", setup: func(k *kernel.Kernel) {
			for _, l := range "345" {
				k.FS.Remove("/etc/rc.d/rc" + string(l) + ".d/S56xinetd")
				k.FS.Symlink("../init.d/xinetd", "/etc/rc.d/rc"+string(l)+".d/K50xinetd")
			}
		}, in: "chkconfig --list", want: chkListSysV + "xinetd         \t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off\n"},
		{name: "list without xinetd section when xinetd is unreferenced", setup: func(k *kernel.Kernel) {
			for l := 0; l < 7; l++ {
				for _, n := range []string{"S56xinetd", "K50xinetd"} {
					k.FS.Remove("/etc/rc.d/rc" + string(rune('0'+l)) + ".d/" + n)
				}
			}
		}, in: "chkconfig --list", want: chkListSysV},
		{name: "list: name of 15 or more characters gets no padding", setup: func(k *kernel.Kernel) {
			chkWriteFile(k, "/etc/rc.d/init.d/blk-availability", strings.Replace(chkScripts["crond"], "2345 90 60", "12345 25 75", 1))
			k.FS.Symlink("../init.d/blk-availability", "/etc/rc.d/rc1.d/S25blk-availability")
			chkWriteFile(k, "/etc/rc.d/init.d/NetworkManager", chkScripts["crond"])
			k.FS.Symlink("../init.d/NetworkManager", "/etc/rc.d/rc5.d/S90NetworkManager")
		}, in: "chkconfig --list",
			want: "NetworkManager \t0:off\t1:off\t2:off\t3:off\t4:off\t5:on\t6:off\n" +
				"blk-availability\t0:off\t1:on\t2:off\t3:off\t4:off\t5:off\t6:off\n" +
				chkListSysV + chkListXinetdLine + chkListXinetd},
		{name: "list without init.d", setup: func(k *kernel.Kernel) { k.FS.RemoveAll("/etc/rc.d/init.d") }, in: "chkconfig --list",
			wantErr: "failed to open /etc/rc.d/init.d: No such file or directory\n", status: 1},
		{name: "list without xinetd.d", setup: func(k *kernel.Kernel) { k.FS.RemoveAll("/etc/xinetd.d") }, in: "chkconfig --list",
			want: chkListSysV + chkListXinetdLine + "\nxinetd based services:\n", wantErr: "failed to open directory /etc/xinetd.d: Success\n", status: 1},
		{name: "list sshd", in: "chkconfig --list sshd", want: "sshd           \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n"},
		{name: "list httpd", in: "chkconfig --list httpd", want: "httpd          \t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off\n"},
		{name: "list telnet (xinetd)", in: "chkconfig --list telnet", want: "telnet         \toff\n"},
		{name: "list chargen-stream (xinetd, on)", in: "chkconfig --list chargen-stream", want: "chargen-stream \ton\n"},
		{name: "list an xinetd service while xinetd is off", setup: func(k *kernel.Kernel) {
			for _, l := range "345" {
				k.FS.Remove("/etc/rc.d/rc" + string(l) + ".d/S56xinetd")
			}
		}, in: "chkconfig --list chargen-stream", want: "chargen-stream \ton\n"},
		{name: "list unknown", in: "chkconfig --list nope", wantErr: "error reading information on service nope: No such file or directory\n", status: 1},
		{name: "list without description (EL5)", in: "chkconfig --list nodesc", wantErr: "service nodesc does not support chkconfig\n", status: 1},
		{name: "list LSB-only (EL5)", in: "chkconfig --list webapp", wantErr: "service webapp does not support chkconfig\n", status: 1},
		{name: "list functions", in: "chkconfig --list functions", wantErr: "service functions does not support chkconfig\n", status: 1},
		{name: "list after --del", setup: func(k *kernel.Kernel) { chkRunQuiet(t, k, "chkconfig --del named") }, in: "chkconfig --list named",
			wantErr: "service named supports chkconfig, but is not referenced in any runlevel (run 'chkconfig --add named')\n", status: 1},
		{name: "list two names", in: "chkconfig --list sshd httpd", wantErr: chkUsage, status: 1},
		{name: "list with hand-made links only", setup: func(k *kernel.Kernel) {
			chkRunQuiet(t, k, "chkconfig --del named")
			k.FS.Symlink("../init.d/named", "/etc/rc.d/rc3.d/S5named")
			k.FS.Symlink("../init.d/named", "/etc/rc.d/rc3.d/S100named")
		}, in: "chkconfig --list named",
			wantErr: "service named supports chkconfig, but is not referenced in any runlevel (run 'chkconfig --add named')\n", status: 1},
		{name: "list with a missing rc4.d", setup: func(k *kernel.Kernel) { k.FS.RemoveAll("/etc/rc.d/rc4.d") }, in: "chkconfig --list sshd",
			want:    "sshd           \t0:off\t1:off\t2:on\t3:on",
			wantErr: "failed to glob pattern /etc/rc.d/rc4.d/[SK][0-9][0-9]sshd: No such file or directory\n", status: 1},

		// --add / --del (§8.6)
		{name: "add httpd keeps its links", in: "chkconfig --add httpd", rc: "httpd", rcWant: "0:K15httpd 1:K15httpd 2:K15httpd 3:K15httpd 4:K15httpd 5:K15httpd 6:K15httpd"},
		{name: "del then add", setup: func(k *kernel.Kernel) { chkRunQuiet(t, k, "chkconfig --del sshd") }, in: "chkconfig --add sshd",
			rc: "sshd", rcWant: "0:K25sshd 1:K25sshd 2:S55sshd 3:S55sshd 4:S55sshd 5:S55sshd 6:K25sshd"},
		{name: "add keeps a manual link", setup: func(k *kernel.Kernel) {
			chkRunQuiet(t, k, "chkconfig --del crond")
			k.FS.Symlink("../init.d/crond", "/etc/rc.d/rc3.d/K42crond")
		}, in: "chkconfig --add crond", rc: "crond", rcWant: "0:K60crond 1:K60crond 2:S90crond 3:K42crond 4:S90crond 5:S90crond 6:K60crond"},
		{name: "del", in: "chkconfig --del cups", rc: "cups", rcWant: ""},
		{name: "del keeps hand-made links", setup: func(k *kernel.Kernel) {
			k.FS.Symlink("../init.d/cups", "/etc/rc.d/rc3.d/S5cups")
			k.FS.Symlink("../init.d/cups", "/etc/rc.d/rc3.d/S100cups")
		}, in: "chkconfig --del cups", rc: "cups", rcWant: "3:S100cups 3:S5cups"},
		{name: "add unknown", in: "chkconfig --add nope", wantErr: "error reading information on service nope: No such file or directory\n", status: 1},
		{name: "add without description", in: "chkconfig --add nodesc", wantErr: "service nodesc does not support chkconfig\n", status: 1, rc: "nodesc", rcWant: "3:S50nodesc"},
		{name: "add LSB-only", in: "chkconfig --add webapp", wantErr: "service webapp does not support chkconfig\n", status: 1},
		{name: "del unknown", in: "chkconfig --del nope", wantErr: "error reading information on service nope: No such file or directory\n", status: 1},
		{name: "add xinetd service does nothing", in: "chkconfig --add telnet", then: "chkconfig --list telnet", thenWant: "telnet         \toff\n"},
		{name: "del xinetd service does nothing", in: "chkconfig --del rsync", then: "chkconfig --list rsync", thenWant: "rsync          \toff\n"},
		{name: "add a full path", in: "chkconfig --add /etc/init.d/sshd", wantErr: "error reading information on service /etc/init.d/sshd: No such file or directory\n", status: 1},
		{name: "add without name", in: "chkconfig --add", wantErr: chkUsage, status: 1},
		{name: "add empty name", in: "chkconfig --add ''", wantErr: chkUsage, status: 1},
		{name: "add two names", in: "chkconfig --add sshd httpd", wantErr: chkUsage, status: 1},
		{name: "del without name", in: "chkconfig --del", wantErr: chkUsage, status: 1},
		{name: "add with missing rc3.d", setup: func(k *kernel.Kernel) {
			chkRunQuiet(t, k, "chkconfig --del named")
			k.FS.RemoveAll("/etc/rc.d/rc3.d")
		}, in: "chkconfig --add named", wantErr: "failed to glob pattern /etc/rc.d/rc3.d/[SK][0-9][0-9]named: No such file or directory\n", status: 1,
			rc: "named", rcWant: "0:K87named 1:K87named 2:K87named"},

		// on / off / reset / resetpriorities (§8.5, §8.6)
		{name: "httpd on: 2345", in: "chkconfig httpd on", then: "chkconfig --list httpd",
			thenWant: "httpd          \t0:off\t1:off\t2:on\t3:on\t4:on\t5:on\t6:off\n",
			rc:       "httpd", rcWant: "0:K15httpd 1:K15httpd 2:S85httpd 3:S85httpd 4:S85httpd 5:S85httpd 6:K15httpd"},
		{name: "httpd on with --level 35", in: "chkconfig --level 35 httpd on",
			rc: "httpd", rcWant: "0:K15httpd 1:K15httpd 2:K15httpd 3:S85httpd 4:K15httpd 5:S85httpd 6:K15httpd"},
		{name: "--level after the name, --levels spelling", in: "chkconfig httpd on --levels=3",
			rc: "httpd", rcWant: "0:K15httpd 1:K15httpd 2:K15httpd 3:S85httpd 4:K15httpd 5:K15httpd 6:K15httpd"},
		{name: "sshd off", in: "chkconfig sshd off", rc: "sshd", rcWant: "0:K25sshd 1:K25sshd 2:K25sshd 3:K25sshd 4:K25sshd 5:K25sshd 6:K25sshd"},
		{name: "extra words after the state are ignored", in: "chkconfig sshd off please", rc: "sshd", rcWant: "0:K25sshd 1:K25sshd 2:K25sshd 3:K25sshd 4:K25sshd 5:K25sshd 6:K25sshd"},
		{name: "on removes every old link of the level", setup: func(k *kernel.Kernel) {
			k.FS.Symlink("../init.d/sshd", "/etc/rc.d/rc3.d/K01sshd")
			k.FS.Symlink("../init.d/sshd", "/etc/rc.d/rc3.d/S99sshd")
		}, in: "chkconfig --level 3 sshd on", rc: "sshd", rcWant: "0:K25sshd 1:K25sshd 2:S55sshd 3:S55sshd 4:S55sshd 5:S55sshd 6:K25sshd"},
		{name: "on a never-added service links 2345 only", setup: func(k *kernel.Kernel) { chkRunQuiet(t, k, "chkconfig --del named") },
			in: "chkconfig named on", rc: "named", rcWant: "2:S13named 3:S13named 4:S13named 5:S13named"},
		{name: "reset", setup: func(k *kernel.Kernel) { chkRunQuiet(t, k, "chkconfig --level 0123456 crond on") },
			in: "chkconfig crond reset", rc: "crond", rcWant: "0:K60crond 1:K60crond 2:S90crond 3:S90crond 4:S90crond 5:S90crond 6:K60crond"},
		{name: "reset with --level", setup: func(k *kernel.Kernel) { chkRunQuiet(t, k, "chkconfig --level 0123456 crond on") },
			in: "chkconfig --level 1 crond reset", rc: "crond", rcWant: "0:S90crond 1:K60crond 2:S90crond 3:S90crond 4:S90crond 5:S90crond 6:S90crond"},
		{name: "resetpriorities keeps states, 2-5 only", setup: func(k *kernel.Kernel) {
			for _, l := range "0123456" {
				for _, n := range []string{"K25sshd", "S55sshd"} {
					k.FS.Remove("/etc/rc.d/rc" + string(l) + ".d/" + n)
				}
			}
			for l, n := range []string{"K01sshd", "K01sshd", "S10sshd", "K70sshd", "S10sshd", "S10sshd", "S99sshd"} {
				k.FS.Symlink("../init.d/sshd", "/etc/rc.d/rc"+string(rune('0'+l))+".d/"+n)
			}
		}, in: "chkconfig sshd resetpriorities", rc: "sshd", rcWant: "0:K01sshd 1:K01sshd 2:S55sshd 3:K25sshd 4:S55sshd 5:S55sshd 6:S99sshd"},
		{name: "on unknown", in: "chkconfig nope on", wantErr: "error reading information on service nope: No such file or directory\n", status: 1},
		{name: "on without description", in: "chkconfig nodesc on", wantErr: "service nodesc does not support chkconfig\n", status: 1},
		{name: "reset LSB-only", in: "chkconfig webapp reset", wantErr: "service webapp does not support chkconfig\n", status: 1},
		{name: "bad state", in: "chkconfig sshd enable", wantErr: chkUsage, status: 1},
		{name: "state in capitals", in: "chkconfig sshd ON", wantErr: chkUsage, status: 1},
		{name: "bad state of an unknown service", in: "chkconfig nope bogus", wantErr: chkUsage, status: 1},
		{name: "level 7", in: "chkconfig --level 7 sshd on", wantErr: chkUsage, status: 1},
		{name: "level with separators", in: "chkconfig --level 3,5 sshd on", wantErr: chkUsage, status: 1},
		{name: "empty level", in: "chkconfig --level= sshd on", wantErr: chkUsage, status: 1},
		{name: "missing rc4.d", setup: func(k *kernel.Kernel) { k.FS.RemoveAll("/etc/rc.d/rc4.d") }, in: "chkconfig httpd on",
			wantErr: "failed to glob pattern /etc/rc.d/rc4.d/[SK][0-9][0-9]httpd: No such file or directory\n" +
				"failed to make symlink /etc/rc.d/rc4.d/S85httpd: No such file or directory\n", status: 1,
			rc: "httpd", rcWant: "0:K15httpd 1:K15httpd 2:S85httpd 3:S85httpd 5:S85httpd 6:K15httpd"},

		// xinetd services (§8.7)
		{name: "telnet on", in: "chkconfig telnet on", then: "chkconfig --list telnet", thenWant: "telnet         \ton\n"},
		{name: "telnet on ignores --level", in: "chkconfig --level 5 telnet on", then: "chkconfig --list", thenWant: chkListSysV + chkListXinetdLine +
			strings.Replace(chkListXinetd, "telnet:        \toff", "telnet:        \ton", 1)},
		{name: "chargen-stream off", in: "chkconfig chargen-stream off", then: "chkconfig --list chargen-stream", thenWant: "chargen-stream \toff\n"},
		{name: "xinetd service edited while xinetd is stopped", setup: func(k *kernel.Kernel) { chkRunQuiet(t, k, "chkconfig xinetd off") },
			in: "chkconfig rsync on", then: "chkconfig --list rsync", thenWant: "rsync          \ton\n"},
		{name: "xinetd off hides the section", in: "chkconfig xinetd off", then: "chkconfig --list", thenWant: chkListSysV +
			"xinetd         \t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off\n"},

		// queries
		{name: "query: no runlevel record", in: "chkconfig sshd", wantErr: "cannot determine current run level\n", status: 1},
		{name: "query: on in the current level", setup: runlevel3, in: "chkconfig sshd"},
		{name: "query: off in the current level", setup: runlevel3, in: "chkconfig httpd", status: 1},
		{name: "query: --level 1", setup: runlevel3, in: "chkconfig --level 1 sshd", status: 1},
		{name: "query: --level 5 without runlevel", in: "chkconfig --level 5 sshd"},
		{name: "query: repeated level is one level", in: "chkconfig --level 55 sshd"},
		{name: "query: two levels", in: "chkconfig --level 35 sshd", wantErr: "only one runlevel may be specified for a chkconfig query\n", status: 1},
		{name: "query: two levels of an unknown service", in: "chkconfig --level 35 nope", wantErr: "only one runlevel may be specified for a chkconfig query\n", status: 1},
		{name: "query: unknown service is silent", setup: runlevel3, in: "chkconfig nope", status: 1},
		{name: "query: unknown service without runlevel", in: "chkconfig nope", status: 1},
		{name: "query: unsupported is silent", setup: runlevel3, in: "chkconfig nodesc", status: 1},
		{name: "query: single-user runlevel", setup: func(k *kernel.Kernel) { k.SetRunlevel('1', 'S') }, in: "chkconfig sshd",
			wantErr: "cannot determine current run level\n", status: 1},
		{name: "query: xinetd service enabled, xinetd on", setup: runlevel3, in: "chkconfig chargen-stream"},
		{name: "query: xinetd service disabled", setup: runlevel3, in: "chkconfig telnet", status: 1},
		{name: "query: xinetd service enabled, xinetd off in level", in: "chkconfig --level 2 chargen-stream", status: 1},
		{name: "query: xinetd service without runlevel", in: "chkconfig chargen-stream", wantErr: "cannot determine current run level\n", status: 1},
		{name: "query: hand-made link is invisible", setup: func(k *kernel.Kernel) {
			chkRunQuiet(t, k, "chkconfig --del httpd")
			k.FS.Symlink("../init.d/httpd", "/etc/rc.d/rc3.d/S5httpd")
		}, in: "chkconfig --level 3 httpd", status: 1},

		// command line (§8.4, §8.9, §15)
		{name: "bare", in: "chkconfig", wantErr: chkUsage, status: 1},
		{name: "--help", in: "chkconfig --help", wantErr: chkUsage, status: 1},
		{name: "-h", in: "chkconfig -h", wantErr: chkUsage, status: 1},
		{name: "--version", in: "chkconfig --version", want: "chkconfig version 1.3.30.2\n"},
		{name: "-v", in: "chkconfig -v", want: "chkconfig version 1.3.30.2\n"},
		{name: "version wins over help", in: "chkconfig --help --version", want: "chkconfig version 1.3.30.2\n"},
		{name: "--type does not exist on EL5", in: "chkconfig --type sysv sshd on", wantErr: "--type: unknown option\n", status: 1},
		{name: "--type= spelled with =", in: "chkconfig --type=xinetd --list", wantErr: "--type=xinetd: unknown option\n", status: 1},
		{name: "--override does not exist on EL5", in: "chkconfig --override sshd", wantErr: "--override: unknown option\n", status: 1},
		{name: "unknown option after a good one", in: "chkconfig --list --foo", wantErr: "--foo: unknown option\n", status: 1},
		{name: "no abbreviations", in: "chkconfig --lis", wantErr: "--lis: unknown option\n", status: 1},
		{name: "single-dash long option", in: "chkconfig -list", wantErr: "-list: unknown option\n", status: 1},
		{name: "--level without argument", in: "chkconfig sshd --level", wantErr: "--level: missing argument\n", status: 1},
		{name: "two of list/add/del", in: "chkconfig --list --add sshd", wantErr: "only one of --list, --add, or --del may be specified\n", status: 1},
		{name: "add and del", in: "chkconfig --del --add sshd", wantErr: "only one of --list, --add, or --del may be specified\n", status: 1},
		{name: "-- ends options", in: "chkconfig -- --list", status: 1},
		{name: "--level alone", in: "chkconfig --level 3", wantErr: chkUsage, status: 1},
	}
	for _, tt := range tests {
		k := testKernel(t, chkFiles())
		if tt.setup != nil {
			tt.setup(k)
		}
		out, errOut, status := runCmd(t, k, tt.in, "")
		if out != tt.want || errOut != tt.wantErr || status != tt.status {
			t.Errorf("%s: %s = %q, %q, %d; want %q, %q, %d", tt.name, tt.in, out, errOut, status, tt.want, tt.wantErr, tt.status)
			continue
		}
		if tt.then != "" {
			if got, _, _ := runCmd(t, k, tt.then, ""); got != tt.thenWant {
				t.Errorf("%s: after %s, %s = %q; want %q", tt.name, tt.in, tt.then, got, tt.thenWant)
			}
		}
		if tt.rc != "" {
			if got := chkRcOf(t, k, tt.rc); got != tt.rcWant {
				t.Errorf("%s: after %s, links of %s = %q; want %q", tt.name, tt.in, tt.rc, got, tt.rcWant)
			}
		}
	}
}

// The xinetd rewrite (§8.7), byte for byte, and the reload that follows.
func TestChkconfigXinetdRewrite(t *testing.T) {
	t.Parallel()
	k := testKernel(t, chkFiles())
	out, errOut, status, runs := chkRunRecorded(t, k, "chkconfig --level 3 telnet on")
	if out != "" || errOut != "" || status != 0 {
		t.Fatalf("chkconfig telnet on = %q, %q, %d", out, errOut, status)
	}
	want := "# default: on\n# description: The telnet server offers remote logins; user names and \\\n" +
		"#\tpasswords cross the network unencrypted (ssh is the safe choice).\nservice telnet\n{\n\tdisable\t= no\n" +
		"\tflags\t\t= REUSE\n\tsocket_type\t= stream        \n\twait\t\t= no\n\tuser\t\t= root\n" +
		"\tserver\t\t= /usr/sbin/in.telnetd\n\tlog_on_failure\t+= USERID\n}\n"
	if got := chkReadFile(t, k, "/etc/xinetd.d/telnet"); got != want {
		t.Errorf("telnet after on = %q; want %q", got, want)
	}
	fi, err := k.FS.Lstat("/etc/xinetd.d/telnet")
	if err != nil || fi.Mode() != 0o644 {
		t.Errorf("telnet mode = %v, %v; want -rw-r--r--", fi.Mode(), err)
	}
	f, _ := k.FS.Open("/etc/xinetd.d")
	names, _ := f.Readdirnames(-1)
	f.Close()
	sort.Strings(names)
	if strings.Join(names, " ") != "chargen-stream echo-dgram rsync telnet" {
		t.Errorf("xinetd.d after the rewrite holds %q", names)
	}
	if len(runs) != 1 || strings.Join(runs[0], " ") != "/etc/init.d/xinetd reload" {
		t.Errorf("programs run = %q; want [/etc/init.d/xinetd reload]", runs)
	}

	_, _, status, _ = chkRunRecorded(t, k, "chkconfig telnet off")
	if got := chkReadFile(t, k, "/etc/xinetd.d/telnet"); status != 0 || got != strings.Replace(want, "= no\n", "= yes\n", 1) {
		t.Errorf("telnet after off = %q, status %d", got, status)
	}
	// rsync has a blank-free file with disable first: only the value moves.
	chkRunRecorded(t, k, "chkconfig rsync on")
	if got := chkReadFile(t, k, "/etc/xinetd.d/rsync"); got != strings.Replace(chkXinetd["rsync"], "\tdisable\t= yes", "\tdisable\t= no", 1) {
		t.Errorf("rsync after on = %q", got)
	}
	// Neither a SysV change nor a failed lookup reloads xinetd.
	for _, line := range []string{"chkconfig sshd off", "chkconfig nope on", "chkconfig --add telnet"} {
		if _, _, _, runs := chkRunRecorded(t, k, line); len(runs) != 0 {
			t.Errorf("%s ran %q", line, runs)
		}
	}
	// The reload's failure is hidden.
	_, errOut, status, _ = chkRunRecorded(t, k, "chkconfig echo-dgram reset")
	if errOut != "" || status != 0 {
		t.Errorf("chkconfig echo-dgram reset = %q, %d", errOut, status)
	}
}

func chkWriteFile(k *kernel.Kernel, name, content string) {
	f, err := k.FS.OpenFile(name, 0x241, 0o755)
	if err != nil {
		panic(err)
	}
	io.WriteString(f, content)
	f.Close()
}

func chkReadFile(t *testing.T, k *kernel.Kernel, name string) string {
	t.Helper()
	f, err := k.FS.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// chkRunQuiet runs a setup command that must succeed silently.
func chkRunQuiet(t *testing.T, k *kernel.Kernel, line string) {
	t.Helper()
	if out, errOut, status := runCmd(t, k, line, ""); out != "" || errOut != "" || status != 0 {
		t.Fatalf("setup %s = %q, %q, %d", line, out, errOut, status)
	}
}

// chkRunRecorded runs a chkconfig command line with a Proc whose Run
// records the programs started (and fails them, as a missing xinetd would).
func chkRunRecorded(t *testing.T, k *kernel.Kernel, line string) (stdout, stderr string, status int, runs [][]string) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, ok := Lookup(argv[0])
	if !ok {
		t.Fatalf("%s not registered", argv[0])
	}
	var out, errb bytes.Buffer
	p := &Proc{
		Ctx: context.Background(), Args: argv, Dir: "/root",
		Environ: []string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "LANG=en_US.UTF-8"},
		Stdin:   strings.NewReader(""), Stdout: &out, Stderr: &errb, Sys: k, Umask: fs.FileMode(0o022),
	}
	p.Run = func(a []string, in io.Reader, o, e io.Writer) int {
		runs = append(runs, a)
		if o != io.Discard || e != io.Discard {
			t.Errorf("%s: %q run with output not discarded", line, a)
		}
		io.WriteString(e, "xinetd: unrecognized service\n")
		return 1
	}
	status = c.Main(p)
	return out.String(), errb.String(), status, runs
}

// chkImageKernel boots nothing: it loads the centos5 image into a vfs.
func chkImageKernel(b *testing.B) *kernel.Kernel {
	b.Helper()
	fsys := vfs.New()
	if err := image.Load("centos5", fsys); err != nil {
		b.Fatal(err)
	}
	return kernel.New(fsys, kernel.Info{Hostname: "lab1"}, kernel.Epoch, 1)
}

func chkBenchProc(k *kernel.Kernel, args ...string) *Proc {
	return &Proc{Ctx: context.Background(), Args: args, Dir: "/root", Stdin: strings.NewReader(""),
		Stdout: io.Discard, Stderr: io.Discard, Sys: k, Umask: 0o022}
}

// BenchmarkListFullImage is "chkconfig --list" on the whole centos5 image.
func BenchmarkListFullImage(b *testing.B) {
	k := chkImageKernel(b)
	c, _ := Lookup("chkconfig")
	var out bytes.Buffer
	p := chkBenchProc(k, "chkconfig", "--list")
	p.Stdout = &out
	if c.Main(p) != 0 || !strings.Contains(out.String(), "xinetd based services:") {
		b.Fatalf("chkconfig --list = %q", out.String())
	}
	p.Stdout = io.Discard
	b.ReportAllocs()
	for b.Loop() {
		if c.Main(p) != 0 {
			b.Fatal("chkconfig --list failed")
		}
	}
}

// BenchmarkOnHttpd is "chkconfig httpd on", alternating with off so that
// every iteration rewrites four levels.
func BenchmarkOnHttpd(b *testing.B) {
	k := chkImageKernel(b)
	c, _ := Lookup("chkconfig")
	on, off := chkBenchProc(k, "chkconfig", "httpd", "on"), chkBenchProc(k, "chkconfig", "httpd", "off")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := on
		if i%2 == 1 {
			p = off
		}
		i++
		if c.Main(p) != 0 {
			b.Fatal("chkconfig httpd on/off failed")
		}
	}
}
