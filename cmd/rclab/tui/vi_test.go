package tui

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

// viRun is a vi session in a test: what it saved and whether it quit.
type viRun struct {
	v      *viEditor
	saved  map[string]string
	writes int
	quit   bool
}

// newViRun opens vi on data as /etc/inittab; refuse makes every write
// fail as the machine would.
func newViRun(req edRequest, refuse error) *viRun {
	r := &viRun{saved: map[string]string{}}
	save := func(path, data string) error {
		if refuse != nil {
			return refuse
		}
		r.saved[path] = data
		r.writes++
		return nil
	}
	r.v = newViEditor(testEnv(English, false), req, save, func() { r.quit = true })
	r.v.now = func() time.Time { return testClock }
	return r
}

func (r *viRun) keys(s string) {
	for _, ev := range edKeys(s) {
		r.v.key(ev)
	}
}

func inittabReq() edRequest {
	return edRequest{name: "/etc/inittab", path: "/etc/inittab", data: edFixture, exists: true}
}

func TestViOpenMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		req  edRequest
		want string
	}{
		{inittabReq(), `"/etc/inittab" 30L, 838C`},
		{edRequest{name: "new.txt", path: "/root/new.txt"}, `"new.txt" [New File]`},
		{edRequest{name: "/etc/shadow", path: "/etc/shadow", data: "root:x:0\n", exists: true, readOnly: true}, `"/etc/shadow" [readonly] 1L, 9C`},
		{edRequest{name: "f", path: "/f", data: "a\nb", exists: true}, `"f" [noeol] 2L, 3C`},
		{edRequest{name: "empty", path: "/empty", data: "", exists: true}, `"empty" 0L, 0C`},
		{edRequest{}, ``},
	}
	for _, tt := range tests {
		r := newViRun(tt.req, nil)
		if r.v.msg != tt.want {
			t.Errorf("vi %s: message %q; want %q", tt.req.name, r.v.msg, tt.want)
		}
	}
}

