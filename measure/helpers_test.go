package measure_test

import (
	"math/rand/v2"
)

// gammaTrains returns n renewal spike trains with gamma(order) intervals
// of mean meanISI ms (order 1: Poisson), each of m+1 spikes starting at a
// random time in [0, meanISI); times are interleaved neuron by neuron.
func gammaTrains(r *rand.Rand, n, m, order int, meanISI float64) ([]float64, []int32) {
	var times []float64
	var idx []int32
	for i := range n {
		t := r.Float64() * meanISI
		for range m + 1 {
			times = append(times, t)
			idx = append(idx, int32(i))
			d := 0.0
			for range order {
				d += r.ExpFloat64()
			}
			t += d * meanISI / float64(order)
		}
	}
	return times, idx
}

// poissonTrains returns n Poisson trains of rate Hz on [0, duration) ms.
func poissonTrains(r *rand.Rand, n int, rate, duration float64) ([]float64, []int32) {
	var times []float64
	var idx []int32
	for i := range n {
		for t := r.ExpFloat64() * 1000 / rate; t < duration; t += r.ExpFloat64() * 1000 / rate {
			times = append(times, t)
			idx = append(idx, int32(i))
		}
	}
	return times, idx
}
