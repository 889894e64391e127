package cmds

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/shell"

	"rclab/sim/internal/kernel"
	"rclab/vfs"
)

// testKernel builds a kernel over a fresh vfs holding files (path →
// content). A content starting with "->" makes a symlink to the rest; a
// path ending in "/" makes a directory. Parents are created 0755.
func testKernel(t testing.TB, files map[string]string) *kernel.Kernel {
	t.Helper()
	fsys := vfs.New()
	for name, content := range files {
		dir := name[:strings.LastIndex(strings.TrimSuffix(name, "/"), "/")+1]
		if dir != "" {
			if err := fsys.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
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
			f, err := fsys.OpenFile(name, 0x241, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(f, content)
			f.Close()
		}
	}
	return kernel.New(fsys, kernel.Info{Hostname: "lab1", Release: "CentOS release 5.11 (Final)", Kernel: "2.6.18-398.el5", Arch: "i686", Bash: "3.2.25(1)-release"}, kernel.Epoch, 1)
}

// runCmd runs one program of the table with argv from line (split like a
// shell, without globbing), in dir "/root" unless dir is set, with stdin.
// It returns stdout, stderr and the exit status. Programs started through
// Proc.Run are looked up in the table by base name.
func runCmd(t testing.TB, k *kernel.Kernel, line, stdin string) (stdout, stderr string, status int) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	var out, errb bytes.Buffer
	status = runArgv(k, argv, "/root", strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), status
}

func runArgv(k *kernel.Kernel, argv []string, dir string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, ok := Lookup(argv[0])
	if !ok {
		io.WriteString(stderr, "-bash: "+argv[0]+": command not found\n")
		return 127
	}
	p := &Proc{
		Ctx: context.Background(), Args: argv, Dir: dir,
		Environ: []string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "HOME=/root", "USER=root", "LANG=en_US.UTF-8", "TERM=linux"},
		Stdin:   stdin, Stdout: stdout, Stderr: stderr, Sys: k, Umask: fs.FileMode(0o022),
	}
	p.Run = func(a []string, in io.Reader, o, e io.Writer) int {
		if in == nil {
			in = p.Stdin
		}
		if o == nil {
			o = p.Stdout
		}
		if e == nil {
			e = p.Stderr
		}
		base := a[0][strings.LastIndex(a[0], "/")+1:]
		return runArgv(k, append([]string{base}, a[1:]...), p.Dir, in, o, e)
	}
	return c.Main(p)
}
