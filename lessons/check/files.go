package check

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// File checks one file of the machine. Every key given must hold:
//
//	file: {path: /etc/init.d/reportd, executable: true, contains: '^# chkconfig: 345 80 20'}
//	file: {path: /etc/rc.d/rc3.d/S85httpd, link: ../init.d/httpd}
//	file: {path: /var/lock/subsys/crond, exists: false}
type File struct {
	Path Path `yaml:"path,required"`
	// Exists: true (the default when nothing else is asked) or false.
	Exists *bool `yaml:"exists"`
	// Type: file, dir or link (not following a final link).
	Type string `yaml:"type"`
	// Mode: the permission bits, in octal (following links).
	Mode *Mode `yaml:"mode"`
	// Executable: whether anybody may execute it (following links).
	Executable *bool `yaml:"executable"`
	// Contains: a pattern some line must match.
	Contains *Pattern `yaml:"contains"`
	// Lacks: a pattern no line may match.
	Lacks *Pattern `yaml:"lacks"`
	// Link: the target the symbolic link must hold, as readlink prints it.
	Link string `yaml:"link"`
}

// ValidateStrict checks the type and that exists: false stands alone.
func (f *File) ValidateStrict(n *strict.Node) {
	switch f.Type {
	case "", "file", "dir", "link":
	default:
		n.Value("type").Errorf("\"type\" should be file, dir or link, not %q", f.Type)
	}
	if f.Exists != nil && !*f.Exists && (f.Type != "" || f.Mode != nil || f.Executable != nil || f.Contains != nil || f.Lacks != nil || f.Link != "") {
		n.Key("exists").Errorf("\"exists: false\" cannot be combined with other conditions on the file")
	}
}

func (f *File) eval(m *sim.Machine, e *env) Outcome {
	p := f.Path.abs()
	var exp []Text
	if f.Exists != nil && !*f.Exists {
		exp = append(exp, Tf("%s not to exist", "%s 파일이 없을 것", p))
		if _, err := m.Lstat(p); err == nil {
			return pass(false, join(", ", exp...), Tf("%s exists", "%s 파일이 있음", p))
		}
		return pass(true, join(", ", exp...), Tf("%s does not exist", "%s 파일이 없음", p))
	}
	exp = append(exp, Tf("%s to exist", "%s 파일이 있을 것", p))
	lfi, err := m.Lstat(p)
	if err != nil {
		f.expectations(&exp)
		return pass(false, join(", ", exp...), Tf("%s does not exist", "%s 파일이 없음", p))
	}
	f.expectations(&exp)
	var found []Text
	ok := true
	if f.Type != "" {
		t := fileType(lfi)
		tn := typeName(t)
		found = append(found, Text{En: "it is " + tn[En], Ko: "종류: " + tn[Ko]})
		ok = ok && t == f.Type
	}
	if f.Link != "" {
		target, err := m.Readlink(p)
		if err != nil {
			found = append(found, T("it is not a symbolic link", "심볼릭 링크가 아님"))
			ok = false
		} else {
			found = append(found, Tf("it points to %s", "가리키는 대상: %s", target))
			ok = ok && target == f.Link
		}
	}
	if f.Mode != nil || f.Executable != nil || f.Contains != nil || f.Lacks != nil {
		fi, err := m.Stat(p)
		if err != nil {
			return pass(false, join(", ", exp...), Tf("%s is a dangling link (its target does not exist)", "%s은(는) 대상이 없는 깨진 링크임", p))
		}
		perm := unixPerm(fi.Mode())
		if f.Mode != nil {
			found = append(found, Tf("mode %04o", "권한 %04o", perm))
			ok = ok && perm == f.Mode.Perm
		}
		if f.Executable != nil {
			x := fi.Mode().Perm()&0o111 != 0
			if f.Mode == nil {
				found = append(found, Tf("mode %04o", "권한 %04o", perm))
			}
			ok = ok && x == *f.Executable
		}
		if f.Contains != nil || f.Lacks != nil {
			data, err := m.ReadFile(p)
			if err != nil {
				return pass(false, join(", ", exp...), Tf("%s cannot be read", "%s 파일을 읽을 수 없음", p))
			}
			if f.Contains != nil {
				if f.Contains.MatchString(string(data)) {
					found = append(found, Tf("a line matches %s", "%s에 맞는 줄이 있음", f.Contains))
				} else {
					found = append(found, Tf("no line matches %s", "%s에 맞는 줄이 없음", f.Contains))
					ok = false
				}
			}
			if f.Lacks != nil {
				if line := firstMatch(f.Lacks, string(data)); line != "" {
					found = append(found, Tf("the line %q", "%q 줄이 있음", line))
					ok = false
				} else {
					found = append(found, Tf("no line matches %s", "%s에 맞는 줄이 없음", f.Lacks))
				}
			}
		}
	}
	if len(found) == 0 {
		found = append(found, Tf("%s exists", "%s 파일이 있음", p))
	}
	return pass(ok, join(", ", exp...), join(", ", found...))
}

