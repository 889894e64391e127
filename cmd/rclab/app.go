package main

import (
	"bufio"
	"fmt"
	"io"

	"rclab/sim"
)

// runApp opens the interactive machine on the user's terminal: a root
// console on the default image.
func runApp(stdin io.Reader, stdout, stderr io.Writer) error {
	m, err := sim.New(sim.WithTerminal(isTerminal(stdout)))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\nKernel %s on an %s\n\n", "CentOS release 5.11 (Final)", "2.6.18-398.el5", "i686")
	sc := bufio.NewScanner(stdin)
	for {
		fmt.Fprint(stdout, m.Prompt())
		if !sc.Scan() {
			fmt.Fprintln(stdout, "logout")
			return nil
		}
		res, err := m.Apply(sim.Action{Kind: sim.Type, Line: sc.Text()})
		if err != nil {
			return err
		}
		io.WriteString(stdout, res.Output)
		if res.LoggedOut {
			fmt.Fprintln(stdout, "logout")
			return nil
		}
	}
}
