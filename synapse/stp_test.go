package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// trainEfficacies drives an Exponential CUBA synapse (weight w, τ = 2 ms)
// with a regular train (one pre spike every n steps from step 0, count
// spikes) and returns the efficacy of each spike, measured from the jump of
// g at its arrival step a: (g_a − g_{a−1}·e^{−dt/τ})/w, and the "x" and "u"
// traces.
func trainEfficacies(t *testing.T, st synapse.ShortTerm, n, count, threads int) (eff []float64, res *sim.Results) {
	t.Helper()
	const w, tau = 0.9, 2.0
	steps := make([]int, count)
	for c := range steps {
		steps[c] = c * n
	}
	mons := []string{"syn.g", "syn.x"}
	if st.Facilitating {
		mons = append(mons, "syn.u")
	}
	res, _ = run(t, spikeTimes(t, 1, map[int][]int{0: steps}), quietLIF(t, 2, -65), count*n+2, threads,
		func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(pre, post, rowsConn{{1}}, synapse.ExponentialParams{Tau: tau, GMax: w, STP: &st}, nil)
		}, mons...)
	g := res.Traces["syn.g"]
	d := math.Exp(-dt / tau)
	for _, k := range steps {
		a := k + 1
		eff = append(eff, (g.At(a, 1)-g.At(a-1, 1)*d)/w)
	}
	return eff, res
}

// TestSTDSteadyState checks depression-only STP against the discrete-event
// solution of its update (x relaxes exactly between spikes, then x ← (1−U)x
// and the spike's efficacy is the x after the update). With E = e^{−Δ/τ_d}
// for the inter-spike interval Δ, the value just before a spike obeys
// x⁻' = 1 − (1 − (1−U)·x⁻)·E, whose fixed point is
//
//	x⁻ = (1 − E)/(1 − (1−U)·E),  efficacy = (1 − U)·x⁻.
//
// The first spike has efficacy 1 − U. Convergence is geometric with ratio
// (1−U)·E per spike; after 60 spikes it is far below the 1e-9 tolerance.
func TestSTDSteadyState(t *testing.T) {
	const U, tauD, n = 0.3, 50.0, 100 // Δ = 10 ms
	E := math.Exp(-float64(n) * dt / tauD)
	xm := (1 - E) / (1 - (1-U)*E)
	for _, threads := range []int{1, 2} {
		eff, res := trainEfficacies(t, synapse.STD(tauD, U), n, 60, threads)
		if !near(eff[0], 1-U, 1e-12) {
			t.Errorf("first efficacy %v, want 1 − U = %v", eff[0], 1-U)
		}
		if last := eff[len(eff)-1]; !near(last, (1-U)*xm, 1e-9) {
			t.Errorf("steady-state efficacy %.12f, want (1−U)(1−E)/(1−(1−U)E) = %.12f", last, (1-U)*xm)
		}
		for c := 1; c < len(eff); c++ {
			if eff[c] >= eff[c-1] {
				t.Fatalf("efficacy %d = %v does not decrease from %v", c, eff[c], eff[c-1])
			}
		}
		// "x" right after the last spike's update is the efficacy
		a := (len(eff)-1)*n + 1
		if x := res.Traces["syn.x"].At(a, 0); !near(x, eff[len(eff)-1], 1e-12) {
			t.Errorf("x after the last spike = %v, efficacy %v", x, eff[len(eff)-1])
		}
	}
}

// TestSTPSteadyState checks facilitation and depression. Just after a spike
// u⁺ = u⁻ + U(1 − u⁻) and u decays by F = e^{−Δ/τ_f} until the next spike,
// so u⁺ = U/(1 − (1−U)·F) at the fixed point; x⁺ = (1 − u⁺)·x⁻ and
// x⁻ = 1 − (1 − x⁺)·E give x⁻ = (1 − E)/(1 − (1 − u⁺)·E); the efficacy is
// u⁺·x⁺ = u⁺(1 − u⁺)·x⁻. The first spike (arriving at step 1, after u has
// decayed for 2 steps from U) has efficacy u⁺(1 − u⁺) with
// u⁺ = U·f² + U(1 − U·f²), f = e^{−dt/τ_f}.
func TestSTPSteadyState(t *testing.T) {
	const U, tauF, tauD, n = 0.2, 100.0, 50.0, 100
	F, E := math.Exp(-float64(n)*dt/tauF), math.Exp(-float64(n)*dt/tauD)
	up := U / (1 - (1-U)*F)
	xm := (1 - E) / (1 - (1-up)*E)
	want := up * (1 - up) * xm
	f2 := math.Exp(-2 * dt / tauF)
	u1 := U*f2 + U*(1-U*f2)
	for _, threads := range []int{1, 3} {
		eff, res := trainEfficacies(t, synapse.STP(U, tauF, tauD), n, 120, threads)
		if !near(eff[0], u1*(1-u1), 1e-12) {
			t.Errorf("first efficacy %v, want %v", eff[0], u1*(1-u1))
		}
		if last := eff[len(eff)-1]; !near(last, want, 1e-9) {
			t.Errorf("steady-state efficacy %.12f, want u⁺(1−u⁺)x⁻ = %.12f", last, want)
		}
		a := (len(eff)-1)*n + 1
		if u := res.Traces["syn.u"].At(a, 0); !near(u, up, 1e-9) {
			t.Errorf("u after the last spike = %v, want u⁺ = %v", u, up)
		}
		// u facilitates: it grows from spike to spike towards u⁺
		for c := 1; c < 5; c++ {
			if res.Traces["syn.u"].At(c*n+1, 0) <= res.Traces["syn.u"].At((c-1)*n+1, 0) {
				t.Errorf("u after spike %d does not exceed u after spike %d", c, c-1)
			}
		}
	}
}

