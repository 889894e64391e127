package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rclab/cmd/rclab/tui"
	"rclab/lessons"
	"rclab/lessons/check"
	"rclab/lessons/check/strict"
	"rclab/sim"
)

// lessonEnv is what the lesson commands read from the host: the
// environment (language, data directory) and the clock for progress
// dates. Tests replace it.
type lessonEnv struct {
	getenv func(string) string
	now    func() time.Time
}

var hostEnv = lessonEnv{getenv: os.Getenv, now: time.Now}

// addLessonCommands registers list, validate, lesson and progress on
// root (newRoot calls it).
func addLessonCommands(root *cobra.Command, stdin io.Reader, stdout, stderr io.Writer) {
	var lang, dir string
	langFlag := func(cmd *cobra.Command) {
		cmd.Flags().StringVar(&lang, "lang", "", "language of the texts: en or ko (default: from LC_ALL, LC_MESSAGES, LANG)")
	}
	dirFlag := func(cmd *cobra.Command) {
		cmd.Flags().StringVar(&dir, "dir", "", "read lessons from this directory instead of the built-in ones")
	}

	list := &cobra.Command{
		Use:   "list",
		Short: "List what rclab offers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	listLessons := &cobra.Command{
		Use:   "lessons",
		Short: "List the lessons, one per line: id, then title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := lessonLang(lang, hostEnv.getenv)
			if err != nil {
				return err
			}
			ls, err := loadLessons(dir, stderr)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
			for _, x := range ls {
				fmt.Fprintf(tw, "%s\t%s\n", x.ID, x.Title.In(l))
			}
			return tw.Flush()
		},
	}
	langFlag(listLessons)
	dirFlag(listLessons)
	list.AddCommand(listLessons, newListScenariosCmd(stdout, stderr))

	validate := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check lesson and scenario files without running them",
		Long: `validate reads each lesson or scenario file (a scenario's id starts with E)
and reports every problem with its file, line and column: unknown keys,
missing translations, malformed checks, bad markup. It prints "FILE: ok" for a good file and exits with status 1 if any
file has a problem.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bad := false
			for _, file := range args {
				errs := validateFile(file)
				if len(errs) == 0 {
					fmt.Fprintf(stdout, "%s: ok\n", file)
					continue
				}
				bad = true
				for _, e := range errs {
					fmt.Fprintln(stdout, e)
				}
			}
			if bad {
				return exitError{1}
			}
			return nil
		},
	}

	var fresh bool
	lesson := &cobra.Command{
		Use:   "lesson [ID]",
		Short: "Play a lesson",
		Long: `lesson plays a lesson. On a terminal it opens the lesson in the terminal UI.
