package image

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"testing"
	"time"
)

const goodPackages = `# comment
package httpd 2.2.3 91.el5.centos i386
Group: System Environment/Daemons
License: Apache Software License
Size: 3334440
BuildTime: 2014-09-16 14:06:27
BuildHost: builder10.centos.org
URL: http://httpd.apache.org/
Summary: Apache HTTP Server
| The Apache HTTP Server is a powerful, efficient, and extensible
|
| web server.
%dir /etc/httpd
%config(noreplace) /etc/httpd/conf/httpd.conf
%ghost %verify(not md5 size mtime) /var/log/httpd/access_log
/usr/sbin/httpd
%doc /usr/share/man/man8/httpd.8.gz

package filesystem 2.4.0 3.el5.centos i386
Group: System Environment/Base
License: Public Domain
Size: 0
BuildTime: 2013-01-09 11:05:23
BuildHost: builder10.centos.org
SourceRPM: fs.src.rpm
Summary: The basic directory layout for a Linux system.
unowned /root/* /etc/ssh/ssh_host_*
`

func TestParsePackages(t *testing.T) {
	t.Parallel()
	list, err := ParsePackages(strings.NewReader(goodPackages))
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Packages) != 2 {
		t.Fatalf("ParsePackages: %d packages; want 2", len(list.Packages))
	}
	h := list.Packages[0]
	want := Package{Name: "httpd", Version: "2.2.3", Release: "91.el5.centos", Arch: "i386",
		Group: "System Environment/Daemons", License: "Apache Software License", Size: 3334440,
		BuildTime: time.Date(2014, 9, 16, 14, 6, 27, 0, time.UTC), BuildHost: "builder10.centos.org",
		URL: "http://httpd.apache.org/", Summary: "Apache HTTP Server",
		Description: []string{"The Apache HTTP Server is a powerful, efficient, and extensible", "", "web server."},
		Files: []PackageFile{
			{Path: "/etc/httpd", Line: 13},
			{Path: "/etc/httpd/conf/httpd.conf", Config: true, Line: 14},
			{Path: "/var/log/httpd/access_log", Ghost: true, NoVerify: "5ST", Line: 15},
			{Path: "/usr/sbin/httpd", Line: 16},
			{Path: "/usr/share/man/man8/httpd.8.gz", Doc: true, Line: 17},
		},
		Line: 2}
	if fmt.Sprintf("%+v", h) != fmt.Sprintf("%+v", want) {
		t.Errorf("ParsePackages: httpd =\n%+v\nwant\n%+v", h, want)
	}
	if fs := list.Packages[1]; fs.Size != 0 || fs.SourceRPM != "fs.src.rpm" || len(fs.Files) != 0 {
		t.Errorf("ParsePackages: filesystem = %+v", fs)
	}
	if got := strings.Join(list.Unowned, " "); got != "/root/* /etc/ssh/ssh_host_*" {
		t.Errorf("ParsePackages: Unowned = %q", got)
	}

	head := "package a 1 1 noarch\nGroup: g\nLicense: l\nSize: 1\nBuildTime: 2014-01-01 00:00:00\nBuildHost: h\nSummary: s\n"
	bad := []struct{ text, msg string }{
		{"package a 1 1", `line 1: want "package NAME VERSION RELEASE ARCH"`},
		{"/etc/x", `line 1: "/etc/x" comes before any package`},
		{"package a 1 1 noarch\n/x", `line 1: package a has no Group`},
		{head + "package a 1 2 noarch", `line 8: package a already starts on line 1`},
		{"package a 1 1 noarch\nSize: x", `line 2: size "x" is not a number of bytes`},
		{head + "Group: again", `line 8: Group given twice`},
		{head + "BuildTime2: x", `line 8: unknown key "BuildTime2"`},
		{"package a 1 1 noarch\nBuildTime: 2014", `line 2: build time "2014" is not "YYYY-MM-DD HH:MM:SS"`},
		{head + "just words", `line 8: want "Key: value", a description line, or a file`},
		{head + "/a/../b", `line 8: path "/a/../b" is not clean`},
		{head + "%config", `line 8: "%config" has no path`},
		{head + "%config(noreplace /x", `line 8: unclosed parenthesis`},
		{head + "%config(sometimes) /x", `line 8: unknown %config option "sometimes"`},
		{head + "%verify(md5) /x", `line 8: want %verify(not WHAT...)`},
		{head + "%verify(not color) /x", `line 8: unknown %verify attribute "color"`},
		{head + "%doc(x) /x", `line 8: %doc takes no options`},
		{head + "%attr(4755) /x", `line 8: want %attr(MODE,USER,GROUP)`},
		{head + "%attr(99,root,root) /x", `line 8: mode "99" is not 3 or 4 octal digits`},
		{head + "%license /x", `line 8: unknown attribute %license`},
		{head + "/x /y", `line 8: want one path after the attributes`},
		{head + "/x\n/x", `line 9: /x already listed on line 8`},
		{head + "unowned", `line 8: unowned needs at least one pattern`},
		{head + "unowned root/*", `line 8: bad pattern "root/*"`},
		{"package a/b 1 1 noarch", `line 1: "a/b" is not a package name`},
	}
	for _, c := range bad {
		_, err := ParsePackages(strings.NewReader(c.text))
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParsePackages(%q) = %v; want an error containing %q", c.text, err, c.msg)
		}
	}
}

