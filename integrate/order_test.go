package integrate

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/integrate/dual"
)

// testSystem is a two-component problem with a known solution on [0, 8]:
//
//	y₀' = t·y₀/16      y₀(0) = 1     →  y₀ = e^{t²/32}             (linear, non-autonomous)
//	y₁' = y₁(1 − y₁)   y₁(0) = 0.01  →  y₁ = 1/(1 + 99e^{−t})      (nonlinear, autonomous)
func testSystem(t float64, y, dy []float64) {
	dy[0] = t * y[0] / 16
	dy[1] = y[1] * (1 - y[1])
}

var testY0 = [2]float64{1, 0.01}

func testExact(t float64) [2]float64 {
	return [2]float64{math.Exp(t * t / 32), 1 / (1 + 99*math.Exp(-t))}
}

const testT = 8.0

// solveFixed integrates testSystem to testT with N steps and returns the
// absolute error of each component.
func solveFixed(t *testing.T, o *ODE, N int) [2]float64 {
	t.Helper()
	y := testY0[:]
	y = append([]float64(nil), y...)
	dt := testT / float64(N)
	for k := 0; k < N; k++ {
		if err := o.Step(float64(k)*dt, dt, y); err != nil {
			t.Fatal(err)
		}
	}
	ex := testExact(testT)
	return [2]float64{math.Abs(y[0] - ex[0]), math.Abs(y[1] - ex[1])}
}

// observedOrders returns log₂(e(N)/e(2N)) for N = n0, 2n0, 4n0 (four runs).
func observedOrders(t *testing.T, o *ODE, n0, comp int) ([4]float64, [3]float64) {
	t.Helper()
	var errs [4]float64
	var p [3]float64
	for l := range errs {
		errs[l] = solveFixed(t, o, n0<<l)[comp]
	}
	for l := range p {
		p[l] = math.Log2(errs[l] / errs[l+1])
	}
	return errs, p
}

// TestConvergenceOrder integrates testSystem to T = 8 with N, 2N, 4N, 8N
// steps and checks that each observed order log₂(e(h)/e(h/2)), for each
// component, is within ±0.15 of the theoretical order (Butcher 2016). The
// coarsest N of each method is chosen so that all four runs lie in the
// asymptotic regime and above rounding error (errors between 1e-2 and 1e-13).
func TestConvergenceOrder(t *testing.T) {
	cases := []struct {
		method string
		order  int
		n0     int // coarsest number of steps
		comps  []int
	}{
		{"euler", 1, 80, both},
		{"midpoint", 2, 40, both}, {"heun2", 2, 40, both}, {"ralston2", 2, 40, both}, {"rk2", 2, 40, both},
		{"rk3", 3, 160, both}, {"heun3", 3, 160, both}, {"ralston3", 3, 160, both}, {"ssprk3", 3, 160, both},
		{"rk4", 4, 20, both}, {"ralston4", 4, 20, both}, {"rk4_38rule", 4, 20, both},
		{"rkdp", 5, 20, both},
		// Fehlberg's fifth-order solution reaches its asymptotic regime on
		// the logistic component only below 1e-12, where rounding takes
		// over; its order on nonlinear problems is covered by
		// TestOrderConditions (all 17 trees of order ≤ 5).
		{"rkf45", 5, 40, []int{0}},
	}
	for _, c := range cases {
		o, err := NewODE(c.method, 2, testSystem)
		if err != nil {
			t.Fatal(err)
		}
		if o.Order() != c.order {
			t.Errorf("%s: Order() = %d, want %d", c.method, o.Order(), c.order)
		}
		for _, comp := range c.comps {
			errs, p := observedOrders(t, o, c.n0, comp)
			for l, pl := range p {
				if math.Abs(pl-float64(c.order)) > 0.15 {
					t.Errorf("%s y%d: observed order %.3f between N=%d and %d (errors %.3g, %.3g), want %d ± 0.15",
						c.method, comp, pl, c.n0<<l, c.n0<<(l+1), errs[l], errs[l+1], c.order)
				}
			}
			t.Logf("%-10s y%d N=%d..%d: errors %.2e %.2e %.2e %.2e, orders %.3f %.3f %.3f",
				c.method, comp, c.n0, c.n0<<3, errs[0], errs[1], errs[2], errs[3], p[0], p[1], p[2])
		}
	}
}

var both = []int{0, 1}

// TestExpEulerOrder: the exponential Euler step linearises f in y only, so
// it is first order on the non-autonomous y₀ (the time dependence of
// ∂f/∂y is not captured) and, being the exponential Rosenbrock–Euler method,
// second order on the autonomous scalar y₁ whose Jacobian it uses exactly
// (Hochbruck & Ostermann 2010, §2.4). Both with the diagonal supplied by
// hand and by dual numbers.
func TestExpEulerOrder(t *testing.T) {
	diag := func(t float64, y, d []float64) {
		d[0] = t / 16
		d[1] = 1 - 2*y[1]
	}
	byHand, err := NewODE("exp_euler", 2, testSystem, WithDiagJacobian(diag))
	if err != nil {
		t.Fatal(err)
	}
	byDual, err := NewODEDual("exp_auto", 1, 2, func(t float64, y, dy []dual.Num) {
		dy[0] = y[0].MulC(t / 16)
		dy[1] = y[1].Mul(dual.CSub(1, y[1]))
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []*ODE{byHand, byDual} {
		for comp, want := range []float64{1, 2} {
			errs, p := observedOrders(t, o, 160, comp)
			for l, pl := range p {
				if math.Abs(pl-want) > 0.15 {
					t.Errorf("%s y%d: observed order %.3f (errors %.3g, %.3g), want %g ± 0.15", o.Method(), comp, pl, errs[l], errs[l+1], want)
				}
			}
			t.Logf("%s y%d: errors %.2e %.2e %.2e %.2e, orders %.3f %.3f %.3f", o.Method(), comp, errs[0], errs[1], errs[2], errs[3], p[0], p[1], p[2])
		}
	}
}

// TestExpEulerCoupledFirstOrder: with JointEq semantics only the diagonal
// of the Jacobian is used, so on the coupled linear system
//
//	V' = −V + w,  w' = −w   →  w = w₀e^{−t},  V = (V₀ + w₀t)e^{−t}
//
// w is exact while V is first order (the off-diagonal coupling is treated
// explicitly).
func TestExpEulerCoupledFirstOrder(t *testing.T) {
	o, err := NewODEDual("exp_euler", 2, 1, func(t float64, y, dy []dual.Num) {
		dy[0] = y[0].Neg().Add(y[1])
		dy[1] = y[1].Neg()
	})
	if err != nil {
		t.Fatal(err)
	}
	const T, v0, w0 = 3.0, 0.5, 2.0
	var errs [4]float64
	for l := range errs {
		N := 100 << l
		y := []float64{v0, w0}
		dt := T / float64(N)
		for k := 0; k < N; k++ {
			if err := o.Step(float64(k)*dt, dt, y); err != nil {
				t.Fatal(err)
			}
		}
		if d := math.Abs(y[1] - w0*math.Exp(-T)); d > 1e-13 {
			t.Errorf("N=%d: w error %.3g, want exact (1e-13)", N, d)
		}
		errs[l] = math.Abs(y[0] - (v0+w0*T)*math.Exp(-T))
	}
	for l := 0; l < 3; l++ {
		if p := math.Log2(errs[l] / errs[l+1]); math.Abs(p-1) > 0.15 {
			t.Errorf("V: observed order %.3f (errors %v), want 1 ± 0.15", p, errs)
		}
	}
}
