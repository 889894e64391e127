package awk

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Config describes one run of an awk program. Every field may be left zero:
// nil streams read nothing and discard output, a nil Open makes every file
// operand fail, a nil Exec rejects pipes and system(), and a nil Regexp
// compiles with Go's regexp package.
type Config struct {
	// Name prefixes every message: "awk" or "gawk".
	Name string
	// Sources is the program text: one "cmd. line" source or the -f files.
	Sources []Source
	// Args are the operands after the program (ARGV[1] on): input files
	// and var=value assignments.
	Args []string
	// Assigns are the -v var=value assignments, done before BEGIN.
	Assigns []string
	// ReInterval enables interval expressions (a{2}) in regular
	// expressions; gawk 3.1.5 reads braces literally without
	// --re-interval.
	ReInterval bool

	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Environ fills ENVIRON, as NAME=value strings.
	Environ []string
	// Open opens an input file (FILE operands, getline < FILE).
	Open func(name string) (io.ReadCloser, error)
	// Create opens an output file for print > FILE (appendTo false:
	// truncate) or print >> FILE (appendTo true).
	Create func(name string, appendTo bool) (io.WriteCloser, error)
	// Exec runs a shell command line for print | CMD, CMD | getline and
	// system(), and returns its exit status.
	Exec func(command string, stdin io.Reader, stdout io.Writer) int
	// Regexp compiles a POSIX extended regular expression.
	Regexp func(ere string) (*regexp.Regexp, error)
	// Strerror renders an I/O error the way strerror(3) does.
	Strerror func(error) string
}

// StatusCanceled is the exit status of a run stopped through its context.
const StatusCanceled = 130

type cell struct {
	v     value
	arr   map[string]value
	isArr bool
	ref   *cell // an untyped variable passed by reference to a function
}

type ctrl uint8

const (
	cNone ctrl = iota
	cBreak
	cContinue
	cReturn
)

// jump carries next, nextfile and exit out of any depth of evaluation.
type jump struct{ kind tokKind }

// fatal stops the program with "awk: SRC:LINE: fatal: MSG".
type fatal struct{ msg string }

type canceled struct{}

type output struct {
	w    io.Writer
	c    io.Closer
	pipe bool
	buf  *bytes.Buffer
}

type interp struct {
	cfg     *Config
	prog    *Program
	ctx     context.Context
	globals []*cell
	frame   []*cell
	sp      [numSpecials]value

	record string
	fields []value
	nf     int
	nr     float64
	fnr    float64

	fsRe, rsRe        *regexp.Regexp
	fsMode            int // fsDefault, fsChar, fsChars, fsRegex
	fsChar            byte
	rsMode            int // rsNewline, rsChar, rsPara, rsRegex
	argi              int
	usedFile          bool
	mainIn            *recReader
	stdinReader       *recReader
	inputs, cmdInputs map[string]*recReader
	outputs           map[string]*output
	outOrder          []string
	regexCache        map[string]*regexp.Regexp
	stdout            *bufio.Writer
	pos               int
	steps             int
	exitCode          int
	retVal            value
	callDepth         int
	rnd               bsdRandom
	seed              float64
	inEnd             bool
	rangeActive       []bool
	convfmt, ofmt     string
	ofs, ors, subsep  string
}

const (
	fsDefault = iota
	fsChar
	fsChars
	fsRegex
)

const (
	rsNewline = iota
	rsChar
	rsPara
	rsRegex
)

// Run parses and runs an awk program and returns its exit status: the
// status of exit, 0, or 2 after a syntax or fatal error (the message is
// written to Stderr). A canceled ctx stops the program with
// StatusCanceled.
func Run(ctx context.Context, cfg Config) int {
	if cfg.Name == "" {
		cfg.Name = "awk"
	}
	if cfg.Stdin == nil {
		cfg.Stdin = strings.NewReader("")
	}
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.Regexp == nil {
		cfg.Regexp = regexp.Compile
	}
	if cfg.Strerror == nil {
		cfg.Strerror = func(err error) string { return err.Error() }
	}
	if ctx == nil {
		ctx = context.Background()
	}
	prog, err := Parse(cfg.Sources)
	if prog != nil {
		for _, w := range prog.warnings {
			fmt.Fprintf(cfg.Stderr, "%s: %s\n", cfg.Name, w)
		}
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(cfg.Stderr, "%s: %s\n", cfg.Name, line)
		}
		if se, ok := err.(*SyntaxError); ok && strings.HasPrefix(se.Msg, "fatal:") {
			return 2
		}
		return 1
	}
	in := &interp{
		cfg:        &cfg,
		prog:       prog,
		ctx:        ctx,
		inputs:     map[string]*recReader{},
		cmdInputs:  map[string]*recReader{},
		outputs:    map[string]*output{},
		regexCache: map[string]*regexp.Regexp{},
		stdout:     bufio.NewWriter(cfg.Stdout),
		pos:        prog.lastPos,
		seed:       1,
	}
	in.rnd.seed(1)
	return in.run()
}

func (in *interp) run() (status int) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case fatal:
				in.closeAll()
				in.stdout.Flush()
				name, line, _, _ := in.prog.src.locate(in.pos)
				where := ""
				if in.fnr > 0 {
					// gawk names the input record it was working on
					where = fmt.Sprintf("(FILENAME=%s FNR=%d) ", in.toStr(in.sp[spFILENAME]), int64(in.fnr))
				}
				fmt.Fprintf(in.cfg.Stderr, "%s: %s:%d: %sfatal: %s\n", in.cfg.Name, name, line, where, e.msg)
				status = 2
			case canceled:
				in.stdout.Flush()
				status = StatusCanceled
			default:
				panic(r)
			}
		}
	}()
	in.init()
	for _, a := range in.cfg.Assigns {
		if !in.assignOperand(a) {
			in.stdout.Flush()
			fmt.Fprintf(in.cfg.Stderr, "%s: `%s' argument to `-v' not in `var=value' form\n", in.cfg.Name, a)
			return 2
		}
	}
	exiting := false
	for _, b := range in.prog.begins {
		if in.runAction(b) == tExit {
			exiting = true
			break
		}
	}
	if !exiting && (len(in.prog.items) > 0 || len(in.prog.ends) > 0) {
		in.mainLoop()
	}
	in.inEnd = true
	for _, b := range in.prog.ends {
		if in.runAction(b) == tExit {
			break
		}
	}
	in.closeAll()
	in.stdout.Flush()
	return in.exitCode
}

