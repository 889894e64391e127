package sim_test

import (
	"encoding/json"
	"strings"
	"testing"

	"rclab/sim"
)

// TestPasswordRedacted checks that a password typed at login's prompt is
// marked in its result, that the action a record keeps holds what login
// made of it and never the password, and that replaying the kept actions
// on a fresh machine shows the same consoles byte for byte.
func TestPasswordRedacted(t *testing.T) {
	t.Parallel()
	typed := []sim.Action{
		{Kind: sim.Type, TTY: 2, Line: "alice"},
		{Kind: sim.Type, TTY: 2, Line: "hunter2"}, // wrong
		{Kind: sim.Type, TTY: 2, Line: "alice"},
		{Kind: sim.Type, TTY: 2, Line: "rclab"},
		{Kind: sim.Type, TTY: 2, Line: "id -un; echo $?"},
		{Kind: sim.Type, TTY: 3, Line: "bob"},
		{Kind: sim.Type, TTY: 3, Line: "rclab"},
		{Kind: sim.Type, Line: "who | awk '{print $1, $2}'"},
		{Kind: sim.Type, TTY: 4, Line: "carol"},
	}
	wantPassword := []string{"", sim.PasswordRejected, "", sim.PasswordAccepted, "", "", sim.PasswordAccepted, "", ""}
	live, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	var kept []sim.Action
	var outs []string
	for i, a := range typed {
		r := apply(t, live, a)
		if r.Password != wantPassword[i] {
			t.Errorf("action %d %q: Result.Password = %q; want %q", i+1, a.Line, r.Password, wantPassword[i])
		}
		k := a.Redacted(r)
		if r.Password != "" && (k.Line != "" || k.Password != r.Password || k.TTY != a.TTY || k.Kind != sim.Type) {
			t.Errorf("action %d: Redacted = %+v; want the tty and %q only", i+1, k, r.Password)
		}
		if r.Password == "" && !equalAction(k, a) {
			t.Errorf("action %d: Redacted changed an action that is no password: %+v", i+1, k)
		}
		kept = append(kept, k)
		outs = append(outs, r.Output)
	}
	data, err := json.Marshal(kept)
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"hunter2", `"rclab"`} {
		if strings.Contains(string(data), pw) {
			t.Errorf("the kept actions hold the password %s: %s", pw, data)
		}
	}
	var back []sim.Action
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	replay, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range back {
		r := apply(t, replay, a)
		if r.Output != outs[i] {
			t.Errorf("replayed action %d (%+v) shows %q; live it showed %q", i+1, a, r.Output, outs[i])
		}
		if r.Password != wantPassword[i] {
			t.Errorf("replayed action %d: Result.Password = %q; want %q", i+1, r.Password, wantPassword[i])
		}
	}
	for tty := 1; tty <= sim.TTYs; tty++ {
		if g, w := replay.PromptOn(tty), live.PromptOn(tty); g != w {
			t.Errorf("replayed tty%d prompt = %q; live %q", tty, g, w)
		}
	}
}

func equalAction(a, b sim.Action) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// TestPasswordRedactedGivesUp replays login's four failures: login exits
// and mingetty comes back, as it did live.
func TestPasswordRedactedGivesUp(t *testing.T) {
	t.Parallel()
	live, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	replay, err := live.Clone()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		for _, line := range []string{"root", "wrong"} {
			a := sim.Action{Kind: sim.Type, TTY: 5, Line: line}
			r := apply(t, live, a)
			k := a.Redacted(r)
			rr := apply(t, replay, k)
			if rr.Output != r.Output {
				t.Errorf("try %d %+v replayed shows %q; live %q", i+1, k, rr.Output, r.Output)
			}
		}
	}
	if got := replay.PromptOn(5); got != "lab1 login: " {
		t.Errorf("after four failures tty5 shows %q; want mingetty's prompt", got)
	}
}

// TestPasswordActionErrors checks the actions that cannot stand for a
// password.
func TestPasswordActionErrors(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	apply(t, m, sim.Action{Kind: sim.Type, TTY: 3, Line: "mallory"})
	apply(t, m, sim.Action{Kind: sim.Type, TTY: 4, Line: "bob"})
	tests := []struct {
		a    sim.Action
		want string
	}{
		{sim.Action{Kind: sim.Type, TTY: 2, Password: sim.PasswordAccepted}, "tty2 does not ask for a password (it waits for login)"},
		{sim.Action{Kind: sim.Type, Password: sim.PasswordAccepted}, "the console (tty1) asks for no password"},
		{sim.Action{Kind: sim.Type, TTY: 4, Password: "maybe"}, `not "maybe"`},
		{sim.Action{Kind: sim.Type, TTY: 4, Line: "rclab", Password: sim.PasswordAccepted}, "has no line"},
		{sim.Action{Kind: sim.Type, TTY: 3, Password: sim.PasswordAccepted}, "mallory, who has no account"},
	}
	for _, tc := range tests {
		_, err := m.Apply(tc.a)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Apply(%+v) = %v; want an error saying %q", tc.a, err, tc.want)
		}
	}
	// None of them changed anything: bob's login goes on.
	r := apply(t, m, sim.Action{Kind: sim.Type, TTY: 4, Password: sim.PasswordAccepted})
	if r.Password != sim.PasswordAccepted || m.PromptOn(4) != "[bob@lab1 ~]$ " {
		t.Errorf("bob's replayed login: %+v, prompt %q", r, m.PromptOn(4))
	}
}