// TestPackagesCoverTree: every file and symbolic link of the tree belongs
// to exactly one package or matches an unowned pattern, never both; every
// unowned pattern matches something; a path the tree lacks is a program,
// a %doc or a %ghost.
func TestPackagesCoverTree(t *testing.T) {
	t.Parallel()
	list, err := Packages("centos5")
	if err != nil || list == nil {
		t.Fatalf("Packages(centos5) = %v, %v", list, err)
	}
	nodes, err := plan("centos5")
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, p := range list.Packages {
		for _, f := range p.Files {
			owner[f.Path] = p.Name
		}
	}
	used := map[string]bool{}
	for _, n := range nodes {
		if n.kind != KindFile && n.kind != KindSymlink {
			continue
		}
		var match string
		for _, pat := range list.Unowned {
			if ok, _ := path.Match(pat, n.path); ok {
				match = pat
				used[pat] = true
				break
			}
		}
		switch pkg, owned := owner[n.path]; {
		case owned && match != "":
			t.Errorf("%s is owned by %s and matches unowned %s", n.path, pkg, match)
		case !owned && match == "":
			t.Errorf("%s belongs to no package: list it under one in centos5/PACKAGES, or as unowned", n.path)
		}
	}
	for _, pat := range list.Unowned {
		if !used[pat] {
			t.Errorf("unowned pattern %s matches nothing in the tree", pat)
		}
	}
	for _, must := range []string{"initscripts", "sysvinit", "chkconfig", "httpd", "openssh-server", "openssh-clients",
		"xinetd", "telnet-server", "bash", "coreutils", "procps", "util-linux", "setup", "centos-release",
		"vixie-cron", "at", "sendmail", "cups", "portmap", "nfs-utils", "sysklogd", "rpm", "lsof"} {
		found := false
		for _, p := range list.Packages {
			found = found || p.Name == must
		}
		if !found {
			t.Errorf("PACKAGES lacks package %s", must)
		}
	}
}