func (in *interp) init() {
	in.globals = make([]*cell, len(in.prog.globals))
	for i := range in.globals {
		in.globals[i] = &cell{}
	}
	argv := map[string]value{"0": str(in.cfg.Name)}
	for i, a := range in.cfg.Args {
		argv[strconv.Itoa(i+1)] = strnum(a)
	}
	in.globals[glARGV].isArr, in.globals[glARGV].arr = true, argv
	in.globals[glARGC].v = num(float64(len(in.cfg.Args) + 1))
	env := map[string]value{}
	for _, kv := range in.cfg.Environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = strnum(v)
		}
	}
	in.globals[glENVIRON].isArr, in.globals[glENVIRON].arr = true, env
	in.setSpecial(spFS, str(" "))
	in.setSpecial(spOFS, str(" "))
	in.setSpecial(spORS, str("\n"))
	in.setSpecial(spRS, str("\n"))
	in.setSpecial(spSUBSEP, str("\x1c"))
	in.setSpecial(spCONVFMT, str("%.6g"))
	in.setSpecial(spOFMT, str("%.6g"))
	in.sp[spRSTART] = num(0)
	in.sp[spRLENGTH] = num(0)
	in.sp[spFILENAME] = str("")
	in.rangeActive = make([]bool, len(in.prog.items))
	in.argi = 1
}

// runAction runs a BEGIN/END action or a rule's action and reports how it
// ended: 0, tNext, tNextfile or tExit.
func (in *interp) runAction(body []Stmt) (how tokKind) {
	defer func() {
		if r := recover(); r != nil {
			j, ok := r.(jump)
			if !ok {
				panic(r)
			}
			how = j.kind
		}
	}()
	in.callDepth = 0
	in.frame = nil
	in.execList(body)
	return 0
}

// mainLoop reads every record and runs the rules, until the input ends or
// exit is called.
func (in *interp) mainLoop() {
	for {
		rec, ok := in.nextMainRecord()
		if !ok {
			return
		}
		in.nr++
		in.fnr++
		in.setRecord(rec)
	rules:
		for i, it := range in.prog.items {
			in.check()
			switch in.runRule(i, it) {
			case tNext:
				break rules
			case tNextfile:
				if in.mainIn != nil {
					in.mainIn.close()
					in.mainIn = nil
				}
				break rules
			case tExit:
				return
			}
		}
	}
}

// runRule tests a rule's pattern and runs its action, reporting how it
// ended as runAction does.
func (in *interp) runRule(i int, it *item) (how tokKind) {
	defer func() {
		if r := recover(); r != nil {
			j, ok := r.(jump)
			if !ok {
				panic(r)
			}
			how = j.kind
		}
	}()
	in.callDepth = 0
	in.frame = nil
	in.pos = it.pos
	if !in.matches(i, it) {
		return 0
	}
	if !it.hasAction {
		in.writeOut(in.stdout, in.record+in.ors)
		return 0
	}
	in.execList(it.action)
	return 0
}

func (in *interp) matches(i int, it *item) bool {
	switch {
	case it.pat == nil:
		return true
	case it.pat2 == nil:
		return in.truth(in.eval(it.pat))
	}
	if !in.rangeActive[i] {
		if !in.truth(in.eval(it.pat)) {
			return false
		}
		in.rangeActive[i] = true
	}
	if in.truth(in.eval(it.pat2)) {
		in.rangeActive[i] = false
	}
	return true
}

func (in *interp) check() {
	in.steps++
	if in.steps&255 == 0 && in.ctx.Err() != nil {
		panic(canceled{})
	}
}

func (in *interp) fatalf(format string, args ...any) {
	panic(fatal{fmt.Sprintf(format, args...)})
}

// ---- statements

func (in *interp) execList(list []Stmt) ctrl {
	for _, s := range list {
		if c := in.exec(s); c != cNone {
			return c
		}
	}
	return cNone
}

func (in *interp) exec(s Stmt) ctrl {
	in.pos = s.stmtPos()
	switch s := s.(type) {
	case *printStmt:
		in.print(s)
	case *exprStmt:
		in.eval(s.x)
	case *ifStmt:
		if in.truth(in.eval(s.cond)) {
			return in.execList(s.then)
		}
		return in.execList(s.els)
	case *whileStmt:
		for {
			in.check()
			in.pos = s.pos
			if !in.truth(in.eval(s.cond)) {
				break
			}
			c := in.execList(s.body)
			if c == cBreak {
				break
			}
			if c == cReturn {
				return c
			}
		}
	case *doStmt:
		for {
			in.check()
			c := in.execList(s.body)
			if c == cBreak {
				break
			}
			if c == cReturn {
				return c
			}
			in.pos = s.pos
			if !in.truth(in.eval(s.cond)) {
				break
			}
		}
	case *forStmt:
		if s.init != nil {
			in.exec(s.init)
		}
		for {
			in.check()
			in.pos = s.pos
			if s.cond != nil && !in.truth(in.eval(s.cond)) {
				break
			}
			c := in.execList(s.body)
			if c == cBreak {
				break
			}
			if c == cReturn {
				return c
			}
			if s.post != nil {
				in.exec(s.post)
			}
		}
	case *forInStmt:
		arr := in.arrayOf(s.arr)
		for _, k := range sortedKeys(arr) {
			in.check()
			if _, still := arr[k]; !still {
				continue
			}
			in.store(in.lvalue(s.v), str(k))
			c := in.execList(s.body)
			if c == cBreak {
				break
			}
			if c == cReturn {
				return c
			}
		}
	case *blockStmt:
		return in.execList(s.body)
	case *nextStmt:
		panic(jump{tNext})
	case *nextfileStmt:
		panic(jump{tNextfile})
	case *exitStmt:
		if s.x != nil {
			in.exitCode = int(int32(clampExit(toNum(in.eval(s.x)))))
		}
		panic(jump{tExit})
	case *returnStmt:
		if s.x != nil {
			in.retVal = in.eval(s.x)
		} else {
			in.retVal = value{}
		}
		return cReturn
	case *breakStmt:
		return cBreak
	case *continueStmt:
		return cContinue
	case *deleteStmt:
		arr := in.arrayOf(s.arr)
		if s.index == nil {
			for k := range arr {
				delete(arr, k)
			}
		} else {
			delete(arr, in.subscript(s.index))
		}
	}
	return cNone
}

