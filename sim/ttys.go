package sim

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"rclab/sim/internal/cmds"
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/sim/internal/shell"
)

// This file is the machine's virtual consoles beside the system console:
// tty2 to tty6, where init's mingetty waits for somebody to log in. A line
// typed there (an Action with TTY 2–6) goes through the conversation the
// real programs hold: mingetty asks for a name, login for a password, and
// then the user's bash reads the lines. tty1, the console, keeps the
// machine's own root login (machine.go).
//
// For an interface that shows all the consoles:
//
//   - PromptOn(n) is what tty n shows before the next line ("lab1 login: ",
//     "Password: ", or the shell's prompt); TTYStateOf(n) says which of
//     those it is, so the interface can hide a password as it is typed.
//   - CompleteOn(n, …) is Tab in tty n's shell: its directory, its PATH,
//     what its user may read and run.
//   - A line typed in tty n's shell can stop to read tty n's keyboard
//     (rm -i, read, passwd, cat), as on the console (keyboard.go):
//     ReadingOn(n) says so, PromptOn(n) is then "", the next line typed
//     there is the program's input, and Interrupt and EndOfInput with
//     TTY n are Ctrl-C and Ctrl-D there.
//   - A password typed at "Password: " comes back with Result.Password
//     set; records keep Action.Redacted, and applying that replays the
//     login as it went without the password.
//   - Result.Output of an action on tty n is what tty n showed meanwhile.
//     What the other consoles showed (a wall message reaches every
//     logged-in tty, a respawned getty prints its banner) waits for them:
//     TakeOutput(n) returns it, or the function of SetOutput receives it
//     as it is written (output.go).

// TTYs is how many virtual consoles the machine has: tty1 to tty6.
const TTYs = 6

// TTYState is what a virtual console waits for.
type TTYState int

// The states of a virtual console.
const (
	// TTYOff: nothing reads the console (no getty runs there: runlevel 1
	// or S, the machine is off, or a line of /etc/inittab is missing).
	TTYOff TTYState = iota
	// TTYLogin: a getty or login asks for a user name.
	TTYLogin
	// TTYPassword: login asks for the password; the terminal does not
	// echo it.
	TTYPassword
	// TTYShell: a logged-in user's shell reads command lines.
	TTYShell
)

// String names the state: "off", "login", "password" or "shell".
func (s TTYState) String() string {
	switch s {
	case TTYLogin:
		return "login"
	case TTYPassword:
		return "password"
	case TTYShell:
		return "shell"
	}
	return "off"
}

// Login's limits, as util-linux 2.13 login with PAM has them: three more
// tries after the first name and password, and a pause after each failure.
const (
	loginRetries = 3
	failDelay    = 2 * time.Second
)

// vt is one virtual console beside the system console.
type vt struct {
	n     int    // 2–6
	name  string // "tty2"
	term  *terminal
	state TTYState
	pid   int    // the getty, then login, then the user's bash
	user  string // the name login was given
	fails int    // failed tries of this login process
	retry bool   // login's own "login: " prompt (after a failure)

	sh      *shell.Shell // the user's shell, in TTYShell
	uid     int
	pending string // an open multi-line construct
	// kb is the console's keyboard; line is the shell's command line
	// while it waits for the keyboard (keyboard.go).
	kb   *keyboard
	line *lineRun
}

// vtOf returns virtual console n (2–6).
func (m *Machine) vtOf(n int) *vt { return m.vts[n-2] }

// attachTTYs makes the consoles tty2–tty6 and connects them to the kernel,
// so wall and init reach them.
func (m *Machine) attachTTYs() {
	for i := range m.vts {
		n := i + 2
		v := &vt{n: n, name: "tty" + strconv.Itoa(n), term: &terminal{}, kb: newKeyboard()}
		m.vts[i] = v
		m.k.AttachTTY(v.name, v.term.out(true))
	}
}

