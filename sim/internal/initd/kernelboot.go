package initd

import (
	"fmt"
	"os"
	"strings"

	"rclab/sim/internal/kernel"
	"rclab/sim/internal/proc"
)

// The kernel's part of a boot: the command line GRUB passed, the files of
// /proc that scripts read, and the ring buffer dmesg prints.

// KernelArgs is the kernel line of the image's grub.conf after the image.
const KernelArgs = "ro root=/dev/VolGroup00/LogVol00 rhgb quiet"

// kernelBoot writes /proc/cmdline, /proc/version and /proc/meminfo and
// fills the ring buffer, as the kernel has done by the time init starts.
func kernelBoot(k *kernel.Kernel, args []string) {
	info := k.Info()
	cmdline := strings.TrimSpace(KernelArgs + " " + strings.Join(args, " "))
	version := fmt.Sprintf("Linux version %s (mockbuild@builder10.centos.org) (gcc version 4.1.2 20080704 (Red Hat 4.1.2-55)) #1 SMP Tue Sep 16 20:51:48 EDT 2014", info.Kernel)
	write := func(name, content string) {
		f, err := k.FS.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o444)
		if err == nil {
			f.Write([]byte(content))
			f.Close()
		}
	}
	k.WtmpClose("", k.Clock.Now(), true)
	k.WtmpAdd(kernel.WtmpRecord{User: "reboot", TTY: "system boot", Host: info.Kernel, Login: k.Clock.Now()})
	k.FS.MkdirAll("/proc", 0o555)
	write("/proc/cmdline", cmdline+"\n")
	write("/proc/version", version+"\n")
	write("/proc/meminfo", fmt.Sprintf("MemTotal:       %8d kB\nMemFree:        %8d kB\nBuffers:        %8d kB\nCached:         %8d kB\nSwapTotal:      %8d kB\nSwapFree:       %8d kB\n",
		proc.MemTotalKiB, proc.MemTotalKiB*6/10, 15836, 98140, 1048568, 1048568))
	k.Dmesg(
		version,
		"BIOS-provided physical RAM map:",
		" BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)",
		" BIOS-e820: 0000000000100000 - 000000001fff0000 (usable)",
		"511MB LOWMEM available.",
		"Kernel command line: "+cmdline,
		"Initializing CPU#0",
		fmt.Sprintf("Memory: %dk/524224k available (2113k kernel code, 7556k reserved, 866k data, 228k init, 0k highmem)", proc.MemTotalKiB),
		"Checking if this processor honours the WP bit even in supervisor mode... Ok.",
		"NET: Registered protocol family 2",
		"Freeing unused kernel memory: 228k freed",
		"SCSI subsystem initialized",
		"sd 0:0:0:0: Attached scsi disk sda",
		"EXT3-fs: mounted filesystem with ordered data mode.",
		"kjournald starting.  Commit interval 5 seconds",
		"e1000: eth0: e1000_probe: Intel(R) PRO/1000 Network Connection",
		"Adding 1048568k swap on /dev/VolGroup00/LogVol01.  Priority:-1 extents:1 across:1048568k",
	)
}
