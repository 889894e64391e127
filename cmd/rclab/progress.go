package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/google/renameio/v2"
)

// progressVersion is the format of progress.json.
const progressVersion = 1

// Progress is what a learner has done, kept in the XDG data directory
// ($XDG_DATA_HOME/rclab/progress.json, else ~/.local/share/rclab/).
type Progress struct {
	Version int                        `json:"version"`
	Lessons map[string]*LessonProgress `json:"lessons"`
}

// LessonProgress is one lesson's record.
type LessonProgress struct {
	// StepsDone lists the steps (from 1) completed at least once.
	StepsDone []int `json:"steps_done,omitempty"`
	// Steps is how many steps the lesson had when last played.
	Steps     int  `json:"steps,omitempty"`
	Completed bool `json:"completed"`
	// Assisted is set while every completion so far needed a shown
	// solution; one completion without help clears it.
	Assisted bool `json:"assisted"`
	// BestCommands is the fewest command lines of a completion (0: none
	// yet).
	BestCommands int       `json:"best_commands,omitempty"`
	CompletedAt  time.Time `json:"completed_at,omitzero"`
}

func newProgress() *Progress {
	return &Progress{Version: progressVersion, Lessons: map[string]*LessonProgress{}}
}

func (p *Progress) lesson(id string) *LessonProgress {
	lp := p.Lessons[id]
	if lp == nil {
		lp = &LessonProgress{}
		p.Lessons[id] = lp
	}
	return lp
}

// StepDone records step (from 0) of lesson id as done.
func (p *Progress) StepDone(id string, step, steps int) {
	lp := p.lesson(id)
	lp.Steps = steps
	n := step + 1
	for _, s := range lp.StepsDone {
		if s == n {
			return
		}
	}
	lp.StepsDone = append(lp.StepsDone, n)
	sort.Ints(lp.StepsDone)
}

// LessonDone records a completion of lesson id.
func (p *Progress) LessonDone(id string, steps, commands int, assisted bool, at time.Time) {
	lp := p.lesson(id)
	lp.Steps = steps
	first := !lp.Completed
	lp.Completed = true
	if first {
		lp.Assisted = assisted
	} else if !assisted {
		lp.Assisted = false
	}
	if lp.BestCommands == 0 || commands < lp.BestCommands {
		lp.BestCommands = commands
	}
	lp.CompletedAt = at
}

// Merge adds another record to p: completions, steps and best counts
// combine, keeping the better of each.
func (p *Progress) Merge(o *Progress) {
	for id, b := range o.Lessons {
		if b == nil {
			continue
		}
		a := p.lesson(id)
		for _, s := range b.StepsDone {
			p.StepDone(id, s-1, max(a.Steps, b.Steps))
		}
		a.Steps = max(a.Steps, b.Steps)
		switch {
		case a.Completed && b.Completed:
			a.Assisted = a.Assisted && b.Assisted
		case b.Completed:
			a.Assisted = b.Assisted
		}
		a.Completed = a.Completed || b.Completed
		if b.BestCommands > 0 && (a.BestCommands == 0 || b.BestCommands < a.BestCommands) {
			a.BestCommands = b.BestCommands
		}
		if b.CompletedAt.After(a.CompletedAt) {
			a.CompletedAt = b.CompletedAt
		}
	}
}

// decodeProgress reads progress JSON strictly: unknown fields, another
// version or trailing data make it invalid.
func decodeProgress(data []byte) (*Progress, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Progress
	if err := dec.Decode(&p); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the progress record")
	}
	if p.Version != progressVersion {
		return nil, fmt.Errorf("unknown format version %d (this rclab reads %d)", p.Version, progressVersion)
	}
	if p.Lessons == nil {
		p.Lessons = map[string]*LessonProgress{}
	}
	for id, lp := range p.Lessons {
		if lp == nil {
			return nil, fmt.Errorf("lesson %q has no record", id)
		}
	}
	return &p, nil
}

func encodeProgress(p *Progress) []byte {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		panic(err) // plain data always encodes
	}
	return append(data, '\n')
}

// progressStore is the progress file of one user.
type progressStore struct {
	path string
}

// defaultProgressPath is $XDG_DATA_HOME/rclab/progress.json, or
// ~/.local/share/rclab/progress.json when XDG_DATA_HOME is unset or not
// absolute (as the XDG base directory specification says).
func defaultProgressPath(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "rclab", "progress.json"), nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no place for progress: set XDG_DATA_HOME or HOME: %w", err)
		}
	}
	return filepath.Join(home, ".local", "share", "rclab", "progress.json"), nil
}

// Load reads the progress. A missing file is empty progress. A corrupt
// file is renamed to progress.json.corrupt-N (never overwritten) and
// reported in notice; the progress returned is then empty.
func (s progressStore) Load() (p *Progress, notice string, err error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return newProgress(), "", nil
	}
	if err != nil {
		return nil, "", err
	}
	p, derr := decodeProgress(data)
	if derr == nil {
		return p, "", nil
	}
	backup, err := s.keepCorrupt()
	if err != nil {
		return nil, "", fmt.Errorf("progress file %s is corrupt (%v) and could not be set aside: %w", s.path, derr, err)
	}
	return newProgress(), fmt.Sprintf("progress file %s is corrupt (%v); it was kept as %s and a new record starts", s.path, derr, backup), nil
}

// keepCorrupt renames the progress file to the first free
// progress.json.corrupt-N.
func (s progressStore) keepCorrupt() (string, error) {
	for n := 1; n < 10000; n++ {
		backup := fmt.Sprintf("%s.corrupt-%d", s.path, n)
		if _, err := os.Lstat(backup); errors.Is(err, fs.ErrNotExist) {
			return backup, os.Rename(s.path, backup)
		}
	}
	return "", errors.New("too many corrupt progress files kept")
}

// Save writes the progress atomically: readers see the old file or the
// new one, never a mix.
func (s progressStore) Save(p *Progress) error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	return renameio.WriteFile(s.path, encodeProgress(p), 0o644)
}

// Export writes the progress to file, atomically.
func (s progressStore) Export(file string) (notice string, err error) {
	p, notice, err := s.Load()
	if err != nil {
		return notice, err
	}
	return notice, renameio.WriteFile(file, encodeProgress(p), 0o644)
}

// Import merges the progress in file into the store. A corrupt file is
// refused and nothing changes.
func (s progressStore) Import(file string) (notice string, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	in, err := decodeProgress(data)
	if err != nil {
		return "", fmt.Errorf("%s is not an rclab progress file: %w", file, err)
	}
	p, notice, err := s.Load()
	if err != nil {
		return notice, err
	}
	p.Merge(in)
	return notice, s.Save(p)
}
