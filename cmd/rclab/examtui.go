package main

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"rclab/cmd/rclab/tui"
	"rclab/scenarios"
	"rclab/scenarios/record"
)

// This file is rclab exam and rclab replay: an exam taken in the
// terminal UI (recorded with --record, continued with --resume), and a
// recorded session shown again with its timeline.

// examTUIFlags are rclab exam's flags.
type examTUIFlags struct {
	seed    uint64
	student string
	record  string
	keyFile string
	resume  string
	dir     string
	lang    string
}

// addExamCommands adds exam and replay to root.
func addExamCommands(root *cobra.Command, stdin io.Reader, stdout, stderr io.Writer) {
	root.AddCommand(newExamCmd(stdin, stdout, stderr), newReplayCmd(stdin, stdout, stderr))
}

func newExamCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var fl examTUIFlags
	cmd := &cobra.Command{
		Use:   "exam ID | exam --resume FILE",
		Short: "Take an exam scenario in the terminal UI, recorded to a transcript if asked",
		Long: `exam opens the scenario ID (E07, or its whole id) in the terminal UI: the
machine's console beside the task, its checks and points, and a countdown. F9
submits (after asking); at the time limit the exam submits itself; then the
result screen shows each check. Without --seed a random seed draws the
scenario's variables (the seed is recorded).

With --record FILE every action is written to FILE before its output is
shown, so a crash loses nothing on the screen; --key-file signs each line with
the teacher's key. exam --resume FILE continues an unfinished recording: its
actions are replayed and the exam goes on with the time it had left.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := uiLang(fl.lang)
			if err != nil {
				return err
			}
			if err := examTUIUsage(cmd, fl, args); err != nil {
				return err
			}
			if !isTerminal(stdin) || !isTerminal(stdout) {
				return errors.New("exam needs a terminal; for a session typed from a file, use rclab exec --scenario")
			}
			x, rec, err := prepareExam(fl, args, cmd.Flags().Changed("seed"), stderr)
			if err != nil {
				return err
			}
			err = tui.New(tui.WithLang(l), tui.WithNoColor(os.Getenv("NO_COLOR") != ""),
				tui.WithExamMachineOptions(examOptions()...), tui.WithExam(x)).Run()
			if rec != nil {
				rec.Abandon() // closed already when the exam ended; else it stays resumable
			}
			return err
		},
	}
	f := cmd.Flags()
	f.Uint64Var(&fl.seed, "seed", 0, "seed that draws the scenario's variables (default: random)")
	f.StringVar(&fl.student, "student", "", "the candidate's name, shown and recorded")
	f.StringVar(&fl.record, "record", "", "record the session to this new file (never overwritten)")
	f.StringVar(&fl.keyFile, "key-file", "", "sign the recording with the teacher's key in this file (with --record or --resume)")
	f.StringVar(&fl.resume, "resume", "", "continue the unfinished session recorded in this file")
	f.StringVar(&fl.dir, "dir", "", "read scenarios from this directory instead of the built-in ones")
	f.StringVar(&fl.lang, "lang", "", "language of the terminal UI: en or ko (default: from LC_ALL, LC_MESSAGES or LANG)")
	return cmd
}

// examTUIUsage checks exam's arguments.
func examTUIUsage(cmd *cobra.Command, fl examTUIFlags, args []string) error {
	switch {
	case fl.resume != "" && len(args) > 0:
		return errors.New("exam: give either a scenario or --resume FILE, not both")
	case fl.resume == "" && len(args) == 0:
		return errors.New("exam: name a scenario (rclab list scenarios shows them), or --resume FILE")
	case fl.resume != "" && (cmd.Flags().Changed("seed") || fl.student != "" || fl.record != ""):
		return errors.New("exam: with --resume the seed, the student and the file are those of the recording")
	case fl.keyFile != "" && fl.record == "" && fl.resume == "":
		return errors.New("exam: --key-file signs the recording: give --record FILE too")
	}
	return nil
}

// prepareExam builds the exam the flags ask for: a new session of the
// scenario args[0] (recorded when --record is given), or the session
// recorded in --resume, rebuilt by the UI from its actions. It returns
// the recording to close when the UI ends, or nil.
func prepareExam(fl examTUIFlags, args []string, seedGiven bool, stderr io.Writer) (tui.Exam, *recording, error) {
	var key []byte
	if fl.keyFile != "" {
		var err error
		if key, err = readKeyFile(fl.keyFile); err != nil {
			return tui.Exam{}, nil, err
		}
	}
	list, err := loadScenarios(fl.dir, stderr)
	if err != nil {
		return tui.Exam{}, nil, err
	}
	if fl.resume != "" {
		return resumeExam(list, fl.resume, key, stderr)
	}
	sc, err := findScenario(list, args[0])
	if err != nil {
		return tui.Exam{}, nil, err
	}
	seed := fl.seed
	if !seedGiven {
		seed = randomSeed()
	}
	v, err := sc.Variant(seed)
	if err != nil {
		return tui.Exam{}, nil, err
	}
	sess, err := scenarios.NewSession(v, examOptions()...)
	if err != nil {
		return tui.Exam{}, nil, err
	}
	x := tui.Exam{Session: sess, Student: fl.student}
	if fl.record == "" {
		return x, nil, nil
	}
	rec, err := createRecording(fl.record, transcriptHeader(sess, fl.student), key)
	if err != nil {
		return tui.Exam{}, nil, err
	}
	x.Recorder, x.RecordFile = rec, fl.record
	return x, rec, nil
}

// resumeExam reopens the unfinished recording path: the exam's session
// is a fresh one of the recorded variant, and the UI applies the
// recorded actions to it before the candidate goes on.
func resumeExam(list []*scenarios.Scenario, path string, key []byte, stderr io.Writer) (tui.Exam, *recording, error) {
	rec, t, err := resumeRecording(path, key)
	if err != nil {
		return tui.Exam{}, nil, err
	}
	fail := func(err error) (tui.Exam, *recording, error) {
		rec.Abandon()
		return tui.Exam{}, nil, fmt.Errorf("%s: %w", path, err)
	}
	h := t.Header
	sc := scenarios.Find(list, h.Scenario)
	if sc == nil || !strings.EqualFold(sc.ID, h.Scenario) {
		return fail(fmt.Errorf("the recorded scenario %s is not available", h.Scenario))
	}
	if h.ContentHash != sc.Hash {
		fmt.Fprintf(stderr, "rclab: warning: %s was recorded with another version of %s\n", path, sc.ID)
	}
	v, err := sc.Variant(h.Seed)
	if err != nil {
		return fail(err)
	}
	if err := sameValues(v.Values, h.Variables); err != nil {
		return fail(err)
	}
	sess, err := scenarios.NewSession(v, examOptions()...)
	if err != nil {
		return fail(err)
	}
	return tui.Exam{Session: sess, Resume: t, Student: h.Student, Recorder: rec, RecordFile: path}, rec, nil
}

// randomSeed draws an exam's seed from the host's random source (the
// machine itself never reads it: the seed is passed in and recorded).
func randomSeed() uint64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return 1
	}
	return binary.LittleEndian.Uint64(b[:])
}

func newReplayCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var keyFile, dir, lang string
	cmd := &cobra.Command{
		Use:   "replay FILE",
		Short: "Show a recorded exam session in the terminal UI, with a timeline",
		Long: `replay rebuilds the session recorded in FILE and shows its console as the
candidate saw it, beside the checks as they stood at each moment. Space plays
and pauses (+ and - change the speed), the arrows step through the actions,
n and p jump to the moments a check changed state, Home and End go to the
start and the end. Each output is checked against the one recorded.

With --key-file the signatures are verified first: a file that was changed,
or lines dropped, added or moved, is refused with the reason.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := uiLang(lang)
			if err != nil {
				return err
			}
			r, err := prepareReplay(args[0], keyFile, dir, l, stderr)
			if err != nil {
				return err
			}
			if !isTerminal(stdin) || !isTerminal(stdout) {
				return errors.New("replay needs a terminal; rclab grade scores a recording without one")
			}
			return tui.New(tui.WithLang(l), tui.WithNoColor(os.Getenv("NO_COLOR") != ""),
				tui.WithExamMachineOptions(examOptions()...), tui.WithReplay(r)).Run()
		},
	}
	f := cmd.Flags()
	f.StringVar(&keyFile, "key-file", "", "verify the recording's signatures with the teacher's key in this file")
	f.StringVar(&dir, "dir", "", "read scenarios from this directory instead of the built-in ones")
	f.StringVar(&lang, "lang", "", "language of the terminal UI: en or ko (default: from LC_ALL, LC_MESSAGES or LANG)")
	return cmd
}

