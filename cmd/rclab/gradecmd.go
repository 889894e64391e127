package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	"rclab/lessons/check"
	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// This file is rclab grade: transcripts verified, replayed and scored
// again, in parallel, one row per file.

// The statuses of a graded file. A file is scored unless its status is
// statusNotScored.
const (
	statusSubmitted  = record.ReasonSubmitted
	statusTimeout    = record.ReasonTimeout
	statusQuit       = record.ReasonQuit
	statusUnfinished = "unfinished"
	statusNotScored  = "not scored"
)

// gradeRow is the result of one transcript.
type gradeRow struct {
	File     string
	Student  string
	Scenario string
	Seed     uint64
	Scored   bool
	Score    int
	Max      int
	Checks   []checkMark
	// Status is one of the status constants; Note says why a file was
	// not scored, and what else the grader noticed.
	Status string
	Note   []string
}

// checkMark is one check's result in a row.
type checkMark struct {
	ID     string
	Points int
	Earned int
	Pass   bool
}

// grader grades transcripts against a set of scenarios.
type grader struct {
	key  []byte
	list []*scenarios.Scenario
	// variants keeps the variants drawn so far (variantKey to
	// *scenarios.Variant): a class has a few, each drawn by decoding the
	// scenario again, and graders only read them.
	variants sync.Map
}

// variantKey identifies a variant of a scenario.
type variantKey struct {
	sc   *scenarios.Scenario
	seed uint64
}

// variant is sc.Variant(seed), drawn once per grader.
func (g *grader) variant(sc *scenarios.Scenario, seed uint64) (*scenarios.Variant, error) {
	k := variantKey{sc, seed}
	if v, ok := g.variants.Load(k); ok {
		return v.(*scenarios.Variant), nil
	}
	v, err := sc.Variant(seed)
	if err != nil {
		return nil, err
	}
	g.variants.Store(k, v)
	return v, nil
}

// gradeFile reads, verifies, replays and scores one transcript. It never
// fails: what goes wrong is the row's status.
func (g *grader) gradeFile(path string) gradeRow {
	row := gradeRow{File: path, Status: statusNotScored}
	data, err := os.ReadFile(path)
	if err != nil {
		row.Note = append(row.Note, unwrapPath(err))
		return row
	}
	g.grade(&row, data)
	return row
}

// grade fills row from the transcript data.
func (g *grader) grade(row *gradeRow, data []byte) {
	notScored := func(format string, a ...any) {
		row.Status = statusNotScored
		row.Note = append([]string{fmt.Sprintf(format, a...)}, row.Note...)
	}
	t, err := record.Read(bytes.NewReader(data), g.key)
	if err != nil {
		// Whose file it is, for the row, if the header reads at all.
		if u, uerr := record.Read(bytes.NewReader(data), nil); uerr == nil {
			row.Student, row.Scenario, row.Seed = u.Header.Student, u.Header.Scenario, u.Header.Seed
		}
		var re *record.Error
		switch {
		case errors.Is(err, record.ErrNotSigned):
			notScored("not signed, but a key was given: the file may have been rewritten")
		case errors.As(err, &re):
			notScored("%s", re.Error())
		default:
			notScored("%v", err)
		}
		return
	}
	h := t.Header
	row.Student, row.Scenario, row.Seed = h.Student, h.Scenario, h.Seed
	if t.Signed && len(g.key) == 0 {
		notScored("signed: give the teacher's key (--key-file) to verify it")
		return
	}
	sc := g.find(h.Scenario)
	if sc == nil {
		notScored("unknown scenario %s", h.Scenario)
		return
	}
	if h.ContentHash != sc.Hash {
		row.Note = append(row.Note, "recorded with another version of the scenario")
	}
	v, err := g.variant(sc, h.Seed)
	if err != nil {
		notScored("%v", err)
		return
	}
	if err := sameValues(v.Values, h.Variables); err != nil {
		notScored("%v", err)
		return
	}
	sess, err := replayTranscript(v, t)
	if err != nil {
		notScored("%v", err)
		return
	}
	score := sess.Tally()
	row.Scored, row.Score, row.Max = true, score.Total, score.Max
	for _, c := range score.Checks {
		row.Checks = append(row.Checks, checkMark{ID: c.ID, Points: c.Points, Earned: c.Earned, Pass: c.Pass})
	}
	if t.Truncated {
		row.Note = append(row.Note, "its last line was cut (a crash) and left out")
	}
	switch f := t.Footer; {
	case f == nil:
		row.Status = statusUnfinished
		row.Note = append(row.Note, "no footer: the session did not end (a crash, or the file was cut)")
	default:
		row.Status = f.Reason
		if f.Earned != score.Total || f.Max != score.Max {
			row.Note = append(row.Note, fmt.Sprintf("the file claimed %d/%d", f.Earned, f.Max))
		}
	}
}

