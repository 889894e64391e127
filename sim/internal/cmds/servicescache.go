package cmds

import "sync"

// servicesCache keeps the last parse of /etc/services, keyed by its
// content: netstat, lsof and iptables name every port they print, and
// the file rarely changes. The maps it hands out are never changed.
var servicesCache struct {
	sync.Mutex
	text  string
	ports map[string]map[int]string
}

// noServices is what a machine without /etc/services gets.
var noServices = map[string]map[int]string{"tcp": {}, "udp": {}}

// sharedServices returns the port names of the machine's /etc/services,
// by protocol ("tcp", "udp") then port, shared: callers must not change
// them.
func sharedServices(p *Proc) map[string]map[int]string {
	f, err := p.Sys.FS.Open(p.Abs("/etc/services"))
	if err != nil {
		return noServices
	}
	defer f.Close()
	bp := getIOBuf()
	defer putIOBuf(bp)
	data, err := readAllInto(*bp, f)
	if err != nil {
		return noServices
	}
	c := &servicesCache
	c.Lock()
	defer c.Unlock()
	if c.ports == nil || c.text != string(data) {
		c.text = string(data)
		c.ports = parseServices(c.text)
	}
	return c.ports
}
