package lessons

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"rclab/lessons/check"
	"rclab/sim"
)

// Problem is one failure of a lesson's self-test.
type Problem struct {
	Lesson string // lesson id
	// Step is the step concerned, from 1; 0 for the lesson as a whole.
	Step int
	// Where names the text concerned ("Steps[2].Hints[1]"), "" for none.
	Where string
	Msg   string
	// Session is what the terminal showed while the step's solution ran,
	// when that helps to see why it failed ("" otherwise).
	Session string
}

// Error formats the problem on one line (without its Session).
func (p Problem) Error() string {
	s := p.Lesson
	if p.Step > 0 {
		s += fmt.Sprintf(", step %d", p.Step)
	}
	if p.Where != "" {
		s += ", " + p.Where
	}
	return s + ": " + p.Msg
}

// SelfTest runs a lesson's own tests against the simulator: each step's
// check fails when the step starts (it cannot be passed by doing
// nothing) and passes after the step's reference solution, each check
// explains itself in every language, and every text of the lesson exists
// in every language with valid markup. It returns the problems found
// (nil when all hold).
func SelfTest(l *Lesson) []Problem {
	var out []Problem
	add := func(step int, where, format string, a ...any) {
		out = append(out, Problem{Lesson: l.ID, Step: step, Where: where, Msg: fmt.Sprintf(format, a...)})
	}
	walkTexts(reflect.ValueOf(l), "", func(where string, tx Text) {
		where = strings.TrimPrefix(where, ".")
		for _, lang := range check.Langs {
			if strings.TrimSpace(tx[lang]) == "" {
				add(0, where, "no %s text", lang)
			}
		}
		for lang := range tx {
			if _, err := ParseMarkup(tx[lang]); err != nil {
				add(0, where, "(%s) %v", lang, err)
			}
		}
	})
	m, err := l.NewMachine(sim.WithTerminal(false))
	if err != nil {
		add(0, "", "setup: %v", err)
		return out
	}
	start, err := m.Clone()
	if err != nil {
		add(0, "", "%v", err)
		return out
	}
	for i, s := range l.Steps {
		n := i + 1
		stepStart, err := m.Clone()
		if err != nil {
			add(n, "", "%v", err)
			return out
		}
		j := &check.Journal{}
		ctx := &check.Ctx{Lesson: start, Step: stepStart, Journal: j}
		o := s.Check.Eval(m, ctx)
		if o.Pass {
			add(n, "", "the check passes at the step's start: %s", o.Explain(check.En))
		}
		out = append(out, outcomeLangs(l.ID, n, o)...)
		var log strings.Builder
		for _, a := range s.Solution {
			r, err := m.Apply(a.SimAction())
			if err != nil {
				add(n, "", "the solution's %q: %v", a.String(), err)
				return out
			}
			j.Record(a.SimAction(), r)
			log.WriteString(m.Prompt() + a.String() + "\n" + r.Output)
		}
		o = s.Check.Eval(m, ctx)
		if !o.Pass {
			out = append(out, Problem{Lesson: l.ID, Step: n, Session: log.String(),
				Msg: "the check fails after the step's solution: " + o.Explain(check.En)})
		}
		out = append(out, outcomeLangs(l.ID, n, o)...)
	}
	return out
}

// outcomeLangs reports an outcome whose explanation lacks a language.
func outcomeLangs(id string, step int, o check.Outcome) []Problem {
	var out []Problem
	for _, lang := range check.Langs {
		if o.Expected[lang] == "" || o.Found[lang] == "" {
			out = append(out, Problem{Lesson: id, Step: step, Msg: fmt.Sprintf("the check's explanation lacks %s: %+v", lang, o)})
		}
	}
	return out
}

var textType = reflect.TypeFor[Text]()

// walkTexts calls fn for every Text in v (optional empty texts, such as
// a missing intro, are skipped), naming where it is.
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
			walkTexts(v.Index(i), where+"["+strconv.Itoa(i+1)+"]", fn)
		}
	}
}
