package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestProgressPath(t *testing.T) {
	t.Parallel()
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		getenv func(string) string
		want   string
	}{
		{env("XDG_DATA_HOME", "/x/data", "HOME", "/home/u"), "/x/data/rclab/progress.json"},
		{env("XDG_DATA_HOME", "relative", "HOME", "/home/u"), "/home/u/.local/share/rclab/progress.json"},
		{env("HOME", "/home/u"), "/home/u/.local/share/rclab/progress.json"},
	} {
		if got, err := defaultProgressPath(c.getenv); err != nil || got != c.want {
			t.Errorf("defaultProgressPath = %q, %v; want %q", got, err, c.want)
		}
	}
}

func TestProgressRoundTrip(t *testing.T) {
	t.Parallel()
	s := progressStore{path: filepath.Join(t.TempDir(), "rclab", "progress.json")}
	p, notice, err := s.Load()
	if err != nil || notice != "" || len(p.Lessons) != 0 {
		t.Fatalf("Load of a missing file = %+v, %q, %v; want empty progress", p, notice, err)
	}
	at := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	p.StepDone("L01-a", 0, 3)
	p.StepDone("L01-a", 2, 3)
	p.StepDone("L01-a", 0, 3)
	p.LessonDone("L02-b", 2, 9, true, at)
	p.LessonDone("L02-b", 2, 12, false, at)
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := &Progress{Version: 1, Lessons: map[string]*LessonProgress{
		"L01-a": {StepsDone: []int{1, 3}, Steps: 3},
		"L02-b": {Steps: 2, Completed: true, Assisted: false, BestCommands: 9, CompletedAt: at},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("progress after a round trip (-want +got):\n%s", diff)
	}
}

func TestProgressCorruptKept(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := progressStore{path: filepath.Join(dir, "progress.json")}
	for n, bad := range []string{
		`{"version": 1, "lessons": {`,
		`{"version": 7, "lessons": {}}`,
		`{"version": 1, "lessons": {}, "extra": true}`,
		`{"version": 1, "lessons": {"L01": null}}`,
	} {
		if err := os.WriteFile(s.path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		p, notice, err := s.Load()
		if err != nil {
			t.Fatalf("Load(%q): %v", bad, err)
		}
		backup := fmt.Sprintf("%s.corrupt-%d", s.path, n+1)
		if !strings.Contains(notice, "corrupt") || !strings.Contains(notice, backup) {
			t.Errorf("Load(%q) notice = %q; want it to name %s", bad, notice, backup)
		}
		if len(p.Lessons) != 0 {
			t.Errorf("Load(%q) = %+v; want empty progress", bad, p)
		}
		if data, err := os.ReadFile(backup); err != nil || string(data) != bad {
			t.Errorf("backup %s = %q, %v; want the corrupt file kept as it was", backup, data, err)
		}
		if _, err := os.Stat(s.path); !os.IsNotExist(err) {
			t.Errorf("after Load(%q) the corrupt file is still at its place", bad)
		}
	}
}

// TestProgressAtomic saves while readers read: every read sees a whole
// file, and no temporary file is left behind.
func TestProgressAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := progressStore{path: filepath.Join(dir, "progress.json")}
	big := newProgress()
	for i := 0; i < 400; i++ {
		big.LessonDone(fmt.Sprintf("L%02d-lesson-%d", i%100, i), 5, i+1, i%2 == 0, time.Unix(int64(i), 0).UTC())
	}
	if err := s.Save(newProgress()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 50; i++ {
			p := newProgress()
			if i%2 == 1 {
				p = big
			}
			if err := s.Save(p); err != nil {
				t.Error(err)
				return
			}
		}
		close(stop)
	}()
	reads := 0
	for done := false; !done; {
		select {
		case <-stop:
			done = true
		default:
		}
		data, err := os.ReadFile(s.path)
		if err != nil {
			t.Fatalf("read during saves: %v", err)
		}
		if _, err := decodeProgress(data); err != nil {
			t.Fatalf("a reader saw a partial file (%d bytes): %v", len(data), err)
		}
		reads++
	}
	wg.Wait()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left in the data directory: %v; want only progress.json", names)
	}
	t.Logf("%d reads during 50 saves", reads)
}

func TestProgressMerge(t *testing.T) {
	t.Parallel()
	a, b := newProgress(), newProgress()
	a.LessonDone("L01", 3, 10, true, time.Unix(10, 0))
	a.StepDone("L02", 0, 4)
	b.LessonDone("L01", 3, 7, false, time.Unix(20, 0))
	b.StepDone("L02", 2, 4)
	b.LessonDone("L03", 2, 5, true, time.Unix(30, 0))
	a.Merge(b)
	if l := a.Lessons["L01"]; !l.Completed || l.Assisted || l.BestCommands != 7 || !l.CompletedAt.Equal(time.Unix(20, 0)) {
		t.Errorf("merged L01 = %+v", l)
	}
	if l := a.Lessons["L02"]; l.Completed || !cmp.Equal(l.StepsDone, []int{1, 3}) {
		t.Errorf("merged L02 = %+v", l)
	}
	if l := a.Lessons["L03"]; !l.Completed || !l.Assisted || l.BestCommands != 5 {
		t.Errorf("merged L03 = %+v", l)
	}
}

func TestProgressImportRefusesCorrupt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := progressStore{path: filepath.Join(dir, "progress.json")}
	p := newProgress()
	p.LessonDone("L01", 3, 5, false, time.Unix(1, 0))
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.path)
	bad := filepath.Join(dir, "in.json")
	os.WriteFile(bad, []byte("{not json"), 0o644)
	if _, err := s.Import(bad); err == nil {
		t.Errorf("Import of a corrupt file succeeded")
	}
	if after, _ := os.ReadFile(s.path); string(after) != string(before) {
		t.Errorf("a refused import changed the progress file")
	}
}
