package cmds

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
	"rclab/sim/internal/xinetd"
	"rclab/vfs"
)

// The network clients of CentOS 5 that talk to the machine's own servers:
// telnet (netkit 0.17), ftp (netkit 0.17), ssh (OpenSSH 4.3), nc (OpenBSD
// netcat 1.84), curl 7.15.5, wget 1.11.4 and rsync 2.6.8, which is also
// the rsync daemon. The lab machine has no network beyond itself: names
// resolve through /etc/hosts only and other addresses are unreachable.

func init() {
	Register(Command{Name: "telnet", Dirs: []string{"/usr/bin"}, Summary: "user interface to the TELNET protocol",
		Usage: "telnet [-8] [-E] [-L] [-a] [-d] [-e char] [-l user] [-n tracefile] [-b addr] [-r] [host-name [port]]",
		Main:  telnetMain, VSZ: 2176, RSS: 760})
	Register(Command{Name: "ftp", Dirs: []string{"/usr/bin"}, Summary: "Internet file transfer program",
		Usage: "ftp [-pinegvtd] [host [port]]", Main: ftpMain, VSZ: 2412, RSS: 812})
	Register(Command{Name: "ssh", Dirs: []string{"/usr/bin"}, Summary: "OpenSSH SSH client (remote login program)",
		Usage: "ssh [-1246AaCfgkMNnqsTtVvXxY] [-b bind_address] [-c cipher_spec] [-l login_name] [-p port] [user@]hostname [command]",
		Main:  sshMain, VSZ: 4728, RSS: 1792})
	Register(Command{Name: "nc", Dirs: []string{"/usr/bin"}, Summary: "arbitrary TCP and UDP connections and listens",
		Usage: "nc [-46DdhklnrStUuvzC] [-i interval] [-p source_port] [-s source_ip_address] [-w timeout] [hostname] [port[s]]",
		Main:  ncMain, VSZ: 1872, RSS: 520})
	Register(Command{Name: "curl", Dirs: []string{"/usr/bin"}, Summary: "transfer a URL",
		Usage: "curl [options...] <url>", Main: curlMain, VSZ: 3988, RSS: 1520})
	Register(Command{Name: "wget", Dirs: []string{"/usr/bin"}, Summary: "The non-interactive network downloader.",
		Usage: "wget [OPTION]... [URL]...", Main: wgetMain, VSZ: 3464, RSS: 1244})
	registerDaemon(daemonSpec{name: "rsync", dir: "/usr/bin", summary: "faster, flexible replacement for rcp",
		vsz: 2340, rss: 504, pidfile: "/var/run/rsyncd.pid", config: "/etc/rsyncd.conf", ports: []daemonPort{tcp(873)},
		options: rsyncMain})
}

// ---- names and addresses -------------------------------------------------

// netHost is a host as the resolver (files only) returns it.
type netHost struct {
	addr  string // "127.0.0.1"
	canon string // first name of its /etc/hosts line
}

// netResolve looks a name up in /etc/hosts; a dotted quad resolves to
// itself.
func netResolve(k *kernel.Kernel, name string) (netHost, bool) {
	if netIsIPv4(name) {
		return netHost{addr: name, canon: name}, true
	}
	data, err := netReadFile(k, "/etc/hosts")
	if err != nil {
		return netHost{}, false
	}
	for _, l := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		f := strings.Fields(l)
		if len(f) < 2 || !netIsIPv4(f[0]) {
			continue
		}
		for _, n := range f[1:] {
			if strings.EqualFold(n, name) {
				return netHost{addr: f[0], canon: f[1]}, true
			}
		}
	}
	return netHost{}, false
}

func netIsIPv4(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 255 || p == "" {
			return false
		}
	}
	return true
}

// netIsLocal reports whether an address is this machine: the loopback net
// or the address /etc/hosts gives its host name.
func netIsLocal(k *kernel.Kernel, addr string) bool {
	if strings.HasPrefix(addr, "127.") || addr == "0.0.0.0" {
		return true
	}
	if h, ok := netResolve(k, k.Hostname()); ok && h.addr == addr {
		return true
	}
	return false
}

func netReadFile(k *kernel.Kernel, name string) ([]byte, error) {
	return fs.ReadFile(k.FS.IOFS(), strings.TrimPrefix(path.Clean(name), "/"))
}

// etcServices reads /etc/services.
func etcServices(k *kernel.Kernel) *xinetd.Services {
	data, _ := netReadFile(k, "/etc/services")
	return xinetd.ParseServices(data)
}

// netPort parses a port given by number or service name.
func netPort(k *kernel.Kernel, s, proto string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n > 0 && n < 65536
	}
	return etcServices(k).Port(s, proto)
}

// netStrerror is strerror for the network's errors too.
func netStrerror(err error) string {
	if errors.Is(err, syscall.EHOSTUNREACH) {
		return "No route to host"
	}
	return Strerror(err)
}

// dialHost connects to host:port; unreachable for addresses of other
// machines (the lab has no network beyond itself).
func dialHost(p *Proc, h netHost, proto string, port int, user string) (*Conn, error) {
	if !netIsLocal(p.Sys, h.addr) {
		return nil, syscall.EHOSTUNREACH
	}
	return dial(p.Sys, proto, port, user)
}

// ---- what servers say ------------------------------------------------------

// netResponder is the server side of a conversation, line by line.
type netResponder interface {
	greet() string
	// line answers one line from the client; done closes the connection.
	line(s string) (out string, done bool)
}

// netResponderFor picks the conversation of the service behind c.
func netResponderFor(k *kernel.Kernel, c *Conn) netResponder {
	switch c.Service {
	case "telnet":
		return &telnetLogin{k: k}
	case "vsftpd":
		return &ftpServer{}
	case "sshd":
		return netFixedReply{hello: "SSH-2.0-OpenSSH_4.3\r\n", reply: "Protocol mismatch.\n"}
	case "sendmail":
		return &smtpServer{k: k}
	case "httpd":
		return &httpServer{k: k, port: c.Port}
	case "echo-stream", "echo-dgram", "echo":
		return netEchoServer{}
	case "daytime-stream", "daytime":
		return netFixedReply{hello: strings.ToUpper(k.Clock.Now().UTC().Format("02 Jan 2006 15:04:05")) + " UTC\r\n", close: true}
	case "time-stream", "time":
		secs := uint32(k.Clock.Now().Unix() + 2208988800)
		return netFixedReply{hello: string([]byte{byte(secs >> 24), byte(secs >> 16), byte(secs >> 8), byte(secs)}), close: true}
	case "chargen-stream", "chargen":
		return netFixedReply{hello: netChargen(20), close: true}
	case "rsync":
		return netFixedReply{hello: "@RSYNCD: 29\n", reply: "@ERROR: protocol startup error\n"}
	}
	return netFixedReply{}
}