// settleTTYs brings the consoles in step with the process table: a
// session whose process died is over, and a getty that (re)started shows
// its banner and login prompt.
func (m *Machine) settleTTYs() {
	var gettys map[string]int // found on demand: most calls need none
	for _, v := range m.vts {
		if v == nil {
			continue
		}
		if v.pid != 0 && !m.k.Procs.Alive(v.pid) {
			m.endVT(v)
		}
		if v.pid != 0 {
			continue
		}
		if gettys == nil {
			gettys = m.gettys()
		}
		if pid := gettys[v.name]; pid != 0 {
			v.pid, v.state, v.fails, v.retry, v.user = pid, TTYLogin, 0, false, ""
			io.WriteString(v.term.out(true), m.issue(v.name))
		}
	}
}

// gettys finds the gettys waiting on terminals, by terminal.
func (m *Machine) gettys() map[string]int {
	out := map[string]int{}
	m.k.Procs.Select(func(p *proc.Process) bool {
		if p.TTY != "" && strings.HasSuffix(p.Comm, "getty") {
			out[p.TTY] = p.PID
		}
		return false
	})
	return out
}

// endVT ends what ran on a console: a line that waits for the keyboard
// is aborted, and the user's session is logged out.
func (m *Machine) endVT(v *vt) {
	if l := v.line; l != nil {
		v.line = nil
		l.abort()
	}
	if v.state == TTYShell {
		m.k.Logout(v.name)
	}
	if v.pid != 0 && m.k.Procs.Alive(v.pid) {
		m.k.Procs.Exit(v.pid)
	}
	v.state, v.pid, v.sh, v.pending, v.user, v.fails, v.retry, v.uid = TTYOff, 0, nil, "", "", 0, false, 0
}

// issue is what mingetty shows before its prompt: a blank line, then
// /etc/issue with its escapes expanded.
func (m *Machine) issue(tty string) string {
	text := ""
	if f, err := m.k.FS.Open("/etc/issue"); err == nil {
		data, _ := io.ReadAll(f)
		f.Close()
		text = string(data)
	}
	info := m.k.Info()
	now := m.k.Clock.Now()
	var b strings.Builder
	b.WriteString("\n")
	for i := 0; i < len(text); i++ {
		if text[i] != '\\' || i+1 == len(text) {
			b.WriteByte(text[i])
			continue
		}
		i++
		switch text[i] {
		case 'r':
			b.WriteString(info.Kernel)
		case 'm':
			b.WriteString(info.Arch)
		case 'n':
			b.WriteString(m.k.Hostname())
		case 'o':
			_, domain, _ := strings.Cut(m.k.Hostname(), ".")
			if domain == "" {
				domain = "(none)"
			}
			b.WriteString(domain)
		case 'l':
			b.WriteString(tty)
		case 's':
			b.WriteString("Linux")
		case 'v':
			b.WriteString("#1 SMP Wed Sep 3 05:33:13 EDT 2014")
		case 'd':
			b.WriteString(now.Format("Mon Jan _2 2006"))
		case 't':
			b.WriteString(now.Format("15:04:05"))
		case 'u', 'U':
			n := len(m.k.Sessions())
			if text[i] == 'u' {
				b.WriteString(strconv.Itoa(n))
			} else if n == 1 {
				b.WriteString("1 user")
			} else {
				fmt.Fprintf(&b, "%d users", n)
			}
		default:
			b.WriteByte(text[i])
		}
	}
	return b.String()
}

// shortHost is the host name up to its first dot, as mingetty and bash's
// \h show it.
func (m *Machine) shortHost() string {
	h, _, _ := strings.Cut(m.k.Hostname(), ".")
	return h
}

