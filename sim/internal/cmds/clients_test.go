package cmds

import (
	"strings"
	"testing"
)

type netCase struct {
	in, stdin          string
	wantOut, wantErr   string
	status             int
	outPrefix, errPart bool // compare only a prefix of stdout / a part of stderr
}

func runNetCases(t *testing.T, k func(t *testing.T) (run func(line, stdin string) (string, string, int)), cases []netCase) {
	t.Helper()
	for _, c := range cases {
		run := k(t)
		out, errs, st := run(c.in, c.stdin)
		okOut := out == c.wantOut || (c.outPrefix && strings.HasPrefix(out, c.wantOut))
		okErr := errs == c.wantErr || (c.errPart && strings.Contains(errs, c.wantErr))
		if !okOut || !okErr || st != c.status {
			t.Errorf("%s = %q, %q, %d; want %q, %q, %d", c.in, out, errs, st, c.wantOut, c.wantErr, c.status)
		}
	}
}

// quietMachine has nothing listening.
func quietMachine(t *testing.T) func(line, stdin string) (string, string, int) {
	k := netKernel(t)
	return func(line, stdin string) (string, string, int) {
		out, errs, st, _ := netRun(t, k, line, stdin, false)
		return out, errs, st
	}
}

// busyMachine runs xinetd (telnet, rsync), httpd, sshd and vsftpd.
func busyMachine(t *testing.T) func(line, stdin string) (string, string, int) {
	k := netKernel(t)
	netEnable(t, k, "telnet", true)
	netEnable(t, k, "rsync", true)
	startXinetd(t, k)
	for _, cmd := range []string{"/usr/sbin/sshd", "/usr/sbin/vsftpd /etc/vsftpd/vsftpd.conf", "/usr/sbin/httpd"} {
		if _, errs, st, _ := netRun(t, k, cmd, "", false); st != 0 {
			t.Fatalf("%s = %d: %s", cmd, st, errs)
		}
	}
	return func(line, stdin string) (string, string, int) {
		out, errs, st, _ := netRun(t, k, line, stdin, false)
		return out, errs, st
	}
}

