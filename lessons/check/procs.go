package check

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// procName is the name a process goes by: its command name, or the
// base name of its first argument (ps -C matches either).
func procMatches(p sim.Process, name string) bool {
	if p.Kernel {
		return false
	}
	if p.Comm == name {
		return true
	}
	if len(p.Args) > 0 {
		a := strings.TrimSuffix(firstField(p.Args[0]), ":")
		return path.Base(a) == name
	}
	return false
}

// firstField is the first of strings.Fields(s), or "" when s has none.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	return s
}

// named lists the processes called name, by PID.
func named(e *env, m *sim.Machine, name string) []sim.Process {
	var out []sim.Process
	for _, p := range e.processes(m) {
		if procMatches(p, name) {
			out = append(out, p)
		}
	}
	return out
}

// master finds the master process of daemon name: the process the
// machine knows as that daemon's master, else the first process of that
// name whose parent has another name.
func master(e *env, m *sim.Machine, name string) (sim.Process, bool) {
	ps := e.processes(m)
	for _, p := range ps {
		if p.Daemon == name {
			return p, true
		}
	}
	byPID := map[int]sim.Process{}
	for _, p := range ps {
		byPID[p.PID] = p
	}
	for _, p := range ps {
		if procMatches(p, name) {
			if parent, ok := byPID[p.PPID]; !ok || !procMatches(parent, name) {
				return p, true
			}
		}
	}
	return sim.Process{}, false
}

func pidList(ps []sim.Process) string {
	var parts []string
	for i, p := range ps {
		if i == 6 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, itoa(p.PID))
	}
	return strings.Join(parts, " ")
}

// Process checks the processes of a name (command name, or base name of
// the first argument, as ps -C matches): that one runs (the default),
// how many run, or none (count: 0).
//
//	process: {name: spinner, count: 0}
//	process: {name: httpd, min: 2, role: worker}
type Process struct {
	Name  Name `yaml:"name,required"`
	Count *int `yaml:"count"`
	Min   *int `yaml:"min"`
	Max   *int `yaml:"max"`
	// User is the owner's name.
	User Name `yaml:"user"`
	// Role: daemon (a standalone daemon's master), worker (its children),
	// on_demand (started by xinetd for one connection) or other.
	Role string `yaml:"role"`
	// Args is a pattern the arguments (joined by spaces) must match.
	Args *Pattern `yaml:"args"`
}

// ValidateStrict checks the role and the counts.
func (p *Process) ValidateStrict(n *strict.Node) {
	switch p.Role {
	case "", "daemon", "worker", "on_demand", "other":
	default:
		n.Value("role").Errorf("\"role\" should be daemon, worker, on_demand or other, not %q", p.Role)
	}
	if p.Count != nil && (p.Min != nil || p.Max != nil) {
		n.Key("count").Errorf("\"count\" cannot be combined with \"min\" or \"max\"")
	}
	for _, c := range []*int{p.Count, p.Min, p.Max} {
		if c != nil && *c < 0 {
			n.Errorf("process counts cannot be negative")
		}
	}
}

func roleOf(p sim.Process) string {
	switch {
	case p.Daemon != "":
		return "daemon"
	case p.Worker:
		return "worker"
	case p.OnDemand:
		return "on_demand"
	}
	return "other"
}

