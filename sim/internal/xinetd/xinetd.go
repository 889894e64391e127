// Package xinetd reads xinetd's configuration the way xinetd 2.3.14 (the
// version of CentOS 5 and 6) reads it: /etc/xinetd.conf with its defaults
// section, include and includedir directives, and one service entry per
// block. It reports every problem with the message xinetd logs to syslog,
// including the " [file=…] [line=…]" suffix of its parser messages, and
// decides which services xinetd would start.
//
// It imports only the standard library; the machine's files reach it as an
// io/fs.FS whose names are absolute paths without the leading slash.
package xinetd

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// Error is one message xinetd logs while reading its configuration.
type Error struct {
	// File and Line locate the problem: the line the parser was on, or
	// for checks made after parsing, the line of the service keyword.
	File string
	Line int
	// Msg is the message without location.
	Msg string
	// Located says xinetd appends " [file=F] [line=N]" (its parser's
	// messages do; the checks made after parsing do not).
	Located bool
	// Warning marks messages xinetd logs at LOG_WARNING (the entry or
	// attribute is ignored, nothing else changes).
	Warning bool
}

// Error is the message as xinetd writes it to syslog (after "xinetd[PID]: ").
func (e *Error) Error() string {
	if e.Located {
		return fmt.Sprintf("%s [file=%s] [line=%d]", e.Msg, e.File, e.Line)
	}
	return e.Msg
}

// Service is one service entry.
type Service struct {
	Name string // after the service keyword
	ID   string // id attribute, or Name
	File string // file of the entry
	Line int    // line of the service keyword

	// Values holds the effective values of every attribute set in the
	// entry or taken from the defaults, by attribute name.
	Values map[string][]string
	// Specified lists the attributes set in the entry itself.
	Specified map[string]bool

	// DisabledInFile is set by "disable = yes" in the entry (xinetd stops
	// reading the entry there).
	DisabledInFile bool
	// Disabled says xinetd does not start the service: disabled in its
	// file, by an attribute it could not parse, or by the defaults'
	// enabled/disabled lists.
	Disabled bool
	// Rejected says the entry was dropped for an error (a syntax error, a
	// missing or inconsistent attribute); Reason is the first message.
	Rejected bool
	Reason   string

	// Derived attributes, filled for services that are not rejected.
	SocketType string // stream, dgram, raw, seqpacket
	Protocol   string // tcp, udp…
	Port       int
	Wait       bool
	User       string
	Group      string
	Server     string
	ServerArgs []string
	Types      []string // INTERNAL, UNLISTED, RPC, TCPMUX, TCPMUXPLUS, SPECIAL
	Flags      []string
	Instances  int // -1: UNLIMITED
	PerSource  int // -1: UNLIMITED
}

// Starts reports whether xinetd would activate the service.
func (s *Service) Starts() bool { return !s.Disabled && !s.Rejected }

// Internal reports type INTERNAL (a service xinetd implements itself).
func (s *Service) Internal() bool { return slices.Contains(s.Types, "INTERNAL") }

// Unlisted reports type UNLISTED (not in /etc/services).
func (s *Service) Unlisted() bool { return slices.Contains(s.Types, "UNLISTED") }

// HasFlag reports whether flags lists f.
func (s *Service) HasFlag(f string) bool { return slices.Contains(s.Flags, f) }

// Forks reports whether a connection runs a separate process: every
// external service and the stream versions of echo, discard and chargen
// (and tcpmux); time, daytime and the datagram internals are answered by
// xinetd itself.
func (s *Service) Forks() bool {
	if !s.Internal() {
		return true
	}
	b, ok := builtins[s.Name+"/"+s.SocketType]
	return ok && b
}

// Argv is the argument vector xinetd executes: the last component of
// server, then server_args (with NAMEINARGS, server_args as is).
func (s *Service) Argv() []string {
	if s.HasFlag("NAMEINARGS") {
		return slices.Clone(s.ServerArgs)
	}
	return append([]string{path.Base(s.Server)}, s.ServerArgs...)
}

// Config is the result of reading the configuration.
type Config struct {
	File string // the main file
	// Defaults holds the attributes of the defaults section.
	Defaults map[string][]string
	// Services lists every service entry read, in reading order, whether
	// it starts or not.
	Services []*Service
	// Errors are the messages in the order xinetd logs them.
	Errors []*Error
	// Failed says the main file could not be read (xinetd does not start,
	// a reconfiguration is abandoned).
	Failed bool
	// Fatal says an attribute of the defaults section could not be
	// parsed: xinetd exits.
	Fatal bool
}

