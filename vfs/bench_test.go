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