// PromptOn is what virtual console tty (1–6) shows before the next line:
// mingetty's "lab1 login: ", login's "login: " after a failed try or
// "Password: ", or the shell's prompt (PS2 inside a multi-line
// construct); "" when nothing reads the console, or while a program of
// the shell's line reads the keyboard (ReadingOn). PromptOn(1) is
// Prompt.
func (m *Machine) PromptOn(tty int) string {
	if tty <= 1 {
		return m.Prompt()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if tty > TTYs || m.down != "" {
		return ""
	}
	v := m.vtOf(tty)
	switch v.state {
	case TTYLogin:
		if v.retry {
			return "login: "
		}
		return m.shortHost() + " login: "
	case TTYPassword:
		return "Password: "
	case TTYShell:
		if v.line != nil {
			return ""
		}
		if v.pending != "" {
			if ps2 := v.sh.Var("PS2"); ps2 != "" {
				return ps2
			}
			return "> "
		}
		return m.promptOf(v.sh, v.sh.Var("PS1"), v.uid)
	}
	return ""
}

// TTYStateOf reports what virtual console tty (1–6) waits for. The
// console (tty1) is TTYShell while a shell reads it and TTYOff otherwise
// (init's runlevel prompt, or the machine is off). A console whose line
// waits for the keyboard stays TTYShell; ReadingOn tells.
func (m *Machine) TTYStateOf(tty int) TTYState {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.down != "" || tty > TTYs:
		return TTYOff
	case tty <= 1:
		if m.login != nil {
			return TTYShell
		}
		return TTYOff
	}
	return m.vtOf(tty).state
}

// ReadingOn reports whether a program of the line typed at console tty
// (1–6) waits for the keyboard (rm -i's question, read, passwd, cat with
// no file): the console shows no prompt, the next line typed there is
// the program's input, and Interrupt or EndOfInput end it. noEcho is set
// when the program turned the terminal's echo off (a password prompt).
func (m *Machine) ReadingOn(tty int) (reading, noEcho bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.down != "" || tty > TTYs {
		return false, false
	}
	kb, l := m.kb, m.line
	if tty > 1 {
		v := m.vtOf(tty)
		kb, l = v.kb, v.line
	}
	if l == nil {
		return false, false
	}
	return true, !kb.echo()
}

// AtShellPromptOn reports whether console tty (1–6) waits at the prompt
// of a nested shell (su -, bash): what is typed there is a command.
func (m *Machine) AtShellPromptOn(tty int) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.down != "" || tty < 1 || tty > TTYs {
		return false
	}
	kb, l := m.kb, m.line
	if tty > 1 {
		v := m.vtOf(tty)
		kb, l = v.kb, v.line
	}
	return l != nil && kb.atShellPrompt()
}

// typeOnTTY runs a Type action on a virtual console: a line, or a
// password a record left out (Action.Password), which must answer
// login's "Password:" prompt and is taken as login took it then.
func (m *Machine) typeOnTTY(a Action) (Result, error) {
	if a.Password != "" {
		switch {
		case a.Password != PasswordAccepted && a.Password != PasswordRejected:
			return Result{}, fmt.Errorf("a password left out of a record is %q or %q, not %q", PasswordAccepted, PasswordRejected, a.Password)
		case a.Line != "":
			return Result{}, fmt.Errorf("a password left out of a record has no line, not %q", a.Line)
		case a.TTY <= 1:
			return Result{}, fmt.Errorf("the console (tty1) asks for no password; tty2 to tty%d do", TTYs)
		}
		if m.down == "" {
			v := m.vtOf(a.TTY)
			if v.state != TTYPassword {
				return Result{}, fmt.Errorf("tty%d does not ask for a password (it waits for %s)", a.TTY, v.state)
			}
			if _, ok := m.account(v.user); a.Password == PasswordAccepted && !ok {
				return Result{}, fmt.Errorf("tty%d: login cannot accept %s, who has no account", a.TTY, v.user)
			}
		}
	}
	return m.typeOn(a.TTY, a.Line, a.Password), nil
}