// netChargen is the RFC 864 pattern, n lines of 72 characters.
func netChargen(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		for j := 0; j < 72; j++ {
			b.WriteByte(byte(' ' + (i+j)%95))
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

type netFixedReply struct {
	hello, reply string
	close        bool
}

func (f netFixedReply) greet() string { return f.hello }
func (f netFixedReply) line(string) (string, bool) {
	return f.reply, f.reply != "" || f.close
}

type netEchoServer struct{}

func (netEchoServer) greet() string                { return "" }
func (netEchoServer) line(s string) (string, bool) { return s + "\n", false }

// telnetLogin is in.telnetd running login: the banner of /etc/issue.net,
// then login and password prompts. Every attempt fails (root may not log
// in over the network, other accounts of the lab have no password).
type telnetLogin struct {
	k        *kernel.Kernel
	user     string
	asked    bool
	failures int
}

func (t *telnetLogin) greet() string {
	data, err := netReadFile(t.k, "/etc/issue.net")
	if err != nil {
		data, _ = netReadFile(t.k, "/etc/issue")
	}
	return issueExpand(t.k, string(data)) + "login: "
}

func (t *telnetLogin) line(s string) (string, bool) {
	if !t.asked {
		t.user, t.asked = strings.TrimSpace(s), true
		if t.user == "" {
			return "login: ", false
		}
		return "Password: ", false
	}
	t.asked = false
	t.failures++
	if t.failures >= 3 {
		return "\nLogin incorrect\n", true
	}
	return "\nLogin incorrect\n\nlogin: ", false
}

// issueExpand replaces the escapes of an issue file: agetty's \r \m \n
// \s \v \l \d \t and telnetd's %-forms.
func issueExpand(k *kernel.Kernel, s string) string {
	info := k.Info()
	now := k.Clock.Now()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c != '\\' && c != '%') || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'r':
			b.WriteString(info.Kernel)
		case 'm':
			b.WriteString(info.Arch)
		case 'n', 'h':
			b.WriteString(k.Hostname())
		case 's':
			b.WriteString("Linux")
		case 'v':
			b.WriteString("#1 SMP Wed Oct 15 11:40:26 EDT 2014")
		case 'l', 't':
			b.WriteString("pts/0")
		case 'd':
			b.WriteString(now.Format("Mon Jan  2 2006"))
		default:
			b.WriteByte(c)
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// ftpServer is vsftpd 2.0.5 before and after login.
type ftpServer struct {
	user     string
	loggedIn bool
}

func (f *ftpServer) greet() string { return "220 (vsFTPd 2.0.5)\r\n" }

func (f *ftpServer) line(s string) (string, bool) {
	cmd, arg, _ := strings.Cut(strings.TrimRight(s, "\r\n"), " ")
	switch strings.ToUpper(cmd) {
	case "USER":
		if f.loggedIn {
			return "530 Can't change to another user.\r\n", false
		}
		if arg == "root" || arg == "bin" || arg == "daemon" {
			return "530 Permission denied.\r\n", false
		}
		f.user = arg
		return "331 Please specify the password.\r\n", false
	case "PASS":
		if f.loggedIn {
			return "230 Already logged in.\r\n", false
		}
		if f.user == "" {
			return "503 Login with USER first.\r\n", false
		}
		if f.user == "anonymous" || f.user == "ftp" {
			f.loggedIn = true
			return "230 Login successful.\r\n", false
		}
		f.user = ""
		return "530 Login incorrect.\r\n", false
	case "QUIT":
		return "221 Goodbye.\r\n", true
	case "NOOP":
		return "200 NOOP ok.\r\n", false
	}
	if !f.loggedIn {
		return "530 Please login with USER and PASS.\r\n", false
	}
	switch strings.ToUpper(cmd) {
	case "SYST":
		return "215 UNIX Type: L8\r\n", false
	case "PWD":
		return "257 \"/\"\r\n", false
	case "CWD":
		return "550 Failed to change directory.\r\n", false
	}
	return "500 Unknown command.\r\n", false
}

// smtpServer is sendmail 8.13.8 on localhost.
type smtpServer struct{ k *kernel.Kernel }

func (m *smtpServer) greet() string {
	return fmt.Sprintf("220 %s.localdomain ESMTP Sendmail 8.13.8/8.13.8; %s\r\n", m.k.Hostname(),
		m.k.Clock.Now().UTC().Format("Mon, 2 Jan 2006 15:04:05 -0700"))
}

func (m *smtpServer) line(s string) (string, bool) {
	w := strings.Fields(s)
	if len(w) == 0 {
		return "500 5.5.1 Command unrecognized: \"\"\r\n", false
	}
	host := m.k.Hostname() + ".localdomain"
	switch strings.ToUpper(w[0]) {
	case "HELO", "EHLO":
		return fmt.Sprintf("250 %s Hello localhost.localdomain [127.0.0.1], pleased to meet you\r\n", host), false
	case "NOOP":
		return "250 2.0.0 OK\r\n", false
	case "QUIT":
		return fmt.Sprintf("221 2.0.0 %s closing connection\r\n", host), true
	}
	return fmt.Sprintf("500 5.5.1 Command unrecognized: %q\r\n", strings.TrimSpace(s)), false
}

// httpServer collects a request up to its empty line, then answers as
// Apache 2.2.3 does and closes.
type httpServer struct {
	k    *kernel.Kernel
	port int
	req  []string
}

func (h *httpServer) greet() string { return "" }

func (h *httpServer) line(s string) (string, bool) {
	s = strings.TrimRight(s, "\r")
	if s != "" {
		h.req = append(h.req, s)
		return "", false
	}
	if len(h.req) == 0 {
		return "", false
	}
	f := strings.Fields(h.req[0])
	host := "localhost"
	for _, l := range h.req[1:] {
		if name, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(name, "Host") {
			host = strings.TrimSpace(v)
		}
	}
	if len(f) < 2 {
		r := httpRespond(h.k, "GET", "", host, h.port, "")
		r.status, r.reason = 400, "Bad Request"
		return r.raw(true), true
	}
	r := httpRespond(h.k, f[0], f[1], host, h.port, "")
	return r.raw(f[0] != "HEAD"), true
}

// ---- HTTP (Apache 2.2.3 of CentOS 5) ---------------------------------------

type httpResponse struct {
	status  int
	reason  string
	headers [][2]string
	body    []byte
}

// raw is the response as sent: status line, headers, blank line, body.
func (r *httpResponse) raw(body bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", r.status, r.reason)
	for _, h := range r.headers {
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], h[1])
	}
	b.WriteString("\r\n")
	if body {
		b.Write(r.body)
	}
	return b.String()
}

func (r *httpResponse) header(name string) string {
	for _, h := range r.headers {
		if strings.EqualFold(h[0], name) {
			return h[1]
		}
	}
	return ""
}

const apacheServer = "Apache/2.2.3 (CentOS)"

// httpDocRoot is the DocumentRoot of the running httpd's configuration.
func httpDocRoot(k *kernel.Kernel) string {
	conf := ""
	if _, st, ok := RunningDaemon(k, "httpd"); ok {
		conf = st.Config
	} else if data, err := netReadFile(k, httpdConf); err == nil {
		conf = string(data)
	}
	for _, l := range strings.Split(conf, "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && strings.EqualFold(f[0], "DocumentRoot") {
			return strings.Trim(f[1], `"`)
		}
	}
	return "/var/www/html"
}

func apacheError(status int, reason, text, host string, port int) []byte {
	return []byte(fmt.Sprintf("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>%d %s</title>\n</head><body>\n<h1>%s</h1>\n<p>%s</p>\n<hr>\n<address>%s Server at %s Port %d</address>\n</body></html>\n",
		status, reason, reason, text, apacheServer, host, port))
}

