package image

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"mvdan.cc/sh/v3/syntax"

	"rclab/vfs"
)

func loadCentos5(t *testing.T) *vfs.FS {
	t.Helper()
	fsys := vfs.New()
	if err := Load("centos5", fsys); err != nil {
		t.Fatalf("Load: %v", err)
	}
	return fsys
}

func readFile(t *testing.T, fsys afero.Fs, name string) string {
	t.Helper()
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(data)
}

func TestNamesAndProfile(t *testing.T) {
	t.Parallel()
	if got := Names(); len(got) != 1 || got[0] != "centos5" {
		t.Fatalf("Names() = %v", got)
	}
	p, err := Profile("centos5")
	if err != nil {
		t.Fatal(err)
	}
	want := Info{
		Name: "centos5", Hostname: "lab1", Release: "CentOS release 5.11 (Final)",
		Kernel: "2.6.18-398.el5", Arch: "i686", InitVersion: "2.86",
		ChkconfigVersion: "1.3.30.2", BashVersion: "3.2.25(1)-release",
	}
	if p != want {
		t.Fatalf("Profile = %+v, want %+v", p, want)
	}
	for _, err := range []error{
		func() error { _, err := Profile("centos9"); return err }(),
		Load("centos9", vfs.New()),
		func() error { _, err := Manifest("centos9"); return err }(),
		func() error { _, err := Programs("centos9"); return err }(),
	} {
		if err == nil || !strings.Contains(err.Error(), `"centos9"`) {
			t.Errorf("unknown image: error %v does not name it", err)
		}
	}
}

func TestReleaseFiles(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	p, _ := Profile("centos5")
	if got := readFile(t, fsys, "/etc/redhat-release"); got != p.Release+"\n" {
		t.Errorf("redhat-release = %q", got)
	}
	if got := readFile(t, fsys, "/etc/issue"); got != p.Release+"\nKernel \\r on an \\m\n\n" {
		t.Errorf("issue = %q", got)
	}
	if _, err := fsys.Lstat("/etc/hostname"); err == nil {
		t.Error("/etc/hostname exists; CentOS 5 has none")
	}
	if !strings.Contains(readFile(t, fsys, "/etc/sysconfig/network"), "HOSTNAME="+p.Hostname+"\n") {
		t.Error("/etc/sysconfig/network lacks the host name")
	}
	if !strings.Contains(readFile(t, fsys, "/etc/inittab"), "\nid:5:initdefault:\n") {
		t.Error("inittab: initdefault is not 5")
	}
	xc := readFile(t, fsys, "/etc/xinetd.conf")
	if !strings.Contains(xc, "\tlog_type\t= SYSLOG daemon info \n") {
		t.Error("xinetd.conf: log_type line lost its trailing space")
	}
	for _, dir := range []string{"/usr/bin", "/usr/sbin", "/bin", "/sbin"} {
		entries, err := afero.ReadDir(fsys, dir)
		if err != nil || len(entries) != 0 {
			t.Errorf("%s: %d entries, err %v; the image must leave program directories empty", dir, len(entries), err)
		}
	}
	shadow := readFile(t, fsys, "/etc/shadow")
	if !strings.HasPrefix(shadow, "root:$1$") {
		t.Errorf("root has no MD5-crypt password: %q", strings.SplitN(shadow, "\n", 2)[0])
	}
	// Every account of passwd has a shadow line, every group a gshadow line.
	for _, pair := range [][2]string{{"/etc/passwd", "/etc/shadow"}, {"/etc/group", "/etc/gshadow"}} {
		var a, b []string
		for _, l := range strings.Split(strings.TrimSpace(readFile(t, fsys, pair[0])), "\n") {
			a = append(a, strings.SplitN(l, ":", 2)[0])
		}
		for _, l := range strings.Split(strings.TrimSpace(readFile(t, fsys, pair[1])), "\n") {
			b = append(b, strings.SplitN(l, ":", 2)[0])
		}
		if strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("%s and %s list different names", pair[0], pair[1])
		}
	}
}

