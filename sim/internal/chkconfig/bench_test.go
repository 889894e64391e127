package chkconfig

import (
	"strings"
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

// The image's rc links are what "chkconfig --add" makes from each
// script's header (its MANIFEST says so): --del then --add gives them back.
func TestImageLinks(t *testing.T) {
	t.Parallel()
	fsys := imageFS(t)
	services := ListSysV(fsys)
	if len(services) != 38 {
		t.Errorf("ListSysV(centos5) has %d services; want 38", len(services))
	}
	for _, s := range services {
		var before [7][]string
		for l := range before {
			before[l] = Links(fsys, s.Name, l)
		}
		if err := Del(fsys, s.Name); err != nil {
			t.Fatal(err)
		}
		if err := Add(fsys, s.Name); err != nil {
			t.Fatal(err)
		}
		for l := range before {
			if got := Links(fsys, s.Name, l); strings.Join(got, " ") != strings.Join(before[l], " ") {
				t.Errorf("%s level %d: links %q after --del/--add; image has %q", s.Name, l, got, before[l])
			}
		}
	}
}

// The benchmarks below take apart what "chkconfig --list" costs on the
// centos5 image (see cmds.BenchmarkListFullImage for the whole command).

func BenchmarkListSysV(b *testing.B) {
	fsys := imageFS(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(ListSysV(fsys)) == 0 {
			b.Fatal("no services")
		}
	}
}

func BenchmarkXinetd(b *testing.B) {
	fsys := imageFS(b)
	b.ReportAllocs()
	for b.Loop() {
		Xinetd(fsys)
	}
}

func BenchmarkReadRC(b *testing.B) {
	fsys := imageFS(b)
	b.ReportAllocs()
	for b.Loop() {
		var rc rcSnapshot
		rc.load(fsys)
	}
}

func BenchmarkReaddir(b *testing.B) {
	fsys := imageFS(b)
	b.ReportAllocs()
	for b.Loop() {
		readDirNames(fsys, "/etc/rc.d/rc3.d")
	}
}

func BenchmarkReadScripts(b *testing.B) {
	fsys := imageFS(b)
	names, _ := readDirNames(fsys, InitDir)
	buf := make([]byte, 0, 16384)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			readScriptBuf(fsys, InitDir+"/"+n, buf)
		}
	}
}

func BenchmarkParseHeaders(b *testing.B) {
	fsys := imageFS(b)
	names, _ := readDirNames(fsys, InitDir)
	var data [][]byte
	for _, n := range names {
		d, _, _ := readScript(fsys, InitDir+"/"+n)
		data = append(data, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range data {
			ParseHeader(d)
		}
	}
}
