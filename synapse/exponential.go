package synapse

import (
	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// ExponentialParams are the parameters of an Exponential projection.
//
//	Tau         decay time constant τ, ms (> 0)                    8
//	GMax        weight of every synapse (unless WeightInit/Weights) 1
//	WeightInit  per-synapse float32 weights drawn at build time     nil
//	Weights     per-synapse float32 weights in CSR order            nil
//	Delay       one delay for all synapses, ms (>= 0)               0
//	Delays      per-synapse delays in CSR order, ms (>= 0)          nil
//	DelayInit   per-synapse delays drawn at build time, ms          nil
//	STP         short-term plasticity (uniform delay only)          nil
//
// The weight and delay fields mean the same in every params struct of the
// package. At most one of WeightInit and Weights may be set; WeightInit is
// drawn from the projection's "weights" stream, one value per synapse in
// the connector's CSR order. At most one of Delays and DelayInit may be
// set, and then Delay must be 0.
//
// A delay d ms becomes the latency λ = max(1, round(d/dt)) steps: a spike
// emitted at step j arrives (changes the synaptic state) at step j + λ.
// Per-synapse delays give each synapse its own λ; the synapses are grouped
// by latency and every group reads the spikes of its own step, so each
// arrives exactly λ steps after emission, and MaxLag is the largest λ.
//
// BrainPy counts delays differently (docs/semantics.md, “Delays and
// latency”). Its "no delay" (None) delivers after one step, as Delay 0 does
// here. BrainPy ≥ 2.4's delay = d ms allocates n = ceil(d/dt) slots and
// delivers after max(1, n − 1) steps: use Delay = max(1, n − 1)·dt to
// reproduce it. BrainPy 2.1's delay_step = n (also per pre neuron, as an int
// array) delivers after n + 2 steps: use Delay = (n + 2)·dt, or Delays with
// each synapse's (n_i + 2)·dt.
type ExponentialParams struct {
	Tau        float64
	GMax       float64
	WeightInit initial.Init
	Weights    []float32
	Delay      float64
	Delays     []float64
	DelayInit  initial.Init
	STP        *ShortTerm
}

// DefaultExponential returns BrainPy's defaults: τ = 8 ms, GMax = 1.
func DefaultExponential() ExponentialParams { return ExponentialParams{Tau: 8, GMax: 1} }

// Exponential is a projection with an exponentially decaying conductance
// per post neuron and any Output (BrainPy's bp.synapses.Exponential and
// bp.dyn.Expon; Sterratt et al. 2011, ch. 7):
//
//	dg/dt = −g/τ;  g ← g + w·e at each arriving spike (e = 1, or the
//	short-term efficacy)
//	I_post = out(g, V_post)
//
// Within a step g first decays exactly, g ← g·e^{−dt/τ}, then the arriving
// weights are added, then the output adds its current (the ExpCOBA/ExpCUBA
// order). With STP nil, a uniform delay and a CUBA or COBA output it gives
// the numbers of ExpCUBA/ExpCOBA up to rounding (those fold the arriving
// weights into g, see sim.Channel); it adds short-term plasticity,
// per-synapse delays and the MgBlock output.
//
// Receives spikes; sends current to the post "input" (reads the post "V"
// when the output needs it). Variables: "g" (post-sized); with STP "u"
// (facilitating only) and "x" (pre-sized).
type Exponential struct{ linear }

// NewExponential returns an exponential projection from pre to post; a nil
// out means CUBA (BrainPy's default for Exponential).
func NewExponential(pre, post sim.Population, conn connect.Connector, p ExponentialParams, out Output) (*Exponential, error) {
	const kind = "Exponential"
	if err := checkTau(kind, "Tau", p.Tau); err != nil {
		return nil, err
	}
	o, err := resolveOutput(kind, out, CUBA{})
	if err != nil {
		return nil, err
	}
	e := &Exponential{linear{kind: kind, par: p, dyn: dynExp, tauD: p.Tau, out: o, stp: p.STP,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights,
			delay: p.Delay, delays: p.Delays, delayInit: p.DelayInit}}}
	if err := newLinear(&e.linear, pre, post, conn); err != nil {
		return nil, err
	}
	return e, nil
}