Otherwise (standard input or output is not a terminal) it plays it in a line
console: it shows each step, runs the commands you type on the lesson's
machine and moves on when the step's check passes. Besides shell commands it understands: hint, check, solution, undo,
redo, reset, text, quit (also with a leading colon, as :hint). When the
machine is off, boot [ARGS] powers it on with kernel arguments, as typed at
GRUB. Without ID it continues with the first lesson not yet completed.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := lessonLang(lang, hostEnv.getenv)
			if err != nil {
				return err
			}
			ls, err := loadLessons(dir, stderr)
			if err != nil {
				return err
			}
			store, prog, err := loadProgress(stderr)
			if err != nil {
				return err
			}
			var pick *lessons.Lesson
			if len(args) == 1 {
				if pick = lessons.Find(ls, args[0]); pick == nil {
					return fmt.Errorf("no lesson %q (rclab list lessons shows them)", args[0])
				}
			} else {
				for _, x := range ls {
					if lp := prog.Lessons[x.ID]; lp == nil || !lp.Completed {
						pick = x
						break
					}
				}
				if pick == nil && len(ls) > 0 {
					pick = ls[0]
				}
				if pick == nil {
					return errors.New("there are no lessons")
				}
			}
			if isTerminal(stdin) && isTerminal(stdout) {
				// On a terminal, the lesson opens in the terminal UI.
				ui := []tui.Option{tui.WithLessons(ls), tui.WithStartLesson(pick.ID)}
				if fresh {
					ui = append(ui, tui.WithMachineOptions(sim.WithFreshBoot()))
				}
				return runTUI(tuiLang(l), stderr, ui...)
			}
			opts := []sim.Option{sim.WithTerminal(isTerminal(stdout)), sim.WithProgram(explainProgram(l))}
			if fresh {
				opts = append(opts, sim.WithFreshBoot())
			}
			c := &console{
				lang: l, in: bufio.NewScanner(stdin), out: stdout, errOut: stderr,
				store: store, prog: prog, now: hostEnv.now,
			}
			return c.play(pick, opts...)
		},
	}
	langFlag(lesson)
	dirFlag(lesson)
	lesson.Flags().BoolVar(&fresh, "fresh-boot", false, "boot the machine from scratch instead of reusing a cached boot")

	progress := &cobra.Command{
		Use:   "progress",
		Short: "Show, export or import your lesson progress",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := lessonLang(lang, hostEnv.getenv)
			if err != nil {
				return err
			}
			store, p, err := loadProgress(stderr)
			if err != nil {
				return err
			}
			ls, err := loadLessons(dir, stderr)
			if err != nil {
				return err
			}
			showProgress(stdout, l, ls, p, store.path)
			return nil
		},
	}
	langFlag(progress)
	dirFlag(progress)
	progress.AddCommand(&cobra.Command{
		Use:   "export FILE",
		Short: "Write your progress to FILE",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openStore(hostEnv.getenv)
			if err != nil {
				return err
			}
			notice, err := store.Export(args[0])
			if notice != "" {
				fmt.Fprintf(stderr, "rclab: %s\n", notice)
			}
			return err
		},
	}, &cobra.Command{
		Use:   "import FILE",
		Short: "Merge the progress in FILE into yours",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openStore(hostEnv.getenv)
			if err != nil {
				return err
			}
			notice, err := store.Import(args[0])
			if notice != "" {
				fmt.Fprintf(stderr, "rclab: %s\n", notice)
			}
			return err
		},
	})

	root.AddCommand(list, validate, lesson, progress)
}

// lessonLang picks the language of lessons: the flag, else the locale variables.
func lessonLang(flag string, getenv func(string) string) (check.Lang, error) {
	if flag != "" {
		l, ok := check.ParseLang(flag)
		if !ok {
			return check.En, fmt.Errorf("unknown language %q: use en or ko", flag)
		}
		return l, nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			l, _ := check.ParseLang(s)
			return l, nil
		}
	}
	return check.En, nil
}

// loadLessons loads the built-in lessons, or a teacher's directory.
// Problems in a teacher's files are reported and the good lessons kept.
func loadLessons(dir string, stderr io.Writer) ([]*lessons.Lesson, error) {
	return loadContent(dir, lessons.Content(), lessons.LoadAll, stderr)
}

// validateFile parses one lesson file from the host's disk.
func validateFile(file string) []error {
	data, err := os.ReadFile(file)
	if err != nil {
		return []error{err}
	}
	if isScenarioSource(file, data) {
		return validateScenarioFile(file, data)
	}
	_, err = lessons.Parse(file, data)
	return strict.Problems(err)
}

func openStore(getenv func(string) string) (progressStore, error) {
	p, err := defaultProgressPath(getenv)
	return progressStore{path: p}, err
}

// loadProgress opens the learner's store and loads it; a notice (a
// corrupt file set aside) goes to stderr.
func loadProgress(stderr io.Writer) (progressStore, *Progress, error) {
	store, err := openStore(hostEnv.getenv)
	if err != nil {
		return store, nil, err
	}
	prog, notice, err := store.Load()
	if notice != "" {
		fmt.Fprintf(stderr, "rclab: %s\n", notice)
	}
	return store, prog, err
}

func showProgress(w io.Writer, l check.Lang, ls []*lessons.Lesson, p *Progress, path string) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, x := range ls {
		lp := p.Lessons[x.ID]
		state := msg(l, "not started", "시작 전")
		switch {
		case lp == nil:
		case lp.Completed && lp.Assisted:
			state = fmt.Sprintf(msg(l, "done with help, best %d commands", "도움 받아 완료, 최소 %d개 명령"), lp.BestCommands)
		case lp.Completed:
			state = fmt.Sprintf(msg(l, "done, best %d commands", "완료, 최소 %d개 명령"), lp.BestCommands)
		default:
			state = fmt.Sprintf(msg(l, "%d of %d steps", "%d/%d 단계"), len(lp.StepsDone), len(x.Steps))
		}
		fmt.Fprintf(tw, "%s\t%s\n", x.ID, state)
	}
	tw.Flush()
	fmt.Fprintf(w, msg(l, "(kept in %s)\n", "(저장 위치: %s)\n"), path)
}

