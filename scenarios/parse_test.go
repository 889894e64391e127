package scenarios

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"rclab/lessons/check/strict"
)

// base is a small valid scenario with variables; cases edit it.
const base = `id: E99-test
title: {en: Test, ko: 시험}
time_limit: 10m
variables:
  svc: {choose: [httpd, named]}
  port: {range: [8000, 8001]}
task: {en: "Start ${svc}.", ko: "${svc}을 시작하세요."}
checks:
  - id: running
    points: 2
    text: {en: "${svc} runs", ko: "${svc} 실행 중"}
    check: {process: {name: "${svc}"}}
  - id: port
    points: 1
    text: {en: "port ${port}", ko: "포트 ${port}"}
    check: {listener: {port: ${port}}}
solution:
  - service ${svc} start
wrong:
  - name: {en: nothing, ko: 없음}
    solution: [runlevel]
    score: 0
`

// withEdit replaces old (which must occur in base) by new.
func withEdit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(base, old) {
		t.Fatalf("base has no %q", old)
	}
	return strings.Replace(base, old, new, 1)
}

func TestParseBase(t *testing.T) {
	t.Parallel()
	s, err := Parse("E99.yaml", []byte(base))
	if err != nil {
		t.Fatalf("Parse(base): %v", err)
	}
	if s.ID != "E99-test" || s.Points() != 3 || s.Image != "centos5" || len(s.Variables) != 2 {
		t.Errorf("Parse(base) = id %q, points %d, image %q, %d variables; want E99-test, 3, centos5, 2", s.ID, s.Points(), s.Image, len(s.Variables))
	}
	if len(s.Hash) != 64 {
		t.Errorf("Hash = %q; want 64 hex digits", s.Hash)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		old  string
		new  string
		want []string // "line:col: text" each error must start with / contain
	}{
		{"unknown key", "time_limit: 10m\n", "time_limit: 10m\nhint: no\n", []string{"4:1: unknown key \"hint\""}},
		{"missing ko", "title: {en: Test, ko: 시험}", "title: {en: Test}", []string{"2:9: missing Korean translation"}},
		{"bad id", "id: E99-test", "id: X99-test", []string{"1:5: the id should be E, two digits"}},
		{"no points", "points: 2", "points: 0", []string{"10:13: \"points\" should be at least 1"}},
		{"duplicate check id", "  - id: port", "  - id: running", []string{"13:9: the check id \"running\" is used twice"}},
		{"bad time limit", "time_limit: 10m", "time_limit: soon", []string{"3:13: \"time_limit\" should be a duration"}},
		{"unknown variable", "service ${svc} start", "service ${sv} start", []string{"18:13: unknown variable ${sv}; did you mean ${svc}?"}},
		{"unclosed reference", "service ${svc} start", "service ${svc start", []string{"18:13: \"${\" without a closing \"}\""}},
		{"bad reference name", "service ${svc} start", "service ${1x} start", []string{"18:13: \"${1x}\" is not a variable name"}},
		{"later variable", "svc: {choose: [httpd, named]}", "svc: {choose: [httpd, \"${port}\"]}", []string{"5:9: svc uses ${port}, which is written after it"}},
		{"self reference", "svc: {choose: [httpd, named]}", "svc: {choose: [\"${svc}\"]}", []string{"5:9: svc cannot use itself"}},
		{"bad range", "range: [8000, 8001]", "range: [8001, 8000]", []string{"6:17: \"range\" of port should be [LOW, HIGH]"}},
		{"bad variable name", "  port: {range", "  Port: {range", []string{"6:3: a variable's name is lower-case"}},
		{"empty choice", "choose: [httpd, named]", "choose: []", []string{"5:17: \"choose\" of svc lists no values"}},
		// A value that breaks the file: only one choice does, and the
		// error says which, at the place of ${svc} as written.
		{"bad value", "choose: [httpd, named]", "choose: [httpd, \"two words\"]", []string{
			"12:29: \"name\" should be a plain name (letters, digits, . _ - + @), not \"two words\" (with svc=two words, port=8001)"}},
		// Both ends of a range are tried.
		{"range end", "range: [8000, 8001]", "range: [8000, 70000]", []string{"16:30: \"port\" should be between 1 and 65535 (with svc=named, port=70000)"}},
		// An error after a substitution on the same line keeps its column.
		{"column after value", `text: {en: "${svc} runs", ko: "${svc} 실행 중"}`, `text: {en: "${svc} runs", ko: "${svc} 실행 중", fr: "x"}`,
			[]string{"11:50: unknown language \"fr\""}},
		{"score too high", "score: 0", "score: 4", []string{"22:12: \"score\" should be between 0 and the scenario's 3 points"}},
		{"two faults in one", "task:", "setup:\n  faults:\n    - {stale_lock: httpd, initdefault: \"3\"}\ntask:", []string{"9:27: a fault has exactly one kind"}},
		{"fault path", "task:", "setup:\n  faults:\n    - not_executable: etc/init.d/httpd\ntask:", []string{"9:23: \"not_executable\" should be a clean absolute path"}},
		{"no solution", "solution:\n  - service ${svc} start\n", "", []string{"missing key \"solution\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := withEdit(t, tt.old, tt.new)
			_, err := Parse("E99.yaml", []byte(src))
			if err == nil {
				t.Fatalf("Parse = nil error; want %q", tt.want)
			}
			var se strict.Errors
			if !errors.As(err, &se) {
				t.Fatalf("Parse error %T is not strict.Errors: %v", err, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), "E99.yaml:"+w) && !strings.Contains(err.Error(), w) {
					t.Errorf("Parse error =\n%v\nwant one containing E99.yaml:%s", err, w)
				}
			}
			for _, e := range se {
				if e.File != "E99.yaml" || e.Line < 1 || e.Col < 1 {
					t.Errorf("error without a place: %+v", e)
				}
			}
		})
	}
}

