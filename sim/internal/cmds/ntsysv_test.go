package cmds

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"rclab/sim/internal/kernel"
)

// ntsysvKernel is chkconfig's test machine in runlevel 3, with xinetd
// installed (ntsysv lists xinetd.d only then).
func ntsysvKernel(t *testing.T) *kernel.Kernel {
	t.Helper()
	files := chkFiles()
	files["/usr/sbin/xinetd"] = "xinetd"
	k := testKernel(t, files)
	k.SetRunlevel('N', '3')
	return k
}

// ntsysvEntries are what ntsysv lists on ntsysvKernel, with each
// entry's state for levels (descriptions left out).
func ntsysvEntries(levels string) []kernel.NtsysvEntry {
	on := map[string]string{"crond": "2345", "cups": "2345", "sshd": "2345", "xinetd": "345"}
	var out []kernel.NtsysvEntry
	for _, n := range []string{"chargen-stream", "crond", "cups", "echo-dgram", "httpd", "named", "rsync", "sshd", "telnet", "xinetd"} {
		e := kernel.NtsysvEntry{Name: n}
		if _, ok := chkXinetd[n]; ok {
			e.Xinetd, e.On = true, n == "chargen-stream"
		} else {
			e.On = strings.ContainsAny(on[n], levels) && levels != ""
		}
		out = append(out, e)
	}
	return out
}

func TestNtsysv(t *testing.T) {
	t.Parallel()
	entries := func(levels string) []kernel.NtsysvEntry { return ntsysvEntries(levels) }
	tests := []struct {
		name   string
		setup  func(*kernel.Kernel)
		in     string
		o      screenRun
		stderr string
		status int
		levels string
		back   bool
		want   []kernel.NtsysvEntry // nil: no screen
	}{
		{name: "the current runlevel", in: "ntsysv", o: screenRun{screens: true}, levels: "3", want: entries("3")},
		{name: "--level 016: on in none", in: "ntsysv --level 016", o: screenRun{screens: true}, levels: "016", want: entries("016")},
		{name: "--level=53 --back", in: "ntsysv --level=53 --back", o: screenRun{screens: true}, levels: "35", back: true, want: entries("35")},
		{name: "words left over are ignored", in: "ntsysv httpd", o: screenRun{screens: true}, levels: "3", want: entries("3")},
		{name: "runlevel S edits no level", setup: func(k *kernel.Kernel) { k.SetRunlevel('3', 'S') },
			in: "ntsysv", o: screenRun{screens: true}, levels: "", want: entries("")},
		{name: "without /usr/sbin/xinetd, no xinetd services", setup: func(k *kernel.Kernel) { k.FS.Remove("/usr/sbin/xinetd") },
			in: "ntsysv", o: screenRun{screens: true}, levels: "3", want: func() []kernel.NtsysvEntry {
				var out []kernel.NtsysvEntry
				for _, e := range entries("3") {
					if !e.Xinetd {
						out = append(out, e)
					}
				}
				return out
			}()},
		{name: "names with a dot are skipped, dangling links reported", setup: func(k *kernel.Kernel) {
			chkWriteFile(k, "/etc/rc.d/init.d/crond.rpmsave", chkScripts["crond"])
			k.FS.Symlink("../init.d/crond.rpmsave", "/etc/rc.d/rc3.d/S90crond.rpmsave")
			k.FS.Symlink("/nowhere", "/etc/rc.d/init.d/ghost")
		}, in: "ntsysv", o: screenRun{screens: true}, stderr: "error reading info for service ghost: No such file or directory\n",
			levels: "3", want: entries("3")},
		{name: "unknown option", in: "ntsysv --foo", o: screenRun{screens: true}, stderr: "--foo: unknown option\n", status: 1},
		{name: "short option", in: "ntsysv -l 3", o: screenRun{screens: true}, stderr: "-l: unknown option\n", status: 1},
		{name: "--level without its argument", in: "ntsysv --level", o: screenRun{screens: true}, stderr: "--level: missing argument\n", status: 1},
		{name: "bad levels", in: "ntsysv --level 7", o: screenRun{screens: true}, stderr: "bad argument to --levels\n", status: 2},
		{name: "empty levels", in: "ntsysv --level=", o: screenRun{screens: true}, stderr: "bad argument to --levels\n", status: 2},
		{name: "root only, before the options", in: "/usr/sbin/ntsysv --foo", o: screenRun{screens: true, uid: 500},
			stderr: "You must be root to run /usr/sbin/ntsysv.\n", status: 1},
		{name: "nothing to manage", setup: func(k *kernel.Kernel) {
			k.FS.RemoveAll("/etc/rc.d/init.d")
			k.FS.Mkdir("/etc/rc.d/init.d", 0o755)
			k.FS.Remove("/usr/sbin/xinetd")
		}, in: "ntsysv", o: screenRun{screens: true}, stderr: "No services may be managed by ntsysv!\n", status: 2},
		{name: "no init.d", setup: func(k *kernel.Kernel) { k.FS.RemoveAll("/etc/rc.d/init.d") },
			in: "ntsysv", o: screenRun{screens: true}, stderr: "failed to open /etc/rc.d/init.d: No such file or directory\n", status: 1},
		{name: "without a screen", in: "ntsysv --level 35",
			stderr: "rclab: ntsysv needs the full-screen console of the rclab app; nothing was changed.\n" +
				"Use chkconfig --level LEVELS NAME on|off to do the same here.\n", status: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := ntsysvKernel(t)
			if tt.setup != nil {
				tt.setup(k)
			}
			before := chkRcOf(t, k, "d")
			out, errOut, st, scr := runAtScreen(t, k, tt.in, tt.o)
			if out != "" || errOut != tt.stderr || st != tt.status {
				t.Errorf("%s = %q, %q, %d; want %q, %q, %d", tt.in, out, errOut, st, "", tt.stderr, tt.status)
			}
			if tt.want == nil {
				if scr != nil {
					t.Errorf("%s opened a screen: %+v", tt.in, scr)
				}
				return
			}
			if scr == nil {
				t.Fatalf("%s opened no screen", tt.in)
			}
			if scr.Program != "ntsysv" || scr.Title != "ntsysv 1.3.30.2 - (C) 2000-2001 Red Hat, Inc. " || scr.Levels != tt.levels || scr.Back != tt.back {
				t.Errorf("%s opened %q %q levels %q back %v; want ntsysv, its title, %q, %v", tt.in, scr.Program, scr.Title, scr.Levels, scr.Back, tt.levels, tt.back)
			}
			if diff := cmp.Diff(tt.want, scr.Entries, cmpopts.IgnoreFields(kernel.NtsysvEntry{}, "Desc")); diff != "" {
				t.Errorf("%s entries differ (-want +got):\n%s", tt.in, diff)
			}
			if after := chkRcOf(t, k, "d"); after != before {
				t.Errorf("%s changed links: %s; want %s", tt.in, after, before)
			}
		})
	}
}

