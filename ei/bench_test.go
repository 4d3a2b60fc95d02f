package ei_test

import (
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// BenchmarkCOBA100ms times 100 ms (1000 steps) of the COBA benchmark at
// scale 1 on one thread, network construction excluded.
func BenchmarkCOBA100ms(b *testing.B) {
	for _, threads := range []int{1, 2} {
		b.Run(map[int]string{1: "threads=1", 2: "threads=2"}[threads], func(b *testing.B) {
			c := ei.COBA(1)
			net, err := ei.Build(c)
			if err != nil {
				b.Fatal(err)
			}
			r, err := sim.NewRunner(net, sim.Options{Threads: threads, Inputs: c.Inputs()})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := r.Run(100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildCOBA times network construction at scale 1.
func BenchmarkBuildCOBA(b *testing.B) {
	c := ei.COBA(1)
	for b.Loop() {
		net, err := ei.Build(c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sim.NewRunner(net, sim.Options{Threads: 1, Inputs: c.Inputs()}); err != nil {
			b.Fatal(err)
		}
	}
}