func (f *File) expectations(exp *[]Text) {
	if f.Type != "" {
		tn := typeName(f.Type)
		*exp = append(*exp, Text{En: "be " + tn[En], Ko: "종류가 " + tn[Ko] + "일 것"})
	}
	if f.Link != "" {
		*exp = append(*exp, Tf("point to %s", "%s을(를) 가리킬 것", f.Link))
	}
	if f.Mode != nil {
		*exp = append(*exp, Tf("have mode %s", "권한이 %s일 것", f.Mode.Src))
	}
	if f.Executable != nil {
		if *f.Executable {
			*exp = append(*exp, T("be executable", "실행 권한이 있을 것"))
		} else {
			*exp = append(*exp, T("not be executable", "실행 권한이 없을 것"))
		}
	}
	if f.Contains != nil {
		*exp = append(*exp, Tf("have a line matching %s", "%s에 맞는 줄이 있을 것", f.Contains))
	}
	if f.Lacks != nil {
		*exp = append(*exp, Tf("have no line matching %s", "%s에 맞는 줄이 없을 것", f.Lacks))
	}
}

// unixPerm is the mode's permission bits as chmod numbers them.
func unixPerm(mode fs.FileMode) uint32 {
	perm := uint32(mode.Perm())
	if mode&fs.ModeSetuid != 0 {
		perm |= 0o4000
	}
	if mode&fs.ModeSetgid != 0 {
		perm |= 0o2000
	}
	if mode&fs.ModeSticky != 0 {
		perm |= 0o1000
	}
	return perm
}

func fileType(fi fs.FileInfo) string {
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return "link"
	case fi.IsDir():
		return "dir"
	case fi.Mode().IsRegular():
		return "file"
	}
	return "special"
}

func typeName(t string) Text {
	switch t {
	case "link":
		return T("a symbolic link", "심볼릭 링크")
	case "dir":
		return T("a directory", "디렉터리")
	case "file":
		return T("a regular file", "일반 파일")
	}
	return T("a special file", "특수 파일")
}

func firstMatch(p *Pattern, data string) string {
	for _, l := range strings.Split(data, "\n") {
		if p.MatchString(l) {
			return l
		}
	}
	return ""
}

// FileUnchanged checks that a file has the same lines as at the start of
// the lesson (or step), apart from lines matching ignore.
//
//	file_unchanged: {path: /etc/inittab, ignore: '^id:'}
type FileUnchanged struct {
	Path   Path     `yaml:"path,required"`
	Ignore *Pattern `yaml:"ignore"`
	Since  Since    `yaml:"since"`
}

func (f *FileUnchanged) eval(m *sim.Machine, e *env) Outcome {
	p := f.Path.abs()
	since := e.ctx.sinceText(f.Since.String())
	exp := Tf("%s unchanged %s", "%s 파일이 %s 바뀌지 않았을 것", p, since[En])
	exp[Ko] = fmt.Sprintf("%s 파일이 %s 바뀌지 않았을 것", p, since[Ko])
	if f.Ignore != nil {
		exp = join(" ", exp, Tf("(apart from lines matching %s)", "(%s에 맞는 줄 제외)", f.Ignore))
	}
	base, why := e.ctx.baseline(f.Since.String())
	if base == nil {
		return pass(false, exp, why)
	}
	old, errOld := base.ReadFile(p)
	cur, errCur := m.ReadFile(p)
	switch {
	case errOld != nil && errCur != nil:
		return pass(true, exp, T("the file did not exist and still does not", "파일이 처음부터 없고 지금도 없음"))
	case errCur != nil:
		return pass(false, exp, Tf("%s is gone", "%s 파일이 사라짐", p))
	case errOld != nil:
		return pass(false, exp, Tf("%s did not exist before", "%s 파일은 원래 없었음", p))
	}
	a, b := keptLines(string(old), f.Ignore), keptLines(string(cur), f.Ignore)
	for i := 0; i < max(len(a), len(b)); i++ {
		switch {
		case i >= len(a):
			return pass(false, exp, Tf("a line was added: %q", "추가된 줄: %q", b[i]))
		case i >= len(b):
			return pass(false, exp, Tf("a line was removed: %q", "삭제된 줄: %q", a[i]))
		case a[i] != b[i]:
			return pass(false, exp, Tf("%q became %q", "%q 줄이 %q(으)로 바뀜", a[i], b[i]))
		}
	}
	return pass(true, exp, T("no other line changed", "다른 줄은 바뀌지 않음"))
}