func clampExit(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Mod(math.Trunc(f), 1<<32)
}

// sortedKeys orders array keys for "for (k in a)": integer keys first in
// numeric order, then the others in byte order. Real gawk walks its hash
// table; rclab sorts so that every run prints the same thing.
func sortedKeys(arr map[string]value) []string {
	keys := make([]string, 0, len(arr))
	for k := range arr {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, aerr := strconv.ParseInt(keys[i], 10, 64)
		b, berr := strconv.ParseInt(keys[j], 10, 64)
		switch {
		case aerr == nil && berr == nil:
			return a < b
		case aerr == nil:
			return true
		case berr == nil:
			return false
		}
		return keys[i] < keys[j]
	})
	return keys
}

func (in *interp) print(s *printStmt) {
	var text string
	if s.printf {
		args := make([]value, len(s.args))
		for i, a := range s.args {
			args[i] = in.eval(a)
		}
		text = in.format(in.toStr(args[0]), args[1:])
	} else if len(s.args) == 0 {
		text = in.record + in.ors
	} else {
		var b strings.Builder
		for i, a := range s.args {
			if i > 0 {
				b.WriteString(in.ofs)
			}
			b.WriteString(in.toOutStr(in.eval(a)))
		}
		b.WriteString(in.ors)
		text = b.String()
	}
	w := io.Writer(in.stdout)
	if s.redir != 0 {
		w = in.outputFor(s.redir, in.toStr(in.eval(s.dest)))
	}
	in.writeOut(w, text)
}

func (in *interp) writeOut(w io.Writer, text string) {
	if w != io.Writer(in.stdout) {
		in.stdout.Flush()
	}
	io.WriteString(w, text)
}

func (in *interp) format(f string, args []value) string {
	s, err := sprintf(f, args, in.toStr)
	if err != nil {
		fe := err.(*fmtError)
		panic(fatal{strings.TrimPrefix(fe.Error(), "fatal: ")})
	}
	return s
}

func (in *interp) outputFor(redir tokKind, name string) io.Writer {
	if o, ok := in.outputs[name]; ok {
		return o.w
	}
	switch {
	case redir != tPipe && (name == "/dev/stdout" || name == "-"):
		return in.stdout
	case redir != tPipe && name == "/dev/stderr":
		return in.cfg.Stderr
	}
	o := &output{}
	switch redir {
	case tPipe:
		if in.cfg.Exec == nil {
			in.fatalf("can't open pipe `%s' for output (Function not implemented)", name)
		}
		o.pipe, o.buf = true, &bytes.Buffer{}
		o.w = o.buf
	default:
		if name == "" {
			in.fatalf("expression for `%s' redirection has null string value", map[tokKind]string{tGT: ">", tAppend: ">>"}[redir])
		}
		var err error
		var wc io.WriteCloser
		if in.cfg.Create == nil {
			in.fatalf("can't redirect to `%s' (Permission denied)", name)
		}
		wc, err = in.cfg.Create(name, redir == tAppend)
		if err != nil {
			in.fatalf("can't redirect to `%s' (%s)", name, in.cfg.Strerror(err))
		}
		o.w, o.c = wc, wc
	}
	in.outputs[name] = o
	in.outOrder = append(in.outOrder, name)
	return o.w
}

// closeStream implements close(): it returns 0, a pipe's exit status, or
// -1 when nothing of that name is open.
func (in *interp) closeStream(name string) int {
	status := -1
	if o, ok := in.outputs[name]; ok {
		status = in.closeOutput(o, name)
		delete(in.outputs, name)
		for i, n := range in.outOrder {
			if n == name {
				in.outOrder = append(in.outOrder[:i], in.outOrder[i+1:]...)
				break
			}
		}
	}
	if r, ok := in.inputs[name]; ok {
		r.close()
		delete(in.inputs, name)
		status = 0
	}
	if r, ok := in.cmdInputs[name]; ok {
		status = r.status
		delete(in.cmdInputs, name)
	}
	return status
}

func (in *interp) closeOutput(o *output, name string) int {
	if o.pipe {
		in.stdout.Flush()
		return in.cfg.Exec(name, bytes.NewReader(o.buf.Bytes()), in.cfg.Stdout)
	}
	if o.c != nil {
		if err := o.c.Close(); err != nil {
			return -1
		}
	}
	return 0
}

func (in *interp) closeAll() {
	in.stdout.Flush()
	for _, name := range in.outOrder {
		if o, ok := in.outputs[name]; ok {
			in.closeOutput(o, name)
		}
	}
	in.outOrder = nil
	in.outputs = map[string]*output{}
	for _, r := range in.inputs {
		r.close()
	}
	if in.mainIn != nil {
		in.mainIn.close()
	}
}

// ---- variables

func (in *interp) cellOf(ref *varRef) *cell {
	if ref.scope == scopeLocal {
		return in.frame[ref.idx]
	}
	return in.globals[ref.idx]
}

func (in *interp) getVar(ref *varRef) value {
	if ref.scope == scopeSpecial {
		return in.getSpecial(ref.idx)
	}
	c := in.cellOf(ref)
	if c.isArr {
		in.fatalf("attempt to use array `%s' in a scalar context", ref.name)
	}
	return c.v
}

func (in *interp) setVar(ref *varRef, v value) {
	if ref.scope == scopeSpecial {
		in.setSpecial(ref.idx, v)
		return
	}
	c := in.cellOf(ref)
	if c.isArr {
		in.fatalf("attempt to use array `%s' in a scalar context", ref.name)
	}
	c.ref = nil
	c.v = v
}

