package vfs_test

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/spf13/afero"

	"rclab/vfs"
)

func Example() {
	f := vfs.New()
	f.MkdirAll("/etc/rc.d/init.d", 0o755)
	f.MkdirAll("/etc/rc.d/rc3.d", 0o755)
	afero.WriteFile(f, "/etc/rc.d/init.d/sshd", []byte("#!/bin/bash\n"), 0o755)
	f.Symlink("rc.d/init.d", "/etc/init.d")
	f.Symlink("../init.d/sshd", "/etc/rc.d/rc3.d/S55sshd")

	fi, _ := f.Stat("/etc/init.d/sshd")
	fmt.Println(fi.Name(), fi.Mode(), fi.Size())
	li, _ := f.Lstat("/etc/init.d")
	fmt.Println(li.Name(), li.Mode(), li.Size())
	target, _ := f.Readlink("/etc/rc.d/rc3.d/S55sshd")
	fmt.Println(target)
	real, _ := f.EvalSymlinks("/etc/init.d/../rc3.d/S55sshd")
	fmt.Println(real)
	st := fi.Sys().(*vfs.Stat)
	fmt.Println(st.Uid, st.Gid, st.Nlink)

	_, err := f.Stat("/etc/init.d/httpd")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
	err = f.Remove("/etc/rc.d")
	fmt.Println(err, errors.Is(err, syscall.ENOTEMPTY))
	// Output:
	// sshd -rwxr-xr-x 12
	// init.d Lrwxrwxrwx 11
	// ../init.d/sshd
	// /etc/rc.d/init.d/sshd
	// 0 0 1
	// stat /etc/init.d/httpd: no such file or directory true
	// remove /etc/rc.d: directory not empty true
}

func ExampleFS_Clone() {
	machine := vfs.New()
	afero.WriteFile(machine, "/motd", []byte("before\n"), 0o644)

	check := machine.Clone() // cheap: shares everything until written
	afero.WriteFile(check, "/motd", []byte("after\n"), 0o644)
	check.Remove("/motd")

	b, _ := afero.ReadFile(machine, "/motd")
	fmt.Print(string(b))
	_, err := check.Stat("/motd")
	fmt.Println(err)
	// Output:
	// before
	// stat /motd: no such file or directory
}