// Active lists the services xinetd would start, in order.
func (c *Config) Active() []*Service {
	var out []*Service
	for _, s := range c.Services {
		if s.Starts() {
			out = append(out, s)
		}
	}
	return out
}

// Lookup finds the entry with that id (the last one read), or one named
// so when no id matches.
func (c *Config) Lookup(id string) *Service {
	var byName *Service
	for i := len(c.Services) - 1; i >= 0; i-- {
		s := c.Services[i]
		if s.ID == id {
			return s
		}
		if byName == nil && s.Name == id {
			byName = s
		}
	}
	return byName
}

// Env is what the parser asks the system: accounts, /etc/services,
// /etc/protocols and whether a server program is executable.
type Env struct {
	Executable func(path string) bool // nil: every path is
	User       func(name string) bool // nil: every name is a user
	Group      func(name string) bool // nil: every name is a group
	Services   *Services
	Protocols  map[string]bool // nil: DefaultProtocols
}

// DefaultProtocols are the protocols of a stock /etc/protocols that
// matter here, used when the file is missing.
var DefaultProtocols = map[string]bool{
	"ip": true, "icmp": true, "igmp": true, "tcp": true, "udp": true, "ipv6": true,
	"gre": true, "esp": true, "ah": true, "ipv6-icmp": true, "raw": true, "sctp": true,
}

// builtins are xinetd's internal services by name/socket_type, with
// whether they fork.
var builtins = map[string]bool{
	"echo/stream": true, "echo/dgram": false, "discard/stream": true, "discard/dgram": false,
	"daytime/stream": false, "daytime/dgram": false, "time/stream": false, "time/dgram": false,
	"chargen/stream": true, "chargen/dgram": false, "servers/stream": false,
	"services/stream": false, "xadmin/stream": false, "tcpmux/stream": true,
}

// attribute describes one attribute: how many values it takes (n > 0
// exactly n, -1 any number, -2 any number and += / -= allowed).
type attribute struct {
	nvalues int
	check   func(p *parser, s *Service, vals []string) (msg string, ok bool)
}

var (
	serviceAttrs map[string]attribute
	defaultAttrs map[string]attribute
)

func oneOf(what string, allowed ...string) func(*parser, *Service, []string) (string, bool) {
	return func(_ *parser, _ *Service, v []string) (string, bool) {
		if len(v) > 0 && slices.Contains(allowed, v[0]) {
			return "", true
		}
		return fmt.Sprintf(what, first(v)), false
	}
}

func valueList(attr, desc string, allowed ...string) func(*parser, *Service, []string) (string, bool) {
	return func(_ *parser, _ *Service, v []string) (string, bool) {
		if attr != "" && len(v) == 0 {
			return fmt.Sprintf("attribute %s expects at least 1 value and none were given.", attr), false
		}
		for _, x := range v {
			if !slices.Contains(allowed, x) {
				return fmt.Sprintf("Bad %s: %s", desc, x), false
			}
		}
		return "", true
	}
}

func number(msg string, unlimited bool) func(*parser, *Service, []string) (string, bool) {
	return func(_ *parser, _ *Service, v []string) (string, bool) {
		x := first(v)
		if unlimited && x == "UNLIMITED" {
			return "", true
		}
		if n, err := strconv.Atoi(x); err == nil && n >= 0 {
			return "", true
		}
		return fmt.Sprintf(msg, x), false
	}
}

