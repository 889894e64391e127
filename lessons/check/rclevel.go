package check

import (
	"slices"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// RCLevel checks one runlevel as a whole, as chkconfig computes it: the
// SysV services on there are exactly the ones listed (every other SysV
// service is off or has no entry).
//
//	rc_level: {level: "4", on_exactly: [network, syslog, sshd, httpd, crond]}
type RCLevel struct {
	Level     Levels `yaml:"level,required"`
	OnExactly []Name `yaml:"on_exactly,required"`
}

// ValidateStrict requires one level and no name twice.
func (r *RCLevel) ValidateStrict(n *strict.Node) {
	if len(r.Level) != 1 {
		n.Value("level").Errorf("\"level\" should be one runlevel, like \"4\"")
	}
	seen := map[Name]bool{}
	for _, s := range r.OnExactly {
		if seen[s] {
			n.Value("on_exactly").Errorf("%s is listed twice", s)
		}
		seen[s] = true
	}
}

func (r *RCLevel) eval(m *sim.Machine, e *env) Outcome {
	level := int(r.Level[0] - '0')
	var want []string
	for _, s := range r.OnExactly {
		want = append(want, string(s))
	}
	slices.Sort(want)
	exp := Tf("in runlevel %d, exactly these services on: %s", "런레벨 %d에서 정확히 다음 서비스만 on: %s", level, strings.Join(want, " "))
	var on []string
	for _, s := range e.services(m) {
		if !s.Xinetd && s.On[level] {
			on = append(on, s.Name)
		}
	}
	slices.Sort(on)
	var extra, missing []string
	for _, s := range on {
		if !slices.Contains(want, s) {
			extra = append(extra, s)
		}
	}
	for _, s := range want {
		if !slices.Contains(on, s) {
			missing = append(missing, s)
		}
	}
	found := Tf("on in %d: %s", "%d에서 on: %s", level, orNone(on))
	if len(extra) > 0 {
		found = join("; ", found, Tf("not wanted: %s", "있으면 안 됨: %s", strings.Join(extra, " ")))
	}
	if len(missing) > 0 {
		found = join("; ", found, Tf("missing: %s", "빠짐: %s", strings.Join(missing, " ")))
	}
	return pass(len(extra) == 0 && len(missing) == 0, exp, found)
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "-"
	}
	return strings.Join(names, " ")
}
