package input_test

import (
	"testing"

	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/sim"
)

// BenchmarkPoissonInput measures one step for 4000 neurons in the exact
// (np = 0.5) and normal (np = 20) regimes.
func BenchmarkPoissonInput(b *testing.B) {
	for _, c := range []struct {
		name string
		freq float64
	}{{"binomial", 5}, {"normal", 200}} {
		b.Run(c.name, func(b *testing.B) {
			s, err := input.NewPoissonInput(input.PoissonInputParams{NumInput: 1000, Freq: c.freq, Weight: 1, Dt: 0.1})
			if err != nil {
				b.Fatal(err)
			}
			dst := make([]float64, 4000)
			k := int64(0)
			for b.Loop() {
				s.Values(k, float64(k)*0.1, 0, len(dst), dst)
				k++
			}
		})
	}
}

// BenchmarkPoissonGroup measures one step of 4000 Poisson neurons at 20 Hz.
func BenchmarkPoissonGroup(b *testing.B) {
	g, err := input.NewPoissonGroup(4000, 20)
	if err != nil {
		b.Fatal(err)
	}
	if err := g.Init(&sim.Env{Dt: 0.1, Key: 1, Bounds: []int{0, 4000}}); err != nil {
		b.Fatal(err)
	}
	var spikes []int32
	k := int64(0)
	for b.Loop() {
		spikes = g.Update(k, float64(k)*0.1, 0, 4000, spikes[:0])
		k++
	}
}