func anything(*parser, *Service, []string) (string, bool) { return "", true }

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func init() {
	yesno := func(what string) func(*parser, *Service, []string) (string, bool) {
		return oneOf(what, "yes", "no")
	}
	logSuccess := valueList("", "log_on_success flag", "PID", "HOST", "USERID", "EXIT", "DURATION", "TRAFFIC")
	logFailure := valueList("", "log_on_failure flag", "HOST", "USERID", "ATTEMPT", "RECORD")
	cps := func(_ *parser, _ *Service, v []string) (string, bool) {
		if _, err := strconv.ParseUint(v[0], 10, 32); err != nil {
			return "cps argument not a number", false
		}
		if _, err := strconv.ParseUint(v[1], 10, 32); err != nil {
			return "cps time argument not a number", false
		}
		return "", true
	}
	logType := func(_ *parser, _ *Service, v []string) (string, bool) {
		switch first(v) {
		case "SYSLOG", "FILE":
			return "", true
		}
		return fmt.Sprintf("Bad log_type: %s", first(v)), false
	}
	rlimit := number("Error parsing: %s", true)
	serviceAttrs = map[string]attribute{
		"socket_type": {1, oneOf("Bad socket type: %s", "stream", "dgram", "raw", "seqpacket")},
		"protocol": {1, func(p *parser, _ *Service, v []string) (string, bool) {
			protos := p.env.Protocols
			if protos == nil {
				protos = DefaultProtocols
			}
			if protos[v[0]] {
				return "", true
			}
			return fmt.Sprintf("Protocol %s not in /etc/protocols", v[0]), false
		}},
		"wait": {1, yesno("Bad value for wait: %s")},
		"user": {1, func(p *parser, _ *Service, v []string) (string, bool) {
			if allDigits(v[0]) {
				if _, err := strconv.ParseUint(v[0], 10, 32); err != nil {
					return "Error parsing user as a number: " + v[0], false
				}
				return "", true
			}
			if p.env.User == nil || p.env.User(v[0]) {
				return "", true
			}
			return "Unknown user: " + v[0], false
		}},
		"group": {1, func(p *parser, _ *Service, v []string) (string, bool) {
			if allDigits(v[0]) {
				if _, err := strconv.ParseUint(v[0], 10, 32); err != nil {
					return "Error parsing group as a number: " + v[0], false
				}
				return "", true
			}
			if p.env.Group == nil || p.env.Group(v[0]) {
				return "", true
			}
			return "Unknown group: " + v[0], false
		}},
		"server": {1, func(p *parser, _ *Service, v []string) (string, bool) {
			if p.env.Executable == nil || p.env.Executable(v[0]) {
				return "", true
			}
			return fmt.Sprintf("Server %s is not executable", v[0]), false
		}},
		"server_args": {-1, func(_ *parser, _ *Service, v []string) (string, bool) {
			if len(v) == 0 {
				return "attribute server_args expects at least 1 value and none were given.", false
			}
			return "", true
		}},
		"instances":      {1, number("Number of instances is invalid: %s", true)},
		"log_on_success": {-2, logSuccess},
		"log_on_failure": {-2, logFailure},
		"log_type":       {-1, logType},
		"only_from":      {-2, anything},
		"no_access":      {-2, anything},
		"access_times":   {-1, anything},
		"type":           {-1, valueList("type", "service type", "RPC", "INTERNAL", "UNLISTED", "SPECIAL", "TCPMUX", "TCPMUXPLUS")},
		"rpc_version":    {1, anything},
		"rpc_number":     {1, number("Error parsing: %s", false)},
		"id":             {1, anything},
		"env":            {-2, anything},
		"port": {1, func(_ *parser, _ *Service, v []string) (string, bool) {
			if n, err := strconv.Atoi(v[0]); err == nil && n >= 0 && n < 65536 {
				return "", true
			}
			return "port number is invalid", false
		}},
		"passenv": {-2, anything},
		"flags": {-1, valueList("flags", "service flag", "REUSE", "INTERCEPT", "NORETRY", "IDONLY", "NAMEINARGS",
			"NODELAY", "KEEPALIVE", "NOLIBWRAP", "SENSOR", "IPv4", "IPv6", "LABELED")},
		"nice":           {1, number("Error parsing: %s", false)},
		"redirect":       {2, anything},
		"banner":         {1, anything},
		"bind":           {1, anything},
		"interface":      {1, anything},
		"per_source":     {1, number("Number of per source instances is invalid: %s", true)},
		"groups":         {1, yesno("Bad value for groups: %s")},
		"banner_success": {1, anything},
		"banner_fail":    {1, anything},
		"cps":            {2, cps},
		"disable":        {1, yesno("Bad value: %s")},
		"max_load":       {1, anything},
		"rlimit_as":      {1, rlimit},
		"rlimit_cpu":     {1, rlimit},
		"rlimit_data":    {1, rlimit},
		"rlimit_files":   {1, rlimit},
		"rlimit_rss":     {1, rlimit},
		"rlimit_stack":   {1, rlimit},
		"v6only":         {1, yesno("Bad value for v6only: %s")},
		"deny_time":      {1, anything},
		"umask":          {1, anything},
		"libwrap":        {1, anything},
	}
	defaultAttrs = map[string]attribute{}
	for _, n := range []string{"log_type", "log_on_success", "log_on_failure", "no_access", "only_from",
		"passenv", "instances", "banner", "bind", "interface", "per_source", "groups", "banner_success",
		"banner_fail", "cps", "max_load", "v6only", "umask"} {
		defaultAttrs[n] = serviceAttrs[n]
	}
	defaultAttrs["log_type"] = attribute{-2, logType}
	defaultAttrs["enabled"] = attribute{-2, anything}
	defaultAttrs["disabled"] = attribute{-2, anything}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxDepth bounds include nesting (a file including itself).
const maxDepth = 16

type parser struct {
	env   *Env
	fsys  fs.FS // nil: includes cannot be read
	cfg   *Config
	defs  *Service
	file  string
	line  int
	depth int
}

func (p *parser) parsemsg(warn bool, format string, args ...any) {
	p.cfg.Errors = append(p.cfg.Errors, &Error{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, args...), Located: true, Warning: warn})
}

