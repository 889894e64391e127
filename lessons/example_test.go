package lessons_test

import (
	"fmt"

	"rclab/lessons"
	"rclab/lessons/check"
	"rclab/sim"
)

// A lesson played headless: type lines, read the check's explanation,
// and let the player move on when a step is done.
func ExampleNewPlayer() {
	all, err := lessons.LoadAll(lessons.Content())
	if err != nil {
		panic(err)
	}
	p, err := lessons.NewPlayer(lessons.Find(all, "L05"), sim.WithTerminal(false))
	if err != nil {
		panic(err)
	}
	o, _, _ := p.Check()
	fmt.Println(o.Explain(check.En))
	t, _ := p.Type("runlevel > ~/answers/l05.txt")
	fmt.Println("completed steps:", t.Completed, "now at step", p.StepIndex()+1)
	t, _ = p.Type("telinit 3")
	fmt.Println("completed steps:", t.Completed)
	s := p.Summary()
	fmt.Printf("%s: %d of %d steps, %d commands\n", s.LessonID, s.Completed, s.Steps, s.Commands)
	// Output:
	// expected line 1 of /root/answers/l05.txt to be "N 5" (what runlevel prints); found /root/answers/l05.txt does not exist
	// completed steps: [0] now at step 2
	// completed steps: [1]
	// L05-runlevels: 2 of 4 steps, 2 commands
}
