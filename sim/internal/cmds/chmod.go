package cmds

// chmod, chown and chgrp of GNU coreutils 5.97, and the mode parser
// (gnulib modechange) that mkdir -m shares.

import (
	"io/fs"
	"strings"
	"syscall"
)

func init() {
	Register(Command{Name: "chmod", Dirs: []string{"/bin"},
		Summary: "change file access permissions",
		Usage:   "chmod [OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n  or:  chmod [OPTION]... --reference=RFILE FILE...",
		Main:    chmodMain})
	Register(Command{Name: "chown", Dirs: []string{"/bin"},
		Summary: "change file owner and group",
		Usage:   "chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...",
		Main:    chownMain})
	Register(Command{Name: "chgrp", Dirs: []string{"/bin"},
		Summary: "change group ownership",
		Usage:   "chgrp [OPTION]... GROUP FILE...\n  or:  chgrp [OPTION]... --reference=RFILE FILE...",
		Main:    chgrpMain})
}

// Unix permission bits.
const (
	foSetuid  = 0o4000
	foSetgid  = 0o2000
	foSticky  = 0o1000
	foAllBits = 0o7777
	foRBits   = 0o444
	foWBits   = 0o222
	foXBits   = 0o111
)

// foUnixMode converts a Go file mode's permission bits to Unix bits.
func foUnixMode(m fs.FileMode) uint32 {
	v := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		v |= foSetuid
	}
	if m&fs.ModeSetgid != 0 {
		v |= foSetgid
	}
	if m&fs.ModeSticky != 0 {
		v |= foSticky
	}
	return v
}

