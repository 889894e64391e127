package record

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"rclab/sim"
)

// writtenLine is the action line a Writer writes for a (unsigned).
func writtenLine(t testing.TB, a sim.Action, status int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, Header{Scenario: "E01", Start: time.Date(2014, 10, 6, 9, 0, 0, 0, time.UTC)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Append(a, time.Date(2014, 10, 6, 9, 1, 2, 345678900, time.UTC), status, "out\n"); err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), []byte("\n"))
	return lines[len(lines)-1]
}

// fastLine is fastAction on a whole line: the line's object must end
// with its closing brace.
func fastLine(body []byte) (actionLine, bool) {
	open, ok := strings.CutSuffix(string(body), "}")
	if !ok {
		return actionLine{}, false
	}
	return fastAction(open)
}

func TestFastActionReadsWhatTheWriterWrites(t *testing.T) {
	t.Parallel()
	for _, a := range []sim.Action{
		{Kind: sim.Type, Line: "chkconfig --list httpd"},
		{Kind: sim.Type, Line: `echo "안녕" \ 'x' <&> $HOME`, TTY: 2},
		{Kind: sim.Type, Line: "printf '\t\x01'"},
		{Kind: sim.Type, Password: sim.PasswordAccepted, TTY: 3},
		{Kind: sim.Wait, For: 90 * time.Second},
		{Kind: sim.PowerOn, Args: []string{"single", "selinux=0"}},
		{Kind: sim.Save, Path: "/etc/inittab", Data: "id:3:initdefault:\n", Program: "vi"},
		{Kind: sim.Ntsysv, Levels: "35", On: []string{"httpd", "sshd"}, Hide: true},
		{Kind: sim.Quit, Status: -1},
		{Kind: sim.Interrupt},
	} {
		for _, status := range []int{0, 1, 130, -2} {
			body := writtenLine(t, a, status)
			got, ok := fastLine(body)
			want, err := strictAction(2, body)
			if err != nil {
				t.Fatalf("decodeStrict(%s) = %v", body, err)
			}
			if !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("fastAction(%s) = %+v, %v; want %+v, true", body, got, ok, want)
			}
		}
	}
}

func TestFastActionLeavesOtherLinesToTheStrictDecoder(t *testing.T) {
	t.Parallel()
	const clock = `"clock":"2014-10-06T09:01:02Z"`
	const sum = `"output_sha256":"` + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + `"`
	for _, body := range []string{
		`{"type":"action", "seq":1,"action":{"kind":"type"},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":01,"action":{"kind":"type"},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type","tty":2,"line":"x"},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type","line":"x","line":"y"},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type","extra":1},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type","args":[]},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type","hide":false},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type\u0041"},` + `"clock":"2014-10-06T09:01:02\u005a"` + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type"},` + clock + `,"status":1e2,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"ty` + "\xff" + `pe"},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":99999999999999999999,"action":{"kind":"type"},` + clock + `,"status":0,` + sum + `}`,
		`{"type":"action","seq":1,"action":{"kind":"type"},` + clock + `,"status":0,` + sum + `} `,
		`{"type":"action","seq":1,"action":{"kind":"type"},` + clock + `,"status":0,` + sum + `}{}`,
		`{"type":"action","seq":1,"action":{"kind":"type"},"clock":"yesterday","status":0,` + sum + `}`,
	} {
		if got, ok := fastLine([]byte(body)); ok {
			t.Errorf("fastAction(%s) = %+v, true; want false", body, got)
		}
	}
}

// FuzzFastAction: a line the fast path reads, the strict decoder reads
// the same.
func FuzzFastAction(f *testing.F) {
	f.Add(writtenLine(f, sim.Action{Kind: sim.Type, Line: `echo "a\b" 안녕`, TTY: 2}, 1))
	f.Add(writtenLine(f, sim.Action{Kind: sim.PowerOn, Args: []string{"single", "x"}}, 0))
	f.Add(writtenLine(f, sim.Action{Kind: sim.Ntsysv, Levels: "35", On: []string{"a"}, Hide: true}, 0))
	f.Add(writtenLine(f, sim.Action{Kind: sim.Wait, For: -5}, -1))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, ok := fastLine(body)
		if !ok {
			return
		}
		want, err := strictAction(2, body)
		if err != nil {
			t.Fatalf("fastAction(%q) read a line decodeStrict refuses: %v", body, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fastAction(%q) = %+v; want %+v", body, got, want)
		}
	})
}
