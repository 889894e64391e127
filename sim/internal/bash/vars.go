package bash

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// attr are a variable's attributes.
type attr uint8

const (
	attrExport attr = 1 << iota
	attrReadonly
	attrInteger
	attrArray
)

// variable is one shell variable. An indexed array (bash 3.2 has no
// associative ones) is sparse: arr holds the set elements by index.
type variable struct {
	val  string
	arr  []arrElem
	attr attr
	// set is false for a declared but unset variable (local x, declare
	// x, or a local unset in its function).
	set bool
	// tomb marks, in a subshell's overlay, a name unset there that its
	// parent still has.
	tomb bool
	// kv caches NAME=value for the environment (envString).
	kv string
}

type arrElem struct {
	i int
	v string
}

func (v *variable) isArray() bool { return v.attr&attrArray != 0 }

// str is the variable's value as $NAME expands it: element 0 of an array.
func (v *variable) str() string {
	if v.isArray() {
		if e, ok := v.elem(0); ok {
			return e
		}
		return ""
	}
	return v.val
}

func (v *variable) elem(i int) (string, bool) {
	k, ok := slices.BinarySearchFunc(v.arr, i, func(e arrElem, i int) int { return e.i - i })
	if !ok {
		return "", false
	}
	return v.arr[k].v, true
}

func (v *variable) setElem(i int, s string) {
	k, ok := slices.BinarySearchFunc(v.arr, i, func(e arrElem, i int) int { return e.i - i })
	if ok {
		v.arr[k].v = s
		return
	}
	v.arr = slices.Insert(v.arr, k, arrElem{i, s})
}

func (v *variable) unsetElem(i int) {
	k, ok := slices.BinarySearchFunc(v.arr, i, func(e arrElem, i int) int { return e.i - i })
	if ok {
		v.arr = slices.Delete(v.arr, k, k+1)
	}
}

// values lists an array's elements in index order (a string's value alone).
func (v *variable) values() []string {
	if !v.isArray() {
		if !v.set {
			return nil
		}
		return []string{v.val}
	}
	out := make([]string, len(v.arr))
	for i, e := range v.arr {
		out[i] = e.v
	}
	return out
}

// store holds a shell's variables: globals, one frame per running
// function (bash's dynamic scoping: a lookup walks the frames innermost
// first, then the globals), and, for a subshell, the parent's store seen
// through: the parent is blocked while the subshell runs, so reads go to
// it directly and writes land in the subshell's own globals, which act as
// an overlay.
type store struct {
	global map[string]*variable
	frames []map[string]*variable
	// temp marks the frames of assignments written before a command
	// (FOO=1 cmd), which local and declare skip.
	temp   []bool
	parent *store
	// gen counts changes to the exported environment, for the cache.
	gen uint64
	// slab is room for the next variables the store makes (newVar),
	// taken in chunks rather than one allocation each; spare holds
	// the maps of popped frames, cleared, for the next frames.
	slab  []variable
	nvars int
	spare []map[string]*variable
	// frame0, temp0 and spare0 are the room of the first frames.
	frame0 [4]map[string]*variable
	temp0  [4]bool
	spare0 [4]map[string]*variable
}

// sub returns a child store over s.
func (s *store) sub() *store {
	return &store{parent: s} // global is made on the first write (setGlobal)
}

// setGlobal binds name among s's globals.
func (s *store) setGlobal(name string, v *variable) {
	if s.global == nil {
		s.global = make(map[string]*variable, 4)
	}
	s.global[name] = v
}

// newVar returns a new zero variable from the store's slab. A chunk
// holds as many variables as the store made so far (2 to 16), so a
// subshell that sets one or two variables takes little room.
func (s *store) newVar() *variable {
	if len(s.slab) == 0 {
		s.slab = make([]variable, min(max(s.nvars, 2), 16))
	}
	v := &s.slab[0]
	s.slab = s.slab[1:]
	s.nvars++
	return v
}

