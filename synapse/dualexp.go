package synapse

import (
	"fmt"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// DualExpParams are the parameters of a DualExp projection.
//
//	TauDecay    decay time constant τ_d, ms (> 0)                  10
//	TauRise     rise time constant τ_r, ms (> 0)                   1
//	A           amplitude; 0 = peak-normalised (BrainPy A=None)    0
//	Method      "exp_auto" (BrainPy, the default "") or "exact"    ""
//	GMax, WeightInit, Weights, Delay, Delays, DelayInit, STP: as in
//	ExponentialParams; GMax                                         1
type DualExpParams struct {
	TauDecay, TauRise float64
	A                 float64
	Method            string
	GMax              float64
	WeightInit        initial.Init
	Weights           []float32
	Delay             float64
	Delays            []float64
	DelayInit         initial.Init
	STP               *ShortTerm
}

// DefaultDualExp returns BrainPy's defaults: τ_d = 10 ms, τ_r = 1 ms,
// peak-normalised, GMax = 1.
func DefaultDualExp() DualExpParams { return DualExpParams{TauDecay: 10, TauRise: 1, GMax: 1} }

// DualExp is the difference-of-exponentials synapse (Sterratt et al. 2011;
// Roth & van Rossum 2009; BrainPy's DualExpon/DualExponential; see
// docs/semantics.md, “Synapse models”):
//
//	dh/dt = −h/τ_r,  dg/dt = −g/τ_d + h;  h ← h + a·w at each arriving spike
//	I_post = out(g, V_post)
//
// With A = 0, a = (τ_r/τ_d)^{τ_r/(τ_r−τ_d)}/τ_r (e/τ when τ_r = τ_d), so
// the response to one spike of weight w,
//
//	g(t) = w·a·τ_rτ_d/(τ_d − τ_r)·(e^{−t/τ_d} − e^{−t/τ_r}),
//
// peaks at w; with A ≠ 0, a = (τ_d − τ_r)/(τ_rτ_d)·A and g(t) =
// w·A·(e^{−t/τ_d} − e^{−t/τ_r}). Time t counts from the arrival step.
//
// Within a step g is advanced first, using h before the step's spikes, then
// h, then the arrivals are added to h: g is 0 at the arrival step and
// rises from the next one. Method "exp_auto" integrates as BrainPy does
// (each equation by exponential Euler with the other variable frozen:
// g ← g·e^{−dt/τ_d} + τ_d(1 − e^{−dt/τ_d})·h), which overestimates the
// response by O(dt/τ_r) (about 5 % at dt = 0.1, τ_r = 1); "exact" uses the
// exact propagator (Rotter & Diesmann 1999), so g at the steps equals g(t).
//
// BrainPy keeps this state per pre neuron (align-pre); keeping it per post
// neuron is exact here because the dynamics are linear. Receives spikes;
// sends current to the post "input". Variables: "g", "h" (post-sized);
// with STP "u", "x" (pre-sized).
type DualExp struct{ linear }

// NewDualExp returns a dual-exponential projection; a nil out means CUBA
// (BrainPy's default for DualExponential).
func NewDualExp(pre, post sim.Population, conn connect.Connector, p DualExpParams, out Output) (*DualExp, error) {
	const kind = "DualExp"
	if err := checkTau(kind, "TauDecay", p.TauDecay); err != nil {
		return nil, err
	}
	if err := checkTau(kind, "TauRise", p.TauRise); err != nil {
		return nil, err
	}
	switch {
	case !finite(p.A):
		return nil, fmt.Errorf("synapse: %s A = %v: must be finite (0 means peak-normalised)", kind, p.A)
	case p.A != 0 && p.TauRise == p.TauDecay:
		return nil, fmt.Errorf("synapse: %s A = %v with TauRise = TauDecay = %v: an explicit A needs TauRise ≠ TauDecay (use A = 0 or Alpha)", kind, p.A, p.TauDecay)
	}
	exact, err := methodExact(kind, p.Method)
	if err != nil {
		return nil, err
	}
	o, err := resolveOutput(kind, out, CUBA{})
	if err != nil {
		return nil, err
	}
	d := &DualExp{linear{kind: kind, par: p, dyn: dynDual, tauD: p.TauDecay, tauR: p.TauRise, amp: p.A, exact: exact, out: o, stp: p.STP,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights,
			delay: p.Delay, delays: p.Delays, delayInit: p.DelayInit}}}
	if err := newLinear(&d.linear, pre, post, conn); err != nil {
		return nil, err
	}
	return d, nil
}

// AlphaParams are the parameters of an Alpha projection.
//
//	TauDecay  time constant τ, ms (> 0)                          10
//	Method    "exp_auto" (BrainPy, the default "") or "exact"   ""
//	GMax, WeightInit, Weights, Delay, Delays, DelayInit, STP: as in
//	ExponentialParams; GMax                                       1
type AlphaParams struct {
	TauDecay   float64
	Method     string
	GMax       float64
	WeightInit initial.Init
	Weights    []float32
	Delay      float64
	Delays     []float64
	DelayInit  initial.Init
	STP        *ShortTerm
}

// DefaultAlpha returns BrainPy's defaults: τ = 10 ms, GMax = 1.
func DefaultAlpha() AlphaParams { return AlphaParams{TauDecay: 10, GMax: 1} }

// Alpha is the alpha-function synapse (Rall 1967; BrainPy HEAD's Alpha; see
// docs/semantics.md, “Synapse models”):
//
//	dh/dt = −h/τ,  dg/dt = (h − g)/τ;  h ← h + w at each arriving spike
//	I_post = out(g, V_post)
//
// so one spike of weight w gives g(t) = w·(t/τ)·e^{−t/τ}, which peaks at
// w/e when t = τ (t from the arrival step). The step order and the two
// Methods are those of DualExp ("exp_auto": g ← g·e^{−dt/τ} +
// (1 − e^{−dt/τ})·h, which gives w·(1 − e^{−dt/τ})·m·e^{−(m−1)dt/τ} after m
// steps; "exact": w·(m·dt/τ)·e^{−m·dt/τ}).
//
// Receives spikes; sends current to the post "input". Variables: "g", "h"
// (post-sized); with STP "u", "x" (pre-sized).
type Alpha struct{ linear }

// NewAlpha returns an alpha-function projection; a nil out means CUBA.
func NewAlpha(pre, post sim.Population, conn connect.Connector, p AlphaParams, out Output) (*Alpha, error) {
	const kind = "Alpha"
	if err := checkTau(kind, "TauDecay", p.TauDecay); err != nil {
		return nil, err
	}
	exact, err := methodExact(kind, p.Method)
	if err != nil {
		return nil, err
	}
	o, err := resolveOutput(kind, out, CUBA{})
	if err != nil {
		return nil, err
	}
	a := &Alpha{linear{kind: kind, par: p, dyn: dynDual, alpha: true, tauD: p.TauDecay, tauR: p.TauDecay, exact: exact, out: o, stp: p.STP,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights,
			delay: p.Delay, delays: p.Delays, delayInit: p.DelayInit}}}
	if err := newLinear(&a.linear, pre, post, conn); err != nil {
		return nil, err
	}
	return a, nil
}
