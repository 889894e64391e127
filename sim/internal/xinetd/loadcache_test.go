package xinetd

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"rclab/vfs"
)

// vfsMachine is machine(files) copied into a vfs, whose directories list
// their names without fs.DirEntry values (the cache's other path).
func vfsMachine(t *testing.T, files map[string]string) *vfs.FS {
	t.Helper()
	m := machine(files)
	v := vfs.New()
	err := fs.WalkDir(m, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || name == "." {
			return err
		}
		if d.IsDir() {
			return v.MkdirAll("/"+name, 0o755)
		}
		if err := v.MkdirAll("/"+name[:max(strings.LastIndexByte(name, '/'), 0)], 0o755); err != nil {
			return err
		}
		f, err := v.Create("/" + name)
		if err != nil {
			return err
		}
		f.Write(m[name].Data)
		f.Close()
		return v.Chmod("/"+name, m[name].Mode.Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func writeFile(t *testing.T, v *vfs.FS, name, data string) {
	t.Helper()
	f, err := v.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(data))
	f.Close()
}

// Whatever changes between two loads, the second one is what a load
// without the cache gives, and it differs from the first one. (Not
// parallel: the cache is shared, and the first load must be the last one
// kept when the second is made.)
func TestLoadCacheSeesChanges(t *testing.T) {
	tcp := strings.Replace(telnetFile, "\twait", "\tprotocol\t= tcp\n\twait", 1)
	on := strings.Replace(tcp, "%s", "no", 1)
	off := strings.Replace(tcp, "%s", "yes", 1)
	echo := "service echo\n{\n\ttype = INTERNAL\n\tsocket_type = stream\n\twait = no\n}\n"
	tests := []struct {
		name   string
		change func(t *testing.T, v *vfs.FS)
	}{
		{"file content", func(t *testing.T, v *vfs.FS) { writeFile(t, v, "/etc/xinetd.d/telnet", off) }},
		{"same size", func(t *testing.T, v *vfs.FS) {
			writeFile(t, v, "/etc/xinetd.d/telnet", strings.Replace(on, "disable\t\t= no", "disable\t\t= NO", 1))
		}},
		{"file added", func(t *testing.T, v *vfs.FS) { writeFile(t, v, "/etc/xinetd.d/echo", echo) }},
		{"file removed", func(t *testing.T, v *vfs.FS) { v.Remove("/etc/xinetd.d/telnet") }},
		{"file made a directory", func(t *testing.T, v *vfs.FS) {
			v.Remove("/etc/xinetd.d/telnet")
			v.Mkdir("/etc/xinetd.d/telnet", 0o755)
		}},
		{"server not executable", func(t *testing.T, v *vfs.FS) { v.Chmod("/usr/sbin/in.telnetd", 0o644) }},
		{"service unknown", func(t *testing.T, v *vfs.FS) { writeFile(t, v, "/etc/services", "echo 7/tcp\n") }},
		{"user unknown", func(t *testing.T, v *vfs.FS) { writeFile(t, v, "/etc/passwd", "nobody:x:99:99::/:/sbin/nologin\n") }},
		{"protocols appear", func(t *testing.T, v *vfs.FS) { writeFile(t, v, "/etc/protocols", "udp 17 UDP\n") }},
		{"main file gone", func(t *testing.T, v *vfs.FS) { v.Remove("/etc/xinetd.conf") }},
		{"main file longer", func(t *testing.T, v *vfs.FS) {
			writeFile(t, v, "/etc/xinetd.conf", stockConf+"includedir /etc/nothere\n")
		}},
		{"main file shorter", func(t *testing.T, v *vfs.FS) {
			writeFile(t, v, "/etc/xinetd.conf", strings.TrimSuffix(stockConf, "includedir /etc/xinetd.d\n"))
		}},
	}
	for _, tt := range tests {
		v := vfsMachine(t, map[string]string{"/etc/xinetd.d/telnet": on})
		before := Load(v.IOFS(), "/etc/xinetd.conf")
		tt.change(t, v)
		got := Load(v.IOFS(), "/etc/xinetd.conf")
		want := load(v.IOFS(), "/etc/xinetd.conf")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Load = %+v, %q; want %+v, %q", tt.name, got, errorsOf(got), want, errorsOf(want))
		}
		if reflect.DeepEqual(got, before) {
			t.Errorf("%s: Load after the change = Load before it (%q, %q)", tt.name, active(got), errorsOf(got))
		}
	}
}

// Loads of unchanged files, even of another FS holding the same files,
// return the Config of the first one.
func TestLoadCacheHits(t *testing.T) {
	on := strings.Replace(telnetFile, "%s", "no", 1)
	for _, fsys := range []func() fs.FS{
		func() fs.FS { return machine(map[string]string{"/etc/xinetd.d/telnet": on}) },
		func() fs.FS { return vfsMachine(t, map[string]string{"/etc/xinetd.d/telnet": on}).IOFS() },
	} {
		first := Load(fsys(), "/etc/xinetd.conf")
		if got := Load(fsys(), "/etc/xinetd.conf"); got != first {
			t.Errorf("Load of the same files = %p; want the first load's %p", got, first)
		}
		if got := Load(fsys(), "/etc/xinetd.d/telnet"); got == first {
			t.Errorf("Load of another main file = the first load's Config")
		}
	}
	m := machine(map[string]string{"/etc/xinetd.d/telnet": on})
	first := Load(m, "/etc/xinetd.conf")
	m["etc/xinetd.d/telnet"] = &fstest.MapFile{Data: []byte(strings.Replace(telnetFile, "%s", "yes", 1))}
	if got := Load(m, "/etc/xinetd.conf"); got == first || len(got.Active()) != 0 {
		t.Errorf("Load after disabling telnet: active %q; want none", active(got))
	}
}