// source is the line reader of one file (xinetd's Srdline + next_line).
type source struct {
	lines []string
	next  int
}

func newSource(data []byte) *source {
	s := string(data)
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return &source{}
	}
	return &source{lines: strings.Split(s, "\n")}
}

// nextLine returns the next line that is neither empty nor a comment.
func (p *parser) nextLine(src *source) (string, bool) {
	for src.next < len(src.lines) {
		l := src.lines[src.next]
		src.next++
		p.line++
		for i := 0; i < len(l); i++ {
			c := l[i]
			if c == 0 || c == '#' {
				break
			}
			if isSpace(c) {
				continue
			}
			return l, true
		}
	}
	return "", false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// onlyChar reports whether line holds ch once and otherwise only spaces.
func onlyChar(line string, ch byte) bool {
	seen := false
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == ch && !seen:
			seen = true
		case !isSpace(line[i]):
			return false
		}
	}
	return seen
}

// words splits on blanks and tabs, as xinetd's str_parse(" \t") does.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
}

func (p *parser) skipEntry(src *source) {
	for {
		l, ok := p.nextLine(src)
		if !ok {
			p.parsemsg(true, "missing } in last service entry")
			return
		}
		if onlyChar(l, '}') {
			return
		}
	}
}

// parseFile reads one file: entries, includes and the defaults section.
func (p *parser) parseFile(name string, data []byte) {
	savedFile, savedLine := p.file, p.line
	p.file, p.line = name, 0
	defer func() { p.file, p.line = savedFile, savedLine }()
	src := newSource(data)
	foundDefaults := false
	for !p.cfg.Fatal {
		l, ok := p.nextLine(src)
		if !ok {
			return
		}
		w := words(l)
		if len(w) == 0 { // only \r\v\f: xinetd's "empty line"
			p.parsemsg(true, "empty line")
			p.skipEntry(src)
			continue
		}
		switch w[0] {
		case "include", "includedir":
			if len(w) < 2 {
				p.parsemsg(false, "service name missing")
				p.skipEntry(src)
				continue
			}
			if w[0] == "include" {
				p.include(w[1])
			} else {
				p.includeDir(w[1])
			}
		case "service", "defaults":
			name := "(null)"
			if w[0] == "service" {
				if len(w) < 2 {
					p.parsemsg(false, "service name missing")
					p.skipEntry(src)
					continue
				}
				name = w[1]
			}
			declLine := p.line
			b, ok := p.nextLine(src)
			if !ok || !onlyChar(b, '{') {
				p.parsemsg(false, "Service %s: missing '{'", name)
				p.skipEntry(src)
				continue
			}
			if w[0] == "service" {
				p.serviceEntry(src, w[1], declLine)
				continue
			}
			if foundDefaults {
				p.parsemsg(false, "only 1 defaults entry is allowed. This entry will be ignored")
				p.skipEntry(src)
				continue
			}
			if p.entry(src, p.defs, true) {
				foundDefaults = true
			}
		default:
			p.parsemsg(false, "missing service keyword")
			p.skipEntry(src)
		}
	}
}

func (p *parser) include(name string) {
	if p.fsys == nil || p.depth >= maxDepth {
		p.parsemsg(false, "Unable to open included configuration file: %s", name)
		return
	}
	data, err := fs.ReadFile(p.fsys, rel(name))
	if err != nil {
		p.parsemsg(false, "Unable to open included configuration file: %s", name)
		return
	}
	p.depth++
	p.parseFile(name, data)
	p.depth--
}