// TestModesAndOwners spot-checks entries the MANIFEST gives special
// metadata.
func TestModesAndOwners(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	cases := []struct {
		path     string
		mode     fs.FileMode
		uid, gid int
	}{
		{"/etc/shadow", 0o400, 0, 0},
		{"/tmp", fs.ModeDir | fs.ModeSticky | 0o777, 0, 0},
		{"/root", fs.ModeDir | 0o750, 0, 0},
		{"/home/student", fs.ModeDir | 0o700, 500, 500},
		{"/home/student/.bashrc", 0o644, 500, 500},
		{"/etc/rc.d/init.d/sshd", 0o755, 0, 0},
		{"/etc/rc.d/init.d/functions", 0o644, 0, 0},
		{"/etc/rc.d/rc.local", 0o755, 0, 0},
		{"/etc/X11/prefdm", 0o755, 0, 0},
		{"/var/log/messages", 0o600, 0, 0},
		{"/var/run/utmp", 0o664, 0, 22},
		{"/var/lock/subsys", fs.ModeDir | 0o755, 0, 0},
		{"/var/empty/sshd", fs.ModeDir | 0o711, 0, 0},
		{"/dev/null", fs.ModeDevice | fs.ModeCharDevice | 0o666, 0, 0},
		{"/dev/console", fs.ModeDevice | fs.ModeCharDevice | 0o600, 0, 0},
		{"/dev/tty1", fs.ModeDevice | fs.ModeCharDevice | 0o620, 0, 5},
		{"/dev/sda", fs.ModeDevice | 0o640, 0, 6},
		{"/proc", fs.ModeDir | 0o555, 0, 0},
		{"/etc/named.conf", 0o640, 0, 25},
	}
	for _, c := range cases {
		fi, err := fsys.Lstat(c.path)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		st := fi.Sys().(*vfs.Stat)
		if fi.Mode() != c.mode || st.Uid != c.uid || st.Gid != c.gid {
			t.Errorf("%s: %v %d:%d, want %v %d:%d", c.path, fi.Mode(), st.Uid, st.Gid, c.mode, c.uid, c.gid)
		}
		if !fi.ModTime().Equal(Mtime) {
			t.Errorf("%s: mtime %v, want %v", c.path, fi.ModTime(), Mtime)
		}
	}
	links := map[string]string{
		"/etc/init.d":         "rc.d/init.d",
		"/etc/rc3.d":          "rc.d/rc3.d",
		"/etc/rc":             "rc.d/rc",
		"/etc/rc.sysinit":     "rc.d/rc.sysinit",
		"/etc/rc.local":       "rc.d/rc.local",
		"/etc/grub.conf":      "../boot/grub/grub.conf",
		"/etc/rc0.d":          "rc.d/rc0.d",
		"/etc/rc6.d":          "rc.d/rc6.d",
		"/boot/grub/menu.lst": "./grub.conf",
	}
	for name, want := range links {
		got, err := fsys.Readlink(name)
		if err != nil || got != want {
			t.Errorf("readlink %s = %q, %v; want %q", name, got, err, want)
		}
	}
}

// shellFiles lists the image files that a shell reads: scripts that are
// run and files that are sourced.
func shellFiles(t *testing.T, fsys afero.Fs) []string {
	t.Helper()
	files := []string{
		"/etc/rc.d/rc", "/etc/rc.d/rc.sysinit", "/etc/rc.d/rc.local",
		"/etc/X11/prefdm", "/etc/profile", "/etc/bashrc",
		"/root/.bashrc", "/root/.bash_profile", "/root/.bash_logout",
		"/home/student/.bashrc", "/home/student/.bash_profile",
		"/etc/skel/.bashrc", "/etc/skel/.bash_profile",
		"/etc/profile.d/colorls.sh", "/etc/profile.d/lang.sh",
	}
	for _, dir := range []string{"/etc/rc.d/init.d", "/etc/sysconfig", "/etc/sysconfig/network-scripts", "/etc/sysconfig/rhn"} {
		entries, err := afero.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			// /etc/sysconfig/iptables holds rules, not shell.
			if e.IsDir() || dir+"/"+e.Name() == "/etc/sysconfig/iptables" {
				continue
			}
			files = append(files, dir+"/"+e.Name())
		}
	}
	return files
}

func TestShellFilesParse(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	files := shellFiles(t, fsys)
	if len(files) < 60 {
		t.Fatalf("only %d shell files found", len(files))
	}
	for _, name := range files {
		src := readFile(t, fsys, name)
		f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		// Constructs the simulator's interpreter cannot run.
		syntax.Walk(f, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.ProcSubst:
				t.Errorf("%s:%v: process substitution", name, n.Pos())
			case *syntax.CallExpr:
				if len(n.Args) >= 2 && n.Args[0].Lit() == "trap" {
					for _, a := range n.Args[2:] {
						if s := a.Lit(); s != "EXIT" && s != "0" && s != "ERR" {
							t.Errorf("%s:%v: trap on %s", name, n.Pos(), s)
						}
					}
				}
			}
			return true
		})
	}
}

