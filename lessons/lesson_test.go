package lessons

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"rclab/lessons/check"
	"rclab/lessons/check/strict"
	"rclab/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// minimal is a valid lesson; the error cases below break it in one place.
const minimal = `id: L99-sample
title: {en: Sample, ko: 예제}
steps:
  - text: {en: "Run **ps**.", ko: "**ps**를 실행하세요."}
    hints:
      - {en: Use ps., ko: ps를 쓰세요.}
    check: {command: {matches: '^ps'}}
    solution: [ps]
`

func TestParseMinimal(t *testing.T) {
	t.Parallel()
	l, err := Parse("sample.yaml", []byte(minimal))
	if err != nil {
		t.Fatalf("Parse(minimal) = %v", err)
	}
	if l.ID != "L99-sample" || l.Image != "centos5" || len(l.Steps) != 1 || l.Steps[0].Check.Kind() != "command" {
		t.Errorf("Parse(minimal) = %+v", l)
	}
}

// loadErrors are lesson files with mistakes; the messages are golden.
var loadErrors = []struct{ name, src string }{
	{"unknown top-level key", strings.Replace(minimal, "title:", "titel:", 1)},
	{"missing translation", strings.Replace(minimal, "title: {en: Sample, ko: 예제}", "title: {en: Sample}", 1)},
	{"empty translation", strings.Replace(minimal, "ko: 예제", "ko: ''", 1)},
	{"unknown language", strings.Replace(minimal, "ko: 예제", "ko: 예제, jp: サンプル", 1)},
	{"text not a mapping", strings.Replace(minimal, "title: {en: Sample, ko: 예제}", "title: Sample", 1)},
	{"bad id", strings.Replace(minimal, "L99-sample", "lesson one", 1)},
	{"unknown image", strings.Replace(minimal, "title:", "image: debian\ntitle:", 1)},
	{"no steps", "id: L99-x\ntitle: {en: a, ko: 가}\nsteps: []\n"},
	{"missing check", strings.Replace(minimal, "    check: {command: {matches: '^ps'}}\n", "", 1)},
	{"malformed check", strings.Replace(minimal, "command: {matches: '^ps'}", "comand: {matches: '^ps'}", 1)},
	{"two kinds", strings.Replace(minimal, "check: {command: {matches: '^ps'}}", "check: {command: {matches: '^ps'}, lock: {service: x}}", 1)},
	{"bad regexp", strings.Replace(minimal, "'^ps'", "'^(ps'", 1)},
	{"unclosed code", strings.Replace(minimal, "Run **ps**.", "Run `ps.", 1)},
	{"unclosed bold", strings.Replace(minimal, "**ps**를", "**ps를", 1)},
	{"no hints", strings.Replace(minimal, "    hints:\n      - {en: Use ps., ko: ps를 쓰세요.}\n", "    hints: []\n", 1)},
	{"no solution", strings.Replace(minimal, "solution: [ps]", "solution: []", 1)},
	{"bad action", strings.Replace(minimal, "solution: [ps]", "solution: [{reboot: now}]", 1)},
	{"bad wait", strings.Replace(minimal, "solution: [ps]", "solution: [{wait: soon}]", 1)},
	{"bad setup file", strings.Replace(minimal, "steps:", "setup:\n  files:\n    - {path: etc/x, content: hi}\nsteps:", 1)},
	{"bad mode", strings.Replace(minimal, "steps:", "setup:\n  files:\n    - {path: /etc/x, mode: 999, content: hi}\nsteps:", 1)},
	{"wrong shape", strings.Replace(minimal, "steps:\n", "steps:\n  text: oops\n", 1)},
	{"bad indentation", "id: L99-x\n  title: {en: a, ko: 가}\n"},
	{"tab", "id: L99-x\n\ttitle: a\n"},
	{"duplicate key", minimal + "id: L98-again\n"},
	{"two documents", minimal + "---\nid: L98-again\n"},
	{"empty file", ""},
	{"several mistakes", strings.NewReplacer("titel", "", "title:", "titel:", "'^ps'", "'(ps'", "solution: [ps]", "solution: []").Replace(minimal)},
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, c := range loadErrors {
		_, err := Parse("lesson.yaml", []byte(c.src))
		fmt.Fprintf(&b, "### %s\n", c.name)
		if err == nil {
			t.Errorf("%s: Parse = nil error; want one", c.name)
			continue
		}
		var se strict.Errors
		if !errors.As(err, &se) || len(se) == 0 {
			t.Errorf("%s: error %v is not strict.Errors", c.name, err)
		}
		for _, e := range se {
			if e.File != "lesson.yaml" || e.Line < 1 || e.Col < 1 {
				t.Errorf("%s: error without a position: %#v", c.name, e)
			}
		}
		fmt.Fprintf(&b, "%s\n\n", err)
	}
	golden(t, "load_errors.golden", b.String())
}

