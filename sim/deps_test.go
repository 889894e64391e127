package sim_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers states which of rclab's packages each top-level directory may
// import. A package may always import its own subpackages.
var layers = map[string][]string{
	"vfs":       {},
	"sim":       {"rclab/vfs"},
	"lessons":   {"rclab/vfs", "rclab/sim"},
	"scenarios": {"rclab/vfs", "rclab/sim", "rclab/lessons/check"},
	"cmd":       {"rclab/"},
}

// hostCalls are the functions that reach the host's files, processes,
// clock or randomness; nothing below cmd/ may call them.
var hostCalls = map[string][]string{
	"os": {"Open", "OpenFile", "Create", "ReadFile", "WriteFile", "Stat", "Lstat",
		"Mkdir", "MkdirAll", "MkdirTemp", "CreateTemp", "Remove", "RemoveAll", "Rename",
		"Getwd", "Chdir", "Environ", "Getenv", "LookupEnv", "Setenv", "ReadDir",
		"Readlink", "Symlink", "Link", "Chmod", "Chown", "Chtimes", "Exit",
		"Getpid", "Getppid", "Hostname", "UserHomeDir", "TempDir", "StartProcess"},
	"time":      {"Now", "Since", "Until", "Sleep", "After", "Tick", "NewTimer", "NewTicker", "AfterFunc"},
	"math/rand": {"Int", "Intn", "Float64", "Seed", "Perm", "Shuffle"},
	"io/ioutil": {"ReadFile", "WriteFile", "ReadDir", "TempDir", "TempFile"},
}

// allowedWallClock lists files that may read the host clock for a reason
// other than simulation: the shell's runaway-command deadline.
var allowedWallClock = map[string]bool{"budget.go": true}

func TestLayering(t *testing.T) {
	root := filepath.Join("..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		top, _, _ := strings.Cut(rel, "/")
		allowed, ok := layers[top]
		if !ok {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, "rclab/") || strings.HasPrefix(p, "rclab/"+top+"/") || p == "rclab/"+top {
				continue
			}
			if !permitted(p, allowed) {
				t.Errorf("%s imports %s; %s/ may import only %v", rel, p, top, allowed)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func permitted(p string, allowed []string) bool {
	for _, a := range allowed {
		if p == a || strings.HasPrefix(p, a+"/") || (strings.HasSuffix(a, "/") && strings.HasPrefix(p, a)) {
			return true
		}
	}
	return false
}

// TestSealed proves by reading the source that sim and vfs never reach the
// host: no os/exec, no host file, clock or randomness calls (tests aside).
func TestSealed(t *testing.T) {
	for _, dir := range []string{"../sim", "../vfs"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Errorf("%s: %v", path, err)
				return nil
			}
			names := map[string]string{} // local name → import path
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if p == "os/exec" || p == "syscall/js" || p == "net" || p == "net/http" {
					t.Errorf("%s imports %s", path, p)
				}
				local := p[strings.LastIndex(p, "/")+1:]
				if imp.Name != nil {
					local = imp.Name.Name
				}
				names[local] = p
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				id, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				pkg := names[id.Name]
				for _, fn := range hostCalls[pkg] {
					if sel.Sel.Name == fn && !(pkg == "time" && allowedWallClock[filepath.Base(path)]) {
						t.Errorf("%s: %s calls %s.%s, which reaches the host", fset.Position(sel.Pos()), filepath.Base(path), pkg, fn)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
