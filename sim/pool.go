package sim

import (
	"runtime"
	"sync/atomic"
)

// spinLimit is how many times a waiting worker polls for the next step
// before it blocks; a step of a large network takes tens of microseconds,
// and waking a blocked goroutine costs about as much, so workers poll first.
const spinLimit = 1 << 14

// pool runs fn(b) for every block b = 0 … n−1 once per call of run. Block 0
// runs on the caller's goroutine; blocks 1 … n−1 on persistent goroutines.
//
// run publishes a step by incrementing seq; a worker that has done step s
// polls seq (an atomic load, no lock) until it exceeds s. A worker that
// polled spinLimit times parks: it sets its asleep flag, checks seq once
// more and waits on its channel. Whoever clears the flag (the worker on
// finding the step after all, or run after publishing it) decides: if run
// cleared it, run sends the one token the worker waits for. So a step is
// never missed and a token never left over.
type pool struct {
	n      int
	fn     func(b int)
	seq    atomic.Int64 // steps published
	done   atomic.Int64 // workers finished in the current step
	stopF  atomic.Bool
	asleep []atomic.Bool
	wake   []chan struct{}
}

func newPool(n int, fn func(b int)) *pool {
	p := &pool{n: n, fn: fn, asleep: make([]atomic.Bool, n), wake: make([]chan struct{}, n)}
	for b := 1; b < n; b++ {
		p.wake[b] = make(chan struct{}, 1)
		go p.worker(b)
	}
	return p
}

func (p *pool) worker(b int) {
	for s := int64(0); ; s++ {
		p.await(b, s)
		if p.stopF.Load() {
			return
		}
		p.fn(b)
		p.done.Add(1)
	}
}

// await returns once step s+1 is published.
func (p *pool) await(b int, s int64) {
	for i := 0; i < spinLimit; i++ {
		if p.seq.Load() > s {
			return
		}
		if i&255 == 255 {
			runtime.Gosched()
		}
	}
	p.asleep[b].Store(true)
	if p.seq.Load() > s && p.asleep[b].CompareAndSwap(true, false) {
		return
	}
	<-p.wake[b]
}

// publish starts the next step on every worker.
func (p *pool) publish() {
	p.seq.Add(1)
	for b := 1; b < p.n; b++ {
		if p.asleep[b].CompareAndSwap(true, false) {
			p.wake[b] <- struct{}{}
		}
	}
}

func (p *pool) run() {
	if p.n == 1 {
		p.fn(0)
		return
	}
	p.done.Store(0)
	p.publish()
	p.fn(0)
	for i := 0; p.done.Load() != int64(p.n-1); i++ {
		if i&255 == 255 {
			runtime.Gosched()
		}
	}
}

func (p *pool) stop() {
	p.stopF.Store(true)
	p.publish()
}
