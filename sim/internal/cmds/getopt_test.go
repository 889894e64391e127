package cmds

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGetopt(t *testing.T) {
	t.Parallel()
	long := []LongOpt{{Name: "all", Short: 'a'}, {Name: "color", Arg: OptionalArg}, {Name: "width", Arg: RequiredArg, Short: 'w'}, {Name: "colour", Arg: OptionalArg}}
	tests := []struct {
		args     []string
		short    string
		opts     []Opt
		operands []string
		err      string
	}{
		{[]string{"-al", "x"}, "alw:", []Opt{{Name: "a"}, {Name: "l"}}, []string{"x"}, ""},
		{[]string{"x", "-l"}, "alw:", []Opt{{Name: "l"}}, []string{"x"}, ""},
		{[]string{"+x", "-l"}, "+l", nil, []string{"+x", "-l"}, ""},
		{[]string{"-w10", "-w", "20"}, "alw:", []Opt{{Name: "w", Arg: "10", HasArg: true}, {Name: "w", Arg: "20", HasArg: true}}, nil, ""},
		{[]string{"--all", "--color=never", "--width", "5"}, "alw:", []Opt{{Name: "a"}, {Name: "color", Arg: "never", HasArg: true}, {Name: "w", Arg: "5", HasArg: true}}, nil, ""},
		{[]string{"--al"}, "a", []Opt{{Name: "a"}}, nil, ""},
		{[]string{"--", "-a"}, "a", nil, []string{"-a"}, ""},
		{[]string{"-"}, "a", nil, []string{"-"}, ""},
		{[]string{"-z"}, "a", nil, nil, "invalid option -- z"},
		{[]string{"-w"}, "w:", nil, nil, "option requires an argument -- w"},
		{[]string{"--nope"}, "a", nil, nil, "unrecognized option `--nope'"},
		{[]string{"--col"}, "a", nil, nil, "option `--col' is ambiguous"},
		{[]string{"--all=x"}, "a", nil, nil, "option `--all' doesn't allow an argument"},
		{[]string{"--width"}, "w:", nil, nil, "option `--width' requires an argument"},
	}
	for _, tt := range tests {
		opts, operands, err := Getopt(tt.args, tt.short, long)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Getopt(%q) error = %v; want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Getopt(%q) error = %v", tt.args, err)
			continue
		}
		if d := cmp.Diff(tt.opts, opts); d != "" {
			t.Errorf("Getopt(%q) opts (-want +got):\n%s", tt.args, d)
		}
		if d := cmp.Diff(tt.operands, operands); d != "" {
			t.Errorf("Getopt(%q) operands (-want +got):\n%s", tt.args, d)
		}
	}
}
