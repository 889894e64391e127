package cmds

import "testing"

func TestModeCompile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode  string
		old   uint32
		dir   bool
		umask uint32
		want  uint32
	}{
		{"755", 0o644, false, 0o22, 0o755},
		{"0", 0o644, false, 0o22, 0},
		{"4755", 0o644, false, 0o22, 0o4755},
		{"755", 0o2755, true, 0o22, 0o755}, // 5.97 clears a directory's setgid
		{"u+x", 0o644, false, 0o22, 0o744},
		{"+x", 0o644, false, 0o22, 0o755},
		{"+x", 0o644, false, 0o77, 0o744},
		{"a+x", 0o644, false, 0o77, 0o755},
		{"+w", 0o444, false, 0o22, 0o644},
		{"-w", 0o666, false, 0o22, 0o466},
		{"go-w", 0o666, false, 0o22, 0o644},
		{"a=r", 0o755, false, 0o22, 0o444},
		{"=", 0o755, false, 0o22, 0},
		{"u=rwx,g=rx,o=", 0o000, false, 0o22, 0o750},
		{"g=u", 0o640, false, 0o22, 0o660},
		{"o=g", 0o650, false, 0o22, 0o655},
		{"go=u-w", 0o700, false, 0o22, 0o755},
		{"u+s", 0o755, false, 0o22, 0o4755},
		{"g+s", 0o755, true, 0o22, 0o2755},
		{"+t", 0o777, true, 0o22, 0o1777},
		{"o+t", 0o777, true, 0o22, 0o1777},
		{"u+t", 0o777, true, 0o22, 0o777},
		{"a+X", 0o644, false, 0o22, 0o644},
		{"a+X", 0o744, false, 0o22, 0o755},
		{"a+X", 0o600, true, 0o22, 0o711},
		{"u-x+s", 0o755, false, 0o22, 0o4655},
		{"ug+rw,o-rwx", 0o604, false, 0o22, 0o660},
		{"+", 0o644, false, 0o22, 0o644},
	}
	for _, tt := range tests {
		ch, ok := foModeCompile(tt.mode)
		if !ok {
			t.Errorf("foModeCompile(%q) failed", tt.mode)
			continue
		}
		if got := foModeAdjust(tt.old, tt.dir, tt.umask, ch); got != tt.want {
			t.Errorf("foModeAdjust(%04o, %q, umask %03o) = %04o; want %04o", tt.old, tt.mode, tt.umask, got, tt.want)
		}
	}
	for _, bad := range []string{"", "8", "77777", "u", "x", "u+y", "u+x,", ",u+x", "a+rw x", "0x", "z=r"} {
		if _, ok := foModeCompile(bad); ok {
			t.Errorf("foModeCompile(%q) succeeded; want failure", bad)
		}
	}
	if got := foStrMode(0o4755); got != "rwsr-xr-x" {
		t.Errorf("foStrMode(4755) = %q; want rwsr-xr-x", got)
	}
	if got := foStrMode(0o3644); got != "rw-r-Sr-T" {
		t.Errorf("foStrMode(3644) = %q; want rw-r-Sr-T", got)
	}
}

