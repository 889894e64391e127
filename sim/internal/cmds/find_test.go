package cmds

import "testing"

func TestFind(t *testing.T) {
	t.Parallel()
	const rcd = "/etc/rc.d\n/etc/rc.d/init.d\n/etc/rc.d/init.d/crond\n/etc/rc.d/init.d/network\n/etc/rc.d/init.d/sshd\n" +
		"/etc/rc.d/rc3.d\n/etc/rc.d/rc3.d/K50gone\n/etc/rc.d/rc3.d/S10network\n/etc/rc.d/rc3.d/S55sshd\n/etc/rc.d/rc3.d/S90crond\n"
	const links = "/etc/rc.d/rc3.d/K50gone\n/etc/rc.d/rc3.d/S10network\n/etc/rc.d/rc3.d/S55sshd\n/etc/rc.d/rc3.d/S90crond\n"
	const maxdepthWarning = "find: warning: you have specified the -maxdepth option after a non-option argument -type, " +
		"but options are not positional (-maxdepth affects tests specified before it as well as those specified after it).  " +
		"Please specify options before other arguments.\n\n"
	lsCheck(t, []lsCase{
		// Walking: pre-order, names in order, paths as given.
		{in: "find /etc/rc.d", want: rcd},
		{in: "find /etc/rc.d -print", want: rcd},
		{in: "find", want: ".\n./.bashrc\n./Desktop\n./anaconda-ks.cfg\n./install.log\n./rcd\n"},
		{in: "find . -maxdepth 0", want: ".\n"},
		{in: "find Desktop ../home", want: "Desktop\n../home\n../home/guest\n../home/guest/notes.txt\n"},
		{in: "find /etc/rc.d/ -maxdepth 1", want: "/etc/rc.d/\n/etc/rc.d/init.d\n/etc/rc.d/rc3.d\n"},
		// Links are not followed, unless -L, -follow or -H (operands).
		{in: "find rcd", want: "rcd\n"},
		{in: "find -L rcd -maxdepth 1", want: "rcd\nrcd/init.d\nrcd/rc3.d\n"},
		{in: "find -H rcd -maxdepth 1", want: "rcd\nrcd/init.d\nrcd/rc3.d\n"},
		{in: "find rcd -follow -maxdepth 1", want: "rcd\nrcd/init.d\nrcd/rc3.d\n"},
		{in: "find -L /etc/rc.d/rc3.d -type f", want: "/etc/rc.d/rc3.d/S10network\n/etc/rc.d/rc3.d/S55sshd\n/etc/rc.d/rc3.d/S90crond\n"},
		// Tests.
		{in: "find /etc -name 's*'", want: "/etc/rc.d/init.d/sshd\n"},
		{in: "find /etc -iname 's*'", want: "/etc/rc.d/init.d/sshd\n/etc/rc.d/rc3.d/S10network\n/etc/rc.d/rc3.d/S55sshd\n/etc/rc.d/rc3.d/S90crond\n"},
		{in: "find /etc -name '[KS][0-9][0-9]*d'", want: "/etc/rc.d/rc3.d/S55sshd\n/etc/rc.d/rc3.d/S90crond\n"},
		{in: "find /etc -path '*init.d/?s*'", want: "/etc/rc.d/init.d/sshd\n"},
		{in: "find /etc/rc.d -type d", want: "/etc/rc.d\n/etc/rc.d/init.d\n/etc/rc.d/rc3.d\n"},
		{in: "find /etc/rc.d -type l", want: links},
		{in: "find /dev -type c", want: "/dev/null\n"},
		{in: "find /etc/rc.d -maxdepth 1", want: "/etc/rc.d\n/etc/rc.d/init.d\n/etc/rc.d/rc3.d\n"},
		{in: "find /etc/rc.d -mindepth 2 -type f", want: "/etc/rc.d/init.d/crond\n/etc/rc.d/init.d/network\n/etc/rc.d/init.d/sshd\n"},
		{in: "find /etc/rc.d -type l -xtype l", want: "/etc/rc.d/rc3.d/K50gone\n"},
		{in: "find /etc/rc.d/rc3.d -lname '*sshd'", want: "/etc/rc.d/rc3.d/S55sshd\n"},
		{in: "find /etc/rc.d ! -type l", want: "/etc/rc.d\n/etc/rc.d/init.d\n/etc/rc.d/init.d/crond\n/etc/rc.d/init.d/network\n/etc/rc.d/init.d/sshd\n/etc/rc.d/rc3.d\n"},
		{in: "find /etc/rc.d -name init.d -o -name rc3.d", want: "/etc/rc.d/init.d\n/etc/rc.d/rc3.d\n"},
		{in: `find /etc/rc.d \( -name 'S*' -a -type l \) -o -name crond`, want: "/etc/rc.d/init.d/crond\n/etc/rc.d/rc3.d/S10network\n/etc/rc.d/rc3.d/S55sshd\n/etc/rc.d/rc3.d/S90crond\n"},
		{in: "find /etc/rc.d -name init.d -prune -o -print", want: "/etc/rc.d\n/etc/rc.d/rc3.d\n" + links},
		{in: "find /root -empty", want: "/root/Desktop\n"},
		{in: "find /root -size +10k", want: "/root/install.log\n"},
		{in: "find /root -size -2", want: "/root/.bashrc\n/root/rcd\n"},
		{in: "find /root -size 1205c", want: "/root/anaconda-ks.cfg\n"},
		{in: "find /bin /tmp -perm -4000", want: "/bin/su\n"},
		{in: "find /bin /tmp -perm 1777", want: "/tmp\n"},
		{in: "find /etc/rc.d/init.d -perm -u=x -name c*", want: "/etc/rc.d/init.d/crond\n"},
		{in: "find /home -user 500", want: "/home/guest/notes.txt\n"},
		{in: "find /home -nouser", want: "/home/guest/notes.txt\n"},
		{in: "find /home -user root", want: "/home\n/home/guest\n"},
		{in: "find /root -newer /root/install.log -type f", want: "/root/.bashrc\n/root/anaconda-ks.cfg\n"},
		{in: "find /root -mtime +30", want: "/root/install.log\n"},
		{in: "find /root -mtime -1 -type f", want: "/root/.bashrc\n/root/anaconda-ks.cfg\n"},
		{in: "find /etc -regex '.*/S[0-9]+sshd'", want: "/etc/rc.d/rc3.d/S55sshd\n"},
		// Actions.
		{in: `find /etc/rc.d/rc3.d -type l -name 'S*' -exec ls -l {} \;`, want: "" +
			"lrwxrwxrwx 1 root root 17 2014-10-06 09:00 /etc/rc.d/rc3.d/S10network -> ../init.d/network\n" +
			"lrwxrwxrwx 1 root root 14 2014-10-06 09:00 /etc/rc.d/rc3.d/S55sshd -> ../init.d/sshd\n" +
			"lrwxrwxrwx 1 root root 15 2014-10-06 09:00 /etc/rc.d/rc3.d/S90crond -> ../init.d/crond\n"},
		{in: "find /etc/rc.d/init.d -type f -exec stat -c %n:%s {} +", want: "/etc/rc.d/init.d/crond:20\n/etc/rc.d/init.d/network:22\n/etc/rc.d/init.d/sshd:19\n"},
		{in: `find /etc/rc.d/init.d -type f -exec stat -c 'file {}' {} \;`, want: "file /etc/rc.d/init.d/crond\nfile /etc/rc.d/init.d/network\nfile /etc/rc.d/init.d/sshd\n"},
		{in: `find /etc/rc.d/rc3.d -exec stat -L -c %s {} \; -print`, want: "4096\n/etc/rc.d/rc3.d\n22\n/etc/rc.d/rc3.d/S10network\n19\n/etc/rc.d/rc3.d/S55sshd\n20\n/etc/rc.d/rc3.d/S90crond\n",
			wantErr: "stat: cannot stat `/etc/rc.d/rc3.d/K50gone': No such file or directory\n"},
		{in: `find /etc/rc.d/init.d -name sshd -ok stat -c %n {} \;`, stdin: "y\n", want: "/etc/rc.d/init.d/sshd\n", wantErr: "< stat ... /etc/rc.d/init.d/sshd > ? "},
		{in: `find /etc/rc.d/init.d -name sshd -ok stat -c %n {} \;`, stdin: "n\n", wantErr: "< stat ... /etc/rc.d/init.d/sshd > ? "},
		{in: "find /etc/rc.d/init.d -type f -print0", want: "/etc/rc.d/init.d/crond\x00/etc/rc.d/init.d/network\x00/etc/rc.d/init.d/sshd\x00"},
		{in: "find /etc -name '*.d' -print -quit", want: "/etc/rc.d\n"},
		{in: "find /root/Desktop /root/rcd -ls", want: "    28    4 drwxr-xr-x   2 root     root         4096 Oct  6 09:00 /root/Desktop\n" +
			"    29    0 lrwxrwxrwx   1 root     root            9 Oct  6 09:00 /root/rcd -> /etc/rc.d\n"},
		{in: `find /etc/rc.d/init.d /root/rcd -printf '%f %s %m %M %u %y %d %h|%l\n'`, want: "init.d 4096 755 drwxr-xr-x root d 0 /etc/rc.d|\n" +
			"crond 20 755 -rwxr-xr-x root f 1 /etc/rc.d/init.d|\nnetwork 22 755 -rwxr-xr-x root f 1 /etc/rc.d/init.d|\n" +
			"sshd 19 755 -rwxr-xr-x root f 1 /etc/rc.d/init.d|\nrcd 9 777 lrwxrwxrwx root l 0 /root|/etc/rc.d\n"},
		{in: `find /root -maxdepth 1 -name '*.*' -printf '%-16f|%5s|%TY\n'`, want: ".bashrc         |   10|2014\nanaconda-ks.cfg | 1205|2014\ninstall.log     |15276|2013\n"},
		// Warnings and errors.
		{in: "find /etc/rc.d -type d -maxdepth 1", want: "/etc/rc.d\n/etc/rc.d/init.d\n/etc/rc.d/rc3.d\n", wantErr: maxdepthWarning},
		{in: "find /nope /etc/rc.d/init.d -name sshd", want: "/etc/rc.d/init.d/sshd\n", wantErr: "find: /nope: No such file or directory\n", status: 1},
		{in: "find /etc/passwd/x", wantErr: "find: /etc/passwd/x: Not a directory\n", status: 1},
		{in: "find /etc -bogus", wantErr: "find: invalid predicate `-bogus'\n", status: 1},
		{in: "find /etc -name", wantErr: "find: missing argument to `-name'\n", status: 1},
		{in: "find /etc -type x", wantErr: "find: Unknown argument to -type: x\n", status: 1},
		{in: "find /etc -maxdepth x", wantErr: "find: invalid argument `x' to `-maxdepth'\n", status: 1},
		{in: "find /etc -exec ls", wantErr: "find: missing argument to `-exec'\n", status: 1},
		{in: "find /etc -user bob", wantErr: "find: `bob' is not the name of a known user\n", status: 1},
		{in: "find /etc -group staff", wantErr: "find: `staff' is not the name of an existing group\n", status: 1},
		{in: "find /etc -newer /nope", wantErr: "find: /nope: No such file or directory\n", status: 1},
		{in: "find /etc -perm 999", wantErr: "find: invalid mode `999'\n", status: 1},
		{in: `find /etc \( -name x`, wantErr: "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n", status: 1},
		{in: `find /etc -name x \)`, wantErr: "find: invalid expression; you have too many ')'\n", status: 1},
		{in: `find /etc \( \)`, wantErr: "find: invalid expression; empty parentheses are not allowed.\n", status: 1},
		{in: "find /etc -o -name x", wantErr: "find: invalid expression; you have used a binary operator '-o' with nothing before it.\n", status: 1},
		{in: "find /etc -name x y", wantErr: "find: paths must precede expression\nUsage: find [-H] [-L] [-P] [path...] [expression]\n", status: 1},
	})
}

