package scenarios

import (
	"embed"
	"io/fs"

	"rclab/lessons/check/strict"
)

//go:embed content
var content embed.FS

// Content is the scenarios built into rclab: a file system of YAML files.
func Content() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err)
	}
	return sub
}

// Load reads and decodes the scenario file p of fsys.
func Load(fsys fs.FS, p string) (*Scenario, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	return Parse(p, data)
}

// LoadAll reads every *.yaml and *.yml file at the top of fsys, sorted by
// scenario id. It reports every problem of every file (a strict.Errors
// when all are problems of the files' content), and scenarios that share
// an id; the scenarios that loaded are returned either way.
func LoadAll(fsys fs.FS) ([]*Scenario, error) {
	return strict.LoadDir(fsys, Load, func(s *Scenario) string { return s.ID }, "scenario")
}

// Find returns the scenario whose id is id, or whose id starts with id
// followed by a dash ("E03" finds "E03-telnet-legacy-lab"); the match
// ignores case. It returns nil when none matches.
func Find(list []*Scenario, id string) *Scenario {
	return strict.FindID(list, func(s *Scenario) string { return s.ID }, id)
}

// Validate checks scenario files without running them: it parses each
// file of fsys named in paths (every variant of its variables) and
// returns the problems found, one error per problem (nil when all are
// fine).
func Validate(fsys fs.FS, paths ...string) []error {
	var out []error
	for _, p := range paths {
		_, err := Load(fsys, p)
		out = append(out, strict.Problems(err)...)
	}
	return out
}
