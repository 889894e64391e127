package check

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"rclab/sim"
)

// Explanation says why a service is or is not running now and whether it
// will start at the next boot, with the facts that decide it: runlevels,
// rc links and their targets, exec bits, lock and pid files, xinetd's
// state. It is what the explain program prints inside the sandbox.
type Explanation struct {
	Service string
	// Kind is "sysv" (an init script), "xinetd" (an xinetd service) or
	// "unknown".
	Kind string
	// Running says whether the service runs now (for an xinetd service:
	// whether the running xinetd serves it).
	Running bool
	// AtBoot says whether it will run after the next boot, as a test
	// boot of a copy of the machine showed.
	AtBoot bool
	// Facts are the findings, in the order they were checked.
	Facts []Text
	// Now and Boot are the conclusions.
	Now, Boot Text
}

// Format lays the explanation out for a terminal in language l.
func (x Explanation) Format(l Lang) string {
	var b strings.Builder
	b.WriteString(x.Now.In(l) + "\n")
	b.WriteString(x.Boot.In(l) + "\n")
	if len(x.Facts) > 0 {
		if l == Ko {
			b.WriteString("\n확인한 내용:\n")
		} else {
			b.WriteString("\nWhat was checked:\n")
		}
		for _, f := range x.Facts {
			b.WriteString("  - " + f.In(l) + "\n")
		}
	}
	return b.String()
}

var headerRE = regexp.MustCompile(`(?m)^#\s*chkconfig:\s*(\S+)\s+(\d+)\s+(\d+)\s*$`)

// Explain analyses service name on m (m is not changed; a copy of it is
// booted to confirm what the next boot does).
func Explain(m *sim.Machine, name string) Explanation {
	x := Explanation{Service: name, Kind: "unknown"}
	e := &env{}
	prev, cur := m.Runlevel()
	def, defOK := inittabDefault(m)
	rl := Tf("Runlevel now: %s (previous %s); default runlevel in /etc/inittab: %s.",
		"현재 런레벨: %s (이전 %s), /etc/inittab의 기본 런레벨: %s.", levelChar(cur), levelChar(prev), def)
	if !defOK {
		rl = Tf("Runlevel now: %s (previous %s); /etc/inittab has no valid initdefault line, so init will ask for a runlevel at boot.",
			"현재 런레벨: %s (이전 %s), /etc/inittab에 올바른 initdefault 줄이 없어 부팅 때 init이 런레벨을 물어봄.", levelChar(cur), levelChar(prev))
	}
	x.Facts = append(x.Facts, rl)

	script := "/etc/rc.d/init.d/" + name
	_, scriptErr := m.Stat(script)
	xinetdFile := "/etc/xinetd.d/" + name
	_, xinetdErr := m.Stat(xinetdFile)
	switch {
	case scriptErr == nil:
		x.Kind = "sysv"
		explainSysV(m, e, name, def, defOK, &x)
	case xinetdErr == nil:
		x.Kind = "xinetd"
		explainXinetd(m, e, name, def, defOK, &x)
	default:
		x.Now = Tf("%s is not a service of this machine: there is no init script %s and no xinetd file %s.",
			"%s은(는) 이 머신의 서비스가 아님: init 스크립트 %s도, xinetd 파일 %s도 없음.", name, script, xinetdFile)
		x.Boot = T("Nothing will start it at boot.", "부팅 때 이것을 시작하는 것은 없음.")
		if ps := named(e, m, name); len(ps) > 0 {
			x.Running = true
			x.Facts = append(x.Facts, Tf("A process named %s runs (PID %s), started by hand.", "%s 프로세스가 실행 중 (PID %s): 손으로 시작한 것.", name, pidList(ps)))
		}
	}
	return x
}

