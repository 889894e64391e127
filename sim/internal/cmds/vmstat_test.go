package cmds

import (
	"strings"
	"testing"
	"time"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// vmstatKernel is a machine up for 95 seconds with a few processes: one
// running, one in uninterruptible sleep.
func vmstatKernel(t testing.TB) *kernel.Kernel {
	t.Helper()
	k := rpmKernel(t)
	k.SetBoot(k.Clock.Now())
	k.Clock.Advance(95 * time.Second)
	for _, pr := range []proc.Process{
		{PPID: 1, Comm: "sshd", Args: []string{"/usr/sbin/sshd"}, Exe: "/usr/sbin/sshd", State: 'S', RSS: 1000},
		{PPID: 1, Comm: "kjournald", Args: []string{"kjournald"}, Kernel: true, State: 'D'},
	} {
		if _, err := k.Procs.Spawn(pr); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

const vmstatHead = "procs -----------memory---------- ---swap-- -----io---- --system-- -----cpu------\n" +
	" r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n"

func TestVmstat(t *testing.T) {
	t.Parallel()
	first := " 1  1      0 412678  11265  68105    0    0   509    68 1053  257  3  5 88  4  0\n"
	tests := []struct {
		in, want, wantErr string
		status            int
		elapsed           time.Duration
	}{
		{in: "vmstat", want: vmstatHead + first},
		{in: "vmstat 2 3", elapsed: 4 * time.Second, want: vmstatHead + first +
			" 1  1      0 412678  11265  68105    0    0     0     3 1009   33  1  2 98  0  0\n" +
			" 1  1      0 412678  11265  68105    0    0     0     3 1009   27  2  2 97  1  0\n"},
		{in: "vmstat -n 1 2", elapsed: time.Second, want: vmstatHead + first +
			" 1  1      0 412678  11265  68105    0    0     0     3 1009   27  1  2 97  0  0\n"},
		{in: "vmstat 0 5", want: vmstatHead + first},
		{in: "vmstat -S M", want: vmstatHead + " 1  1      0    403     11     66    0    0   509    68 1053  257  3  5 88  4  0\n"},
		{in: "vmstat -a", want: strings.Replace(vmstatHead, "  buff  cache", " inact active", 1) +
			" 1  1      0 412678  45318  58120    0    0   509    68 1053  257  3  5 88  4  0\n"},
		{in: "vmstat -V", want: "procps version 3.2.7\n"},
		{in: "vmstat -S x", wantErr: "-S requires k, K, m or M (default is kb)\n", status: 1},
		{in: "vmstat -z", wantErr: vmstatUsage, status: 1},
		{in: "vmstat 1 2 3", wantErr: vmstatUsage, status: 1},
		{in: "vmstat soon", wantErr: vmstatUsage, status: 1},
	}
	for _, tt := range tests {
		k := vmstatKernel(t)
		start := k.Clock.Now()
		out, errs, st := rpmRunAs(t, k, 0, "/root", tt.in)
		if out != tt.want || errs != tt.wantErr || st != tt.status {
			t.Errorf("%s = %q, %q, %d; want %q, %q, %d", tt.in, out, errs, st, tt.want, tt.wantErr, tt.status)
		}
		if got := k.Clock.Now().Sub(start); got != tt.elapsed {
			t.Errorf("%s: the clock moved %v; want %v", tt.in, got, tt.elapsed)
		}
	}
}

// TestVmstatRepeats: without a count, vmstat goes on (here, until its
// bound), and the header comes back every 21 lines unless -n.
func TestVmstatRepeats(t *testing.T) {
	t.Parallel()
	k := vmstatKernel(t)
	out, _, _ := rpmRunAs(t, k, 0, "/root", "vmstat 1")
	if n := strings.Count(out, "\n"); n != 2+vmstatMaxUpdates {
		t.Errorf("vmstat 1 printed %d lines; want %d", n, 2+vmstatMaxUpdates)
	}
	out, _, _ = rpmRunAs(t, k, 0, "/root", "vmstat 1 45")
	if n := strings.Count(out, "procs ---"); n != 3 {
		t.Errorf("vmstat 1 45 printed %d headers; want 3", n)
	}
	out, _, _ = rpmRunAs(t, k, 0, "/root", "vmstat -n 1 45")
	if n := strings.Count(out, "procs ---"); n != 1 {
		t.Errorf("vmstat -n 1 45 printed %d headers; want 1", n)
	}
}

func TestVmstatTable(t *testing.T) {
	t.Parallel()
	k := vmstatKernel(t)
	out, _, _ := rpmRunAs(t, k, 0, "/root", "vmstat -s")
	for _, want := range []string{"       516116 K total memory\n", "      1048568 K total swap\n", "   1412586000 boot time\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("vmstat -s = %q; want a line %q", out, want)
		}
	}
}
