package chkconfig

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// §8.1: the header rules of chkconfig 1.3.30.2.
func TestParseHeader(t *testing.T) {
	t.Parallel()
	const desc = "# description: Test service.\n"
	tests := []struct {
		name   string
		script string
		want   Header
		err    string // substring of the error; "" for success
	}{
		{"plain", "#!/bin/bash\n# chkconfig: 2345 55 25\n" + desc,
			Header{Levels: "2345", Start: 55, Stop: 25, Description: "Test service."}, ""},
		{"no spaces", "#chkconfig:2345 5 95\n#description:x\n",
			Header{Levels: "2345", Start: 5, Stop: 95, Description: "x"}, ""},
		{"tabs and indent", "  #\tchkconfig:\t345\t26\t74\n\t# description:\tacpid\n",
			Header{Levels: "345", Start: 26, Stop: 74, Description: "acpid"}, ""},
		{"dash levels", "# chkconfig: - 85 15\n" + desc,
			Header{Levels: "", Start: 85, Stop: 15, Description: "Test service."}, ""},
		{"levels sorted and deduplicated", "# chkconfig: 5332 10 90\n" + desc,
			Header{Levels: "235", Start: 10, Stop: 90, Description: "Test service."}, ""},
		{"all levels", "# chkconfig: 0123456 0 99\n" + desc,
			Header{Levels: "0123456", Start: 0, Stop: 99, Description: "Test service."}, ""},
		{"leading zero priority", "# chkconfig: 2345 08 92\n" + desc,
			Header{Levels: "2345", Start: 8, Stop: 92, Description: "Test service."}, ""},
		{"plus sign", "# chkconfig: 2345 +8 92\n" + desc,
			Header{Levels: "2345", Start: 8, Stop: 92, Description: "Test service."}, ""},
		{"trailing words after stop", "# chkconfig: 2345 10 90 extra words\n" + desc,
			Header{Levels: "2345", Start: 10, Stop: 90, Description: "Test service."}, ""},
		{"description first", desc + "# chkconfig: 35 20 80\n",
			Header{Levels: "35", Start: 20, Stop: 80, Description: "Test service."}, ""},
		{"continued description",
			"# chkconfig: 2345 90 60\n# description: crond runs commands \\\n#              at times.\n",
			Header{Levels: "2345", Start: 90, Stop: 60, Description: "crond runs commands at times."}, ""},
		{"three description lines",
			"# chkconfig: 2345 90 60\n# description: a \\\n# b \\\n#\tc\n",
			Header{Levels: "2345", Start: 90, Stop: 60, Description: "a b c"}, ""},
		{"last description wins", "# chkconfig: 2345 1 2\n# description: one\n# description: two\n",
			Header{Levels: "2345", Start: 1, Stop: 2, Description: "two"}, ""},
		{"first chkconfig line wins", "# chkconfig: 2345 1 2\n# chkconfig: 3 40 60\n" + desc,
			Header{Levels: "2345", Start: 1, Stop: 2, Description: "Test service."}, ""},
		{"comment deep in the body counts", "# chkconfig: 2345 1 2\necho hi\nfoo() {\n\t# description: late\n}\n",
			Header{Levels: "2345", Start: 1, Stop: 2, Description: "late"}, ""},
		{"crlf: stop priority followed by CR", "# chkconfig: 2345 10 90\r\n# description: x\r\n",
			Header{Levels: "2345", Start: 10, Stop: 90, Description: "x\r"}, ""},
		{"translation and english", "# chkconfig: 345 1 2\n# description(ko): 번역\n# description: English\n",
			Header{Levels: "345", Start: 1, Stop: 2, Description: "English"}, ""},
		{"LSB block adds and removes levels",
			"# chkconfig: 35 20 80\n# description: x\n### BEGIN INIT INFO\n# Provides: web\n# Required-Start: sshd $network\n# Required-Stop: sshd\n# Default-Start: 2 3 4\n# Default-Stop: 0 1 5 6\n### END INIT INFO\n",
			Header{Levels: "234", Start: 20, Stop: 80, Description: "x", LSB: true,
				Provides: []string{"web"}, RequiredStart: []string{"sshd", "$network"}, RequiredStop: []string{"sshd"}}, ""},
		{"Default-Start before the chkconfig line wins", "# Default-Start: 3\n# chkconfig: 9 10 90\n" + desc,
			Header{Levels: "3", Start: 10, Stop: 90, Description: "Test service."}, ""},
		{"hide", "# chkconfig: 2345 1 2\n# hide: true\n" + desc,
			Header{Levels: "2345", Start: 1, Stop: 2, Description: "Test service.", Hide: true}, ""},
		{"not executable does not matter", "# chkconfig: 2345 1 2\n" + desc,
			Header{Levels: "2345", Start: 1, Stop: 2, Description: "Test service."}, ""},

		{"empty", "", Header{}, "no chkconfig line"},
		{"no header", "#!/bin/bash\necho hello\n", Header{}, "no chkconfig line"},
		{"no description (EL5)", "# chkconfig: 2345 55 25\n", Header{}, "no description"},
		{"LSB only (EL5)", "### BEGIN INIT INFO\n# Provides: webapp\n# Default-Start: 3 5\n# Short-Description: web\n# Description: web app\n### END INIT INFO\n", Header{}, "no chkconfig line"},
		{"capitalised Description is not one", "# chkconfig: 2345 55 25\n# Description: x\n", Header{}, "no description"},
		{"empty description", "# chkconfig: 2345 55 25\n# description:   \n", Header{}, "no description"},
		{"continuation into code", "# chkconfig: 2345 55 25\n# description: a \\\necho\n", Header{}, "no description"},
		{"continuation at end of file", "# chkconfig: 2345 55 25\n# description: a \\\n", Header{}, "no description"},
		{"chkconfig not in a comment", "chkconfig: 2345 55 25\n" + desc, Header{}, "no chkconfig line"},
		{"missing stop", "# chkconfig: 2345 55\n" + desc, Header{}, "bad chkconfig line"},
		{"empty after colon", "# chkconfig:\n" + desc, Header{}, "empty chkconfig line"},
		{"blank after colon", "# chkconfig:   \t\n" + desc, Header{}, "empty chkconfig line"},
		{"start over 99", "# chkconfig: 2345 100 25\n" + desc, Header{}, "out of range"},
		{"stop over 99", "# chkconfig: 2345 10 250\n" + desc, Header{}, "out of range"},
		{"negative", "# chkconfig: 2345 -1 25\n" + desc, Header{}, "out of range"},
		{"level 7", "# chkconfig: 27 10 90\n" + desc, Header{}, "bad runlevels"},
		{"level 9", "# chkconfig: 9 10 90\n" + desc, Header{}, "bad runlevels"},
		{"letters in levels", "# chkconfig: 2a 10 90\n" + desc, Header{}, "bad runlevels"},
		{"comma levels", "# chkconfig: 2,3 10 90\n" + desc, Header{}, "bad runlevels"},
		{"trailing garbage on stop", "# chkconfig: 2345 10 25x\n" + desc, Header{}, "bad chkconfig line"},
		{"garbage priority", "# chkconfig: 2345 x 25\n" + desc, Header{}, "bad chkconfig line"},
		{"stop at end of file without newline", "# description: x\n# chkconfig: 2345 10 90", Header{}, "bad chkconfig line"},
		{"second chkconfig line invalid", "# chkconfig: 2345 1 2\n" + desc + "# chkconfig: junk\n", Header{}, "bad chkconfig line"},
		{"NUL ends the file", "# chkconfig: 2345 1 2\n\x00# description: x\n", Header{}, "no description"},
	}
	for _, tt := range tests {
		got, err := ParseHeader([]byte(tt.script))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: ParseHeader(%q) error = %v; want %q", tt.name, tt.script, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: ParseHeader(%q) error = %v", tt.name, tt.script, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: ParseHeader(%q) mismatch (-want +got):\n%s", tt.name, tt.script, d)
		}
	}
}

// The priorities may run on to the next lines, as sscanf's %d skips
// newlines; the line ending right after the stop priority is fine.
func TestParseHeaderScanf(t *testing.T) {
	t.Parallel()
	h, err := ParseHeader([]byte("# chkconfig: 2345 10\n90 \n# description: x\n"))
	if err != nil || h.Start != 10 || h.Stop != 90 {
		t.Errorf("ParseHeader(priority on next line) = %+v, %v; want 10/90", h, err)
	}
	// A level word longer than 15 characters spills into the priorities.
	h, err = ParseHeader([]byte("# chkconfig: 0123456012345601 10 20\n# description: x\n"))
	if err != nil || h.Start != 1 || h.Stop != 10 {
		t.Errorf("ParseHeader(long level word) = %+v, %v; want 1/10", h, err)
	}
}

func TestDefaultOn(t *testing.T) {
	t.Parallel()
	h := Header{Levels: "345"}
	for l, want := range []bool{false, false, false, true, true, true, false, false} {
		if got := h.DefaultOn(l); got != want {
			t.Errorf("DefaultOn(%d) = %v; want %v", l, got, want)
		}
	}
}