func (in *interp) arrayOf(ref *varRef) map[string]value {
	if ref.scope == scopeSpecial {
		in.fatalf("attempt to use scalar `%s' as array", ref.name)
	}
	return in.cellArray(in.cellOf(ref), ref.name)
}

func (in *interp) cellArray(c *cell, name string) map[string]value {
	if c.isArr {
		return c.arr
	}
	if c.ref != nil {
		c.arr = in.cellArray(c.ref, name)
		c.isArr, c.ref = true, nil
		return c.arr
	}
	if c.v.k != kUninit {
		in.fatalf("attempt to use scalar `%s' as array", name)
	}
	c.isArr, c.arr = true, map[string]value{}
	return c.arr
}

func (in *interp) getSpecial(i int) value {
	switch i {
	case spNF:
		return num(float64(in.nf))
	case spNR:
		return num(in.nr)
	case spFNR:
		return num(in.fnr)
	}
	return in.sp[i]
}

func (in *interp) setSpecial(i int, v value) {
	switch i {
	case spNF:
		in.setNF(toNum(v))
		return
	case spNR:
		in.nr = math.Trunc(toNum(v))
		return
	case spFNR:
		in.fnr = math.Trunc(toNum(v))
		return
	}
	in.sp[i] = v
	switch i {
	case spFS:
		in.setFS(in.toStr(v))
	case spRS:
		in.setRS(in.toStr(v))
	case spOFS:
		in.ofs = in.toStr(v)
	case spORS:
		in.ors = in.toStr(v)
	case spSUBSEP:
		in.subsep = in.toStr(v)
	case spCONVFMT:
		in.convfmt = in.toStr(v)
	case spOFMT:
		in.ofmt = in.toStr(v)
	}
}

func (in *interp) setFS(fs string) {
	switch {
	case fs == " ":
		in.fsMode = fsDefault
	case fs == "":
		in.fsMode = fsChars
	case len(fs) == 1 && fs != "\\":
		in.fsMode, in.fsChar = fsChar, fs[0]
	default:
		if fs == "\\" {
			fs = "\\\\"
		}
		in.fsMode, in.fsRe = fsRegex, in.compile(fs, false)
	}
}

func (in *interp) setRS(rs string) {
	switch {
	case rs == "\n":
		in.rsMode = rsNewline
	case rs == "":
		in.rsMode = rsPara
	case len(rs) == 1:
		in.rsMode = rsChar
	default:
		in.rsMode, in.rsRe = rsRegex, in.compile(rs, false)
	}
}

// ---- conversions

func (in *interp) toStr(v value) string {
	switch v.k {
	case kNum:
		return numToStr(v.n, in.convfmt)
	case kUninit:
		return ""
	}
	return v.s
}

func (in *interp) toOutStr(v value) string {
	if v.k == kNum {
		return numToStr(v.n, in.ofmt)
	}
	return in.toStr(v)
}

func (in *interp) truth(v value) bool {
	switch v.k {
	case kNum, kStrNum:
		return v.n != 0
	case kStr:
		return v.s != ""
	}
	return false
}

func (in *interp) compare(a, b value) int {
	an := a.k != kStr
	bn := b.k != kStr
	if an && bn {
		switch {
		case a.n < b.n:
			return -1
		case a.n > b.n:
			return 1
		}
		return 0
	}
	return strings.Compare(in.toStr(a), in.toStr(b))
}

func (in *interp) subscript(index []Expr) string {
	if len(index) == 1 {
		return in.toStr(in.eval(index[0]))
	}
	parts := make([]string, len(index))
	for i, e := range index {
		parts[i] = in.toStr(in.eval(e))
	}
	return strings.Join(parts, in.subsep)
}

// ---- records and fields

func (in *interp) setRecord(rec string) {
	in.record = rec
	in.splitRecord()
}

func (in *interp) splitRecord() {
	parts := in.splitFields(in.record, in.rsMode == rsPara)
	in.fields = in.fields[:0]
	for _, p := range parts {
		in.fields = append(in.fields, strnum(p))
	}
	in.nf = len(parts)
}

// splitFields splits s by the current FS.
func (in *interp) splitFields(s string, para bool) []string {
	switch in.fsMode {
	case fsDefault:
		return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
	case fsChars:
		if s == "" {
			return nil
		}
		var out []string
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	if s == "" {
		return nil
	}
	var out []string
	if para {
		for _, line := range strings.Split(s, "\n") {
			out = append(out, in.splitSep(line)...)
		}
		return out
	}
	return in.splitSep(s)
}

func (in *interp) splitSep(s string) []string {
	if in.fsMode == fsChar {
		return strings.Split(s, string(in.fsChar))
	}
	return splitRegex(s, in.fsRe)
}

func splitRegex(s string, re *regexp.Regexp) []string {
	if s == "" {
		return nil
	}
	var out []string
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		if m[1] == m[0] {
			continue
		}
		out = append(out, s[last:m[0]])
		last = m[1]
	}
	return append(out, s[last:])
}

func (in *interp) getField(f float64) value {
	i := in.fieldIndex(f)
	if i == 0 {
		return strnum(in.record)
	}
	if i <= in.nf {
		return in.fields[i-1]
	}
	return value{}
}

func (in *interp) fieldIndex(f float64) int {
	if math.IsNaN(f) || f < 0 {
		in.fatalf("attempt to access field %d", int(f))
	}
	if f > 1<<20 {
		in.fatalf("attempt to access field %.0f: too many fields", f)
	}
	return int(f)
}

func (in *interp) setField(i int, v value) {
	if i == 0 {
		in.setRecord(in.toStr(v))
		return
	}
	for in.nf < i {
		in.fields = append(in.fields, str(""))
		in.nf++
	}
	in.fields[i-1] = v
	in.rebuild()
}

func (in *interp) setNF(f float64) {
	n := in.fieldIndex(math.Trunc(f))
	for in.nf < n {
		in.fields = append(in.fields, str(""))
		in.nf++
	}
	in.fields = in.fields[:n]
	in.nf = n
	in.rebuild()
}

func (in *interp) rebuild() {
	var b strings.Builder
	for i, f := range in.fields[:in.nf] {
		if i > 0 {
			b.WriteString(in.ofs)
		}
		b.WriteString(in.toStr(f))
	}
	in.record = b.String()
}

