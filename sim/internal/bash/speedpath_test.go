package bash

import (
	"context"
	"fmt"
	"testing"
)

// TestSpeedPaths pins the behaviour of the shortcuts taken for speed:
// declarations kept in their parts, $1 and "$1" without the expander,
// and the environment cache across assignments that change nothing.
func TestSpeedPaths(t *testing.T) {
	t.Parallel()
	runTable(t, []scriptTest{
		{"declare parts", `declare x=1 y+=2; x+=3; declare -i n=1+2; echo $x $y $n`, "13 2 3\n", 0},
		{"declare append", `f() { local a=1; local a+=2; echo $a; }; f; export e=x; export e+=y; echo $e`, "12\nxy\n", 0},
		{"declare -p assignment", `x=1; declare -p x=2; echo $? $x`, "script: line 1: declare: x=2: not found\n1 1\n", 0},
		{"declare -f assignment", `f() { :; }; declare -f f=1; echo $?; export -f f=1; echo $?`, "1\nscript: line 1: export: f=1: not a function\n1\n", 0},
		{"declare index", `declare a[2]=x; echo ${a[2]}; declare a[1]+=y; echo $?`, "x\nscript: line 1: declare: `a[1]+=y': not a valid identifier\n1\n", 0},
		{"declare options after", `declare x=1 -r; echo $? $x; x=2; echo $x`, "script: line 1: declare: `-r': not a valid identifier\n1 1\n2\n", 0},
		{"readonly parts", `readonly r=1; r=2; echo $? $r`, "script: line 1: r: readonly variable\n", 1},
		{"local parts", `x=g; f() { local x=l y; echo $x; y=1; echo $y; }; f; echo $x $y`, "l\n1\ng\n", 0},
		{"positional", `f() { args $1 "$1" $2 "$2" $3 "$3" $9 "$9"; }; f "a b" "" c`, "<a><b><a b><><c><c><>\n", 0},
		{"positional glob", `cd /etc; f() { args $1 "$1"; }; f '*.conf'`, "<a.conf><b.conf><*.conf>\n", 0},
		{"positional case", `f() { case "$1" in a*) echo A;; *) echo other;; esac; x="$2"; echo "$x"; }; f abc def`, "A\ndef\n", 0},
		{"positional unset", `set -u; f() { echo "$2"; }; f a; echo after`, "script: line 1: $2: unbound variable\n", 1},
		{"export same value", `export XQ=1; env_x() { env | grep XQ=; }; XQ=1; env | grep XQ=; export XQ; env | grep XQ=; XQ=2; env | grep XQ=`, "XQ=1\nXQ=1\nXQ=2\n", 0},
		{"allexport", `xQ=1; set -a; xQ=1; env | grep xQ=; xQ=2; env | grep xQ=`, "xQ=1\nxQ=2\n", 0},
		{"declare +x", `export YQ=1; declare +x YQ; env | grep YQ=; echo $?; declare -x YQ; env | grep YQ=`, "1\nYQ=1\n", 0},
		{"temp env restored", `export PQ=1; env >/dev/null; PQ=2 env | grep PQ=; env | grep PQ=`, "PQ=2\nPQ=1\n", 0},
		{"temp env then export", `f() { export BQ=2; }; env >/dev/null; TQ=1 f; env | grep BQ=; env | grep TQ=`, "BQ=2\n", 1},
		{"temp env assigned", `f() { FQ=3; env | grep FQ=; }; export FQ=1; env >/dev/null; FQ=2 f; env | grep FQ=`, "FQ=3\nFQ=1\n", 0},
		{"temp env unset", `f() { unset GQ; }; export GQ=1; env >/dev/null; HQ=1 f; env | grep GQ=; echo $?`, "1\n", 0},
	})
}

// TestHookNames checks the merged table of BuiltinNames: the hook is
// asked about its names only, before the evaluator's builtin of the
// same name, and functions still come first.
func TestHookNames(t *testing.T) {
	t.Parallel()
	names := HookNames("greet", "echo")
	tests := []struct {
		src, want string
		status    int
	}{
		{"greet a", "hook greet\n", 0},
		{"echo a", "hook echo\n", 0},
		{"printf '%s\\n' a", "a\n", 0},
		{"true; echo $?", "hook echo\n", 0},
		{"greet() { printf 'func\\n'; }; greet", "func\n", 0},
		{"nosuch", "script: line 1: nosuch: command not found\n", 127},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			got, st := runScript(t, tt.src, nil, func(c *Config) {
				c.BuiltinNames = names
				c.Builtin = func(_ context.Context, c *Call) (int, bool) {
					if c.Args[0] == "printf" || c.Args[0] == "true" {
						t.Errorf("hook asked about %s", c.Args[0])
					}
					fmt.Fprintf(c.Stdout, "hook %s\n", c.Args[0])
					return 0, true
				}
			})
			if got != tt.want || st != tt.status {
				t.Errorf("run(%q) = %q, %d; want %q, %d", tt.src, got, st, tt.want, tt.status)
			}
		})
	}
}
