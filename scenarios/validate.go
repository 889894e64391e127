package scenarios

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

var (
	idRE      = regexp.MustCompile(`^E[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$`)
	checkIDRE = regexp.MustCompile(`^[a-z0-9]+([_-][a-z0-9]+)*$`)
)

// ValidateStrict checks the scenario as a whole: its id, image, time
// limit, checks and answers.
func (s *Scenario) ValidateStrict(n *strict.Node) {
	if !idRE.MatchString(s.ID) {
		n.Value("id").Errorf("the id should be E, two digits, a dash and lower-case words joined by dashes (like E01-web-dns-server), not %q", s.ID)
	}
	if s.Image != "" && !slices.Contains(sim.Images(), s.Image) {
		n.Value("image").Errorf("unknown image %q (images: %s)", s.Image, strings.Join(sim.Images(), ", "))
	}
	if s.TimeLimit <= 0 {
		n.Value("time_limit").Errorf("\"time_limit\" should be a positive duration like 20m")
	}
	if len(s.Checks) == 0 {
		n.Value("checks").Errorf("a scenario needs at least one check")
	}
	if len(s.Solution) == 0 {
		n.Value("solution").Errorf("a scenario needs a reference solution")
	}
	ids := map[string]bool{}
	for i, c := range s.Checks {
		if ids[c.ID] {
			n.Value("checks").Items()[i].Value("id").Errorf("the check id %q is used twice", c.ID)
		}
		ids[c.ID] = true
	}
	total := s.Points()
	for i, w := range s.Wrong {
		if w.Score < 0 || w.Score > total {
			n.Value("wrong").Items()[i].Value("score").Errorf("\"score\" should be between 0 and the scenario's %d points, not %d", total, w.Score)
		}
	}
	for i, d := range s.Deny {
		if d == "bash" || d == "sh" {
			n.Value("deny").Items()[i].Errorf("denying the shell itself would leave the candidate nothing to type in")
		}
	}
}

// ValidateStrict checks a check's id and points.
func (c *Check) ValidateStrict(n *strict.Node) {
	if !checkIDRE.MatchString(c.ID) {
		n.Value("id").Errorf("a check's id is short lower-case words joined by - or _ (like httpd-running), not %q", c.ID)
	}
	if c.Points <= 0 {
		n.Value("points").Errorf("\"points\" should be at least 1")
	}
}

// ValidateStrict requires a clean absolute path.
func (f *File) ValidateStrict(n *strict.Node) {
	validPath(n.Value("path"), f.Path)
}

func validPath(n *strict.Node, p string) {
	if !path.IsAbs(p) || path.Clean(p) != p {
		n.Errorf("%s should be a clean absolute path, not %q", quoteKey(n), p)
	}
}

func quoteKey(n *strict.Node) string {
	if n.Name() == "" {
		return "the path"
	}
	return fmt.Sprintf("%q", n.Name())
}

// UnmarshalStrict reads a duration such as 20m or 1h30m.
func (d *Duration) UnmarshalStrict(n *strict.Node) error {
	s, ok := n.Scalar()
	v, err := time.ParseDuration(s)
	switch {
	case !ok:
		n.Errorf("%q should be a duration like 20m or 1h30m, not %s", n.Name(), n.Kind())
		return nil
	case err != nil:
		n.Errorf("%q should be a duration like 20m or 1h30m, not %q", n.Name(), s)
		return nil
	}
	*d = Duration(v)
	return nil
}

// String formats the duration as Go does ("20m0s").
func (d Duration) String() string { return time.Duration(d).String() }

// UnmarshalStrict accepts yes, no, true or false.
func (y *YesNo) UnmarshalStrict(n *strict.Node) error {
	s, _ := n.Scalar()
	switch s {
	case "yes", "true":
		*y = "yes"
	case "no", "false":
		*y = "no"
	default:
		n.Errorf("%q should be yes or no, not %s", n.Name(), n.Kind())
	}
	return nil
}

// faultKinds lists the keys a fault can have.
func faultKinds() []string { return strict.KeysOf(Fault{}) }

// UnmarshalStrict decodes a fault: a mapping with one key naming its
// kind.
func (f *Fault) UnmarshalStrict(n *strict.Node) error {
	keys := n.Keys()
	switch {
	case n.Kind() != "mapping" || len(keys) == 0:
		n.Errorf("a fault is a mapping with one key naming its kind (%s)", strings.Join(faultKinds(), ", "))
		return nil
	case len(keys) > 1:
		n.Key(keys[1]).Errorf("a fault has exactly one kind, but this one has %q and %q: write each as its own item", keys[0], keys[1])
		return nil
	}
	if !n.DecodeFields(f) {
		return nil
	}
	switch {
	case f.NotExecutable != "":
		validPath(n.Value("not_executable"), f.NotExecutable)
	case f.DanglingLink != nil:
		validPath(n.Value("dangling_link").Value("path"), f.DanglingLink.Path)
	case f.StalePID != nil:
		validPath(n.Value("stale_pid").Value("file"), f.StalePID.File)
		if f.StalePID.PID < 2 {
			n.Value("stale_pid").Value("pid").Errorf("\"pid\" should be a process number above 1")
		}
	case f.Replace != nil:
		validPath(n.Value("replace").Value("file"), f.Replace.File)
		if f.Replace.Old == "" {
			n.Value("replace").Value("old").Errorf("\"old\" is empty: say what text to replace")
		}
	case f.Initdefault != "":
		if f.Initdefault == "default" || f.Initdefault == "start" || f.Initdefault == "N" {
			n.Value("initdefault").Errorf("\"initdefault\" should be a runlevel (0 to 6 or S), not %q", f.Initdefault)
		}
	}
	return nil
}

var _ strict.Unmarshaler = (*Fault)(nil)
