package cmds

// Network programs of CentOS 5.11: ifup and ifdown (initscripts 8.45),
// ip (iproute 2.6.18), ifconfig, route and netstat (net-tools 1.60) and
// ping (iputils 20020927).
//
// The machine has two network interfaces, lo and eth0 (an Intel e1000 on a
// VirtualBox host-only network, 192.168.56.0/24, with the host at .1).
// Their addresses come from /etc/sysconfig/network-scripts/ifcfg-*; the
// kernel keeps only whether each is up. There is no IPv6, no DHCP server
// and no way out of the host-only network.
//
// Helpers of this family are prefixed with "nt".

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rclab/sim/internal/kernel"
)

func init() {
	for _, c := range []Command{
		{Name: "ifup", Dirs: []string{"/sbin"}, Summary: "bring a network interface up",
			Usage: "ifup <device name>", Main: ntIfup},
		{Name: "ifdown", Dirs: []string{"/sbin"}, Summary: "take a network interface down",
			Usage: "ifdown <device name>", Main: ntIfup},
		{Name: "ip", Dirs: []string{"/sbin"}, Summary: "show / manipulate routing, devices, policy routing and tunnels",
			Usage: "ip [ OPTIONS ] OBJECT { COMMAND | help }", Main: ntIP},
		{Name: "ifconfig", Dirs: []string{"/sbin"}, Summary: "configure a network interface",
			Usage: "ifconfig [-a] [interface]\nifconfig interface [address] [up|down]", Main: ntIfconfig},
		{Name: "route", Dirs: []string{"/sbin"}, Summary: "show / manipulate the IP routing table",
			Usage: "route [-nee]\nroute add|del [-net|-host] target [gw Gw] [netmask Nm] [dev If]", Main: ntRoute},
		{Name: "netstat", Dirs: []string{"/bin"}, Summary: "print network connections, routing tables, interface statistics",
			Usage: "netstat [-vnNcaeol] [<Socket> ...]\nnetstat -r [-n]\nnetstat -i [-a]", Main: ntNetstat},
		{Name: "ping", Dirs: []string{"/bin"}, Summary: "send ICMP ECHO_REQUEST to network hosts",
			Usage: "ping [-LRUbdfnqrvVaA] [-c count] [-i interval] [-w deadline] [-s packetsize] destination", Main: ntPing},
	} {
		Register(c)
	}
}

// ---- helpers of the family ----

const ntScripts = "/etc/sysconfig/network-scripts/"

// ntIPv4 parses a dotted quad.
func ntIPv4(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return 0, false
	}
	var v uint32
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 255 || p == "" {
			return 0, false
		}
		v = v<<8 | uint32(n)
	}
	return v, true
}

// ntDotted renders an address.
func ntDotted(v uint32) string {
	return fmt.Sprintf("%d.%d.%d.%d", v>>24, v>>16&0xff, v>>8&0xff, v&0xff)
}

// ntPrefix counts the leading ones of a netmask.
func ntPrefix(mask uint32) int {
	n := 0
	for mask&0x80000000 != 0 {
		n++
		mask <<= 1
	}
	return n
}

// ntIface is a network interface of the machine.
type ntIface struct {
	name    string
	index   int
	up      bool
	addr    uint32
	mask    uint32
	bcast   uint32
	hw      string // 08:00:27:3A:5C:10
	hasAddr bool
	mtu     int
	rx, tx  [2]int64 // packets, bytes
}

// ntIfaces are the interfaces, in index order, as the configuration files
// and the kernel describe them.
func ntIfaces(p *Proc) []ntIface {
	lo := ntIface{name: "lo", index: 1, mtu: 16436, addr: 0x7f000001, mask: 0xff000000, bcast: 0x7fffffff, hasAddr: true,
		rx: [2]int64{8, 560}, tx: [2]int64{8, 560}}
	eth := ntIface{name: "eth0", index: 2, mtu: 1500, hw: "08:00:27:3A:5C:10",
		rx: [2]int64{1184, 118403}, tx: [2]int64{842, 101215}}
	for _, ifc := range []*ntIface{&lo, &eth} {
		ifc.up = p.Sys.InterfaceUp(ifc.name)
		vars, ok := syShellVars(p, ntScripts+"ifcfg-"+ifc.name)
		if !ok {
			continue
		}
		if a, ok := ntIPv4(vars["IPADDR"]); ok {
			ifc.addr, ifc.hasAddr = a, true
			ifc.mask = 0xffffff00
			if a>>24 == 127 {
				ifc.mask = 0xff000000
			}
			if m, ok := ntIPv4(vars["NETMASK"]); ok {
				ifc.mask = m
			} else if n, err := strconv.Atoi(vars["PREFIX"]); err == nil && n >= 0 && n <= 32 {
				ifc.mask = ^uint32(0) << (32 - n)
			}
			ifc.bcast = ifc.addr | ^ifc.mask
			if b, ok := ntIPv4(vars["BROADCAST"]); ok {
				ifc.bcast = b
			}
		}
		if hw := vars["HWADDR"]; hw != "" && ifc.name != "lo" {
			ifc.hw = strings.ToUpper(hw)
		}
		if m, err := strconv.Atoi(vars["MTU"]); err == nil && m > 0 {
			ifc.mtu = m
		}
	}
	if eth.hasAddr && eth.bcast == 0 {
		eth.bcast = eth.addr | ^eth.mask
	}
	return []ntIface{lo, eth}
}

// ntHostEnt is a line of /etc/hosts.
type ntHostEnt struct {
	canon string
	addr  string
}

