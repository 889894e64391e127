package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// rcEntry is one entry of /etc/rc.d/rcN.d.
type rcEntry struct {
	name   string
	target string // "" when not a link
}

func rcDir(level int) string { return fmt.Sprintf("/etc/rc.d/rc%d.d", level) }

// rcEntries lists rcN.d by name, as rc and chkconfig see it, with the
// targets of its links.
func rcEntries(e *env, m *sim.Machine, level int) []rcEntry {
	names := e.rcNames(m, level)
	out := make([]rcEntry, 0, len(names))
	for _, n := range names {
		out = append(out, rcEntry{name: n, target: rcTarget(m, level, n)})
	}
	return out
}

func rcTarget(m *sim.Machine, level int, name string) string {
	t, err := m.Readlink(rcDir(level) + "/" + name)
	if err != nil {
		return ""
	}
	return t
}

// linkLike reports whether an entry starts with [SK][0-9][0-9].
func linkLike(name string) bool {
	return len(name) >= 3 && (name[0] == 'S' || name[0] == 'K') &&
		name[1] >= '0' && name[1] <= '9' && name[2] >= '0' && name[2] <= '9'
}

// serviceLinks lists the entries of rcN.d that chkconfig counts for
// service: [SK][0-9][0-9]service exactly.
func serviceLinks(e *env, m *sim.Machine, service string, level int) []rcEntry {
	var out []rcEntry
	for _, n := range e.rcNames(m, level) {
		if linkLike(n) && n[3:] == service {
			out = append(out, rcEntry{name: n, target: rcTarget(m, level, n)})
		}
	}
	return out
}

// state is chkconfig's view of service in level: "on" when its first
// entry is an S link, "off" for K, "none" without any entry.
func state(e *env, m *sim.Machine, service string, level int) string {
	for _, n := range e.rcNames(m, level) {
		if linkLike(n) && n[3:] == service {
			if n[0] == 'S' {
				return "on"
			}
			return "off"
		}
	}
	return "none"
}

// chkconfigLine shows a service's state per level as chkconfig --list
// does ("none" where no entry exists).
func chkconfigLine(e *env, m *sim.Machine, service string) string {
	var b strings.Builder
	b.Grow(len(service) + 7*len(" 0:none"))
	b.WriteString(service)
	for l := 0; l <= 6; l++ {
		b.WriteByte(' ')
		b.WriteByte(byte('0' + l))
		b.WriteByte(':')
		b.WriteString(state(e, m, service, l))
	}
	return b.String()
}

func entryText(e rcEntry) string {
	if e.target == "" {
		return e.name
	}
	return e.name + " → " + e.target
}

func entriesText(es []rcEntry) string {
	if len(es) == 0 {
		return "-"
	}
	var parts []string
	for _, e := range es {
		parts = append(parts, entryText(e))
	}
	return strings.Join(parts, ", ")
}

// RCLinks checks the exact entries chkconfig counts for a service
// ([SK][0-9][0-9]name) in one or more runlevel directories, and
// optionally where they point. An empty links list means none.
//
//	rc_links: {service: httpd, levels: "3", links: [S85httpd], target: ../init.d/httpd}
type RCLinks struct {
	Service Name     `yaml:"service,required"`
	Levels  Levels   `yaml:"levels,required"`
	Links   []string `yaml:"links,required"`
	Target  string   `yaml:"target"`
}

// ValidateStrict checks the link names belong to the service.
func (r *RCLinks) ValidateStrict(n *strict.Node) {
	if r.Levels == "" {
		n.Value("levels").Errorf("\"levels\" names no runlevel")
	}
	for _, l := range r.Links {
		if !linkLike(l) || l[3:] != string(r.Service) {
			n.Value("links").Errorf("%q is not a link name of %s: those are S or K, two digits, then %s (like S85%s)", l, r.Service, r.Service, r.Service)
		}
	}
}

