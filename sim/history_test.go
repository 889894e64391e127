package sim_test

import "testing"

// TestHistoryExpansion: a typed line goes through bash's history
// expansion before it runs; the expanded line is shown first, a failed
// one is reported and runs nothing, and set +H turns it off.
func TestHistoryExpansion(t *testing.T) {
	t.Parallel()
	runCases(t, map[string][]step{
		"bang bang and last word": {
			{a: kbType("echo hello world"), want: "hello world\n"},
			{a: kbType("!!"), want: "echo hello world\nhello world\n"},
			{a: kbType("echo !$"), want: "echo world\nworld\n"},
			{a: kbType("^world^there"), want: "echo there\nthere\n"},
			{a: kbType("history | tail -3"), want: "    3  echo world\n    4  echo there\n    5  history | tail -3\n"},
		},
		"event not found keeps the status": {
			{a: kbType("false"), status: 1},
			{a: kbType("!nosuch"), want: "-bash: !nosuch: event not found\n", status: 1},
			{a: kbType(`echo "hi!"`), want: "-bash: !\": event not found\n", status: 1},
			{a: kbType("echo $?"), want: "1\n"},
		},
		"print only": {
			{a: kbType("ls /etc/rc.d/rc3.d/S*sshd"), want: "/etc/rc.d/rc3.d/S55sshd\n"},
			{a: kbType("!ls:p"), want: "ls /etc/rc.d/rc3.d/S*sshd\n"},
			{a: kbType("!!:s/3/5/"), want: "ls /etc/rc.d/rc5.d/S*sshd\n/etc/rc.d/rc5.d/S55sshd\n"},
			{a: kbType("cd !$:h; pwd"), want: "cd /etc/rc.d/rc5.d; pwd\n/etc/rc.d/rc5.d\n"},
		},
		"a nested shell expands its own history": {
			{a: kbType("echo outer"), want: "outer\n"},
			{a: kbType("bash"), want: "[root@lab1 ~]# ", reading: true},
			{a: kbType("echo inner"), want: "inner\n[root@lab1 ~]# ", reading: true},
			{a: kbType("!!"), want: "echo inner\ninner\n[root@lab1 ~]# ", reading: true},
			{a: kbType("exit"), want: "exit\n"},
			{a: kbType("!e"), want: "echo outer\nouter\n"},
		},
		"quotes and set +H": {
			{a: kbType("echo 'a!b' a!=b [!x]"), want: "a!b a!=b [!x]\n"},
			{a: kbType("set +H; echo !!"), want: "set +H; echo echo 'a!b' a!=b [!x]\necho a!b a!=b [!x]\n"},
			{a: kbType("echo !! $-"), want: "!! himB\n"},
		},
	})
}