// chkconfigHeader parses the "# chkconfig:" line the way chkconfig 1.3.30
// does: levels are digits 0-6 or "-", priorities 0-99 followed by blanks
// or the end of the line.
var chkconfigLine = regexp.MustCompile(`^\s*#\s*chkconfig:\s*([0-6]+|-)\s+([0-9]+)\s+([0-9]+)\s*$`)

type header struct {
	levels      string
	start, stop int
	description bool
}

func parseHeader(src string) (h header, ok bool) {
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(trimmed, "#") {
			continue
		}
		if m := chkconfigLine.FindStringSubmatch(line); m != nil {
			h.levels = m[1]
			h.start, _ = strconv.Atoi(m[2])
			h.stop, _ = strconv.Atoi(m[3])
			ok = h.start <= 99 && h.stop <= 99
		} else if strings.Contains(trimmed, "chkconfig:") {
			return h, false
		}
		if regexp.MustCompile(`^#\s*description:\s*\S`).MatchString(trimmed) {
			h.description = true
		}
	}
	return h, ok
}

// notServices are the init.d files that chkconfig does not manage.
var notServices = map[string]bool{"functions": true, "killall": true, "halt": true, "single": true}

func initScripts(t *testing.T, fsys afero.Fs) map[string]header {
	t.Helper()
	entries, err := afero.ReadDir(fsys, "/etc/rc.d/init.d")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]header{}
	for _, e := range entries {
		src := readFile(t, fsys, "/etc/rc.d/init.d/"+e.Name())
		h, ok := parseHeader(src)
		switch {
		case notServices[e.Name()]:
			if strings.Contains(src, "chkconfig:") {
				t.Errorf("%s has a chkconfig header; the real one has none", e.Name())
			}
		case !ok:
			t.Errorf("%s: no valid # chkconfig: line", e.Name())
		case !h.description:
			t.Errorf("%s: no # description: line (chkconfig 1.3.30 requires one)", e.Name())
		default:
			out[e.Name()] = h
		}
	}
	return out
}

func TestInitScriptHeaders(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	got := initScripts(t, fsys)
	// The services of the baseline image B0 and of the EL5 rc3.d listing.
	want := map[string]string{
		"network": "2345 10 90", "syslog": "2345 12 88", "sshd": "2345 55 25",
		"xinetd": "345 56 50", "crond": "2345 90 60", "sendmail": "2345 80 30",
		"cups": "2345 56 10", "httpd": "- 85 15", "named": "- 13 87", "nfs": "- 60 20",
		"mysqld": "- 64 36", "vsftpd": "- 60 50", "netconsole": "- 50 50",
		"microcode_ctl": "2345 0 99", "lvm2-monitor": "12345 02 99", "iptables": "2345 08 92",
	}
	for name, hdr := range want {
		h, ok := got[name]
		f := strings.Fields(hdr)
		start, _ := strconv.Atoi(f[1])
		stop, _ := strconv.Atoi(f[2])
		if !ok || h.levels != f[0] || h.start != start || h.stop != stop {
			t.Errorf("%s: header %+v, want %s", name, h, hdr)
		}
	}
	// S priorities of the EL5 rc3.d listing.
	el5 := "S00microcode_ctl S02lvm2-monitor S05kudzu S06cpuspeed S08iptables S10network " +
		"S12syslog S13irqbalance S13portmap S14nfslock S15mdmonitor S18rpcidmapd S19rpcgssd " +
		"S22messagebus S25netfs S25pcscd S26acpid S26haldaemon S28autofs S55sshd S56cups " +
		"S56rawdevices S56xinetd S58ntpd S80sendmail S85gpm S90crond S90xfs S95anacron S95atd S97rhnsd"
	for _, l := range strings.Fields(el5) {
		name := l[3:]
		prio, _ := strconv.Atoi(l[1:3])
		if h, ok := got[name]; !ok || h.start != prio {
			t.Errorf("%s: start priority %d, want %d", name, h.start, prio)
		}
	}
}