// typeOn runs a line typed on virtual console n (2–6); recorded, when
// set, is what login made of a password left out of a record.
func (m *Machine) typeOn(n int, line, recorded string) Result {
	if m.down != "" {
		return Result{Down: true, Status: 1}
	}
	v := m.vtOf(n)
	m.k.Clock.Advance(keystroke)
	password := ""
	switch v.state {
	case TTYLogin:
		m.loginName(v, line)
	case TTYPassword:
		password = m.loginPassword(v, line, recorded)
	case TTYShell:
		return m.vtLine(v, line)
	}
	r := m.vtResult(v, 0, false)
	r.Password = password
	return r
}

// vtResult is what an action on console v caused, once init has acted
// on what was asked of it: what v showed meanwhile, with the notices of
// the jobs of its shell that ended.
func (m *Machine) vtResult(v *vt, st int, loggedOut bool) Result {
	m.settle()
	if v.state == TTYShell {
		for _, j := range m.k.JobNotices(v.name) {
			io.WriteString(v.term.err(), j+"\n")
		}
	}
	out, streamed := v.term.takeAll()
	return Result{Output: out, Streamed: streamed, Status: st, Down: m.down != "", LoggedOut: loggedOut, Events: m.takeEvents()}
}

// loginName takes the user name typed at the login prompt: mingetty
// execs login, which asks for the password (of any name: it never says
// whether the user exists).
func (m *Machine) loginName(v *vt, line string) {
	name := strings.TrimSpace(line)
	if name == "" {
		if !v.retry {
			io.WriteString(v.term.out(true), m.issue(v.name)) // mingetty starts over
		}
		return
	}
	v.user, v.state = name, TTYPassword
	if !v.retry {
		m.k.Procs.Update(v.pid, func(p *proc.Process) {
			p.Comm, p.Args, p.Exe = "login", []string{"login", "--", name}, "/bin/login"
			p.VSZ, p.RSS = 2620, 1064
		})
	}
}

// loginPassword takes the password: the user's shell starts, or login
// says "Login incorrect" and asks again, or gives up and exits (mingetty
// is respawned). recorded, when set, decides instead of the password (a
// replay of a record that left the password out). It returns what login
// made of it, PasswordAccepted or PasswordRejected.
func (m *Machine) loginPassword(v *vt, password, recorded string) string {
	acct, ok := cmds.Account{}, false
	switch recorded {
	case PasswordAccepted:
		acct, ok = m.account(v.user)
	case PasswordRejected:
	default:
		acct, ok = m.authenticate(v, password)
	}
	if !ok {
		m.k.Clock.Advance(failDelay)
		v.fails++
		m.k.SyslogTo(kernel.Secure, "login", v.pid, fmt.Sprintf("FAILED LOGIN %d FROM (null) FOR %s, Authentication failure", v.fails, v.user))
		if v.fails > loginRetries {
			io.WriteString(v.term.err(), "\nLogin incorrect\n")
			m.k.Procs.Exit(v.pid) // init respawns mingetty (settle)
			return PasswordRejected
		}
		io.WriteString(v.term.err(), "Login incorrect\n\n")
		v.state, v.retry, v.user = TTYLogin, true, ""
		return PasswordRejected
	}
	m.startVTShell(v, acct)
	return PasswordAccepted
}

// authenticate checks a login as PAM's stack for login does on CentOS 5:
// pam_securetty lets root in only on a terminal /etc/securetty lists, and
// pam_unix compares the MD5-crypt hash of /etc/shadow (a locked account,
// "!!" or "*", never matches).
func (m *Machine) authenticate(v *vt, password string) (cmds.Account, bool) {
	acct, found := m.account(v.user)
	if !found || !m.shadowMatches(v.user, password) {
		return acct, false
	}
	if acct.ID == 0 && !m.secureTTY(v.name) {
		return acct, false
	}
	return acct, true
}

// account is user's line of /etc/passwd.
func (m *Machine) account(user string) (cmds.Account, bool) {
	for _, a := range cmds.ReadPasswd(m.k) {
		if a.Name == user {
			return a, true
		}
	}
	return cmds.Account{}, false
}

