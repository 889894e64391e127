package cmds

// find as in GNU findutils 4.2.27 (CentOS 5).

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
)

func init() {
	Register(Command{
		Name:    "find",
		Dirs:    []string{"/usr/bin"},
		Summary: "search for files in a directory hierarchy",
		Usage:   "find [-H] [-L] [-P] [path...] [expression]",
		Main:    findMain,
	})
}

const findUsageLine = "Usage: find [-H] [-L] [-P] [path...] [expression]\n"

const findHelp = findUsageLine + `
default path is the current directory; default expression is -print
expression may consist of: operators, options, tests, and actions:

operators (decreasing precedence; -and is implicit where no others are given):
      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2
      EXPR1 -o EXPR2   EXPR1 -or EXPR2   EXPR1 , EXPR2

positional options (always true): -daystart -follow -regextype

normal options (always true, specified before other expressions):
      -depth --help -maxdepth LEVELS -mindepth LEVELS -mount -noleaf
      --version -xdev -ignore_readdir_race -noignore_readdir_race

tests (N can be +N or -N or N): -amin N -anewer FILE -atime N -cmin N
      -cnewer FILE -ctime N -empty -false -fstype TYPE -gid N -group NAME
      -ilname PATTERN -iname PATTERN -inum N -iwholename PATTERN -iregex PATTERN
      -links N -lname PATTERN -mmin N -mtime N -name PATTERN -newer FILE
      -nouser -nogroup -path PATTERN -perm [+-]MODE -regex PATTERN
      -wholename PATTERN -size N[bcwkMG] -true -type [bcdpflsD] -uid N
      -used N -user NAME -xtype [bcdpfls]

actions: -delete -print0 -printf FORMAT -fprintf FILE FORMAT -print 
      -fprint0 FILE -fprint FILE -ls -fls FILE -prune -quit
      -exec COMMAND ; -exec COMMAND {} + -ok COMMAND ;
      -execdir COMMAND ; -execdir COMMAND {} + -okdir COMMAND ;

Report (and track progress on fixing) bugs via the findutils bug-reporting
page at http://savannah.gnu.org/ or, if you have no web access, by sending
email to <bug-findutils@gnu.org>.
`

// findError is a fatal command-line error: its message, and whether the
// usage line follows.
type findError struct {
	msg   string
	usage bool
}

func (e *findError) Error() string { return e.msg }

// errFindHelp ends the parse after -help printed the help text.
var errFindHelp = errors.New("help")

func findErrorf(format string, args ...any) error {
	return &findError{msg: fmt.Sprintf(format, args...)}
}

// Expression node kinds.
const (
	findPred = iota
	findAnd
	findOr
	findNot
	findComma
)

type findNode struct {
	kind int
	l, r *findNode
	eval func(e *findEntry) bool
}

// findEntry is one file met during the walk.
type findEntry struct {
	path  string // as printed
	abs   string
	fi    fs.FileInfo
	depth int
	start string // the starting point it was found under
}

type finder struct {
	p        *Proc
	w        *bufio.Writer
	in       *bufio.Reader
	now      time.Time
	status   int
	follow   int // 0 -P, 1 -H, 2 -L
	maxDepth int
	minDepth int
	depthFst bool
	xdev     bool
	prune    bool
	quit     bool
	hasAct   bool
	batches  []*findBatch
	users    Accounts
	groups   Accounts
	loaded   bool
	// parsing
	args      []string
	pos       int
	firstTest string // first non-option predicate, for the warning
}

// findBatch is one -exec ... {} + whose file names pile up.
type findBatch struct {
	argv  []string // command up to (without) the {}
	files []string
}

