package main

import (
	"fmt"
	"io"
	"strings"

	"rclab/cmd/rclab/tui"
	"rclab/lessons/check"
	"rclab/sim"
)

// explainPath is where the explain program is installed in the sandbox's
// machines: /usr/local/bin, where a site's own tools go, so it is on
// root's PATH and clearly not part of CentOS.
const explainPath = "/usr/local/bin/explain"

// explainProgram is rclab's explain, a program of the sandbox: it tells
// why a service runs or not now and whether it will start at the next
// boot, in language l.
func explainProgram(l check.Lang) sim.Program {
	return sim.Program{
		Name:    "explain",
		Path:    explainPath,
		Summary: "explain why a service runs or not, now and at the next boot (rclab)",
		Run: func(m *sim.Machine, args []string, stdout, stderr io.Writer) int {
			if len(args) == 1 && (args[0] == "--help" || args[0] == "-h") {
				fmt.Fprint(stdout, explainUsage(l))
				return 0
			}
			if len(args) == 0 || strings.HasPrefix(args[0], "-") {
				fmt.Fprint(stderr, explainUsage(l))
				return 2
			}
			st := 0
			for i, name := range args {
				if i > 0 {
					fmt.Fprintln(stdout)
				}
				if writeExplanation(stdout, stderr, m, name, l) != 0 {
					st = 1
				}
			}
			return st
		},
	}
}

// explainUsage is explain's usage, which says where it is installed.
func explainUsage(l check.Lang) string {
	return fmt.Sprintf(msg(l,
		"usage: explain SERVICE...\n"+
			"Tells why SERVICE runs or not now, and whether it will start at the next boot.\n"+
			"(rclab's own program, installed as %s; the machine is not changed.)\n",
		"사용법: explain 서비스...\n"+
			"서비스가 지금 실행 중인지 아닌지, 다음 부팅 때 시작될지를 이유와 함께 알려 줍니다.\n"+
			"(rclab이 %s에 설치한 프로그램이며, 머신은 바뀌지 않습니다.)\n"), explainPath)
}

// writeExplanation prints why service name runs or not on m, in language
// l: the explanation on out, or, for a name that is no service of the
// machine, a message on errOut and status 1. The lesson console's
// `explain SERVICE` and the explain program both print this way.
func writeExplanation(out, errOut io.Writer, m *sim.Machine, name string, l check.Lang) int {
	if name == "" || name == "." || name == ".." || strings.Contains(name, "/") {
		fmt.Fprintf(errOut, msg(l, "explain: %q is not a service name\n", "explain: %q은(는) 서비스 이름이 아닙니다\n"), name)
		return 1
	}
	x := check.Explain(m, name)
	if x.Kind == "unknown" {
		fmt.Fprintf(errOut, "explain: %s\n", x.Now.In(l))
		if x.Running && len(x.Facts) > 1 {
			fmt.Fprintf(errOut, "explain: %s\n", x.Facts[len(x.Facts)-1].In(l))
		}
		return 1
	}
	io.WriteString(out, x.Format(l))
	return 0
}

// checkLang is the lessons' language for the UI's.
func checkLang(l tui.Lang) check.Lang {
	if l == tui.Korean {
		return check.Ko
	}
	return check.En
}

// tuiLang is the UI's language for the lessons'.
func tuiLang(l check.Lang) tui.Lang {
	if l == check.Ko {
		return tui.Korean
	}
	return tui.English
}
