package cmds

import "testing"

func TestMD5Crypt(t *testing.T) {
	t.Parallel()
	tests := []struct{ pw, salt, want string }{
		// Reference hashes from glibc's crypt(3) (openssl passwd -1).
		{"rclab", "abcdefgh", "$1$abcdefgh$bHeVw7NuwvcYp9SiJgalH0"},
		{"password", "$1$saltsalt$", "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"},
	}
	for _, tt := range tests {
		if got := MD5Crypt(tt.pw, tt.salt); got != tt.want {
			t.Errorf("MD5Crypt(%q, %q) = %q; want %q", tt.pw, tt.salt, got, tt.want)
		}
	}
}

func TestPasswd(t *testing.T) {
	t.Parallel()
	k := testKernel(t, map[string]string{
		"/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n",
		"/etc/shadow": "root:$1$abcdefgh$xxxxxxxxxxxxxxxxxxxxxx:16343:0:99999:7:::\n",
	})
	out, errs, st := runCmd(t, k, "passwd --stdin root", "Rclab#2024\n")
	if out != "Changing password for user root.\npasswd: all authentication tokens updated successfully.\n" || errs != "" || st != 0 {
		t.Errorf("passwd --stdin = %q, %q, %d", out, errs, st)
	}
	p := &Proc{Sys: k, Dir: "/"}
	if !CheckPassword(p, "root", "Rclab#2024") || CheckPassword(p, "root", "rclab") {
		t.Errorf("CheckPassword after passwd: new password not accepted or old one still accepted")
	}
	_, errs, st = runCmd(t, k, "passwd nobody", "")
	if errs != "passwd: Unknown user name 'nobody'.\n" || st != 1 {
		t.Errorf("passwd nobody = %q, %d", errs, st)
	}
}