// ---- input

type recReader struct {
	name   string
	br     *bufio.Reader
	c      io.Closer
	all    []byte
	allOK  bool
	off    int
	status int
}

func newRecReader(name string, r io.Reader, c io.Closer) *recReader {
	return &recReader{name: name, br: bufio.NewReader(r), c: c}
}

func (r *recReader) close() {
	if r.c != nil {
		r.c.Close()
		r.c = nil
	}
}

// readRecord reads one record with the current RS.
func (in *interp) readRecord(r *recReader) (string, bool) {
	if in.ctx.Err() != nil {
		panic(canceled{})
	}
	in.stdout.Flush()
	switch in.rsMode {
	case rsNewline, rsChar:
		sep := byte('\n')
		if in.rsMode == rsChar {
			sep = in.toStr(in.sp[spRS])[0]
		}
		line, err := r.br.ReadString(sep)
		if err != nil && err != io.EOF {
			in.readError(r, err)
		}
		if line == "" {
			return "", false
		}
		if line[len(line)-1] == sep {
			in.sp[spRT] = str(string(sep))
			return line[:len(line)-1], true
		}
		in.sp[spRT] = str("")
		return line, true
	case rsPara:
		var rec []string
		for {
			line, err := r.br.ReadString('\n')
			if err != nil && err != io.EOF {
				in.readError(r, err)
			}
			if line == "" {
				break
			}
			content := strings.TrimSuffix(line, "\n")
			if content == "" {
				if len(rec) == 0 {
					continue
				}
				// swallow the rest of the blank lines
				for {
					b, err := r.br.Peek(1)
					if err != nil || b[0] != '\n' {
						break
					}
					r.br.ReadByte()
				}
				break
			}
			rec = append(rec, content)
			if err != nil {
				break
			}
		}
		if len(rec) == 0 {
			return "", false
		}
		in.sp[spRT] = str("\n\n")
		return strings.Join(rec, "\n"), true
	}
	if !r.allOK {
		data, err := io.ReadAll(r.br)
		if err != nil {
			in.readError(r, err)
		}
		r.all, r.allOK = data, true
	}
	if r.off >= len(r.all) {
		return "", false
	}
	rest := string(r.all[r.off:])
	for _, m := range in.rsRe.FindAllStringIndex(rest, -1) {
		if m[1] > m[0] {
			r.off += m[1]
			in.sp[spRT] = str(rest[m[0]:m[1]])
			return rest[:m[0]], true
		}
	}
	r.off = len(r.all)
	in.sp[spRT] = str("")
	return rest, true
}

func (in *interp) readError(r *recReader, err error) {
	in.fatalf("error reading input file `%s': %s", r.name, in.cfg.Strerror(err))
}

func (in *interp) stdinRec() *recReader {
	if in.stdinReader == nil {
		in.stdinReader = newRecReader("-", in.cfg.Stdin, nil)
	}
	return in.stdinReader
}

func (in *interp) nextMainRecord() (string, bool) {
	for {
		if in.mainIn == nil && !in.openNextFile() {
			return "", false
		}
		if rec, ok := in.readRecord(in.mainIn); ok {
			return rec, true
		}
		in.mainIn.close()
		in.mainIn = nil
	}
}

func (in *interp) openNextFile() bool {
	argv := in.globals[glARGV]
	for {
		argc := toNum(in.getVarCell(in.globals[glARGC], "ARGC"))
		if float64(in.argi) >= argc {
			break
		}
		i := in.argi
		in.argi++
		if !argv.isArr {
			break
		}
		v, ok := argv.arr[strconv.Itoa(i)]
		if !ok {
			continue
		}
		name := in.toStr(v)
		if name == "" {
			continue
		}
		if isAssignment(name) {
			in.assignOperand(name)
			continue
		}
		in.usedFile = true
		if name == "-" || name == "/dev/stdin" {
			in.mainIn = in.stdinRec()
		} else {
			if in.cfg.Open == nil {
				in.fatalf("cannot open file `%s' for reading (No such file or directory)", name)
			}
			rc, err := in.cfg.Open(name)
			if err != nil {
				in.fatalf("cannot open file `%s' for reading (%s)", name, in.cfg.Strerror(err))
			}
			in.mainIn = newRecReader(name, rc, rc)
		}
		in.fnr = 0
		in.sp[spFILENAME] = str(name)
		return true
	}
	if !in.usedFile {
		in.usedFile = true
		in.fnr = 0
		in.sp[spFILENAME] = str("-")
		in.mainIn = in.stdinRec()
		return true
	}
	return false
}

func (in *interp) getVarCell(c *cell, name string) value {
	if c.isArr {
		in.fatalf("attempt to use array `%s' in a scalar context", name)
	}
	return c.v
}

func isAssignment(s string) bool {
	eq := strings.IndexByte(s, '=')
	if eq <= 0 || !isNameStart(s[0]) {
		return false
	}
	for i := 1; i < eq; i++ {
		if !isNameChar(s[i]) {
			return false
		}
	}
	return true
}

// assignOperand performs a var=value operand or -v assignment.
func (in *interp) assignOperand(a string) bool {
	if !isAssignment(a) {
		return false
	}
	name, val, _ := strings.Cut(a, "=")
	v := strnum(unescape(val))
	if _, isFunc := in.prog.funcs[name]; isFunc {
		in.fatalf("cannot use function `%s' as variable name", name)
	}
	if _, kw := keywords[name]; kw {
		in.fatalf("cannot use gawk builtin `%s' as variable name", name)
	}
	if _, bi := builtinFuncs[name]; bi {
		in.fatalf("cannot use gawk builtin `%s' as variable name", name)
	}
	if i, ok := specialNames[name]; ok {
		in.setSpecial(i, v)
		return true
	}
	for i, g := range in.prog.globals {
		if g == name {
			c := in.globals[i]
			if c.isArr {
				in.fatalf("attempt to use array `%s' in a scalar context", name)
			}
			c.v = v
			return true
		}
	}
	return true // a variable the program never mentions
}

// ---- expressions

type lval struct {
	ref   *varRef
	arr   map[string]value
	key   string
	field int
	kind  int // 0 var, 1 array element, 2 field
}