// ntLookupHost resolves a name through /etc/hosts (the files backend of
// CentOS 5's nsswitch.conf; there is no DNS server to ask).
func ntLookupHost(p *Proc, name string) (ntHostEnt, bool) {
	data, err := syRead(p, "/etc/hosts")
	if err != nil {
		return ntHostEnt{}, false
	}
	for _, line := range syLines(data) {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) < 2 || strings.Contains(f[0], ":") {
			continue
		}
		for _, n := range f[1:] {
			if strings.EqualFold(n, name) {
				return ntHostEnt{canon: f[1], addr: f[0]}, true
			}
		}
	}
	return ntHostEnt{}, false
}

// ntHostName is the reverse lookup of an address: the first name of its
// /etc/hosts line.
// ntHostCache remembers ntHostName's answers for one run of a program.
type ntHostCache struct {
	addr, host string
	ok, set    bool
}

// name is ntHostName(p, addr), asked once per address in a row.
func (c *ntHostCache) name(p *Proc, addr string) (string, bool) {
	if !c.set || c.addr != addr {
		c.host, c.ok = ntHostName(p, addr)
		c.addr, c.set = addr, true
	}
	return c.host, c.ok
}

func ntHostName(p *Proc, addr string) (string, bool) {
	data, err := syRead(p, "/etc/hosts")
	if err != nil {
		return "", false
	}
	for _, line := range syLines(data) {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == addr {
			return f[1], true
		}
	}
	return "", false
}

// ntRoute is a route of the main table.
type ntRouteEnt struct {
	dst, mask, gw uint32
	dev           string
	kernel        bool // proto kernel, scope link, src
	src           uint32
}

// ntRoutes is the main routing table: the subnet of eth0, the zeroconf
// network and the default route, while eth0 is up.
func ntRoutes(p *Proc) []ntRouteEnt {
	var eth ntIface
	for _, i := range ntIfaces(p) {
		if i.name == "eth0" {
			eth = i
		}
	}
	if !eth.up || !eth.hasAddr {
		return nil
	}
	routes := []ntRouteEnt{{dst: eth.addr & eth.mask, mask: eth.mask, dev: "eth0", kernel: true, src: eth.addr}}
	netw, _ := syShellVars(p, "/etc/sysconfig/network")
	cfg, _ := syShellVars(p, ntScripts+"ifcfg-eth0")
	if netw["NOZEROCONF"] == "" && cfg["NOZEROCONF"] == "" {
		routes = append(routes, ntRouteEnt{dst: 0xa9fe0000, mask: 0xffff0000, dev: "eth0"})
	}
	gw := cfg["GATEWAY"]
	if gw == "" {
		gw = netw["GATEWAY"]
	}
	if g, ok := ntIPv4(gw); ok && g&eth.mask == eth.addr&eth.mask {
		routes = append(routes, ntRouteEnt{gw: g, dev: "eth0"})
	}
	return routes
}

// ---- ifup, ifdown (initscripts 8.45) ----

func ntIfup(p *Proc) int {
	up := p.Name() == "ifup"
	prog := p.Args[0]
	if !strings.Contains(prog, "/") {
		prog = "/sbin/" + prog
	}
	usage := "usage: ifdown <device name>\n"
	if up {
		usage = "Usage: ifup <device name>\n"
	}
	if len(p.Args) < 2 || p.Args[1] == "" {
		io.WriteString(p.Stderr, usage)
		return 1
	}
	arg := p.Args[1]
	cfg := arg
	if !strings.Contains(cfg, "/") {
		cfg = ntScripts + "ifcfg-" + strings.TrimPrefix(cfg, "ifcfg-")
	}
	vars, ok := syShellVars(p, cfg)
	if !ok {
		if up {
			fmt.Fprintf(p.Stderr, "%s: configuration for %s not found.\n", prog, arg)
		}
		io.WriteString(p.Stderr, usage)
		return 1
	}
	dev := vars["DEVICE"]
	if dev == "" {
		dev = strings.TrimPrefix(strings.TrimPrefix(cfg, ntScripts), "ifcfg-")
	}
	boot := len(p.Args) > 2 && p.Args[2] == "boot"
	if up && boot && (vars["ONBOOT"] == "no" || vars["ONBOOT"] == "NO") {
		return 0
	}
	if dev != "lo" && dev != "eth0" {
		if up {
			fmt.Fprintf(p.Stdout, "Device %s does not seem to be present, delaying initialization.\n", dev)
			return 1
		}
		return 0
	}
	if up && dev != "lo" {
		switch strings.ToLower(vars["BOOTPROTO"]) {
		case "dhcp", "bootp":
			// Nobody answers DHCP on the host-only network.
			fmt.Fprintf(p.Stdout, "\nDetermining IP information for %s... failed.\n", dev)
			return 1
		}
	}
	p.Sys.SetInterface(dev, up)
	return 0
}

// ---- ip (iproute 2.6.18) ----