func findMain(p *Proc) int {
	f := &finder{p: p, maxDepth: -1, now: p.Sys.Clock.Now()}
	args := p.Args[1:]
	if len(args) > 0 {
		switch args[0] {
		case "--help":
			p.Printf("%s", findHelp)
			return 0
		case "--version":
			p.Printf("GNU find version 4.2.27\nFeatures enabled: D_TYPE O_NOFOLLOW(enabled) LEAF_OPTIMISATION SELINUX \n")
			return 0
		}
	}
	// Leading -H, -L, -P.
	for len(args) > 0 {
		a := args[0]
		if a == "--" {
			args = args[1:]
			break
		}
		if len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "HLP") != "" {
			break
		}
		for _, c := range a[1:] {
			f.follow = strings.IndexRune("PHL", c)
		}
		args = args[1:]
	}
	i := 0
	for i < len(args) && (args[i] == "" || strings.IndexByte("-!(),", args[i][0]) < 0) {
		i++
	}
	paths := args[:i]
	f.args = args[i:]
	expr, err := f.parse()
	if err == errFindHelp {
		return 0
	}
	if err != nil {
		p.Errorf("%s", err.Error())
		var fe *findError
		if errors.As(err, &fe) && fe.usage {
			fmt.Fprint(p.Stderr, findUsageLine)
		}
		return 1
	}
	if !f.hasAct {
		printNode := &findNode{kind: findPred, eval: func(e *findEntry) bool {
			f.w.WriteString(e.path)
			f.w.WriteByte('\n')
			return true
		}}
		if expr == nil {
			expr = printNode
		} else {
			expr = &findNode{kind: findAnd, l: expr, r: printNode}
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	f.w = bufio.NewWriter(p.Stdout)
	for _, start := range paths {
		if f.quit || p.Canceled() {
			break
		}
		f.walkStart(start, expr)
	}
	f.flushBatches()
	f.w.Flush()
	return f.status
}

func (f *finder) errorf(format string, args ...any) {
	if f.w != nil {
		f.w.Flush()
	}
	f.p.Errorf(format, args...)
	f.status = 1
}

// ---- walking ----

func (f *finder) statEntry(abs string, top bool) (fs.FileInfo, error) {
	fsys := f.p.userFS()
	if f.follow == 2 || (top && f.follow == 1) {
		fi, err := fsys.Stat(abs)
		if err == nil {
			return fi, nil
		}
		if lfi, lerr := fsys.Lstat(abs); lerr == nil {
			return lfi, nil
		}
		return nil, err
	}
	return fsys.Lstat(abs)
}

func (f *finder) walkStart(start string, expr *findNode) {
	abs := f.p.Abs(start) + lsTrailingSlash(start)
	fi, err := f.statEntry(abs, true)
	if err != nil {
		f.errorf("%s: %s", start, Strerror(err))
		return
	}
	dev := diskMountFor(path.Clean(abs)).devno
	f.walk(&findEntry{path: start, abs: abs, fi: fi, start: start}, expr, dev, nil)
}

func (f *finder) walk(e *findEntry, expr *findNode, dev uint64, ancestors []uint64) {
	if f.quit || f.p.Canceled() {
		return
	}
	f.prune = false
	if !f.depthFst && e.depth >= f.minDepth {
		f.evalNode(expr, e)
	}
	pruned := f.prune && !f.depthFst
	if e.fi.IsDir() && !pruned && !f.quit && (f.maxDepth < 0 || e.depth < f.maxDepth) {
		f.descend(e, expr, dev, ancestors)
	}
	if f.depthFst && e.depth >= f.minDepth && !f.quit {
		f.evalNode(expr, e)
	}
}

func (f *finder) descend(e *findEntry, expr *findNode, dev uint64, ancestors []uint64) {
	st := lsfamStat(e.fi)
	if st != nil && f.follow > 0 {
		for i, a := range ancestors {
			if a == st.Ino {
				loopTo := e.start
				if i > 0 {
					loopTo = "an ancestor of " + e.path
				}
				f.errorf("File system loop detected; `%s' is part of the same file system loop as `%s'.", e.path, loopTo)
				return
			}
		}
		ancestors = append(ancestors, st.Ino)
	}
	fsys := f.p.userFS()
	dh, err := fsys.Open(e.abs)
	var names []string
	if err == nil {
		names, err = dh.Readdirnames(-1)
		dh.Close()
	}
	if err != nil {
		f.errorf("%s: %s", e.path, Strerror(err))
		return
	}
	prefix := e.path + "/"
	if strings.HasSuffix(e.path, "/") {
		prefix = e.path
	}
	absPrefix := strings.TrimSuffix(e.abs, "/") + "/"
	for _, name := range names {
		if f.quit || f.p.Canceled() {
			return
		}
		cabs := absPrefix + name
		fi, err := f.statEntry(cabs, false)
		if err != nil {
			f.errorf("%s: %s", prefix+name, Strerror(err))
			continue
		}
		if f.xdev && fi.IsDir() && diskMountFor(cabs).devno != dev {
			// The mount point itself is listed, not its contents.
			c := &findEntry{path: prefix + name, abs: cabs, fi: fi, depth: e.depth + 1, start: e.start}
			saved := f.maxDepth
			f.maxDepth = c.depth
			f.walk(c, expr, dev, ancestors)
			f.maxDepth = saved
			continue
		}
		f.walk(&findEntry{path: prefix + name, abs: cabs, fi: fi, depth: e.depth + 1, start: e.start}, expr, dev, ancestors)
	}
}

func (f *finder) evalNode(n *findNode, e *findEntry) bool {
	switch n.kind {
	case findAnd:
		return f.evalNode(n.l, e) && f.evalNode(n.r, e)
	case findOr:
		return f.evalNode(n.l, e) || f.evalNode(n.r, e)
	case findNot:
		return !f.evalNode(n.l, e)
	case findComma:
		f.evalNode(n.l, e)
		return f.evalNode(n.r, e)
	}
	return n.eval(e)
}

// ---- parsing ----

func (f *finder) peek() (string, bool) {
	if f.pos < len(f.args) {
		return f.args[f.pos], true
	}
	return "", false
}

func (f *finder) parse() (*findNode, error) {
	if len(f.args) == 0 {
		return nil, nil
	}
	n, err := f.parseComma()
	if err != nil {
		return nil, err
	}
	if tok, ok := f.peek(); ok {
		if tok == ")" {
			return nil, findErrorf("invalid expression; you have too many ')'")
		}
		return nil, findErrorf("invalid expression")
	}
	return n, nil
}

func (f *finder) parseComma() (*findNode, error) {
	l, err := f.parseOr()
	if err != nil {
		return nil, err
	}
	for {
		tok, ok := f.peek()
		if !ok || tok != "," {
			return l, nil
		}
		f.pos++
		r, err := f.parseOr()
		if err != nil {
			return nil, err
		}
		l = &findNode{kind: findComma, l: l, r: r}
	}
}

func (f *finder) parseOr() (*findNode, error) {
	l, err := f.parseAnd()
	if err != nil {
		return nil, err
	}
	for {
		tok, ok := f.peek()
		if !ok || (tok != "-o" && tok != "-or") {
			return l, nil
		}
		f.pos++
		r, err := f.parseAnd()
		if err != nil {
			return nil, err
		}
		l = &findNode{kind: findOr, l: l, r: r}
	}
}

func (f *finder) parseAnd() (*findNode, error) {
	l, err := f.parseNot()
	if err != nil {
		return nil, err
	}
	for {
		tok, ok := f.peek()
		if !ok || tok == ")" || tok == "-o" || tok == "-or" || tok == "," {
			return l, nil
		}
		if tok == "-a" || tok == "-and" {
			f.pos++
		}
		r, err := f.parseNot()
		if err != nil {
			return nil, err
		}
		l = &findNode{kind: findAnd, l: l, r: r}
	}
}

func (f *finder) parseNot() (*findNode, error) {
	tok, ok := f.peek()
	if ok && (tok == "!" || tok == "-not") {
		f.pos++
		if _, ok := f.peek(); !ok {
			return nil, findErrorf("invalid expression; you have used a binary operator '%s' with nothing after it.", tok)
		}
		n, err := f.parseNot()
		if err != nil {
			return nil, err
		}
		return &findNode{kind: findNot, l: n}, nil
	}
	return f.parsePrimary()
}

func (f *finder) parsePrimary() (*findNode, error) {
	tok, ok := f.peek()
	if !ok {
		return nil, findErrorf("invalid expression")
	}
	switch tok {
	case "(":
		f.pos++
		if t, ok := f.peek(); ok && t == ")" {
			return nil, findErrorf("invalid expression; empty parentheses are not allowed.")
		}
		n, err := f.parseComma()
		if err != nil {
			return nil, err
		}
		if t, ok := f.peek(); !ok || t != ")" {
			return nil, findErrorf("invalid expression; I was expecting to find a ')' somewhere but did not see one.")
		}
		f.pos++
		return n, nil
	case ")":
		return nil, findErrorf("invalid expression; you have too many ')'")
	case "-o", "-or", "-a", "-and", ",":
		return nil, findErrorf("invalid expression; you have used a binary operator '%s' with nothing before it.", tok)
	}
	f.pos++
	if !strings.HasPrefix(tok, "-") || tok == "-" {
		return nil, &findError{msg: "paths must precede expression", usage: true}
	}
	return f.predicate(tok)
}

// arg takes the argument of predicate pred.
func (f *finder) arg(pred string) (string, error) {
	if f.pos >= len(f.args) {
		return "", findErrorf("missing argument to `%s'", pred)
	}
	f.pos++
	return f.args[f.pos-1], nil
}

func findTrue(*findEntry) bool { return true }

// option handles a global option, warning when it follows a test.
func (f *finder) option(pred string) {
	if f.firstTest != "" {
		f.p.Errorf("warning: you have specified the %s option after a non-option argument %s, "+
			"but options are not positional (%s affects tests specified before it as well as "+
			"those specified after it).  Please specify options before other arguments.\n", pred, f.firstTest, pred)
	}
}

func (f *finder) node(fn func(e *findEntry) bool) *findNode {
	return &findNode{kind: findPred, eval: fn}
}

func (f *finder) predicate(pred string) (*findNode, error) {
	switch pred {
	case "-maxdepth", "-mindepth", "-depth", "-d", "-xdev", "-mount", "-noleaf",
		"-ignore_readdir_race", "-noignore_readdir_race", "-warn", "-nowarn", "-follow", "-daystart":
	default:
		if f.firstTest == "" {
			f.firstTest = pred
		}
	}
	switch pred {
	case "-maxdepth", "-mindepth":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(a)
		if err != nil || n < 0 || strings.HasPrefix(a, "+") {
			return nil, findErrorf("invalid argument `%s' to `%s'", a, pred)
		}
		f.option(pred)
		if pred == "-maxdepth" {
			f.maxDepth = n
		} else {
			f.minDepth = n
		}
		return f.node(findTrue), nil
	case "-depth", "-d":
		f.option(pred)
		f.depthFst = true
		return f.node(findTrue), nil
	case "-xdev", "-mount":
		f.option(pred)
		f.xdev = true
		return f.node(findTrue), nil
	case "-noleaf", "-ignore_readdir_race", "-noignore_readdir_race", "-warn", "-nowarn", "-daystart":
		f.option(pred)
		return f.node(findTrue), nil
	case "-follow":
		f.follow = 2
		return f.node(findTrue), nil
	case "-help", "--help":
		f.p.Printf("%s", findHelp)
		return nil, errFindHelp
	case "-true":
		return f.node(findTrue), nil
	case "-false":
		return f.node(func(*findEntry) bool { return false }), nil
	case "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-lname", "-ilname":
		pat, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		fold := strings.HasPrefix(pred, "-i")
		switch pred {
		case "-name", "-iname":
			return f.node(func(e *findEntry) bool { return findFnmatch(pat, findBase(e.path), fold) }), nil
		case "-lname", "-ilname":
			return f.node(func(e *findEntry) bool {
				if e.fi.Mode()&fs.ModeSymlink == 0 {
					return false
				}
				t, err := f.p.userFS().Readlink(e.abs)
				return err == nil && findFnmatch(pat, t, fold)
			}), nil
		}
		return f.node(func(e *findEntry) bool { return findFnmatch(pat, e.path, fold) }), nil
	case "-regex", "-iregex":
		pat, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		re, err := findRegexp(pat, pred == "-iregex")
		if err != nil {
			return nil, findErrorf("Invalid regular expression")
		}
		return f.node(func(e *findEntry) bool { return re.MatchString(e.path) }), nil
	case "-type", "-xtype":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		if len(a) != 1 || strings.IndexByte("bcdpflsD", a[0]) < 0 {
			if a == "" {
				return nil, findErrorf("Arguments to -type should contain only one letter")
			}
			return nil, findErrorf("Unknown argument to %s: %c", pred, a[0])
		}
		want := a[0]
		return f.node(func(e *findEntry) bool {
			m := e.fi.Mode()
			if pred == "-xtype" {
				if m&fs.ModeSymlink != 0 && f.follow != 2 {
					if ti, err := f.p.userFS().Stat(e.abs); err == nil {
						m = ti.Mode()
					}
				} else if f.follow == 2 {
					if li, err := f.p.userFS().Lstat(e.abs); err == nil {
						m = li.Mode()
					}
				}
			}
			return findTypeChar(m) == want
		}), nil
	case "-perm":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		kind := byte(0)
		spec := a
		if spec != "" && (spec[0] == '-' || spec[0] == '+' || spec[0] == '/') {
			kind, spec = spec[0], spec[1:]
		}
		want, ok := findParseMode(spec)
		if !ok {
			return nil, findErrorf("invalid mode `%s'", a)
		}
		return f.node(func(e *findEntry) bool {
			have := lsfamPermBits(e.fi.Mode())
			switch kind {
			case '-':
				return have&want == want
			case '+', '/':
				if want == 0 {
					return true
				}
				return have&want != 0
			}
			return have == want
		}), nil
	case "-user", "-group":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		f.loadAccounts()
		accts := f.users
		if pred == "-group" {
			accts = f.groups
		}
		id := -1
		for _, ac := range accts {
			if ac.Name == a {
				id = ac.ID
				break
			}
		}
		if id < 0 {
			n, err := strconv.Atoi(a)
			if err != nil || n < 0 {
				if pred == "-user" {
					return nil, findErrorf("`%s' is not the name of a known user", a)
				}
				return nil, findErrorf("`%s' is not the name of an existing group", a)
			}
			id = n
		}
		group := pred == "-group"
		return f.node(func(e *findEntry) bool { return findOwner(e, group) == id }), nil
	case "-uid", "-gid", "-links", "-inum":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		cmp, n, ok := findNumArg(a)
		if !ok {
			return nil, findErrorf("invalid argument `%s' to `%s'", a, pred)
		}
		return f.node(func(e *findEntry) bool {
			st := lsfamStat(e.fi)
			var v int64
			if st != nil {
				switch pred {
				case "-uid":
					v = int64(st.Uid)
				case "-gid":
					v = int64(st.Gid)
				case "-links":
					v = int64(st.Nlink)
				case "-inum":
					v = int64(st.Ino)
				}
			}
			return findCompare(cmp, v, n)
		}), nil
	case "-nouser", "-nogroup":
		f.loadAccounts()
		group := pred == "-nogroup"
		return f.node(func(e *findEntry) bool {
			accts := f.users
			if group {
				accts = f.groups
			}
			id := findOwner(e, group)
			for _, a := range accts {
				if a.ID == id {
					return false
				}
			}
			return true
		}), nil
	case "-newer", "-anewer", "-cnewer":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		ref, err := f.p.userFS().Stat(f.p.Abs(a))
		if err != nil {
			return nil, findErrorf("%s: %s", a, Strerror(err))
		}
		refTime := ref.ModTime()
		return f.node(func(e *findEntry) bool {
			t := e.fi.ModTime()
			if st := lsfamStat(e.fi); st != nil {
				switch pred {
				case "-anewer":
					t = st.Atime
				case "-cnewer":
					t = st.Ctime
				}
			}
			return t.After(refTime)
		}), nil
	case "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		cmp, n, ok := findNumArg(a)
		if !ok {
			return nil, findErrorf("invalid argument `%s' to `%s'", a, pred)
		}
		unit := 86400 * time.Second
		if strings.HasSuffix(pred, "min") {
			unit = time.Minute
		}
		which := pred[1]
		return f.node(func(e *findEntry) bool {
			t := e.fi.ModTime()
			if st := lsfamStat(e.fi); st != nil {
				switch which {
				case 'a':
					t = st.Atime
				case 'c':
					t = st.Ctime
				}
			}
			d := f.now.Sub(t)
			units := int64(d / unit)
			if d < 0 && d%unit != 0 {
				units--
			}
			return findCompare(cmp, units, n)
		}), nil
	case "-size":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		spec := a
		unit := int64(512)
		if spec != "" {
			switch spec[len(spec)-1] {
			case 'b':
				unit, spec = 512, spec[:len(spec)-1]
			case 'c':
				unit, spec = 1, spec[:len(spec)-1]
			case 'w':
				unit, spec = 2, spec[:len(spec)-1]
			case 'k':
				unit, spec = 1024, spec[:len(spec)-1]
			case 'M':
				unit, spec = 1024*1024, spec[:len(spec)-1]
			case 'G':
				unit, spec = 1024*1024*1024, spec[:len(spec)-1]
			}
		}
		cmp, n, ok := findNumArg(spec)
		if !ok {
			return nil, findErrorf("invalid -size type `%s'", a)
		}
		return f.node(func(e *findEntry) bool {
			sz := e.fi.Size()
			units := (sz + unit - 1) / unit
			return findCompare(cmp, units, n)
		}), nil
	case "-empty":
		return f.node(func(e *findEntry) bool {
			switch {
			case e.fi.IsDir():
				d, err := f.p.userFS().Open(e.abs)
				if err != nil {
					return false
				}
				names, _ := d.Readdirnames(1)
				d.Close()
				return len(names) == 0
			case e.fi.Mode().IsRegular():
				return e.fi.Size() == 0
			}
			return false
		}), nil
	case "-fstype":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		return f.node(func(e *findEntry) bool { return diskMountFor(path.Clean(e.abs)).fstype == a }), nil
	case "-prune":
		return f.node(func(*findEntry) bool {
			f.prune = true
			return true
		}), nil
	case "-quit":
		f.hasAct = true
		return f.node(func(*findEntry) bool {
			f.quit = true
			return true
		}), nil
	case "-print":
		f.hasAct = true
		return f.node(func(e *findEntry) bool {
			f.w.WriteString(e.path)
			f.w.WriteByte('\n')
			return true
		}), nil
	case "-print0":
		f.hasAct = true
		return f.node(func(e *findEntry) bool {
			f.w.WriteString(e.path)
			f.w.WriteByte(0)
			return true
		}), nil
	case "-ls":
		f.hasAct = true
		f.loadAccounts()
		return f.node(func(e *findEntry) bool {
			f.list(e)
			return true
		}), nil
	case "-printf":
		a, err := f.arg(pred)
		if err != nil {
			return nil, err
		}
		f.hasAct = true
		return f.node(func(e *findEntry) bool {
			f.printf(a, e)
			return true
		}), nil
	case "-delete":
		f.hasAct = true
		f.depthFst = true
		return f.node(func(e *findEntry) bool {
			if e.path == "." || strings.HasSuffix(e.path, "/.") {
				return true
			}
			if err := f.p.userFS().Remove(e.abs); err != nil {
				f.errorf("cannot delete `%s': %s", e.path, Strerror(err))
				return false
			}
			return true
		}), nil
	case "-exec", "-ok", "-execdir", "-okdir":
		return f.parseExec(pred)
	}
	return nil, findErrorf("invalid predicate `%s'", pred)
}

func (f *finder) loadAccounts() {
	if !f.loaded {
		f.users, f.groups = ReadPasswd(f.p.Sys), ReadGroup(f.p.Sys)
		f.loaded = true
	}
}

func findOwner(e *findEntry, group bool) int {
	st := lsfamStat(e.fi)
	if st == nil {
		return 0
	}
	if group {
		return st.Gid
	}
	return st.Uid
}

// parseExec parses -exec/-ok COMMAND... ; or -exec COMMAND... {} +.
func (f *finder) parseExec(pred string) (*findNode, error) {
	f.hasAct = true
	start := f.pos
	end := -1
	plus := false
	for i := start; i < len(f.args); i++ {
		if f.args[i] == ";" {
			end = i
			break
		}
		if f.args[i] == "+" && i > start && f.args[i-1] == "{}" && !strings.HasPrefix(pred, "-ok") {
			end, plus = i, true
			break
		}
	}
	if end < 0 || end == start {
		return nil, findErrorf("missing argument to `%s'", pred)
	}
	argv := append([]string(nil), f.args[start:end]...)
	f.pos = end + 1
	inDir := strings.HasSuffix(pred, "dir")
	if plus {
		b := &findBatch{argv: argv[:len(argv)-1]}
		f.batches = append(f.batches, b)
		return f.node(func(e *findEntry) bool {
			name := e.path
			if inDir {
				name = "./" + findBase(e.path)
			}
			b.files = append(b.files, name)
			if len(b.files) >= 4096 {
				f.runBatch(b)
			}
			return true
		}), nil
	}
	ask := strings.HasPrefix(pred, "-ok")
	return f.node(func(e *findEntry) bool {
		name := e.path
		if inDir {
			name = "./" + findBase(e.path)
		}
		cmd := make([]string, len(argv))
		for i, a := range argv {
			cmd[i] = strings.ReplaceAll(a, "{}", name)
		}
		f.w.Flush()
		if ask {
			fmt.Fprintf(f.p.Stderr, "< %s ... %s > ? ", cmd[0], name)
			if f.in == nil {
				f.in = bufio.NewReader(f.p.Stdin)
			}
			line, _ := f.in.ReadString('\n')
			if line == "" || (line[0] != 'y' && line[0] != 'Y') {
				return false
			}
		}
		return f.p.Run(cmd, nil, nil, nil) == 0
	}), nil
}

func (f *finder) runBatch(b *findBatch) {
	if len(b.files) == 0 {
		return
	}
	f.w.Flush()
	cmd := append(append([]string(nil), b.argv...), b.files...)
	b.files = b.files[:0]
	if f.p.Run(cmd, nil, nil, nil) != 0 {
		f.status = 1
	}
}

func (f *finder) flushBatches() {
	for _, b := range f.batches {
		f.runBatch(b)
	}
}

// list prints one -ls line.
func (f *finder) list(e *findEntry) {
	st := lsfamStat(e.fi)
	var ino uint64
	nlink, uid, gid := 1, 0, 0
	if st != nil {
		ino, nlink, uid, gid = st.Ino, st.Nlink, st.Uid, st.Gid
	}
	mode := e.fi.Mode()
	fmt.Fprintf(f.w, "%6d %4d %s %3d %-8s %-8s ", ino, lsfamBlocks(e.fi), lsfamModeString(mode), nlink,
		f.users.Name(uid), f.groups.Name(gid))
	if mode&fs.ModeDevice != 0 {
		ma, mi := lsfamDevNumbers(e.abs)
		fmt.Fprintf(f.w, "%3d, %3d ", ma, mi)
	} else {
		fmt.Fprintf(f.w, "%8d ", e.fi.Size())
	}
	t := e.fi.ModTime()
	format := "%b %e  %Y"
	if t.After(f.now.Add(-time.Duration(31556952/2)*time.Second)) && !t.After(f.now.Add(time.Hour)) {
		format = "%b %e %H:%M"
	}
	f.w.WriteString(lsfamStrftime(format, t))
	f.w.WriteByte(' ')
	f.w.WriteString(e.path)
	if mode&fs.ModeSymlink != 0 {
		if t, err := f.p.userFS().Readlink(e.abs); err == nil {
			f.w.WriteString(" -> ")
			f.w.WriteString(t)
		}
	}
	f.w.WriteByte('\n')
}

// printf expands a -printf format for one entry.
func (f *finder) printf(format string, e *findEntry) {
	w := f.w
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch c {
		case '\\':
			if i+1 == len(format) {
				w.WriteByte('\\')
				continue
			}
			i++
			switch format[i] {
			case 'n':
				w.WriteByte('\n')
			case 't':
				w.WriteByte('\t')
			case '0':
				w.WriteByte(0)
			case 'a':
				w.WriteByte('\a')
			case 'b':
				w.WriteByte('\b')
			case 'f':
				w.WriteByte('\f')
			case 'r':
				w.WriteByte('\r')
			case 'v':
				w.WriteByte('\v')
			case '\\':
				w.WriteByte('\\')
			case 'c':
				return
			default:
				w.WriteByte('\\')
				w.WriteByte(format[i])
			}
		case '%':
			j := i + 1
			for j < len(format) && strings.IndexByte("-+ #0123456789.", format[j]) >= 0 {
				j++
			}
			if j == len(format) {
				w.WriteString(format[i:])
				return
			}
			flags := format[i+1 : j]
			d := format[j]
			i = j
			if d == '%' {
				w.WriteByte('%')
				continue
			}
			if (d == 'A' || d == 'C' || d == 'T') && j+1 < len(format) {
				i = j + 1
				k := format[i]
				t := e.fi.ModTime()
				if st := lsfamStat(e.fi); st != nil && d != 'T' {
					t = st.Atime
					if d == 'C' {
						t = st.Ctime
					}
				}
				var s string
				if k == '@' {
					s = strconv.FormatInt(t.Unix(), 10)
				} else {
					s = lsfamStrftime("%"+string(k), t)
				}
				fmt.Fprintf(w, "%"+flags+"s", s)
				continue
			}
			f.printfDirective(flags, d, e)
		default:
			w.WriteByte(c)
		}
	}
}

