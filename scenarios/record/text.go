package record

import (
	"reflect"
	"unicode/utf8"
)

// validText reports whether every string inside v is valid UTF-8.
// encoding/json replaces invalid bytes with U+FFFD, so an action holding
// them would not read back as it was applied. It walks v by reflection
// so that fields added to sim.Action later are covered too.
func validText(v any) bool {
	return validValue(reflect.ValueOf(v))
}

func validValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return utf8.ValidString(v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue // encoding/json skips it too
			}
			if !validValue(v.Field(i)) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if !validValue(v.Index(i)) {
				return false
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if !validValue(it.Key()) || !validValue(it.Value()) {
				return false
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return validValue(v.Elem())
		}
	}
	return true
}