func TestChmod(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "chmod 755 a", check: map[string]string{"/root/a": "f 0755 0:0 hello\n"}},
		{in: "chmod 0600 a b", check: map[string]string{"/root/a": "f 0600 0:0 hello\n", "/root/b": "f 0600 0:0 bbb\n"}},
		{in: "chmod u+x,go-r a", check: map[string]string{"/root/a": "f 0700 0:0 hello\n"}},
		{in: "chmod +x a", check: map[string]string{"/root/a": "f 0755 0:0 hello\n"}},
		{in: "chmod a=r a", check: map[string]string{"/root/a": "f 0444 0:0 hello\n"}},
		{in: "chmod u=rwx a", check: map[string]string{"/root/a": "f 0744 0:0 hello\n"}},
		{in: "chmod g=u a", check: map[string]string{"/root/a": "f 0664 0:0 hello\n"}},
		{in: "chmod 1777 d", check: map[string]string{"/root/d": "d 1777 0:0"}},
		{in: "chmod -w a", check: map[string]string{"/root/a": "f 0444 0:0 hello\n"}},
		{in: "chmod -x,u+x a", check: map[string]string{"/root/a": "f 0744 0:0 hello\n"}},
		{in: "chmod -r -w a", check: map[string]string{"/root/a": "f 0000 0:0 hello\n"}},
		{in: "chmod -w a", setup: []string{"chmod 666 a"}, status: 1, wantErr: "chmod: a: new permissions are r--rw-rw-, not r--r--r--\n", check: map[string]string{"/root/a": "f 0466 0:0 hello\n"}},
		{in: "chmod 700 la", check: map[string]string{"/root/a": "f 0700 0:0 hello\n", "/root/la": "l -> a"}},
		{in: "chmod 700 dangle", status: 1, wantErr: "chmod: cannot operate on dangling symlink `dangle'\n"},
		{in: "chmod 700 nope", status: 1, wantErr: "chmod: cannot access `nope': No such file or directory\n"},
		{in: "chmod 700 nope a", status: 1, wantErr: "chmod: cannot access `nope': No such file or directory\n", check: map[string]string{"/root/a": "f 0700 0:0 hello\n"}},
		{in: "chmod -f 700 nope", status: 1},
		{in: "chmod --quiet 700 nope a", status: 1, check: map[string]string{"/root/a": "f 0700 0:0 hello\n"}},
		{in: "chmod 800 a", status: 1, wantErr: "chmod: invalid mode: `800'\n" + foTryFor("chmod")},
		{in: "chmod u+q a", status: 1, wantErr: "chmod: invalid mode: `u+q'\n" + foTryFor("chmod")},
		{in: "chmod", status: 1, wantErr: "chmod: missing operand\n" + foTryFor("chmod")},
		{in: "chmod 755", status: 1, wantErr: "chmod: missing operand after `755'\n" + foTryFor("chmod")},
		{in: "chmod -w", status: 1, wantErr: "chmod: missing operand after `-w'\n" + foTryFor("chmod")},
		{in: "chmod -Q 755 a", status: 1, wantErr: "chmod: invalid option -- Q\n" + foTryFor("chmod")},
		{in: "chmod -R go-rwx d", check: map[string]string{"/root/d": "d 0700 0:0", "/root/d/sub": "d 0700 0:0", "/root/d/sub/y": "f 0600 0:0 y\n", "/root/d/x": "f 0600 0:0 x\n"}},
		{in: "chmod -R a+X d", setup: []string{"chmod -R 600 d"}, check: map[string]string{"/root/d": "d 0711 0:0", "/root/d/sub": "d 0711 0:0", "/root/d/x": "f 0600 0:0 x\n"}},
		{in: "chmod -R 700 ld", check: map[string]string{"/root/d/x": "f 0700 0:0 x\n"}},
		{in: "chmod -R 700 d", setup: []string{"ln -s /root/a d/la"}, check: map[string]string{"/root/a": "f 0644 0:0 hello\n", "/root/d/x": "f 0700 0:0 x\n"}},
		{in: "chmod -v 755 a b", setup: []string{"chmod 755 b"}, want: "mode of `a' changed to 0755 (rwxr-xr-x)\nmode of `b' retained as 0755 (rwxr-xr-x)\n"},
		{in: "chmod -c 755 a b", setup: []string{"chmod 755 b"}, want: "mode of `a' changed to 0755 (rwxr-xr-x)\n"},
		{in: "chmod -v 4711 a", want: "mode of `a' changed to 4711 (rws--x--x)\n"},
		{in: "chmod -Rv 700 d", setup: []string{"ln -s x d/lx"}, want: "mode of `d' changed to 0700 (rwx------)\nneither symbolic link `d/lx' nor referent has been changed\nmode of `d/sub' changed to 0700 (rwx------)\nmode of `d/sub/y' changed to 0700 (rwx------)\nmode of `d/x' changed to 0700 (rwx------)\n"},
		{in: "chmod -Rc 755 d", want: "mode of `d/sub/y' changed to 0755 (rwxr-xr-x)\nmode of `d/x' changed to 0755 (rwxr-xr-x)\n"},
		{in: "chmod --reference=d a", check: map[string]string{"/root/a": "f 0755 0:0 hello\n"}},
		{in: "chmod --reference=nope a", status: 1, wantErr: "chmod: failed to get attributes of `nope': No such file or directory\n"},
		{in: "chmod --reference=d", status: 1, wantErr: "chmod: missing operand\n" + foTryFor("chmod")},
		{in: "chmod -R --preserve-root 755 /", status: 1, wantErr: "chmod: it is dangerous to operate recursively on `/'\nchmod: use --no-preserve-root to override this failsafe\n"},
		{in: "chmod -- 755 a", check: map[string]string{"/root/a": "f 0755 0:0 hello\n"}},
		{in: "chmod 755 /etc/rc.d/init.d/x", status: 1, wantErr: "chmod: cannot access `/etc/rc.d/init.d/x': No such file or directory\n"},
	})
}

