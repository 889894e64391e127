package shell

import "testing"

func TestUlimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		user  bool
		lines []string
		want  string
	}{
		{"file size by default", false, []string{"ulimit"}, "unlimited\n"},
		{"one limit prints its value", false, []string{"ulimit -u; ulimit -Hn"}, "4095\n1024\n"},
		{"several print labels", false, []string{"ulimit -n -u"},
			"open files                      (-n) 1024\nmax user processes              (-u) 4095\n"},
		{"-a lists all", false, []string{"ulimit -a | wc -l"}, "16\n"},
		{"a set limit stays", false, []string{"ulimit -n 100; ulimit -n; ulimit -a | grep files"},
			"100\nopen files                      (-n) 100\n"},
		{"root may raise", false, []string{"ulimit -n 4096 && ulimit -n"}, "4096\n"},
		{"bad option", false, []string{"ulimit -z; echo $?"},
			"-bash: ulimit: -z: invalid option\nulimit: usage: ulimit [-SHacdefilmnpqrstuvx] [limit]\n2\n"},
		{"bad number", false, []string{"ulimit -n lots; echo $?"}, "-bash: ulimit: lots: invalid number\n1\n"},
		{"a user may lower", true, []string{"ulimit -n 512 && ulimit -n"}, "512\n"},
		{"a user may not raise", true, []string{"ulimit -n 4096; echo $?"},
			"-bash: ulimit: open files: cannot modify limit: Operation not permitted\n1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got string
			if tt.user {
				got = userSession(t, testKernel(t), tt.lines...)
			} else {
				got = session(t, testKernel(t), tt.lines...)
			}
			if got != tt.want {
				t.Errorf("%v = %q; want %q", tt.lines, got, tt.want)
			}
		})
	}
}
