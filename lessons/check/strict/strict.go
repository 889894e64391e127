// Package strict decodes YAML documents written by people (lesson and
// exam authors) into Go values, strictly: every key must be known, every
// required key present, every value of the right shape. Its errors name
// the file, line and column, and speak of keys, text, numbers, lists and
// mappings, never of Go types.
//
// It reads the syntax tree of github.com/goccy/go-yaml rather than using
// that package's decoder, so that every problem is reported at the place
// it is found, all problems of a file at once, and in an author's words.
//
// A struct field is decoded from the key named by its yaml tag
// (`yaml:"name"`, or `yaml:"name,required"` for a key that must be
// present); fields without a tag are not decoded. Types can take over
// their own decoding by implementing [Unmarshaler], and check themselves
// after decoding by implementing [Validator].
package strict

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Error is one problem of a YAML file, at a line and column (both from 1).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error formats e as "file:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Errors are the problems of one or more files, in file order.
type Errors []*Error

// Error formats the errors one per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unmarshaler is a type that decodes itself from a node. It reports
// problems with Node.Errorf (or by returning an error, which is reported
// at n).
type Unmarshaler interface {
	UnmarshalStrict(n *Node) error
}

// Validator is a type that checks itself once decoded; it reports
// problems with n.Errorf or n.Key(name).Errorf. n is the node the value
// was decoded from.
type Validator interface {
	ValidateStrict(n *Node)
}

// Decode parses src (the content of file) as one YAML document and
// decodes it into v, a non-nil pointer. The error, if any, is an Errors.
func Decode(file string, src []byte, v any) error {
	d := &decoder{file: file}
	doc, err := parse(src)
	if err != nil {
		d.errs = append(d.errs, d.parseError(err))
		return d.errs
	}
	body, perr := documentBody(doc)
	if perr != nil {
		d.errs = append(d.errs, &Error{File: file, Line: perr.line, Col: perr.col, Msg: perr.msg})
		return d.errs
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strict.Decode: v must be a non-nil pointer")
	}
	n := &Node{d: d, n: body, name: ""}
	n.decode(rv.Elem())
	if len(d.errs) == 0 {
		return nil
	}
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i], d.errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return d.errs
}

// parse runs goccy's parser; a panic in it becomes an error at 1:1.
func parse(src []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the YAML parser failed on this file (%v)", r)
		}
	}()
	return parser.ParseBytes(src, 0)
}

type posError struct {
	line, col int
	msg       string
}

// documentBody returns the one document's body.
func documentBody(f *ast.File) (ast.Node, *posError) {
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	switch len(docs) {
	case 0:
		return nil, &posError{1, 1, "the file is empty: expected a mapping (key: value lines)"}
	case 1:
		return docs[0].Body, nil
	}
	l, c := pos(docs[1].Body)
	if docs[1].Start != nil && docs[1].Start.Position != nil {
		l, c = docs[1].Start.Position.Line, docs[1].Start.Position.Column
	}
	return nil, &posError{l, c, "a second YAML document (after ---): put one document in each file"}
}

func (d *decoder) parseError(err error) *Error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
		p := ye.GetToken().Position
		msg := ye.GetMessage()
		if strings.Contains(msg, "'\t'") {
			msg = "a tab character: indent YAML with spaces, not tabs"
		}
		return &Error{File: d.file, Line: max(p.Line, 1), Col: max(p.Column, 1), Msg: "YAML syntax: " + msg}
	}
	return &Error{File: d.file, Line: 1, Col: 1, Msg: "YAML syntax: " + err.Error()}
}

type decoder struct {
	file string
	errs Errors
}

// Node is a place in the document being decoded, handed to Unmarshaler
// and Validator implementations.
type Node struct {
	d    *decoder
	n    ast.Node
	name string // the key this node is the value of (for list items: the list's key)
	item int    // for list items: the position in the list, from 1
}

