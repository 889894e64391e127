package cmds

import (
	"bufio"
	"crypto/md5"
	"fmt"
	"io"
	"strings"
)

// passwd and the MD5-crypt hashes of /etc/shadow (CentOS 5 stores root's
// password as $1$salt$hash). Single-user recovery tasks set it.

func init() {
	Register(Command{Name: "passwd", Dirs: []string{"/usr/bin"}, Summary: "update a user's authentication tokens",
		Usage: "passwd [-k] [-l] [-u [-f]] [-d] [-n mindays] [-x maxdays] [-w warndays] [-i inactivedays] [-S] [--stdin] [username]",
		Main:  passwdMain})
}

const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// MD5Crypt is glibc's crypt(3) with a "$1$" salt.
func MD5Crypt(password, salt string) string {
	const magic = "$1$"
	salt = strings.TrimPrefix(salt, magic)
	if i := strings.IndexByte(salt, '$'); i >= 0 {
		salt = salt[:i]
	}
	if len(salt) > 8 {
		salt = salt[:8]
	}
	pw := []byte(password)
	ctx := md5.New()
	ctx.Write(pw)
	ctx.Write([]byte(magic))
	ctx.Write([]byte(salt))
	alt := md5.Sum(append(append(append([]byte{}, pw...), salt...), pw...))
	for i := len(pw); i > 0; i -= 16 {
		ctx.Write(alt[:min(16, i)])
	}
	for i := len(pw); i > 0; i >>= 1 {
		if i&1 != 0 {
			ctx.Write([]byte{0})
		} else {
			ctx.Write(pw[:1])
		}
	}
	final := ctx.Sum(nil)
	for i := 0; i < 1000; i++ {
		c := md5.New()
		if i&1 != 0 {
			c.Write(pw)
		} else {
			c.Write(final)
		}
		if i%3 != 0 {
			c.Write([]byte(salt))
		}
		if i%7 != 0 {
			c.Write(pw)
		}
		if i&1 != 0 {
			c.Write(final)
		} else {
			c.Write(pw)
		}
		final = c.Sum(nil)
	}
	var out strings.Builder
	to64 := func(v uint32, n int) {
		for ; n > 0; n-- {
			out.WriteByte(itoa64[v&0x3f])
			v >>= 6
		}
	}
	f := func(i int) uint32 { return uint32(final[i]) }
	to64(f(0)<<16|f(6)<<8|f(12), 4)
	to64(f(1)<<16|f(7)<<8|f(13), 4)
	to64(f(2)<<16|f(8)<<8|f(14), 4)
	to64(f(3)<<16|f(9)<<8|f(15), 4)
	to64(f(4)<<16|f(10)<<8|f(5), 4)
	to64(f(11), 2)
	return magic + salt + "$" + out.String()
}

// CheckPassword reports whether password matches user's /etc/shadow entry.
func CheckPassword(p *Proc, user, password string) bool {
	data, err := readVFS(p, "/etc/shadow")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) > 1 && f[0] == user {
			return strings.HasPrefix(f[1], "$1$") && MD5Crypt(password, f[1]) == f[1]
		}
	}
	return false
}

// passwdTries is how many new passwords pam_cracklib (retry=3 in
// /etc/pam.d/system-auth) lets a user offer.
const passwdTries = 3