func (r *RCLinks) eval(m *sim.Machine, e *env) Outcome {
	want := "-"
	if len(r.Links) > 0 {
		want = strings.Join(r.Links, ", ")
		if r.Target != "" {
			want = ""
			for i, l := range r.Links {
				if i > 0 {
					want += ", "
				}
				want += l + " → " + r.Target
			}
		}
	}
	var exp, found []Text
	ok := true
	for _, level := range r.Levels.list() {
		if len(r.Links) == 0 {
			exp = append(exp, Tf("no entry for %s in rc%d.d", "rc%[2]d.d에 %[1]s 항목이 없을 것", r.Service, level))
		} else {
			exp = append(exp, Tf("rc%d.d entries for %s: %s", "rc%d.d의 %s 항목: %s", level, r.Service, want))
		}
		got := serviceLinks(e, m, string(r.Service), level)
		found = append(found, Tf("rc%d.d: %s", "rc%d.d: %s", level, entriesText(got)))
		var names []string
		for _, g := range got {
			names = append(names, g.name)
			if r.Target != "" && g.target != r.Target {
				ok = false
			}
		}
		if !slices.Equal(names, r.Links) && !(len(names) == 0 && len(r.Links) == 0) {
			ok = false
		}
	}
	return pass(ok, join("; ", exp...), join("; ", found...))
}

// RCState checks a service's state per runlevel as chkconfig computes it:
// on when the first [SK][0-9][0-9]name entry of rcN.d is an S link, off
// for a K link, none without any entry.
//
//	rc_state: {service: named, on: "35", off: "01246"}
type RCState struct {
	Service Name   `yaml:"service,required"`
	On      Levels `yaml:"on"`
	Off     Levels `yaml:"off"`
	// None lists levels where the service must have no entry at all.
	None Levels `yaml:"none"`
}

// ValidateStrict requires some levels, none of them twice.
func (r *RCState) ValidateStrict(n *strict.Node) {
	if r.On == "" && r.Off == "" && r.None == "" {
		n.Errorf("\"rc_state\" needs \"on\", \"off\" or \"none\" levels")
	}
	for l := 0; l <= 6; l++ {
		c := 0
		for _, s := range []Levels{r.On, r.Off, r.None} {
			if s.has(l) {
				c++
			}
		}
		if c > 1 {
			n.Errorf("runlevel %d is listed twice in \"rc_state\"", l)
		}
	}
}

func (r *RCState) eval(m *sim.Machine, e *env) Outcome {
	ok := true
	for _, c := range []struct {
		ls   Levels
		want string
	}{{r.On, "on"}, {r.Off, "off"}, {r.None, "none"}} {
		for _, l := range c.ls.list() {
			if state(e, m, string(r.Service), l) != c.want {
				ok = false
			}
		}
	}
	if e.passOnly {
		return Outcome{Pass: ok}
	}
	var exp []Text
	if r.On != "" {
		exp = append(exp, Tf("on in %s", "%s에서 on", r.On.spaced()))
	}
	if r.Off != "" {
		exp = append(exp, Tf("off in %s", "%s에서 off", r.Off.spaced()))
	}
	if r.None != "" {
		exp = append(exp, Tf("no entry in %s", "%s에 항목 없음", r.None.spaced()))
	}
	return pass(ok, prefix(Tf("%s ", "%s: ", r.Service), join(", ", exp...)),
		Tf("chkconfig sees %s", "chkconfig 기준 %s", chkconfigLine(e, m, string(r.Service))))
}

// RCUnchanged checks that a service's entries in some runlevels are the
// same as at the start of the lesson (or step): same names, same targets.
//
//	rc_unchanged: {service: httpd, levels: "012456"}
//	rc_unchanged: {service: "*", levels: "35"}      every service
type RCUnchanged struct {
	Service NameOrAll `yaml:"service,required"`
	Levels  Levels    `yaml:"levels"` // all levels when left out
	Since   Since     `yaml:"since"`
}