func (p *parser) includeDir(dir string) {
	if p.fsys == nil || p.depth >= maxDepth {
		p.parsemsg(false, "Unable to read included directory: %s", dir)
		return
	}
	ents, err := fs.ReadDir(p.fsys, rel(dir))
	if err != nil {
		p.parsemsg(false, "Unable to read included directory: %s", dir)
		return
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	slices.Sort(names) // strcmp order
	for _, n := range names {
		if n == "" || strings.Contains(n, ".") || strings.HasSuffix(n, "~") {
			continue
		}
		file := strings.TrimSuffix(dir, "/") + "/" + n
		st, err := fs.Stat(p.fsys, rel(file))
		if err != nil {
			p.parsemsg(false, "Unable to stat includedir file %s", file)
			continue
		}
		if !st.Mode().IsRegular() {
			p.cfg.Errors = append(p.cfg.Errors, &Error{File: p.file, Line: p.line,
				Msg: file + " is not a regular file. It is being skipped."})
			continue
		}
		data, err := fs.ReadFile(p.fsys, rel(file))
		if err != nil {
			p.parsemsg(false, "Unable to open included configuration file: %s", file)
			continue
		}
		p.depth++
		p.parseFile(file, data)
		p.depth--
	}
}

// modifiable attributes that a service inherits from the defaults before
// its own lines are read (so that += and -= work on them).
var inherited = []string{"log_on_success", "log_on_failure", "only_from", "no_access", "passenv",
	"access_times", "banner", "banner_success", "banner_fail"}

func (p *parser) serviceEntry(src *source, name string, declLine int) {
	s := &Service{Name: name, File: p.file, Line: declLine, Values: map[string][]string{}, Specified: map[string]bool{}}
	for _, a := range inherited {
		if p.defs.Specified[a] {
			s.Values[a] = slices.Clone(p.defs.Values[a])
		}
	}
	p.cfg.Services = append(p.cfg.Services, s)
	if !p.entry(src, s, false) {
		if !s.DisabledInFile {
			s.Rejected = true
			if s.Reason == "" && len(p.cfg.Errors) > 0 {
				s.Reason = p.cfg.Errors[len(p.cfg.Errors)-1].Error()
			}
		}
		s.Disabled = s.Disabled || s.DisabledInFile
		p.skipEntry(src)
	}
	s.ID = s.Name
	if s.Specified["id"] {
		s.ID = first(s.Values["id"])
	}
}

// entry reads the attribute lines of an entry up to its "}"; false means
// the entry failed (a syntax error, the end of the file, disable = yes).
func (p *parser) entry(src *source, s *Service, defaults bool) bool {
	for {
		l, ok := p.nextLine(src)
		if !ok {
			p.parsemsg(false, "incomplete entry")
			return false
		}
		if onlyChar(l, '}') {
			return true
		}
		name, op, vals, ok := p.parseLine(l)
		if !ok {
			return false
		}
		if !p.attribute(s, defaults, name, op, vals) {
			p.cfg.Fatal = true
			p.cfg.Errors = append(p.cfg.Errors, &Error{File: p.file, Line: p.line,
				Msg: "A fatal error was encountered while parsing the default section. xinetd will exit."})
			return false
		}
		if name == "disable" && s.DisabledInFile {
			return false
		}
	}
}

// parseLine splits "name OP value…" (xinetd's get_attr_op + parse_line).
func (p *parser) parseLine(line string) (name, op string, vals []string, ok bool) {
	i := 0
	for i < len(line) && isSpace(line[i]) {
		i++
	}
	if i == len(line) {
		p.parsemsg(false, "Empty line")
		return "", "", nil, false
	}
	start := i
	for i < len(line) && !isSpace(line[i]) && line[i] != '=' && line[i] != 0 {
		i++
	}
	name = line[start:i]
	if i == len(line) || line[i] == 0 {
		p.parsemsg(false, "Nothing after attribute: %s", name)
		return "", "", nil, false
	}
	if line[i] == '=' {
		p.parsemsg(false, "Attribute %s needs a space before operator", name)
		return "", "", nil, false
	}
	i++
	for i < len(line) && isSpace(line[i]) {
		i++
	}
	switch {
	case i == len(line) || line[i] == 0:
		p.parsemsg(false, "Nothing after attribute: %s", name)
		return "", "", nil, false
	case line[i] == '=':
		op = "="
		i++
	case (line[i] == '+' || line[i] == '-') && i+1 < len(line) && line[i+1] == '=':
		op = line[i : i+2]
		i += 2
	default:
		p.parsemsg(false, "Bad operator for attribute: %s", name)
		return "", "", nil, false
	}
	rest := line[i:]
	if j := strings.IndexByte(rest, 0); j >= 0 {
		rest = rest[:j]
	}
	return name, op, words(rest), true
}

// attribute applies one attribute line; false only for a defaults
// attribute that cannot be parsed (fatal for xinetd).
func (p *parser) attribute(s *Service, defaults bool, name, op string, vals []string) bool {
	table := serviceAttrs
	if defaults {
		table = defaultAttrs
	}
	a, known := table[name]
	if !known {
		if defaults {
			p.parsemsg(true, "attribute: %s should not be in default section", name)
		} else {
			p.parsemsg(true, "bad service attribute: %s", name)
		}
		return true
	}
	sname := s.Name
	if defaults {
		sname = "(null)"
	}
	if a.nvalues != -2 {
		if s.Specified[name] {
			p.parsemsg(true, "Service %s: attribute already set: %s", sname, name)
			return true
		}
		if op != "=" {
			p.parsemsg(true, "Service %s: operator '%s' cannot be used for attribute '%s'", sname, op, name)
			return true
		}
	} else if defaults && op == "=" {
		op = "+="
	}
	if a.nvalues > 0 && a.nvalues != len(vals) {
		p.parsemsg(true, "attribute %s expects %d values and %d values were specified", name, a.nvalues, len(vals))
		return true
	}
	if msg, ok := a.check(p, s, vals); !ok {
		p.parsemsg(!slices.Contains(errorMsgs, name), "%s", msg)
		if defaults {
			return false
		}
		p.parsemsg(false, "Error parsing attribute %s - DISABLING SERVICE", name)
		s.Disabled = true
		if s.Reason == "" {
			s.Reason = p.cfg.Errors[len(p.cfg.Errors)-1].Error()
		}
		return true
	}
	switch op {
	case "=":
		s.Values[name] = slices.Clone(vals)
	case "+=":
		for _, v := range vals {
			if !slices.Contains(s.Values[name], v) {
				s.Values[name] = append(s.Values[name], v)
			}
		}
	case "-=":
		s.Values[name] = slices.DeleteFunc(slices.Clone(s.Values[name]), func(v string) bool { return slices.Contains(vals, v) })
	}
	s.Specified[name] = true
	if name == "disable" && !defaults {
		if vals[0] == "yes" {
			s.DisabledInFile, s.Disabled = true, true
		} else {
			s.DisabledInFile, s.Disabled = false, false
		}
	}
	return true
}

// errorMsgs are the attributes whose parse failures xinetd logs at
// LOG_ERR (the value-list ones are warnings).
var errorMsgs = []string{"socket_type", "protocol", "wait", "user", "group", "server", "instances",
	"per_source", "cps", "disable", "groups", "v6only", "port", "rpc_number"}

// Parse reads one configuration file without following its include
// directives (they are reported as unreadable).
func Parse(file string, data []byte, env *Env) *Config {
	return parse(nil, file, data, env)
}

func parse(fsys fs.FS, file string, data []byte, env *Env) *Config {
	if env == nil {
		env = &Env{}
	}
	cfg := &Config{File: file}
	defs := &Service{Values: map[string][]string{}, Specified: map[string]bool{}}
	p := &parser{env: env, fsys: fsys, cfg: cfg, defs: defs}
	p.parseFile(file, data)
	cfg.Defaults = defs.Values
	if !cfg.Fatal {
		finish(cfg, defs, env)
	}
	return cfg
}

// Load reads conf and everything it includes from fsys, whose names are
// absolute paths without their leading slash ("etc/xinetd.conf"). The
// accounts, services and protocols come from the same fsys.
//
// A Load that reads the same content as the last one returns the same
// Config: callers must not change it.
func Load(fsys fs.FS, conf string) *Config {
	if cfg := cachedLoad(fsys, conf); cfg != nil {
		return cfg
	}
	rec := &recorder{fsys: fsys, reads: make([]read, 0, 64)}
	cfg := load(rec, conf)
	keepLoad(&loadTrace{conf: conf, reads: rec.reads, cfg: cfg})
	return cfg
}

func load(fsys fs.FS, conf string) *Config {
	data, err := fs.ReadFile(fsys, rel(conf))
	if err != nil {
		return &Config{File: conf, Failed: true, Defaults: map[string][]string{},
			Errors: []*Error{{File: conf, Msg: fmt.Sprintf("open( %s ) failed: %s", conf, strerror(err))}}}
	}
	return parse(fsys, conf, data, EnvFrom(fsys))
}

// EnvFrom builds the parser's view of the system from the machine's
// files: /etc/passwd, /etc/group, /etc/services, /etc/protocols, and the
// permission bits of server programs.
func EnvFrom(fsys fs.FS) *Env {
	env := &Env{}
	read := func(file string) (string, bool) {
		data, err := fs.ReadFile(fsys, file)
		return string(data), err == nil
	}
	t := envTexts{}
	t.passwd, _ = read("etc/passwd")
	t.group, _ = read("etc/group")
	t.services, _ = read("etc/services")
	t.protocols, t.hasProtocols = read("etc/protocols")
	p := parsedEnv(t)
	env.User = func(n string) bool { return p.users[n] }
	env.Group = func(n string) bool { return p.groups[n] }
	env.Services = p.services
	env.Protocols = p.protocols
	env.Executable = func(p string) bool {
		if !path.IsAbs(p) {
			return false
		}
		st, err := fs.Stat(fsys, rel(p))
		return err == nil && !st.IsDir() && st.Mode().Perm()&0o111 != 0
	}
	return env
}

// rel turns an absolute path into an io/fs name.
func rel(p string) string {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" {
		return "."
	}
	return p
}

