package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rclab/lessons/check"
	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// This file is rclab exec --scenario: a candidate's exam session typed
// from standard input, recorded as the exam screen would record it, and
// rclab list scenarios.

// addExamFlags registers exec's flags for exam sessions. Without --seed
// the variant is that of exec's default seed, 1: fixed, so that a scripted
// session is the same variant every time (and the seed is recorded).
func addExamFlags(f *pflag.FlagSet, fl *execFlags) {
	f.StringVar(&fl.scenario, "scenario", "", "run the input as a candidate's session of this exam scenario (an id such as E01, or a YAML file)")
	f.StringVar(&fl.student, "student", "", "with --scenario: the candidate's name, written in the recording")
	f.StringVar(&fl.record, "record", "", "with --scenario: record the session to this new file (never overwritten)")
	f.StringVar(&fl.keyFile, "key-file", "", "with --record: sign the recording with the teacher's key in this file")
	f.BoolVar(&fl.resume, "resume", false, "with --record: continue the unfinished session recorded in the file")
	f.StringVar(&fl.scenarioDir, "dir", "", "with --scenario: read scenarios from this directory instead of the built-in ones")
}

// examUsage checks exec's flags for an exam session.
func examUsage(flags *pflag.FlagSet, fl execFlags) error {
	if fl.scenario == "" {
		for _, name := range []string{"student", "record", "key-file", "resume", "dir"} {
			if flags.Changed(name) {
				return fmt.Errorf("exec: --%s needs --scenario", name)
			}
		}
		return nil
	}
	for _, name := range []string{"image", "no-boot", "show-boot", "boot-args", "echo"} {
		if flags.Changed(name) {
			return fmt.Errorf("exec: --%s cannot be used with --scenario: the scenario sets up the machine and the session is always echoed", name)
		}
	}
	switch {
	case fl.keyFile != "" && fl.record == "":
		return errors.New("exec: --key-file signs the recording: give --record FILE too")
	case fl.resume && fl.record == "":
		return errors.New("exec: --resume continues the recording named by --record FILE")
	case fl.resume && (flags.Changed("seed") || flags.Changed("student")):
		return errors.New("exec: with --resume the seed and the student are those of the recording")
	}
	return nil
}

// loadScenarios loads the built-in scenarios, or a teacher's directory
// (its problems are reported and the good scenarios kept).
func loadScenarios(dir string, stderr io.Writer) ([]*scenarios.Scenario, error) {
	return loadContent(dir, scenarios.Content(), scenarios.LoadAll, stderr)
}

// findScenario picks the scenario named by arg: a YAML file when arg
// names one, else an id (or its E-number prefix) in list.
func findScenario(list []*scenarios.Scenario, arg string) (*scenarios.Scenario, error) {
	if strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		data, err := os.ReadFile(arg)
		if err != nil {
			return nil, err
		}
		return scenarios.Parse(arg, data)
	}
	if s := scenarios.Find(list, arg); s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("no scenario %q (rclab list scenarios shows them)", arg)
}

// examExec runs one exam session from the lines of in.
type examExec struct {
	fl     execFlags
	lang   check.Lang
	out    io.Writer // the session, as the candidate's terminal shows it
	errOut io.Writer // notes and the score report
	color  bool
	sess   *scenarios.Session
	rec    *recording // nil without --record
}

