package integrate

import (
	"math"
	"testing"
)

// bump is y' = −200(t − 5)·y², whose solution through y(0) = 1/2501 is the
// Lorentzian y = 1/(1 + 100(t − 5)²): flat for most of [0, 10] and sharp
// (width 0.1) around t = 5, so a good step size varies by orders of magnitude.
func bump(t float64, y, dy []float64) { dy[0] = -200 * (t - 5) * y[0] * y[0] }

func bumpExact(t float64) float64 { return 1 / (1 + 100*(t-5)*(t-5)) }

// TestAdaptiveBeatsFixed: rkdp and rkf45 with rtol = 1e-10, atol = 1e-14
// integrate the bump from 0 to T = 5 (its peak) and to T = 10 with error
// ≤ 1e-6, with accepted steps spanning a factor > 10, and with fewer steps
// and fewer evaluations of f than the fixed-step rk4 needs (smallest
// power-of-two N) for the same accuracy. The rising flank amplifies local
// errors by (y(5)/y(t))², up to 10⁴ at t = 4, hence the gap between the
// tolerance and the bound.
func TestAdaptiveBeatsFixed(t *testing.T) {
	for _, m := range []string{"rkdp", "rkf45"} {
		for _, T := range []float64{5, 10} {
			o, err := NewODE(m, 1, bump, WithTolerance(1e-10, 1e-14))
			if err != nil {
				t.Fatal(err)
			}
			y := []float64{bumpExact(0)}
			st, err := o.Integrate(0, T, y)
			if err != nil {
				t.Fatal(err)
			}
			errA := math.Abs(y[0] - bumpExact(T))
			if errA > 1e-6 {
				t.Errorf("%s: error at t=%g %.3g > 1e-6", m, T, errA)
			}
			steps := st.Accepted + st.Rejected
			if st.MaxStep/st.MinStep < 10 {
				t.Errorf("%s: steps in [%.3g, %.3g]: not adapted", m, st.MinStep, st.MaxStep)
			}
			rk4, _ := NewODE("rk4", 1, bump)
			N := 16
			for ; N < 1<<22; N *= 2 {
				yf := []float64{bumpExact(0)}
				dt := T / float64(N)
				for k := 0; k < N; k++ {
					rk4.Step(float64(k)*dt, dt, yf)
				}
				if math.Abs(yf[0]-bumpExact(T)) <= errA {
					break
				}
			}
			if steps >= N || st.Evals >= 4*N {
				t.Errorf("%s T=%g: %d steps / %d evals, fixed rk4 needs %d steps / %d evals", m, T, steps, st.Evals, N, 4*N)
			}
			t.Logf("%s T=%g: error %.2g with %d accepted + %d rejected steps (%d evals), h in [%.3g, %.3g]; rk4 needs N=%d (%d evals)",
				m, T, errA, st.Accepted, st.Rejected, st.Evals, st.MinStep, st.MaxStep, N, 4*N)
		}
	}
}

// TestToleranceScaling: tightening the tolerance by 10⁴ must reduce the
// global error substantially (by > 100) on the bump problem.
func TestToleranceScaling(t *testing.T) {
	errAt := func(tol float64) float64 {
		o, _ := NewODE("rkdp", 1, bump, WithTolerance(tol, tol*1e-4))
		y := []float64{bumpExact(0)}
		if _, err := o.Integrate(0, 10, y); err != nil {
			t.Fatal(err)
		}
		return math.Abs(y[0] - bumpExact(10))
	}
	e1, e2 := errAt(1e-5), errAt(1e-9)
	if !(e1 > 100*e2) {
		t.Errorf("error %.3g at rtol 1e-5, %.3g at 1e-9: want a reduction > 100", e1, e2)
	}
}

// TestStepAdaptive checks the accept/reject contract: a step far too large
// is rejected with y unchanged and a smaller proposal; a small step is
// accepted, changes y and proposes at most 5× growth.
func TestStepAdaptive(t *testing.T) {
	o, _ := NewODE("rkdp", 1, bump, WithTolerance(1e-8, 1e-12))
	y := []float64{bumpExact(4.5)}
	next, ok, err := o.StepAdaptive(4.5, 1, y)
	if err != nil || ok || next >= 1 || next < 0.2 || y[0] != bumpExact(4.5) {
		t.Errorf("big step: next %g, accepted %v, err %v, y %g (want rejected, next in [0.2, 1), y unchanged)", next, ok, err, y[0])
	}
	next, ok, err = o.StepAdaptive(4.5, 1e-4, y)
	if err != nil || !ok || next > 5e-4+1e-18 || math.Abs(y[0]-bumpExact(4.5001)) > 1e-12 {
		t.Errorf("small step: next %g, accepted %v, err %v, y %.15g want %.15g", next, ok, err, y[0], bumpExact(4.5001))
	}
	// A right-hand side returning NaN is rejected with a 0.2× proposal.
	nan, _ := NewODE("rkf45", 1, func(_ float64, _, d []float64) { d[0] = math.NaN() })
	z := []float64{1}
	next, ok, err = nan.StepAdaptive(0, 0.5, z)
	if err != nil || ok || next != 0.1 || z[0] != 1 {
		t.Errorf("NaN: next %g, accepted %v, err %v, y %g", next, ok, err, z[0])
	}
	// Integrate then fails with a step-size underflow instead of looping.
	if _, err := nan.Integrate(0, 1, z); err == nil {
		t.Error("Integrate with NaN right-hand side: want an error")
	}
}

// TestIntegrateMaxSteps: a tiny step budget is reported as an error.
func TestIntegrateMaxSteps(t *testing.T) {
	o, _ := NewODE("rkdp", 1, bump, WithTolerance(1e-10, 1e-14), WithMaxSteps(5))
	y := []float64{bumpExact(0)}
	if _, err := o.Integrate(0, 10, y); err == nil {
		t.Error("want max-steps error")
	}
}

// TestIntegrateInitialStep: with WithInitialStep the first attempted step
// is the given one (a huge h0 is first rejected, then Integrate recovers).
func TestIntegrateInitialStep(t *testing.T) {
	o, _ := NewODE("rkdp", 1, bump, WithInitialStep(8), WithTolerance(1e-8, 1e-12))
	y := []float64{bumpExact(0)}
	st, err := o.Integrate(0, 10, y)
	if err != nil {
		t.Fatal(err)
	}
	if st.Rejected == 0 {
		t.Error("h0 = 8 across the bump should be rejected at least once")
	}
	if e := math.Abs(y[0] - bumpExact(10)); e > 1e-6 {
		t.Errorf("error %.3g", e)
	}
}