func TestEscape(t *testing.T) {
	t.Parallel()
	src := withEdit(t, "task:", "setup:\n  files:\n    - {path: /root/x.sh, content: \"echo $${HOME} ${svc} $$x\"}\ntask:")
	s, err := Parse("E99.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.Variant(7)
	if err != nil {
		t.Fatal(err)
	}
	got := v.Scenario.Setup.Files[0].Content
	want := "echo ${HOME} " + v.Values["svc"] + " $$x"
	if got != want {
		t.Errorf("content = %q; want %q", got, want)
	}
}

func TestLoadAll(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"E99-a.yaml":  {Data: []byte(base)},
		"E99-b.yaml":  {Data: []byte(base)},
		"E98-c.yaml":  {Data: []byte(strings.Replace(base, "id: E99-test", "id: E98-other", 1))},
		"E97-bad.yml": {Data: []byte("id: E97-bad\n")},
		"notes.txt":   {Data: []byte("not a scenario")},
	}
	list, err := LoadAll(fsys)
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "E98-other E99-test" {
		t.Errorf("LoadAll ids = %v; want [E98-other E99-test]", ids)
	}
	var se strict.Errors
	if !errors.As(err, &se) {
		t.Fatalf("LoadAll error = %v; want strict.Errors", err)
	}
	msg := err.Error()
	for _, w := range []string{"E99-b.yaml:1:1: scenario id \"E99-test\" is already used by E99-a.yaml", "E97-bad.yml:1:1: missing key"} {
		if !strings.Contains(msg, w) {
			t.Errorf("LoadAll error =\n%s\nwant it to contain %q", msg, w)
		}
	}
	if errs := Validate(fsys, "E97-bad.yml", "E99-a.yaml"); len(errs) != 5 {
		t.Errorf("Validate = %d errors %v; want 5 (E97-bad.yml's missing keys)", len(errs), errs)
	}
	if errs := Validate(fsys, "nosuch.yaml"); len(errs) != 1 {
		t.Errorf("Validate(nosuch.yaml) = %v; want one error", errs)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	list := []*Scenario{{ID: "E01-web-dns-server"}, {ID: "E03-telnet"}, {ID: "E030-x"}}
	tests := []struct{ id, want string }{
		{"E03", "E03-telnet"},
		{"e03", "E03-telnet"},
		{"E01-WEB-DNS-SERVER", "E01-web-dns-server"},
		{"E030-x", "E030-x"},
		{"E0", ""},
		{"E02", ""},
	}
	for _, tt := range tests {
		got := ""
		if s := Find(list, tt.id); s != nil {
			got = s.ID
		}
		if got != tt.want {
			t.Errorf("Find(%q) = %q; want %q", tt.id, got, tt.want)
		}
	}
}
