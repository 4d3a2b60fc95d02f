package sim

import (
	"runtime"
	"sync/atomic"
)

// spinLimit is how many times a waiting worker polls for the next step
// before it blocks; a step of a large network takes tens of microseconds,
// and waking a blocked goroutine costs about as much, so workers poll first.
const spinLimit = 1 << 12

// pool runs fn(b) for every block b = 0 … n−1 once per call of run. Block 0
// runs on the caller's goroutine; blocks 1 … n−1 on persistent goroutines.
// Every step sends exactly one token to every worker's buffered channel and
// every worker takes exactly one token per step, polling before it blocks:
// there is no state in which a token can be lost or taken twice.
type pool struct {
	n     int
	fn    func(b int)
	start []chan struct{}
	done  atomic.Int64 // workers finished in the current step
	stopF atomic.Bool
}

func newPool(n int, fn func(b int)) *pool {
	p := &pool{n: n, fn: fn, start: make([]chan struct{}, n)}
	for b := 1; b < n; b++ {
		p.start[b] = make(chan struct{}, 1)
		go p.worker(b)
	}
	return p
}

func (p *pool) worker(b int) {
	for {
		p.await(b)
		if p.stopF.Load() {
			return
		}
		p.fn(b)
		p.done.Add(1)
	}
}

// await takes the next token of worker b.
func (p *pool) await(b int) {
	c := p.start[b]
	for i := 0; i < spinLimit; i++ {
		select {
		case <-c:
			return
		default:
		}
		if i&63 == 63 {
			runtime.Gosched()
		}
	}
	<-c
}

func (p *pool) run() {
	if p.n == 1 {
		p.fn(0)
		return
	}
	p.done.Store(0)
	for b := 1; b < p.n; b++ {
		p.start[b] <- struct{}{}
	}
	p.fn(0)
	for i := 0; p.done.Load() != int64(p.n-1); i++ {
		if i&63 == 63 {
			runtime.Gosched()
		}
	}
}

func (p *pool) stop() {
	p.stopF.Store(true)
	for b := 1; b < p.n; b++ {
		p.start[b] <- struct{}{}
	}
}
