package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// replaySpeeds are the replay's speeds, slowest first; speedNormal is 1×.
var replaySpeeds = []float64{0.5, 1, 2, 4, 8}

const speedNormal = 1

// Playing follows the gaps of the recorded virtual clock, compressed so
// that thinking time does not stall the replay: a gap is shown as at
// least minGap and at most maxGap (a minute of waiting takes 2 s at 1×),
// then divided by the speed.
const (
	minGap = 300 * time.Millisecond
	maxGap = 2 * time.Second
)

// timeline is the replay's position among the frames of a session:
// frame 0 is the start of the exam, frame k the screen after the k-th
// recorded action. It also knows when the checks changed state and how
// long to wait between frames when playing.
type timeline struct {
	clocks  []time.Time // the virtual clock at each frame
	changes []int       // frames where some check changed state, ascending
	pos     int
	playing bool
	speed   int // index in replaySpeeds
}

func newTimeline(clocks []time.Time, changes []int) *timeline {
	return &timeline{clocks: clocks, changes: changes, speed: speedNormal}
}

// last is the index of the last frame.
func (tl *timeline) last() int { return len(tl.clocks) - 1 }

// seek moves to frame k (clamped) and reports whether the position
// changed; reaching the end stops playing.
func (tl *timeline) seek(k int) bool {
	k = max(0, min(k, tl.last()))
	moved := k != tl.pos
	tl.pos = k
	if tl.pos == tl.last() {
		tl.playing = false
	}
	return moved
}

// nextChange is the first frame after the position where a check
// changed state, or -1.
func (tl *timeline) nextChange() int {
	for _, c := range tl.changes {
		if c > tl.pos {
			return c
		}
	}
	return -1
}

// prevChange is the last frame before the position where a check
// changed state, or -1.
func (tl *timeline) prevChange() int {
	for i := len(tl.changes) - 1; i >= 0; i-- {
		if tl.changes[i] < tl.pos {
			return tl.changes[i]
		}
	}
	return -1
}

// faster and slower change the speed within replaySpeeds.
func (tl *timeline) faster() { tl.speed = min(tl.speed+1, len(replaySpeeds)-1) }
func (tl *timeline) slower() { tl.speed = max(tl.speed-1, 0) }

// delay is how long to show the current frame before the next one when
// playing: the virtual time between them, compressed, at the speed.
func (tl *timeline) delay() time.Duration {
	if tl.pos >= tl.last() {
		return 0
	}
	return scaleGap(tl.clocks[tl.pos+1].Sub(tl.clocks[tl.pos]), replaySpeeds[tl.speed])
}

// scaleGap compresses a recorded gap for playing at speed.
func scaleGap(gap time.Duration, speed float64) time.Duration {
	gap = max(minGap, min(gap, maxGap))
	return time.Duration(float64(gap) / speed)
}

// speedText is the speed as the bar shows it: "0.5×", "2×".
func speedText(i int) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", replaySpeeds[i]), "0"), ".") + "×"
}

// timelineBar draws a timeline on one row:
//
//	▶ 2×  ├────◆───●──◆───────┤  12/40  09:03:12 +3:10
//
// ◆ marks a frame where a check changed state, ● the position.
type timelineBar struct {
	*tview.Box
	env *env
	tl  func() *timeline // nil while the recording loads
}

func newTimelineBar(e *env, tl func() *timeline) *timelineBar {
	return &timelineBar{Box: newBox(), env: e, tl: tl}
}

// Draw fills the row.
func (b *timelineBar) Draw(screen tcell.Screen) {
	x, y, w, h := b.GetRect()
	if w <= 0 || h <= 0 {
		return
	}
	th := b.env.th
	tl := b.tl()
	if tl == nil || len(tl.clocks) == 0 {
		return
	}
	state := "❚❚"
	if tl.playing {
		state = "▶"
	}
	left := fmt.Sprintf(" %s %-4s ", state, speedText(tl.speed))
	elapsed := tl.clocks[tl.pos].Sub(tl.clocks[0])
	right := fmt.Sprintf(" %d/%d  %s +%s ", tl.pos, tl.last(), tl.clocks[tl.pos].Format("15:04:05"), clockText(elapsed))
	n := printText(screen, x, y, w, left, th.title)
	rw := textWidth(right)
	track := w - n - rw
	if track < 5 {
		printText(screen, x+n, y, w-n, truncate(right, w-n), th.text)
		return
	}
	tx := x + n
	inner := track - 2
	screen.SetContent(tx, y, '├', nil, th.frame)
	screen.SetContent(tx+track-1, y, '┤', nil, th.frame)
	for i := 0; i < inner; i++ {
		screen.SetContent(tx+1+i, y, '─', nil, th.frame)
	}
	col := func(k int) int {
		if tl.last() == 0 {
			return 0
		}
		return k * (inner - 1) / tl.last()
	}
	for _, c := range tl.changes {
		screen.SetContent(tx+1+col(c), y, '◆', nil, th.header)
	}
	screen.SetContent(tx+1+col(tl.pos), y, '●', nil, th.running)
	printText(screen, tx+track, y, rw, right, th.text)
}

// clockText is a duration as m:ss or h:mm:ss.
func clockText(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	s := int(d.Round(time.Second) / time.Second)
	out := fmt.Sprintf("%d:%02d", s/60, s%60)
	if s >= 3600 {
		out = fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	if neg {
		out = "-" + out
	}
	return out
}