// msg picks the text of the UI language.
func msg(l check.Lang, en, ko string) string {
	if l == check.Ko {
		return ko
	}
	return en
}

// console plays a lesson in the line console.
type console struct {
	lang   check.Lang
	in     *bufio.Scanner
	out    io.Writer
	errOut io.Writer
	store  progressStore
	prog   *Progress
	now    func() time.Time
	p      *lessons.Player
}

func (c *console) say(en, ko string, a ...any) {
	fmt.Fprintf(c.out, msg(c.lang, en, ko), a...)
}

func (c *console) text(t check.Text) string { return lessons.RenderPlain(t.In(c.lang)) }

func (c *console) play(l *lessons.Lesson, opts ...sim.Option) error {
	c.say("Setting up the machine for %s…\n", "%s 실습 머신을 준비하는 중…\n", l.ID)
	p, err := lessons.NewPlayer(l, opts...)
	if err != nil {
		return err
	}
	c.p = p
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	go func() {
		for range sigs {
			c.p.Machine().Interrupt()
		}
	}()
	fmt.Fprintf(c.out, "\n== %s: %s ==\n\n", l.ID, l.Title.In(c.lang))
	if len(l.Intro) > 0 {
		fmt.Fprint(c.out, c.text(l.Intro))
		fmt.Fprintln(c.out)
	}
	c.say("Type commands as at a root prompt. Lesson commands: hint, check, solution, undo, redo, reset, text, explain SERVICE, quit.\n",
		"root 프롬프트처럼 명령을 입력하세요. 레슨 명령: hint, check, solution, undo, redo, reset, text, explain 서비스, quit.\n")
	c.showStep()
	for !c.p.Done() {
		prompt := c.p.Machine().Prompt()
		if c.p.Machine().Down() != "" {
			prompt = "(off)> "
		}
		fmt.Fprint(c.out, prompt)
		if !c.in.Scan() {
			fmt.Fprintln(c.out)
			c.say("Leaving the lesson; your progress is saved.\n", "레슨을 나갑니다. 진행 상황은 저장되었습니다.\n")
			return c.in.Err()
		}
		line := c.in.Text()
		if quit, err := c.handle(line); err != nil || quit {
			return err
		}
	}
	c.finish()
	return nil
}