func explainSysV(m *sim.Machine, e *env, name, def string, defOK bool, x *Explanation) {
	script := "/etc/rc.d/init.d/" + name
	fi, _ := m.Stat(script)
	data, _ := m.ReadFile(script)
	exec := fi.Mode().Perm()&0o111 != 0
	if exec {
		x.Facts = append(x.Facts, Tf("Init script %s exists, mode %04o (executable).", "init 스크립트 %s 있음, 권한 %04o (실행 가능).", script, unixPerm(fi.Mode())))
	} else {
		x.Facts = append(x.Facts, Tf("Init script %s exists but is not executable (mode %04o): service and rc skip it.",
			"init 스크립트 %s이(가) 있지만 실행 권한이 없음 (권한 %04o): service와 rc가 건너뜀.", script, unixPerm(fi.Mode())))
	}
	if h := headerRE.FindStringSubmatch(string(data)); h != nil {
		x.Facts = append(x.Facts, Tf("Its header: chkconfig levels %s, start priority %s, stop priority %s.",
			"헤더: chkconfig 런레벨 %s, 시작 우선순위 %s, 종료 우선순위 %s.", h[1], h[2], h[3]))
	} else {
		x.Facts = append(x.Facts, T("It has no \"# chkconfig:\" header, so chkconfig cannot manage it.",
			"\"# chkconfig:\" 헤더가 없어 chkconfig로 관리할 수 없음."))
	}
	x.Facts = append(x.Facts, Tf("chkconfig state: %s.", "chkconfig 상태: %s.", chkconfigLine(e, m, name)))

	// Now.
	st, out, why := e.serviceStatus(m, name)
	lock := "/var/lock/subsys/" + name
	_, lockErr := m.Lstat(lock)
	if lockErr == nil {
		x.Facts = append(x.Facts, Tf("Lock file %s exists (rc treats the service as running).", "락 파일 %s 있음 (rc는 서비스가 실행 중이라고 봄).", lock))
	} else {
		x.Facts = append(x.Facts, Tf("No lock file %s (rc treats the service as stopped).", "락 파일 %s 없음 (rc는 서비스가 중지됐다고 봄).", lock))
	}
	pidfile := "/var/run/" + name + ".pid"
	if pd, err := m.ReadFile(pidfile); err == nil {
		pid, _ := strconv.Atoi(strings.TrimSpace(string(pd)))
		alive := false
		for _, p := range m.Processes() {
			if p.PID == pid {
				alive = true
			}
		}
		if alive {
			x.Facts = append(x.Facts, Tf("PID file %s names PID %d, which runs.", "PID 파일 %s의 PID %d 실행 중.", pidfile, pid))
		} else {
			x.Facts = append(x.Facts, Tf("PID file %s names PID %d, which no longer runs (a stale PID file).", "PID 파일 %s의 PID %d는 더 이상 실행 중이 아님 (남은 PID 파일).", pidfile, pid))
		}
	}
	procs := named(e, m, name)
	if len(procs) > 0 {
		x.Facts = append(x.Facts, Tf("Processes named %s: PID %s.", "%s 프로세스: PID %s.", name, pidList(procs)))
	}
	switch {
	case !exec && len(procs) > 0:
		x.Running = true
		x.Now = Tf("%s runs now (PID %s), but its init script is not executable, so service %s cannot stop or check it (\"unrecognized service\").",
			"%s은(는) 지금 실행 중 (PID %s)이지만 init 스크립트에 실행 권한이 없어 service %s로 중지하거나 확인할 수 없음 (\"unrecognized service\").", name, pidList(procs), name)
	case !exec:
		x.Now = Tf("%s does not run now, and its init script is not executable, so service %s cannot start it (\"unrecognized service\").",
			"%s은(는) 지금 실행 중이 아니며, init 스크립트에 실행 권한이 없어 service %s로 시작할 수 없음 (\"unrecognized service\").", name, name)
	case why != nil:
		x.Running = len(procs) > 0
		x.Now = join(" ", Tf("%s: service %s status cannot run now:", "%s: 지금은 service %s status를 실행할 수 없음:", name, name), why)
	case st == 0:
		x.Running = true
		x.Now = Tf("%s runs now: service %s status says %q.", "%s은(는) 지금 실행 중: service %s status 출력 %q.", name, name, out)
	default:
		x.Now = Tf("%s does not run now: service %s status says %q (exit status %d, %s).",
			"%s은(는) 지금 실행 중이 아님: service %s status 출력 %q (종료 코드 %d, %s).", name, name, out, st, statusMeaning(st)[En])
		x.Now[Ko] = fmt.Sprintf("%s은(는) 지금 실행 중이 아님: service %s status 출력 %q (종료 코드 %d, %s).", name, name, out, st, statusMeaning(st)[Ko])
		if st == 2 {
			x.Now = join(" ", x.Now, T("The lock file is left over: rc will not start the service while it exists (a reboot clears it).",
				"락 파일이 남아 있음: 이 파일이 있는 동안 rc는 서비스를 시작하지 않음 (재부팅하면 지워짐)."))
		}
	}

	// Next boot, by the rules.
	var reason Text
	if !defOK {
		reason = T("without a default runlevel, init asks on the console at boot", "기본 런레벨이 없으면 부팅 때 init이 콘솔에서 물어봄")
	} else {
		level := int(def[0] - '0')
		if def == "S" || level < 0 || level > 6 {
			reason = Tf("the default runlevel %s runs no rc directory for services", "기본 런레벨 %s에서는 서비스용 rc 디렉터리가 실행되지 않음", def)
		} else {
			reason = bootReason(m, name, level)
		}
	}
	x.Facts = append(x.Facts, Tf("By the links: %s.", "링크 기준: %s.", reason[En]))
	x.Facts[len(x.Facts)-1][Ko] = fmt.Sprintf("링크 기준: %s.", reason[Ko])

	// Next boot, as a test boot shows.
	r, err := Rebooted(m)
	if err != nil {
		x.Boot = Tf("The next boot could not be tried (%v).", "다음 부팅을 시험할 수 없음 (%v).", err)
		return
	}
	rst, rout, rwhy := (&env{}).serviceStatus(r, name)
	switch {
	case rwhy != nil:
		x.Boot = join(" ", T("After a test boot of a copy of this machine:", "이 머신의 복사본을 시험 부팅한 결과:"), rwhy)
	case rst == 0:
		x.AtBoot = true
		x.Boot = Tf("It will start at the next boot (a test boot of a copy of this machine says %q).",
			"다음 부팅 때 시작됨 (이 머신의 복사본을 시험 부팅한 결과 %q).", rout)
	default:
		x.Boot = Tf("It will not start at the next boot (a test boot of a copy of this machine says %q).",
			"다음 부팅 때 시작되지 않음 (이 머신의 복사본을 시험 부팅한 결과 %q).", rout)
	}
}