// shadowMatches reports whether password is user's in /etc/shadow.
func (m *Machine) shadowMatches(user, password string) bool {
	for _, line := range m.fileLines("/etc/shadow") {
		f := strings.Split(line, ":")
		if len(f) > 1 && f[0] == user {
			return strings.HasPrefix(f[1], "$1$") && cmds.MD5Crypt(password, f[1]) == f[1]
		}
	}
	return false
}

// secureTTY reports whether /etc/securetty lets root log in on tty (no
// file lets root in everywhere, as pam_securetty does).
func (m *Machine) secureTTY(tty string) bool {
	if _, err := m.k.FS.Stat("/etc/securetty"); err != nil {
		return true
	}
	for _, line := range m.fileLines("/etc/securetty") {
		if strings.TrimSpace(line) == tty {
			return true
		}
	}
	return false
}

func (m *Machine) fileLines(name string) []string {
	f, err := m.k.FS.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, _ := io.ReadAll(f)
	return strings.Split(string(data), "\n")
}

// startVTShell logs the user in: login prints the last login, the
// session enters utmp and wtmp, and its process becomes the user's login
// shell, which reads the profile.
func (m *Machine) startVTShell(v *vt, acct cmds.Account) {
	out := v.term.out(true)
	if last, ok := m.lastLogin(acct.Name); ok {
		where := "on " + last.TTY
		if last.Host != "" {
			where = "from " + last.Host
		}
		fmt.Fprintf(out, "Last login: %s %s\n", last.Login.Format("Mon Jan _2 15:04:05"), where)
	}
	home := acct.Home
	if fi, err := m.k.FS.Stat(home); home == "" || err != nil || !fi.IsDir() {
		fmt.Fprintf(out, "No directory %s!\nLogging in with home = \"/\".\n", home)
		home = "/"
	}
	if motd := strings.Join(m.fileLines("/etc/motd"), "\n"); strings.TrimSpace(motd) != "" {
		io.WriteString(out, motd)
	}
	sh := acct.Shell
	if sh == "" {
		sh = "/bin/sh"
	}
	if path.Base(sh) == "nologin" {
		io.WriteString(out, "This account is currently not available.\n")
		m.k.Procs.Exit(v.pid)
		return
	}
	m.k.Procs.Update(v.pid, func(p *proc.Process) {
		p.Comm, p.Args, p.Exe = "bash", []string{"-bash"}, "/bin/bash"
		p.VSZ, p.RSS, p.Foreground = 4988, 1496, false
		p.UID, p.GID = acct.ID, acct.GID
	})
	m.k.Login(kernel.Session{User: acct.Name, TTY: v.name, Login: m.k.Clock.Now(), PID: v.pid})
	m.k.SyslogTo(kernel.Secure, "login", v.pid, "pam_unix(login:session): session opened for user "+acct.Name+" by LOGIN(uid=0)")
	if acct.ID == 0 {
		m.k.SyslogTo(kernel.Secure, "login", v.pid, "ROOT LOGIN ON "+v.name)
	}
	o := m.vtShellOptions(v)
	o.Environ = userEnv(acct, home, sh)
	o.Dir, o.Name, o.Umask, o.PID, o.PPID = home, "-bash", 0o022, v.pid, 1
	if acct.ID != 0 {
		id := strconv.Itoa(acct.ID)
		o.Vars = map[string]string{"UID": id, "EUID": id}
	}
	s, err := shell.New(o)
	if err != nil {
		m.k.Procs.Exit(v.pid)
		return
	}
	v.sh, v.uid, v.state, v.retry, v.fails = s, acct.ID, TTYShell, false, 0
	s.RunStmts(context.Background(), mustParse(":"))
	ctx, cancel := shell.WithBudget(context.Background(), lineSteps, lineLimit)
	defer cancel()
	for _, f := range []string{"/etc/profile", path.Join(home, ".bash_profile")} {
		if _, err := m.k.FS.Stat(f); err == nil {
			s.RunStmts(ctx, mustParse(". "+shellQuote(f)))
		}
	}
	if acct.ID != 0 {
		// /etc/profile sets USER from `id -un`: login's names stand,
		// whatever the profile made of them.
		q := shellQuote(acct.Name)
		s.RunStmts(ctx, mustParse("USER="+q+" LOGNAME="+q+" MAIL=/var/spool/mail/"+q))
	}
}

