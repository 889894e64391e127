package shell

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"rclab/sim/internal/bash"
)

// Budget bounds one command line: how many simple commands it may run and
// how long it may take on the host. A runaway loop is stopped by the step
// count, which is deterministic; the deadline is the backstop for loops
// that run no commands at all (arithmetic-only loops).
type Budget struct {
	max      int64
	limit    time.Duration
	steps    atomic.Int64
	over     atomic.Bool
	reported atomic.Bool
	ctx      context.Context
	// forks counts the pipeline processes alive under the budget; forkOver
	// records that the process limit stopped the line.
	forks    atomic.Int64
	forkOver atomic.Bool
	// timer cancels ctx when the host-time limit is spent; paused is set
	// while it is stopped for a wait.
	mu     sync.Mutex
	timer  *time.Timer
	paused bool
	// bc is the context WithBudget returns, kept in the budget.
	bc budgetCtx
}

// StopError is returned through the interpreter when a budget runs out.
type StopError struct{ Steps int64 }

func (e *StopError) Error() string {
	return fmt.Sprintf("rclab: stopped a runaway command after %d steps", e.Steps)
}

type budgetKey struct{}

// WithBudget returns a context that carries a budget of maxSteps simple
// commands and expires after limit of host time spent running (0: no
// limit), and its cancel function. Time the line spends waiting for the
// keyboard (Pause) does not count.
func WithBudget(parent context.Context, maxSteps int64, limit time.Duration) (context.Context, context.CancelFunc) {
	b := &Budget{max: maxSteps, limit: limit}
	ctx, cancelCause := context.WithCancelCause(parent)
	b.ctx = ctx
	if limit > 0 {
		b.timer = time.AfterFunc(limit, func() { cancelCause(context.DeadlineExceeded) })
	}
	cancel := func() {
		b.mu.Lock()
		if b.timer != nil {
			b.timer.Stop()
		}
		b.mu.Unlock()
		cancelCause(context.Canceled)
	}
	b.bc = budgetCtx{ctx, b}
	return &b.bc, cancel
}

// budgetCtx is the context WithBudget returns: its cancellable context,
// answering budgetKey with the budget (no allocation of its own).
type budgetCtx struct {
	context.Context
	b *Budget
}

// Value answers budgetKey, and asks the parent otherwise.
func (c *budgetCtx) Value(key any) any {
	if _, ok := key.(budgetKey); ok {
		return c.b
	}
	return c.Context.Value(key)
}

// Pause stops the host-time limit while the line waits for a person.
func (b *Budget) Pause() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.timer != nil && !b.paused && b.timer.Stop() {
		b.paused = true
	}
}

// Resume starts the host-time limit again, afresh: a line gets its whole
// limit after each wait (waiting needs a person, so no loop gains by it).
func (b *Budget) Resume() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.paused {
		b.paused = false
		b.timer.Reset(b.limit)
	}
}

func budgetOf(ctx context.Context) *Budget {
	b, _ := ctx.Value(budgetKey{}).(*Budget)
	return b
}

// step counts one simple command and fails once the budget is spent.
func (b *Budget) step() error {
	if b == nil || b.max <= 0 {
		return nil
	}
	if n := b.steps.Add(1); n > b.max {
		b.over.Store(true)
		return &StopError{Steps: b.max}
	}
	return nil
}

// report says whether the stop still has to be reported (once per budget).
func (b *Budget) report() bool {
	if !b.over.Load() && !b.forkOver.Load() && !errors.Is(context.Cause(b.ctx), context.DeadlineExceeded) {
		return false // cancelled by the user: bash prints nothing
	}
	return b.reported.CompareAndSwap(false, true)
}

func (b *Budget) reason() string {
	if b.over.Load() {
		return (&StopError{Steps: b.max}).Error()
	}
	return fmt.Sprintf("rclab: stopped a runaway command after %v", b.limit)
}

// Steps reports how many simple commands ran under the budget.
func (b *Budget) Steps() int64 { return b.steps.Load() }

// BudgetOf returns the budget carried by ctx, or nil.
func BudgetOf(ctx context.Context) *Budget { return budgetOf(ctx) }

// fork counts a new pipeline process; it fails once room is the limit.
func (b *Budget) fork(room int) error {
	if b == nil {
		return nil
	}
	if n := b.forks.Add(1); n > int64(room) {
		if b.forkOver.CompareAndSwap(false, true) {
			b.reported.Store(true) // the shell says it: "fork: Resource…"
			return syscall.EAGAIN
		}
		return bash.ErrQuietFork
	}
	return nil
}

func (b *Budget) unfork() {
	if b != nil {
		b.forks.Add(-1)
	}
}
