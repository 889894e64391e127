package bash

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"mvdan.cc/sh/v3/syntax"
)

// memFS is a tiny in-memory file system for the hooks of tests.
type memFS struct {
	mu    sync.Mutex
	files map[string]*memNode
}

type memNode struct {
	data []byte
	mode fs.FileMode
	link string
}

func newMemFS(files map[string]string) *memFS {
	m := &memFS{files: map[string]*memNode{"/": {mode: fs.ModeDir | 0o755}}}
	for name, content := range files {
		m.write(name, content, 0o644)
	}
	return m
}

func (m *memFS) write(name, content string, mode fs.FileMode) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mkdirs(path.Dir(name))
	if strings.HasSuffix(name, "/") {
		m.files[path.Clean(name)] = &memNode{mode: fs.ModeDir | 0o755}
		return
	}
	m.files[name] = &memNode{data: []byte(content), mode: mode}
}

func (m *memFS) mkdirs(dir string) {
	for d := dir; d != "/" && d != "."; d = path.Dir(d) {
		if _, ok := m.files[d]; !ok {
			m.files[d] = &memNode{mode: fs.ModeDir | 0o755}
		}
	}
}

type memInfo struct {
	name string
	n    *memNode
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return int64(len(i.n.data)) }
func (i memInfo) Mode() fs.FileMode  { return i.n.mode }
func (i memInfo) ModTime() time.Time { return time.Unix(0, 0) }
func (i memInfo) IsDir() bool        { return i.n.mode.IsDir() }
func (i memInfo) Sys() any           { return nil }

func (m *memFS) stat(_ context.Context, name string, follow bool) (fs.FileInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, ok := m.files[name]
	for k := 0; ok && follow && n.link != "" && k < 10; k++ {
		n, ok = m.files[n.link]
	}
	if !ok {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: syscall.ENOENT}
	}
	return memInfo{path.Base(name), n}, nil
}

func (m *memFS) readDir(_ context.Context, name string) ([]fs.DirEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []fs.DirEntry
	for p, n := range m.files {
		if p != "/" && path.Dir(p) == name {
			out = append(out, fs.FileInfoToDirEntry(memInfo{path.Base(p), n}))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

type memHandle struct {
	m    *memFS
	name string
	r    *bytes.Reader
}

func (h *memHandle) Read(p []byte) (int, error) { return h.r.Read(p) }
func (h *memHandle) Write(p []byte) (int, error) {
	h.m.mu.Lock()
	defer h.m.mu.Unlock()
	n := h.m.files[h.name]
	n.data = append(n.data, p...)
	return len(p), nil
}
func (h *memHandle) Close() error { return nil }

func (m *memFS) open(_ context.Context, name string, flag int, _ fs.FileMode) (io.ReadWriteCloser, error) {
	if name == "/dev/null" {
		return &nullRW{}, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n, ok := m.files[name]
	if !ok {
		if flag&syscall.O_CREAT == 0 {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.ENOENT}
		}
		if _, ok := m.files[path.Dir(name)]; !ok {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.ENOENT}
		}
		n = &memNode{mode: 0o644}
		m.files[name] = n
	}
	if n.mode.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EISDIR}
	}
	if flag&syscall.O_TRUNC != 0 {
		n.data = nil
	}
	return &memHandle{m: m, name: name, r: bytes.NewReader(append([]byte(nil), n.data...))}, nil
}

type nullRW struct{}

func (nullRW) Read([]byte) (int, error)    { return 0, io.EOF }
func (nullRW) Write(p []byte) (int, error) { return len(p), nil }
func (nullRW) Close() error                { return nil }

// fakeProgram is a program of the tests' machine; env is its
// environment and fsys the machine's files.
type fakeProgram func(c *Call, env []string, fsys *memFS) int

