package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"time"

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
// colours off. Its machines have the explain program (in the UI's
// language), and its lessons keep the learner's progress.
func runTUI(l tui.Lang, stderr io.Writer, opts ...tui.Option) error {
	base := []tui.Option{
		tui.WithLang(l), tui.WithNoColor(os.Getenv("NO_COLOR") != ""),
		tui.WithLangMachineOptions(func(l tui.Lang) []sim.Option {
			return []sim.Option{sim.WithProgram(explainProgram(checkLang(l)))}
		}),
	}
	if p, err := openTUIProgress(stderr); err != nil {
		fmt.Fprintf(stderr, "rclab: lesson progress will not be kept: %v\n", err)
	} else {
		base = append(base, tui.WithLessonProgress(p))
	}
	return tui.New(append(base, opts...)...).Run()
}

// tuiProgress is the progress file as the terminal UI's lessons use it:
// every change is saved at once.
type tuiProgress struct {
	mu    sync.Mutex
	store progressStore
	prog  *Progress
	now   func() time.Time
}

var _ tui.LessonProgress = (*tuiProgress)(nil)

// openTUIProgress loads the learner's progress; a notice (a corrupt file
// set aside) is printed on stderr.
func openTUIProgress(stderr io.Writer) (*tuiProgress, error) {
	store, prog, err := loadProgress(stderr)
	if err != nil {
		return nil, err
	}
	return &tuiProgress{store: store, prog: prog, now: hostEnv.now}, nil
}

// Lesson reports lesson id's record.
func (t *tuiProgress) Lesson(id string) (completed, assisted bool, stepsDone int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	lp := t.prog.Lessons[id]
	if lp == nil {
		return false, false, 0
	}
	return lp.Completed, lp.Assisted, len(lp.StepsDone)
}

// StepDone records a step done and saves.
func (t *tuiProgress) StepDone(id string, step, steps int) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.prog.StepDone(id, step, steps)
	return t.store.Save(t.prog)
}

// LessonDone records a completion and saves.
func (t *tuiProgress) LessonDone(id string, steps, commands int, assisted bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.prog.LessonDone(id, steps, commands, assisted, t.now())
	return t.store.Save(t.prog)
}

// runApp opens a root console on a freshly booted default machine, line by
// line: rclab's fallback when standard input or output is not a terminal
// (the terminal UI needs both). Ctrl-C stops the running command, not
// rclab; end of input (Ctrl-D) logs out.
func runApp(l tui.Lang, stdin io.Reader, stdout, stderr io.Writer) error {
	m, err := sim.New(sim.WithTerminal(isTerminal(stdout)), sim.WithProgram(explainProgram(checkLang(l))))
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
