package cmds

import (
	"os"
	"testing"

	"rclab/vfs"
)

func TestCheckOpen(t *testing.T) {
	t.Parallel()
	fsys := vfs.New()
	fsys.MkdirAll("/home/alice", 0o700)
	fsys.Chmod("/home", 0o755)
	fsys.Chown("/home/alice", 501, 501)
	fsys.Mkdir("/etc", 0o755)
	for name, mode := range map[string]os.FileMode{"/etc/shadow": 0o400, "/etc/passwd": 0o644, "/etc/group-rw": 0o664} {
		f, _ := fsys.OpenFile(name, os.O_CREATE|os.O_WRONLY, mode)
		f.Close()
		fsys.Chmod(name, mode)
	}
	fsys.Chown("/etc/group-rw", 0, 501)
	tests := []struct {
		name     string
		flag     int
		uid, gid int
		denied   bool
	}{
		{"/etc/shadow", os.O_RDONLY, 0, 0, false},
		{"/etc/shadow", os.O_RDONLY, 501, 501, true},
		{"/etc/passwd", os.O_RDONLY, 501, 501, false},
		{"/etc/passwd", os.O_WRONLY, 501, 501, true},
		{"/etc/passwd", os.O_RDONLY | os.O_TRUNC, 501, 501, true},
		{"/etc/group-rw", os.O_RDWR, 501, 501, false},
		{"/etc/group-rw", os.O_RDWR, 502, 502, true},
		{"/etc/new", os.O_WRONLY | os.O_CREATE, 501, 501, true},
		{"/etc/new", os.O_WRONLY | os.O_CREATE, 0, 0, false},
		{"/etc/missing", os.O_RDONLY, 501, 501, false},
		{"/home/alice/x", os.O_WRONLY | os.O_CREATE, 501, 501, false},
		{"/home/alice/x", os.O_WRONLY | os.O_CREATE, 502, 502, true},
	}
	for _, tc := range tests {
		err := CheckOpen(fsys, tc.name, tc.flag, tc.uid, tc.gid)
		if got := err != nil; got != tc.denied {
			t.Errorf("CheckOpen(%s, %#o, %d) = %v; want denied %v", tc.name, tc.flag, tc.uid, err, tc.denied)
		}
	}
}
