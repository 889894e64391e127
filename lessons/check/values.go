package check

import (
	"strconv"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Value is what an answer is compared with: literal text, or a value
// read off the machine when the check runs. Exactly one key is set.
//
//	{text: "4"}
//	{master_pid: sshd}           the PID of sshd's master process
//	{pid_of: in.telnetd}         the lowest PID of a process of that name
//	{ppid_of: in.telnetd}        its parent's PID
//	{runlevel: output}           what runlevel prints ("N 5"); or current, previous
//	{initdefault: true}          the default runlevel of /etc/inittab
//	{status_of: httpd}           the exit status of service httpd status
//	{rss_total: httpd}           the RSS (KiB) of all httpd processes, summed
//	{rss_of: xinetd}             the RSS (KiB) of xinetd's master process
//	{rc_order: {level: 3, kind: S, position: first}}  a service's name from rcN.d order
type Value struct {
	Text        *string  `yaml:"text"`
	MasterPID   Name     `yaml:"master_pid"`
	PIDOf       Name     `yaml:"pid_of"`
	PPIDOf      Name     `yaml:"ppid_of"`
	Runlevel    string   `yaml:"runlevel"`
	Initdefault bool     `yaml:"initdefault"`
	StatusOf    Name     `yaml:"status_of"`
	RSSTotal    Name     `yaml:"rss_total"`
	RSSOf       Name     `yaml:"rss_of"`
	RCOrder     *RCOrder `yaml:"rc_order"`
}

// RCOrder names the service of the first or last S (or K) entry of a
// runlevel's directory, in the order rc runs them (by name).
type RCOrder struct {
	Level    Levels `yaml:"level,required"`
	Kind     string `yaml:"kind,required"`     // S or K
	Position string `yaml:"position,required"` // first, last, or a number from 1
}

// ValidateStrict checks kind and position.
func (r *RCOrder) ValidateStrict(n *strict.Node) {
	if len(r.Level) != 1 {
		n.Value("level").Errorf("\"level\" should be one runlevel")
	}
	if r.Kind != "S" && r.Kind != "K" {
		n.Value("kind").Errorf("\"kind\" should be S (start) or K (kill), not %q", r.Kind)
	}
	if r.Position != "first" && r.Position != "last" {
		if i, err := strconv.Atoi(r.Position); err != nil || i < 1 {
			n.Value("position").Errorf("\"position\" should be first, last or a number from 1, not %q", r.Position)
		}
	}
}

// UnmarshalStrict requires exactly one key.
func (v *Value) UnmarshalStrict(n *strict.Node) error {
	if n.Kind() != "mapping" {
		n.Errorf("%s should be a mapping with one key saying what the answer is (for example {text: \"4\"} or {master_pid: sshd}), not %s", quoteName(n), n.Kind())
		return nil
	}
	keys := n.Keys()
	switch {
	case len(keys) == 0:
		n.Errorf("%s is empty: say what the answer is, for example {text: \"4\"}", quoteName(n))
		return nil
	case len(keys) > 1:
		n.Key(keys[1]).Errorf("%s has one key, but this one has %q and %q", quoteName(n), keys[0], keys[1])
		return nil
	}
	if !n.DecodeFields(v) {
		return nil
	}
	switch v.Runlevel {
	case "", "output", "current", "previous":
	default:
		n.Value("runlevel").Errorf("\"runlevel\" should be output, current or previous, not %q", v.Runlevel)
	}
	if _, ok := n.Scalar(); !ok && n.Value("initdefault") != nil && !v.Initdefault {
		n.Value("initdefault").Errorf("write \"initdefault: true\"")
	}
	return nil
}

// compute returns the value now, a description of it, and whether it
// could be computed.
func (v *Value) compute(m *sim.Machine, e *env) (string, Text, bool) {
	switch {
	case v.Text != nil:
		return *v.Text, T("the right answer", "정답"), true
	case v.MasterPID != "":
		d := Tf("the PID of the %s master process", "%s 마스터 프로세스의 PID", v.MasterPID)
		if p, ok := master(e, m, string(v.MasterPID)); ok {
			return strconv.Itoa(p.PID), d, true
		}
		return "", join(": ", d, Tf("%s does not run", "%s이(가) 실행 중이 아님", v.MasterPID)), false
	case v.PIDOf != "", v.PPIDOf != "":
		name, parent := v.PIDOf, false
		d := Tf("the PID of %s", "%s의 PID", name)
		if name == "" {
			name, parent = v.PPIDOf, true
			d = Tf("the parent PID of %s", "%s의 부모 PID(PPID)", name)
		}
		ps := named(e, m, string(name))
		if len(ps) == 0 {
			return "", join(": ", d, Tf("no process named %s runs", "%s 프로세스가 없음", name)), false
		}
		if parent {
			return strconv.Itoa(ps[0].PPID), d, true
		}
		return strconv.Itoa(ps[0].PID), d, true
	case v.Runlevel != "":
		prev, cur := m.Runlevel()
		switch v.Runlevel {
		case "current":
			return levelChar(cur), T("the current runlevel", "현재 런레벨"), true
		case "previous":
			return levelChar(prev), T("the previous runlevel", "이전 런레벨"), true
		}
		return levelChar(prev) + " " + levelChar(cur), T("what runlevel prints", "runlevel 명령의 출력"), true
	case v.Initdefault:
		d := T("the default runlevel in /etc/inittab", "/etc/inittab의 기본 런레벨")
		if l, ok := inittabDefault(m); ok {
			return l, d, true
		}
		return "", join(": ", d, T("none", "없음")), false
	case v.StatusOf != "":
		d := Tf("the exit status of service %s status", "service %s status의 종료 코드", v.StatusOf)
		st, _, why := e.serviceStatus(m, string(v.StatusOf))
		if why != nil {
			return "", join(": ", d, why), false
		}
		return strconv.Itoa(st), d, true
	case v.RSSTotal != "":
		d := Tf("the total RSS of the %s processes in KiB", "%s 프로세스 전체의 RSS 합계(KiB)", v.RSSTotal)
		ps := named(e, m, string(v.RSSTotal))
		if len(ps) == 0 {
			return "", join(": ", d, Tf("no process named %s runs", "%s 프로세스가 없음", v.RSSTotal)), false
		}
		sum := 0
		for _, p := range ps {
			sum += p.RSS
		}
		return strconv.Itoa(sum), d, true
	case v.RSSOf != "":
		d := Tf("the RSS of the %s master process in KiB", "%s 마스터 프로세스의 RSS(KiB)", v.RSSOf)
		if p, ok := master(e, m, string(v.RSSOf)); ok {
			return strconv.Itoa(p.RSS), d, true
		}
		return "", join(": ", d, Tf("%s does not run", "%s이(가) 실행 중이 아님", v.RSSOf)), false
	case v.RCOrder != nil:
		return v.RCOrder.compute(m)
	}
	return "", T("nothing", "없음"), false
}

func (r *RCOrder) compute(m *sim.Machine) (string, Text, bool) {
	level := int(r.Level[0] - '0')
	var d Text
	switch r.Position {
	case "first":
		d = Tf("the first %s entry of rc%d.d", "rc%[2]d.d의 첫 번째 %[1]s 항목", r.Kind, level)
	case "last":
		d = Tf("the last %s entry of rc%d.d", "rc%[2]d.d의 마지막 %[1]s 항목", r.Kind, level)
	default:
		d = Tf("%s entry number %s of rc%d.d", "rc%[3]d.d의 %[2]s번째 %[1]s 항목", r.Kind, r.Position, level)
	}
	d[Ko] = strings.TrimSpace(d[Ko])
	var names []string
	for _, en := range rcEntries(nil, m, level) {
		if en.name[0] == r.Kind[0] && linkLike(en.name) {
			names = append(names, en.name[3:])
		}
	}
	i := 0
	switch r.Position {
	case "first":
	case "last":
		i = len(names) - 1
	default:
		n, _ := strconv.Atoi(r.Position)
		i = n - 1
	}
	if i < 0 || i >= len(names) {
		return "", join(": ", d, T("no such entry", "그런 항목이 없음")), false
	}
	return names[i], d, true
}