// Pos is the node's line and column.
func (n *Node) Pos() (line, col int) { return pos(n.n) }

// Name is the key this node is the value of, or "" for the document and
// for list items.
func (n *Node) Name() string { return n.name }

// Errorf reports a problem at the node.
func (n *Node) Errorf(format string, a ...any) {
	l, c := n.Pos()
	n.d.errs = append(n.d.errs, &Error{File: n.d.file, Line: l, Col: c, Msg: fmt.Sprintf(format, a...)})
}

// Kind is the node's shape: "mapping", "list", "text" (any scalar) or
// "nothing" (an empty value).
func (n *Node) Kind() string {
	switch unwrap(n.n).(type) {
	case *ast.MappingNode:
		return "mapping"
	case *ast.SequenceNode:
		return "list"
	case *ast.NullNode, nil:
		return "nothing"
	}
	return "text"
}

// Keys lists a mapping's keys in document order (nil for other nodes).
func (n *Node) Keys() []string {
	m, ok := unwrap(n.n).(*ast.MappingNode)
	if !ok {
		return nil
	}
	var out []string
	for _, mv := range m.Values {
		out = append(out, keyText(mv.Key))
	}
	return out
}

// Key returns the node of a mapping's key name: its value node, or the
// mapping itself when there is no such key, so that errors land nearby.
func (n *Node) Key(name string) *Node {
	if m, ok := unwrap(n.n).(*ast.MappingNode); ok {
		for _, mv := range m.Values {
			if keyText(mv.Key) == name {
				return &Node{d: n.d, n: mv.Key, name: name}
			}
		}
	}
	return n
}

// Items returns a list's items (nil for other nodes).
func (n *Node) Items() []*Node {
	s, ok := unwrap(n.n).(*ast.SequenceNode)
	if !ok {
		return nil
	}
	out := make([]*Node, len(s.Values))
	for i, v := range s.Values {
		out[i] = &Node{d: n.d, n: v, name: n.name, item: i + 1}
	}
	return out
}

// Value returns the value node of key name in a mapping, or nil.
func (n *Node) Value(name string) *Node {
	if m, ok := unwrap(n.n).(*ast.MappingNode); ok {
		for _, mv := range m.Values {
			if keyText(mv.Key) == name {
				return &Node{d: n.d, n: mv.Value, name: name}
			}
		}
	}
	return nil
}

// Scalar is a scalar node's text as written (numbers keep their digits:
// 0755 stays "0755"); ok is false for mappings, lists and empty values.
func (n *Node) Scalar() (string, bool) { return scalarText(n.n) }

// Decode decodes the node into v, a non-nil pointer, reporting problems
// as the document's errors. It reports whether the node decoded cleanly.
func (n *Node) Decode(v any) bool {
	before := len(n.d.errs)
	n.decode(reflect.ValueOf(v).Elem())
	return len(n.d.errs) == before
}

// DecodeFields decodes a mapping into the struct v points to, field by
// field, without calling v's own UnmarshalStrict (for an Unmarshaler that
// checks the shape first and then wants the ordinary decoding). It
// reports whether the node decoded cleanly.
func (n *Node) DecodeFields(v any) bool {
	before := len(n.d.errs)
	n.decodeStruct(reflect.ValueOf(v).Elem())
	return len(n.d.errs) == before
}

var (
	unmarshalerType = reflect.TypeFor[Unmarshaler]()
	validatorType   = reflect.TypeFor[Validator]()
)

