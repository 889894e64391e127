// Package image holds the base images rclab machines boot from: a whole
// root file system per image, embedded in the binary, plus a small
// profile of facts about the machine (host name, release, versions).
//
// # Layout of an image
//
// Image NAME lives in the directory NAME beside this file:
//
//   - NAME/root/ is the tree as it appears on the machine
//     (NAME/root/etc/inittab is /etc/inittab). Without other information a
//     directory there is 0755 root:root and a file is 0644 root:root.
//   - NAME/MANIFEST lists every entry that needs more than that, or that
//     git cannot hold: modes and owners, empty directories, symbolic links
//     (all the /etc/rc.d/rcN.d links among them) and device nodes. Its
//     format is described by [ParseManifest] and at the top of the file.
//   - NAME/PROGRAMS lists every program path the image's scripts and
//     configuration files run, for the simulator's command table (see
//     [Programs]). The image itself has nothing in /bin, /sbin, /usr/bin
//     or /usr/sbin: the simulator writes those entries.
//   - NAME/PACKAGES (optional) says which RPM package owns each entry of
//     the tree and each program path (see [ParsePackages]); Load writes
//     it, with every file's size and digest, to [PackageDB].
//
// [Load] writes an image into a file system; every entry gets the modes
// and owners of the MANIFEST and the modification time [Mtime].
package image

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"

	"rclab/vfs"
)

//go:embed all:centos5
var images embed.FS

// Mtime is the modification time of every file and directory of a freshly
// loaded image (the release date of CentOS 5.11).
var Mtime = time.Date(2014, 9, 30, 12, 0, 0, 0, time.UTC)

// Target is what Load writes into (vfs.FS satisfies it).
type Target interface {
	afero.Fs
	afero.Linker // SymlinkIfPossible
	Lchown(name string, uid, gid int) error
	Mknod(name string, mode fs.FileMode, uid, gid int) error
}

// Info is the profile of an image: facts about the machine that are not
// files.
type Info struct {
	Name             string // image name, e.g. "centos5"
	Hostname         string // lab1
	Release          string // the line of /etc/redhat-release
	Kernel           string // uname -r
	Arch             string // uname -m
	InitVersion      string // sysvinit version, as in "INIT: version 2.86 booting"
	ChkconfigVersion string // chkconfig --version
	BashVersion      string // $BASH_VERSION
}

var profiles = map[string]Info{
	"centos5": {
		Name:             "centos5",
		Hostname:         "lab1",
		Release:          "CentOS release 5.11 (Final)",
		Kernel:           "2.6.18-398.el5",
		Arch:             "i686",
		InitVersion:      "2.86",
		ChkconfigVersion: "1.3.30.2",
		BashVersion:      "3.2.25(1)-release",
	},
}

// Names lists the images, sorted.
func Names() []string {
	names := make([]string, 0, len(profiles))
	for n := range profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Profile returns the facts about image name.
func Profile(name string) (Info, error) {
	p, ok := profiles[name]
	if !ok {
		return Info{}, unknown(name)
	}
	return p, nil
}

func unknown(name string) error {
	return fmt.Errorf("image: unknown image %q (have %s)", name, strings.Join(Names(), ", "))
}

// Manifest returns the parsed MANIFEST of image name.
func Manifest(name string) ([]Entry, error) {
	if _, ok := profiles[name]; !ok {
		return nil, unknown(name)
	}
	f, err := images.Open(name + "/MANIFEST")
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	defer f.Close()
	entries, err := ParseManifest(f)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	return entries, nil
}

// Programs returns the program paths listed in the PROGRAMS file of image
// name, in file order. In that file a '#' starts a comment.
func Programs(name string) ([]string, error) {
	if _, ok := profiles[name]; !ok {
		return nil, unknown(name)
	}
	data, err := images.ReadFile(name + "/PROGRAMS")
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	var progs []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if f := strings.Fields(text); len(f) != 1 || checkPath(f[0]) != nil {
			return nil, fmt.Errorf("image %s: PROGRAMS line %d: want one absolute clean path, got %q", name, line, text)
		}
		progs = append(progs, text)
	}
	return progs, nil
}

