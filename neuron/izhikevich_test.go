package neuron_test

import (
	"math"
	"sort"
	"testing"

	"github.com/brainsim/brainsim/neuron"
)

// refIzhikevich integrates the Izhikevich (2003) equations with a classic
// RK4 of step h written independently of the package, from rest
// (V, u) = (−70, −14) under constant I, and returns the spike times (the
// start of the step in which V reaches 30 mV).
func refIzhikevich(a, b, c, d, I, T, h float64) []float64 {
	f := func(v, u float64) (float64, float64) { return 0.04*v*v + 5*v + 140 - u + I, a * (b*v - u) }
	v, u := -70.0, b*-70.0
	var ts []float64
	for k := 0; float64(k)*h < T; k++ {
		k1v, k1u := f(v, u)
		k2v, k2u := f(v+h/2*k1v, u+h/2*k1u)
		k3v, k3u := f(v+h/2*k2v, u+h/2*k2u)
		k4v, k4u := f(v+h*k3v, u+h*k3u)
		v += h / 6 * (k1v + 2*k2v + 2*k3v + k4v)
		u += h / 6 * (k1u + 2*k2u + 2*k3u + k4u)
		if v >= 30 {
			v, u = c, u+d
			ts = append(ts, float64(k)*h)
		}
	}
	return ts
}

// izhISIs runs one Izhikevich cell with I = 10 for 500 ms with rk4 at
// dt = 0.01 ms. Near the cut-off dV/dt reaches ~300 mV/ms, so a step of
// 0.01 ms moves V by at most a few mV and rk4's error stays far below the
// 0.01 ms quantisation of spike times; exp_auto at BrainPy's dt = 0.1 is
// first order and shifts ISIs by up to a step.
func izhISIs(t *testing.T, a, b, c, d float64) []float64 {
	p := neuron.DefaultIzhikevich()
	p.A, p.B, p.C, p.D, p.Method = a, b, c, d, "rk4"
	res := run(t, must(neuron.NewIzhikevich(1, p)), 10, 500, 0.01)
	got := isis(spikeTimes(res, 0))
	// an independent RK4 implementation of the paper's equations with a
	// 10x finer step (spike times quantised to 0.001 ms) gives the same
	// ISIs up to the discretisation: a spike is detected and reset up to one
	// step late, so each ISI may differ by a few package steps; the first
	// three within 0.05 ms, the mean ISI of the second half within 1 %
	want := isis(refIzhikevich(a, b, c, d, 10, 500, 0.001))
	if len(got) < 5 || len(want) < 5 {
		t.Fatalf("(a,b,c,d)=(%v,%v,%v,%v): %d ISIs, reference %d", a, b, c, d, len(got), len(want))
	}
	for q := 0; q < 3; q++ {
		if math.Abs(got[q]-want[q]) > 0.05 {
			t.Errorf("(a,b,c,d)=(%v,%v,%v,%v): ISI %d = %.3f ms, reference %.3f", a, b, c, d, q, got[q], want[q])
		}
	}
	if g, w := mean(got[len(got)/2:]), mean(want[len(want)/2:]); math.Abs(g-w) > 0.01*w {
		t.Errorf("(a,b,c,d)=(%v,%v,%v,%v): mean late ISI %.3f ms, reference %.3f", a, b, c, d, g, w)
	}
	return got
}

// TestIzhikevichFiringPatterns checks the three classic cells of Izhikevich
// (2003, Fig. 2) under I = 10 from rest.
func TestIzhikevichFiringPatterns(t *testing.T) {
	rs := izhISIs(t, 0.02, 0.2, -65, 8)
	fs := izhISIs(t, 0.1, 0.2, -65, 2)
	ch := izhISIs(t, 0.02, 0.2, -50, 2)

	// RS: spike-frequency adaptation: the first ISI is the shortest, the
	// steady ISI (the last) is at least twice as long and the steady rate
	// low (< 40 Hz).
	rsSteady := rs[len(rs)-1]
	if minOf(rs) != rs[0] || rsSteady < 2*rs[0] || 1000/rsSteady > 40 {
		t.Errorf("RS: ISIs %.2f: want the first the shortest, steady >= 2x first and rate < 40 Hz", rs)
	}

	// FS: tonic high-frequency firing: after 50 ms the ISIs are constant
	// within 1 %, and the rate is > 100 Hz and > 4x the RS rate.
	fsSteady := fs[len(fs)-1]
	var elapsed float64
	for q, d := range fs {
		if elapsed > 50 && math.Abs(d-fsSteady) > 0.01*fsSteady {
			t.Errorf("FS: ISI %d = %.3f ms differs from the steady %.3f by > 1%%", q, d, fsSteady)
		}
		elapsed += d
	}
	if f := 1000 / fsSteady; f < 100 || f < 4*1000/rsSteady {
		t.Errorf("FS: steady rate %.1f Hz, want > 100 Hz and > 4x RS (%.1f Hz)", f, 1000/rsSteady)
	}

	// CH: bursts: the ISIs fall into two groups separated by a gap of at
	// least a factor 5 (intra-burst < 10 ms, inter-burst > 20 ms), with at
	// least 3 inter-burst intervals and >= 2 intra-burst ISIs per burst.
	s := append([]float64(nil), ch...)
	sort.Float64s(s)
	gap, at := 0.0, 0
	for q := 1; q < len(s); q++ {
		if r := s[q] / s[q-1]; r > gap {
			gap, at = r, q
		}
	}
	short, long := s[:at], s[at:]
	if gap < 5 || maxOf(short) > 10 || minOf(long) < 20 || len(long) < 3 || len(short) < 2*len(long) {
		t.Errorf("CH: ISIs %v: want bimodal (gap %.1f at %d)", ch, gap, at)
	}
	// the regular-spiking cell has no such gap
	if r := maxOf(rs) / minOf(rs); r > 5 {
		t.Errorf("RS: max/min ISI = %.1f, want unimodal", r)
	}
}
