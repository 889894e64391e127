package bash

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
)

// newInterp builds an mvdan.cc/sh interp runner with the same hooks as
// testConfig: the fake programs over fsys.
func newInterp(t testing.TB, fsys *memFS, out io.Writer) *interp.Runner {
	t.Helper()
	absIn := func(ctx context.Context, name string) string {
		if name == "" || path.IsAbs(name) {
			return path.Clean(name)
		}
		return path.Join(interp.HandlerCtx(ctx).Dir, name)
	}
	r, err := interp.New(
		interp.Env(expand.ListEnviron("PATH=/bin:/usr/bin", "HOME=/root", "TMPDIR=/nonexistent-rclab")),
		interp.StdIO(nil, out, out),
		interp.ExecHandlers(func(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
			return func(ctx context.Context, args []string) error {
				hc := interp.HandlerCtx(ctx)
				p, ok := fakePrograms[args[0]]
				if !ok {
					fmt.Fprintf(hc.Stderr, "%s: command not found\n", args[0])
					return interp.ExitStatus(127)
				}
				var env []string
				hc.Env.Each(func(name string, vr expand.Variable) bool {
					if vr.Exported && vr.IsSet() {
						env = append(env, name+"="+vr.String())
					}
					return true
				})
				var in io.Reader = hc.Stdin
				if f, ok := hc.Stdin.(*os.File); ok && f == nil {
					in = nil
				}
				st := p(&Call{Args: args, Stdin: in, Stdout: hc.Stdout, Stderr: hc.Stderr, Dir: hc.Dir}, env, fsys)
				if st != 0 {
					return interp.ExitStatus(uint8(st))
				}
				return nil
			}
		}),
		interp.OpenHandler(func(ctx context.Context, name string, flag int, perm os.FileMode) (io.ReadWriteCloser, error) {
			return fsys.open(ctx, absIn(ctx, name), flag, perm)
		}),
		interp.StatHandler(func(ctx context.Context, name string, follow bool) (fs.FileInfo, error) {
			return fsys.stat(ctx, absIn(ctx, name), follow)
		}),
		interp.ReadDirHandler2(func(ctx context.Context, name string) ([]fs.DirEntry, error) {
			return fsys.readDir(ctx, absIn(ctx, name))
		}),
		interp.AccessHandler(func(ctx context.Context, name string, mode interp.AccessMode) error {
			_, err := fsys.stat(ctx, absIn(ctx, name), true)
			return err
		}),
		func(r *interp.Runner) error { r.Dir = "/"; return nil },
	)
	if err != nil {
		t.Fatal(err)
	}
	r.Dir = "/"
	return r
}

// runInterp runs src under interp and returns its output and status.
func runInterp(t testing.TB, src string, files map[string]string) (string, int) {
	t.Helper()
	fsys := newMemFS(files)
	var out lockedBuffer
	r := newInterp(t, fsys, &out)
	err := r.Run(context.Background(), parseScript(t, src))
	st := 0
	var es interp.ExitStatus
	switch {
	case errors.As(err, &es):
		st = int(es)
	case err != nil:
		t.Fatalf("interp %q: %v", src, err)
	}
	return out.String(), st
}

var diffFiles = map[string]string{
	"/etc/a.conf": "one\ntwo\nthree\n",
	"/etc/b.conf": "b\n",
	"/etc/c.txt":  "c\n",
	"/tmp/lib":    "libvar=1\nlibf() { echo libf \"$@\"; }\n",
}

