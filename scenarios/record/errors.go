package record

import (
	"errors"
	"strconv"
)

// Error is a transcript that cannot be trusted or read: which line, and
// why in plain words. Err, when set, is one of the Err… values below,
// for errors.Is.
type Error struct {
	// Line is the 1-based line number the problem was found on.
	Line int
	// Column is the 1-based byte column within the line, when the JSON
	// decoder could say; 0 otherwise.
	Column int
	// Reason says what is wrong, for a teacher to read.
	Reason string
	// Err classifies the problem; nil for structural problems that fit
	// none of the classes.
	Err error
}

func (e *Error) Error() string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Column > 0 {
		s += ", column " + strconv.Itoa(e.Column)
	}
	return s + ": " + e.Reason
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Classes of Error, for errors.Is.
var (
	// ErrNotTranscript: the first line is not an rclab transcript header,
	// or it is one of a format this rclab does not read.
	ErrNotTranscript = errors.New("not an rclab transcript")
	// ErrIncomplete: the file ends before its header line is complete
	// (a crash while the exam was starting); there is nothing to resume.
	ErrIncomplete = errors.New("transcript has no complete header")
	// ErrSignature: a MAC does not match: the file was changed, lines were
	// dropped, inserted or reordered, or the key is wrong.
	ErrSignature = errors.New("signature does not match")
	// ErrNotSigned: a key was given but the file is not signed.
	ErrNotSigned = errors.New("transcript is not signed")
	// ErrMalformed: a line is not valid JSON or not a valid line of a
	// transcript (sequence, fields, order of lines).
	ErrMalformed = errors.New("malformed transcript")
)

// Errors of the Writer.
var (
	// ErrClosed is returned by Append and Close after Close.
	ErrClosed = errors.New("record: the transcript is closed")
)

// lineErr builds an *Error of class class.
func lineErr(line int, class error, reason string) *Error {
	return &Error{Line: line, Reason: reason, Err: class}
}