// TestRcLinks checks every entry of rc0.d ... rc6.d.
func TestRcLinks(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	headers := initScripts(t, fsys)
	wantLinks := map[int]map[string]string{}
	for n := 0; n <= 6; n++ {
		wantLinks[n] = map[string]string{}
		for name, h := range headers {
			if strings.ContainsRune(h.levels, rune('0'+n)) {
				wantLinks[n][fmt.Sprintf("S%02d%s", h.start, name)] = "../init.d/" + name
			} else {
				wantLinks[n][fmt.Sprintf("K%02d%s", h.stop, name)] = "../init.d/" + name
			}
		}
	}
	wantLinks[0]["S00killall"] = "../init.d/killall"
	wantLinks[6]["S00killall"] = "../init.d/killall"
	wantLinks[0]["S01halt"] = "../init.d/halt"
	wantLinks[6]["S01reboot"] = "../init.d/halt"
	wantLinks[1]["S99single"] = "../init.d/single"
	for n := 2; n <= 5; n++ {
		wantLinks[n]["S99local"] = "../rc.local"
	}

	for n := 0; n <= 6; n++ {
		dir := fmt.Sprintf("/etc/rc.d/rc%d.d", n)
		entries, err := afero.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, e := range entries {
			p := dir + "/" + e.Name()
			target, err := fsys.Readlink(p)
			if err != nil {
				t.Errorf("%s is not a symbolic link", p)
				continue
			}
			got[e.Name()] = target
			fi, err := fsys.Stat(p)
			if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
				t.Errorf("%s -> %s does not reach an executable script", p, target)
			}
			if !regexp.MustCompile(`^[SK][0-9][0-9]`).MatchString(e.Name()) {
				t.Errorf("%s: not a two-digit priority", p)
			}
			if path.Base(target) != e.Name()[3:] && !(e.Name() == "S01reboot" && target == "../init.d/halt") && !(e.Name() == "S99local" && target == "../rc.local") {
				t.Errorf("%s -> %s: name and target differ", p, target)
			}
		}
		if fmt.Sprint(sortedMap(got)) != fmt.Sprint(sortedMap(wantLinks[n])) {
			t.Errorf("%s:\n got %v\nwant %v", dir, sortedMap(got), sortedMap(wantLinks[n]))
		}
	}
}

func sortedMap(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"->"+v)
	}
	sort.Strings(out)
	return out
}

func TestParseManifest(t *testing.T) {
	t.Parallel()
	good := "# comment\n\n" +
		"d /var/lock/subsys 0755 root:root\n" +
		"  f /etc/shadow 0400 root:root  \n" +
		"d /tmp 1777 0:0\n" +
		"l /etc/init.d rc.d/init.d\n" +
		"l /x ../y apache:apache\n" +
		"c /dev/null 0666 root:root 1,3\n" +
		"b /dev/sda 640 root:disk 8,0\n" +
		"f /usr/bin/passwd 4755 root:root\n"
	entries, err := ParseManifest(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Kind: KindDir, Path: "/var/lock/subsys", Mode: 0o755, Owner: "root", Group: "root", Line: 3},
		{Kind: KindFile, Path: "/etc/shadow", Mode: 0o400, Owner: "root", Group: "root", Line: 4},
		{Kind: KindDir, Path: "/tmp", Mode: fs.ModeSticky | 0o777, Owner: "0", Group: "0", Line: 5},
		{Kind: KindSymlink, Path: "/etc/init.d", Mode: 0o777, Owner: "root", Group: "root", Target: "rc.d/init.d", Line: 6},
		{Kind: KindSymlink, Path: "/x", Mode: 0o777, Owner: "apache", Group: "apache", Target: "../y", Line: 7},
		{Kind: KindChar, Path: "/dev/null", Mode: 0o666, Owner: "root", Group: "root", Major: 1, Minor: 3, Line: 8},
		{Kind: KindBlock, Path: "/dev/sda", Mode: 0o640, Owner: "root", Group: "disk", Major: 8, Minor: 0, Line: 9},
		{Kind: KindFile, Path: "/usr/bin/passwd", Mode: fs.ModeSetuid | 0o755, Owner: "root", Group: "root", Line: 10},
	}
	if fmt.Sprint(entries) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", entries, want)
	}

	bad := []struct{ text, msg string }{
		{"x /a 0755 root:root", `line 1: unknown entry type "x"`},
		{"\n\ndd /a 0755 root:root", `line 3: unknown entry type "dd"`},
		{"d /a 0755", `line 1: "d" entry needs 4 fields, has 3`},
		{"# c\nl /a", `line 2: "l" entry needs 3 or 4 fields, has 2`},
		{"d a 0755 root:root", `line 1: path "a" is not absolute`},
		{"d /a/../b 0755 root:root", `line 1: path "/a/../b" is not clean`},
		{"d /a/ 0755 root:root", `line 1: path "/a/" is not clean`},
		{"d /a 0855 root:root", `line 1: mode "0855" is not 3 or 4 octal digits`},
		{"d /a 75 root:root", `line 1: mode "75" is not 3 or 4 octal digits`},
		{"d /a 07755 root:root", `line 1: mode "07755" is not 3 or 4 octal digits`},
		{"d /a 0755 root", `line 1: owner "root" is not OWNER:GROUP`},
		{"d /a 0755 root:", `line 1: owner "root:" is not OWNER:GROUP`},
		{"c /dev/null 0666 root:root 1", `line 1: device numbers "1" are not MAJOR,MINOR`},
		{"b /dev/sda 0640 root:disk 8,x", `line 1: device numbers "8,x" are not MAJOR,MINOR`},
		{"d /a 0755 root:root\n\nf /a 0644 root:root", `line 3: /a already listed on line 1`},
	}
	for _, c := range bad {
		_, err := ParseManifest(strings.NewReader(c.text))
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseManifest(%q) = %v, want error containing %q", c.text, err, c.msg)
		}
	}
}

