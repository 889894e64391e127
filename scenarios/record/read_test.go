package record_test

import (
	"errors"
	"strings"
	"testing"

	"rclab/scenarios/record"
)

// header is the unsigned header line of the tests below.
const header = `{"type":"header","format":"rclab-transcript/1","scenario":"E01","content_hash":"","seed":"1","version":"0.9.0","student":"","start":"2014-09-30T09:00:00Z","signed":false}` + "\n"

// action is an unsigned action line with sequence number 1.
const action = `{"type":"action","seq":1,"action":{"kind":"type","line":"ls"},"clock":"2014-09-30T09:00:01Z","status":0,"output_sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}` + "\n"

func TestReadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		want  string // the whole message
		class error
	}{
		{"", "line 1: the file is empty", record.ErrIncomplete},
		{`{"type":"header","form`, "line 1: the file ends before its header is complete (rclab stopped while the exam was starting)", record.ErrIncomplete},
		{`{"type":`, "line 1: the file ends before its header is complete (rclab stopped while the exam was starting)", record.ErrIncomplete},
		{"\x7fELF\x02\x01", "line 1: not an rclab transcript", record.ErrNotTranscript},
		{"hello\n", "line 1: not an rclab transcript", record.ErrNotTranscript},
		{"\n", "line 1: empty line", record.ErrMalformed},
		{header[:63] + "x" + header[63:], `line 1, column 64: the line is not valid JSON: invalid character 'x' after object key:value pair`, record.ErrMalformed},
		{action, "line 1: not an rclab transcript", record.ErrNotTranscript},
		{`{"type":"header","format":"rclab-transcript/2"}` + "\n", `line 1: transcript format "rclab-transcript/2": this rclab reads "rclab-transcript/1" only`, record.ErrNotTranscript},
		{strings.Replace(header, `"seed":"1"`, `"seed":1`, 1), `line 1: a number written without the quotes this format requires`, record.ErrMalformed},
		{strings.Replace(header, `"student":""`, `"student":"","teacher":"x"`, 1), `line 1: unexpected field "teacher"`, record.ErrMalformed},
		{strings.Replace(header, `"student":""`, `"student":3`, 1), `line 1, column 122: field "student" holds a JSON number where string was expected`, record.ErrMalformed},
		{header + "\n", "line 2: empty line", record.ErrMalformed},
		{header + "{\"type\":\"action\",\"seq\":1,}\n", `line 2, column 26: the line is not valid JSON: invalid character '}' looking for beginning of object key string`, record.ErrMalformed},
		{header + "[1,2]\n", `line 2, column 1: the line holds a JSON array where an object was expected`, record.ErrMalformed},
		{header + "{}\n", `line 2: the line has no "type"`, record.ErrMalformed},
		{header + `{"type":"note"}` + "\n", `line 2: unknown line type "note"`, record.ErrMalformed},
		{header + strings.Replace(action, `"seq":1`, `"seq":2`, 1), "line 2: sequence number 2 where 1 was expected", record.ErrMalformed},
		{header + strings.Replace(action, `"kind":"type",`, ``, 1), "line 2: the action has no kind", record.ErrMalformed},
		{header + strings.Replace(action, `"e3b0`, `"E3B0`, 1), `line 2: output_sha256 "E3B0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" is not a SHA-256 in lower-case hex`, record.ErrMalformed},
		{header + strings.Replace(action, `"ls"}`, `"ls","mac":"x"}`, 1), `line 2: a signature ("mac") that is damaged or not at the end of the line`, record.ErrMalformed},
		{header + strings.TrimSuffix(action, "\n") + " {}\n", `line 2, column 189: the line is not valid JSON: invalid character '{' after top-level value`, record.ErrMalformed},
		{header + action + `{"type":"footer","actions":1,"reason":"bored","end":"2014-09-30T09:00:01Z"}` + "\n", `line 3: the footer's reason is "bored"; want "submitted", "timeout" or "quit"`, record.ErrMalformed},
		{header + action + `{"type":"footer","actions":1,"reason":"quit","end":"yesterday"}` + "\n", `line 3: invalid value: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`, record.ErrMalformed},
	}
	for _, tt := range tests {
		_, err := record.Read(strings.NewReader(tt.in), nil)
		if err == nil {
			t.Errorf("Read(%q) = no error; want %s", tt.in, tt.want)
			continue
		}
		if err.Error() != tt.want || !errors.Is(err, tt.class) {
			t.Errorf("Read(%q) = %v (%v)\nwant %s (%v)", tt.in, err, recordErr(t, err).Err, tt.want, tt.class)
		}
	}
}

// TestReadUnsignedByHand: a transcript written by hand (or by another
// program) reads when it is well formed, spacing included.
func TestReadUnsignedByHand(t *testing.T) {
	t.Parallel()
	in := header + strings.Replace(action, `"seq":1,`, ` "seq": 1 , `, 1) + `{"type":"footer","actions":1,"reason":"quit","earned":0,"max":5,"end":"2014-09-30T09:00:01Z"}` + "\n"
	got, err := record.Read(strings.NewReader(in), nil)
	if err != nil {
		t.Fatalf("Read = %v; want no error", err)
	}
	if len(got.Entries) != 1 || got.Entries[0].Action.Line != "ls" || got.Footer == nil || got.Footer.Max != 5 {
		t.Errorf("Read = %+v; want one action \"ls\" and a footer with max 5", got)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadIOError(t *testing.T) {
	t.Parallel()
	if _, err := record.Read(failReader{}, nil); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("Read(failing reader) = %v; want the reader's error", err)
	}
}