// TestPackageDB: Load writes the database with the facts of PACKAGES and
// each file as the tree has it.
func TestPackageDB(t *testing.T) {
	t.Parallel()
	fsys := loadCentos5(t)
	db := readFile(t, fsys, PackageDB)
	if !strings.HasPrefix(db, DBMagic) {
		t.Fatalf("%s does not start with the database magic", PackageDB)
	}
	conf := readFile(t, fsys, "/etc/httpd/conf/httpd.conf")
	sum := md5.Sum([]byte(conf))
	lines := []string{
		"%package setup\nVersion: 2.5.58\nRelease: 9.el5\nArch: noarch\nGroup: System Environment/Base\n" +
			"License: public domain\nSize: 409347\nBuildTime: 1326969412\nInstallTime: 1412077124\n" +
			"BuildHost: builder10.centos.org\nSourceRPM: setup-2.5.58-9.el5.src.rpm\n" +
			"Vendor: CentOS\nPackager: Johnny Hughes <johnny@centos.org>\n" +
			"Summary: A set of system configuration and setup files.\n" +
			"Description: The setup package contains a set of important system configuration and\n",
		fmt.Sprintf("%%file f 0644 root root %d 1412078400 %s c - /etc/httpd/conf/httpd.conf\n", len(conf), hex.EncodeToString(sum[:])),
		"%file d 0755 root root - 1412078400 - - - /etc/httpd\n",
		"%file l 0777 root root 19 1412078400 - - ../../var/log/httpd /etc/httpd/logs\n",
		"%file f 0755 root root - 1412078400 - P - /usr/sbin/httpd\n",
		"%file f 4511 root root - 1412078400 - P - /usr/bin/passwd\n",
		"%file f 0644 root root - 1412078400 - dx - /usr/share/man/man8/httpd.8.gz\n",
		"%file d 0700 root root - 1412078400 - - - /var/log/httpd\n",
		"%file f 0664 root utmp 0 1412078400 d41d8cd98f00b204e9800998ecf8427e g5ST - /var/run/utmp\n",
	}
	for _, l := range lines {
		if !strings.Contains(db, l) {
			t.Errorf("%s lacks %q", PackageDB, l)
		}
	}
	if fi, err := fsys.Stat(PackageDB); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("stat %s = %v, %v; want mode 0644", PackageDB, fi, err)
	}
}

// TestPackageDBErrors: a package file that is nowhere, or a file owned
// twice, stops the image from building.
func TestPackageDBErrors(t *testing.T) {
	t.Parallel()
	head := "package a 1 1 noarch\nGroup: g\nLicense: l\nSize: 1\nBuildTime: 2014-01-01 00:00:00\nBuildHost: h\nSummary: s\n"
	tree := func() map[string]*node {
		return map[string]*node{
			"/etc":   {path: "/etc", kind: KindDir, mode: 0o755},
			"/etc/x": {path: "/etc/x", kind: KindFile, mode: 0o644, data: []byte("x\n")},
		}
	}
	for _, c := range []struct{ text, msg string }{
		{head + "/etc/y", "line 8: /etc/y is neither in the tree nor a program"},
		{head + "/usr/libexec/sub/prog", "line 8: /usr/libexec/sub/prog is neither in the tree nor a program"},
		{head + "%attr(0600,root,root) /etc/x", "line 8: /etc/x is in the tree: its mode and owner come from the MANIFEST"},
		{head + "/etc/x\n" + strings.Replace(head, "package a", "package b", 1) + "/etc/x", "line 16: /etc/x is owned by a too"},
	} {
		list, err := ParsePackages(strings.NewReader(c.text))
		if err != nil {
			t.Fatal(err)
		}
		err = writePackageDB(list, tree(), map[string]int{"root": 0}, map[string]int{"root": 0})
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("writePackageDB(%q) = %v; want an error containing %q", c.text, err, c.msg)
		}
	}
	// A directory may have several owners.
	list, _ := ParsePackages(strings.NewReader(head + "/etc\n" + strings.Replace(head, "package a", "package b", 1) + "/etc\n"))
	if err := writePackageDB(list, tree(), map[string]int{"root": 0}, map[string]int{"root": 0}); err != nil {
		t.Errorf("writePackageDB with a shared directory: %v", err)
	}
}

func FuzzParsePackages(f *testing.F) {
	f.Add(goodPackages)
	f.Add("package a 1 1 noarch\n%config(noreplace) %verify(not md5 size) /x\n")
	f.Add("unowned /x/*\n| text")
	f.Fuzz(func(t *testing.T, text string) {
		list, err := ParsePackages(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, p := range list.Packages {
			if p.Name == "" || p.Summary == "" {
				t.Fatalf("package without name or summary: %+v", p)
			}
			for _, f := range p.Files {
				if checkPath(f.Path) != nil {
					t.Fatalf("bad path %q accepted", f.Path)
				}
			}
		}
	})
}
