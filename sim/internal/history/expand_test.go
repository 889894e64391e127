package history

import (
	"strings"
	"testing"
)

var hist = []string{
	"ls -l /etc/rc.d/rc3.d",
	"service httpd status",
	"chkconfig --list httpd",
	"echo 'a b' c",
}

func TestExpand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want string
		res  Result
	}{
		{"!!", "echo 'a b' c", Expanded},
		{"time !!", "time echo 'a b' c", Expanded},
		{"!ser", "service httpd status", Expanded},
		{"!ser:p", "service httpd status", PrintOnly},
		{"!1", "ls -l /etc/rc.d/rc3.d", Expanded},
		{"!-2", "chkconfig --list httpd", Expanded},
		{"!?list?", "chkconfig --list httpd", Expanded},
		{"!?list", "chkconfig --list httpd", Expanded},
		{"echo !$", "echo c", Expanded},
		{"echo !^", "echo 'a b'", Expanded},
		{"echo !*", "echo 'a b' c", Expanded},
		{"echo !ls:$", "echo /etc/rc.d/rc3.d", Expanded},
		{"cd !ls:$:h", "cd /etc/rc.d", Expanded},
		{"echo !ls:$:t", "echo rc3.d", Expanded},
		{"echo !ls:$:t:r", "echo rc3", Expanded},
		{"echo !ls:$:e", "echo .d", Expanded},
		{"!ls:0", "ls", Expanded},
		{"echo !ls:1-2", "echo -l /etc/rc.d/rc3.d", Expanded},
		{"echo !ls:0-", "echo ls -l", Expanded},
		{"echo !ls:*", "echo -l /etc/rc.d/rc3.d", Expanded},
		{"echo !ls:2*", "echo /etc/rc.d/rc3.d", Expanded},
		{"!ls:s/rc3/rc5/", "ls -l /etc/rc.d/rc5.d", Expanded},
		{"!ls:gs/r/R/", "ls -l /etc/Rc.d/Rc3.d", Expanded},
		{"!ls:s/rc3/&-old/", "ls -l /etc/rc.d/rc3-old.d", Expanded},
		{"!ls:s/rc3/\\&/", "ls -l /etc/rc.d/&.d", Expanded},
		{"!ser:s/status/restart", "service httpd restart", Expanded},
		{"^a b^x^", "echo 'x' c", Expanded},
		{"!nosuch", "!nosuch: event not found", Failed},
		{"!99", "!99: event not found", Failed},
		{"!-9", "!-9: event not found", Failed},
		{`echo "hello!"`, `!": event not found`, Failed},
		{"!ls:5", ":5: bad word specifier", Failed},
		{"!ls:z", "z: unrecognized history modifier", Failed},
		{"!ls:s/zz/y/", ":s/zz/y/: substitution failed", Failed},
		{"echo 'hello!'", "echo 'hello!'", Unchanged},
		{"echo hello!", "echo hello!", Unchanged},
		{"test a != b", "test a != b", Unchanged},
		{"x=!", "x=!", Unchanged},
		{"ls [!a]*", "ls [!a]*", Unchanged},
		{"echo ${!HO*}", "echo ${!HO*}", Unchanged},
		{"kill $!; wait $!", "kill $!; wait $!", Unchanged},
		{`echo \!!`, `echo \!!`, Unchanged},
		{"ls # !!", "ls # !!", Unchanged},
		{"ls", "ls", Unchanged},
		{"echo !! # !!", "echo echo 'a b' c # !!", Expanded},
		{"echo x!#", "echo xecho x", Expanded},
	}
	for _, tt := range tests {
		got, res := Expand(tt.line, hist, &State{})
		if got != tt.want || res != tt.res {
			t.Errorf("Expand(%q) = %q, %v; want %q, %v", tt.line, got, res, tt.want, tt.res)
		}
	}
}

func TestExpandEmptyHistory(t *testing.T) {
	t.Parallel()
	for _, line := range []string{"!!", "!$", "^a^b"} {
		got, res := Expand(line, nil, nil)
		if res != Failed || !strings.HasSuffix(got, ": event not found") {
			t.Errorf("Expand(%q, no history) = %q, %v; want event not found", line, got, res)
		}
	}
}

// TestExpandState: a substitution and a substring search are remembered
// for the next line, as readline does.
func TestExpandState(t *testing.T) {
	t.Parallel()
	var st State
	if got, _ := Expand("!ser:s/httpd/sshd/", hist, &st); got != "service sshd status" {
		t.Fatalf("first = %q", got)
	}
	if got, res := Expand("!chk:&", hist, &st); got != "chkconfig --list sshd" || res != Expanded {
		t.Errorf("!chk:& = %q, %v; want the last substitution again", got, res)
	}
	if got, _ := Expand("echo !?rc3?%", hist, &st); got != "echo /etc/rc.d/rc3.d" {
		t.Errorf("!?rc3?%% = %q; want the word that matched", got)
	}
	if got, _ := Expand("!??", hist, &st); got != "ls -l /etc/rc.d/rc3.d" {
		t.Errorf("!?? = %q; want the last search again", got)
	}
	var fresh State
	if got, res := Expand("!!:&", hist, &fresh); res != Failed || got != ":&: no previous substitution" {
		t.Errorf("!!:& with no substitution = %q, %v", got, res)
	}
}

func TestTokenize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"ls -l /etc", []string{"ls", "-l", "/etc"}},
		{"echo 'a b' \"c d\"", []string{"echo", "'a b'", `"c d"`}},
		{"a|b&&c;d>>e 2>&1", []string{"a", "|", "b", "&&", "c", ";", "d", ">>", "e", "2", ">&", "1"}},
		{"echo $(date) a\\ b", []string{"echo", "$(", "date", ")", "a\\ b"}},
	}
	for _, tt := range tests {
		got := Tokenize(tt.in)
		if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
			t.Errorf("Tokenize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzExpand: any typed line expands or fails without panicking, and a
// line with no '!' and no leading '^' is never changed.
func FuzzExpand(f *testing.F) {
	for _, s := range []string{"!!", "!$", "^a^b^", "!ls:s/a/b/:p", "!?x?%", "echo \"!\"", "!-1:0-:gs/x/y/", "!#:q", "!:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var st State
		got, res := Expand(line, hist, &st)
		if !strings.ContainsRune(line, '!') && !strings.HasPrefix(line, "^") && (res != Unchanged || got != line) {
			t.Fatalf("Expand(%q) = %q, %v; want it unchanged", line, got, res)
		}
		Expand(line, nil, &st)
	})
}
