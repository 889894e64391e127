package shell

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"weak"

	"mvdan.cc/sh/v3/syntax"
)

// The parse-time rewrites (caserw.go, strip.go) replace commands with
// others that run faster; functions must still print as they were written
// (type, declare -f). originals maps each replacement to the command it
// replaced; an entry leaves with its replacement.
var (
	originals    sync.Map // weak.Pointer of the replacement → syntax.Command
	originalsLen atomic.Int64
)

// remember records that rewritten (an *syntax.IfClause or a
// *syntax.CallExpr) replaces orig.
func remember(rewritten, orig syntax.Command) {
	switch r := rewritten.(type) {
	case *syntax.IfClause:
		rememberAs(r, orig)
	case *syntax.CallExpr:
		rememberAs(r, orig)
	default:
		panic("shell: cannot remember a " + reflect.TypeOf(rewritten).String())
	}
}

func rememberAs[T any](rewritten *T, orig syntax.Command) {
	key := weak.Make(rewritten)
	originals.Store(key, orig)
	originalsLen.Add(1)
	runtime.AddCleanup(rewritten, func(key weak.Pointer[T]) {
		originals.Delete(key)
		originalsLen.Add(-1)
	}, key)
}

// original returns the command c replaces, if c is a replacement.
func original(c syntax.Node) (syntax.Command, bool) {
	if originalsLen.Load() == 0 {
		return nil, false
	}
	var v any
	var ok bool
	switch c := c.(type) {
	case *syntax.IfClause:
		v, ok = originals.Load(weak.Make(c))
	case *syntax.CallExpr:
		v, ok = originals.Load(weak.Make(c))
	}
	if !ok {
		return nil, false
	}
	return v.(syntax.Command), true
}

// printable returns st as it was written: a copy with every replacement
// put back, or st itself when it holds none.
func printable(st *syntax.Stmt) *syntax.Stmt {
	if st == nil || originalsLen.Load() == 0 {
		return st
	}
	found := false
	syntax.Walk(st, func(n syntax.Node) bool {
		if _, ok := original(n); ok {
			found = true
		}
		return !found
	})
	if !found {
		return st
	}
	return copyNode(reflect.ValueOf(st)).Interface().(*syntax.Stmt)
}

// copyNode deep-copies a syntax tree value, replacing each replacement
// (always held in a Command interface) with a copy of its original.
func copyNode(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		e := v.Elem()
		if n, ok := e.Interface().(syntax.Node); ok {
			if orig, ok := original(n); ok {
				e = reflect.ValueOf(orig)
			}
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(copyNode(e))
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(v.Elem())
		copyFields(out.Elem())
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(copyNode(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		copyFields(out)
		return out
	}
	return v
}

func copyFields(s reflect.Value) {
	for i := range s.NumField() {
		if f := s.Field(i); f.CanSet() {
			f.Set(copyNode(f))
		}
	}
}
