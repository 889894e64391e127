package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"rclab/sim"
)

type execFlags struct {
	image    string
	seed     uint64
	color    string
	echo     bool
	command  string
	noBoot   bool
	showBoot bool
	bootArgs string
	lang     string

	// Exam sessions (examcmd.go).
	scenario, student, record, keyFile, scenarioDir string
	resume                                          bool
}

func newExecCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var fl execFlags
	cmd := &cobra.Command{
		Use:   "exec [FILE|-]",
		Short: "Run command lines on a fresh machine and print what its terminal shows",
		Long: `exec builds a machine, runs each line of its input as if typed at the root
prompt (multi-line constructs continue as in an interactive shell) and prints
exactly what the terminal would show. The exit status is the last command's.

With --scenario ID it is a candidate's exam session instead: the scenario's
machine (variant drawn from --seed, 1 by default), each line echoed after its
prompt, recorded to --record FILE (signed with --key-file) as the exam screen
records it. Besides command lines: boot [ARGS] when the machine is off,
:wait DURATION, :ctrlaltdel and :submit. Time is the machine's virtual clock:
at the time limit the session submits itself and the rest of the input is not
run. The session goes to standard output; the score report goes to standard
error. The exit status is 0 for full marks, 1 otherwise.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var in io.Reader = stdin
			switch {
			case fl.command != "":
				if len(args) > 0 {
					return fmt.Errorf("exec: give either -c or a file, not both")
				}
				in = strings.NewReader(fl.command)
			case len(args) == 1 && args[0] != "-":
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				in = f
			}
			if err := examUsage(cmd.Flags(), fl); err != nil {
				return err
			}
			run := func() (int, error) { return execSession(fl, in, stdout) }
			if fl.scenario != "" {
				run = func() (int, error) { return runExamExec(fl, in, stdout, stderr) }
			}
			st, err := run()
			if err != nil {
				return err
			}
			if st != 0 {
				return exitError{st}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.image, "image", "centos5", "base image of the machine")
	f.Uint64Var(&fl.seed, "seed", 1, "seed of the machine's random source (with --scenario: also draws the variant; recorded)")
	f.StringVar(&fl.color, "color", "auto", "colour output: auto, always or never")
	f.BoolVar(&fl.echo, "echo", false, "print each prompt and command line before its output")
	f.StringVarP(&fl.command, "command", "c", "", "command lines to run instead of a file")
	f.BoolVar(&fl.noBoot, "no-boot", false, "do not boot: a root shell on the bare image, no processes")
	f.BoolVar(&fl.showBoot, "show-boot", false, "print the console output of the boot first")
	f.StringVar(&fl.bootArgs, "boot-args", "", "words to append to the kernel command line (single, 1, 3, emergency…)")
	f.StringVar(&fl.lang, "lang", "", "language of rclab's own programs (explain): en or ko (default: from LC_ALL, LC_MESSAGES, LANG)")
	addExamFlags(f, &fl)
	return cmd
}

// execSession runs the lines of in on a new machine and returns the last
// status.
func execSession(fl execFlags, in io.Reader, out io.Writer) (int, error) {
	tty := false
	switch fl.color {
	case "always":
		tty = true
	case "never":
	case "auto":
		tty = isTerminal(out)
	default:
		return 0, fmt.Errorf("exec: --color must be auto, always or never, not %q", fl.color)
	}
	l, err := lessonLang(fl.lang, hostEnv.getenv)
	if err != nil {
		return 0, fmt.Errorf("exec: %w", err)
	}
	m, err := sim.New(sim.WithImage(fl.image), sim.WithSeed(fl.seed), sim.WithTerminal(tty),
		sim.WithBoot(!fl.noBoot), sim.WithBootArgs(strings.Fields(fl.bootArgs)...), sim.WithProgram(explainProgram(l)))
	if err != nil {
		return 0, err
	}
	if fl.showBoot {
		io.WriteString(out, m.BootLog())
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	go func() {
		for range sigs {
			m.Interrupt()
		}
	}()
	status, reading, noEcho := 0, false, false
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m.Down() != "" {
			return downStatus, reportDown(out, m, line, sc)
		}
		if fl.echo && !noEcho { // a password prompt echoes nothing, not even the newline
			fmt.Fprintf(out, "%s%s\n", m.Prompt(), line)
		}
		res, err := m.Apply(sim.Action{Kind: sim.Type, Line: line})
		if err != nil {
			return 0, err
		}
		io.WriteString(out, res.Output)
		reading, noEcho = res.Reading, res.NoEcho
		if !res.Incomplete && !reading {
			status = res.Status
		}
		if res.Down {
			return downStatus, reportDown(out, m, "", sc)
		}
		if res.LoggedOut {
			if fl.echo {
				fmt.Fprintln(out, "logout")
			}
			return status, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	// The end of the input is end of file for a program still reading it
	// (cat, read), as for bash reading a script from its standard input.
	for tries := 0; reading && tries < 100; tries++ {
		res, err := m.Apply(sim.Action{Kind: sim.EndOfInput})
		if err != nil {
			return 0, err
		}
		io.WriteString(out, res.Output)
		status, reading = res.Status, res.Reading
		if res.Down {
			return downStatus, nil
		}
	}
	if m.Pending() {
		fmt.Fprint(out, "-bash: syntax error: unexpected end of file\n")
		status = 2
	}
	return status, nil
}

// downStatus is rclab exec's exit status when the machine went down
// before the input ended.
const downStatus = 125

// reportDown tells which input lines were not run because the machine is
// off: first (if not empty) and the rest of sc.
func reportDown(out io.Writer, m *sim.Machine, first string, sc *bufio.Scanner) error {
	var lines []string
	if first != "" {
		lines = append(lines, first)
	}
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > 0 {
		why, _, _ := strings.Cut(strings.TrimSpace(m.Down()), "\n")
		fmt.Fprintf(out, "rclab: the machine is down (%s); %d input line(s) not run:\n", why, len(lines))
		for _, l := range lines {
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	return sc.Err()
}
