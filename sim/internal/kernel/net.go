package kernel

import (
	"fmt"
	"sort"
	"syscall"
)

// Listener is a socket accepting connections on the machine.
type Listener struct {
	Proto string // "tcp" or "udp"
	Port  int
	PID   int
	Prog  string // the owning program's name, as netstat -p shows it
}

func listenKey(proto string, port int) string { return fmt.Sprintf("%s/%d", proto, port) }

// Listen binds proto/port for pid. It fails with EADDRINUSE when another
// process holds the port, as bind(2) does.
func (k *Kernel) Listen(proto string, port, pid int, prog string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.listeners == nil {
		k.listeners = map[string]Listener{}
	}
	key := listenKey(proto, port)
	if l, ok := k.listeners[key]; ok && l.PID != pid {
		return syscall.EADDRINUSE
	}
	k.listeners[key] = Listener{Proto: proto, Port: port, PID: pid, Prog: prog}
	return nil
}

// Unlisten closes proto/port.
func (k *Kernel) Unlisten(proto string, port int) {
	k.mu.Lock()
	delete(k.listeners, listenKey(proto, port))
	k.mu.Unlock()
}

// CloseSockets closes every socket of pid (the process exited).
func (k *Kernel) CloseSockets(pid int) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for key, l := range k.listeners {
		if l.PID == pid {
			delete(k.listeners, key)
		}
	}
}

// Listening reports who listens on proto/port.
func (k *Kernel) Listening(proto string, port int) (Listener, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	l, ok := k.listeners[listenKey(proto, port)]
	return l, ok
}

// Listeners lists every listening socket, by protocol then port.
func (k *Kernel) Listeners() []Listener {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]Listener, 0, len(k.listeners))
	for _, l := range k.listeners {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Proto != out[j].Proto {
			return out[i].Proto < out[j].Proto
		}
		return out[i].Port < out[j].Port
	})
	return out
}

// SetInterface brings a network interface up or down (ifup/ifdown).
func (k *Kernel) SetInterface(name string, up bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ifaces == nil {
		k.ifaces = map[string]bool{}
	}
	k.ifaces[name] = up
}

// InterfaceUp reports whether an interface is up.
func (k *Kernel) InterfaceUp(name string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.ifaces[name]
}