func TestFindDelete(t *testing.T) {
	t.Parallel()
	k := lsMachine(t)
	if out, errs, st := runCmd(t, k, "find /etc/rc.d -name 'S*sshd' -delete -o -name 'K*' -print", ""); out != "/etc/rc.d/rc3.d/K50gone\n" || errs != "" || st != 0 {
		t.Errorf("find -delete = %q, %q, %d; want K50gone printed, no error, 0", out, errs, st)
	}
	if out, _, _ := runCmd(t, k, "ls /etc/rc.d/rc3.d", ""); out != "K50gone\nS10network\nS90crond\n" {
		t.Errorf("after find -delete: ls /etc/rc.d/rc3.d = %q; want S55sshd gone", out)
	}
	want := "find: cannot delete `/etc/rc.d/init.d': Directory not empty\n"
	if _, errs, st := runCmd(t, k, "find /etc/rc.d -name init.d -delete", ""); errs != want || st != 1 {
		t.Errorf("find -delete non-empty dir: stderr, status = %q, %d; want %q, 1", errs, st, want)
	}
}

func TestFindMatch(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pat, name string
		fold      bool
		want      bool
	}{
		{"*", ".bashrc", false, true},
		{"*.log", "install.log", false, true},
		{"S??sshd", "S55sshd", false, true},
		{"[!S]*", "K50gone", false, true},
		{"[!S]*", "S50gone", false, false},
		{"[[:digit:]]*", "5x", false, true},
		{"SSHD", "sshd", true, true},
		{"SSHD", "sshd", false, false},
		{`\*`, "*", false, true},
		{"a*/b", "a/x/b", false, true},
		{"[", "[", false, true},
	} {
		if got := findFnmatch(c.pat, c.name, c.fold); got != c.want {
			t.Errorf("findFnmatch(%q, %q, %v) = %v; want %v", c.pat, c.name, c.fold, got, c.want)
		}
	}
}
