package record

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
)

// Transcript is a transcript as read: the session's header, its actions,
// and its footer when the session ended.
type Transcript struct {
	// Header is the first line.
	Header Header
	// Entries are the actions, Seq 1, 2, 3…
	Entries []Entry
	// Footer is nil when the session did not end: rclab was killed, or
	// the session is still running, or the file was cut at the end of a
	// line (which a signature cannot tell from a crash).
	Footer *Footer
	// Signed says that every line carries a MAC.
	Signed bool
	// Verified says that a key was given and every line's MAC matched.
	// A signed transcript read without a key is not verified: whoever
	// trusts it decides.
	Verified bool
	// Truncated says that the file ended inside a line (a crash while it
	// was being written) and that partial line was left out.
	Truncated bool
	// ValidLen is the length in bytes of the lines read: the file minus
	// its partial last line. Truncate the file there before Continue.
	ValidLen int64

	lastMAC [macSize]byte // the MAC of the last line read
	keySum  [sha256.Size]byte
}

// headerStart is how every transcript begins.
const headerStart = `{"type":"header","format":"rclab-transcript/`

// Read reads a transcript. With a non-empty key the file must be signed
// and every line's MAC must match; with no key a signed file is read
// without being verified (Verified is false). Either way the structure is
// checked: a header first, actions numbered from 1, at most one footer
// counting them, nothing after it. A last line without its newline is a
// crash while it was written: it is left out and Truncated is set, but a
// file cut inside its header is an error (ErrIncomplete: there is nothing
// to resume). Any other problem is an *Error naming the line; an error
// of r itself is returned wrapped.
func Read(r io.Reader, key []byte) (*Transcript, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("record: reading the transcript: %w", err)
	}
	p := parser{t: &Transcript{}}
	if len(key) > 0 {
		p.chain = newChain(key)
		p.t.keySum = sha256.Sum256(key)
	}
	return p.parse(data)
}

// readAll is io.ReadAll as a string, read at once into its final place
// from a reader that knows its length (a bytes.Reader of a whole file).
// The entries read keep parts of it as their strings, so that reading
// them needs no copy of each.
func readAll(r io.Reader) (string, error) {
	var b strings.Builder
	if l, ok := r.(interface{ Len() int }); ok {
		b.Grow(l.Len())
	}
	_, err := io.Copy(&b, r)
	return b.String(), err
}

// parser reads one transcript.
type parser struct {
	t     *Transcript
	chain *chain // nil without a key
	body  []byte // scratch: the line's object, without a signature
}

func (p *parser) parse(data string) (*Transcript, error) {
	if len(data) == 0 {
		return nil, lineErr(1, ErrIncomplete, "the file is empty")
	}
	// Room for every line but the header and the footer, bounded by what
	// lines of a sensible length would need.
	if lines := min(strings.Count(data, "\n"), len(data)/128); lines > 2 {
		p.t.Entries = make([]Entry, 0, lines-2)
	}
	n := 1
	for off := 0; off < len(data); n++ {
		end := strings.IndexByte(data[off:], '\n')
		if end < 0 {
			return p.partial(n, data[off:])
		}
		if err := p.line(n, data[off:off+end]); err != nil {
			return nil, err
		}
		off += end + 1
		p.t.ValidLen = int64(off)
	}
	p.t.Verified = p.t.Signed && p.chain != nil
	return p.t, nil
}

// partial handles a last line without its newline.
func (p *parser) partial(n int, rest string) (*Transcript, error) {
	switch {
	case n == 1 && (strings.HasPrefix(rest, headerStart) || strings.HasPrefix(headerStart, rest)):
		return nil, lineErr(1, ErrIncomplete, "the file ends before its header is complete (rclab stopped while the exam was starting)")
	case n == 1:
		return nil, lineErr(1, ErrNotTranscript, "not an rclab transcript")
	case p.t.Footer != nil:
		return nil, lineErr(n, ErrMalformed, "text after the footer (the session had already ended)")
	}
	p.t.Truncated = true
	p.t.Verified = p.t.Signed && p.chain != nil
	return p.t, nil
}

