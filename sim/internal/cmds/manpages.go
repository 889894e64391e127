package cmds

// Longer manual pages for the programs and files the course is about,
// written for rclab. They are used by man when the program is installed
// (File pages always), in preference to the one-line page built from a
// Command's Summary and Usage.
//
// Body markup, a small subset of man(7): ".SH TITLE" starts a section,
// ".TP" makes a tagged paragraph whose tag is the next line, ".IP" an
// indented paragraph, ".PP" or an empty line a new paragraph, ".nf" and
// ".fi" enclose lines printed as they are. Other lines are filled and
// justified.

// manPage is one manual page.
type manPage struct {
	Names    []string // names it documents; the first is its title
	Section  string   // "1", "5", "8"
	Title    string   // centre of the header line; "" picks one by section
	Source   string   // left of the footer line; "" is rclab's default
	Summary  string   // the text after "name - " in NAME and whatis
	Synopsis string   // one line per form
	Body     string   // sections after SYNOPSIS, in the markup above
	File     bool     // documents a file: exists whether or not a program does
}

// manExtra holds the hand-written pages, keyed by page title.
var manExtra = map[string]*manPage{
	"init": {
		Names: []string{"init", "telinit"}, Section: "8",
		Title: "Linux System Administrator's Manual", Source: "sysvinit 2.86",
		Summary:  "process control initialization",
		Synopsis: "/sbin/init [ -a ] [ -s ] [ -b ] [ -z xxx ] [ 0123456Ss ]\n/sbin/telinit [ -t SECONDS ] [ 0123456sSQqabcUu ]",
		Body: `.SH DESCRIPTION
init is the first process the kernel starts after booting, and it is the
parent of every other process. It always has process ID 1. Its job is to
bring the system into a runlevel by starting the processes listed for that
level in /etc/inittab, and to keep them running where the table says so.
.PP
A runlevel is a named state of the system, given as a single character.
On Red Hat style systems the levels mean:
.TP
0
halt the system
.TP
1
single user mode, for maintenance; reached through the state S
.TP
2
multi-user mode without networked file systems
.TP
3
full multi-user mode with networking, text console
.TP
4
unused, free for local definition
.TP
5
like 3, with the graphical login (X11)
.TP
6
reboot the system
.PP
The levels S and s are the single-user state init uses while booting or when
told to go single user; the levels a, b and c are ondemand levels that run
the matching inittab entries without changing the current runlevel.
.SH BOOTING
At boot init reads /etc/inittab and runs its sysinit entry, the script
/etc/rc.d/rc.sysinit, then enters the level named by the initdefault
entry. Entering a level runs its wait entry, normally /etc/rc.d/rc N,
which stops the services whose K links are in /etc/rcN.d and starts those
whose S links are there, in the order of the two-digit numbers. Then init
starts the respawn entries of the level, such as the getty programs on the
virtual consoles, and restarts them whenever they exit.
.PP
If inittab has no usable initdefault entry, init asks on the console for
the runlevel to enter. A runlevel given on the kernel command line (for
example 1, single or 3, added in the boot loader) takes the place of the
initdefault entry for that boot.
.SH CHANGING RUNLEVELS
When init is run by a user it does not start a second init: it behaves as
telinit and passes its argument to the running init, then returns at once.
The output of the rc scripts for the new level goes to the system console,
not to the terminal that typed the command. Asking for the level that is
already current does nothing.
.TP
0-6
switch to that runlevel
.TP
S, s
go to single-user mode
.TP
Q, q
re-read /etc/inittab
.TP
a, b, c
run the ondemand entries for that level
.TP
U, u
re-execute init, keeping its state
.SH OPTIONS
.TP
-t SECONDS
how long telinit lets processes run after sending them the TERM signal and
before sending KILL, when a level change stops them (default 5)
.TP
-s, S, single
boot into single-user mode
.TP
-b, emergency
boot straight into a single-user shell, without running any scripts
.SH FILES
.nf
/etc/inittab
/etc/rc.d/rc.sysinit
/etc/rc.d/rc
/etc/rc.d/rcN.d/
/var/run/utmp
/dev/initctl
.fi
.SH DIAGNOSTICS
Messages of init appear on the console, each prefixed by INIT:. An entry
that is restarted more than 10 times in 2 minutes is suspended for 5
minutes with the message "Id xx respawning too fast: disabled for 5
minutes". Only root may change the runlevel; others get "must be
superuser".
.SH SEE ALSO
inittab(5), runlevel(8), shutdown(8), chkconfig(8), service(8)`,
	},
	"runlevel": {
		Names: []string{"runlevel"}, Section: "8",
		Title: "Linux System Administrator's Manual", Source: "sysvinit 2.86",
		Summary:  "find the previous and current system runlevel",
		Synopsis: "runlevel [utmp]",
		Body: `.SH DESCRIPTION
runlevel reads the runlevel record of the system's utmp file
(/var/run/utmp by default, or the file named as argument) and prints the
previous and the current runlevel, separated by a space. When there was no
previous level since boot, N is printed in its place: a system that just
booted into level 3 prints "N 3", and after init 5 it prints "3 5".
.SH EXIT STATUS
0 when a runlevel record was found. If there is none, runlevel prints
unknown and exits with status 1.
.SH SEE ALSO
init(8), who(1), utmp(5)`,
	},
	"chkconfig": {
		Names: []string{"chkconfig"}, Section: "8",
		Summary: "updates and queries runlevel information for system services",
		Synopsis: "chkconfig --list [name]\nchkconfig --add name\nchkconfig --del name\n" +
			"chkconfig [--level levels] name <on|off|reset|resetpriorities>\nchkconfig [--level levels] name",
		Body: `.SH DESCRIPTION
chkconfig maintains the /etc/rc[0-6].d directories, so that the system
administrator does not have to create and remove the symbolic links by
hand. Each link points to a script in /etc/init.d; a link named S followed
by two digits starts the service when its runlevel is entered, a link named
K followed by two digits stops it. The digits give the order.
.PP
A script can be managed by chkconfig only if it carries two comment lines:
.nf

# chkconfig: 2345 55 25
# description: what the service does

.fi
The first names the runlevels the service is on by default ("-" for none),
the start priority and the stop priority. On this system the description
line is required as well.
.PP
With only a service name, chkconfig exits 0 if the service is configured to
start in the current runlevel (or in the levels given with --level), and 1
otherwise; this is meant for scripts.
.SH OPTIONS
.TP
--level levels
the runlevels an operation applies to, as a string of digits such as 35.
Without it, on and off apply to levels 2, 3, 4 and 5.
.TP
--add name
add a new service: create a start or stop link in every runlevel,
according to the defaults of the chkconfig line.
.TP
--del name
remove every start and stop link of the service.
.TP
--list [name]
print, for every service (or for name), whether it is on or off in each
runlevel, one line per service. Services run by xinetd are listed after
them, when xinetd itself is enabled.
.TP
on, off
turn the service on or off in the chosen levels: the link is replaced by
an S or a K link. For a service of xinetd, the disable line of its file in
/etc/xinetd.d is changed instead.
.TP
reset
put the links back to the defaults of the script's header.
.TP
resetpriorities
keep the on/off state but renumber the links with the header's priorities.
.SH NOTES
chkconfig only changes the links: it neither starts nor stops anything.
Use service(8) to act on a running system.
.SH SEE ALSO
init(8), ntsysv(8), service(8), xinetd(8)`,
	},
	"service": {
		Names: []string{"service"}, Section: "8",
		Summary:  "run a System V init script",
		Synopsis: "service SCRIPT COMMAND [OPTIONS]\nservice --status-all\nservice --help | -h | --version",
		Body: `.SH DESCRIPTION
service runs the System V init script /etc/init.d/SCRIPT with COMMAND as
its argument, in a predictable environment: the working directory is / and
only PATH, TERM and LANG are passed. Every script understands at least
start and stop; most also know restart, status, and often reload,
condrestart or configtest. Running service with a script name and no
command shows the script's usage message.
.PP
service acts on the running system only. Whether a service starts at boot
is decided by the links that chkconfig(8) manages.
.SH OPTIONS
.TP
--status-all
run every script of /etc/init.d with the status command, in alphabetical
order.
.TP
--full-restart
run the script with stop, then with start.
.TP
-h, --help
print a usage message.
.TP
--version
print the version of service.
.SH DIAGNOSTICS
A name without an executable script in /etc/init.d gives "SCRIPT:
unrecognized service" and exit status 1. Otherwise the exit status is the
script's.
.SH FILES
.nf
/etc/init.d/
/var/lock/subsys/
.fi
.SH SEE ALSO
chkconfig(8), init(8), ntsysv(8)`,
	},
	"ntsysv": {
		Names: []string{"ntsysv"}, Section: "8",
		Summary:  "simple interface for configuring runlevels",
		Synopsis: "ntsysv [--back] [--level <levels>]",
		Body: `.SH DESCRIPTION
ntsysv is a full-screen program for choosing which services start in a
runlevel. It shows every service chkconfig(8) can manage, and the services
of xinetd, each with a check box; a marked box means the service is on.
Space toggles the box under the cursor, Tab moves between the list and the
buttons, F1 shows the description of a service, and Ok (or F12) saves the
choices. Cancel leaves everything as it was.
.PP
By default ntsysv edits the current runlevel only. Saving rewrites the
links of every listed service in the edited levels, with the priorities of
the script headers; like chkconfig, it starts and stops nothing.
.SH OPTIONS
.TP
--back
show a Back button instead of Cancel.
.TP
--level levels
edit the given runlevels, for example --level 35. A service is shown as on
if it is on in any of them.
.SH EXIT STATUS
0 after Ok, 1 after Cancel, 2 when no service can be managed.
.SH SEE ALSO
chkconfig(8), service(8), init(8)`,
	},
	"inittab": {
		Names: []string{"inittab"}, Section: "5", File: true,
		Title: "Linux System Administrator's Manual", Source: "sysvinit 2.86",
		Summary:  "format of the inittab file used by the sysv-compatible init process",
		Synopsis: "/etc/inittab",
		Body: `.SH DESCRIPTION
The file /etc/inittab tells init(8) what to run at boot and in each
runlevel. Every line that is not empty and does not start with # is an
entry of four fields separated by colons:
.nf

id:runlevels:action:process

.fi
.TP
id
one to four characters naming the entry; it must be unique. For getty
entries it is by custom the number of the tty.
.TP
runlevels
the runlevels the entry applies to, as a list of characters such as 2345.
It is ignored for the actions that happen only at boot.
.TP
action
what init does with the process, one of the words below.
.TP
process
the command to run, passed to /bin/sh. It is ignored for initdefault.
.SH ACTIONS
.TP
respawn
start the process when the runlevel is entered, and start it again
whenever it exits (getty, prefdm).
.TP
wait
run the process once when the runlevel is entered and wait for it to
finish before going on (the rc lines).
.TP
once
run the process once when the runlevel is entered, without waiting.
.TP
boot
run at boot, without waiting; the runlevels field is ignored.
.TP
bootwait
run at boot and wait for it to finish.
.TP
off
do nothing.
.TP
ondemand
run when init is told to enter the level a, b or c, which does not change
the runlevel.
.TP
initdefault
the runlevel to enter after boot. The process field is empty. Never set it
to 0 or 6: the machine would halt or reboot at every boot. When the entry
is missing, init asks on the console.
.TP
sysinit
run once at boot before any boot or bootwait entry (rc.sysinit).
.TP
powerfail, powerwait, powerokwait, powerfailnow
run when a UPS daemon tells init about the power supply.
.TP
ctrlaltdel
run when Ctrl-Alt-Del is pressed on the console.
.TP
kbrequest
run on a special key combination of the console keyboard.
.SH EXAMPLE
The part of Red Hat's file that matters most:
.nf

id:3:initdefault:
si::sysinit:/etc/rc.d/rc.sysinit
l3:3:wait:/etc/rc.d/rc 3
ca::ctrlaltdel:/sbin/shutdown -t3 -r now
1:2345:respawn:/sbin/mingetty tty1
x:5:respawn:/etc/X11/prefdm -nodaemon

.fi
After changing the file, run init q to make init read it again.
.SH FILES
/etc/inittab
.SH SEE ALSO
init(8), telinit(8)`,
	},
	"xinetd": {
		Names: []string{"xinetd"}, Section: "8",
		Summary:  "the extended Internet services daemon",
		Synopsis: "xinetd [options]",
		Body: `.SH DESCRIPTION
xinetd listens on the ports of the services it manages and starts the
server of a service only when a client connects, instead of keeping every
server running all the time. Each service is described by a file in
/etc/xinetd.d, whose disable line says whether it is enabled; defaults
shared by all services are in /etc/xinetd.conf.
.PP
The telnet or rsync servers of such services therefore do not appear in
the process list until someone connects. Whether xinetd itself runs is
controlled like any other service with chkconfig(8) and service(8);
chkconfig on and off for an xinetd service edit its file, and service
xinetd reload makes the daemon read its configuration again.
.SH OPTIONS
.TP
-f config_file
read config_file instead of /etc/xinetd.conf.
.TP
-stayalive
keep running even when no service is enabled.
.TP
-pidfile file
write the process ID to file.
.TP
-d
debug mode: stay in the foreground and log to the terminal.
.SH SIGNALS
SIGHUP makes xinetd re-read its configuration; SIGTERM stops it and the
servers it started.
.SH FILES
.nf
/etc/xinetd.conf
/etc/xinetd.d/
/var/run/xinetd.pid
.fi
.SH SEE ALSO
chkconfig(8), service(8)`,
	},
	"ps": {
		Names: []string{"ps"}, Section: "1", Title: "Linux User's Manual", Source: "procps 3.2.7",
		Summary:  "report a snapshot of the current processes",
		Synopsis: "ps [options]",
		Body: `.SH DESCRIPTION
ps prints information about the processes that exist when it runs. It
accepts options in three styles: UNIX options, grouped after a dash (ps
-ef); BSD options, without a dash (ps aux); and GNU long options (ps
--pid 1).
.SH EXAMPLES
.TP
ps
the processes of the current terminal.
.TP
ps aux
every process, BSD style, with the user, CPU and memory use, start time
and command line.
.TP
ps -ef
every process, UNIX style, with UID, PID, parent PID and command.
.TP
ps -C sshd
processes whose command name is sshd.
.TP
ps -p 1 -o pid,comm
process 1, showing only its ID and command name.
.SH PROCESS STATE CODES
.TP
R
running or runnable
.TP
S
sleeping, waiting for an event
.TP
D
uninterruptible sleep, usually input/output
.TP
T
stopped
.TP
Z
zombie: exited, not yet reaped by its parent
.PP
In BSD formats, < marks a high-priority process, N a low-priority one, s a
session leader, l a multi-threaded process and + a member of the
foreground process group.
.SH SEE ALSO
kill(1), top(1), pgrep(1)`,
	},
	"kill": {
		Names: []string{"kill"}, Section: "1", Title: "Linux Programmer's Manual", Source: "procps 3.2.7",
		Summary:  "send a signal to a process",
		Synopsis: "kill [-s signal|-p] [--] pid...\nkill -l [signal]",
		Body: `.SH DESCRIPTION
kill sends a signal to the processes given by their process IDs. The
default signal is TERM, which asks a process to terminate; a process can
catch it and clean up. KILL (9) cannot be caught and ends the process at
once; HUP (1) makes many daemons read their configuration again.
.PP
The shell has its own kill builtin, which also accepts job numbers such
as %1; /bin/kill is used when a path is typed.
.SH OPTIONS
.TP
-s signal, -signal
the signal to send, by name (TERM, HUP, KILL) or by number (15, 1, 9).
.TP
-l [signal]
list the signal names, or translate a number to a name.
.TP
-p
print the process IDs only, without sending a signal.
.SH EXAMPLES
.TP
kill 1234
ask process 1234 to terminate.
.TP
kill -9 1234
kill process 1234 without giving it a chance to clean up.
.TP
kill -HUP 1234
send the hangup signal, often used to reload a daemon.
.SH NOTES
Services should be stopped through service(8), which also removes their
lock file in /var/lock/subsys; a daemon killed by hand leaves its lock
behind.
.SH SEE ALSO
ps(1), killall(1), service(8), signal(7)`,
	},
	"shutdown": {
		Names: []string{"shutdown"}, Section: "8",
		Title: "Linux System Administrator's Manual", Source: "sysvinit 2.86",
		Summary:  "bring the system down",
		Synopsis: "/sbin/shutdown [-t sec] [-arkhncfFHP] time [warning-message]",
		Body: `.SH DESCRIPTION
shutdown brings the system down in a safe way. Logged-in users are warned
with a broadcast message, logins are refused during the last minutes, and
at the given time shutdown asks init(8) to change the runlevel: 0 to halt,
6 to reboot, 1 for single-user mode when neither -h nor -r is given. The K
scripts of the runlevel then stop the services in order.
.PP
The time is required. It can be now, +m for m minutes from now, or hh:mm
for a time of day. A pending shutdown can be cancelled with shutdown -c.
.SH OPTIONS
.TP
-r
reboot after shutdown.
.TP
-h
halt (and power off, where possible) after shutdown.
.TP
-c
cancel a shutdown that is waiting to happen. No time argument is given.
.TP
-k
only send the warning messages; do not shut down.
.TP
-t sec
tell init to wait sec seconds between the TERM and KILL signals.
.TP
-f
skip the file system check on the next boot.
.TP
-F
force the file system check on the next boot.
.TP
-a
use /etc/shutdown.allow to decide who may shut down from the console.
.SH EXAMPLES
.TP
shutdown -r now
reboot at once.
.TP
shutdown -h +5 "disk replacement"
halt in five minutes, telling users why.
.SH FILES
.nf
/etc/inittab
/etc/shutdown.allow
.fi
.SH SEE ALSO
init(8), halt(8), reboot(8), runlevel(8)`,
	},
}
