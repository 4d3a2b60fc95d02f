package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// oneSpike runs a projection from a pre neuron that fires once at step j
// onto post neuron 1 of a quiet 3-neuron LIF (V0 = −65); the spike arrives
// at step j+1.
func oneSpike(t *testing.T, j, steps, threads int, mk func(pre, post sim.Population) (sim.Projection, error), mons ...string) *sim.Results {
	t.Helper()
	res, _ := run(t, spikeTimes(t, 2, map[int][]int{0: {j}}), quietLIF(t, 3, -65), steps, threads, mk, mons...)
	return res
}

// TestDualExpResponse checks the response to one spike against closed
// forms derived from the equations (not from the code's constants):
//
//   - exact: g(t) = w·(e^{−t/τd} − e^{−t/τr})/(e^{−t*/τd} − e^{−t*/τr}) with
//     t* = τrτd/(τd−τr)·ln(τd/τr) the peak time, so the peak is w;
//   - exp_auto: h_m = a·w·r^m, g_m = d·g_{m−1} + τd(1−d)·h_{m−1}, g_0 = 0
//     (d = e^{−dt/τd}, r = e^{−dt/τr}), whose solution is
//     g_m = a·w·τd(1−d)·(d^m − r^m)/(d − r), a the normalisation above;
//   - explicit A: g(t) = w·A·(e^{−t/τd} − e^{−t/τr}).
//
// t = m·dt counts from the arrival step (g is 0 there). Tolerance 1e-12
// relative to w.
func TestDualExpResponse(t *testing.T) {
	const j, w, td, tr = 4, 0.8, 6.0, 1.5
	tp := tr * td / (td - tr) * math.Log(td/tr)
	peak := math.Exp(-tp/td) - math.Exp(-tp/tr)
	a := (td - tr) / (tr * td * peak) // h jump per unit weight for a unit peak
	d, r := math.Exp(-dt/td), math.Exp(-dt/tr)
	for _, c := range []struct {
		method string
		A      float64
		want   func(m int) float64
	}{
		{"exact", 0, func(m int) float64 {
			x := float64(m) * dt
			return w * (math.Exp(-x/td) - math.Exp(-x/tr)) / peak
		}},
		{"", 0, func(m int) float64 {
			return a * w * td * (1 - d) * (math.Pow(d, float64(m)) - math.Pow(r, float64(m))) / (d - r)
		}},
		{"exact", 2.5, func(m int) float64 {
			x := float64(m) * dt
			return w * 2.5 * (math.Exp(-x/td) - math.Exp(-x/tr))
		}},
	} {
		for _, threads := range []int{1, 2, 3} {
			res := oneSpike(t, j, 300, threads, func(pre, post sim.Population) (sim.Projection, error) {
				return synapse.NewDualExp(pre, post, rowsConn{{1}}, synapse.DualExpParams{TauDecay: td, TauRise: tr, A: c.A, Method: c.method, GMax: w}, nil)
			}, "syn.g", "syn.h", "post.input")
			g, in := res.Traces["syn.g"], res.Traces["post.input"]
			gmax := 0.0
			for k := 0; k < 300; k++ {
				want := 0.0
				if m := k - j - 1; m > 0 {
					want = c.want(m)
				}
				if !near(g.At(k, 1), want, 1e-12) || in.At(k, 1) != g.At(k, 1) || g.At(k, 0) != 0 {
					t.Fatalf("method %q A=%v threads=%d step %d: g = %.17g (input %v), want %.17g",
						c.method, c.A, threads, k, g.At(k, 1), in.At(k, 1), want)
				}
				gmax = max(gmax, g.At(k, 1))
			}
			if c.method == "exact" && c.A == 0 && (gmax > w*(1+1e-12) || gmax < w*(1-1e-3)) {
				t.Errorf("sampled peak %v: want within 0.1%% below w = %v", gmax, w)
			}
			if c.method == "" && c.A == 0 && gmax < w*1.02 {
				t.Errorf("exp_auto peak %v: BrainPy's scheme overshoots the exact peak %v by O(dt/τr)", gmax, w)
			}
		}
	}
}

