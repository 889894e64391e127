package xinetd

import (
	"testing"

	"rclab/sim/image"
	"rclab/vfs"
)

func imageFS(tb testing.TB) *vfs.FS {
	tb.Helper()
	fsys := vfs.New()
	if err := image.Load("centos5", fsys); err != nil {
		tb.Fatal(err)
	}
	return fsys
}

// BenchmarkLoad is what a start of xinetd on the centos5 image pays to
// read its configuration: the files are unchanged, so the cached Config
// is checked and returned.
func BenchmarkLoad(b *testing.B) {
	fsys := imageFS(b).IOFS()
	Load(fsys, "/etc/xinetd.conf")
	b.ReportAllocs()
	for b.Loop() {
		if len(Load(fsys, "/etc/xinetd.conf").Services) == 0 {
			b.Fatal("no services")
		}
	}
}

// BenchmarkLoadParse is the same load without the cache.
func BenchmarkLoadParse(b *testing.B) {
	fsys := imageFS(b).IOFS()
	b.ReportAllocs()
	for b.Loop() {
		if len(load(fsys, "/etc/xinetd.conf").Services) == 0 {
			b.Fatal("no services")
		}
	}
}