// httpRespond answers a request for target the way CentOS 5's httpd
// does: files under DocumentRoot, index.html for directories, and the
// "Apache 2 Test Page" (welcome.conf's 403 for / without an index).
func httpRespond(k *kernel.Kernel, method, target, host string, port int, agent string) *httpResponse {
	now := k.Clock.Now().UTC()
	date := now.Format("Mon, 02 Jan 2006 15:04:05 GMT")
	r := &httpResponse{}
	urlPath, _, _ := strings.Cut(target, "?")
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	root := httpDocRoot(k)
	file := path.Join(root, path.Clean(urlPath))
	fsys := k.FS.IOFS()
	ctype := "text/html; charset=UTF-8"
	notFound := func() {
		r.status, r.reason = 404, "Not Found"
		r.body = apacheError(404, "Not Found", fmt.Sprintf("The requested URL %s was not found on this server.", urlPath), host, port)
		ctype = "text/html; charset=iso-8859-1"
	}
	forbidden := func() {
		r.status, r.reason = 403, "Forbidden"
		r.body = apacheError(403, "Forbidden", fmt.Sprintf("You don't have permission to access %s\non this server.", urlPath), host, port)
		ctype = "text/html; charset=iso-8859-1"
	}
	var served fs.FileInfo
	st, err := fs.Stat(fsys, netRel(file))
	switch {
	case err != nil:
		notFound()
	case st.IsDir() && !strings.HasSuffix(urlPath, "/"):
		r.status, r.reason = 301, "Moved Permanently"
		loc := fmt.Sprintf("http://%s%s/", host, urlPath)
		if port != 80 {
			loc = fmt.Sprintf("http://%s:%d%s/", host, port, urlPath)
		}
		r.headers = append(r.headers, [2]string{"Location", loc})
		r.body = []byte(fmt.Sprintf("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n<p>The document has moved <a href=\"%s\">here</a>.</p>\n<hr>\n<address>%s Server at %s Port %d</address>\n</body></html>\n", loc, apacheServer, host, port))
		ctype = "text/html; charset=iso-8859-1"
	case st.IsDir():
		idx := path.Join(file, "index.html")
		if ist, err := fs.Stat(fsys, netRel(idx)); err == nil && ist.Mode().IsRegular() {
			file, served = idx, ist
		} else if urlPath == "/" {
			// welcome.conf: ErrorDocument 403 /error/noindex.html
			r.status, r.reason = 403, "Forbidden"
			r.body, _ = netReadFile(k, "/var/www/error/noindex.html")
			r.headers = append(r.headers, [2]string{"Accept-Ranges", "bytes"})
			daemonLog(k, daemonSpecs["httpd"], []string{fmt.Sprintf("[error] [client 127.0.0.1] Directory index forbidden by Options directive: %s/", root)})
		} else {
			r.status, r.reason = 200, "OK"
			r.body = httpAutoindex(k, file, urlPath, host, port)
			ctype = "text/html;charset=ISO-8859-1"
		}
	case !st.Mode().IsRegular():
		forbidden()
	default:
		served = st
	}
	if served != nil {
		if served.Mode().Perm()&0o004 == 0 {
			forbidden()
		} else {
			r.status, r.reason = 200, "OK"
			r.body, _ = netReadFile(k, file)
			ctype = httpMimeType(file)
			ino := uint64(0)
			if s, ok := served.Sys().(*vfs.Stat); ok {
				ino = s.Ino
			}
			r.headers = append(r.headers,
				[2]string{"Last-Modified", served.ModTime().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")},
				[2]string{"ETag", fmt.Sprintf("\"%x-%x-%x\"", ino, served.Size(), served.ModTime().UnixMicro())},
				[2]string{"Accept-Ranges", "bytes"})
		}
	}
	r.headers = append([][2]string{{"Date", date}, {"Server", apacheServer}}, r.headers...)
	r.headers = append(r.headers, [2]string{"Content-Length", strconv.Itoa(len(r.body))},
		[2]string{"Connection", "close"}, [2]string{"Content-Type", ctype})
	if agent == "" {
		agent = "-"
	}
	size := strconv.Itoa(len(r.body))
	if method == "HEAD" {
		size = "-"
	}
	netAppendLine(k, "/var/log/httpd/access_log", fmt.Sprintf("127.0.0.1 - - [%s] \"%s %s HTTP/1.1\" %d %s \"-\" \"%s\"",
		now.Format("02/Jan/2006:15:04:05 -0700"), method, target, r.status, size, agent))
	return r
}

func httpAutoindex(k *kernel.Kernel, dir, urlPath, host string, port int) []byte {
	ents, _ := fs.ReadDir(k.FS.IOFS(), netRel(dir))
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html>\n <head>\n  <title>Index of %s</title>\n </head>\n <body>\n<h1>Index of %s</h1>\n<pre>", strings.TrimSuffix(urlPath, "/"), strings.TrimSuffix(urlPath, "/"))
	b.WriteString("Name                    Last modified      Size  Description<hr>")
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		fmt.Fprintf(&b, "<a href=\"%s\">%s</a>\n", n, n)
	}
	fmt.Fprintf(&b, "<hr></pre>\n<address>%s Server at %s Port %d</address>\n</body></html>\n", apacheServer, host, port)
	return []byte(b.String())
}

func httpMimeType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html; charset=UTF-8"
	case ".txt", ".conf", ".log", "":
		return "text/plain; charset=UTF-8"
	case ".css":
		return "text/css"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	}
	return "text/plain; charset=UTF-8"
}

func netAppendLine(k *kernel.Kernel, name, line string) {
	if _, err := k.FS.Stat(path.Dir(name)); err != nil {
		return
	}
	f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	io.WriteString(f, line+"\n")
	f.Close()
}

func netRel(p string) string {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" {
		return "."
	}
	return p
}

// ---- stopped clients -------------------------------------------------------

// clientSession is a client that stopped in the background (it wanted the
// terminal): fg continues its conversation.
type clientSession struct {
	conn   *Conn
	resume func(p *Proc) int
}

// Resume continues the session in the foreground.
func (s *clientSession) Resume(p *Proc) int { return s.resume(p) }

// stopInBackground is what an interactive client started with & does:
// it connects, then stops (SIGTTIN) when it first reads the terminal; its
// connection lives until it is resumed or killed.
func stopInBackground(p *Proc, c *Conn, resume func(p *Proc) int) int {
	c.keepWith(p.PID)
	p.Stay('T', time.Time{}, &clientSession{conn: c, resume: resume})
	return 0
}

// converse runs the line conversation of an interactive client with the
// server until either side closes; CRLF line ends show as the terminal
// shows them.
func converse(p *Proc, c *Conn, r netResponder, greeted bool) (serverClosed bool) {
	out := func(s string) {
		io.WriteString(p.Stdout, strings.ReplaceAll(s, "\r\n", "\n"))
	}
	if !greeted {
		out(r.greet())
	}
	if c.Lost() {
		return true
	}
	if _, done := r.(netFixedReply); done && r.(netFixedReply).close {
		return true
	}
	sc := bufio.NewScanner(p.Stdin)
	for sc.Scan() {
		if p.Canceled() {
			return false
		}
		reply, done := r.line(sc.Text())
		out(reply)
		if done {
			return true
		}
	}
	return false
}

// ---- telnet ------------------------------------------------------------------

func telnetUsage(p *Proc) int {
	fmt.Fprintln(p.Stderr, "Usage: telnet [-8] [-E] [-L] [-a] [-d] [-e char] [-l user] [-n tracefile] [-b addr] [-r] [host-name [port]]")
	return 1
}

func telnetMain(p *Proc) int {
	_, ops, err := Getopt(p.Args[1:], "78ELKadrxe:l:n:b:X:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "telnet: %v\n", err)
		return telnetUsage(p)
	}
	if len(ops) == 0 {
		// Command mode: "telnet> " until the end of the input.
		sc := bufio.NewScanner(p.Stdin)
		for {
			if p.StdinTty {
				io.WriteString(p.Stdout, "telnet> ")
			}
			if !sc.Scan() {
				return 0
			}
			w := strings.Fields(sc.Text())
			if len(w) == 0 {
				continue
			}
			switch w[0] {
			case "quit", "q", "close", "c":
				return 0
			case "open", "o":
				return telnetOpen(p, w[1:])
			default:
				fmt.Fprintln(p.Stdout, "?Invalid command")
			}
		}
	}
	if len(ops) > 2 {
		return telnetUsage(p)
	}
	return telnetOpen(p, ops)
}

