package check

import (
	"fmt"
	"strings"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Boot is one power-on seen by a Journal: the kernel arguments typed at
// the boot loader and the first runlevel init entered ("" until it
// enters one).
type Boot struct {
	Args  string
	Level string
}

// Single reports whether the boot went to single-user mode: its first
// runlevel was S or 1.
func (b Boot) Single() bool { return b.Level == "S" || b.Level == "1" }

// recordBoots notes the boots among an action's events.
func (j *Journal) recordBoots(events []sim.Event) {
	for _, e := range events {
		switch e.Kind {
		case sim.EventBoot:
			j.Boots = append(j.Boots, Boot{Args: e.Detail})
		case sim.EventRunlevel:
			if n := len(j.Boots); n > 0 && j.Boots[n-1].Level == "" {
				j.Boots[n-1].Level = e.Level
			}
		}
	}
}

// BootHistory checks the boots since the start of the lesson step or
// exam: that one of them went to single-user mode (runlevel S or 1, as
// booting with single or 1 at GRUB does), and how many there were.
//
//	boot_history: {single: true}
//	boot_history: {min: 1}
type BootHistory struct {
	// Single: true asks for a single-user boot, false for none.
	Single *bool `yaml:"single"`
	// Min is the fewest boots there must have been.
	Min *int `yaml:"min"`
}

// ValidateStrict requires single or min.
func (b *BootHistory) ValidateStrict(n *strict.Node) {
	if b.Single == nil && b.Min == nil {
		n.Errorf("\"boot_history\" needs \"single\", \"min\" or both")
	}
	if b.Min != nil && *b.Min < 0 {
		n.Value("min").Errorf("\"min\" cannot be negative")
	}
}

func (b *BootHistory) eval(m *sim.Machine, e *env) Outcome {
	var exp []Text
	if b.Single != nil {
		if *b.Single {
			exp = append(exp, T("a boot into single-user mode (runlevel S) since the start", "시작 이후 단일 사용자 모드(런레벨 S)로 부팅한 적이 있을 것"))
		} else {
			exp = append(exp, T("no boot into single-user mode since the start", "시작 이후 단일 사용자 모드로 부팅한 적이 없을 것"))
		}
	}
	if b.Min != nil {
		exp = append(exp, Tf("at least %d boot(s) since the start", "시작 이후 %d번 이상 부팅했을 것", *b.Min))
	}
	want := join(", ", exp...)
	if e.ctx == nil || e.ctx.Journal == nil {
		return pass(false, want, T("no record of the console", "콘솔 기록이 없음"))
	}
	boots := e.ctx.Journal.Boots
	single := false
	for _, bt := range boots {
		single = single || bt.Single()
	}
	ok := (b.Single == nil || *b.Single == single) && (b.Min == nil || len(boots) >= *b.Min)
	return pass(ok, want, bootsText(boots))
}

// bootsText describes the boots: "2 boots: (no arguments) → 5, single → S".
func bootsText(boots []Boot) Text {
	if len(boots) == 0 {
		return T("no boot since the start", "시작 이후 부팅한 적이 없음")
	}
	var parts, partsKo []string
	for _, b := range boots {
		args, argsKo := b.Args, b.Args
		if args == "" {
			args, argsKo = "no kernel arguments", "커널 인자 없음"
		}
		lvl := b.Level
		if lvl == "" {
			lvl = "-"
		}
		parts = append(parts, fmt.Sprintf("%s → runlevel %s", args, lvl))
		partsKo = append(partsKo, fmt.Sprintf("%s → 런레벨 %s", argsKo, lvl))
	}
	return Text{
		En: fmt.Sprintf("%d boot(s): %s", len(boots), strings.Join(parts, ", ")),
		Ko: fmt.Sprintf("부팅 %d번: %s", len(boots), strings.Join(partsKo, ", ")),
	}
}
