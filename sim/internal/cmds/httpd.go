package cmds

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"rclab/sim/internal/proc"
)

// httpd's configuration check, the way Apache 2.2.3 (CentOS 5) reports a
// broken httpd.conf, and apachectl.

func init() {
	Register(Command{Name: "apachectl", Dirs: []string{"/usr/sbin"}, Summary: "Apache HTTP Server control interface",
		Usage: "apachectl start|stop|restart|graceful|configtest|status|fullstatus", Main: apachectlMain})
}

// httpdDirectives are the directives of Apache 2.2's core and of the
// modules CentOS 5's httpd.conf loads.
var httpdDirectives = map[string]bool{}

func init() {
	for _, d := range strings.Fields(`AcceptFilter AcceptPathInfo AccessFileName AddDefaultCharset AddOutputFilterByType
	AllowEncodedSlashes AllowOverride AuthName AuthType CGIMapExtension ContentDigest DefaultType DocumentRoot
	EnableMMAP EnableSendfile ErrorDocument ErrorLog FileETag ForceType HostnameLookups IdentityCheck Include
	KeepAlive KeepAliveTimeout LimitInternalRecursion LimitRequestBody LimitRequestFields LimitRequestFieldSize
	LimitRequestLine LimitXMLRequestBody LogLevel MaxKeepAliveRequests NameVirtualHost Options Require RLimitCPU
	RLimitMEM RLimitNPROC Satisfy ScriptInterpreterSource ServerAdmin ServerAlias ServerName ServerPath
	ServerRoot ServerSignature ServerTokens SetHandler SetInputFilter SetOutputFilter TimeOut TraceEnable
	UseCanonicalName Timeout Listen ListenBackLog MaxClients MaxMemFree MaxRequestsPerChild MaxSpareServers
	MaxSpareThreads MinSpareServers MinSpareThreads PidFile ScoreBoardFile SendBufferSize ServerLimit
	StartServers StartThreads ThreadLimit ThreadsPerChild User Group LockFile CoreDumpDirectory
	GracefulShutdownTimeout ReceiveBufferSize LoadModule LoadFile Alias AliasMatch Redirect RedirectMatch
	RedirectPermanent RedirectTemp ScriptAlias ScriptAliasMatch AddAlt AddAltByEncoding AddAltByType
	AddDescription AddIcon AddIconByEncoding AddIconByType DefaultIcon HeaderName IndexIgnore IndexOptions
	IndexOrderDefault IndexStyleSheet ReadmeName DirectoryIndex UserDir AddCharset AddEncoding AddHandler
	AddInputFilter AddLanguage AddOutputFilter AddType DefaultLanguage ModMimeUsePathInfo MultiviewsMatch
	RemoveCharset RemoveEncoding RemoveHandler RemoveInputFilter RemoveLanguage RemoveOutputFilter
	RemoveType TypesConfig MIMEMagicFile LanguagePriority ForceLanguagePriority BrowserMatch
	BrowserMatchNoCase SetEnvIf SetEnvIfNoCase LogFormat CustomLog TransferLog CookieLog BufferedLogs
	Order Allow Deny ExtendedStatus Header RequestHeader ExpiresActive ExpiresByType ExpiresDefault
	DeflateBufferSize DeflateCompressionLevel DeflateFilterNote DeflateMemLevel DeflateWindowSize
	PassEnv SetEnv UnsetEnv AuthUserFile AuthGroupFile AuthBasicProvider AuthBasicAuthoritative
	AuthDigestProvider AuthDigestDomain AuthDigestNonceLifetime AuthDigestQop AuthDigestAlgorithm
	RewriteEngine RewriteRule RewriteCond RewriteBase RewriteMap RewriteOptions RewriteLog RewriteLogLevel
	ProxyRequests ProxyPass ProxyPassReverse ProxyVia ProxyTimeout ProxyPreserveHost CacheEnable
	CacheDisable CacheRoot CacheDefaultExpire CacheMaxExpire ScriptLog ScriptLogLength ScriptLogBuffer
	Action Script VirtualDocumentRoot VirtualScriptAlias LanguagePriority XBitHack SSILegacyExprParser`) {
		httpdDirectives[strings.ToLower(d)] = true
	}
}

