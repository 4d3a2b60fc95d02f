package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestAMPAResponse checks the AMPA kinetics against the exact solution of
// ds/dt = αT(1 − s) − βs with a pulse of T over [0, T_dur) from the start
// of the arrival step a: s = s∞(1 − e^{−(αT+β)t}) while on (s∞ = αT/(αT+β)),
// then s·e^{−β(t − t_off)}; after step a+m, t = (m+1)·dt. A second spike
// arriving during the pulse (at a+3) restarts it, so the on phase runs on
// to a+3+n−1 (n = T_dur/dt steps). g_post = w·s.
func TestAMPAResponse(t *testing.T) {
	p := synapse.DefaultAMPA()
	p.GMax = 0.7
	r := p.Alpha*p.T + p.Beta
	sinf := p.Alpha * p.T / r
	const j = 6
	a := j + 1
	for _, restart := range []bool{false, true} {
		spikes := []int{j}
		on := 5 // 0.5 ms at dt = 0.1
		if restart {
			spikes = append(spikes, j+3)
			on += 3
		}
		for _, threads := range []int{1, 2} {
			res, _ := run(t, spikeTimes(t, 2, map[int][]int{0: spikes}), quietLIF(t, 3, -65), 200, threads,
				func(pre, post sim.Population) (sim.Projection, error) {
					return synapse.NewAMPA(pre, post, rowsConn{{2}}, p, nil)
				}, "syn.g", "syn.s", "post.input", "post.V")
			g, s, in, V := res.Traces["syn.g"], res.Traces["syn.s"], res.Traces["post.input"], res.Traces["post.V"]
			for k := 1; k < 200; k++ {
				m := k - a
				want := 0.0
				switch {
				case m < 0:
				case m < on:
					want = sinf * (1 - math.Exp(-r*float64(m+1)*dt))
				default:
					off := sinf * (1 - math.Exp(-r*float64(on)*dt))
					want = off * math.Exp(-p.Beta*float64(m-on+1)*dt)
				}
				if !near(s.At(k, 0), want, 1e-12) || !near(g.At(k, 2), p.GMax*want, 1e-12) {
					t.Fatalf("restart=%v step %d: s = %.15g, g = %.15g; want s = %.15g", restart, k, s.At(k, 0), g.At(k, 2), want)
				}
				if cur := g.At(k, 2) * (0 - V.At(k-1, 2)); !near(in.At(k, 2), cur, 1e-12) {
					t.Fatalf("step %d: input %v, want COBA(E=0) g·(0 − V_prev) = %v", k, in.At(k, 2), cur)
				}
			}
		}
	}
}

// TestGABAaDefaults checks the GABAa defaults: s rises as
// s∞(1 − e^{−(αT+β)t}) with α = 0.53, β = 0.18, T = 1 for the 10 steps of
// a 1 ms pulse, and the default output is COBA with E = −80.
func TestGABAaDefaults(t *testing.T) {
	p := synapse.DefaultGABAa()
	if p.Alpha != 0.53 || p.Beta != 0.18 || p.T != 1 || p.TDur != 1 || p.GMax != 0.04 {
		t.Fatalf("DefaultGABAa = %+v", p)
	}
	r := 0.53 + 0.18
	res, _ := run(t, spikeTimes(t, 1, map[int][]int{0: {0}}), quietLIF(t, 1, -65), 30, 1,
		func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewGABAa(pre, post, rowsConn{{0}}, p, nil)
		}, "syn.s", "syn.g", "post.input", "post.V")
	s, g, in, V := res.Traces["syn.s"], res.Traces["syn.g"], res.Traces["post.input"], res.Traces["post.V"]
	for m := 0; m < 10; m++ {
		if want := 0.53 / r * (1 - math.Exp(-r*float64(m+1)*dt)); !near(s.At(1+m, 0), want, 1e-12) {
			t.Fatalf("pulse step %d: s = %v, want %v", m, s.At(1+m, 0), want)
		}
	}
	if s.At(12, 0) >= s.At(11, 0) || s.At(11, 0) < s.At(10, 0)*math.Exp(-0.18*dt)*(1-1e-12) {
		t.Errorf("s after the pulse: %v, %v, %v: want pure decay e^{−β·dt} after step 10", s.At(10, 0), s.At(11, 0), s.At(12, 0))
	}
	for k := 1; k < 30; k++ {
		if cur := g.At(k, 0) * (-80 - V.At(k-1, 0)); !near(in.At(k, 0), cur, 1e-12) {
			t.Fatalf("step %d: input %v, want g·(−80 − V_prev) = %v", k, in.At(k, 0), cur)
		}
	}
}

