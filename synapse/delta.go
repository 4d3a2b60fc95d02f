package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// DeltaParams are the parameters of a Delta projection.
//
//	GMax, WeightInit, Weights, Delay, Delays, DelayInit, STP: as in
//	ExponentialParams; GMax (the jump, mV)                          1
//	TauRef  deprecated, see below                                   0
type DeltaParams struct {
	// TauRef is deprecated: a post population that implements JumpTarget
	// (every neuron model of package neuron) drops the jumps that arrive
	// during its own refractory period, and TauRef is ignored. It is used
	// only for a post population without Jumps, onto which the jumps are
	// written directly: then no jump is applied at steps k with
	// k − (last post spike) ≤ round(TauRef/dt), the post spikes being read
	// from the population's spike flags. It must be a finite number of
	// ms >= 0.
	TauRef     float64
	GMax       float64
	WeightInit initial.Init
	Weights    []float32
	Delay      float64
	Delays     []float64
	DelayInit  initial.Init
	STP        *ShortTerm
}

// DefaultDelta returns BrainPy's defaults: GMax = 1 mV.
func DefaultDelta() DeltaParams { return DeltaParams{GMax: 1} }

// JumpTarget is sim.JumpTarget: a population that takes voltage jumps
// after integrating the step and drops them while refractory.
type JumpTarget = sim.JumpTarget

// Delta is the voltage-jump synapse (BrainPy's bp.synapses.Delta and
// FullProjDelta): each arriving spike adds its weight w (mV) to the post
// membrane potential, V_post ← V_post + w·e (e = 1, or the short-term
// efficacy). It has no state of its own.
//
// With a post population that implements JumpTarget (all the models of
// package neuron) the order within step k is BrainPy's: the post neuron
// integrates its V over the step, then the jumps that arrived in step k are
// added, then, if the neuron is refractory, V is restored to its old value
// (the jumps are lost), then the threshold is tested. For a LIF neuron
// that is not refractory,
//
//	V_k = V∞ + (V_{k−1} − V∞)·e^{−dt/τ_m} + Σw,   spike if V_k ≥ V_th.
//
// So a jump is never integrated with the step, a jump arriving while the
// neuron is refractory has no effect (as in BrainPy, Brian2 and NEST), and
// other projections that read the post V in the same step (COBA outputs,
// gap junctions) see the V left by step k−1. DeltaParams.TauRef is not
// needed.
//
// A post population without Jumps (e.g. one written outside this
// repository) gets the jumps written to its "V" during the projection
// phase, before it integrates: the jump is then integrated with the step
// (a factor e^{−dt/τ_m} on it for a LIF), other projections reading V later
// in the phase see the jumped V, and the deprecated TauRef is the only way
// to drop jumps during the refractory period. Such a population must not
// be the pre population of a GapJunction, which reads that V from other
// blocks in the same phase.
//
// Receives spikes; writes the post's Jumps (or "V"). Variables: with STP
// "u", "x" (pre-sized).
type Delta struct{ linear }

// NewDelta returns a voltage-jump projection from pre to post.
func NewDelta(pre, post sim.Population, conn connect.Connector, p DeltaParams) (*Delta, error) {
	const kind = "Delta"
	if !(p.TauRef >= 0) || math.IsInf(p.TauRef, 0) {
		return nil, paramErr(kind, "TauRef", p.TauRef, "must be a finite number of ms >= 0")
	}
	d := &Delta{linear{kind: kind, par: p, dyn: dynDelta, tauRef: p.TauRef, stp: p.STP,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights,
			delay: p.Delay, delays: p.Delays, delayInit: p.DelayInit}}}
	if err := newLinear(&d.linear, pre, post, conn); err != nil {
		return nil, err
	}
	return d, nil
}

// initDelta finds where the jumps go: the post population's Jumps
// accumulator, which then receives the arriving weights directly, or else
// its "V".
func (l *linear) initDelta(env *sim.Env) error {
	l.toJumps, l.v = false, nil
	v := l.post.Var("V")
	if v == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"V\" variable", l.kind)
	}
	if jt, ok := l.post.(JumpTarget); ok {
		if j := jt.Jumps(); j != nil {
			if len(j) != env.Local() {
				return fmt.Errorf("synapse: %s: the post population's Jumps has %d elements: must have one per neuron it holds, %d", l.kind, len(j), env.Local())
			}
			if l.tauRef != 0 {
				env.Warn(fmt.Sprintf("Delta TauRef = %v ms is ignored: the post population drops jumps while refractory itself", l.tauRef))
			}
			l.a, l.toJumps = j, true
			return nil
		}
	}
	l.v = v
	return nil
}

// jump adds the arrived weights to V (a post population without Jumps),
// except for post neurons in their refractory period (k − last post spike
// ≤ round(TauRef/dt)). The post spikes of step k−1 are read from the post
// population's spike flags, which hold that step until the post block
// updates.
func (l *linear) jump(k int64, lo, hi int, a []float64, arrived bool) {
	last := l.last[lo:hi]
	if l.ref > 0 {
		for j, s := range l.post.Spike()[lo:hi] {
			if s {
				last[j] = k - 1
			}
		}
	}
	if !arrived {
		return
	}
	V, ref := l.v[lo:hi], l.ref
	V = V[:len(a)]
	for j, x := range a {
		if k-last[j] > ref {
			V[j] += x
		}
		a[j] = 0
	}
}
