package bash

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// imageFile reads a file of the centos5 image for the tests.
func imageFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../image/centos5/root" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func initFiles(t testing.TB) map[string]string {
	return map[string]string{
		"/etc/init.d/functions": imageFile(t, "/etc/rc.d/init.d/functions"),
		"/var/run/httpd.pid":    "123\n",
		"/proc/123/stat":        "",
		"/var/lock/subsys/":     "",
	}
}

func init() {
	fakePrograms["consoletype"] = func(c *Call, _ []string, _ *memFS) int {
		fmt.Fprintln(c.Stdout, "pty")
		return 0
	}
	fakePrograms["/sbin/consoletype"] = fakePrograms["consoletype"]
	fakePrograms["pidof"] = func(*Call, []string, *memFS) int { return 1 }
	fakePrograms["umask"] = func(*Call, []string, *memFS) int { return 0 }
	fakePrograms["/sbin/runlevel"] = func(c *Call, _ []string, _ *memFS) int {
		fmt.Fprintln(c.Stdout, "N 5")
		return 0
	}
}

var benchScripts = map[string]string{
	"true100": strings.Repeat("true\n", 100),
	"while1000": `i=0
while [ $i -lt 1000 ]; do
	i=$((i+1))
done
`,
	"functions": `. /etc/init.d/functions
i=0
while [ $i -lt 20 ]; do
	status httpd >/dev/null
	checkpid 123 456
	success >/dev/null
	i=$((i+1))
done
`,
}

// TestBenchScripts checks that the benchmarked scripts behave the same
// under both evaluators.
func TestBenchScripts(t *testing.T) {
	t.Parallel()
	for name, src := range benchScripts {
		want, wst := runInterp(t, src, initFiles(t))
		// interp has no umask builtin; the machine's shell supplies one.
		want = strings.ReplaceAll(want, "umask: unsupported builtin\n", "")
		got, gst := runScript(t, src, initFiles(t), nil)
		if got != want || gst != wst {
			t.Errorf("%s: run = %q, %d; interp gives %q, %d", name, got, gst, want, wst)
		}
	}
}

func benchOurs(b *testing.B, name string) {
	f := parseScript(b, benchScripts[name])
	fsys := newMemFS(initFiles(b))
	cfg := testConfig(fsys, io.Discard)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r := New(cfg)
		if st, err := r.Run(context.Background(), f); err != nil || st != 0 {
			b.Fatalf("status %d, %v", st, err)
		}
	}
}

func benchInterp(b *testing.B, name string) {
	f := parseScript(b, benchScripts[name])
	fsys := newMemFS(initFiles(b))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r := newInterp(b, fsys, io.Discard)
		err := r.Run(context.Background(), f)
		var es interp.ExitStatus
		if err != nil && !errors.As(err, &es) {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrue100(b *testing.B)         { benchOurs(b, "true100") }
func BenchmarkTrue100Interp(b *testing.B)   { benchInterp(b, "true100") }
func BenchmarkWhile1000(b *testing.B)       { benchOurs(b, "while1000") }
func BenchmarkWhile1000Interp(b *testing.B) { benchInterp(b, "while1000") }
func BenchmarkFunctions(b *testing.B)       { benchOurs(b, "functions") }
func BenchmarkFunctionsInterp(b *testing.B) { benchInterp(b, "functions") }

// BenchmarkSimpleCommand is one builtin command on a running shell.
func BenchmarkSimpleCommand(b *testing.B) {
	f := parseScript(b, "true")
	r := New(testConfig(newMemFS(nil), io.Discard))
	ctx := context.Background()
	st := f.Stmts[0]
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r.Run(ctx, st)
	}
}

func BenchmarkSimpleCommandInterp(b *testing.B) {
	f := parseScript(b, "true")
	r := newInterp(b, newMemFS(nil), io.Discard)
	ctx := context.Background()
	var node syntax.Node = f.Stmts[0]
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r.Run(ctx, node)
	}
}

// cachedParse is a Parse hook with a cache, as the machine's shell has.
func cachedParse() func(name, src string) (*syntax.File, error) {
	cache := map[string]*syntax.File{}
	return func(name, src string) (*syntax.File, error) {
		if f, ok := cache[name+"\x00"+src]; ok {
			return f, nil
		}
		f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
		if err == nil {
			cache[name+"\x00"+src] = f
		}
		return f, err
	}
}

// BenchmarkFunctionsCached is BenchmarkFunctions with sourced files
// parsed once, as the machine's shell does.
func BenchmarkFunctionsCached(b *testing.B) {
	f := parseScript(b, benchScripts["functions"])
	fsys := newMemFS(initFiles(b))
	cfg := testConfig(fsys, io.Discard)
	cfg.Parse = cachedParse()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r := New(cfg)
		if st, err := r.Run(context.Background(), f); err != nil || st != 0 {
			b.Fatalf("status %d, %v", st, err)
		}
	}
}

// BenchmarkNew is the cost of starting a shell.
func BenchmarkNew(b *testing.B) {
	cfg := testConfig(newMemFS(nil), io.Discard)
	cfg.Env = append(cfg.Env, "LANG=C", "TERM=linux", "SHLVL=1", "USER=root", "LOGNAME=root")
	b.ReportAllocs()
	for range b.N {
		New(cfg)
	}
}
