package check

import (
	"fmt"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// RSSTotal checks the resident memory of daemons: the RSS of the
// processes named in of (masters, workers and any other process of those
// names), or of every standalone daemon's master and workers
// (all_daemons), summed, must not exceed max_kb.
//
//	rss_total: {all_daemons: true, max_kb: 60000}
//	rss_total: {of: [httpd, mysqld], max_kb: 20000}
type RSSTotal struct {
	Of         []Name `yaml:"of"`
	AllDaemons bool   `yaml:"all_daemons"`
	MaxKB      int    `yaml:"max_kb,required"`
}

// ValidateStrict requires exactly one of of and all_daemons.
func (r *RSSTotal) ValidateStrict(n *strict.Node) {
	switch {
	case len(r.Of) == 0 && !r.AllDaemons:
		n.Errorf("\"rss_total\" needs \"of\" (a list of program names) or \"all_daemons: true\"")
	case len(r.Of) > 0 && r.AllDaemons:
		n.Key("all_daemons").Errorf("\"rss_total\" takes \"of\" or \"all_daemons\", not both")
	}
	if r.MaxKB <= 0 {
		n.Value("max_kb").Errorf("\"max_kb\" should be a positive number of KiB")
	}
}

func (r *RSSTotal) eval(m *sim.Machine, e *env) Outcome {
	var what Text
	if r.AllDaemons {
		what = T("the standalone daemons (masters and workers)", "독립형 데몬(마스터와 작업자)")
	} else {
		var names []string
		for _, n := range r.Of {
			names = append(names, string(n))
		}
		what = Tf("the %s processes", "%s 프로세스", strings.Join(names, ", "))
	}
	exp := Text{
		En: fmt.Sprintf("the total RSS of %s to be at most %d KiB", what[En], r.MaxKB),
		Ko: fmt.Sprintf("%s의 RSS 합계가 %d KiB 이하일 것", what[Ko], r.MaxKB),
	}
	sum, count := 0, 0
	for _, p := range e.processes(m) {
		if r.counts(p) {
			sum += p.RSS
			count++
		}
	}
	found := Tf("%d KiB in %d processes", "프로세스 %[2]d개에서 %[1]d KiB", sum, count)
	return pass(sum <= r.MaxKB, exp, found)
}

func (r *RSSTotal) counts(p sim.Process) bool {
	if p.Kernel {
		return false
	}
	if r.AllDaemons {
		return p.Daemon != "" || p.Worker
	}
	for _, n := range r.Of {
		if procMatches(p, string(n)) {
			return true
		}
	}
	return false
}
