package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// readmeExample is a `rclab exec --echo -c '…'` command of the README and
// the transcript shown under it.
type readmeExample struct {
	line   int
	script string
	want   string
}

// readmeExamples finds the exec examples in the README's indented code
// blocks: the command, then the next indented block is what it prints.
func readmeExamples(text string) []readmeExample {
	const cmd = "go run ./cmd/rclab exec --echo -c '"
	lines := strings.Split(text, "\n")
	var out []readmeExample
	for i := 0; i < len(lines); i++ {
		l := strings.TrimPrefix(lines[i], "    ")
		if !strings.HasPrefix(l, cmd) {
			continue
		}
		ex := readmeExample{line: i + 1}
		var script []string
		l = strings.TrimPrefix(l, cmd)
		for {
			if strings.HasSuffix(l, "'") {
				script = append(script, strings.TrimSuffix(l, "'"))
				break
			}
			script = append(script, l)
			i++
			if i >= len(lines) {
				return out
			}
			l = strings.TrimPrefix(lines[i], "    ")
		}
		ex.script = strings.Join(script, "\n")
		// skip to the next indented block
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "    "); i++ {
		}
		var want []string
		for ; i < len(lines) && (strings.HasPrefix(lines[i], "    ") || lines[i] == ""); i++ {
			want = append(want, strings.TrimPrefix(lines[i], "    "))
		}
		ex.want = strings.TrimRight(strings.Join(want, "\n"), "\n") + "\n"
		out = append(out, ex)
	}
	return out
}

// TestReadmeExamples runs every exec example of the README and checks it
// prints what the README shows, so the README stays true.
func TestReadmeExamples(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(string(data))
	if len(examples) < 2 {
		t.Fatalf("found %d exec examples in the README; want at least 2", len(examples))
	}
	for _, ex := range examples {
		var stdout, stderr bytes.Buffer
		run([]string{"exec", "--echo", "-c", ex.script}, strings.NewReader(""), &stdout, &stderr)
		// A carriage return before a newline shows as nothing on a
		// terminal (the init scripts' status tags end with one).
		got := strings.ReplaceAll(stdout.String(), "\r\n", "\n")
		if got != ex.want {
			t.Errorf("README line %d: rclab exec --echo prints\n%s\nwant (as the README shows)\n%s\n(ends %q, want %q)", ex.line, got, ex.want, got[max(0, len(got)-40):], ex.want[max(0, len(ex.want)-40):])
		}
	}
}
