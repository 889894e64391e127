package cmds

// vmstat as in procps 3.2.7 (CentOS 5). Memory comes from the model free
// uses (psMem), the r and b columns from the process table (running and
// uninterruptible processes), and the counters of block I/O, interrupts,
// context switches and CPU time from a quiet machine that was busy while
// it booted. With a delay, each further line waits that long on the
// virtual clock, as sleep does.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"rclab/sim/internal/kernel"
)

func init() {
	Register(Command{
		Name:    "vmstat",
		Dirs:    []string{"/usr/bin"},
		Summary: "Report virtual memory statistics",
		Usage:   "vmstat [-V] [-n] [-a] [-s] [-S unit] [delay [count]]",
		Main:    vmstatMain,
		VSZ:     1900, RSS: 540,
	})
}

const vmstatUsage = `usage: vmstat [-V] [-n] [delay [count]]
              -V prints version.
              -n causes the headers not to be reprinted regularly.
              -a print inactive/active page stats.
              -d prints disk statistics
              -D prints disk table
              -p prints disk partition statistics
              -s prints vm table
              -m prints slabinfo
              -S unit size
              delay is the delay between updates in seconds. 
              unit size k:1000 K:1024 m:1000000 M:1048576 (default is K)
              count is the number of updates.
`

// vmstatMaxUpdates bounds "vmstat DELAY" without a count, which runs until
// interrupted on a real system: the simulation stops after this many
// lines, as if the user pressed Ctrl-C then.
const vmstatMaxUpdates = 10

// vmstatHeight is how many lines come between headers on a 24-line
// terminal (procps: rows - 3).
const vmstatHeight = 21

func vmstatMain(p *Proc) int {
	usage := func() int {
		fmt.Fprint(p.Stderr, vmstatUsage)
		return 1
	}
	var active, table, noHeaders bool
	unit := "K"
	delay, count, haveDelay, haveCount := 0, 1, false, false
	args := p.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			switch a[1] {
			case 'V':
				fmt.Fprintln(p.Stdout, psVersion)
				return 0
			case 'a':
				active = true
			case 's':
				table = true
			case 'n':
				noHeaders = true
			case 'S':
				v := a[2:]
				if v == "" && i+1 < len(args) {
					i++
					v = args[i]
				}
				if v != "k" && v != "K" && v != "m" && v != "M" {
					fmt.Fprintf(p.Stderr, "-S requires k, K, m or M (default is kb)\n")
					return 1
				}
				unit = v
			default:
				return usage()
			}
			continue
		}
		n, err := strconv.Atoi(a)
		if err != nil || n < 0 {
			return usage()
		}
		switch {
		case !haveDelay:
			delay, haveDelay = n, true
		case !haveCount:
			count, haveCount = n, true
		default:
			return usage()
		}
	}
	conv := func(kib int) int {
		switch unit {
		case "k":
			return kib * 1024 / 1000
		case "m":
			return kib * 1024 / 1000000
		case "M":
			return kib / 1024
		}
		return kib
	}
	if table {
		c := vmstatCounters(p.Sys)
		m := psMem(p.Sys)
		var b strings.Builder
		for _, row := range []struct {
			v    int64
			name string
		}{
			{int64(conv(m.total)), unit + " total memory"}, {int64(conv(m.used)), unit + " used memory"},
			{int64(conv(vmstatActive(m))), unit + " active memory"}, {int64(conv(vmstatInactive(m))), unit + " inactive memory"},
			{int64(conv(m.free)), unit + " free memory"}, {int64(conv(m.buffers)), unit + " buffer memory"},
			{int64(conv(m.cached)), unit + " swap cache"}, {int64(conv(m.swapTotal)), unit + " total swap"},
			{int64(conv(m.swapUsed)), unit + " used swap"}, {int64(conv(m.swapFree)), unit + " free swap"},
			{c.user, "non-nice user cpu ticks"}, {c.nice, "nice user cpu ticks"}, {c.sys, "system cpu ticks"},
			{c.idle, "idle cpu ticks"}, {c.wait, "IO-wait cpu ticks"}, {c.irq, "IRQ cpu ticks"},
			{c.softirq, "softirq cpu ticks"}, {0, "stolen cpu ticks"},
			{c.bi, "pages paged in"}, {c.bo, "pages paged out"}, {0, "pages swapped in"}, {0, "pages swapped out"},
			{c.intr, "interrupts"}, {c.ctxt, "CPU context switches"}, {p.Sys.Boot().Unix(), "boot time"},
			{c.forks, "forks"},
		} {
			fmt.Fprintf(&b, "%13d %s\n", row.v, row.name)
		}
		p.Printf("%s", b.String())
		return 0
	}
	if !haveDelay {
		delay = 0
	}
	infinite := haveDelay && !haveCount
	if infinite {
		count = vmstatMaxUpdates
	}
	if haveDelay && delay == 0 {
		// procps takes a zero delay as a single report.
		count, infinite = 1, false
	}
	header := func() string {
		buff, cache := "buff", "cache"
		if active {
			buff, cache = "inact", "active"
		}
		return "procs -----------memory---------- ---swap-- -----io---- --system-- -----cpu------\n" +
			fmt.Sprintf("%2s %2s %6s %6s %6s %6s %4s %4s %5s %5s %4s %4s %2s %2s %2s %2s %2s\n",
				"r", "b", "swpd", "free", buff, cache, "si", "so", "bi", "bo", "in", "cs", "us", "sy", "id", "wa", "st")
	}
	line := func(prev, cur vmstatIO) string {
		r, b := vmstatRunnable(p.Sys)
		m := psMem(p.Sys)
		buff, cache := m.buffers, m.cached
		if active {
			buff, cache = vmstatInactive(m), vmstatActive(m)
		}
		secs := float64(cur.jiffies-prev.jiffies) / vmstatHZ
		if secs <= 0 {
			secs = 1
		}
		rate := func(a, b int64) int64 { return int64(float64(b-a)/secs + 0.5) }
		total := cur.jiffies - prev.jiffies
		pct := func(a, b int64) int64 {
			if total <= 0 {
				return 0
			}
			return (100*(b-a) + total/2) / total
		}
		return fmt.Sprintf("%2d %2d %6d %6d %6d %6d %4d %4d %5d %5d %4d %4d %2d %2d %2d %2d %2d\n",
			r, b, conv(m.swapUsed), conv(m.free), conv(buff), conv(cache), 0, 0,
			rate(prev.bi, cur.bi), rate(prev.bo, cur.bo), rate(prev.intr, cur.intr), rate(prev.ctxt, cur.ctxt),
			pct(prev.user+prev.nice, cur.user+cur.nice), pct(prev.sys+prev.irq+prev.softirq, cur.sys+cur.irq+cur.softirq),
			pct(prev.idle, cur.idle), pct(prev.wait, cur.wait), 0)
	}
	var out strings.Builder
	out.WriteString(header())
	cur := vmstatCounters(p.Sys)
	out.WriteString(line(vmstatIO{}, cur))
	for i := 1; i < count; i++ {
		if p.Canceled() {
			break
		}
		p.Sys.Clock.Advance(time.Duration(delay) * time.Second)
		prev := cur
		cur = vmstatCounters(p.Sys)
		if !noHeaders && i%vmstatHeight == 0 {
			out.WriteString(header())
		}
		out.WriteString(line(prev, cur))
	}
	p.Printf("%s", out.String())
	return 0
}

