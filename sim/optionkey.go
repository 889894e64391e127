package sim

import (
	"strconv"
	"strings"

	"rclab/sim/internal/kernel"
)

// OptionsKey names the machine New(opts...) builds before anyone types: two
// option lists with the same key build the same machine, byte for byte.
// Programs added with WithProgram count by name and path (what they print
// is their caller's business). Callers that cache machines built from
// options, such as an exam's set-up machine, key their cache with it.
func OptionsKey(opts ...Option) string {
	cfg := newConfig(opts)
	var b strings.Builder
	b.WriteString(bootKey(cfg))
	b.WriteString("\x01boot=" + strconv.FormatBool(cfg.boot))
	b.WriteString("\x01screens=" + strconv.FormatBool(cfg.screens))
	b.WriteString("\x01denied=" + strings.Join(cfg.ext.denied, "\x00"))
	for _, p := range cfg.ext.programs {
		b.WriteString("\x01program=" + p.Name + "\x00" + p.Path)
	}
	return b.String()
}

// newConfig is New's configuration: the defaults, then opts in order.
func newConfig(opts []Option) config {
	cfg := config{image: "centos5", seed: 1, tty: true, start: kernel.Epoch, boot: true}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}
