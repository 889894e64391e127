package cmds

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkListHttpd is "chkconfig --list httpd" on the centos5 image, a
// line every exam's grader runs.
func BenchmarkListHttpd(b *testing.B) {
	k := chkImageKernel(b)
	c, _ := Lookup("chkconfig")
	var out bytes.Buffer
	p := chkBenchProc(k, "chkconfig", "--list", "httpd")
	p.Stdout = &out
	const want = "httpd          \t0:off\t1:off\t2:off\t3:off\t4:off\t5:off\t6:off\n"
	if c.Main(p) != 0 || out.String() != want {
		b.Fatalf("chkconfig --list httpd = %q; want %q", out.String(), want)
	}
	p.Stdout = io.Discard
	b.ReportAllocs()
	for b.Loop() {
		if c.Main(p) != 0 {
			b.Fatal("chkconfig --list httpd failed")
		}
	}
}

// BenchmarkQueryHttpd is "chkconfig --level 3 httpd", the query scripts
// make.
func BenchmarkQueryHttpd(b *testing.B) {
	k := chkImageKernel(b)
	c, _ := Lookup("chkconfig")
	p := chkBenchProc(k, "chkconfig", "--level", "3", "sshd")
	if c.Main(p) != 0 {
		b.Fatal("chkconfig --level 3 sshd: sshd is off")
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Main(p)
	}
}