// prepareReplay reads and checks the transcript path (its signatures
// with the key in keyFile, when given) and finds the variant it records.
// A transcript that cannot be trusted is refused with the reason.
func prepareReplay(path, keyFile, dir string, l tui.Lang, stderr io.Writer) (tui.Replay, error) {
	var key []byte
	if keyFile != "" {
		var err error
		if key, err = readKeyFile(keyFile); err != nil {
			return tui.Replay{}, err
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return tui.Replay{}, err
	}
	t, err := record.Read(bytes.NewReader(data), key)
	if err != nil {
		return tui.Replay{}, fmt.Errorf("%s is refused: %w", path, err)
	}
	list, err := loadScenarios(dir, stderr)
	if err != nil {
		return tui.Replay{}, err
	}
	h := t.Header
	sc := scenarios.Find(list, h.Scenario)
	if sc == nil || !strings.EqualFold(sc.ID, h.Scenario) {
		return tui.Replay{}, fmt.Errorf("%s: the recorded scenario %s is not available", path, h.Scenario)
	}
	v, err := sc.Variant(h.Seed)
	if err != nil {
		return tui.Replay{}, fmt.Errorf("%s: %w", path, err)
	}
	r := tui.Replay{Variant: v, Transcript: t, File: path}
	ko := l == tui.Korean
	if h.ContentHash != sc.Hash {
		r.Notes = append(r.Notes, pick(ko, "⚠ recorded with another version of the scenario: outputs may differ",
			"⚠ 다른 판의 시나리오로 기록됨: 출력이 다를 수 있습니다"))
	}
	if err := sameValues(v.Values, h.Variables); err != nil {
		r.Notes = append(r.Notes, "⚠ "+err.Error())
	}
	if t.Truncated {
		r.Notes = append(r.Notes, pick(ko, "⚠ the last line was cut (a crash while it was written)",
			"⚠ 마지막 줄이 잘림 (기록하는 중에 멈춤)"))
	}
	return r, nil
}

// pick is ko's text in Korean, else en.
func pick(ko bool, en, koText string) string {
	if ko {
		return koText
	}
	return en
}