// TestDifferential runs scripts under the evaluator and under interp:
// where bash 3.2 and interp agree, the outputs must be equal. Where
// interp differs from bash 3.2, the evaluator follows bash and the case
// is listed in TestInterpDivergences instead.
func TestDifferential(t *testing.T) {
	t.Parallel()
	scripts := []string{
		"echo a b c",
		"x=1; y=$x$x; echo $y ${#y}",
		`set -- "a b" c; for i in "$@"; do echo "[$i]"; done; echo $#`,
		`x="  lead  trail  "; args $x; args "$x"`,
		"i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 3 ] && continue; echo $i; done",
		"for f in /etc/*.conf; do echo $f; done",
		"echo /etc/?.conf /etc/[ab].conf /etc/*.txt",
		"case hello in h*o) echo yes;; esac; case x in [a-z]) echo lower;; esac",
		"f() { local a=$1; shift; echo $a $#; }; f 1 2 3",
		"f() { return 7; }; f; echo $?",
		"a=(one two three); echo ${a[2]} ${#a[@]} ${a[@]:1}",
		"x=abcabc; echo ${x#*b} ${x##*b} ${x%b*} ${x%%b*} ${x/b/B} ${x//b/B}",
		"x=hello; echo ${x:1:3} ${x:2} ${#x}",
		"echo $((3+4*2)) $((10/3)) $((2**8)) $((0x10)) $((010)) $((1?2:3))",
		"x=5; ((x++)); ((x+=10)); echo $x",
		"echo $(echo a; echo b) \"$(echo c)\"",
		"cat /etc/b.conf /etc/c.txt",
		"cat < /etc/a.conf | head -2",
		"echo foo | tr o 0",
		"while read line; do echo \"<$line>\"; done < /etc/a.conf",
		"read a b <<< 'x y z'; echo $a/$b",
		"cat <<EOF\nline $HOME\nEOF",
		"cat <<'EOF'\nline $HOME\nEOF",
		"echo out > /tmp/o; echo more >> /tmp/o; cat /tmp/o",
		"{ echo 1; echo 2; } > /tmp/g; cat /tmp/g",
		"( cd /etc; pwd ); pwd",
		"true && false || echo or",
		"! true; echo $?",
		"x=$(false); echo $?",
		"echo ${unset:-default} ${unset-d2} ${set:=now} $set",
		"v=abc; echo ${v:+alt} ${none:+alt}.",
		". /tmp/lib; echo $libvar; libf a b",
		"eval 'echo evaled; x=2'; echo $x",
		"export E=1; env | grep E=1",
		"A=temp env | grep A=",
		"printf '%s|%5s|%-3d|\\n' a b 7",
		"echo -n no newline; echo",
		"[ -f /etc/a.conf ] && echo file; [ -d /etc ] && echo dir; [ -e /nope ] || echo none",
		"[ abc = abc ] && echo eq; [ 2 -gt 1 ] && echo gt",
		"[[ abc == a* ]] && echo glob; [[ -z '' ]] && echo empty",
		"set -e; false || echo survived",
		"trap 'echo exiting' EXIT; echo body",
		"echo a{1,2}b",
		"x=1; f() { x=2; }; f; echo $x",
		"f() { local x=3; g; }; g() { echo $x; }; x=1; f",
		"shift 0; set -- 1 2 3; shift 2; echo $1",
		"echo $((1 == 1)) $((2 < 1)) $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((1 << 4)) $((~0))",
		"case 'a b' in 'a b') echo quoted;; esac",
		"x=*; echo \"$x\"",
		"unset x; echo ${x-unset}; x=; echo ${x-empty}.${x:-null}",
		"for i in 1 2 3; do for j in a b; do [ $j = b ] && break; echo $i$j; done; done",
		"echo $(( $(echo 2) * 3 ))",
		"n=0; until [ $n -ge 3 ]; do n=$((n+1)); done; echo $n",
		"set -- a b c; echo $# $* ${@:2}",
		"a=1 b=2; echo $a$b",
		"echo 'single $x' \"double \\$x\"",
		"yes | head -3",
		"echo x | { read v; echo got $v; }",
		"x=abc; case $x in a*) echo A;& b*) echo B;; esac",
	}
	for _, src := range scripts {
		if strings.Contains(src, ";&") {
			continue // bash 3.2 has no ;& (see the divergences)
		}
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			want, wst := runInterp(t, src, diffFiles)
			got, gst := runScript(t, src, diffFiles, nil)
			if got != want || gst != wst {
				t.Errorf("run(%q) = %q, %d; interp gives %q, %d", src, got, gst, want, wst)
			}
		})
	}
}

// TestInterpDivergences lists scripts where interp differs from bash
// 3.2: the evaluator must give bash's answer (want), not interp's.
func TestInterpDivergences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src, want, why string
		status         int
	}{
		{"for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done", "1\n3\n", "interp v3.14 ignores continue nested in if", 0},
		{"x=a; echo ${x^^}", "script: line 1: ${x^^}: bad substitution\n", "bash 3.2 has no case modification", 1},
		{"declare -A m", "script: line 1: declare: -A: invalid option\ndeclare: usage: declare [-afFirtx] [-p] [name[=value] ...]\n", "bash 3.2 has no associative arrays", 2},
		{"echo -en 'a\\tb\\n'", "a\tb\n", "interp only parses separate echo flags", 0},
		{"x=1; x=2 &\necho $x", "1\n", "a background job is a subshell", 0},
		{"nosuch", "script: line 1: nosuch: command not found\n", "bash's message", 127},
		{"a=(1 2); declare -p a", "declare -a a='([0]=\"1\" [1]=\"2\")'\n", "bash 3.2 quotes arrays in declare -p", 0},
		{"f() { echo ${FUNCNAME[1]}; }; f", "main\n", "bash 3.2 ends FUNCNAME with main", 0},
		{"echo $((1/0))", "script: line 1: 1/0: division by 0 (error token is \"0\")\n", "bash's message", 1},
		{`IFS=,; x="a,,b,"; args $x`, "<a><><b>\n", "adjacent non-blank IFS characters delimit an empty field", 0},
		{`IFS=" :"; x=" a : b::c "; args $x`, "<a><b><><c>\n", "adjacent non-blank IFS characters delimit an empty field", 0},
		{"g() { echo $FUNCNAME; }; g", "g\n", "interp has no FUNCNAME", 0},
		{"set -u; echo $nope", "script: line 1: nope: unbound variable\n", "bash's message, and a script exits", 1},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			got, st := runScript(t, tt.src, diffFiles, nil)
			if got != tt.want || st != tt.status {
				t.Errorf("run(%q) = %q, %d; want %q, %d (%s)", tt.src, got, st, tt.want, tt.status, tt.why)
			}
		})
	}
}
