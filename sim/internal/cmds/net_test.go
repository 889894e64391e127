package cmds

import (
	"strings"
	"testing"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// ntUp is a kernel over syFiles with the named interfaces up.
func ntUp(ifaces ...string) func(t *testing.T) *kernel.Kernel {
	return func(t *testing.T) *kernel.Kernel {
		k := syPlain(t)
		for _, i := range ifaces {
			k.SetInterface(i, true)
		}
		return k
	}
}

func TestNtIfupIfdown(t *testing.T) {
	t.Parallel()
	extra := map[string]string{
		ntScripts + "ifcfg-eth1": "DEVICE=eth1\nBOOTPROTO=static\nIPADDR=10.0.0.1\nONBOOT=yes\n",
		ntScripts + "ifcfg-eth0": "DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=no\n",
	}
	syTable(t, syPlain, []syCase{
		{in: "ifup foo", wantErr: "/sbin/ifup: configuration for foo not found.\nUsage: ifup <device name>\n", status: 1},
		{in: "ifup", wantErr: "Usage: ifup <device name>\n", status: 1},
		{in: "ifdown foo", wantErr: "usage: ifdown <device name>\n", status: 1},
		{in: "ifdown", wantErr: "usage: ifdown <device name>\n", status: 1},
		{in: "ifup ifcfg-lo"},
		{in: "ifup eth0 boot"},
		{in: "ifdown eth0 boot"},
		{in: "ifdown ifcfg-lo"},
	})
	syTable(t, func(t *testing.T) *kernel.Kernel { return syKernel(t, extra) }, []syCase{
		{in: "ifup eth1", want: "Device eth1 does not seem to be present, delaying initialization.\n", status: 1},
		{in: "ifdown eth1"},
		{in: "ifup eth0 boot"},
		{in: "ifup eth0", want: "\nDetermining IP information for eth0... failed.\n", status: 1},
	})
	k := syPlain(t)
	if _, errs, st := syRunWith(t, k, []string{"./ifup", "ifcfg-foo"}, "", nil); st != 1 || errs != "./ifup: configuration for ifcfg-foo not found.\nUsage: ifup <device name>\n" {
		t.Errorf("./ifup ifcfg-foo = %q, %d", errs, st)
	}
	for _, step := range []struct {
		in     string
		lo, up bool
	}{{"ifup ifcfg-lo", true, false}, {"ifup eth0 boot", true, true}, {"ifdown eth0 boot", true, false}, {"ifdown ifcfg-lo", false, false}} {
		runCmd(t, k, step.in, "")
		if k.InterfaceUp("lo") != step.lo || k.InterfaceUp("eth0") != step.up {
			t.Errorf("after %s: lo up %v, eth0 up %v; want %v, %v", step.in, k.InterfaceUp("lo"), k.InterfaceUp("eth0"), step.lo, step.up)
		}
	}
	// ONBOOT=no: "boot" leaves the interface alone.
	k = syKernel(t, extra)
	runCmd(t, k, "ifup eth0 boot", "")
	if k.InterfaceUp("eth0") {
		t.Errorf("ifup eth0 boot brought up an ONBOOT=no interface")
	}
}

const ntLinkLo = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 16436 qdisc noqueue \\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
const ntLinkEth = "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast qlen 1000\\    link/ether 08:00:27:3a:5c:10 brd ff:ff:ff:ff:ff:ff\n"

func TestNtIP(t *testing.T) {
	t.Parallel()
	syTable(t, ntUp("lo", "eth0"), []syCase{
		{in: "ip -o link show up", want: ntLinkLo + ntLinkEth},
		{in: "ip -o link show dev eth0 up", want: ntLinkEth},
		{in: "ip link", want: "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 16436 qdisc noqueue \n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
			"2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast qlen 1000\n    link/ether 08:00:27:3a:5c:10 brd ff:ff:ff:ff:ff:ff\n"},
		{in: "ip addr", want: "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 16436 qdisc noqueue \n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
			"    inet 127.0.0.1/8 scope host lo\n" +
			"2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast qlen 1000\n    link/ether 08:00:27:3a:5c:10 brd ff:ff:ff:ff:ff:ff\n" +
			"    inet 192.168.56.10/24 brd 192.168.56.255 scope global eth0\n"},
		{in: "ip a show eth0", want: "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast qlen 1000\n    link/ether 08:00:27:3a:5c:10 brd ff:ff:ff:ff:ff:ff\n" +
			"    inet 192.168.56.10/24 brd 192.168.56.255 scope global eth0\n"},
		{in: "ip -o addr show dev lo", want: ntLinkLo + "1: lo    inet 127.0.0.1/8 scope host lo\n"},
		{in: "ip route", want: "192.168.56.0/24 dev eth0  proto kernel  scope link  src 192.168.56.10 \n" +
			"169.254.0.0/16 dev eth0  scope link \ndefault via 192.168.56.1 dev eth0 \n"},
		{in: "ip r show", want: "192.168.56.0/24 dev eth0  proto kernel  scope link  src 192.168.56.10 \n" +
			"169.254.0.0/16 dev eth0  scope link \ndefault via 192.168.56.1 dev eth0 \n"},
		{in: "ip link show dev eth9", wantErr: "Device \"eth9\" does not exist.\n", status: 1},
		{in: "ip frob", wantErr: "Object \"frob\" is unknown, try \"ip help\".\n", status: 1},
		{in: "ip link frob", wantErr: "Command \"frob\" is unknown, try \"ip link help\".\n", status: 255},
		{in: "ip", wantErr: ntIPUsage, status: 255},
	})
	syTable(t, ntUp("lo"), []syCase{
		{in: "ip -o link show up", want: ntLinkLo},
		{in: "ip -o link show dev eth0 up"},
		{in: "ip -o link show dev eth0", want: "2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop qlen 1000\\    link/ether 08:00:27:3a:5c:10 brd ff:ff:ff:ff:ff:ff\n"},
		{in: "ip route"},
	})
	k := syPlain(t)
	runCmd(t, k, "ip link set dev eth0 up", "")
	runCmd(t, k, "ip link set lo up", "")
	if !k.InterfaceUp("eth0") || !k.InterfaceUp("lo") {
		t.Errorf("ip link set ... up left eth0 %v, lo %v", k.InterfaceUp("eth0"), k.InterfaceUp("lo"))
	}
	runCmd(t, k, "ip link set eth0 down", "")
	if k.InterfaceUp("eth0") {
		t.Errorf("ip link set eth0 down left it up")
	}
}

const ntIfconfigEth = `eth0      Link encap:Ethernet  HWaddr 08:00:27:3A:5C:10  
          inet addr:192.168.56.10  Bcast:192.168.56.255  Mask:255.255.255.0
          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1
          RX packets:1184 errors:0 dropped:0 overruns:0 frame:0
          TX packets:842 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:1000 
          RX bytes:118403 (115.6 KiB)  TX bytes:101215 (98.8 KiB)
          Interrupt:11 Base address:0xd020 

`

const ntIfconfigLo = `lo        Link encap:Local Loopback  
          inet addr:127.0.0.1  Mask:255.0.0.0
          UP LOOPBACK RUNNING  MTU:16436  Metric:1
          RX packets:8 errors:0 dropped:0 overruns:0 frame:0
          TX packets:8 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:0 
          RX bytes:560 (560.0 b)  TX bytes:560 (560.0 b)

`

func TestNtIfconfig(t *testing.T) {
	t.Parallel()
	ethDown := `eth0      Link encap:Ethernet  HWaddr 08:00:27:3A:5C:10  
          BROADCAST MULTICAST  MTU:1500  Metric:1
          RX packets:1184 errors:0 dropped:0 overruns:0 frame:0
          TX packets:842 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:1000 
          RX bytes:118403 (115.6 KiB)  TX bytes:101215 (98.8 KiB)
          Interrupt:11 Base address:0xd020 

`
	syTable(t, ntUp("lo", "eth0"), []syCase{
		{in: "ifconfig", want: ntIfconfigEth + ntIfconfigLo},
		{in: "ifconfig lo", want: ntIfconfigLo},
		{in: "ifconfig eth1", wantErr: "eth1: error fetching interface information: Device not found\n", status: 1},
	})
	syTable(t, ntUp("lo"), []syCase{
		{in: "ifconfig", want: ntIfconfigLo},
		{in: "ifconfig -a", want: ethDown + ntIfconfigLo},
		{in: "ifconfig eth0", want: ethDown},
	})
	k := ntUp("lo", "eth0")(t)
	runCmd(t, k, "ifconfig eth0 down", "")
	if k.InterfaceUp("eth0") {
		t.Errorf("ifconfig eth0 down left it up")
	}
	runCmd(t, k, "ifconfig eth0 up", "")
	if !k.InterfaceUp("eth0") {
		t.Errorf("ifconfig eth0 up left it down")
	}
}

func TestNtRoute(t *testing.T) {
	t.Parallel()
	head := "Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
	syTable(t, ntUp("lo", "eth0"), []syCase{
		{in: "route -n", want: head +
			"192.168.56.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0\n" +
			"169.254.0.0     0.0.0.0         255.255.0.0     U     0      0        0 eth0\n" +
			"0.0.0.0         192.168.56.1    0.0.0.0         UG    0      0        0 eth0\n"},
		{in: "route", want: head +
			"192.168.56.0    *               255.255.255.0   U     0      0        0 eth0\n" +
			"169.254.0.0     *               255.255.0.0     U     0      0        0 eth0\n" +
			"default         192.168.56.1    0.0.0.0         UG    0      0        0 eth0\n"},
		{in: "netstat -rn", want: "Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n" +
			"192.168.56.0    0.0.0.0         255.255.255.0   U         0 0          0 eth0\n" +
			"169.254.0.0     0.0.0.0         255.255.0.0     U         0 0          0 eth0\n" +
			"0.0.0.0         192.168.56.1    0.0.0.0         UG        0 0          0 eth0\n"},
	})
	syTable(t, ntUp("lo"), []syCase{{in: "route -n", want: head}})
	k := syKernel(t, map[string]string{"/etc/sysconfig/network": "NETWORKING=yes\nNOZEROCONF=yes\nGATEWAY=192.168.56.1\n"})
	k.SetInterface("eth0", true)
	if out, _, _ := runCmd(t, k, "ip route", ""); strings.Contains(out, "169.254") {
		t.Errorf("ip route with NOZEROCONF = %q", out)
	}
}

func TestNtNetstat(t *testing.T) {
	t.Parallel()
	mk := func(t *testing.T) *kernel.Kernel {
		k := ntUp("lo", "eth0")(t)
		k.Listen("tcp", 22, 1234, "sshd")
		k.Listen("tcp", 25, 1402, "sendmail")
		k.Listen("tcp", 111, 1101, "portmap")
		k.Listen("udp", 111, 1101, "portmap")
		k.Listen("udp", 631, 1380, "cupsd")
		return k
	}
	const head = "Proto Recv-Q Send-Q Local Address               Foreign Address             State      "
	const prg = " PID/Program name   "
	servers := "Active Internet connections (only servers)\n"
	syTable(t, mk, []syCase{
		{in: "netstat -tlnp", want: servers + head + prg + "\n" +
			"tcp        0      0 0.0.0.0:22                  0.0.0.0:*                   LISTEN      1234/sshd           \n" +
			"tcp        0      0 127.0.0.1:25                0.0.0.0:*                   LISTEN      1402/sendmail       \n" +
			"tcp        0      0 0.0.0.0:111                 0.0.0.0:*                   LISTEN      1101/portmap        \n"},
		{in: "netstat -tunlp", want: servers + head + prg + "\n" +
			"tcp        0      0 0.0.0.0:22                  0.0.0.0:*                   LISTEN      1234/sshd           \n" +
			"tcp        0      0 127.0.0.1:25                0.0.0.0:*                   LISTEN      1402/sendmail       \n" +
			"tcp        0      0 0.0.0.0:111                 0.0.0.0:*                   LISTEN      1101/portmap        \n" +
			"udp        0      0 0.0.0.0:111                 0.0.0.0:*                               1101/portmap        \n" +
			"udp        0      0 0.0.0.0:631                 0.0.0.0:*                               1380/cupsd          \n"},
		{in: "netstat -tln", want: servers + head + "\n" +
			"tcp        0      0 0.0.0.0:22                  0.0.0.0:*                   LISTEN      \n" +
			"tcp        0      0 127.0.0.1:25                0.0.0.0:*                   LISTEN      \n" +
			"tcp        0      0 0.0.0.0:111                 0.0.0.0:*                   LISTEN      \n"},
		{in: "netstat -tl", want: servers + head + "\n" +
			"tcp        0      0 *:ssh                       *:*                         LISTEN      \n" +
			"tcp        0      0 localhost.localdomain:smtp  *:*                         LISTEN      \n" +
			"tcp        0      0 *:sunrpc                    *:*                         LISTEN      \n"},
		{in: "netstat -ul", want: servers + head + "\n" +
			"udp        0      0 *:sunrpc                    *:*                                     \n" +
			"udp        0      0 *:ipp                       *:*                                     \n"},
		{in: "netstat -an", want: "Active Internet connections (servers and established)\n" + head + "\n" +
			"tcp        0      0 0.0.0.0:22                  0.0.0.0:*                   LISTEN      \n" +
			"tcp        0      0 127.0.0.1:25                0.0.0.0:*                   LISTEN      \n" +
			"tcp        0      0 0.0.0.0:111                 0.0.0.0:*                   LISTEN      \n" +
			"udp        0      0 0.0.0.0:111                 0.0.0.0:*                               \n" +
			"udp        0      0 0.0.0.0:631                 0.0.0.0:*                               \n" +
			"Active UNIX domain sockets (servers and established)\nProto RefCnt Flags       Type       State         I-Node Path\n"},
		{in: "netstat -t", want: "Active Internet connections (w/o servers)\n" + head + "\n"},
		{in: "netstat", want: "Active Internet connections (w/o servers)\n" + head + "\n" +
			"Active UNIX domain sockets (w/o servers)\nProto RefCnt Flags       Type       State         I-Node Path\n"},
		{in: "netstat -lp -x", want: "Active UNIX domain sockets (only servers)\nProto RefCnt Flags       Type       State         I-Node" + prg + " Path\n"},
		{in: "netstat -i", want: "Kernel Interface table\nIface       MTU Met    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n" +
			"eth0     1500   0     1184      0      0      0      842      0      0      0 BMRU\n" +
			"lo      16436   0        8      0      0      0        8      0      0      0 LRU\n"},
		{in: "netstat -z", wantErr: "netstat: invalid option -- z\n" + ntNetstatUsage, status: 4},
		{in: "netstat -r -i", wantErr: ntNetstatUsage, status: 4},
	})
	// A socket closes with its process.
	k := mk(t)
	k.CloseSockets(1101)
	out, _, _ := runCmd(t, k, "netstat -lnt", "")
	if strings.Contains(out, ":111 ") {
		t.Errorf("netstat -lnt after portmap exited = %q", out)
	}
}

func TestNtPing(t *testing.T) {
	t.Parallel()
	syTable(t, ntUp("lo", "eth0"), []syCase{
		{in: "ping -c 2 localhost", want: "PING localhost.localdomain (127.0.0.1) 56(84) bytes of data.\n" +
			"64 bytes from localhost.localdomain (127.0.0.1): icmp_seq=1 ttl=64 time=0.045 ms\n" +
			"64 bytes from localhost.localdomain (127.0.0.1): icmp_seq=2 ttl=64 time=0.033 ms\n" +
			"\n--- localhost.localdomain ping statistics ---\n" +
			"2 packets transmitted, 2 received, 0% packet loss, time 999ms\n" +
			"rtt min/avg/max/mdev = 0.033/0.039/0.045/0.006 ms\n"},
		{in: "ping -c 1 127.0.0.1", want: "PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.\n" +
			"64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms\n" +
			"\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n" +
			"rtt min/avg/max/mdev = 0.045/0.045/0.045/0.000 ms\n"},
		{in: "ping -q -c 3 -s 100 lab1", want: "PING lab1 (192.168.56.10) 100(128) bytes of data.\n" +
			"\n--- lab1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 1999ms\n" +
			"rtt min/avg/max/mdev = 0.032/0.036/0.045/0.005 ms\n"},
		{in: "ping -c 1 192.168.56.77", want: "PING 192.168.56.77 (192.168.56.77) 56(84) bytes of data.\n" +
			"From 192.168.56.10 icmp_seq=1 Destination Host Unreachable\n" +
			"\n--- 192.168.56.77 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n", status: 1},
		{in: "ping -c 1 10.1.1.1", want: "PING 10.1.1.1 (10.1.1.1) 56(84) bytes of data.\n" +
			"\n--- 10.1.1.1 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n", status: 1},
		{in: "ping www.google.com", wantErr: "ping: unknown host www.google.com\n", status: 2},
		{in: "ping -c 0 localhost", wantErr: "ping: bad number of packets to transmit.\n", status: 2},
		{in: "ping", wantErr: ntPingUsage, status: 2},
	})
	syTable(t, ntUp(), []syCase{
		{in: "ping -c 1 localhost", wantErr: "connect: Network is unreachable\n", status: 2},
		{in: "ping -c 1 lab1", wantErr: "connect: Network is unreachable\n", status: 2},
	})
	// Without -c, four packets; the clock moves as the pings take time.
	k := ntUp("lo")(t)
	before := k.Clock.Now()
	out, _, st := runCmd(t, k, "ping localhost", "")
	if n := strings.Count(out, "icmp_seq="); n != 4 || st != 0 || !strings.Contains(out, "4 packets transmitted, 4 received, 0% packet loss, time 2999ms\n") {
		t.Errorf("ping localhost = %q, %d", out, st)
	}
	if d := k.Clock.Now().Sub(before); d < 3*time.Second || d > 4*time.Second {
		t.Errorf("ping localhost took %v of virtual time; want about 3s", d)
	}
}

// TestNtNetstatExtend checks -e's user and inode columns and a program
// name cut to 19 characters by -p.
func TestNtNetstatExtend(t *testing.T) {
	t.Parallel()
	k := ntUp("lo", "eth0")(t)
	k.Procs.Spawn(proc.Process{PPID: 1, UID: 0, Comm: "sshd"})
	pid, _ := k.Procs.Spawn(proc.Process{PPID: 1, UID: 51, Comm: "sendmail"})
	k.Listen("tcp", 22, 2, "sshd")
	k.Listen("tcp", 25, pid, "sendmail")
	k.Listen("tcp", 587, pid, "sendmail")
	k.Listen("tcp", 111, 1101, "portmap")
	k.Listen("udp", 111, 1101, "portmap")
	k.Listen("udp", 631, 1380, "cupsd")
	k.Listen("tcp", 631, 1380, "cupsd")
	k.Listen("tcp", 2207, 123456, "python")
	k.Listen("tcp", 40123, 123457, "rpc.statd-with-a-long-name")
	k.Listen("udp", 953, 0, "named")
	want := "Active Internet connections (only servers)\n" +
		"Proto Recv-Q Send-Q Local Address               Foreign Address             State       User       Inode      PID/Program name   \n" +
		"tcp        0      0 *:ssh                       *:*                         LISTEN      root       5157       2/sshd              \n" +
		"tcp        0      0 localhost.localdomain:smtp  *:*                         LISTEN      51         5178       3/sendmail          \n" +
		"tcp        0      0 *:sunrpc                    *:*                         LISTEN      root       5780       1101/portmap        \n" +
		"tcp        0      0 localhost.localdomain:587   *:*                         LISTEN      51         9112       3/sendmail          \n" +
		"tcp        0      0 localhost.localdomain:ipp   *:*                         LISTEN      root       9420       1380/cupsd          \n" +
		"tcp        0      0 localhost.localdomain:2207  *:*                         LISTEN      root       20452      123456/python       \n" +
		"tcp        0      0 *:40123                     *:*                         LISTEN      root       285864     123457/rpc.statd-wi \n" +
		"udp        0      0 *:sunrpc                    *:*                                     root       5780       1101/portmap        \n" +
		"udp        0      0 *:ipp                       *:*                                     root       9420       1380/cupsd          \n" +
		"udp        0      0 *:953                       *:*                                     root       11674      -                   \n" +
		"Active UNIX domain sockets (only servers)\n" +
		"Proto RefCnt Flags       Type       State         I-Node PID/Program name    Path\n"
	if out, _, st := runCmd(t, k, "netstat -lep", ""); out != want || st != 0 {
		t.Errorf("netstat -lep = %q (%d); want %q", out, st, want)
	}
}
