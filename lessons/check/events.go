package check

import (
	"fmt"
	"maps"
	"strings"
	"time"

	"rclab/lessons/check/strict"
	"rclab/sim"
)

// Journal is what happened at the machine's console during a step (or
// an exam): the lines typed (with their exit status), the broadcast
// messages (wall, shutdown warnings) that appeared on the terminal, and
// the boots. The lesson player keeps one per step and feeds it every
// action's result.
type Journal struct {
	Lines      []Line
	Broadcasts []string
	Boots      []Boot
	// waiting maps a console (1–6) to the index in Lines of its line
	// that waits for the keyboard or on a full-screen program: the answer
	// typed on that console (or the program's end) ends
	// it, whatever was typed on other consoles meanwhile.
	waiting map[int]int
}

// Line is one line typed at the console and the exit status it left.
type Line struct {
	Text   string
	Status int
}

// Record notes an action and its result. A password typed at login's
// prompt is not a command and is never kept (see sim.Action.Redacted);
// a line that waits for the keyboard or on a full-screen program ends
// with the status of the action that let it end (input, Ctrl-C, Ctrl-D,
// the program's Quit), which is no command of its own.
func (j *Journal) Record(a sim.Action, r sim.Result) {
	a = a.Redacted(r)
	tty := max(a.TTY, 1)
	switch {
	case a.Kind == sim.Type && a.Password != "":
	case a.Kind == sim.Type && r.Input, a.Kind == sim.Interrupt, a.Kind == sim.EndOfInput,
		a.Kind == sim.Quit && j.isWaiting(1), a.Kind == sim.Ntsysv && j.isWaiting(1):
		// Input to a program, Ctrl-C, Ctrl-D, the end of a full-screen
		// program: no command of its own; the line they belong to ends
		// with their status.
		if i, ok := j.waiting[tty]; ok && !r.Reading && r.Screen == nil {
			j.Lines[i].Status = r.Status
			delete(j.waiting, tty)
		}
	case a.Kind == sim.Type && !r.Incomplete:
		j.Lines = append(j.Lines, Line{Text: a.Line, Status: r.Status})
		if r.Reading || r.Screen != nil {
			if j.waiting == nil {
				j.waiting = map[int]int{}
			}
			j.waiting[tty] = len(j.Lines) - 1
		} else {
			delete(j.waiting, tty) // a line typed over an open program ended it
		}
	case a.Kind == sim.Quit && len(j.Lines) > 0:
		// A record made when programs opened after their line.
		j.Lines[len(j.Lines)-1].Status = r.Status
	}
	j.Broadcasts = append(j.Broadcasts, Broadcasts(r.Output)...)
	j.recordBoots(r.Events)
}

// isWaiting reports whether console tty's last line still runs.
func (j *Journal) isWaiting(tty int) bool {
	_, ok := j.waiting[tty]
	return ok
}

// Clone returns an independent copy of the journal (nil for nil).
func (j *Journal) Clone() *Journal {
	if j == nil {
		return nil
	}
	return &Journal{Lines: append([]Line(nil), j.Lines...), Broadcasts: append([]string(nil), j.Broadcasts...),
		Boots: append([]Boot(nil), j.Boots...), waiting: maps.Clone(j.waiting)}
}

// broadcastHeader starts what wall and shutdown write to every terminal.
const broadcastHeader = "Broadcast message from "

// controlRemover drops the carriage returns and bells of terminal output.
// It is built once: a Replacer builds its tables on first use.
var controlRemover = strings.NewReplacer("\r", "", "\a", "")

// Broadcasts extracts the texts of the broadcast messages in terminal
// output: what follows each "Broadcast message from …:" header and its
// blank line, with carriage returns and bells removed.
func Broadcasts(output string) []string {
	out := output
	if strings.ContainsAny(out, "\r\a") {
		out = controlRemover.Replace(out)
	}
	if !strings.Contains(out, broadcastHeader) {
		return nil // most output, read without a copy
	}
	var msgs []string
	for {
		i := strings.Index(out, broadcastHeader)
		if i < 0 {
			return msgs
		}
		out = out[i+len(broadcastHeader):]
		nl := strings.Index(out, "\n")
		if nl < 0 {
			return msgs
		}
		body := out[nl+1:]
		body = strings.TrimPrefix(body, "\n")
		end := strings.Index(body, broadcastHeader)
		if end < 0 {
			end = len(body)
		}
		text := body[:end]
		// The message ends at the next prompt-less blank gap or the end.
		msgs = append(msgs, strings.TrimRight(text, "\n "))
		out = body[end:]
	}
}

// ShutdownPending checks for a shutdown scheduled for later (shutdown
// with a time): what it will do and its message.
//
//	shutdown_pending: {action: reboot, message: 'Lab closes for maintenance'}
//	shutdown_pending: {action: reboot, at: "22:00"}
type ShutdownPending struct {
	// Action: reboot, halt, single (maintenance) or any (the default).
	Action string `yaml:"action"`
	// Message is a pattern the administrator's message must match.
	Message *Pattern `yaml:"message"`
	// InMinutes is how far ahead the shutdown must be, ±1 minute.
	InMinutes *int `yaml:"in_minutes"`
	// At is the clock time (HH:MM, 24-hour) the shutdown is set for, as
	// shutdown -r 22:00 sets it.
	At string `yaml:"at"`
}