func strerror(err error) string {
	var errno syscall.Errno
	switch {
	case errors.As(err, &errno):
		return errno.Error()
	case errors.Is(err, fs.ErrNotExist):
		return "No such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "Permission denied"
	}
	return err.Error()
}

// finish does what xinetd does after reading the files: applies the
// defaults' enabled/disabled lists, fills implied attributes and checks
// every remaining service (xinetd's remove_disabled_services,
// service_fill and check_entry).
func finish(cfg *Config, defs *Service, env *Env) {
	if defs.Specified["enabled"] {
		for _, s := range cfg.Services {
			if s.Rejected || s.DisabledInFile {
				continue
			}
			s.Disabled = !slices.Contains(defs.Values["enabled"], s.ID)
		}
	}
	if defs.Specified["disabled"] {
		for _, s := range cfg.Services {
			if slices.Contains(defs.Values["disabled"], s.ID) {
				s.Disabled = true
			}
		}
	}
	for _, s := range cfg.Services {
		if !s.Starts() {
			continue
		}
		if msg := fill(s, defs, env); msg != "" {
			reject(cfg, s, msg)
			continue
		}
		if msgs := check(s, env); len(msgs) > 0 {
			for _, m := range msgs[:len(msgs)-1] {
				cfg.Errors = append(cfg.Errors, &Error{File: s.File, Line: s.Line, Msg: m})
			}
			reject(cfg, s, msgs[len(msgs)-1])
		}
	}
}

