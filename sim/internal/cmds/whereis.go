package cmds

// whereis as in util-linux 2.13 (CentOS 5): the binaries, sources and
// manual pages of each name, found by reading a fixed list of
// directories of the machine. Manual pages are the machine's files under
// the manual directories plus the pages man knows (help.go), at the paths
// man -w gives them.

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

func init() {
	Register(Command{
		Name:    "whereis",
		Dirs:    []string{"/usr/bin"},
		Summary: "locate the binary, source, and manual page files for a command",
		Usage:   "whereis [ -sbmu ] [ -SBM dir ... -f ] name...",
		Main:    whereisMain,
	})
}

// The directories whereis searches, in its order; "DIR/*" stands for each
// directory in DIR.
var (
	whereisBinDirs = []string{"/bin", "/usr/bin", "/sbin", "/usr/sbin", "/etc", "/usr/etc", "/lib", "/usr/lib",
		"/usr/games", "/usr/games/bin", "/usr/games/lib", "/usr/emacs/etc", "/usr/lib/emacs/*/etc",
		"/usr/TeX/bin", "/usr/tex/bin", "/usr/interviews/bin/LINUX", "/usr/X11R6/bin", "/usr/X386/bin",
		"/usr/bin/X11", "/usr/X11/bin", "/usr/X11R5/bin", "/usr/local/bin", "/usr/local/sbin", "/usr/local/etc",
		"/usr/local/lib", "/usr/local/games", "/usr/local/games/bin", "/usr/local/emacs/etc", "/usr/local/TeX/bin",
		"/usr/local/tex/bin", "/usr/local/bin/X11", "/usr/contrib", "/usr/hosts", "/usr/include", "/usr/g++-include",
		"/usr/ucb", "/usr/old", "/usr/new", "/usr/local", "/usr/libexec", "/usr/share", "/opt/*/bin"}
	whereisManDirs = []string{"/usr/man/*", "/usr/share/man/*", "/usr/X386/man/*", "/usr/X11/man/*", "/usr/TeX/man/*",
		"/usr/interviews/man/mann"}
	whereisSrcDirs = []string{"/usr/src/*", "/usr/src/lib/libc/*", "/usr/src/lib/libc/net/*", "/usr/src/ucb/pascal",
		"/usr/src/ucb/pascal/utilities", "/usr/src/undoc"}
)

const whereisUsage = "whereis [ -sbmu ] [ -SBM dir ... -f ] name...\n"

func whereisMain(p *Proc) int {
	args := p.Args[1:]
	if len(args) == 0 {
		fmt.Fprint(p.Stderr, whereisUsage)
		return 1
	}
	sflag, bflag, mflag, uflag := true, true, true, false
	var sdirs, bdirs, mdirs []string
	zerof := func() {
		if sflag && bflag && mflag {
			sflag, bflag, mflag = false, false, false
		}
	}
	var b strings.Builder
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			whereisLookup(p, &b, a, sflag, bflag, mflag, uflag, sdirs, bdirs, mdirs)
			continue
		}
		for _, c := range a[1:] {
			switch c {
			case 'f':
			case 'S', 'B', 'M':
				// The directories up to the next option.
				var list []string
				for i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
					i++
					list = append(list, args[i])
				}
				switch c {
				case 'S':
					sdirs = list
				case 'B':
					bdirs = list
				default:
					mdirs = list
				}
			case 's':
				zerof()
				sflag = true
			case 'b':
				zerof()
				bflag = true
			case 'm':
				zerof()
				mflag = true
			case 'u':
				uflag = true
			default:
				p.Printf("%s", b.String())
				fmt.Fprint(p.Stderr, whereisUsage)
				return 1
			}
		}
	}
	p.Printf("%s", b.String())
	return 0
}

// whereisLookup prints one name's line: its sources, binaries and pages.
func whereisLookup(p *Proc, b *strings.Builder, name string, sflag, bflag, mflag, uflag bool, sdirs, bdirs, mdirs []string) {
	// The name loses its last suffix and its directories.
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	var found [3][]string
	if sflag {
		found[0] = whereisSearch(p, name, sdirs, whereisSrcDirs, false)
	}
	if bflag {
		found[1] = whereisSearch(p, name, bdirs, whereisBinDirs, false)
	}
	if mflag {
		found[2] = whereisSearch(p, name, mdirs, whereisManDirs, mdirs == nil)
	}
	if uflag {
		// -u: only names with other than one entry of a kind asked for.
		unusual := false
		for i, on := range []bool{sflag, bflag, mflag} {
			unusual = unusual || (on && len(found[i]) != 1)
		}
		if !unusual {
			return
		}
	}
	b.WriteString(name + ":")
	for _, list := range found {
		for _, f := range list {
			b.WriteString(" " + f)
		}
	}
	b.WriteString("\n")
}

