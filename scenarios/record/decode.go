package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// lineType returns the "type" field of line n, whose text is body.
func lineType(n int, body []byte) (string, error) {
	// Lines as the Writer writes them say their type first; reading it
	// off saves decoding the line twice.
	for _, typ := range [...]string{typeAction, typeFooter, typeHeader} {
		if bytes.HasPrefix(body, []byte(`{"type":"`+typ+`",`)) {
			return typ, nil
		}
	}
	var probe struct {
		Type string `json:"type"`
	}
	if err := decodeLoose(body, &probe); err != nil {
		return "", jsonErr(n, err)
	}
	if probe.Type == "" {
		return "", lineErr(n, ErrMalformed, `the line has no "type"`)
	}
	return probe.Type, nil
}

// decodeLoose decodes body into v, ignoring fields v does not have.
func decodeLoose(body []byte, v any) error {
	return json.Unmarshal(body, v)
}

// decodeStrict decodes body, line n, into v: one JSON object with no
// field v does not have and nothing after it.
func decodeStrict(n int, body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonErr(n, err)
	}
	for _, c := range body[dec.InputOffset():] {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			// Let encoding/json say what it found there.
			if err := json.Unmarshal(body, new(any)); err != nil {
				return jsonErr(n, err)
			}
			return lineErr(n, ErrMalformed, "text after the JSON object")
		}
	}
	return nil
}

// jsonErr says in plain words what encoding/json found wrong in line n.
func jsonErr(n int, err error) *Error {
	e := &Error{Line: n, Err: ErrMalformed}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch msg := strings.TrimPrefix(err.Error(), "json: "); {
	case errors.As(err, &syn):
		e.Column = max(int(syn.Offset), 1)
		e.Reason = "the line is not valid JSON: " + msg
	case errors.As(err, &typ):
		e.Column = max(int(typ.Offset), 1)
		if typ.Field == "" {
			e.Reason = fmt.Sprintf("the line holds a JSON %s where an object was expected", typ.Value)
			break
		}
		e.Reason = fmt.Sprintf("field %q holds a JSON %s where %s was expected", fieldName(typ.Field), typ.Value, typ.Type)
	case strings.Contains(msg, ",string struct tag"):
		e.Reason = "a number written without the quotes this format requires"
	case msg == `unknown field "mac"`:
		e.Reason = `a signature ("mac") that is damaged or not at the end of the line`
	case strings.HasPrefix(msg, "unknown field "):
		e.Reason = "unexpected " + strings.TrimPrefix(msg, "unknown ")
	default:
		e.Reason = "invalid value: " + msg
	}
	return e
}

// fieldName is the name of a field as written in the file, from the path
// encoding/json reports (which names the embedded struct first).
func fieldName(path string) string {
	for _, p := range []string{"Header.", "Entry.", "Footer."} {
		path = strings.TrimPrefix(path, p)
	}
	return path
}
