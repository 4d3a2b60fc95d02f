package measure

import (
	"fmt"
	"math"
	"math/bits"
)

// CrossCorrelation returns the Wang–Buzsáki synchrony index κ of n neurons
// recorded for duration ms at time step dt (Wang & Buzsáki 1996, J. Neurosci.
// 16:6402; BrainPy's bp.measure.cross_correlation; see docs/semantics.md,
// “Measures”). The steps are grouped into bins of int(bin/dt) steps (the last
// bin padded), X_i(l) is 1 if neuron i spiked in bin l, and
//
//	κ_ij = Σ_l X_i(l)·X_j(l) / √(Σ_l X_i(l) · Σ_l X_j(l))   (0 if a neuron never fired),
//
// averaged over all n(n−1)/2 pairs. A perfectly synchronous population has
// κ = 1; independent neurons firing in a fraction q of the bins have
// κ ≈ q. A spike at time t belongs to step floor(t/dt) (with 1e-9 steps of
// slack) in [0, steps).
//
// The bins are bit sets, so the cost is about n²·bins/128 word operations.
func CrossCorrelation(times []float64, indices []int32, n int, duration, dt, bin float64) (float64, error) {
	const fn = "CrossCorrelation"
	if err := checkEvents(fn, times, indices, n); err != nil {
		return 0, err
	}
	if n < 2 {
		return 0, fieldError(fn, "n", n, "must be >= 2 (κ averages over pairs)")
	}
	steps, err := grid(fn, duration, dt)
	if err != nil {
		return 0, err
	}
	if err := checkPositive(fn, "bin", bin); err != nil {
		return 0, err
	}
	size := int(min(math.Floor(bin/dt+1e-9), float64(steps)))
	if size < 1 {
		return 0, fieldError(fn, "bin", bin, fmt.Sprintf("must be at least one step (dt = %v ms)", dt))
	}
	nb := (steps + size - 1) / size
	words := (nb + 63) / 64
	X := make([]uint64, n*words)
	for q, t := range times {
		k, err := stepOf(fn, q, t, dt, steps)
		if err != nil {
			return 0, err
		}
		l := k / size
		X[int(indices[q])*words+l/64] |= 1 << (l % 64)
	}
	count := make([]float64, n)
	for i := range count {
		c := 0
		for _, w := range X[i*words : (i+1)*words] {
			c += bits.OnesCount64(w)
		}
		count[i] = float64(c)
	}
	sum := 0.0
	for i := 1; i < n; i++ {
		if count[i] == 0 {
			continue
		}
		xi := X[i*words : (i+1)*words]
		for j := range i {
			if count[j] == 0 {
				continue
			}
			xj := X[j*words : (j+1)*words]
			c := 0
			for w := range xi {
				c += bits.OnesCount64(xi[w] & xj[w])
			}
			sum += float64(c) / math.Sqrt(count[i]*count[j])
		}
	}
	return sum / (float64(n) * float64(n-1) / 2), nil
}

// VoltageFluctuation returns Golomb's synchrony measure χ² of n membrane
// potential traces (Golomb & Rinzel 1993, Phys. Rev. E 48:4810; BrainPy's
// bp.measure.voltage_fluctuation; docs/semantics.md, “Measures”):
//
//	χ² = Var_t(V̄(t)) / mean_i Var_t(V_i(t)),   V̄(t) = mean_i V_i(t),
//
// with population variances over time. Like BrainPy it returns χ² (take the
// square root for χ) and 1 when every trace is constant. Identical traces
// give 1; n independent traces of equal variance give ≈ 1/n.
//
// v holds the samples row-major, v[s·n + i] being neuron i at sample s (the
// layout of sim.Trace.Data); len(v) must be a positive multiple of n.
func VoltageFluctuation(v []float64, n int) (float64, error) {
	const fn = "VoltageFluctuation"
	if err := checkN(fn, n); err != nil {
		return 0, err
	}
	if len(v) == 0 || len(v)%n != 0 {
		return 0, fieldError(fn, "len(v)", len(v), fmt.Sprintf("must be a positive multiple of n = %d (samples × neurons)", n))
	}
	T := len(v) / n
	mean := make([]float64, n) // per neuron, over time
	avg := make([]float64, T)  // per sample, over neurons
	for s := range T {
		row := v[s*n : (s+1)*n]
		a := 0.0
		for i, x := range row {
			if !finite(x) {
				return 0, fieldError(fn, fmt.Sprintf("v[%d]", s*n+i), x, "must be finite")
			}
			mean[i] += x
			a += x
		}
		avg[s] = a / float64(n)
	}
	for i := range mean {
		mean[i] /= float64(T)
	}
	// two-pass variances, summed over neurons
	varSum := 0.0
	for s := range T {
		for i, x := range v[s*n : (s+1)*n] {
			d := x - mean[i]
			varSum += d * d
		}
	}
	varMean := varSum / float64(T) / float64(n)
	_, avgVar := meanVar(avg)
	if varMean == 0 {
		return 1, nil
	}
	return avgVar / varMean, nil
}
