package kernel

import (
	"fmt"
	"time"
)

// Job is a background job of a terminal's shell, as bash's job table
// keeps it.
type Job struct {
	ID    int
	PID   int
	TTY   string
	Cmd   string
	State string // "Running", "Stopped", "Done", "Exit N", "Terminated"
	// Until, when set, is when a running job finishes on the virtual clock
	// (a background sleep).
	Until time.Time
}

// Listed is the job's line as bash lists it (jobs, and the notice of a
// job that ended), without the newline: its number, mark ('+' the
// current job, '-' the previous one, ' ' the others), state padded to 24
// columns, and its command, with " &" while it runs in the background
// ("[1]+  Running                 sleep 10 &", "[1]+  Done
// sleep 10"; bash's print_pipeline).
func (j Job) Listed(mark rune) string {
	cmd := j.Cmd
	if j.State == "Running" {
		cmd += " &"
	}
	return fmt.Sprintf("[%d]%c  %-24s%s", j.ID, mark, j.State, cmd)
}

// AddJob enters a background job and returns its number. cmd is its
// command as bash's job table shows it: as typed, normalized by bash's
// printer ("sleep 10", `echo "a b" > f`), not the expanded argv.
func (k *Kernel) AddJob(tty string, pid int, cmd string) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	id := 1
	for _, j := range k.jobs {
		if j.TTY == tty && j.ID >= id {
			id = j.ID + 1
		}
	}
	k.jobs = append(k.jobs, Job{ID: id, PID: pid, TTY: tty, Cmd: cmd, State: "Running"})
	return id
}

// SetJobState changes the state of the job whose process is pid.
func (k *Kernel) SetJobState(pid int, state string, until time.Time) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.jobs {
		if k.jobs[i].PID == pid {
			k.jobs[i].State = state
			k.jobs[i].Until = until
		}
	}
}

// Jobs lists the jobs of tty.
func (k *Kernel) Jobs(tty string) []Job {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []Job
	for _, j := range k.jobs {
		if j.TTY == tty {
			out = append(out, j)
		}
	}
	return out
}

// JobNotices returns bash's notices for jobs of tty that ended since the
// last call ("[1]+  Done                    sleep 5") and forgets them.
func (k *Kernel) JobNotices(tty string) []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []string
	keep := k.jobs[:0]
	last := 0
	for _, j := range k.jobs {
		if j.TTY == tty && j.ID > last {
			last = j.ID
		}
	}
	for _, j := range k.jobs {
		if j.TTY == tty && j.State != "Running" && j.State != "Stopped" {
			mark := '-'
			if j.ID == last {
				mark = '+'
			}
			out = append(out, j.Listed(mark))
			continue
		}
		keep = append(keep, j)
	}
	k.jobs = keep
	return out
}

// JobsDue returns the running jobs whose time has come at now.
func (k *Kernel) JobsDue(now time.Time) []Job {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []Job
	for _, j := range k.jobs {
		if j.State == "Running" && !j.Until.IsZero() && !j.Until.After(now) {
			out = append(out, j)
		}
	}
	return out
}

// JobEnded records that the process of a running or stopped job ended,
// with bash's word for how ("Done", "Terminated", "Killed").
func (k *Kernel) JobEnded(pid int, how string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.jobs {
		if k.jobs[i].PID == pid && (k.jobs[i].State == "Running" || k.jobs[i].State == "Stopped") {
			k.jobs[i].State = how
		}
	}
}
