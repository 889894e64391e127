package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"rclab/sim"
)

// syncer is what a file offers to make written data durable (*os.File).
type syncer interface{ Sync() error }

// Writer appends a session to a transcript, one line per call, each line
// written with a single Write and then synced, so a crash loses at most
// the line being written. Call Append before the candidate sees the
// action's output: then nothing shown on screen is ever missing from the
// file. A Writer is safe for concurrent use.
type Writer struct {
	mu     sync.Mutex
	w      io.Writer
	chain  *chain // nil when unsigned
	seq    int    // the last Seq written
	closed bool
	err    error // the first write or sync error; the Writer is then dead

	buf  bytes.Buffer  // the JSON encoder's output
	enc  *json.Encoder // writes into buf
	line []byte        // the line being written
	out  []byte        // the output being hashed
}

// NewWriter writes h as the header of a new transcript to w and returns
// a Writer for its actions. With a non-empty key every line is signed
// (h.Signed is set accordingly); a nil or empty key writes an unsigned
// transcript. h.Format may be empty (it is set to Format).
func NewWriter(w io.Writer, h Header, key []byte) (*Writer, error) {
	if h.Format == "" {
		h.Format = Format
	}
	if h.Format != Format {
		return nil, fmt.Errorf("record: header format %q, want %q", h.Format, Format)
	}
	if !validText(h) {
		return nil, errors.New("record: the header's text is not valid UTF-8 and would not read back as written")
	}
	h.Signed = len(key) > 0
	wr := newWriter(w, key)
	if err := wr.writeLine(headerLine{Type: typeHeader, Header: h}); err != nil {
		return nil, err
	}
	return wr, nil
}

// Continue resumes the session t read from a transcript: the Writer
// appends after t's last entry, continuing the sequence and the chain of
// MACs. w must write after the first t.ValidLen bytes of the file (the
// caller truncates the file there first). A signed transcript must have
// been read and verified with the same key; an unsigned one is continued
// without a key. A finished session (one with a footer) cannot be
// continued.
func Continue(w io.Writer, t *Transcript, key []byte) (*Writer, error) {
	switch {
	case t == nil:
		return nil, errors.New("record: no transcript to continue")
	case t.Footer != nil:
		return nil, errors.New("record: the session has ended (its footer is written); it cannot be continued")
	case !t.Signed && len(key) > 0:
		return nil, errors.New("record: the transcript is not signed; it cannot be continued with a key")
	case t.Signed && len(key) == 0:
		return nil, errors.New("record: the transcript is signed: a key is needed to continue it")
	case t.Signed && (!t.Verified || t.keySum != sha256.Sum256(key)):
		return nil, errors.New("record: the transcript was not verified with this key; read it with the key first")
	}
	wr := newWriter(w, key)
	wr.seq = len(t.Entries)
	if wr.chain != nil {
		wr.chain.prev = t.lastMAC
	}
	return wr, nil
}

func newWriter(w io.Writer, key []byte) *Writer {
	wr := &Writer{w: w}
	wr.enc = json.NewEncoder(&wr.buf)
	wr.enc.SetEscapeHTML(false) // keep "ls > f" readable
	if len(key) > 0 {
		wr.chain = newChain(key)
	}
	return wr
}

// Append records action a, the virtual clock after it, the exit status
// it left and the output the candidate saw (only its hash is written),
// and returns the entry as written. It fails after Close, and for good
// after any write or sync error.
func (wr *Writer) Append(a sim.Action, clock time.Time, status int, output string) (Entry, error) {
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if err := wr.usable(); err != nil {
		return Entry{}, err
	}
	if !validText(a) {
		return Entry{}, errors.New("record: the action's text is not valid UTF-8 and would not read back as written")
	}
	var sum [sha256.Size]byte
	if len(output) <= 64<<10 {
		wr.out = append(wr.out[:0], output...) // hashed without allocating
		sum = sha256.Sum256(wr.out)
	} else {
		sum = sha256.Sum256([]byte(output)) // not worth keeping a buffer
	}
	e := Entry{
		Seq:    wr.seq + 1,
		Action: a,
		Clock:  clock,
		Status: status,
		Output: hex.EncodeToString(sum[:]),
	}
	if err := wr.writeLine(actionLine{Type: typeAction, Entry: e}); err != nil {
		return Entry{}, err
	}
	wr.seq++
	return e, nil
}

// Close writes the footer f and ends the transcript; it does not close
// the underlying writer. f.Actions is set to the number of actions
// written (Close fails if the caller set a different number), and
// f.Reason must be one of the Reason constants.
func (wr *Writer) Close(f Footer) error {
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if err := wr.usable(); err != nil {
		return err
	}
	if f.Actions != 0 && f.Actions != wr.seq {
		return fmt.Errorf("record: footer counts %d actions, but %d were written", f.Actions, wr.seq)
	}
	if !validReason(f.Reason) {
		return fmt.Errorf("record: footer reason %q, want %q, %q or %q", f.Reason, ReasonSubmitted, ReasonTimeout, ReasonQuit)
	}
	if !validText(f) {
		return errors.New("record: the footer's text is not valid UTF-8 and would not read back as written")
	}
	f.Actions = wr.seq
	if err := wr.writeLine(footerLine{Type: typeFooter, Footer: f}); err != nil {
		return err
	}
	wr.closed = true
	return nil
}

// Actions is the number of actions written so far, including those of the
// transcript a Continue resumed.
func (wr *Writer) Actions() int {
	wr.mu.Lock()
	defer wr.mu.Unlock()
	return wr.seq
}

func (wr *Writer) usable() error {
	if wr.err != nil {
		return fmt.Errorf("record: an earlier write failed, the transcript cannot go on: %w", wr.err)
	}
	if wr.closed {
		return ErrClosed
	}
	return nil
}

// writeLine encodes v, signs it when the transcript is signed, writes it
// with its newline in one Write and syncs. An encoding error leaves the
// transcript as it was; a write or sync error ends the Writer.
func (wr *Writer) writeLine(v any) error {
	wr.buf.Reset()
	if err := wr.enc.Encode(v); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	body := bytes.TrimSuffix(wr.buf.Bytes(), []byte("\n"))
	if wr.chain != nil {
		wr.line = wr.chain.sign(wr.line[:0], body)
		return wr.write(append(wr.line, '\n'))
	}
	wr.line = append(append(wr.line[:0], body...), '\n')
	return wr.write(wr.line)
}

func (wr *Writer) write(line []byte) error {
	if _, err := wr.w.Write(line); err != nil {
		wr.err = err
		return fmt.Errorf("record: %w", err)
	}
	if s, ok := wr.w.(syncer); ok {
		if err := s.Sync(); err != nil {
			wr.err = err
			return fmt.Errorf("record: %w", err)
		}
	}
	return nil
}