// TestAlphaResponse checks g = w·(t/τ)·e^{−t/τ} (exact; peak w/e at t = τ)
// and its exponential-Euler counterpart g_m = w·(1−d)·m·d^{m−1}, which
// solves g_m = d·g_{m−1} + (1−d)·h_{m−1}, h_m = w·d^m.
func TestAlphaResponse(t *testing.T) {
	const j, w, tau = 2, 1.7, 3.0
	d := math.Exp(-dt / tau)
	for _, method := range []string{"exact", "exp_auto"} {
		res := oneSpike(t, j, 200, 2, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewAlpha(pre, post, rowsConn{{1}}, synapse.AlphaParams{TauDecay: tau, Method: method, GMax: w}, synapse.COBA{E: 0})
		}, "syn.g", "post.input", "post.V")
		g, in, V := res.Traces["syn.g"], res.Traces["post.input"], res.Traces["post.V"]
		for k := 1; k < 200; k++ {
			m := k - j - 1
			want := 0.0
			if m > 0 && method == "exact" {
				want = w * float64(m) * dt / tau * math.Exp(-float64(m)*dt/tau)
			} else if m > 0 {
				want = w * (1 - d) * float64(m) * math.Pow(d, float64(m-1))
			}
			if !near(g.At(k, 1), want, 1e-12) {
				t.Fatalf("%s step %d: g = %.17g, want %.17g", method, k, g.At(k, 1), want)
			}
			if cur := g.At(k, 1) * (0 - V.At(k-1, 1)); in.At(k, 1) != cur {
				t.Fatalf("%s step %d: COBA input %v, want g·(E − V_prev) = %v", method, k, in.At(k, 1), cur)
			}
		}
		if method == "exact" {
			if got := g.At(j+1+30, 1); !near(got, w/math.E, 1e-12) {
				t.Errorf("g at t = τ: %v, want w/e = %v", got, w/math.E)
			}
		}
	}
}

// TestDeltaJump checks the voltage jump on a quiet LIF (V_rest = −60,
// τ = 20, no input): without spikes V_k = −60 − 5·d^{k+1}; the jump w at
// the arrival step a is integrated with that step, so V_k gains w·d^{k−a+1}
// for k >= a.
func TestDeltaJump(t *testing.T) {
	const j, w = 5, 2.5
	d := math.Exp(-dt / 20)
	for _, threads := range []int{1, 2} {
		res := oneSpike(t, j, 60, threads, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(pre, post, rowsConn{{1, 1}}, synapse.DeltaParams{GMax: w})
		}, "post.V")
		V := res.Traces["post.V"]
		for k := 0; k < 60; k++ {
			base := -60 - 5*math.Pow(d, float64(k+1))
			want := base
			if a := j + 1; k >= a {
				want += 2 * w * math.Pow(d, float64(k-a+1)) // two synapses 0 → 1
			}
			if !near(V.At(k, 1), want, 1e-12) || !near(V.At(k, 0), base, 1e-12) {
				t.Fatalf("threads=%d step %d: V = %v, %v; want %v, %v", threads, k, V.At(k, 0), V.At(k, 1), base, want)
			}
		}
	}
}

// TestDeltaRefractory checks that jumps arriving while the post neuron is
// refractory are dropped when TauRef is set (BrainPy drops delta inputs
// during the refractory period) and kept when it is not. The post LIF
// starts above threshold, so it fires at step 0 and, with τ_ref = 1 ms, is
// refractory at steps 1–10 (V frozen at −60); spikes arrive at steps 5, 10
// and 11.
func TestDeltaRefractory(t *testing.T) {
	const w = 3.0
	d := math.Exp(-dt / 20)
	for _, tauRef := range []float64{1, 0} {
		post, err := neuron.NewLIF(1, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 1})
		if err != nil {
			t.Fatal(err)
		}
		res, _ := run(t, spikeTimes(t, 1, map[int][]int{0: {4, 9, 10}}), post, 20, 1, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(pre, post, rowsConn{{0}}, synapse.DeltaParams{GMax: w, TauRef: tauRef})
		}, "post.V", "post.spike")
		V := res.Traces["post.V"]
		if s := res.Spikes["post.spike"]; len(s.I) != 1 || s.T[0] != 0 {
			t.Fatalf("post spikes at %v: want one at t = 0", s.T)
		}
		if tauRef == 1 {
			for k := 0; k <= 10; k++ {
				if V.At(k, 0) != -60 {
					t.Fatalf("TauRef=1 step %d: V = %v, want −60 (jumps during the refractory period dropped)", k, V.At(k, 0))
				}
			}
			if want := -60 + w*d; !near(V.At(11, 0), want, 1e-12) {
				t.Errorf("step 11: V = %v, want −60 + w·d = %v", V.At(11, 0), want)
			}
		} else {
			// frozen, but V keeps the jumps written into it: −60 + w from step 5, −60 + 2w from step 10
			if V.At(5, 0) != -60+w || V.At(10, 0) != -60+2*w {
				t.Errorf("TauRef=0: V(5) = %v, V(10) = %v, want %v and %v", V.At(5, 0), V.At(10, 0), -60+w, -60+2*w)
			}
		}
	}
}
