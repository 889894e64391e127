package kernel

import (
	"slices"
	"testing"
	"time"

	"rclab/vfs"
)

// TestJobListed checks jobs' lines against bash's print_pipeline: a job
// running in the background ends in " &", the others do not.
func TestJobListed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		j    Job
		mark rune
		want string
	}{
		{Job{ID: 1, State: "Running", Cmd: "sleep 10"}, '+', "[1]+  Running                 sleep 10 &"},
		{Job{ID: 2, State: "Running", Cmd: `echo "a b" > f`}, '-', `[2]-  Running                 echo "a b" > f &`},
		{Job{ID: 1, State: "Done", Cmd: "sleep 10"}, '+', "[1]+  Done                    sleep 10"},
		{Job{ID: 3, State: "Stopped", Cmd: "telnet localhost"}, ' ', "[3]   Stopped                 telnet localhost"},
		{Job{ID: 1, State: "Terminated", Cmd: "sleep $T"}, '+', "[1]+  Terminated              sleep $T"},
	}
	for _, tc := range tests {
		if got := tc.j.Listed(tc.mark); got != tc.want {
			t.Errorf("%+v.Listed(%q) = %q; want %q", tc.j, tc.mark, got, tc.want)
		}
	}
}

// TestJobNotices checks the notices of ended jobs: the command as the
// job table keeps it, the current job marked +.
func TestJobNotices(t *testing.T) {
	t.Parallel()
	k := New(vfs.New(), Info{}, time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC), 1)
	k.AddJob("tty1", 100, `sleep "5"`)
	k.AddJob("tty1", 101, "sleep 10 > /dev/null")
	k.AddJob("tty2", 102, "sleep 1")
	k.JobEnded(100, "Done")
	k.JobEnded(101, "Terminated")
	got := k.JobNotices("tty1")
	want := []string{`[1]-  Done                    sleep "5"`, "[2]+  Terminated              sleep 10 > /dev/null"}
	if !slices.Equal(got, want) {
		t.Errorf("JobNotices(tty1) = %q; want %q", got, want)
	}
	if got := k.JobNotices("tty2"); got != nil {
		t.Errorf("JobNotices(tty2) = %q; want none (its job runs)", got)
	}
	if jobs := k.Jobs("tty1"); len(jobs) != 0 {
		t.Errorf("Jobs(tty1) after the notices = %+v; want none", jobs)
	}
}