// bootReason explains what rc does with service name when it enters
// level at boot.
func bootReason(m *sim.Machine, name string, level int) Text {
	dir := rcDir(level)
	var mine []rcEntry
	for _, en := range rcEntries(nil, m, level) {
		if (linkLike(en.name) && en.name[3:] == name) || (en.target != "" && path.Base(en.target) == name) {
			mine = append(mine, en)
		}
	}
	if len(mine) == 0 {
		return Tf("%s has no entry for %s, so rc never starts it in runlevel %d", "%s에 %s 항목이 없어 런레벨 %d에서 rc가 시작하지 않음", dir, name, level)
	}
	var starts []rcEntry
	for _, en := range mine {
		if en.name[0] == 'S' {
			starts = append(starts, en)
		}
	}
	var notes []Text
	for _, en := range mine {
		if en.name[0] == 'S' && !linkLike(en.name) || linkLike(en.name) && en.name[3:] != name {
			notes = append(notes, Tf("%s is not named [SK]NN%s, so chkconfig does not see it, but rc still runs it in name order",
				"%s은(는) [SK]NN%s 형식이 아니어서 chkconfig는 못 보지만 rc는 이름 순서대로 실행함", en.name, name))
		}
	}
	if len(starts) == 0 {
		names := []string{}
		for _, en := range mine {
			names = append(names, en.name)
		}
		t := Tf("%s has only %s (a K link: stop), so rc does not start it in runlevel %d", "%s에는 %s만 있음 (K 링크: 중지), 그래서 런레벨 %d에서 rc가 시작하지 않음",
			dir, strings.Join(names, ", "), level)
		return join("; ", append([]Text{t}, notes...)...)
	}
	s := starts[0]
	p := dir + "/" + s.name
	fi, err := m.Stat(p)
	var t Text
	switch {
	case err != nil:
		t = Tf("%s → %s is a dangling link (its target does not exist), so rc skips it", "%s → %s은(는) 대상이 없는 깨진 링크라서 rc가 건너뜀", p, s.target)
	case fi.Mode().Perm()&0o111 == 0:
		t = Tf("%s → %s is not executable (mode %04o), so rc skips it", "%s → %s에 실행 권한이 없어서 (권한 %04o) rc가 건너뜀", p, s.target, unixPerm(fi.Mode()))
	default:
		t = Tf("%s → %s is executable, so rc starts it in runlevel %d", "%s → %s은(는) 실행 가능하므로 런레벨 %d에서 rc가 시작함", p, s.target, level)
	}
	return join("; ", append([]Text{t}, notes...)...)
}

