package record_test

import (
	"bytes"
	"errors"
	"testing"

	"rclab/scenarios/record"
)

// FuzzRead: any input either reads or gives an *Error naming a line of
// it; a transcript that reads is consistent.
func FuzzRead(f *testing.F) {
	f.Add(writeSession(f, key, 3, true).file, true)
	f.Add(writeSession(f, key, 2, false).file, false)
	f.Add(writeSession(f, nil, 3, true).file, false)
	f.Add([]byte(header+action), false)
	f.Add([]byte(header+action[:40]), true)
	f.Fuzz(func(t *testing.T, data []byte, withKey bool) {
		var k []byte
		if withKey {
			k = key
		}
		got, err := record.Read(bytes.NewReader(data), k)
		if err != nil {
			var e *record.Error
			if !errors.As(err, &e) {
				t.Fatalf("Read = %v (%T); want a *record.Error", err, err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; e.Line < 1 || e.Line > lines {
				t.Fatalf("Read = %v; want a line between 1 and %d", err, lines)
			}
			if e.Reason == "" {
				t.Fatalf("Read = %v; want a reason", err)
			}
			return
		}
		if got.ValidLen < 1 || got.ValidLen > int64(len(data)) || data[got.ValidLen-1] != '\n' {
			t.Fatalf("Read: ValidLen %d of %d bytes, not at a line's end", got.ValidLen, len(data))
		}
		if got.Truncated != (got.ValidLen < int64(len(data))) {
			t.Fatalf("Read: Truncated %v with ValidLen %d of %d", got.Truncated, got.ValidLen, len(data))
		}
		if got.Verified && (!withKey || !got.Signed) {
			t.Fatalf("Read: Verified without a key or a signature")
		}
		for i, e := range got.Entries {
			if e.Seq != i+1 {
				t.Fatalf("Read: entry %d has Seq %d", i, e.Seq)
			}
		}
		if got.Footer != nil && got.Footer.Actions != len(got.Entries) {
			t.Fatalf("Read: footer counts %d of %d actions", got.Footer.Actions, len(got.Entries))
		}
		// The valid prefix reads the same on its own.
		again, err := record.Read(bytes.NewReader(data[:got.ValidLen]), k)
		if err != nil || len(again.Entries) != len(got.Entries) || again.Truncated {
			t.Fatalf("Read(valid prefix) = %v, %d entries; want %d entries", err, len(again.Entries), len(got.Entries))
		}
	})
}
