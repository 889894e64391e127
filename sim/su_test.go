package sim_test

import (
	"strings"
	"testing"

	"rclab/sim"
)

// TestSuAndNestedShells: su, su - and bash typed at the console start a
// shell that reads the keyboard, runs as its user, prompts with its own
// PS1, and hands its exit status back to the console's shell.
func TestSuAndNestedShells(t *testing.T) {
	t.Parallel()
	const (
		root    = "[root@lab1 ~]# "
		alice   = "[alice@lab1 ~]$ "
		aliceID = "uid=501(alice) gid=501(alice) groups=501(alice)\n"
		rootID  = "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)\n"
		eof     = sim.EndOfInput
	)
	ctl := func(k sim.ActionKind) sim.Action { return sim.Action{Kind: k} }
	cases := map[string][]step{
		"su - as root runs as the user": {
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: kbType("id"), want: aliceID + alice, reading: true},
			{a: kbType("whoami; echo $HOME $USER $LOGNAME $SHELL; pwd"), want: "alice\n/home/alice alice alice /bin/bash\n/home/alice\n" + alice, reading: true},
			{a: kbType("touch /root/x"), want: "touch: cannot touch `/root/x': Permission denied\n" + alice, reading: true},
			{a: kbType("echo hi > f; stat -c '%U:%G %a' f"), want: "alice:alice 664\n" + alice, reading: true},
			{a: kbType("exit 4"), want: "logout\n", status: 4},
			{a: kbType("echo $?; id"), want: "4\n" + rootID},
		},
		"su -c runs one command as the user": {
			{a: kbType("su - alice -c 'id; touch /root/x'"), want: aliceID + "touch: cannot touch `/root/x': Permission denied\n", status: 1},
			{a: kbType("su alice -c 'whoami; pwd; echo $HOME'"), want: "alice\n/root\n/home/alice\n"},
		},
		"a user's su asks the password": {
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: kbType("su -"), want: "Password: ", reading: true, noEcho: true},
			{a: kbType("wrong"), want: "\nsu: incorrect password\n" + alice, reading: true},
			{a: kbType("echo $?"), want: "1\n" + alice, reading: true},
			{a: kbType("su -"), want: "Password: ", reading: true, noEcho: true},
			{a: kbType("rclab"), want: "\n" + root, reading: true},
			{a: kbType("id -un; echo $SHLVL"), want: "root\n1\n" + root, reading: true},
			{a: ctl(eof), want: "logout\n" + alice, reading: true},
			{a: ctl(eof), want: "logout\n"},
			{a: kbType("grep -c 'authentication failure.*ruser=alice' /var/log/secure"), want: "1\n"},
		},
		"su without - keeps the directory and USER for root": {
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: kbType("su"), want: "Password: ", reading: true, noEcho: true},
			{a: kbType("rclab"), want: "\n[root@lab1 alice]# ", reading: true},
			{a: kbType("echo $USER $HOME; id -u"), want: "alice /root\n0\n[root@lab1 alice]# ", reading: true},
			{a: kbType("exit"), want: "exit\n" + alice, reading: true},
			{a: kbType("logout"), want: "logout\n"},
		},
		"runuser is root's": {
			{a: kbType("runuser -l bob -c id"), want: "uid=502(bob) gid=502(bob) groups=502(bob)\n"},
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: kbType("/sbin/runuser -l bob -c id"), want: "runuser: may not be used by non-root users\n" + alice, reading: true},
			{a: kbType("exit"), want: "logout\n", status: 1},
		},
		"bash at the prompt": {
			{a: kbType("bash"), want: root, reading: true},
			{a: kbType("echo $SHLVL $0; alias rm"), want: "2 bash\nalias rm='rm -i'\n" + root, reading: true},
			{a: kbType("for i in 1 2"), want: "> ", reading: true},
			{a: kbType("do echo $i; done"), want: "1\n2\n" + root, reading: true},
			{a: kbType("fi"), want: "bash: syntax error near unexpected token `fi'\n" + root, reading: true},
			{a: kbType("logout"), want: "bash: logout: not login shell: use `exit'\n" + root, reading: true},
			{a: ctl(eof), want: "exit\n", status: 1},
			{a: kbType("echo $? $SHLVL"), want: "1 1\n"},
		},
		"sh reads no bashrc": {
			{a: kbType("sh"), want: "sh-3.2# ", reading: true},
			{a: kbType("echo $0; exit 2"), want: "sh\nexit\n", status: 2},
		},
		"ps shows the nested shells and their users": {
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: kbType("bash"), want: alice, reading: true},
			{a: kbType("ps -t tty1 -o user,stat,cmd"), want: "USER     STAT CMD\nroot     Ss   -bash\nroot     S+   su - alice\n" +
				"alice    S+   -bash\nalice    S+   bash\nalice    R+   ps -t tty1 -o user,stat,cmd\n" + alice, reading: true},
			{a: kbType("exit"), want: "exit\n" + alice, reading: true},
			{a: kbType("exit"), want: "logout\n"},
			{a: kbType("ps -t tty1 -o user,cmd"), want: "USER     CMD\nroot     -bash\nroot     ps -t tty1 -o user,cmd\n"},
		},
		// Ctrl-C goes to the innermost shell: at its prompt it gives a
		// new prompt; a command it runs is stopped, and the shell stays.
		"Ctrl-C stays in the nested shell": {
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: ctl(sim.Interrupt), want: "^C\n" + alice, reading: true},
			{a: kbType("cat; echo not reached"), reading: true},
			{a: kbType("typed"), want: "typed\n", reading: true},
			{a: ctl(sim.Interrupt), want: "^C\n" + alice, reading: true},
			{a: kbType("echo $?; id -un"), want: "130\nalice\n" + alice, reading: true},
			{a: kbType("su -"), want: "Password: ", reading: true, noEcho: true},
			{a: kbType("rclab"), want: "\n" + root, reading: true},
			{a: ctl(sim.Interrupt), want: "^C\n" + root, reading: true},
			{a: kbType("exit"), want: "logout\n" + alice, reading: true},
			{a: kbType("exit"), want: "logout\n"},
			{a: kbType("ps -t tty1 -o user,cmd"), want: "USER     CMD\nroot     -bash\nroot     ps -t tty1 -o user,cmd\n"},
		},
		"a program in the nested shell reads the keyboard": {
			{a: kbType("su - alice"), want: alice, reading: true},
			{a: kbType("read -p 'name? ' n; echo hello $n"), reading: true}, // no terminal: read shows no prompt
			{a: kbType("bob"), want: "hello bob\n" + alice, reading: true},
			{a: kbType("exit"), want: "logout\n"},
		},
	}
	runCases(t, cases)
}