func telnetOpen(p *Proc, ops []string) int {
	if len(ops) == 0 {
		fmt.Fprintln(p.Stdout, "usage: open [-l user] [-a] host-name [port]")
		return 1
	}
	host, port := ops[0], 23
	if len(ops) > 1 {
		n, ok := netPort(p.Sys, ops[1], "tcp")
		if !ok {
			fmt.Fprintf(p.Stderr, "telnet: %s: bad port number\n", ops[1])
			return 1
		}
		port = n
	}
	h, ok := netResolve(p.Sys, host)
	if !ok {
		fmt.Fprintf(p.Stderr, "telnet: %s: Name or service not known\n%s: Unknown host\n", host, host)
		return 1
	}
	fmt.Fprintf(p.Stdout, "Trying %s...\n", h.addr)
	c, err := dialHost(p, h, "tcp", port, "root")
	if err != nil {
		fmt.Fprintf(p.Stderr, "telnet: connect to address %s: %s\n", h.addr, netStrerror(err))
		fmt.Fprintf(p.Stderr, "telnet: Unable to connect to remote host: %s\n", netStrerror(err))
		return 1
	}
	fmt.Fprintf(p.Stdout, "Connected to %s (%s).\n", h.canon, h.addr)
	fmt.Fprintln(p.Stdout, "Escape character is '^]'.")
	r := netResponderFor(p.Sys, c)
	session := func(p *Proc) int {
		converse(p, c, r, false)
		c.Close()
		fmt.Fprintln(p.Stderr, "Connection closed by foreign host.")
		return 1
	}
	if p.Background {
		return stopInBackground(p, c, session)
	}
	return session(p)
}

// ---- ftp ---------------------------------------------------------------------

func ftpMain(p *Proc) int {
	_, ops, err := Getopt(p.Args[1:], "pinegvtd", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "ftp: %v\n", err)
		return 1
	}
	user := "root"
	if u := p.Getenv("USER"); u != "" {
		user = u
	}
	var c *Conn
	var srv *ftpServer
	sc := bufio.NewScanner(p.Stdin)
	send := func(line string) (string, bool) {
		reply, done := srv.line(line)
		io.WriteString(p.Stdout, strings.ReplaceAll(reply, "\r\n", "\n"))
		return reply, done
	}
	quit := func() int {
		if c != nil {
			send("QUIT")
			c.Close()
		}
		return 0
	}
	open := func(ops []string) {
		host, port := ops[0], 21
		if len(ops) > 1 {
			if n, ok := netPort(p.Sys, ops[1], "tcp"); ok {
				port = n
			}
		}
		h, ok := netResolve(p.Sys, host)
		if !ok {
			fmt.Fprintf(p.Stderr, "ftp: %s: Name or service not known\n", host)
			return
		}
		conn, err := dialHost(p, h, "tcp", port, user)
		if err != nil {
			fmt.Fprintf(p.Stderr, "ftp: connect: %s\n", netStrerror(err))
			return
		}
		c, srv = conn, &ftpServer{}
		fmt.Fprintf(p.Stdout, "Connected to %s.\n", h.canon)
		io.WriteString(p.Stdout, strings.ReplaceAll(srv.greet(), "\r\n", "\n"))
		fmt.Fprintf(p.Stdout, "Name (%s:%s): ", host, user)
		name := user
		if sc.Scan() && strings.TrimSpace(sc.Text()) != "" {
			name = strings.TrimSpace(sc.Text())
		}
		reply, _ := send("USER " + name)
		if strings.HasPrefix(reply, "331") {
			io.WriteString(p.Stdout, "Password:")
			pass := ""
			if sc.Scan() {
				pass = sc.Text()
			}
			io.WriteString(p.Stdout, "\n")
			reply, _ = send("PASS " + pass)
		}
		if strings.HasPrefix(reply, "230") {
			send("SYST")
			fmt.Fprintln(p.Stdout, "Remote system type is UNIX.")
			fmt.Fprintln(p.Stdout, "Using binary mode to transfer files.")
		} else {
			fmt.Fprintln(p.Stdout, "Login failed.")
		}
	}
	if len(ops) > 0 {
		open(ops)
	}
	for {
		if p.StdinTty {
			io.WriteString(p.Stdout, "ftp> ")
		}
		if !sc.Scan() || p.Canceled() {
			return quit()
		}
		w := strings.Fields(sc.Text())
		if len(w) == 0 {
			continue
		}
		switch w[0] {
		case "bye", "quit", "exit":
			return quit()
		case "open", "o":
			if c != nil {
				fmt.Fprintf(p.Stdout, "Already connected to %s, use close first.\n", "localhost")
				continue
			}
			if len(w) < 2 {
				fmt.Fprintln(p.Stdout, "usage: open host-name [port]")
				continue
			}
			open(w[1:])
		case "close", "disconnect":
			if c == nil {
				fmt.Fprintln(p.Stdout, "Not connected.")
				continue
			}
			send("QUIT")
			c.Close()
			c = nil
		case "pwd", "ls", "dir", "cd", "get", "put", "user", "system", "binary", "ascii":
			if c == nil || c.Lost() {
				fmt.Fprintln(p.Stdout, "Not connected.")
				continue
			}
			switch w[0] {
			case "pwd":
				send("PWD")
			case "cd":
				send("CWD " + strings.Join(w[1:], " "))
			case "system":
				send("SYST")
			case "binary":
				if srv.loggedIn {
					fmt.Fprintln(p.Stdout, "200 Switching to Binary mode.")
				} else {
					send("TYPE I")
				}
			default:
				send(strings.ToUpper(w[0]))
			}
		case "help", "?":
			fmt.Fprintln(p.Stdout, "Commands may be abbreviated.  Commands are:\n\n!\t\tcr\t\tmdir\t\tproxy\t\tsend\n$\t\tdelete\t\tmget\t\tsendport\tsite\naccount\t\tdebug\t\tmkdir\t\tput\t\tsize\nappend\t\tdir\t\tmls\t\tpwd\t\tstatus\nascii\t\tdisconnect\tmode\t\tquit\t\tstruct\nbell\t\tform\t\tmodtime\t\tquote\t\tsystem\nbinary\t\tget\t\tmput\t\trecv\t\tsunique\nbye\t\tglob\t\tnewer\t\treget\t\ttenex\ncase\t\thash\t\tnmap\t\trstatus\t\ttrace\nccc\t\thelp\t\tnlist\t\trhelp\t\ttype\ncd\t\tidle\t\tntrans\t\trename\t\tuser\ncdup\t\timage\t\topen\t\treset\t\tumask\nchmod\t\tlcd\t\tpassive\t\trestart\t\tverbose\nclear\t\tls\t\tprivate\t\trmdir\t\t?\nclose\t\tmacdef\t\tprompt\t\trunique")
		default:
			fmt.Fprintln(p.Stdout, "?Invalid command")
		}
	}
}

// ---- ssh -----------------------------------------------------------------------

func sshUsage(p *Proc) int {
	fmt.Fprint(p.Stderr, `usage: ssh [-1246AaCfgkMNnqsTtVvXxY] [-b bind_address] [-c cipher_spec]
           [-D [bind_address:]port] [-e escape_char] [-F configfile]
           [-i identity_file] [-L [bind_address:]port:host:hostport]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-R [bind_address:]port:host:hostport] [-S ctl_path]
           [-w tunnel:tunnel] [user@]hostname [command]
`)
	return 255
}

