// Package scenarios is rclab's exams: scenario files, the variants drawn
// from a seed, exam sessions and their scores.
//
// A scenario is one YAML file (the embedded ones are E01…E12, see
// Content): a setup applied to a freshly booted machine, a task text in
// English and Korean, checks with points written in the vocabulary of
// rclab/lessons/check, a time limit, programs the candidate may not run,
// a reference solution and known wrong answers with the score each must
// get. Files are decoded strictly, like lessons: every problem is
// reported with its file, line and column.
//
// # The file
//
//	id: E01-web-dns-server            E, two digits, a dash, lower-case words
//	title: {en: …, ko: …}
//	image: centos5                    optional
//	time_limit: 20m
//	live_results: false               may exam mode show pass/fail live?
//	deny: [reboot]                    programs the candidate may not run
//	variables: {svc: {choose: [named, vsftpd]}, port: {range: [8000, 8099]}}
//	setup:
//	  boot_args: ["3"]                kernel arguments of the first boot
//	  files: [{path: /usr/local/bin/x, mode: "0755", content: "…"}]
//	  faults:                         one key each
//	    - initdefault: "3"
//	    - not_executable: /etc/rc.d/init.d/httpd
//	    - dangling_link: {path: /etc/rc.d/rc3.d/S99ghost, target: ../init.d/ghost}
//	    - stale_lock: httpd
//	    - stale_pid: {file: /var/run/httpd.pid, pid: 4242}
//	    - xinetd_disable: {service: telnet, disable: yes}
//	    - replace: {file: /etc/httpd/conf/httpd.conf, old: "Listen 80", new: "Lissten 80", all: false}
//	  commands: [chkconfig httpd off, {poweron: ""}, {wait: 16m}, {ctrlaltdel: true}]
//	task: {en: …, ko: …}              markup as in lessons
//	checks:
//	  - {id: httpd-running, points: 2, text: {…}, reboot_safe: true, check: CHECK}
//	solution: [LINES OR ACTIONS]
//	wrong: [{name: {…}, solution: [LINES], score: 3}]
//
// Setup commands are typed at the console with the scenario's deny list
// already in force: a setup that must reboot a machine denying reboot
// uses {ctrlaltdel: true}, or better boot_args, which costs no second
// boot. A program that daemonizes under a name of the scenario's choice
// is made by copying /usr/libexec/rclab/generic-daemon (see E05).
//
// # Variables
//
// Variables are drawn per attempt from its seed (a splitmix64 sequence:
// the same seed always gives the same values), in the order written; a
// later variable may use earlier ones in its values. Every ${name} in the
// file is replaced by its value before the YAML is decoded, so one file
// describes every variant; $${ writes a literal ${ (for shell scripts in
// setup files). Errors keep the positions of the file as written. Parse
// decodes enough variants (every choice index, both ends of every range)
// that a value which breaks the file is found when it is loaded, not when
// a candidate draws it.
//
// # Sessions and scores
//
// NewSession builds the machine of a Variant and keeps a copy of it as it
// was when the clock started, and a check.Journal of the console (lines,
// broadcasts, boots); Apply is the way the candidate acts on it, and
// Score evaluates every check, reboot-safe ones also on a rebooted copy,
// without changing the candidate's machine. A check scores all its
// points or none; Tally counts the same points without wording the
// outcomes, for graders. Replay rebuilds a session from recorded actions,
// for graders and the replayer; ReplayFunc hands each result over as it
// comes. SelfTest runs a scenario's own tests: every check fails at the
// start, the reference solution scores full marks, each wrong answer
// scores what it says, and a tally agrees with the score.
package scenarios