// shellQuote quotes s for the shell.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// lastLogin is the user's latest login in wtmp before now, as lastlog
// keeps it for login's "Last login:" line.
func (m *Machine) lastLogin(user string) (kernel.WtmpRecord, bool) {
	recs := m.k.Wtmp()
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].User == user {
			return recs[i], true
		}
	}
	return kernel.WtmpRecord{}, false
}

// userEnv is the environment login gives a user's shell.
func userEnv(acct cmds.Account, home, sh string) []string {
	pathVar := "/usr/local/bin:/bin:/usr/bin"
	if acct.ID == 0 {
		pathVar = "/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin"
	}
	return []string{
		"HOME=" + home,
		"LOGNAME=" + acct.Name,
		"MAIL=/var/spool/mail/" + acct.Name,
		"PATH=" + pathVar,
		"SHELL=" + sh,
		"SHLVL=1",
		"TERM=linux",
		"USER=" + acct.Name,
	}
}

// vtShellOptions are the streams and machine of a console's shell.
func (m *Machine) vtShellOptions(v *vt) shell.Options {
	return shell.Options{
		Kernel:      m.k,
		Stdout:      v.term.out(m.cfg.tty),
		Stderr:      v.term.err(),
		Terminal:    v.term.out(true),
		Interactive: true,
		StdinTty:    m.cfg.tty,
		Keyboard:    v.kb,
		Procs:       m.procs,
		TTY:         v.name,
	}
}

// vtLine takes a line typed at console v's shell: the input of a
// program that waits for the keyboard, a line of an open multi-line
// construct, or a command line, which runs as the console's does
// (machine.go), on its own goroutine in case it stops to read.
func (m *Machine) vtLine(v *vt, line string) Result {
	if v.line != nil {
		v.line.feed(line)
		r := m.vtAwait(v)
		r.Input = true
		return r
	}
	line = v.sh.ExpandHistory(line, v.term.err())
	src := v.pending + line + "\n"
	f, err := shell.ParseLine(src, "-bash")
	if err != nil && incomplete(err) {
		v.pending = src
		out, streamed := v.term.takeAll()
		return Result{Output: out, Streamed: streamed, Incomplete: true, Events: m.takeEvents()}
	}
	v.pending = ""
	if strings.TrimSpace(src) != "" {
		v.sh.AddHistory(strings.TrimRight(src, "\n"))
	}
	ctx, cancel := shell.WithBudget(context.Background(), lineSteps, lineLimit)
	if err != nil {
		io.WriteString(v.term.err(), shell.SyntaxMessage("-bash: ", src, err))
		v.sh.RunStmts(ctx, mustParse("(exit 2)"))
		cancel()
		return m.vtLineEnded(v, 2)
	}
	sh := v.sh
	v.line = startLine(v.kb, ctx, cancel, func(ctx context.Context) int { return sh.RunStmts(ctx, f.Stmts) })
	return m.vtAwait(v)
}

// vtAwait lets console v's line run until it ends or waits for the
// keyboard.
func (m *Machine) vtAwait(v *vt) Result {
	st, finished := m.runLine(v.line)
	if !finished {
		out, streamed := v.term.takeAll()
		return Result{Output: out, Streamed: streamed, Reading: true, NoEcho: !v.kb.echo(), ShellPrompt: v.kb.atShellPrompt(), Down: m.down != "", Events: m.takeEvents()}
	}
	v.line = nil
	return m.vtLineEnded(v, st)
}

