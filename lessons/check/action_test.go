package check

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

func TestActionDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want Action
		sim  sim.Action
		text string
	}{
		{"service httpd start", Action{Line: "service httpd start"}, sim.Action{Kind: sim.Type, Line: "service httpd start"}, "service httpd start"},
		{"{tty: 2, line: alice}", Action{TTY: 2, Line: "alice"}, sim.Action{Kind: sim.Type, TTY: 2, Line: "alice"}, "(tty2) alice"},
		{`{line: "", tty: 6}`, Action{TTY: 6}, sim.Action{Kind: sim.Type, TTY: 6}, "(tty6) "},
		{"{tty: 1, line: who}", Action{TTY: 1, Line: "who"}, sim.Action{Kind: sim.Type, TTY: 1, Line: "who"}, "who"},
		{"{poweron: single}", Action{PowerOn: true, Args: []string{"single"}}, sim.Action{Kind: sim.PowerOn, Args: []string{"single"}}, "(power on, kernel arguments: single)"},
		{"{wait: 16m}", Action{Wait: 16 * time.Minute}, sim.Action{Kind: sim.Wait, For: 16 * time.Minute}, "(wait 16m0s)"},
	}
	for _, tc := range tests {
		var got Action
		if err := strict.Decode("a.yaml", []byte(tc.src), &got); err != nil {
			t.Errorf("Decode(%s): %v", tc.src, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Decode(%s) (-want +got):\n%s", tc.src, diff)
		}
		if diff := cmp.Diff(tc.sim, got.SimAction()); diff != "" {
			t.Errorf("Decode(%s).SimAction() (-want +got):\n%s", tc.src, diff)
		}
		if s := got.String(); s != tc.text {
			t.Errorf("Decode(%s).String() = %q; want %q", tc.src, s, tc.text)
		}
	}
}

func TestActionDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		{"{tty: 2}", `a.yaml:1:2: a console action needs the line typed there: {tty: 2, line: alice}`},
		{"{line: alice}", `a.yaml:1:2: a line for another console says which: {tty: 2, line: "alice"}`},
		{"{tty: 7, line: alice}", `a.yaml:1:7: "tty" should be a console from 1 to 6, not 7`},
		{"{tty: 0, line: alice}", `a.yaml:1:7: "tty" should be a console from 1 to 6, not 0`},
		{"{tty: two, line: alice}", `a.yaml:1:7:`},
		{"{tty: 2, line: alice, wait: 3s}", `a.yaml:1:23: unknown key "wait"`},
		{"{tty: 2, line: \"a\\nb\"}", `a.yaml:1:16: a line is one line;`},
		{"{reboot: now}", `unknown key "reboot" (allowed: ctrlaltdel, poweron, wait)`},
	}
	for _, tc := range tests {
		var got Action
		err := strict.Decode("a.yaml", []byte(tc.src), &got)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Decode(%s) = %v; want an error with %q", tc.src, err, tc.want)
		}
	}
}

// FuzzActionDecode checks that whatever decodes is an action the machine
// takes: a console from 1 to 6, one line.
func FuzzActionDecode(f *testing.F) {
	for _, s := range []string{"- who", "- {tty: 2, line: alice}", "- {tty: 9, line: x}", "- {line: a, tty: 3}\n- {wait: 3s}",
		"- {poweron: single}", "- {ctrlaltdel: true}", "- {tty: 2}", `- {tty: 2, line: "a\nb"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var got []Action
		if strict.Decode("f.yaml", []byte(src), &got) != nil {
			return
		}
		for _, a := range got {
			sa := a.SimAction()
			if sa.TTY < 0 || sa.TTY > sim.TTYs || strings.Contains(sa.Line, "\n") {
				t.Errorf("Decode(%q) gave %+v", src, sa)
			}
		}
	})
}
