package sim

import "testing"

// BenchmarkPoolStep measures one step of the pool with ~1.5 µs of work per
// block: with 2 blocks the step costs that work plus the hand-over.
func BenchmarkPoolStep(b *testing.B) {
	for _, n := range []int{1, 2} {
		b.Run(map[int]string{1: "blocks=1", 2: "blocks=2"}[n], func(b *testing.B) {
			var sink [2][16]float64 // a cache line apart
			p := newPool(n, func(k int) {
				for i := 0; i < 500; i++ {
					sink[k][0] += float64(i) * 1e-9
				}
			})
			defer p.stop()
			for b.Loop() {
				p.run()
			}
		})
	}
}