func (in *interp) lvalue(e Expr) lval {
	switch e := e.(type) {
	case *varRef:
		return lval{ref: e}
	case *indexExpr:
		arr := in.arrayOf(e.arr)
		return lval{kind: 1, arr: arr, key: in.subscript(e.index)}
	case *fieldExpr:
		return lval{kind: 2, field: in.fieldIndex(toNum(in.eval(e.index)))}
	}
	panic("awk: not an lvalue")
}

func (in *interp) load(l lval) value {
	switch l.kind {
	case 1:
		return l.arr[l.key]
	case 2:
		return in.getField(float64(l.field))
	}
	return in.getVar(l.ref)
}

func (in *interp) store(l lval, v value) {
	switch l.kind {
	case 1:
		l.arr[l.key] = v
	case 2:
		in.setField(l.field, v)
	default:
		in.setVar(l.ref, v)
	}
}

func (in *interp) eval(e Expr) value {
	switch e := e.(type) {
	case *numLit:
		return num(e.v)
	case *strLit:
		return str(e.v)
	case *regexLit:
		return boolVal(in.compile(e.src, true).MatchString(in.record))
	case *varRef:
		return in.getVar(e)
	case *indexExpr:
		arr := in.arrayOf(e.arr)
		k := in.subscript(e.index)
		v, ok := arr[k]
		if !ok {
			arr[k] = value{}
		}
		return v
	case *fieldExpr:
		return in.getField(toNum(in.eval(e.index)))
	case *groupExpr:
		return in.eval(e.x)
	case *unaryExpr:
		v := in.eval(e.x)
		switch e.op {
		case tSub:
			return num(-toNum(v))
		case tAdd:
			return num(toNum(v))
		}
		return boolVal(!in.truth(v))
	case *binaryExpr:
		return in.binary(e)
	case *matchExpr:
		s := in.toStr(in.eval(e.l))
		m := in.regexOf(e.re).MatchString(s)
		return boolVal(m != e.neg)
	case *inExpr:
		arr := in.arrayOf(e.arr)
		_, ok := arr[in.subscript(e.index)]
		return boolVal(ok)
	case *condExpr:
		if in.truth(in.eval(e.cond)) {
			return in.eval(e.yes)
		}
		return in.eval(e.no)
	case *assignExpr:
		if e.op == tAssign {
			v := in.eval(e.rhs)
			in.store(in.lvalue(e.lhs), v)
			return v
		}
		l := in.lvalue(e.lhs)
		r := toNum(in.eval(e.rhs))
		cur := toNum(in.load(l))
		v := num(in.arith(assignOps[e.op], cur, r))
		in.store(l, v)
		return v
	case *incDecExpr:
		l := in.lvalue(e.lhs)
		old := toNum(in.load(l))
		nv := old + 1
		if e.op == tDecr {
			nv = old - 1
		}
		in.store(l, num(nv))
		if e.pre {
			return num(nv)
		}
		return num(old)
	case *callExpr:
		return in.call(e)
	case *builtinExpr:
		return in.builtin(e)
	case *getlineExpr:
		return num(float64(in.getline(e)))
	}
	panic(fmt.Sprintf("awk: unknown expression %T", e))
}

var assignOps = map[tokKind]tokKind{
	tAddAssign: tAdd, tSubAssign: tSub, tMulAssign: tMul,
	tDivAssign: tDiv, tModAssign: tMod, tPowAssign: tPow,
}

func (in *interp) binary(e *binaryExpr) value {
	switch e.op {
	case tAnd:
		return boolVal(in.truth(in.eval(e.l)) && in.truth(in.eval(e.r)))
	case tOr:
		return boolVal(in.truth(in.eval(e.l)) || in.truth(in.eval(e.r)))
	case opConcat:
		l := in.toStr(in.eval(e.l))
		return str(l + in.toStr(in.eval(e.r)))
	}
	l := in.eval(e.l)
	r := in.eval(e.r)
	switch e.op {
	case tLT:
		return boolVal(in.compare(l, r) < 0)
	case tLE:
		return boolVal(in.compare(l, r) <= 0)
	case tGT:
		return boolVal(in.compare(l, r) > 0)
	case tGE:
		return boolVal(in.compare(l, r) >= 0)
	case tEQ:
		return boolVal(in.compare(l, r) == 0)
	case tNE:
		return boolVal(in.compare(l, r) != 0)
	}
	return num(in.arith(e.op, toNum(l), toNum(r)))
}

func (in *interp) arith(op tokKind, a, b float64) float64 {
	switch op {
	case tAdd:
		return a + b
	case tSub:
		return a - b
	case tMul:
		return a * b
	case tDiv:
		if b == 0 {
			in.fatalf("division by zero attempted")
		}
		return a / b
	case tMod:
		if b == 0 {
			in.fatalf("division by zero attempted in `%%'")
		}
		return math.Mod(a, b)
	case tPow:
		return pow(a, b)
	}
	return 0
}

// pow is awk's ^: integral exponents are done by repeated multiplication,
// as gawk's calc_exp does.
func pow(x, y float64) float64 {
	if y == math.Trunc(y) && math.Abs(y) < 1<<31 {
		n := int64(y)
		neg := n < 0
		if neg {
			n = -n
		}
		r := 1.0
		b := x
		for n > 0 {
			if n&1 == 1 {
				r *= b
			}
			b *= b
			n >>= 1
		}
		if neg {
			return 1 / r
		}
		return r
	}
	return math.Pow(x, y)
}

// ---- regular expressions

func (in *interp) regexOf(e Expr) *regexp.Regexp {
	if r, ok := e.(*regexLit); ok {
		return in.compile(r.src, true)
	}
	return in.compile(in.toStr(in.eval(e)), false)
}

