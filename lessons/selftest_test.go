package lessons

import (
	"strings"
	"testing"
)

// brokenLesson has one good step, one whose check passes before anything
// is done, and one whose solution does not do what its check asks.
const brokenLesson = `id: L90-selftest
title: {en: Self-test, ko: 자체 시험}
steps:
  - text: {en: Make /root/a., ko: /root/a를 만드세요.}
    hints: [{en: touch, ko: touch}]
    check: {file: {path: /root/a}}
    solution: [touch /root/a]
  - text: {en: Keep /etc/inittab., ko: /etc/inittab을 두세요.}
    hints: [{en: nothing, ko: 없음}]
    check: {file: {path: /etc/inittab}}
    solution: [true]
  - text: {en: Make /root/c., ko: /root/c를 만드세요.}
    hints: [{en: touch, ko: touch}]
    check: {file: {path: /root/c}}
    solution: [touch /root/b]
`

func TestSelfTest(t *testing.T) {
	t.Parallel()
	l, err := Parse("broken.yaml", []byte(brokenLesson))
	if err != nil {
		t.Fatal(err)
	}
	got := SelfTest(l)
	want := []struct {
		step int
		msg  string
	}{
		{2, "passes at the step's start"},
		{3, "fails after the step's solution"},
	}
	if len(got) != len(want) {
		t.Fatalf("SelfTest(broken) = %v; want %d problems", got, len(want))
	}
	for i, w := range want {
		if got[i].Step != w.step || !strings.Contains(got[i].Msg, w.msg) {
			t.Errorf("SelfTest(broken)[%d] = %v; want step %d, %q", i, got[i], w.step, w.msg)
		}
	}
	if !strings.Contains(got[1].Session, "touch /root/b") {
		t.Errorf("the failing step's session = %q; want the solution's lines", got[1].Session)
	}
}
