package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

// simpson integrates f over [a, b] with the composite Simpson rule on n
// (even) intervals.
func simpson(f func(float64) float64, a, b float64, n int) float64 {
	h := (b - a) / float64(n)
	s := f(a) + f(b)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * f(a+float64(i)*h)
	}
	return s * h / 3
}

// expIFISI is the time an ExpIF membrane takes from V_reset to V_th under
// I: τ·∫ dV / (−(V − V_rest) + Δ_T·e^{(V−V_T)/Δ_T} + R·I).
func expIFISI(p neuron.ExpIFParams, I float64) float64 {
	return simpson(func(v float64) float64 {
		return p.Tau / (-(v - p.VRest) + p.DeltaT*math.Exp((v-p.VT)/p.DeltaT) + p.R*I)
	}, p.VReset, p.VTh, 200000)
}

// TestExpIFISIQuadrature compares every ISI of an ExpIF with the quadrature
// of dt = τ·dV/f(V) (the exact interval from V_reset to V_th). With a
// refractory period of r steps the spike comes at the first step whose
// integration time reaches it: ISI ∈ [T* + r·dt, T* + (r+1)·dt), widened by
// 0.02 ms for exp_auto's first-order error at dt = 0.01.
func TestExpIFISIQuadrature(t *testing.T) {
	const dt = 0.01
	for _, tauRef := range []float64{0, 1.7} {
		for _, I := range []float64{5, 20} {
			p := neuron.DefaultExpIF()
			p.V0, p.TauRef = initial.Constant(p.VRest), tauRef
			T := expIFISI(p, I)
			ts := spikeTimes(run(t, must(neuron.NewExpIF(1, p)), I, 300, dt), 0)
			r := math.Round(tauRef / dt)
			if len(ts) < 5 {
				t.Fatalf("TauRef=%v I=%v: %d spikes", tauRef, I, len(ts))
			}
			for q, d := range isis(ts) {
				if lo, hi := T+r*dt-0.02, T+(r+1)*dt+0.02; d < lo || d > hi {
					t.Errorf("TauRef=%v I=%v: ISI %d = %.4f ms, want in [%.4f, %.4f] (T* = %.4f)", tauRef, I, q, d, lo, hi, T)
				}
			}
		}
	}
	// below the rheobase I_rh = V_T − V_rest − Δ_T = 1.62 it never fires
	p := neuron.DefaultExpIF()
	p.V0 = initial.Constant(p.VRest)
	if ts := spikeTimes(run(t, must(neuron.NewExpIF(1, p)), 1.5, 500, 0.1), 0); len(ts) != 0 {
		t.Errorf("I=1.5 < rheobase 1.62: %d spikes", len(ts))
	}
}

// TestQuaIFAnalyticISI: τ·V' = c(V − V_r)(V − V_c) + R·I = c(V − m)² + k with
// m = (V_r + V_c)/2 and k = R·I − c(V_c − V_r)²/4 > 0 integrates to
// T = τ/√(ck)·[atan(√(c/k)(V − m))] from V_reset to V_th.
func TestQuaIFAnalyticISI(t *testing.T) {
	const dt, I = 0.01, 10.0
	p := neuron.DefaultQuaIF()
	p.V0 = initial.Constant(p.VRest)
	m, k := (p.VRest+p.VC)/2, p.R*I-p.C*(p.VC-p.VRest)*(p.VC-p.VRest)/4
	s := math.Sqrt(p.C / k)
	T := p.Tau / math.Sqrt(p.C*k) * (math.Atan(s*(p.VTh-m)) - math.Atan(s*(p.VReset-m)))
	for _, method := range []string{"exp_auto", "euler", "rk4"} {
		p.Method = method
		ts := spikeTimes(run(t, must(neuron.NewQuaIF(1, p)), I, 300, dt), 0)
		if len(ts) < 5 {
			t.Fatalf("%s: %d spikes", method, len(ts))
		}
		for q, d := range isis(ts) {
			if d < T-0.02 || d > T+dt+0.02 {
				t.Errorf("%s: ISI %d = %.4f ms, analytic %.4f", method, q, d, T)
			}
		}
	}
	// AdQuaIF with a = b = 0 is QuaIF with R = 1
	ap := neuron.DefaultAdQuaIF()
	ap.A, ap.B, ap.V0 = 0, 0, initial.Constant(ap.VRest)
	for q, d := range isis(spikeTimes(run(t, must(neuron.NewAdQuaIF(1, ap)), I, 300, dt), 0)) {
		if d < T-0.02 || d > T+dt+0.02 {
			t.Errorf("AdQuaIF a=b=0: ISI %d = %.4f ms, analytic %.4f", q, d, T)
		}
	}
}

