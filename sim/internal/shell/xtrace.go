package shell

import (
	"bytes"
	"io"
)

// helperTrace starts the xtrace line of a call to one of rclab's own
// helpers (case rewrites, jump guards, pipeline markers).
var helperTrace = []byte("+ __rclab_")

// traceFilter drops the xtrace lines of rclab's helper calls: they are
// how rclab runs `case` and loops quickly, not commands the script has,
// and `bash -x /etc/init.d/httpd start` must trace what a student reads
// in the script. interp writes each trace line in one Write.
type traceFilter struct{ w io.Writer }

func (t traceFilter) Write(p []byte) (int, error) {
	if bytes.HasPrefix(p, helperTrace) && bytes.IndexByte(p, '\n') == len(p)-1 {
		return len(p), nil
	}
	return t.w.Write(p)
}

// hideHelperTraces wraps a shell's standard error in a traceFilter.
func hideHelperTraces(w io.Writer) io.Writer {
	if w == nil {
		return nil
	}
	return traceFilter{w}
}