// TestViEdits runs key sequences on a small file and checks the text,
// the cursor and the message line.
func TestViEdits(t *testing.T) {
	t.Parallel()
	const three = "one two three\nfour five\nsix\n"
	tests := []struct {
		name     string
		data     string
		keys     string
		want     string
		row, col int
		msg      string
	}{
		{"insert", three, "ihello <Esc>", "hello one two three\nfour five\nsix\n", 0, 5, ""},
		{"append", three, "aX<Esc>", "oXne two three\nfour five\nsix\n", 0, 1, ""},
		{"append end", three, "A!<Esc>", "one two three!\nfour five\nsix\n", 0, 13, ""},
		{"insert start", "   indented\n", "$Ix<Esc>", "   xindented\n", 0, 3, ""},
		{"open below", three, "oNEW<Esc>", "one two three\nNEW\nfour five\nsix\n", 1, 2, ""},
		{"open above", three, "jONEW<Esc>", "one two three\nNEW\nfour five\nsix\n", 1, 2, ""},
		{"x", three, "x", "ne two three\nfour five\nsix\n", 0, 0, ""},
		{"3x at end", three, "$3x", "one two thre\nfour five\nsix\n", 0, 11, ""},
		{"X", three, "wX", "onetwo three\nfour five\nsix\n", 0, 3, ""},
		{"dd", three, "dd", "four five\nsix\n", 0, 0, ""},
		{"3dd reports", "a\nb\nc\nd\n", "3dd", "d\n", 0, 0, "3 fewer lines"},
		{"dd last line", three, "Gdd", "one two three\nfour five\n", 1, 0, ""},
		{"2dd on last line refused", three, "G2dd", three, 2, 0, ""},
		{"dd all", "a\n", "dd", "", 0, 0, ""},
		{"dw", three, "dw", "two three\nfour five\nsix\n", 0, 0, ""},
		{"dw last word", three, "wwdw", "one two \nfour five\nsix\n", 0, 7, ""},
		{"d2w", three, "d2w", "three\nfour five\nsix\n", 0, 0, ""},
		{"cw", three, "cwONE<Esc>", "ONE two three\nfour five\nsix\n", 0, 2, ""},
		{"cw one letter", "a b\n", "cwX<Esc>", "X b\n", 0, 0, ""},
		{"de", three, "de", " two three\nfour five\nsix\n", 0, 0, ""},
		{"d$", three, "wd$", "one \nfour five\nsix\n", 0, 3, ""},
		{"D", three, "wD", "one \nfour five\nsix\n", 0, 3, ""},
		{"C", three, "wCX<Esc>", "one X\nfour five\nsix\n", 0, 4, ""},
		{"dj", three, "dj", "six\n", 0, 0, ""},
		{"dG", three, "jdG", "one two three\n", 0, 0, ""},
		{"dgg", three, "jjdgg", "", 0, 0, "--No lines in buffer--"},
		{"dfe", three, "dfe", " two three\nfour five\nsix\n", 0, 0, ""},
		{"dtw", three, "dtw", "wo three\nfour five\nsix\n", 0, 0, ""},
		{"cc", three, "jccnew<Esc>", "one two three\nnew\nsix\n", 1, 2, ""},
		{"S", three, "Snew<Esc>", "new\nfour five\nsix\n", 0, 2, ""},
		{"s", three, "sO<Esc>", "One two three\nfour five\nsix\n", 0, 0, ""},
		{"yy p", three, "yyp", "one two three\none two three\nfour five\nsix\n", 1, 0, ""},
		{"yy P", three, "jyyP", "one two three\nfour five\nfour five\nsix\n", 1, 0, ""},
		{"3yy reports", "a\nb\nc\n", "3yyG", "a\nb\nc\n", 2, 0, "3 lines yanked"},
		{"3p reports", "a\n", "yy3p", "a\na\na\na\n", 1, 0, "3 more lines"},
		{"dd p moves a line", three, "ddp", "four five\none two three\nsix\n", 1, 0, ""},
		{"yw P", three, "ywP", "one one two three\nfour five\nsix\n", 0, 3, ""},
		{"x p swaps", "ab\n", "xp", "ba\n", 0, 1, ""},
		{"p empty register", three, "p", three, 0, 0, `E353: Nothing in register "`},
		{"J", three, "J", "one two three four five\nsix\n", 0, 13, ""},
		{"3J", three, "3J", "one two three four five six\n", 0, 23, ""},
		{"J after period", "end.\nnext\n", "J", "end.  next\n", 0, 4, ""},
		{"J on last line", three, "GJ", three, 2, 0, ""},
		{"r", three, "r1", "1ne two three\nfour five\nsix\n", 0, 0, ""},
		{"3r", three, "3rx", "xxx two three\nfour five\nsix\n", 0, 2, ""},
		{"r too many", "ab\n", "5rx", "ab\n", 0, 0, ""},
		{"tilde", three, "3~", "ONE two three\nfour five\nsix\n", 0, 3, ""},
		{"R", three, "RONE<Esc>", "ONE two three\nfour five\nsix\n", 0, 2, ""},
		{"R backspace restores", three, "RAB<BS><BS><Esc>", three, 0, 0, ""},
		{"undo", three, "ddu", three, 0, 0, "1 more line; before #1  0 seconds ago"},
		{"undo insert", three, "ifoo<Esc>u", three, 0, 0, "1 change; before #1  0 seconds ago"},
		{"undo twice", three, "ddddu", "four five\nsix\n", 0, 0, "1 more line; before #2  0 seconds ago"},
		{"undo nothing", three, "u", three, 0, 0, "Already at oldest change"},
		{"redo", three, "ddu<C-r>", "four five\nsix\n", 0, 0, "1 line less; after #1  0 seconds ago"},
		{"redo nothing", three, "<C-r>", three, 0, 0, "Already at newest change"},
		{"dot", three, "dd.", "six\n", 0, 0, ""},
		{"dot insert", three, "A!<Esc>j.", "one two three!\nfour five!\nsix\n", 1, 9, ""},
		{"dot count", "a\nb\nc\nd\ne\n", "dd2.", "d\ne\n", 0, 0, ""},
		{"count dot", three, "x3.", "two three\nfour five\nsix\n", 0, 0, ""},
		{"backspace joins", three, "jiX<Esc>0i<BS><BS><Esc>", "one two threXfour five\nsix\n", 0, 11, ""},
		{"enter splits", three, "wi<CR><Esc>", "one \ntwo three\nfour five\nsix\n", 1, 0, ""},
		{"ctrl-w", three, "A<C-w><Esc>", "one two \nfour five\nsix\n", 0, 7, ""},
		{"korean insert", "\n", "i한글<Esc>", "한글\n", 0, 1, ""},
		{"korean x", "한글\n", "x", "글\n", 0, 0, ""},
		{"alt is esc", three, "ifoo<M-j>", "fooone two three\nfour five\nsix\n", 1, 2, ""},
	}
	for _, tt := range tests {
		r := newViRun(edRequest{name: "f", path: "/f", data: tt.data, exists: true}, nil)
		r.keys(tt.keys)
		b := r.v.buf
		if got := b.text(); got != tt.want {
			t.Errorf("%s: keys %q give %q; want %q", tt.name, tt.keys, got, tt.want)
		}
		if b.row != tt.row || b.col != tt.col {
			t.Errorf("%s: keys %q leave the cursor at %d,%d; want %d,%d", tt.name, tt.keys, b.row, b.col, tt.row, tt.col)
		}
		if tt.msg != "" && r.v.msg != tt.msg {
			t.Errorf("%s: keys %q show %q; want %q", tt.name, tt.keys, r.v.msg, tt.msg)
		}
		if r.v.mode != viNormal {
			t.Errorf("%s: keys %q leave vi in mode %d; want normal", tt.name, tt.keys, r.v.mode)
		}
	}
}

