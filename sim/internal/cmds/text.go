package cmds

// The text filters of CentOS 5: cat, tac, head, tail, more, less, wc, cut,
// tr, tee, xargs, yes, seq, uniq, nl, rev, fold, paste, expand, md5sum and
// diff, as coreutils 5.97, findutils 4.2.27, util-linux 2.13 and
// diffutils 2.8.1 behave.
//
// Filters stream: they read their input in chunks and write as they go,
// flushing their output before each read, so that `yes | head -1` ends and
// typing into `cat` echoes each line. A failed write (the reader of a pipe
// went away) or a Ctrl-C stops them quietly.

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	for _, c := range []Command{
		{Name: "cat", Dirs: []string{"/bin"}, Summary: "concatenate files and print on the standard output", Usage: "cat [OPTION] [FILE]...", Main: catMain},
		{Name: "tac", Dirs: []string{"/usr/bin"}, Summary: "concatenate and print files in reverse", Usage: "tac [OPTION]... [FILE]...", Main: tacMain},
		{Name: "head", Dirs: []string{"/usr/bin"}, Summary: "output the first part of files", Usage: "head [OPTION]... [FILE]...", Main: headMain},
		{Name: "tail", Dirs: []string{"/usr/bin"}, Summary: "output the last part of files", Usage: "tail [OPTION]... [FILE]...", Main: tailMain},
		{Name: "more", Dirs: []string{"/bin"}, Summary: "file perusal filter for crt viewing", Usage: "more [options] file...", Main: moreMain},
		{Name: "less", Dirs: []string{"/usr/bin"}, Summary: "opposite of more", Usage: "less [options] [file]...", Main: lessMain},
		{Name: "wc", Dirs: []string{"/usr/bin"}, Summary: "print the number of newlines, words, and bytes in files", Usage: "wc [OPTION]... [FILE]...", Main: wcMain},
		{Name: "cut", Dirs: []string{"/bin"}, Summary: "remove sections from each line of files", Usage: "cut [OPTION]... [FILE]...", Main: cutMain},
		{Name: "tr", Dirs: []string{"/usr/bin"}, Summary: "translate or delete characters", Usage: "tr [OPTION]... SET1 [SET2]", Main: trMain},
		{Name: "tee", Dirs: []string{"/usr/bin"}, Summary: "read from standard input and write to standard output and files", Usage: "tee [OPTION]... [FILE]...", Main: teeMain},
		{Name: "xargs", Dirs: []string{"/usr/bin"}, Summary: "build and execute command lines from standard input", Usage: "xargs [OPTION]... [COMMAND [INITIAL-ARGS]...]", Main: xargsMain},
		{Name: "yes", Dirs: []string{"/usr/bin"}, Summary: "output a string repeatedly until killed", Usage: "yes [STRING]...", Main: yesMain},
		{Name: "seq", Dirs: []string{"/usr/bin"}, Summary: "print a sequence of numbers", Usage: "seq [OPTION]... [FIRST [INCREMENT]] LAST", Main: seqMain},
		{Name: "uniq", Dirs: []string{"/usr/bin"}, Summary: "report or omit repeated lines", Usage: "uniq [OPTION]... [INPUT [OUTPUT]]", Main: uniqMain},
		{Name: "nl", Dirs: []string{"/usr/bin"}, Summary: "number lines of files", Usage: "nl [OPTION]... [FILE]...", Main: nlMain},
		{Name: "rev", Dirs: []string{"/usr/bin"}, Summary: "reverse lines of a file or files", Usage: "rev [file ...]", Main: revMain},
		{Name: "fold", Dirs: []string{"/usr/bin"}, Summary: "wrap each input line to fit in specified width", Usage: "fold [OPTION]... [FILE]...", Main: foldMain},
		{Name: "paste", Dirs: []string{"/usr/bin"}, Summary: "merge lines of files", Usage: "paste [OPTION]... [FILE]...", Main: pasteMain},
		{Name: "expand", Dirs: []string{"/usr/bin"}, Summary: "convert tabs to spaces", Usage: "expand [OPTION]... [FILE]...", Main: expandMain},
		{Name: "od", Dirs: []string{"/usr/bin"}, Summary: "dump files in octal and other formats", Usage: "od [OPTION]... [FILE]...", Main: odMain},
		{Name: "md5sum", Dirs: []string{"/usr/bin"}, Summary: "compute and check MD5 message digest", Usage: "md5sum [OPTION] [FILE]...", Main: md5sumMain},
		{Name: "diff", Dirs: []string{"/usr/bin"}, Summary: "find differences between two files", Usage: "diff [OPTION]... FILES", Main: diffMain},
	} {
		Register(c)
	}
}

// ---------------------------------------------------------------------
// Shared helpers (prefixed txt).

// errTxtStop ends a filter quietly: its output went away or it was
// interrupted.
var errTxtStop = errors.New("stop")

// txtAuthors are the "Written by" lines of coreutils 5.97.
var txtAuthors = map[string]string{
	"cat":    "Torbjorn Granlund and Richard M. Stallman",
	"tac":    "Jay Lepreau and David MacKenzie",
	"head":   "David MacKenzie and Jim Meyering",
	"tail":   "Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering",
	"wc":     "Paul Rubin and David MacKenzie",
	"cut":    "David Ihnat, David MacKenzie, and Jim Meyering",
	"tr":     "Jim Meyering",
	"tee":    "Mike Parker, Richard M. Stallman, and David MacKenzie",
	"yes":    "David MacKenzie",
	"seq":    "Ulrich Drepper",
	"uniq":   "Richard Stallman and David MacKenzie",
	"nl":     "Scott Bartram and David MacKenzie",
	"fold":   "David MacKenzie",
	"paste":  "David M. Ihnat and David MacKenzie",
	"expand": "David MacKenzie",
	"md5sum": "Ulrich Drepper, Scott Miller, and David Madore",
	"od":     "Jim Meyering",
	"sort":   "Mike Haertel and Paul Eggert",
}

// txtVersion prints coreutils 5.97's --version text for the program.
func txtVersion(p *Proc) int {
	name := p.Name()
	fmt.Fprintf(p.Stdout, "%s (GNU coreutils) 5.97\n"+
		"Copyright (C) 2006 Free Software Foundation, Inc.\n"+
		"This is free software.  You may redistribute copies of it under the terms of\n"+
		"the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n"+
		"There is NO WARRANTY, to the extent permitted by law.\n\n"+
		"Written by %s.\n", name, txtAuthors[name])
	return 0
}

// txtHelp prints a short --help text: the usage line, a summary and the
// option lines given.
func txtHelp(p *Proc, usage, summary, options string) int {
	fmt.Fprintf(p.Stdout, "Usage: %s %s\n%s\n\n%s", p.Name(), usage, summary, options)
	if !strings.HasSuffix(options, "\n") {
		fmt.Fprintln(p.Stdout)
	}
	fmt.Fprintf(p.Stdout, "      --help     display this help and exit\n      --version  output version information and exit\n\nReport bugs to <bug-coreutils@gnu.org>.\n")
	return 0
}

// txtStd are the --help and --version long options every coreutils
// program takes.
var txtStd = []LongOpt{{"help", NoArg, 0}, {"version", NoArg, 0}}

// txtLong appends the standard long options to lo.
func txtLong(lo ...LongOpt) []LongOpt { return append(lo, txtStd...) }

// txtReader is an input that flushes the program's output before each
// read (interactive use, pipes) and stops when the output fails or the
// program is interrupted.
type txtReader struct {
	p *Proc
	r io.Reader
	w *bufio.Writer
}

func (t *txtReader) Read(b []byte) (int, error) {
	if t.w != nil && t.w.Buffered() > 0 {
		if err := t.w.Flush(); err != nil {
			return 0, errTxtStop
		}
	}
	if t.p.Canceled() {
		return 0, errTxtStop
	}
	if t.r == nil {
		return 0, io.EOF
	}
	return t.r.Read(b)
}

// txtOpen opens operand name for reading ("-" is standard input); w, when
// set, is flushed before each read. The returned function closes it.
func txtOpen(p *Proc, name string, w *bufio.Writer) (io.Reader, func(), error) {
	if name == "-" {
		return &txtReader{p, p.Stdin, w}, func() {}, nil
	}
	abs := p.Abs(name)
	f, err := p.userFS().Open(abs)
	if err != nil {
		return nil, nil, err
	}
	return &txtReader{p, f, w}, func() { f.Close() }, nil
}

// txtRead returns the whole content of operand name ("-" is standard
// input).
func txtRead(p *Proc, name string) ([]byte, error) {
	r, closer, err := txtOpen(p, name, nil)
	if err != nil {
		return nil, err
	}
	defer closer()
	return io.ReadAll(r)
}

// txtIsStop reports whether err means the program should just end.
func txtIsStop(err error) bool { return errors.Is(err, errTxtStop) }

// txtEachLine calls fn with each line of r, its newline included (the
// last line may lack one), until fn returns false. It returns the read
// error, if any.
func txtEachLine(r io.Reader, fn func(line []byte) bool) error {
	br := bufio.NewReaderSize(r, 32<<10)
	var long []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long, chunk...)
			continue
		}
		line := chunk
		if long != nil {
			long = append(long, chunk...)
			line = long
		}
		if len(line) > 0 && !fn(line) {
			return nil
		}
		long = long[:0:0]
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// txtOut is a filter's buffered standard output.
func txtOut(p *Proc) *bufio.Writer { return bufio.NewWriterSize(p.Stdout, 32<<10) }

// txtFinish flushes w and returns status, or 1 when the output failed.
func txtFinish(w *bufio.Writer, status int) int {
	if err := w.Flush(); err != nil && status == 0 {
		return 1
	}
	return status
}

// txtErr prints "prog: name: strerror" unless err only means stop; it
// flushes w first so messages and output keep their order.
func txtErr(p *Proc, w *bufio.Writer, name string, err error) {
	if txtIsStop(err) {
		return
	}
	if w != nil {
		w.Flush()
	}
	p.Errorf("%s: %s", name, Strerror(err))
}

// txtOperands returns the operands, or "-" when there are none.
func txtOperands(operands []string) []string {
	if len(operands) == 0 {
		return []string{"-"}
	}
	return operands
}

// txtQuote quotes a name as coreutils 5.97's quote() does: `name'.
func txtQuote(s string) string { return "`" + s + "'" }

// txtFnmatch matches name against a shell glob (* ? [...]) without
// FNM_PATHNAME: * also matches '/'.
func txtFnmatch(pattern, name string) bool {
	for len(pattern) > 0 {
		switch pattern[0] {
		case '*':
			for len(pattern) > 0 && pattern[0] == '*' {
				pattern = pattern[1:]
			}
			if pattern == "" {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if txtFnmatch(pattern, name[i:]) {
					return true
				}
			}
			return false
		case '?':
			if name == "" {
				return false
			}
			_, n := utf8.DecodeRuneInString(name)
			pattern, name = pattern[1:], name[n:]
		case '[':
			if name == "" {
				return false
			}
			r, n := utf8.DecodeRuneInString(name)
			ok, rest, valid := txtBracket(pattern, r)
			if !valid {
				if name[0] != '[' {
					return false
				}
				pattern, name = pattern[1:], name[1:]
				continue
			}
			if !ok {
				return false
			}
			pattern, name = rest, name[n:]
		case '\\':
			if len(pattern) > 1 {
				pattern = pattern[1:]
			}
			fallthrough
		default:
			if name == "" || name[0] != pattern[0] {
				return false
			}
			pattern, name = pattern[1:], name[1:]
		}
	}
	return name == ""
}

// txtBracket matches r against the bracket expression at the start of
// pattern, returning the rest of the pattern; valid is false when the
// bracket is not closed.
func txtBracket(pattern string, r rune) (ok bool, rest string, valid bool) {
	i := 1
	negate := false
	if i < len(pattern) && (pattern[i] == '!' || pattern[i] == '^') {
		negate = true
		i++
	}
	first := true
	for i < len(pattern) {
		if pattern[i] == ']' && !first {
			return ok != negate, pattern[i+1:], true
		}
		first = false
		lo, n := utf8.DecodeRuneInString(pattern[i:])
		i += n
		hi := lo
		if i+1 < len(pattern) && pattern[i] == '-' && pattern[i+1] != ']' {
			hi, n = utf8.DecodeRuneInString(pattern[i+1:])
			i += 1 + n
		}
		if lo <= r && r <= hi {
			ok = true
		}
	}
	return false, "", false
}

// txtParseCount parses a count with coreutils' suffixes b (512), k (1024)
// and m (1048576).
func txtParseCount(s string) (uint64, bool) {
	mult := uint64(1)
	switch {
	case strings.HasSuffix(s, "b"):
		mult, s = 512, s[:len(s)-1]
	case strings.HasSuffix(s, "k"):
		mult, s = 1024, s[:len(s)-1]
	case strings.HasSuffix(s, "m"):
		mult, s = 1<<20, s[:len(s)-1]
	}
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return n * mult, true
}

// ---------------------------------------------------------------------
// cat

// txtCatOpts are cat's formatting options.
type txtCatOpts struct {
	number, nonblank, squeeze, ends, tabs, nonprint bool
}

// txtCatState carries cat's line state across files, as cat does.
type txtCatState struct {
	lineStart bool
	blanks    int
	num       int
}

func (o *txtCatOpts) plain() bool {
	return !o.number && !o.nonblank && !o.squeeze && !o.ends && !o.tabs && !o.nonprint
}

// format writes chunk to w with cat's options.
func (o *txtCatOpts) format(w *bufio.Writer, st *txtCatState, chunk []byte) {
	for _, c := range chunk {
		if st.lineStart {
			if c == '\n' {
				st.blanks++
				if o.squeeze && st.blanks > 1 {
					continue
				}
				if o.number && !o.nonblank {
					st.num++
					fmt.Fprintf(w, "%6d\t", st.num)
				}
				if o.ends {
					w.WriteByte('$')
				}
				w.WriteByte('\n')
				continue
			}
			st.blanks = 0
			if o.number || o.nonblank {
				st.num++
				fmt.Fprintf(w, "%6d\t", st.num)
			}
			st.lineStart = false
		}
		switch {
		case c == '\n':
			if o.ends {
				w.WriteByte('$')
			}
			w.WriteByte('\n')
			st.lineStart = true
		case c == '\t':
			if o.tabs {
				w.WriteString("^I")
			} else {
				w.WriteByte('\t')
			}
		case !o.nonprint:
			w.WriteByte(c)
		case c >= 128:
			w.WriteString("M-")
			c -= 128
			switch {
			case c < 32:
				w.WriteByte('^')
				w.WriteByte(c + 64)
			case c == 127:
				w.WriteString("^?")
			default:
				w.WriteByte(c)
			}
		case c < 32:
			w.WriteByte('^')
			w.WriteByte(c + 64)
		case c == 127:
			w.WriteString("^?")
		default:
			w.WriteByte(c)
		}
	}
}

