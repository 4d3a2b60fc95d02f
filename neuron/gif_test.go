package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

// TestGIFThresholdRelaxation: with a = 0 and no spikes the threshold obeys
// dV_th/dt = −b(V_th − V_th∞), so V_th(t) = V_th∞ + (V_th0 − V_th∞)e^{−bt}.
// exp_auto is exact for it; euler and rk4 multiply V_th − V_th∞ by
// 1 + z and Σ_{k≤4} z^k/k! (z = −b·dt) per step.
func TestGIFThresholdRelaxation(t *testing.T) {
	const dt = 0.1
	p := neuron.DefaultGIF() // a = 0, b = 0.01, V_th∞ = −50
	p.VTh0 = initial.Constant(-40)
	z := -p.B * dt
	for _, c := range []struct {
		method string
		factor float64
	}{{"exp_auto", math.Exp(z)}, {"euler", 1 + z}, {"rk4", 1 + z + z*z/2 + z*z*z/6 + z*z*z*z/24}} {
		p.Method = c.method
		res := run(t, must(neuron.NewGIF(1, p)), 0, 300, dt, "V_th", "V")
		if n := len(res.Spikes["P.spike"].T); n != 0 {
			t.Fatalf("%s: %d spikes, want none", c.method, n)
		}
		for k, th := range res.Traces["P.V_th"].Column(0) {
			want := -50 + 10*math.Pow(c.factor, float64(k+1))
			if math.Abs(th-want) > 1e-12 {
				t.Fatalf("%s: step %d: V_th = %.15g, want %.15g", c.method, k, th, want)
			}
		}
		if c.method == "exp_auto" {
			// the closed form at t = 300 ms
			if got, want := res.Traces["P.V_th"].Column(0)[2999], -50+10*math.Exp(-p.B*300); math.Abs(got-want) > 1e-12 {
				t.Errorf("V_th(300) = %v, want %v", got, want)
			}
		}
		for k, v := range res.Traces["P.V"].Column(0) {
			if v != -70 {
				t.Fatalf("%s: step %d: V = %v, want it at rest (-70)", c.method, k, v)
			}
		}
	}
}

// TestGIFResetRule starts the threshold at −65, below V_th_reset = −60, and
// drives V over it (V∞ = V_rest + R·I = −40). At the first spike V_th jumps
// to max(V_th_reset, V_th) = −60, I1 to R1·I1 + A1 = A1 and I2 to
// R2·I2 + A2 = A2; until the next spike they relax exactly (exp_auto):
// V_th = −50 − 10e^{−b·t'}, I1 = A1·e^{−k1·t'}, I2 = A2·e^{−k2·t'}, with t'
// the time since the reset.
func TestGIFResetRule(t *testing.T) {
	const dt = 0.1
	p := neuron.DefaultGIF()
	p.VTh0, p.A1, p.A2 = initial.Constant(-65), 5, -0.6
	res := run(t, must(neuron.NewGIF(1, p)), 1.5, 200, dt, "V_th", "I1", "I2", "V")
	ts := spikeTimes(res, 0)
	if len(ts) < 2 {
		t.Fatalf("%d spikes, want >= 2", len(ts))
	}
	th, i1, i2 := res.Traces["P.V_th"].Column(0), res.Traces["P.I1"].Column(0), res.Traces["P.I2"].Column(0)
	s1, s2 := int(math.Round(ts[0]/dt)), int(math.Round(ts[1]/dt))
	if v := res.Traces["P.V"].Column(0)[s1]; v != p.VReset {
		t.Errorf("V after the spike = %v, want V_reset = %v", v, p.VReset)
	}
	if th[s1] != p.VThReset || i1[s1] != p.A1 || i2[s1] != p.A2 {
		t.Fatalf("at the first spike: V_th = %v, I1 = %v, I2 = %v; want %v, %v, %v", th[s1], i1[s1], i2[s1], p.VThReset, p.A1, p.A2)
	}
	for k := s1 + 1; k < s2; k++ {
		tp := float64(k-s1) * dt
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"V_th", th[k], p.VThInf + (p.VThReset-p.VThInf)*math.Exp(-p.B*tp)},
			{"I1", i1[k], p.A1 * math.Exp(-p.K1*tp)},
			{"I2", i2[k], p.A2 * math.Exp(-p.K2*tp)},
		} {
			if math.Abs(c.got-c.want) > 1e-12 {
				t.Fatalf("step %d: %s = %v, want %v", k, c.name, c.got, c.want)
			}
		}
	}
	// at the second spike V_th > −60 is kept, I2 accumulates (R2 = 1)
	if want := p.VThInf + (p.VThReset-p.VThInf)*math.Exp(-p.B*float64(s2-s1)*dt); math.Abs(th[s2]-want) > 1e-12 {
		t.Errorf("second spike: V_th = %v, want %v (max(−60, V_th) keeps it)", th[s2], want)
	}
	if want := p.A2*math.Exp(-p.K2*float64(s2-s1)*dt) + p.A2; math.Abs(i2[s2]-want) > 1e-12 {
		t.Errorf("second spike: I2 = %v, want %v", i2[s2], want)
	}
}