// TestViMotions checks where motions leave the cursor.
func TestViMotions(t *testing.T) {
	t.Parallel()
	const text = "one two, three\n\n  four five\nsix-seven eight\n"
	tests := []struct {
		keys     string
		row, col int
	}{
		{"l", 0, 1}, {"3l", 0, 3}, {"100l", 0, 13}, {"$", 0, 13}, {"$h", 0, 12},
		{"j", 1, 0}, {"jj", 2, 0}, {"5j", 3, 0}, {"G", 3, 0}, {"Ggg", 0, 0}, {"3G", 2, 2}, {"2gg", 1, 0},
		{"$jj", 2, 10}, {"$jjj", 3, 14}, {"4lj", 1, 0}, {"4ljj", 2, 4},
		{"w", 0, 4}, {"ww", 0, 7}, {"www", 0, 9}, {"4w", 1, 0}, {"5w", 2, 2}, {"W", 0, 4}, {"WW", 0, 9},
		{"e", 0, 2}, {"ee", 0, 6}, {"eee", 0, 7}, {"E", 0, 2}, {"EE", 0, 7},
		{"$b", 0, 9}, {"$bb", 0, 7}, {"$bbb", 0, 4}, {"jjb", 1, 0}, {"jjbb", 0, 9},
		{"jj^", 2, 2}, {"jj$0", 2, 0}, {"G$", 3, 14}, {"Gw", 3, 3}, {"GW", 3, 10}, {"G$w", 3, 14},
		{"fe", 0, 2}, {"2fe", 0, 12}, {"te", 0, 1}, {"$Ft", 0, 9}, {"$Tt", 0, 10}, {"fo;", 0, 6}, {"fo;,", 0, 0},
		{"jj<CR>", 3, 0}, {"G-", 2, 2}, {"<Down><Right>", 1, 0}, {"jj<Down><Up>", 2, 0}, {"<End>", 0, 13},
		{"ll<BS>", 0, 1}, {"j<BS>", 0, 13}, {"$ ", 1, 0}, {"jj5|", 2, 4},
		{"/five<CR>", 2, 7}, {"/e<CR>n", 0, 12}, {"G?o<CR>", 2, 3}, {"/o<CR>N", 0, 0}, {"*", 0, 0}, {"w#", 0, 4},
		{"H", 0, 0}, {"L", 3, 0}, {"M", 1, 0},
	}
	for _, tt := range tests {
		r := newViRun(edRequest{name: "f", path: "/f", data: text, exists: true}, nil)
		r.keys(tt.keys)
		if b := r.v.buf; b.row != tt.row || b.col != tt.col {
			t.Errorf("keys %q move to %d,%d; want %d,%d", tt.keys, b.row, b.col, tt.row, tt.col)
		}
	}
}