// txtCat copies the named inputs to w with options o; it returns 1 when
// an input failed. onErr reports a failure.
func txtCat(p *Proc, w *bufio.Writer, names []string, o *txtCatOpts, header func(name string)) int {
	status := 0
	st := &txtCatState{lineStart: true}
	bp := getIOBuf()
	defer putIOBuf(bp)
	buf := *bp
	// cat f >> f would never end: refuse, as cat does, when standard
	// output is the regular file being read.
	var outIno uint64
	if so, ok := p.Stdout.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := so.Stat(); err == nil && fi.Mode().IsRegular() {
			outIno = grepIno(fi)
		}
	}
	for _, name := range names {
		if outIno != 0 && name != "-" {
			if fi, err := p.userFS().Stat(p.Abs(name)); err == nil && grepIno(fi) == outIno && fi.Size() > 0 {
				w.Flush()
				p.Errorf("%s: input file is output file", name)
				status = 1
				continue
			}
		}
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		if header != nil {
			header(name)
		}
		for {
			n, err := r.Read(buf)
			if n > 0 {
				if o.plain() {
					w.Write(buf[:n])
				} else {
					o.format(w, st, buf[:n])
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				closer()
				if txtIsStop(err) {
					return 1
				}
				txtErr(p, w, name, err)
				status = 1
				break
			}
		}
		closer()
	}
	return status
}

func catMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "AbeEnstTuv", txtLong(
		LongOpt{"show-all", NoArg, 'A'}, LongOpt{"number-nonblank", NoArg, 'b'},
		LongOpt{"show-ends", NoArg, 'E'}, LongOpt{"number", NoArg, 'n'},
		LongOpt{"squeeze-blank", NoArg, 's'}, LongOpt{"show-tabs", NoArg, 'T'},
		LongOpt{"show-nonprinting", NoArg, 'v'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var o txtCatOpts
	for _, op := range opts {
		switch op.Name {
		case "A":
			o.nonprint, o.ends, o.tabs = true, true, true
		case "b":
			o.nonblank = true
		case "e":
			o.nonprint, o.ends = true, true
		case "E":
			o.ends = true
		case "n":
			o.number = true
		case "s":
			o.squeeze = true
		case "t":
			o.nonprint, o.tabs = true, true
		case "T":
			o.tabs = true
		case "v":
			o.nonprint = true
		case "help":
			return txtHelp(p, "[OPTION] [FILE]...", "Concatenate FILE(s), or standard input, to standard output.",
				"  -A, --show-all           equivalent to -vET\n"+
					"  -b, --number-nonblank    number nonblank output lines\n"+
					"  -e                       equivalent to -vE\n"+
					"  -E, --show-ends          display $ at end of each line\n"+
					"  -n, --number             number all output lines\n"+
					"  -s, --squeeze-blank      never more than one single blank line\n"+
					"  -t                       equivalent to -vT\n"+
					"  -T, --show-tabs          display TAB characters as ^I\n"+
					"  -u                       (ignored)\n"+
					"  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := getOut(p.Stdout)
	defer putOut(w)
	status := txtCat(p, w, txtOperands(operands), &o, nil)
	return txtFinish(w, status)
}

// more and less: at the rclab app's console they open a pager
// (fullscreen.go); elsewhere they behave as cat does.

func moreMain(p *Proc) int {
	var files []string
	var squeeze bool
	for _, a := range p.Args[1:] {
		switch {
		case a == "-V":
			fmt.Fprintln(p.Stdout, "more (util-linux 2.13-pre7)")
			return 0
		case strings.HasPrefix(a, "-") && len(a) > 1, strings.HasPrefix(a, "+"):
			// -dlfpcsu, -NUM, +NUM, +/pattern: paging options, no effect
			// here but for -s at a screen.
			squeeze = squeeze || a[0] == '-' && strings.IndexByte(a, 's') > 0
		default:
			files = append(files, a)
		}
	}
	if (len(files) > 0 || p.Stdin != nil) && screenReady(p) {
		return moreScreen(p, files, squeeze)
	}
	w := txtOut(p)
	if len(files) == 0 {
		if p.Stdin == nil {
			fmt.Fprintln(p.Stderr, "usage: more [-dflpcsu] [+linenum | +/pattern] name1 name2 ...")
			return 1
		}
		txtCat(p, w, []string{"-"}, &txtCatOpts{}, nil)
		return txtFinish(w, 0)
	}
	var ok []string
	for _, f := range files {
		fi, err := p.userFS().Stat(p.Abs(f))
		switch {
		case err != nil:
			w.Flush()
			fmt.Fprintf(p.Stderr, "%s: %s\n", f, Strerror(err))
		case fi.IsDir():
			fmt.Fprintf(w, "\n*** %s: directory ***\n\n", f)
		default:
			ok = append(ok, f)
		}
	}
	var header func(string)
	if len(files) > 1 {
		header = func(name string) {
			fmt.Fprintf(w, "::::::::::::::\n%s\n::::::::::::::\n", name)
		}
	}
	txtCat(p, w, ok, &txtCatOpts{}, header)
	return txtFinish(w, 0)
}

func lessMain(p *Proc) int {
	var files []string
	var flags lessFlags
	for i := 1; i < len(p.Args); i++ {
		a := p.Args[i]
		switch {
		case a == "-V" || a == "--version":
			fmt.Fprintf(p.Stdout, "less 394\nCopyright (C) 1984-2005 Mark Nudelman\n\n"+
				"less comes with NO WARRANTY, to the extent permitted by law.\n"+
				"For information about the terms of redistribution,\n"+
				"see the file named README in the less distribution.\n"+
				"Homepage: http://www.greenwoodsoftware.com/less\n")
			return 0
		case a == "--":
			files = append(files, p.Args[i+1:]...)
			i = len(p.Args)
		case len(a) == 2 && strings.IndexByte("bhjkoOpPtTxyz#", a[1]) >= 0 && a[0] == '-':
			i++ // an option with its argument apart: -p pattern, -x 4
		case strings.HasPrefix(a, "-") && len(a) > 1, strings.HasPrefix(a, "+"):
			// Display options: no effect without a pager.
			flags.option(a)
		default:
			files = append(files, a)
		}
	}
	w := txtOut(p)
	if len(files) == 0 {
		if p.Stdin == nil {
			fmt.Fprintln(p.Stderr, `Missing filename ("less --help" for help)`)
			return 1
		}
		files = []string{"-"}
	}
	if screenReady(p) {
		return lessScreen(p, files, flags)
	}
	status := 0
	var ok []string
	for _, f := range files {
		if f == "-" {
			ok = append(ok, f)
			continue
		}
		fi, err := p.userFS().Stat(p.Abs(f))
		switch {
		case err != nil:
			w.Flush()
			fmt.Fprintf(p.Stderr, "%s: %s\n", f, Strerror(err))
			status = 1
		case fi.IsDir():
			w.Flush()
			fmt.Fprintf(p.Stderr, "%s is a directory\n", f)
			status = 1
		default:
			ok = append(ok, f)
		}
	}
	txtCat(p, w, ok, &txtCatOpts{}, nil)
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// tac

func tacMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "brs:", txtLong(
		LongOpt{"before", NoArg, 'b'}, LongOpt{"regex", NoArg, 'r'}, LongOpt{"separator", RequiredArg, 's'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	sep, before, regex := "\n", false, false
	for _, op := range opts {
		switch op.Name {
		case "b":
			before = true
		case "r":
			regex = true
		case "s":
			if op.Arg == "" {
				p.Errorf("separator cannot be empty")
				return 1
			}
			sep = op.Arg
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Write each FILE to standard output, last line first.",
				"  -b, --before             attach the separator before instead of after\n"+
					"  -r, --regex              interpret the separator as a regular expression\n"+
					"  -s, --separator=STRING   use STRING as the separator instead of newline\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := txtOut(p)
	status := 0
	for _, name := range txtOperands(operands) {
		data, err := txtRead(p, name)
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		// Separator positions.
		var seps [][2]int
		if regex {
			re, err := compilePOSIX(sep, false, false)
			if err != nil {
				w.Flush()
				p.Errorf("%s", err)
				return 1
			}
			for _, m := range re.FindAllIndex(data, -1) {
				if m[1] > m[0] {
					seps = append(seps, [2]int{m[0], m[1]})
				}
			}
		} else {
			for i := 0; ; {
				j := bytes.Index(data[i:], []byte(sep))
				if j < 0 {
					break
				}
				seps = append(seps, [2]int{i + j, i + j + len(sep)})
				i += j + len(sep)
			}
		}
		// Records: with the separator after (default) or before.
		var recs [][]byte
		prev := 0
		for _, s := range seps {
			if before {
				if s[0] > prev || prev > 0 {
					recs = append(recs, data[prev:s[0]])
				}
				prev = s[0]
			} else {
				recs = append(recs, data[prev:s[1]])
				prev = s[1]
			}
		}
		if prev < len(data) {
			recs = append(recs, data[prev:])
		}
		for i := len(recs) - 1; i >= 0; i-- {
			w.Write(recs[i])
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// head

func headMain(p *Proc) int {
	args := p.Args[1:]
	// Obsolete form: head -5, head -5c, head -2k.
	if len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' && args[0][1] >= '0' && args[0][1] <= '9' {
		a := args[0][1:]
		i := 0
		for i < len(a) && a[i] >= '0' && a[i] <= '9' {
			i++
		}
		num, rest := a[:i], a[i:]
		opt := "-n"
		var extra []string
		for _, c := range rest {
			switch c {
			case 'b', 'k', 'm':
				num += string(c)
				opt = "-c"
			case 'c':
				opt = "-c"
			case 'l':
				opt = "-n"
			case 'q':
				extra = append(extra, "-q")
			case 'v':
				extra = append(extra, "-v")
			default:
				p.Errorf("invalid option -- %c", c)
				fmt.Fprintf(p.Stderr, "Try `head --help' for more information.\n")
				return 1
			}
		}
		args = append(append([]string{opt, num}, extra...), args[1:]...)
	}
	opts, operands, err := Getopt(args, "c:n:qv", txtLong(
		LongOpt{"bytes", RequiredArg, 'c'}, LongOpt{"lines", RequiredArg, 'n'},
		LongOpt{"quiet", NoArg, 'q'}, LongOpt{"silent", NoArg, 'q'}, LongOpt{"verbose", NoArg, 'v'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var n uint64 = 10
	bytesMode, elide := false, false
	headers := len(operands) > 1
	for _, op := range opts {
		switch op.Name {
		case "c", "n":
			s := op.Arg
			elide = strings.HasPrefix(s, "-")
			s = strings.TrimPrefix(s, "-")
			v, ok := txtParseCount(s)
			if !ok {
				what := "lines"
				if op.Name == "c" {
					what = "bytes"
				}
				p.Errorf("%s: invalid number of %s", op.Arg, what)
				return 1
			}
			n, bytesMode = v, op.Name == "c"
		case "q":
			headers = false
		case "v":
			headers = true
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\nWith no FILE, or when FILE is -, read standard input.",
				"  -c, --bytes=[-]N         print the first N bytes of each file;\n"+
					"                             with the leading `-', print all but the last\n"+
					"                             N bytes of each file\n"+
					"  -n, --lines=[-]N         print the first N lines instead of the first 10;\n"+
					"                             with the leading `-', print all but the last\n"+
					"                             N lines of each file\n"+
					"  -q, --quiet, --silent    never print headers giving file names\n"+
					"  -v, --verbose            always print headers giving file names\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := txtOut(p)
	status := 0
	first := true
	for _, name := range txtOperands(operands) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			w.Flush()
			p.Errorf("cannot open %s for reading: %s", txtQuote(name), Strerror(err))
			status = 1
			continue
		}
		if headers {
			pretty := name
			if name == "-" {
				pretty = "standard input"
			}
			if !first {
				w.WriteByte('\n')
			}
			fmt.Fprintf(w, "==> %s <==\n", pretty)
		}
		first = false
		err = txtHead(r, w, n, bytesMode, elide)
		closer()
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			w.Flush()
			p.Errorf("error reading %s: %s", txtQuote(name), Strerror(err))
			status = 1
		}
	}
	return txtFinish(w, status)
}

// txtHead copies the first n lines or bytes of r to w, or all but the
// last n when elide. It reads no more than it needs.
func txtHead(r io.Reader, w *bufio.Writer, n uint64, bytesMode, elide bool) error {
	if elide {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		if bytesMode {
			if uint64(len(data)) > n {
				w.Write(data[:uint64(len(data))-n])
			}
			return nil
		}
		// All but the last n lines.
		w.Write(data[:len(data)-len(txtTail(data, n, false, false))])
		return nil
	}
	buf := make([]byte, 32<<10)
	left := n
	for left > 0 {
		want := len(buf)
		if bytesMode && uint64(want) > left {
			want = int(left)
		}
		m, err := r.Read(buf[:want])
		chunk := buf[:m]
		if bytesMode {
			w.Write(chunk)
			left -= uint64(m)
		} else {
			for len(chunk) > 0 && left > 0 {
				i := bytes.IndexByte(chunk, '\n')
				if i < 0 {
					w.Write(chunk)
					break
				}
				w.Write(chunk[:i+1])
				chunk = chunk[i+1:]
				left--
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ---------------------------------------------------------------------
// tail

func tailMain(p *Proc) int {
	args := p.Args[1:]
	// Obsolete form: tail -5, tail -5f, tail -3c FILE (one file at most).
	if len(args) > 0 && len(args) <= 2 && len(args[0]) > 1 && args[0][0] == '-' && txtIsDigit(args[0][1]) &&
		(len(args) == 1 || !strings.HasPrefix(args[1], "-") || args[1] == "-") {
		a := args[0][1:]
		i := 0
		for i < len(a) && a[i] >= '0' && a[i] <= '9' {
			i++
		}
		num, rest := a[:i], a[i:]
		opt := "-n"
		var extra []string
		if rest != "" && strings.IndexByte("bcl", rest[0]) >= 0 {
			switch rest[0] {
			case 'b':
				num += "b"
				opt = "-c"
			case 'c':
				opt = "-c"
			}
			rest = rest[1:]
		}
		if rest == "f" {
			extra = append(extra, "-f")
			rest = ""
		}
		if rest == "" {
			args = append(append([]string{opt, num}, extra...), args[1:]...)
		}
	}
	opts, operands, err := Getopt(args, "c:n:fFqvs:", txtLong(
		LongOpt{"bytes", RequiredArg, 'c'}, LongOpt{"lines", RequiredArg, 'n'},
		LongOpt{"follow", OptionalArg, 'f'}, LongOpt{"quiet", NoArg, 'q'},
		LongOpt{"silent", NoArg, 'q'}, LongOpt{"verbose", NoArg, 'v'},
		LongOpt{"sleep-interval", RequiredArg, 's'}, LongOpt{"pid", RequiredArg, 0},
		LongOpt{"retry", NoArg, 0}, LongOpt{"max-unchanged-stats", RequiredArg, 0}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var n uint64 = 10
	bytesMode, fromStart := false, false
	headers := len(operands) > 1
	for _, op := range opts {
		switch op.Name {
		case "c", "n":
			s := op.Arg
			fromStart = strings.HasPrefix(s, "+")
			s = strings.TrimLeft(s, "+-")
			v, ok := txtParseCount(s)
			if !ok {
				what := "lines"
				if op.Name == "c" {
					what = "bytes"
				}
				p.Errorf("%s: invalid number of %s", op.Arg, what)
				return 1
			}
			n, bytesMode = v, op.Name == "c"
		case "q":
			headers = false
		case "v":
			headers = true
		case "f", "F":
			// Following is not simulated: tail -f prints the file and
			// returns at once, as if interrupted right away.
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\nWith no FILE, or when FILE is -, read standard input.",
				"  -c, --bytes=N            output the last N bytes\n"+
					"  -f, --follow[={name|descriptor}]\n"+
					"                           output appended data as the file grows\n"+
					"  -n, --lines=N            output the last N lines, instead of the last 10\n"+
					"  -q, --quiet, --silent    never output headers giving file names\n"+
					"  -v, --verbose            always output headers giving file names\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := txtOut(p)
	status := 0
	first := true
	for _, name := range txtOperands(operands) {
		pretty := name
		if name == "-" {
			pretty = "standard input"
		}
		data, err := txtRead(p, name)
		if err != nil && txtIsStop(err) {
			return 1
		}
		var pe *fs.PathError
		if err != nil && errors.As(err, &pe) && pe.Op == "open" {
			w.Flush()
			p.Errorf("cannot open %s for reading: %s", txtQuote(pretty), Strerror(err))
			status = 1
			continue
		}
		if headers {
			if !first {
				w.WriteByte('\n')
			}
			fmt.Fprintf(w, "==> %s <==\n", pretty)
		}
		first = false
		if err != nil {
			w.Flush()
			p.Errorf("error reading %s: %s", txtQuote(pretty), Strerror(err))
			status = 1
			continue
		}
		w.Write(txtTail(data, n, bytesMode, fromStart))
	}
	return txtFinish(w, status)
}

// txtTail returns the last n lines or bytes of data, or everything from
// line or byte n (1-based) when fromStart.
func txtTail(data []byte, n uint64, bytesMode, fromStart bool) []byte {
	if bytesMode {
		if fromStart {
			if n == 0 {
				n = 1
			}
			if n-1 >= uint64(len(data)) {
				return nil
			}
			return data[n-1:]
		}
		if n >= uint64(len(data)) {
			return data
		}
		return data[uint64(len(data))-n:]
	}
	if fromStart {
		pos := 0
		for i := uint64(1); i < n && pos < len(data); i++ {
			j := bytes.IndexByte(data[pos:], '\n')
			if j < 0 {
				return nil
			}
			pos += j + 1
		}
		return data[pos:]
	}
	if n == 0 {
		return nil
	}
	end := len(data)
	if end > 0 && data[end-1] == '\n' {
		end-- // the final newline ends the last line
	}
	start := end
	for i := uint64(0); i < n; i++ {
		j := bytes.LastIndexByte(data[:start], '\n')
		if j < 0 {
			return data
		}
		start = j
	}
	return data[start+1:]
}

// ---------------------------------------------------------------------
// wc

type txtWcCounts struct {
	lines, words, chars, bytes, maxLen uint64
}

// count adds data to the counts; inWord and linePos carry state across
// chunks.
func (c *txtWcCounts) count(data []byte, inWord *bool, linePos *uint64) {
	c.bytes += uint64(len(data))
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				i++ // an encoding error is a byte, not a character
				continue
			}
		}
		i += size
		c.chars++
		sep := false
		switch r {
		case '\n':
			c.lines++
			fallthrough
		case '\r', '\f':
			*linePos = 0
			sep = true
		case '\t':
			*linePos += 8 - *linePos%8
			sep = true
		case ' ':
			*linePos++
			sep = true
		case '\v':
			sep = true
		default:
			if unicode.IsPrint(r) {
				*linePos++
				if unicode.IsSpace(r) {
					sep = true
				} else {
					*inWord = true
				}
			}
		}
		if *linePos > c.maxLen {
			c.maxLen = *linePos
		}
		if sep && *inWord {
			*inWord = false
			c.words++
		}
	}
}

func wcMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "clLmw", txtLong(
		LongOpt{"bytes", NoArg, 'c'}, LongOpt{"chars", NoArg, 'm'}, LongOpt{"lines", NoArg, 'l'},
		LongOpt{"max-line-length", NoArg, 'L'}, LongOpt{"words", NoArg, 'w'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var pl, pw, pc, pb, pL bool
	for _, op := range opts {
		switch op.Name {
		case "c":
			pb = true
		case "m":
			pc = true
		case "l":
			pl = true
		case "w":
			pw = true
		case "L":
			pL = true
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  With no FILE, or when FILE is -,\nread standard input.",
				"  -c, --bytes            print the byte counts\n"+
					"  -m, --chars            print the character counts\n"+
					"  -l, --lines            print the newline counts\n"+
					"  -L, --max-line-length  print the length of the longest line\n"+
					"  -w, --words            print the word counts\n")
		case "version":
			return txtVersion(p)
		}
	}
	if !pl && !pw && !pc && !pb && !pL {
		pl, pw, pb = true, true, true
	}
	nprint := 0
	for _, b := range []bool{pl, pw, pc, pb, pL} {
		if b {
			nprint++
		}
	}
	files := operands
	stdinOnly := len(files) == 0
	if stdinOnly {
		files = []string{"-"}
	}
	// The column width, as coreutils computes it from the sizes of the
	// inputs: the digits of their total size, at least 7 when one is not
	// a regular file, 1 for a single count of a single input.
	width := 1
	if !(len(files) == 1 && nprint == 1) {
		minWidth, total := 1, int64(0)
		for _, f := range files {
			var fi fs.FileInfo
			var err error
			if f == "-" {
				st, ok := p.Stdin.(interface{ Stat() (fs.FileInfo, error) })
				if !ok {
					minWidth = 7
					continue
				}
				fi, err = st.Stat()
			} else {
				fi, err = p.userFS().Stat(p.Abs(f))
			}
			if err != nil {
				continue
			}
			if fi.Mode().IsRegular() {
				total += fi.Size()
			} else {
				minWidth = 7
			}
		}
		for ; total >= 10; total /= 10 {
			width++
		}
		width = max(width, minWidth)
	}
	w := txtOut(p)
	write := func(c txtWcCounts, name string, named bool) {
		sep := ""
		for _, f := range []struct {
			on bool
			v  uint64
		}{{pl, c.lines}, {pw, c.words}, {pc, c.chars}, {pb, c.bytes}, {pL, c.maxLen}} {
			if f.on {
				fmt.Fprintf(w, "%s%*d", sep, width, f.v)
				sep = " "
			}
		}
		if named {
			w.WriteString(" " + name)
		}
		w.WriteByte('\n')
	}
	status := 0
	var total txtWcCounts
	buf := make([]byte, 32<<10)
	for _, name := range files {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		var c txtWcCounts
		inWord := false
		var linePos uint64
		for {
			n, err := r.Read(buf)
			c.count(buf[:n], &inWord, &linePos)
			if err == io.EOF {
				break
			}
			if err != nil {
				if txtIsStop(err) {
					closer()
					return 1
				}
				txtErr(p, w, name, err)
				status = 1
				break
			}
		}
		closer()
		if inWord {
			c.words++
		}
		total.lines += c.lines
		total.words += c.words
		total.chars += c.chars
		total.bytes += c.bytes
		total.maxLen = max(total.maxLen, c.maxLen)
		write(c, name, !stdinOnly)
	}
	if len(files) > 1 {
		write(total, "total", true)
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// cut

// txtRange is a 1-based inclusive range; hi 0 means "to the end".
type txtRange struct{ lo, hi int }

// txtParseList parses cut's LIST: N, N-, -M, N-M separated by commas or
// blanks.
func txtParseList(s string) ([]txtRange, string) {
	var out []txtRange
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		lo, hi, dash := part, part, false
		if i := strings.IndexByte(part, '-'); i >= 0 {
			lo, hi, dash = part[:i], part[i+1:], true
		}
		num := func(s string, def int) (int, bool) {
			if s == "" {
				return def, true
			}
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return 0, false
			}
			return n, true
		}
		l, ok1 := num(lo, 1)
		h, ok2 := num(hi, 0)
		if !ok1 || !ok2 || dash && lo == "" && hi == "" {
			return nil, "invalid byte or field list"
		}
		if !dash {
			h = l
		}
		if l == 0 || dash && hi != "" && h == 0 {
			return nil, "fields and positions are numbered from 1"
		}
		if h != 0 && h < l {
			return nil, "invalid byte or field list"
		}
		out = append(out, txtRange{l, h})
	}
	if len(out) == 0 {
		return nil, "invalid byte or field list"
	}
	return out, ""
}

// txtInList reports whether position i (1-based) is selected.
func txtInList(list []txtRange, i int) bool {
	for _, r := range list {
		if i >= r.lo && (r.hi == 0 || i <= r.hi) {
			return true
		}
	}
	return false
}

func cutMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "b:c:d:f:ns", txtLong(
		LongOpt{"bytes", RequiredArg, 'b'}, LongOpt{"characters", RequiredArg, 'c'},
		LongOpt{"delimiter", RequiredArg, 'd'}, LongOpt{"fields", RequiredArg, 'f'},
		LongOpt{"only-delimited", NoArg, 's'}, LongOpt{"output-delimiter", RequiredArg, 0}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	fatal := func(msg string) int {
		p.Errorf("%s", msg)
		fmt.Fprintf(p.Stderr, "Try `cut --help' for more information.\n")
		return 1
	}
	mode := byte(0)
	var listSpec string
	delim, haveDelim := byte('\t'), false
	onlyDelim := false
	var outDelim *string
	for _, op := range opts {
		switch op.Name {
		case "b", "c", "f":
			if mode != 0 {
				return fatal("only one type of list may be specified")
			}
			mode, listSpec = op.Name[0], op.Arg
		case "d":
			if len(op.Arg) > 1 {
				return fatal("the delimiter must be a single character")
			}
			delim, haveDelim = 0, true
			if op.Arg != "" {
				delim = op.Arg[0]
			}
		case "s":
			onlyDelim = true
		case "output-delimiter":
			s := op.Arg
			outDelim = &s
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Print selected parts of lines from each FILE to standard output.",
				"  -b, --bytes=LIST        select only these bytes\n"+
					"  -c, --characters=LIST   select only these characters\n"+
					"  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n"+
					"  -f, --fields=LIST       select only these fields;  also print any line\n"+
					"                            that contains no delimiter character, unless\n"+
					"                            the -s option is specified\n"+
					"  -n                      (ignored)\n"+
					"  -s, --only-delimited    do not print lines not containing delimiters\n"+
					"      --output-delimiter=STRING  use STRING as the output delimiter\n"+
					"                            the default is to use the input delimiter\n")
		case "version":
			return txtVersion(p)
		}
	}
	if mode == 0 {
		return fatal("you must specify a list of bytes, characters, or fields")
	}
	if mode != 'f' && haveDelim {
		return fatal("an input delimiter may be specified only when operating on fields")
	}
	if mode != 'f' && onlyDelim {
		return fatal("suppressing non-delimited lines makes sense\n\tonly when operating on fields")
	}
	list, msg := txtParseList(listSpec)
	if msg != "" {
		return fatal(msg)
	}
	w := txtOut(p)
	status := 0
	for _, name := range txtOperands(operands) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		err = txtEachLine(r, func(line []byte) bool {
			body := bytes.TrimSuffix(line, []byte{'\n'})
			if mode == 'f' {
				if bytes.IndexByte(body, delim) < 0 {
					if !onlyDelim {
						w.Write(body)
						w.WriteByte('\n')
					}
					return true
				}
				od := string(delim)
				if outDelim != nil {
					od = *outDelim
				}
				first := true
				for i, f := range bytes.Split(body, []byte{delim}) {
					if txtInList(list, i+1) {
						if !first {
							w.WriteString(od)
						}
						w.Write(f)
						first = false
					}
				}
				w.WriteByte('\n')
				return true
			}
			prev, printed := false, false
			for i := range body {
				if txtInList(list, i+1) {
					if outDelim != nil && !prev && printed {
						w.WriteString(*outDelim)
					}
					w.WriteByte(body[i])
					prev, printed = true, true
				} else {
					prev = false
				}
			}
			w.WriteByte('\n')
			return true
		})
		closer()
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// tr

// txtTrClasses are the bytes of tr's character classes, in order.
func txtTrClass(name string) ([]byte, bool) {
	var out []byte
	var f func(c byte) bool
	switch name {
	case "alnum":
		f = func(c byte) bool { return txtIsAlpha(c) || txtIsDigit(c) }
	case "alpha":
		f = txtIsAlpha
	case "blank":
		f = func(c byte) bool { return c == ' ' || c == '\t' }
	case "cntrl":
		f = func(c byte) bool { return c < 32 || c == 127 }
	case "digit":
		f = txtIsDigit
	case "graph":
		f = func(c byte) bool { return c > 32 && c < 127 }
	case "lower":
		f = func(c byte) bool { return c >= 'a' && c <= 'z' }
	case "print":
		f = func(c byte) bool { return c >= 32 && c < 127 }
	case "punct":
		f = func(c byte) bool { return c > 32 && c < 127 && !txtIsAlpha(c) && !txtIsDigit(c) }
	case "space":
		f = func(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }
	case "upper":
		f = func(c byte) bool { return c >= 'A' && c <= 'Z' }
	case "xdigit":
		f = func(c byte) bool { return txtIsDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
	default:
		return nil, false
	}
	for c := 0; c < 256; c++ {
		if f(byte(c)) {
			out = append(out, byte(c))
		}
	}
	return out, true
}

func txtIsAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func txtIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// txtTrSet is one parsed tr set: its bytes, and for SET2 the position of
// a [c*] fill, if any.
type txtTrSet struct {
	chars   []byte
	fillAt  int // index in chars where [c*] fills, or -1
	fill    byte
	classes []string
}

// txtTrUnescape turns tr's escapes into bytes, marking which bytes were
// escaped (so that an escaped '-' or '[' is literal).
func txtTrUnescape(s string) ([]byte, []bool) {
	var out []byte
	var esc []bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out, esc = append(out, c), append(esc, false)
			continue
		}
		i++
		c = s[i]
		switch c {
		case 'a':
			c = '\a'
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'v':
			c = '\v'
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
				if v*8+int(s[i+1]-'0') > 255 {
					break
				}
				i++
				v = v*8 + int(s[i]-'0')
			}
			c = byte(v)
		}
		out, esc = append(out, c), append(esc, true)
	}
	return out, esc
}

// txtTrParse parses a tr set; set2 allows [c*n].
func txtTrParse(spec string, set2 bool) (*txtTrSet, string) {
	b, esc := txtTrUnescape(spec)
	set := &txtTrSet{fillAt: -1}
	for i := 0; i < len(b); {
		if b[i] == '[' && !esc[i] && i+1 < len(b) {
			// [:class:] or [=c=]
			if (b[i+1] == ':' || b[i+1] == '=') && !esc[i+1] {
				kind := b[i+1]
				end := -1
				for j := i + 2; j+1 < len(b); j++ {
					if b[j] == kind && b[j+1] == ']' {
						end = j
						break
					}
				}
				if end >= 0 {
					name := string(b[i+2 : end])
					if kind == ':' {
						chars, ok := txtTrClass(name)
						if !ok {
							return nil, "invalid character class " + txtQuote(name)
						}
						if set2 && name != "upper" && name != "lower" {
							return nil, "the only character classes that may appear in\nstring2 are `upper' and `lower'"
						}
						set.chars = append(set.chars, chars...)
						set.classes = append(set.classes, name)
					} else {
						if len(name) != 1 {
							return nil, name + ": equivalence class operand must be a single character"
						}
						set.chars = append(set.chars, name[0])
					}
					i = end + 2
					continue
				}
			}
			// [c*n] or [c*]
			if set2 && i+2 < len(b) && b[i+2] == '*' {
				end := bytes.IndexByte(b[i+3:], ']')
				if end >= 0 {
					c := b[i+1]
					ns := string(b[i+3 : i+3+end])
					if ns == "" {
						set.fillAt, set.fill = len(set.chars), c
					} else {
						base := 10
						if ns[0] == '0' {
							base = 8
						}
						n, err := strconv.ParseInt(ns, base, 32)
						if err != nil {
							return nil, txtQuote(ns) + ": invalid repeat count in [c*n] construct"
						}
						if n == 0 {
							set.fillAt, set.fill = len(set.chars), c
						}
						for k := int64(0); k < n; k++ {
							set.chars = append(set.chars, c)
						}
					}
					i += 4 + end
					continue
				}
			}
		}
		if i+2 < len(b) && b[i+1] == '-' && !esc[i+1] {
			lo, hi := b[i], b[i+2]
			if hi < lo {
				return nil, fmt.Sprintf("range-endpoints of `%c-%c' are in reverse collating sequence order", lo, hi)
			}
			for c := int(lo); c <= int(hi); c++ {
				set.chars = append(set.chars, byte(c))
			}
			i += 3
			continue
		}
		set.chars = append(set.chars, b[i])
		i++
	}
	return set, ""
}

func trMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "cCdst", txtLong(
		LongOpt{"complement", NoArg, 'c'}, LongOpt{"delete", NoArg, 'd'},
		LongOpt{"squeeze-repeats", NoArg, 's'}, LongOpt{"truncate-set1", NoArg, 't'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var comp, del, squeeze, trunc bool
	for _, op := range opts {
		switch op.Name {
		case "c", "C":
			comp = true
		case "d":
			del = true
		case "s":
			squeeze = true
		case "t":
			trunc = true
		case "help":
			return txtHelp(p, "[OPTION]... SET1 [SET2]", "Translate, squeeze, and/or delete characters from standard input,\nwriting to standard output.",
				"  -c, -C, --complement    first complement SET1\n"+
					"  -d, --delete            delete characters in SET1, do not translate\n"+
					"  -s, --squeeze-repeats   replace each input sequence of a repeated character\n"+
					"                            that is listed in SET1 with a single occurrence\n"+
					"                            of that character\n"+
					"  -t, --truncate-set1     first truncate SET1 to length of SET2\n")
		case "version":
			return txtVersion(p)
		}
	}
	usageErr := func(msg, extra string) int {
		p.Errorf("%s", msg)
		if extra != "" {
			fmt.Fprintln(p.Stderr, extra)
		}
		fmt.Fprintf(p.Stderr, "Try `tr --help' for more information.\n")
		return 1
	}
	translating := !del && len(operands) == 2
	minOps, maxOps := 2, 2
	switch {
	case del && squeeze:
	case del:
		minOps, maxOps = 1, 1
	case squeeze:
		minOps = 1
	}
	if len(operands) < minOps {
		if len(operands) == 0 {
			return usageErr("missing operand", "")
		}
		extra := "Two strings must be given when translating."
		if squeeze {
			extra = "Two strings must be given when both deleting and squeezing repeats."
		}
		return usageErr("missing operand after "+txtQuote(operands[len(operands)-1]), extra)
	}
	if len(operands) > maxOps {
		extra := ""
		if maxOps == 1 && len(operands) == 2 {
			extra = "Only one string may be given when deleting without squeezing repeats."
		}
		return usageErr("extra operand "+txtQuote(operands[maxOps]), extra)
	}
	s1, msg := txtTrParse(operands[0], false)
	if msg != "" {
		p.Errorf("%s", msg)
		return 1
	}
	var s2 *txtTrSet
	if len(operands) > 1 {
		s2, msg = txtTrParse(operands[1], translating)
		if msg != "" {
			p.Errorf("%s", msg)
			return 1
		}
	}
	var in1 [256]bool
	for _, c := range s1.chars {
		in1[c] = true
	}
	set1 := s1.chars
	if comp {
		set1 = nil
		for c := 0; c < 256; c++ {
			if !in1[c] {
				set1 = append(set1, byte(c))
			}
		}
		in1 = [256]bool{}
		for _, c := range set1 {
			in1[c] = true
		}
	}
	var xlate [256]byte
	for c := range xlate {
		xlate[c] = byte(c)
	}
	var squeezeSet [256]bool
	if translating {
		to := s2.chars
		if s2.fillAt >= 0 && len(to) < len(set1) {
			n := len(set1) - len(to)
			fill := bytes.Repeat([]byte{s2.fill}, n)
			to = append(append(append([]byte{}, to[:s2.fillAt]...), fill...), to[s2.fillAt:]...)
		}
		if trunc && len(set1) > len(to) {
			set1 = set1[:len(to)]
		}
		if len(to) == 0 && len(set1) > 0 {
			p.Errorf("when not truncating set1, string2 must be non-empty")
			return 1
		}
		for len(to) < len(set1) {
			to = append(to, to[len(to)-1])
		}
		for i, c := range set1 {
			xlate[c] = to[i]
		}
		if squeeze {
			for _, c := range to {
				squeezeSet[c] = true
			}
		}
	} else if squeeze {
		src := set1
		if del || len(operands) == 2 {
			src = s2.chars
		}
		for _, c := range src {
			squeezeSet[c] = true
		}
	}
	w := txtOut(p)
	r := &txtReader{p, p.Stdin, w}
	buf := make([]byte, 32<<10)
	last := -1
	for {
		n, err := r.Read(buf)
		for _, c := range buf[:n] {
			if del && in1[c] {
				continue
			}
			c = xlate[c]
			if squeeze && squeezeSet[c] && int(c) == last {
				continue
			}
			last = int(c)
			w.WriteByte(c)
		}
		if err != nil {
			if err != io.EOF && !txtIsStop(err) {
				txtErr(p, w, "read error", err)
				return 1
			}
			break
		}
	}
	return txtFinish(w, 0)
}

// ---------------------------------------------------------------------
// tee

func teeMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "ai", txtLong(
		LongOpt{"append", NoArg, 'a'}, LongOpt{"ignore-interrupts", NoArg, 'i'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	appendMode := false
	for _, op := range opts {
		switch op.Name {
		case "a":
			appendMode = true
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Copy standard input to each FILE, and also to standard output.",
				"  -a, --append              append to the given FILEs, do not overwrite\n"+
					"  -i, --ignore-interrupts   ignore interrupt signals\n")
		case "version":
			return txtVersion(p)
		}
	}
	status := 0
	outs := []io.Writer{p.Stdout}
	names := []string{"standard output"}
	var closers []func()
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendMode {
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	for _, name := range operands {
		if name == "-" {
			outs, names = append(outs, p.Stdout), append(names, name)
			continue
		}
		f, err := p.userFS().OpenFile(p.Abs(name), flag, 0o666&^p.Umask)
		if err != nil {
			p.Errorf("%s: %s", name, Strerror(err))
			status = 1
			continue
		}
		outs, names = append(outs, f), append(names, name)
		closers = append(closers, func() { f.Close() })
	}
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	buf := make([]byte, 32<<10)
	r := &txtReader{p: p, r: p.Stdin}
	for {
		n, err := r.Read(buf)
		for i, o := range outs {
			if o == nil || n == 0 {
				continue
			}
			if _, werr := o.Write(buf[:n]); werr != nil {
				if i > 0 {
					p.Errorf("%s: %s", names[i], Strerror(werr))
				}
				status = 1
				outs[i] = nil
			}
		}
		if err != nil {
			if err != io.EOF && !txtIsStop(err) {
				p.Errorf("read error: %s", Strerror(err))
				status = 1
			}
			break
		}
		if outs[0] == nil && len(outs) == 1 {
			break
		}
	}
	return status
}

// ---------------------------------------------------------------------
// xargs (findutils 4.2.27)

func xargsMain(p *Proc) int {
	// -e, -i and -l take an optional argument, attached only.
	args := append([]string{}, p.Args[1:]...)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		if len(a) == 2 && strings.IndexByte("dEILnsP", a[1]) >= 0 {
			i++ // the option's argument
			continue
		}
		if len(a) >= 2 && strings.IndexByte("eil", a[1]) >= 0 {
			long := map[byte]string{'e': "--eof", 'i': "--replace", 'l': "--max-lines"}[a[1]]
			if len(a) > 2 {
				long += "=" + a[2:]
			}
			args[i] = long
		}
	}
	opts, cmd, err := Getopt(args, "+0d:E:I:L:n:prs:txP:", []LongOpt{
		{"null", NoArg, '0'}, {"delimiter", RequiredArg, 'd'}, {"eof", OptionalArg, 'e'},
		{"replace", OptionalArg, 'i'}, {"max-lines", OptionalArg, 'l'}, {"max-args", RequiredArg, 'n'},
		{"interactive", NoArg, 'p'}, {"no-run-if-empty", NoArg, 'r'}, {"max-chars", RequiredArg, 's'},
		{"verbose", NoArg, 't'}, {"exit", NoArg, 'x'}, {"max-procs", RequiredArg, 'P'},
		{"help", NoArg, 0}, {"version", NoArg, 0},
	})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name(), err)
		fmt.Fprintf(p.Stderr, "Usage: xargs [-0prtx] [--interactive] [--null] [-d|--delimiter=delim]\n"+
			"       [-E eof-str] [-e[eof-str]]  [--eof[=eof-str]]\n"+
			"       [-L max-lines] [-l[max-lines]] [--max-lines[=max-lines]]\n"+
			"       [-I replace-str] [-i[replace-str]] [--replace[=replace-str]]\n"+
			"       [-n max-args] [--max-args=max-args]\n"+
			"       [-s max-chars] [--max-chars=max-chars]\n"+
			"       [-P max-procs]  [--max-procs=max-procs]\n"+
			"       [--verbose] [--exit] [--no-run-if-empty] [--arg-file=file]\n"+
			"       [--version] [--help] [command [initial-arguments]]\n")
		return 1
	}
	var (
		nul, verbose, noEmpty bool
		delim                 = -1
		eof                   string
		replace               string
		maxArgs, maxLines     int
	)
	for _, op := range opts {
		switch op.Name {
		case "0":
			nul = true
		case "d":
			b, _ := txtTrUnescape(op.Arg)
			if len(b) != 1 {
				p.Errorf("Invalid input delimiter specification %s: the delimiter must be either a single character or an escape sequence starting with \\.", op.Arg)
				return 1
			}
			delim = int(b[0])
		case "E":
			eof = op.Arg
		case "e":
			eof = op.Arg
		case "I":
			replace, maxLines = op.Arg, 1
		case "i":
			replace, maxLines = "{}", 1
			if op.HasArg {
				replace = op.Arg
			}
		case "L", "l":
			maxLines = 1
			if op.Arg != "" {
				n, err := strconv.Atoi(op.Arg)
				if err != nil || n < 1 {
					p.Errorf("value for -L option should be >= 1")
					return 1
				}
				maxLines = n
			}
		case "n":
			n, err := strconv.Atoi(op.Arg)
			if err != nil || n < 1 {
				p.Errorf("value for -n option should be >= 1")
				return 1
			}
			maxArgs = n
		case "r":
			noEmpty = true
		case "t", "p":
			verbose = true
		case "help":
			fmt.Fprintf(p.Stdout, "Usage: xargs [-0prtx] [--interactive] [--null] [-d|--delimiter=delim]\n"+
				"       [-E eof-str] [-e[eof-str]]  [--eof[=eof-str]]\n"+
				"       [-L max-lines] [-l[max-lines]] [--max-lines[=max-lines]]\n"+
				"       [-I replace-str] [-i[replace-str]] [--replace[=replace-str]]\n"+
				"       [-n max-args] [--max-args=max-args]\n"+
				"       [-s max-chars] [--max-chars=max-chars]\n"+
				"       [-P max-procs]  [--max-procs=max-procs]\n"+
				"       [--verbose] [--exit] [--no-run-if-empty] [--arg-file=file]\n"+
				"       [--version] [--help] [command [initial-arguments]]\n\n"+
				"Report bugs to <bug-findutils@gnu.org>.\n")
			return 0
		case "version":
			fmt.Fprintln(p.Stdout, "GNU xargs version 4.2.27")
			return 0
		}
	}
	if len(cmd) == 0 {
		cmd = []string{"echo"}
	}
	data, err := io.ReadAll(&txtReader{p: p, r: p.Stdin})
	if txtIsStop(err) {
		return 130
	}
	if err != nil {
		p.Errorf("%s", Strerror(err))
		return 1
	}
	// Split the input into items; each item remembers its input line for
	// -L and -I.
	type item struct {
		s    string
		line int
	}
	var items []item
	switch {
	case nul || delim >= 0:
		sep := byte(0)
		if delim >= 0 {
			sep = byte(delim)
		}
		parts := strings.Split(string(data), string(sep))
		if len(parts) > 0 && parts[len(parts)-1] == "" {
			parts = parts[:len(parts)-1]
		}
		for i, s := range parts {
			if eof != "" && s == eof {
				break
			}
			items = append(items, item{s, i})
		}
	case replace != "":
		// -I: each line is one argument, leading blanks removed.
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimLeft(line, " \t")
			if line == "" {
				continue
			}
			if eof != "" && line == eof {
				break
			}
			items = append(items, item{line, i})
		}
	default:
		var cur strings.Builder
		have := false
		line := 0
		quote := byte(0)
		s := string(data)
	scan:
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				} else if c == '\n' {
					kind := "single"
					if quote == '"' {
						kind = "double"
					}
					p.Errorf("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option", kind)
					return 1
				} else {
					cur.WriteByte(c)
				}
			case c == '\'' || c == '"':
				quote, have = c, true
			case c == '\\' && i+1 < len(s):
				i++
				cur.WriteByte(s[i])
				have = true
			case c == ' ' || c == '\t' || c == '\n':
				if have {
					if eof != "" && cur.String() == eof {
						have = false
						break scan
					}
					items = append(items, item{cur.String(), line})
					cur.Reset()
					have = false
				}
				// A line ending in a blank continues for -L.
				if c == '\n' && !(i > 0 && (s[i-1] == ' ' || s[i-1] == '\t')) {
					line++
				}
			default:
				cur.WriteByte(c)
				have = true
			}
		}
		if quote != 0 {
			kind := "single"
			if quote == '"' {
				kind = "double"
			}
			p.Errorf("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option", kind)
			return 1
		}
		if have && !(eof != "" && cur.String() == eof) {
			items = append(items, item{cur.String(), line})
		}
	}
	// Group the items into command lines.
	var batches [][]string
	if replace != "" {
		for _, it := range items {
			argv := make([]string, len(cmd))
			for i, a := range cmd {
				argv[i] = strings.ReplaceAll(a, replace, it.s)
			}
			batches = append(batches, argv)
		}
	} else {
		var cur []string
		lines := 0
		lastLine := -1
		flush := func() {
			batches = append(batches, append(append([]string{}, cmd...), cur...))
			cur, lines, lastLine = nil, 0, -1
		}
		for _, it := range items {
			if maxLines > 0 && it.line != lastLine {
				if lines == maxLines {
					flush()
				}
				lines++
				lastLine = it.line
			}
			cur = append(cur, it.s)
			if maxArgs > 0 && len(cur) == maxArgs {
				flush()
			}
		}
		if len(cur) > 0 || len(batches) == 0 && !noEmpty && len(items) == 0 {
			flush()
		}
	}
	status := 0
	for _, argv := range batches {
		if p.Canceled() {
			return 130
		}
		if verbose {
			fmt.Fprintln(p.Stderr, strings.Join(argv, " ")+" ")
		}
		if !xargsFound(p, argv[0]) {
			p.Errorf("%s: No such file or directory", argv[0])
			return 127
		}
		st := p.Run(argv, nil, nil, nil)
		switch {
		case st == 127:
			return 127
		case st == 126:
			return 126
		case st == 255:
			p.Errorf("%s: exited with status 255; aborting", argv[0])
			return 124
		case st > 128:
			p.Errorf("%s: terminated by signal %d", argv[0], st-128)
			return 125
		case st != 0:
			status = 123
		}
	}
	return status
}

// xargsFound reports whether a command name can be run: a path that
// exists, a file on PATH, or a simulated program.
func xargsFound(p *Proc, name string) bool {
	if strings.Contains(name, "/") {
		_, err := p.userFS().Stat(p.Abs(name))
		return err == nil
	}
	if _, ok := Lookup(name); ok {
		return true
	}
	for _, d := range strings.Split(p.Getenv("PATH"), ":") {
		if d == "" {
			d = "."
		}
		if _, err := p.userFS().Stat(p.Abs(path.Join(d, name))); err == nil {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------
// yes

func yesMain(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 1 && args[0] == "--help" {
		return txtHelp(p, "[STRING]...\n  or:  yes OPTION", "Repeatedly output a line with all specified STRING(s), or `y'.", "")
	}
	if len(args) == 1 && args[0] == "--version" {
		return txtVersion(p)
	}
	line := "y\n"
	if len(args) > 0 {
		line = strings.Join(args, " ") + "\n"
	}
	chunk := []byte(strings.Repeat(line, max(1, 4096/len(line))))
	for !p.Canceled() {
		if _, err := p.Stdout.Write(chunk); err != nil {
			return 1
		}
	}
	return 1
}

// ---------------------------------------------------------------------
// seq

// txtSeqOperand is one number of seq's command line.
type txtSeqOperand struct {
	value     float64
	width     int
	precision int // digits after the point; -1 when not fixed-point
}

func txtSeqScan(arg string) (txtSeqOperand, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(arg), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return txtSeqOperand{}, false
	}
	op := txtSeqOperand{value: v, width: len(arg), precision: -1}
	if !strings.ContainsAny(arg, "eExX") && !strings.ContainsAny(strings.ToLower(arg), "in") {
		dot := strings.IndexByte(arg, '.')
		if dot < 0 {
			op.precision = 0
		} else {
			frac := len(arg) - dot - 1
			op.precision = frac
			switch {
			case frac == 0:
				op.width--
			case dot == 0 || !txtIsDigit(arg[dot-1]):
				op.width++
			}
		}
	}
	return op, true
}

// txtSeqFormat converts a C printf format for one floating-point value
// into Go's; ok is false when it is not one.
func txtSeqFormat(f string) (string, bool) {
	var out strings.Builder
	seen := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			out.WriteByte(c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			out.WriteString("%%")
			i++
			continue
		}
		if seen {
			return "", false
		}
		seen = true
		j := i + 1
		for j < len(f) && strings.IndexByte("-+#0 '", f[j]) >= 0 {
			j++
		}
		flags := strings.ReplaceAll(f[i+1:j], "'", "")
		k := j
		for k < len(f) && txtIsDigit(f[k]) {
			k++
		}
		width := f[j:k]
		prec := ""
		if k < len(f) && f[k] == '.' {
			m := k + 1
			for m < len(f) && txtIsDigit(f[m]) {
				m++
			}
			prec = "." + f[k+1:m]
			if prec == "." {
				prec = ".0"
			}
			k = m
		}
		if k < len(f) && f[k] == 'L' {
			k++
		}
		if k >= len(f) || strings.IndexByte("efgEFG", f[k]) < 0 {
			return "", false
		}
		verb := f[k]
		if (verb == 'g' || verb == 'G') && prec == "" {
			prec = ".6"
		}
		if (verb == 'e' || verb == 'E' || verb == 'f' || verb == 'F') && prec == "" {
			prec = ".6"
		}
		out.WriteString("%" + flags + width + prec + string(verb))
		i = k
	}
	if !seen {
		return "", false
	}
	return out.String(), true
}

func seqMain(p *Proc) int {
	args := p.Args[1:]
	// Negative numbers are operands, not options.
	split := len(args)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) > 1 && a[0] == '-' && (a[1] == '.' || txtIsDigit(a[1])) {
			split = i
			break
		}
		if a == "-s" || a == "-f" || a == "--separator" || a == "--format" {
			i++
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			split = i
			break
		}
		if a == "--" {
			split = i
			break
		}
	}
	opts, operands, err := Getopt(args[:split], "+f:s:w", txtLong(
		LongOpt{"equal-width", NoArg, 'w'}, LongOpt{"format", RequiredArg, 'f'}, LongOpt{"separator", RequiredArg, 's'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	rest := args[split:]
	if len(rest) > 0 && rest[0] == "--" {
		rest = rest[1:]
	}
	operands = append(operands, rest...)
	format, sep, equal := "", "\n", false
	for _, op := range opts {
		switch op.Name {
		case "f":
			format = op.Arg
		case "s":
			sep = op.Arg
		case "w":
			equal = true
		case "help":
			return txtHelp(p, "[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST",
				"Print numbers from FIRST to LAST, in steps of INCREMENT.",
				"  -f, --format=FORMAT      use printf style floating-point FORMAT\n"+
					"  -s, --separator=STRING   use STRING to separate numbers (default: \\n)\n"+
					"  -w, --equal-width        equalize width by padding with leading zeroes\n")
		case "version":
			return txtVersion(p)
		}
	}
	usageErr := func(msg string) int {
		p.Errorf("%s", msg)
		fmt.Fprintf(p.Stderr, "Try `seq --help' for more information.\n")
		return 1
	}
	if len(operands) < 1 {
		return usageErr("missing operand")
	}
	if len(operands) > 3 {
		return usageErr("extra operand " + txtQuote(operands[3]))
	}
	goFormat := ""
	if format != "" {
		f, ok := txtSeqFormat(format)
		if !ok {
			return usageErr("invalid format string: " + txtQuote(format))
		}
		goFormat = f
	}
	nums := make([]txtSeqOperand, len(operands))
	for i, a := range operands {
		op, ok := txtSeqScan(a)
		if !ok {
			return usageErr("invalid floating point argument: " + a)
		}
		nums[i] = op
	}
	first, step := txtSeqOperand{1, 1, 0}, txtSeqOperand{1, 1, 0}
	last := nums[len(nums)-1]
	switch len(nums) {
	case 2:
		first = nums[0]
	case 3:
		first, step = nums[0], nums[1]
	}
	if format != "" && equal {
		return usageErr("format string may not be specified when printing equal width strings")
	}
	if goFormat == "" {
		goFormat = "%.6g"
		prec := max(first.precision, step.precision)
		if first.precision >= 0 && step.precision >= 0 && last.precision >= 0 {
			if equal {
				fw := first.width + (prec - first.precision)
				lw := last.width + (prec - last.precision)
				if first.width <= fw && (last.width < lw) == (prec < last.precision) {
					goFormat = fmt.Sprintf("%%0%d.%df", max(fw, lw), prec)
				}
			} else {
				goFormat = fmt.Sprintf("%%.%df", prec)
			}
		}
	}
	w := txtOut(p)
	i := 0
	for ; ; i++ {
		x := first.value + float64(i)*step.value
		if step.value < 0 && x < last.value || step.value >= 0 && last.value < x {
			break
		}
		if i > 0 {
			w.WriteString(sep)
		}
		fmt.Fprintf(w, goFormat, x)
		if i%1024 == 0 {
			if p.Canceled() {
				break
			}
			if w.Buffered() > 16<<10 {
				if err := w.Flush(); err != nil {
					return 1
				}
			}
		}
	}
	if i > 0 {
		w.WriteString("\n")
	}
	return txtFinish(w, 0)
}

// ---------------------------------------------------------------------
// uniq

func uniqMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "cdDf:is:uw:", txtLong(
		LongOpt{"count", NoArg, 'c'}, LongOpt{"repeated", NoArg, 'd'},
		LongOpt{"all-repeated", OptionalArg, 'D'}, LongOpt{"skip-fields", RequiredArg, 'f'},
		LongOpt{"ignore-case", NoArg, 'i'}, LongOpt{"skip-chars", RequiredArg, 's'},
		LongOpt{"unique", NoArg, 'u'}, LongOpt{"check-chars", RequiredArg, 'w'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var count, repeated, unique, icase, allRep bool
	skipFields, skipChars, checkChars := 0, 0, -1
	num := func(s, what string) (int, bool) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			p.Errorf("%s: invalid number of %s to skip", s, what)
			return 0, false
		}
		return n, true
	}
	for _, op := range opts {
		var ok = true
		switch op.Name {
		case "c":
			count = true
		case "d":
			repeated = true
		case "D":
			allRep = true
		case "f":
			skipFields, ok = num(op.Arg, "fields")
		case "s":
			skipChars, ok = num(op.Arg, "bytes")
		case "w":
			n, err := strconv.Atoi(op.Arg)
			if err != nil || n < 0 {
				p.Errorf("%s: invalid number of bytes to compare", op.Arg)
				return 1
			}
			checkChars = n
		case "i":
			icase = true
		case "u":
			unique = true
		case "help":
			return txtHelp(p, "[OPTION]... [INPUT [OUTPUT]]", "Discard all but one of successive identical lines from INPUT (or\nstandard input), writing to OUTPUT (or standard output).",
				"  -c, --count           prefix lines by the number of occurrences\n"+
					"  -d, --repeated        only print duplicate lines\n"+
					"  -D, --all-repeated[=delimit-method] print all duplicate lines\n"+
					"  -f, --skip-fields=N   avoid comparing the first N fields\n"+
					"  -i, --ignore-case     ignore differences in case when comparing\n"+
					"  -s, --skip-chars=N    avoid comparing the first N characters\n"+
					"  -u, --unique          only print unique lines\n"+
					"  -w, --check-chars=N   compare no more than N characters in lines\n")
		case "version":
			return txtVersion(p)
		}
		if !ok {
			return 1
		}
	}
	if len(operands) > 2 {
		p.Errorf("extra operand %s", txtQuote(operands[2]))
		fmt.Fprintf(p.Stderr, "Try `uniq --help' for more information.\n")
		return 1
	}
	if allRep && count {
		p.Errorf("printing all duplicated lines and repeat counts is meaningless")
		fmt.Fprintf(p.Stderr, "Try `uniq --help' for more information.\n")
		return 1
	}
	in := "-"
	if len(operands) > 0 {
		in = operands[0]
	}
	out := p.Stdout
	if len(operands) == 2 && operands[1] != "-" {
		f, err := p.userFS().OpenFile(p.Abs(operands[1]), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666&^p.Umask)
		if err != nil {
			p.Errorf("%s: %s", operands[1], Strerror(err))
			return 1
		}
		defer f.Close()
		out = f
	}
	w := bufio.NewWriterSize(out, 32<<10)
	r, closer, err := txtOpen(p, in, w)
	if err != nil {
		p.Errorf("%s: %s", in, Strerror(err))
		return 1
	}
	defer closer()
	key := func(line []byte) string {
		s := line
		for f := 0; f < skipFields; f++ {
			i := 0
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			for i < len(s) && s[i] != ' ' && s[i] != '\t' {
				i++
			}
			s = s[i:]
		}
		if skipChars < len(s) {
			s = s[skipChars:]
		} else {
			s = nil
		}
		if checkChars >= 0 && checkChars < len(s) {
			s = s[:checkChars]
		}
		if icase {
			return strings.ToLower(string(s))
		}
		return string(s)
	}
	var prev []byte
	var prevKey string
	n := 0
	emit := func() {
		if n == 0 {
			return
		}
		if allRep {
			return
		}
		if repeated && n < 2 || unique && n > 1 {
			return
		}
		if count {
			fmt.Fprintf(w, "%7d ", n)
		}
		w.Write(prev)
		w.WriteByte('\n')
	}
	err = txtEachLine(r, func(line []byte) bool {
		line = bytes.TrimSuffix(line, []byte{'\n'})
		k := key(line)
		if n > 0 && k == prevKey {
			n++
			if allRep {
				if n == 2 {
					w.Write(prev)
					w.WriteByte('\n')
				}
				w.Write(line)
				w.WriteByte('\n')
			}
			return true
		}
		emit()
		prev = append(prev[:0], line...)
		prevKey = k
		n = 1
		return true
	})
	if err != nil {
		if txtIsStop(err) {
			return 1
		}
		txtErr(p, w, in, err)
		return 1
	}
	emit()
	return txtFinish(w, 0)
}

// ---------------------------------------------------------------------
// nl

func nlMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "b:d:f:h:i:l:n:ps:v:w:", txtLong(
		LongOpt{"body-numbering", RequiredArg, 'b'}, LongOpt{"section-delimiter", RequiredArg, 'd'},
		LongOpt{"footer-numbering", RequiredArg, 'f'}, LongOpt{"header-numbering", RequiredArg, 'h'},
		LongOpt{"page-increment", RequiredArg, 'i'}, LongOpt{"join-blank-lines", RequiredArg, 'l'},
		LongOpt{"number-format", RequiredArg, 'n'}, LongOpt{"no-renumber", NoArg, 'p'},
		LongOpt{"number-separator", RequiredArg, 's'}, LongOpt{"first-page", RequiredArg, 'v'},
		LongOpt{"number-width", RequiredArg, 'w'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	type style struct {
		kind byte
		re   interface{ Match([]byte) bool }
	}
	parseStyle := func(s string) (style, bool) {
		switch s {
		case "a", "t", "n":
			return style{kind: s[0]}, true
		}
		if strings.HasPrefix(s, "p") {
			re, err := compilePOSIX(s[1:], false, false)
			if err != nil {
				p.Errorf("%s", err)
				return style{}, false
			}
			return style{kind: 'p', re: re}, true
		}
		return style{}, false
	}
	body, header, footer := style{kind: 't'}, style{kind: 'n'}, style{kind: 'n'}
	incr, start, width, join := 1, 1, 6, 1
	sep, format, delim := "\t", "rn", `\:`
	renumber := true
	for _, op := range opts {
		switch op.Name {
		case "b", "h", "f":
			st, ok := parseStyle(op.Arg)
			if !ok {
				if op.Arg != "" && op.Arg[0] == 'p' {
					return 1
				}
				what := map[string]string{"b": "body", "h": "header", "f": "footer"}[op.Name]
				p.Errorf("invalid %s numbering style: %s", what, txtQuote(op.Arg))
				return 1
			}
			switch op.Name {
			case "b":
				body = st
			case "h":
				header = st
			default:
				footer = st
			}
		case "d":
			delim = op.Arg
			if len(delim) == 1 {
				delim += ":"
			}
		case "i", "l", "v", "w":
			n, err := strconv.Atoi(op.Arg)
			what := map[string]string{"i": "line number increment", "l": "number of blank lines", "v": "starting line number", "w": "line number field width"}[op.Name]
			if err != nil || (op.Name == "w" || op.Name == "l") && n < 1 {
				p.Errorf("invalid %s: %s", what, txtQuote(op.Arg))
				return 1
			}
			switch op.Name {
			case "i":
				incr = n
			case "l":
				join = n
			case "v":
				start = n
			default:
				width = n
			}
		case "n":
			if op.Arg != "ln" && op.Arg != "rn" && op.Arg != "rz" {
				p.Errorf("invalid line numbering format: %s", txtQuote(op.Arg))
				return 1
			}
			format = op.Arg
		case "p":
			renumber = false
		case "s":
			sep = op.Arg
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Write each FILE to standard output, with line numbers added.\nWith no FILE, or when FILE is -, read standard input.",
				"  -b, --body-numbering=STYLE      use STYLE for numbering body lines\n"+
					"  -d, --section-delimiter=CC      use CC for separating logical pages\n"+
					"  -f, --footer-numbering=STYLE    use STYLE for numbering footer lines\n"+
					"  -h, --header-numbering=STYLE    use STYLE for numbering header lines\n"+
					"  -i, --page-increment=NUMBER     line number increment at each line\n"+
					"  -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one\n"+
					"  -n, --number-format=FORMAT      insert line numbers according to FORMAT\n"+
					"  -p, --no-renumber               do not reset line numbers at logical pages\n"+
					"  -s, --number-separator=STRING   add STRING after (possible) line number\n"+
					"  -v, --first-page=NUMBER         first line number on each logical page\n"+
					"  -w, --number-width=NUMBER       use NUMBER columns for line numbers\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := txtOut(p)
	noNum := strings.Repeat(" ", width+len(sep))
	lineNo := start
	cur := body
	blanks := 0
	printNum := func() {
		switch format {
		case "ln":
			fmt.Fprintf(w, "%-*d%s", width, lineNo, sep)
		case "rz":
			fmt.Fprintf(w, "%0*d%s", width, lineNo, sep)
		default:
			fmt.Fprintf(w, "%*d%s", width, lineNo, sep)
		}
		lineNo += incr
	}
	status := 0
	for _, name := range txtOperands(operands) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		err = txtEachLine(r, func(line []byte) bool {
			text := bytes.TrimSuffix(line, []byte{'\n'})
			switch string(text) {
			case "":
			case strings.Repeat(delim, 3), strings.Repeat(delim, 2), delim:
				switch len(text) / len(delim) {
				case 3:
					cur = header
				case 2:
					cur = body
				default:
					cur = footer
				}
				if renumber {
					lineNo = start
				}
				w.WriteByte('\n')
				return true
			}
			empty := len(text) == 0
			switch cur.kind {
			case 'a':
				if join > 1 {
					if !empty {
						blanks = 0
						printNum()
					} else if blanks++; blanks == join {
						printNum()
						blanks = 0
					} else {
						w.WriteString(noNum)
					}
				} else {
					printNum()
				}
			case 't':
				if empty {
					w.WriteString(noNum)
				} else {
					printNum()
				}
			case 'p':
				if cur.re.Match(text) {
					printNum()
				} else {
					w.WriteString(noNum)
				}
			default:
				w.WriteString(noNum)
			}
			w.Write(text)
			w.WriteByte('\n')
			return true
		})
		closer()
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// rev (util-linux)

func revMain(p *Proc) int {
	files := p.Args[1:]
	for _, a := range files {
		switch {
		case strings.HasPrefix(a, "--"):
			fmt.Fprintf(p.Stderr, "rev: unrecognized option `%s'\nusage: rev [file ...]\n", a)
			return 1
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(p.Stderr, "rev: invalid option -- %c\nusage: rev [file ...]\n", a[1])
			return 1
		}
	}
	w := txtOut(p)
	status := 0
	for _, name := range txtOperands(files) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		err = txtEachLine(r, func(line []byte) bool {
			nl := bytes.HasSuffix(line, []byte{'\n'})
			rs := []rune(string(bytes.TrimSuffix(line, []byte{'\n'})))
			for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
				rs[i], rs[j] = rs[j], rs[i]
			}
			w.WriteString(string(rs))
			if nl {
				w.WriteByte('\n')
			}
			return true
		})
		closer()
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// fold

func foldMain(p *Proc) int {
	args := p.Args[1:]
	// Obsolete -N means -w N.
	for i, a := range args {
		if a == "--" {
			break
		}
		if len(a) > 1 && a[0] == '-' && txtIsDigit(a[1]) {
			args = append(append(append([]string{}, args[:i]...), "-w", a[1:]), args[i+1:]...)
			break
		}
	}
	opts, operands, err := Getopt(args, "bsw:", txtLong(
		LongOpt{"bytes", NoArg, 'b'}, LongOpt{"spaces", NoArg, 's'}, LongOpt{"width", RequiredArg, 'w'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	width, countBytes, spaces := 80, false, false
	for _, op := range opts {
		switch op.Name {
		case "b":
			countBytes = true
		case "s":
			spaces = true
		case "w":
			n, err := strconv.Atoi(op.Arg)
			if err != nil || n < 1 {
				p.Errorf("invalid number of columns: %s", txtQuote(op.Arg))
				return 1
			}
			width = n
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Wrap input lines in each FILE (standard input by default), writing to\nstandard output.",
				"  -b, --bytes         count bytes rather than columns\n"+
					"  -s, --spaces        break at spaces\n"+
					"  -w, --width=WIDTH   use WIDTH columns instead of 80\n")
		case "version":
			return txtVersion(p)
		}
	}
	adjust := func(col int, c byte) int {
		if countBytes {
			return col + 1
		}
		switch c {
		case '\b':
			if col > 0 {
				return col - 1
			}
			return 0
		case '\r':
			return 0
		case '\t':
			return col + 8 - col%8
		}
		return col + 1
	}
	w := txtOut(p)
	status := 0
	for _, name := range txtOperands(operands) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		err = txtEachLine(r, func(line []byte) bool {
			nl := bytes.HasSuffix(line, []byte{'\n'})
			text := bytes.TrimSuffix(line, []byte{'\n'})
			var cur []byte
			col := 0
			for i := 0; i < len(text); {
				c := text[i]
				ncol := adjust(col, c)
				if ncol > width && len(cur) > 0 {
					if spaces {
						if k := bytes.LastIndexAny(cur, " \t"); k >= 0 {
							w.Write(cur[:k+1])
							w.WriteByte('\n')
							cur = append([]byte{}, cur[k+1:]...)
							col = 0
							for _, b := range cur {
								col = adjust(col, b)
							}
							continue
						}
					}
					w.Write(cur)
					w.WriteByte('\n')
					cur = cur[:0]
					col = 0
					continue
				}
				cur = append(cur, c)
				col = ncol
				i++
			}
			w.Write(cur)
			if nl {
				w.WriteByte('\n')
			}
			return true
		})
		closer()
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// paste

func pasteMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "d:s", txtLong(
		LongOpt{"delimiters", RequiredArg, 'd'}, LongOpt{"serial", NoArg, 's'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	delims := []string{"\t"}
	serial := false
	for _, op := range opts {
		switch op.Name {
		case "d":
			delims = nil
			s := op.Arg
			for i := 0; i < len(s); i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
					switch s[i] {
					case 'n':
						delims = append(delims, "\n")
					case 't':
						delims = append(delims, "\t")
					case '0':
						delims = append(delims, "")
					default:
						delims = append(delims, string(s[i]))
					}
					continue
				}
				delims = append(delims, string(s[i]))
			}
			if len(delims) == 0 {
				delims = []string{""}
			}
		case "s":
			serial = true
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Write lines consisting of the sequentially corresponding lines from\neach FILE, separated by TABs, to standard output.\nWith no FILE, or when FILE is -, read standard input.",
				"  -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n"+
					"  -s, --serial            paste one file at a time instead of in parallel\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := txtOut(p)
	files := txtOperands(operands)
	status := 0
	var stdin *bufio.Reader
	open := func(name string) (*bufio.Reader, func(), bool) {
		if name == "-" {
			if stdin == nil {
				stdin = bufio.NewReader(&txtReader{p, p.Stdin, w})
			}
			return stdin, func() {}, true
		}
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			return nil, nil, false
		}
		return bufio.NewReader(r), closer, true
	}
	readLine := func(br *bufio.Reader) (string, bool) {
		s, err := br.ReadString('\n')
		if s == "" && err != nil {
			return "", false
		}
		return strings.TrimSuffix(s, "\n"), true
	}
	if serial {
		for _, name := range files {
			br, closer, ok := open(name)
			if !ok {
				continue
			}
			n := 0
			for {
				s, ok := readLine(br)
				if !ok {
					break
				}
				if n > 0 {
					w.WriteString(delims[(n-1)%len(delims)])
				}
				w.WriteString(s)
				n++
			}
			if n > 0 {
				w.WriteByte('\n')
			}
			closer()
		}
		return txtFinish(w, status)
	}
	var readers []*bufio.Reader
	var closers []func()
	for _, name := range files {
		br, closer, ok := open(name)
		if !ok {
			continue
		}
		readers = append(readers, br)
		closers = append(closers, closer)
	}
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	if len(readers) == 0 {
		return txtFinish(w, status)
	}
	done := make([]bool, len(readers))
	for !p.Canceled() {
		var line strings.Builder
		got := false
		for i, br := range readers {
			if !done[i] {
				s, ok := readLine(br)
				if ok {
					line.WriteString(s)
					got = true
				} else {
					done[i] = true
				}
			}
			if i < len(readers)-1 {
				line.WriteString(delims[i%len(delims)])
			}
		}
		if !got {
			break
		}
		w.WriteString(line.String())
		w.WriteByte('\n')
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// expand

func expandMain(p *Proc) int {
	args := p.Args[1:]
	// Obsolete -N and -N,M mean -t.
	for i, a := range args {
		if a == "--" {
			break
		}
		if len(a) > 1 && a[0] == '-' && txtIsDigit(a[1]) {
			args = append(append(append([]string{}, args[:i]...), "-t", a[1:]), args[i+1:]...)
			break
		}
	}
	opts, operands, err := Getopt(args, "it:", txtLong(
		LongOpt{"initial", NoArg, 'i'}, LongOpt{"tabs", RequiredArg, 't'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	stops := []int{8}
	initial := false
	for _, op := range opts {
		switch op.Name {
		case "i":
			initial = true
		case "t":
			stops = nil
			for _, f := range strings.FieldsFunc(op.Arg, func(r rune) bool { return r == ',' || r == ' ' }) {
				n, err := strconv.Atoi(f)
				if err != nil || n < 0 {
					p.Errorf("tab size contains invalid character(s): %s", txtQuote(op.Arg))
					return 1
				}
				if n == 0 {
					p.Errorf("tab size cannot be 0")
					return 1
				}
				if len(stops) > 0 && n <= stops[len(stops)-1] {
					p.Errorf("tab sizes must be ascending")
					return 1
				}
				stops = append(stops, n)
			}
			if len(stops) == 0 {
				stops = []int{8}
			}
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Convert tabs in each FILE to spaces, writing to standard output.\nWith no FILE, or when FILE is -, read standard input.",
				"  -i, --initial       do not convert tabs after non blanks\n"+
					"  -t, --tabs=NUMBER   have tabs NUMBER characters apart, not 8\n"+
					"  -t, --tabs=LIST     use comma separated list of explicit tab positions\n")
		case "version":
			return txtVersion(p)
		}
	}
	next := func(col int) int {
		if len(stops) == 1 {
			return col + stops[0] - col%stops[0]
		}
		for _, s := range stops {
			if s > col {
				return s
			}
		}
		return col + 1
	}
	w := txtOut(p)
	status := 0
	for _, name := range txtOperands(operands) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		err = txtEachLine(r, func(line []byte) bool {
			col := 0
			leading := true
			for _, c := range line {
				switch {
				case c == '\t' && (leading || !initial):
					n := next(col)
					w.WriteString(strings.Repeat(" ", n-col))
					col = n
				case c == '\b':
					if col > 0 {
						col--
					}
					w.WriteByte(c)
					leading = false
				default:
					if c != ' ' && c != '\t' {
						leading = false
					}
					w.WriteByte(c)
					col++
				}
			}
			return true
		})
		closer()
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// od (a subset: -a -b -c -d -o -x, -t with those types, -A, -j, -N, -v)

// txtOdFormat is one output format of od: how many bytes a field takes
// and how it is printed.
type txtOdFormat struct {
	size int
	show func(b []byte) string
}

// txtOdNames are od -a's names for the control characters.
var txtOdNames = []string{"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr", "so", "si",
	"dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp"}

func txtOdType(t string) (txtOdFormat, bool) {
	le16 := func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	switch t {
	case "c":
		return txtOdFormat{1, func(b []byte) string {
			c := b[0]
			switch c {
			case 0:
				return `  \0`
			case '\a':
				return `  \a`
			case '\b':
				return `  \b`
			case '\f':
				return `  \f`
			case '\n':
				return `  \n`
			case '\r':
				return `  \r`
			case '\t':
				return `  \t`
			case '\v':
				return `  \v`
			}
			if c >= 32 && c < 127 {
				return "   " + string(c)
			}
			return fmt.Sprintf(" %03o", c)
		}}, true
	case "a":
		return txtOdFormat{1, func(b []byte) string {
			c := b[0] & 0x7f
			switch {
			case c <= 32:
				return fmt.Sprintf("%4s", txtOdNames[c])
			case c == 127:
				return " del"
			}
			return "   " + string(c)
		}}, true
	case "o1":
		return txtOdFormat{1, func(b []byte) string { return fmt.Sprintf(" %03o", b[0]) }}, true
	case "x1":
		return txtOdFormat{1, func(b []byte) string { return fmt.Sprintf(" %02x", b[0]) }}, true
	case "u1", "d1":
		return txtOdFormat{1, func(b []byte) string {
			if t == "d1" {
				return fmt.Sprintf(" %4d", int8(b[0]))
			}
			return fmt.Sprintf(" %3d", b[0])
		}}, true
	case "o2", "o":
		return txtOdFormat{2, func(b []byte) string { return fmt.Sprintf(" %06o", le16(b)) }}, true
	case "x2", "x":
		return txtOdFormat{2, func(b []byte) string { return fmt.Sprintf(" %04x", le16(b)) }}, true
	case "u2", "d2", "d":
		return txtOdFormat{2, func(b []byte) string {
			if t == "d2" {
				return fmt.Sprintf(" %6d", int16(le16(b)))
			}
			return fmt.Sprintf(" %5d", le16(b))
		}}, true
	}
	return txtOdFormat{}, false
}

func odMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "A:abcdj:N:ot:vx", txtLong(
		LongOpt{"address-radix", RequiredArg, 'A'}, LongOpt{"skip-bytes", RequiredArg, 'j'},
		LongOpt{"read-bytes", RequiredArg, 'N'}, LongOpt{"format", RequiredArg, 't'},
		LongOpt{"output-duplicates", NoArg, 'v'}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	var formats []txtOdFormat
	radix, skip, limit, dups := byte('o'), uint64(0), int64(-1), false
	add := func(t string) bool {
		f, ok := txtOdType(t)
		if ok {
			formats = append(formats, f)
		}
		return ok
	}
	for _, op := range opts {
		switch op.Name {
		case "A":
			if op.Arg != "d" && op.Arg != "o" && op.Arg != "x" && op.Arg != "n" {
				p.Errorf("invalid output address radix `%s'; it must be one character from [doxn]", op.Arg)
				return 1
			}
			radix = op.Arg[0]
		case "a", "b", "c", "d", "o", "x":
			add(map[string]string{"a": "a", "b": "o1", "c": "c", "d": "u2", "o": "o2", "x": "x2"}[op.Name])
		case "t":
			if !add(op.Arg) {
				p.Errorf("invalid type string `%s'", op.Arg)
				return 1
			}
		case "j", "N":
			n, ok := txtParseCount(op.Arg)
			if !ok {
				p.Errorf("%s: invalid number", op.Arg)
				return 1
			}
			if op.Name == "j" {
				skip = n
			} else {
				limit = int64(n)
			}
		case "v":
			dups = true
		case "help":
			return txtHelp(p, "[OPTION]... [FILE]...", "Write an unambiguous representation, octal bytes by default,\nof FILE to standard output.",
				"  -A, --address-radix=RADIX   decide how file offsets are printed\n"+
					"  -j, --skip-bytes=BYTES      skip BYTES input bytes first\n"+
					"  -N, --read-bytes=BYTES      limit dump to BYTES input bytes\n"+
					"  -t, --format=TYPE           select output format or formats\n"+
					"  -v, --output-duplicates     do not use * to mark line suppression\n"+
					"  -a   same as -t a,  select named characters\n"+
					"  -b   same as -t o1, select octal bytes\n"+
					"  -c   same as -t c,  select ASCII characters or backslash escapes\n"+
					"  -d   same as -t u2, select unsigned decimal 2-byte units\n"+
					"  -o   same as -t o2, select octal 2-byte units\n"+
					"  -x   same as -t x2, select hexadecimal 2-byte units\n")
		case "version":
			return txtVersion(p)
		}
	}
	if len(formats) == 0 {
		add("o2")
	}
	w := txtOut(p)
	status := 0
	var data []byte
	for _, name := range txtOperands(operands) {
		b, err := txtRead(p, name)
		if err != nil {
			if txtIsStop(err) {
				return 1
			}
			txtErr(p, w, name, err)
			status = 1
			continue
		}
		data = append(data, b...)
	}
	if skip > uint64(len(data)) {
		w.Flush()
		p.Errorf("cannot skip past end of combined input")
		return txtFinish(w, 1)
	}
	data = data[skip:]
	if limit >= 0 && limit < int64(len(data)) {
		data = data[:limit]
	}
	addr := func(off uint64) string {
		switch radix {
		case 'd':
			return fmt.Sprintf("%07d", off)
		case 'x':
			return fmt.Sprintf("%06x", off)
		case 'n':
			return ""
		}
		return fmt.Sprintf("%07o", off)
	}
	var prev []byte
	starred := false
	for off := 0; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		if !dups && prev != nil && len(line) == 16 && bytes.Equal(line, prev) {
			if !starred {
				w.WriteString("*\n")
				starred = true
			}
			continue
		}
		prev, starred = line, false
		for i, f := range formats {
			if i == 0 {
				w.WriteString(addr(skip + uint64(off)))
			} else {
				w.WriteString(strings.Repeat(" ", len(addr(0))))
			}
			for j := 0; j < len(line); j += f.size {
				field := make([]byte, f.size)
				copy(field, line[j:])
				w.WriteString(f.show(field))
			}
			w.WriteByte('\n')
		}
	}
	if radix != 'n' {
		w.WriteString(addr(skip+uint64(len(data))) + "\n")
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// md5sum

func md5sumMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "bctw", txtLong(
		LongOpt{"binary", NoArg, 'b'}, LongOpt{"check", NoArg, 'c'}, LongOpt{"text", NoArg, 't'},
		LongOpt{"warn", NoArg, 'w'}, LongOpt{"status", NoArg, 0}))
	if err != nil {
		return p.BadUsage(err, 1)
	}
	binary, check, warn, quietStatus := false, false, false, false
	for _, op := range opts {
		switch op.Name {
		case "b":
			binary = true
		case "t":
			binary = false
		case "c":
			check = true
		case "w":
			warn = true
		case "status":
			quietStatus = true
		case "help":
			return txtHelp(p, "[OPTION] [FILE]...", "Print or check MD5 (128-bit) checksums.\nWith no FILE, or when FILE is -, read standard input.",
				"  -b, --binary            read in binary mode\n"+
					"  -c, --check             read MD5 sums from the FILEs and check them\n"+
					"  -t, --text              read in text mode (default)\n\n"+
					"The following two options are useful only when verifying checksums:\n"+
					"      --status            don't output anything, status code shows success\n"+
					"  -w, --warn              warn about improperly formatted checksum lines\n")
		case "version":
			return txtVersion(p)
		}
	}
	w := txtOut(p)
	sum := func(name string) (string, error) {
		r, closer, err := txtOpen(p, name, w)
		if err != nil {
			return "", err
		}
		defer closer()
		h := md5.New()
		if _, err := io.Copy(h, r); err != nil {
			return "", err
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	status := 0
	if !check {
		for _, name := range txtOperands(operands) {
			s, err := sum(name)
			if err != nil {
				if txtIsStop(err) {
					return 1
				}
				txtErr(p, w, name, err)
				status = 1
				continue
			}
			mark := " "
			if binary {
				mark = "*"
			}
			fmt.Fprintf(w, "%s %s%s\n", s, mark, name)
		}
		return txtFinish(w, status)
	}
	for _, list := range txtOperands(operands) {
		data, err := txtRead(p, list)
		if err != nil {
			txtErr(p, w, list, err)
			status = 1
			continue
		}
		var good, bad, failed, formatted, lineNo int
		for _, line := range strings.Split(string(data), "\n") {
			lineNo++
			if line == "" {
				continue
			}
			if len(line) < 34 || line[32] != ' ' || (line[33] != ' ' && line[33] != '*') {
				if warn {
					w.Flush()
					p.Errorf("%s: %d: improperly formatted MD5 checksum line", list, lineNo)
				}
				continue
			}
			want, name := strings.ToLower(line[:32]), line[34:]
			if _, err := hex.DecodeString(want); err != nil {
				if warn {
					w.Flush()
					p.Errorf("%s: %d: improperly formatted MD5 checksum line", list, lineNo)
				}
				continue
			}
			formatted++
			got, err := sum(name)
			switch {
			case err != nil:
				failed++
				if !quietStatus {
					txtErr(p, w, name, err)
					fmt.Fprintf(w, "%s: FAILED open or read\n", name)
				}
			case got == want:
				good++
				if !quietStatus {
					fmt.Fprintf(w, "%s: OK\n", name)
				}
			default:
				bad++
				if !quietStatus {
					fmt.Fprintf(w, "%s: FAILED\n", name)
				}
			}
		}
		if formatted == 0 {
			w.Flush()
			p.Errorf("%s: no properly formatted MD5 checksum lines found", list)
			status = 1
			continue
		}
		w.Flush()
		if !quietStatus {
			if failed > 0 {
				word := "files"
				if formatted == 1 {
					word = "file"
				}
				p.Errorf("WARNING: %d of %d listed %s could not be read", failed, formatted, word)
			}
			if bad > 0 {
				computed := formatted - failed
				word := "checksums"
				if computed == 1 {
					word = "checksum"
				}
				p.Errorf("WARNING: %d of %d computed %s did NOT match", bad, computed, word)
			}
		}
		if bad > 0 || failed > 0 {
			status = 1
		}
	}
	return txtFinish(w, status)
}

// ---------------------------------------------------------------------
// diff (diffutils 2.8.1)

// txtDiffOpts are diff's options.
type txtDiffOpts struct {
	unified                     int // context lines; -1: normal format
	brief, same, recursive      bool
	icase, ignoreSpace, ignoreB bool
	label                       []string
}

func diffMain(p *Proc) int {
	opts, operands, err := Getopt(p.Args[1:], "abBiNqrsU:uw", []LongOpt{
		{"text", NoArg, 'a'}, {"ignore-space-change", NoArg, 'b'}, {"ignore-blank-lines", NoArg, 'B'},
		{"ignore-case", NoArg, 'i'}, {"new-file", NoArg, 'N'}, {"brief", NoArg, 'q'},
		{"recursive", NoArg, 'r'}, {"report-identical-files", NoArg, 's'},
		{"unified", OptionalArg, 0}, {"ignore-all-space", NoArg, 'w'}, {"label", RequiredArg, 0},
		{"normal", NoArg, 0}, {"help", NoArg, 0}, {"version", NoArg, 0},
	})
	tryHelp := func() int {
		fmt.Fprintf(p.Stderr, "diff: Try `diff --help' for more information.\n")
		return 2
	}
	if err != nil {
		fmt.Fprintf(p.Stderr, "diff: %v\n", err)
		return tryHelp()
	}
	o := txtDiffOpts{unified: -1}
	for _, op := range opts {
		switch op.Name {
		case "b":
			o.ignoreSpace = true
		case "w":
			o.ignoreB = true
		case "i":
			o.icase = true
		case "q":
			o.brief = true
		case "r":
			o.recursive = true
		case "s":
			o.same = true
		case "u":
			o.unified = 3
		case "U", "unified":
			n := 3
			if op.HasArg {
				v, err := strconv.Atoi(op.Arg)
				if err != nil || v < 0 {
					fmt.Fprintf(p.Stderr, "diff: invalid context length `%s'\n", op.Arg)
					return tryHelp()
				}
				n = v
			}
			o.unified = n
		case "normal":
			o.unified = -1
		case "label":
			o.label = append(o.label, op.Arg)
		case "help":
			fmt.Fprintf(p.Stdout, "Usage: diff [OPTION]... FILES\nCompare files line by line.\n\n"+
				"  -i  --ignore-case  Ignore case differences in file contents.\n"+
				"  -b  --ignore-space-change  Ignore changes in the amount of white space.\n"+
				"  -w  --ignore-all-space  Ignore all white space.\n"+
				"  -q  --brief  Output only whether files differ.\n"+
				"  -u  -U NUM  --unified[=NUM]  Output NUM (default 3) lines of unified context.\n"+
				"  -r  --recursive  Recursively compare any subdirectories found.\n"+
				"  -s  --report-identical-files  Report when two files are the same.\n\n"+
				"Report bugs to <bug-gnu-utils@gnu.org>.\n")
			return 0
		case "version":
			fmt.Fprintf(p.Stdout, "diff (GNU diffutils) 2.8.1\nCopyright (C) 2002 Free Software Foundation, Inc.\n\n"+
				"This program comes with NO WARRANTY, to the extent permitted by law.\n"+
				"You may redistribute copies of this program\n"+
				"under the terms of the GNU General Public License.\n"+
				"For more information about these matters, see the file named COPYING.\n\n"+
				"Written by Paul Eggert, Mike Haertel, David Hayes,\n"+
				"Richard Stallman, and Len Tower.\n")
			return 0
		}
	}
	switch {
	case len(operands) == 0:
		fmt.Fprintf(p.Stderr, "diff: missing operand\n")
		return tryHelp()
	case len(operands) == 1:
		fmt.Fprintf(p.Stderr, "diff: missing operand after %s\n", txtQuote(operands[0]))
		return tryHelp()
	case len(operands) > 2:
		fmt.Fprintf(p.Stderr, "diff: extra operand %s\n", txtQuote(operands[2]))
		return tryHelp()
	}
	w := txtOut(p)
	d := &txtDiff{p: p, w: w, o: o}
	status := d.paths(operands[0], operands[1], true)
	return txtFinish(w, status)
}

type txtDiff struct {
	p *Proc
	w *bufio.Writer
	o txtDiffOpts
}

func (d *txtDiff) stat(name string) (fs.FileInfo, error) {
	if name == "-" {
		return nil, nil
	}
	return d.p.userFS().Stat(d.p.Abs(name))
}

func (d *txtDiff) trouble(name string, err error) int {
	d.w.Flush()
	d.p.Errorf("%s: %s", name, Strerror(err))
	return 2
}

// paths compares two operands: files, or directories.
func (d *txtDiff) paths(a, b string, top bool) int {
	fa, err := d.stat(a)
	if err != nil {
		return d.trouble(a, err)
	}
	fb, err := d.stat(b)
	if err != nil {
		return d.trouble(b, err)
	}
	aDir, bDir := fa != nil && fa.IsDir(), fb != nil && fb.IsDir()
	switch {
	case aDir && bDir:
		return d.dirs(a, b)
	case aDir:
		if b == "-" {
			d.p.Errorf("cannot compare `-' to a directory")
			return 2
		}
		a = path.Join(a, path.Base(b))
		return d.paths(a, b, false)
	case bDir:
		if a == "-" {
			d.p.Errorf("cannot compare `-' to a directory")
			return 2
		}
		b = path.Join(b, path.Base(a))
		return d.paths(a, b, false)
	}
	return d.files(a, b, fa, fb, "")
}

// dirs compares two directories entry by entry.
func (d *txtDiff) dirs(a, b string) int {
	fsys := d.p.userFS()
	ea, err := fsys.ReadDir(d.p.Abs(a))
	if err != nil {
		return d.trouble(a, err)
	}
	eb, err := fsys.ReadDir(d.p.Abs(b))
	if err != nil {
		return d.trouble(b, err)
	}
	inB := map[string]bool{}
	for _, e := range eb {
		inB[e.Name()] = true
	}
	inA := map[string]bool{}
	var names []string
	for _, e := range ea {
		inA[e.Name()] = true
		names = append(names, e.Name())
	}
	for _, e := range eb {
		if !inA[e.Name()] {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	status := 0
	for _, n := range names {
		pa, pb := path.Join(a, n), path.Join(b, n)
		switch {
		case !inB[n]:
			fmt.Fprintf(d.w, "Only in %s: %s\n", a, n)
			status = max(status, 1)
		case !inA[n]:
			fmt.Fprintf(d.w, "Only in %s: %s\n", b, n)
			status = max(status, 1)
		default:
			fa, err := d.stat(pa)
			if err != nil {
				status = d.trouble(pa, err)
				continue
			}
			fb, err := d.stat(pb)
			if err != nil {
				status = d.trouble(pb, err)
				continue
			}
			switch {
			case fa.IsDir() && fb.IsDir():
				if d.o.recursive {
					status = max(status, d.dirs(pa, pb))
				} else {
					fmt.Fprintf(d.w, "Common subdirectories: %s and %s\n", pa, pb)
				}
			case fa.IsDir() != fb.IsDir():
				kind := func(fi fs.FileInfo) string {
					if fi.IsDir() {
						return "directory"
					}
					return "regular file"
				}
				fmt.Fprintf(d.w, "File %s is a %s while file %s is a %s\n", pa, kind(fa), pb, kind(fb))
				status = max(status, 1)
			default:
				header := "diff " + d.flags() + pa + " " + pb + "\n"
				status = max(status, d.files(pa, pb, fa, fb, header))
			}
		}
	}
	return status
}

// flags renders the options for the "diff -u a b" header of directory
// comparisons.
func (d *txtDiff) flags() string {
	var f []string
	if d.o.icase {
		f = append(f, "-i")
	}
	if d.o.ignoreSpace {
		f = append(f, "-b")
	}
	if d.o.ignoreB {
		f = append(f, "-w")
	}
	if d.o.recursive {
		f = append(f, "-r")
	}
	if d.o.unified == 3 {
		f = append(f, "-u")
	} else if d.o.unified >= 0 {
		f = append(f, fmt.Sprintf("-U %d", d.o.unified))
	}
	if len(f) == 0 {
		return ""
	}
	return strings.Join(f, " ") + " "
}

// files compares two regular files (or standard input).
func (d *txtDiff) files(a, b string, fa, fb fs.FileInfo, header string) int {
	da, err := txtRead(d.p, a)
	if err != nil {
		return d.trouble(a, err)
	}
	db, err := txtRead(d.p, b)
	if err != nil {
		return d.trouble(b, err)
	}
	if bytes.Equal(da, db) {
		if d.o.same {
			fmt.Fprintf(d.w, "Files %s and %s are identical\n", a, b)
		}
		return 0
	}
	binary := bytes.IndexByte(txtPrefix(da, 4096), 0) >= 0 || bytes.IndexByte(txtPrefix(db, 4096), 0) >= 0
	la, lb := txtSplitLines(da), txtSplitLines(db)
	ka, kb := d.keys(la), d.keys(lb)
	hunks := txtDiffLines(ka, kb)
	if len(hunks) == 0 {
		if d.o.same {
			fmt.Fprintf(d.w, "Files %s and %s are identical\n", a, b)
		}
		return 0
	}
	if d.o.brief || binary {
		if d.o.brief {
			fmt.Fprintf(d.w, "Files %s and %s differ\n", a, b)
		} else {
			fmt.Fprintf(d.w, "Binary files %s and %s differ\n", a, b)
		}
		return 1
	}
	d.w.WriteString(header)
	if d.o.unified >= 0 {
		la0, lb0 := a, b
		if len(d.o.label) > 0 {
			la0 = d.o.label[0]
		} else {
			la0 += "\t" + d.stamp(fa)
		}
		if len(d.o.label) > 1 {
			lb0 = d.o.label[1]
		} else {
			lb0 += "\t" + d.stamp(fb)
		}
		fmt.Fprintf(d.w, "--- %s\n+++ %s\n", la0, lb0)
		d.unified(la, lb, hunks)
	} else {
		d.normal(la, lb, hunks)
	}
	return 1
}

// stamp renders a modification time as diff -u does.
func (d *txtDiff) stamp(fi fs.FileInfo) string {
	t := d.p.Sys.Clock.Now()
	if fi != nil {
		t = fi.ModTime()
	}
	return t.Format("2006-01-02 15:04:05.000000000 -0700")
}

// keys are the lines as compared under -i, -b and -w.
func (d *txtDiff) keys(lines []string) []string {
	if !d.o.icase && !d.o.ignoreSpace && !d.o.ignoreB {
		return lines
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		l = strings.TrimSuffix(l, "\n")
		if d.o.icase {
			l = strings.ToLower(l)
		}
		switch {
		case d.o.ignoreB:
			l = strings.Join(strings.Fields(l), "")
		case d.o.ignoreSpace:
			l = strings.Join(strings.Fields(l), " ")
			if strings.HasPrefix(lines[i], " ") || strings.HasPrefix(lines[i], "\t") {
				l = " " + l
			}
		}
		out[i] = l
	}
	return out
}

func txtPrefix(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// txtSplitLines splits data into lines that keep their newline (the last
// may lack one).
func txtSplitLines(data []byte) []string {
	var out []string
	s := string(data)
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// txtHunk is one change: a[a1:a2] replaced by b[b1:b2] (0-based).
type txtHunk struct{ a1, a2, b1, b2 int }

// txtDiffLines computes the changes turning a into b with Myers'
// algorithm over the common prefix and suffix trimmed; past a bound on
// the edit distance the middle becomes one change.
func txtDiffLines(a, b []string) []txtHunk {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	A, B := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(A), len(B)
	if n == 0 && m == 0 {
		return nil
	}
	const maxD = 2000
	limit := min(n+m, maxD)
	off := limit
	v := make([]int, 2*limit+2)
	var trace [][]int
	found := -1
	for dd := 0; dd <= limit && found < 0; dd++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -dd; k <= dd; k += 2 {
			var x int
			if k == -dd || k != dd && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && A[x] == B[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = dd
				break
			}
		}
	}
	if found < 0 {
		return []txtHunk{{pre, pre + n, pre, pre + m}}
	}
	// Backtrack into a list of edits (x, y before each step).
	type edit struct {
		del  bool
		x, y int
	}
	var edits []edit
	x, y := n, m
	for dd := found; dd > 0; dd-- {
		vv := trace[dd]
		k := x - y
		var prevK int
		if k == -dd || k != dd && vv[off+k-1] < vv[off+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		px := vv[off+prevK]
		py := px - prevK
		for x > px && y > py {
			x--
			y--
		}
		if prevK == k+1 {
			edits = append(edits, edit{false, px, py}) // insert B[py]
		} else {
			edits = append(edits, edit{true, px, py}) // delete A[px]
		}
		x, y = px, py
	}
	// edits are in reverse order; group adjacent ones into hunks.
	var hunks []txtHunk
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		h := txtHunk{e.x, e.x, e.y, e.y}
		if e.del {
			h.a2++
		} else {
			h.b2++
		}
		if len(hunks) > 0 {
			last := &hunks[len(hunks)-1]
			if last.a2 == h.a1 && last.b2 == h.b1 {
				last.a2, last.b2 = h.a2, h.b2
				continue
			}
		}
		hunks = append(hunks, h)
	}
	for i := range hunks {
		hunks[i].a1 += pre
		hunks[i].a2 += pre
		hunks[i].b1 += pre
		hunks[i].b2 += pre
	}
	return hunks
}

// txtDiffRange renders a normal-format range of lines a1+1..a2.
func txtDiffRange(a1, a2 int) string {
	if a2-a1 <= 1 {
		if a2 == a1 {
			return strconv.Itoa(a1)
		}
		return strconv.Itoa(a2)
	}
	return fmt.Sprintf("%d,%d", a1+1, a2)
}

// line writes one line with its prefix, and the no-newline marker.
func (d *txtDiff) line(prefix, s string) {
	d.w.WriteString(prefix)
	d.w.WriteString(s)
	if !strings.HasSuffix(s, "\n") {
		d.w.WriteString("\n\\ No newline at end of file\n")
	}
}

func (d *txtDiff) normal(a, b []string, hunks []txtHunk) {
	for _, h := range hunks {
		switch {
		case h.b1 == h.b2:
			fmt.Fprintf(d.w, "%sd%d\n", txtDiffRange(h.a1, h.a2), h.b1)
		case h.a1 == h.a2:
			fmt.Fprintf(d.w, "%da%s\n", h.a1, txtDiffRange(h.b1, h.b2))
		default:
			fmt.Fprintf(d.w, "%sc%s\n", txtDiffRange(h.a1, h.a2), txtDiffRange(h.b1, h.b2))
		}
		for _, s := range a[h.a1:h.a2] {
			d.line("< ", s)
		}
		if h.a1 != h.a2 && h.b1 != h.b2 {
			d.w.WriteString("---\n")
		}
		for _, s := range b[h.b1:h.b2] {
			d.line("> ", s)
		}
	}
}

func (d *txtDiff) unified(a, b []string, hunks []txtHunk) {
	ctx := d.o.unified
	rng := func(start, n int) string {
		switch n {
		case 0:
			return fmt.Sprintf("%d,0", start)
		case 1:
			return strconv.Itoa(start + 1)
		}
		return fmt.Sprintf("%d,%d", start+1, n)
	}
	for i := 0; i < len(hunks); {
		// Merge hunks whose contexts touch.
		j := i
		for j+1 < len(hunks) && hunks[j+1].a1-hunks[j].a2 <= 2*ctx {
			j++
		}
		a1 := max(hunks[i].a1-ctx, 0)
		b1 := max(hunks[i].b1-ctx, 0)
		a2 := min(hunks[j].a2+ctx, len(a))
		b2 := min(hunks[j].b2+ctx, len(b))
		fmt.Fprintf(d.w, "@@ -%s +%s @@\n", rng(a1, a2-a1), rng(b1, b2-b1))
		pos := a1
		for k := i; k <= j; k++ {
			h := hunks[k]
			for _, s := range a[pos:h.a1] {
				d.line(" ", s)
			}
			for _, s := range a[h.a1:h.a2] {
				d.line("-", s)
			}
			for _, s := range b[h.b1:h.b2] {
				d.line("+", s)
			}
			pos = h.a2
		}
		for _, s := range a[pos:a2] {
			d.line(" ", s)
		}
		i = j + 1
	}
}