// vtLineEnded finishes a line of console v that ran with status st; when
// the shell exited (exit, logout) the session ends.
func (m *Machine) vtLineEnded(v *vt, st int) Result {
	m.reboots = 0
	loggedOut := false
	if v.state == TTYShell && v.sh.Exited() {
		io.WriteString(v.term.err(), "logout\n")
		m.endVT(v)
		loggedOut = true
	}
	return m.vtResult(v, st, loggedOut)
}

// vtControl performs Ctrl-C (Interrupt) or Ctrl-D (EndOfInput) on
// console v. While its line waits for the keyboard they reach the
// program reading, as on the system console. Otherwise Ctrl-D is
// refused (at the shell's prompt it is the exit command), and Ctrl-C
// does what the program reading the terminal does with SIGINT: bash
// abandons an open construct and prints ^C; mingetty dies of it, and
// init respawns it (a fresh banner and "login: " prompt); login ignores
// it, so at its "login: " the terminal echoes ^C and at "Password: ",
// where echo is off, nothing shows.
func (m *Machine) vtControl(v *vt, kind ActionKind) (Result, error) {
	out := v.term.out(true)
	switch {
	case v.line != nil && kind == EndOfInput:
		v.line.endInput()
		return m.vtAwait(v), nil
	case v.line != nil:
		io.WriteString(out, "^C\n")
		v.line.interrupt()
		return m.vtAwait(v), nil
	case v.state == TTYOff:
		return Result{}, fmt.Errorf("nothing reads tty%d (no getty runs there)", v.n)
	case kind == EndOfInput:
		return Result{}, fmt.Errorf("no program on tty%d reads its input (Ctrl-D at the shell's prompt is the exit command)", v.n)
	}
	switch v.state {
	case TTYShell:
		v.pending = ""
		io.WriteString(out, "^C\n")
	case TTYLogin:
		io.WriteString(out, "^C\n")
		if !v.retry {
			m.k.Procs.Exit(v.pid) // mingetty; init respawns it (settle)
		}
	}
	return m.vtResult(v, 0, false), nil
}

// cloneTTYs copies the consoles of m into c (whose kernel is a copy of
// m's): their states, the users' shells, and what the consoles showed
// that nobody took yet (a fresh getty's banner after a boot), so a cached
// boot's clone shows what the boot showed.
func (c *Machine) cloneTTYs(m *Machine) error {
	c.attachTTYs()
	c.term.buf.WriteString(m.term.text())
	for i, v := range m.vts {
		if v == nil {
			continue
		}
		cv := c.vts[i]
		cv.state, cv.pid, cv.user, cv.fails, cv.retry, cv.uid, cv.pending = v.state, v.pid, v.user, v.fails, v.retry, v.uid, v.pending
		cv.term.buf.WriteString(v.term.text())
		if v.sh != nil {
			sh, err := v.sh.Clone(c.vtShellOptions(cv))
			if err != nil {
				return err
			}
			cv.sh = sh
		}
	}
	return nil
}

// shellOn is the shell reading console tty (1–6) and its user's ids; sh
// is nil when no shell reads it. The caller holds m.mu.
func (m *Machine) shellOn(tty int) (sh *shell.Shell, uid, gid int) {
	if m.down != "" || tty > TTYs {
		return nil, 0, 0
	}
	if tty <= 1 {
		if m.line != nil {
			return m.nestedShellOn(m.kb)
		}
		uid, gid, _, ok := m.consoleUser()
		if !ok {
			return nil, 0, 0
		}
		return m.login, uid, gid
	}
	v := m.vtOf(tty)
	if v.state != TTYShell || v.sh == nil {
		return nil, 0, 0
	}
	if v.line != nil {
		return m.nestedShellOn(v.kb)
	}
	if p, ok := m.k.Procs.Get(v.pid); ok {
		uid, gid = p.UID, p.GID
	}
	return v.sh, uid, gid
}

