package record_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"rclab/scenarios/record"
)

// TestTamperFlip changes every byte of a small signed file in several ways
// and checks that each change is detected on the line it was made in,
// except turning the final newline into something else, which makes
// the footer a partial line: the session then reads as unfinished.
func TestTamperFlip(t *testing.T) {
	t.Parallel()
	s := writeSession(t, key, 4, true)
	lineOf := func(off int) int { return bytes.Count(s.file[:off], []byte("\n")) + 1 }
	changes := []struct {
		name string
		f    func(byte) byte
	}{
		{"xor 0x01", func(b byte) byte { return b ^ 0x01 }},
		{"xor 0x20", func(b byte) byte { return b ^ 0x20 }}, // letter case
		{"xor 0x80", func(b byte) byte { return b ^ 0x80 }},
		{"newline", func(byte) byte { return '\n' }},
		{"space", func(byte) byte { return ' ' }},
	}
	for off := range s.file {
		for _, c := range changes {
			file := bytes.Clone(s.file)
			if file[off] = c.f(file[off]); file[off] == s.file[off] {
				continue
			}
			got, err := record.Read(bytes.NewReader(file), key)
			if err == nil {
				if off == len(file)-1 && got.Truncated && got.Footer == nil {
					continue
				}
				t.Fatalf("Read(file with byte %d %s) = no error; want it detected\n%s", off, c.name, file)
			}
			if e := recordErr(t, err); e.Line != lineOf(off) {
				t.Errorf("Read(file with byte %d %s) = %v; want an error on line %d", off, c.name, err, lineOf(off))
			}
		}
	}
}

