package sim

import "sync"

// pool runs fn(b) for every block b = 0 … n−1 once per call of run. Block 0
// runs on the caller's goroutine; blocks 1 … n−1 on persistent goroutines,
// so a step costs no goroutine creation.
type pool struct {
	n     int
	fn    func(b int)
	start []chan struct{}
	done  sync.WaitGroup
}

func newPool(n int, fn func(b int)) *pool {
	p := &pool{n: n, fn: fn}
	for b := 1; b < n; b++ {
		c := make(chan struct{}, 1)
		p.start = append(p.start, c)
		go func() {
			for range c {
				fn(b)
				p.done.Done()
			}
		}()
	}
	return p
}

func (p *pool) run() {
	p.done.Add(p.n - 1)
	for _, c := range p.start {
		c <- struct{}{}
	}
	p.fn(0)
	p.done.Wait()
}

func (p *pool) stop() {
	for _, c := range p.start {
		close(c)
	}
}
