package chkconfig

import (
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// noWalk hides the Walk method of a vfs: the listings then open every
// file, as they do on any other file system.
type noWalk struct{ FS }

// ListSysV and Xinetd read regular files during a walk and open the
// rest (links, special files); either way they find what opening every
// file finds.
func TestListingsWalkOrOpen(t *testing.T) {
	t.Parallel()
	xinetdFile := "# description: an xinetd service\nservice %s\n{\n\tdisable = no\n}\n"
	fsys := newFS(t, map[string]string{
		InitDir + "/sshd":             script("2345", "55", "25"),
		InitDir + "/empty":            "",
		InitDir + "/adir/":            "",
		InitDir + "/alias":            "->sshd",
		InitDir + "/dangling":         "->nothere",
		InitDir + "/todir":            "->adir",
		InitDir + "/sshd.rpmsave":     script("2345", "55", "25"),
		InitDir + "/bad":              "# chkconfig: 2345 x y\n# description: bad\n",
		"/etc/rc.d/rc3.d/S55sshd":     "->../init.d/sshd",
		"/etc/rc.d/rc3.d/S55alias":    "->../init.d/alias",
		"/etc/rc.d/rc3.d/S10empty":    "->../init.d/empty",
		"/etc/rc.d/rc3.d/S10adir":     "->../init.d/adir",
		"/etc/rc.d/rc3.d/S10todir":    "->../init.d/todir",
		"/etc/rc.d/rc3.d/S10bad":      "->../init.d/bad",
		"/etc/rc.d/rc3.d/S10dangling": "->../init.d/dangling",
		XinetdDir + "/telnet":         xinetdFile,
		XinetdDir + "/off":            "service off\n{\n\tdisable = yes\n}\n",
		XinetdDir + "/empty":          "",
		XinetdDir + "/adir/":          "",
		XinetdDir + "/link":           "->telnet",
		XinetdDir + "/dangling":       "->nothere",
		XinetdDir + "/telnet~":        xinetdFile,
	})
	if err := fsys.Mknod(XinetdDir+"/null", fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := fsys.Mknod(InitDir+"/null", fs.ModeDevice|fs.ModeCharDevice|0o666, 0, 0); err != nil {
		t.Fatal(err)
	}
	sysv, opened := ListSysV(fsys), ListSysV(noWalk{fsys})
	if d := cmp.Diff(opened, sysv); d != "" {
		t.Errorf("ListSysV walking (-opening +walking):\n%s", d)
	}
	if len(sysv) != 2 || sysv[0].Name != "alias" || sysv[1].Name != "sshd" || sysv[1].Header.Description != "test service" {
		t.Errorf("ListSysV = %+v; want alias and sshd", sysv)
	}
	xs, xsOpened := Xinetd(fsys), Xinetd(noWalk{fsys})
	if d := cmp.Diff(xsOpened, xs); d != "" {
		t.Errorf("Xinetd walking (-opening +walking):\n%s", d)
	}
	want := []XinetdService{{Name: "empty", Enabled: true}, {Name: "link", Enabled: true, Description: "an xinetd service"},
		{Name: "null", Enabled: true}, {Name: "off"}, {Name: "telnet", Enabled: true, Description: "an xinetd service"}}
	if d := cmp.Diff(want, xs); d != "" {
		t.Errorf("Xinetd (-want +got):\n%s", d)
	}
}