func keptLines(s string, ignore *Pattern) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if ignore != nil && ignore.MatchString(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// Answer checks a line of a file the learner writes (knowledge questions
// and values read off the machine), compared with a value: literal text,
// or one computed from the machine when the check runs.
//
//	answer: {file: ~/answers/l02.txt, line: 2, equals: {master_pid: xinetd}}
//	answer: {file: ~/answers/l13.txt, line: 1, equals: {rss_total: httpd}, tolerance: 5%}
type Answer struct {
	File   Path  `yaml:"file,required"`
	Line   int   `yaml:"line"` // from 1; 1 when left out
	Equals Value `yaml:"equals,required"`
	// Tolerance accepts numbers within a percentage of the value: "5%".
	Tolerance string `yaml:"tolerance"`
	// IgnoreCase compares text without regard to case.
	IgnoreCase bool `yaml:"ignore_case"`
	tol        float64
}

// ValidateStrict checks the line number and the tolerance.
func (a *Answer) ValidateStrict(n *strict.Node) {
	if a.Line < 0 {
		n.Value("line").Errorf("\"line\" counts from 1")
	}
	if a.Tolerance != "" {
		s, ok := strings.CutSuffix(a.Tolerance, "%")
		v, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || v < 0 || v > 100 {
			n.Value("tolerance").Errorf("\"tolerance\" should be a percentage like \"5%%\", not %q", a.Tolerance)
			return
		}
		a.tol = v / 100
	}
}

func (a *Answer) eval(m *sim.Machine, e *env) Outcome {
	line := max(a.Line, 1)
	p := a.File.abs()
	want, desc, ok := a.Equals.compute(m, e)
	tol := ""
	if a.tol > 0 {
		tol = fmt.Sprintf(" ±%s", a.Tolerance)
	}
	exp := Tf("line %d of %s to be %s%s (%s)", "%[2]s의 %[1]d번째 줄이 %[3]s%[4]s일 것 (%[5]s)", line, p, quoteOr(want, ok), tol, desc[En])
	exp[Ko] = fmt.Sprintf("%s의 %d번째 줄이 %s%s일 것 (%s)", p, line, quoteOr(want, ok), tol, desc[Ko])
	if !ok {
		return pass(false, exp, join(": ", T("the value cannot be computed now", "지금은 값을 구할 수 없음"), desc))
	}
	data, err := m.ReadFile(p)
	if err != nil {
		return pass(false, exp, Tf("%s does not exist", "%s 파일이 없음", p))
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(data) == 0 {
		lines = nil
	}
	if line > len(lines) {
		return pass(false, exp, Tf("the file has %d line(s)", "파일에 %d줄만 있음", len(lines)))
	}
	got := strings.TrimSpace(strings.TrimRight(lines[line-1], "\r"))
	found := Tf("line %d is %q", "%d번째 줄: %q", line, got)
	return pass(a.matches(got, want), exp, found)
}

func quoteOr(s string, ok bool) string {
	if !ok {
		return "?"
	}
	return strconv.Quote(s)
}

func (a *Answer) matches(got, want string) bool {
	got = strings.Join(strings.Fields(got), " ")
	want = strings.Join(strings.Fields(want), " ")
	if a.IgnoreCase {
		got, want = strings.ToLower(got), strings.ToLower(want)
	}
	if got == want {
		return true
	}
	if a.tol > 0 {
		g, err1 := strconv.ParseFloat(got, 64)
		w, err2 := strconv.ParseFloat(want, 64)
		if err1 == nil && err2 == nil {
			return math.Abs(g-w) <= math.Abs(w)*a.tol
		}
	}
	return false
}

// Password checks a user's password in /etc/shadow.
//
//	password: {user: root, is: "Rclab#2024"}
type Password struct {
	User Name   `yaml:"user"` // root when left out
	Is   string `yaml:"is,required"`
}

func (p *Password) eval(m *sim.Machine, e *env) Outcome {
	user := string(p.User)
	if user == "" {
		user = "root"
	}
	exp := Tf("the password of %s to be %q", "%s의 비밀번호가 %q일 것", user, p.Is)
	if m.PasswordMatches(user, p.Is) {
		return pass(true, exp, T("it is", "일치함"))
	}
	return pass(false, exp, T("/etc/shadow holds another password", "/etc/shadow에 다른 비밀번호가 있음"))
}
