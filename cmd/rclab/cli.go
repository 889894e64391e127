package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// exitError carries an exit status out of a cobra command.
type exitError struct{ status int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.status) }

// run is the whole program with its inputs made explicit, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.status
	}
	fmt.Fprintf(stderr, "rclab: %v\n", err)
	return 2
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var lang string
	root := &cobra.Command{
		Use:           "rclab",
		Short:         "A sandboxed CentOS 5 machine for learning SysV init and runlevels",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := uiLang(lang)
			if err != nil {
				return err
			}
			if isTerminal(stdin) && isTerminal(stdout) {
				return runTUI(l, stderr)
			}
			return runApp(l, stdin, stdout, stderr)
		},
	}
	root.Flags().StringVar(&lang, "lang", "", "language of the terminal UI: en or ko (default: from LC_ALL, LC_MESSAGES or LANG)")
	root.AddCommand(newExecCmd(stdin, stdout, stderr), newGradeCmd(stdout, stderr), newDevCmd(stdout))
	addLessonCommands(root, stdin, stdout, stderr)
	addExamCommands(root, stdin, stdout, stderr)
	return root
}

// isTerminal reports whether w is the process's terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