// TestViSearch checks search messages: wrapping, not found, regexps.
func TestViSearch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		keys     string
		row, col int
		msg      string
		kind     viMsgKind
	}{
		{"/rc 3<CR>", 13, 20, "/rc 3", viMsgPlain},
		{"/nosuch<CR>", 0, 0, "E486: Pattern not found: nosuch", viMsgError},
		{"G/inittab<CR>", 0, 2, "search hit BOTTOM, continuing at TOP", viMsgWarn},
		{"?initdefault<CR>", 6, 5, "search hit TOP, continuing at BOTTOM", viMsgWarn},
		{"/^l[0-9]:5<CR>", 15, 0, "/^l[0-9]:5", viMsgPlain},
		{`/tty\d<CR>n`, 23, 30, `/tty\d`, viMsgPlain},
		{`/\<rc\>.sysinit<CR>`, 8, 22, `/\<rc\>.sysinit`, viMsgPlain},
		{"/DEFAULT\\c<CR>", 2, 2, "/DEFAULT\\c", viMsgPlain},
		{":set ic<CR>/DEFAULT<CR>", 2, 2, "/DEFAULT", viMsgPlain},
		{"/런레벨<CR>", 5, 5, "/런레벨", viMsgPlain},
		{"n", 0, 0, "E35: No previous regular expression", viMsgError},
		{"/id/<CR>", 6, 0, "/id", viMsgPlain},
		{"/a(b<CR>", 0, 0, "E486: Pattern not found: a(b", viMsgError},
		{"/[unclosed<CR>", 0, 0, "E486: Pattern not found: [unclosed", viMsgError},
		{":set nows<CR>G/inittab<CR>", 29, 0, "E385: search hit BOTTOM without match for: inittab", viMsgError},
	}
	for _, tt := range tests {
		r := newViRun(inittabReq(), nil)
		r.keys(tt.keys)
		b := r.v.buf
		if b.row != tt.row || b.col != tt.col {
			t.Errorf("keys %q move to %d,%d; want %d,%d", tt.keys, b.row, b.col, tt.row, tt.col)
		}
		if r.v.msg != tt.msg || r.v.msgKind != tt.kind {
			t.Errorf("keys %q show %q (kind %d); want %q (kind %d)", tt.keys, r.v.msg, r.v.msgKind, tt.msg, tt.kind)
		}
	}
}

