package chkconfig

import (
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"rclab/vfs"
)

// newFS builds a vfs holding files (path → content): a content starting
// with "->" makes a symbolic link to the rest, a path ending in "/" a
// directory. The seven rcN.d directories, init.d and xinetd.d always exist.
func newFS(t testing.TB, files map[string]string) *vfs.FS {
	t.Helper()
	fsys := vfs.New()
	for _, d := range []string{InitDir, XinetdDir, "/etc/rc.d/rc0.d", "/etc/rc.d/rc1.d", "/etc/rc.d/rc2.d",
		"/etc/rc.d/rc3.d", "/etc/rc.d/rc4.d", "/etc/rc.d/rc5.d", "/etc/rc.d/rc6.d"} {
		if err := fsys.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		content := files[name]
		dir := name[:strings.LastIndex(strings.TrimSuffix(name, "/"), "/")+1]
		if err := fsys.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(name, "/"):
			if err := fsys.MkdirAll(name, 0o755); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(content, "->"):
			if err := fsys.Symlink(strings.TrimPrefix(content, "->"), name); err != nil {
				t.Fatal(err)
			}
		default:
			f, err := fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(f, content)
			f.Close()
		}
	}
	return fsys
}

// script is an init script with the given chkconfig fields.
func script(levels, start, stop string) string {
	return "#!/bin/bash\n#\n# chkconfig: " + levels + " " + start + " " + stop + "\n# description: test service\n\necho\n"
}

// linksOf lists every rcN.d entry as "N:ENTRY->TARGET", sorted.
func linksOf(t testing.TB, fsys *vfs.FS) []string {
	t.Helper()
	var out []string
	for l := 0; l < 7; l++ {
		dir := rcDir(l)
		names, err := readDirNames(fsys, dir)
		if err != nil {
			continue
		}
		for _, n := range names {
			target, err := fsys.Readlink(dir + "/" + n)
			if err != nil {
				target = "?"
			}
			out = append(out, string(rune('0'+l))+":"+n+"->"+target)
		}
	}
	return out
}

// links builds the sorted "N:ENTRY->../init.d/NAME" list for want values:
// each spec is "N:ENTRY" and the name is ENTRY without its first three
// characters.
func links(specs ...string) []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		out = append(out, s+"->../init.d/"+s[5:])
	}
	sort.Strings(out)
	return out
}