const ntIPUsage = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] [-batch filename
where  OBJECT := { link | addr | route | rule | neigh | ntable | tunnel |
                   maddr | mroute | monitor | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -r[esolve] |
                    -f[amily] { inet | inet6 | ipx | dnet | link } |
                    -o[neline] | -t[imestamp] | -b[atch] [filename] }
`

// ntMatches is iproute's matches(): arg is a prefix of word.
func ntMatches(arg, word string) bool { return arg != "" && strings.HasPrefix(word, arg) }

// ntLinkLine is the link part of ip link / ip addr for ifc.
func ntLinkLine(ifc ntIface, sl string) string {
	var flags []string
	if ifc.name == "lo" {
		flags = append(flags, "LOOPBACK")
	} else {
		flags = append(flags, "BROADCAST", "MULTICAST")
	}
	qdisc, qlen := "noop", ""
	if ifc.up {
		flags = append(flags, "UP", "LOWER_UP")
		qdisc = "noqueue"
		if ifc.name != "lo" {
			qdisc = "pfifo_fast"
		}
	}
	if ifc.name != "lo" {
		qlen = "qlen 1000"
	}
	link := "link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00"
	if ifc.name != "lo" {
		link = "link/ether " + strings.ToLower(ifc.hw) + " brd ff:ff:ff:ff:ff:ff"
	}
	return fmt.Sprintf("%d: %s: <%s> mtu %d qdisc %s %s%s    %s", ifc.index, ifc.name, strings.Join(flags, ","), ifc.mtu, qdisc, qlen, sl, link)
}

func ntIP(p *Proc) int {
	args := p.Args[1:]
	oneline := false
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && len(args[0]) > 1 {
		opt := strings.TrimPrefix(strings.TrimPrefix(args[0], "-"), "-")
		switch {
		case ntMatches(opt, "oneline"):
			oneline = true
		case ntMatches(opt, "Version"):
			p.Printf("ip utility, iproute2-ss061214\n")
			return 0
		case ntMatches(opt, "help"):
			io.WriteString(p.Stderr, ntIPUsage)
			return 255
		case ntMatches(opt, "family") || opt == "f":
			args = args[1:]
		case opt == "4" || ntMatches(opt, "statistics") || ntMatches(opt, "resolve") || ntMatches(opt, "timestamp") || opt == "0":
		default:
			fmt.Fprintf(p.Stderr, "Option \"%s\" is unknown, try \"ip -help\".\n", args[0])
			return 255
		}
		if len(args) > 0 {
			args = args[1:]
		}
	}
	if len(args) == 0 {
		io.WriteString(p.Stderr, ntIPUsage)
		return 255
	}
	obj, rest := args[0], args[1:]
	switch {
	case ntMatches(obj, "address"):
		return ntIPLinkAddr(p, rest, oneline, true)
	case ntMatches(obj, "link"):
		return ntIPLinkAddr(p, rest, oneline, false)
	case ntMatches(obj, "route"):
		return ntIPRoute(p, rest)
	case ntMatches(obj, "rule"):
		io.WriteString(p.Stdout, "0:\tfrom all lookup 255 \n32766:\tfrom all lookup main \n32767:\tfrom all lookup default \n")
		return 0
	case ntMatches(obj, "neighbour") || ntMatches(obj, "neighbor") || ntMatches(obj, "maddress") || ntMatches(obj, "tunnel") ||
		ntMatches(obj, "mroute") || ntMatches(obj, "xfrm") || ntMatches(obj, "ntable"):
		return 0
	case ntMatches(obj, "help"):
		io.WriteString(p.Stderr, ntIPUsage)
		return 255
	}
	fmt.Fprintf(p.Stderr, "Object \"%s\" is unknown, try \"ip help\".\n", obj)
	return 1
}

// ntIPLinkAddr is ip link and ip addr: show (with dev and up filters) and
// set dev IF up|down; add and del are accepted and change nothing.
func ntIPLinkAddr(p *Proc, args []string, oneline, addrs bool) int {
	obj := "link"
	if addrs {
		obj = "address"
	}
	cmd := "show"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	ifaces := ntIfaces(p)
	find := func(name string) (ntIface, bool) {
		for _, i := range ifaces {
			if i.name == name {
				return i, true
			}
		}
		return ntIface{}, false
	}
	switch {
	case ntMatches(cmd, "show") || ntMatches(cmd, "list") || cmd == "lst":
	case !addrs && ntMatches(cmd, "set"):
		dev, state := "", ""
		for i := 0; i < len(args); i++ {
			switch args[i] {
			case "dev":
				if i+1 < len(args) {
					i++
					dev = args[i]
				}
			case "up", "down":
				state = args[i]
			default:
				if dev == "" {
					dev = args[i]
				} else if i+1 < len(args) {
					i++ // mtu N, address X...
				}
			}
		}
		if dev == "" {
			io.WriteString(p.Stderr, "Not enough of information: \"dev\" argument is required.\n")
			return 255
		}
		if _, ok := find(dev); !ok {
			fmt.Fprintf(p.Stderr, "Cannot find device \"%s\"\n", dev)
			return 1
		}
		if state != "" {
			p.Sys.SetInterface(dev, state == "up")
		}
		return 0
	case addrs && (ntMatches(cmd, "add") || ntMatches(cmd, "delete") || ntMatches(cmd, "flush")):
		return 0
	case ntMatches(cmd, "help"):
		fmt.Fprintf(p.Stderr, "Usage: ip %s show [ dev STRING ] [ up ]\n", obj)
		return 255
	default:
		fmt.Fprintf(p.Stderr, "Command \"%s\" is unknown, try \"ip %s help\".\n", cmd, obj)
		return 255
	}
	dev, upOnly := "", false
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "dev":
			if i+1 < len(args) {
				i++
				dev = args[i]
			}
		case "up":
			upOnly = true
		default:
			if dev != "" {
				fmt.Fprintf(p.Stderr, "Error: either \"dev\" is duplicate, or \"%s\" is a garbage.\n", args[i])
				return 255
			}
			dev = args[i]
		}
	}
	if dev != "" {
		if _, ok := find(dev); !ok {
			fmt.Fprintf(p.Stderr, "Device \"%s\" does not exist.\n", dev)
			return 1
		}
	}
	sl := "\n"
	if oneline {
		sl = "\\"
	}
	var b strings.Builder
	for _, i := range ifaces {
		if (dev != "" && i.name != dev) || (upOnly && !i.up) {
			continue
		}
		b.WriteString(ntLinkLine(i, sl) + "\n")
		if !addrs || !i.up || !i.hasAddr {
			continue
		}
		if oneline {
			fmt.Fprintf(&b, "%d: %s", i.index, i.name)
		}
		fmt.Fprintf(&b, "    inet %s/%d ", ntDotted(i.addr), ntPrefix(i.mask))
		scope := "global"
		if i.name == "lo" {
			scope = "host"
		} else {
			fmt.Fprintf(&b, "brd %s ", ntDotted(i.bcast))
		}
		fmt.Fprintf(&b, "scope %s %s\n", scope, i.name)
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

func ntIPRoute(p *Proc, args []string) int {
	cmd := "show"
	if len(args) > 0 {
		cmd = args[0]
	}
	switch {
	case ntMatches(cmd, "show") || ntMatches(cmd, "list") || cmd == "lst":
	case ntMatches(cmd, "add") || ntMatches(cmd, "delete") || ntMatches(cmd, "replace") ||
		ntMatches(cmd, "change") || ntMatches(cmd, "flush"):
		return 0
	case ntMatches(cmd, "get"):
		return 0
	default:
		fmt.Fprintf(p.Stderr, "Command \"%s\" is unknown, try \"ip route help\".\n", cmd)
		return 255
	}
	var b strings.Builder
	for _, r := range ntRoutes(p) {
		switch {
		case r.mask == 0:
			fmt.Fprintf(&b, "default via %s dev %s \n", ntDotted(r.gw), r.dev)
		case r.kernel:
			fmt.Fprintf(&b, "%s/%d dev %s  proto kernel  scope link  src %s \n", ntDotted(r.dst), ntPrefix(r.mask), r.dev, ntDotted(r.src))
		default:
			fmt.Fprintf(&b, "%s/%d dev %s  scope link \n", ntDotted(r.dst), ntPrefix(r.mask), r.dev)
		}
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

// ---- ifconfig (net-tools 1.60) ----

// ntBytes is the "(115.6 KiB)" of ifconfig's byte counters.
func ntBytes(n int64) string {
	short, unit := n*10, "b"
	switch {
	case n > 1073741824:
		short, unit = short/1073741824, "GiB"
	case n > 1048576:
		short, unit = short/1048576, "MiB"
	case n > 1024:
		short, unit = short/1024, "KiB"
	}
	return fmt.Sprintf("%d.%d %s", short/10, short%10, unit)
}

func ntIfconfigPrint(b *strings.Builder, i ntIface) {
	if i.name == "lo" {
		fmt.Fprintf(b, "%-9.9s Link encap:Local Loopback  \n", i.name)
	} else {
		fmt.Fprintf(b, "%-9.9s Link encap:Ethernet  HWaddr %s  \n", i.name, i.hw)
	}
	if i.up && i.hasAddr {
		fmt.Fprintf(b, "          inet addr:%s ", ntDotted(i.addr))
		if i.name != "lo" {
			fmt.Fprintf(b, " Bcast:%s ", ntDotted(i.bcast))
		}
		fmt.Fprintf(b, " Mask:%s\n", ntDotted(i.mask))
	}
	b.WriteString("          ")
	if i.up {
		b.WriteString("UP ")
	}
	if i.name == "lo" {
		b.WriteString("LOOPBACK ")
	} else {
		b.WriteString("BROADCAST ")
	}
	if i.up {
		b.WriteString("RUNNING ")
	}
	if i.name != "lo" {
		b.WriteString("MULTICAST ")
	}
	fmt.Fprintf(b, " MTU:%d  Metric:1\n", i.mtu)
	fmt.Fprintf(b, "          RX packets:%d errors:0 dropped:0 overruns:0 frame:0\n", i.rx[0])
	fmt.Fprintf(b, "          TX packets:%d errors:0 dropped:0 overruns:0 carrier:0\n", i.tx[0])
	qlen := 0
	if i.name != "lo" {
		qlen = 1000
	}
	fmt.Fprintf(b, "          collisions:0 txqueuelen:%d \n", qlen)
	fmt.Fprintf(b, "          RX bytes:%d (%s)  TX bytes:%d (%s)\n", i.rx[1], ntBytes(i.rx[1]), i.tx[1], ntBytes(i.tx[1]))
	if i.name != "lo" {
		b.WriteString("          Interrupt:11 Base address:0xd020 \n")
	}
	b.WriteString("\n")
}

func ntIfconfig(p *Proc) int {
	args := p.Args[1:]
	all := false
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "-a":
			all = true
		case "-s", "-v":
		case "-V", "--version":
			p.Printf("net-tools 1.60\nifconfig 1.42 (2001-04-13)\n")
			return 0
		default:
			io.WriteString(p.Stderr, "Usage:\n  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]\n"+
				"  [add <address>[/<prefixlen>]]\n  [del <address>[/<prefixlen>]]\n"+
				"  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]\n  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]\n"+
				"  [[-]trailers]  [[-]arp]  [[-]allmulti]\n  [multicast]  [[-]promisc]\n"+
				"  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]\n  [txqueuelen <NN>]\n"+
				"  [[-]dynamic]\n  [up|down] ...\n")
			return 1
		}
		args = args[1:]
	}
	ifaces := ntIfaces(p)
	// ifconfig lists the interfaces in name order.
	order := []ntIface{ifaces[1], ifaces[0]}
	var b strings.Builder
	if len(args) == 0 {
		for _, i := range order {
			if i.up || all {
				ntIfconfigPrint(&b, i)
			}
		}
		io.WriteString(p.Stdout, b.String())
		return 0
	}
	name := args[0]
	var ifc *ntIface
	for k := range ifaces {
		if ifaces[k].name == name {
			ifc = &ifaces[k]
		}
	}
	if ifc == nil {
		if len(args) == 1 {
			fmt.Fprintf(p.Stderr, "%s: error fetching interface information: Device not found\n", name)
		} else {
			io.WriteString(p.Stderr, "SIOCSIFFLAGS: No such device\n")
		}
		return 1
	}
	if len(args) == 1 {
		ntIfconfigPrint(&b, *ifc)
		io.WriteString(p.Stdout, b.String())
		return 0
	}
	// Settings: only up and down change the machine.
	for _, a := range args[1:] {
		switch a {
		case "up":
			p.Sys.SetInterface(name, true)
		case "down":
			p.Sys.SetInterface(name, false)
		default:
			if _, ok := ntIPv4(a); ok {
				p.Sys.SetInterface(name, true)
			}
		}
	}
	return 0
}

// ---- route (net-tools 1.60) ----

func ntRoute(p *Proc) int {
	numeric, extend := false, 0
	args := p.Args[1:]
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		for _, c := range args[0][1:] {
			switch c {
			case 'n':
				numeric = true
			case 'e':
				extend++
			case 'v', 'F', 'C':
			case 'A':
				if len(args) > 1 {
					args = args[1:]
				}
			case 'V':
				p.Printf("net-tools 1.60\nroute 1.98 (2001-04-15)\n")
				return 0
			default:
				fmt.Fprintf(p.Stderr, "route: invalid option -- %c\n", c)
				io.WriteString(p.Stderr, "Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n"+
					"       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n")
				return 4
			}
		}
		args = args[1:]
	}
	if len(args) > 0 {
		switch args[0] {
		case "add", "del":
			return 0
		default:
			io.WriteString(p.Stderr, "Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n"+
				"       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n")
			return 4
		}
	}
	io.WriteString(p.Stdout, ntRouteTable(p, numeric, extend > 0, false))
	return 0
}

// ntRouteTable is the kernel routing table as route (netstat false) or
// netstat -r prints it.
func ntRouteTable(p *Proc, numeric, extend, netstat bool) string {
	var b strings.Builder
	b.WriteString("Kernel IP routing table\n")
	switch {
	case netstat:
		b.WriteString("Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n")
	case extend:
		b.WriteString("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n")
	default:
		b.WriteString("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n")
	}
	for _, r := range ntRoutes(p) {
		dst, gw := ntDotted(r.dst), ntDotted(r.gw)
		flags := "U"
		if r.gw != 0 {
			flags = "UG"
		}
		if !numeric {
			if r.mask == 0 {
				dst = "default"
			}
			if r.gw == 0 {
				gw = "*"
			} else if name, ok := ntHostName(p, gw); ok {
				gw = name
			}
		}
		switch {
		case netstat:
			fmt.Fprintf(&b, "%-15s %-15s %-15s %-5s %5d %-6d %5d %s\n", dst, gw, ntDotted(r.mask), flags, 0, 0, 0, r.dev)
		case extend:
			fmt.Fprintf(&b, "%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6s %-5d %-6d %d\n", dst, gw, ntDotted(r.mask), flags, 0, 0, 0, r.dev, 0, 0, 0)
		default:
			fmt.Fprintf(&b, "%-15s %-15s %-15s %-5s %-6d %-3d %6d %s\n", dst, gw, ntDotted(r.mask), flags, 0, 0, 0, r.dev)
		}
	}
	return b.String()
}

// ---- netstat (net-tools 1.60, CentOS 5 columns) ----

// ntListenAddrs are the daemons that bind the loopback address only, as
// their CentOS 5 configurations make them.
var ntListenAddrs = map[ntListenKey]string{
	{"sendmail", "tcp", 25}: "127.0.0.1", {"sendmail", "tcp", 587}: "127.0.0.1", {"cupsd", "tcp", 631}: "127.0.0.1",
	{"named", "tcp", 53}: "127.0.0.1", {"named", "udp", 53}: "127.0.0.1", {"named", "tcp", 953}: "127.0.0.1",
	{"hpiod", "tcp", 2208}: "127.0.0.1", {"python", "tcp", 2207}: "127.0.0.1",
}

// ntListenKey names a listening socket by program, protocol and port.
type ntListenKey struct {
	prog, proto string
	port        int
}

// ntListenAddr is the address l is bound to when it is not every one
// (ntListenAddrs), or "".
func ntListenAddr(l kernel.Listener) string {
	return ntListenAddrs[ntListenKey{l.Prog, l.Proto, l.Port}]
}

const ntNetstatUsage = `usage: netstat [-veenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}
       netstat [-vnNcaeol] [<Socket> ...]
       netstat { [-veenNac] -i | [-cnNe] -M | -s }

        -r, --route              display routing table
        -i, --interfaces         display interface table
        -g, --groups             display multicast group memberships
        -s, --statistics         display networking statistics (like SNMP)
        -M, --masquerade         display masqueraded connections

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        --numeric-hosts          don't resolve host names
        --numeric-ports          don't resolve port names
        --numeric-users          don't resolve user names
        -N, --symbolic           resolve hardware names
        -e, --extend             display other/more information
        -p, --programs           display PID/Program name for sockets
        -c, --continuous         continuous listing

        -l, --listening          display listening server sockets
        -a, --all, --listening   display all sockets (default: connected)
        -o, --timers             display timers
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <Socket>={-t|--tcp} {-u|--udp} {-w|--raw} {-x|--unix} --ax25 --ipx --netrom
  <AF>=Use '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) ipx (Novell IPX) ddp (Appletalk DDP) 
    x25 (CCITT X.25) 
`

func ntNetstat(p *Proc) int {
	opts, _, err := Getopt(p.Args[1:], "MCFA:acdegphinNorstuVv?wxl", []LongOpt{
		{Name: "version", Short: 'V'}, {Name: "interfaces", Short: 'i'}, {Name: "help", Short: 'h'},
		{Name: "route", Short: 'r'}, {Name: "masquerade", Short: 'M'}, {Name: "protocol", Arg: RequiredArg, Short: 'A'},
		{Name: "tcp", Short: 't'}, {Name: "udp", Short: 'u'}, {Name: "raw", Short: 'w'}, {Name: "unix", Short: 'x'},
		{Name: "listening", Short: 'l'}, {Name: "all", Short: 'a'}, {Name: "timers", Short: 'o'},
		{Name: "continuous", Short: 'c'}, {Name: "extend", Short: 'e'}, {Name: "programs", Short: 'p'},
		{Name: "verbose", Short: 'v'}, {Name: "statistics", Short: 's'}, {Name: "numeric", Short: 'n'},
		{Name: "numeric-hosts"}, {Name: "numeric-ports"}, {Name: "numeric-users"}, {Name: "symbolic", Short: 'N'},
		{Name: "cache", Short: 'C'}, {Name: "fib", Short: 'F'}, {Name: "groups", Short: 'g'},
		{Name: "inet"}, {Name: "inet6"},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		io.WriteString(p.Stderr, ntNetstatUsage)
		return 4
	}
	var all, listen, tcp, udp, raw, unix, prg, route, ifaces, stats bool
	var numHosts, numPorts, numUsers bool
	extend := 0
	for _, o := range opts {
		switch o.Name {
		case "a":
			all = true
		case "l":
			listen = true
		case "t":
			tcp = true
		case "u":
			udp = true
		case "w":
			raw = true
		case "x":
			unix = true
		case "p":
			prg = true
		case "r":
			route = true
		case "i":
			ifaces = true
		case "s":
			stats = true
		case "e":
			extend++
		case "n":
			numHosts, numPorts, numUsers = true, true, true
		case "numeric-hosts":
			numHosts = true
		case "numeric-ports":
			numPorts = true
		case "numeric-users":
			numUsers = true
		case "A":
			for _, af := range strings.Split(o.Arg, ",") {
				if af == "unix" {
					unix = true
				}
			}
		case "V":
			p.Printf("net-tools 1.60\nnetstat 1.42 (2001-04-15)\nFred Baumgarten, Alan Cox, Bernd Eckenfels, Phil Blundell, Tuan Hoang and others\n" +
				"+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE \n" +
				"HW:  +ETHER +ARC +SLIP +PPP +TUNNEL +TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB \n")
			return 5
		case "h", "?":
			io.WriteString(p.Stderr, ntNetstatUsage)
			return 4
		}
	}
	if ntBoolCount(route, ifaces, stats) > 1 {
		io.WriteString(p.Stderr, ntNetstatUsage)
		return 4
	}
	switch {
	case route:
		io.WriteString(p.Stdout, ntRouteTable(p, numHosts, extend > 0, true))
		return 0
	case ifaces:
		var b strings.Builder
		b.WriteString("Kernel Interface table\n")
		b.WriteString("Iface       MTU Met    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n")
		list := ntIfaces(p)
		for _, i := range []ntIface{list[1], list[0]} {
			if !i.up && !all {
				continue
			}
			flags := "BM"
			if i.name == "lo" {
				flags = "L"
			}
			if i.up {
				flags += "RU"
			}
			fmt.Fprintf(&b, "%-7.7s %5d %3d %8d %6d %6d %6d %8d %6d %6d %6d %s\n", i.name, i.mtu, 0, i.rx[0], 0, 0, 0, i.tx[0], 0, 0, 0, flags)
		}
		io.WriteString(p.Stdout, b.String())
		return 0
	case stats:
		io.WriteString(p.Stdout, ntNetstatStats)
		return 0
	}
	args := ntBoolCount(tcp, udp, raw, unix) > 0
	var b strings.Builder
	if !args || tcp || udp || raw {
		b.WriteString("Active Internet connections ")
		switch {
		case all:
			b.WriteString("(servers and established)")
		case listen:
			b.WriteString("(only servers)")
		default:
			b.WriteString("(w/o servers)")
		}
		b.WriteString("\nProto Recv-Q Send-Q Local Address               Foreign Address             State      ")
		if extend > 0 {
			b.WriteString(" User       Inode     ")
		}
		if prg {
			fmt.Fprintf(&b, "%-20s", " PID/Program name")
		}
		b.WriteString("\n")
		if all || listen {
			// What the lines look up is read once, and only when needed.
			var accts Accounts
			var svc map[string]map[int]string
			var hosts ntHostCache
			var line []byte
			for _, l := range p.Sys.Listeners() {
				if (args && !tcp && l.Proto == "tcp") || (args && !udp && l.Proto == "udp") || (l.Proto != "tcp" && l.Proto != "udp") {
					continue
				}
				host := ntListenAddr(l)
				if host == "" {
					host = "0.0.0.0"
				}
				local, foreign := host, "0.0.0.0"
				if !numHosts {
					if host == "0.0.0.0" {
						local = "*"
					} else if name, ok := hosts.name(p, host); ok {
						local = name
					}
					foreign = "*"
				}
				port := strconv.Itoa(l.Port)
				if !numPorts {
					if svc == nil {
						svc = syIptServices(p)
					}
					if name, ok := svc[l.Proto][l.Port]; ok {
						port = name
					}
				}
				if len(local)+len(port) > 26 {
					local = local[:max(26-len(port), 0)]
				}
				state := "LISTEN"
				if l.Proto == "udp" {
					state = ""
				}
				// As fmt's "%-3s   %6d %6d %-27s %-27s %-12s".
				line = padRight(line[:0], l.Proto, 3)
				line = append(line, "   "...)
				line = padLeftInt(line, 0, 6)
				line = append(line, ' ')
				line = padLeftInt(line, 0, 6)
				line = append(line, ' ')
				line = padRight2(line, local, ":", port, 27)
				line = append(line, ' ')
				line = padRight2(line, foreign, ":*", "", 27)
				line = append(line, ' ')
				line = padRight(line, state, 12)
				if extend > 0 {
					uid := 0
					if pr, ok := p.Sys.Procs.Get(l.PID); ok {
						uid = pr.UID
					}
					user := strconv.Itoa(uid)
					if !numUsers {
						if accts == nil {
							accts = SharedPasswd(p.Sys)
						}
						user = accts.Name(uid)
					}
					// As "%-10s %-10d ".
					line = padRight(line, user, 10)
					line = append(line, ' ')
					n := len(line)
					line = strconv.AppendInt(line, int64(5000+l.Port*7+len(l.Proto)), 10)
					for len(line)-n < 10 {
						line = append(line, ' ')
					}
					line = append(line, ' ')
				}
				if prg {
					if l.PID > 0 {
						// "%d/%s" cut to 19, then as "%-20s".
						n := len(line)
						line = strconv.AppendInt(line, int64(l.PID), 10)
						line = append(line, '/')
						line = append(line, l.Prog...)
						if len(line)-n > 19 {
							line = line[:n+19]
						}
						for utf8.RuneCount(line[n:]) < 20 {
							line = append(line, ' ')
						}
					} else {
						line = padRight(line, "-", 20)
					}
				}
				line = append(line, '\n')
				b.Write(line)
			}
		}
	}
	if !args || unix {
		b.WriteString("Active UNIX domain sockets ")
		switch {
		case all:
			b.WriteString("(servers and established)")
		case listen:
			b.WriteString("(only servers)")
		default:
			b.WriteString("(w/o servers)")
		}
		b.WriteString("\nProto RefCnt Flags       Type       State         I-Node")
		if prg {
			fmt.Fprintf(&b, "%-20s", " PID/Program name")
		}
		b.WriteString(" Path\n")
	}
	io.WriteString(p.Stdout, b.String())
	return 0
}

// ntBoolCount counts the true values.
func ntBoolCount(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// ntNetstatStats is netstat -s of a quiet machine.
const ntNetstatStats = `Ip:
    1192 total packets received
    0 forwarded
    0 incoming packets discarded
    1192 incoming packets delivered
    850 requests sent out
Icmp:
    0 ICMP messages received
    0 input ICMP message failed.
    ICMP input histogram:
    0 ICMP messages sent
    0 ICMP messages failed
    ICMP output histogram:
Tcp:
    4 active connections openings
    2 passive connection openings
    0 failed connection attempts
    0 connection resets received
    0 connections established
    1071 segments received
    788 segments send out
    0 segments retransmited
    0 bad segments received.
    0 resets sent
Udp:
    121 packets received
    0 packets to unknown port received.
    0 packet receive errors
    62 packets sent
TcpExt:
    2 TCP sockets finished time wait in fast timer
    18 delayed acks sent
    331 packet headers predicted
`

// ---- ping (iputils 20020927) ----

const ntPingUsage = `Usage: ping [-LRUbdfnqrvVaA] [-c count] [-i interval] [-w deadline]
            [-p pattern] [-s packetsize] [-t ttl] [-I interface or address]
            [-M mtu discovery hint] [-S sndbuf]
            [ -T timestamp option ] [ -Q tos ] [hop1 ...] destination
`

// ntPing answers from the machine itself and from the VirtualBox host (the
// gateway); the rest of the host-only network is silent. Without -c (or
// -w) it stops after 4 packets, as if interrupted.
func ntPing(p *Proc) int {
	opts, ops, err := Getopt(p.Args[1:], "LRUbdfnqrvVaAc:i:w:W:p:s:t:I:M:S:T:Q:l:", nil)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		io.WriteString(p.Stderr, ntPingUsage)
		return 2
	}
	count, size := 0, 56
	interval := 1.0
	quiet, numeric := false, false
	deadline := 0
	for _, o := range opts {
		switch o.Name {
		case "c":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n <= 0 {
				io.WriteString(p.Stderr, "ping: bad number of packets to transmit.\n")
				return 2
			}
			count = n
		case "i":
			v, err := strconv.ParseFloat(o.Arg, 64)
			if err != nil || v < 0 {
				io.WriteString(p.Stderr, "ping: bad timing interval.\n")
				return 2
			}
			interval = v
		case "w":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n < 0 {
				io.WriteString(p.Stderr, "ping: bad wait time.\n")
				return 2
			}
			deadline = n
		case "s":
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n < 0 || n > 65507 {
				fmt.Fprintf(p.Stderr, "ping: illegal negative packet size %s.\n", o.Arg)
				return 2
			}
			size = n
		case "q":
			quiet = true
		case "n":
			numeric = true
		case "V":
			p.Printf("ping utility, iputils-ss020927\n")
			return 0
		}
	}
	if len(ops) == 0 {
		io.WriteString(p.Stderr, ntPingUsage)
		return 2
	}
	target := ops[len(ops)-1]
	hostname, addr := target, target
	a, isNum := ntIPv4(target)
	if !isNum {
		h, ok := ntLookupHost(p, target)
		if !ok {
			fmt.Fprintf(p.Stderr, "ping: unknown host %s\n", target)
			return 2
		}
		hostname, addr = h.canon, h.addr
		if a, ok = ntIPv4(addr); !ok {
			fmt.Fprintf(p.Stderr, "ping: unknown host %s\n", target)
			return 2
		}
	} else {
		numeric = true
	}
	if count == 0 {
		count = 4
		if deadline > 0 {
			count = deadline
		}
	}
	// Who answers, and how fast (µs).
	list := ntIfaces(p)
	lo, eth := list[0], list[1]
	var answers bool
	base, spread := 0, 0
	var unreachableFrom string
	switch {
	case a>>24 == 127:
		if !lo.up {
			io.WriteString(p.Stderr, "connect: Network is unreachable\n")
			return 2
		}
		answers, base, spread = true, 30, 20
	case eth.up && eth.hasAddr && a == eth.addr:
		answers, base, spread = true, 30, 20
	case !eth.up || !eth.hasAddr:
		io.WriteString(p.Stderr, "connect: Network is unreachable\n")
		return 2
	case a&eth.mask == eth.addr&eth.mask:
		gw := uint32(0)
		for _, r := range ntRoutes(p) {
			if r.gw != 0 {
				gw = r.gw
			}
		}
		if a == gw {
			answers, base, spread = true, 180, 160
		} else if a != eth.bcast {
			unreachableFrom = ntDotted(eth.addr)
		}
	}
	fmt.Fprintf(p.Stdout, "PING %s (%s) %d(%d) bytes of data.\n", hostname, addr, size, size+28)
	from := addr
	if !numeric {
		if name, ok := ntHostName(p, addr); ok {
			from = fmt.Sprintf("%s (%s)", name, addr)
		}
	}
	var rtts []int
	errs := 0
	for seq := 1; seq <= count; seq++ {
		if p.Canceled() {
			count = seq - 1
			break
		}
		switch {
		case answers:
			rtt := base + int((uint32(seq)*2654435761+0x9e37)>>7)%spread
			rtts = append(rtts, rtt)
			if !quiet {
				fmt.Fprintf(p.Stdout, "%d bytes from %s: icmp_seq=%d ttl=64 time=%s ms\n", size+8, from, seq, ntMs(rtt))
			}
		case unreachableFrom != "":
			errs++
			if !quiet {
				fmt.Fprintf(p.Stdout, "From %s icmp_seq=%d Destination Host Unreachable\n", unreachableFrom, seq)
			}
		}
	}
	elapsed := int(float64(count-1) * interval * 1000)
	if count > 1 && answers {
		elapsed--
	}
	p.Sys.Clock.Advance(time.Duration(float64(max(count-1, 0))*interval*float64(time.Second)) + time.Millisecond)
	fmt.Fprintf(p.Stdout, "\n--- %s ping statistics ---\n", hostname)
	fmt.Fprintf(p.Stdout, "%d packets transmitted, %d received", count, len(rtts))
	if errs > 0 {
		fmt.Fprintf(p.Stdout, ", +%d errors", errs)
	}
	loss := 0
	if count > 0 {
		loss = (count - len(rtts)) * 100 / count
	}
	fmt.Fprintf(p.Stdout, ", %d%% packet loss, time %dms\n", loss, max(elapsed, 0))
	if len(rtts) == 0 {
		return 1
	}
	minR, maxR, sum, sum2 := rtts[0], rtts[0], 0, 0
	for _, r := range rtts {
		minR, maxR = min(minR, r), max(maxR, r)
		sum += r
		sum2 += r * r
	}
	avg := sum / len(rtts)
	mdev := int(math.Sqrt(math.Max(float64(sum2)/float64(len(rtts))-math.Pow(float64(sum)/float64(len(rtts)), 2), 0)))
	fmt.Fprintf(p.Stdout, "rtt min/avg/max/mdev = %d.%03d/%d.%03d/%d.%03d/%d.%03d ms\n",
		minR/1000, minR%1000, avg/1000, avg%1000, maxR/1000, maxR%1000, mdev/1000, mdev%1000)
	return 0
}

// ntMs renders a round-trip time in µs as iputils does.
func ntMs(us int) string {
	switch {
	case us >= 100000:
		return strconv.Itoa(us / 1000)
	case us >= 10000:
		return fmt.Sprintf("%d.%01d", us/1000, (us%1000)/100)
	case us >= 1000:
		return fmt.Sprintf("%d.%02d", us/1000, (us%1000)/10)
	}
	return fmt.Sprintf("%d.%03d", us/1000, us%1000)
}
