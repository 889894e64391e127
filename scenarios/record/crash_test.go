package record_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"rclab/scenarios/record"
)

// TestCrash cuts a session's file at every offset, as kill -9 could, and
// checks that Read keeps every complete line, and that the session can
// be continued and then verifies end to end.
func TestCrash(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		key  []byte
	}{{"signed", key}, {"unsigned", nil}} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			const n = 6
			s := writeSession(t, tt.key, n, false)
			headerEnd := bytes.IndexByte(s.file, '\n') + 1
			for cut := 0; cut <= len(s.file); cut++ {
				prefix := s.file[:cut:cut]
				got, err := record.Read(bytes.NewReader(prefix), tt.key)
				if cut < headerEnd {
					if !errors.Is(err, record.ErrIncomplete) {
						t.Errorf("Read(file[:%d]) = %v; want ErrIncomplete", cut, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("Read(file[:%d]) = %v; want no error", cut, err)
				}
				complete := bytes.Count(prefix, []byte("\n"))
				validLen := bytes.LastIndexByte(prefix, '\n') + 1
				if len(got.Entries) != complete-1 || got.ValidLen != int64(validLen) || got.Truncated != (validLen != cut) {
					t.Fatalf("Read(file[:%d]): %d entries, ValidLen %d, Truncated %v; want %d, %d, %v",
						cut, len(got.Entries), got.ValidLen, got.Truncated, complete-1, validLen, validLen != cut)
				}
				if diff := cmp.Diff(s.entries[:complete-1], got.Entries, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("Read(file[:%d]) entries (-want +got):\n%s", cut, diff)
				}
				resumed := resume(t, prefix[:got.ValidLen], got, tt.key)
				all, err := record.Read(bytes.NewReader(resumed), tt.key)
				if err != nil {
					t.Fatalf("Read(file[:%d] resumed) = %v; want no error\n%s", cut, err, resumed)
				}
				if all.Verified != (tt.key != nil) || all.Footer == nil || len(all.Entries) != complete-1+2 {
					t.Fatalf("Read(file[:%d] resumed): Verified %v, footer %v, %d entries; want %v, a footer, %d",
						cut, all.Verified, all.Footer, len(all.Entries), tt.key != nil, complete+1)
				}
			}
		})
	}
}

// resume continues t, whose file is valid, with two actions and a footer,
// and returns the whole file.
func resume(t *testing.T, valid []byte, tr *record.Transcript, key []byte) []byte {
	t.Helper()
	buf := bytes.NewBuffer(bytes.Clone(valid))
	w, err := record.Continue(buf, tr, key)
	if err != nil {
		t.Fatalf("Continue: %v", err)
	}
	clock := start.Add(time.Hour)
	for i := range 2 {
		a, out, status := sampleStep(i)
		e, err := w.Append(a, clock, status, out)
		if err != nil {
			t.Fatalf("Append after Continue: %v", err)
		}
		if want := len(tr.Entries) + i + 1; e.Seq != want {
			t.Fatalf("Append after Continue: Seq = %d; want %d", e.Seq, want)
		}
	}
	if err := w.Close(sampleFooter(clock)); err != nil {
		t.Fatalf("Close after Continue: %v", err)
	}
	return buf.Bytes()
}

func TestContinueRefuses(t *testing.T) {
	t.Parallel()
	read := func(key []byte, footer bool, readKey []byte) *record.Transcript {
		s := writeSession(t, key, 2, footer)
		tr, err := record.Read(bytes.NewReader(s.file), readKey)
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		return tr
	}
	tests := []struct {
		name string
		tr   *record.Transcript
		key  []byte
	}{
		{"nil transcript", nil, nil},
		{"finished session", read(key, true, key), key},
		{"unsigned with a key", read(nil, false, nil), key},
		{"signed without a key", read(key, false, key), nil},
		{"signed, not verified", read(key, false, nil), key},
		{"signed, verified with another key", read(key, false, key), []byte("another key")},
	}
	for _, tt := range tests {
		if _, err := record.Continue(new(bytes.Buffer), tt.tr, tt.key); err == nil {
			t.Errorf("Continue(%s) = no error; want an error", tt.name)
		}
	}
}