func (n *Node) decode(v reflect.Value) {
	if _, ok := n.n.(*ast.AnchorNode); ok {
		n.Errorf("anchors (&name) are not supported here: write the value out")
		return
	}
	if _, ok := n.n.(*ast.AliasNode); ok {
		n.Errorf("aliases (*name) are not supported here: write the value out")
		return
	}
	if t, ok := n.n.(*ast.TagNode); ok {
		n.Errorf("tags (%s) are not supported here", t.Start.Value)
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		before := len(n.d.errs)
		if err := v.Addr().Interface().(Unmarshaler).UnmarshalStrict(n); err != nil {
			n.Errorf("%s", err.Error())
		}
		if len(n.d.errs) == before {
			n.validate(v)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Kind() == "nothing" {
			n.Errorf("%s has no value", n.what())
			return
		}
		p := reflect.New(v.Type().Elem())
		before := len(n.d.errs)
		(&Node{d: n.d, n: n.n, name: n.name, item: n.item}).decode(p.Elem())
		if len(n.d.errs) == before {
			v.Set(p)
		}
	case reflect.String:
		s, ok := scalarText(n.n)
		if !ok {
			n.Errorf("%s should be text, not %s", n.what(), describe(n.n))
			return
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64, reflect.Int32:
		s, ok := scalarText(n.n)
		if !ok {
			n.Errorf("%s should be a whole number, not %s", n.what(), describe(n.n))
			return
		}
		i, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
		if err != nil {
			n.Errorf("%s should be a whole number, not %q", n.what(), s)
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		s, ok := scalarText(n.n)
		switch {
		case ok && s == "true":
			v.SetBool(true)
		case ok && s == "false":
			v.SetBool(false)
		default:
			n.Errorf("%s should be true or false, not %s", n.what(), describeValue(n.n))
			return
		}
	case reflect.Slice:
		seq, ok := unwrap(n.n).(*ast.SequenceNode)
		if !ok {
			n.Errorf("%s should be a list (lines starting with \"- \"), not %s", n.what(), describe(n.n))
			return
		}
		out := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
		for i, item := range seq.Values {
			(&Node{d: n.d, n: item, name: n.name, item: i + 1}).decode(out.Index(i))
		}
		v.Set(out)
	case reflect.Map:
		m, ok := unwrap(n.n).(*ast.MappingNode)
		if !ok || v.Type().Key().Kind() != reflect.String {
			n.Errorf("%s should be a mapping (key: value lines), not %s", n.what(), describe(n.n))
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m.Values))
		for _, mv := range m.Values {
			key := keyText(mv.Key)
			ev := reflect.New(v.Type().Elem()).Elem()
			(&Node{d: n.d, n: mv.Value, name: key}).decode(ev)
			out.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), ev)
		}
		v.Set(out)
	case reflect.Struct:
		n.decodeStruct(v)
		return
	default:
		panic(fmt.Sprintf("strict: cannot decode into %s", v.Type()))
	}
	n.validate(v)
}

// validate calls the value's ValidateStrict, if any.
func (n *Node) validate(v reflect.Value) {
	if v.CanAddr() && v.Addr().Type().Implements(validatorType) {
		v.Addr().Interface().(Validator).ValidateStrict(n)
	}
}

type field struct {
	key      string
	index    int
	required bool
}

var fieldCache sync.Map // reflect.Type → []field

func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("yaml")
		if !ok || tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		out = append(out, field{key: name, index: i, required: opts == "required"})
	}
	fieldCache.Store(t, out)
	return out
}

// KeysOf lists the keys a struct type (or pointer to one) is decoded
// from, for documentation and messages.
func KeysOf(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	for _, f := range fieldsOf(t) {
		out = append(out, f.key)
	}
	return out
}

func (n *Node) decodeStruct(v reflect.Value) {
	m, ok := unwrap(n.n).(*ast.MappingNode)
	if !ok {
		n.Errorf("%s should be a mapping (key: value lines), not %s", n.what(), describe(n.n))
		return
	}
	fields := fieldsOf(v.Type())
	byKey := map[string]field{}
	var keys []string
	for _, f := range fields {
		byKey[f.key] = f
		keys = append(keys, f.key)
	}
	before := len(n.d.errs)
	seen := map[string]bool{}
	for _, mv := range m.Values {
		key := keyText(mv.Key)
		kn := &Node{d: n.d, n: mv.Key, name: key}
		if mv.Key != nil && mv.Key.IsMergeKey() {
			kn.Errorf("merge keys (<<) are not supported here: write the keys out")
			continue
		}
		f, ok := byKey[key]
		if !ok {
			kn.Errorf("%s", unknownKey(key, n.where(), keys))
			continue
		}
		seen[key] = true
		(&Node{d: n.d, n: mv.Value, name: key}).decode(v.Field(f.index))
	}
	for _, f := range fields {
		if f.required && !seen[f.key] {
			n.Errorf("missing key %q%s", f.key, n.where())
		}
	}
	if len(n.d.errs) == before {
		n.validate(v)
	}
}

