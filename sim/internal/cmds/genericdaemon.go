package cmds

import (
	"fmt"
	"path"
)

// generic-daemon is a daemon without a purpose of its own, for lessons
// and exams that need "a program that daemonizes" under a name of their
// choosing: copied or linked under another name
//
//	cp /usr/libexec/rclab/generic-daemon /usr/local/sbin/metricsd
//
// it runs as a daemon of that name (the base name it is started by): a
// master with parent init and no terminal, pid file /var/run/NAME.pid,
// "NAME[pid]: started" in syslog. HUP counts a reload; TERM ends it (the
// pid file stays, as after a crash; functions' killproc removes it). A
// second start while one runs says so and fails.

func init() {
	Register(Command{Name: "generic-daemon", Dirs: []string{"/usr/libexec/rclab"},
		Summary: "a daemon named after the file it is started from (copy it to make one)",
		Usage:   "NAME", VSZ: 2044, RSS: 472, Main: genericDaemonMain})
}

func genericDaemonMain(p *Proc) int {
	name := path.Base(p.Args[0])
	if pid, _, ok := RunningDaemon(p.Sys, name); ok {
		fmt.Fprintf(p.Stderr, "%s: already running (pid %d)\n", name, pid)
		return 1
	}
	spec := daemonSpec{name: name, dir: path.Dir(p.Abs(p.Args[0])), vsz: 2044, rss: 472,
		started: []string{"started"}}
	return daemonMain(p, &spec)
}
