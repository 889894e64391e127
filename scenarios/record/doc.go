// Package record writes and reads exam transcripts: the record of one
// candidate's session, precise enough to rebuild the machine and replay
// the screen, and signed so that a teacher can tell if it was edited.
//
// The package works on io.Writer and io.Reader only; the command line
// opens the files. Times are the simulated machine's virtual clock, never
// the host's, so a session recorded twice from the same actions gives the
// same file.
//
// # The file
//
// A transcript is text in JSON lines: one JSON object per line, each
// ended by a newline, each with a "type". The first line is the header,
// then one line per action, then, when the session ended normally, a
// footer:
//
//	{"type":"header","format":"rclab-transcript/1","scenario":"E03-…","content_hash":"…","seed":"42","variables":{"svc":"named"},"version":"0.9.0","student":"Kim","start":"2014-09-30T09:00:00Z","signed":true,"mac":"…"}
//	{"type":"action","seq":1,"action":{"kind":"type","line":"chkconfig --list httpd"},"clock":"2014-09-30T09:00:04Z","status":0,"output_sha256":"…","mac":"…"}
//	{"type":"action","seq":2,"action":{"kind":"wait","for":30000000000},"clock":"2014-09-30T09:00:34Z","status":0,"output_sha256":"…","mac":"…"}
//	{"type":"footer","actions":2,"reason":"submitted","earned":10,"max":20,"checks":[{"id":"enabled","points":10,"earned":10}],"end":"2014-09-30T09:00:40Z","mac":"…"}
//
// The header holds what is needed to rebuild the candidate's machine:
// the scenario id, the hash of the scenario file used, the seed and the
// variables drawn from it, the rclab version. The seed is a string so
// that tools reading JSON numbers as floating point keep every digit.
//
// An action line holds its sequence number (1, 2, 3… without gaps), the
// action exactly as it was applied to the machine, the virtual clock
// after it, the exit status it left, and the SHA-256 of the output the
// candidate saw. The output itself is not stored: a replay recomputes it
// and the hash proves the screen is the same byte for byte.
//
// The footer says why the session ended ("submitted", "timeout" or
// "quit"), how many actions it had, and the score the exam showed. That
// score is informative only: graders rebuild the machine from the
// actions and score it again.
//
// # Crashes and resuming
//
// Each line is written with one write and synced before the candidate
// sees the action's output, so killing rclab loses nothing that was on
// the screen. A crash can leave the last line half written, without its
// newline: Read leaves that line out and sets Truncated. A transcript
// without a footer is a session that did not end; Continue appends to it
// (after the file is cut back to ValidLen), carrying on the numbering
// and the signatures as if nothing had happened.
//
// # Signatures
//
// When the exam is given a teacher's key, every line ends with a "mac"
// field: 64 hex digits of HMAC-SHA256 with that key over
//
//	the previous line's MAC (32 zero bytes for the header), then
//	the line as it would be without its signature: the JSON object with
//	`,"mac":"…"` cut out, closing brace included.
//
// Without the key nobody can compute a MAC, and because each MAC covers
// the one before it, the MACs form a chain through the whole file:
//
//   - A changed byte anywhere in a line changes what that line's MAC
//     should be.
//   - A dropped, inserted, duplicated or moved line breaks the chain at
//     the first line whose predecessor is not the one it was signed after.
//   - A wrong key fails on the header.
//   - A header copied from another student's file, or actions copied
//     from another session, do not chain to the rest.
//   - Removing the signatures does not help: a teacher who gives a key
//     gets an error for a file that is not signed.
//
// The errors name the line and say why, e.g. "line 7: signature does not
// match (the line was changed, or lines were dropped, inserted or
// reordered before it)".
//
// What the chain cannot tell: a file cut exactly after one of its lines
// looks like a session that crashed there; it has no footer, and a
// grader must report it as unfinished, not score it as submitted. And a
// MAC proves only that someone holding the key wrote the line: the key
// must be kept where candidates cannot read it, for example readable only
// by the account that runs the exam.
package record
