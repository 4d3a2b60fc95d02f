package integrate

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/integrate/dual"
)

func relErr(got, want float64) float64 {
	return math.Abs(got-want) / math.Max(math.Abs(want), 1e-300)
}

// TestExpEulerExactLinear: for y' = a − b·y with constant a, b the step is
// exact for any dt: y(t+dt) = a/b + (y − a/b)e^{−b·dt} (y + a·dt for b = 0).
// Checked per component (one neuron per (a, b) pair, including decay,
// growth, b = 0 and dt·b up to 50) after 7 steps, to 1e-12 relative.
func TestExpEulerExactLinear(t *testing.T) {
	as := []float64{1.5, -20, 0, 3, 65, 2}
	bs := []float64{0.1, 2, 1e-3, 0, -0.3, 1e-10}
	n := len(as)
	f := func(_ float64, y, dy []float64) {
		for i := range y {
			dy[i] = as[i] - bs[i]*y[i]
		}
	}
	diag := func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = -bs[i]
		}
	}
	fd := func(_ float64, y, dy []dual.Num) {
		for i := range y {
			dy[i] = dual.CSub(as[i], y[i].MulC(bs[i]))
		}
	}
	hand, err := NewODE("exp_euler", n, f, WithDiagJacobian(diag))
	if err != nil {
		t.Fatal(err)
	}
	auto, err := NewODEDual("exp_auto", 1, n, fd)
	if err != nil {
		t.Fatal(err)
	}
	exact := func(y0, a, b, T float64) float64 {
		z := -b * T
		if math.Abs(z) < 1e-3 { // a·T·Σ z^k/(k+1)! avoids the cancellation in a/b
			s, term := 0.0, 1.0
			for k := 1; k <= 8; k++ {
				s += term
				term *= z / float64(k+1)
			}
			return y0*math.Exp(z) + a*T*s
		}
		return a/b + (y0-a/b)*math.Exp(z)
	}
	for _, o := range []*ODE{hand, auto} {
		for _, dt := range []float64{1e-3, 0.1, 1, 7, 25} {
			y := []float64{-1, 4, 0.5, 2, -3, 1}
			y0 := append([]float64(nil), y...)
			const steps = 7
			for k := 0; k < steps; k++ {
				if err := o.Step(float64(k)*dt, dt, y); err != nil {
					t.Fatal(err)
				}
			}
			for i := range y {
				if bs[i]*dt*steps < -50 { // skip huge growth
					continue
				}
				want := exact(y0[i], as[i], bs[i], dt*steps)
				if e := relErr(y[i], want); e > 1e-12 {
					t.Errorf("%s dt=%g comp %d (a=%g, b=%g): got %.17g, want %.17g (rel %.2g)", o.Method(), dt, i, as[i], bs[i], y[i], want, e)
				}
			}
		}
	}
}

// TestPhi1 compares φ₁ with its Maclaurin series near 0 and the closed form
// elsewhere.
func TestPhi1(t *testing.T) {
	for _, z := range []float64{0, 1e-300, 1e-12, -1e-9, 1e-6, -3e-4} {
		want := 1 + z/2 + z*z/6 + z*z*z/24
		if e := relErr(phi1(z), want); e > 1e-15 {
			t.Errorf("phi1(%g) = %.17g, series %.17g", z, phi1(z), want)
		}
	}
	for _, z := range []float64{-700, -30, -1, 0.5, 2, 40} {
		want := (math.Exp(z) - 1) / z
		if e := relErr(phi1(z), want); e > 1e-14 {
			t.Errorf("phi1(%g) = %.17g, want %.17g", z, phi1(z), want)
		}
	}
}

