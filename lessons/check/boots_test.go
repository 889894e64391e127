package check

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"rclab/sim"
)

// TestBootHistory records sessions of actions in a Journal and checks
// boot_history on the result.
func TestBootHistory(t *testing.T) {
	t.Parallel()
	base := newMachine(t)
	single := sim.Action{Kind: sim.PowerOn, Args: []string{"single"}}
	plain := sim.Action{Kind: sim.PowerOn}
	typed := func(l string) sim.Action { return sim.Action{Kind: sim.Type, Line: l} }
	tests := []struct {
		name    string
		actions []sim.Action
		want    []Boot
		single  bool
	}{
		{"none", []sim.Action{typed("runlevel")}, nil, false},
		{"reboot", []sim.Action{typed("reboot")}, []Boot{{Args: "", Level: "5"}}, false},
		{"single", []sim.Action{typed("poweroff"), single, typed("exit")}, []Boot{{Args: "single", Level: "S"}}, true},
		{"init 1 is no boot", []sim.Action{typed("init 1")}, nil, false},
		{"two", []sim.Action{typed("poweroff"), plain, typed("poweroff"), {Kind: sim.PowerOn, Args: []string{"1"}}},
			[]Boot{{Level: "5"}, {Args: "1", Level: "1"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := base.Clone()
			if err != nil {
				t.Fatal(err)
			}
			m.XinetdLoaded()
			j := &Journal{}
			for _, a := range tt.actions {
				r, err := m.Apply(a)
				if err != nil {
					t.Fatalf("Apply(%+v): %v", a, err)
				}
				j.Record(a, r)
			}
			if diff := cmp.Diff(tt.want, j.Boots); diff != "" {
				t.Errorf("Journal.Boots differs (-want +got):\n%s", diff)
			}
			ctx := &Ctx{Journal: j}
			if o := mustParse(t, `boot_history: {single: true}`).Eval(m, ctx); o.Pass != tt.single {
				t.Errorf("boot_history single = %v (%s); want %v", o.Pass, o.Explain(En), tt.single)
			}
			if o := mustParse(t, `boot_history: {min: 1}`).Eval(m, ctx); o.Pass != (len(tt.want) >= 1) {
				t.Errorf("boot_history min 1 = %v (%s); want %v", o.Pass, o.Explain(En), len(tt.want) >= 1)
			}
			if c := j.Clone(); !cmp.Equal(c.Boots, j.Boots) {
				t.Errorf("Journal.Clone lost the boots: %v", c.Boots)
			}
		})
	}
}

// TestRebootedDenied: a machine whose user may not run reboot is still
// rebooted for after_reboot checks.
func TestRebootedDenied(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false), sim.WithDenied("reboot", "shutdown"))
	if err != nil {
		t.Fatal(err)
	}
	m.XinetdLoaded()
	if r, _ := m.Apply(sim.Action{Kind: sim.Type, Line: "chkconfig --level 5 httpd on"}); r.Status != 0 {
		t.Fatalf("chkconfig: %s", r.Output)
	}
	if r, _ := m.Apply(sim.Action{Kind: sim.Type, Line: "reboot"}); r.Status != 126 {
		t.Fatalf("reboot on a machine that denies it: status %d; want 126", r.Status)
	}
	o := mustParse(t, `after_reboot: {process: {name: httpd, role: daemon}}`).Eval(m, nil)
	if !o.Pass {
		t.Errorf("after_reboot with reboot denied = %s; want pass", o.Explain(En))
	}
}

// TestEvaluator: an Evaluator gives the same outcomes as Check.Eval and
// shares its rebooted copy.
func TestEvaluator(t *testing.T) {
	t.Parallel()
	m := newMachine(t, "chkconfig --level 35 httpd on", "service httpd start")
	ev := NewEvaluator(nil)
	checks := []string{
		`process: {name: httpd, role: daemon}`,
		`service_status: {service: httpd, status: 0}`,
		`rc_state: {service: httpd, on: "35"}`,
	}
	for _, src := range checks {
		c := mustParse(t, src)
		if got, want := ev.Eval(c, m), c.Eval(m, nil); !cmp.Equal(got, want) {
			t.Errorf("Evaluator.Eval(%s) = %+v; want %+v", src, got, want)
		}
		ar := &Check{AfterReboot: c}
		if got, want := ev.AfterReboot(c, m), ar.Eval(m, nil); !cmp.Equal(got, want) {
			t.Errorf("Evaluator.AfterReboot(%s) = %+v; want %+v", src, got, want)
		}
	}
	if len(ev.e.rebooted) != 1 {
		t.Errorf("Evaluator made %d rebooted copies; want 1 shared", len(ev.e.rebooted))
	}
}
