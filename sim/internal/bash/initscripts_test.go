package bash

import (
	"strings"
	"testing"
)

// TestInitScripts runs image init scripts with fake programs under the
// evaluator and under interp, and compares.
func TestInitScripts(t *testing.T) {
	t.Parallel()
	files := initFiles(t)
	files["/etc/init.d/crond"] = imageFile(t, "/etc/rc.d/init.d/crond")
	files["/etc/init.d/sshd"] = imageFile(t, "/etc/rc.d/init.d/sshd")
	files["/etc/sysconfig/crond"] = "CRONDARGS=\n"
	files["/etc/rc.d/init.d/functions"] = files["/etc/init.d/functions"]
	for _, src := range []string{
		`set -- status; . /etc/init.d/crond`,
		`set -- bogus; . /etc/init.d/crond`,
		`set -- status; . /etc/init.d/sshd`,
		`. /etc/init.d/functions; status -p /var/run/httpd.pid httpd; echo $?; status nothere; echo $?`,
		`. /etc/init.d/functions; strstr "abc" b && echo in; is_true yes && echo true`,
	} {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			want, wst := runInterp(t, src, files)
			want = strings.ReplaceAll(want, "umask: unsupported builtin\n", "")
			got, gst := runScript(t, src, files, nil)
			if got != want || gst != wst {
				t.Errorf("run(%q) = %q, %d; interp gives %q, %d", src, got, gst, want, wst)
			}
		})
	}
}

// TestAction checks the OK and FAILED tags of action, which interp gets
// wrong (it prints echo's combined -en flags).
func TestAction(t *testing.T) {
	t.Parallel()
	src := `. /etc/init.d/functions; action "Doing it:" true; action "Failing:" false; echo $?`
	want := "Doing it: \x1b[60G[\x1b[1;32m  OK  \x1b[0;39m]\r\nFailing: \x1b[60G[\x1b[1;31mFAILED\x1b[0;39m]\r\n1\n"
	if got, st := runScript(t, src, initFiles(t), nil); got != want || st != 0 {
		t.Errorf("run(%q) = %q, %d; want %q, 0", src, got, st, want)
	}
}
