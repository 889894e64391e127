package lessons

import (
	"strings"
	"testing"

	"rclab/sim"
)

// The content test runs every embedded lesson's SelfTest against the
// simulator: each step's check fails when the step starts (so it cannot
// be passed by doing nothing) and passes after the step's reference
// solution; every text exists in every language.

func loadContent(t testing.TB) []*Lesson {
	t.Helper()
	ls, err := LoadAll(Content())
	if err != nil {
		t.Fatalf("LoadAll(Content()): %v", err)
	}
	return ls
}

func TestContent(t *testing.T) {
	t.Parallel()
	for _, l := range loadContent(t) {
		t.Run(l.ID, func(t *testing.T) {
			t.Parallel()
			for _, p := range SelfTest(l) {
				if p.Session != "" {
					t.Errorf("%v\nsession:\n%s", p, p.Session)
				} else {
					t.Errorf("%v", p)
				}
			}
		})
	}
}

// TestContentPlayer plays every lesson through the Player, typing the
// solutions: the lesson must end complete, unassisted.
func TestContentPlayer(t *testing.T) {
	t.Parallel()
	for _, l := range loadContent(t) {
		t.Run(l.ID, func(t *testing.T) {
			t.Parallel()
			p, err := NewPlayer(l, sim.WithTerminal(false))
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range l.Steps {
				if p.StepIndex() != i {
					t.Fatalf("at step %d, the player is at step %d", i+1, p.StepIndex()+1)
				}
				for _, a := range s.Solution {
					if p.StepIndex() != i {
						break
					}
					if _, err := p.Apply(a.SimAction()); err != nil {
						t.Fatal(err)
					}
				}
			}
			if sum := p.Summary(); !sum.Done || sum.Completed != len(l.Steps) || sum.Assisted {
				t.Errorf("Summary() = %+v; want done, %d steps, unassisted", sum, len(l.Steps))
			}
		})
	}
}

// TestContentSet checks the set of lessons: L01 to L16 in order, file
// names starting with the id.
func TestContentSet(t *testing.T) {
	t.Parallel()
	ls := loadContent(t)
	if len(ls) != 16 {
		t.Errorf("%d lessons; want 16", len(ls))
	}
	for i, l := range ls {
		want := "L" + twoDigits(i+1) + "-"
		if !strings.HasPrefix(l.ID, want) {
			t.Errorf("lesson %d has id %s; want it to start with %s", i+1, l.ID, want)
		}
		if !strings.HasPrefix(l.File, l.ID) {
			t.Errorf("lesson %s is in %s; want the file named after the id", l.ID, l.File)
		}
	}
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
