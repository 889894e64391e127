package check

import (
	"fmt"
	"sort"
	"strings"

	"rclab/lessons/check/strict"
)

// Lang is a language of the texts: "en" or "ko".
type Lang string

// The languages every text is written in.
const (
	En Lang = "en"
	Ko Lang = "ko"
)

// Langs lists the languages every text must have, in display order.
var Langs = []Lang{En, Ko}

// ParseLang reads a language code or a locale ("ko", "ko_KR.UTF-8",
// "en_US", "C"); ok is false when s names neither language.
func ParseLang(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ko" || s == "korean" || s == "한국어" || strings.HasPrefix(s, "ko_") || strings.HasPrefix(s, "ko-") || strings.HasPrefix(s, "ko."):
		return Ko, true
	case s == "en" || s == "english" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en.") || s == "c" || s == "posix" || strings.HasPrefix(s, "c."):
		return En, true
	}
	return En, false
}

// Text is one text in every language. In lesson files it is a mapping
// with an en and a ko key, both required and not empty.
type Text map[Lang]string

// T is the text en in English and ko in Korean.
func T(en, ko string) Text { return Text{En: en, Ko: ko} }

// Tf formats the same arguments into an English and a Korean format.
func Tf(en, ko string, a ...any) Text {
	return Text{En: fmt.Sprintf(en, a...), Ko: fmt.Sprintf(ko, a...)}
}

// In is the text in language l, or the English text when l has none.
func (t Text) In(l Lang) string {
	if s, ok := t[l]; ok && s != "" {
		return s
	}
	return t[En]
}

// join concatenates texts language by language with sep between them.
func join(sep string, ts ...Text) Text {
	out := make(Text, len(Langs))
	for _, l := range Langs {
		n := 0
		for _, t := range ts {
			if s := t[l]; s != "" {
				n += len(sep) + len(s)
			}
		}
		var b strings.Builder
		b.Grow(n)
		for _, t := range ts {
			if s := t[l]; s != "" {
				if b.Len() > 0 {
					b.WriteString(sep)
				}
				b.WriteString(s)
			}
		}
		out[l] = b.String()
	}
	return out
}

// prefix puts p before t, language by language.
func prefix(p, t Text) Text {
	out := Text{}
	for _, l := range Langs {
		out[l] = p[l] + t[l]
	}
	return out
}

var langNames = map[Lang]string{En: "English", Ko: "Korean"}

// UnmarshalStrict decodes a text: a mapping with exactly the keys en and
// ko, each holding non-empty text.
func (t *Text) UnmarshalStrict(n *strict.Node) error {
	if n.Kind() != "mapping" {
		n.Errorf("%s should be a mapping with an English (en) and a Korean (ko) text, not %s", what(n), n.Kind())
		return nil
	}
	out := Text{}
	for _, k := range n.Keys() {
		l := Lang(k)
		if _, ok := langNames[l]; !ok {
			var known []string
			for _, l := range Langs {
				known = append(known, string(l))
			}
			sort.Strings(known)
			n.Key(k).Errorf("unknown language %q in %s: texts have the keys %s", k, what(n), strings.Join(known, " and "))
			continue
		}
		v := n.Value(k)
		s, ok := v.Scalar()
		if !ok {
			v.Errorf("the %s text of %s should be text, not %s", langNames[l], what(n), v.Kind())
			continue
		}
		if strings.TrimSpace(s) == "" {
			v.Errorf("the %s text (%s) of %s is empty", langNames[l], l, what(n))
			continue
		}
		out[l] = s
	}
	for _, l := range Langs {
		if _, ok := out[l]; !ok && n.Value(string(l)) == nil {
			n.Errorf("missing %s translation (%s) in %s", langNames[l], l, what(n))
		}
	}
	*t = out
	return nil
}

func what(n *strict.Node) string {
	if n.Name() == "" {
		return "this text"
	}
	return fmt.Sprintf("%q", n.Name())
}
