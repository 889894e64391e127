package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"rclab/lessons"
	"rclab/lessons/check/strict"
	"rclab/scenarios"
)

// This file is rclab dev check, the content tests run on a teacher's own
// lessons and scenarios, and how a YAML file is told to be a scenario.

// isScenarioSource says whether a YAML file is an exam scenario rather
// than a lesson: its top-level id starts with E, or, when it has no id
// line that can be read, its file name does (E01-…).
func isScenarioSource(name string, data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		v, ok := strings.CutPrefix(sc.Text(), "id:")
		if !ok {
			continue
		}
		v = strings.TrimLeft(strings.TrimSpace(v), `"'`)
		if v != "" {
			return v[0] == 'E' || v[0] == 'e'
		}
		break
	}
	base := filepath.Base(name)
	return len(base) > 1 && (base[0] == 'E' || base[0] == 'e') && base[1] >= '0' && base[1] <= '9'
}

// validateScenarioFile parses one scenario file (every variant of its
// variables) without running it.
func validateScenarioFile(file string, data []byte) []error {
	_, err := scenarios.Parse(file, data)
	return strict.Problems(err)
}

// devResult is what dev check found in one file.
type devResult struct {
	kind     string   // "lesson" or "scenario"; "" when it did not load
	problems []string // one line each, starting with the file's name
}

// devCheckFile runs the content test of one file.
func devCheckFile(path string) devResult {
	data, err := os.ReadFile(path)
	if err != nil {
		return devResult{problems: []string{err.Error()}}
	}
	var r devResult
	if isScenarioSource(path, data) {
		s, err := scenarios.Parse(path, data)
		if err != nil {
			return devResult{problems: parseMessages(err)}
		}
		r.kind = "scenario"
		for _, p := range scenarios.SelfTest(s) {
			r.problems = append(r.problems, path+": "+p.Error())
		}
		return r
	}
	l, err := lessons.Parse(path, data)
	if err != nil {
		return devResult{problems: parseMessages(err)}
	}
	r.kind = "lesson"
	for _, p := range lessons.SelfTest(l) {
		r.problems = append(r.problems, path+": "+p.Error())
	}
	return r
}

// parseMessages are a file's parse problems, each "file:line:col: what".
func parseMessages(err error) []string {
	var out []string
	for _, e := range strict.Problems(err) {
		out = append(out, e.Error())
	}
	return out
}

// yamlFiles lists the *.yaml and *.yml files at the top of dir, sorted.
func yamlFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			files = append(files, filepath.Join(dir, n))
		}
	}
	slices.Sort(files)
	return files, nil
}

// newDevCmd is rclab dev and its subcommands.
func newDevCmd(stdout io.Writer) *cobra.Command {
	dev := &cobra.Command{
		Use:   "dev",
		Short: "Tools for authors of lessons and exam scenarios",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	var jobs int
	chk := &cobra.Command{
		Use:   "check DIR",
		Short: "Run the content tests on the lessons and scenarios in DIR",
		Long: `check runs on each *.yaml file of DIR the tests the built-in content passes.
A lesson: each step's check fails when the step starts, its reference solution
makes it pass, every text exists in English and Korean. A scenario (its id
starts with E): every check fails at the start, the reference solution scores
full marks and each listed wrong answer scores what it says, for the seeds
1, 2 and 3. It prints one line per problem (file: what) and a summary, and
exits with status 1 when there is any problem.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := yamlFiles(args[0])
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return fmt.Errorf("dev check: no *.yaml files in %s", args[0])
			}
			results := make([]devResult, len(files))
			work := make(chan int)
			var wg sync.WaitGroup
			for range max(1, min(jobs, len(files))) {
				wg.Go(func() {
					for i := range work {
						results[i] = devCheckFile(files[i])
					}
				})
			}
			for i := range files {
				work <- i
			}
			close(work)
			wg.Wait()

			problems, count := 0, map[string]int{}
			for _, r := range results {
				count[r.kind]++
				for _, p := range r.problems {
					fmt.Fprintln(stdout, p)
				}
				problems += len(r.problems)
			}
			fmt.Fprintf(stdout, "%d file(s): %d lesson(s), %d scenario(s), %d that did not load; %d problem(s)\n",
				len(files), count["lesson"], count["scenario"], count[""], problems)
			if problems > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	chk.Flags().IntVar(&jobs, "jobs", runtime.GOMAXPROCS(0), "how many files to test at once")
	dev.AddCommand(chk)
	return dev
}