func TestChown(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "chown alice a", check: map[string]string{"/root/a": "f 0644 500:0 hello\n"}},
		{in: "chown alice:wheel a", check: map[string]string{"/root/a": "f 0644 500:10 hello\n"}},
		{in: "chown alice.wheel a", check: map[string]string{"/root/a": "f 0644 500:10 hello\n"}},
		{in: "chown alice: a", check: map[string]string{"/root/a": "f 0644 500:500 hello\n"}},
		{in: "chown :wheel a", check: map[string]string{"/root/a": "f 0644 0:10 hello\n"}},
		{in: "chown .wheel a", check: map[string]string{"/root/a": "f 0644 0:10 hello\n"}},
		{in: "chown 501:502 a", check: map[string]string{"/root/a": "f 0644 501:502 hello\n"}},
		{in: "chown 500: a", status: 1, wantErr: "chown: `500:': cannot get the login group of a numeric UID\n"},
		{in: "chown 500 a", check: map[string]string{"/root/a": "f 0644 500:0 hello\n"}},
		{in: "chown 777: a", status: 1, wantErr: "chown: `777:': cannot get the login group of a numeric UID\n"},
		{in: "chown : a", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "chown bob a", status: 1, wantErr: "chown: `bob': invalid user\n", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "chown alice:nogroup a", status: 1, wantErr: "chown: `alice:nogroup': invalid group\n"},
		{in: "chown bob.x a", status: 1, wantErr: "chown: `bob.x': invalid user\n"},
		{in: "chown alice nope", status: 1, wantErr: "chown: cannot access `nope': No such file or directory\n"},
		{in: "chown -f alice nope", status: 1},
		{in: "chown", status: 1, wantErr: "chown: missing operand\n" + foTryFor("chown")},
		{in: "chown alice", status: 1, wantErr: "chown: missing operand after `alice'\n" + foTryFor("chown")},
		{in: "chown -x alice a", status: 1, wantErr: "chown: invalid option -- x\n" + foTryFor("chown")},
		// A link is followed unless -h; with -R the links inside are never followed.
		{in: "chown alice la", check: map[string]string{"/root/a": "f 0644 500:0 hello\n"}},
		{in: "chown -h alice la", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "chown alice dangle", status: 1, wantErr: "chown: changing ownership of `dangle': No such file or directory\n"},
		{in: "chown -h alice dangle"},
		{in: "chown -R alice d", setup: []string{"ln -s /root/a d/la"}, check: map[string]string{"/root/d": "d 0755 500:0", "/root/d/sub/y": "f 0644 500:0 y\n", "/root/d/x": "f 0644 500:0 x\n", "/root/a": "f 0644 0:0 hello\n"}},
		{in: "chown -R alice ld", check: map[string]string{"/root/d/x": "f 0644 0:0 x\n"}},
		{in: "chown -RH alice ld", check: map[string]string{"/root/d/x": "f 0644 500:0 x\n"}},
		{in: "chown -RL alice d", setup: []string{"ln -s /root/a d/la", "ln -s . d/sub/self"}, check: map[string]string{"/root/a": "f 0644 500:0 hello\n", "/root/d/sub/y": "f 0644 500:0 y\n", "/root/d/sub/self": "l -> ."}},
		{in: "chown -R --dereference alice d", status: 1, wantErr: "chown: -R --dereference requires either -H or -L\n"},
		{in: "chown -v alice:wheel a", want: "changed ownership of `a' to alice:wheel\n"},
		{in: "chown -v root a", want: "ownership of `a' retained as root\n"},
		{in: "chown -c root a"},
		{in: "chown -c :wheel a", want: "changed group of `a' to wheel\n"},
		{in: "chown -cR alice d", want: "changed ownership of `d' to alice\nchanged ownership of `d/sub' to alice\nchanged ownership of `d/sub/y' to alice\nchanged ownership of `d/x' to alice\n"},
		{in: "chown --from=root alice a b", setup: []string{"chown bin b"}, check: map[string]string{"/root/a": "f 0644 500:0 hello\n", "/root/b": "f 0644 1:0 bbb\n"}},
		{in: "chown --from=:wheel alice a", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "chown --reference=b a", setup: []string{"chown alice:bin b"}, check: map[string]string{"/root/a": "f 0644 500:1 hello\n"}},
		{in: "chown -v --reference=b a", setup: []string{"chown alice:bin b"}, want: "changed ownership of `a' to alice:bin\n"},
		{in: "chown --reference=nope a", status: 1, wantErr: "chown: failed to get attributes of `nope': No such file or directory\n"},
	})
}

func TestChgrp(t *testing.T) {
	t.Parallel()
	foRunTests(t, []foTest{
		{in: "chgrp wheel a", check: map[string]string{"/root/a": "f 0644 0:10 hello\n"}},
		{in: "chgrp 42 a", check: map[string]string{"/root/a": "f 0644 0:42 hello\n"}},
		{in: "chgrp nogroup a", status: 1, wantErr: "chgrp: invalid group `nogroup'\n"},
		{in: "chgrp wheel nope", status: 1, wantErr: "chgrp: cannot access `nope': No such file or directory\n"},
		{in: "chgrp wheel", status: 1, wantErr: "chgrp: missing operand after `wheel'\n" + foTryFor("chgrp")},
		{in: "chgrp", status: 1, wantErr: "chgrp: missing operand\n" + foTryFor("chgrp")},
		{in: "chgrp -R bin d", check: map[string]string{"/root/d/sub/y": "f 0644 0:1 y\n"}},
		{in: "chgrp -h wheel la", check: map[string]string{"/root/a": "f 0644 0:0 hello\n"}},
		{in: "chgrp wheel la", check: map[string]string{"/root/a": "f 0644 0:10 hello\n"}},
		{in: "chgrp -v wheel a", want: "changed group of `a' to wheel\n"},
		{in: "chgrp -v root a", want: "group of `a' retained as root\n"},
		{in: "chgrp --reference=b a", setup: []string{"chgrp bin b"}, check: map[string]string{"/root/a": "f 0644 0:1 hello\n"}},
		{in: "chgrp --from root bin a", status: 1, wantErr: "chgrp: unrecognized option `--from'\n" + foTryFor("chgrp")},
	})
}