// node is one entry of the tree Load writes.
type node struct {
	path     string
	kind     Kind
	mode     fs.FileMode // permission and special bits
	uid, gid int
	data     []byte // regular files
	target   string // symbolic links
}

// plans caches the tree of each image: the embedded files never change.
var plans sync.Map // name -> *planResult

type planResult struct {
	once  sync.Once
	nodes []node
	err   error

	treeOnce sync.Once
	tree     *vfs.FS // the image written once, for vfs targets to copy
	treeErr  error
}

func plan(name string) ([]node, error) {
	v, _ := plans.LoadOrStore(name, &planResult{})
	r := v.(*planResult)
	r.once.Do(func() { r.nodes, r.err = buildPlan(name) })
	return r.nodes, r.err
}

// Load writes the whole tree of image name into dst: directories, files,
// symbolic links and devices with the modes and owners of the MANIFEST.
// Every entry but the symbolic links then gets the time Mtime (links keep
// the time dst gave them). An unknown name is an error naming it.
func Load(name string, dst Target) error {
	if _, ok := profiles[name]; !ok {
		return unknown(name)
	}
	if fsys, ok := dst.(*vfs.FS); ok {
		// A vfs target takes a copy-on-write copy of the tree written
		// once; when it cannot (not empty, its own clock, quota), it is
		// written entry by entry below and fails as that fails.
		if tree, err := loadedTree(name); err == nil && fsys.CopyTree(tree) == nil {
			return nil
		}
	}
	return write(name, dst)
}

// loadedTree returns image name written into a file system of its own,
// built on first use; callers must not change it.
func loadedTree(name string) (*vfs.FS, error) {
	v, _ := plans.LoadOrStore(name, &planResult{})
	r := v.(*planResult)
	r.treeOnce.Do(func() {
		t := vfs.New()
		if r.treeErr = write(name, t); r.treeErr == nil {
			r.tree = t
		}
	})
	return r.tree, r.treeErr
}

// write creates every entry of image name in dst, one by one.
func write(name string, dst Target) error {
	nodes, err := plan(name)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		if err := create(dst, n); err != nil {
			return fmt.Errorf("image %s: %w", name, err)
		}
	}
	// Times last: creating an entry may touch its directory's time.
	for _, n := range nodes {
		if n.kind == KindSymlink {
			continue
		}
		if err := dst.Chtimes(n.path, Mtime, Mtime); err != nil {
			return fmt.Errorf("image %s: %w", name, err)
		}
	}
	return nil
}

func create(dst Target, n node) error {
	switch n.kind {
	case KindDir:
		if n.path != "/" {
			if err := dst.Mkdir(n.path, n.mode.Perm()); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
		}
		if err := dst.Chmod(n.path, n.mode); err != nil {
			return err
		}
	case KindFile:
		f, err := dst.OpenFile(n.path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, n.mode.Perm())
		if err != nil {
			return err
		}
		if _, err := f.Write(n.data); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if err := dst.Chmod(n.path, n.mode); err != nil {
			return err
		}
	case KindSymlink:
		if err := dst.SymlinkIfPossible(n.target, n.path); err != nil {
			return err
		}
	case KindChar:
		return dst.Mknod(n.path, fs.ModeDevice|fs.ModeCharDevice|n.mode, n.uid, n.gid)
	case KindBlock:
		return dst.Mknod(n.path, fs.ModeDevice|n.mode, n.uid, n.gid)
	}
	return dst.Lchown(n.path, n.uid, n.gid)
}

