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
// plainly: one write per field, a fresh copy of every file, the SHA-256 of
// any over 256 bytes. Fingerprint reuses its buffers and must hash the
// same bytes.
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
				if len(data) > 256 {
					sum := sha256.Sum256(data)
					data = sum[:]
				}
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

// TestFingerprintWithStartSums: the hashes kept for a start machine that
// never changes give a copy of it, however changed, its fingerprint.
func TestFingerprintWithStartSums(t *testing.T) {
	t.Parallel()
	start := newMachine(t)
	sums := sumsOf(start)
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"untouched", nil},
		{"edited", []string{
			"sed -i 's/^ftp/FTP/' /etc/services",                                                         // same length
			"echo '# more' >> /etc/rc.d/init.d/functions",                                                // grown
			"head -c 300 /etc/httpd/conf/httpd.conf > /tmp/h && cat /tmp/h > /etc/httpd/conf/httpd.conf", // cut
			"rm /etc/rc.d/init.d/iptables", "cp /etc/rc.d/rc.sysinit /root/sysinit.copy",
			"chkconfig httpd on", "chmod 600 /etc/services",
		}},
		{"off", []string{"halt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := start.Clone()
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range tc.lines {
				if r, err := m.Apply(sim.Action{Kind: sim.Type, Line: l}); err != nil || r.Status != 0 {
					t.Fatalf("%s: %v, status %d: %s", l, err, r.Status, r.Output)
				}
			}
			if got, want := fingerprint(m, sums), plainFingerprint(m); got != want {
				t.Errorf("fingerprint(%s, start's sums) = %x; want %x", tc.name, got, want)
			}
			if got, want := Fingerprint(m), plainFingerprint(m); got != want {
				t.Errorf("Fingerprint(%s) = %x; want %x", tc.name, got, want)
			}
		})
	}
	// The sums are used: an untouched large file's array is the start's.
	hits := 0
	start.Walk("/etc", func(p []byte, e *vfs.WalkEntry) bool {
		if _, ok := sums.sums[contentKey{firstByte(e.Data), len(e.Data)}]; ok {
			hits++
		}
		return e.Mode.IsDir()
	})
	if hits == 0 {
		t.Errorf("sumsOf(start) holds none of the large files under /etc")
	}
}

// firstByte is the address of data's array, nil when data is empty.
func firstByte(data []byte) *byte {
	if len(data) == 0 {
		return nil
	}
	return &data[0]
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
