package chkconfig

import (
	"bytes"
	"errors"
	"hash/fnv"
	"io/fs"
	"os"

	"github.com/spf13/afero"
)

// parseXinetd reads an xinetd.d file as chkconfig's readXinetdServiceInfo
// does. A line is a comment only when '#' is its very first byte. A line
// whose first word starts with "disable" turns the service off when the
// value after the next '=' (searched on to the end of the file) starts
// with "yes", or when there is no '=' at all; on otherwise. enabled is the
// last such line's verdict (on when there is none), resetOn the first's.
// The last line, when it has no newline, has its leading blanks kept, so
// an indented "disable" there is not seen.
func parseXinetd(data []byte) (enabled, resetOn bool, desc string) {
	b := data
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	n := len(b)
	enabled, resetOn = true, true
	first := true
	for pos := 0; pos >= 0; {
		nl := bytes.IndexByte(b[pos:], '\n')
		next := -1
		if nl >= 0 {
			nl += pos
			next = nl + 1
		}
		if pos < n && b[pos] == '#' {
			q := pos + 1
			for nl >= 0 && q < nl && isSpace(b[q]) {
				q++
			}
			if hasPrefixAt(b, q, "description:") {
				if d, ok := readDescription(b, q+11); ok {
					desc = d
				}
			}
			pos = next
			continue
		}
		q := pos
		for nl >= 0 && q < nl && isSpace(b[q]) {
			q++
		}
		if hasPrefixAt(b, q, "disable") {
			on := false
			if eq := bytes.IndexByte(b[q:], '='); eq >= 0 {
				v := q + eq + 1
				for v < n && isSpace(b[v]) {
					v++
				}
				on = !hasPrefixAt(b, v, "yes")
			}
			enabled = on
			if first {
				resetOn, first = on, false
			}
		}
		pos = next
	}
	return enabled, resetOn, desc
}

// rewriteXinetd is the text chkconfig writes back: lines that are empty
// or blank, and lines whose first word starts with "disable", are dropped;
// every other line is kept byte for byte (and ends with a newline), and
// after each line whose first non-blank character is '{' comes
// "\tdisable\t= no" (on) or "\tdisable\t= yes" (off).
func rewriteXinetd(data []byte, on bool) []byte {
	b := data
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	disable := "\tdisable\t= yes\n"
	if on {
		disable = "\tdisable\t= no\n"
	}
	out := make([]byte, 0, len(b)+len(disable))
	for {
		line := b
		i := bytes.IndexByte(b, '\n')
		if i >= 0 {
			line = b[:i]
		}
		t := skipSpace(line, 0, len(line))
		if t < len(line) && !hasPrefixAt(line, t, "disable") {
			out = append(out, line...)
			out = append(out, '\n')
			if line[t] == '{' {
				out = append(out, disable...)
			}
		}
		if i < 0 {
			break
		}
		b = b[i+1:]
	}
	return out
}

// SetXinetd turns the xinetd service name on or off as chkconfig does: the
// file /etc/xinetd.d/NAME is rewritten (see the package documentation and
// §8.7: blank lines and disable lines dropped, "\tdisable\t= no|yes"
// inserted after each "{") into a temporary NAME.XXXXXX in the same
// directory, made mode 0644, and renamed over the original (a symbolic
// link is replaced by the file). It does not reload xinetd.
func SetXinetd(fsys FS, name string, on bool) error {
	p := XinetdDir + "/" + name
	data, err := readXinetdFile(fsys, p)
	if err != nil {
		return err
	}
	out := rewriteXinetd(data, on)
	tmp, f, err := mkstemp(fsys, p, data)
	if err != nil {
		return err
	}
	_, werr := f.Write(out)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = fsys.Remove(tmp)
		return err
	}
	if err := fsys.Chmod(tmp, 0o644); err != nil {
		return err
	}
	_ = fsys.Remove(p)
	return fsys.Rename(tmp, p)
}

// mkstemp creates PREFIX.XXXXXX exclusively with mode 0600. The six
// characters come from a hash of the name and content rather than from a
// random source, so runs are reproducible.
func mkstemp(fsys FS, prefix string, seed []byte) (string, afero.File, error) {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	h := fnv.New64a()
	h.Write([]byte(prefix))
	h.Write(seed)
	v := h.Sum64()
	var err error
	for try := 0; try < 100; try++ {
		var suffix [6]byte
		x := v + uint64(try)*0x9E3779B97F4A7C15
		for i := range suffix {
			suffix[i] = letters[x%uint64(len(letters))]
			x /= uint64(len(letters))
		}
		name := prefix + "." + string(suffix[:])
		f, e := fsys.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if e == nil {
			return name, f, nil
		}
		err = e
		if !errors.Is(e, fs.ErrExist) {
			break
		}
	}
	return "", nil, err
}