func explainXinetd(m *sim.Machine, e *env, name, def string, defOK bool, x *Explanation) {
	file := "/etc/xinetd.d/" + name
	enabled, _ := xinetdEnabled(e, m, name)
	if enabled {
		x.Facts = append(x.Facts, Tf("%s is an xinetd service, enabled in %s.", "%s은(는) xinetd 서비스이며 %s에서 사용으로 설정됨.", name, file))
	} else {
		x.Facts = append(x.Facts, Tf("%s is an xinetd service, disabled in %s (disable = yes).", "%s은(는) xinetd 서비스이며 %s에서 사용 안 함 (disable = yes).", name, file))
	}
	x.Facts = append(x.Facts, Tf("xinetd itself: %s.", "xinetd 자체: %s.", chkconfigLine(e, m, "xinetd")))
	loaded, running := m.XinetdLoaded()
	served := slices.Contains(loaded, name)
	switch {
	case !running:
		x.Now = Tf("%s is not available now: xinetd does not run.", "%s은(는) 지금 사용할 수 없음: xinetd가 실행 중이 아님.", name)
	case served:
		x.Running = true
		x.Now = Tf("%s is available now: the running xinetd serves it and starts its server for each connection.",
			"%s은(는) 지금 사용 가능: 실행 중인 xinetd가 제공하며 연결마다 서버를 띄움.", name)
	case enabled:
		x.Now = Tf("%s is not available now: its file enables it, but the running xinetd has not re-read it (service xinetd reload).",
			"%s은(는) 지금 사용할 수 없음: 파일에서는 사용으로 되어 있지만 실행 중인 xinetd가 아직 다시 읽지 않음 (service xinetd reload).", name)
	default:
		x.Now = Tf("%s is not available now: it is disabled and xinetd does not serve it.", "%s은(는) 지금 사용할 수 없음: 사용 안 함으로 되어 있고 xinetd가 제공하지 않음.", name)
	}
	if defOK && def >= "0" && def <= "6" {
		level := int(def[0] - '0')
		x.Facts = append(x.Facts, Tf("In the default runlevel %d, xinetd is %s.", "기본 런레벨 %d에서 xinetd는 %s.", level, state(e, m, "xinetd", level)))
	}
	r, err := Rebooted(m)
	if err != nil {
		x.Boot = Tf("The next boot could not be tried (%v).", "다음 부팅을 시험할 수 없음 (%v).", err)
		return
	}
	names, rrun := r.XinetdLoaded()
	if rrun && slices.Contains(names, name) {
		x.AtBoot = true
		x.Boot = Tf("It will be available after the next boot (a test boot of a copy of this machine shows xinetd serving it).",
			"다음 부팅 후 사용 가능 (이 머신의 복사본을 시험 부팅하니 xinetd가 제공함).")
		return
	}
	why := T("xinetd does not start", "xinetd가 시작되지 않음")
	if rrun {
		why = T("xinetd starts but does not serve it", "xinetd는 시작되지만 이 서비스를 제공하지 않음")
	}
	x.Boot = Tf("It will not be available after the next boot: in a test boot of a copy of this machine, %s.",
		"다음 부팅 후 사용할 수 없음: 이 머신의 복사본을 시험 부팅하면 %s.", why[En])
	x.Boot[Ko] = fmt.Sprintf("다음 부팅 후 사용할 수 없음: 이 머신의 복사본을 시험 부팅하면 %s.", why[Ko])
}
