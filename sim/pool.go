package sim

import (
	"runtime"
	"sync/atomic"
)

// spinLimit is how many times a waiting worker polls for the next step
// before it parks; a step of a large network takes tens of microseconds, and
// waking a parked goroutine costs about as much, so workers spin first.
const spinLimit = 1 << 14

// pool runs fn(b) for every block b = 0 … n−1 once per call of run. Block 0
// runs on the caller's goroutine; blocks 1 … n−1 on persistent goroutines
// that spin on a step counter and park only after spinLimit polls, so a step
// costs neither goroutine creation nor, usually, a wake-up.
type pool struct {
	n      int
	fn     func(b int)
	gen    atomic.Uint64 // incremented to start a step
	done   atomic.Int64  // workers finished in the current step
	stopF  atomic.Bool
	parked []atomic.Bool
	wake   []chan struct{}
}

func newPool(n int, fn func(b int)) *pool {
	p := &pool{n: n, fn: fn, parked: make([]atomic.Bool, n), wake: make([]chan struct{}, n)}
	for b := 1; b < n; b++ {
		p.wake[b] = make(chan struct{}, 1)
		go p.worker(b)
	}
	return p
}

func (p *pool) worker(b int) {
	seen := uint64(0)
	for {
		p.await(b, seen)
		seen = p.gen.Load()
		if p.stopF.Load() {
			return
		}
		p.fn(b)
		p.done.Add(1)
	}
}

// await returns once gen differs from seen.
func (p *pool) await(b int, seen uint64) {
	for i := 0; i < spinLimit; i++ {
		if p.gen.Load() != seen {
			return
		}
		if i&63 == 63 {
			runtime.Gosched()
		}
	}
	p.parked[b].Store(true)
	if p.gen.Load() != seen && p.parked[b].CompareAndSwap(true, false) {
		return // the step started while parking and nobody saw the flag
	}
	<-p.wake[b] // run took the flag and sends (or has sent) a token
}

func (p *pool) signal() {
	p.gen.Add(1)
	for b := 1; b < p.n; b++ {
		if p.parked[b].CompareAndSwap(true, false) {
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
	p.signal()
	p.fn(0)
	for i := 0; p.done.Load() != int64(p.n-1); i++ {
		if i&63 == 63 {
			runtime.Gosched()
		}
	}
}

func (p *pool) stop() {
	p.stopF.Store(true)
	p.signal()
}
