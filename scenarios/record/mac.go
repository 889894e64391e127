package record

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
)

// macSize is the length of a MAC in bytes; it is written as twice as many
// lower-case hex digits.
const macSize = sha256.Size

// macOpen and macClose surround the MAC at the end of a signed line.
const (
	macOpen  = `,"mac":"`
	macClose = `"}`
	// macTail is the length of the text a signature adds at a line's end,
	// before its newline.
	macTail = len(macOpen) + 2*macSize + len(macClose)
)

// chain computes the MACs of a signed transcript: each line's MAC covers
// the previous line's MAC, so the MACs link every line to all the lines
// before it.
type chain struct {
	mac  hash.Hash     // HMAC-SHA256 with the key
	prev [macSize]byte // the previous line's MAC; zero before the header
	sum  [macSize]byte // scratch for the current line's MAC
	hexb [2 * macSize]byte
}

func newChain(key []byte) *chain {
	return &chain{mac: hmac.New(sha256.New, key)}
}

// next computes the MAC of a line whose text without its signature is
// head followed by tail (split so that the reader needs no copy), and
// makes it the previous MAC for the next line.
func (c *chain) next(head, tail []byte) []byte {
	c.mac.Reset()
	c.mac.Write(c.prev[:])
	c.mac.Write(head)
	c.mac.Write(tail)
	c.mac.Sum(c.sum[:0])
	c.prev = c.sum
	return c.prev[:]
}

// sign appends to dst the signed form of body, a JSON object ending in
// '}' (without a newline): the object with `,"mac":"…"` spliced in before
// its closing brace.
func (c *chain) sign(dst, body []byte) []byte {
	mac := c.next(body, nil)
	hex.Encode(c.hexb[:], mac)
	dst = append(dst, body[:len(body)-1]...)
	dst = append(dst, macOpen...)
	dst = append(dst, c.hexb[:]...)
	return append(dst, macClose...)
}

// splitMAC finds the signature at the end of line (without its newline).
// It returns the line's text before the signature (the object without its
// closing brace) and the MAC, or ok false when the line does not end with
// a well-formed signature.
func splitMAC(line string) (head string, mac [macSize]byte, ok bool) {
	n := len(line)
	if n < macTail+1 || !strings.HasSuffix(line, macClose) ||
		line[n-macTail:n-macTail+len(macOpen)] != macOpen {
		return "", mac, false
	}
	digits := line[n-macTail+len(macOpen) : n-len(macClose)]
	for i := range mac {
		// Lower case only: upper-case digits would let one line be
		// written two ways with the same MAC.
		hi, ok1 := hexDigit(digits[2*i])
		lo, ok2 := hexDigit(digits[2*i+1])
		if !ok1 || !ok2 {
			return "", mac, false
		}
		mac[i] = hi<<4 | lo
	}
	return line[:n-macTail], mac, true
}

// hexDigit is the value of a lower-case hex digit.
func hexDigit(d byte) (byte, bool) {
	switch {
	case '0' <= d && d <= '9':
		return d - '0', true
	case 'a' <= d && d <= 'f':
		return d - 'a' + 10, true
	}
	return 0, false
}
