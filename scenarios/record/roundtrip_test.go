package record_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rclab/scenarios/record"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		writeKey []byte
		readKey  []byte
		footer   bool
		verified bool
	}{
		{"signed", key, key, true, true},
		{"signed read without key", key, nil, true, false},
		{"signed unfinished", key, key, false, true},
		{"unsigned", nil, nil, true, false},
		{"unsigned empty key", []byte{}, nil, true, false},
		{"unsigned unfinished", nil, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := writeSession(t, tt.writeKey, 9, tt.footer)
			got, err := record.Read(bytes.NewReader(s.file), tt.readKey)
			if err != nil {
				t.Fatalf("Read = %v; want no error\n%s", err, s.file)
			}
			signed := len(tt.writeKey) > 0
			want := sampleHeader()
			want.Format = record.Format
			want.Signed = signed
			if diff := cmp.Diff(want, got.Header); diff != "" {
				t.Errorf("Read header (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(s.entries, got.Entries); diff != "" {
				t.Errorf("Read entries (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(s.footer, got.Footer); diff != "" {
				t.Errorf("Read footer (-want +got):\n%s", diff)
			}
			if got.Signed != signed || got.Verified != tt.verified || got.Truncated {
				t.Errorf("Read: Signed, Verified, Truncated = %v, %v, %v; want %v, %v, false",
					got.Signed, got.Verified, got.Truncated, signed, tt.verified)
			}
			if got.ValidLen != int64(len(s.file)) {
				t.Errorf("Read: ValidLen = %d; want %d", got.ValidLen, len(s.file))
			}
			for i, l := range lines(s.file) {
				if hasMAC := bytes.Contains(l, []byte(`,"mac":"`)); hasMAC != signed {
					t.Errorf("line %d has a mac = %v; want %v: %s", i+1, hasMAC, signed, l)
				}
			}
		})
	}
}

// TestDeterministic: the same session gives the same bytes, and the
// format is what doc.go shows.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	a := writeSession(t, key, 5, true)
	b := writeSession(t, key, 5, true)
	if !bytes.Equal(a.file, b.file) {
		t.Errorf("two recordings of one session differ:\n%s\n%s", a.file, b.file)
	}
	for _, want := range []string{
		`{"type":"header","format":"rclab-transcript/1","scenario":"E03-broken-service",`,
		`"seed":"9223372036854775813"`,
		`"variables":{"port":"8042","svc":"named"}`,
		`{"type":"action","seq":1,"action":{"kind":"type","line":"chkconfig --list httpd # 0 <&>"},"clock":"2014-09-30T09:00:01Z","status":0,"output_sha256":"`,
		`{"type":"footer","actions":5,"reason":"submitted",`,
	} {
		if !strings.Contains(string(a.file), want) {
			t.Errorf("transcript lacks %s:\n%s", want, a.file)
		}
	}
}

func TestOutputHash(t *testing.T) {
	t.Parallel()
	// sha256sum of an empty file and of "hello\n".
	for in, want := range map[string]string{
		"":        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"hello\n": "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
	} {
		if got := record.OutputHash(in); got != want {
			t.Errorf("OutputHash(%q) = %s; want %s", in, got, want)
		}
	}
}

func TestOutputMatches(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("0123456789abcdef", 5000) // past the kept buffers
	for _, out := range []string{"", "hello\n", strings.Repeat("x", 4000), big} {
		sum := record.OutputHash(out)
		for _, tc := range []struct {
			hash string
			want bool
		}{
			{sum, true},
			{strings.ToUpper(sum), sum == strings.ToUpper(sum)},
			{sum[:63], false},
			{sum + "0", false},
			{record.OutputHash(out + "."), false},
			{"", false},
		} {
			if got := record.OutputMatches(out, tc.hash); got != tc.want {
				t.Errorf("OutputMatches(%.20q, %q) = %v; want %v", out, tc.hash, got, tc.want)
			}
		}
	}
}
