package integrate

import (
	"fmt"
	"math"
)

// Step-size controller constants (Hairer, Nørsett & Wanner 1993, §II.4).
const (
	safety    = 0.9
	facMin    = 0.2
	facMax    = 5.0
	errExpo   = 1.0 / 5 // 1/(q+1), q = 4 the order of the embedded solution
	minStepUl = 16      // a step below minStepUl·ulp(t) is an underflow
)

// Stats describes one Integrate call.
type Stats struct {
	Accepted, Rejected int     // steps
	Evals              int     // evaluations of f
	MinStep, MaxStep   float64 // extreme accepted step sizes
}

// StepAdaptive attempts one step of size dt with an embedded pair (rkf45,
// rkdp). It estimates the local error e_i = dt·Σ_j (b_j − b̂_j)·k_j,i and its
// scaled RMS norm
//
//	err = sqrt(1/n · Σ_i (e_i / (atol + rtol·max(|y_i|, |ŷ_i|)))²)
//
// with the tolerances of WithTolerance. If err ≤ 1 the step is accepted: y
// is replaced by the fifth-order solution ŷ (local extrapolation).
// Otherwise y is left unchanged. In both cases dtNext = dt·clamp(0.9·err^−1/5,
// 0.2, 5) is the step to try next (Hairer, Nørsett & Wanner 1993, §II.4).
// A non-finite error estimate rejects the step with dtNext = 0.2·dt.
func (o *ODE) StepAdaptive(t, dt float64, y []float64) (dtNext float64, accepted bool, err error) {
	if !o.Adaptive() {
		return 0, false, fmt.Errorf("integrate: StepAdaptive method = %q: has no error estimate; use rkf45 or rkdp", o.method)
	}
	if err := checkStep("StepAdaptive", o.n, t, dt, y); err != nil {
		return 0, false, err
	}
	e := o.tryStep(t, dt, y)
	fac := facMax
	switch {
	case math.IsNaN(e) || math.IsInf(e, 0):
		return dt * facMin, false, nil
	case e > 0:
		fac = min(facMax, max(facMin, safety*math.Pow(e, -errExpo)))
	}
	if e > 1 {
		return dt * fac, false, nil
	}
	copy(y, o.ynew)
	return dt * fac, true, nil
}

// tryStep computes the candidate o.ynew and returns the scaled error norm.
func (o *ODE) tryStep(t, dt float64, y []float64) float64 {
	o.stages(t, dt, y, len(o.tab.b))
	lincomb(o.ynew, y, o.final.scale(dt), o.final.ks)
	c, ks := o.errp.scale(dt), o.errp.ks
	rtol, atol := o.cfg.rtol, o.cfg.atol
	var sum float64
	for i, yi := range y {
		var ei float64
		for m, cm := range c {
			ei += cm * ks[m][i]
		}
		sc := atol + rtol*max(math.Abs(yi), math.Abs(o.ynew[i]))
		r := ei / sc
		sum += r * r
	}
	return math.Sqrt(sum / float64(len(y)))
}

// Integrate advances y from t0 to t1 > t0 with adaptive steps (see
// StepAdaptive), landing exactly on t1 (a step within 1% of the remainder is
// stretched to reach it). After a rejected step the next step
// may not grow. The first trial step is WithInitialStep's or, by default,
// chosen from f at t0 as in Hairer, Nørsett & Wanner (1993), §II.4. It
// fails if more than WithMaxSteps steps are attempted, if the step size
// underflows, or on invalid arguments; y then holds the last accepted state.
func (o *ODE) Integrate(t0, t1 float64, y []float64) (Stats, error) {
	var st Stats
	if !o.Adaptive() {
		return st, fmt.Errorf("integrate: Integrate method = %q: has no error estimate; use rkf45 or rkdp", o.method)
	}
	if len(y) != o.n {
		return st, fmt.Errorf("integrate: Integrate len(y) = %d: must equal n = %d", len(y), o.n)
	}
	if math.IsNaN(t0) || math.IsInf(t0, 0) || math.IsNaN(t1) || math.IsInf(t1, 0) || !(t1 > t0) {
		return st, fmt.Errorf("integrate: Integrate t0 = %g, t1 = %g: must be finite with t1 > t0", t0, t1)
	}
	ev0 := o.evals
	h := o.cfg.h0
	if h == 0 {
		h = o.initialStep(t0, y)
	}
	t, rejectedLast := t0, false
	for attempts := 0; t < t1; attempts++ {
		if attempts >= o.cfg.maxSteps {
			st.Evals = o.evals - ev0
			return st, fmt.Errorf("integrate: Integrate reached max steps = %d at t = %g (t1 = %g): raise WithMaxSteps or loosen WithTolerance", o.cfg.maxSteps, t, t1)
		}
		last := t+1.01*h >= t1 // stretch by up to 1% rather than leave a sliver
		if last {
			h = t1 - t
		}
		if h < minStepUl*ulp(t) {
			st.Evals = o.evals - ev0
			return st, fmt.Errorf("integrate: Integrate step size underflow (h = %g) at t = %g: the problem may be stiff or singular", h, t)
		}
		hNext, ok, _ := o.StepAdaptive(t, h, y)
		if ok {
			st.Accepted++
			if st.MinStep == 0 || h < st.MinStep {
				st.MinStep = h
			}
			st.MaxStep = max(st.MaxStep, h)
			if last {
				t = t1
			} else {
				t += h
			}
			if rejectedLast {
				hNext = min(hNext, h)
			}
		} else {
			st.Rejected++
		}
		rejectedLast = !ok
		h = hNext
	}
	st.Evals = o.evals - ev0
	return st, nil
}

func ulp(t float64) float64 {
	a := math.Abs(t)
	return math.Nextafter(a, math.Inf(1)) - a
}

// initialStep is the starting-step heuristic of Hairer, Nørsett & Wanner
// (1993), §II.4: h₀ from ‖y₀‖/‖f₀‖, then refined by an estimate of the second
// derivative, h₁ = (0.01/max(‖f₀‖, ‖f′‖))^{1/(p+1)}, h = min(100·h₀, h₁).
func (o *ODE) initialStep(t0 float64, y []float64) float64 {
	f0, f1, y1 := o.k[0], o.k[1], o.tmp
	o.f(t0, y, f0)
	o.evals++
	var d0, d1 float64
	for i, yi := range y {
		sc := o.cfg.atol + o.cfg.rtol*math.Abs(yi)
		d0 += (yi / sc) * (yi / sc)
		d1 += (f0[i] / sc) * (f0[i] / sc)
	}
	nf := float64(len(y))
	d0, d1 = math.Sqrt(d0/nf), math.Sqrt(d1/nf)
	h0 := 1e-6
	if d0 >= 1e-5 && d1 >= 1e-5 {
		h0 = 0.01 * d0 / d1
	}
	for i := range y {
		y1[i] = y[i] + h0*f0[i]
	}
	o.f(t0+h0, y1, f1)
	o.evals++
	var d2 float64
	for i, yi := range y {
		sc := o.cfg.atol + o.cfg.rtol*math.Abs(yi)
		r := (f1[i] - f0[i]) / sc
		d2 += r * r
	}
	d2 = math.Sqrt(d2/nf) / h0
	var h1 float64
	if m := max(d1, d2); m <= 1e-15 {
		h1 = max(1e-6, h0*1e-3)
	} else {
		h1 = math.Pow(0.01/m, 1/float64(o.tab.order+1))
	}
	return min(100*h0, h1)
}