// TestTamper: lines dropped, duplicated, moved, copied from elsewhere;
// wrong keys; signatures removed.
func TestTamper(t *testing.T) {
	t.Parallel()
	s := writeSession(t, key, 4, true) // header, 4 actions, footer
	other := writeSessionOf(t, "Lee", key, 4, true)
	ls := lines(s.file)
	edit := func(f func(ls [][]byte) [][]byte) []byte {
		return join(f(append([][]byte(nil), ls...)))
	}
	otherHeader := edit(func(l [][]byte) [][]byte {
		return append([][]byte{lines(other.file)[0]}, l[1:]...)
	})
	stripped := regexp.MustCompile(`,"mac":"[0-9a-f]{64}"`).ReplaceAll(
		bytes.Replace(s.file, []byte(`"signed":true`), []byte(`"signed":false`), 1), nil)
	unsigned := writeSession(t, nil, 4, true).file

	tests := []struct {
		name   string
		file   []byte
		key    []byte
		line   int
		class  error
		reason string // a part of the message
	}{
		{"wrong key", s.file, []byte("not the key"), 1, record.ErrSignature, "the key is not the one"},
		{"unsigned file, key given", unsigned, key, 1, record.ErrNotSigned, "not signed, but a key was given"},
		{"signatures removed", stripped, key, 1, record.ErrNotSigned, "not signed"},
		{"header changed", bytes.Replace(s.file, []byte("김민지"), []byte("Park"), 1), key, 1, record.ErrSignature, "header was changed"},
		{"seed changed", bytes.Replace(s.file, []byte(`"seed":"9223372036854775813"`), []byte(`"seed":"1"`), 1), key, 1, record.ErrSignature, ""},
		{"header from another file", otherHeader, key, 2, record.ErrSignature, ""},
		{"header dropped", edit(func(l [][]byte) [][]byte { return l[1:] }), key, 1, record.ErrSignature, ""},
		{"line 2 dropped", edit(func(l [][]byte) [][]byte { return append(l[:1], l[2:]...) }), key, 2, record.ErrSignature, "dropped"},
		{"line 4 dropped", edit(func(l [][]byte) [][]byte { return append(l[:3], l[4:]...) }), key, 4, record.ErrSignature, ""},
		{"line 5 dropped", edit(func(l [][]byte) [][]byte { return append(l[:4], l[5:]...) }), key, 5, record.ErrSignature, ""},
		{"line 3 duplicated", edit(func(l [][]byte) [][]byte { return append(l[:3], l[2:]...) }), key, 4, record.ErrSignature, ""},
		{"footer duplicated", edit(func(l [][]byte) [][]byte { return append(l, l[5]) }), key, 7, record.ErrMalformed, "after the footer"},
		{"header duplicated", edit(func(l [][]byte) [][]byte { return append(l[:1], l...) }), key, 2, record.ErrSignature, ""},
		{"lines 2 and 3 swapped", edit(func(l [][]byte) [][]byte { l[1], l[2] = l[2], l[1]; return l }), key, 2, record.ErrSignature, "reordered"},
		{"lines 3 and 5 swapped", edit(func(l [][]byte) [][]byte { l[2], l[4] = l[4], l[2]; return l }), key, 3, record.ErrSignature, ""},
		{"footer moved up", edit(func(l [][]byte) [][]byte { l[4], l[5] = l[5], l[4]; return l }), key, 5, record.ErrSignature, ""},
		{"line from another session", edit(func(l [][]byte) [][]byte {
			return append(l[:3], append([][]byte{lines(other.file)[3]}, l[4:]...)...)
		}), key, 4, record.ErrSignature, ""},
		{"line without its signature", edit(func(l [][]byte) [][]byte {
			l[2] = regexp.MustCompile(`,"mac":"[0-9a-f]{64}"`).ReplaceAll(l[2], nil)
			return l
		}), key, 3, record.ErrSignature, "no valid signature"},
		{"signature in upper case", edit(func(l [][]byte) [][]byte {
			l[2] = regexp.MustCompile(`"mac":"[0-9a-f]{64}"`).ReplaceAllFunc(l[2], bytes.ToUpper)
			return l
		}), key, 3, record.ErrSignature, ""},
		{"unsigned: sequence", bytes.Replace(unsigned, []byte(`"seq":3`), []byte(`"seq":5`), 1), nil, 4, record.ErrMalformed, "sequence number 5 where 3 was expected"},
		{"unsigned: line 3 dropped", join(append(lines(unsigned)[:2:2], lines(unsigned)[3:]...)), nil, 3, record.ErrMalformed, "sequence number 3 where 2 was expected"},
		{"unsigned: footer count", bytes.Replace(unsigned, []byte(`"actions":4`), []byte(`"actions":7`), 1), nil, 6, record.ErrMalformed, "the footer counts 7 actions, but the file has 4"},
		{"unsigned: a signed line", join(append(lines(unsigned)[:2:2], ls[2:]...)), nil, 3, record.ErrMalformed, "header says the file is not signed"},
		{"unsigned: second header", join(append(lines(unsigned)[:2:2], lines(unsigned)...)), nil, 3, record.ErrMalformed, "a second header"},
		{"unsigned: text after footer", append(bytes.Clone(unsigned), "{}"...), nil, 7, record.ErrMalformed, "after the footer"},
		{"unsigned: line after footer", append(bytes.Clone(unsigned), "{}\n"...), nil, 7, record.ErrMalformed, "after the footer"},
		{"unsigned: CRLF", bytes.ReplaceAll(unsigned, []byte("\n"), []byte("\r\n")), nil, 1, record.ErrMalformed, "carriage return"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := record.Read(bytes.NewReader(tt.file), tt.key)
			if err == nil {
				t.Fatalf("Read = no error; want line %d: %v\n%s", tt.line, tt.class, tt.file)
			}
			e := recordErr(t, err)
			if e.Line != tt.line || !errors.Is(err, tt.class) || !strings.Contains(e.Reason, tt.reason) {
				t.Errorf("Read = %v (%v); want line %d: %v, saying %q", err, e.Err, tt.line, tt.class, tt.reason)
			}
		})
	}
}

// TestFooterDropped shows the limit of the chain: a signed file cut after
// a whole line reads as a session that did not end.
func TestFooterDropped(t *testing.T) {
	t.Parallel()
	s := writeSession(t, key, 4, true)
	ls := lines(s.file)
	got, err := record.Read(bytes.NewReader(join(ls[:len(ls)-1])), key)
	if err != nil || got.Footer != nil || !got.Verified {
		t.Fatalf("Read(without footer) = %v, footer %v; want a verified unfinished session", err, got.Footer)
	}
}
