package lessons

import (
	"embed"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"rclab/lessons/check"
	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Text is one text in English and Korean; in lesson files, a mapping with
// the keys en and ko.
type Text = check.Text

// Lesson is one lesson: what the machine looks like at the start, and
// the steps the learner takes. It is decoded from one YAML file.
type Lesson struct {
	// ID starts with L and the lesson's two-digit number: "L01-processes-daemons".
	ID    string `yaml:"id,required"`
	Title Text   `yaml:"title,required"`
	// Image is the machine's base image ("centos5" when left out).
	Image string `yaml:"image"`
	// Intro is shown before the first step (optional).
	Intro Text `yaml:"intro"`
	// Setup puts the machine in the state the lesson starts from.
	Setup Setup `yaml:"setup"`
	// Steps are done in order.
	Steps []*Step `yaml:"steps,required"`

	// File is where the lesson was read from.
	File string `yaml:"-"`
}

// Setup is applied to a freshly booted machine before the lesson starts:
// files are written first, then the commands are typed (their output is
// not shown), then the shell's history is cleared.
type Setup struct {
	// BootArgs are kernel arguments for the machine's first boot.
	BootArgs []string `yaml:"boot_args"`
	Files    []*File  `yaml:"files"`
	Commands []Action `yaml:"commands"`
}

// File is a file the setup writes (parent directories are created).
type File struct {
	Path    string      `yaml:"path,required"`
	Mode    *check.Mode `yaml:"mode"` // 0644 when left out
	Content string      `yaml:"content,required"`
}

// Step is one thing to do, with the check that notices it is done.
type Step struct {
	// Text explains the step; it may use `code`, **bold**, "- " lists
	// and lines indented by four spaces (shown as typed).
	Text Text `yaml:"text,required"`
	// Command is a command suggested to try (optional).
	Command string `yaml:"command"`
	// Hints go from the idea to the shape of the command to the answer.
	Hints []Text `yaml:"hints,required"`
	// Check completes the step when it passes.
	Check check.Check `yaml:"check,required"`
	// Solution is a reference way to complete the step from its start.
	Solution []Action `yaml:"solution,required"`
}

// Action is one line of a setup or a solution: a command line typed at
// the console, or (written as a mapping) powering on with kernel
// arguments, waiting, or pressing Ctrl-Alt-Del. It is check.Action, shared
// with exam scenarios.
type Action = check.Action

var idRE = regexp.MustCompile(`^L[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidateStrict checks the lesson as a whole.
func (l *Lesson) ValidateStrict(n *strict.Node) {
	if !idRE.MatchString(l.ID) {
		n.Value("id").Errorf("the id should be L, two digits, a dash and lower-case words joined by dashes (like L01-processes-daemons), not %q", l.ID)
	}
	if l.Image != "" && !slices.Contains(sim.Images(), l.Image) {
		n.Value("image").Errorf("unknown image %q (images: %s)", l.Image, strings.Join(sim.Images(), ", "))
	}
	if len(l.Steps) == 0 {
		n.Value("steps").Errorf("a lesson needs at least one step")
	}
	validateMarkup(n.Value("intro"), l.Intro)
}

// ValidateStrict checks a step's texts and parts.
func (s *Step) ValidateStrict(n *strict.Node) {
	validateMarkup(n.Value("text"), s.Text)
	if len(s.Hints) == 0 {
		n.Value("hints").Errorf("a step needs at least one hint (from the idea, to the command's shape, to the answer)")
	}
	for i, h := range s.Hints {
		validateMarkup(n.Value("hints").Items()[i], h)
	}
	if len(s.Solution) == 0 {
		n.Value("solution").Errorf("a step needs a reference solution: the lines that complete it")
	}
	if strings.Contains(s.Command, "\n") {
		n.Value("command").Errorf("the suggested command is one line")
	}
}

// ValidateStrict checks the path.
func (f *File) ValidateStrict(n *strict.Node) {
	if !path.IsAbs(f.Path) || path.Clean(f.Path) != f.Path {
		n.Value("path").Errorf("\"path\" should be a clean absolute path, not %q", f.Path)
	}
}

// validateMarkup reports markup mistakes of each language's text at
// that text's place.
func validateMarkup(n *strict.Node, t Text) {
	if n == nil {
		return
	}
	for _, l := range check.Langs {
		s, ok := t[l]
		if !ok {
			continue
		}
		if _, err := ParseMarkup(s); err != nil {
			at := n.Value(string(l))
			if at == nil {
				at = n
			}
			at.Errorf("in the %s text: %v", l, err)
		}
	}
}

//go:embed content
var content embed.FS

// Content is the lessons built into rclab: a file system of YAML files.
func Content() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err)
	}
	return sub
}

// Parse decodes a lesson from YAML; name is used in errors. Errors are
// strict.Errors, each naming the file, line and column.
func Parse(name string, src []byte) (*Lesson, error) {
	var l Lesson
	if err := strict.Decode(name, src, &l); err != nil {
		return nil, err
	}
	if l.Image == "" {
		l.Image = "centos5"
	}
	l.File = name
	return &l, nil
}

// Load reads and decodes the lesson file p of fsys.
func Load(fsys fs.FS, p string) (*Lesson, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	return Parse(p, data)
}

// LoadAll reads every *.yaml and *.yml file at the top of fsys, sorted by
// lesson id. It reports every problem of every file, and lessons that
// share an id.
func LoadAll(fsys fs.FS) ([]*Lesson, error) {
	return strict.LoadDir(fsys, Load, func(l *Lesson) string { return l.ID }, "lesson")
}

// Find returns the lesson whose id is id, or whose id starts with id
// followed by a dash ("L03" finds "L03-init-scripts"); the match ignores
// case.
func Find(ls []*Lesson, id string) *Lesson {
	return strict.FindID(ls, func(l *Lesson) string { return l.ID }, id)
}

// Validate checks lesson files without running them: it parses each
// file of fsys named in paths and returns the problems found, one error
// per problem (nil when all are fine).
func Validate(fsys fs.FS, paths ...string) []error {
	var out []error
	for _, p := range paths {
		_, err := Load(fsys, p)
		out = append(out, strict.Problems(err)...)
	}
	return out
}
