package scenarios

import (
	"rclab/lessons/check"
	"rclab/sim"
)

// denyOptions are the machine options that refuse the programs to the
// candidate.
func denyOptions(names []check.Name) []sim.Option {
	if len(names) == 0 {
		return nil
	}
	progs := make([]string, len(names))
	for i, n := range names {
		progs[i] = string(n)
	}
	return []sim.Option{sim.WithDenied(progs...)}
}
