package bash

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

var errBudget = errors.New("budget spent")

// FuzzRun parses random input and runs it with a step budget: the
// evaluator must never panic and always stop.
func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"echo a b | cat", "for i in 1 2; do echo $i; done", "x=$((1+2)); echo ${x:-y}",
		"f() { f; }; f", "while :; do :; done", "case a in a) echo;; esac",
		"a=(1 2); echo ${a[@]:1} ${#a[*]}",
		"echo {1..5} ~ $'\\x41' \"$@\"", "[[ a == a* && -n x ]]; (( i++ ))",
		"exec 3>&1; echo >&3; read x <<< y; trap 'echo t' EXIT; set -eu",
		"eval 'echo $((1/0))'; . /nope", "select x in a; do break; done",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), "fuzz")
		if err != nil {
			return
		}
		fsys := newMemFS(map[string]string{"/etc/a": "x\n"})
		var steps atomic.Int64
		cfg := testConfig(fsys, io.Discard)
		cfg.Exec = func(ctx context.Context, c *Call) int {
			fmt.Fprintln(c.Stdout, strings.Join(c.Args, " "))
			return len(c.Args) % 3
		}
		cfg.Step = func(context.Context) error {
			if steps.Add(1) > 300 {
				return errBudget
			}
			return nil
		}
		r := New(cfg)
		if _, err := r.Run(context.Background(), file); err != nil && !errors.Is(err, errBudget) {
			t.Fatalf("Run(%q): %v", src, err)
		}
	})
}