// handle acts on one input line; quit is set when the learner leaves.
func (c *console) handle(line string) (quit bool, err error) {
	m := c.p.Machine()
	word := strings.TrimPrefix(strings.TrimSpace(line), ":")
	meta := strings.HasPrefix(strings.TrimSpace(line), ":") || !m.Pending()
	if meta {
		switch word {
		case "hint":
			h, n, of, ok := c.p.Hint()
			if ok {
				c.say("Hint %d/%d: ", "힌트 %d/%d: ", n, of)
				fmt.Fprint(c.out, c.text(h))
			}
			return false, nil
		case "check":
			o, done, err := c.p.Check()
			if err != nil {
				return false, err
			}
			if o.Pass {
				c.say("The check passes.\n", "검사를 통과했습니다.\n")
			} else {
				c.say("Not yet: %s\n", "아직입니다. %s\n", o.Explain(c.lang))
			}
			c.completed(done)
			return false, nil
		case "solution":
			c.say("Show the solution of this step? It counts as help. [y/N] ", "이 단계의 답을 볼까요? 도움을 받은 것으로 기록됩니다. [y/N] ")
			if !c.in.Scan() {
				fmt.Fprintln(c.out)
				return false, nil
			}
			if a := strings.ToLower(strings.TrimSpace(c.in.Text())); a != "y" && a != "yes" && a != "예" && a != "네" {
				return false, nil
			}
			for _, a := range c.p.Solution() {
				fmt.Fprintf(c.out, "    %s\n", a)
			}
			return false, nil
		case "undo", "redo":
			var ok bool
			if word == "undo" {
				ok, err = c.p.Undo()
			} else {
				ok, err = c.p.Redo()
			}
			if err != nil {
				return false, err
			}
			if !ok {
				c.say("Nothing to %s.\n", "%s할 것이 없습니다.\n", word)
				return false, nil
			}
			c.say("Done: the machine is back as it was.\n", "머신을 그때 상태로 되돌렸습니다.\n")
			c.showStep()
			return false, nil
		case "reset":
			if err := c.p.Reset(); err != nil {
				return false, err
			}
			c.say("The lesson starts over on a fresh machine.\n", "새 머신에서 레슨을 처음부터 다시 시작합니다.\n")
			c.showStep()
			return false, nil
		case "text":
			c.showStep()
			return false, nil
		}
		if svc, ok := strings.CutPrefix(word, "explain "); ok && strings.TrimSpace(svc) != "" {
			// Why a service is (not) running now and whether it will start
			// at the next boot; the machine itself is not changed.
			writeExplanation(c.out, c.out, m, strings.TrimSpace(svc), c.lang)
			return false, nil
		}
		switch word {
		case "quit", "exit-lesson":
			c.say("Leaving the lesson; your progress is saved.\n", "레슨을 나갑니다. 진행 상황은 저장되었습니다.\n")
			return true, nil
		}
	}
	var a sim.Action
	switch {
	case m.Down() != "":
		args, ok := strings.CutPrefix(strings.TrimSpace(line), "boot")
		if !ok || args != "" && args[0] != ' ' {
			c.say("The machine is off. Type boot to power it on, or boot ARGS to add kernel arguments as at GRUB (boot single).\n",
				"머신이 꺼져 있습니다. boot로 전원을 켜거나, GRUB에서처럼 커널 인자를 더하려면 boot 인자(boot single)를 입력하세요.\n")
			return false, nil
		}
		a = sim.Action{Kind: sim.PowerOn, Args: strings.Fields(args)}
	default:
		a = sim.Action{Kind: sim.Type, Line: line}
	}
	t, err := c.p.Apply(a)
	if err != nil {
		return false, err
	}
	io.WriteString(c.out, t.Result.Output)
	if t.Result.Down {
		c.say("The machine is off (%s). Type boot, or boot ARGS with kernel arguments.\n",
			"머신이 꺼졌습니다 (%s). boot, 또는 커널 인자와 함께 boot 인자를 입력하세요.\n", strings.TrimSpace(c.p.Machine().Down()))
	}
	c.completed(t.Completed)
	return false, nil
}

// completed announces finished steps and records them.
func (c *console) completed(steps []int) {
	if len(steps) == 0 {
		return
	}
	l := c.p.Lesson()
	for _, i := range steps {
		c.say("\n✓ Step %d done.\n", "\n✓ %d단계 완료.\n", i+1)
		c.prog.StepDone(l.ID, i, len(l.Steps))
	}
	c.save()
	if !c.p.Done() {
		c.showStep()
	}
}

func (c *console) save() {
	if err := c.store.Save(c.prog); err != nil {
		fmt.Fprintf(c.errOut, "rclab: saving progress: %v\n", err)
	}
}

func (c *console) showStep() {
	s := c.p.Step()
	if s == nil {
		return
	}
	n := c.p.StepIndex() + 1
	c.say("\n--- Step %d of %d ---\n", "\n--- %d/%d단계 ---\n", n, len(c.p.Lesson().Steps))
	fmt.Fprint(c.out, c.text(s.Text))
	if s.Command != "" {
		c.say("Try: %s\n", "해 보기: %s\n", s.Command)
	}
	fmt.Fprintln(c.out)
}

func (c *console) finish() {
	s := c.p.Summary()
	l := c.p.Lesson()
	c.prog.LessonDone(l.ID, s.Steps, s.Commands, s.Assisted, c.now())
	c.save()
	lp := c.prog.Lessons[l.ID]
	c.say("\n== Lesson complete: %s ==\n", "\n== 레슨 완료: %s ==\n", l.Title.In(c.lang))
	c.say("Steps: %d/%d, commands typed: %d, hints: %d, solutions shown: %d.\n",
		"단계: %d/%d, 입력한 명령: %d개, 힌트: %d개, 답 보기: %d번.\n", s.Completed, s.Steps, s.Commands, s.Hints, len(s.AssistedSteps))
	c.say("Best so far: %d commands.\n", "지금까지 최소 명령 수: %d개.\n", lp.BestCommands)
}