// frameMap returns an empty map for a frame's bindings, a popped
// frame's when there is one.
func (s *store) frameMap() map[string]*variable {
	if n := len(s.spare); n > 0 {
		m := s.spare[n-1]
		s.spare[n-1] = nil
		s.spare = s.spare[:n-1]
		return m
	}
	return make(map[string]*variable, 4)
}

// lookup finds the variable name is bound to, nil when unbound.
func (s *store) lookup(name string) *variable {
	for i := len(s.frames) - 1; i >= 0; i-- {
		if v, ok := s.frames[i][name]; ok {
			return v
		}
	}
	if v, ok := s.global[name]; ok {
		if v.tomb {
			return nil
		}
		return v
	}
	if s.parent != nil {
		return s.parent.lookup(name)
	}
	return nil
}

// own finds the variable name is bound to in s itself, copying a parent's
// into the overlay; create makes an unset global when there is none.
func (s *store) own(name string, create bool) *variable {
	for i := len(s.frames) - 1; i >= 0; i-- {
		if v, ok := s.frames[i][name]; ok {
			return v
		}
	}
	if v, ok := s.global[name]; ok && !v.tomb {
		return v
	}
	if s.parent != nil {
		if pv := s.parent.lookup(name); pv != nil {
			v := s.newVar()
			*v = *pv
			v.arr = slices.Clone(pv.arr)
			s.setGlobal(name, v)
			return v
		}
	}
	if !create {
		return nil
	}
	v := s.newVar()
	s.setGlobal(name, v)
	return v
}

// local makes name local to the innermost function frame.
func (s *store) local(name string) (v *variable, fresh bool) {
	k := len(s.frames) - 1
	for k > 0 && s.temp[k] {
		k--
	}
	top := s.frames[k]
	if v, ok := top[name]; ok {
		return v, false
	}
	if top == nil {
		top = s.frameMap()
		s.frames[k] = top
	}
	v = s.newVar()
	if old := s.lookup(name); old != nil && old.attr&attrExport != 0 {
		v.attr = attrExport // bash: a local inherits the export attribute
		s.gen++
	}
	top[name] = v
	return v, true
}

// push opens a frame; its map is made on the first binding (setFrame,
// local): most function calls and temporary assignments bind nothing
// there, or one name.
func (s *store) push(temp bool) {
	if s.frames == nil {
		s.frames, s.temp = s.frame0[:0], s.temp0[:0]
	}
	s.frames = append(s.frames, nil)
	s.temp = append(s.temp, temp)
}

// setFrame binds name in the innermost frame.
func (s *store) setFrame(name string, v *variable) {
	k := len(s.frames) - 1
	if s.frames[k] == nil {
		s.frames[k] = s.frameMap()
	}
	s.frames[k][name] = v
}

func (s *store) pop() {
	top := s.frames[len(s.frames)-1]
	s.frames[len(s.frames)-1] = nil
	s.frames = s.frames[:len(s.frames)-1]
	s.temp = s.temp[:len(s.temp)-1]
	if top == nil {
		return
	}
	// The environment changes when an exported binding goes, or one
	// that hid an exported variable further out.
	for name, v := range top {
		if v.attr&attrExport != 0 {
			s.gen++
			break
		}
		if o := s.lookup(name); o != nil && o.attr&attrExport != 0 {
			s.gen++
			break
		}
	}
	// No one holds the map any more (a subshell reading it through
	// parent ends before its parent goes on): keep it for the next
	// frame.
	if len(top) <= 16 && len(s.spare) < 8 {
		clear(top)
		if s.spare == nil {
			s.spare = s.spare0[:0]
		}
		s.spare = append(s.spare, top)
	}
}

// unset removes name's binding: a local of the innermost frame stays
// declared and unset (bash hides it), a global goes (a subshell records
// a tombstone over its parent's).
func (s *store) unset(name string) {
	for i := len(s.frames) - 1; i >= 0; i-- {
		if v, ok := s.frames[i][name]; ok {
			if v.attr&attrExport != 0 {
				s.gen++
			}
			if i == len(s.frames)-1 {
				*v = variable{}
			} else {
				delete(s.frames[i], name)
			}
			return
		}
	}
	if v, ok := s.global[name]; ok && v.attr&attrExport != 0 {
		s.gen++
	}
	if s.parent != nil && s.parent.lookup(name) != nil {
		s.setGlobal(name, &variable{tomb: true})
		s.gen++
		return
	}
	delete(s.global, name)
}