func (f *finder) printfDirective(flags string, d byte, e *findEntry) {
	st := lsfamStat(e.fi)
	str := func(s string) { fmt.Fprintf(f.w, "%"+flags+"s", s) }
	num := func(n int64) { fmt.Fprintf(f.w, "%"+flags+"d", n) }
	switch d {
	case 'p':
		str(e.path)
	case 'f':
		str(findBase(e.path))
	case 'h':
		dir := path.Dir(strings.TrimSuffix(e.path, "/"))
		if !strings.Contains(strings.TrimSuffix(e.path, "/"), "/") {
			dir = "."
		}
		str(dir)
	case 'H':
		str(e.start)
	case 'P':
		rel := strings.TrimPrefix(e.path, e.start)
		str(strings.TrimPrefix(rel, "/"))
	case 's':
		num(e.fi.Size())
	case 'k':
		num(lsfamBlocks(e.fi))
	case 'b':
		num(lsfamBlocks(e.fi) * 2)
	case 'm':
		fmt.Fprintf(f.w, "%"+flags+"o", lsfamPermBits(e.fi.Mode()))
	case 'M':
		str(lsfamModeString(e.fi.Mode()))
	case 'u', 'U', 'g', 'G':
		id := findOwner(e, d == 'g' || d == 'G')
		if d == 'U' || d == 'G' {
			num(int64(id))
			return
		}
		f.loadAccounts()
		if d == 'u' {
			str(f.users.Name(id))
		} else {
			str(f.groups.Name(id))
		}
	case 'y':
		str(string(findTypeChar(e.fi.Mode())))
	case 'Y':
		m := e.fi.Mode()
		if m&fs.ModeSymlink != 0 {
			if ti, err := f.p.userFS().Stat(e.abs); err == nil {
				m = ti.Mode()
			} else if errors.Is(err, syscall.ELOOP) {
				str("L")
				return
			} else {
				str("N")
				return
			}
		}
		str(string(findTypeChar(m)))
	case 'l':
		if e.fi.Mode()&fs.ModeSymlink != 0 {
			t, _ := f.p.userFS().Readlink(e.abs)
			str(t)
		} else {
			str("")
		}
	case 'i':
		num(int64(lsfamIno(st)))
	case 'n':
		n := int64(1)
		if st != nil {
			n = int64(st.Nlink)
		}
		num(n)
	case 'd':
		num(int64(e.depth))
	case 'D':
		num(int64(diskMountFor(path.Clean(e.abs)).devno))
	case 'F':
		str(diskMountFor(path.Clean(e.abs)).fstype)
	case 't', 'a', 'c':
		t := e.fi.ModTime()
		if st != nil && d != 't' {
			t = st.Atime
			if d == 'c' {
				t = st.Ctime
			}
		}
		str(lsfamStrftime("%a %b %e %H:%M:%S %Y", t))
	default:
		f.w.WriteByte('%')
		f.w.WriteByte(d)
	}
}