// httpdSections are the containers httpd.conf may open.
var httpdSections = map[string]bool{
	"directory": true, "directorymatch": true, "files": true, "filesmatch": true, "location": true,
	"locationmatch": true, "virtualhost": true, "ifmodule": true, "ifdefine": true, "limit": true,
	"limitexcept": true, "proxy": true, "proxymatch": true,
}

const httpdConf = "/etc/httpd/conf/httpd.conf"

// checkHttpdConfig reports the first error of httpd.conf as httpd -t does.
func checkHttpdConfig(p *Proc, data []byte) error { return httpdFactsOf(data).err }

func checkHttpdText(data []byte) error {
	synErr := func(line int, msg string) error {
		return daemonMessage(fmt.Sprintf("Syntax error on line %d of %s:\n%s", line, httpdConf, msg))
	}
	var stack []string
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "</"):
			name := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(line, "</"), ">"))
			if len(stack) == 0 || stack[len(stack)-1] != name {
				orig := strings.TrimSuffix(line, ">")
				return synErr(n, fmt.Sprintf("%s> without matching <%s> section", orig, strings.TrimPrefix(orig, "</")))
			}
			stack = stack[:len(stack)-1]
		case strings.HasPrefix(line, "<"):
			if !strings.HasSuffix(line, ">") {
				name := strings.Fields(line)[0]
				return synErr(n, fmt.Sprintf("%s directive missing closing '>'", name))
			}
			name := strings.ToLower(strings.Fields(strings.Trim(line, "<>"))[0])
			if !httpdSections[name] {
				return synErr(n, fmt.Sprintf("Invalid command '%s', perhaps misspelled or defined by a module not included in the server configuration", strings.Fields(line)[0]))
			}
			stack = append(stack, name)
		default:
			word := strings.Fields(line)[0]
			if !httpdDirectives[strings.ToLower(word)] {
				return synErr(n, fmt.Sprintf("Invalid command '%s', perhaps misspelled or defined by a module not included in the server configuration", word))
			}
			if strings.EqualFold(word, "Listen") {
				f := strings.Fields(line)
				if len(f) < 2 {
					return synErr(n, "Listen requires at least one argument")
				}
				if _, ok := listenPort(f[1]); !ok {
					return synErr(n, "Port must be specified")
				}
			}
		}
	}
	if len(stack) > 0 {
		return daemonMessage(fmt.Sprintf("Syntax error on line %d of %s:\nUnexpected end of file", len(strings.Split(string(data), "\n")), httpdConf))
	}
	return nil
}

func listenPort(arg string) (int, bool) {
	if i := strings.LastIndex(arg, ":"); i >= 0 {
		arg = arg[i+1:]
	}
	n, err := strconv.Atoi(arg)
	return n, err == nil && n > 0 && n < 65536
}

// httpdListen reads the Listen directives.
func httpdListen(conf string) []daemonPort { return httpdFactsOfString(conf).ports }

func httpdListenText(conf string) []daemonPort {
	var out []daemonPort
	for _, line := range strings.Split(conf, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && strings.EqualFold(f[0], "Listen") {
			if n, ok := listenPort(f[1]); ok {
				out = append(out, tcp(n))
			}
		}
	}
	return out
}

// httpdServerNameWarning is what a CentOS 5 httpd says at start without a
// ServerName.
const httpdServerNameWarning = "httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1 for ServerName"

func hasServerName(conf []byte) bool { return httpdFactsOf(conf).serverName }

func hasServerNameText(conf []byte) bool {
	for _, line := range strings.Split(string(conf), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && strings.EqualFold(f[0], "ServerName") {
			return true
		}
	}
	return false
}

