package cmds

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"mvdan.cc/sh/v3/shell"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// fakeScreen is a terminal that shows full-screen programs: it keeps the
// first request, as the machine's console does for a line.
type fakeScreen struct {
	mu  sync.Mutex
	req *kernel.Screen
}

func (f *fakeScreen) Write(p []byte) (int, error) { return len(p), nil }
func (f *fakeScreen) ScreenReady() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.req == nil
}

// OpenScreen keeps the first request and ends the program at once with
// the status it asked for.
func (f *fakeScreen) OpenScreen(s kernel.Screen) (int, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.req != nil {
		return 0, false
	}
	f.req = &s
	return s.Status, true
}

// screenRun runs line as typed at tty1, a terminal that can show
// full-screen programs when screens is set. uid is the user it runs as
// (a process in the table). It returns the outputs, the status and the
// screen opened.
type screenRun struct {
	screens bool
	uid     int
	stdin   string // piped into the program when not ""
	notTty  bool
}

func runAtScreen(t *testing.T, k *kernel.Kernel, line string, o screenRun) (stdout, stderr string, status int, scr *kernel.Screen) {
	t.Helper()
	argv, err := shell.Fields(line, nil)
	if err != nil {
		t.Fatalf("bad command line %q: %v", line, err)
	}
	dev := &fakeScreen{}
	if o.screens {
		k.AttachTTY("tty1", dev)
		defer k.AttachTTY("tty1", nil)
	}
	c, ok := Lookup(argv[0][strings.LastIndex(argv[0], "/")+1:])
	if !ok {
		t.Fatalf("no program %s", argv[0])
	}
	pid, err := k.Procs.Spawn(proc.Process{PPID: 1, UID: o.uid, GID: o.uid, TTY: "tty1", Comm: argv[0], Args: argv})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Procs.Exit(pid)
	var out, errb bytes.Buffer
	p := &Proc{
		Ctx: context.Background(), Args: argv, Dir: "/root", Environ: []string{"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "TERM=linux"},
		Stdout: &out, Stderr: &errb, Sys: k, Umask: 0o022, PID: pid, PPID: 1, TTY: "tty1",
		Tty: !o.notTty, StdinTty: o.stdin == "",
	}
	if o.stdin != "" {
		p.Stdin = strings.NewReader(o.stdin)
	}
	status = c.Main(p)
	return out.String(), errb.String(), status, dev.req
}

// screenFiles is a small tree for the pagers and editors.
func screenFiles() map[string]string {
	return map[string]string{
		"/etc/inittab":   "id:5:initdefault:\n\n\n\nsi::sysinit:/etc/rc.d/rc.sysinit\n",
		"/etc/issue":     "CentOS release 5.11 (Final)\n",
		"/root/notes":    "one\ntwo\n",
		"/root/ro":       "read only\n",
		"/root/dir/":     "",
		"/etc/passwd":    "root:x:0:0:root:/root:/bin/bash\nguest:x:500:500::/home/guest:/bin/bash\n",
		"/etc/group":     "root:x:0:\nguest:x:500:\n",
		"/etc/shadowish": "secret\n",
	}
}

func TestFullScreenPrograms(t *testing.T) {
	t.Parallel()
	type want struct {
		stdout, stderr string
		status         int
		screen         *kernel.Screen // nil: no screen opened
	}
	tests := []struct {
		name string
		in   string
		o    screenRun
		want want
	}{
		// pagers
		{name: "less opens a page per file", in: "less /etc/issue /root/notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "less", Args: []string{"less", "/etc/issue", "/root/notes"},
				Pages: []kernel.Page{{Name: "/etc/issue", Text: "CentOS release 5.11 (Final)\n"}, {Name: "/root/notes", Text: "one\ntwo\n"}}}}},
		{name: "less reports what it cannot open and pages the rest", in: "less nothere dir /root/notes", o: screenRun{screens: true},
			want: want{stderr: "nothere: No such file or directory\ndir is a directory\n", status: 1,
				screen: &kernel.Screen{Program: "less", Args: []string{"less", "nothere", "dir", "/root/notes"},
					Pages: []kernel.Page{{Name: "/root/notes", Text: "one\ntwo\n"}}, Status: 1}}},
		{name: "less with nothing to page opens nothing", in: "less nothere", o: screenRun{screens: true},
			want: want{stderr: "nothere: No such file or directory\n", status: 1}},
		{name: "less pages a pipe", in: "less", o: screenRun{screens: true, stdin: "piped\n"},
			want: want{screen: &kernel.Screen{Program: "less", Args: []string{"less"}, Pages: []kernel.Page{{Text: "piped\n"}}}}},
		{name: "less -is squeezes and ignores case", in: "less -is /etc/inittab", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "less", Args: []string{"less", "-is", "/etc/inittab"}, IgnoreCase: true,
				Pages: []kernel.Page{{Name: "/etc/inittab", Text: "id:5:initdefault:\n\nsi::sysinit:/etc/rc.d/rc.sysinit\n"}}}}},
		{name: "less into a file prints", in: "less /root/notes", o: screenRun{screens: true, notTty: true},
			want: want{stdout: "one\ntwo\n"}},
		{name: "less without screens prints", in: "less /root/notes", want: want{stdout: "one\ntwo\n"}},
		{name: "more joins files with headers", in: "more /etc/issue /root/notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "more", Args: []string{"more", "/etc/issue", "/root/notes"},
				Pages: []kernel.Page{
					{Name: "/etc/issue", Text: "::::::::::::::\n/etc/issue\n::::::::::::::\nCentOS release 5.11 (Final)\n"},
					{Name: "/root/notes", Text: "::::::::::::::\n/root/notes\n::::::::::::::\none\ntwo\n"}}}}},
		{name: "more without a file at a terminal", in: "more", o: screenRun{screens: true},
			want: want{stderr: "usage: more [-dflpcsu] [+linenum | +/pattern] name1 name2 ...\n", status: 1}},
		{name: "more without screens prints", in: "more /root/notes", want: want{stdout: "one\ntwo\n"}},
		{name: "man pages with less -is", in: "man ntsysv", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "man", Args: []string{"man", "ntsysv"}, IgnoreCase: true}}},
		{name: "man -w prints", in: "man -w ls", o: screenRun{screens: true}, want: want{stdout: "/usr/share/man/man1/ls.1.gz\n"}},
		// top
		{name: "top runs live", in: "top", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "top", Args: []string{"top"}, Delay: 3 * time.Second}}},
		{name: "top -d 1.5", in: "top -d 1.5", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "top", Args: []string{"top", "-d", "1.5"}, Delay: 1500 * time.Millisecond}}},
		{name: "top -d bad", in: "top -d x", o: screenRun{screens: true},
			want: want{stderr: "top: bad delay interval 'x'\nusage:\ttop" + topUsage, status: 1}},
		// editors
		{name: "vi opens the file", in: "vi +2 notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi", "+2", "notes"}, Path: "/root/notes", Data: "one\ntwo\n", Exists: true, Line: 2}}},
		{name: "vim + and +/", in: "vim + +/two notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vim", Args: []string{"vim", "+", "+/two", "notes"}, Path: "/root/notes", Data: "one\ntwo\n", Exists: true, Line: -1, Search: "two"}}},
		{name: "vi -R is read-only", in: "vi -R notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi", "-R", "notes"}, Path: "/root/notes", Data: "one\ntwo\n", Exists: true, ReadOnly: true}}},
		{name: "vi: no write bit is read-only even for root", in: "vi ro", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi", "ro"}, Path: "/root/ro", Data: "read only\n", Exists: true, ReadOnly: true}}},
		{name: "vi: another user's file", in: "vi /etc/shadowish", o: screenRun{screens: true, uid: 500},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi", "/etc/shadowish"}, Path: "/etc/shadowish", Exists: true, ReadOnly: true}}}, // unreadable too
		{name: "vi a new file", in: "vi new.txt", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi", "new.txt"}, Path: "/root/new.txt"}}},
		{name: "vi a directory", in: "vi dir", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi", "dir"}, Path: "/root/dir", Exists: true, IsDir: true}}},
		{name: "vi without a file", in: "vi", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "vi", Args: []string{"vi"}}}},
		{name: "vi without screens", in: "vi notes",
			want: want{stderr: "Vim: Warning: Output is not to a terminal\nVim: Error reading input, exiting...\nVim: Finished.\n", status: 1}},
		{name: "vi with a pipe for input", in: "vi notes", o: screenRun{screens: true, stdin: "x"},
			want: want{stderr: "Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\n" +
				"Vim: Error reading input, exiting...\nVim: Finished.\n", status: 1}},
		{name: "nano +LINE,COL", in: "nano +2,3 notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "nano", Args: []string{"nano", "+2,3", "notes"}, Path: "/root/notes", Data: "one\ntwo\n", Exists: true, Line: 2}}},
		{name: "nano opens a file without write bits for writing", in: "nano ro", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "nano", Args: []string{"nano", "ro"}, Path: "/root/ro", Data: "read only\n", Exists: true}}},
		{name: "nano -v", in: "nano -v notes", o: screenRun{screens: true},
			want: want{screen: &kernel.Screen{Program: "nano", Args: []string{"nano", "-v", "notes"}, Path: "/root/notes", Data: "one\ntwo\n", Exists: true, ReadOnly: true}}},
		{name: "nano without screens", in: "nano notes", want: want{stderr: "Received SIGHUP or SIGTERM\n", status: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := testKernel(t, screenFiles())
			k.FS.Chmod("/root/ro", 0o444)
			k.FS.Chmod("/etc/shadowish", 0o600)
			out, errOut, st, scr := runAtScreen(t, k, tt.in, tt.o)
			if out != tt.want.stdout || errOut != tt.want.stderr || st != tt.want.status {
				t.Errorf("%s = %q, %q, %d; want %q, %q, %d", tt.in, out, errOut, st, tt.want.stdout, tt.want.stderr, tt.want.status)
			}
			if scr != nil && scr.Dir != "/root" {
				t.Errorf("%s: screen's Dir = %q; want the program's directory /root", tt.in, scr.Dir)
			}
			opts := []cmp.Option{cmpopts.EquateEmpty(), cmpopts.IgnoreFields(kernel.Screen{}, "PID", "Dir")}
			if tt.want.screen != nil && (tt.want.screen.Program == "man") {
				opts = append(opts, cmpopts.IgnoreFields(kernel.Screen{}, "Pages"))
			}
			if diff := cmp.Diff(tt.want.screen, scr, opts...); diff != "" {
				t.Errorf("%s: screen differs (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestManScreenText(t *testing.T) {
	t.Parallel()
	k := testKernel(t, screenFiles())
	printed, _, _ := runCmd(t, k, "man ntsysv", "")
	_, _, _, scr := runAtScreen(t, k, "man ntsysv", screenRun{screens: true})
	if scr == nil || len(scr.Pages) != 1 {
		t.Fatalf("man ntsysv opened %+v; want one page", scr)
	}
	if got, want := scr.Pages[0].Text, squeezeBlank(printed); got != want {
		t.Errorf("man ntsysv pages %q; want what it prints, squeezed: %q", got, want)
	}
}

func TestOneScreenPerLine(t *testing.T) {
	t.Parallel()
	k := testKernel(t, screenFiles())
	dev := &fakeScreen{}
	k.AttachTTY("tty1", dev)
	if _, ok := dev.OpenScreen(kernel.Screen{Program: "vi"}); !ok {
		t.Fatal("the first screen was refused")
	}
	p := &Proc{Ctx: context.Background(), Args: []string{"less", "/root/notes"}, Dir: "/root", Sys: k, TTY: "tty1", Tty: true,
		StdinTty: true, Stdout: &bytes.Buffer{}, Stderr: io.Discard}
	if st := lessMain(p); st != 0 {
		t.Errorf("less after another screen = %d; want 0", st)
	}
	if got := p.Stdout.(*bytes.Buffer).String(); got != "one\ntwo\n" {
		t.Errorf("less after another screen printed %q; want the file, as cat does", got)
	}
	if dev.req.Program != "vi" {
		t.Errorf("the screen is %s's; want the first program's", dev.req.Program)
	}
}

func TestSaveFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		path     string
		uid      int
		umask    fs.FileMode
		want     error // an errno, or nil
		wantMode fs.FileMode
	}{
		{name: "new file gets 0666 minus umask", path: "/root/new", umask: 0o022, wantMode: 0o644},
		{name: "umask 077", path: "/root/new", umask: 0o077, wantMode: 0o600},
		{name: "existing file keeps its mode", path: "/root/script", umask: 0o077, wantMode: 0o750},
		{name: "root writes a file without write bits", path: "/root/ro", wantMode: 0o444},
		{name: "missing directory", path: "/nope/file", want: syscall.ENOENT},
		{name: "a directory", path: "/root/dir", want: syscall.EISDIR},
		{name: "under a file", path: "/root/notes/x", want: syscall.ENOTDIR},
		{name: "relative path", path: "notes", want: syscall.EINVAL},
		{name: "another user may not write root's file", path: "/root/notes", uid: 500, want: syscall.EACCES},
		{name: "nor create in root's directory", path: "/root/mine", uid: 500, want: syscall.EACCES},
		{name: "but in /tmp", path: "/tmp/mine", uid: 500, umask: 0o002, wantMode: 0o664},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := screenFiles()
			files["/root/script"] = "#!/bin/sh\n"
			files["/tmp/"] = ""
			k := testKernel(t, files)
			k.FS.Chmod("/root/script", 0o750)
			k.FS.Chmod("/root/ro", 0o444)
			k.FS.Chmod("/tmp", 0o1777)
			err := SaveFile(k, tt.path, []byte("saved\n"), tt.uid, tt.uid, tt.umask)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Errorf("SaveFile(%s) = %v; want %v", tt.path, err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("SaveFile(%s) = %v; want nil", tt.path, err)
			}
			fi, err := k.FS.Stat(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm() | fi.Mode()&fs.ModeSticky; got != tt.wantMode {
				t.Errorf("SaveFile(%s) mode = %o; want %o", tt.path, got, tt.wantMode)
			}
			if got, _ := readFile(k.FS, tt.path); string(got) != "saved\n" {
				t.Errorf("SaveFile(%s) wrote %q; want %q", tt.path, got, "saved\n")
			}
			if st := foSys(fi); st.Uid != tt.uid && tt.path != "/root/script" && tt.path != "/root/ro" {
				t.Errorf("SaveFile(%s) owner = %d; want %d", tt.path, st.Uid, tt.uid)
			}
		})
	}
}