func TestLoadAllTeacherDir(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a.yaml":     {Data: []byte(minimal)},
		"b.yaml":     {Data: []byte(strings.Replace(minimal, "L99-sample", "L01-first", 1))},
		"dup.yml":    {Data: []byte(minimal)},
		"notes.txt":  {Data: []byte("not a lesson")},
		"bad.yaml":   {Data: []byte("id: [\n")},
		"sub/c.yaml": {Data: []byte(minimal)},
	}
	ls, err := LoadAll(fsys)
	var se strict.Errors
	if !errors.As(err, &se) || len(se) != 2 {
		t.Fatalf("LoadAll error = %v; want two problems (bad.yaml, dup.yml)", err)
	}
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	if diff := cmp.Diff([]string{"L01-first", "L99-sample"}, ids); diff != "" {
		t.Errorf("LoadAll ids (-want +got):\n%s", diff)
	}
	if Find(ls, "l01") == nil || Find(ls, "L99-sample") == nil || Find(ls, "L02") != nil {
		t.Errorf("Find does not match ids by prefix and case")
	}
	if errs := Validate(fsys, "a.yaml", "bad.yaml", "missing.yaml"); len(errs) != 2 {
		t.Errorf("Validate = %v; want 2 errors", errs)
	}
}

func TestMarkup(t *testing.T) {
	t.Parallel()
	src := "First **bold** and `code`\nstill first.\n\n- item `one`\n- item two\n  wrapped\n1. numbered\n\n    $ ps aux\nlast"
	blocks, err := ParseMarkup(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Paragraph, Spans: []Span{{Text: "First "}, {Text: "bold", Bold: true}, {Text: " and "}, {Text: "code", Code: true}, {Text: " still first."}}},
		{Kind: Item, Spans: []Span{{Text: "item "}, {Text: "one", Code: true}}},
		{Kind: Item, Spans: []Span{{Text: "item two wrapped"}}},
		{Kind: NumItem, Num: 1, Spans: []Span{{Text: "numbered"}}},
		{Kind: Pre, Text: "$ ps aux"},
		{Kind: Paragraph, Spans: []Span{{Text: "last"}}},
	}
	if diff := cmp.Diff(want, blocks); diff != "" {
		t.Errorf("ParseMarkup (-want +got):\n%s", diff)
	}
	wantPlain := "First bold and `code` still first.\n\n  • item `one`\n  • item two wrapped\n  1. numbered\n    $ ps aux\n\nlast\n"
	if got := RenderPlain(src); got != wantPlain {
		t.Errorf("RenderPlain = %q; want %q", got, wantPlain)
	}
	for _, bad := range []string{"a `b", "**a", "x\n\n- `y"} {
		if _, err := ParseMarkup(bad); err == nil {
			t.Errorf("ParseMarkup(%q) = nil error", bad)
		}
	}
}

// FuzzLoad feeds the loader arbitrary bytes: it must not panic, and every
// error must name a file, line and column.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(minimal))
	for _, c := range loadErrors {
		f.Add([]byte(c.src))
	}
	ls, _ := LoadAll(Content())
	for _, l := range ls {
		data, _ := os.ReadFile(filepath.Join("content", l.File))
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("fuzz.yaml", data)
		if err == nil {
			return
		}
		var se strict.Errors
		if !errors.As(err, &se) || len(se) == 0 {
			t.Fatalf("error %q is not a list of positioned errors", err)
		}
		for _, e := range se {
			if e.File != "fuzz.yaml" || e.Line < 1 || e.Col < 1 || e.Msg == "" {
				t.Fatalf("error without a position: %#v", e)
			}
		}
	})
}

