package sim

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// spinLimit is how many times a waiting worker polls for the next step
// before it blocks; a step of a large network takes tens of microseconds,
// and waking a blocked goroutine costs about as much, so workers poll first.
const spinLimit = 1 << 14

// pool runs fn(b) for every block b = 0 … n−1 once per call of run, on w
// goroutines: the caller's runs blocks 0, w, 2w, …; persistent goroutine
// g = 1 … w−1 runs blocks g, g+w, …. newPool takes w = min(n, GOMAXPROCS),
// so asking for more blocks than cores costs no oversubscription; the blocks
// of a phase are independent, so the results do not depend on w.
//
// run publishes step s by incrementing seq to s; a worker that has done
// step s−1 polls seq (an atomic load, no lock) until it reaches s. A worker
// that polled spinLimit times parks: it stores s in its asleep slot, checks
// seq once more and waits on its channel. Whoever swaps the slot from s to 0
// decides: the worker, on finding step s published after all, goes on; run,
// when it publishes step s, sends the one token the worker waits for. The
// slot holds the step, not a flag, so that a publish delayed (preempted)
// until the worker has parked again for the next step cannot wake it early.
type pool struct {
	n, w   int // blocks, goroutines
	fn     func(b int)
	seq    atomic.Int64 // steps published
	done   atomic.Int64 // goroutines 1 … w−1 finished in the current step
	stopF  atomic.Bool
	asleep []atomic.Int64 // the step a parked worker waits for; 0 if awake
	wake   []chan struct{}
	failed atomic.Pointer[blockPanic] // the first panic of a block, if any
}

// blockPanic is a panic recovered from a block, with its stack.
type blockPanic struct {
	block int
	value any
	stack []byte
}

func newPool(n int, fn func(b int)) *pool {
	return newPoolW(n, min(n, runtime.GOMAXPROCS(0)), fn)
}

// newPoolW is newPool on w goroutines (1 ≤ w ≤ n).
func newPoolW(n, w int, fn func(b int)) *pool {
	p := &pool{n: n, w: w, fn: fn, asleep: make([]atomic.Int64, w), wake: make([]chan struct{}, w)}
	for g := 1; g < w; g++ {
		p.wake[g] = make(chan struct{}, 1)
		go p.worker(g)
	}
	return p
}

func (p *pool) worker(g int) {
	for s := int64(0); ; s++ {
		p.await(g, s)
		if p.stopF.Load() {
			return
		}
		p.blocks(g)
		p.done.Add(1)
	}
}

// blocks runs the blocks of goroutine g. A panic in a block (a user's
// model, say) is recovered and kept, so that it comes back as an error from
// Run instead of killing the process; the step still completes its
// hand-over, and the runner stops after it.
func (p *pool) blocks(g int) {
	b := g
	defer func() {
		if v := recover(); v != nil {
			p.failed.CompareAndSwap(nil, &blockPanic{block: b, value: v, stack: debug.Stack()})
		}
	}()
	for ; b < p.n; b += p.w {
		p.fn(b)
	}
}

// await returns to goroutine g once step s+1 is published.
func (p *pool) await(g int, s int64) {
	for i := 0; i < spinLimit; i++ {
		if p.seq.Load() > s {
			return
		}
		if i&255 == 255 {
			runtime.Gosched()
		}
	}
	p.asleep[g].Store(s + 1)
	if p.seq.Load() > s && p.asleep[g].CompareAndSwap(s+1, 0) {
		return
	}
	<-p.wake[g]
}

// publish starts the next step on every worker.
func (p *pool) publish() {
	s := p.seq.Add(1)
	for g := 1; g < p.w; g++ {
		if p.asleep[g].CompareAndSwap(s, 0) {
			p.wake[g] <- struct{}{}
		}
	}
}

func (p *pool) run() {
	if p.w == 1 {
		p.blocks(0)
		return
	}
	p.done.Store(0)
	p.publish()
	p.blocks(0)
	for i := 0; p.done.Load() != int64(p.w-1); i++ {
		if i&255 == 255 {
			runtime.Gosched()
		}
	}
}

func (p *pool) stop() {
	p.stopF.Store(true)
	p.publish()
}

// err returns the first panic recovered from a block, as an error.
func (p *pool) err() error {
	f := p.failed.Load()
	if f == nil {
		return nil
	}
	return fmt.Errorf("sim: Run: panic in block %d: %v\n%s", f.block, f.value, f.stack)
}