// httpdOptions handles -t, -v, -V and -k, and the ServerName warning.
func httpdOptions(p *Proc, s *daemonSpec) (int, bool) {
	test, k := false, ""
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "-t":
			test = true
		case "-v":
			fmt.Fprintln(p.Stdout, "Server version: Apache/2.2.3\nServer built:   Aug 30 2014 10:27:39")
			return 0, true
		case "-V":
			fmt.Fprintln(p.Stdout, "Server version: Apache/2.2.3\nServer built:   Aug 30 2014 10:27:39\nServer's Module Magic Number: 20051115:3\nServer loaded:  APR 1.2.7, APR-Util 1.2.7\nCompiled using: APR 1.2.7, APR-Util 1.2.7\nArchitecture:   32-bit\nServer MPM:     Prefork\n  threaded:     no\n    forked:     yes (variable process count)")
			return 0, true
		case "-k":
			if i+1 < len(args) {
				k = args[i+1]
				i++
			}
		}
	}
	conf, err := readVFS(p, s.config)
	if err != nil {
		fmt.Fprintf(p.Stderr, "httpd: could not open document config file %s\n", s.config)
		return 1, true
	}
	if err := checkHttpdConfig(p, conf); err != nil {
		fmt.Fprintln(p.Stderr, err)
		return 1, true
	}
	if !hasServerName(conf) {
		fmt.Fprintln(p.Stderr, httpdServerNameWarning)
	}
	if test {
		fmt.Fprintln(p.Stderr, "Syntax OK")
		return 0, true
	}
	switch k {
	case "", "start":
		return 0, false
	case "stop", "restart", "graceful", "graceful-stop":
		pid, _, ok := RunningDaemon(p.Sys, "httpd")
		if !ok {
			if k == "restart" || k == "graceful" {
				return 0, false
			}
			fmt.Fprintln(p.Stderr, "httpd (no pid file) not running")
			return 1, true
		}
		sig := proc.SIGTERM
		switch k {
		case "restart":
			sig = proc.SIGHUP
		case "graceful":
			sig = proc.SIGUSR1
		}
		p.Sys.Procs.Signal(pid, sig)
		return 0, true
	}
	fmt.Fprintf(p.Stderr, "Usage: httpd [-D name] [-d directory] [-f file] [-C \"directive\"] [-c \"directive\"] [-k start|restart|graceful|stop] [-v] [-V] [-h] [-l] [-L] [-t] [-S]\n")
	return 1, true
}

// apachectlMain is apachectl of httpd 2.2 on CentOS 5.
func apachectlMain(p *Proc) int {
	arg := ""
	if len(p.Args) > 1 {
		arg = p.Args[1]
	}
	switch arg {
	case "start", "stop", "restart", "graceful", "graceful-stop":
		return p.Run([]string{"/usr/sbin/httpd", "-k", arg}, nil, nil, nil)
	case "configtest", "-t":
		return p.Run([]string{"/usr/sbin/httpd", "-t"}, nil, nil, nil)
	case "status", "fullstatus":
		fmt.Fprintln(p.Stderr, "Forbidden\nYou don't have permission to access /server-status on this server.")
		return 1
	}
	fmt.Fprintf(p.Stderr, "Usage: /usr/sbin/httpd [-D name] [-d directory] [-f file]\n")
	return 1
}

// daemonMessage is a configuration error worded as the daemon prints it.
type daemonMessage string

func (m daemonMessage) Error() string { return string(m) }

// httpdFacts is what httpd reads from one text of httpd.conf: its first
// error, whether it names the server, and its Listen ports. httpd -t,
// every start and every restart read the same text again.
type httpdFacts struct {
	err        error
	serverName bool
	ports      []daemonPort
}

var httpdMemo struct {
	sync.Mutex
	m map[string]*httpdFacts
}

// httpdFactsOf returns the facts of conf, from the memo when the same text
// was read before. Callers must not change the ports.
func httpdFactsOf(conf []byte) *httpdFacts {
	httpdMemo.Lock()
	f, ok := httpdMemo.m[string(conf)]
	httpdMemo.Unlock()
	if ok {
		return f
	}
	return httpdLearn(string(conf))
}

// httpdFactsOfString is httpdFactsOf for a string.
func httpdFactsOfString(conf string) *httpdFacts {
	httpdMemo.Lock()
	f, ok := httpdMemo.m[conf]
	httpdMemo.Unlock()
	if ok {
		return f
	}
	return httpdLearn(conf)
}

func httpdLearn(conf string) *httpdFacts {
	f := &httpdFacts{err: checkHttpdText([]byte(conf)), serverName: hasServerNameText([]byte(conf)), ports: httpdListenText(conf)}
	httpdMemo.Lock()
	if httpdMemo.m == nil || len(httpdMemo.m) >= 16 {
		httpdMemo.m = map[string]*httpdFacts{}
	}
	httpdMemo.m[conf] = f
	httpdMemo.Unlock()
	return f
}
