package check

import (
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"slices"
	"testing"

	"rclab/sim"
	"rclab/vfs"
)

// plainFingerprint is Fingerprint as its comment states it, written
// plainly: one write per field, a fresh copy of every file. Fingerprint
// reuses its buffers and must hash the same bytes.
func plainFingerprint(m *sim.Machine) [32]byte {
	h := sha256.New()
	num := func(v uint64) { h.Write(binary.LittleEndian.AppendUint64(nil, v)) }
	var walk func(dir string)
	walk = func(dir string) {
		infos, err := m.ReadDir(dir)
		if err != nil {
			return
		}
		for _, fi := range infos {
			p := dir + "/" + fi.Name()
			if dir == "/" {
				p = "/" + fi.Name()
			}
			if volatile[p] {
				continue
			}
			h.Write([]byte(p + "\x00"))
			num(uint64(fi.Mode()))
			if st, ok := fi.Sys().(*vfs.Stat); ok {
				num(uint64(st.Uid)<<32 | uint64(uint32(st.Gid)))
			}
			switch {
			case fi.Mode()&fs.ModeSymlink != 0:
				t, _ := m.Readlink(p)
				h.Write([]byte(t + "\x00"))
			case fi.IsDir():
				walk(p)
			case fi.Mode().IsRegular():
				data, _ := m.ReadFile(p)
				num(uint64(len(data)))
				h.Write(data)
			}
		}
	}
	walk("/")
	h.Write([]byte("\x00locks\x00"))
	if infos, err := m.ReadDir("/var/lock/subsys"); err == nil {
		for _, fi := range infos {
			h.Write([]byte(fi.Name() + "\x00"))
		}
	}
	if m.Down() != "" {
		h.Write([]byte("\x00down"))
	}
	return [32]byte(h.Sum(nil))
}

func TestFingerprintHashesWhatItSays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"booted", nil},
		{"changed", []string{
			"chkconfig httpd on", "service httpd start", "printf '' > /etc/empty",
			"ln -s /nowhere /etc/dangling", "chown bob:carol /etc/motd", "chmod 600 /etc/motd",
			"head -c 70000 /dev/zero > /root/big",
		}},
		{"off", []string{"halt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := newMachine(t, tc.lines...)
			if got, want := Fingerprint(m), plainFingerprint(m); got != want {
				t.Errorf("Fingerprint(%s) = %x; want %x", tc.name, got, want)
			}
		})
	}
}

func TestReadFileMatchesAppendFile(t *testing.T) {
	t.Parallel()
	m := newMachine(t, "printf '' > /root/empty", "head -c 5000 /dev/zero > /root/mid")
	prefix := []byte("kept:")
	for _, p := range []string{"/etc/inittab", "/root/empty", "/root/mid", "/proc/uptime", "/etc", "/nosuch"} {
		data, err := m.ReadFile(p)
		got, err2 := m.AppendFile(slices.Clone(prefix), p)
		if (err == nil) != (err2 == nil) || string(got) != string(prefix)+string(data) {
			t.Errorf("AppendFile(%q, %s) = %q, %v; want %q, %v", prefix, p, got, err2, string(prefix)+string(data), err)
		}
		if err == nil && data == nil {
			t.Errorf("ReadFile(%s) = nil, nil; want a non-nil slice", p)
		}
	}
}
