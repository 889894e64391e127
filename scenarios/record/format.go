package record

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"

	"rclab/sim"
)

// Format is the value of the header's "format" field. A reader refuses
// any other value: a later format gets a new number.
const Format = "rclab-transcript/1"

// The reasons a session ends, written in the footer.
const (
	// ReasonSubmitted: the candidate submitted.
	ReasonSubmitted = "submitted"
	// ReasonTimeout: the time limit ran out and the exam submitted itself.
	ReasonTimeout = "timeout"
	// ReasonQuit: the candidate left without submitting.
	ReasonQuit = "quit"
)

// validReason reports whether r is one of the Reason constants.
func validReason(r string) bool {
	return r == ReasonSubmitted || r == ReasonTimeout || r == ReasonQuit
}

// Header is the first line of a transcript: what is needed to rebuild the
// candidate's machine (scenario, content hash, seed, variables, rclab
// version) and whose session it is.
type Header struct {
	// Format is always the constant Format; NewWriter fills it in when
	// it is empty.
	Format string `json:"format"`
	// Scenario is the scenario's id, e.g. "E03-broken-service".
	Scenario string `json:"scenario"`
	// ContentHash identifies the exact scenario file the session ran
	// (hex SHA-256 of its bytes, as the caller computes it).
	ContentHash string `json:"content_hash"`
	// Seed drew the scenario's variables. It is written as a decimal
	// string so that tools that read JSON numbers as floating point
	// (jq, JavaScript) keep every bit.
	Seed uint64 `json:"seed,string"`
	// Variables are the values drawn from Seed; nil when the scenario has
	// none. Written with sorted keys.
	Variables map[string]string `json:"variables,omitempty"`
	// Version is the rclab version that recorded the session.
	Version string `json:"version"`
	// Student is the candidate's name as given to rclab; may be empty.
	Student string `json:"student"`
	// Start is the machine's virtual clock when the exam began.
	Start time.Time `json:"start"`
	// Signed says that every line carries a MAC. NewWriter sets it from
	// the key it is given, whatever the caller put here.
	Signed bool `json:"signed"`
}

// Entry is one action line: what the candidate did and what it showed.
type Entry struct {
	// Seq numbers the actions from 1, without gaps.
	Seq int `json:"seq"`
	// Action is the action as applied to the machine.
	Action sim.Action `json:"action"`
	// Clock is the machine's virtual clock after the action.
	Clock time.Time `json:"clock"`
	// Status is the exit status the action left ($?).
	Status int `json:"status"`
	// Output is the hex SHA-256 of the output the candidate saw (see
	// OutputHash), so a replay can prove it shows the same bytes. The
	// output itself is not recorded.
	Output string `json:"output_sha256"`
}

// CheckResult is one check's score as the exam computed it.
type CheckResult struct {
	ID     string `json:"id"`
	Points int    `json:"points"`
	Earned int    `json:"earned"`
}

// Footer is the last line of a finished session. Its score is
// informative only: graders rebuild the machine from the actions and
// score it again, never trusting these numbers.
type Footer struct {
	// Actions is the number of action lines; Close fills it in.
	Actions int `json:"actions"`
	// Reason is ReasonSubmitted, ReasonTimeout or ReasonQuit.
	Reason string `json:"reason"`
	// Earned and Max are the points scored and the points available.
	Earned int `json:"earned"`
	Max    int `json:"max"`
	// Checks are the per-check scores, in the scenario's order.
	Checks []CheckResult `json:"checks,omitempty"`
	// End is the virtual clock when the session ended.
	End time.Time `json:"end"`
}

// OutputHash is the value of Entry.Output for an output: the hex SHA-256
// of its bytes.
func OutputHash(output string) string {
	sum := sha256.Sum256([]byte(output))
	return hex.EncodeToString(sum[:])
}

// OutputMatches reports whether OutputHash(output) is hash, without
// allocating: a grader proves every replayed output this way.
func OutputMatches(output, hash string) bool {
	if len(hash) != 2*sha256.Size {
		return false
	}
	var sum [sha256.Size]byte
	if len(output) <= maxKeptOutput {
		b := outputBufs.Get().(*[]byte)
		*b = append((*b)[:0], output...)
		sum = sha256.Sum256(*b)
		outputBufs.Put(b)
	} else {
		sum = sha256.Sum256([]byte(output)) // not worth keeping a buffer
	}
	var text [2 * sha256.Size]byte
	hex.Encode(text[:], sum[:])
	return string(text[:]) == hash
}

// maxKeptOutput bounds the outputs OutputMatches copies into a kept
// buffer to hash them.
const maxKeptOutput = 64 << 10

// outputBufs are OutputMatches's buffers.
var outputBufs = sync.Pool{New: func() any { return new([]byte) }}

// The line types, the value of every line's "type" field.
const (
	typeHeader = "header"
	typeAction = "action"
	typeFooter = "footer"
)

// The shapes of the three lines as written: "type" first, then the
// fields of the embedded struct (json promotes them).
type (
	headerLine struct {
		Type string `json:"type"`
		Header
	}
	actionLine struct {
		Type string `json:"type"`
		Entry
	}
	footerLine struct {
		Type string `json:"type"`
		Footer
	}
)
