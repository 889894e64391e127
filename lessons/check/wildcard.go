package check

import (
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// NameOrAll is a service name, or "*" for every SysV service.
type NameOrAll string

// All is the NameOrAll of every service.
const All NameOrAll = "*"

// UnmarshalStrict accepts "*" or a plain name.
func (s *NameOrAll) UnmarshalStrict(n *strict.Node) error {
	v, ok := n.Scalar()
	if ok && v == "*" {
		*s = All
		return nil
	}
	if ok && strings.Contains(v, "*") {
		n.Errorf("%s should be a service's name, or \"*\" alone for every service, not %q", quoteName(n), v)
		return nil
	}
	var name Name
	if err := name.UnmarshalStrict(n); err != nil {
		return err
	}
	*s = NameOrAll(name)
	return nil
}

// linksOf lists the entries chkconfig counts in rcN.d for service s, or
// for every service when s is All.
func linksOf(m *sim.Machine, s NameOrAll, level int) []rcEntry {
	if s != All {
		return serviceLinks(nil, m, string(s), level)
	}
	var out []rcEntry
	for _, e := range rcEntries(nil, m, level) {
		if linkLike(e.name) {
			out = append(out, e)
		}
	}
	return out
}

// label names the service, or every service.
func (s NameOrAll) label() Text {
	if s == All {
		return T("every service", "모든 서비스")
	}
	return Tf("%s", "%s", string(s))
}

// rcChanges describes how the entries of service s (or of every service)
// in rcN.d differ between two machines; nil when they do not.
func rcChanges(before, now *sim.Machine, s NameOrAll, level int) []Text {
	a, b := linksOf(before, s, level), linksOf(now, s, level)
	if entriesText(a) == entriesText(b) {
		return nil
	}
	if s != All {
		return []Text{Tf("rc%d.d was %s, now %s", "rc%d.d: 이전 %s, 지금 %s", level, entriesText(a), entriesText(b))}
	}
	in := func(e rcEntry, es []rcEntry) bool {
		for _, x := range es {
			if x == e {
				return true
			}
		}
		return false
	}
	var gone, added []rcEntry
	for _, e := range a {
		if !in(e, b) {
			gone = append(gone, e)
		}
	}
	for _, e := range b {
		if !in(e, a) {
			added = append(added, e)
		}
	}
	var out []Text
	if len(gone) > 0 {
		out = append(out, Tf("rc%d.d lost %s", "rc%d.d에서 사라짐: %s", level, entriesText(gone)))
	}
	if len(added) > 0 {
		out = append(out, Tf("rc%d.d gained %s", "rc%d.d에 생김: %s", level, entriesText(added)))
	}
	return out
}
