package main

import (
	"path/filepath"
	"testing"
	"time"
)

// TestTUIProgress checks the progress store as the terminal UI's lessons
// use it: each change is saved at once, and a new run reads it back.
func TestTUIProgress(t *testing.T) {
	t.Parallel()
	store := progressStore{path: filepath.Join(t.TempDir(), "rclab", "progress.json")}
	at := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	p := &tuiProgress{store: store, prog: newProgress(), now: func() time.Time { return at }}
	if c, a, n := p.Lesson("L09-chkconfig"); c || a || n != 0 {
		t.Errorf("Lesson(L09) before anything = %v, %v, %d; want nothing", c, a, n)
	}
	for _, step := range []int{0, 1, 1} {
		if err := p.StepDone("L09-chkconfig", step, 4); err != nil {
			t.Fatal(err)
		}
	}
	if c, a, n := p.Lesson("L09-chkconfig"); c || a || n != 2 {
		t.Errorf("Lesson(L09) after two steps = %v, %v, %d; want false, false, 2", c, a, n)
	}
	if err := p.LessonDone("L09-chkconfig", 4, 7, true); err != nil {
		t.Fatal(err)
	}
	saved, notice, err := store.Load()
	if err != nil || notice != "" {
		t.Fatalf("Load() = %v, %q", err, notice)
	}
	again := &tuiProgress{store: store, prog: saved, now: p.now}
	if c, a, n := again.Lesson("L09-chkconfig"); !c || !a || n != 2 {
		t.Errorf("Lesson(L09) read back = %v, %v, %d; want true, true, 2", c, a, n)
	}
	if lp := saved.Lessons["L09-chkconfig"]; lp.BestCommands != 7 || !lp.CompletedAt.Equal(at) {
		t.Errorf("saved record = %+v; want 7 commands, completed at %v", lp, at)
	}
}