// TestSTPPairedPulse checks the paired-pulse ratio (efficacy of the second
// spike over the first) at 20 Hz (Δ = 50 ms) with BrainPy's facilitating
// set U = 0.15, τ_f = 1500 ms, τ_d = 200 ms, F = e^{−Δ/τ_f}, E = e^{−Δ/τ_d}.
//
// TsodyksMarkram (u(0) = 0, efficacy u⁺x⁻): spike 1 releases U of x = 1;
// before spike 2, u = U·F and x = 1 − U·E, so u₂ = U·F + U(1 − U·F) and
// PPR = u₂(1 − U·E)/U = 1.6093…, Markram, Wang & Tsodyks' recursion
// u₂ = U + U(1 − U)·F.
//
// BrainPyForm (u(0) = U, efficacy u⁺x⁺; the first spike arrives after u has
// decayed for two steps, f = e^{−dt/τ_f}): u₁ = U·f² + U(1 − U·f²),
// x₁ = 1 − u₁; u₂ = u₁F + U(1 − u₁F), x₂ = (1 − u₁E)(1 − u₂);
// PPR = u₂x₂/(u₁x₁) = 0.919….
func TestSTPPairedPulse(t *testing.T) {
	const U, tauF, tauD, n = 0.15, 1500.0, 200.0, 500
	F, E := math.Exp(-50/tauF), math.Exp(-50/tauD)
	u2 := U*F + U*(1-U*F)
	if !near(u2, U+U*(1-U)*F, 1e-15) {
		t.Fatalf("the two textbook forms disagree: %v vs %v", u2, U+U*(1-U)*F)
	}
	tm := u2 * (1 - U*E) / U
	f2 := math.Exp(-2 * dt / tauF)
	u1 := U*f2 + U*(1-U*f2)
	v2 := u1*F + U*(1-u1*F)
	bp := v2 * (1 - u1*E) * (1 - v2) / (u1 * (1 - u1))
	if math.Abs(tm-1.6093) > 1e-4 || math.Abs(bp-0.9194) > 1e-4 {
		t.Fatalf("closed forms: PPR %v (textbook), %v (BrainPy form)", tm, bp)
	}
	for _, c := range []struct {
		form     synapse.STPForm
		ppr, eff float64
	}{{synapse.TsodyksMarkram, tm, U}, {synapse.BrainPyForm, bp, u1 * (1 - u1)}} {
		st := synapse.DefaultSTP()
		st.Form = c.form
		eff, res := trainEfficacies(t, st, n, 2, 1)
		if !near(eff[0], c.eff, 1e-12) {
			t.Errorf("form %d: first efficacy %v, want %v", c.form, eff[0], c.eff)
		}
		if got := eff[1] / eff[0]; !near(got, c.ppr, 1e-9) {
			t.Errorf("form %d: paired-pulse ratio %.12f, want %.12f", c.form, got, c.ppr)
		}
		if c.form == synapse.TsodyksMarkram {
			if u := res.Traces["syn.u"].At(0, 0); u != 0 {
				t.Errorf("TsodyksMarkram: u before the first spike = %v, want 0", u)
			}
		}
	}
}

// TestSTDTsodyksMarkram checks depression-only STP in the textbook form:
// spike c of a regular train releases U·x⁻, x⁻ = x before the spike, so the
// efficacies are U, U(1 − (1 − (1−U))·E)… with the fixed point
// U·(1 − E)/(1 − (1−U)·E), U times BrainPy form's x⁻.
func TestSTDTsodyksMarkram(t *testing.T) {
	const U, tauD, n = 0.3, 50.0, 100
	E := math.Exp(-float64(n) * dt / tauD)
	st := synapse.STD(tauD, U)
	st.Form = synapse.TsodyksMarkram
	eff, _ := trainEfficacies(t, st, n, 60, 1)
	if !near(eff[0], U, 1e-12) || !near(eff[1], U*(1-U*E), 1e-12) {
		t.Errorf("efficacies %v, %v; want U = %v and U(1 − U·E) = %v", eff[0], eff[1], U, U*(1-U*E))
	}
	if last, want := eff[len(eff)-1], U*(1-E)/(1-(1-U)*E); !near(last, want, 1e-9) {
		t.Errorf("steady state %v, want %v", last, want)
	}
}