func TestManifestAndPrograms(t *testing.T) {
	t.Parallel()
	entries, err := Manifest("centos5")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 300 {
		t.Errorf("MANIFEST has only %d entries", len(entries))
	}
	progs, err := Programs("centos5")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range progs {
		if seen[p] {
			t.Errorf("PROGRAMS lists %s twice", p)
		}
		seen[p] = true
	}
	for _, p := range []string{"/sbin/consoletype", "/sbin/runlevel", "/usr/sbin/sshd", "/usr/sbin/xinetd", "/bin/grep"} {
		if !seen[p] {
			t.Errorf("PROGRAMS lacks %s", p)
		}
	}
}

// snapshot describes every entry of a tree: path, type and mode, owner,
// times, link target and a hash of the content.
func snapshot(t *testing.T, fsys *vfs.FS) string {
	t.Helper()
	var buf bytes.Buffer
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := afero.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p := path.Join(dir, e.Name())
			fi, err := fsys.Lstat(p)
			if err != nil {
				t.Fatal(err)
			}
			st := fi.Sys().(*vfs.Stat)
			fmt.Fprintf(&buf, "%s %v %d:%d %d %v", p, fi.Mode(), st.Uid, st.Gid, fi.Size(), fi.ModTime().UnixNano())
			switch {
			case fi.Mode()&fs.ModeSymlink != 0:
				target, _ := fsys.Readlink(p)
				fmt.Fprintf(&buf, " -> %s", target)
			case fi.Mode().IsRegular():
				data, err := afero.ReadFile(fsys, p)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&buf, " %x", sha256.Sum256(data))
			case fi.IsDir():
				buf.WriteByte('\n')
				walk(p)
				continue
			}
			buf.WriteByte('\n')
		}
	}
	walk("/")
	return buf.String()
}

func TestLoadDeterministic(t *testing.T) {
	t.Parallel()
	a := snapshot(t, loadCentos5(t))
	b := snapshot(t, loadCentos5(t))
	if a != b {
		t.Fatal("two loads of centos5 differ")
	}
	if n := strings.Count(a, "\n"); n < 600 {
		t.Errorf("only %d entries loaded", n)
	}
}

// TestInittab checks the directives of /etc/inittab: those of the EL5 file,
// in its order, with runlevel 5 as the default.
func TestInittab(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	var got []string
	for _, line := range strings.Split(readFile(t, fsys, "/etc/inittab"), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	want := []string{
		"id:5:initdefault:",
		"si::sysinit:/etc/rc.d/rc.sysinit",
		"l0:0:wait:/etc/rc.d/rc 0", "l1:1:wait:/etc/rc.d/rc 1", "l2:2:wait:/etc/rc.d/rc 2",
		"l3:3:wait:/etc/rc.d/rc 3", "l4:4:wait:/etc/rc.d/rc 4", "l5:5:wait:/etc/rc.d/rc 5",
		"l6:6:wait:/etc/rc.d/rc 6",
		"ca::ctrlaltdel:/sbin/shutdown -t3 -r now",
		`pf::powerfail:/sbin/shutdown -f -h +2 "Power Failure; System Shutting Down"`,
		`pr:12345:powerokwait:/sbin/shutdown -c "Power Restored; Shutdown Cancelled"`,
		"1:2345:respawn:/sbin/mingetty tty1", "2:2345:respawn:/sbin/mingetty tty2",
		"3:2345:respawn:/sbin/mingetty tty3", "4:2345:respawn:/sbin/mingetty tty4",
		"5:2345:respawn:/sbin/mingetty tty5", "6:2345:respawn:/sbin/mingetty tty6",
		"x:5:respawn:/etc/X11/prefdm -nodaemon",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inittab directives:\n%s", strings.Join(got, "\n"))
	}
}
