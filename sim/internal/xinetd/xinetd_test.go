package xinetd

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const stockConf = `#
# xinetd.conf
defaults
{
	log_type	= SYSLOG daemon info 
	log_on_failure	= HOST
	log_on_success	= PID HOST DURATION EXIT
	cps		= 50 10
	instances	= 50
	per_source	= 10
	v6only		= no
	groups		= yes
	umask		= 002
}

includedir /etc/xinetd.d
`

const telnetFile = `# default: on
# description: telnet
service telnet
{
	flags		= REUSE
	socket_type	= stream        
	wait		= no
	user		= root
	server		= /usr/sbin/in.telnetd
	log_on_failure	+= USERID
	disable		= %s
}
`

const services = "tcpmux 1/tcp\necho 7/tcp\necho 7/udp\nchargen 19/tcp ttytst source\ntelnet 23/tcp\ntelnet 23/udp\n" +
	"time 37/tcp timserver\ntime 37/udp timserver\ntftp 69/udp\nrsync 873/tcp # rsync\n"

// machine is a small file tree: the stock xinetd.conf, services, accounts
// and the server programs (executable).
func machine(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{
		"etc/xinetd.conf":     {Data: []byte(stockConf)},
		"etc/services":        {Data: []byte(services)},
		"etc/passwd":          {Data: []byte("root:x:0:0:root:/root:/bin/bash\nnobody:x:99:99:Nobody:/:/sbin/nologin\n")},
		"etc/group":           {Data: []byte("root:x:0:root\nnobody:x:99:\n")},
		"usr/sbin/in.telnetd": {Data: nil, Mode: 0o755},
		"usr/sbin/in.tftpd":   {Data: nil, Mode: 0o755},
		"usr/bin/rsync":       {Data: nil, Mode: 0o755},
		"etc/xinetd.d":        {Mode: 0o755 | 1<<31},
	}
	for name, data := range files {
		m[strings.TrimPrefix(name, "/")] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return m
}

func errorsOf(c *Config) []string {
	var out []string
	for _, e := range c.Errors {
		out = append(out, e.Error())
	}
	return out
}

func active(c *Config) []string {
	var out []string
	for _, s := range c.Active() {
		out = append(out, s.ID)
	}
	return out
}

func TestLoad(t *testing.T) {
	t.Parallel()
	on := strings.Replace(telnetFile, "%s", "no", 1)
	off := strings.Replace(telnetFile, "%s", "yes", 1)
	tests := []struct {
		name   string
		files  map[string]string
		active []string
		errs   []string
	}{
		{name: "disabled", files: map[string]string{"/etc/xinetd.d/telnet": off}},
		{name: "enabled", files: map[string]string{"/etc/xinetd.d/telnet": on}, active: []string{"telnet"}},
		{name: "skipped names", files: map[string]string{"/etc/xinetd.d/telnet.rpmsave": on, "/etc/xinetd.d/telnet~": on,
			"/etc/xinetd.d/.telnet": on}},
		{name: "unknown attribute ignored", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "\twait", "\tfoo = bar\n\twait", 1)},
			active: []string{"telnet"}, errs: []string{"bad service attribute: foo [file=/etc/xinetd.d/telnet] [line=7]"}},
		{name: "server not executable", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "in.telnetd", "in.nothere", 1)},
			errs: []string{"Server /usr/sbin/in.nothere is not executable [file=/etc/xinetd.d/telnet] [line=9]",
				"Error parsing attribute server - DISABLING SERVICE [file=/etc/xinetd.d/telnet] [line=9]",
				// "disable = no" after the error enables the entry again, as in xinetd.
				"Must specify a server in telnet"}},
		{name: "missing server", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "\tserver\t\t= /usr/sbin/in.telnetd\n", "", 1)},
			errs: []string{"Must specify a server in telnet"}},
		{name: "missing user", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "\tuser\t\t= root\n", "", 1)},
			errs: []string{"Service telnet missing attribute user - DISABLING"}},
		{name: "missing brace", files: map[string]string{"/etc/xinetd.d/telnet": "service telnet\n\tsocket_type = stream\n}\nservice echo\n{\n\ttype = INTERNAL\n\tsocket_type = stream\n\twait = no\n}\n"},
			active: []string{"echo"}, errs: []string{"Service telnet: missing '{' [file=/etc/xinetd.d/telnet] [line=2]"}},
		{name: "bad operator", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "wait\t\t= no", "wait\t\t: no", 1)},
			errs: []string{"Bad operator for attribute: wait [file=/etc/xinetd.d/telnet] [line=7]"}},
		{name: "no space before operator", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "wait\t\t= no", "wait= no", 1)},
			errs: []string{"Attribute wait needs a space before operator [file=/etc/xinetd.d/telnet] [line=7]"}},
		{name: "bad wait", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "wait\t\t= no", "wait\t\t= maybe", 1)},
			errs: []string{"Bad value for wait: maybe [file=/etc/xinetd.d/telnet] [line=7]",
				"Error parsing attribute wait - DISABLING SERVICE [file=/etc/xinetd.d/telnet] [line=7]",
				"Service telnet missing attribute wait - DISABLING"}},
		{name: "error after disable = no", files: map[string]string{"/etc/xinetd.d/telnet": "service telnet\n{\n\tdisable = no\n" +
			"\tsocket_type = stream\n\twait = no\n\tuser = root\n\tserver = /usr/sbin/in.nothere\n}\n"},
			errs: []string{"Server /usr/sbin/in.nothere is not executable [file=/etc/xinetd.d/telnet] [line=7]",
				"Error parsing attribute server - DISABLING SERVICE [file=/etc/xinetd.d/telnet] [line=7]"}},
		{name: "unknown user", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "user\t\t= root", "user\t\t= ghost", 1)},
			errs: []string{"Unknown user: ghost [file=/etc/xinetd.d/telnet] [line=8]",
				"Error parsing attribute user - DISABLING SERVICE [file=/etc/xinetd.d/telnet] [line=8]",
				"Service telnet missing attribute user - DISABLING"}},
		{name: "incomplete", files: map[string]string{"/etc/xinetd.d/telnet": strings.TrimSuffix(on, "}\n")},
			errs: []string{"incomplete entry [file=/etc/xinetd.d/telnet] [line=11]", "missing } in last service entry [file=/etc/xinetd.d/telnet] [line=11]"}},
		{name: "not in services", files: map[string]string{"/etc/xinetd.d/foo": "service foo\n{\n\tsocket_type = stream\n\twait = no\n\tuser = root\n\tserver = /usr/bin/rsync\n}\n"},
			errs: []string{"Port not specified and can't find service: foo with getservbyname"}},
		{name: "unlisted with port", files: map[string]string{"/etc/xinetd.d/foo": "service foo\n{\n\ttype = UNLISTED\n\tport = 5000\n\tprotocol = tcp\n\tsocket_type = stream\n\twait = no\n\tuser = root\n\tserver = /usr/bin/rsync\n}\n"},
			active: []string{"foo"}},
		{name: "wrong port", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "\twait", "\tport = 2323\n\twait", 1)},
			errs: []string{"Service telnet expects port 23, not 2323"}},
		{name: "no such internal", files: map[string]string{"/etc/xinetd.d/x": "service telnet\n{\n\ttype = INTERNAL\n\tsocket_type = stream\n\twait = no\n}\n"},
			errs: []string{"No such internal service: telnet/stream - DISABLING"}},
		{name: "attribute twice", files: map[string]string{"/etc/xinetd.d/telnet": strings.Replace(on, "\twait", "\twait = yes\n\twait", 1)},
			active: []string{"telnet"}, errs: []string{"Service telnet: attribute already set: wait [file=/etc/xinetd.d/telnet] [line=8]"}},
		{name: "defaults disabled list", files: map[string]string{"/etc/xinetd.d/telnet": on,
			"/etc/xinetd.conf": strings.Replace(stockConf, "}\n", "\tdisabled = telnet\n}\n", 1)}},
		{name: "defaults enabled list", files: map[string]string{"/etc/xinetd.d/telnet": on,
			"/etc/xinetd.d/echo": "service echo\n{\n\ttype = INTERNAL\n\tsocket_type = stream\n\twait = no\n}\n",
			"/etc/xinetd.conf":   strings.Replace(stockConf, "}\n", "\tenabled = echo\n}\n", 1)}, active: []string{"echo"}},
		{name: "includedir missing", files: map[string]string{"/etc/xinetd.conf": strings.Replace(stockConf, "/etc/xinetd.d", "/etc/nothere", 1)},
			errs: []string{"Unable to read included directory: /etc/nothere [file=/etc/xinetd.conf] [line=16]"}},
		{name: "fatal defaults", files: map[string]string{"/etc/xinetd.conf": strings.Replace(stockConf, "instances\t= 50", "instances\t= many", 1)},
			errs: []string{"Number of instances is invalid: many [file=/etc/xinetd.conf] [line=9]",
				"A fatal error was encountered while parsing the default section. xinetd will exit."}},
	}
	for _, tt := range tests {
		cfg := Load(machine(tt.files), "/etc/xinetd.conf")
		if got := active(cfg); !slices.Equal(got, tt.active) {
			t.Errorf("%s: active = %q; want %q", tt.name, got, tt.active)
		}
		if got := errorsOf(cfg); !slices.Equal(got, tt.errs) {
			t.Errorf("%s: errors =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.errs, "\n"))
		}
	}
}

