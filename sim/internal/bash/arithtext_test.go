package bash

import "testing"

// TestArithText: bash 3.2 expands the text of an arithmetic expression
// before it parses it, so values holding operators, empty values and
// expressions that only parse once expanded work as in bash, and errors
// quote the expanded text.
func TestArithText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src, want string
		status    int
	}{
		{`x="1+2"; echo $(($x*3))`, "7\n", 0},
		{`x="1+2"; echo $((x*3))`, "9\n", 0},
		{`op=+; echo $((4 $op 5))`, "9\n", 0},
		{`echo $((  ))`, "0\n", 0},
		{`echo $(( 1 + $nosuch )); echo after`, "script: line 1: 1+: syntax error: operand expected (error token is \"+\")\n", 1},
		{`echo one; echo $((1+)); echo two`, "one\nscript: line 1: 1+: syntax error: operand expected (error token is \"+\")\n", 1},
		{"echo one\necho $((1+))\necho two", "one\nscript: line 2: 1+: syntax error: operand expected (error token is \"+\")\ntwo\n", 0},
		{`echo $((1.5))`, "script: line 1: 1.5: syntax error: invalid arithmetic operator (error token is \".5\")\n", 1},
		{`((1+)); echo st=$?`, "script: line 1: ((: 1+: syntax error: operand expected (error token is \"+\")\nst=1\n", 0},
		{`n=3; echo $(($n-1)) $(( $(echo 2) * 4 ))`, "2 8\n", 0},
		{`a=(5 6); i=1; echo $(( a[$i] + 1 )) $((a[i]))`, "7 6\n", 0},
		{`s=0; for n in 1 2 3; do s=$((s + $n)); done; echo $s`, "6\n", 0},
		{`echo '$((1+))'`, "$((1+))\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			got, st := runScript(t, tt.src, nil, nil)
			if got != tt.want || st != tt.status {
				t.Errorf("%s = %q, %d; want %q, %d", tt.src, got, st, tt.want, tt.status)
			}
		})
	}
}

// TestQuoteBadArith: only arithmetic that does not parse is quoted.
func TestQuoteBadArith(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"echo $((1+))", `echo $(("1+"))`},
		{"echo $((1+2)) $((4 $op 5))", `echo $((1+2)) $(("4 $op 5"))`},
		{"((1+))", `(("1+"))`},
		{"echo '$((1+))'", "echo '$((1+))'"},
		{"echo $(( (1+2) * ))", `echo $((" (1+2) * "))`},
	}
	for _, tt := range tests {
		if got, _ := QuoteBadArith(tt.in); got != tt.want {
			t.Errorf("QuoteBadArith(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
