package sim_test

import (
	"testing"

	"rclab/sim"
)

// TestConsoleBashFidelity types lines at the root console whose output
// a review compared with bash 3.2: exec of a missing program keeps the
// login, a broken script runs up to its bad line, PIPESTATUS, .* and a
// bad #! interpreter.
func TestConsoleBashFidelity(t *testing.T) {
	t.Parallel()
	m, err := sim.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"exec nosuch", "-bash: exec: nosuch: not found\n"},
		{"echo alive $?", "alive 127\n"},
		{"printf 'echo start\\nif true; then\\n  echo x\\nfi fi\\n' > /tmp/s1.sh; bash /tmp/s1.sh; echo st=$?",
			"start\n/tmp/s1.sh: line 4: syntax error near unexpected token `fi'\n/tmp/s1.sh: line 4: `fi fi'\nst=2\n"},
		{"fi", "-bash: syntax error near unexpected token `fi'\n"},
		{"false; echo ${PIPESTATUS[@]}", "1\n"},
		{"cd /tmp; mkdir d; cd d; : > .hid; echo .*", ". .. .hid\n"},
		{"printf '#!/bin/nosh\\necho hi\\n' > bi.sh; chmod +x bi.sh; ./bi.sh; echo $?",
			"-bash: ./bi.sh: /bin/nosh: bad interpreter: No such file or directory\n126\n"},
		{`x="1+2"; echo $(($x*3)) $((  ))`, "7 0\n"},
		{"echo $((1+))", "-bash: 1+: syntax error: operand expected (error token is \"+\")\n"},
	}
	for _, tt := range tests {
		r, err := m.Apply(sim.Action{Kind: sim.Type, Line: tt.in})
		if err != nil {
			t.Fatal(err)
		}
		if r.Output != tt.want {
			t.Errorf("%s printed %q; want %q", tt.in, r.Output, tt.want)
		}
	}
}