// ValidateStrict checks the action.
func (s *ShutdownPending) ValidateStrict(n *strict.Node) {
	switch s.Action {
	case "", "any", "reboot", "halt", "single":
	default:
		n.Value("action").Errorf("\"action\" should be reboot, halt, single or any, not %q", s.Action)
	}
	if s.At != "" {
		if _, err := time.Parse("15:04", s.At); err != nil || len(s.At) != 5 {
			n.Value("at").Errorf("\"at\" should be a time of day as HH:MM (24-hour, like \"22:00\"), not %q", s.At)
		}
	}
}

func shutdownAction(level byte) Text {
	switch level {
	case '6':
		return T("reboot", "재부팅")
	case '0':
		return T("halt", "시스템 종료")
	}
	return T("switch to maintenance mode", "유지보수(단일 사용자) 모드 전환")
}

func (s *ShutdownPending) eval(m *sim.Machine, e *env) Outcome {
	action := s.Action
	if action == "" {
		action = "any"
	}
	var what Text
	switch action {
	case "reboot":
		what = T("a reboot", "재부팅이")
	case "halt":
		what = T("a halt", "시스템 종료가")
	case "single":
		what = T("a switch to maintenance mode", "유지보수 모드 전환이")
	default:
		what = T("a shutdown", "shutdown이")
	}
	exp := Text{En: what[En] + " scheduled for later", Ko: what[Ko] + " 예약되어 있을 것"}
	if s.InMinutes != nil {
		exp = join(" ", exp, Tf("in %d minutes", "(%d분 뒤)", *s.InMinutes))
	}
	if s.At != "" {
		exp = join(" ", exp, Tf("at %s", "(%s에)", s.At))
	}
	if s.Message != nil {
		exp = join(" ", exp, Tf("with a message matching %s", "(메시지가 %s에 맞음)", s.Message))
	}
	sd, ok := m.Shutdown()
	if !ok {
		return pass(false, exp, T("no shutdown is scheduled", "예약된 shutdown이 없음"))
	}
	minutes := int(sd.At.Sub(m.Now()).Round(time.Minute) / time.Minute)
	act := shutdownAction(sd.Level)
	found := Text{
		En: fmt.Sprintf("%s scheduled at %s (in %d minutes), message %q", act[En], sd.At.Format("15:04"), minutes, sd.Message),
		Ko: fmt.Sprintf("%s 예약: %s (%d분 뒤), 메시지 %q", act[Ko], sd.At.Format("15:04"), minutes, sd.Message),
	}
	ok = !sd.WarnOnly || action == "any"
	switch action {
	case "reboot":
		ok = ok && sd.Level == '6'
	case "halt":
		ok = ok && sd.Level == '0'
	case "single":
		ok = ok && sd.Level == '1'
	}
	if s.Message != nil && !s.Message.MatchString(sd.Message) {
		ok = false
	}
	if s.InMinutes != nil {
		d := minutes - *s.InMinutes
		ok = ok && d >= -1 && d <= 1
	}
	if s.At != "" {
		ok = ok && sd.At.Format("15:04") == s.At
	}
	return pass(ok, exp, found)
}

// Broadcast checks that a broadcast message (wall, or shutdown's
// warnings) containing a text appeared on the terminal during the step.
//
//	broadcast: {contains: Maintenance postponed}
type Broadcast struct {
	Contains string `yaml:"contains,required"`
}

func (b *Broadcast) eval(m *sim.Machine, e *env) Outcome {
	exp := Tf("a broadcast message (wall) containing %q during this step", "이 단계에서 %q을(를) 담은 브로드캐스트(wall) 메시지", b.Contains)
	if e.ctx == nil || e.ctx.Journal == nil {
		return pass(false, exp, T("no record of the console", "콘솔 기록이 없음"))
	}
	msgs := e.ctx.Journal.Broadcasts
	for _, msg := range msgs {
		if strings.Contains(msg, b.Contains) {
			return pass(true, exp, Tf("the message %q", "메시지 %q", oneLine(msg)))
		}
	}
	if len(msgs) == 0 {
		return pass(false, exp, T("no broadcast message", "브로드캐스트 메시지가 없음"))
	}
	var qs []string
	for _, msg := range msgs {
		qs = append(qs, fmt.Sprintf("%q", oneLine(msg)))
	}
	return pass(false, exp, Tf("only %s", "다른 메시지만 있음: %s", strings.Join(qs, ", ")))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Command checks that a line matching a pattern was typed during the
// step (optionally with an exit status). Use it only for steps whose
// point is to learn a command; everything else is checked on the
// machine's state.
//
//	command: {matches: '^\s*ps\b.*\baux?\b'}
type Command struct {
	Matches Pattern `yaml:"matches,required"`
	Status  *int    `yaml:"status"`
}

func (c *Command) eval(m *sim.Machine, e *env) Outcome {
	exp := Tf("a command matching %s typed in this step", "이 단계에서 %s에 맞는 명령을 입력할 것", c.Matches)
	if c.Status != nil {
		exp = join(" ", exp, Tf("that exits with %d", "(종료 코드 %d)", *c.Status))
	}
	if e.ctx == nil || e.ctx.Journal == nil {
		return pass(false, exp, T("no record of the console", "콘솔 기록이 없음"))
	}
	lines := e.ctx.Journal.Lines
	for _, l := range lines {
		if c.Matches.MatchString(l.Text) && (c.Status == nil || *c.Status == l.Status) {
			return pass(true, exp, Tf("%q", "%q", l.Text))
		}
	}
	if len(lines) == 0 {
		return pass(false, exp, T("no command yet", "아직 입력한 명령이 없음"))
	}
	last := lines[len(lines)-1]
	return pass(false, exp, Tf("the last command was %q (exit status %d)", "마지막 명령: %q (종료 코드 %d)", last.Text, last.Status))
}
