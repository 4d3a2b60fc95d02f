package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

// refSpikes integrates x' = f(x) with an RK4 of step h written independently
// of the package and returns the upward crossings of vth by x[0] (at the
// start of the crossing step) and the final state.
func refSpikes(f func([]float64) []float64, x0 []float64, T, h, vth float64) (ts, x []float64) {
	x = append([]float64(nil), x0...)
	y := make([]float64, len(x))
	stage := func(c float64, k []float64) []float64 {
		for i := range x {
			y[i] = x[i] + c*k[i]
		}
		return f(y)
	}
	for s := 0; float64(s)*h < T-1e-9; s++ {
		k1 := f(x)
		k2 := stage(h/2, k1)
		k3 := stage(h/2, k2)
		k4 := stage(h, k3)
		old := x[0]
		for i := range x {
			x[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
		}
		if old < vth && x[0] >= vth {
			ts = append(ts, float64(s)*h)
		}
	}
	return ts, x
}

// root finds a zero of a monotone or sign-changing g in [lo, hi] by
// bisection.
func root(g func(float64) float64, lo, hi float64) float64 {
	glo := g(lo)
	for range 200 {
		mid := (lo + hi) / 2
		if gm := g(mid); (gm < 0) == (glo < 0) {
			lo, glo = mid, gm
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// rate is the mean firing rate (Hz) over the second half of a run.
func rate(ts []float64, dur float64) float64 {
	late := after(ts, dur/2)
	if len(late) < 2 {
		return 0
	}
	return 1000 / mean(isis(late))
}

// TestFHN: the rest state (V*, w*) solves V − V³/3 − (V + a)/b + I = 0; it
// loses stability (Hopf) where the trace 1 − V*² − b/τ of the Jacobian
// vanishes, at I_H = (V*+a)/b − V* + V*³/3 with V* = −√(1 − b/τ) ≈ 0.331.
// Below I_H the cell settles at the fixed point; at I = 0.5 and 1 it
// oscillates on a limit cycle whose period matches an independent RK4
// integration within 1 % (exp_auto, dt = 0.01).
func TestFHN(t *testing.T) {
	p := neuron.DefaultFHN()
	vH := -math.Sqrt(1 - p.B/p.Tau)
	iH := (vH+p.A)/p.B - vH + vH*vH*vH/3
	if iH < 0.32 || iH > 0.34 {
		t.Fatalf("Hopf current %v", iH)
	}
	for _, I := range []float64{0, iH - 0.13} {
		res := run(t, must(neuron.NewFHN(1, p)), I, 1000, 0.1, "V", "w")
		vs := root(func(v float64) float64 { return v - v*v*v/3 - (v+p.A)/p.B + I }, -3, 3)
		V, W := res.Traces["P.V"].Column(0), res.Traces["P.w"].Column(0)
		if v, w := V[len(V)-1], W[len(W)-1]; math.Abs(v-vs) > 1e-6 || math.Abs(w-(vs+p.A)/p.B) > 1e-6 {
			t.Errorf("I=%.3f: final (V, w) = (%.7f, %.7f), fixed point (%.7f, %.7f)", I, v, w, vs, (vs+p.A)/p.B)
		}
		if n := len(res.Spikes["P.spike"].T); n != 0 {
			t.Errorf("I=%.3f below the Hopf point: %d spikes", I, n)
		}
	}
	for _, I := range []float64{0.5, 1} {
		p.Method = "exp_auto"
		ts := spikeTimes(run(t, must(neuron.NewFHN(1, p)), I, 1000, 0.01), 0)
		ref, _ := refSpikes(func(x []float64) []float64 {
			return []float64{x[0] - x[0]*x[0]*x[0]/3 - x[1] + I, (x[0] + p.A - p.B*x[1]) / p.Tau}
		}, []float64{0, 0}, 1000, 0.01, p.VTh)
		got, want := isis(after(ts, 200)), isis(after(ref, 200))
		if len(got) < 10 || math.Abs(mean(got)-mean(want)) > 0.01*mean(want) {
			t.Fatalf("I=%v: %d periods of %.3f, reference %.3f", I, len(got), mean(got), mean(want))
		}
		for _, d := range got {
			if math.Abs(d-mean(got)) > 0.02 {
				t.Errorf("I=%v: period %.3f varies (mean %.3f): not a limit cycle", I, d, mean(got))
			}
		}
	}
}

// TestHindmarshRose: with the defaults (b = 3, r = 0.01; Hindmarsh & Rose
// 1984, Storace et al. 2008) increasing I takes the cell from rest, through
// bursting, to tonic spiking. At I = 0 the rest state solves
// −a·V³ + (b − d)·V² − s·V + c + s·V_rest + I = 0 (y = c − dV², z = s(V − V_rest)).
// At I = 3 the ISIs are bimodal (intra-burst < 30, inter-burst > 50); at
// I = 4 they are constant (tonic). The spike count matches an independent
// RK4 integration within 2 % (rk4, dt = 0.01; exp_auto is first order here
// and off by 2.4 % at dt = 0.01, converging as dt halves).
func TestHindmarshRose(t *testing.T) {
	p := neuron.DefaultHindmarshRose()
	res := run(t, must(neuron.NewHindmarshRose(1, p)), 0, 3000, 0.01, "V")
	vs := root(func(v float64) float64 {
		return -p.A*v*v*v + (p.B-p.D)*v*v - p.S*v + p.C + p.S*p.VRest
	}, -3, 0)
	if V := res.Traces["P.V"].Column(0); math.Abs(V[len(V)-1]-vs) > 1e-4 || len(res.Spikes["P.spike"].T) != 0 {
		t.Errorf("I=0: final V %.6f, rest %.6f, %d spikes", V[len(V)-1], vs, len(res.Spikes["P.spike"].T))
	}
	f := func(I float64) func([]float64) []float64 {
		return func(x []float64) []float64 {
			v, y, z := x[0], x[1], x[2]
			return []float64{y - p.A*v*v*v + p.B*v*v - z + I, p.C - p.D*v*v - y, p.R * (p.S*(v-p.VRest) - z)}
		}
	}
	p.Method = "rk4"
	for _, I := range []float64{3, 4} {
		ts := spikeTimes(run(t, must(neuron.NewHindmarshRose(1, p)), I, 3000, 0.01), 0)
		ref, _ := refSpikes(f(I), []float64{0, -10, 0}, 3000, 0.01, p.VTh)
		if math.Abs(float64(len(ts)-len(ref))) > 0.02*float64(len(ref)) {
			t.Errorf("I=%v: %d spikes, reference %d", I, len(ts), len(ref))
		}
		d := isis(after(ts, 1000))
		short, long := 0, 0
		for _, x := range d {
			switch {
			case x < 30:
				short++
			case x > 50:
				long++
			default:
				if I == 3 {
					t.Errorf("I=3: ISI %.2f between the modes", x)
				}
			}
		}
		if I == 3 && (long < 5 || short < long) {
			t.Errorf("I=3: %d short and %d long ISIs, want bursts", short, long)
		}
		if I == 4 && (len(d) < 20 || maxOf(d)-minOf(d) > 0.05*mean(d)) {
			t.Errorf("I=4: ISIs in [%.2f, %.2f], want tonic", minOf(d), maxOf(d))
		}
	}
}

// mlDeriv is the Morris–Lecar right-hand side written from the paper.
func mlDeriv(p neuron.MorrisLecarParams, I float64) func([]float64) []float64 {
	return func(x []float64) []float64 {
		v, w := x[0], x[1]
		minf := 0.5 * (1 + math.Tanh((v-p.V1)/p.V2))
		winf := 0.5 * (1 + math.Tanh((v-p.V3)/p.V4))
		tauW := 1 / (p.Phi * math.Cosh((v-p.V3)/(2*p.V4)))
		return []float64{(-p.GCa*minf*(v-p.VCa) - p.GK*w*(v-p.VK) - p.GLeak*(v-p.VLeak) + I) / p.C, (winf - w) / tauW}
	}
}

// TestMorrisLecarOnset: Rinzel & Ermentrout (1989) classify the two
// parameter sets: the default (V3 = 2, V4 = 30, φ = 0.04, g_Ca = 4.4) starts
// firing through a (subcritical) Hopf bifurcation at a finite rate (type II),
// the set V3 = 12, V4 = 17.4, φ = 1/15, g_Ca = 4 through a saddle-node on
// the invariant circle at an arbitrarily low rate (type I). From rest (found
// by solving f_V(V, W∞(V)) = 0) the step threshold is found by bisection and
// must match the same bisection on an independent RK4 within 0.2 μA/cm²;
// 0.5 above it type II fires at > 5 Hz, type I 0.2 above it at < 3 Hz.
func TestMorrisLecarOnset(t *testing.T) {
	const dur, dt = 4000.0, 0.1
	typeI := neuron.DefaultMorrisLecar()
	typeI.V3, typeI.V4, typeI.Phi, typeI.GCa = 12, 17.4, 1.0/15, 4
	for _, c := range []struct {
		name   string
		p      neuron.MorrisLecarParams
		lo, hi float64
	}{{"type II", neuron.DefaultMorrisLecar(), 60, 100}, {"type I", typeI, 30, 50}} {
		p := c.p
		f0 := mlDeriv(p, 0)
		vr := root(func(v float64) float64 {
			return f0([]float64{v, 0.5 * (1 + math.Tanh((v-p.V3)/p.V4))})[0]
		}, -80, -40)
		wr := 0.5 * (1 + math.Tanh((vr-p.V3)/p.V4))
		p.V0, p.W0, p.Method = initial.Constant(vr), initial.Constant(wr), "rk4"
		pkgRate := func(I float64) float64 {
			return rate(spikeTimes(run(t, must(neuron.NewMorrisLecar(1, p)), I, dur, dt), 0), dur)
		}
		th := bisect(t, c.lo, c.hi, 0.05, func(I float64) bool { return pkgRate(I) > 0 })
		ref := bisect(t, c.lo, c.hi, 0.05, func(I float64) bool {
			ts, _ := refSpikes(mlDeriv(p, I), []float64{vr, wr}, dur, dt, p.VTh)
			return rate(ts, dur) > 0
		})
		if math.Abs(th-ref) > 0.2 {
			t.Errorf("%s: threshold %.2f, reference %.2f", c.name, th, ref)
		}
		if c.name == "type II" {
			if f := pkgRate(th + 0.5); f < 5 {
				t.Errorf("type II: %.2f Hz just above threshold %.2f, want a finite onset rate > 5 Hz", f, th)
			}
		} else if f := pkgRate(th + 0.2); f == 0 || f > 3 {
			t.Errorf("type I: %.2f Hz just above threshold %.2f, want a low rate (0, 3] Hz", f, th)
		}
		t.Logf("%s: threshold %.2f μA/cm² (reference %.2f)", c.name, th, ref)
	}
}

// TestWangBuzsaki: the Wang–Buzsáki interneuron is a type I fast-spiking
// cell: no firing at I = 0.15 μA/cm², a low rate (< 15 Hz) just above its
// threshold at 0.2, and high rates for modest currents (> 40 Hz at 1,
// > 90 Hz at 2); every rate matches an independent RK4 integration within 1 %
// (rk4, dt = 0.01; exp_auto is first order and 3.6 % slow at I = 1 with this
// step, converging as dt halves).
func TestWangBuzsaki(t *testing.T) {
	p := neuron.DefaultWangBuzsaki()
	p.Method = "rk4"
	f := func(I float64) func([]float64) []float64 {
		return func(x []float64) []float64 {
			v, h, n := x[0], x[1], x[2]
			am := 0.1 * (v + 35) / (1 - math.Exp(-0.1*(v+35)))
			bm := 4 * math.Exp(-(v+60)/18)
			m := am / (am + bm)
			ah, bh := 0.07*math.Exp(-(v+58)/20), 1/(math.Exp(-0.1*(v+28))+1)
			an, bn := 0.01*(v+34)/(1-math.Exp(-0.1*(v+34))), 0.125*math.Exp(-(v+44)/80)
			return []float64{-35*m*m*m*h*(v-55) - 9*n*n*n*n*(v+90) - 0.1*(v+65) + I,
				5 * (ah*(1-h) - bh*h), 5 * (an*(1-n) - bn*n)}
		}
	}
	for _, c := range []struct{ I, lo, hi float64 }{{0.15, 0, 0}, {0.2, 1, 15}, {1, 40, 100}, {2, 90, 200}} {
		ts := spikeTimes(run(t, must(neuron.NewWangBuzsaki(1, p)), c.I, 1000, 0.01), 0)
		ref, _ := refSpikes(f(c.I), []float64{-65, 0.6, 0.32}, 1000, 0.01, p.VTh)
		got, want := rate(ts, 1000), rate(ref, 1000)
		if got < c.lo || got > c.hi || math.Abs(got-want) > 0.01*want {
			t.Errorf("I=%v: %.2f Hz, want in [%v, %v] and reference %.2f Hz", c.I, got, c.lo, c.hi, want)
		}
		if c.I == 0.15 && len(ts) != 0 {
			t.Errorf("I=0.15: %d spikes, want none", len(ts))
		}
	}
}
