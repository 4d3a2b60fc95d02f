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
// run publishes step s by incrementing seq to s; a worker that has done
// step s−1 polls seq (an atomic load, no lock) until it reaches s. A worker
// that polled spinLimit times parks: it stores s in its asleep slot, checks
// seq once more and waits on its channel. Whoever swaps the slot from s to 0
// decides: the worker, on finding step s published after all, goes on; run,
// when it publishes step s, sends the one token the worker waits for. The
// slot holds the step, not a flag, so that a publish delayed (preempted)
// until the worker has parked again for the next step cannot wake it early.
type pool struct {
	n      int
	fn     func(b int)
	seq    atomic.Int64 // steps published
	done   atomic.Int64 // workers finished in the current step
	stopF  atomic.Bool
	asleep []atomic.Int64 // the step a parked worker waits for; 0 if awake
	wake   []chan struct{}
}

func newPool(n int, fn func(b int)) *pool {
	p := &pool{n: n, fn: fn, asleep: make([]atomic.Int64, n), wake: make([]chan struct{}, n)}
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
	p.asleep[b].Store(s + 1)
	if p.seq.Load() > s && p.asleep[b].CompareAndSwap(s+1, 0) {
		return
	}
	<-p.wake[b]
}

// publish starts the next step on every worker.
func (p *pool) publish() {
	s := p.seq.Add(1)
	for b := 1; b < p.n; b++ {
		if p.asleep[b].CompareAndSwap(s, 0) {
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