// TestViEx checks ex commands: writing, quitting and their refusals.
func TestViEx(t *testing.T) {
	t.Parallel()
	const three = "one\ntwo\nthree\n"
	denied := errors.New("open /etc/x: permission denied")
	tests := []struct {
		name   string
		req    edRequest
		refuse error
		keys   string
		msg    string
		kind   viMsgKind
		saved  map[string]string
		quit   bool
		text   string
	}{
		{"w", edRequest{name: "/etc/x", path: "/etc/x", data: three, exists: true}, nil, "dd:w<CR>",
			`"/etc/x" 2L, 10C written`, viMsgPlain, map[string]string{"/etc/x": "two\nthree\n"}, false, ""},
		{"w new", edRequest{name: "new", path: "/root/new"}, nil, "ihi<Esc>:w<CR>",
			`"new" [New] 1L, 3C written`, viMsgPlain, map[string]string{"/root/new": "hi\n"}, false, ""},
		{"w other file", edRequest{name: "/etc/x", path: "/etc/x", data: three, exists: true}, nil, ":w /tmp/copy<CR>",
			`"/tmp/copy" 3L, 14C written`, viMsgPlain, map[string]string{"/tmp/copy": three}, false, ""},
		{"w refused", edRequest{name: "/etc/x", path: "/etc/x", data: three, exists: true}, denied, "dd:w<CR>",
			`"/etc/x" E212: Can't open file for writing`, viMsgError, nil, false, ""},
		{"w readonly", edRequest{name: "/etc/x", path: "/etc/x", data: three, exists: true, readOnly: true}, nil, ":w<CR>",
			`E45: 'readonly' option is set (add ! to override)`, viMsgError, nil, false, ""},
		{"w! readonly", edRequest{name: "/etc/x", path: "/etc/x", data: three, exists: true, readOnly: true}, nil, ":w!<CR>",
			`"/etc/x" 3L, 14C written`, viMsgPlain, map[string]string{"/etc/x": three}, false, ""},
		{"w no name", edRequest{}, nil, "ihi<Esc>:w<CR>", "E32: No file name", viMsgError, nil, false, ""},
		{"q unchanged", edRequest{name: "x", data: three, exists: true}, nil, ":q<CR>", ":q", viMsgPlain, nil, true, ""},
		{"q modified", edRequest{name: "x", data: three, exists: true}, nil, "dd:q<CR>",
			"E37: No write since last change (add ! to override)", viMsgError, nil, false, ""},
		{"q!", edRequest{name: "x", data: three, exists: true}, nil, "dd:q!<CR>", ":q!", viMsgPlain, nil, true, ""},
		{"quit trailing", edRequest{name: "x", data: three, exists: true}, nil, ":q x<CR>", "E488: Trailing characters", viMsgError, nil, false, ""},
		{"wq", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, "dd:wq<CR>",
			`"x" 2L, 10C written`, viMsgPlain, map[string]string{"/x": "two\nthree\n"}, true, ""},
		{"wq refused", edRequest{name: "x", path: "/x", data: three, exists: true}, denied, "dd:wq<CR>",
			`"x" E212: Can't open file for writing`, viMsgError, nil, false, ""},
		{"x unchanged", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, ":x<CR>", ":x", viMsgPlain, nil, true, ""},
		{"x changed", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, "dd:x<CR>",
			`"x" 2L, 10C written`, viMsgPlain, map[string]string{"/x": "two\nthree\n"}, true, ""},
		{"ZZ", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, "ddZZ",
			`"x" 2L, 10C written`, viMsgPlain, map[string]string{"/x": "two\nthree\n"}, true, ""},
		{"ZQ", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, "ddZQ", `"x" 3L, 14C`, viMsgPlain, nil, true, ""},
		{"unknown", edRequest{name: "x", data: three, exists: true}, nil, ":foo<CR>", "E492: Not an editor command: foo", viMsgError, nil, false, ""},
		{"goto line", edRequest{name: "x", data: three, exists: true}, nil, ":2<CR>x", ":2", viMsgPlain, nil, false, "one\nwo\nthree\n"},
		{"goto past end", edRequest{name: "x", data: three, exists: true}, nil, ":99<CR>x", ":99", viMsgPlain, nil, false, "one\ntwo\nhree\n"},
		{"delete range", edRequest{name: "x", data: three, exists: true}, nil, ":1,2d<CR>", ":1,2d", viMsgPlain, nil, false, "three\n"},
		{"bad range", edRequest{name: "x", data: three, exists: true}, nil, ":1,9d<CR>", "E16: Invalid range", viMsgError, nil, false, three},
		{"substitute", edRequest{name: "x", data: "id:5:initdefault:\n", exists: true}, nil, ":s/5/3/<CR>", ":s/5/3/", viMsgPlain, nil, false, "id:3:initdefault:\n"},
		{"substitute all", edRequest{name: "x", data: "a a\na\na\n", exists: true}, nil, ":%s/a/b/g<CR>",
			"4 substitutions on 3 lines", viMsgPlain, nil, false, "b b\nb\nb\n"},
		{"substitute groups", edRequest{name: "x", data: "key=value\n", exists: true}, nil, `:s/\(\w*\)=\(\w*\)/\2=\1 [&]/<CR>`,
			`:s/\(\w*\)=\(\w*\)/\2=\1 [&]/`, viMsgPlain, nil, false, "value=key [key=value]\n"},
		{"substitute missing", edRequest{name: "x", data: three, exists: true}, nil, ":s/zzz/y/<CR>", "E486: Pattern not found: zzz", viMsgError, nil, false, three},
		{"set nu query", edRequest{name: "x", data: three, exists: true}, nil, ":set nu<CR>:set nu?<CR>", "  number", viMsgPlain, nil, false, ""},
		{"set unknown", edRequest{name: "x", data: three, exists: true}, nil, ":set foo<CR>", "E518: Unknown option: foo", viMsgError, nil, false, ""},
		{"e! reverts", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, "dd:e!<CR>", `"x" 3L, 14C`, viMsgPlain, nil, false, three},
		{"e refuses", edRequest{name: "x", path: "/x", data: three, exists: true}, nil, "dd:e<CR>",
			"E37: No write since last change (add ! to override)", viMsgError, nil, false, "two\nthree\n"},
		{"readonly warning", edRequest{name: "x", data: three, exists: true, readOnly: true}, nil, "x",
			"W10: Warning: Changing a readonly file", viMsgWarn, nil, false, ""},
		{"ctrl-c", edRequest{name: "x", data: three, exists: true}, nil, "<C-c>", "Type  :quit<Enter>  to exit Vim", viMsgPlain, nil, false, ""},
		{"ctrl-g", edRequest{name: "x", data: three, exists: true}, nil, "j<C-g>", `"x" 3 lines --66%--`, viMsgPlain, nil, false, ""},
		{"ctrl-g modified", edRequest{name: "x", data: three, exists: true}, nil, "dd<C-g>", `"x" [Modified] 2 lines --50%--`, viMsgPlain, nil, false, ""},
		{"esc cancels cmdline", edRequest{name: "x", data: three, exists: true}, nil, ":q<Esc>", "", viMsgPlain, nil, false, ""},
		{"help", edRequest{name: "x", data: three, exists: true}, nil, ":help<CR>", "E149: Sorry, no help for help.txt", viMsgError, nil, false, ""},
		{"history", edRequest{name: "x", data: three, exists: true}, nil, ":set nu<CR>:<Up><BS><BS>nonu<CR>", ":set nonu", viMsgPlain, nil, false, ""},
	}
	for _, tt := range tests {
		r := newViRun(tt.req, tt.refuse)
		r.keys(tt.keys)
		if r.v.msg != tt.msg || r.v.msgKind != tt.kind {
			t.Errorf("%s: keys %q show %q (kind %d); want %q (kind %d)", tt.name, tt.keys, r.v.msg, r.v.msgKind, tt.msg, tt.kind)
		}
		if len(r.saved) != len(tt.saved) {
			t.Errorf("%s: keys %q saved %q; want %q", tt.name, tt.keys, r.saved, tt.saved)
		}
		for p, want := range tt.saved {
			if got := r.saved[p]; got != want {
				t.Errorf("%s: keys %q saved %q in %s; want %q", tt.name, tt.keys, got, p, want)
			}
		}
		if r.quit != tt.quit {
			t.Errorf("%s: keys %q quit = %v; want %v", tt.name, tt.keys, r.quit, tt.quit)
		}
		if tt.text != "" && r.v.buf.text() != tt.text {
			t.Errorf("%s: keys %q leave %q; want %q", tt.name, tt.keys, r.v.buf.text(), tt.text)
		}
	}
}

