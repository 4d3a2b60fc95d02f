package measure

import (
	"fmt"
	"math"
	"slices"
)

// VanRossum returns the van Rossum distance between two spike trains a and
// b (times in ms, any order) for the time constant tau ms (van Rossum 2001,
// Neural Comput. 13:751): each train is filtered with the causal kernel
// e^{−t/τ} and
//
//	D² = (1/τ)·∫ (f_a(t) − f_b(t))² dt
//	   = ½·[Σ_ij e^{−|a_i−a_j|/τ} + Σ_ij e^{−|b_i−b_j|/τ} − 2·Σ_ij e^{−|a_i−b_j|/τ}],
//
// so one extra spike adds ½ to D² and two single spikes Δ apart are at
// D² = 1 − e^{−Δ/τ}. The sums are computed in one merged pass over the
// sorted trains, in O((len(a)+len(b))·log) time (Houghton & Kreuz 2012).
func VanRossum(a, b []float64, tau float64) (float64, error) {
	const fn = "VanRossum"
	if err := checkPositive(fn, "tau", tau); err != nil {
		return 0, err
	}
	for _, tr := range []struct {
		name string
		x    []float64
	}{{"a", a}, {"b", b}} {
		for q, t := range tr.x {
			if !finite(t) {
				return 0, fieldError(fn, fmt.Sprintf("%s[%d]", tr.name, q), t, "must be finite")
			}
		}
	}
	a, b = slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	// ta, tb: the filtered trains at the current time t; ties are handled
	// by processing a's spike first, so a pair at equal times counts once.
	var ta, tb, saa, sbb, sab, t float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		fromA := j == len(b) || (i < len(a) && a[i] <= b[j])
		next := 0.0
		if fromA {
			next = a[i]
		} else {
			next = b[j]
		}
		if i+j > 0 {
			d := math.Exp(-(next - t) / tau)
			ta, tb = ta*d, tb*d
		}
		t = next
		if fromA {
			saa += 2*ta + 1
			sab += tb
			ta++
			i++
		} else {
			sbb += 2*tb + 1
			sab += ta
			tb++
			j++
		}
	}
	return math.Sqrt(max(0, (saa+sbb-2*sab)/2)), nil
}