// buildPlan merges the embedded tree and the MANIFEST into the ordered
// list of entries Load creates (parents always before their children).
func buildPlan(name string) ([]node, error) {
	fail := func(format string, args ...any) ([]node, error) {
		return nil, fmt.Errorf("image %s: "+format, append([]any{name}, args...)...)
	}
	entries, err := Manifest(name)
	if err != nil {
		return nil, err
	}
	rootDir := name + "/root"
	byPath := map[string]*node{"/": {path: "/", kind: KindDir, mode: 0o755}}
	err = fs.WalkDir(images, rootDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		abs := "/" + strings.TrimPrefix(strings.TrimPrefix(p, rootDir), "/")
		if abs == "/" {
			return nil
		}
		if d.IsDir() {
			byPath[abs] = &node{path: abs, kind: KindDir, mode: 0o755}
			return nil
		}
		data, err := images.ReadFile(p)
		if err != nil {
			return err
		}
		byPath[abs] = &node{path: abs, kind: KindFile, mode: 0o644, data: data}
		return nil
	})
	if err != nil {
		return fail("%v", err)
	}

	users, err := idTable(byPath["/etc/passwd"], 2)
	if err != nil {
		return fail("/etc/passwd: %v", err)
	}
	groups, err := idTable(byPath["/etc/group"], 2)
	if err != nil {
		return fail("/etc/group: %v", err)
	}

	for _, e := range entries {
		n := byPath[e.Path]
		switch e.Kind {
		case KindDir:
			if n != nil && n.kind != KindDir {
				return fail("MANIFEST line %d: %s is a file in the tree", e.Line, e.Path)
			}
		case KindFile:
			if n == nil || n.kind != KindFile {
				return fail("MANIFEST line %d: %s is not a file of the tree", e.Line, e.Path)
			}
		default:
			if n != nil {
				return fail("MANIFEST line %d: %s also exists in the tree", e.Line, e.Path)
			}
		}
		if n == nil {
			n = &node{path: e.Path, kind: e.Kind}
			byPath[e.Path] = n
		}
		n.kind = e.Kind
		n.mode = e.Mode
		n.target = e.Target
		if n.uid, err = lookupID(users, e.Owner); err != nil {
			return fail("MANIFEST line %d: user %v", e.Line, err)
		}
		if n.gid, err = lookupID(groups, e.Group); err != nil {
			return fail("MANIFEST line %d: group %v", e.Line, err)
		}
	}

	// The package database describes the tree as it now stands.
	if list, err := Packages(name); err != nil {
		return nil, err
	} else if list != nil {
		if err := writePackageDB(list, byPath, users, groups); err != nil {
			return fail("%v", err)
		}
	}

	// Every parent must be a directory; missing ones are implied.
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	for _, p := range paths {
		for dir := path.Dir(p); dir != "/"; dir = path.Dir(dir) {
			d, ok := byPath[dir]
			if !ok {
				byPath[dir] = &node{path: dir, kind: KindDir, mode: 0o755}
				continue
			}
			if d.kind != KindDir {
				return fail("%s lies below %s, which is not a directory", p, dir)
			}
		}
	}

	nodes := make([]node, 0, len(byPath))
	for _, n := range byPath {
		nodes = append(nodes, *n)
	}
	sort.Slice(nodes, func(i, j int) bool { return pathLess(nodes[i].path, nodes[j].path) })
	return nodes, nil
}

// pathLess orders paths component by component, so a directory always
// comes before everything below it.
func pathLess(a, b string) bool {
	return strings.ReplaceAll(a, "/", "\x00") < strings.ReplaceAll(b, "/", "\x00")
}

// idTable reads name -> number from a passwd or group file of the tree
// (the number in field idx, counted from 0).
func idTable(n *node, idx int) (map[string]int, error) {
	if n == nil || n.kind != KindFile {
		return nil, errors.New("missing from the tree")
	}
	ids := map[string]int{}
	for i, line := range strings.Split(string(n.data), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) <= idx {
			return nil, fmt.Errorf("line %d: too few fields", i+1)
		}
		id, err := strconv.Atoi(f[idx])
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		ids[f[0]] = id
	}
	return ids, nil
}

func lookupID(table map[string]int, s string) (int, error) {
	if id, err := strconv.Atoi(s); err == nil && id >= 0 {
		return id, nil
	}
	if id, ok := table[s]; ok {
		return id, nil
	}
	return 0, fmt.Errorf("%q is not known", s)
}
