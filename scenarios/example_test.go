package scenarios_test

import (
	"fmt"

	"rclab/scenarios"
	"rclab/sim"
)

// A candidate's session of E02, rebuilt from its actions and scored.
func Example() {
	list, err := scenarios.LoadAll(scenarios.Content())
	if err != nil {
		panic(err)
	}
	v, err := scenarios.Find(list, "E02").Variant(1)
	if err != nil {
		panic(err)
	}
	actions := []sim.Action{
		{Kind: sim.Type, Line: "sed -i 's/^id:5:/id:3:/' /etc/inittab"},
		{Kind: sim.Type, Line: "runlevel"},
	}
	sess, results, err := scenarios.Replay(v, actions, sim.WithTerminal(false))
	if err != nil {
		panic(err)
	}
	fmt.Print(results[1].Output)
	score := sess.Score()
	for _, c := range score.Checks {
		fmt.Printf("%-20s %d/%d\n", c.ID, c.Earned, c.Points)
	}
	fmt.Printf("total %d/%d\n", score.Total, score.Max)
	// Output:
	// N 5
	// default-3            3/3
	// runlevel-3           0/3
	// no-display-manager   0/2
	// total 3/8
}
