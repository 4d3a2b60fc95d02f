package synapse

import (
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// DeltaParams are the parameters of a Delta projection.
//
//	TauRef  refractory period of the post population, ms (>= 0)   0
//	GMax, WeightInit, Weights, Delay, Delays, DelayInit, STP: as in
//	ExponentialParams; GMax (the jump, mV)                          1
type DeltaParams struct {
	TauRef     float64
	GMax       float64
	WeightInit initial.Init
	Weights    []float32
	Delay      float64
	Delays     []float64
	DelayInit  initial.Init
	STP        *ShortTerm
}

// DefaultDelta returns BrainPy's defaults: GMax = 1 mV, no refractory mask.
func DefaultDelta() DeltaParams { return DeltaParams{GMax: 1} }

// Delta is the voltage-jump synapse (BrainPy's bp.synapses.Delta and
// FullProjDelta): each arriving spike adds its weight w (mV) to the post
// membrane potential, V_post ← V_post + w·e (e = 1, or the short-term
// efficacy). It has no state of its own.
//
// The jump is written to the post "V" in the projection phase of the step,
// before the post population integrates. Compared with BrainPy, which adds
// delta inputs after the integration, this means:
//
//   - the jump is integrated with the step: a LIF neuron ends the arrival
//     step at V∞ + (V + w − V∞)·e^{−dt/τ_m} instead of V∞ + (V − V∞)·e^{−dt/τ_m}
//   - w, a factor e^{−dt/τ_m} on the jump (0.995 for dt = 0.1, τ_m = 20);
//     the threshold test still follows in the same step;
//   - BrainPy drops the jump while the post neuron is refractory (its
//     refractory freeze restores V). A population that freezes V keeps
//     whatever V holds, so here the projection drops the jumps itself: set
//     TauRef to the post population's refractory period and no jump is
//     applied at steps k with k − (last post spike) ≤ round(TauRef/dt), the
//     LIF rule. The projection learns the post spikes from the post
//     population's spike flags. TauRef = 0 applies every jump;
//   - projections that read the post V later in the same step (COBA
//     outputs added after the Delta in the network, or conductances the
//     post population hosts) see the jumped V.
//
// A Delta must not target a population that a GapJunction reads as its pre
// population: the gap junction reads that V from other blocks in the same
// phase.
//
// Receives spikes; writes the post "V". Variables: with STP "u", "x"
// (pre-sized).
type Delta struct{ linear }

// NewDelta returns a voltage-jump projection from pre to post.
func NewDelta(pre, post sim.Population, conn connect.Connector, p DeltaParams) (*Delta, error) {
	const kind = "Delta"
	if !(p.TauRef >= 0) || math.IsInf(p.TauRef, 0) {
		return nil, paramErr(kind, "TauRef", p.TauRef, "must be a finite number of ms >= 0")
	}
	d := &Delta{linear{kind: kind, dyn: dynDelta, tauRef: p.TauRef, stp: p.STP,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights,
			delay: p.Delay, delays: p.Delays, delayInit: p.DelayInit}}}
	if err := newLinear(&d.linear, pre, post, conn); err != nil {
		return nil, err
	}
	return d, nil
}
