package main

import (
	"math"

	"github.com/brainsim/brainsim/measure"
)

// maxSyncNeurons bounds the neurons the synchrony index is computed over
// (its cost grows as n²): the first maxSyncNeurons of a population.
const maxSyncNeurons = 1000

// popStats are a spike monitor's summary statistics; NaN where undefined.
type popStats struct {
	pop             string
	rate, cv, kappa float64
}

// spikeStats computes, for each spike monitor of d, the mean rate (Hz over
// the recorded neurons), the mean ISI CV (over the neurons with two
// intervals or more; measure.CV) and the Wang–Buzsáki synchrony κ
// (measure.CrossCorrelation with bins of max(1 ms, dt), over the first
// maxSyncNeurons neurons).
func spikeStats(d *runData) ([]popStats, error) {
	var out []popStats
	for _, s := range d.spikes {
		st := popStats{pop: s.pop, rate: math.NaN(), cv: math.NaN(), kappa: math.NaN()}
		if d.duration > 0 && s.rec > 0 {
			st.rate = float64(len(s.t)) / float64(s.rec) / (d.duration * timeUnitS)
		}
		_, cv, err := measure.CV(s.t, s.i, s.n)
		if err != nil {
			return nil, err
		}
		st.cv = cv
		if d.duration > 0 {
			n := min(s.n, maxSyncNeurons)
			t, i := s.t, s.i
			if n < s.n {
				t, i = nil, nil
				for k, x := range s.i {
					if int(x) < n {
						t, i = append(t, s.t[k]), append(i, x)
					}
				}
			}
			if st.kappa, err = measure.CrossCorrelation(t, i, n, d.duration, d.dt, max(1, d.dt)); err != nil {
				return nil, err
			}
		}
		out = append(out, st)
	}
	return out, nil
}
