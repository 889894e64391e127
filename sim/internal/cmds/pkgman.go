package cmds

// Manual pages of rpm, vmstat and lsof, written for rclab; CentOS 5 has
// all three in section 8. A hand-written page replaces the page man
// builds for a program (help.go), whatever its section.

func init() {
	manExtra["rpm"] = &manPage{
		Names: []string{"rpm"}, Section: "8", Title: "Red Hat Linux", Source: "4 Jan 2002",
		Summary:  "RPM Package Manager",
		Synopsis: "rpm {-q|--query} [select-options] [query-options]\nrpm {-V|--verify} [select-options]\nrpm {-e|--erase} PACKAGE_NAME ...\nrpm {-i|--install} PACKAGE_FILE ...",
		Body: `.SH DESCRIPTION
rpm keeps the database of the packages installed on the system, in
/var/lib/rpm: for each package its name, version, release, description,
and every file it installed with the file's size, digest, mode and owner.
A package is named NAME, NAME-VERSION or NAME-VERSION-RELEASE.
.SH QUERY OPTIONS
.TP
-q NAME
print NAME-VERSION-RELEASE of the installed package, or "package NAME is
not installed"
.TP
-qa [PATTERN]
list every installed package (or those whose name matches the shell
pattern), in the order they were installed
.TP
-qf FILE
print the package that owns FILE
.TP
-qi NAME
describe the package: version, vendor, build and install dates, group,
size, license, summary and description
.TP
-ql NAME, -qc NAME, -qd NAME, -qs NAME
list the package's files, its configuration files, its documentation, or
its files with their state (normal, not installed)
.TP
--qf FORMAT
print FORMAT for each package: %{NAME}, %{VERSION}, %{RELEASE}, %{ARCH}...
.SH VERIFY OPTIONS
.TP
-V NAME, -Va, -Vf FILE
compare the files of the package with the database, and print one line for
each file that differs. Nothing is printed for a package whose files are
as installed. The line starts with eight characters, each a dot when the
test passed: S size, M mode, 5 MD5 digest, D device, L link target,
U owner, G group, T modification time; then c for a configuration file, and
the path. A file that is not there is reported as "missing".
.SH FILES
.nf
/var/lib/rpm/Packages
.fi
.SH SEE ALSO
rpm2cpio(8), yum(8)`,
	}
	manExtra["vmstat"] = &manPage{
		Names: []string{"vmstat"}, Section: "8", Title: "Linux Administrator's Manual", Source: "Throatwobbler Ginkgo Labs",
		Summary:  "Report virtual memory statistics",
		Synopsis: "vmstat [-a] [-n] [delay [ count]]\nvmstat [-s]\nvmstat [-S unit]\nvmstat [-V]",
		Body: `.SH DESCRIPTION
vmstat reports information about processes, memory, paging, block IO,
traps, and cpu activity. The first report gives averages since the last
reboot; each further one, every delay seconds, covers the interval since
the one before. Without a count, vmstat goes on until interrupted.
.SH FIELDS
.TP
Procs
r: the number of processes waiting for run time; b: the number of
processes in uninterruptible sleep
.TP
Memory
swpd: virtual memory used; free: idle memory; buff: memory used as
buffers; cache: memory used as cache (inact and active with -a)
.TP
Swap, IO
si, so: memory swapped in from and out to disk (/s); bi, bo: blocks
received from and sent to a block device (blocks/s)
.TP
System
in: interrupts per second; cs: context switches per second
.TP
CPU
percentages of total CPU time: us user, sy system, id idle, wa waiting for
IO, st stolen from a virtual machine
.SH OPTIONS
.TP
-a
show active and inactive memory
.TP
-n
print the header only once
.TP
-s
print a table of event counters and memory statistics
.TP
-S unit
k (1000), K (1024), m (1000000) or M (1048576) bytes
.TP
-V
print the version
.SH SEE ALSO
free(1), ps(1), top(1)`,
	}
	manExtra["lsof"] = &manPage{
		Names: []string{"lsof"}, Section: "8", Title: "Maintenance Procedures", Source: "Revision-4.78",
		Summary:  "list open files",
		Synopsis: "lsof [ -?abhlnPtv ] [ -c c ] [ -i [i] ] [ -p s ] [ -u s ] [ -- ] [names]",
		Body: `.SH DESCRIPTION
lsof lists the files opened by processes: their working and root
directories (cwd, rtd), their program text (txt), memory-mapped libraries
(mem), and their file descriptors by number, followed by the access mode
(r, w or u for both). An Internet socket is a file too: its NAME gives the
local address and port, and (LISTEN) for a socket waiting for connections.
.PP
Without options, lsof lists every open file of every process. The
selection options are ORed unless -a is given. Ordinary users see the
files of their own processes only.
.SH OPTIONS
.TP
-i [i]
select Internet files; i is [46][protocol][@hostname|hostaddr][:service|port],
for example -i :22, -i TCP:80, -i UDP, -i @localhost
.TP
-p s
select the processes whose IDs are in the comma-separated list s
.TP
-c c
select the processes whose command begins with c
.TP
-u s
select the processes of the logins or UIDs in s
.TP
-a
AND the selections
.TP
-n, -P
show host addresses and port numbers instead of names
.TP
-l
show UIDs instead of login names
.TP
-t
terse: print only the process IDs
.SH SEE ALSO
netstat(8), fuser(1), ps(1)`,
	}
}