// line checks and records line n (without its newline).
func (p *parser) line(n int, line string) error {
	if n > 1 && p.t.Footer != nil {
		return lineErr(n, ErrMalformed, "text after the footer (the session had already ended)")
	}
	if len(line) == 0 {
		return lineErr(n, ErrMalformed, "empty line")
	}
	if line[len(line)-1] == '\r' {
		return lineErr(n, ErrMalformed, "the line ends with a carriage return (the file's line endings were changed after it was written)")
	}
	// open is the line's object without its closing brace, when the line
	// ends with one; body is the object as bytes, for the signature and
	// the JSON decoder.
	open, mac, signed := splitMAC(line)
	if signed {
		p.body = append(append(p.body[:0], open...), '}')
	} else {
		p.body = append(p.body[:0], line...)
		open = ""
		if line[len(line)-1] == '}' {
			open = line[:len(line)-1]
		}
	}
	body := p.body
	if n == 1 {
		return p.header(line, body, mac, signed)
	}
	switch {
	case p.t.Signed && !signed:
		return lineErr(n, ErrSignature, "the line has no valid signature, but the file is signed (the line was changed or inserted)")
	case !p.t.Signed && signed:
		return lineErr(n, ErrMalformed, "the line has a signature, but the header says the file is not signed")
	case signed && p.chain != nil && !hmac.Equal(p.chain.next(body, nil), mac[:]):
		return lineErr(n, ErrSignature, "signature does not match (the line was changed, or lines were dropped, inserted or reordered before it)")
	}
	if signed {
		p.t.lastMAC = mac
	}
	typ, err := lineType(n, body)
	if err != nil {
		return err
	}
	switch typ {
	case typeAction:
		return p.action(n, open, body)
	case typeFooter:
		return p.footer(n, body)
	case typeHeader:
		return lineErr(n, ErrMalformed, "a second header (were two transcripts joined into one file?)")
	}
	return lineErr(n, ErrMalformed, fmt.Sprintf("unknown line type %q", typ))
}

// header checks and records the first line.
func (p *parser) header(line string, body []byte, mac [macSize]byte, signed bool) error {
	if signed && p.chain != nil && !hmac.Equal(p.chain.next(body, nil), mac[:]) {
		return lineErr(1, ErrSignature, "signature does not match (the key is not the one the exam used, or the header was changed)")
	}
	var probe struct {
		Type   string `json:"type"`
		Format string `json:"format"`
	}
	if !strings.HasPrefix(line, headerStart) {
		return lineErr(1, ErrNotTranscript, "not an rclab transcript")
	}
	if err := decodeLoose(body, &probe); err != nil {
		return jsonErr(1, err)
	}
	if probe.Type != typeHeader { // "type" given twice
		return lineErr(1, ErrNotTranscript, "not an rclab transcript")
	}
	if probe.Format != Format {
		return lineErr(1, ErrNotTranscript, fmt.Sprintf("transcript format %q: this rclab reads %q only", probe.Format, Format))
	}
	var h headerLine
	if err := decodeStrict(1, body, &h); err != nil {
		return err
	}
	switch {
	case h.Signed && !signed:
		return lineErr(1, ErrSignature, "the header says the file is signed, but it has no valid signature")
	case !h.Signed && signed:
		return lineErr(1, ErrMalformed, "the header has a signature, but says the file is not signed")
	case !signed && p.chain != nil:
		return lineErr(1, ErrNotSigned, "the file is not signed, but a key was given (a teacher's key expects a signed transcript)")
	}
	p.t.Header = h.Header
	p.t.Signed = signed
	p.t.lastMAC = mac
	return nil
}

// action records an action line: open is its object without the closing
// brace ("" when the line does not end with one), body the whole object.
func (p *parser) action(n int, open string, body []byte) error {
	a, ok := fastAction(open)
	if !ok {
		var err error
		if a, err = strictAction(n, body); err != nil {
			return err
		}
	}
	if want := len(p.t.Entries) + 1; a.Seq != want {
		return lineErr(n, ErrMalformed, fmt.Sprintf("sequence number %d where %d was expected", a.Seq, want))
	}
	if a.Action.Kind == "" {
		return lineErr(n, ErrMalformed, "the action has no kind")
	}
	if !isHexSum(a.Output) {
		return lineErr(n, ErrMalformed, fmt.Sprintf("output_sha256 %q is not a SHA-256 in lower-case hex", a.Output))
	}
	p.t.Entries = append(p.t.Entries, a.Entry)
	return nil
}

// strictAction decodes action line n, whose object is body, with the
// strict decoder.
func strictAction(n int, body []byte) (actionLine, error) {
	var a actionLine
	err := decodeStrict(n, body, &a)
	return a, err
}

func (p *parser) footer(n int, body []byte) error {
	var f footerLine
	if err := decodeStrict(n, body, &f); err != nil {
		return err
	}
	if f.Actions != len(p.t.Entries) {
		return lineErr(n, ErrMalformed, fmt.Sprintf("the footer counts %d actions, but the file has %d", f.Actions, len(p.t.Entries)))
	}
	if !validReason(f.Reason) {
		return lineErr(n, ErrMalformed, fmt.Sprintf("the footer's reason is %q; want %q, %q or %q", f.Reason, ReasonSubmitted, ReasonTimeout, ReasonQuit))
	}
	p.t.Footer = &f.Footer
	return nil
}

// isHexSum reports whether s is a SHA-256 in lower-case hex.
func isHexSum(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
