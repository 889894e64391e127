package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
)

// TestKeyTable checks the table that drives dispatch, the bar and the
// help: every label is in the catalog, and no key means two things in one
// scope.
func TestKeyTable(t *testing.T) {
	t.Parallel()
	seen := map[string]action{}
	for _, b := range keyTable {
		if _, ok := catalog[b.label]; !ok {
			t.Errorf("key %s: label %q is not in the catalog", keyName(b), b.label)
		}
		if b.short != "" {
			if _, ok := catalog[b.short]; !ok {
				t.Errorf("key %s: short label %q is not in the catalog", keyName(b), b.short)
			}
		}
		k := scopeNames[b.scope].String() + " " + keyName(b)
		if a, ok := seen[k]; ok && a != b.act {
			t.Errorf("%s is bound twice", k)
		}
		seen[k] = b.act
	}
}

func (id msgID) String() string { return string(id) }

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    scope
		ev   *tcell.EventKey
		want action
		arg  int
	}{
		{scopeGlobal, tcell.NewEventKey(tcell.KeyF1, 0, tcell.ModNone), actHelp, 0},
		{scopeSandbox, tcell.NewEventKey(tcell.KeyF1, 0, tcell.ModAlt), actConsole, 1},
		{scopeSandbox, tcell.NewEventKey(tcell.KeyF6, 0, tcell.ModAlt), actConsole, 6},
		{scopeSandbox, tcell.NewEventKey(tcell.KeyF6, 0, tcell.ModNone), actKernelThreads, 0},
		{scopeSandbox, tcell.NewEventKey(tcell.KeyCtrlRightSq, 0, tcell.ModCtrl), actNextConsole, 0},
		{scopeTerminal, tcell.NewEventKey(tcell.KeyCtrlA, 'a', tcell.ModCtrl), actLineStart, 0},
		{scopeTerminal, tcell.NewEventKey(tcell.KeyRune, 'a', tcell.ModCtrl), actLineStart, 0},
		{scopeTerminal, tcell.NewEventKey(tcell.KeyBackspace2, 0, tcell.ModNone), actBackspace, 0},
		{scopeTerminal, tcell.NewEventKey(tcell.KeyRune, 'a', tcell.ModNone), actNone, 0},
		{scopeTerminal, tcell.NewEventKey(tcell.KeyTab, 0, tcell.ModNone), actComplete, 0},
		{scopeHome, tcell.NewEventKey(tcell.KeyRune, 'l', tcell.ModNone), actLanguage, 0},
		{scopeHome, tcell.NewEventKey(tcell.KeyRune, 'l', tcell.ModAlt), actNone, 0},
		{scopePs, tcell.NewEventKey(tcell.KeyRune, 's', tcell.ModNone), actSortPs, 0},
	}
	for _, tc := range tests {
		if act, arg := lookup(tc.s, tc.ev); act != tc.want || arg != tc.arg {
			t.Errorf("lookup(%v, %s) = %v, %d; want %v, %d", tc.s, tc.ev.Name(), act, arg, tc.want, tc.arg)
		}
	}
}

// TestCatalog checks that every message has both languages, that a
// message's formats agree, and that every id declared is in the catalog.
func TestCatalog(t *testing.T) {
	t.Parallel()
	for id, e := range catalog {
		if e[English] == "" || e[Korean] == "" {
			t.Errorf("%s lacks a language: %q", id, e)
		}
		if verbs(e[English]) != verbs(e[Korean]) {
			t.Errorf("%s: the English and Korean formats take different arguments: %q, %q", id, e[English], e[Korean])
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "i18n.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ids := 0
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok {
			return true
		}
		if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "msgID" {
			return true
		}
		for _, v := range vs.Values {
			lit := v.(*ast.BasicLit)
			ids++
			if _, ok := catalog[msgID(strings.Trim(lit.Value, `"`))]; !ok {
				t.Errorf("message %s is declared but not in the catalog", lit.Value)
			}
		}
		return true
	})
	if ids != len(catalog) {
		t.Errorf("%d message ids declared, %d in the catalog", ids, len(catalog))
	}
}

// verbs lists a format's verbs in order ("%s%d").
func verbs(s string) string {
	var out []byte
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' {
			out = append(out, '%', s[i+1])
			i++
		}
	}
	return string(out)
}

func TestLang(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		vars map[string]string
		want Lang
	}{
		{nil, English},
		{map[string]string{"LANG": "ko_KR.UTF-8"}, Korean},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}, English},
		{map[string]string{"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, Korean},
		{map[string]string{"LC_MESSAGES": "ko_KR", "LANG": "C"}, Korean},
	}
	for _, tc := range tests {
		if got := LangFromEnv(env(tc.vars)); got != tc.want {
			t.Errorf("LangFromEnv(%v) = %v; want %v", tc.vars, got, tc.want)
		}
	}
	for in, want := range map[string]Lang{"en": English, "ko": Korean, "KO": Korean, "korean": Korean, "한국어": Korean, "ko_KR.UTF-8": Korean, "english": English} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := ParseLang("fr"); ok {
		t.Errorf("ParseLang(fr) succeeded")
	}
}
