package kernel

import (
	"fmt"
	"os"
	"strings"
)

// Messages is where syslogd writes, as on CentOS 5.
const Messages = "/var/log/messages"

// Syslog appends one line to /var/log/messages in syslogd's format,
// "Oct  6 09:00:01 lab1 tag[pid]: msg" (no "[pid]" when pid is 0), if a
// system logger is accepting messages; otherwise the message is lost, as
// it would be on a machine whose syslogd is stopped.
func (k *Kernel) Syslog(tag string, pid int, msg string) { k.SyslogTo(Messages, tag, pid, msg) }

// Secure is where syslogd writes authpriv messages (login, su, sshd's
// authentication), as CentOS 5's syslog.conf says.
const Secure = "/var/log/secure"

// SyslogTo is Syslog for a message whose facility syslogd writes to the
// log file file (Secure for authpriv).
func (k *Kernel) SyslogTo(file, tag string, pid int, msg string) {
	k.mu.Lock()
	off := k.syslogOff
	k.mu.Unlock()
	if off {
		return
	}
	stamp := k.Clock.Now().Format("Jan _2 15:04:05")
	who := tag
	if pid > 0 {
		who = fmt.Sprintf("%s[%d]", tag, pid)
	}
	line := fmt.Sprintf("%s %s %s: %s\n", stamp, k.Hostname(), who, strings.TrimRight(msg, "\n"))
	if tag == "" {
		// A message that carries its own tag ("syslogd 1.4.1: restart.").
		line = fmt.Sprintf("%s %s %s\n", stamp, k.Hostname(), strings.TrimRight(msg, "\n"))
	}
	f, err := k.FS.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return
	}
	f.Write([]byte(line))
	f.Close()
}

// SetSyslog says whether a system logger is running to receive messages.
func (k *Kernel) SetSyslog(running bool) {
	k.mu.Lock()
	k.syslogOff = !running
	k.mu.Unlock()
}
