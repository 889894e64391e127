package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rclab/cmd/rclab/tui"
	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

func TestExamUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	if err := os.WriteFile(key, []byte("k\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"exam"}, "name a scenario"},
		{[]string{"exam", "E01", "--resume", "x.jsonl"}, "not both"},
		{[]string{"exam", "--resume", "x.jsonl", "--seed", "3"}, "with --resume the seed"},
		{[]string{"exam", "--resume", "x.jsonl", "--student", "Kim"}, "with --resume the seed"},
		{[]string{"exam", "E01", "--key-file", key}, "--key-file signs the recording"},
		{[]string{"exam", "E01"}, "exam needs a terminal"},
		{[]string{"exam", "E01", "--lang", "fr"}, "--lang must be en or ko"},
		{[]string{"replay"}, "accepts 1 arg"},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		st := run(tc.args, strings.NewReader(""), &out, &errOut)
		if st != 2 || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("rclab %s = %d, %q; want 2, %q", strings.Join(tc.args, " "), st, errOut.String(), tc.want)
		}
	}
}

// writeKey writes a teacher's key file and returns its path and key.
func writeKey(t *testing.T, dir, key string) (string, []byte) {
	t.Helper()
	p := filepath.Join(dir, "teacher.key")
	if err := os.WriteFile(p, []byte(key+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p, []byte(key)
}

func TestPrepareExamRecords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keyFile, key := writeKey(t, dir, "s3cret")
	path := filepath.Join(dir, "kim.jsonl")
	fl := examTUIFlags{seed: 7, student: "Kim", record: path, keyFile: keyFile}
	x, rec, err := prepareExam(fl, []string{"E01"}, true, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Abandon()
	if x.Session == nil || x.Recorder == nil || x.RecordFile != path || x.Student != "Kim" || x.Resume != nil {
		t.Fatalf("prepareExam = %+v; want a recorded session of Kim", x)
	}
	if v := x.Session.Variant(); v.Seed != 7 || !strings.HasPrefix(v.Scenario.ID, "E01-") {
		t.Errorf("variant %s seed %d; want E01 seed 7", v.Scenario.ID, v.Seed)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := record.Read(bytes.NewReader(data), key)
	if err != nil {
		t.Fatal(err)
	}
	if h := tr.Header; !tr.Verified || h.Seed != 7 || h.Student != "Kim" || !strings.HasPrefix(h.Scenario, "E01-") || len(tr.Entries) != 0 {
		t.Errorf("header %+v, verified %v, %d entries; want E01, seed 7, Kim, verified, none", h, tr.Verified, len(tr.Entries))
	}
	if _, _, err := prepareExam(fl, []string{"E01"}, true, io.Discard); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second exam on the same file: %v; want it refused", err)
	}
	if _, _, err := prepareExam(examTUIFlags{}, []string{"E99"}, false, io.Discard); err == nil {
		t.Errorf("prepareExam(E99) succeeded; want no such scenario")
	}
	x, rec, err = prepareExam(examTUIFlags{}, []string{"E01"}, false, io.Discard)
	if err != nil || rec != nil || x.Recorder != nil {
		t.Errorf("prepareExam without --record = %v, recorder %v; want no recording", err, x.Recorder)
	}
}

// recordActions records actions on a session of E01 to path, without
// a footer, and returns the session's variant.
func recordActions(t *testing.T, path string, key []byte, actions []sim.Action) *scenarios.Variant {
	t.Helper()
	all, err := scenarios.LoadAll(scenarios.Content())
	if len(all) == 0 {
		t.Fatal(err)
	}
	v, err := scenarios.Find(all, "E01").Variant(3)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := scenarios.NewSession(v, examOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := createRecording(path, transcriptHeader(sess, "Lee"), key)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		res, err := sess.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := rec.Append(a, res, sess.Machine().Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Abandon(); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestResumeExam(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, key := writeKey(t, dir, "k")
	path := filepath.Join(dir, "lee.jsonl")
	recordActions(t, path, key, []sim.Action{{Kind: sim.Type, Line: "runlevel"}, {Kind: sim.Type, Line: "chkconfig --list httpd"}})
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"type":"action","seq":3,`) // killed while writing
	f.Close()

	list, _ := scenarios.LoadAll(scenarios.Content())
	x, rec, err := resumeExam(list, path, key, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if x.Resume == nil || len(x.Resume.Entries) != 2 || x.Student != "Lee" || x.Session.Variant().Seed != 3 || x.Session.Elapsed() != 0 {
		t.Fatalf("resumeExam = %+v; want a fresh session of seed 3 and the 2 actions of Lee", x)
	}
	sess, _, err := scenarios.Replay(x.Session.Variant(), []sim.Action{x.Resume.Entries[0].Action, x.Resume.Entries[1].Action}, examOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	a := sim.Action{Kind: sim.Type, Line: "runlevel"}
	res, err := sess.Apply(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Append(a, res, sess.Machine().Now()); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(transcriptFooter(sess.Score(), record.ReasonSubmitted, sess.Machine().Now())); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	tr, err := record.Read(bytes.NewReader(data), key)
	if err != nil {
		t.Fatalf("the continued transcript: %v", err)
	}
	if !tr.Verified || tr.Truncated || len(tr.Entries) != 3 || tr.Footer == nil {
		t.Errorf("continued: verified %v, truncated %v, %d entries, footer %v; want verified, whole, 3, a footer", tr.Verified, tr.Truncated, len(tr.Entries), tr.Footer)
	}
	if _, _, err := resumeExam(list, path, key, io.Discard); err == nil || !strings.Contains(err.Error(), "has ended") {
		t.Errorf("resuming a finished session: %v; want it refused", err)
	}
}

func TestReplayRefusesTampered(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keyFile, key := writeKey(t, dir, "k")
	good := filepath.Join(dir, "good.jsonl")
	v := recordActions(t, good, key, []sim.Action{{Kind: sim.Type, Line: "runlevel"}, {Kind: sim.Type, Line: "service httpd start"}})
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := write("flipped.jsonl", strings.Replace(string(data), "service httpd start", "service httpd stopp", 1))
	reordered := write("reordered.jsonl", lines[0]+lines[2]+lines[1])
	otherKey, _ := writeKey(t, t.TempDir(), "not the key")
	tests := []struct {
		file, key string
		want      string
	}{
		{flipped, keyFile, "line 3: signature does not match"},
		{reordered, keyFile, "line 2:"},
		{good, otherKey, "line 1:"},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		st := run([]string{"replay", tc.file, "--key-file", tc.key}, strings.NewReader(""), &out, &errOut)
		if st != 2 || !strings.Contains(errOut.String(), "is refused") || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("replay %s = %d, %q; want refused with %q", filepath.Base(tc.file), st, errOut.String(), tc.want)
		}
	}
	var out, errOut bytes.Buffer
	if st := run([]string{"replay", good, "--key-file", keyFile}, strings.NewReader(""), &out, &errOut); st != 2 || !strings.Contains(errOut.String(), "replay needs a terminal") {
		t.Errorf("replay of a good file without a terminal = %d, %q; want the terminal asked for", st, errOut.String())
	}
	r, err := prepareReplay(good, keyFile, "", tui.English, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Transcript.Verified || r.Variant.Seed != v.Seed || r.Variant.Scenario.ID != v.Scenario.ID || len(r.Notes) != 0 {
		t.Errorf("prepareReplay = verified %v, %s seed %d, notes %q; want verified, %s seed %d, no notes",
			r.Transcript.Verified, r.Variant.Scenario.ID, r.Variant.Seed, r.Notes, v.Scenario.ID, v.Seed)
	}
}
