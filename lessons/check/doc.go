// Package check is rclab's vocabulary of conditions on a simulated
// machine, shared by lessons and exams. A check reads the machine's state
// (runlevels, files, links, processes, sockets, services) and never the
// commands that were typed, so any correct way of reaching the state
// passes; the one exception, Command, exists for steps whose point is to
// learn a command.
//
// Every check explains itself: an Outcome carries what was expected and
// what was found, in English and Korean, whether it passed or not.
//
// # Writing checks
//
// In YAML a check is a mapping with one key, its kind:
//
//	runlevel:         {current: "3", previous: "5"}        what runlevel prints
//	initdefault:      {level: "3"}                         the id line of /etc/inittab
//	init_loaded:      {initdefault: "3"}                   the inittab init has read (telinit q)
//	file:             {path: P, exists, type, mode, executable, contains, lacks, link}
//	file_unchanged:   {path: P, ignore: PATTERN, since: lesson|step}
//	rc_links:         {service: S, levels: "35", links: [S85httpd], target: ../init.d/httpd}
//	rc_state:         {service: S, on: "35", off: "01246", none: ""}   as chkconfig computes it
//	rc_unchanged:     {service: S|"*", levels: "012456", since: lesson|step}
//	rc_level:         {level: "4", on_exactly: [S, …]}      exactly those SysV services on there
//	xinetd:           {service: S, enabled: true, loaded: true}
//	process:          {name: N, count | min | max, user, role: daemon|worker|on_demand|other, args}
//	pid_unchanged:    {daemon: N, since: lesson|step}
//	daemon_config:    {daemon: N, contains: PATTERN}       the configuration it loaded
//	service_status:   {service: S, status: 0}              service S status, run on a copy
//	lock:             {service: S, exists: true}           /var/lock/subsys/S
//	listener:         {port: 80, proto: tcp, program: httpd}
//	rss_total:        {of: [N, …] | all_daemons: true, max_kb: 60000}   summed RSS
//	shutdown_pending: {action: reboot, message: PATTERN, in_minutes: 15, at: "22:00"}
//	broadcast:        {contains: TEXT}                     a wall message seen during the step
//	answer:           {file: ~/answers/x.txt, line: 1, equals: VALUE, tolerance: "5%"}
//	password:         {user: root, is: TEXT}
//	command:          {matches: PATTERN, status: 0}        a line typed during the step
//	boot_history:     {single: true, min: 1}               boots during the step (or exam)
//	after_reboot:     CHECK                                on a copy, after a clean reboot
//	in_runlevel:      {level: "3", check: CHECK}           on a copy, after init 3
//	after:            {run: [LINES], check: CHECK}         on a copy, after typing LINES
//	all: [CHECKS]     any: [CHECKS]     not: CHECK
//
// Patterns are regular expressions matched line by line. Values of
// answers are literal text ({text: "4"}) or read off the machine when
// the check runs ({master_pid: sshd}, {pid_of: N}, {ppid_of: N},
// {runlevel: output|current|previous}, {initdefault: true},
// {status_of: S}, {rss_total: N}, {rss_of: N}, {rc_order: {level, kind,
// position}}).
//
// # Copies of the machine
//
// Checks that act (service status, after_reboot, in_runlevel, after) act
// on clones, never on the learner's machine. A reboot interprets rc 6,
// rc.sysinit and rc N, about a tenth of a second, so rebooted machines
// are cached by the Fingerprint of the state a reboot starts from; most
// commands change nothing that lasts, and the check then costs a few
// milliseconds. An Evaluator evaluates several checks at one moment
// sharing those copies, as an exam's score does; a pass-only Evaluator
// (NewPassEvaluator) leaves out the words, for a grader. A machine whose
// user may not run reboot (an exam's deny list) is rebooted with init 6
// or Ctrl-Alt-Del instead.
//
// # Journal
//
// Checks about what happened rather than what is (command, broadcast,
// boot_history) read the Journal of the context, which the lesson player
// and exam sessions feed every action's result. Action is a line of a
// setup or a solution, shared by lessons and exams.
//
// Explain analyses one service the way the capstone lesson teaches:
// runlevels, links, exec bits, lock and pid files, xinetd's state, and a
// test boot of a copy.
package check
