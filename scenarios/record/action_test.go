package record_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rclab/scenarios/record"
	"rclab/sim"
)

// TestEveryActionField fills every field of sim.Action, including fields
// added after this test was written, and checks that the action reads
// back exactly as it was recorded.
func TestEveryActionField(t *testing.T) {
	t.Parallel()
	var a sim.Action
	v := reflect.ValueOf(&a).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		fill(t, f.Name, v.Field(i))
	}
	var buf bytes.Buffer
	w, err := record.NewWriter(&buf, sampleHeader(), key)
	if err != nil {
		t.Fatalf("NewWriter: %v", err)
	}
	if _, err := w.Append(a, start, 0, ""); err != nil {
		t.Fatalf("Append(%+v): %v", a, err)
	}
	got, err := record.Read(&buf, key)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if diff := cmp.Diff(a, got.Entries[0].Action); diff != "" {
		t.Errorf("action read back (-recorded +read):\n%s", diff)
	}
}

// fill sets v to a value that is not zero and is awkward to encode.
func fill(t *testing.T, name string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("값 <&> \"q\" \\ \t\x01 \u2028")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-1 << (v.Type().Bits() - 1)) // the most negative
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1<<v.Type().Bits() - 1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		fill(t, name, s.Index(0))
		fill(t, name, s.Index(1))
		v.Set(s)
	default:
		t.Fatalf("sim.Action.%s is a %s: teach this test to fill it", name, v.Kind())
	}
}