// TestViModified checks that writing clears the modified flag and undo
// past a write sets it again.
func TestViModified(t *testing.T) {
	t.Parallel()
	r := newViRun(edRequest{name: "x", path: "/x", data: "a\nb\n", exists: true}, nil)
	r.keys("dd:w<CR>")
	if r.v.buf.modified {
		t.Fatalf("modified after :w")
	}
	r.keys("u:q<CR>")
	if r.quit || !strings.HasPrefix(r.v.msg, "E37") {
		t.Errorf("undo after :w then :q: quit %v, message %q; want E37", r.quit, r.v.msg)
	}
	r.keys("<C-r>:q<CR>")
	if !r.quit {
		t.Errorf("redo back to the written text then :q did not quit: %q", r.v.msg)
	}
}

// TestViLine opens at +N.
func TestViLine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ line, want int }{{0, 0}, {7, 6}, {999, 29}, {-1, 29}} {
		req := inittabReq()
		req.line = tt.line
		r := newViRun(req, nil)
		if r.v.buf.row != tt.want {
			t.Errorf("vi +%d starts on line %d; want %d", tt.line, r.v.buf.row, tt.want)
		}
	}
}

func TestVimRegexp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pat, line string
		want      int // where the first match starts, -1 for none
	}{
		{"a.c", "xxabc", 2}, {"a*", "bbb", 0}, {"^id", "id:5", 0}, {"^id", "x id", -1},
		{"5$", "id:5", 3}, {"a+b", "aab a+b", 4}, {`a\+b`, "xaab", 1}, {`\(ab\)\{2}`, "ababx", 0},
		{"(x)", "f(x)", 1}, {`a\|b`, "cb", 1}, {`\<is\>`, "this is", 5}, {"[0-9]:", "l3:3", 1},
		{`\s\d`, "a 5", 1}, {"*star", "a*star", 1}, {"$x", "a$x", 1}, {"x{2}", "xx{2}", 1},
	}
	for _, tt := range tests {
		re := vimRegexp(tt.pat, false)
		got := -1
		if m := findAllIn(re, []rune(tt.line)); m != nil {
			got = m[0][0]
		}
		if got != tt.want {
			t.Errorf("vimRegexp(%q) on %q matches at %d; want %d (Go: %s)", tt.pat, tt.line, got, tt.want, re)
		}
	}
}