func TestServiceAttributes(t *testing.T) {
	t.Parallel()
	rsync := "service rsync\n{\n\tflags\t\t= IPv6\n\tsocket_type     = stream\n\twait            = no\n\tuser            = root\n" +
		"\tserver          = /usr/bin/rsync\n\tserver_args     = --daemon\n\tlog_on_failure  += USERID\n\tonly_from = 127.0.0.1\n\tinstances = 5\n}\n"
	tftp := "service tftp\n{\n\tsocket_type = dgram\n\tprotocol = udp\n\twait = yes\n\tuser = root\n\tserver = /usr/sbin/in.tftpd\n" +
		"\tserver_args = -s /tftpboot\n\tflags = IPv4\n\tlog_on_success -= DURATION\n}\n"
	cfg := Load(machine(map[string]string{"/etc/xinetd.d/rsync": rsync, "/etc/xinetd.d/tftp": tftp}), "/etc/xinetd.conf")
	if len(cfg.Errors) > 0 {
		t.Fatalf("errors: %q", errorsOf(cfg))
	}
	r := cfg.Lookup("rsync")
	if r == nil || r.Port != 873 || r.Protocol != "tcp" || r.Wait || r.User != "root" || r.Instances != 5 || r.PerSource != 10 ||
		!slices.Equal(r.Argv(), []string{"rsync", "--daemon"}) || !r.HasFlag("IPv6") || !r.Forks() {
		t.Errorf("rsync = %+v", r)
	}
	if got := r.Values["log_on_failure"]; !slices.Equal(got, []string{"HOST", "USERID"}) {
		t.Errorf("log_on_failure = %q", got)
	}
	if got := r.Values["log_on_success"]; !slices.Equal(got, []string{"PID", "HOST", "DURATION", "EXIT"}) {
		t.Errorf("log_on_success (from defaults) = %q", got)
	}
	f := cfg.Lookup("tftp")
	if f == nil || f.Port != 69 || !f.Wait || f.SocketType != "dgram" || !slices.Equal(f.Argv(), []string{"in.tftpd", "-s", "/tftpboot"}) {
		t.Errorf("tftp = %+v", f)
	}
	if got := f.Values["log_on_success"]; !slices.Equal(got, []string{"PID", "HOST", "EXIT"}) {
		t.Errorf("tftp log_on_success = %q", got)
	}
	if s := cfg.Lookup("nothere"); s != nil {
		t.Errorf("Lookup(nothere) = %+v", s)
	}
}

