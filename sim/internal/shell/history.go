package shell

import (
	"io"
	"strings"

	"rclab/sim/internal/history"
)

// ExpandHistory applies bash's history expansion (set -H, on by default
// in an interactive shell) to a line typed at the shell's prompt, before
// it is parsed. A line that changed is shown on errw before it runs; a
// failed expansion is reported and the line dropped; a :p line is shown
// and recorded without running. It returns what the shell goes on with
// ("" when nothing is to run).
func (s *Shell) ExpandHistory(line string, errw io.Writer) string {
	if !strings.ContainsAny(line, "!^") || !s.r.Option("histexpand") {
		return line
	}
	s.mu.Lock()
	hist := s.history
	s.mu.Unlock()
	out, res := history.Expand(line, hist[:len(hist):len(hist)], &s.histState)
	switch res {
	case history.Failed:
		io.WriteString(errw, "-bash: "+out+"\n")
		return ""
	case history.PrintOnly:
		io.WriteString(errw, out+"\n")
		s.AddHistory(out)
		return ""
	case history.Expanded:
		io.WriteString(errw, out+"\n")
		return out
	}
	return line
}
