package sim

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestPoolEveryBlockOncePerStep runs steps back to back (workers polling)
// and with pauses longer than the polling period (workers parked and woken):
// every block must run exactly once per step, and run must not return
// before all of them have.
func TestPoolEveryBlockOncePerStep(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5} {
		counts := make([]atomic.Int64, n)
		p := newPool(n, func(b int) { counts[b].Add(1) })
		for step := int64(1); step <= 400; step++ {
			if step%100 == 0 {
				time.Sleep(20 * time.Millisecond) // let the workers park
			}
			p.run()
			for b := range counts {
				if got := counts[b].Load(); got != step {
					t.Fatalf("n=%d step %d: block %d ran %d times", n, step, b, got)
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
	p := newPool(3, func(int) { ran.Add(1) })
	p.run()
	time.Sleep(20 * time.Millisecond)
	p.stop()
	time.Sleep(10 * time.Millisecond)
	if got := ran.Load(); got != 3 {
		t.Fatalf("blocks ran %d times, want 3", got)
	}
}