// ---- helpers ----

// findBase is a path's last component, as find's -name sees it.
func findBase(p string) string {
	t := strings.TrimRight(p, "/")
	if t == "" {
		return "/"
	}
	return t[strings.LastIndexByte(t, '/')+1:]
}

// findTypeChar is a mode's letter for -type.
func findTypeChar(m fs.FileMode) byte {
	switch {
	case m.IsDir():
		return 'd'
	case m&fs.ModeSymlink != 0:
		return 'l'
	case m&fs.ModeCharDevice != 0:
		return 'c'
	case m&fs.ModeDevice != 0:
		return 'b'
	case m&fs.ModeNamedPipe != 0:
		return 'p'
	case m&fs.ModeSocket != 0:
		return 's'
	}
	return 'f'
}

// findNumArg parses N, +N or -N: cmp is -1, 0 or 1.
func findNumArg(a string) (int, int64, bool) {
	cmp := 0
	switch {
	case strings.HasPrefix(a, "+"):
		cmp, a = 1, a[1:]
	case strings.HasPrefix(a, "-"):
		cmp, a = -1, a[1:]
	}
	if a == "" || strings.Trim(a, "0123456789") != "" {
		return 0, 0, false
	}
	n, err := strconv.ParseInt(a, 10, 64)
	return cmp, n, err == nil
}