// whereisSearch looks for name in the directories given (-B, -M, -S) or
// else the default ones; pages adds man's pages in /usr/share/man.
func whereisSearch(p *Proc, name string, given, defaults []string, pages bool) []string {
	dirs := given
	if dirs == nil {
		dirs = defaults
	}
	var out []string
	for _, pattern := range dirs {
		for _, dir := range whereisExpand(p, pattern) {
			entries := whereisEntries(p, dir)
			if pages && path.Dir(dir) == "/usr/share/man" {
				entries = whereisAddPages(entries, path.Base(dir))
			}
			for _, e := range entries {
				if whereisMatch(name, e) {
					out = append(out, dir+"/"+e)
				}
			}
		}
		if pages && pattern == "/usr/share/man/*" {
			// Sections man knows that have no directory on the machine.
			have := map[string]bool{}
			for _, d := range whereisExpand(p, pattern) {
				have[path.Base(d)] = true
			}
			for _, sec := range whereisPageSections() {
				if have["man"+sec] {
					continue
				}
				for _, e := range whereisAddPages(nil, "man"+sec) {
					if whereisMatch(name, e) {
						out = append(out, "/usr/share/man/man"+sec+"/"+e)
					}
				}
			}
		}
	}
	return out
}

// whereisExpand turns "DIR/*" into DIR's directories (sorted), and a plain
// directory into itself when it exists.
func whereisExpand(p *Proc, pattern string) []string {
	before, after, wild := strings.Cut(pattern, "/*")
	if !wild {
		if fi, err := p.userFS().Stat(pattern); err == nil && fi.IsDir() {
			return []string{pattern}
		}
		return nil
	}
	var out []string
	for _, e := range whereisEntries(p, before) {
		out = append(out, whereisExpand(p, before+"/"+e+after)...)
	}
	return out
}

// whereisEntries lists the names in dir (none when it cannot be read).
func whereisEntries(p *Proc, dir string) []string {
	list, err := p.userFS().ReadDir(dir)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(list))
	for _, e := range list {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// whereisPageSections lists the sections of man's pages, sorted.
func whereisPageSections() []string {
	seen := map[string]bool{}
	var out []string
	for _, pg := range manAll() {
		if !seen[pg.Section] {
			seen[pg.Section] = true
			out = append(out, pg.Section)
		}
	}
	sort.Strings(out)
	return out
}

// whereisAddPages adds the page files man knows in section directory dir
// ("man8": init.8.gz, telinit.8.gz...) to entries, sorted and once each.
func whereisAddPages(entries []string, dir string) []string {
	sec := strings.TrimPrefix(dir, "man")
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e] = true
	}
	for _, pg := range manAll() {
		if pg.Section != sec {
			continue
		}
		for _, n := range pg.Names {
			f := n + "." + sec + ".gz"
			if !seen[f] {
				seen[f] = true
				entries = append(entries, f)
			}
		}
	}
	sort.Strings(entries)
	return entries
}

// whereisMatch is whereis's itsit: entry is name itself, or name followed
// by digits and a single suffix (init.d, init.8.gz, ls.1), once a
// compression suffix is taken off; an SCCS "s." file matches too.
func whereisMatch(name, entry string) bool {
	if strings.HasPrefix(entry, "s.") && whereisMatch(name, entry[2:]) {
		return true
	}
	for _, z := range []string{".Z", ".gz", ".bz2"} {
		if strings.HasSuffix(entry, z) {
			entry = entry[:len(entry)-len(z)]
			break
		}
	}
	rest, ok := strings.CutPrefix(entry, name)
	if !ok || name == "" {
		return false
	}
	if rest == "" {
		return true
	}
	rest = strings.TrimLeft(rest, "0123456789")
	after, ok := strings.CutPrefix(rest, ".")
	if !ok {
		return false
	}
	if i := strings.IndexByte(after, '.'); i >= 0 {
		return after[i+1:] == "C"
	}
	return true
}