// runExamExec is exec --scenario. The session goes to out, the score
// report to errOut; the returned status is 0 for full marks, else 1.
func runExamExec(fl execFlags, in io.Reader, out, errOut io.Writer) (int, error) {
	e := &examExec{fl: fl, out: out, errOut: errOut}
	switch fl.color {
	case "always":
		e.color = true
	case "never":
	case "auto":
		e.color = isTerminal(out)
	default:
		return 0, fmt.Errorf("exec: --color must be auto, always or never, not %q", fl.color)
	}
	var err error
	if e.lang, err = lessonLang(fl.lang, hostEnv.getenv); err != nil {
		return 0, fmt.Errorf("exec: %w", err)
	}
	var key []byte
	if fl.keyFile != "" {
		if key, err = readKeyFile(fl.keyFile); err != nil {
			return 0, err
		}
	}
	list, err := loadScenarios(fl.scenarioDir, errOut)
	if err != nil {
		return 0, err
	}
	sc, err := findScenario(list, fl.scenario)
	if err != nil {
		return 0, err
	}
	if fl.resume {
		err = e.resume(sc, key)
	} else {
		err = e.start(sc, key)
	}
	if err != nil {
		return 0, err
	}
	reason, err := e.loop(in)
	if err != nil {
		if e.rec != nil {
			e.rec.Abandon()
			fmt.Fprintf(errOut, "rclab: %s is left unfinished; continue it with --resume\n", e.rec.path)
		}
		return 0, err
	}
	score := e.sess.Score()
	if e.rec != nil {
		if err := e.rec.Close(transcriptFooter(score, reason, e.sess.Machine().Now())); err != nil {
			return 0, err
		}
	}
	writeScoreReport(errOut, e.lang, e.sess.Variant(), score, reason)
	if score.Total < score.Max {
		return 1, nil
	}
	return 0, nil
}

// start begins a new session of sc, recorded when --record is given.
func (e *examExec) start(sc *scenarios.Scenario, key []byte) error {
	v, err := sc.Variant(e.fl.seed)
	if err != nil {
		return err
	}
	if e.sess, err = scenarios.NewSession(v, examOptions()...); err != nil {
		return err
	}
	if e.fl.record != "" {
		e.rec, err = createRecording(e.fl.record, transcriptHeader(e.sess, e.fl.student), key)
	}
	return err
}

// resume continues the session recorded in --record: its actions are
// replayed (silently) and must show what they showed the candidate.
func (e *examExec) resume(sc *scenarios.Scenario, key []byte) error {
	rec, t, err := resumeRecording(e.fl.record, key)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		rec.Abandon()
		return err
	}
	h := t.Header
	if !strings.EqualFold(h.Scenario, sc.ID) {
		return fail(fmt.Errorf("%s is a session of %s, not of %s", e.fl.record, h.Scenario, sc.ID))
	}
	if h.ContentHash != sc.Hash {
		fmt.Fprintf(e.errOut, "rclab: warning: %s was recorded with another version of %s\n", e.fl.record, sc.ID)
	}
	v, err := sc.Variant(h.Seed)
	if err != nil {
		return fail(err)
	}
	if err := sameValues(v.Values, h.Variables); err != nil {
		return fail(fmt.Errorf("%s: %w", e.fl.record, err))
	}
	if e.sess, err = replayTranscript(v, t); err != nil {
		return fail(fmt.Errorf("%s: %w", e.fl.record, err))
	}
	e.rec = rec
	fmt.Fprintf(e.errOut, msg(e.lang, "rclab: resuming %s: %d action(s) replayed, %s left\n", "rclab: %s 이어서 진행: 동작 %d개 재실행, 남은 시간 %s\n"),
		e.fl.record, len(t.Entries), max(e.sess.Remaining(), 0))
	return nil
}