func findCompare(cmp int, v, n int64) bool {
	switch cmp {
	case 1:
		return v > n
	case -1:
		return v < n
	}
	return v == n
}

// findParseMode parses an octal or symbolic mode for -perm.
func findParseMode(s string) (uint32, bool) {
	if s == "" {
		return 0, false
	}
	if strings.Trim(s, "01234567") == "" {
		v, err := strconv.ParseUint(s, 8, 32)
		return uint32(v), err == nil && v <= 0o7777
	}
	var mode uint32
	for clause := range strings.SplitSeq(s, ",") {
		i := 0
		var who uint32
		for i < len(clause) && strings.IndexByte("ugoa", clause[i]) >= 0 {
			switch clause[i] {
			case 'u':
				who |= 0o4700
			case 'g':
				who |= 0o2070
			case 'o':
				who |= 0o1007
			case 'a':
				who |= 0o7777
			}
			i++
		}
		if who == 0 {
			who = 0o7777
		}
		if i == len(clause) {
			return 0, false
		}
		for i < len(clause) {
			op := clause[i]
			if op != '+' && op != '-' && op != '=' {
				return 0, false
			}
			i++
			var bits uint32
			for i < len(clause) && strings.IndexByte("rwxXst", clause[i]) >= 0 {
				switch clause[i] {
				case 'r':
					bits |= 0o444
				case 'w':
					bits |= 0o222
				case 'x', 'X':
					bits |= 0o111
				case 's':
					bits |= 0o6000
				case 't':
					bits |= 0o1000
				}
				i++
			}
			bits &= who
			switch op {
			case '+':
				mode |= bits
			case '-':
				mode &^= bits
			case '=':
				mode = mode&^who | bits
			}
		}
	}
	return mode, true
}