func sshMain(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "+1246AaCfgKkMNnqsTtVvXxYb:c:D:e:F:i:L:l:m:O:o:p:R:S:w:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "ssh: %v\n", err)
		return sshUsage(p)
	}
	user := p.Getenv("USER")
	if user == "" {
		user = "root"
	}
	port := 22
	quiet := false
	for _, o := range opts {
		switch o.Name {
		case "V":
			fmt.Fprintln(p.Stderr, "OpenSSH_4.3p2, OpenSSL 0.9.8e-fips-rhel5 01 Jul 2008")
			return 0
		case "l":
			user = o.Arg
		case "q":
			quiet = true
		case "p":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n <= 0 || n > 65535 {
				fmt.Fprintf(p.Stderr, "Bad port '%s'\n", o.Arg)
				return 255
			}
			port = n
		}
	}
	if len(ops) == 0 {
		return sshUsage(p)
	}
	host := ops[0]
	if u, hst, ok := strings.Cut(host, "@"); ok {
		user, host = u, hst
	}
	h, ok := netResolve(p.Sys, host)
	if !ok {
		fmt.Fprintf(p.Stderr, "ssh: %s: Name or service not known\n", host)
		return 255
	}
	c, err := dialHost(p, h, "tcp", port, user)
	if err != nil {
		fmt.Fprintf(p.Stderr, "ssh: connect to host %s port %d: %s\n", host, port, netStrerror(err))
		return 255
	}
	if c.Service != "sshd" {
		c.Close()
		fmt.Fprintln(p.Stderr, "ssh_exchange_identification: Connection closed by remote host")
		return 255
	}
	session := func(p *Proc) int {
		defer c.Close()
		sc := bufio.NewScanner(p.Stdin)
		if !sshKnownHost(p, host) {
			fmt.Fprintf(p.Stderr, "The authenticity of host '%s (%s)' can't be established.\n", host, h.addr)
			fmt.Fprintln(p.Stderr, "RSA key fingerprint is 3f:2a:9c:71:e5:08:44:b6:1d:c0:97:5e:aa:13:62:d8.")
			fmt.Fprint(p.Stderr, "Are you sure you want to continue connecting (yes/no)? ")
			for {
				if !sc.Scan() {
					fmt.Fprintln(p.Stderr, "Host key verification failed.")
					return 255
				}
				ans := strings.ToLower(strings.TrimSpace(sc.Text()))
				if ans == "yes" {
					break
				}
				if ans == "no" {
					fmt.Fprintln(p.Stderr, "Host key verification failed.")
					return 255
				}
				fmt.Fprint(p.Stderr, "Please type 'yes' or 'no': ")
			}
			sshAddKnownHost(p, host)
			if !quiet {
				fmt.Fprintf(p.Stderr, "Warning: Permanently added '%s' (RSA) to the list of known hosts.\n", host)
			}
		}
		for i := 0; i < 3; i++ {
			if c.Lost() {
				fmt.Fprintln(p.Stderr, "Connection closed by "+h.addr)
				return 255
			}
			fmt.Fprintf(p.Stderr, "%s@%s's password: ", user, host)
			sc.Scan()
			fmt.Fprintln(p.Stderr)
			if i < 2 {
				fmt.Fprintln(p.Stderr, "Permission denied, please try again.")
			}
		}
		fmt.Fprintln(p.Stderr, "Permission denied (publickey,gssapi-with-mic,password).")
		return 255
	}
	if p.Background {
		return stopInBackground(p, c, session)
	}
	return session(p)
}

func sshKnownHostsFile(p *Proc) string {
	home := p.Getenv("HOME")
	if home == "" {
		home = "/root"
	}
	return path.Join(home, ".ssh/known_hosts")
}

func sshKnownHost(p *Proc, host string) bool {
	data, err := readVFS(p, sshKnownHostsFile(p))
	if err != nil {
		return false
	}
	for _, l := range strings.Split(string(data), "\n") {
		f := strings.Fields(l)
		if len(f) > 0 {
			for _, n := range strings.Split(f[0], ",") {
				if n == host {
					return true
				}
			}
		}
	}
	return false
}

func sshAddKnownHost(p *Proc, host string) {
	file := sshKnownHostsFile(p)
	p.userFS().Mkdir(path.Dir(file), 0o700)
	f, err := p.userFS().OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	fmt.Fprintf(f, "%s ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEAzLab1kEyOfTheSimulatedMachineRSAHostKeyQ2VudE9TNS4xMQ==\n", host)
	f.Close()
}

// ---- nc --------------------------------------------------------------------------

func ncUsage(p *Proc) int {
	fmt.Fprint(p.Stderr, `usage: nc [-46DdhklnrStUuvzC] [-i interval] [-p source_port]
	  [-s source_ip_address] [-T ToS] [-w timeout] [-X proxy_version]
	  [-x proxy_address[:port]] [hostname] [port[s]]
`)
	return 1
}

func ncMain(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "46DdhklnrStUuvzCi:p:s:T:w:X:x:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "nc: %v\n", err)
		return ncUsage(p)
	}
	var zero, verbose, numeric bool
	proto := "tcp"
	for _, o := range opts {
		switch o.Name {
		case "z":
			zero = true
		case "v":
			verbose = true
		case "n":
			numeric = true
		case "u":
			proto = "udp"
		case "h":
			ncUsage(p)
			return 1
		case "l":
			fmt.Fprintln(p.Stderr, "nc: Address already in use")
			return 1
		}
	}
	if len(ops) != 2 {
		return ncUsage(p)
	}
	host := ops[0]
	var h netHost
	if numeric {
		if !netIsIPv4(host) {
			fmt.Fprintln(p.Stderr, "nc: getaddrinfo: Name or service not known")
			return 1
		}
		h = netHost{addr: host, canon: host}
	} else if e, ok := netResolve(p.Sys, host); ok {
		h = e
	} else {
		fmt.Fprintln(p.Stderr, "nc: getaddrinfo: Name or service not known")
		return 1
	}
	lo, hi := 0, 0
	if a, b, ok := strings.Cut(ops[1], "-"); ok {
		x, e1 := strconv.Atoi(a)
		y, e2 := strconv.Atoi(b)
		if e1 != nil || e2 != nil || x < 1 || y > 65535 || x > y {
			fmt.Fprintln(p.Stderr, "nc: port range not valid")
			return 1
		}
		lo, hi = x, y
	} else {
		n, ok := netPort(p.Sys, ops[1], proto)
		if !ok {
			fmt.Fprintf(p.Stderr, "nc: getaddrinfo: Servname not supported for ai_socktype\n")
			return 1
		}
		lo, hi = n, n
	}
	svcs := etcServices(p.Sys)
	ret := 1
	for port := lo; port <= hi; port++ {
		if p.Canceled() {
			break
		}
		var c *Conn
		var err error
		if proto == "udp" {
			if netIsLocal(p.Sys, h.addr) {
				c, err = dial(p.Sys, proto, port, "root")
				if err != nil {
					c, err = nil, nil
				}
			} else {
				err = syscall.EHOSTUNREACH
			}
		} else {
			c, err = dialHost(p, h, proto, port, "root")
		}
		if err != nil {
			if verbose {
				fmt.Fprintf(p.Stderr, "nc: connect to %s port %d (%s) failed: %s\n", host, port, proto, netStrerror(err))
			}
			continue
		}
		ret = 0
		if zero || verbose {
			if verbose {
				name, ok := svcs.Name(port, proto)
				if !ok {
					name = "*"
				}
				fmt.Fprintf(p.Stderr, "Connection to %s %d port [%s/%s] succeeded!\n", host, port, proto, name)
			}
		}
		if !zero && c != nil {
			r := netResponderFor(p.Sys, c)
			io.WriteString(p.Stdout, r.greet())
			if f, ok := r.(netFixedReply); !ok || !f.close {
				sc := bufio.NewScanner(p.Stdin)
				for sc.Scan() && !p.Canceled() {
					reply, done := r.line(sc.Text())
					io.WriteString(p.Stdout, reply)
					if done {
						break
					}
				}
				if hs, ok := r.(*httpServer); ok && len(hs.req) > 0 {
					reply, _ := hs.line("")
					io.WriteString(p.Stdout, reply)
				}
			}
		}
		if c != nil {
			c.Close()
		}
		if !zero {
			break
		}
	}
	return ret
}

// ---- URLs ------------------------------------------------------------------------

type httpURL struct {
	scheme, host, path string
	port               int
	hostport           string // as written, for the Host header
}

// netParseURL splits http://host[:port]/path; a URL without scheme is http.
func netParseURL(k *kernel.Kernel, s string) (httpURL, bool) {
	u := httpURL{scheme: "http"}
	rest := s
	if sch, r, ok := strings.Cut(s, "://"); ok {
		u.scheme, rest = strings.ToLower(sch), r
	}
	hp, p, hasPath := strings.Cut(rest, "/")
	u.path = "/" + p
	if !hasPath {
		u.path = "/"
	}
	u.hostport = hp
	u.host = hp
	u.port = 80
	if u.scheme == "ftp" {
		u.port = 21
	}
	if h, ps, ok := strings.Cut(hp, ":"); ok {
		n, err := strconv.Atoi(ps)
		if err != nil || n <= 0 || n > 65535 {
			return u, false
		}
		u.host, u.port = h, n
	}
	return u, u.host != ""
}

