package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"rclab/lessons/check"
	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

var builtinScenarios = sync.OnceValues(func() ([]*scenarios.Scenario, error) {
	return scenarios.LoadAll(scenarios.Content())
})

// variantOf is the variant seed of the built-in scenario id.
func variantOf(tb testing.TB, id string, seed uint64) *scenarios.Variant {
	tb.Helper()
	list, err := builtinScenarios()
	if err != nil {
		tb.Fatal(err)
	}
	s := scenarios.Find(list, id)
	if s == nil {
		tb.Fatalf("no built-in scenario %s", id)
	}
	v, err := s.Variant(seed)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func typed(lines ...string) []sim.Action {
	out := make([]sim.Action, len(lines))
	for i, l := range lines {
		out[i] = sim.Action{Kind: sim.Type, Line: l}
	}
	return out
}

func solutionOf(v *scenarios.Variant) []sim.Action {
	out := make([]sim.Action, len(v.Scenario.Solution))
	for i, a := range v.Scenario.Solution {
		out[i] = a.SimAction()
	}
	return out
}

// recordSession plays actions as a live exam would and returns the
// transcript. With reason "" the session has no footer; with a non-nil
// footer that footer is written whatever the score.
func recordSession(tb testing.TB, v *scenarios.Variant, key []byte, student string, actions []sim.Action, reason string, footer *record.Footer) []byte {
	tb.Helper()
	s, err := scenarios.NewSession(v, examOptions()...)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := record.NewWriter(&buf, transcriptHeader(s, student), key)
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range actions {
		res, err := s.Apply(a)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Append(a, s.Machine().Now(), res.Status, res.Output); err != nil {
			tb.Fatal(err)
		}
	}
	switch {
	case footer != nil:
		err = w.Close(*footer)
	case reason != "":
		err = w.Close(transcriptFooter(s.Score(), reason, s.Machine().Now()))
	}
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func gradeBytes(tb testing.TB, key, data []byte) gradeRow {
	tb.Helper()
	list, err := builtinScenarios()
	if err != nil {
		tb.Fatal(err)
	}
	g := &grader{key: key, list: list}
	row := gradeRow{File: "x.jsonl", Status: statusNotScored}
	g.grade(&row, data)
	return row
}

// TestGradeScores grades sessions of E07: the reference solution, known
// wrong answers, a footer that lies, a session without footer.
func TestGradeScores(t *testing.T) {
	t.Parallel()
	v := variantOf(t, "E07", 1)
	key := []byte("k")
	lie := &record.Footer{Reason: record.ReasonSubmitted, Earned: 6, Max: 6}
	tests := []struct {
		name    string
		actions []sim.Action
		reason  string
		footer  *record.Footer
		score   int
		status  string
		note    string
	}{
		{"reference", solutionOf(v), record.ReasonSubmitted, nil, 6, statusSubmitted, ""},
		{"started only", typed("service httpd start"), record.ReasonTimeout, nil, 2, statusTimeout, ""},
		{"nothing", nil, record.ReasonQuit, nil, 0, statusQuit, ""},
		{"footer lies", typed("chkconfig httpd on"), "", lie, 2, statusSubmitted, "the file claimed 6/6"},
		{"no footer", solutionOf(v), "", nil, 6, statusUnfinished, "no footer"},
	}
	for _, tc := range tests {
		row := gradeBytes(t, key, recordSession(t, v, key, "Kim", tc.actions, tc.reason, tc.footer))
		if !row.Scored || row.Score != tc.score || row.Max != 6 || row.Status != tc.status {
			t.Errorf("%s: grade = %d/%d scored %v status %q %v; want %d/6 scored, %q", tc.name, row.Score, row.Max, row.Scored, row.Status, row.Note, tc.score, tc.status)
		}
		if got := strings.Join(row.Note, "; "); tc.note != "" && !strings.Contains(got, tc.note) || tc.note == "" && got != "" {
			t.Errorf("%s: notes = %q; want %q", tc.name, got, tc.note)
		}
		if row.Student != "Kim" || row.Scenario != v.Scenario.ID || row.Seed != 1 {
			t.Errorf("%s: row names %q %q %d; want Kim %s 1", tc.name, row.Student, row.Scenario, row.Seed, v.Scenario.ID)
		}
	}
}

// TestGradeTamper: any byte changed in a signed transcript makes it not
// scored, except the very last newline, which makes the file look cut by
// a crash (reported as unfinished). Dropped, swapped or duplicated lines
// and a wrong key or no key are not scored either.
func TestGradeTamper(t *testing.T) {
	t.Parallel()
	v := variantOf(t, "E07", 1)
	key := []byte("teacher key")
	data := recordSession(t, v, key, "Kim", solutionOf(v), record.ReasonSubmitted, nil)
	if row := gradeBytes(t, key, data); !row.Scored || row.Score != 6 {
		t.Fatalf("the untouched file grades %d scored %v %v; want 6, scored", row.Score, row.Scored, row.Note)
	}
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x01
		row := gradeBytes(t, key, bad)
		if i == len(data)-1 {
			if row.Status != statusUnfinished {
				t.Errorf("last newline flipped: status %q; want %q", row.Status, statusUnfinished)
			}
			continue
		}
		if row.Scored || row.Status != statusNotScored {
			t.Fatalf("byte %d (%q) flipped: scored %v status %q; want not scored", i, data[i], row.Scored, row.Status)
		}
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	lines = lines[:len(lines)-1] // the empty rest after the last newline
	join := func(ls ...[]byte) []byte { return bytes.Join(ls, nil) }
	edits := map[string][]byte{
		"drop an action":  join(append(append([][]byte{}, lines[:2]...), lines[3:]...)...),
		"swap actions":    join(append([][]byte{lines[0], lines[2], lines[1]}, lines[3:]...)...),
		"repeat a line":   join(append([][]byte{lines[0], lines[1], lines[1]}, lines[2:]...)...),
		"drop the header": join(lines[1:]...),
	}
	for name, bad := range edits {
		if row := gradeBytes(t, key, bad); row.Scored {
			t.Errorf("%s: scored %d; want not scored", name, row.Score)
		}
	}
	for name, k := range map[string][]byte{"wrong key": []byte("guess"), "no key": nil} {
		row := gradeBytes(t, k, data)
		if row.Scored || len(row.Note) == 0 {
			t.Errorf("%s: scored %v notes %v; want not scored, with the reason", name, row.Scored, row.Note)
		}
	}
	plain := recordSession(t, v, nil, "Kim", solutionOf(v), record.ReasonSubmitted, nil)
	if row := gradeBytes(t, key, plain); row.Scored || !strings.Contains(row.Note[0], "not signed") {
		t.Errorf("unsigned with a key: scored %v %v; want not scored: not signed", row.Scored, row.Note)
	}
	if row := gradeBytes(t, nil, plain); !row.Scored || row.Score != 6 {
		t.Errorf("unsigned without a key: scored %v %d %v; want 6", row.Scored, row.Score, row.Note)
	}
}

// TestGradeOtherVersion: a transcript recorded with another version of
// the scenario is graded with a warning, or refused when the replay
// differs or the seed no longer draws the recorded values.
func TestGradeOtherVersion(t *testing.T) {
	t.Parallel()
	v := variantOf(t, "E01", 2)
	data := recordSession(t, v, nil, "Kim", solutionOf(v), record.ReasonSubmitted, nil)
	t.Run("hash", func(t *testing.T) {
		bad := bytes.Replace(data, []byte(`"content_hash":"`), []byte(`"content_hash":"0`), 1)
		bad = bytes.Replace(bad, []byte(v.Scenario.Hash+`"`), []byte(v.Scenario.Hash[1:]+`"`), 1)
		row := gradeBytes(t, nil, bad)
		if !row.Scored || !strings.Contains(strings.Join(row.Note, ";"), "another version") {
			t.Errorf("grade = scored %v %v; want scored with a warning", row.Scored, row.Note)
		}
	})
	t.Run("values", func(t *testing.T) {
		other := "vsftpd"
		if v.Values["svc"] == other {
			other = "named"
		}
		bad := bytes.Replace(data, []byte(`"svc":"`+v.Values["svc"]+`"`), []byte(`"svc":"`+other+`"`), 1)
		row := gradeBytes(t, nil, bad)
		if row.Scored || !strings.Contains(row.Note[0], "the seed gives svc=") {
			t.Errorf("grade = scored %v %v; want not scored: the seed gives…", row.Scored, row.Note)
		}
	})
	t.Run("unknown", func(t *testing.T) {
		bad := bytes.Replace(data, []byte(v.Scenario.ID), []byte("E99-nothing"), 1)
		row := gradeBytes(t, nil, bad)
		if row.Scored || row.Note[0] != "unknown scenario E99-nothing" {
			t.Errorf("grade = scored %v %v; want not scored: unknown scenario", row.Scored, row.Note)
		}
	})
}

// TestExecResumeAfterCrash: a session cut mid-line by a crash, resumed
// with exec --resume, grades the same as the session never interrupted,
// and the files are identical.
func TestExecResumeAfterCrash(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	if err := os.WriteFile(keyFile, []byte("secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lines := []string{"chkconfig --list httpd", "chkconfig httpd on", "service httpd start", "chkconfig --list httpd"}
	exec := func(file string, resume bool, input []string) (int, string) {
		args := []string{"exec", "--scenario", "E07", "--record", file, "--key-file", keyFile}
		if resume {
			args = append(args, "--resume")
		} else {
			args = append(args, "--student", "Kim", "--seed", "3")
		}
		var out, errOut bytes.Buffer
		st := run(args, strings.NewReader(strings.Join(input, "\n")+"\n"), &out, &errOut)
		return st, errOut.String()
	}
	whole := filepath.Join(dir, "whole.jsonl")
	if st, msg := exec(whole, false, lines); st != 0 {
		t.Fatalf("exec = %d: %s", st, msg)
	}

	// The crash: three actions written, the third one cut in its middle.
	cut := filepath.Join(dir, "cut.jsonl")
	v := variantOf(t, "E07", 3)
	key := []byte("secret")
	recordFile(t, v, cut, key, "Kim", typed(lines[:3]...))
	data, _ := os.ReadFile(cut)
	last := bytes.LastIndexByte(data[:len(data)-1], '\n')
	if err := os.WriteFile(cut, data[:last+(len(data)-last)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	st, msg := exec(cut, true, lines[2:])
	if st != 0 || !strings.Contains(msg, "resuming "+cut+": 2 action(s) replayed") {
		t.Fatalf("exec --resume = %d, %q; want 0, resuming after 2 actions", st, msg)
	}
	got, _ := os.ReadFile(cut)
	want, _ := os.ReadFile(whole)
	if !bytes.Equal(got, want) {
		t.Errorf("the resumed file differs from the uninterrupted one:\n%s\nwant:\n%s", got, want)
	}
	a, b := gradeBytes(t, key, got), gradeBytes(t, key, want)
	if !reflect.DeepEqual(a, b) || !a.Scored || a.Score != 6 {
		t.Errorf("grade(resumed) = %+v; grade(whole) = %+v; want equal, 6 points", a, b)
	}
	if st, msg := exec(cut, true, lines); st != 2 || !strings.Contains(msg, "the session has ended (submitted)") {
		t.Errorf("exec --resume of a finished file = %d, %q; want 2, has ended", st, msg)
	}
}

// recordFile records actions to a new file as exec would, leaving it
// unfinished (no footer).
func recordFile(t *testing.T, v *scenarios.Variant, path string, key []byte, student string, actions []sim.Action) {
	t.Helper()
	s, err := scenarios.NewSession(v, examOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := createRecording(path, transcriptHeader(s, student), key)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		res, err := s.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := rec.Append(a, res, s.Machine().Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Abandon(); err != nil {
		t.Fatal(err)
	}
}

// TestGradeExitStatus: 0 when every file is scored, 1 when one is not, 2
// for usage errors.
func TestGradeExitStatus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	v := variantOf(t, "E07", 1)
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, recordSession(t, v, nil, "Kim", nil, record.ReasonSubmitted, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk.jsonl")
	if err := os.WriteFile(junk, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"grade", good}, 0},
		{[]string{"grade", "--format", "csv", good, good}, 0},
		{[]string{"grade", good, junk}, 1},
		{[]string{"grade", filepath.Join(dir, "missing")}, 1},
		{[]string{"grade"}, 2},
		{[]string{"grade", "--format", "xml", good}, 2},
		{[]string{"grade", "--jobs", "0", good}, 2},
		{[]string{"grade", "--key-file", filepath.Join(dir, "nokey"), good}, 2},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		if got := run(tc.args, strings.NewReader(""), &out, &errOut); got != tc.want {
			t.Errorf("rclab %s = %d; want %d\n%s%s", strings.Join(tc.args, " "), got, tc.want, out.String(), errOut.String())
		}
	}
}

// TestGradeAllSorted: rows come back sorted by student then file,
// whatever the order the workers finish in.
func TestGradeAllSorted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	v := variantOf(t, "E07", 1)
	var files []string
	for i, s := range []string{"Lee", "Kim", "Lee", "Ahn", ""} {
		p := filepath.Join(dir, string(rune('e'-i))+".jsonl")
		if err := os.WriteFile(p, recordSession(t, v, nil, s, nil, record.ReasonSubmitted, nil), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	list, _ := builtinScenarios()
	rows := (&grader{list: list}).gradeAll(files, 3, nil)
	var got []string
	for _, r := range rows {
		got = append(got, r.Student+"/"+filepath.Base(r.File))
	}
	want := []string{"/a.jsonl", "Ahn/b.jsonl", "Kim/d.jsonl", "Lee/c.jsonl", "Lee/e.jsonl"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gradeAll order = %v; want %v", got, want)
	}
}

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain\n", "plain\n"},
		{"\x1b[01;34mdir\x1b[0m  file\n", "dir  file\n"},
		{"Starting x:\x1b[60G[  \x1b[0;32mOK\x1b[0;39m  ]\r\n", "Starting x:" + strings.Repeat(" ", 48) + "[  OK  ]\n"},
		{"too long a line\x1b[5Gx", "too long a linex"},
		{"안녕\x1b[5Gx", "안녕  x"},
		{"cut \x1b[01", "cut "},
		{"lone \x1b alone", "lone \x1b alone"},
	}
	for _, tc := range tests {
		if got := plainText(tc.in); got != tc.want {
			t.Errorf("plainText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"a\x1b[1mb", "\x1b[60G[ OK ]\r\n", "\x1b[", "x\x1b[12;3Hy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := plainText(s)
		if strings.Contains(got, "\x1b[") && !strings.Contains(s, "\x1b[\x1b[") {
			// Only a sequence made of ESC [ ESC [ can leave one behind.
			t.Errorf("plainText(%q) = %q; still holds a control sequence", s, got)
		}
		if plainText(got) != got && !strings.Contains(got, "\x1b[") {
			t.Errorf("plainText is not idempotent on %q", s)
		}
	})
}

func TestIsScenarioSource(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      bool
	}{
		{"a.yaml", "id: E01-x\n", true},
		{"a.yaml", "# c\nid: \"E02-y\"\ntitle: x\n", true},
		{"E03.yaml", "id: L01-x\n", false},
		{"L01.yaml", "title: x\n", false},
		{"E04-x.yaml", "title: x\n", true},
		{"dir/E05-x.yaml", "  id: nested\n", true},
		{"x.yaml", "steps:\n  - id: E1\n", false},
		{"x.yaml", "", false},
	}
	for _, tc := range tests {
		if got := isScenarioSource(tc.name, []byte(tc.src)); got != tc.want {
			t.Errorf("isScenarioSource(%q, %q) = %v; want %v", tc.name, tc.src, got, tc.want)
		}
	}
}

func TestFormatLimit(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"20m": "20m", "1h30m": "1h30m", "2h": "2h", "45s": "45s", "1m30s": "1m30s"} {
		d, err := time.ParseDuration(in)
		if err != nil {
			t.Fatal(err)
		}
		got := formatLimit(d)
		if got != want {
			t.Errorf("formatLimit(%s) = %q; want %q", in, got, want)
		}
	}
}

func TestScoreReportLanguages(t *testing.T) {
	t.Parallel()
	v := variantOf(t, "E07", 1)
	s, _, err := scenarios.Replay(v, typed("service httpd start"), examOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	for l, want := range map[check.Lang]string{check.En: "Score: 2/6 (33%)", check.Ko: "점수: 2/6 (33%)"} {
		var b strings.Builder
		writeScoreReport(&b, l, v, s.Score(), record.ReasonSubmitted)
		if !strings.Contains(b.String(), want) || !strings.Contains(b.String(), "httpd-on-3: ") {
			t.Errorf("writeScoreReport(%s) = %q; want %q and the failed check explained", l, b.String(), want)
		}
	}
}