func (p *Process) eval(m *sim.Machine, e *env) Outcome {
	var ps []sim.Process
	for _, q := range named(e, m, string(p.Name)) {
		if p.User != "" && q.User != string(p.User) {
			continue
		}
		if p.Role != "" && roleOf(q) != p.Role {
			continue
		}
		if p.Args != nil && !p.Args.MatchString(strings.Join(q.Args, " ")) {
			continue
		}
		ps = append(ps, q)
	}
	n := len(ps)
	ok := p.countOK(n)
	if e.passOnly {
		return Outcome{Pass: ok}
	}
	var qual, qualKo []string
	if p.Role != "" {
		qual = append(qual, map[string]string{"daemon": "daemon master", "worker": "worker", "on_demand": "started by xinetd", "other": "not a daemon"}[p.Role])
		qualKo = append(qualKo, map[string]string{"daemon": "데몬 마스터", "worker": "작업자(worker)", "on_demand": "xinetd가 띄운 것", "other": "데몬 아님"}[p.Role])
	}
	if p.User != "" {
		qual = append(qual, "of user "+string(p.User))
		qualKo = append(qualKo, "사용자 "+string(p.User))
	}
	if p.Args != nil {
		qual = append(qual, "with arguments matching "+p.Args.String())
		qualKo = append(qualKo, "인자가 "+p.Args.String()+"에 맞음")
	}
	suffix, suffixKo := "", ""
	if len(qual) > 0 {
		suffix = " (" + strings.Join(qual, ", ") + ")"
		suffixKo = " (" + strings.Join(qualKo, ", ") + ")"
	}
	one := "process named " + string(p.Name) + suffix
	many := "processes named " + string(p.Name) + suffix
	ko := string(p.Name) + " 프로세스" + suffixKo
	var exp Text
	switch {
	case p.Count != nil && *p.Count == 0:
		exp = Text{En: "no " + one, Ko: ko + "가 없을 것"}
	case p.Count != nil:
		noun := many
		if *p.Count == 1 {
			noun = one
		}
		exp = Text{En: fmt.Sprintf("exactly %d %s", *p.Count, noun), Ko: fmt.Sprintf("%s가 정확히 %d개일 것", ko, *p.Count)}
	case p.Min == nil && p.Max == nil:
		exp = Text{En: "a " + one, Ko: ko + "가 실행 중일 것"}
	default:
		var en, kos []string
		if p.Min != nil {
			en = append(en, fmt.Sprintf("at least %d", *p.Min))
			kos = append(kos, fmt.Sprintf("%d개 이상", *p.Min))
		}
		if p.Max != nil {
			en = append(en, fmt.Sprintf("at most %d", *p.Max))
			kos = append(kos, fmt.Sprintf("%d개 이하", *p.Max))
		}
		exp = Text{En: strings.Join(en, " and ") + " " + many, Ko: ko + "가 " + strings.Join(kos, ", ") + "일 것"}
	}
	var found Text
	switch n {
	case 0:
		found = Tf("none runs", "실행 중인 것이 없음")
	case 1:
		found = Tf("one runs (PID %d)", "1개 실행 중 (PID %d)", ps[0].PID)
	default:
		found = Tf("%d run (PIDs %s)", "%d개 실행 중 (PID %s)", n, pidList(ps))
	}
	return pass(ok, exp, found)
}

// countOK reports whether n processes are what p asks for: none for
// count 0, exactly count, between min and max, or else at least one.
func (p *Process) countOK(n int) bool {
	switch {
	case p.Count != nil:
		return n == *p.Count
	case p.Min == nil && p.Max == nil:
		return n > 0
	}
	return (p.Min == nil || n >= *p.Min) && (p.Max == nil || n <= *p.Max)
}

// PIDUnchanged checks that a daemon's master process is the one that ran
// at the start of the lesson (or step): same PID, so it was reloaded or
// left alone, not restarted.
//
//	pid_unchanged: {daemon: httpd, since: lesson}
type PIDUnchanged struct {
	Daemon Name  `yaml:"daemon,required"`
	Since  Since `yaml:"since"`
}

func (p *PIDUnchanged) eval(m *sim.Machine, e *env) Outcome {
	since := e.ctx.sinceText(p.Since.String())
	base, why := e.ctx.baseline(p.Since.String())
	exp := Text{En: fmt.Sprintf("the %s master process to be the one that ran %s", p.Daemon, since[En]),
		Ko: fmt.Sprintf("%s 마스터 프로세스가 %s 그대로일 것 (PID 유지)", p.Daemon, since[Ko])}
	if base == nil {
		return pass(false, exp, why)
	}
	old, ok := master(e, base, string(p.Daemon))
	if !ok {
		return pass(false, exp, Tf("%s did not run then", "그때는 %s이(가) 실행 중이 아니었음", p.Daemon))
	}
	exp = Text{En: fmt.Sprintf("the %s master process to be the one that ran %s (PID %d)", p.Daemon, since[En], old.PID),
		Ko: fmt.Sprintf("%s 마스터 프로세스(PID %d)가 %s 그대로일 것", p.Daemon, old.PID, since[Ko])}
	cur, ok := master(e, m, string(p.Daemon))
	if !ok {
		return pass(false, exp, Tf("%s does not run", "%s이(가) 실행 중이 아님", p.Daemon))
	}
	if cur.PID != old.PID {
		return pass(false, exp, Tf("the master's PID is now %d", "마스터 PID가 이제 %d임", cur.PID))
	}
	return pass(true, exp, Tf("PID %d still runs", "PID %d가 그대로 실행 중", cur.PID))
}

