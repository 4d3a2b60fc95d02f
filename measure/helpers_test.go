package measure_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// within fails the test unless |got − want| <= tol.
func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.6g, want %.6g ± %.3g", what, got, want, tol)
	} else {
		t.Logf("%s = %.6g (want %.6g ± %.3g)", what, got, want, tol)
	}
}

// wantErr fails unless err is non-nil and mentions every fragment.
func wantErr(t *testing.T, what string, err error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("%s: error %q does not mention %q", what, err, f)
		}
	}
}

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