func (r *RCUnchanged) eval(m *sim.Machine, e *env) Outcome {
	levels := r.Levels
	if levels == "" {
		levels = "0123456"
	}
	since := e.ctx.sinceText(r.Since.String())
	who := r.Service.label()
	exp := Text{
		En: fmt.Sprintf("%s's entries in rc %s unchanged %s", who[En], levels.spaced(), since[En]),
		Ko: fmt.Sprintf("rc %s의 %s 항목이 %s 바뀌지 않았을 것", levels.spaced(), who[Ko], since[Ko]),
	}
	if r.Service == All {
		exp[En] = fmt.Sprintf("the entries of every service in rc %s unchanged %s", levels.spaced(), since[En])
	}
	base, why := e.ctx.baseline(r.Since.String())
	if base == nil {
		return pass(false, exp, why)
	}
	var changed []Text
	for _, l := range levels.list() {
		changed = append(changed, rcChanges(base, m, r.Service, l)...)
	}
	if len(changed) == 0 {
		return pass(true, exp, T("unchanged", "바뀌지 않음"))
	}
	return pass(false, exp, join("; ", changed...))
}

// ServiceStatus checks the exit status of service NAME status, run on a
// copy of the machine: 0 running, 1 dead but pid file exists, 2 dead but
// subsys locked, 3 stopped.
//
//	service_status: {service: httpd, status: 0}
type ServiceStatus struct {
	Service Name `yaml:"service,required"`
	Status  int  `yaml:"status,required"`
}

// statusMeaning is what init scripts' status codes mean.
func statusMeaning(st int) Text {
	switch st {
	case 0:
		return T("running", "실행 중")
	case 1:
		return T("dead but pid file exists", "죽었지만 pid 파일이 남아 있음")
	case 2:
		return T("dead but subsys locked", "죽었지만 락 파일이 남아 있음")
	case 3:
		return T("stopped", "중지됨")
	}
	return T("an error", "오류")
}

// serviceStatus runs service NAME status on a scratch copy of m. For a
// machine of the reboot cache, which never changes, the answer is
// remembered.
func (e *env) serviceStatus(m *sim.Machine, name string) (int, string, Text) {
	if r, ok := rebootMemo(m, name); ok {
		return r.status, r.out, r.why
	}
	st, out, why := e.runStatus(m, name)
	rememberStatus(m, name, statusResult{st, out, why})
	return st, out, why
}

func (e *env) runStatus(m *sim.Machine, name string) (int, string, Text) {
	if why := shellReady(m); why != nil {
		return 0, "", why
	}
	c, err := e.scratchCopy(m)
	if err != nil {
		return 0, "", Tf("the machine could not be copied (%v)", "머신을 복사할 수 없음 (%v)", err)
	}
	r, err := c.Apply(sim.Action{Kind: sim.Type, Line: "service " + name + " status"})
	if err != nil {
		return 0, "", Tf("the command failed (%v)", "명령 실패 (%v)", err)
	}
	out := strings.TrimSpace(strings.ReplaceAll(r.Output, "\r", ""))
	if i := strings.IndexByte(out, '\n'); i >= 0 {
		out = out[:i]
	}
	return r.Status, out, nil
}

func (s *ServiceStatus) eval(m *sim.Machine, e *env) Outcome {
	if e.passOnly {
		st, _, why := e.serviceStatus(m, string(s.Service))
		return Outcome{Pass: why == nil && st == s.Status}
	}
	exp := Tf("service %s status to exit with %d (%s)", "service %s status의 종료 코드가 %d일 것 (%s)", s.Service, s.Status, statusMeaning(s.Status)[En])
	exp[Ko] = fmt.Sprintf("service %s status의 종료 코드가 %d일 것 (%s)", s.Service, s.Status, statusMeaning(s.Status)[Ko])
	st, out, why := e.serviceStatus(m, string(s.Service))
	if why != nil {
		return pass(false, exp, why)
	}
	return pass(st == s.Status, exp, Tf("exit status %d: %q", "종료 코드 %d: %q", st, out))
}

// Lock checks the service's lock file /var/lock/subsys/NAME, which
// init scripts create on start and rc goes by.
//
//	lock: {service: httpd}
//	lock: {service: crond, exists: false}
type Lock struct {
	Service Name  `yaml:"service,required"`
	Exists  *bool `yaml:"exists"` // true when left out
}

