package initd

import (
	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// kernelThreads are the kernel threads of a CentOS 5 (2.6.18, i686, one
// CPU) machine in the order they start; those listed after kthread are its
// children, as on the real kernel.
var kernelThreads = []struct {
	name      string
	byKthread bool
	nice      int
}{
	{"migration/0", false, -5}, {"ksoftirqd/0", false, 19}, {"watchdog/0", false, -5},
	{"events/0", false, -5}, {"khelper", false, -5}, {"kthread", false, -5},
	{"kblockd/0", true, -5}, {"kacpid", true, -5}, {"cqueue/0", true, -5},
	{"khubd", true, -5}, {"kseriod", true, -5}, {"pdflush", true, 0}, {"pdflush", true, 0},
	{"kswapd0", true, -5}, {"aio/0", true, -5}, {"kpsmoused", true, -5},
	{"ata/0", true, -5}, {"ata_aux", true, -5}, {"scsi_eh_0", true, -5}, {"scsi_eh_1", true, -5},
	{"kstriped", true, -5}, {"kjournald", true, -5}, {"kauditd", true, -5},
	{"kmpathd/0", true, -5}, {"kmpath_handlerd", true, -5}, {"kjournald", true, -5},
}

// spawnKernelThreads starts the kernel's threads right after init.
func spawnKernelThreads(k *kernel.Kernel) {
	kthread := 1
	for _, t := range kernelThreads {
		ppid := 1
		if t.byKthread {
			ppid = kthread
		}
		pid, err := k.Procs.Spawn(proc.Process{
			PPID: ppid, State: 'S', Kernel: true, Nice: t.nice, Comm: t.name,
			Start: k.Clock.Now(),
		})
		if err == nil && t.name == "kthread" {
			kthread = pid
		}
	}
}