func TestClientsRefused(t *testing.T) {
	t.Parallel()
	runNetCases(t, quietMachine, []netCase{
		{in: "telnet localhost", wantOut: "Trying 127.0.0.1...\n",
			wantErr: "telnet: connect to address 127.0.0.1: Connection refused\ntelnet: Unable to connect to remote host: Connection refused\n", status: 1},
		{in: "telnet lab1 25", wantOut: "Trying 192.168.56.10...\n",
			wantErr: "telnet: connect to address 192.168.56.10: Connection refused\ntelnet: Unable to connect to remote host: Connection refused\n", status: 1},
		{in: "telnet nosuchhost", wantErr: "telnet: nosuchhost: Name or service not known\nnosuchhost: Unknown host\n", status: 1},
		{in: "telnet 10.0.0.1", wantOut: "Trying 10.0.0.1...\n",
			wantErr: "telnet: connect to address 10.0.0.1: No route to host\ntelnet: Unable to connect to remote host: No route to host\n", status: 1},
		{in: "telnet -z", wantErr: "telnet: invalid option -- z\nUsage: telnet [-8] [-E] [-L] [-a] [-d] [-e char] [-l user] [-n tracefile] [-b addr] [-r] [host-name [port]]\n", status: 1},
		{in: "curl http://localhost/", wantErr: "curl: (7) couldn't connect to host\n", status: 7},
		{in: "curl -s http://localhost/", status: 7},
		{in: "curl -sS localhost", wantErr: "curl: (7) couldn't connect to host\n", status: 7},
		{in: "curl http://nosuch/", wantErr: "curl: (6) Couldn't resolve host 'nosuch'\n", status: 6},
		{in: "curl", wantErr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n", status: 2},
		{in: "wget http://localhost/", wantErr: "--2014-10-06 09:00:00--  http://localhost/\nResolving localhost... 127.0.0.1\n" +
			"Connecting to localhost|127.0.0.1|:80... failed: Connection refused.\n", status: 1},
		{in: "wget http://nosuch/x", wantErr: "--2014-10-06 09:00:00--  http://nosuch/x\nResolving nosuch... failed: Name or service not known.\n" +
			"wget: unable to resolve host address `nosuch'\n", status: 1},
		{in: "ftp localhost", wantErr: "ftp: connect: Connection refused\n", status: 0},
		{in: "ssh localhost", wantErr: "ssh: connect to host localhost port 22: Connection refused\n", status: 255},
		{in: "ssh -p 2222 student@127.0.0.1", wantErr: "ssh: connect to host 127.0.0.1 port 2222: Connection refused\n", status: 255},
		{in: "ssh", wantErr: "usage: ssh", status: 255, errPart: true},
		{in: "nc -z localhost 80", status: 1},
		{in: "nc -zv localhost 81", wantErr: "nc: connect to localhost port 81 (tcp) failed: Connection refused\n", status: 1},
		{in: "nc -z nosuch 80", wantErr: "nc: getaddrinfo: Name or service not known\n", status: 1},
		{in: "nc localhost", wantErr: "usage: nc", status: 1, errPart: true},
		{in: "rsync rsync://localhost/", wantErr: "rsync: failed to connect to localhost: Connection refused (111)\n" +
			"rsync error: error in socket IO (code 10) at clientserver.c(107) [receiver=2.6.8]\n", status: 10},
		{in: "rsync localhost::", wantErr: "rsync: failed to connect to localhost: Connection refused (111)\n" +
			"rsync error: error in socket IO (code 10) at clientserver.c(107) [receiver=2.6.8]\n", status: 10},
		{in: "in.telnetd", wantErr: "in.telnetd: getpeername: Socket operation on non-socket\n", status: 1},
		{in: "in.tftpd", status: 74},
	})
}

func TestClientsConnected(t *testing.T) {
	t.Parallel()
	banner := "Trying 127.0.0.1...\nConnected to localhost.localdomain (127.0.0.1).\nEscape character is '^]'.\n"
	issue := "CentOS release 5.11 (Final)\nKernel 2.6.18-398.el5 on an i686\n"
	closed := "Connection closed by foreign host.\n"
	runNetCases(t, busyMachine, []netCase{
		{in: "telnet localhost", wantOut: banner + issue + "login: ", wantErr: closed, status: 1},
		{in: "telnet localhost 23", stdin: "root\nsecret\n", wantOut: banner + issue + "login: Password: \nLogin incorrect\n\nlogin: ",
			wantErr: closed, status: 1},
		{in: "telnet localhost", stdin: "a\nb\nc\nd\ne\nf\n", wantOut: banner + issue +
			"login: Password: \nLogin incorrect\n\nlogin: Password: \nLogin incorrect\n\nlogin: Password: \nLogin incorrect\n",
			wantErr: closed, status: 1},
		{in: "telnet localhost ftp", stdin: "QUIT\n", wantOut: banner + "220 (vsFTPd 2.0.5)\n221 Goodbye.\n", wantErr: closed, status: 1},
		{in: "telnet localhost 22", stdin: "hello\n", wantOut: banner + "SSH-2.0-OpenSSH_4.3\nProtocol mismatch.\n", wantErr: closed, status: 1},
		{in: "nc -zv localhost 80", wantErr: "Connection to localhost 80 port [tcp/http] succeeded!\n", status: 0},
		{in: "nc -z localhost 23", status: 0},
		{in: "nc -z localhost 20-25", status: 0},
		{in: "nc -v localhost 21", stdin: "QUIT\n", wantOut: "220 (vsFTPd 2.0.5)\r\n221 Goodbye.\r\n",
			wantErr: "Connection to localhost 21 port [tcp/ftp] succeeded!\n", status: 0},
		{in: "nc localhost 80", stdin: "HEAD / HTTP/1.0\n\n", wantOut: "HTTP/1.1 403 Forbidden\r\nDate: Mon, 06 Oct 2014 09:00:00 GMT\r\n",
			status: 0, outPrefix: true},
		{in: "curl -sI http://localhost/", wantOut: "HTTP/1.1 403 Forbidden\r\nDate: Mon, 06 Oct 2014 09:00:00 GMT\r\n" +
			"Server: Apache/2.2.3 (CentOS)\r\nAccept-Ranges: bytes\r\nContent-Length: 732\r\nConnection: close\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n\r\n", status: 0},
		{in: "curl -s http://localhost/", wantOut: "<!DOCTYPE", status: 0, outPrefix: true},
		{in: "curl -f http://localhost/", wantErr: "curl: (22) The requested URL returned error: 403\n", status: 22},
		{in: "curl -s http://localhost/nothere", wantOut: "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n" +
			"</head><body>\n<h1>Not Found</h1>\n<p>The requested URL /nothere was not found on this server.</p>\n<hr>\n" +
			"<address>Apache/2.2.3 (CentOS) Server at localhost Port 80</address>\n</body></html>\n", status: 0},
		{in: "curl http://localhost:8080/", wantErr: "curl: (7) couldn't connect to host\n", status: 7},
		{in: "curl http://localhost:23/", wantErr: "curl: (52) Empty reply from server\n", status: 52},
		{in: "wget http://localhost/", wantErr: "--2014-10-06 09:00:00--  http://localhost/\nResolving localhost... 127.0.0.1\n" +
			"Connecting to localhost|127.0.0.1|:80... connected.\nHTTP request sent, awaiting response... 403 Forbidden\n" +
			"2014-10-06 09:00:00 ERROR 403: Forbidden.\n\n", status: 1},
		{in: "ftp localhost", wantOut: "Connected to localhost.localdomain.\n220 (vsFTPd 2.0.5)\nName (localhost:root): 530 Permission denied.\n" +
			"Login failed.\n221 Goodbye.\n", status: 0},
		{in: "ftp localhost", stdin: "anonymous\nme@lab1\npwd\nbye\n", wantOut: "Connected to localhost.localdomain.\n220 (vsFTPd 2.0.5)\n" +
			"Name (localhost:root): 331 Please specify the password.\nPassword:\n230 Login successful.\n215 UNIX Type: L8\n" +
			"Remote system type is UNIX.\nUsing binary mode to transfer files.\n257 \"/\"\n221 Goodbye.\n", status: 0},
		{in: "ssh localhost", wantErr: "The authenticity of host 'localhost (127.0.0.1)' can't be established.\n" +
			"RSA key fingerprint is 3f:2a:9c:71:e5:08:44:b6:1d:c0:97:5e:aa:13:62:d8.\n" +
			"Are you sure you want to continue connecting (yes/no)? Host key verification failed.\n", status: 255},
		{in: "ssh student@localhost", stdin: "maybe\nyes\n", wantErr: "The authenticity of host 'localhost (127.0.0.1)' can't be established.\n" +
			"RSA key fingerprint is 3f:2a:9c:71:e5:08:44:b6:1d:c0:97:5e:aa:13:62:d8.\n" +
			"Are you sure you want to continue connecting (yes/no)? Please type 'yes' or 'no': " +
			"Warning: Permanently added 'localhost' (RSA) to the list of known hosts.\n" +
			"student@localhost's password: \nPermission denied, please try again.\n" +
			"student@localhost's password: \nPermission denied, please try again.\n" +
			"student@localhost's password: \nPermission denied (publickey,gssapi-with-mic,password).\n", status: 255},
		{in: "rsync rsync://localhost/", wantOut: "pub            \tPublic files\n", status: 0},
		{in: "rsync localhost::", wantOut: "pub            \tPublic files\n", status: 0},
		{in: "rsync rsync://localhost/nope", wantErr: "@ERROR: Unknown module 'nope'\n" +
			"rsync error: error starting client-server protocol (code 5) at main.c(1383) [receiver=2.6.8]\n", status: 5},
		{in: "rsync rsync://localhost/pub/", wantOut: "drwxr-xr-x        4096 2014/09/30 12:00:00 .\n", status: 0},
		{in: "rsync rsync://localhost/pub/nothere", wantErr: "rsync: link_stat \"/nothere\" (in pub) failed: No such file or directory (2)\n" +
			"rsync error: some files could not be transferred (code 23) at main.c(1385) [receiver=2.6.8]\n", status: 23},
	})
}

func TestClientsWebContent(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	if _, errs, st, _ := netRun(t, k, "/usr/sbin/httpd", "", false); st != 0 {
		t.Fatalf("httpd: %s", errs)
	}
	netWrite(t, k, "/var/www/html/index.html", "<h1>lab1</h1>\n")
	out, _, st, _ := netRun(t, k, "curl http://localhost/", "", false)
	if out != "<h1>lab1</h1>\n" || st != 0 {
		t.Errorf("curl = %q, %d", out, st)
	}
	out, _, _, _ = netRun(t, k, "curl -I http://localhost/", "", false)
	if !strings.HasPrefix(out, "HTTP/1.1 200 OK\r\n") || !strings.Contains(out, "Content-Length: 14\r\n") ||
		!strings.Contains(out, "Last-Modified: ") || !strings.Contains(out, "ETag: \"") {
		t.Errorf("curl -I = %q", out)
	}
	_, errs, st, _ := netRun(t, k, "curl -o /tmp/page http://localhost/", "", false)
	if st != 0 || netRead(t, k, "/tmp/page") != "<h1>lab1</h1>\n" || !strings.Contains(errs, "% Total") {
		t.Errorf("curl -o = %d, %q, file %q", st, errs, netRead(t, k, "/tmp/page"))
	}
	_, errs, st, _ = netRun(t, k, "wget http://localhost/", "", false)
	want := "--2014-10-06 09:00:00--  http://localhost/\nResolving localhost... 127.0.0.1\n" +
		"Connecting to localhost|127.0.0.1|:80... connected.\nHTTP request sent, awaiting response... 200 OK\n" +
		"Length: 14 [text/html]\nSaving to: `index.html'\n\n"
	if st != 0 || !strings.HasPrefix(errs, want) || !strings.HasSuffix(errs, "2014-10-06 09:00:00 (1.38 MB/s) - `index.html' saved [14/14]\n\n") {
		t.Errorf("wget = %d, %q", st, errs)
	}
	if netRead(t, k, "/root/index.html") != "<h1>lab1</h1>\n" {
		t.Error("wget did not save /root/index.html")
	}
	if _, errs, _, _ = netRun(t, k, "wget http://localhost/", "", false); !strings.Contains(errs, "Saving to: `index.html.1'") {
		t.Errorf("second wget = %q", errs)
	}
	if log := netRead(t, k, "/var/log/httpd/access_log"); !strings.Contains(log, "127.0.0.1 - - [06/Oct/2014:09:00:00 +0000] \"GET / HTTP/1.1\" 200 14 \"-\" \"curl/7.15.5") {
		t.Errorf("access_log = %q", log)
	}
}

func TestSshBackgroundStops(t *testing.T) {
	t.Parallel()
	k := netKernel(t)
	if _, errs, st, _ := netRun(t, k, "/usr/sbin/sshd", "", false); st != 0 {
		t.Fatalf("sshd: %s", errs)
	}
	sshd, _, _ := RunningDaemon(k, "sshd")
	_, _, _, pid := netRun(t, k, "ssh localhost", "", true)
	if pr, _ := k.Procs.Get(pid); pr.State != 'T' {
		t.Errorf("ssh & state %c", pr.State)
	}
	kids := children(k, sshd, "sshd")
	if len(kids) != 1 {
		t.Fatalf("sshd children %v", kids)
	}
	k.Procs.Signal(pid, 9)
	if k.Procs.Alive(kids[0].PID) {
		t.Error("sshd child survived its killed client")
	}
}