// compile compiles an ERE, caching it; literal says it came from /.../ in
// the program, whose escape sequences (\t, \/ ...) gawk interprets.
func (in *interp) compile(src string, literal bool) *regexp.Regexp {
	key := src
	if literal {
		key = "/" + src
	}
	if re, ok := in.regexCache[key]; ok {
		return re
	}
	ere := src
	if literal {
		ere = regexEscapes(ere)
	}
	if !in.cfg.ReInterval {
		ere = literalBraces(ere)
	}
	ere = strings.ReplaceAll(ere, `\y`, `\b`)
	re, err := in.cfg.Regexp(ere)
	if err != nil {
		in.fatalf("%s: /%s/", regexErrText(err), src)
	}
	if len(in.regexCache) > 500 {
		in.regexCache = map[string]*regexp.Regexp{}
	}
	in.regexCache[key] = re
	return re
}

func regexErrText(err error) string {
	msg := err.Error()
	if !strings.HasPrefix(msg, "error parsing regexp") {
		return msg // already worded as glibc's regerror
	}
	switch {
	case strings.Contains(msg, "missing closing ]"), strings.Contains(msg, "Unmatched ["):
		return "Unmatched [ or [^"
	case strings.Contains(msg, "missing closing )"), strings.Contains(msg, "Unmatched ("):
		return "Unmatched ( or \\("
	case strings.Contains(msg, "unexpected )"), strings.Contains(msg, "Unmatched )"):
		return "Unmatched ) or \\)"
	case strings.Contains(msg, "missing argument to repetition"), strings.Contains(msg, "Invalid preceding"):
		return "Invalid preceding regular expression"
	case strings.Contains(msg, "trailing backslash"), strings.Contains(msg, "Trailing backslash"):
		return "Trailing backslash"
	}
	return "Invalid regular expression"
}