// each calls fn for every visible variable, sorted by name.
func (s *store) each(fn func(name string, v *variable)) {
	all := map[string]*variable{}
	s.collect(all)
	names := make([]string, 0, len(all))
	for n, v := range all {
		if v != nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fn(n, all[n])
	}
}

func (s *store) collect(all map[string]*variable) {
	if s.parent != nil {
		s.parent.collect(all)
	}
	for n, v := range s.global {
		if v.tomb {
			all[n] = nil
		} else {
			all[n] = v
		}
	}
	for _, f := range s.frames {
		for n, v := range f {
			all[n] = v
		}
	}
}

// environ lists the exported, set variables as NAME=value, sorted (hint
// is room for as many, the length of the last list plus a few). It
// walks the layers innermost first (s's frames, its globals, then its
// parent's); names met in an inner layer hide the same names further
// out, and only the inner layers, which are small, are remembered.
func (s *store) environ(hint int) []string {
	out := make([]string, 0, hint)
	// seen holds the names of the inner layers: a short list, a map
	// once it grows large.
	var seenArr [16]string
	seen := seenArr[:0]
	var seenMap map[string]struct{}
	// add appends the exported variables of one layer not hidden by a
	// name seen; record adds the layer's names to seen, own says the
	// layer is the caller's (its variables may cache their NAME=value:
	// another runner's may be read concurrently, by pipeline members).
	add := func(layer map[string]*variable, record, own bool) {
		for name, v := range layer {
			if seenMap != nil {
				if _, ok := seenMap[name]; ok {
					continue
				}
			} else if slices.Contains(seen, name) {
				continue
			}
			if record {
				switch {
				case seenMap != nil:
					seenMap[name] = struct{}{}
				case len(seen) < len(seenArr):
					seen = append(seen, name)
				default:
					seenMap = make(map[string]struct{}, 2*len(seen))
					for _, n := range seen {
						seenMap[n] = struct{}{}
					}
					seenMap[name] = struct{}{}
				}
			}
			if v.tomb || !v.set || v.attr&attrExport == 0 {
				continue
			}
			out = append(out, v.envString(name, own))
		}
	}
	for st := s; st != nil; st = st.parent {
		for i := len(st.frames) - 1; i >= 0; i-- {
			add(st.frames[i], true, st == s)
		}
		add(st.global, st.parent != nil, st == s)
	}
	slices.Sort(out)
	return out
}

// envString is NAME=value, from the cache when the value is unchanged;
// keep stores it there.
func (v *variable) envString(name string, keep bool) string {
	val := v.str()
	if k := v.kv; len(k) == len(name)+1+len(val) && k[len(name)] == '=' && k[:len(name)] == name && k[len(name)+1:] == val {
		return k
	}
	kv := name + "=" + val
	if keep {
		v.kv = kv
	}
	return kv
}

// genSum is the environment generation of s and its parents.
func (s *store) genSum() uint64 {
	g := s.gen
	for p := s.parent; p != nil; p = p.parent {
		g += p.gen
	}
	return g
}

// isName reports whether s is a valid variable name.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && (i == 0 || !(c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}

// itoa formats an int.
func itoa(n int) string { return strconv.Itoa(n) }

// splitAssignWord splits "name=value" or "name[i]=value" as written
// after declare; ok is false when word has no '='.
func splitAssignWord(word string) (name, index, value string, hasIndex, ok bool) {
	eq := strings.IndexByte(word, '=')
	if eq < 0 {
		return word, "", "", false, false
	}
	name, value = word[:eq], word[eq+1:]
	if i := strings.IndexByte(name, '['); i > 0 && strings.HasSuffix(name, "]") {
		return name[:i], name[i+1 : len(name)-1], value, true, true
	}
	return name, "", value, false, true
}
