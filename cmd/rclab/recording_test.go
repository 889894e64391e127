package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

func TestReadKeyFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          string // "" means an error
	}{
		{"plain", "s3cret", "s3cret"},
		{"newline", "s3cret\n", "s3cret"},
		{"spaces", "  s3 cret \r\n\n", "s3 cret"},
		{"empty", "", ""},
		{"blank", " \n\t\n", ""},
	}
	for _, tc := range tests {
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, []byte(tc.content), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := readKeyFile(p)
		if tc.want == "" {
			if err == nil {
				t.Errorf("readKeyFile(%q) = %q; want an error", tc.content, got)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("readKeyFile(%q) = %q, %v; want %q", tc.content, got, err, tc.want)
		}
	}
	if _, err := readKeyFile(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("readKeyFile(missing) succeeded; want an error")
	}
}

// testVariant is a variant of the first built-in scenario.
func testVariant(t testing.TB, seed uint64) *scenarios.Variant {
	t.Helper()
	all, err := scenarios.LoadAll(scenarios.Content())
	if len(all) == 0 {
		t.Fatalf("no built-in scenarios: %v", err)
	}
	v, err := all[0].Variant(seed)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

var testLines = []string{"echo one", "chkconfig --list httpd", "ls /etc/rc.d", "echo four", "true"}

// recordLines records a session of v typing lines into a new file at path.
// With finish the footer is written; else the file is left as a crash
// would leave it.
func recordLines(t *testing.T, v *scenarios.Variant, path string, key []byte, lines []string, finish bool) {
	t.Helper()
	s, err := scenarios.NewSession(v, examOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := createRecording(path, transcriptHeader(s, "Kim"), key)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		a := sim.Action{Kind: sim.Type, Line: l}
		res, err := s.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := rec.Append(a, res, s.Machine().Now()); err != nil {
			t.Fatal(err)
		}
	}
	if !finish {
		if err := rec.Abandon(); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := rec.Close(transcriptFooter(s.Score(), record.ReasonSubmitted, s.Machine().Now())); err != nil {
		t.Fatal(err)
	}
}

func TestCreateRecordingNeverOverwrites(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "kim.jsonl")
	if err := os.WriteFile(p, []byte("earlier attempt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := createRecording(p, record.Header{Scenario: "E01-x"}, nil)
	if err == nil || !strings.Contains(err.Error(), "--resume") {
		t.Errorf("createRecording(existing) = %v; want an error suggesting --resume", err)
	}
	if data, _ := os.ReadFile(p); string(data) != "earlier attempt\n" {
		t.Errorf("the existing file now holds %q; want it untouched", data)
	}
}

// TestResumeAfterCrash cuts a recording in the middle of its last line,
// as kill -9 during a write would, resumes it, redoes the lost action and
// finishes: the file must be the same as a session never interrupted.
func TestResumeAfterCrash(t *testing.T) {
	t.Parallel()
	for _, key := range [][]byte{nil, []byte("teacher key")} {
		v := testVariant(t, 7)
		dir := t.TempDir()
		whole := filepath.Join(dir, "whole.jsonl")
		recordLines(t, v, whole, key, testLines, true)

		cut := filepath.Join(dir, "cut.jsonl")
		recordLines(t, v, cut, key, testLines[:3], false)
		data, err := os.ReadFile(cut)
		if err != nil {
			t.Fatal(err)
		}
		last := bytes.LastIndexByte(data[:len(data)-1], '\n')
		cutAt := last + 1 + (len(data)-last-1)/2
		if err := os.WriteFile(cut, data[:cutAt], 0o644); err != nil {
			t.Fatal(err)
		}

		rec, tr, err := resumeRecording(cut, key)
		if err != nil {
			t.Fatalf("resumeRecording(signed=%v) = %v", key != nil, err)
		}
		if !tr.Truncated || len(tr.Entries) != 2 {
			t.Fatalf("resumed transcript: truncated %v, %d entries; want true, 2", tr.Truncated, len(tr.Entries))
		}
		actions := make([]sim.Action, len(tr.Entries))
		for i, e := range tr.Entries {
			actions[i] = e.Action
		}
		s, _, err := scenarios.Replay(v, actions, examOptions()...)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range testLines[2:] {
			a := sim.Action{Kind: sim.Type, Line: l}
			res, err := s.Apply(a)
			if err != nil {
				t.Fatal(err)
			}
			if err := rec.Append(a, res, s.Machine().Now()); err != nil {
				t.Fatal(err)
			}
		}
		if err := rec.Close(transcriptFooter(s.Score(), record.ReasonSubmitted, s.Machine().Now())); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(cut)
		want, _ := os.ReadFile(whole)
		if !bytes.Equal(got, want) {
			t.Errorf("signed=%v: resumed file differs from an uninterrupted one:\n%s\nwant:\n%s", key != nil, got, want)
		}
		if _, err := record.Read(bytes.NewReader(got), key); err != nil {
			t.Errorf("signed=%v: reading the resumed file: %v", key != nil, err)
		}
	}
}

func TestResumeRefuses(t *testing.T) {
	t.Parallel()
	v := testVariant(t, 1)
	dir := t.TempDir()
	key := []byte("k")
	done := filepath.Join(dir, "done.jsonl")
	recordLines(t, v, done, nil, testLines[:1], true)
	signed := filepath.Join(dir, "signed.jsonl")
	recordLines(t, v, signed, key, testLines[:1], false)
	plain := filepath.Join(dir, "plain.jsonl")
	recordLines(t, v, plain, nil, testLines[:1], false)

	tests := []struct {
		name, path string
		key        []byte
		want       string
	}{
		{"finished", done, nil, "has ended"},
		{"signed without key", signed, nil, "key"},
		{"signed wrong key", signed, []byte("other"), "signature"},
		{"unsigned with key", plain, key, "not signed"},
		{"missing", filepath.Join(dir, "none"), nil, "no such file"},
	}
	for _, tc := range tests {
		before, _ := os.ReadFile(tc.path)
		_, _, err := resumeRecording(tc.path, tc.key)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("resumeRecording(%s) = %v; want an error with %q", tc.name, err, tc.want)
		}
		if after, _ := os.ReadFile(tc.path); !bytes.Equal(before, after) {
			t.Errorf("resumeRecording(%s) changed the file", tc.name)
		}
	}
}