// ---- curl ------------------------------------------------------------------------

const curlAgent = "curl/7.15.5 (i686-redhat-linux-gnu) libcurl/7.15.5 OpenSSL/0.9.8b zlib/1.2.3 libidn/0.6.5"

func curlMain(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "sSIifLvo:OA:H:X:m:d:", []LongOpt{
		{Name: "silent", Short: 's'}, {Name: "show-error", Short: 'S'}, {Name: "head", Short: 'I'},
		{Name: "include", Short: 'i'}, {Name: "fail", Short: 'f'}, {Name: "location", Short: 'L'},
		{Name: "verbose", Short: 'v'}, {Name: "output", Short: 'o', Arg: 1}, {Name: "remote-name", Short: 'O'},
		{Name: "user-agent", Short: 'A', Arg: 1}, {Name: "header", Short: 'H', Arg: 1},
		{Name: "request", Short: 'X', Arg: 1}, {Name: "max-time", Short: 'm', Arg: 1},
		{Name: "data", Short: 'd', Arg: 1}, {Name: "help"}, {Name: "version", Short: 'V'},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "curl: %v\ncurl: try 'curl --help' or 'curl --manual' for more information\n", err)
		return 2
	}
	var silent, showErr, head, include, fail, remoteName bool
	out, agent, method := "", curlAgent, "GET"
	for _, o := range opts {
		switch o.Name {
		case "s":
			silent = true
		case "S":
			showErr = true
		case "I":
			head, method = true, "HEAD"
		case "i":
			include = true
		case "f":
			fail = true
		case "o":
			out = o.Arg
		case "O":
			remoteName = true
		case "A":
			agent = o.Arg
		case "X":
			method = o.Arg
		case "help":
			fmt.Fprintln(p.Stdout, "Usage: curl [options...] <url>\nOptions: (H) means HTTP/HTTPS only, (F) means FTP only\n -I/--head          Show document info only\n -i/--include       Include protocol headers in the output (H/F)\n -f/--fail          Fail silently (no output at all) on HTTP errors (H)\n -o/--output <file> Write output to <file> instead of stdout\n -O/--remote-name   Write output to a file named as the remote file\n -s/--silent        Silent mode. Don't output anything\n -S/--show-error    Show error. With -s, make curl show errors when they occur")
			return 0
		case "V":
			fmt.Fprintln(p.Stdout, curlAgent+"\nProtocols: tftp ftp telnet dict ldap http file https ftps \nFeatures: GSS-Negotiate IDN IPv6 Largefile NTLM SSL libz ")
			return 0
		}
	}
	if len(ops) == 0 {
		fmt.Fprintln(p.Stderr, "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information")
		return 2
	}
	status := 0
	for _, raw := range ops {
		status = curlOne(p, raw, out, agent, method, silent, showErr, head, include, fail, remoteName)
	}
	return status
}

func curlOne(p *Proc, raw, out, agent, method string, silent, showErr, head, include, fail, remoteName bool) int {
	errf := func(code int, format string, args ...any) int {
		if !silent || showErr {
			fmt.Fprintf(p.Stderr, "curl: (%d) %s\n", code, fmt.Sprintf(format, args...))
		}
		return code
	}
	u, ok := netParseURL(p.Sys, raw)
	if !ok {
		return errf(3, "<url> malformed")
	}
	if u.scheme != "http" {
		return errf(1, "Unsupported protocol: %s", u.scheme)
	}
	h, ok := netResolve(p.Sys, u.host)
	if !ok {
		return errf(6, "Couldn't resolve host '%s'", u.host)
	}
	c, err := dialHost(p, h, "tcp", u.port, "root")
	if err != nil {
		return errf(7, "couldn't connect to host")
	}
	defer c.Close()
	if c.Service != "httpd" {
		return errf(52, "Empty reply from server")
	}
	resp := httpRespond(p.Sys, method, u.path, u.hostport, u.port, agent)
	if fail && resp.status >= 400 {
		return errf(22, "The requested URL returned error: %d", resp.status)
	}
	var data string
	switch {
	case head:
		data = resp.raw(false)
	case include:
		data = resp.raw(true)
	default:
		data = string(resp.body)
	}
	if remoteName {
		out = path.Base(u.path)
		if out == "/" || out == "." {
			return errf(23, "Failed writing body")
		}
	}
	meter := !silent && (out != "" || !p.Tty)
	if meter {
		n := len(data)
		fmt.Fprintf(p.Stderr, "  %% Total    %% Received %% Xferd  Average Speed   Time    Time     Time  Current\n")
		fmt.Fprintf(p.Stderr, "                                 Dload  Upload   Total   Spent    Left  Speed\n")
		fmt.Fprintf(p.Stderr, "100 %5d  100 %5d    0     0  %5s      0 --:--:-- --:--:-- --:--:-- %5s\n", n, n, "1945k", "3891k")
	}
	if out != "" {
		if err := writeVFS(p, out, data, 0o666&^p.Umask); err != nil {
			return errf(23, "Failed writing body")
		}
		return 0
	}
	io.WriteString(p.Stdout, data)
	return 0
}

// ---- wget ------------------------------------------------------------------------

func wgetMain(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "qO:SVhc", []LongOpt{
		{Name: "quiet", Short: 'q'}, {Name: "output-document", Short: 'O', Arg: 1},
		{Name: "server-response", Short: 'S'}, {Name: "version", Short: 'V'}, {Name: "help", Short: 'h'},
		{Name: "continue", Short: 'c'}, {Name: "spider"},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "wget: %v\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", err)
		return 1
	}
	quiet, spider, outDoc := false, false, ""
	for _, o := range opts {
		switch o.Name {
		case "q":
			quiet = true
		case "O":
			outDoc = o.Arg
		case "spider":
			spider = true
		case "V":
			fmt.Fprintln(p.Stdout, "GNU Wget 1.11.4 Red Hat modified\n\nCopyright (C) 2008 Free Software Foundation, Inc.")
			return 0
		case "h":
			fmt.Fprintln(p.Stdout, "GNU Wget 1.11.4 Red Hat modified, a non-interactive network retriever.\nUsage: wget [OPTION]... [URL]...")
			return 0
		}
	}
	if len(ops) == 0 {
		fmt.Fprintln(p.Stderr, "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.")
		return 1
	}
	log := func(format string, args ...any) {
		if !quiet {
			fmt.Fprintf(p.Stderr, format, args...)
		}
	}
	status := 0
	for _, raw := range ops {
		now := p.Sys.Clock.Now()
		stamp := now.Format("2006-01-02 15:04:05")
		u, ok := netParseURL(p.Sys, raw)
		if !ok || u.scheme != "http" {
			log("%s: Unsupported scheme.\n", raw)
			status = 1
			continue
		}
		display := fmt.Sprintf("http://%s%s", u.hostport, u.path)
		log("--%s--  %s\n", stamp, display)
		log("Resolving %s... ", u.host)
		h, ok := netResolve(p.Sys, u.host)
		if !ok {
			log("failed: Name or service not known.\n")
			log("wget: unable to resolve host address `%s'\n", u.host)
			status = 1
			continue
		}
		log("%s\n", h.addr)
		log("Connecting to %s|%s|:%d... ", u.host, h.addr, u.port)
		c, err := dialHost(p, h, "tcp", u.port, "root")
		if err != nil {
			log("failed: %s.\n", netStrerror(err))
			status = 1
			continue
		}
		log("connected.\n")
		if c.Service != "httpd" {
			c.Close()
			log("HTTP request sent, awaiting response... No data received.\nRetrying.\n\n")
			status = 1
			continue
		}
		method := "GET"
		if spider {
			method = "HEAD"
		}
		resp := httpRespond(p.Sys, method, u.path, u.hostport, u.port, "Wget/1.11.4 Red Hat modified")
		c.Close()
		log("HTTP request sent, awaiting response... %d %s\n", resp.status, resp.reason)
		if resp.status >= 400 {
			log("%s ERROR %d: %s.\n\n", stamp, resp.status, resp.reason)
			status = 1
			continue
		}
		ctype, _, _ := strings.Cut(resp.header("Content-Type"), ";")
		n := len(resp.body)
		if n >= 1024 {
			log("Length: %d (%s) [%s]\n", n, wgetSize(n), ctype)
		} else {
			log("Length: %d [%s]\n", n, ctype)
		}
		if spider {
			log("Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n")
			continue
		}
		name := outDoc
		if name == "" {
			name = path.Base(u.path)
			if strings.HasSuffix(u.path, "/") || name == "/" || name == "." {
				name = "index.html"
			}
			if _, err := p.Sys.FS.Stat(p.Abs(name)); err == nil {
				for i := 1; ; i++ {
					cand := fmt.Sprintf("%s.%d", name, i)
					if _, err := p.Sys.FS.Stat(p.Abs(cand)); err != nil {
						name = cand
						break
					}
				}
			}
		}
		log("Saving to: `%s'\n\n", name)
		if name == "-" {
			p.Stdout.Write(resp.body)
		} else if err := writeVFS(p, name, string(resp.body), 0o666&^p.Umask); err != nil {
			log("%s: %s\n", name, Strerror(err))
			status = 1
			continue
		}
		if p.Tty {
			log("100%%[======================================>] %-11s --.-K/s   in 0s      \n\n", wgetComma(n))
		} else {
			log("     0K %s 100%% %s=0s\n\n", strings.Repeat(".", (n+1023)/1024), "1.38M")
		}
		log("%s (1.38 MB/s) - `%s' saved [%d/%d]\n\n", stamp, name, n, n)
	}
	return status
}