// nestedShellOn is the nested shell (su -, bash) at its prompt on the
// console whose keyboard is kb, and its user's ids; nil while a program
// other than a shell reads.
func (m *Machine) nestedShellOn(kb *keyboard) (sh *shell.Shell, uid, gid int) {
	sh = kb.nestedShell()
	if sh == nil {
		return nil, 0, 0
	}
	if p, ok := m.k.Procs.Get(sh.PID()); ok {
		uid, gid = p.UID, p.GID
	}
	return sh, uid, gid
}

// CompleteOn lists the completions of the word prefix as Tab does in the
// shell that reads virtual console tty (1–6). With first set and no
// slash in prefix they are command names: bash's builtins and reserved
// words, and the files on that shell's PATH its user may execute (each
// name once). Otherwise they are the paths, relative to that shell's
// working directory as prefix is, of the files in directories its user
// may read, a directory's with a slash. Nil when no shell reads the
// console.
func (m *Machine) CompleteOn(tty int, prefix string, first bool) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	sh, uid, gid := m.shellOn(tty)
	if sh == nil {
		return nil
	}
	if first && !strings.Contains(prefix, "/") {
		return m.completeCommand(prefix, sh.Dir(), sh.Var("PATH"), uid, gid)
	}
	d, base := path.Split(prefix)
	abs := d
	if !path.IsAbs(abs) {
		abs = path.Join(sh.Dir(), d)
	}
	var out []string
	for _, fi := range m.readableDir(abs, uid, gid) {
		name := fi.Name()
		if !strings.HasPrefix(name, base) || base == "" && strings.HasPrefix(name, ".") {
			continue
		}
		name = d + name
		if st, err := m.k.FS.Stat(path.Join(abs, fi.Name())); err == nil && st.IsDir() {
			name += "/" // a link to a directory too
		}
		out = append(out, name)
	}
	return out
}

// completeCommand lists the command names starting with prefix for a
// shell in dir whose PATH is pathVar, run by uid and gid.
func (m *Machine) completeCommand(prefix, dir, pathVar string, uid, gid int) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for _, w := range bashWords {
		if strings.HasPrefix(w, prefix) {
			add(w)
		}
	}
	for _, d := range strings.Split(pathVar, ":") {
		if d == "" {
			d = "."
		}
		if !path.IsAbs(d) {
			d = path.Join(dir, d)
		}
		for _, fi := range m.readableDir(d, uid, gid) {
			name := fi.Name()
			if !strings.HasPrefix(name, prefix) || seen[name] {
				continue
			}
			st, err := m.k.FS.Stat(path.Join(d, name))
			if err == nil && st.Mode().IsRegular() && cmds.MayAccess(st, uid, gid, 1) {
				add(name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// readableDir lists directory dir when uid (group gid) may read it, as
// readline's opendir would; nil otherwise.
func (m *Machine) readableDir(dir string, uid, gid int) []os.FileInfo {
	if cmds.CheckOpen(m.k.FS, dir, os.O_RDONLY, uid, gid) != nil {
		return nil
	}
	f, err := m.k.FS.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	infos, _ := f.Readdir(-1)
	return infos
}

// bashWords are the names bash 3.2 completes as commands besides the
// programs on PATH: its builtins (enable -a) and its reserved words.
var bashWords = []string{
	".", ":", "[", "alias", "bg", "bind", "break", "builtin", "caller", "case", "cd",
	"command", "compgen", "complete", "continue", "declare", "dirs", "disown", "do",
	"done", "echo", "elif", "else", "enable", "esac", "eval", "exec", "exit", "export",
	"false", "fc", "fg", "fi", "for", "function", "getopts", "hash", "help", "history",
	"if", "in", "jobs", "kill", "let", "local", "logout", "popd", "printf", "pushd",
	"pwd", "read", "readonly", "return", "select", "set", "shift", "shopt", "source",
	"suspend", "test", "then", "time", "times", "trap", "true", "type", "typeset",
	"ulimit", "umask", "unalias", "unset", "until", "wait", "while",
}