// loop types the input lines until it ends, the time runs out, the
// candidate submits or logs out; it returns the footer's reason.
func (e *examExec) loop(in io.Reader) (string, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	m := e.sess.Machine()
	for {
		if e.sess.Remaining() <= 0 {
			return record.ReasonTimeout, e.skipRest(sc, msg(e.lang,
				"time is up (%s): the exam was submitted", "시간이 끝났습니다 (%s): 시험이 제출되었습니다"),
				formatLimit(time.Duration(e.sess.Scenario().TimeLimit)))
		}
		if !sc.Scan() {
			break
		}
		line := sc.Text()
		prompt := m.Prompt()
		if m.Down() != "" {
			prompt = "(off)> "
		}
		fmt.Fprintf(e.out, "%s%s\n", prompt, line)
		a, submit, note := e.action(line)
		if submit {
			return record.ReasonSubmitted, e.skipRest(sc, msg(e.lang, "submitted", "제출했습니다"))
		}
		if note != "" {
			fmt.Fprintf(e.out, "rclab: %s\n", note)
			continue
		}
		res, err := e.sess.Apply(a)
		if err != nil {
			return "", err
		}
		if e.rec != nil {
			if err := e.rec.Append(a, res, m.Now()); err != nil {
				return "", err
			}
		}
		e.show(res.Output)
		switch {
		case res.Screen != nil:
			fmt.Fprintf(e.out, msg(e.lang, "rclab: %s is a full-screen program; rclab exec cannot show it (rclab exam can)\n",
				"rclab: %s은(는) 전체 화면 프로그램이라 rclab exec에서는 보여 줄 수 없습니다 (rclab exam에서는 됩니다)\n"), res.Screen.Program)
		case res.Down:
			why, _, _ := strings.Cut(strings.TrimSpace(m.Down()), "\n")
			fmt.Fprintf(e.out, msg(e.lang, "rclab: the machine is off (%s); type boot, or boot ARGS with kernel arguments\n",
				"rclab: 머신이 꺼졌습니다 (%s). boot, 또는 커널 인자와 함께 boot 인자를 입력하세요\n"), why)
		case res.LoggedOut:
			fmt.Fprintln(e.out, "logout")
			return record.ReasonSubmitted, e.skipRest(sc, msg(e.lang, "logged out: the exam was submitted", "로그아웃: 시험이 제출되었습니다"))
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if m.Pending() {
		fmt.Fprint(e.out, "-bash: syntax error: unexpected end of file\n")
	}
	return record.ReasonSubmitted, nil
}

// action turns an input line into the action it stands for. Besides
// typed lines: boot [ARGS] when the machine is off (also :boot), :wait
// DURATION, :ctrlaltdel and :submit. A line that is no action gets a note.
func (e *examExec) action(line string) (a sim.Action, submit bool, note string) {
	m := e.sess.Machine()
	word := strings.TrimSpace(line)
	if m.Down() != "" {
		args, ok := strings.CutPrefix(strings.TrimPrefix(word, ":"), "boot")
		if !ok || args != "" && args[0] != ' ' {
			if word == ":submit" {
				return a, true, ""
			}
			return a, false, msg(e.lang, "the machine is off: type boot, or boot ARGS (boot single); this line was not run",
				"머신이 꺼져 있습니다: boot, 또는 boot 인자(boot single)를 입력하세요. 이 줄은 실행하지 않았습니다")
		}
		return sim.Action{Kind: sim.PowerOn, Args: strings.Fields(args)}, false, ""
	}
	if m.Pending() || !strings.HasPrefix(word, ":") || word == ":" || strings.HasPrefix(word, ": ") {
		return sim.Action{Kind: sim.Type, Line: line}, false, ""
	}
	verb, arg, _ := strings.Cut(word[1:], " ")
	arg = strings.TrimSpace(arg)
	switch verb {
	case "submit":
		return a, true, ""
	case "ctrlaltdel":
		return sim.Action{Kind: sim.CtrlAltDel}, false, ""
	case "wait":
		d, err := time.ParseDuration(arg)
		if err != nil || d <= 0 {
			return a, false, msg(e.lang, ":wait needs a duration such as 30s or 16m", ":wait에는 30s나 16m 같은 시간이 필요합니다")
		}
		return sim.Action{Kind: sim.Wait, For: d}, false, ""
	case "boot":
		return a, false, msg(e.lang, "the machine is on; :boot powers on a machine that is off", "머신이 켜져 있습니다. :boot는 꺼진 머신을 켤 때 씁니다")
	}
	return sim.Action{Kind: sim.Type, Line: line}, false, ""
}

// show prints an action's output, without colours unless they are on.
func (e *examExec) show(s string) {
	if !e.color {
		s = plainText(s)
	}
	io.WriteString(e.out, s)
}

// skipRest ends the session early: it says why and lists the input lines
// left unrun.
func (e *examExec) skipRest(sc *bufio.Scanner, format string, a ...any) error {
	var rest []string
	for sc.Scan() {
		rest = append(rest, sc.Text())
	}
	fmt.Fprintf(e.out, "rclab: "+format, a...)
	if len(rest) == 0 {
		fmt.Fprintln(e.out)
		return sc.Err()
	}
	fmt.Fprintf(e.out, msg(e.lang, "; %d input line(s) not run:\n", "; 실행하지 않은 입력 %d줄:\n"), len(rest))
	for _, l := range rest {
		fmt.Fprintf(e.out, "  %s\n", l)
	}
	return sc.Err()
}

// plainText is what a terminal would show of s, without its control
// sequences (ESC [ … final byte): colours are dropped, and a move to a
// column (ESC [ N G, as the init scripts use to align [  OK  ]) becomes
// spaces.
func plainText(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	col := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++ // a terminal's line end, as a file has it
			continue
		}
		if c != 0x1b || i+1 >= len(s) || s[i+1] != '[' {
			b.WriteByte(c)
			switch {
			case c == '\n' || c == '\r':
				col = 0
			case c < 0x80 || c >= 0xc0: // count runes, not bytes
				col++
			}
			i++
			continue
		}
		j := i + 2
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
			j++
		}
		if j == len(s) {
			break
		}
		if s[j] == 'G' {
			n, err := strconv.Atoi(s[i+2 : j])
			if err != nil {
				n = 1
			}
			if n-1 > col {
				b.WriteString(strings.Repeat(" ", n-1-col))
				col = n - 1
			}
		}
		i = j + 1
	}
	return b.String()
}

