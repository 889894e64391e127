package vfs

import (
	"fmt"
	"os"
	"testing"
)

// bigTree builds about 1500 entries holding about 1 MB: 30 directories of
// 45 files of 700 bytes and 4 links each, like a populated /etc and /usr.
func bigTree(b testing.TB) *FS {
	f := New()
	content := make([]byte, 700)
	for i := range content {
		content[i] = byte('a' + i%26)
	}
	for d := range 30 {
		dir := fmt.Sprintf("/d%02d", d)
		if err := f.Mkdir(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for i := range 45 {
			h, err := f.Create(fmt.Sprintf("%s/f%02d", dir, i))
			if err != nil {
				b.Fatal(err)
			}
			h.Write(content)
			h.Close()
		}
		for i := range 4 {
			if err := f.Symlink(fmt.Sprintf("f%02d", i), fmt.Sprintf("%s/S%02d", dir, i)); err != nil {
				b.Fatal(err)
			}
		}
	}
	return f
}

func TestBigTreeSize(t *testing.T) {
	t.Parallel()
	bytes, entries := bigTree(t).Usage()
	if bytes < 900_000 || entries < 1400 {
		t.Errorf("bigTree Usage() = %d, %d; want about 1 MB and 1500 entries", bytes, entries)
	}
}

func BenchmarkClone(b *testing.B) {
	f := bigTree(b)
	b.ReportAllocs()
	for b.Loop() {
		f.Clone()
	}
}

// BenchmarkCloneAndWrite adds the copy-on-write cost of the first write
// to one file of the clone.
func BenchmarkCloneAndWrite(b *testing.B) {
	f := bigTree(b)
	b.ReportAllocs()
	for b.Loop() {
		c := f.Clone()
		h, err := c.OpenFile("/d17/f33", os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			b.Fatal(err)
		}
		h.Write([]byte("x"))
		h.Close()
	}
}

func BenchmarkStatThroughLinks(b *testing.B) {
	f := tree(b, base...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Stat("/etc/rc3.d/S55sshd"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadFile(b *testing.B) {
	f := bigTree(b)
	buf := make([]byte, 1024)
	b.ReportAllocs()
	for b.Loop() {
		h, err := f.Open("/d05/S02")
		if err != nil {
			b.Fatal(err)
		}
		h.Read(buf)
		h.Close()
	}
}

// wideTree is bigTree grown to about 2,000 inodes (40 directories of 49
// entries), as many as a booted machine holds, with a 4-deep path
// /usr/share/doc/rclab/README beside them.
func wideTree(b testing.TB) *FS {
	f := bigTree(b)
	for d := 30; d < 40; d++ {
		dir := fmt.Sprintf("/d%02d", d)
		if err := f.Mkdir(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for i := range 49 {
			h, err := f.Create(fmt.Sprintf("%s/f%02d", dir, i))
			if err != nil {
				b.Fatal(err)
			}
			h.Write([]byte("content\n"))
			h.Close()
		}
	}
	if err := f.MkdirAll("/usr/share/doc/rclab", 0o755); err != nil {
		b.Fatal(err)
	}
	h, err := f.Create("/usr/share/doc/rclab/README")
	if err != nil {
		b.Fatal(err)
	}
	h.Close()
	return f
}

func TestWideTreeSize(t *testing.T) {
	t.Parallel()
	if _, entries := wideTree(t).Usage(); entries < 1900 || entries > 2100 {
		t.Errorf("wideTree entries = %d; want about 2000", entries)
	}
}

func BenchmarkClone2000(b *testing.B) {
	f := wideTree(b)
	b.ReportAllocs()
	for b.Loop() {
		f.Clone()
	}
}

// BenchmarkClone2000Churned clones a tree after 2,000 directories were
// made and removed, as a long session's /proc/PID directories are.
func BenchmarkClone2000Churned(b *testing.B) {
	f := wideTree(b)
	if err := f.Mkdir("/proc", 0o555); err != nil {
		b.Fatal(err)
	}
	for i := range 2000 {
		name := fmt.Sprintf("/proc/%d", i)
		if err := f.Mkdir(name, 0o555); err != nil {
			b.Fatal(err)
		}
		if err := f.RemoveAll(name); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		f.Clone()
	}
}

// benchStat runs stat on name in a 2,000-inode clone.
func benchStat(b *testing.B, stat func(*FS, string) error, name string) {
	f := wideTree(b).Clone()
	b.ReportAllocs()
	for b.Loop() {
		if err := stat(f, name); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStat4Deep(b *testing.B) {
	benchStat(b, func(f *FS, name string) error {
		_, err := f.Stat(name)
		return err
	}, "/usr/share/doc/rclab/README")
}

func BenchmarkStatMode4Deep(b *testing.B) {
	benchStat(b, func(f *FS, name string) error {
		if _, ok := f.StatMode(name); !ok {
			return fmt.Errorf("StatMode(%s) not ok", name)
		}
		return nil
	}, "/usr/share/doc/rclab/README")
}

func BenchmarkStatMissing4Deep(b *testing.B) {
	benchStat(b, func(f *FS, name string) error {
		if _, err := f.Stat(name); !os.IsNotExist(err) {
			return fmt.Errorf("Stat(%s) = %v; want ENOENT", name, err)
		}
		return nil
	}, "/usr/share/doc/rclab/missing")
}

// BenchmarkProcDir makes and removes a process's /proc/PID directory in
// a clone, as every process of a machine does.
func BenchmarkProcDir(b *testing.B) {
	f := wideTree(b)
	if err := f.Mkdir("/proc", 0o555); err != nil {
		b.Fatal(err)
	}
	f = f.Clone()
	b.ReportAllocs()
	for b.Loop() {
		if err := f.Mkdir("/proc/1234", 0o555); err != nil {
			b.Fatal(err)
		}
		if err := f.RemoveAll("/proc/1234"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenStatClose opens a 4-deep file, stats it through the open
// file and closes it.
func BenchmarkOpenStatClose(b *testing.B) {
	f := wideTree(b).Clone()
	b.ReportAllocs()
	for b.Loop() {
		h, err := f.Open("/usr/share/doc/rclab/README")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := h.Stat(); err != nil {
			b.Fatal(err)
		}
		h.Close()
	}
}
