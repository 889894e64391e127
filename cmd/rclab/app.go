package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"

	"rclab/cmd/rclab/tui"
	"rclab/sim"
)

// uiLang is the terminal UI's language: --lang (en or ko) when given,
// else the locale's.
func uiLang(flag string) (tui.Lang, error) {
	if flag == "" {
		return tui.LangFromEnv(os.Getenv), nil
	}
	l, ok := tui.ParseLang(flag)
	if !ok {
		return l, fmt.Errorf("--lang must be en or ko, not %q", flag)
	}
	return l, nil
}

// runTUI opens the terminal UI in the user's terminal; NO_COLOR turns its
// colours off.
func runTUI(l tui.Lang) error {
	return tui.New(tui.WithLang(l), tui.WithNoColor(os.Getenv("NO_COLOR") != "")).Run()
}

// runApp opens a root console on a freshly booted default machine, line by
// line: rclab's fallback when standard input or output is not a terminal
// (the terminal UI needs both). Ctrl-C stops the running command, not
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
