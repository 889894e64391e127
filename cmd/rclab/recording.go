package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"rclab/scenarios"
	"rclab/scenarios/record"
	"rclab/sim"
)

// version is rclab's version, written in every transcript header. Release
// builds set it with -ldflags "-X main.version=…"; it is a fixed word
// otherwise so that two recordings of the same session are the same file.
var version = "devel"

// readKeyFile reads a teacher's signing key: the file's contents with
// surrounding whitespace (a final newline from an editor) trimmed. An
// empty key is an error: it would silently make unsigned transcripts.
func readKeyFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the key: %w", err)
	}
	key := bytes.TrimSpace(data)
	if len(key) == 0 {
		return nil, fmt.Errorf("the key file %s is empty", path)
	}
	return key, nil
}

// transcriptHeader is the header of a new transcript of session s.
func transcriptHeader(s *scenarios.Session, student string) record.Header {
	v := s.Variant()
	var vars map[string]string
	if len(v.Values) > 0 {
		vars = v.Values
	}
	return record.Header{
		Scenario:    v.Scenario.ID,
		ContentHash: v.Scenario.Hash,
		Seed:        v.Seed,
		Variables:   vars,
		Version:     version,
		Student:     student,
		Start:       s.Began(),
	}
}

// recording is a transcript file an exam session appends to: opened for
// appending, each line written with one write and synced (record.Writer
// syncs the *os.File after every line).
type recording struct {
	path string
	f    *os.File
	w    *record.Writer
}

// createRecording starts a new transcript at path with header h, signed
// when key is not empty. It never overwrites a file: an existing one may
// be a student's earlier attempt.
func createRecording(path string, h record.Header, key []byte) (*recording, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s already exists and may hold an earlier attempt, which is never overwritten: continue it with --resume %s, or record to another file", path, path)
	}
	if err != nil {
		return nil, err
	}
	w, err := record.NewWriter(f, h, key)
	if err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	syncDir(path)
	return &recording{path: path, f: f, w: w}, nil
}

// resumeRecording reopens the transcript at path to continue its
// session: it reads and verifies it with key, cuts off a line a crash
// left half written, and returns the recording positioned after the last
// action with the transcript read. A finished session is refused.
func resumeRecording(path string, key []byte) (*recording, *record.Transcript, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	t, err := record.Read(bytes.NewReader(data), key)
	if err != nil {
		return nil, nil, fmt.Errorf("%s cannot be resumed: %w", path, err)
	}
	switch {
	case t.Footer != nil:
		return nil, nil, fmt.Errorf("%s cannot be resumed: the session has ended (%s)", path, t.Footer.Reason)
	case t.Signed && len(key) == 0:
		return nil, nil, fmt.Errorf("%s is signed: give the teacher's key (--key-file) to resume it", path)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, nil, err
	}
	if t.Truncated || t.ValidLen != int64(len(data)) {
		if err := f.Truncate(t.ValidLen); err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("cutting the unfinished last line of %s: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	w, err := record.Continue(f, t, key)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return &recording{path: path, f: f, w: w}, t, nil
}

// Append records one action, the result it had and the virtual clock
// after it. Call it before showing the result's output.
func (r *recording) Append(a sim.Action, res sim.Result, clock time.Time) error {
	if _, err := r.w.Append(a, clock, res.Status, res.Output); err != nil {
		return fmt.Errorf("recording to %s: %w", r.path, err)
	}
	return nil
}

// Actions is how many actions the transcript holds so far.
func (r *recording) Actions() int { return r.w.Actions() }

// Close writes the footer and closes the file.
func (r *recording) Close(f record.Footer) error {
	err := r.w.Close(f)
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("recording to %s: %w", r.path, err)
	}
	return nil
}

// Abandon closes the file without a footer: the session stays
// unfinished and can be resumed.
func (r *recording) Abandon() error { return r.f.Close() }

// transcriptFooter is the footer of a session that ended for reason at
// virtual time end with score sc (informative: graders re-score).
func transcriptFooter(sc scenarios.Score, reason string, end time.Time) record.Footer {
	f := record.Footer{Reason: reason, Earned: sc.Total, Max: sc.Max, End: end}
	for _, c := range sc.Checks {
		f.Checks = append(f.Checks, record.CheckResult{ID: c.ID, Points: c.Points, Earned: c.Earned})
	}
	return f
}

// syncDir makes a new file's directory entry durable (best effort: some
// systems cannot sync a directory).
func syncDir(path string) {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// examOptions are the machine options of every exam session, live or
// replayed. A transcript does not record them, so the exam screen, rclab
// exec --scenario and the grader all use these: with any other options a
// replay's output would differ from what the candidate saw (colours and
// columns on a terminal, full-screen programs).
func examOptions() []sim.Option {
	return []sim.Option{sim.WithTerminal(true), sim.WithScreens(true)}
}
