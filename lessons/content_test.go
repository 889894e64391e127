package lessons

import (
	"reflect"
	"strings"
	"testing"

	"rclab/lessons/check"
	"rclab/sim"
)

// The content test plays every embedded lesson against the simulator:
// each step's check fails when the step starts (so it cannot be passed by
// doing nothing) and passes after the step's reference solution; every
// text exists in every language.

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
			playSolutions(t, l)
		})
	}
}

func playSolutions(t *testing.T, l *Lesson) {
	m, err := l.NewMachine(sim.WithTerminal(false))
	if err != nil {
		t.Fatalf("NewMachine: %v", err)
	}
	start, err := m.Clone()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range l.Steps {
		stepStart, err := m.Clone()
		if err != nil {
			t.Fatal(err)
		}
		j := &check.Journal{}
		ctx := &check.Ctx{Lesson: start, Step: stepStart, Journal: j}
		o := s.Check.Eval(m, ctx)
		if o.Pass {
			t.Errorf("step %d passes at its start: %s", i+1, o.Explain(check.En))
		}
		checkOutcomeLangs(t, i+1, o)
		var log strings.Builder
		for _, a := range s.Solution {
			r, err := m.Apply(a.SimAction())
			if err != nil {
				t.Fatalf("step %d: %s: %v", i+1, a, err)
			}
			j.Record(a.SimAction(), r)
			log.WriteString(m.Prompt() + a.String() + "\n" + r.Output)
		}
		o = s.Check.Eval(m, ctx)
		if !o.Pass {
			t.Errorf("step %d fails after its solution: %s\nsession:\n%s", i+1, o.Explain(check.En), log.String())
		}
		checkOutcomeLangs(t, i+1, o)
	}
}

func checkOutcomeLangs(t *testing.T, step int, o check.Outcome) {
	t.Helper()
	for _, lang := range check.Langs {
		if o.Expected[lang] == "" || o.Found[lang] == "" {
			t.Errorf("step %d: the check's explanation lacks %s: %+v", step, lang, o)
		}
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
// names starting with the id, every text in every language.
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
		walkTexts(reflect.ValueOf(l), l.ID, func(where string, tx Text) {
			for _, lang := range check.Langs {
				if strings.TrimSpace(tx[lang]) == "" {
					t.Errorf("%s: no %s text", where, lang)
				}
			}
			for lang := range tx {
				if _, err := ParseMarkup(tx[lang]); err != nil {
					t.Errorf("%s (%s): %v", where, lang, err)
				}
			}
		})
	}
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

var textType = reflect.TypeFor[Text]()

// walkTexts calls fn for every Text in v (optional empty texts, such as
// a missing intro, are skipped).
func walkTexts(v reflect.Value, where string, fn func(string, Text)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), where, fn)
		}
	case reflect.Map:
		if v.Type() == textType {
			if v.Len() > 0 {
				fn(where, v.Interface().(Text))
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkTexts(v.Field(i), where+"."+v.Type().Field(i).Name, fn)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), where+"["+itoa(i+1)+"]", fn)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