// TestAdaptation: with b > 0 every spike adds b to w, which decays over τ_w,
// so the ISIs grow monotonically to a steady state (spike-frequency
// adaptation); with a = b = 0 AdExIF is ExpIF and every ISI equals the
// quadrature interval. exp_auto (BrainPy's default) at dt = 0.01.
func TestAdaptation(t *testing.T) {
	const dt, I = 0.01, 20.0
	adapting := func(name string, d []float64) {
		t.Helper()
		if len(d) < 10 {
			t.Fatalf("%s: only %d ISIs", name, len(d))
		}
		for q := 1; q < len(d); q++ {
			if d[q] < d[q-1]-dt-1e-9 {
				t.Errorf("%s: ISI %d = %.3f < ISI %d = %.3f", name, q, d[q], q-1, d[q-1])
			}
		}
		last := d[len(d)-1]
		if last < 1.2*d[0] {
			t.Errorf("%s: ISIs grow from %.3f to only %.3f ms (< 20 %%)", name, d[0], last)
		}
		for _, x := range d[len(d)-5:] {
			if math.Abs(x-last) > dt+1e-9 {
				t.Errorf("%s: no steady state, last ISIs %.3f", name, d[len(d)-5:])
				break
			}
		}
	}
	p := neuron.DefaultAdExIF() // a = 1, b = 1
	p.V0 = initial.Constant(p.VRest)
	adapting("AdExIF", isis(spikeTimes(run(t, must(neuron.NewAdExIF(1, p)), I, 500, dt), 0)))
	q := neuron.DefaultAdQuaIF() // a = 1; b = 1 and τ_w = 50 make adaptation strong
	q.V0, q.B, q.TauW = initial.Constant(q.VRest), 1, 50
	adapting("AdQuaIF", isis(spikeTimes(run(t, must(neuron.NewAdQuaIF(1, q)), 2*I, 500, dt), 0)))

	p.A, p.B = 0, 0
	e := neuron.DefaultExpIF()
	T := expIFISI(e, I)
	d := isis(spikeTimes(run(t, must(neuron.NewAdExIF(1, p)), I, 500, dt), 0))
	for q, x := range d {
		if x < T-0.02 || x > T+dt+0.02 {
			t.Errorf("AdExIF a=b=0: ISI %d = %.4f ms, ExpIF quadrature %.4f", q, x, T)
		}
	}
}

// TestRefractoryFreeze checks LIF's refractory rule on the adaptive models:
// after a spike at step s, V stays at V_reset for steps s … s+r
// (r = round(TauRef/dt)) while w keeps integrating, and V moves at s+r+1.
// Noise (on V) is not added while refractory.
func TestRefractoryFreeze(t *testing.T) {
	const dt = 0.1
	p := neuron.DefaultAdExIF()
	p.TauRef, p.V0, p.Noise = 1.7, initial.Constant(p.VRest), 0.5
	res := run(t, must(neuron.NewAdExIF(1, p)), 30, 100, dt, "V", "w")
	ts := spikeTimes(res, 0)
	if len(ts) < 2 {
		t.Fatalf("%d spikes", len(ts))
	}
	V, W := res.Traces["P.V"].Column(0), res.Traces["P.w"].Column(0)
	s, r := int(math.Round(ts[0]/dt)), 17
	for k := s; k <= s+r; k++ {
		if V[k] != p.VReset {
			t.Fatalf("step %d (spike at %d): V = %v, want frozen at %v", k, s, V[k], p.VReset)
		}
		if k > s && W[k] == W[k-1] {
			t.Errorf("step %d: w frozen at %v, want it integrating", k, W[k])
		}
	}
	if V[s+r+1] == p.VReset {
		t.Errorf("step %d: V still at V_reset after the refractory period", s+r+1)
	}
	// w decays exactly (exp_auto, linear in w) towards a(V_reset − V_rest)
	// while V is frozen: w_{k+1} = w∞ + (w_k − w∞)·e^{−dt/τ_w}
	wInf := p.A * (p.VReset - p.VRest)
	for k := s + 1; k <= s+r; k++ {
		if want := wInf + (W[k-1]-wInf)*math.Exp(-dt/p.TauW); math.Abs(W[k]-want) > 1e-12 {
			t.Errorf("step %d: w = %v, want %v", k, W[k], want)
		}
	}
}