// regexEscapes turns \t, \n and friends of a regex literal into the
// characters they stand for; other escapes are left to the compiler.
func regexEscapes(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch c := s[i+1]; c {
		case 'n', 't', 'r', 'f', 'v', 'a':
			_, t, _ := escape(s[i+1:])
			b.WriteString(t)
			i++
		case '"':
			b.WriteByte('"')
			i++
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// literalBraces escapes { and } outside bracket expressions: gawk 3.1.5
// reads them literally unless --re-interval is given.
func literalBraces(s string) string {
	if !strings.ContainsAny(s, "{}") {
		return s
	}
	var b strings.Builder
	inBracket := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			b.WriteByte(c)
			b.WriteByte(s[i+1])
			i++
			continue
		case c == '[' && !inBracket:
			inBracket = true
			b.WriteByte(c)
			if i+1 < len(s) && s[i+1] == '^' {
				b.WriteByte('^')
				i++
			}
			if i+1 < len(s) && s[i+1] == ']' {
				b.WriteByte(']')
				i++
			}
			continue
		case c == ']' && inBracket:
			inBracket = false
		case (c == '{' || c == '}') && !inBracket:
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ---- functions

func (in *interp) call(e *callExpr) value {
	fd := e.fn
	if fd == nil {
		in.fatalf("function `%s' not defined", e.name)
	}
	if len(e.args) > len(fd.params) {
		in.fatalf("function `%s' called with more arguments than declared", fd.name)
	}
	if in.callDepth > 2000 {
		in.fatalf("function `%s': call nesting too deep", fd.name)
	}
	frame := make([]*cell, len(fd.params))
	for i := range frame {
		if i >= len(e.args) {
			frame[i] = &cell{}
			continue
		}
		if ref, ok := e.args[i].(*varRef); ok && ref.scope != scopeSpecial {
			c := in.cellOf(ref)
			switch {
			case c.isArr:
				frame[i] = c
			case c.v.k == kUninit:
				frame[i] = &cell{ref: c}
			default:
				frame[i] = &cell{v: c.v}
			}
			continue
		}
		frame[i] = &cell{v: in.eval(e.args[i])}
	}
	saveFrame, savePos := in.frame, in.pos
	in.frame = frame
	in.callDepth++
	in.retVal = value{}
	in.execList(fd.body)
	in.callDepth--
	in.frame, in.pos = saveFrame, savePos
	v := in.retVal
	in.retVal = value{}
	return v
}

// ---- getline

func (in *interp) getline(e *getlineExpr) int {
	switch e.kind {
	case getPlain:
		rec, ok := in.nextMainRecord()
		if !ok {
			return 0
		}
		in.nr++
		in.fnr++
		in.setInput(e.lhs, rec)
		return 1
	case getFile:
		name := in.toStr(in.eval(e.src))
		r, ok := in.inputs[name]
		if !ok {
			switch {
			case name == "-" || name == "/dev/stdin":
				r = in.stdinRec()
			case in.cfg.Open == nil:
				return -1
			default:
				rc, err := in.cfg.Open(name)
				if err != nil {
					return -1
				}
				r = newRecReader(name, rc, rc)
			}
			in.inputs[name] = r
		}
		rec, ok := in.readRecord(r)
		if !ok {
			return 0
		}
		in.setInput(e.lhs, rec)
		return 1
	}
	cmd := in.toStr(in.eval(e.src))
	r, ok := in.cmdInputs[cmd]
	if !ok {
		if in.cfg.Exec == nil {
			in.fatalf("can't open pipe `%s' for input (Function not implemented)", cmd)
		}
		in.stdout.Flush()
		var buf bytes.Buffer
		status := in.cfg.Exec(cmd, strings.NewReader(""), &buf)
		r = newRecReader(cmd, &buf, nil)
		r.status = status
		in.cmdInputs[cmd] = r
	}
	rec, ok := in.readRecord(r)
	if !ok {
		return 0
	}
	in.nr++
	in.setInput(e.lhs, rec)
	return 1
}

func (in *interp) setInput(lhs Expr, rec string) {
	if lhs == nil {
		in.setRecord(rec)
		return
	}
	in.store(in.lvalue(lhs), strnum(rec))
}

// ---- built-in functions

func (in *interp) runeIndex(s string, byteOff int) int {
	return utf8.RuneCountInString(s[:byteOff])
}

func (in *interp) builtin(e *builtinExpr) value {
	args := e.args
	switch e.name {
	case "length":
		if len(args) == 0 {
			return num(float64(utf8.RuneCountInString(in.record)))
		}
		if ref, ok := args[0].(*varRef); ok && ref.scope != scopeSpecial {
			if c := in.cellOf(ref); c.isArr {
				return num(float64(len(c.arr)))
			}
		}
		return num(float64(utf8.RuneCountInString(in.toStr(in.eval(args[0])))))
	case "substr":
		return str(in.substr(args))
	case "index":
		s := in.toStr(in.eval(args[0]))
		t := in.toStr(in.eval(args[1]))
		i := strings.Index(s, t)
		if i < 0 {
			return num(0)
		}
		return num(float64(in.runeIndex(s, i) + 1))
	case "split":
		s := in.toStr(in.eval(args[0]))
		arr := in.arrayOf(args[1].(*varRef))
		var parts []string
		switch {
		case len(args) < 3:
			parts = in.splitFields(s, false)
		default:
			if r, ok := args[2].(*regexLit); ok {
				parts = splitRegex(s, in.compile(r.src, true))
				break
			}
			fs := in.toStr(in.eval(args[2]))
			saveMode, saveChar, saveRe := in.fsMode, in.fsChar, in.fsRe
			in.setFS(fs)
			parts = in.splitFields(s, false)
			in.fsMode, in.fsChar, in.fsRe = saveMode, saveChar, saveRe
		}
		for k := range arr {
			delete(arr, k)
		}
		for i, p := range parts {
			arr[strconv.Itoa(i+1)] = strnum(p)
		}
		return num(float64(len(parts)))
	case "sub", "gsub":
		return num(float64(in.sub(args, e.name == "gsub")))
	case "match":
		s := in.toStr(in.eval(args[0]))
		re := in.regexOf(args[1])
		m := re.FindStringIndex(s)
		if m == nil {
			in.sp[spRSTART], in.sp[spRLENGTH] = num(0), num(-1)
			return num(0)
		}
		start := in.runeIndex(s, m[0]) + 1
		in.sp[spRSTART] = num(float64(start))
		in.sp[spRLENGTH] = num(float64(utf8.RuneCountInString(s[m[0]:m[1]])))
		return num(float64(start))
	case "sprintf":
		vals := make([]value, len(args))
		for i, a := range args {
			vals[i] = in.eval(a)
		}
		return str(in.format(in.toStr(vals[0]), vals[1:]))
	case "tolower":
		return str(strings.ToLower(in.toStr(in.eval(args[0]))))
	case "toupper":
		return str(strings.ToUpper(in.toStr(in.eval(args[0]))))
	case "int":
		return num(math.Trunc(toNum(in.eval(args[0]))))
	case "sqrt":
		x := toNum(in.eval(args[0]))
		if x < 0 {
			return num(negNaN())
		}
		return num(math.Sqrt(x))
	case "exp":
		return num(math.Exp(toNum(in.eval(args[0]))))
	case "log":
		x := toNum(in.eval(args[0]))
		if x < 0 {
			return num(negNaN())
		}
		return num(math.Log(x))
	case "sin":
		return num(math.Sin(toNum(in.eval(args[0]))))
	case "cos":
		return num(math.Cos(toNum(in.eval(args[0]))))
	case "atan2":
		y := toNum(in.eval(args[0]))
		return num(math.Atan2(y, toNum(in.eval(args[1]))))
	case "rand":
		return num(in.rnd.float())
	case "srand":
		prev := in.seed
		seed := 0.0
		if len(args) > 0 {
			seed = toNum(in.eval(args[0]))
		}
		in.seed = math.Trunc(seed)
		in.rnd.seed(uint32(int64(clampExit(seed))))
		return num(prev)
	case "close":
		return num(float64(in.closeStream(in.toStr(in.eval(args[0])))))
	case "fflush":
		in.stdout.Flush()
		return num(0)
	case "system":
		cmd := in.toStr(in.eval(args[0]))
		in.stdout.Flush()
		if in.cfg.Exec == nil {
			in.fatalf("system: cannot run `%s' (Function not implemented)", cmd)
		}
		return num(float64(in.cfg.Exec(cmd, strings.NewReader(""), in.cfg.Stdout)))
	}
	in.fatalf("function `%s' not defined", e.name)
	return value{}
}

func negNaN() float64 { return math.Float64frombits(0xfff8000000000000) }

func (in *interp) substr(args []Expr) string {
	s := in.toStr(in.eval(args[0]))
	m := math.RoundToEven(toNum(in.eval(args[1])))
	var end float64
	runes := []rune(s)
	if len(args) == 3 {
		n := toNum(in.eval(args[2]))
		if math.IsNaN(n) {
			return ""
		}
		end = m + math.RoundToEven(n)
	} else {
		end = float64(len(runes) + 1)
	}
	if math.IsNaN(m) {
		return ""
	}
	if m < 1 {
		m = 1
	}
	if end > float64(len(runes)+1) {
		end = float64(len(runes) + 1)
	}
	if end <= m {
		return ""
	}
	return string(runes[int(m)-1 : int(end)-1])
}

// sub implements sub and gsub with gawk 3.1's rules for & and \ in the
// replacement.
func (in *interp) sub(args []Expr, global bool) int {
	re := in.regexOf(args[0])
	repl := in.toStr(in.eval(args[1]))
	var target lval
	if len(args) == 3 {
		target = in.lvalue(args[2])
	} else {
		target = lval{kind: 2, field: 0}
	}
	s := in.toStr(in.load(target))
	var matches [][]int
	if global {
		matches = re.FindAllStringIndex(s, -1)
	} else if m := re.FindStringIndex(s); m != nil {
		matches = [][]int{m}
	}
	if len(matches) == 0 {
		return 0
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		b.WriteString(s[last:m[0]])
		matched := s[m[0]:m[1]]
		for i := 0; i < len(repl); i++ {
			c := repl[i]
			switch {
			case c == '&':
				b.WriteString(matched)
			case c == '\\' && strings.HasPrefix(repl[i:], `\\\&`):
				b.WriteString(`\&`)
				i += 3
			case c == '\\' && strings.HasPrefix(repl[i:], `\\&`):
				b.WriteByte('\\')
				b.WriteString(matched)
				i += 2
			case c == '\\' && strings.HasPrefix(repl[i:], `\&`):
				b.WriteByte('&')
				i++
			default:
				b.WriteByte(c)
			}
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	in.store(target, str(b.String()))
	return len(matches)
}
