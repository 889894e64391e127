package cmds

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"rclab/sim/internal/kernel"
)

func TestWhoRunlevel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		prev, cur byte
		lang      string
		want      string
	}{
		{kernel.NoLevel, '5', "en_US.UTF-8", "         run-level 5  2014-10-06 09:00                   last=S\n"},
		{'3', '5', "en_US.UTF-8", "         run-level 5  2014-10-06 09:00                   last=3\n"},
		{0, '1', "C", "         run-level 1  Oct  6 09:00                   last=S\n"},
	}
	for _, tt := range tests {
		k := testKernel(t, nil)
		k.SetRunlevel(tt.prev, tt.cur)
		var out bytes.Buffer
		p := &Proc{Ctx: context.Background(), Args: []string{"who", "-r"}, Dir: "/", Environ: []string{"LANG=" + tt.lang},
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Sys: k}
		if st := whoMain(p); out.String() != tt.want || st != 0 {
			t.Errorf("who -r after %q→%q, LANG=%s = %q (%d); want %q", tt.prev, tt.cur, tt.lang, out.String(), st, tt.want)
		}
	}
}

func TestConsoletype(t *testing.T) {
	t.Parallel()
	k := testKernel(t, nil)
	if out, _, st := runCmd(t, k, "consoletype", ""); out != "serial\n" || st != 1 {
		t.Errorf("consoletype without a terminal = %q, %d; want serial, 1", out, st)
	}
}