// passwdMain is passwd 0.73 with CentOS 5's PAM stack. root sets any
// user's password (pam_cracklib only warns about a weak one); a user
// changes only their own, proves it with the current password first
// (pam_unix), and must offer a new one pam_cracklib accepts.
func passwdMain(p *Proc) int {
	stdin, named := false, false
	uid, _ := p.Cred()
	user := SharedPasswd(p.Sys).Name(uid)
	for _, a := range p.Args[1:] {
		switch {
		case a == "--stdin":
			stdin = true
		case strings.HasPrefix(a, "-"):
			if uid != 0 && a != "-k" && a != "--keep-tokens" {
				fmt.Fprintln(p.Stderr, "Only root can do that.")
				return 254
			}
		default:
			user, named = a, true
		}
	}
	if uid != 0 && (named || stdin) {
		if stdin {
			fmt.Fprintln(p.Stderr, "Only root can do that.")
			return 254
		}
		fmt.Fprintln(p.Stderr, "passwd: Only root can specify a user name.")
		return 253
	}
	if _, ok := SharedPasswd(p.Sys).Lookup(user); !ok {
		fmt.Fprintf(p.Stderr, "passwd: Unknown user name '%s'.\n", user)
		return 1
	}
	fmt.Fprintf(p.Stdout, "Changing password for user %s.\n", user)
	in := bufio.NewReader(p.Stdin)
	readLine := func() (string, bool) {
		line, err := in.ReadString('\n')
		if err != nil && (err != io.EOF || line == "") {
			return "", false
		}
		return strings.TrimRight(line, "\n"), true
	}
	// ask is a PAM prompt with echo off, and the newline the terminal
	// did not echo.
	ask := func(prompt string) (string, bool) {
		fmt.Fprint(p.Stdout, prompt)
		line, ok := readLine()
		fmt.Fprintln(p.Stdout)
		return line, ok
	}
	failed := func(why string) int {
		fmt.Fprintln(p.Stderr, "passwd: "+why)
		return 1
	}
	var pw string
	switch {
	case stdin:
		line, ok := readLine()
		if !ok {
			return failed("Authentication token manipulation error")
		}
		pw = line
	default:
		p.SetEcho(false)
		defer p.SetEcho(true)
		old := ""
		if uid != 0 {
			fmt.Fprintf(p.Stdout, "Changing password for %s.\n", user)
			cur, ok := ask("(current) UNIX password: ")
			if !ok || !CheckPassword(p, user, cur) {
				return failed("Authentication token manipulation error")
			}
			old = cur
		}
		for try := 1; ; try++ {
			first, ok := ask("New UNIX password: ")
			if !ok {
				return failed("Authentication token manipulation error")
			}
			bad := ""
			switch {
			case uid != 0 && first == old:
				bad = "Password unchanged"
			case len(first) < 6:
				bad = "BAD PASSWORD: it is too short"
			}
			if bad != "" {
				fmt.Fprintln(p.Stdout, bad)
				if uid != 0 { // pam_cracklib refuses a user, warns root
					if try == passwdTries {
						return failed("Authentication token manipulation error")
					}
					continue
				}
			}
			second, _ := ask("Retype new UNIX password: ")
			if first != second {
				fmt.Fprintln(p.Stdout, "Sorry, passwords do not match.")
				return failed("Authentication information cannot be recovered")
			}
			pw = first
			break
		}
	}
	salt := make([]byte, 8)
	for i := range salt {
		salt[i] = itoa64[p.Sys.Rand.IntN(len(itoa64))]
	}
	hash := MD5Crypt(pw, string(salt))
	data, err := readVFS(p, "/etc/shadow")
	if err != nil {
		fmt.Fprintln(p.Stderr, "passwd: Authentication token manipulation error")
		return 1
	}
	lines := strings.Split(string(data), "\n")
	days := int(p.Sys.Clock.Now().Unix() / 86400)
	for i, line := range lines {
		f := strings.Split(line, ":")
		if len(f) >= 3 && f[0] == user {
			f[1] = hash
			f[2] = fmt.Sprint(days)
			lines[i] = strings.Join(f, ":")
		}
	}
	if err := writeVFS(p, "/etc/shadow", strings.Join(lines, "\n"), 0o400); err != nil {
		fmt.Fprintln(p.Stderr, "passwd: Authentication token manipulation error")
		return 1
	}
	fmt.Fprintln(p.Stdout, "passwd: all authentication tokens updated successfully.")
	return 0
}