var fakePrograms = map[string]fakeProgram{
	"cat": func(c *Call, _ []string, fsys *memFS) int {
		if len(c.Args) == 1 {
			if c.Stdin != nil {
				io.Copy(c.Stdout, c.Stdin)
			}
			return 0
		}
		st := 0
		for _, a := range c.Args[1:] {
			f, err := fsys.open(context.Background(), path.Join(c.Dir, a), 0, 0)
			if err != nil {
				fmt.Fprintf(c.Stderr, "cat: %s: No such file or directory\n", a)
				st = 1
				continue
			}
			io.Copy(c.Stdout, f)
		}
		return st
	},
	"yes": func(c *Call, _ []string, _ *memFS) int {
		for {
			if _, err := io.WriteString(c.Stdout, "y\n"); err != nil {
				return 141
			}
		}
	},
	"head": func(c *Call, _ []string, _ *memFS) int {
		n := 10
		if len(c.Args) > 1 {
			a := strings.TrimPrefix(strings.TrimPrefix(c.Args[1], "-n"), "-")
			if len(c.Args) > 2 && c.Args[1] == "-n" {
				a = c.Args[2]
			}
			n, _ = strconv.Atoi(a)
		}
		if c.Stdin == nil {
			return 0
		}
		br := bufio.NewReader(c.Stdin)
		for i := 0; i < n; i++ {
			line, err := br.ReadString('\n')
			io.WriteString(c.Stdout, line)
			if err != nil {
				break
			}
		}
		return 0
	},
	"wc": func(c *Call, _ []string, _ *memFS) int {
		if c.Stdin == nil {
			fmt.Fprintln(c.Stdout, 0)
			return 0
		}
		b, _ := io.ReadAll(c.Stdin)
		fmt.Fprintln(c.Stdout, bytes.Count(b, []byte("\n")))
		return 0
	},
	"args": func(c *Call, _ []string, _ *memFS) int {
		for _, a := range c.Args[1:] {
			fmt.Fprintf(c.Stdout, "<%s>", a)
		}
		fmt.Fprintln(c.Stdout)
		return 0
	},
	"env": func(c *Call, env []string, _ *memFS) int {
		for _, kv := range env {
			fmt.Fprintln(c.Stdout, kv)
		}
		return 0
	},
	"fail": func(c *Call, _ []string, _ *memFS) int {
		n := 1
		if len(c.Args) > 1 {
			n, _ = strconv.Atoi(c.Args[1])
		}
		return n
	},
	"tr": func(c *Call, _ []string, _ *memFS) int {
		b, _ := io.ReadAll(c.Stdin)
		s := string(b)
		if len(c.Args) == 3 {
			s = strings.NewReplacer(c.Args[1], c.Args[2]).Replace(s)
		}
		io.WriteString(c.Stdout, s)
		return 0
	},
	"grep": func(c *Call, _ []string, _ *memFS) int {
		if c.Stdin == nil || len(c.Args) < 2 {
			return 2
		}
		q := c.Args[len(c.Args)-1]
		quiet := c.Args[1] == "-q"
		sc := bufio.NewScanner(c.Stdin)
		found := 1
		for sc.Scan() {
			if strings.Contains(sc.Text(), q) {
				found = 0
				if !quiet {
					fmt.Fprintln(c.Stdout, sc.Text())
				}
			}
		}
		return found
	},
	"bg": func(c *Call, _ []string, _ *memFS) int {
		fmt.Fprintf(c.Stdout, "bg=%v\n", c.Background)
		return 0
	},
	"pipeinfo": func(c *Call, _ []string, _ *memFS) int {
		if c.Pipe == nil {
			fmt.Fprintln(c.Stdout, "no pipe")
			return 0
		}
		fmt.Fprintf(c.Stderr, "member %d of %q\n", c.Member, c.Pipe.Members)
		return 0
	},
}

// testConfig builds a Config over fsys with the fake programs.
func testConfig(fsys *memFS, out io.Writer) Config {
	return Config{
		Name:   "script",
		Dir:    "/",
		Env:    []string{"PATH=/bin:/usr/bin", "HOME=/root"},
		Stdout: out,
		Stderr: out,
		PID:    100,
		PPID:   1,
		Exec: func(ctx context.Context, c *Call) int {
			if p, ok := fakePrograms[c.Args[0]]; ok {
				return p(c, c.Environ(), fsys)
			}
			fmt.Fprintf(c.Stderr, "%s%s: command not found\n", c.Prefix(), c.Args[0])
			return 127
		},
		Open:    fsys.open,
		Stat:    fsys.stat,
		ReadDir: fsys.readDir,
		HomeDir: func(u string) (string, bool) {
			if u == "alice" {
				return "/home/alice", true
			}
			return "", false
		},
	}
}

// lockedBuffer is a buffer safe for the writes of concurrent pipeline
// members.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func parseScript(t testing.TB, src string) *syntax.File {
	t.Helper()
	f, err := Parse(src, "script")
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	return f
}

// runScript runs src as a script over files; it returns the output
// (standard output and error together) and the status.
func runScript(t testing.TB, src string, files map[string]string, mod func(*Config)) (string, int) {
	t.Helper()
	fsys := newMemFS(files)
	var out lockedBuffer
	cfg := testConfig(fsys, &out)
	if mod != nil {
		mod(&cfg)
	}
	r := New(cfg)
	st, err := r.Run(context.Background(), parseScript(t, src))
	if err != nil {
		t.Fatalf("Run(%q): %v", src, err)
	}
	return out.String(), st
}
