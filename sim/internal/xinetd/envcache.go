package xinetd

import (
	"strings"
	"sync"
)

// envTexts are the files an Env is built from, as read.
type envTexts struct {
	passwd, group, services, protocols string
	hasProtocols                       bool
}

// envParse is what EnvFrom parses out of envTexts; nobody changes it.
type envParse struct {
	users, groups map[string]bool
	services      *Services
	protocols     map[string]bool // nil when there is no /etc/protocols
}

// envCache keeps the last parse: every start of xinetd (each boot, each
// restart) reads the same files.
var envCache struct {
	sync.Mutex
	texts envTexts
	parse *envParse
}

// parsedEnv returns the parse of t, from the cache when t is the last
// one parsed.
func parsedEnv(t envTexts) *envParse {
	envCache.Lock()
	defer envCache.Unlock()
	if envCache.parse != nil && envCache.texts == t {
		return envCache.parse
	}
	p := &envParse{
		users:    accountNames(t.passwd),
		groups:   accountNames(t.group),
		services: ParseServices([]byte(t.services)),
	}
	if t.hasProtocols {
		p.protocols = map[string]bool{}
		for l := range strings.SplitSeq(t.protocols, "\n") {
			if i := strings.IndexByte(l, '#'); i >= 0 {
				l = l[:i]
			}
			for j, w := range strings.Fields(l) {
				if j != 1 {
					p.protocols[w] = true
				}
			}
		}
	}
	envCache.texts, envCache.parse = t, p
	return p
}

// accountNames are the names of passwd or group lines.
func accountNames(text string) map[string]bool {
	out := map[string]bool{}
	for l := range strings.SplitSeq(text, "\n") {
		if n, _, ok := strings.Cut(l, ":"); ok && n != "" {
			out[n] = true
		}
	}
	return out
}
