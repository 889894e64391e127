package shell

import (
	"io/fs"
	"testing"
)

// A redirection creates its file 0666 less the umask, as bash does, so a
// umask of 002 (/etc/bashrc's for users) leaves it group-writable.
func TestRedirectionHeedsUmask(t *testing.T) {
	t.Parallel()
	tests := []struct {
		umask string
		want  fs.FileMode
	}{
		{"022", 0o644},
		{"002", 0o664},
		{"077", 0o600},
		{"000", 0o666},
	}
	for _, tt := range tests {
		t.Run(tt.umask, func(t *testing.T) {
			t.Parallel()
			k := testKernel(t)
			session(t, k, "umask "+tt.umask, "echo x > /root/new; echo y >> /root/app; : > /root/trunc")
			for _, name := range []string{"/root/new", "/root/app", "/root/trunc"} {
				fi, err := k.FS.Stat(name)
				if err != nil {
					t.Fatal(err)
				}
				if got := fi.Mode().Perm(); got != tt.want {
					t.Errorf("umask %s; > %s = %#o; want %#o", tt.umask, name, got, tt.want)
				}
			}
		})
	}
}