// foGoMode converts Unix permission bits to a Go file mode.
func foGoMode(v uint32) fs.FileMode {
	m := fs.FileMode(v & 0o777)
	if v&foSetuid != 0 {
		m |= fs.ModeSetuid
	}
	if v&foSetgid != 0 {
		m |= fs.ModeSetgid
	}
	if v&foSticky != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// foStrMode renders permission bits as ls does, without the type letter:
// "rwsr-xr-T".
func foStrMode(v uint32) string {
	b := []byte("rwxrwxrwx")
	for i := range 9 {
		if v&(1<<(8-i)) == 0 {
			b[i] = '-'
		}
	}
	special := func(i int, bit uint32, set, unset byte) {
		if v&bit != 0 {
			if b[i] == 'x' {
				b[i] = set
			} else {
				b[i] = unset
			}
		}
	}
	special(2, foSetuid, 's', 'S')
	special(5, foSetgid, 's', 'S')
	special(8, foSticky, 't', 'T')
	return string(b)
}

// Kinds of foModeChange.
const (
	foModeOrdinary = iota
	foModeCopy     // g=u: copy existing bits
	foModeX        // X: execute if a directory or executable by someone
)

// foModeChange is one operation of a compiled mode, as gnulib's
// struct mode_change.
type foModeChange struct {
	op       byte // '=', '+' or '-'
	flag     int
	affected uint32 // bits the who-list names; 0: all, through the umask
	value    uint32
}

// foModeCompile parses an octal or symbolic mode ("755",
// "u+x,go-w", "a=r", "+X", "g=u"); ok is false if it is invalid.
func foModeCompile(s string) ([]foModeChange, bool) {
	if s != "" && s[0] >= '0' && s[0] <= '7' {
		var v uint32
		for _, c := range s {
			if c < '0' || c > '7' {
				return nil, false
			}
			v = v*8 + uint32(c-'0')
			if v > foAllBits {
				return nil, false
			}
		}
		return []foModeChange{{op: '=', affected: foAllBits, value: v}}, true
	}
	var out []foModeChange
	i := 0
	for {
		var affected uint32
	who:
		for ; i < len(s); i++ {
			switch s[i] {
			case 'u':
				affected |= foSetuid | 0o700
			case 'g':
				affected |= foSetgid | 0o070
			case 'o':
				affected |= foSticky | 0o007
			case 'a':
				affected |= foAllBits
			default:
				break who
			}
		}
		if i >= len(s) || (s[i] != '=' && s[i] != '+' && s[i] != '-') {
			return nil, false
		}
		for i < len(s) && (s[i] == '=' || s[i] == '+' || s[i] == '-') {
			ch := foModeChange{op: s[i], affected: affected}
			i++
			if i < len(s) && (s[i] == 'u' || s[i] == 'g' || s[i] == 'o') {
				ch.flag = foModeCopy
				switch s[i] {
				case 'u':
					ch.value = foSetuid | 0o700
				case 'g':
					ch.value = foSetgid | 0o070
				case 'o':
					ch.value = foSticky | 0o007
				}
				i++
			} else {
			perms:
				for ; i < len(s); i++ {
					switch s[i] {
					case 'r':
						ch.value |= foRBits
					case 'w':
						ch.value |= foWBits
					case 'x':
						ch.value |= foXBits
					case 'X':
						ch.flag = foModeX
					case 's':
						ch.value |= foSetuid | foSetgid
					case 't':
						ch.value |= foSticky
					default:
						break perms
					}
				}
			}
			out = append(out, ch)
		}
		if i == len(s) {
			return out, true
		}
		if s[i] != ',' {
			return nil, false
		}
		i++
	}
}

// foModeAdjust applies compiled changes to the permission bits old of a
// file (dir says whether it is a directory), as gnulib's mode_adjust
// does in coreutils 5.97.
func foModeAdjust(old uint32, dir bool, umask uint32, changes []foModeChange) uint32 {
	mode := old & foAllBits
	for _, ch := range changes {
		value := ch.value
		switch ch.flag {
		case foModeCopy:
			value &= mode
			var spread uint32
			if value&foRBits != 0 {
				spread |= foRBits
			}
			if value&foWBits != 0 {
				spread |= foWBits
			}
			if value&foXBits != 0 {
				spread |= foXBits
			}
			value |= spread
		case foModeX:
			if mode&foXBits != 0 || dir {
				value |= foXBits
			}
		}
		if ch.affected != 0 {
			value &= ch.affected
		} else {
			value &= ^umask
		}
		switch ch.op {
		case '=':
			var preserved uint32
			if ch.affected != 0 {
				preserved = ^ch.affected
			}
			mode = mode&preserved | value
		case '+':
			mode |= value
		case '-':
			mode &^= value
		}
	}
	return mode & foAllBits
}

// ---------------------------------------------------------------- chmod

const chmodHelp = `Usage: chmod [OPTION]... MODE[,MODE]... FILE...
  or:  chmod [OPTION]... OCTAL-MODE FILE...
  or:  chmod [OPTION]... --reference=RFILE FILE...
Change the mode of each FILE to MODE.

  -c, --changes           like verbose but report only when a change is made
      --no-preserve-root  do not treat ` + "`/'" + ` specially (the default)
      --preserve-root     fail to operate recursively on ` + "`/'" + `
  -f, --silent, --quiet   suppress most error messages
  -v, --verbose           output a diagnostic for every file processed
      --reference=RFILE   use RFILE's mode instead of MODE values
  -R, --recursive         change files and directories recursively
` + foHelpTail + `
Each MODE is of the form ` + "`[ugoa]*([-+=]([rwxXst]*|[ugo]))+'" + `.
` + foReportBugs

// Verbosity of chmod, chown and chgrp.
const (
	foQuiet   = iota
	foChanges // -c
	foVerbose // -v
)

type chmodRun struct {
	p            *Proc
	changes      []foModeChange
	ref          bool
	refMode      uint32
	recursive    bool
	silent       bool
	verbosity    int
	surprises    bool
	preserveRoot bool
}

// chmodLongs are the long options of chmodMain, built once.
var chmodLongs = foLongs(
	LongOpt{Name: "changes", Short: 'c'},
	LongOpt{Name: "recursive", Short: 'R'},
	LongOpt{Name: "no-preserve-root"},
	LongOpt{Name: "preserve-root"},
	LongOpt{Name: "quiet", Short: 'f'},
	LongOpt{Name: "reference", Arg: RequiredArg},
	LongOpt{Name: "silent", Short: 'f'},
	LongOpt{Name: "verbose", Short: 'v'},
)

func chmodMain(p *Proc) int {
	// chmod -w, -x, -r=... are modes, not options: pull them out first.
	var dashModes []string
	var args []string
	for i, a := range p.Args[1:] {
		if a == "--" {
			args = append(args, p.Args[1+i:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && strings.IndexByte("rwxXstugoa,+=01234567", a[1]) >= 0 {
			dashModes = append(dashModes, a)
			continue
		}
		args = append(args, a)
	}
	opts, operands, err := Getopt(args, "Rcfv", chmodLongs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	c := &chmodRun{p: p}
	refFile, hasRef := "", false
	for _, o := range opts {
		switch o.Name {
		case "help":
			return foHelp(p, chmodHelp)
		case "version":
			return foVersion(p, "David MacKenzie and Jim Meyering")
		case "c":
			c.verbosity = foChanges
		case "v":
			c.verbosity = foVerbose
		case "f":
			c.silent = true
		case "R":
			c.recursive = true
		case "reference":
			refFile, hasRef = o.Arg, true
		case "preserve-root":
			c.preserveRoot = true
		case "no-preserve-root":
			c.preserveRoot = false
		}
	}
	mode := strings.Join(dashModes, ",")
	if hasRef {
		if mode != "" {
			return foUsage(p, "cannot combine mode and --reference options")
		}
	} else if mode == "" {
		if len(operands) == 0 {
			return foUsage(p, "missing operand")
		}
		mode, operands = operands[0], operands[1:]
	} else {
		c.surprises = true
	}
	if len(operands) == 0 {
		if mode == "" || hasRef {
			return foUsage(p, "missing operand")
		}
		return foUsage(p, "missing operand after %s", foQ(mode))
	}
	if hasRef {
		fi, err := p.userFS().Stat(foPath(p, refFile))
		if err != nil {
			p.Errorf("failed to get attributes of %s: %s", foQ(refFile), Strerror(err))
			return 1
		}
		c.ref, c.refMode = true, foUnixMode(fi.Mode())
	} else {
		ch, ok := foModeCompile(mode)
		if !ok {
			return foUsage(p, "invalid mode: %s", foQ(mode))
		}
		c.changes = ch
	}
	status := 0
	for _, name := range operands {
		if !c.do(name, true) {
			status = 1
		}
	}
	return status
}

// do changes one file, and with -R what is under it.
func (c *chmodRun) do(name string, top bool) bool {
	p := c.p
	if p.Canceled() {
		return false
	}
	fsys := p.userFS()
	fp := foPath(p, name)
	var fi fs.FileInfo
	var err error
	if top {
		fi, err = fsys.Stat(fp)
		if err != nil {
			if li, lerr := fsys.Lstat(fp); lerr == nil && foIsLink(li) && Errno(err) == syscall.ENOENT {
				if !c.silent {
					p.Errorf("cannot operate on dangling symlink %s", foQ(name))
				}
				return false
			}
		}
	} else {
		fi, err = fsys.Lstat(fp)
	}
	if err != nil {
		if !c.silent {
			p.Errorf("cannot access %s: %s", foQ(name), Strerror(err))
		}
		return false
	}
	if foIsLink(fi) {
		if c.verbosity == foVerbose {
			p.Printf("neither symbolic link %s nor referent has been changed\n", foQ(name))
		}
		return true
	}
	if top && c.recursive && c.preserveRoot {
		if real, err := fsys.EvalSymlinks(fp); err == nil && real == "/" {
			foRootWarn(p, name)
			return false
		}
	}
	old := foUnixMode(fi.Mode())
	mode := c.refMode
	if !c.ref {
		mode = foModeAdjust(old, fi.IsDir(), foUnixMode(p.Umask), c.changes)
	}
	ok := true
	if err := fsys.Chmod(fp, foGoMode(mode)); err != nil {
		if !c.silent {
			p.Errorf("changing permissions of %s: %s", foQ(name), Strerror(err))
		}
		if c.verbosity == foVerbose {
			p.Printf("failed to change mode of %s to %04o (%s)\n", foQ(name), mode, foStrMode(mode))
		}
		ok = false
	} else {
		switch {
		case mode != old && c.verbosity != foQuiet:
			p.Printf("mode of %s changed to %04o (%s)\n", foQ(name), mode, foStrMode(mode))
		case mode == old && c.verbosity == foVerbose:
			p.Printf("mode of %s retained as %04o (%s)\n", foQ(name), mode, foStrMode(mode))
		}
		if c.surprises {
			naive := foModeAdjust(old, fi.IsDir(), 0, c.changes)
			if mode&^naive != 0 {
				p.Errorf("%s: new permissions are %s, not %s", name, foStrMode(mode), foStrMode(naive))
				ok = false
			}
		}
	}
	if c.recursive && fi.IsDir() {
		names, err := foNames(p, name)
		if err != nil {
			if !c.silent {
				p.Errorf("cannot read directory %s: %s", foQ(name), Strerror(err))
			}
			return false
		}
		for _, n := range names {
			if !c.do(foJoin(name, n), false) {
				ok = false
			}
		}
	}
	return ok
}

// ---------------------------------------------------------------- chown, chgrp

const chownHelp = `Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...
  or:  chown [OPTION]... --reference=RFILE FILE...
Change the owner and/or group of each FILE to OWNER and/or GROUP.
With --reference, change the owner and group of each FILE to those of RFILE.

  -c, --changes          like verbose but report only when a change is made
      --dereference      affect the referent of each symbolic link, rather
                         than the symbolic link itself (this is the default)
  -h, --no-dereference   affect each symbolic link instead of any referenced
                         file (useful only on systems that can change the
                         ownership of a symlink)
      --from=CURRENT_OWNER:CURRENT_GROUP
                         change the owner and/or group of each file only if
                         its current owner and/or group match those specified
                         here.  Either may be omitted, in which case a match
                         is not required for the omitted attribute.
      --no-preserve-root do not treat ` + "`/'" + ` specially (the default)
      --preserve-root    fail to operate recursively on ` + "`/'" + `
  -f, --silent, --quiet  suppress most error messages
      --reference=RFILE  use RFILE's owner and group rather than
                         the specifying OWNER:GROUP values
  -R, --recursive        operate on files and directories recursively
  -v, --verbose          output a diagnostic for every file processed

The following options modify how a hierarchy is traversed when the -R
option is also specified.  If more than one is specified, only the final
one takes effect.

  -H                     if a command line argument is a symbolic link
                         to a directory, traverse it
  -L                     traverse every symbolic link to a directory
                         encountered
  -P                     do not traverse any symbolic links (default)

` + foHelpTail + `
Owner is unchanged if missing.  Group is unchanged if missing, but changed
to login group if implied by a ` + "`:'" + ` following a symbolic OWNER.
OWNER and GROUP may be numeric as well as symbolic.

Examples:
  chown root /u        Change the owner of /u to "root".
  chown root:staff /u  Likewise, but also change its group to "staff".
  chown -hR root /u    Change the owner of /u and subfiles to "root".
` + foReportBugs

const chgrpHelp = `Usage: chgrp [OPTION]... GROUP FILE...
  or:  chgrp [OPTION]... --reference=RFILE FILE...
Change the group of each FILE to GROUP.
With --reference, change the group of each FILE to that of RFILE.

  -c, --changes          like verbose but report only when a change is made
      --dereference      affect the referent of each symbolic link, rather
                         than the symbolic link itself (this is the default)
  -h, --no-dereference   affect each symbolic link instead of any referenced
                         file (useful only on systems that can change the
                         ownership of a symlink)
      --no-preserve-root do not treat ` + "`/'" + ` specially (the default)
      --preserve-root    fail to operate recursively on ` + "`/'" + `
  -f, --silent, --quiet  suppress most error messages
      --reference=RFILE  use RFILE's group rather than the specifying
                         GROUP value
  -R, --recursive        operate on files and directories recursively
  -v, --verbose          output a diagnostic for every file processed

The following options modify how a hierarchy is traversed when the -R
option is also specified.  If more than one is specified, only the final
one takes effect.

  -H                     if a command line argument is a symbolic link
                         to a directory, traverse it
  -L                     traverse every symbolic link to a directory
                         encountered
  -P                     do not traverse any symbolic links (default)

` + foHelpTail + `
Examples:
  chgrp staff /u      Change the group of /u to "staff".
  chgrp -hR staff /u  Change the group of /u and subfiles to "staff".
` + foReportBugs

// Traversal of chown -R: -P (default), -H, -L.
const (
	foTravP = iota
	foTravH
	foTravL
)

type chownRun struct {
	p                        *Proc
	uid, gid                 int // -1: unchanged
	uname, gname             string
	fromUID, fromGID         int
	recursive, silent        bool
	verbosity                int
	traversal                int
	deref                    int // -1 unset, 0 -h, 1 --dereference
	preserveRoot, groupsOnly bool
}

func chownMain(p *Proc) int { return chownCommon(p, false) }
func chgrpMain(p *Proc) int { return chownCommon(p, true) }

// chgrpLongs are chgrp's long options; chownLongs add --from. Both are
// built once.
var (
	chgrpLongs = foLongs(
		LongOpt{Name: "changes", Short: 'c'},
		LongOpt{Name: "recursive", Short: 'R'},
		LongOpt{Name: "dereference"},
		LongOpt{Name: "no-dereference", Short: 'h'},
		LongOpt{Name: "no-preserve-root"},
		LongOpt{Name: "preserve-root"},
		LongOpt{Name: "quiet", Short: 'f'},
		LongOpt{Name: "silent", Short: 'f'},
		LongOpt{Name: "reference", Arg: RequiredArg},
		LongOpt{Name: "verbose", Short: 'v'},
	)
	chownLongs = foLongs(append(chgrpLongs[:len(chgrpLongs)-len(foStd):len(chgrpLongs)-len(foStd)],
		LongOpt{Name: "from", Arg: RequiredArg})...)
)

func chownCommon(p *Proc, chgrp bool) int {
	longs := chownLongs
	if chgrp {
		longs = chgrpLongs
	}
	opts, operands, err := Getopt(p.Args[1:], "HLPRcfhv", longs)
	if err != nil {
		return p.BadUsage(err, 1)
	}
	c := &chownRun{p: p, uid: -1, gid: -1, fromUID: -1, fromGID: -1, deref: -1, groupsOnly: chgrp}
	refFile, hasRef := "", false
	for _, o := range opts {
		switch o.Name {
		case "help":
			if chgrp {
				return foHelp(p, chgrpHelp)
			}
			return foHelp(p, chownHelp)
		case "version":
			return foVersion(p, "David MacKenzie and Jim Meyering")
		case "c":
			c.verbosity = foChanges
		case "v":
			c.verbosity = foVerbose
		case "f":
			c.silent = true
		case "R":
			c.recursive = true
		case "H":
			c.traversal = foTravH
		case "L":
			c.traversal = foTravL
		case "P":
			c.traversal = foTravP
		case "h":
			c.deref = 0
		case "dereference":
			c.deref = 1
		case "reference":
			refFile, hasRef = o.Arg, true
		case "preserve-root":
			c.preserveRoot = true
		case "no-preserve-root":
			c.preserveRoot = false
		case "from":
			u, g, _, _, msg := foParseOwner(p, o.Arg)
			if msg != "" {
				p.Errorf("%s: %s", foQ(o.Arg), msg)
				return 1
			}
			c.fromUID, c.fromGID = u, g
		}
	}
	if c.recursive {
		if c.traversal == foTravP {
			if c.deref == 1 {
				p.Errorf("-R --dereference requires either -H or -L")
				return 1
			}
			c.deref = 0
		}
	} else {
		c.traversal = foTravP
	}
	if hasRef {
		fi, err := p.userFS().Stat(foPath(p, refFile))
		if err != nil {
			p.Errorf("failed to get attributes of %s: %s", foQ(refFile), Strerror(err))
			return 1
		}
		st := foSys(fi)
		c.gid, c.gname = st.Gid, sharedGroup(p.Sys).Name(st.Gid)
		if !chgrp {
			c.uid, c.uname = st.Uid, SharedPasswd(p.Sys).Name(st.Uid)
		}
	} else {
		if len(operands) == 0 {
			return foUsage(p, "missing operand")
		}
		spec := operands[0]
		operands = operands[1:]
		if len(operands) == 0 {
			return foUsage(p, "missing operand after %s", foQ(spec))
		}
		if chgrp {
			g, ok := sharedGroup(p.Sys).Lookup(spec)
			if !ok || spec == "" {
				p.Errorf("invalid group %s", foQ(spec))
				return 1
			}
			c.gid, c.gname = g.ID, spec
		} else {
			u, g, un, gn, msg := foParseOwner(p, spec)
			if msg != "" {
				p.Errorf("%s: %s", foQ(spec), msg)
				return 1
			}
			c.uid, c.gid, c.uname, c.gname = u, g, un, gn
		}
	}
	if len(operands) == 0 {
		return foUsage(p, "missing operand")
	}
	status := 0
	for _, name := range operands {
		if !c.do(name, true, map[uint64]bool{}) {
			status = 1
		}
	}
	return status
}

// foParseOwner parses chown's OWNER[:[GROUP]] (or OWNER.GROUP); msg is
// the 5.97 complaint when it is invalid.
func foParseOwner(p *Proc, spec string) (uid, gid int, uname, gname, msg string) {
	uid, gid = -1, -1
	users := SharedPasswd(p.Sys) // looked up only
	u, g, sep := spec, "", false
	if i := strings.IndexByte(spec, ':'); i >= 0 {
		u, g, sep = spec[:i], spec[i+1:], true
	} else if i := strings.IndexByte(spec, '.'); i >= 0 {
		if _, ok := users.Lookup(spec); !ok {
			u, g, sep = spec[:i], spec[i+1:], true
		}
	}
	if u != "" {
		a, ok := users.Lookup(u)
		if !ok {
			return -1, -1, "", "", "invalid user"
		}
		uid, uname = a.ID, u
		if sep && g == "" {
			// The login group comes from a user named so in passwd; a
			// number has none (getpwnam fails on it).
			known := false
			for _, acc := range users {
				if acc.Name == u {
					a, known = acc, true
					break
				}
			}
			if !known {
				return -1, -1, "", "", "cannot get the login group of a numeric UID"
			}
			gid, gname = a.GID, sharedGroup(p.Sys).Name(a.GID)
		}
	}
	if g != "" {
		a, ok := sharedGroup(p.Sys).Lookup(g)
		if !ok {
			return -1, -1, "", "", "invalid group"
		}
		gid, gname = a.ID, g
	}
	return uid, gid, uname, gname, ""
}

// spec is how verbose messages name the new owner.
func (c *chownRun) spec() string {
	switch {
	case c.uname != "" && c.gname != "":
		return c.uname + ":" + c.gname
	case c.uname != "":
		return c.uname
	}
	return c.gname
}

func (c *chownRun) describe(name string, failed, changed bool) {
	if c.verbosity == foQuiet || (!changed && c.verbosity != foVerbose) {
		return
	}
	var format string
	switch {
	case failed && c.uname != "":
		format = "failed to change ownership of %s to %s\n"
	case failed && c.gname != "":
		format = "failed to change group of %s to %s\n"
	case failed:
		p := c.p
		p.Printf("failed to change ownership of %s\n", foQ(name))
		return
	case changed && c.uname != "":
		format = "changed ownership of %s to %s\n"
	case changed && c.gname != "":
		format = "changed group of %s to %s\n"
	case changed:
		c.p.Printf("no change to ownership of %s\n", foQ(name))
		return
	case c.uname != "":
		format = "ownership of %s retained as %s\n"
	case c.gname != "":
		format = "group of %s retained as %s\n"
	default:
		c.p.Printf("ownership of %s retained\n", foQ(name))
		return
	}
	c.p.Printf(format, foQ(name), c.spec())
}

// do changes one file, and with -R what is under it; dirs guards -L
// against loops.
func (c *chownRun) do(name string, top bool, dirs map[uint64]bool) bool {
	p := c.p
	if p.Canceled() {
		return false
	}
	fsys := p.userFS()
	fp := foPath(p, name)
	followTop := c.traversal != foTravP || (!c.recursive && c.deref != 0)
	follow := c.traversal == foTravL || (top && followTop)
	var fi fs.FileInfo
	var err error
	if follow {
		fi, err = fsys.Stat(fp)
		if err != nil {
			if li, lerr := fsys.Lstat(fp); lerr == nil {
				fi, err = li, nil
			}
		}
	} else {
		fi, err = fsys.Lstat(fp)
	}
	if err != nil {
		if !c.silent {
			p.Errorf("cannot access %s: %s", foQ(name), Strerror(err))
		}
		return false
	}
	if top && c.recursive && c.preserveRoot {
		if real, err := fsys.EvalSymlinks(fp); err == nil && real == "/" {
			foRootWarn(p, name)
			return false
		}
	}
	st := foSys(fi)
	ok := true
	if (c.fromUID == -1 || c.fromUID == st.Uid) && (c.fromGID == -1 || c.fromGID == st.Gid) {
		if foIsLink(fi) && c.deref == 0 {
			err = fsys.Lchown(fp, c.uid, c.gid)
		} else {
			err = fsys.Chown(fp, c.uid, c.gid)
		}
		if err != nil {
			if !c.silent {
				what := "ownership"
				if c.groupsOnly {
					what = "group"
				}
				p.Errorf("changing %s of %s: %s", what, foQ(name), Strerror(err))
			}
			c.describe(name, true, false)
			ok = false
		} else {
			changed := (c.uid != -1 && c.uid != st.Uid) || (c.gid != -1 && c.gid != st.Gid)
			c.describe(name, false, changed)
		}
	} else {
		c.describe(name, false, false)
	}
	if c.recursive && fi.IsDir() && !dirs[st.Ino] {
		dirs[st.Ino] = true
		names, err := foNames(p, name)
		if err != nil {
			if !c.silent {
				p.Errorf("cannot read directory %s: %s", foQ(name), Strerror(err))
			}
			return false
		}
		for _, n := range names {
			if !c.do(foJoin(name, n), false, dirs) {
				ok = false
			}
		}
		delete(dirs, st.Ino)
	}
	return ok
}
