package cmds

import (
	"fmt"
	"io"
	"path"
	"strings"

	"rclab/sim/internal/kernel"
)

// su and runuser (coreutils 5.97 with Red Hat's PAM patch): run a shell,
// or a command with -c, as another user. su is set-user-ID root: root
// becomes anyone without a password (pam_rootok); any other user types
// the target's password, which pam_unix checks against /etc/shadow.
// runuser is su without PAM's questions, for root only (init scripts'
// daemon --user). The shell runs as the target user, with its groups,
// and with the target's HOME, SHELL, USER and LOGNAME.

// suHelp is su's and runuser's --help after the usage line.
const suHelp = `Change the effective user id and group id to that of USER.

  -, -l, --login               make the shell a login shell
  -c, --command=COMMAND        pass a single COMMAND to the shell with -c
  --session-command=COMMAND    pass a single COMMAND to the shell with -c
                               and do not create a new session
  -f, --fast                   pass -f to the shell (for csh or tcsh)
  -m, --preserve-environment   do not reset environment variables
  -p                           same as -m
  -s, --shell=SHELL            run SHELL if /etc/shells allows it
      --help     display this help and exit
      --version  output version information and exit

A mere - implies -l.   If USER not given, assume root.`

// sySu is su and runuser.
func sySu(p *Proc) int {
	name := p.Name()
	ruid, _ := p.Cred()
	if name == "su" {
		ruid, _ = p.setUserRoot()
	}
	opts, ops, err := Getopt(p.Args[1:], "c:flmps:", []LongOpt{
		{Name: "command", Arg: RequiredArg, Short: 'c'}, {Name: "fast", Short: 'f'},
		{Name: "login", Short: 'l'}, {Name: "preserve-environment", Short: 'p'},
		{Name: "shell", Arg: RequiredArg, Short: 's'}, {Name: "session-command", Arg: RequiredArg},
		{Name: "help"}, {Name: "version"},
	})
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var command, shell string
	hasCommand, login, preserve := false, false, false
	for _, o := range opts {
		switch o.Name {
		case "c", "session-command":
			command, hasCommand = o.Arg, true
		case "l":
			login = true
		case "m", "p":
			preserve = true
		case "s":
			shell = o.Arg
		case "help":
			return siHelp(p, "Usage: "+name+" [OPTION]... [-] [USER [ARG]...]\n"+suHelp)
		case "version":
			return siVersion(p, name, "David MacKenzie")
		}
	}
	if name == "runuser" && ruid != 0 {
		p.Errorf("may not be used by non-root users")
		return 1
	}
	if len(ops) > 0 && ops[0] == "-" {
		login = true
		ops = ops[1:]
	}
	user := "root"
	if len(ops) > 0 {
		user, ops = ops[0], ops[1:]
	}
	acct, found := SharedPasswd(p.Sys).Lookup(user)
	if !found {
		p.Errorf("user %s does not exist", user)
		return 1
	}
	caller := SharedPasswd(p.Sys).Name(ruid)
	if name == "su" && ruid != 0 && !suAuthenticate(p, acct.Name) {
		p.Sys.SyslogTo(kernel.Secure, "su", p.PID, fmt.Sprintf(
			"pam_unix(su:auth): authentication failure; logname=%s uid=%d euid=0 tty=%s ruser=%s rhost=  user=%s",
			caller, ruid, p.TTY, caller, acct.Name))
		p.Errorf("incorrect password")
		return 1
	}
	if shell == "" {
		shell = acct.Shell
	}
	if preserve && shell == acct.Shell {
		if s := p.Getenv("SHELL"); s != "" {
			shell = s
		}
	}
	if shell == "" {
		shell = "/bin/sh"
	}
	switch path.Base(shell) {
	case "nologin":
		io.WriteString(p.Stdout, "This account is currently not available.\n")
		return 1
	case "false":
		return 1
	}
	if !preserve {
		oldEnv, oldDir := p.Environ, p.Dir
		p.Environ = suEnviron(p.Environ, acct, shell, login)
		if login && acct.Home != "" && syIsDir(p, acct.Home) {
			p.Dir = acct.Home
		}
		defer func() { p.Environ, p.Dir = oldEnv, oldDir }()
	}
	argv := []string{shell}
	if hasCommand {
		argv = append(argv, "-c", command)
	}
	argv = append(argv, ops...)
	arg0 := path.Base(shell)
	if login {
		arg0 = "-" + arg0
	}
	if name == "su" {
		p.Sys.SyslogTo(kernel.Secure, "su", p.PID, fmt.Sprintf("pam_unix(su:session): session opened for user %s by %s(uid=%d)", acct.Name, caller, ruid))
		defer p.Sys.SyslogTo(kernel.Secure, "su", p.PID, "pam_unix(su:session): session closed for user "+acct.Name)
	}
	p.waiting()
	st, err := p.RunAs(Child{UID: acct.ID, GID: acct.GID, Arg0: arg0}, argv, nil, nil, nil)
	if err != nil {
		p.Errorf("cannot set user id: %s", Strerror(err))
		return 1
	}
	return st
}

// suEnviron is the environment su gives the shell: for a login, only
// TERM, DISPLAY, XAUTHORITY and COLORTERM are kept, and PATH is reset;
// otherwise everything stays. HOME and SHELL are set to the target's, and
// USER and LOGNAME too unless the target is root without a login (su to
// root leaves USER the caller's).
func suEnviron(environ []string, acct Account, shell string, login bool) []string {
	env := []string{}
	keep := map[string]bool{"TERM": true, "DISPLAY": true, "XAUTHORITY": true, "COLORTERM": true}
	names := login || acct.ID != 0
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case login && !keep[k]:
		case k == "HOME" || k == "SHELL":
		case names && (k == "USER" || k == "LOGNAME"):
		default:
			env = append(env, kv)
		}
	}
	env = append(env, "HOME="+acct.Home, "SHELL="+shell)
	if names {
		env = append(env, "USER="+acct.Name, "LOGNAME="+acct.Name)
	}
	if login {
		pathVar := "/usr/local/bin:/bin:/usr/bin"
		if acct.ID == 0 {
			pathVar = "/usr/kerberos/sbin:/usr/kerberos/bin:/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin"
		}
		env = append(env, "PATH="+pathVar)
	}
	return env
}

// suAuthenticate is PAM's conversation for pam_unix: "Password: " on
// standard error, the answer read from standard input with the
// terminal's echo off (and the newline the terminal did not echo), then
// the check against user's /etc/shadow entry. The end of input fails.
func suAuthenticate(p *Proc, user string) bool {
	_, term := p.Stdin.(interface{ SetEcho(bool) })
	io.WriteString(p.Stderr, "Password: ")
	p.SetEcho(false)
	pw, ok := suReadLine(p.Stdin)
	p.SetEcho(true)
	if term {
		io.WriteString(p.Stderr, "\n")
	}
	return ok && CheckPassword(p, user, pw)
}

// suReadLine reads one line from r a byte at a time, so that what
// follows it stays for the shell; ok is false at the end of input.
func suReadLine(r io.Reader) (line string, ok bool) {
	var b strings.Builder
	var one [1]byte
	for {
		n, err := r.Read(one[:])
		if n == 1 {
			if one[0] == '\n' {
				return b.String(), true
			}
			b.WriteByte(one[0])
			continue
		}
		if err != nil {
			return b.String(), b.Len() > 0
		}
	}
}
