package measure

import (
	"math"
	"slices"
)

// ISI returns the inter-spike intervals (ms) of each of the n neurons: the
// differences of its sorted spike times. Times and indices describe the
// spikes (any order); a neuron with fewer than two spikes has none.
func ISI(times []float64, indices []int32, n int) ([][]float64, error) {
	if err := checkEvents("ISI", times, indices, n); err != nil {
		return nil, err
	}
	return isi(times, indices, n), nil
}

func isi(times []float64, indices []int32, n int) [][]float64 {
	per := make([][]float64, n)
	for q, i := range indices {
		per[i] = append(per[i], times[q])
	}
	for i, ts := range per {
		if !slices.IsSorted(ts) {
			slices.Sort(ts)
		}
		for j := 1; j < len(ts); j++ {
			ts[j-1] = ts[j] - ts[j-1]
		}
		if len(ts) > 0 {
			per[i] = ts[:len(ts)-1]
		}
	}
	return per
}

// CV returns the coefficient of variation of the inter-spike intervals of
// each neuron, σ/μ of its ISIs (σ the population standard deviation, as
// numpy's std and elephant's cv), and the mean of the CVs over the neurons
// that have one. A neuron with fewer than two intervals has CV NaN; mean is
// NaN when no neuron has two. A regular train has CV 0, a Poisson train CV
// ≈ 1, a gamma process of order κ CV ≈ 1/√κ (Softky & Koch 1993).
func CV(times []float64, indices []int32, n int) (cv []float64, mean float64, err error) {
	if err := checkEvents("CV", times, indices, n); err != nil {
		return nil, 0, err
	}
	cv = make([]float64, n)
	for i, d := range isi(times, indices, n) {
		if len(d) < 2 {
			cv[i] = math.NaN()
			continue
		}
		m, v := meanVar(d)
		cv[i] = math.Sqrt(v) / m
	}
	return cv, nanMean(cv), nil
}

// Fano returns the Fano factor of each neuron's spike counts in consecutive
// windows of window ms over [0, duration): the variance of the counts over
// their mean, with K = floor(duration/window) windows (a partial last
// window is dropped) and the population variance (divided by K), and the
// mean over the neurons that fired. A neuron without spikes in the windows
// has Fano factor NaN. For a Poisson process the expected value is
// (K−1)/K; for a regular train whose period divides the window it is 0.
func Fano(times []float64, indices []int32, n int, duration, window float64) (fano []float64, mean float64, err error) {
	const fn = "Fano"
	if err := checkEvents(fn, times, indices, n); err != nil {
		return nil, 0, err
	}
	if err := checkPositive(fn, "duration", duration); err != nil {
		return nil, 0, err
	}
	if err := checkPositive(fn, "window", window); err != nil {
		return nil, 0, err
	}
	K := math.Floor(duration/window + 1e-9)
	if K < 2 || K > 1<<26 {
		return nil, 0, fieldError(fn, "window", window, "must give between 2 and 2²⁶ windows in duration = "+ftoa(duration)+" ms")
	}
	k := int(K)
	counts := make([]float64, n*k)
	for q, t := range times {
		if !(t >= 0 && t < duration) {
			return nil, 0, fieldError(fn, "times["+itoa(q)+"]", t, "must lie in the recording [0, "+ftoa(duration)+") ms")
		}
		if w := int(t/window + 1e-9); w < k {
			counts[int(indices[q])*k+w]++
		}
	}
	fano = make([]float64, n)
	for i := range fano {
		m, v := meanVar(counts[i*k : (i+1)*k])
		fano[i] = math.NaN()
		if m > 0 {
			fano[i] = v / m
		}
	}
	return fano, nanMean(fano), nil
}

// meanVar returns the mean and the population variance of x (len >= 1).
func meanVar(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		variance += (v - mean) * (v - mean)
	}
	return mean, variance / float64(len(x))
}

// nanMean is the mean of the non-NaN values, NaN if there are none.
func nanMean(x []float64) float64 {
	s, c := 0.0, 0
	for _, v := range x {
		if !math.IsNaN(v) {
			s += v
			c++
		}
	}
	if c == 0 {
		return math.NaN()
	}
	return s / float64(c)
}
