package cmds

import "testing"

func TestCheckSshdConfig(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Protocol 2\n  # a comment\n\n\tPermitRootLogin no\nUSEDNS no", ""},
		{"Protocol 2\n#x\n\nBogusOpt yes\n\tPermitRootLogin no\n\u00dcber x\n   Nope\u00a0", "/etc/ssh/sshd_config: line 4: Bad configuration option: BogusOpt\n" +
			"/etc/ssh/sshd_config: line 6: Bad configuration option: \u00dcber\n" +
			"/etc/ssh/sshd_config: line 7: Bad configuration option: Nope\n" +
			"/etc/ssh/sshd_config: terminating, 3 bad configuration options"},
	}
	for _, tt := range tests {
		got := ""
		if err := checkSshdConfig(nil, []byte(tt.in)); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("checkSshdConfig(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