// findRegexp compiles an emacs-style regular expression (find's default)
// to match a whole path.
func findRegexp(pat string, fold bool) (*regexp.Regexp, error) {
	var b strings.Builder
	if fold {
		b.WriteString("(?i)")
	}
	b.WriteString("^(?:")
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch {
		case c == '\\' && i+1 < len(pat):
			i++
			switch n := pat[i]; n {
			case '(', ')', '|', '{', '}':
				b.WriteByte(n)
			default:
				b.WriteByte('\\')
				b.WriteByte(n)
			}
		case c == '(' || c == ')' || c == '|' || c == '{' || c == '}':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString(")$")
	return cachedRegexp(b.String(), rePerl)
}

// findFnmatch matches name against a shell pattern as fnmatch(3) without
// flags does (FNM_CASEFOLD with fold): '*' and '?' match '/' too.
func findFnmatch(pattern, name string, fold bool) bool {
	return findMatchRunes([]rune(pattern), []rune(name), fold)
}

func findMatchRunes(p, s []rune, fold bool) bool {
	for len(p) > 0 {
		switch p[0] {
		case '*':
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			if len(p) == 0 {
				return true
			}
			for i := 0; i <= len(s); i++ {
				if findMatchRunes(p, s[i:], fold) {
					return true
				}
			}
			return false
		case '?':
			if len(s) == 0 {
				return false
			}
			p, s = p[1:], s[1:]
		case '[':
			if len(s) == 0 {
				return false
			}
			ok, rest, valid := findMatchClass(p, s[0], fold)
			if !valid {
				// A lone '[' matches itself.
				if s[0] != '[' {
					return false
				}
				p, s = p[1:], s[1:]
				continue
			}
			if !ok {
				return false
			}
			p, s = rest, s[1:]
		case '\\':
			if len(p) > 1 {
				p = p[1:]
			}
			fallthrough
		default:
			if len(s) == 0 || !findRuneEq(p[0], s[0], fold) {
				return false
			}
			p, s = p[1:], s[1:]
		}
	}
	return len(s) == 0
}

func findRuneEq(a, b rune, fold bool) bool {
	if fold {
		return unicode.ToLower(a) == unicode.ToLower(b)
	}
	return a == b
}

// findMatchClass matches c against the bracket expression at p[0] == '['.
func findMatchClass(p []rune, c rune, fold bool) (matched bool, rest []rune, valid bool) {
	i := 1
	negate := false
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		negate = true
		i++
	}
	first := true
	for i < len(p) {
		if p[i] == ']' && !first {
			return matched != negate, p[i+1:], true
		}
		first = false
		if p[i] == '[' && i+1 < len(p) && p[i+1] == ':' {
			end := strings.Index(string(p[i+2:]), ":]")
			if end >= 0 {
				class := string(p[i+2:])[:end]
				if findInClass(class, c) {
					matched = true
				}
				i += 2 + len([]rune(class)) + 2
				continue
			}
		}
		lo := p[i]
		if lo == '\\' && i+1 < len(p) {
			i++
			lo = p[i]
		}
		hi := lo
		if i+2 < len(p) && p[i+1] == '-' && p[i+2] != ']' {
			hi = p[i+2]
			i += 2
		}
		i++
		if lo <= c && c <= hi {
			matched = true
		} else if fold {
			lc := unicode.ToLower(c)
			uc := unicode.ToUpper(c)
			if (lo <= lc && lc <= hi) || (lo <= uc && uc <= hi) {
				matched = true
			}
		}
	}
	return false, nil, false
}

func findInClass(class string, c rune) bool {
	switch class {
	case "alpha":
		return unicode.IsLetter(c)
	case "digit":
		return c >= '0' && c <= '9'
	case "alnum":
		return unicode.IsLetter(c) || unicode.IsDigit(c)
	case "upper":
		return unicode.IsUpper(c)
	case "lower":
		return unicode.IsLower(c)
	case "space":
		return unicode.IsSpace(c)
	case "blank":
		return c == ' ' || c == '\t'
	case "punct":
		return unicode.IsPunct(c) || unicode.IsSymbol(c)
	case "print":
		return unicode.IsPrint(c)
	case "graph":
		return unicode.IsGraphic(c) && c != ' '
	case "cntrl":
		return unicode.IsControl(c)
	case "xdigit":
		return statIsHex(byte(c)) && c < 0x80
	}
	return false
}
