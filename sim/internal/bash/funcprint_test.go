package bash

import (
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// firstFunc parses src and returns its first function definition;
// false if there is none or one has no name.
func firstFunc(t testing.TB, src string) (*syntax.FuncDecl, bool) {
	f, err := Parse(src, "script")
	if err != nil {
		return nil, false
	}
	var fd *syntax.FuncDecl
	named := true
	syntax.Walk(f, func(n syntax.Node) bool {
		if d, ok := n.(*syntax.FuncDecl); ok {
			// The parser lets "()" and simple-command bodies through.
			named = named && d.Name != nil && compound(d.Body)
			if fd == nil {
				fd = d
			}
		}
		if emptyList(n) {
			named = false // "( )", "{ }": bash rejects them
		}
		return true
	})
	return fd, fd != nil && named
}

// emptyList reports an empty command or a compound command with an
// empty list, which
// mvdan's parser lets through but bash does not.
func emptyList(n syntax.Node) bool {
	switch c := n.(type) {
	case *syntax.Stmt:
		return c.Cmd == nil && len(c.Redirs) == 0
	case *syntax.CallExpr:
		return len(c.Args) == 0 && len(c.Assigns) == 0
	case *syntax.Subshell:
		return len(c.Stmts) == 0
	case *syntax.Block:
		return len(c.Stmts) == 0
	case *syntax.IfClause:
		return len(c.Then) == 0
	case *syntax.WhileClause:
		return len(c.Do) == 0 || len(c.Cond) == 0
	case *syntax.ForClause:
		return len(c.Do) == 0
	}
	return false
}

// compound reports whether a function body is a compound command, as
// bash requires.
func compound(st *syntax.Stmt) bool {
	switch st.Cmd.(type) {
	case *syntax.Block, *syntax.Subshell, *syntax.IfClause, *syntax.WhileClause,
		*syntax.ForClause, *syntax.CaseClause, *syntax.ArithmCmd, *syntax.TestClause:
		return true
	}
	return false
}

// funcText prints the first function of src as declare -f does.
func funcText(t *testing.T, src string) string {
	t.Helper()
	fd, ok := firstFunc(t, src)
	if !ok {
		t.Fatalf("no function in %q", src)
	}
	return FuncText(fd.Name.Value, fd.Body)
}

func TestFuncText(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"one command", "f() { echo hi; }",
			"f () \n{ \n    echo hi\n}\n"},
		{"list", "f() {\n\ta\n\tb c\n\td\n}",
			"f () \n{ \n    a;\n    b c;\n    d\n}\n"},
		{"if", "f() { if [ -n \"$1\" ]; then echo y; fi; }",
			"f () \n{ \n    if [ -n \"$1\" ]; then\n        echo y;\n    fi\n}\n"},
		{"if else", "f() { if a; then b; else c; d; fi; e; }",
			"f () \n{ \n    if a; then\n        b;\n    else\n        c;\n        d;\n    fi;\n    e\n}\n"},
		{"elif nests", "f() { if a; then b; elif c; then d; fi; }",
			"f () \n{ \n    if a; then\n        b;\n    else\n        if c; then\n            d;\n        fi;\n    fi\n}\n"},
		{"while", "f() { while read -r l; do echo \"$l\"; done < /etc/passwd; }",
			"f () \n{ \n    while read -r l; do\n        echo \"$l\";\n    done < /etc/passwd\n}\n"},
		{"until", "f() { until false; do :; done; }",
			"f () \n{ \n    until false; do\n        :;\n    done\n}\n"},
		{"for", "f() { for x in a b c; do echo $x; done; }",
			"f () \n{ \n    for x in a b c;\n    do\n        echo $x;\n    done\n}\n"},
		{"for without in", "f() { for x; do echo $x; done; }",
			"f () \n{ \n    for x in \"$@\";\n    do\n        echo $x;\n    done\n}\n"},
		{"case", "f() { case \"$1\" in start|go) a; b;; stop) c;; *) ;; esac; }",
			"f () \n{ \n    case \"$1\" in \n        start | go)\n            a;\n            b\n        ;;\n        stop)\n            c\n        ;;\n        *)\n        ;;\n    esac\n}\n"},
		{"redirections", "f() { a >/dev/null 2>&1; b >&2; c 2>/dev/null <in >>log; d >&-; }",
			"f () \n{ \n    a > /dev/null 2>&1;\n    b 1>&2;\n    c 2> /dev/null < in >> log;\n    d 1>&-\n}\n"},
		{"redirection first", "f() { >&2 echo x; }",
			"f () \n{ \n    echo x 1>&2\n}\n"},
		{"command substitution kept", "f() { pid=\"$(pidof x)\"; n=`date`; }",
			"f () \n{ \n    pid=\"$(pidof x)\";\n    n=`date`\n}\n"},
		{"and or", "f() { [ -f x ] && . x || echo no; }",
			"f () \n{ \n    [ -f x ] && . x || echo no\n}\n"},
		{"negation pipe", "f() { ! ps ax | grep -q x; }",
			"f () \n{ \n    ! ps ax | grep -q x\n}\n"},
		{"subshell", "f() { (cd /; ls) >/dev/null; }",
			"f () \n{ \n    ( cd /;\n    ls ) > /dev/null\n}\n"},
		{"group", "f() { { a; b; } >&2; }",
			"f () \n{ \n    { \n        a;\n        b\n    } 1>&2\n}\n"},
		{"background", "f() { a & b; c; }",
			"f () \n{ \n    a & b;\n    c\n}\n"},
		{"background last", "f() { a & }",
			"f () \n{ \n    a &\n}\n"},
		{"here-document", "f() {\n\tcat <<EOF\nhello $USER\nEOF\n\techo done\n}",
			"f () \n{ \n    cat <<EOF;\nhello $USER\nEOF\n    echo done\n}\n"},
		{"quoted here-document", "f() {\n\tcat <<'EOF' >x\n$a\nEOF\n}",
			"f () \n{ \n    cat <<'EOF' > x\n$a\nEOF\n}\n"},
		{"background before then", "f() { if a & then b & fi; }",
			"f () \n{ \n    if a & then\n        b &\n    fi\n}\n"},
		{"nested function", "f() { g() { echo g; }; g; }",
			"f () \n{ \n    function g () \n    { \n        echo g\n    };\n    g\n}\n"},
		{"locals and assignments", "f() { local a=1 b; X=1 cmd arg; }",
			"f () \n{ \n    local a=1 b;\n    X=1 cmd arg\n}\n"},
		{"translated string", "f() { echo $\"Usage: f {start|stop}\"; }",
			"f () \n{ \n    echo $\"Usage: f {start|stop}\"\n}\n"},
		{"test and arithmetic", "f() { [[ -n $a ]] && ((i++)); }",
			"f () \n{ \n    [[ -n $a ]] && ((i++))\n}\n"},
		{"function redirection", "f() { echo; } >&2",
			"f () \n{ \n    echo\n} 1>&2\n"},
		{"subshell body", "f() ( echo )",
			"f () \n{ \n    ( echo )\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := funcText(t, tt.in); got != tt.want {
				t.Errorf("FuncText(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTypeImageFunctions prints functions of the image's
// /etc/init.d/functions with type, as bash 3.2 lays them out.
func TestTypeImageFunctions(t *testing.T) {
	t.Parallel()
	src := imageFile(t, "/etc/rc.d/init.d/functions")
	tests := []struct{ name, want string }{
		{"checkpid", `checkpid is a function
checkpid () 
{ 
    local p;
    for p in "$@";
    do
        [ -d "/proc/$p" ] && return 0;
    done;
    return 1
}
`},
		{"__pids_pidof", `__pids_pidof is a function
__pids_pidof () 
{ 
    pidof -c -o $$ -o $PPID -o %PPID -x "$1" || pidof -c -o $$ -o $PPID -o %PPID -x "${1##*/}"
}
`},
		{"__pids_var_run", `__pids_var_run is a function
__pids_var_run () 
{ 
    local base=${1##*/};
    local pid_file=${2:-/var/run/$base.pid};
    local line p;
    pid=;
    [ -f "$pid_file" ] || return 3;
    [ -r "$pid_file" ] || return 4;
    while read -r line || [ -n "$line" ]; do
        for p in $line;
        do
            [ -z "${p//[0-9]/}" ] && [ -d "/proc/$p" ] && pid="$pid $p";
        done;
    done < "$pid_file";
    [ -n "$pid" ] && return 0;
    return 1
}
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, _ := runScript(t, src+"\ntype "+tt.name, nil, nil)
			if got != tt.want {
				t.Errorf("type %s = %q; want %q", tt.name, got, tt.want)
			}
		})
	}
}

// TestTypeKillprocHead pins the start of type killproc: locals, the
// usage check, case clauses and the > /dev/null 2>&1 normalization.
func TestTypeKillprocHead(t *testing.T) {
	t.Parallel()
	src := imageFile(t, "/etc/rc.d/init.d/functions")
	got, _ := runScript(t, src+"\ntype killproc", nil, nil)
	want := `killproc is a function
killproc () 
{ 
    local RC=0 killlevel= base pid pid_file= delay=3 waited;
    if [ $# -eq 0 ]; then
        echo $"Usage: killproc [-p pidfile] [ -d delay] {program} [-signal]";
        return 1;
    fi;
    case $1 in 
        -p)
            pid_file=$2;
            shift 2
        ;;
    esac;
`
	if !strings.HasPrefix(got, want) {
		t.Errorf("type killproc = %q; want it to start %q", got, want)
	}
	if !strings.Contains(got, "\n                kill -TERM $pid > /dev/null 2>&1;\n") {
		t.Errorf("type killproc = %q; want kill -TERM $pid > /dev/null 2>&1;", got)
	}
	if !strings.HasSuffix(got, "\n    return $RC\n}\n") {
		t.Errorf("type killproc = %q; want it to end with return $RC and }", got)
	}
}

// FuzzFuncText prints a parsed function, parses the printed text again
// and prints it once more: both prints must be identical.
func FuzzFuncText(f *testing.F) {
	for _, s := range []string{
		"f() { echo hi; }", "f() { if a; then b; elif c; then d; else e; fi; }",
		"f() { while a; do b & c; done >x; }", "f() { for i in 1 2; do :; done; }",
		"f() { case $1 in a|b) x;; *) ;; esac; }", "f() { (a; b) 2>&1; { c; } >&2; }",
		"f() {\ncat <<EOF\nx $y\nEOF\n}", "f() { g() { :; }; ! a | b && c || d; }",
		"f() { local a=$(b) c=`d`; x=1 y; [[ a ]]; ((i++)); }",
		"f() { a <<<x 3<&0 4<>f >|g &>h; }", "f() ( x )",
		"f() {\nif cat <<E &\nx\nE\nthen :; fi\n}", "f() { while a & do b; done; }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.ContainsFunc(src, func(r rune) bool { return r < ' ' && r != '\n' && r != '\t' }) {
			return // mvdan's word printer rewrites other control bytes
		}
		fd, ok := firstFunc(t, src)
		if !ok {
			return
		}
		name := fd.Name.Value
		first := FuncText(name, fd.Body)
		again, ok := firstFunc(t, first)
		if !ok {
			t.Fatalf("FuncText(%q) = %q; does not parse back", src, first)
		}
		if second := FuncText(again.Name.Value, again.Body); second != first {
			t.Fatalf("FuncText(%q) = %q; printed again %q", src, first, second)
		}
	})
}