// find is the scenario whose id is exactly id.
func (g *grader) find(id string) *scenarios.Scenario {
	for _, s := range g.list {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// replayTranscript rebuilds the session t recorded, on variant v, and
// proves the replay is the session the candidate saw: every action must
// leave the recorded status and show output with the recorded hash, and
// the clocks must agree.
func replayTranscript(v *scenarios.Variant, t *record.Transcript) (*scenarios.Session, error) {
	// Each output is checked as it comes, so that none is kept; the
	// first that differs is reported after the whole replay, which may
	// fail before the end (a refused action is told first).
	differs := -1
	sess, err := scenarios.ReplayFunc(v, len(t.Entries),
		func(i int) sim.Action { return t.Entries[i].Action },
		func(i int, r sim.Result) {
			if e := &t.Entries[i]; differs < 0 && (r.Status != e.Status || !record.OutputMatches(r.Output, e.Output)) {
				differs = i
			}
		}, examOptions()...)
	if err != nil {
		return nil, fmt.Errorf("replay fails: %w", err)
	}
	if !sess.Began().Equal(t.Header.Start) {
		return nil, fmt.Errorf("replay differs at the start: the clock started at %s, not %s", sess.Began().Format(timeFormat), t.Header.Start.Format(timeFormat))
	}
	if differs >= 0 {
		e := &t.Entries[differs]
		return nil, fmt.Errorf("replay differs at action %d (%s)", e.Seq, describeAction(e.Action))
	}
	if n := len(t.Entries); n > 0 && !sess.Machine().Now().Equal(t.Entries[n-1].Clock) {
		return nil, fmt.Errorf("replay differs at action %d: its clock is %s, not %s", t.Entries[n-1].Seq,
			sess.Machine().Now().Format(timeFormat), t.Entries[n-1].Clock.Format(timeFormat))
	}
	return sess, nil
}

const timeFormat = "2006-01-02 15:04:05"

// describeAction is an action in a few words, for messages.
func describeAction(a sim.Action) string {
	s := string(a.Kind)
	if a.Line != "" {
		s = fmt.Sprintf("%q", a.Line)
		if len(s) > 40 {
			s = s[:37] + "…\""
		}
	}
	return s
}

// gradeAll grades files with jobs workers; done is called after each
// file (from the workers). Rows come back sorted by student, then file.
func (g *grader) gradeAll(files []string, jobs int, done func()) []gradeRow {
	// A batch builds and drops a machine per file, a few MB each: letting
	// the heap grow to five times its live size before collecting halves
	// the time spent in the garbage collector, at little cost in memory.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	rows := make([]gradeRow, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(jobs, len(files))) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				rows[i] = g.gradeFile(files[i])
				if done != nil {
					done()
				}
			}
		})
	}
	wg.Wait()
	sortRows(rows)
	return rows
}

func sortRows(rows []gradeRow) {
	slices.SortStableFunc(rows, func(a, b gradeRow) int {
		if c := strings.Compare(a.Student, b.Student); c != 0 {
			return c
		}
		return strings.Compare(a.File, b.File)
	})
}

// unwrapPath shortens an *os.PathError's message to its reason when the
// path is already the row's file.
func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// newGradeCmd is rclab grade.
func newGradeCmd(stdout, stderr io.Writer) *cobra.Command {
	var keyFile, format, dir, lang string
	var jobs int
	cmd := &cobra.Command{
		Use:   "grade FILE...",
		Short: "Verify, replay and score exam recordings, one row per student",
		Long: `grade checks each recording's signatures (with --key-file), rebuilds the
candidate's machine from the recorded actions, proves the replay shows what the
candidate saw, and scores it again with the scenario's checks: the score
written in a file is never trusted. A file that was changed, is not signed when
a key is given, or cannot be replayed is reported and not scored.

Formats: table (for reading, ends with the class's score distribution and the
pass rate of each check), csv (one row per file, for a gradebook) and json (an
array of objects). Rows are sorted by student, then file. The exit status is 0
when every file was scored, 1 when some were not, 2 for usage errors.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := gradeFormats[format]
			if !ok {
				return fmt.Errorf("grade: --format must be table, csv or json, not %q", format)
			}
			if jobs < 1 {
				return fmt.Errorf("grade: --jobs must be at least 1, not %d", jobs)
			}
			l, err := lessonLang(lang, hostEnv.getenv)
			if err != nil {
				return err
			}
			g := &grader{}
			if keyFile != "" {
				if g.key, err = readKeyFile(keyFile); err != nil {
					return err
				}
			}
			if g.list, err = loadScenarios(dir, stderr); err != nil {
				return err
			}
			bar := newProgressBar(stderr, len(args))
			rows := g.gradeAll(args, jobs, bar.step)
			bar.finish()
			if err := write(stdout, rows, l); err != nil {
				return err
			}
			for _, r := range rows {
				if !r.Scored {
					return exitError{1}
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&keyFile, "key-file", "", "verify the signatures with the teacher's key in this file (then unsigned files are not scored)")
	f.StringVar(&format, "format", "table", "output format: table, csv or json")
	f.IntVar(&jobs, "jobs", runtime.GOMAXPROCS(0), "how many files to grade at once")
	f.StringVar(&dir, "dir", "", "read scenarios from this directory instead of the built-in ones")
	f.StringVar(&lang, "lang", "", "language of the table's words: en or ko (default: from LC_ALL, LC_MESSAGES, LANG)")
	return cmd
}

// gradeFormats write the rows in each --format.
var gradeFormats = map[string]func(io.Writer, []gradeRow, check.Lang) error{
	"table": writeGradeTable,
	"csv":   writeGradeCSV,
	"json":  writeGradeJSON,
}

// progressBar shows how far a large batch is, on a terminal.
type progressBar struct {
	w     io.Writer // nil: no bar
	total int
	mu    sync.Mutex
	done  int
	shown int // the last width drawn
}

// progressMin is the batch size from which grade shows its progress.
const progressMin = 20

func newProgressBar(w io.Writer, total int) *progressBar {
	b := &progressBar{total: total, shown: -1}
	if total > progressMin && isTerminal(w) {
		b.w = w
	}
	return b
}

const barWidth = 30

func (b *progressBar) step() {
	if b.w == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done++
	if n := b.done * barWidth / b.total; n != b.shown || b.done == b.total {
		b.shown = n
		fmt.Fprintf(b.w, "\rgrading [%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(".", barWidth-n), b.done, b.total)
	}
}

func (b *progressBar) finish() {
	if b.w != nil {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", barWidth+30))
	}
}
