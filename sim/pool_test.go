package sim

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestPoolEveryBlockOncePerStep runs steps back to back (workers polling)
// and with pauses longer than the polling period (workers parked and woken):
// every block must run exactly once per step, and run must not return
// before all of them have.
func TestPoolEveryBlockOncePerStep(t *testing.T) {
	for _, c := range []struct{ n, w int }{{1, 1}, {2, 2}, {3, 3}, {5, 5}, {5, 2}, {7, 3}, {4, 1}} {
		n := c.n
		counts := make([]atomic.Int64, n)
		p := newPoolW(n, c.w, func(b int) { counts[b].Add(1) })
		for step := int64(1); step <= 400; step++ {
			if step%100 == 0 {
				time.Sleep(20 * time.Millisecond) // let the workers park
			}
			p.run()
			for b := range counts {
				if got := counts[b].Load(); got != step {
					t.Fatalf("n=%d w=%d step %d: block %d ran %d times", n, c.w, step, b, got)
				}
			}
		}
		p.stop()
	}
}

// TestPoolStopParked stops a pool whose workers are parked: they must exit
// without running a block again.
func TestPoolStopParked(t *testing.T) {
	var ran atomic.Int64
	p := newPoolW(3, 3, func(int) { ran.Add(1) })
	p.run()
	time.Sleep(20 * time.Millisecond)
	p.stop()
	time.Sleep(10 * time.Millisecond)
	if got := ran.Load(); got != 3 {
		t.Fatalf("blocks ran %d times, want 3", got)
	}
}

// TestPoolNoEarlyWake runs pools with more goroutines than GOMAXPROCS and
// uneven blocks, so that a worker often parks while the runner is
// descheduled in the middle of publishing a step. Every block must run
// exactly once per step: a wake-up meant for one step must never release a
// worker that has already parked for the next (that bug hung the runner
// with one block run twice, within seconds of this test).
func TestPoolNoEarlyWake(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{2, 3, 4} {
			for rep := 0; rep < 30; rep++ {
				var calls atomic.Int64
				p := newPoolW(n, n, func(int) { // n goroutines whatever GOMAXPROCS
					x := calls.Add(1)
					for i := 0; i < int(x%300)*10; i++ {
						_ = i * i
					}
				})
				ok := make(chan string, 1)
				go func() {
					for step := int64(1); step <= 1000; step++ {
						p.run()
						if got := calls.Load(); got != step*int64(n) {
							ok <- fmt.Sprintf("step %d: %d block runs, want %d", step, got, step*int64(n))
							return
						}
					}
					ok <- ""
				}()
				select {
				case msg := <-ok:
					if msg != "" {
						t.Fatalf("GOMAXPROCS=%d blocks=%d: %s", procs, n, msg)
					}
				case <-time.After(20 * time.Second):
					t.Fatalf("GOMAXPROCS=%d blocks=%d: stuck after %d block runs", procs, n, calls.Load())
				}
				p.stop()
			}
		}
	}
}