// sameValues reports whether a variant's values are those recorded.
func sameValues(got, recorded map[string]string) error {
	for k, v := range got {
		if recorded[k] != v {
			return fmt.Errorf("the seed gives %s=%q, but the recording says %q: the scenario's variables changed", k, v, recorded[k])
		}
	}
	for k := range recorded {
		if _, ok := got[k]; !ok {
			return fmt.Errorf("the recording has a variable %s the scenario does not", k)
		}
	}
	return nil
}

// writeScoreReport prints a session's result: the scenario, each check
// with its points (and, when it failed, what it expected and found), the
// total.
func writeScoreReport(w io.Writer, l check.Lang, v *scenarios.Variant, sc scenarios.Score, reason string) {
	s := v.Scenario
	fmt.Fprintf(w, "\n== %s: %s ==\n", s.ID, s.Title.In(l))
	fmt.Fprintf(w, msg(l, "seed %d", "시드 %d"), v.Seed)
	if vals := describeValues(v.Values); vals != "" {
		fmt.Fprintf(w, " (%s)", vals)
	}
	switch reason {
	case record.ReasonTimeout:
		fmt.Fprint(w, msg(l, "; submitted when the time ran out", "; 시간 종료로 제출됨"))
	case record.ReasonSubmitted:
		fmt.Fprint(w, msg(l, "; submitted", "; 제출됨"))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, c := range sc.Checks {
		mark := msg(l, "pass", "통과")
		if !c.Pass {
			mark = msg(l, "FAIL", "실패")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%d/%d\t%s\n", mark, c.ID, c.Earned, c.Points, c.Text.In(l))
	}
	tw.Flush()
	for _, c := range sc.Checks {
		if !c.Pass {
			fmt.Fprintf(w, "  %s: %s\n", c.ID, c.Explain(l))
		}
	}
	fmt.Fprintf(w, msg(l, "Score: %d/%d (%d%%)\n", "점수: %d/%d (%d%%)\n"), sc.Total, sc.Max, percent(sc.Total, sc.Max))
}

// describeValues writes a variant's values as name=value, by name.
func describeValues(vals map[string]string) string {
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + vals[k]
	}
	return strings.Join(parts, " ")
}

func percent(n, of int) int {
	if of == 0 {
		return 0
	}
	return (n*100 + of/2) / of
}

// newListScenariosCmd is rclab list scenarios.
func newListScenariosCmd(stdout, stderr io.Writer) *cobra.Command {
	var lang, dir string
	cmd := &cobra.Command{
		Use:   "scenarios",
		Short: "List the exam scenarios, one per line: id, title, points, time limit",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := lessonLang(lang, hostEnv.getenv)
			if err != nil {
				return err
			}
			list, err := loadScenarios(dir, stderr)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
			for _, s := range list {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.ID, s.Title.In(l),
					fmt.Sprintf(msg(l, "%d points", "%d점"), s.Points()), formatLimit(time.Duration(s.TimeLimit)))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "language of the titles: en or ko (default: from LC_ALL, LC_MESSAGES, LANG)")
	cmd.Flags().StringVar(&dir, "dir", "", "read scenarios from this directory instead of the built-in ones")
	return cmd
}

// formatLimit writes a time limit without zero units: 20m, 1h30m, 45s.
func formatLimit(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
