package measure_test

import (
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/measure"
)

// BenchmarkCrossCorrelation: 1000 neurons at 20 Hz for 1 s, 1 ms bins
// (499 500 pairs of 1000-bin sets).
func BenchmarkCrossCorrelation(b *testing.B) {
	times, idx := poissonTrains(rand.New(rand.NewPCG(1, 2)), 1000, 20, 1000)
	for b.Loop() {
		if _, err := measure.CrossCorrelation(times, idx, 1000, 1000, 0.1, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFiringRate: 4000 neurons at 20 Hz for 1 s at dt 0.1 ms, 5 ms window.
func BenchmarkFiringRate(b *testing.B) {
	times, _ := poissonTrains(rand.New(rand.NewPCG(1, 2)), 4000, 20, 1000)
	for b.Loop() {
		if _, err := measure.FiringRate(times, 4000, 1000, 0.1, 5); err != nil {
			b.Fatal(err)
		}
	}
}