// vmstatHZ is the rate of the CPU time counters (USER_HZ).
const vmstatHZ = 100

// vmstatIO is the machine's cumulative counters since boot, as
// /proc/stat and /proc/vmstat give them.
type vmstatIO struct {
	jiffies                                   int64 // all CPU time
	user, nice, sys, idle, wait, irq, softirq int64 // CPU time by kind
	bi, bo, intr, ctxt, forks                 int64
}

// vmstatCounters models the counters of a quiet machine: the boot reads
// about 50 MB from disk and keeps the CPU busy for some seconds; after
// that a timer interrupt a millisecond, a few dozen context switches and
// a little disk writing each second.
func vmstatCounters(k *kernel.Kernel) vmstatIO {
	ms := k.Clock.Now().Sub(k.Boot()).Milliseconds()
	if ms < 1000 {
		ms = 1000
	}
	s := ms / 1000
	var c vmstatIO
	c.jiffies = ms * vmstatHZ / 1000
	c.user = 150 + ms/900
	c.sys = 280 + ms/700
	c.wait = 410 + ms/9000
	c.irq = 12 + ms/30000
	c.softirq = 25 + ms/20000
	c.idle = max(c.jiffies-c.user-c.sys-c.wait-c.irq-c.softirq, 0)
	c.bi = 48312 + s/20
	c.bo = 6120 + s*3 + (s/5)*2
	c.intr = 4217 + ms + s*9
	c.ctxt = 21430 + s*31 + (s*7)%11
	c.forks = 1080 + int64(k.Procs.Len()) + s/60
	return c
}

// vmstatRunnable counts the processes running (r) and those in
// uninterruptible sleep (b).
func vmstatRunnable(k *kernel.Kernel) (r, b int) {
	for _, pr := range k.Procs.List() {
		switch pr.State {
		case 'R':
			r++
		case 'D':
			b++
		}
	}
	return r, b
}

// vmstatActive and vmstatInactive split the memory in use as the
// kernel's LRU lists would: the programs and half the page cache are
// active, the rest of the cache and the buffers inactive.
func vmstatActive(m psMemStats) int {
	return max(m.used-m.buffers-m.cached, 0) + m.cached/2
}

func vmstatInactive(m psMemStats) int {
	return m.buffers + m.cached - m.cached/2
}