func testLesson(t testing.TB) *Lesson {
	t.Helper()
	src := `id: L98-player
title: {en: Player, ko: 플레이어}
setup:
  commands: [mkdir -p /root/answers]
steps:
  - text: {en: Stop crond., ko: crond를 멈추세요.}
    hints:
      - {en: idea, ko: 개념}
      - {en: shape, ko: 형태}
      - {en: answer, ko: 답}
    check: {lock: {service: crond, exists: false}}
    solution: [service crond stop]
  - text: {en: Switch to 3., ko: 3으로 바꾸세요.}
    hints: [{en: telinit, ko: telinit}]
    check: {runlevel: {current: "3"}}
    solution: [telinit 3]
`
	l, err := Parse("player.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPlayer(t *testing.T) {
	t.Parallel()
	p, err := NewPlayer(testLesson(t), sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if o, done, _ := p.Check(); o.Pass || len(done) != 0 {
		t.Errorf("Check at the start = %v %v; want a failing check", o.Pass, done)
	}
	for i, want := range []string{"idea", "shape", "answer", "answer"} {
		h, n, of, ok := p.Hint()
		if !ok || h[check.En] != want || n != min(i+1, 3) || of != 3 {
			t.Errorf("Hint() #%d = %v %d/%d %v; want %q", i+1, h, n, of, ok, want)
		}
	}
	tr, err := p.Type("ls /tmp")
	if err != nil || len(tr.Completed) != 0 {
		t.Fatalf("Type(ls) = %+v, %v", tr, err)
	}
	tr, _ = p.Type("service crond stop")
	if len(tr.Completed) != 1 || tr.Completed[0] != 0 || p.StepIndex() != 1 {
		t.Fatalf("after service crond stop: completed %v, step %d; want step 0 done", tr.Completed, p.StepIndex())
	}
	// Undo goes back before the command, to step 0; redo returns.
	if ok, err := p.Undo(); !ok || err != nil || p.StepIndex() != 0 {
		t.Fatalf("Undo = %v %v, step %d; want back at step 0", ok, err, p.StepIndex())
	}
	if _, err := p.Machine().Stat("/var/lock/subsys/crond"); err != nil {
		t.Errorf("after Undo, crond's lock is still gone")
	}
	if ok, _ := p.Redo(); !ok || p.StepIndex() != 1 {
		t.Fatalf("Redo: step %d; want 1", p.StepIndex())
	}
	if sol := p.Solution(); len(sol) != 1 || sol[0].Line != "telinit 3" {
		t.Errorf("Solution() = %v", sol)
	}
	tr, _ = p.Type("telinit 3")
	if !tr.Done || !p.Done() || p.Step() != nil {
		t.Errorf("after telinit 3: done=%v; want the lesson complete", tr.Done)
	}
	s := p.Summary()
	if !s.Done || s.Completed != 2 || s.Commands != 3 || s.Hints != 3 || !s.Assisted || len(s.AssistedSteps) != 1 {
		t.Errorf("Summary() = %+v", s)
	}
	if err := p.Reset(); err != nil {
		t.Fatal(err)
	}
	if p.StepIndex() != 0 || p.CanUndo() {
		t.Errorf("after Reset: step %d, can undo %v", p.StepIndex(), p.CanUndo())
	}
	if _, cur := p.Machine().Runlevel(); cur != '5' {
		t.Errorf("after Reset: runlevel %c; want 5", cur)
	}
	if s := p.Summary(); s.Commands != 0 || s.Completed != 0 || !s.Assisted {
		t.Errorf("Summary() after Reset = %+v; want no commands, assisted kept", s)
	}
}

// TestPlayerAdvancesOverDoneSteps: a step whose check already passes is
// completed at once.
func TestPlayerAdvancesOverDoneSteps(t *testing.T) {
	t.Parallel()
	p, err := NewPlayer(testLesson(t), sim.WithTerminal(false))
	if err != nil {
		t.Fatal(err)
	}
	if tr, _ := p.Type("telinit 3"); len(tr.Completed) != 0 {
		t.Fatalf("telinit 3 completed %v; want nothing yet", tr.Completed)
	}
	tr, _ := p.Type("service crond stop")
	if len(tr.Completed) != 2 || !tr.Done {
		t.Errorf("one line doing both steps: completed %v done %v; want both", tr.Completed, tr.Done)
	}
}

func BenchmarkLoadAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadAll(Content()); err != nil {
			b.Fatal(err)
		}
	}
}