func wgetSize(n int) string {
	if n < 1024*1024 {
		return fmt.Sprintf("%.1fK", float64(n)/1024)
	}
	return fmt.Sprintf("%.1fM", float64(n)/(1024*1024))
}

func wgetComma(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ---- rsync -------------------------------------------------------------------------

const rsyncVersion = "2.6.8"

// rsyncModule is one [module] of rsyncd.conf.
type rsyncModule struct {
	name, path, comment string
	list                bool
}

// rsyncdConf is the parsed /etc/rsyncd.conf: global parameters and modules.
type rsyncdConf struct {
	global  map[string]string
	modules []rsyncModule
}

func parseRsyncdConf(data []byte) rsyncdConf {
	c := rsyncdConf{global: map[string]string{}}
	cur := -1
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' || l[0] == ';' {
			continue
		}
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			c.modules = append(c.modules, rsyncModule{name: strings.TrimSpace(l[1 : len(l)-1]), list: true})
			cur = len(c.modules) - 1
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.Join(strings.Fields(k), " ")), strings.TrimSpace(v)
		if cur < 0 {
			c.global[k] = v
			continue
		}
		m := &c.modules[cur]
		switch k {
		case "path":
			m.path = v
		case "comment":
			m.comment = v
		case "list":
			m.list = !strings.EqualFold(v, "no") && !strings.EqualFold(v, "false") && v != "0"
		}
	}
	return c
}

// rsyncLog writes a line of the daemon's log: its log file, else syslog.
func rsyncLog(k *kernel.Kernel, conf rsyncdConf, pid int, msg string) {
	if f := conf.global["log file"]; f != "" {
		netAppendLine(k, f, fmt.Sprintf("%s [%d] %s", k.Clock.Now().Format("2006/01/02 15:04:05"), pid, msg))
		return
	}
	k.Syslog("rsyncd", pid, msg)
}

func rsyncUsage(w io.Writer) {
	fmt.Fprintf(w, `rsync  version %s  protocol version 29
Copyright (C) 1996-2006 by Andrew Tridgell, Wayne Davison, and others.
<http://rsync.samba.org/>
Capabilities: 64-bit files, socketpairs, hard links, symlinks, batchfiles,
              inplace, IPv6, 64-bit system inums, 64-bit internal inums

rsync comes with ABSOLUTELY NO WARRANTY.  This is free software, and you
are welcome to redistribute it under certain conditions.  See the GNU
General Public Licence for details.

rsync is a file transfer program capable of efficient remote update
via a fast differencing algorithm.

Usage: rsync [OPTION]... SRC [SRC]... DEST
  or   rsync [OPTION]... SRC [SRC]... [USER@]HOST:DEST
  or   rsync [OPTION]... SRC [SRC]... [USER@]HOST::DEST
  or   rsync [OPTION]... SRC [SRC]... rsync://[USER@]HOST[:PORT]/DEST
  or   rsync [OPTION]... [USER@]HOST:SRC [DEST]
  or   rsync [OPTION]... [USER@]HOST::SRC [DEST]
  or   rsync [OPTION]... rsync://[USER@]HOST[:PORT]/SRC [DEST]
The ':' usages connect via remote shell, while '::' & 'rsync://' usages connect
to an rsync daemon, and require SRC or DEST to start with a module name.
`, rsyncVersion)
}

// rsyncMain is rsync: the client, and with --daemon the standalone
// daemon of /etc/init.d/rsyncd.
func rsyncMain(p *Proc, _ *daemonSpec) (int, bool) {
	opts, ops, err := Getopt(p.Args[1:], "avrlptgoDzqnhHWxRP", []LongOpt{
		{Name: "daemon"}, {Name: "no-detach"}, {Name: "config", Arg: 1}, {Name: "port", Arg: 1},
		{Name: "address", Arg: 1}, {Name: "version"}, {Name: "help"}, {Name: "verbose", Short: 'v'},
		{Name: "archive", Short: 'a'}, {Name: "recursive", Short: 'r'}, {Name: "delete"},
		{Name: "list-only"}, {Name: "progress"}, {Name: "dry-run", Short: 'n'}, {Name: "compress", Short: 'z'},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "rsync: %v\n", err)
		fmt.Fprintf(p.Stderr, "rsync error: syntax or usage error (code 1) at main.c(1231) [client=%s]\n", rsyncVersion)
		return 1, true
	}
	daemon, detach := false, true
	config, port := "/etc/rsyncd.conf", 0
	recursive := false
	for _, o := range opts {
		switch o.Name {
		case "daemon":
			daemon = true
		case "no-detach":
			detach = false
		case "config":
			config = o.Arg
		case "port":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n <= 0 || n > 65535 {
				fmt.Fprintf(p.Stderr, "rsync: --port=%s: invalid port\n", o.Arg)
				return 1, true
			}
			port = n
		case "a", "r":
			recursive = true
		case "version":
			rsyncUsage(p.Stdout)
			return 0, true
		case "help", "h":
			rsyncUsage(p.Stdout)
			return 0, true
		}
	}
	if daemon {
		return rsyncDaemon(p, config, port, detach), true
	}
	if len(ops) == 0 {
		rsyncUsage(p.Stdout)
		fmt.Fprintf(p.Stderr, "rsync error: syntax or usage error (code 1) at main.c(1231) [client=%s]\n", rsyncVersion)
		return 1, true
	}
	src := ops[0]
	host, rest, remote := "", "", false
	switch {
	case strings.HasPrefix(src, "rsync://"):
		hp, r, _ := strings.Cut(strings.TrimPrefix(src, "rsync://"), "/")
		host, rest, remote = hp, r, true
	case strings.Contains(src, "::"):
		host, rest, _ = strings.Cut(src, "::")
		remote = true
	}
	if !remote {
		// Local copy: what cp does, quietly, like rsync without -v.
		if len(ops) < 2 {
			fmt.Fprintf(p.Stderr, "rsync error: syntax or usage error (code 1) at main.c(1231) [client=%s]\n", rsyncVersion)
			return 1, true
		}
		args := []string{"cp"}
		if recursive {
			args = append(args, "-a")
		}
		return p.Run(append(args, ops...), nil, io.Discard, nil), true
	}
	if u, h, ok := strings.Cut(host, "@"); ok {
		_, host = u, h
	}
	rport := 873
	if port != 0 {
		rport = port
	}
	if h, ps, ok := strings.Cut(host, ":"); ok {
		if n, err := strconv.Atoi(ps); err == nil {
			host, rport = h, n
		}
	}
	return rsyncList(p, host, rport, rest), true
}