// kineticTrajectory runs one pre spike at 1 ms through mk with time step
// h and returns s and x (pre neuron 0) after each step from the arrival
// step a = 1/h + 1 on.
func kineticTrajectory(t *testing.T, h float64, steps int, mk func(pre, post sim.Population) (sim.Projection, error)) (s, x []float64) {
	t.Helper()
	pre, err := neuron.NewSpikeTimes(1, []int{0}, []float64{1})
	if err != nil {
		t.Fatal(err)
	}
	proj, err := mk(pre, quietLIF(t, 1, -65))
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	_ = net.Add("pre", pre)
	_ = net.Add("post", proj.Post())
	_ = net.Add("syn", proj)
	r, err := sim.NewRunner(net, sim.Options{Dt: h, Monitors: sim.Mon("syn.s", "syn.x")})
	if err != nil {
		t.Fatal(err)
	}
	a := int(math.Round(1/h)) + 1
	res, err := r.Run(float64(a+steps) * h)
	if err != nil {
		t.Fatal(err)
	}
	for k := a; k < a+steps; k++ {
		s = append(s, res.Traces["syn.s"].At(k, 0))
		x = append(x, res.Traces["syn.x"].At(k, 0))
	}
	return s, x
}

// rk4 integrates y' = f(t, y) from t = 0 with step h to each time in ts.
func rk4(f func(t float64, y []float64) []float64, y0 []float64, h float64, ts []float64) [][]float64 {
	y := append([]float64(nil), y0...)
	axpy := func(a float64, x []float64) []float64 {
		z := make([]float64, len(y))
		for i := range y {
			z[i] = y[i] + a*x[i]
		}
		return z
	}
	var out [][]float64
	tt := 0.0
	for _, target := range ts {
		for n := int(math.Round((target - tt) / h)); n > 0; n-- {
			k1 := f(tt, y)
			k2 := f(tt+h/2, axpy(h/2, k1))
			k3 := f(tt+h/2, axpy(h/2, k2))
			k4 := f(tt+h, axpy(h, k3))
			for i := range y {
				y[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
			}
			tt += h
		}
		out = append(out, append([]float64(nil), y...))
	}
	return out
}

// TestNMDA checks the exact first step, x's exact decay and the first-order
// convergence of s to the solution of ds/dt = −s/τd + a·x(t)(1 − s),
// x(t) = e^{−t/τr} (a fine RK4 reference): after the arrival step s = 0 and
// x = 1 (x jumps at the end of the step); m steps later x = e^{−m·dt/τr}, s
// approximates s(m·dt), and s after one step is exactly
// a/(1/τd + a)·(1 − e^{−(1/τd + a)·dt}). Halving dt must halve the largest
// error over 30 ms (ratio in [1.8, 2.2]).
func TestNMDA(t *testing.T) {
	p := synapse.DefaultNMDA()
	mk := func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewNMDA(pre, post, rowsConn{{0}}, p, nil)
	}
	f := func(tt float64, y []float64) []float64 {
		x := math.Exp(-tt / p.TauRise)
		return []float64{-y[0]/p.TauDecay + p.A*x*(1-y[0])}
	}
	var errs []float64
	for _, h := range []float64{0.1, 0.05} {
		n := int(math.Round(30 / h))
		s, x := kineticTrajectory(t, h, n+1, mk)
		if s[0] != 0 || x[0] != 1 {
			t.Fatalf("h=%v arrival step: s = %v, x = %v; want 0 and 1", h, s[0], x[0])
		}
		r := 1/p.TauDecay + p.A
		if want := p.A / r * (1 - math.Exp(-r*h)); !near(s[1], want, 1e-14) {
			t.Errorf("h=%v: s one step after arrival %v, want %v", h, s[1], want)
		}
		ts := make([]float64, n)
		for m := range ts {
			ts[m] = float64(m+1) * h
		}
		ref := rk4(f, []float64{0}, 1e-3, ts)
		e := 0.0
		for m := 1; m <= n; m++ {
			if !near(x[m], math.Exp(-float64(m)*h/p.TauRise), 1e-12) {
				t.Fatalf("h=%v step %d: x = %v, want e^{−m·dt/τr}", h, m, x[m])
			}
			e = max(e, math.Abs(s[m]-ref[m-1][0]))
		}
		errs = append(errs, e)
	}
	t.Logf("max |s − s_ref| at dt = 0.1, 0.05: %.3g, %.3g", errs[0], errs[1])
	if ratio := errs[0] / errs[1]; ratio < 1.8 || ratio > 2.2 {
		t.Errorf("max errors %v (dt = 0.1, 0.05): ratio %v, want ≈ 2 (first order)", errs, ratio)
	}
	if errs[0] > 0.02 {
		t.Errorf("max error at dt = 0.1: %v", errs[0])
	}
}