// DaemonConfig checks the configuration a running standalone daemon has
// loaded (at start, or at its last reload): a line matching a pattern.
// Editing the file alone changes nothing until the daemon reloads.
//
//	daemon_config: {daemon: httpd, contains: '^ServerName lab1\.example\.com'}
type DaemonConfig struct {
	Daemon   Name    `yaml:"daemon,required"`
	Contains Pattern `yaml:"contains,required"`
}

func (d *DaemonConfig) eval(m *sim.Machine, e *env) Outcome {
	exp := Tf("the running %s to have loaded a configuration with a line matching %s",
		"실행 중인 %s이(가) %s에 맞는 줄이 있는 설정을 읽어 들였을 것", d.Daemon, d.Contains)
	info, ok := m.Daemon(string(d.Daemon))
	if !ok {
		return pass(false, exp, Tf("%s does not run", "%s이(가) 실행 중이 아님", d.Daemon))
	}
	if d.Contains.MatchString(info.Config) {
		return pass(true, exp, Tf("it has (configuration load number %d)", "읽어 들였음 (설정 %d번째 읽음)", info.Generation))
	}
	return pass(false, exp, Tf("the configuration it loaded (load number %d) has no such line", "읽어 들인 설정(%d번째 읽음)에 그런 줄이 없음", info.Generation))
}

// Listener checks the socket listening on a port: that one exists and,
// optionally, which program holds it.
//
//	listener: {port: 23, program: xinetd}
type Listener struct {
	Port    int    `yaml:"port,required"`
	Proto   string `yaml:"proto"` // tcp (the default) or udp
	Program Name   `yaml:"program"`
}

// ValidateStrict checks the port and protocol.
func (l *Listener) ValidateStrict(n *strict.Node) {
	if l.Port < 1 || l.Port > 65535 {
		n.Value("port").Errorf("\"port\" should be between 1 and 65535")
	}
	if l.Proto != "" && l.Proto != "tcp" && l.Proto != "udp" {
		n.Value("proto").Errorf("\"proto\" should be tcp or udp, not %q", l.Proto)
	}
}

func (l *Listener) eval(m *sim.Machine, e *env) Outcome {
	proto := l.Proto
	if proto == "" {
		proto = "tcp"
	}
	s, found := l.find(m, proto)
	ok := found && (l.Program == "" || s.Prog == string(l.Program))
	if e.passOnly {
		return Outcome{Pass: ok}
	}
	exp := Tf("a program listening on %s port %d", "%s 포트 %d에서 기다리는(LISTEN) 프로그램이 있을 것", proto, l.Port)
	if l.Program != "" {
		exp = Tf("%s listening on %s port %d", "%[1]s이(가) %[2]s 포트 %[3]d에서 기다릴 것", l.Program, proto, l.Port)
	}
	if !found {
		return pass(false, exp, Tf("nothing listens on %s port %d", "%s 포트 %d에서 기다리는 것이 없음", proto, l.Port))
	}
	return pass(ok, exp, Tf("%s (PID %d) listens there", "%s (PID %d)이(가) 기다리는 중", s.Prog, s.PID))
}

// find is the first socket listening on l's port with protocol proto.
func (l *Listener) find(m *sim.Machine, proto string) (sim.Listener, bool) {
	for _, s := range m.Listeners() {
		if s.Port == l.Port && s.Proto == proto {
			return s, true
		}
	}
	return sim.Listener{}, false
}