func reject(cfg *Config, s *Service, msg string) {
	e := &Error{File: s.File, Line: s.Line, Msg: msg}
	cfg.Errors = append(cfg.Errors, e)
	s.Rejected = true
	if s.Reason == "" {
		s.Reason = msg
	}
}

// fill is xinetd's service_fill: implied attributes and defaults.
func fill(s *Service, defs *Service, env *Env) string {
	v := s.Values
	s.Types = v["type"]
	s.Flags = v["flags"]
	s.SocketType = first(v["socket_type"])
	s.Protocol = first(v["protocol"])
	s.Wait = first(v["wait"]) == "yes"
	s.User = first(v["user"])
	s.Group = first(v["group"])
	s.Server = first(v["server"])
	s.ServerArgs = v["server_args"]
	if !s.Internal() && !s.Specified["redirect"] {
		if !s.Specified["server"] {
			return "Must specify a server in " + s.Name
		}
		if s.HasFlag("NAMEINARGS") && !s.Specified["server_args"] {
			return "Must specify server args if using NAMEINARGS flag"
		}
	}
	for _, a := range []string{"instances", "per_source", "groups", "cps", "umask", "max_load", "v6only", "bind", "log_type",
		"log_on_success", "log_on_failure"} {
		if !s.Specified[a] && defs.Specified[a] {
			v[a] = slices.Clone(defs.Values[a])
		}
	}
	s.Instances, s.PerSource = limit(v["instances"]), limit(v["per_source"])
	if !s.Specified["protocol"] && s.Specified["socket_type"] {
		switch s.SocketType {
		case "stream":
			s.Protocol = "tcp"
		case "dgram":
			s.Protocol = "udp"
		}
	}
	if s.Specified["protocol"] && !s.Specified["socket_type"] {
		switch s.Protocol {
		case "tcp":
			s.SocketType = "stream"
		case "udp":
			s.SocketType = "dgram"
		}
	}
	rpc := slices.Contains(s.Types, "RPC")
	muxClient := slices.Contains(s.Types, "TCPMUX") || slices.Contains(s.Types, "TCPMUXPLUS")
	if s.Specified["port"] {
		s.Port, _ = strconv.Atoi(first(v["port"]))
	} else if !muxClient && !rpc {
		if s.Unlisted() {
			return fmt.Sprintf("Unlisted service: %s must have a port entry", s.Name)
		}
		if s.Protocol == "" {
			return fmt.Sprintf("Port not specified for service: %s and no protocol given", s.Name)
		}
		port, ok := env.Services.Port(s.Name, s.Protocol)
		if !ok {
			return fmt.Sprintf("Port not specified and can't find service: %s with getservbyname", s.Name)
		}
		s.Port = port
	}
	return ""
}

