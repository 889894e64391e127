package scenarios

import (
	"fmt"
	"strings"
	"testing"

	"rclab/lessons/check"
)

// TestContent runs every embedded scenario's self-test (every check fails
// at the start, the reference solution scores full marks, each wrong
// answer scores what it says) with seeds 1 to 3, and checks its texts.
func TestContent(t *testing.T) {
	t.Parallel()
	list, err := LoadAll(Content())
	if err != nil {
		t.Fatalf("LoadAll(Content()): %v", err)
	}
	if len(list) == 0 {
		t.Fatal("no scenarios embedded")
	}
	for _, s := range list {
		t.Run(s.ID, func(t *testing.T) {
			t.Parallel()
			for _, p := range SelfTest(s, 1, 2, 3) {
				t.Error(p)
			}
			for _, where := range missingTexts(s) {
				t.Errorf("%s: %s lacks a text in some language", s.ID, where)
			}
			if !strings.HasPrefix(s.File, s.ID[:3]+"-") {
				t.Errorf("%s is in %s; want a file name starting with %s-", s.ID, s.File, s.ID[:3])
			}
		})
	}
}

// missingTexts lists the texts of s without an English or Korean
// version (strict decoding refuses them; this guards the decoder).
func missingTexts(s *Scenario) []string {
	var out []string
	need := func(where string, t check.Text) {
		for _, l := range check.Langs {
			if strings.TrimSpace(t[l]) == "" {
				out = append(out, fmt.Sprintf("%s (%s)", where, l))
			}
		}
	}
	need("title", s.Title)
	need("task", s.Task)
	for _, c := range s.Checks {
		need("check "+c.ID, c.Text)
	}
	for i, w := range s.Wrong {
		need(fmt.Sprintf("wrong answer %d", i+1), w.Name)
	}
	return out
}
