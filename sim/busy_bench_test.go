package sim_test

import "testing"

// BenchmarkBusyLine runs, one by one, the lines a candidate types while
// looking around during an exam (cmd/rclab's BenchmarkGrade200).
func BenchmarkBusyLine(b *testing.B) {
	for _, line := range []string{
		"chkconfig --list httpd",
		"service httpd status",
		"ls /etc/rc.d/rc3.d",
		"ps aux | grep httpd",
		"grep ^id /etc/inittab",
		"runlevel",
		"cat /var/run/httpd.pid",
		"ls -l /etc/init.d/httpd",
		"netstat -tlnp",
		"who -r",
	} {
		b.Run(line, func(b *testing.B) { benchLine(b, line) })
	}
}