func limit(v []string) int {
	if len(v) == 0 || v[0] == "UNLIMITED" {
		return -1
	}
	n, err := strconv.Atoi(v[0])
	if err != nil {
		return -1
	}
	return n
}

// check is xinetd's check_entry; the last message is the one that
// rejects the service, earlier ones are logged before it.
func check(s *Service, env *Env) []string {
	if s.Internal() {
		if _, ok := builtins[s.Name+"/"+s.SocketType]; !ok {
			st := s.SocketType
			if st == "" {
				st = "Unknown socket type"
			}
			return []string{fmt.Sprintf("No such internal service: %s/%s - DISABLING", s.Name, st)}
		}
	}
	muxClient := slices.Contains(s.Types, "TCPMUX") || slices.Contains(s.Types, "TCPMUXPLUS")
	if muxClient {
		if !s.Unlisted() {
			return []string{fmt.Sprintf("Service: %s (tcpmux) should have UNLISTED in type.", s.Name)}
		}
		if s.Protocol != "tcp" {
			return []string{fmt.Sprintf("Service: %s (tcpmux) should have tcp in protocol.", s.Name)}
		}
	}
	if !slices.Contains(s.Types, "RPC") && !s.Unlisted() {
		if s.Protocol == "" {
			return []string{fmt.Sprintf("A protocol or a socket_type must be specified for service: %s.", s.Name)}
		}
		port, ok := env.Services.Port(s.Name, s.Protocol)
		if !ok {
			return []string{fmt.Sprintf("service/protocol combination not in /etc/services: %s/%s", s.Name, s.Protocol)}
		}
		if s.Specified["port"] && s.Port != port {
			return []string{fmt.Sprintf("Service %s expects port %d, not %d", s.Name, port, s.Port)}
		}
	}
	if s.Specified["redirect"] {
		if s.SocketType != "stream" {
			return []string{fmt.Sprintf("Only tcp sockets are supported for redirected service %s", s.Name)}
		}
		if s.Wait {
			return []string{fmt.Sprintf("Redirected service %s must not wait", s.Name)}
		}
	}
	if s.HasFlag("NAMEINARGS") && s.Internal() {
		return []string{fmt.Sprintf("Service %s is INTERNAL and has NAMEINARGS flag set", s.Name)}
	}
	// service_attr_check: socket_type and wait always; user and server
	// for external services; protocol and port for unlisted ones.
	need := []string{"socket_type", "wait"}
	if !s.Internal() {
		need = append(need, "user", "server")
		if s.Unlisted() && !muxClient {
			need = append(need, "protocol", "port")
		}
	}
	if s.Specified["redirect"] {
		need = slices.DeleteFunc(need, func(a string) bool { return a == "server" })
	}
	var missing []string
	for _, a := range []string{"socket_type", "protocol", "wait", "user", "server", "port"} {
		if !slices.Contains(need, a) {
			continue
		}
		have := s.Specified[a]
		switch a {
		case "socket_type":
			have = have || s.SocketType != ""
		case "protocol":
			have = have || s.Protocol != ""
		}
		if !have {
			missing = append(missing, fmt.Sprintf("Service %s missing attribute %s - DISABLING", s.ID, a))
		}
	}
	return missing
}