// TestJointEqDiagonal: a coupled two-variable model over three neurons with
// different parameters,
//
//	V' = (−(V − E) + R·w)/τ,   w' = (a·V − w)/τ_w + V²/100,
//
// is stepped once by NewODEDual (vars = 2, size = 3) and compared with the
// step computed here by hand with L_V = −1/τ and L_w = −1/τ_w (each
// variable's own derivative, the other held at its old value). Seeding all
// components at once (vars = 1) would instead give L_V = (R − 1)/τ, the row
// sum, so that variant must differ.
func TestJointEqDiagonal(t *testing.T) {
	E := []float64{-65, -60, -70}
	R := []float64{1, 2, 0.5}
	tau := []float64{10, 20, 5}
	a := []float64{0.1, -0.2, 0.3}
	tw := []float64{100, 50, 200}
	const N = 3
	f := func(_ float64, y, dy []dual.Num) {
		V, w := y[:N], y[N:]
		for i := 0; i < N; i++ {
			dy[i] = V[i].SubC(E[i]).Neg().Add(w[i].MulC(R[i])).DivC(tau[i])
			dy[N+i] = V[i].MulC(a[i]).Sub(w[i]).DivC(tw[i]).Add(V[i].Square().DivC(100))
		}
	}
	y0 := []float64{-50, -72, -66, 1, -2, 0.5}
	const dt = 0.7
	want := make([]float64, 2*N)
	for i := 0; i < N; i++ {
		V, w := y0[i], y0[N+i]
		fV := (-(V - E[i]) + R[i]*w) / tau[i]
		fw := (a[i]*V-w)/tw[i] + V*V/100
		LV, Lw := -1/tau[i], -1/tw[i]
		want[i] = V + dt*(math.Exp(dt*LV)-1)/(dt*LV)*fV
		want[N+i] = w + dt*(math.Exp(dt*Lw)-1)/(dt*Lw)*fw
	}
	o, err := NewODEDual("exp_auto", 2, N, f)
	if err != nil {
		t.Fatal(err)
	}
	y := append([]float64(nil), y0...)
	if err := o.Step(0, dt, y); err != nil {
		t.Fatal(err)
	}
	for i := range y {
		if e := relErr(y[i], want[i]); e > 1e-13 {
			t.Errorf("component %d: got %.17g, want %.17g", i, y[i], want[i])
		}
	}
	mixed, _ := NewODEDual("exp_auto", 1, 2*N, f)
	ym := append([]float64(nil), y0...)
	mixed.Step(0, dt, ym)
	if math.Abs(ym[1]-want[1]) < 1e-6 {
		t.Errorf("seeding all variables at once should change V of neuron 1 (R = 2), got the per-variable result %g", ym[1])
	}
}

// TestDualMatchesHand: for a Hodgkin–Huxley-like gating variable
// m' = α(V)(1 − m) − β(V)m, with V varying per neuron and held fixed, the
// dual-number exp_euler equals the exp_euler with the hand-written
// derivative −(α + β).
func TestDualMatchesHand(t *testing.T) {
	V := []float64{-80, -65, -40, -40.0000001, -10, 20}
	n := len(V)
	alpha := func(v float64) float64 { return 0.1 * (v + 40) / -math.Expm1(-(v+40)/10) }
	beta := func(v float64) float64 { return 4 * math.Exp(-(v+65)/18) }
	f := func(_ float64, y, dy []float64) {
		for i := range y {
			al := 1 / (dual.Exprel(dual.C(-(V[i] + 40) / 10)).V)
			dy[i] = al*(1-y[i]) - beta(V[i])*y[i]
		}
	}
	diag := func(_ float64, _, d []float64) {
		for i := range d {
			if V[i] == -40 {
				d[i] = -(1 + beta(V[i]))
				continue
			}
			d[i] = -(alpha(V[i]) + beta(V[i]))
		}
	}
	fd := func(_ float64, y, dy []dual.Num) {
		for i := range y {
			al := dual.CDiv(1, dual.Exprel(dual.C(-(V[i]+40)/10)))
			dy[i] = al.Mul(dual.CSub(1, y[i])).Sub(y[i].MulC(beta(V[i])))
		}
	}
	hand, _ := NewODE("exp_euler", n, f, WithDiagJacobian(diag))
	auto, _ := NewODEDual("exp_euler", 1, n, fd)
	y1 := []float64{0.05, 0.1, 0.3, 0.3, 0.8, 0.95}
	y2 := append([]float64(nil), y1...)
	for k := 0; k < 20; k++ {
		hand.Step(float64(k)*0.05, 0.05, y1)
		auto.Step(float64(k)*0.05, 0.05, y2)
	}
	for i := range y1 {
		if e := relErr(y2[i], y1[i]); e > 1e-12 {
			t.Errorf("neuron %d: dual %.17g, hand %.17g", i, y2[i], y1[i])
		}
	}
}