// unknownKey words an unknown key, with the closest known key as a
// suggestion and the allowed keys.
func unknownKey(key, where string, known []string) string {
	msg := fmt.Sprintf("unknown key %q%s", key, where)
	if s := Closest(key, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	return msg + " (allowed: " + strings.Join(sorted, ", ") + ")"
}

// Closest returns the word of known nearest to s by edit distance, if it
// is close enough to be a likely typo; "" otherwise.
func Closest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(s, k); d < bestD && d < len([]rune(k)) {
			best, bestD = k, d
		}
	}
	return best
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// what names the node for messages: `"key"`, `item 2 of "key"` or
// `this value`.
func (n *Node) what() string {
	switch {
	case n.name == "":
		return "this value"
	case n.item > 0:
		return fmt.Sprintf("item %d of %q", n.item, n.name)
	}
	return fmt.Sprintf("%q", n.name)
}

// where is " under "key"", " in item 2 of "key"" or "".
func (n *Node) where() string {
	switch {
	case n.name == "":
		return ""
	case n.item > 0:
		return fmt.Sprintf(" in item %d of %q", n.item, n.name)
	}
	return fmt.Sprintf(" under %q", n.name)
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch t := n.(type) {
		case *ast.CommentNode:
			return nil
		case *ast.MappingValueNode:
			// A single key: value without surrounding mapping.
			return &ast.MappingNode{BaseNode: t.BaseNode, Values: []*ast.MappingValueNode{t}}
		default:
			return n
		}
	}
}

func keyText(k ast.MapKeyNode) string {
	if k == nil {
		return ""
	}
	if s, ok := scalarText(k); ok {
		return s
	}
	return k.String()
}

// scalarText is the text of a scalar as written (numbers keep their
// spelling), the content of a block literal, or ok=false.
func scalarText(n ast.Node) (string, bool) {
	switch t := n.(type) {
	case *ast.StringNode:
		return t.Value, true
	case *ast.LiteralNode:
		if t.Value == nil {
			return "", true
		}
		return t.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		tk := n.GetToken()
		if tk == nil {
			return "", false
		}
		return tk.Value, true
	}
	return "", false
}

func describe(n ast.Node) string {
	switch unwrap(n).(type) {
	case *ast.MappingNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode, nil:
		return "nothing"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	}
	return "text"
}

func describeValue(n ast.Node) string {
	if s, ok := scalarText(n); ok {
		return strconv.Quote(s)
	}
	return describe(n)
}

// pos is a node's line and column (1:1 when unknown).
func pos(n ast.Node) (int, int) {
	if n == nil {
		return 1, 1
	}
	var tk *token.Token
	switch t := n.(type) {
	case *ast.MappingNode:
		if len(t.Values) > 0 && t.Values[0].Key != nil {
			tk = t.Values[0].Key.GetToken()
		} else {
			tk = t.Start
		}
	case *ast.MappingValueNode:
		if t.Key != nil {
			tk = t.Key.GetToken()
		}
	case *ast.SequenceNode:
		tk = t.Start
	case *ast.LiteralNode:
		tk = t.Start
	default:
		tk = n.GetToken()
	}
	if tk == nil || tk.Position == nil {
		return 1, 1
	}
	return max(tk.Position.Line, 1), max(tk.Position.Column, 1)
}