// TestSuLongSession: each line typed in a nested shell has the step
// budget of a command line of its own, so a long su session is never
// stopped as a runaway.
func TestSuLongSession(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if r := apply(t, m, kbType("su -")); !r.Reading {
		t.Fatalf("su - = %q, not reading", r.Output)
	}
	for i := 0; i < 8; i++ {
		r := apply(t, m, kbType("n=0; while [ $n -lt 30000 ]; do n=$((n+1)); done; echo $n"))
		if !strings.HasPrefix(r.Output, "30000\n") || !r.Reading {
			t.Fatalf("line %d in su - = %q, reading %v; want 30000 and the prompt", i, tail(r.Output), r.Reading)
		}
	}
}

// TestShellPromptFlag: a nested shell at its prompt is told apart from a
// program waiting for an answer, on tty1 and tty2.
func TestShellPromptFlag(t *testing.T) {
	t.Parallel()
	m, err := sim.New(sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		line        string
		shellPrompt bool
	}{{"su - alice", true}, {"read x", false}, {"answer", true}, {"cat", false}} {
		r := apply(t, m, kbType(c.line))
		if !r.Reading || r.ShellPrompt != c.shellPrompt || m.AtShellPromptOn(1) != c.shellPrompt {
			t.Errorf("after %q: Reading %v, ShellPrompt %v, AtShellPromptOn %v; want true, %v", c.line, r.Reading, r.ShellPrompt, m.AtShellPromptOn(1), c.shellPrompt)
		}
	}
}