func TestLoadMissingConf(t *testing.T) {
	t.Parallel()
	cfg := Load(fstest.MapFS{}, "/etc/xinetd.conf")
	if !cfg.Failed || !slices.Equal(errorsOf(cfg), []string{"open( /etc/xinetd.conf ) failed: No such file or directory"}) {
		t.Errorf("Load of nothing = %+v, %q", cfg, errorsOf(cfg))
	}
}

func TestParseServices(t *testing.T) {
	t.Parallel()
	s := ParseServices([]byte("# x\nhttp\t80/tcp www www-http # web\nbad line\nfoo notaport/tcp\ntime 37/udp timserver\n"))
	for _, c := range []struct {
		name, proto string
		port        int
		ok          bool
	}{{"http", "tcp", 80, true}, {"www", "tcp", 80, true}, {"http", "udp", 0, false}, {"timserver", "udp", 37, true}, {"foo", "tcp", 0, false}} {
		if p, ok := s.Port(c.name, c.proto); p != c.port || ok != c.ok {
			t.Errorf("Port(%s, %s) = %d, %v; want %d, %v", c.name, c.proto, p, ok, c.port, c.ok)
		}
	}
	if n, ok := s.Name(80, "tcp"); n != "http" || !ok {
		t.Errorf("Name(80) = %q, %v", n, ok)
	}
}

// FuzzParse checks that no input makes the parser panic and that every
// message it produces is located in a file, at a line of it.
func FuzzParse(f *testing.F) {
	f.Add(stockConf)
	f.Add(strings.Replace(telnetFile, "%s", "no", 1))
	f.Add("service x\n{\n\tport = 70000\n\tflags += BOGUS\n}\n}\n{\nservice\ndefaults\n{\n}\ndefaults\n{\n}\n")
	f.Add("includedir /etc/xinetd.d\ninclude /etc/xinetd.conf\nservice a\n{\n\ttype = INTERNAL UNLISTED\n\twait\t-= x\n")
	f.Fuzz(func(t *testing.T, data string) {
		env := EnvFrom(machine(nil))
		cfg := Parse("/etc/xinetd.d/fuzz", []byte(data), env)
		lines := strings.Count(data, "\n") + 1
		for _, e := range cfg.Errors {
			if e.File == "" || e.Line < 1 || e.Line > lines {
				t.Errorf("error %q at %s:%d (input has %d lines)", e.Msg, e.File, e.Line, lines)
			}
		}
		for _, s := range cfg.Services {
			if s.Starts() && (s.Port < 0 || s.Port > 65535 || s.SocketType == "") {
				t.Errorf("service %+v starts", s)
			}
		}
		// The same text as an included file of a whole configuration.
		m := machine(map[string]string{"/etc/xinetd.d/fuzz": data})
		cfg = Load(m, "/etc/xinetd.conf")
		for _, e := range cfg.Errors {
			if e.File == "" || e.Line < 1 {
				t.Errorf("error %q at %s:%d", e.Msg, e.File, e.Line)
			}
		}
	})
}