// FuzzViKeys types random keys at vi: it must never panic, and the
// buffer must stay consistent.
func FuzzViKeys(f *testing.F) {
	for _, s := range []string{"dd", "3dwP", "ihello\x1b.", "/a\ru", ":%s/a/b/g\r", "Jx~rR", "cwfoo\x1bu\x12", "Gdgg", "yy5p:1,3d\r"} {
		f.Add(edFixture, s)
	}
	scr := newFuzzScreen(f)
	f.Fuzz(func(t *testing.T, data, keys string) {
		if len(keys) > 200 {
			keys = keys[:200]
		}
		r := newViRun(edRequest{name: "f", path: "/f", data: data, exists: true}, nil)
		for _, c := range keys {
			var ev *tcell.EventKey
			switch {
			case c < 0x20:
				ev = tcell.NewEventKey(tcell.Key(c), 0, tcell.ModNone)
			case c == 0x7f:
				ev = tcell.NewEventKey(tcell.KeyBackspace2, 0, tcell.ModNone)
			default:
				ev = tcell.NewEventKey(tcell.KeyRune, c, tcell.ModNone)
			}
			r.v.key(ev)
			if r.quit {
				return
			}
			b := r.v.buf
			if len(b.lines) == 0 || b.row < 0 || b.row >= len(b.lines) || b.col < 0 || b.col > len(b.cur()) {
				t.Fatalf("keys %q: cursor %d,%d outside %d lines", keys, b.row, b.col, len(b.lines))
			}
		}
		scr.draw(r.v)
	})
}

// TestViScreen draws vi's opening screen at 80×24 and checks it against
// the golden file, with the cursor and the colours.
func TestViScreen(t *testing.T) {
	t.Parallel()
	r := newViRun(inittabReq(), nil)
	s, cx, cy, vis := edShot(t, 80, 24, r.v)
	golden(t, "vi_open", s.text())
	if !vis || cx != 0 || cy != 0 {
		t.Errorf("cursor at %d,%d (visible %v); want 0,0", cx, cy, vis)
	}
	// Korean takes two cells a character
	x, y, ok := s.find("기본")
	if !ok || string(s.at(x+2, y).Runes) != "본" {
		t.Errorf("기본 not laid out two cells a character:\n%s", s.text())
	}
	// the tab of line 4 reaches column 8
	if x, y, _ := s.find("3 - full"); x != 8 || y != 3 {
		t.Errorf("text after a tab at %d,%d; want 8,3", x, y)
	}
}

// TestViScreenShort checks ~ past the end, -- INSERT --, an error and the
// cursor on a tab, in colour and in monochrome.
func TestViScreenShort(t *testing.T) {
	t.Parallel()
	for _, mono := range []bool{false, true} {
		r := newViRun(edRequest{name: "f", path: "/f", data: "\tone\ntwo\n", exists: true}, nil)
		r.v.env = testEnv(English, mono)
		s, cx, cy, _ := edShot(t, 80, 24, r.v)
		if cx != 7 || cy != 0 {
			t.Errorf("mono %v: cursor on a tab at %d,%d; want its last cell 7,0", mono, cx, cy)
		}
		tilde := s.at(0, 2)
		fg, _, attr := tilde.Style.Decompose()
		if string(tilde.Runes) != "~" || attr&tcell.AttrBold == 0 || (!mono && fg != tcell.ColorBlue) {
			t.Errorf("mono %v: row 3 starts with %q in %v %v; want a bold blue ~", mono, string(tilde.Runes), fg, attr)
		}
		if got := strings.TrimRight(s.text(), "\n"); !strings.HasSuffix(got, `"f" 2L, 9C                                                    1,1-8         All`) {
			t.Errorf("mono %v: last line %q", mono, got[strings.LastIndex(got, "\n")+1:])
		}
		r.keys("A")
		s, cx, cy, _ = edShot(t, 80, 24, r.v)
		if x, y, _ := s.find("-- INSERT --"); y != 23 || x != 0 || s.at(0, 23).Style != tcell.StyleDefault.Bold(true) {
			t.Errorf("mono %v: -- INSERT -- at %d,%d in %v", mono, x, y, s.at(0, 23).Style)
		}
		if cx != 11 || cy != 0 {
			t.Errorf("mono %v: insert cursor after the line at %d,%d; want 11,0", mono, cx, cy)
		}
		r.keys("<Esc>:nosuch<CR>")
		s, _, _, _ = edShot(t, 80, 24, r.v)
		fg, bg, attr := s.at(0, 23).Style.Decompose()
		switch {
		case mono && attr&tcell.AttrReverse == 0:
			t.Errorf("mono: error drawn %v %v %v; want reverse", fg, bg, attr)
		case !mono && (fg != tcell.ColorWhite || bg != tcell.ColorMaroon):
			t.Errorf("error drawn %v on %v; want white on red", fg, bg)
		}
		for _, c := range s.cells {
			if fg, bg, _ := c.Style.Decompose(); mono && (fg != tcell.ColorDefault || bg != tcell.ColorDefault) {
				t.Fatalf("mono: %q drawn in %v on %v", string(c.Runes), fg, bg)
			}
		}
	}
}

