package xinetd

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
)

// Services is the content of /etc/services: which port a service name
// (or one of its aliases) has for a protocol, and back.
type Services struct {
	byName map[string]int // "name/proto" → port
	byPort map[string]string
}

// ParseServices reads /etc/services lines "name port/proto [aliases]
// [# comment]". Malformed lines are skipped, as getservent skips them.
func ParseServices(data []byte) *Services {
	s := &Services{byName: map[string]int{}, byPort: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		num, proto, ok := strings.Cut(f[1], "/")
		if !ok || proto == "" {
			continue
		}
		port, err := strconv.Atoi(num)
		if err != nil || port < 0 || port > 65535 {
			continue
		}
		for _, name := range append([]string{f[0]}, f[2:]...) {
			key := name + "/" + proto
			if _, dup := s.byName[key]; !dup {
				s.byName[key] = port
			}
		}
		pk := strconv.Itoa(port) + "/" + proto
		if _, dup := s.byPort[pk]; !dup {
			s.byPort[pk] = f[0]
		}
	}
	return s
}

// Port is getservbyname(name, proto): the port of a service name or alias.
func (s *Services) Port(name, proto string) (int, bool) {
	if s == nil {
		return 0, false
	}
	p, ok := s.byName[name+"/"+proto]
	return p, ok
}

// Name is getservbyport(port, proto): the official name of the service on
// that port.
func (s *Services) Name(port int, proto string) (string, bool) {
	if s == nil {
		return "", false
	}
	n, ok := s.byPort[strconv.Itoa(port)+"/"+proto]
	return n, ok
}