// TestBioNMDA checks x against the exact solution of
// dx/dt = α2T(1 − x) − β2x with the pulse on over [0, T_dur) (x after step
// a+m is x((m+1)·dt), exact because the pulse is aligned with the steps),
// and the first-order convergence of s to the solution of
// ds/dt = α1x(1 − s) − β1s (RK4 reference on the same x).
func TestBioNMDA(t *testing.T) {
	p := synapse.DefaultBioNMDA()
	mk := func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewBioNMDA(pre, post, rowsConn{{0}}, p, nil)
	}
	r2 := p.Alpha2*p.T + p.Beta2
	xinf := p.Alpha2 * p.T / r2
	xOn := func(tt float64) float64 { return xinf * (1 - math.Exp(-r2*tt)) }
	xTrue := func(tt float64) float64 {
		if tt <= p.TDur {
			return xOn(tt)
		}
		return xOn(p.TDur) * math.Exp(-p.Beta2*(tt-p.TDur))
	}
	f := func(tt float64, y []float64) []float64 {
		x := xTrue(tt)
		return []float64{p.Alpha1*x*(1-y[0]) - p.Beta1*y[0]}
	}
	var errs []float64
	for _, h := range []float64{0.1, 0.05} {
		n := int(math.Round(30 / h))
		s, x := kineticTrajectory(t, h, n, mk)
		ts := make([]float64, n)
		for m := range ts {
			ts[m] = float64(m+1) * h
		}
		ref := rk4(f, []float64{0}, 1e-3, ts)
		e := 0.0
		for m := 0; m < n; m++ {
			if !near(x[m], xTrue(ts[m]), 1e-12) {
				t.Fatalf("h=%v step a+%d: x = %v, want %v", h, m, x[m], xTrue(ts[m]))
			}
			e = max(e, math.Abs(s[m]-ref[m][0]))
		}
		errs = append(errs, e)
	}
	t.Logf("max |s − s_ref| at dt = 0.1, 0.05: %.3g, %.3g", errs[0], errs[1])
	if ratio := errs[0] / errs[1]; ratio < 1.8 || ratio > 2.2 {
		t.Errorf("max errors %v (dt = 0.1, 0.05): ratio %v, want ≈ 2 (first order)", errs, ratio)
	}
}