// TestViScreenNumberAndResize draws :set nu, and the same buffer at a
// narrower size, where the long line wraps.
func TestViScreenNumberAndResize(t *testing.T) {
	t.Parallel()
	r := newViRun(inittabReq(), nil)
	r.keys(":set nu<CR>20G")
	s, cx, cy, _ := edShot(t, 80, 24, r.v)
	golden(t, "vi_number", s.text())
	if cx != 4 || cy != 19 {
		t.Errorf("cursor at %d,%d; want 4,19 (after the number column)", cx, cy)
	}
	s, cx, cy, _ = edShot(t, 50, 12, r.v)
	golden(t, "vi_narrow", s.text())
	if cy >= 11 || cx != 4 {
		t.Errorf("cursor at %d,%d at 50×12; want on the screen, after the numbers", cx, cy)
	}
}

// TestViApp runs vi in a tview application: keys through the event loop,
// a write and the end.
func TestViApp(t *testing.T) {
	t.Parallel()
	r := newViRun(edRequest{name: "f", path: "/f", data: "one\n", exists: true}, nil)
	done := make(chan struct{})
	r.v.done = func() { close(done) }
	app, scr := edApp(t, 80, 24, r.v)
	edType(scr, "Otop<Esc>")
	edWait(t, app, scr, "the new line", func(s screenshot) bool { return strings.HasPrefix(s.text(), "top\none\n~") })
	edType(scr, ":wq<CR>")
	select {
	case <-done:
	case <-time.After(waitTimeout):
		t.Fatalf("vi did not end after :wq")
	}
	var saved string
	app.QueueUpdate(func() { saved = r.saved["/f"] })
	if saved != "top\none\n" {
		t.Errorf(":wq saved %q; want %q", saved, "top\none\n")
	}
}

// TestViScroll checks where the screen's top line goes: a line at a time
// near the edge, centred when far, a page less two lines with Ctrl-F.
func TestViScroll(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for i := 1; i <= 100; i++ {
		sb.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	tests := []struct {
		keys     string
		top, row int
	}{
		{"22j", 0, 22},
		{"23j", 1, 23},
		{"30j", 8, 30},
		{"46j", 24, 46},
		{"47j", 36, 47},
		{"50Gk", 38, 48},
		{"50G15k", 34, 34},
		{"50G20k", 29, 29},
		{"50G25k", 13, 24},
		{"G", 77, 99},
		{"Ggg", 0, 0},
		{"50G", 38, 49},
		{"<C-f>", 21, 21},
		{"<C-f><C-f>", 42, 42},
		{"<C-f><C-f><C-b>", 21, 42},
		{"<C-d>", 11, 11},
		{"<C-e>", 1, 1},
		{"50Gzt", 49, 49},
		{"50Gz<CR>", 49, 49},
		{"50Gzb", 27, 49},
		{"/line 60<CR>", 48, 59},
		{"L", 0, 22},
		{"10<C-e>M", 10, 21},
	}
	for _, tt := range tests {
		r := newViRun(edRequest{name: "f", path: "/f", data: sb.String(), exists: true}, nil)
		r.keys(tt.keys)
		if r.v.top != tt.top || r.v.buf.row != tt.row {
			t.Errorf("keys %q: top %d, row %d; want %d, %d", tt.keys, r.v.top, r.v.buf.row, tt.top, tt.row)
		}
	}
}

// TestViInSandbox opens vi from the sandbox's shell: the keys reach it,
// :wq writes the file on the machine, and the prompt comes back.
func TestViInSandbox(t *testing.T) {
	t.Parallel()
	h := start(t, 80, 24)
	h.sandbox()
	h.line("vi /etc/inittab")
	h.waitText(`"/etc/inittab" 50L, 1576C`)
	h.typeText("ddOedited by vi")
	h.key(tcell.KeyEscape)
	h.key(tcell.KeyCtrlC) // Ctrl-C is vi's, not the app's
	h.waitText("Type  :quit<Enter>  to exit Vim")
	h.typeText(":wq")
	h.key(tcell.KeyEnter)
	h.waitIdle()
	s := h.run("head -2 /etc/inittab")
	if !strings.Contains(s.text(), "edited by vi\n# inittab       Tells init") {
		t.Errorf("after :wq the file starts:\n%s", s.text())
	}
}
