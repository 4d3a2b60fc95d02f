package measure

import "math"

// FiringRate returns the population rate in Hz at each of the
// floor(duration/dt) steps of a recording of n neurons, as BrainPy HEAD's
// bp.measure.firing_rate (docs/semantics.md, “Measures”): the fraction of the
// neurons that spiked at each step, a_k, averaged over a centred window of
// w = 2·int(width/2/dt) + 1 steps,
//
//	r_k = 1000/(w·dt) · Σ_{|j−k| ≤ (w−1)/2} a_j   (a_j = 0 outside the recording),
//
// numpy's convolve(a, ones(w), 'same') normalised by the window's true
// length. (BrainPy 2.1.12 divided by the requested width instead of w·dt;
// and for a window longer than the recording numpy returns w values, this
// function always one per step.)
//
// A spike at time t (ms, from the start of the recording) belongs to step
// floor(t/dt) (with 1e-9 steps of slack, so a monitor's k·dt is step k),
// which must lie in [0, steps). Width is in ms (finite, >= 0;
// below 2·dt the window is one step).
func FiringRate(times []float64, n int, duration, dt, width float64) ([]float64, error) {
	const fn = "FiringRate"
	if err := checkN(fn, n); err != nil {
		return nil, err
	}
	steps, err := grid(fn, duration, dt)
	if err != nil {
		return nil, err
	}
	if !(width >= 0) || !finite(width) {
		return nil, fieldError(fn, "width", width, "must be a finite window in ms >= 0")
	}
	hf := math.Floor(width/2/dt + 1e-9) // half window, in steps
	h := int(min(hf, float64(steps)))   // enough to cover the recording
	a := make([]float64, steps)
	for q, t := range times {
		if !finite(t) {
			return nil, fieldError(fn, "times["+itoa(q)+"]", t, "must be finite")
		}
		k, err := stepOf(fn, q, t, dt, steps)
		if err != nil {
			return nil, err
		}
		a[k]++
	}
	// prefix sums give each window's count exactly (integers)
	cum := make([]float64, steps+1)
	for k, c := range a {
		cum[k+1] = cum[k] + c
	}
	scale := 1000 / ((2*hf + 1) * dt * float64(n))
	r := make([]float64, steps)
	for k := range r {
		r[k] = (cum[min(steps, k+h+1)] - cum[max(0, k-h)]) * scale
	}
	return r, nil
}

// MeanRates returns the mean rate in Hz of each of the n neurons over a
// recording of duration ms: its number of spikes ·1000/duration. Indices
// are the neuron of each spike, in [0, n).
func MeanRates(indices []int32, n int, duration float64) ([]float64, error) {
	const fn = "MeanRates"
	if err := checkN(fn, n); err != nil {
		return nil, err
	}
	if err := checkPositive(fn, "duration", duration); err != nil {
		return nil, err
	}
	r := make([]float64, n)
	for q, i := range indices {
		if i < 0 || int(i) >= n {
			return nil, fieldError(fn, "indices["+itoa(q)+"]", i, "must be in [0, n = "+itoa(n)+")")
		}
		r[i]++
	}
	for i := range r {
		r[i] *= 1000 / duration
	}
	return r, nil
}
