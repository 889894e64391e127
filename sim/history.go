package sim

import (
	"io"
	"strings"

	"rclab/sim/internal/history"
	"rclab/sim/internal/shell"
)

// expandHistory applies bash's history expansion (set -H, on by default
// at a prompt) to a line typed at sh's prompt, as bash does before it
// parses the line. A line that changed is shown on errw before it runs; a
// failed expansion is reported and the line dropped; a :p line is shown
// and kept in the history without running. The returned line is what the
// shell goes on with ("" when nothing is to run).
func (m *Machine) expandHistory(sh *shell.Shell, line string, errw io.Writer) string {
	if !strings.ContainsAny(line, "!^") || !strings.Contains(sh.Var("-"), "H") {
		return line
	}
	if m.hist == nil {
		m.hist = make(map[*shell.Shell]*history.State)
	}
	st := m.hist[sh]
	if st == nil {
		st = &history.State{}
		m.hist[sh] = st
	}
	out, res := history.Expand(line, sh.History(), st)
	switch res {
	case history.Failed:
		io.WriteString(errw, "-bash: "+out+"\n")
		return ""
	case history.PrintOnly:
		io.WriteString(errw, out+"\n")
		sh.AddHistory(out)
		return ""
	case history.Expanded:
		io.WriteString(errw, out+"\n")
		return out
	}
	return line
}