func TestNtsysvDescriptions(t *testing.T) {
	t.Parallel()
	k := ntsysvKernel(t)
	_, _, _, scr := runAtScreen(t, k, "ntsysv", screenRun{screens: true})
	want := map[string]string{
		"sshd":   "sshd accepts encrypted remote logins and file transfers (ssh, scp, sftp) from the network.",
		"telnet": "The telnet server offers remote logins; user names and passwords cross the network unencrypted (ssh is the safe choice).",
	}
	for _, e := range scr.Entries {
		if w, ok := want[e.Name]; ok && e.Desc != w {
			t.Errorf("%s's description = %q; want %q", e.Name, e.Desc, w)
		}
	}
}

func TestNtsysvCommit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		setup   func(*kernel.Kernel)
		levels  string
		on      []string
		wantErr bool
		rc      map[string]string // service → its links afterwards
		xinetd  map[string]string // file → its contents afterwards ("" unchanged)
	}{
		{name: "Ok untouched resets hand-made priorities in the edited levels only", setup: func(k *kernel.Kernel) {
			for _, l := range "35" {
				d := "/etc/rc.d/rc" + string(l) + ".d/"
				k.FS.Remove(d + "S55sshd")
				k.FS.Symlink("../init.d/sshd", d+"S20sshd")
			}
		}, levels: "3", on: []string{"chargen-stream", "crond", "cups", "sshd", "xinetd"},
			rc: map[string]string{"sshd": "0:K25sshd 1:K25sshd 2:S55sshd 3:S55sshd 4:S55sshd 5:S20sshd 6:K25sshd"}},
		{name: "unchecked gets K with the stop priority, checked S with the start", levels: "35", on: []string{"chargen-stream", "crond", "httpd", "sshd", "xinetd"},
			rc: map[string]string{
				"cups":  "0:K10cups 1:K10cups 2:S56cups 3:K10cups 4:S56cups 5:K10cups 6:K10cups",
				"httpd": "0:K15httpd 1:K15httpd 2:K15httpd 3:S85httpd 4:K15httpd 5:S85httpd 6:K15httpd",
			}},
		{name: "xinetd files are rewritten only when their state changes", levels: "3", on: []string{"crond", "cups", "sshd", "xinetd", "rsync"},
			xinetd: map[string]string{
				"telnet": chkXinetd["telnet"],
				"rsync": "# default: off\n# description: The rsync server copies files efficiently: only the parts \\\n#\tthat differ are sent. It serves the modules of /etc/rsyncd.conf.\n" +
					"service rsync\n{\n\tdisable\t= no\n\tflags\t\t= IPv6\n\tsocket_type     = stream\n\twait            = no\n\tuser            = root\n" +
					"\tserver          = /usr/bin/rsync\n\tserver_args     = --daemon\n\tlog_on_failure  += USERID\n}\n",
				"chargen-stream": "# default: off\n# description: xinetd's built-in character generator: it sends lines of printable \\\n# ASCII characters until the client disconnects. TCP version.\n" +
					"service chargen\n{\n\tdisable\t= yes\n\ttype\t\t= INTERNAL\n\tid\t\t= chargen-stream\n\tsocket_type\t= stream\n\tprotocol\t= tcp\n\tuser\t\t= root\n\twait\t\t= no\n}\n",
			}},
		{name: "no levels: SysV untouched, xinetd applied", levels: "", on: []string{"telnet", "chargen-stream"},
			rc: map[string]string{"crond": "0:K60crond 1:K60crond 2:S90crond 3:S90crond 4:S90crond 5:S90crond 6:K60crond"},
			xinetd: map[string]string{"telnet": "# default: on\n# description: The telnet server offers remote logins; user names and \\\n" +
				"#\tpasswords cross the network unencrypted (ssh is the safe choice).\nservice telnet\n{\n\tdisable\t= no\n\tflags\t\t= REUSE\n" +
				"\tsocket_type\t= stream        \n\twait\t\t= no\n\tuser\t\t= root\n\tserver\t\t= /usr/sbin/in.telnetd\n\tlog_on_failure\t+= USERID\n}\n"}},
		{name: "bad levels change nothing", levels: "37", on: []string{"httpd"}, wantErr: true,
			rc: map[string]string{"httpd": "0:K15httpd 1:K15httpd 2:K15httpd 3:K15httpd 4:K15httpd 5:K15httpd 6:K15httpd"}},
		{name: "a name ntsysv does not list changes nothing", levels: "3", on: []string{"httpd", "nodesc"}, wantErr: true,
			rc: map[string]string{"httpd": "0:K15httpd 1:K15httpd 2:K15httpd 3:K15httpd 4:K15httpd 5:K15httpd 6:K15httpd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := ntsysvKernel(t)
			if tt.setup != nil {
				tt.setup(k)
			}
			err := NtsysvCommit(k, tt.levels, tt.on, false)
			if tt.wantErr != errors.Is(err, ErrNtsysvAction) {
				t.Errorf("NtsysvCommit(%q, %v) = %v; want a refusal: %v", tt.levels, tt.on, err, tt.wantErr)
			}
			if !tt.wantErr && err != nil {
				t.Errorf("NtsysvCommit(%q, %v) = %v", tt.levels, tt.on, err)
			}
			for name, want := range tt.rc {
				if got := chkRcOf(t, k, name); got != want {
					t.Errorf("after NtsysvCommit(%q, %v), %s's links = %s; want %s", tt.levels, tt.on, name, got, want)
				}
			}
			for name, want := range tt.xinetd {
				if got := chkReadFile(t, k, "/etc/xinetd.d/"+name); got != want {
					t.Errorf("after NtsysvCommit(%q, %v), xinetd.d/%s = %q; want %q", tt.levels, tt.on, name, got, want)
				}
			}
		})
	}
}

func FuzzNtsysvParse(f *testing.F) {
	for _, s := range []string{"--level 35", "--level=5 --back", "--hide x", "--level", "-l", "--", "--back -- --foo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		o, bad, msg := ntsysvParse(args)
		if (bad == "") != (msg == "") {
			t.Fatalf("ntsysvParse(%q) = bad %q, msg %q; want both or neither", args, bad, msg)
		}
		if o.levels != "" && !o.hasLevels {
			t.Fatalf("ntsysvParse(%q) has levels %q without --level", args, o.levels)
		}
		if bad != "" && !strings.HasPrefix(bad, "-") {
			t.Fatalf("ntsysvParse(%q) blames %q, which is not an option", args, bad)
		}
	})
}