func (l *Lock) eval(m *sim.Machine, e *env) Outcome {
	p := "/var/lock/subsys/" + string(l.Service)
	want := l.Exists == nil || *l.Exists
	_, err := m.Lstat(p)
	have := err == nil
	if e.passOnly {
		return Outcome{Pass: have == want}
	}
	exp := Tf("the lock file %s to exist", "락 파일 %s이(가) 있을 것", p)
	if !want {
		exp = Tf("no lock file %s", "락 파일 %s이(가) 없을 것", p)
	}
	found := Tf("%s exists", "%s 있음", p)
	if !have {
		found = Tf("%s does not exist", "%s 없음", p)
	}
	return pass(have == want, exp, found)
}

// Xinetd checks an xinetd service: enabled in its file under
// /etc/xinetd.d (as chkconfig NAME on leaves it), and loaded by the
// running xinetd (which happens only when xinetd starts or reloads).
//
//	xinetd: {service: telnet, enabled: true, loaded: true}
type Xinetd struct {
	Service Name  `yaml:"service,required"`
	Enabled *bool `yaml:"enabled"`
	Loaded  *bool `yaml:"loaded"`
}

// ValidateStrict requires enabled or loaded.
func (x *Xinetd) ValidateStrict(n *strict.Node) {
	if x.Enabled == nil && x.Loaded == nil {
		n.Errorf("\"xinetd\" needs \"enabled\", \"loaded\" or both")
	}
}

// xinetdEnabled reports whether the service's file enables it, and
// whether there is such a file.
func xinetdEnabled(e *env, m *sim.Machine, name string) (enabled, exists bool) {
	for _, s := range e.services(m) {
		if s.Xinetd && s.Name == name {
			return s.Enabled, true
		}
	}
	return false, false
}

func (x *Xinetd) eval(m *sim.Machine, e *env) Outcome {
	ok := true
	var en, exists bool
	if x.Enabled != nil {
		en, exists = xinetdEnabled(e, m, string(x.Service))
		ok = exists && en == *x.Enabled
	}
	var names []string
	var running bool
	if x.Loaded != nil {
		names, running = m.XinetdLoaded()
		ok = ok && slices.Contains(names, string(x.Service)) == *x.Loaded
	}
	if e.passOnly {
		return Outcome{Pass: ok}
	}
	var exp, found []Text
	if x.Enabled != nil {
		if *x.Enabled {
			exp = append(exp, Tf("%s enabled in /etc/xinetd.d/%s (disable = no)", "/etc/xinetd.d/%[2]s에서 %[1]s 사용 (disable = no)", x.Service, x.Service))
		} else {
			exp = append(exp, Tf("%s disabled in /etc/xinetd.d/%s (disable = yes)", "/etc/xinetd.d/%[2]s에서 %[1]s 사용 안 함 (disable = yes)", x.Service, x.Service))
		}
		switch {
		case !exists:
			found = append(found, Tf("no xinetd service %s in /etc/xinetd.d", "/etc/xinetd.d에 %s 서비스가 없음", x.Service))
		case en:
			found = append(found, T("enabled in its file", "파일에서 사용으로 설정됨"))
		default:
			found = append(found, T("disabled in its file", "파일에서 사용 안 함으로 설정됨"))
		}
	}
	if x.Loaded != nil {
		if *x.Loaded {
			exp = append(exp, Tf("the running xinetd serves %s", "실행 중인 xinetd가 %s 서비스를 제공할 것", x.Service))
		} else {
			exp = append(exp, Tf("the running xinetd does not serve %s", "실행 중인 xinetd가 %s 서비스를 제공하지 않을 것", x.Service))
		}
		switch {
		case !running:
			found = append(found, T("xinetd does not run", "xinetd가 실행 중이 아님"))
		case len(names) == 0:
			found = append(found, T("xinetd runs but serves nothing", "xinetd가 실행 중이지만 제공하는 서비스가 없음"))
		default:
			found = append(found, Tf("xinetd serves %s", "xinetd가 제공하는 서비스: %s", strings.Join(names, " ")))
		}
	}
	return pass(ok, join(", ", exp...), join(", ", found...))
}

func itoa(i int) string { return strconv.Itoa(i) }
