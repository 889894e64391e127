package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"

	"rclab/sim"
)

// runApp opens a root console on a freshly booted default machine in the
// user's terminal, line by line. Ctrl-C stops the running command, not
// rclab; end of input (Ctrl-D) logs out.
func runApp(stdin io.Reader, stdout, stderr io.Writer) error {
	m, err := sim.New(sim.WithTerminal(isTerminal(stdout)))
	if err != nil {
		return err
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	go func() {
		for range sigs {
			m.Interrupt()
		}
	}()
	fmt.Fprintf(stdout, "%s\nKernel %s on an %s\n\n%s login: root\n", "CentOS release 5.11 (Final)", "2.6.18-398.el5", "i686", m.Hostname())
	sc := bufio.NewScanner(stdin)
	for {
		fmt.Fprint(stdout, m.Prompt())
		if !sc.Scan() {
			fmt.Fprintln(stdout, "logout")
			return sc.Err()
		}
		res, err := m.Apply(sim.Action{Kind: sim.Type, Line: sc.Text()})
		if err != nil {
			return err
		}
		io.WriteString(stdout, res.Output)
		switch {
		case res.Down:
			fmt.Fprintf(stdout, "rclab: the machine is down: %s\n", m.Down())
			return nil
		case res.LoggedOut:
			fmt.Fprintln(stdout, "logout")
			return nil
		}
	}
}
