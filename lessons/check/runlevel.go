package check

import (
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Runlevel checks the two values runlevel prints: the current and the
// previous runlevel. Either may be left out.
//
//	runlevel: {current: "3", previous: "5"}
type Runlevel struct {
	Current  Level `yaml:"current"`
	Previous Level `yaml:"previous"`
}

// ValidateStrict requires current or previous.
func (r *Runlevel) ValidateStrict(n *strict.Node) {
	if r.Current == "" && r.Previous == "" {
		n.Errorf("\"runlevel\" needs \"current\", \"previous\" or both")
	}
}

func levelChar(b byte) string {
	if b == 0 {
		return "-"
	}
	return string(b)
}

// resolve turns default and start into a runlevel character.
func (l Level) resolve(m *sim.Machine, e *env, current bool) (string, Text) {
	switch l {
	case "default":
		lv, ok := inittabDefault(m)
		if !ok {
			return "", T("no initdefault line in /etc/inittab", "/etc/inittab에 initdefault 줄이 없음")
		}
		return lv, nil
	case "start":
		base, why := e.ctx.baseline("lesson")
		if base == nil {
			return "", why
		}
		prev, cur := base.Runlevel()
		if current {
			return levelChar(cur), nil
		}
		return levelChar(prev), nil
	}
	return string(l), nil
}

func (r *Runlevel) eval(m *sim.Machine, e *env) Outcome {
	prev, cur := m.Runlevel()
	found := Tf("runlevel prints \"%s %s\"", "runlevel 출력: \"%s %s\"", levelChar(prev), levelChar(cur))
	if m.Down() != "" {
		found = T("the machine is off", "머신이 꺼져 있음")
	}
	ok := m.Down() == ""
	var exp []Text
	if r.Current != "" {
		want, why := r.Current.resolve(m, e, true)
		if why != nil {
			return pass(false, T("the current runlevel to be the default runlevel", "현재 런레벨이 기본 런레벨일 것"), why)
		}
		exp = append(exp, Tf("current runlevel %s", "현재 런레벨 %s", want))
		ok = ok && levelChar(cur) == want
	}
	if r.Previous != "" {
		want, why := r.Previous.resolve(m, e, false)
		if why != nil {
			return pass(false, T("the previous runlevel to be the default runlevel", "이전 런레벨이 기본 런레벨일 것"), why)
		}
		if want == "N" {
			exp = append(exp, T("no previous runlevel (N)", "이전 런레벨 없음 (N)"))
		} else {
			exp = append(exp, Tf("previous runlevel %s", "이전 런레벨 %s", want))
		}
		ok = ok && levelChar(prev) == want
	}
	return pass(ok, join(", ", exp...), found)
}

// inittabLine finds the first initdefault entry of /etc/inittab as
// sysvinit reads it: its line and its runlevel (the highest character of
// the runlevels field).
func inittabLine(m *sim.Machine) (line, level string, ok bool) {
	data, err := m.ReadFile("/etc/inittab")
	if err != nil {
		return "", "", false
	}
	for _, raw := range strings.Split(string(data), "\n") {
		l := strings.TrimLeft(raw, " \t")
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.SplitN(l, ":", 4)
		if len(f) < 4 || f[0] == "" || strings.ToLower(f[2]) != "initdefault" {
			continue
		}
		var best byte
		for i := 0; i < len(f[1]); i++ {
			c := f[1][i]
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			if c > best {
				best = c
			}
		}
		if best == 0 || !strings.ContainsRune("0123456789S", rune(best)) {
			return strings.TrimRight(raw, "\r"), "", false
		}
		return strings.TrimRight(raw, "\r"), string(best), true
	}
	return "", "", false
}

func inittabDefault(m *sim.Machine) (string, bool) {
	_, l, ok := inittabLine(m)
	return l, ok
}

// Initdefault checks the default runlevel written in /etc/inittab (the
// id:N:initdefault: line), whether or not init has read it yet.
//
//	initdefault: {level: "3"}
type Initdefault struct {
	Level Level `yaml:"level,required"`
}

// ValidateStrict rejects the words that only make sense for runlevel.
func (i *Initdefault) ValidateStrict(n *strict.Node) {
	if i.Level == "default" || i.Level == "start" || i.Level == "N" {
		n.Value("level").Errorf("\"level\" should be a runlevel (0 to 6 or S), not %q", i.Level)
	}
}

func (i *Initdefault) eval(m *sim.Machine, e *env) Outcome {
	exp := Tf("/etc/inittab to set the default runlevel %s (id:%s:initdefault:)", "/etc/inittab의 기본 런레벨이 %s일 것 (id:%s:initdefault:)", i.Level, i.Level)
	line, level, ok := inittabLine(m)
	switch {
	case line == "":
		if _, err := m.Stat("/etc/inittab"); err != nil {
			return pass(false, exp, T("/etc/inittab is missing", "/etc/inittab이 없음"))
		}
		return pass(false, exp, T("no initdefault line in /etc/inittab", "/etc/inittab에 initdefault 줄이 없음"))
	case !ok:
		return pass(false, exp, Tf("an invalid initdefault line: %q", "잘못된 initdefault 줄: %q", line))
	}
	return pass(level == string(i.Level), exp, Tf("the line %q", "%q 줄", line))
}

// InitLoaded checks the inittab init has loaded (at boot, or when told
// to re-read it with telinit q): its default runlevel.
//
//	init_loaded: {initdefault: "3"}
type InitLoaded struct {
	Initdefault Level `yaml:"initdefault,required"`
}

// ValidateStrict rejects the words that only make sense for runlevel.
func (i *InitLoaded) ValidateStrict(n *strict.Node) {
	if i.Initdefault == "default" || i.Initdefault == "start" || i.Initdefault == "N" {
		n.Value("initdefault").Errorf("\"initdefault\" should be a runlevel (0 to 6 or S), not %q", i.Initdefault)
	}
}

func (i *InitLoaded) eval(m *sim.Machine, e *env) Outcome {
	exp := Tf("init to have loaded an inittab whose default runlevel is %s (telinit q re-reads it)",
		"init이 읽어 들인 inittab의 기본 런레벨이 %s일 것 (telinit q로 다시 읽음)", i.Initdefault)
	level, ok := m.LoadedInitdefault()
	if !ok {
		return pass(false, exp, T("the inittab init has loaded has no valid initdefault", "init이 읽은 inittab에 올바른 initdefault가 없음"))
	}
	return pass(string(level) == string(i.Initdefault), exp,
		Tf("init has loaded default runlevel %c", "init이 읽은 기본 런레벨 %c", level))
}