func rsyncSocketErr(p *Proc, host string, err error) int {
	fmt.Fprintf(p.Stderr, "rsync: failed to connect to %s: %s (%d)\n", host, netStrerror(err), int(errnoOf(err)))
	fmt.Fprintf(p.Stderr, "rsync error: error in socket IO (code 10) at clientserver.c(107) [receiver=%s]\n", rsyncVersion)
	return 10
}

// rsyncList talks to an rsync daemon: the module list, or the files of a
// module.
func rsyncList(p *Proc, host string, port int, rest string) int {
	h, ok := netResolve(p.Sys, host)
	if !ok {
		fmt.Fprintf(p.Stderr, "rsync: getaddrinfo: %s %d: Name or service not known\n", host, port)
		fmt.Fprintf(p.Stderr, "rsync error: error in socket IO (code 10) at clientserver.c(104) [receiver=%s]\n", rsyncVersion)
		return 10
	}
	c, err := dialHost(p, h, "tcp", port, "root")
	if err != nil {
		return rsyncSocketErr(p, host, err)
	}
	defer c.Close()
	if c.Service != "rsync" {
		fmt.Fprintf(p.Stderr, "rsync: server sent \"%s\" rather than greeting\n", strings.TrimSpace(strings.ReplaceAll(netResponderFor(p.Sys, c).greet(), "\r", "")))
		fmt.Fprintf(p.Stderr, "rsync error: error starting client-server protocol (code 5) at main.c(1383) [receiver=%s]\n", rsyncVersion)
		return 5
	}
	data, _ := netReadFile(p.Sys, "/etc/rsyncd.conf")
	conf := parseRsyncdConf(data)
	logPID := c.Server
	if logPID == 0 {
		logPID = c.Listener
	}
	rsyncLog(p.Sys, conf, logPID, fmt.Sprintf("connect from localhost (%s)", h.addr))
	if motd := conf.global["motd file"]; motd != "" {
		if m, err := netReadFile(p.Sys, motd); err == nil {
			p.Stdout.Write(m)
		}
	}
	module, sub, _ := strings.Cut(rest, "/")
	if module == "" {
		rsyncLog(p.Sys, conf, logPID, fmt.Sprintf("module-list request from localhost (%s)", h.addr))
		for _, m := range conf.modules {
			if m.list {
				fmt.Fprintf(p.Stdout, "%-15s\t%s\n", m.name, m.comment)
			}
		}
		return 0
	}
	protoErr := func(msg string) int {
		fmt.Fprintf(p.Stderr, "@ERROR: %s\n", msg)
		fmt.Fprintf(p.Stderr, "rsync error: error starting client-server protocol (code 5) at main.c(1383) [receiver=%s]\n", rsyncVersion)
		return 5
	}
	var mod *rsyncModule
	for i := range conf.modules {
		if conf.modules[i].name == module {
			mod = &conf.modules[i]
		}
	}
	if mod == nil {
		rsyncLog(p.Sys, conf, logPID, fmt.Sprintf("rsync denied on module %s from localhost (%s)", module, h.addr))
		return protoErr(fmt.Sprintf("Unknown module '%s'", module))
	}
	dir := path.Join(mod.path, sub)
	st, err := fs.Stat(p.Sys.FS.IOFS(), netRel(mod.path))
	if err != nil || !st.IsDir() {
		rsyncLog(p.Sys, conf, logPID, fmt.Sprintf("rsync: chroot %s failed: %s (%d)", mod.path, Strerror(syscall.ENOENT), int(syscall.ENOENT)))
		return protoErr("chroot failed")
	}
	rsyncLog(p.Sys, conf, logPID, fmt.Sprintf("rsync on %s from localhost (%s)", rest, h.addr))
	fsys := p.Sys.FS.IOFS()
	list := func(name string, fi fs.FileInfo) {
		fmt.Fprintf(p.Stdout, "%s %11d %s %s\n", rsyncMode(fi.Mode()), fi.Size(), fi.ModTime().Format("2006/01/02 15:04:05"), name)
	}
	st, err = fs.Stat(fsys, netRel(dir))
	if err != nil {
		fmt.Fprintf(p.Stderr, "rsync: link_stat \"%s\" (in %s) failed: No such file or directory (2)\n", "/"+sub, module)
		fmt.Fprintf(p.Stderr, "rsync error: some files could not be transferred (code 23) at main.c(1385) [receiver=%s]\n", rsyncVersion)
		return 23
	}
	if !st.IsDir() {
		list(path.Base(dir), st)
		return 0
	}
	list(".", st)
	ents, _ := fs.ReadDir(fsys, netRel(dir))
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		if fi, err := fs.Stat(fsys, netRel(path.Join(dir, n))); err == nil {
			list(n, fi)
		}
	}
	return 0
}

func rsyncMode(m fs.FileMode) string {
	s := []byte(m.Perm().String())
	switch {
	case m.IsDir():
		s[0] = 'd'
	case m&fs.ModeSymlink != 0:
		s[0] = 'l'
	default:
		s[0] = '-'
	}
	return string(s)
}

// rsyncDaemon is rsync --daemon started by hand or by /etc/init.d/rsyncd:
// it goes to the background at once (the command succeeds), then reads
// rsyncd.conf, writes its pid file and binds its port; failures after the
// fork go to its log only.
func rsyncDaemon(p *Proc, config string, port int, detach bool) int {
	k := p.Sys
	data, err := readVFS(p, config)
	if err != nil {
		if detach {
			return 0
		}
		fmt.Fprintf(p.Stderr, "Failed to parse config file: %s\n", config)
		return 1
	}
	conf := parseRsyncdConf(data)
	if port == 0 {
		port = 873
		if v, err := strconv.Atoi(conf.global["port"]); err == nil {
			port = v
		}
	}
	st := &DaemonState{Spec: "rsync", Generation: 1, Config: string(data)}
	pid, err := k.Procs.Spawn(proc.Process{PPID: 1, State: 'S', SessionLeader: detach, Comm: "rsync",
		Args: p.Args, Exe: "/usr/bin/rsync", VSZ: 2340, RSS: 504, Data: st})
	if err != nil {
		fmt.Fprintf(p.Stderr, "rsync: fork: %s\n", Strerror(err))
		return 1
	}
	fail := func(code int) int {
		k.Procs.Exit(pid)
		if detach {
			return 0
		}
		return code
	}
	rsyncLog(k, conf, pid, fmt.Sprintf("rsyncd version %s starting, listening on port %d", rsyncVersion, port))
	pidfile := conf.global["pid file"]
	if pidfile != "" {
		if _, err := k.FS.Stat(pidfile); err == nil {
			rsyncLog(k, conf, pid, fmt.Sprintf("failed to create pid file %s: File exists (17)", pidfile))
			rsyncLog(k, conf, pid, fmt.Sprintf("rsync error: error in file IO (code 11) at clientserver.c(842) [receiver=%s]", rsyncVersion))
			return fail(11)
		}
		writeVFS(p, pidfile, pidLine(pid), 0o644)
	}
	if err := k.Listen("tcp", port, pid, "rsync"); err != nil {
		rsyncLog(k, conf, pid, fmt.Sprintf("unable to bind any inbound sockets on port %d", port))
		rsyncLog(k, conf, pid, fmt.Sprintf("rsync error: error in socket IO (code 10) at socket.c(470) [receiver=%s]", rsyncVersion))
		if pidfile != "" {
			k.FS.Remove(pidfile)
		}
		return fail(10)
	}
	k.Procs.Update(pid, func(pr *proc.Process) { pr.OnSignal = st.Rebind(k, pid) })
	return 0
}
