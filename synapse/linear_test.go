package synapse_test

import (
	"math"
	"testing"

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
